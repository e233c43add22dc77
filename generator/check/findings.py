"""openapi-spec-validator's findings, each put in a class that decides whether it blocks.

The validator checks a document against the OpenAPI schema of its version; real documents break
that schema in small ways that do not stop a correct SDK. The rule: a finding is a **warning**
when the generator reads past it and the SDK is the same as for the corrected document (the
generator ignores a field it does not know, uses a ``required`` name once, leaves out a default
its schema rejects or a path parameter its path has no place for, reads limits only for
docstrings); it is an **error** for every finding of a class not listed here (the generator may
read that element wrongly, and the SDK would be wrong).

==========================  =========  =====================================================
class (code)                severity   what the SDK does
==========================  =========  =====================================================
``unknown-field``           warning    a field the object does not allow (an Example's
                                       ``title``, a path item's ``query`` method) is ignored
``invalid-required``        warning    a ``required`` list's repeated or undeclared names:
                                       each declared property is required once
``invalid-default``         warning    a ``default`` its own schema rejects is left out
``invalid-schema-keyword``  warning    a limit keyword (``minimum``, ``exclusiveMinimum``,
                                       ``maxLength``...) with a value of the wrong type: the
                                       SDK checks no limit; docs state it only if it reads.
                                       Also an identifier or content keyword (``$id``,
                                       ``$recursiveAnchor``, ``contentEncoding``...: UNREAD)
``invalid-scopes``          warning    a security requirement's scopes that are not a list
                                       (``oauth2: null``): the SDK reads the scheme's name,
                                       scopes are documentation only
``missing-field``           warning    ``info.title``/``version``, a response's
                                       ``description``, an operation's ``responses``
``validation-incomplete``   warning    the validator itself failed: what it found before is
                                       reported, the rest of the document is unchecked
``path-parameter``          warning    a path parameter that is not a ``{name}`` of its path:
                                       the method leaves it out (the URL has no place for it).
                                       A ``{name}`` of the path that no parameter declares is
                                       no finding: the SDK takes it as a required string, and
                                       our rules warn, ``undeclared-path-parameter``
``openapi-schema``          error      any other finding
==========================  =========  =====================================================

Findings are grouped: one per class per location (the unknown fields of one object are one
warning), in the validator's order. They are computed in the process that runs the validator and
returned as ``(code, pointer, message)`` triples, which :mod:`generator.check.validate` caches.
Where a finding is: :mod:`generator.check.finding_locations`; what it says:
:mod:`generator.check.finding_messages`.
"""

from __future__ import annotations

import ast
import re
from typing import Any, Iterable, Iterator

from generator.check import finding_messages as say
from generator.check.finding_locations import Locator
from generator.check.rules import walk
from generator.diagnostics import pointer_join, pointer_parts
from generator.read.operations import PATH_PLACEHOLDER
from generator.read.references import NAMED_CHILDREN
from generator.read.values import follow_pointer

Finding = tuple[str, str, str]
"""``(code, pointer, message)``."""

