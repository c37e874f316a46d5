"""Describe a segment: persona + scorecard + sketch, as objects, JSON and a chat reply."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session

from segmentation.engine import EngineContext, segment_query
from segmentation.insights.base_profile import BaseProfile, base_profile
from segmentation.insights.budget import MassMessageBudget
from segmentation.insights.follows import read_follows
from segmentation.insights.model import Insight, Language
from segmentation.insights.persona import attribute_counts, rank_persona
from segmentation.insights.scorecard import ScoreInputs, build_scorecard
from segmentation.insights.sketch import compose_sketch, insight_markdown
from segmentation.insights.typical import read_totals, read_typical
from segmentation.insights.workspace import IdSource, workspace
from segmentation.named import RfmMeans, compute_rfm_means
from segmentation.nodes import All, Node, SavedSegment
from segmentation.scope import Requester

PERSONA_LIMIT = 10


def describe_segment(
    session: Session,
    *,
    members: IdSource,
    base: IdSource,
    now: datetime,
    ctx: EngineContext,
    saved_name: str | None = None,
    language: Language = "zh",
    budget: MassMessageBudget | None = None,
    profile: BaseProfile | None = None,
    rfm: RfmMeans | None = None,
) -> Insight:
    """Persona and scorecard of `members` against the asker's `base` as of `now`.

    With `profile` (the base's counts, computed earlier: `base_profile`), only the members
    are read; `base` is then not looked at. `rfm`: the company's RFM means at `now`, when
    the caller already has them.

    `members` and `base` are external_userid lists or SELECTs of them (a SELECT is loaded
    without leaving the database). Deleted and unknown customers are ignored; members missing
    from the base are added to it, so a share never exceeds 1. Nothing is committed.
    """
    if language not in ("zh", "en"):
        raise ValueError(f"unknown language {language!r}")
    # With a profile the base is the members alone (they join it below, from their table).
    with workspace(session, members, [] if profile else base, now) as ws:
        totals = read_totals(session, ws)
        means = rfm or compute_rfm_means(session, now)
        follows = read_follows(session, ws)
        counts = attribute_counts(session, ws, means, ctx.named, follows)
        if profile is not None:
            counts = profile.combine(counts)
            totals = replace(totals, base_size=max(profile.base_size, totals.size))
        persona = rank_persona(counts, totals.size, totals.base_size)[:PERSONA_LIMIT]
        typical = read_typical(session, ws, totals, now)
        inputs = ScoreInputs(now, ctx.timezone, saved_name, budget)
        card = build_scorecard(session, ws, totals, inputs, follows.reachable)
    return Insight(
        persona=persona,
        typical=typical,
        scorecard=card,
        sketch=compose_sketch(persona, typical, card, language),
        language=language,
        saved_name=saved_name,
        now=now.astimezone(ctx.timezone),
    )


def describe_for_query(
    session: Session,
    node: Node,
    *,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    language: Language = "zh",
    budget: MassMessageBudget | None = None,
) -> dict[str, Any]:
    """The describe intent's answer: `insight_to_json` plus "sketch" and "markdown".

    The base is everything the requester may see (the members of All() in their scope), so a
    salesperson's persona is against their own customers, a manager's against their
    departments'."""
    insight = describe_in_scope(
        session, node, requester=requester, now=now, ctx=ctx, language=language, budget=budget
    )
    return {**insight_to_json(insight), "markdown": insight_markdown(insight)}


def describe_in_scope(
    session: Session,
    node: Node,
    *,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    language: Language = "zh",
    budget: MassMessageBudget | None = None,
) -> Insight:
    """`node`'s members described against everything `requester` may see, the base read
    from the requester's profile of the day (`base_profile`)."""
    # One computation of the company-wide RFM means serves the segment, the persona and, the
    # first time of the day, the base profile.
    rfm = compute_rfm_means(session, now)
    base, profile = scope_profile(session, requester, now, ctx, rfm)
    return describe_segment(
        session,
        members=segment_query(session, node, requester=requester, now=now, ctx=ctx, rfm=rfm),
        base=base,
        now=now,
        ctx=ctx,
        saved_name=node.name if isinstance(node, SavedSegment) else None,
        language=language,
        budget=budget,
        profile=profile,
        rfm=rfm,
    )


def scope_profile(
    session: Session,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    rfm: RfmMeans | None = None,
) -> tuple[Select[Any], BaseProfile]:
    """The SELECT of everything `requester` may see, and its profile of the day (computed and
    stored when there is none yet: the nightly job does it ahead for managers and admins);
    `rfm` as for `compute_base_profile`."""
    base = segment_query(session, All(), requester=requester, now=now, ctx=ctx)
    day = now.astimezone(ctx.timezone).date()
    return base, base_profile(session, requester, base, now, day, ctx.named, rfm)


def insight_to_json(insight: Insight) -> dict[str, Any]:
    """The JSON form (numbers, not Decimals; shares rounded to 4 decimals)."""
    card, typ = insight.scorecard, insight.typical
    stab = card.stability
    return {
        "persona": [
            {
                "attribute": e.attribute,
                "value": e.label(insight.language),
                "code": e.code,
                "count": e.count,
                "base_count": e.base_count,
                "share": _r(e.share),
                "base_share": _r(e.base_share),
                "lift": _r(e.lift),
            }
            for e in insight.persona
        ],
        "typical": {
            "median_spend": _num(typ.median_spend),
            "median_days_since_order": _r(typ.median_days_since_order),
            "median_days_since_inquiry": _r(typ.median_days_since_inquiry),
            "members_with_orders": typ.members_with_orders,
            "members_with_inquiries": typ.members_with_inquiries,
        },
        "scorecard": {
            "size": card.size,
            "base_size": card.base_size,
            "share_of_base": _r(card.share_of_base),
            "latest_event_at": _iso(card.latest_event_at),
            "latest_received_at": _iso(card.latest_received_at),
            "reachable": card.reachable,
            "reachable_with_budget": card.reachable_with_budget,
            "budget_known": card.reachable_with_budget is not None,
            "total_spend": _num(card.total_spend),
            "avg_spend": _num(card.avg_spend),
            "expected_value": _num(card.expected_value),
            "overlaps": [
                {
                    "segment": o.segment,
                    "intersection": o.intersection,
                    "jaccard": _r(o.jaccard),
                    "containment": _r(o.containment),
                }
                for o in card.overlaps
            ],
            "entered_7d": stab.entered_7d if stab else None,
            "exited_7d": stab.exited_7d if stab else None,
            "entered_30d": stab.entered_30d if stab else None,
            "exited_30d": stab.exited_30d if stab else None,
        },
        "sketch": insight.sketch,
        "language": insight.language,
        "saved_name": insight.saved_name,
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _num(value: Decimal | None) -> int | float | None:
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
