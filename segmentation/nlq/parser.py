"""parse_command: one chat message → a Command (what to do, on which segment) or a
Clarification (a question back). Never guesses: anything not understood is asked back."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from segmentation.nlq.abbrev_en import expand
from segmentation.nlq.action_guard import unplaced_action
from segmentation.nlq.actions import (
    ask_something_sent,
    find_action,
    find_schedule,
    strip_tail,
    tag_named_first,
    untag_of_a_real_tag,
)
from segmentation.nlq.also_words import without_also
from segmentation.nlq.amount_words import total_as_spend
from segmentation.nlq.approx_periods import ask_approximate_period
from segmentation.nlq.ask import Ask
from segmentation.nlq.campaign_described import described_campaigns
from segmentation.nlq.campaign_names import check_campaign_names
from segmentation.nlq.campaign_pointer import ask_pointed_campaign, latest_pointer_dropped
from segmentation.nlq.campaign_topic import holdout_topic_joined, topic_contact_joined
from segmentation.nlq.cities import expand_city_groups
from segmentation.nlq.contact_names import check_contact_names
from segmentation.nlq.contact_words import (
    asked_inside_contact,
    coupon_state_first,
    name_before_last,
    name_campaigns,
)
from segmentation.nlq.count_superlative import orders_said_as_spend
from segmentation.nlq.coupons import message_too_long
from segmentation.nlq.digest_pointer import drop_digest_pointer
from segmentation.nlq.either_words import either_or
from segmentation.nlq.everyday_words import everyday_rewrites
from segmentation.nlq.exclusive_or import exclusive, not_both_said
from segmentation.nlq.grammar import build_segment
from segmentation.nlq.ime_slips import without_ime_slips
from segmentation.nlq.intents_extra import find_extra, is_traditional, weak_card
from segmentation.nlq.interpret import Context, SavedNameAsk
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.nlq.lead_questions import drop_lead_question
from segmentation.nlq.leadins import (
    analysed_object,
    drop_acknowledgement,
    drop_lead_in,
    drop_opener,
    shown_to_me,
    without_acknowledgement,
)
from segmentation.nlq.loose_words import loose_words_read
from segmentation.nlq.message_apart import message_said_plainly
from segmentation.nlq.no_condition import refuse_count_ranking, refuse_holdout, refuse_not_only
from segmentation.nlq.one_customer import ask_unnamed_customer
from segmentation.nlq.own_words import own_words_read
from segmentation.nlq.plain_words import plain_words
from segmentation.nlq.quoted_slips import check_quoted_campaign_slips
from segmentation.nlq.rank_by_count import orders_ranking_said_as_spend
from segmentation.nlq.remarks import drop_remarks
from segmentation.nlq.restate import describe
from segmentation.nlq.said_after import reread, tag_label_first
from segmentation.nlq.same_item import returned_item_said
from segmentation.nlq.saved_words import saved_named
from segmentation.nlq.self_correction import corrected_in_sentence
from segmentation.nlq.slang_words import slang_read
from segmentation.nlq.sort_words import ranked_by, sort_measure, sorted_as_ranking
from segmentation.nlq.spoken_fillers import spoken
from segmentation.nlq.stopped_words import ask_since_when, stopped_said_as_not, with_done_before
from segmentation.nlq.tag_actions import leftover
from segmentation.nlq.tag_groups import drop_tag_groups
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token, refuse_empty_quotes, tokenize
from segmentation.nlq.typos import phrase_typos_fixed
from segmentation.nlq.used_to import used_to_said
from segmentation.nlq.verbs import demonstratives
from segmentation.nlq.vocabulary import ITEM_KINDS, Vocabulary
from segmentation.nlq.which_spent import which_spent_more
from segmentation.nlq.who_counted import who_counted_tail
from segmentation.nlq.whole_periods import ask_whole_period, without_restated_whole
from segmentation.nlq.wrappers_en import drop_open_wrappers
from segmentation.nlq.year_months import months_of_years
from segmentation.nlq.yet_joins import yet_as_but
from segmentation.nodes import (
    All,
    And,
    HasTag,
    Node,
    SegmentBoundsError,
    SegmentFormatError,
    without_repeats,
)
from segmentation.text import language_of, normalize, normalize_name, simplified

log = logging.getLogger(__name__)

MAX_LENGTH = 500  # the words of a command, a message it sends aside
# A message is as long as WeCom takes one (coupons.MAX_MESSAGE_BYTES, at most 4000 bytes: as
# many characters at most); what is longer is asked back there with the limit said.
MAX_MESSAGE_CHARS = 4000
CONFIRM = frozenset({"tag", "untag", "push", "schedule"})
_QUOTED = lazy_pattern(r"[“「『\"]([^”」』\"]+)[”」』\"]")
_FINAL_NOT = lazy_pattern(
    r"(有哪些|有哪几个|有谁|是哪些|有几个|有多少|有边啲|有冇)(?:不|没|冇|唔)[\s?？!！。.~]*$"
)
# A Chinese "them" between English words ("send 她们 a coupon", "give 佢哋 the VIP tag"):
# the English pronoun, so the English readings see whom it is for.
# Only before an article: "send佢哋msg 新貨到咗" is read by the Chinese message readings.
_PRONOUN_IN_ENGLISH = lazy_pattern(
    r"(?<=[a-z])\s*(?:他们|她们|佢们|佢哋|佢地)\s*(?=(?:a|an|the|one|some)(?![a-z]))"
)
# "不仅下过单还退过款", "不只下過單，還退過貨", "not only inquired but also ordered": both, the
# first word adds nothing (还/而且/but also already join the two). 不只/不止 before a number
# stay "more than" (不只一次).
_NOT_ONLY = lazy_pattern(
    r"(?:不仅仅|不仅|不但|不光|不单止|不单|唔单止|唔止|不只|不止)(?=\s*[^\s\d一二两三四五六七八九十几多半])|"
    r"\bnot only\b"
)
# 字 right after a quoted text says it is a text ("备注带“急”字的"), as 两个字/字样 do.
_QUOTED_CHARACTER = lazy_pattern(r"(?<=[”」\"])\s*字(?=[的嘅\s,，]|$)")
# The average order said around its amount: "averaging more than 500 per order", "who spend
# over 500 per order on average", "average at least 300 an order": the average order value.
_AVERAGE_AROUND = latin_pattern(
    r"\b(?:averag(?:e|es|ed|ing)(?: out at)?|(?:spend|spends|spending|spent)(?: on average)?)\s+"
    r"(?P<amount>(?:[a-z]+\s+){0,3}?(?:than\s+)?[¥$]?\d[\d,.]*k?(?:\s*(?:yuan|rmb|元|块))?"
    r"(?:\s+or\s+(?:more|less|above|below))?)\s+(?:per|an|a|each)\s+(?:order|purchase|transaction)"
    r"(?P<avg>\s+on\s+average)?\b"
)
# The team said with no one's name before it is the asker's: "部门里的VIP客户", "组里谁下过单",
# "list team customers …" ("王五团队里", "Wang Wu's team's" are his).
# A department word said right before a department's own name ("dept 销售二部", "部门：销售二部",
# "department 销售一部"): a label, not "my department" as 部门 alone would be.
_DEPT_LABEL = r"(?:部门|部門|dept\.?|dpt\.?|department|division)\s*[:：]?\s*"


# "谁消费最高，前三名", "边个使钱最多，头五个": who is most, then how many, after a comma — a
# ranking of that many (消费最高的前三名).
_WHO_MOST_THEN_COUNT = lazy_pattern(
    r"(?:谁|边个|哪个|哪位|边位)\s*(?P<m>消费|花钱|花得|使钱|买得|洗钱)\s*(?P<d>最高|最多|最少|最低)"
    r"\s*[，,]\s*(?P<n>(?:前|头)\s*(?:\d{1,2}|[一二两三四五六七八九十]{1,2})\s*(?:名|个|位))"
)


def _own_team(found: re.Match[str]) -> str:
    """组里 / 部门 alone said as the asker's team; a period before it goes after it (本周组里
    下单的 → 我们部门里本周下单的), by the event it times."""
    when = (found["when"] or "").strip()
    rest = found.string[found.end() :]
    inside = re.match(r"(?:里|裡|内|內|入面)", rest)
    if not when:
        return found["lead"] + "我们部门"
    if inside is None:
        return found["lead"] + when + "我们部门"
    return found["lead"] + "我们部门" + inside.group() + when + " "


def _without_dept_label(norm: str, vocab: Vocabulary) -> str:
    if not re.search(_DEPT_LABEL, norm, re.I):
        return norm
    names = sorted(
        {*vocab.candidates_in(("dept",), False), *vocab.candidates_in(("dept",), True)},
        key=len,
        reverse=True,
    )
    if not names:
        return norm
    named = "|".join(re.escape(n) for n in names if len(n) >= 2)
    return re.sub(rf"(?<![a-z]){_DEPT_LABEL}(?=(?:{named}))", "", norm, flags=re.I)


_OWN_TEAM_ZH = lazy_pattern(
    r"^(?P<lead>(?:请|帮我|麻烦|看看|看一下|查一下|查下|列一下|列出|睇下|搵下|\s)*)"
    # a period said first ("this week 组里下单的", "本周组里…"): put after the team, by its event
    r"(?P<when>(?:this|last)\s+(?:week|month|year)\s*|本周|这周|上周|本月|这个月|上个月|今年)?"
    r"(?:部门|部門|组|組|团队|團隊)(?=里|裡|内|內|入面|的|嘅|有|\s*(?:vip|客))"
)
# Each person of the team, and a count of each said after more words ("我们部门每个人手上各有多少
# 客户", "我组每个同事近30日各有几多人问过价", "我 team 每个人的 customers 各有多少"): the
# customers of what else is said, by owner.
_EACH_PERSON = lazy_pattern(
    r"(?:每个人|每一个人|每人|各人|每位同事|每个同事|各位同事|每个组员|每位组员|每个成员|每位成员|"
    r"每个销售|每位销售|每个业务|每位业务|每个同事|大家)(?:的|嘅)?\s*(?:手上|手头|名下|手里)?"
)
_EACH_COUNTED = lazy_pattern(
    r"(?:分别|各自|各)(?:都)?(?:有|占|跟了?|跟进了?|负责)?(?:多少|几多|几个|几位|几人)"
    r"(?:个|位|名)?(?:人|客户|客)?(?:呢|啊|呀|吖|啦)?(?=\s*[?？。!！]*$|[\u4e00-\u9fffA-Za-z])"
)


def _each_person_counted(norm: str) -> str:
    person = _EACH_PERSON.search(norm)
    counted = _EACH_COUNTED.search(norm, person.end()) if person else None
    if person is None or counted is None or re.search(r"按|\bby\b|\bper\b", norm):
        return norm  # "每個業務各有多少客戶，按跟進人": the breakdown said already
    parts = (norm[: person.start()], norm[person.end() : counted.start()], norm[counted.end() :])
    said = " ".join(part.strip() for part in parts if part.strip())
    said = said.strip(" ,，?？。!！")
    if not said:
        return norm  # "每个销售各有多少": the answer's own, by owner (read as it stands)
    return f"{said}，按跟进人分"


# 给/替/为 whom a profile is made ("帮我给部门过去90天有成交的客户画个像", "替VIP客户做个分析"):
# the customers described; the word says nothing more.
_FOR_WHOM_DESCRIBED = lazy_pattern(
    r"^(?P<lead>(?:请|麻烦|劳烦|帮我|帮忙|帮个忙|唔该|可以)?[,，\s]*)(?:给|替|为|同)(?!我)"
    r"(?=[^，,。]{1,40}?(?:画个像|画一下像|画画像|画个画像|做个画像|出个画像|做下画像|做个分析|"
    r"做下分析|做一下分析|分析一下|分析下|分析吓|描述一下|描述下|剖析))"
)
_OWN_TEAM_EN = latin_pattern(
    r"(?<!'s )(?<!s' )(?<![a-z] )\bteam(?:'s)?\s+(?=customers|clients|accounts|vips?\b)|"
    r"^(?:(?:list|show|show me|count|export|pull up)\s+)?(?:the\s+)?team(?:'s)?\s+"
    r"(?=customers|clients|accounts|vips?\b)"
)
_INTENT_ORDER = ("help", "more", "show_saved", "export", "describe", "count", "list")


def _average_order(match: re.Match[str]) -> str:
    """ "spend 500 per order" is an average only when "average" is said somewhere in it."""
    said = match.group()
    if not said.startswith("averag") and not match["avg"]:
        return said
    return f"average order value {match['amount']}"


@dataclass(frozen=True)
class Command:
    """An understood command. `details` holds the action's parameters: tag, message, coupon,
    schedule {every, weekday, time}, name (save), customer + negated (explain), format (export)."""

    intent: str
    segment: Node | None
    language: str
    description: str = ""
    details: dict[str, Any] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def needs_confirmation(self) -> bool:
        return self.intent in CONFIRM


@dataclass(frozen=True)
class Clarification:
    message: str
    suggestions: tuple[str, ...]
    language: str
    intent: str = "clarify"


def parse_command(
    text: str,
    *,
    vocabulary: Vocabulary,
    asker: str | None,
    now: datetime,
    tz: ZoneInfo,
    reply_language: str | None = None,
) -> Command | Clarification:
    """`text` understood, or the question to ask back. `reply_language`: the language of the
    whole message when `text` is only a part of it ("去掉VIPP" asks back in Chinese)."""
    language = reply_language or language_of(text)
    text = spoken(text)  # 嗯那个帮我查一下…, 我的我的客户, …有多少 就我的, VIP或金卡都行
    text = phrase_typos_fixed(text)  # "recieved the 国庆回馈 msg": read by its phrase
    text = corrected_in_sentence(text)  # 客单价最高… 不对 是消费最高的前5位: the latter
    text = which_spent_more(text)  # 哪一位花得比較多: the top spender; 消费最高的那个归谁管
    text = without_also(text, lambda said: _on_previous_alone(said, now, tz))
    try:
        return _inner_quotes_back(
            _parse(_inner_quotes_kept(text), vocabulary, asker, now, tz, language)
        )
    except Ask as question:
        again = _reread_request_first(text, vocabulary, asker, now, tz, language)
        if again is not None:  # "导出一下吧，就是上海那帮VIP客户": the request, then whom
            return again
        message = _words_as_typed(question.message(language), text)
        asked = Clarification(message, question.suggestions, language)
        card = weak_card(
            text, vocabulary, now, tz
        )  # "查一下王静": a name the grammar does not know may be a customer
        if card is None:
            return asked
        back = {"message": asked.message, "suggestions": list(asked.suggestions)}
        return Command(card.intent, None, language, "", {**card.details, "fallback": back})
    except SegmentBoundsError as bounds:  # a number no segment needs: ask, never overflow
        return Clarification(bounds.message(language), (), language)
    except (SegmentFormatError, ArithmeticError, ValueError) as exc:
        # A combination the grammar let through but the tree refuses: ask, never fail.
        log.warning("parse of %r produced an invalid tree: %s", text[:200], exc)
        fallback = Ask(
            "没能理解这句话，请换个说法。", "I could not understand that; please rephrase."
        )
        return Clarification(fallback.message(language), (), language)


def _reread_request_first(
    text: str, vocab: Vocabulary, asker: str | None, now: datetime, tz: ZoneInfo, language: str
) -> Command | None:
    """The message asked back as said, read as a request said first and its customers after a
    pause (said_after.py): the first reading that names customers, or None."""
    for again in reread(text):
        try:
            command = _parse(_inner_quotes_kept(again), vocab, asker, now, tz, language)
        except (Ask, SegmentBoundsError, SegmentFormatError, ArithmeticError, ValueError):
            continue
        # a message to send is said as one, never made of the words after the pause
        if command.segment is not None and "message" not in command.details:
            return _inner_quotes_back(command)
    return None


_QUOTED_WORD = lazy_pattern(r"“([^“”]+)”")


def _words_as_typed(message: str, text: str) -> str:
    """A question back naming a word as the user typed it: “VIP”, not the “vip” the parser
    reads (normalising lowers case)."""
    lowered = text.lower()

    def typed(match: re.Match[str]) -> str:
        word = match.group(1)
        if not word.isascii() or word != word.lower() or len(lowered) != len(text):
            return match.group(0)
        at = lowered.find(word)
        return f"“{text[at : at + len(word)]}”" if at >= 0 else match.group(0)

    return _QUOTED_WORD.sub(typed, message)


# ASCII quotes inside a message in Chinese quotes (“=HYPERLINK("http://…","Claim")”) are the
# message's own characters: kept out of the quote pairing while the command is read (else the
# message ends at the first of them), and given back in what the command carries.
_INNER = "\ue000"
_CURLY_SPAN = lazy_pattern(r"[“「『][^“”「」『』]*[”」』]")


def _command_words(text: str) -> str:
    """`text` without the message it sends (quoted, or after a message word and a colon)."""
    text = _QUOTED.sub("“”", text)
    after = _MESSAGE_COLON.search(text)
    return text[: after.end()] if after is not None else text


def _inner_quotes_kept(text: str) -> str:
    if '"' not in text:
        return text
    text = _CURLY_SPAN.sub(lambda m: m.group().replace('"', _INNER), text)
    after = _MESSAGE_COLON.search(text)
    if after is None or not _UNQUOTED_REST.match(text, after.end()):
        return text
    # "发消息：=HYPERLINK("…","…")", 'message them: say "hi"': all after the colon is the
    # message (ASCII quotes in it are its own), unless it opens with a quote of its own.
    return text[: after.end()] + text[after.end() :].replace('"', _INNER)


# A message word and a colon: what follows is the message, as typed.
_MESSAGE_COLON = lazy_pattern(
    r"(?:发|發|群发|群發|推送|消息|訊息|信息|讯息|短信|文案|内容|內容|message|msg|text|send|push)"
    r"\s*[:：]\s*",
    re.I,
)
_UNQUOTED_REST = lazy_pattern(r'(?!\s*")[^“”「」『』]*$')


def _inner_quotes_back(command: Command) -> Command:
    said = {k: v.replace(_INNER, '"') for k, v in command.details.items() if isinstance(v, str)}
    if said == {k: v for k, v in command.details.items() if k in said}:
        return command  # no message held an inner quote
    return replace(command, details={**command.details, **said})


def _ime_slips_read(norm: str, text: str, vocab: Vocabulary) -> str:
    """`norm` with the IME slips of the command's words read as meant (ime_slips.py); a
    message it sends — quoted, after a colon, or said plainly after its message word — is
    the user's own text, never corrected. The loose words of the command (loose_words.py)
    are read there too."""
    after = _MESSAGE_COLON.search(norm)
    end = after.end() if after is not None else len(norm)
    _, words = message_said_plainly(norm, text)
    for said in words:
        at = norm.rfind(said)
        if 0 < at < end:
            end = at
    return loose_words_read(without_ime_slips(norm[:end], vocab.tags)) + norm[end:]


# "可以 把…吗" opens a polite request: never dropped as an acknowledgement.
_POLITE = frozenset({"可以", "可唔可以", "能不能", "行"})
# What ends an acknowledgement said with punctuation ("算了，…"): read after normalising.
_ACK_PUNCT = lazy_pattern(r"[，,。.!！~～…：:]")


# 收到 is also "received": before a campaign (收到 老客关怀 message 的, 收到 上次活动的券) it is the
# contact, never an acknowledgement set off by a space.
_RECEIVED = frozenset({"收到", "收到了", "收到咗", "收咗"})
_LATEST_CAMPAIGN = ("上次", "上一次", "最近一次", "那次", "嗰次", "这次", "呢次")


def _received_campaign(cut: str, rest: str, campaign_names: Iterable[str]) -> bool:
    if simplified(cut.strip()) not in _RECEIVED:
        return False
    opening = simplified(rest).lower()
    return opening.startswith(_LATEST_CAMPAIGN) or any(
        opening.startswith(name.lower()) for name in campaign_names
    )


def _spaced_acknowledgement_dropped(text: str, campaign_names: Iterable[str] = ()) -> str:
    """`text` without an opening acknowledgement set off by a space only ("算了 近30天下过单的…",
    "好吧 VIP有几个"): the space is gone once normalised, so it is read on the message as
    typed. One said with punctuation or before a request verb is left to the normalised
    reading (可以把…吗 is a polite request, never an acknowledgement)."""
    rest = without_acknowledgement(text)
    if rest == text:
        return text
    cut = text[: text.find(rest)]
    if not cut[-1:].isspace() or _ACK_PUNCT.search(cut) or cut.strip() in _POLITE:
        return text
    if _received_campaign(cut, rest, campaign_names):
        return text  # 收到 老客关怀 message: received it
    return rest


def _item_names(vocab: Vocabulary) -> set[str]:
    """The surfaces of the company's products and categories, in either script."""
    return {*vocab.candidates_in(ITEM_KINDS, False), *vocab.candidates_in(ITEM_KINDS, True)}


