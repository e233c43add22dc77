# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
from __future__ import annotations

from pydantic import Field

from .._models import BaseModel

__all__ = ["ErrorResponse"]


class ErrorResponse(BaseModel):
    """The body of every 4xx and 5xx response.

    Source: spec ``#/components/schemas/ErrorResponse``.
    """

    status_code: int = Field(alias="statusCode")
    """The HTTP status code, repeated. Wire name ``statusCode``."""

    message: str | list[str]
    """What went wrong; validation failures list one message per problem."""

    error: str | None = None
    """The reason phrase of the status code. Optional."""
