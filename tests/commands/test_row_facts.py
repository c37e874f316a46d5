"""Rows show the facts of the question, and unranked lists come most recent activity first
(#20 item 2): in chat (through the WeCom callback and the chat handler), in `segbot query
--json` (`listed`), in the export and on page 2, in zh-Hans, zh-Hant and English.

The chat company (chatworld + cardsworld, NOW = 2026-11-01 10:00 Shanghai) plus:
  wmA05  a refund of ¥20 yesterday
  wmA04  an order of ¥45 on 2025-12-30 (a date of last year shows its year)
  wmW01  no events, added on 2023-01-18
  wmW02  an inquiry 2 hours ago and an order of ¥66 yesterday
"""

from __future__ import annotations

import io
import json
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session, sessionmaker

from bot.bootstrap import Deps
from bot.cli.main import cli
from bot.commands import CommandContext
from bot.commands.router import handle_text
from bot.database import make_session_factory
from bot.inbox.worker import drain
from bot.settings import Settings
from integrations.wecom.simulator.server import Simulator
from segmentation.models import Event, Follow
from tests.commands import world
from tests.commands.cardsworld import enrich
from tests.commands.chatworld import NOW
from tests.commands.conftest import ChatRig
from tests.commands.test_chat_http import deps, simulator, texts_to  # noqa: F401

DAY = timedelta(days=1)
# "我的客户": the latest event of any kind first, a customer without events by when added.
MY_ORDER = ["wmA01", "wmW02", "wmA05", "wmA02", "wmA03", "wmA04", "wmW01"]


def _event(eid: str, kind: str, at: datetime, amount: str | None = None) -> Event:
    return Event(
        event_id=f"{kind}-{eid}-{at:%Y%m%d%H}",
        external_userid=eid,
        kind=kind,
        occurred_at=at,
        amount=Decimal(amount) if amount else None,
        source="csv",
    )


def more_facts(factory: sessionmaker[Session]) -> None:
    enrich(factory)
    with factory() as session:
        session.add_all(
            [
                _event("wmA05", "refund", NOW - DAY, "20.00"),
                _event("wmA04", "order", datetime.fromisoformat("2025-12-30T12:00+08:00"), "45"),
                _event("wmW02", "inquiry", NOW - timedelta(hours=2)),
                _event("wmW02", "order", NOW - DAY, "66.00"),
            ]
        )
        session.delete(session.get(Event, "inq-wmW01"))
        added = datetime.fromisoformat("2023-01-18T09:00+08:00")
        session.execute(
            update(Follow).where(Follow.external_userid == "wmW01").values(added_at=added)
        )
        session.commit()


def rows_of(text: str) -> list[str]:
    return [line for line in text.splitlines() if line[:1].isdigit() and ". " in line]


def row_of(text: str, name: str) -> str:
    [row] = [r for r in rows_of(text) if r.split(" · ")[0].endswith(f". {name}")]
    return row


@pytest.fixture
def frig(rig: ChatRig) -> ChatRig:
    more_facts(rig.factory)
    return rig


def ask(rig: ChatRig, text: str, userid: str = "zhangsan") -> str:
    [reply] = rig.tell(userid, text)
    return reply.text


# (question, customer, the fact its row shows)
FACTS = [
    ("近90天消费超过50的客户", "张客户02", "近90天消费 ¥300"),
    ("近30天咨询2次以上的客户", "张客户01", "近30天咨询 2 次，最近 11月1日"),
    ("近30天有咨询的客户", "张客户03", "最近咨询 10月29日"),
    ("下过单的客户", "张客户02", "最近下单 10月30日 ¥300"),
    ("下过单的客户", "张客户04", "最近下单 2025-12-30 ¥45"),
    ("到店过的客户", "张客户04", "最近到店 10月27日"),
    ("有退款的客户", "张客户05", "最近退款 10月31日 ¥20"),
    ("活跃概率大于0.5的客户", "张客户05", "活跃概率 83%"),
    ("CLV最高的3个客户", "张客户05", "CLV ¥320.50"),
    ("VIP客户", "张客户01", "标签：VIP"),
    ("近90天新增的客户", "张客户03", "添加于 9月2日"),
    ("我的客户", "张客户02", "最近下单 10月30日 ¥300"),
    ("上海的客户", "张客户04", "上海"),
]


def test_each_kind_of_question_shows_its_own_fact(frig: ChatRig) -> None:
    for question, name, fact in FACTS:
        text = ask(frig, question)
        assert fact in row_of(text, name), (question, text)


def test_several_conditions_show_the_fact_of_each(frig: ChatRig) -> None:
    text = ask(frig, "近30天有咨询但未下单的客户")
    assert row_of(text, "张客户03").endswith("最近咨询 10月29日 · 最近下单 7月31日 ¥50")
    assert row_of(text, "张客户01").endswith("最近咨询 11月1日 · 从未下单")
    facts = row_of(ask(frig, "近90天消费超过50且咨询过的上海客户"), "张客户02").split(" · ")[2:]
    assert facts == ["近90天消费 ¥300", "最近咨询 10月29日", "上海"]  # at most three


