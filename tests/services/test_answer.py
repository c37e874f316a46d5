# ruff: noqa: E501
"""The typed answers (bot.services.answer): `segbot query --json` prints a count, a question
back, a list, an export, an action, a save and an explanation byte for byte as before they
were typed (key order included), each reads back from its JSON, and the chat formats the
typed answer."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine

from bot.cli.main import cli
from bot.commands.answers import clarify_reply, count_reply
from bot.database import make_session_factory
from bot.services.answer import (
    Action,
    BreakdownAnswer,
    CardAnswer,
    ChangesAnswer,
    ClarifyAnswer,
    CountAnswer,
    DigestAnswer,
    MessageAnswer,
    RankedMember,
    SavedAnswer,
    SegmentAnswer,
    answer_from_json,
)
from segmentation.nodes import City, HasTag, Ranked
from tests.segmentation.nlq.fixture import load_fixture

NOW = "2026-11-01T10:00:00+08:00"
# `segbot query --json` of counts as printed before counts were typed (captured from it).
PRINTED = [
    (
        ["上海的客户有多少"],
        '{"intent": "count", "segment": {"version": 1, "tree": {"type": "city", "names": ["上海", "shanghai", "上海市"]}}, "description": "在上海的客户", "count": 7, "customers": ["c01", "c02", "c06", "c07", "c09", "c13", "c15"]}',
    ),
    (
        ["消费最多的3个客户有几个"],
        '{"intent": "count", "segment": {"version": 1, "tree": {"type": "ranked", "base": {"type": "all"}, "direction": "top", "count": 3, "percent": null, "window": null}}, "description": "消费最多的3位", "count": 3, "customers": ["c08", "c15", "c16"], "listed": ["c16", "c15", "c08"], "ranking": [{"external_userid": "c16", "value": 20000.0}, {"external_userid": "c15", "value": 3300.0}, {"external_userid": "c08", "value": 2000.0}]}',
    ),
    (
        ["近30天有咨询的客户有多少", "--as", "zhangsan"],
        '{"intent": "count", "segment": {"version": 1, "tree": {"type": "performed", "event_kind": "inquiry", "window": {"kind": "rolling", "amount": 30, "unit": "days"}}}, "description": "近30天（10月2日–11月1日）有咨询的客户", "count": 3, "customers": ["c01", "c02", "c09"], "scope_note": "（结果只包含您自己跟进的客户。）"}',
    ),
]

# `segbot query --json` of lists, exports, an action, a save and an explanation as printed
# before they were typed (captured from it).
PRINTED_SEGMENTS = [
    (
        ["上海的客户"],
        '{"intent": "list", "segment": {"version": 1, "tree": {"type": "city", "names": ["上海", "shanghai", "上海市"]}}, "description": "在上海的客户", "count": 7, "customers": ["c01", "c02", "c06", "c07", "c09", "c13", "c15"], "listed": ["c13", "c09", "c06", "c01", "c02", "c15", "c07"]}',
    ),
    (
        ["导出上海的客户"],
        '{"intent": "export", "segment": {"version": 1, "tree": {"type": "city", "names": ["上海", "shanghai", "上海市"]}}, "description": "在上海的客户", "count": 7, "customers": ["c01", "c02", "c06", "c07", "c09", "c13", "c15"], "listed": ["c13", "c09", "c06", "c01", "c02", "c15", "c07"], "format": "xlsx"}',
    ),
    (
        ["消费最多的3个客户"],
        '{"intent": "list", "segment": {"version": 1, "tree": {"type": "ranked", "base": {"type": "all"}, "direction": "top", "count": 3, "percent": null, "window": null}}, "description": "消费最多的3位", "count": 3, "customers": ["c08", "c15", "c16"], "listed": ["c16", "c15", "c08"], "ranking": [{"external_userid": "c16", "value": 20000.0}, {"external_userid": "c15", "value": 3300.0}, {"external_userid": "c08", "value": 2000.0}]}',
    ),
    (
        ["给上海的客户打上“高意向”标签"],
        '{"intent": "tag", "segment": {"version": 1, "tree": {"type": "city", "names": ["上海", "shanghai", "上海市"]}}, "description": "在上海的客户", "count": 7, "customers": ["c01", "c02", "c06", "c07", "c09", "c13", "c15"], "tag": "高意向", "needs_confirmation": true}',
    ),
    (
        ["把上海的客户保存为“上海客户”"],
        '{"intent": "save", "segment": {"version": 1, "tree": {"type": "city", "names": ["上海", "shanghai", "上海市"]}}, "description": "在上海的客户", "count": 7, "customers": ["c01", "c02", "c06", "c07", "c09", "c13", "c15"], "name": "上海客户"}',
    ),
    (
        ["为什么c01在上海的客户里"],
        '{"intent": "explain", "segment": {"version": 1, "tree": {"type": "city", "names": ["上海", "shanghai", "上海市"]}}, "description": "在上海的客户", "count": 7, "customers": ["c01", "c02", "c06", "c07", "c09", "c13", "c15"], "customer": "c01", "negated": false}',
    ),
    (
        ["近30天有咨询的客户", "--as", "zhangsan"],
        '{"intent": "list", "segment": {"version": 1, "tree": {"type": "performed", "event_kind": "inquiry", "window": {"kind": "rolling", "amount": 30, "unit": "days"}}}, "description": "近30天（10月2日–11月1日）有咨询的客户", "count": 3, "customers": ["c01", "c02", "c09"], "listed": ["c09", "c01", "c02"], "scope_note": "（结果只包含您自己跟进的客户。）"}',
    ),
]

# `segbot query --json` of breakdowns as printed before they were typed (captured from it).
PRINTED_BREAKDOWNS = [
    (
        ["每个城市各有多少客户"],
        '{"intent": "breakdown", "by": "city", "by_label": "城市", "language": "zh", "tag_group": null, "segment": {"version": 1, "tree": {"type": "all"}}, "description": "所有客户", "count": 16, "overlapping": false, "top": 8, "groups": [{"key": "上海", "label": "上海", "count": 7}, {"key": "北京", "label": "北京", "count": 4}, {"key": "广州", "label": "广州", "count": 1}, {"key": "杭州", "label": "杭州", "count": 1}, {"key": "深圳", "label": "深圳", "count": 1}, {"key": "苏州", "label": "苏州", "count": 1}, {"key": "", "label": "未知城市", "count": 1}]}',
    ),
    (
        ["每個城市各有多少客戶", "--as", "zhangsan"],
        '{"intent": "breakdown", "by": "city", "by_label": "城市", "language": "zh", "tag_group": null, "segment": {"version": 1, "tree": {"type": "all"}}, "description": "所有客户", "count": 5, "overlapping": false, "top": 8, "groups": [{"key": "上海", "label": "上海", "count": 4}, {"key": "苏州", "label": "蘇州", "count": 1}], "script": "hant", "scope_note": "（结果只包含您自己跟进的客户。）"}',
    ),
    (
        ["how many customers per owner"],
        '{"intent": "breakdown", "by": "owner", "by_label": "owner", "language": "en", "tag_group": null, "segment": {"version": 1, "tree": {"type": "all"}}, "description": "all customers", "count": 16, "overlapping": true, "top": 8, "groups": [{"key": "zhangsan", "label": "张三", "count": 5}, {"key": "lisi", "label": "李四", "count": 4}, {"key": "zhaoliu", "label": "赵六", "count": 4}, {"key": "wangwu", "label": "王五", "count": 3}]}',
    ),
]

# `segbot query --json` of the saved segments as printed before they were typed.
PRINTED_SAVED = [
    (
        ["我的分群"],
        '{"intent": "show_saved", "segments": [{"name": "跟进名单", "owner": "zhangsan", "owner_name": "张三", "mine": false, "description": "有“待跟进”标签的客户", "size": 2, "week_ago": 2, "change": 0}]}',
    ),
    (
        ["我的分群", "--as", "zhangsan"],
        '{"intent": "show_saved", "segments": [{"name": "跟进名单", "owner": "zhangsan", "owner_name": "张三", "mine": true, "description": "有“待跟进”标签的客户", "size": 1, "week_ago": 1, "change": 0}]}',
    ),
    (
        ["my segments"],
        '{"intent": "show_saved", "segments": [{"name": "跟进名单", "owner": "zhangsan", "owner_name": "张三", "mine": false, "description": "customers who are tagged “待跟进”", "size": 2, "week_ago": 2, "change": 0}]}',
    ),
]


# A question back: exit code 3 and the same JSON as before it was typed.
ASKED = [
    (
        ["打了“高意象”标签的客户"],
        '{"intent": "clarify", "message": "没有找到标签“高意象”。您是指“高意向”吗？现有标签组：客户等级。", "suggestions": ["高意向"]}',
    ),
    (
        ["上晦的客户"],
        '{"intent": "clarify", "message": "没有找到“上晦”。您是指“上海”、“上饶”吗？", "suggestions": ["上海", "上饶"]}',
    ),
]


@pytest.mark.parametrize(("args", "printed"), ASKED)
def test_a_question_back_prints_the_same_json_as_before(
    clean_engine: Engine, db_url: str, args: list[str], printed: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    assert result.exit_code == 3
    assert result.output.rstrip("\n") == printed


def test_a_question_back_reads_back_and_is_formatted() -> None:
    which = ClarifyAnswer("哪一个？", ("A", "B"), ({"version": 1}, {"version": 1}))
    assert list(which.to_json()) == ["intent", "message", "suggestions", "choices"]
    assert ClarifyAnswer.from_json(which.to_json()) == which
    plain = ClarifyAnswer("Which tag?", ("VIP",))
    assert "choices" not in plain.to_json()
    assert ClarifyAnswer.from_json(plain.to_json()) == plain
    assert clarify_reply(plain, "en") == "Which tag?\nYou could try:\n1. VIP"
    with pytest.raises(ValueError):
        ClarifyAnswer.from_json({"intent": "count"})


@pytest.mark.parametrize(("args", "printed"), PRINTED)
def test_a_count_prints_the_same_json_as_before(
    clean_engine: Engine, db_url: str, args: list[str], printed: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    assert result.exit_code == 0
    assert result.output.rstrip("\n") == printed


@pytest.mark.parametrize(("args", "printed"), PRINTED_SEGMENTS)
def test_a_segment_answer_prints_the_same_json_as_before(
    clean_engine: Engine, db_url: str, args: list[str], printed: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    assert result.exit_code == 0
    assert result.output.rstrip("\n") == printed
    # What a query service plugged into the chat answers reads back into the same answer.
    typed = answer_from_json(json.loads(printed))
    assert (
        isinstance(typed, SegmentAnswer)
        and json.dumps(typed.to_json(), ensure_ascii=False) == printed
    )


@pytest.mark.parametrize(("args", "printed"), PRINTED_BREAKDOWNS)
def test_a_breakdown_prints_the_same_json_as_before(
    clean_engine: Engine, db_url: str, args: list[str], printed: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    assert result.exit_code == 0
    assert result.output.rstrip("\n") == printed
    typed = answer_from_json(json.loads(printed))
    assert isinstance(typed, BreakdownAnswer)
    assert json.dumps(typed.to_json(), ensure_ascii=False) == printed


LOST = '{"intent": "changes", "change": "lost", "window": {"start": "2026-10-25T10:00:00+08:00", "end": "2026-11-01T10:00:00+08:00", "text": "近7天（10月25日–11月1日）", "default": false}, "source": "follows", "target": "", "count": 0, "customers": [], "description": "近7天（10月25日–11月1日）流失的客户"}'
# The keys of a change list from the tag history, as printed before it was typed.
TAG_CHANGE_KEYS = ["intent", "change", "window", "recorded_since", "partial", "source",
                   "current_only", "target", "target_segment", "description", "count",
                   "customers", "script"]  # fmt: skip


def test_a_change_list_prints_the_same_json_as_before(clean_engine: Engine, db_url: str) -> None:
    from datetime import datetime

    from segmentation.models import CustomerTagChange

    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        # tag changes recorded since a week ago: a period of 30 days began before that
        start = datetime.fromisoformat("2026-10-25T10:00:00+08:00")
        session.add(CustomerTagChange(change="start", at=start, source="test"))
        session.commit()
    query = ["query", "--now", NOW, "--db", db_url, "--json"]
    result = CliRunner().invoke(cli, [*query, "近7天流失的客户"])
    assert result.exit_code == 0 and result.output.rstrip("\n") == LOST
    result = CliRunner().invoke(cli, [*query, "近30天離開高意向的客戶", "--as", "zhangsan"])
    printed = json.loads(result.output)
    assert list(printed) == TAG_CHANGE_KEYS
    typed = answer_from_json(printed)
    assert isinstance(typed, ChangesAnswer) and typed.to_json() == printed
    assert typed.script == "hant" and typed.recorded_since is not None


@pytest.mark.parametrize(("args", "printed"), PRINTED_SAVED)
def test_the_saved_segments_print_the_same_json_as_before(
    clean_engine: Engine, db_url: str, args: list[str], printed: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url, "--json"])
    assert result.exit_code == 0
    assert result.output.rstrip("\n") == printed
    typed = answer_from_json(json.loads(printed))
    assert isinstance(typed, SavedAnswer)
    assert json.dumps(typed.to_json(), ensure_ascii=False) == printed


DIGEST = '{"intent": "digest", "role": "sales", "markdown": "# 每日客户简报 · 11月1日 周日\\n> 张三（销售）· 范围内客户 **5**\\n\\n**重点分群**（较昨日 / 较7天前）\\n> 重要价值客户：**0**  ±0 / ±0\\n> 流失风险客户：**0**  ±0 / ±0\\n> 沉睡客户：**0**  ±0 / ±0\\n> 高意向客户：**1**  ±0 / <font color=\\"info\\">+1</font>\\n> 跟进名单：**1**  ±0 / ±0\\n\\n**客户增减**\\n> 新增客户：昨日 **0** · 近7天 **0**\\n> 流失客户：昨日 **0** · 近7天 **0**（不含在职转接）\\n\\n**营销活动**\\n> 「老客关怀」触达 1 · 核销 0 · 下单 0/1，无对照组\\n> 「双11预热」触达 1 · 核销 0 · 下单 0/1，无对照组\\n\\n**变化最大的销售**（近7天 / 订单较前7天）\\n> 张三：客户 +1（+1/−0）· 订单 1（+1）", "digest": {"userid": "zhangsan", "name": "张三", "role": "sales", "digest_date": "2026-11-01", "now": "2026-11-01T10:00:00+08:00", "customers_in_scope": 5, "segments": [{"key": "high_value", "name_zh": "重要价值客户", "name_en": "high-value customers", "kind": "named", "now": 0, "day_ago": 0, "week_ago": 0, "bad_when_growing": false, "fingerprint": "1e21891c4d03bbd6", "day_change": 0, "week_change": 0}, {"key": "at_risk", "name_zh": "流失风险客户", "name_en": "at-risk customers", "kind": "named", "now": 0, "day_ago": 0, "week_ago": 0, "bad_when_growing": true, "fingerprint": "40a4b5cd98f33c69", "day_change": 0, "week_change": 0}, {"key": "dormant", "name_zh": "沉睡客户", "name_en": "dormant customers", "kind": "named", "now": 0, "day_ago": 0, "week_ago": 0, "bad_when_growing": true, "fingerprint": "f753f5ece711006b", "day_change": 0, "week_change": 0}, {"key": "high_intent", "name_zh": "高意向客户", "name_en": "high-intent customers", "kind": "named", "now": 1, "day_ago": 1, "week_ago": 0, "bad_when_growing": false, "fingerprint": "26f4d1ca39ea223c", "day_change": 0, "week_change": 1}, {"key": "saved:跟进名单", "name_zh": "跟进名单", "name_en": "跟进名单", "kind": "saved", "now": 1, "day_ago": 1, "week_ago": 1, "bad_when_growing": false, "fingerprint": "69381677195ff931", "day_change": 0, "week_change": 0}], "flow": {"new_yesterday": 0, "new_week": 0, "lost_yesterday": 0, "lost_week": 0}, "campaigns": [{"campaign_id": 3, "name": "老客关怀", "treated": 1, "reached": 1, "redeemed": 0, "ordered": 0, "holdout": 0, "holdout_ordered": 0, "uplift": null}, {"campaign_id": 2, "name": "双11预热", "treated": 1, "reached": 1, "redeemed": 0, "ordered": 0, "holdout": 0, "holdout_ordered": 0, "uplift": null}], "movers": [{"userid": "zhangsan", "name": "张三", "customers_new": 1, "customers_lost": 0, "orders_week": 1, "orders_prev_week": 0, "customers_net": 1, "orders_change": 1}]}, "script": "hant"}'


def test_the_digest_prints_the_same_json_as_before(clean_engine: Engine, db_url: str) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    args = ["query", "今天的日報", "--as", "zhangsan", "--now", NOW, "--db", db_url, "--json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0 and result.output.rstrip("\n") == DIGEST
    typed = answer_from_json(json.loads(DIGEST))
    assert isinstance(typed, DigestAnswer)
    assert json.dumps(typed.to_json(), ensure_ascii=False) == DIGEST


def test_a_push_answer_keeps_the_users_words_apart_from_the_preview() -> None:
    """A push's JSON shows the rendered message where the action's was, the user's own words
    as `message_template`; read back, the action is the user's words again."""
    push = SegmentAnswer(
        "push",
        City(("上海",)),
        "在上海的客户",
        ("c01", "c02"),
        action=Action(message="您好{name}"),
        needs_confirmation=True,
        push_preview={"message": "您好王静", "recipients": 2, "holdout": 0},
    )
    printed = push.to_json()
    assert list(printed) == ["intent", "segment", "description", "count", "customers", "message",
                             "needs_confirmation", "message_template", "recipients", "holdout"]  # fmt: skip
    assert printed["message"] == "您好王静" and printed["message_template"] == "您好{name}"
    back = answer_from_json(printed)
    assert isinstance(back, SegmentAnswer) and back.action.message == "您好{name}"
    assert back.to_json() == printed


