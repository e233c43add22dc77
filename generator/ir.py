"""Stage 3's output: the typed intermediate representation the templates render.

Frozen dataclasses only; nothing here refers back to the raw spec except ``pointer``
strings (JSON pointers into the spec, for docstrings and docs that cite their source).
Templates see these objects and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass
from collections.abc import Mapping
from functools import cached_property
from typing import Any, Literal

from generator.config import PackageConfig  # noqa: F401 - part of the IR; defined where the config file is read
from generator.literals import string_literal

#: How docs show the runtime types of generated code.
DOC_NAMES = {"DateTime": "datetime", "FileInput": "file", "UploadContent": "bytes | str | Path | file"}

#: What each style writes for an array ``[a, b]`` or an object ``{x: 1, y: 2}`` (``n``: the
#: parameter's name), as the runtime's ``_params`` writes it; for docs.
STYLE_EXAMPLES = {
    ("form", True, "array"): "{n}=a&{n}=b",
    ("form", False, "array"): "{n}=a,b",
    ("form", True, "object"): "x=1&y=2",
    ("form", False, "object"): "{n}=x,1,y,2",
    ("spaceDelimited", False, "array"): "{n}=a b",
    ("pipeDelimited", False, "array"): "{n}=a|b",
    ("deepObject", True, "array"): "{n}[0]=a&{n}[1]=b",
    ("deepObject", True, "object"): "{n}[x]=1&{n}[y]=2",
    ("simple", False, "array"): "a,b",
    ("simple", True, "array"): "a,b",
    ("simple", False, "object"): "x,1,y,2",
    ("simple", True, "object"): "x=1,y=2",
    ("label", False, "array"): ".a,b",
    ("label", True, "array"): ".a.b",
    ("label", False, "object"): ".x,1,y,2",
    ("label", True, "object"): ".x=1.y=2",
    ("matrix", False, "array"): ";{n}=a,b",
    ("matrix", True, "array"): ";{n}=a;{n}=b",
    ("matrix", False, "object"): ";{n}=x,1,y,2",
    ("matrix", True, "object"): ";x=1;y=2",
}

TypeKind = Literal["primitive", "model", "enum", "alias", "list", "dict", "union", "any", "file"]


@dataclass(frozen=True)
class PyType:
    """A Python type expression in generated code.

    ``primitive`` names a builtin or runtime type (``str``, ``int``, ``DateTime``);
    ``model``/``enum``/``alias`` name a generated schema; ``list``/``dict``/``union``
    combine ``args``; ``any`` is ``Any``; ``file`` is a file to upload.
    """

    kind: TypeKind
    name: str = ""
    args: tuple["PyType", ...] = ()
    nullable: bool = False
    discriminator: str = ""  # a union of models told apart by this field (its Python name)

    @property
    def annotation(self) -> str:
        """The annotation as written in generated code, e.g. ``list[InferenceEntity] | None``."""
        return self.render()

    @property
    def doc(self) -> str:
        """The type as shown in docs (runtime names replaced by what users know)."""
        return self.render(DOC_NAMES)

    def render(self, names: Mapping[str, str] | None = None) -> str:
        """The annotation, with runtime names (``DateTime``, ``FileInput``) replaced as ``names`` says."""
        names = names if names is not None else {}
        if self.kind == "list":
            text = f"list[{self.args[0].render(names)}]"
        elif self.kind == "dict":
            text = f"dict[str, {self.args[0].render(names)}]"
        elif self.kind == "union":
            text = " | ".join(a.render(names) for a in self.args)
            if self.discriminator and names is not DOC_NAMES:  # open to branches the SDK does not know
                text = f"Annotated[{text} | UnknownVariant, OpenUnion({string_literal(self.discriminator)})]"
            elif self.discriminator:
                text += " | UnknownVariant"
        elif self.kind == "any":
            return "Any"
        elif self.kind == "file":
            text = names.get("FileInput", "FileInput")
        elif self.kind == "primitive":
            text = names.get(self.name, self.name)
        else:
            text = self.name
        return text + " | None" if self.nullable else text

    @property
    def schema_names(self) -> frozenset[str]:
        """Names of the generated schemas this type refers to (for imports and links)."""
        names = {self.name} if self.kind in ("model", "enum", "alias") else set()
        for arg in self.args:
            names |= arg.schema_names
        return frozenset(names)

    @property
    def runtime_names(self) -> frozenset[str]:
        """Names this type needs from the SDK runtime (``_types``)."""
        names = {self.name} if self.kind == "primitive" and self.name in ("DateTime", "UploadContent") else set()
        if self.kind == "file":
            names.add("FileInput")
        for arg in self.args:
            names |= arg.runtime_names
        return frozenset(names)

    @property
    def uses_any(self) -> bool:
        return self.kind == "any" or any(a.uses_any for a in self.args)

    @property
    def uses_literal(self) -> bool:
        return (self.kind == "primitive" and self.name.startswith("Literal[")) or any(a.uses_literal for a in self.args)

    @property
    def uses_discriminator(self) -> bool:
        """Whether the annotation holds ``Annotated[... | UnknownVariant, OpenUnion(...)]`` (an open discriminated union)."""
        return bool(self.discriminator) or any(a.uses_discriminator for a in self.args)

    @property
    def uses_date(self) -> bool:
        return (self.kind == "primitive" and self.name == "date") or any(a.uses_date for a in self.args)

    def with_nullable(self, nullable: bool = True) -> "PyType":
        return PyType(self.kind, self.name, self.args, nullable, self.discriminator)


@dataclass(frozen=True)
class Value:
    """A literal from the spec (a default or example), kept with its Python source text."""

    value: Any
    python: str  # repr() of the value: a valid Python literal
    text: str  # how docs show it (JSON text)


@dataclass(frozen=True)
class Field:
    """One property of an object schema, or one keyword argument of an operation."""

    name: str  # Python name (snake_case)
    wire_name: str  # the name in the spec and on the wire
    type: PyType
    required: bool
    description: str
    pointer: str
    location: str = "body"  # body, form, content (a whole raw body), path, query, header, cookie
    default: Value | None = None
    example: Value | None = None
    constraints: tuple[str, ...] = ()  # human-readable limits, e.g. "multiple of 8"
    unit: str = ""
    #: Parameters: OpenAPI's ``style`` and ``explode`` (the location's defaults when the spec
    #: gives none); ``serialized`` says the value goes through the runtime's ``_params``
    #: functions (a style, a type or a location httpx would not send right as it is).
    style: str = ""
    explode: bool = False
    serialized: bool = False
    #: A query parameter's ``allowReserved``: its value goes out with RFC 3986's reserved characters unencoded.
    allow_reserved: bool = False

    @property
    def has_alias(self) -> bool:
        return self.name != self.wire_name

    @property
    def serialization(self) -> str:
        """How a parameter is written, for docs: ``style `deepObject`, exploded (`created[gt]=1`)``."""
        if not self.style:
            return ""
        if self.style == "json":
            return "JSON text (`content: application/json`)"
        kinds = {a.kind for a in self.type.args} if self.type.kind == "union" else {self.type.kind}
        shape = "object" if kinds & {"model", "dict"} else "array" if "list" in kinds else ""
        example = STYLE_EXAMPLES.get((self.style, self.explode, shape), "") if shape else ""
        text = f"style `{self.style}`, {'exploded' if self.explode else 'not exploded'}"
        text += f" (`{example.format(n=self.wire_name)}`)" if example else ""
        return text + (", reserved characters unencoded (`allowReserved`)" if self.allow_reserved else "")

    @property
    def mutable_default(self) -> bool:
        """An optional argument's list or dict default: ``None`` in the signature, applied (a new
        object each call) in the method; a default object would be shared by every call."""
        return not self.required and self.default is not None and isinstance(self.default.value, (list, dict))

    @property
    def signature_type(self) -> str:
        """Annotation of the keyword argument: optional arguments without a default (or with a list or dict one) accept ``None``."""
        return self.type.with_nullable().render() if self.mutable_default else self.annotation()

    def annotation(self, names: Mapping[str, str] | None = None) -> str:
        """The annotation of this field (see :meth:`PyType.render` for ``names``)."""
        if self.required or self.default is not None or self.type.nullable:
            return self.type.render(names)
        return self.type.with_nullable().render(names)

    @property
    def signature_default(self) -> str | None:
        """Python source of the default, or ``None`` for a required argument."""
        if self.required:
            return None
        return self.default.python if self.default is not None and not self.mutable_default else "None"


@dataclass(frozen=True)
class Model:
    """An object schema: one pydantic model."""

    name: str  # PascalCase class name
    module: str  # snake_case module name
    schema_name: str  # the key under components/schemas
    description: str
    fields: tuple[Field, ...]
    pointer: str
    exactly_one_of: tuple[tuple[str, ...], ...] = ()  # groups of wire names: exactly one must be set
    example: Value | None = None
    late_imports: tuple[str, ...] = ()  # schemas on an import cycle with this one: imported after the class
    #: The model this one is the request view of (``UserInput`` of ``User``: read-only properties
    #: left out, write-only ones required as declared); "" for a response view.
    request_view_of: str = ""
    kind: Literal["model"] = "model"

    @property
    def schema_refs(self) -> list[str]:
        """The schemas imported at the top of the model's module (``late_imports`` excluded)."""
        names: set[str] = set()
        for f in self.fields:
            names |= f.type.schema_names
        names.discard(self.name)
        return sorted(names - set(self.late_imports))


