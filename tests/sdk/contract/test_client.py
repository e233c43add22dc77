"""Contract: client configuration, secrecy of the API key, resource ownership, timeouts."""

from __future__ import annotations

import traceback
from typing import Any

import httpx
import pytest

from .conftest import (
    API_KEY,
    SERVER_URL,
    Caller,
    Recorder,
    json_response,
    raising,
    raw_response,
    sample,
    spec_operations,
)

from leap import (
    APIConnectionError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AsyncLeap,
    Leap,
    MissingAPIKeyError,
)

CLIENTS = [Leap, AsyncLeap]
MODEL_ID = "26a1a203-3a46-42cb-8cfa-f4de075907d8"
INFERENCE_ID = "a047df00-8bdd-4d57-a9bd-6eebef36ecaa"


def _inference() -> dict[str, Any]:
    by_id = {op.operation_id: op for op in spec_operations()}
    return sample(by_id["findOne"].success_schema)


def find_one(caller: Caller, respond: Any = None) -> Any:
    return caller(
        "images", "find_one", respond or json_response(200, _inference()), model_id=MODEL_ID, inference_id=INFERENCE_ID
    )


# ------------------------------------------------------------------ api key


def test_api_key_from_the_argument(mode: str) -> None:
    caller = Caller(mode, api_key="arg-key")
    find_one(caller)
    assert caller.request.headers["authorization"] == "Bearer arg-key"


