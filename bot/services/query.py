"""One chat command end to end: parse it, evaluate its segment in the asker's scope, and
answer it — typed (bot.services.answer) for the chat, as the JSON of `segbot query --json`
(spec/interfaces.md) for the CLI and API. Shared by CLI, API, chat."""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.answer import (
    ACTION_KEYS,
    Action,
    Answer,
    BreakdownAnswer,
    CardAnswer,
    ChangesAnswer,
    ClarifyAnswer,
    CountAnswer,
    DigestAnswer,
    MessageAnswer,
    RankedMember,
    SavedAnswer,
    SegmentAnswer,
    answer_json,
)
from bot.services.campaigns.settings import CampaignSettings
from bot.settings import DEFAULT_APPROVAL_COST_LIMIT
from segmentation.compiler import SegmentError
from segmentation.engine import EngineContext, segment_count, segment_listed, segment_members
from segmentation.insights.budget import MassMessageBudget
from segmentation.nlq import Clarification, Command, Vocabulary, load_vocabulary, parse_command
from segmentation.nlq.intents_extra import EXTRA_INTENTS, is_traditional
from segmentation.nlq.parser import untag_holders
from segmentation.nlq.unknown import tag_question
from segmentation.nodes import And, InDepartment, Node, Owner, Ranked, canonical, walk
from segmentation.ranking import ranking
from segmentation.scope import Requester, resolve_requester, team_of
from segmentation.text import language_of, normalize, normalize_name
from segmentation.unmatched import question_back

log = logging.getLogger(__name__)

HELP_ZH = (
    "您可以这样问：“近30天有咨询但未下单的客户”“上海的VIP客户有多少”“导出消费最多的10个客户”"
    "“给高意向客户发一张满100减20的券”“把…保存为“待跟进””。"
)
HELP_EN = (
    "Try: 'customers who inquired in the last 30 days but did not order', 'how many VIP "
    "customers in Shanghai', 'export the top 10 spenders', 'send high-intent customers a "
    "coupon ¥20 off orders over ¥100', 'save … as follow-up'."
)
# Answers that show their customers in order (a list, an export): they carry `listed`.
LISTED_INTENTS = frozenset({"list", "export"})


def run_query(
    session: Session,
    text: str,
    *,
    as_userid: str | None,
    now: datetime,
    ctx: EngineContext,
    admins: frozenset[str] = frozenset(),
    vocabulary: Vocabulary | None = None,
    budget: MassMessageBudget | None = None,
    campaigns: CampaignSettings | None = None,
    cost_limit: Decimal = DEFAULT_APPROVAL_COST_LIMIT,
    with_members: bool = True,
) -> dict[str, Any]:
    """The JSON of `segbot query --json` for `text` asked by `as_userid` (ask_query's answer
    at the CLI/API edge)."""
    return answer_json(
        ask_query(
            session,
            text,
            as_userid=as_userid,
            now=now,
            ctx=ctx,
            admins=admins,
            vocabulary=vocabulary,
            budget=budget,
            campaigns=campaigns,
            cost_limit=cost_limit,
            with_members=with_members,
        )
    )


