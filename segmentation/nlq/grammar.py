"""Items → one segment tree: windows shared by clause, lists of values, AND/OR/NOT grouping,
rankings. Anything ambiguous is asked back (Ask), never guessed."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from segmentation.nlq.ask import Ask, period_question, unsupported
from segmentation.nlq.chunks import (
    Chunk,
    Item,
    build_items,
    prepare,
    total_negation,
    which_most,
)
from segmentation.nlq.class_nouns import counted_class_nouns
from segmentation.nlq.dates import FUTURE
from segmentation.nlq.interpret import Cond, Context, interpret
from segmentation.nlq.item_topic import item_topic_first
from segmentation.nlq.items_grammar import carry_item_object, join_every, join_item_lists
from segmentation.nlq.or_scope import mixed_or_before_modifier
from segmentation.nlq.rank_base import base_inside_ranking
from segmentation.nlq.rank_singular import singular_rankings
from segmentation.nlq.rank_words import head_tail_counts, ranked_demonstratives
from segmentation.nlq.single_order import ask_single_order
from segmentation.nlq.tag_both import both_before_tag_word
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from segmentation.nlq.unknown import unknown_question
from segmentation.nlq.verbs import apply as verb_grammar
from segmentation.nlq.verbs import check_colleague, check_owner_glue, demonstratives, even_dropped
from segmentation.nlq.vocabulary import ITEM_KINDS
from segmentation.nlq.yesno import yes_no_tail
from segmentation.nodes import (
    AddedVia,
    All,
    And,
    ChannelCode,
    City,
    Gender,
    HasTag,
    InDepartment,
    NamedSegment,
    Node,
    Not,
    Or,
    Owner,
    Performed,
    Ranked,
    SavedSegment,
    Untagged,
    walk,
    without_repeats,
)

_GROUP_BREAKS = {K.DE, K.SEP, K.CUSTOMER}


def check_tokens(tokens: list[Token], ctx: Context) -> None:
    """The coverage guard's first pass: unknown words, unsupported filters, bad dates."""
    for index, tok in enumerate(tokens):
        if tok.kind == K.UNSUPPORTED:
            raise unsupported(tok.value, tok.text)
        if tok.kind == K.WINDOW and tok.problem == FUTURE:
            raise Ask(
                f"“{tok.text}”还没到，还没有任何记录。请换成已经过去的时间，例如“今年”或“近30天”。",
                f"“{tok.text}” has not begun yet, so nothing has happened in it. Please give a "
                "period that has, e.g. 'this year' or 'the last 30 days'.",
            )
        if tok.kind == K.WINDOW and tok.problem:
            period_question(tok.problem)
            raise Ask(
                f"“{tok.text}”不是有效的日期（{tok.problem}）。",
                f"“{tok.text}” is not a valid date ({tok.problem}).",
            )
        if tok.kind == K.UNKNOWN:
            raise unknown_question(tokens, index, ctx.vocab)
        if tok.kind in (K.UNIT, K.PERCENT_PREFIX, K.TO, K.RANGE_TAIL, K.BETWEEN):
            pass  # checked where they are used


def build_segment(tokens: list[Token], ctx: Context) -> tuple[Node, list[str]]:
    # A condition said twice ("上周加的新客户": 加的 and 新客户 both say "added last week") is
    # one condition; the restatement would say it twice ("上周新添加 且 上周新添加的客户").
    segment, notes = _built_segment(tokens, ctx)
    return without_repeats(segment), notes


def _built_segment(tokens: list[Token], ctx: Context) -> tuple[Node, list[str]]:
    ask_single_order(tokens)  # "a single order over ¥5,000": asked, never the total
    tokens = counted_class_nouns(tokens)  # 買過兩次以上的熟客: the count says who they are
    tokens = which_most(
        total_negation(
            verb_grammar(
                demonstratives(
                    item_topic_first(
                        even_dropped(
                            head_tail_counts(
                                ranked_demonstratives(
                                    both_before_tag_word(singular_rankings(yes_no_tail(tokens)))
                                )
                            )
                        )
                    )
                )
            )
        )
    )
    tokens = base_inside_ranking(tokens)
    check_tokens(tokens, ctx)
    check_owner_glue(tokens)
    check_colleague(tokens)
    items = join_every(_second_bound(_refer_back(build_items(prepare(tokens)))))
    items = join_item_lists(items)
    clauses, openers = _split_clauses(items)
    conds_by_clause = [
        [(i, interpret(i, ctx)) for i in clause if isinstance(i, Chunk)] for clause in clauses
    ]
    lookup = {id(chunk): cond for clause in conds_by_clause for chunk, cond in clause}
    for clause in clauses:
        carry_item_object(clause, lookup)
    for clause in clauses:
        _check_except(clause, lookup)
    _assign_windows(clauses, lookup)
    notes = [n for clause in conds_by_clause for _, c in clause for n in c.notes]
    nodes: list[Node | None] = []
    rank_at: tuple[int, Cond] | None = None
    for index, clause in enumerate(clauses):
        conds = [lookup[id(i)] for i in clause if isinstance(i, Chunk)]
        ranks = [c for c in conds if c.rank is not None]
        if len(ranks) > 1 or (ranks and rank_at is not None):
            raise Ask("一句话里只能有一个排名条件。", "Only one ranking per question, please.")
        if ranks:
            rank_at = (index, ranks[0])
        nodes.append(_clause_node(clause, lookup, ctx))
    if rank_at is not None and "among" in openers[rank_at[0] + 1 :]:
        # "top 5 spenders among VIP customers": what follows is where the ranking ranks.
        rank_at = (len(nodes) - 1, rank_at[1])
    tree = _with_ranking(nodes, rank_at)
    _check_contradiction(tree, list(lookup.values()))
    return tree, list(dict.fromkeys(notes))


