"""The exception the SDK raises for each error status."""

from __future__ import annotations

#: The exception the SDK raises for each error status; ranges and ``default`` fall back to APIStatusError.
ERROR_CLASSES = {
    "400": "BadRequestError",
    "401": "AuthenticationError",
    "402": "PaymentRequiredError",
    "403": "PermissionDeniedError",
    "404": "NotFoundError",
    "409": "ConflictError",
    "422": "UnprocessableEntityError",
    "429": "RateLimitError",
}


def error_class(status: str) -> str:
    if status in ERROR_CLASSES:
        return ERROR_CLASSES[status]
    if status.startswith("5"):
        return "InternalServerError"
    return "APIStatusError"
