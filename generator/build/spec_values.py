"""A spec's literals and texts as the IR holds them."""

from __future__ import annotations

import json
from typing import Any

from generator.ir import Value
from generator.literals import pyliteral
from generator.read.values import text

__all__ = ["description_of", "text", "value"]


def value(raw: Any) -> Value:
    """A spec literal with its Python source (``repr``) and its JSON text for docs."""
    return Value(value=raw, python=pyliteral(raw), text=json.dumps(raw, ensure_ascii=False))


def description_of(raw: dict[str, Any]) -> str:
    """A schema's ``description``, else its ``title``."""
    return text(raw.get("description")) or text(raw.get("title"))
