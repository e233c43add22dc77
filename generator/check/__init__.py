"""Stage 2, check: a :class:`~generator.read.Document` -> :class:`~generator.diagnostics.Diagnostics`.

Errors stop the pipeline before anything is built; warnings go on with it.

- :mod:`.validate`: runs the passes; the document against the OpenAPI schema of its version
  (openapi-spec-validator, in a worker process beside the rest);
- :mod:`.findings`: the validator's findings, each classified as a warning (a correct SDK can still
  be made) or an error;
- :mod:`.rules`: our rules (version, references resolve, operations, arguments, security schemes);
- :mod:`.extensions`: the rules of the ``x-`` extensions and webhooks.
"""

from generator.check.validate import Validation, start, validate

__all__ = ["Validation", "start", "validate"]
