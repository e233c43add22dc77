"""Stage 4: render the templates into files (path -> text), from the IR alone.

``templates/`` is laid out like the output. A file ending in ``.jinja`` is rendered with
``api`` (the :class:`~generator.ir.Api`) in its context; any other file is copied as it
is. Templates under ``resources/`` and ``models/`` and ``docs/`` fan out: one output per
tag or schema, named in :func:`plan`. ``README.md.jinja`` is rendered twice: as the SDK's
README and as the home page of the docs site (``docs/index.md``), with links relative to
each. The product's hand-written guide pages live beside the spec (``guide/NN-name.md``):
each is rendered with ``api`` too (so its names follow the config) to ``docs/guide/name.md``,
in the order of ``NN``; every template sees them as ``guides``.
Jinja runs with ``StrictUndefined``, so a missing attribute fails the run instead of
rendering as empty text.

A user's folder of template overrides (laid out like ``templates/``, see
:mod:`generator.render.overrides`) replaces our files of the same name; a plain (non-``.jinja``)
file there replaces ours as it is. What each template sees is declared in :data:`CONTEXT`
and :data:`FAN_OUT_CONTEXT` (the template reference in docs/customisation.md is generated from them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

import jinja2

from generator.render.docstring_text import printable
from generator.render import docstring_text, docstrings, imports, markdown_filters, pagination, python_filters, readme, type_annotations, wire
from generator.ir import Api
from generator.render.reuse import ApiReads, Reuse, job_record
from generator.workers import fork_map, workers

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"

HEADER = "# Generated from the OpenAPI spec by the {title} SDK generator. Do not edit: change the spec or the templates and regenerate.\n"

#: Per-item templates: rendered once per tag or schema instead of once.
FAN_OUT = {
    "package/resources/tag.py.jinja",
    "package/models/model.py.jinja",
    "package/models/enum.py.jinja",
    "package/models/alias.py.jinja",
    "docs/tag.md.jinja",
    "docs/models/schema.md.jinja",
    "README.md.jinja",
}

#: What every ``.jinja`` template sees: name -> type (types of :mod:`generator.ir` and this module).
CONTEXT = {"api": "Api", "guides": "tuple[GuidePage, ...]"}
#: What the per-item and twice-rendered templates see besides :data:`CONTEXT`.
FAN_OUT_CONTEXT: dict[str, dict[str, str]] = {
    "package/resources/tag.py.jinja": {"tag": "Tag"},
    "package/models/model.py.jinja": {"schema": "Model"},
    "package/models/enum.py.jinja": {"schema": "Enum"},
    "package/models/alias.py.jinja": {"schema": "Alias"},
    "docs/tag.md.jinja": {"tag": "Tag"},
    "docs/models/schema.md.jinja": {"schema": "Model | Enum | Alias"},
    "README.md.jinja": {"docs_prefix": "str"},
}

#: Where the per-item and twice-rendered templates are rendered to (``<...>``: an attribute of the context).
FAN_OUT_PATHS = {
    "package/resources/tag.py.jinja": ("<package>/resources/<tag.module>.py",),
    "package/models/model.py.jinja": ("<package>/models/<schema.module>.py",),
    "package/models/enum.py.jinja": ("<package>/models/<schema.module>.py",),
    "package/models/alias.py.jinja": ("<package>/models/<schema.module>.py",),
    "docs/tag.md.jinja": ("docs/<tag.class_name>.md",),
    "docs/models/schema.md.jinja": ("docs/models/<schema.name>.md",),
    "README.md.jinja": ("README.md", "docs/index.md"),
}

#: The modules whose functions templates call as filters (each lists them in ``FILTERS``).
FILTER_MODULES = (python_filters, docstring_text, docstrings, pagination, type_annotations, imports, wire, readme, markdown_filters)

OURS = "ours"
"""The prefix under which template overrides reach the templates they replace."""

GUIDE_FOLDER = "guide"
"""The folder beside the spec that holds the product's hand-written guide pages."""
_GUIDE_NAME = re.compile(r"^(\d+)-([a-z0-9-]+)\.md$")


@dataclass(frozen=True)
class GuidePage:
    """A hand-written guide page: its template, its output path under ``docs/``, its title."""

    template: str
    path: str  # relative to docs/, e.g. guide/retries.md
    title: str