def test_answers_read_back_into_their_types() -> None:
    assert answer_from_json({"intent": "help", "message": "…"}) == MessageAnswer("help", "…")
    count = CountAnswer(HasTag("VIP"), "VIP", 4)
    assert answer_from_json(count.to_json()) == count
    # a count with an action is no plain count: its members are the action's
    tagged = {**count.to_json(), "customers": ["c1"], "tag": "A", "needs_confirmation": True}
    assert isinstance(answer_from_json(tagged), SegmentAnswer)
    card = {"intent": "customer", "query": "王静", "by": "name", "matches": [], "card": None}
    assert answer_from_json(card) == CardAnswer("王静", "name", (), None)
    assert CardAnswer("王静", "name", (), None).to_json() == card
    page = {"intent": "more", "description": "…", "count": 3, "first": 2, "customers": ["c2"]}
    assert answer_from_json(page) == page  # still its JSON


def test_a_count_reads_back_from_its_json() -> None:
    ranked = CountAnswer(
        Ranked(City(("上海",)), "top", count=2),
        "消费最多的2位",
        2,
        customers=("c01", "c02"),
        listed=("c02", "c01"),
        ranking=(RankedMember("c02", 300.0), RankedMember("c01", 20.5)),
        scope_note="（结果只包含您自己跟进的客户。）",
    )
    assert CountAnswer.from_json(ranked.to_json()) == ranked
    bare = CountAnswer(HasTag("VIP"), "有“VIP”标签的客户", 4)
    assert list(bare.to_json()) == ["intent", "segment", "description", "count"]
    assert CountAnswer.from_json(bare.to_json()) == bare
    with pytest.raises(ValueError):
        CountAnswer.from_json({**bare.to_json(), "intent": "list"})


def test_the_chat_formats_the_typed_count() -> None:
    one = CountAnswer(HasTag("VIP"), "customers who are tagged “VIP”", 1, scope_note="(Limited.)")
    assert count_reply(one, "en") == "customers who are tagged “VIP”: 1 customer\n(Limited.)"
    many = CountAnswer(HasTag("VIP"), "", 3)
    assert count_reply(many, "zh") == "符合条件的客户：共 3 人"
