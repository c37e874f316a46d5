"""Rankings whose base is said inside them: "top 2 VIPs by spend", "top 5 Shanghai customers
by spend", "VIP中花最多钱的3个" — the words put in the order the grammar ranks from."""

from __future__ import annotations

from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

# What may stand between "top N" and "by spend" as the ranked base: one noun phrase of
# attributes (a tag, a city, a gender, my/new customers). A verb, a number or a comparison
# there is a condition of its own, and the sentence is left to the grammar to read or ask.
_BASE = {
    K.DE,  # "bottom 5 的金卡客户 by spend"
    K.NAME,
    K.QUOTE,
    K.GENDER,
    K.ATTRIBUTE,
    K.MY,
    K.NEW,
    K.TAGWORD,
    K.CUSTOMER,
    K.FILLER,
}
# What may follow "by spend" when the base is moved: a window, glue, an intent word.
_AFTER = {K.WINDOW, K.FILLER, K.INTENT, K.SEP, K.CUSTOMER}
_BASE_HEADS = _BASE - {K.CUSTOMER, K.FILLER, K.TAGWORD}


def base_inside_ranking(tokens: list[Token]) -> list[Token]:
    """top/bottom + N + base + "by spend"/"spenders" → top N by spend 的 base: the base
    becomes its own condition, which the ranking then ranks within (same clause). The
    measure said in the rank word ("the lowest-spending 20% of Shanghai customers") or at the
    very end ("bottom 10% 的客户 by 消费") is moved the same way."""
    for i in range(len(tokens) - 2):
        moved = _ranked_base_at(tokens, i)
        if moved is not None:
            return moved
    return _spent_the_most(_count_first(_count_after(split_spend_verb(tokens))))


def _ranked_base_at(tokens: list[Token], i: int) -> list[Token] | None:
    rank = tokens[i]
    if rank.kind != K.RANK or "count" in rank.extra or "percent" in rank.extra:
        return None
    spend_first = _spend_in_rank_word(rank, tokens[i + 1])
    n = i + 2 if spend_first else i + 1
    if n >= len(tokens) or tokens[n].kind != K.NUM:
        return None
    if tokens[n].unit not in (None, "people", "percent"):
        return None
    k = n + 1
    while k < len(tokens) and tokens[k].kind in _BASE:
        k += 1
    between = tokens[n + 1 : k]
    if spend_first:
        spend, rest = tokens[i + 1], tokens[k:]
    elif k < len(tokens) and tokens[k].kind == K.SPEND and _by_spend(tokens[k]):
        spend, rest = tokens[k], tokens[k + 1 :]
    else:
        return None
    if not (spend_first or any(t.kind in _BASE_HEADS for t in between) or _only_people(between)):
        return None
    if any(t.kind not in _AFTER for t in rest):
        return None  # "top 3 VIPs by spend are in Shanghai": what follows is no base; asked
    de = Token(K.DE, True, spend.end, spend.end, "的")
    return [*tokens[:i], rank, tokens[n], spend, de, *between, *rest]


def _spend_in_rank_word(rank: Token, nxt: Token) -> bool:
    """ "lowest-spending 20%", "top-spending 10": one English word said the ranking and its
    measure, the count after both."""
    joined = nxt.kind == K.SPEND and nxt.value is True and nxt.start - rank.end <= 1
    return joined and rank.text.isascii() and nxt.text.lower() in _RANK_WORD_MEASURES


_RANK_WORD_MEASURES = frozenset({"spending", "spend", "paying"})


def _only_people(between: list[Token]) -> bool:
    """ "bottom 10% 的客户 by 消费": only the people word between the count and the measure."""
    return bool(between) and any(t.kind == K.CUSTOMER for t in between)


_SAME_WAY = {("top", "most"), ("bottom", "least")}


def _count_first(tokens: list[Token]) -> list[Token]:
    """前5名花钱最多的VIP: the count said before the spend and its 最多 (the same direction) is
    the ranking 花钱前5名的VIP; opposite directions (前5名花钱最少) are left to be asked."""
    for i in range(len(tokens) - 3):
        rank, num, spend, most = tokens[i : i + 4]
        if rank.kind != K.RANK or num.kind != K.NUM or num.unit not in (None, "people"):
            continue
        if spend.kind != K.SPEND or spend.value is not True or most.kind != K.MOST:
            continue
        if (rank.value, most.value) not in _SAME_WAY:
            continue
        return [*tokens[:i], spend, rank, num, *tokens[i + 4 :]]
    return tokens


