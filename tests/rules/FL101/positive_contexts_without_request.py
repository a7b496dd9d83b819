import click
from celery import shared_task
from flask import Flask, request, session
from flask.cli import with_appcontext

app = Flask(__name__)


@app.cli.command("seed")
def seed():
    print(request.args)  # expect: FL101


@click.command()
@with_appcontext
def export():
    return session.get("user")  # expect: FL101


@app.teardown_appcontext
def close(exc):
    print(request.path)  # expect: FL101


@shared_task
def send(user_id):
    return request.host  # expect: FL101


with app.app_context():
    request.args  # expect: FL101


def create_app():
    app = Flask(__name__)
    app.logger.info(request.url)  # expect: FL101
    return app
