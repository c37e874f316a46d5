"""A sentence dictated or typed on a phone between customers (issue 19): the hesitations, the
word said twice, the owner said after the rest and the "either is fine" of speech, read as the
question they say. Read on the message as typed (its spaces are the pauses of speech), before
anything else; text in quotes and a message's own words (after 消息/message/a colon) are never
touched.

Fillers: a CLOSED list, each with the only places it is ignored (FILLERS says them; tests go
through every one):

- 嗯 / 呃 (said any number of times): interjections with no other reading, ignored anywhere
  — unless the message is nothing else ("嗯" alone answers a question back: yes).
- 额 / 唔 / 即係 / 即系: only where a word cannot start — first, or after a pause or another
  filler; 额 never before 度/外 (额度 is a limit) and 唔 only before a pause (唔係, 唔要, 唔使
  are Cantonese negations).
- um / umm / uh / uhh / uhm / erm / hmm: interjections, ignored anywhere (whole words).
- like: first, after a pause or a filler, or right after a request verb (show me like my…),
  and never before a number ("spent like 500" is an approximation, asked back).
- you know: first or after a pause or a filler. I mean: first only (later it corrects:
  self_correction.py).
- 那个 / 那個 / 嗰個 / 这个 / 這個 / 呢個 (and the same said twice): a demonstrative before what it
  determines (那个客户, 那个活动, 这个月, 这个 week, 展会2026那个码) keeps its meaning; it is a
  filler only before a pause, another filler, a request verb (那个帮我查一下), a time window
  (那个30天内, 那个上个月), the asker's own customers (那个我手头的) — or, first in the
  message, before a clause with a verb of its own (那个下过单的: a relative head, as 那些…的 is,
  verbs.relative_heads). 那些 / 那几个 / 这些 are never fillers: they point at the last answer.

A word said twice by dictation (我的我的客户, VIP VIP客户, 上海上海的, the the) is said once: two
to eight characters holding a Chinese one, or one Latin word, repeated at once.

The owner said after the rest ("新加的客户有多少 就我的", "VIP或者金卡都得 我跟嘅客"): the
asker's own customers said last, after a pause or 就/只/淨係, are put first, where the grammar
reads them ("我的 新加的客户有多少"). Never after a joining word (张三和我的 is a list).

Either-is-fine ("VIP或者金卡哪个都行", "VIP或金卡都可以", "VIP定金卡都得", "VIP or 金卡, either is
fine"): with an "or" before it, the tail only says any of them will do — the "or" already says
so; the tail goes. Without an "or" before it, it stays and is asked about.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.self_intros import without_self_intro

# A pause of speech as typed: a space, a comma, dots, a tilde.
_PAUSE = r"[\s,，、。.…~～!！]"
_QUOTE_OR_MESSAGE = lazy_pattern(
    r"[“”「」『』\":：]|(?<![A-Za-z])'|消息|訊息|讯息|信息|短信|文案|内容|內容|\bmessage|\bmsg\b|\btext\b|"
    r"\bsaying\b|\bsays\b|\bnote\b|备注|備註",
    re.I,
)
_HAN = lazy_pattern(r"[\u4e00-\u9fff]")

_LONGEST = 500  # parser.MAX_LENGTH
# ---- the closed list ----------------------------------------------------------------------
# (word, where it is a filler) — documentation the tests go through, one by one.
FILLERS: dict[str, str] = {
    "嗯": "anywhere",
    "呃": "anywhere",
    "额": "first or after a pause/filler, never before 度/外",
    "唔": "first or after a pause/filler, and before a pause",
    "即係": "first or after a pause/filler",
    "um": "anywhere",
    "uh": "anywhere",
    "hmm": "anywhere",
    "erm": "anywhere",
    "like": "first, after a pause/filler or a request verb, never before a number",
    "you know": "first or after a pause/filler",
    "i mean": "first only",
    "那个": "at a phrase's start, before a pause, a filler, a request verb, a window, the asker's "
    "own; first in the message before a verb",
    "这个": "said twice only (这个这个), at a phrase's start, never before a period word",
    "lol": "anywhere, as a word of its own (lol, lmao, haha, hehe)",
    "哈哈": "anywhere, the laugh doubled or more (哈哈, 呵呵, 嘻嘻)",
}

_ALWAYS = lazy_pattern(r"[嗯呃]+[\s,，、。.…~～!！]*")
_EN_ALWAYS = lazy_pattern(
    r"(?<![\w'])(?:u+m+|u+h+m*|h+m+|e+r+m+|lo+l+|lmao|rofl|(?:ha){2,}h?|(?:he){2,})(?![\w'])"
    r"[\s,.…!]*",
    re.I,
)
_LAUGH = lazy_pattern(r"(?:哈{2,}|呵{2,}|嘻{2,})[\s,，、。.…~～!！]*")
# Where a word cannot start: the message's start, or a pause before.
_OPEN = r"(?:^|(?<=[\s,，、。.…~～!！]))"
_EH = lazy_pattern(
    _OPEN + r"(?:额+(?![度外满滿定])|唔+(?=[\s,，、。.…~～!！])|即係|即系)" + _PAUSE + "*"
)
_EN_OPEN = lazy_pattern(
    r"(?:^|(?<=[,.;!?…])|(?<=^so )|(?<=^ok )|(?<=^okay )|(?<=^well )|"
    r"(?<=\bshow me )|(?<=\bshow )|(?<=\bgive me )|(?<=\bgimme )|(?<=\bget me )|"
    r"(?<=\blist )|(?<=\bfind )|(?<=\bfind me )|(?<=\bpull up )|(?<=\btell me )|(?<=\bcount ))"
    r"\s*(?:like(?!\s*[\d¥$])(?![\w'])|you know(?![\w']))[\s,]*",
    re.I,
)
_EN_I_MEAN = lazy_pattern(r"^\s*i mean\b[\s,]*", re.I)

# 那个 and its spellings (normalised to one set of characters only later: matched as typed).
# Only the distal 那个 is a filler by itself; 这个 / 呢個 only said twice (这个这个, _THIS_TWICE):
# one alone is "this" (把这个导出来, 呢個 filter).
_THAT = r"(?:那个|那個|嗰個|嗰个)"
_THIS = r"(?:这个|這個|呢個|呢个)"
_PERIOD_AFTER = r"(?:月|礼拜|禮拜|星期|周|週|季度|季|年|week|month|year|quarter|weekend|weekday)"
_FILLER_AFTER = (
    r"(?:嗯|呃|额|就是|即係|即系|" + _THAT + r"|" + _THIS + r"|um+\b|uh+\b|like\b|erm\b|hmm+\b)"
)
_REQUEST_AFTER = (
    r"(?:帮|幫|给我|給我|俾我|查|看|列|搵|睇|找|捞|撈|拉|把|将|將|替|麻烦|麻煩|劳烦|勞煩|请|請|你|"
    r"我想|我要|可唔可以|可不可以|可以|能不能|能唔能|唔该|唔該|show|list|count|pull|can|could|"
    r"give|gimme|export|导出|導出)"
)
_WINDOW_AFTER = (
    r"(?:近|最近|上个|上個|上礼拜|上禮拜|上周|上週|上星期|这周|這週|這周|这礼拜|這禮拜|呢个礼拜|"
    r"呢個禮拜|今个|今個|本周|本週|本月|今年|今天|今日|昨天|琴日|尋日|前|过去|過去|去年|"
    r"\d|[一二两兩俩倆三四五六七八九十半]+(?:天|日|个月|個月|周|週|礼拜|禮拜|星期)|"
    r"last\b|past\b|this\b)"
)
_OWN_AFTER = r"(?:我的|我嘅|我手头|我手頭|我负责|我負責|我跟|我啲|我名下|我自己|my\b)"
# First in the message, a clause with a verb of its own (那个下过单的: the ones who ordered).
_VERB_AFTER = (
    r"(?:下过|下過|下单|下單|下订|下訂|买过|買過|买了|買了|问过|問過|询过|詢過|咨询|諮詢|来过|來過|"
    r"嚟过|嚟過|到过|到過|加过|加過|加购|加購|加咗|退过|退過|退款|落过|落過|落单|落單|没|沒|冇|"
    r"未|从来|從來|从没|從沒|有问|有問|有询|有詢|有下|有买|有買|有来|有來|有嚟|有到|有加|有退|有落|"
    r"新加|消费|消費|使过|使過)"
)
_THAT_FILLER = lazy_pattern(
    # only where a phrase starts: first, after a pause or 就是 (刚才那个导出一下, 你們那個 point)
    r"(?:^|(?<=[\s,，、。.…~～!！])|(?<=就是)|(?<=即係)|(?<=即系))"
    + _THAT
    + r"(?:"
    + r"(?="
    + _PAUSE
    + r"+(?!"
    + _PAUSE
    + r"|"
    + _PERIOD_AFTER
    + r")\S)"
    + r"|(?="
    + _FILLER_AFTER
    + r")"
    + r"|(?="
    + _REQUEST_AFTER
    + r")"
    + r"|(?="
    + _WINDOW_AFTER
    + r")"
    + r"|(?="
    + _OWN_AFTER
    + r")"
    + r")"
    + _PAUSE
    + r"*",
    re.I,
)
_THIS_TWICE = lazy_pattern(
    r"(?:^|(?<=[\s,，、。.…~～!！]))"
    + _THIS
    + r"(?:[\s,，]*"
    + _THIS
    + r")+(?!\s*"
    + _PERIOD_AFTER
    + r")"
    + _PAUSE
    + r"*",
    re.I,
)
_THAT_FIRST = lazy_pattern(r"^\s*(?:那个|那個|嗰個|嗰个)(?=" + _VERB_AFTER + r")")

# ---- a word said twice ----------------------------------------------------------------------
# Only where a phrase starts (first, or after a pause): inside a phrase a repeat may be two
# words (的VIP的VIP標籤, 有没有没下过单的); never an A-not-A question's half (有没, 是不).
_TWICE_HAN = lazy_pattern(
    r"(?:^|(?<=[\s,，、。.…~～!！]))(?![的了])([\u4e00-\u9fffA-Za-z0-9]{2,8}?)(?<![不没沒冇唔未])"
    r"[\s,，]*\1"
)
_TWICE_LATIN = lazy_pattern(r"(?<![A-Za-z'])([A-Za-z]+)(?:\s+|\s*,\s*)\1(?![A-Za-z'])", re.I)

# ---- the owner said after the rest ---------------------------------------------------------
_OWN = (
    r"我(?:自己)?(?:的|嘅|啲|手头的|手頭的|手头上的|手頭上的|负责的|負責的|負責嘅|负责嘅|跟的|"
    r"跟嘅|跟进的|跟進的|跟進嘅|名下的|名下嘅)?(?:客户|客戶|客人|顾客|顧客|客)?"
)
_ONLY = r"(?:就|只|只要|就要|淨係|净系|淨系|净係|仅|僅|就係|就系|要|只看|就看)"
_OWNER_LAST = lazy_pattern(
    r"^(?P<body>.*?\S)(?:" + _PAUSE + r"+" + _ONLY + r"*|" + _ONLY + r"+)"
    r"(?P<own>" + _OWN + r")"
    r"(?:就得|就行|就好|就可以|得喇|得啦|得了|就够|就夠)?[\s,，。.!！~～?？啊呀吧啦喇嘞]*$"
)
_ONLY_SAID = lazy_pattern(r"[\s,，]*" + _ONLY + r"+[\s,，]*")
_JOINED_BEFORE = lazy_pattern(r"(?:和|跟|同|与|與|及|或|或者|还有|還有|、|\band|\bor)\s*$", re.I)

# ---- either is fine ---------------------------------------------------------------------------
_OR_WORD = lazy_pattern(
    r"或|还是|還是|定係|定系|(?<=[\u4e00-\u9fffA-Za-z0-9])定(?=\S)|\bor\b", re.I
)
_EITHER_ZH = lazy_pattern(
    r"[\s,，]*(?:哪个|哪個|哪一个|哪一個|边个|邊個|任何一个|任何一個|随便|隨便|两个|兩個|兩樣|两样)?"
    r"(?:都|也)(?:行|可以|得|ok|好|无所谓|無所謂|冇所谓|冇所謂|没问题|沒問題|没关系|沒關係)"
    r"(?:啦|喇|吧|的|嘅)?(?=" + _PAUSE + r"|$|我|就|只)",
    re.I,
)
_EITHER_EN = lazy_pattern(
    r"[\s,]*\b(?:either(?:\s+one)?(?:'s|\s+is|\s+works|\s+will\s+do|\s+way)?"
    r"(?:\s+(?:fine|ok|okay|good))?|any\s+(?:one|of\s+them)(?:'s|\s+is|\s+works)?\s+"
    r"(?:fine|ok|okay|good)|whichever(?:\s+one)?|both\s+(?:are\s+)?fine|"
    r"(?:it\s+)?doesn'?t\s+matter(?:\s+which)?)(?=\s*[,.;!]|\s*$|\s+(?:just|only|but)\b)",
    re.I,
)


def spoken(text: str) -> str:
    """`text` as the question it dictates: fillers, words said twice, the owner said last and
    an either-is-fine tail read (module doc). `text` itself when nothing applies or when
    nothing would be left."""
    if len(text) > _LONGEST:
        return text  # a message too long to read is refused as it was typed
    text = without_self_intro(text)  # "我是刚入职的赵六，先看看…": who asks, then what
    cut = _QUOTE_OR_MESSAGE.search(text)
    head, tail = (text[: cut.start()], text[cut.start() :]) if cut else (text, "")
    read = _either_is_fine(_without_fillers(head))
    if tail:
        pause = head[len(head.rstrip()) :]  # the space before the quote or the message, kept
        return read + pause + tail if read else head + tail
    read = _owner_first(read)
    return read if read.strip(" ,，.。!！~～") else text


def _without_fillers(text: str) -> str:
    said = text
    previous = None
    while previous != text:
        previous = text
        text = _THIS_TWICE.sub("", text)  # 这个这个 (这个这个月: one 这个 stays, below)
        text = _TWICE_LATIN.sub(r"\1", text)
        text = _TWICE_HAN.sub(_said_once, text)
        text = _ALWAYS.sub(" ", text)
        text = _EN_ALWAYS.sub(" ", text)
        text = _LAUGH.sub(" ", text)
        text = _EH.sub("", text)
        text = _EN_OPEN.sub("", text)
        text = _EN_I_MEAN.sub("", text)
        text = _THAT_FILLER.sub(" ", text)
        text = _THAT_FIRST.sub("", text)
        text = text.strip()
    return text if text == said.strip() else _SPACES.sub(" ", text)


_SPACES = lazy_pattern(r"[ \t\u3000]{2,}")


def _said_once(match: re.Match[str]) -> str:
    said = match.group(1)
    if not _HAN.search(said):
        return match.group()  # digits and Latin letters alone: 1010, the Latin rule's
    if said in _SAID_TWICE_ON_PURPOSE:
        return match.group()  # 不是不是: a correction's mark (self_correction.py)
    return said


_SAID_TWICE_ON_PURPOSE = frozenset({"不是", "唔係", "唔系"})


def _either_is_fine(text: str) -> str:
    for pattern in (_EITHER_ZH, _EITHER_EN):
        found = pattern.search(text)
        if found is None:
            continue
        before, rest = text[: found.start()], text[found.end() :]
        if _ANY_ONE.search(before):
            continue  # "VIP同金卡任何一個標籤都行": "any one" said already, read as said
        if not _OR_WORD.search(before):
            if not _AND_WORD.search(before):
                continue  # no list before it: left as said (asked about)
            # "VIP和金卡都可以", "VIP、金卡和高意向都行": each will do — any of them
            before = _AND_WORD.sub(lambda m: " or " if m.group().isascii() else "或", before)
        text = f"{before}{rest if rest[:1] in (' ', ',', '，') else ' ' + rest}".strip()
        text = re.sub(r"\s{2,}", " ", text)
    return text


_ANY_ONE = lazy_pattern(r"(?:任意|任何|其中|随便|隨便)\S{0,4}$")
# Words that join two alternatives before "都可以" when no "or" is said (跟 is left out:
# 待跟进, 我跟嘅 hold it).
_AND_WORD = lazy_pattern(r"和|与|與|及|、|同(?![时時事埋])|\s*\band\b\s*|\s*&\s*", re.I)


def _owner_first(text: str) -> str:
    found = _OWNER_LAST.match(text)
    if found is None or _JOINED_BEFORE.search(found["body"]) or _ONLY_SAID.fullmatch(found["body"]):
        return text  # 张三和我的: a list; 淨係要我嘅: the owner alone, read as said
    own = found["own"]
    if own == "我":
        return text  # 我 alone is no owner ("…就我"): left to the grammar
    return f"{own} {found['body'].strip(' ,，')}"