_MOST_WORDS = {"most": "top", "least": "bottom"}
_DIRECTION = {"top": "most", "bottom": "least"}


def _count_after(tokens: list[Token]) -> list[Token]:
    """消费最少的客户，后10名 / "customers who spent the least in the last 90 days, bottom 10":
    the ranking said first, its count added at the end (top/bottom/前/后 N, the same
    direction) is the ranking of that many. A ranking with no count anywhere ("customers who
    spent the most") becomes spend + 最多, which asks how many; opposite directions stay
    unread, and are asked."""
    superlative = _superlative_at(tokens)
    if superlative is None:
        return tokens
    start, end, direction = superlative
    tail = _without_trailing_glue(tokens[end:])  # "…, bottom 10 please", "后10名客户"
    if tokens[start].kind == K.RANK and not (tail and tail[-1].kind == K.NUM):
        return tokens  # "top spenders": asked how many, as said
    spend = next(t for t in tokens[start:end] if t.kind == K.SPEND)
    said = next(t for t in reversed(tokens[start:end]) if t.kind != K.SPEND)
    most = Token(K.MOST, _DIRECTION[direction], said.start, said.end, said.text)
    counted = _count_said_last(tail, direction)
    if counted is None:
        return [*tokens[:start], spend, most, *tokens[end:]]
    if isinstance(counted, str):
        return tokens  # the other end ("…spent the most, bottom 5"): asked
    rank, num, before = counted
    while before and (before[-1].kind == K.SEP or before[-1].text in ("-", "—", "–")):
        before = before[:-1]  # the comma or dash that set the count apart
    return [*tokens[:start], spend, rank, num, *before]


def _without_trailing_glue(tail: list[Token]) -> list[Token]:
    while tail and tail[-1].kind in (K.SEP, K.FILLER, K.CUSTOMER):
        tail = tail[:-1]
    return tail


def _count_said_last(
    tail: list[Token], direction: str
) -> tuple[Token, Token, list[Token]] | str | None:
    """The count at the end of `tail`: (rank word, number, what is before them); None when
    there is none; "other" when it is of the other end. "top 3" / "后10名" / "倒数5个", or a
    bare number after a request ("give me 5", "要5个"): that many, of the ranking's end."""
    if not tail or tail[-1].kind != K.NUM or tail[-1].unit not in (None, "people"):
        return None
    num, said = tail[-1], tail[-2] if len(tail) > 1 else None
    if said is not None and said.kind == K.RANK and "count" not in said.extra:
        if said.value != direction:
            return "other"
        return said, num, tail[:-2]
    asked_for = said is not None and (
        said.kind == K.INTENT or (said.kind == K.FILLER and said.text in _ASK_FOR)
    )
    if said is not None and (asked_for or (said.kind == K.SEP and num.unit)):
        rank = Token(K.RANK, direction, num.start, num.start, "")
        return rank, num, tail[:-2] if asked_for else tail[:-1]
    return None


# Words that ask for a number of them: "，给我5个", "，要5个", "give me 5".
_ASK_FOR = frozenset({"给我", "要", "只要", "取", "拿", "来", "列", "给", "俾我", "畀我"})


def _uncounted_rank_before_spend(tokens: list[Token], k: int) -> bool:
    """ "our biggest spenders", "top spenders this quarter": a rank word with no count right
    before the spend noun."""
    rank, spend = tokens[k], tokens[k + 1]
    if rank.kind != K.RANK or "count" in rank.extra or "percent" in rank.extra:
        return False
    before = tokens[k - 1] if k > 0 else None
    if before is not None and before.kind == K.NUM:
        return False  # "the 10 biggest spenders": counted
    return spend.kind == K.SPEND and spend.value is True and _by_spend(spend)


def _counted(tokens: list[Token], j: int) -> bool:
    rank = tokens[j]
    after = tokens[j + 1] if j + 1 < len(tokens) else None
    return (
        "count" in rank.extra
        or "percent" in rank.extra
        or (after is not None and after.kind == K.NUM)
    )


