"""Chat replies for the conversation intents: breakdowns (table + chart, "导出这个"), customer
cards (with a numbered pick when several match), membership changes (a pageable list), the
digest on demand, and the saved-segment list.

Replies follow the asker's script: a message in Traditional characters is answered in them.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import Attachment, CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.answers import (
    clarify_reply,
    customers_reply,
    listed_ids,
    scope_line,
    with_scope_note,
)
from bot.commands.change_windows import said_change_window
from bot.commands.context import points_back
from bot.commands.export import export_reply
from bot.commands.focus import focus_period_question, focus_yes_no
from bot.commands.group_pick import points_at_named_group
from bot.commands.named_actions import only_one_listed
from bot.commands.one_export import exported_name, exports_that_one
from bot.commands.paging import expired, last_list, still_visible
from bot.commands.parse_alone import parse_alone
from bot.commands.replies import clip
from bot.commands.rows import PAGE_SIZE, company_names, segment_of, shown_words
from bot.commands.script import to_traditional
from bot.commands.texts import say
from bot.commands.texts_cards import GENDER_WORDS, KIND_ZH_EN, say_card
from bot.models.campaigns import Campaign
from bot.services.answer import (
    Answer,
    BreakdownAnswer,
    BreakdownGroup,
    CardAnswer,
    CardMatch,
    ChangesAnswer,
    ChangeWindow,
    ClarifyAnswer,
    CountAnswer,
    DigestAnswer,
    SavedAnswer,
    SegmentAnswer,
)
from bot.services.breakdown_files import breakdown_workbook, render_breakdown_chart
from bot.services.card_facts import AskedFact
from bot.services.conversation import (
    breakdown_of,
    digest_for,
    dimension_label,
    picked_card,
    segment_change_answer,
)
from bot.services.customer_card import RECENT_DAYS, CustomerCard, Owner, find_visible
from bot.services.digest.chart import render_chart
from bot.services.digest.render import render_markdown
from segmentation.breakdown import NONE, breakdown
from segmentation.channels import add_way_name
from segmentation.models import (
    Customer,
    SavedSegment,
    Tag,
    TagGroup,
)
from segmentation.nlq import Clarification, Command
from segmentation.nlq.card_asks import card_asks
from segmentation.nlq.change_sides import period_words, read_change_side
from segmentation.nlq.focus_questions import bare_yes_no_words, yes_no_words
from segmentation.nlq.followup import is_export_this, read_follow_up
from segmentation.nlq.intents_extra import is_digest_request, is_traditional
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.one_customer import asks_about_customer, asks_card_fact
from segmentation.nodes import SegmentFormatError, from_json, to_json
from segmentation.scope import Requester
from segmentation.text import normalize


def in_script(replies: list[Reply], hant: bool, keep: Iterable[str] = ()) -> list[Reply]:
    """The replies in Traditional characters when the question was written in them. Data in
    them — names of customers, staff, tags, segments, products — stays exactly as stored
    (`keep`): only the bot's own words change script. A reply already converted is kept."""
    if not hant:
        return replies
    keep = list(keep)
    out = []
    for reply in replies:
        if reply.scripted:
            out.append(reply)
            continue
        card = _card_in_script(reply.card, keep) if reply.card is not None else None
        out.append(replace(reply, text=to_traditional(reply.text, keep), card=card, scripted=True))
    return out


# The parts of a template card a member reads; ids, keys and the quoted message (the words
# customers will receive, exactly as they will receive them) stay as they are.
_CARD_TEXT_PATHS = (
    ("source", "desc"),
    ("main_title", "title"),
    ("main_title", "desc"),
    ("quote_area", "title"),
)


def _card_in_script(card: dict[str, Any], keep: list[str]) -> dict[str, Any]:
    out = copy.deepcopy(card)
    for outer, inner in _CARD_TEXT_PATHS:
        part = out.get(outer)
        if isinstance(part, dict) and isinstance(part.get(inner), str):
            part[inner] = to_traditional(part[inner], keep)
    for key in ("sub_title_text", "replace_text"):  # an updated card's outcome and its mark
        if isinstance(out.get(key), str):
            out[key] = to_traditional(out[key], keep)
    for row in out.get("horizontal_content_list") or []:
        for key in ("keyname", "value"):
            if isinstance(row.get(key), str):
                row[key] = to_traditional(row[key], keep)
    for button in out.get("button_list") or []:
        if isinstance(button.get("text"), str):
            button["text"] = to_traditional(button["text"], keep)
    return out


_QUOTED_NAME = re.compile(r"“([^”]+)”")


# Breakdowns whose group labels are stored names (kept as stored in any script).
NAMED_GROUPS = ("owner", "department", "city", "tag", "channel", "category", "product")


def _shown_parts(answer: Answer | None) -> dict[str, Any]:
    """What data_words reads of an answer: a typed one's description, segment and listed
    customers (the JSON keys of a conversation answer, which is still its JSON)."""
    if isinstance(answer, dict):
        return answer
    if isinstance(answer, (BreakdownAnswer, CardAnswer, ChangesAnswer, SavedAnswer, DigestAnswer)):
        return answer.to_json()
    if isinstance(answer, SegmentAnswer):
        return {"description": answer.description, "segment": to_json(answer.segment),
                "listed": answer.ordered()[:PAGE_SIZE]}  # fmt: skip
    if isinstance(answer, CountAnswer):
        return {"description": answer.description, "segment": to_json(answer.segment)}
    return {}


