"""Formats map to Python types and travel as their JSON text."""

from __future__ import annotations

import io
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

from tests.generator.cases.harness import Recorder, both, client

WARNINGS: list[tuple[str, str]] = []


def check(package: Any, generated: Any) -> None:
    source = generated.files["case_formats/models/record.py"]
    for line in ("at: DateTime | None", "day: date | None", "id: str | None", "blob: str | None", "big: int | None", "ratio: float | None", "approx: float | None"):
        assert line in source, line

    answer = {"at": "2024-02-29T12:00:00Z", "day": "2024-02-29", "id": "6f1c3e2a-0b7d-4a57-9a35-2f0d2b1c9e11", "blob": "aGk=", "big": 9007199254740993, "small": 1, "ratio": 0.1, "approx": 1.5}
    recorder = Recorder(body=answer)
    record = client(package, recorder).records.create_record(at=datetime(2024, 2, 29, 12, tzinfo=timezone.utc), day=date(2024, 2, 29), big=9007199254740993, ratio=0.25)
    assert recorder.last_json() == {"at": "2024-02-29T12:00:00+00:00", "day": "2024-02-29", "big": 9007199254740993, "ratio": 0.25}
    assert record.at == datetime(2024, 2, 29, 12, tzinfo=timezone.utc) and record.day == date(2024, 2, 29)
    assert record.big == 9007199254740993 and record.id == answer["id"] and record.blob == "aGk="

    # uuid and byte are strings both ways, sent as given; blocking and asyncio alike.
    recorder = Recorder(body=answer)
    sent = {"id": answer["id"], "blob": "AAE=", "small": 2, "approx": 0.5}
    assert both(package, recorder, lambda sdk: sdk.records.create_record(id=answer["id"], blob="AAE=", small=2, approx=0.5)) == record
    assert recorder.last_json() == sent

    recorder = Recorder(status=204)
    assert both(package, recorder, lambda sdk: sdk.records.upload(file=("a.bin", b"\x00\x01"), note="n")) is None
    body = recorder.last.content
    assert recorder.last.headers["content-type"].startswith("multipart/form-data")
    assert b'name="file"; filename="a.bin"' in body and b"\x00\x01" in body and b'name="note"' in body
    # A file object (read by the blocking and the asyncio client alike) and a path travel as their bytes.
    for given in (lambda: io.BytesIO(b"\x02\x03"), lambda: _file(b"\x02\x03")):
        both(package, recorder, lambda sdk: sdk.records.upload(file=given()))
        assert b"\x02\x03" in recorder.last.content and b'name="file"' in recorder.last.content and b'name="note"' not in recorder.last.content


def _file(content: bytes) -> Path:
    path = Path(tempfile.mkdtemp()) / "upload.bin"
    path.write_bytes(content)
    return path
