"""Names of a package that are imported when first read (PEP 562 module ``__getattr__``).

Importing the package and its ``models`` stay cheap: a model, or an API class, is
imported on first use, with what it refers to and nothing else. Type checkers and IDEs see
every name through the package's ``TYPE_CHECKING`` imports.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_names(
    package: str, namespace: dict[str, Any], modules: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` of ``package``: ``modules`` maps each lazy name to its submodule.

    A name mapped to itself is the submodule (``"models": "models"``); other names are
    attributes of theirs (classes are PascalCase, modules snake_case, so the two never meet).

    A name, once imported, is stored in ``namespace`` (the package's globals), so the next
    lookup is a plain one.
    """

    def __getattr__(name: str) -> Any:
        module = modules.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        imported = importlib.import_module(f".{module}", package)
        value = imported if module == name else getattr(imported, name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted(set(namespace) | set(modules))

    return __getattr__, __dir__
