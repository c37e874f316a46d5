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
from collections.abc import Callable, Iterable
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
    # What must follow the slip where a lookahead cannot say it cheaply: the tag names (a
    # vocabulary's 10,000 tags as one alternation took a third of a second to compile, on the
    # first command and again after every tag sync). Given the text and where the slip ends.
    followed_by: Callable[[str, int], bool] | None = None


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
        *_session27_slips(),
        # Session 28 (voice28): the customer noun itself typed with a same-sound first
        # character (女科户, 上海的课户): no word starts 科户/课户/刻户/克户.
        # (可户 is left: 可户外…)
        Slip(
            "科 / 课 / 刻 / 克 for 客 before 户",
            lazy_pattern(r"(?P<slip>科|课|刻|克)(?=户(?![外口籍型头]))"),
            "客",
            "女科户并且买过唇釉",
            "科技公司的客户",
        ),
    )


# Session 27 (loose27): slips on an event verb, a calendar word or a Cantonese particle, each in
# a context that reads one way only (进 before a number of days is 近; 上各月 is 上个月; 到电 is
# 到店; 退宽 is 退款; 寻价 is 询价; 来们市 is 来门市; 买左野 is 买咗嘢; 有系铺头 is 有喺铺头;
# m该 is 唔该; a Taiwan bopomofo ㄇ closing a question is 吗, ㄉ before a noun is 的).
_DAYS_AHEAD = (
    r"(?=\s*(?:\d{1,3}|[一二两三四五六七八九十半]{1,3})"
    r"\s*(?:天|日|周|个月|个星期|个礼拜|个周|小时))"
)
_CALENDAR_AFTER = r"(?=月|个月|星期|礼拜|季度|周)"
_SHOP_AFTER = r"(?=铺头|铺|店|门市|门店|店铺)"


def _session27_slips() -> tuple[Slip, ...]:
    return (
        Slip(
            "进 for 近 before a number of days",
            lazy_pattern(
                rf"(?:^|(?<=[\s,，。;；:：!！?？最有的在查看找列我是]))(?P<slip>进){_DAYS_AHEAD}"
            ),
            "近",
            "进30天下过单的客户",
            "跟进30天内下过单的客户",
        ),
        Slip(
            "各 for 个 between 上/这 and a calendar word",
            lazy_pattern(rf"(?<=[上这今呢嗰本])(?P<slip>各){_CALENDAR_AFTER}"),
            "个",
            "上各月有咨询的",
            "每个城市各月的客户",
        ),
        Slip(
            "倒 for 到 before 店",
            lazy_pattern(r"(?P<slip>倒)(?=过?(?:店|门店|铺头|门市))"),
            "到",
            "昨天倒店的客户",
            "倒闭的店",
        ),
        Slip(
            "姿 / 滋 for 咨 before 询",
            lazy_pattern(r"(?P<slip>姿|滋)(?=询)"),
            "咨",
            "上个月有姿询的",
            "姿态好的客户",
        ),
        Slip(
            "电 for 店 after 到",
            lazy_pattern(
                r"(?<=到)(?P<slip>电)(?=过|了|的|嘅|里|客|\s*$)|(?:(?<=到过)|(?<=门))(?P<slip2>电)(?![话脑视影商梯器池费站子])"
            ),
            "店",
            "这个月到电的客户",
            "收到电话的客户",
        ),
        Slip(
            "宽 for 款 after 退",
            lazy_pattern(r"(?<=退)(?P<slip>宽)"),
            "款",
            "近7天退宽的",
            "宽松的客户",
        ),
        Slip(
            "寻 for 询 before 价 / 问",
            lazy_pattern(r"(?P<slip>寻)(?=价|问)"),
            "询",
            "近7天有寻价的客户",
            "寻找北京的客户",
        ),
        Slip(
            "们 for 门 before 市 / 店 after a verb of coming",
            lazy_pattern(r"(?<=[来到过进去入])(?P<slip>们)(?=市|店)"),
            "门",
            "上个月有来们市的客人",
            "我们店的客户",
        ),
        Slip(
            "左 for 咗 after a Cantonese verb",
            lazy_pattern(r"(?<=[买退落问来加去行入睇使订])(?P<slip>左)(?![右边手])"),
            "了",
            "近30日退左货嘅客",
            "左边的客户",
        ),
        Slip(
            "野 for 嘢 after a verb of buying",
            lazy_pattern(r"(?:(?<=[买退卖])|(?<=[买退卖][了过左]))(?P<slip>野)(?![生外心兽味马])"),
            "嘢",
            "今个月买左野嘅客",
            "野生的客户",
        ),
        Slip(
            "系 for 喺 before the shop",
            lazy_pattern(rf"(?<=[有冇没未])(?P<slip>系){_SHOP_AFTER}"),
            "喺",
            "琴日有系铺头行过嘅客",
            "系统里的客户",
        ),
        Slip(
            "m for 唔 before 该 / 好意思",
            lazy_pattern(r"(?<![a-z0-9])(?P<slip>m)(?=该|好意思|使)"),
            "唔",
            "m该list下上海啲客",
            "5m该客户",
        ),
        Slip(
            "d for 啲 between a place or a word and 客",
            lazy_pattern(r"(?<=[\u4e00-\u9fff])(?P<slip>d)(?=客)"),
            "啲",
            "上海d客有几多",
            "vip d客",
        ),
        Slip(
            "ㄇ for 吗 closing a question",
            lazy_pattern(r"(?P<slip>ㄇ)(?=\s*[?？!！~～.。]*\s*$)"),
            "吗",
            "近7天有询价的客户ㄇ",
            "客户ㄇ有几个",
        ),
        Slip(
            "ㄉ for 的 before a noun",
            lazy_pattern(r"(?<=[\u4e00-\u9fff])(?P<slip>ㄉ)(?=[\u4e00-\u9fff])"),
            "的",
            "我ㄉ客户",
            "ㄉ",
        ),
        Slip(
            "定 for 订 before 单 / 购",
            lazy_pattern(r"(?:^|(?<=[有没冇未无下落的张个笔份张了过\s]))(?P<slip>定)(?=单|购)"),
            "订",
            "这个月有定单的客人",
            "确定单价的客户",
        ),
        *_session28_slips(),
    )


