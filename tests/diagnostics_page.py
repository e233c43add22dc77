"""DIAGNOSTICS.md: the table of every diagnostic code (severity, meaning, fix), then a real example of each.

The table is generated from ``CODES`` in ``generator/diagnostics.py`` (meaning and fix) and
from what the generator prints for each code's example (severity): the codes are written
once, there. Each example is what the generator prints for the broken input in
``tests/generator/broken_specs/`` that triggers the code (the lines of the input around it too); the
codes no spec can trigger are produced by calling the stage that reports them.
``python -m tests.diagnostics_page`` rewrites the page; ``tests/generator/test_diagnostics.py`` fails
when its text differs from a fresh rendering, so a code added to ``generator/diagnostics.py``
without a case or documentation fails the tests.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

from generator.config import load_config
from generator.diagnostics import CODES, Diagnostic, SpecError
from generator.format.formatter import format_files
from generator.render.overrides import check_overrides
from generator.pipeline import _internal_error, check_spec

ROOT = Path(__file__).resolve().parent.parent
BROKEN = ROOT / "tests" / "generator" / "broken_specs"
PAGE = ROOT / "DIAGNOSTICS.md"


def _raised(call: object) -> list[Diagnostic]:
    try:
        found = call()  # type: ignore[operator]
    except SpecError as exc:
        return exc.diagnostics
    return list(found) if isinstance(found, list) else []


def examples() -> dict[str, tuple[str, list[Diagnostic]]]:
    """code -> (the input that triggers it, relative to the repository; its diagnostics of that code)."""
    cases = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))["cases"]
    out: dict[str, tuple[str, list[Diagnostic]]] = {}
    for name in sorted(cases):
        found = _raised(lambda: check_spec(BROKEN / name))
        out[cases[name][0]["code"]] = (f"tests/generator/broken_specs/{name}", found)
    out["invalid-config"] = ("tests/generator/broken_specs/invalid-config.toml", _raised(lambda: load_config(BROKEN / "invalid-config.toml", BROKEN / "x.yaml")))
    out["invalid-template"] = ("tests/generator/broken_specs/invalid-template/", _raised(lambda: check_overrides(BROKEN / "invalid-template")))
    out["invalid-output"] = ("", _raised(lambda: format_files({"petstore/models/pet.py": "class Pet(\n"})))
    out["internal-error"] = ("", _internal_error(Path("openapi.yaml"), "building", KeyError("type")).diagnostics)
    return {code: (source, [d for d in found if d.code == code]) for code, (source, found) in out.items()}


def _shown(diagnostic: Diagnostic) -> str:
    """The printed diagnostic, with the file named from the repository root (no machine paths)."""
    file, path = diagnostic.file, Path(diagnostic.file).resolve()
    if file and path.parent.is_dir() and path.is_relative_to(BROKEN):
        file = path.relative_to(ROOT).as_posix()
    return replace(diagnostic, file=file).format()


def _excerpt(source: str, line: int | None) -> str:
    path = ROOT / source
    if not source or not path.is_file() or line is None:
        return ""
    lines = path.read_text(encoding="utf-8").splitlines()
    first, last = max(line - 3, 0), min(line + 1, len(lines))
    width = len(str(last))
    body = "\n".join(f"{n + 1:>{width}} | {lines[n]}" for n in range(first, last))
    return f"```{'toml' if source.endswith('.toml') else 'yaml'}\n{body}\n```\n\n"


INTRO = """\
# Diagnostics

Every problem the generator reports has a stable code, a severity, the JSON pointer of the
element, its file and line, a message and a hint. A broken spec gets every problem at once.

- `error` stops generation: exit status 2, nothing written (the output folder is left as it was).
- `warning` says what the generator did instead (a renamed identifier, a best-effort `Any`
  type, a method without a body); it is printed and generation goes on, unless `--strict`
  makes warnings errors.
- `info` says how the spec was read where that may surprise (`multiple-tags`); it is printed
  and never stops generation.

The generator decides what blocks, not openapi-spec-validator: each of the validator's findings is
put in a class (`generator/check/findings.py` states the rule). A finding the generator reads past,
giving the SDK the corrected document would give, is a warning of its own code (`unknown-field`,
`invalid-required`, `invalid-default`, `invalid-schema-keyword`, `missing-field`); a crash of the
validator is the warning `validation-incomplete`; only a finding that makes correct code impossible
(`path-parameter`) or one of a class not known to be harmless (`openapi-schema`) is an error. The
validator's findings are grouped: one diagnostic per class and location.

The codes, their meaning and their fix are written once, in `CODES` of
`generator/diagnostics.py`; the severity is the one the generator prints for the example.
`tests/generator/broken_specs/` holds an input that triggers each code (`invalid-config` a config
file, `invalid-template` a folder of overrides; `internal-error` and `invalid-output` are
generator bugs, produced by calling the stage that reports them). This page is generated by
`python -m tests.diagnostics_page`, and `tests/generator/test_diagnostics.py` fails when it differs
from a fresh rendering: do not edit it.
"""


def _cell(text: str) -> str:
    """``text`` safe inside a markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def severities(found: dict[str, tuple[str, list[Diagnostic]]]) -> dict[str, str]:
    """code -> the severity its example is printed with ("error" for a code without one)."""
    return {code: (found[code][1][0].severity if found.get(code, ("", []))[1] else "error") for code in CODES}


def table(found: dict[str, tuple[str, list[Diagnostic]]]) -> str:
    """The markdown table of every code, in the order of ``CODES``, each linked to its example."""
    severity = severities(found)
    rows = ["| code | severity | meaning | how to fix it |", "| --- | --- | --- | --- |"]
    rows += [f"| [`{code}`](#{code}) | {severity[code]} | {_cell(meaning)} | {_cell(hint)} |" for code, (meaning, hint) in CODES.items()]
    return "\n".join(rows) + "\n"


def page() -> str:
    found = examples()
    parts = [INTRO, "\n", table(found), "\n# Examples\n\n"]
    for code in CODES:
        source, diagnostics = found.get(code, ("", []))
        parts.append(f"## `{code}`\n\n")
        if not diagnostics:
            parts.append("No input triggers it.\n\n")
            continue
        parts.append(f"Input: `{source}`.\n\n" if source else "No spec triggers it (a generator bug): the stage that reports it is called directly.\n\n")
        parts.append(_excerpt(source, diagnostics[0].line))
        parts.append("```text\n" + "\n".join(_shown(d) for d in diagnostics) + "\n```\n\n")
    return "".join(parts).rstrip("\n") + "\n"


if __name__ == "__main__":
    PAGE.write_text(page(), encoding="utf-8")
    print(f"wrote {PAGE.name}")
