"""WeCom JSON → our DTOs (the only place that knows WeCom's response field names)."""

from __future__ import annotations

from typing import Any

from integrations.wecom.dto import (
    ContactFollow,
    CorpTag,
    Department,
    ExternalContact,
    FollowInfo,
    FollowTag,
    GroupMsg,
    GroupMsgSendResult,
    GroupMsgTask,
    Member,
    SendResult,
    TagGroup,
)


def _opt(value: Any) -> str | None:
    return str(value) if value not in (None, "") else None


def department(d: dict[str, Any]) -> Department:
    parent = int(d.get("parentid") or 0)
    return Department(
        int(d["id"]), str(d.get("name", "")), parent or None, int(d.get("order") or 0)
    )


def member(u: dict[str, Any]) -> Member:
    depts = tuple(int(d) for d in u.get("department") or [])
    flags = list(u.get("is_leader_in_dept") or [])
    leads = tuple(d for d, flag in zip(depts, flags, strict=False) if int(flag) == 1)
    return Member(str(u["userid"]), str(u.get("name", "")), depts, leads, int(u.get("status") or 1))


def contact(c: dict[str, Any]) -> ExternalContact:
    return ExternalContact(
        external_userid=str(c["external_userid"]),
        name=str(c.get("name", "")),
        type=int(c.get("type") or 1),
        gender=int(c.get("gender") or 0),
        unionid=_opt(c.get("unionid")),
        corp_name=_opt(c.get("corp_name")),
        position=_opt(c.get("position")),
    )


def follow(f: dict[str, Any]) -> FollowInfo:
    if "tags" in f:  # externalcontact/get: names included
        tags = tuple(
            FollowTag(
                str(t["tag_id"]), t.get("tag_name"), t.get("group_name"), int(t.get("type") or 1)
            )
            for t in f.get("tags") or []
            if t.get("tag_id")
        )
    else:  # batch/get_by_user: ids only
        tags = tuple(FollowTag(str(t)) for t in f.get("tag_id") or [])
    return FollowInfo(
        userid=str(f["userid"]),
        remark=_opt(f.get("remark")),
        description=_opt(f.get("description")),
        createtime=int(f["createtime"]) if f.get("createtime") else None,
        tags=tags,
        remark_mobiles=tuple(str(m) for m in f.get("remark_mobiles") or [] if m),
        add_way=int(f["add_way"]) if f.get("add_way") is not None else None,
        oper_userid=_opt(f.get("oper_userid")),
        state=_opt(f.get("state")),
    )


def contact_follow(row: dict[str, Any]) -> ContactFollow:
    return ContactFollow(contact(row["external_contact"]), follow(row["follow_info"]))


def tag_group(g: dict[str, Any]) -> TagGroup:
    return TagGroup(
        group_id=str(g["group_id"]),
        group_name=str(g.get("group_name", "")),
        tags=tuple(
            CorpTag(
                str(t["id"]),
                str(t.get("name", "")),
                int(t["create_time"]) if t.get("create_time") else None,
                int(t.get("order") or 0),
                bool(t.get("deleted")),
            )
            for t in g.get("tag") or []
        ),
        create_time=int(g["create_time"]) if g.get("create_time") else None,
        order=int(g.get("order") or 0),
        deleted=bool(g.get("deleted")),
    )


def group_msg(m: dict[str, Any]) -> GroupMsg:
    return GroupMsg(
        msgid=str(m["msgid"]),
        # The documented example has create_time as a string; accept both.
        create_time=int(m.get("create_time") or 0),
        create_type=int(m.get("create_type") or 0),
        text=str((m.get("text") or {}).get("content", "")),
        creator=_opt(m.get("creator")),
        attachments=len(m.get("attachments") or []),
    )


def groupmsg_task(t: dict[str, Any]) -> GroupMsgTask:
    return GroupMsgTask(str(t["userid"]), int(t.get("status") or 0), t.get("send_time"))


def groupmsg_result(r: dict[str, Any]) -> GroupMsgSendResult:
    return GroupMsgSendResult(
        external_userid=_opt(r.get("external_userid")),
        userid=str(r.get("userid", "")),
        status=int(r.get("status") or 0),
        chat_id=_opt(r.get("chat_id")),
        send_time=r.get("send_time"),
    )


def _split(value: Any) -> tuple[str, ...]:
    if isinstance(value, list):
        return tuple(str(v) for v in value if v)
    return tuple(v for v in str(value or "").split("|") if v)


def send_result(r: dict[str, Any]) -> SendResult:
    return SendResult(
        msgid=_opt(r.get("msgid")),
        invalid_users=_split(r.get("invaliduser")),
        invalid_parties=_split(r.get("invalidparty")),
        invalid_tags=_split(r.get("invalidtag")),
        response_code=_opt(r.get("response_code")),
    )
