import threading
from concurrent.futures import ThreadPoolExecutor

from flask import Flask, copy_current_request_context, current_app, request

app = Flask(__name__)
executor = ThreadPoolExecutor(2)


def send(email, app_obj):
    with app_obj.app_context():
        app_obj.logger.info("mail to %s", email)


def plain_job(n):
    return n * 2


@app.route("/signup", methods=["POST"])
def signup():
    @copy_current_request_context
    def log_request():
        print(request.path)

    threading.Thread(target=log_request).start()
    executor.submit(send, request.form["email"], current_app._get_current_object())
    executor.submit(plain_job, 3)
    threading.Thread(target=copy_current_request_context(lambda: request.path)).start()
    return "ok"


def uses_its_own_context():
    with app.app_context():
        current_app.logger.info("fine")


threading.Thread(target=uses_its_own_context).start()
