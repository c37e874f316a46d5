"""Turning a query answer (the JSON of `segbot query --json`) into chat replies."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.paging import expired, last_list, mark_shown, remember_list, visible_page
from bot.commands.replies import clarify, clip, list_page
from bot.commands.rows import PAGE_SIZE, event_kinds, load_rows
from bot.commands.texts import say
from bot.services.query import scope_note
from segmentation.nodes import SegmentFormatError, from_json
from segmentation.scope import Requester

# The answers whose customers were narrowed to the asker's scope, and so say so.
SCOPED_INTENTS = frozenset({"count", "list", "export", "describe", "breakdown"})


def with_scope_note(answer: dict[str, Any], requester: Requester, lang: str) -> dict[str, Any]:
    """The answer with its `scope_note` for the chat (worked out again here, so answers
    about the previous segment carry it too)."""
    if answer.get("intent") not in SCOPED_INTENTS or not isinstance(answer.get("segment"), dict):
        return answer
    try:
        note = scope_note(from_json(answer["segment"]), requester, lang)
    except SegmentFormatError:
        return answer
    return {**answer, "scope_note": note} if note else answer


def scope_line(answer: dict[str, Any]) -> str:
    """ "\n" + the scope note, or "" when the answer was not narrowed."""
    note = answer.get("scope_note")
    return f"\n{note}" if isinstance(note, str) and note else ""


def _description(answer: dict[str, Any], lang: str) -> str:
    text = answer.get("description")
    if isinstance(text, str) and text.strip():
        return text.strip()
    return "符合条件的客户" if lang == "zh" else "Matching customers"


def list_reply(
    session: Session, ctx: CommandContext, userid: str, answer: dict[str, Any], lang: str
) -> str:
    """Count first, the restated segment, up to 10 rows, and how to see more."""
    customers = [str(c) for c in answer.get("customers") or []]
    description = _description(answer, lang)
    count = int(answer.get("count", len(customers)))
    if count == 0 or not customers:
        remember_list(
            session,
            userid,
            description=description,
            customers=[],
            shown=0,
            kinds=[],
            lang=lang,
            now=ctx.now,
        )
        return say("none", lang, description=description) + scope_line(answer)
    kinds = event_kinds(answer.get("segment"))
    ranked = answer.get("ranking")
    values: dict[str, str] = {}
    if isinstance(ranked, list) and ranked:  # rank order, row 1 first, with the value
        customers = [str(r["external_userid"]) for r in ranked]
        values = {str(r["external_userid"]): rank_fact(answer, r["value"], lang) for r in ranked}
    rows = load_rows(session, customers[:PAGE_SIZE], kinds, tz=ctx.settings.timezone, lang=lang,
                     now=ctx.now, facts_given=values)  # fmt: skip
    head = say("total", lang, description=description, count=count) + scope_line(answer)
    text, shown = list_page(head, rows, first_number=1, total=len(customers), lang=lang)
    remember_list(
        session,
        userid,
        description=description,
        customers=customers,
        shown=shown,
        kinds=kinds,
        lang=lang,
        now=ctx.now,
    )
    return text


RANK_LABELS = {
    "spend": {"zh": "消费 ¥{v:,.2f}", "en": "spent ¥{v:,.2f}"},
    "clv": {"zh": "CLV ¥{v:,.2f}", "en": "CLV ¥{v:,.2f}"},
    "expected_avg_value": {"zh": "预计客单 ¥{v:,.2f}", "en": "expected order ¥{v:,.2f}"},
    "p_alive": {"zh": "活跃概率 {v:.0%}", "en": "P(alive) {v:.0%}"},
    "expected_purchases_30d": {
        "zh": "预计30天购买 {v:.1f} 次",
        "en": "{v:.1f} expected orders/30d",
    },
    "expected_purchases_90d": {
        "zh": "预计90天购买 {v:.1f} 次",
        "en": "{v:.1f} expected orders/90d",
    },
}


def rank_fact(answer: dict[str, Any], value: Any, lang: str) -> str:
    """The value a ranked row was ranked by, in words ("消费 ¥1,234.50")."""
    tree = (answer.get("segment") or {}).get("tree") or {}
    label = RANK_LABELS.get(str(tree.get("by") or "spend"), RANK_LABELS["spend"])
    try:
        return label["zh" if lang == "zh" else "en"].format(v=float(value))
    except (TypeError, ValueError):
        return ""


# "再来50个" still gets one message: WeCom's size limit cuts a page anyway.
MAX_PAGE = 30


def _page_size(size: int) -> int:
    return min(size, MAX_PAGE) if size > 0 else PAGE_SIZE


def more_reply(
    session: Session, ctx: CommandContext, requester: Requester, lang: str, size: int = 0
) -> str:
    """The next page of the member's last list, within their scope as it is now: `size`
    rows when asked for ("再来5个"), else a page."""
    state = last_list(session, requester.userid)
    if state is None:
        return say("no_list", lang)
    lang = state.language or lang
    if expired(state, ctx.now):
        return say("list_expired", lang)
    page = visible_page(session, requester, state, _page_size(size))
    if not page:
        return say("no_more", lang)
    customers = list(state.customers or [])
    rows = load_rows(session, page, state.event_kinds or [], tz=ctx.settings.timezone, lang=lang,
                     now=ctx.now)  # fmt: skip
    head = say(
        "page_head",
        lang,
        description=state.description,
        first=state.shown + 1,
        last=state.shown + len(page),
        count=len(customers),
    )
    text, shown = list_page(
        head, rows, first_number=state.shown + 1, total=len(customers), lang=lang
    )
    mark_shown(state, state.shown + shown)
    return text


def more_page(
    session: Session, ctx: CommandContext, requester: Requester, lang: str, size: int = 0
) -> dict[str, Any]:
    """The next page of the member's last list as query JSON (`segbot query "更多" --after`),
    checked like more_reply's."""
    state = last_list(session, requester.userid)
    if state is None:
        return {"intent": "more", "message": say("no_list", lang)}
    lang = state.language or lang
    if expired(state, ctx.now):
        return {"intent": "more", "message": say("list_expired", lang)}
    page = visible_page(session, requester, state, _page_size(size))
    if not page:
        return {"intent": "more", "message": say("no_more", lang)}
    return {
        "intent": "more",
        "description": state.description,
        "count": len(state.customers or []),
        "first": state.shown + 1,
        "customers": page,
    }


def count_reply(answer: dict[str, Any], lang: str) -> str:
    description = _description(answer, lang)
    lines = [say("count", lang, description=description, count=int(answer.get("count", 0)))]
    if answer.get("scope_note"):
        lines.append(str(answer["scope_note"]))
    history = answer.get("history")
    if isinstance(history, dict):
        lines.extend(f"{label}: {value}" for label, value in history.items())
    return clip("\n".join(lines))


def clarify_reply(answer: dict[str, Any], lang: str) -> str:
    suggestions = [str(s) for s in answer.get("suggestions") or []]
    return clarify(str(answer.get("message") or say("busy", lang)), suggestions, lang)


def generic_reply(answer: dict[str, Any], lang: str) -> str:
    """Intents without a list (help, describe, save, explain…): their own message."""
    if answer.get("message"):
        return clip(str(answer["message"]))
    if "count" in answer:
        return count_reply(answer, lang)
    return say("busy", lang)
