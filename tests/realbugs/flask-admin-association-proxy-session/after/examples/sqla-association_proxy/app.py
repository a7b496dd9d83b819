# pallets-eco/flask-admin examples/sqla-association_proxy/app.py @ febe5f9f97f7ac70e474890dd77faa855c6d98b8 (after) the fix febe5f9f97f7ac70e474890dd77faa855c6d98b8: db.create_all() and db.session.add()/commit() in the __main__ block run with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.ext.associationproxy import association_proxy
from sqlalchemy.orm import relationship, backref

import flask_admin as admin
from flask_admin.contrib import sqla

app = Flask(__name__)
app.config['SECRET_KEY'] = '123456790'
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)


class User(db.Model):
    __tablename__ = 'user'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64))
    keywords = association_proxy('user_keywords', 'keyword')

    def __init__(self, name=None):
        self.name = name


class UserKeyword(db.Model):
    __tablename__ = 'user_keyword'
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'), primary_key=True)
    keyword_id = db.Column(db.Integer, db.ForeignKey('keyword.id'), primary_key=True)
    user = relationship(User, backref=backref("user_keywords", cascade="all, delete-orphan"))
    keyword = relationship("Keyword")

    def __init__(self, keyword=None, user=None):
        self.user = user
        self.keyword = keyword


class Keyword(db.Model):
    __tablename__ = 'keyword'
    id = db.Column(db.Integer, primary_key=True)
    keyword = db.Column('keyword', db.String(64))

    def __init__(self, keyword=None):
        self.keyword = keyword


admin = admin.Admin(app, name='Example: SQLAlchemy Association Proxy', template_mode='bootstrap4')
admin.add_view(sqla.ModelView(User, db.session))
admin.add_view(sqla.ModelView(Keyword, db.session))

if __name__ == '__main__':

    with app.app_context():
        db.create_all()

    user = User('log')
    for kw in (Keyword('new_from_blammo'), Keyword('its_big')):
        user.keywords.append(kw)

    with app.app_context():
        db.session.add(user)
        db.session.commit()

    app.run(debug=True)
