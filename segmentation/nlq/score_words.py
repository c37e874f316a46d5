"""Finding the predictive-score phrases in normalised text (P(alive), 流失概率, 预计30天内会购买,
客户终身价值/CLV, 预计客单价): a scanner the tokenizer runs beside the lexicon.

A phrase becomes one SCORE token whose value is the score it names: a score column, "churn"
(= 1 − p_alive) or "purchases" (expected purchases, horizon given elsewhere). `extra` says
whether the phrase carries a documented default threshold ("会购买", "likely to churn") or is
vague ("CLV高") and must be asked back. English horizons ("in the next 30 days") are separate
SCORE_HORIZON tokens, since they may follow the numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.nlq.numbers import scan_number

# Documented defaults (README "Predictive segments", docs/predictive.md).
WILL_BUY_DEFAULT = Decimal("0.5")  # "will buy in the next N days": expected purchases ≥ 0.5
CHURN_DEFAULT = Decimal("0.3")  # "likely to churn": p_alive < 0.3
HORIZONS = (30, 90)

_LEVEL = r"(?:很|较|比较|非常|特别)?"
_P_ALIVE_ZH = r"(?:仍然?|依然|还)?(?:活跃|存活|留存)(?:的)?(?:概率|几率|机率|可能性|率)"
_P_ALIVE_EN = (
    r"p\s*\(\s*alive\s*\)|p_alive|p alive|palive|"
    r"(?:probability|chance|likelihood) (?:of )?(?:still )?(?:being |staying )?(?:alive|active)|"
    r"(?:alive|survival) probability"
)
_CHURN_ZH = r"流失(?:的)?(?:概率|几率|机率|可能性)"
_CHURN_EN = (
    r"churn (?:probability|likelihood|chance)|"
    r"(?:probability|likelihood|chance) of churn(?:ing)?"
)
_CLV_ZH = r"(?:预测|预计)?(?:的)?(?:客户)?(?:终身价值|生命周期价值)"
_CLV_EN = r"(?:predicted )?(?:customer )?lifetime value|(?:predicted )?(?:clv|ltv)"
_AVG_ZH = r"(?:预计|预测|预期)(?:的)?(?:客单价|每单金额|单均价|平均订单金额|平均每单金额|订单均价)"
_AVG_EN = r"(?:expected|predicted) (?:average )?(?:order value|value per (?:purchase|order)|aov)"
_N = r"(?P<n>\d+|[零一二两三四五六七八九十百]+)"
_PURCHASE_ZH = (
    r"(?:(?P<pre>预计|预测|预期)(?:在)?(?:未来|接下来|今后)?|(?P<fut>未来|接下来|今后))"
    rf"(?:{_N}(?:天|日)(?:内|之内|以内|里)?)?"
    r"(?P<modal>会|将|可能会|可能|预计会|有望)?"
    r"(?P<verb>购买|下单|复购|回购|买)"
    r"(?P<noun>的?次数|的?天数)?"
)
_PURCHASE_EN = (
    r"(?P<will>(?:expected|predicted|likely) to (?:buy|purchase|order|repurchase)(?: again)?|"
    r"will (?:buy|purchase|order)(?: again)?)|"
    r"(?:expected|predicted) (?:number of )?(?:purchases|orders)"
)
_HORIZON_EN = (
    r"(?:(?:in|within|over|during|for) )?(?:the )?(?:next|coming) "
    r"(?P<n>\d+|thirty|ninety) days"
)
_VAGUE_CHURN = (
    r"(?:很|比较|较|非常)?(?:可能|容易|快要?|即将)(?:会)?流失|"
    rf"{_CHURN_ZH}{_LEVEL}(?:高|大)(?!于)|{_P_ALIVE_ZH}{_LEVEL}(?:低|小)(?!于)|"
    r"(?:likely|about|going) to churn|high churn (?:probability|risk)"
)
_VAGUE_OTHER = (
    rf"(?:{_P_ALIVE_ZH}|{_CHURN_ZH}|{_CLV_ZH}|{_AVG_ZH}|clv|ltv) ?"
    rf"{_LEVEL}(?:高|低|大|小|多|少)(?!于)"
)
_ENGLISH = frozenset({_PURCHASE_EN, _AVG_EN, _P_ALIVE_EN, _CHURN_EN, _CLV_EN})
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (latin_pattern(p) if p in _ENGLISH else lazy_pattern(p), kind)
    for p, kind in (
        (_VAGUE_CHURN, "vague_churn"),
        (_VAGUE_OTHER, "vague"),
        (_PURCHASE_ZH, "purchase_zh"),
        (_PURCHASE_EN, "purchase_en"),
        (_AVG_ZH, "expected_avg_value"),
        (_AVG_EN, "expected_avg_value"),
        (_P_ALIVE_ZH, "p_alive"),
        (_P_ALIVE_EN, "p_alive"),
        (_CHURN_ZH, "churn"),
        (_CHURN_EN, "churn"),
        (_CLV_ZH, "clv"),
        (_CLV_EN, "clv"),
    )
)
_HORIZON = latin_pattern(_HORIZON_EN)


@dataclass(frozen=True)
class ScoreMatch:
    end: int
    kind: str  # "score" or "horizon"
    value: Any  # the score name, or the horizon in days
    extra: dict[str, Any] = field(default_factory=dict)
    problem: str | None = None


def scan_score(text: str, pos: int) -> ScoreMatch | None:
    """The longest score phrase (or English horizon) starting at `pos`, or None."""
    if pos > 0 and _latin(text[pos - 1]) and _latin(text[pos]):
        return None
    best: ScoreMatch | None = None
    for pattern, kind in _PATTERNS:
        match = pattern.match(text, pos)
        if match is None or not _ends_cleanly(text, match.end()):
            continue
        found = _score_match(match, kind)
        if found is not None and (best is None or found.end > best.end):
            best = found
    horizon = _HORIZON.match(text, pos)
    clean = horizon is not None and _ends_cleanly(text, horizon.end())
    if horizon is not None and clean and (best is None or horizon.end() > best.end):
        days = _days(horizon.group("n"))
        problem = None if days in HORIZONS else "horizon"
        best = ScoreMatch(horizon.end(), "horizon", days, problem=problem)
    return best


def _score_match(match: re.Match[str], kind: str) -> ScoreMatch | None:
    end = match.end()
    if kind == "vague_churn":
        return ScoreMatch(end, "score", "churn", {"default": "churn"})
    if kind == "vague":
        return ScoreMatch(end, "score", "vague")
    if kind == "purchase_zh":
        if match.group("fut") and not match.group("modal"):
            return None  # "未来30天买" without 会/可能: not clearly a prediction
        days = _days(match.group("n")) if match.group("n") else None
        extra: dict[str, Any] = {} if match.group("noun") else {"default": "will_buy"}
        return _purchases(end, days, extra)
    if kind == "purchase_en":
        return _purchases(end, None, {"default": "will_buy"} if match.group("will") else {})
    return ScoreMatch(end, "score", kind)


def _purchases(end: int, days: int | None, extra: dict[str, Any]) -> ScoreMatch:
    if days is None:
        return ScoreMatch(end, "score", "purchases", extra)
    if days not in HORIZONS:
        return ScoreMatch(end, "score", "purchases", extra, problem="horizon")
    return ScoreMatch(end, "score", f"expected_purchases_{days}d", extra)


def _days(raw: str) -> int | None:
    words = {"thirty": 30, "ninety": 90}
    if raw in words:
        return words[raw]
    found = scan_number(raw, 0)
    if found is None or found[1] != len(raw) or found[0] != found[0].to_integral_value():
        return None
    return int(found[0])


def _latin(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _ends_cleanly(text: str, end: int) -> bool:
    """A phrase ending in a Latin letter must not run into the next word ("clvs")."""
    return not (0 < end < len(text) and _latin(text[end - 1]) and _latin(text[end]))
