"""Run as a script (`python cli.py`), it imports the app; imported by app.py, it does not."""

import sys

if __name__ == "__main__":
    from app import app

    app.run(debug="--debug" in sys.argv)
