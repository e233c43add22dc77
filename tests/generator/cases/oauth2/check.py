"""OAuth2 and OpenID Connect: the access token sent as a bearer token (argument, environment
variable, function); the clientCredentials flow fetching a token from the relative tokenUrl once,
reusing it, refreshing it after expiry and after a 401, one fetch for concurrent requests;
sync and async; the token and the secret in no repr, log line or error message."""

from __future__ import annotations

import asyncio
import io
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any
from urllib.parse import parse_qs

import httpx

WARNINGS = [("unsupported-security-scheme", "/components/securitySchemes/device")]

BASE_URL = "https://case.test/v1"
TOKEN_URL = "https://case.test/oauth/token"  # the spec's "/oauth/token", resolved against the server URL
ENV = ("ACCESS_TOKEN", "CLIENT_ID", "CLIENT_SECRET", "TOKEN_URL")
SECRET = "s3cret-Vq8"


class Server:
    """The authorization server and the API: tokens ``tok-1``, ``tok-2``... for the right client
    ID and secret; the API answers 401 to a token it does not know or that was revoked."""

    def __init__(self, lifetime: float | None = 3600, delay: float = 0.0) -> None:
        self.lifetime = lifetime
        self.delay = delay  # seconds the token endpoint takes: concurrent requests overlap
        self.issued: list[str] = []
        self.revoked: set[str] = set()
        self.forms: list[dict[str, list[str]]] = []
        self.calls: list[str] = []  # the Authorization of each API request (not the token endpoint's), as it came
        self.lock = threading.Lock()
        self.echo = False  # the API answers every request 401, repeating the token it was sent
        self.token_url = TOKEN_URL  # where its token endpoint is

    def token(self, request: httpx.Request) -> httpx.Response:
        request.read()
        form = parse_qs(request.content.decode())
        with self.lock:
            self.forms.append(form)
            if form.get("client_secret") != [SECRET] or form.get("client_id") != ["app"]:
                return httpx.Response(401, json={"error": "invalid_client"})
            token = f"tok-{len(self.issued) + 1}"
            self.issued.append(token)
        answer: dict[str, Any] = {"access_token": token, "token_type": "Bearer"}
        if self.lifetime is not None:
            answer["expires_in"] = self.lifetime
        return httpx.Response(200, json=answer)

    def api(self, request: httpx.Request) -> httpx.Response:
        request.read()
        sent = request.headers.get("Authorization", "")
        self.calls.append(sent)
        token = sent.removeprefix("Bearer ")
        if self.echo:
            return httpx.Response(401, json={"message": f"bad token {token}"})
        if request.url.path != "/v1/health" and (token in self.revoked or (token.startswith("tok-") and token not in self.issued)):
            return httpx.Response(401, json={"message": "invalid token"})
        return httpx.Response(200, json={"names": [sent]})

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == self.token_url:
            assert request.method == "POST" and request.headers["Content-Type"] == "application/x-www-form-urlencoded"
            if self.delay:
                time.sleep(self.delay)
            return self.token(request)
        return self.api(request)

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        if str(request.url) == self.token_url and self.delay:
            await asyncio.sleep(self.delay)  # other tasks run meanwhile: they must wait for this fetch
            return self.token(request)
        return self(request)

    @property
    def tokens_fetched(self) -> int:
        return len(self.forms)


def clients(package: Any, server: Server, **credentials: Any) -> tuple[Any, Any]:
    """A blocking and an asyncio client on ``server``."""
    blocking = package.Client(base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(server)), **credentials)
    asynchronous = package.AsyncClient(base_url=BASE_URL, http_client=httpx.AsyncClient(transport=httpx.MockTransport(server.handle_async)), **credentials)
    return blocking, asynchronous


Call = Callable[..., str]


