"""A class of environment variable names is not configuration: no key is set here."""

import os


class EnvironmentNames:
    SECRET_KEY = "SECRET_KEY"
    DATABASE_URL = "DATABASE_URL"


class Config:
    SECRET_KEY = os.environ[EnvironmentNames.SECRET_KEY]
