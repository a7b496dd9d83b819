"""flask-lsp: a language server and checker that catches Flask mistakes while you type."""

__version__ = "0.1.0"
