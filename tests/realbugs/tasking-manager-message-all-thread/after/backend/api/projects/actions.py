# hotosm/tasking-manager backend/api/projects/actions.py @ a20ef2c01abb951a5ce1667f85c540c57539cb38 (after) the fix a20ef2c01abb951a5ce1667f85c540c57539cb38: the view starts the message-all job in a thread (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import threading

from flask_restful import Resource, current_app, request

from backend.models.dtos.message_dto import MessageDTO
from backend.services.messaging.message_service import MessageService
from backend.services.project_admin_service import ProjectAdminService
from backend.services.users.authentication_service import token_auth


class ProjectsActionsMessageContributorsAPI(Resource):
    @token_auth.login_required
    def post(self, project_id):
        authenticated_user_id = token_auth.current_user()
        message_dto = MessageDTO(request.get_json())
        message_dto.from_user_id = authenticated_user_id
        message_dto.validate()
        try:
            if not ProjectAdminService.is_user_action_permitted_on_project(authenticated_user_id, project_id):
                return {"Error": "User is not a manager of the project", "SubCode": "UserPermissionError"}, 403
            threading.Thread(
                target=MessageService.send_message_to_all_contributors,
                args=(project_id, message_dto),
            ).start()
            return {"Success": "Messages started"}, 200
        except Exception as e:
            current_app.logger.critical(f"Send message all - unhandled error: {str(e)}")
            return {"Error": "Unable to send messages to mappers", "SubCode": "InternalServerError"}, 500
