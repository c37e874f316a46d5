"""The explain intent: find the customer among those the asker may see, then say which
conditions held or failed, with the facts (segmentation.explain, the same SQL as lists)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands.named_actions import card_shown, is_pronoun
from bot.commands.replies import clarify, clip
from bot.commands.texts import kind_word, say
from bot.commands.texts_cards import say_card
from bot.services.answer import SegmentAnswer
from bot.services.exports import safe_name
from segmentation.channels import add_way_name
from segmentation.engine import segment_query
from segmentation.explain import ConditionExplanation, explain_customer
from segmentation.models import Customer
from segmentation.nlq import load_vocabulary
from segmentation.nlq.restate import describe
from segmentation.nodes import All, node_from_dict
from segmentation.scope import Requester

MAX_CANDIDATES = 20
JOINERS = {"and": ("全部满足：", "all of:"), "or": ("满足其一：", "any of:"),
           "not": ("不满足：", "none of:")}  # fmt: skip


def find_visible(
    session: Session, ctx: CommandContext, requester: Requester, name: str
) -> list[tuple[str, str]]:
    """(external_userid, name) of visible customers with that name: the external_userid
    itself, else an exact name (any case), else names containing it."""
    wanted = name.strip().lower()
    visible = segment_query(session, All(), requester=requester, now=ctx.now, ctx=ctx.engine)
    base = select(Customer.external_userid, Customer.name).where(
        Customer.external_userid.in_(visible)
    )
    for condition in (
        Customer.external_userid == name.strip(),
        func.lower(Customer.name) == wanted,
        func.lower(Customer.name).contains(wanted, autoescape=True),
    ):
        stmt = base.where(condition).order_by(Customer.external_userid).limit(MAX_CANDIDATES)
        rows = [(eid, cname or eid) for eid, cname in session.execute(stmt)]
        if rows:
            return rows
    return []


def _when(value: Any, ctx: CommandContext, lang: str) -> str:
    if not isinstance(value, datetime):
        return str(value)
    local = value.astimezone(ctx.settings.timezone)
    return local.strftime("%Y-%m-%d %H:%M") if lang == "en" else local.strftime("%m月%d日 %H:%M")


def _facts(facts: dict[str, Any], ctx: CommandContext, lang: str) -> str:
    zh = lang == "zh"
    parts: list[str] = []
    if "count" in facts and "kind" in facts:
        word = kind_word(str(facts["kind"]), lang)
        parts.append(f"{word} {facts['count']} 次" if zh else f"{facts['count']} × {word}")
        if facts.get("last_at"):
            parts.append(("最近 " if zh else "last ") + _when(facts["last_at"], ctx, lang))
    if isinstance(facts.get("amount"), Decimal):
        parts.append(f"¥{facts['amount']}")
    if isinstance(facts.get("average"), Decimal):  # an average order value's own fact
        parts.append(("客单价 " if zh else "average order ") + f"¥{facts['average']}")
    if "tags" in facts:
        tags = "、".join(facts["tags"]) or ("无" if zh else "none")
        parts.append(("标签：" if zh else "tags: ") + tags)
    if "followed_by" in facts:
        parts.append(("跟进人：" if zh else "followed by: ") + "、".join(facts["followed_by"]))
    if facts.get("first_added_at"):
        parts.append(("首次添加 " if zh else "first added ") + _when(facts["first_added_at"], ctx,
                                                                   lang))  # fmt: skip
    if "city" in facts:
        parts.append(("城市：" if zh else "city: ") + str(facts["city"] or "—"))
    if "gender" in facts:
        parts.append(("性别代码 " if zh else "gender code ") + str(facts["gender"]))
    if "company" in facts:
        parts.append(("公司：" if zh else "company: ") + str(facts["company"] or "—"))
    if isinstance(facts.get("said"), dict):  # a kind's own fact, said in both languages
        parts.append(str(facts["said"]["zh" if zh else "en"]))
    if "remarks" in facts:  # each live follow's own note: "zhangsan：老板"
        said = [f"{r['userid']}：{r['remark']}" if zh else f"{r['userid']}: {r['remark']}"
                for r in facts["remarks"] if r.get("remark")]  # fmt: skip
        none = "无" if zh else "none"
        parts.append(("备注：" if zh else "remarks: ") + ("、".join(said) or none))
    if "channels" in facts:
        parts.append(_channels(facts["channels"], lang))
    if "messages" in facts:
        parts.append(_messages(facts["messages"], ctx, lang))
    if "coupons" in facts:
        parts.append(_coupons(facts["coupons"], ctx, lang))
    return "；".join(parts) if zh else "; ".join(parts)


def _channels(channels: list[dict[str, Any]], lang: str) -> str:
    """How each live follow began: "zhangsan 扫描二维码“展会2026”"."""
    zh = lang == "zh"
    said = [
        f"{c['userid']} {add_way_name(c['add_way'], lang)}"
        + (f"“{c['state']}”" if c.get("state") else "")
        for c in channels
    ]
    return ("添加方式：" if zh else "added: ") + (
        ("、" if zh else ", ").join(said) or ("无" if zh else "none")
    )


def _messages(messages: list[dict[str, Any]], ctx: CommandContext, lang: str) -> str:
    """The latest mass messages: "活动#3 已发送 10月20日 09:00"."""
    zh = lang == "zh"
    said = [
        f"#{m['campaign_id']} {m['status']}" + (f" {_when(m['at'], ctx, lang)}" if m["at"] else "")
        for m in messages
    ]
    return ("群发：" if zh else "mass messages: ") + (
        ("、" if zh else ", ").join(said) or ("无" if zh else "none")
    )


def _coupons(coupons: list[dict[str, Any]], ctx: CommandContext, lang: str) -> str:
    """The latest coupons: "活动#3 10月20日 09:00 领取，未核销"."""
    zh = lang == "zh"
    said = []
    for c in coupons:
        used = c["redeemed_at"]
        if zh:
            state = f"{_when(used, ctx, lang)} 核销" if used else "未核销"
            said.append(f"#{c['campaign_id']} {_when(c['issued_at'], ctx, lang)} 领取，{state}")
        else:
            state = f"redeemed {_when(used, ctx, lang)}" if used else "not redeemed"
            said.append(f"#{c['campaign_id']} issued {_when(c['issued_at'], ctx, lang)}, {state}")
    return ("优惠券：" if zh else "coupons: ") + (
        ("；" if zh else "; ").join(said) or ("无" if zh else "none")
    )


def _lines(
    node: ConditionExplanation, ctx: CommandContext, lang: str, vocab: Any, depth: int = 0
) -> list[str]:
    mark = "✓" if node.held else "✗"
    indent = "  " * depth
    kind = node.node.get("type")
    if kind in JOINERS:
        head = JOINERS[kind][0 if lang == "zh" else 1]
        lines = [f"{indent}{mark} {head}"]
        for child in node.children:
            lines.extend(_lines(child, ctx, lang, vocab, depth + 1))
        return lines
    words = describe(node_from_dict(node.node), lang, ctx.now, ctx.settings.timezone, vocab)
    facts = _facts(node.facts, ctx, lang)
    line = f"{indent}{mark} {words}" + (f"（{facts}）" if facts and lang == "zh" else "")
    if facts and lang != "zh":
        line += f" ({facts})"
    lines = [line]
    for child in node.children:
        lines.extend(_lines(child, ctx, lang, vocab, depth + 1))
    return lines


def explain_reply(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    answer: SegmentAnswer,
    lang: str,
) -> Reply:
    userid = requester.userid
    name = (answer.action.customer or "").strip()
    description = answer.description
    if is_pronoun(name):  # "为什么她在VIP客户里" after her card: that customer, never a guess
        shown = card_shown(session, ctx, userid)
        if shown is None:
            return Reply(userid, say_card("card_which_customer", lang))
        name = shown
    matches = find_visible(session, ctx, requester, name)
    if not matches:
        return Reply(userid, say("explain_nobody", lang, name=name))
    if len(matches) > 1:
        options = [f"{safe_name(n)}（{eid[-6:]}）" for eid, n in matches]
        question = say("explain_which", lang, count=len(matches), name=name)
        return Reply(userid, clarify(question, options, lang))
    eid, shown = matches[0]
    node = answer.segment
    result = explain_customer(session, node, eid, requester=requester, now=ctx.now,
                              ctx=ctx.engine)  # fmt: skip
    if not result.visible or result.condition is None:
        return Reply(userid, say("explain_nobody", lang, name=name))
    key = "explain_in" if result.member else "explain_out"
    vocab = load_vocabulary(session, ctx.engine.named)
    lines = [say(key, lang, name=safe_name(shown), description=description)]
    lines.extend(_lines(result.condition, ctx, lang, vocab))
    return Reply(userid, clip("\n".join(lines)))
