"""Stage 5: format generated Python with black, so whitespace is black's, not the templates'.

``.py`` files are formatted whole; in markdown files, each fenced ``python`` code block is
formatted the same way, so examples in the docs look like the code they describe.
"""

from __future__ import annotations

import multiprocessing
import os
import re

import black

from .diagnostics import CODES, Diagnostic, SpecError

MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)

_PYTHON_BLOCK = re.compile(r"(^```python\n)(.*?)(^```$)", re.DOTALL | re.MULTILINE)


def _black(path: str, code: str) -> str:
    try:
        return black.format_str(code, mode=MODE)
    except black.InvalidInput as exc:
        raise SpecError(
            [Diagnostic("invalid-output", "error", "", f"{path} holds Python that does not parse: {exc}", CODES["invalid-output"][1], file=path)]
        ) from None


#: From this many files on, black runs in one process per core (a big spec's SDK has thousands).
PARALLEL_FROM = 200


def _format_one(item: tuple[str, str]) -> str:
    path, text = item
    if path.endswith(".py"):
        return _black(path, text)
    if path.endswith(".md"):
        return _PYTHON_BLOCK.sub(lambda m: m.group(1) + _black(path, m.group(2)) + m.group(3), text)
    return text


def _format_guarded(item: tuple[str, str]) -> tuple[str, list[Diagnostic]]:
    try:
        return _format_one(item), []
    except SpecError as exc:
        return "", exc.diagnostics


def format_files(files: dict[str, str]) -> dict[str, str]:
    """``files`` with every ``.py`` file and every python block of a ``.md`` file formatted by black.

    The result does not depend on how many processes format it.

    Raises:
        SpecError: a rendered file or example is not valid Python (a template bug, reported with the file).
    """
    items = list(files.items())
    workers = min(os.cpu_count() or 1, 8)
    if len(items) < PARALLEL_FROM or workers < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return {path: _format_one((path, text)) for path, text in items}
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        results = pool.map(_format_guarded, items, chunksize=16)
    problems = [d for _, found in results for d in found]
    if problems:
        raise SpecError(problems)
    return {path: text for (path, _), (text, _) in zip(items, results)}
