"""Issue #16 finding 1, through the chat path: a saved segment is changed only by its owner
or an admin, a name (or a look-alike) owned by someone else is asked back, the owner never
changes, every change is audited, and a campaign keeps the definition it was confirmed with
until its creator re-confirms."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner, Result
from sqlalchemy import Engine, select

from bot.cli.main import cli
from bot.models.campaigns import Campaign
from bot.models.confirmations import PendingAction
from bot.models.inbox import AuditEntry
from bot.services.campaigns.planning import PlanContext, plan_run
from segmentation.engine import default_context
from segmentation.models.segments import SavedSegment
from segmentation.nodes import All, from_json
from tests.commands.chatworld import ADMINS, SETTINGS
from tests.commands.conftest import ChatRig
from tests.reliability.chat import chat_rig


@pytest.fixture
def chat(clean_engine: Engine) -> ChatRig:
    return chat_rig(clean_engine)


def _segment(chat: ChatRig, name: str) -> tuple[str, dict[str, object], int]:
    with chat.factory() as session:
        row = session.scalars(select(SavedSegment).where(SavedSegment.name == name)).one()
        return row.owner_userid, row.definition, row.version


def _audit(chat: ChatRig, action: str) -> list[AuditEntry]:
    with chat.factory() as session:
        stmt = select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.id)
        return list(session.scalars(stmt))


@pytest.mark.parametrize(
    ("owned", "typed"),
    [
        ("重点客户", "重点客户"),
        ("重点客户", "重點客戶"),
        ("VIP名单", "vip名单"),
        ("VIP名单", "ＶＩＰ名单"),
        ("VIP名单", " Vip名单 "),
    ],
)
def test_a_salesperson_cannot_take_over_an_admins_segment(
    chat: ChatRig, owned: str, typed: str
) -> None:
    chat.tell("boss", f"把李四的客户保存为“{owned}”")
    before = _segment(chat, owned)
    [reply] = chat.tell("zhangsan", f"把所有客户保存为“{typed}”")
    assert reply.text == f"“{owned}”已被老板使用，换个名字？"
    assert chat.cards() == []  # nothing to confirm
    assert chat.tell("zhangsan", "确认")[0].text == "没有等待您确认的操作。"
    assert _segment(chat, owned) == before
    with chat.factory() as session:
        assert len(session.scalars(select(SavedSegment)).all()) == 1  # no near-twin either


def test_the_question_back_is_in_the_askers_language(chat: ChatRig) -> None:
    chat.tell("boss", "save customers of lisi as “Key Accounts”")
    [reply] = chat.tell("zhangsan", "save all customers as “key accounts”")
    assert reply.text == "“Key Accounts” is already used by 老板. Choose another name?"


def test_a_salespersons_segment_is_not_taken_by_another_salesperson(chat: ChatRig) -> None:
    chat.tell("lisi", "把李四的客户保存为“我的名单”")
    [reply] = chat.tell("zhangsan", "把我的客户保存为“我的名单”")
    assert reply.text == "“我的名单”已被李四使用，换个名字？"
    assert _segment(chat, "我的名单")[0] == "lisi"


def test_an_admin_may_redefine_but_the_owner_stays(chat: ChatRig) -> None:
    chat.tell("zhangsan", "把我的客户保存为“张的名单”")
    chat.tell("boss", "把所有客户保存为“张的名单”")
    [card] = chat.cards()
    replies = chat.click("boss", card["task_id"])
    [told] = [r for r in replies if r.userid == "zhangsan"]  # the owner hears of it
    assert told.text == "您的分群“张的名单”已被老板修改（第 2 版），所有者仍是您。"
    owner, definition, version = _segment(chat, "张的名单")
    assert (owner, from_json(definition), version) == ("zhangsan", All(), 2)
    [created] = _audit(chat, "segment_created")
    [redefined] = _audit(chat, "segment_redefined")
    assert (created.userid, created.detail["owner"], created.detail["version"]) == (
        "zhangsan", "zhangsan", 1)  # fmt: skip
    assert (redefined.userid, redefined.detail["owner"], redefined.detail["version"]) == (
        "boss", "zhangsan", 2)  # fmt: skip
    assert redefined.detail["definition"] == definition


def test_the_owner_redefines_after_confirming_and_it_is_audited(chat: ChatRig) -> None:
    chat.tell("zhangsan", "把我的客户保存为“跟进”")
    chat.tell("zhangsan", "把所有客户保存为“跟进”")
    assert _segment(chat, "跟进")[2] == 1  # a card first, nothing changed yet
    chat.tell("zhangsan", "确认")
    assert _segment(chat, "跟进")[0::2] == ("zhangsan", 2)
    assert [a.userid for a in _audit(chat, "segment_redefined")] == ["zhangsan"]


def test_a_card_confirmed_after_the_name_was_taken_does_not_take_it(chat: ChatRig) -> None:
    """zhangsan asks to redefine his own segment; before he confirms, the name has come to
    belong to lisi: the confirmation is checked again and refused."""
    chat.tell("zhangsan", "把我的客户保存为“名单”")
    chat.tell("zhangsan", "把所有客户保存为“名单”")
    [card] = chat.cards()
    with chat.factory() as session:  # the name now belongs to lisi (e.g. restored by hand)
        row = session.scalars(select(SavedSegment)).one()
        row.owner_userid = "lisi"
        session.commit()
    before = _segment(chat, "名单")
    [reply, _update] = chat.click("zhangsan", card["task_id"])
    assert reply.text == "“名单”已被李四使用，换个名字？"
    assert _segment(chat, "名单") == before
    with chat.factory() as session:
        [action] = session.scalars(select(PendingAction)).all()
        assert action.result == {"error": "name taken"}


def _only_campaign(chat: ChatRig) -> int:
    with chat.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        return campaign.id


def _audience(chat: ChatRig, campaign_id: int, hours: int) -> int:
    pctx = PlanContext(SETTINGS.campaigns, default_context(SETTINGS.timezone), ADMINS)
    with chat.factory() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        run = plan_run(session, campaign, slot=chat.now + timedelta(hours=hours),
                       trigger="manual", now=chat.now, pctx=pctx)  # fmt: skip
        assert run is not None
        session.commit()
        return run.audience


def test_a_campaign_keeps_the_version_it_was_confirmed_with(chat: ChatRig) -> None:
    chat.tell("boss", "把李四的客户保存为“重点”")  # 1 customer
    chat.tell("boss", "每周一上午10点给“重点”分群的客户发消息“好久不见”")
    chat.tell("boss", "确认")
    with chat.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        campaign_id = campaign.id
        assert campaign.segment_versions == {"重点": 1}
    assert _audience(chat, campaign_id, 1) == 1
    chat.tell("boss", "把所有客户保存为“重点”")  # now 8 customers
    replies = chat.tell("boss", "确认")
    [notice] = [r for r in replies if "活动 #" in r.text]
    assert notice.userid == "boss" and "第 1 版" in notice.text and "第 2 版" in notice.text
    assert _audience(chat, campaign_id, 2) == 1  # still the confirmed definition
    [switched] = chat.tell("boss", f"活动 #{campaign_id} 使用新分群")
    assert "重点 v2" in switched.text and "8 人" in switched.text
    assert _audience(chat, campaign_id, 3) == 8
    [entry] = _audit(chat, "campaign_segment_reconfirmed")
    assert entry.detail == {"campaign_id": campaign_id, "before": {"重点": 1},
                            "after": {"重点": 2}}  # fmt: skip


def test_only_the_campaign_creator_or_an_admin_re_confirms(chat: ChatRig) -> None:
    chat.tell("boss", "把李四的客户保存为“重点”")
    chat.tell("boss", "每周一上午10点给“重点”分群的客户发消息“好久不见”")
    chat.tell("boss", "确认")
    chat.tell("boss", "把所有客户保存为“重点”")
    chat.tell("boss", "确认")
    number = _only_campaign(chat)
    [refused] = chat.tell("zhangsan", f"活动 #{number} 使用新分群")
    assert f"找不到您可以确认的活动 #{number}" in refused.text
    [english] = chat.tell("lisi", f"campaign #{number} use the new segment")
    assert f"No campaign #{number} that you may re-confirm" in english.text
    with chat.factory() as session:
        [campaign] = session.scalars(select(Campaign)).all()
        assert campaign.segment_versions == {"重点": 1}


def _delete(db_url: str, name: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["segment", "delete", name, *args, "--db", db_url])


def test_deleting_needs_the_owner_or_an_admin_and_is_audited(
    chat: ChatRig, db_url: str, tmp_cwd: object
) -> None:
    chat.tell("boss", "把李四的客户保存为“重点”")
    chat.tell("zhangsan", "把我的客户保存为“张的”")
    refused = _delete(db_url, "重點", "--as", "zhangsan")  # a look-alike of the admin's
    assert refused.exit_code != 0 and "belongs to 'boss'" in refused.output
    assert _segment(chat, "重点")[0] == "boss"
    done = _delete(db_url, "张的", "--as", "zhangsan")
    assert done.exit_code == 0, done.output
    [entry] = _audit(chat, "segment_deleted")
    assert (entry.userid, entry.detail["name"], entry.detail["owner"]) == ("zhangsan", "张的",
                                                                          "zhangsan")  # fmt: skip
    assert from_json(entry.detail["definition"]) is not None  # it can be restored from here


def test_a_segment_still_referred_to_is_not_deleted_and_campaigns_keep_theirs(
    chat: ChatRig, db_url: str, tmp_cwd: object
) -> None:
    chat.tell("boss", "把李四的客户保存为“重点”")
    chat.tell("boss", "把“重点”分群里近30天咨询过的客户保存为“重点咨询”")
    chat.tell("boss", "每周一上午10点给“重点”分群的客户发消息“好久不见”")
    chat.tell("boss", "确认")
    refused = _delete(db_url, "重点")
    assert refused.exit_code != 0 and "重点咨询" in refused.output
    assert _delete(db_url, "重点咨询").exit_code == 0
    assert _delete(db_url, "重点").exit_code == 0  # the campaign has its confirmed tree
    assert _audience(chat, _only_campaign(chat), 1) == 1
