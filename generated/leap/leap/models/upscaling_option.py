# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = ["UpscalingOption"]

UpscalingOption: TypeAlias = Literal["x1", "x2", "x4"]
"""How much each image is upscaled after generation (1x, 2x or 4x its width and
height).

Source: spec ``#/components/schemas/UpscalingOption``.
"""
