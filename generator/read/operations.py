"""The typed view of a document's operations: every (path, method) pair under ``paths``, in
document order, as an :class:`Operation` with its parameters, request body and responses.

Later stages read attributes of this view instead of the spec's dicts. It is built once per
document (:meth:`generator.read.document.Document.operations`), leniently, for any shape of
input (the checks still run on a document that breaks the OpenAPI schema):

- ``$ref``s of parameters, request bodies, responses, links and media types' examples are followed
  (``pointer`` is where the target is); a parameter or request body whose ``$ref`` does not
  resolve is left out, a response's reads as an empty one;
- strings where OpenAPI means strings: a description or summary that is not one is ``""``
  (surrounding whitespace stripped), an operationId or tag that is not one is left out;
- OpenAPI's defaults are applied: a parameter's ``style`` (a style its location does not allow
  is the default) and ``explode``, a path parameter is required, ``allowReserved`` counts in the
  query only; a flag is true only when it is ``true``;
- an entry that is not a mapping reads as an empty one (a parameter without a string ``name``
  is left out);
- a ``{name}`` of the path that no parameter declares ``in: path`` reads as a required string
  path parameter, marked ``undeclared`` (the checks warn about it).

Schemas stay as written (mappings, their ``$ref``s kept: the type mapper follows them and names
the component).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterator

from generator.diagnostics import pointer_join
from generator.read.media_types import Deref, MediaType, media_types
from generator.read.values import boolean, listed, mapping, mapping_or_none, string_or_none, text

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
#: A ``{name}`` of a path template (``{{`` and ``}}`` are braces, as openapi-spec-validator reads them).
PATH_PLACEHOLDER = re.compile(r"(?<!\{)\{([^{}]+)\}(?!\})")

#: The style of a parameter that gives none, by location, and the styles OpenAPI allows there.
DEFAULT_STYLES = {"path": "simple", "query": "form", "header": "simple", "cookie": "form"}
STYLES = {
    "path": ("simple", "label", "matrix"),
    "query": ("form", "spaceDelimited", "pipeDelimited", "deepObject"),
    "header": ("simple",),
    "cookie": ("form",),
}


@dataclass(frozen=True, slots=True)
class Parameter:
    """A parameter of an operation (its path item's or its own), defaults applied."""

    name: str
    location: str  # ``in``
    required: bool  # ``required: true``, or a path parameter
    style: str
    explode: bool
    allow_reserved: bool  # ``allowReserved: true`` on a query parameter
    schema: dict[str, Any] | None  # as written; None when absent or not a mapping
    content: tuple[MediaType, ...]  # ``content`` instead of ``schema``
    description: str
    deprecated: bool
    example: Any  # None when absent
    extensions: dict[str, Any]
    pointer: str
    undeclared: bool = False  # a ``{name}`` of the path that no parameter declares (its pointer: the operation's)


@dataclass(frozen=True, slots=True)
class Link:
    """A ``links`` entry of a response."""

    name: str
    operation_id: str | None
    parameters: dict[Any, Any]  # name -> runtime expression, as written; empty when not a mapping
    pointer: str


@dataclass(frozen=True, slots=True)
class RequestBody:
    required: bool
    description: str
    content: tuple[MediaType, ...]
    pointer: str

    def media(self, media_type: str) -> MediaType | None:
        return next((m for m in self.content if m.media_type == media_type), None)


@dataclass(frozen=True, slots=True)
class Response:
    status: str  # as written: "200", "4XX", "default"
    description: str
    content: tuple[MediaType, ...]
    links: tuple[Link, ...]
    pointer: str

    def media(self, media_type: str) -> MediaType | None:
        return next((m for m in self.content if m.media_type == media_type), None)


@dataclass(frozen=True, slots=True)
class Operation:
    path: str
    method: str  # lower case, as written
    operation_id: str | None
    tags: tuple[str, ...]  # the string tags that are not blank, in order
    summary: str
    description: str
    deprecated: bool
    security: list[Any] | None  # the operation's own ``security`` as written; None when it gives none
    parameters: tuple[Parameter, ...]  # the path item's, then the operation's own (which replace them in place)
    request_body: RequestBody | None  # None when absent, not a mapping, or its $ref does not resolve
    responses: tuple[Response, ...]
    declares_responses: bool  # ``responses`` is a mapping (maybe empty)
    extensions: dict[str, Any]  # the ``x-`` keys
    pointer: str
    #: The URL of the operation's own first server, else its path item's, ``{variables}`` filled with their
    #: defaults, as written (maybe relative); "" when neither gives one. Where it is: ``server_pointer``.
    server_url: str = ""
    server_pointer: str = ""

    def parameter(self, location: str, name: Any) -> Parameter | None:
        return next((p for p in self.parameters if p.location == location and p.name == name), None)

    @property
    def success(self) -> Response | None:
        """The first 2xx response, in document order."""
        return next((r for r in self.responses if r.status.startswith("2")), None)


@dataclass(frozen=True, slots=True)
class Webhook:
    """A webhook: its name, where it is written, and its ``post`` operation (None when it has none)."""

    name: str
    pointer: str
    post: Operation | None


def extensions(holder: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in holder.items() if isinstance(key, str) and key.startswith("x-")}


def read_operations(data: dict[str, Any], deref: Deref) -> tuple[Operation, ...]:
    """Every operation of the document ``data``, in document order (see the module's docstring)."""
    return tuple(_operation(pointer, path, method, op, item, deref) for pointer, path, method, op, item in _walk(data))


def _walk(data: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any], dict[str, Any]]]:
    for path, item in mapping(data.get("paths")).items():
        for method, operation in mapping(item).items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                yield pointer_join("/paths", path, method), str(path), method, operation, item


