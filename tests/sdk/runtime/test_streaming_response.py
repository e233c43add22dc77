"""``client.<api>.with_streaming_response.<operation>(...)``: the response before its body is
read, against a real server, for every operation, on both clients."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

import leap
from leap.models import ErrorResponse
from tests.sdk.runtime.conftest import GET, OPS, POST, Op, Runner, Script, Servers, error_body
from tests.sdk.runtime.server import json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

HEADERS = {"X-Request-Id": "req-7"}


def _streamed(runner: Runner, client: Any, op: Op, how: str) -> tuple[Any, Any]:
    """``(response, what was read)``: ``how`` is ``bytes`` (every chunk), ``lines`` or ``parse``."""
    method = getattr(getattr(client, op.resource).with_streaming_response, op.name)
    if runner.is_async:

        async def main() -> tuple[Any, Any]:
            async with method(**op.kwargs) as response:
                assert isinstance(response, leap.AsyncStreamedResponse)
                if how == "bytes":
                    return response, b"".join([chunk async for chunk in response.aiter_bytes()])
                if how == "lines":
                    return response, [line async for line in response.aiter_lines()]
                return response, await response.parse()

        return runner.run(main())
    with method(**op.kwargs) as response:
        assert isinstance(response, leap.StreamedResponse)
        if how == "bytes":
            return response, b"".join(response.iter_bytes())
        if how == "lines":
            return response, list(response.iter_lines())
        return response, response.parse()


@pytest.mark.parametrize("op", list(OPS.values()), ids=str)
def test_every_operation_streams_its_body_and_closes(runner: Runner, serve: Servers, op: Op) -> None:
    server = serve(Script(op.success(HEADERS), op.success(HEADERS), op.success(HEADERS)))
    client = runner.client(base_url=server.url)

    response, content = _streamed(runner, client, op, "bytes")
    assert content == json.dumps(op.body).encode()
    assert (response.status_code, response.headers["x-request-id"], response.method) == (op.status, "req-7", op.http_method)
    assert response.url.path == op.path and response.retries_taken == 0
    assert response.http_response.is_closed

    response, parsed = _streamed(runner, client, op, "parse")
    assert parsed == runner.run(op.call(client)) and isinstance(parsed, op.model)  # as the plain method, which is plain again
    assert response.http_response.is_closed and server.count() == 3


def test_lines(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    _, lines = _streamed(runner, runner.client(base_url=server.url), GET, "lines")
    assert lines == [json.dumps(GET.body)]


@pytest.mark.parametrize("op", [GET, POST], ids=str)
def test_an_error_status_raises_the_typed_error_with_its_body(runner: Runner, serve: Servers, op: Op) -> None:
    server = serve(Script(json_reply(404, error_body(404, "Model does not exist"), HEADERS)))
    with pytest.raises(leap.NotFoundError) as caught:
        _streamed(runner, runner.client(base_url=server.url), op, "bytes")
    assert isinstance(caught.value.body, ErrorResponse) and caught.value.body.message == "Model does not exist"
    assert caught.value.headers["x-request-id"] == "req-7" and server.count() == 1


@pytest.mark.parametrize("op", [GET, POST], ids=str)
def test_a_streamed_call_is_retried_as_the_plain_one(runner: Runner, serve: Servers, op: Op) -> None:
    unavailable = json_reply(503, error_body(503), {"Retry-After": "0"})
    server = serve(Script(unavailable, op.success(HEADERS)))
    response, parsed = _streamed(runner, runner.client(base_url=server.url), op, "parse")
    assert response.retries_taken == 1 and isinstance(parsed, op.model) and server.count() == 2


class _BrokenBody(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A body that breaks off after its first bytes, as a reset connection does; it counts its closes."""

    def __init__(self) -> None:
        self.closed = 0

    def __iter__(self) -> Iterator[bytes]:
        yield b'{"message": "unfin'
        raise httpx.ReadError("connection reset")

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield b'{"message": "unfin'
        raise httpx.ReadError("connection reset")

    def close(self) -> None:
        self.closed += 1

    async def aclose(self) -> None:
        self.closed += 1


def test_an_error_body_that_breaks_off_raises_a_connection_error_after_on_error(runner: Runner) -> None:
    body = _BrokenBody()
    seen: list[type[BaseException]] = []
    transport = httpx.MockTransport(lambda request: httpx.Response(400, stream=body))
    http = httpx.AsyncClient(transport=transport) if runner.is_async else httpx.Client(transport=transport)
    client = runner.client(http_client=http, max_retries=0, hooks=leap.Hooks(on_error=lambda event: seen.append(type(event.error))))
    method = client.images.with_streaming_response.find_one
    with pytest.raises(leap.APIConnectionError) as raised:
        if runner.is_async:

            async def main() -> None:
                async with method(model_id="m", inference_id="i"):
                    pass

            runner.run(main())
        else:
            with method(model_id="m", inference_id="i"):
                pass
    assert isinstance(raised.value.__cause__, httpx.ReadError), "the transport's error is its cause"
    assert seen == [leap.APIConnectionError] and body.closed >= 1
