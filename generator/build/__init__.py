"""Stage 3, build: a checked :class:`~generator.read.Document` -> the IR (:class:`generator.ir.Api`).

- :mod:`.builder`: schemas, operations, parameters, request bodies, responses, tags;
- :mod:`.schema_types`: JSON Schema -> :class:`~generator.ir.PyType` (and the names of inline models);
- :mod:`.parameter_styles`: how each parameter travels (``style``, ``explode``);
- :mod:`.security`: the security schemes the SDK applies and the client arguments they take;
- :mod:`.extensions`: waiters, ``_and_wait`` links, paginations, webhooks;
- :mod:`.import_cycles`: which model modules must import each other late.
"""

from generator.build.builder import build, build_with_warnings

__all__ = ["build", "build_with_warnings"]