def data_words(session: Session, answer: Answer | None) -> set[str]:
    """The stored names an answer's replies may show (kept as stored in any script)."""
    answer = _shown_parts(answer)
    words = company_names(session)  # staff, departments, channel codes
    words.update(_QUOTED_NAME.findall(str(answer.get("description") or "")))
    for group in answer.get("groups") or []:
        if answer.get("by") in (
            "owner",
            "department",
            "city",
            "tag",
            "channel",
            "category",
            "product",
        ):
            words.add(str(group.get("label") or ""))
    for match in answer.get("matches") or []:
        words.add(str(match.get("name") or ""))
        words.update([str(match.get("city") or ""), *map(str, match.get("owners") or ())])
    card = answer.get("card")
    if isinstance(card, dict):
        words.update(
            [card["name"], card["city"], card["company"], *card["tags"], *card["segments"]]
        )
        words.update(o["remark"] for o in card["owners"])
        words.update(str(e.get("product") or "") for e in card["events"])
    for fact in answer.get("asked") or []:  # the company's names of the products asked about
        words.update(map(str, fact.get("last_products") or ()))
        words.update(str(p.get("name") or "") for p in fact.get("products") or ())
    for row in answer.get("segments") or []:
        words.update([str(row.get("name") or ""), str(row.get("owner_name") or "")])
    shown = listed_ids(answer)[:PAGE_SIZE]
    if shown:
        stmt = select(Customer.name).where(Customer.external_userid.in_(shown))
        words.update(n for n in session.execute(stmt).scalars() if n)
    digest = answer.get("digest")
    if isinstance(digest, dict):
        words.update(str(line.get("name_zh") or "") for line in digest.get("segments") or [])
        words.update(str(c.get("name") or "") for c in digest.get("campaigns") or [])
    return {w for w in words if w}


def script_words(session: Session, answer: Answer | None) -> set[str]:
    """Every stored name a reply may show, for a reply put in Traditional characters outside
    the list and conversation paths (a count, a question back, a confirmation card, an
    error): `data_words`, every tag and tag group, the saved segments and the cities the
    answer's segment names."""
    answer = _shown_parts(answer)
    words = data_words(session, answer)
    words.update(session.execute(select(Tag.name)).scalars())
    words.update(session.execute(select(TagGroup.name)).scalars())
    words.update(session.execute(select(SavedSegment.name)).scalars())
    words.update(session.execute(select(Campaign.name)).scalars())  # 国庆回馈 as it was named
    segment = answer.get("segment")
    if isinstance(segment, dict):
        description = str(answer.get("description") or "")
        words.update(shown_words(session, [], description, segment_of(segment)))
    return {w for w in words if w}


def extra_replies(
    session: Session, ctx: CommandContext, requester: Requester, answer: Answer, lang: str
) -> list[Reply]:
    if isinstance(answer, BreakdownAnswer):
        # like a count, a breakdown narrowed by the asker's scope says so
        scoped = with_scope_note(answer, requester, lang, session)
        assert isinstance(scoped, BreakdownAnswer)
        replies = breakdown_replies(requester.userid, scoped, lang)
        return in_script(replies, answer.script == "hant", data_words(session, answer))
    if isinstance(answer, CardAnswer):
        replies = card_replies(ctx, requester.userid, answer, lang)
        return in_script(replies, answer.script == "hant", data_words(session, answer))
    if isinstance(answer, ChangesAnswer):
        # A change list is no segment: the router remembers it as what was shown (no "these").
        replies = changes_replies(session, ctx, requester.userid, answer, lang)
        return in_script(replies, answer.script == "hant", data_words(session, answer))
    if isinstance(answer, DigestAnswer):
        replies = [Reply(requester.userid, clip(answer.markdown), markdown=True)]
        return in_script(replies, answer.script == "hant", data_words(session, answer))
    return [Reply(requester.userid, say("busy", lang))]  # no other conversation answer


def extra_audit(answer: Answer) -> dict[str, Any]:
    """What a later message needs from this answer: the breakdown to export, the customers
    of a numbered pick."""
    if isinstance(answer, BreakdownAnswer):
        return {
            "breakdown": {"by": answer.by, "tag_group": answer.tag_group},
            "description": answer.description[:300],
            "lang": answer.language,
        }
    if isinstance(answer, CardAnswer):
        if answer.card is not None:
            return {}
        return {
            "card_pick": [m.external_userid for m in answer.matches],
            "lang": answer.language,
            "script": answer.script,
        }
    if isinstance(answer, ChangesAnswer):
        return {"count": answer.count, "changes": answer.change}
    return {}


# ---------------------------------------------------------------- breakdowns


def _share(count: int, total: int) -> str:
    return f"{100 * count / total:.0f}%" if total else "—"


