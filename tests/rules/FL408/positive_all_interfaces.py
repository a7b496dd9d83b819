import os

from flask import Flask

app = Flask(__name__)

if __name__ == "__main__":
    app.run(host="0.0.0.0", debug=True)  # expect: FL408
    app.run("0.0.0.0", 8080, True)  # expect: FL408
    app.run(host="::", port=int(os.environ.get("PORT", "5000")), debug=True)  # expect: FL408
    app.run (host="0.0.0.0", debug=True)  # expect: FL408
