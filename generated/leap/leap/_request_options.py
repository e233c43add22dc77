# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""One call's request, described once: :class:`RequestOptions`.

A generated method calls ``client.request(method, path, cast_to=..., errors=..., ...)``;
the client packs the arguments into one :class:`RequestOptions` and hands that object
down. Building each attempt's ``httpx.Request`` (:mod:`._request_builder`), the retry
decisions (:mod:`._retries`) and reading the answer (:mod:`._parsing`) all read it, in
the blocking and the asyncio client alike.

A new per-call option is one line here (its name, type and the default that keeps today's
behaviour), read where it applies (see :class:`._shared_client.BaseClient`).
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Generic, NoReturn, TypeVar

from ._exceptions import ErrorModels
from ._response import wants_raw_response, wants_streaming_response
from ._types import NOT_GIVEN, NotGiven, ProgressCallback, Timeout

if TYPE_CHECKING:
    from ._auth import Security
    from ._bodies import EncodedBody
    from ._retries import RetryRule
    from ._utils import MultipartItem

T = TypeVar("T")

_NONE: Mapping[str, Any] = MappingProxyType({})


class RequestOptions(Generic[T]):
    """What one call sends, and what it expects back; read-only once made.

    Like a frozen dataclass, at a fraction of its cost: a dataclass's ``__init__`` and class
    are generated with ``exec`` when the SDK is imported (about 1.5 % of ``import``), and
    one of 19 fields costs a call about 1 % more. Here an option the call does not pass is
    read from the class, so a call only stores what it passes. ``replace()`` gives a
    changed copy.

    Attributes:
        method: The HTTP method, upper case.
        path: The path after the base URL, its parameters filled in.
        cast_to: What a success's body is read into (see :func:`._parsing.parse_response`).
        errors: The error models of the operation's 4xx and 5xx responses.
        raw: Return the :class:`APIResponse` (inside ``with_raw_response``), not the model;
            read from the context the options are made in.
        stream: Leave the body unread (inside ``with_streaming_response``); from the context too.
        params: Query items of the operation's parameters.
        reserved_params: Query items of ``allowReserved`` parameters, sent after the others
            with reserved characters unencoded (:func:`._params.reserved_query`).
        headers: Header parameters (and the operation's fixed headers, e.g. ``Accept``).
        cookies: Cookie parameters, added to this request's ``Cookie`` header.
        json: A JSON body (``JSON_NULL`` sends the JSON ``null``).
        files: The parts of a multipart body.
        body: A form or raw body (:mod:`._bodies`).
        extra_headers: The caller's ``extra_headers=``; they replace any header of the same name.
        extra_query: The caller's ``extra_query=``, added to the query.
        timeout: The caller's ``timeout=``; ``NOT_GIVEN``: the client's.
        security: The operation's own security requirement; ``None``: the document's.
        operation_id: The spec's operationId, for hooks.
        idempotency_header: The header the operation takes an idempotency key in; ``None``:
            it takes none. Its key is the same on every attempt, and the call is retried
            like a GET (see :mod:`._retries`).
        idempotency_key: The caller's ``idempotency_key=``; ``None``: one is made per call.
        max_retries: The caller's ``max_retries=``; ``None``: the client's.
        extra_body: The caller's ``extra_body=``: properties added to a JSON body, or fields
            added to a form-encoded or multipart one.
        retry: The operation's own retry rule (its ``x-retries``): the statuses retried, the
            first and the longest wait; ``None``: the default rules.
        on_progress: The caller's ``on_progress(sent, total)`` of an upload (:mod:`._uploads`).
        server_url: The operation's own server (its ``servers`` in the spec); ``None``: the
            client's base URL. Used while the client's base URL is the spec's default.
    """

    method: str
    path: str
    cast_to: type[T]
    errors: ErrorModels
    raw: bool
    stream: bool

    # The options a call may pass, with their values when it does not: one line each.
    params: dict[str, Any] | None = None
    reserved_params: dict[str, Any] | None = None
    headers: dict[str, Any] | None = None
    cookies: list[tuple[str, str]] | None = None
    json: Any = None
    files: list[MultipartItem] | None = None
    body: EncodedBody | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, object] | None = None
    timeout: Timeout | NotGiven = NOT_GIVEN
    security: Security | None = None
    operation_id: str = ""
    idempotency_header: str | None = None
    idempotency_key: str | None = None
    max_retries: int | None = None
    extra_body: Mapping[str, object] | None = None
    retry: RetryRule | None = None
    on_progress: ProgressCallback | None = None
    server_url: str | None = None

    def __init__(
        self,
        method: str,
        path: str,
        cast_to: type[T],
        errors: ErrorModels,
        options: Mapping[str, Any] = _NONE,
    ) -> None:
        """
        Raises:
            TypeError: ``options`` names something that is not an option.
        """
        if not OPTIONS.issuperset(options):
            raise TypeError(
                f"unknown request options: {sorted(set(options) - OPTIONS)}"
            )
        fields = self.__dict__
        fields.update(options)
        fields["method"] = method
        fields["path"] = path
        fields["cast_to"] = cast_to
        fields["errors"] = errors
        fields["raw"] = wants_raw_response()
        fields["stream"] = wants_streaming_response()

    def replace(self, **changes: Any) -> RequestOptions[T]:
        """A copy with ``changes`` (any attribute, by name).

        Raises:
            TypeError: a name is not an attribute.
        """
        unknown = set(changes) - OPTIONS - _SET_BY_INIT
        if unknown:
            raise TypeError(f"unknown request options: {sorted(unknown)}")
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__dict__, **changes)
        return copy

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(
            f"RequestOptions are read-only (set {name} with replace())"
        )

    def __repr__(self) -> str:
        given = ", ".join(f"{name}={value!r}" for name, value in vars(self).items())
        return f"RequestOptions({given})"


_SET_BY_INIT = frozenset({"method", "path", "cast_to", "errors", "raw", "stream"})
OPTIONS = frozenset(RequestOptions.__annotations__) - _SET_BY_INIT
"""The names a call may pass as options (``client.request(..., name=value)``)."""
