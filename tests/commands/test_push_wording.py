"""Coupon and message wording through the real chat path and `segbot query --json`: the card
shows the coupon the words mean, a coupon and a message are both kept, a coupon variable
without a coupon is asked back before any card, and English pushes keep every condition."""

from __future__ import annotations

import json

import opencc
import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, select

from bot.cli.main import cli
from bot.database import make_session_factory
from bot.models.campaigns import Campaign
from bot.models.confirmations import PendingAction
from tests.commands.chatworld import NO_ORDER_ZHANG
from tests.commands.conftest import ChatRig
from tests.segmentation.nlq.fixture import load_fixture


def card_rows(rig: ChatRig) -> dict[str, str]:
    """The last card's rows, read in Simplified characters (a card asked in Traditional ones
    is in them)."""
    card = rig.cards()[-1]
    plain = opencc.OpenCC("t2s").convert
    rows = {
        plain(str(r["keyname"])): plain(str(r["value"])) for r in card["horizontal_content_list"]
    }
    rows["内容"] = str(card["quote_area"]["quote_text"])
    return rows


def recipients(rows: dict[str, str]) -> int:
    return int(rows["目标人数"].split("发送 ")[1])


def pending(rig: ChatRig) -> list[PendingAction]:
    with rig.factory() as session:
        return list(session.scalars(select(PendingAction)))


@pytest.mark.parametrize(
    "text",
    [
        "给近30天咨询未下单的客户发一张100减20的券",
        "給近30天諮詢未下單的客戶發一張滿100減20的券",
        "给近30天咨询未下单的客户发一张100 minus 20的券",
    ],
)
def test_the_card_shows_threshold_x_value_y(rig: ChatRig, text: str) -> None:
    rig.tell("zhangsan", text)
    rows = card_rows(rig)
    assert "满100减20" in opencc.OpenCC("t2s").convert(rows["内容"])
    count = recipients(rows)
    assert 0 < count <= len(NO_ORDER_ZHANG)
    assert rows["最高成本"] == f"¥{20 * count}（{count}人×¥20）"


def test_an_english_coupon_is_confirmed_with_its_threshold(rig: ChatRig) -> None:
    rig.tell(
        "zhangsan", "send customers who inquired in the last 30 days but did not order a "
        "¥20 off ¥100 coupon",
    )  # fmt: skip
    task = rig.cards()[-1]["task_id"]
    rig.click("zhangsan", task)
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        assert campaign.coupon is not None
        assert (campaign.coupon["threshold"], campaign.coupon["value"]) == ("100.00", "20.00")


def test_a_coupon_and_a_message_in_one_sentence_are_both_sent(rig: ChatRig) -> None:
    rig.tell("zhangsan", "给近30天咨询未下单的客户发一张满200减30的券，消息“欢迎到店”")
    rows = card_rows(rig)
    assert "满200减30" in rows["内容"] and "欢迎到店" in rows["内容"]
    rig.click("zhangsan", rig.cards()[-1]["task_id"])
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        assert campaign.coupon is not None and campaign.coupon["value"] == "30.00"
        assert "欢迎到店" in campaign.content and "{coupon_code}" in campaign.content


