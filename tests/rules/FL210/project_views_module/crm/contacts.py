from flask import Blueprint

contacts = Blueprint("contacts", __name__)


@contacts.route("/contacts")
def listing():
    return "contacts"
