"""ContactType: WeCom's external contact type (customers.type, synced from
externalcontact/get's `type`): 1 a WeChat user, 2 a WeCom user — someone who reached the
company from their own company's WeCom ("企业微信用户", "WeCom customers", "按客户类型分").

A simple attribute kind: this module is all of it (kinds/attribute.py derives the facets).
Customers imported without a type (customers.csv has no such column) have none: they are
neither, and a negation ("不是微信用户") includes them and says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from segmentation.kinds.attribute import Attribute, Value, attribute_kind, check_value
from segmentation.kinds.registry import register
from segmentation.nodes import Leaf

WECHAT, WECOM = 1, 2


@dataclass(frozen=True)
class ContactType(Leaf):
    """The customer's WeCom contact type is `value`: 1 WeChat user, 2 WeCom user."""

    value: int
    type: ClassVar[str] = "contact_type"

    def __post_init__(self) -> None:
        check_value("a contact type", self.value, (WECHAT, WECOM))


CONTACT_TYPE = Attribute(
    node=ContactType,
    column="type",
    label=("客户类型", "contact type"),
    values=(
        Value(
            WECHAT,
            "微信用户",
            "WeChat users",
            "微信用户|微信客户|个人微信用户|个人微信客户|微信个人用户|"
            "wechat users|wechat user|wechat customers|wechat customer|"
            "personal wechat users|personal wechat customers",
            en_one="WeChat user",
        ),
        Value(
            WECOM,
            "企业微信用户",
            "WeCom users",
            "企业微信用户|企业微信客户|企微用户|企微客户|企业微信联系人|企微联系人|"
            "wecom users|wecom user|wecom customers|wecom customer|wecom contacts|"
            "enterprise wechat users|wechat work users",
            en_one="WeCom user",
        ),
    ),
    unknown=("类型未知", "unknown type"),
    breakdown_words=r"客户类型|联系人类型|用户类型|微信类型|"
    r"(?:contact|customer|user|wechat|wecom) types?|wechat (?:or|vs\.?|versus) wecom",
)

KIND = register(attribute_kind(CONTACT_TYPE))