def _superlative_at(tokens: list[Token]) -> tuple[int, int, str] | None:
    """Where a spend verb and its most/least stand, with no count of their own: (start, end,
    "top"/"bottom")."""
    for k, spend in enumerate(tokens[:-1]):
        if _uncounted_rank_before_spend(tokens, k):
            return k, k + 2, str(tokens[k].value)  # "our biggest spenders", "top spenders"
        if spend.kind != K.SPEND or spend.value is not True:
            continue
        j = k + 1
        if tokens[j].kind == K.FILLER and tokens[j].text == "the" and j + 1 < len(tokens):
            j += 1
        said = tokens[j]
        if said.kind == K.MOST and said.value in ("most", "least"):
            direction = "top" if said.value == "most" else "bottom"
        elif said.kind == K.RANK and said.text.startswith("最") and not _counted(tokens, j):
            direction = str(said.value)  # 消费最高的 / 消费金额最低的 (not 排名后10)
        elif said.kind == K.UNKNOWN and said.text in _MOST_WORDS:
            direction = _MOST_WORDS[said.text]
        else:
            continue
        if any(t.kind in (K.NUM, K.RANK) for t in tokens[:k]):
            return None  # "the 10 customers who spent the least": counted before, elsewhere
        return k, j + 1, direction
    return None


def _spent_the_most(tokens: list[Token]) -> list[Token]:
    """ "which 3 VIPs spent the most", "the 5 customers in Shanghai who spent the least": a
    count of people, their base, then spent + the most/least — the ranking top/bottom N by
    spend within that base. Without a count it stays unknown and is asked."""
    for k in range(len(tokens) - 1):
        spend = tokens[k]
        rest = [t for t in tokens[k + 1 : k + 3] if not (t.kind == K.FILLER and t.text == "the")]
        if spend.kind != K.SPEND or spend.value is not True or not rest:
            continue
        most = rest[0]
        if most.kind != K.UNKNOWN or most.text not in _MOST_WORDS:
            continue
        j = next((n for n in range(k - 1, -1, -1) if tokens[n].kind == K.NUM), None)
        if j is None or tokens[j].unit not in (None, "people"):
            return tokens
        base = [t for t in tokens[j + 1 : k] if not (t.kind == K.DE and t.text in ("who", "that"))]
        if any(t.kind not in _BASE for t in base) or any(t.kind == K.NUM for t in tokens[:j]):
            return tokens
        rank = Token(K.RANK, _MOST_WORDS[most.text], most.start, most.end, most.text)
        de = Token(K.DE, True, spend.end, spend.end, "的")
        head = [t for t in tokens[:j] if t.kind != K.DE]  # "which": the question, no clause
        return [*head, rank, tokens[j], spend, de, *base, *tokens[tokens.index(most) + 1 :]]
    return tokens


def _by_spend(tok: Token) -> bool:
    """The ranking's measure said after its base ("by spend", "spenders"), not a spend
    condition ("who spent")."""
    text = tok.text.lower()
    by = ("by spend", "by spending", "spenders", "by total spend", "by amount spent")
    return text.endswith(by) or text.startswith(("按", "by"))


_MONEY = {"钱", "錢"}
_SPEND_VERBS = {"花", "花得", "花了", "使", "使得", "使了"}


def split_spend_verb(tokens: list[Token]) -> list[Token]:
    """花最多钱 / 花得最多 / 花了最多錢 / 花钱花得最多: the spend verb 花钱 split by the ranking
    word (or said twice), read as 花钱最多 — the words that rank by spend (消费最多). Only
    before 最多/最少: nothing else is joined."""
    for i, tok in enumerate(tokens[:-1]):
        if tok.text not in _SPEND_VERBS or tok.kind not in (K.UNKNOWN, K.SPEND):
            continue
        if tokens[i + 1].kind != K.MOST:
            continue
        rest = tokens[i + 2 :]
        money = bool(rest) and rest[0].kind == K.UNKNOWN and rest[0].text in _MONEY
        if not money and not tok.text.endswith(("得", "了")):
            continue  # 花最多: 花 alone is no verb the ranking may take
        if money:
            rest = rest[1:]
        head = tokens[:i]
        if head and head[-1].kind == K.SPEND:  # 花钱花得最多: one verb said twice
            head = head[:-1]
        spend = Token(K.SPEND, True, tok.start, tok.end, tok.text)
        return [*head, spend, tokens[i + 1], *rest]
    return tokens
