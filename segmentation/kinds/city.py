"""City: the customer's city is any of these (canonical Chinese names; "在上海")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.fact_types import CityName, Fact
from segmentation.kinds.registry import Kind, by_leading_verb, no_activity, reads_nothing, register
from segmentation.models import Customer
from segmentation.nodes import City
from segmentation.text import normalize_name


def compile_city(c: Any, node: City, cust: FromClause) -> ColumnElement[bool]:
    return cond.city(cust, node.names)


def restate(r: Any, node: City) -> str:
    names = canonical_cities(node.names)
    if not r.zh:  # an English asker reads the pinyin name: "Shanghai", not 上海
        names = list(dict.fromkeys(city_in_latin(n) for n in names))
    return ("在" + "或".join(names)) if r.zh else ("are in " + " or ".join(names))


def canonical_cities(names: tuple[str, ...]) -> list[str]:
    # imported here: the parser's tables are built from the finished registry
    from segmentation.nlq.cities import city_surfaces

    surfaces = city_surfaces()
    out: list[str] = []
    for name in names:
        found = surfaces.get(normalize_name(name), (name,))
        label = found[0] if len(found) == 1 else name
        if label not in out:
            out.append(label)
    return out


def city_in_latin(name: str) -> str:
    """A built-in city's pinyin name ("上海" → "Shanghai", "哈尔滨" → "Haerbin"); a name
    already in Latin letters, or one the city list does not have, as it is."""
    from segmentation.nlq.pinyin import city_syllables

    spelled = city_syllables().get(name)
    return "".join(spelled).capitalize() if spelled and not name.isascii() else name


def explain(w: Any, node: City) -> dict[str, Any]:
    customer = w.session.get(Customer, w.eid)
    assert customer is not None
    return {"city": customer.city}


def row_facts(node: City, negated: bool) -> list[Fact]:
    return [CityName()]


KIND = register(
    Kind(
        node=City,
        compile=compile_city,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=row_facts,
        activity=no_activity,
        reads=reads_nothing,
        breakdown="city",
        heads=("name", "quote"),
        current_only=True,
    )
)
