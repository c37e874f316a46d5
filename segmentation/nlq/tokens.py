"""Text → tokens: the longest of (time phrase, lexicon word, vocabulary name, number) at
each position; what matches nothing becomes an UNKNOWN token (the coverage guard asks)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from segmentation.nlq.after_joining import after_joining
from segmentation.nlq.amount_words import slang_spent
from segmentation.nlq.ask import Ask
from segmentation.nlq.bounds import at_most_only
from segmentation.nlq.channel_words import (
    ChannelMatch,
    scan_channel,
    scan_quoted_code,
    unknown_code,
)
from segmentation.nlq.claimed_roles import scan_claimed_role
from segmentation.nlq.combined import combined_lists
from segmentation.nlq.contact_more import not_redeemed_is_unused, scan_contact
from segmentation.nlq.ever_words import past_adverbs
from segmentation.nlq.except_after import except_after
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.lexicon_tables import ALSO, LEXICON, SURFACE_LENGTHS
from segmentation.nlq.measure_adverbs import drop_measure_adverbs
from segmentation.nlq.mid_removals import removals_inside
from segmentation.nlq.money_words import money_said
from segmentation.nlq.numbers import scan_number
from segmentation.nlq.own_team import own_team_alone
from segmentation.nlq.own_totals import measure_totals
from segmentation.nlq.price_words import price_amounts
from segmentation.nlq.repeat_window import repeat_in_window
from segmentation.nlq.reported import scan_reported
from segmentation.nlq.same_window import same_window_at
from segmentation.nlq.score_words import scan_score
from segmentation.nlq.self_intros import scan_self_intro
from segmentation.nlq.spoken_glue import spoken_glue
from segmentation.nlq.spoken_or import spoken_or
from segmentation.nlq.tag_yet import tags_not_yet
from segmentation.nlq.text_words import company_named, scan_text_field
from segmentation.nlq.timephrases import scan_time
from segmentation.nlq.token_kinds import K
from segmentation.nlq.topic_objects import (
    came_in_new,
    listed_count,
    neither_listed,
    topic_objects,
)
from segmentation.nlq.typos import frame_word
from segmentation.nlq.vocabulary import ITEM_KINDS, Meaning, Vocabulary
from segmentation.nlq.window_lists import each_window
from segmentation.nlq.wrapper_phrases import scan_wrapper_phrase
from segmentation.nodes import RollingWindow

# On a tie, a name from the data beats a lexicon word, except the words that build structure.
_STRUCTURAL = {K.NEG, K.YET, K.CMP, K.AND, K.OR, K.DE, K.CLAUSE, K.SEP, K.TO, K.UNIT, K.MOST}
_STRUCTURAL |= {K.RANK, K.EVENT, K.SPEND, K.TAGWORD, K.SAVEDWORD, K.MY, K.MYDEPT, K.UNTAGGED}
_STRUCTURAL |= {K.THRESHOLD, K.COMPOUND}
_QUOTE_PAIRS = {"“": "”", '"': '"'}


@dataclass
class Token:
    kind: K
    value: Any
    start: int
    end: int
    text: str
    english: bool = False
    meanings: tuple[Meaning, ...] = ()
    problem: str | None = None
    raw: str = ""  # quoted text as the user wrote it
    unit: str | None = None  # for NUM: times | money | people | percent
    extra: dict[str, Any] = field(default_factory=dict)
    also: tuple[tuple[K, Any], ...] = ()  # a lexicon word's declared further meanings

    def may_be(self, kind: K) -> bool:
        return self.kind == kind or any(k == kind for k, _ in self.also)


def tokenize(
    text: str, vocab: Vocabulary, now: datetime, tz: ZoneInfo, raw_quotes: list[str] | None = None
) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    quotes = list(raw_quotes or [])
    while pos < len(text):
        if text[pos].isspace():
            pos += 1
            continue
        quoted_code = scan_quoted_code(text, pos, vocab) if text[pos] in _QUOTE_PAIRS else None
        if quoted_code is not None:  # “官网活码”来的: the code, read with its verb
            said = text[pos : quoted_code.end]
            written = [quotes.pop(0) for _ in range(min(len(quotes), said.count("“") or 1))]
            if quoted_code.ask is not None and len(written) == 1:  # asked as the user wrote it
                quoted_code = replace(quoted_code, ask=unknown_code(written[0], vocab))
            tokens.append(_channel_token(text, pos, quoted_code))
            pos = quoted_code.end
            continue
        if text[pos] in _QUOTE_PAIRS:
            close = text.find(_QUOTE_PAIRS[text[pos]], pos + 1)
            if close > pos + 1:
                inner = text[pos + 1 : close].strip()
                raw = quotes.pop(0) if quotes else inner
                found = vocab.surfaces.get(inner.replace("'", ""), ())
                tokens.append(
                    Token(
                        K.QUOTE,
                        inner,
                        pos,
                        close + 1,
                        text[pos : close + 1],
                        meanings=found,
                        raw=raw,
                    )
                )
                pos = close + 1
                continue
        token = _said_again(text, pos, tokens) or _best_at(text, pos, vocab, now, tz)
        token = token or _mistyped_at(text, pos)  # "custmers", "taged": the frame word
        if token is None and (back := _hand_back(tokens, text, pos, vocab)) is not None:
            pos = back  # 我手头上|海: the word gives 上 back to 上海
            continue
        if token is None:
            end = _unknown_end(text, pos)
            if tokens and tokens[-1].kind == K.UNKNOWN and tokens[-1].end == pos:
                tokens[-1].end = end
                tokens[-1].text = text[tokens[-1].start : end]
            else:
                tokens.append(Token(K.UNKNOWN, None, pos, end, text[pos:end]))
            pos = end
            continue
        token = _yield_to_named(token, text, vocab)  # my |customers to win back
        tokens.append(token)
        pos = token.end
    tokens = spoken_or(tokens)  # 嚟過舖頭定落單: Cantonese 定 between two conditions is 或
    tokens = spoken_glue(tokens)  # 下得少于2次, last 7天, 九月到十月间
    tokens = not_redeemed_is_unused(tokens)  # haven't used the 双11预热 coupon: issued, unused
    tokens = price_amounts(_attach_units(tokens))  # 价格超过300: a price, asked back
    tokens = money_said(tokens)  # 问过X几钱, 花最少的, 买嘢最多钱, 每张单平均
    tokens = slang_spent(tokens)  # 刷了两万以上, 碌咗千零蚊, dropped 1.5k, shelled out over 2k
    tokens = _de_typed_as_de(tokens)  # 没成交得客户: 的 typed as 得
    tokens = _shop_measure_dropped(tokens)  # 嚟過間舖 / 来过家店: the shop's measure word
    tokens = _zero_is_no(tokens)  # "clients with zero tags": no tag at all
    tokens = tags_not_yet(tokens)  # 还没有标签 = untagged, 仲冇VIP tag = not VIP
    tokens = _colleague_teams(_only_not(_buyers(_company_names(_of_possessive(tokens)))))
    tokens = own_team_alone(_not_any(tokens))  # 部门近90天…: the asker's own department
    tokens = _have_in_own_team(_more_than_without(tokens))
    tokens = drop_measure_adverbs(_anything(_most_that_count(_yet_once(tokens))))
    tokens = _highest_few(tokens)
    # 店也没来过; 张三和李四两个人的; A和B都没有; 近30天进来的新客
    tokens = came_in_new(neither_listed(listed_count(topic_objects(tokens))))
    tokens = after_joining(at_most_only(except_after(combined_lists(measure_totals(tokens)))))
    tokens = repeat_in_window(each_window(tokens))
    tokens = _not_necessarily(removals_inside(tokens))  # 上海的客户 但去掉男的, 扫码加的以外
    return past_adverbs(_english_glue(_exceptions(_neither_nor(tokens))))


# "Not necessarily" words after a negation (不一定要是, 唔一定係) and English "necessarily".
_NECESSARILY = ("一定", "必")


def _not_necessarily(tokens: list[Token]) -> list[Token]:
    """ "不一定要是VIP的", "not necessarily VIPs": no condition on VIP, never its negation —
    the two words asked back as one, naming what was said (set aside before a comma, the
    question after it is read by leadins)."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == K.NEG
            and prev.end == tok.start
            and (tok.text.startswith(_NECESSARILY) or tok.text == "necessarily")
        ):
            out[-1] = Token(K.UNKNOWN, None, prev.start, tok.end, f"{prev.text}{tok.text}")
            continue
        out.append(tok)
    return out


