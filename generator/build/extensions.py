"""The IR of the ``x-`` extensions (:mod:`generator.read.extensions`) once they are checked: each operation's
waiter, ``_and_wait`` link and pagination, and the webhooks ``webhooks.parse`` tells apart."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from generator.ir import Alias, AndWait, Field, Model, Operation, Pagination, PyType, Schema, Tag, Waiter, Webhook, WebhookShape, WebhookSignature
from generator.diagnostics import pointer_join
from generator.naming import python_identifier_problem, snake_case
from generator.read.extensions import PAGINATION_DEFAULTS, PAGINATION_POSITION, SIGNATURE_DEFAULTS, STANDARD_WEBHOOKS, WAITER_DEFAULTS, waiter_links, webhook_alternatives
from generator.read.document import Document
from generator.read.values import mapping, mapping_or_none
from generator.read.operations import Link
from generator.read.operations import Webhook as SpecWebhook
from generator.build import request_extensions


def _model(schemas: dict[str, Schema], type_: PyType | None) -> Model | None:
    if type_ is None or type_.kind != "model":
        return None
    schema = schemas.get(type_.name)
    return schema if isinstance(schema, Model) else None


def _attribute(model: Model | None, wire_name: str) -> str:
    return next((f.name for f in model.fields if f.wire_name == wire_name), snake_case(wire_name)) if model else snake_case(wire_name)


def _waiter(op: Operation, raw: dict[str, Any], schemas: dict[str, Schema]) -> Waiter:
    settings = {**WAITER_DEFAULTS, **raw}
    model = _model(schemas, op.return_type)
    return Waiter(
        name=snake_case(settings["name"]),
        state_fields=tuple(_attribute(model, f) for f in settings["stateFields"]),
        success=tuple(settings["success"]),
        failure=tuple(settings.get("failure") or ()),
        delay=float(settings["delay"]),
        max_delay=float(settings["maxDelay"]),
        timeout=float(settings["timeout"]),
        pointer=pointer_join(op.pointer, "x-waiter"),
    )


def _member(owner: str, model: Model | None, wire_name: str) -> str:
    """How generated code reads property ``wire_name`` of ``owner``: an attribute of a model, a key of a dict."""
    return f"{owner}.{_attribute(model, wire_name)}" if model else f"{owner}[{wire_name!r}]"


def _split(model: Model | None, name: str) -> tuple[str, str]:
    """The property a response path reads first, and the rest of the path: a property of the whole
    name if the model has one, else the part before the first dot."""
    if "." not in name or (model is not None and any(f.wire_name == name for f in model.fields)):
        return name, ""
    head, _, rest = name.partition(".")
    return head, rest


def _path(owner: str, model: Model | None, name: str, schemas: dict[str, Schema]) -> tuple[str, Field | None, bool]:
    """How generated code reads the property ``name`` of ``owner``, or the dotted path ``name`` of
    properties (``meta.next_cursor``): the expression, the last property's field (``None`` when
    unknown) and whether the value may be ``None``. A step before the last that may be absent or
    null makes the whole expression ``None`` then."""
    expression, guards = owner, []
    while True:
        wire, name = _split(model, name)
        field = next((f for f in model.fields if f.wire_name == wire), None) if model else None
        expression = _member(expression, model, wire)
        if not name:
            break
        if field is None or not field.required or field.type.nullable:
            guards.append(f"{expression} is not None")
        model = _model(schemas, field.type if field else None)
    optional = bool(guards) or field is None or not field.required or field.type.nullable
    if guards:
        expression = f"({expression} if {' and '.join(guards)} else None)"
    return expression, field, optional


def _page_items(op: Operation, raw: dict[str, Any], model: Model | None, schemas: dict[str, Schema]) -> tuple[str, PyType]:
    """How generated code reads a page's items from ``response`` (its ``items`` property or path,
    or the whole answer), and the type of one item."""
    list_type = op.return_type or PyType("any")
    items_expression = "response"
    if raw.get("items"):
        items_expression, field, optional = _path("response", model, raw["items"], schemas)
        list_type = field.type if field else PyType("any")
        if field is not None and optional:
            items_expression += " or []"  # an absent list is an empty page
    return items_expression, list_type.args[0] if list_type.kind == "list" and list_type.args else PyType("any")


def _pagination(op: Operation, raw: dict[str, Any], schemas: dict[str, Schema]) -> Pagination:
    settings = {**PAGINATION_DEFAULTS, **raw}
    style = settings["style"]
    by_wire = {f.wire_name: f.name for f in op.query_params}
    model = _model(schemas, op.return_type)
    items_expression, item_type = _page_items(op, raw, model, schemas)
    key = raw.get("itemKey")
    position = PAGINATION_POSITION.get(style)
    size = by_wire.get(settings.get("sizeParameter", ""), "")
    page_argument = by_wire[settings[position]] if position else ""
    return Pagination(
        name=snake_case(str(raw.get("name") or f"{op.name}_iter")),
        page_argument=page_argument,
        size_argument=size,
        first_page=int(settings["firstPage"]),
        default_page_size=int(settings["defaultPageSize"]),
        items_expression=items_expression,
        item_type=item_type,
        key_expression=_member("item", _model(schemas, item_type), key) if key else "",
        pointer=pointer_join(op.pointer, "x-pagination"),
        style=style,
        pages_name=f"{op.name}_pages",
        next_expression=_path("response", model, raw.get("nextCursor") or raw["nextUrl"], schemas)[0] if {"nextCursor", "nextUrl"} & raw.keys() else "",
        has_more_expression=_path("response", model, raw["hasMore"], schemas)[0] if raw.get("hasMore") else "",
        follow_arguments=tuple(f.name for f in op.arguments if f.required or f.location != "query") if style in ("next-url", "link-header") else (),
    )


def _and_wait(op: Operation, link: Link, target: Operation, schemas: dict[str, Schema]) -> AndWait:
    params = {(f.location, f.wire_name): f.name for f in op.path_params + op.query_params + op.header_params}
    body = {f.wire_name: f.name for f in (op.body.fields if op.body and op.body.flattened else ())}
    response = _model(schemas, op.return_type)
    target_args = {f.wire_name: f.name for f in target.arguments}
    arguments = []
    for wire, expression in link.parameters.items():
        if expression.startswith("$response.body#/"):
            source = "_submitted." + _attribute(response, expression.split("#/", 1)[1])
        elif expression.startswith("$request.body#/"):
            source = body[expression.split("#/", 1)[1]]
        else:
            _, where, name = expression.split(".", 2)
            source = params[(where, name)]
        arguments.append((target_args.get(wire, snake_case(wire)), source))
    return AndWait(name=f"{op.name}_and_wait", target=target, arguments=tuple(arguments), pointer=link.pointer)


def attach(document: Document, tags: tuple[Tag, ...], schemas: tuple[Schema, ...]) -> tuple[Tag, ...]:
    """``tags`` with each operation's waiter, ``_and_wait`` link and pagination filled in."""
    by_name = {s.name: s for s in schemas}
    spec_ops = {op.pointer: op for op in document.operations()}
    with_waiters: dict[str, Operation] = {}
    staged = []
    for tag in tags:
        ops = []
        for op in tag.operations:
            found = spec_ops[op.pointer].extensions
            op = request_extensions.attach(document, op, found)
            waiter, paging = mapping_or_none(found.get("x-waiter")), mapping_or_none(found.get("x-pagination"))
            if waiter is not None:
                op = replace(op, waiter=_waiter(op, waiter, by_name))
                with_waiters[op.operation_id] = op
            if paging is not None:
                op = replace(op, pagination=_pagination(op, paging, by_name))
            ops.append(op)
        staged.append((tag, ops))
    out = []
    for tag, ops in staged:
        linked = []
        for op in ops:
            link = next(waiter_links(spec_ops[op.pointer], with_waiters), None)
            if link is not None:
                op = replace(op, and_wait=_and_wait(op, link, with_waiters[str(link.operation_id)], by_name))
            linked.append(op)
        out.append(replace(tag, operations=tuple(linked)))
    return tuple(out)


