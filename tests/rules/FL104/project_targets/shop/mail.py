from flask import current_app


class Mailer:
    """Sends in the background; `send_all` forgets that the thread has no app context."""

    def __init__(self, app=None):
        self.app = app

    @staticmethod
    def send_all(user_ids):
        server = current_app.config["MAIL_SERVER"]
        return [(server, user_id) for user_id in user_ids]

    def send_with_app(self, user_id):
        with self.app.app_context():
            return current_app.config["MAIL_SERVER"], user_id


def deliver(address, subject):
    return address, subject
