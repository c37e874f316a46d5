"""The conversation intents' answers (breakdown, customer card, membership changes, digest,
my segments) as the JSON of `segbot query --json`; the chat formats them (bot.commands)."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, Literal

import opencc
from sqlalchemy.orm import Session

from bot.services.answer import (
    BreakdownAnswer,
    BreakdownGroup,
    CardAnswer,
    CardMatch,
    ChangesAnswer,
    ChangeWindow,
    ClarifyAnswer,
    DigestAnswer,
    SavedAnswer,
    SavedRow,
)
from bot.services.campaigns.settings import CampaignSettings
from bot.services.card_facts import AskedFact, asked_facts
from bot.services.customer_card import customer_card, find_visible, match_details
from bot.services.digest.build import DigestConfig, build_digest
from bot.services.digest.model import Digest
from bot.services.digest.people import scope_staff
from bot.services.digest.render import render_markdown
from segmentation import kinds
from segmentation.breakdown import NONE, Breakdown, UnknownTagGroup, breakdown, only_groups
from segmentation.channels import add_way_name
from segmentation.compiler import SegmentError
from segmentation.engine import EngineContext
from segmentation.membership import lost_customers, segment_changes
from segmentation.nlq import Command
from segmentation.nlq.card_asks import CardAsk, asks_from_json
from segmentation.nlq.cities import city_english, listed_cities
from segmentation.nodes import Node
from segmentation.saved import list_saved_segments
from segmentation.scope import CteNames, Requester
from segmentation.tag_questions import tags_of
from segmentation.text import normalize
from segmentation.windows import resolve_window

log = logging.getLogger(__name__)

TOP_GROUPS = 8
_CJK = re.compile(r"[\u3400-\u9fff]")
NONE_LABEL = {
    "owner": ("无跟进人", "no owner"),
    "department": ("无部门", "no department"),
    "city": ("未知城市", "no city"),
    "tag": ("未打标签", "no tag"),
    "rfm": ("无订单", "no orders"),
    "month": ("未知", "unknown"),
    "channel": ("无渠道", "no channel"),
    "category": ("无品类记录", "no category"),
    "product": ("无商品记录", "no product"),
}
DIMENSION_WORDS = {
    "owner": ("跟进人", "owner"),
    "department": ("部门", "department"),
    "city": ("城市", "city"),
    "tag": ("标签", "tag"),
    "rfm": ("RFM分类", "RFM class"),
    "month": ("首次添加月份", "month first added"),
    "channel": ("渠道", "channel"),
    "category": ("品类", "category"),
    "product": ("商品", "product"),
}


@lru_cache(maxsize=1)
def _s2tw() -> opencc.OpenCC:
    return opencc.OpenCC("s2tw")  # as the chat writes Traditional replies (bot.commands.script)


def clarify(message: str, suggestions: list[str] | None = None) -> dict[str, Any]:
    return ClarifyAnswer(message, tuple(suggestions or ())).to_json()


def extra_answer(
    session: Session,
    command: Command,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
) -> BreakdownAnswer | CardAnswer | ChangesAnswer | DigestAnswer | dict[str, Any]:
    """The answer to a conversation command (parser intents_extra.EXTRA_INTENTS); a question
    back (no such tag group, customer …) is its JSON."""
    lang = "zh" if command.language == "zh" else "en"
    answer: BreakdownAnswer | CardAnswer | ChangesAnswer | DigestAnswer | dict[str, Any]
    if command.intent == "breakdown":
        answer = breakdown_answer(session, command, requester, now, ctx, lang)
    elif command.intent == "customer":
        answer = card_answer(session, command, requester, now, ctx, lang)
    elif command.intent == "changes":
        answer = changes_answer(session, command, requester, now, ctx, lang)
    else:
        answer = digest_answer(session, requester, now, ctx, lang)
    if command.details.get("script") != "hant":
        return answer
    if isinstance(answer, dict):
        return {**answer, "script": "hant"}
    return replace(answer, script="hant")


# ---------------------------------------------------------------- breakdowns


def breakdown_answer(
    session: Session,
    command: Command,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    lang: str,
) -> BreakdownAnswer | dict[str, Any]:
    assert command.segment is not None
    by = str(command.details["by"])
    group = command.details.get("group")
    try:
        result = breakdown(
            session, command.segment, by, requester=requester, now=now, ctx=ctx, tag_group=group
        )
    except UnknownTagGroup as exc:
        if lang == "zh":
            return clarify(f"没有叫“{exc.name}”的标签组。现有的标签组：", exc.groups[:3])
        return clarify(
            f"There is no tag group named “{exc.name}”. The tag groups are:", exc.groups[:3]
        )
    if command.details.get("only"):  # "上海和北京各多少": the values named, each one
        result = only_groups(result, map(str, command.details["only"]))
    answer = breakdown_of(
        result, command.segment, command.description, ctx, lang, command.details.get("script")
    )
    extreme = command.details.get("extreme")
    if extreme:
        groups = command.details.get("extreme_groups")
        answer = replace(answer, extreme=str(extreme), extreme_groups=int(groups or 1))
    return replace(answer, aside=True) if command.details.get("whose") else answer


def breakdown_of(
    result: Breakdown,
    node: Node,
    description: str,
    ctx: EngineContext,
    lang: str,
    script: str | None = None,
) -> BreakdownAnswer:
    """The typed answer of a breakdown, its groups named in the asker's language; `script`
    "hant" when the question was in Traditional characters (the cities' names are then in
    them too)."""
    return BreakdownAnswer(
        by=result.by,
        by_label=dimension_label(result.by, lang, result.tag_group),
        language=lang,
        tag_group=result.tag_group,
        segment=node,
        description=description,
        count=result.total,
        overlapping=result.overlapping,
        top=TOP_GROUPS,
        groups=tuple(
            BreakdownGroup(
                g.key, group_label(result.by, g.key, g.label, ctx, lang, script), g.count
            )
            for g in result.groups
        ),
    )


def dimension_label(by: str, lang: str, tag_group: str | None = None) -> str:
    """The dimension's name in the asker's language (a kind's own: its Dimension's); tags of
    one group are named by it ("按“客户等级”标签分", "by 客户等级 tag"), so the heading still
    says which tags after the breakdown is narrowed ("其中上海的呢")."""
    if by == "tag" and tag_group:
        return f"“{tag_group}”标签" if lang == "zh" else f"{tag_group} tag"
    declared = kinds.dimensions().get(by)
    words = declared.label if declared is not None else DIMENSION_WORDS[by]
    return words[0 if lang == "zh" else 1]


def group_label(
    by: str, key: str, label: str, ctx: EngineContext, lang: str, script: str | None = None
) -> str:
    """A group's name in the asker's language: a listed city's in their script, or in English
    with the name the customer records use beside it ("Shanghai (上海)", as RFM classes are);
    names of people, tags and unlisted cities as they are stored."""
    zh = lang == "zh"
    declared = kinds.dimensions().get(by)
    if declared is not None:  # a kind's own dimension names its values
        words = declared.none if key == NONE else declared.values.get(key, (key, key))
        return words[0 if zh else 1]
    if key == NONE:
        return NONE_LABEL[by][0 if zh else 1]
    if by == "city" and key in listed_cities():
        if not zh:  # the stored name beside it, as the customer records write it
            return f"{city_english(key)} ({key})"
        return _s2tw().convert(key) if script == "hant" else key
    if by == "rfm":
        entry = ctx.named.get(key)
        return (entry.display_zh if zh else entry.display_en_with_zh) if entry else key
    if by == "channel" and key.startswith("add_way:"):
        code = key.removeprefix("add_way:")
        if code.isdigit():
            return add_way_name(int(code), "zh" if zh else "en")
    return label or key


# ---------------------------------------------------------------- customer cards


def card_answer(
    session: Session,
    command: Command,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    lang: str,
) -> CardAnswer | dict[str, Any]:
    name = command.details.get("customer")
    tail = command.details.get("phone_tail")
    matches = find_visible(
        session, requester, now=now, ctx=ctx, name=str(name) if name else None, phone_tail=tail
    )
    query = str(name or tail or "")
    if not matches:
        return _nobody(command, query, tail, lang) | {"about": "customer"}
    card = None
    details: dict[str, tuple[tuple[str, ...], str]] = {}
    asked: tuple[AskedFact, ...] = ()
    if len(matches) == 1:
        card = customer_card(session, matches[0][0], requester=requester, now=now, ctx=ctx)
        asks = asks_from_json(command.details.get("asks"))
        if card is not None and asks:
            asked = asked_facts(session, card.external_userid, asks, now)
    else:
        details = match_details(session, [eid for eid, _ in matches])
    return CardAnswer(
        query,
        "phone_tail" if tail else "name",
        tuple(CardMatch(eid, n, *details.get(eid, ((), ""))) for eid, n in matches),
        card,
        language=lang,
        asked=asked,
    )


def _nobody(command: Command, query: str, tail: object, lang: str) -> dict[str, Any]:
    """The question back when no customer the asker may see is the one asked for (the same
    words whether someone out of their scope has that name or nobody has)."""
    fallback = command.details.get("fallback")
    if isinstance(fallback, dict) and not _only_about(fallback, query):
        # "查一下X" where X is neither a condition nor a customer: what X could be, asked
        return clarify(str(fallback.get("message")), list(fallback.get("suggestions") or []))
    if tail:
        return clarify(
            f"没有找到手机尾号为{tail}的客户。"
            if lang == "zh"
            else f"No customer of yours has a phone ending in {tail}."
        )
    return clarify(
        f"没有找到客户“{query}”。" if lang == "zh" else f"No customer of yours is called “{query}”."
    )


def _only_about(fallback: dict[str, Any], name: str) -> bool:
    """Whether a question back was only "did not understand X" about the name looked up, with
    nothing to suggest ("找一下王静"): no customer called so is the answer to give."""
    quoted = set(re.findall(r"“([^”]+)”", str(fallback.get("message") or "")))
    return not fallback.get("suggestions") and quoted in ({name}, {normalize(name)})


def picked_card(
    session: Session,
    eid: str,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    asks: tuple[CardAsk, ...] = (),
) -> CardAnswer | None:
    """The answer for one picked customer (None when no longer visible), with what `asks`
    asks of their history ("他买过什么") answered."""
    card = customer_card(session, eid, requester=requester, now=now, ctx=ctx)
    if card is None:
        return None
    asked = asked_facts(session, eid, asks, now) if asks else ()
    return CardAnswer(card.name, "pick", (CardMatch(eid, card.name),), card, asked=asked)


# ---------------------------------------------------------------- membership changes


def changes_answer(
    session: Session,
    command: Command,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    lang: str,
) -> ChangesAnswer | dict[str, Any]:
    details = command.details
    interval = resolve_window(details["window"], now, ctx.timezone)
    assert interval is not None
    start, end = interval[0], min(interval[1], now)
    change = str(details["change"])
    when = str(details.get("window_text") or "")
    zh = lang == "zh"
    window = ChangeWindow(start, end, when, bool(details.get("window_default")))
    if change == "lost":
        team = scope_staff(requester, CteNames())
        ids = lost_customers(session, team, start, end + timedelta(microseconds=1))
        description = f"{when}流失的客户" if zh else f"customers lost {when}"
        return ChangesAnswer(change, window, "follows", description, tuple(ids))
    assert command.segment is not None
    target = _target_words(command.description, zh)
    return segment_change_answer(
        session, command.segment, target, change, window, requester, now, ctx, lang
    )


def segment_change_answer(
    session: Session,
    segment: Node,
    target: str,
    change: str,
    window: ChangeWindow,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    lang: str,
) -> ChangesAnswer | dict[str, Any]:
    """Who entered or left `segment` (named `target` in the reply) in `window`; also asked
    the other way round after a change list ("离开的呢")."""
    zh, start, when = lang == "zh", window.start, window.text
    try:
        found = segment_changes(
            session, segment, change, start=start, requester=requester, now=now, ctx=ctx,
            end=window.end,
        )  # fmt: skip
    except SegmentError as exc:
        log.info("membership change could not be computed: %s", exc)
        return clarify(
            ("无法计算这个分群：" if zh else "That segment cannot be evaluated: ") + str(exc)
        )
    tags = tags_of(segment)
    since = None
    if found.source == "tag_history" and tags:
        description = _tag_change_words(tuple(t.name for t in tags), change, when, zh)
        since = found.recorded_since
    elif zh:
        verb = "新进入" if change == "entered" else "离开"
        description = f"{when}{verb}“{target}”的客户"
    else:
        verb = "entered" if change == "entered" else "left"
        description = f"customers who {verb} “{target}” {when}"
    return ChangesAnswer(
        change,
        window,
        found.source,
        description,
        tuple(found.customers),
        target=target,
        target_segment=segment,
        current_only=found.current_only,
        recorded_since=since,
        partial=since is not None and since > start,  # the period began before recording did
    )


def _tag_change_words(tags: tuple[str, ...], change: str, when: str, zh: bool) -> str:
    """ "近7天新打上“VIP”标签的客户" / "customers who got the tag “VIP” in the last 7 days";
    several tags are any of them ("“VIP”或“高意向”")."""
    if zh:
        verb = "新打上" if change == "entered" else "被去掉"
        return f"{when}{verb}{'或'.join(f'“{t}”' for t in tags)}标签的客户"
    named = " or ".join(f"“{t}”" for t in tags)
    if change == "entered":
        return f"customers who got the tag {named} {when}"
    return f"customers whose tag {named} was removed {when}"


def _target_words(description: str, zh: bool) -> str:
    """ "属于“高意向客户”的客户" → 高意向客户: the segment's own name when it is one."""
    quoted = re.findall(r"“([^”]+)”", description)
    if len(quoted) == 1 and (
        description.startswith("属于") or description.startswith("customers who are")
    ):
        return quoted[0]
    return description.removeprefix("customers who are ")


