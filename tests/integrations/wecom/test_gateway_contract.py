"""One contract, two gateways: the fake and WechatpyGateway over HTTP to the simulator."""

from __future__ import annotations

import pytest

from integrations.wecom.errors import NoCustomerRelation, WeComError
from integrations.wecom.simulator import mass
from tests.integrations.wecom.conftest import Rig


def test_departments_and_members_with_leaders(rig: Rig) -> None:
    depts = rig.gateway.list_departments()
    assert {d.id for d in depts} == set(rig.state.company.departments)
    assert next(d for d in depts if d.id == 1).parent_id is None
    members = rig.gateway.list_members(1, fetch_child=True)
    assert {m.userid for m in members} == set(rig.state.company.members)
    leaders = {m.userid: m.leader_department_ids for m in members if m.leader_department_ids}
    expected = {u: tuple(m.is_leader_in_dept) for u, m in rig.state.company.members.items()
                if m.is_leader_in_dept}  # fmt: skip
    assert leaders == expected and len(leaders) >= 5


def test_follow_user_list_and_member_without_customers(rig: Rig) -> None:
    follow_users = rig.gateway.get_follow_user_list()
    assert "admin" not in follow_users and "newbie" in follow_users
    assert rig.gateway.list_external_contacts("newbie") == []
    some = next(u for u in follow_users if u != "newbie")
    assert rig.gateway.list_external_contacts(some) == rig.state.company.customers_of(some)


def test_get_external_contact_follows_every_page(rig: Rig) -> None:
    detail = rig.gateway.get_external_contact("wmPOPULAR")
    assert detail.contact.name == "人气客户" and detail.contact.gender == 2
    assert len(detail.follow_users) == 5  # page size 2 → three pages


def test_unknown_customer_is_no_customer_relation(rig: Rig) -> None:
    with pytest.raises(NoCustomerRelation):
        rig.gateway.get_external_contact("wmNOBODY")


def test_batch_get_by_user_returns_every_follow_once(rig: Rig) -> None:
    userids = rig.gateway.get_follow_user_list()
    rows = list(rig.gateway.batch_get_by_user(userids, limit=7))
    pairs = [(r.follow.userid, r.contact.external_userid) for r in rows]
    assert len(pairs) == len(set(pairs)) == len(rig.state.company.follows)
    assert set(pairs) == set(rig.state.company.follows)
    first = rows[0]
    truth = rig.state.company.follows[(first.follow.userid, first.contact.external_userid)]
    assert first.follow.tag_ids == tuple(truth.tag_ids)
    assert first.follow.description == truth.description


def test_batch_page_refuses_more_than_100_userids(rig: Rig) -> None:
    with pytest.raises(ValueError, match=r"1\.\.100"):
        rig.gateway.batch_get_by_user_page([f"u{i}" for i in range(101)])


def test_tag_lifecycle_and_marking(rig: Rig) -> None:
    gw = rig.gateway
    group = gw.add_corp_tag(["VIP", "黑名单"], group_name="特殊客户")
    vip = next(t for t in group.tags if t.name == "VIP")
    gw.edit_corp_tag(vip.id, name="超级VIP")
    names = {t.name for g in gw.get_corp_tag_list(group_ids=[group.group_id]) for t in g.tags}
    assert names == {"超级VIP", "黑名单"}
    userid = next(u for u in gw.get_follow_user_list() if u != "newbie")
    ext = rig.state.company.customers_of(userid)[0]
    gw.mark_tag(userid, ext, add=[vip.id])
    follow = next(f for f in gw.get_external_contact(ext).follow_users if f.userid == userid)
    assert any(t.tag_id == vip.id and t.tag_name == "超级VIP" for t in follow.tags)
    gw.del_corp_tag(tag_ids=[vip.id])
    assert vip.id not in rig.state.company.follows[(userid, ext)].tag_ids
    with pytest.raises(NoCustomerRelation):
        gw.mark_tag("newbie", ext, add=[group.tags[1].id])


def test_remark_is_written(rig: Rig) -> None:
    userid = next(u for u in rig.gateway.get_follow_user_list() if u != "newbie")
    ext = rig.state.company.customers_of(userid)[0]
    rig.gateway.remark(userid, ext, remark="老客户", description="城市:苏州")
    follow = rig.state.company.follows[(userid, ext)]
    assert (follow.remark, follow.description) == ("老客户", "城市:苏州")


def test_mass_message_budget_and_results(rig: Rig) -> None:
    gw, company = rig.gateway, rig.state.company
    userid = next(u for u in gw.get_follow_user_list() if u != "newbie")
    ext = company.customers_of(userid)[0]
    now = 1_767_225_600  # 2026-01-01 UTC
    for round_ in range(company.monthly_mass_budget + 1):
        sent = gw.add_msg_template([ext, "wmNOBODY"], f"新品上市 {round_}", sender=userid)
        assert sent.fail_list == ("wmNOBODY",)
        assert gw.get_groupmsg_task(sent.msgid).items[0].status == 0
        mass.confirm(company, sent.msgid, userid, now + round_)
        result = gw.get_groupmsg_send_result(sent.msgid, userid).items
        assert [r.external_userid for r in result] == [ext]
    assert result[0].status == 3  # the fifth in a month is blocked by the receive limit
    assert gw.get_groupmsg_task(sent.msgid).items[0].status == 1


