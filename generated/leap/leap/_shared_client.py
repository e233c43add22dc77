# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""What the blocking and the asyncio client share: everything but the I/O.

:class:`BaseClient` holds the configuration and the credentials, and given one call's
:class:`RequestOptions` it builds each attempt's request, decides whether to retry and how
long to wait, and turns the kept answer into the call's result. The two clients of
:mod:`._base_client` only send, sleep and read, so they cannot drift apart.

A per-call option (a :class:`RequestOptions` field) that overrides a client setting is read
here: :meth:`BaseClient._prepare` for what is fixed once per call (``extra_body`` merged
into the body, the idempotency key), :meth:`BaseClient._build` for what goes on the wire,
:meth:`BaseClient._delay_after_error` and :meth:`BaseClient._delay_after_response` for
retries, :meth:`BaseClient._result` for the answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

import httpx

from ._auth import Auth, Scheme, Security, resolve
from ._exceptions import make_status_error
from ._logs import log_response, log_retry, redact, remember, setup_logging
from ._parsing import parse_response
from ._request_builder import Defaults, build_request, with_extra_body
from ._request_options import RequestOptions
from ._response import wrap_response
from ._retries import (
    DEFAULT_MAX_RETRIES,
    backoff,
    connection_error,
    is_idempotent,
    should_retry_error,
    should_retry_response,
)
from ._types import NOT_GIVEN, NotGiven, Timeout
from ._version import USER_AGENT

if TYPE_CHECKING:
    from ._hooks import Hooks

T = TypeVar("T")
_B = TypeVar("_B", bound="BaseClient")


