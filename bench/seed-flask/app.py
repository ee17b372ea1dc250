# The seed article's Flask app, as its stage 1 and 3 describe it: GET / renders index.html,
# GET /hello_world returns the text. Served for the benchmark the way the seed recommends:
#   gunicorn -k gevent -w 8 -b 127.0.0.1:5000 app:app
from flask import Flask, render_template

app = Flask(__name__)


@app.route("/")
def index():
    return render_template("index.html", site="Atrium")


@app.route("/hello_world")
def hello_world():
    return "Hello World!"
