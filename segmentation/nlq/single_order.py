"""The amount of one order ("anyone with a single order over ¥5,000", 有一单超过5000的,
一笔订单超过5000元, "spent over 5000 in a single order", "at least one order over 2000"): no
condition of the spec (§2b has the total spent and the average order), so it is asked back,
naming it and offering both — never read as the total, which answers a different question."""

from __future__ import annotations

from typing import TYPE_CHECKING

from segmentation.nlq.ask import Ask
from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Words that say "one" of the orders: a single, any single, 任何一, and the measure words
# (一笔, 一张, 一单's 一) that the tokenizer reads as the number 1.
_SINGLE = frozenset({"a single", "single", "one single", "any single", "任何一", "任一", "任意一"})
_ONE = frozenset({"one", "1", "一", "一笔", "一张", "一次", "一单"})
_LARGEST = frozenset({"largest", "biggest", "highest", "最大", "最高"})
# Between the order and its bound: "one purchase of more than", "largest order was over".
_GLUE = frozenset({"of", "was", "is", "worth", "valued at", "totaling", "totalling", "就", "都"})
_WORDS = {
    ">": ("超过", "over"),
    ">=": ("至少", "at least"),
    "<": ("不到", "under"),
    "<=": ("不超过", "at most"),
    "=": ("正好", "exactly"),
}


def ask_single_order(tokens: list[Token]) -> None:
    """Raises the question back when the tokens bound one order's amount."""
    for i, tok in enumerate(tokens):
        if not _one_order(tokens, i):
            continue
        end = i + (1 if tok.kind == K.UNSUPPORTED else 2)
        verb = end < len(tokens) and tokens[end].kind in (K.EVENT, K.SPEND)
        if tok.kind == K.UNSUPPORTED and verb:
            end += 1  # 单笔落单超过2000: the order's own verb after 单笔
        bound = _bound_after(tokens, end) or _bound_before(tokens, i)
        if bound is not None:
            raise _question(tokens, i, end, bound)


def _one_order(tokens: list[Token], i: int) -> bool:
    """`tokens[i]` starts "one order": a one-word + an order word (or spend word after 一次),
    or the lexicon's own single-order words (单笔, 单张订单 …)."""
    tok = tokens[i]
    if tok.kind == K.UNSUPPORTED:
        return tok.value == "single_order"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is None:
        return False
    order = nxt.kind == K.EVENT and str(nxt.value).startswith("order")
    spend = nxt.kind == K.SPEND and nxt.value is True and tok.text in ("一次", "一笔")
    if not (order or spend):
        return False
    if tok.kind == K.FILLER:
        return tok.text in _SINGLE
    if tok.kind == K.NUM:
        return tok.value == 1 and tok.text.lower() in _ONE
    return tok.kind == K.RANK and tok.text.lower().removeprefix("the ") in _LARGEST


def _amount(tok: Token | None) -> bool:
    return tok is not None and tok.kind == K.NUM and tok.unit != "times"


def _bound_after(tokens: list[Token], j: int) -> tuple[str, Token] | None:
    """(op, number) of "over 5000" / "5000以上" right after the order words."""
    while j < len(tokens) and tokens[j].kind == K.FILLER and tokens[j].text in _GLUE:
        j += 1
    here = tokens[j] if j < len(tokens) else None
    nxt = tokens[j + 1] if j + 1 < len(tokens) else None
    if here is not None and here.kind == K.CMP and _amount(nxt):
        assert nxt is not None
        return str(here.value[0]), nxt
    if _amount(here) and nxt is not None and nxt.kind == K.CMP and nxt.value[1] == "post":
        assert here is not None
        return str(nxt.value[0]), here
    if here is not None and _amount(here) and here.unit == "money":  # "a single order of ¥5000"
        return "=", here
    return None


def _bound_before(tokens: list[Token], i: int) -> tuple[str, Token] | None:
    """ "spent over 5000 in a single order": the bound said first, the one order after it."""
    j = i - 1
    if j >= 0 and tokens[j].kind == K.FILLER and tokens[j].text in ("in", "on", "for"):
        j -= 1
    if j >= 1 and _amount(tokens[j]) and tokens[j - 1].kind == K.CMP:
        return str(tokens[j - 1].value[0]), tokens[j]
    post = j >= 1 and tokens[j].kind == K.CMP and tokens[j].value[1] == "post"
    if post and _amount(tokens[j - 1]):
        return str(tokens[j].value[0]), tokens[j - 1]
    return None


def _question(tokens: list[Token], start: int, end: int, bound: tuple[str, Token]) -> Ask:
    op, number = bound
    said_tokens = tokens[start:end]
    english = all(t.text.isascii() for t in said_tokens)
    said = (" " if english else "").join(t.text for t in said_tokens)
    zh_op, en_op = _WORDS.get(op, ("超过", "over"))
    value = _plain(number)
    aov_zh, total_zh = f"客单价{zh_op}{value}的客户", f"累计消费{zh_op}{value}的客户"
    aov_en = f"customers with an average order value {en_op} {value}"
    total_en = f"customers who spent {en_op} {value} in total"
    return Ask(
        f"“{said}”说的是单笔订单的金额，目前还不能按单笔订单筛选（只能按累计消费或客单价）。"
        f"您是指“{aov_zh}”，还是“{total_zh}”？",
        f"“{said}” is the amount of a single order, which is not a filter yet (only total spend "
        f"or the average order value are). Did you mean '{aov_en}' or '{total_en}'?",
        [aov_en, total_en] if english else [aov_zh, total_zh],
    )


def _plain(number: Token) -> str:
    """The bound as digits (过千 → 1000, 5,000 → 5000), for the suggestions to be read back."""
    value = number.value
    return str(int(value)) if value == value.to_integral_value() else str(value.normalize())
