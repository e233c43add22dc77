"""``client.<api>.with_raw_response.<operation>(...)``: the HTTP response as an
:class:`leap.APIResponse`, against a real server, for every operation."""

from __future__ import annotations

import asyncio
import datetime
import json
from typing import Any

import pytest

import leap
from leap.models import ErrorResponse
from tests.sdk.contract.conftest import API_KEY, parse_multipart
from tests.sdk.runtime.conftest import GET, OPS, POST, SAMPLE_URLS, Op, Runner, Script, Servers, error_body
from tests.sdk.runtime.server import Reply, json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

HEADERS = {"X-Request-Id": "req-42"}


@pytest.mark.parametrize("op", list(OPS.values()), ids=str)
def test_every_operation_returns_the_raw_response(runner: Runner, serve: Servers, op: Op) -> None:
    server = serve(Script(op.success(HEADERS)))
    client = runner.client(base_url=server.url)

    raw = runner.run(op.call(client, raw=True))
    plain = runner.run(op.call(client))

    assert isinstance(raw, leap.APIResponse)
    assert raw.status_code == op.status
    assert raw.headers["x-request-id"] == "req-42"
    assert raw.headers["content-type"] == "application/json"
    assert isinstance(raw.elapsed, datetime.timedelta) and raw.elapsed > datetime.timedelta(0)
    assert raw.method == op.http_method
    assert raw.url.path == op.path and str(raw.url).startswith(server.url)
    assert raw.content == json.dumps(op.body).encode()
    assert raw.text == json.dumps(op.body)
    assert raw.json() == op.body
    assert raw.retries_taken == 0

    parsed = raw.parse()
    assert parsed == plain
    assert isinstance(parsed, op.model)
    if op.model is list:
        assert all(isinstance(item, leap.models.InferenceEntity) for item in parsed)
    assert raw.parse() is parsed  # parsed once
    assert server.count() == 2


@pytest.mark.parametrize("op", list(OPS.values()), ids=str)
def test_an_error_status_raises_the_typed_error(runner: Runner, serve: Servers, op: Op) -> None:
    server = serve(Script(json_reply(404, error_body(404, "Model does not exist"), HEADERS)))
    client = runner.client(base_url=server.url)
    with pytest.raises(leap.NotFoundError) as caught:
        runner.run(op.call(client, raw=True))
    assert caught.value.status_code == 404
    assert isinstance(caught.value.body, ErrorResponse) and caught.value.body.message == "Model does not exist"
    assert caught.value.headers["x-request-id"] == "req-42"
    assert server.count() == 1


@pytest.mark.parametrize("op", [GET, POST, OPS["train_model"], OPS["delete_model"]], ids=str)
@pytest.mark.parametrize("failures", [1, 2])
def test_retries_taken_counts_the_retries(runner: Runner, serve: Servers, op: Op, failures: int) -> None:
    unavailable = json_reply(503, error_body(503), {"Retry-After": "0"})
    server = serve(Script(*[unavailable] * failures, op.success(HEADERS)))
    raw = runner.call(lambda c: op.call(c, raw=True), base_url=server.url)
    assert raw.retries_taken == failures
    assert raw.status_code == op.status
    assert isinstance(raw.parse(), op.model)
    assert server.count() == failures + 1


def test_retries_taken_after_a_read_timeout(runner: Runner, serve: Servers) -> None:
    slow = Reply(GET.status, json.dumps(GET.body).encode(), {"Content-Type": "application/json"}, stall=3.0)
    server = serve(Script(slow, GET.success()))
    raw = runner.call(lambda c: GET.call(c, raw=True), base_url=server.url, timeout=0.1)
    assert raw.retries_taken == 1
    assert server.count() == 2


def test_train_model_with_sample_urls(runner: Runner, serve: Servers) -> None:
    op = OPS["train_model"]
    server = serve(Script(op.success(HEADERS)))
    raw = runner.call(
        lambda c: c.image_models.with_raw_response.train_model(
            name="Alex", subject_keyword="@me", image_sample_urls=SAMPLE_URLS
        ),
        base_url=server.url,
    )
    assert raw.status_code == 201
    model = raw.parse()
    assert isinstance(model, leap.models.ModelV2Entity)
    assert model.id == op.body["id"]
    (request,) = server.requests
    assert request.headers["content-type"].startswith("multipart/form-data")
    fields = [(p.name, p.content.decode()) for p in parse_multipart(request)]
    assert [value for name, value in fields if name == "imageSampleUrls"] == SAMPLE_URLS
    assert ("name", "Alex") in fields and ("subjectKeyword", "@me") in fields


def test_a_body_that_does_not_match_is_returned_and_fails_to_parse(runner: Runner, serve: Servers) -> None:
    server = serve(Script(Reply(200, b'{"id": "a047df00", "crea', {"Content-Type": "application/json"})))
    raw = runner.call(lambda c: GET.call(c, raw=True), base_url=server.url)
    assert raw.status_code == 200
    assert raw.text == '{"id": "a047df00", "crea'
    with pytest.raises(leap.APIResponseValidationError) as caught:
        raw.parse()
    assert caught.value.status_code == 200


def test_an_empty_body_where_any_json_is_declared_parses_to_none(runner: Runner, serve: Servers) -> None:
    op = OPS["delete"]
    server = serve(Script(Reply(200, b"", HEADERS)))
    client = runner.client(base_url=server.url)
    raw = runner.run(op.call(client, raw=True))
    assert (raw.status_code, raw.content, raw.headers["x-request-id"]) == (200, b"", "req-42")
    assert raw.parse() is None
    assert runner.run(op.call(client)) is None


def test_a_raw_call_does_not_make_the_next_plain_call_raw(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    client = runner.client(base_url=server.url)
    assert isinstance(runner.run(GET.call(client, raw=True)), leap.APIResponse)
    assert isinstance(runner.run(GET.call(client)), GET.model)


def test_concurrent_raw_and_plain_async_calls_do_not_mix(serve: Servers) -> None:
    server = serve(Script(Reply(200, json.dumps(GET.body).encode(), {"Content-Type": "application/json"}, stall=0.05)))

    async def main() -> list[Any]:
        async with leap.AsyncLeap(api_key=API_KEY, base_url=server.url) as client:
            return await asyncio.gather(
                GET.call(client, raw=True), GET.call(client), GET.call(client, raw=True), GET.call(client)
            )

    raw, plain, raw_again, plain_again = asyncio.run(main())
    assert isinstance(raw, leap.APIResponse) and isinstance(raw_again, leap.APIResponse)
    assert isinstance(plain, GET.model) and isinstance(plain_again, GET.model)
    assert raw.parse() == plain
