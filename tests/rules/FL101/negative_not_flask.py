import urllib.request
from urllib import request as urlrequest

import requests
from sqlalchemy.orm import Session

session = Session()
session.add(object())

request = urllib.request.Request("https://example.com")
request.add_header("x", "y")

http = requests.Session()
http.get("https://example.com")

urlrequest.urlopen  # noqa


def handler(request, session):
    return request.args, session["id"]


class Proxy:
    request = None

    def read(self):
        return self.request.args


for request in []:
    request.args
