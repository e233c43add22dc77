"""Fixtures of the runtime tests: a sync/async runner, scripted servers, fast backoff.

Every test here talks to a real :class:`~tests.sdk.runtime.server.LocalServer` on 127.0.0.1.

* ``mode`` runs a test once with :class:`leap.Leap` and once with :class:`leap.AsyncLeap`;
  ``runner`` builds clients of that kind and runs their calls (``runner.run`` awaits a
  coroutine on the runner's own event loop, so a test body reads the same in both modes).
* ``serve(handler)`` starts a server; at the end of the test every request it received
  is checked against the spec, the server is stopped, and the number of sockets this
  process has open must be back to what it was before the server started (no leak).
* ``fast_backoff`` shrinks the exponential backoff to milliseconds; ``Script`` answers
  requests from a list of replies and records when each request arrived.
* Every test starts without ``LEAP_*`` environment variables and leaves the ``leap``
  logger as it found it.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import inspect
import logging
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import httpx._transports.default as httpx_transports
import pytest

import leap
import leap._retries
from leap.models import InferenceEntity, ListModelsV2Response, ModelV2Entity
from tests.conftest import load_spec
from tests.sdk.contract.conftest import API_KEY, assert_request_valid
from tests.sdk.runtime.server import LocalServer, Reply, json_reply, on_spec_server, open_sockets

MODES = ("sync", "async")

SPEC = load_spec()
INFERENCE: dict[str, Any] = SPEC["components"]["schemas"]["InferenceEntity"]["example"]
MODEL: dict[str, Any] = SPEC["components"]["schemas"]["ModelV2Entity"]["example"]
MODEL_ID = "26a1a203-3a46-42cb-8cfa-f4de075907d8"
INFERENCE_ID = INFERENCE["id"]
DELETED = {"id": INFERENCE_ID, "deleted": True}

FAST_INITIAL = 0.002
FAST_MAX = 0.005
"""The backoff under ``fast_backoff``: 2 ms doubling to 5 ms (less up to 25 % jitter)."""

SLACK = 1.0
"""Seconds a call may take beyond what its timeouts and waits explain (a loaded CI machine)."""

STALL = 3.0
"""How long a stalling server waits before answering: far beyond every client timeout used,
and cut short when the server stops, so a test that forgot its timeout fails its time bound."""


def error_body(status: int, message: str = "something went wrong") -> dict[str, Any]:
    """An ``ErrorResponse`` body as the spec describes it."""
    return {"statusCode": status, "message": message, "error": "Error"}


# ----------------------------------------------------------------------------- operations


@dataclass(frozen=True)
class Op:
    """One SDK operation, how to call it, and what a successful answer looks like."""

    resource: str
    name: str
    http_method: str
    path: str
    kwargs: dict[str, Any]
    status: int
    body: Any
    model: Any  # what the plain method returns (a model class, ``list`` or ``object``)

    def __str__(self) -> str:
        return self.name

    def method(self, client: Any, *, raw: bool = False) -> Callable[..., Any]:
        api = getattr(client, self.resource)
        return getattr(api.with_raw_response if raw else api, self.name)

    def call(self, client: Any, *, raw: bool = False, **options: Any) -> Any:
        """The operation's result (a coroutine on an async client)."""
        return self.method(client, raw=raw)(**self.kwargs, **options)

    def success(self, headers: dict[str, str] | None = None) -> Reply:
        return json_reply(self.status, self.body, headers)


_INFERENCES = f"/api/v1/images/models/{MODEL_ID}/inferences"
SAMPLE_URLS = ["https://example.com/samples/1.png", "https://example.com/samples/2.png"]