@dataclass(frozen=True)
class EnumValue:
    value: str | int
    python: str  # literal source text


@dataclass(frozen=True)
class Enum:
    """An enum schema: a ``Literal`` alias of its values."""

    name: str
    module: str
    schema_name: str
    description: str
    values: tuple[EnumValue, ...]
    pointer: str
    value_type: str = "str"
    kind: Literal["enum"] = "enum"

    @property
    def schema_refs(self) -> list[str]:
        return []


@dataclass(frozen=True)
class Alias:
    """Any other named schema (a union, an array, a formatted string): a type alias."""

    name: str
    module: str
    schema_name: str
    description: str
    type: PyType
    pointer: str
    request_view_of: str = ""  # the alias this one is the request view of (see :attr:`Model.request_view_of`)
    kind: Literal["alias"] = "alias"

    @property
    def schema_refs(self) -> list[str]:
        return sorted(self.type.schema_names - {self.name})


Schema = Model | Enum | Alias


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

    @property
    def is_multipart(self) -> bool:
        return self.content_type == "multipart/form-data"

    @property
    def is_form(self) -> bool:
        """An ``application/x-www-form-urlencoded`` body."""
        return self.content_type == "application/x-www-form-urlencoded"

    @property
    def is_raw(self) -> bool:
        """A body sent as it is given (bytes, text, a file): any media type that is not JSON, multipart or a form."""
        return bool(self.content_types)

    @property
    def sends_null(self) -> bool:
        """A required JSON body whose schema allows ``null``: its argument given ``None`` sends the JSON ``null``."""
        return self.required and not self.flattened and not (self.is_multipart or self.is_form or self.is_raw) and self.fields[0].type.nullable

    @property
    def file_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.type.runtime_names & {"FileInput"})

    @property
    def form_fields(self) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if not f.type.runtime_names & {"FileInput"})


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

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")

    @property
    def is_download(self) -> bool:
        """A body in a media type that is not JSON: returned as ``bytes``."""
        return self.type is not None and self.type.kind == "primitive" and self.type.name == "bytes" and bool(self.content_type)


