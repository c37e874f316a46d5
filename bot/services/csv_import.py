"""`segbot import`: load the CSV files of interfaces.md, idempotently, chunk by chunk."""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError
from sqlalchemy.exc import DBAPIError, OperationalError, StatementError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import unit_of_work
from bot.services import import_apply as apply
from bot.services.csv_reader import CsvFileError, read_rows
from bot.services.records import (
    CustomerRecord,
    CustomerTagRecord,
    EventRecord,
    FollowRecord,
    Record,
    StaffRecord,
    TagRecord,
    error_text,
)
from bot.settings import DEFAULT_EVENT_KINDS

log = logging.getLogger(__name__)

CHUNK_SIZE = 5_000


@dataclass(frozen=True)
class RowError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


@dataclass
class FileReport:
    file: str
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    rejected: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, counts: apply.ChunkCounts) -> None:
        self.inserted += counts.inserted
        self.updated += counts.updated
        self.unchanged += counts.unchanged


@dataclass
class ImportReport:
    files: list[FileReport] = field(default_factory=list)

    @property
    def rejected(self) -> int:
        return sum(f.rejected for f in self.files)


@dataclass(frozen=True)
class ImportSpec:
    filename: str
    record: type[Record]
    required_columns: tuple[str, ...]
    apply_chunk: Callable[..., apply.ChunkCounts]


# In dependency order: a follow needs its customer and staff member, a customer tag its tag.
SPECS = (
    ImportSpec("staff.csv", StaffRecord, ("userid",), apply.apply_staff),
    ImportSpec("customers.csv", CustomerRecord, ("external_userid",), apply.apply_customers),
    ImportSpec("follows.csv", FollowRecord, ("external_userid", "userid"), apply.apply_follows),
    ImportSpec("tags.csv", TagRecord, ("tag_id", "name"), apply.apply_tags),
    ImportSpec(
        "customer_tags.csv",
        CustomerTagRecord,
        ("external_userid", "tag_id"),
        apply.apply_customer_tags,
    ),
    ImportSpec(
        "events.csv",
        EventRecord,
        ("event_id", "external_userid", "kind", "occurred_at"),
        apply.apply_events,
    ),
)

ProgressFactory = Callable[[str, int], Any]
"""Makes a progress bar for (file name, total bytes); it must have update(n) and close()."""

MAX_ERRORS_KEPT = 1_000


class ImportDirectoryError(ValueError):
    """The directory cannot be imported at all (missing, or without any known file)."""


def import_directory(
    factory: sessionmaker[Session],
    directory: Path,
    *,
    tz: ZoneInfo,
    now: datetime,
    progress: ProgressFactory | None = None,
    chunk_size: int = CHUNK_SIZE,
    kinds: Collection[str] = DEFAULT_EVENT_KINDS,
) -> ImportReport:
    """Import every known CSV file in `directory`; each chunk of rows is one transaction.

    Any file may be absent (events.csv alone adds events for customers already known);
    `kinds` are the event kinds accepted (SEGBOT_EVENT_KINDS)."""
    if not directory.is_dir():
        raise ImportDirectoryError(f"{directory} is not a directory")
    present = [spec for spec in SPECS if (directory / spec.filename).is_file()]
    if not present:
        names = ", ".join(spec.filename for spec in SPECS)
        raise ImportDirectoryError(f"{directory} has none of the import files ({names})")
    report = ImportReport()
    # The follows this run adds, for customer_tags.csv after follows.csv (tag history).
    new_follows: set[tuple[str, str]] = set()
    for spec in present:
        report.files.append(
            _import_file(
                factory,
                directory / spec.filename,
                spec,
                tz=tz,
                now=now,
                progress=progress,
                chunk_size=chunk_size,
                kinds=kinds,
                new_follows=new_follows,
            )
        )
    return report


def _import_file(
    factory: sessionmaker[Session],
    path: Path,
    spec: ImportSpec,
    *,
    tz: ZoneInfo,
    now: datetime,
    progress: ProgressFactory | None,
    chunk_size: int,
    kinds: Collection[str],
    new_follows: set[tuple[str, str]],
) -> FileReport:
    report = FileReport(spec.filename)
    bar = progress(spec.filename, path.stat().st_size) if progress else None
    context = apply.ApplyContext(now=now, new_follows=new_follows)
    try:
        rows = read_rows(
            path,
            spec.required_columns,
            bar.update if bar else lambda n: None,
            on_header=lambda header: setattr(context, "columns", frozenset(header)),
        )
        for chunk in _chunks(_validated(rows, spec, tz, kinds, report), chunk_size):
            for counts in _apply(factory, spec, chunk, context):
                report.add(counts)
                for line, message in counts.rejected:
                    _reject(report, line, message)
    except CsvFileError as exc:
        _reject(report, 1, str(exc).removeprefix(f"{spec.filename}: "))
    finally:
        if bar:
            bar.close()
    report.notes.extend(context.notes())
    log.info(
        "imported %s: %d inserted, %d updated, %d unchanged, %d rejected",
        spec.filename,
        report.inserted,
        report.updated,
        report.unchanged,
        report.rejected,
    )
    return report


def _apply(
    factory: sessionmaker[Session],
    spec: ImportSpec,
    chunk: list[tuple[int, Record]],
    context: apply.ApplyContext,
) -> Iterator[apply.ChunkCounts]:
    """Apply one chunk in one transaction; when the database refuses a value in it, apply its
    rows one by one so only the refused rows are lost (a database that is away still stops)."""
    try:
        with unit_of_work(factory) as session:
            counts = spec.apply_chunk(session, chunk, context)
        yield counts
        return
    except OperationalError:
        raise
    except (DBAPIError, StatementError, ArithmeticError, ValueError) as exc:
        if len(chunk) == 1:
            # Never the exception text: it may quote the row (a name, a phone number).
            yield apply.ChunkCounts(
                rejected=[(chunk[0][0], f"the database refused this row ({_reason(exc)})")]
            )
            return
    context.department_ids = None  # departments created by the rolled-back chunk are gone
    for item in chunk:
        yield from _apply(factory, spec, [item], context)


def _reason(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None)
    return type(orig or exc).__name__


def _validated(
    rows: Iterator[Any],
    spec: ImportSpec,
    tz: ZoneInfo,
    kinds: Collection[str],
    report: FileReport,
) -> Iterator[tuple[int, Record]]:
    for row in rows:
        if row.error:
            _reject(report, row.line, row.error)
            continue
        try:
            if spec.record is EventRecord:
                yield row.line, EventRecord.from_row(row.values, tz, kinds)
            else:
                yield row.line, spec.record.from_row(row.values, tz)  # type: ignore[attr-defined]
        except (ValueError, ValidationError) as exc:
            _reject(report, row.line, error_text(exc))


def _reject(report: FileReport, line: int, message: str) -> None:
    report.rejected += 1
    if len(report.errors) < MAX_ERRORS_KEPT:
        report.errors.append(RowError(report.file, line, message))


def _chunks(items: Iterator[tuple[int, Record]], size: int) -> Iterator[list[tuple[int, Record]]]:
    chunk: list[tuple[int, Record]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
