"""What Flask really does in the situations FL3xx/FL4xx flag, shown with its test client.

The rules' explanations quote these behaviours; if a Flask or Werkzeug upgrade changes one of
them, the test fails here first. The app is tests/runtime/data_app.py.
"""

from __future__ import annotations

import pytest
from flask.testing import FlaskClient
from werkzeug.exceptions import BadRequestKeyError

from .data_app import create_app


@pytest.fixture
def client() -> FlaskClient:
    return create_app().test_client()


def test_fl301_fl302_a_get_only_route_answers_post_with_405(client: FlaskClient) -> None:
    # The view's `if request.method == "POST":` branch is never reached.
    assert client.post("/login").status_code == 405
    assert client.get("/login").text == "form"


def test_fl304_missing_form_key_aborts_with_400(client: FlaskClient) -> None:
    assert client.post("/form", data={}).status_code == 400
    assert client.post("/form", data={"name": "ada"}).text == "ada"


def test_fl304_missing_cookie_is_400_but_missing_header_is_a_500(client: FlaskClient) -> None:
    assert client.get("/cookie-value").status_code == 400
    with pytest.raises(KeyError) as raised:  # a 500 in production
        client.get("/header")
    assert not isinstance(raised.value, BadRequestKeyError)
    assert client.get("/header", headers={"X-Token": "t"}).text == "t"


def test_fl304_json_key_paths(client: FlaskClient) -> None:
    # Not JSON: 415 with Werkzeug's message (quoted by FL303/FL304); JSON without the key: the
    # KeyError escapes the view (a 500 in production; the test client re-raises it).
    response = client.post("/json-key", data="user=ada")
    assert response.status_code == 415
    assert b"Did not attempt to load JSON data" in response.data
    with pytest.raises(KeyError) as raised:
        client.post("/json-key", json={"name": "ada"})
    assert not isinstance(raised.value, BadRequestKeyError)
    assert client.post("/json-key", json={"user": "ada"}).text == "ada"


@pytest.mark.parametrize(("query", "type_name"), [("?page=2", "str"), ("", "int")])
def test_fl305_args_get_default_keeps_its_type(
    client: FlaskClient, query: str, type_name: str
) -> None:
    assert client.get(f"/page{query}").text == type_name


@pytest.mark.parametrize(("query", "value"), [("?page=2", "2"), ("", "1"), ("?page=abc", "1")])
def test_fl305_type_int_converts_and_falls_back_to_the_default(
    client: FlaskClient, query: str, value: str
) -> None:
    assert client.get(f"/page-int{query}").text == value


def test_fl306_returned_json_dumps_is_served_as_html(client: FlaskClient) -> None:
    response = client.get("/dumps")
    assert response.mimetype == "text/html"
    assert response.json is None  # a JSON client does not see JSON


def test_fl307_send_file_of_a_buffer_cannot_guess_the_type(client: FlaskClient) -> None:
    with pytest.raises(TypeError, match="Unable to detect the MIME type"):
        client.get("/download")


@pytest.mark.parametrize(
    ("method", "kwargs"),
    [("post", {"data": "name=ada", "content_type": "text/plain"}), ("get", {})],
)
def test_get_json_on_a_non_json_body_aborts_with_415(
    client: FlaskClient, method: str, kwargs: dict[str, str]
) -> None:
    assert getattr(client, method)("/json", **kwargs).status_code == 415


def test_fl303_a_view_sees_either_json_or_form_never_both(client: FlaskClient) -> None:
    assert client.post("/either", json={"a": 1}).json == {"form": {}, "json": {"a": 1}}
    assert client.post("/either", data={"a": "1"}).json == {"form": {"a": "1"}, "json": None}


def test_fl404_writing_the_session_without_a_secret_key_raises() -> None:
    client = create_app(secret_key=None).test_client()
    assert client.get("/whoami").text == "anonymous"  # reading works: an empty session
    with pytest.raises(RuntimeError, match="no secret key was set"):
        client.post("/remember")


def test_fl403_secure_false_leaves_the_session_cookie_readable_over_http(
    client: FlaskClient,
) -> None:
    header = client.post("/remember").headers["Set-Cookie"]
    assert header.startswith("session=")
    assert "Secure" not in header
    assert "HttpOnly" in header  # Flask's default, which SESSION_COOKIE_HTTPONLY=False removes


def test_fl406_a_template_built_from_request_data_runs_it(client: FlaskClient) -> None:
    assert client.get("/hello", query_string={"name": "{{ 7 * 7 }}"}).text == "Hello 49"


def test_fl407_set_cookie_defaults_to_no_secure_httponly_or_samesite(
    client: FlaskClient,
) -> None:
    header = client.get("/cookie").headers["Set-Cookie"]
    assert header == "token=abc; Path=/"
