"""Pinyin-IME slips on function words (issue 19, blind s20-1): a salesperson typing pinyin on a
phone picks the wrong character of the same sound. Where the slip lands on a function word and
the sentence can be read one way only, it is read as meant:

- 得 for 的 between a modifier and the customers or a tag: 上海得VIP客户, 下过单得客户, 我得客户;
- 再 for 在 before a place: 再北京的客户, 金卡的客人再上海的;
- 那 for 哪 in a closing question: 都有那些, 是那几个, 有那位;
- 各 for 个 after 多少 / 几: 多少各, 有几各;
- 填 / 添 for 天 after a number of days: 近30填, 7填内;
- 已 for 以 after a number: 1000已上, 3次已下.

A closed table: each slip with the context it needs, and nothing else (觉得客户, 再查北京的, 那些
VIP客户 keep their words). A slip that lands on a content word — a tag (高意想), a name, a
product, a city — is never guessed here: it stays a question back. The restatement is built from
what was read, so it shows the corrected reading (上海的VIP客户).

Runs on normalised text (Traditional as Simplified, lower case), outside quotes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, partial

from segmentation.nlq.cities import city_names
from segmentation.nlq.lazy_re import lazy_pattern


@dataclass(frozen=True)
class Slip:
    """One slip: what is typed, in what context, what it is read as; an example it fixes and
    a near miss it must leave alone (both checked by the tests)."""

    name: str
    pattern: re.Pattern[str]
    read_as: str
    example: str
    near_miss: str


# People and tags the modifier ends on: the head noun after 的
_PEOPLE = (
    r"(?:客户|客人|顾客|会员|用户|女客户|男客户|女客|男客|人|客(?![气观服套户人])|"
    r"customers?|clients?|custs?|ppl|people)"
)
# What a modifier ends with before 的: a place, the owner, an event said with its object or
# aspect, a time, "new" (上海, 我, 下过单, 问过价, 到过店, 加购过, 近30天, 上个月, 新加)
_MODIFIER_END = (
    r"(?:我|我们|咱们|你|他|她|部门|"
    r"单|价|店|车|款|货|券|过|了|询|购|买|"
    r"天|月|周|年|季度|礼拜|星期|"
    r"新加|新增|新添加|"
    r"{places})"
)
_NUMBER = r"(?:\d{1,4}|[一二两三四五六七八九十百半]{1,4})"


def _static_slips() -> tuple[Slip, ...]:
    return (
        Slip(
            "那 for 哪 in a closing question",
            lazy_pattern(
                r"(?:有|是)(?P<slip>那)(?=(?:些|几个|几位|一些|个|位)(?:客户|客人|人|客)?"
                r"\s*(?:呢|啊|呀|啦|嘛)?\s*[?？]*\s*$)"
            ),
            "哪",
            "金卡的客人在上海的有那些",
            "有那些标签的客户",
        ),
        Slip(
            "各 for 个 after 多少 / 几",
            lazy_pattern(r"(?:多少|几多|几)(?P<slip>各)(?=客户|客人|人|$|[?？呢啊\s])"),
            "个",
            "上海的VIP客户有多少各",
            "每个城市各有多少",
        ),
        Slip(
            "填 / 添 for 天 after a number of days",
            lazy_pattern(
                rf"(?:近|前|最近|过去|这)\s*{_NUMBER}\s*(?P<slip>填|添(?!加))"
                rf"|{_NUMBER}\s*(?P<slip2>填|添(?!加))(?=内|以内|之内|里|前|左右)"
            ),
            "天",
            "近30填问过价没下单的",
            "填30个表",
        ),
        Slip(
            "已 for 以 after a number (以上 / 以下 / 以内)",
            lazy_pattern(
                r"(?:\d|[一二两三四五六七八九十百千万元块次天个k])(?P<slip>已)(?=上|下|内)"
            ),
            "以",
            "消费1000已上的客户",
            "已上传的客户",
        ),
    )


@lru_cache(maxsize=1)
def _places() -> str:
    names = sorted({c for c in city_names() if not c.isascii()}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=64)
def _slips(tags: tuple[str, ...]) -> tuple[Slip, ...]:
    places = _places()
    tag_heads = "|".join(re.escape(t) for t in sorted(tags, key=len, reverse=True) if t)
    heads = _PEOPLE + (rf"|(?:{tag_heads})(?![a-z])" if tag_heads else "")
    de = Slip(
        "得 for 的 between a modifier and a noun",
        re.compile(rf"{_MODIFIER_END.format(places=places)}(?P<slip>得)(?={heads})"),
        "的",
        "上海得VIP客户有多少个",
        "觉得客户太多",
    )
    at = Slip(
        "再 for 在 before a place",
        re.compile(
            rf"(?<![不没别])(?P<slip>再)(?=(?:{places})(?:市)?"
            r"(?:的|嘅|那边|这边|那里|这里|里|地区|一带|$))"
        ),
        "在",
        "再北京的客户都有哪些",
        "再查北京的客户",
    )
    return (de, at, *_static_slips())


def slips(tags: Iterable[str] = ()) -> tuple[Slip, ...]:
    """The table, for a vocabulary's tag names (normalised)."""
    return _slips(tuple(sorted(tags)))


_QUOTED = lazy_pattern(r"“[^”]*”")


def without_ime_slips(norm: str, tags: Iterable[str] = ()) -> str:
    """`norm` with every slip of the table read as meant; quoted text untouched."""
    table = slips(tags)
    out: list[str] = []
    at = 0
    for quote in _QUOTED.finditer(norm):
        out += [_read(norm[at : quote.start()], table), quote.group()]
        at = quote.end()
    out.append(_read(norm[at:], table))
    return "".join(out)


def _read(part: str, table: tuple[Slip, ...]) -> str:
    for slip in table:
        part = slip.pattern.sub(partial(_fixed, read_as=slip.read_as), part)
    return part


def _fixed(m: re.Match[str], read_as: str) -> str:
    group = "slip" if m.group("slip") is not None else "slip2"
    start, end = m.start(group) - m.start(), m.end(group) - m.start()
    said = m.group()
    return said[:start] + read_as + said[end:]
