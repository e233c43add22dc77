"""The class name of an inline object schema, made from where it is in the document:
``/components/schemas/Pet/properties/category`` -> ``PetCategory``, the 200 response of
``get_pet`` -> ``GetPetResponse``, an array's items -> ``...Item`` (a tuple's ``...ItemN``), a schema of
``$defs`` its name (``Shape/$defs/Label`` -> ``ShapeLabel``); the branches of an
``allOf`` add nothing, those of a ``oneOf``/``anyOf`` ``OptionN``."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from generator.diagnostics import pointer_parts
from generator.naming import pascal_case, words
from generator.read.document import Document, UnresolvedRef

#: The suffix of an inline schema's base name, by the components section it is in.
COMPONENT_SUFFIXES = {"schemas": "", "responses": "Response", "requestBodies": "Request", "parameters": "Param", "headers": "Header"}

#: What a single token adds to the name (any other token with letters or digits adds itself, PascalCased).
SINGLE_TOKENS = {"items": "Item", "additionalProperties": "Value", "unevaluatedProperties": "Value", "requestBody": "Request", "schema": ""}

ParameterName = Callable[[int], str]
"""``parameter_name(depth)``: the PascalCase name of the parameter at the first ``depth`` tokens of the pointer."""


def inline_name(document: Document, pointer: str, names: dict[str, str], operation_names: dict[str, str]) -> str:
    """The name of the inline schema at ``pointer``: the name of what holds it, then a part for each step down.

    ``names`` are the classes of component schemas, ``operation_names`` the PascalCase names of
    operations' methods by their pointer (``/paths/<path>/<method>``).
    """
    tokens = pointer_parts(pointer)
    base, rest = _base(tokens, names, operation_names)
    offset = len(tokens) - len(rest)
    return base + "".join(_parts(rest, lambda index: parameter_name(document, pointer, offset + index))) or "Inline"


def parameter_name(document: Document, pointer: str, depth: int) -> str:
    """The PascalCase name of the parameter whose pointer is the first ``depth`` tokens of ``pointer``."""
    prefix = "/".join(pointer.split("/")[: depth + 1])
    try:
        _, param = document.deref(prefix, document.resolve("#" + prefix)[1])
    except UnresolvedRef:
        return "Param"
    name = param.get("name") if isinstance(param, dict) else None
    return pascal_case(name) if isinstance(name, str) and words(name) else "Param"


def _base(tokens: list[str], names: dict[str, str], operation_names: dict[str, str]) -> tuple[str, list[str]]:
    """The name of the operation or component the pointer starts in, and the tokens after it."""
    if len(tokens) >= 3 and tokens[0] == "paths":
        key = "/" + "/".join(t.replace("~", "~0").replace("/", "~1") for t in ["paths", tokens[1], tokens[2]])
        return operation_names.get(key) or pascal_case(f"{tokens[2]} {tokens[1]}"), tokens[3:]
    if len(tokens) >= 3 and tokens[0] == "components":
        named = names.get(tokens[2]) if tokens[1] == "schemas" else None
        return named or pascal_case(tokens[2]) + COMPONENT_SUFFIXES.get(tokens[1], ""), tokens[3:]
    return "Inline", tokens


def _parts(rest: list[str], parameter_name: ParameterName) -> Iterator[str]:
    """A name part for each step: a pair of tokens (``properties/<name>``) or a single one."""
    index = 0
    while index < len(rest):
        following = rest[index + 1] if index + 1 < len(rest) else ""
        part = _pair(rest[index], following, lambda: parameter_name(index + 2))
        if part is None:
            yield _single(rest[index])
            index += 1
        else:
            yield part
            index += 2


def _pair(token: str, following: str, parameter_name: Callable[[], str]) -> str | None:
    """The part ``token`` and ``following`` make together ("" for none), or ``None`` when they are not a pair."""
    if not following:
        return None
    if token in ("properties", "patternProperties", "$defs", "definitions"):
        return pascal_case(following) if words(following) else "Field"
    if token == "responses":
        return "Response" if following.startswith("2") else f"Error{pascal_case(following)}"
    if token == "content":
        return ""
    if not following.isdigit():
        return None
    if token in ("anyOf", "oneOf"):
        return f"Option{int(following) + 1}"
    if token == "prefixItems":
        return f"Item{int(following) + 1}"
    if token == "parameters":
        return parameter_name()
    return "" if token == "allOf" else None  # the branches of an allOf are one object


def _single(token: str) -> str:
    if token in SINGLE_TOKENS:
        return SINGLE_TOKENS[token]
    return pascal_case(token) if words(token) else ""