def breakdown_replies(userid: str, answer: BreakdownAnswer, lang: str) -> list[Reply]:
    description = answer.description
    by = answer.by_label or answer.by
    total = answer.count
    groups = list(answer.groups)
    if not total or not groups:
        empty = say_card("bd_empty", lang, description=description)
        return [Reply(userid, empty + scope_line(answer))]
    shown, rest = groups[: answer.top], groups[answer.top :]
    other = sum(g.count for g in rest)
    head = say_card("bd_head", lang, description=description, by=by, count=total)
    lines = [head + scope_line(answer)]
    if answer.extreme:
        lines.append(_extreme_line(answer, lang))
    for rank, group in enumerate(shown, 1):
        lines.append(
            say_card(
                "bd_row",
                lang,
                rank=rank,
                label=group.label,
                count=group.count,
                share=_share(group.count, total),
            )
        )
    if rest:
        lines.append(say_card("bd_other", lang, groups=len(rest), count=other))
    if sum(g.count for g in groups) > total:  # several owners, tags… per customer
        lines.append(say_card("bd_overlap", lang, by=by))
    lines.append(say_card("bd_export_hint", lang))
    chart = render_breakdown_chart(
        f"{by} · {description}", [(g.label, g.count) for g in shown], other, lang
    )
    return [
        Reply(userid, clip("\n".join(lines))),
        Reply(userid, "", attachment=Attachment("image", "breakdown.png", chart)),
    ]


def _extreme_line(answer: BreakdownAnswer, lang: str) -> str:
    """ "最多的是：上海（3 人）": the group(s) at the asked end, ties all named; customers
    with no value (no city, no owner) are no group to name."""
    named = [g for g in answer.groups if g.key != NONE]
    if not named:
        return say_card("bd_no_extreme", lang, by=answer.by_label or answer.by)
    if answer.extreme_groups > 1:
        return _extreme_groups_line(answer, named, lang)
    pick = min if answer.extreme == "fewest" else max
    count = pick(g.count for g in named)
    labels = ("、" if lang == "zh" else ", ").join(g.label for g in named if g.count == count)
    return say_card(f"bd_{answer.extreme}", lang, labels=labels, count=count)


def _extreme_groups_line(answer: BreakdownAnswer, named: list[BreakdownGroup], lang: str) -> str:
    """ "最少的2组：王五（1 人）、赵六（1 人）": the n groups at the asked end, and any tied
    with the last of them."""
    ordered = sorted(named, key=lambda g: g.count, reverse=answer.extreme != "fewest")
    n = min(answer.extreme_groups, len(ordered))
    picked = [g for g in ordered if g in ordered[:n] or g.count == ordered[n - 1].count]
    row = "{label}（{count} 人）" if lang == "zh" else "{label} ({count})"
    sep = "、" if lang == "zh" else ", "
    groups = sep.join(row.format(label=g.label, count=g.count) for g in picked)
    tied = say_card("bd_tied", lang) if len(picked) > n else ""
    return say_card(f"bd_{answer.extreme}_n", lang, n=n, groups=groups) + tied


def export_breakdown(
    session: Session, ctx: CommandContext, requester: Requester, detail: dict[str, Any], lang: str
) -> list[Reply]:
    """ "导出这个" after a breakdown: the same breakdown, now and in scope, as .xlsx."""
    spec = detail.get("breakdown") or {}
    node = from_json(detail["segment"])
    result = breakdown(
        session,
        node,
        str(spec.get("by")),
        requester=requester,
        now=ctx.now,
        ctx=ctx.engine,
        tag_group=spec.get("tag_group"),
    )
    answer = breakdown_of(result, node, str(detail.get("description") or ""), ctx.engine, lang)
    by = answer.by_label
    # the first column holds the groups' names: a tag group's are tags ("标签"), as headed
    column = dimension_label(answer.by, lang)
    headers = tuple(say_card("bd_headers", lang, by=column).split("|"))
    rows = [(g.label, g.count) for g in answer.groups]
    content = breakdown_workbook((headers[0], headers[1], headers[2]), rows, result.total)
    stamp = ctx.now.astimezone(ctx.settings.timezone).strftime("%Y%m%d-%H%M")
    text = say_card(
        "bd_export_text", lang, description=answer.description, by=by, groups=len(rows)
    ) + scope_line(with_scope_note(answer, requester, lang, session))
    return [
        Reply(
            requester.userid,
            text,
            attachment=Attachment("file", f"breakdown-{stamp}.xlsx", content),
        )
    ]


# ---------------------------------------------------------------- customer cards


def _when(value: Any, ctx: CommandContext, lang: str) -> str:
    if not value:
        return say_card("none_value", lang)
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment.astimezone(ctx.settings.timezone).strftime("%Y-%m-%d %H:%M")


def _money(value: Any) -> str:
    return f"{Decimal(str(value or 0)):,.2f}"


