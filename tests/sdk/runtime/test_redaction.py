"""The client's credentials never appear in a text the SDK writes, even when the server repeats
them: exception messages, ``str()`` and ``repr()``, log lines, the client's ``repr``."""

from __future__ import annotations

import base64
import logging

import pytest

import leap
from leap import _secrets
from tests.sdk.runtime.conftest import GET, POST, Runner, Script, Servers, error_body
from tests.sdk.runtime.server import json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

SECRET = "sk-live-4f9a0c2e7b1d"


def texts_of(exc: BaseException) -> list[str]:
    return [str(exc), repr(exc), getattr(exc, "message", "")]


@pytest.mark.parametrize("status", [401, 422, 500])
def test_a_key_the_server_echoes_is_redacted_from_the_error(runner: Runner, serve: Servers, status: int) -> None:
    body = error_body(status, f"bad key {SECRET} for this account")
    if status == 422:
        body["message"] = [f"apiKey {SECRET} is malformed", "prompt is required"]
    server = serve(Script(json_reply(status, body)))
    with pytest.raises(leap.APIStatusError) as caught:
        runner.call(POST.call, base_url=server.url, api_key=SECRET, max_retries=0)
    for text in texts_of(caught.value):
        assert SECRET not in text and "<redacted>" in text, text
    assert SECRET in caught.value.text  # the body as the server sent it is kept


def test_a_percent_encoded_key_is_redacted_too(runner: Runner, serve: Servers) -> None:
    secret = "tok/with+special=chars"
    server = serve(Script(json_reply(401, error_body(401, "bad key tok%2Fwith%2Bspecial%3Dchars"))))
    with pytest.raises(leap.AuthenticationError) as caught:
        runner.call(GET.call, base_url=server.url, api_key=secret)
    assert "tok%2F" not in str(caught.value) and "<redacted>" in str(caught.value)


def test_log_lines_never_carry_a_key_the_server_echoes(
    runner: Runner, serve: Servers, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("LEAP_LOG", "debug")
    server = serve(Script(GET.success({"X-Echo": f"you sent {SECRET}"})))
    runner.call(GET.call, base_url=server.url, api_key=SECRET)
    lines = [r.getMessage() for r in caplog.records if r.name == "leap"]
    assert any("X-Echo" in line or "x-echo" in line for line in lines)
    assert not any(SECRET in line for line in lines)
    assert SECRET not in caplog.text


def test_the_clients_repr_carries_no_credential(runner: Runner) -> None:
    client = runner.client(api_key=SECRET, base_url="https://user:hunter2pass@api.example.test")
    text = repr(client) + repr(client.with_options(max_retries=1))
    assert SECRET not in text and "hunter2pass" not in text and "api.example.test" in text


def test_a_basic_token_and_short_values(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_secrets, "_known", set())
    monkeypatch.setattr(_secrets, "_pattern", None)
    _secrets.remember(["abc", None, "longer-secret"], basic=("ada", "pa55word"))
    token = base64.b64encode(b"ada:pa55word").decode()
    assert _secrets.redact(f"abc longer-secret Basic {token}") == "abc <redacted> Basic <redacted>"


def test_a_logger_record_is_redacted_whatever_its_arguments(caplog: pytest.LogCaptureFixture) -> None:
    leap.Leap(api_key=SECRET)
    with caplog.at_level(logging.INFO, logger="leap"):
        logging.getLogger("leap").info("key %s and %d", SECRET, 3)
    assert caplog.records[-1].getMessage() == "key <redacted> and 3"
