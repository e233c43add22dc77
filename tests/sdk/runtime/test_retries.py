"""Retries against a real server: what is sent again, how often, how long the SDK waits.

The rules under test (``leap/_retries.py``): GET and DELETE are sent again after a
connection error, a read timeout, 408, 429 and 5xx; POST only when the connection could
not be made, on 429, and on 503 with ``Retry-After``. ``max_retries`` (2 by default) caps
the number of retries; ``Retry-After`` / ``retry-after-ms`` up to 60 s replace the backoff.

Each case counts the requests that reached the server, checks the exception and bounds
the time the call took: the waits the server asked for and the timeouts it ran into,
plus the (fast, monkeypatched) backoff, plus ``SLACK``.
"""

from __future__ import annotations

import asyncio
import email.utils
import io
import logging
import math
import time
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

import leap
import leap._retries
from leap.models import ErrorResponse
from tests.sdk.runtime.conftest import (
    DELETE,
    FAST_MAX,
    GET,
    INFERENCE,
    OPS,
    POST,
    SLACK,
    STALL,
    Op,
    Runner,
    Script,
    Servers,
    closed_port_url,
    error_body,
)
from tests.sdk.contract.conftest import API_KEY, parse_multipart
from tests.sdk.runtime.server import Reply, html_reply, json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

TIMEOUT = 0.15
"""The client timeout of the stalling cases, in seconds."""


INFERENCE_JSON = json_reply(200, INFERENCE).body


def cut_json(op: Op) -> Reply:
    """A success status whose JSON stops halfway; the Content-Length is that of the cut body."""
    return Reply(op.status, INFERENCE_JSON[:40], {"Content-Type": "application/json"})


@dataclass(frozen=True)
class Case:
    """A failure the server repeats on every request."""

    reply: Any  # Reply, or a function of the Op giving one
    get_retried: bool
    post_retried: bool
    error: type[Exception]
    status: int | None = None
    waits: float = 0.0  # seconds the server asks for before each retry
    timeout: float | None = None  # the client timeout per attempt (stalling cases)
    check: Any = field(default=None)  # extra assertions on the exception

    def reply_for(self, op: Op) -> Reply:
        return self.reply(op) if callable(self.reply) else self.reply


def _error_model(status: int, message: str) -> Any:
    def check(exc: leap.APIStatusError) -> None:
        assert isinstance(exc.body, ErrorResponse)
        assert exc.body.status_code == status and exc.body.message == message

    return check


def _html(exc: leap.APIStatusError) -> None:
    assert exc.body is None
    assert "<h1>502 Bad Gateway</h1>" in exc.text


def _cut(exc: leap.APIResponseValidationError) -> None:
    assert exc.text == INFERENCE_JSON[:40].decode()


CASES: dict[str, Case] = {
    "500": Case(
        json_reply(500, error_body(500, "boom")),
        True,
        False,
        leap.InternalServerError,
        500,
        check=_error_model(500, "boom"),
    ),
    "500 with Retry-After": Case(
        json_reply(500, error_body(500), {"Retry-After": "0"}), True, False, leap.InternalServerError, 500
    ),
    "502 HTML page": Case(html_reply(502), True, False, leap.InternalServerError, 502, check=_html),
    "503": Case(
        json_reply(503, error_body(503, "down")),
        True,
        False,
        leap.InternalServerError,
        503,
        check=_error_model(503, "down"),
    ),
    "503 with Retry-After": Case(
        json_reply(503, error_body(503), {"Retry-After": "0.03"}), True, True, leap.InternalServerError, 503, waits=0.03
    ),
    "503 with a garbled Retry-After": Case(
        json_reply(503, error_body(503), {"Retry-After": "soon"}), True, False, leap.InternalServerError, 503
    ),
    "429": Case(
        json_reply(429, error_body(429, "slow down")),
        True,
        True,
        leap.RateLimitError,
        429,
        check=_error_model(429, "slow down"),
    ),
    "429 with Retry-After seconds": Case(
        json_reply(429, error_body(429), {"Retry-After": "0.03"}), True, True, leap.RateLimitError, 429, waits=0.03
    ),
    "429 with retry-after-ms": Case(
        json_reply(429, error_body(429), {"retry-after-ms": "30"}), True, True, leap.RateLimitError, 429, waits=0.03
    ),
    "408": Case(json_reply(408, error_body(408)), True, False, leap.APIStatusError, 408),
    "400": Case(
        json_reply(400, error_body(400, "bad")), False, False, leap.BadRequestError, 400, check=_error_model(400, "bad")
    ),
    "404": Case(json_reply(404, error_body(404, "no such job")), False, False, leap.NotFoundError, 404),
    "connection reset": Case(Reply(reset=True), True, False, leap.APIConnectionError),
    "stall past the timeout": Case(Reply(stall=STALL), True, False, leap.APITimeoutError, timeout=TIMEOUT),
    "body shorter than Content-Length": Case(
        lambda op: json_reply(op.status, op.body, truncate=25), True, False, leap.APIConnectionError
    ),
    "success with cut JSON": Case(cut_json, False, False, leap.APIResponseValidationError, None, check=_cut),
}