@dataclass(frozen=True)
class Waiter:
    """``x-waiter`` of an operation that reads a job: a ``wait`` method polling it."""

    name: str  # Python method name, e.g. "wait"
    state_fields: tuple[str, ...]  # Python attribute names of the response model, first set wins
    success: tuple[str, ...]
    failure: tuple[str, ...]
    delay: float  # seconds before the second poll
    max_delay: float  # cap of the pause between polls, seconds
    timeout: float  # default of the whole wait, seconds
    pointer: str


@dataclass(frozen=True)
class AndWait:
    """A ``links`` entry from an operation's success response to an operation with a waiter."""

    name: str  # Python method name, e.g. "generate_and_wait"
    target: "Operation"  # the polled operation (carries the waiter)
    arguments: tuple[tuple[str, str], ...]  # (polled operation's argument, Python expression)
    pointer: str


@dataclass(frozen=True)
class Pagination:
    """``x-pagination`` of a list operation: an ``<operation>_iter`` method over every item."""

    name: str  # Python method name, e.g. "list_all_iter"
    page_argument: str  # Python name of the page-number argument
    size_argument: str  # Python name of the page-size argument
    first_page: int
    default_page_size: int
    items_expression: str  # Python expression of the list in ``response``: "response", "response.data"
    item_type: PyType
    key_expression: str  # Python expression identifying ``item``, e.g. "item.id"; "" when items have none
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
        """The ``Accept`` header of a download: the success's media types, then the errors' JSON ones; "" otherwise (the client sends ``application/json``)."""
        if not self.success.is_download:
            return ""
        types = list(self.success.media_types) + [r.content_type for r in self.errors if r.content_type and not r.is_download]
        return ", ".join(dict.fromkeys(types))

    @property
    def fixed_headers(self) -> tuple[tuple[str, str], ...]:
        """Headers every call sends: ``Accept`` of a download, the ``Content-Type`` of a vendor JSON body (``application/vnd.api+json``)."""
        headers = [("Accept", self.accept)] if self.accept else []
        body = self.body
        if body is not None and body.content_type != "application/json" and not (body.is_multipart or body.is_form or body.is_raw):
            headers.append(("Content-Type", body.content_type))
        return tuple(headers)

    @property
    def return_type(self) -> PyType | None:
        return self.success.type

    @property
    def return_annotation(self) -> str:
        return self.return_type.annotation if self.return_type else "None"

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
        if self.pagination is not None:
            names |= self.pagination.item_type.schema_names
        return frozenset(names)


@dataclass(frozen=True)
class Tag:
    """A tag: one API class (``ImagesApi``) reached as a client attribute (``images``)."""

    name: str
    description: str
    class_name: str
    async_class_name: str
    attribute: str
    module: str
    operations: tuple[Operation, ...]

    @property
    def schema_refs(self) -> list[str]:
        names: set[str] = set()
        for op in self.operations:
            names |= op.schema_refs
        return sorted(names)


