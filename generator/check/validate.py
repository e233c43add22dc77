"""Stage 2: find every problem in the spec before anything is built.

Three passes, collected into one list: openapi-spec-validator checks the document against the
OpenAPI schema of its version (here, in a forked process while the caller goes on); our own rules
(:mod:`generator.check.rules`) check what the generator relies on; once neither found an error,
the ``x-`` extensions are checked (:mod:`generator.check.extensions`). A spec that fails the first
pass still gets the second, so one run reports every problem.

What blocks is decided here, not by the validator: each of its findings is put in a class
(:mod:`generator.check.findings`, which documents the rule); most classes are warnings, since the
generator reads past them and the SDK is the one the corrected document gives. Only a finding of a
class not known to be harmless (``openapi-schema``) is an error; a crash of the validator is a warning that validation was incomplete.
``--strict`` (:mod:`generator.pipeline`) makes every warning an error.
"""

from __future__ import annotations

import sys
from typing import Any

from generator.cache import Cache, digest, fingerprint
from generator.check import extensions, findings, rules
from generator.check.findings import Finding
from generator.check.rules import diagnostic
from generator.diagnostics import Diagnostic, Diagnostics
from generator.read.description_edits import TEXT_KEYS, in_data
from generator.read.document import Document


def validate(document: Document, cache: Cache | None = None) -> Diagnostics:
    """Every problem of ``document``, errors and warnings, in the order found.

    With a ``cache``, what openapi-spec-validator (the slow pass) found in a document with the
    same files (same paths, same bytes) is taken from it.
    """
    return start(document, cache).finish()


def start(document: Document, cache: Cache | None = None, *, parallel: bool = False) -> "Validation":
    """Begin validating ``document``: every check but openapi-spec-validator's runs now; that one, with
    ``parallel``, in a forked process while the caller goes on (building the SDK it may then discard).
    :meth:`Validation.finish` gives what :func:`validate` gives."""
    head = Diagnostics()
    head.extend(list(document.notes))  # what reading found (keys written twice, references left out)
    head.extend(rules.check_version(document))
    if head.errors:
        return Validation(document, head, None, [])
    refs = list(rules.check_refs(document))
    head.extend(refs)
    schema = None if any(d.severity == "error" for d in refs) else _SchemaPass(document, cache, parallel)
    rest = [*rules.check_operations(document), *rules.check_security(document)]
    return Validation(document, head, schema, rest)


def warm() -> None:
    """Import openapi-spec-validator and build its validators for OpenAPI 3.0 and 3.1 in this process.

    For a process that generates many specs (a test session, a watch loop): the process :func:`start`
    forks for each spec then inherits them, instead of importing the validator again (about 0.6 s of
    CPU per spec). One run of the command line has no need of it: its one fork does that work while
    the SDK is built.
    """
    for version in ("3.0.3", "3.1.0"):
        findings.problems({"openapi": version, "info": {"title": "warm", "version": "1"}, "paths": {}})


class Validation:
    """A validation under way (see :func:`start`)."""

    def __init__(self, document: Document, head: Diagnostics, schema: "_SchemaPass | None", rest: list[Diagnostic]) -> None:
        self.document, self.head, self.schema, self.rest = document, head, schema, rest

    @property
    def failed_early(self) -> bool:
        """Whether the checks done so far found errors (so nothing should be built before :meth:`finish`)."""
        return bool(self.head.errors) or any(d.severity == "error" for d in self.rest)

    def finish(self) -> Diagnostics:
        """Every problem, in the order :func:`validate` finds them (waits for openapi-spec-validator)."""
        found = Diagnostics()
        found.extend(self.head)
        if self.schema is not None:
            found.extend([diagnostic(self.document, code, pointer, message, _severity(code)) for code, pointer, message in self.schema.result()])
        found.extend(self.rest)
        if not found.errors:
            found.extend(list(extensions.check(self.document)))
        return found


def _severity(code: str) -> str:
    return "warning" if code in findings.WARNINGS else "error"


