"""Running a confirmed action: tag / untag through WeCom, push / schedule as a campaign, save."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.actions import coupon_template, cron_line, schedule_words
from bot.commands.campaign_names import campaign_name
from bot.commands.preview import campaign_settings
from bot.commands.privacy import sample_names
from bot.commands.push_card import PLAN_KEY
from bot.commands.script import HANT
from bot.commands.tagging import plan_tagging
from bot.commands.texts import say
from bot.models.campaigns import CRON, ONCE
from bot.models.confirmations import PendingAction
from bot.services.campaigns.definition import (
    NAMED_CUSTOMERS,
    CampaignError,
    CampaignSpec,
    create_campaign,
    without_holdout,
)
from bot.services.campaigns.push_preview import PushPlan, campaign_content, is_once, once_at
from bot.services.saved_segments import save_owned
from bot.services.tag_outbox import enqueue_tag_job
from integrations.wecom.gateway import WeComGateway
from segmentation.compiler import SegmentError
from segmentation.nodes import from_json
from segmentation.saved import SavedSegmentOwned
from segmentation.scope import Requester


def _changed(action: PendingAction, count: int, lang: str) -> str:
    if count == action.preview_count:
        return ""
    return say("changed", lang, before=action.preview_count, after=count)


def report_language(session: Session, userid: str, lang: str, now: datetime) -> str:
    """The language of a tag job's report: the action's, in Traditional characters ("hant")
    when the member it goes to last wrote in them."""
    last = conv.load(session, userid, now).script
    return HANT if lang == "zh" and last is not None and last.script == HANT else lang


def execute_tagging(
    session: Session,
    ctx: CommandContext,
    gateway: WeComGateway,
    action: PendingAction,
    asker: Requester,
    target: list[str],
    lang: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """Store the tag writes in the outbox and answer at once: the inbox worker sends them and
    reports back to the confirmer in chat ("已为 N 位客户打上…"), failures counted; in `lang`
    (the confirm word's), else the card's language."""
    lang = lang or action.language
    name = str(action.details.get("tag", ""))
    remove = action.intent == "untag"
    plan = plan_tagging(session, gateway, asker, target, name, remove=remove)
    result: dict[str, Any] = {"ok": plan.ok, "failed": len(plan.failed), "error": plan.error}
    if plan.error == "no_such_tag":
        return say("no_such_tag", lang, tag=name), result
    if plan.error or plan.tag is None:
        return say("tag_create_failed", lang, tag=name, error=plan.error), result
    report_to = action.decided_by or action.asker_userid
    job = enqueue_tag_job(
        session,
        action_id=action.id,
        report_to=report_to,
        language=report_language(session, report_to, lang, ctx.now),
        tag_id=plan.tag.tag_id,
        tag_name=name,
        remove=remove,
        writes=plan.writes,
        settled_ok=plan.ok,
        failed=plan.failed,
        now=ctx.now,
    )
    result.update(job_id=job.id, queued=len(plan.writes))
    key = "untag_queued" if remove else "tag_queued"
    changed = _changed(action, len(target), lang)
    return say(key, lang, count=len(target), tag=name, changed=changed), result


def _campaign_spec(action: PendingAction, ctx: CommandContext) -> CampaignSpec:
    details = action.details
    coupon = coupon_template(str(details["coupon"])) if details.get("coupon") else None
    if details.get("coupon") and coupon is None:
        raise CampaignError(f"coupon {details['coupon']!r} is not understood")
    content = campaign_content(details, action.language)
    schedule = details.get("schedule")
    once = is_once(schedule)  # a one-off send later: a `once` campaign due at its time
    plan = PushPlan.from_json(details.get(PLAN_KEY))
    segment = dict(action.segment)
    named = details.get("customers")
    if isinstance(named, list):  # "给她发一张券": only these, whatever the tree (all customers)
        segment[NAMED_CUSTOMERS] = [str(eid) for eid in named]
    return CampaignSpec(
        holdout_seed=plan.holdout_seed if plan else None,
        shared_code=plan.shared_code if plan else None,
        name=campaign_name(
            action.description,
            details,
            action.decided_at or ctx.now,
            ctx.settings.timezone,
            action.language,
        ),
        creator_userid=action.asker_userid,
        content=content,
        segment_definition=segment,
        schedule_kind=CRON if schedule and not once else ONCE,
        run_at=(once_at(schedule, ctx.settings.timezone) if once else None)
        if schedule
        else action.decided_at,
        cron=cron_line(schedule) if schedule and not once else None,
        coupon=coupon,
        holdout_percent=0 if without_holdout(named) else None,  # None: the company's share
    )


def execute_campaign(
    session: Session,
    ctx: CommandContext,
    action: PendingAction,
    target: list[str],
    lang: str | None = None,
) -> tuple[str, dict[str, Any]]:
    """A push becomes a one-off campaign due now, a schedule a crontab campaign; the campaign
    scheduler sends them (its outbox keeps them at most once per customer). The reply names
    its customers when they are few, as it is sent now or later."""
    lang = lang or action.language
    schedule = action.details.get("schedule")
    if is_once(schedule) and once_at(schedule, ctx.settings.timezone) <= ctx.now:
        # Confirmed (or approved) after its time: sending now would be another time than the
        # card said; the member says a new one.
        when = schedule_words(schedule, lang)
        return say("once_passed", lang, when=when), {"error": "time passed"}
    try:
        campaign = create_campaign(
            session,
            _campaign_spec(action, ctx),
            now=ctx.now,
            settings=campaign_settings(ctx),
            admins=ctx.settings.admins,
        )
    except CampaignError as exc:
        return say("campaign_failed", lang, error=str(exc)), {"error": str(exc)}
    who = _who(session, target, lang)
    if is_once(schedule):
        text = say("once_created", lang, id=campaign.id, when=schedule_words(schedule, lang),
                   count=len(target), who=who)  # fmt: skip
    elif schedule:
        text = say("schedule_created", lang, id=campaign.id, when=schedule_words(schedule, lang),
                   count=len(target), who=who)  # fmt: skip
    else:
        text = say(
            "campaign_created",
            lang,
            id=campaign.id,
            count=len(target),
            who=who,
        )
    return text, {"campaign_id": campaign.id, "count": len(target)}


# A few customers are named in the reply, so the one who confirmed sees whom it goes to.
_NAMED_UP_TO = 3


def _who(session: Session, target: list[str], lang: str) -> str:
    """ "：Frank、Dan" / ": Frank, Dan" for up to three customers, else nothing."""
    if not target or len(target) > _NAMED_UP_TO:
        return ""
    names = sample_names(session, target, _NAMED_UP_TO)
    return "：" + "、".join(names) if lang == "zh" else ": " + ", ".join(names)


def execute_save(
    session: Session,
    ctx: CommandContext,
    action: PendingAction,
    asker: Requester,
    count: int,
    lang: str | None = None,
) -> tuple[str, dict[str, Any], list[Reply]]:
    """Save as the asker (their right to the name is checked again now: it may have been
    taken since the card was sent); the notices to creators of campaigns it affects."""
    from bot.commands.saving import change_notices, name_taken

    lang = lang or action.language
    name = str(action.details.get("name", ""))
    try:
        change = save_owned(session, name, from_json(action.segment), actor=asker, now=ctx.now,
                            description=action.description, inbox_id=ctx.inbox_id)  # fmt: skip
    except SavedSegmentOwned as exc:
        text = name_taken(session, asker.userid, exc.name, exc.owner_userid, lang).text
        return text, {"error": "name taken"}, []
    except SegmentError as exc:
        return say("save_failed", lang, error=str(exc)), {"error": str(exc)}, []
    text = say("saved", lang, name=change.row.name, description=action.description, count=count)
    result = {"saved": change.row.name, "count": count, "version": change.row.version}
    return text, result, change_notices(session, change, asker, lang)
