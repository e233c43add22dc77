"""Stage 5: format generated Python with black, so whitespace is black's, not the templates'."""

from __future__ import annotations

import black

from .diagnostics import Diagnostic, SpecError

MODE = black.Mode(target_versions={black.TargetVersion.PY310}, line_length=88)


def format_files(files: dict[str, str]) -> dict[str, str]:
    """``files`` with every ``.py`` file formatted by black (other files unchanged).

    Raises:
        SpecError: a rendered file is not valid Python (a template bug, reported with the file).
    """
    out: dict[str, str] = {}
    for path, text in files.items():
        if not path.endswith(".py"):
            out[path] = text
            continue
        try:
            out[path] = black.format_str(text, mode=MODE)
        except black.InvalidInput as exc:
            raise SpecError(
                [Diagnostic("invalid-output", "error", "", f"{path} is not valid Python: {exc}", "This is a generator bug: report it with the spec.", file=path)]
            ) from None
    return out
