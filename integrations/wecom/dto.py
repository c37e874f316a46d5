"""Frozen DTOs the gateway returns: WeCom's JSON translated once, at the edge."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Department:
    id: int
    name: str
    parent_id: int | None
    order: int = 0


@dataclass(frozen=True)
class AgentInfo:
    """agent/get: the self-built app and its visibility range (可见范围): only members inside
    it can receive the app's messages or be the sender of its customer mass messages."""

    agent_id: int
    name: str
    visible_userids: tuple[str, ...]
    visible_department_ids: tuple[int, ...]
    closed: bool


@dataclass(frozen=True)
class Member:
    userid: str
    name: str
    department_ids: tuple[int, ...]
    # Departments this member leads (WeCom's is_leader_in_dept, aligned with `department`).
    leader_department_ids: tuple[int, ...] = ()
    # 1 active, 2 disabled, 4 not yet activated, 5 left.
    status: int = 1


@dataclass(frozen=True)
class FollowTag:
    tag_id: str
    tag_name: str | None = None
    group_name: str | None = None
    # 1 corp tag, 2 personal tag, 3 strategy tag.
    type: int = 1


@dataclass(frozen=True)
class FollowInfo:
    """One staff member's relation to a customer (WeCom's follow_user / follow_info)."""

    userid: str
    remark: str | None = None
    description: str | None = None
    createtime: int | None = None
    # Corp and strategy tag ids (batch/get_by_user gives ids only; externalcontact/get names too).
    tags: tuple[FollowTag, ...] = ()
    remark_mobiles: tuple[str, ...] = ()
    add_way: int | None = None
    oper_userid: str | None = None
    state: str | None = None

    @property
    def tag_ids(self) -> tuple[str, ...]:
        return tuple(t.tag_id for t in self.tags if t.type != 2)


@dataclass(frozen=True)
class ExternalContact:
    external_userid: str
    name: str
    # 1 WeChat user, 2 WeCom user.
    type: int = 1
    # 0 unknown, 1 male, 2 female.
    gender: int = 0
    unionid: str | None = None
    corp_name: str | None = None
    position: str | None = None


@dataclass(frozen=True)
class CustomerDetail:
    """externalcontact/get: the customer and every member who follows them (all pages)."""

    contact: ExternalContact
    follow_users: tuple[FollowInfo, ...]


@dataclass(frozen=True)
class ContactFollow:
    """One row of batch/get_by_user: a customer as seen by one member."""

    contact: ExternalContact
    follow: FollowInfo


@dataclass(frozen=True)
class ContactPage:
    items: tuple[ContactFollow, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class CorpTag:
    id: str
    name: str
    create_time: int | None = None
    order: int = 0
    deleted: bool = False


@dataclass(frozen=True)
class TagGroup:
    group_id: str
    group_name: str
    tags: tuple[CorpTag, ...]
    create_time: int | None = None
    order: int = 0
    deleted: bool = False


@dataclass(frozen=True)
class MassMessage:
    """add_msg_template's answer: nothing is sent until each member confirms in the client."""

    msgid: str
    fail_list: tuple[str, ...] = ()


@dataclass(frozen=True)
class GroupMsg:
    """One row of get_groupmsg_list_v2: a mass-message task as WeCom recorded it."""

    msgid: str
    create_time: int
    # 0 created by the corp (admin console or API), 1 by a member in the client.
    create_type: int
    text: str
    # WeCom omits the creator of tasks created through the API.
    creator: str | None = None
    attachments: int = 0


@dataclass(frozen=True)
class GroupMsgTask:
    userid: str
    # 0 not sent, 1 sent, 2 not a friend, 3 blocked by the receive limit.
    status: int
    send_time: int | None = None


@dataclass(frozen=True)
class GroupMsgSendResult:
    external_userid: str | None
    userid: str
    status: int
    chat_id: str | None = None
    send_time: int | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    next_cursor: str | None


@dataclass(frozen=True)
class SendResult:
    """message/send's answer; response_code exists for interactive template cards (72 h, once)."""

    msgid: str | None
    invalid_users: tuple[str, ...] = ()
    invalid_parties: tuple[str, ...] = ()
    invalid_tags: tuple[str, ...] = ()
    response_code: str | None = None


@dataclass(frozen=True)
class UploadedMedia:
    media_type: str
    media_id: str
    created_at: int


# Payloads we build and WeCom reads (template cards, attachments) stay JSON objects on purpose:
# their schema is WeCom's and is passed through unchanged.
JsonObject = dict[str, Any]
