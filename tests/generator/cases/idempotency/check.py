"""Idempotency keys (``x-idempotency``) and an operation's own retry rule (``x-retries``),
against a real local server, on the blocking and the asyncio client: one key per call, the
same on every retry and through ``create_charge_and_wait``, the caller's when given; a POST
with a key is retried like a GET, one that opted out is not; the ``Request-Id`` header
(``request_id_header`` in the config) on the model and the error."""

from __future__ import annotations

import asyncio
import inspect
import json
import uuid
from collections.abc import Callable
from types import ModuleType
from typing import Any

import httpx

from tests.sdk.runtime.server import LocalServer, Reply, json_reply

WARNINGS: list[tuple[str, str]] = []

CHARGE = {"id": "ch_1", "amount": 500, "status": "pending"}


class Script:
    """Answers the n-th request with the n-th reply (the last repeats)."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = replies
        self.seen = 0

    def __call__(self, request: httpx.Request) -> Reply:
        self.seen += 1
        return self.replies[min(self.seen - 1, len(self.replies) - 1)]


def on_both(package: ModuleType, replies: Callable[[], list[Reply]], call: Callable[[Any], Any]) -> list[tuple[Any, list[httpx.Request]]]:
    """``call(client)`` on a blocking and an asyncio client, each against a fresh server
    answering ``replies()``: ``(result or exception, requests received)`` for each."""
    out = []
    for is_async in (False, True):
        with LocalServer(Script(*replies())) as server:
            cls = package.AsyncClient if is_async else package.Client
            client = cls(api_key="sk_test_1", base_url=server.url)

            async def run_async() -> Any:
                try:
                    return await call(client)
                finally:
                    await client.close()

            try:
                result = asyncio.run(run_async()) if is_async else call(client)
            except Exception as exc:  # noqa: BLE001 - the check looks at it
                result = exc
            finally:
                if not is_async:
                    client.close()
            out.append((result, list(server.requests)))
    return out


def keys(requests: list[httpx.Request]) -> list[str | None]:
    return [r.headers.get("Idempotency-Key") for r in requests]


def check(package: ModuleType, generated: Any) -> None:
    ok = json_reply(200, CHARGE, {"Request-Id": "req_ok"})
    failing = json_reply(500, {"message": "try again"}, {"Request-Id": "req_500"})

    # One key per call, the same on the retry; a POST with a key is retried after a 500.
    for charge, requests in on_both(package, lambda: [failing, ok], lambda c: c.charges.create_charge(amount=500)):
        assert charge.id == "ch_1" and charge._request_id == "req_ok"
        assert len(requests) == 2 and keys(requests)[0] == keys(requests)[1]
        assert uuid.UUID(keys(requests)[0]).version == 4
        assert json.loads(requests[1].content) == {"amount": 500}

    # Two calls, two keys.
    for _, requests in on_both(package, lambda: [ok], lambda c: _twice(c)):
        assert len(set(keys(requests))) == 2

    # The caller's key, on every attempt, and through create_charge_and_wait (the polls carry none).
    for charge, requests in on_both(package, lambda: [json_reply(409, {"message": "in progress"}), ok, json_reply(200, {**CHARGE, "status": "succeeded"})], lambda c: c.charges.create_charge_and_wait(amount=500, idempotency_key="order-77")):
        assert charge.status == "succeeded"
        assert [r.method for r in requests] == ["POST", "POST", "GET"]
        assert keys(requests) == ["order-77", "order-77", None]

    # x-retries' statuses apply to the GET too (409 is not one of the SDK's); others are not retried.
    for charge, requests in on_both(package, lambda: [json_reply(409, {}), ok], lambda c: c.charges.get_charge(charge="ch_1")):
        assert charge.id == "ch_1" and len(requests) == 2
    for error, requests in on_both(package, lambda: [json_reply(429, {}, {"Request-Id": "req_429"}), ok], lambda c: c.charges.get_charge(charge="ch_1")):
        assert isinstance(error, package.RateLimitError) and error.request_id == "req_429" and len(requests) == 1

    # createRefund opted out (x-idempotency: false, x-retries: false): no key, a 500 is not resent.
    for error, requests in on_both(package, lambda: [failing, ok], lambda c: c.refunds.create_refund(charge="ch_1")):
        assert isinstance(error, package.InternalServerError) and error.request_id == "req_500"
        assert len(requests) == 1 and keys(requests) == [None]

    # The spec's Idempotency-Key header parameter became the SDK's idempotency_key=.
    for cls in (package.Client, package.AsyncClient):
        api = cls(api_key="k").charges
        parameters = inspect.signature(api.create_charge).parameters
        assert "idempotency_key" in parameters and list(parameters).count("idempotency_key") == 1
        assert "idempotency_key" in inspect.signature(api.create_charge_and_wait).parameters
        assert "idempotency_key" not in inspect.signature(cls(api_key="k").refunds.create_refund).parameters
    source = generated.files["case_idempotency/resources/charges.py"]
    assert "idempotency_key: Sent as the ``Idempotency-Key`` header" in source
    readme = generated.files["README.md"]
    assert "Idempotency-Key" in readme and "idempotency_key=" in readme


def _twice(client: Any) -> Any:
    if inspect.iscoroutinefunction(client.charges.create_charge):

        async def run() -> None:
            await client.charges.create_charge(amount=1)
            await client.charges.create_charge(amount=1)

        return run()
    client.charges.create_charge(amount=1)
    return client.charges.create_charge(amount=1)
