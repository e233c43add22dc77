"""Stage 4, render: the IR (:class:`generator.ir.Api`) -> the SDK's files as text (path -> text).

- :mod:`.output`: the Jinja environment, which template gives which files, the rendering itself;
- :mod:`.python_filters`, :mod:`.markdown_filters`: the filters templates call (docstrings, imports,
  example calls, markdown cells);
- :mod:`.overrides`: a user's folder of templates that replace ours, and the template reference.
"""

from generator.render.output import render

__all__ = ["render"]