def card_replies(ctx: CommandContext, userid: str, answer: CardAnswer, lang: str) -> list[Reply]:
    if answer.card is not None:
        card = card_text(answer.card, ctx, lang)
        asked = [
            field_line(answer.card, fact.ask.kind, lang)
            if fact.ask.about == "field"
            else asked_line(answer.card.name, fact, ctx, lang)
            for fact in answer.asked
        ]
        return [Reply(userid, clip("\n".join(asked) + "\n\n" + card) if asked else card)]
    matches = answer.matches
    lines = [say_card("card_pick", lang, count=len(matches), query=answer.query)]
    lines.extend(
        f"{i}. {m.name}（{_told_apart(m, lang)}）"
        if lang == "zh"
        else f"{i}. {m.name} ({_told_apart(m, lang)})"
        for i, m in enumerate(matches[:10], 1)
    )
    if len(matches) > 10:
        lines.append(say_card("card_pick_more", lang, shown=10))
    return [Reply(userid, clip("\n".join(lines)))]


# The verb of each kind in "Frank买过：唇釉" / "Frank bought: 唇釉".
_DID = {
    "order": ("买", "bought"),
    "inquiry": ("咨询", "asked about"),
    "visit": ("到店", "visited for"),
    "cart": ("加购", "added to cart"),
    "refund": ("退", "refunded"),
}


def asked_line(name: str, fact: AskedFact, ctx: CommandContext, lang: str) -> str:
    """The answer to what a question asked of the customer's history, in one line: the
    products of such events ("Frank买过：唇釉（3 次，最近 2026-10-29）"), or the last one's
    time and products ("Heidi最近一次下单：2026-09-02 10:00，玻尿酸面霜 ¥2,000.00")."""
    ask = fact.ask
    zh = lang == "zh"
    kind = KIND_ZH_EN.get(ask.kind, (ask.kind, ask.kind))[0 if zh else 1]
    did = _DID.get(ask.kind, (kind, kind))[0 if zh else 1]
    if not fact.count:
        return say_card("asked_none", lang, name=name, did=kind, kind=kind)
    sep = "、" if zh else ", "
    if ask.about == "items" and not ask.last and fact.products:
        products = sep.join(
            say_card("asked_item_times", lang, product=p.name, times=p.times,
                     at=_when(p.last_at, ctx, lang)[:10])
            for p in fact.products
        )  # fmt: skip
        return say_card("asked_items", lang, name=name, did=did, products=products)
    what = " ".join(
        [sep.join(fact.last_products)]
        + ([f"¥{_money(fact.last_amount)}"] if fact.last_amount is not None else [])
    ).strip()
    line = say_card(
        "asked_last",
        lang,
        name=name,
        did=kind,
        kind=kind,
        at=_when(fact.last_at, ctx, lang),
        what=say_card("asked_last_what", lang, products=what) if what else "",
    )
    if not fact.last_products and ask.about == "items":
        line += say_card("asked_no_item", lang)
    earlier = [p.name for p in fact.products if p.name not in fact.last_products]
    if ask.about == "items" and earlier:
        line += say_card("asked_last_more", lang, products=sep.join(earlier))
    return line + say_card("asked_count", lang, count=fact.count)


def field_line(card: CustomerCard, kind: str, lang: str) -> str:
    """The answer to a question of the card's own facts, in one line: "Bob的城市：上海市",
    "Bob的跟进人：张三", "Bob的添加方式：张三 · 扫描二维码 · 渠道活码：展会2026" — the
    values as stored."""
    sep = "、" if lang == "zh" else ", "
    name = card.name
    if kind == "spend":
        return say_card("field_spend", lang, name=name, total=_money(card.lifetime_spend),
                        orders=card.order_count, days=RECENT_DAYS,
                        recent=_money(card.recent_spend))  # fmt: skip
    values: dict[str, str] = {
        "city": card.city,
        "owner": sep.join(o.name for o in card.owners),
        "channel": sep.join(o.name + how for o in card.owners if (how := _how_added(o, lang))),
        "tags": sep.join(card.tags),
        "company": card.company,
        "phone": card.phone,
        "remark": sep.join(
            f"{o.remark}（{o.name}）" if lang == "zh" else f"{o.remark} ({o.name})"
            for o in card.owners
            if o.remark
        ),
    }
    value = values.get(kind, "")
    if not value:
        return say_card(f"field_{kind}_none", lang, name=name)
    return say_card(f"field_{kind}", lang, name=name, value=value)


def _told_apart(match: CardMatch, lang: str) -> str:
    """What tells same-named customers apart, short: "跟进人：张三 · 上海 · …a1b2" — who
    follows them, their city, and the end of their id (never the whole id, which reads as noise)."""
    parts = []
    if match.owners:
        owners = ("、" if lang == "zh" else ", ").join(match.owners[:2])
        parts.append(say_card("pick_owner", lang, owners=owners))
    if match.city:
        parts.append(match.city)
    parts.append("…" + match.external_userid[-4:])
    return " · ".join(parts)


def _how_added(owner: Owner, lang: str) -> str:
    """ " · 扫描二维码 · 渠道活码：展会2026": how the member added the customer, as known."""
    way = add_way_name(owner.add_way, lang) if owner.add_way else ""  # 0: WeCom does not know
    how = say_card("card_add_way", lang, way=way) if way else ""
    if owner.channel:
        how += say_card("card_channel", lang, channel=owner.channel)
    return how


