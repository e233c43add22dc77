# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""The base class of every generated model."""

from __future__ import annotations

from typing import Any

import pydantic


class BaseModel(pydantic.BaseModel):
    """A schema of the spec as a pydantic model.

    Attributes use snake_case; the wire names are their aliases, and either is accepted
    when building a model. Properties the spec does not declare are kept (see
    ``model_extra``), never dropped, so a response from a newer API still parses.
    """

    model_config = pydantic.ConfigDict(
        extra="allow",
        populate_by_name=True,
        protected_namespaces=(),
    )

    def to_dict(self, *, exclude_unset: bool = True) -> dict[str, Any]:
        """The model as JSON-ready data under its wire names, leaving out what was not set."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=exclude_unset)

    def to_json(self, *, indent: int | None = None, exclude_unset: bool = True) -> str:
        """The model as a JSON document under its wire names, leaving out what was not set."""
        return self.model_dump_json(
            indent=indent, by_alias=True, exclude_unset=exclude_unset
        )
