"""Stage 5, format: rendered files (path -> text) -> the same files as black writes them.

- :mod:`.formatter`: black on every ``.py`` file and on the ``python`` blocks of markdown, cached per
  file, in worker processes on a big SDK;
- :mod:`.line_splitter`: long lines split the way black splits them before black runs;
- :mod:`.line_scan`: what the splitter reads of a line (bracket depths, strings masked).
"""

from generator.format.formatter import format_files

__all__ = ["format_files"]
