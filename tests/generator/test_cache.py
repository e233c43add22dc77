"""The generator's caches never serve stale output.

Each test generates with a cache, changes one input the output depends on (the spec, a file
its ``$ref``s read, the config, a template, black's mode, the generator's own source), or
damages the cache or the output folder, generates again with the same cache, and compares
the output byte for byte with a cold generation (``--no-cache``) of the same inputs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from generator import pipeline
from generator.format import formatter as fmt
from generator.cache import Cache
from generator.cli import main
from generator.diagnostics import SpecError
from generator.write import read_tree

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "tests" / "generator" / "cases" / "multi-file"  # a spec whose $refs read three other files


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the multi-file case: ``spec/openapi.yaml``, the files it refers to, its config."""
    shutil.copytree(CASE, tmp_path / "spec", ignore=shutil.ignore_patterns("check.py", "__pycache__"))
    return tmp_path


def _generate(project: Path, *extra: str, out: str = "out") -> int:
    argv = ["generate", "--spec", str(project / "spec" / "openapi.yaml"), "--out", str(project / out)]
    return main([*argv, "--cache-dir", str(project / "cache"), *extra])


def _cold(project: Path, *extra: str) -> dict[str, bytes]:
    """A generation of the same inputs without any cache, into its own folder."""
    shutil.rmtree(project / "cold", ignore_errors=True)
    assert _generate(project, "--no-cache", *extra, out="cold") == 0
    return read_tree(project / "cold")


def _warm_and_check(project: Path, *extra: str) -> dict[str, bytes]:
    """Generate with the cache; the output must be what a cold generation writes."""
    assert _generate(project, *extra) == 0
    tree = read_tree(project / "out")
    assert tree == _cold(project, *extra)
    return tree


