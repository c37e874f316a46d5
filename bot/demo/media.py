"""Keeping the bytes of files the bot uploads to the simulator, so the console can offer them
for download (the simulator itself records only names and sizes)."""

from __future__ import annotations

import io
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from werkzeug.formparser import parse_form_data

UPLOAD_PATH = "/cgi-bin/media/upload"
MAX_KEPT = 200  # files; the oldest are forgotten first

WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


@dataclass(frozen=True)
class StoredMedia:
    media_id: str
    filename: str
    content: bytes


class MediaVault:
    """WSGI middleware around the simulator: reads each media/upload's file, lets the simulator
    answer, and keeps the bytes under the media_id it answered with."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app
        self._files: dict[str, StoredMedia] = {}
        self._lock = threading.Lock()

    def get(self, media_id: str) -> StoredMedia | None:
        with self._lock:
            return self._files.get(media_id)

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        if environ.get("PATH_INFO") != UPLOAD_PATH or environ.get("REQUEST_METHOD") != "POST":
            return self.app(environ, start_response)
        length = int(environ.get("CONTENT_LENGTH") or 0)
        body = environ["wsgi.input"].read(length)
        environ["wsgi.input"] = io.BytesIO(body)
        upload = self._parse_upload(environ, body)
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list[tuple[str, str]], *rest: Any) -> Any:
            captured["status"] = status
            return start_response(status, headers, *rest)

        chunks = b"".join(self.app(environ, capture))
        self._keep(upload, chunks)
        return [chunks]

    @staticmethod
    def _parse_upload(environ: dict[str, Any], body: bytes) -> tuple[str, bytes] | None:
        copy = dict(environ)
        copy["wsgi.input"] = io.BytesIO(body)
        _stream, _form, files = parse_form_data(copy)
        try:
            media = files.get("media")
            return None if media is None else (media.filename or "file", media.read())
        finally:
            for upload in files.values():
                upload.close()  # large parts are spooled to temporary files

    def _keep(self, upload: tuple[str, bytes] | None, answer: bytes) -> None:
        if upload is None:
            return
        try:
            media_id = json.loads(answer).get("media_id")
        except (ValueError, AttributeError):
            return
        if not media_id:
            return
        with self._lock:
            self._files[media_id] = StoredMedia(media_id, upload[0], upload[1])
            while len(self._files) > MAX_KEPT:
                self._files.pop(next(iter(self._files)))
