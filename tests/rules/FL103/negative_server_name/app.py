from flask import Flask, url_for

app = Flask(__name__)
app.config["SERVER_NAME"] = "example.com"


@app.cli.command()
def mail():
    print(url_for("index", _external=True))


with app.app_context():
    link = url_for("index")
