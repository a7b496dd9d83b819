import flask


def test_two_apps_in_one_test():
    app = flask.Flask(__name__)

    class First(flask.views.View):
        def dispatch_request(self):
            return "first"

    app.add_url_rule("/", view_func=First.as_view("index"))

    app = flask.Flask(__name__)

    class Second(flask.views.View):
        def dispatch_request(self):
            return "second"

    app.add_url_rule("/", view_func=Second.as_view("index"))