def guide_pages(folder: Path | None) -> tuple[GuidePage, ...]:
    """The guide pages in ``folder`` (``NN-name.md``), in the order of their ``NN-`` prefix.

    Raises:
        ValueError: a file there is not named ``NN-name.md`` or does not start with a ``# `` title.
    """
    pages = []
    for path in sorted(folder.glob("*")) if folder is not None and folder.is_dir() else ():
        match = _GUIDE_NAME.match(path.name)
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        if not match or not first.startswith("# "):
            raise ValueError(f"{GUIDE_FOLDER}/{path.name}: guide pages are named NN-name.md and start with a '# ' title")
        pages.append((int(match.group(1)), GuidePage(f"{GUIDE_FOLDER}/{path.name}", f"guide/{match.group(2)}.md", first[2:].strip())))
    return tuple(page for _, page in sorted(pages, key=lambda item: item[0]))


#: Templates rendered only when the API has what they are about.
OPTIONAL = {"package/webhooks.py.jinja": "webhooks", "package/_webhooks.py": "webhooks", "package/_webhook_signatures.py": "webhook_signature"}


def environment(
    templates: Path = TEMPLATES, guide: Path | None = None, overrides: Path | None = None, bytecode_cache: jinja2.BytecodeCache | None = None
) -> jinja2.Environment:
    """The Jinja environment: ``overrides`` (a folder laid out like ``templates``) first, then ``templates``.

    With overrides, ours stay reachable as ``ours/<name>``, so an override can
    ``{% include "ours/README.md.jinja" %}`` and add to it.
    """
    folders = [str(overrides), str(templates)] if overrides is not None else [str(templates)]
    loader: jinja2.BaseLoader = jinja2.FileSystemLoader(folders)
    prefixes = {GUIDE_FOLDER: jinja2.FileSystemLoader(str(guide))} if guide is not None else {}
    if overrides is not None:
        prefixes[OURS] = jinja2.FileSystemLoader(str(templates))
    if prefixes:
        loader = jinja2.ChoiceLoader([loader, jinja2.PrefixLoader(prefixes)])
    env = jinja2.Environment(
        loader=loader,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        bytecode_cache=bytecode_cache,
        finalize=printable,
    )
    for module in FILTER_MODULES:
        for name in module.FILTERS:
            env.filters[name] = getattr(module, name)
    return env


