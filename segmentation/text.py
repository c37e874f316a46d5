"""Text normalisation shared by the chat language and every name lookup (tags, saved segments,
products): Traditional → Simplified, full-width → half-width, lower-case Latin, unified quotes
and spacing, control characters removed."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import opencc

_CONVERTER = opencc.OpenCC("t2s")
# Curly and CJK quote marks become one pair, so quoted names are found the same way.
_QUOTES = str.maketrans(
    {
        "“": "“",
        "”": "”",
        "「": "“",
        "」": "”",
        "『": "“",
        "』": "”",
        "《": "“",
        "》": "”",
        "‘": "'",
        "’": "'",
    }
)
# Cantonese characters OpenCC leaves as they are (or turns into a rare form): 嚟 is 来,
# 嗰 (𠮶 after OpenCC) is 那, 舖 is 铺, the aspect 咗 is 了 — so 嚟过舖头, 10/1以嚟, 嗰啲客,
# 问咗 read like 来过铺头, 10/1以来, 那啲客, 问了; the plural 哋 is 们 (我哋部门 = 我们部门).
_CANTONESE = str.maketrans(
    {"嚟": "来", "嗰": "那", "𠮶": "那", "舖": "铺", "咗": "了", "哋": "们", "畀": "给", "俾": "给"}
    | {"劵": "券"}  # 劵 (juàn, rare) is how 券 is commonly mistyped: 优惠劵, 领过劵
)  # 畀/俾: Cantonese give, to (给)
_SPACES = re.compile(r"\s+")
_HK_D = re.compile(r"(?<=[我你佢他她呢嗰哋])[dD](?=[\u4e00-\u9fff])")
# 仨 / 俩 (倆) are spoken 三个 / 两个, the measure word inside: 仨月 is three months (never
# March), 这仨 these three, 俩礼拜 two weeks; before a measure word of their own (仨次, 俩回,
# 俩周, 仨人) they are the number alone.
# After a pronoun or a demonstrative they are its own (他俩, 她们仨, 那俩, 这仨) and stay,
# unless a period follows (这仨星期 is three weeks).
_FUSED_NUMERALS = re.compile(
    r"([仨俩])(?=\s*(?:月|星期|礼拜|小时|钟头|季度))|"
    r"(?<![他她佢它我你们們哋这這那呢嗰])(?:([仨俩])(?!\s*(?:次|回|趟|遍|天|日|周|年|张|单|件|笔|位|名|人"
    r"|块|元|蚊|万|千|百|十))|([仨俩]))"
)
_FUSED_VALUE = {"仨": "三", "俩": "两"}
# A pair of ASCII double quotes reads as the typographic pair (“…”), which is what the
# scanners look for: `send them a message "See you"` is quoted like `发消息“再见”`.
_ASCII_QUOTED = re.compile(r'"([^"]*)"')
# "inquired-in-the-last-30-days", "30-day": a hyphen inside English words (or after a number
# before a word) joins words as a space would; between two numbers (dates, 满300-50) it stays.
_LETTER_HYPHEN = re.compile(r"(?<=[a-z0-9])[-_](?=[a-z])|(?<=[a-z])[-_](?=[0-9])")
# Spaces next to a CJK character separate nothing ("10/1 以来", "30 天内", "VIP 客户"): the
# Chinese the user typed reads the same without them. Spaces between Latin words stay.
_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}])\s+|\s+(?=[{_CJK}])")


@lru_cache(maxsize=65536)
def normalize(text: str) -> str:
    """The canonical form every scanner and lexicon entry is written in."""
    # NFKC maps full-width ASCII (ＶＩＰ，３０) to half-width; the CJK comma and full stop stay.
    text = unicodedata.normalize("NFKC", text)
    if not text.isprintable():  # printable text has no character _keep drops: skip the loop
        text = "".join(ch if _keep(ch) else " " for ch in text)
    if not text.isascii():  # "好的收到👌": an emoji or pictograph says nothing to segment by
        text = _EMOJI.sub(" ", text)
    if not text.isascii():  # OpenCC maps Chinese characters only; Latin text skips its cost
        if "d" in text or "D" in text:  # (normalize runs on every word: scan only when it can)
            text = _HK_D.sub("啲", text)  # 我d客, 佢d單: Hong Kong chat writes 啲 as d
        text = _CONVERTER.convert(text).translate(_CANTONESE)
        if "仨" in text or "俩" in text:
            text = _FUSED_NUMERALS.sub(_unfused_numeral, text)
    text = _ASCII_QUOTED.sub(r"“\1”", text.translate(_QUOTES)).lower()
    text = _LETTER_HYPHEN.sub(" ", text)
    return _CJK_SPACE.sub("", _SPACES.sub(" ", text)).strip()


def _unfused_numeral(match: re.Match[str]) -> str:
    """仨 / 俩 as the number they say, with 个 unless a measure word follows (_FUSED_NUMERALS)."""
    with_ge = match.group(1) or match.group(2)
    if with_ge:
        return _FUSED_VALUE[with_ge] + "个"
    return _FUSED_VALUE[match.group(3)]


def prime_names(names: list[str]) -> None:
    """Normalise many names with one OpenCC call (per-name calls dominate a 10k-tag load).

    Names primed before are skipped, so a reload after a tag sync converts only new names."""
    todo = [n for n in names if "\n" not in n and n not in _PRIMED]
    if not todo:
        return
    converted = _CONVERTER.convert("\n".join(todo)).split("\n")
    if len(converted) != len(todo):
        return
    for raw, simple in zip(todo, converted, strict=True):
        if unicodedata.normalize("NFKC", raw) == raw and all(_keep(c) for c in raw):
            simple = simple.translate(_CANTONESE).translate(_QUOTES).lower()
            spaced = _SPACES.sub(" ", _LETTER_HYPHEN.sub(" ", simple))
            _PRIMED[raw] = _CJK_SPACE.sub("", spaced).strip()


_PRIMED: dict[str, str] = {}


def normalize_name(name: str) -> str:
    """A vocabulary name (tag, staff, city…) in the same form, for lookups."""
    primed = _PRIMED.get(name)
    return (primed if primed is not None else normalize(name)).replace("'", "")


@lru_cache(maxsize=65536)
def simplified(name: str) -> str:
    """A name in Simplified script, its case and width kept (how replies show a product)."""
    return str(_CONVERTER.convert(name))


def fold_case(text: str) -> str:
    """`text` lower-cased as SQL's lower() does it: each character to its own lowercase
    (Ä → ä, Ｓ → ｓ, Σ → σ, İ → i), as PostgreSQL does; segbot gives SQLite the same lower()
    (bot.database: SQLite's own lowers ASCII letters only). Python's str.lower differs in
    context: a final Σ becomes ς, and İ becomes i plus a combining dot."""
    lowered = text.lower()
    if len(lowered) == len(text) and "ς" not in lowered:
        return lowered
    return "".join(ch.lower()[:1] for ch in text)


def same_name(a: str, b: str) -> bool:
    """Whether two names read the same to the chat language: case, width and script aside
    (“待跟進” is 待跟进, "followup" is "FollowUp")."""
    return normalize_name(a) == normalize_name(b)


def _keep(ch: str) -> bool:
    category = unicodedata.category(ch)
    # Control, format and private-use characters carry no meaning for a command.
    return not (category.startswith("C") or category in ("Zl", "Zp") or _EMOJI.match(ch))


# Emoji, pictographs and dingbats (👌 ✅ ☺), their variation selector and joiner.
_EMOJI = re.compile("[\U0001f000-\U0001faff\u2600-\u27bf\ufe0f\u200d]")


_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
_LATIN_TOKEN = re.compile(r"[A-Za-z0-9_]+")
_QUOTED_SPAN = re.compile(r"[“「『\"][^”」』\"]*[”」』\"]")
# Latin words a Chinese sentence borrows as they are: they say nothing of its language.
_BORROWED = frozenset(
    [
        "vip",
        "ok",
        "okay",
        "id",
        "app",
        "sku",
        "spu",
        "top",
        "excel",
        "csv",
        "xlsx",
        "pdf",
        "rfm",
        "crm",
        "clv",
        "kpi",
        "wecom",
        "vs",
        "hi",
        "hello",
        "pls",
        "thx",
    ]
)
# Characters that hold a Chinese sentence together (particles, pronouns, measure words,
# request verbs) and that names of tags, places, staff and products do not use: a run of
# Chinese with one of them is the sentence, not a name set into an English one.
_CHINESE_GLUE = re.compile(
    "[的吗呢吧么嘛哪几些们里这那谁我你帮请给把找查看个呀啊了嗎麼幾們裡這誰幫請給個]|客户|客戶|多少"
    # Cantonese: 嘅 (的), 啲, 咗, 邊/边 (which), 冇 (not), 哋 (plural): "活动#3嘅control group"
    "|[嘅啲咗邊边冇哋]"
    # the words that frame a change or an action in Chinese: 只/淨係 (only), 畀/俾 (to), 打/发
    # (tag, send): "改返做只tag Carol", "淨係send 畀 Frank"
    "|[只淨净畀俾打发發]"
)


_CALENDAR_WORDS = frozenset({
    "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
})  # fmt: skip


def _is_english_word(token: str) -> bool:
    """A word of an English sentence: letters only (not a code such as a coupon's
    "K7Q2X9"), not an acronym or code in capitals, not a word Chinese borrows ("VIP")."""
    return (
        len(token) > 1
        and token.isalpha()
        and not token.isupper()
        and token.lower() not in _BORROWED
    )


def language_of(text: str) -> str:
    """The language of the words around the names: 'en' when the sentence is English and its
    Chinese only names things ("customers tagged 高意向", "show me 陈明's profile"), else 'zh'
    when it has Chinese at all ("上海的customers有几个", "我的VIP客户"), else 'en'."""
    runs = _HAN_RUN.findall(text)
    if not runs:
        return "en"
    plain = _QUOTED_SPAN.sub(" ", text)
    tokens = _LATIN_TOKEN.findall(plain)
    # A capitalised word after the first is a name ("Carol", "Frank"), not an English word —
    # but a day or a month ("every Tuesday") is
    words = [
        w
        for i, w in enumerate(tokens)
        if _is_english_word(w) and (i == 0 or not w.istitle() or w.lower()[:3] in _CALENDAR_WORDS)
    ]
    # One English word in Chinese ("其中 female 的呢") is a borrowed word; two or more make a
    # sentence, unless the Chinese between them is itself a sentence ("近30天 inquired 但没
    # 下单的客户").
    glued = any(_CHINESE_GLUE.search(run) for run in _HAN_RUN.findall(plain))
    if len(words) < 2:
        # "tag Carol 高意向": an English verb first and Chinese that only names things
        said = [t for t in tokens if t.isalpha()]  # "widen 到 30天": one word and a number
        opens_english = bool(words) and len(said) >= 2 and words[0] == said[0]
        starts_latin = plain.lstrip()[:1].isascii()
        return "en" if opens_english and starts_latin and not glued else "zh"
    return "zh" if glued else "en"
