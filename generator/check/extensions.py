"""Workflows OpenAPI has no keyword for: waiters, list iterators, webhooks.

The spec states them, and the SDK is generated from them like from the rest:

``x-waiter`` (on an operation that reads a job; generates ``wait``)::

    x-waiter:
      name: wait                    # the method name (default: wait)
      stateFields: [state, status]  # response properties; the first one set holds the state
      success: [finished]           # states that end the wait with the job
      failure: [failed]             # states that end it with JobFailedError
      delay: 1                      # seconds between the first polls
      maxDelay: 5                   # the pause grows by half each poll, up to this
      timeout: 300                  # seconds to wait in all (the method's default)

A standard ``links`` entry on an operation's 2xx response pointing (``operationId``) at an
operation with an ``x-waiter`` generates ``<operation>_and_wait``: it calls the operation,
then waits, filling the polled operation's parameters from the link's runtime
expressions (``$request.path.X``, ``$request.query.X``, ``$request.header.X``,
``$request.body#/X``, ``$response.body#/X``).

``x-pagination`` (on a list operation; generates ``<operation>_iter``)::

    x-pagination:
      pageParameter: page      # query parameter with the page number
      sizeParameter: pageSize  # query parameter with the page size
      firstPage: 0             # the number of the first page (default 0)
      defaultPageSize: 50      # the iterator's default page size (default 50)
      items: data              # the response property holding the list (omit for a bare array)
      itemKey: id              # the item property that identifies an item (optional)

``x-envelope: <property>`` on an object schema says the object only wraps that property;
a webhook body of that schema delivers the property's value.

``webhooks`` (OpenAPI 3.1; ``x-webhooks`` in 3.0): each webhook's JSON request body is a
component schema or a ``oneOf``/``anyOf`` of them; ``webhooks.parse`` returns the entity
of whichever shape a body matches.

:func:`check` reports what is wrong with these (stage 2); :func:`attach` and
:func:`webhooks` build their IR (stage 3) once :func:`check` found no error.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any

from .diagnostics import CODES, Diagnostic, pointer_join
from .ir import Alias, AndWait, Model, Operation, Pagination, PyType, Schema, Tag, Waiter, Webhook, WebhookShape
from .loader import Document, UnresolvedRef
from .naming import python_identifier_problem, snake_case

WAITER_DEFAULTS = {"name": "wait", "delay": 1, "maxDelay": 30, "timeout": 600}
PAGINATION_DEFAULTS = {"firstPage": 0, "defaultPageSize": 50}
_EXPRESSION_SOURCES = ("$request.path.", "$request.query.", "$request.header.")


# -- shared lookups ----------------------------------------------------------------


def _deref(document: Document, pointer: str, value: Any) -> tuple[str, Any]:
    try:
        return document.deref(pointer, value)
    except UnresolvedRef:
        return pointer, None


def _operations(document: Document) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """``(pointer, path, operation)`` of every operation."""
    from .validate import iter_operations

    for pointer, path, _, op in iter_operations(document.data):
        yield pointer, path, op


def _success_schema(document: Document, pointer: str, op: dict[str, Any]) -> tuple[str, Any]:
    """The (dereferenced) JSON schema of an operation's first 2xx response, or ``("", None)``."""
    responses = op.get("responses")
    if not isinstance(responses, dict):
        return "", None
    for status, raw in responses.items():
        if not str(status).startswith("2"):
            continue
        at, response = _deref(document, pointer_join(pointer, "responses", status), raw)
        content = response.get("content") if isinstance(response, dict) else None
        media = content.get("application/json") if isinstance(content, dict) else None
        if isinstance(media, dict) and "schema" in media:
            return _deref(document, pointer_join(at, "content", "application/json", "schema"), media["schema"])
        return "", None
    return "", None


def _properties(schema: Any) -> dict[str, Any]:
    props = schema.get("properties") if isinstance(schema, dict) else None
    return props if isinstance(props, dict) else {}


