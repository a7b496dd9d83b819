"""The LSP front end: a thin layer of pygls handlers over `flask_lsp.analysis`."""

from .server import FlaskLanguageServer, create_server

__all__ = ["FlaskLanguageServer", "create_server"]