def _check_contradiction(tree: Node, conds: list[Cond]) -> None:
    """A and not-A side by side ("下了单但还没付款": 付款 is an order word too) can only be
    empty: two words were read as one thing, so ask instead of answering 0 customers."""
    for node in walk(tree):
        if not isinstance(node, And):
            continue
        children = set(node.children)
        for child in node.children:
            if isinstance(child, Not) and child.child in children:
                said = [_said_text(c) for c in conds if cond_node(c) in (child, child.child)]
                both = "和".join(f"“{t}”" for t in said) or "这句话"
                raise Ask(
                    f"{both}被理解成了同一个条件的“有”和“没有”，结果必然为空。请换个说法。",
                    "The question says both that something happened and that it did not "
                    f"({', '.join(said)}), which can only be empty. Please rephrase.",
                )


def _said_text(cond: Cond) -> str:
    text = cond.chunk.text()
    return text if text.isascii() else text.replace(" ", "")


_BARE_NEG = {K.NEG, K.YET}


def _second_bound(items: list[Item]) -> list[Item]:
    """ "spent more than 500 but less than 2000", "at least 2 orders and no more than 5": a
    comparison with no head of its own, joined to an amount or a count, bounds the same
    thing — it takes that chunk's head (and a count's event), never stands alone."""
    previous: Chunk | None = None
    for item in items:
        if not isinstance(item, Chunk):
            # (an English window said after the count arrives before it: "…, but fewer than
            # 2 times in the last 90 days")
            if item.kind not in (K.AND, K.SEP, K.WINDOW):
                previous = None
            continue
        bare = item.head() is None and item.has(K.CMP) and item.has(K.NUM)
        if bare and previous is not None and all(t.kind in (K.CMP, K.NUM) for t in item.tokens):
            head = previous.head()
            counted = head is not None and head.kind in (K.SPEND, K.EVENT) and previous.has(K.NUM)
            if counted and not previous.has(K.NEG):
                item.tokens[:0] = [t for t in previous.tokens if t.kind in (K.SPEND, K.EVENT)]
            elif _counts_back(item, previous):
                item.tokens[:0] = [t for t in previous.tokens if t.kind == K.EVENT]
        previous = item
    return items


def _counts_back(item: Chunk, previous: Chunk) -> bool:
    """ "ordered, but fewer than 2 times", 下过单但不到2次: a bare count of times after a
    clause that only names an event counts that event (the event happened, fewer than N
    times). A named product or a negation before it is left to be asked."""
    times = any(t.kind == K.NUM and t.unit == "times" for t in item.tokens)
    plain = all(t.kind in (K.EVENT, K.YET) for t in previous.tokens)
    return times and plain and previous.has(K.EVENT)


def _refer_back(items: list[Item]) -> list[Item]:
    """A negation with no head of its own ("下过单但近两个月没有", "ordered but not in the last 60
    days"), next to a time window, negates the event just named, in that window. "Nothing" /
    什么都没有 negates the kind of event whatever was named with it ("bought 唇釉 in October but
    nothing in the last 7 days": no order at all); a bare 没有 after a named product negates
    that product too, as the verb phrase it leaves out holds it ("买过精华液，但最近两个月没有":
    no 精华液 in the last two months)."""
    previous: Chunk | None = None
    for pos, item in enumerate(items):
        if not isinstance(item, Chunk):
            continue
        bare = all(t.kind in _BARE_NEG for t in item.tokens)
        if bare and previous is not None and _windowed(items, pos):
            events = [t for t in previous.tokens if t.kind == K.EVENT]
            anything = all(t.extra.get("anything") for t in item.tokens)
            plain = anything or all(t.kind in (K.EVENT, K.NEG, K.YET) for t in previous.tokens)
            if len({e.value for e in events}) == 1 and not previous.has(K.NEG):
                # "ordered at least 2 times but not in the last 90 days": a count of times is
                # still that event, which did not happen in the window.
                plain = plain or _times_counted(previous)
            if len({e.value for e in events}) == 1 and plain and not previous.has(K.NEG):
                item.tokens.extend(events)
            elif len({e.value for e in events}) == 1 and _one_item_bought(previous):
                item.tokens.extend(replace(t) for t in previous.tokens if t.kind != K.YET)
        previous = item
    return items


def _one_item_bought(chunk: Chunk) -> bool:
    """Whether `chunk` is an event and the products or categories it names, nothing else
    ("买过精华液", "bought 精华液"): the verb phrase a bare negation after it leaves out."""
    names = [t for t in chunk.tokens if t.kind == K.NAME]
    items = all(t.meanings and all(m.kind in ITEM_KINDS for m in t.meanings) for t in names)
    rest = all(t.kind in (K.EVENT, K.YET, K.NAME, K.DE) for t in chunk.tokens)
    return bool(names) and items and rest and not chunk.has(K.NEG)