def _parameters(document: Document, path: str, pointer: str, op: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """``(in, name) -> parameter`` of an operation, path-item parameters included."""
    item = document.data["paths"][path]
    found = {}
    for base, params in ((pointer_join("/paths", path, "parameters"), item.get("parameters")), (pointer_join(pointer, "parameters"), op.get("parameters"))):
        for index, raw in enumerate(params if isinstance(params, list) else []):
            _, param = _deref(document, pointer_join(base, index), raw)
            if isinstance(param, dict) and isinstance(param.get("name"), str):
                found[(str(param.get("in")), param["name"])] = param
    return found


def _body_properties(document: Document, pointer: str, op: dict[str, Any]) -> dict[str, Any]:
    at, body = _deref(document, pointer_join(pointer, "requestBody"), op.get("requestBody"))
    content = body.get("content") if isinstance(body, dict) else None
    for media in (content or {}).values() if isinstance(content, dict) else ():
        if isinstance(media, dict) and "schema" in media:
            return _properties(_deref(document, at, media["schema"])[1])
    return {}


# -- stage 2: rules ----------------------------------------------------------------


def check(document: Document) -> Iterator[Diagnostic]:
    """Every problem of the spec's waiters, links to them, paginations, envelopes and webhooks."""
    waiters: dict[str, tuple[str, dict[str, Any]]] = {}
    for pointer, path, op in _operations(document):
        if "x-waiter" in op:
            problems = list(_check_waiter(document, pointer, op))
            yield from problems
            if not problems and isinstance(op.get("operationId"), str):
                waiters[op["operationId"]] = (pointer, op)
        if "x-pagination" in op:
            yield from _check_pagination(document, path, pointer, op)
    for pointer, path, op in _operations(document):
        yield from _check_links(document, path, pointer, op, waiters)
    yield from _check_method_names(document, waiters)
    yield from _check_envelopes(document)
    yield from _check_webhooks(document)


#: Attributes every generated API class has besides its operations.
RESERVED_METHODS = frozenset({"with_raw_response"})


def _check_method_names(document: Document, waiters: dict[str, tuple[str, dict[str, Any]]]) -> Iterator[Diagnostic]:
    """The methods the extensions add must not take the name of another method of their class."""
    taken: dict[str, dict[str, str]] = {}  # tag -> method name -> what it is
    added: list[tuple[str, str, str, str]] = []  # (tag, name, pointer, what)
    for pointer, _, op in _operations(document):
        tag, op_id = (op.get("tags") or [None])[0], op.get("operationId")
        if not isinstance(tag, str) or not isinstance(op_id, str):
            continue
        taken.setdefault(tag, {})[snake_case(op_id)] = f"operation {op_id!r}"
        if snake_case(op_id) in RESERVED_METHODS:
            yield document.diagnostic("name-collision", "error", pointer_join(pointer, "operationId"), f"operation {op_id!r} becomes method {snake_case(op_id)!r}, an attribute of every API class", CODES["name-collision"][1])
        waiter = op.get("x-waiter")
        if op_id in waiters and isinstance(waiter, dict):
            added.append((tag, snake_case(str(waiter.get("name", WAITER_DEFAULTS["name"]))), pointer_join(pointer, "x-waiter"), f"the x-waiter of {op_id!r}"))
        if isinstance(op.get("x-pagination"), dict):
            name = op["x-pagination"].get("name") or f"{op_id}_iter"
            added.append((tag, snake_case(str(name)), pointer_join(pointer, "x-pagination"), f"the x-pagination of {op_id!r}"))
        for link_at, _ in _waiter_links(document, pointer, op, waiters):
            added.append((tag, snake_case(op_id) + "_and_wait", link_at, f"the link from {op_id!r} to a waiter"))
            break
    for tag, name, pointer, what in added:
        names = taken.setdefault(tag, {})
        other = names.get(name) or ("an attribute of every API class" if name in RESERVED_METHODS else None)
        if other:
            yield document.diagnostic("name-collision", "error", pointer, f"{what} becomes method {name!r}, which is already {other}", CODES["name-collision"][1])
        names[name] = what


def _invalid(document: Document, pointer: str, message: str) -> Diagnostic:
    return document.diagnostic("invalid-extension", "error", pointer, message, CODES["invalid-extension"][1])


def _is_number(value: Any, minimum: float = 0.0) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value > minimum


def _check_waiter(document: Document, pointer: str, op: dict[str, Any]) -> Iterator[Diagnostic]:
    at = pointer_join(pointer, "x-waiter")
    waiter = op["x-waiter"]
    if not isinstance(waiter, dict):
        yield _invalid(document, at, "x-waiter must be a mapping")
        return
    settings = {**WAITER_DEFAULTS, **waiter}
    if python_identifier_problem(settings["name"]):
        yield _invalid(document, pointer_join(at, "name"), f"name {settings['name']!r} cannot be a method name")
    _, schema = _success_schema(document, pointer, op)
    props = _properties(schema)
    if not props:
        yield _invalid(document, at, "the operation's 2xx response must be a JSON object with properties, to read the state from")
    fields = waiter.get("stateFields")
    if not (isinstance(fields, list) and fields and all(isinstance(f, str) for f in fields)):
        yield _invalid(document, pointer_join(at, "stateFields"), "stateFields must be a non-empty list of response property names")
    elif props:
        for index, name in enumerate(fields):
            if name not in props:
                yield _invalid(document, pointer_join(at, "stateFields", index), f"{name!r} is not a property of the response")
    for key in ("success", "failure"):
        values = waiter.get(key, [] if key == "failure" else None)
        if not (isinstance(values, list) and all(isinstance(v, str) for v in values) and (values or key == "failure")):
            yield _invalid(document, pointer_join(at, key), f"{key} must be a list of state values" + (" (at least one)" if key == "success" else ""))
    for key in ("delay", "maxDelay", "timeout"):
        if not _is_number(settings[key]):
            yield _invalid(document, pointer_join(at, key), f"{key} must be a number of seconds above 0")
    if _is_number(settings["delay"]) and _is_number(settings["maxDelay"]) and settings["maxDelay"] < settings["delay"]:
        yield _invalid(document, pointer_join(at, "maxDelay"), "maxDelay must not be below delay")


def _check_pagination(document: Document, path: str, pointer: str, op: dict[str, Any]) -> Iterator[Diagnostic]:
    at = pointer_join(pointer, "x-pagination")
    paging = op["x-pagination"]
    if not isinstance(paging, dict):
        yield _invalid(document, at, "x-pagination must be a mapping")
        return
    settings = {**PAGINATION_DEFAULTS, **paging}
    params = _parameters(document, path, pointer, op)
    for key in ("pageParameter", "sizeParameter"):
        if ("query", settings.get(key)) not in params:
            yield _invalid(document, pointer_join(at, key), f"{key} must name a query parameter of the operation")
    if not (isinstance(settings["firstPage"], int) and not isinstance(settings["firstPage"], bool) and settings["firstPage"] >= 0):
        yield _invalid(document, pointer_join(at, "firstPage"), "firstPage must be an integer, 0 or more")
    if not (isinstance(settings["defaultPageSize"], int) and not isinstance(settings["defaultPageSize"], bool) and settings["defaultPageSize"] >= 1):
        yield _invalid(document, pointer_join(at, "defaultPageSize"), "defaultPageSize must be an integer, 1 or more")
    schema_at, schema = _success_schema(document, pointer, op)
    items_name = paging.get("items")
    if items_name is not None:
        prop = _properties(schema).get(items_name) if isinstance(items_name, str) else None
        _, schema = _deref(document, schema_at, prop)
        if prop is None:
            yield _invalid(document, pointer_join(at, "items"), f"items {items_name!r} is not a property of the response")
            return
    if not (isinstance(schema, dict) and schema.get("type") == "array" and isinstance(schema.get("items"), dict)):
        yield _invalid(document, at, "the list must be an array of items: the response itself, or the property named by items")
        return
    key = paging.get("itemKey")
    if key is not None and key not in _properties(_deref(document, schema_at, schema["items"])[1]):
        yield _invalid(document, pointer_join(at, "itemKey"), f"itemKey {key!r} is not a property of the items")


def _check_links(document: Document, path: str, pointer: str, op: dict[str, Any], waiters: dict[str, tuple[str, dict[str, Any]]]) -> Iterator[Diagnostic]:
    for link_at, link in _waiter_links(document, pointer, op, waiters):
        target_pointer, target = waiters[link["operationId"]]
        if (target.get("tags") or [None])[0] != (op.get("tags") or [None])[0]:
            yield _invalid(document, pointer_join(link_at, "operationId"), "a link that generates <operation>_and_wait must point at an operation of the same tag")
        given = link.get("parameters") if isinstance(link.get("parameters"), dict) else {}
        target_path = target_pointer.split("/")[2].replace("~1", "/").replace("~0", "~")
        for (where, name), param in _parameters(document, target_path, target_pointer, target).items():
            if (param.get("required") or where == "path") and name not in given:
                yield _invalid(document, pointer_join(link_at, "parameters"), f"the link gives no value for the required parameter {name!r} of {link['operationId']!r}")
        params = _parameters(document, path, pointer, op)
        body = _body_properties(document, pointer, op)
        _, response = _success_schema(document, pointer, op)
        for name, expression in given.items():
            if _expression_problem(expression, params, body, response):
                yield _invalid(document, pointer_join(link_at, "parameters", name), f"{expression!r}: {_expression_problem(expression, params, body, response)}")


def _waiter_links(document: Document, pointer: str, op: dict[str, Any], waiters: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """``(pointer, link)`` of the success-response links that point at an operation with a waiter."""
    responses = op.get("responses") if isinstance(op.get("responses"), dict) else {}
    for status, raw in responses.items():
        if not str(status).startswith("2"):
            continue
        at, response = _deref(document, pointer_join(pointer, "responses", status), raw)
        links = response.get("links") if isinstance(response, dict) else None
        for name, raw_link in (links or {}).items() if isinstance(links, dict) else ():
            link_at, link = _deref(document, pointer_join(at, "links", name), raw_link)
            if isinstance(link, dict) and link.get("operationId") in waiters:
                yield link_at, link
        return


def _expression_problem(expression: Any, params: dict[tuple[str, str], Any], body: dict[str, Any], response: Any) -> str | None:
    """Why a link's runtime expression cannot become Python, or ``None``."""
    if not isinstance(expression, str):
        return "a runtime expression must be a string"
    for prefix in _EXPRESSION_SOURCES:
        if expression.startswith(prefix):
            where = prefix.split(".")[1]
            return None if (where, expression[len(prefix) :]) in params else f"the operation has no {where} parameter of that name"
    for prefix, props, required in (("$request.body#/", body, ()), ("$response.body#/", _properties(response), (response or {}).get("required") or ())):
        if expression.startswith(prefix):
            name = expression[len(prefix) :]
            if name not in props:
                return "no such top-level property"
            if prefix.startswith("$response") and name not in required:
                return "the response property must be required, so that it is always there"
            return None
    return "supported are $request.path|query|header.<name>, $request.body#/<property> and $response.body#/<property>"


def _check_envelopes(document: Document) -> Iterator[Diagnostic]:
    schemas = (document.data.get("components") or {}).get("schemas") or {}
    for name, schema in schemas.items() if isinstance(schemas, dict) else ():
        if not (isinstance(schema, dict) and "x-envelope" in schema):
            continue
        at = pointer_join("/components/schemas", name, "x-envelope")
        prop = _properties(schema).get(schema["x-envelope"]) if isinstance(schema["x-envelope"], str) else None
        if not (isinstance(prop, dict) and str(prop.get("$ref", "")).startswith("#/components/schemas/")):
            yield _invalid(document, at, "x-envelope must name a property that is a $ref to a component schema")
        elif schema["x-envelope"] not in (schema.get("required") or ()):
            yield _invalid(document, at, "the enveloped property must be required")


def _webhook_items(document: Document) -> Iterator[tuple[str, str, Any]]:
    key = "webhooks" if "webhooks" in document.data else "x-webhooks"
    hooks = document.data.get(key)
    for name, item in hooks.items() if isinstance(hooks, dict) else ():
        yield pointer_join("/" + key, name), str(name), item


def _webhook_alternatives(document: Document, pointer: str, item: Any) -> list[str] | str:
    """The component schema names a webhook body may be, or why they cannot be told."""
    item_at, item = _deref(document, pointer, item)
    post = item.get("post") if isinstance(item, dict) else None
    body_at, body = _deref(document, pointer_join(item_at, "post", "requestBody"), post.get("requestBody") if isinstance(post, dict) else None)
    content = body.get("content") if isinstance(body, dict) else None
    media = content.get("application/json") if isinstance(content, dict) else None
    if not (isinstance(media, dict) and isinstance(media.get("schema"), dict)):
        return "it has no POST with an application/json request body"
    schema = media["schema"]
    branches = schema.get("oneOf") or schema.get("anyOf") or [schema]
    names = []
    for branch in branches if isinstance(branches, list) else []:
        ref = branch.get("$ref") if isinstance(branch, dict) else None
        if not (isinstance(ref, str) and ref.startswith("#/components/schemas/")):
            return "its body must be a $ref to a component schema, or a oneOf/anyOf of such $refs"
        names.append(ref.rsplit("/", 1)[-1])
    return names or "its body schema declares nothing"


def _check_webhooks(document: Document) -> Iterator[Diagnostic]:
    for pointer, name, item in _webhook_items(document):
        problem = _webhook_alternatives(document, pointer, item)
        if isinstance(problem, str):
            yield document.diagnostic("unsupported-webhook", "warning", pointer, f"webhook {name!r} is left out of webhooks.parse: {problem}", CODES["unsupported-webhook"][1])
        elif python_identifier_problem(name):
            yield _invalid(document, pointer, f"webhook {name!r}: {python_identifier_problem(name)}")


# -- stage 3: IR -------------------------------------------------------------------


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


def _pagination(op: Operation, raw: dict[str, Any], schemas: dict[str, Schema]) -> Pagination:
    settings = {**PAGINATION_DEFAULTS, **raw}
    by_wire = {f.wire_name: f.name for f in op.query_params}
    list_type = op.return_type or PyType("any")
    items_expression = "response"
    if raw.get("items"):
        model = _model(schemas, op.return_type)
        items_expression = _member("response", model, raw["items"])
        field = next((f for f in model.fields if f.wire_name == raw["items"]), None) if model else None
        list_type = field.type if field else PyType("any")
        if field is not None and (not field.required or field.type.nullable):
            items_expression += " or []"  # an absent list is an empty page
    item_type = list_type.args[0] if list_type.kind == "list" and list_type.args else PyType("any")
    key = raw.get("itemKey")
    return Pagination(
        name=snake_case(str(raw.get("name") or f"{op.name}_iter")),
        page_argument=by_wire[settings["pageParameter"]],
        size_argument=by_wire[settings["sizeParameter"]],
        first_page=int(settings["firstPage"]),
        default_page_size=int(settings["defaultPageSize"]),
        items_expression=items_expression,
        item_type=item_type,
        key_expression=_member("item", _model(schemas, item_type), key) if key else "",
        pointer=pointer_join(op.pointer, "x-pagination"),
    )


def _and_wait(op: Operation, link_at: str, link: dict[str, Any], target: Operation, schemas: dict[str, Schema]) -> AndWait:
    params = {(f.location, f.wire_name): f.name for f in op.path_params + op.query_params + op.header_params}
    body = {f.wire_name: f.name for f in (op.body.fields if op.body and op.body.flattened else ())}
    response = _model(schemas, op.return_type)
    target_args = {f.wire_name: f.name for f in target.arguments}
    arguments = []
    for wire, expression in link["parameters"].items():
        if expression.startswith("$response.body#/"):
            source = "_submitted." + _attribute(response, expression.split("#/", 1)[1])
        elif expression.startswith("$request.body#/"):
            source = body[expression.split("#/", 1)[1]]
        else:
            _, where, name = expression.split(".", 2)
            source = params[(where, name)]
        arguments.append((target_args.get(wire, snake_case(wire)), source))
    return AndWait(name=f"{op.name}_and_wait", target=target, arguments=tuple(arguments), pointer=link_at)


def attach(document: Document, tags: tuple[Tag, ...], schemas: tuple[Schema, ...]) -> tuple[Tag, ...]:
    """``tags`` with each operation's waiter, ``_and_wait`` link and pagination filled in."""
    by_name = {s.name: s for s in schemas}
    raw_ops = {ptr: op for ptr, _, op in _operations(document)}
    with_waiters: dict[str, Operation] = {}
    staged = []
    for tag in tags:
        ops = []
        for op in tag.operations:
            raw = raw_ops[op.pointer]
            if isinstance(raw.get("x-waiter"), dict):
                op = replace(op, waiter=_waiter(op, raw["x-waiter"], by_name))
                with_waiters[op.operation_id] = op
            if isinstance(raw.get("x-pagination"), dict):
                op = replace(op, pagination=_pagination(op, raw["x-pagination"], by_name))
            ops.append(op)
        staged.append((tag, ops))
    out = []
    for tag, ops in staged:
        linked = []
        for op in ops:
            for link_at, link in _waiter_links(document, op.pointer, raw_ops[op.pointer], with_waiters):
                op = replace(op, and_wait=_and_wait(op, link_at, link, with_waiters[link["operationId"]], by_name))
                break
            linked.append(op)
        out.append(replace(tag, operations=tuple(linked)))
    return tuple(out)


def webhooks(document: Document, schemas: tuple[Schema, ...]) -> tuple[Webhook, ...]:
    """The webhooks whose bodies :func:`check` found usable, each with its shapes."""
    by_schema = {s.schema_name: s for s in schemas if not (isinstance(s, (Model, Alias)) and s.request_view_of)}  # bodies parse into response views
    out = []
    for pointer, name, item in _webhook_items(document):
        names = _webhook_alternatives(document, pointer, item)
        if isinstance(names, str) or python_identifier_problem(name):
            continue
        shapes = []
        for schema_name in names:
            model = by_schema.get(schema_name)
            if not isinstance(model, Model):
                continue
            raw = document.data["components"]["schemas"][schema_name]
            envelope = raw.get("x-envelope") if isinstance(raw, dict) else None
            field = next((f for f in model.fields if f.wire_name == envelope), None) if envelope else None
            entity = by_schema.get(field.type.name) if field else model
            if not isinstance(entity, Model) or (envelope and field is None):
                continue
            shapes.append(WebhookShape(model.name, field.name if field else "", entity.name, sum(f.required for f in entity.fields), field.wire_name if field else ""))
        shapes.sort(key=lambda s: (not s.envelope, -s.specificity))
        _, resolved = _deref(document, pointer, item)
        post = resolved.get("post") or {}
        out.append(
            Webhook(
                name=name,
                method="parse_" + snake_case(name),
                summary=str(post.get("summary") or "").strip(),
                description=str(post.get("description") or "").strip(),
                shapes=tuple(shapes),
                pointer=pointer_join(pointer, "post"),
            )
        )
    return tuple(w for w in out if w.shapes)
