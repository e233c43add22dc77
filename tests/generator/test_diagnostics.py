"""Every diagnostic code, triggered by a broken spec through the CLI.

``tests/generator/broken_specs/<code>.yaml`` triggers ``<code>``; ``expected.json`` lists the exact
diagnostics (code, severity, pointer, line) each one must produce. Errors exit 2 and leave
the output folder exactly as it was; warnings exit 0 (2 with ``--strict``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from generator.cli import main
from generator.diagnostics import Diagnostic, SpecError
from generator.format.formatter import format_files
from generator.pipeline import check_spec
from generator.diagnostics import CODES
from generator.write import read_tree

ROOT = Path(__file__).resolve().parents[2]
BROKEN = Path(__file__).resolve().parent / "broken_specs"
EXPECTED: dict[str, list[dict]] = json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))["cases"]
#: Codes no spec can trigger: tested on their own below.
NOT_FROM_A_SPEC = {"invalid-output", "internal-error", "invalid-config", "invalid-template"}
#: Codes that tell how a spec was read; never errors, not even with --strict.
INFO_CODES = {"multiple-tags"}
WARNING_CODES = {
    "unprintable-character",
    "schema-relative-ref",
    "dynamic-ref",
    "conditional-properties",
    "newer-openapi-version",
    "unsupported-security-scheme",
    "unsupported-parameter",
    "undeclared-path-parameter",
    "path-parameter",
    "unresolved-schema-ref",
    "unresolved-unused-ref",
    "invalid-scopes",
    "unsupported-media-type",
    "unsupported-schema",
    "missing-operation-id",
    "duplicate-operation-id",
    "missing-success-response",
    "invalid-name",
    "name-collision",
    "relative-server-url",
    "unsupported-webhook",
    "unknown-field",
    "invalid-required",
    "invalid-default",
    "invalid-schema-keyword",
    "missing-field",
    "validation-incomplete",
    "duplicate-key",
    "dropped-text-ref",
    "map-as-ref",
    "undeclared-path-parameter",
}


def _diagnostics(spec: Path) -> list[Diagnostic]:
    """Every diagnostic the pipeline reports for ``spec`` (errors raise, warnings return)."""
    try:
        return check_spec(spec)
    except SpecError as exc:
        return exc.diagnostics


def _populate(out: Path) -> dict[str, bytes]:
    """An existing output folder, as a previous generation would have left it."""
    (out / "pkg").mkdir(parents=True)
    (out / "sentinel.txt").write_bytes(b"written by an earlier run\n")
    (out / "pkg" / "module.py").write_bytes(b"VALUE = 1\n")
    return read_tree(out)


def _printed(text: str, name: str, diagnostic: dict) -> str:
    """The printed diagnostic for ``diagnostic`` with its hint line, or fail."""
    where = re.escape(name) + (f":{diagnostic['line']}" if diagnostic["line"] is not None else "")
    head = rf"{where}: {diagnostic['severity']}\[{re.escape(diagnostic['code'])}\] {re.escape(diagnostic['pointer'] or '/')}: \S.*"
    match = re.search(rf"^(?:.*/)?{head}\n    hint: (\S.*)$", text, re.MULTILINE)
    assert match, f"no printed diagnostic like {head!r} followed by a hint in:\n{text}"
    return match.group(0)


CASES = sorted(EXPECTED)


@pytest.mark.parametrize("name", CASES)
def test_broken_spec_reports_exactly_its_diagnostics(name: str) -> None:
    spec = BROKEN / name
    found = [(d.code, d.severity, d.pointer, d.line) for d in _diagnostics(spec)]
    expected = [(d["code"], d["severity"], d["pointer"], d["line"]) for d in EXPECTED[name]]
    assert found == expected
    for diagnostic in _diagnostics(spec):
        assert Path(diagnostic.file).name == name
        assert diagnostic.message.strip()
        assert diagnostic.hint.strip()


@pytest.mark.parametrize("name", CASES)
def test_broken_spec_file_says_what_is_wrong(name: str) -> None:
    spec = BROKEN / name
    if name == "spec-not-readable.yaml":
        assert not spec.exists(), "this case is a path that does not exist"
        return
    first = spec.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ") and len(first) > 20


@pytest.mark.parametrize("name", CASES)
def test_cli_prints_every_diagnostic_and_leaves_the_output_alone(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    before = _populate(out)
    warnings_only = all(d["severity"] != "error" for d in EXPECTED[name])

    status = main(["generate", "--spec", str(BROKEN / name), "--out", str(out), "--no-format"])  # the layout is not what is tested

    stderr = capsys.readouterr().err
    for diagnostic in EXPECTED[name]:
        _printed(stderr, name, diagnostic)
    if warnings_only:
        assert status == 0
        assert "sentinel.txt" not in read_tree(out)
        assert any(rel.endswith("__init__.py") for rel in read_tree(out))
    else:
        assert status == 2
        assert "nothing was written" in stderr
        assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"], "a temporary folder was left beside the output"


@pytest.mark.parametrize("name", sorted(n for n in CASES if all(d["severity"] == "warning" for d in EXPECTED[n])))
def test_strict_makes_warnings_errors(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    before = _populate(out)

    status = main(["generate", "--strict", "--spec", str(BROKEN / name), "--out", str(out), "--no-format"])

    assert status == 2
    stderr = capsys.readouterr().err
    for diagnostic in EXPECTED[name]:
        _printed(stderr, name, diagnostic)
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
    assert main(["validate", "--spec", str(BROKEN / name)]) == 0
    assert main(["validate", "--strict", "--spec", str(BROKEN / name)]) == 2


def test_a_strict_run_with_warnings_from_the_build_renders_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """It fails whatever else is found: the same diagnostics, without rendering and formatting the SDK first."""
    import generator.pipeline

    spec = tmp_path / "collide.yaml"
    spec.write_text(COLLIDING_NAMES, encoding="utf-8")
    expected = [(d.code, d.pointer) for d in check_spec(spec)]
    assert expected and all(code == "name-collision" for code, _ in expected)  # the build's warnings
    monkeypatch.setattr(generator.pipeline, "render_files", lambda *args, **kwargs: pytest.fail("rendered"))
    with pytest.raises(SpecError) as caught:
        generator.pipeline.generate_files(spec, strict=True)
    assert [(d.code, d.pointer) for d in caught.value.diagnostics] == expected


def test_warning_codes_are_the_ones_reported_as_warnings() -> None:
    severities = {d["code"]: d["severity"] for case in EXPECTED.values() for d in case}
    assert {code for code, severity in severities.items() if severity == "warning"} == WARNING_CODES
    assert {code for code, severity in severities.items() if severity == "info"} == INFO_CODES


@pytest.mark.parametrize("name", sorted(n for n in CASES if all(d["severity"] == "info" for d in EXPECTED[n])))
def test_strict_leaves_infos_alone(name: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["generate", "--strict", "--spec", str(BROKEN / name), "--out", str(tmp_path / "out")]) == 0
    stderr = capsys.readouterr().err
    for diagnostic in EXPECTED[name]:
        _printed(stderr, name, diagnostic)
    assert main(["validate", "--strict", "--spec", str(BROKEN / name)]) == 0


def test_every_code_has_a_broken_spec() -> None:
    """Adding a code to CODES without a case here fails."""
    covered = {d["code"] for case in EXPECTED.values() for d in case}
    assert covered | NOT_FROM_A_SPEC == set(CODES)
    for name, diagnostics in EXPECTED.items():
        assert name == f"{diagnostics[0]['code']}.yaml", "each case is named after the code it triggers"
        assert (BROKEN / name).exists() == (name != "spec-not-readable.yaml")
    on_disk = {p.name for p in BROKEN.glob("*.yaml")}
    assert on_disk == set(EXPECTED) - {"spec-not-readable.yaml"}, "a broken spec without an expectation"


def test_diagnostics_table_gives_every_code_its_severity_meaning_and_fix() -> None:
    """DIAGNOSTICS.md's table: one row per code of ``CODES``, in its order, with the code's own texts."""
    page = (ROOT / "DIAGNOSTICS.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| \[`([a-z-]+)`\]\(#([a-z-]+)\) \| (\w+) \| (.+) \| (.+) \|$", page, re.MULTILINE)
    assert [row[0] for row in rows] == list(CODES), "the table lists every code once, in the order of CODES"
    for code, anchor, severity, meaning, hint in rows:
        assert anchor == code, "each row links to the code's example"
        assert severity == ("info" if code in INFO_CODES else "warning" if code in WARNING_CODES else "error"), code
        assert (meaning, hint) == CODES[code]


def test_the_codes_table_lives_once() -> None:
    """The README and the docs link to DIAGNOSTICS.md instead of listing the codes again."""
    pages = [ROOT / "README.md", ROOT / "CONTRIBUTING.md", *sorted((ROOT / "docs").glob("*.md"))]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        rows = [code for code in CODES if re.search(rf"^\| `{re.escape(code)}` \|", text, re.MULTILINE)]
        assert not rows, f"{page.relative_to(ROOT)} repeats rows of the diagnostics table: {rows}"
    assert "(DIAGNOSTICS.md)" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_code_has_a_meaning_and_a_hint() -> None:
    for code, (meaning, hint) in CODES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code)
        assert meaning.strip() and hint.strip()


def test_invalid_output_is_reported_with_the_file() -> None:
    with pytest.raises(SpecError) as caught:
        format_files({"x.py": "def ("})
    [diagnostic] = caught.value.diagnostics
    assert diagnostic.code == "invalid-output"
    assert diagnostic.severity == "error"
    assert diagnostic.file == "x.py"
    assert "x.py" in diagnostic.format() and diagnostic.hint


@pytest.mark.parametrize("flags", [[], ["--no-format"]])
def test_invalid_output_stops_the_cli_before_writing(
    flags: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import generator.pipeline
    from generator.render.output import Rendered

    broken = {"leap/broken.py": "def (\n", "README.md": "x\n"}
    monkeypatch.setattr(generator.pipeline, "render_files", lambda *args, **kwargs: Rendered(broken, {}, list(broken), {}))
    out = tmp_path / "out"
    before = _populate(out)

    assert main(["generate", "--spec", str(ROOT / "spec" / "openapi.yaml"), "--out", str(out), *flags]) == 2

    stderr = capsys.readouterr().err
    assert "error[invalid-output]" in stderr and "leap/broken.py" in stderr and "hint: " in stderr
    assert read_tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


#: A valid spec with one operation; tests append ``components`` to it.
ONE_OPERATION = """\
openapi: 3.1.0
info:
  title: One
  version: "1"