def test_api_key_from_the_environment(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEAP_API_KEY", "env-key")
    caller = Caller(mode)
    caller.client_options.pop("api_key")
    find_one(caller)
    assert caller.request.headers["authorization"] == "Bearer env-key"


def test_argument_wins_over_the_environment(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEAP_API_KEY", "env-key")
    caller = Caller(mode, api_key="arg-key")
    find_one(caller)
    assert caller.request.headers["authorization"] == "Bearer arg-key"


@pytest.mark.parametrize("client_class", CLIENTS)
@pytest.mark.parametrize("env", [None, ""], ids=["unset", "empty"])
def test_missing_api_key(client_class: Any, env: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    if env is not None:
        monkeypatch.setenv("LEAP_API_KEY", env)
    with pytest.raises(MissingAPIKeyError) as info:
        client_class()
    message = str(info.value)
    assert "api_key" in message and "LEAP_API_KEY" in message


@pytest.mark.parametrize("client_class", CLIENTS)
def test_empty_api_key_argument_is_missing(client_class: Any) -> None:
    with pytest.raises(MissingAPIKeyError):
        client_class(api_key="")


# ----------------------------------------------------------------- base url


def _first_url(mode: str, monkeypatch: pytest.MonkeyPatch, env: str | None, **options: Any) -> httpx.URL:
    if env is not None:
        monkeypatch.setenv("LEAP_BASE_URL", env)
    caller = Caller(mode, **options)
    find_one(caller)
    return caller.request.url


EXPECTED_PATH = f"/api/v1/images/models/{MODEL_ID}/inferences/{INFERENCE_ID}"


def test_default_base_url_is_the_spec_server(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert SERVER_URL == "https://api.tryleap.ai"
    assert str(_first_url(mode, monkeypatch, None)) == SERVER_URL + EXPECTED_PATH


def test_base_url_from_the_environment(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    url = _first_url(mode, monkeypatch, "http://localhost:4010")
    assert str(url) == "http://localhost:4010" + EXPECTED_PATH


def test_base_url_from_the_argument_wins(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    url = _first_url(mode, monkeypatch, "http://localhost:4010", base_url="https://proxy.example.com/leap/")
    assert str(url) == "https://proxy.example.com/leap" + EXPECTED_PATH


def test_base_url_accepts_an_httpx_url(mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    url = _first_url(mode, monkeypatch, None, base_url=httpx.URL("https://staging.example.com"))
    assert str(url) == "https://staging.example.com" + EXPECTED_PATH


# ------------------------------------------------------------ key secrecy


def _assert_no_key(*objects: Any) -> None:
    for obj in objects:
        for rendering in (repr(obj), str(obj)):
            assert API_KEY not in rendering, f"the API key leaks through {type(obj).__name__}: {rendering}"


@pytest.mark.parametrize("client_class", CLIENTS)
def test_key_not_in_client_reprs(client_class: Any) -> None:
    client = client_class(api_key=API_KEY)
    try:
        _assert_no_key(client, client.images, client.image_models)
        assert repr(client) and repr(client.images)
    finally:
        if isinstance(client, Leap):
            client.close()


def test_key_from_environment_not_in_client_reprs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEAP_API_KEY", API_KEY)
    with Leap() as client:
        _assert_no_key(client, client.images, client.image_models)


FAILURES = {
    "status": (json_response(401, {"statusCode": 401, "message": "Unauthorized"}), APIStatusError),
    "status-html": (raw_response(500, b"<html>oops</html>", {"content-type": "text/html"}), APIStatusError),
    "validation": (json_response(200, {"unexpected": True}), APIResponseValidationError),
    "connection": (raising(httpx.ConnectError, "connection refused"), APIConnectionError),
    "timeout": (raising(httpx.ReadTimeout, "timed out"), APITimeoutError),
}


@pytest.mark.parametrize("failure", list(FAILURES))
def test_key_not_in_raised_exceptions(failure: str, mode: str) -> None:
    respond, expected = FAILURES[failure]
    caller = Caller(mode)
    with pytest.raises(expected) as info:
        find_one(caller, respond)
    assert caller.request.headers["authorization"] == f"Bearer {API_KEY}"  # the key was really used
    error = info.value
    _assert_no_key(error, *error.args)
    rendered = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    assert API_KEY not in rendered


def test_key_not_in_argument_errors(mode: str) -> None:
    caller = Caller(mode)
    with pytest.raises(ValueError) as info:
        caller("image_models", "train_model", json_response(201, {"id": "m"}))
    _assert_no_key(info.value)
    with pytest.raises(ValueError) as info:
        caller("images", "find_one", json_response(200, {}), model_id="", inference_id=INFERENCE_ID)
    _assert_no_key(info.value)


def test_missing_key_error_shows_no_other_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LEAP_BASE_URL", "https://user:secret-password@example.com")
    with pytest.raises(MissingAPIKeyError) as info:
        Leap()
    assert "secret-password" not in str(info.value)


# ------------------------------------------------------- context managers


def test_with_closes_the_http_client_it_created() -> None:
    with Leap(api_key=API_KEY) as client:
        http = client._http
        assert isinstance(http, httpx.Client)
        assert not http.is_closed
    assert http.is_closed


def test_close_closes_the_http_client_it_created() -> None:
    client = Leap(api_key=API_KEY)
    client.close()
    assert client._http.is_closed


def test_with_leaves_a_user_http_client_open() -> None:
    recorder = Recorder(json_response(200, _inference()))
    with httpx.Client(transport=httpx.MockTransport(recorder)) as http:
        with Leap(api_key=API_KEY, http_client=http) as client:
            assert client._http is http
            client.images.find_one(model_id=MODEL_ID, inference_id=INFERENCE_ID)
        assert not http.is_closed
        client.close()
        assert not http.is_closed
        # Still usable by its owner, and by another client.
        with Leap(api_key=API_KEY, http_client=http) as again:
            again.images.find_one(model_id=MODEL_ID, inference_id=INFERENCE_ID)
        assert len(recorder.requests) == 2
    assert http.is_closed


def test_with_closes_on_error() -> None:
    with pytest.raises(RuntimeError):
        with Leap(api_key=API_KEY) as client:
            http = client._http
            raise RuntimeError("boom")
    assert http.is_closed


async def test_async_with_closes_the_http_client_it_created() -> None:
    async with AsyncLeap(api_key=API_KEY) as client:
        http = client._http
        assert isinstance(http, httpx.AsyncClient)
        assert not http.is_closed
    assert http.is_closed


async def test_async_close_closes_the_http_client_it_created() -> None:
    client = AsyncLeap(api_key=API_KEY)
    await client.close()
    assert client._http.is_closed


async def test_async_with_leaves_a_user_http_client_open() -> None:
    recorder = Recorder(json_response(200, _inference()))
    async with httpx.AsyncClient(transport=httpx.MockTransport(recorder)) as http:
        async with AsyncLeap(api_key=API_KEY, http_client=http) as client:
            assert client._http is http
            await client.images.find_one(model_id=MODEL_ID, inference_id=INFERENCE_ID)
        assert not http.is_closed
        await client.close()
        assert not http.is_closed
        async with AsyncLeap(api_key=API_KEY, http_client=http) as again:
            await again.images.find_one(model_id=MODEL_ID, inference_id=INFERENCE_ID)
        assert len(recorder.requests) == 2
    assert http.is_closed


async def test_async_with_closes_on_error() -> None:
    with pytest.raises(RuntimeError):
        async with AsyncLeap(api_key=API_KEY) as client:
            http = client._http
            raise RuntimeError("boom")
    assert http.is_closed


# ------------------------------------------------------------------ timeout


def _timeout_of(mode: str, **options: Any) -> dict[str, Any]:
    caller = Caller(mode, **options)
    find_one(caller)
    return caller.request.extensions["timeout"]


def _all(value: float | None) -> dict[str, float | None]:
    return {"connect": value, "read": value, "write": value, "pool": value}


def test_default_timeout(mode: str) -> None:
    assert _timeout_of(mode) == {"connect": 5.0, "read": 60.0, "write": 60.0, "pool": 60.0}


def test_float_timeout(mode: str) -> None:
    assert _timeout_of(mode, timeout=12.5) == _all(12.5)


def test_httpx_timeout(mode: str) -> None:
    timeout = httpx.Timeout(3.0, connect=1.0, pool=2.0)
    assert _timeout_of(mode, timeout=timeout) == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 2.0}


def test_no_timeout(mode: str) -> None:
    assert _timeout_of(mode, timeout=None) == _all(None)


def test_timeout_applies_over_a_user_http_client_default(mode: str) -> None:
    recorder = Recorder(json_response(200, _inference()))
    transport = httpx.MockTransport(recorder)
    if mode == "sync":
        with (
            httpx.Client(transport=transport, timeout=99.0) as http,
            Leap(api_key=API_KEY, http_client=http, timeout=4.0) as c,
        ):
            c.images.find_one(model_id=MODEL_ID, inference_id=INFERENCE_ID)
    else:
        import asyncio

        async def run() -> None:
            async with httpx.AsyncClient(transport=transport, timeout=99.0) as http:
                async with AsyncLeap(api_key=API_KEY, http_client=http, timeout=4.0) as c:
                    await c.images.find_one(model_id=MODEL_ID, inference_id=INFERENCE_ID)

        asyncio.run(run())
    assert recorder.request.extensions["timeout"] == _all(4.0)
