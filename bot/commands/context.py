"""Answers about the member's previous answer: “这个分群 / this segment / them” (an action or
explanation about it), and refinements of it ("这些客户里上海的有几个", "只要VIP的",
"of these, who is in Beijing", "去掉已经下单的").

The previous segment comes from the member's conversation (bot.commands.conversation) and is
evaluated again now, in their scope; a refinement is the previous segment AND (NOT) the new
conditions, which are parsed as a clause of their own and so inherit no window from it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, cast

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.changes_list import changes_as_list
from bot.commands.group_action import action_on_group
from bot.commands.group_words import as_group_value
from bot.commands.said_tokens import readable_tokens, tokens_of
from bot.commands.texts import say
from bot.services.answer import (
    Answer,
    ClarifyAnswer,
    CountAnswer,
    Refinement,
    SegmentAnswer,
)
from bot.services.query import answer_command, clarify
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import Command, load_vocabulary, parse_command
from segmentation.nlq.add_words import adds_either_way
from segmentation.nlq.also_other import WhichWindow, widened_by_other
from segmentation.nlq.campaign_followups import (
    coupon_said_again,
    is_about_campaigns,
    names_campaign_contact,
)
from segmentation.nlq.cities import field_cities
from segmentation.nlq.compare_words import compared_period, compared_periods
from segmentation.nlq.followup import (
    ALSO,
    AND,
    WITHOUT,
    FollowUp,
    bare_days,
    is_export_this,
    list_swap_words,
    read_follow_up,
    says_count_after,
    says_ever,
    window_swap_words,
)
from segmentation.nlq.intents_extra import EXTRA_INTENTS
from segmentation.nlq.parser import Clarification
from segmentation.nlq.restate import Restater, describe, describe_part
from segmentation.nlq.same_window import pointed_back
from segmentation.nlq.saved_words import said_as_group
from segmentation.nlq.swap import (
    Ambiguous,
    add_alternatives,
    counts_days,
    distinct_windows,
    kept_a_window,
    kinds,
    re_evented_items,
    renamed_items,
    swap_conditions,
    windowed_conditions,
    with_window,
    with_window_on_all_time,
)
from segmentation.nlq.token_kinds import K
from segmentation.nlq.verbs import demonstratives
from segmentation.nlq.vocabulary import ITEM_KINDS, Vocabulary
from segmentation.nlq.whole_periods import whole_period_around, whole_unit_alone
from segmentation.nlq.window_step import step_said, stepped
from segmentation.nodes import (
    AddedVia,
    All,
    And,
    ChannelCode,
    City,
    EventCount,
    Gender,
    HasTag,
    InDepartment,
    NamedSegment,
    Node,
    Not,
    Owner,
    Performed,
    Ranked,
    SegmentFormatError,
    Untagged,
    Window,
    canonical,
    from_json,
    to_json,
    walk,
)
from segmentation.scope import Requester
from segmentation.text import normalize, normalize_name

CONTEXT_WORDS = re.compile(
    r"这个分群|这个群|该分群|此分群|这个列表|这个名单|这个结果|上面的结果|这些|那些|这批|这群|上述|"
    r"他们|她们|佢们|她俩|他俩|佢俩|"
    # the answer by its size: 这俩按负责人分, 那三个导出, 呢两个入面 (never 这两个月, 那几个标签)
    r"(?:这|那|呢|嗰)(?:俩|仨|几个|几位|[两二三四五](?:个|位))(?![月星礼小钟天日年季周标活分券渠城部])|"
    r"this segment|that segment|the segment|this list|the list|the results?|"
    r"\bthem\b|\bthey\b|\bthese\b|\bthose\b",
    re.IGNORECASE,
)


def points_back(text: str) -> bool:
    """Whether `text` points at the previous answer ("这些", "這些", "them"), in either script."""
    return bool(CONTEXT_WORDS.search(text) or CONTEXT_WORDS.search(normalize(text)))


# Intents a bare "…呢" may repeat: asking again, never an action nobody typed.
_REPEATABLE = ("list", "count", "describe", "export", "breakdown")
# Whole sentences that are actions of their own even though they start with 去掉/only.
_ACTIONS = ("tag", "untag", "push", "schedule", "save", "explain")


def previous_segment(
    session: Session, ctx: CommandContext, userid: str
) -> tuple[Node, conv.PreviousAnswer] | None:
    """The member's previous answer (unexpired) and its segment tree, or None."""
    previous = conv.load(session, userid, ctx.now).previous
    if previous is not None:
        previous = previous.with_list()  # after a card: the list it was shown over
    if previous is None or not previous.has_segment:
        return None
    try:
        return from_json(previous.segment), previous
    except SegmentFormatError:
        return None


def described_in(
    session: Session, ctx: CommandContext, node: Node, previous: conv.PreviousAnswer, lang: str
) -> str:
    """The previous answer's restatement, said again in `lang` when it was in another ("download
    it" in English after a Chinese list restates it in English)."""
    if previous.language == lang:
        return previous.description
    vocab = load_vocabulary(session, ctx.engine.named)
    return describe(node, lang, ctx.now, ctx.settings.timezone, vocab)


