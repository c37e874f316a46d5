"""A count for each of several values named in one question (spec/commands.md §2c, breakdown):
上海和北京各有多少, 男的女的分别几个, 上海的几个北京的几个, 多少男的多少女的,
how many in Shanghai and how many in Beijing, Shanghai and Beijing, how many each.

Read as ordinary segments these were a different question: the values as one list (上海或北京:
one count of both), or two count questions run together as two conditions no customer meets at
once (在上海 且 在北京: 0). They are a breakdown by the values' dimension, of the customers with any
of them, showing exactly the groups named (a tag breakdown would otherwise show every other tag
those customers carry too).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from segmentation.nlq.cities import field_cities
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nodes import And, City, Gender, HasTag, InDepartment, Node, Or, Owner
from segmentation.text import normalize_name

# 各/分别 and a count at the end: "上海和北京各多少", "VIP同金卡分別有幾多個".
_EACH_ZH = lazy_pattern(
    r"(?:各|分别|各自)(?:都)?(?:有|占|是|系)?(?:多少|几多|几个|几位|几人)(?:个|位|名|人)?"
    r"(?:客户|客)?(?:呢|啊|呀|吖|啦)?[?？。!！]*$"
)
# "…, how many each", "… respectively?", "how many in each of shanghai and beijing".
_EACH_EN = lazy_pattern(
    r"^(?:and |so )?(?:how many (?:are there |customers |people )?(?:in )?)?(?:each of )?"
    r"(?P<rest>.+?)[,，]?(?: how many)?(?: are there)?"
    r" (?:each|respectively|apiece|for each|of each)[?？.!]*$"
)
# One count word of a question said twice over: "上海的几个北京的几个", "how many men and how many
# women".
_COUNT_ZH = lazy_pattern(r"(?:有|是|系)?(?:多少|几多|几个|几位|几人)(?:个|位|名|人)?(?:客户|客)?")
_COUNT_EN = lazy_pattern(
    r"\bhow many(?: customers| people)?(?: (?:are|is|were))?(?: there)?(?![a-z])"
)
_JOINS = lazy_pattern(
    r"^(?:和|跟|同|与|及|还有|以及|and|,|，|、|\s)+|(?:和|跟|同|与|and|,|，|、|\s)+$"
)
_ENDS = " ,，、。?？!！"


@dataclass(frozen=True)
class EachValue:
    """A breakdown by `by` of `segment`, showing only the groups `keys` (in the order named)."""

    by: str
    keys: tuple[str, ...]
    segment: Node


def each_value(norm: str, parse: Callable[[str], Node | None]) -> EachValue | None:
    """The each-value breakdown `norm` asks for, or None. `parse` reads a segment's words
    (None when they are not one)."""
    return _listed_then_each(norm, parse) or _counted_twice(norm, parse)


# 各 with what each did or has between it and the count, or what is counted after it: "赵六和我
# 各自成交了几个客户", "张三跟李四各有几个VIP", "上海北京分别下了多少单的客户" — the words moved
# before the count read as the segment ("赵六和我成交了的客户").
_EACH_SAID_ZH = lazy_pattern(
    r"(?:各自|分别|各)(?:都)?(?P<verb>[^,，。?？各]{1,8}?)??(?:有|占|是|系)?(?:多少|几多|几个|几位|几人)"
    r"(?:个|位|名|人)?(?P<noun>[^,，。?？]{1,8}?)?(?:呢|啊|呀|吖|啦)?[?？。!！]*$"
)


def each_said_around(norm: str) -> bool:
    """Whether `norm` asks 各 with a verb or a noun around the count ("各有几个黑卡")."""
    said = _EACH_SAID_ZH.search(norm)
    return said is not None and bool(said["verb"] or said["noun"])


def _listed_then_each(norm: str, parse: Callable[[str], Node | None]) -> EachValue | None:
    """A list of values, then 各多少 / how many each."""
    zh = _EACH_ZH.search(norm)
    said = _EACH_SAID_ZH.search(norm) if zh is None else None
    if said is not None and (said["verb"] or said["noun"]):
        verb, noun = said["verb"] or "", said["noun"] or "客户"
        words = f"{norm[: said.start()]}{verb}的{noun}"
    elif zh is not None:
        words = norm[: zh.start()]
    elif (en := _EACH_EN.match(norm)) is not None:
        words = en.group("rest")
    else:
        return None
    node = parse(words.strip(_ENDS))
    return _split(node) if node is not None else None


def _counted_twice(norm: str, parse: Callable[[str], Node | None]) -> EachValue | None:
    """A count asked once per value: the words around each count word are one value each."""
    pattern = _COUNT_EN if _COUNT_EN.search(norm) else _COUNT_ZH
    if len(pattern.findall(norm)) < 2:
        return None
    parts = [_JOINS.sub("", p).strip(_ENDS) for p in pattern.split(norm)]
    parts = [re.sub(r"(?:的|嘅)$", "", p) for p in parts if p.strip(_ENDS)]
    if len(parts) < 2:
        return None
    nodes = [node for node in map(parse, parts) if node is not None]
    if len(nodes) != len(parts):
        return None
    base, value = _base_and_value(nodes[0])
    values = [value, *nodes[1:]]
    found = [one for one in map(_one_value, values) if one is not None]
    if len(found) != len(values) or len({by for by, _key in found}) != 1:
        return None
    keys = tuple(dict.fromkeys(key for _by, key in found))
    if len(keys) < 2:
        return None
    union: Node = Or(tuple(v for v in values if v is not None))
    return EachValue(found[0][0], keys, union if base is None else And((*base, union)))


def _base_and_value(node: Node) -> tuple[tuple[Node, ...] | None, Node]:
    """A first part's own conditions and its value: "近30天下过单的上海" is (下过单,) and 上海."""
    if isinstance(node, And) and node.children and _one_value(node.children[-1]) is not None:
        return node.children[:-1], node.children[-1]
    return None, node


