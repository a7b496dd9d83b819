from . import main


@main.route("/")  # expect: FL206
def index():
    return "pages"
