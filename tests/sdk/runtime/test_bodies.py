"""The runtime's form and raw body encoders (``_bodies``): the rules their docstrings state."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest
from hypothesis import given
from hypothesis import strategies as st

from leap._bodies import EncodedBody, binary_body, form_body, form_pairs

KEYS = st.text(st.characters(codec="utf-8", exclude_characters="[]"), min_size=1, max_size=6)
SCALARS = st.one_of(st.text(max_size=8), st.integers(), st.booleans())
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, min_size=1, max_size=3), st.dictionaries(KEYS, inner, min_size=1, max_size=3)), max_leaves=12)


def _as_text(value: Any) -> Any:
    """``value`` as the form sends it: scalars as text, booleans as ``true``/``false``."""
    if isinstance(value, dict):
        return {key: _as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return {str(index): _as_text(item) for index, item in enumerate(value)}
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _unflatten(pairs: list[tuple[str, str]]) -> dict[str, Any]:
    """Read ``name[a][0]=v`` pairs back into nested dicts (array indexes as keys)."""
    out: dict[str, Any] = {}
    for name, value in pairs:
        head, rest = re.match(r"([^\[]*)(.*)", name, re.S).groups()  # type: ignore[union-attr]
        keys = [head, *re.findall(r"\[([^\]]*)\]", rest)]
        node = out
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return out


@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_deep_object_round_trips(fields: dict[str, Any]) -> None:
    styles = {name: ("deepObject", True) for name in fields}
    body = form_body(fields, styles)
    if body is None:
        assert fields == {}
        return
    assert body.content_type == "application/x-www-form-urlencoded"
    assert _unflatten(parse_qsl(body.content.decode("ascii"), keep_blank_values=True)) == _as_text(fields)


def test_none_is_left_out_at_any_depth_and_nothing_gives_no_body() -> None:
    assert form_pairs({"a": None, "b": {"c": None, "d": 1}, "e": [None, 2]}, {"b": ("deepObject", True), "e": ("deepObject", True)}) == [("b[d]", "1"), ("e[1]", "2")]
    assert form_body({"a": None}) is None and form_body(None) is None


def test_form_styles() -> None:
    fields = {"tag": ["a", "b"], "point": {"x": 1, "y": True}, "q": "a b&c"}
    assert form_pairs(fields) == [("tag", "a"), ("tag", "b"), ("x", "1"), ("y", "true"), ("q", "a b&c")]
    assert form_pairs(fields, {"tag": ("form", False), "point": ("form", False)})[:2] == [("tag", "a,b"), ("point", "x,1,y,true")]
    assert form_pairs({"t": ["a", "b"]}, {"t": ("spaceDelimited", False)}) == [("t", "a b")]
    assert form_pairs({"t": {"k": [1, None]}}, {"t": ("json", True)}) == [("t", '{"k":[1,null]}')]
    assert form_body({"q": "a b&c", "m": {"k": "v"}}, {"m": ("deepObject", True)}) == EncodedBody(b"q=a+b%26c&m%5Bk%5D=v", "application/x-www-form-urlencoded")


def test_raw_content_and_its_type(tmp_path: Path) -> None:
    png = b"\x89PNG\r\n\x1a\nrest"
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff")
    assert binary_body(png, ("application/octet-stream",)) == EncodedBody(png, "application/octet-stream")
    assert binary_body("caf\u00e9", ("text/plain",)) == EncodedBody(b"caf\xc3\xa9", "text/plain")
    from_file = binary_body(io.BytesIO(png), ("image/*",))  # a file is streamed (see test_uploads.py)
    assert from_file.content_type == "image/png" and b"".join(from_file.content) == png  # type from the bytes
    from_path = binary_body(photo, ("image/png", "image/jpeg"))
    assert from_path.content_type == "image/jpeg" and b"".join(from_path.content) == b"\xff\xd8\xff"  # from the name
    assert binary_body(b"\x00", ("image/png", "image/jpeg")) == EncodedBody(b"\x00", "image/png")  # not allowed: the first declared
    assert binary_body(b"\x00", ("image/*",)) == EncodedBody(b"\x00", "application/octet-stream")
    assert binary_body("a,b", ("*/*",)) == EncodedBody(b"a,b", "text/plain")
    with pytest.raises(TypeError):
        binary_body(3, ("text/plain",))  # type: ignore[arg-type]
