"""End-to-end machinery: Stoplight Prism mocking ``spec/openapi.yaml`` on a real socket.

Prism (``@stoplight/prism-cli``, pinned in ``package.json`` and installed by ``make test``
with ``npm ci``) is started by the fixtures below on 127.0.0.1 and a free port, once in
static mode (answers from the spec's examples) and once in dynamic mode (``-d``: random
data valid for the response schemas), and stopped at the end of the session.

How Prism reports a violation (checked against prism-cli 5.14.2): a request that breaks
the spec is always refused, with status 401 for missing or malformed ``Authorization`` and
422 otherwise. When the spec has a fitting 4XX response (ours do), Prism answers with it
and lists the violations as JSON in the ``sl-violations`` header; without one it answers
its own problem document (``type: https://stoplight.io/prism/errors#...``). A response of
Prism's own that breaks the spec carries ``sl-violations`` too, and ``--errors`` (passed
below) turns it into a 500. Every client these tests build records both signs of a
violation for every answer, and every test asserts there is none.

Prism missing is a failure, not a skip: the suite must prove it ran.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ROOT, SPEC_PATH, load_spec

from leap import AsyncLeap, Leap

PRISM = ROOT / "node_modules" / ".bin" / "prism"
STARTUP_TIMEOUT = 60.0
"""Seconds Prism may take to answer its first request (it usually needs 2-4)."""

API_KEY = "leap-e2e-key"
MODES = ("sync", "async")
VIOLATIONS_HEADER = "sl-violations"


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PrismServer:
    """One running ``prism mock`` process and where it listens."""

    base_url: str
    process: subprocess.Popen[bytes]
    log_path: Path
    dynamic: bool

    def log_tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        return "\n".join(text.splitlines()[-lines:])


def start_prism(log_path: Path, *, dynamic: bool, spec_path: Path = SPEC_PATH) -> PrismServer:
    """Start ``prism mock spec_path`` on a free port of 127.0.0.1 and return once it answers.

    Raises:
        pytest.fail.Exception: Prism is not installed, exits, or does not answer in time.
    """
    if not PRISM.exists():
        pytest.fail(
            f"Prism is not installed ({PRISM.relative_to(ROOT)} is missing). Run `make test` "
            "(it runs `npm ci` from package.json), or `npm ci` in the repository root.",
            pytrace=False,
        )
    if shutil.which("node") is None:
        pytest.fail("Node.js (`node`) is not on PATH: Prism needs it.", pytrace=False)
    port = free_port()
    command = [str(PRISM), "mock", str(spec_path), "-h", "127.0.0.1", "-p", str(port), "--errors"]
    if dynamic:
        command.append("-d")
    log = log_path.open("wb")
    process = subprocess.Popen(  # noqa: S603 - a fixed command line
        command,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group: stop_prism ends Prism and any child
    )
    log.close()
    server = PrismServer(f"http://127.0.0.1:{port}", process, log_path, dynamic)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while True:
        if process.poll() is not None:
            pytest.fail(
                f"Prism exited with status {process.returncode} before answering:\n{server.log_tail()}",
                pytrace=False,
            )
        # Prism logs that it listens (so the port is its own, not another server's), and any
        # HTTP answer (Prism says 404 for an unknown path) shows it serves.
        if f"listening on {server.base_url}" in server.log_tail(200):
            try:
                httpx.get(server.base_url + "/", timeout=1.0)
                return server
            except httpx.TransportError:
                pass
        if time.monotonic() > deadline:
            stop_prism(server)
            pytest.fail(f"Prism did not answer within {STARTUP_TIMEOUT:.0f} s:\n{server.log_tail()}", pytrace=False)
        time.sleep(0.1)


def stop_prism(server: PrismServer) -> None:
    """Terminate Prism's whole process group, and kill it if it does not stop in 5 s."""
    if server.process.poll() is None:
        try:
            os.killpg(server.process.pid, signal.SIGTERM)
            server.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(server.process.pid, signal.SIGKILL)
            server.process.wait(timeout=5)
        except ProcessLookupError:
            pass
    # Children that outlived the group leader (none expected) go too.
    try:
        os.killpg(server.process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


@pytest.fixture(scope="session")
def prism(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServer]:
    """Prism in static mode: every answer is the spec's example (or one built from the schema)."""
    server = start_prism(tmp_path_factory.mktemp("prism") / "prism.log", dynamic=False)
    yield server
    stop_prism(server)


# --------------------------------------------------- the one spec workaround

REAL_INSTANT_PATTERN = (
    r"^[1-9]\d{3}-(0[1-9]|1[0-2])-(0[1-9]|1\d|2[0-8]) ([01]\d|2[0-3]):[0-5]\d:[0-5]\d"
    r"(\.\d{1,6})?([+-](0\d|1[0-3])(:?[0-5]\d)?|Z)?$"
)
"""PostgreSQL timestamp text that always denotes a real instant: a subset of the spec's pattern."""


def timestamp_text_branch(spec: dict[str, Any]) -> dict[str, Any]:
    """The ``anyOf`` branch of the spec's ``Timestamp`` schema that describes PostgreSQL text by a pattern."""
    branches = [b for b in spec["components"]["schemas"]["Timestamp"]["anyOf"] if "pattern" in b]
    assert len(branches) == 1, "the spec's Timestamp schema changed shape: revisit dynamic_spec_path()"
    return branches[0]


def dynamic_spec_path(directory: Path) -> Path:
    """The spec for Prism's dynamic mode: ``spec/openapi.yaml`` with one pattern narrowed.

    The spec's ``Timestamp`` text pattern bounds months, days (01-31), hours and offsets,
    but no pattern can tell that February has no 31st. Prism's dynamic mode generates
    strings from the pattern, and the SDK rightly cannot read ``2023-02-31`` as a
    ``datetime``. So dynamic Prism serves a copy of the spec whose pattern admits days up
    to 28 only; nothing else differs.
    """
    spec = load_spec()
    timestamp_text_branch(spec)["pattern"] = REAL_INSTANT_PATTERN
    path = directory / "openapi-dynamic.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def prism_dynamic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PrismServer]:
    """Prism in dynamic mode (``-d``): every answer is fresh random data valid for the schema.

    It serves :func:`dynamic_spec_path` (the spec with one pattern narrowed; see there).
    """
    directory = tmp_path_factory.mktemp("prism-dynamic")
    server = start_prism(directory / "prism.log", dynamic=True, spec_path=dynamic_spec_path(directory))
    yield server
    stop_prism(server)


# --------------------------------------------------------------------- calling

_TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}")


