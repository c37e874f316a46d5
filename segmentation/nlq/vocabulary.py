"""Names from the live database (tags, staff, departments, saved segments, city spellings)
plus the named segments and built-in cities: what a word in a command may refer to."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from segmentation.contacts import MASS_MESSAGE, campaigns, coupons, deliveries
from segmentation.models import (
    Customer,
    CustomerScore,
    Department,
    EventItemName,
    Follow,
    Staff,
    StaffDepartment,
    Tag,
)
from segmentation.models.segments import SavedSegment as SavedSegmentRow
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq.cities import city_surfaces, field_cities, province_surfaces
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.pinyin import syllables as pinyin_syllables
from segmentation.rollups import apply_notes_now
from segmentation.text import normalize_name, prime_names, simplified

MeaningKind = str  # "tag" | "staff" | "dept" | "city" | "saved" | "named" | "province" |
# "product" | "category" | "sku" (names the events' properties carry)
ITEM_KINDS: tuple[MeaningKind, ...] = ("product", "category", "sku")
_CUSTOMER_SUFFIXES = ("客户", " customers", " customer", "customers")
_LATIN_LETTER = lazy_pattern(r"[a-z]", re.IGNORECASE)
# Held while a vocabulary (shared by every worker thread) adds its staff's pinyin spellings.
_PINYIN_LOCK = threading.Lock()


@dataclass(frozen=True)
class Meaning:
    """One thing a name may refer to: `value` is the tag name, userid, department id, city,
    saved segment name or named-segment key; `display` how the reply writes it;
    `note` e.g. that a corp tag won over a named segment of the same name."""

    kind: MeaningKind
    value: str | int
    display: str
    note: str = ""


@dataclass(frozen=True)
class StaffInfo:
    userid: str
    name: str
    department_ids: tuple[int, ...]


@dataclass
class Vocabulary:
    """Surface (normalised) → meanings; longest match wins in the tokenizer."""

    _surfaces: dict[str, tuple[Meaning, ...]] = field(default_factory=dict)
    staff: dict[str, StaffInfo] = field(default_factory=dict)
    departments: dict[int, str] = field(default_factory=dict)
    tags: dict[str, str] = field(default_factory=dict)  # normalised → real name
    tag_groups: tuple[str, ...] = ()  # the corp tag groups, for a question about a tag
    saved: dict[str, str] = field(default_factory=dict)
    named_names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key → (zh, en)
    rfm_keys: set[str] = field(default_factory=set)  # the catalog's RFM classes (a breakdown)
    city_spellings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # The 渠道活码 codes on follows: normalised → stored (read by the channel phrases only,
    # never as bare names, so a code spelled like a tag or a city takes nothing from them).
    channels: dict[str, str] = field(default_factory=dict)
    campaigns: dict[int, str] = field(default_factory=dict)  # id → name ("活动#3")
    # The campaign that issued a coupon last ("coupon") and sent a mass message last
    # ("message"): "上次活动" is restated with its name, so the asker sees which one was read;
    # and the one that issued coupons before the last ("coupon_before": 上上次活动).
    latest_campaigns: dict[str, int] = field(default_factory=dict)
    max_len: int = 1
    # Whether predictive scores exist (customer_scores has rows): without them a score
    # condition is asked back ("not computed yet"), never answered as 0 customers.
    scores_available: bool = False
    # (field, name) of every product, category and SKU the events carry.
    items: tuple[tuple[str, str], ...] = ()
    # "Did you mean" choices per meaning kind, built on first use (add() clears them).
    _candidates: dict[MeaningKind | None, dict[str, str]] = field(default_factory=dict)
    _by_script: dict[tuple[tuple[MeaningKind, ...], bool], dict[str, str]] = field(
        default_factory=dict
    )
    # Staff whose pinyin spellings ("zhangsan", "san zhang") are not added yet: reading pinyin
    # loads pypinyin's dictionary, a sixth of a one-shot Chinese `segbot query`. Every such
    # spelling has a Latin letter, so they are added before the first lookup in a text with
    # one, the first "did you mean" and the first read of `surfaces`.
    _pinyin_pending: list[StaffInfo] = field(default_factory=list)

    @property
    def surfaces(self) -> dict[str, tuple[Meaning, ...]]:
        self._add_pending_pinyin()
        return self._surfaces

    def add(self, surface: str, meaning: Meaning) -> None:
        self.add_normal(normalize_name(surface), meaning)

    def add_normal(self, key: str, meaning: Meaning) -> None:
        """`add` for a surface already written as `normalize_name` writes it: the ~1,400
        city spellings are, and normalising them again was a fifth of building a vocabulary."""
        if not key:
            return
        self._candidates.clear()
        self._by_script.clear()
        current = self._surfaces.get(key, ())
        if meaning not in current:
            self._surfaces[key] = (*current, meaning)
            self.max_len = max(self.max_len, len(key))

    def without_kind(self, kind: MeaningKind) -> Vocabulary:
        """A copy whose names no longer carry meanings of `kind` (names left with none are
        gone): the same words read as if no such name existed."""
        surfaces: dict[str, tuple[Meaning, ...]] = {}
        for key, meanings in self.surfaces.items():
            kept = tuple(m for m in meanings if m.kind != kind)
            if kept:
                surfaces[key] = kept
        return replace(self, _surfaces=surfaces, _candidates={}, _by_script={})

    def add_staff(self, person: StaffInfo) -> None:
        """A member by userid and name now; by the pinyin of a Chinese name when first needed."""
        self.staff[person.userid] = person
        meaning = Meaning("staff", person.userid, person.name or person.userid)
        self.add(person.userid, meaning)
        self.add(person.name, meaning)
        if person.name and not person.name.isascii():
            self._pinyin_pending.append(person)

    def _add_pending_pinyin(self) -> None:
        if not self._pinyin_pending:
            return
        with _PINYIN_LOCK:
            # Emptied only once every spelling is in: a thread that finds the list empty
            # never looks up a half-added vocabulary.
            for person in self._pinyin_pending:
                meaning = Meaning("staff", person.userid, person.name or person.userid)
                for surface in pinyin_surfaces(person.name):
                    self.add(surface, meaning)
            self._pinyin_pending = []

    def match(
        self, text: str, pos: int, shorter_than: int | None = None
    ) -> tuple[int, tuple[Meaning, ...]] | None:
        """The longest name starting at `pos` (Latin names only at word boundaries); with
        `shorter_than`, the longest of fewer characters."""
        if pos > 0 and _is_word(text[pos - 1]) and _is_word(text[pos]):
            return None
        if self._pinyin_pending and _LATIN_LETTER.search(text, pos):
            self._add_pending_pinyin()
        longest = min(self.max_len, len(text) - pos)
        if shorter_than is not None:
            longest = min(longest, shorter_than - 1)
        for length in range(longest, 0, -1):
            meanings = self._surfaces.get(text[pos : pos + length])
            if meanings is None:
                continue
            end = pos + length
            if end < len(text) and _is_word(text[end - 1]) and _is_word(text[end]):
                if _plural_end(text, end):  # "VIPs": the tag VIP
                    return end + 1, meanings
                continue
            return end, meanings
        return None

    def candidates(self, kind: MeaningKind | None = None) -> dict[str, str]:
        """Surface → display, for "did you mean" suggestions (computed once per kind)."""
        self._add_pending_pinyin()
        cached = self._candidates.get(kind)
        if cached is not None:
            return cached
        out: dict[str, str] = {}
        for surface, meanings in self._surfaces.items():
            for meaning in meanings:
                if kind is None or meaning.kind == kind:
                    out.setdefault(surface, meaning.display)
        self._candidates[kind] = out
        return out

    def candidates_in(self, kinds: tuple[MeaningKind, ...], latin: bool) -> dict[str, str]:
        """Surface → display for several kinds, Latin surfaces or the others (cached): a
        question back compares a word only with names written in its own script."""
        key = (kinds, latin)
        cached = self._by_script.get(key)
        if cached is None:
            cached = {
                s: d
                for kind in kinds
                for s, d in self.candidates(kind).items()
                if s.isascii() == latin
            }
            self._by_script[key] = cached
        return cached


def _is_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum()


def _plural_end(text: str, end: int) -> bool:
    """Whether a Latin name ending at `end` is followed by a plural "s" that ends the word."""
    return (
        text[end - 1].isalpha()
        and text[end] == "s"
        and (end + 1 == len(text) or not _is_word(text[end + 1]))
    )


def build_vocabulary(
    *,
    tags: Iterable[str],
    staff: Iterable[StaffInfo],
    departments: Iterable[tuple[int, str]],
    saved: Iterable[str],
    catalog: NamedSegmentCatalog,
    db_cities: Iterable[str] = (),
    scores_available: bool = False,
    tag_groups: Iterable[str] = (),
    items: Iterable[tuple[str, str]] = (),
    channels: Iterable[str] = (),
    campaigns: Iterable[tuple[int, str]] = (),
    latest_campaigns: Iterable[tuple[str, int]] = (),
) -> Vocabulary:
    vocab = Vocabulary(scores_available=scores_available)
    # Shown (and put in conditions) in Simplified script whatever spelling came first: any
    # spelling matches the same events.
    vocab.items = tuple((f, simplified(n)) for f, n in items)
    prime_names([name for _field, name in vocab.items])
    for item_field, name in vocab.items:
        vocab.add(name, Meaning(item_field, name, name))
    vocab.campaigns = dict(campaigns)
    vocab.latest_campaigns = dict(latest_campaigns)
    for code in channels:
        vocab.channels.setdefault(normalize_name(code), code)
    vocab.tag_groups = tuple(dict.fromkeys(g for g in tag_groups if g))
    tags = list(tags)
    prime_names(tags)
    for name in tags:
        vocab.tags.setdefault(normalize_name(name), name)
        vocab.add(name, Meaning("tag", name, name))
    for person in staff:
        vocab.add_staff(person)
    departments = list(departments)
    for dept_id, name in departments:
        vocab.departments[dept_id] = name
        vocab.add(name, Meaning("dept", dept_id, name))
    for name in saved:
        vocab.saved[normalize_name(name)] = name
        vocab.add(name, Meaning("saved", name, name))
    _add_named(vocab, catalog)
    _add_cities(vocab, db_cities)
    for surface, province in province_surfaces().items():  # asked back with its cities
        vocab.add(surface, Meaning("province", province, province))
    for dept_id, short in _short_department_names(departments).items():
        if normalize_name(short) not in vocab._surfaces:  # a name of its own wins
            vocab.add(short, Meaning("dept", dept_id, vocab.departments[dept_id]))
    for dept_id, other in _sales_synonyms(departments):
        if normalize_name(other) not in vocab._surfaces:
            vocab.add(other, Meaning("dept", dept_id, vocab.departments[dept_id]))
    return vocab


# A department said by the part that tells it from the others: 二部 for 销售二部, as a team
# says it (and as a breakdown's rows are read: "二部那些存成分群…").
_DEPT_TAIL = lazy_pattern(
    r"^(?P<head>[\u4e00-\u9fff]{2,})(?P<tail>[\u4e00-\u9fff0-9A-Za-z][部组組])$"
)


def _short_department_names(departments: list[tuple[int, str]]) -> dict[int, str]:
    """Each department's short name (its last two characters after a shared head), when no
    other department ends the same way."""
    tails: dict[str, list[int]] = {}
    for dept_id, name in departments:
        found = _DEPT_TAIL.match(name)
        if found is not None:
            tails.setdefault(found["tail"], []).append(dept_id)
    return {ids[0]: tail for tail, ids in tails.items() if len(ids) == 1}


# Words for "sales" a department's name may start with: Taiwan says 業務 where the mainland
# says 销售 (業務二部 is 销售二部), and 营业 is the Japanese-influenced form some firms use.
_SALES_HEADS = ("销售", "业务", "营业")


def _sales_synonyms(departments: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Each sales department's name with another word for sales at its head, when that
    name belongs to no other department (业务二部 for 销售二部)."""
    names = {normalize_name(name) for _, name in departments}
    out: list[tuple[int, str]] = []
    for dept_id, name in departments:
        key = normalize_name(name)
        head = next((h for h in _SALES_HEADS if key.startswith(h) and len(key) > len(h)), None)
        if head is None:
            continue
        for other in _SALES_HEADS:
            said = other + key[len(head) :]
            if other != head and said not in names:
                out.append((dept_id, said))
    return out


