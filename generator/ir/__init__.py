"""Stage 3's output: the typed intermediate representation the templates render.

Frozen dataclasses only: data, and properties that select or combine it (never Python or
Markdown text: that is the render stage's, :mod:`generator.render`). Nothing here refers back
to the raw spec except ``pointer`` strings (JSON pointers into the spec, for docstrings and
docs that cite their source). Templates see these objects and nothing else.

- :mod:`.types`: :class:`PyType`, :class:`Value`, :class:`Field` (properties and arguments);
- :mod:`.schemas`: :class:`Model`, :class:`Enum`, :class:`Alias` (one per generated schema);
- :mod:`.operations`: :class:`Operation` and its :class:`Body`, :class:`Response`, :class:`AndWait`;
- :mod:`.extensions`: its ``x-`` extensions' :class:`Waiter`, :class:`Pagination`, :class:`RetryRule`;
- :mod:`.api`: :class:`Api` (the whole SDK), its tags, webhooks, security schemes and error classes.
"""

from generator.ir.types import Field, PyType, TypeKind, Value
from generator.ir.schemas import Alias, Enum, EnumValue, Model, Schema
from generator.ir.extensions import Pagination, RetryRule, Waiter
from generator.ir.operations import AndWait, Body, BodyFormat, EventStream, Operation, Response
from generator.ir.api import Api, ErrorClass, OAuthFlow, PackageConfig, SecurityScheme, Tag, Webhook, WebhookShape, WebhookSignature

__all__ = [
    "Alias",
    "AndWait",
    "Api",
    "Body",
    "BodyFormat",
    "Enum",
    "EnumValue",
    "EventStream",
    "ErrorClass",
    "Field",
    "Model",
    "OAuthFlow",
    "Operation",
    "PackageConfig",
    "Pagination",
    "PyType",
    "Response",
    "RetryRule",
    "Schema",
    "SecurityScheme",
    "Tag",
    "TypeKind",
    "Value",
    "Waiter",
    "Webhook",
    "WebhookShape",
    "WebhookSignature",
]
