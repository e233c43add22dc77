# Generated from the OpenAPI spec by the Leap SDK generator. Do not edit: change the spec or the templates and regenerate.
"""Reading a response's body into what the operation returns.

The one place an answer becomes a model (or ``None``, or ``bytes``) or a typed error: the
plain methods, :meth:`APIResponse.parse` and the streamed responses all parse here.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar, cast

import httpx
import pydantic

from ._exceptions import APIResponseValidationError, ErrorModels, make_status_error

T = TypeVar("T")


@lru_cache(maxsize=None)
def _json_validator(type_: Any) -> Callable[[bytes], Any]:
    """The function that reads JSON bytes into ``type_``, made once per type.

    pydantic-core parses the bytes itself (no ``json.loads`` first) and builds the models as
    it goes; models validate with their own validator, other types with a ``TypeAdapter``.
    """
    if isinstance(type_, type) and issubclass(type_, pydantic.BaseModel):
        return type_.model_validate_json
    return pydantic.TypeAdapter(type_).validate_json


def parse_response(
    response: httpx.Response, cast_to: type[T], errors: ErrorModels
) -> T:
    """The body of ``response`` as ``cast_to``.

    ``cast_to`` is ``type(None)`` when the spec declares no body, ``object`` when it
    declares any JSON (then an empty body gives ``None``), ``bytes`` for a download (a
    non-JSON media type): the body as it came.

    Raises:
        APIStatusError: (a subclass by status) the status is 4xx or 5xx.
        APIResponseValidationError: a success whose body is not JSON or does not match.
    """
    if not response.is_success:
        raise make_status_error(response, errors)
    if cast_to is type(None):
        return None
    if cast_to is bytes:
        return cast(T, response.content)
    content = response.content
    if cast_to is object and not content.strip():
        return None  # type: ignore[return-value]
    # Typed through Any rather than with typing.cast, a function call on every response.
    key: Any = cast_to
    try:
        parsed: T = _json_validator(key)(content)
        return parsed
    except pydantic.ValidationError as exc:
        raise APIResponseValidationError(
            f"the {response.status_code} response does not match the spec: {exc.errors(include_url=False)[:3]}",
            response=response,
        ) from exc
