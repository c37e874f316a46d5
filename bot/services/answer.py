"""Typed answers (issue #18, Design): what the query service answers, for the chat handlers
to format; JSON only at the CLI/API edge (`to_json`, which writes exactly the keys, in the
order, that `segbot query --json` prints — spec/interfaces.md).

Typed: a count (CountAnswer), a question back (ClarifyAnswer), an answer about a segment's
customers — a list, an export, a description, an explanation, a save, an action
(SegmentAnswer), a breakdown (BreakdownAnswer), a customer card (CardAnswer), membership
changes (ChangesAnswer), the saved segments (SavedAnswer) — and a plain message
(MessageAnswer: help, refused …), the digest (DigestAnswer). A page of a list is still the
JSON dict of `segbot query --after`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from segmentation.nodes import Node, from_json, to_json

if TYPE_CHECKING:
    from bot.services.card_facts import AskedFact
    from bot.services.customer_card import CustomerCard
    from segmentation.insights.model import Insight


@dataclass(frozen=True)
class Refinement:
    """What a refinement narrowed ("这些里上海的"): the previous answer's segment, and the
    kinds of condition it added — so "北京的呢" next asks about the same customers."""

    parent: Node
    added: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        return {"parent": to_json(self.parent), "added": list(self.added)}

    @classmethod
    def from_json(cls, data: Any) -> Refinement | None:
        if not isinstance(data, Mapping) or not isinstance(data.get("parent"), dict):
            return None
        return cls(from_json(data["parent"]), tuple(str(k) for k in data.get("added") or ()))


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
    refined: Refinement | None = None
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
        if self.refined is not None:
            out["refined"] = self.refined.to_json()
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
            refined=Refinement.from_json(data.get("refined")),
        )


@dataclass(frozen=True)
class ClarifyAnswer:
    """A question back: what to ask, the numbered suggestions a pick may choose from, and —
    for "which window?" — the segment (canonical JSON) each suggestion stands for."""

    message: str
    suggestions: tuple[str, ...] = ()
    choices: tuple[dict[str, Any], ...] | None = None
    # With `choices`: what the question was asked for ("北京的有多少" counts), so a pick answers
    # that, not what the answer before it was asked for; "" repeats the previous question.
    asked_intent: str = ""
    # "hant": asked about a conversation question written in Traditional characters.
    script: str | None = None
    # "Which earlier list?" (chat only): the lists offered, as the conversation keeps them,
    # and what was asked of the one picked ("" to show it again).
    earlier: tuple[dict[str, Any], ...] = ()
    then: str = ""
    # "customer": a customer's card was asked for and nobody matched, so a name next ("那Judy
    # 呢") is another customer asked about.
    about: str = ""
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
        if self.script:
            out["script"] = self.script
        if self.about:
            out["about"] = self.about
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
            script=str(data["script"]) if data.get("script") else None,
            about=str(data.get("about") or ""),
        )


@dataclass(frozen=True)
class Action:
    """What a command carries besides its segment: the tag of a tagging, the message, coupon
    and schedule of a push, the name of a save, the format of an export, the customer of an
    explanation. None: not said."""

    tag: str | None = None
    message: str | None = None
    coupon: Any = None
    schedule: dict[str, Any] | None = None
    name: str | None = None
    format: str | None = None
    customer: str | None = None
    negated: bool | None = None
    per_customer: bool | None = None
    # "hant": a push or schedule asked in Traditional characters, so the coupon line written
    # for its customers is too (bot.services.campaigns.push_preview.campaign_content).
    script: str | None = None

    @classmethod
    def of(cls, details: Mapping[str, Any]) -> Action:
        """The action details of a parsed command's (or an answer's JSON) details."""
        keys = (*ACTION_KEYS, "script")
        return cls(**{k: details[k] for k in keys if details.get(k) is not None})

    def items(self, keys: tuple[str, ...] | None = None) -> dict[str, Any]:
        """The details said, in the order `segbot query --json` prints them."""
        return {
            k: getattr(self, k)
            for k in (ACTION_KEYS if keys is None else keys)
            if getattr(self, k) is not None
        }

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) is not None for f in fields(self))


# The action details, in the order `segbot query --json` prints them.
ACTION_KEYS = (
    "tag",
    "message",
    "coupon",
    "schedule",
    "name",
    "format",
    "customer",
    "negated",
    "per_customer",
)


@dataclass(frozen=True)
class SegmentAnswer:
    """An answer about a segment's customers other than a plain count: a list, an export, a
    description, an explanation, a save, or an action to confirm (tag, untag, push,
    schedule). Its members are loaded (a list shows them, an action is sized by them)."""

    intent: str
    segment: Node
    description: str
    customers: tuple[str, ...]
    # The order chat lists them and exports write them (lists, exports, rankings).
    listed: tuple[str, ...] | None = None
    action: Action = Action()
    needs_confirmation: bool = False
    scope_note: str | None = None
    ranking: tuple[RankedMember, ...] | None = None
    # describe: the persona, typical values and scorecard of the segment.
    insight: Insight | None = None
    # push/schedule: the preview's facts, as `segbot query --json` prints them.
    push_preview: Mapping[str, Any] | None = None
    refined: Refinement | None = None
    # "hant": a list asked in Traditional characters (its rows and pages answer in them).
    script: str | None = None
    # An action on customers named in the message ("给王静打上VIP标签"), not on a segment's:
    # their external_userids (the segment is everyone the asker may see).
    named: tuple[str, ...] | None = None

    @property
    def count(self) -> int:
        return len(self.customers)

    def ordered(self) -> list[str]:
        """The customers in the order chat lists them: `listed`, else a ranking's, else
        sorted by id."""
        if self.listed is not None:
            return list(self.listed)
        if self.ranking:
            return [r.external_userid for r in self.ranking]
        return list(self.customers)

    def as_count(self) -> CountAnswer:
        return CountAnswer(
            self.segment,
            self.description,
            self.count,
            scope_note=self.scope_note,
            refined=self.refined,
        )

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {
            "intent": self.intent,
            "segment": to_json(self.segment),
            "description": self.description,
            "count": self.count,
            "customers": list(self.customers),
        }
        if self.listed is not None:
            out["listed"] = list(self.listed)
        out.update(self.action.items())
        if self.needs_confirmation:
            out["needs_confirmation"] = True
        if self.scope_note:
            out["scope_note"] = self.scope_note
        if self.ranking is not None:
            out["ranking"] = [
                {"external_userid": r.external_userid, "value": r.value} for r in self.ranking
            ]
        if self.insight is not None:
            from segmentation.insights.describe import insight_to_json  # describe only
            from segmentation.insights.sketch import insight_markdown

            out.update(insight_to_json(self.insight))
            out["markdown"] = insight_markdown(self.insight)
        if self.push_preview is not None:
            if self.action.message is not None:
                out["message_template"] = self.action.message
            out.update(self.push_preview)
        if self.refined is not None:
            out["refined"] = self.refined.to_json()
        if self.script:
            out["script"] = self.script
        if self.named is not None:
            out["named"] = list(self.named)
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SegmentAnswer:
        """The typed answer of a segment answer's JSON (from a query service plugged in
        elsewhere); SegmentFormatError, KeyError or ValueError when it is not one. A
        description's insight is not read back: the chat describes the segment again."""
        details = dict(data)
        if "message_template" in data:  # a previewed push: `message` is the rendered text
            details["message"] = data["message_template"]
        elif "recipients" in data:
            details.pop("message", None)
        ranking = data.get("ranking")
        listed = data.get("listed")
        note = data.get("scope_note")
        named = data.get("named")
        preview = (
            {k: v for k, v in data.items() if k in _PREVIEW_KEYS} if "recipients" in data else {}
        )
        return cls(
            intent=str(data["intent"]),
            segment=from_json(data["segment"]),
            description=str(data.get("description") or ""),
            customers=tuple(str(c) for c in data.get("customers") or ()),
            listed=None if listed is None else tuple(str(c) for c in listed),
            action=Action.of(details),
            needs_confirmation=bool(data.get("needs_confirmation")),
            scope_note=str(note) if note else None,
            ranking=None
            if not isinstance(ranking, list)
            else tuple(RankedMember(str(r["external_userid"]), r["value"]) for r in ranking),
            push_preview=preview or None,
            refined=Refinement.from_json(data.get("refined")),
            script=str(data["script"]) if data.get("script") else None,
            named=None if named is None else tuple(str(c) for c in named),
        )