paths:
  /things:
    get:
      tags: [Things]
      operationId: listThings
      responses:
        "200":
          description: ok
"""

MANY_PROBLEMS = """\
# Several problems at once: all of them must be reported in one run.
openapi: 3.1.0
info:
  title: Many
  version: "1"
paths:
  /things:
    get:
      tags: [Things]
      parameters:
        - name: session
          in: query
          content:
            text/csv: {schema: {type: string}}
      responses:
        "200":
          description: ok
    post:
      tags: [Things, Stuff]
      operationId: createThing
      requestBody:
        content:
          application/xml:
            schema:
              type: string
      responses:
        "404":
          description: missing
  /others:
    get:
      tags: [Things]
      operationId: listOthers
      responses:
        "200":
          $ref: "#/components/responses/Nowhere"
components:
  securitySchemes:
    key:
      type: http
      scheme: digest
      description: Digest authentication.
  schemas:
    Thing:
      type: object
      properties:
        "42":
          type: string
        userId:
          type: string
        user_id:
          type: string
"""


def test_several_problems_are_reported_at_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "many.yaml"
    spec.write_text(MANY_PROBLEMS, encoding="utf-8")
    out = tmp_path / "out"

    status = main(["generate", "--spec", str(spec), "--out", str(out)])

    assert status == 2
    assert not out.exists()
    stderr = capsys.readouterr().err
    expected = [
        ("unsupported-parameter", "/paths/~1things/get/parameters/0/content", 13),
        ("missing-success-response", "/paths/~1things/post/responses", 26),
        ("unsupported-media-type", "/paths/~1things/post/requestBody/content", 22),
        ("unresolved-ref", "/paths/~1others/get/responses/200/$ref", 35),
        ("unsupported-security-scheme", "/components/securitySchemes/key", 38),
    ]
    found = {(d.code, d.pointer, d.line) for d in _diagnostics(spec)}
    assert found == set(expected)
    for code, pointer, line in expected:
        severity = "warning" if code in WARNING_CODES else "error"
        _printed(stderr, "many.yaml", {"code": code, "severity": severity, "pointer": pointer, "line": line})
    assert f"{len(expected)} problem(s); nothing was written." in stderr


def test_a_bad_default_is_located_at_the_default(tmp_path: Path) -> None:
    """The OpenAPI validator reports a default relative to itself; the pointer still finds it."""
    spec = tmp_path / "default.yaml"
    spec.write_text(
        ONE_OPERATION
        + "components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n        count:\n          type: integer\n          default: many\n",
        encoding="utf-8",
    )
    [diagnostic] = _diagnostics(spec)
    assert (diagnostic.code, diagnostic.severity) == ("invalid-default", "warning")
    assert (diagnostic.pointer, diagnostic.line) == ("/components/schemas/Thing/properties/count/default", 20)
    assert "'many' is not of type 'integer'" in diagnostic.message


def test_schema_errors_found_before_the_validator_gives_up_are_kept(tmp_path: Path) -> None:
    """openapi-spec-validator raises on a parameter without ``in`` after reporting it: both are said."""
    spec = tmp_path / "no-in.yaml"
    spec.write_text(
        'openapi: 3.1.0\ninfo:\n  version: "1"\npaths:\n  /things:\n    get:\n      tags: [Things]\n      operationId: listThings\n'
        "      parameters:\n        - name: q\n          schema:\n            type: string\n"
        '      responses:\n        "200":\n          description: ok\n',
        encoding="utf-8",
    )
    found = [(d.code, d.severity, d.pointer, d.line) for d in _diagnostics(spec)]
    assert found == [
        ("validation-incomplete", "warning", "", 1),
        ("missing-field", "warning", "/info", 2),
        ("openapi-schema", "error", "/paths/~1things/get/parameters/0", 10),
    ]


COLLIDING_NAMES = """\
openapi: 3.1.0
info:
  title: Collisions
  version: "1"
