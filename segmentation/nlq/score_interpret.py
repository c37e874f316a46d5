"""A chunk headed by a predictive-score phrase → a Score condition or a ranking by a score,
or a question back (no scores computed yet, no threshold, an unclear number)."""

from __future__ import annotations

from decimal import Decimal

from segmentation.nlq.ask import Ask
from segmentation.nlq.chunks import Chunk
from segmentation.nlq.reading import (
    Cond,
    Context,
    RankSpec,
    only_kinds,
    read_comparison,
    read_numbers,
)
from segmentation.nlq.score_words import CHURN_DEFAULT, WILL_BUY_DEFAULT
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from segmentation.nodes import And, Node, Score, Window

_FLIP = {">": "<", ">=": "<=", "<": ">", "<=": ">=", "=": "="}
_PROBABILITY = ("p_alive", "churn")
_MONEY = ("expected_avg_value", "clv")
_RANKABLE = {"clv": "clv", "p_alive": "p_alive", "churn": "p_alive"}
_RANKABLE["expected_purchases_30d"] = "expected_purchases_30d"
_EXAMPLES = ("存活概率低于30%", "预计30天内会购买", "客户终身价值前10%")
NOTES = {
    "will_buy": (
        f"“会购买”按预计购买次数至少{WILL_BUY_DEFAULT}次计",
        f"'will buy' means at least {WILL_BUY_DEFAULT} expected purchases",
    ),
    "churn": (
        f"“可能流失”按仍活跃概率低于{CHURN_DEFAULT * 100:.0f}%计",
        f"'likely to churn' means P(alive) below {CHURN_DEFAULT * 100:.0f}%",
    ),
}


def score_condition(chunk: Chunk, ctx: Context) -> Cond:
    """`存活概率低于30%`, `预计90天购买次数超过2`, `CLV超过5000`, `预计30天内会购买`…"""
    allowed = {K.SCORE, K.SCORE_HORIZON, K.NEG, K.CMP, K.MOST, K.NUM, K.TO, K.RANGE_TAIL}
    only_kinds(chunk, allowed | {K.BETWEEN})
    head = _head(chunk, ctx)
    metric = _metric(chunk, head)
    nums = read_numbers(chunk)
    default = head.extra.get("default")
    notes: list[str] = []
    if not nums.values and not nums.ops and default:
        parts = [_default_threshold(default)]
        notes.append(f"default|{NOTES[default][0]}|{NOTES[default][1]}")
        metric = "p_alive" if metric == "churn" else metric
    else:
        if not nums.values:
            raise _no_threshold(chunk)
        parts = [_threshold(chunk, metric, op, value, unit) for op, value, unit in _parts(chunk)]
        metric = "p_alive" if metric == "churn" else metric
    nodes = [Score(metric, op, value) for op, value in parts]  # type: ignore[arg-type]

    def build(_window: Window | None) -> Node:
        return nodes[0] if len(nodes) == 1 else And(tuple(nodes))

    return Cond("score", chunk, build=build, notes=notes)


def score_ranking(chunk: Chunk, rank: Token, ctx: Context) -> Cond:
    """`客户终身价值前10%`, `top 10% by CLV`, `流失概率最高的20个` (= lowest P(alive))."""
    only_kinds(chunk, {K.RANK, K.DE, K.SCORE, K.SCORE_HORIZON})
    head = _head(chunk, ctx)
    metric = _metric(chunk, head)
    if metric not in _RANKABLE or head.extra.get("default"):
        raise Ask(
            "目前只能按客户终身价值（CLV）、仍活跃概率或预计30天购买次数排名，"
            "例如“客户终身价值前10%”。",
            "Rankings by a score are by CLV, P(alive) or expected purchases in the next "
            "30 days only, e.g. 'top 10% by CLV'.",
            ["客户终身价值前10%", "top 10% by CLV"],
        )
    direction = rank.value
    if metric == "churn":  # the highest churn probability is the lowest P(alive)
        direction = "bottom" if direction == "top" else "top"
    by = _RANKABLE[metric]
    spec = RankSpec(direction, rank.extra.get("count"), rank.extra.get("percent"), by)
    if (
        (spec.count is None and spec.percent is None)
        or (spec.count is not None and spec.count <= 0)
        or (spec.percent is not None and not 0 < spec.percent <= 100)
    ):
        raise not_understood(chunk)
    return Cond("rank", chunk, rank=spec)


