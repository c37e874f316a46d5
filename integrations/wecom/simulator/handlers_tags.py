"""Simulated WeCom APIs for corp tags, tagging and remarks."""

from __future__ import annotations

from typing import Any

from integrations.wecom.simulator.company import SimError, SimTagGroup
from integrations.wecom.simulator.handlers_contacts import handler
from integrations.wecom.simulator.state import SimState


def group_json(group: SimTagGroup, tag_ids: set[str] | None = None) -> dict[str, Any]:
    return {
        "group_id": group.group_id,
        "group_name": group.group_name,
        "create_time": group.create_time,
        "order": group.order,
        "tag": [
            {"id": t.id, "name": t.name, "create_time": t.create_time, "order": t.order}
            for t in group.tags
            if tag_ids is None or t.id in tag_ids
        ],
    }


@handler("externalcontact/get_corp_tag_list", method="POST")
def get_corp_tag_list(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    body = body or {}
    group_ids = set(body.get("group_id") or [])
    tag_ids = set(body.get("tag_id") or [])
    groups = sorted(state.company.tag_groups.values(), key=lambda g: (g.order, g.group_id))
    if group_ids:  # both given → tag_id is ignored (Doc 92117)
        return {"tag_group": [group_json(g) for g in groups if g.group_id in group_ids]}
    if tag_ids:
        picked = [group_json(g, tag_ids) for g in groups]
        return {"tag_group": [g for g in picked if g["tag"]]}
    return {"tag_group": [group_json(g) for g in groups]}


@handler("externalcontact/add_corp_tag", method="POST")
def add_corp_tag(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    names = [t.get("name", "") for t in body.get("tag") or []]
    group = state.company.add_tags(names, body.get("group_id"), body.get("group_name"), state.now())
    if body.get("order") is not None:
        group.order = int(body["order"])
    return {"tag_group": group_json(group, None)}


@handler("externalcontact/edit_corp_tag", method="POST")
def edit_corp_tag(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    state.company.edit_tag(str(body.get("id", "")), body.get("name"), body.get("order"))
    return {}


@handler("externalcontact/del_corp_tag", method="POST")
def del_corp_tag(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    state.company.delete_tags(list(body.get("tag_id") or []), list(body.get("group_id") or []))
    return {}


@handler("externalcontact/mark_tag", method="POST")
def mark_tag(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    state.company.mark_tag(
        str(body.get("userid", "")),
        str(body.get("external_userid", "")),
        list(body.get("add_tag") or []),
        list(body.get("remove_tag") or []),
    )
    return {}


@handler("externalcontact/remark", method="POST")
def remark(state: SimState, _params: dict[str, Any], body: Any) -> dict[str, Any]:
    company = state.company
    with company.lock:
        follow = company.follow(str(body.get("userid", "")), str(body.get("external_userid", "")))
        if "remark" in body:
            if len(body["remark"] or "") > 20:
                raise SimError(40058, "remark exceeds 20 characters")
            follow.remark = body["remark"] or ""
        if "description" in body:
            if len(body["description"] or "") > 150:
                raise SimError(40058, "description exceeds 150 characters")
            follow.description = body["description"] or ""
        if "remark_mobiles" in body:
            follow.remark_mobiles = [m for m in body["remark_mobiles"] or [] if m]
    return {}
