"""Objects called `db`, `session` or `query` that are not Flask-SQLAlchemy's."""

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, declarative_base

engine = create_engine("sqlite://")
Base = declarative_base()
Base.metadata.create_all(engine)

session = Session(engine)
session.query(Base).count()


class FakeDb:
    session = None

    def create_all(self):
        pass


db = FakeDb()
db.create_all()
db.session


class Search:
    query = "flask"


TERMS = Search.query.split()


def process(db):
    return db.session.query  # a parameter: anything
