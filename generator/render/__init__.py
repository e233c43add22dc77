"""Stage 4, render: the IR (:class:`generator.ir.Api`) -> the SDK's files as text (path -> text).

- :mod:`.output`: the Jinja environment, which template gives which files, the rendering itself;
- the filters templates call, one module a kind of text: :mod:`.python_filters` (literals,
  defaults, request items), :mod:`.type_annotations`, :mod:`.imports`, :mod:`.docstrings` and
  :mod:`.docstring_text` (escaping and wrapping), :mod:`.wire` (what travels on the wire),
  :mod:`.markdown_filters` (the docs), :mod:`.readme` (the README's example calls);
- :mod:`.overrides`: a user's folder of templates that replace ours, and the template reference.
"""

from generator.render.output import render

__all__ = ["render"]
