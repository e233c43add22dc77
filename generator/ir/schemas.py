"""The generated schemas: one model, enum or alias module each."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.ir.types import Field, PyType, Value


@dataclass(frozen=True)
class Model:
    """An object schema: one pydantic model."""

    name: str  # PascalCase class name
    module: str  # snake_case module name
    schema_name: str  # the key under components/schemas
    description: str
    fields: tuple[Field, ...]
    pointer: str
    exactly_one_of: tuple[tuple[str, ...], ...] = ()  # groups of wire names: exactly one must be set
    example: Value | None = None
    late_imports: tuple[str, ...] = ()  # schemas on an import cycle with this one: imported after the class
    #: The model this one is the request view of (``UserInput`` of ``User``: read-only properties
    #: left out, write-only ones required as declared); "" for a response view.
    request_view_of: str = ""
    kind: Literal["model"] = "model"

    @property
    def schema_refs(self) -> list[str]:
        """The schemas imported at the top of the model's module (``late_imports`` excluded)."""
        names: set[str] = set()
        for f in self.fields:
            names |= f.type.schema_names
        names.discard(self.name)
        return sorted(names - set(self.late_imports))


@dataclass(frozen=True)
class EnumValue:
    value: str | int
    python: str  # literal source text


@dataclass(frozen=True)
class Enum:
    """An enum schema: a ``Literal`` alias of its values."""

    name: str
    module: str
    schema_name: str
    description: str
    values: tuple[EnumValue, ...]
    pointer: str
    value_type: str = "str"
    kind: Literal["enum"] = "enum"

    @property
    def schema_refs(self) -> list[str]:
        return []


@dataclass(frozen=True)
class Alias:
    """Any other named schema (a union, an array, a formatted string): a type alias."""

    name: str
    module: str
    schema_name: str
    description: str
    type: PyType
    pointer: str
    request_view_of: str = ""  # the alias this one is the request view of (see :attr:`Model.request_view_of`)
    kind: Literal["alias"] = "alias"

    @property
    def schema_refs(self) -> list[str]:
        return sorted(self.type.schema_names - {self.name})


Schema = Model | Enum | Alias
