"""“活动 #3 使用新分群” / "campaign #3 use the new segment": the campaign's creator (or an
admin) re-confirms a campaign after one of its saved segments was redefined."""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.audit import audit
from bot.commands.texts import say
from bot.models.campaigns import Campaign
from bot.services.campaigns.definition import campaign_segment
from bot.services.saved_segments import campaign_node, reconfirm_segment
from segmentation.engine import segment_count
from segmentation.saved import saved_versions
from segmentation.scope import Requester, resolve_requester

_END = r"\s*[？?。.!！]*\s*$"
RECONFIRM = (
    re.compile(
        rf"^\s*(?:活动|活動)\s*[#＃]?\s*(?P<id>\d{{1,9}})\s*(?:使用|采用|採用|改用|用)\s*新的?分群{_END}"
    ),
    re.compile(
        rf"^\s*campaign\s*#?\s*(?P<id>\d{{1,9}})\s*,?\s*use\s+the\s+new\s+segments?{_END}",
        re.IGNORECASE,
    ),
)


def reconfirm_reply(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> list[Reply] | None:
    """The reply to a re-confirmation sentence, or None when `text` is not one."""
    match = next((m for p in RECONFIRM if (m := p.match(text))), None)
    if match is None:
        return None
    campaign_id = int(match["id"])
    audit(session, ctx, requester.userid, "command", text, role=requester.role,
          intent="reconfirm_segment", campaign_id=campaign_id)  # fmt: skip
    campaign = session.get(Campaign, campaign_id)
    if campaign is None or not (requester.is_admin or campaign.creator_userid == requester.userid):
        return [Reply(requester.userid, say("campaign_unknown", lang, id=campaign_id))]
    if campaign.segment_versions is not None and campaign.segment_versions == _current(
        session, campaign
    ):
        return [Reply(requester.userid, say("segment_current", lang, id=campaign_id))]
    versions = reconfirm_segment(session, campaign, actor=requester, now=ctx.now)
    creator = resolve_requester(session, campaign.creator_userid, ctx.settings.admins)
    count = (
        segment_count(
            session, campaign_segment(campaign), requester=creator, now=ctx.now, ctx=ctx.engine
        )
        if creator is not None
        else 0
    )
    words = "、".join(f"{name} v{v}" for name, v in versions.items()) or "—"
    return [Reply(requester.userid, say("segment_reconfirmed", lang, id=campaign_id,
                                        versions=words, count=count))]  # fmt: skip


def _current(session: Session, campaign: Campaign) -> dict[str, int]:
    return saved_versions(session, campaign_node(campaign))
