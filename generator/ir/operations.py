"""Operations: one method each, with the request body and the responses (the ``x-`` extensions' IR is
:mod:`generator.ir.extensions`)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from generator.ir.extensions import Pagination, RetryRule, Waiter
from generator.ir.types import Field, PyType, Value


class BodyFormat(str, Enum):
    """How an operation's request body goes on the wire: the method's call and its imports follow it.

    ``json``: JSON (``application/json`` or another ``+json`` type); ``multipart``: form parts
    (``multipart/form-data``, files among them); ``form``: ``application/x-www-form-urlencoded``;
    ``raw``: the bytes as given (any other media type); ``none``: the operation takes no body.
    A member equals its value, so templates may compare with the string (``== "json"``).
    """

    JSON = "json"
    MULTIPART = "multipart"
    FORM = "form"
    RAW = "raw"
    NONE = "none"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Body:
    """The request body of an operation, flattened into keyword arguments."""

    content_type: str  # application/json (or +json), multipart/form-data, application/x-www-form-urlencoded, or a raw type
    required: bool
    description: str
    schema_name: str  # the component schema the body is, or "" for an inline schema
    fields: tuple[Field, ...]
    flattened: bool  # True: ``fields`` are the properties of an object; False: one ``body`` argument
    exactly_one_of: tuple[tuple[str, ...], ...] = ()  # groups of Python argument names
    pointer: str = ""
    part_content_types: tuple[tuple[str, tuple[str, ...]], ...] = ()  # multipart: wire name -> allowed types
    #: An example body: the spec's example of the media type or schema, else one composed
    #: from the examples of its properties (file parts left out). ``None`` when there is none.
    example: Value | None = None
    #: Form bodies: ``(wire name, style, explode)`` of each property whose ``encoding`` is not
    #: the default ``form`` + explode (``style`` is ``json`` for a JSON ``contentType``).
    encodings: tuple[tuple[str, str, bool], ...] = ()
    #: Raw bodies: the media types the spec offers (``image/png``, ``image/*``...).
    content_types: tuple[str, ...] = ()
    #: Whether the body may be a JSON object or a form (``extra_body=`` adds properties or fields to it):
    #: not for raw bodies, nor for a JSON body whose schema allows only arrays, scalars or an ``enum``.
    may_be_object: bool = True

    @property
    def format(self) -> BodyFormat:
        """How the body is sent (never :attr:`BodyFormat.NONE`: that is an operation without a body)."""
        if self.content_type == "multipart/form-data":
            return BodyFormat.MULTIPART
        if self.content_type == "application/x-www-form-urlencoded":
            return BodyFormat.FORM
        return BodyFormat.RAW if self.content_types else BodyFormat.JSON

    @property
    def sends_null(self) -> bool:
        """A required JSON body whose schema allows ``null``: its argument given ``None`` sends the JSON ``null``."""
        return self.required and not self.flattened and self.format is BodyFormat.JSON and self.fields[0].type.nullable

    @property
    def file_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.type.runtime_names & {"FileInput"})

    @property
    def form_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.type.runtime_names & {"FileInput"})


@dataclass(frozen=True)
class EventStream:
    """A success response in ``text/event-stream``: the method returns a stream of events."""

    type: PyType | None  # what each event's ``data`` is parsed into (JSON); None: the raw event
    pointer: str  # the media type object
    #: The Python name of the boolean argument (``stream``) that asks for the stream when the
    #: response also offers JSON; "" when the operation always answers with a stream.
    flag: str = ""
    needs_cast: bool = False  # ``type`` is not a ``type[T]`` to mypy (a union, an optional): cast it


@dataclass(frozen=True)
class Response:
    """One entry of an operation's ``responses``."""

    status: str  # "200", "404", "4XX", "default"
    description: str
    content_type: str  # "" when the response has no body
    type: PyType | None  # None when there is no body
    pointer: str
    error_class: str = ""  # for error responses: the SDK exception raised
    #: An example body: the media type's example, else its schema's (composed from the
    #: examples of array items and properties where the schema has none). ``None`` without.
    example: Value | None = None
    media_types: tuple[str, ...] = ()  # every media type the response declares
    events: EventStream | None = None  # a success that may be a ``text/event-stream``

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")

    @property
    def is_download(self) -> bool:
        """A body in a media type that is not JSON: returned as ``bytes``."""
        return self.type is not None and self.type.kind == "primitive" and self.type.name == "bytes" and bool(self.content_type)