def server_url(server: Any) -> str:
    """A Server object's ``url`` with its ``{variables}`` filled with their defaults; "" when it has no string URL."""
    url = mapping(server).get("url")
    if not isinstance(url, str):
        return ""
    for name, variable in mapping(mapping(server).get("variables")).items():
        default = mapping(variable).get("default")
        if isinstance(default, (str, int, float)) and not isinstance(default, bool):
            url = url.replace("{" + str(name) + "}", str(default))
    return url.strip()


def first_server_url(data: dict[str, Any]) -> str:
    """The URL of the document's first server (see :func:`server_url`); "" when it gives none."""
    return server_url(next((s for s in listed(data.get("servers")) if isinstance(s, dict)), {}))


def is_absolute(url: str) -> bool:
    """``url`` starts with ``http://`` or ``https://``."""
    return url.lower().startswith(("http://", "https://"))


def _server(pointer: str, item_pointer: str, op: dict[str, Any], item: dict[str, Any]) -> tuple[str, str]:
    """(URL, pointer) of the first server the operation gives, else its path item; ("", "") for neither."""
    for base, servers in ((pointer, op.get("servers")), (item_pointer, item.get("servers"))):
        if listed(servers) and (url := server_url(listed(servers)[0])):
            return url, pointer_join(base, "servers", "0", "url")
    return "", ""


def _operation(pointer: str, path: str, method: str, op: dict[str, Any], item: dict[str, Any], deref: Deref, item_pointer: str = "") -> Operation:
    responses = op.get("responses")
    item_pointer = item_pointer or pointer_join("/paths", path)
    server, server_pointer = _server(pointer, item_pointer, op, item)
    return Operation(
        path=path,
        method=method,
        operation_id=string_or_none(op.get("operationId")),
        tags=tuple(t for t in listed(op.get("tags")) if string_or_none(t) and t.strip()),
        summary=text(op.get("summary")),
        description=text(op.get("description")),
        deprecated=op.get("deprecated") is True,
        security=security if isinstance(security := op.get("security"), list) else None,
        parameters=_parameters(pointer, path, item_pointer, op, item, deref),
        request_body=_request_body(pointer, op, deref),
        responses=tuple(_response(pointer, status, raw, deref) for status, raw in mapping(responses).items()),
        declares_responses=isinstance(responses, dict),
        extensions=extensions(op),
        pointer=pointer,
        server_url=server,
        server_pointer=server_pointer,
    )


