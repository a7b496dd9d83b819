# hotosm/tasking-manager backend/services/messaging/message_service.py @ 01138f0e4a2d0b96b83cac5a64b40c9eceae1292 (before) the fix a20ef2c01abb951a5ce1667f85c540c57539cb38: the thread target reads current_app, unbound in the new thread
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import current_app

from backend import db
from backend.models.postgis.message import Message
from backend.models.postgis.project import Project


class MessageService:
    @staticmethod
    def send_message_to_all_contributors(project_id: int, message_dto):
        """Runs on its own thread: message-all can take over a minute."""

        app = current_app  # Because message-all run on background thread it needs it's own app context

        with app.app_context():
            contributors = Message.get_all_contributors(project_id)
            project = Project.get(project_id)
            messages = []
            for contributor in contributors:
                message = Message.from_dto(contributor[0], message_dto)
                message.project_id = project.id
                messages.append(message)
            db.session.add_all(messages)
            db.session.commit()
