from flask.sessions import SecureCookieSessionInterface


class ShopSessionInterface(SecureCookieSessionInterface):
    def save_session(self, app, session, response):
        # `app` is a ShopFlask, which defines session_cookie_name itself.
        response.delete_cookie(app.session_cookie_name)
