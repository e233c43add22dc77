"""What goes on the wire, described for docstrings and docs: parameter styles, credentials, security.

Registered as Jinja filters (:data:`FILTERS`). Code is marked with one backtick (Markdown);
docstrings double it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from generator.ir import Field, SecurityScheme

FILTERS = ("serialization", "sends")

#: What each style writes for an array ``[a, b]`` or an object ``{x: 1, y: 2}`` (``n``: the
#: parameter's name), as the runtime's ``_params`` writes it.
STYLE_EXAMPLES = {
    ("form", True, "array"): "{n}=a&{n}=b",
    ("form", False, "array"): "{n}=a,b",
    ("form", True, "object"): "x=1&y=2",
    ("form", False, "object"): "{n}=x,1,y,2",
    ("spaceDelimited", False, "array"): "{n}=a b",
    ("pipeDelimited", False, "array"): "{n}=a|b",
    ("deepObject", True, "array"): "{n}[0]=a&{n}[1]=b",
    ("deepObject", True, "object"): "{n}[x]=1&{n}[y]=2",
    ("simple", False, "array"): "a,b",
    ("simple", True, "array"): "a,b",
    ("simple", False, "object"): "x,1,y,2",
    ("simple", True, "object"): "x=1,y=2",
    ("label", False, "array"): ".a,b",
    ("label", True, "array"): ".a.b",
    ("label", False, "object"): ".x,1,y,2",
    ("label", True, "object"): ".x=1.y=2",
    ("matrix", False, "array"): ";{n}=a,b",
    ("matrix", True, "array"): ";{n}=a;{n}=b",
    ("matrix", False, "object"): ";{n}=x,1,y,2",
    ("matrix", True, "object"): ";x=1;y=2",
}


def _shape(field: Field) -> str:
    """``object``, ``array`` or "" (a single value): what the parameter's type is, for :data:`STYLE_EXAMPLES`."""
    kinds = {a.kind for a in field.type.args} if field.type.kind == "union" else {field.type.kind}
    return "object" if kinds & {"model", "dict"} else "array" if kinds & {"list", "tuple"} else ""


def serialization(field: Field) -> str:
    """How a parameter is written: ``style `deepObject`, exploded (`created[gt]=1`)``; "" without a style."""
    if not field.style:
        return ""
    if field.style == "json":
        return "JSON text (`content: application/json`)"
    shape = _shape(field)
    example = STYLE_EXAMPLES.get((field.style, field.explode, shape), "") if shape else ""
    text = f"style `{field.style}`, {'exploded' if field.explode else 'not exploded'}"
    text += f" (`{example.format(n=field.wire_name)}`)" if example else ""
    return text + (", reserved characters unencoded (`allowReserved`)" if field.allow_reserved else "")


def sends(scheme: SecurityScheme, argument: str = "") -> str:
    """What a security scheme puts on the wire: ``Authorization: Bearer <api_key>``; for the
    client ID and secret of a clientCredentials flow (``argument``), what goes to the token URL."""
    if argument in ("client_id", "client_secret"):
        return f"POST {scheme.token_url}: {argument}=<{argument}>"
    if scheme.bearer:
        return f"Authorization: Bearer <{scheme.arguments[0]}>"
    if scheme.kind == "basic":
        return f"Authorization: Basic <base64 of {scheme.arguments[0]}:{scheme.arguments[1]}>"
    if scheme.location == "header":
        return f"{scheme.wire_name}: <{scheme.arguments[0]}>"
    if scheme.location == "query":
        return f"query parameter {scheme.wire_name}=<{scheme.arguments[0]}>"
    return f"cookie {scheme.wire_name}=<{scheme.arguments[0]}>"


def security_sentence(op: Any, schemes: Sequence[SecurityScheme], quote: str, escape: Callable[[str], str] = str) -> str:
    """What ``op`` needs, as one sentence; ``quote`` marks code (a backtick in markdown, two in docstrings)."""
    by_name = {s.name: s for s in schemes}
    scopes = {name: ", ".join(f"{quote}{escape(scope)}{quote}" for scope in listed) for name, listed in op.security_scopes}
    options = []
    for alternative in op.security:
        if alternative:
            options.append(
                " and ".join(
                    f"{quote}{escape(sends(by_name[n]))}{quote} (scheme {quote}{escape(n)}{quote}{', scopes ' + scopes[n] if n in scopes else ''})"
                    for n in alternative
                    if n in by_name
                )
            )
        elif op.security_unapplied:
            names = ", ".join(f"{quote}{escape(n)}{quote}" for n in op.security_unapplied)
            options.append(f"{names} (not applied by the SDK: authenticate with {quote}extra_headers={quote} or your own {quote}http_client{quote})")
        else:
            options.append("no authentication")
    return "; or ".join(options) + "."