def _times_counted(chunk: Chunk) -> bool:
    """Whether `chunk` is one event with a count of its times ("下单2次以上", "ordered at least
    twice"): its event, its comparison and the number of times, nothing else."""
    kinds = {K.EVENT, K.CMP, K.NUM, K.YET}
    counted = any(t.kind == K.NUM and t.unit == "times" for t in chunk.tokens)
    return counted and all(t.kind in kinds for t in chunk.tokens)


def _windowed(items: list[Item], pos: int) -> bool:
    """A window right before the chunk (after the previous one) or right after it; 都/也
    between them change nothing ("咨询过，可是这两个月都没有")."""
    back = pos - 1
    while back > 0 and isinstance(items[back], Token) and _only_emphasis(items[back]):
        back -= 1
    before = items[back] if back >= 0 else None
    after = items[pos + 1] if pos + 1 < len(items) else None
    return any(isinstance(i, Token) and i.kind == K.WINDOW for i in (before, after))


def _only_emphasis(item: Item) -> bool:
    """都 / 也 before a negation: emphasis ("都没有", "也没有"), no condition of their own."""
    return isinstance(item, Token) and (
        item.kind == K.BOTH or (item.kind == K.AND and item.text == "也")
    )


def _check_except(clause: list[Item], lookup: dict[int, Cond]) -> None:
    """Asks about "除了上海，北京的客户": it reads two ways (only Beijing, or Beijing as well).
    A list joined to the exception ("除了上海和北京", "except the VIPs and the Beijing ones",
    "除了VIP以及北京的") is one exception: the except word takes every condition of it, each
    excluded (issue 19: the second was kept as a positive condition)."""
    excepted: Cond | None = None
    broken = False
    spread = False  # the except word has been carried over a list
    link: str | None = None  # the one list word since the last condition ("and"/"or")
    for item in clause:
        if isinstance(item, Token):
            broken = broken or (excepted is not None and item.kind == K.SEP)
            link = _link_so_far(link, item)
            continue
        cond = lookup[id(item)]
        if any(t.value == "except" for t in item.tokens):
            excepted, broken, spread = cond, False, False
        elif excepted is not None and not broken and link and not cond.negated:
            if link == "or" and cond.attr != excepted.attr:
                _ask_except_or(excepted, cond)
            if link == "and" and cond.attr != excepted.attr:
                # (values of one attribute merge into the exception later: 除了上海和北京)
                cond.negated, excepted, spread = True, cond, True
        elif excepted is not None and not broken and spread and link is None and not _mine(cond):
            _ask_except_phrase(excepted, cond)
        elif excepted is not None and broken and _same_list_attr(excepted, cond):
            _ask_except(excepted, cond)
        # 以外/之外 closed the exception: what follows is wanted, never excluded
        link = "" if any(t.extra.get("closes_except") for t in item.tokens) else None


# What may stand between two listed conditions besides the list word: 的/客户/the.
_LIST_GLUE = frozenset({K.DE, K.CUSTOMER, K.FILLER})


def _link_so_far(link: str | None, token: Token) -> str | None:
    """The list word (和/及/以及/and/、 = "and", 或/or = "or") said since the last condition
    with only glue beside it; "" once anything else is said."""
    if link == "":
        return ""
    if token.kind == K.AND and token.value == "list":
        return "and" if link is None else ""
    if token.kind == K.OR:
        return "or" if link is None else ""
    return link if token.kind in _LIST_GLUE else ""


def _mine(cond: Cond) -> bool:
    """我的客户 / my clients: the whole the exception is taken from, never part of it."""
    return any(t.kind == K.MY for t in cond.chunk.tokens)


def _ask_except_phrase(listed: Cond, cond: Cond) -> None:
    """ "除了张三的客户和北京的VIP": the last of the excepted list has more said of it — is the
    whole phrase (Beijing VIPs) excluded, or only Beijing with VIP wanted? Asked, never guessed."""
    x, y = _said(listed.chunk, zh=True), _said(cond.chunk, zh=True)
    a, b = _said(listed.chunk, zh=False), _said(cond.chunk, zh=False)
    raise Ask(
        f"“除了…和{x}的{y}”：是不要“{x}的{y}”，还是不要“{x}”、只要“{y}”？请分开说，"
        f"例如“除了…和{x}的，{y}客户”。",
        f"Except … and {a} {b}: is it {a} {b} you leave out, or {a} only, keeping {b}? Please "
        f"say it apart, e.g. 'except … and {a}; {b} customers'.",
    )


def _ask_except_or(excepted: Cond, other: Cond) -> None:
    """ "customers except VIPs or Beijing ones": or after an except word — neither of them,
    or only the first excluded and the second wanted? Asked, never guessed."""
    x, y = _said(excepted.chunk, zh=True), _said(other.chunk, zh=True)
    a, b = _said(excepted.chunk, zh=False), _said(other.chunk, zh=False)
    raise Ask(
        f"“除了{x}或{y}”：是两个都不要（不是{x}也不是{y}），还是只排除“{x}”？"
        f"请说“除了{x}和{y}的客户”或“不是{x}的{y}客户”。",
        f"“Except {a} or {b}”: neither of them, or only not {a}? Please say 'except {a} "
        f"and {b}' or '{b} customers who are not {a}'.",
    )