@pytest.mark.parametrize(
    ("text", "line", "content"),
    [
        (
            "給近30天諮詢未下單的客戶發一張滿200減30的券，訊息「歡迎到店」",
            "送您一張滿200減30優惠券",
            "送您一張滿200減30優惠券",
        ),
        (
            "同近30天問過價未落單嘅客講聲「歡迎」，順便發張9折券",
            "送您一張9折優惠券",
            "送您一張9折優惠券",
        ),
        (
            "给近30天咨询未下单的客户发一张满200减30的券，消息“歡迎到店”",
            "送您一张满200减30优惠券",
            "送您一张{coupon_desc}优惠券",
        ),
    ],
)
def test_the_coupon_line_customers_get_follows_the_asker_s_script(
    rig: ChatRig, text: str, line: str, content: str
) -> None:
    """The bot writes the coupon's line; asked in Traditional characters, it is written in
    them on the card and in the campaign sent. The message stays as typed."""
    rig.tell("zhangsan", text)
    assert line in card_rows(rig)["内容"]
    rig.click("zhangsan", rig.cards()[-1]["task_id"])
    with rig.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        assert content in campaign.content and "{coupon_code}" in campaign.content


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("给近30天咨询未下单的客户发消息“您的券码 {coupon_code}”", "没有说要发哪张券"),
        ('send customers who inquired in the last 30 days the message "code {coupon_code}"',
         "no coupon was named"),
    ],
)  # fmt: skip
def test_a_coupon_variable_without_a_coupon_is_asked_back_before_any_card(
    rig: ChatRig, text: str, words: str
) -> None:
    [reply] = rig.tell("zhangsan", text)
    assert words in reply.text
    assert rig.cards() == [] and pending(rig) == []


@pytest.mark.parametrize(
    "text",
    [
        "给近30天咨询未下单的客户发一张满1减99999的券",
        "给近30天咨询未下单的客户发一张1折券",
        "给近30天咨询未下单的客户发一张每满100减20的券",
    ],
)
def test_money_that_cannot_be_meant_is_asked_back_with_no_card(rig: ChatRig, text: str) -> None:
    [reply] = rig.tell("zhangsan", text)
    assert rig.cards() == [] and pending(rig) == []
    assert "券" in reply.text or "折" in reply.text


def test_an_english_push_keeps_did_not_order(rig: ChatRig) -> None:
    rig.tell(
        "boss",
        "send Zhang San's customers who inquired in the last 30 days but did not order "
        'the message "welcome back"',
    )
    [action] = pending(rig)
    assert action.preview_count == len(NO_ORDER_ZHANG)
    assert "order" in action.description


NOW = "2026-11-01T10:00:00+08:00"


def _query(db_url: str, text: str) -> dict[str, object]:
    result = CliRunner().invoke(cli, ["query", text, "--json", "--now", NOW, "--db", db_url])
    return dict(json.loads(result.output))


def test_segbot_query_reads_the_same_coupon(clean_engine: Engine, db_url: str) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    for text in ("给VIP客户发一张100减20的券", "send VIP customers a 20 off 100 coupon",
                 "send VIP customers a coupon for ¥20 off ¥100"):  # fmt: skip
        answer = _query(db_url, text)
        assert answer["intent"] == "push" and answer["coupon"] == "满100减20", answer
    both = _query(db_url, "给VIP客户发一张满200减30的券，消息“欢迎到店”")
    assert (both["coupon"], both["message_template"]) == ("满200减30", "欢迎到店")
    assert str(both["message"]).startswith("欢迎到店\n送您一张满200减30优惠券，券码 ")
    refused = _query(db_url, "给VIP客户发消息“券码 {coupon_code}”")
    assert refused["intent"] == "clarify"
    conditions = "Zhang San's customers who inquired in the last 30 days but did not order"
    listed = _query(db_url, conditions)
    pushed = _query(db_url, f'send {conditions} the message "welcome back"')
    assert pushed["segment"] == listed["segment"]
    assert pushed["customers"] == listed["customers"]


def test_every_card_row_name_fits_wecom_without_being_cut() -> None:
    """A confirmation card's row names ("目标人数" / "Audience") are cut at MAX_KEYNAME: each
    one must fit whole in both languages ("Custome…" was what English askers read)."""
    from bot.commands.cards import MAX_KEYNAME
    from bot.commands.texts_actions import ACTION_TEXTS
    from bot.commands.texts_push import PUSH_TEXTS

    quote_titles = {"key_received"}  # the quoted message's title, not a row name
    rows = {
        key: words
        for table in (ACTION_TEXTS, PUSH_TEXTS)
        for key, words in table.items()
        if key.startswith("key_") and key not in quote_titles
    }
    assert rows
    too_long = {k: w for k, w in rows.items() if any(len(t) > MAX_KEYNAME for t in w.values())}
    assert not too_long