# Keys of a push preview (bot.services.campaigns.push_preview.PushFacts.to_json) an answer's
# JSON may carry; read back only for a plugged-in query service's answers.
_PREVIEW_KEYS = frozenset(
    {
        "message",
        "send_at",
        "quiet_hours",
        "recipients",
        "holdout",
        "excluded",
        "cost_max",
        "tasks",
        "needs_approval",
        "approvers",
        "coupon_expires",
    }
)


@dataclass(frozen=True)
class MessageAnswer:
    """An answer that is only words: help, "ask a question first", refused, a campaign's."""

    intent: str
    message: str

    def to_json(self) -> dict[str, Any]:
        return {"intent": self.intent, "message": self.message}


@dataclass(frozen=True)
class BreakdownGroup:
    """One row of a breakdown: the group's key, its name in the asker's language, its count."""

    key: str
    label: str
    count: int


@dataclass(frozen=True)
class BreakdownAnswer:
    """A grouped count of a segment's customers in the asker's scope ("每个销售各有多少客户",
    "how many customers per city"): every group, largest first; the chat shows the `top`."""

    by: str
    by_label: str
    language: str
    tag_group: str | None
    segment: Node
    description: str
    count: int
    overlapping: bool
    top: int
    groups: tuple[BreakdownGroup, ...]
    script: str | None = None
    scope_note: str | None = None
    # "which city has the most/fewest …": the group(s) at that end are named first.
    extreme: str | None = None
    # "最后两名" after the table: how many groups at that end are named (ties kept).
    extreme_groups: int = 1
    # "都是谁的" / "who owns them": a look at the answer just given, not a question of the
    # thread — a swap after it ("那北京的呢") asks the question before it again.
    aside: bool = False
    intent: ClassVar[str] = "breakdown"

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {
            "intent": self.intent,
            "by": self.by,
            "by_label": self.by_label,
            "language": self.language,
            "tag_group": self.tag_group,
            "segment": to_json(self.segment),
            "description": self.description,
            "count": self.count,
            "overlapping": self.overlapping,
            "top": self.top,
            "groups": [{"key": g.key, "label": g.label, "count": g.count} for g in self.groups],
        }
        if self.script:
            out["script"] = self.script
        if self.scope_note:
            out["scope_note"] = self.scope_note
        if self.extreme:
            out["extreme"] = self.extreme
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> BreakdownAnswer:
        if data.get("intent") != cls.intent:
            raise ValueError(f"not a breakdown: {data.get('intent')!r}")
        group = data.get("tag_group")
        return cls(
            by=str(data["by"]),
            by_label=str(data.get("by_label") or data["by"]),
            language=str(data.get("language") or "zh"),
            tag_group=None if group is None else str(group),
            segment=from_json(data["segment"]),
            description=str(data.get("description") or ""),
            count=int(data["count"]),
            overlapping=bool(data.get("overlapping")),
            top=int(data.get("top") or 8),
            groups=tuple(
                BreakdownGroup(str(g["key"]), str(g["label"]), int(g["count"]))
                for g in data.get("groups") or ()
            ),
            script=str(data["script"]) if data.get("script") else None,
            scope_note=str(data["scope_note"]) if data.get("scope_note") else None,
            extreme=str(data["extreme"]) if data.get("extreme") else None,
        )


