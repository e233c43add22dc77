"""OAuth2 access tokens that change: a function the caller gives, or the client-credentials grant.

An ``access_token`` given as text is a fixed bearer header (see :mod:`._auth`). A function
returning the token, or a :class:`ClientCredentials`, is asked for the token before each
request instead, by the :class:`httpx.Auth` that :func:`bearer_auth` returns (the HTTP client
runs it on every attempt). :class:`ClientCredentials` fetches a token from the token URL
(``grant_type=client_credentials``), keeps it until shortly before its ``expires_in``, and
fetches a new one when it expires or when the API answers 401 to it (then the request is
sent once more). Fetching holds a lock, so concurrent requests fetch one token, not many.

Neither the token nor the client secret appears in a ``repr``, a log line or an exception
message.
"""

from __future__ import annotations

import threading
import time
from collections.abc import AsyncGenerator, Callable, Generator, Sequence
from typing import Any, Union

import httpx

from ._secrets import remember

TokenSource = Union[str, Callable[[], str], "ClientCredentials"]

#: A token is fetched again this long (at most; a tenth of its lifetime if shorter) before it expires.
EARLY = 30.0


class ClientCredentials:
    """An OAuth2 client-credentials grant: fetches, caches and refreshes an access token.

    Args:
        token_url: The token endpoint (absolute, or relative to ``base_url``).
        client_id: The client's ID.
        client_secret: The client's secret; sent only to the token endpoint.
        scopes: Scopes to ask for (the ``scope`` form field, space-separated); none: the
            authorization server's default.
        base_url: What a relative ``token_url`` is resolved against (the API's server URL).
    """

    def __init__(
        self,
        token_url: str,
        client_id: str,
        client_secret: str,
        *,
        scopes: Sequence[str] = (),
        base_url: str = "",
    ) -> None:
        self.token_url = (
            str(httpx.URL(base_url).join(token_url)) if base_url else token_url
        )
        self.client_id = client_id
        self._form = {
            "grant_type": "client_credentials",
            "client_id": client_id,
            "client_secret": client_secret,
        }
        if scopes:
            self._form["scope"] = " ".join(scopes)
        self._token: str | None = None
        self._expires = 0.0  # time.monotonic() after which the token is fetched again
        self._lock = threading.Lock()
        # (the event loop, its asyncio.Lock): made in the loop that first needs it
        self._async_lock: tuple[object, Any] | None = None

    def __repr__(self) -> str:
        return f"ClientCredentials(token_url={self.token_url!r}, client_id={self.client_id!r})"

    def _fresh(self, rejected: str | None) -> str | None:
        """The cached token, unless it expired or is the one the API just rejected."""
        token = self._token
        if token is None or token == rejected or time.monotonic() >= self._expires:
            return None
        return token

    def token(self, http: httpx.Client, rejected: str | None = None) -> str:
        """The current token, fetched with ``http`` when there is none, it expired, or it is ``rejected``.

        Raises:
            APIStatusError: the token endpoint answered 4xx or 5xx (``AuthenticationError``
                or ``BadRequestError`` for a wrong client ID or secret, usually).
            APIResponseValidationError: its answer holds no ``access_token``.
        """
        with self._lock:
            token = self._fresh(rejected)
            if token is None:
                response = http.post(self.token_url, data=self._form, auth=httpx.Auth())
                response.read()
                token = self._keep(response)
            return token

    async def atoken(self, http: httpx.AsyncClient, rejected: str | None = None) -> str:
        """:meth:`token` for the asyncio client (the lock is an :class:`asyncio.Lock`)."""
        async with self._asyncio_lock():
            token = self._fresh(rejected)
            if token is None:
                response = await http.post(
                    self.token_url, data=self._form, auth=httpx.Auth()
                )
                await response.aread()
                token = self._keep(response)
            return token

    def _asyncio_lock(self) -> Any:
        """The lock of the running event loop (an asyncio lock belongs to one loop)."""
        import asyncio

        loop = asyncio.get_running_loop()
        if self._async_lock is None or self._async_lock[0] is not loop:
            self._async_lock = (loop, asyncio.Lock())
        return self._async_lock[1]

    def _keep(self, response: httpx.Response) -> str:
        """The token of the token endpoint's ``response``, cached until shortly before it expires."""
        from ._exceptions import APIResponseValidationError, make_status_error

        if not response.is_success:
            raise make_status_error(response, {})
        try:
            answer = response.json()
        except ValueError:
            answer = None
        token = answer.get("access_token") if isinstance(answer, dict) else None
        if not isinstance(token, str) or not token:
            raise APIResponseValidationError(
                "The token endpoint's answer holds no access_token.", response=response
            )
        lifetime = answer.get("expires_in") if isinstance(answer, dict) else None
        if isinstance(lifetime, (int, float)) and not isinstance(lifetime, bool):
            self._expires = time.monotonic() + lifetime - min(EARLY, lifetime / 10)
        else:
            self._expires = float("inf")  # kept until the API answers 401
        self._token = token
        remember([token])  # from now on redacted from every text the SDK writes
        return token


class _BearerAuth(httpx.Auth):
    """Sets ``Authorization: Bearer <token>`` on each request, the token asked for just then."""

    def __init__(
        self, source: Callable[[], str] | ClientCredentials, http: Any
    ) -> None:
        self._source = source
        self._http = http

    def __repr__(self) -> str:
        return "<bearer token>"

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        source = self._source
        if not isinstance(source, ClientCredentials):
            request.headers["Authorization"] = _bearer(source())
            yield request
            return
        token = source.token(self._http)
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if (
            response.status_code == 401
        ):  # revoked, or expired early: once more with a new one
            request.headers["Authorization"] = (
                f"Bearer {source.token(self._http, token)}"
            )
            yield request

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        source = self._source
        if not isinstance(source, ClientCredentials):
            request.headers["Authorization"] = _bearer(source())
            yield request
            return
        token = await source.atoken(self._http)
        request.headers["Authorization"] = f"Bearer {token}"
        response = yield request
        if response.status_code == 401:
            token = await source.atoken(self._http, token)
            request.headers["Authorization"] = f"Bearer {token}"
            yield request


def _bearer(token: str) -> str:
    """The ``Authorization`` value of a token a function gave, the token remembered for redaction."""
    remember([token])
    return f"Bearer {token}"


def bearer_auth(
    sources: list[object], http: httpx.Client | httpx.AsyncClient
) -> httpx.Auth:
    """The ``auth=`` of one request whose access token is asked for at each request."""
    return _BearerAuth(sources[0], http)  # type: ignore[arg-type]


def access_token(
    given: TokenSource | None,
    client_id: str | None = None,
    client_secret: str | None = None,
    *,
    env: tuple[str, ...],
    token_url: str = "",
    base_url: str = "",
) -> TokenSource | None:
    """What the client sends as its access token: ``given``; else a :class:`ClientCredentials`
    for ``client_id`` and ``client_secret`` (when the spec names a ``token_url``); else the
    environment variables ``env`` (the token's, then the client ID's and the secret's), in that
    order: arguments win over the environment.
    """
    import os

    if given is not None:
        return given
    if client_id and client_secret and token_url:
        return ClientCredentials(token_url, client_id, client_secret, base_url=base_url)
    from_env = os.environ.get(env[0])
    if from_env or not token_url:
        return from_env
    client_id = client_id or os.environ.get(env[1])
    client_secret = client_secret or os.environ.get(env[2])
    if client_id and client_secret:
        return ClientCredentials(token_url, client_id, client_secret, base_url=base_url)
    return None
