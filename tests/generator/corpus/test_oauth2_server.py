"""A real document's clientCredentials flow, against a real local HTTP server.

The Xero App Store document (``documents/xero-app-store.toml``) secures every operation with an
OAuth2 scheme whose only flow is clientCredentials, its ``tokenUrl`` on another host than the API.
Its generated SDK is pointed (``base_url=`` and ``token_url=``) at one HTTP server on 127.0.0.1,
running in a thread, that is both the authorization server and the API: no mock transport, the
requests go over a socket. Blocking and asyncio clients both show that the token is fetched with
the client ID and secret, sent as a bearer token, kept across calls, and fetched again after a 401
and when it expires (a short ``expires_in``); the secret goes only to the token endpoint.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest

from tests.generator.corpus.imported import imported_package
from tests.generator.corpus.report import DOCUMENTS

SECRET = "xero-s3cret-41"
SUBSCRIPTION = {
    "id": "00000000-0000-0000-0000-000000000001",
    "organisationId": "00000000-0000-0000-0000-000000000002",
    "status": "ACTIVE",
    "startDate": "2026-01-01T00:00:00",
    "currentPeriodEnd": "2026-02-01T00:00:00",
    "plans": [],
}


class Authority:
    """What the server issued and saw: tokens ``tok-1``, ``tok-2``... for client ``app`` and its secret;
    the API answers 401 to a token it did not issue or that was revoked."""

    def __init__(self) -> None:
        self.lifetime = 3600  # the expires_in of the next token
        self.issued: list[str] = []
        self.revoked: set[str] = set()
        self.forms: list[dict[str, list[str]]] = []  # each token request's form
        self.token_headers: list[str] = []  # each token request's Authorization ("" when none)
        self.calls: list[str] = []  # each API request's Authorization
        self.requests: list[str] = []  # each API request's path, query and headers, to check the secret is in none
        self.lock = threading.Lock()

    def token(self, form: dict[str, list[str]], authorization: str) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.forms.append(form)
            self.token_headers.append(authorization)
            if form.get("grant_type") != ["client_credentials"] or form.get("client_id") != ["app"] or form.get("client_secret") != [SECRET]:
                return 401, {"error": "invalid_client"}
            self.issued.append(f"tok-{len(self.issued) + 1}")
            return 200, {"access_token": self.issued[-1], "token_type": "Bearer", "expires_in": self.lifetime}

    def api(self, request: str, authorization: str) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.calls.append(authorization)
            self.requests.append(request)
            token = authorization.removeprefix("Bearer ")
            if token not in self.issued or token in self.revoked:
                return 401, {"title": "Unauthorized"}
        return 200, SUBSCRIPTION


def _handler(authority: Authority) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
            if self.path != "/connect/token" or self.headers.get("Content-Type") != "application/x-www-form-urlencoded":
                self._answer(404, {"error": "not the token endpoint"})
                return
            self._answer(*authority.token(parse_qs(body), self.headers.get("Authorization", "")))

        def do_GET(self) -> None:
            if not self.path.startswith("/appstore/2.0/subscriptions/"):
                self._answer(404, {"title": "Not Found"})
                return
            self._answer(*authority.api(f"{self.path}\n{self.headers}", self.headers.get("Authorization", "")))

        def _answer(self, status: int, answer: dict[str, Any]) -> None:
            data = json.dumps(answer).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
            pass

    return Handler


@pytest.fixture(scope="module")
def xero(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The generated Xero App Store package, imported."""
    with imported_package(DOCUMENTS["xero-app-store"], tmp_path_factory.mktemp("corpus")) as package:
        yield package


@pytest.fixture(autouse=True)
def no_proxy_nor_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing between the client and 127.0.0.1, and no credential from the environment."""
    for variable in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.delenv(variable, raising=False)
    for variable in ("ACCESS_TOKEN", "CLIENT_ID", "CLIENT_SECRET", "TOKEN_URL", "BASE_URL"):
        monkeypatch.delenv(f"XERO_APP_STORE_{variable}", raising=False)


@pytest.fixture
def server() -> Iterator[tuple[Authority, str]]:
    """A fresh authorization server and API on 127.0.0.1, and its URL."""
    authority = Authority()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(authority))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield authority, f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


def _scenario(authority: Authority, call: Callable[[], Any]) -> None:
    """Cached across calls; fetched again after a 401 (the call then succeeds) and when it expires."""
    assert call().status == "ACTIVE" and call().id == SUBSCRIPTION["id"]
    assert authority.issued == ["tok-1"] and authority.calls == ["Bearer tok-1"] * 2, "one token for both calls"
    assert authority.forms == [{"grant_type": ["client_credentials"], "client_id": ["app"], "client_secret": [SECRET]}]
    assert authority.token_headers == [""], "the token request carries no bearer token"

    authority.revoked.add("tok-1")  # the API now answers 401 to it: a new token, the request once more
    assert call().status == "ACTIVE"
    assert authority.issued == ["tok-1", "tok-2"] and authority.calls[2:] == ["Bearer tok-1", "Bearer tok-2"]

    authority.lifetime = 1  # the next token expires after a second: fetched again before it is used then
    authority.revoked.add("tok-2")
    call()
    assert authority.issued[-1] == "tok-3" and authority.calls[-1] == "Bearer tok-3"
    call()
    assert len(authority.issued) == 3, "not expired yet: kept"
    time.sleep(1.0)
    call()
    assert authority.issued[-1] == "tok-4" and authority.calls[-2:] == ["Bearer tok-3", "Bearer tok-4"], "fetched before the API saw it expire"
    assert len(authority.forms) == 4 and not any(SECRET in text for text in authority.calls + authority.requests)


def test_client_credentials_against_a_local_server(xero: Any, server: tuple[Authority, str]) -> None:
    """The blocking client fetches, sends, keeps and refreshes its token on a real HTTP server."""
    authority, url = server
    client = xero.XeroAppStore(client_id="app", client_secret=SECRET, base_url=f"{url}/appstore/2.0", token_url=f"{url}/connect/token", max_retries=0)
    with client:
        _scenario(authority, lambda: client.app_store.get_subscription(subscription_id=SUBSCRIPTION["id"]))


def test_client_credentials_against_a_local_server_async(xero: Any, server: tuple[Authority, str]) -> None:
    """The asyncio client does the same (each call run to completion in one event loop)."""
    authority, url = server
    loop = asyncio.new_event_loop()
    client = xero.AsyncXeroAppStore(client_id="app", client_secret=SECRET, base_url=f"{url}/appstore/2.0", token_url=f"{url}/connect/token", max_retries=0)
    try:
        _scenario(authority, lambda: loop.run_until_complete(client.app_store.get_subscription(subscription_id=SUBSCRIPTION["id"])))
    finally:
        loop.run_until_complete(client.close())
        loop.close()
