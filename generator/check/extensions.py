"""The rules of the ``x-`` extensions and webhooks (see :mod:`generator.read.extensions`): what cannot be generated as written is an ``invalid-extension`` error, a webhook whose body cannot be parsed an ``unsupported-webhook`` warning."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.check.extension_values import invalid, is_number
from generator.diagnostics import CODES, Diagnostic, pointer_join
from generator.naming import python_identifier_problem, snake_case
from generator.check.pagination import check_pagination
from generator.check.webhook_signature import check_webhook_signature
from generator.read.extensions import WAITER_DEFAULTS, body_properties, properties, success_schema, waiter_links, webhook_alternatives
from generator.read.components import component_section
from generator.read.document import Document
from generator.read.operations import Operation
from generator.read.values import mapping
from generator.reserved_names import API_CLASS_ATTRIBUTES
from generator.check import request_extensions

_EXPRESSION_SOURCES = ("$request.path.", "$request.query.", "$request.header.")


def check(document: Document) -> Iterator[Diagnostic]:
    """Every problem of the spec's waiters, links to them, paginations, envelopes and webhooks."""
    waiters: dict[str, Operation] = {}
    for op in document.operations():
        if "x-waiter" in op.extensions:
            problems = list(_check_waiter(document, op))
            yield from problems
            if not problems and op.operation_id is not None:
                waiters[op.operation_id] = op
        if "x-pagination" in op.extensions:
            yield from check_pagination(document, op)
    for op in document.operations():
        yield from _check_links(document, op, waiters)
    yield from _check_method_names(document, waiters)
    yield from _check_envelopes(document)
    yield from _check_webhooks(document)
    yield from check_webhook_signature(document)
    yield from request_extensions.check(document)


def _check_method_names(document: Document, waiters: dict[str, Operation]) -> Iterator[Diagnostic]:
    """The methods the extensions add must not take the name of another method of their class."""
    taken: dict[str, dict[str, str]] = {}  # tag -> method name -> what it is
    added: list[tuple[str, str, str, str]] = []  # (tag, name, pointer, what)
    for op in document.operations():
        op_id = op.operation_id
        if not op.tags or op_id is None:
            continue
        tag = op.tags[0]
        taken.setdefault(tag, {})[snake_case(op_id)] = f"operation {op_id!r}"  # one named like an attribute of every API class is renamed (build/tags.py)
        added += _added_methods(op, op_id, tag, waiters)
    for tag, name, pointer, what in added:
        names = taken.setdefault(tag, {})
        other = names.get(name) or ("an attribute of every API class" if name in API_CLASS_ATTRIBUTES else None)
        if other:
            yield document.diagnostic("name-collision", "error", pointer, f"{what} becomes method {name!r}, which is already {other}", CODES["name-collision"][1])
        names[name] = what


def _added_methods(op: Operation, op_id: str, tag: str, waiters: dict[str, Operation]) -> list[tuple[str, str, str, str]]:
    """``(tag, method name, pointer, what)`` of each method an operation's extensions add."""
    added = []
    waiter, paging = op.extensions.get("x-waiter"), op.extensions.get("x-pagination")
    if op_id in waiters and isinstance(waiter, dict):
        added.append((tag, snake_case(str(waiter.get("name", WAITER_DEFAULTS["name"]))), pointer_join(op.pointer, "x-waiter"), f"the x-waiter of {op_id!r}"))
    if isinstance(paging, dict):
        name = paging.get("name") or f"{op_id}_iter"
        added.append((tag, snake_case(str(name)), pointer_join(op.pointer, "x-pagination"), f"the x-pagination of {op_id!r}"))
        added.append((tag, snake_case(op_id) + "_pages", pointer_join(op.pointer, "x-pagination"), f"the x-pagination of {op_id!r}"))
    for link in waiter_links(op, waiters):
        added.append((tag, snake_case(op_id) + "_and_wait", link.pointer, f"the link from {op_id!r} to a waiter"))
        break
    return added


def _is_strings(value: Any) -> bool:
    """A list of strings."""
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _check_waiter(document: Document, op: Operation) -> Iterator[Diagnostic]:
    at = pointer_join(op.pointer, "x-waiter")
    waiter = op.extensions["x-waiter"]
    if not isinstance(waiter, dict):
        yield invalid(document, at, "x-waiter must be a mapping")
        return
    settings = {**WAITER_DEFAULTS, **waiter}
    if python_identifier_problem(settings["name"]):
        yield invalid(document, pointer_join(at, "name"), f"name {settings['name']!r} cannot be a method name")
    yield from _check_state_fields(document, at, properties(success_schema(document, op)[1]), waiter.get("stateFields"))
    for key in ("success", "failure"):
        values = waiter.get(key, [] if key == "failure" else None)
        if not (_is_strings(values) and (values or key == "failure")):
            yield invalid(document, pointer_join(at, key), f"{key} must be a list of state values" + (" (at least one)" if key == "success" else ""))
    yield from _check_delays(document, at, settings)


