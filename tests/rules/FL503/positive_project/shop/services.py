from .extensions import db
from .models import User


def register_user(name):
    user = User(name=name)
    _stage(user)
    return user


def _stage(user):
    db.session.merge(user)
