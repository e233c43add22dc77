# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["JobState"]

JobState: TypeAlias = Literal["queued", "processing", "finished", "failed"]
"""Where a job stands: `queued` (waiting for a worker), `processing` (running),
`finished` (done, results available) or `failed`. The API may add states; the SDK
keeps a state it does not know as a plain string.

Source: spec ``#/components/schemas/JobState``.
"""
