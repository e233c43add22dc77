"""Stage 5: format generated Python with black, so whitespace is black's, not the templates'.

``.py`` files are formatted whole; in markdown files, each fenced ``python`` code block is
formatted the same way, so examples in the docs look like the code they describe. A piece of
Python found in more than one place (the README's examples are the docs' home page's too) is
given to black once.

With a cache (:mod:`generator.cache`), a file black has formatted before (the same text, the
same black version and mode) is taken from it, and black is not even imported when every
file is found there.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.cache import Cache, digest, distribution_version
from generator.diagnostics import CODES, Diagnostic, SpecError
from generator.workers import fork_map, workers

#: black's mode, as plain values (so a cache key needs no import of black): Python 3.10 code, 88 columns.
TARGET_VERSIONS = ("PY310",)
LINE_LENGTH = 88

_PYTHON_BLOCK = re.compile(r"(^```python\n)(.*?)(^```$)", re.DOTALL | re.MULTILINE)
_MODE: Any = None


def mode() -> Any:
    """black's ``Mode`` for :data:`TARGET_VERSIONS` and :data:`LINE_LENGTH` (imports black)."""
    global _MODE
    import black

    wanted = (TARGET_VERSIONS, LINE_LENGTH)
    if _MODE is None or _MODE[0] != wanted:
        _MODE = (wanted, black.Mode(target_versions={black.TargetVersion[v] for v in TARGET_VERSIONS}, line_length=LINE_LENGTH))
    return _MODE[1]


def mode_key() -> str:
    """What black's output depends on besides its input: black's version and our mode."""
    return f"black {distribution_version('black')} {sorted(TARGET_VERSIONS)} {LINE_LENGTH}"


def _black(path: str, code: str) -> str:
    import black

    from generator.format.line_splitter import prelayout  # here: a run with nothing to format only needs mode_key()

    try:
        return black.format_str(prelayout(code), mode=mode())
    except black.InvalidInput as exc:
        raise SpecError(
            [Diagnostic("invalid-output", "error", "", f"{path} holds Python that does not parse: {exc}", CODES["invalid-output"][1], file=path)]
        ) from None


#: From this much text to format on (characters), black runs in one process per core: forking them costs
#: a few milliseconds, about what black takes for 2,000 characters, so even Leap's SDK is formatted in parallel.
PARALLEL_FROM = 100_000


def _needs_black(path: str) -> bool:
    return path.endswith((".py", ".md"))


def _codes(path: str, text: str) -> list[str]:
    """The Python black formats in a file: a ``.py`` file whole; each fenced ``python`` block of a ``.md`` file."""
    if path.endswith(".py"):
        return [text]
    if path.endswith(".md") and "```python\n" in text:
        return [match.group(2) for match in _PYTHON_BLOCK.finditer(text)]
    return []


def _assemble(path: str, text: str, formatted: dict[str, str]) -> str:
    """``text`` with its Python (see :func:`_codes`) replaced by black's layout of it, from ``formatted``."""
    if path.endswith(".py"):
        return formatted[text]
    if path.endswith(".md") and "```python\n" in text:
        return _PYTHON_BLOCK.sub(lambda m: m.group(1) + formatted[m.group(2)] + m.group(3), text)
    return text


def _black_guarded(item: tuple[str, str]) -> tuple[str, list[Diagnostic]]:
    try:
        return _black(*item), []
    except SpecError as exc:
        return "", exc.diagnostics