def _parse(
    text: str, vocab: Vocabulary, asker: str | None, now: datetime, tz: ZoneInfo, language: str
) -> Command:
    command_size = len(_command_words(text))
    if command_size <= MAX_LENGTH < len(text) - MAX_MESSAGE_CHARS:
        raise message_too_long(len(text.encode("utf-8")) - command_size)  # the message's size
    if command_size > MAX_LENGTH:
        raise Ask(
            f"这条消息太长了（超过{MAX_LENGTH}字），请简短地描述要找的客户。",
            f"That message is too long (over {MAX_LENGTH} characters); please keep it short.",
        )
    text = single_quoted_message(text)  # "the message 'Thanks for stopping by'"
    # "算了 近30天下过单的…" (收到 老客关怀 message 的 is no acknowledgement)
    text = _spaced_acknowledgement_dropped(text, vocab.campaigns.values())
    norm = expand(normalize(text), lambda: vocab.surfaces)  # "my cust in the last 30d"
    norm = plain_words(norm)  # 资询过, 完全没标签, 这个 week, 加咗唇釉落购物车
    norm = own_words_read(norm)  # 私信问过价, pm我问价, 没带东西走, "left empty-handed"
    norm = slang_read(norm)  # 私讯来要报价, "forked out at least 1500", 单均500以上
    norm = everyday_rewrites(norm)  # 不下三次, export埋上个月…
    norm = total_as_spend(norm)  # "whose total is between 1k and 3k"
    norm = yet_as_but(norm)  # "inquired this month yet never bought anything at all"
    norm = months_of_years(norm, now.astimezone(tz).date())  # 今年3月以来 = 2026年3月以来
    # 上海得VIP, 再北京的, 都有那些, 近30填; 宝，…; 没超一百; 一通询问都没有; spend tops 5k
    norm = _ime_slips_read(norm, text, vocab)
    norm, not_both = not_both_said(norm)  # "VIP or 待跟进 but not both": made exclusive below
    norm = either_or(norm)  # 不是到店就是下单 / 唔係嚟舖頭就係落單: 到店或下单
    ask_approximate_period(norm)  # 快两个月没下单, "almost 2 months": which days is unsaid
    norm = without_restated_whole(norm)  # 上个月整个月, the whole of October: that period
    ask_whole_period(norm)  # 整个月没下单, "a whole month": which month is unsaid
    ask_unnamed_customer(norm)  # 帮我查个客户: which one, never all of them
    ask_something_sent(norm)  # "push something to these five": a message or a coupon?
    norm = _PRONOUN_IN_ENGLISH.sub(" them ", norm)  # "send 她们 a coupon": them
    norm = _without_dept_label(norm, vocab)  # "dept 销售二部", 部门销售二部: the name says it
    norm = _WHO_MOST_THEN_COUNT.sub(r"\g<m>\g<d>的\g<n>", norm)  # 谁消费最高，前三名
    norm = _FOR_WHOM_DESCRIBED.sub(r"\g<lead>", norm)  # 帮我给部门的客户画个像: describe them
    norm = _each_person_counted(norm)  # 我组每个同事近30日各有几多人问过价: by owner
    norm = _OWN_TEAM_ZH.sub(_own_team, norm)  # 部门里的VIP客户
    norm = _OWN_TEAM_EN.sub(lambda m: m.group().replace("team", "my team", 1), norm)
    norm = _AVERAGE_AROUND.sub(_average_order, norm)  # "averaging over 500 per order"
    norm = _QUOTED_CHARACTER.sub("", norm)  # 备注带“急”字的: the text 急
    if _NOT_ONLY.search(norm) and re.search(r"还|也|而且|并且|仲|but|also", norm):
        norm = _NOT_ONLY.sub(" ", norm).strip()  # "不仅A还B": A and B
    norm = expand_city_groups(norm, lambda: vocab.surfaces)  # 北上广深
    norm = returned_item_said(norm, lambda: _item_names(vocab))  # 买了精华液又退了: 退过精华液
    # 这个活动 / that campaign reaching the parser: no campaign discussed to point at
    ask_pointed_campaign(latest_pointer_dropped(text), vocab.campaigns)
    norm = latest_pointer_dropped(norm)  # 上次那个活动 / 上次嗰個活動 = 上次活动
    # 收到过双11预热活动的 / 国庆回馈那次 = 活动#1 (a tag or product of that name stays one)
    norm = name_campaigns(norm, vocab.campaigns, lambda name: name in vocab.surfaces)
    norm = coupon_state_first(norm)  # unredeemed 双11预热 coupon holders
    norm = described_campaigns(norm)  # 上次发券那个活动 / last campaign with coupons
    norm = name_before_last(norm, vocab.latest_campaigns)  # 上上次活动 = 活动#1
    norm = holdout_topic_joined(norm)  # 上次活动边个系对照组 = 上次活动的对照组有边个
    norm = asked_inside_contact(norm)  # 上次活动有谁没核销 = 上次活动没核销的有谁
    norm = saved_named(norm, vocab.saved)  # 十月女客这个分群 / the 十月女客 group = 十月女客分群
    # 参加过春季大促活动的: no such campaign; the words of a message said plainly are no name
    # ("给她发条消息 周末有活动" sends "周末有活动")
    check_campaign_names(message_said_plainly(norm, text)[0], text, vocab.campaigns)
    # 春季大促的券没核销的 / the Spring Gala coupon: a coupon or message of no campaign
    check_contact_names(
        message_said_plainly(norm, text)[0],
        text,
        vocab.campaigns,
        lambda name: name in vocab.surfaces,
    )
    # “老客关爱”收到消息的客户: a campaign's name misspelt in quotes, asked back with the campaign
    check_quoted_campaign_slips(
        message_said_plainly(norm, text)[0],
        text,
        vocab.campaigns,
        lambda name: name in vocab.surfaces,
    )
    norm = drop_tag_groups(norm, vocab)  # 客户等级是金卡 = the tag 金卡
    # 打个标签“待跟进”，给…: the action on whom follows, never the tag as a condition
    norm = tag_label_first(norm, vocab.tags)
    if not strip_tail(norm):
        if "?" in norm or "？" in text:
            return Command("help", None, language)
        raise Ask(
            "请告诉我要找哪些客户，例如“近30天有咨询但未下单的客户”。",
            "Tell me which customers you want, e.g. 'customers who inquired in the last "
            "30 days but did not order'.",
        )
    norm = drop_lead_question(norm)  # "早 今天该跟进谁啊 最近问过价的…", "who should i ring…? …"
    norm = drop_lead_in(norm)  # "we lost some customers, show me who refunded"
    norm = drop_digest_pointer(norm, vocab)  # "日报里说的流失风险客户": the segment, as of now
    norm = drop_acknowledgement(norm)  # "好的，给这些打上待跟进标签", "ok tag those as VIP"
    norm = drop_opener(norm)  # "那近30天新加的有几个", "还是回到全部VIP客户"
    norm = shown_to_me(norm)  # 俾晒全公司啲VIP我睇: the VIPs
    norm = analysed_object(norm)  # 对VIP做个分析: 分析一下VIP
    norm, used_to = used_to_said(norm)  # "haven't ordered in 3 months but used to"
    norm, stopped = stopped_said_as_not(norm)  # 不再下单 / "stopped ordering": not, and before
    stopped |= used_to
    measure = sort_measure(norm)  # 按下单次数排: the ranking read below is by orders
    norm, most_orders = orders_said_as_spend(norm)  # 下单最多的5个: ranked by orders too
    norm, orders_ranked = orders_ranking_said_as_spend(norm)  # "top 10 by number of orders"
    if most_orders or orders_ranked:
        measure = "orders"
    norm = sorted_as_ranking(norm)  # "按消费金额排一下", "rank my customers by spend": all, ranked
    norm = who_counted_tail(norm)  # "张三的是哪两个": which ones (the size said again)
    if _WHO_COUNTED.match(norm):  # "邊兩個", "是哪三位", "which two?": who the answer's are
        return Command("list", None, language, "", {"segment_from_context": True})
    restated = _restated_after_colon(norm, text, vocab, asker, now, tz, language)
    if restated is not None:  # "还是导出刚才上海那几个吧：近30天咨询过但没下单的上海客户"
        return restated
    # 有哪些不？: a 不 that ends the message after a question word asks yes or no, no negation
    # (有哪些不是VIP keeps it: a word follows).
    norm = _FINAL_NOT.sub(r"\1", norm)
    quotes = typed_quotes(text)
    norm = _without_remarks(norm, quotes, text)  # "…，老板明天开会要", "…, urgent, thanks"
    # A scheduled send first: "每个月1号…给…发" repeats monthly, it is no breakdown by month.
    scheduled = find_schedule(strip_tail(norm), quotes, text, (now, tz))
    extra = None if scheduled else find_extra(text, norm, vocab, asker, now, tz, language)
    if extra is not None:  # breakdowns, customer cards, membership changes, the digest
        return Command(extra.intent, extra.segment, language, extra.description, extra.details)
    if not scheduled and _POINTS_INTO.match(norm):
        # "其中女的", "- which of them are women?" reaching the parser: of an answer there is
        # none of here (no conversation, or one the chat could not read it against) —
        # answering everyone would answer a different question.
        raise Ask(
            "请先查询一批客户，再说“其中/这些里”；或直接说出完整条件，例如：上海的女客户。",
            "Which customers do 'of them / among them' refer to? Ask for some customers "
            "first, or give the whole condition, e.g. 'female customers in Shanghai'.",
        )
    action = tag_named_first(scheduled or find_action(norm, quotes, text, vocab.tags), vocab.tags)
    action = untag_of_a_real_tag(action, vocab.tags)  # 高意象: asked, no card for no tag
    if action is None:
        leftover(strip_tail(norm))  # a tag or untag word no reading placed: asked, never dropped
        unplaced_action(strip_tail(norm))  # "券发给…" that no reading placed: asked, not listed
    seg_text = action.segment_text if action else strip_tail(norm)
    details = dict(action.details) if action else {}
    ctx = Context(vocab, asker)
    segment: Node | None = None
    notes: list[str] = []
    intent = action.intent if action else "list"
    if intent in ("push", "schedule") and is_traditional(_QUOTED.sub("", text)):
        details["script"] = "hant"  # what customers get besides the message follows the asker
    if seg_text is not None:
        refuse_empty_quotes(seg_text)
        refuse_count_ranking(seg_text)
        refuse_not_only(seg_text)  # 不光是VIP，金卡的也要: never "not VIP"
        refuse_holdout(seg_text, vocab.campaigns)
        tokens = topic_contact_joined(
            drop_open_wrappers(demonstratives(tokenize(seg_text, vocab, now, tz)))
        )
        tokens = topic_contact_joined(tokens)  # 活动#1有哪些客户收到消息: its message
        if stopped and not any(t.kind == K.WINDOW for t in tokens):
            ask_since_when(stopped, seg_text)  # "stopped ordering": since when is unsaid
        tokens = _in_total_of_an_amount(tokens)
        _ask_sum_of_money(tokens)  # "how much did my customers spend": no count of them
        words = [str(t.value) for t in tokens if t.kind == K.INTENT]
        if action is None and all(t.kind in (K.FILLER, K.SEP, K.AND) for t in tokens):
            # "你好", "thanks": nothing asked, so say what can be asked (never list everyone).
            return Command("help", None, language)
        if action is None:
            intent, fmt = _intent(words)
            if fmt:
                details["format"] = fmt
            if intent in ("help", "more", "show_saved") and _only_glue(tokens):
                return Command(intent, None, language)
            if intent in ("help", "more", "show_saved"):
                intent = "list"  # "help" plus conditions: answer the conditions
        if action is not None and tokens and all(t.kind in _GLUE for t in tokens):
            # "给an打上VIP标签": the words naming whom to act on carry nothing; acting on everyone
            # would answer a different question (a whole segment is 所有客户 / all customers).
            raise Ask(
                f"要对哪些客户操作？没看懂“{seg_text.strip()}”。请说出客户的条件或姓名，"
                "例如：给近30天有咨询的客户打上“待跟进”标签。",
                f"Which customers? I did not understand “{seg_text.strip()}”. Name them or "
                "their condition, e.g. 'tag customers who inquired in the last 30 days as 待跟进'.",
            )
        ctx = Context(vocab, asker, counts_quoted=intent == "count" and _one_quote(tokens))
        tokens = _without_resumptive(tokens)  # "VIPs, export them": them is the VIPs
        if _means_previous(intent, tokens, bare_allowed=action is None):
            details["segment_from_context"] = True
            if intent == "export":
                details.setdefault("format", "xlsx")
            return Command(intent, None, language, "", details)
        _check_both_of_something(tokens)
        try:
            segment, notes = build_segment(tokens, ctx)
        except SavedNameAsk as asked:
            segment, notes = _read_without_saved_names(seg_text, tokens, ctx, now, tz, asked)
    elif intent in ("push", "tag", "untag", "schedule", "save", "explain"):
        details["segment_from_context"] = True
    if not_both and segment is not None:
        segment = exclusive(segment)  # (A or B) and not (A and B)
    if measure != "spend" and segment is not None:
        segment = ranked_by(segment, measure)
    if stopped and segment is not None:
        segment = with_done_before(segment, stopped)
    description = describe(segment, language, now, tz, vocab) if segment is not None else ""
    rendered = tuple(_render_note(n, language) for n in notes)
    description = with_notes(description, rendered, language)
    if intent == "export":
        details.setdefault("format", "xlsx")
    return Command(intent, segment, language, description, details, rendered)


