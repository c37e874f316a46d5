"""The describe intent: the segment's sketch and scorecard (segmentation.insights) as markdown,
and its persona chart as an image."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.commands import Attachment, CommandContext, Reply
from bot.commands.preview import campaign_settings
from bot.commands.replies import clip
from bot.commands.texts import say
from bot.services.insight_budget import mass_message_budget
from bot.services.insight_chart import render_insight_chart
from segmentation.engine import segment_query
from segmentation.insights import insight_markdown
from segmentation.insights.describe import describe_segment
from segmentation.nodes import All, SavedSegment, from_json
from segmentation.scope import Requester


def describe_replies(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    answer: dict[str, Any],
    lang: str,
) -> list[Reply]:
    """Markdown first (restated segment + sketch + scorecard), then the chart image."""
    userid = requester.userid
    description = str(answer.get("description") or "")
    node = from_json(answer["segment"])
    insight = describe_segment(
        session,
        members=segment_query(session, node, requester=requester, now=ctx.now, ctx=ctx.engine),
        base=segment_query(session, All(), requester=requester, now=ctx.now, ctx=ctx.engine),
        now=ctx.now,
        ctx=ctx.engine,
        saved_name=node.name if isinstance(node, SavedSegment) else None,
        language="zh" if lang == "zh" else "en",
        budget=mass_message_budget(campaign_settings(ctx)),
    )
    head = say("profile_head", lang, description=description, count=insight.scorecard.size)
    text = clip(f"{head}\n{insight_markdown(insight)}")
    replies = [Reply(userid, text, markdown=True)]
    if insight.scorecard.size:
        chart = render_insight_chart(insight)
        replies.append(Reply(userid, "", attachment=Attachment("image", "segment.png", chart)))
    return replies
