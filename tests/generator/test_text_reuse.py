"""The build's text shortcut (:mod:`generator.build.text_reuse`): after a one-line ``description`` or
``summary`` edit, the last run's IR with the new text put in is what building the edited spec gives.

It rests on one invariant: the build treats these texts as opaque. The first tests check it on every
case folder, with the spec's own texts and with texts written to break it (quotes, back-slashes,
sentences, markdown, non-ASCII, long lines): building with sentinels and substituting the texts gives
the IR and the warnings of a build with the texts. A build change that reads a text (truncates it,
takes its first sentence, quotes it in a warning, compares two of them) fails them.
The next ones edit each kind of text of the case folders, the Leap spec and corpus documents, and
compare what the shortcut gives with a full build, file by file where the files are written.
"""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.build import text_reuse
from generator.build.builder import build_with_warnings
from generator.cache import Cache
from generator.config import package_config
from generator.ir import PackageConfig
from generator.read.description_edits import _TEXT_LINE, in_data, text_lines
from generator.read.document import Document
from generator.read.loader import load
from generator.read.yaml_loader import compose

ROOT = Path(__file__).resolve().parents[2]
CASES = sorted(path for path in (ROOT / "tests" / "generator" / "cases").glob("*/openapi.yaml"))
LEAP = ROOT / "spec" / "openapi.yaml"
CORPUS = ROOT / "tests" / "generator" / "corpus"
CORPUS_YAML = ["petstore3", "spotify", "mistral"]


def _config(spec: Path) -> PackageConfig:
    toml = spec.parent / "generator.toml"
    if not toml.is_file():
        return PackageConfig()
    values = tomllib.loads(toml.read_text(encoding="utf-8"))
    return package_config(values.get("generator", values))


def _tricky(number: int) -> str:
    return f"Text {number}: it's \"quoted\", a \\ back-slash, *em*, `code` and <b>. Second sentence — é, 漢字.   A long tail{' x' * 60}"


def _substituted(document: Document, config: PackageConfig) -> tuple[Any, Any, int]:
    """Build ``document`` with sentinels and substitute its texts; also the number of texts."""
    index, texts, undo = text_reuse.with_sentinels(document.data, "w")
    try:
        marked = build_with_warnings(load_again(document), config)
    finally:
        for node, name, value in undo:
            node[name] = value
    ir, strings = text_reuse._pickled(marked)
    api, warnings = text_reuse._loaded(ir, strings, texts, "w", document)
    return api, warnings, len(index)


def _with_texts(document: Document, texts_for: Any) -> None:
    """Put ``texts_for(n)`` in place of the n-th plain text of ``document`` (as :func:`text_reuse.with_sentinels` numbers them)."""
    _, _, undo = text_reuse.with_sentinels(document.data, "w")
    for number, (node, name, _) in enumerate(undo):
        node[name] = texts_for(number)


@pytest.mark.parametrize("spec", CASES, ids=lambda path: path.parent.name)
@pytest.mark.parametrize("texts", ["own", "tricky"])
def test_texts_are_opaque_to_the_build(spec: Path, texts: str) -> None:
    config = _config(spec)
    document = load(spec)
    if texts == "tricky":
        _with_texts(document, _tricky)
    expected = build_with_warnings(load_again(document), config)
    api, warnings, count = _substituted(document, config)
    assert count > 0
    assert api == expected[0]
    assert warnings == expected[1]


def load_again(document: Document) -> Document:
    """A fresh document of the same data (no typed view read before)."""
    import dataclasses

    return dataclasses.replace(document)


def test_a_build_that_reads_a_text_breaks_the_invariant(monkeypatch: pytest.MonkeyPatch) -> None:
    """The invariant test can fail: a build that cuts long texts short gives another IR than the substitution."""
    from generator.read import operations

    document = load(LEAP)
    _with_texts(document, _tricky)
    monkeypatch.setattr(operations, "text", lambda value: value.strip()[:30] if isinstance(value, str) else "")
    expected = build_with_warnings(load_again(document), PackageConfig())
    api = _substituted(document, PackageConfig())[0]
    assert api != expected[0]


