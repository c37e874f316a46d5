"""A question back about a word that was not understood: it names the word and suggests
only things of the same kind — a colleague for a person's name ("没有叫张三的同事"), a tag
(and the tag groups) for a tag-like word, a period for a time word, a city for a place.
A word that fits no kind gets suggestions only when they are close and in the same script,
so a filler word ("gimme") never draws a prefecture's name."""

from __future__ import annotations

from collections.abc import Mapping

from segmentation.nlq.ask import Ask, did_you_mean, names_nothing
from segmentation.nlq.class_words import class_word_question
from segmentation.nlq.close_names import closest_only
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.table_index import table_index
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from segmentation.nlq.vocabulary import MeaningKind, Vocabulary
from segmentation.text import normalize_name

_TIME = lazy_pattern(
    r"[天周月年日号时旬]|季度|^近|^过去|day|week|month|year|hour|quarter|fortnight|^last |^past |"
    # parts of a day (今早, 昨晚, this morning): a time, though no window is that small
    r"早上|上午|中午|下午|傍晚|晚上|夜里|凌晨|^[今昨前][早晚]|morning|afternoon|evening|tonight|night"
)
# The commonest Chinese surnames: a 2–3 character unknown word starting with one, in an
# owner's place ("王静的客户", "王静手上的"), is read as a colleague's name.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
    "龚邵万钱严覃武戴莫孔向汤"
)
_OWNER_GLUE = {"手上", "手头", "手里", "名下", "跟进", "负责", "跟的", "跟进的", "负责的", "名下的"}
_OWNER_GLUE |= {"添加的", "手上的", "管的", "'s", "s"}
_OWNER_BEFORE = {"followed by", "owned by", "managed by", "belonging to", "customers of"}
_OWNER_BEFORE |= {"clients of", "whose owner is"}
_PLACE_BEFORE = {"在", "来自", "位于", "住在", "in", "from", "based in", "located in", "living in"}
_PLACE_BEFORE |= {"who live in", "住", "居住", "居住在", "住喺", "住响", "lives in", "live in"}
_PLACE_BEFORE |= {"residing in", "resides in"}
_PERIODS = (("近7天", "last 7 days"), ("近30天", "last 30 days"), ("本月", "this month"))


# How a department's name ends: 销售三部, 市场部, 华东事业部, 销售二组, 客服中心.
_DEPT_END = lazy_pattern(r"(?:部|部门|部門|组|組|事业部|事業部|中心|团队|團隊|小组|小組)$")
# Tokens a department's name is made of before its ending ("销售" + "三" + "部").
_DEPT_PARTS = frozenset({K.FILLER, K.NUM, K.UNKNOWN, K.NAME})


