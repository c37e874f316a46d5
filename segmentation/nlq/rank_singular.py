"""Rankings asked in the singular (issue 19): 消费最多的客户是谁, 我手上消費最多嘅客係邊個, 北京啲客
邊個使錢最少, the top spender, who's the biggest spender among VIPs, which customer spent the
most — one customer is asked for: the top (or bottom) 1. A plural or number-free question
(消费最多的客户有哪些, top spenders, 消费最多的客户) still asks how many.

Size words rank by spend, the only ranking the spec defines: 最大的五个客户 / 最大的客户是谁 /
the 5 biggest customers / our largest customer are the top by spend (最小 / smallest: the
bottom)."""

from __future__ import annotations

from decimal import Decimal

from segmentation.nlq.rank_base import split_spend_verb
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

# Who/which-one words that ask for one (Chinese has no plural noun: the question word says it).
_ONE_ZH = ("谁", "边个", "哪个", "哪位", "哪一个", "哪一位", "边位", "边一个", "边一位", "哪一名")
# Words that ask for several: 有哪些, 都有谁, 边啲, 哪几个, 他们.
_SEVERAL_ZH = ("哪些", "有谁", "都是谁", "边啲", "哪几", "边几", "们", "几个", "几位", "多少")
_ONE_EN = frozenset({"spender", "customer", "client", "buyer", "person", "account", "contact"})
_SEVERAL_EN = frozenset(
    {"spenders", "customers", "clients", "buyers", "people", "accounts", "contacts", "ones"}
)
_THAT = frozenset({"那", "这", "這", "嗰"})
_MOST_EN = {"most": "most", "least": "least"}
_SIZE_ZH = {"最大": "most", "最小": "least"}
_SIZE_EN = ("biggest", "largest", "smallest")


def singular_rankings(tokens: list[Token]) -> list[Token]:
    """`tokens` with a count of 1 after a ranking that has none, when the question asks for
    one customer; size words before customers read as a ranking by spend."""
    # 谁花得最多 / 邊個使得最多: the spend verb split by 得 is the spend word before 最多
    tokens = _size_words(_which_one(split_spend_verb(tokens)))
    if not _asks_for_one(tokens):
        return tokens
    for i, tok in enumerate(tokens):
        if _uncounted_ranking(tokens, i):
            return [*tokens[: i + 1], _one(tok), *tokens[i + 1 :]]
        if _spent_the_most(tokens, i):
            return [*tokens[:i], _one(tok), *tokens[i:]]
    return tokens


# Tokens whose words name someone (我们部门, a tag): no question word is inside them.
_NAMING = frozenset({K.MY, K.MYDEPT, K.NAME, K.QUOTE})


def _which_one(tokens: list[Token]) -> list[Token]:
    """哪一位 / 边一个 (哪 + a count of one): the question word for one, not a count."""
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        which = tok.kind == K.INTENT and tok.text in ("哪", "边")
        if which and nxt.kind == K.NUM and nxt.value == 1 and nxt.unit in (None, "people"):
            one = Token(K.INTENT, tok.value, tok.start, nxt.end, f"{tok.text}一个")
            return [*tokens[:i], one, *tokens[i + 2 :]]
    return tokens


def _asks_for_one(tokens: list[Token]) -> bool:
    texts = [t.text for t in _outside_base(tokens) if t.kind not in _NAMING and t.text]
    if any(w in text for text in texts for w in _SEVERAL_ZH) or _SEVERAL_EN & set(texts):
        return False
    if any(text.endswith(w) for text in texts for w in _ONE_ZH if not text.isascii()):
        return True
    return bool(_ONE_EN & set(texts)) or any(t.kind == K.DE and t.text == "who" for t in tokens)


def _outside_base(tokens: list[Token]) -> list[Token]:
    """The words that say whom the question asks for, without the base it ranks within:
    "among VIP customers" (English names the base after), "VIP客户们里" (before 里/中)."""
    for i, tok in enumerate(tokens):
        if tok.kind == K.CLAUSE and tok.value == "among":
            return tokens[:i]
        if tok.kind == K.CLAUSE:
            return tokens[i + 1 :]
    return tokens


def _uncounted_ranking(tokens: list[Token], i: int) -> bool:
    """最多/最少 right after a spend word, or top/biggest before a spender, with no count after
    it (nor a percentage: 前20%)."""
    tok = tokens[i]
    after = _next_meaningful(tokens, i + 1)
    if after is not None and (after.kind == K.UNIT or after.text in _THAT):
        return False  # 最多的那个(人): the demonstrative's own count (rank_words.py)
    if any(t.kind == K.NUM for t in tokens[i + 1 :]) or (i > 0 and tokens[i - 1].kind == K.NUM):
        return False  # 最多的5个 / 最多2次 / 消费最多的前5个 / the 5 biggest: counted
    if tok.kind == K.MOST:
        return i > 0 and tokens[i - 1].kind == K.SPEND and tokens[i - 1].value is True
    if tok.kind == K.RANK and "count" not in tok.extra and "percent" not in tok.extra:
        spend_after = after is not None and after.kind == K.SPEND and after.value is True
        spend_before = i > 0 and tokens[i - 1].kind == K.SPEND and tokens[i - 1].value is True
        return spend_after or spend_before  # the top spender / 消费最高的
    return False


def _spent_the_most(tokens: list[Token], i: int) -> bool:
    """ "who spent the most", "which customer spent the least": the count goes before the
    spend verb, where "which 3 customers spent the most" has its own."""
    tok = tokens[i]
    if tok.kind != K.SPEND or tok.value is not True or any(t.kind == K.NUM for t in tokens):
        return False
    rest = [t for t in tokens[i + 1 : i + 3] if not (t.kind == K.FILLER and t.text == "the")]
    return bool(rest) and rest[0].kind == K.UNKNOWN and rest[0].text in _MOST_EN


def _next_meaningful(tokens: list[Token], i: int) -> Token | None:
    while i < len(tokens) and tokens[i].kind in (K.DE, K.FILLER):
        i += 1
    return tokens[i] if i < len(tokens) else None


def _one(tok: Token) -> Token:
    return Token(K.NUM, Decimal(1), tok.end, tok.end, "1", unit="people")


def _size_words(tokens: list[Token]) -> list[Token]:
    """最大/最小 (a word the lexicon does not have) and biggest/largest/smallest said of
    customers, not of spenders: a ranking by spend."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        after = _next_meaningful(tokens, i + 1)
        people = after is not None and (
            after.kind == K.CUSTOMER or (after.kind == K.NUM and after.unit == "people")
        )
        if tok.kind == K.UNKNOWN and tok.text in _SIZE_ZH and people:
            out.append(Token(K.SPEND, True, tok.start, tok.start, "消费"))
            out.append(Token(K.MOST, _SIZE_ZH[tok.text], tok.start, tok.end, tok.text))
            continue
        out.append(tok)
        sized = tok.kind == K.RANK and tok.text.endswith(_SIZE_EN) and "percent" not in tok.extra
        if sized and after is not None and after.kind == K.CUSTOMER:
            out.append(Token(K.SPEND, True, tok.end, tok.end, ""))
    return out
