"""What the steps of the build share: the document and config, the Python names taken so far, the
type mapper, and the warnings found. One :class:`BuildContext` is made per build and passed to each step."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from generator.build import security
from generator.build.import_cycles import cyclic_aliases
from generator.reserved_names import RESERVED_CLASSES
from generator.build.schema_types import TypeMapper, literal_values
from generator.diagnostics import CODES, Diagnostics, pointer_join
from generator.ir import PackageConfig, SecurityScheme
from generator.naming import Namespace, class_identifier, identifier, module_name, words
from generator.read.components import component_section
from generator.read.document import Document
from generator.read.values import mapping


class BuildContext:
    """The state of one build: ``names`` (component schema -> class and module), the namespaces
    claimed names live in, the :class:`TypeMapper`, and the diagnostics (``found``)."""

    def __init__(self, document: Document, config: PackageConfig) -> None:
        self.document = document
        self.config = config
        self.found = Diagnostics()
        self.renamed: set[tuple[str, str]] = set()
        self.warned: set[tuple[str, str]] = set()
        self.classes = Namespace(RESERVED_CLASSES)
        self.modules = Namespace()
        self.examples: dict[tuple[str, int], Any] = {}  # (pointer, depth) -> what example_of composed there
        self.raw_schemas = component_section(document.data, "schemas")
        self.names: dict[str, tuple[str, str]] = {str(key): self._schema_names(str(key)) for key in self.raw_schemas}
        self.types = TypeMapper(document, {k: v[0] for k, v in self.names.items()}, self.unsupported)
        self.types.inlined = cyclic_aliases(self.raw_schemas, self.types.kinds)
        self.enum_bases = self._enum_bases()  # enum class -> the type of its values, when they share one
        self.types.classes = Namespace(set(self.classes.owners) | RESERVED_CLASSES)

    def _schema_names(self, key: str) -> tuple[str, str]:
        """Claim the class and module of component schema ``key``."""
        at = pointer_join("/components/schemas", key)
        cls = self.claim(self.classes, class_identifier(key, "Schema"), at, f"schema {key!r}", "class")
        return cls, self.claim(self.modules, module_name(cls) or "schema", at, f"schema {key!r}", "module")

    def _enum_bases(self) -> dict[str, str]:
        out = {}
        for key, kind in self.types.kinds.items():
            schema = self.raw_schemas.get(key)
            base = _value_type(literal_values(schema.get("enum")) or []) if kind == "enum" and isinstance(schema, dict) else None
            if base:
                out[self.names[key][0]] = base
        return out

    def target(self, raw: Any, pointer: str = "") -> tuple[str, dict[str, Any]]:
        """``(pointer, object)`` at the end of a ``$ref`` chain from ``raw``; ``{}`` when that is no object (or does not resolve)."""
        at, found = self.types.deref(raw, pointer)
        return at, mapping(found)

    @cached_property
    def security_schemes(self) -> tuple[SecurityScheme, ...]:
        """The security schemes the SDK applies (:mod:`generator.build.security`; validate warned about the rest)."""
        found = []
        for name, raw in component_section(self.document.data, "securitySchemes").items():
            at, scheme = self.types.deref(raw, pointer_join("/components/securitySchemes", name))
            found.append((str(name), at, scheme))
        return security.schemes(found, self.config.env_prefix)

    # -- diagnostics ---------------------------------------------------------------

    def warn(self, code: str, pointer: str, message: str, severity: str = "warning") -> None:
        """Report a warning (or an info), once per code and place (a body property is a model field and an argument too)."""
        if (code, pointer) in self.warned:
            return
        self.warned.add((code, pointer))
        self.found.add(self.document.diagnostic(code, severity, pointer, message, CODES[code][1]))

    def unsupported(self, pointer: str, message: str) -> None:
        self.warn("unsupported-schema", pointer, message)

    # -- names ---------------------------------------------------------------------

    def claim(self, namespace: Namespace, wanted: str, pointer: str, owner: str, what: str) -> str:
        """Take a Python name in ``namespace``; warn when it had to change because another name has it (once per pointer and owner)."""
        name, clash = namespace.claim(wanted, owner)
        if clash is not None and clash != owner and (pointer, owner) not in self.renamed:
            self.renamed.add((pointer, owner))
            self.warn("name-collision", pointer, f"{clash} and {owner} both become {what} {wanted!r}; {owner} is named {name!r}")
        return name

    def python_name(self, namespace: Namespace, wire_name: Any, pointer: str, what: str, source: str = "") -> str:
        """The snake_case name of a property or parameter, unique in ``namespace``; ``source`` says where it comes from."""
        wanted = identifier(wire_name, "field")
        if not words(str(wire_name)):
            self.warn("invalid-name", pointer, f"{what} {wire_name!r} has no letters or digits; it is named {wanted!r}")
        return self.claim(namespace, wanted, pointer, f"{source or what} {wire_name!r}", what)

    def claim_class(self, wanted: str, pointer: str, owner: str) -> str:
        """Take a class name beside the component and inline schemas' ones: ``wanted``, or when
        another class has it ``wanted_2`` (``_3``...) with a ``name-collision`` warning."""
        classes = self.types.classes
        taken = set(classes.owners) | classes.reserved
        if wanted not in taken:
            classes.owners[wanted] = owner
            return wanted
        number = 2
        while f"{wanted}_{number}" in taken:
            number += 1
        name = f"{wanted}_{number}"
        classes.owners[name] = owner
        schema = next((key for key, (cls, _) in self.names.items() if cls == wanted), None)
        clash = f"schema {schema!r}" if schema is not None else f"inline schema {wanted!r}" if wanted in classes.owners else f"the SDK's {wanted!r}"
        self.warn("name-collision", pointer, f"{clash} and {owner} both become class {wanted!r}; {owner} is named {name!r}")
        return name


def _value_type(values: list[Any]) -> str | None:
    """``str`` or ``int`` when every enum value is one (``bool`` is no ``int`` here), else ``None``."""
    if values and all(isinstance(v, str) for v in values):
        return "str"
    if values and all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "int"
    return None
