from flask import Blueprint, Flask

app = Flask(__name__)
account = Blueprint("account", __name__)
users = Blueprint("users", __name__)
other_users = Blueprint("users", __name__)
api = Blueprint("api", __name__)

app.register_blueprint(account, url_prefix="/account")
app.register_blueprint(account, url_prefix="/me")  # expect: FL204
app.register_blueprint(users)
app.register_blueprint(other_users, url_prefix="/v2")  # expect: FL204
app.register_blueprint(api, name="v1")
app.register_blueprint(api, url_prefix="/v1", name="v1")  # expect: FL204
