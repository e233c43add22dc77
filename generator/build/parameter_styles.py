"""How a parameter travels: OpenAPI's ``style`` and ``explode``, and whether the SDK's runtime
must serialise it (``_params.py``) or can hand the value to httpx as it is.

Defaults follow OpenAPI 3 (the view of :mod:`generator.read.operations` fills them in): ``form``
in the query and in cookies, ``simple`` in the path and in headers; ``explode`` is true for
``form`` and false for every other style. A parameter
given as ``content`` (one media type instead of a schema) is ``json`` when that media type
is JSON: its value is sent as JSON text.

Values httpx already writes the OpenAPI way skip the serializer, so the common case costs
nothing per call: strings, numbers and enums in any location, booleans in the query
(httpx writes ``true``/``false``), and arrays of those in a ``form`` query with ``explode``
(one ``name=value`` per element). Everything else, and every cookie, goes through it; so does
a query parameter with ``allowReserved: true``, whose items the runtime writes itself
(``_params.reserved_query``: reserved characters unencoded, where httpx would encode them).
"""

from __future__ import annotations

from generator.build.union_types import union_of
from generator.ir import PyType
from generator.read.media_types import is_json_media_type
from generator.read.operations import Parameter

_SCALARS = ("str", "int", "float")


def style_of(param: Parameter) -> tuple[str, bool]:
    """``(style, explode)`` of a parameter (the view has OpenAPI's defaults filled in); ``json`` for ``content`` in JSON."""
    if param.schema is None and param.content and is_json_media_type(param.content[0].media_type):
        return "json", False
    return param.style, param.explode


def _scalar(type_: PyType, booleans: bool) -> bool:
    if type_.kind == "enum":
        return True
    if type_.kind != "primitive":
        return False
    if type_.name.startswith("Literal["):
        return "True" not in type_.name and "False" not in type_.name or booleans
    return type_.name in _SCALARS or (booleans and type_.name == "bool")


def as_sent(type_: PyType) -> PyType:
    """A parameter's type as the runtime writes it: a ``tuple`` (3.1 ``prefixItems``) is a list of its
    items' types, which every style writes (the runtime's serializers know lists, not tuples)."""
    if type_.kind != "tuple":
        return type_
    return PyType("list", args=(union_of(list(type_.args), False),), nullable=type_.nullable)


def needs_serializer(location: str, style: str, explode: bool, type_: PyType, allow_reserved: bool = False) -> bool:
    """Whether the runtime's ``_params`` functions must write this parameter (see the module docstring)."""
    if location == "cookie" or style == "json" or allow_reserved:
        return True
    if location == "query":
        if _scalar(type_, booleans=True):
            return False
        return not (type_.kind == "list" and style == "form" and explode and _scalar(type_.args[0], booleans=True) and not type_.args[0].nullable)
    if location == "path" and type_.nullable:
        return True  # the serializer refuses None instead of writing "None" into the path
    return style != "simple" or not _scalar(type_, booleans=False)
