"""The base class of every generated model, and ``DateTime``, the type of their timestamps.

Only models import this module (and with it ``pydantic.main``): importing the package and
making a client do not.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Annotated, Any, TypeAlias, Union, get_args

import pydantic
from pydantic import AwareDatetime, BeforeValidator, Field

_NO_OFFSET = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$")


def _lenient_datetime(value: Any) -> Any:
    """Accept PostgreSQL text: widen an hour-only offset (``+00``) to ``+00:00``; read no offset as UTC."""
    if isinstance(value, str):
        value = value.strip()
        if value[-3:-2] in ("+", "-") and value[-2:].isdigit():
            value += ":00"
        elif _NO_OFFSET.match(value):
            value += "+00:00"
    return value


DateTime: TypeAlias = Annotated[
    AwareDatetime | Annotated[datetime, BeforeValidator(_lenient_datetime)],
    Field(union_mode="left_to_right"),
]
"""A point in time: ISO-8601 or PostgreSQL text on the wire, a timezone-aware ``datetime`` in Python.

Text with a full offset (ISO-8601: ``2023-06-20T07:04:01.634Z``) is read by pydantic-core
alone; only other text (``2023-06-20 07:04:01.634307+00``, or no offset, read as UTC) goes
through :func:`_lenient_datetime` first.
"""


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
        # A model's validator is built when it is first used, not when its class is defined:
        # a response model that refers to hundreds of others (Stripe's) builds one validator,
        # not one per model it refers to.
        defer_build=True,
    )

    @property
    def _request_id(self) -> str | None:
        """The request ID header of the response this model was read from (the header the
        SDK was generated for); ``None`` for a model you made, or when the API sent none.
        Not a field: it is neither compared nor dumped."""
        headers = self.__dict__.get("_response_headers")
        if headers is None:
            return None
        from ._exceptions import REQUEST_ID_HEADER

        value: str | None = headers.get(REQUEST_ID_HEADER)
        return value

    def to_dict(self, *, exclude_unset: bool = True) -> dict[str, Any]:
        """The model as JSON-ready data under its wire names, leaving out what was not set."""
        return self.model_dump(mode="json", by_alias=True, exclude_unset=exclude_unset)

    def to_json(self, *, indent: int | None = None, exclude_unset: bool = True) -> str:
        """The model as a JSON document under its wire names, leaving out what was not set."""
        return self.model_dump_json(
            indent=indent, by_alias=True, exclude_unset=exclude_unset
        )


class UnknownVariant(BaseModel):
    """A branch of a discriminated union this SDK does not know: the API added it after the
    SDK was generated. Every field is kept, under its wire name, in ``model_extra``
    (``variant.model_extra["type"]``), so match on the known classes first and on this last::

        match pet:
            case Cat(): ...
            case Dog(): ...
            case UnknownVariant(): ...
    """


class OpenUnion:
    """Marks a discriminated union that is open to branches the SDK does not know.

    Used as ``Annotated[Cat | Dog | UnknownVariant, OpenUnion("pet_type")]``: data whose
    discriminator (the field ``pet_type`` of each known branch) selects a known branch is
    validated as that branch (and fails as it would); data with another value, or none,
    becomes an :class:`UnknownVariant`.
    """

    def __init__(self, discriminator: str) -> None:
        self.discriminator = discriminator

    def __get_pydantic_core_schema__(
        self, source: Any, handler: pydantic.GetCoreSchemaHandler
    ) -> Any:
        members = tuple(
            member for member in get_args(source) if member is not UnknownVariant
        )
        fields = [member.model_fields[self.discriminator] for member in members]
        known = {value for field in fields for value in get_args(field.annotation)}
        wire = fields[0].alias or self.discriminator

        def unknown(variant: UnknownVariant) -> UnknownVariant:
            found = (variant.model_extra or {}).get(wire)
            if found in known:
                raise ValueError(
                    f"{wire}={found!r} selects a known branch, but the data does not fit it"
                )
            return variant

        union: Any = (
            Union  # built at runtime from the members: no static type to give mypy
        )
        closed = Annotated[
            union[members], pydantic.Field(discriminator=self.discriminator)
        ]
        fallback = Annotated[UnknownVariant, pydantic.AfterValidator(unknown)]
        return handler.generate_schema(
            Annotated[
                union[closed, fallback], pydantic.Field(union_mode="left_to_right")
            ]
        )
