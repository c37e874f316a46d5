"""Finding 2 of the safety issue: customer- and staff-chosen text (WeChat nicknames, tags,
remarks, cities, company and staff names) that could start a spreadsheet formula is written as
a literal text cell in every export: through the chat and through `segbot query --out`."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import update

from bot.cli.main import cli
from bot.commands import CommandContext
from bot.commands.router import handle_text
from bot.database import make_engine, make_session_factory
from bot.services.breakdown_files import breakdown_workbook
from bot.services.cells import formula_like
from bot.settings import Settings
from segmentation.models import Customer, Tag

NOW = "2026-11-01T10:00:00+08:00"
HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "+1+1",
    "-2",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "＝1",
    "＋cmd|' /C calc'!A0",
    "－1",
    "＠SUM(1)",
    "﹦1",
]
# Text that merely contains the signs is left alone.
HARMLESS = ["张三", "a=b", "VIP+", "1-2", "mail@x.cn", " =1"]


def _csv(rows: list[list[str]]) -> str:
    def quote(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    return "".join(",".join(quote(v) for v in row) + "\n" for row in rows)


def _company(folder: Path) -> None:
    """One hostile customer per payload: its name, city, company, tag and its follow's remark
    carry the payload; the owning salesperson's name is hostile too."""
    folder.mkdir()
    staff = [["userid", "name", "department", "role"], ["boss", "老板", "总部", "admin"]]
    staff.append(["evil", "=1+1", "销售", "sales"])
    customers = [["external_userid", "name", "gender", "city", "corp_name", "phone"]]
    follows = [["external_userid", "userid", "added_at", "remark"]]
    tags = [["tag_id", "name", "group_name"]]
    marks = [["external_userid", "tag_id", "userid"]]
    for i, text in enumerate(HOSTILE + HARMLESS):
        eid = f"wmX{i:02d}"
        customers.append([eid, text, "0", text, text, "13800001234"])
        follows.append([eid, "evil", "2026-10-01T10:00:00", text])
        tags.append([f"t{i:02d}", f"{text}", "=group"])
        marks.append([eid, f"t{i:02d}", "evil"])
    for name, rows in [
        ("staff.csv", staff),
        ("customers.csv", customers),
        ("follows.csv", follows),
        ("tags.csv", tags),
        ("customer_tags.csv", marks),
    ]:
        (folder / name).write_text(_csv(rows), encoding="utf-8")


@pytest.fixture
def hostile_db(
    fresh_database_url: Callable[[str], str], tmp_path: Path, tmp_cwd: Path
) -> Iterator[str]:
    url = fresh_database_url("formulas")
    _company(tmp_path / "data")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "data"), "--db", url])
    assert result.exit_code == 0, result.output
    # The import trims cells; WeCom sync keeps a nickname's tab or CR: store them exactly.
    engine = make_engine(url)
    with make_session_factory(engine)() as session, session.begin():
        for i, text in enumerate(HOSTILE + HARMLESS):
            session.execute(
                update(Customer)
                .where(Customer.external_userid == f"wmX{i:02d}")
                .values(name=text, city=text)
            )
            session.execute(update(Tag).where(Tag.tag_id == f"t{i:02d}").values(name=text))
    engine.dispose()
    yield url


def _sheet(content: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(content)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def _assert_inert(sheet: Worksheet) -> None:
    """No cell is a formula; every hostile text is there as written, marked as text."""
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    for cell in cells:
        if formula_like(cell.value):
            assert cell.data_type == "s" and cell.quotePrefix, cell.coordinate
    # Each payload is there as written (XML reads a CR back as a line feed).
    expected = {p.replace("\r", "\n") for p in HOSTILE}
    header, *rows = list(sheet.iter_rows(values_only=True))
    column = {name: index for index, name in enumerate(header)}
    for name in ("姓名", "城市", "标签"):
        assert expected <= {row[column[name]] for row in rows}, name
    trimmed = {p.strip() for p in HOSTILE}  # remark and company as the import stored them
    for name in ("备注", "公司"):
        assert trimmed <= {row[column[name]] for row in rows}, name
    assert {row[column["跟进人"]] for row in rows} == {"=1+1"}  # the owner's name


def test_formula_like_reads_signs_by_category() -> None:
    for text in HOSTILE:
        assert formula_like(text), text
    for text in [*HARMLESS, "", None, 12, -3.5]:
        assert not formula_like(text), text


def test_segbot_query_out_writes_only_text_cells(hostile_db: str, tmp_path: Path) -> None:
    out = tmp_path / "all.xlsx"
    args = ["query", "导出所有客户", "--now", NOW, "--out", str(out), "--db", hostile_db]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    sheet = _sheet(out.read_bytes())
    assert sheet.max_row == 1 + len(HOSTILE) + len(HARMLESS)
    _assert_inert(sheet)


def test_the_chat_export_writes_only_text_cells(hostile_db: str) -> None:
    engine = make_engine(hostile_db)
    settings = Settings(database_url=hostile_db)
    ctx = CommandContext(settings=settings, now=datetime(2026, 11, 1, 2, 0, tzinfo=UTC))
    try:
        with make_session_factory(engine)() as session:
            replies = handle_text(session, ctx, "evil", "导出我的客户")
            session.rollback()
    finally:
        engine.dispose()
    [reply] = replies
    assert reply.attachment is not None, reply.text
    _assert_inert(_sheet(reply.attachment.content))


def test_query_out_is_the_chat_exports_file(hostile_db: str, tmp_path: Path) -> None:
    """--out reuses the chat export: same rows and cells for the same asker and segment."""
    out = tmp_path / "mine.xlsx"
    args = ["query", "导出我的客户", "--as", "evil", "--now", NOW, "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--db", hostile_db])
    assert result.exit_code == 0, result.output
    engine = make_engine(hostile_db)
    ctx = CommandContext(
        settings=Settings(database_url=hostile_db),
        now=datetime.fromisoformat(NOW),
    )
    try:
        with make_session_factory(engine)() as session:
            [reply] = handle_text(session, ctx, "evil", "导出我的客户")
            session.rollback()
    finally:
        engine.dispose()
    assert reply.attachment is not None

    def cells(content: bytes) -> list[list[object]]:
        return [list(r) for r in _sheet(content).iter_rows(values_only=True)]

    assert cells(out.read_bytes()) == cells(reply.attachment.content)


