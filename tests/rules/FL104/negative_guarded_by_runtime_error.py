import threading

from flask import Flask, g

app = Flask(__name__)


def cached_lookup(url):
    # Outside an app context Flask raises RuntimeError: handled, the cache is skipped.
    try:
        cache = g.setdefault("lookups", {})
    except RuntimeError:
        cache = {}
    return cache.setdefault(url, len(url))


def warm(urls):
    for url in urls:
        cached_lookup(url)


@app.post("/warm")
def start_warming():
    threading.Thread(target=warm, args=(["a", "b"],)).start()
    return "started"
