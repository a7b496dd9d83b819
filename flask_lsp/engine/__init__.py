"""The engine: runs the rules (flask_lsp.rules) over the analysis (flask_lsp.analysis), for the
command line and the server. The analysis below it never imports a rule."""