def pinyin_surfaces(name: str) -> list[str]:
    """A Chinese name in pinyin, as Latin text writes it ("zhao liu", "zhaoliu", "liu zhao")."""
    syllables = pinyin_syllables(name)
    out = [" ".join(syllables), "".join(syllables)]
    if len(syllables) >= 2:  # English order: given name first ("Liu Zhao")
        given = "".join(syllables[1:])
        out += [f"{given} {syllables[0]}", " ".join([*syllables[1:], syllables[0]])]
    return out


def _strip_customer(name: str) -> str:
    key = normalize_name(name)
    for suffix in _CUSTOMER_SUFFIXES:
        if key.endswith(suffix) and len(key) > len(suffix):
            return key[: -len(suffix)].strip()
    return key


def _add_named(vocab: Vocabulary, catalog: NamedSegmentCatalog) -> None:
    for entry in catalog.all():
        names = [*entry.names_zh, *entry.names_en]
        vocab.named_names[entry.key] = (entry.display_zh, entry.display_en)
        if entry.is_rfm:
            vocab.rfm_keys.add(entry.key)
        bases = {_strip_customer(n) for n in names}
        winner = next((vocab.tags[b] for b in sorted(bases) if b in vocab.tags), None)
        if winner is not None:
            note = f"{winner}|{entry.display_zh}|{entry.display_en}"
            meaning = Meaning("tag", winner, winner, note=note)
        else:
            meaning = Meaning("named", entry.key, entry.display_zh)
        for base in bases:
            for surface in (base, base + "客户", base + " customers", base + " customer"):
                vocab.add(surface, meaning)
        for name in names:
            vocab.add(name, meaning)


