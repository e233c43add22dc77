"""The edit loop's build shortcut: after a one-line ``description`` or ``summary`` edit, the last
run's IR with the new text put in, instead of building the IR again.

The build treats these texts as opaque: it strips them (:func:`generator.read.values.text`),
tells an empty one from a non-empty one, and stores or joins them, but decides nothing on what
they say. So a cached run of a one-file YAML spec builds its IR with every such text replaced by a
sentinel (:data:`MARK`, a random word of this run, its number, :data:`END`) naming the place it came from, and keeps that IR
(and the build's warnings) pickled with every string holding a sentinel as a persistent id; the IR
of this run is that pickle loaded with the real texts substituted into those strings. A later run
whose spec is the last one with one text edited (:attr:`Document.text_edit_of`) loads the same
pickle with the new text substituted: no build at all.

Only "plain" texts get a sentinel: a non-empty string with no space to strip, no character the
build warns about (:data:`~generator.build.unprintable.UNPRINTABLE`) and no sentinel character,
outside data (examples, defaults, enums...) and ``x-`` extensions. A text that is not plain is
built as it is, and an edit of it, or one that makes a text not plain, builds in full; so does
anything this module cannot prove (another generator, config, working folder or spec, a
sentinel cut by the build, a cache entry missing or damaged). ``tests/generator/test_text_reuse.py``
checks the invariant over every case folder with texts chosen to break it (quotes, sentences,
markdown, long lines).
"""

from __future__ import annotations

import dataclasses
import io
import os
import pickle
import re
from typing import Any

from generator.build.builder import build_with_warnings
from generator.build.unprintable import UNPRINTABLE
from generator.cache import Cache, digest, fingerprint
from generator.diagnostics import Diagnostic
from generator.ir import Api, PackageConfig
from generator.read.description_edits import TEXT_KEYS, in_data
from generator.read.document import Document
from generator.read.parse import is_json

MARK, END = "\ue000", "\ue001"

Tokens = tuple[str, ...]
Built = tuple[Api, list[Diagnostic]]


def build(document: Document, config: PackageConfig | None, cache: Cache | None) -> Built:
    """The IR of ``document`` and the build's warnings, as :func:`build_with_warnings` gives them: the
    last run's when it kept them for this very parse, or for the one this document is a text edit of;
    else built, and kept for the next run (with a ``cache``, for a one-file YAML spec)."""
    if cache is None or document.source is None or len(document.files) != 1 or is_json(document.path, document.source):
        return build_with_warnings(document, config)
    key = _key(document, config)
    found = _reused(document, cache, key)
    return found if found is not None else _built_and_kept(document, config, cache, key)


def plain(value: Any) -> bool:
    """Whether ``value`` is a text the build only carries: substituting it for its sentinel gives what building it gives."""
    return (
        type(value) is str and value != "" and value == value.strip() and MARK not in value and END not in value and not UNPRINTABLE.search(value)
    )


def _key(document: Document, config: PackageConfig | None) -> str:
    """The run's inputs besides the spec's texts: generator, spec path, working folder (diagnostics name files relative to it), config."""
    return digest("ir", fingerprint(), document.path.resolve(), os.getcwd(), pickle.dumps(config or PackageConfig(), protocol=5))


# -- the run that builds ---------------------------------------------------------------------


def with_sentinels(data: Any, word: str) -> tuple[dict[Tokens, int], list[str], list[tuple[Any, Any, str]]]:
    """Put a sentinel in place of every plain text in ``data`` (in place): ``(place -> number, texts, undo)``.
    ``word``, random, tells the sentinels from a string of the spec that holds the same characters."""
    index: dict[Tokens, int] = {}
    texts: list[str] = []
    undo: list[tuple[Any, Any, str]] = []
    seen: set[int] = set()
    stack: list[tuple[Any, Tokens]] = [(data, ())]
    while stack:
        node, tokens = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        for key, value in node.items() if isinstance(node, dict) else enumerate(node):
            if isinstance(value, (dict, list)):
                if not in_data(key):  # texts under data or extensions are not opaque
                    stack.append((value, (*tokens, str(key))))
            elif key in TEXT_KEYS and isinstance(node, dict) and plain(value):
                index[tokens + (key,)] = len(texts)
                node[key] = f"{MARK}{word}:{len(texts)}{END}"
                undo.append((node, key, value))
                texts.append(value)
    return index, texts, undo


