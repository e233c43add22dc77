"""What kind of OpenAPI object stands at a pointer of the document: where a ``$ref`` to another file is copied.

A ``$ref`` to an element of another file that is not itself at ``/components/<kind>/<name>`` there
(``parameters.yaml#/per_page``, a whole file ``responses/not_found.yaml``) is copied into the
``components`` section of the kind of object its place asks for: a reference in an operation's
``parameters`` list is a Parameter (``components/parameters``), one under ``responses`` a Response,
``requestBody`` a Request Body, and so on. Anything else, and everything below a schema, is a schema.

The kind follows from the path of keys alone, read from the root: ``paths`` -> path item -> operation
-> ``parameters`` -> index -> a parameter.
"""

from __future__ import annotations

from collections.abc import Container

from generator.diagnostics import pointer_parts

_METHODS = frozenset({"get", "put", "post", "delete", "options", "head", "patch", "trace"})

#: The ``components`` section for an object of each kind (a kind not here is copied as a schema).
SECTION_OF = {
    "parameter": "parameters",
    "response": "responses",
    "request_body": "requestBodies",
    "header": "headers",
    "example": "examples",
    "link": "links",
    "callback": "callbacks",
    "security_scheme": "securitySchemes",
    "schema": "schemas",
}
#: The kind of object each ``components`` section holds (3.1's ``pathItems`` too, though nothing is copied there).
_KIND_OF_SECTION = {**{section: kind for kind, section in SECTION_OF.items()}, "pathItems": "path_item"}

#: For each kind of object, the kind of what its keys hold (a key not listed leads to ``other``).
_FIELDS: dict[str, dict[str, str]] = {
    "document": {"paths": "path_items", "webhooks": "path_items", "components": "components"},
    "path_item": {"parameters": "parameter_list", **{method: "operation" for method in _METHODS}},
    "operation": {"parameters": "parameter_list", "requestBody": "request_body", "responses": "responses", "callbacks": "callback_map"},
    "response": {"headers": "header_map", "content": "content", "links": "link_map"},
    "request_body": {"content": "content"},
    "media_type": {"schema": "schema", "examples": "example_map", "encoding": "encoding_map"},
    "encoding": {"headers": "header_map"},
    "parameter": {"schema": "schema", "content": "content", "examples": "example_map"},
    "header": {"schema": "schema", "content": "content", "examples": "example_map"},
}

#: Maps whose every value is of one kind (a map of names, or the parameters list).
_VALUES: dict[str, str] = {
    "path_items": "path_item",
    "callback": "path_item",
    "parameter_list": "parameter",
    "responses": "response",
    "content": "media_type",
    "header_map": "header",
    "link_map": "link",
    "example_map": "example",
    "encoding_map": "encoding",
    "callback_map": "callback",
}


def _step(kind: str, token: str) -> str:
    if kind == "schema":
        return "schema"  # below a schema: subschemas (and values in it, which hold no references that count)
    if kind == "components":
        return f"section:{token}" if token in _KIND_OF_SECTION else "other"
    if kind.startswith("section:"):
        return _KIND_OF_SECTION[kind.removeprefix("section:")]
    if kind in _VALUES:
        return _VALUES[kind]
    return _FIELDS.get(kind, {}).get(token, "other")


def kind_at(pointer: str) -> str:
    """The kind of object at ``pointer`` of a document (``parameter``, ``response``, ``schema``, ... ``other``)."""
    kind = "document"
    for token in pointer_parts(pointer):
        kind = _step(kind, token)
    return kind


def enclosing(pointer: str, kinds: Container[str]) -> str | None:
    """The outermost object of one of ``kinds`` that ``pointer`` is at or below (``callback``, ``link`` ...), or ``None``."""
    kind = "document"
    for token in pointer_parts(pointer):
        kind = _step(kind, token)
        if kind in kinds:
            return kind
    return None


def section_at(pointer: str) -> str:
    """The ``components`` section (``parameters``, ``responses``...) an object at ``pointer`` belongs in; ``schemas`` when not known."""
    return SECTION_OF.get(kind_at(pointer), "schemas")
