"""Chinese verb and function-word grammar on the token stream, before chunking (issue 19):
the rules that make a category of phrasing read right, not one sentence.

- 连一单都没下 / 连一次都冇问过: 连 ("even") before a total negation adds nothing to it.
- 从没下过一单 / 没买过一件: "one" after a negated event is "at all", never a count of 1.
- 没来的 / 冇再落 / 没再下: a bare verb right after a negation names its event (来 = visit).
- 除了 X 以外 / 之外: one exception said twice; the closing word is dropped wherever it
  stands (除了张三的客户以外的客户).
- 上海那些VIP客户 / VIP里那些没下过单的: a demonstrative after a condition only points;
  it is the previous answer only when nothing comes before it (parser._means_previous).
- 上个月加的 / 我这周添加的 / 李四本月加了几个 / customers I added this month / did I add this
  week: "add" right after a time (or "I added" right before one) is when the customer was
  added — a new customer in that window; "I added" with no time stays "my customers".
- 唇釉买过2次以上 / 玻尿酸面霜近30天买过 / 精华液问过但没买: a product or category said
  before its verb (the topic) is that verb's object, as in 买过唇釉2次以上.
- Owner glue (带的, 手底下, 对接的) is read only after 我, a colleague's or a department's name
  (我们部门名下的): elsewhere it
  is asked about, never dropped ("服务的客户" is not everyone).
"""

from __future__ import annotations

from dataclasses import replace

from segmentation.nlq.ask import Ask
from segmentation.nlq.bare_verbs import BARE_VERBS
from segmentation.nlq.chunks import HEADS, ITEM_MEANINGS
from segmentation.nlq.exclusions import trailing_exclusions
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.split_verbs import apply as split_verbs
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

_BARE_VERBS = BARE_VERBS
# 来询价 / 来下单 / 来铺头: "come (to)" before an event is only its way there.
_LIGHT_VERBS = {"来", "去"}
# 我这边需要…: the speaker's side asking, not "my customers" (那是 我这边的客户).
_SPEAKER_SIDE = {"我这边", "我这里", "我这儿"}
_REQUESTS = {"需要", "要", "想要", "想", "想看", "想看看", "要一份", "需要一份", "想要一份", "我要"}
_CONTENT = HEADS | {K.CLAUSE, K.WINDOW, K.SCORE}


def apply(tokens: list[Token]) -> list[Token]:
    """All the rewrites, in order; each keeps every token it does not understand."""
    tokens = _even(split_verbs(tokens))
    tokens = _speaker_side(_light_verbs(tokens))
    tokens = _spend_over(_not_reaching(_counted_events(tokens)))
    _ask_n_odd(tokens)
    tokens = _one_after_negation(tokens)
    tokens = _bare_verb_after_negation(tokens)
    tokens = _added_in_window(_added_on_wechat(_i_add(tokens)))
    tokens = _item_topic(_place_side(tokens))
    return _except_brackets(trailing_exclusions(tokens))


# 次数 after an event word: the number compared is a count of those events.
_COUNT_NOUNS = frozenset({"次数", "的次数"})


def _counted_events(tokens: list[Token]) -> list[Token]:
    """退款次数超过2 / 咨询的次数不到3: the bare number after 次数 counts the events (the
    number after 退款 alone is the money refunded), as 2次 would say."""
    out = list(tokens)
    for i, tok in enumerate(out):
        if tok.kind != K.FILLER or tok.text not in _COUNT_NOUNS or i == 0:
            continue
        if out[i - 1].kind != K.EVENT:
            continue
        for j in range(i + 1, min(i + 4, len(out))):
            if out[j].kind == K.NUM:
                if out[j].unit is None:
                    out[j] = replace(out[j], unit="times")
                break
            if out[j].kind not in (K.CMP, K.MOST):
                break
    return out


