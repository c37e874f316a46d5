"""Each member's conversation: one small typed record, read and written only here.

What a follow-up can refer to (spec/commands.md §2c): the previous answer's segment
("这些/其中/of these"), a question back still waiting for its pick ("1", "第一个", "是"),
and the campaign last discussed ("刚才那个活动", "that campaign"). Every part expires
24 hours after it was set, and nothing here is trusted as an answer: the segment is
evaluated again, in the asker's scope, whenever it is used; a campaign is looked up again
among those the asker may see. The list being paged ("更多") is kept by paging.py.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.orm import Session

from bot.models.conversations import ConversationState
from bot.services.answer import (
    Answer,
    BreakdownAnswer,
    CardAnswer,
    ChangesAnswer,
    ClarifyAnswer,
    CountAnswer,
    DigestAnswer,
    SavedAnswer,
    SegmentAnswer,
)
from segmentation.nodes import to_json

log = logging.getLogger(__name__)

EXPIRY = timedelta(hours=24)
SEGMENT = "segment"  # a question back about a segment command: the pick is substituted
CAMPAIGN = "campaign"  # "which campaign?": the pick is one of `options` (campaign ids)
SWAP = "swap"  # "which window does 近90天 replace?": the pick is one of `segments`
CARD = "card"  # "several customers are called 王静: which one?": the pick is one of `customers`
EARLIER = "earlier"  # "which of the earlier lists?": the pick is one of `answers`
# "国庆 is no period I can read: which one?" (no suggestions): a period alone answers it, put in
# the original question in place of the word asked about.
PERIOD = "period"
# "what should the message say?" / "which coupon?" / "to whom?" after an action: the part
# given next is put into the original action (`word`: which part; bot/commands/content_reply).
CONTENT = "content"

# What the previous answer showed, so "导出这个" / "这些里…" after it refer to it:
LIST = "segment"  # customers of a segment (a list, count, description, action …)
BREAKDOWN = "breakdown"  # a table of counts per group of a segment
CHANGES = "changes"  # a list of membership changes (stored for paging; no segment)
CUSTOMER = "customer"  # one customer's card
DIGEST = "digest"  # the digest (a report, no list)
SAVED = "saved"  # the list of saved segments (a table of segments, no customers)
# A CUSTOMER record's intent when the card asked for found nobody: no customer, no list.
NOBODY = "nobody"


# One customer by a pronoun or "this customer" (normalised: simplified, lower case): the
# customer of the card just shown, in questions about them and in actions on them.


@dataclass(frozen=True)
class PreviousAnswer:
    """The segment the member was last answered about (canonical JSON), as restated."""

    segment: dict[str, Any]
    description: str
    intent: str
    language: str
    at: datetime
    # When it refined an earlier answer: that answer's segment and what kinds of condition
    # the refinement added, so "男的呢" after "其中女性有几个" asks about the same customers.
    parent: dict[str, Any] | None = None
    added: tuple[str, ...] = ()
    # What was shown (LIST, BREAKDOWN, CHANGES, CUSTOMER, DIGEST, SAVED); only LIST and
    # BREAKDOWN have a segment to narrow. A breakdown keeps its grouping ({"by", "tag_group"}),
    # a card its customer's external_userid, a change list what changed.
    kind: str = LIST
    breakdown: dict[str, Any] | None = None
    customer: str | None = None
    change: str | None = None
    # A card shown over a list (its row "第3个", or any customer looked up after it): that
    # list's record. A card is one customer, not "these": 这些里男的 / 按城市分 / 更多 after
    # it still mean the list, while 她 / 导出这个 mean the card's customer.
    behind: dict[str, Any] | None = None
    # How many customers it had, so "那6个人" / "those four" can find it again later.
    count: int | None = None
    # A change list of a segment: its period and the segment's words, so "离开的呢" / "and
    # who came in?" asks the other way round (its `segment` is the segment entered or left).
    period: dict[str, Any] | None = None
    # An action that reached nobody (no card was made): what it carried (the coupon, the
    # message, the tag), so the same request for other customers ("just my own VIPs then")
    # is that action again, on a card.
    details: dict[str, Any] | None = None

    @property
    def shown(self) -> str:
        """What the answer showed, as the replies name it (texts' shown_…)."""
        return NOBODY if self.kind == CUSTOMER and self.intent == NOBODY else self.kind

    @property
    def has_segment(self) -> bool:
        return self.kind in (LIST, BREAKDOWN) and bool(self.segment)

    def with_list(self) -> PreviousAnswer:
        """What "these" means after this answer: itself, or the list a card was shown over."""
        if self.kind == CUSTOMER and self.behind:
            shown = _read(PreviousAnswer, self.behind)
            if isinstance(shown, PreviousAnswer):
                return shown
        return self


def is_table_thread(previous: PreviousAnswer) -> bool:
    """Whether a breakdown shown is the thread's question (a swap repeats the table), not an
    aside about the answer before it ("都是谁的")."""
    return bool(previous.breakdown) and not (previous.breakdown or {}).get("aside")


def _layered(shown: PreviousAnswer | None, before: PreviousAnswer | None) -> PreviousAnswer | None:
    """`shown` as the new previous answer: a card keeps the list it was shown over."""
    if shown is None or shown.kind != CUSTOMER or before is None:
        return shown
    listed = before.with_list()
    if listed.kind != LIST or not listed.has_segment:
        return shown
    return replace(shown, behind=_write(listed))


@dataclass(frozen=True)
class PendingQuestion:
    """A question back waiting for a pick: the text it was about, the numbered suggestions,
    and the phrase of `original` they would replace (None: a suggestion is a whole new text).
    For a campaign question, `action` is what was asked and `options` the campaign ids."""

    original: str
    suggestions: tuple[str, ...]
    word: str | None
    language: str
    at: datetime
    kind: str = SEGMENT
    action: str = ""
    options: tuple[int, ...] = ()
    # For SWAP: the segment (canonical JSON) each suggestion stands for.
    segments: tuple[dict[str, Any], ...] = ()
    # For CARD: the external_userid of each numbered customer, in the order listed.
    customers: tuple[str, ...] = ()
    # For EARLIER: the earlier lists offered (PreviousAnswer records), and `original` is
    # what was asked of the one picked ("" to show it again).
    answers: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class LastCampaign:
    campaign_id: int
    at: datetime


@dataclass(frozen=True)
class LastScript:
    """The script of the member's last Chinese message whose characters told ("hant" or
    "hans"): a message the same in both ("其中女性呢") is answered in it."""

    script: str
    at: datetime


@dataclass(frozen=True)
class Conversation:
    previous: PreviousAnswer | None = None
    pending: PendingQuestion | None = None
    campaign: LastCampaign | None = None
    script: LastScript | None = None
    # The lists of segments answered so far, oldest first, each once ("回到刚才那6个人",
    # "back to the first list"): at most HISTORY, each expiring like the rest.
    history: tuple[PreviousAnswer, ...] = ()
    # The lists in the order they were shown, a list shown again right after itself once:
    # "回到上一步" / "undo that" steps back along it (and drops the step it left).
    trail: tuple[PreviousAnswer, ...] = ()
    # The last reply was a question back ("没有找到标签“高意像”，您是指…？"): it showed no
    # answer, so "回上一步" / "undo" right after it goes back to the answer shown before the
    # question — the last step of the trail, not the one before it (issue 19).
    asked_back: bool = False


# How many earlier lists are kept: enough for a conversation's going back, small in the row.
HISTORY = 6


def load(session: Session, userid: str, now: datetime) -> Conversation:
    """The member's conversation as of `now`: expired or unreadable parts are dropped."""
    row = session.get(ConversationState, userid)
    if row is None or not isinstance(row.state, dict):
        return Conversation()
    state = row.state
    return Conversation(
        previous=_fresh(_read(PreviousAnswer, state.get("previous")), now),
        pending=_fresh(_read(PendingQuestion, state.get("pending")), now),
        campaign=_fresh(_read(LastCampaign, state.get("campaign")), now),
        script=_fresh(_read(LastScript, state.get("script")), now),
        history=_history(state.get("history"), now),
        trail=_history(state.get("trail"), now),
        asked_back=state.get("asked_back") is True,
    )


def _history(data: Any, now: datetime) -> tuple[PreviousAnswer, ...]:
    """The kept lists still fresh and readable (a row written before the history has none)."""
    if not isinstance(data, list):
        return ()
    records = (_fresh(_read(PreviousAnswer, item), now) for item in data[-HISTORY:])
    return tuple(r for r in records if isinstance(r, PreviousAnswer))


def with_history(
    history: tuple[PreviousAnswer, ...], shown: PreviousAnswer | None
) -> tuple[PreviousAnswer, ...]:
    """`history` after `shown`: a list of a segment not kept yet is added last (the oldest
    dropped past HISTORY); one kept already is brought up to date where it stands, so "the
    first list" stays the first one asked. A card, the digest … are no list to go back to."""
    if shown is None or not shown.has_segment:
        return history
    for index, kept in enumerate(history):
        if kept.segment == shown.segment and kept.kind == shown.kind:
            return (*history[:index], shown, *history[index + 1 :])
    return (*history, shown)[-HISTORY:]


def with_trail(
    trail: tuple[PreviousAnswer, ...], shown: PreviousAnswer | None
) -> tuple[PreviousAnswer, ...]:
    """`trail` after `shown`: a list of a segment is a step, unless it is the last step
    again (a page, a list shown again after going back to it)."""
    if shown is None or not shown.has_segment:
        return trail
    if trail and _same_list(trail[-1], shown):
        return (*trail[:-1], shown)
    return (*trail, shown)[-HISTORY:]


def _same_list(one: PreviousAnswer, other: PreviousAnswer) -> bool:
    return one.segment == other.segment and one.kind == other.kind


def step_back(
    conversation: Conversation,
) -> tuple[PreviousAnswer | None, tuple[PreviousAnswer, ...]]:
    """The answer one step back ("回到上一步") and the trail once there; None when there is
    no step before. After a card or the digest over the last list, that list is the step; so
    is it after a question back: the step undone is the question, not the answer before it."""
    trail = conversation.trail
    if not trail:
        return None, trail
    shown = conversation.previous
    if conversation.asked_back:
        return trail[-1], trail
    if shown is None or not shown.has_segment or not _same_list(shown, trail[-1]):
        return trail[-1], trail
    if len(trail) < 2:
        return None, trail
    return trail[-2], trail[:-1]


def save(session: Session, userid: str, conversation: Conversation, now: datetime) -> None:
    row = session.get(ConversationState, userid)
    if row is None:
        row = ConversationState(userid=userid, state={}, updated_at=now)
        session.add(row)
    row.state = {
        "previous": _write(conversation.previous),
        "pending": _write(conversation.pending),
        "campaign": _write(conversation.campaign),
        "script": _write(conversation.script),
        "history": [_write(h) for h in conversation.history],
        "trail": [_write(h) for h in conversation.trail],
        "asked_back": conversation.asked_back,
    }
    row.updated_at = now


def remember_answer(
    session: Session,
    userid: str,
    answer: Answer,
    *,
    question: PendingQuestion | None,
    lang: str,
    now: datetime,
) -> None:
    """After an answer: whatever it showed — customers of a segment, a breakdown table, a
    change list, a card, the digest — becomes "the previous answer", a question back with
    suggestions waits for its pick, and any older pending question is gone."""
    conversation = load(session, userid, now)
    previous = _layered(previous_from(answer, lang, now), conversation.previous)
    previous = _as_aside(previous, conversation.previous)
    asked_back = previous is None and _asks_back(answer)
    if previous is None:  # a question back, help …: what was shown before is still "these"
        previous = conversation.previous
    history = with_history(conversation.history, previous)
    trail = with_trail(conversation.trail, previous)
    changed = replace(
        conversation,
        previous=previous,
        pending=question,
        history=history,
        trail=trail,
        asked_back=asked_back,
    )
    save(session, userid, changed, now)


def _asks_back(answer: Answer) -> bool:
    """Whether `answer` is a question back: a clarification, or "which 王静?" (a card query
    that several customers match, no card shown yet)."""
    if isinstance(answer, CardAnswer):
        return answer.card is None
    return isinstance(answer, ClarifyAnswer)


def _as_aside(shown: PreviousAnswer | None, before: PreviousAnswer | None) -> PreviousAnswer | None:
    """An aside table ("都是谁的" after "新客户有几个") keeps the thread's question: its intent
    is the one asked before it, so "上个月新加的呢" next is counted again, not tabled."""
    if shown is None or shown.kind != BREAKDOWN or not (shown.breakdown or {}).get("aside"):
        return shown
    if before is None or before.kind != LIST or before.intent not in ("list", "count"):
        return replace(shown, breakdown={**(shown.breakdown or {}), "aside": False})
    return replace(shown, intent=before.intent)


def remember_asked_tag(session: Session, userid: str, tag: str, now: datetime) -> None:
    """A yes/no about one tag of the card's customer ("她是VIP吗"): the card stays the previous
    answer, with that tag noted, so "把这个标签去掉" next is that tag even when she has several."""
    conversation = load(session, userid, now)
    shown = conversation.previous
    if shown is None or shown.kind != CUSTOMER:
        return
    noted = replace(shown, details={**(shown.details or {}), "asked_tag": tag})
    save(session, userid, replace(conversation, previous=noted), now)


def remember_shown(session: Session, userid: str, previous: PreviousAnswer, now: datetime) -> None:
    """What an answer outside the query path showed (the digest, a picked card) is now the
    previous answer; a pending question is answered by it."""
    conversation = load(session, userid, now)
    shown = _layered(previous, conversation.previous)
    history = with_history(conversation.history, shown)
    trail = with_trail(conversation.trail, shown)
    changed = replace(
        conversation, previous=shown, pending=None, history=history, trail=trail, asked_back=False
    )
    save(session, userid, changed, now)


def recall(
    session: Session,
    userid: str,
    earlier: PreviousAnswer,
    now: datetime,
    trail: tuple[PreviousAnswer, ...] | None = None,
) -> None:
    """An earlier list gone back to ("回到刚才那6个人") is "these" again: what follows
    narrows it, and what it shows next becomes the previous answer as usual. A step back
    gives the trail without the step it left, so stepping back again goes further."""
    conversation = load(session, userid, now)
    changed = replace(conversation, previous=replace(earlier, at=now), asked_back=False)
    if trail is not None:
        changed = replace(changed, trail=trail)
    save(session, userid, changed, now)


# Actions a request for other customers may say again, and what of them it keeps.
_ACTIONS = ("push", "schedule", "tag", "untag")
_ACTION_CONTENT = ("tag", "message", "coupon", "schedule", "per_customer", "script")


def _unmade_action(answer: CountAnswer | SegmentAnswer) -> dict[str, Any] | None:
    """What an action that reached nobody carried; None for anything else (a card made is
    changed by the card's own words, never said again from here)."""
    if not isinstance(answer, SegmentAnswer) or answer.intent not in _ACTIONS or answer.count:
        return None
    return answer.action.items(_ACTION_CONTENT) or None


def previous_from(answer: Answer, lang: str, now: datetime) -> PreviousAnswer | None:
    """The record of what `answer` showed, or None when it showed nothing to refer back to."""
    if isinstance(answer, SegmentAnswer) and answer.named is not None:
        # An action on a named customer: "她" next is that customer, "these" is no segment.
        eid = answer.named[0] if len(answer.named) == 1 else None
        return PreviousAnswer({}, answer.description[:300], answer.intent, lang, now,
                              kind=CUSTOMER, customer=eid)  # fmt: skip
    if isinstance(answer, BreakdownAnswer):
        spec = {"by": answer.by, "tag_group": answer.tag_group, "aside": answer.aside}
        # the rows as the table showed them, so "第一组" / "the first group" opens one
        spec["rows"] = [[g.key, g.label] for g in answer.groups[: answer.top]]
        if answer.extreme:  # "最多的是：张三": "看看他的" / "show me theirs" opens that row
            spec["extreme"], spec["ties"] = answer.extreme, answer.extreme_groups
        return PreviousAnswer(to_json(answer.segment), answer.description[:300], answer.intent,
                              lang, now, kind=BREAKDOWN, breakdown=spec,
                              count=answer.count)  # fmt: skip
    if isinstance(answer, DigestAnswer):  # a report, no list
        return PreviousAnswer({}, "", answer.intent, lang, now, kind=DIGEST)
    if isinstance(answer, SavedAnswer):  # a table of segments, no customers
        return PreviousAnswer({}, "", answer.intent, lang, now, kind=SAVED)
    if isinstance(answer, ChangesAnswer):  # a list of customers with no segment to narrow
        target = answer.target_segment
        period = None if target is None else {**answer.window.to_json(), "target": answer.target}
        return PreviousAnswer({} if target is None else to_json(target),
                              answer.description[:300], answer.intent, lang, now,
                              kind=CHANGES, change=answer.change, period=period)  # fmt: skip
    if isinstance(answer, ClarifyAnswer) and answer.about == CUSTOMER:
        # A card asked for that found nobody: no customer to say 她 of, but a name next
        # ("那Judy呢") is another customer asked about, and "these" still means the list.
        return PreviousAnswer({}, "", NOBODY, lang, now, kind=CUSTOMER)
    if isinstance(answer, CardAnswer):
        if answer.card is None:  # "which 王静?": nothing shown yet
            return None
        card = answer.card
        return PreviousAnswer({}, card.name, answer.intent, lang, now, kind=CUSTOMER,
                              customer=card.external_userid or None)  # fmt: skip
    if isinstance(answer, (CountAnswer, SegmentAnswer)):
        refined = answer.refined
        return PreviousAnswer(
            segment=to_json(answer.segment),
            description=answer.description[:300],
            intent=answer.intent,
            language=lang,
            at=now,
            parent=None if refined is None else to_json(refined.parent),
            added=() if refined is None else refined.added,
            count=answer.count,
            details=_unmade_action(answer),
        )
    if not isinstance(answer, dict):  # a question back, help …: nothing shown
        return None
    intent = str(answer.get("intent") or "list")
    description = str(answer.get("description") or "")[:300]
    segment = answer.get("segment")
    if intent == "breakdown" and isinstance(segment, dict):
        spec = {"by": answer.get("by"), "tag_group": answer.get("tag_group")}
        return PreviousAnswer(
            segment,
            description,
            intent,
            lang,
            now,
            kind=BREAKDOWN,
            breakdown=spec,
            count=_count_of(answer),
        )
    if isinstance(segment, dict):
        refined = answer.get("refined")
        refined = refined if isinstance(refined, dict) else {}
        parent = refined.get("parent")
        return PreviousAnswer(
            segment=segment,
            description=description,
            intent=intent,
            language=lang,
            at=now,
            parent=parent if isinstance(parent, dict) else None,
            added=tuple(str(k) for k in refined.get("added") or ()),
            count=_count_of(answer),
        )
    if intent == "changes" and "customers" in answer:
        change = str(answer.get("change") or "")
        return PreviousAnswer({}, description, intent, lang, now, kind=CHANGES, change=change)
    card = answer.get("card")
    if intent == "customer" and isinstance(card, dict):
        eid = str(card.get("external_userid") or "")
        name = str(card.get("name") or "")
        return PreviousAnswer({}, name, intent, lang, now, kind=CUSTOMER, customer=eid or None)
    if intent == "digest":
        return PreviousAnswer({}, "", intent, lang, now, kind=DIGEST)
    if intent == "show_saved":
        return PreviousAnswer({}, "", intent, lang, now, kind=SAVED)
    return None


def _count_of(answer: dict[str, Any]) -> int | None:
    count = answer.get("count")
    return count if isinstance(count, int) and not isinstance(count, bool) else None


def ask_pending(session: Session, userid: str, question: PendingQuestion, now: datetime) -> None:
    conversation = load(session, userid, now)
    save(session, userid, replace(conversation, pending=question, asked_back=True), now)


def start_new_topic(session: Session, userid: str, now: datetime) -> None:
    """ "换个问题：…", "different question: …": the next question is read on its own — the
    last answer (and any question back) is no longer "these"; the earlier lists stay, so
    going back to one still works."""
    conversation = load(session, userid, now)
    if conversation.previous is not None or conversation.pending is not None:
        save(session, userid, replace(conversation, previous=None, pending=None), now)


def forget_pending(session: Session, userid: str, now: datetime) -> None:
    conversation = load(session, userid, now)
    if conversation.pending is not None:
        save(session, userid, replace(conversation, pending=None), now)


def remember_campaign(session: Session, userid: str, campaign_id: int, now: datetime) -> None:
    conversation = load(session, userid, now)
    save(session, userid, replace(conversation, campaign=LastCampaign(campaign_id, now)), now)


def reply_script(session: Session, userid: str, script: str, now: datetime) -> str:
    """The script to answer a Chinese message in: its own when its characters tell (and then
    remembered), else the one the member last wrote in."""
    conversation = load(session, userid, now)
    if script:
        if conversation.script is None or conversation.script.script != script:
            save(session, userid, replace(conversation, script=LastScript(script, now)), now)
        return script
    return conversation.script.script if conversation.script is not None else ""


# ---- the JSON record --------------------------------------------------------------------


def _write(part: Any) -> dict[str, Any] | None:
    if part is None:
        return None
    data = asdict(part)
    data["at"] = part.at.isoformat()
    return data


_TUPLES = ("suggestions", "options", "added", "segments", "customers", "answers")


def read_record(data: Any) -> PreviousAnswer | None:
    """A PreviousAnswer record kept in a question back (an earlier list offered)."""
    record = _read(PreviousAnswer, data)
    return record if isinstance(record, PreviousAnswer) else None


def write_record(record: PreviousAnswer) -> dict[str, Any]:
    written = _write(record)
    assert written is not None
    return written


def _read(cls: type[Any], data: Any) -> Any:
    if not isinstance(data, dict):
        return None
    try:
        values = dict(data)
        values["at"] = datetime.fromisoformat(str(values["at"]))
        for key in _TUPLES:
            if key in values:
                values[key] = tuple(values[key])
        return cls(**values)
    except (KeyError, TypeError, ValueError) as exc:
        # A record from an older shape: forget it rather than misread it.
        log.info("dropping an unreadable %s record: %s", cls.__name__, exc)
        return None


def _fresh(part: Any, now: datetime) -> Any:
    if part is None or part.at.tzinfo is None or now - part.at > EXPIRY:
        return None
    return part