def each(package: Any, server_factory: Callable[[], Server], run: Callable[[Server, Call], None], **credentials: Any) -> None:
    """``run(server, call)`` for the blocking client, then the asyncio client, each on a fresh server;
    ``call(operation, **arguments)`` calls a ``files`` method and returns the Authorization the API saw."""
    for asynchronous in (False, True):
        server = server_factory()
        sync_client, async_client = clients(package, server, **credentials)
        if not asynchronous:
            run(server, lambda operation, **arguments: str(getattr(sync_client.files, operation)(**arguments).names[0]))
            continue
        loop = asyncio.new_event_loop()

        def call(operation: str, **arguments: Any) -> str:
            result = loop.run_until_complete(getattr(async_client.files, operation)(**arguments))
            return str(result.names[0])

        try:
            run(server, call)
        finally:
            loop.close()


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """``CASE_OAUTH2_<NAME>`` set to ``values`` and the other credential variables unset, for the block."""
    names = [f"CASE_OAUTH2_{name}" for name in ENV]
    saved = {name: os.environ.pop(name, None) for name in names}
    os.environ.update({f"CASE_OAUTH2_{k}": v for k, v in values.items()})
    try:
        yield
    finally:
        for name in names:
            os.environ.pop(name, None)
            if saved[name] is not None:
                os.environ[name] = saved[name]  # type: ignore[assignment]


def check_given_token(package: Any) -> None:
    """``access_token=`` text, the environment variable, a function: sent as a bearer token for the
    oauth2 and the openIdConnect operations, not for ``security: []`` nor the unapplied mutualTLS."""

    def run(server: Server, call: Call) -> None:
        assert call("list_files") == "Bearer given"  # the document's oauth or oidc
        assert call("add_file", names=["a"]) == "Bearer given"  # oauth only, scope files:write
        assert call("get_profile") == "Bearer given"  # oidc, scopes openid and profile
        assert call("get_health") == ""  # security: []
        assert call("list_devices") == ""  # mutualTLS: not applied, nothing sent
        assert server.tokens_fetched == 0

    with environment():
        each(package, Server, run, access_token="given")
    with environment(ACCESS_TOKEN="from-env", CLIENT_ID="app", CLIENT_SECRET=SECRET):
        each(package, Server, lambda server, call: _sent_once(server, call, "Bearer from-env"))  # the token wins over fetching
        each(package, Server, lambda server, call: _sent_once(server, call, "Bearer given"), access_token="given")  # an argument wins
    counter = iter(range(1, 100))

    def refreshed(server: Server, call: Call) -> None:
        first, second = call("list_files"), call("get_profile")
        assert (first, second) in (("Bearer f1", "Bearer f2"), ("Bearer f3", "Bearer f4")), "a function is asked at each request"

    with environment():
        each(package, Server, refreshed, access_token=lambda: f"f{next(counter)}")


def _sent_once(server: Server, call: Call, expected: str) -> None:
    assert call("list_files") == expected
    assert server.tokens_fetched == 0


def check_client_credentials(package: Any) -> None:
    """The token is fetched once from the relative tokenUrl with the client's ID and secret, and reused."""

    def run(server: Server, call: Call) -> None:
        assert [call("list_files"), call("get_profile"), call("list_files")] == ["Bearer tok-1"] * 3
        assert call("get_health") == ""
        assert server.forms == [{"grant_type": ["client_credentials"], "client_id": ["app"], "client_secret": [SECRET]}]

    with environment():
        each(package, Server, run, client_id="app", client_secret=SECRET)
    with environment(CLIENT_ID="app", CLIENT_SECRET=SECRET):
        each(package, Server, run)
        server = Server()
        for n, client in enumerate(clients(package, server), 1):
            copy = client.with_options(max_retries=0)  # shares its client's token
            results = [copy.files.list_files(), client.files.list_files()]
            if not isinstance(results[0], package.models.Files):  # asyncio: each call in its own event loop
                results = [asyncio.run(_awaited(result)) for result in results]
            assert [r.names for r in results] == [[f"Bearer tok-{n}"]] * 2, results
        assert server.tokens_fetched == 2


async def _awaited(result: Any) -> Any:
    return await result