# What "both / 两个都有 / 都有" may stand beside and still join nothing: said alone ("who has
# both", "两个都有的是谁") it points at two things said earlier, which one message cannot see.
_NOTHING_TO_JOIN = {K.BOTH, K.FILLER, K.SEP, K.DE, K.INTENT, K.CUSTOMER, K.TAGWORD}


_COUNTED_BOTH = lazy_pattern(r"[两兩俩倆]|\bboth\b|\btwo\b", re.I)
_JOINING_BOTH = lazy_pattern(r"[两兩俩倆]|\bboth\b|\btwo\b|都有", re.I)


def _check_both_of_something(tokens: list[Any]) -> None:
    """Ask "both of what?" rather than answer everyone (or every tagged customer)."""
    # "all customers" / "全部" are no pair: only both / 两个都 / 都有 join two things
    both = [t for t in tokens if t.kind == K.BOTH and _JOINING_BOTH.search(t.text)]
    if not both:
        return
    alone = all(t.kind in _NOTHING_TO_JOIN for t in tokens)
    # "两样都买过的", "customers who bought both": a counted "both" with no list to join
    counted = any(_COUNTED_BOTH.search(t.text) for t in both)
    if alone or (counted and not any(t.kind in (K.AND, K.OR) for t in tokens)):
        said = both[0].text
        raise Ask(
            f"“{said}”指哪两个？请说出两个条件，例如：同时有VIP和金卡标签的客户。",
            f"“{said}”: both of what? Name the two, e.g. 'customers tagged both VIP and 金卡'.",
        )


