"""Stage 3, build: a checked :class:`~generator.read.Document` -> the IR (:class:`generator.ir.Api`).

:mod:`.builder` runs the steps in order (``build``, ``build_with_warnings``); they share one
:class:`~.context.BuildContext` (the names taken, the type mapper, the warnings).

- operations: :mod:`.tags` (grouping, API classes), :mod:`.operations` (method names, parameters,
  security), :mod:`.bodies` (request bodies), :mod:`.responses`, :mod:`.examples`;
- schemas: :mod:`.schemas` (component and inline schemas -> models, enums, aliases), :mod:`.fields`
  (properties -> fields), :mod:`.request_views` (``<Name>Input``), :mod:`.discriminators`,
  :mod:`.response_types` (open enums, returnable types);
- JSON Schema -> Python types: :mod:`.schema_types` (``TypeMapper``), :mod:`.schema_shapes`,
  :mod:`.union_types`, :mod:`.inline_names`, :mod:`.discriminator_schemas`;
- :mod:`.parameter_styles`: how each parameter travels (``style``, ``explode``);
- :mod:`.security`: the security schemes the SDK applies and the client arguments they take;
- :mod:`.extensions`: waiters, ``_and_wait`` links, paginations, webhooks;
- :mod:`.import_cycles`: which model modules must import each other late;
- :mod:`.names` (reserved Python names), :mod:`.errors` (status -> exception), :mod:`.spec_values`.
"""

from generator.build.builder import build, build_with_warnings

__all__ = ["build", "build_with_warnings"]