#: For the tests of how the output folder is told unchanged (by stat, by bytes): black's layout plays no part.
UNFORMATTED = "--no-format"


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_unchanged_inputs_are_not_regenerated_and_need_no_heavy_import(project: Path) -> None:
    first = _warm_and_check(project)
    code = (
        "import sys\n"
        "from generator.cli import main\n"
        f"status = main(['generate', '--spec', {str(project / 'spec' / 'openapi.yaml')!r}, '--out', {str(project / 'out')!r},"
        f" '--cache-dir', {str(project / 'cache')!r}])\n"
        "print(status, sorted(m for m in ('yaml', 'jinja2', 'black', 'openapi_spec_validator', 'pydantic') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert done.stdout.splitlines()[-1] == "0 []"
    assert "up to date" in done.stdout
    assert read_tree(project / "out") == first


@pytest.mark.slow
def test_spec_edits_give_a_cold_generations_output(project: Path) -> None:
    before = _warm_and_check(project)
    _edit(project / "spec" / "openapi.yaml", "description: The pets.", "description: Every pet there is.")
    after = _warm_and_check(project)
    assert after != before
    _edit(project / "spec" / "openapi.yaml", "description: Every pet there is.", "description: The pets.")
    assert _warm_and_check(project) == before  # back: the first entries serve again, still right


@pytest.mark.slow
def test_a_changed_file_that_a_ref_reads_gives_a_cold_generations_output(project: Path) -> None:
    before = _warm_and_check(project)
    _edit(project / "spec" / "common.yaml", "maximum: 100", "maximum: 100\n        description: At most this many pets.")
    after = _warm_and_check(project)
    assert after != before


@pytest.mark.slow
def test_schema_changes_after_a_description_edit_are_validated_again(project: Path) -> None:
    _warm_and_check(project)
    _edit(project / "spec" / "openapi.yaml", "description: The pets.", "description: Every pet there is.")
    _warm_and_check(project)
    _edit(project / "spec" / "common.yaml", "type: integer", "type: 17")  # not a valid schema type any more
    assert _generate(project) == 2
    assert _generate(project, "--no-cache", out="cold") == 2


@pytest.mark.slow
def test_a_config_change_gives_a_cold_generations_output(project: Path) -> None:
    before = _warm_and_check(project)
    _edit(project / "spec" / "generator.toml", 'client_class = "Client"', 'client_class = "PetClient"')
    assert _warm_and_check(project) != before


@pytest.mark.slow
def test_a_template_change_gives_a_cold_generations_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    templates = project / "templates"
    shutil.copytree(pipeline.TEMPLATES, templates)
    monkeypatch.setattr(pipeline, "TEMPLATES", templates)
    before = _warm_and_check(project)
    _edit(templates / "README.md.jinja", "\n", "\nEdited by the cache test.\n")
    static = next(p for p in sorted((templates / "package").glob("_*.py")))
    static.write_text(static.read_text(encoding="utf-8") + "\n\n\nEDITED = ( 1, )\n", encoding="utf-8")
    after = _warm_and_check(project)
    assert after != before
    assert any(b"EDITED = (1,)" in text for text in after.values())  # the edited file went through black


@pytest.mark.slow
def test_a_change_of_blacks_mode_gives_a_cold_generations_output(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = _warm_and_check(project)
    monkeypatch.setattr(fmt, "LINE_LENGTH", 60)
    assert _warm_and_check(project) != before


def test_switching_no_format_on_and_off_rewrites_the_files(project: Path) -> None:
    formatted = _warm_and_check(project)
    assert _generate(project, "--no-format") == 0
    unformatted = read_tree(project / "out")
    assert unformatted != formatted  # not taken for "up to date", nor reused from the formatted files
    assert _generate(project, "--no-format", "--no-cache", out="cold") == 0
    assert read_tree(project / "cold") == unformatted
    assert _generate(project) == 0
    assert read_tree(project / "out") == formatted


@pytest.mark.slow
def test_a_change_of_the_generators_source_gives_a_cold_generations_output(project: Path) -> None:
    copy = project / "tool"
    shutil.copytree(ROOT / "generator", copy / "generator", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", copy / "templates")
    env = {**os.environ, "PYTHONPATH": str(copy)}

    def generate(*extra: str, out: str = "out") -> dict[str, bytes]:
        argv = ["-m", "generator", "generate", "--spec", str(project / "spec" / "openapi.yaml"), "--out", str(project / out)]
        subprocess.run([sys.executable, *argv, "--cache-dir", str(project / "cache"), *extra], cwd=copy, env=env, check=True, capture_output=True)
        return read_tree(project / out)

    before = generate()
    _edit(copy / "generator" / "render" / "output.py", "Do not edit:", "Never edit:")
    after = generate()
    assert after != before
    assert after == generate("--no-cache", out="cold")


def _damage(cache: Path) -> int:
    """Cut every other cache entry short and flip a byte in the others; return how many there were."""
    entries = sorted(p for p in cache.rglob("*") if p.is_file())
    for number, path in enumerate(entries):
        data = path.read_bytes()
        if number % 2:
            path.write_bytes(data[: len(data) // 2])
        else:
            path.write_bytes(data[:-1] + bytes([data[-1] ^ 0x55]))
    return len(entries)


@pytest.mark.slow
def test_damaged_cache_entries_are_ignored(project: Path) -> None:
    first = _warm_and_check(project)
    assert _damage(project / "cache") > 10
    shutil.rmtree(project / "out")
    assert _warm_and_check(project) == first
    assert _damage(project / "cache") > 10
    _edit(project / "spec" / "openapi.yaml", "description: The pets.", "description: Every pet there is.")
    assert _warm_and_check(project) != first


def test_cache_entries_are_checked_before_use(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.write("black", "ab" * 32, b"formatted")
    assert cache.read("black", "ab" * 32) == b"formatted"
    entry = next(p for p in tmp_path.rglob("*") if p.is_file())
    entry.write_bytes(entry.read_bytes().replace(b"formatted", b"formattes"))
    assert cache.read("black", "ab" * 32) is None
    assert not entry.exists()  # removed, so the next run writes a good one
    cache.write_value("spec", "cd" * 32, {"a": [1, 2.5, None, True]})
    assert cache.read_value("spec", "cd" * 32) == {"a": [1, 2.5, None, True]}


@pytest.mark.slow
def test_a_hand_edited_output_folder_is_regenerated(project: Path) -> None:
    first = _warm_and_check(project)
    out = project / "out"
    module = next(rel for rel in sorted(first) if rel.endswith(".py"))
    (out / module).write_text("# edited by hand\n", encoding="utf-8")
    (out / "extra.txt").write_text("not generated\n", encoding="utf-8")
    readme = out / "README.md"
    readme.unlink()
    check = ["check", "--spec", str(project / "spec" / "openapi.yaml"), "--out", str(out), "--cache-dir", str(project / "cache")]
    assert main(check) == 1  # check reports the folder stale, though no input changed
    assert _generate(project) == 0
    assert read_tree(out) == first
    assert main(check) == 0


def test_an_unchanged_output_folder_is_told_by_stat_and_not_read(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import cache as caching
    from generator import run_record, write

    monkeypatch.setattr(run_record, "RACY_NS", 0)  # every file settled at once: no waiting two seconds
    first = _warm_and_check(project, UNFORMATTED)
    assert _generate(project, UNFORMATTED) == 0  # a record taken now: every file settled
    out = str(project / "out")
    read: list[str] = []
    real = caching.read_bytes
    for module in (caching, write):  # write.read_tree reads the folder when the fast path is not taken
        monkeypatch.setattr(module, "read_bytes", lambda path: read.append(path) or real(path))
    assert _generate(project, UNFORMATTED) == 0
    assert not [path for path in read if path.startswith(out)]
    assert read, "the run read its inputs through the patched function"
    assert read_tree(project / "out") == first


def test_a_file_edited_between_its_stat_and_its_read_is_not_reused(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import cli, run_record

    monkeypatch.setattr(run_record, "RACY_NS", 0)
    first = _warm_and_check(project, UNFORMATTED)
    assert _generate(project, UNFORMATTED) == 0  # a record taken now: every file settled
    models = [rel for rel in sorted(first) if "/models/" in rel and rel.endswith(".py")]  # most of them are reused after the edit
    real = cli.read_tree

    def edited_then_read(out: Path, keep: tuple[str, ...] = ()) -> dict[str, bytes]:
        for rel in models:
            _rewrite_keeping_size_and_times(out / rel, (out / rel).stat())  # after the run took its stat
        return real(out, keep)

    monkeypatch.setattr(cli, "read_tree", edited_then_read)
    _edit(project / "spec" / "openapi.yaml", "description: The pets.", "description: Every pet there is.")  # some files render again
    assert _generate(project, UNFORMATTED) == 0
    assert read_tree(project / "out") == _cold(project, UNFORMATTED)


def _rewrite_keeping_size_and_times(path: Path, before: os.stat_result) -> None:
    """Rewrite ``path`` with other bytes of the same size and its old times, until its change time moves
    (the only sign left; a file system's clock may tick coarsely)."""
    deadline = time.monotonic() + 5
    while True:
        path.write_bytes(b"#" * before.st_size)
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # size and modification time as they were
        if path.stat().st_ctime_ns != before.st_ctime_ns or time.monotonic() > deadline:
            return
        time.sleep(0.01)


def test_a_hand_edit_that_keeps_size_and_times_is_found(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import run_record

    monkeypatch.setattr(run_record, "RACY_NS", 0)
    first = _warm_and_check(project, UNFORMATTED)
    assert _generate(project, UNFORMATTED) == 0
    module = project / "out" / next(rel for rel in sorted(first) if rel.endswith(".py"))
    before = module.stat()
    _rewrite_keeping_size_and_times(module, before)
    check = ["check", "--spec", str(project / "spec" / "openapi.yaml"), "--out", str(project / "out"), "--cache-dir", str(project / "cache"), UNFORMATTED]
    assert main(check) == 1
    assert _generate(project, UNFORMATTED) == 0
    assert read_tree(project / "out") == first


def test_the_files_a_run_writes_are_read_by_the_next(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import run_record

    monkeypatch.setattr(run_record, "RACY_NS", 0)
    first = _warm_and_check(project, UNFORMATTED)
    module = project / "out" / next(rel for rel in sorted(first) if rel.endswith(".py"))
    before = module.stat()
    module.write_bytes(b"#" * before.st_size)  # as if changed in the same tick as the run wrote it
    os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))
    records = [path.name for path in (project / "cache" / "runs").rglob("*") if path.is_file()]
    assert [Cache(project / "cache").read_value("runs", name)["stats"] for name in records] == [{}]  # it wrote them all: no stat
    assert _generate(project, UNFORMATTED) == 0
    assert read_tree(project / "out") == first


def test_a_file_changed_while_a_run_runs_is_read_next_time(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator import run_record

    monkeypatch.setattr(run_record, "RACY_NS", 0)
    first = _warm_and_check(project, UNFORMATTED)
    assert _generate(project, UNFORMATTED) == 0  # every file settled
    runtime = project / "out" / next(rel for rel in sorted(first) if rel.endswith("_base_client.py"))
    before = runtime.stat()
    generate_files = pipeline.generate_files

    def tampering(*args: Any, **kwargs: Any) -> Any:  # after the run read the folder, before it writes
        _rewrite_keeping_size_and_times(runtime, before)
        return generate_files(*args, **kwargs)

    monkeypatch.setattr(pipeline, "generate_files", tampering)
    _edit(project / "spec" / "openapi.yaml", "description: The pets.", "description: Every pet there is.")
    assert _generate(project, UNFORMATTED) == 0  # does not rewrite the file: it held the same text when read
    monkeypatch.setattr(pipeline, "generate_files", generate_files)
    assert _generate(project, UNFORMATTED) == 0  # no input changed, but the file's stat is not the one read
    assert read_tree(project / "out") == _cold(project, UNFORMATTED)


def test_no_cache_writes_no_cache(project: Path) -> None:
    assert _generate(project, "--no-cache") == 0
    assert not (project / "cache").exists()


@pytest.mark.slow
def test_warnings_give_the_same_lines_from_the_cache(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copytree(ROOT / "tests" / "generator" / "cases" / "no-operation-id", tmp_path / "spec", ignore=shutil.ignore_patterns("check.py", "__pycache__"))
    spec = tmp_path / "spec" / "openapi.yaml"
    text = spec.read_text(encoding="utf-8")

    def warnings(*extra: str) -> list[str]:
        argv = ["generate", "--spec", str(spec), "--out", str(tmp_path / "out"), "--cache-dir", str(tmp_path / "cache")]
        assert main([*argv, *extra]) == 0
        return [line for line in capsys.readouterr().err.splitlines() if "warning[" in line]

    cold = warnings("--no-cache")
    assert cold and all(":" in line.split(" ")[0] for line in cold)  # file:line
    assert warnings() == cold  # parsed, lines found and kept
    spec.write_text("# two lines\n# above\n" + text, encoding="utf-8")
    shifted = warnings()
    assert shifted == warnings("--no-cache") != cold
    spec.write_text(text, encoding="utf-8")
    assert warnings() == cold  # the first document and its lines again, from the cache
    assert warnings() == cold  # nothing changed: the fast path prints what that run printed


TRICKY = """\
openapi: 3.1.0
info: &info
  title: T
  description: first
  version: "1"
x-merged:
  <<: *info
x-alias: *info
paths: {}
"""
DUPLICATE = """\
openapi: 3.1.0
info:
  title: T
  description: first
  description: second
  version: "1"
paths:
  /a:
    get: {summary: flow, description: also flow,
      responses: {"200": {description: ok}}}
"""
NEW_TEXTS = ("Edited text.", "123", "true", "null", "2023-06-20", "a: b", "x # comment", "x, y", "<p>html</p>", "")


def _loaded(load: Any) -> tuple[Any, ...]:
    """What a load gives: the data (``repr`` tells ``1`` from ``True``), hash and lines; or the diagnostics."""
    try:
        document = load()
    except SpecError as exc:
        return tuple(d.format() for d in exc.diagnostics)
    pointers = ["/info/description", "/paths", "/paths/~1a/get/responses", "/components/schemas"]
    return repr(document.data), document.sha256, [document.line_of(p) for p in pointers]


@pytest.mark.parametrize("source", [pytest.param("leap", marks=pytest.mark.slow), "tricky", "duplicate"])
def test_a_one_line_description_edit_loads_like_a_fresh_parse(tmp_path: Path, source: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.read import loader

    text = {"leap": lambda: (ROOT / "spec" / "openapi.yaml").read_text(encoding="utf-8"), "tricky": lambda: TRICKY, "duplicate": lambda: DUPLICATE}[source]()
    patched = []
    original = loader.patched
    monkeypatch.setattr(loader, "patched", lambda *args: patched.append(original(*args)) or patched[-1])
    cache = Cache(tmp_path / "cache")
    spec = tmp_path / "openapi.yaml"
    spec.write_text(text, encoding="utf-8")
    loader.load(spec, cache)
    lines = text.split("\n")
    edited_lines = [i for i, line in enumerate(lines) if re.fullmatch(r" *(description|summary): [^'\"|>].*", line)][:6]
    assert edited_lines
    for index in edited_lines:
        indent, key = re.match(r"( *)(\w+):", lines[index]).group(1, 2)  # type: ignore[union-attr]
        for new in NEW_TEXTS:
            spec.write_text("\n".join([*lines[:index], f"{indent}{key}: {new}", *lines[index + 1 :]]), encoding="utf-8")
            assert _loaded(lambda: loader.load(spec, cache)) == _loaded(lambda: loader.load(spec))
            spec.write_text(text, encoding="utf-8")
            loader.load(spec, cache)
    assert any(patched) == (source == "leap")  # merge keys and repeated keys: parsed again every time


@pytest.mark.slow
def test_a_change_in_the_template_overrides_gives_a_cold_generations_output(project: Path) -> None:
    overrides = project / "overrides"
    overrides.mkdir()
    readme = overrides / "README.md.jinja"
    readme.write_text((pipeline.TEMPLATES / "README.md.jinja").read_text(encoding="utf-8") + "\nOverridden.\n", encoding="utf-8")
    argv = ("--templates", str(overrides))
    assert _generate(project, *argv) == 0
    first = read_tree(project / "out")
    assert b"Overridden." in first["README.md"]
    readme.write_text(readme.read_text(encoding="utf-8").replace("Overridden.", "Overridden again."), encoding="utf-8")
    assert _generate(project, *argv) == 0
    assert _generate(project, *argv, "--no-cache", out="cold") == 0
    assert read_tree(project / "out") == read_tree(project / "cold") != first


@pytest.mark.slow
def test_the_hand_written_folder_is_never_touched(project: Path) -> None:
    first = _warm_and_check(project)
    package = next(rel.split("/")[0] for rel in first if rel.endswith("/__init__.py"))
    lib = project / "out" / package / "lib"
    lib.mkdir()
    (lib / "mine.py").write_bytes(b"X = 1\r\n")
    assert _generate(project) == 0  # nothing changed: the fast path
    _edit(project / "spec" / "openapi.yaml", "description: The pets.", "description: Every pet there is.")
    assert _generate(project) == 0  # the same files: rewritten in place
    (project / "out" / "extra.txt").write_text("not generated\n", encoding="utf-8")
    assert _generate(project) == 0  # a file to remove: the tree is swapped
    assert not (project / "out" / "extra.txt").exists()
    assert (lib / "mine.py").read_bytes() == b"X = 1\r\n"
    assert read_tree(project / "out", (f"{package}/lib",)) == _cold(project)


def test_our_templates_are_compiled_once_and_overrides_every_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``--no-cache`` runs keep our own templates compiled (like .pyc); never a user's override."""
    import jinja2

    from generator import cache as caching
    from generator.render.output import TEMPLATES, environment

    monkeypatch.setattr(caching, "TEMPLATE_BYTECODE_DIR", tmp_path)
    overrides = tmp_path / "overrides"
    (overrides / "package").mkdir(parents=True)
    (overrides / "package" / "_version.py.jinja").write_text('__version__ = "9"\n', encoding="utf-8")
    first = environment(TEMPLATES, None, overrides, caching.jinja_bytecode(TEMPLATES))
    first.get_template("package/resources/tag.py.jinja")
    first.get_template("package/_version.py.jinja")
    assert len(list((tmp_path / "jinja").rglob("*"))) == 2  # ours only: one entry, in its folder

    compiled: list[str] = []
    second = environment(TEMPLATES, None, overrides, caching.jinja_bytecode(TEMPLATES))
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, source, name=None, *a, **k: compiled.append(name) or original(self, source, name, *a, **k))
    second.get_template("package/resources/tag.py.jinja")
    second.get_template("package/_version.py.jinja")
    assert compiled == ["package/_version.py.jinja"]
    for entry in (tmp_path / "jinja").rglob("*"):  # a damaged entry is compiled again, not trusted
        if entry.is_file():
            entry.write_bytes(b"garbage")
    third = environment(TEMPLATES, None, None, caching.jinja_bytecode(TEMPLATES))
    assert third.get_template("package/resources/tag.py.jinja").render is not None
    assert compiled[-1] == "package/resources/tag.py.jinja"


def test_our_templates_are_compiled_once_whatever_the_cache_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run with a cache keeps our templates beside the generator, not in its cache folder (a fresh
    ``--cache-dir`` compiles none of them); a user's override is kept in the cache folder."""
    import jinja2

    from generator import cache as caching
    from generator.render.output import TEMPLATES, environment

    monkeypatch.setattr(caching, "TEMPLATE_BYTECODE_DIR", tmp_path / "own")
    overrides = tmp_path / "overrides"
    (overrides / "package").mkdir(parents=True)
    (overrides / "package" / "_version.py.jinja").write_text('__version__ = "9"\n', encoding="utf-8")
    compiled: list[str] = []
    original = jinja2.Environment.compile
    monkeypatch.setattr(jinja2.Environment, "compile", lambda self, source, name=None, *a, **k: compiled.append(name) or original(self, source, name, *a, **k))
    for folder in ("first", "second"):
        run = environment(TEMPLATES, None, overrides, caching.jinja_bytecode(TEMPLATES, Cache(tmp_path / folder)))
        run.get_template("package/resources/tag.py.jinja")
        run.get_template("package/_version.py.jinja")
    assert compiled == ["package/resources/tag.py.jinja", "package/_version.py.jinja", "package/_version.py.jinja"]
    assert [len([p for p in (tmp_path / name / "jinja").rglob("*") if p.is_file()]) for name in ("own", "first", "second")] == [1, 1, 1]


@pytest.fixture
def leap(tmp_path: Path) -> Path:
    """A copy of Leap's spec, its guide pages and its config, in ``spec/``."""
    shutil.copytree(ROOT / "spec", tmp_path / "spec")
    return tmp_path


def _rendered_paths(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The output paths rendered from now on (files taken from the output folder are not)."""
    from generator.render import output

    seen: list[str] = []
    texts = output._Rendering.texts

    def spy(self: Any, positions: Any) -> Any:
        positions = list(positions)
        seen.extend(self.plan[position][0] for position in positions)
        return texts(self, positions)

    monkeypatch.setattr(output._Rendering, "texts", spy)
    return seen


@pytest.mark.slow
@pytest.mark.parametrize(
    "old, new, changed",
    [
        ("description: Fetch a list of inference jobs for a specific model.", "description: Every inference job of one model.", "Every inference job of one model."),
        ("summary: Delete Image Job", "summary: Remove an Image Job", "Remove an Image Job"),
        ("example: 26a1a203-3a46-42cb-8cfa-f4de075907d8", "example: 00000000-3a46-42cb-8cfa-f4de075907d8", "00000000-3a46"),
    ],
    ids=["description", "summary", "example"],
)
def test_a_text_edit_renders_only_the_files_it_changes(leap: Path, monkeypatch: pytest.MonkeyPatch, old: str, new: str, changed: str) -> None:
    before = _warm_and_check(leap)
    _edit(leap / "spec" / "openapi.yaml", old, new)
    rendered = _rendered_paths(monkeypatch)
    assert _generate(leap) == 0
    rendered_here = set(rendered)
    after = read_tree(leap / "out")
    assert after == _cold(leap)  # the same bytes as a cold generation of the edited spec
    differing = {rel for rel in after if after[rel] != before.get(rel)}
    assert any(changed.encode() in after[rel] for rel in differing)
    assert differing - {".generator-stamp.json"} <= rendered_here
    assert len(rendered_here) < len(after) / 2, sorted(rendered_here)


@pytest.mark.slow
def test_a_structural_edit_after_reuse_gives_a_cold_generations_output(leap: Path) -> None:
    _warm_and_check(leap)
    _edit(leap / "spec" / "openapi.yaml", "summary: Delete Image Job", "summary: Remove an Image Job")
    _warm_and_check(leap)
    _edit(leap / "spec" / "openapi.yaml", "          example: 20\n", "          example: 20\n          maximum: 50\n")
    _warm_and_check(leap)
    shutil.rmtree(leap / "spec" / "guide")
    _warm_and_check(leap)


WITH_DATA = """\
openapi: 3.0.3
info:
  title: T
  version: "1"
paths:
  /a:
    get:
      description: free text
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                type: object
              example:
                description: data
"""


def test_a_text_edit_of_a_valid_spec_is_not_validated_again_unless_the_text_is_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    from generator.read import loader

    validate = importlib.import_module("generator.check.validate")  # the module (the package exports its function)
    runs: list[int] = []
    original = validate._schema_problems
    monkeypatch.setattr(validate, "_schema_problems", lambda document: runs.append(1) or original(document))
    compared: list[int] = []  # the whole-document comparison with the last valid one, which the shortcut spares
    compare = validate._same_but_descriptions
    monkeypatch.setattr(validate, "_same_but_descriptions", lambda old, new: compared.append(1) or compare(old, new))
    cache = Cache(tmp_path / "cache")
    spec = tmp_path / "openapi.yaml"

    def validated(text: str) -> list[str]:
        spec.write_text(text, encoding="utf-8")
        document = loader.load(spec, cache)
        return [d.format() for d in validate.validate(document, cache)]

    assert validated(WITH_DATA) == [] and len(runs) == 1
    edited = WITH_DATA.replace("description: free text", "description: other text")
    assert validated(edited) == [] and len(runs) == 1 and not compared  # patched into the last parse, which was valid
    assert validated(edited.replace("description: data", "description: more data")) == [] and len(runs) == 2  # data: checked again
    assert compared
