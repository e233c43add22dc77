"""Which security schemes of a document the SDK can apply."""

from __future__ import annotations

from typing import Any


def kind_of(scheme: Any) -> str:
    """``bearer``, ``basic``, ``apiKey``, ``oauth2`` or ``openIdConnect`` for a scheme the SDK
    applies, else ``""`` (mutualTLS, HTTP schemes other than bearer and basic)."""
    if not isinstance(scheme, dict):
        return ""
    if scheme.get("type") in ("oauth2", "openIdConnect"):
        return str(scheme["type"])
    if scheme.get("type") == "http" and str(scheme.get("scheme", "")).lower() in ("bearer", "basic"):
        return str(scheme["scheme"]).lower()
    if scheme.get("type") == "apiKey" and scheme.get("in") in ("header", "query", "cookie") and isinstance(scheme.get("name"), str) and scheme["name"]:
        return "apiKey"
    return ""