def webhooks(document: Document, schemas: tuple[Schema, ...]) -> tuple[Webhook, ...]:
    """The webhooks whose bodies :func:`check` found usable, each with its shapes."""
    by_schema = {s.schema_name: s for s in schemas if not (isinstance(s, (Model, Alias)) and s.request_view_of)}  # bodies parse into response views
    out = []
    for webhook in document.webhooks():
        names = webhook_alternatives(webhook)
        if isinstance(names, str) or python_identifier_problem(webhook.name):
            continue
        shapes = [shape for shape in (_shape(document, by_schema, n) for n in names) if shape is not None]
        if shapes:
            shapes.sort(key=lambda s: (not s.envelope, -s.specificity))
            out.append(_webhook(webhook, tuple(shapes)))
    return tuple(out)


def _shape(document: Document, by_schema: dict[str, Schema], schema_name: str) -> WebhookShape | None:
    """How a webhook body of component schema ``schema_name`` is told apart and what it delivers
    (the property its ``x-envelope`` names, else itself); ``None`` when it is no model."""
    model = by_schema.get(schema_name)
    if not isinstance(model, Model):
        return None
    envelope = mapping(document.data["components"]["schemas"][schema_name]).get("x-envelope")
    field = next((f for f in model.fields if f.wire_name == envelope), None) if envelope else None
    entity = by_schema.get(field.type.name) if field else model
    if not isinstance(entity, Model) or (envelope and field is None):
        return None
    return WebhookShape(model.name, field.name if field else "", entity.name, sum(f.required for f in entity.fields), field.wire_name if field else "")


def _webhook(webhook: SpecWebhook, shapes: tuple[WebhookShape, ...]) -> Webhook:
    return Webhook(
        name=webhook.name,
        method="parse_" + snake_case(webhook.name),
        summary=webhook.post.summary if webhook.post is not None else "",
        description=webhook.post.description if webhook.post is not None else "",
        shapes=shapes,
        pointer=pointer_join(webhook.pointer, "post"),
    )


def webhook_signature(document: Document, env_prefix: str) -> WebhookSignature | None:
    """The checked ``x-webhook-signature``, with Standard Webhooks' settings filled in; ``None`` when the spec has none."""
    raw = document.data.get("x-webhook-signature")
    if not isinstance(raw, dict):
        return None
    standard = raw.get("scheme") == "standard-webhooks"
    settings = {**SIGNATURE_DEFAULTS, **raw, **(STANDARD_WEBHOOKS if standard else {})}
    return WebhookSignature(
        standard=standard,
        header=settings["header"],
        algorithm=settings["algorithm"],
        encoding=settings["encoding"],
        prefix=settings["prefix"],
        signed_payload=settings["signedPayload"],
        timestamp_header=settings.get("timestampHeader", ""),
        timestamp_key=settings.get("timestampKey", ""),
        id_header=settings.get("idHeader", ""),
        signature_key=settings.get("signatureKey", ""),
        tolerance=int(settings["tolerance"]),
        env=f"{env_prefix}_WEBHOOK_SECRET",
        pointer="/x-webhook-signature",
    )
