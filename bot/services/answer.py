"""Typed answers (issue #18, Design): what the query service answers, for the chat handlers
to format; JSON only at the CLI/API edge (`to_json`, which writes exactly the keys, in the
order, that `segbot query --json` prints — spec/interfaces.md).

Done one intent at a time: a count (CountAnswer) and a question back (ClarifyAnswer) are
typed; the other intents are still the JSON dict the handlers read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from segmentation.nodes import Node, from_json, to_json


@dataclass(frozen=True)
class RankedMember:
    """One customer of a ranking ("消费最多的10个") and the value it is ranked by."""

    external_userid: str
    value: float


@dataclass(frozen=True)
class CountAnswer:
    """How many customers a segment has in the asker's scope. The members themselves only
    when they were asked for (`segbot query`, `--after`): the chat shows a number, counted by
    the database."""

    segment: Node
    description: str
    count: int
    # Sorted by id; None: counted without loading them.
    customers: tuple[str, ...] | None = None
    # A ranking's members in rank order, and the values ranked by.
    listed: tuple[str, ...] | None = None
    ranking: tuple[RankedMember, ...] | None = None
    # Said when a non-admin's answer was limited to their scope (bot.services.query).
    scope_note: str | None = None
    intent: ClassVar[str] = "count"

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {
            "intent": self.intent,
            "segment": to_json(self.segment),
            "description": self.description,
            "count": self.count,
        }
        if self.customers is not None:
            out["customers"] = list(self.customers)
        if self.listed is not None:
            out["listed"] = list(self.listed)
        if self.scope_note:
            out["scope_note"] = self.scope_note
        if self.ranking is not None:
            out["ranking"] = [
                {"external_userid": r.external_userid, "value": r.value} for r in self.ranking
            ]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CountAnswer:
        """The typed answer of a count's JSON (SegmentFormatError, KeyError or ValueError
        when it is not one)."""
        if data.get("intent") != cls.intent:
            raise ValueError(f"not a count: {data.get('intent')!r}")
        customers, listed = data.get("customers"), data.get("listed")
        ranking = data.get("ranking")
        note = data.get("scope_note")
        return cls(
            segment=from_json(data["segment"]),
            description=str(data.get("description") or ""),
            count=int(data["count"]),
            customers=None if customers is None else tuple(str(c) for c in customers),
            listed=None if listed is None else tuple(str(c) for c in listed),
            ranking=None
            if ranking is None
            else tuple(RankedMember(str(r["external_userid"]), r["value"]) for r in ranking),
            scope_note=str(note) if note else None,
        )


@dataclass(frozen=True)
class ClarifyAnswer:
    """A question back: what to ask, the numbered suggestions a pick may choose from, and —
    for "which window?" — the segment (canonical JSON) each suggestion stands for."""

    message: str
    suggestions: tuple[str, ...] = ()
    choices: tuple[dict[str, Any], ...] | None = None
    intent: ClassVar[str] = "clarify"

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {
            "intent": self.intent,
            "message": self.message,
            "suggestions": list(self.suggestions),
        }
        if self.choices is not None:
            out["choices"] = list(self.choices)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ClarifyAnswer:
        if data.get("intent") != cls.intent:
            raise ValueError(f"not a question back: {data.get('intent')!r}")
        choices = data.get("choices")
        return cls(
            message=str(data.get("message") or ""),
            suggestions=tuple(str(s) for s in data.get("suggestions") or ()),
            choices=None
            if not isinstance(choices, list)
            else tuple(c for c in choices if isinstance(c, dict)),
        )