KINDS = {"GET": GET, "DELETE": DELETE, "POST": POST}
DELETE_CASES = ("500", "408", "400", "connection reset")
"""DELETE follows the GET column of the table; a sample of the cases shows it."""

POST_ONLY = ("500 with Retry-After",)
"""A Retry-After on a 500 matters to POST only (which it must not make retried)."""

CASE_KINDS = [
    (name, kind)
    for name in CASES
    for kind in KINDS
    if (kind != "DELETE" or name in DELETE_CASES) and (kind == "POST" or name not in POST_ONLY)
]


def _retried(case: Case, op: Op) -> bool:
    return case.post_retried if op.http_method == "POST" else case.get_retried


@pytest.mark.parametrize(("name", "kind"), CASE_KINDS)
def test_a_repeated_failure_is_sent_max_retries_plus_one_times_or_once(
    runner: Runner, serve: Servers, name: str, kind: str
) -> None:
    case, op = CASES[name], KINDS[kind]
    script = Script(case.reply_for(op))
    server = serve(script)
    options: dict[str, Any] = {"base_url": server.url}
    if case.timeout is not None:
        options["timeout"] = case.timeout

    exc, took = runner.timed(op.call, **options)

    attempts = 3 if _retried(case, op) else 1
    assert server.count() == attempts, f"{op.http_method} after {name}: sent {server.count()} times"
    assert server.count(op.http_method, op.path) == attempts
    assert type(exc) is case.error, repr(exc)
    if case.status is not None:
        assert exc.status_code == case.status
    if case.check is not None:
        case.check(exc)
    retries = attempts - 1
    least = retries * case.waits + attempts * (case.timeout or 0.0)
    most = least + retries * FAST_MAX + SLACK
    assert least - 0.02 <= took <= most, f"took {took:.3f} s, expected {least:.3f} to {most:.3f} s"
    for gap in script.gaps:
        assert gap >= case.waits + (case.timeout or 0.0) - 0.02


RECOVERABLE = [(name, kind) for name, kind in CASE_KINDS if kind != "DELETE" and _retried(CASES[name], KINDS[kind])]


@pytest.mark.parametrize(("name", "kind"), RECOVERABLE)
def test_a_retried_failure_followed_by_success_returns_the_success(
    runner: Runner, serve: Servers, name: str, kind: str
) -> None:
    case, op = CASES[name], KINDS[kind]
    server = serve(Script(case.reply_for(op), op.success()))
    options: dict[str, Any] = {"base_url": server.url}
    if case.timeout is not None:
        options["timeout"] = case.timeout

    result = runner.call(op.call, **options)

    assert server.count() == 2
    assert isinstance(result, op.model)
    first, second = server.requests
    assert (first.method, first.url, first.content) == (second.method, second.url, second.content)


# ----------------------------------------------------------------------- max_retries


@pytest.mark.parametrize(("max_retries", "attempts"), [(0, 1), (1, 2), (3, 4)])
@pytest.mark.parametrize("op", [GET, POST], ids=str)
def test_max_retries_caps_the_attempts(runner: Runner, serve: Servers, op: Op, max_retries: int, attempts: int) -> None:
    server = serve(Script(json_reply(429, error_body(429))))
    exc, _ = runner.timed(op.call, base_url=server.url, max_retries=max_retries)
    assert isinstance(exc, leap.RateLimitError)
    assert server.count() == attempts


def test_the_default_is_two_retries(runner: Runner, serve: Servers) -> None:
    server = serve(Script(json_reply(500, error_body(500))))
    client = runner.client(base_url=server.url)
    assert client.max_retries == 2
    with pytest.raises(leap.InternalServerError):
        runner.run(GET.call(client))
    assert server.count() == 3


def test_a_negative_max_retries_is_rejected(mode: str) -> None:
    cls = leap.AsyncLeap if mode == "async" else leap.Leap
    with pytest.raises(ValueError, match="max_retries"):
        cls(api_key=API_KEY, max_retries=-1)


