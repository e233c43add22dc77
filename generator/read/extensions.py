"""Workflows OpenAPI has no keyword for: waiters, list iterators, webhooks.

The spec states them, and the SDK is generated from them like from the rest:

``x-waiter`` (on an operation that reads a job; generates ``wait``)::

    x-waiter:
      name: wait                    # the method name (default: wait)
      stateFields: [state, status]  # response properties; the first one set holds the state
      success: [finished]           # states that end the wait with the job
      failure: [failed]             # states that end it with JobFailedError
      delay: 1                      # seconds between the first polls
      maxDelay: 5                   # the pause grows by half each poll, up to this
      timeout: 300                  # seconds to wait in all (the method's default)

A standard ``links`` entry on an operation's 2xx response pointing (``operationId``) at an
operation with an ``x-waiter`` generates ``<operation>_and_wait``: it calls the operation,
then waits, filling the polled operation's parameters from the link's runtime
expressions (``$request.path.X``, ``$request.query.X``, ``$request.header.X``,
``$request.body#/X``, ``$response.body#/X``).

``x-pagination`` (on a list operation; generates ``<operation>_iter`` over the items and
``<operation>_pages`` over the pages)::

    x-pagination:
      style: page              # page (default), offset, cursor, cursor-id, next-url, link-header
      pageParameter: page      # page: query parameter with the page number
      sizeParameter: pageSize  # query parameter with the page size (required for page)
      firstPage: 0             # page: the number of the first page (default 0)
      defaultPageSize: 50      # the iterators' default page size (default 50)
      items: data              # the response property holding the list (omit for a bare array)
      itemKey: id              # the item property that identifies an item (required for cursor-id)
      offsetParameter: offset  # offset: query parameter with the number of items to skip
      cursorParameter: cursor  # cursor, cursor-id: query parameter the cursor is sent in
      nextCursor: next_cursor  # cursor: response property with the next page's cursor
      hasMore: has_more        # cursor-id (required), cursor: boolean response property
      nextUrl: next            # next-url: response property with the next page's URL

``x-webhook-signature`` (at the top of the document; generates ``webhooks.unwrap`` and
``webhooks.verify_signature``)::

    x-webhook-signature:
      scheme: standard-webhooks   # or hmac, with the keys below
      header: Stripe-Signature    # hmac: the header with the signature(s)
      algorithm: sha256           # sha1, sha256 (default), sha512
      encoding: hex               # hex (default) or base64
      prefix: "sha256="           # before the signature in the header (default none)
      signatureKey: v1            # the header is key=value pairs; the signatures' key
      timestampKey: t             # the pair with the Unix time of sending
      timestampHeader: X-Time     # or: the header with it
      idHeader: X-Id              # the header with the message id
      signedPayload: "{timestamp}.{body}"  # what is signed (default "{body}")
      tolerance: 300              # seconds a timestamp may be off (default 300)

``x-envelope: <property>`` on an object schema says the object only wraps that property;
a webhook body of that schema delivers the property's value.

``webhooks`` (OpenAPI 3.1; ``x-webhooks`` in 3.0): each webhook's JSON request body is a
component schema or a ``oneOf``/``anyOf`` of them; ``webhooks.parse`` returns the entity
of whichever shape a body matches.

:mod:`generator.check.extensions` reports what is wrong with these; :mod:`generator.build.extensions`
builds their IR once the check found no error. This module holds the lookups both share.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from generator.diagnostics import pointer_join
from generator.read.document import Document
from generator.read.operations import Link, Operation, Webhook
from generator.read.values import listed, mapping

WAITER_DEFAULTS = {"name": "wait", "delay": 1, "maxDelay": 30, "timeout": 600}


PAGINATION_DEFAULTS = {"style": "page", "firstPage": 0, "defaultPageSize": 50}

#: Each pagination style's keys: the query parameters it names, the response properties, and
#: which of them it requires.
PAGINATION_STYLES: dict[str, dict[str, tuple[str, ...]]] = {
    "page": {"parameters": ("pageParameter", "sizeParameter"), "properties": (), "required": ("pageParameter", "sizeParameter")},
    "offset": {"parameters": ("offsetParameter", "sizeParameter"), "properties": (), "required": ("offsetParameter",)},
    "cursor": {"parameters": ("cursorParameter", "sizeParameter"), "properties": ("nextCursor", "hasMore"), "required": ("cursorParameter", "nextCursor")},
    "cursor-id": {"parameters": ("cursorParameter", "sizeParameter"), "properties": ("hasMore",), "required": ("cursorParameter", "hasMore", "itemKey")},
    "next-url": {"parameters": ("sizeParameter",), "properties": ("nextUrl",), "required": ("nextUrl",)},
    "link-header": {"parameters": ("sizeParameter",), "properties": (), "required": ()},
}

#: The query parameter that says which page, per style.
PAGINATION_POSITION = {"page": "pageParameter", "offset": "offsetParameter", "cursor": "cursorParameter", "cursor-id": "cursorParameter"}

SIGNATURE_DEFAULTS = {"algorithm": "sha256", "encoding": "hex", "prefix": "", "signedPayload": "{body}", "tolerance": 300}

#: Standard Webhooks (standardwebhooks.com): what ``scheme: standard-webhooks`` means.
STANDARD_WEBHOOKS = {
    "header": "webhook-signature",
    "algorithm": "sha256",
    "encoding": "base64",
    "signedPayload": "{id}.{timestamp}.{body}",
    "timestampHeader": "webhook-timestamp",
    "idHeader": "webhook-id",
}

SIGNATURE_ALGORITHMS = ("sha1", "sha256", "sha512")


def deref(document: Document, pointer: str, value: Any) -> tuple[str, Any]:
    return document.deref_or(pointer, value)


def success_schema(document: Document, op: Operation) -> tuple[str, Any]:
    """The (dereferenced) JSON schema of an operation's first 2xx response, or ``("", None)``."""
    response = op.success
    media = response.media("application/json") if response is not None else None
    if media is None or media.schema is None:
        return "", None
    return deref(document, pointer_join(media.pointer, "schema"), media.schema)


def properties(schema: Any) -> dict[str, Any]:
    return mapping(mapping(schema).get("properties"))


def body_properties(document: Document, op: Operation) -> dict[str, Any]:
    """The properties of the schema of the first media type of the request body that has one."""
    body = op.request_body
    media = next((m for m in body.content if m.schema is not None), None) if body is not None else None
    return properties(deref(document, media.pointer, media.schema)[1]) if media is not None else {}


def waiter_links(op: Operation, waiters: dict[str, Any]) -> Iterator[Link]:
    """The links of the first 2xx response that point at an operation with a waiter."""
    response = op.success
    for link in response.links if response is not None else ():
        if link.operation_id in waiters:
            yield link


def webhook_alternatives(webhook: Webhook) -> list[str] | str:
    """The component schema names a webhook body may be, or why they cannot be told."""
    body = webhook.post.request_body if webhook.post is not None else None
    media = body.media("application/json") if body is not None else None
    if media is None or media.schema is None:
        return "it has no POST with an application/json request body"
    schema = media.schema
    branches = schema.get("oneOf") or schema.get("anyOf") or [schema]
    names = []
    for branch in listed(branches):
        ref = mapping(branch).get("$ref")
        if not (isinstance(ref, str) and ref.startswith("#/components/schemas/")):
            return "its body must be a $ref to a component schema, or a oneOf/anyOf of such $refs"
        names.append(ref.rsplit("/", 1)[-1])
    return names or "its body schema declares nothing"
