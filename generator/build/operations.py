"""One operation as an :class:`~generator.ir.Operation`: its method name, its parameters (the path
item's and its own), its request body, its responses and its security requirement."""

from __future__ import annotations

from dataclasses import replace
from urllib.parse import urljoin

from generator.build import parameter_styles, security
from generator.build.bodies import body
from generator.build.context import BuildContext
from generator.build.fields import field
from generator.reserved_names import RESERVED_ARGUMENTS
from generator.build.responses import responses, with_stream_flag
from generator.build.spec_values import text, value
from generator.diagnostics import pointer_join
from generator.ir import Field, Operation
from generator.naming import Namespace, class_identifier, identifier
from generator.read.operations import Operation as SpecOperation
from generator.read.operations import PATH_PLACEHOLDER, Parameter, first_server_url, is_absolute
from generator.read.request_extensions import in_force

#: Where a parameter may be, in the order of the method's arguments.
LOCATIONS = ("path", "query", "header", "cookie")


def operation(ctx: BuildContext, op: SpecOperation, tag: str, methods: Namespace) -> Operation:
    """Operation ``op`` of tag ``tag``; its method's name is claimed in ``methods``."""
    name, op_id = _method_name(ctx, op, tag, methods)
    ctx.types.operation_names[op.pointer] = class_identifier(name, "Call")
    arguments = Namespace(RESERVED_ARGUMENTS)
    by_location = _parameters(ctx, op, arguments, _idempotency_header(ctx, op))
    requirement, unapplied, own_requirement = operation_security(ctx, op)
    return with_stream_flag(Operation(
        operation_id=op_id,
        name=name,
        method=op.method.upper(),
        path=op.path,
        tag=tag,
        summary=op.summary,
        description=op.description,
        path_params=by_location["path"],
        query_params=by_location["query"],
        header_params=by_location["header"],
        cookie_params=by_location["cookie"],
        body=body(ctx, op, arguments),
        responses=responses(ctx, op),
        pointer=op.pointer,
        deprecated=op.deprecated,
        security=requirement,
        security_unapplied=unapplied,
        security_is_default=not own_requirement,
        security_scopes=security.scopes(op.security if own_requirement else ctx.document.data.get("security")),
        server_url=_server_url(ctx, op),
    ))


def _server_url(ctx: BuildContext, op: SpecOperation) -> str:
    """The absolute URL of the operation's own server (its path item's), without a trailing ``/``; "" when it
    has none, or it is the document's first server. A relative one is resolved against the document's first
    server; when that is relative too, the client's base URL is used, with a warning."""
    if not op.server_url:
        return ""
    document_url = first_server_url(ctx.document.data)
    url = urljoin(document_url.rstrip("/") + "/", op.server_url) if document_url else op.server_url
    if not is_absolute(url):
        ctx.warn("relative-server-url", op.server_pointer, f"the server URL {op.server_url!r} is not absolute: the operation is sent to the client's base URL")
        return ""
    url = url.rstrip("/")
    return "" if url == document_url.rstrip("/") else url


def _method_name(ctx: BuildContext, op: SpecOperation, tag: str, methods: Namespace) -> tuple[str, str]:
    """``(method name, operationId)``: named after the operationId, else after the method and path (with a warning)."""
    if op.operation_id is not None and op.operation_id.strip():
        return _named_after_id(ctx, op.pointer, op.operation_id, tag, methods), op.operation_id
    method, path = op.method, op.path
    name = ctx.claim(methods, identifier(f"{method} {path}", "call"), op.pointer, f"{method.upper()} {path}", "method")
    ctx.warn("missing-operation-id", op.pointer, f"{method.upper()} {path} has no operationId; its method is named {name!r} after the method and path")
    return name, name


def _named_after_id(ctx: BuildContext, pointer: str, op_id: str, tag: str, methods: Namespace) -> str:
    """The method name of ``op_id``; warn when another operationId (or the same one again) took it first."""
    owner = f"operationId {op_id!r}"
    name, clash = methods.claim(identifier(op_id, "call"), owner)
    at = pointer_join(pointer, "operationId")
    if clash == owner:
        ctx.warn("duplicate-operation-id", at, f"operationId {op_id!r} is used more than once; this method is named {name!r}")
    elif clash is not None:
        ctx.warn("name-collision", at, f"{clash} and {owner} both become method {identifier(op_id, 'call')!r} of tag {tag!r}; this one is named {name!r}")
    return name


def _idempotency_header(ctx: BuildContext, op: SpecOperation) -> str:
    """The lower-case name of the idempotency header in force for the operation ("" when none)."""
    _, idempotency = in_force(ctx.document, "x-idempotency", op.pointer, op.extensions, op.method)
    return str(idempotency["header"]).lower() if isinstance(idempotency, dict) else ""


def _parameters(ctx: BuildContext, op: SpecOperation, arguments: Namespace, idempotency: str) -> dict[str, tuple[Field, ...]]:
    """The operation's parameters by location, each an argument claimed in ``arguments``; not the
    idempotency header, which the SDK's own ``idempotency_key=`` sends (:mod:`.request_extensions`),
    nor a path parameter that is not a ``{name}`` of the path."""
    found = []
    placeholders = set(PATH_PLACEHOLDER.findall(op.path))
    for param in op.parameters:
        if param.location == "header" and idempotency and param.name.lower() == idempotency:
            continue
        if param.location == "path" and param.name not in placeholders:
            continue  # the URL has no place for it (the check warns: path-parameter)
        if param.location in LOCATIONS:
            found.append((param.location, parameter(ctx, param, ctx.python_name(arguments, param.name, param.pointer, "argument", f"{param.location} parameter"))))
    return {location: tuple(f for where, f in found if where == location) for location in LOCATIONS}


def parameter(ctx: BuildContext, param: Parameter, name: str) -> Field:
    """One parameter as the :class:`Field` of argument ``name``: its schema's field, with how it is sent."""
    schema = param.schema
    if schema is None:  # `content` instead of `schema`: the schema of its one media type
        schema = (param.content[0].schema if param.content else None) or {}
    found = field(ctx, pointer_join(param.pointer, "schema"), param.name, schema, param.required, param.location, name)
    found = replace(found, type=parameter_styles.as_sent(found.type))
    example = param.example if param.example is not None else schema.get("example")
    style, explode = parameter_styles.style_of(param)
    allow_reserved = param.allow_reserved
    return replace(
        found,
        description=param.description or found.description,
        pointer=param.pointer,
        example=value(example) if example is not None else None,
        unit=found.unit or text(param.extensions.get("x-unit")),
        style=style,
        explode=explode,
        serialized=parameter_styles.needs_serializer(param.location, style, explode, found.type, allow_reserved),
        allow_reserved=allow_reserved,
        deprecated=param.deprecated or found.deprecated,
    )


def operation_security(ctx: BuildContext, op: SpecOperation) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], bool]:
    """The operation's security requirement (its own, else the document's; see
    :func:`generator.build.security.requirement`), and whether it has its own."""
    applied = {s.name for s in ctx.security_schemes}
    own = op.security is not None
    alternatives, unapplied = security.requirement(op.security if own else ctx.document.data.get("security"), applied)
    return alternatives, unapplied, own