def _same_list_attr(excepted: Cond, cond: Cond) -> bool:
    return cond.attr == excepted.attr and _listed(cond.attr) and not cond.negated


def _ask_except(cond: Cond, other: Cond) -> None:
    """Both readings, said with the user's own two words and in their kind's terms (a tag
    is not offered as a city: 除了VIP，金卡客户 asks about tags)."""
    x, y = _said(cond.chunk, zh=True), _said(other.chunk, zh=True)
    a, b = _said(cond.chunk, zh=False), _said(other.chunk, zh=False)
    zh_only, zh_both, en_only, en_both = {
        "city": (
            f"不在{x}的{y}客户",
            f"{x}和{y}的客户",
            f"customers in {b} but not {a}",
            f"customers in {a} and {b}",
        ),
        "tag": (
            f"{y}客户中没有{x}标签的",
            f"{x}或{y}客户",
            f"customers tagged {b} but not {a}",
            f"customers tagged {a} or {b}",
        ),
        "owner": (
            f"{y}的客户中不归{x}跟进的",
            f"{x}和{y}的客户",
            f"{b}'s customers not followed by {a}",
            f"customers of {a} and {b}",
        ),
    }.get(cond.attr, (f"{y}，但不是{x}", f"{x}和{y}", f"{b} but not {a}", f"{a} and {b}"))
    raise Ask(
        f"“除了{x}”之后又说了“{y}”：是只要“{y}”，还是两者都要？请说“{zh_only}”或“{zh_both}”。",
        f"“Except {a}” and then “{b}”: only {b}, or both? Please say '{en_only}' or '{en_both}'.",
    )  # no picks: a pick replaces the first quoted phrase, and both readings reword it all


def _said(chunk: Chunk, *, zh: bool) -> str:
    """A chunk's words as the reply shows names (VIP, not the normalised vip), no negation;
    in English a Chinese display name gives way to what the user typed (Shanghai)."""
    words = []
    for t in chunk.tokens:
        if t.kind in (K.NEG, K.YET):
            continue
        shown = t.meanings[0].display if t.kind == K.NAME and t.meanings else str(t.text)
        if not zh and not shown.isascii() and t.text.isascii():
            shown = t.text.title()
        words.append(shown)
    return ("" if zh else " ").join(words)


def _split_clauses(items: list[Item]) -> tuple[list[list[Item]], list[Any]]:
    """The clauses, and the value of the clause word that opened each (None for the first)."""
    clauses: list[list[Item]] = [[]]
    openers: list[Any] = [None]
    # "Among / Of those / Out of the customers who…, which…": an opener before anything
    # names the base first; the comma after it starts the new clause, like 中/里 would.
    opened = bool(items) and isinstance(items[0], Token) and items[0].kind == K.CLAUSE
    for item in items:
        sep = opened and isinstance(item, Token) and item.kind == K.SEP
        if sep and any(isinstance(i, Chunk) for i in clauses[-1]):
            clauses.append([])
            openers.append(True)
            opened = False
            continue
        if isinstance(item, Token) and item.kind == K.CLAUSE:
            if any(isinstance(i, Chunk) for i in clauses[-1]):
                clauses.append([])
                openers.append(item.value)
            continue
        clauses[-1].append(item)
    return clauses, openers


def _assign_windows(clauses: list[list[Item]], lookup: dict[int, Cond]) -> None:
    used: dict[int, bool] = {}
    named_hit: dict[int, bool] = {}
    for clause in clauses:
        current: Token | None = None
        for pos, item in enumerate(clause):
            if isinstance(item, Token) and item.kind == K.WINDOW:
                used.setdefault(id(item), False)
                prev = clause[pos - 1] if pos > 0 else None
                if item.english and isinstance(prev, Chunk):
                    cond = lookup[id(prev)]
                    # "ordered last month but not in the last 7 days": a window written
                    # right after a condition is its own, over one it only shared.
                    takes = cond.windowable or (cond.own_window and not cond.assigned)
                    if takes and (not cond.assigned or cond.__dict__.get("shared")):
                        _give(cond, item, used)
                        cond.__dict__["shared"] = False
                        _window_over_either(clause, pos, lookup, used)
                current = item
            elif isinstance(item, Chunk):
                cond = lookup[id(item)]
                before = clause[pos - 1] if pos > 0 else None
                own = before if isinstance(before, Token) and before.kind == K.WINDOW else None
                if cond.own_window:
                    if own is not None and not own.english:
                        _give(cond, own, used)  # 近7天扫码添加的
                elif cond.all_time and cond.windowable and own is not None and not own.english:
                    _give(cond, own, used)  # "这个月还没下单": not yet, within this month
                elif cond.all_time and cond.windowable:
                    cond.assigned = True
                elif current is not None and cond.windowable and not cond.assigned:
                    _give(cond, current, used)
                    cond.__dict__["shared"] = True
                elif current is not None and cond.attr == "named":
                    named_hit[id(current)] = True
    trailing = _trailing_window(clauses)
    if trailing is not None:
        for cond in lookup.values():
            if cond.windowable and not cond.assigned:
                _give(cond, trailing, used)
    all_windows = [i for c in clauses for i in c if isinstance(i, Token) and i.kind == K.WINDOW]
    for window in all_windows:
        if not used.get(id(window)):
            if named_hit.get(id(window)) or any(c.attr == "named" for c in lookup.values()):
                raise Ask(
                    f"内置客户分类（如流失风险客户）有固定的定义，不能再加时间“{window.text}”。"
                    "请去掉时间，或改用具体条件（如“90天没下单”）。",
                    f"Built-in segments (like at-risk customers) have a fixed definition and "
                    f"take no time window (“{window.text}”). Drop the time, or use explicit "
                    "conditions (e.g. 'no order in 90 days').",
                )
            raise Ask(
                f"时间“{window.text}”对应哪个条件？例如“{window.text}下过单的客户”。",
                f"What should “{window.text}” apply to? E.g. 'ordered {window.text}'.",
            )