def _instant(text: str) -> datetime:
    """Timestamp text (ISO-8601 or PostgreSQL, offset optional and then UTC) as an aware datetime."""
    value = text.replace("Z", "+00:00")
    value = re.sub(r"([+-]\d{2})$", r"\1:00", value)
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=timezone.utc)


def normalize(value: Any) -> Any:
    """``value`` with timestamp strings replaced by the instants they denote."""
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    if isinstance(value, str) and _TIMESTAMP.match(value):
        return _instant(value)
    return value


@dataclass
class Exchange:
    """One request the SDK sent and what Prism answered (body read)."""

    method: str
    url: str
    status: int
    violations: list[Any]
    body: bytes = field(repr=False)


PRISM_PROBLEM = "https://stoplight.io/prism/errors#"
"""How the ``type`` of the problem documents Prism writes itself begins."""


def _violations(response: httpx.Response, body: bytes) -> list[Any]:
    """What Prism says is wrong with the exchange: its ``sl-violations``, or its own problem document."""
    raw = response.headers.get(VIOLATIONS_HEADER)
    if raw is not None:
        try:
            parsed = json.loads(raw)
        except ValueError:
            return [raw]
        return parsed if isinstance(parsed, list) else [parsed]
    try:
        document = json.loads(body)
    except ValueError:
        return []
    if isinstance(document, dict) and str(document.get("type", "")).startswith(PRISM_PROBLEM):
        return [document]
    return []


class E2ECaller:
    """Calls SDK methods through ``Leap`` or ``AsyncLeap`` against a live server.

    ``caller(resource, method, **kwargs)`` returns what the method returns (or raises
    what it raises); ``caller.exchanges`` keeps every request and answer, with the
    violations Prism reported. ``headers`` are sent with every request (Prism reads
    ``Prefer`` from them).
    """

    def __init__(self, base_url: str, mode: str, headers: dict[str, str] | None = None) -> None:
        self.base_url = base_url
        self.mode = mode
        self.headers = headers or {}
        self.exchanges: list[Exchange] = []

    def _record(self, response: httpx.Response, body: bytes) -> None:
        request = response.request
        self.exchanges.append(
            Exchange(request.method, str(request.url), response.status_code, _violations(response, body), body)
        )

    def __call__(self, resource: str, method: str, /, **kwargs: Any) -> Any:
        if self.mode == "sync":

            def hook(response: httpx.Response) -> None:
                self._record(response, response.read())

            with httpx.Client(headers=self.headers, event_hooks={"response": [hook]}) as http:
                with Leap(api_key=API_KEY, base_url=self.base_url, http_client=http) as client:
                    return getattr(getattr(client, resource), method)(**kwargs)

        async def ahook(response: httpx.Response) -> None:
            self._record(response, await response.aread())

        async def run() -> Any:
            async with httpx.AsyncClient(headers=self.headers, event_hooks={"response": [ahook]}) as http:
                async with AsyncLeap(api_key=API_KEY, base_url=self.base_url, http_client=http) as client:
                    return await getattr(getattr(client, resource), method)(**kwargs)

        return asyncio.run(run())

    @property
    def last(self) -> Exchange:
        assert self.exchanges, "no request reached the server"
        return self.exchanges[-1]

    def assert_no_violations(self) -> None:
        """Fail unless every answer so far came without ``sl-violations``."""
        assert self.exchanges, "no request reached the server"
        bad = [e for e in self.exchanges if e.violations]
        assert not bad, "Prism reported spec violations:\n" + "\n".join(
            f"{e.method} {e.url} -> {e.status}: {json.dumps(e.violations)}" for e in bad
        )


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The SDK reads LEAP_API_KEY / LEAP_BASE_URL: none of these tests may depend on them."""
    monkeypatch.delenv("LEAP_API_KEY", raising=False)
    monkeypatch.delenv("LEAP_BASE_URL", raising=False)