# -- edits, through the cache ----------------------------------------------------------------

#: The kinds of text an edit may change, told by the keys leading to it.
KINDS = {
    "info": lambda tokens: tokens[0] == "info",
    "tag": lambda tokens: tokens[0] == "tags",
    "operation": lambda tokens: tokens[0] == "paths" and len(tokens) == 4,
    "parameter": lambda tokens: "parameters" in tokens,
    "response": lambda tokens: "responses" in tokens and "schema" not in tokens,
    "component schema": lambda tokens: tokens[:2] == ("components", "schemas") and len(tokens) == 4,
    "schema property": lambda tokens: "properties" in tokens,
}


def _edits(spec: Path) -> dict[str, int]:
    """``{kind: 0-based line}`` of the first one-line text of each kind outside data and extensions that
    the loader patches into its last parse (:mod:`generator.read.description_edits`: no comma, no ``: ``)."""
    found: dict[str, int] = {}
    lines = spec.read_text(encoding="utf-8").split("\n")
    for line, tokens in sorted(text_lines(compose(spec.read_bytes())).items()):
        if any(in_data(token) for token in tokens):
            continue
        written = _TEXT_LINE.fullmatch(lines[line])
        if not written or ": " in written.group(3) or written.group(3).endswith(":"):
            continue
        for kind, test in KINDS.items():
            if kind not in found and test(tokens):
                found[kind] = line
    return found


def _edited(text: str, line: int, new: str) -> str:
    lines = text.split("\n")
    match = re.fullmatch(r"( *(?:- )?(?:description|summary): ).*", lines[line])
    assert match, lines[line]
    lines[line] = match.group(1) + new
    return "\n".join(lines)