def _built_and_kept(document: Document, config: PackageConfig | None, cache: Cache, key: str) -> Built:
    word = os.urandom(8).hex()
    index, texts, undo = with_sentinels(document.data, word)
    try:
        marked = dataclasses.replace(document)  # no typed view or line read from the real texts
        object.__setattr__(marked, "_lines", document._lines)  # the lines it finds are the document's
        marked_built = build_with_warnings(marked, config)
    except Exception:  # noqa: BLE001 - a generator bug: met again with the real texts, so that it is reported as it is
        marked_built = None
    finally:
        for node, name, value in undo:
            node[name] = value
    try:
        ir, strings = _pickled(marked_built)
        found = _loaded(ir, strings, texts, word, document)
    except Exception:  # noqa: BLE001 - a sentinel cut or misplaced, anything unforeseen: build with the real texts
        return build_with_warnings(document, config)
    blob = digest("ir-blob", key, document.sha256)
    cache.write_value("ir-blob", blob, (index, strings, ir, word))
    cache.write_value("ir", _parse_key(key, document.files), (blob, texts))
    return found


class _NotReusable(Exception):
    """A sentinel did not come through the build whole, or left the strings it can be found in."""


def _pickled(value: Any) -> tuple[bytes, list[str]]:
    """``value`` pickled with each string holding a sentinel as a persistent id (its number in the list returned)."""
    strings: list[str] = []
    numbers: dict[int, int] = {}

    class _Pickler(pickle.Pickler):
        def persistent_id(self, obj: Any) -> int | None:
            if type(obj) is not str:
                if isinstance(obj, str) and (MARK in obj or END in obj):
                    raise _NotReusable("a sentinel in a str subclass")
                return None
            if MARK not in obj and END not in obj:
                return None
            number = numbers.get(id(obj))
            if number is None:
                number = numbers[id(obj)] = len(strings)
                strings.append(obj)
            return number

    out = io.BytesIO()
    _Pickler(out, protocol=5).dump(value)
    ir = out.getvalue()
    if MARK.encode() in ir or END.encode() in ir:
        raise _NotReusable("a sentinel outside the strings")
    return ir, strings


def _loaded(ir: bytes, strings: list[str], texts: list[str], word: str, document: Document) -> Built:
    """The IR and warnings pickled in ``ir``, each text put in place of its sentinel (a string of the spec
    holding the sentinels' characters is left with them, and fails the check that follows)."""
    sentinel = re.compile(f"{MARK}{word}:([0-9]+){END}")
    real = [sentinel.sub(lambda found: texts[int(found.group(1))], string) for string in strings]
    if any(MARK in string or END in string for string in real):
        raise _NotReusable("a sentinel cut short")
    unpickler = pickle.Unpickler(io.BytesIO(ir))
    unpickler.persistent_load = real.__getitem__  # type: ignore[method-assign]
    built = unpickler.load()
    if not (isinstance(built, tuple) and len(built) == 2 and isinstance(built[0], Api) and isinstance(built[1], list)):
        raise _NotReusable("not an IR")
    api, warnings = built
    return dataclasses.replace(api, spec_sha256=document.sha256), warnings


# -- the run after a text edit ---------------------------------------------------------------


def _parse_key(key: str, files: tuple[tuple[str, str], ...]) -> str:
    """Where the texts of the parse of ``files`` (path and SHA-256 of the spec) are kept, with the IR they go into."""
    return digest("ir", key, *(part for item in files for part in item))


def _reused(document: Document, cache: Cache, key: str) -> Built | None:
    """The IR kept for this parse, or for the last parse when this document is a text edit of it (the new text put in)."""
    own = cache.read_value("ir", _parse_key(key, document.files))
    edit = document.text_edit_of
    last = own if own is not None or edit is None else cache.read_value("ir", _parse_key(key, edit[0]))
    if not (isinstance(last, tuple) and len(last) == 2 and isinstance(last[0], str) and isinstance(last[1], list)):
        return None
    stored = cache.read_value("ir-blob", last[0])
    if not (isinstance(stored, tuple) and len(stored) == 4 and isinstance(stored[0], dict) and isinstance(stored[1], list) and isinstance(stored[2], bytes)):
        return None
    index, strings, ir, word = stored
    texts = list(last[1])
    if own is None and edit is not None:
        number, value = index.get(edit[1]), _value_at(document.data, edit[1])
        if not isinstance(number, int) or not 0 <= number < len(texts) or not plain(value):
            return None
        texts[number] = value
    try:
        found = _loaded(ir, strings, texts, str(word), document)
    except Exception:  # noqa: BLE001 - whatever went wrong, the build has the last word
        return None
    if own is None:
        cache.write_value("ir", _parse_key(key, document.files), (last[0], texts))
    return found


def _value_at(data: Any, tokens: Tokens) -> Any:
    node = data
    for token in tokens:
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and [str(key) for key in node].count(token) == 1:
            node = next(value for key, value in node.items() if str(key) == token)
        else:
            return None
    return node