OPS: dict[str, Op] = {
    op.name: op
    for op in (
        Op(
            "images",
            "generate",
            "POST",
            _INFERENCES,
            {"model_id": MODEL_ID, "prompt": "an astronaut"},
            201,
            INFERENCE,
            InferenceEntity,
        ),
        Op("images", "list_all", "GET", _INFERENCES, {"model_id": MODEL_ID}, 200, [INFERENCE, INFERENCE], list),
        Op(
            "images",
            "find_one",
            "GET",
            f"{_INFERENCES}/{INFERENCE_ID}",
            {"model_id": MODEL_ID, "inference_id": INFERENCE_ID},
            200,
            INFERENCE,
            InferenceEntity,
        ),
        Op(
            "images",
            "delete",
            "DELETE",
            f"{_INFERENCES}/{INFERENCE_ID}",
            {"model_id": MODEL_ID, "inference_id": INFERENCE_ID},
            200,
            DELETED,
            object,
        ),
        Op(
            "image_models",
            "train_model",
            "POST",
            "/api/v2/images/models/new",
            {"name": "Alex", "image_sample_urls": SAMPLE_URLS},
            201,
            MODEL,
            ModelV2Entity,
        ),
        Op(
            "image_models",
            "list_all_models",
            "GET",
            "/api/v2/images/models",
            {},
            200,
            {"models": [MODEL]},
            ListModelsV2Response,
        ),
        Op(
            "image_models",
            "get_model",
            "GET",
            f"/api/v2/images/models/{MODEL['id']}",
            {"model_id": MODEL["id"]},
            200,
            MODEL,
            ModelV2Entity,
        ),
        Op(
            "image_models",
            "delete_model",
            "DELETE",
            f"/api/v2/images/models/{MODEL['id']}",
            {"model_id": MODEL["id"]},
            200,
            MODEL,
            ModelV2Entity,
        ),
    )
}

GET = OPS["find_one"]
POST = OPS["generate"]
DELETE = OPS["delete_model"]


# ------------------------------------------------------------------------------ servers


class Script:
    """A handler answering the n-th request with the n-th reply (the last one repeats).

    ``times`` holds the ``time.monotonic()`` of each arrival, ``wall`` its ``time.time()``.
    """

    def __init__(self, *replies: Reply | Callable[[httpx.Request], Reply]) -> None:
        assert replies
        self.replies = replies
        self.times: list[float] = []
        self.wall: list[float] = []
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> Reply:
        with self._lock:
            index = len(self.times)
            self.times.append(time.monotonic())
            self.wall.append(time.time())
        reply = self.replies[min(index, len(self.replies) - 1)]
        return reply(request) if callable(reply) else reply

    @property
    def gaps(self) -> list[float]:
        """Seconds between consecutive arrivals."""
        return [b - a for a, b in zip(self.times, self.times[1:])]


def assert_requests_valid(server: LocalServer) -> None:
    for request in server.requests:
        assert_request_valid(on_spec_server(request))


@dataclass
class _Served:
    server: LocalServer
    validate: bool


@dataclass
class Servers:
    """``serve(handler)`` starts a server that the fixture stops and checks afterwards."""

    started: list[_Served] = field(default_factory=list)

    def __call__(self, handler: Callable[[httpx.Request], Reply], *, validate: bool = True) -> LocalServer:
        server = LocalServer(handler).__enter__()
        self.started.append(_Served(server, validate))
        return server


def wait_for_sockets(expected: int, within: float = 2.0) -> int:
    """Poll until at most ``expected`` sockets are open (server threads close theirs late)."""
    deadline = time.monotonic() + within
    collected = False
    while True:
        now = open_sockets()
        if now <= expected or time.monotonic() > deadline:
            return now
        if not collected:  # a full collection is slow: only when something is still open
            gc.collect()
            collected = True
            continue
        time.sleep(0.01)


@pytest.fixture
def serve() -> Iterator[Servers]:
    before = open_sockets()
    servers = Servers()
    yield servers
    for served in servers.started:
        served.server.close()
    after = wait_for_sockets(before)
    assert after <= before, f"{after - before} socket(s) still open after the clients and servers were closed"
    for served in servers.started:
        if served.validate:
            assert_requests_valid(served.server)


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


