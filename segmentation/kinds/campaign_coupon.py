"""CampaignCoupon: got a coupon in a window, redeemed or not ("上次活动没核销的客户")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import contacts
from segmentation.kinds.campaign_message import contact_phrase
from segmentation.kinds.registry import register_plain_kind
from segmentation.nodes import CampaignCoupon


def compile_coupon(c: Any, node: CampaignCoupon, cust: FromClause) -> ColumnElement[bool]:
    interval = c.interval(node.window)
    return contacts.coupon_state(cust, node.state, node.campaign_id, node.latest, interval, c.now)


def restate(r: Any, node: CampaignCoupon) -> str:
    return contact_phrase(r, node, negated=False)


def restate_negated(r: Any, node: CampaignCoupon) -> str:
    if node.state == "issued":  # "没领到过…优惠券"; redeemed / unredeemed negate as a whole
        return contact_phrase(r, node, negated=True)
    return r.by_leading_verb(node)


def explain(w: Any, node: CampaignCoupon) -> dict[str, Any]:
    return {"coupons": w.coupons()}


KIND = register_plain_kind(
    CampaignCoupon,
    compile_coupon,
    restate,
    restate_negated,
    explain,
    heads=("contact",),
)