def test_the_backoff_doubles_and_is_capped(runner: Runner, serve: Servers, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leap._retries, "INITIAL_DELAY", 0.03)
    monkeypatch.setattr(leap._retries, "MAX_DELAY", 0.12)
    script = Script(json_reply(500, error_body(500)))
    server = serve(script)
    exc, took = runner.timed(GET.call, base_url=server.url, max_retries=4)
    assert isinstance(exc, leap.InternalServerError)
    assert server.count() == 5
    # 0.03, 0.06, 0.12, then 0.24 capped to 0.12; each less up to 25 % jitter. Without the
    # cap the last wait would be at least 0.18 s, without the doubling at most 0.03 s.
    for gap, delay in zip(script.gaps, (0.03, 0.06, 0.12, 0.12)):
        assert 0.75 * delay - 0.005 <= gap <= delay + 0.05, script.gaps
    assert took < 0.33 + SLACK


# --------------------------------------------------------------------- connect errors


@pytest.mark.parametrize("op", [GET, POST, DELETE, OPS["train_model"]], ids=str)
def test_a_refused_connection_is_retried_for_every_method(
    runner: Runner, op: Op, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="leap")
    exc, took = runner.timed(op.call, base_url=closed_port_url())

    assert type(exc) is leap.APIConnectionError
    assert isinstance(exc.__cause__, httpx.ConnectError)
    attempts = [r.getMessage() for r in caplog.records if r.name == "leap" and r.getMessage().startswith("Request:")]
    assert [f"(attempt {n})" in line for n, line in enumerate(attempts, 1)] == [True, True, True], attempts
    retries = [r.getMessage() for r in caplog.records if r.getMessage().startswith("Retrying")]
    assert len(retries) == 2 and all("ConnectError" in line for line in retries), retries
    assert took < 2 * FAST_MAX + SLACK


