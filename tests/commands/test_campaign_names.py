"""Campaign names people can read (#20 item 7), through the chat router: a confirmed push
is named segment · offer · date in the creator's language, and "把活动#3改名为…" / "rename
campaign #3 to …" renames it for its creator or an admin, audited."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from bot.commands.campaign_names import campaign_name, clean_new_name
from bot.models.campaigns import Campaign
from bot.models.inbox import AuditEntry
from segmentation.models import Staff
from tests.commands.chatworld import SETTINGS
from tests.commands.conftest import ChatRig

PUSH = "给近30天咨询未下单的客户发一张满100减20的券"


def _confirmed(rig: ChatRig, userid: str, text: str) -> Campaign:
    rig.tell(userid, text)
    rig.click(userid, rig.cards()[-1]["task_id"])
    with rig.factory() as session:
        return session.scalars(select(Campaign).order_by(Campaign.id.desc())).first()


def _name(rig: ChatRig, campaign_id: int) -> str:
    with rig.factory() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None
        return campaign.name


def test_a_chat_push_is_named_by_segment_offer_and_day(rig: ChatRig) -> None:
    campaign = _confirmed(rig, "zhangsan", PUSH)
    # NOW is 2026-11-01 10:00 in Shanghai; the description's restated dates are left out
    assert campaign.name.endswith(" · 满100减20 · 11月1日"), campaign.name
    assert campaign.name.startswith("近30天") and "（" not in campaign.name
    assert "chat-" not in campaign.name
    [listed] = rig.tell("zhangsan", "我的活动")
    assert campaign.name in listed.text


def test_an_english_push_is_named_in_english(rig: ChatRig) -> None:
    text = "send customers who inquired in the last 30 days a coupon ¥20 off orders over ¥100"
    campaign = _confirmed(rig, "zhangsan", text)
    assert campaign.name.endswith(" · Nov 1"), campaign.name
    assert "月" not in campaign.name


def test_the_creator_renames_a_campaign_and_it_is_audited(rig: ChatRig) -> None:
    campaign = _confirmed(rig, "zhangsan", PUSH)
    before = campaign.name
    [done] = rig.tell("zhangsan", f"把活动#{campaign.id}改名为“双十一回购”")
    assert done.text == f"活动 #{campaign.id} 已改名为“双十一回购”（原名“{before}”）。"
    assert _name(rig, campaign.id) == "双十一回购"
    [report] = rig.tell("zhangsan", "活动“双十一回购”效果怎么样")
    assert f"#{campaign.id}" in report.text
    with rig.factory() as session:
        [entry] = session.scalars(
            select(AuditEntry).where(AuditEntry.action == "campaign_rename")
        ).all()
    assert entry.userid == "zhangsan"
    assert entry.detail["before"] == before and entry.detail["after"] == "双十一回购"
    [english] = rig.tell("zhangsan", f"rename campaign #{campaign.id} to Spring comeback")
    assert english.text.startswith(f"Campaign #{campaign.id} is now called “Spring comeback”")


def test_only_the_creator_or_an_admin_renames(rig: ChatRig) -> None:
    campaign = _confirmed(rig, "zhangsan", PUSH)
    before = campaign.name
    [stranger] = rig.tell("lisi", f"把活动#{campaign.id}改名为我的活动")
    assert stranger.text.startswith("没有找到您可以查看的活动")
    with rig.factory() as session:  # lisi now manages zhangsan's department: sees, not renames
        staff = session.get(Staff, "lisi")
        assert staff is not None
        staff.role = "manager"
        session.commit()
    [manager] = rig.tell("lisi", f"把活动#{campaign.id}改名为我的活动")
    assert manager.text == f"只有活动 #{campaign.id} 的创建人或管理员可以给它改名。"
    [english] = rig.tell("lisi", f"rename campaign #{campaign.id} to mine")
    assert english.text.startswith(f"Only the creator of campaign #{campaign.id}")
    assert _name(rig, campaign.id) == before
    [admin] = rig.tell("boss", f"将活动 {campaign.id} 重命名为 总部复盘")
    assert "已改名为“总部复盘”" in admin.text
    assert _name(rig, campaign.id) == "总部复盘"


def test_a_name_that_is_empty_or_too_long_is_refused(rig: ChatRig) -> None:
    campaign = _confirmed(rig, "zhangsan", PUSH)
    before = campaign.name
    [long] = rig.tell("zhangsan", f"把活动#{campaign.id}改名为{'长' * 61}")
    assert "不能超过 60 个字" in long.text and _name(rig, campaign.id) == before


def test_name_parts() -> None:
    when = datetime(2026, 12, 4, 3, 0, tzinfo=UTC)
    tz = SETTINGS.timezone
    saved = campaign_name("属于“流失风险客户”的客户", {"coupon": "满200减30"}, when, tz, "zh")
    assert saved == "流失风险客户 · 满200减30 · 12月4日"
    message = campaign_name(
        "customers who are in “VIP”", {"message": "Our winter sale starts today, come by"},
        when, tz, "en",
    )  # fmt: skip
    assert message == "VIP · Our winter sale… · Dec 4"
    assert clean_new_name("  “ 春季  回购 ” ") == "春季 回购"
    assert clean_new_name("“”") is None
