"""Stage 2: find every problem in the spec before anything is built.

Two passes, both collected into one list:

1. openapi-spec-validator checks the document against the OpenAPI schema of its version;
2. our own rules check what the generator relies on: local references that resolve,
   one unique operationId and exactly one tag per operation, a success response, names
   that become valid and distinct Python identifiers, and media types and security
   schemes the SDK can send.

Every rule writes defensively: a spec that fails pass 1 still gets pass 2, and no shape
of input makes this module raise.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
from openapi_spec_validator.validation.exceptions import DuplicateOperationIDError

from . import extensions
from .diagnostics import CODES, Diagnostic, Diagnostics, pointer_join
from .loader import Document, UnresolvedRef
from .naming import api_class_name, module_name, pascal_case, python_identifier_problem, snake_case

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
REQUEST_MEDIA_TYPES = ("application/json", "multipart/form-data")
"""Request body media types the SDK sends, in order of preference."""


def is_bearer(scheme: Any) -> bool:
    """Whether a security scheme is HTTP bearer auth, the one the SDK applies."""
    return isinstance(scheme, dict) and scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() == "bearer"

def validate(document: Document) -> Diagnostics:
    """Every problem of ``document``, errors and warnings, in the order found."""
    found = Diagnostics()
    found.extend(_check_version(document))
    if found.errors:
        return found
    refs = list(_check_refs(document))
    found.extend(refs)
    if not refs:
        found.extend(_check_openapi_schema(document))
    found.extend(_check_operations(document))
    found.extend(_check_schemas(document))
    found.extend(_check_security(document))
    if not found.errors:
        found.extend(extensions.check(document))
    return found


def _diag(document: Document, code: str, pointer: str, message: str, severity: str = "error") -> Diagnostic:
    return document.diagnostic(code, severity, pointer, message, CODES[code][1])


def _check_version(document: Document) -> list[Diagnostic]:
    version = document.data.get("openapi")
    if isinstance(version, str) and (version.startswith("3.0.") or version.startswith("3.1.")):
        return []
    return [_diag(document, "unsupported-openapi-version", "/openapi", f"openapi is {version!r}; supported are 3.0.x and 3.1.x")]


def _walk(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every (pointer, node) of a JSON-like tree, in document order."""
    yield pointer, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, pointer_join(pointer, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, pointer_join(pointer, index))


