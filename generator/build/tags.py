"""The operations grouped by tag, each group an API class of the client (:class:`~generator.ir.Tag`)."""

from __future__ import annotations

from typing import Any

from generator.build.context import BuildContext
from generator.reserved_names import RESERVED_ATTRIBUTES, RESERVED_METHODS
from generator.build.operations import operation
from generator.build.spec_values import text
from generator.diagnostics import pointer_join
from generator.ir import Tag
from generator.naming import Namespace, class_identifier, identifier, module_name, words
from generator.read.operations import Operation as SpecOperation
from generator.read.values import listed


def tags(ctx: BuildContext) -> tuple[Tag, ...]:
    """The tags with their operations: the declared tags first, in their order, then the others by name."""
    declared = _declared(ctx.document.data)
    grouped: dict[str, list[SpecOperation]] = {}
    for op in ctx.document.operations():
        grouped.setdefault(operation_tag(ctx, op), []).append(op)
    order = [name for name in declared if name in grouped] + sorted(n for n in grouped if n not in declared)
    namespaces = (Namespace({"Api"}), Namespace(), Namespace(RESERVED_ATTRIBUTES))
    return tuple(_tag(ctx, name, declared.get(name, ""), grouped[name], namespaces) for name in order)


def _declared(data: dict[str, Any]) -> dict[str, str]:
    """The tags the document declares (top-level ``tags``), with their descriptions."""
    return {str(t["name"]): text(t.get("description")) for t in listed(data.get("tags")) if isinstance(t, dict) and "name" in t}


def operation_tag(ctx: BuildContext, op: SpecOperation) -> str:
    """The operation's first tag, else :func:`path_tag` (an info when it has several)."""
    named = list(op.tags)
    if len(named) > 1:
        ctx.warn("multiple-tags", pointer_join(op.pointer, "tags"), f"{op.method.upper()} {op.path} has {len(named)} tags {named!r}; its method is on the API class of the first, {named[0]!r}", "info")
    return named[0] if named else path_tag(op.path)


def path_tag(path: str) -> str:
    """The tag of an untagged operation: the first path segment that is not a parameter, ``api`` or a version (``v1``)."""
    for segment in path.split("/"):
        if not segment or "{" in segment or segment.lower() == "api" or (segment[:1] in "vV" and segment[1:].isdigit()):
            continue
        if words(segment):
            return segment
    return "default"


def _tag(ctx: BuildContext, name: str, description: str, found: list[SpecOperation], namespaces: tuple[Namespace, Namespace, Namespace]) -> Tag:
    """One tag: its class, module and client attribute claimed, then its operations built."""
    classes, modules, attributes = namespaces
    at = pointer_join(found[0].pointer, "tags", 0) if found[0].tags else found[0].pointer
    cls = ctx.claim(classes, class_identifier(name, "Tag") + "Api", at, f"tag {name!r}", "class")
    module = ctx.claim(modules, module_name(class_identifier(name, "Tag")), at, f"tag {name!r}", "module")
    attribute = ctx.claim(attributes, identifier(name, "tag"), at, f"tag {name!r}", "client attribute")
    methods = Namespace(RESERVED_METHODS)
    operations = tuple(operation(ctx, op, name, methods) for op in found)
    return Tag(name=name, description=description, class_name=cls, async_class_name="Async" + cls, attribute=attribute, module=module, operations=operations)
