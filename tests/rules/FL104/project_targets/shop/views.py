import functools
import threading
from concurrent.futures import ThreadPoolExecutor

from flask import Blueprint, current_app, request

from .mail import Mailer, deliver

bp = Blueprint("shop", __name__)
executor = ThreadPoolExecutor(max_workers=2)


class Poller:
    """Polls the payment provider on its own thread."""

    def start(self):
        threading.Thread(target=self._loop, daemon=True).start()  # expect: FL104

    def _loop(self):
        return self._current_order()

    def _current_order(self):
        return request.args.get("order")


@bp.post("/newsletter")
def newsletter():
    threading.Thread(target=Mailer.send_all, args=([1, 2],)).start()  # expect: FL104
    executor.submit(lambda: deliver(request.form["to"], "hi"))  # expect: FL104
    executor.submit(functools.partial(deliver, request))  # expect: FL104
    return "queued"


@bp.post("/receipt")
def receipt():
    # Values read here, in the request: the thread gets plain strings.
    address = request.form["to"]
    executor.submit(functools.partial(deliver, request.form["to"], "receipt"))
    executor.submit(lambda: deliver(address, "receipt"))
    mailer = Mailer(current_app._get_current_object())
    threading.Thread(target=mailer.send_with_app, args=(1,)).start()
    return "sent"