# Words that name no customers: whom said only with these ("又", "and", "的") is nobody said.
_GLUE = {K.FILLER, K.SEP, K.AND, K.DE}


# 一共/总共 said of what an event adds up to, not "how many" (邊啲VIP總共退咗超過300蚊: the
# refunds in total; "which VIPs" asks for a list).
_IN_TOTAL = frozenset({"一共", "总共", "合共", "累计"})


def _in_total_of_an_amount(tokens: list[Token]) -> list[Token]:
    """`tokens` with 总共/一共 right before an event that a comparison bounds read as "in
    total" (a filler): 哪些VIP总共退款超过300 lists them, 总共下了3单以上的 too."""
    out = list(tokens)
    for i, tok in enumerate(tokens[:-1]):
        if tok.kind != K.INTENT or tok.text not in _IN_TOTAL or tokens[i + 1].kind != K.EVENT:
            continue
        if any(t.kind == K.CMP for t in tokens[i + 2 :]):
            out[i] = replace(tok, kind=K.FILLER, value=True)
    return out


# What asks for an amount of money rather than for customers: "how much" / 多少钱 with what
# was spent, or a total said as a noun with no bound (上个月的订单总额, VIP的销售额).
_HOW_MUCH = frozenset({"how much", "多少钱", "几多钱", "多少金额"})
_MONEY_AFTER = frozenset({"钱", "金额", "块", "块钱", "蚊", "元"})
_TOTAL_NOUN = ("总额", "总金额", "销售额", "营业额", "营收", "业绩", "流水", "revenue")
# Any of these says the spend is a condition (a bound, a ranking), not the thing asked.
_BOUNDED = frozenset({K.CMP, K.NUM, K.MOST, K.RANK, K.BETWEEN, K.RANGE_TAIL, K.THRESHOLD})


