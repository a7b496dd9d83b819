try:
    from app import app
except ImportError:  # imported by app.py itself: no app yet
    app = None