def unknown_question(tokens: list[Token], index: int, vocab: Vocabulary) -> Ask:
    dept = _department_word(tokens, index)
    if dept is not None:  # "销售三部有多少客户": the departments there are
        return _dept_question(dept, vocab)
    classes = class_word_question(tokens, index, vocab)
    if classes is not None:  # "customers to retain": to keep or to win back?
        return classes
    start, end = _word_span(tokens, index)
    end = _glued_to_a_tag(tokens, start, end, vocab)  # 代|跟进|客: 代跟进, one off 待跟进
    joiner = " " if tokens[index].text.isascii() else ""
    word = joiner.join(t.text for t in tokens[start:end])
    if end - start > 1 and word[-1] in _PARTICLES:
        word = word[:-1]  # 代|跟进的: the particle glued to the run's last word is no part of it
    before = tokens[start - 1] if start > 0 else None
    after = tokens[end] if end < len(tokens) else None
    after2 = tokens[end + 1] if end + 1 < len(tokens) else None
    if _TIME.search(word):
        return time_question(word)
    glued = tokens[end - 1] if end - 1 > index else None
    if glued is not None and glued.kind == K.NAME and all(m.kind == "tag" for m in glued.meanings):
        return tag_question(word, vocab)  # 白金卡: a new tag next to 金卡, never a city
    if (before is not None and before.kind == K.EVENT) or (
        after is not None and after.kind == K.ITEMWORD
    ):
        # "买过玻尿酸面霜" with no such product, "护肤类": what was bought or asked about.
        from segmentation.nlq.items_interpret import item_question

        field = str(after.value) if after is not None and after.kind == K.ITEMWORD else None
        return item_question(word, vocab, field)
    if _names_a_tag(before, after) and not _after_colleague(before):
        # "标签是金咔的客户", "標籤係高意像嘅客": a tag, said so, even after a surname's character
        return tag_question(word, vocab)
    if _is_person(word, before, after, after2):
        # 高意象 is a misspelt tag before it is a colleague surnamed 高 (a Latin name must
        # be really close to a tag: "kevin" is no "VIP").
        # 赵流 is 赵六 with one character changed: a colleague, unless a tag or another name
        # is as close (高意象: 高意向); a loose match (流失风险客户) never outranks the slip.
        names = vocab.candidates_in(_NAME_KINDS, word.isascii())
        if colleague_slips(word, vocab) and not one_character_off(word, names):
            return _staff_question(word, vocab)
        if not _after_colleague(before) and _close_names(word, vocab, 85 if word.isascii() else 60):
            return _name_question(word, vocab)
        return _staff_question(word, vocab)
    if colleague_slips(word, vocab) and not _close_names(word, vocab):
        # "王六的呢", "王六嗰啲呢", "王六的女客户": a colleague's name with one character
        # wrong (王五? 赵六?) is asked back with those colleagues, never read as a new tag
        return _staff_question(word, vocab)
    if word.isascii() and _in_verb_place(tokens, start):
        return _event_question(word)
    if before is not None and before.text in _PLACE_BEFORE:
        return _place_question(word, vocab)
    if after is not None and after.kind == K.NEG and after.value == "post":  # X以外
        return _place_question(word, vocab)
    if _modifies_customers(after, after2):  # "钻石客户", "上晦的客户", "platinum customers"
        return _name_question(word, vocab)
    return _generic(word, vocab)


def _names_a_tag(before: Token | None, after: Token | None) -> bool:
    """Whether the word is said to be a tag: 标签是X / tagged X / X标签."""
    return (before is not None and before.kind == K.TAGWORD) or (
        after is not None and after.kind == K.TAGWORD
    )


def _word_span(tokens: list[Token], index: int) -> tuple[int, int]:
    """An unknown Latin word run ("wang jing") is asked about whole."""
    start = end = index
    latin = tokens[index].text.isascii()
    while latin and start > 0 and _unknown_latin(tokens[start - 1]):
        start -= 1
    while latin and end + 1 < len(tokens) and _unknown_latin(tokens[end + 1]):
        end += 1
    while not latin and end + 1 < len(tokens) and _name_numeral(tokens[end], tokens[end + 1]):
        end += 1  # 张四, 王五: a Chinese numeral inside a name
    while not latin and _glued_unknown(tokens, end):
        end += 2  # 待|跟|近: a misspelt 待跟进 split around the word 跟 is asked about whole
    if not latin:
        end = _glued_tag_name(tokens, start, end)
    if latin:
        start, end = _place_name_parts(tokens, start, end)
    nxt = tokens[end + 1] if end + 1 < len(tokens) else None
    if not latin and len(tokens[index].text) == 1 and nxt is not None and nxt.kind == K.NAME:  # noqa: SIM102
        if nxt.start == tokens[end].end:
            end += 1  # 白金卡: an unknown character glued to a known name is one new name
    return start, end + 1


# Words that are parts of a place's name around an unknown one: "Vice City", "New Tokyo",
# "Port Moresby" are asked about whole, never as "vice" or "tokyo".
_NAME_PARTS = frozenset(
    {"city", "town", "new", "san", "santa", "st", "saint", "port", "fort", "lake", "mount"}
    | {"north", "south", "east", "west", "upper", "lower", "bay", "beach", "island", "islands"}
    | {"county", "village", "valley", "springs", "park", "heights", "hills", "falls"}
)


