"""``LEAP_LOG=info|debug``: what the SDK logs on the ``leap`` logger, and that no credential
ever reaches a log line. The variable is read when a client is constructed."""

from __future__ import annotations

import logging

import pytest

import leap
from tests.sdk.contract.conftest import API_KEY
from tests.sdk.runtime.conftest import GET, POST, Runner, Script, Servers, closed_port_url, error_body
from tests.sdk.runtime.server import json_reply

pytestmark = pytest.mark.usefixtures("fast_backoff")

COOKIE = "session=cookie-secret-91b2"


def leap_records(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "leap" or r.name.startswith("leap.")]


def test_info_logs_one_line_per_response(
    runner: Runner,
    serve: Servers,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LEAP_LOG", "info")
    server = serve(Script(GET.success()))
    runner.call(GET.call, base_url=server.url)

    records = leap_records(caplog)
    assert [r.levelno for r in records] == [logging.INFO]
    message = records[0].getMessage()
    assert "GET" in message and f"{server.url}{GET.path}" in message and "200" in message
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if "HTTP Request:" in line]) == 1, err
    assert f"{server.url}{GET.path}" in err and "INFO" in err


def test_info_logs_retries(
    runner: Runner, serve: Servers, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("LEAP_LOG", "info")
    server = serve(Script(json_reply(503, error_body(503), {"Retry-After": "0"}), POST.success()))
    runner.call(POST.call, base_url=server.url)

    messages = [r.getMessage() for r in leap_records(caplog)]
    assert len(messages) == 3, messages
    assert "503" in messages[0] and "POST" in messages[0]
    assert messages[1].startswith("Retrying POST") and f"{server.url}{POST.path}" in messages[1]
    assert "503" in messages[1]
    assert "201" in messages[2]


def test_info_logs_retries_after_connection_errors(
    runner: Runner, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("LEAP_LOG", "info")
    with pytest.raises(leap.APIConnectionError):
        runner.call(GET.call, base_url=closed_port_url())
    messages = [r.getMessage() for r in leap_records(caplog)]
    assert len(messages) == 2 and all(m.startswith("Retrying GET") and "ConnectError" in m for m in messages), messages


def test_two_clients_do_not_double_the_lines(
    runner: Runner, serve: Servers, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LEAP_LOG", "info")
    server = serve(Script(GET.success()))
    runner.client(base_url=server.url)
    runner.call(GET.call, base_url=server.url)
    err = capsys.readouterr().err
    assert len([line for line in err.splitlines() if "HTTP Request:" in line]) == 1, err
    sdk_handlers = [h for h in logging.getLogger("leap").handlers if getattr(h, "_sdk_handler", False)]
    assert len(sdk_handlers) == 1


def test_debug_logs_headers_without_credentials(
    runner: Runner,
    serve: Servers,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LEAP_LOG", "debug")
    caplog.set_level(logging.DEBUG)  # every logger, httpx's and httpcore's included
    server = serve(
        Script(
            json_reply(429, error_body(429), {"Retry-After": "0", "Set-Cookie": COOKIE}),
            GET.success({"Set-Cookie": COOKIE, "X-Request-Id": "req-7"}),
        )
    )
    runner.call(lambda c: GET.call(c, extra_headers={"X-Api-Key": API_KEY, "X-Trace-Id": "t-9"}), base_url=server.url)

    messages = [r.getMessage() for r in leap_records(caplog)]
    debug = [r.getMessage() for r in leap_records(caplog) if r.levelno == logging.DEBUG]
    requests = [m for m in debug if m.startswith("Request:")]
    assert len(requests) == 2 and "(attempt 1)" in requests[0] and "(attempt 2)" in requests[1]
    assert all("'authorization': '<redacted>'" in m.lower() for m in requests), requests
    assert all("t-9" in m and "user-agent" in m.lower() for m in requests)
    responses = [m for m in debug if m.startswith("Response headers:")]
    assert len(responses) == 2 and "req-7" in responses[1]
    assert any(m.startswith("Retrying GET") for m in messages)

    err = capsys.readouterr().err
    assert "<redacted>" in err and "t-9" in err
    # The API key is in no record of any logger (httpx and httpcore included) nor on stderr.
    everything = [r.getMessage() for r in caplog.records] + [err]
    leaks = [text for text in everything if API_KEY in text]
    assert not leaks, f"the API key was logged: {leaks[:2]}"
    # Cookies are redacted in the SDK's lines (httpcore's own DEBUG trace shows raw response
    # headers, Set-Cookie included; that is httpcore's logger, not the SDK's).
    sdk_lines = [r.getMessage() for r in leap_records(caplog)] + [err]
    assert not [text for text in sdk_lines if "cookie-secret-91b2" in text]


def test_debug_logs_nothing_secret_on_errors(
    runner: Runner,
    serve: Servers,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("LEAP_LOG", "debug")
    server = serve(Script(json_reply(401, error_body(401, "bad key"))))
    with pytest.raises(leap.AuthenticationError):
        runner.call(GET.call, base_url=server.url)
    assert leap_records(caplog)
    err = capsys.readouterr().err
    assert API_KEY not in err and all(API_KEY not in r.getMessage() for r in caplog.records)


def test_without_leap_log_nothing_is_logged_at_info(
    runner: Runner, serve: Servers, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]
) -> None:
    server = serve(Script(json_reply(503, error_body(503), {"Retry-After": "0"}), GET.success()))
    runner.call(GET.call, base_url=server.url)

    logger = logging.getLogger("leap")
    assert logger.level == logging.NOTSET
    assert logger.getEffectiveLevel() >= logging.WARNING
    assert not [h for h in logger.handlers if getattr(h, "_sdk_handler", False)]
    assert not leap_records(caplog)
    assert capsys.readouterr().err == ""


def test_an_unknown_leap_log_value_changes_nothing(
    runner: Runner, serve: Servers, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("LEAP_LOG", "verbose")
    server = serve(Script(GET.success()))
    runner.call(GET.call, base_url=server.url)
    assert logging.getLogger("leap").level == logging.NOTSET
    assert not leap_records(caplog)


def test_the_logger_is_left_to_the_application_without_leap_log(
    runner: Runner, serve: Servers, caplog: pytest.LogCaptureFixture
) -> None:
    """An application that turns the ``leap`` logger on itself gets the lines."""
    caplog.set_level(logging.INFO, logger="leap")
    server = serve(Script(GET.success()))
    runner.call(GET.call, base_url=server.url)
    assert [r.levelno for r in leap_records(caplog)] == [logging.INFO]