def _black_all(items: list[tuple[str, str]]) -> list[str]:
    """black's layout of each ``(path, code)``; in one process per core from :data:`PARALLEL_FROM` characters."""
    if sum(len(code) for _, code in items) < PARALLEL_FROM or workers() < 2:
        return [_black(path, code) for path, code in items]
    mode()  # import black before forking, once
    # Biggest first, in small chunks: the workers finish together instead of one waiting on the last big file.
    order = sorted(range(len(items)), key=lambda index: -len(items[index][1]))
    done = fork_map(_black_guarded, [items[index] for index in order], chunksize=max(1, len(items) // (workers() * 32)))
    results: list[tuple[str, list[Diagnostic]]] = [("", [])] * len(items)
    for index, result in zip(order, done):
        results[index] = result
    problems = [d for _, found in results for d in found]
    if problems:
        raise SpecError(problems)
    return [code for code, _ in results]


def _format_all(items: list[tuple[str, str]]) -> list[str]:
    """Each ``(path, text)`` formatted. A piece of Python found more than once (the README's examples are
    the docs' home page's too) is given to black once; a problem in it is reported with the first file."""
    first_path: dict[str, str] = {}
    for path, text in items:
        for code in _codes(path, text):
            first_path.setdefault(code, path)
    formatted = dict(zip(first_path, _black_all([(path, code) for code, path in first_path.items()])))
    return [_assemble(path, text, formatted) for path, text in items]


def layout_key(formatted: bool = True) -> str:
    """What the files' layout depends on: :func:`mode_key` when black formats them, else that they are not formatted."""
    return mode_key() if formatted else "not formatted"


def _parse_only(files: dict[str, str], black_clean: frozenset[str]) -> dict[str, str]:
    """``files`` as they are, once every ``.py`` file is known to parse as Python 3.10 (what black would check)."""
    import ast

    problems = []
    for path, text in files.items():
        if path.endswith(".py") and path not in black_clean:
            try:
                ast.parse(text, path, feature_version=(3, 10))
            except SyntaxError as exc:
                message = f"{path} holds Python that does not parse: line {exc.lineno}: {exc.msg}"
                problems.append(Diagnostic("invalid-output", "error", "", message, CODES["invalid-output"][1], file=path))
    if problems:
        raise SpecError(problems)
    return dict(files)


def format_files(
    files: dict[str, str], cache: Cache | None = None, black_clean: frozenset[str] = frozenset(), *, formatted: bool = True
) -> dict[str, str]:
    """``files`` with every ``.py`` file and every python block of a ``.md`` file formatted by black.

    ``black_clean``: paths of files known to be black's output already (see
    :func:`generator.render.output.black_clean_copies`), left as they are. The result does not depend on
    how many processes format it, nor on the cache. With ``formatted=False`` (``--no-format``) the files
    are left as the templates wrote them (valid Python, not black's layout), and only parsed: black is
    most of a cold run's CPU (about 70% on Stripe, see bench/RESULTS.md).

    Raises:
        SpecError: a rendered file or example is not valid Python (a template bug, reported with the file).
    """
    if not formatted:
        return _parse_only(files, black_clean)
    done: dict[str, str] = {}
    keys: dict[str, str] = {}
    todo: list[tuple[str, str]] = []
    context = mode_key() if cache is not None else ""
    for path, text in files.items():
        if not _needs_black(path) or path in black_clean:
            done[path] = text
            continue
        if cache is not None:
            keys[path] = digest("black", context, path.endswith(".py"), text)
            stored = cache.read("black", keys[path])
            if stored is not None:
                try:
                    done[path] = stored.decode("utf-8")
                    continue
                except UnicodeDecodeError:
                    pass
        todo.append((path, text))
    for (path, _), text in zip(todo, _format_all(todo)):
        done[path] = text
        if cache is not None:
            cache.write("black", keys[path], text.encode("utf-8"))
    return {path: done[path] for path in files}


def reformat_copied_templates(templates: Path | None = None) -> list[Path]:
    """Format our plain ``.py`` templates with black (as the generated files they become, header
    included) and return those that changed: they are copied without formatting
    (:func:`generator.render.output.black_clean_copies`), so they must be black's output already."""
    from generator.render.output import HEADER, TEMPLATES

    header = HEADER.format(title="Leap")
    changed = []
    for path in sorted((templates or TEMPLATES).rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        formatted = _black(str(path), header + text)
        if formatted[len(header) :] != text:
            path.write_text(formatted[len(header) :], encoding="utf-8")
            changed.append(path)
    return changed