# ------------------------------------------------------------------------------ clients


class Runner:
    """Builds ``Leap`` (sync mode) or ``AsyncLeap`` (async mode) clients and runs their calls."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.loop = asyncio.new_event_loop() if self.is_async else None
        self._clients: list[Any] = []

    @property
    def is_async(self) -> bool:
        return self.mode == "async"

    def client(self, **options: Any) -> Any:
        """A new client (``api_key`` defaults to the test key); closed at the end of the test."""
        options.setdefault("api_key", API_KEY)
        client = (leap.AsyncLeap if self.is_async else leap.Leap)(**options)
        self._clients.append(client)
        return client

    def run(self, value: Any) -> Any:
        """``value``, awaited first when it is awaitable (the result of an async method)."""
        if inspect.isawaitable(value):
            assert self.loop is not None, "an awaitable in sync mode"
            return self.loop.run_until_complete(value)
        return value

    def close(self, client: Any) -> None:
        self.run(client.close())

    def call(self, fn: Callable[[Any], Any], **options: Any) -> Any:
        """``fn(client)`` on a new client that is closed afterwards, awaited in async mode."""
        client = self.client(**options)
        try:
            return self.run(fn(client))
        finally:
            self.close(client)

    def timed(self, fn: Callable[[Any], Any], **options: Any) -> tuple[Any, float]:
        """``(result or raised exception, seconds)`` of :meth:`call`."""
        start = time.monotonic()
        try:
            result: Any = self.call(fn, **options)
        except Exception as exc:  # noqa: BLE001 - the tests look at it
            result = exc
        return result, time.monotonic() - start

    def shutdown(self) -> None:
        for client in self._clients:
            self.close(client)
        if self.loop is not None:
            self.loop.run_until_complete(self.loop.shutdown_asyncgens())
            self.loop.close()


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def runner(mode: str, serve: Servers) -> Iterator[Runner]:
    # Depends on ``serve`` so that its clients and event loop are closed before the leak check.
    runner = Runner(mode)
    yield runner
    runner.shutdown()


@pytest.fixture
def fast_backoff(monkeypatch: pytest.MonkeyPatch) -> tuple[float, float]:
    """Backoff of ``FAST_INITIAL`` seconds doubling to ``FAST_MAX`` (Retry-After is not affected)."""
    monkeypatch.setattr(leap._retries, "INITIAL_DELAY", FAST_INITIAL)
    monkeypatch.setattr(leap._retries, "MAX_DELAY", FAST_MAX)
    return FAST_INITIAL, FAST_MAX


# --------------------------------------------------------------------------- isolation


@pytest.fixture(autouse=True, scope="package")
def _one_tls_context() -> Iterator[None]:
    """Build httpx's default TLS context once: it costs ~50 ms per client and no test here uses TLS.

    Each client still gets its own transport and connection pool; only the (read-only)
    certificate store is shared.
    """
    original = httpx_transports.create_ssl_context
    cached = functools.lru_cache(maxsize=8)(original)

    def create_ssl_context(verify: Any = True, cert: Any = None, trust_env: bool = True) -> Any:
        if verify is True and cert is None:
            return cached(verify=verify, cert=cert, trust_env=trust_env)
        return original(verify=verify, cert=cert, trust_env=trust_env)

    httpx_transports.create_ssl_context = create_ssl_context
    yield
    httpx_transports.create_ssl_context = original


@pytest.fixture(autouse=True)
def _no_leap_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LEAP_LOG", "LEAP_API_KEY", "LEAP_BASE_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(autouse=True)
def _restore_leap_logger() -> Iterator[None]:
    """``LEAP_LOG`` sets the ``leap`` logger's level and adds a handler once per process: undo both."""
    logger = logging.getLogger("leap")
    level, handlers, propagate = logger.level, list(logger.handlers), logger.propagate
    yield
    logger.setLevel(level)
    logger.handlers[:] = handlers
    logger.propagate = propagate
