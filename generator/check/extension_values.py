"""What every ``x-`` extension check shares: its error, and the test of a numeric setting."""

from __future__ import annotations

from typing import Any

from generator.diagnostics import CODES, Diagnostic
from generator.read.document import Document


def invalid(document: Document, pointer: str, message: str) -> Diagnostic:
    """The ``invalid-extension`` error at ``pointer``."""
    return document.diagnostic("invalid-extension", "error", pointer, message, CODES["invalid-extension"][1])


def is_number(value: Any, minimum: float = 0.0, *, above: bool = False, integer: bool = False) -> bool:
    """``value`` is a number (a ``bool`` is none) of at least ``minimum``, or above it when ``above``;
    an ``int`` when ``integer``."""
    kinds = int if integer else (int, float)
    if not isinstance(value, kinds) or isinstance(value, bool):
        return False
    return value > minimum if above else value >= minimum