@dataclass(frozen=True)
class WebhookShape:
    """One body a webhook may carry: a model, or an envelope model wrapping the entity."""

    model: str  # the model the body is validated as
    envelope: str  # Python attribute of ``model`` holding the entity; "" when the body is the entity
    entity: str  # the model returned to the caller
    specificity: int  # required properties of the entity: more specific shapes are tried first
    envelope_wire: str = ""  # the wire name of ``envelope``


@dataclass(frozen=True)
class Webhook:
    """One entry of the spec's ``webhooks``: what the API POSTs to a URL of the user's."""

    name: str  # the key under ``webhooks``
    method: str  # Python name of its parse method, e.g. "parse_inference_finished"
    summary: str
    description: str
    shapes: tuple[WebhookShape, ...]
    pointer: str

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(shape.entity for shape in self.shapes))


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme the SDK applies: what it sends, and the client arguments that give it."""

    name: str  # the key under components/securitySchemes
    kind: Literal["bearer", "basic", "apiKey"]
    location: Literal["header", "query", "cookie"]
    wire_name: str  # the header, query parameter or cookie that carries the credential
    arguments: tuple[str, ...]  # the client's keyword arguments: ("api_key",) or ("username", "password")
    env: tuple[str, ...]  # the environment variable behind each argument
    description: str
    pointer: str = ""

    @property
    def header(self) -> str:
        """The header that carries the credential ("" when it goes in the query or a cookie)."""
        return self.wire_name if self.location == "header" else ""

    @property
    def sends(self) -> str:
        """What goes on the wire, for docs: ``Authorization: Bearer <api_key>``."""
        if self.kind == "bearer":
            return f"Authorization: Bearer <{self.arguments[0]}>"
        if self.kind == "basic":
            return f"Authorization: Basic <base64 of {self.arguments[0]}:{self.arguments[1]}>"
        if self.location == "header":
            return f"{self.wire_name}: <{self.arguments[0]}>"
        if self.location == "query":
            return f"query parameter {self.wire_name}=<{self.arguments[0]}>"
        return f"cookie {self.wire_name}=<{self.arguments[0]}>"


@dataclass(frozen=True)
class Api:
    """The whole SDK to generate."""

    title: str
    version: str
    description: str
    base_url: str
    config: PackageConfig
    tags: tuple[Tag, ...]
    schemas: tuple[Schema, ...]
    security: tuple[SecurityScheme, ...]
    spec_sha256: str
    generator_version: str
    webhooks: tuple[Webhook, ...] = ()
    #: The document's ``security`` (see :attr:`Operation.security`), schemes the SDK applies only.
    default_security: tuple[tuple[str, ...], ...] = ((),)

    @property
    def credential_arguments(self) -> tuple[tuple[str, str], ...]:
        """``(argument, environment variable)`` of every credential the client takes, ``api_key`` first."""
        out = {"api_key": f"{self.config.env_prefix}_API_KEY"}
        for scheme in self.security:
            out.update(zip(scheme.arguments, scheme.env))
        return tuple(out.items())

    def scheme(self, name: str) -> SecurityScheme:
        """The applied security scheme called ``name``; ``StopIteration`` when there is none."""
        return next(s for s in self.security if s.name == name)

    @property
    def webhook_shapes(self) -> tuple[WebhookShape, ...]:
        """Every webhook shape once, in the order ``parse`` tries them: envelopes first, then
        the most specific entity first (ties in spec order)."""
        shapes = tuple({s.model: s for w in self.webhooks for s in w.shapes}.values())
        return tuple(sorted(shapes, key=lambda s: (not s.envelope, -s.specificity)))

    @property
    def webhook_entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for w in self.webhooks for e in w.entities))

    @property
    def models(self) -> tuple[Model, ...]:
        return tuple(s for s in self.schemas if isinstance(s, Model))

    @property
    def enums(self) -> tuple[Enum, ...]:
        return tuple(s for s in self.schemas if isinstance(s, Enum))

    @property
    def aliases(self) -> tuple[Alias, ...]:
        return tuple(s for s in self.schemas if isinstance(s, Alias))

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for tag in self.tags for op in tag.operations)

    @cached_property
    def _schemas_by_name(self) -> dict[str, Schema]:
        return {s.name: s for s in self.schemas}

    def tag_of(self, operation: Operation) -> Tag:
        """The tag (API class) ``operation`` belongs to; operations of two tags may share a name."""
        return next(tag for tag in self.tags if any(op is operation for op in tag.operations))

    def schema(self, name: str) -> Schema:
        """The generated schema called ``name`` (a class name); ``KeyError`` when there is none."""
        return self._schemas_by_name[name]
