"""One request description per call (``RequestOptions``): the blocking and the asyncio client
build the same request from it, on every attempt, and the runtime modules import one another
without a cycle."""

from __future__ import annotations

import ast
import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import leap
from leap._bodies import form_body
from leap._request_options import RequestOptions
from leap._types import JSON_NULL
from tests.conftest import GENERATED

ERRORS = {"4XX": ("error_response", "ErrorResponse"), "5XX": ("error_response", "ErrorResponse")}
Sent = tuple[str, str, list[tuple[str, str]], bytes]


def _sent(request: httpx.Request) -> Sent:
    return request.method, str(request.url), sorted(request.headers.multi_items()), request.read()


Reply = tuple[int, Any]  # status, JSON body
OK: Reply = (200, {"ok": True})


def _mock(replies: list[Reply]) -> tuple[list[Sent], Callable[[httpx.Request], httpx.Response]]:
    """A handler answering the n-th request with the n-th reply (the last one repeats), and what it got."""
    seen: list[Sent] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(_sent(request))
        status, body = replies[min(len(seen), len(replies)) - 1]
        return httpx.Response(status, json=body)

    return seen, handler


def _send_both(options: dict[str, Any], replies: list[Reply] = [OK]) -> tuple[list[Sent], list[Sent]]:
    """What the blocking and the asyncio client send for ``client.request(**options)``."""
    sync_seen, sync_handler = _mock(replies)
    with leap.Leap(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(sync_handler))) as client:
        client.request(cast_to=object, errors=ERRORS, **options)

    async_seen, async_handler = _mock(replies)

    async def run() -> None:
        transport = httpx.MockTransport(async_handler)
        async with leap.AsyncLeap(api_key="k", http_client=httpx.AsyncClient(transport=transport)) as client:
            await client.request(cast_to=object, errors=ERRORS, **options)

    asyncio.run(run())
    return sync_seen, async_seen


CALLS: dict[str, dict[str, Any]] = {
    "query, reserved and extra": {
        "method": "GET",
        "path": "/things",
        "params": {"a": "1", "b": "x y"},
        "reserved_params": {"r": "a/b?c"},
        "extra_query": {"a": "2", "z": "9"},
    },
    "json body, header parameters, extra headers": {
        "method": "POST",
        "path": "/things",
        "json": {"name": "n", "n": [1, 2]},
        "headers": {"X-Trace": 7},
        "extra_headers": {"x-trace": "8", "X-Other": "o"},
    },
    "the JSON null, extra Content-Type": {
        "method": "PUT",
        "path": "/things/1",
        "json": JSON_NULL,
        "extra_headers": {"Content-Type": "application/merge-patch+json"},
    },
    "form body, cookies, no security": {
        "method": "POST",
        "path": "/form",
        "body": form_body({"a": "1", "b": "two"}),
        "cookies": [("session", "s1")],
        "security": (),
    },
}


@pytest.mark.parametrize("call", CALLS.values(), ids=list(CALLS))
def test_the_blocking_and_asyncio_clients_send_the_same_request(call: dict[str, Any]) -> None:
    sync_seen, async_seen = _send_both(call)
    assert len(sync_seen) == 1
    assert sync_seen == async_seen


def test_the_query_is_credentials_then_parameters_then_extra_query_then_reserved_items() -> None:
    (sent,), _ = _send_both(CALLS["query, reserved and extra"])
    url = httpx.URL(sent[1])
    # extra_query replaces a parameter of the same name; allowReserved items come last, unencoded.
    assert url.query == b"a=2&b=x+y&z=9&r=a/b?c"


def test_extra_headers_replace_header_parameters_and_the_body_content_type() -> None:
    (json_sent,), _ = _send_both(CALLS["json body, header parameters, extra headers"])
    headers = dict(json_sent[2])
    assert headers["x-trace"] == "8" and headers["x-other"] == "o"
    assert headers["authorization"] == "Bearer k" and headers["content-type"] == "application/json"

    (null_sent,), _ = _send_both(CALLS["the JSON null, extra Content-Type"])
    assert dict(null_sent[2])["content-type"] == "application/merge-patch+json"
    assert null_sent[3] == b"null"


