# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""One call's request, described once: :class:`RequestOptions`.

A generated method calls ``client.request(method, path, cast_to=..., errors=..., ...)``;
the client packs the arguments into one :class:`RequestOptions` and hands that object
down. Building each attempt's ``httpx.Request`` (:mod:`._request_builder`), the retry
decisions (:mod:`._retries`) and reading the answer (:mod:`._parsing`) all read it, in
the blocking and the asyncio client alike.

A new per-call option is a new field here, with a default that keeps today's behaviour,
read where it applies (see :class:`._shared_client.BaseClient`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ._exceptions import ErrorModels
from ._response import wants_raw_response, wants_streaming_response
from ._types import NOT_GIVEN, NotGiven, Timeout

if TYPE_CHECKING:
    from ._auth import Security
    from ._bodies import EncodedBody
    from ._utils import MultipartItem

T = TypeVar("T")


# Not frozen: a frozen dataclass's __init__ costs about 5 µs more per call (2 % of a call
# to a local server). Nothing changes one after it is made; dataclasses.replace copies one.
@dataclass(slots=True, kw_only=True)
class RequestOptions(Generic[T]):
    """What one call sends, and what it expects back.

    Attributes:
        method: The HTTP method, upper case.
        path: The path after the base URL, its parameters filled in.
        cast_to: What a success's body is read into (see :func:`._parsing.parse_response`).
        errors: The error models of the operation's 4xx and 5xx responses.
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
        raw: Return the :class:`APIResponse` (inside ``with_raw_response``), not the model.
        stream: Leave the body unread (inside ``with_streaming_response``).
    """

    method: str
    path: str
    cast_to: type[T]
    errors: ErrorModels
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
    raw: bool = field(default_factory=wants_raw_response)
    stream: bool = field(default_factory=wants_streaming_response)