def refuse_empty_quotes(text: str) -> None:
    """Quotes with nothing inside name nothing: reading past them would drop the very
    word the user meant to give (tagged "" had become "has any tag"). Called on the part
    of a message that says whom; a message's own text is checked where it is read."""
    for pos, char in enumerate(text):
        close = text.find(_QUOTE_PAIRS[char], pos + 1) if char in _QUOTE_PAIRS else -1
        if close > pos and not text[pos + 1 : close].strip():
            raise Ask(
                "引号里是空的。请在引号里写上名称，例如：标签为“VIP”的客户。",
                'The quotes are empty. Put the name inside them, e.g. customers tagged "VIP".',
            )


def _said_again(text: str, pos: int, tokens: list[Token]) -> Token | None:
    """同月 / in the same month: the window written earlier in the message, again."""

    def last() -> Any:
        return next(
            (t.value for t in reversed(tokens) if t.kind == K.WINDOW and not t.problem), None
        )

    found = same_window_at(text, pos, last)
    if found is None:
        return None
    window, end = found
    said = text[pos:end]
    return Token(K.WINDOW, window, pos, end, said, english=said[:1].isascii())


_ANY_WORDS = frozenset({"任何", "任意", "任一", "随便", "any", "anything"})
# 任意一款产品 / 任何一件商品: "any one" product is any product
_ONE_ITEM = frozenset({"一款", "一件", "一样", "一个", "一种", "一支", "一瓶", "款", "件", "样"})
_ANY_THING = frozenset(
    {"东西", "商品", "产品", "货", "嘢", "thing", "things", "product", "products"}
)
_WHAT = frozenset({"什么", "啥", "乜", "甚么", "乜嘢", "咩"})
_ANY_NEG = lazy_pattern(r"^(?:什么|啥|乜|甚么|乜嘢|咩|一样|任何)")


def _anything(tokens: list[Token]) -> list[Token]:
    """ "Anything" as the object of a verb (没买过任何东西, 啥都没买, 什么东西都没买,
    didn't buy anything / any product): the verb is marked `any_item`, so a product said
    before it is not carried onto it, and the words are dropped."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == K.UNKNOWN and tok.text in _WHAT:
            j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].text in _ANY_THING)
            if (
                j + 1 < len(tokens)
                and tokens[j].text in ("都", "也")
                and tokens[j + 1].kind == K.NEG
            ):
                neg = tokens[j + 1]
                out.append(Token(K.NEG, neg.value, tok.start, neg.end, tok.text + neg.text))
                out[-1].extra["any_item"] = True
                i = j + 2
                continue
        if tok.kind == K.EVENT and (
            "anything" in tok.text.lower()
            or (out and out[-1].kind == K.NEG and out[-1].extra.get("any_item"))
            or (out and out[-1].kind == K.NEG and _ANY_NEG.match(out[-1].text))
        ):
            tok.extra["any_item"] = True
        if tok.text.lower() in _ANY_WORDS and out and out[-1].kind == K.EVENT:
            out[-1].extra["any_item"] = True
            i += 1
            if i < len(tokens) and tokens[i].text in _ONE_ITEM:
                i += 1
            if i < len(tokens) and tokens[i].text.lower() in _ANY_THING:
                i += 1
            continue
        said = _it_said(tokens, i)
        named = any(t.kind in (K.NAME, K.QUOTE) for t in out)  # "it": a product said before
        if said and named and out[-1].kind == K.EVENT:  # 没买过它 / hasn't bought it
            out[-1].extra["it_item"] = True
            i += said
            continue
        out.append(tok)
        i += 1
    return out


# The object pointed back at after a verb: the product said before it (没买过它, 这款).
_IT_WORDS = frozenset({"it", "它", "该商品", "该产品"})
_THIS_ONE = frozenset({"这", "那", "这个", "那个"})
_ONE_OF_IT = frozenset({"款", "个", "个产品", "个商品", "款产品", "款商品", "样"})


def _it_said(tokens: list[Token], i: int) -> int:
    """How many tokens at `i` say "it" as a verb's object (it, 它, 这款, 那个产品), or 0."""
    text = tokens[i].text.lower()
    if text in _IT_WORDS:
        return 1
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    if text in _THIS_ONE and nxt in _ONE_OF_IT:
        return 2
    return 0


def _yet_once(tokens: list[Token]) -> list[Token]:
    """到现在 right before 还没 (到现在还没下过单, 到现在都还没) says "all time" twice: one is
    kept, so the pair reads as 还没 alone wherever the clause starts (…的、到现在还没…)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        j = i + 1
        while j < len(tokens) and tokens[j].text in ("都", "也"):
            j += 1
        if (
            tok.kind == K.YET
            and tok.value is False
            and j < len(tokens)
            and (tokens[j].kind == K.YET and tokens[j].value is True)
        ):
            continue
        out.append(tok)
    return out


_POINTED_COUNT = {"两": 2, "俩": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _most_that_count(tokens: list[Token]) -> list[Token]:
    """最多那五个 / 最少嗰3位: 那 between a ranking and its count is the 的 of 最多的五个 —
    also when 那五个客户 was read as "those five" (a pointer at the answer just given)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        after_most = i > 0 and tokens[i - 1].kind == K.MOST
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if after_most and tok.kind == K.UNKNOWN and tok.text == "那" and nxt and nxt.kind == K.NUM:
            out.append(Token(K.DE, True, tok.start, tok.end, tok.text))
            continue
        said = tok.text[1:2]
        if (
            after_most
            and tok.kind == K.THIS
            and tok.text[:1] == "那"
            and (said.isdigit() or said in _POINTED_COUNT)
        ):
            count = int(said) if said.isdigit() else _POINTED_COUNT[said]
            out.append(Token(K.DE, True, tok.start, tok.start + 1, "那"))
            end = tok.start + 3  # 那五个 / 那5位: a count of people
            out.append(Token(K.NUM, Decimal(count), tok.start + 1, end, said, unit="people"))
            if len(tok.text) > 3:  # 那五个客户: the people word after the unit
                out.append(Token(K.CUSTOMER, True, tok.start + 3, tok.end, tok.text[3:]))
            continue
        out.append(tok)
    return out


# 最高 / 最低 before an amount are its bound (消费最高3000 = at most 3000); before a count of
# people (三个, 5位) they rank, as 最高的三个 does (今年消费最高三个金卡客: the top 3 spenders).
_RANKING_BOUNDS = {"最高": "top", "最低": "bottom"}


