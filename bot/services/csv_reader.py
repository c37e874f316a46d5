"""Streaming CSV reading for imports: UTF-8 (BOM tolerated), line numbers, byte progress."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

# Large enough for a real `properties` JSON, small enough that a broken quote cannot swallow
# the whole file into one field.
FIELD_SIZE_LIMIT = 1_000_000
csv.field_size_limit(FIELD_SIZE_LIMIT)


# A NUL, or a byte that was not UTF-8 (kept as a surrogate escape by the decoder).
_BAD_CHARACTERS = re.compile("[\x00\udc80-\udcff]")


class CsvFileError(ValueError):
    """The file as a whole cannot be read (missing columns, not CSV)."""


@dataclass(frozen=True)
class CsvRow:
    line: int
    values: dict[str, str] | None
    error: str | None = None


class _CountingReader(io.RawIOBase):
    """Counts bytes read so a progress bar can follow a file read through a text wrapper."""

    def __init__(self, raw: BinaryIO, on_bytes: Callable[[int], None]) -> None:
        self._raw = raw
        self._on_bytes = on_bytes

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self._on_bytes(len(data))
        return len(data)


def read_rows(
    path: Path,
    required: tuple[str, ...],
    on_bytes: Callable[[int], None] = lambda n: None,
    on_header: Callable[[list[str]], None] = lambda header: None,
) -> Iterator[CsvRow]:
    """Yield each data row with its line number; a row that cannot be read carries an error.

    `on_header` gets the (lower-cased) column names before the first row.

    Invalid UTF-8 is kept as surrogate escapes and reported on its own row, so one bad byte
    does not stop the rest of the file.
    """
    with path.open("rb") as raw:
        stream = io.BufferedReader(_CountingReader(raw, on_bytes))
        text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.reader(text)
        header = _read_header(reader, path, required)
        on_header(header)
        while True:
            first_line = reader.line_num + 1
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield CsvRow(reader.line_num, None, f"unreadable CSV: {exc}")
                continue
            if not fields or all(not f.strip() for f in fields):
                continue
            if reader.line_num > first_line and len(fields) < len(header):
                # A quote never closed swallows the following lines into one field.
                yield CsvRow(
                    first_line,
                    None,
                    f"unterminated quote: the row runs on to line {reader.line_num} "
                    "(the lines in between were not loaded)",
                )
                continue
            yield _row(first_line, header, fields)


def _read_header(reader: Any, path: Path, required: tuple[str, ...]) -> list[str]:
    try:
        header = next(reader)
    except StopIteration:
        raise CsvFileError(f"{path.name}: the file is empty (a header row is required)") from None
    except (csv.Error, UnicodeDecodeError) as exc:
        raise CsvFileError(f"{path.name}: the header row cannot be read ({exc})") from None
    header = [h.strip().lower() for h in header]
    missing = [c for c in required if c not in header]
    if missing:
        raise CsvFileError(
            f"{path.name}: missing column(s) {', '.join(missing)} "
            f"(header is: {', '.join(header)[:200]})"
        )
    return header


def _row(line: int, header: list[str], fields: list[str]) -> CsvRow:
    if len(fields) > len(header):
        return CsvRow(line, None, f"{len(fields)} fields but the header has {len(header)}")
    bad = _BAD_CHARACTERS.search("".join(fields))
    if bad:
        if bad.group() == "\x00":
            return CsvRow(line, None, "contains a NUL character")
        return CsvRow(line, None, "not valid UTF-8 (save the file as UTF-8)")
    values = dict(zip(header, fields, strict=False))
    return CsvRow(line, values)
