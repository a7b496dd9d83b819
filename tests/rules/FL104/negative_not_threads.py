import threading

from flask import Flask, current_app, request

app = Flask(__name__)


def worker(config):
    return config["X"]


class Pool:
    def submit(self, fn, *args):
        return fn(*args)


pool_of_ideas = Pool()


@app.route("/")
def index():
    # Plain values, not proxies, cross the thread boundary.
    threading.Thread(target=worker, args=(dict(current_app.config),)).start()
    # A name that merely looks like a pool runs the function right here.
    pool_of_ideas.submit(worker, {"X": request.args.get("x")})
    # Threads whose target needs no context.
    threading.Thread(target=print, args=("hello",)).start()
    threading.Thread(target=lambda: None).start()
    return "ok"


def start_background(app_obj):
    def loop():
        with app_obj.app_context():
            current_app.logger.info("tick")

    threading.Thread(target=loop, daemon=True).start()