def _add_cities(vocab: Vocabulary, db_cities: Iterable[str]) -> None:
    surfaces = city_surfaces()
    spellings: dict[str, list[str]] = {}
    for raw in db_cities:
        for city in field_cities(normalize_name(raw)):
            spellings.setdefault(city, [city])
            if raw not in spellings[city]:
                spellings[city].append(raw)
    vocab.city_spellings = {k: tuple(v) for k, v in spellings.items()}
    for surface, cities in surfaces.items():
        for city in _meant(cities, spellings):
            vocab.add_normal(surface, Meaning("city", city, city))


def _meant(cities: tuple[str, ...], present: dict[str, list[str]]) -> tuple[str, ...]:
    """The cities a spelling shared by several (Suzhou: 苏州 and 宿州) may mean here: the one
    the company has customers in when it is only one of them (the restatement names it);
    else all, and the question back asks which."""
    if len(cities) < 2:
        return cities
    known = tuple(c for c in cities if c in present)
    return known if len(known) == 1 else cities


@dataclass(frozen=True)
class VocabularySources:
    """Every name the database contributes to a vocabulary, as read: equal sources build
    equal vocabularies, so the sources are the cache's change stamp."""

    tags: tuple[str, ...]
    tag_groups: tuple[str, ...]
    staff: tuple[StaffInfo, ...]
    departments: tuple[tuple[int, str], ...]
    saved: tuple[str, ...]
    cities: tuple[str, ...]
    scores_available: bool
    items: tuple[tuple[str, str], ...] = ()
    channels: tuple[str, ...] = ()
    campaigns: tuple[tuple[int, str], ...] = ()
    latest_campaigns: tuple[tuple[str, int], ...] = ()