def _window_over_either(
    clause: list[Item], pos: int, lookup: dict[int, Cond], used: dict[int, bool]
) -> None:
    """ "visited or inquired this week but haven't ordered": a window closing an or-group that
    a but then ends holds for each alternative, as it would at the end of the sentence."""
    after = pos + 1
    while after < len(clause) and isinstance(clause[after], Token) and clause[after].kind == K.SEP:  # type: ignore[union-attr]
        after += 1  # "…this week, but…"
    nxt = clause[after] if after < len(clause) else None
    if not (isinstance(nxt, Token) and nxt.kind == K.AND and nxt.text in _BUT):
        return
    window = clause[pos]
    j = pos - 2  # clause[pos - 1] is the alternative the window was written after
    while j >= 1 and isinstance(clause[j], Token) and clause[j].kind == K.OR:  # type: ignore[union-attr]
        before = clause[j - 1]
        if not isinstance(before, Chunk):
            return
        cond = lookup[id(before)]
        if cond.windowable and not cond.assigned:
            assert isinstance(window, Token)
            _give(cond, window, used)
        j -= 2


def _give(cond: Cond, window: Token, used: dict[int, bool]) -> None:
    cond.window = window.value
    cond.assigned = True
    used[id(window)] = True


def _trailing_window(clauses: list[list[Item]]) -> Token | None:
    flat = [i for c in clauses for i in c]
    last_chunk = max((n for n, i in enumerate(flat) if isinstance(i, Chunk)), default=-1)
    after = [i for i in flat[last_chunk + 1 :] if isinstance(i, Token) and i.kind == K.WINDOW]
    return after[-1] if after else None


def _clause_node(clause: list[Item], lookup: dict[int, Cond], ctx: Context) -> Node | None:
    both = any(isinstance(i, Token) and i.kind == K.BOTH for i in clause)
    seq: list[Cond] = []
    links: list[set[object]] = []
    pending: set[object] = set()
    for item in clause:
        if isinstance(item, Chunk):
            cond = lookup[id(item)]
            if cond.rank is not None:
                continue
            if seq:
                links.append(pending)
            seq.append(cond)
            pending = set()
        elif item.kind in (K.AND, K.OR, K.DE, K.SEP, K.CUSTOMER):
            pending.add(item.value if item.kind == K.AND else item.kind)
            if item.kind == K.AND and item.text in _IN_ADDITION:
                pending.add(_IN_ADDITION_LINK)
            if item.kind == K.AND and item.text in _BUT:
                pending.add(_BUT_LINK)
            if item.kind == K.SEP and item.text in _COMMAS:
                pending.add(_COMMA)
    if not seq:
        return None
    at_once = any(isinstance(i, Token) and _at_once(i) for i in clause)
    seq, links = _merge_lists(seq, links, both, at_once=at_once)
    return _group(seq, links)


# "the VIP tag as well as 金卡": words that add one tag to another say a customer has both
# (spec §2 asks for 都/同时/both; these say it as plainly). Values a customer has only one of
# (a city) stay a list of either.
_IN_ADDITION = frozenset({"as well as", "along with", "in addition to", "together with"})
_IN_ADDITION_LINK = "in addition"


# "but" between conditions (但/但是/可是/不过/却/然而/but/however): weaker than or, so
# "来过店或者问过价但没下单" is (visited or inquired) and not ordered (_group).
_BUT = frozenset(
    {"但", "但是", "但系", "可是", "不过", "只不过", "却", "然而", "but", "however"}
    | {"but " + verb for verb in ("are", "is", "have", "has", "who", "were", "did")}
)
_BUT_LINK = "but"


# A comma between two conditions (either width: NFKC makes ，a ","), told from the other
# separators (；。!): only a comma lists values.
_COMMAS = frozenset({",", "，"})
_COMMA = "comma"


# 没有任何咨询和下单: "not any" before the list says none of them (neither), not "not both"
# (tokens._not_any marks the negation).
def _any_at_all(cond: Cond) -> bool:
    return any(t.kind == K.NEG and t.extra.get("any") for t in cond.chunk.tokens)


def _bare_comma(link: set[object]) -> bool:
    """A link that is a comma and nothing else (no 的/客户/and/or beside it)."""
    return link == {K.SEP, _COMMA}


def _comma_lists(seq: list[Cond], links: list[set[object]]) -> list[set[object]]:
    """ "tagged VIP, 金卡", "上海，北京的客户", "owned by Zhang San, Li Si": a bare comma between
    values of one attribute separates a list as 、 does — any of them (spec §2 "Lists of
    values"; all of the tags only with 都/同时/both). Between different conditions ("VIP, in
    Shanghai") it stays AND; a run of values a final and/or closes is _serial_commas'."""
    links = list(links)
    for i, link in enumerate(links):
        if _bare_comma(link) and _one_kind(seq[i : i + 2]):
            links[i] = {"list"}
    return links