# Session 28 (rank28): 醉 / 罪 (zui) for 最 in a ranking's superlative, right after the measure
# it ranks by (消费醉多, 花钱罪少, 业绩醉高): nothing else is drunk or guilty there.
_MEASURE_BEFORE = r"(?<=[费钱单买花使额绩献得])"


def _session28_slips() -> tuple[Slip, ...]:
    return (
        Slip(
            "醉 / 罪 for 最 after a measure, before 多 / 少 / 高 / 低",
            lazy_pattern(rf"{_MEASURE_BEFORE}(?P<slip>醉|罪)(?=多|少|高|低|大)"),
            "最",
            "这个月消费醉多的10个客户",
            "喝醉多的客户",
        ),
    )


@lru_cache(maxsize=1)
def _places() -> str:
    names = sorted({c for c in city_names() if not c.isascii()}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in names)


@lru_cache(maxsize=1)
def _place_slips() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """得 after a modifier and 再 before a place: the patterns, the same for every vocabulary."""
    places = _places()
    de = re.compile(rf"{_MODIFIER_END.format(places=places)}(?P<slip>得)")
    at = re.compile(
        rf"(?<![不没别])(?P<slip>再)(?=(?:{places})(?:市)?"
        r"(?:的|嘅|那边|这边|那里|这里|里|地区|一带|$))"
    )
    return de, at


_PEOPLE_HEAD = lazy_pattern(_PEOPLE)
_LATIN_LETTER = frozenset("abcdefghijklmnopqrstuvwxyz")


@lru_cache(maxsize=64)
def _slips(tags: tuple[str, ...]) -> tuple[Slip, ...]:
    de_pattern, at_pattern = _place_slips()
    de = Slip(
        "得 for 的 between a modifier and a noun",
        de_pattern,
        "的",
        "上海得VIP客户有多少个",
        "觉得客户太多",
        followed_by=partial(_person_or_tag_at, tags=_by_length(tags)),
    )
    at = Slip(
        "再 for 在 before a place", at_pattern, "在", "再北京的客户都有哪些", "再查北京的客户"
    )
    return (de, at, *_static_slips())


def _by_length(tags: tuple[str, ...]) -> tuple[tuple[int, frozenset[str]], ...]:
    lengths: dict[int, set[str]] = {}
    for tag in tags:
        if tag:
            lengths.setdefault(len(tag), set()).add(tag)
    return tuple((n, frozenset(names)) for n, names in sorted(lengths.items()))


def _person_or_tag_at(text: str, at: int, tags: tuple[tuple[int, frozenset[str]], ...]) -> bool:
    """The customers (客户, 人, customers…) or a whole tag name (not the start of a longer
    latin word: vip but not vipxyz) begins at `at`."""
    if _PEOPLE_HEAD.match(text, at) is not None:
        return True
    for length, names in tags:
        end = at + length
        if text[at:end] in names and (end >= len(text) or text[end] not in _LATIN_LETTER):
            return True
    return False


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
        part = slip.pattern.sub(partial(_fixed, read_as=slip.read_as, slip=slip), part)
    return part


def _fixed(m: re.Match[str], read_as: str, slip: Slip) -> str:
    if slip.followed_by is not None and not slip.followed_by(m.string, m.end()):
        return m.group()
    group = "slip" if m.group("slip") is not None else "slip2"
    start, end = m.start(group) - m.start(), m.end(group) - m.start()
    said = m.group()
    return said[:start] + read_as + said[end:]
