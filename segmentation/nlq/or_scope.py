"""Whether an or between different kinds of condition, before 的 / who, leaves its scope unsaid."""

from __future__ import annotations

from segmentation.nlq.reading import Cond
from segmentation.nlq.token_kinds import K

# Links that end a run of alternatives without being part of it.
_RUN_BREAKS = frozenset({K.DE, K.SEP, K.CUSTOMER})
# Only 的 (and the customers' noun) between the alternatives and what follows: a comma or an
# and-word there ("VIP或者上海的，并且是金卡") says the grouping.
_MODIFIER_ONLY = frozenset({K.DE, K.CUSTOMER})


def mixed_or_before_modifier(seq: list[Cond], links: list[set[object]]) -> list[Cond] | None:
    """The conditions of "A or B 的 C" when A and B are different kinds and one is a class.

    "VIP或者上海的金卡客户" / "customers in Shanghai or tagged VIP who ordered": a class (a tag, a
    city) stands alone as customers, so the or may join it to the whole "B 的 C" as well as to
    B alone; the spec asks back an or mixed with an and whose grouping is unsaid. Values of
    one attribute ("VIP或者金卡嘅上海客") are a list, and events only
    ("下过单或者到过店的上海客户") read as one clause before its noun: both keep the grouping
    的 gives them."""
    run = [seq[0]]
    for cond, link in zip(seq[1:], links, strict=True):
        if K.OR in link and not link & _RUN_BREAKS:
            run.append(cond)
            continue
        if K.DE in link and link <= _MODIFIER_ONLY and _mixed_with_a_class(run):
            return [*run, cond]
        run = [cond]
    return None


def _mixed_with_a_class(run: list[Cond]) -> bool:
    kinds = {cond.attr for cond in run}
    return len(run) > 1 and len(kinds) > 1 and any(not cond.windowable for cond in run)
