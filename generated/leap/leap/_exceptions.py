# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Every exception the SDK raises.

::

    LeapError                      anything this SDK raises on purpose
    ├── APIError                   a request was sent (``.request``)
    │   ├── APIConnectionError     the API could not be reached
    │   │   └── APITimeoutError    no answer within the timeout
    │   ├── APIResponseValidationError   a 2xx answer that does not match the spec
    │   └── APIStatusError         a 4xx or 5xx answer (``.status_code``, ``.headers``, ``.body``, ``.text``)
    │       ├── BadRequestError            400
    │       ├── AuthenticationError        401
    │       ├── PaymentRequiredError       402
    │       ├── PermissionDeniedError      403
    │       ├── NotFoundError              404
    │       ├── ConflictError              409
    │       ├── UnprocessableEntityError   422
    │       ├── RateLimitError             429
    │       └── InternalServerError        500 and above
    ├── MissingAPIKeyError         no API key was given or found in the environment
    ├── JobFailedError             a job waited for ended in a failure state (``.entity``)
    ├── WaitTimeoutError           a wait ran out of time (``.last``, ``.state``); also a TimeoutError
    ├── WebhookParseError          a webhook body matches no shape the spec declares; also a ValueError
    └── WebhookVerificationError   a webhook request's signature is missing, forged or too old; also a ValueError

Messages never contain a credential: no message shows request headers, cookies or URLs,
and a credential of the client's that the server repeats back (``401 ... bad key sk-...``)
is replaced by ``<redacted>`` in the message, ``str()`` and ``repr()`` (``text``, ``body``
and ``response`` keep what the server sent).
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

import httpx
import pydantic

from ._logs import redact

if TYPE_CHECKING:
    from pydantic import BaseModel

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "InternalServerError",
    "JobFailedError",
    "LeapError",
    "MissingAPIKeyError",
    "NotFoundError",
    "PaymentRequiredError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
    "WaitTimeoutError",
    "WebhookParseError",
    "WebhookVerificationError",
]

T = TypeVar("T")

REQUEST_ID_HEADER = "x-request-id"
"""The response header that identifies a request to the API's operators: ``request_id`` of
errors and raw responses, ``_request_id`` of the models a call returns."""


class LeapError(Exception):
    """Base class of every exception this SDK raises on purpose."""


class MissingAPIKeyError(LeapError):
    """A credential the spec's security requires was neither passed to the client nor found in the environment.

    Raised by the client constructor for the document's ``security``, and by a call for an
    operation's own requirement. The message names the arguments and environment variables
    that would meet it.
    """


def _job_id(job: object) -> str:
    job_id = getattr(job, "id", None)
    return f" {job_id}" if job_id is not None else ""


class JobFailedError(LeapError, Generic[T]):
    """A job that a ``wait`` method polled ended in a failure state.

    Attributes:
        entity: The job as last read, with whatever the API says about the failure.
        state: The failure state, e.g. ``"failed"``.
    """

    def __init__(self, entity: T, state: str) -> None:
        super().__init__(f"job{_job_id(entity)} ended in state {state!r}")
        self.entity = entity
        self.state = state


class WaitTimeoutError(LeapError, TimeoutError, Generic[T]):
    """A ``wait`` method's timeout passed before the job ended.

    The job goes on running on the server: wait again, or check on it later.

    Attributes:
        last: The job as last read.
        state: Its state then (``None`` when the API sent none).
        timeout: The timeout that passed, in seconds.
    """

    def __init__(self, last: T, state: str | None, timeout: float | None) -> None:
        super().__init__(
            f"job{_job_id(last)} still in state {state!r} after {timeout} seconds"
        )
        self.last = last
        self.state = state
        self.timeout = timeout


class WebhookParseError(LeapError, ValueError):
    """A webhook body that is not JSON, or matches none of the payloads the spec declares.

    Attributes:
        body: The body as received.
    """

    def __init__(self, message: str, body: object) -> None:
        super().__init__(message)
        self.body = body


class WebhookVerificationError(LeapError, ValueError):
    """A webhook request whose signature does not prove it comes from the API.

    A header is missing, no signature matches the body (forged, or changed on the way),
    or its timestamp is outside the tolerance (replayed, or stale). No message holds the
    secret."""


