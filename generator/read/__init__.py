"""Stage 1, read: a spec file (YAML or JSON, with ``$ref``s into other files) -> a :class:`Document`.

- :mod:`.loader`: parse the file once (PyYAML), keep the node tree for line numbers, cache the parse;
- :mod:`.bundle`: copy what ``$ref``s to other files point at into the one document;
- :mod:`.operations`, :mod:`.media_types`, :mod:`.security_schemes`, :mod:`.extensions`: lookups over
  the document that the later stages share (its operations, how a body is sent, which security
  schemes apply, what the ``x-`` extensions say).
"""

from generator.read.loader import Document, UnresolvedRef, load

__all__ = ["Document", "UnresolvedRef", "load"]
