from .database import Model, database


class Post(Model):
    id = database.Column(database.Integer, primary_key=True)


LATEST = Post.query.first()  # expect: FL505
database.create_all()  # expect: FL505
