"""Stage 1, read: a spec file (YAML or JSON, with ``$ref``s into other files) -> a :class:`Document`.

- :mod:`.loader`: parse the file once (PyYAML), cache the parse; :mod:`.document`: the :class:`Document` it gives
  (the data, a pointer -> line map, local `$ref`s); :mod:`.description_edits`: the edit loop's one-line shortcut;
- :mod:`.bundle`: copy what ``$ref``s to other files point at into the one document;
- :mod:`.operations`, :mod:`.media_types`, :mod:`.security_schemes`, :mod:`.extensions`: lookups over
  the document that the later stages share (its operations, how a body is sent, which security
  schemes apply, what the ``x-`` extensions say).
"""

from generator.read.document import Document, UnresolvedRef
from generator.read.loader import load

__all__ = ["Document", "UnresolvedRef", "load"]
