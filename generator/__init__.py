"""Turns an OpenAPI document into a typed Python SDK.

The pipeline runs one way; each stage is a subpackage that takes the previous one's output::

    spec file ──read──> Document ──check──> Diagnostics ──build──> Api (the IR)
        ──render──> {path: text} ──format──> {path: text} ──write──> the output folder

    read/    spec file (YAML/JSON, multi-file)     -> read.Document (parsed, lines kept,
                                                    a typed view: Document.operations())
    check/   Document                              -> Diagnostics (errors stop the run)
    build/   Document                              -> ir.Api
    render/  ir.Api                                -> {path: text}
    format/  {path: text}                          -> {path: text}, as black writes it
    write    {path: text}                          -> files on disk (only changed ones)

Beside them: ``ir`` (the data between build and render), ``config`` (the generator's config
file), ``diagnostics``, ``naming``, ``literals``, ``cache`` and ``workers``. ``pipeline`` runs
the stages for callers in Python; ``cli`` is ``python -m generator`` and the ``leap-generate``
script. No module imports a later stage. docs/architecture.md draws it in more detail.
"""

__version__ = "0.1.0"
