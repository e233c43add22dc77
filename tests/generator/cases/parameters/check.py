"""Path-item parameters, overrides, path/query/header/cookie locations with their default styles."""

from __future__ import annotations

import asyncio
import inspect
from typing import Any

import httpx

from tests.generator.cases.harness import BASE_URL, Recorder, client, spec_arguments

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    api = client(package, Recorder(body=["a"])).items
    signature = inspect.signature(api.list_items)
    assert spec_arguments(api.list_items) == ["store_id", "limit", "tags", "x_request_id", "session"]  # path, body, query, header, cookie
    assert signature.parameters["limit"].default == 50

    recorder = Recorder(body=["a", "b"])
    items = client(package, recorder).items.list_items(store_id="s/1", x_request_id="req-1", tags=["x", "y"], session="abc")
    sent = recorder.last
    assert sent.url.raw_path == b"/stores/s%2F1/items?limit=50&tags=x&tags=y"
    assert sent.headers["X-Request-ID"] == "req-1"
    assert sent.headers["Cookie"] == "session=abc"
    assert items == ["a", "b"]

    # The cookie goes with every attempt of its request, after the HTTP client's own cookies,
    # and neither into the client's cookie jar nor into a later request.
    answers = iter([httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(200, json=["c"])])
    retried = Recorder(answer=lambda request: next(answers))
    http = httpx.Client(transport=httpx.MockTransport(retried), cookies={"sid": "jar"})
    api = package.Client(api_key="k", base_url=BASE_URL, http_client=http).items
    assert api.list_items(store_id="s", x_request_id="r", session="abc") == ["c"]
    assert [r.headers["Cookie"] for r in retried.requests] == ["sid=jar; session=abc"] * 2
    assert dict(http.cookies) == {"sid": "jar"}
    retried.answer = None
    retried.body = []
    api.list_items(store_id="s", x_request_id="r")
    assert retried.last.headers["Cookie"] == "sid=jar"

    async def run() -> None:
        answers = iter([httpx.Response(429, headers={"Retry-After": "0"}), httpx.Response(200, json=["d"])])
        recorder = Recorder(answer=lambda request: next(answers))
        async with package.AsyncClient(api_key="k", base_url=BASE_URL, http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder))) as client:
            assert await client.items.list_items(store_id="s", x_request_id="r", session="abc") == ["d"]
            recorder.answer = None
            recorder.body = []
            await client.items.list_items(store_id="s", x_request_id="r")
        assert [r.headers.get("Cookie") for r in recorder.requests] == ["session=abc", "session=abc", None]

    asyncio.run(run())