def ask_query(
    session: Session,
    text: str,
    *,
    as_userid: str | None,
    now: datetime,
    ctx: EngineContext,
    admins: frozenset[str] = frozenset(),
    vocabulary: Vocabulary | None = None,
    budget: MassMessageBudget | None = None,
    campaigns: CampaignSettings | None = None,
    cost_limit: Decimal = DEFAULT_APPROVAL_COST_LIMIT,
    with_members: bool = True,
) -> Answer:
    """The answer to `text` asked by `as_userid` (None: the admin view of every customer).

    `with_members=False` (the chat): a count is counted in the database and its answer has no
    `customers` — a chat count shows a number, and loading a million ids for it is waste.

    `budget` tells describe answers who still has WeCom mass-message budget this month;
    `campaigns` and `cost_limit` give a push preview its facts (bot.services.campaigns
    .push_preview).
    """
    if as_userid is None:
        requester: Requester | None = Requester.all_access()
    else:
        requester = resolve_requester(session, as_userid, admins)
    if requester is None:
        return MessageAnswer(
            "refused",
            "抱歉，您不是本企业的成员，无法查询客户。 Sorry, only members of this company "
            "can query customers.",
        )
    vocab = vocabulary or load_vocabulary(session, ctx.named)
    result = parse_command(text, vocabulary=vocab, asker=as_userid, now=now, tz=ctx.timezone)
    if isinstance(result, Clarification):
        named = _bare_customer(session, text, requester, now, ctx)
        named = named or _nobody_called(session, text, result, requester, now, ctx)
        return named or clarify(result.message, list(result.suggestions))
    answer = answer_command(session, result, requester, now, ctx, budget, with_members)
    if isinstance(answer, SavedAnswer) and is_traditional(text):
        answer = replace(answer, script="hant")  # the list is answered in the asker's script
    if isinstance(answer, SegmentAnswer) and answer.intent in ("push", "schedule"):
        # Imported for pushes only: it brings the campaign models a question does not need.
        from bot.services.campaigns.push_preview import push_preview_json

        preview = push_preview_json(
            session,
            requester=requester,
            details=answer.action.items((*ACTION_KEYS, "script")),
            customers=answer.customers,
            language=result.language,
            now=now,
            settings=campaigns or CampaignSettings(timezone=ctx.timezone),
            cost_limit=cost_limit,
        )
        answer = replace(answer, push_preview=preview)
    return answer


# A message that is only a name ("王静", "陈明？", "Alice Wang"): 2–40 letters, no digits.
_BARE_NAME = re.compile(r"^[^\W\d_]+(?:[ ·.'-][^\W\d_]+){0,3}$")
# A look-up request around it ("pull up Frank", "幫我搵下Pia", "查一下王静"): a closed list.
_LOOK_UP = re.compile(
    # the name said as the answer to "which customer?": 就是Eve, 係Pia, 叫王静, "it's Eve"
    r"^(?:(?:就是|就係|就系|是|係|系|叫做|叫|客户是|客戶是|客户叫|客戶叫)\s*|"
    r"(?:it'?s|it\s+is|that'?s|that\s+is|the\s+customer\s+is|(?:she|he)\s+is|(?:she|he)'s|"
    r"(?:she|he)\s+is\s+called|called)\s+)|"
    # an opening word first: 咁睇下Ivan, 那找一下王静, 再查下Frank, "then look up Frank"
    r"^(?:(?:咁|噉|那|那么|那麼|那就|然后|然後|再|好|好吧|ok|okay|so|then|and|now)[\s,，]*)?"
    r"(?:请|請|麻烦|麻煩|帮我|幫我|帮忙|幫忙|唔该|唔該)?\s*(?:再)?(?:查一下|查一查|查查|查下|看看|看一下|看下|"
    r"找一下|找找|找|搵下|搵吓|搵一下|搵|睇下|睇睇|睇吓|check一下|check下|check)\s*|"
    r"^(?:(?:ok|okay|so|then|and|now)[\s,]+)?(?:(?:pls|please|can you|could you|can u)\s+)?"
    r"(?:pull up|show me|look up|bring up|find|check|open|get me)\s+(?:the\s+)?(?:customer\s+)?",
    re.IGNORECASE,
)


# Who the name is, said after it ("Judy，苏州那个", "叫Lily的那位", "Dan这个客户", "Mike呢個客",
# "Ivan, the Shanghai guy", "Eve - the one from Guangzhou"): a hint for the asker's own eyes,
# never a condition — the card found shows the city and the rest, so a wrong hint is seen.
_DESCRIBED = re.compile(
    r"(?:[\s,，]+(?:是|在|住)?[^\s,，]{1,8}?(?:的)?|的|\s*)"
    r"(?:那个|那位|那一个|那一位|嗰个|嗰個|嗰位|呢个|呢個|呢位|这个|這個|这位|這位|那個)"
    r"(?:客户|客戶|客人|顾客|顧客|客|人|会员|會員)?$|"
    r"[\s,]+(?:-\s*)?(?:the\s+)?(?:[A-Za-z]+\s+)?(?:one|guy|lady|woman|man|girl|customer|client)"
    r"(?:\s+(?:from|in)\s+[A-Za-z]+)?$",
    re.IGNORECASE,
)