#: The codes of findings that do not block (see the module's table).
WARNINGS = frozenset(
    {"unknown-field", "invalid-required", "invalid-default", "invalid-schema-keyword", "invalid-scopes", "missing-field", "validation-incomplete", "path-parameter"}
)
#: Schema keywords the generator reads only to write docstrings.
LIMITS = frozenset(
    {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minLength", "maxLength", "pattern", "minItems", "maxItems", "minProperties", "maxProperties", "uniqueItems"}
)
#: JSON Schema keywords that identify a schema or describe its content: the generator reads the
#: identifiers only to resolve references (text for ``$id`` and the anchors, ``true`` for
#: ``$recursiveAnchor``; a value of another type is ignored), the rest never, so a wrong value
#: there changes no code.
UNREAD = frozenset(
    {"$id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$schema", "$vocabulary", "$comment", "contentMediaType", "contentEncoding", "contentSchema"}
)
_UNEXPECTED = re.compile(r"\((.*) (?:was|were) unexpected\)$")
_NOT_MATCHING = re.compile(r"^(.*) do(?:es)? not match any of the regexes")
#: JSON Schema keywords of OpenAPI 3.1 that the generator reads in a schema whatever the document's version.
_READ_AS_31 = frozenset({"const", "examples"})
#: Fields OpenAPI 3.2 adds that the generator reads (the 3.1 schema a 3.2 document is checked against rejects them).
_READ_IN_32 = frozenset({"itemSchema"})
#: Keys that make a mapping a schema object.
_SCHEMA_KEYS = frozenset({"type", "properties", "items", "allOf", "oneOf", "anyOf", "enum", "format", "additionalProperties"})
#: Findings of openapi-spec-validator's own checks, which say where they are in their message only.
_NOT_LOCATED = frozenset({"UnresolvableParameterError", "ExtraParametersError", "ParameterDuplicateError"})
_PATH_PARAMETER = re.compile(r"^Path parameter '(.*)' for '(.*)' operation in '(.*)' was not resolved$")


def problems(data: dict[str, Any]) -> list[Finding]:
    """Every finding of openapi-spec-validator on ``data``, classified (imported here: it is slow to import)."""
    from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator
    from openapi_spec_validator.validation.exceptions import DuplicateOperationIDError

    version = str(data.get("openapi"))
    validator_class = OpenAPIV31SpecValidator if version.startswith(("3.1", "3.2")) else OpenAPIV30SpecValidator
    checked = {**data, "openapi": "3.1.1"} if version.startswith("3.2.") else data  # the validator knows no 3.2 (newer-openapi-version says so)
    errors = []
    crash = None
    try:
        for error in validator_class(checked).iter_errors():
            if not isinstance(error, DuplicateOperationIDError):  # duplicate-operation-id says it, with the place
                errors.append(error)
    except Exception as exc:  # the validator itself failed on this input: say so, keep what it found
        crash = say.validator_stopped(exc)
    found = classify(data, errors, version)
    return ([("validation-incomplete", "", crash)] if crash else []) + found


def classify(data: dict[str, Any], errors: list[Any], version: str) -> list[Finding]:
    """``errors`` (the validator's, in its order) as findings: classified, located, one per class per location."""
    locator = Locator(data)
    leaves = [(_pointer(locator, error), error) for top in errors for error in _leaves(top)]
    holding = _ancestors(pointer for pointer, _ in leaves)
    grouped: dict[tuple[str, str], list[str]] = {}
    for pointer, error in leaves:
        for code, at, message in _classes(data, pointer, error, version, holding):
            messages = grouped.setdefault((code, at), [])
            if message not in messages:
                messages.append(message)
    return [(code, at, "; ".join(messages)) for (code, at), messages in grouped.items()]


def _leaves(error: Any) -> Iterator[Any]:
    """The errors under a ``oneOf``/``anyOf`` failure when one branch is meant (a Schema, not a Reference), else the error."""
    context = getattr(error, "context", None)
    if getattr(error, "validator", None) in ("oneOf", "anyOf") and context:
        branches: dict[Any, list[Any]] = {}
        for sub in context:
            branches.setdefault(sub.relative_schema_path[0] if sub.relative_schema_path else None, []).append(sub)
        meant = [subs for subs in branches.values() if not _only_not_a_reference(subs)]
        if len(meant) == 1:
            for sub in meant[0]:
                yield from _leaves(sub)
            return
    yield error


def _only_not_a_reference(errors: list[Any]) -> bool:
    return all(e.validator == "required" and e.validator_value == ["$ref"] for e in errors)


def _pointer(locator: Locator, error: Any) -> str:
    if type(error).__name__ in _NOT_LOCATED:
        return ""  # located from the message (see _classes)
    path = list(getattr(error, "absolute_path", None) or getattr(error, "path", ()) or ())
    return locator.locate(path, getattr(error, "instance", None))


def _ancestors(pointers: Iterable[str]) -> set[str]:
    """Every pointer that holds one of ``pointers`` (not those themselves)."""
    out: set[str] = set()
    for pointer in pointers:
        cut = pointer.rfind("/")
        while cut > 0 and pointer[:cut] not in out:
            pointer = pointer[:cut]
            out.add(pointer)
            cut = pointer.rfind("/")
    return out


def _classes(data: dict[str, Any], pointer: str, error: Any, version: str, holding: set[str]) -> list[Finding]:
    """The finding(s) ``error`` at ``pointer`` gives (``holding``: the pointers that hold a finding)."""
    message = str(getattr(error, "message", error)).splitlines()[0]
    kind = type(error).__name__
    keyword = getattr(error, "validator", None)
    if kind == "UnresolvableParameterError":
        return _path_parameter(message)
    if kind == "ExtraParametersError":
        return [("invalid-required", _undeclared_required_at(data, message), say.undeclared_required(message))]
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        return _unknown_fields(data, pointer, error, message, version, holding)
    return _at_keyword(pointer, error, message, version, keyword)


def _at_keyword(pointer: str, error: Any, message: str, version: str, keyword: Any) -> list[Finding]:
    """The finding of a schema rule (``keyword``) broken at ``pointer``, classed by where it is."""
    parts = pointer_parts(pointer)
    if keyword == "uniqueItems" and parts and parts[-1] == "required":
        return [("invalid-required", pointer, say.repeated_required(message))]
    default_at = _default_of(parts)
    if default_at is not None:
        return [("invalid-default", pointer_join("", *parts[: default_at + 1]), say.invalid_default(message))]
    if parts and parts[-1] in LIMITS and (len(parts) < 2 or parts[-2] not in NAMED_CHILDREN):
        return [("invalid-schema-keyword", pointer, say.limit_keyword(parts[-1], error, message, version))]
    if parts and parts[-1] in UNREAD and (len(parts) < 2 or parts[-2] not in NAMED_CHILDREN):
        return [("invalid-schema-keyword", pointer, say.unread_keyword(parts[-1], message))]
    if keyword == "type" and len(parts) >= 3 and parts[-3] == "security" and parts[-2].isdigit():
        return [("invalid-scopes", pointer, say.invalid_scopes(parts[-1], message))]
    if keyword == "required":
        missing = say.missing_field(parts, message)
        if missing:
            return [("missing-field", pointer, missing)]
    return [("openapi-schema", pointer, message)]


def _path_parameter(message: str) -> list[Finding]:
    """A declared path parameter that is not a ``{name}`` of its path; none for a ``{name}`` of the path that no
    parameter declares (the SDK takes it as a string: :func:`generator.check.rules.check_operations` warns)."""
    match = _PATH_PARAMETER.match(message)
    if not match:
        return [("openapi-schema", "", message)]
    name, method, path = match.groups()
    if name in PATH_PLACEHOLDER.findall(path):
        return []
    return [("path-parameter", pointer_join("/paths", path, method), say.path_parameter(name, method, path))]


def _undeclared_required_at(data: dict[str, Any], message: str) -> str:
    """The first schema with ``allOf`` whose ``required`` holds the names the message lists ("" when none)."""
    start = message.find("[")
    try:
        names = set(ast.literal_eval(message[start:])) if start >= 0 else set()
    except (ValueError, SyntaxError, TypeError):
        names = set()
    for at, node in walk(data):
        if isinstance(node, dict) and "allOf" in node and isinstance(node.get("required"), list) and names <= set(map(str, node["required"])):
            return pointer_join(at, "required")
    return ""


def _unknown_fields(data: dict[str, Any], pointer: str, error: Any, message: str, version: str, holding: set[str]) -> list[Finding]:
    """One finding for the object at ``pointer``, naming the fields it may not have (none when each only
    echoes a finding inside that field: 3.1's ``unevaluatedProperties`` also rejects a field whose value failed)."""
    keys = [key for key in _unexpected(error, message) if pointer_join(pointer, key) not in holding]
    if version.startswith("3.2."):
        keys = [key for key in keys if key not in _READ_IN_32]
    if not keys:
        return []
    node = _node(data, pointer)
    in_path_item = isinstance(node, dict) and len(pointer_parts(pointer)) == 2 and pointer.startswith(("/paths/", "/webhooks/"))
    methods = [key for key in keys if in_path_item and isinstance(value := node.get(key), dict) and "responses" in value]
    schema = isinstance(node, dict) and not _SCHEMA_KEYS.isdisjoint(node)
    read = [key for key in keys if schema and key in _READ_AS_31]
    ignored = [key for key in keys if key not in read]
    return [("unknown-field", pointer, say.unknown_fields(ignored, read, methods, version))]


def _unexpected(error: Any, message: str) -> list[str]:
    """The fields an ``additionalProperties``/``unevaluatedProperties`` failure rejects."""
    for pattern in (_UNEXPECTED, _NOT_MATCHING):
        match = pattern.search(message)
        if match:
            try:
                found = ast.literal_eval(f"[{match.group(1)}]")
            except (ValueError, SyntaxError):
                continue
            return [str(key) for key in found]
    instance = getattr(error, "instance", None)
    return [str(key) for key in instance] if isinstance(instance, dict) else []


def _default_of(parts: list[str]) -> int | None:
    """The index of the ``default`` token a pointer goes through (a schema's default value), if any."""
    for index in range(len(parts) - 1, 0, -1):
        if parts[index] == "default" and parts[index - 1] not in NAMED_CHILDREN and (index < 2 or parts[index - 2] != "variables"):
            return index
    return None


def _node(data: Any, pointer: str) -> Any:
    """The value at ``pointer``; ``None`` where there is none."""
    try:
        return follow_pointer(data, pointer)
    except KeyError:
        return None
