"""The status -> exception table: which ``APIStatusError`` subclass the SDK raises for an error response.

The one place it is written: the build stage names each error response's class from it
(:func:`error_class`), and carries it on the IR (``Api.error_classes``) for the templates of the
exceptions module and the README, which loop over it.
"""

from __future__ import annotations

from generator.ir import ErrorClass

ERROR_CLASSES = (
    ErrorClass("400", "BadRequestError", "the request was malformed or its values were rejected"),
    ErrorClass("401", "AuthenticationError", "the API key is missing, wrong or revoked"),
    ErrorClass("402", "PaymentRequiredError", "payment is required for this request (the account's plan or balance does not cover it)"),
    ErrorClass("403", "PermissionDeniedError", "the API key may not do this"),
    ErrorClass("404", "NotFoundError", "the resource (for example the ID in the path) does not exist"),
    ErrorClass("409", "ConflictError", "the request conflicts with the current state of the resource"),
    ErrorClass("422", "UnprocessableEntityError", "the request was well-formed but could not be processed"),
    ErrorClass("429", "RateLimitError", "too many requests; slow down and retry later"),
    ErrorClass("5XX", "InternalServerError", "the API failed to handle the request"),
)

_BY_STATUS = {error.status: error.name for error in ERROR_CLASSES}


def error_class(status: str) -> str:
    """The exception raised for a response ``status`` of the spec (``"404"``, ``"5XX"``, ``"default"``):
    its own class, else its range's (``5XX``), else ``APIStatusError``."""
    return _BY_STATUS.get(status) or _BY_STATUS.get(f"{status[:1]}XX", "APIStatusError")
