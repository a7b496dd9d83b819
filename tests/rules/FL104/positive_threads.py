import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Process

from flask import Flask, current_app, request

app = Flask(__name__)
executor = ThreadPoolExecutor(2)


def notify(app_obj):
    current_app.logger.info("sent")


def audit():
    return request.remote_addr


@app.route("/signup", methods=["POST"])
def signup():
    def send_mail():
        print(request.form["email"])

    threading.Thread(target=send_mail).start()  # expect: FL104
    executor.submit(notify, current_app)  # expect: FL104
    threading.Timer(5, audit).start()  # expect: FL104
    Process(target=audit).start()  # expect: FL104
    return "ok"


async def handler():
    return await asyncio.to_thread(audit)  # expect: FL104