def _spy(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each build took the last run's IR (``True``) or built (``False``)."""
    taken: list[bool] = []
    original = text_reuse._reused

    def spied(*args: Any) -> Any:
        found = original(*args)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(text_reuse, "_reused", spied)
    return taken


def _check_edits(spec: Path, config: PackageConfig, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    copy = tmp_path / "spec" / spec.name
    shutil.copytree(spec.parent, copy.parent, ignore=shutil.ignore_patterns("__pycache__", "check.py"))
    cache = Cache(tmp_path / "cache")
    original = copy.read_text(encoding="utf-8")
    taken = _spy(monkeypatch)
    text_reuse.build(load(copy, cache), config, cache)  # a full build, kept
    del taken[:]
    current = original
    for kind, line in _edits(copy).items():
        edited = _edited(current, line, f"Edited {kind} text — it's \"new\" é")
        # an edit, back (the cached parse: its own IR), another edit of the same line (an edit of the first edit's parse)
        for text in (edited, current, _edited(current, line, "Short")):
            copy.write_text(text, encoding="utf-8")
            document = load(copy, cache)
            api, warnings = text_reuse.build(document, config, cache)
            expected = build_with_warnings(load(copy), config)
            assert api == expected[0], kind
            assert warnings == expected[1], kind
        current = text
    return taken


#: Specs the loader does not patch an edit into (several files; notes found while reading): always built in full.
NOT_PATCHED = {"multi-file", "json-schema-ids-files", "json-schema-2020"}


@pytest.mark.parametrize("spec", [*CASES, LEAP], ids=lambda path: path.parent.name)
def test_an_edited_text_gives_the_ir_and_warnings_of_a_full_build(spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if spec.name == "openapi.yaml" and yaml.safe_load(spec.read_text(encoding="utf-8")).get("swagger"):
        pytest.skip("a Swagger 2.0 document is converted: never patched")
    taken = _check_edits(spec, _config(spec), tmp_path, monkeypatch)
    if spec.parent.name not in NOT_PATCHED:
        assert all(taken), taken  # every edit took the shortcut


@pytest.mark.slow
@pytest.mark.parametrize("name", CORPUS_YAML)
def test_an_edited_text_of_a_corpus_document_gives_a_full_builds_ir(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    document = tomllib.loads((CORPUS / "documents" / f"{name}.toml").read_text(encoding="utf-8"))
    spec = tmp_path / "source" / document["file"]
    spec.parent.mkdir()
    shutil.copy(CORPUS / "specs" / document["file"], spec)
    taken = _check_edits(spec, package_config(document.get("generator", {})), tmp_path, monkeypatch)
    assert taken and all(taken)


def _generate(spec: Path, out: Path, *extra: str) -> int:
    from generator.cli import main

    return main(["generate", "--spec", str(spec), "--out", str(out), *extra])


@pytest.mark.slow
def test_the_leap_sdk_after_a_text_edit_is_a_full_generations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from generator.write import read_tree

    spec = tmp_path / "spec" / "openapi.yaml"
    shutil.copytree(LEAP.parent, spec.parent, ignore=shutil.ignore_patterns("__pycache__"))
    taken = _spy(monkeypatch)
    cached = ["--cache-dir", str(tmp_path / "cache")]
    assert _generate(spec, tmp_path / "out", *cached) == 0
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("      summary: Generate an Image\n", "      summary: Generate one image — or several\n", 1), encoding="utf-8")
    assert _generate(spec, tmp_path / "out", *cached) == 0
    assert taken == [False, True]
    assert _generate(spec, tmp_path / "cold", "--no-cache") == 0
    assert read_tree(tmp_path / "out") == read_tree(tmp_path / "cold")
    assert "Generate one image — or several" in read_tree(tmp_path / "out")["leap/resources/images.py"].decode()


def test_whatever_cannot_be_proven_is_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No entry, another config, a text made not plain, a damaged pickle: the build runs, and gives the same IR."""
    spec = tmp_path / "openapi.yaml"
    shutil.copy(LEAP, spec)
    cache = Cache(tmp_path / "cache")
    taken = _spy(monkeypatch)
    original = spec.read_text(encoding="utf-8")
    line = _edits(spec)["operation"]

    def run(text: str, config: PackageConfig = PackageConfig()) -> None:
        spec.write_text(text, encoding="utf-8")
        api, warnings = text_reuse.build(load(spec, cache), config, cache)
        expected = build_with_warnings(load(spec), config)
        assert api == expected[0] and warnings == expected[1]

    run(original)
    run(_edited(original, line, "Other words"), PackageConfig(package="other"))  # kept for another config: none for this one
    run(_edited(original, line, f"A sentinel {text_reuse.MARK}w:0{text_reuse.END} in it"))  # not plain
    run(_edited(original, line, "Back to words"))  # an edit of a parse that was not kept: built
    for blob in (tmp_path / "cache" / "ir-blob").rglob("*"):
        if blob.is_file():
            blob.write_bytes(blob.read_bytes()[:-10])  # cut short: ignored
    run(_edited(original, line, "Words again"))
    assert taken == [False, False, False, False, False]
    run(_edited(original, line, "Words once more"))
    assert taken[-1] is True  # the last run kept its IR again


def test_only_plain_texts_outside_data_and_extensions_get_a_sentinel() -> None:
    data: dict[str, Any] = {
        "info": {"description": "Plain.", "summary": " padded "},
        "paths": {"/a": {"get": {"summary": "", "description": "control \x01 here", "x-notes": {"description": "ext"}}}},
        "components": {"schemas": {"A": {"description": "Kept.", "example": {"description": "data"}, "properties": {"description": {"type": "string"}}}}},
    }
    index, texts, undo = text_reuse.with_sentinels(data, "w")
    assert sorted(index) == [("components", "schemas", "A", "description"), ("info", "description")]
    assert sorted(texts) == ["Kept.", "Plain."]
    assert data["info"]["description"] == f"{text_reuse.MARK}w:{index[('info', 'description')]}{text_reuse.END}"
    assert data["components"]["schemas"]["A"]["example"] == {"description": "data"}
    for node, name, value in undo:
        node[name] = value
    assert data["info"]["description"] == "Plain."
