"""Stage 1, read: a spec file (YAML or JSON, with ``$ref``s into other files) -> a :class:`Document`.

- :mod:`.loader`: parse the file once (PyYAML), cache the parse; :mod:`.document`: the :class:`Document` it gives
  (the data, a pointer -> line map, local `$ref`s); :mod:`.description_edits`: the edit loop's one-line shortcut;
- :mod:`.bundle`: copy what ``$ref``s to other files point at into the one document;
- :mod:`.operations` and :mod:`.media_types`: the typed, normalised view of the document's operations
  and webhooks that the later stages read (``Document.operations()``, ``Document.webhooks()``), with
  :mod:`.values` (how a value of the wrong JSON type reads);
- :mod:`.components`, :mod:`.security_schemes`, :mod:`.extensions`: lookups the later stages share
  (a components section, which security schemes apply, what the ``x-`` extensions say).
"""

from generator.read.document import Document, UnresolvedRef
from generator.read.loader import load

__all__ = ["Document", "UnresolvedRef", "load"]
