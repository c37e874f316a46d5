"""CampaignMessaged: received a campaign's mass message in a window ("近30天没收到过群发的")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import contacts
from segmentation.kinds.registry import register_plain_kind
from segmentation.nodes import CampaignCoupon, CampaignMessaged


def compile_messaged(c: Any, node: CampaignMessaged, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    return contacts.messaged(cust, node.campaign_id, node.latest, interval, c.now)


def contact_phrase(r: Any, node: CampaignMessaged | CampaignCoupon, negated: bool) -> str:
    """What reaching a customer means, said in full: a mass message WeCom reported sent,
    a coupon issued / redeemed / never redeemed (segmentation/contacts.py)."""
    messages = isinstance(node, CampaignMessaged)
    when_zh, when_en = r.when(node.window), r.when_en(node.window)
    if r.zh:
        which = _campaign_zh(r, node.campaign_id, node.latest, messages)
        if messages:
            verb = "没收到过" if negated else "收到过"
            return f"{when_zh}{verb}{which}群发消息（企业微信回报已发送）"
        got = f"{when_zh}{'没领到过' if negated else '领到过'}{which}优惠券"
        state = node.state  # type: ignore[union-attr]
        return got + {"issued": "", "redeemed": "并已核销", "unredeemed": "但未核销"}[state]
    source = _campaign_en(r, node.campaign_id, node.latest, messages)
    if messages:
        verb = "did not receive" if negated else "received"
        return f"{verb} a mass message{source}{when_en} (reported sent by WeCom)"
    got = f"{'did not get' if negated else 'got'} a coupon{source}{when_en}"
    state = node.state  # type: ignore[union-attr]
    tail = {
        "issued": "",
        "redeemed": " and redeemed it",
        "unredeemed": " but never redeemed it",
    }
    return got + tail[state]


def _campaign_zh(r: Any, campaign_id: int | None, latest: bool, messages: bool) -> str:
    if campaign_id is not None:
        name = r.vocab.campaigns.get(campaign_id)
        return f"活动#{campaign_id}" + (f"“{name}”" if name else "") + "的"
    if latest:
        number = _latest(r, messages)
        named = f"：{_number_and_name(r, number, '活动#')}" if number else ""
        return "上次活动（最近一次" + ("群发" if messages else "发券") + f"的活动{named}）的"
    return ""


def _number_and_name(r: Any, number: int, prefix: str) -> str:
    name = r.vocab.campaigns.get(number)
    space = " " if prefix == "#" else ""
    return f"{prefix}{number}" + (f"{space}“{name}”" if name else "")


def _latest(r: Any, messages: bool) -> int | None:
    """The campaign "the last campaign" reads now (None when none has run, or in a vocabulary
    built without the campaigns)."""
    latest: dict[str, int] = getattr(r.vocab, "latest_campaigns", {})
    return latest.get("message" if messages else "coupon")


def _campaign_en(r: Any, campaign_id: int | None, latest: bool, messages: bool) -> str:
    if campaign_id is not None:
        name = r.vocab.campaigns.get(campaign_id)
        return f" from campaign #{campaign_id}" + (f" “{name}”" if name else "")
    if latest:
        what = "sent mass messages" if messages else "issued coupons"
        number = _latest(r, messages)
        named = f"{_number_and_name(r, number, '#')}, " if number else ""
        return f" from the last campaign ({named}the latest that {what})"
    return ""


def restate(r: Any, node: CampaignMessaged) -> str:
    return contact_phrase(r, node, negated=False)


def restate_negated(r: Any, node: CampaignMessaged) -> str:
    return contact_phrase(r, node, negated=True)


def explain(w: Any, node: CampaignMessaged) -> dict[str, Any]:
    return {"messages": w.messages()}


KIND = register_plain_kind(
    CampaignMessaged,
    compile_messaged,
    restate,
    restate_negated,
    explain,
    heads=("contact",),
)
