"""Security schemes: what each operation sends with which credentials, sync and async; missing
credentials; environment variables; ``with_options``; no credential in a log line."""

from __future__ import annotations

import asyncio
import base64
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import respx

from tests.generator.cases.harness import BASE_URL, Recorder

WARNINGS = [("unsupported-security-scheme", "/components/securitySchemes/digest")]

OPERATIONS = ("get_me", "get_status", "get_reports", "get_session", "get_feed", "list_pets")
ENV = ("API_KEY", "USERNAME", "PASSWORD", "HEADER_KEY", "QUERY_KEY", "COOKIE_KEY")


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """``CASE_SECURITY_<NAME>`` set to ``values`` and every other credential variable unset, for the block."""
    names = [f"CASE_SECURITY_{name}" for name in ENV]
    saved = {name: os.environ.pop(name, None) for name in names}
    os.environ.update({f"CASE_SECURITY_{k}": v for k, v in values.items()})
    try:
        yield
    finally:
        for name in names:
            os.environ.pop(name, None)
            if saved[name] is not None:
                os.environ[name] = saved[name]  # type: ignore[assignment]


def sent(package: Any, operation: str, **credentials: str) -> httpx.Request:
    """The request ``operation`` sends from a blocking and an asyncio client with ``credentials`` (the same)."""
    recorder = Recorder(body={"name": "n"})

    async def run() -> None:
        async with package.AsyncClient(base_url=BASE_URL, http_client=httpx.AsyncClient(transport=httpx.MockTransport(recorder)), **credentials) as client:
            assert (await getattr(client.account, operation)()).name == "n"

    with package.Client(base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(recorder)), **credentials) as client:
        assert getattr(client.account, operation)().name == "n"
    asyncio.run(run())
    first, again = recorder.requests
    assert first.url == again.url and sorted(first.headers.items()) == sorted(again.headers.items())
    return first


def pooled(package: Any) -> list[str | None]:
    """The Authorization of get_me, get_status (``security: []``) and a ``with_options(api_key=...)`` copy's
    get_me, from clients that made their own pool (its defaults carry no credential), blocking then asyncio."""

    async def run() -> None:
        async with package.AsyncClient(api_key="tok", base_url=BASE_URL) as client:
            await client.account.get_me()
            await client.account.get_status()
            await client.with_options(api_key="other").account.get_me()

    with respx.mock(base_url=BASE_URL) as router:
        router.route().respond(200, json={"name": "n"})
        with package.Client(api_key="tok", base_url=BASE_URL) as client:
            client.account.get_me()
            client.account.get_status()
            client.with_options(api_key="other").account.get_me()
        asyncio.run(run())
        return [call.request.headers.get("Authorization") for call in router.calls]


def auth(request: httpx.Request) -> tuple[str | None, str | None, str | None, str]:
    """What a request carries: Authorization, X-API-Key, Cookie, and its query."""
    return request.headers.get("Authorization"), request.headers.get("X-API-Key"), request.headers.get("Cookie"), request.url.query.decode()


def check(package: Any, generated: Any) -> None:
    with environment():
        basic = "Basic " + base64.b64encode(b"ann:pw").decode()
        assert auth(sent(package, "get_me", api_key="tok")) == ("Bearer tok", None, None, "")
        assert auth(sent(package, "get_me", username="ann", password="pw")) == (basic, None, None, "")
        assert auth(sent(package, "get_me", api_key="tok", username="ann")) == ("Bearer tok", None, None, "")  # the first alternative
        assert auth(sent(package, "get_status", api_key="tok")) == (None, None, None, "")  # security: []
        everything = dict(api_key="tok", header_key="hk", query_key="qk", cookie_key="ck")
        assert auth(sent(package, "get_reports", **everything)) == (None, "hk", None, "sig=qk")  # both schemes, nothing else
        assert auth(sent(package, "get_session", **everything)) == (None, None, "sessionKey=ck", "")
        assert auth(sent(package, "get_feed", api_key="tok")) == (None, None, None, "")  # optional, no key
        assert auth(sent(package, "get_feed", api_key="tok", header_key="hk")) == (None, "hk", None, "")
        assert auth(sent(package, "list_pets", api_key="tok")) == (None, None, None, "")  # HTTP digest: nothing the SDK applies

        # The document's security is checked when the client is made, an operation's own when it is called.
        for cls in (package.Client, package.AsyncClient):
            try:
                cls()
            except package.MissingAPIKeyError as error:
                assert "api_key=..." in str(error) and "CASE_SECURITY_API_KEY" in str(error) and "username=..." in str(error)
            else:
                raise AssertionError("no credentials, yet the client was made")
        client = package.Client(api_key="tok", header_key="hk", base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(Recorder(body={"name": "n"}))))
        try:
            client.account.get_reports()
        except package.MissingAPIKeyError as error:
            assert "header_key=... and query_key=..." in str(error) and "CASE_SECURITY_QUERY_KEY" in str(error)
        else:
            raise AssertionError("get_reports sent without its query key")
        assert client.with_options(max_retries=0)._credentials == client._credentials  # with_options keeps every credential
        assert pooled(package) == ["Bearer tok", None, "Bearer other"] * 2

    with environment(USERNAME="env-user", QUERY_KEY="env-q", HEADER_KEY="env-h"):
        assert auth(sent(package, "get_me")) == ("Basic " + base64.b64encode(b"env-user:").decode(), None, None, "")
        assert auth(sent(package, "get_reports", header_key="arg-h")) == (None, "arg-h", None, "sig=env-q")  # the argument wins

    # No credential reaches a log line, whatever carries it (raw responses' repr neither).
    lines: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: lines.append(record.getMessage())  # type: ignore[method-assign]
    logger = logging.getLogger("case_security")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        with environment():
            recorder = Recorder(body={"name": "n"})
            with package.Client(api_key="s3cret-tok", header_key="s3cret-h", query_key="s3cret-q", cookie_key="s3cret-c", base_url=BASE_URL, http_client=httpx.Client(transport=httpx.MockTransport(recorder))) as client:
                client.account.get_reports()
                client.account.get_session()
                raw = client.account.with_raw_response.get_reports()
        assert "sig=qk" not in str(recorder.requests[0].url) and "sig=s3cret-q" in str(recorder.requests[0].url)
        assert len(lines) == 9 and "sig=%3Credacted%3E" in lines[0], lines
        assert not [line for line in lines + [repr(raw)] if "s3cret" in line], lines
    finally:
        logger.removeHandler(handler)
        logger.setLevel(logging.NOTSET)

    # The README, the docs and the docstrings say what each operation needs.
    readme = generated.files["README.md"]
    assert "| `query_key` | `CASE_SECURITY_QUERY_KEY` | `query parameter sig=<query_key>` | `queryKey` |" in readme
    page = generated.files["docs/AccountApi.md"]
    assert "GET /reports?sig=$CASE_SECURITY_QUERY_KEY HTTP/1.1" in page and "Cookie: sessionKey=$CASE_SECURITY_COOKIE_KEY" in page
    assert "Security: `digest` (not applied by the SDK: authenticate with `extra_headers=` or your own `http_client`)." in page
    assert "Security: no authentication; or `X-API-Key: <header_key>` (scheme `headerKey`)." in page
    doc = " ".join(package.resources.account.AccountApi.get_reports.__doc__.split())
    assert "Security: ``X-API-Key: <header_key>`` (scheme ``headerKey``) and ``query parameter sig=<query_key>`` (scheme ``queryKey``)." in doc
    assert "MissingAPIKeyError: The client was given none of the credentials" in doc
