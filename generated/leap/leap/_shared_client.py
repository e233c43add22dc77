# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""What the blocking and the asyncio client share: everything but the I/O.

:class:`BaseClient` holds the configuration and the credentials, and given one call's
:class:`RequestOptions` it builds each attempt's request, decides whether to retry and how
long to wait, and turns the kept answer into the call's result. The two clients of
:mod:`._base_client` only send, sleep and read, so they cannot drift apart.

A per-call option (a :class:`RequestOptions` field) that overrides a client setting is read
here: :meth:`BaseClient._build` for what goes on the wire, :meth:`BaseClient._delay_after_error`
and :meth:`BaseClient._delay_after_response` for retries, :meth:`BaseClient._result` for the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

import httpx

from ._auth import Auth, Scheme, Security, resolve
from ._exceptions import make_status_error
from ._logs import log_response, log_retry, setup_logging
from ._parsing import parse_response
from ._request_builder import build_request
from ._request_options import RequestOptions
from ._response import wrap_response
from ._retries import (
    DEFAULT_MAX_RETRIES,
    backoff,
    connection_error,
    should_retry_error,
    should_retry_response,
)
from ._types import NOT_GIVEN, NotGiven, Timeout
from ._version import USER_AGENT

T = TypeVar("T")
_B = TypeVar("_B", bound="BaseClient")


class BaseClient:
    """What the sync and async clients share: configuration, request building, retry decisions."""

    _owns_http: bool  # the HTTP client is one this client made (with ``_base_headers`` as its defaults)

    @property
    def _http(self) -> httpx.Client | httpx.AsyncClient:
        raise NotImplementedError

    def __init__(
        self,
        *,
        credentials: Mapping[str, object],
        schemes: Mapping[str, Scheme],
        security: Security,
        base_url: str,
        timeout: Timeout,
        max_retries: int = DEFAULT_MAX_RETRIES,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {max_retries}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self._credentials = dict(credentials)
        self._schemes = schemes
        self._base_headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        self._auth = resolve(security, schemes, credentials, self._base_headers)
        self._auths: dict[Security | None, tuple[Auth, Mapping[str, str]]] = {}
        setup_logging()

    def _auth_for(self, security: Security | None) -> tuple[Auth, Mapping[str, str]]:
        """The credentials an operation needs (``None``: the document's requirement), and the
        headers a request that adds none of its own sends for them.

        The headers are those of the :class:`Auth` less the ones the HTTP client already sends:
        a pool this client made sends ``_base_headers`` (httpx merges them into each request
        for less than it takes to merge them passed per request). The pool carries no
        credential: an operation may need other credentials than the document's, or none, and
        a ``with_options`` copy shares the pool. Cached per requirement: nothing here changes.
        """
        found = self._auths.get(security)
        if found is None:
            auth = self._auth if security is None else self._resolve(security)
            headers = auth.headers
            if self._owns_http:
                base = self._base_headers
                headers = {n: v for n, v in headers.items() if base.get(n) != v}
            found = self._auths[security] = (auth, headers)
        return found

    def _token_auth(
        self, options: RequestOptions[Any], http: httpx.Client | httpx.AsyncClient
    ) -> Any:
        """The ``auth=`` of ``http.send``: an access token asked for at each request (a function's,
        or one the client fetches: :mod:`._oauth`), else the HTTP client's own auth."""
        tokens = self._auth_for(options.security)[0].tokens
        if not tokens:
            return httpx.USE_CLIENT_DEFAULT
        # Imported here: only a client given such a token needs it.
        from ._oauth import bearer_auth

        return bearer_auth(tokens, http)

    def _resolve(self, security: Security) -> Auth:
        return resolve(security, self._schemes, self._credentials, self._base_headers)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={self.base_url!r}, max_retries={self.max_retries})"

    def with_options(
        self: _B,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
    ) -> _B:
        """A copy of this client with some options changed, sharing its connection pool.

        Use it for one call (``client.with_options(max_retries=5).<api>.<operation>(...)``)
        or a block. Closing the copy does not close the pool; closing this client does.
        The copy keeps every credential of this client; ``api_key=`` replaces the API key.
        """
        credentials = dict(self._credentials)
        if api_key is not None:
            credentials["api_key"] = api_key
        return cast(
            _B,
            cast(Any, type(self))(
                **credentials,
                base_url=base_url if base_url is not None else self.base_url,
                timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
                max_retries=(
                    max_retries if max_retries is not None else self.max_retries
                ),
                http_client=self._http,
            ),
        )

    def _build(
        self, http: httpx.Client | httpx.AsyncClient, options: RequestOptions[Any]
    ) -> httpx.Request:
        """The ``httpx.Request`` of one attempt of ``options``.

        Raises:
            MissingAPIKeyError: the credentials the operation needs were not given to the client.
        """
        timeout = options.timeout
        if isinstance(timeout, NotGiven):
            timeout = self.timeout
        auth, headers = self._auth_for(options.security)
        return build_request(
            http,
            options,
            url=self.base_url + options.path,
            timeout=timeout if timeout is not None else httpx.Timeout(None),
            auth=auth,
            auth_headers=headers,
        )

    def _delay_after_error(
        self,
        options: RequestOptions[Any],
        request: httpx.Request,
        retries_taken: int,
        error: httpx.TransportError,
    ) -> float:
        """Seconds to wait before the next attempt after ``error`` (no response came).

        Raises:
            APIConnectionError: (or APITimeoutError) no retry is left, or the rules allow none.
        """
        if retries_taken >= self.max_retries or not should_retry_error(
            error, request.method
        ):
            raise connection_error(error, request) from error
        delay = backoff(retries_taken)
        log_retry(request, delay, type(error).__name__)
        return delay

    def _delay_after_response(
        self,
        options: RequestOptions[Any],
        request: httpx.Request,
        retries_taken: int,
        response: httpx.Response,
    ) -> float | None:
        """Seconds to wait before the next attempt, or ``None`` to keep ``response``."""
        log_response(response)
        if (
            response.is_success
            or retries_taken >= self.max_retries
            or not should_retry_response(response, request.method)
        ):
            return None
        delay = backoff(retries_taken, response)
        log_retry(request, delay, f"status {response.status_code}")
        return delay

    @staticmethod
    def _result(
        options: RequestOptions[T], response: httpx.Response, retries_taken: int
    ) -> T:
        """What the call returns for the kept ``response``: the parsed body, or the response object.

        Raises:
            APIStatusError: (a subclass by status) the status is 4xx or 5xx.
            APIResponseValidationError: a success whose body is not JSON or does not match.
        """
        if not options.raw:
            return parse_response(response, options.cast_to, options.errors)
        if not response.is_success:
            raise make_status_error(response, options.errors)
        return cast(
            T, wrap_response(response, options.cast_to, options.errors, retries_taken)
        )
