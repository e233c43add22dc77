"""Per-call ``max_retries=`` and ``extra_body=``, the client's ``default_headers=`` and
``default_query=``, the server's ``x-should-retry``, and the request ID on models, raw
responses and errors, against a real server."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl

import httpx
import pydantic
import pytest

import leap
from leap._bodies import binary_body, form_body
from tests.sdk.runtime.conftest import GET, INFERENCE, MODEL, POST, Runner, Script, Servers, error_body
from tests.sdk.runtime.server import json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

REQUEST_ID = "req_8f2b1c"


# ------------------------------------------------------------------------- max_retries


@pytest.mark.parametrize("max_retries, attempts", [(0, 1), (4, 5)])
def test_max_retries_per_call_overrides_the_clients(runner: Runner, serve: Servers, max_retries: int, attempts: int) -> None:
    server = serve(Script(json_reply(500, error_body(500))))
    client = runner.client(base_url=server.url, max_retries=2)
    with pytest.raises(leap.InternalServerError):
        runner.run(GET.call(client, max_retries=max_retries))
    assert server.count() == attempts
    with pytest.raises(leap.InternalServerError):
        runner.run(GET.call(client))
    assert server.count() == attempts + 3


# ------------------------------------------------------------------------- extra_body


def test_extra_body_adds_properties_to_the_json_body(runner: Runner, serve: Servers) -> None:
    server = serve(Script(POST.success()), validate=False)  # the extra property is not in the spec
    runner.call(lambda c: POST.call(c, extra_body={"seed": 7, "prompt": "replaced"}), base_url=server.url)
    sent = json.loads(server.requests[0].content)
    assert (sent["prompt"], sent["seed"]) == ("replaced", 7)


def test_extra_body_is_kept_across_retries(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(429, error_body(429)), POST.success()), validate=False)
    runner.call(lambda c: POST.call(c, extra_body={"seed": 7}), base_url=server.url)
    assert [json.loads(r.content)["seed"] for r in server.requests] == [7, 7]


def test_extra_body_is_merged_into_the_body_once_per_call(runner: Runner, serve: Servers) -> None:
    """A model in ``extra_body`` is serialised once for the call, not again on each retry."""
    dumped: list[int] = []

    class Seed(pydantic.BaseModel):
        value: int

        @pydantic.field_serializer("value")
        def _count(self, value: int) -> int:
            dumped.append(value)
            return value

    server = serve(Script(json_reply(429, error_body(429)), json_reply(429, error_body(429)), POST.success()), validate=False)
    runner.call(lambda c: POST.call(c, extra_body={"seed": Seed(value=7)}), base_url=server.url)
    assert [json.loads(r.content)["seed"] for r in server.requests] == [{"value": 7}] * 3
    assert dumped == [7], "serialised once per call"


def test_extra_body_adds_fields_to_a_multipart_body(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(429, error_body(429)), json_reply(201, MODEL)), validate=False)
    client = runner.client(base_url=server.url)
    extra = {"name": "replaced", "seed": 7, "tags": ["a", "b"], "options": {"fast": True}}
    runner.run(client.image_models.train_model(name="m", image_sample_files=[b"\x89PNG"], extra_body=extra))
    for request in server.requests:  # the same on the retry
        fields: dict[str, list[str]] = {}
        for part in request.content.split(b"--" + request.headers["Content-Type"].split("boundary=")[1].encode()):
            if b'name="' in part and b"filename=" not in part:
                name = part.split(b'name="')[1].split(b'"')[0].decode()
                fields.setdefault(name, []).append(part.split(b"\r\n\r\n", 1)[1].rsplit(b"\r\n", 1)[0].decode())
        assert fields == {"name": ["replaced"], "subjectType": ["person"], "seed": ["7"], "tags": ["a", "b"], "options": ['{"fast": true}']}
        assert b'filename="file0"' in request.content
        options = next(part for part in request.content.split(b"\r\n\r\n")[:-1] if b'name="options"' in part)
        assert b"content-type: application/json" in options.lower(), "an object of extra_body is a JSON part, as the operation's own"


def test_extra_body_adds_fields_to_a_form_body(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(200, {})), validate=False)
    client = runner.client(base_url=server.url)
    body = form_body({"grant_type": "client_credentials", "scope": "a", "items": [{"price": "p1"}]}, {"items": ("deepObject", True)})
    extra = {"scope": "b", "audience": "api", "items": "none"}
    runner.run(client.request("POST", "/token", cast_to=object, errors={}, body=body, extra_body=extra))
    request = server.requests[0]
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert parse_qsl(request.content.decode()) == [("grant_type", "client_credentials"), ("scope", "b"), ("audience", "api"), ("items", "none")]


def test_extra_body_is_refused_before_sending_for_a_raw_body(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(200, {})), validate=False)
    client = runner.client(base_url=server.url)
    body = binary_body(b"raw", ("application/octet-stream",))
    with pytest.raises(TypeError, match="extra_body= .* form-encoded or multipart"):
        runner.run(client.request("POST", "/raw", cast_to=object, errors={}, body=body, extra_body={"a": 1}))
    assert server.requests == []


def test_extra_body_is_not_taken_by_a_get() -> None:
    with pytest.raises(TypeError, match="extra_body"):
        GET.call(leap.Leap(api_key="k"), extra_body={"a": 1})


# ------------------------------------------------------------- default_headers / _query


def test_default_headers_and_query_are_sent_with_every_request(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()), validate=False)
    client = runner.client(base_url=server.url, default_headers={"X-Team": "render"}, default_query={"region": "eu"})
    runner.run(GET.call(client))
    runner.run(GET.call(client, extra_headers={"X-Team": "train"}, extra_query={"region": "us"}))
    first, second = server.requests
    assert first.headers["X-Team"] == "render" and first.url.params["region"] == "eu"
    assert first.headers["Authorization"].startswith("Bearer ")
    assert second.headers["X-Team"] == "train" and second.url.params["region"] == "us"


def test_with_options_adds_to_the_default_headers(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()), validate=False)
    client = runner.client(base_url=server.url, default_headers={"X-Team": "render", "X-Env": "prod"})
    copy = client.with_options(default_headers={"X-Env": "staging"}, default_query={"debug": "1"})
    runner.run(GET.call(copy))
    runner.run(GET.call(client))
    assert (server.requests[0].headers["X-Team"], server.requests[0].headers["X-Env"]) == ("render", "staging")
    assert server.requests[0].url.params["debug"] == "1"
    assert server.requests[1].headers["X-Env"] == "prod" and "debug" not in server.requests[1].url.params


def test_a_default_header_replaces_the_user_agent_of_a_pool_the_client_made(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()), validate=False)
    runner.call(GET.call, base_url=server.url, default_headers={"User-Agent": "my-app/1"})
    assert server.requests[0].headers.get_list("User-Agent") == ["my-app/1"]


# ------------------------------------------------------------------------ x-should-retry


def test_x_should_retry_true_retries_a_post_that_would_not_be(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(500, error_body(500), {"x-should-retry": "true"}), POST.success()))
    result = runner.call(POST.call, base_url=server.url)
    assert server.count() == 2 and result.id == INFERENCE["id"]


def test_x_should_retry_false_stops_a_get_that_would_be_retried(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(503, error_body(503), {"x-should-retry": "false", "Retry-After": "0"})))
    with pytest.raises(leap.APIStatusError):
        runner.call(GET.call, base_url=server.url)
    assert server.count() == 1


# ---------------------------------------------------------------------------- request IDs


def test_the_request_id_is_on_the_model_the_raw_response_and_the_error(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success({"x-request-id": REQUEST_ID}), json_reply(404, error_body(404), {"X-Request-Id": "req_404"})))
    client = runner.client(base_url=server.url)
    model = runner.run(GET.call(client))
    assert model._request_id == REQUEST_ID
    assert model == model.model_validate(model.to_dict()) and "_request_id" not in model.to_dict()
    with pytest.raises(leap.NotFoundError) as caught:
        runner.run(GET.call(client))
    assert caught.value.request_id == "req_404"


def test_the_request_id_of_a_raw_response(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success({"x-request-id": REQUEST_ID}), GET.success()))
    client = runner.client(base_url=server.url)
    raw = runner.run(GET.call(client, raw=True))
    assert raw.request_id == REQUEST_ID and raw.parse()._request_id is None  # parse() is the body only
    assert runner.run(GET.call(client, raw=True)).request_id is None
    assert runner.run(GET.call(client))._request_id is None


def test_a_connection_error_has_no_request_id() -> None:
    request = httpx.Request("GET", "https://example.test")
    assert leap.APIConnectionError(request=request).request_id is None
