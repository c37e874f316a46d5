"""The facts a list row can show ("近90天消费 ¥1,280", the last inquiry, the score…): plain
values the condition kinds (segmentation/kinds) name and segmentation/facts.py reads."""

from __future__ import annotations

from dataclasses import dataclass

from segmentation.nodes import Window


@dataclass(frozen=True)
class LastEvent:
    """The latest event of `kind` (its amount too, for kinds with amounts); `negated`: the
    question asked for its absence, so "never" is worth saying."""

    kind: str
    negated: bool = False
    # The window the question asked it in (None: all time, or asked for its absence): the
    # latest shown is the latest up to the window's end, so "ordered the week before last"
    # shows the order of that week, not one placed since.
    window: Window | None = None


@dataclass(frozen=True)
class EventTally:
    """How many events of `kind` in the window (a count question), and the latest one."""

    kind: str
    window: Window | None


@dataclass(frozen=True)
class WindowSpend:
    """Order amounts summed over the window (None: lifetime)."""

    window: Window | None


@dataclass(frozen=True)
class ScoreValue:
    metric: str


@dataclass(frozen=True)
class MatchingTags:
    """The customer's tags among these names (compared case-insensitively, shown as stored)."""

    names: tuple[str, ...]


@dataclass(frozen=True)
class AddedAt:
    """When the customer was first added by anyone (ended follows included)."""


@dataclass(frozen=True)
class CityName:
    pass


@dataclass(frozen=True)
class LastActivity:
    """The latest event of any kind, else when the customer was first added: the fact of a
    question about attributes only (and what its list is ordered by)."""


Fact = (
    LastEvent | EventTally | WindowSpend | ScoreValue | MatchingTags | AddedAt | CityName
    | LastActivity
)  # fmt: skip
