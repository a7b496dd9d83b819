import os

from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    # Without debug, 0.0.0.0 is how a container or a phone reaches the development server.
    app.run(host="0.0.0.0")
    app.run("0.0.0.0", 8080)
    app.run(host="::", port=int(os.environ.get("PORT", "5000")), debug=False)