def _check_state_fields(document: Document, at: str, props: dict[str, Any], fields: Any) -> Iterator[Diagnostic]:
    """The waiter reads its state from properties of the operation's JSON response."""
    if not props:
        yield invalid(document, at, "the operation's 2xx response must be a JSON object with properties, to read the state from")
    if not (_is_strings(fields) and fields):
        yield invalid(document, pointer_join(at, "stateFields"), "stateFields must be a non-empty list of response property names")
        return
    for index, name in enumerate(fields if props else ()):
        if name not in props:
            yield invalid(document, pointer_join(at, "stateFields", index), f"{name!r} is not a property of the response")


def _check_delays(document: Document, at: str, settings: dict[str, Any]) -> Iterator[Diagnostic]:
    """``delay``, ``maxDelay`` and ``timeout`` are seconds above 0, and the pause never shrinks."""
    for key in ("delay", "maxDelay", "timeout"):
        if not is_number(settings[key], above=True):
            yield invalid(document, pointer_join(at, key), f"{key} must be a number of seconds above 0")
    if is_number(settings["delay"], above=True) and is_number(settings["maxDelay"], above=True) and settings["maxDelay"] < settings["delay"]:
        yield invalid(document, pointer_join(at, "maxDelay"), "maxDelay must not be below delay")


def _check_links(document: Document, op: Operation, waiters: dict[str, Operation]) -> Iterator[Diagnostic]:
    for link in waiter_links(op, waiters):
        target = waiters[link.operation_id]  # type: ignore[index]  # waiter_links gives links to waiters only
        if target.tags[:1] != op.tags[:1]:
            yield invalid(document, pointer_join(link.pointer, "operationId"), "a link that generates <operation>_and_wait must point at an operation of the same tag")
        for param in target.parameters:
            if param.required and param.name not in link.parameters:
                yield invalid(document, pointer_join(link.pointer, "parameters"), f"the link gives no value for the required parameter {param.name!r} of {link.operation_id!r}")
        params = {(p.location, p.name) for p in op.parameters}
        body = body_properties(document, op)
        _, response = success_schema(document, op)
        for name, expression in link.parameters.items():
            problem = _expression_problem(expression, params, body, response)
            if problem:
                yield invalid(document, pointer_join(link.pointer, "parameters", name), f"{expression!r}: {problem}")


def _expression_problem(expression: Any, params: set[tuple[str, str]], body: dict[str, Any], response: Any) -> str | None:
    """Why a link's runtime expression cannot become Python, or ``None``."""
    if not isinstance(expression, str):
        return "a runtime expression must be a string"
    for prefix in _EXPRESSION_SOURCES:
        if expression.startswith(prefix):
            where = prefix.split(".")[1]
            return None if (where, expression[len(prefix) :]) in params else f"the operation has no {where} parameter of that name"
    for prefix, props, required in (("$request.body#/", body, ()), ("$response.body#/", properties(response), _required(response))):
        if expression.startswith(prefix):
            name = expression[len(prefix) :]
            if name not in props:
                return "no such top-level property"
            if prefix.startswith("$response") and name not in required:
                return "the response property must be required, so that it is always there"
            return None
    return "supported are $request.path|query|header.<name>, $request.body#/<property> and $response.body#/<property>"


def _required(schema: Any) -> Any:
    return mapping(schema).get("required") or ()


def _check_envelopes(document: Document) -> Iterator[Diagnostic]:
    for name, schema in component_section(document.data, "schemas").items():
        if not (isinstance(schema, dict) and "x-envelope" in schema):
            continue
        at = pointer_join("/components/schemas", name, "x-envelope")
        prop = properties(schema).get(schema["x-envelope"]) if isinstance(schema["x-envelope"], str) else None
        if not (isinstance(prop, dict) and str(prop.get("$ref", "")).startswith("#/components/schemas/")):
            yield invalid(document, at, "x-envelope must name a property that is a $ref to a component schema")
        elif schema["x-envelope"] not in (schema.get("required") or ()):
            yield invalid(document, at, "the enveloped property must be required")


def _check_webhooks(document: Document) -> Iterator[Diagnostic]:
    for webhook in document.webhooks():
        problem, name = webhook_alternatives(webhook), webhook.name
        if isinstance(problem, str):
            yield document.diagnostic("unsupported-webhook", "warning", webhook.pointer, f"webhook {name!r} is left out of webhooks.parse: {problem}", CODES["unsupported-webhook"][1])
        elif python_identifier_problem(name):
            yield invalid(document, webhook.pointer, f"webhook {name!r}: {python_identifier_problem(name)}")