@dataclass(frozen=True)
class CardMatch:
    """A customer the words of a card question name."""

    external_userid: str
    name: str
    # What tells same-named customers apart in a numbered question: who follows them, where.
    owners: tuple[str, ...] = ()
    city: str = ""


def _match_json(match: CardMatch) -> dict[str, Any]:
    out: dict[str, Any] = {"external_userid": match.external_userid, "name": match.name}
    if match.owners:
        out["owners"] = list(match.owners)
    if match.city:
        out["city"] = match.city
    return out


@dataclass(frozen=True)
class CardAnswer:
    """A customer card question ("客户王静的情况", "show me 陈明's profile"): the customers
    the words name among those the asker may see, and the card when exactly one does."""

    query: str
    by: str  # "name", "phone_tail", or "pick" (one chosen from a numbered question back)
    matches: tuple[CardMatch, ...]
    card: CustomerCard | None
    language: str | None = None
    script: str | None = None
    # what the question asked of the customer's history ("他买过什么"), answered first
    asked: tuple[AskedFact, ...] = ()
    intent: ClassVar[str] = "customer"

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {"intent": self.intent, "query": self.query, "by": self.by}
        if self.language is not None:
            out["language"] = self.language
        out["matches"] = [_match_json(m) for m in self.matches]
        out["card"] = None if self.card is None else self.card.to_json()
        if self.script:
            out["script"] = self.script
        if self.asked:
            out["asked"] = [fact.to_json() for fact in self.asked]
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CardAnswer:
        from bot.services.card_facts import AskedFact  # the facts' own reader
        from bot.services.customer_card import CustomerCard  # the card's own reader

        if data.get("intent") != cls.intent:
            raise ValueError(f"not a customer card: {data.get('intent')!r}")
        card = data.get("card")
        language = data.get("language")
        return cls(
            query=str(data.get("query") or ""),
            by=str(data.get("by") or "name"),
            matches=tuple(
                CardMatch(
                    str(m["external_userid"]),
                    str(m["name"]),
                    tuple(str(o) for o in m.get("owners") or ()),
                    str(m.get("city") or ""),
                )
                for m in data.get("matches") or ()
            ),
            card=CustomerCard.from_json(card) if isinstance(card, dict) else None,
            language=None if language is None else str(language),
            script=str(data["script"]) if data.get("script") else None,
            asked=tuple(
                fact
                for fact in (AskedFact.from_json(f) for f in data.get("asked") or ())
                if fact is not None
            ),
        )