def test_a_refused_connection_waits_the_backoff(runner: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(leap._retries, "INITIAL_DELAY", 0.1)
    monkeypatch.setattr(leap._retries, "MAX_DELAY", 0.1)
    exc, took = runner.timed(POST.call, base_url=closed_port_url())
    assert type(exc) is leap.APIConnectionError
    assert 2 * 0.075 - 0.01 <= took <= 0.2 + SLACK


def test_a_refused_connection_with_max_retries_zero_fails_at_once(
    runner: Runner, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="leap")
    exc, took = runner.timed(POST.call, base_url=closed_port_url(), max_retries=0)
    assert type(exc) is leap.APIConnectionError
    assert not [r for r in caplog.records if r.getMessage().startswith("Retrying")]
    assert took < SLACK


# ------------------------------------------------------------------------ Retry-After


@pytest.mark.parametrize(
    ("status", "headers", "op"),
    [
        (429, {"Retry-After": "0.2"}, GET),
        (429, {"retry-after-ms": "200"}, POST),
        (503, {"retry-after-ms": "200", "Retry-After": "30"}, POST),  # the millisecond header wins
    ],
    ids=lambda v: str(v) if isinstance(v, Op) else None,
)
def test_retry_after_is_waited(runner: Runner, serve: Servers, status: int, headers: dict[str, str], op: Op) -> None:
    script = Script(json_reply(status, error_body(status), headers), op.success())
    server = serve(script)
    result, took = runner.timed(op.call, base_url=server.url)
    assert isinstance(result, op.model), repr(result)
    assert server.count() == 2
    assert script.gaps[0] >= 0.2 - 0.005, script.gaps
    assert took <= 0.2 + SLACK


def test_retry_after_as_an_http_date_is_waited(runner: Runner, serve: Servers) -> None:
    target: list[float] = []

    def rate_limited(request: httpx.Request) -> Reply:
        # A whole second at least 0.1 s ahead: the wait is between 0.1 and 1.1 s.
        target.append(math.ceil(time.time() + 0.1))
        date = email.utils.formatdate(target[0], usegmt=True)
        return json_reply(429, error_body(429), {"Retry-After": date})

    script = Script(rate_limited, GET.success())
    server = serve(script)
    result, took = runner.timed(GET.call, base_url=server.url)
    assert isinstance(result, GET.model), repr(result)
    assert server.count() == 2
    assert script.wall[1] >= target[0] - 0.02, (script.wall, target)
    assert script.wall[1] <= target[0] + SLACK


@pytest.mark.parametrize(
    ("headers", "op"),
    [
        ({"Retry-After": "61"}, GET),
        ({"Retry-After": "61"}, POST),
        ({"Retry-After": "3600"}, GET),
        ({"retry-after-ms": "61000"}, POST),
        ({"Retry-After": "HTTP-DATE"}, GET),  # an hour ahead
    ],
    ids=["61 s-GET", "61 s-POST", "1 h-GET", "61000 ms-POST", "date an hour ahead-GET"],
)
def test_a_retry_after_above_the_cap_falls_back_to_the_backoff(
    runner: Runner, serve: Servers, headers: dict[str, str], op: Op
) -> None:
    if headers.get("Retry-After") == "HTTP-DATE":
        headers = {"Retry-After": email.utils.formatdate(time.time() + 3600, usegmt=True)}
    script = Script(json_reply(429, error_body(429), headers))
    server = serve(script)
    exc, took = runner.timed(op.call, base_url=server.url)
    assert isinstance(exc, leap.RateLimitError)
    assert server.count() == 3
    assert all(gap < FAST_MAX + 0.3 for gap in script.gaps), script.gaps
    assert took < 2 * FAST_MAX + SLACK


def test_the_cap_is_sixty_seconds() -> None:
    assert leap._retries.MAX_RETRY_AFTER == 60.0


# ---------------------------------------------------------------- the event loop


@pytest.mark.parametrize(
    "failure",
    [json_reply(503, error_body(503), {"Retry-After": "0.3"}), json_reply(500, error_body(500))],
    ids=["Retry-After", "backoff"],
)
def test_async_backoff_does_not_block_the_event_loop(
    serve: Servers, monkeypatch: pytest.MonkeyPatch, failure: Reply
) -> None:
    monkeypatch.setattr(leap._retries, "INITIAL_DELAY", 0.3)
    monkeypatch.setattr(leap._retries, "MAX_DELAY", 0.3)
    script = Script(failure, GET.success())
    server = serve(script)
    ticks: list[float] = []

    async def main() -> Any:
        done = asyncio.Event()

        async def ticker() -> None:
            while not done.is_set():
                ticks.append(time.monotonic())
                await asyncio.sleep(0.01)

        task = asyncio.create_task(ticker())
        try:
            async with leap.AsyncLeap(api_key=API_KEY, base_url=server.url) as client:
                return await GET.call(client)
        finally:
            done.set()
            await task

    assert isinstance(asyncio.run(main()), GET.model)
    assert server.count() == 2
    waiting = [t for t in ticks if script.times[0] < t < script.times[1]]
    assert script.gaps[0] >= 0.2
    # A blocked loop would tick once or twice in the wait, with one step as long as the wait.
    assert len(waiting) >= 5, f"{len(waiting)} ticks in a {script.gaps[0]:.2f} s wait"
    steps = [b - a for a, b in zip(waiting, waiting[1:])]
    assert max(steps) < 0.6 * script.gaps[0], (max(steps), script.gaps[0])


def test_concurrent_async_calls_retry_independently(serve: Servers) -> None:
    """Two calls back off at the same time: both retries go out after one wait, not two."""
    script = Script(
        json_reply(429, error_body(429), {"Retry-After": "0.3"}),
        json_reply(429, error_body(429), {"Retry-After": "0.3"}),
        GET.success(),
    )
    server = serve(script)

    async def main() -> list[Any]:
        async with leap.AsyncLeap(api_key=API_KEY, base_url=server.url) as client:
            return await asyncio.gather(GET.call(client), GET.call(client))

    results = asyncio.run(main())
    assert all(isinstance(r, GET.model) for r in results)
    assert server.count() == 4
    first, second, retry, other_retry = script.times
    assert retry - second >= 0.3 - 0.01
    # Waiting in turn would put the last retry 0.6 s after the first request.
    assert other_retry - retry < 0.2, script.gaps
    assert other_retry - first < 0.55, script.gaps


def test_cancelling_an_async_call_during_its_wait_stops_it_at_once(serve: Servers) -> None:
    server = serve(Script(json_reply(429, error_body(429), {"Retry-After": "5"})))

    async def main() -> None:
        async with leap.AsyncLeap(api_key=API_KEY, base_url=server.url) as client:
            await asyncio.wait_for(GET.call(client), 0.2)

    start = time.monotonic()
    with pytest.raises(asyncio.TimeoutError):
        asyncio.run(main())
    assert time.monotonic() - start < 0.2 + SLACK
    assert server.count() == 1


# ------------------------------------------------------------------- multipart


def test_a_retried_upload_resends_the_same_files(runner: Runner, serve: Servers) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"pixels" * 50
    script = Script(json_reply(429, error_body(429), {"Retry-After": "0"}), OPS["train_model"].success())
    server = serve(script)
    result = runner.call(
        lambda c: c.image_models.train_model(name="Alex", image_sample_files=[io.BytesIO(png), ("b.png", png)]),
        base_url=server.url,
    )
    assert isinstance(result, OPS["train_model"].model)
    first, second = (parse_multipart(r) for r in server.requests)
    assert first == second
    assert [p.content for p in first if p.name == "imageSampleFiles"] == [png, png]