def test_query_out_of_a_count_or_list_writes_the_segment(hostile_db: str, tmp_path: Path) -> None:
    for text in ("所有客户有多少", "所有客户"):
        out = tmp_path / f"{len(text)}.xlsx"
        args = ["query", text, "--now", NOW, "--out", str(out), "--db", hostile_db]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.output
        assert _sheet(out.read_bytes()).max_row == 1 + len(HOSTILE) + len(HARMLESS)


def test_query_out_of_a_question_without_a_segment_is_an_error(
    hostile_db: str, tmp_path: Path
) -> None:
    out = tmp_path / "nothing.xlsx"
    result = CliRunner().invoke(
        cli, ["query", "帮助", "--now", NOW, "--out", str(out), "--db", hostile_db]
    )
    assert result.exit_code == 1
    assert "--out" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_query_out_of_an_empty_segment_says_so(hostile_db: str, tmp_path: Path) -> None:
    out = tmp_path / "empty.xlsx"
    args = ["query", "北京的客户", "--now", NOW, "--out", str(out), "--db", hostile_db]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "--out" in result.output and not out.exists()


def test_the_breakdown_workbook_writes_only_text_cells() -> None:
    """The other .xlsx segbot sends (a breakdown's table, "导出这个") goes through the same
    helper: hostile tag, city and staff names stay text."""
    rows = [(label, i + 1) for i, label in enumerate(HOSTILE + HARMLESS)]
    content = breakdown_workbook(("城市", "人数", "占比"), rows, total=100)
    sheet = _sheet(content)
    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    labels = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert labels == [label.replace("\r", "\n") for label, _ in rows]
    for cell in cells:
        if formula_like(cell.value):
            assert cell.quotePrefix, cell.coordinate


SPREADSHEET_WRITERS = ("Workbook(", "to_excel(", "ExcelWriter(", "csv.writer(", "DictWriter(")


def test_every_spreadsheet_writer_goes_through_the_helper() -> None:
    """A module of the product that writes an .xlsx or a CSV must use bot.services.cells (a new
    export cannot forget the formula rule)."""
    root = Path(__file__).resolve().parents[2]
    writers = {
        path.relative_to(root).as_posix(): path.read_text(encoding="utf-8")
        for package in ("bot", "segmentation", "integrations")
        for path in (root / package).rglob("*.py")
        if any(call in path.read_text(encoding="utf-8") for call in SPREADSHEET_WRITERS)
    }
    assert "bot/services/exports.py" in writers  # the scan finds the writers it guards
    unguarded = [name for name, source in writers.items() if "bot.services.cells" not in source]
    assert unguarded == []


def test_the_chat_csv_export_quotes_formula_text(hostile_db: str) -> None:
    """Asked for as CSV, the export is CSV (UTF-8 with a BOM for Excel and WPS), the same
    columns and rows; a cell a spreadsheet could run starts with an apostrophe."""
    engine = make_engine(hostile_db)
    ctx = CommandContext(
        settings=Settings(database_url=hostile_db),
        now=datetime(2026, 11, 1, 2, 0, tzinfo=UTC),
    )
    try:
        with make_session_factory(engine)() as session:
            [reply] = handle_text(session, ctx, "evil", "把我的客户导出成csv")
            session.rollback()
    finally:
        engine.dispose()
    assert reply.attachment is not None, reply.text
    assert reply.attachment.filename.endswith(".csv") and "CSV" in reply.text
    content = reply.attachment.content
    assert content.startswith("\ufeff".encode())
    header, *rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert len(rows) == len(HOSTILE) + len(HARMLESS)
    names = {row[header.index("姓名")] for row in rows}
    assert {"'" + p for p in HOSTILE} <= names
    assert set(HARMLESS) <= names
    for row in rows:
        assert not any(formula_like(cell) for cell in row), row
