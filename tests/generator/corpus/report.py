"""Generate every public document of the corpus and say how it went (``make corpus``).

Per document: operations, component schemas, inline objects that became models, seconds to generate, warnings, whether every
generated Python file compiles, whether the package imports, whether ``mypy --strict`` passes on it. The documents are copied into ``specs/``
here (``$CORPUS_DIR`` names another folder holding the same files); each has a manifest, ``documents/<name>.toml``: where it comes
from, its digest and licence, the counts it must give, and its generator config (the ``[generator]`` table).

    python -m tests.generator.corpus.report [--write] [--keep FOLDER] [NAME ...]   # exit 1 when one fails

``--write`` also writes the table into ``REPORT.md`` (the committed evidence; the rows there of documents not
run this time are kept); ``--keep FOLDER`` writes the
packages into ``FOLDER/<name>/`` instead of a temporary folder.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from generator.config import PackageConfig, check_values
from generator.diagnostics import SpecError
from generator.pipeline import generate_files
from generator.write import write_tree

HERE = Path(__file__).resolve().parent
#: The copies in the repository (specs/README.md says where each comes from).
SPECS = HERE / "specs"
#: One manifest per document.
MANIFESTS = HERE / "documents"
REPORT = HERE / "REPORT.md"


@dataclass(frozen=True)
class Document:
    """One corpus document, as its manifest (``documents/<name>.toml``) describes it."""

    name: str  #: the manifest's stem: the test id and the output folder
    file: str  #: the document (its entry file, for one split over many) under ``specs/``
    tree: str  #: for a document split over many files: the folder under ``specs/`` holding them all, else ""
    licence_file: str
    sha256: str  #: of ``file``; of every file under ``tree`` (see :func:`digest`) when there is one
    operations: int
    schemas: int
    type_check: bool  #: ``make test`` runs mypy --strict on it (``make corpus`` runs it on all)
    config: PackageConfig
    manifest: dict[str, object]


def load_documents() -> dict[str, Document]:
    """Every manifest under ``documents/``, by name (sorted)."""
    documents = {}
    for path in sorted(MANIFESTS.glob("*.toml")):
        text = path.read_text(encoding="utf-8")
        values = tomllib.loads(text)
        documents[path.stem] = Document(
            name=path.stem,
            file=values["file"],
            tree=values.get("tree", ""),
            licence_file=values["licence_file"],
            sha256=values["sha256"],
            operations=values["operations"],
            schemas=values["schemas"],
            type_check=values.get("type_check", False),
            config=check_values(values.get("generator", {}), path, text),
            manifest=values,
        )
    return documents


def digest(path: Path) -> str:
    """SHA-256 of a file; of a folder, over each file's relative path and SHA-256, in sorted order."""
    if path.is_file():
        return hashlib.sha256(path.read_bytes()).hexdigest()
    lines = [f"{p.relative_to(path).as_posix()} {hashlib.sha256(p.read_bytes()).hexdigest()}\n" for p in sorted(path.rglob("*")) if p.is_file()]
    return hashlib.sha256("".join(lines).encode()).hexdigest()


DOCUMENTS = load_documents()

#: The keyword arguments (an expression) that give the client class ``C`` one credential: an API key, else an
#: access token (an OAuth2-only API), else a user name (HTTP basic auth only), else none (no security scheme).
CREDENTIALS = "{k: 'k' for k in [p for p in ('api_key', 'access_token', 'username') if p in inspect.signature(C).parameters][:1]}"
#: Makes the client class ``C`` with its credential, and closes it.
MADE_WITH_A_CREDENTIAL = f"C(**{CREDENTIALS}).close()"


def corpus_dir() -> Path:
    """``$CORPUS_DIR`` when set, else the copies in the repository."""
    if os.environ.get("CORPUS_DIR"):
        return Path(os.environ["CORPUS_DIR"])
    return SPECS


@dataclass
class Outcome:
    """How one document went."""

    name: str
    openapi: str = ""
    operations: int = 0
    schemas: int = 0
    inline_models: int = 0
    seconds: float = 0.0
    warnings: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    compiles: bool = False
    imports: bool = False
    type_checks: bool = False
    checked: bool = False  #: mypy ran
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