def card_text(card: CustomerCard, ctx: CommandContext, lang: str) -> str:
    zh = lang == "zh"
    none = say_card("none_value", lang)
    sep = "、" if zh else ", "
    lines = [say_card("card_head", lang, name=card.name)]
    if card.phone:
        lines.append(say_card("card_phone", lang, phone=card.phone))
    owners = [
        say_card(
            "card_owner_one",
            lang,
            name=o.name,
            added=_when(o.added_at, ctx, lang),
            how=_how_added(o, lang),
            remark=say_card("card_remark", lang, remark=o.remark) if o.remark else "",
        )
        for o in card.owners
    ]
    lines.append(
        say_card("card_owner", lang, owners=sep.join(owners))
        if owners
        else say_card("card_no_owner", lang)
    )
    lines.append(say_card("card_tags", lang, tags=sep.join(card.tags) or none))
    gender = GENDER_WORDS.get(card.gender or 0, ("未知", "unknown"))[0 if zh else 1]
    lines.append(
        say_card("card_place", lang, city=card.city or none, company=card.company or none,
                 gender=gender)
    )  # fmt: skip
    lines.append(
        say_card(
            "card_spend",
            lang,
            total=_money(card.lifetime_spend),
            orders=card.order_count,
            days=RECENT_DAYS,
            recent=_money(card.recent_spend),
            inquiries=card.inquiry_count,
        )
    )
    lines.append(
        say_card(
            "card_last",
            lang,
            inquiry=_when(card.last_inquiry_at, ctx, lang),
            order=_when(card.last_order_at, ctx, lang),
            visit=_when(card.last_visit_at, ctx, lang),
        )
    )
    entry = ctx.engine.named.get(card.rfm) if card.rfm else None
    rfm = (
        (entry.display_zh if zh else entry.display_en_with_zh)
        if entry
        else say_card("no_rfm", lang)
    )
    lines.append(say_card("card_rfm", lang, rfm=rfm))
    scores = card.scores
    if isinstance(scores, dict):
        clv = (
            say_card("card_clv", lang, clv=_money(scores["clv_365d"]))
            if scores.get("clv_365d")
            else ""
        )
        lines.append(
            say_card(
                "card_scores",
                lang,
                alive=f"{100 * scores['p_alive']:.0f}%",
                purchases=scores["expected_purchases_90d"],
                clv=clv,
            )
        )
    if card.segments:
        lines.append(say_card("card_segments", lang, names=sep.join(card.segments)))
    lines.append(
        say_card("card_coupons", lang, issued=card.coupons_issued, redeemed=card.coupons_redeemed)
    )
    events = card.events
    lines.append(
        say_card("card_events", lang, count=len(events))
        if events
        else say_card("card_no_events", lang)
    )
    for event in events:
        kind = KIND_ZH_EN.get(event.kind, (event.kind, event.kind))[0 if zh else 1]
        parts = [_when(event.at, ctx, lang), kind]
        if event.amount is not None:
            parts.append(f"¥{_money(event.amount)}")
        if event.product:
            parts.append(event.product)
        lines.append("· " + " ".join(parts))
    return clip("\n".join(lines))


def card_pick_replies(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    pending: conv.PendingQuestion,
    index: int,
    lang: str,
    hant: bool,
    said: str = "",
) -> tuple[list[Reply], CardAnswer | None]:
    """The card of the customer picked by number from the member's pending "which one?"
    (conversation state), re-checked against the asker's scope now: a pick never shows a
    customer they lost. A number out of range asks again and keeps the question waiting."""
    userid = requester.userid
    candidates = list(pending.customers)
    if not 0 <= index < len(candidates):
        conv.ask_pending(session, userid, pending, ctx.now)
        text = say_card("pick_out_of_range", lang, count=len(candidates))
        return in_script([Reply(userid, text)], hant), None
    # what the pick ("第一个 最近买了啥") or the question it answers ("Frank买过什么" with two
    # Franks) asks of the customer's history
    asks = card_asks(said) or card_asks(pending.original)
    answer = picked_card(session, candidates[index], requester, ctx.now, ctx.engine, asks)
    if answer is None:
        return in_script([Reply(userid, say_card("card_gone", lang))], hant), None
    shown = conv.previous_from(answer, lang, ctx.now)
    if shown is not None:
        conv.remember_shown(session, userid, shown, ctx.now)
    replies = card_replies(ctx, userid, answer, lang)
    return in_script(replies, hant, data_words(session, answer)), answer


# ---------------------------------------------------------------- membership changes


def changes_replies(
    session: Session, ctx: CommandContext, userid: str, answer: ChangesAnswer, lang: str
) -> list[Reply]:
    text = customers_reply(
        session,
        ctx,
        userid,
        list(answer.customers),
        description=answer.description,
        count=answer.count,
        segment=None,
        note="",
        hant=False,
        lang=lang,
    )
    notes = []
    if answer.window.default:
        notes.append(say_card("ch_default", lang))
    if answer.source == "computed":
        notes.append(say_card("ch_computed", lang))
    if answer.current_only:
        notes.append(say_card("ch_current_only", lang))
    if answer.partial and answer.recorded_since is not None:
        since = _when(answer.recorded_since, ctx, lang)
        notes.append(say_card("ch_tags_since", lang, since=since))
    if notes:
        text = clip(f"{text}\n{''.join(notes)}")
    return [Reply(userid, text)]


