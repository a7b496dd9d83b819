"""Tasks whose decorator may run them inside a Flask context: undecided, so not reported."""

from celery import Celery, Task
from flask import Flask, request, session

app = Flask(__name__)
app.config["SECRET_KEY"] = "not the point here"  # noqa: FL401


class ContextTask(Task):
    def __call__(self, *args, **kwargs):
        with app.test_request_context():
            return self.run(*args, **kwargs)


celery = Celery(app.import_name)


@celery.task(base=ContextTask)
def render_report(report_id):
    return request.host_url + str(report_id)


@celery.task(request_context=True)
def build_site(site):
    session["lang"] = site.lang
