"""Typed callback messages (decrypted WeCom callbacks) and their idempotency keys."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

# Change types of `change_external_contact` events (Doc 92130).
CONTACT_CHANGE_TYPES = frozenset(
    {
        "add_external_contact",
        "add_half_external_contact",
        "edit_external_contact",
        "del_external_contact",
        "del_follow_user",
        "transfer_fail",
    }
)
TAG_CHANGE_TYPES = frozenset({"create", "update", "delete", "shuffle"})


def _digest(kind: str, *parts: object) -> str:
    """A stable key for an event that has no MsgId.

    Customer-contact events all come from FromUserName `sys`, so FromUserName+CreateTime (WeCom's
    own suggestion) collides when several land in one second; hash the identity fields instead.
    """
    raw = "\x1f".join("" if p is None else str(p) for p in (kind, *parts))
    return f"{kind}:" + hashlib.sha256(raw.encode("utf-8")).hexdigest()[:40]


@dataclass(frozen=True)
class TextMessage:
    """A member wrote a text message to the app."""

    from_user: str
    content: str
    msg_id: str
    agent_id: int | None
    create_time: int

    @property
    def idempotency_key(self) -> str:
        return f"msg:{self.msg_id}"


@dataclass(frozen=True)
class ContactChange:
    """`change_external_contact`: a customer relation was added, edited, removed or not moved."""

    change_type: str
    userid: str
    external_userid: str
    create_time: int
    state: str | None = None
    welcome_code: str | None = None
    # del_external_contact: DELETE_BY_TRANSFER when removed by an on-the-job transfer (not churn).
    source: str | None = None
    # transfer_fail: customer_refused / customer_limit_exceed.
    fail_reason: str | None = None

    @property
    def idempotency_key(self) -> str:
        return _digest(
            "contact",
            self.change_type,
            self.userid,
            self.external_userid,
            self.create_time,
            self.source,
            self.fail_reason,
        )


@dataclass(frozen=True)
class TagChange:
    """`change_external_tag`: a corp tag or tag group was created, renamed, deleted or reordered."""

    tag_id: str
    tag_type: str
    change_type: str
    create_time: int
    strategy_id: str | None = None

    @property
    def idempotency_key(self) -> str:
        return _digest(
            "tag", self.tag_id, self.tag_type, self.change_type, self.create_time, self.strategy_id
        )


@dataclass(frozen=True)
class CardClick:
    """`template_card_event`: a member pressed a button (or submitted a choice) on our card."""

    from_user: str
    event_key: str
    task_id: str
    card_type: str
    response_code: str | None
    create_time: int
    agent_id: int | None = None
    selected_items: tuple[tuple[str, tuple[str, ...]], ...] = ()

    @property
    def idempotency_key(self) -> str:
        return _digest(
            "card",
            self.from_user,
            self.task_id,
            self.event_key,
            self.response_code,
            self.create_time,
            self.selected_items,
        )


@dataclass(frozen=True)
class UnknownCallback:
    """Anything else (other message types and events); kept so nothing is silently dropped."""

    msg_type: str
    event: str | None
    from_user: str | None
    create_time: int | None
    raw_xml: str

    @property
    def idempotency_key(self) -> str:
        return _digest("raw", self.raw_xml)


CallbackMessage = TextMessage | ContactChange | TagChange | CardClick | UnknownCallback