def export_changes(
    session: Session, ctx: CommandContext, requester: Requester, change: object, lang: str
) -> list[Reply]:
    """ "导出这些" after a change list: the stored list as paging would show it — refused once
    a day old, and only the customers the asker may still see now."""
    userid = requester.userid
    state = last_list(session, userid)
    if state is not None and expired(state, ctx.now):
        return [Reply(userid, say("list_expired", lang))]
    stored = list(state.customers or []) if state is not None else []
    ids = still_visible(session, requester, stored, lost=change == "lost")
    description = state.description if state is not None else ""
    answer = {"customers": ids, "count": len(ids), "description": description}
    return [export_reply(session, ctx, userid, answer, lang, requester)]


# ---------------------------------------------------------------- digest


def digest_replies(
    session: Session, ctx: CommandContext, requester: Requester, lang: str
) -> list[Reply]:
    """The asker's digest now, as the scheduled one looks: markdown, then the chart."""
    language = "zh" if lang == "zh" else "en"
    digest = digest_for(
        session, requester, ctx.now, ctx.engine, ctx.settings.campaigns, ctx.settings.admins
    )
    markdown = render_markdown(digest, language)
    if requester.role == "sales":
        markdown = f"{say_card('digest_head_sales', lang)}\n{markdown}"
    chart = render_chart(digest, language)
    return [
        Reply(requester.userid, clip(markdown), markdown=True),
        Reply(requester.userid, "", attachment=Attachment("image", "digest.png", chart)),
    ]


# ---------------------------------------------------------------- before the query


def before_query(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    hant: bool = False,
) -> tuple[list[Reply], dict[str, Any]] | None:
    """Replies that need no query parse: the digest, "导出这个" after a breakdown, a change
    list or a card. None: not one of those. What each
    shows becomes the previous answer, so "导出这个" / "这些里…" after it refer to it."""
    hant = hant or is_traditional(text)
    userid = requester.userid
    if is_digest_request(text):
        replies = digest_replies(session, ctx, requester, lang)
        shown = conv.PreviousAnswer({}, "", "digest", lang, ctx.now, kind=conv.DIGEST)
        conv.remember_shown(session, userid, shown, ctx.now)
        return in_script(replies, hant, data_words(session, {})), {"intent": "digest"}
    previous = conv.load(session, userid, ctx.now).previous
    said = normalize(text).strip()
    shown = previous is not None and previous.kind == conv.CUSTOMER and bool(previous.customer)
    counted = previous is not None and previous.intent == "count"
    named = _export_named(session, ctx, requester, text, lang)
    if named is not None:  # "导出Lily的资料": the one customer called so, as a file
        keep = data_words(session, {"description": named[0][0].text})
        return in_script(named[0], hant, keep), {"intent": "export", **named[1]}
    if not shown and counted and _WHO_IS_IT.match(said):
        return None  # "佢係邊個" after a count of one: who, listed (the parser's who-question)
    # "他退过款没", "has she ordered this month": a yes/no about him or her (focus.py)
    asks_yes_no = bool(yes_no_words(text)) or (shown and bool(bare_yes_no_words(text)))
    if not shown and (asks_about_customer(said) or asks_yes_no or exports_that_one(said)):
        # "她在哪个城市", "export her" right after a list of one ("其中北京的" → 1 Dan): that
        # customer, as "给她发一张券" is (named_actions.only_one_listed); a list of more is
        # asked which.
        only = only_one_listed(session, ctx, requester)
        if only is not None and previous is not None:
            previous = replace(previous, kind=conv.CUSTOMER, customer=only)
            shown = True
    if points_at_named_group(text, previous):
        return None  # "看看他的" after "最多的是：张三": his group (group_pick)
    if (asks_about_customer(said) or exports_that_one(said) or asks_yes_no) and not (
        shown and (exports_that_one(said) or asks_yes_no or _about_that_customer(text, previous))
    ):  # "她最近买了什么", "export her" with no card just shown: which customer, never a guess
        reply = Reply(userid, say_card("card_which_customer", lang))
        return in_script([reply], hant), {"intent": "clarify", "pronoun": True}
    if previous is None:
        return None
    if shown and exports_that_one(said):  # "导出她" / "export him": that one customer
        exported = _export_shown(session, ctx, requester, previous, lang)
        if exported is not None:
            replies, detail = exported
            keep = data_words(session, {"description": replies[0].text})
            return in_script(replies, hant, keep), {"intent": "export", **detail}
    yes_no = focus_yes_no(session, ctx, requester, text, previous, lang)
    if yes_no is not None:  # "他退过款没" after 王静's card: yes or no, with the fact
        keep = data_words(session, {"description": yes_no[0].text})
        keep.update(session.scalars(select(Tag.name)))  # the tags line names them as stored
        return in_script(yes_no, hant, keep), {"intent": "customer", "asked": previous.customer}
    if shown and asks_yes_no:  # "佢近排有冇落單": which period, then the yes/no
        period = _period_asked(session, ctx, requester, text, lang)
        if period is not None:
            return in_script(period, hant), {"intent": "clarify", "period": True}
    # "她最近买了什么" after 王静's card (a yes/no not read above: the card answers it)
    if (shown and asks_yes_no) or _about_that_customer(text, previous):
        asks = card_asks(text)
        answer = picked_card(session, str(previous.customer), requester, ctx.now, ctx.engine, asks)
        if answer is None:
            replies = [Reply(userid, say_card("card_gone", lang))]
        else:
            replies = card_replies(ctx, userid, answer, lang)
            shown = conv.previous_from(answer, lang, ctx.now)
            if shown is not None:
                conv.remember_shown(session, userid, shown, ctx.now)
        keep = data_words(session, answer)
        return in_script(replies, hant, keep), {"intent": "customer", "again": previous.customer}
    if is_export_this(text):
        exported = _export_shown(session, ctx, requester, previous, lang)
        if exported is not None:
            replies, detail = exported
            keep = data_words(session, {"description": replies[0].text})
            return in_script(replies, hant, keep), {"intent": "export", **detail}
    swapped = _other_change(session, ctx, requester, previous, said, lang)
    if swapped is not None:
        return in_script(swapped[0], hant, data_words(session, swapped[1])), {
            "intent": "changes",
            "swapped": swapped[1].change,
        }
    if previous.kind == conv.CHANGES and points_back(text) and not _narrows(text):
        # "给这些打标签" after a change list: it is no segment, and an older one is not "these".
        # ("which of them are women" narrows the rows listed: the refinements read it.)
        reply = Reply(userid, say_card("list_context", lang))
        return in_script([reply], hant), {"intent": "clarify", "changes": previous.change}
    return None


