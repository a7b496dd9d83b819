from flask import Flask, g

app = Flask(__name__)

with app.app_context():
    g.db = {"users": []}
    g.locale = "en"
    g.theme = "light"


def load_locale():
    g.locale = "fr"  # a helper, judged by nobody here: it may run in a request (and does)


@app.before_request
def open_db():
    g.db = {"users": ["ada"]}
    load_locale()


@app.url_value_preprocessor
def pull_theme(endpoint, values):
    g.theme = (values or {}).pop("theme", "dark")


@app.get("/users")
def users():
    return {"users": g.db["users"], "locale": g.locale, "theme": g.theme}
