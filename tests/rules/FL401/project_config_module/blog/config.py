# A configuration module that does not import Flask: its classes still configure the app.
import os


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")


class ProductionConfig(Config):
    SECRET_KEY = "please-change-this-before-going-live"  # expect: FL401


class TestConfig(Config):
    SECRET_KEY = "test"
