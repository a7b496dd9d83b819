"""A compatibility module that hands Flask's old `escape` on under another name."""

from flask import escape as html_escape  # expect: FL506

__all__ = ["html_escape"]
