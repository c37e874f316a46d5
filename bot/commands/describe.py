"""The describe intent: the segment's sketch and scorecard (segmentation.insights) as markdown,
and its persona chart as an image."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.commands import Attachment, CommandContext, Reply
from bot.commands.answers import scope_line
from bot.commands.preview import campaign_settings
from bot.commands.replies import clip
from bot.commands.texts import say
from bot.services.insight_budget import mass_message_budget
from bot.services.insight_chart import (
    persona_from_json,
    render_insight_chart,
    render_persona_chart,
)
from segmentation.insights import insight_markdown
from segmentation.insights.describe import describe_in_scope
from segmentation.insights.model import Insight
from segmentation.markup import escape_markdown
from segmentation.nodes import Node, from_json
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
    if _described(answer):  # run_query computed it already: don't describe twice
        size = int(answer["scorecard"]["size"])
        markdown = str(answer["markdown"])
        chart = render_persona_chart(
            persona_from_json(answer["persona"]),
            size,
            str(answer.get("sketch") or ""),
            "zh" if answer.get("language") == "zh" else "en",
        )
    else:
        insight = _describe(session, ctx, requester, from_json(answer["segment"]), lang)
        size, markdown = insight.scorecard.size, insight_markdown(insight)
        chart = render_insight_chart(insight)
    head = say("profile_head", lang, description=escape_markdown(description), count=size)
    head += scope_line(answer)
    replies = [Reply(userid, clip(f"{head}\n{markdown}"), markdown=True)]
    if size:
        replies.append(Reply(userid, "", attachment=Attachment("image", "segment.png", chart)))
    return replies


def _described(answer: dict[str, Any]) -> bool:
    card = answer.get("scorecard")
    return (
        isinstance(answer.get("persona"), list)
        and isinstance(answer.get("markdown"), str)
        and isinstance(card, dict)
        and "size" in card
    )


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
