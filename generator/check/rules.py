"""Our own rules: what the generator relies on beyond the OpenAPI schema.

A supported OpenAPI version, local references that resolve, a success response per operation,
parameters and request bodies the SDK can send, security schemes it can apply. Every rule
writes defensively: a spec that breaks the OpenAPI schema still gets these checks, and no
shape of input makes this module raise.
"""

from __future__ import annotations

from typing import Any, Iterator

from generator.diagnostics import CODES, Diagnostic, pointer_join, pointer_parts
from generator.read.components import component_section
from generator.read.document import Document, UnresolvedRef
from generator.read.media_types import is_json_media_type, is_structured_media_type, request_media_type
from generator.read.ref_kinds import enclosing
from generator.read.references import COMPONENT_KINDS, NAME_MAPS, mappings_with_refs
from generator.read.operations import Operation
from generator.read.security_schemes import kind_of


#: Keys whose children are named by the author: a child called ``schema`` there is no schema keyword.
_NAMING = COMPONENT_KINDS | NAME_MAPS
#: Objects the SDK can do without: a ``$ref`` in one that points at nothing is a warning, saying what is left out.
_UNUSED_KINDS = {"callback": "it is in a callback, a request the API sends, from which the SDK makes no method", "link": "the link it is in is left out"}


def diagnostic(document: Document, code: str, pointer: str, message: str, severity: str = "error") -> Diagnostic:
    """A diagnostic of ``code`` with the hint the code documents."""
    return document.diagnostic(code, severity, pointer, message, CODES[code][1])


def check_version(document: Document) -> list[Diagnostic]:
    version = document.data.get("openapi")
    if isinstance(version, str) and (version.startswith("3.0.") or version.startswith("3.1.")):
        return []
    if isinstance(version, str) and version.startswith("3.2."):
        message = f"openapi is {version!r}: the validator knows OpenAPI up to 3.1, so the document is validated and read as 3.1 (3.2's itemSchema is read; its other additions are warned about where they are)"
        return [diagnostic(document, "newer-openapi-version", "/openapi", message, "warning")]
    return [diagnostic(document, "unsupported-openapi-version", "/openapi", f"openapi is {version!r}; supported are 3.0.x, 3.1.x and 3.2.x (read as 3.1)")]


def walk(value: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    """Every (pointer, node) of a JSON-like tree, in document order (without recursion: any depth)."""
    stack: list[tuple[str, Any]] = [(pointer, value)]
    while stack:
        pointer, value = stack.pop()
        yield pointer, value
        if isinstance(value, dict):
            stack.extend((pointer_join(pointer, key), child) for key, child in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((pointer_join(pointer, index), child) for index, child in reversed(list(enumerate(value))))


def check_refs(document: Document) -> Iterator[Diagnostic]:
    problems = {p.pointer: p for p in document.ref_problems}
    for pointer, node in mappings_with_refs(document.data):  # not in x- extensions, not a property called "$ref"
        ref = node["$ref"]
        at = pointer_join(pointer, "$ref")
        problem = problems.get(at)
        local = not isinstance(ref, str) or ref.startswith("#")
        if local:
            try:
                document.resolve(ref)
                continue
            except UnresolvedRef:
                pass
        said = f"{ref!r} does not resolve" if local else f"{ref!r}: {problem.reason if problem else 'does not resolve'}"
        unused = enclosing(pointer, _UNUSED_KINDS)
        if unused is not None:
            yield diagnostic(document, "unresolved-unused-ref", at, f"{said}; {_UNUSED_KINDS[unused]}", "warning")
        elif problem is not None and problem.remote:
            yield diagnostic(document, "external-ref", at, said)
        elif not local:
            yield diagnostic(document, "unresolved-ref", at, said)
        elif in_schema(pointer):
            yield diagnostic(document, "unresolved-schema-ref", at, f"{ref!r} does not resolve; the SDK types this value as Any", "warning")
        else:
            yield diagnostic(document, "unresolved-ref", at, f"{ref!r} does not resolve")


def in_schema(pointer: str) -> bool:
    """Whether the mapping at ``pointer`` is (inside) a schema: a component schema, or under a ``schema`` keyword
    (not an element named ``schema`` in a map of names)."""
    parts = pointer_parts(pointer)
    if parts[:2] == ["components", "schemas"] and len(parts) > 2:
        return True
    return any(part == "schema" and index > 0 and parts[index - 1] not in _NAMING for index, part in enumerate(parts))


def check_operations(document: Document) -> Iterator[Diagnostic]:
    """Operation-level problems. Names (operationIds, tags, properties) are resolved while building (:mod:`generator.build.operations`, :mod:`generator.build.tags`, :mod:`generator.build.fields`)."""
    for op in document.operations():
        if op.declares_responses and op.success is None:
            yield diagnostic(document, "missing-success-response", pointer_join(op.pointer, "responses"), f"{op.method.upper()} {op.path} declares no 2xx response; its method returns None", "warning")
        yield from _check_arguments(document, op)


def _check_arguments(document: Document, op: Operation) -> Iterator[Diagnostic]:
    for param in op.parameters:
        if param.undeclared:
            message = f"{{{param.name}}} of {op.method.upper()} {op.path} is declared by no parameter `in: path`; the SDK takes it as a required string argument"
            yield diagnostic(document, "undeclared-path-parameter", op.pointer, message, "warning")
        if param.content and param.schema is None and not is_json_media_type(param.content[0].media_type):
            media = param.content[0].media_type
            yield diagnostic(document, "unsupported-parameter", pointer_join(param.pointer, "content"), f"parameter {param.name!r} is {media!r}, which the SDK does not encode; its value is sent as text", "warning")
    body = op.request_body
    offered = [m.media_type for m in body.content] if body is not None else []
    chosen = request_media_type(offered)
    if body is not None and chosen is not None and is_structured_media_type(chosen):
        message = f"request body offers {sorted(offered)!r}; the SDK does not serialise {chosen}: the method takes the body as raw content (bytes, str or a file)"
        yield diagnostic(document, "unsupported-media-type", pointer_join(body.pointer, "content"), message, "warning")


def check_security(document: Document) -> Iterator[Diagnostic]:
    for name, scheme in component_section(document.data, "securitySchemes").items():
        at, scheme = document.deref_or(pointer_join("/components/securitySchemes", name), scheme, {})
        if isinstance(scheme, dict) and not kind_of(scheme):
            yield diagnostic(document, "unsupported-security-scheme", at, f"security scheme {name!r} ({scheme.get('type')}) is not applied by the SDK", "warning")
