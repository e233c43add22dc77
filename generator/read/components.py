"""The reusable parts of a document under ``components``, one section at a time."""

from __future__ import annotations

from typing import Any


def component_section(data: dict[str, Any], section: str) -> dict[str, Any]:
    """``components.<section>`` (``schemas``, ``securitySchemes``...) by key; empty when it is absent or not a mapping."""
    components = data.get("components")
    found = components.get(section) if isinstance(components, dict) else None
    return found if isinstance(found, dict) else {}
