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
from generator.read.operations import iter_operations

Found = tuple[str, str, str, dict[str, Any]]
"""``(pointer, path, method, operation)`` as :func:`generator.read.operations.iter_operations` gives it."""


def tags(ctx: BuildContext) -> tuple[Tag, ...]:
    """The tags with their operations: the declared tags first, in their order, then the others by name."""
    declared = _declared(ctx.document.data)
    grouped: dict[str, list[Found]] = {}
    for found in iter_operations(ctx.document.data):
        grouped.setdefault(operation_tag(ctx, *found), []).append(found)
    order = [name for name in declared if name in grouped] + sorted(n for n in grouped if n not in declared)
    namespaces = (Namespace({"Api"}), Namespace(), Namespace(RESERVED_ATTRIBUTES))
    return tuple(_tag(ctx, name, declared.get(name, ""), grouped[name], namespaces) for name in order)


def _declared(data: dict[str, Any]) -> dict[str, str]:
    """The tags the document declares (top-level ``tags``), with their descriptions."""
    return {str(t["name"]): text(t.get("description")) for t in _listed(data) if isinstance(t, dict) and "name" in t}


def _listed(holder: dict[str, Any]) -> list[Any]:
    """``tags`` of the document or an operation, as listed; none when it is not a list."""
    found = holder.get("tags")
    return found if isinstance(found, list) else []


def operation_tag(ctx: BuildContext, pointer: str, path: str, method: str, op: dict[str, Any]) -> str:
    """The operation's first tag, else :func:`path_tag` (an info when it has several)."""
    named = [t for t in _listed(op) if isinstance(t, str) and t.strip()]
    if len(named) > 1:
        ctx.warn("multiple-tags", pointer_join(pointer, "tags"), f"{method.upper()} {path} has {len(named)} tags {named!r}; its method is on the API class of the first, {named[0]!r}", "info")
    return named[0] if named else path_tag(path)


def path_tag(path: str) -> str:
    """The tag of an untagged operation: the first path segment that is not a parameter, ``api`` or a version (``v1``)."""
    for segment in path.split("/"):
        if not segment or "{" in segment or segment.lower() == "api" or (segment[:1] in "vV" and segment[1:].isdigit()):
            continue
        if words(segment):
            return segment
    return "default"


def _tag(ctx: BuildContext, name: str, description: str, found: list[Found], namespaces: tuple[Namespace, Namespace, Namespace]) -> Tag:
    """One tag: its class, module and client attribute claimed, then its operations built."""
    classes, modules, attributes = namespaces
    first_pointer, _, _, first_op = found[0]
    at = pointer_join(first_pointer, "tags", 0) if _listed(first_op) else first_pointer
    cls = ctx.claim(classes, class_identifier(name, "Tag") + "Api", at, f"tag {name!r}", "class")
    module = ctx.claim(modules, module_name(class_identifier(name, "Tag")), at, f"tag {name!r}", "module")
    attribute = ctx.claim(attributes, identifier(name, "tag"), at, f"tag {name!r}", "client attribute")
    methods = Namespace(RESERVED_METHODS)
    operations = tuple(operation(ctx, pointer, path, method, op, name, methods) for pointer, path, method, op in found)
    return Tag(name=name, description=description, class_name=cls, async_class_name="Async" + cls, attribute=attribute, module=module, operations=operations)
