import threading

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)


class Admin(User):
    pass


db.create_all()  # expect: FL505
ADMINS = Admin.query.all()  # expect: FL505


def count_users():
    return db.session.query(User).count()


TOTAL = count_users()  # expect: FL505


def nightly_cleanup():
    User.query.filter_by(name=None).delete()
    db.session.commit()


@app.post("/cleanup")
def cleanup():
    threading.Thread(target=nightly_cleanup).start()  # expect: FL505
    return "started"


pending = db.session.new  # expect: FL505
db.session().close()  # expect: FL505
