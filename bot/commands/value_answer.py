"""A value given back alone to a question back about a word (spec/commands.md §2c): the
question back is the question, completed. "买过口红的客户有几个" → "没有找到商品“口红”…" →
"唇釉" counts the customers who bought 唇釉; "喺火星嘅客有幾多" → "上海" counts Shanghai's;
"how many customers in Shanghia" → "Shanghai"; "好啦 就 VIP 的" after a tag name that could
not be read. The value takes the place of the word asked about; the question's intent (a
count, a list, an export, an action) and its other conditions stay.

Only a value and nothing else answers so: one known name (a tag, city, product, owner,
department, saved segment — several joined by 和/or), or one word not known (then the
question is asked back about that word, in the question). Anything with a condition, a
verb or a question of its own is a new question; so are yes/no, confirm and cancel words.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.card_amend import says_cancel
from bot.commands.card_swap import swaps_in_customer
from bot.commands.confirm import typed_decision
from bot.commands.parse_alone import parse_alone
from segmentation.nlq import Command, load_vocabulary
from segmentation.nlq.answer_value import answer_values
from segmentation.nlq.followup import NO, YES, read_follow_up, read_pick
from segmentation.nlq.period_reply import is_time_question
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token, tokenize
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nodes import SegmentFormatError
from segmentation.text import normalize

# What may stand beside the value: no condition of its own.
_COMPANIONS = (K.DE, K.FILLER, K.SEP, K.CUSTOMER)
# Values the vocabulary knows, and what joins several of them ("上海和北京").
_KNOWN = (K.NAME, K.QUOTE)
_JOINS = (K.AND, K.OR)


@dataclass(frozen=True)
class Value:
    words: str  # as normalised, the value alone
    known: bool  # a name the vocabulary knows (else one word it does not)


def value_answer(
    session: Session,
    ctx: CommandContext,
    userid: str,
    pending: conv.PendingQuestion,
    text: str,
    substitute: Callable[[str], str],
) -> str | None:
    """The question `pending` asked back about, with the value `text` gives in place of the
    word asked about (`substitute` puts it there), or None when `text` is no value alone."""
    if pending.kind != conv.SEGMENT or not pending.word or is_time_question(pending.word):
        return None
    if _says_something_else(text) or looks_anew(text):
        return None
    if swaps_in_customer(session, ctx, userid, text):  # "那 Omar 呢": his card, not a value
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    value = _one_value(text, vocab, ctx)
    if value is None:
        return None
    asked = substitute(value.words)
    if not value.known:  # asked back again, about the word given: the question keeps waiting
        return asked
    follow = read_follow_up(asked)  # "其中标签是…的": the clause read alone, as a refinement is
    parsed = parse_alone(session, ctx, userid, follow.rest if follow is not None else asked)
    if isinstance(parsed, Command):
        return asked
    if _asks_about_value(parsed.message, value.words):
        # "ok, just the VIPs then" after "标签是<script>的…" was asked back: the value does
        # not fit where the word asked about stood (the signs around it stay), so the reply
        # is a request of its own — read as any message is, on the thread's last answer
        return None
    if not _asks_about_signs(parsed.message):
        return asked  # asked back about another word of the question
    # The question is still not understood with the value in its place, for signs that read
    # as no word ("VIP' OR '1'='1"): the value is the whole condition, asked as it was asked.
    return _framed(value.words, _intent_of(pending.original, vocab, ctx), pending.language)


# Chinese and Latin letters in one unknown word: two words the tokenizer could not part.
_GLUED = re.compile(r"[\u3400-\u9fff][A-Za-z]|[A-Za-z][\u3400-\u9fff]")
_QUOTED = re.compile(r"[“「\"]([^”」\"]+)[”」\"]")
_WORD = re.compile(r"[A-Za-z\u3400-\u9fff]")


def _asks_about_value(message: str, value: str) -> bool:
    """Whether a question back is about a part holding the value just given."""
    said = normalize(value).replace(" ", "")
    return any(said in normalize(q).replace(" ", "") for q in _QUOTED.findall(message))


def _asks_about_signs(message: str) -> bool:
    """Whether a question back is about a part with no word in it ("沒看懂“=”這部分")."""
    return any(not _WORD.search(quoted) for quoted in _QUOTED.findall(message))


# "咁睇吓上海嘅客", "噉睇下Ivan", "那看看北京的客户", "then show me Ivan", "let's look at VIPs":
# a look at something, said as a move on (an opener, then a verb of looking), asks a question
# of its own — put in place of the word asked about it reads the question back's junk again.
# (A bare 看/睇 before a value — "看VIP的" — still gives the value.)
_LOOK_ANEW = re.compile(
    r"^(?:(?:咁|噉|那|那么|那就|好|好啦|好吧|ok|okay|then|so|and|now|well)[\s,，、]*)*"
    r"(?:再|帮我|俾我|畀我|给我|让我|等我|我要|我想)?\s*"
    r"(?:睇下|睇吓|睇睇|睇一下|睇一睇|看看|看一下|看下|看一看|瞧瞧|查下|查一下|查查|查吓|搵下|搵吓|"
    r"揾下|揾吓|搵一下|揾一下|找一下|show\s+me|look\s+at|let'?s\s+(?:see|look\s+at|check)|"
    r"check\s+out|pull\s+up)"
)


def looks_anew(text: str) -> bool:
    """Whether `text` opens with a look at something: a question of its own, never a value."""
    return _LOOK_ANEW.match(normalize(text).strip()) is not None


def _says_something_else(text: str) -> bool:
    """A yes, a no, a confirm or a cancel: an answer of another kind, never a value."""
    if typed_decision(text) is not None or says_cancel(text):
        return True
    return read_pick(text, ("", "")) in (YES, NO)


def _one_value(text: str, vocab: Vocabulary, ctx: CommandContext) -> Value | None:
    """The value `text` gives: the first reading (least taken off) that is known names only,
    else the first that is one word not known; None when every reading says more."""
    unknown = None
    for words in answer_values(text):
        tokens = _tokens(words, vocab, ctx)
        if tokens is None:
            continue
        content = [t for t in tokens if t.kind not in _COMPANIONS]
        if not content:
            continue
        if all(t.kind in _KNOWN or t.kind in _JOINS for t in content) and (
            content[0].kind in _KNOWN and content[-1].kind in _KNOWN
        ):
            return Value(words[content[0].start : content[-1].end], True)
        if unknown is None and len(content) == 1 and content[0].kind == K.UNKNOWN:
            word = words[content[0].start : content[0].end]
            if not _GLUED.search(word):  # "那judy": an opening word glued to the value
                unknown = Value(word, False)
    return unknown


def _tokens(words: str, vocab: Vocabulary, ctx: CommandContext) -> list[Token] | None:
    try:
        return tokenize(words, vocab, ctx.now, ctx.settings.timezone)
    except SegmentFormatError:
        return None


def _intent_of(question: str, vocab: Vocabulary, ctx: CommandContext) -> str:
    """What the question asked for, by its own words: a count, an export, else a list."""
    tokens = _tokens(normalize(question), vocab, ctx) or []
    intents = {t.value for t in tokens if t.kind == K.INTENT}
    return next((i for i in ("count", "export") if i in intents), "list")


_FRAMES = {
    ("count", "zh"): "{}的客户有几个",
    ("export", "zh"): "导出{}的客户",
    ("list", "zh"): "{}的客户",
    ("count", "en"): "how many {} customers",
    ("export", "en"): "export {} customers",
    ("list", "en"): "{} customers",
}


def _framed(value: str, intent: str, lang: str) -> str:
    """The value alone, asked as the question was (a count, an export or a list)."""
    return _FRAMES[(intent, "zh" if lang == "zh" else "en")].format(value)
