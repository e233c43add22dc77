"""Warnings for what the API's spec marks ``deprecated``.

A generated method whose operation is deprecated calls :func:`warn_deprecated` when it is
called; one with deprecated parameters or body fields, when the caller gives one. A
deprecated property of a model warns when it is read (pydantic's ``Field(deprecated=...)``).
Python shows a ``DeprecationWarning`` by default only when it comes from ``__main__`` (PEP
565); ``-W default::DeprecationWarning`` shows every one, and ``-W error::DeprecationWarning``
(or ``warnings.simplefilter``) turns it into an error, to find every use.
"""

from __future__ import annotations

import warnings


def warn_deprecated(what: str) -> None:
    """Warn that ``what`` (an operation, or an argument of one) is deprecated in the API's spec.

    Raises:
        DeprecationWarning: Only when warnings are turned into errors.
    """
    # stacklevel 3: this function, the generated method, then the caller's line
    warnings.warn(
        f"{what} is deprecated in the API's spec", DeprecationWarning, stacklevel=3
    )