def test_dates_before_this_year_show_the_year(frig: ChatRig) -> None:
    last = rows_of(ask(frig, "我的客户"))[-1]
    assert last == "7. 王芳 · 跟进人：张三 · 添加于 2023-01-18"  # wmW01, without events
    assert "最近下单 2025-12-30 ¥45" in row_of(ask(frig, "下过单的客户"), "张客户04")
    english = ask(frig, "my customers who ordered")
    assert "last order 2025-12-30 ¥45" in row_of(english, "张客户04")
    assert "last order Oct 30 ¥300" in row_of(english, "张客户02")


def test_row_labels_follow_the_users_language(frig: ChatRig) -> None:
    english = ask(frig, "customers who spent over 50 in the last 90 days")
    assert "spent ¥300 (last 90 days)" in row_of(english, "张客户02")
    assert "2 inquiries (last 30 days), last Nov 1" in row_of(
        ask(frig, "customers with at least 2 inquiries in the last 30 days"), "张客户01"
    )
    traditional = ask(frig, "近90天消費超過50的客戶")
    row = row_of(traditional, "张客户02")  # the stored name is kept as stored
    assert "跟進人：张三" in row and "近90天消費 ¥300" in row, traditional
    assert traditional.splitlines()[0].endswith("：共 3 人")


def test_unranked_lists_come_most_recent_relevant_activity_first(frig: ChatRig) -> None:
    names = {"wmA01": "张客户01", "wmA02": "张客户02", "wmA03": "张客户03", "wmA04": "张客户04",
             "wmA05": "张客户05", "wmW01": "王芳", "wmW02": "王芳"}  # fmt: skip
    text = ask(frig, "我的客户")
    assert [r.split(" · ")[0] for r in rows_of(text)] == [
        f"{i}. {names[eid]}" for i, eid in enumerate(MY_ORDER, 1)
    ]
    # the latest inquiry, not the latest event: wmA05's refund does not count here
    inquired = rows_of(ask(frig, "近30天有咨询的客户"))
    assert [r.split(" · ")[0] for r in inquired[:3]] == ["1. 张客户01", "2. 王芳", "3. 张客户02"]
    spenders = rows_of(ask(frig, "近90天消费超过50的客户"))  # the latest order first
    assert [r.split(" · ")[2] for r in spenders] == [
        "近90天消费 ¥66",
        "近90天消费 ¥300",
        "近90天消费 ¥88",
    ]


def _query(frig: ChatRig, *args: str) -> Any:
    url = str(frig.factory.kw["bind"].url.render_as_string(hide_password=False))
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW.isoformat(), "--db", url])
    assert result.exit_code == 0, result.output
    return result


def _sheet(content: bytes) -> Worksheet:
    sheet = load_workbook(io.BytesIO(content)).active
    assert isinstance(sheet, Worksheet)
    return sheet


def _ids(sheet: Worksheet) -> list[str]:
    header = [c.value for c in sheet[1]]
    at = header.index("客户ID")
    return [str(row[at]) for row in sheet.iter_rows(min_row=2, values_only=True)]


def test_json_export_and_chat_share_one_order(frig: ChatRig, tmp_path: Path) -> None:
    answer = json.loads(_query(frig, "我的客户", "--as", "zhangsan", "--json").output)
    assert answer["listed"] == MY_ORDER
    assert answer["customers"] == sorted(MY_ORDER)  # the spec's sorted id list, unchanged
    assert "ranking" not in answer
    out = tmp_path / "mine.xlsx"
    _query(frig, "导出我的客户", "--as", "zhangsan", "--out", str(out))
    assert _ids(_sheet(out.read_bytes())) == MY_ORDER
    counted = tmp_path / "count.xlsx"  # a count has no order of its own: its file is listed
    _query(frig, "我的客户有多少", "--as", "zhangsan", "--out", str(counted))
    assert _ids(_sheet(counted.read_bytes())) == MY_ORDER
    count = json.loads(_query(frig, "我的客户有多少", "--as", "zhangsan", "--json").output)
    assert count["customers"] == sorted(MY_ORDER) and "listed" not in count
    ask(frig, "我的客户")
    [reply] = frig.tell("zhangsan", "导出这些")
    assert reply.attachment is not None
    assert _ids(_sheet(reply.attachment.content)) == MY_ORDER


