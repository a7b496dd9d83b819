from flask import Flask

app = Flask(__name__)
app.debug = True  # expect: FL402
app.config["DEBUG"] = True  # expect: FL402


class ProductionConfig:
    DEBUG = True  # expect: FL402


if __name__ == "__main__":
    app.run(port=8000, debug=True)  # expect: FL402
