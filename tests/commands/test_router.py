"""Chat handling: refusals, list replies, paging with "更多", clarifications, audit rows."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.router import handle_card_click, handle_text
from bot.models.inbox import AuditEntry
from bot.settings import Settings
from integrations.wecom.events import CardClick
from tests.commands.world import (
    ADMINS,
    EVERYONE,
    INQUIRED,
    LI_CUSTOMERS,
    NOW,
    ZHANG_CUSTOMERS,
    build_company,
    json_tree_query,
)


@pytest.fixture
def ctx(session: Session) -> CommandContext:
    build_company(session)
    return CommandContext(settings=Settings(admins=ADMINS), now=NOW, query=json_tree_query)


def ask(session: Session, ctx: CommandContext, userid: str, text: str) -> str:
    [reply] = handle_text(session, ctx, userid, text)
    assert reply.userid == userid
    return reply.text


def audit_rows(session: Session) -> list[AuditEntry]:
    return list(session.scalars(select(AuditEntry).order_by(AuditEntry.id)))


def test_an_unknown_member_gets_a_polite_refusal_and_no_data(
    session: Session, ctx: CommandContext
) -> None:
    for userid in ("stranger", "gone"):
        text = ask(session, ctx, userid, EVERYONE)
        assert not any(name in text for name in {**ZHANG_CUSTOMERS, **LI_CUSTOMERS}.values())
        assert "Sorry" in text  # JSON text has no Chinese: answered in English
    assert [row.action for row in audit_rows(session)] == ["refused", "refused"]


def test_a_list_reply_has_the_count_the_restated_segment_ten_rows_and_a_more_hint(
    session: Session, ctx: CommandContext
) -> None:
    text = ask(session, ctx, "zhangsan", INQUIRED)
    lines = text.splitlines()
    assert lines[0] == "测试分群: 13 in total"
    rows = [line for line in lines if line[:1].isdigit()]
    assert len(rows) == 10
    assert rows[0].startswith("1. 张客户01")
    assert "owner: 张三" in rows[0]
    assert "last inquiry Oct 29" in rows[0]  # this year: month and day
    assert lines[-1] == "Reply 'more' to see more (3 left)"
    assert "13800000000" not in text


def test_more_pages_through_the_rest_then_says_nothing_more(
    session: Session, ctx: CommandContext
) -> None:
    ask(session, ctx, "zhangsan", EVERYONE)
    page = ask(session, ctx, "zhangsan", "更多")
    rows = [line for line in page.splitlines() if line[:1].isdigit()]
    assert [row.split(" ")[0] for row in rows] == ["11.", "12.", "13."]
    assert "张客户13" in page and "更多" not in page.splitlines()[-1]
    assert (
        ask(session, ctx, "zhangsan", "more")
        == "Nothing more: the last list has been shown in full."
    )


def test_more_without_an_earlier_list_explains_what_to_do(
    session: Session, ctx: CommandContext
) -> None:
    assert "先查询" in ask(session, ctx, "lisi", "更多")


def test_a_sales_member_never_sees_another_members_customers(
    session: Session, ctx: CommandContext
) -> None:
    text = ask(session, ctx, "lisi", EVERYONE)
    assert text.splitlines()[0] == "测试分群: 2 in total"
    assert all(name in text for name in LI_CUSTOMERS.values())
    assert not any(name in text for name in ZHANG_CUSTOMERS.values())
    assert "更多" not in text and "more" not in text


def test_the_admin_sees_everyone(session: Session, ctx: CommandContext) -> None:
    assert ask(session, ctx, "boss", EVERYONE).splitlines()[0] == "测试分群: 15 in total"


def test_text_not_understood_gets_a_question_with_suggestions(
    session: Session, ctx: CommandContext
) -> None:
    text = ask(session, ctx, "zhangsan", "帮我找找火星客户🙂")
    assert text.splitlines() == [
        "没有看懂您的问题",
        "您可以试试：",
        "1. 我的客户",
        "2. 近30天有咨询的客户",
    ]


@pytest.mark.parametrize(
    "text", ["", "   ", "\x00\x01", "x" * 10_000, "'; DROP TABLE customers; --", "{{7*7}}"]
)
def test_any_text_gets_an_answer(session: Session, ctx: CommandContext, text: str) -> None:
    reply = ask(session, ctx, "zhangsan", text)
    assert reply.strip()
    assert len(reply.encode("utf-8")) <= 2048


def test_a_failing_query_service_still_answers(session: Session, ctx: CommandContext) -> None:
    def broken(*_args: object, **_kwargs: object) -> dict[str, object]:
        raise RuntimeError("parser bug")

    broken_ctx = CommandContext(settings=ctx.settings, now=NOW, query=broken)
    assert "rephras" in ask(session, broken_ctx, "zhangsan", "anything")


def test_every_command_writes_an_audit_row(session: Session, ctx: CommandContext) -> None:
    ask(session, ctx, "zhangsan", INQUIRED)
    ask(session, ctx, "zhangsan", "更多")
    handle_card_click(
        session, ctx, CardClick("boss", "confirm", "task-1", "button_interaction", "rc", 1)
    )
    rows = audit_rows(session)
    assert [(r.userid, r.action) for r in rows] == [
        ("zhangsan", "command"),
        ("zhangsan", "more"),
        ("boss", "card_click"),
    ]
    detail = rows[0].detail or {}
    assert {k: detail[k] for k in ("role", "intent", "count", "needs_confirmation")} == {
        "role": "sales",
        "intent": "list",
        "count": 13,
        "needs_confirmation": False,
    }
    # The canonical segment is kept, for "this segment" and for size history.
    assert detail["segment"]["tree"]["event_kind"] == "inquiry"
    assert len(detail["segment_key"]) == 32
    assert rows[0].at == NOW