# The pointing and people words of a description; what is left is the hint (a city: 苏州).
_POINTING = re.compile(
    r"[\s,，的是在住-]|那一?[个個位]|嗰[个個位]|呢[个個位]|这[个位]|這[個位]|客户|客戶|客人|顾客|顧客|客|人|"
    r"会员|會員|\b(?:the|one|guy|lady|woman|man|girl|customer|client|from|in)\b",
    re.IGNORECASE,
)


def _hint(description: str) -> str:
    return _POINTING.sub("", description).strip()


def _fits(session: Session, ids: list[str], hint: str) -> bool:
    """Whether the customers found are all where the hint says (a city, in Chinese or English):
    "Judy，北京那个" when Judy is in 苏州 is asked back, never shown as if she were the one."""
    from segmentation.models import Customer
    from segmentation.nlq.cities import city_english

    cities = session.scalars(select(Customer.city).where(Customer.external_userid.in_(ids)))
    wanted = normalize(hint)
    for city in cities:
        held = normalize(city or "").removesuffix("市")
        if not held or (
            wanted not in (held, held + "市") and wanted != normalize(city_english(held))
        ):
            return False
    return True


def look_up_name(text: str) -> str | None:
    """The name a look-up request is about ("搵Frank", "咁睇下Ivan", "look up Frank"): a
    look-up word, then a name and nothing else; None when `text` is no such request."""
    said = text.strip()
    found = _LOOK_UP.match(said)
    if found is None or found.end() == 0:
        return None
    name = said[found.end() :].strip("?？。.!！~ ")
    name = re.sub(r"(?:嘅|的)?(?:资料|資料|情况|情況|档案|檔案)?(?:啦|吧|呀|啊)?$", "", name)
    return name if 2 <= len(name) <= 40 and _BARE_NAME.match(name) else None


def _bare_customer(
    session: Session, text: str, requester: Requester, now: datetime, ctx: EngineContext
) -> Answer | None:
    """The card of the customer a message not understood otherwise is the exact name,
    remark or external_userid of ("王静" alone: 客户王静的情况), among those the asker may
    see; None when it names nobody exactly (the question back stands: a word that only
    resembles a name is never guessed)."""
    name = _LOOK_UP.sub("", text.strip(), count=1).strip("?？。.!！~ ")
    name = re.sub(r"\s*(?:吧|啦|呀|啊|喇|la|lah)$", "", name)  # "Eve吧": that one
    described = _DESCRIBED.search(name)  # "Judy，苏州那个", "Ivan, the Shanghai guy"
    hint = _hint(described.group()) if described else ""
    name = name[: described.start()] if described else name
    if not (2 <= len(name) <= 40 and _BARE_NAME.match(name)):
        return None
    # Imported here: the card brings opencc and the exports that a plain query never needs.
    from bot.services.conversation import card_answer
    from bot.services.customer_card import find_visible

    found = find_visible(session, requester, now=now, ctx=ctx, name=name, exact=True)
    if not found or (hint and not _fits(session, [eid for eid, _ in found], hint)):
        return None  # no one so, or a hint that fits none of them: the question back stands
    lang = language_of(name)
    command = Command("customer", None, lang, "", {"customer": name})
    return card_answer(session, command, requester, now, ctx, lang)


def _nobody_called(
    session: Session,
    text: str,
    asked: Clarification,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
) -> Answer | None:
    """ "搵Frank" when no customer the asker may see is Frank, and the question back was only
    about that name: no customer of theirs is called so (the words whether someone out of
    their scope has that name or nobody has), not "did not understand Frank"."""
    name = look_up_name(text)
    if name is None or asked.suggestions:  # "show me 金咔": 金卡 is offered, not a customer
        return None
    quoted = set(re.findall(r"“([^”]+)”", asked.message))
    if quoted != {normalize(name)} and quoted != {name}:
        return None
    from bot.services.conversation import card_answer

    lang = language_of(text)
    command = Command("customer", None, lang, "", {"customer": name})
    return card_answer(session, command, requester, now, ctx, lang)


def clarify(message: str, suggestions: list[str] | None = None) -> ClarifyAnswer:
    """A question back (ClarifyAnswer)."""
    return ClarifyAnswer(message, tuple(suggestions or ()))


