"""Stage 5: format generated Python with black, so whitespace is black's, not the templates'.

``.py`` files are formatted whole; in markdown files, each fenced ``python`` code block is
formatted the same way, so examples in the docs look like the code they describe.
"""

from __future__ import annotations

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


def format_files(files: dict[str, str]) -> dict[str, str]:
    """``files`` with every ``.py`` file and every python block of a ``.md`` file formatted by black.

    Raises:
        SpecError: a rendered file or example is not valid Python (a template bug, reported with the file).
    """
    out: dict[str, str] = {}
    for path, text in files.items():
        if path.endswith(".py"):
            out[path] = _black(path, text)
        elif path.endswith(".md"):
            out[path] = _PYTHON_BLOCK.sub(lambda m: m.group(1) + _black(path, m.group(2)) + m.group(3), text)
        else:
            out[path] = text
    return out