def _ask_sum_of_money(tokens: list[Token]) -> None:
    """Ask back a question about a sum of money ("how much did my customers spend last month",
    "这个月VIP一共消费了多少钱", "上个月的订单总额"): answering it with how many customers
    ordered is a different question. The customers' total is in their profile (describe)."""
    spend = [t for t in tokens if t.kind == K.SPEND and t.value is True]
    if not spend or any(t.kind in _BOUNDED for t in tokens):
        return
    asked = any(_asks_how_much(tokens, i) for i in range(len(tokens)))
    if not asked and not any(t.text.lower().endswith(_TOTAL_NOUN) for t in spend):
        return
    raise Ask(
        "这句话在问金额合计。我能回答哪些客户、有多少人，或分析这批客户（画像里有合计消费），"
        "也能按金额筛选。例如：“分析一下上个月下过单的客户”“上个月消费超过1000的客户”。",
        "That asks for a sum of money. I can tell which customers or how many, profile them "
        "(the profile shows their total spend), or filter by an amount, e.g. 'describe customers "
        "who ordered last month' or 'customers who spent over 1000 last month'.",
        ("分析一下上个月下过单的客户", "上个月消费超过1000的客户"),
    )


def _asks_how_much(tokens: list[Token], i: int) -> bool:
    tok = tokens[i]
    if tok.kind != K.INTENT or tok.value != "count":
        return False
    if tok.text.lower() in _HOW_MUCH:
        return True
    if tok.text not in ("多少", "几多"):
        return False
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    before = tokens[i - 1] if i > 0 else None
    # 多少钱 / 花了多少 / 一共消费多少: the money, said after it or right before it
    said_spend = before is not None and before.kind == K.SPEND
    return said_spend or (after is not None and after.text in _MONEY_AFTER)


