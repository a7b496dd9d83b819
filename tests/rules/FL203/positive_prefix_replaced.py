from flask import Blueprint, Flask

app = Flask(__name__)
admin = Blueprint("admin", __name__, url_prefix="/admin")
api = Blueprint("api", __name__, url_prefix="/api")
shop = Blueprint("shop", __name__, url_prefix="/shop")


@admin.route("/")
def dashboard():
    return "admin"


app.register_blueprint(admin, url_prefix="/staff")  # expect: FL203
app.register_blueprint(api, url_prefix="/api/v2")  # expect: FL203
app.register_blueprint(shop, url_prefix="")  # expect: FL203

blog = Blueprint("blog", __name__, url_prefix="/blog")
BLOG_PREFIX = "/journal"
app.register_blueprint(blog, url_prefix=BLOG_PREFIX)  # expect: FL203
