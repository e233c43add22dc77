"""What every case folder's ``check.py`` uses: a client on a mock transport that records requests.

A case folder ``tests/generator/cases/<name>/`` holds ``openapi.yaml`` (the construct), ``generator.toml``
(``package = "case_<name>"``, ``client_class = "Client"``) and ``check.py``, which declares the warnings the spec must give
(``WARNINGS``: ``(code, pointer)`` pairs, in order) and ``check(package)``, which sends a
request and reads a response through the generated client (``both`` does it through the
blocking and the asyncio client at once).
"""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx

BASE_URL = "https://case.test"


@dataclass
class Recorder:
    """Answers every request with ``status`` and ``body`` (JSON unless bytes) and keeps the requests."""

    body: Any = None
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    requests: list[httpx.Request] = field(default_factory=list)
    answer: Callable[[httpx.Request], httpx.Response] | None = None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        self.requests.append(request)
        if self.answer is not None:
            return self.answer(request)
        if isinstance(self.body, bytes):
            return httpx.Response(self.status, content=self.body, headers=self.headers)
        if self.body is None:
            return httpx.Response(self.status, headers=self.headers)
        return httpx.Response(self.status, json=self.body, headers=self.headers)

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def last_json(self) -> Any:
        return json.loads(self.last.content)


def client(package: ModuleType, recorder: Recorder) -> Any:
    """The generated blocking client (every case's config names it ``Client``), sending through ``recorder``."""
    return package.Client(api_key="test-key", base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(recorder)))


def async_client(package: ModuleType, recorder: Recorder) -> Any:
    """The generated asyncio client, sending through ``recorder``."""
    return package.AsyncClient(api_key="test-key", base_url=BASE_URL, http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)))


def _sent(request: httpx.Request) -> tuple[str, str, str, bytes]:
    """Method, URL, content type and body of ``request``, with a multipart boundary made constant."""
    content_type = request.headers.get("content-type", "")
    body = request.content
    boundary = re.search(r"boundary=([^;]+)", content_type)
    if boundary:
        body = body.replace(boundary.group(1).encode(), b"BOUNDARY")
        content_type = content_type.replace(boundary.group(1), "BOUNDARY")
    return request.method, str(request.url), content_type, body


def both(package: ModuleType, recorder: Recorder, call: Callable[[Any], Any]) -> Any:
    """``call(sdk)`` on the blocking client, then awaited on the asyncio client; returns the blocking result.

    Both clients must send the same request (method, URL, content type, body) and return equal
    results (same type, same fields, extras included), so a case checks its round trip once for both.
    """
    result = call(client(package, recorder))
    sent = recorder.last

    async def run() -> Any:
        return await call(async_client(package, recorder))

    async_result = asyncio.run(run())
    assert _sent(recorder.last) == _sent(sent), "the asyncio client sends what the blocking client sends"
    assert type(async_result) is type(result) and async_result == result, "the asyncio client returns what the blocking client returns"
    return result


#: Keyword arguments every generated method takes after the spec's own.
CALL_OPTIONS = ("idempotency_key", "extra_headers", "extra_query", "extra_body", "timeout", "max_retries", "on_progress")


def spec_arguments(method: Any) -> list[str]:
    """The names of ``method``'s keyword arguments that come from the spec (without the per-call options)."""
    import inspect

    return [name for name in inspect.signature(method).parameters if name not in CALL_OPTIONS]
