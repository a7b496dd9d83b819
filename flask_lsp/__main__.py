from flask_lsp.cli import main

raise SystemExit(main())