def _intent(words: list[str]) -> tuple[str, str | None]:
    fmt = next((w.split(":")[1] for w in words if w.startswith("export:")), None)
    found = {w.split(":")[0] for w in words}
    for intent in _INTENT_ORDER:
        if intent in found:
            return intent, fmt
    return "list", fmt


# A bare "导出" / "describe" (no condition, not even 客户/customers) is about the answer
# just given; exporting everyone instead would answer a different question.
_BARE_MEANS_PREVIOUS = ("export", "describe")
_BARE_LIST = ("list", "count")


# K.AND: "and how many", "那也列一下" — an and with nothing on either side joins nothing
_BARE = {K.INTENT, K.FILLER, K.SEP, K.AND}
# Glue and words pointing at the answer just given ("把这些都导出", "export all of these").
_POINTING = _BARE | {K.THIS, K.CUSTOMER, K.DE, K.BOTH}


def _without_resumptive(tokens: list[Any]) -> list[Any]:
    """`tokens` without a pronoun that takes up the conditions said before it: conditions, a
    break, then only an action on them ("VIPs, just mine, export them", "上海的VIP，把他们导出",
    "my at-risk ones - tag them"). A pronoun with conditions after it ("这些里上海的") or with
    none before it ("导出他们") still points at the answer before."""
    first = next((i for i, t in enumerate(tokens) if t.kind == K.THIS), None)
    if first is None:
        return tokens
    cut = next((i for i in range(first, -1, -1) if tokens[i].kind == K.SEP), None)
    if cut is None or not any(t.kind not in _POINTING for t in tokens[:cut]):
        return tokens
    if any(t.kind not in _POINTING for t in tokens[cut:]):
        return tokens
    return [t for t in tokens if t.kind != K.THIS]


def _means_previous(intent: str, tokens: list[Any], *, bare_allowed: bool) -> bool:
    """Whether the command is about the previous answer ("把这些导出", "describe them", a bare
    "导出"). Conditions added to it ("这些客户中的VIP") are asked back, not dropped."""
    if any(t.kind == K.THIS for t in tokens):
        # 都/all beside them ("把这些都导出", "export all of these") adds nothing.
        if all(t.kind in _POINTING for t in tokens):
            return True
        raise Ask(
            "请直接说完整的条件，例如“近30天有咨询的VIP客户”，不要用“这些”再加条件。",
            "Please give the whole condition, e.g. 'VIP customers who inquired in the last "
            "30 days', rather than 'these' plus more.",
        )
    return bare_allowed and _is_bare(intent, tokens)


