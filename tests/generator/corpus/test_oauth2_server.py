"""A real document's clientCredentials flow, against a real local HTTP server.

The Xero App Store document (``documents/xero-app-store.toml``) secures every operation with an
OAuth2 scheme whose only flow is clientCredentials, its ``tokenUrl`` on another host than the API.
Its generated SDK is pointed (``base_url=`` and ``token_url=``) at one HTTP server on 127.0.0.1
(the runtime tests' ``LocalServer``, in a thread) that is both the authorization server and the
API: no mock transport, the requests go over a socket. Blocking and asyncio clients both show that
the token is fetched with the client ID and secret, sent as a bearer token, kept across calls, and
fetched again after a 401 and when it expires (a short ``expires_in``); the secret goes only to
the token endpoint.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest

from tests.generator.corpus.imported import imported_package
from tests.generator.corpus.report import DOCUMENTS
from tests.sdk.runtime.server import LocalServer, Reply, json_reply

pytestmark = pytest.mark.slow  # it generates a corpus document

SECRET = "xero-s3cret-41"
TOKEN_PATH = "/connect/token"
SUBSCRIPTION = {
    "id": "00000000-0000-0000-0000-000000000001",
    "organisationId": "00000000-0000-0000-0000-000000000002",
    "status": "ACTIVE",
    "startDate": "2026-01-01T00:00:00",
    "currentPeriodEnd": "2026-02-01T00:00:00",
    "plans": [],
}


class Authority:
    """The authorization server and the API, as the handler of a :class:`LocalServer`: tokens ``tok-1``,
    ``tok-2``... for client ``app`` and its secret; the API answers 401 to a token it did not issue or that
    was revoked."""

    def __init__(self) -> None:
        self.lifetime = 3600  # the expires_in of the next token
        self.issued: list[str] = []
        self.revoked: set[str] = set()
        self.forms: list[dict[str, list[str]]] = []  # each token request's form
        self.token_headers: list[str] = []  # each token request's Authorization ("" when none)
        self.calls: list[str] = []  # each API request's Authorization
        self.lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> Reply:
        if request.method == "POST":
            if request.url.raw_path != TOKEN_PATH.encode() or request.headers.get("Content-Type") != "application/x-www-form-urlencoded":
                return json_reply(404, {"error": "not the token endpoint"})
            return json_reply(*self.token(parse_qs(request.content.decode()), request.headers.get("Authorization", "")))
        if request.method != "GET" or not request.url.path.startswith("/appstore/2.0/subscriptions/"):
            return json_reply(404, {"title": "Not Found"})
        return json_reply(*self.api(request.headers.get("Authorization", "")))

    def token(self, form: dict[str, list[str]], authorization: str) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.forms.append(form)
            self.token_headers.append(authorization)
            if form.get("grant_type") != ["client_credentials"] or form.get("client_id") != ["app"] or form.get("client_secret") != [SECRET]:
                return 401, {"error": "invalid_client"}
            self.issued.append(f"tok-{len(self.issued) + 1}")
            return 200, {"access_token": self.issued[-1], "token_type": "Bearer", "expires_in": self.lifetime}

    def api(self, authorization: str) -> tuple[int, dict[str, Any]]:
        with self.lock:
            self.calls.append(authorization)
            token = authorization.removeprefix("Bearer ")
            if token not in self.issued or token in self.revoked:
                return 401, {"title": "Unauthorized"}
        return 200, SUBSCRIPTION


def _as_sent(request: httpx.Request) -> str:
    """The request's path and query as they came over the socket, every header (none masked) and its body."""
    headers = "".join(f"{name}: {value}\n" for name, value in request.headers.multi_items())
    return f"{request.url.raw_path.decode()}\n{headers}\n{request.content.decode(errors='replace')}"


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
def server() -> Iterator[tuple[Authority, LocalServer]]:
    """A fresh authorization server and API on 127.0.0.1."""
    authority = Authority()
    with LocalServer(authority) as local:
        yield authority, local


def _scenario(server: tuple[Authority, LocalServer], call: Callable[[], Any]) -> None:
    """Cached across calls; fetched again after a 401 (the call then succeeds) and when it expires; the secret
    in no request but the token requests (neither its path, query, any header nor its body)."""
    authority, local = server
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
    assert len(authority.forms) == 4 and local.count("POST", TOKEN_PATH) == 4
    api_requests = [request for request in local.requests if request.url.path != TOKEN_PATH]
    assert len(api_requests) == len(authority.calls) == 8
    assert not any(SECRET in _as_sent(request) for request in api_requests), "the secret went to the API"


def test_client_credentials_against_a_local_server(xero: Any, server: tuple[Authority, LocalServer]) -> None:
    """The blocking client fetches, sends, keeps and refreshes its token on a real HTTP server."""
    url = server[1].url
    client = xero.XeroAppStore(client_id="app", client_secret=SECRET, base_url=f"{url}/appstore/2.0", token_url=f"{url}{TOKEN_PATH}", max_retries=0)
    with client:
        _scenario(server, lambda: client.app_store.get_subscription(subscription_id=SUBSCRIPTION["id"]))


def test_client_credentials_against_a_local_server_async(xero: Any, server: tuple[Authority, LocalServer]) -> None:
    """The asyncio client does the same (each call run to completion in one event loop)."""
    url = server[1].url
    loop = asyncio.new_event_loop()
    client = xero.AsyncXeroAppStore(client_id="app", client_secret=SECRET, base_url=f"{url}/appstore/2.0", token_url=f"{url}{TOKEN_PATH}", max_retries=0)
    try:
        _scenario(server, lambda: loop.run_until_complete(client.app_store.get_subscription(subscription_id=SUBSCRIPTION["id"])))
    finally:
        loop.run_until_complete(client.close())
        loop.close()
