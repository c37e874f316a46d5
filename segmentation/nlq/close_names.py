"""Which of a question back's suggestions are really close to the word not understood
(issue #19): a slip is one character — a homophone typed for a Chinese name (金咔 for 金卡,
高意象 for 高意向), one character changed in a longer one, two letters swapped or one letter
wrong in a Latin one (VPI for VIP). When some suggestions are that close, only they are
offered: one left reads "您是指“金卡”吗？", and a yes takes it; a loose match beside them
(金华 for 金咔, 沉睡 for VPI) would only make the yes ambiguous."""

from __future__ import annotations

from collections.abc import Mapping

from segmentation.nlq.table_index import table_index

# How close a name is to the word: lower is closer; None is not a slip at all.
SOUND_ALIKE = 0  # the same sounds (a homophone) or one Latin letter off / two swapped
ONE_OFF = 1  # one Chinese character changed, or two Latin edits in a long word


def closeness(word: str, name: str) -> int | None:
    """How `name` is a slip of `word` (SOUND_ALIKE, ONE_OFF) or None when it is not one."""
    word, name = word.lower().strip(), name.lower().strip()
    if not word or not name or word == name:
        return None
    if word.isascii() != name.isascii():
        return None
    if word.isascii():
        return _latin_closeness(word, name)
    return _chinese_closeness(word, name)


def _latin_closeness(word: str, name: str) -> int | None:
    if len(word) < 3 or abs(len(word) - len(name)) > 2:
        return None  # "us", "on": too short to be a slip of anything
    distance = _edits(word, name)
    if distance <= 1:
        return SOUND_ALIKE
    if distance == 2 and min(len(word), len(name)) >= 6:
        return ONE_OFF
    return None


def _chinese_closeness(word: str, name: str) -> int | None:
    if len(word) != len(name) or not 2 <= len(word) <= 8:
        return None
    from segmentation.nlq.pinyin import syllables

    if syllables(word) == syllables(name) or _as_written_elsewhere(word) == name:
        return SOUND_ALIKE
    differing = [i for i, (a, b) in enumerate(zip(word, name, strict=True)) if a != b]
    # never the first of a two-character name: 金咔 is no slip of 全卡
    if len(differing) == 1 and (len(word) > 2 or differing[0] > 0):
        return ONE_OFF
    return None


# Characters a region writes for another word's (HK 咭 for 卡, "card": 金咭 is 金卡 as Hong
# Kong writes it, closer than 金华 or 金昌, which differ by a character of their own).
_REGIONAL = str.maketrans({"咭": "卡"})


def _as_written_elsewhere(word: str) -> str:
    return word.translate(_REGIONAL)


def _edits(a: str, b: str) -> int:
    """Edits from `a` to `b`, a swap of two neighbouring letters counting one (OSA)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        row = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                row[j] = min(row[j], previous2[j - 2] + 1)
        previous2, previous = previous, row
    return previous[-1]


def closest_only(word: str, hints: list[str], names: Mapping[str, str]) -> list[str]:
    """`hints` narrowed to the closest slips of `word` when any is one (the closest kind
    of slip only), else `hints` as they are. `names`: surface → display of every name a hint
    can be (a display's other surfaces count: "vip" for VIP)."""
    surfaces = table_index(names, "surfaces of a display", _surfaces_of)
    best: dict[str, int] = {}
    for display in dict.fromkeys(hints):
        if display not in surfaces:
            continue  # a hint that is none of these names
        for said in {*surfaces[display], display}:
            tier = closeness(word, said)
            if tier is not None and tier < best.get(display, ONE_OFF + 1):
                best[display] = tier
    if not best:
        return hints
    top = min(best.values())
    return [h for h in hints if best.get(h) == top]


def _surfaces_of(names: Mapping[str, str]) -> dict[str, list[str]]:
    """Display → the surfaces it is written as."""
    index: dict[str, list[str]] = {}
    for surface, display in names.items():
        index.setdefault(display, []).append(surface)
    return index