def run_document(document: Document, out_root: Path, *, type_check: bool = True) -> Outcome:
    """Generate ``document`` into ``out_root / document.name``, import the package in a fresh interpreter, run mypy --strict."""
    outcome = Outcome(document.name, str(document.manifest.get("openapi", "")))
    config = document.config
    spec = corpus_dir() / document.file
    started = time.perf_counter()
    try:
        result = generate_files(spec, config=config)
    except SpecError as exc:
        outcome.errors = [d.format() for d in exc.diagnostics if d.severity == "error"]
        return outcome
    outcome.seconds = time.perf_counter() - started
    outcome.operations = len(result.api.operations)
    components = [s for s in result.api.schemas if s.pointer.startswith("/components/schemas/") and s.pointer.count("/") == 3]
    outcome.schemas = len(components)
    outcome.inline_models = len(result.api.schemas) - len(components)
    outcome.warnings = Counter(d.code for d in result.warnings)
    out = out_root / document.name
    write_tree(result.files, out)
    problems = uncompilable(out)
    outcome.compiles = not problems
    if problems:
        outcome.details = "\n".join(problems[:20])
        return outcome
    package = config.package
    # Models and API classes load lazily: import every one of them, by name, to check they all import.
    probe = (
        f"import inspect, {package}; from {package}.models import *; from {package}.resources import *; "
        f"C = {package}.{config.client_class}; {MADE_WITH_A_CREDENTIAL}"
    )
    imported = _run([sys.executable, "-c", probe], out)
    outcome.imports = imported.returncode == 0
    if not outcome.imports:
        outcome.details = imported.stderr[-2000:]
        return outcome
    if type_check:
        outcome.checked = True
        checked = _run([sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", os.devnull, package], out)
        outcome.type_checks = checked.returncode == 0
        if not outcome.type_checks:
            outcome.details = checked.stdout[-2000:]
    return outcome


def table(outcomes: list[Outcome]) -> str:
    lines = [
        "| document | OpenAPI | operations | schemas | inline models | seconds | warnings | compiles | imports | type-checks |",
        "| --- | --- | ---: | ---: | ---: | ---: | --- | --- | --- | --- |",
    ]
    for o in outcomes:
        warnings = ", ".join(f"{code} {count}" for code, count in sorted(o.warnings.items())) or "none"
        if o.errors:
            warnings = f"ERRORS: {len(o.errors)}"
        lines.append(f"| {o.name} | {o.openapi} | {o.operations} | {o.schemas} | {o.inline_models} | {o.seconds:.1f} | {warnings} | {'yes' if o.compiles else 'no'} | {'yes' if o.imports else 'no'} | {'yes' if o.type_checks else 'not run' if o.compiles and o.imports and not o.checked else 'no'} |")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.generator.corpus.report", description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write the table into REPORT.md")
    parser.add_argument("--keep", metavar="FOLDER", help="write the packages into FOLDER/<name>/")
    parser.add_argument("names", nargs="*", metavar="NAME", help=f"documents (default: all): {', '.join(sorted(DOCUMENTS))}")
    args = parser.parse_args(argv)
    for name in set(args.names) - set(DOCUMENTS):
        parser.error(f"no document {name!r} (documents/{name}.toml)")
    outcomes = []
    with tempfile.TemporaryDirectory(prefix="corpus-") as temp:
        for name in args.names or sorted(DOCUMENTS):
            outcome = run_document(DOCUMENTS[name], Path(args.keep or temp))
            outcomes.append(outcome)
            for problem in outcome.errors[:20] + ([outcome.details] if outcome.details else []):
                print(f"{name}: {problem}", file=sys.stderr)
            print(table([outcome]).splitlines()[-1], flush=True)
    print(table(outcomes))
    if args.write:
        write_report(outcomes)
    return 0 if all(o.ok for o in outcomes) else 1


def write_report(outcomes: list[Outcome]) -> None:
    """Write the table of ``outcomes`` into REPORT.md; the rows there of documents not run now are kept, in order."""
    rows = {o.name: table([o]).splitlines()[-1] for o in outcomes}
    if REPORT.exists():
        for line in REPORT.read_text(encoding="utf-8").splitlines():
            name = line.split("|")[1].strip() if line.startswith("| ") else ""
            if name in DOCUMENTS and name not in rows:
                rows[name] = line
    header = table([]).splitlines()
    REPORT.write_text(REPORT_HEAD + "\n".join(header + [rows[n] for n in sorted(rows)]) + "\n", encoding="utf-8")


REPORT_HEAD = """# The corpus report

Written by `make corpus` (`python -m tests.generator.corpus.report --write`): every document of
the corpus (`documents/*.toml` says where each comes from) generated, every generated Python file
compiled, the package imported (every model and API class, by name) and `mypy --strict` run on it.
Seconds are wall-clock seconds to generate, on a machine with 2 shared cores. Warnings are counted
by code (DIAGNOSTICS.md says what each means).

"""


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
