"""不是A就是B ("if not A then B": either A or B), Cantonese 唔係A就係B: the alternatives, as
A或B — never "not A, and B" (不是 read as a negation made 不是到店就是下单 "did not visit and
ordered"). Only where nothing breaks the two (no comma between them); text inside quotes is a
message or a name and stays.
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

# (normalised: 唔係 arrives as 唔系)
_EITHER = lazy_pattern(
    r"(?:不是|唔系|唔是)(?P<first>[^，,。；;:：“”\s]{1,16}?)(?:就是|就系|便是)(?P<second>[^，,。；;“”\s])"
)
_QUOTED = lazy_pattern(r"“[^”]*”")


def either_or(norm: str) -> str:
    """`norm` with each 不是A就是B said as A或B (outside quotes)."""
    if "就" not in norm and "便是" not in norm:
        return norm
    pieces: list[str] = []
    last = 0
    for quoted in _QUOTED.finditer(norm):
        pieces.append(_EITHER.sub(_as_or, norm[last : quoted.start()]))
        pieces.append(quoted.group())
        last = quoted.end()
    pieces.append(_EITHER.sub(_as_or, norm[last:]))
    return "".join(pieces)


def _as_or(m: re.Match[str]) -> str:
    return f"{m['first']}或{m['second']}"