class _SchemaPass:
    """What openapi-spec-validator finds: from the cache when it has it for these very files; or, when the last
    document validated from the same path had no problem and this one differs from it only in the text of
    descriptions and summaries (which the OpenAPI schema only requires to be strings), nothing; else computed,
    in a forked process when asked to (the result is the same: a process that fails is done again here)."""

    def __init__(self, document: Document, cache: Cache | None, parallel: bool) -> None:
        self.document, self.cache = document, cache
        self.problems: list[Finding] | None = None
        self.key = digest("schema", fingerprint(), *(part for item in document.files for part in item)) if cache is not None and document.files else ""
        self.child: Any = None
        if self.key and cache is not None:
            self._from_cache(cache)
        if self.problems is None and parallel:
            self._start_child()

    def _from_cache(self, cache: Cache) -> None:
        """Set ``problems`` when the cache knows them: stored for these files, or none for a text edit of a
        valid document, or none for a document that differs from the last valid one only in descriptions."""
        stored = cache.read_value("schema", self.key)
        if isinstance(stored, list) and all(isinstance(p, tuple) and len(p) == 3 and all(isinstance(t, str) for t in p) for p in stored):
            self.problems = stored
        elif self._text_edit_of_valid(cache):
            self.problems = []
            cache.write_value("schema", self.key, [])
        else:
            last = cache.read_value("schema-last", self._last_key())
            if isinstance(last, dict) and last and _same_but_descriptions(last, self.document.data):
                self._found([])

    def _start_child(self) -> None:
        """Run the validator in a forked process (where the platform forks), read by :meth:`result`."""
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            for stream in (sys.stdout, sys.stderr):  # the child must not write what the parent has buffered
                stream.flush()
            context = multiprocessing.get_context("fork")
            self.pipe, sender = context.Pipe(duplex=False)
            self.child = context.Process(target=_schema_child, args=(sender, self.document), daemon=True)
            self.child.start()
            sender.close()

    def _text_edit_of_valid(self, cache: Cache) -> bool:
        """Whether the document is the last parse with one ``description`` or ``summary`` outside data edited
        (see :mod:`generator.read.description_edits`), and the validator found nothing in that parse."""
        if self.document.text_edit_of is None:
            return False
        files, tokens = self.document.text_edit_of
        if tokens[-1] not in TEXT_KEYS or any(in_data(token) for token in tokens[:-1]):
            return False
        found = cache.read_value("schema", digest("schema", fingerprint(), *(part for item in files for part in item)))
        return isinstance(found, list) and not found

    def _last_key(self) -> str:
        return digest("schema-last", fingerprint(), self.document.files[0][0])

    def _found(self, problems: list[Finding]) -> None:
        self.problems = problems
        if self.key and self.cache is not None:
            self.cache.write_value("schema", self.key, problems)
            if not problems:
                self.cache.write_value("schema-last", self._last_key(), self.document.data)

    def result(self) -> list[Finding]:
        if self.problems is None:
            got = None
            if self.child is not None:
                try:
                    got = self.pipe.recv()
                except (EOFError, OSError):
                    pass
                self.child.join()
                self.pipe.close()
                self.child = None
            self._found(got if isinstance(got, list) else _schema_problems(self.document))
        assert self.problems is not None
        return self.problems


def _schema_child(sender: Any, document: Document) -> None:
    try:
        sender.send(_schema_problems(document))
    except BaseException:  # noqa: BLE001 - the parent validates again itself
        pass
    finally:
        sender.close()


def _same_but_descriptions(old: Any, new: Any) -> bool:
    """Whether ``new`` equals ``old`` but for the text of ``description`` and ``summary`` strings outside data."""
    stack: list[tuple[Any, Any, bool]] = [(old, new, False)]
    while stack:
        a, b, within_data = stack.pop()
        if type(a) is not type(b):
            return False
        if isinstance(a, dict):
            if list(a) != list(b):
                return False
            for key, value in a.items():
                other = b[key]
                if value is other:
                    continue
                data = within_data or in_data(key)
                if not data and key in TEXT_KEYS and type(value) is str and type(other) is str:
                    continue
                stack.append((value, other, data))
        elif isinstance(a, list):
            if len(a) != len(b):
                return False
            stack.extend((x, y, within_data) for x, y in zip(a, b))
        elif a != b:
            return False
    return True


def _schema_problems(document: Document) -> list[Finding]:
    """What openapi-spec-validator finds, classified (:mod:`generator.check.findings`)."""
    return findings.problems(document.data)
