from flask import Flask


class ShopFlask(Flask):
    @property
    def session_cookie_name(self):
        return self.config["SESSION_COOKIE_NAME"] + "_shop"
