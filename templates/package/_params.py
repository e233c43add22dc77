"""Parameters written the way OpenAPI 3's ``style`` and ``explode`` say (RFC 6570 for the path).

The generated methods call these only for parameters that need them (a style, a type or a
location httpx would not send right as it is, every cookie); the others go to httpx unchanged.
Every value is first made plain: ``True``/``False`` become ``true``/``false``, dates and
date-times ISO 8601 text, models the dict of their wire names (unset fields left out).
``None``, in a parameter or inside an array or object, is not sent.

| style | array ``[a, b]`` | object ``{x: 1, y: 2}`` |
| --- | --- | --- |
| query ``form``, explode | ``n=a&n=b`` | ``x=1&y=2`` |
| query ``form`` | ``n=a,b`` | ``n=x,1,y,2`` |
| query ``spaceDelimited`` / ``pipeDelimited`` | ``n=a b`` / ``n=a|b`` | ``n=x 1 y 2`` / ``n=x|1|y|2`` |
| query ``deepObject`` | ``n[0]=a&n[1]=b`` | ``n[x]=1&n[y]=2`` (nested: ``n[x][z]=...``) |
| path ``simple`` (explode) | ``a,b`` | ``x,1,y,2`` (``x=1,y=2``) |
| path ``label`` (explode) | ``.a,b`` (``.a.b``) | ``.x,1,y,2`` (``.x=1.y=2``) |
| path ``matrix`` (explode) | ``;n=a,b`` (``;n=a;n=b``) | ``;n=x,1,y,2`` (``;x=1;y=2``) |
| header ``simple`` (explode) | ``a,b`` | ``x,1,y,2`` (``x=1,y=2``) |
| cookie ``form`` (explode) | ``n=a,b`` (``n=a; n=b``) | ``n=x,1,y,2`` (``x=1; y=2``) |

A scalar is ``n=v`` in every query style, ``v`` in ``simple``, ``.v`` in ``label``, ``;n=v``
in ``matrix``. Path values are percent-encoded (``/`` too), the separators are not; query
values are encoded by httpx; cookie values are percent-encoded. ``json`` (a parameter given
as ``content: application/json``) sends the value as compact JSON text.

A query parameter with ``allowReserved: true`` is written by :func:`reserved_query` instead of
httpx: RFC 3986's reserved characters ``:/?[]@!$&'()*+,;=`` and ``%XX`` triplets go out as
they are (RFC 6570 reserved expansion); ``#`` stays ``%23``, since a request's URL ends there.
"""

from __future__ import annotations

import json as _json
import re
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from urllib.parse import quote

import pydantic

__all__ = [
    "Encoded",
    "cookie_pairs",
    "header_param",
    "path_param",
    "query_param",
    "reserved_query",
]


class Encoded(str):
    """A path value already percent-encoded by :func:`path_param`: ``path_template`` keeps it as it is."""

    __slots__ = ()


def _plain(value: Any) -> Any:
    """``value`` with models as dicts and ``None`` items left out (dates stay: :func:`_text` writes them)."""
    if isinstance(value, pydantic.BaseModel):
        value = value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items() if v is not None}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value if v is not None]
    return value


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, (dict, list)):
        return _json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return str(value)


def _pairs(value: Mapping[str, Any]) -> list[tuple[str, str]]:
    """An object as ``[(key, text)]`` (exploded)."""
    return [(k, _text(v)) for k, v in value.items()]


def _flat(value: Mapping[str, Any]) -> list[str]:
    """An object as ``[key, text, key, text...]`` (not exploded)."""
    return [part for pair in _pairs(value) for part in pair]


def _json_text(value: Any) -> str:
    return _json.dumps(
        _plain(value), separators=(",", ":"), ensure_ascii=False, default=_text
    )


_SEPARATORS = {"form": ",", "spaceDelimited": " ", "pipeDelimited": "|"}


def query_param(
    name: str, value: Any, style: str = "form", explode: bool = True
) -> dict[str, Any]:
    """The query items of one parameter, to spread into the request's ``params`` (``{}`` for ``None``)."""
    if value is None:
        return {}
    if style == "json":
        return {name: _json_text(value)}
    value = _plain(value)
    if style == "deepObject" and isinstance(value, (Mapping, list)):
        out: dict[str, Any] = {}
        _deep(name, value, out)
        return out
    if isinstance(value, Mapping):
        if explode and style == "form":
            return {k: _text(v) for k, v in value.items()}
        return {name: _SEPARATORS.get(style, ",").join(_flat(value))}
    if isinstance(value, list):
        texts = [_text(v) for v in value]
        if explode and style == "form":
            return {name: texts}
        return {name: _SEPARATORS.get(style, ",").join(texts)}
    return {name: _text(value)}


#: RFC 3986's reserved characters but ``#``: a literal ``#`` would end the URL (it starts the fragment).
_RESERVED = ":/?[]@!$&'()*+,;="
_TRIPLET = re.compile(r"%[0-9A-Fa-f]{2}")


