from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy()
db.init_app(app)


class User(db.Model):  # defining models needs no context
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship("Post", backref="author")


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey("user.id"))


with app.app_context():
    db.create_all()

ctx = app.app_context()
ctx.push()
User.query.count()
ctx.pop()


@app.route("/users")
def users():
    return [u.id for u in User.query.all()]


@app.cli.command()
def seed():
    db.session.add(User())
    db.session.commit()


def helper():
    """Called from views only: judged by its callers."""
    return db.session.get(User, 1)


@app.get("/first")
def first():
    return str(helper())


def create_app():
    application = Flask(__name__)
    db.init_app(application)
    with application.app_context():
        db.create_all()
        helper()
    return application