def _place_name_parts(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    """The span widened over name parts: after the word always ("vice city"), before it
    only back to a place word ("in new tokyo"; "new platinum customers" keeps its "new")."""
    while end + 1 < len(tokens) and tokens[end + 1].text in _NAME_PARTS:
        end += 1
    first = start
    while first > 0 and tokens[first - 1].text in _NAME_PARTS:
        first -= 1
    if first < start and first > 0 and tokens[first - 1].text in _PLACE_BEFORE:
        start = first
    return start, end


def _glued_to_a_tag(tokens: list[Token], start: int, end: int, vocab: Vocabulary) -> int:
    """`end` past the known words glued after the unknown one when together they are a tag
    of the company with one character changed (我啲代跟進客: 代跟进, then 客), else `end`."""
    if tokens[start].text.isascii():
        return end
    tags = vocab.candidates_in(("tag",), False)
    last = end
    while last < len(tokens) and tokens[last].start == tokens[last - 1].end:
        if tokens[last].text.isascii() or tokens[last].kind == K.CUSTOMER:
            break
        word = "".join(t.text for t in tokens[start : last + 1])
        if len(word) > 6:
            break
        if one_character_off(word, tags):
            return last + 1
        last += 1
    return end


def _glued_unknown(tokens: list[Token], end: int) -> bool:
    """Whether a one-character word and then another unknown character follow `end` with no
    space: the three are one misspelt name (待跟近 for 待跟进), not three words."""
    if end + 2 >= len(tokens):
        return False
    middle, last = tokens[end + 1], tokens[end + 2]
    return (
        len(middle.text) == 1
        and middle.start == tokens[end].end
        and last.start == middle.end
        and last.kind == K.UNKNOWN
        and not last.text.isascii()
    )


# Words that may sit inside a misspelt tag's name before 标签 (代|跟进|标签: 待跟进 typed
# with its first character wrong, its second half a word of its own).
_TAG_NAME_PARTS = frozenset({K.FILLER, K.UNKNOWN, K.NAME, K.NUM})
_PARTICLES = frozenset({"的", "地", "得", "嘅", "之", "滴"})


def _glued_tag_name(tokens: list[Token], start: int, end: int) -> int:
    """The last index of a run glued to the unknown word at `end` that is a tag's name as
    typed: up to 标签 (代跟进标签), or to the run's end after 标签是 / 打了 (打了代跟进的客户);
    else `end` unchanged."""
    said_tag = start > 0 and tokens[start - 1].kind == K.TAGWORD
    last = end
    while last + 1 < len(tokens):
        nxt = tokens[last + 1]
        if nxt.start != tokens[last].end or nxt.text.isascii():
            break
        if nxt.kind == K.TAGWORD:
            said_tag = True
            break
        if nxt.kind not in _TAG_NAME_PARTS or nxt.text[0] in _PARTICLES:
            break
        last += 1
    length = tokens[last].end - tokens[start].start
    return last if said_tag and last > end and length <= 6 else end


def _name_numeral(prev: Token, tok: Token) -> bool:
    return tok.kind == K.NUM and tok.start == prev.end and not any(c.isdigit() for c in tok.text)


def _unknown_latin(tok: Token) -> bool:
    return tok.kind == K.UNKNOWN and tok.text.isascii() and tok.text.isalpha()


def _is_person(word: str, before: Token | None, after: Token | None, after2: Token | None) -> bool:
    owner_after = after is not None and (
        after.text in _OWNER_GLUE
        # Cantonese 啲/嘅 for 的: 王伍啲客, 陈大文嘅客户
        or (after.text in ("啲", "嘅") and after2 is not None and after2.kind == K.CUSTOMER)
        or (after.kind == K.FILLER and after.value == "owner")  # 陈大文负责嘅, 王静手底下
        or (after.kind == K.DE and after2 is not None and after2.kind == K.CUSTOMER)
        or (after.kind == K.CUSTOMER and after.text.startswith("的"))  # 王静的客户
    )
    owner_before = before is not None and before.text in _OWNER_BEFORE
    if _after_colleague(before):  # 我同事小王: whatever follows 同事 names a colleague
        return word.isascii() or 1 <= len(word) <= 4
    if not (owner_after or owner_before):
        return False
    if word.isascii():
        return all(part.isalpha() for part in word.split())
    return 2 <= len(word) <= 3 and (word[0] in _SURNAMES or _nickname(word))


def _after_colleague(before: Token | None) -> bool:
    return before is not None and before.kind == K.FILLER and before.value == "colleague"


def _nickname(word: str) -> bool:
    """How colleagues call each other: 小王, 老陈, 阿明 (阿 before any given name)."""
    return (word[0] in "小老" and word[1] in _SURNAMES) or word[0] == "阿"


def _modifies_customers(after: Token | None, after2: Token | None) -> bool:
    if after is None:
        return False
    # "X客户", "X的客户", and "其中X的" / "X的," (the head noun left out)
    return after.kind == K.CUSTOMER or (
        after.kind == K.DE and (after2 is None or after2.kind in (K.CUSTOMER, K.SEP))
    )


def _name_question(word: str, vocab: Vocabulary) -> Ask:
    """A word in a name's place (before 客户/customers): the close names of any kind a
    segment can be named by; asked as a tag, the commonest, when nothing else is close.
    A word of function words only ("the off ones") is not understood: no name is like it."""
    if names_nothing(word):
        return _generic(word, vocab)
    hints = _close_names(word, vocab) + _cities_like(word, vocab)
    names = vocab.candidates_in((*_NAME_KINDS, "city"), word.isascii())
    hints = closest_only(word, list(dict.fromkeys(hints)), names)[:3]
    tags = set(vocab.candidates("tag").values())
    if all(h in tags for h in hints):
        return tag_question(word, vocab)
    return Ask(
        f"没有找到“{word}”。" + _zh_hint(hints),
        f"I did not find “{word}”." + _en_hint(hints),
        hints,
    )


# The kinds of names a segment can be named by ("X客户").
_NAME_KINDS: tuple[MeaningKind, ...] = ("tag", "dept", "saved", "named", "product", "category")


def _close_names(word: str, vocab: Vocabulary, cutoff: int = 60) -> list[str]:
    names = vocab.candidates_in(_NAME_KINDS, word.isascii())
    close = did_you_mean(word, names, cutoff=cutoff)
    return list(dict.fromkeys(one_character_off(word, names) + close))


def one_character_off(word: str, names: Mapping[str, str]) -> list[str]:
    """Chinese names as long as `word` that differ from it in one character only, never the
    first of a two-character name ("金卞" → 金卡, "高意象" → 高意向): a look-alike or a slip of
    the input method, closer than any score says (金卞 and 金卡 share half their characters)."""
    if word.isascii() or not 2 <= len(word) <= _ONE_OFF_LONGEST:
        return []
    found: list[tuple[int, str]] = []
    index = _one_off_index(names)
    for i in range(1 if len(word) == 2 else 0, len(word)):
        for ordinal, surface, display in index.get(_with_gap(word, i), ()):
            if surface != word:
                found.append((ordinal, display))
    return list(dict.fromkeys(display for _, display in sorted(found)))


_ONE_OFF_LONGEST = 6


def _with_gap(word: str, i: int) -> str:
    return f"{word[:i]}\0{word[i + 1 :]}"


def _one_off_index(names: Mapping[str, str]) -> dict[str, list[tuple[int, str, str]]]:
    """Each name under every key it makes with one character left out, in the table's
    order: a word then looks up len(word) keys instead of being compared with every name."""

    def build(table: Mapping[str, str]) -> dict[str, list[tuple[int, str, str]]]:
        index: dict[str, list[tuple[int, str, str]]] = {}
        for ordinal, (surface, display) in enumerate(table.items()):
            if 2 <= len(surface) <= _ONE_OFF_LONGEST:
                for i in range(len(surface)):
                    index.setdefault(_with_gap(surface, i), []).append((ordinal, surface, display))
        return index

    return table_index(names, "one character off", build)


# English: the word after "who"/"that", a negation or "yet to" is in a verb's place —
# what the customer did ("customers who attended the webinar", "who redeemed a coupon").
_VERB_PLACE = {K.DE, K.NEG, K.YET}
_EVENTS_EN = "inquired, ordered (bought), visited the store, added to cart, refunded"
_EVENTS_ZH = "咨询、下单（购买）、到店、加购、退款"


def _in_verb_place(tokens: list[Token], start: int) -> bool:
    before = next((t for t in reversed(tokens[:start]) if t.kind not in (K.FILLER, K.INTENT)), None)
    if before is None or not before.text.isascii():
        return False
    return before.kind in _VERB_PLACE and before.text not in ("of", "'s", "s")


def _event_question(word: str) -> Ask:
    """An action segbot has no record of: name it, and list the actions it does know."""
    return Ask(
        f"没看懂“{word}”：我只知道客户的这些行为：{_EVENTS_ZH}。请换一种行为或条件。",
        f"I did not understand “{word}”. The customer actions I know are: {_EVENTS_EN}. "
        "Please use one of these, or another condition (tag, city, spend, owner).",
    )


def _department_word(tokens: list[Token], index: int) -> str | None:
    """The department name an unknown word ending in 部/组/中心 completes, with the words
    glued before it ("销售" "三" "部" → 销售三部), when the company has departments; else None."""
    last = tokens[index]
    if last.text.isascii() or not _DEPT_END.search(last.text):
        return None
    start = index
    while (
        start > 0
        and tokens[start - 1].end == tokens[start].start
        and tokens[start - 1].kind in _DEPT_PARTS
        and tokens[start - 1].value != "wrapper"  # 请问|北部: a request is no part of a name
        and (not tokens[start - 1].text.isascii() or tokens[start - 1].kind == K.NUM)
        and len(last.text) + sum(len(t.text) for t in tokens[start - 1 : index]) <= 8
    ):
        start -= 1
    word = "".join(t.text for t in tokens[start : index + 1])
    return word if len(word) >= 2 else None


def _dept_question(word: str, vocab: Vocabulary) -> Ask:
    # by their full names only: a short name (二部) is close to every word ending in 部
    names = {
        s: d for s, d in vocab.candidates_in(("dept",), False).items() if s == normalize_name(d)
    }
    close = one_character_off(word, names) + did_you_mean(word, names, cutoff=50)
    hints = list(dict.fromkeys(close))[:3]
    listed = "、".join(f"“{d}”" for d in dict.fromkeys(names.values()))
    return Ask(
        f"没有找到部门“{word}”。"
        + _zh_hint(hints, f"现有部门：{listed}。" if listed else "请用部门的全称。"),
        f"There is no department “{word}”."
        + _en_hint(hints, " Please use the department's full name."),
        hints,
    )


def colleague_slips(word: str, vocab: Vocabulary) -> list[str]:
    """Colleagues whose name is `word` with one character changed, or in pinyin one syllable
    ("wang liu") — the surname too (王六: 王五 and 赵六), since either may be the slip —
    those of the same surname first."""
    latin = word.isascii()
    parts = word.split() if latin else list(word)
    if not 2 <= len(parts) <= 3:
        return []
    slips: list[tuple[bool, str]] = []
    for surface, display in vocab.candidates_in(("staff",), latin).items():
        said = surface.split() if latin else list(surface)
        if len(said) != len(parts) or display in (d for _, d in slips):
            continue
        if sum(a != b for a, b in zip(parts, said, strict=True)) == 1:
            slips.append((parts[0] != said[0], display))
    return [display for _, display in sorted(slips, key=lambda slip: slip[0])]


def _staff_question(word: str, vocab: Vocabulary) -> Ask:
    # Two-character names differ in one character: 张山 is close to 张三.
    staff = vocab.candidates_in(("staff",), word.isascii())
    slips = colleague_slips(word, vocab)
    hints = slips[:3] or closest_only(word, did_you_mean(word, staff, cutoff=50), staff)
    return Ask(
        f"没有叫“{word}”的同事。" + _zh_hint(hints, "请用同事的姓名或账号。"),
        f"There is no colleague called “{word}”."
        + _en_hint(hints, " Please use a colleague's name or user id."),
        hints,
    )


def tag_question(word: str, vocab: Vocabulary) -> Ask:
    """An unknown tag: the closest real tags, and the tag groups to look in."""
    tags = vocab.candidates_in(("tag",), word.isascii())
    near = one_character_off(word, tags) + did_you_mean(word, tags)
    hints = closest_only(word, list(dict.fromkeys(near)), tags)
    groups = "、".join(vocab.tag_groups[:8])
    zh_groups = f"现有标签组：{groups}。" if groups else ""
    en_groups = f" Tag groups: {', '.join(vocab.tag_groups[:8])}." if groups else ""
    return Ask(
        f"没有找到标签“{word}”。" + _zh_hint(hints) + zh_groups,
        f"There is no tag “{word}”." + _en_hint(hints) + en_groups,
        hints,
    )


def time_question(word: str) -> Ask:
    return Ask(
        f"没看懂时间“{word}”。请用具体的时间，例如“近7天”“近30天”“本月”或具体日期。",
        f"I did not understand the time “{word}”. Please give a period such as 'last 7 days', "
        "'last 30 days', 'this month' or a date.",
        [zh for zh, _en in _PERIODS] if not word.isascii() else [en for _zh, en in _PERIODS],
    )


def _place_question(word: str, vocab: Vocabulary) -> Ask:
    latin = word.isascii()
    cities = vocab.candidates_in(("city",), latin)
    hints = closest_only(word, did_you_mean(word, cities, cutoff=80 if latin else 70), cities)
    shown = hints
    if latin:  # an English asker reads the pinyin name beside the Chinese one
        from segmentation.kinds.city import city_in_latin

        shown = [f"{h} ({city_in_latin(h)})" if not h.isascii() else h for h in hints]
    return Ask(
        f"没有找到地点“{word}”。" + _zh_hint(hints, "请用城市名，例如“上海”。"),
        f"I do not know the place “{word}”." + _en_hint(shown, " Please name a city."),
        hints,
    )


def _generic(word: str, vocab: Vocabulary) -> Ask:
    # Close names of the things a word could be, never a loose match on a city or a
    # colleague's pinyin: "gimme" is not 江门, "导出来" is not 来宾.
    if len(word) < (4 if word.isascii() else 2):  # "us", "on": any name contains them
        hints: list[str] = []
    else:
        names = vocab.candidates_in(("tag", "named", "saved", "dept"), word.isascii())
        hints = did_you_mean(word, names, cutoff=75)
        cities = vocab.candidates_in(("city",), word.isascii())
        hints += [c for c in did_you_mean(word, cities, cutoff=90) if _whole_match(word, c, cities)]
        either = vocab.candidates_in(("tag", "named", "saved", "dept", "city"), word.isascii())
        hints = closest_only(word, hints, either)  # the names and the cities, cached as one
    hints = hints[:3]
    return Ask(
        f"没看懂“{word}”。" + _zh_hint(hints, "请换个说法，或用引号标出标签名。"),
        f"I did not understand “{word}”."
        + _en_hint(hints, " Please rephrase, or put a tag name in quotes."),
        hints,
    )


def _cities_like(word: str, vocab: Vocabulary) -> list[str]:
    from rapidfuzz import fuzz  # only an unknown word is compared with every city

    """Cities spelled almost like `word`: a Chinese name starting with the same character,
    about as long (上晦 → 上海, 高意象 → 高雄, never 钻石 → 黄石), a Latin one 80% alike."""
    cities = vocab.candidates_in(("city",), word.isascii())
    out = []
    for display in did_you_mean(word, cities, limit=6, cutoff=40):
        for surface, d in cities.items():
            if d != display:
                continue
            if word.isascii():
                alike = fuzz.ratio(word, surface) >= 80
            else:
                alike = word[0] == surface[0] and abs(len(surface) - len(word)) <= 1
            if alike:
                out.append(display)
                break
    return out


def _whole_match(word: str, display: str, choices: dict[str, str]) -> bool:
    from rapidfuzz import fuzz  # only an unknown word is compared

    """A whole-word likeness (not a part of a longer name: "on" is not "chongqing")."""
    return any(d == display and fuzz.ratio(word, s) >= 85 for s, d in choices.items())


def _zh_hint(hints: list[str], otherwise: str = "") -> str:
    return ("您是指" + "、".join(f"“{h}”" for h in hints) + "吗？") if hints else otherwise


def _en_hint(hints: list[str], otherwise: str = "") -> str:
    return (" Did you mean " + ", ".join(f"“{h}”" for h in hints) + "?") if hints else otherwise