def answer_command(
    session: Session,
    command: Command,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    budget: MassMessageBudget | None = None,
    with_members: bool = True,
) -> Answer:
    """The answer to an understood command (parsed here, or built by the chat from the
    conversation: a refinement of the previous answer), evaluated in `requester`'s scope.
    `with_members=False`: a count has its number only (no `customers`, no `ranking`)."""
    zh = command.language == "zh"
    if command.intent == "help":
        return MessageAnswer("help", HELP_ZH if zh else HELP_EN)
    if command.intent == "more":
        return MessageAnswer("more", "请先发一个查询。" if zh else "Ask a question first.")
    if command.intent == "show_saved" or command.intent in EXTRA_INTENTS:
        # breakdowns, customer cards, changes, the digest, my segments (imported here: they
        # need pandas and the digest, which `segbot query --help` should not load)
        from bot.services.conversation import extra_answer, saved_overview

        if command.intent == "show_saved":
            return saved_overview(session, requester, now, ctx, "zh" if zh else "en")
        extra = extra_answer(session, command, requester, now, ctx)
        if isinstance(extra, (CardAnswer, ChangesAnswer, DigestAnswer)):
            return extra
        if isinstance(extra, BreakdownAnswer):
            note = scope_note(extra.segment, requester, command.language, session)
            if note:  # groups counted in the asker's scope, as a count is
                return replace(extra, scope_note=note)
            return extra
        if extra.get("intent") == ClarifyAnswer.intent:  # no such tag group, customer …
            return ClarifyAnswer.from_json(extra)
        return extra
    if command.intent == "untag":  # whom it changes: those of the customers with the tag
        vocab = load_vocabulary(session, ctx.named)
        missing = _no_such_tag(command, vocab)
        if missing is not None:  # a card would claim changes that cannot happen
            return missing
        command = untag_holders(command, vocab, now, ctx.timezone)
    if command.segment is None:
        return clarify(
            "请说明是哪些客户，例如“近30天有咨询的客户”。"
            if zh
            else "Which customers? E.g. 'customers who inquired in the last 30 days'."
        )
    unmatched = question_back(
        session, command.segment, requester=requester, now=now, ctx=ctx, language=command.language
    )
    if unmatched is not None:  # 公司名包含“XX” that no visible customer's does: asked back
        return clarify(unmatched)
    if command.intent == "count" and not _acts(command):
        return count_answer(session, command, requester, now, ctx, with_members)
    try:
        ranked = ranking(session, command.segment, requester=requester, now=now, ctx=ctx)
        if ranked is not None:
            listed = [eid for eid, _ in ranked]
        elif command.intent in LISTED_INTENTS:
            listed = segment_listed(session, command.segment, requester=requester, now=now, ctx=ctx)
        else:  # a count or an action: the members, no order to pay for
            listed = segment_members(
                session, command.segment, requester=requester, now=now, ctx=ctx
            )
    except SegmentError as exc:
        log.info("segment could not be evaluated: %s", exc)
        return clarify(
            ("无法计算这个分群：" if zh else "That segment cannot be evaluated: ") + str(exc)
        )
    # A ranking's order, else — for a list or an export — the order chat lists them, pages
    # continue and exports write them: the most recent activity the question is about first
    # (segmentation.facts); `customers` stays sorted.
    ordered = ranked is not None or command.intent in LISTED_INTENTS
    insight = None
    if command.intent == "describe":
        from segmentation.insights.describe import describe_in_scope  # descriptions only

        insight = describe_in_scope(
            session,
            command.segment,
            requester=requester,
            now=now,
            ctx=ctx,
            language="zh" if zh else "en",
            budget=budget,
        )
    return SegmentAnswer(
        intent=command.intent,
        segment=command.segment,
        description=command.description,
        customers=tuple(sorted(listed)),
        listed=tuple(listed) if ordered else None,
        action=Action.of(command.details),
        needs_confirmation=command.needs_confirmation,
        scope_note=scope_note(command.segment, requester, command.language, session),
        ranking=None
        if ranked is None
        else tuple(RankedMember(eid, _json_number(v)) for eid, v in ranked),
        insight=insight,
    )


def _no_such_tag(command: Command, vocab: Vocabulary) -> ClarifyAnswer | None:
    """The question back for taking off a tag the company does not have ("去掉上海客户的黑卡
    标签"): nobody carries it, so there is nothing to confirm; the closest tags are offered."""
    tag = str(command.details.get("tag") or "").strip()
    if not tag or vocab.tags.get(normalize_name(tag)) is not None:
        return None
    asked = tag_question(tag, vocab)
    return clarify(asked.message(command.language), list(asked.suggestions))


