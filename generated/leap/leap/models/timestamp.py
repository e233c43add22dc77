# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from typing import TypeAlias

from .._models import DateTime

__all__ = ["Timestamp"]

Timestamp: TypeAlias = DateTime
"""A point in time. ISO-8601 (`2023-06-20T07:04:01.634Z`) in current responses;
PostgreSQL text (`2023-06-20 07:04:01.634307+00`) in some older ones. The API writes
UTC, so text without an offset is UTC. The SDK reads every form as a timezone-aware
datetime.

Source: spec ``#/components/schemas/Timestamp``.
"""
