"""Turning a query answer (typed: bot.services.answer) into chat replies."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.paging import expired, last_list, mark_shown, remember_list, visible_page
from bot.commands.replies import clarify, clip, list_page
from bot.commands.rows import PAGE_SIZE, load_rows, segment_of, shown_words
from bot.commands.script import to_traditional
from bot.commands.texts import say
from bot.models.inbox import ChatState
from bot.services.answer import (
    Answer,
    BreakdownAnswer,
    ClarifyAnswer,
    CountAnswer,
    SegmentAnswer,
)
from bot.services.query import scope_note
from segmentation.nodes import to_json
from segmentation.scope import Requester

# ChatState.language of a list asked in Traditional characters (its pages answer in them).
HANT = "hant"
# The answers whose customers were narrowed to the asker's scope, and so say so.
SCOPED_INTENTS = frozenset({"count", "list", "export", "describe", "breakdown"})


def with_scope_note(
    answer: Answer, requester: Requester, lang: str, session: Session | None = None
) -> Answer:
    """The answer with its scope note for the chat (worked out again here, so answers about
    the previous segment carry it too)."""
    if isinstance(answer, (CountAnswer, SegmentAnswer, BreakdownAnswer)):
        if answer.intent not in SCOPED_INTENTS:
            return answer
        note = scope_note(answer.segment, requester, lang, session)
        return replace(answer, scope_note=note) if note else answer
    return answer


def scope_line(answer: Answer) -> str:
    """ "\n" + the scope note, or "" when the answer was not narrowed."""
    if isinstance(answer, (CountAnswer, SegmentAnswer, BreakdownAnswer)):
        note: Any = answer.scope_note
    else:
        note = answer.get("scope_note") if isinstance(answer, dict) else None
    return f"\n{note}" if isinstance(note, str) and note else ""


def _description(text: str, lang: str) -> str:
    if text.strip():
        return text.strip()
    return "符合条件的客户" if lang == "zh" else "Matching customers"


def listed_ids(answer: dict[str, Any]) -> list[str]:
    """The customers of an answer still in JSON (a change list) in the order chat lists them:
    its `listed` order, else a `ranking`'s, else `customers` as given."""
    listed = answer.get("listed")
    if isinstance(listed, list):
        return [str(c) for c in listed]
    ranked = answer.get("ranking")
    if isinstance(ranked, list) and ranked:
        return [str(r["external_userid"]) for r in ranked]
    return [str(c) for c in answer.get("customers") or []]


def list_reply(
    session: Session, ctx: CommandContext, userid: str, answer: SegmentAnswer, lang: str
) -> str:
    """Count first, the restated segment, up to 10 rows with the question's facts, and how
    to see more; in Traditional characters when the question was (`script` "hant")."""
    return customers_reply(
        session,
        ctx,
        userid,
        answer.ordered(),
        description=answer.description,
        count=answer.count,
        segment=to_json(answer.segment),
        note=scope_line(answer),
        hant=answer.script == HANT,
        lang=lang,
    )


def customers_reply(
    session: Session,
    ctx: CommandContext,
    userid: str,
    customers: list[str],
    *,
    description: str,
    count: int,
    segment: dict[str, Any] | None,
    note: str,
    hant: bool,
    lang: str,
) -> str:
    """A list's first page (of a segment's customers, or of a change list: `segment` None),
    remembered for "更多"; `note` is the scope line."""
    description = _description(description, lang)
    tree = segment_of(segment)
    # A list asked in Traditional characters pages on in them ("更多" reads the same in both).
    language = HANT if hant else lang
    if count == 0 or not customers:
        remember_list(session, userid, description=description, customers=[], shown=0,
                      segment=None, lang=language, now=ctx.now)  # fmt: skip
        text = say("none", lang, description=description) + note
        return to_traditional(text, shown_words(session, [], description, tree)) if hant else text
    page = customers[:PAGE_SIZE]
    rows = load_rows(session, page, tree, ctx=ctx.engine, lang=lang, now=ctx.now)
    head = say("total", lang, description=description, count=count) + note
    text, shown = list_page(head, rows, first_number=1, total=len(customers), lang=lang)
    remember_list(session, userid, description=description, customers=customers, shown=shown,
                  segment=segment, lang=language, now=ctx.now)  # fmt: skip
    return to_traditional(text, shown_words(session, page, description, tree)) if hant else text


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
    hant = state.language == HANT
    asked = lang  # "next page" after a Chinese list: "no more" is said in English
    lang = "zh" if hant else (state.language or lang)
    text, page = _more_text(session, ctx, requester, state, lang, size, asked)
    words = shown_words(session, page, state.description, segment_of(state.segment))
    return to_traditional(text, words) if hant else text


def _more_text(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    state: ChatState,
    lang: str,
    size: int,
    asked: str | None = None,
) -> tuple[str, list[str]]:
    """The next page's text and the customers it lists (in the list's language; the bot's own
    words that no page follows, in the language `asked` in)."""
    if expired(state, ctx.now):
        return say("list_expired", asked or lang), []
    page = visible_page(session, requester, state, _page_size(size))
    if not page:
        return say("no_more", asked or lang), []
    customers = list(state.customers or [])
    # The facts as the list was answered: its windows ("近90天") are those of page 1.
    rows = load_rows(session, page, segment_of(state.segment), ctx=ctx.engine, lang=lang,
                     now=state.updated_at)  # fmt: skip
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
    return text, page[:shown]


def more_page(
    session: Session, ctx: CommandContext, requester: Requester, lang: str, size: int = 0
) -> dict[str, Any]:
    """The next page of the member's last list as query JSON (`segbot query "更多" --after`),
    checked like more_reply's."""
    state = last_list(session, requester.userid)
    if state is None:
        return {"intent": "more", "message": say("no_list", lang)}
    lang = "zh" if state.language == HANT else (state.language or lang)
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


def count_reply(answer: CountAnswer, lang: str) -> str:
    """ "{description}：共 N 人", and the scope note when the count was narrowed to it."""
    description = _description(answer.description, lang)
    lines = [say("count", lang, description=description, count=answer.count)]
    if answer.scope_note:
        lines.append(answer.scope_note)
    return clip("\n".join(lines))


def clarify_reply(answer: ClarifyAnswer, lang: str) -> str:
    """The question back with its numbered suggestions."""
    return clarify(answer.message or say("busy", lang), answer.suggestions, lang)


def generic_reply(answer: Answer, lang: str) -> str:
    """Intents without a reply of their own: their message, else their number."""
    if isinstance(answer, SegmentAnswer):
        head = say("count", lang, description=_description(answer.description, lang),
                   count=answer.count)  # fmt: skip
        return clip(head + scope_line(answer))
    message = getattr(answer, "message", None)
    if message is None and isinstance(answer, dict):
        message = answer.get("message")
    if message:
        return clip(str(message))
    if isinstance(answer, dict) and "count" in answer:
        description = _description(str(answer.get("description") or ""), lang)
        head = say("count", lang, description=description, count=answer["count"])
        return clip(head + scope_line(answer))
    return say("busy", lang)
