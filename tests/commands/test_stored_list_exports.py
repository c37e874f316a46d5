"""Exports of stored lists and breakdowns through the chat router: "导出这些" after a change
list is re-checked like a page (scope now, 24 h expiry), and a salesperson's breakdown says
it was limited to their customers (#20 safety review leftovers)."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from bot.commands import Reply
from bot.models.inbox import ChatState
from segmentation.models import Follow
from tests.commands.cardsworld import enrich
from tests.commands.conftest import ChatRig


@pytest.fixture
def crig(rig: ChatRig) -> ChatRig:
    enrich(rig.factory)
    return rig


def text_of(replies: list[Reply]) -> str:
    return "\n".join(r.text for r in replies if r.text)


def exported_ids(replies: list[Reply]) -> list[str]:
    [content] = [r.attachment.content for r in replies if r.attachment]
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet is not None
    return [str(row[0].value) for row in sheet.iter_rows(min_row=2)]


def test_a_change_list_export_leaves_out_a_customer_who_left_the_scope(crig: ChatRig) -> None:
    listed = text_of(crig.tell("zhangsan", "近7天离开流失风险的客户"))
    assert "张客户02" in listed
    with crig.factory() as session:  # zhangsan's follow of wmA02 ends after the answer
        session.execute(
            update(Follow)
            .where(Follow.external_userid == "wmA02", Follow.userid == "zhangsan")
            .values(deleted=True)
        )
        session.commit()
    replies = crig.tell("zhangsan", "导出这些")
    assert not any(r.attachment for r in replies)
    assert "共 0 人" in text_of(replies)


def test_a_change_list_export_keeps_the_customers_still_in_scope(crig: ChatRig) -> None:
    crig.tell("zhangsan", "近7天离开流失风险的客户")
    assert exported_ids(crig.tell("zhangsan", "导出这些")) == ["wmA02"]


def test_a_lost_list_exports_the_askers_lost_customers_only_to_them(crig: ChatRig) -> None:
    assert "李客户01" in text_of(crig.tell("lisi", "近7天流失的客户"))
    assert len(exported_ids(crig.tell("lisi", "导出这些"))) == 1


def test_an_expired_change_list_is_not_exported(crig: ChatRig) -> None:
    crig.tell("zhangsan", "近7天离开流失风险的客户")
    with crig.factory() as session:  # the list was answered over a day ago (the chat's
        # latest-command record is younger: it is the stored list that has expired)
        state = session.get(ChatState, "zhangsan")
        assert state is not None
        state.updated_at = crig.now - timedelta(hours=25)
        session.commit()
    replies = crig.tell("zhangsan", "导出这些")
    assert not any(r.attachment for r in replies)
    assert "上一个列表已超过 24 小时" in text_of(replies)


def test_a_salespersons_breakdown_says_it_was_limited_to_their_customers(
    crig: ChatRig,
) -> None:
    text = text_of(crig.tell("zhangsan", "所有客户按城市分"))
    assert "结果只包含您自己跟进的客户" in text
    exported = crig.tell("zhangsan", "导出这个")
    assert "结果只包含您自己跟进的客户" in text_of(exported)
    english = text_of(crig.tell("zhangsan", "all customers per city"))
    assert "Limited to the customers you follow yourself" in english


def test_a_breakdown_of_the_askers_own_customers_or_an_admins_has_no_note(
    crig: ChatRig,
) -> None:
    assert "只包含" not in text_of(crig.tell("zhangsan", "按城市看看我的客户分布"))
    assert "只包含" not in text_of(crig.tell("boss", "所有客户按城市分"))


def test_a_breakdowns_json_carries_the_scope_note(crig: ChatRig) -> None:
    from bot.services.query import run_query
    from segmentation.engine import default_context
    from tests.commands.chatworld import ADMINS, NOW, SETTINGS

    def ask(userid: str, text: str) -> dict[str, object]:
        with crig.factory() as session:
            return run_query(session, text, as_userid=userid, now=NOW, admins=ADMINS,
                             ctx=default_context(SETTINGS.timezone_name))  # fmt: skip

    sales = ask("zhangsan", "所有客户按城市分")
    assert sales["intent"] == "breakdown"
    assert sales["scope_note"] == "（结果只包含您自己跟进的客户。）"
    assert "scope_note" not in ask("boss", "所有客户按城市分")
    assert "scope_note" not in ask("zhangsan", "按城市看看我的客户分布")
