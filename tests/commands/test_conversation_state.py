"""The conversation record: per member, 24 hours, evaluated again in the asker's scope when
used, kept in its own table (not dug out of the audit log); "that campaign"; and the same
conversation from `segbot query --after`."""

from __future__ import annotations

import json
from datetime import timedelta

from click.testing import CliRunner
from sqlalchemy import Engine, delete, select

from bot.cli.main import cli
from bot.commands import conversation as conv
from bot.database import make_session_factory
from bot.models.campaigns import Campaign
from bot.models.conversations import ConversationState
from bot.models.inbox import AuditEntry
from bot.services.answer import CountAnswer
from segmentation.models import Follow, Staff
from tests.commands.chatworld import NO_ORDER_ZHANG
from tests.commands.conftest import ChatRig
from tests.commands.test_campaign_chat import _campaign_with_coupons
from tests.segmentation.nlq.fixture import load_fixture

SEGMENT = "近30天咨询未下单的客户"
REFINE = "这些客户里张三的有几个"


def test_the_previous_answer_is_kept_for_a_day(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    [soon] = rig.later(timedelta(hours=23)).tell("zhangsan", REFINE)
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in soon.text and "张三" in soon.text
    [late] = rig.later(timedelta(hours=23 + 25)).tell("zhangsan", REFINE)
    assert "请先查询" in late.text and "共" not in late.text


def test_each_member_has_their_own_conversation(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    [other] = rig.tell("lisi", REFINE)
    assert "请先查询" in other.text


def test_the_record_is_read_from_its_table_not_the_audit_log(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    with rig.factory() as session:
        session.execute(delete(AuditEntry))
        session.commit()
        record = session.get(ConversationState, "zhangsan")
        assert record is not None and record.state["previous"]["intent"] == "list"
    [reply] = rig.tell("zhangsan", REFINE)
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in reply.text


def test_the_previous_segment_is_evaluated_again_in_the_current_scope(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    with rig.factory() as session:
        for follow in session.scalars(select(Follow).where(Follow.external_userid == "wmA01")):
            follow.deleted = True  # wmA01 is no longer zhangsan's customer
        session.commit()
    [reply] = rig.tell("zhangsan", REFINE)
    assert f"共 {len(NO_ORDER_ZHANG) - 1} 人" in reply.text


def test_an_unreadable_or_old_record_is_forgotten_not_misread(rig: ChatRig) -> None:
    with rig.factory() as session:
        session.add(
            ConversationState(
                userid="zhangsan",
                state={"previous": {"segment": {"type": "all"}}, "pending": "junk"},
                updated_at=rig.now,
            )
        )
        session.commit()
        assert conv.load(session, "zhangsan", rig.now) == conv.Conversation()
    [reply] = rig.tell("zhangsan", REFINE)
    assert "请先查询" in reply.text


def test_earlier_lists_are_kept_bounded_in_the_json_record(rig: ChatRig) -> None:
    # One list more than kept, and one asked twice: each list once, the oldest dropped.
    for days in range(1, conv.HISTORY + 2):
        rig.tell("zhangsan", f"近{days}天有咨询的客户")
    rig.tell("zhangsan", "近3天有咨询的客户")
    with rig.factory() as session:
        record = session.get(ConversationState, "zhangsan")
        assert record is not None
        kept = record.state["history"]
    assert len(kept) == conv.HISTORY
    assert "近2天" in kept[0]["description"] and "近3天" in kept[1]["description"]
    assert all(isinstance(k["count"], int) for k in kept)
    [first] = rig.tell("zhangsan", "回到第一个名单")
    assert "近2天" in first.text


def test_a_record_from_before_the_history_has_none_and_nothing_to_go_back_to(
    rig: ChatRig,
) -> None:
    with rig.factory() as session:
        session.add(
            ConversationState(
                userid="zhangsan",
                state={"previous": None, "pending": None, "campaign": None, "script": None},
                updated_at=rig.now,
            )
        )
        session.commit()
        assert conv.load(session, "zhangsan", rig.now).history == ()
    [reply] = rig.tell("zhangsan", "回到刚才那6个人")
    assert "还没有" in reply.text and "共" not in reply.text


def test_an_earlier_list_is_evaluated_again_in_the_current_scope(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    rig.tell("zhangsan", "我的客户")
    with rig.factory() as session:
        for follow in session.scalars(select(Follow).where(Follow.external_userid == "wmA01")):
            follow.deleted = True  # wmA01 is no longer zhangsan's customer
        session.commit()
    [reply] = rig.tell("zhangsan", "回到第一个名单")
    assert f"共 {len(NO_ORDER_ZHANG) - 1} 人" in reply.text


def test_a_pick_reaches_only_the_next_message(rig: ChatRig) -> None:
    [asked] = rig.tell("zhangsan", "上晦的客户")
    assert "1. " in asked.text
    rig.tell("zhangsan", SEGMENT)
    [later] = rig.tell("zhangsan", "1")
    assert "共" not in later.text  # "1" is no longer an answer to the question back


def test_that_campaign_is_the_one_just_discussed(rig: ChatRig) -> None:
    first = _campaign_with_coupons(rig)
    rig.tell("zhangsan", "给近30天咨询未下单的客户发消息“新品到店”")
    rig.click("zhangsan", rig.cards()[-1]["task_id"])
    with rig.factory() as session:
        campaigns = session.scalars(select(Campaign).order_by(Campaign.id)).all()
    assert len(campaigns) == 2
    second = campaigns[1]
    # Two campaigns and no name: asked which, listed by their numbers (ids); "#id" answers
    # the same request (a bare position would depend on how ids were assigned).
    [which] = rig.tell("zhangsan", "活动效果怎么样")
    assert "哪个活动" in which.text and f"#{second.id}" in which.text
    [picked] = rig.tell("zhangsan", f"#{second.id}")
    assert picked.text.startswith(f"活动 #{second.id}")
    # Now "this campaign" / "that campaign" is that one, without asking again.
    [again] = rig.tell("zhangsan", "这个活动的效果怎么样")
    assert again.text.startswith(f"活动 #{second.id}")
    [english] = rig.tell("zhangsan", "how is that campaign doing?")
    assert english.text.startswith(f"Campaign #{second.id}")
    [named] = rig.tell("zhangsan", f"活动“{first.name}”效果怎么样")
    assert named.text.startswith(f"活动 #{first.id}")
    [back] = rig.tell("zhangsan", "刚才那个活动效果如何")
    assert back.text.startswith(f"活动 #{first.id}")
    # A campaign this member may not see is never "the one just discussed".
    [other] = rig.tell("lisi", "刚才那个活动效果如何")
    assert f"#{first.id}" not in other.text


def test_the_campaign_question_is_answered_by_its_listed_number(rig: ChatRig) -> None:
    _campaign_with_coupons(rig)
    rig.tell("zhangsan", "给近30天咨询未下单的客户发消息“新品到店”")
    rig.click("zhangsan", rig.cards()[-1]["task_id"])
    with rig.factory() as session:
        ids = session.scalars(select(Campaign.id).order_by(Campaign.id)).all()
    rig.tell("zhangsan", "活动效果怎么样")
    [picked] = rig.tell("zhangsan", f"#{ids[1]}")
    assert picked.text.startswith(f"活动 #{ids[1]}")


# ---- segbot query --after ---------------------------------------------------------------

NOW = "2026-11-01T10:00:00+08:00"


def _query(db_url: str, *args: str) -> tuple[int, dict[str, object] | str]:
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    try:
        return result.exit_code, json.loads(result.output)
    except ValueError:
        return result.exit_code, result.output


def _corpus_company(engine: Engine) -> None:
    with make_session_factory(engine)() as session:
        load_fixture(session)
        session.add(Staff(userid="boss", name="老板", role="admin", active=True))
        session.commit()


def test_after_plays_the_earlier_messages_first(clean_engine: Engine, db_url: str) -> None:
    _corpus_company(clean_engine)
    earlier = "近30天有咨询但未下单的客户"
    code, answer = _query(db_url, "这些客户里上海的有几个", "--after", earlier, "--as", "zhangsan")
    assert code == 0 and isinstance(answer, dict)
    assert answer["intent"] == "count" and answer["count"] == 3
    assert sorted(answer["customers"]) == ["c01", "c02", "c09"]
    assert "在上海" in str(answer["description"])
    # Several, in order: the second narrows the first, the question narrows the second.
    code, answer = _query(
        db_url, "how many of them are female", "--after", "上海的客户", "--after", "只要VIP的",
        "--as", "lisi",
    )  # fmt: skip
    assert code == 0 and isinstance(answer, dict)
    assert answer["intent"] == "count" and answer["customers"] == ["c01"]
    # Nothing is kept: the member's own chat is untouched by a query.
    with make_session_factory(clean_engine)() as session:
        assert session.scalars(select(ConversationState)).all() == []


def test_after_picks_and_pages(clean_engine: Engine, db_url: str) -> None:
    _corpus_company(clean_engine)
    code, answer = _query(db_url, "1", "--after", "高意象的客户", "--as", "zhaoliu")
    assert code == 0 and isinstance(answer, dict)
    assert sorted(answer["customers"]) == ["c05", "c12"]
    code, everyone = _query(db_url, "所有客户", "--as", "boss")
    assert code == 0 and isinstance(everyone, dict) and isinstance(everyone["listed"], list)
    code, answer = _query(db_url, "再来2个", "--after", "所有客户", "--as", "boss")
    assert code == 0 and isinstance(answer, dict) and answer["intent"] == "more"
    # rows 11 and 12 of the list as it was listed (most recent activity first)
    assert answer["first"] == 11 and answer["customers"] == everyone["listed"][10:12]
    code, answer = _query(db_url, "更多", "--after", "所有客户", "--as", "lisi")  # 9: one page
    assert isinstance(answer, dict) and "没有更多" in str(answer["message"])


def test_after_needs_a_member(clean_engine: Engine, db_url: str) -> None:
    _corpus_company(clean_engine)
    code, out = _query(db_url, "其中上海的", "--after", "VIP客户")
    assert code == 2 and "--as" in str(out)


def test_a_chat_count_is_counted_without_loading_its_members(rig: ChatRig) -> None:
    """The chat shows a count's number, counted by the database; the JSON edge (`segbot query
    --after`, count_ids) still carries every member id, and both agree."""
    from dataclasses import replace

    with rig.factory() as session:
        chat = rig.ctx().ask(session, "近30天咨询未下单的客户有多少", "zhangsan")
        edge = replace(rig.ctx(), count_ids=True).ask(
            session, "近30天咨询未下单的客户有多少", "zhangsan"
        )
    assert isinstance(chat, CountAnswer) and isinstance(edge, CountAnswer)
    assert chat.customers is None and "customers" not in chat.to_json()
    assert chat.count == edge.count == len(NO_ORDER_ZHANG)
    assert sorted(edge.customers or ()) == sorted(NO_ORDER_ZHANG)
    [reply] = rig.tell("zhangsan", "近30天咨询未下单的客户有多少")
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in reply.text


def test_after_swaps_a_window_and_exports_what_was_shown(clean_engine: Engine, db_url: str) -> None:
    _corpus_company(clean_engine)
    earlier = "近30天有咨询的客户有多少"
    code, answer = _query(db_url, "近90天的呢", "--after", earlier, "--as", "boss")
    assert code == 0 and isinstance(answer, dict)
    assert answer["intent"] == "count" and answer["count"] == 7
    assert len(answer["customers"]) == 7 and "近90天" in str(answer["description"])
    # Different windows are asked back (exit 3); the pick answers with the chosen one.
    mixed = "近30天有咨询但近7天没下单的客户"
    code, asked = _query(db_url, "近90天的呢", "--after", mixed, "--as", "boss")
    assert code == 3 and isinstance(asked, dict) and len(asked["suggestions"]) == 3
    code, answer = _query(db_url, "2", "--after", mixed, "--after", "近90天的呢", "--as", "boss")
    assert code == 0 and isinstance(answer, dict) and answer["count"] == 3
    # "导出这个" after a list exports that list's segment.
    code, answer = _query(db_url, "导出这个", "--after", "上海的客户", "--as", "boss")
    assert code == 0 and isinstance(answer, dict)
    assert answer["intent"] == "export" and answer["count"] == 7
