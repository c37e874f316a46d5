"""Confirming or cancelling a pending action: by a card click or a typed 确认/取消.

The action runs only for the one decision that moves it pending → confirmed; every other
click or word is told what already happened. The segment is evaluated again at confirm time
under the asker's scope, and the confirmer's scope must cover every customer it reaches.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.approval import REQUEST_KEY, may_decline, request_approval, tell_requester
from bot.commands.audit import audit
from bot.commands.cards import CANCEL_KEY, CONFIRM_KEY, outcome_card
from bot.commands.execute import execute_campaign, execute_save, execute_tagging
from bot.commands.paging import still_visible
from bot.commands.push_card import facts_for
from bot.commands.texts import say
from bot.models.confirmations import (
    CANCELLED,
    CONFIRMED,
    EXECUTED,
    EXPIRED,
    PENDING,
    PendingAction,
)
from bot.services.campaigns.push_preview import APPROVERS
from bot.services.confirmations import (
    cancel,
    claim_for_execution,
    expire,
    find_by_task,
    latest_action,
    record_result,
)
from integrations.wecom.events import CardClick
from segmentation.engine import segment_members
from segmentation.nodes import from_json
from segmentation.scope import Requester, resolve_requester

# Only the words the spec names: an action that reaches customers is not run on a casual "ok".
CONFIRM_WORDS = frozenset({"确认", "確認", "确认执行", "confirm"})
REQUEST_WORDS = frozenset({"提交审批", "提交審批", "申请审批", "申請審批", "requestapproval",
                           "askforapproval"})  # fmt: skip
CANCEL_WORDS = frozenset({"取消", "cancel"})
# Who may confirm what (security.md): campaigns (schedules) need a manager or an admin.
ROLE_NEEDED = {"schedule": ("manager", "admin")}
_ROLE_WORDS = {"zh": {"schedule": ("定时群发", "经理或管理员")},
               "en": {"schedule": ("a scheduled campaign", "a manager or an admin")}}  # fmt: skip


# Said around the word itself, adding nothing: "确认发送", "好的，确认", "yes, confirm it",
# "confirm, send it", "确认，发吧" (a comma before the words after it says nothing either).
_AROUND = re.compile(
    r"^(?:是的|对的|对|好的|好|嗯|ok(?:ay)?|yes|yep|sure)?[,，、]?(?P<word>确认|確認|confirm)"
    r"(?:[,，、]?(?:发送|發送|发|發|执行|執行|打标签|打標籤|群发|群發|一下|吧|了|啦|it|this|that|send|"
    r"sending|please|pls))*$"
)


# Cancel with a particle or an object after it: "取消先" (HK: cancel for now), "取消吧", "取消掉",
# "cancel it", "cancel that please".
_CANCEL_AROUND = re.compile(
    r"^(?:取消|cancel)(?:先|吧|啦|喇|了|掉|咗|佢|it|this|that|please|pls)+$"
)


# 确认 said with the card's own act ("确认打上", "確認除咗佢", "confirm removing it"): which act
# it confirms, so that it confirms only a card doing that ("确认去掉" never confirms a tagging).
_CONFIRMS_ACT = re.compile(
    r"^(?:是的|对的|对|好的|好|嗯|ok(?:ay)?|yes)?[,，、]?(?:确认|確認|確定|确定|confirm)(?:要)?"
    r"(?:(?P<tag>打上|打|加上|加|贴上|贴|貼上|貼|标上|標上|tag(?:ging)?|add(?:ing)?)|"
    r"(?P<untag>去掉|拿掉|除咗|除掉|除去|除|删掉|刪掉|删除|刪除|移除|撕掉|攞走|untag(?:ging)?|"
    r"remov(?:e|ing)))"
    r"(?:佢|她|他|吧|了|啦|喇|it|him|her|them|this|that|the\s*tag)*$"
)


def confirmed_act(text: str) -> str | None:
    """ "tag" / "untag" when the whole message confirms with that act said, else None."""
    found = _CONFIRMS_ACT.match(re.sub(r"[\s。.!！“”\"'‘’]+", "", text or "").lower())
    if found is None:
        return None
    return "tag" if found.group("tag") else "untag"


def typed_decision(text: str) -> str | None:
    """'confirm' / 'cancel' when the whole message is one of those words (with only words
    around it that add nothing: 确认发送, yes confirm), else None."""
    cleaned = re.sub(r"[\s。.!！“”\"'‘’]+", "", text or "").lower()
    around = _AROUND.match(cleaned)
    if around is not None:
        cleaned = around.group("word")
    if cleaned in CONFIRM_WORDS:
        return CONFIRM_KEY
    if cleaned in CANCEL_WORDS or _CANCEL_AROUND.match(cleaned):
        return CANCEL_KEY
    if cleaned in REQUEST_WORDS:
        return REQUEST_KEY
    return None


def handle_typed(
    session: Session, ctx: CommandContext, userid: str, key: str, lang: str
) -> list[Reply]:
    """确认/取消: the member's own latest action card (told what became of it when it no
    longer waits: an older card is never confirmed by a 确认 meant for a newer one), answered
    in `lang`, the language of the message typed (确认 after an English card: in Chinese)."""
    action = latest_action(session, userid)
    if action is None:
        return [Reply(userid, say("no_pending", lang))]
    code, action.response_code = action.response_code, None  # a response code is single use
    return decide(session, ctx, action, userid, key, code, answer_in=lang)


def handle_click(session: Session, ctx: CommandContext, click: CardClick) -> list[Reply]:
    action = find_by_task(session, click.task_id)
    if action is None or click.event_key not in (CONFIRM_KEY, CANCEL_KEY, REQUEST_KEY):
        return [Reply(click.from_user, say("unknown_card", "zh"))]
    return decide(session, ctx, action, click.from_user, click.event_key, click.response_code)


def _status_text(action: PendingAction, lang: str | None = None) -> str:
    key = {EXECUTED: "already", CONFIRMED: "in_progress", CANCELLED: "already_cancelled",
           EXPIRED: "already_expired"}.get(action.status, "already")  # fmt: skip
    return say(key, lang or action.language)


def _with_card(
    action: PendingAction, by: str, text: str, code: str | None, replace: str
) -> list[Reply]:
    replies = [Reply(by, text)]
    if code and action.card:
        card = outcome_card(action.card, outcome=text, replace_text=say(replace, action.language))
        replies.append(Reply(by, "", card=card, update_code=code))
    return replies


def decide(
    session: Session,
    ctx: CommandContext,
    action: PendingAction,
    by: str,
    key: str,
    code: str | None,
    answer_in: str | None = None,
) -> list[Reply]:
    """What `by`'s confirm or cancel does to `action`; its replies in `answer_in` (the language
    of a word typed), else in the card's own."""
    lang = answer_in or action.language
    audit(session, ctx, by, key, action.intent, action_id=action.id, status=action.status)
    if action.status != PENDING:
        return [Reply(by, _status_text(action, lang))]
    if action.expires_at <= ctx.now:
        if not expire(session, action, ctx.now):
            return [Reply(by, _status_text(action, lang))]
        minutes = int((action.expires_at - action.created_at).total_seconds() // 60)
        return _with_card(
            action, by, say("expired", lang, minutes=minutes), code, "replace_expired"
        )
    if key == REQUEST_KEY:
        return request_approval(session, ctx, action, by)
    if key == CANCEL_KEY:
        allowed = by == action.asker_userid or may_decline(action, by)
        if not allowed and not _is_admin(session, ctx, by):
            return [Reply(by, say("not_yours", lang))]
        if not cancel(session, action, by, ctx.now):
            return [Reply(by, _status_text(action, lang))]
        replies = _with_card(action, by, say("cancelled", lang), code, "replace_cancelled")
        return replies + tell_requester(session, action, by, approved=False, outcome="")
    return _confirm(session, ctx, action, by, code, lang)


def _is_admin(session: Session, ctx: CommandContext, userid: str) -> bool:
    requester = resolve_requester(session, userid, ctx.settings.admins)
    return requester is not None and requester.is_admin


def _target(
    session: Session, ctx: CommandContext, action: PendingAction, who: Requester
) -> list[str]:
    """The customers the action reaches now in `who`'s scope: its segment's members, or —
    for customers named in the message ("给王静打上VIP标签") — those of them still visible."""
    named = action.details.get("customers")
    if isinstance(named, list):
        return still_visible(session, who, [str(eid) for eid in named])
    node = from_json(action.segment)
    return segment_members(session, node, requester=who, now=ctx.now, ctx=ctx.engine)


def _refusal(
    session: Session, ctx: CommandContext, action: PendingAction, by: str, lang: str
) -> tuple[str | None, Requester | None, list[str]]:
    """(why not, the asker, the customers it reaches now)."""
    confirmer = resolve_requester(session, by, ctx.settings.admins)
    if confirmer is None:
        return say("not_member", lang), None, []
    needed = ROLE_NEEDED.get(action.intent)
    if needed and confirmer.role not in needed:
        what, role = _ROLE_WORDS[lang if lang in _ROLE_WORDS else "zh"][action.intent]
        return say("not_allowed_role", lang, what=what, role=role), None, []
    if action.intent == "save" and by != action.asker_userid and not confirmer.is_admin:
        return say("not_yours", lang), None, []
    asker = resolve_requester(session, action.asker_userid, ctx.settings.admins)
    if asker is None:
        return say("asker_gone", lang), None, []
    target = _target(session, ctx, action, asker)
    if confirmer.userid != asker.userid and not confirmer.is_admin:
        mine = set(_target(session, ctx, action, confirmer))
        if any(eid not in mine for eid in target):  # never how many: that is an oracle
            return say("not_allowed_scope", lang), None, []
    over = _over_cost_limit(session, ctx, action, confirmer, asker, target, lang)
    if over is not None:
        return over, None, []
    return None, asker, target


def _over_cost_limit(
    session: Session,
    ctx: CommandContext,
    action: PendingAction,
    confirmer: Requester,
    asker: Requester,
    target: list[str],
    lang: str,
) -> str | None:
    """Why a salesperson may not confirm this push: its maximum cost, counted again now over
    the recipients, is above SEGBOT_APPROVAL_COST_LIMIT (a manager or an admin confirms it)."""
    if action.intent != "push" or confirmer.role in APPROVERS:
        return None
    details = dict(action.details)
    facts = facts_for(session, ctx, asker, target, details, action.language)
    limit = ctx.settings.approval_cost_limit
    if facts.cost_max is None or facts.cost_max <= limit:
        return None
    cost, most = (format(d.normalize(), "f") for d in (facts.cost_max, limit))
    return say("not_allowed_cost", lang, cost=cost, limit=most)


def _confirm(
    session: Session,
    ctx: CommandContext,
    action: PendingAction,
    by: str,
    code: str | None,
    lang: str,
) -> list[Reply]:
    why_not, asker, target = _refusal(session, ctx, action, by, lang)
    if why_not is not None or asker is None:
        audit(session, ctx, by, "confirm_refused", action.intent, action_id=action.id)
        return _with_card(action, by, why_not or "", code, "replace_refused")
    tagging = action.intent in ("tag", "untag")
    if tagging and ctx.gateway is None:
        return [Reply(by, say("no_gateway", lang))]  # still pending: it can be confirmed later
    if not claim_for_execution(session, action, by, ctx.now):
        return [Reply(by, _status_text(action, lang))]
    notices: list[Reply] = []
    if tagging:
        assert ctx.gateway is not None
        text, result = execute_tagging(session, ctx, ctx.gateway, action, asker, target, lang)
    elif action.intent in ("push", "schedule"):
        text, result = execute_campaign(session, ctx, action, target, lang)
    else:
        text, result, notices = execute_save(session, ctx, action, asker, len(target), lang)
    record_result(action, result)
    audit(session, ctx, by, "executed", action.intent, action_id=action.id, **_summary(result))
    replies = [*_with_card(action, by, text, code, "replace_confirmed"), *notices]
    return replies + tell_requester(session, action, by, approved=True, outcome=text)


def _summary(result: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in result.items() if k in ("ok", "failed", "campaign_id", "count")}
