"""A corpus document's generated package, imported into the test's own interpreter for as long as a test needs it.

``report.run_document`` imports every package in a fresh interpreter; the tests that drive a generated
client themselves (a mock transport, a local server) import it here, and must leave ``sys.path`` and
``sys.modules`` as they found them, so that no later test sees the package or one of its modules.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType

from tests.generator.corpus.report import Document, run_document


@contextmanager
def imported_package(document: Document, out: Path) -> Iterator[ModuleType]:
    """Generate ``document`` into ``out / document.name`` (it must generate with no error, compile and import,
    else the test fails with the reason) and yield its package, imported; on leaving, the package's folder is
    taken off ``sys.path`` and the package and every module of it out of ``sys.modules``."""
    outcome = run_document(document, out, type_check=False)
    assert outcome.errors == [] and outcome.compiles and outcome.imports, outcome.errors or outcome.details
    folder = str(out / document.name)
    package = document.config.package
    assert package not in sys.modules, f"{package} is imported already: the new one would not be"
    sys.path.insert(0, folder)
    try:
        yield importlib.import_module(package)
    finally:
        sys.path.remove(folder)
        for name in [m for m in sys.modules if m == package or m.startswith(f"{package}.")]:
            del sys.modules[name]