def _even(tokens: list[Token]) -> list[Token]:
    """`tokens` without the 连 ("even") of a total negation: 连一单都没下, 唇釉连一支都没买过."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.kind == K.UNKNOWN and tok.text == "连" and nxt is not None and _one(nxt):
            continue
        out.append(tok)
    return out


def _one(tok: Token) -> bool:
    if tok.kind == K.NUM:
        return tok.value == 1
    return tok.kind == K.NUMWORD and isinstance(tok.value, tuple) and tok.value[0] == 1


even_dropped = _even  # before a fronted product is read (grammar): 唇釉连一支都没买过


def _light_verbs(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        light = tok.kind == K.UNKNOWN and tok.text in _LIGHT_VERBS
        if light and nxt is not None and nxt.kind == K.EVENT and nxt.start == tok.end:
            continue
        out.append(tok)
    return out


def _speaker_side(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.kind == K.MY and tok.text in _SPEAKER_SIDE and nxt is not None:  # noqa: SIM102
            if nxt.kind == K.FILLER and nxt.text in _REQUESTS:
                tok = Token(K.FILLER, "wrapper", tok.start, tok.end, tok.text)
        out.append(tok)
    return out


def _not_reaching(tokens: list[Token]) -> list[Token]:
    """消费没到一千 / 还没到500: a negated 到 before a number is "less than"."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.kind == K.TO
            and tok.text == "到"
            and out
            and _negation(out[-1])
            and nxt is not None
            and nxt.kind == K.NUM
        ):
            neg = out.pop()
            tok = Token(K.CMP, ("<", "pre"), neg.start, tok.end, neg.text + tok.text)
        out.append(tok)
    return out


def _spend_over(tokens: list[Token]) -> list[Token]:
    """消费过五千 / 花过两万: 过 right before the amount is "over" (下过3次单's is aspect)."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = out[-1] if out else None
        if (  # 累计消费|过|两万: a spend word the lexicon has without 过, then 过 glued to it
            tok.kind == K.FILLER
            and tok.text == "过"
            and prev is not None
            and prev.kind == K.SPEND
            and not prev.text.endswith("过")
            and prev.end == tok.start
        ):
            prev = Token(K.SPEND, prev.value, prev.start, tok.end, prev.text + tok.text)
            out[-1] = tok = prev
        else:
            out.append(tok)
        after = tokens[i + 2] if i + 2 < len(tokens) else None
        before = out[-2] if len(out) >= 2 else None  # 起码消费过一千: the 过 is aspect
        if (
            tok.kind == K.SPEND
            and tok.text.endswith("过")
            and (before is None or before.kind not in (K.CMP, K.MOST))
            and nxt is not None
            and nxt.kind == K.NUM
            and nxt.unit in (None, "money")
            and nxt.start == tok.end
            and (after is None or after.kind not in (K.CMP, K.MOST, K.TO))
        ):
            out.append(Token(K.CMP, (">", "pre"), tok.end - 1, tok.end, "过"))
    return out


def _ask_n_odd(tokens: list[Token]) -> None:
    """一千多 / 三十多: "a thousand and some" — over 1000, or between 1000 and 2000? Asked."""
    for i, tok in enumerate(tokens[1:], 1):
        num = tokens[i - 1]
        if tok.kind != K.CMP or tok.text != "多" or num.kind != K.NUM or num.end != tok.start:
            continue
        value = int(num.value) if num.value == int(num.value) else None
        if not value:
            continue
        step = 1
        while value % (step * 10) == 0:
            step *= 10
        said = f"{num.text}多"
        raise Ask(
            f"“{said}”是指超过{value}，还是{value}到{value + step}之间？"
            f"请说“超过{value}”或“{value}到{value + step}之间”。",
            f"Does “{said}” mean over {value}, or between {value} and {value + step}?",
            [f"超过{value}", f"{value}到{value + step}之间"],
        )


def _negation(tok: Token) -> bool:
    return (tok.kind == K.NEG and tok.value is True) or (tok.kind == K.YET and tok.value is True)


def _one_after_negation(tokens: list[Token]) -> list[Token]:
    """没下过一单 / 从没买过一笔: NEG, an event, 一, a measure (单/笔) → NEG, the event."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        one = tok.kind == K.NUM and tok.value == 1 and tok.unit in (None, "measure")
        measure = nxt is not None and nxt.kind == K.EVENT and str(nxt.value).endswith(":weak")
        if one and measure and len(out) >= 2 and out[-1].kind == K.EVENT and _negation(out[-2]):
            continue
        out.append(tok)
    return out