def test_an_operation_without_security_sends_no_credentials_and_its_cookies() -> None:
    (sent,), _ = _send_both(CALLS["form body, cookies, no security"])
    headers = dict(sent[2])
    assert "authorization" not in headers
    assert headers["cookie"] == "session=s1"
    assert headers["content-type"] == "application/x-www-form-urlencoded"
    assert sent[3] == b"a=1&b=two"


@pytest.mark.usefixtures("fast_backoff")
def test_every_attempt_sends_the_request_the_options_describe() -> None:
    replies: list[Reply] = [(500, {"statusCode": 500, "message": "m", "error": "e"}), OK]
    sync_seen, async_seen = _send_both(CALLS["json body, header parameters, extra headers"] | {"method": "GET"}, replies)
    assert len(sync_seen) == 2 and sync_seen[0] == sync_seen[1]
    assert sync_seen == async_seen


def test_an_unknown_option_is_refused_before_anything_is_sent() -> None:
    seen, handler = _mock([OK])
    client = leap.Leap(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler)))
    with pytest.raises(TypeError, match="max_retriez"):
        client.request("GET", "/", cast_to=object, errors=ERRORS, max_retriez=1)
    assert seen == []


def test_the_options_note_a_raw_or_streamed_call_where_they_are_made() -> None:
    plain = RequestOptions(method="GET", path="/", cast_to=object, errors=ERRORS)
    assert (plain.raw, plain.stream) == (False, False)

    made: list[RequestOptions[Any]] = []
    seen, handler = _mock([OK])
    client = leap.Leap(api_key="k", http_client=httpx.Client(transport=httpx.MockTransport(handler)))

    def send(options: RequestOptions[Any]) -> Any:
        made.append(options)
        return type(client)._send(client, options)

    client._send = send  # type: ignore[method-assign]
    raw = client.images.with_raw_response.find_one(model_id="m", inference_id="i")
    with client.images.with_streaming_response.find_one(model_id="m", inference_id="i") as streamed:
        assert streamed.status_code == 200
    assert isinstance(raw, leap.APIResponse) and isinstance(streamed, leap.StreamedResponse)
    assert [(o.raw, o.stream) for o in made] == [(True, False), (True, True)]


def _runtime_imports(path: Path) -> set[str]:
    """The package's own modules ``path`` imports when it runs (``if TYPE_CHECKING:`` blocks left out)."""
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return found


def test_no_runtime_module_imports_another_in_a_cycle() -> None:
    package = GENERATED / "leap"
    graph = {path.stem: _runtime_imports(path) for path in package.glob("_*.py") if path.stem != "__init__"}
    assert {"_base_client", "_response", "_retries"} <= graph.keys()

    def cycle_from(module: str, trail: tuple[str, ...]) -> tuple[str, ...] | None:
        for imported in sorted(graph.get(module, ())):
            if imported in trail:
                return trail[trail.index(imported) :] + (imported,)
            found = cycle_from(imported, trail + (imported,))
            if found:
                return found
        return None

    cycles = {module: cycle_from(module, (module,)) for module in graph}
    assert {module: cycle for module, cycle in cycles.items() if cycle} == {}


def test_the_options_are_read_only_and_replace_gives_a_changed_copy() -> None:
    options = RequestOptions("GET", "/a", object, ERRORS, {"params": {"x": "1"}})
    with pytest.raises(AttributeError):
        options.path = "/b"  # type: ignore[misc]
    copy = options.replace(path="/b", timeout=3.0)
    assert (copy.method, copy.path, copy.params, copy.timeout) == ("GET", "/b", {"x": "1"}, 3.0)
    assert (options.path, options.timeout) == ("/a", leap.NOT_GIVEN)
    assert (copy.headers, copy.json) == (None, None)  # options not given keep their defaults
    with pytest.raises(TypeError, match="idempotency"):
        options.replace(idempotency="k")
