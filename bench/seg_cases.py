"""The ten standard bench segments: segbot's tree, the pandas baseline and the DuckDB SQL."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import partial

from bench import seg_baselines as b
from segmentation.nodes import (
    And,
    City,
    EventCount,
    HasTag,
    InDepartment,
    NamedSegment,
    NewCustomer,
    Node,
    Not,
    Performed,
    Ranked,
    RollingWindow,
    Spend,
)

D30 = RollingWindow(30, "days")
DEPARTMENT = "销售一部"


@dataclass(frozen=True)
class Case:
    name: str
    node: Node
    pandas: b.Baseline
    duckdb: str


def _in_totals(condition: str) -> str:
    return (
        f"{b.ALIVE} AND external_userid IN"
        f" (SELECT external_userid FROM ({b.totals_sql()}) t WHERE {condition})"
    )


HIGH_VALUE_SQL = f"""
WITH t AS (SELECT * FROM ({b.totals_sql()}) x WHERE external_userid IN ({b.ALIVE})),
     m AS (SELECT sum(epoch_us(last)) // count(*) AS lf, sum(n) // count(*) AS nf,
                  sum(fen) // count(*) AS ff FROM t)
SELECT external_userid FROM t, m WHERE epoch_us(last) > lf AND n > nf AND fen > ff
"""

TOP20_SQL = f"""
WITH t AS (SELECT * FROM ({b.totals_sql()}) x WHERE external_userid IN ({b.ALIVE})),
     r AS (SELECT external_userid, row_number() OVER (ORDER BY fen DESC, external_userid) AS rn,
                  count(*) OVER () AS n FROM t)
SELECT external_userid FROM r WHERE (rn - 1) * 100 < n * 20
"""

DEPARTMENT_SQL = f"""
{b.ALIVE} AND external_userid IN (
  SELECT external_userid FROM follows WHERE NOT deleted AND userid IN (
    WITH RECURSIVE tree(id) AS (
      SELECT id FROM departments WHERE name = '{DEPARTMENT}'
      UNION SELECT d.id FROM departments d JOIN tree ON d.parent_id = tree.id)
    SELECT userid FROM staff_departments WHERE department_id IN (SELECT id FROM tree)))
"""

NEW_SQL = f"""
{b.ALIVE} AND external_userid IN (
  SELECT external_userid FROM follows GROUP BY external_userid
  HAVING min(added_at) BETWEEN :now - INTERVAL 30 DAY AND :now)
"""


def cases(department_id: int) -> list[Case]:
    """The ten segments; `department_id` is the id of 销售一部 in the bench database."""
    return [
        Case(
            "近30天有咨询但未下单",
            And((Performed("inquiry", D30), Not(Performed("order", D30)))),
            b.pd_headline,
            f"{b.ALIVE} AND external_userid IN ({b.within('inquiry', 30)})"
            f" AND external_userid NOT IN ({b.within('order', 30)})",
        ),
        Case(
            "累计消费超过1000",
            Spend(">", Decimal(1000)),
            partial(b.pd_spend_over, fen=100_000),
            _in_totals("fen > 100000"),
        ),
        Case(
            "累计消费不足100",  # zero-inclusive: customers who never ordered spent 0
            Spend("<", Decimal(100)),
            partial(b.pd_spend_under, fen=10_000),
            f"SELECT c.external_userid FROM customers c LEFT JOIN ({b.totals_sql()}) t"
            " USING (external_userid) WHERE NOT c.deleted AND coalesce(t.fen, 0) < 10000",
        ),
        Case(
            "下单3次以上",
            EventCount("order", ">=", 3),
            partial(b.pd_orders_at_least, count=3),
            _in_totals("n >= 3"),
        ),
        Case(
            "上海的VIP",
            And((HasTag("VIP"), City(("上海",)))),
            partial(b.pd_tag_city, tag="VIP", city="上海"),
            f"{b.ALIVE} AND city = '上海' AND external_userid IN (SELECT ct.external_userid"
            " FROM customer_tags ct JOIN tags t USING (tag_id)"
            " WHERE NOT t.deleted AND lower(t.name) = 'vip')",
        ),
        Case("重要价值客户", NamedSegment("high_value"), b.pd_high_value, HIGH_VALUE_SQL),
        Case(
            "消费前20%",
            Ranked(Performed("order"), percent=Decimal(20)),
            partial(b.pd_top_percent, percent=20),
            TOP20_SQL,
        ),
        Case(
            "沉睡客户",  # two NOTs: ordered once, nothing in 180 days
            NamedSegment("dormant"),
            b.pd_dormant,
            f"{b.ALIVE} AND external_userid IN (SELECT external_userid FROM events"
            f" WHERE {b.ORDERS}) AND external_userid NOT IN ({b.within('order', 180)})"
            f" AND external_userid NOT IN ({b.within('inquiry', 180)})",
        ),
        Case(
            f"{DEPARTMENT}的客户",
            InDepartment((department_id,)),
            partial(b.pd_department, name=DEPARTMENT),
            DEPARTMENT_SQL,
        ),
        Case("新客户", NewCustomer(), partial(b.pd_new_customers, days=30), NEW_SQL),
    ]