def _ask_comma_heads(prev: Cond, cond: Cond) -> Ask:
    """ "上海的客户，北京的客户", "VIP的，金卡的": two values of one attribute, each with its own
    的/客户, after a comma — a list of two groups, the second narrowing the first, or a
    correction? A comma says none of these: asked, never read as AND (empty for a city)."""
    x, y = _said(prev.chunk, zh=True), _said(cond.chunk, zh=True)
    a, b = _said(prev.chunk, zh=False), _said(cond.chunk, zh=False)
    if prev.attr in _ONE_PER_CUSTOMER:  # one city each: both at once is no reading
        return Ask(
            f"“{x}”和“{y}”之间只有逗号：是要{x}或{y}的客户吗？请说“{x}或{y}的客户”，"
            "或者只说要的那一个。",
            f"Only a comma between “{a}” and “{b}”: customers in either? Say '{a} or {b}', "
            "or name only the one you want.",
        )
    return Ask(
        f"“{x}”和“{y}”之间只有逗号：是要其中之一，还是两个都要有？请说“{x}或{y}的客户”"
        f"或“同时是{x}和{y}的客户”。",
        f"Only a comma between “{a}” and “{b}”: either of them, or both at once? Say "
        f"'{a} or {b}' or 'both {a} and {b}'.",
    )


def _serial_commas(seq: list[Cond], links: list[set[object]]) -> list[set[object]]:
    """ "Shanghai, Beijing and Guangzhou", "in Beijing, Shanghai or Shenzhen": commas between
    values of one kind that a final and/or closes are that and/or — one list, not a new
    condition per comma (which read "outside A, B and C" as "outside A, in B or C")."""
    links = list(links)
    i = 0
    while i < len(links):
        if not _bare_comma(links[i]):
            i += 1
            continue
        j = i
        while j < len(links) and _bare_comma(links[j]):
            j += 1
        run = seq[i : j + 2]
        closes = j < len(links) and (K.OR in links[j] or "list" in links[j])
        if closes and "clause" not in links[j] and _one_kind(run):
            for k in range(i, j):
                links[k] = set(links[j])
        i = j + 1
    return links


def _one_kind(run: list[Cond]) -> bool:
    first = run[0]
    return _listed(first.attr) and all(
        c.attr == first.attr and not c.negated and c.window is None for c in run[1:]
    )


def _at_once(token: Token) -> bool:
    """同时/both: all of the values at the same time — 都 may only say "all of them" (杭州跟深圳的
    客户都拉出来: pull them all out), so only these make two cities a contradiction to ask."""
    return token.kind == K.BOTH and (token.text.startswith("同时") or token.text == "both")


def _merge_lists(
    seq: list[Cond], links: list[set[object]], both: bool, *, at_once: bool = False
) -> tuple[list[Cond], list[set[object]]]:
    links = _comma_lists(seq, _serial_commas(seq, links))
    out, out_links = [seq[0]], []
    for cond, link in zip(seq[1:], links, strict=True):
        prev = out[-1]
        joins = (K.OR in link or "list" in link) and "clause" not in link
        same = prev.attr == cond.attr and _listed(prev.attr) and not cond.negated
        side_by_side = not link and prev.attr in _ONE_PER_CUSTOMER
        if (joins or side_by_side) and not link & {K.DE, K.CUSTOMER} and _closes_list(prev, cond):
            # "杭州和苏州以外": the 以外 after the last value excludes the whole list
            prev.negated, same = True, True
        if joins and not both and _merged_channels(prev, cond):
            continue  # (同时扫码和搜手机号加的: both, two conditions)
        if same and joins and prev.window is None:
            prev.values.extend(cond.values)
            prev.__dict__.setdefault("conj", set()).add("or" if K.OR in link else "and")
            prev.__dict__["both"] = both or (_IN_ADDITION_LINK in link and prev.attr == "tag")
            if at_once and K.OR not in link and prev.attr in _ONE_PER_CUSTOMER:
                raise _ask_both_of_one(prev, cond)
            continue
        if same and side_by_side and prev.window is None:
            # "苏州杭州的女客户": a customer has one city, so two side by side can only be
            # either (two tags side by side may be both: asked below)
            prev.values.extend(cond.values)
            prev.__dict__.setdefault("conj", set()).add("or")
            continue
        if same and _COMMA in link and link & {K.DE, K.CUSTOMER} and not joins:
            raise _ask_comma_heads(prev, cond)
        if same and not link:
            raise Ask(
                f"“{prev.chunk.text()}”和“{cond.chunk.text()}”是“或”还是“且”？",
                f"Do you mean “{prev.chunk.text()}” or “{cond.chunk.text()}”, or both?",
            )
        if prev.negated and prev.plain_event and cond.plain_event and not cond.negated and joins:
            if "list" in link and K.OR not in link and not _any_at_all(prev):
                raise Ask(
                    "“没有A和B”是指两样都没有，还是不是两样都有？请说“没咨询也没下单”或“没有同时咨询和下单”。",
                    "Do you mean neither, or not both? Say 'no inquiry and no order' or "
                    "'not both inquired and ordered'.",
                )
            if prev.window == cond.window:
                prev.__dict__["neither"] = [*prev.__dict__.get("neither", []), cond]
                continue
        out.append(cond)
        out_links.append(link)
    return out, out_links


