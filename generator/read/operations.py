"""The typed view of a document's operations: every (path, method) pair under ``paths``, in
document order, as an :class:`Operation` with its parameters, request body and responses.

Later stages read attributes of this view instead of the spec's dicts. It is built once per
document (:meth:`generator.read.document.Document.operations`), leniently, for any shape of
input (the checks still run on a document that breaks the OpenAPI schema):

- ``$ref``s of parameters, request bodies, responses, headers, links and examples are followed
  (``pointer`` is where the target is); a parameter or request body whose ``$ref`` does not
  resolve is left out, a response's reads as an empty one;
- strings where OpenAPI means strings: a description or summary that is not one is ``""``
  (surrounding whitespace stripped), an operationId or tag that is not one is left out;
- OpenAPI's defaults are applied: a parameter's ``style`` (a style its location does not allow
  is the default) and ``explode``, a path parameter is required, ``allowReserved`` counts in the
  query only; a flag is true only when it is ``true``;
- an entry that is not a mapping reads as an empty one (a parameter without a string ``name``
  is left out). Schemas stay as written (mappings, their ``$ref``s kept: the type mapper
  follows them and names the component).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from generator.diagnostics import pointer_join
from generator.read.media_types import Deref, MediaType, example_values, media_types

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

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
    examples: tuple[Any, ...]
    extensions: dict[str, Any]
    pointer: str


@dataclass(frozen=True, slots=True)
class Header:
    """A header of a response."""

    name: str
    required: bool
    description: str
    schema: dict[str, Any] | None
    pointer: str


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
    headers: tuple[Header, ...]
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

    def parameter(self, location: str, name: Any) -> Parameter | None:
        return next((p for p in self.parameters if p.location == location and p.name == name), None)

    @property
    def success(self) -> Response | None:
        """The first 2xx response, in document order."""
        return next((r for r in self.responses if r.status.startswith("2")), None)


def text(raw: Any) -> str:
    """A description or summary: stripped; ``""`` when it is not a string."""
    return raw.strip() if isinstance(raw, str) else ""


def extensions(holder: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in holder.items() if isinstance(key, str) and key.startswith("x-")}


def read_operations(data: dict[str, Any], deref: Deref) -> tuple[Operation, ...]:
    """Every operation of the document ``data``, in document order (see the module's docstring)."""
    return tuple(_operation(pointer, path, method, op, item, deref) for pointer, path, method, op, item in _walk(data))


def _walk(data: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any], dict[str, Any]]]:
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                yield pointer_join("/paths", path, method), str(path), method, operation, item


def _operation(pointer: str, path: str, method: str, op: dict[str, Any], item: dict[str, Any], deref: Deref) -> Operation:
    op_id, tags, security, responses = op.get("operationId"), op.get("tags"), op.get("security"), op.get("responses")
    return Operation(
        path=path,
        method=method,
        operation_id=op_id if isinstance(op_id, str) else None,
        tags=tuple(t for t in tags if isinstance(t, str) and t.strip()) if isinstance(tags, list) else (),
        summary=text(op.get("summary")),
        description=text(op.get("description")),
        deprecated=op.get("deprecated") is True,
        security=security if isinstance(security, list) else None,
        parameters=_parameters(pointer, path, op, item, deref),
        request_body=_request_body(pointer, op, deref),
        responses=tuple(_response(pointer, status, raw, deref) for status, raw in responses.items()) if isinstance(responses, dict) else (),
        declares_responses=isinstance(responses, dict),
        extensions=extensions(op),
        pointer=pointer,
    )


def _parameters(pointer: str, path: str, op: dict[str, Any], item: dict[str, Any], deref: Deref) -> tuple[Parameter, ...]:
    found: dict[tuple[str, str], Parameter] = {}  # a key met again keeps its place: the operation's replaces the path item's
    for base, params in ((pointer_join("/paths", path, "parameters"), item.get("parameters")), (pointer_join(pointer, "parameters"), op.get("parameters"))):
        for index, raw in enumerate(params if isinstance(params, list) else ()):
            at, param = deref(pointer_join(base, index), raw)
            if isinstance(param, dict) and isinstance(param.get("name"), str):
                parameter = _parameter(at, param, deref)
                found[(parameter.location, parameter.name)] = parameter
    return tuple(found.values())


def _parameter(at: str, param: dict[str, Any], deref: Deref) -> Parameter:
    location, schema, style, explode = str(param.get("in")), param.get("schema"), param.get("style"), param.get("explode")
    if style not in STYLES.get(location, ()):
        style = DEFAULT_STYLES.get(location, "form")
    return Parameter(
        name=param["name"],
        location=location,
        required=param.get("required") is True or location == "path",
        style=style,
        explode=explode if isinstance(explode, bool) else style == "form",
        allow_reserved=location == "query" and param.get("allowReserved") is True,
        schema=schema if isinstance(schema, dict) else None,
        content=media_types(param, at, deref),
        description=text(param.get("description")),
        deprecated=param.get("deprecated") is True,
        example=param.get("example"),
        examples=example_values(param, at, deref),
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
    at, response = deref(pointer_join(pointer, "responses", status), raw)
    if not isinstance(response, dict):
        response = {}
    return Response(str(status), text(response.get("description")), media_types(response, at, deref), _headers(at, response, deref), _links(at, response, deref), at)


def _headers(pointer: str, response: dict[str, Any], deref: Deref) -> tuple[Header, ...]:
    headers = response.get("headers")
    out = []
    for name, raw in headers.items() if isinstance(headers, dict) else ():
        at, header = deref(pointer_join(pointer, "headers", name), raw)
        if isinstance(header, dict):
            schema = header.get("schema")
            out.append(Header(str(name), header.get("required") is True, text(header.get("description")), schema if isinstance(schema, dict) else None, at))
    return tuple(out)


def _links(pointer: str, response: dict[str, Any], deref: Deref) -> tuple[Link, ...]:
    links = response.get("links")
    out = []
    for name, raw in links.items() if isinstance(links, dict) else ():
        at, link = deref(pointer_join(pointer, "links", name), raw)
        if isinstance(link, dict):
            op_id, params = link.get("operationId"), link.get("parameters")
            out.append(Link(str(name), op_id if isinstance(op_id, str) else None, params if isinstance(params, dict) else {}, at))
    return tuple(out)