def _highest_few(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for i, tok in enumerate(out[:-1]):
        nxt = out[i + 1]
        bound = tok.kind == K.CMP and tok.text in _RANKING_BOUNDS
        if bound and nxt.kind == K.NUM and nxt.unit == "people" and nxt.start == tok.end:
            out[i] = Token(K.RANK, _RANKING_BOUNDS[tok.text], tok.start, tok.end, tok.text)
    return out


def _mistyped_at(text: str, pos: int) -> Token | None:
    """An English frame word typed one letter off ("custmers"), read as that word."""
    if pos and text[pos - 1].isascii() and text[pos - 1].isalnum():
        return None
    end = _unknown_end(text, pos)
    meant = frame_word(text[pos:end])
    entry = LEXICON.get(meant) if meant is not None else None
    if entry is None:
        return None
    kind, value = entry
    return Token(kind, value, pos, end, text[pos:end])


def _unknown_end(text: str, pos: int) -> int:
    if text[pos].isascii() and text[pos].isalnum():
        end = pos
        while end < len(text) and text[end].isascii() and text[end].isalnum():
            end += 1
        return end
    return pos + 1


def _channel_token(text: str, pos: int, channel: ChannelMatch) -> Token:
    """The channel phrase at `pos`, with the words it carries besides the channel: a "not"
    before it (not from Expo-A), an 以外 after it (展会2026以外渠道来的: NOT), or the asker as
    the one added (扫码加我的: mine too)."""
    said = text[pos : channel.end]
    parts: tuple[tuple[K, Any, int], ...] = ()
    if channel.negated:
        rest = channel.end - pos - channel.negated
        parts = ((K.NEG, True, channel.negated), (K.CHANNEL, channel.node, rest))
    elif channel.excepted:
        rest = channel.end - pos - channel.excepted
        parts = ((K.CHANNEL, channel.node, rest), (K.NEG, "post", channel.excepted))
    elif channel.mine is not None:
        rest = channel.end - channel.mine
        parts = ((K.CHANNEL, channel.node, channel.mine - pos), (K.MY, True, rest))
    if parts:
        return Token(K.COMPOUND, parts, pos, channel.end, said)
    tok = Token(K.CHANNEL, channel.node, pos, channel.end, said)
    tok.extra = {"ask": channel.ask} if channel.ask is not None else {}
    return tok


def _best_at(text: str, pos: int, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> Token | None:
    found: list[tuple[int, int, Token]] = []  # (end, priority, token)
    timed = scan_time(text, pos, now, tz)
    if timed is not None:
        tok = Token(
            K.WINDOW,
            timed.window,
            pos,
            timed.end,
            text[pos : timed.end],
            english=timed.english,
            problem=timed.problem,
        )
        found.append((timed.end, 4, tok))
    scored = scan_score(text, pos)
    if scored is not None:  # whole score phrases beat the words and windows inside them
        kind = K.SCORE if scored.kind == "score" else K.SCORE_HORIZON
        tok = Token(kind, scored.value, pos, scored.end, text[pos : scored.end])
        tok.problem, tok.extra = scored.problem, dict(scored.extra)
        found.append((scored.end, 5, tok))
    channel = scan_channel(text, pos, vocab)
    if channel is not None:  # whole channel phrases beat the words inside them
        found.append((channel.end, 5, _channel_token(text, pos, channel)))
    field = scan_text_field(text, pos)
    if field is not None:  # "公司是XX的", "remark contains boss": whole phrases, as above
        found.append((field.end, 5, Token(K.TEXTMATCH, field.node, pos, field.end,
                                          text[pos : field.end])))  # fmt: skip
    contact = scan_contact(text, pos)
    if contact is not None:  # "收到过群发", "上次活动没核销": whole phrases, as above
        found.append((contact.end, 5, Token(K.CONTACT, contact, pos, contact.end,
                                            text[pos : contact.end])))  # fmt: skip
    wrapped = max(
        scan_reported(text, pos) or 0,
        scan_wrapper_phrase(text, pos) or 0,
        scan_claimed_role(text, pos) or 0,  # "我是经理，…", "as admin, …": grants nothing
        scan_self_intro(text, pos) or 0,  # "我是刚入职的赵六，…": who asks, never new customers
    )
    if (
        wrapped
    ):  # "老板让我", "the boss wants", "sorry to bug you": no condition (a tie: the word wins)
        found.append((wrapped, 1, Token(K.FILLER, "wrapper", pos, wrapped, text[pos:wrapped])))
    lex = _lexicon_at(text, pos)
    if lex is not None:
        end, (kind, value) = lex
        priority = 3 if kind in _STRUCTURAL else 1
        surface = text[pos:end]
        tok = Token(kind, value, pos, end, surface, also=ALSO.get(surface, ()))
        found.append((end, priority, tok))
    named = vocab.match(text, pos)
    if named is not None and _saved_name_cut_short(text, named):
        # a saved 上海客 inside 上海客户: the customer word goes on past it (上海 is the city)
        named = vocab.match(text, pos, shorter_than=named[0] - pos)
    if named is not None:
        end, meanings = named
        if lex is not None and lex[0] == end and all(m.kind in ITEM_KINDS for m in meanings):
            # A product or category spelled like a word of the language (a category 男士,
            # a product 会员): the word keeps its meaning, and carries the product's for
            # where an event verb makes it one ("买过男士类的").
            found[-1][2].meanings = meanings
        else:
            found.append((end, 2, Token(K.NAME, None, pos, end, text[pos:end], meanings=meanings)))
    number = scan_number(text, pos)
    if number is not None and not _inside_latin_word(text, pos, number[1]):
        value, end = number
        # scan_number reads "百分之二十" whole: the percent must not be lost (前百分之二十).
        unit = "percent" if text.startswith("百分之", pos) else None
        if unit is None and _tenths(text, pos, end, value):  # 两成 = 20%, 八成以上 = 80%+
            value, end, unit = value * 10, end + 1, "percent"
        found.append((end, 0, Token(K.NUM, value, pos, end, text[pos:end], unit=unit)))
    if not found:
        return None
    found.sort(key=lambda f: (f[0], f[1]))
    return found[-1][2]


def _yield_to_named(token: Token, text: str, vocab: Vocabulary) -> Token:
    """An English word group that ends inside a built-in class's name ("my customers" in "my
    customers to win back") is cut before the name, which is then read whole."""
    if token.kind in (K.NAME, K.QUOTE) or " " not in token.text or not token.text.isascii():
        return token
    for offset, char in enumerate(token.text):
        if char != " ":
            continue
        start = token.start + offset + 1
        named = vocab.match(text, start)
        if named is None or named[0] <= token.end:
            continue
        if not all(m.kind == "named" for m in named[1]):
            continue
        head = token.text[:offset]
        entry = LEXICON.get(head)
        if entry is not None:
            return Token(entry[0], entry[1], token.start, token.start + offset, head)
    return token


def _hand_back(tokens: list[Token], text: str, pos: int, vocab: Vocabulary) -> int | None:
    """Where to read on when the longest word before `pos` took the first characters of a
    name the company uses (我手头上|海的 → 我手头|上海的, 我手上|海 → 我手|上海): the word
    before is cut to a shorter word of the language, and the position it now ends at is
    returned. None when no shorter word leaves a name there (the character stays unknown)."""
    prev = tokens[-1] if tokens else None
    if prev is None or prev.end != pos or prev.kind in (K.NAME, K.QUOTE, K.UNKNOWN):
        return None
    if prev.text != text[prev.start : prev.end] or prev.text.isascii():
        return None
    for cut in (1, 2):
        shorter = prev.text[:-cut]
        entry = LEXICON.get(shorter) if shorter else None
        named = vocab.match(text, pos - cut) if entry is not None else None
        if entry is None or named is None or named[0] <= pos:
            continue
        kind, value = entry
        tokens[-1] = Token(kind, value, prev.start, pos - cut, shorter)
        return pos - cut
    return None


def _saved_name_cut_short(text: str, named: tuple[int, tuple[Meaning, ...]]) -> bool:
    """A saved segment's name that ends inside a word of the language ("上海客" in "我的上海客户",
    where 客户 goes on past it): no segment is named there. Only a saved name: it is read
    whole or not at all (spec §1), while a tag or a city may stand before any word."""
    end, meanings = named
    if not meanings or any(m.kind != "saved" for m in meanings) or end >= len(text):
        return False
    word = _lexicon_at(text, end - 1)
    return word is not None and word[0] > end


def _tenths(text: str, start: int, end: int, value: Decimal) -> bool:
    """一成…九成 (two characters, a digit and 成) are tenths; 成交/成员/成为 are words."""
    if end - start != 1 or not 1 <= value <= 9 or not text.startswith("成", end):
        return False
    return not text.startswith(("成交", "成员", "成为", "成功", "成本", "成绩"), end)


def _inside_latin_word(text: str, start: int, end: int) -> bool:
    """Whether the number's own Latin letters or digits run on into a Latin word ("vip2",
    "2k"); a Chinese numeral next to an English word is a number ("spent五百以上",
    "一千五or more": the spaces between them were dropped)."""
    glued = text[start].isascii()
    before = glued and start > 0 and text[start - 1].isascii() and text[start - 1].isalpha()
    after = end < len(text) and text[end].isascii() and text[end].isalpha()
    return before or (after and text[end - 1].isascii() and text[end - 1].isalpha())


def _lexicon_at(text: str, pos: int) -> tuple[int, tuple[K, Any]] | None:
    latin_start = text[pos].isascii() and text[pos].isalnum()
    if latin_start and pos > 0 and text[pos - 1].isascii() and text[pos - 1].isalnum():
        return None
    room = len(text) - pos
    for length in SURFACE_LENGTHS.get(text[pos], ()):
        if length > room:
            continue
        surface = text[pos : pos + length]
        entry = LEXICON.get(surface)
        if entry is None:
            continue
        end = pos + length
        if surface[-1].isascii() and surface[-1].isalnum() and end < len(text):  # noqa: SIM102
            if text[end].isascii() and text[end].isalnum():
                continue  # "order" must not match the start of "orders2"
        return end, entry
    return None


# 消费过|万: the longest match took the 过 of 过万 as the aspect of 消费过 / 花过 / 下过.
_THRESHOLD_SPLIT = {"过": ">", "超": ">", "上": ">=", "破": ">"}
_THRESHOLD_UNITS = {"万": 10_000, "千": 1000, "百": 100}


def _split_thresholds(tokens: list[Token]) -> list[Token]:
    """过万 / 上千 / 不到一万's one word → the comparison and the number it names."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        unit = _THRESHOLD_UNITS.get(tok.text)
        if (
            tok.kind == K.UNKNOWN
            and unit is not None
            and prev is not None
            and prev.kind in (K.SPEND, K.EVENT)
            and prev.end == tok.start
            and prev.text[-1:] in _THRESHOLD_SPLIT
        ):
            op = _THRESHOLD_SPLIT[prev.text[-1]]
            text = prev.text[-1] + tok.text
            tok = Token(K.THRESHOLD, (op, unit), tok.start - 1, tok.end, text)
        if tok.kind == K.COMPOUND:
            offset = 0
            for kind, value, length in tok.value:
                part = tok.text[offset : offset + length]
                start = tok.start + offset
                out.append(Token(kind, value, start, start + length, part))
                offset += length
            continue
        if tok.kind != K.THRESHOLD:
            out.append(tok)
            continue
        op, amount = tok.value
        cut = tok.end - 1  # 过|万: each part keeps its own characters for the questions back
        out.append(Token(K.CMP, (op, "pre"), tok.start, cut, tok.text[:-1]))
        out.append(Token(K.NUM, Decimal(amount), cut, tok.end, tok.text[-1:]))
    return out


def _attach_units(tokens: list[Token]) -> list[Token]:
    """Numbers take the unit written next to them: 3次, 1000元, ¥500, 20%, 百分之二十, 10个."""
    tokens = _split_thresholds(tokens)
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.kind == K.PERCENT_PREFIX and i + 1 < len(tokens) and tokens[i + 1].kind == K.NUM:
            tokens[i + 1].unit = "percent"
            tokens[i + 1].start = tok.start
            i += 1
            continue
        if tok.kind == K.NUMWORD:
            value, unit = tok.value
            out.append(Token(K.NUM, Decimal(value), tok.start, tok.end, tok.text, unit=unit))
            i += 1
            continue
        if tok.kind == K.NUM and tok.unit is None and i + 1 < len(tokens):
            nxt = tokens[i + 1]
            if nxt.kind == K.UNIT:
                tok.unit, tok.end = nxt.value, nxt.end
                out.append(tok)
                i += 2
                continue
        if out and out[-1].kind == K.NUM and tok.kind != K.CMP:  # "1000 plus"
            cmp = next((v for k, v in tok.also if k == K.CMP and v[1] == "post"), None)
            if cmp is not None:
                out.append(Token(K.CMP, cmp, tok.start, tok.end, tok.text))
                i += 1
                continue
        if tok.kind == K.UNIT and len(out) >= 2 and out[-1].kind == K.CMP and out[-2].kind == K.NUM:  # noqa: SIM102
            if out[-2].unit is None and out[-1].value[1] == "post":  # "3 or more times"
                out[-2].unit = tok.value
                i += 1
                continue
        if _currency(tok) and i + 1 < len(tokens):
            if out and out[-1].end == tok.start and out[-1].text in _COUNTRY_DOLLARS:
                said = out.pop()  # US$300: another currency, asked (grammar.check_tokens)
                text = said.text.upper() + tok.text
                out.append(Token(K.UNSUPPORTED, "foreign_currency", said.start, tok.end, text))
                i += 1
                continue
            if tokens[i + 1].kind == K.NUM:
                tokens[i + 1].unit = "money"
                i += 1
                continue
        out.append(tok)
        i += 1
    return out


_SKIP = {K.FILLER, K.INTENT}
# A dollar said of a country (US$300, HK$500): another currency than the company's yuan.
_COUNTRY_DOLLARS = frozenset({"us", "hk", "nt", "a", "au", "c", "ca", "s", "sg"})


def _currency(tok: Token) -> bool:
    """A currency written before the amount: ¥500, "rmb 500", $500 (the company's money is
    yuan, and a bare $ is what a keyboard offers for it, as 蚊/块 are said: the same amount;
    a dollar said of a country, US$ / HK$, is asked back by money_words.foreign_currency)."""
    if tok.kind == K.UNIT:
        return tok.value == "money" and tok.text in ("rmb", "cny", "yuan")
    return tok.kind == K.UNKNOWN and tok.text in ("¥", "￥", "$", "＄")


# "last month's buyers", "VIP buyers in Shanghai": a buyer is a customer who ordered — the
# noun carries the event when nothing else in the sentence says an order ("one-time buyers",
# "skincare category buyers" and rankings say it their own way).
_BUYER_NOUNS = frozenset({"buyers", "buyer", "purchasers", "purchaser", "买家", "购买者", "买主"})


# "只问不买", "光咨询不下单", "只逛不买", "只加购不下单": only X, never Y — X and not Y (the 只
# is no "exactly"). 问 alone is the inquiry here, as in 问价.
_ONLY_WORDS = frozenset({"只", "光", "净", "就", "仅"})
_ASK_ALONE = frozenset({"问", "光问", "净问", "只问"})


def _only_not(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        only = tok.text in _ONLY_WORDS and tok.kind in (K.CMP, K.FILLER, K.UNKNOWN)
        start = i + 1 if only else i
        if _done_not_done(tokens, start, asked_alone=only or tok.text in _ASK_ALONE):
            verb = tokens[start]  # the 只 before it dropped
            if verb.kind == K.UNKNOWN:
                verb = Token(K.EVENT, "inquiry", verb.start, verb.end, verb.text)
            out.append(verb)
            i = start + 1
            continue
        out.append(tok)
        i += 1
    return out


def _done_not_done(tokens: list[Token], i: int, *, asked_alone: bool) -> bool:
    """tokens[i:] starts with an event (or a bare 问), then 不/没, then another event."""
    if i + 2 >= len(tokens):
        return False
    verb, neg, other = tokens[i], tokens[i + 1], tokens[i + 2]
    alone = asked_alone and verb.kind == K.UNKNOWN and verb.text in _ASK_ALONE
    said = verb.kind == K.EVENT or alone
    negated = neg.kind == K.NEG and neg.text in ("不", "没", "冇", "唔")
    return said and negated and other.kind == K.EVENT


# "张三的部门", "李四他们部门", "张三所在部门", "Zhao Liu's team / department": a colleague's
# departments, as 我们部门 is the asker's.
_TEAM_WORDS = frozenset(
    {"部门", "团队", "组", "小组", "所在部门", "那个部门", "他们部门", "她们部门", "佢哋部门",
     "team", "department", "dept", "group", "的部门", "的团队"}
)  # fmt: skip


_TEAM_GLUE = frozenset({"的", "嘅", "'s", "s", "他们", "她们", "佢们", "所", "在", "所在", "the"})


def _colleague_teams(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        staff = [m for m in tok.meanings if m.kind == "staff"] if tok.kind == K.NAME else []
        j = i + 1
        while j < len(tokens) and tokens[j].text in _TEAM_GLUE:
            j += 1
        team = tokens[j] if j < len(tokens) else None
        said = team is not None and team.text.replace(" ", "") in _TEAM_WORDS
        if len(staff) == 1 and said and team is not None:
            out.append(Token(K.MYDEPT, str(staff[0].value), tok.start, team.end, tok.text))
            i = j + 1
            continue
        if said and _department(tok):  # 一部 team / 销售一部团队 / 二部的组: the department
            out.append(tok)
            i = j + 1
            continue
        out.append(tok)
        i += 1
    return out


def _not_any(tokens: list[Token]) -> list[Token]:
    """没有任何咨询和下单: the negation says "not any" of what follows (grammar reads a list
    after it as neither; without 任何 it asks neither or not both)."""
    for neg, nxt in itertools.pairwise(tokens):
        if neg.kind == K.NEG and nxt.kind == K.FILLER and nxt.text in _ANY_AT_ALL:
            neg.extra["any"] = True
    return tokens


_ANY_AT_ALL = frozenset({"任何", "任何的", "一切"})


def _department(tok: Token) -> bool:
    return tok.kind == K.NAME and bool(tok.meanings) and all(m.kind == "dept" for m in tok.meanings)


def _more_than_without(tokens: list[Token]) -> list[Token]:
    """ "超过30天没下单", "30天以上没来店", "haven't ordered for more than a month": it has been
    more than that long without it — nothing of it in that last stretch, which is the window
    alone ("30天没下单"). The comparison before or after a rolling window is dropped when a
    negation is said with it; anywhere else it keeps its meaning (消费超过1000)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if tok.kind == K.CMP and _says_more(tok) and _negated_window_at(tokens, i):
            continue
        out.append(tok)
    return out


def _says_more(tok: Token) -> bool:
    return isinstance(tok.value, tuple) and tok.value[0] in (">", ">=")


def _negated_window_at(tokens: list[Token], i: int) -> bool:
    """Whether the comparison at `i` stands by a rolling window with a negation said next to
    that window (after it, or earlier in the clause: "haven't ordered for more than …")."""
    before = tokens[i - 1] if i > 0 else None
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if after is not None and _rolling(after):  # 超过30天没…, for more than a month
        nxt = tokens[i + 2] if i + 2 < len(tokens) else None
        if nxt is not None and nxt.kind == K.NEG:
            return True
        clause = [t for t in tokens[:i] if t.kind != K.SEP]
        return i + 2 >= len(tokens) and any(t.kind == K.NEG for t in clause)
    if before is not None and _rolling(before):  # 30天以上没…
        return after is not None and after.kind == K.NEG
    return False


def _rolling(tok: Token) -> bool:
    return tok.kind == K.WINDOW and isinstance(tok.value, RollingWindow)


# "do I have" / "I've got" say whose the customers are only when nothing else does.
_HAVE_FORMS = frozenset({"i have", "do i have", "i ve got", "i've got", "i have got", "have i got"})


def _have_in_own_team(tokens: list[Token]) -> list[Token]:
    """ "how many do I have in my team": the possession verb points at the team the asker
    names, not at the asker's own follows (it had read as mine AND my team's: 4, not 9)."""
    if not any(t.kind == K.MYDEPT and t.value is True for t in tokens):
        return tokens
    return [t for t in tokens if not (t.kind == K.MY and t.text.lower() in _HAVE_FORMS)]


def _of_possessive(tokens: list[Token]) -> list[Token]:
    """ "Of today's carters, who never ordered": the "of" that opens the message starts a
    clause ("among today's carters") — the window read it as part of "of today" and had
    carried "today" into the question after the comma."""
    first = next((i for i, t in enumerate(tokens) if t.kind not in _SKIP), None)
    if first is None or first + 1 >= len(tokens):
        return tokens
    window, after = tokens[first], tokens[first + 1]
    if window.kind != K.WINDOW or not window.text.startswith("of ") or after.text != "'s":
        return tokens
    clause = Token(K.CLAUSE, "among", window.start, window.start + 2, "of", window.english)
    rest = replace(window, start=window.start + 3, text=window.text[3:])
    return [*tokens[:first], clause, rest, *tokens[first + 1 :]]


# 得 for 的 (the same sound, a common slip of the pinyin keyboard) right before the customers:
# "一单没成交得客户" is "没成交的客户" (得 as a verb's complement never comes before 客户).
_TYPED_DE = frozenset({"得", "地"})


def _de_typed_as_de(tokens: list[Token]) -> list[Token]:
    out = list(tokens)
    for i, tok in enumerate(tokens[:-1]):
        after = tokens[i + 1]
        if tok.kind == K.UNKNOWN and tok.text in _TYPED_DE and after.kind == K.CUSTOMER:
            before = tokens[i - 1] if i > 0 else None
            if before is not None and before.kind in (K.EVENT, K.NAME, K.WINDOW, K.NEG, K.CMP):
                out[i] = replace(tok, kind=K.DE, value=True)
    return out


def _zero_is_no(tokens: list[Token]) -> list[Token]:
    """A zero count right before the tag word ("with zero tags", "0 tags") says no tag at all,
    as "no tags" does — never a count dropped (which read "zero tags" as "has tags")."""
    out: list[Token] = []
    for tok in tokens:
        before = out[-1] if out else None
        zero = before is not None and before.kind in (K.NUM, K.NUMWORD)
        if zero and before is not None and _zero_value(before.value) and tok.kind == K.TAGWORD:
            text = f"{before.text} {tok.text}"
            out[-1] = Token(K.UNTAGGED, True, before.start, tok.end, text, english=tok.english)
            continue
        out.append(tok)
    return out


def _zero_value(value: Any) -> bool:
    if isinstance(value, tuple):
        return bool(value) and value[0] == 0
    return value == 0


# 间 / 家 (the measure word of a shop) between a visit verb and the shop: "嚟過間舖", "来过家店"
_SHOP_MEASURES = frozenset({"间", "家", "个"})


def _shop_measure_dropped(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if tok.kind == K.UNKNOWN and tok.text in _SHOP_MEASURES and 0 < i < len(tokens) - 1:
            before, after = tokens[i - 1], tokens[i + 1]
            if _visit(before) and _visit(after):
                continue
        out.append(tok)
    return out


def _visit(tok: Token) -> bool:
    return tok.kind == K.EVENT and str(tok.value).split(":")[0] == "visit"


def _buyers(tokens: list[Token]) -> list[Token]:
    if not any(t.kind == K.CUSTOMER and t.text in _BUYER_NOUNS for t in tokens):
        return tokens
    if any(
        t.kind in (K.EVENT, K.RANK, K.UNSUPPORTED)
        or (t.kind == K.SPEND and not _spend_below(tokens))
        or (t.kind == K.ITEMWORD and not _of_what(tokens, i - 2))
        for i, t in enumerate(tokens)
    ):
        return tokens  # ("buyers of 彩妆 products": the item word after the name said with of)
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if tok.kind == K.CUSTOMER and tok.text in _BUYER_NOUNS:
            out.append(Token(K.EVENT, "order", tok.start, tok.end, tok.text))
            if _of_what(tokens, i + 1):
                continue  # "buyers of 唇釉": the verb before its object, as "purchasers of"
        out.append(tok)
    return out


def _spend_below(tokens: list[Token]) -> bool:
    """Whether a spend is bounded from above ("buyers with total spend under 300"): buyers
    are then the ones who ordered — spending under 300 alone holds those who never did."""
    return any(t.kind == K.CMP and str(t.value[0] if isinstance(t.value, tuple) else t.value)
               in ("<", "<=") for t in tokens)  # fmt: skip


def _of_what(tokens: list[Token], i: int) -> bool:
    """Whether "of" and a name come at `i` ("buyers of 唇釉 in Shanghai")."""
    return (
        i >= 0
        and i + 1 < len(tokens)
        and tokens[i].text == "of"
        and tokens[i + 1].kind in (K.NAME, K.QUOTE)
    )


def _company_names(tokens: list[Token]) -> list[Token]:
    """ "腾讯公司的客户", "在腾讯上班的": an unknown name said with a company word, or after 在
    with a working verb, is the company condition (corp_name contains it)."""
    out: list[Token] = []
    for tok in tokens:
        if tok.kind == K.UNKNOWN and not tok.text.isascii():
            after_at = bool(out) and out[-1].kind == K.FILLER and out[-1].text == "在"
            node = company_named(tok.text, after_at)
            if node is not None:
                if after_at:
                    out.pop()  # 在 belongs to the phrase
                tok = Token(K.TEXTMATCH, node, tok.start, tok.end, tok.text)
        out.append(tok)
    return out


def _neither_nor(tokens: list[Token]) -> list[Token]:
    """ "neither in Shanghai nor tagged VIP": each side is negated — not X and not Y, whatever
    the two conditions are (the same as NOT(X or Y), said so a reader sees both negations)."""
    if not any(t.kind == K.NEG and t.text == "neither" for t in tokens):
        return tokens
    out: list[Token] = []
    open_neither = False
    for tok in tokens:
        if tok.kind == K.NEG and tok.text == "neither":
            open_neither = True
            tok = Token(K.NEG, True, tok.start, tok.end, tok.text)
        elif open_neither and tok.kind == K.OR and tok.text == "nor":
            out.append(Token(K.AND, "clause", tok.start, tok.end, tok.text))
            tok = Token(K.NEG, True, tok.start, tok.end, tok.text)
        out.append(tok)
    return out


def _exceptions(tokens: list[Token]) -> list[Token]:
    """English exceptions that name what they exclude by pointing: "except those in
    Shanghai", "other than the ones in Beijing" (those/these point at nothing earlier here),
    and "all customers but the Shanghai ones" / "everyone but Beijing" (but after the
    customers and before a name is except, not a second condition)."""
    out: list[Token] = []
    for index, tok in enumerate(tokens):
        prev = next((t for t in reversed(out) if t.kind not in _SKIP), None)
        pointing = tok.kind == K.THIS and tok.text == "those"
        pointing = pointing or (tok.kind == K.CUSTOMER and tok.text == "ones")
        # "everyone except customers in Beijing": the people word names no one by itself
        pointing = pointing or (tok.kind == K.CUSTOMER and _said_after(tokens, index))
        pointing = pointing or (tok.kind == K.DE and tok.text in ("who", "that", "which"))
        if pointing and prev is not None:  # noqa: SIM102
            if prev.kind == K.NEG and prev.value == "except" and prev.text.isascii():
                continue
        if tok.kind == K.AND and tok.text == "but" and prev is not None:  # noqa: SIM102
            if prev.kind in (K.CUSTOMER, K.BOTH) and _names_next(tokens, index):
                tok = Token(K.NEG, "except", tok.start, tok.end, tok.text)
        out.append(tok)
    return out


def _said_after(tokens: list[Token], index: int) -> bool:
    """Something other than filler follows `index` (what the exception is about)."""
    return any(t.kind not in _SKIP for t in tokens[index + 1 :])


def _names_next(tokens: list[Token], index: int) -> bool:
    nxt = next((t for t in tokens[index + 1 :] if t.kind not in _SKIP), None)
    return nxt is not None and nxt.kind in (K.NAME, K.QUOTE, K.THIS)


_DASHES = {"-", "—", "–", "~"}
_RATE_WINDOWS = {"a day", "a week", "a month", "a year", "an hour", "a quarter"}


def _english_glue(tokens: list[Token]) -> list[Token]:
    """Small English readings that depend on the neighbours (issue 19):
    - a dash between words separates them ("my book — who ordered"); between numbers it is
      a range (500-1000);
    - "to" before a request verb is glue ("I'd like to export", "want to see");
    - a comparison that has an after-the-number meaning reads it after a number with
      nothing to compare next ("1500 max", "1 order at most", "1000 at least");
    - "under" before a colleague's name is whose customers ("accounts under Zhao Liu");
    - "both" right after a negation joins the list it excludes ("outside both A and B");
    - "just"/"only" before no number restrict nothing ("just my own customers");
    - "nothing"/"none" after a verb negates it ("bought nothing this year");
    - "around", "about" are an approximate number only before one ("about 3 orders");
      elsewhere ("asked about the sofa") they are a word not understood;
    - "a month" right after an amount is a rate ("1000 a month"), which is asked back,
      never read as "in the past month";
    - "out of" in the middle ("customers out of Shanghai": outside, or among?) is asked;
      only an opener ("Out of the customers who…") starts a clause;
    - a sentence that starts "From the customers who…, which…" opens a clause like
      "Among";
    - "those who…", "those that…" are people described by what follows, like "customers
      who…" ("show me those who refunded"); a bare "those" still points at an answer;
    - "those" after the people or conditions it narrows ("VIPs, but only those in
      Shanghai") points inside the sentence;
    - a number in thousands after an event verb ("ordered over 5k") is an amount;
    - "show 我…" (an English request verb, then 我) is "show me", not "my customers".
    ("refunded more than twice" counts refunds as any event count does; a bare number after
    the refund word, "refunded more than 200", is asked back by interpret: yuan or times?)"""
    out: list[Token] = []
    for index, tok in enumerate(tokens):
        prev = out[-1] if out else None
        nxt = tokens[index + 1] if index + 1 < len(tokens) else None
        if tok.kind == K.TO and tok.text in _DASHES and not _numeric(prev, nxt):
            tok = Token(K.SEP, True, tok.start, tok.end, tok.text)
        elif tok.kind == K.TO and tok.text == "to" and nxt is not None and nxt.kind == K.INTENT:
            continue
        elif tok.kind == K.CMP and tok.value[1] == "pre" and _after_a_number(out):
            post = next((v for k, v in tok.also if k == K.CMP and v[1] == "post"), None)
            if post is not None and (nxt is None or nxt.kind != K.NUM):
                tok = Token(K.CMP, post, tok.start, tok.end, tok.text)
        elif (
            tok.kind == K.INTENT
            and tok.text in _IN_ALL
            and nxt is not None
            and (
                nxt.kind == K.SPEND
                or (nxt.kind == K.EVENT and nxt.value == "order")
                # 退款金额一共超过500 / 下单总共超过3次: the amount or count said first, in all
                or (nxt.kind == K.CMP and prev is not None and prev.kind in (K.SPEND, K.EVENT))
            )
        ):
            continue  # 总共使咗多过一千蚊 / 一共买了500以上: in all, what was spent — no count
        elif tok.kind == K.OR and (
            tok.text == "either" or (tok.text == "要么" and _or_after(tokens, index))
        ):
            # "tagged either VIP or 金卡": the "or" after it joins them; "either" alone joins
            # nothing (it made "tagged" a condition of its own: any tag, or VIP)
            continue
        elif tok.kind == K.UNKNOWN and tok.text == "add" and _asked_of(out):
            # "how many customers did Li Si add": the question's inverted "added"
            tok = Token(K.NEW, True, tok.start, tok.end, tok.text)
        elif tok.kind == K.CMP and tok.text == "under" and _a_colleague(nxt):
            continue  # "accounts under Zhao Liu": whose, not fewer than
        elif tok.kind == K.NEG and _negates_the_act(tokens, index):
            # "不要导出北京的客户", "要不你帮我导出我的VIP": the act is declined or proposed,
            # no condition negated — asked, never the export of everyone not in Beijing
            tok = Token(K.UNKNOWN, None, tok.start, tok.end, tok.text)
        elif tok.kind == K.MY and tok.text == "我" and _wants(tokens, index):
            # "我只要上海的", "我不要VIP", "我不想要北京的客户": I, who asks — not my customers
            tok = Token(K.FILLER, "wrapper", tok.start, tok.end, tok.text)
        elif tok.kind == K.MY and tok.text == "我" and _english_request(prev) and not _of(nxt):
            # "show 我 上海的VIP": the one to show them to (show me), not whose customers;
            # "export 我嘅深圳女客" says whose (我嘅 = 我的, issue 19)
            tok = Token(K.FILLER, "wrapper", tok.start, tok.end, tok.text)
        elif (
            tok.kind == K.FILLER
            and tok.text == "i"
            and _after_people(out)
            and not _asked(prev)
            and not _sends(tokens, index)
        ):
            # "customers li si and i both follow", "customers i share with li si": the asker
            # as an owner no owner phrase said — asked, never dropped
            tok = Token(K.UNKNOWN, None, tok.start, tok.end, tok.text)
        elif (
            tok.kind == K.NEW
            and tok.text == "added"
            and prev is not None
            and prev.kind == K.CHANNEL
        ):
            continue  # "扫码 added 的": the channel phrase's own verb, not a new-customer condition
        elif tok.kind == K.NUM and tok.unit is None and _thousands_after_a_verb(tok, out):
            tok.unit = "money"  # "ordered over 5k": an amount, never 5000 orders
        elif tok.kind == K.THIS and tok.text == "those" and _relative(nxt) and not _listed(out):
            tok = Token(K.CUSTOMER, True, tok.start, tok.end, tok.text)
        elif tok.kind == K.THIS and tok.text in ("those", "these") and _points_inside(out, nxt):
            tok = Token(K.FILLER, "demonstrative", tok.start, tok.end, tok.text)
        elif tok.kind == K.BOTH and tok.text == "both" and prev is not None and prev.kind == K.NEG:
            continue  # "outside both Shanghai and Beijing": the list is what is excluded
        elif tok.kind == K.CMP and tok.text in ("just", "only") and _restricts(tokens, index):
            if _exclusive(tokens, index, out):  # "only inquired", "bought only 唇釉": asked
                out.append(Token(K.UNKNOWN, None, tok.start, tok.end, tok.text))
            continue  # "just my own customers": a restriction, not "exactly"
        elif tok.kind == K.NEG and tok.value == "object":
            event = next((t for t in reversed(out) if t.kind not in _SKIP), None)
            tok = Token(K.NEG, True, tok.start, tok.end, tok.text, extra={"anything": True})
            if event is not None and event.kind == K.EVENT:  # "bought nothing": not bought
                out.insert(out.index(event), tok)
                continue
        elif (
            tok.kind == K.UNSUPPORTED
            and tok.value == "approx"
            and tok.text.isascii()
            and _not_a_number(nxt)
        ):
            # "about the sofa"; a Chinese approximate word says its own vague number (好多次)
            tok = Token(K.UNKNOWN, None, tok.start, tok.end, tok.text)
        elif tok.kind == K.WINDOW and tok.text in _RATE_WINDOWS and _after_a_number(out):
            tok = Token(K.UNSUPPORTED, "rate", tok.start, tok.end, tok.text)
        elif (
            tok.kind == K.CLAUSE
            and tok.text == "out of"
            and any(t.kind not in _SKIP for t in out)
            and not _base_follows(tokens, index)
        ):
            tok = Token(K.UNKNOWN, None, tok.start, tok.end, tok.text)
        elif (
            tok.kind == K.FILLER
            and tok.text == "from"
            and not any(t.kind not in _SKIP for t in out)
        ):
            tok = Token(K.CLAUSE, "among", tok.start, tok.end, tok.text)
        out.append(tok)
    return out


# What "out of" after the head may pick from ("the VIPs, out of yesterday's visitors", "…out of
# my customers"): a window, an owner, the new ones or an event's doers. A place after it stays
# unknown ("customers out of Shanghai": from there, or outside it?).
_BASE_KINDS = frozenset({K.WINDOW, K.MY, K.MYDEPT, K.NEW, K.EVENT})


def _base_follows(tokens: list[Token], index: int) -> bool:
    nxt = next((t for t in tokens[index + 1 :] if t.kind not in _SKIP), None)
    return nxt is not None and nxt.kind in _BASE_KINDS


def _asked_of(out: list[Token]) -> bool:
    """ "did/does/do" two or three words back, a name between: did Li Si add ("did I add" is
    the asker's own, read by the owner phrases)."""
    before = [t.text for t in out[-3:]]
    if not before or before[-1] == "i":
        return False
    return any(word in ("did", "does", "do", "have", "has") for word in before[:-1])


def _or_after(tokens: list[Token], index: int) -> bool:
    later = tokens[index + 1 :]
    return any(t.kind == K.OR and t.text in ("or", "要么", "或", "或者") for t in later)


# "In all" words that also ask "how many" (总共有几个): before what was spent they say total.
_IN_ALL = {"一共", "总共", "合共", "合计", "总计", "共", "总数"}


def _thousands_after_a_verb(tok: Token, out: list[Token]) -> bool:
    """A number written in thousands (5k, 1.5k) right after an event verb and its comparison."""
    if not tok.text.lower().endswith("k"):
        return False
    before = next((t for t in reversed(out) if t.kind not in _SKIP | {K.CMP}), None)
    return before is not None and before.kind == K.EVENT


def _asked(prev: Token | None) -> bool:
    """ "how many customers did I add": a question's inverted subject, read by its verb."""
    return prev is not None and prev.text in ("did", "do", "have", "had", "am", "was", "will")


_WANT_WORDS = frozenset(
    {"只要", "只看", "只想要", "只想看", "不要", "想要", "要", "需要", "想看", "唔要"}
)


# The acts on customers whose negation is no condition: not exporting the Beijing customers is
# no export of the others ("看"/list and count keep 不看北京的 = the others).
_ACTS = frozenset({"export", "tag", "untag", "push", "save", "schedule", "describe"})


def _negates_the_act(tokens: list[Token], index: int) -> bool:
    """A negation whose next word, past the request's politeness (你帮我, please), is an act."""
    ahead = (t for t in tokens[index + 1 :] if t.kind != K.FILLER)
    nxt = next(ahead, None)
    return nxt is not None and nxt.kind == K.INTENT and nxt.value in _ACTS


def _wants(tokens: list[Token], index: int) -> bool:
    """我 right before what the asker wants or does not want (只要, 不要, 不想要…)."""
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    if nxt is None:
        return False
    if nxt.text in _WANT_WORDS:
        return True
    return nxt.text in ("不", "唔") and after is not None and after.text in _WANT_WORDS | {"想"}


def _sends(tokens: list[Token], index: int) -> bool:
    """ "customers i haven't messaged / reached out to": the asker as the company's sender of a
    message or coupon (a contact phrase), not an owner."""
    ahead = (t for t in tokens[index + 1 :] if t.kind not in _SKIP and t.kind != K.NEG)
    nxt = next(ahead, None)
    return nxt is not None and nxt.kind == K.CONTACT


def _after_people(out: list[Token]) -> bool:
    """Customers or a name already said: an "i" there is no request wrapper."""
    return any(t.kind in (K.CUSTOMER, K.NAME) for t in out)


def _of(nxt: Token | None) -> bool:
    """A possessive next: the word before it owns what follows (我嘅客 = my customers; HK 啲,
    "export 我啲VIP" = my VIPs)."""
    return nxt is not None and (
        (nxt.kind == K.DE and nxt.text in ("的", "嘅", "之")) or nxt.text in ("啲", "d")
    )


def _english_request(prev: Token | None) -> bool:
    return prev is not None and prev.kind == K.INTENT and prev.text.isascii()


def _listed(out: list[Token]) -> bool:
    """After "VIPs and": "those who refunded" may be a second group (both groups?), asked."""
    before = next((t for t in reversed(out) if t.kind not in _SKIP | {K.SEP}), None)
    return before is not None and before.kind == K.AND and before.value == "list"


# What "those" can point back to inside the sentence ("VIPs, but only those in Shanghai").
_POINTED = {K.CUSTOMER, K.NAME, K.QUOTE, K.GENDER, K.NEW, K.MY, K.MYDEPT, K.UNTAGGED, K.ATTRIBUTE}
_POINTED |= {K.CHANNEL, K.CONTACT, K.SPEND, K.WINDOW, K.TEXTMATCH}


def _points_inside(out: list[Token], nxt: Token | None) -> bool:
    """ "those" after people or a condition, before what narrows them, points at them; as
    the object of a verb ("customers who bought those") it points at nothing said here."""
    before = next((t for t in reversed(out) if t.kind not in _SKIP | {K.SEP}), None)
    if before is not None and before.kind == K.AND:
        if before.value == "list":  # "VIPs and those in Shanghai": both groups, asked
            return False
        before = next((t for t in reversed(out) if t.kind not in _SKIP | {K.SEP, K.AND}), None)
    if before is None or before.kind in (K.EVENT, K.ITEMWORD, K.NEG, K.CMP):
        return False
    seen = any(t.kind in _POINTED for t in out)
    return seen and nxt is not None and nxt.kind not in (K.SEP, K.THIS)


def _relative(tok: Token | None) -> bool:
    if tok is None or not tok.text.isascii():
        return False
    first = tok.text.split()[0]  # "who", or a filler such as "that are", "who have"
    return tok.kind in (K.DE, K.FILLER) and first in ("who", "that", "whose")


def _a_colleague(tok: Token | None) -> bool:
    return tok is not None and tok.kind == K.NAME and any(m.kind == "staff" for m in tok.meanings)


def _restricts(tokens: list[Token], index: int) -> bool:
    """ "just"/"only" before no number or comparison ("just over 1000" stays vague), nor
    before a verb and its count ("only ordered once" is exactly once)."""
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    after = tokens[index + 2] if index + 2 < len(tokens) else None
    if nxt is not None and nxt.kind == K.EVENT and after is not None and after.kind == K.NUM:
        return False
    return nxt is None or nxt.kind not in (K.NUM, K.CMP, K.MOST)


def _exclusive(tokens: list[Token], index: int, out: list[Token]) -> bool:
    """ "only"/"just" that excludes the rest, which no condition says: before a verb ("only
    inquired": and nothing else? "just ordered": recently?), after one ("bought only 唇釉":
    nothing else?), or before a colleague ("customers only Li Si follows": nobody else?)."""
    nxt = tokens[index + 1] if index + 1 < len(tokens) else None
    before = next((t for t in reversed(out) if t.kind not in _SKIP), None)
    if nxt is not None and nxt.kind == K.EVENT:
        return True
    if before is not None and before.kind == K.EVENT and nxt is not None:
        return nxt.kind in (K.NAME, K.QUOTE)
    return _a_colleague(nxt)


def _not_a_number(tok: Token | None) -> bool:
    return tok is None or tok.kind != K.NUM


def _numeric(prev: Token | None, nxt: Token | None) -> bool:
    return any(t is not None and t.kind in (K.NUM, K.WINDOW) for t in (prev, nxt))


def _after_a_number(out: list[Token]) -> bool:
    """The last meaningful token is a number, or a number then what it counts."""
    meaningful = [t for t in out if t.kind not in _SKIP]
    if meaningful and meaningful[-1].kind in (K.EVENT, K.UNIT, K.CUSTOMER):
        meaningful = meaningful[:-1]
    return bool(meaningful) and meaningful[-1].kind == K.NUM
