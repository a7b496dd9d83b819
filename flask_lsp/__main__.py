"""`python -m flask_lsp`: the same as the `flask-lsp` console script.

`python -m` puts the current folder first on sys.path, and an editor usually starts us in the
user's project: a `jedi.py` or `pygls.py` there would be imported instead of ours. Drop it
before importing anything else (what `python -P` does on 3.11+).
"""

import os
import sys

if sys.path and sys.path[0] in ("", os.getcwd()):
    del sys.path[0]

from flask_lsp.cli import main

raise SystemExit(main())