def test_remind_is_limited_to_three_a_day(rig: Rig) -> None:
    userid = next(u for u in rig.gateway.get_follow_user_list() if u != "newbie")
    sent = rig.gateway.add_msg_template([], "hi", sender=userid)
    for _ in range(3):
        rig.gateway.remind_groupmsg_send(sent.msgid)
    with pytest.raises(WeComError):
        rig.gateway.remind_groupmsg_send(sent.msgid)


def test_app_messages_are_recorded_and_cards_update_once(rig: Rig) -> None:
    gw = rig.gateway
    users = gw.get_follow_user_list()[:2]
    result = gw.send_text([*users, "ghost"], "今日新增客户 3 位")
    assert result.invalid_users == ("ghost",)
    gw.send_markdown(users[:1], "**本周** 跟进")
    gw.send_textcard(users[:1], "报表", "点击查看", "https://example.com/r")
    card = gw.send_template_card(users[:1], {"card_type": "button_interaction", "task_id": "t1"})
    assert card.response_code
    sent = rig.state.sent
    assert [s["msgtype"] for s in sent] == ["text", "markdown", "textcard", "template_card"]
    assert sent[0]["touser"] == users and sent[0]["text"]["content"] == "今日新增客户 3 位"
    gw.update_template_card(users[:1], card.response_code, replace_name="已确认")
    assert rig.state.card_updates[0]["button"] == {"replace_name": "已确认"}
    with pytest.raises(WeComError):
        gw.update_template_card(users[:1], card.response_code, replace_name="again")


def test_media_upload_checks_size(rig: Rig) -> None:
    media = rig.gateway.upload_media("image", "poster.png", b"\x89PNG" + b"0" * 100)
    assert media.media_id and rig.state.uploads[-1]["filename"] == "poster.png"
    with pytest.raises(WeComError):
        rig.gateway.upload_media("image", "tiny.png", b"abc")


def test_groupmsg_list_finds_tasks_by_window_text_and_type_across_pages(rig: Rig) -> None:
    gw, company = rig.gateway, rig.state.company
    userid = next(u for u in gw.get_follow_user_list() if u != "newbie")
    customers = company.customers_of(userid)[:3]
    clock = [1_767_225_600]  # 2026-01-01 UTC; WeCom stamps each task with its own clock
    rig.state.clock = lambda: clock[0]
    made = []
    for i in range(5):
        clock[0] += 60
        made.append(gw.add_msg_template(customers, f"周年庆 {i}", sender=userid).msgid)
    # A task a member wrote in the client (create_type 1, creator reported).
    personal, _ = mass.create_task(company, customers, "我自己发的", userid, 0, clock[0] - 90,
                                   creator=userid, create_type=1)  # fmt: skip
    start, end = 1_767_225_600 + 120, 1_767_225_600 + 250  # tasks 1..3 and the personal one
    pages = [gw.get_groupmsg_list_v2_page(start, end, limit=1)]
    while pages[-1].next_cursor:
        pages.append(
            gw.get_groupmsg_list_v2_page(start, end, limit=1, cursor=pages[-1].next_cursor)
        )
    assert len(pages) == 4  # 3 corp tasks + the personal one, one per page
    listed = [m for page in pages for m in page.items]
    assert [m.msgid for m in listed] == [*made[1:3], personal, made[3]]  # oldest first
    assert [m.text for m in listed] == ["周年庆 1", "周年庆 2", "我自己发的", "周年庆 3"]
    corp = [m for m in listed if m.msgid in made]
    assert all(m.create_type == 0 and m.creator is None for m in corp)
    assert listed[1].create_time == 1_767_225_600 + 180
    assert (listed[2].creator, listed[2].create_type) == (userid, 1)
    corp_only = list(gw.get_groupmsg_list_v2(start, end, filter_type=0))
    assert [m.msgid for m in corp_only] == made[1:4]
    assert [m.msgid for m in gw.get_groupmsg_list_v2(start, end, creator=userid)] == [personal]
    with pytest.raises(ValueError, match="month"):
        gw.get_groupmsg_list_v2_page(start, start + 31 * 86400)


def test_message_send_duplicate_check_drops_the_same_message_inside_the_window(
    rig: Rig,
) -> None:
    gw = rig.gateway
    user = gw.get_follow_user_list()[:1]
    clock = [1_767_225_600]
    rig.state.clock = lambda: clock[0]
    first = gw.send_markdown(user, "**提醒** 请联系客户", duplicate_check_seconds=3600)
    clock[0] += 1800
    again = gw.send_markdown(user, "**提醒** 请联系客户", duplicate_check_seconds=3600)
    assert again.msgid == first.msgid and len(rig.state.sent) == 1
    gw.send_markdown(user, "**提醒** 请联系客户")  # no dedupe asked: delivered again
    clock[0] += 3601
    gw.send_markdown(user, "**提醒** 请联系客户", duplicate_check_seconds=3600)
    assert len(rig.state.sent) == 3
    with pytest.raises(ValueError, match="duplicate_check_seconds"):
        gw.send_markdown(user, "x", duplicate_check_seconds=5 * 3600)
