"""Local ``$ref``s written percent-encoded, rewritten as the plain JSON pointers the later stages follow.

A ``$ref`` is a URI, so a name outside ASCII (or with a space) in its fragment is written
percent-encoded: ``#/components/schemas/%E6%94%AF%E5%BA%97`` names the schema ``支店`` (RFC 6901,
section 6). Editors write them so, others write the name as it is. After loading, a local reference
that does not resolve as written, but does once decoded, is replaced by the decoded pointer: every
later stage then finds the component (and its name) by the plain pointer.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from generator.read.references import mappings_with_refs
from generator.read.values import exists

#: A ``$ref`` to a place in the same document with a percent-encoded byte: only then is the document walked.
_ENCODED_REF = re.compile(rb"""\$ref["']?\s*:\s*["']?#[^"'\s]*%[0-9A-Fa-f]{2}""")


def may_have_encoded_refs(raw: bytes) -> bool:
    """Whether the file's bytes ``raw`` may hold a percent-encoded local ``$ref``."""
    return _ENCODED_REF.search(raw) is not None


def decode_refs(data: dict[str, Any]) -> None:
    """Replace, in place, each local ``$ref`` that resolves only once percent-decoded by its decoded form."""
    for _, mapping in list(mappings_with_refs(data)):
        ref = mapping["$ref"]
        if isinstance(ref, str) and ref.startswith("#") and "%" in ref:
            mapping["$ref"] = "#" + as_written(data, ref[1:])


def as_written(data: Any, pointer: str) -> str:
    """``pointer``, or its percent-decoded form when only that names a value of ``data`` (the bundler
    follows a reference inside another file with it)."""
    if "%" not in pointer:
        return pointer
    try:
        decoded = unquote(pointer, errors="strict")
    except UnicodeDecodeError:  # bytes that are no UTF-8: not a name this document has
        return pointer
    return decoded if decoded != pointer and not exists(data, pointer) and exists(data, decoded) else pointer