def _ask_both_of_one(prev: Cond, cond: Cond) -> Ask:
    """ "同时是上海和北京的客户", "both in Shanghai and Beijing": 同时/both ask for all of the
    values, but a customer has one city (one gender), so no one is both — either of them, or
    a slip? Asked, never read as either (issue 19: 同时是 makes a list all of its values)."""
    x, y = _said(prev.chunk, zh=True), _said(cond.chunk, zh=True)
    a, b = _said(prev.chunk, zh=False), _said(cond.chunk, zh=False)
    return Ask(
        f"一个客户不会同时是“{x}”和“{y}”：是要其中之一吗？请说“{x}或{y}的客户”，或者只说要的那一个。",
        f"No customer is both “{a}” and “{b}”: do you mean either of them? Say '{a} or {b}', "
        "or name only the one you want.",
    )


def _merged_channels(prev: Cond, cond: Cond) -> bool:
    """扫码和群聊加的, "added by QR code or from a group chat": add ways (or codes) listed are
    any of them, one node, as 展会2026和Expo-A两个活码 is — never all of them at once."""
    if prev.attr != "channel" or cond.attr != "channel" or prev.negated or cond.negated:
        return False
    if prev.build is None or cond.build is None:
        return False
    if prev.window != cond.window:
        # 近7天扫码添加的和搜手机号加的: the window on one of two listed ways — both, or one?
        raise Ask(
            f"“{prev.chunk.text()}”和“{cond.chunk.text()}”的时间不一样：时间是两个都算，"
            "还是只算前一个？请分开说，例如“近7天扫码或搜手机号加的客户”。",
            f"“{prev.chunk.text()}” and “{cond.chunk.text()}” have different periods: does "
            "the period hold for both? Please say it once for both, e.g. 'added by QR code or "
            "phone search in the last 7 days'.",
        )
    first, second = prev.build(None), cond.build(None)
    merged: Node
    if isinstance(first, AddedVia) and isinstance(second, AddedVia):
        merged = replace(first, codes=tuple(dict.fromkeys((*first.codes, *second.codes))))
    elif isinstance(first, ChannelCode) and isinstance(second, ChannelCode):
        merged = replace(first, names=tuple(dict.fromkeys((*first.names, *second.names))))
    else:
        return False
    prev.build = lambda window: replace(merged, window=window)
    return True


_LIST = {"tag", "city", "owner", "dept", "gender", "named", "saved"}
# Attributes a customer has exactly one value of: values side by side can only mean either.
_ONE_PER_CUSTOMER = {"city", "gender"}


def _listed(attr: str) -> bool:
    """Values of one attribute a list joins (上海和北京; a kind's declared words: kind:…)."""
    return attr in _LIST or attr.startswith("kind:")


def _closes_list(prev: Cond, cond: Cond) -> bool:
    """ "A和B以外": a value negated only by a closing 以外/之外/outside, after a value of the same
    list attribute that nothing negates, closes the list A和B, not just B."""
    if prev.negated or not cond.negated or prev.attr != cond.attr or not _listed(prev.attr):
        return False
    negs = [t for t in cond.chunk.tokens if t.kind == K.NEG]
    return bool(negs) and all(t.value == "post" for t in negs)


# Who the customers are (whose, where, which class): said first and run straight into what
# they did, they narrow every alternative after them.
_SCOPE_ATTRS = frozenset({"owner", "dept", "tag", "city", "gender", "named", "saved"})


def _scope_then_either(seq: list[Cond], links: list[set[object]]) -> Node | None:
    """ "我们部门这礼拜有来店或下单的", "VIP这周到店或者下单的", "my department this week visited
    or ordered": who the customers are, said with no and-word, then two or more things they
    did joined only by 或/or — the scope holds for each alternative (a window before a run
    of conditions applies to each, spec §2), so it is scope AND (A or B). Anything else (an
    and-word, an event before the or, a class among the alternatives) stays asked."""
    scoped = 0
    while scoped < len(links) and not links[scoped] and seq[scoped].attr in _SCOPE_ATTRS:
        scoped += 1
    either, rest = seq[scoped:], links[scoped:]
    if not scoped or len(either) < 2 or any(link != {K.OR} for link in rest):
        return None
    if not all(c.windowable and c.rank is None for c in either):
        return None  # 到店或VIP: a class among the alternatives
    if any(c.windowable for c in seq[:scoped]):
        return None
    scope = tuple(cond_node(c) for c in seq[:scoped])
    return And((*scope, Or(tuple(cond_node(c) for c in either))))


