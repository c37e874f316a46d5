"""Rankings whose base is said inside them: "top 2 VIPs by spend", "top 5 Shanghai customers
by spend", "VIP中花最多钱的3个" — the words put in the order the grammar ranks from."""

from __future__ import annotations

from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

# What may stand between "top N" and "by spend" as the ranked base: one noun phrase of
# attributes (a tag, a city, a gender, my/new customers). A verb, a number or a comparison
# there is a condition of its own, and the sentence is left to the grammar to read or ask.
_BASE = {
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
    becomes its own condition, which the ranking then ranks within (same clause)."""
    for i in range(len(tokens) - 3):
        rank, num = tokens[i], tokens[i + 1]
        if rank.kind != K.RANK or "count" in rank.extra or "percent" in rank.extra:
            continue
        if num.kind != K.NUM or num.unit not in (None, "people", "percent"):
            continue
        k = i + 2
        while k < len(tokens) and tokens[k].kind in _BASE:
            k += 1
        between = tokens[i + 2 : k]
        if k == len(tokens) or tokens[k].kind != K.SPEND or not _by_spend(tokens[k]):
            continue
        if not any(t.kind in _BASE_HEADS for t in between):
            continue
        if any(t.kind not in _AFTER for t in tokens[k + 1 :]):
            continue  # "top 3 VIPs by spend are in Shanghai": what follows is no base; asked
        spend = tokens[k]
        de = Token(K.DE, True, spend.end, spend.end, "的")
        return [*tokens[: i + 2], spend, de, *between, *tokens[k + 1 :]]
    return split_spend_verb(tokens)


def _by_spend(tok: Token) -> bool:
    """The ranking's measure said after its base ("by spend", "spenders"), not a spend
    condition ("who spent")."""
    text = tok.text.lower()
    by = ("by spend", "by spending", "spenders", "by total spend", "by amount spent")
    return text.endswith(by) or text.startswith("按")


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
