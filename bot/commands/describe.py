"""The describe intent: the segment's sketch and scorecard (segmentation.insights) as markdown,
and its persona chart as an image."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import Attachment, CommandContext, Reply
from bot.commands.answers import scope_line
from bot.commands.preview import campaign_settings
from bot.commands.replies import clip
from bot.commands.texts import say
from bot.services.answer import SegmentAnswer
from bot.services.insight_budget import mass_message_budget
from bot.services.insight_chart import render_insight_chart
from segmentation.insights import insight_markdown
from segmentation.insights.describe import describe_in_scope
from segmentation.insights.model import Insight
from segmentation.markup import escape_markdown
from segmentation.nodes import Node
from segmentation.scope import Requester


def describe_replies(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    answer: SegmentAnswer,
    lang: str,
) -> list[Reply]:
    """Markdown first (restated segment + sketch + scorecard), then the chart image."""
    userid = requester.userid
    # The query service described it already; an answer from elsewhere is described here.
    insight = answer.insight or _describe(session, ctx, requester, answer.segment, lang)
    size, markdown = insight.scorecard.size, insight_markdown(insight)
    head = say("profile_head", lang, description=escape_markdown(answer.description), count=size)
    head += scope_line(answer)
    replies = [Reply(userid, clip(f"{head}\n{markdown}"), markdown=True)]
    if size:
        chart = render_insight_chart(insight)
        replies.append(Reply(userid, "", attachment=Attachment("image", "segment.png", chart)))
    return replies


def _describe(
    session: Session, ctx: CommandContext, requester: Requester, node: Node, lang: str
) -> Insight:
    return describe_in_scope(
        session,
        node,
        requester=requester,
        now=ctx.now,
        ctx=ctx.engine,
        language="zh" if lang == "zh" else "en",
        budget=mass_message_budget(campaign_settings(ctx)),
    )
