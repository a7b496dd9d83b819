import os

from flask import Flask

app = Flask(__name__)


class Server:
    def run(self, host):
        return host


if __name__ == "__main__":
    app.run()
    app.run(host="127.0.0.1")
    app.run(host="localhost", port=5000)
    app.run(host=os.environ.get("HOST", "127.0.0.1"))
    Server().run(host="0.0.0.0")
