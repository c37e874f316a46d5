"""Simulated WeCom APIs for the organisation, customers and corp tags (WeCom's JSON shapes)."""

from __future__ import annotations

import base64
from collections.abc import Callable
from typing import Any

from integrations.wecom.simulator.company import SimCustomer, SimError, SimFollow
from integrations.wecom.simulator.state import CONTACT, SimState

Handler = Callable[[SimState, dict[str, Any], Any], dict[str, Any]]
# api -> (HTTP method, token scope, handler)
CONTACT_HANDLERS: dict[str, tuple[str, str, Handler]] = {}


def handler(api: str, method: str = "GET", scope: str = CONTACT) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        CONTACT_HANDLERS[api] = (method, scope, fn)
        return fn

    return register


def _cursor(parts: tuple[int, ...]) -> str:
    return base64.urlsafe_b64encode(":".join(map(str, parts)).encode()).decode()


def _uncursor(raw: str | None, size: int) -> tuple[int, ...]:
    if not raw:
        return (0,) * size
    try:
        parts = tuple(int(p) for p in base64.urlsafe_b64decode(raw.encode()).decode().split(":"))
    except (ValueError, UnicodeDecodeError):
        raise SimError(40058, "invalid cursor") from None
    if len(parts) != size or min(parts) < 0:
        raise SimError(40058, "invalid cursor")
    return parts


def contact_json(c: SimCustomer) -> dict[str, Any]:
    data: dict[str, Any] = {
        "external_userid": c.external_userid,
        "name": c.name,
        "type": c.type,
        "gender": c.gender,
        "avatar": f"https://wework.qpic.cn/sim/{c.external_userid}/0",
    }
    if c.unionid:
        data["unionid"] = c.unionid
    if c.corp_name:
        data["corp_name"] = c.corp_name
        data["corp_full_name"] = c.corp_name + "有限公司"
    return data


def follow_json(state: SimState, f: SimFollow, *, with_names: bool) -> dict[str, Any]:
    data: dict[str, Any] = {
        "userid": f.userid,
        "remark": f.remark,
        "description": f.description,
        "createtime": f.createtime,
        "remark_mobiles": list(f.remark_mobiles),
        "add_way": f.add_way,
        "oper_userid": f.userid,
    }
    if f.state:
        data["state"] = f.state
    if with_names:
        tags = []
        for tag_id in f.tag_ids:
            found = state.company.find_tag(tag_id)
            if found:
                group, tag = found
                tags.append(
                    {
                        "group_name": group.group_name,
                        "tag_name": tag.name,
                        "tag_id": tag.id,
                        "type": 1,
                    }
                )
        data["tags"] = tags
    else:
        data["tag_id"] = list(f.tag_ids)
    return data


@handler("department/list", scope="app")
def department_list(state: SimState, params: dict[str, Any], _body: Any) -> dict[str, Any]:
    depts = sorted(state.company.departments.values(), key=lambda d: d.id)
    return {
        "department": [
            {"id": d.id, "name": d.name, "parentid": d.parentid or 0, "order": d.order}
            for d in depts
        ]
    }


@handler("agent/get", scope="app")
def agent_get(state: SimState, params: dict[str, Any], _body: Any) -> dict[str, Any]:
    # WeCom answers 301002 when the token's app asks about another app.
    if str(params.get("agentid")) != str(state.config.agent_id):
        raise SimError(301002, "not allow operate another agent with this accesstoken")
    visible = state.config.agent_visible_userids
    roots = [d.id for d in state.company.departments.values() if not d.parentid]
    return {
        "agentid": state.config.agent_id,
        "name": "segbot",
        "allow_userinfos": {"user": [{"userid": u} for u in visible or ()]},
        "allow_partys": {"partyid": roots if visible is None else []},
        "close": 1 if state.config.agent_closed else 0,
    }


@handler("user/list", scope="app")
def user_list(state: SimState, params: dict[str, Any], _body: Any) -> dict[str, Any]:
    company = state.company
    try:
        root = int(params.get("department_id", ""))
    except ValueError:
        raise SimError(40058, "department_id required") from None
    if root not in company.departments:
        raise SimError(60123, "invalid department id")
    wanted = {root}
    if params.get("fetch_child") == "1":
        changed = True
        while changed:
            more = {d.id for d in company.departments.values() if d.parentid in wanted}
            changed = not more <= wanted
            wanted |= more
    users = [m for m in company.members.values() if wanted.intersection(m.department)]
    return {
        "userlist": [
            {
                "userid": m.userid,
                "name": m.name,
                "department": m.department,
                "is_leader_in_dept": [1 if d in m.is_leader_in_dept else 0 for d in m.department],
                "status": m.status,
            }
            for m in sorted(users, key=lambda m: m.userid)
        ]
    }


@handler("externalcontact/get_follow_user_list")
def follow_user_list(state: SimState, params: dict[str, Any], _body: Any) -> dict[str, Any]:
    return {"follow_user": state.company.follow_user_list()}


@handler("externalcontact/list")
def external_list(state: SimState, params: dict[str, Any], _body: Any) -> dict[str, Any]:
    ids = state.company.customers_of(params.get("userid", ""))
    if not ids:
        # WeCom answers a member without customers with 84061, not an empty list.
        raise SimError(84061, "not external contact")
    return {"external_userid": ids}


@handler("externalcontact/get")
def external_get(state: SimState, params: dict[str, Any], _body: Any) -> dict[str, Any]:
    company = state.company
    customer = company.customers.get(params.get("external_userid", ""))
    follows = company.followers_of(customer.external_userid) if customer else []
    if customer is None or not follows:
        raise SimError(84061, "not external contact")
    (offset,) = _uncursor(params.get("cursor"), 1)
    size = state.config.follow_page_size
    page = follows[offset : offset + size]
    result: dict[str, Any] = {
        "external_contact": contact_json(customer),
        "follow_user": [follow_json(state, f, with_names=True) for f in page],
    }
    if offset + size < len(follows):
        result["next_cursor"] = _cursor((offset + size,))
    return result


@handler("externalcontact/batch/get_by_user", method="POST")
def batch_get_by_user(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    userids = list(body.get("userid_list") or [])
    limit = int(body.get("limit") or 50)
    if not userids or len(userids) > 100:
        raise SimError(40058, "userid_list must hold 1..100 userids")
    if not 1 <= limit <= 100:
        raise SimError(40058, "limit must be 1..100")
    company = state.company
    user_index, offset = _uncursor(body.get("cursor"), 2)
    rows: list[dict[str, Any]] = []
    while user_index < len(userids) and len(rows) < limit:
        ids = company.customers_of(userids[user_index])
        take = ids[offset : offset + limit - len(rows)]
        for ext in take:
            follow = company.follows[(userids[user_index], ext)]
            rows.append(
                {
                    "external_contact": contact_json(company.customers[ext]),
                    "follow_info": follow_json(state, follow, with_names=False),
                }
            )
        offset += len(take)
        if offset >= len(ids):
            user_index, offset = user_index + 1, 0
    more = user_index < len(userids)
    return {
        "external_contact_list": rows,
        "next_cursor": _cursor((user_index, offset)) if more else "",
    }
