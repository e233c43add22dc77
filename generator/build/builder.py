"""Stage 3: build the intermediate representation (:mod:`generator.ir`) from a valid spec.

Runs only after :mod:`generator.check.validate` found no errors, so it may rely on what the
rules there guarantee (local refs that resolve, one tag and one operationId per
operation). The steps, in order, each in its own module:

1. :mod:`.tags` and :mod:`.operations` (with :mod:`.bodies` and :mod:`.responses`): the operations,
   grouped by tag; mapping their types (:mod:`.schema_types`) meets the inline models;
2. :mod:`.schemas`: the component schemas, then the inline models met so far;
3. :mod:`.request_views`: a ``<Name>Input`` for each schema a request sees otherwise than a response;
4. :mod:`.discriminators`: the Python name of each discriminator field, and returnable success types;
5. the server URL, late imports between models, and the ``x-`` extensions' IR (:mod:`.extensions`).

They share one :class:`~generator.build.context.BuildContext` (the names taken, the type mapper, the warnings).
"""

from __future__ import annotations

from generator import __version__
from generator.build import extensions, security
from generator.build.context import BuildContext
from generator.build.discriminators import resolve_discriminators
from generator.build.errors import ERROR_CLASSES
from generator.build.request_views import request_views
from generator.build.schemas import component_schemas, inline_models, with_late_imports
from generator.build.spec_values import text
from generator.build.tags import tags as build_tags
from generator.build.unprintable import warn_unprintable
from generator.diagnostics import Diagnostic
from generator.ir import Api, PackageConfig
from generator.read.document import Document
from generator.read.operations import first_server_url, is_absolute
from generator.read.values import mapping


def build_with_warnings(document: Document, config: PackageConfig | None = None) -> tuple[Api, list[Diagnostic]]:
    """The intermediate representation of a validated ``document``, and the warnings building it gave."""
    ctx = BuildContext(document, config or PackageConfig())
    return api(ctx), ctx.found.items


def build(document: Document, config: PackageConfig | None = None) -> Api:
    """The intermediate representation of a validated ``document``."""
    return build_with_warnings(document, config)[0]


def api(ctx: BuildContext) -> Api:
    """Run the steps in order (see the module's docstring)."""
    data = ctx.document.data
    info = mapping(data.get("info"))
    warn_unprintable(ctx)
    tags = build_tags(ctx)  # before the schemas: operations meet inline models too
    schemas, tags = request_views(ctx, component_schemas(ctx) + inline_models(ctx), tags)
    schemas, tags = resolve_discriminators(ctx.enum_bases, schemas, tags)
    base_url = ctx.config.base_url or server_url(ctx)
    all_schemas = with_late_imports(schemas)
    webhooks = extensions.webhooks(ctx.document, all_schemas)
    return Api(
        title=text(info.get("title")),
        version=str(info.get("version", "")),
        description=text(info.get("description")) or text(info.get("summary")),
        base_url=base_url.rstrip("/"),
        config=ctx.config,
        tags=extensions.attach(ctx.document, tags, all_schemas),
        schemas=all_schemas,
        security=ctx.security_schemes,
        default_security=security.requirement(data.get("security"), {s.name for s in ctx.security_schemes})[0],
        spec_sha256=ctx.document.sha256,
        generator_version=__version__,
        webhooks=webhooks,
        webhook_signature=extensions.webhook_signature(ctx.document, ctx.config.env_prefix) if webhooks else None,
        error_classes=ERROR_CLASSES,
    )


def server_url(ctx: BuildContext) -> str:
    """The first server's URL, its ``{variables}`` filled with their defaults; warn when it is relative."""
    url = first_server_url(ctx.document.data)
    if not url:
        return ""
    if not is_absolute(url):
        ctx.warn("relative-server-url", "/servers/0/url", f"the first server's URL {url!r} is not absolute: the client needs base_url= (or `base_url` in the generator config)")
    return url