def previous_breakdown(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """A breakdown of the previous answer's customers: "这些客户按城市分", "其中每个销售各有
    多少", "break these down by city", or a bare "按跟进人分一下" / "by city" right after a list
    (what it adds — "其中上海的按跟进人分" — narrows them first). None when `text` is no such
    breakdown; a pointed one with nothing before it is asked which customers."""
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.intent != "breakdown":
        return None
    pointed = bool(command.details.get("segment_from_context"))
    if not (pointed or command.details.get("bare")):
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return clarify(not_a_list(session, ctx, requester.userid, lang)) if pointed else None
    previous_node, previous = found
    said_count = command.details.get("pointed_count")
    if said_count is not None and previous.count is not None and said_count != previous.count:
        # "这两位按城市分" after a list of three: which two is asked, never guessed
        return clarify(say("count_not_shown", lang, shown=previous.count, count=said_count))
    if not pointed:  # "上海的客户" then "按城市分": one group says nothing; compare the cities
        previous_node = _unpinned(previous_node, str(command.details["by"]), ctx.engine.named)
    segment = _both(previous_node, command.segment or All())
    description = describe(segment, lang, ctx.now, ctx.settings.timezone, vocab)
    details = {
        k: v
        for k, v in command.details.items()
        if k not in ("segment_from_context", "bare", "pointed_count")
    }
    return answer_command(
        session,
        Command("breakdown", segment, lang, description, details, command.notes),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


def contextual_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The answer for a command about "this segment", or None when the text is not one."""
    # A bare export or describe ("导出", "分析一下") is about the previous answer too, and so
    # is an action that names no customers ("存成分群“挽回名单”").
    vocab = load_vocabulary(session, ctx.engine.named)
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.segment is not None:
        return None
    if not command.details.get("segment_from_context"):
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        if command.intent == "explain":
            return clarify(say("no_context", lang))
        # "列出来看看" after a card or the digest: say what was shown, and that it has no list.
        return clarify(not_a_list(session, ctx, requester.userid, lang))
    node, previous = found
    # an untag is narrowed to the tag's holders there
    description = described_in(session, ctx, node, previous, command.language)
    return answer_command(
        session,
        Command(command.intent, node, command.language, description, command.details),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


def exported_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """ "导出这个" / "把这些导出" / "export this" after a list: the previous answer's segment,
    now and in the asker's scope, as a file. A breakdown, a change list or a card is exported
    before the query (conversation_chat.before_query); the digest and the saved-segment list
    have no customers to export, which is said. None: not such a request."""
    if not is_export_this(text):
        return None
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None:
        return clarify(say("export_no_context", lang))
    if not previous.has_segment:
        return clarify(say("not_exportable", lang, what=say(f"shown_{previous.shown}", lang)))
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return clarify(say("refine_no_context", lang))
    details = {"segment_from_context": True, "format": "xlsx"}
    description = described_in(session, ctx, found[0], previous, lang)
    return answer_command(
        session,
        Command("export", found[0], lang, description, details),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


# What may be done to one group of a breakdown named by its value ("给张三的发一张9折券",
# "send Zhang San's ones a coupon", "张三的那些导出" after VIPs by owner).
# Queries are read by the follow-up readers (subjectless_answer: "张三的有几个").
_GROUP_ACTIONS = ("push", "schedule", "tag", "untag", "export", "save")


def breakdown_group_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """An action on one group of the breakdown just shown, named only by its value: that
    group (the breakdown's customers in it), not everyone with that value — a coupon "to
    张三's" after "VIPs by owner" goes to his VIPs, as the table showed them. Said with
    所有/all or a customer noun it is a question of its own. None: not such a message."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is None or previous.kind != conv.BREAKDOWN or not previous.breakdown:
        return None
    by = str(previous.breakdown.get("by"))
    group_types = (HasTag,) if by == "tag" else _PINS.get(by, ())
    vocab = load_vocabulary(session, ctx.engine.named)
    text = as_group_value(text)  # "张三那组", "Zhang San's group": the group by its value
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(command, Command) or command.intent not in _GROUP_ACTIONS:
        return None
    group = command.segment
    if group is None or not group_types or not isinstance(group, group_types):
        return None
    if _EVERYONE.search(normalize(text)) or _WITH_NOUN.search(text):
        return None  # "给张三的所有客户发" / "…的客户": a question of its own
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    segment = _both(found[0], group)
    description = describe(segment, lang, ctx.now, ctx.settings.timezone, vocab)
    return answer_command(
        session,
        Command(command.intent, segment, lang, description, command.details, command.notes),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


def refined_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The answer to a refinement of the previous answer, or None when `text` is not one."""
    follow = read_follow_up(text)
    if follow is None:
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    if said_as_group(normalize(text), vocab.saved):
        return None  # "how many in the october women group": a saved segment, read as it stands
    found = previous_segment(session, ctx, requester.userid)
    if found is None and follow.pointed and not follow.loose:
        # after a change list, "其中上海的" narrows the customers it listed ("那新进入X的呢"
        # is another change question, never a narrowing of these)
        found = changes_as_list(session, ctx, requester.userid)
    if found is None:
        # "只要VIP的" with nothing before it is read as it stands; "这些里…" cannot be, nor
        # "那北京的呢" — unless it is a whole question of its own ("那近7天流失的呢").
        if not follow.pointed or (follow.loose and _whole_question(text, vocab, requester, ctx)):
            return None
        if _conditions_of_its_own(text, vocab, requester, ctx, follow.rest):
            return None  # 那些买过唇釉但没买过精华液的客户: "the customers who …", read whole
        return clarify(not_a_list(session, ctx, requester.userid, lang))
    previous_node, previous = found
    if _is_action(text, vocab, requester, ctx, pointed=follow.pointed or follow.grouped):
        # "去掉…的待跟进标签" untags; "只要" / "去掉" alone do not start a refinement; nor
        # does "remove the 金卡 tag from them", an action on the previous answer itself
        return None
    renamed = _renamed_product(follow, previous_node, vocab, ctx) if follow.loose else None
    if renamed is not None:  # "那精华液呢" after a product condition: the other product
        return ask_again(session, ctx, requester, renamed, previous, lang)
    # "which of them also ordered in that period": the last answer's window, said again
    follow = replace(follow, rest=pointed_back(follow.rest, _window_of(previous_node)))
    command = _read_clause(follow, vocab, requester, ctx, lang)
    if follow.mode == ALSO:
        # "再加上近7天有下單的" right after a narrowing: one more condition, or more customers?
        # (after a plain question "再加上咨询过的" counts them in: the earlier reading, kept)
        either = adds_either_way(text) and previous.parent is not None
        return _also_answer(
            session, ctx, requester, previous_node, previous, command, lang, either, follow.rest
        )
    if isinstance(command, Clarification):
        if follow.lead or (follow.loose and not follow.pointed):
            return None  # "把这些…" acts on the answer itself; "X呢" asked back as it stands
        if _acts_on_previous(text, vocab, requester, ctx):
            return None  # "这些都统一贴上待跟进": a tag on the answer itself (contextual_answer)
        return clarify(command.message, list(command.suggestions))
    swapped_value = _in_place_of(follow, previous_node, command)
    if swapped_value is not None and follow.grouped:
        # "tag the at-risk ones 金卡" after "customers to keep?": the action, on that group
        acted = action_on_group(session, ctx, requester, text, swapped_value, vocab, lang)
        if acted is not None:
            return acted
    if swapped_value is not None:
        # "just my own VIPs then" after Zhao Liu's VIPs: only X where the answer says another X
        # is the same request about X — narrowing could only find nobody
        own = command.intent if _has_own_intent(follow, vocab, ctx) else ""
        return ask_again(
            session, ctx, requester, swapped_value, previous, lang, command.notes, intent=own
        )
    shown_node = previous_node
    previous_node = _sibling_base(previous_node, previous, command, follow)
    refined_from = previous_node
    # A sibling of a refinement ("其中下过单的", then "那没下单的呢") adds to what that
    # refinement narrowed; it replaces none of that answer's own events.
    sibling = previous_node is not shown_node
    if follow.loose:
        own_intent = _has_own_intent(follow, vocab, ctx)
        # "show me customers to keep instead", "换成北京的有几个": a swap said in so many words
        # asks the previous question again, as a list or a count when it says so
        swap_asks = follow.swap and command.intent in _SWAP_INTENTS
        if not _says_something(command) or (own_intent and not swap_asks):
            if not follow.pointed and own_intent:
                return None  # "我的VIP客户有多少呢": a whole question of its own
            return _which_reading(follow, previous, lang)
        # "那北京的呢" after Shanghai: the previous question with Beijing in Shanghai's place;
        # "那上海的呢" after a question with no city: the previous question, in Shanghai.
        assert command.segment is not None
        moved = re_evented_items(previous_node, command.segment)
        if moved is not None:  # "那咨询过的呢" after "买过玻尿酸面霜的": who asked about it
            return ask_again(session, ctx, requester, moved, previous, lang, command.notes)
        try:
            swapped = swap_conditions(
                previous_node, command.segment, says_ever(text), other_event=not sibling
            )
        except Ambiguous:
            return _which_reading(follow, previous, lang)
        if swapped is not None:
            notes = command.notes
            if kept_a_window(command.segment, swapped):  # "那没下单的呢": in those 90 days
                notes = (*notes, say("swap_kept_window", lang))
            asked = "list" if _asks_who(follow, vocab, ctx) else ""
            asked = command.intent if own_intent and swap_asks else asked
            return ask_again(session, ctx, requester, swapped, previous, lang, notes, asked)
    if follow.lead and not _says_something(command):
        return None  # "给这些客户打上X标签": the previous answer as it is (contextual_answer)
    if follow.mode == AND and command.segment is not None:
        # "给没核销的那两个…" after "那谁用了": the same campaign's coupon, the other state
        moved = coupon_said_again(previous_node, command.segment)
        if moved is not None:
            previous_node, narrowing = moved
            command = replace(command, segment=narrowing)
    # a sibling of "which of those are VIP" ("and the 金卡 ones?") stays among the rows shown
    again = None if sibling else _ranked_again(previous_node, command.segment, follow)
    combined = again or _combine(previous_node, command.segment, follow)
    if combined is None:
        return clarify(say("refine_what", lang))
    intent = _intent(command, follow, previous, vocab, ctx)
    # The whole message's language, not the clause's: "去掉VIP" is answered in Chinese.
    description = _restate(combined, command, vocab, ctx, lang)
    if intent == "breakdown":  # "那上海的呢" after a breakdown: the same table, in Shanghai
        return ask_again(session, ctx, requester, combined, previous, lang, command.notes)
    answer = answer_command(
        session,
        Command(intent, combined, lang, description, command.details, command.notes),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )
    if command.segment is not None and isinstance(answer, (CountAnswer, SegmentAnswer)):
        added = tuple(sorted(kinds(command.segment)))
        answer = replace(answer, refined=Refinement(refined_from, added))
    return answer


# ---------------------------------------------------------------- a follow-up with no subject

# What names whose customers a message is about: then it is a question of its own.
_SUBJECTS = (K.CUSTOMER, K.MY, K.MYDEPT, K.THIS, K.SAVEDWORD, K.CLAUSE)
# Words that say "everyone" ("所有女性有多少", "all women"): a question about all customers.
_EVERYONE = re.compile(r"所有|全部|全体|全體|\ball\b|\bevery|\boverall\b|\bin total\b")
# A word with the noun in it ("女客户", "customers of", "clients") names its own subject.
_WITH_NOUN = re.compile(r"客户|客戶|顾客|顧客|customer|client", re.IGNORECASE)
# Intents a message with no subject of its own may ask of the previous answer's customers.
_SUBJECTLESS_INTENTS = ("count", "list")
# How a subjectless follow-up relates to the previous answer: as "那…呢" does.
_LOOSE = FollowUp(AND, "", False, pointed=False, loose=True)


def subjectless_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """ "女的有几个" / "how many are female" / "VIP有多少" right after an answer, with no
    subject of its own (no 客户/customers, no 我的/所有/all, no "these"): a refinement of that
    answer — its segment AND the new conditions, which inherit no window. When the new
    condition is of a kind a customer has one of and the previous answer already says one
    ("上海的VIP客户", then "北京的有多少"), narrowing makes no sense: the previous question
    about Beijing or everyone in Beijing is asked back, unless both are the same. None: not
    such a message (it is answered as it stands)."""
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    # "李四嗰啲係邊個" after a table by owner: 那些 after a condition is that group of it
    tokens = readable_tokens(session, ctx, text, vocab)
    if tokens is None:
        return None
    tokens = demonstratives(tokens)
    if _has_subject(tokens) or _EVERYONE.search(normalize(text)):
        return None
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if (
        not isinstance(command, Command)
        or command.intent not in _SUBJECTLESS_INTENTS
        or command.details
        or not _says_something(command)
        or any(isinstance(n, Ranked) for n in walk(command.segment))
    ):
        return None
    assert command.segment is not None
    previous_node, previous = found
    if names_campaign_contact(command.segment) and is_about_campaigns(previous_node):
        return None  # "上次发券的活动谁用了" after a campaign's recipients: its own question
    # "男的有几个" after "其中女的有几个": a sibling of that refinement, about the same customers.
    previous_node = _sibling_base(previous_node, previous, command, _LOOSE)
    one_per_customer = kinds(command.segment) & kinds(previous_node) & _ONE_PER_CUSTOMER
    if (
        one_per_customer
        or another_single_value(command.segment, previous_node)
        or _same_event_other_window(command.segment, previous_node)
    ):
        return _which_subject(session, ctx, requester, command, previous_node, previous, lang)
    combined = _both(previous_node, command.segment)
    if canonical(combined) == canonical(previous_node):
        # "那近30天新加的有几个" after "近30天新加的客户中还没下过单的": it says again only what
        # that answer already said, so narrowing would repeat it; it asks that part alone.
        return None
    description = _restate(combined, command, vocab, ctx, lang)
    answer = answer_command(
        session,
        Command(command.intent, combined, lang, description, {}, command.notes),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )
    if isinstance(answer, (CountAnswer, SegmentAnswer)):
        added = tuple(sorted(kinds(command.segment)))
        answer = replace(answer, refined=Refinement(previous_node, added))
    return answer


def _same_event_other_window(new: Node, previous: Node) -> bool:
    """Whether `new` says an event `previous` says in another window ("上周下过单的" after
    "10月下过单的"): the same question about another period, or everyone in it — never both
    at once, which is what narrowing would ask."""
    said = {
        (n.event_kind, n.window)
        for n in walk(previous)
        if isinstance(n, (Performed, EventCount)) and n.window is not None
    }
    return any(
        isinstance(n, (Performed, EventCount))
        and n.window is not None
        and any(kind == n.event_kind and window != n.window for kind, window in said)
        for n in walk(new)
    )


# "ones" stands for customers of the answer, as 的 does in "张三的": no subject of its own.
_ONES = frozenset({"ones", "one"})


def _has_subject(tokens: list[Any]) -> bool:
    """Whether the message names whose customers it is about. A 人 right after the count
    ("有几个人", "多少人") is the unit counted, not a subject."""
    for i, token in enumerate(tokens):
        if token.kind == K.CUSTOMER and token.text in _ONES:
            continue  # "who are zhang san's ones": the answer's ones, named by what they have
        if token.kind == K.CUSTOMER and not (i and tokens[i - 1].kind == K.INTENT):
            return True
        if token.kind in _SUBJECTS and token.kind != K.CUSTOMER:
            return True
        if _WITH_NOUN.search(token.text):  # "女客户", "customers of" (a filler), "clients"
            return True
    return False


def _which_subject(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    command: Command,
    previous_node: Node,
    previous: conv.PreviousAnswer,
    lang: str,
) -> Answer | None:
    """ "北京的有多少" after "上海的VIP客户": the previous question about Beijing, or everyone
    in Beijing — asked back, each choice standing for its segment (picked by number). None
    when both readings are the same segment (then it is a question of its own)."""
    assert command.segment is not None
    try:
        swapped = swap_conditions(previous_node, command.segment)
    except Ambiguous:
        swapped = None
    if swapped is None or canonical(swapped) == canonical(command.segment):
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    tz = ctx.settings.timezone
    options = (swapped, command.segment)
    labels = tuple(describe(node, lang, ctx.now, tz, vocab) for node in options)
    message = say("subject_which", lang, description=previous.description)
    choices = tuple(to_json(node) for node in options)
    return ClarifyAnswer(message, labels, choices, asked_intent=command.intent)


def _says_something(command: Command) -> bool:
    return command.segment is not None and not is_everyone(command.segment)


def not_a_list(session: Session, ctx: CommandContext, userid: str, lang: str) -> str:
    """What "这些/these" cannot narrow: nothing was asked yet, or the previous answer was no
    list of a segment (the digest, one customer's card, a change list, the saved segments)."""
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None or previous.with_list().has_segment:
        return say("refine_no_context", lang)
    return say("not_a_list", lang, what=say(f"shown_{previous.shown}", lang))


def ask_again(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    node: Node,
    previous: conv.PreviousAnswer,
    lang: str,
    notes: tuple[str, ...] = (),
    intent: str = "",
) -> Answer:
    """The previous question asked again about `node` (a swapped window or condition): the
    same intent — a breakdown by the same groups — restated in the asker's language; or
    `intent` when the new message asked one of its own."""
    vocab = load_vocabulary(session, ctx.engine.named)
    description = describe(node, lang, ctx.now, ctx.settings.timezone, vocab)
    if notes:
        description = (
            f"{description}（{'；'.join(notes)}）"
            if lang == "zh"
            else (f"{description} ({'; '.join(notes)})")
        )
    asked = intent
    intent = asked or (previous.intent if previous.intent in _REPEATABLE else "list")
    details: dict[str, Any] = {}
    if not asked and previous.details and previous.intent in _ACTIONS:
        # the action just asked reached nobody: the same request for these customers, on a
        # card (nothing runs before it is confirmed)
        intent, details = previous.intent, dict(previous.details)
    if not asked and previous.kind == conv.BREAKDOWN and conv.is_table_thread(previous):
        by = previous.breakdown.get("by")
        # "那上海的呢" after "按城市分": one group by its value — that group's customers, not
        # a table of 100% of it
        if _pins_one_group(node, str(by)):
            intent = "list"
        else:
            intent = "breakdown"
            details = {"by": by, "group": previous.breakdown.get("tag_group")}
    return answer_command(
        session,
        Command(intent, node, lang, description, details, notes),
        requester,
        ctx.now,
        ctx.engine,
        with_members=ctx.count_ids,
    )


# ---------------------------------------------------------------- a swapped window

# What may stand beside the window in "近90天的客户呢": nothing that is a condition.
_WINDOW_COMPANIONS = (K.DE, K.FILLER, K.SEP, K.CUSTOMER)


def swapped_window_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """ "近90天的呢" / "换成上个月呢" / "what about the last 90 days" after a windowed
    question: that question again with the new window on its windowed conditions. When they
    have different windows, which one is asked back; None when `text` is not a window alone
    (or nothing was asked before: then it is asked back as it stands)."""
    compared = compared_period(text) or _other_of_both(session, ctx, requester, text)
    if compared and step_said(normalize(compared)) is not None:
        # "compare with the month before", "vs the week before", "跟再前一个月比"
        return _compared_step(session, ctx, requester, compared, lang)
    # "跟上个月比呢": the other period, both counts said
    listed = None if compared else list_swap_words(text)  # "show me last month's"
    words = window_swap_words(listed or compared or text)
    if words is None or len(words) > 40:  # a window alone is short; skip the tokenizer
        return None
    unit = whole_unit_alone(words)
    if unit is not None and not compared:  # "and for the whole year?" after this quarter
        return _whole_around(session, ctx, requester, unit, text, lang, listed is not None)
    days = bare_days(words)
    if days is not None:  # "咁 30日 呢" after 近7日: 30 days, not the 30th
        found = previous_segment(session, ctx, requester.userid)
        if found is not None and counts_days(found[0]):
            words = f"近{days}天"
    tokens = readable_tokens(session, ctx, words)
    if tokens is None:  # a window beyond the bounds: the parser asks it back
        return None
    windows = [t for t in tokens if t.kind == K.WINDOW]
    if len(windows) != 1 or any(
        t.kind not in _WINDOW_COMPANIONS for t in tokens if t.kind != K.WINDOW
    ):
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    new, phrase = windows[0].value, windows[0].text
    notes: tuple[str, ...] = ()
    old = distinct_windows(node)
    if compared and len(old) == 1 and old[0] == new:
        # "compare with last month" after last month's answer: the same period twice
        return clarify(say("compare_same", lang, period=phrase, description=previous.description))
    if compared:
        notes = _compared_note(session, ctx, node, previous, lang)
    if not old:
        placed = with_window_on_all_time(node, new)
        if placed is None:  # "VIP客户" then "近半年呢": nothing to put it on
            said = previous.description
            return clarify(say("swap_no_window", lang, description=said, new=phrase))
        counted = _asked_intent(text, listed is not None)
        return ask_again(session, ctx, requester, placed, previous, lang, notes, counted)
    counted = _asked_intent(text, listed is not None)  # "那整个十月一共几个": a count
    if len(old) == 1:
        swapped = with_window(node, new)
        return ask_again(session, ctx, requester, swapped, previous, lang, notes, counted)
    return _which_window(session, ctx, requester, node, previous, new, phrase, lang)


def _asked_intent(text: str, listed: bool) -> str:
    """The intent a swap asks of its own: a count (那整个十月一共几个), a list (show me last
    month's), else none (the previous question's)."""
    if listed:
        return "list"
    return "count" if says_count_after(text) else ""


def _whole_around(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    unit: str,
    text: str,
    lang: str,
    listed: bool,
) -> Answer | None:
    """The previous question over the whole `unit` its one window lies in (this quarter →
    this year); None (asked back by the parser) when it has no such window."""
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    node, previous = found
    windows = distinct_windows(node)
    if len(windows) != 1 or windows[0] is None:
        return None
    whole = whole_period_around(windows[0], unit, ctx.now, ctx.settings.timezone)
    if whole is None:
        return None
    intent = _asked_intent(text, listed)
    return ask_again(session, ctx, requester, with_window(node, whole), previous, lang, (), intent)


def _compared_note(
    session: Session, ctx: CommandContext, node: Node, previous: conv.PreviousAnswer, lang: str
) -> tuple[str, ...]:
    """The first answer's count, said beside the other period's."""
    if previous.count is None:
        return ()
    vocab = load_vocabulary(session, ctx.engine.named)
    said = describe(node, lang, ctx.now, ctx.settings.timezone, vocab).removesuffix("的客户")
    return (say("compared_with", lang, description=said, count=previous.count),)


def stepped_question(
    session: Session, ctx: CommandContext, requester: Requester, words: str
) -> tuple[Node, Node, conv.PreviousAnswer] | None:
    """The previous question, and it again over the period before or after its one window
    ("再往前一周", "the month before"), with its answer; None when `words` say no step or the
    question has no single window that steps (近7天)."""
    step = step_said(normalize(words))
    found = previous_segment(session, ctx, requester.userid) if step is not None else None
    if step is None or found is None:
        return None
    node, previous = found
    windows = distinct_windows(node)
    if len(windows) != 1 or windows[0] is None:
        return None
    moved = stepped(windows[0], step, ctx.now, ctx.settings.timezone)
    if moved is None:
        return None
    return node, with_window(node, moved), previous


def _compared_step(
    session: Session, ctx: CommandContext, requester: Requester, words: str, lang: str
) -> Answer | None:
    """ "compare with the month before" after last month's answer: the period before it."""
    found = stepped_question(session, ctx, requester, words)
    if found is None:
        return None
    node, moved, previous = found
    notes = _compared_note(session, ctx, node, previous, lang)
    return ask_again(session, ctx, requester, moved, previous, lang, notes)


def _other_of_both(
    session: Session, ctx: CommandContext, requester: Requester, text: str
) -> str | None:
    """ "this week vs last week" / "本周跟上周比" after an answer about this week: the other
    period's words, when the first is the one window of the answer shown; else None."""
    both = compared_periods(text)
    if both is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    old = distinct_windows(found[0])
    tokens = readable_tokens(session, ctx, both[0])
    if tokens is None or len(old) != 1:
        return None
    windows = [t.value for t in tokens if t.kind == K.WINDOW]
    return both[1] if windows == [old[0]] else None


def _which_window(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    node: Node,
    previous: conv.PreviousAnswer,
    new: Any,
    phrase: str,
    lang: str,
) -> Answer:
    """ "近30天有咨询但近7天没下单的" then "近90天的呢": which window the new one replaces —
    each of the first two, or all — asked back, with the segment each choice stands for kept
    for the pick (1 / 第一个 / the first one)."""
    vocab = load_vocabulary(session, ctx.engine.named)
    tz = ctx.settings.timezone
    labels, segments, named = [], [], []
    for old in distinct_windows(node)[:2]:
        parts = [w.part for w in windowed_conditions(node) if w.window == old]
        said = describe_part(
            parts[0] if len(parts) == 1 else And(tuple(parts)), lang, ctx.now, tz, vocab
        )
        named.append(f"“{said}”")
        swapped = with_window(node, new, only=old)
        labels.append(describe(swapped, lang, ctx.now, tz, vocab))
        segments.append(to_json(swapped))
    everything = with_window(node, new)
    labels.append(describe(everything, lang, ctx.now, tz, vocab))
    segments.append(to_json(everything))
    sep = "、" if lang == "zh" else ", "
    message = say("swap_which", lang, windows=sep.join(named), new=phrase)
    # The segment each suggestion stands for, for the pick (picks.question_for keeps them).
    return ClarifyAnswer(message, tuple(labels), tuple(segments))


def swap_pick_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    segment: dict[str, Any],
    lang: str,
    intent: str = "",
) -> Answer:
    """The answer to the choice picked from "which window?": the previous question again —
    or, when the question back was about a question of its own ("北京的有多少"), that one."""
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return clarify(say("refine_no_context", lang))
    try:
        node = from_json(segment)
    except SegmentFormatError:
        return clarify(say("refine_no_context", lang))
    return ask_again(session, ctx, requester, node, found[1], lang, intent=intent)


# What a customer has one of: "其中男性呢" after "其中女性有几个" can only be about the answer
# that refinement narrowed (narrowing the women to men leaves no one). A tag, an owner or an
# event adds up: "其中有几个金卡" after "这些里VIP的" narrows the VIPs.
_ONE_PER_CUSTOMER = frozenset({"Gender", "City", "ContactType"})


# Whose customers (销售一部 then 那销售二部的有多少; 张三的 then 李四的有几个) and a built-in
# class (一般价值客户 then 一般发展的有几个): said again with another value, both at once is
# no narrowing anyone means (a customer is in one RFM class; nobody asks for the customers two
# departments share), so it is asked of the other value as a city is. A person after a
# department is no other value: 李四的是谁 after my department's table is one of its people.
_WHOSE = (Owner, InDepartment)


def another_single_value(new: Node, previous: Node) -> bool:
    """Whether `new` names another department, another person or another built-in class,
    where the previous question (its top-level conditions) says one."""
    parts = previous.children if isinstance(previous, And) else (previous,)
    added = new.children if isinstance(new, And) else (new,)
    return any(_single_value_clash(a, p) for a in added for p in parts)


def _single_value_clash(new: Node, old: Node) -> bool:
    if new == old:
        return False
    return type(new) is type(old) and isinstance(new, (*_WHOSE, NamedSegment))


def _sibling_base(
    node: Node, previous: conv.PreviousAnswer, command: Command, follow: FollowUp
) -> Node:
    """What the new clause narrows: the previous answer, or — when it says something of the
    same kind as the refinement that made that answer ("其中女性有几个", then "男的呢" /
    "北京的呢" after "上海的") — the answer that refinement narrowed, as a sibling question.
    Said with a pointer (其中/这些里/of them), it is a sibling only for what a customer has
    one of; otherwise it narrows the answer just shown."""
    if previous.parent is None or command.segment is None:
        return node
    same = kinds(command.segment) & set(previous.added)
    if not same or (follow.pointed and not follow.loose and not same <= _ONE_PER_CUSTOMER):
        return node
    try:
        parent = from_json(previous.parent)
    except SegmentFormatError:
        return node
    # The refinement's other conditions stay: "一般发展那组 in 上海" then "换成北京" swaps the
    # city and keeps the class the same message added
    inherited = parent.children if isinstance(parent, And) else (parent,)
    shown = node.children if isinstance(node, And) else (node,)
    kept = [p for p in shown if p not in inherited and not kinds(p) & same]
    return _both(parent, And(tuple(kept)) if len(kept) > 1 else kept[0]) if kept else parent


def is_everyone(node: Node | None) -> bool:
    return isinstance(node, All)


# What a bare name may come with and still be only that name ("精华液呢", "那护肤类的呢").
_AROUND_A_NAME = (K.FILLER, K.SEP, K.DE, K.ITEMWORD)


def _renamed_product(
    follow: FollowUp, previous: Node, vocab: Vocabulary, ctx: CommandContext
) -> Node | None:
    """The previous question about another product or category, when the follow-up names
    only that ("那精华液呢", "what about Serum X?") and the previous question has one product
    condition: a bare product says nothing of buying or asking, the condition it replaces
    does. None otherwise (the follow-up is read as usual, or asked back)."""
    try:
        tokens = tokens_of(follow.rest, vocab, ctx)
    except SegmentFormatError:
        return None
    named = [t for t in tokens if t.kind not in _AROUND_A_NAME]
    if len(named) != 1 or named[0].kind != K.NAME or not named[0].meanings:
        return None
    meanings = named[0].meanings
    fields = {m.kind for m in meanings}
    if len(fields) != 1 or not fields <= set(ITEM_KINDS):
        return None
    return renamed_items(previous, meanings[0].kind, tuple(str(m.value) for m in meanings))


def _whole_question(
    text: str, vocab: Vocabulary, requester: Requester, ctx: CommandContext
) -> bool:
    """Whether `text` is a conversation question complete in itself (a change list, a
    breakdown, a card), which a "那…呢" around it does not make a follow-up."""
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    return isinstance(command, Command) and command.intent in EXTRA_INTENTS


def _conditions_of_its_own(
    text: str, vocab: Vocabulary, requester: Requester, ctx: CommandContext, rest: str = ""
) -> bool:
    """Whether `text`, said with nothing before it, is read alone as customers of its own: a
    demonstrative heading a relative clause (那些…的客户, 嗰啲…嘅客, "those who …") is "the
    customers who …" (segmentation.nlq.verbs.relative_heads); 这些里VIP的 is asked. So is one
    asked back about a word of its own conditions (上个月那批流失风险的客户: which window?
    我跟緊嗰啲高意象嘅客: which tag?), a question better than "which are these?"."""
    command = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if isinstance(command, Clarification):
        return _asks_about_its_own_words(command.message, normalize(rest))
    return _says_something(command)


_ASKED_WORD = re.compile(r"“([^”]+)”")


def _asks_about_its_own_words(message: str, rest: str) -> bool:
    """Whether a question back quotes a word of `rest` (the words after the pointer): not
    a piece of the pointer itself ("没看懂“面”" of 这里面), nor the pointer question."""
    return any(len(word) >= 2 and normalize(word) in rest for word in _ASKED_WORD.findall(message))


def _window_of(node: Node) -> Window | None:
    """The first window the answer's conditions are in (the one "that period" points at)."""
    for part in walk(node):
        window = getattr(part, "window", None)
        if window is not None:
            return cast(Window, window)
    return None


def _read_clause(
    follow: FollowUp, vocab: Vocabulary, requester: Requester, ctx: CommandContext, lang: str
) -> Command | Clarification:
    """The new clause parsed on its own (so it inherits no window): the first reading that
    is understood, else the question back about the first — in the language of the whole
    message, not of the clause ("去掉VIPP" is asked back in Chinese)."""
    results = [
        parse_command(
            text,
            vocabulary=vocab,
            asker=requester.userid,
            now=ctx.now,
            tz=ctx.settings.timezone,
            reply_language=lang,
        )
        for text in (*follow.readings(), *_as_channel(follow.rest, vocab))
    ]
    understood = [r for r in results if isinstance(r, Command)]
    return understood[0] if understood else results[0]


_CLAUSE_EDGES = re.compile(
    r"^(?:and|or|what about|how about)\s+|(?:\s|[?？.。]|呢|的客户|客户|的|customers)+$", re.I
)


def _as_channel(rest: str, vocab: Vocabulary) -> tuple[str, ...]:
    """A channel code said alone ("and Expo-A?", "那展会2026的呢"): read as the code it names,
    as "通过“X”活码加的" says it; nothing when it names no code."""
    bare = _CLAUSE_EDGES.sub("", rest.strip()).strip()
    code = vocab.channels.get(normalize_name(bare)) if bare else None
    return (f"通过“{code}”活码加的",) if code else ()


def _is_action(
    text: str, vocab: Vocabulary, requester: Requester, ctx: CommandContext, pointed: bool = False
) -> bool:
    """Whether `text` is a whole action; when it points at the previous answer, only an
    action on that answer itself (no conditions of its own to narrow it by)."""
    whole = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    if not isinstance(whole, Command) or whole.intent not in _ACTIONS:
        return False
    return not pointed or bool(whole.details.get("segment_from_context"))


def _acts_on_previous(
    text: str, vocab: Vocabulary, requester: Requester, ctx: CommandContext
) -> bool:
    """Whether the whole message is an action on the previous answer ("这些都打上VIP")."""
    whole = parse_command(
        text, vocabulary=vocab, asker=requester.userid, now=ctx.now, tz=ctx.settings.timezone
    )
    return (
        isinstance(whole, Command)
        and whole.intent in _ACTIONS
        and bool(whole.details.get("segment_from_context"))
    )


# What a swap said in so many words may ask of its own: the customers, or how many.
_SWAP_INTENTS = frozenset({"list", "count"})


def _has_own_intent(follow: FollowUp, vocab: Vocabulary, ctx: CommandContext) -> bool:
    tokens = tokens_of(follow.rest, vocab, ctx)
    return any(t.kind == K.INTENT for t in tokens)


# Conditions a customer meets for one value only (one city, one gender, one built-in class;
# whose customers, as a request says it): "only" another value of one of them is no narrowing.
_ONE_VALUE = (Owner, City, Gender, NamedSegment)
# A customer's class said another way (a tag, no tag, a built-in class): "the at-risk ones"
# after the 沉睡 tag's customers asks about the other class, as "那流失风险的呢" does.
_CLASSES = (HasTag, NamedSegment, Untagged)


def _in_place_of(follow: FollowUp, previous: Node, command: Command) -> Node | None:
    """The previous segment with the follow-up's condition in place of another value of the
    same kind, when "only X" or a group ("the Beijing ones") names a value the previous
    answer has another of (其中/of these narrow as said); else None."""
    new = command.segment
    if follow.mode != AND or follow.loose or new is None or is_everyone(new):
        return None
    if follow.pointed and not follow.grouped:
        return None
    parts = previous.children if isinstance(previous, And) else (previous,)
    added = new.children if isinstance(new, And) else (new,)
    if not any(_other_value(a, p, follow.grouped) for a in added for p in parts):
        return None
    try:
        return swap_conditions(previous, new, other_event=False)
    except Ambiguous:
        return None


def _other_value(new: Node, old: Node, grouped: bool) -> bool:
    """Whether `new` names another value of what `old` says (a group also another class)."""
    if new == old:
        return False
    if (isinstance(new, _ONE_VALUE) and type(new) is type(old)) or _single_value_clash(new, old):
        return True
    return (
        grouped
        and isinstance(new, _CLASSES)
        and isinstance(old, _CLASSES)
        and (type(new) is not type(old))
    )


def _which_reading(follow: FollowUp, previous: conv.PreviousAnswer, lang: str) -> Answer:
    fresh = re.sub(r"(?:呢|咧)\s*[?？]*$", "", follow.rest).strip() or follow.rest
    if lang == "zh":
        options = [f"其中{follow.rest}", fresh]
        message = say("refine_or_new", lang, description=previous.description)
    else:
        options = [f"among them, {follow.rest}", fresh]
        message = say("refine_or_new", lang, description=previous.description)
    return clarify(message, options)


def _also_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    previous_node: Node,
    previous: conv.PreviousAnswer,
    command: Command | Clarification,
    lang: str,
    either_way: bool = False,
    said: str = "",
) -> Answer | None:
    """ "加上北京的", "add Beijing too": the previous question asked again with one more value
    for the condition of that kind (上海 → 上海 or 北京). Asked back when the previous answer
    has no such condition, or it cannot simply take one more value, or (`either_way`) the add
    verb may as well add a condition of another kind as customers (`said`: what is added)."""
    if isinstance(command, Clarification) or command.segment is None:
        return None  # not a value this reads: left to the other readings
    added = command.description or ""
    try:
        widened = add_alternatives(previous_node, command.segment)
    except Ambiguous:
        return clarify(say("also_which", lang, description=previous.description, new=added))
    if widened is not None:
        return ask_again(session, ctx, requester, widened, previous, lang, command.notes)
    if either_way:
        return _and_or_which(said or added, previous, lang)
    vocab = load_vocabulary(session, ctx.engine.named)
    try:  # another kind of condition: these OR the new ones ("加上咨询过的")
        other = widened_by_other(previous_node, command.segment)
    except WhichWindow as which:
        said = ("、" if lang == "zh" else " or ").join(
            _window_words(w, vocab, ctx, lang) for w in which.windows
        )
        return clarify(say("also_which_window", lang, new=added, windows=said))
    except Ambiguous:
        return clarify(say("also_nothing", lang, description=previous.description, new=added))
    notes = command.notes
    if other.window_taken is not None:
        phrase = _window_words(other.window_taken, vocab, ctx, lang)
        notes = (*notes, say("also_window", lang, window=phrase))
    return ask_again(session, ctx, requester, other.node, previous, lang, notes)


def _and_or_which(said: str, previous: conv.PreviousAnswer, lang: str) -> Answer:
    """Which "add" is meant: one more condition on these customers (AND), or the customers of
    that condition counted in as well (OR) — each option said so that it reads one way only."""
    if lang == "zh":
        options = [f"其中{said}", f"{said}也算上"]
    else:
        options = [f"of these, {said}", f"{said} too"]
    return clarify(say("also_and_or", lang, description=previous.description, new=said), options)


def _window_words(window: Window, vocab: Vocabulary, ctx: CommandContext, lang: str) -> str:
    """ "上个月（10月1日–10月31日）" / "last month (Oct 1 – Oct 31)"."""
    said = Restater(lang, ctx.now, ctx.settings.timezone, vocab)
    return said.when(window) if lang == "zh" else said.when_en(window).strip()


def _ranked_again(previous: Node, new: Node | None, follow: FollowUp) -> Ranked | None:
    """ "只看上海的" / "淨係睇張三嘅" / "just the VIPs" / "那北京的呢" after a ranking: the same
    ranking (end, count or share, measure, window) among its customers that are also X — a
    ranking is among the customers matching the rest of the segment (spec §2) — not the rows
    shown that are X, which 其中X / "of these, X" (pointed) still asks. None: not such a case."""
    if not isinstance(previous, Ranked) or follow.mode != AND:
        return None
    if follow.pointed and not follow.loose:  # 其中X: the rows shown that are X
        return None
    if new is None or is_everyone(new) or any(isinstance(n, Ranked) for n in walk(new)):
        return None
    return replace(previous, base=_both(previous.base, new))


def _combine(previous: Node, new: Node | None, follow: FollowUp) -> Node | None:
    if new is None or is_everyone(new):
        # "其中有多少", "这些里导出": the previous segment itself; removing everyone is nothing.
        return None if follow.mode == WITHOUT else previous
    if (
        isinstance(new, Ranked)
        and isinstance(previous, Ranked)
        and isinstance(new.base, All)
        and follow.mode == AND
        and not follow.pointed
    ):
        # "只看近30天的话 最多的3个" after a ranking: the same ranking looked at again (in its
        # own window when it says one), not a ranking among the ones just shown
        window = new.window if new.window is not None else previous.window
        return replace(new, base=previous.base, window=window)
    if isinstance(new, Ranked) and follow.mode == AND:
        # "其中消费最多的3个" ranks among these, not everyone: the ranking's own base is
        # the previous answer narrowed by what the ranking said about it.
        return replace(new, base=_both(previous, new.base))
    return _both(previous, Not(new) if follow.mode == WITHOUT else new)


# The conditions that put every customer of an answer into one group of a dimension.
_PINS: dict[str, tuple[type, ...]] = {
    "city": (City,),
    "gender": (Gender,),
    "owner": (Owner,),
    "department": (InDepartment,),
    "channel": (ChannelCode, AddedVia),
}


def _pins_one_group(node: Node, by: str) -> bool:
    """Whether `node` holds the breakdown dimension `by` to one value (在上海 for a city
    breakdown, 由张三跟进 for an owner one), at its top or as one of its AND's children."""
    types = _PINS.get(by, ())
    parts = node.children if isinstance(node, And) else (node,)
    return bool(types) and any(isinstance(p, types) and _one_value(p) for p in parts)


def _one_value(node: Node) -> bool:
    if isinstance(node, City):  # its names are one city's spellings (上海, shanghai, 上海市)
        return len({c for n in node.names for c in field_cities(normalize(n)) or (n,)}) == 1
    for field in ("userids", "department_ids", "codes", "names"):
        values = getattr(node, field, None)
        if values is not None:
            return len(values) == 1
    return True  # gender: one value always


def _unpinned(node: Node, by: str, named: NamedSegmentCatalog) -> Node:
    """`node` without the conditions that pin dimension `by` to one group (上海的 for a city
    breakdown, 重要发展客户 for an RFM one), so a bare "按X分" after such an answer compares
    the groups instead of showing the one; other conditions are kept."""

    def pins(child: Node) -> bool:
        if isinstance(child, NamedSegment) and by == "rfm":
            entry = named.get(child.key)
            return entry is not None and entry.is_rfm
        return isinstance(child, _PINS.get(by, ()))

    if pins(node):
        return All()
    if isinstance(node, And):
        kept = tuple(c for c in node.children if not pins(c))
        if len(kept) != len(node.children):
            return All() if not kept else kept[0] if len(kept) == 1 else And(kept)
    return node


def narrowed_to(previous: Node, narrowing: Node) -> Node:
    """`previous` AND `narrowing`, the previous conditions first (as the restatement reads)."""
    return _both(previous, narrowing)


def _both(previous: Node, narrowing: Node) -> Node:
    if is_everyone(narrowing):
        return previous
    if is_everyone(previous):
        return narrowing
    # The previous conditions first, then the new ones: the restatement reads in that order.
    parts = previous.children if isinstance(previous, And) else (previous,)
    added = narrowing.children if isinstance(narrowing, And) else (narrowing,)
    # The other side of one of its conditions ("那沒貼待跟進的女生有幾位" after those tagged
    # 待跟进): that condition turned round, never both (no customer is X and not X).
    parts = tuple(p for p in parts if Not(p) not in added and not _negation_of(p, added))
    if not parts:
        return narrowing
    return And((*parts, *(n for n in added if n not in parts)))


def _negation_of(part: Node, added: tuple[Node, ...]) -> bool:
    return isinstance(part, Not) and part.child in added


def _intent(
    command: Command,
    follow: FollowUp,
    previous: conv.PreviousAnswer,
    vocab: Vocabulary,
    ctx: CommandContext,
) -> str:
    """The follow-up's own intent; "其中女性呢" (no verb of its own) asks the previous one."""
    if not follow.echo or command.intent != "list":
        return command.intent
    tokens = tokens_of(follow.rest, vocab, ctx)
    if any(t.kind == K.INTENT for t in tokens):
        return command.intent
    if _asks_who(follow, vocab, ctx):
        return "list"  # "and who's tagged VIP" after a count: the rows asked for
    return previous.intent if previous.intent in _REPEATABLE else command.intent


def _asks_who(follow: FollowUp, vocab: Vocabulary, ctx: CommandContext) -> bool:
    """ "and who's in the 跟进名单 segment": an English who asks for the customers (a list),
    whatever the question before it asked (Chinese 有谁/哪些 are intents of their own)."""
    tokens = tokens_of(follow.rest, vocab, ctx)
    return any(t.kind == K.DE and t.text in _ASKS_WHO for t in tokens)


# English question words that ask for the customers themselves (Chinese 有谁/哪些 are intents)
_ASKS_WHO = frozenset({"who", "whom"})


def _restate(
    combined: Node, command: Command, vocab: Vocabulary, ctx: CommandContext, lang: str
) -> str:
    """The combined segment in plain words, with the new clause's notes (tag vs named)."""
    text = describe(combined, lang, ctx.now, ctx.settings.timezone, vocab)
    if not command.notes:
        return text
    if lang == "zh":
        return f"{text}（{'；'.join(command.notes)}）"
    return f"{text} ({'; '.join(command.notes)})"


# ---------------------------------------------------------------- a card's customers changed


def narrowed_by(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    follow: FollowUp,
    base: Node,
    lang: str,
) -> tuple[Node, str] | Answer | None:
    """`base` changed as the follow-up says — narrowed (只要/其中), without (去掉), with one
    more value (加上), a condition in another's place (那…呢) — and restated; an Answer
    when it must be asked back; None when the follow-up asks a question of its own
    ("其中上海的有几个") and so changes nothing."""
    vocab = load_vocabulary(session, ctx.engine.named)
    command = _read_clause(follow, vocab, requester, ctx, lang)
    if isinstance(command, Clarification):
        return clarify(command.message, list(command.suggestions))
    if _has_own_intent(follow, vocab, ctx) and command.intent not in _ACTIONS:
        return None
    if command.segment is None or is_everyone(command.segment):
        return clarify(say("refine_what", lang))
    try:
        in_place = _in_place_of(follow, base, command)
        if follow.mode == ALSO:  # one more value, else another kind of condition (OR)
            changed = add_alternatives(base, command.segment)
            if changed is None:
                changed = widened_by_other(base, command.segment).node
        elif in_place is not None:  # "只要李四的" on a card for 张三's VIPs: 李四's VIPs
            changed = in_place
        elif follow.loose:  # a condition in another's place, else one more ("那上海的呢")
            changed = swap_conditions(base, command.segment, says_ever(follow.rest)) or _combine(
                base, command.segment, follow
            )
        else:
            changed = _combine(base, command.segment, follow)
    except Ambiguous:
        return clarify(say("refine_what", lang))
    if changed is None:
        return clarify(say("refine_what", lang))
    return changed, _restate(changed, command, vocab, ctx, lang)