def plan(api: Api, templates: Path = TEMPLATES, guide: Path | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    """``(output path, template, extra context)`` of every file, sorted by output path."""
    package = api.config.package
    jobs: list[tuple[str, str, dict[str, Any]]] = []
    for path in sorted(p for p in templates.rglob("*") if p.is_file()):
        template = path.relative_to(templates).as_posix()
        if template in FAN_OUT or (template in OPTIONAL and not getattr(api, OPTIONAL[template])):
            continue
        out = template.removesuffix(".jinja")
        if out.startswith("package/"):
            out = package + out[len("package") :]
        jobs.append((out, template, {}))
    if (templates / "README.md.jinja").is_file():
        jobs.append(("README.md", "README.md.jinja", {"docs_prefix": "docs/"}))
        jobs.append(("docs/index.md", "README.md.jinja", {"docs_prefix": ""}))
    for page in guide_pages(guide):
        jobs.append((f"docs/{page.path}", page.template, {}))
    for tag in api.tags:
        jobs.append((f"{package}/resources/{tag.module}.py", "package/resources/tag.py.jinja", {"tag": tag}))
        jobs.append((f"docs/{tag.class_name}.md", "docs/tag.md.jinja", {"tag": tag}))
    for schema in api.schemas:
        jobs.append((f"{package}/models/{schema.module}.py", f"package/models/{schema.kind}.py.jinja", {"schema": schema}))
        jobs.append((f"docs/models/{schema.name}.md", "docs/models/schema.md.jinja", {"schema": schema}))
    return sorted(jobs, key=lambda job: job[0])


def black_clean_copies(api: Api, templates: Path = TEMPLATES, overrides: Path | None = None) -> frozenset[str]:
    """Output paths of the Python files copied from our own plain (non-``.jinja``) templates.

    Those templates are kept black-formatted in this repository (``python -m generator.format``
    reformats them; ``tests/generator/test_render.py`` fails when one is not), and the one-line header
    put in front of them is a comment black leaves as it is: so black would not change these
    files, and the format stage skips them. A file an override replaces is not among them.
    """
    if templates != TEMPLATES or not api.config.title.isprintable():
        return frozenset()
    return frozenset(
        out
        for out, template, _ in plan(api, templates)
        if out.endswith(".py") and not template.endswith(".jinja") and not (overrides is not None and (overrides / template).is_file())
    )


def render(
    api: Api, templates: Path = TEMPLATES, guide: Path | None = None, overrides: Path | None = None, bytecode_cache: jinja2.BytecodeCache | None = None
) -> dict[str, str]:
    """Every output file as text, keyed by its path relative to the output folder (see :func:`render_files`)."""
    return render_files(api, templates, guide, overrides, bytecode_cache).texts


def render_files(
    api: Api,
    templates: Path = TEMPLATES,
    guide: Path | None = None,
    overrides: Path | None = None,
    bytecode_cache: jinja2.BytecodeCache | None = None,
    reuse: Reuse | None = None,
) -> Rendered:
    """Every output file: as text, keyed by its path relative to the output folder.

    ``overrides``: a folder whose files replace those of ``templates`` with the same
    relative path (checked beforehand by :func:`generator.render.overrides.check_overrides`);
    ``bytecode_cache``: where compiled templates are kept between runs. From :data:`PARALLEL_FROM`
    files to render on, forked processes render a share each; the files are the same either way.
    ``reuse``: the last generation's record (see :mod:`generator.render.reuse`): a file whose inputs
    did not change is not rendered, its text (already formatted) is in :attr:`Rendered.reused`.
    """
    job = _Rendering(api, templates, guide, overrides, environment(templates, guide, overrides, bytecode_cache), reuse)
    reused: dict[str, str] = {}
    if reuse is not None:
        reuse = reuse.under(job.header)
        reuse.prepare(api, job.plan)
        for out, template, extra in job.plan:
            text = reuse.reused(out, template, extra)
            if text is not None:
                reused[out] = text
    todo = [position for position, (out, _, _) in enumerate(job.plan) if out not in reused]
    count = workers() if len(todo) >= PARALLEL_FROM else 1
    if count < 2:
        done = job.texts(todo)
    else:
        global _RENDERING
        _RENDERING = job  # what the forked workers render from, without a copy
        try:
            shares = fork_map(_render_share, [(todo[index::count]) for index in range(count)])
        finally:
            _RENDERING = None
        done = [("", frozenset())] * len(todo)
        for index, share in enumerate(shares):
            done[index::count] = share if share is not None else job.texts(todo[index::count])  # a failure is raised here, as without workers
    texts = {job.plan[position][0]: text for position, (text, _) in zip(todo, done)}
    jobs = {}
    if reuse is not None:
        reads = {job.plan[position][0]: found for position, (_, found) in zip(todo, done)}
        jobs = {out: reuse.jobs[out] if out in reused else job_record(reuse, out, template, extra, reads[out]) for out, template, extra in job.plan}
    return Rendered(texts, reused, [out for out, _, _ in job.plan], jobs)


@dataclass(frozen=True)
class Rendered:
    """The files rendered (``texts``), those taken from the output folder as they are (``reused``, formatted
    already), every path in order, and what to record of each for the next run's reuse (``jobs``)."""

    texts: dict[str, str]
    reused: dict[str, str]
    order: list[str]
    jobs: dict[str, Any]


#: From this many output files to render on, they are rendered by one forked process per core (Stripe's
#: spec makes 4,700, rendered in 0.5 s; Leap's 65 would not repay the fork).
PARALLEL_FROM = 1000


class _Rendering:
    """One rendering: the plan and what its files are rendered with."""

    def __init__(self, api: Api, templates: Path, guide: Path | None, overrides: Path | None, env: jinja2.Environment, reuse: Reuse | None) -> None:
        self.api, self.templates, self.overrides, self.env, self.track = api, templates, overrides, env, reuse is not None
        self.plan = plan(api, templates, guide)
        self.header = HEADER.format(title=printable(api.config.title))
        self.guides = guide_pages(guide)
        self.learnt: dict[str, frozenset[str]] = {}  # what ApiReads learns of the Api's cached properties

    def texts(self, positions: Iterable[int]) -> list[tuple[str, frozenset[str]]]:
        """The text of the files at ``positions`` in the plan, each with the fields of ``api`` it read (when tracked)."""
        out = []
        for position in positions:
            path, template, extra = self.plan[position]
            api: Any = ApiReads(self.api, self.learnt) if self.track else self.api
            if not template.endswith(".jinja") and not template.startswith(GUIDE_FOLDER + "/"):
                source = self.overrides / template if self.overrides is not None and (self.overrides / template).is_file() else self.templates / template
                text = source.read_text(encoding="utf-8")
            else:
                text = self.env.get_template(template).render(api=api, guides=self.guides, **extra)
            reads = frozenset(api.reads) if self.track else frozenset()
            out.append((self.header + text if path.endswith(".py") else text, reads))
        return out


_RENDERING: _Rendering | None = None


def _render_share(positions: list[int]) -> list[tuple[str, frozenset[str]]] | None:
    """In a worker: the files at ``positions`` of the plan; ``None`` when one fails (the caller renders
    that share again itself, so the error is raised there, with its traceback)."""
    assert _RENDERING is not None
    try:
        return _RENDERING.texts(positions)
    except Exception:  # noqa: BLE001 - raised again by the caller
        return None