def _head(chunk: Chunk, ctx: Context) -> Token:
    heads = [t for t in chunk.tokens if t.kind == K.SCORE]
    if len(heads) != 1:
        raise not_understood(chunk)
    head = heads[0]
    if head.value == "vague":
        raise _no_threshold(chunk)
    if not ctx.vocab.scores_available:
        raise Ask(
            "预测评分（仍活跃概率、预计购买次数、客户终身价值）还没有计算出来，暂时不能按它筛选。"
            "评分由每晚的评分任务生成（也可运行 segbot clv score）；需要足够的复购历史。",
            "Predictive scores (P(alive), expected purchases, CLV) have not been computed yet, "
            "so I cannot filter by them. The nightly scoring job computes them (or run "
            "'segbot clv score'); it needs enough repeat-purchase history.",
        )
    if head.problem == "horizon" or any(t.problem for t in chunk.tokens):
        raise Ask(
            "预计购买次数只算了未来30天和90天，请说“预计30天内”或“预计90天内”。",
            "Expected purchases are computed for the next 30 and 90 days only; please say "
            "'in the next 30 days' or 'in the next 90 days'.",
            ["预计30天内会购买", "预计90天内购买2次以上"],
        )
    return head


def _metric(chunk: Chunk, head: Token) -> str:
    horizons = [t.value for t in chunk.tokens if t.kind == K.SCORE_HORIZON]
    if head.value != "purchases":
        if horizons:
            raise not_understood(chunk)
        return str(head.value)
    if len(horizons) != 1:
        raise Ask(
            f"“{chunk.text()}”是指未来30天还是90天？",
            f"Does “{chunk.text()}” mean the next 30 days or the next 90 days?",
            ["预计30天内会购买", "预计90天内会购买"],
        )
    return f"expected_purchases_{horizons[0]}d"


def _default_threshold(default: str) -> tuple[str, Decimal]:
    return (">=", WILL_BUY_DEFAULT) if default == "will_buy" else ("<", CHURN_DEFAULT)


def _parts(chunk: Chunk) -> list[tuple[str, Decimal, str | None]]:
    nums = read_numbers(chunk)
    units = {v.value: v.unit for v in nums.values}
    return [(op, value, units.get(value)) for op, value in read_comparison(chunk, nums, "")]


def _threshold(
    chunk: Chunk, metric: str, op: str, value: Decimal, unit: str | None
) -> tuple[str, Decimal]:
    if metric in _PROBABILITY:
        value = _probability(chunk, value, unit)
        return (_FLIP[op], 1 - value) if metric == "churn" else (op, value)
    allowed = {None, "money"} if metric in _MONEY else {None, "times"}
    if unit not in allowed:
        raise not_understood(chunk)
    return op, value


def _probability(chunk: Chunk, value: Decimal, unit: str | None) -> Decimal:
    if unit == "percent":
        value = value / 100
    elif unit is not None:
        raise not_understood(chunk)
    elif value > 1:
        raise Ask(
            f"“{chunk.text()}”里的{value}是指{value}%吗？概率请写成百分数或0到1之间的小数。",
            f"Does {value} in “{chunk.text()}” mean {value}%? Write a probability as a "
            "percentage or a number between 0 and 1.",
            [f"{value}%"],
        )
    if not 0 <= value <= 1:
        raise not_understood(chunk)
    return value


def _no_threshold(chunk: Chunk) -> Ask:
    return Ask(
        f"“{chunk.text()}”的阈值是多少？请给出具体数字，例如“存活概率低于30%”“CLV超过5000”"
        "或“客户终身价值前10%”。",
        f"What threshold do you mean by “{chunk.text()}”? Give a number, e.g. 'P(alive) < 0.3',"
        " 'CLV over 5000' or 'top 10% by CLV'.",
        _EXAMPLES,
    )


def not_understood(chunk: Chunk) -> Ask:
    return Ask(
        f"没看懂“{chunk.text()}”这部分，请换个说法，例如“存活概率低于30%”。",
        f"I did not understand the part “{chunk.text()}”; please rephrase it, e.g. "
        "'P(alive) below 30%'.",
        _EXAMPLES,
    )
