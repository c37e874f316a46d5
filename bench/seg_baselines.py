"""What an analyst would do without segbot: the ten bench segments in pandas and in DuckDB.

Both read the same rows as segbot (loaded once from the bench database, in segbot's storage
format: naive UTC times, integer fen) and follow the semantics of spec/commands.md as the
compiler does — windows inclusive at both ends and cut at `now`, customers without orders
spend 0, deleted customers never members — so the three answers can be compared as sets.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import duckdb
import pandas as pd
from sqlalchemy import Engine

EPOCH = datetime(1970, 1, 1)
TABLES = {
    "customers": "SELECT external_userid, city, deleted FROM customers",
    "events": "SELECT external_userid, kind, occurred_at, amount FROM events",
    "tags": "SELECT tag_id, name, deleted FROM tags",
    "customer_tags": "SELECT external_userid, tag_id FROM customer_tags",
    "follows": "SELECT external_userid, userid, added_at, deleted FROM follows",
    "departments": "SELECT id, name, parent_id FROM departments",
    "staff_departments": "SELECT userid, department_id FROM staff_departments",
}


@dataclass(frozen=True)
class Frames:
    """The tables as DataFrames, plus the bench's `now` as naive UTC."""

    tables: dict[str, pd.DataFrame]
    now: datetime

    def __getitem__(self, name: str) -> pd.DataFrame:
        return self.tables[name]


def load_frames(engine: Engine, now: datetime) -> tuple[Frames, float]:
    """pandas.read_sql of every table a segment needs; seconds taken."""
    started = time.perf_counter()
    tables: dict[str, pd.DataFrame] = {}
    with engine.connect() as conn:
        for name, query in TABLES.items():
            tables[name] = pd.read_sql(query, conn)
    for name, column in (("events", "occurred_at"), ("follows", "added_at")):
        tables[name][column] = pd.to_datetime(tables[name][column], format="ISO8601")
    for name in ("customers", "tags", "follows"):
        tables[name]["deleted"] = tables[name]["deleted"].astype(bool)
    tables["events"]["amount"] = tables["events"]["amount"].astype("Int64")
    naive_now = now.astimezone(UTC).replace(tzinfo=None)
    return Frames(tables, naive_now), time.perf_counter() - started


# ---------------------------------------------------------------- pandas


def _alive(f: Frames) -> pd.Series:
    c = f["customers"]
    return c.loc[~c["deleted"], "external_userid"]


def _events(f: Frames, kind: str, days: int | None = None) -> pd.DataFrame:
    e = f["events"]
    mask = (e["kind"] == kind) & (e["occurred_at"] <= f.now)
    if days is not None:
        mask &= e["occurred_at"] >= f.now - timedelta(days=days)
    return e.loc[mask]


def _who(f: Frames, kind: str, days: int | None = None) -> pd.Index:
    return pd.Index(_events(f, kind, days)["external_userid"].unique())


def _keep(f: Frames, members: Any) -> set[str]:
    alive = _alive(f)
    return set(alive[alive.isin(members)])


def _spend_totals(f: Frames) -> pd.Series:
    orders = _events(f, "order")
    return orders.groupby("external_userid")["amount"].sum().astype("int64")


def pd_headline(f: Frames) -> set[str]:
    inquired = _who(f, "inquiry", 30)
    return _keep(f, inquired.difference(_who(f, "order", 30)))


def pd_spend_over(f: Frames, fen: int) -> set[str]:
    totals = _spend_totals(f)
    return _keep(f, totals.index[totals > fen])


def pd_spend_under(f: Frames, fen: int) -> set[str]:
    alive = _alive(f)
    totals = _spend_totals(f).reindex(alive, fill_value=0)
    return set(totals.index[totals < fen])


def pd_orders_at_least(f: Frames, count: int) -> set[str]:
    counts = _events(f, "order")["external_userid"].value_counts()
    return _keep(f, counts.index[counts >= count])


