"""Python source text for IR objects: literals, field defaults, the items of a request, the
client's credential lines.

Registered as Jinja filters by :mod:`generator.render.output`, so templates keep only layout.
Every string from the spec reaches generated code through :func:`pyrepr` (a literal) or
:mod:`generator.render.docstring_text` (escaped text), never pasted raw: a description cannot
end a docstring or a literal early. The docstrings themselves are :mod:`generator.render.docstrings`.
"""

from __future__ import annotations

from typing import Any

from generator.ir import Field, Operation
from generator.literals import pyliteral, string_literal
from generator.render.docstring_text import escape
from generator.render.wire import sends

FILTERS = (
    "pyrepr",
    "field_assignment",
    "error_models",
    "wire_item",
    "credential_doc",
    "missing_credentials_doc",
    "status_text",
)


def pyrepr(value: Any) -> str:
    """A Python literal for ``value`` (str, int, float, bool, None, list, dict), quoted as black
    quotes it; an infinite or NaN float is ``float("inf")``, also inside lists and dicts."""
    return pyliteral(value)


def field_assignment(field: Field) -> str:
    """What follows the annotation of a model field: `` = default`` or `` = Field(...)``."""
    default = None if field.required else (field.default.python if field.default is not None else "None")
    if not field.has_alias:
        return "" if default is None else f" = {default}"
    return f" = Field({'' if default is None else f'default={default}, '}alias={string_literal(field.wire_name)})"


def error_models(op: Operation, api: Any) -> str:
    """A dict literal of the error body model of each error response, as ``(module, class name)``.

    The runtime imports a model only when a response with its status arrives: error models
    (Stripe's ``error`` reaches half of its schemas) cost a successful call nothing.
    """
    items = [
        f"{string_literal(r.status)}: ({string_literal(api.schema(r.type.name).module)}, {string_literal(r.type.name)})"
        for r in op.errors
        if r.type is not None and r.type.kind == "model"
    ]
    return "{" + ", ".join(items) + "}"


def credential_doc(api: Any, argument: str) -> str:
    """What the client argument ``argument`` is, for the client's docstring (one line)."""
    if argument == "password":
        return "The password of HTTP basic authentication, with ``username``; may be left out (empty)."
    schemes = [s for s in api.security if argument in s.arguments]
    if not schemes:
        return "Not used: the spec declares no security scheme the SDK applies that takes it."
    scheme = schemes[0]
    what = "The user name of HTTP basic authentication." if scheme.kind == "basic" else "The API key."
    return f"{what} Sent as ``{escape(sends(scheme))}`` (scheme ``{escape(scheme.name)}``)."


def missing_credentials_doc(api: Any) -> str:
    """The ``Raises:`` line of a client whose spec requires credentials for every operation."""
    options = [" and ".join(f"``{api.scheme(n).arguments[0]}`` (``{api.scheme(n).env[0]}``)" for n in alternative) for alternative in api.default_security]
    return "Neither " + " nor ".join(options) + " was given." if len(options) > 1 else f"No {options[0]} was given."


def wire_item(field: Field) -> str:
    """The item a generated method writes for one parameter: in the path or headers dict, the
    query dict (a ``**`` spread when serialised) or the cookie list (a ``*`` spread).

    Only parameters marked ``serialized`` go through the runtime's ``_params`` functions.
    """
    key = pyrepr(field.wire_name)
    json = ", 'json'" if field.style == "json" else ""
    if field.location == "cookie":
        return f"*cookie_pairs({key}, {field.name}, {field.explode}{json})"
    if not field.serialized:
        return f"{key}: {field.name}"
    if field.location == "query":
        return f"**query_param({key}, {field.name}, {pyrepr(field.style)}, {field.explode})"
    if field.location == "path":
        return f"{key}: path_param({key}, {field.name}, {pyrepr(field.style)}, {field.explode})"
    return f"{key}: header_param({field.name}, {field.explode}{json})"


def status_text(status: str) -> str:
    """A response status for people: ``404``; a range ``5XX`` as ``500 and above``."""
    return f"{status[0]}00 and above" if status.endswith("XX") else status
