"""``client.with_options(...)`` and the per-call options ``extra_headers``, ``extra_query``
and ``timeout``, against a real server."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

import leap
from leap._base_client import DEFAULT_TIMEOUT
from leap._version import USER_AGENT
from tests.sdk.contract.conftest import API_KEY
from tests.sdk.runtime.conftest import GET, OPS, POST, SLACK, STALL, Op, Runner, Script, Servers, error_body
from tests.sdk.runtime.server import Reply, json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

# ------------------------------------------------------------------------ with_options


def test_with_options_copies_the_settings_and_shares_the_pool(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    client = runner.client(base_url=server.url)
    copy = client.with_options(max_retries=5, timeout=0.3)

    assert type(copy) is type(client) and copy is not client
    assert (copy.max_retries, copy.timeout) == (5, 0.3)
    assert (client.max_retries, client.timeout) == (2, DEFAULT_TIMEOUT)
    assert copy.base_url == client.base_url == server.url
    assert copy._http is client._http

    # One keep-alive connection serves both: the copy really uses the original's pool.
    runner.run(GET.call(client))
    runner.run(GET.call(copy))
    runner.run(GET.call(client))
    assert server.count() == 3
    assert server.connections == 1


def test_the_copys_max_retries_and_timeout_apply_and_the_originals_do_not_change(
    runner: Runner, serve: Servers
) -> None:
    server = serve(Script(json_reply(500, error_body(500))))
    client = runner.client(base_url=server.url)

    with pytest.raises(leap.InternalServerError):
        runner.run(GET.call(client.with_options(max_retries=0)))
    assert server.count() == 1
    with pytest.raises(leap.InternalServerError):
        runner.run(GET.call(client.with_options(max_retries=3)))
    assert server.count() == 1 + 4
    with pytest.raises(leap.InternalServerError):
        runner.run(GET.call(client))
    assert server.count() == 5 + 3


def test_the_copys_timeout_applies(runner: Runner, serve: Servers) -> None:
    server = serve(Script(Reply(stall=STALL)))
    client = runner.client(base_url=server.url, timeout=30.0)
    exc, took = runner.timed(lambda c: GET.call(client.with_options(timeout=0.1, max_retries=0)))
    assert type(exc) is leap.APITimeoutError
    assert server.count() == 1
    assert 0.1 - 0.01 <= took < 0.1 + SLACK
    assert client.timeout == 30.0


def test_closing_the_copy_leaves_the_original_usable(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    client = runner.client(base_url=server.url)
    copy = client.with_options(max_retries=0)
    runner.run(GET.call(copy))
    runner.close(copy)

    assert not client._http.is_closed
    assert isinstance(runner.run(GET.call(client)), GET.model)
    runner.close(client)
    assert client._http.is_closed


def test_leaving_a_with_block_of_the_copy_leaves_the_original_usable(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    client = runner.client(base_url=server.url)

    if runner.is_async:

        async def use_copy() -> Any:
            async with client.with_options(max_retries=1) as copy:
                return await GET.call(copy)

        runner.run(use_copy())
    else:
        with client.with_options(max_retries=1) as copy:
            GET.call(copy)

    assert isinstance(runner.run(GET.call(client)), GET.model)
    assert server.count() == 2


def test_with_options_changes_the_base_url_and_the_api_key(runner: Runner, serve: Servers) -> None:
    first = serve(Script(GET.success()))
    second = serve(Script(GET.success()))
    client = runner.client(base_url=first.url)

    runner.run(GET.call(client.with_options(base_url=second.url, api_key="other-key")))
    runner.run(GET.call(client))

    assert second.count() == 1 and first.count() == 1
    assert second.requests[0].headers["authorization"] == "Bearer other-key"
    assert first.requests[0].headers["authorization"] == f"Bearer {API_KEY}"


def test_with_options_rejects_a_negative_max_retries(runner: Runner) -> None:
    client = runner.client(base_url="http://127.0.0.1:9")
    with pytest.raises(ValueError, match="max_retries"):
        client.with_options(max_retries=-1)


# ------------------------------------------------------------------- per-call options


@pytest.mark.parametrize("op", list(OPS.values()), ids=str)
def test_every_operation_takes_the_per_call_options(runner: Runner, serve: Servers, op: Op) -> None:
    server = serve(Script(op.success()))
    result = runner.call(
        lambda c: op.call(c, extra_headers={"X-Trace-Id": "trace-1"}, extra_query={"trace": "yes"}, timeout=5.0),
        base_url=server.url,
    )
    assert isinstance(result, op.model)
    (request,) = server.requests
    assert (request.method, request.url.path) == (op.http_method, op.path)
    assert request.headers["x-trace-id"] == "trace-1"
    assert request.url.params["trace"] == "yes"
    assert request.headers["authorization"] == f"Bearer {API_KEY}"


def test_extra_headers_are_added_and_override_the_sdks(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    client = runner.client(base_url=server.url)

    runner.run(GET.call(client, extra_headers={"User-Agent": "my-app/2.0", "X-Trace-Id": "abc"}))
    runner.run(GET.call(client))

    custom, plain = server.requests
    assert custom.headers.get_list("user-agent") == ["my-app/2.0"]
    assert custom.headers["x-trace-id"] == "abc"
    assert custom.headers["authorization"] == f"Bearer {API_KEY}"
    assert plain.headers.get_list("user-agent") == [USER_AGENT]
    assert "x-trace-id" not in plain.headers


def test_extra_headers_override_whatever_their_case(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    runner.call(
        lambda c: GET.call(c, extra_headers={"user-agent": "my-app/2.0", "accept": "application/json; q=1"}),
        base_url=server.url,
    )
    (request,) = server.requests
    assert request.headers.get_list("user-agent") == ["my-app/2.0"]
    assert request.headers.get_list("accept") == ["application/json; q=1"]


def test_extra_headers_are_sent_on_every_retry(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(503, error_body(503)), GET.success()))
    runner.call(lambda c: GET.call(c, extra_headers={"X-Trace-Id": "abc"}, extra_query={"t": "1"}), base_url=server.url)
    assert server.count() == 2
    assert [r.headers["x-trace-id"] for r in server.requests] == ["abc", "abc"]
    assert [r.url.params["t"] for r in server.requests] == ["1", "1"]


def test_extra_query_is_added_and_overrides_the_sdks(runner: Runner, serve: Servers) -> None:
    op = OPS["list_all"]
    server = serve(Script(op.success()))
    runner.call(
        lambda c: c.images.list_all(
            model_id=op.kwargs["model_id"], page=1, page_size=10, extra_query={"page": 3, "trace": "on"}
        ),
        base_url=server.url,
    )
    (request,) = server.requests
    assert request.url.path == op.path
    assert sorted(request.url.params.multi_items()) == [("page", "3"), ("pageSize", "10"), ("trace", "on")]


@pytest.mark.parametrize("timeout", [0.1, httpx.Timeout(0.1)], ids=["float", "httpx.Timeout"])
def test_a_per_call_timeout_replaces_the_clients(runner: Runner, serve: Servers, timeout: Any) -> None:
    server = serve(Script(Reply(stall=STALL)))
    exc, took = runner.timed(lambda c: POST.call(c, timeout=timeout), base_url=server.url, timeout=30.0)
    assert type(exc) is leap.APITimeoutError
    assert server.count() == 1  # a POST is not sent again after a read timeout
    assert 0.1 - 0.01 <= took < 0.1 + SLACK


def test_a_per_call_timeout_applies_to_each_attempt(runner: Runner, serve: Servers) -> None:
    server = serve(Script(Reply(stall=STALL)))
    exc, took = runner.timed(lambda c: GET.call(c, timeout=0.1), base_url=server.url, timeout=30.0)
    assert type(exc) is leap.APITimeoutError
    assert server.count() == 3
    assert 3 * 0.1 - 0.01 <= took < 0.3 + SLACK


def test_a_timeout_of_none_waits_past_the_clients(runner: Runner, serve: Servers) -> None:
    op = GET
    slow = Reply(op.status, json_reply(200, op.body).body, {"Content-Type": "application/json"}, stall=0.15)
    server = serve(Script(Reply(stall=STALL), slow))
    client = runner.client(base_url=server.url, timeout=0.1, max_retries=0)

    with pytest.raises(leap.APITimeoutError):
        runner.run(op.call(client))
    result = runner.run(op.call(client, timeout=None))
    copied = runner.run(op.call(client.with_options(timeout=None)))

    assert isinstance(result, op.model) and isinstance(copied, op.model)
    assert server.count() == 3
    assert client.timeout == 0.1


def test_the_client_timeout_applies_when_the_call_gives_none(runner: Runner, serve: Servers) -> None:
    server = serve(Script(Reply(stall=STALL)))
    exc, took = runner.timed(
        lambda c: GET.call(c, timeout=leap.NOT_GIVEN), base_url=server.url, timeout=0.1, max_retries=0
    )
    assert type(exc) is leap.APITimeoutError
    assert took < 0.1 + SLACK