def _reserved(text: str) -> str:
    """``text`` percent-encoded but for reserved characters and ``%XX`` triplets (RFC 6570 ``{+var}``)."""
    out: list[str] = []
    at = 0
    for match in _TRIPLET.finditer(text):
        out += [quote(text[at : match.start()], safe=_RESERVED), match.group()]
        at = match.end()
    out.append(quote(text[at:], safe=_RESERVED))
    return "".join(out)


def reserved_query(
    items: Mapping[str, Any], skip: Mapping[str, Any] | None = None
) -> bytes:
    """The query text of ``allowReserved`` parameters (as :func:`query_param` gives them): names
    percent-encoded, values with reserved characters as they are; names in ``skip`` (the
    call's ``extra_query``, which replaces them) and ``None`` values left out."""
    parts: list[str] = []
    for name, value in items.items():
        if value is None or (skip and name in skip):
            continue
        for item in value if isinstance(value, list) else (value,):
            text = item if isinstance(item, str) else _text(item)
            parts.append(f"{quote(name, safe='')}={_reserved(text)}")
    return "&".join(parts).encode("ascii")


def _deep(prefix: str, value: Any, out: dict[str, Any]) -> None:
    items = value.items() if isinstance(value, Mapping) else enumerate(value)
    for key, item in items:
        at = f"{prefix}[{key}]"
        if isinstance(item, (Mapping, list)):
            _deep(at, item, out)
        else:
            out[at] = _text(item)


def _encode(text: str) -> str:
    encoded = quote(text, safe="")
    return encoded.replace(".", "%2E") if set(encoded) == {"."} else encoded


def path_param(
    name: str, value: Any, style: str = "simple", explode: bool = False
) -> Encoded:
    """One path parameter, percent-encoded, with the prefix its style puts before it.

    Raises:
        ValueError: the value is ``None``, or empty in the ``simple`` style (it would change the path).
    """
    if value is None:
        raise ValueError(f"path parameter {name} must not be None")
    if style == "json":
        return Encoded(_encode(_json_text(value)))
    parts, named = _path_parts(_plain(value), style, explode)
    if style == "label":
        label = "." + ("." if explode else ",").join(parts)
        return Encoded(
            label.replace(".", "%2E") if set(label) == {"."} else label
        )  # never a dot segment
    if style == "matrix":
        return Encoded(_matrix(name, parts, named, explode))
    text = ",".join(parts)
    if not text:
        raise ValueError(f"{name} must not be empty")
    return Encoded(text)


def _path_parts(value: Any, style: str, explode: bool) -> tuple[list[str], bool]:
    """The encoded items of a path parameter's value, and whether a ``matrix`` style names each."""
    if isinstance(value, Mapping):
        if explode:
            return [f"{_encode(k)}={_encode(v)}" for k, v in _pairs(value)], False
        return [_encode(p) for p in _flat(value)], style == "matrix"
    items = value if isinstance(value, list) else [value]
    return [_encode(_text(v)) for v in items], style == "matrix"


def _matrix(name: str, parts: list[str], named: bool, explode: bool) -> str:
    """A ``matrix`` style path parameter: ``;name=a,b``, ``;name=a;name=b`` or ``;k=v;k2=v2``."""
    if not parts:
        return f";{name}"
    if named and explode:
        return "".join(f";{name}={p}" for p in parts)
    if named:
        return f";{name}=" + ",".join(parts) if parts != [""] else f";{name}"
    return "".join(";" + p for p in parts)


def header_param(
    value: Any, explode: bool = False, style: str = "simple"
) -> str | None:
    """One header parameter (``simple``): arrays and objects comma-separated; ``None`` for ``None``."""
    if value is None:
        return None
    if style == "json":
        return _json_text(value)
    value = _plain(value)
    if isinstance(value, Mapping):
        if explode:
            return ",".join(f"{k}={v}" for k, v in _pairs(value))
        return ",".join(_flat(value))
    if isinstance(value, list):
        return ",".join(_text(v) for v in value)
    return _text(value)


def cookie_pairs(
    name: str, value: Any, explode: bool = True, style: str = "form"
) -> list[tuple[str, str]]:
    """The ``(name, value)`` cookies of one cookie parameter (``form``), values percent-encoded."""
    if value is None:
        return []
    if style == "json":
        return [(name, quote(_json_text(value), safe=""))]
    value = _plain(value)
    if isinstance(value, Mapping):
        if explode:
            return [(quote(k, safe=""), quote(v, safe="")) for k, v in _pairs(value)]
        return [(name, ",".join(quote(p, safe="") for p in _flat(value)))]
    if isinstance(value, list):
        texts = [quote(_text(v), safe="") for v in value]
        return [(name, t) for t in texts] if explode else [(name, ",".join(texts))]
    return [(name, quote(_text(value), safe=""))]


def cookie_header(existing: str | None, pairs: list[tuple[str, str]]) -> str:
    """The ``Cookie`` header: the one the request already has (the HTTP client's cookies) and ``pairs``."""
    ours = "; ".join(f"{name}={value}" for name, value in pairs)
    return f"{existing}; {ours}" if existing else ours