def test_an_unranked_windowed_export_keeps_the_list_order_and_names_the_window(
    frig: ChatRig,
) -> None:
    [reply] = frig.tell("zhangsan", "导出近90天消费超过50的客户")
    assert reply.attachment is not None
    sheet = _sheet(reply.attachment.content)
    assert _ids(sheet) == ["wmW02", "wmA02", "wmA05"]
    header = [c.value for c in sheet[1]]
    assert "排名" not in header
    assert header.index("近90天消费(元)") + 2 == header.index("累计消费(元)")
    spend = [
        row[header.index("近90天消费(元)")] for row in sheet.iter_rows(min_row=2, values_only=True)
    ]
    assert spend == [66, 300, 88]


def test_ranked_json_keeps_its_ranking_and_lists_in_rank_order(frig: ChatRig) -> None:
    answer = json.loads(
        _query(frig, "我的客户里消费最多的3个", "--as", "zhangsan", "--json").output
    )
    ranked = [r["external_userid"] for r in answer["ranking"]]
    assert ranked == ["wmA02", "wmA03", "wmA05"]  # 500, 110, 88 (wmW02 66, wmA04 45)
    assert answer["listed"] == ranked and answer["customers"] == sorted(ranked)


# ---------------------------------------------------------------- paging, 13 customers


@pytest.fixture
def paged(clean_engine: Engine) -> sessionmaker[Session]:
    """world.py's company (13 customers of zhangsan, all inquired 3 days ago); wmZ13 inquired
    most recently and wmZ01 least, and each ordered ¥(100 + i)."""
    factory = make_session_factory(clean_engine)
    with factory() as session:
        world.build_company(session)
        for i in range(1, 14):
            eid = f"wmZ{i:02d}"
            session.add(_event(eid, "inquiry", world.NOW - timedelta(hours=14 - i)))
            session.add(_event(eid, "order", world.NOW - timedelta(days=40 + i), f"{100 + i}"))
        session.commit()
    return factory


def _chat(factory: sessionmaker[Session], text: str) -> str:
    ctx = CommandContext(settings=Settings(admins=world.ADMINS), now=world.NOW)
    with factory() as session:
        [reply] = handle_text(session, ctx, "zhangsan", text)
        session.commit()
    return reply.text


def test_page_two_continues_in_the_same_order_with_the_same_facts(
    paged: sessionmaker[Session],
) -> None:
    first = rows_of(_chat(paged, "近30天有咨询的客户"))
    assert [r.split(" · ")[0] for r in first] == [
        f"{n}. 张客户{13 - n + 1:02d}" for n in range(1, 11)
    ]
    second = rows_of(_chat(paged, "更多"))
    assert [r.split(" · ")[0] for r in second] == ["11. 张客户03", "12. 张客户02", "13. 张客户01"]
    assert all(r.endswith("最近咨询 10月31日") for r in second)  # 11–13 hours before 10:00


def test_page_two_of_a_ranking_goes_on_in_rank_order_with_the_values(
    paged: sessionmaker[Session],
) -> None:
    _chat(paged, "消费最多的12个客户")
    second = rows_of(_chat(paged, "更多"))
    assert second == ["11. 张客户03 · 跟进人：张三 · 累计消费 ¥103",
                      "12. 张客户02 · 跟进人：张三 · 累计消费 ¥102"]  # fmt: skip


def test_segbot_query_more_pages_in_the_lists_order(paged: sessionmaker[Session]) -> None:
    url = str(paged.kw["bind"].url.render_as_string(hide_password=False))
    args = ["query", "更多", "--after", "近30天有咨询的客户", "--as", "zhangsan", "--json"]
    result = CliRunner().invoke(cli, [*args, "--now", world.NOW.isoformat(), "--db", url])
    assert result.exit_code == 0, result.output
    page = json.loads(result.output)
    assert page["first"] == 11 and page["customers"] == ["wmZ03", "wmZ02", "wmZ01"]


def test_a_traditional_list_pages_on_in_traditional(paged: sessionmaker[Session]) -> None:
    first = _chat(paged, "近30天有諮詢的客戶")
    assert "最近諮詢" in rows_of(first)[0] and "跟進人" in rows_of(first)[0]
    second = _chat(paged, "更多")
    assert rows_of(second)[0].startswith("11. 张客户03 · 跟進人：张三 · 最近諮詢")


# ---------------------------------------------------------------- the real callback path


def test_rows_over_the_wecom_callback(simulator: Simulator, deps: Deps) -> None:  # noqa: F811
    more_facts(deps.session_factory)

    def say(text: str) -> str:
        simulator.scenario.member_text("zhangsan", text)
        assert drain(deps) == 1
        return texts_to(simulator, "zhangsan")[-1]

    text = say("近90天消费超过50的客户")
    assert [r.split(" · ", 2)[2] for r in rows_of(text)] == [
        "近90天消费 ¥66",
        "近90天消费 ¥300",
        "近90天消费 ¥88",
    ]
    assert rows_of(say("我的客户"))[-1].endswith("王芳 · 跟进人：张三 · 添加于 2023-01-18")
    assert "last order Oct 30 ¥300" in row_of(say("my customers who ordered"), "张客户02")
