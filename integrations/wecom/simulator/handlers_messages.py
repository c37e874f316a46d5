"""Simulated WeCom APIs for mass messages, app messages, template-card updates and media."""

from __future__ import annotations

import secrets
from typing import Any

from integrations.wecom.simulator import mass
from integrations.wecom.simulator.company import SimError
from integrations.wecom.simulator.handlers_contacts import _cursor, _uncursor, handler
from integrations.wecom.simulator.state import APP, SimState

MSG_TYPES = {"text", "image", "voice", "video", "file", "textcard", "news", "mpnews", "markdown",
             "miniprogram_notice", "template_card"}  # fmt: skip
# Bytes per media type (素材管理 doc); files must be larger than 5 bytes.
MEDIA_LIMITS = {"image": 2 << 20, "voice": 2 << 20, "video": 10 << 20, "file": 20 << 20}


@handler("externalcontact/add_msg_template", method="POST")
def add_msg_template(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    if body.get("chat_type", "single") != "single":
        raise SimError(40058, "the simulator supports chat_type=single only")
    text = (body.get("text") or {}).get("content", "")
    msgid, fail = mass.create_task(
        state.company,
        list(body.get("external_userid") or []),
        text,
        body.get("sender"),
        len(body.get("attachments") or []),
        state.now(),
    )
    return {"msgid": msgid, "fail_list": fail}


def _page(rows: list[dict[str, Any]], body: Any) -> tuple[list[dict[str, Any]], str]:
    limit = int(body.get("limit") or 500)
    if not 1 <= limit <= 1000:
        raise SimError(40058, "limit must be 1..1000")
    (offset,) = _uncursor(body.get("cursor"), 1)
    more = offset + limit < len(rows)
    return rows[offset : offset + limit], _cursor((offset + limit,)) if more else ""


@handler("externalcontact/get_groupmsg_task", method="POST")
def get_groupmsg_task(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    task = mass.task(state.company, str(body.get("msgid", "")))
    rows = []
    for userid in sorted(task.recipients):
        row: dict[str, Any] = {"userid": userid, "status": mass.member_status(task, userid)}
        if userid in task.send_time:
            row["send_time"] = task.send_time[userid]
        rows.append(row)
    page, cursor = _page(rows, body)
    return {"task_list": page, "next_cursor": cursor}


@handler("externalcontact/get_groupmsg_send_result", method="POST")
def get_groupmsg_send_result(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    task = mass.task(state.company, str(body.get("msgid", "")))
    userid = str(body.get("userid", ""))
    rows = []
    for ext, status in sorted(task.recipients.get(userid, {}).items()):
        row: dict[str, Any] = {"external_userid": ext, "userid": userid, "status": status}
        if status == 1:
            row["send_time"] = task.send_time.get(userid)
        rows.append(row)
    page, cursor = _page(rows, body)
    return {"send_list": page, "next_cursor": cursor}


# get_groupmsg_list_v2 (Doc 93338): limit ≤ 100 (above it WeCom uses the default 50), and
# start_time..end_time at most one month apart.
LIST_LIMIT, LIST_DEFAULT, LIST_SPAN = 100, 50, 30 * 86400


@handler("externalcontact/get_groupmsg_list_v2", method="POST")
def get_groupmsg_list_v2(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    if body.get("chat_type") not in ("single", "group"):
        raise SimError(40058, "chat_type is required")
    try:
        start, end = int(body["start_time"]), int(body["end_time"])
    except (KeyError, TypeError, ValueError):
        raise SimError(40058, "start_time and end_time are required") from None
    if not 0 <= end - start <= LIST_SPAN:
        raise SimError(40058, "start_time..end_time must be at most one month")
    filter_type = int(body.get("filter_type", 2))
    if filter_type not in (0, 1, 2):
        raise SimError(40058, "invalid filter_type")
    limit = int(body.get("limit") or LIST_DEFAULT)
    limit = limit if 1 <= limit <= LIST_LIMIT else LIST_DEFAULT
    # The simulator only makes tasks for customers (chat_type single).
    tasks = [] if body["chat_type"] == "group" else mass.list_tasks(
        state.company, start, end, body.get("creator") or None, filter_type
    )  # fmt: skip
    (offset,) = _uncursor(body.get("cursor"), 1)
    rows = []
    for t in tasks[offset : offset + limit]:
        row: dict[str, Any] = {
            "msgid": t.msgid,
            "create_time": str(t.create_time),
            "create_type": t.create_type,
            "text": {"content": t.text},
        }
        if t.creator:
            row["creator"] = t.creator
        rows.append(row)
    more = offset + limit < len(tasks)
    return {"group_msg_list": rows, "next_cursor": _cursor((offset + limit,)) if more else ""}


@handler("externalcontact/remind_groupmsg_send", method="POST")
def remind_groupmsg_send(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    mass.remind(state.company, str(body.get("msgid", "")), state.now())
    return {}


@handler("message/send", method="POST", scope=APP)
def message_send(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    if int(body.get("agentid") or 0) != state.config.agent_id:
        raise SimError(40056, "invalid agentid")
    msgtype = body.get("msgtype")
    if msgtype not in MSG_TYPES or not isinstance(body.get(msgtype), dict):
        raise SimError(40008, "invalid message type")
    if msgtype == "text" and len(body["text"].get("content", "").encode()) > 2048:
        raise SimError(45002, "content size out of limit")
    users = [u for u in str(body.get("touser") or "").split("|") if u]
    if len(users) > 1000:
        raise SimError(40058, "touser exceeds 1000")
    invalid = [u for u in users if u not in state.company.members]
    valid = [u for u in users if u in state.company.members]
    if not valid:
        raise SimError(81013, "user & party & tag all invalid")
    with state.lock:
        earlier = _duplicate_of(state, body, valid)
        if earlier is not None:
            # WeCom's enable_duplicate_check: the same message again inside the window is
            # accepted and not delivered a second time.
            return {"invaliduser": "|".join(invalid), "msgid": earlier["msgid"]}
        msgid = state.company.next_id("msg")
        record = {"msgid": msgid, "touser": valid, "msgtype": msgtype, msgtype: body[msgtype]}
        result: dict[str, Any] = {"invaliduser": "|".join(invalid), "msgid": msgid}
        if msgtype == "template_card":
            code = state.company.next_id("rc")
            state.response_codes[code] = msgid
            record["response_code"] = result["response_code"] = code
        record["time"] = state.now()
        state.sent.append(record)
    return result


def _duplicate_of(state: SimState, body: Any, users: list[str]) -> dict[str, Any] | None:
    if int(body.get("enable_duplicate_check") or 0) != 1:
        return None
    window = int(body.get("duplicate_check_interval") or 1800)
    if not 1 <= window <= 4 * 3600:
        raise SimError(40058, "duplicate_check_interval must be at most 4 hours")
    msgtype = body["msgtype"]
    for record in reversed(state.sent):
        if state.now() - int(record["time"]) > window:
            break
        if (
            record["msgtype"] == msgtype
            and record[msgtype] == body[msgtype]
            and (record["touser"] == users)
        ):
            return record
    return None


@handler("message/update_template_card", method="POST", scope=APP)
def update_template_card(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    code = str(body.get("response_code", ""))
    with state.lock:
        # A response_code is single use (and valid 72 h).
        if state.response_codes.pop(code, None) is None:
            raise SimError(40058, "invalid response_code")
        state.card_updates.append(
            {
                "userids": list(body.get("userids") or []),
                "response_code": code,
                "button": body.get("button"),
                "template_card": body.get("template_card"),
                "time": state.now(),
            }
        )
    return {"invaliduser": []}


@handler("media/upload", method="POST", scope=APP)
def media_upload(state: SimState, params: dict[str, Any], body: Any) -> dict[str, Any]:
    media_type = params.get("type", "")
    if media_type not in MEDIA_LIMITS:
        raise SimError(40004, "invalid media type")
    size = len(body["content"])
    if size <= 5 or size > MEDIA_LIMITS[media_type]:
        raise SimError(40006, "invalid file size")
    with state.lock:
        # Random like WeCom's: the demo console serves uploaded files by media id.
        media_id = secrets.token_urlsafe(32)
        state.uploads.append(
            {"media_id": media_id, "type": media_type, "filename": body["filename"], "size": size}
        )
    return {"type": media_type, "media_id": media_id, "created_at": str(state.now())}