def _group(seq: list[Cond], links: list[set[object]]) -> Node:
    either = _scope_then_either(seq, links)
    if either is not None:
        return either
    unsaid_scope = mixed_or_before_modifier(seq, links)
    if unsaid_scope is not None:
        raise _ambiguous(unsaid_scope)
    groups: list[list[Cond]] = [[seq[0]]]
    kinds: list[set[str]] = [set()]
    ambiguous_or = False
    but_at: int | None = None
    # whether each group began after a bare comma ("visited, inquired or carted": the comma
    # may list the or's alternatives, so no but closes that group)
    after_comma = [False]
    for cond, link in zip(seq[1:], links, strict=True):
        if (
            _BUT_LINK in link
            and K.OR not in link
            and kinds[-1] == {"or"}
            and but_at is None
            and not after_comma[-1]
        ):
            # (A or B) but C: the or-group is whole before the but, which joins weaker
            groups.append([cond])
            kinds.append(set())
            after_comma.append(False)
            but_at = len(groups) - 1
        elif K.OR in link:
            if link & _GROUP_BREAKS:
                ambiguous_or = True
            if _listed_before_or(groups, kinds, after_comma, cond):
                # "visited, inquired or carted": a list of three alternatives, or the first
                # and then either of the others? Asked, as with 、 (never the AND read silently)
                raise _ambiguous([*groups[-2], *groups[-1], cond])
            groups[-1].append(cond)
            kinds[-1].add("or")
        elif link & _GROUP_BREAKS:
            groups.append([cond])
            kinds.append(set())
            after_comma.append(_bare_comma(link))
        else:
            groups[-1].append(cond)
            kinds[-1].add("and")
    if ambiguous_or and len(groups) > 1:
        raise _ambiguous(seq)
    if but_at is not None and any("or" in kind for kind in kinds[but_at:]):
        raise _ambiguous(seq)  # "A or B but C or D": which or the but closes is unsaid
    nodes: list[Node] = []
    for group, kind in zip(groups, kinds, strict=True):
        if kind == {"or", "and"}:
            raise _ambiguous(group)
        children = tuple(cond_node(c) for c in group)
        if len(children) == 1:
            nodes.append(children[0])
        else:
            nodes.append(Or(children) if kind == {"or"} else And(children))
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def _listed_before_or(
    groups: list[list[Cond]], kinds: list[set[str]], after_comma: list[bool], cond: Cond
) -> bool:
    """Whether an or comes right after "A, B" where A, B and the or's C are conditions of one
    kind ("visited, inquired or carted"): the comma may list the or's alternatives."""
    if len(groups) < 2 or not after_comma[-1] or kinds[-1] or kinds[-2]:
        return False
    if len(groups[-1]) != 1 or len(groups[-2]) != 1:
        return False
    first, second = groups[-2][0], groups[-1][0]
    if first.negated or second.negated or cond.negated:
        return False
    names = {type(cond_node(c)).__name__ for c in (first, second, cond)}
    return len(names) == 1


def _ambiguous(conds: list[Cond]) -> Ask:
    text = "、".join(f"“{c.chunk.text()}”" for c in conds)
    listed = ", ".join(f"“{c.chunk.text()}”" for c in conds)
    return Ask(
        f"{text}之间的“或/且”有两种理解，请拆开说或加上逗号，例如“A或B，并且C”。",
        f"The and/or between {listed} can be read two ways; please split it, "
        "e.g. '(A or B) and C'.",
    )


def cond_node(cond: Cond) -> Node:
    node = _positive(cond)
    neither = cond.__dict__.get("neither")
    if neither:
        node = Or((node, *(_positive(c) for c in neither)))
    return Not(node) if cond.negated else node


def _positive(cond: Cond) -> Node:
    conj = cond.__dict__.get("conj", set())
    if cond.build is not None:
        return cond.build(cond.window)
    values = cond.values
    if cond.attr == "untagged":
        return Untagged()
    if cond.attr == "hastags":
        return Not(Untagged())
    if cond.attr == "owner":
        owners = tuple(dict.fromkeys(str(v) for v in values))
        if len(owners) > 1 and conj == {"and"} and cond.__dict__.get("both"):
            return And(tuple(Owner((u,)) for u in owners))  # "张三和李四共同的客户"
        return Owner(owners)
    if cond.attr == "dept":
        return InDepartment(tuple(dict.fromkeys(int(v) for v in values)))  # type: ignore[call-overload]
    if cond.attr == "city":
        return City(tuple(dict.fromkeys(str(v) for v in values)))
    if cond.attr.startswith("kind:"):  # words a kind declares: their nodes, any of them
        nodes: tuple[Node, ...] = tuple(dict.fromkeys(values))  # type: ignore[arg-type]
        return nodes[0] if len(nodes) == 1 else Or(nodes)
    makers = {"tag": HasTag, "gender": Gender, "named": NamedSegment, "saved": SavedSegment}
    parts = tuple(makers[cond.attr](v) for v in dict.fromkeys(values))
    if len(parts) == 1:
        return parts[0]
    if cond.attr == "tag" and conj == {"and"} and cond.__dict__.get("both"):
        return And(parts)
    return Or(parts)


def _with_ranking(nodes: list[Node | None], rank_at: tuple[int, Cond] | None) -> Node:
    if rank_at is None:
        present = [n for n in nodes if n is not None]
        return _and(present)
    index, cond = rank_at
    base = _and([n for n in nodes[: index + 1] if n is not None])
    spec = cond.rank
    assert spec is not None
    ranked: Node = Ranked(base, spec.direction, spec.count, spec.percent, cond.window, spec.by)  # type: ignore[arg-type]
    rest = [n for n in nodes[index + 1 :] if n is not None]
    return _and([ranked, *rest])


def _and(nodes: list[Node]) -> Node:
    if not nodes:
        return All()
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


__all__ = ["Performed", "build_segment", "cond_node"]