paths:
  /a:
    get:
      tags: [Image Models]
      operationId: getA
      responses:
        "200":
          description: ok
  /b:
    get:
      tags: [image-models]
      operationId: getB
      responses:
        "200":
          description: ok
components:
  schemas:
    HTTPServer:
      type: string
    HttpServer:
      type: string
"""


def test_tags_and_schemas_that_share_a_python_name_collide(tmp_path: Path) -> None:
    """Two tags would write one API module (losing getA), two schemas one model module: the later one gets ``_2``."""
    spec = tmp_path / "collide.yaml"
    spec.write_text(COLLIDING_NAMES, encoding="utf-8")
    found = [(d.code, d.severity, d.pointer, d.line) for d in _diagnostics(spec)]
    assert found == [
        ("name-collision", "warning", "/components/schemas/HttpServer", 24),
        ("name-collision", "warning", "/paths/~1b/get/tags/0", 15),
    ]
    from generator.pipeline import generate_files

    files = generate_files(spec).files
    assert "leap/models/http_server.py" in files and "leap/models/http_server_2.py" in files
    assert "class ImageModelsApi_2" in files["leap/resources/image_models_2.py"]
    assert "def image_models_2(self) -> ImageModelsApi_2:" in files["leap/_client.py"]


def test_unquoted_yaml_timestamps_are_strings(tmp_path: Path) -> None:
    """``example: 2023-06-20T07:03:48Z`` unquoted once crashed the build (a datetime is not JSON)."""
    spec = tmp_path / "dates.yaml"
    spec.write_text(
        ONE_OPERATION
        + "components:\n  schemas:\n    Thing:\n      type: object\n      properties:\n"
        "        at:\n          type: string\n          format: date-time\n          example: 2023-06-20T07:03:48Z\n"
        "        day:\n          type: string\n          format: date\n          default: 2023-06-20\n",
        encoding="utf-8",
    )
    assert _diagnostics(spec) == []
    from generator.pipeline import generate_files

    files = generate_files(spec).files
    assert "day: date | None = None" in files["leap/models/thing.py"]  # a text default of a date is left out
    assert "2023-06-20T07:03:48Z" in files["docs/models/Thing.md"]


def test_diagnostics_page_is_up_to_date() -> None:
    """DIAGNOSTICS.md documents every code with real examples; run ``python -m tests.diagnostics_page`` when this fails."""
    from tests.diagnostics_page import PAGE, page

    assert PAGE.read_text(encoding="utf-8") == page()


def test_diagnostics_page_has_an_example_of_every_code() -> None:
    from tests.diagnostics_page import PAGE

    examples = PAGE.read_text(encoding="utf-8").split("\n# Examples\n", 1)[1]
    sections = re.split(r"^## ", examples, flags=re.MULTILINE)[1:]
    documented = {section.split("`")[1]: section for section in sections}
    assert list(documented) == list(CODES), "a code of generator/diagnostics.py has no example in DIAGNOSTICS.md"
    for code, section in documented.items():
        outputs = re.findall(r"^```text\n(.*?)\n```$", section, re.MULTILINE | re.DOTALL)
        assert any(f"[{code}] " in out and "\n    hint: " in out for out in outputs), f"{code} has no example output with a hint"


def test_the_command_prints_everything_and_exits_with_its_status(tmp_path: Path) -> None:
    """``python -m generator`` ends without tearing its heap down: what it printed must still all be out."""
    import os
    import subprocess
    import sys

    def run(spec: Path) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "generator", "generate", "--spec", str(spec), "--out", str(tmp_path / spec.stem), "--no-cache"]
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # buffered, as a pipe is by default
        return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)

    broken = run(BROKEN / "unresolved-ref.yaml")
    assert broken.returncode == 2
    assert broken.stderr.rstrip().endswith("nothing was written.")
    assert "error[unresolved-ref]" in broken.stderr
    warned = run(BROKEN / "multiple-tags.yaml")
    assert warned.returncode == 0
    assert "info[multiple-tags]" in warned.stderr
    assert re.fullmatch(r"wrote \d+ files to \S+\n", warned.stdout)


def _output_untouched(tmp_path: Path, spec: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """Run ``generate`` on ``spec`` into an output folder holding one file; it must exit 2 and leave it."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("kept", encoding="utf-8")
    assert main(["generate", "--spec", str(spec), "--out", str(out), "--no-cache"]) == 2
    assert read_tree(out) == {"keep.txt": b"kept"}
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_a_nul_in_the_file_of_a_ref_is_a_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spec = tmp_path / "nul.yaml"
    spec.write_text(
        'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a:\n    get:\n      responses:\n        "200":\n'
        '          description: ok\n          content:\n            application/json:\n'
        '              schema: {$ref: "other\\0.yaml#/A"}\n',
        encoding="utf-8",
    )
    err = _output_untouched(tmp_path, spec, capsys)
    assert "error[unresolved-ref]" in err and "embedded null byte" in err and "nul.yaml:11:" in err


def test_a_swagger_document_without_the_converter_says_how_to_convert(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from generator.read import swagger

    monkeypatch.setattr(swagger, "converter", lambda: None)  # no Node.js, no swagger2openapi
    spec = tmp_path / "api.yaml"
    shutil.copy(Path(__file__).parent / "cases" / "swagger-2" / "openapi.yaml", spec)
    err = _output_untouched(tmp_path, spec, capsys)
    assert "error[swagger-not-converted]" in err and "Node.js or swagger2openapi is not installed" in err
    assert f"npx swagger2openapi@7 --patch --resolve --outfile {tmp_path / 'api.openapi.yaml'} {spec}" in err
