# grei-ufc/pade pade/web/flask_server.py @ a8a6556f3bfdcef786582fd90ff286cb1d5bddb5 (before) the fix 6244b5baeff5b6c06e74c87d267b43f8010cc54d: setting LoginManager._login_disabled writes current_app.config (Flask-Login), with no app context in the new process
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask, request
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///pade.db'

login_manager = LoginManager()
login_manager.init_app(app)
login_manager.session_protection = 'strong'
login_manager.login_view = 'login'

db = SQLAlchemy(app)


@app.route('/post', methods=['POST', 'GET'])
def my_post():
    if request.method == 'GET':
        return 'ok'
    else:
        return 'Hello ' + str(request.form['name'])


def run_server(secure):
    if secure:
        login_manager._login_disabled = False
    else:
        login_manager._login_disabled = True

    app.run(host='0.0.0.0', port=5000, debug=None)
