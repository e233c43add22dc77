"""The rules of the ``x-`` extensions and webhooks (see :mod:`generator.read.extensions`): what cannot be generated as written is an ``invalid-extension`` error, a webhook whose body cannot be parsed an ``unsupported-webhook`` warning."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import CODES, Diagnostic, pointer_join
from generator.naming import python_identifier_problem, snake_case
from generator.check.pagination import check_pagination
from generator.check.webhook_signature import check_webhook_signature
from generator.read.extensions import WAITER_DEFAULTS, body_properties, deref, operations, parameters, properties, success_schema, waiter_links, webhook_alternatives, webhook_items
from generator.read.document import Document
from generator.reserved_names import API_CLASS_ATTRIBUTES

_EXPRESSION_SOURCES = ("$request.path.", "$request.query.", "$request.header.")


def check(document: Document) -> Iterator[Diagnostic]:
    """Every problem of the spec's waiters, links to them, paginations, envelopes and webhooks."""
    waiters: dict[str, tuple[str, dict[str, Any]]] = {}
    for pointer, path, op in operations(document):
        if "x-waiter" in op:
            problems = list(_check_waiter(document, pointer, op))
            yield from problems
            if not problems and isinstance(op.get("operationId"), str):
                waiters[op["operationId"]] = (pointer, op)
        if "x-pagination" in op:
            yield from check_pagination(document, path, pointer, op)
    for pointer, path, op in operations(document):
        yield from _check_links(document, path, pointer, op, waiters)
    yield from _check_method_names(document, waiters)
    yield from _check_envelopes(document)
    yield from _check_webhooks(document)
    yield from check_webhook_signature(document)


def _check_method_names(document: Document, waiters: dict[str, tuple[str, dict[str, Any]]]) -> Iterator[Diagnostic]:
    """The methods the extensions add must not take the name of another method of their class."""
    taken: dict[str, dict[str, str]] = {}  # tag -> method name -> what it is
    added: list[tuple[str, str, str, str]] = []  # (tag, name, pointer, what)
    for pointer, _, op in operations(document):
        tag, op_id = (op.get("tags") or [None])[0], op.get("operationId")
        if not isinstance(tag, str) or not isinstance(op_id, str):
            continue
        taken.setdefault(tag, {})[snake_case(op_id)] = f"operation {op_id!r}"  # one named like an attribute of every API class is renamed (build/tags.py)
        waiter = op.get("x-waiter")
        if op_id in waiters and isinstance(waiter, dict):
            added.append((tag, snake_case(str(waiter.get("name", WAITER_DEFAULTS["name"]))), pointer_join(pointer, "x-waiter"), f"the x-waiter of {op_id!r}"))
        if isinstance(op.get("x-pagination"), dict):
            name = op["x-pagination"].get("name") or f"{op_id}_iter"
            added.append((tag, snake_case(str(name)), pointer_join(pointer, "x-pagination"), f"the x-pagination of {op_id!r}"))
            added.append((tag, snake_case(op_id) + "_pages", pointer_join(pointer, "x-pagination"), f"the x-pagination of {op_id!r}"))
        for link_at, _ in waiter_links(document, pointer, op, waiters):
            added.append((tag, snake_case(op_id) + "_and_wait", link_at, f"the link from {op_id!r} to a waiter"))
            break
    for tag, name, pointer, what in added:
        names = taken.setdefault(tag, {})
        other = names.get(name) or ("an attribute of every API class" if name in API_CLASS_ATTRIBUTES else None)
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
    yield from _check_state_fields(document, at, properties(success_schema(document, pointer, op)[1]), waiter.get("stateFields"))
    for key in ("success", "failure"):
        values = waiter.get(key, [] if key == "failure" else None)
        if not (isinstance(values, list) and all(isinstance(v, str) for v in values) and (values or key == "failure")):
            yield _invalid(document, pointer_join(at, key), f"{key} must be a list of state values" + (" (at least one)" if key == "success" else ""))
    yield from _check_delays(document, at, settings)