def check_refresh(package: Any) -> None:
    """A token is fetched again when it expires (``expires_in``), and when the API answers 401 to it
    (the request then goes once more, and succeeds)."""

    def expiring(server: Server, call: Call) -> None:
        assert call("list_files") == "Bearer tok-1"
        assert call("list_files") == "Bearer tok-1"
        time.sleep(1.0)  # expires_in 1: fetched again a little before the second has passed
        assert call("list_files") == "Bearer tok-2"
        assert server.tokens_fetched == 2

    def revoked(server: Server, call: Call) -> None:
        assert call("list_files") == "Bearer tok-1"
        server.revoked.add("tok-1")
        assert call("list_files") == "Bearer tok-2"
        assert server.calls == ["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]
        assert call("get_profile") == "Bearer tok-2" and server.tokens_fetched == 2

    with environment():
        each(package, lambda: Server(lifetime=1), expiring, client_id="app", client_secret=SECRET)
        each(package, Server, revoked, client_id="app", client_secret=SECRET)


def check_token_url(package: Any) -> None:
    """``token_url=`` (else ``CASE_OAUTH2_TOKEN_URL``; relative: to the base URL) sends the
    clientCredentials grant to another token endpoint than the spec's, such as a test server's."""

    def at(url: str) -> Callable[[], Server]:
        def make() -> Server:
            server = Server()
            server.token_url = url
            return server

        return make

    def run(server: Server, call: Call) -> None:
        assert [call("list_files"), call("get_profile")] == ["Bearer tok-1"] * 2
        assert server.tokens_fetched == 1 and server.forms[0]["client_secret"] == [SECRET]

    other = "https://auth.other.test/connect/token"
    with environment():
        each(package, at(other), run, client_id="app", client_secret=SECRET, token_url=other)
    with environment(CLIENT_ID="app", CLIENT_SECRET=SECRET, TOKEN_URL="/other/token"):
        each(package, at("https://case.test/other/token"), run)
        each(package, at(other), run, token_url=other)  # the argument wins


def check_one_fetch_at_a_time(package: Any) -> None:
    """Eight threads (blocking) or tasks (asyncio) sending at once through one client fetch one token."""
    with environment():
        server = Server(delay=0.2)
        sync_client, async_client = clients(package, server, client_id="app", client_secret=SECRET)
        threads = [threading.Thread(target=sync_client.files.list_files) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert server.tokens_fetched == 1 and len(server.calls) == 8
        assert set(server.calls) == {"Bearer tok-1"}

        server = Server(delay=0.2)
        sync_client, async_client = clients(package, server, client_id="app", client_secret=SECRET)

        async def many() -> None:
            await asyncio.gather(*(async_client.files.list_files() for _ in range(8)))

        asyncio.run(many())
        assert server.tokens_fetched == 1 and len(server.calls) == 8


def check_secrets_stay_secret(package: Any) -> None:
    """Neither the secret nor a token is in a repr, a log line (every logger, debug), or an error."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s %(args)s"))
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    os.environ["CASE_OAUTH2_LOG"] = "debug"
    texts: list[str] = []
    try:
        with environment():
            server = Server()
            sync_client, async_client = clients(package, server, client_id="app", client_secret=SECRET)
            sync_client.files.list_files()
            asyncio.run(async_client.files.list_files())
            texts += [repr(sync_client), repr(async_client), repr(sync_client.with_options(max_retries=0))]
            texts += [repr(sync_client._credentials["access_token"])]
            for client in clients(package, server, access_token="given-token-7"):
                texts.append(repr(client))
            wrong = clients(package, server, client_id="app", client_secret="wrong-" + SECRET)
            for attempt in (lambda: wrong[0].files.list_files(), lambda: asyncio.run(wrong[1].files.list_files())):
                try:
                    attempt()
                except package.AuthenticationError as error:  # the token endpoint's 401
                    texts += [str(error), repr(error)]
                else:
                    raise AssertionError("a wrong secret raises")
            lost = clients(package, Server(), access_token="tok-revoked")  # the API answers 401
            try:
                lost[0].files.list_files()
            except package.AuthenticationError as error:
                texts += [str(error), repr(error)]
            echoing = Server()
            echoing.echo = True  # a fetched token (tok-1, then tok-2 after the 401) repeated in the error
            sync_echo, async_echo = clients(package, echoing, client_id="app", client_secret=SECRET)
            for attempt in (lambda: sync_echo.files.list_files(), lambda: asyncio.run(async_echo.files.list_files())):
                try:
                    attempt()
                except package.AuthenticationError as error:
                    assert error.body is not None and "tok-" in str(error.body), "the body keeps what the server sent"
                    texts += [str(error), repr(error)]
        assert len(texts) == 16
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        os.environ.pop("CASE_OAUTH2_LOG", None)
        sdk_logger = logging.getLogger(package.__name__)  # the handler CASE_OAUTH2_LOG gave it: gone
        sdk_logger.handlers = [h for h in sdk_logger.handlers if not getattr(h, "_sdk_handler", False)]
        sdk_logger.setLevel(logging.NOTSET)
    texts.append(stream.getvalue())
    assert "case_oauth2 Request: GET" in stream.getvalue(), "the SDK's own debug lines are read too"
    assert "https://case.test/oauth/token" in stream.getvalue(), "the token request is logged (by httpx)"
    for text in texts:
        for secret in (SECRET, "tok-1", "tok-2", "given-token-7", "tok-revoked"):
            assert secret not in text, (secret, text)


def check_token_error_calls_on_error(package: Any) -> None:
    """A token endpoint that refuses the client: the call raises its error after ``on_error`` saw it, on both clients."""
    seen: list[tuple[str, int, type[BaseException]]] = []

    def hook(event: Any) -> None:
        seen.append((event.operation_id, event.attempt, type(event.error)))

    with environment():
        hooks = package.Hooks(on_error=hook)
        sync_client, async_client = clients(package, Server(), client_id="app", client_secret="wrong", hooks=hooks)
        for attempt in (lambda: sync_client.files.list_files(), lambda: asyncio.run(async_client.files.list_files())):
            try:
                attempt()
            except package.AuthenticationError:
                pass
            else:
                raise AssertionError("a refused client raises")
    assert seen == [("listFiles", 1, package.AuthenticationError)] * 2, seen


def check_missing(package: Any) -> None:
    """Without any credential: ``MissingAPIKeyError`` naming the arguments and variables; ``security: []`` needs none."""
    with environment():
        for cls in (package.Client, package.AsyncClient):
            try:
                cls(base_url=BASE_URL)
            except package.MissingAPIKeyError as error:
                message = str(error)
                assert "access_token=" in message and "CASE_OAUTH2_ACCESS_TOKEN" in message and "client_id=" in message
                assert message.count("CASE_OAUTH2_ACCESS_TOKEN") == 1
            else:
                raise AssertionError("no credential raises")


def check_docs(generated: Any) -> None:
    readme = generated.files["README.md"]
    assert "API_KEY" not in readme and "api_key" not in readme
    assert "client = Client()  # reads CASE_OAUTH2_ACCESS_TOKEN" in readme
    assert "| `oauth` | clientCredentials |  | `/oauth/token` | `files:read`: Read every file. |" in readme
    assert "discovery: `https://auth.case.test/.well-known/openid-configuration`" in readme
    assert 'client = Client(client_id="...", client_secret="...")' in readme
    client = generated.files["case_oauth2/_client.py"]
    assert "api_key" not in client and "access_token: str | Callable[[], str] | None = None" in client
    assert "token_url: str | None = None" in client and "CASE_OAUTH2_TOKEN_URL" in readme
    page = generated.files["docs/FilesApi.md"]
    assert "Security: `Authorization: Bearer <access_token>` (scheme `oauth`, scopes `files:read`); or `Authorization: Bearer <access_token>` (scheme `oidc`)." in page
    assert "Security: `Authorization: Bearer <access_token>` (scheme `oidc`, scopes `openid`, `profile`)." in page
    doc = " ".join(generated.files["case_oauth2/resources/files.py"].split())
    assert "Security: ``Authorization: Bearer <access_token>`` (scheme ``oauth``, scopes ``files:write``)." in doc
    assert "Authorization: Bearer $CASE_OAUTH2_ACCESS_TOKEN" in page


def check(package: Any, generated: Any) -> None:
    check_given_token(package)
    check_client_credentials(package)
    check_refresh(package)
    check_token_url(package)
    check_one_fetch_at_a_time(package)
    check_secrets_stay_secret(package)
    check_token_error_calls_on_error(package)
    check_missing(package)
    check_docs(generated)
