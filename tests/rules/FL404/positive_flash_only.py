from flask import Flask, flash, redirect

app = Flask(__name__)


@app.post("/save")
def save():
    flash("Saved")  # expect: FL404
    return redirect("/")