# "还是导出刚才上海那几个吧：<the whole question again>": an earlier answer pointed at, then
# restated in full after a colon. The restatement is the segment; the words before the colon
# give only the request (导出, 有几个), never conditions of their own.
_POINTS_BACK = lazy_pattern(
    r"刚才|刚刚|之前|上面|前面|上一个|那几个|那几位|那些|那批|\bearlier\b|\bprevious\b|"
    r"\bthose\b|\bthem\b|\bgo back\b",
    re.I,
)
_RESTATED = ("list", "count", "export", "describe")


def _restated_after_colon(
    norm: str,
    text: str,
    vocab: Vocabulary,
    asker: str | None,
    now: datetime,
    tz: ZoneInfo,
    language: str,
) -> Command | None:
    before, colon, after = norm.partition(":")  # normalised: a full-width colon is ":" here
    if not colon or not after.strip() or not _POINTS_BACK.search(before):
        return None
    try:
        acts = find_action(strip_tail(before), {}, text) is not None
    except Ask:  # "send them a message: …" asks for its content when cut at the colon
        acts = True
    if acts:
        return None  # "给这些客户发消息：…": what follows the colon is the content
    try:
        whole = _parse(after.strip(), vocab, asker, now, tz, language)
    except Ask:
        return None
    if whole.segment is None or whole.intent not in _RESTATED:
        return None
    words = [str(t.value) for t in tokenize(before, vocab, now, tz) if t.kind == K.INTENT]
    intent, fmt = _intent(words) if words else (whole.intent, None)
    if intent not in _RESTATED:
        return None
    details = dict(whole.details)
    if intent == "export":
        details.setdefault("format", fmt or "xlsx")
    return replace(whole, intent=intent, details=details)


# "邊兩個", "是哪三位", "which two?" — the whole message: who the answer just given are, its
# size said again ("哪5个客户消费最多" goes on, and is a ranking).
_WHO_COUNTED = lazy_pattern(
    r"^(?:那|咁)?(?:都|分别)?(?:是|系)?(?:哪|边)(?:两|俩|二|三|四|五|六|七|八|九|十|\d{1,2})"
    r"(?:个|位|名)?(?:人|客户|客人|客)?(?:呢|啊|呀|嚟㗎|嚟|来的)?[?？。]*$|"
    # one: "是哪个", "係邊位", "佢係邊個", "那是谁", "他是哪位客户" (after a count of one, chat
    # lists that one; a list of more is listed again, never guessed down to one)
    r"^(?:那|咁)?(?:他|她|佢|ta)?(?:都|就)?(?:是|系)?(?:哪|边)一?(?:个|位|名)(?:人|客户|客人|客)?"
    r"(?:呢|啊|呀|嚟㗎|嚟|来的)?[?？。]*$|"
    r"^(?:那|咁)?(?:他|她|佢|ta)?(?:是|系)(?:谁|边个)(?:呢|啊|呀)?[?？。]*$|"
    r"^(?:so\s+|and\s+)?(?:which\s+one(?:\s+is\s+it)?|who\s+is\s+(?:it|that|he|she)|"
    r"who'?s\s+(?:that|it)|which\s+customer(?:\s+is\s+it)?)\s*[?.]*$|"
    r"^(?:so\s+|and\s+)?(?:which|who\s+are\s+the)\s+(?:two|three|four|five|six|seven|eight|nine|ten|"
    r"\d{1,2})(?:\s+(?:ones|of\s+them|people|customers))?\s*[?.]*$",
    re.I,
)
# "都是谁", "是哪些人", "係邊啲人", "who are they": a who-question with only 都 and a bare
# people word (人, not 客户: "客户有哪些" names everyone) asks who the answer's customers are.
_WHO_PEOPLE = {"人", "people", "folks", "ones"}
_WHO = {"who", "which", "whom"}
# "export that": alone, "that" points at the answer just given (never everyone)
_THAT = {"that"}
# A message that starts inside an earlier answer: 其中…, 这些里…, of them…, which of those…
_POINTS_INTO = lazy_pattern(
    # a chaining word first says nothing: "and how many of them …", "so of those, …"
    r"^[\s\-—–•*·>.,，。:：]*(?:(?:and|so|then|ok|okay|now|also|well|but|hmm+|right)[\s,]+)*"
    # (当中 / 里面 / 入面 / 这里 first say "among them" too: 當中男仔, 里面男的, 这里 male 的;
    # "裡面女生是誰" is "in there", never everyone)
    r"(?:其中|之中|这里面|这里(?![面头边])|(?:这|这个)?(?:里面|里头|入面|当中|其中)(?![的嘅])|"
    r"这些(?:人|客户)?(?:里面|里|中|当中)|那些(?:人|客户)?(?:里面|里|中)|"
    r"他们(?:里面|里|中|当中)|她们(?:里面|里|中|当中)|佢们(?:入面|里面|里|中)|呢啲(?:入面|里面)|"
    r"(?:which|who|how many|how much|what)\s+(?:of|among|amongst)\s+(?:them|those|these)\b|"
    # "Among those who inquired…": a relative clause names whom, no answer is pointed at
    # ("them" starts no relative clause: "among them who is VIP" points at the answer)
    r"(?:of|among|amongst|out of)\s+(?:them\b|(?:those|these)\b"
    r"(?!\s+(?:who|that|which|whose|with|without|in|from|at|tagged|added|having|whom)\b)))",
    re.I,
)
_EVERYONE = {"所有", "全部", "所有的", "全部的", "all", "all the", "everyone", "everybody"}


def _is_bare(intent: str, tokens: list[Any]) -> bool:
    if any(t.text in _EVERYONE for t in tokens):
        return False
    glue = [t for t in tokens if t.kind not in _BARE]
    who = [t for t in glue if t.kind == K.DE and t.text in _WHO | _THAT]  # "who?", "export that"
    if any(t.kind not in (K.BOTH, K.CUSTOMER) for t in glue if t not in who):
        return False
    if any(t.kind == K.CUSTOMER and t.text not in _WHO_PEOPLE for t in glue):
        return False
    # A bare "列出来看看" / "有多少" / "show me" asks to see or count what was just answered;
    # listing everyone would answer a different question. Only when it says so: "嗯" or "好的"
    # (no request word) asks for nothing.
    asked = bool(who) or any(t.kind == K.INTENT for t in tokens)
    return intent in _BARE_MEANS_PREVIOUS or (asked and intent in _BARE_LIST)


def is_bare_request(text: str, *, now: datetime, tz: ZoneInfo) -> bool:
    """Whether `text` is an export or describe request and nothing else ("导出", "export as
    excel", "分析一下"), read with the lexicon alone: no names need loading to tell."""
    read = _read_with_lexicon(text, now, tz)
    return read is not None and _is_bare(*read)


