"""The format stage: black has the last word on every Python file, even those it is not run on."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.format import formatter as fmt
from generator.build.builder import build
from generator.read.loader import load
from generator.pipeline import generate_files
from generator.render.output import GUIDE_FOLDER, HEADER, TEMPLATES, black_clean_copies, render
from generator.write import STAMP, read_tree  # STAMP: hashes every file, so it differs with them

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "spec" / "openapi.yaml"


@pytest.mark.parametrize("template", sorted(p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.py")))
def test_copied_templates_are_black_clean(template: str) -> None:
    """Plain ``.py`` templates are copied without black: each, with the header, must be black's output."""
    text = HEADER.format(title="Leap") + (TEMPLATES / template).read_text(encoding="utf-8")
    assert fmt._black(template, text) == text, f"run `python -m generator.format` to reformat {template}"


@pytest.mark.slow
def test_skipped_files_are_what_black_would_write() -> None:
    files = generate_files(SPEC).files
    api = build(load(SPEC))
    skipped = black_clean_copies(api)
    assert "leap/_base_client.py" in skipped and "leap/_client.py" not in skipped  # copied vs rendered
    for path in sorted(skipped):
        assert fmt._black(path, files[path]) == files[path], path


def test_an_override_or_an_odd_title_is_formatted(tmp_path: Path) -> None:
    api = build(load(SPEC))
    (tmp_path / "package").mkdir()
    (tmp_path / "package" / "_utils.py").write_text("x = ( 1 )\n", encoding="utf-8")
    assert "leap/_utils.py" not in black_clean_copies(api, TEMPLATES, tmp_path)
    assert "leap/_auth.py" in black_clean_copies(api, TEMPLATES, tmp_path)
    assert black_clean_copies(api, tmp_path) == frozenset()  # not our templates folder
    rendered = render(api, TEMPLATES, SPEC.parent / GUIDE_FOLDER, tmp_path)
    assert fmt.format_files(rendered, None, black_clean_copies(api, TEMPLATES, tmp_path))["leap/_utils.py"].endswith("x = 1\n")


def test_parallel_formatting_gives_the_serial_result_and_leaves_the_collector_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    files = {f"m{i}.py": f"def f{i}( a,b ):\n  return {{'k':a,   'v':[b,{i}]}}\n" for i in range(40)}
    files["doc.md"] = "# T\n\n```python\nx = f( 1,2 )\n```\n"
    serial = fmt.format_files(files)
    monkeypatch.setattr(fmt, "PARALLEL_FROM", 0)
    frozen = gc.get_freeze_count()
    parallel = fmt.format_files(files)
    assert parallel == serial
    assert parallel["m3.py"] == "def f3(a, b):\n    return {\"k\": a, \"v\": [b, 3]}\n"
    assert gc.get_freeze_count() == frozen  # the caller's objects are collectable again
    with pytest.raises(fmt.SpecError) as caught:
        fmt.format_files({**files, "broken.py": "def (:\n"})
    assert [d.code for d in caught.value.diagnostics] == ["invalid-output"]



def test_python_found_twice_is_formatted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's examples are the docs' home page's too: black runs once per distinct piece of Python,
    and each file still gets black's layout of its own pieces."""
    example = "client.images.generate( model_id='m',prompt = 'p' )\n"
    files = {
        "README.md": f"# R\n\n```python\n{example}```\n\n```python\nx=1\n```\n",
        "docs/index.md": f"# I\n\n```python\n{example}```\n",
        "same.py": "x=1\n",  # the README's second block, as a whole file
        "other.py": "y=2\n",
    }
    given: list[str] = []
    black = fmt._black
    monkeypatch.setattr(fmt, "_black", lambda path, code: given.append(code) or black(path, code))
    done = fmt.format_files(files)
    assert sorted(given) == sorted([example, "x=1\n", "y=2\n"])
    laid_out = "client.images.generate(model_id=\"m\", prompt=\"p\")\n"
    assert done["README.md"] == f"# R\n\n```python\n{laid_out}```\n\n```python\nx = 1\n```\n"
    assert done["docs/index.md"] == f"# I\n\n```python\n{laid_out}```\n"
    assert (done["same.py"], done["other.py"]) == ("x = 1\n", "y = 2\n")
    with pytest.raises(fmt.SpecError) as caught:  # a broken piece is reported with the first file it is in
        fmt.format_files({"a.md": "```python\ndef (:\n```\n", "b.md": "```python\ndef (:\n```\n"})
    assert [d.file for d in caught.value.diagnostics] == ["a.md"]


def test_unformatted_files_are_what_black_formats_into_the_sdk() -> None:
    """``--no-format`` leaves the rendered texts: black run on them gives the formatted SDK, file for file."""
    formatted = {path: data.decode("utf-8") for path, data in read_tree(ROOT / "generated" / "leap").items()}  # test_write: a fresh generation
    unformatted = generate_files(SPEC, formatted=False).files
    assert unformatted.keys() == formatted.keys()
    changed = [path for path in formatted if unformatted[path] != formatted[path] and path.endswith(".py")]
    assert changed, "the templates' layout is not black's somewhere (else the option would change nothing)"
    assert fmt.format_files({p: t for p, t in unformatted.items() if p != STAMP}) == {p: t for p, t in formatted.items() if p != STAMP}


def test_unformatted_python_is_still_parsed() -> None:
    files = {"ok.py": "x = ( 1 )\n", "doc.md": "```python\nx = f( 1,2 )\n```\n", "copied.py": "def (:\n"}
    copies = frozenset({"copied.py"})  # known good: not parsed either
    assert fmt.format_files(files, formatted=False, black_clean=copies) == files
    with pytest.raises(fmt.SpecError) as caught:
        fmt.format_files({**files, "broken.py": "match = (\n"}, formatted=False, black_clean=copies)
    [diagnostic] = caught.value.diagnostics
    assert (diagnostic.code, diagnostic.file) == ("invalid-output", "broken.py") and "line 1" in diagnostic.message