def _bare_verb_after_negation(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        bare = tok.kind in (K.UNKNOWN, K.FILLER) and tok.text in _BARE_VERBS
        if bare and prev is not None and _negation(prev) and prev.text != "不":
            tok = Token(K.EVENT, _BARE_VERBS[tok.text], tok.start, tok.end, tok.text)
        out.append(tok)
    return out


def _except_brackets(tokens: list[Token]) -> list[Token]:
    drop: set[int] = set()
    open_at: int | None = None
    for i, tok in enumerate(tokens):
        if tok.kind == K.NEG and tok.value == "except":
            open_at = i
        elif tok.kind in (K.SEP, K.CLAUSE):
            open_at = None
        elif tok.kind == K.NEG and tok.value == "post" and open_at is not None:
            drop.add(i)
            open_at = None
    out = list(tokens)
    for i in drop:  # the exception ends here: what follows is wanted (除了VIP和北京以外的女客)
        if i > 0:
            out[i - 1] = replace(out[i - 1], extra={**out[i - 1].extra, "closes_except": True})
    return [t for i, t in enumerate(out) if i not in drop]


def demonstratives(tokens: list[Token]) -> list[Token]:
    """这些/那些/那啲 after a condition → a filler (the previous answer is what comes first)."""
    tokens = relative_heads(tokens)
    out: list[Token] = []
    seen_content = False
    for tok in tokens:
        # an English pointer after a Chinese 的 points the same way ("张三的 those")
        after_de = bool(out) and out[-1].kind == K.DE and not out[-1].text.isascii()
        if tok.kind == K.THIS and seen_content and (not tok.text.isascii() or after_de):
            tok = Token(K.FILLER, "demonstrative", tok.start, tok.end, tok.text)
        seen_content = seen_content or tok.kind in _CONTENT
        out.append(tok)
    return out


# What may come before a demonstrative that heads a relative clause: the request, fillers.
_BEFORE_HEAD = frozenset({K.INTENT, K.FILLER, K.SEP})
# What closes the clause: 的/嘅/"who" and the customers it is about (那些…的女客户, 嗰啲…嘅客).
_CLOSERS = frozenset({K.DE, K.CUSTOMER})
_PEOPLE_DE = frozenset({"的人", "嘅人", "的人们"})  # 那帮上周来过店的人


def relative_heads(tokens: list[Token]) -> list[Token]:
    """那些买过唇釉但没买过精华液的女客户 / 嗰啲加咗购物车但未落单嘅客 / "those customers who
    ordered last week": a demonstrative said first, before a clause with a verb of its own that
    ends in 的/嘅 (or after "who"), is the head of that clause — "the customers who …", whole
    conditions of their own, not "these" (the last answer) narrowed. 这些里/这些人中 (a clause
    of its own, among them) and a bare 那些VIP呢 still point at the answer."""
    at = next((i for i, t in enumerate(tokens) if t.kind not in _BEFORE_HEAD), None)
    if at is None or tokens[at].kind != K.THIS:
        return tokens
    rest = tokens[at + 1 :]
    english = tokens[at].text.isascii()
    if english and not (rest and rest[0].kind == K.DE and rest[0].text.isascii()):
        return tokens  # "those who …" only: "those VIPs" point at an answer
    opens = (*_CLOSERS, K.CLAUSE, K.SEP, K.BOTH, K.THIS)
    if not rest or (rest[0].kind in opens and not english):
        return tokens  # 这些的… / 这些里 / 这些都…: no clause of its own begins here
    has_verb = any(t.kind in (K.EVENT, K.NEW) for t in rest)
    closed = english or any(t.kind in _CLOSERS or t.text in _PEOPLE_DE for t in rest[1:])
    if not has_verb or not closed or any(t.kind in (K.CLAUSE, K.THIS) for t in rest):
        return tokens
    this = tokens[at]
    return [*tokens[:at], Token(K.FILLER, "relative head", this.start, this.end, this.text), *rest]


_OWNER_PLACE_WORDS = frozenset({"那边", "这边", "那里", "这里", "那摊子", "那摊", "这摊子", "这摊"})


def check_owner_glue(tokens: list[Token]) -> None:
    """带的 / 手底下 / 对接的 say whose customers only after 我 or a colleague's name."""
    for i, tok in enumerate(tokens):
        if tok.kind != K.FILLER or tok.value != "owner":
            continue
        # a place said between (王五那边顾的, 李四那摊子带的): whose place it is
        j = i - 1
        while j >= 0 and tokens[j].kind == K.FILLER and tokens[j].text in _OWNER_PLACE_WORDS:
            j -= 1
        prev = tokens[j] if j >= 0 else None
        if prev is not None and prev.kind in (K.MY, K.MYDEPT):  # 我们部门名下的
            continue
        if prev is not None and prev.kind in (K.NAME, K.QUOTE):  # noqa: SIM102
            if any(m.kind in ("staff", "dept") for m in prev.meanings):
                continue
        # a city before 那边 / 这边 only (广州那边的客户, 廣州嗰邊嘅客): the customers there
        if (
            prev is not None
            and j == i - 1
            and tok.text.startswith(("那边", "这边", "嗰边", "呢边"))
            and prev.kind == K.NAME
            and any(m.kind == "city" for m in prev.meanings)
        ):
            continue
        raise Ask(
            f"没看懂“{tok.text}”：是谁的客户？例如“我{tok.text}客户”或“张三{tok.text}客户”。",
            f"I did not understand “{tok.text}”: whose customers? Say e.g. 'my customers' or "
            "'Zhang San's customers'.",
        )


def check_colleague(tokens: list[Token]) -> None:
    """同事 says whose customers only before a colleague's name (我同事张三的客户); "同事的客户"
    alone names nobody and is asked, never read as everyone's customers."""
    for i, tok in enumerate(tokens):
        if tok.kind != K.FILLER or tok.value not in ("colleague", "role"):
            continue
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if _is_staff(nxt):
            continue
        # A role may follow the name too (李四销售的客户); 同事 only precedes it.
        if tok.value == "role" and i > 0 and _is_staff(tokens[i - 1]):
            continue
        if tok.value == "role":
            raise Ask(
                f"“{tok.text}”是指哪位同事？请说同事的姓名，例如“{tok.text}张三的客户”。",
                f"Which salesperson do you mean by “{tok.text}”? Please name them, e.g. "
                "'Zhang San's customers'.",
            )
        raise Ask(
            f"“{tok.text}”是指哪位同事？请说同事的姓名，例如“同事张三的客户”。",
            f"Which colleague do you mean by “{tok.text}”? Please name them, e.g. "
            "'Zhang San's customers'.",
        )


def _is_staff(tok: Token | None) -> bool:
    return (
        tok is not None
        and tok.kind in (K.NAME, K.QUOTE)
        and any(m.kind == "staff" for m in tok.meanings)
    )


# "add" as a customer's being added (加微信 / 添加好友): the verb alone, with its aspect or 的.
_ADD_VERBS_ZH = {
    *("加", "加的", "加了", "添加", "添加的", "添加了"),
    *("加进来", "加进来的", "加上", "加上的"),
    # 这个月加入、还没下过单的 / 上周加入的: joined (as a customer) in that time
    *("加入", "加入的", "加入了", "加入嘅"),
}
_ADD_VERBS_EN = {"add", "added"}
# What may follow the verb for it to be the adding itself (上周加了的客户, 这个月加了几个,
# 加了微信的); anything else is what was added (加了购物车, 加了VIP标签) and is left alone.
_AFTER_ADDING = {K.DE, K.CUSTOMER, K.INTENT, K.SEP}
_ADDED_ON = {"微信", "好友", "企业微信", "企微", "微信好友", "wechat", "weixin", "wx", "vx"}
# "I added" in the lexicon's spellings of "my customers".
_I_ADDED = {"i added", "i have added", "i've added", "i ve added"}


def _i_add(tokens: list[Token]) -> list[Token]:
    """how many customers did I add: "I" then "add" is "I added" (my customers)."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            tok.text.lower() in _ADD_VERBS_EN
            and tok.kind in (K.UNKNOWN, K.FILLER)
            and prev is not None
            and prev.kind == K.FILLER
            and prev.text.lower() == "i"
        ):
            out[-1] = Token(K.MY, True, prev.start, tok.end, "i added", english=True)
            continue
        out.append(tok)
    return out


def _added_in_window(tokens: list[Token]) -> list[Token]:
    """A time right before 加/添加 (上个月加的), or right after "I added", is when the
    customers were added: the verb becomes "new customers" for that time to apply to (加了
    微信的: the 微信 is where they were added, nothing more)."""
    out: list[Token] = []
    skip: set[int] = set()
    for i, tok in enumerate(tokens):
        if i in skip:
            continue
        prev = out[-1] if out else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            tok.kind in (K.UNKNOWN, K.FILLER)
            and tok.text in _ADD_VERBS_ZH
            and prev is not None
            and prev.kind == K.WINDOW
            and (tok.text.endswith("的") or _adding_itself(tokens[i + 1 :]))
        ):
            out.append(Token(K.NEW, True, tok.start, tok.end, tok.text))
            skip |= {
                j
                for j in range(i + 1, min(i + 3, len(tokens)))
                if tokens[j].kind == K.UNKNOWN and tokens[j].text in _ADDED_ON
            }
            continue
        out.append(tok)
        if tok.kind == K.MY and tok.text.lower() in _I_ADDED and nxt and nxt.kind == K.WINDOW:
            out.append(Token(K.NEW, True, tok.end, tok.end, "added", english=True))
    return out


_ADD_STEMS = {"加", "添加", "加了", "添加了", "加过", "添加过"}
_ASPECTS = {"了", "过", "咗"}
_MERGED_ADD = lazy_pattern(r"(?:加|添加)(?:了|过|咗)?(?:微信好友|企业微信|微信|好友|企微)")


def _added_on_wechat(tokens: list[Token]) -> list[Token]:
    """加了微信 / 加好友 / 加了我(的微信) (spec §2: every customer is someone who added the
    company on WeChat): 加我 is the asker's customers (they chose the asker), 加了微信 alone
    adds no condition (every customer); a time right before makes either new in that time
    (上个月加了我微信的 = mine AND first added last month). "加了VIP标签" is left alone."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        found = _wechat_add_at(tokens, i) if tok.kind in (K.UNKNOWN, K.FILLER) else None
        if found is None:
            out.append(tok)
            i += 1
            continue
        end, me = found
        last = tokens[end - 1]
        if out and out[-1].kind == K.WINDOW:
            out.append(Token(K.NEW, True, tok.start, tok.end, tok.text))
        if me:
            out.append(Token(K.MY, True, tok.start, last.end, "加我"))
        elif not (out and out[-1].kind == K.NEW):
            out.append(Token(K.FILLER, True, tok.start, last.end, "加了微信"))
        i = end
    return out


def _wechat_add_at(tokens: list[Token], i: int) -> tuple[int, bool] | None:
    """(where the phrase ends, whether it says 我) for 加[了/过][我(的)][微信/好友] at `i`, with
    我 or the WeChat word present; None otherwise."""
    if tokens[i].kind == K.UNKNOWN and _MERGED_ADD.fullmatch(tokens[i].text):
        return i + 1, False  # 加好友: two unknown words the tokenizer ran together
    if tokens[i].text not in _ADD_STEMS:
        return None
    j = i + 1
    while j < len(tokens) and tokens[j].kind == K.FILLER and tokens[j].text in _ASPECTS:
        j += 1
    me = j < len(tokens) and tokens[j].kind == K.MY and tokens[j].text in ("我", "我的")
    j += 1 if me else 0
    on = j < len(tokens) and tokens[j].kind == K.UNKNOWN and tokens[j].text in _ADDED_ON
    j += 1 if on else 0
    return (j, me) if (me or on) else None


def _adding_itself(rest: list[Token]) -> bool:
    following = [t for t in rest if not (t.kind == K.FILLER and t.text in ("了", "过"))]
    if not following:
        return True
    nxt = following[0]
    if nxt.kind == K.AND and nxt.text in ("、", ","):  # 这个月加入、还没下单的: a pause
        return True
    return nxt.kind in _AFTER_ADDING or (nxt.kind == K.UNKNOWN and nxt.text in _ADDED_ON)


def _item_topic(tokens: list[Token]) -> list[Token]:
    """A product or category name right before its event verb (a time may stand between)
    is moved after the verb, where the item grammar reads an object."""
    out = list(tokens)
    i = 0
    while i < len(out):
        tok = out[i]
        between = 1 if i + 1 < len(out) and out[i + 1].kind == K.WINDOW else 0
        verb_at = i + 1 + between
        if (
            tok.kind == K.NAME
            and tok.meanings
            and all(m.kind in ITEM_MEANINGS for m in tok.meanings)
            and verb_at < len(out)
            and out[verb_at].kind == K.EVENT
        ):
            out[i : verb_at + 1] = [*out[i + 1 : verb_at + 1], tok]
            i = verb_at + 1
            continue
        i += 1
    return out


# 上海那边的 / 北京这边的: after a place, 那边/这边 is that place's side, not whose customers.
_PLACE_SIDE = {
    *("那边", "那边的", "这边", "这边的", "那里", "那里的"),
    *("这里", "这里的", "那儿", "这儿"),
}
_PLACES = {"city", "province"}


def _place_side(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            tok.kind == K.FILLER
            and tok.text in _PLACE_SIDE
            and prev is not None
            and prev.kind in (K.NAME, K.QUOTE)
            and prev.meanings
            and all(m.kind in _PLACES for m in prev.meanings)
        ):
            out.append(Token(K.FILLER, True, tok.start, tok.end, tok.text))
            continue
        out.append(tok)
    return out