@dataclass(frozen=True)
class ChangeWindow:
    """The period a membership change question is about, as said ("近7天", default or not)."""

    start: datetime
    end: datetime
    text: str
    default: bool

    def to_json(self) -> dict[str, Any]:
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "text": self.text, "default": self.default}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChangeWindow:
        return cls(
            datetime.fromisoformat(str(data["start"])),
            datetime.fromisoformat(str(data["end"])),
            str(data.get("text") or ""),
            bool(data.get("default")),
        )


@dataclass(frozen=True)
class ChangesAnswer:
    """Who entered or left a segment (or got or lost a tag) in a period, or who was lost
    (every follow ended): a list of customers with no segment of its own to narrow."""

    change: str  # "entered", "left" or "lost"
    window: ChangeWindow
    source: str  # "tag_history", "snapshots", "computed", or "follows" (lost)
    description: str
    customers: tuple[str, ...]
    target: str = ""
    # Not for "lost": the segment (or tag) the change is about, and whether it could only
    # be told from what customers are now.
    target_segment: Node | None = None
    current_only: bool = False
    # From the tag history: when recording began, and whether the period began before it.
    recorded_since: datetime | None = None
    partial: bool = False
    script: str | None = None
    intent: ClassVar[str] = "changes"

    @property
    def count(self) -> int:
        return len(self.customers)

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {
            "intent": self.intent,
            "change": self.change,
            "window": self.window.to_json(),
        }
        if self.change == "lost":
            out.update(source=self.source, target=self.target, count=self.count,
                       customers=list(self.customers), description=self.description)  # fmt: skip
        else:
            if self.recorded_since is not None:
                out["recorded_since"] = self.recorded_since.isoformat()
                out["partial"] = self.partial
            out.update(
                source=self.source,
                current_only=self.current_only,
                target=self.target,
                target_segment=None
                if self.target_segment is None
                else to_json(self.target_segment),
                description=self.description,
                count=self.count,
                customers=list(self.customers),
            )
        if self.script:
            out["script"] = self.script
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ChangesAnswer:
        if data.get("intent") != cls.intent:
            raise ValueError(f"not a change list: {data.get('intent')!r}")
        since = data.get("recorded_since")
        target = data.get("target_segment")
        return cls(
            change=str(data["change"]),
            window=ChangeWindow.from_json(data["window"]),
            source=str(data.get("source") or ""),
            description=str(data.get("description") or ""),
            customers=tuple(str(c) for c in data.get("customers") or ()),
            target=str(data.get("target") or ""),
            target_segment=from_json(target) if isinstance(target, dict) else None,
            current_only=bool(data.get("current_only")),
            recorded_since=datetime.fromisoformat(str(since)) if since else None,
            partial=bool(data.get("partial")),
            script=str(data["script"]) if data.get("script") else None,
        )


@dataclass(frozen=True)
class SavedRow:
    """One saved segment in "我的分群": its owner, words, and size now and a week ago in the
    asker's scope."""

    name: str
    owner: str
    owner_name: str
    mine: bool
    description: str
    size: int
    week_ago: int

    @property
    def change(self) -> int:
        return self.size - self.week_ago


