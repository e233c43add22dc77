"""Generate every public document of the corpus and say how it went (``make corpus``).

Per document: operations, component schemas, inline objects that became models, seconds to generate, warnings, whether every
generated Python file compiles, whether the package imports, whether ``mypy --strict`` passes on it. The documents are copied into ``specs/``
here (``$CORPUS_DIR`` names another folder holding the same files); each has a config file
here, ``<document stem>.toml``, naming its package.

    python -m tests.generator.corpus.report [NAME ...]   # exit 1 when a document fails to generate, import or type-check
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import load_config
from generator.diagnostics import SpecError
from generator.pipeline import generate_files
from generator.write import write_tree

HERE = Path(__file__).resolve().parent
#: The copies in the repository (specs/README.md says where each comes from).
SPECS = HERE / "specs"
#: The corpus documents, by file name: what the README's table describes.
DOCUMENTS = ("petstore3.yaml", "spotify.yaml", "stripe-spec3.yaml", "openai.yaml", "box.json")

#: Makes the client class ``C`` with an API key, else (an OAuth2-only API) an access token, and closes it.
MADE_WITH_A_CREDENTIAL = "C(**{'api_key' if 'api_key' in inspect.signature(C).parameters else 'access_token': 'k'}).close()"


def corpus_dir() -> Path:
    """``$CORPUS_DIR`` when set, else the copies in the repository."""
    if os.environ.get("CORPUS_DIR"):
        return Path(os.environ["CORPUS_DIR"])
    return SPECS


@dataclass
class Outcome:
    """How one document went."""

    name: str
    operations: int = 0
    schemas: int = 0
    inline_models: int = 0
    seconds: float = 0.0
    warnings: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    compiles: bool = False
    imports: bool = False
    type_checks: bool = False
    details: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and self.compiles and self.imports and self.type_checks


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=900)


def uncompilable(out: Path) -> list[str]:
    """The Python files under ``out`` that do not compile, each with its error: all of them, also
    those an import never loads (API classes and models load lazily)."""
    problems = []
    for path in sorted(out.rglob("*.py")):
        try:
            compile(path.read_bytes(), str(path), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:  # ValueError: a NUL byte
            problems.append(f"{path.relative_to(out)}: {exc}")
    return problems


def run_document(spec: Path, out_root: Path, *, type_check: bool = True) -> Outcome:
    """Generate ``spec`` into ``out_root``, import the package in a fresh interpreter, run mypy --strict."""
    outcome = Outcome(spec.name)
    config = load_config(HERE / f"{spec.stem}.toml", spec)
    started = time.perf_counter()
    try:
        result = generate_files(spec, config=config.package)
    except SpecError as exc:
        outcome.errors = [d.format() for d in exc.diagnostics if d.severity == "error"]
        return outcome
    outcome.seconds = time.perf_counter() - started
    outcome.operations = len(result.api.operations)
    components = [s for s in result.api.schemas if s.pointer.startswith("/components/schemas/") and s.pointer.count("/") == 3]
    outcome.schemas = len(components)
    outcome.inline_models = len(result.api.schemas) - len(components)
    outcome.warnings = Counter(d.code for d in result.warnings)
    out = out_root / spec.stem
    write_tree(result.files, out)
    problems = uncompilable(out)
    outcome.compiles = not problems
    if problems:
        outcome.details = "\n".join(problems[:20])
        return outcome
    package = config.package.package
    # Models and API classes load lazily: import every one of them, by name, to check they all import.
    probe = (
        f"import inspect, {package}; from {package}.models import *; from {package}.resources import *; "
        f"C = {package}.{config.package.client_class}; {MADE_WITH_A_CREDENTIAL}"
    )
    imported = _run([sys.executable, "-c", probe], out)
    outcome.imports = imported.returncode == 0
    if not outcome.imports:
        outcome.details = imported.stderr[-2000:]
        return outcome
    if type_check:
        checked = _run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, package], out)
        outcome.type_checks = checked.returncode == 0
        if not outcome.type_checks:
            outcome.details = checked.stdout[-2000:]
    return outcome


def table(outcomes: list[Outcome]) -> str:
    lines = [
        "| document | operations | schemas | inline models | seconds | warnings | compiles | imports | type-checks |",
        "| --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        warnings = ", ".join(f"{code} {count}" for code, count in sorted(o.warnings.items())) or "none"
        if o.errors:
            warnings = f"ERRORS: {len(o.errors)}"
        lines.append(f"| {o.name} | {o.operations} | {o.schemas} | {o.inline_models} | {o.seconds:.1f} | {warnings} | {'yes' if o.compiles else 'no'} | {'yes' if o.imports else 'no'} | {'yes' if o.type_checks else 'no'} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    specs = corpus_dir()
    names = argv or list(DOCUMENTS)
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="corpus-") as temp:
        for name in names:
            outcome = run_document(specs / name, Path(temp))
            outcomes.append(outcome)
            for problem in outcome.errors[:20] + ([outcome.details] if outcome.details else []):
                print(f"{name}: {problem}", file=sys.stderr)
    print(table(outcomes))
    return 0 if all(o.ok for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
