"""`segbot query` with channel conditions (add_way, 渠道活码) in three languages."""

from __future__ import annotations

import json

from sqlalchemy import Engine

from tests.segmentation.nlq.test_query_cli import _load, _run


def test_channel_queries_in_three_languages(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    for text, customers in (
        ("扫码添加的客户", ["c01", "c02", "c05", "c09", "c12", "c13"]),
        ("透過展會2026加的客戶", ["c01", "c02"]),
        ("customers who came from channel expo-a", ["c12", "c13"]),
        ("customers added from a group chat", ["c04", "c10"]),
    ):
        code, out = _run(db_url, text, "--json")
        assert code == 0, out
        answer = json.loads(out)
        assert answer["customers"] == customers, text
    code, out = _run(db_url, "群聊里加的客户", "--json")
    answer = json.loads(out)
    assert answer["segment"]["tree"] == {"type": "added_via", "codes": [4]}
    assert answer["description"] == "是通过群聊添加的客户"


def test_an_unknown_channel_code_is_asked_back_with_exit_3(
    clean_engine: Engine, db_url: str
) -> None:
    _load(clean_engine)
    code, out = _run(db_url, "通过展会活码加的客户", "--json")
    assert code == 3
    answer = json.loads(out)
    assert answer["intent"] == "clarify" and answer["suggestions"] == ["展会2026"]


def test_campaign_contact_queries_in_three_languages(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    for text, customers in (
        ("上次活动没核销的客户", ["c02", "c08"]),
        ("收到過活動#3消息的客戶", ["c03", "c06"]),
        ("customers who got a coupon but didn't redeem it", ["c02", "c06", "c08"]),
    ):
        code, out = _run(db_url, text, "--json")
        assert code == 0, out
        assert json.loads(out)["customers"] == customers, text
    code, out = _run(db_url, "customers not messaged in the last 30 days", "--json")
    answer = json.loads(out)
    assert answer["segment"]["tree"]["type"] == "not"
    assert answer["description"].startswith("customers who did not receive a mass message")
    code, out = _run(db_url, "收到过活动#9消息的客户", "--json")
    assert code == 3 and "#3“老客关怀”" in json.loads(out)["message"]
