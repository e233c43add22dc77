"""The IR's building blocks: types of generated code, spec literals, fields and arguments."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

TypeKind = Literal["primitive", "model", "enum", "alias", "list", "tuple", "dict", "union", "any", "file"]


@dataclass(frozen=True)
class PyType:
    """A Python type expression in generated code.

    ``primitive`` names a builtin or runtime type (``str``, ``int``, ``DateTime``);
    ``model``/``enum``/``alias`` name a generated schema; ``list``/``tuple``/``dict``/``union``
    combine ``args`` (a ``tuple`` has one per position); ``any`` is ``Any``; ``file`` is a file to upload.
    """

    kind: TypeKind
    name: str = ""
    args: tuple["PyType", ...] = ()
    nullable: bool = False
    discriminator: str = ""  # a union of models told apart by this field (its Python name)

    @property
    def schema_names(self) -> frozenset[str]:
        """Names of the generated schemas this type refers to (for imports and links)."""
        names = {self.name} if self.kind in ("model", "enum", "alias") else set()
        for arg in self.args:
            names |= arg.schema_names
        return frozenset(names)

    @property
    def runtime_names(self) -> frozenset[str]:
        """Names this type needs from the SDK runtime (``_types``)."""
        names = {self.name} if self.kind == "primitive" and self.name in ("DateTime", "UploadContent") else set()
        if self.kind == "file":
            names.add("FileInput")
        for arg in self.args:
            names |= arg.runtime_names
        return frozenset(names)

    @property
    def uses_any(self) -> bool:
        return self.kind == "any" or any(a.uses_any for a in self.args)

    @property
    def uses_literal(self) -> bool:
        return (self.kind == "primitive" and self.name.startswith("Literal[")) or any(a.uses_literal for a in self.args)

    @property
    def uses_discriminator(self) -> bool:
        """Whether the annotation holds ``Annotated[... | UnknownVariant, OpenUnion(...)]`` (an open discriminated union)."""
        return bool(self.discriminator) or any(a.uses_discriminator for a in self.args)

    @property
    def uses_date(self) -> bool:
        return (self.kind == "primitive" and self.name == "date") or any(a.uses_date for a in self.args)

    def with_nullable(self, nullable: bool = True) -> "PyType":
        return PyType(self.kind, self.name, self.args, nullable, self.discriminator)


@dataclass(frozen=True)
class Value:
    """A literal from the spec (a default or example), kept with its Python source text."""

    value: Any
    python: str  # repr() of the value: a valid Python literal
    text: str  # how docs show it (JSON text)


@dataclass(frozen=True)
class Field:
    """One property of an object schema, or one keyword argument of an operation."""

    name: str  # Python name (snake_case)
    wire_name: str  # the name in the spec and on the wire
    type: PyType
    required: bool
    description: str
    pointer: str
    location: str = "body"  # body, form, content (a whole raw body), path, query, header, cookie
    default: Value | None = None
    example: Value | None = None
    constraints: tuple[str, ...] = ()  # human-readable limits, e.g. "multiple of 8"
    unit: str = ""
    #: Parameters: OpenAPI's ``style`` and ``explode`` (the location's defaults when the spec
    #: gives none); ``serialized`` says the value goes through the runtime's ``_params``
    #: functions (a style, a type or a location httpx would not send right as it is).
    style: str = ""
    explode: bool = False
    serialized: bool = False
    #: A query parameter's ``allowReserved``: its value goes out with RFC 3986's reserved characters unencoded.
    allow_reserved: bool = False
    #: The spec marks the property or parameter ``deprecated``: using it warns (``DeprecationWarning``).
    deprecated: bool = False

    @property
    def has_alias(self) -> bool:
        return self.name != self.wire_name

    @property
    def mutable_default(self) -> bool:
        """An optional argument's list or dict default: ``None`` in the signature, applied (a new
        object each call) in the method; a default object would be shared by every call."""
        return not self.required and self.default is not None and isinstance(self.default.value, (list, dict))
