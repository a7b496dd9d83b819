# astropy/astropy-bot changebot/blueprints/stale_issues.py @ 14ebacfe5cf5c05e164932e21e49a9607a6de022 (after) the fix 14ebacfe5cf5c05e164932e21e49a9607a6de022: the streamed generator reads current_app after the view returned
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import json
import time

from changebot.github.github_api import IssueHandler, RepoHandler
from flask import Blueprint, Response, current_app, request, stream_with_context

stale_issues = Blueprint("stale_issues", __name__)


@stale_issues.route("/close_stale_issues", methods=["POST"])
def close_stale_issues():
    payload = json.loads(request.data)
    for keyword in ["repository", "cron_token", "installation"]:
        if keyword not in payload:
            return f"Payload mising {keyword}"
    if payload["cron_token"] != current_app.cron_token:
        return "Incorrect cron_token"
    # a generator, so that the requester keeps receiving data (Heroku's timeout)
    return Response(stream_with_context(process_issues(payload["repository"], payload["installation"])), mimetype="text/plain")


def process_issues(repository, installation):
    now = time.time()
    repo = RepoHandler(repository, "master", installation)
    for n in repo.get_issues("open", "Close?"):
        yield f"Checking {n}"
        issue = IssueHandler(repository, n, installation)
        labeled_time = issue.get_label_added_date("Close?")
        if labeled_time is None:
            continue
        dt = now - labeled_time
        if current_app.stale_issue_close and dt > current_app.stale_issue_close_seconds:
            issue.close()
            yield f"-> CLOSING issue {n}"
        elif dt > current_app.stale_issue_warn_seconds:
            yield f"-> WARNING issue {n}"
        else:
            yield f"-> OK issue {n}"
    yield "Finished checking for stale issues"