def read_vocabulary_sources(session: Session) -> VocabularySources:
    """A handful of narrow queries (fast at 10k tags; the build is what costs). They read the
    tables, not the mapped classes: the first ORM statement of a process configures every
    mapper (~15 ms of a one-shot `segbot query`, which needs none of them)."""
    # This transaction's own events first: their product names are known at once.
    apply_notes_now(session)
    tag, staff_dept, member = Tag.__table__.c, StaffDepartment.__table__.c, Staff.__table__.c
    dept, saved_row = Department.__table__.c, SavedSegmentRow.__table__.c
    city, item = Customer.__table__.c.city, EventItemName.__table__.c
    tag_rows = session.execute(
        select(tag.name, tag.group_name).where(tag.deleted.is_(False)).order_by(tag.tag_id)
    ).all()
    tags = [name for name, _group in tag_rows]
    groups = tuple(sorted({group for _name, group in tag_rows if group}))
    memberships: dict[str, list[int]] = {}
    for userid, dept_id in session.execute(select(staff_dept.userid, staff_dept.department_id)):
        memberships.setdefault(userid, []).append(dept_id)
    staff = tuple(
        StaffInfo(userid, name or "", tuple(sorted(memberships.get(userid, ()))))
        for userid, name in session.execute(
            select(member.userid, member.name).order_by(member.userid)
        )
    )
    departments = tuple(
        (int(i), str(n)) for i, n in session.execute(select(dept.id, dept.name).order_by(dept.id))
    )
    saved = session.execute(select(saved_row.name).order_by(saved_row.name)).scalars()
    cities = session.execute(
        select(city).where(city.is_not(None)).distinct().order_by(city)
    ).scalars()
    score_row = CustomerScore.__table__.c.external_userid
    scored = session.execute(select(score_row).limit(1)).first()
    items = session.execute(select(item.field, item.name).order_by(item.field, item.key)).all()
    return VocabularySources(tuple(tags), groups, staff, departments, tuple(saved),
                             tuple(c for c in cities if c), scored is not None,
                             tuple((str(f), str(n)) for f, n in items),
                             read_channel_codes(session), read_campaigns(session),
                             read_latest_campaigns(session))  # fmt: skip


