""":class:`Note`: a warning the read stage finds, before the document it belongs to is made."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Note:
    """A warning found while reading: at ``pointer`` of the root document (``path`` None), or of another file at ``line``."""

    code: str
    pointer: str
    message: str
    path: Path | None = None
    line: int | None = None
