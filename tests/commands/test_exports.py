"""Exports a colleague can use (#20 item 3), read back with openpyxl: rank order, headers
with the question's window beside lifetime spend, a frozen filterable header, number and
date formats, remark/company/first-added and score columns, phones by role, file names."""

from __future__ import annotations

import io
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import delete

from bot.cli.main import cli
from bot.commands import Reply
from bot.services.exports import DATETIME, MONEY, SHARE, export_filename
from integrations.wecom.simulator.company import SimMember
from segmentation.models.scores import CustomerScore
from tests.commands.cardsworld import enrich
from tests.commands.chatworld import NOW, SETTINGS, ZHANG
from tests.commands.conftest import ChatRig

TOP = "导出我的客户里近90天消费最多的3个"


@pytest.fixture
def crig(rig: ChatRig) -> ChatRig:
    enrich(rig.factory)
    rig.gateway.state.company.members["wangjl"] = SimMember("wangjl", "王经理", [2], [])
    return rig


def exported(replies: list[Reply]) -> tuple[Reply, Worksheet]:
    [reply] = replies
    assert reply.attachment is not None, reply.text
    sheet = load_workbook(io.BytesIO(reply.attachment.content)).active
    assert isinstance(sheet, Worksheet)
    return reply, sheet


def table(sheet: Worksheet) -> list[dict[str, Any]]:
    header, *rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(header, row, strict=True)) for row in rows]


def column(sheet: Worksheet, header: str) -> str:
    [cell] = [c for c in sheet[1] if c.value == header]
    return str(cell.column_letter)


def test_a_ranked_export_is_in_rank_order_with_the_windows_spend_beside_lifetime(
    crig: ChatRig,
) -> None:
    _, sheet = exported(crig.tell("zhangsan", TOP))
    rows = table(sheet)
    # wmA02 spent 300 in the last 90 days (500 in all), wmA05 88; rank 1 first, not by id
    assert [(r["排名"], r["客户ID"]) for r in rows] == [(1, "wmA02"), (2, "wmA05")]
    assert [r["近90天消费(元)"] for r in rows] == [300, 88]
    assert [r["累计消费(元)"] for r in rows] == [500, 88]
    assert [r["近90天下单次数"] for r in rows] == [1, 1]
    assert [r["累计下单次数"] for r in rows] == [3, 1]
    headers = [c.value for c in sheet[1]]
    assert headers.index("近90天消费(元)") + 2 == headers.index("累计消费(元)")


def test_the_header_is_frozen_and_filtered_with_formats_and_widths(crig: ChatRig) -> None:
    _, sheet = exported(crig.tell("zhangsan", TOP))
    assert sheet.freeze_panes == "A2"
    last = sheet.cell(1, sheet.max_column).column_letter
    assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}"
    assert all(c.font.bold for c in sheet[1])
    for header, number_format in (
        ("近90天消费(元)", MONEY),
        ("累计消费(元)", MONEY),
        ("添加时间", DATETIME),
        ("最近下单", DATETIME),
        ("活跃概率", SHARE),
    ):
        cell = sheet[f"{column(sheet, header)}2"]
        assert cell.number_format == number_format, header
    added = sheet[f"{column(sheet, '添加时间')}2"].value
    assert isinstance(added, datetime)
    assert added == (NOW - timedelta(days=60)).astimezone(SETTINGS.timezone).replace(tzinfo=None)
    for header in ("客户ID", "近90天消费(元)", "预计一年价值CLV(元)"):
        width = sheet.column_dimensions[column(sheet, header)].width
        assert len(header) <= width <= 40, header


def test_remark_company_and_score_columns(crig: ChatRig) -> None:
    _, sheet = exported(crig.tell("zhangsan", TOP))
    rows = {r["客户ID"]: r for r in table(sheet)}
    assert rows["wmA02"]["备注"] == "陈姐" and "公司" in rows["wmA02"]
    assert rows["wmA05"]["活跃概率"] == pytest.approx(0.83)
    assert rows["wmA05"]["预计一年价值CLV(元)"] == pytest.approx(320.5)
    assert rows["wmA02"]["活跃概率"] is None  # not scored: empty, not 0
    with crig.factory() as session:  # no scores at all: no score columns
        session.execute(delete(CustomerScore))
        session.commit()
    _, sheet = exported(crig.tell("zhangsan", TOP))
    assert "活跃概率" not in [c.value for c in sheet[1]]


def test_an_unwindowed_unranked_export_has_lifetime_columns_in_the_answers_order(
    crig: ChatRig,
) -> None:
    _, sheet = exported(crig.tell("zhangsan", "导出我的客户"))
    headers = [c.value for c in sheet[1]]
    assert "排名" not in headers
    assert [h for h in headers if "消费" in str(h)] == ["累计消费(元)"]
    assert [r["客户ID"] for r in table(sheet)] == sorted(ZHANG)


def test_phones_in_full_for_the_follower_and_admins_masked_for_a_manager(
    crig: ChatRig,
) -> None:
    mine, sheet = exported(crig.tell("zhangsan", "导出我的客户"))
    assert all(str(r["手机号"]).startswith("1380000") for r in table(sheet))
    assert "打码" not in mine.text
    manager, sheet = exported(crig.tell("wangjl", "导出张三的客户"))
    phones = [str(r["手机号"]) for r in table(sheet)]
    assert phones and all(p.startswith("138****") and len(p) == 11 for p in phones)
    assert "（手机号已打码）" in manager.text
    _, sheet = exported(crig.tell("boss", "导出张三的客户"))
    assert all(str(r["手机号"]).startswith("1380000") for r in table(sheet))


def test_english_headers_name_the_window(crig: ChatRig) -> None:
    _, sheet = exported(
        crig.tell("zhangsan", "export my top 3 customers by spend in the last 90 days")
    )
    headers = [c.value for c in sheet[1]]
    assert "Spend, last 90 days (¥)" in headers and "Lifetime spend (¥)" in headers
    assert "First added" in headers and "Remark" in headers and "Company" in headers


def test_the_file_name_is_the_segment_and_the_time_to_the_second(crig: ChatRig) -> None:
    reply, _ = exported(crig.tell("zhangsan", TOP))
    assert reply.attachment is not None
    assert reply.attachment.filename == "由张三跟进的客户中近90天消费最多的3位-20261101-100000.xlsx"
    later, _ = exported(crig.later(timedelta(seconds=1)).tell("zhangsan", TOP))
    assert later.attachment is not None
    assert later.attachment.filename.endswith("-100001.xlsx")
    name = export_filename('a/b\\c:"*?<>| ..', NOW, SETTINGS.timezone)
    assert name == "a_b_c-20261101-100000.xlsx"
    assert export_filename("", NOW, SETTINGS.timezone) == "segment-20261101-100000.xlsx"


def test_segbot_query_out_writes_the_ranked_file(crig: ChatRig, tmp_path: Path) -> None:
    url = str(crig.factory.kw["bind"].url.render_as_string(hide_password=False))
    out = tmp_path / "top.xlsx"
    args = ["query", TOP, "--as", "zhangsan", "--now", NOW.isoformat(), "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--db", url])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert isinstance(sheet, Worksheet)
    assert [r["客户ID"] for r in table(sheet)] == ["wmA02", "wmA05"]
    assert sheet.freeze_panes == "A2"


def test_a_saved_segments_file_is_named_after_it(crig: ChatRig) -> None:
    reply, _ = exported(crig.tell("zhangsan", "导出高意向客户"))
    assert reply.attachment is not None
    assert reply.attachment.filename == "高意向客户-20261101-100000.xlsx", reply.text