def _check_refs(document: Document) -> Iterator[Diagnostic]:
    for pointer, node in _walk(document.data):
        if not isinstance(node, dict) or "$ref" not in node:
            continue
        ref = node["$ref"]
        at = pointer_join(pointer, "$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            yield _diag(document, "external-ref", at, f"{ref!r} refers to another document")
            continue
        try:
            document.resolve(ref)
        except UnresolvedRef:
            yield _diag(document, "unresolved-ref", at, f"{ref!r} does not resolve")


def _check_openapi_schema(document: Document) -> Iterator[Diagnostic]:
    version = str(document.data.get("openapi"))
    validator_class = OpenAPIV31SpecValidator if version.startswith("3.1") else OpenAPIV30SpecValidator
    errors = []
    try:
        for error in validator_class(document.data).iter_errors():
            if not isinstance(error, DuplicateOperationIDError):  # duplicate-operation-id says it, with the place
                errors.append(error)
    except Exception as exc:  # the validator itself failed on this input; say so, don't crash
        # It fails on shapes its schema pass has already reported (a parameter without
        # `in`, say): keep those errors; only a failure with nothing reported is news.
        if not errors:
            yield _diag(document, "openapi-schema", "", f"the OpenAPI validator could not check this document: {exc!r}")
            return
    for error in errors:
        relative = list(getattr(error, "path", ()))
        pointer = _locate(document.data, relative, getattr(error, "instance", None))
        message = str(getattr(error, "message", error)).splitlines()[0]
        yield _diag(document, "openapi-schema", pointer, message)


def _locate(data: Any, relative: list[Any], instance: Any) -> str:
    """The pointer of an error whose path may be relative to some schema in the document.

    openapi-spec-validator reports errors inside schema objects relative to the schema,
    and errors in a ``default`` relative to that default value; the first node in document
    order from which ``relative`` leads to ``instance`` is taken, schema objects first.
    """
    full = pointer_join("", *relative)
    if _follow(data, relative, instance):
        return full
    for pointer, node in _walk(data):
        if isinstance(node, dict) and _follow(node, relative, instance):
            return pointer + full
    for pointer, node in _walk(data):
        if pointer.endswith("/default") and _follow(node, relative, instance):
            return pointer + full
    return full


def _follow(node: Any, path: list[Any], instance: Any) -> bool:
    for token in path:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and isinstance(token, int) and token < len(node):
            node = node[token]
        else:
            return False
    return bool(node == instance)


def iter_operations(data: dict[str, Any]) -> Iterator[tuple[str, str, str, dict[str, Any]]]:
    """``(pointer, path, method, operation)`` for every operation, in document order."""
    paths = data.get("paths")
    if not isinstance(paths, dict):
        return
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        for method, operation in item.items():
            if method in HTTP_METHODS and isinstance(operation, dict):
                yield pointer_join("/paths", path, method), str(path), method, operation


def _deref(document: Document, pointer: str, value: Any) -> tuple[str, Any]:
    try:
        return document.deref(pointer, value)
    except UnresolvedRef:
        return pointer, {}


def _check_operations(document: Document) -> Iterator[Diagnostic]:
    seen_ids: dict[str, str] = {}
    methods_by_tag: dict[str, dict[str, str]] = {}
    tag_by_python: dict[str, str] = {}  # class and module name -> the tag that becomes it
    for pointer, path, method, operation in iter_operations(document.data):
        op_id = operation.get("operationId")
        if not op_id:
            yield _diag(document, "missing-operation-id", pointer, f"{method.upper()} {path} has no operationId")
        elif not isinstance(op_id, str) or python_identifier_problem(op_id):
            yield _diag(document, "invalid-name", pointer_join(pointer, "operationId"), f"operationId {op_id!r}: {python_identifier_problem(op_id)}")
        elif op_id in seen_ids:
            yield _diag(document, "duplicate-operation-id", pointer_join(pointer, "operationId"), f"operationId {op_id!r} is also used at {seen_ids[op_id]}")
        else:
            seen_ids[op_id] = pointer
        tags = operation.get("tags")
        if not isinstance(tags, list) or not tags:
            yield _diag(document, "missing-tag", pointer, f"{method.upper()} {path} has no tag")
        elif len(tags) > 1:
            yield _diag(document, "multiple-tags", pointer_join(pointer, "tags"), f"{method.upper()} {path} has {len(tags)} tags: {tags!r}")
        elif python_identifier_problem(tags[0]):
            yield _diag(document, "invalid-name", pointer_join(pointer, "tags", 0), f"tag {tags[0]!r}: {python_identifier_problem(tags[0])}")
        elif clash := _tag_collision(tags[0], tag_by_python):
            yield _diag(document, "name-collision", pointer_join(pointer, "tags", 0), clash)
        elif isinstance(op_id, str) and op_id and not python_identifier_problem(op_id):
            names = methods_by_tag.setdefault(str(tags[0]), {})
            name = snake_case(op_id)
            if name in names and names[name] != op_id:
                yield _diag(document, "name-collision", pointer_join(pointer, "operationId"), f"operationIds {names[name]!r} and {op_id!r} both become method {name!r} of tag {tags[0]!r}")
            names[name] = op_id
        responses = operation.get("responses")
        if isinstance(responses, dict) and not any(str(code).startswith("2") for code in responses):
            yield _diag(document, "missing-success-response", pointer_join(pointer, "responses"), f"{method.upper()} {path} declares no 2xx response")
        yield from _check_arguments(document, pointer, path, operation)


def _tag_collision(tag: str, tag_by_python: dict[str, str]) -> str | None:
    """Why ``tag`` cannot have an API class of its own (another tag has its class or module), or ``None``."""
    names = (api_class_name(tag), module_name(tag))
    for name in names:
        other = tag_by_python.get(name)
        if other is not None and other != tag:
            return f"tags {other!r} and {tag!r} both become {name!r}"
    for name in names:
        tag_by_python[name] = tag
    return None


def _check_arguments(document: Document, pointer: str, path: str, operation: dict[str, Any]) -> Iterator[Diagnostic]:
    """Parameters and body fields become the keyword arguments of one method."""
    arguments: dict[str, str] = {}
    path_item = document.data.get("paths", {}).get(path, {})
    shared = path_item.get("parameters", []) if isinstance(path_item, dict) else []
    own = operation.get("parameters", [])
    candidates: list[tuple[str, Any]] = []
    for base, params in ((pointer_join("/paths", path, "parameters"), shared), (pointer_join(pointer, "parameters"), own)):
        if isinstance(params, list):
            candidates += [(pointer_join(base, i), p) for i, p in enumerate(params)]
    for at, param in candidates:
        at, param = _deref(document, at, param)
        if not isinstance(param, dict):
            continue
        if param.get("in") == "cookie":
            yield _diag(document, "unsupported-parameter-location", at, f"cookie parameter {param.get('name')!r} will not be sent", "warning")
            continue
        yield from _check_argument_name(document, at, param.get("name"), arguments)
    body_pointer, body = _deref(document, pointer_join(pointer, "requestBody"), operation.get("requestBody"))
    if not isinstance(body, dict):
        return
    content = body.get("content")
    if not isinstance(content, dict):
        return
    media_types = [m for m in REQUEST_MEDIA_TYPES if m in content]
    if not media_types:
        yield _diag(document, "unsupported-media-type", pointer_join(body_pointer, "content"), f"request body offers {sorted(content)!r}")
        return
    media = content[media_types[0]]
    schema_pointer, schema = _deref(document, pointer_join(body_pointer, "content", media_types[0], "schema"), media.get("schema") if isinstance(media, dict) else None)
    properties = schema.get("properties") if isinstance(schema, dict) else None
    if isinstance(properties, dict):
        for name in properties:
            yield from _check_argument_name(document, pointer_join(schema_pointer, "properties", name), name, arguments)


def _check_argument_name(document: Document, at: str, name: Any, arguments: dict[str, str]) -> Iterator[Diagnostic]:
    problem = python_identifier_problem(name)
    if problem:
        yield _diag(document, "invalid-name", at, f"name {name!r}: {problem}")
        return
    python = snake_case(name)
    if python in arguments and arguments[python] != name:
        yield _diag(document, "name-collision", at, f"{arguments[python]!r} and {name!r} both become argument {python!r}")
    elif python in arguments:
        yield _diag(document, "name-collision", at, f"{name!r} is both a parameter and a body field of this operation")
    arguments[python] = name


def _check_schemas(document: Document) -> Iterator[Diagnostic]:
    components = document.data.get("components")
    schemas = components.get("schemas") if isinstance(components, dict) else None
    if not isinstance(schemas, dict):
        return
    classes: dict[str, str] = {}
    modules: dict[str, str] = {}
    for name, schema in schemas.items():
        at = pointer_join("/components/schemas", name)
        problem = python_identifier_problem(name)
        if problem:
            yield _diag(document, "invalid-name", at, f"schema name {name!r}: {problem}")
            continue
        cls = pascal_case(name)
        module = module_name(name)
        if cls in classes:
            yield _diag(document, "name-collision", at, f"schemas {classes[cls]!r} and {name!r} both become class {cls!r}")
        elif module in modules:
            yield _diag(document, "name-collision", at, f"schemas {modules[module]!r} and {name!r} both become module {module!r}")
        classes[cls] = name
        modules[module] = name
        properties = schema.get("properties") if isinstance(schema, dict) else None
        if not isinstance(properties, dict):
            continue
        fields: Counter[str] = Counter()
        for prop in properties:
            prop_at = pointer_join(at, "properties", prop)
            problem = python_identifier_problem(prop)
            if problem:
                yield _diag(document, "invalid-name", prop_at, f"property {prop!r}: {problem}")
                continue
            fields[snake_case(prop)] += 1
            if fields[snake_case(prop)] > 1:
                yield _diag(document, "name-collision", prop_at, f"property {prop!r} becomes field {snake_case(prop)!r}, which another property of {name!r} also becomes")


def _check_security(document: Document) -> Iterator[Diagnostic]:
    components = document.data.get("components")
    schemes = components.get("securitySchemes") if isinstance(components, dict) else None
    if not isinstance(schemes, dict):
        return
    for name, scheme in schemes.items():
        at, scheme = _deref(document, pointer_join("/components/securitySchemes", name), scheme)
        if isinstance(scheme, dict) and not is_bearer(scheme):
            yield _diag(document, "unsupported-security-scheme", at, f"security scheme {name!r} ({scheme.get('type')}) is not applied by the SDK", "warning")
