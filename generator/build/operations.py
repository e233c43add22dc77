"""One operation as an :class:`~generator.ir.Operation`: its method name, its parameters (the path
item's and its own), its request body, its responses and its security requirement."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

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
from generator.read.media_types import content_of
from generator.read.operations import operation_parameters
from generator.read.request_extensions import in_force

#: Where a parameter may be, in the order of the method's arguments.
LOCATIONS = ("path", "query", "header", "cookie")


def operation(ctx: BuildContext, pointer: str, path: str, method: str, op: dict[str, Any], tag: str, methods: Namespace) -> Operation:
    """The operation ``method path`` of tag ``tag``; its method's name is claimed in ``methods``."""
    name, op_id = _method_name(ctx, pointer, path, method, op, tag, methods)
    ctx.types.operation_names[pointer] = class_identifier(name, "Call")
    arguments = Namespace(RESERVED_ARGUMENTS)
    by_location = _parameters(ctx, pointer, path, op, arguments, _idempotency_header(ctx, pointer, method, op))
    requirement, unapplied, own_requirement = operation_security(ctx, op)
    return with_stream_flag(Operation(
        operation_id=op_id,
        name=name,
        method=method.upper(),
        path=path,
        tag=tag,
        summary=text(op.get("summary")),
        description=text(op.get("description")),
        path_params=by_location["path"],
        query_params=by_location["query"],
        header_params=by_location["header"],
        cookie_params=by_location["cookie"],
        body=body(ctx, pointer, op, arguments),
        responses=responses(ctx, pointer, op),
        pointer=pointer,
        deprecated=op.get("deprecated") is True,
        security=requirement,
        security_unapplied=unapplied,
        security_is_default=not own_requirement,
        security_scopes=security.scopes(op["security"] if own_requirement else ctx.document.data.get("security")),
    ))


def _method_name(ctx: BuildContext, pointer: str, path: str, method: str, op: dict[str, Any], tag: str, methods: Namespace) -> tuple[str, str]:
    """``(method name, operationId)``: named after the operationId, else after the method and path (with a warning)."""
    op_id = op.get("operationId")
    if isinstance(op_id, str) and op_id.strip():
        return _named_after_id(ctx, pointer, op_id, tag, methods), op_id
    name = ctx.claim(methods, identifier(f"{method} {path}", "call"), pointer, f"{method.upper()} {path}", "method")
    ctx.warn("missing-operation-id", pointer, f"{method.upper()} {path} has no operationId; its method is named {name!r} after the method and path")
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


def _idempotency_header(ctx: BuildContext, pointer: str, method: str, op: dict[str, Any]) -> str:
    """The lower-case name of the idempotency header in force for the operation ("" when none)."""
    _, idempotency = in_force(ctx.document, "x-idempotency", pointer, op, method)
    return str(idempotency["header"]).lower() if isinstance(idempotency, dict) else ""


def _parameters(ctx: BuildContext, pointer: str, path: str, op: dict[str, Any], arguments: Namespace, idempotency: str) -> dict[str, tuple[Field, ...]]:
    """The operation's parameters by location, each an argument claimed in ``arguments``; not the
    idempotency header, which the SDK's own ``idempotency_key=`` sends (:mod:`.request_extensions`)."""
    found = {}
    for key, (at, param) in operation_parameters(ctx.document, path, pointer, op).items():
        if key[0] == "header" and idempotency and key[1].lower() == idempotency:
            continue
        if key[0] in LOCATIONS:
            found[key] = parameter(ctx, at, param, ctx.python_name(arguments, param["name"], at, "argument", f"{key[0]} parameter"))
    return {location: tuple(f for (where, _), f in found.items() if where == location) for location in LOCATIONS}


def parameter(ctx: BuildContext, pointer: str, param: dict[str, Any], name: str) -> Field:
    """One parameter as the :class:`Field` of argument ``name``: its schema's field, with how it is sent."""
    schema = param.get("schema")
    if not isinstance(schema, dict):  # `content` instead of `schema`: the schema of its one media type
        schema = next(iter(content_of(param).values()), {}).get("schema", {})
    found = field(ctx, pointer_join(pointer, "schema"), param["name"], schema, param.get("required") is True or param["in"] == "path", param["in"], name)
    example = param.get("example", schema.get("example") if isinstance(schema, dict) else None)
    style, explode = parameter_styles.style_of(param)
    return replace(
        found,
        description=text(param.get("description")) or found.description,
        pointer=pointer,
        example=value(example) if example is not None else None,
        unit=found.unit or text(param.get("x-unit")),
        style=style,
        explode=explode,
        serialized=parameter_styles.needs_serializer(param["in"], style, explode, found.type, parameter_styles.allows_reserved(param)),
        allow_reserved=parameter_styles.allows_reserved(param),
    )


def operation_security(ctx: BuildContext, op: dict[str, Any]) -> tuple[tuple[tuple[str, ...], ...], tuple[str, ...], bool]:
    """The operation's security requirement (its own, else the document's; see
    :func:`generator.build.security.requirement`), and whether it has its own."""
    applied = {s.name for s in ctx.security_schemes}
    own = isinstance(op.get("security"), list)
    alternatives, unapplied = security.requirement(op["security"] if own else ctx.document.data.get("security"), applied)
    return alternatives, unapplied, own