def _narrows(text: str) -> bool:
    """Whether `text` narrows the answer just given ("which of them are women", "这些人里上海的"),
    with no verb of its own before the pointer (给这些…, 把这些…: an action on them)."""
    follow = read_follow_up(text)
    return follow is not None and follow.pointed and not follow.lead


def _period_asked(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> list[Reply] | None:
    """The question back about a yes/no's time with no number ("他最近有没有下单"), kept
    waiting so the period given next ("14日", "两周", "last 30 days") answers the yes/no."""
    found = focus_period_question(session, ctx, requester, text)
    if found is None:
        return None
    asked, word = found
    suggestions = tuple(asked.suggestions[:3])
    answer = ClarifyAnswer(asked.message, suggestions)
    pending = conv.PendingQuestion(text, suggestions, word, lang, ctx.now)
    conv.remember_answer(session, requester.userid, answer, question=pending, lang=lang,
                         now=ctx.now)  # fmt: skip
    return [Reply(requester.userid, clarify_reply(answer, lang))]


def _other_change(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    previous: conv.PreviousAnswer,
    said: str,
    lang: str,
) -> tuple[list[Reply], ChangesAnswer] | None:
    """The change list the other way round ("那今天掉出去的呢", "and who left?"), or in
    another period ("那昨天离开的呢"), of the same segment; None when `said` is neither."""
    if previous.kind != conv.CHANGES or not previous.period or not previous.segment:
        return None
    side = read_change_side(said)
    before = ChangeWindow.from_json(previous.period)
    if side is None:  # "今天的呢", "and just today?": the same side in the period said
        window = said_change_window(session, ctx, period_words(said), lang)
        change = str(previous.change)
    else:
        window = said_change_window(session, ctx, side.when, lang) if side.when else before
        change = side.change
    if window is None:
        return None  # "那上海离开的呢": no period with it, so not this question
    same_period = (window.start, window.end) == (before.start, before.end)
    if same_period and change == previous.change:
        return None  # the same question again: answered as typed
    try:
        segment = from_json(previous.segment)
    except SegmentFormatError:
        return None
    answer = segment_change_answer(
        session, segment, str(previous.period.get("target") or ""), change, window,
        requester, ctx.now, ctx.engine, lang,
    )  # fmt: skip
    if not isinstance(answer, ChangesAnswer):
        return None
    shown = conv.previous_from(answer, lang, ctx.now)
    if shown is not None:
        conv.remember_shown(session, requester.userid, shown, ctx.now)
    return changes_replies(session, ctx, requester.userid, answer, lang), answer


# Who he or she is, right after a count: "佢係邊個", "她是谁", "who is he" list the one counted.
_WHO_IS_IT = lazy_pattern(
    r"^(?:那|咁)?(?:他|她|佢|ta)(?:都|就)?(?:是|系)(?:谁|边个|哪个|哪位|边位)(?:呢|啊|呀|嚟㗎)?[?？。]*$|"
    r"^(?:so |and )?who(?: is|'s) (?:he|she)\s*[?.]*$"
)


def _export_named(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> tuple[list[Reply], dict[str, Any]] | None:
    """ "导出Lily的资料", "export Lily's details": the one customer the asker may see who is
    called so, as a file; None when the words name nobody so, or no one or several are called
    so (the query path answers it then: a segment, or which customer)."""
    name = exported_name(normalize(text))
    if name is None:
        return None
    found = find_visible(session, requester, now=ctx.now, ctx=ctx.engine, name=name, exact=True)
    if not found:  # "把Alice的资料导出来" and no Alice of theirs: said so, if Alice is no condition
        said_back = _only_the_name_asked(session, ctx, requester.userid, text, name)
        if said_back is None:
            return None
        reply = Reply(requester.userid, say_card("card_nobody_called", lang, name=said_back))
        return [reply], {"customer": None}
    if len(found) != 1:
        return None
    eid, called = found[0]
    answer = {"intent": "export", "customers": [eid], "count": 1, "description": called}
    return [export_reply(session, ctx, requester.userid, answer, lang, requester)], {
        "customer": eid
    }


def _only_the_name_asked(
    session: Session, ctx: CommandContext, userid: str, text: str, name: str
) -> str | None:
    """The name as the question back quotes it, when the query path would only ask what
    `name` is (no condition, nothing to suggest); None when the words mean something else."""
    parsed = parse_alone(session, ctx, userid, text)
    typed = re.search(re.escape(name), text, re.I)  # the name as typed
    if isinstance(parsed, Command) and parsed.intent == "customer":
        return typed.group() if typed is not None else name  # a look-up of "export Zed" too
    if not isinstance(parsed, Clarification) or parsed.suggestions:
        return None
    quoted = re.findall(r"“([^”]+)”", parsed.message)
    return quoted[0] if len(quoted) == 1 and quoted[0].lower() == name else None


def _about_that_customer(text: str, previous: conv.PreviousAnswer) -> bool:
    """Whether `text` asks about the customer of the card just shown, by a pronoun."""
    if previous.kind != conv.CUSTOMER or not previous.customer:
        return False
    said = normalize(text).strip()
    # "which channel", "邊個城市" right after the card: one of its facts, of that customer
    return asks_about_customer(said) or asks_card_fact(said)


def _export_shown(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    previous: conv.PreviousAnswer,
    lang: str,
) -> tuple[list[Reply], dict[str, Any]] | None:
    """ "导出这个" after a breakdown (its table), a change list (its customers) or a card (that
    customer), as a file; None for a list, which the query path exports (its segment)."""
    if previous.kind == conv.BREAKDOWN and previous.breakdown:
        detail = {
            "breakdown": previous.breakdown,
            "segment": previous.segment,
            "description": previous.description,
        }
        try:
            return export_breakdown(session, ctx, requester, detail, lang), detail
        except SegmentFormatError:
            return None
    if previous.kind == conv.CHANGES:
        replies = export_changes(session, ctx, requester, previous.change, lang)
        return replies, {"changes": previous.change}
    if previous.kind == conv.CUSTOMER and previous.customer:
        answer = _customer_export(session, requester, previous)
        reply = export_reply(session, ctx, requester.userid, answer, lang, requester)
        return [reply], {"customer": previous.customer}
    return None


def _customer_export(
    session: Session, requester: Requester, previous: conv.PreviousAnswer
) -> dict[str, Any]:
    """The one customer of a card, if the asker may still see them (else nobody)."""
    ids = still_visible(session, requester, [str(previous.customer)])
    return {"intent": "export", "customers": ids, "count": len(ids),
            "description": previous.description}  # fmt: skip


# ---------------------------------------------------------------- my segments


def _signed(value: int) -> str:
    return f"+{value}" if value > 0 else str(value)


def saved_segments_text(answer: SavedAnswer, lang: str) -> str:
    """The asker's own saved segments, then their colleagues', each with its owner, size now
    (in the asker's scope) and the change against a week ago."""
    rows = answer.segments
    if not rows:
        return say_card("saved_none", lang)
    lines: list[str] = []
    for mine, head in ((True, "saved_mine"), (False, "saved_shared")):
        group = [r for r in rows if r.mine is mine]
        if not group:
            continue
        lines.append(say_card(head, lang))
        for row in group:
            words = row.description
            lines.append(
                say_card(
                    "saved_line",
                    lang,
                    name=row.name,
                    owner=row.owner_name or row.owner or "—",
                    size=row.size,
                    change=_signed(row.change),
                    description=(f"；{words}" if lang == "zh" else f"; {words}") if words else "",
                )
            )
    return clip("\n".join(lines))


def followup_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str
) -> Answer | None:
    """`before_query` as the answer (`segbot query --after`): "导出这个" after a
    breakdown is the breakdown again, after a card that customer."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is not None and _about_that_customer(text, previous):
        return picked_card(session, str(previous.customer), requester, ctx.now, ctx.engine)
    if previous is None or not is_export_this(text):
        return None
    if previous.kind == conv.BREAKDOWN and previous.breakdown:
        spec = previous.breakdown
        node = from_json(previous.segment)
        result = breakdown(
            session,
            node,
            str(spec.get("by")),
            requester=requester,
            now=ctx.now,
            ctx=ctx.engine,
            tag_group=spec.get("tag_group"),
        )
        out = breakdown_of(result, node, previous.description, ctx.engine, previous.language)
        # The --after JSON edge: the breakdown as its file would hold it.
        return {**out.to_json(), "intent": "export", "format": "xlsx", "of": "breakdown"}
    if previous.kind == conv.CUSTOMER and previous.customer:
        return {**_customer_export(session, requester, previous), "format": "xlsx"}
    return None
