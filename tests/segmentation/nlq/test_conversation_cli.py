"""`segbot query --json` for the conversation intents: breakdowns agree with counts, cards stay
in scope, membership changes, the digest and the saved-segment list."""

from __future__ import annotations

import json
from typing import Any

from click.testing import CliRunner
from sqlalchemy import Engine

from bot.cli.main import cli
from bot.database import make_session_factory
from segmentation.models import Customer
from tests.segmentation.nlq.fixture import load_fixture

NOW = "2026-11-01T10:00:00+08:00"


def _ask(db_url: str, text: str, *extra: str) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(
        cli, ["query", text, "--json", "--now", NOW, "--db", db_url, *extra]
    )
    return result.exit_code, json.loads(result.output)


def _load(engine: Engine) -> None:
    with make_session_factory(engine)() as session:
        load_fixture(session)
        session.commit()


def _groups(answer: dict[str, Any]) -> dict[str, int]:
    return {g["key"]: g["count"] for g in answer["groups"]}


def test_breakdowns_group_what_the_count_counts(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    code, answer = _ask(db_url, "每个销售各有多少客户")
    assert code == 0 and answer["intent"] == "breakdown" and answer["by"] == "owner"
    assert _groups(answer) == {"zhangsan": 5, "lisi": 4, "zhaoliu": 4, "wangwu": 3}
    assert answer["count"] == 16
    _code, count = _ask(db_url, "上海的客户有多少")
    _code, by_gender = _ask(db_url, "上海的客户按性别分")
    assert sum(_groups(by_gender).values()) == by_gender["count"] == count["count"]
    _code, mine = _ask(db_url, "我的客户里男的多还是女的多", "--as", "zhangsan")
    assert _groups(mine) == {"1": 3, "2": 2}
    assert [g["label"] for g in mine["groups"]] == ["男", "女"]


def test_breakdowns_by_tag_rfm_month_and_in_traditional(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    _code, tags = _ask(db_url, "按客户等级标签分")
    assert tags["tag_group"] == "客户等级"
    assert _groups(tags) == {"VIP": 4, "金卡": 3, "高意向": 2, "待跟进": 2, "": 6}
    _code, rfm = _ask(db_url, "customers by RFM class")
    assert sum(_groups(rfm).values()) == 16 and _groups(rfm)[""] == 6  # six never ordered
    _code, months = _ask(db_url, "按首次添加月份看客户")
    assert _groups(months)["2025-01"] == 12 and _groups(months)["2026-10"] == 3
    _code, hant = _ask(db_url, "按城市看看我的客戶分佈", "--as", "zhangsan")
    assert hant["script"] == "hant" and sum(_groups(hant).values()) == 5


def test_a_card_only_for_a_visible_customer(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    code, answer = _ask(db_url, "客户Alice的情况", "--as", "zhangsan")
    assert code == 0 and answer["intent"] == "customer"
    card = answer["card"]
    assert card["name"] == "Alice" and card["tags"] == ["VIP"]
    assert [o["userid"] for o in card["owners"]] == ["zhangsan"]
    assert card["inquiry_count"] == 1 and card["events"][0]["kind"] == "inquiry"
    code, refused = _ask(db_url, "客户Carol的情况", "--as", "zhangsan")
    assert code == 3 and refused["intent"] == "clarify" and "Carol" in refused["message"]
    _code, english = _ask(db_url, "show me Mike's profile")
    assert english["card"]["rfm"] and english["card"]["scores"]["p_alive"] == 0.7


def test_changes_digest_and_saved_list(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    _code, lost = _ask(db_url, "近7天流失的客户")
    assert lost["intent"] == "changes" and lost["change"] == "lost" and lost["count"] == 0
    _code, entered = _ask(db_url, "new in at-risk this week")
    assert entered["change"] == "entered" and entered["source"] == "computed"
    _code, digest = _ask(db_url, "今天的日报", "--as", "lisi")
    assert digest["intent"] == "digest" and "流失风险" in digest["markdown"]
    _code, saved = _ask(db_url, "我的分群", "--as", "zhangsan")
    [row] = saved["segments"]
    assert row["name"] == "跟进名单" and row["mine"] and row["size"] == 1


def test_a_city_breakdown_has_one_group_per_city_named_in_the_askers_script(
    clean_engine: Engine, db_url: str
) -> None:
    _load(clean_engine)  # c01 上海, c02 上海市, c13 shanghai …; c04 Beijing, c16 北京市 …
    _code, count = _ask(db_url, "上海的客户有多少")
    _code, zh = _ask(db_url, "按城市看看客户分布")
    assert _groups(zh)["上海"] == count["count"]
    assert not {"上海市", "shanghai", "Beijing", "北京市"} & set(_groups(zh))
    labels = {g["key"]: g["label"] for g in zh["groups"]}
    assert labels["上海"] == "上海" and labels["广州"] == "广州" and labels[""] == "未知城市"
    _code, hant = _ask(db_url, "按城市看看客戶分佈")
    assert {g["key"]: g["label"] for g in hant["groups"]}["广州"] == "廣州"
    assert _groups(hant) == _groups(zh)
    _code, english = _ask(db_url, "how many customers per city")
    labels = {g["key"]: g["label"] for g in english["groups"]}
    assert labels["上海"] == "Shanghai (上海)" and labels["北京"] == "Beijing (北京)"
    assert _groups(english) == _groups(zh)


def test_a_city_stored_with_the_shi_suffix_is_that_city(clean_engine: Engine, db_url: str) -> None:
    # 广州市: the chat reads 杭州市场 as 杭州 + 市场, a whole stored field is the city
    _load(clean_engine)
    with make_session_factory(clean_engine)() as session:
        customer = session.get(Customer, "c06")
        assert customer is not None
        customer.city = "广州市"
        session.commit()
    _code, count = _ask(db_url, "广州的客户有多少")
    _code, by_city = _ask(db_url, "按城市看看客户分布")
    assert count["count"] == _groups(by_city)["广州"] == 2