def _parameters(pointer: str, path: str, item_pointer: str, op: dict[str, Any], item: dict[str, Any], deref: Deref) -> tuple[Parameter, ...]:
    found: dict[tuple[str, str], Parameter] = {}  # a key met again keeps its place: the operation's replaces the path item's
    for base, params in ((pointer_join(item_pointer, "parameters"), item.get("parameters")), (pointer_join(pointer, "parameters"), op.get("parameters"))):
        for index, raw in enumerate(listed(params)):
            at, param = deref(pointer_join(base, index), raw)
            if string_or_none(mapping(param).get("name")) is not None:
                parameter = _parameter(at, param, deref)
                found[(parameter.location, parameter.name)] = parameter
    for name in dict.fromkeys(PATH_PLACEHOLDER.findall(path)):
        if ("path", name) not in found:
            found[("path", name)] = _undeclared_path_parameter(name, pointer)
    return tuple(found.values())


def _undeclared_path_parameter(name: str, pointer: str) -> Parameter:
    """The parameter a ``{name}`` of the path gets when no parameter declares it: a required string."""
    return Parameter(name, "path", True, "simple", False, False, {"type": "string"}, (), "", False, None, {}, pointer, undeclared=True)


def _parameter(at: str, param: dict[str, Any], deref: Deref) -> Parameter:
    location, style = str(param.get("in")), param.get("style")
    if style not in STYLES.get(location, ()):
        style = DEFAULT_STYLES.get(location, "form")
    return Parameter(
        name=param["name"],
        location=location,
        required=param.get("required") is True or location == "path",
        style=style,
        explode=boolean(param.get("explode"), style == "form"),
        allow_reserved=location == "query" and param.get("allowReserved") is True,
        schema=mapping_or_none(param.get("schema")),
        content=media_types(param, at, deref),
        description=text(param.get("description")),
        deprecated=param.get("deprecated") is True,
        example=param.get("example"),
        extensions=extensions(param),
        pointer=at,
    )


def _request_body(pointer: str, op: dict[str, Any], deref: Deref) -> RequestBody | None:
    if "requestBody" not in op:
        return None
    at, body = deref(pointer_join(pointer, "requestBody"), op["requestBody"])
    if not isinstance(body, dict):
        return None
    return RequestBody(body.get("required") is True, text(body.get("description")), media_types(body, at, deref), at)


def _response(pointer: str, status: Any, raw: Any, deref: Deref) -> Response:
    at, found = deref(pointer_join(pointer, "responses", status), raw)
    response = mapping(found)
    return Response(str(status), text(response.get("description")), media_types(response, at, deref), _links(at, response, deref), at)


def _links(pointer: str, response: dict[str, Any], deref: Deref) -> tuple[Link, ...]:
    out = []
    for name, raw in mapping(response.get("links")).items():
        at, link = deref(pointer_join(pointer, "links", name), raw)
        if isinstance(link, dict):
            out.append(Link(str(name), string_or_none(link.get("operationId")), mapping(link.get("parameters")), at))
    return tuple(out)


def read_webhooks(data: dict[str, Any], deref: Deref) -> tuple[Webhook, ...]:
    """Every webhook (``webhooks``, OpenAPI 3.1; ``x-webhooks`` in 3.0), with its ``post`` operation."""
    key = "webhooks" if "webhooks" in data else "x-webhooks"
    out = []
    for name, raw in mapping(data.get(key)).items():
        pointer = pointer_join("/" + key, name)
        at, item = deref(pointer, raw)
        item = mapping(item)
        post = item.get("post")
        found = _operation(pointer_join(at, "post"), "", "post", post, item, deref, at) if isinstance(post, dict) else None
        out.append(Webhook(str(name), pointer, found))
    return tuple(out)
