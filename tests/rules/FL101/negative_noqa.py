from flask import request

VALUE = request.args  # noqa: FL101
OTHER = request.form  # noqa
