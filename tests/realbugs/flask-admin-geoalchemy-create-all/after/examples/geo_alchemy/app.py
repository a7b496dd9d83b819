# pallets-eco/flask-admin examples/geo_alchemy/app.py @ 6d749efb9a81760e8b78af3f85aba667939fb870 (after) the fix 6d749efb9a81760e8b78af3f85aba667939fb870: db.create_all() in the __main__ block runs with no app context (Flask-SQLAlchemy 3)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

import flask_admin as admin
from geoalchemy2.types import Geometry
from flask_admin.contrib.geoa import ModelView


app = Flask(__name__)
app.config.from_pyfile('config.py')
db = SQLAlchemy(app)


class Point(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64), unique=True)
    point = db.Column(Geometry("POINT"))


class Polygon(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(64), unique=True)
    point = db.Column(Geometry("POLYGON"))


@app.route('/')
def index():
    return '<a href="/admin/">Click me to get to Admin!</a>'


admin = admin.Admin(app, name='Example: GeoAlchemy', template_mode='bootstrap4')
admin.add_view(ModelView(Point, db.session, category='Points'))
admin.add_view(ModelView(Polygon, db.session, category='Polygons'))

if __name__ == '__main__':

    with app.app_context():
        db.create_all()

    app.run(debug=True)