def _split(node: Node) -> EachValue | None:
    """The each-value breakdown of a segment holding one list of values (at its top, or as one
    condition of an AND), or None."""
    if (listed := _values(node)) is not None:
        return EachValue(listed[0], listed[1], node)
    if isinstance(node, And):
        lists = [v for v in map(_values, node.children) if v is not None]
        if len(lists) == 1:
            return EachValue(lists[0][0], lists[0][1], node)
    return None


def _values(node: Node) -> tuple[str, tuple[str, ...]] | None:
    """The dimension and the group keys of a list of two or more values of one dimension."""
    if isinstance(node, City) and len(cities := _cities(node)) > 1:
        return "city", cities
    if isinstance(node, Owner) and len(node.userids) > 1:
        return "owner", node.userids
    if isinstance(node, InDepartment) and len(node.department_ids) > 1:
        return "department", tuple(str(i) for i in node.department_ids)
    if isinstance(node, Or):
        found = [_one_value(child) for child in node.children]
        if all(f is not None for f in found) and len({f[0] for f in found if f}) == 1:
            keys = tuple(dict.fromkeys(f[1] for f in found if f))
            return (found[0][0], keys) if found[0] and len(keys) > 1 else None
    return None


def _one_value(node: Node | None) -> tuple[str, str] | None:
    """The dimension and group key of a condition naming exactly one value, else None."""
    if isinstance(node, City) and len(cities := _cities(node)) == 1:
        return "city", cities[0]
    if isinstance(node, Gender):
        return "gender", str(node.value)
    if isinstance(node, HasTag):
        return "tag", node.name
    if isinstance(node, Owner) and len(node.userids) == 1:
        return "owner", node.userids[0]
    if isinstance(node, InDepartment) and len(node.department_ids) == 1:
        return "department", str(node.department_ids[0])
    return None


def _cities(node: City) -> tuple[str, ...]:
    """The cities a City condition names, one key each as a city breakdown groups them: its
    names are every spelling of each (上海, 上海市, shanghai)."""
    keys = (field_cities(normalize_name(name)) or (name,) for name in node.names)
    return tuple(dict.fromkeys(key for found in keys for key in found))