def _check_state_fields(document: Document, at: str, props: dict[str, Any], fields: Any) -> Iterator[Diagnostic]:
    """The waiter reads its state from properties of the operation's JSON response."""
    if not props:
        yield _invalid(document, at, "the operation's 2xx response must be a JSON object with properties, to read the state from")
    if not (isinstance(fields, list) and fields and all(isinstance(f, str) for f in fields)):
        yield _invalid(document, pointer_join(at, "stateFields"), "stateFields must be a non-empty list of response property names")
        return
    for index, name in enumerate(fields if props else ()):
        if name not in props:
            yield _invalid(document, pointer_join(at, "stateFields", index), f"{name!r} is not a property of the response")


def _check_delays(document: Document, at: str, settings: dict[str, Any]) -> Iterator[Diagnostic]:
    """``delay``, ``maxDelay`` and ``timeout`` are seconds above 0, and the pause never shrinks."""
    for key in ("delay", "maxDelay", "timeout"):
        if not _is_number(settings[key]):
            yield _invalid(document, pointer_join(at, key), f"{key} must be a number of seconds above 0")
    if _is_number(settings["delay"]) and _is_number(settings["maxDelay"]) and settings["maxDelay"] < settings["delay"]:
        yield _invalid(document, pointer_join(at, "maxDelay"), "maxDelay must not be below delay")


def _check_links(document: Document, path: str, pointer: str, op: dict[str, Any], waiters: dict[str, tuple[str, dict[str, Any]]]) -> Iterator[Diagnostic]:
    for link_at, link in waiter_links(document, pointer, op, waiters):
        target_pointer, target = waiters[link["operationId"]]
        if (target.get("tags") or [None])[0] != (op.get("tags") or [None])[0]:
            yield _invalid(document, pointer_join(link_at, "operationId"), "a link that generates <operation>_and_wait must point at an operation of the same tag")
        given = link.get("parameters") if isinstance(link.get("parameters"), dict) else {}
        target_path = target_pointer.split("/")[2].replace("~1", "/").replace("~0", "~")
        for (where, name), param in parameters(document, target_path, target_pointer, target).items():
            if (param.get("required") or where == "path") and name not in given:
                yield _invalid(document, pointer_join(link_at, "parameters"), f"the link gives no value for the required parameter {name!r} of {link['operationId']!r}")
        params = parameters(document, path, pointer, op)
        body = body_properties(document, pointer, op)
        _, response = success_schema(document, pointer, op)
        for name, expression in given.items():
            if _expression_problem(expression, params, body, response):
                yield _invalid(document, pointer_join(link_at, "parameters", name), f"{expression!r}: {_expression_problem(expression, params, body, response)}")


def _expression_problem(expression: Any, params: dict[tuple[str, str], Any], body: dict[str, Any], response: Any) -> str | None:
    """Why a link's runtime expression cannot become Python, or ``None``."""
    if not isinstance(expression, str):
        return "a runtime expression must be a string"
    for prefix in _EXPRESSION_SOURCES:
        if expression.startswith(prefix):
            where = prefix.split(".")[1]
            return None if (where, expression[len(prefix) :]) in params else f"the operation has no {where} parameter of that name"
    for prefix, props, required in (("$request.body#/", body, ()), ("$response.body#/", properties(response), (response or {}).get("required") or ())):
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
        prop = properties(schema).get(schema["x-envelope"]) if isinstance(schema["x-envelope"], str) else None
        if not (isinstance(prop, dict) and str(prop.get("$ref", "")).startswith("#/components/schemas/")):
            yield _invalid(document, at, "x-envelope must name a property that is a $ref to a component schema")
        elif schema["x-envelope"] not in (schema.get("required") or ()):
            yield _invalid(document, at, "the enveloped property must be required")


def _check_webhooks(document: Document) -> Iterator[Diagnostic]:
    for pointer, name, item in webhook_items(document):
        problem = webhook_alternatives(document, pointer, item)
        if isinstance(problem, str):
            yield document.diagnostic("unsupported-webhook", "warning", pointer, f"webhook {name!r} is left out of webhooks.parse: {problem}", CODES["unsupported-webhook"][1])
        elif python_identifier_problem(name):
            yield _invalid(document, pointer, f"webhook {name!r}: {python_identifier_problem(name)}")



