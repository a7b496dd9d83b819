"""Imports nothing from `app` itself: the cycle goes through `models`."""

import models  # noqa: F401