@dataclass(frozen=True)
class AndWait:
    """A ``links`` entry from an operation's success response to an operation with a waiter."""

    name: str  # Python method name, e.g. "generate_and_wait"
    target: "Operation"  # the polled operation (carries the waiter)
    arguments: tuple[tuple[str, str], ...]  # (polled operation's argument, Python expression)
    pointer: str


@dataclass(frozen=True)
class Operation:
    """One operation: one method on its tag's API class."""

    operation_id: str
    name: str  # Python method name
    method: str  # upper-case HTTP method
    path: str
    tag: str
    summary: str
    description: str
    path_params: tuple[Field, ...]
    query_params: tuple[Field, ...]
    header_params: tuple[Field, ...]
    body: Body | None
    responses: tuple[Response, ...]
    pointer: str
    deprecated: bool = False
    waiter: Waiter | None = None
    and_wait: AndWait | None = None
    pagination: Pagination | None = None
    return_needs_cast: bool = False  # the return type is not a ``type[T]`` to mypy (a union, an optional): cast it
    cookie_params: tuple[Field, ...] = ()
    #: The security requirement in force: alternatives, each the names of the schemes it
    #: needs together (``()`` inside: no credentials from the SDK); ``security_is_default``
    #: when it is the document's ``security`` (the operation declares none of its own).
    security: tuple[tuple[str, ...], ...] = ((),)
    security_is_default: bool = True
    #: Schemes the requirement names that the SDK does not apply (their alternatives are ``()``
    #: in ``security``: nothing is sent for them, and nothing is insisted on).
    security_unapplied: tuple[str, ...] = ()
    #: The OAuth2 (or OpenID Connect) scopes the requirement names, per scheme: documentation.
    security_scopes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    #: The header that carries an idempotency key (``x-idempotency``); "" when it takes none.
    idempotency_header: str = ""
    #: The operation's own retry rule (``x-retries``); ``None``: the SDK's rules.
    retry: RetryRule | None = None
    #: The absolute URL of the operation's own server (``servers`` of the operation or its path item);
    #: "" when it has none: the client's base URL.
    server_url: str = ""

    @property
    def body_format(self) -> BodyFormat:
        """How the request body is sent; :attr:`BodyFormat.NONE` when the operation has none."""
        return self.body.format if self.body is not None else BodyFormat.NONE

    @property
    def deprecated_arguments(self) -> tuple[Field, ...]:
        """The arguments the spec marks ``deprecated``: the method warns when one is given."""
        return tuple(f for f in self.arguments if f.deprecated)

    @property
    def warns(self) -> bool:
        """Calling the method, or giving it a deprecated argument, may raise a ``DeprecationWarning``."""
        return self.deprecated or bool(self.deprecated_arguments)

    @property
    def takes_extra_body(self) -> bool:
        """Whether the method takes ``extra_body=``: its body is a JSON object, form-encoded or multipart
        (the extra properties become fields; a JSON array or scalar has none, see :attr:`Body.may_be_object`),
        or it has none and its method carries one (POST, PUT, PATCH)."""
        if self.body is None or self.body_format == BodyFormat.NONE:
            return self.method in ("POST", "PUT", "PATCH")
        return self.body_format in (BodyFormat.JSON, BodyFormat.FORM, BodyFormat.MULTIPART) and self.body.may_be_object

    @property
    def page_options(self) -> tuple[str, ...]:
        """The per-call options a list method passes on to each page's request, in signature order:
        ``extra_headers``, ``extra_query``, ``extra_body`` (see :attr:`takes_extra_body`), ``timeout``,
        ``max_retries``."""
        extra_body = ("extra_body",) if self.takes_extra_body else ()
        return ("extra_headers", "extra_query", *extra_body, "timeout", "max_retries")

    @property
    def call_options(self) -> tuple[str, ...]:
        """The method's keyword options after the spec's arguments, in signature order: ``idempotency_key``
        (with an :attr:`idempotency_header`), the :attr:`page_options`, ``on_progress`` (see :attr:`uploads`)."""
        key = ("idempotency_key",) if self.idempotency_header else ()
        progress = ("on_progress",) if self.uploads else ()
        return (*key, *self.page_options, *progress)

    @property
    def uploads(self) -> bool:
        """The body may hold files (multipart or raw): the method takes ``on_progress``."""
        return self.body_format in (BodyFormat.MULTIPART, BodyFormat.RAW)

    @property
    def arguments(self) -> tuple[Field, ...]:
        """Keyword arguments in signature order: path, then body fields, then query, headers and cookies."""
        body_fields = self.body.fields if self.body else ()
        return self.path_params + body_fields + self.query_params + self.header_params + self.cookie_params

    @property
    def encoded_query_params(self) -> tuple[Field, ...]:
        """The query parameters httpx encodes (those without ``allowReserved``)."""
        return tuple(f for f in self.query_params if not f.allow_reserved)

    @property
    def reserved_query_params(self) -> tuple[Field, ...]:
        """The query parameters with ``allowReserved``: sent after the others, reserved characters unencoded."""
        return tuple(f for f in self.query_params if f.allow_reserved)

    @property
    def parameters(self) -> tuple[Field, ...]:
        """The spec's parameters (no body fields), by location: path, query, header, cookie."""
        return self.path_params + self.query_params + self.header_params + self.cookie_params

    @property
    def success(self) -> Response:
        """The first 2xx response (the spec must declare one)."""
        return next(r for r in self.responses if r.is_success)

    @property
    def errors(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if not r.is_success)

    @property
    def accept(self) -> str:
        """The ``Accept`` header of a download: the success's media types, then the errors' JSON ones;
        ``text/event-stream`` for an event stream; "" otherwise (the client sends ``application/json``)."""
        if self.always_streams:
            return "text/event-stream"
        if not self.success.is_download:
            return ""
        types = list(self.success.media_types) + [r.content_type for r in self.errors if r.content_type and not r.is_download]
        return ", ".join(dict.fromkeys(types))

    @property
    def fixed_headers(self) -> tuple[tuple[str, str], ...]:
        """Headers every call sends: ``Accept`` of a download, the ``Content-Type`` of a vendor JSON body (``application/vnd.api+json``)."""
        headers = [("Accept", self.accept)] if self.accept else []
        if self.body_format is BodyFormat.JSON and self.body.content_type != "application/json":  # type: ignore[union-attr]
            headers.append(("Content-Type", self.body.content_type))  # type: ignore[union-attr]
        return tuple(headers)

    @property
    def return_type(self) -> PyType | None:
        return self.success.type

    @property
    def events(self) -> EventStream | None:
        """The event stream the method returns (always, or when its ``flag`` argument is true)."""
        return self.success.events

    @property
    def stream_flag(self) -> str:
        """The boolean argument (``stream``) that asks for the event stream instead of the JSON answer;
        "" when no argument chooses (the method returns no stream, or only one)."""
        return self.events.flag if self.events is not None else ""

    @property
    def always_streams(self) -> bool:
        """The method returns only a stream of events (no JSON answer to choose instead)."""
        return self.events is not None and not self.events.flag

    @property
    def accepts_empty_body(self) -> bool:
        """The success response may come without a body (its schema accepts anything)."""
        return self.return_type is not None and self.return_type.kind == "any"

    @property
    def schema_refs(self) -> frozenset[str]:
        names: set[str] = set()
        for f in self.arguments:
            names |= f.type.schema_names
        for r in self.responses:
            if r.type is not None:
                names |= r.type.schema_names
            if r.events is not None and r.events.type is not None:
                names |= r.events.type.schema_names
        if self.pagination is not None:
            names |= self.pagination.item_type.schema_names
        return frozenset(names)
