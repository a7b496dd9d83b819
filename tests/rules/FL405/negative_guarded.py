import subprocess

from flask import Flask

app = Flask(__name__)


def main():
    app.run()


if __name__ == "__main__":
    app.run()

if "__main__" == __name__:
    main()
    app.run(port=5001)


class Runner:
    def run(self):
        return 1


runner = Runner()
runner.run()
subprocess.run(["ls"])