def pd_tag_city(f: Frames, tag: str, city: str) -> set[str]:
    t = f["tags"]
    tag_ids = t.loc[~t["deleted"] & (t["name"].str.lower() == tag.lower()), "tag_id"]
    ct = f["customer_tags"]
    tagged = ct.loc[ct["tag_id"].isin(tag_ids), "external_userid"].unique()
    c = f["customers"]
    local = c.loc[c["city"] == city, "external_userid"]
    return _keep(f, local[local.isin(tagged)])


def _rfm(f: Frames) -> pd.DataFrame:
    orders = _events(f, "order")
    per = orders.groupby("external_userid").agg(
        last=("occurred_at", "max"), orders=("kind", "size"), fen=("amount", "sum")
    )
    per = per[per.index.isin(_alive(f))]
    per["last_us"] = (per["last"] - EPOCH) // timedelta(microseconds=1)
    return per


def pd_high_value(f: Frames) -> set[str]:
    per = _rfm(f)
    n = len(per)
    # Exact integer floors of the means, like segmentation.named.RfmMeans (int64 would overflow).
    last_floor = sum(map(int, per["last_us"])) // n
    orders_floor = sum(map(int, per["orders"])) // n
    fen_floor = sum(map(int, per["fen"])) // n
    hit = (per["last_us"] > last_floor) & (per["orders"] > orders_floor) & (per["fen"] > fen_floor)
    return set(per.index[hit])


def pd_top_percent(f: Frames, percent: int) -> set[str]:
    totals = _spend_totals(f)
    totals = totals[totals.index.isin(_alive(f))]
    ranked = totals.reset_index().sort_values(
        ["amount", "external_userid"], ascending=[False, True], kind="stable"
    )
    keep = math.ceil(percent * len(ranked) / 100)
    return set(ranked["external_userid"].iloc[:keep])


def pd_dormant(f: Frames) -> set[str]:
    buyers = _who(f, "order")
    recent = _who(f, "order", 180).union(_who(f, "inquiry", 180))
    return _keep(f, buyers.difference(recent))


def _department_staff(f: Frames, name: str) -> set[str]:
    d = f["departments"]
    ids = set(d.loc[d["name"] == name, "id"])
    while True:  # sub-departments, to any depth
        more = set(d.loc[d["parent_id"].isin(ids), "id"]) - ids
        if not more:
            break
        ids |= more
    sd = f["staff_departments"]
    return set(sd.loc[sd["department_id"].isin(ids), "userid"])


def pd_department(f: Frames, name: str) -> set[str]:
    fo = f["follows"]
    live = fo.loc[~fo["deleted"] & fo["userid"].isin(_department_staff(f, name))]
    return _keep(f, live["external_userid"].unique())


def pd_new_customers(f: Frames, days: int) -> set[str]:
    first = f["follows"].groupby("external_userid")["added_at"].min()
    inside = (first >= f.now - timedelta(days=days)) & (first <= f.now)
    return _keep(f, first.index[inside])


# ---------------------------------------------------------------- DuckDB


def duck_connect(f: Frames) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding the same rows (copied from the DataFrames once)."""
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    for name, frame in f.tables.items():
        con.register("frame", frame)
        con.execute(f"CREATE TABLE {name} AS SELECT * FROM frame")
        con.unregister("frame")
    return con


def duck_sql(con: duckdb.DuckDBPyConnection, sql: str, f: Frames) -> set[str]:
    text = sql.replace(":now", f"TIMESTAMP '{f.now.isoformat(sep=' ')}'")
    return {row[0] for row in con.execute(text).fetchall()}


ALIVE = "SELECT external_userid FROM customers WHERE NOT deleted"
ORDERS = "kind = 'order' AND occurred_at <= :now"


def within(kind: str, days: int) -> str:
    return (
        f"SELECT external_userid FROM events WHERE kind = '{kind}' AND occurred_at <= :now"
        f" AND occurred_at >= :now - INTERVAL {days} DAY"
    )


def totals_sql() -> str:
    return (
        "SELECT external_userid, coalesce(sum(amount), 0) AS fen, count(*) AS n,"
        f" max(occurred_at) AS last FROM events WHERE {ORDERS} GROUP BY external_userid"
    )


Baseline = Callable[[Frames], set[str]]
