import os

from flask import Blueprint, Flask

app = Flask(__name__)
admin = Blueprint("admin", __name__, url_prefix="/admin")
api = Blueprint("api", __name__)
shop = Blueprint("shop", __name__, url_prefix="/shop")
docs = Blueprint("docs", __name__, url_prefix="/docs")
blog = Blueprint("blog", __name__, url_prefix="/blog")

app.register_blueprint(admin)  # prefix set only once, at Blueprint()
app.register_blueprint(api, url_prefix="/api")  # prefix set only once, at registration
app.register_blueprint(shop, url_prefix="/shop/")  # the same prefix, trailing slash aside
app.register_blueprint(docs, url_prefix=None)  # None means "use the blueprint's"
app.register_blueprint(blog, url_prefix=os.environ["BLOG_PREFIX"])  # not known: not judged
