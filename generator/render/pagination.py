"""The text of ``x-pagination``'s methods: the rule object of each style (Python), the docstrings of
``<operation>_iter`` and ``<operation>_pages``, and the sentence that says how pages are asked for
(docstrings and docs alike). Registered as Jinja filters by :mod:`generator.render.output`."""

from __future__ import annotations

import re

from generator.ir import Operation, Pagination
from generator.literals import pyliteral
from generator.render.docstring_text import docstring, escape, item, wrap
from generator.render.docstrings import _arg_lines, _error_lines, _source, call_option_entry
from generator.render.type_annotations import doc_type

FILTERS = ("page_rule", "paging_sentence", "iter_docstring", "pages_docstring")

#: The ``_page_rules`` class of each style.
PAGE_RULES = {
    "page": "PageNumbers",
    "offset": "Offsets",
    "cursor": "Cursors",
    "cursor-id": "CursorIds",
    "next-url": "NextUrls",
    "link-header": "LinkHeaders",
}


def page_rule(paging: Pagination) -> str:
    """The rule object of ``paging``'s style, as Python (``Cursors("cursor", lambda response: ...)``)."""
    arg, size = pyliteral(paging.page_argument), pyliteral(paging.size_argument)
    more = f"lambda response: {paging.has_more_expression}"
    args = {
        "page": f"{arg}, {size}, {paging.first_page}",
        "offset": f"{arg}, {size}",
        "cursor": f"{arg}, lambda response: {paging.next_expression}" + (f", {more}" if paging.has_more_expression else ""),
        "cursor-id": f"{arg}, lambda item: {paging.key_expression}, {more}",
        "next-url": f"lambda response: {paging.next_expression}",
        "link-header": "",
    }[paging.style]
    return f"{PAGE_RULES[paging.style]}({args})"


_GUARDED = re.compile(r"\((?P<read>.*) if .* else None\)")
"""An expression that reads a dotted path through a property that may be absent (see
:func:`generator.build.extensions._path`): the sentence shows what it reads."""


def paging_sentence(paging: Pagination, code: str = "``") -> str:
    """How the next page is asked for, and when the list ends (``code``: the inline-code quote)."""

    def c(text: str) -> str:
        guarded = _GUARDED.fullmatch(text)
        return f"{code}{guarded['read'] if guarded else text}{code}"

    size = f" of {c(paging.size_argument)} items" if paging.size_argument else ""
    return {
        "page": f"Pages{size} are numbered from {paging.first_page} ({c(paging.page_argument)}); a page with fewer items is the last.",
        "offset": f"Pages{size} are asked for by {c(paging.page_argument)}, the number of items already received; an empty or short page is the last.",
        "cursor": f"Each page{size} gives the cursor of the next ({c(paging.next_expression)}), sent back as {c(paging.page_argument)}; no cursor ends the list"
        + (f", as does {c(paging.has_more_expression)} false." if paging.has_more_expression else "."),
        "cursor-id": f"Each page{size} after the first starts after the last item seen ({c(paging.page_argument)} is its {c(paging.key_expression)}), while {c(paging.has_more_expression)} is true.",
        "next-url": f"Each page{size} gives the URL of the next ({c(paging.next_expression)}), which is followed; no URL ends the list.",
        "link-header": f"Each page{size} is followed by the URL of its ``Link`` header's ``rel=\"next\"`` (RFC 8288); no such link ends the list.".replace("``", code),
    }[paging.style]


def _paging_args(op: Operation, paging: Pagination) -> list[str]:
    lines = ["Args:"]
    for field in op.arguments:
        if field.name == paging.size_argument:
            lines += item(f"{field.name}: Items per page (per request). Default: ``{paging.default_page_size}``.")
        elif field.name != paging.page_argument:
            lines += _arg_lines(field, op)
    for name in op.page_options:  # the method's per-call options, given to each page's request
        option = call_option_entry(op, name)
        lines += item(option.replace("this request", "each page's request").replace("request body", "request body of each page"))
    return lines


def iter_docstring(op: Operation) -> str:
    """The docstring of ``<operation>_iter``, generated from ``x-pagination``."""
    paging = op.pagination
    assert paging is not None
    text = "Lazy: a page is fetched when the items before it have been used. " + paging_sentence(paging)
    if paging.style == "page" and paging.key_expression:
        text += f" Items are told apart by ``{paging.key_expression}``: one seen on an earlier page is not yielded again."
    lines = [f"Every item of ``{op.name}``, page after page.", "", *wrap(text, "        "), ""]
    lines += _paging_args(op, paging)
    lines += ["", "Yields:", *item(f"{doc_type(paging.item_type)}: One item at a time."), "", "Raises:", *_error_lines(op)]
    lines += _source(f"``x-pagination`` of operationId ``{escape(op.operation_id)}``", paging.pointer)
    return docstring(lines, "        ")


def pages_docstring(op: Operation) -> str:
    """The docstring of ``<operation>_pages``, generated from ``x-pagination``."""
    paging = op.pagination
    assert paging is not None
    text = (
        "Sends the first request and returns its page: ``items``, ``has_next_page()``, ``get_next_page()``, "
        "``next_page()``, ``iter_pages()``; iterating it gives every item of this page and the pages after it. "
        + paging_sentence(paging)
    )
    lines = [f"The first page of ``{op.name}``.", "", *wrap(text, "        "), ""]
    lines += _paging_args(op, paging)
    returns = f"The first page (``SyncPage``; ``AsyncPage`` on the async client); its ``items`` are {doc_type(paging.item_type)}."
    lines += ["", "Returns:", *item(returns), "", "Raises:", *_error_lines(op)]
    lines += _source(f"``x-pagination`` of operationId ``{escape(op.operation_id)}``", paging.pointer)
    return docstring(lines, "        ")