class APIError(LeapError):
    """A request was sent and did not succeed.

    Attributes:
        message: What went wrong, the client's credentials replaced by ``<redacted>``.
        request: The :class:`httpx.Request` (of the last attempt).
        request_id: The ``x-request-id`` header of the response; ``None``
            when no response came or it had none.
    """

    request: httpx.Request
    request_id: str | None = None

    def __init__(self, message: str, *, request: httpx.Request) -> None:
        message = redact(message)
        super().__init__(message)
        self.message = message
        self.request = request


class APIConnectionError(APIError):
    """The API could not be reached: DNS, refused or reset connection, TLS failure."""

    def __init__(
        self, *, request: httpx.Request, message: str = "Connection error."
    ) -> None:
        super().__init__(message, request=request)


class APITimeoutError(APIConnectionError):
    """The API did not answer within the timeout."""

    def __init__(self, *, request: httpx.Request) -> None:
        super().__init__(request=request, message="Request timed out.")


class APIResponseValidationError(APIError):
    """A successful response whose body does not match the spec (or is not JSON).

    ``status_code``, ``headers``, ``text`` (the raw body) and ``response`` are kept so
    nothing the server sent is lost.
    """

    def __init__(self, message: str, *, response: httpx.Response) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.request_id = response.headers.get(REQUEST_ID_HEADER)
        self.text = response.text


class APIStatusError(APIError):
    """The API answered with a 4xx or 5xx status.

    Attributes:
        status_code: The HTTP status code.
        headers: The response headers.
        request_id: The ``x-request-id`` header, or ``None``.
        body: The error body: the spec's error model when the body matches it, else the
            decoded JSON, else ``None`` for an empty or non-JSON body.
        text: The raw body as text.
        response: The :class:`httpx.Response`.
    """

    def __init__(self, message: str, *, response: httpx.Response, body: object) -> None:
        super().__init__(message, request=response.request)
        self.response = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.request_id = response.headers.get(REQUEST_ID_HEADER)
        self.body = body
        self.text = response.text


class BadRequestError(APIStatusError):
    """400: the request was malformed or its values were rejected."""


class AuthenticationError(APIStatusError):
    """401: the API key is missing, wrong or revoked."""


class PaymentRequiredError(APIStatusError):
    """402: payment is required for this request (the account's plan or balance does not cover it)."""


class PermissionDeniedError(APIStatusError):
    """403: the API key may not do this."""


class NotFoundError(APIStatusError):
    """404: the resource (for example the ID in the path) does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state of the resource."""


class UnprocessableEntityError(APIStatusError):
    """422: the request was well-formed but could not be processed."""


class RateLimitError(APIStatusError):
    """429: too many requests; slow down and retry later."""


class InternalServerError(APIStatusError):
    """500 and above: the API failed to handle the request."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: PaymentRequiredError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}

ErrorModels: TypeAlias = Mapping[str, tuple[str, str]]
"""The error body model of each response the spec declares (``"404"``, ``"4XX"``, ``"default"``):
its module in ``models`` and its class name, imported only when such a response arrives."""


def _error_model(status: int, models: ErrorModels) -> type[BaseModel] | None:
    # the generator writes DEFAULT
    for key in (str(status), f"{str(status)[0]}XX", "DEFAULT", "default"):
        if key in models:
            module, name = models[key]
            package = __name__.rpartition(".")[0]
            found: type[BaseModel] = getattr(
                importlib.import_module(f"{package}.models.{module}"), name
            )
            return found
    return None


def make_status_error(response: httpx.Response, models: ErrorModels) -> APIStatusError:
    """The exception for a 4xx or 5xx ``response``, its body parsed as far as it goes."""
    try:
        data: Any = json.loads(response.content) if response.content else None
    except ValueError:
        data = None
    body: object = data
    model = _error_model(response.status_code, models)
    if model is not None and data is not None:
        try:
            body = model.model_validate(data)
        except pydantic.ValidationError:
            body = data
    detail = data.get("message") if isinstance(data, dict) else None
    if isinstance(detail, list):
        detail = "; ".join(str(item) for item in detail)
    if detail is None:
        detail = response.reason_phrase or "no details"
    cls = _BY_STATUS.get(response.status_code)
    if cls is None:
        cls = InternalServerError if response.status_code >= 500 else APIStatusError
    return cls(
        f"Error code: {response.status_code} - {detail}", response=response, body=body
    )
