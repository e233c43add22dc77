# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Raw responses: ``client.<api>.with_raw_response.<operation>(...)``.

Every operation can also return the HTTP response itself, as an :class:`APIResponse`: the
status code, the headers, the time it took, how many retries it needed, and
:meth:`APIResponse.parse` for the model the plain method would have returned. A 4xx or
5xx answer still raises the same typed error as the plain method.
"""

from __future__ import annotations

import contextvars
import datetime
import functools
from collections.abc import Awaitable, Callable
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx

from ._exceptions import ErrorModels
from ._logs import redacted_url

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

_RAW: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "raw_response", default=False
)
"""Set while a ``with_raw_response`` method runs: the request returns an :class:`APIResponse`."""


def wants_raw_response() -> bool:
    return _RAW.get()


class APIResponse(Generic[T]):
    """An HTTP response with a 2xx status, and the model it parses to.

    Attributes:
        http_response: The :class:`httpx.Response`; its body has been read.
        retries_taken: How many times the request was sent again before this answer (0
            when the first attempt got it).
    """

    def __init__(
        self,
        http_response: httpx.Response,
        *,
        cast_to: type[T],
        errors: ErrorModels,
        retries_taken: int,
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        self._cast_to = cast_to
        self._errors = errors
        self._parsed: list[T] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def elapsed(self) -> datetime.timedelta:
        """Time from sending the request to reading the whole response (of the last attempt)."""
        return self.http_response.elapsed

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    @property
    def content(self) -> bytes:
        return self.http_response.content

    @property
    def text(self) -> str:
        return self.http_response.text

    def json(self) -> Any:
        """The body decoded as JSON, without checking it against the spec."""
        return self.http_response.json()

    def parse(self) -> T:
        """The body as the operation's return type (parsed once, then cached).

        Raises:
            APIResponseValidationError: The body is not JSON or does not match the spec.
        """
        if not self._parsed:
            from ._base_client import parse_response

            self._parsed.append(
                parse_response(self.http_response, self._cast_to, self._errors)
            )
        return self._parsed[0]

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code} {self.http_response.reason_phrase}] {self.method} {redacted_url(self.http_response.request)}>"


def to_raw_response(method: Callable[P, R]) -> Callable[P, APIResponse[R]]:
    """``method`` returning the :class:`APIResponse` instead of the parsed body."""

    @functools.wraps(method)
    def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = _RAW.set(True)
        try:
            return cast(APIResponse[R], method(*args, **kwargs))
        finally:
            _RAW.reset(token)

    return wrapped


def async_to_raw_response(
    method: Callable[P, Awaitable[R]],
) -> Callable[P, Awaitable[APIResponse[R]]]:
    """The coroutine ``method`` returning the :class:`APIResponse` instead of the parsed body."""

    @functools.wraps(method)
    async def wrapped(*args: P.args, **kwargs: P.kwargs) -> APIResponse[R]:
        token = _RAW.set(True)
        try:
            return cast(APIResponse[R], await method(*args, **kwargs))
        finally:
            _RAW.reset(token)

    return wrapped