def _acts(command: Command) -> bool:
    """Whether the command carries an action's details (a tag, a message, a format …)."""
    return command.needs_confirmation or any(key in command.details for key in ACTION_KEYS)


def count_answer(
    session: Session,
    command: Command,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    with_members: bool = True,
) -> CountAnswer | ClarifyAnswer:
    """A count, typed: counted by the database (`with_members=False`, the chat), else with
    its members and, for a ranking, their order and values. A segment that cannot be
    evaluated is asked back."""
    assert command.segment is not None
    zh = command.language == "zh"
    note = scope_note(command.segment, requester, command.language, session)
    try:
        if not with_members:
            count = segment_count(session, command.segment, requester=requester, now=now, ctx=ctx)
            return CountAnswer(command.segment, command.description, count, scope_note=note)
        ranked = ranking(session, command.segment, requester=requester, now=now, ctx=ctx)
        if ranked is None:
            members = segment_members(
                session, command.segment, requester=requester, now=now, ctx=ctx
            )
        else:
            members = [eid for eid, _ in ranked]
    except SegmentError as exc:
        log.info("segment could not be evaluated: %s", exc)
        return clarify(
            ("无法计算这个分群：" if zh else "That segment cannot be evaluated: ") + str(exc)
        )
    return CountAnswer(
        command.segment,
        command.description,
        len(members),
        customers=tuple(sorted(members)),
        listed=None if ranked is None else tuple(members),
        ranking=None
        if ranked is None
        else tuple(RankedMember(eid, _json_number(v)) for eid, v in ranked),
        scope_note=note,
    )


def _json_number(value: Decimal | float) -> float:
    """A JSON number: yuan with two decimals (exact in JSON text), or the score."""
    return float(value) if isinstance(value, Decimal) else value


SCOPE_NOTES = {
    "others": {
        "zh": "您只能查看自己权限范围内的客户，结果已按此限定。",
        "en": "You can only see the customers in your own scope; the answer is limited to them.",
    },
    "sales": {
        "zh": "（结果只包含您自己跟进的客户。）",
        "en": "(Limited to the customers you follow yourself.)",
    },
    "manager": {
        "zh": "（结果只包含您所管部门成员跟进的客户。）",
        "en": "(Limited to the customers followed by your departments.)",
    },
}


def scope_note(
    segment: Node, requester: Requester, language: str, session: Session | None = None
) -> str | None:
    """The line saying that a non-admin's answer was limited to their scope.

    Told by the question, never by the data: "did the scope leave anyone out" would itself
    be an oracle over customers the asker may not see. So a non-admin is told whenever the
    question is not already confined to their own customers ("我的客户…"), and told that
    the answer was limited when it names other people's customers or departments.
    """
    if requester.is_admin or _own_customers_only(canonical(segment), requester.userid):
        return None
    if session is not None and requester.role == "manager":
        # "张三的客户" asked by 张三's leader: his own team's customers, nothing limited
        userids, departments = team_of(session, requester)
        if _team_only(canonical(segment), userids, departments):
            return None
    lang = "zh" if language == "zh" else "en"
    others = any(
        (isinstance(n, Owner) and set(n.userids) - {requester.userid})
        or isinstance(n, InDepartment)
        for n in walk(segment)
    )
    return SCOPE_NOTES["others" if others else requester.role][lang]


def _team_only(node: Node, userids: frozenset[str], departments: frozenset[int]) -> bool:
    """Whether `node` keeps only customers of the team: an owner or department of it is one
    condition every answer must meet."""
    if isinstance(node, Owner):
        return set(node.userids) <= userids
    if isinstance(node, InDepartment):
        return set(node.department_ids) <= departments
    if isinstance(node, And):
        return any(_team_only(child, userids, departments) for child in node.children)
    if isinstance(node, Ranked):
        return _team_only(node.base, userids, departments)
    return False


def _own_customers_only(node: Node, userid: str) -> bool:
    if isinstance(node, Owner):
        return set(node.userids) == {userid}
    if isinstance(node, And):
        return any(_own_customers_only(child, userid) for child in node.children)
    if isinstance(node, Ranked):
        return _own_customers_only(node.base, userid)
    return False