def _on_previous_alone(text: str, now: datetime, tz: ZoneInfo) -> bool:
    """Whether `text` is a request about the answer just given and nothing else ("导出",
    "export them", "把这些导出", "how many"), read with the lexicon alone."""
    read = _read_with_lexicon(text, now, tz)
    if read is None or read[0] not in _BARE_MEANS_PREVIOUS + _BARE_LIST:
        return False
    return _is_bare(*read) or all(t.kind in _POINTING for t in read[1])


def _read_with_lexicon(text: str, now: datetime, tz: ZoneInfo) -> tuple[str, list[Any]] | None:
    """`text`'s intent and tokens read with the lexicon alone; None when a time phrase in it
    is out of bounds (a condition, parsed and asked later)."""
    try:
        tokens = tokenize(strip_tail(expand(normalize(text))), Vocabulary(), now, tz)
    except SegmentFormatError:
        return None
    intent, _fmt = _intent([str(t.value) for t in tokens if t.kind == K.INTENT])
    return intent, tokens


def _only_glue(tokens: list[Any]) -> bool:
    glue = {K.INTENT, K.FILLER, K.SEP, K.CUSTOMER, K.DE, K.MY, K.SAVEDWORD}
    return all(t.kind in glue for t in tokens)


def _without_remarks(norm: str, quotes: dict[str, str], text: str) -> str:
    """`norm` without its trailing remark clauses (segmentation/nlq/remarks.py), unless the
    remark is part of what an action sends ("发消息：明天开会，谢谢" keeps its 谢谢)."""
    trimmed = drop_remarks(norm)
    if trimmed == norm:
        return norm
    try:
        action = find_action(norm, quotes, text)
    except Ask:
        return trimmed
    remark = norm[len(trimmed) :].strip(" ,，;；。.!！~～")
    sent = [v for v in (action.details.values() if action else ()) if isinstance(v, str)]
    if any(remark and normalize(v).find(remark) >= 0 for v in sent):
        return norm
    return trimmed


def _one_quote(tokens: list[Any]) -> bool:
    """One quoted name and nothing else but request words ("“跟进名单”有多少人", "how many
    in “跟进名单”", "“跟进名单”的客户有几个")."""
    quoted = [t for t in tokens if t.kind == K.QUOTE]
    glue = {K.INTENT, K.FILLER, K.SEP, K.CUSTOMER, K.DE, K.CLAUSE, K.QUOTE}
    return len(quoted) == 1 and all(t.kind in glue for t in tokens)


# A message in single quotes right after the word that says it is one ("the message 'Thanks
# for stopping by'", "text: 'See you Friday'"): quoted as double quotes are. Elsewhere a
# single quote is an apostrophe (customers' orders, don't) and stays.
_SINGLE_QUOTED = lazy_pattern(
    r"(?P<lead>\b(?:message|msg|text|note|saying)\s|[:：]\s?)'(?P<words>[^'\n]+?(?:'[a-z][^'\n]*?)*)'"
    r"(?=\s*(?:$|[.!?,;，。]|\s(?:to|for)\b))",
    re.I,
)


def single_quoted_message(text: str) -> str:
    """`text` with a single-quoted message (see _SINGLE_QUOTED) in double quotes."""
    if "'" not in text:
        return text
    return _SINGLE_QUOTED.sub(lambda m: m.group("lead") + "“" + m.group("words") + "”", text)


def typed_quotes(text: str) -> dict[str, str]:
    """Quoted text exactly as written (case, script and punctuation kept: a message is sent
    as typed), by its normalised form. Full-width quote marks are found through NFKC."""
    plain = unicodedata.normalize("NFKC", text)
    found = {normalize(m.group(1)).strip(): m.group(1).strip() for m in _QUOTED.finditer(plain)}
    found.update(
        {normalize(m.group(1)).strip(): m.group(1).strip() for m in _QUOTED.finditer(text)}
    )
    return found


def _render_note(note: str, language: str) -> str:
    tag, named_zh, named_en = ([*note.split("|"), "", ""])[:3]
    if tag == "default":  # a documented default threshold, said out loud
        return named_zh if language == "zh" else named_en
    if language == "zh":
        return f"“{tag}”按同名企业标签筛选，而不是内置分类“{named_zh}”"
    return f"“{tag}” is the corp tag of that name, not the built-in segment “{named_en}”"


def with_notes(description: str, rendered: tuple[str, ...], language: str) -> str:
    if not rendered:
        return description
    if language == "zh":
        return f"{description}（{'；'.join(rendered)}）"
    return f"{description} ({'; '.join(rendered)})"


def only_tagged(segment: Node, tag: str, vocab: Vocabulary) -> Node:
    """Whom an untag changes: those of `segment` who carry the tag ("去掉上海客户的VIP标签":
    the 3 Shanghai customers tagged VIP, not all 7). The parsed command keeps the customers
    as said; the answer narrows them (bot.services.query.answer_command), so the card counts
    and restates the holders. A tag the company does not have is left to the action."""
    name = vocab.tags.get(normalize_name(tag))
    if name is None:
        return segment
    held = HasTag(name)
    if isinstance(segment, And):  # "(my customers tagged X) and tagged X": said once
        return segment if held in segment.children else And((*segment.children, held))
    return without_repeats(And((segment, held)))


def untag_holders(command: Command, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> Command:
    """`command` (an untag) with its customers narrowed to the tag's holders, restated."""
    if command.intent != "untag" or command.segment is None:
        return command
    narrowed = only_tagged(command.segment, str(command.details.get("tag") or ""), vocab)
    if narrowed == command.segment:
        return command
    described = describe(narrowed, command.language, now, tz, vocab)
    return replace(
        command,
        segment=narrowed,
        description=with_notes(described, command.notes, command.language),
    )


# What a saved segment's name must not turn into when read as words: it is conditions
# ("近90天消费满3000") or it is no reading at all ("跟进名单": 跟进 + 名单 say nothing).
_NOT_A_CONDITION = frozenset({K.FILLER, K.INTENT, K.UNKNOWN, K.SEP, K.CUSTOMER})


def _read_without_saved_names(
    seg_text: str,
    first: list[Any],
    ctx: Context,
    now: datetime,
    tz: ZoneInfo,
    asked: Ask,
) -> tuple[Node, list[str]]:
    """The words read again with no saved segment's name in the vocabulary, when every
    word of each such name is then part of a condition; otherwise, or when they are not
    understood that way either, the question about the saved name stands."""
    spans = [
        (t.start, t.end)
        for t in first
        if t.kind == K.NAME and t.meanings and all(m.kind == "saved" for m in t.meanings)
    ]
    vocab = ctx.vocab.without_kind("saved")
    tokens = drop_open_wrappers(demonstratives(tokenize(seg_text, vocab, now, tz)))
    inside = [t for t in tokens if any(t.start < end and start < t.end for start, end in spans)]
    if not spans or any(t.kind in _NOT_A_CONDITION for t in inside):
        raise asked
    try:
        segment, notes = build_segment(tokens, Context(vocab, ctx.asker))
    except Ask:
        raise asked from None
    if isinstance(segment, All):  # "跟进名单的客户": its words say no condition of their own
        raise asked
    return segment, notes