@dataclass(frozen=True)
class SavedAnswer:
    """The saved segments ("我的分群"): the asker's own first, then the others'."""

    segments: tuple[SavedRow, ...]
    script: str | None = None
    intent: ClassVar[str] = "show_saved"

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {
            "intent": self.intent,
            "segments": [
                {
                    "name": r.name,
                    "owner": r.owner,
                    "owner_name": r.owner_name,
                    "mine": r.mine,
                    "description": r.description,
                    "size": r.size,
                    "week_ago": r.week_ago,
                    "change": r.change,
                }
                for r in self.segments
            ],
        }
        if self.script:
            out["script"] = self.script
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> SavedAnswer:
        if data.get("intent") != cls.intent:
            raise ValueError(f"not the saved segments: {data.get('intent')!r}")
        return cls(
            tuple(
                SavedRow(
                    str(r["name"]),
                    str(r.get("owner") or ""),
                    str(r.get("owner_name") or r.get("owner") or ""),
                    bool(r.get("mine")),
                    str(r.get("description") or ""),
                    int(r.get("size") or 0),
                    int(r.get("week_ago") or 0),
                )
                for r in data.get("segments") or ()
            ),
            script=str(data["script"]) if data.get("script") else None,
        )


@dataclass(frozen=True)
class DigestAnswer:
    """The asker's digest on demand ("今天的日报"): its markdown, and the digest's own JSON
    (bot.services.digest.model.Digest.to_json) for the CLI and the names it shows."""

    role: str
    markdown: str
    digest: Mapping[str, Any]
    script: str | None = None
    intent: ClassVar[str] = "digest"

    def to_json(self) -> dict[str, Any]:
        """The answer as `segbot query --json` prints it, key for key and in that order."""
        out: dict[str, Any] = {
            "intent": self.intent,
            "role": self.role,
            "markdown": self.markdown,
            "digest": dict(self.digest),
        }
        if self.script:
            out["script"] = self.script
        return out

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> DigestAnswer:
        if data.get("intent") != cls.intent:
            raise ValueError(f"not a digest: {data.get('intent')!r}")
        digest = data.get("digest")
        return cls(
            str(data.get("role") or ""),
            str(data.get("markdown") or ""),
            dict(digest) if isinstance(digest, Mapping) else {},
            script=str(data["script"]) if data.get("script") else None,
        )


# What the query service answers. A page of a list ("more", `segbot query --after` only) is
# still its JSON dict.
Answer = (
    CountAnswer
    | ClarifyAnswer
    | SegmentAnswer
    | BreakdownAnswer
    | CardAnswer
    | ChangesAnswer
    | SavedAnswer
    | DigestAnswer
    | MessageAnswer
    | dict[str, Any]
)


def answer_json(answer: Answer) -> dict[str, Any]:
    """The answer at the CLI/API edge, as `segbot query --json` prints it."""
    return answer if isinstance(answer, dict) else answer.to_json()


def answer_from_json(data: Mapping[str, Any]) -> Answer:
    """The typed answer of a query service's JSON (a service plugged into the chat in
    place of bot.services.query): the intents typed so far, else the dict as it is."""
    intent = data.get("intent")
    if intent == ClarifyAnswer.intent:
        return ClarifyAnswer.from_json(data)
    if intent == BreakdownAnswer.intent and isinstance(data.get("segment"), dict):
        return BreakdownAnswer.from_json(data)
    if intent == CardAnswer.intent:
        return CardAnswer.from_json(data)
    if intent == ChangesAnswer.intent and isinstance(data.get("window"), dict):
        return ChangesAnswer.from_json(data)
    if intent == SavedAnswer.intent and isinstance(data.get("segments"), list):
        return SavedAnswer.from_json(data)
    if intent == DigestAnswer.intent and "markdown" in data:
        return DigestAnswer.from_json(data)
    if (
        intent == CountAnswer.intent
        and isinstance(data.get("segment"), dict)
        and not (Action.of(data) or data.get("needs_confirmation"))
    ):
        return CountAnswer.from_json(data)
    if isinstance(data.get("segment"), dict) and intent not in CONVERSATION_INTENTS:
        return SegmentAnswer.from_json(data)
    if "segment" not in data and isinstance(data.get("message"), str) and intent != "more":
        return MessageAnswer(str(intent), str(data["message"]))
    return dict(data)


# Still JSON dicts (bot.services.conversation).
CONVERSATION_INTENTS = frozenset({"breakdown", "customer", "changes", "digest", "show_saved"})