class BaseClient:
    """What the sync and async clients share: configuration, request building, retry decisions."""

    _owns_http: bool  # the HTTP client is one this client made (with ``_base_headers`` as its defaults)
    #: The spec's first server. While ``base_url`` is this, an operation with a server of its own
    #: (``server_url`` of its options) is sent to that server; with any other base URL (a proxy,
    #: a test server), every operation is sent to the base URL.
    default_base_url: str = ""

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
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        hooks: Hooks | None = None,
    ) -> None:
        if max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {max_retries}")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.default_headers: Mapping[str, str] = dict(default_headers or {})
        self.default_query: Mapping[str, object] = dict(default_query or {})
        self.hooks = hooks
        # text, or a token function
        self._credentials: dict[str, Any] = dict(credentials)
        self._remember_credentials(schemes)
        self._schemes = schemes
        self._base_headers = {"Accept": "application/json", "User-Agent": USER_AGENT}
        self._auth = resolve(security, schemes, credentials, self._base_headers)
        self._defaults: dict[Security | None, Defaults] = {}
        setup_logging()

    def _remember_credentials(self, schemes: Mapping[str, Scheme]) -> None:
        """Hand every credential this client holds to :mod:`._secrets` (through :func:`._logs.remember`,
        which loads it when a text is first redacted), which keeps them out of texts."""
        remember(v for v in self._credentials.values() if isinstance(v, str))
        for scheme in schemes.values():
            if scheme.kind == "basic" and len(scheme.arguments) == 2:
                user, password = (self._credentials.get(a) for a in scheme.arguments)
                if isinstance(user, str) and isinstance(password, str):
                    remember((), basic=(user, password))

    def _defaults_for(self, security: Security | None) -> Defaults:
        """What a request of an operation with requirement ``security`` (``None``: the
        document's) sends besides its own: credentials, default headers and query.

        ``sent_headers`` are the headers less the ones the HTTP client already sends: a pool
        this client made sends ``_base_headers`` (httpx merges them into each request for
        less than it takes to merge them passed per request). The pool carries no
        credential: an operation may need other credentials than the document's, or none, and
        a ``with_options`` copy shares the pool. Cached per requirement: nothing here changes.
        """
        found = self._defaults.get(security)
        if found is None:
            auth = self._auth if security is None else self._resolve(security)
            headers = {**auth.headers, **self.default_headers}
            sent = headers
            if self._owns_http:
                base = self._base_headers
                sent = {n: v for n, v in headers.items() if base.get(n) != v}
            params = {**auth.params, **self.default_query}
            found = Defaults(headers, sent, params, auth.cookies, auth.tokens)
            self._defaults[security] = found
        return found

    def _token_auth(
        self, options: RequestOptions[Any], http: httpx.Client | httpx.AsyncClient
    ) -> Any:
        """The ``auth=`` of ``http.send``: an access token asked for at each request (a function's,
        or one the client fetches: :mod:`._oauth`), else the HTTP client's own auth."""
        tokens = self._defaults_for(options.security).tokens
        if not tokens:
            return httpx.USE_CLIENT_DEFAULT
        # Imported here: only a client given such a token needs it.
        from ._oauth import bearer_auth

        return bearer_auth(tokens, http)

    def _resolve(self, security: Security) -> Auth:
        return resolve(security, self._schemes, self._credentials, self._base_headers)

    def __repr__(self) -> str:
        """The base URL and the retries; no credential (nor a password in the URL)."""
        url = httpx.URL(self.base_url)
        if url.password:
            url = url.copy_with(password="<redacted>")
        return redact(
            f"{type(self).__name__}(base_url={str(url)!r}, max_retries={self.max_retries})"
        )

    def with_options(
        self: _B,
        *,
        api_key: str | None = None,
        base_url: str | httpx.URL | None = None,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        default_headers: Mapping[str, str] | None = None,
        default_query: Mapping[str, object] | None = None,
        hooks: Hooks | None = None,
    ) -> _B:
        """A copy of this client with some options changed, sharing its connection pool.

        Use it for one call (``client.with_options(max_retries=5).<api>.<operation>(...)``)
        or a block. Closing the copy does not close the pool; closing this client does.
        The copy keeps every credential of this client; ``api_key=`` replaces the API key.
        ``default_headers`` and ``default_query`` are added to this client's (replacing
        the same names); ``hooks`` replaces its hooks.
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
                max_retries=self.max_retries if max_retries is None else max_retries,
                default_headers={**self.default_headers, **(default_headers or {})},
                default_query={**self.default_query, **(default_query or {})},
                hooks=hooks if hooks is not None else self.hooks,
                http_client=self._http,
            ),
        )

    @staticmethod
    def _prepare(options: RequestOptions[T]) -> RequestOptions[T]:
        """``options`` with what stays the same on every attempt: ``extra_body`` merged into
        the body (:func:`._request_builder.with_extra_body`), and the idempotency key (the
        caller's, else a new random one) sent under the operation's header.

        Raises:
            TypeError: ``extra_body`` was given for a body it cannot be merged into.
        """
        options = with_extra_body(options)
        header = options.idempotency_header
        if header is None:
            return options
        key = options.idempotency_key
        if key is None:
            import uuid  # here: only an operation that takes a key pays for the import

            key = str(uuid.uuid4())
        return options.replace(headers={header: key, **(options.headers or {})})

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
        base = self.base_url
        if options.server_url and base == self.default_base_url.rstrip("/"):
            base = options.server_url
        return build_request(
            http,
            options,
            url=base + options.path,
            timeout=timeout if timeout is not None else httpx.Timeout(None),
            defaults=self._defaults_for(options.security),
        )

    def _max_retries(self, options: RequestOptions[Any]) -> int:
        given = options.max_retries
        return self.max_retries if given is None else given

    def _delay_after_error(
        self,
        options: RequestOptions[Any],
        request: httpx.Request,
        retries_taken: int,
        error: httpx.TransportError,
    ) -> float | None:
        """Seconds to wait before the next attempt after ``error`` (no response came), or
        ``None`` when no retry is left or the rules allow none (:meth:`_result` raises it).
        """
        if retries_taken >= self._max_retries(options) or not should_retry_error(
            error, is_idempotent(request.method, options.idempotency_header)
        ):
            return None
        delay = backoff(retries_taken, rule=options.retry)
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
            or retries_taken >= self._max_retries(options)
            or not should_retry_response(
                response,
                is_idempotent(request.method, options.idempotency_header),
                options.retry,
            )
        ):
            return None
        delay = backoff(retries_taken, response, options.retry)
        log_retry(request, delay, f"status {response.status_code}")
        return delay

    @staticmethod
    def _result(
        options: RequestOptions[T],
        request: httpx.Request,
        outcome: httpx.Response | httpx.TransportError,
        retries_taken: int,
    ) -> T:
        """What the call returns for its last attempt's ``outcome``: the parsed body, or the response object.

        Raises:
            APIConnectionError: (or APITimeoutError) no response came.
            APIStatusError: (a subclass by status) the status is 4xx or 5xx.
            APIResponseValidationError: a success whose body is not JSON or does not match.
        """
        if isinstance(outcome, httpx.TransportError):
            raise connection_error(outcome, request) from outcome
        response = outcome
        if not options.raw:
            result = parse_response(response, options.cast_to, options.errors)
            # a model (without importing pydantic's models here: see ._models)
            if getattr(type(result), "_request_id", None) is not None:
                # read by BaseModel._request_id when asked: a header lookup that misses
                # costs more than the rest of this step
                result.__dict__["_response_headers"] = response.headers
            return result
        if not response.is_success:
            raise make_status_error(response, options.errors)
        return cast(
            T, wrap_response(response, options.cast_to, options.errors, retries_taken)
        )
