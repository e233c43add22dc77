"""``hooks=``: ``before_request``, ``after_response``, ``on_retry`` and ``on_error``, each given
the operationId, the request and the attempt, on the blocking and the asyncio client."""

from __future__ import annotations

from typing import Any

import pytest

import leap
from tests.sdk.runtime.conftest import GET, POST, Runner, Script, Servers, closed_port_url, error_body
from tests.sdk.runtime.server import json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")


class Recorder:
    """Hooks that record ``(hook, operationId, attempt, status, error type, delay)``; coroutine
    functions when ``coroutines`` (the asyncio client awaits them)."""

    def __init__(self, coroutines: bool = False) -> None:
        self.calls: list[tuple[Any, ...]] = []
        self.coroutines = coroutines

    def _record(self, name: str, event: leap.HookEvent) -> None:
        status = event.response.status_code if event.response is not None else None
        error = type(event.error).__name__ if event.error is not None else None
        self.calls.append((name, event.operation_id, event.attempt, event.request.method, status, error, event.delay is not None))

    def hook(self, name: str) -> Any:
        if self.coroutines:

            async def record_async(event: leap.HookEvent) -> None:
                self._record(name, event)

            return record_async
        return lambda event: self._record(name, event)

    def hooks(self) -> leap.Hooks:
        return leap.Hooks(**{name: self.hook(name) for name in ("before_request", "after_response", "on_retry", "on_error")})


def test_a_success_calls_before_request_and_after_response_with_the_operation(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    recorder = Recorder(coroutines=runner.is_async)
    client = runner.client(base_url=server.url, hooks=recorder.hooks())
    runner.run(GET.call(client))
    assert recorder.calls == [
        ("before_request", "findOne", 1, "GET", None, None, False),
        ("after_response", "findOne", 1, "GET", 200, None, False),
    ]


def test_a_retried_failure_calls_every_hook_in_order(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(500, error_body(500))))
    recorder = Recorder(coroutines=runner.is_async)
    client = runner.client(base_url=server.url, hooks=recorder.hooks(), max_retries=1)
    with pytest.raises(leap.InternalServerError):
        runner.run(GET.call(client))
    assert recorder.calls == [
        ("before_request", "findOne", 1, "GET", None, None, False),
        ("after_response", "findOne", 1, "GET", 500, None, False),
        ("on_retry", "findOne", 1, "GET", 500, None, True),
        ("before_request", "findOne", 2, "GET", None, None, False),
        ("after_response", "findOne", 2, "GET", 500, None, False),
        ("on_error", "findOne", 2, "GET", 500, "InternalServerError", False),
    ]


def test_a_connection_error_calls_on_retry_and_on_error(runner: Runner) -> None:
    recorder = Recorder(coroutines=runner.is_async)
    client = runner.client(base_url=closed_port_url(), hooks=recorder.hooks(), max_retries=1)
    with pytest.raises(leap.APIConnectionError):
        runner.run(POST.call(client))
    assert [call[:3] + call[5:] for call in recorder.calls] == [
        ("before_request", "generate", 1, None, False),
        ("on_retry", "generate", 1, "ConnectError", True),
        ("before_request", "generate", 2, None, False),
        ("on_error", "generate", 2, "APIConnectionError", False),
    ]


def test_before_request_may_add_a_header(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))

    def trace(event: leap.HookEvent) -> None:
        event.request.headers["traceparent"] = f"00-{'a' * 32}-{'b' * 16}-01"

    runner.call(GET.call, base_url=server.url, hooks=leap.Hooks(before_request=[trace]))
    assert server.requests[0].headers["traceparent"].startswith("00-aaaa")


def test_with_options_replaces_the_hooks_and_keeps_them_otherwise(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))
    first, second = Recorder(), Recorder()
    client = runner.client(base_url=server.url, hooks=first.hooks())
    runner.run(GET.call(client.with_options(max_retries=0)))
    runner.run(GET.call(client.with_options(hooks=second.hooks())))
    assert len(first.calls) == 2 and len(second.calls) == 2


def test_a_hooks_exception_ends_the_call(runner: Runner, serve: Servers) -> None:
    server = serve(Script(GET.success()))

    def refuse(event: leap.HookEvent) -> None:
        raise RuntimeError(f"no {event.operation_id}")

    with pytest.raises(RuntimeError, match="no findOne"):
        runner.call(GET.call, base_url=server.url, hooks=leap.Hooks(before_request=refuse))
    assert server.count() == 0


def test_the_blocking_client_refuses_coroutine_hooks() -> None:
    async def hook(event: leap.HookEvent) -> None:
        pass

    with pytest.raises(TypeError, match="coroutine function"):
        leap.Leap(api_key="k", hooks=leap.Hooks(on_error=hook))
    leap.AsyncLeap(api_key="k", hooks=leap.Hooks(on_error=hook))  # accepted there


def test_a_hook_must_be_callable() -> None:
    with pytest.raises(TypeError, match="not callable"):
        leap.Hooks(on_retry=["not a function"])  # type: ignore[list-item]
