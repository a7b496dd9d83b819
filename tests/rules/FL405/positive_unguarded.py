from flask import Flask

from myproject import create_app

app = Flask(__name__)

app.run()  # expect: FL405

other = create_app()
other.run(port=5001)  # expect: FL405

try:
    app.run(host="127.0.0.1")  # expect: FL405
except OSError:
    pass