# ---------------------------------------------------------------- digest


def digest_for(
    session: Session,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    campaigns: CampaignSettings | None = None,
    admins: frozenset[str] = frozenset(),
) -> Digest:
    """The asker's digest now: a manager's or admin's own; a salesperson's for their own
    customers (the same numbers, in their scope)."""
    config = DigestConfig(
        engine=ctx,
        campaigns=campaigns or CampaignSettings(timezone=ctx.timezone),
        admins=admins,
    )
    return build_digest(session, requester, now, config, on_demand=True)


def digest_answer(
    session: Session, requester: Requester, now: datetime, ctx: EngineContext, lang: str
) -> DigestAnswer:
    digest = digest_for(session, requester, now, ctx)
    language: Literal["zh", "en"] = "zh" if lang == "zh" else "en"
    return DigestAnswer(requester.role, render_markdown(digest, language), digest.to_json())


# ---------------------------------------------------------------- my segments


def saved_overview(
    session: Session, requester: Requester, now: datetime, ctx: EngineContext, lang: str
) -> SavedAnswer:
    """The asker's own saved segments, then the others' (shared with everyone), each with its
    owner, its size now and a week ago in the asker's scope, and its definition in words."""
    from bot.services.digest.segments import KeySegment, count_at
    from segmentation.nlq import load_vocabulary
    from segmentation.nlq.restate import describe
    from segmentation.saved import expand_saved, saved_definition

    rows = list_saved_segments(session)
    rows.sort(key=lambda r: (r.owner_userid != requester.userid, r.name))
    vocab = load_vocabulary(session, ctx.named)
    usable: list[tuple[Any, Node, KeySegment]] = []
    broken = []
    for row in rows:
        try:
            node = saved_definition(row)
            usable.append(
                (
                    row,
                    node,
                    KeySegment(row.name, row.name, row.name, "saved", expand_saved(session, node)),
                )
            )
        except SegmentError as exc:
            log.warning("saved segment %r left out of the list: %s", row.name, exc)
            broken.append(row)
    keys = [k for _, _, k in usable]
    sizes_now = count_at(session, keys, requester=requester, at=now, ctx=ctx)[1] if keys else []
    week = now - timedelta(days=7)
    sizes_week = count_at(session, keys, requester=requester, at=week, ctx=ctx)[1] if keys else []
    names = _staff_names(session, {r.owner_userid for r in rows})
    return SavedAnswer(
        tuple(
            SavedRow(
                name=row.name,
                owner=row.owner_userid,
                owner_name=names.get(row.owner_userid) or row.owner_userid,
                mine=row.owner_userid == requester.userid,
                description=_saved_words(row.description, node, lang, now, ctx, vocab, describe),
                size=sizes_now[index],
                week_ago=sizes_week[index],
            )
            for index, (row, node, _key) in enumerate(usable)
        )
    )


def _saved_words(
    stored: str, node: Node, lang: str, now: datetime, ctx: EngineContext, vocab: Any, describe: Any
) -> str:
    """The definition in the asker's language: the stored words when they are in it, else the
    tree restated (an English description is never shown to a Chinese asker, nor the reverse)."""
    stored = (stored or "").strip()
    if stored and bool(_CJK.search(stored)) == (lang == "zh"):
        return stored
    try:
        return str(describe(node, lang, now, ctx.timezone, vocab))
    except (SegmentError, ValueError, KeyError) as exc:  # a stale name in an old definition
        log.info("saved segment could not be restated: %s", exc)
        return ""


def _staff_names(session: Session, userids: set[str]) -> dict[str, str]:
    from sqlalchemy import select

    from segmentation.models import Staff

    if not userids:
        return {}
    stmt = select(Staff.userid, Staff.name).where(Staff.userid.in_(sorted(userids)))
    return {u: n or u for u, n in session.execute(stmt)}