def read_campaigns(session: Session) -> tuple[tuple[int, str], ...]:
    """Every campaign's id and name (a handful of rows), for "活动#3" and its restatement."""
    rows = session.execute(select(campaigns.c.id, campaigns.c.name).order_by(campaigns.c.id))
    return tuple((int(i), str(n or "")) for i, n in rows)


def read_latest_campaigns(session: Session) -> tuple[tuple[str, int], ...]:
    """The campaign of the newest coupon and of the newest mass-message delivery (one index
    probe each), as contacts.py reads "the last campaign"."""
    newest_coupon = session.execute(
        select(coupons.c.campaign_id).order_by(coupons.c.id.desc()).limit(1)
    ).scalar()
    newest_message = session.execute(
        select(deliveries.c.campaign_id)
        .where(deliveries.c.channel == MASS_MESSAGE)
        .order_by(deliveries.c.id.desc())
        .limit(1)
    ).scalar()
    # 上上次活动: the campaign whose newest coupon came before the last campaign's
    before = session.execute(
        select(coupons.c.campaign_id)
        .where(coupons.c.campaign_id != newest_coupon)
        .order_by(coupons.c.id.desc())
        .limit(1)
    ).scalar()
    found = (("coupon", newest_coupon), ("message", newest_message), ("coupon_before", before))
    return tuple((kind, int(number)) for kind, number in found if number is not None)


def read_channel_codes(session: Session) -> tuple[str, ...]:
    """The distinct 渠道活码 codes on follows, by a loose scan of ix_follows_state: one index
    probe per code (a plain DISTINCT would read every follow, at every message)."""
    return tuple(code for (code,) in session.execute(_channel_codes_statement()))


@cache
def _channel_codes_statement() -> Any:
    """Built once: the statement is the same for every message."""
    state = Follow.__table__.c.state
    inner = Follow.__table__.alias()
    seed = select(func.min(state).label("code")).where(state > "").cte("codes", recursive=True)
    step = select(
        select(func.min(inner.c.state)).where(inner.c.state > seed.c.code).scalar_subquery()
    ).where(seed.c.code.is_not(None))
    codes = seed.union_all(step)
    return select(codes.c.code).where(codes.c.code.is_not(None))


# (catalog, its sources, the vocabulary built from them), newest first. Building a vocabulary
# (pinyin of every staff name, surfaces of every tag) costs far more than reading its sources,
# and the sources change rarely: a message whose sources equal the cached ones reuses the
# vocabulary, in every worker, and any change to a tag, member, department, saved segment or
# city is seen by the very next message (no invalidation to forget).
_BUILT: list[tuple[NamedSegmentCatalog, VocabularySources, Vocabulary]] = []
_BUILT_LOCK = threading.Lock()
_BUILT_MAX = 4


def load_vocabulary(session: Session, catalog: NamedSegmentCatalog) -> Vocabulary:
    """The vocabulary of the database's names now (reused while they are unchanged)."""
    sources = read_vocabulary_sources(session)
    with _BUILT_LOCK:
        for known_catalog, known_sources, vocab in _BUILT:
            if known_catalog is catalog and known_sources == sources:
                return vocab
    vocab = build_vocabulary(
        tags=sources.tags,
        tag_groups=sources.tag_groups,
        staff=sources.staff,
        departments=sources.departments,
        saved=sources.saved,
        catalog=catalog,
        db_cities=sources.cities,
        scores_available=sources.scores_available,
        items=sources.items,
        channels=sources.channels,
        campaigns=sources.campaigns,
        latest_campaigns=sources.latest_campaigns,
    )
    with _BUILT_LOCK:
        _BUILT.insert(0, (catalog, sources, vocab))
        del _BUILT[_BUILT_MAX:]
    return vocab
