from flask import Blueprint, Flask

app = Flask(__name__)
admin_app = Flask("admin")
account = Blueprint("account", __name__)
api = Blueprint("api", __name__)
legacy = Blueprint("legacy", __name__)
parent = Blueprint("parent", __name__)
child = Blueprint("child", __name__)

app.register_blueprint(account, url_prefix="/account")
app.register_blueprint(account, url_prefix="/me", name="me")  # a distinct name
admin_app.register_blueprint(account)  # another app entirely
app.register_blueprint(api)
admin_app.register_blueprint(api)
if app.debug:
    app.register_blueprint(legacy)  # only one of the two runs
else:
    app.register_blueprint(legacy, url_prefix="/old")
parent.register_blueprint(child)
app.register_blueprint(parent)
app.register_blueprint(child)  # "child" here, "parent.child" when nested: different names
