"""A synthetic company (staff, customers, follows, tags, a year of events) for demos and benchmarks.

Deterministic for a seed; streams rows so a million customers never sit in memory.
"""

from __future__ import annotations

import csv
import json
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢"
    "宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈"
)
GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚"
    "桂英华玉兰萍红鹏辉建国文斌宇浩凯婷雪琳晨欣怡然子涵梓轩"
)
CITIES = (
    ("上海", 18),
    ("北京", 16),
    ("广州", 10),
    ("深圳", 12),
    ("杭州", 8),
    ("成都", 7),
    ("南京", 5),
    ("武汉", 5),
    ("西安", 4),
    ("重庆", 4),
    ("苏州", 4),
    ("天津", 3),
    ("长沙", 2),
    ("青岛", 2),
    ("厦门", 2),
    ("", 6),
)
DEPARTMENTS = ("销售一部", "销售二部", "大客户部")
TAG_GROUPS = (
    ("客户等级", ("VIP", "金卡", "普通")),
    ("意向", ("高意向", "中意向", "低意向")),
    ("来源", ("展会", "官网", "转介绍")),
)
# Kind, share of events; orders carry amounts, refunds usually follow an order.
EVENT_MIX = (("inquiry", 0.40), ("visit", 0.25), ("cart", 0.15), ("order", 0.15), ("refund", 0.05))


@dataclass(frozen=True)
class CompanyShape:
    customers: int
    staff: int = 50
    events_per_customer: float = 10.0
    seed: int = 7


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def staff_rows(shape: CompanyShape) -> Iterator[dict[str, str]]:
    rng = random.Random(shape.seed)
    for i in range(shape.staff):
        department = DEPARTMENTS[i % len(DEPARTMENTS)]
        role = "manager" if i < len(DEPARTMENTS) else "sales"
        yield {
            "userid": f"staff{i:03d}",
            "name": _name(rng),
            "department": department,
            "role": role,
        }


def customer_id(i: int) -> str:
    return f"wm{i:08d}"


def customer_rows(shape: CompanyShape, now: datetime) -> Iterator[dict[str, str]]:
    rng = random.Random(shape.seed * 31 + 1)
    cities = [c for c, _ in CITIES]
    weights = [w for _, w in CITIES]
    for i in range(shape.customers):
        created = now - timedelta(days=rng.uniform(0, 720))
        yield {
            "external_userid": customer_id(i),
            "name": _name(rng),
            "gender": str(rng.choices((0, 1, 2), (1, 4, 5))[0]),
            "city": rng.choices(cities, weights)[0],
            "corp_name": "",
            "phone": f"1{rng.randint(3, 9)}{rng.randint(0, 999999999):09d}",
            "created_at": created.isoformat(timespec="seconds"),
            "deleted": "1" if rng.random() < 0.02 else "0",
        }


def follow_rows(shape: CompanyShape, now: datetime) -> Iterator[dict[str, str]]:
    rng = random.Random(shape.seed * 31 + 2)
    for i in range(shape.customers):
        owners = rng.sample(range(shape.staff), 2 if rng.random() < 0.15 else 1)
        for owner in owners:
            added = now - timedelta(days=rng.uniform(0, 700))
            yield {
                "external_userid": customer_id(i),
                "userid": f"staff{owner:03d}",
                "added_at": added.isoformat(timespec="seconds"),
                "remark": "",
            }


def tag_rows() -> Iterator[dict[str, str]]:
    for g, (group, names) in enumerate(TAG_GROUPS):
        for t, name in enumerate(names):
            yield {"tag_id": f"tag{g}{t}", "name": name, "group_name": group}


def customer_tag_rows(shape: CompanyShape) -> Iterator[dict[str, str]]:
    rng = random.Random(shape.seed * 31 + 3)
    for i in range(shape.customers):
        for g, (_, names) in enumerate(TAG_GROUPS):
            if rng.random() < 0.45:
                t = rng.choices(range(len(names)), (1, 2, 4))[0]
                yield {"external_userid": customer_id(i), "tag_id": f"tag{g}{t}", "userid": ""}


def event_rows(shape: CompanyShape, now: datetime) -> Iterator[dict[str, str]]:
    rng = random.Random(shape.seed * 31 + 4)
    kinds = [k for k, _ in EVENT_MIX]
    weights = [w for _, w in EVENT_MIX]
    n = 0
    for i in range(shape.customers):
        activity = rng.expovariate(1.0)  # a few very active customers, many quiet ones
        count = int(rng.expovariate(1.0 / max(shape.events_per_customer * activity, 0.1)))
        for _ in range(min(count, 200)):
            kind = rng.choices(kinds, weights)[0]
            # Recent activity is denser: square of a uniform skews towards now.
            at = now - timedelta(seconds=int(365 * 86400 * rng.random() ** 2))
            amount = ""
            if kind in ("order", "refund"):
                amount = f"{rng.lognormvariate(6.0, 0.8):.2f}"
            yield {
                "event_id": f"ev{n:09d}",
                "external_userid": customer_id(i),
                "kind": kind,
                "occurred_at": at.isoformat(timespec="seconds"),
                "amount": amount,
                "properties": json.dumps(
                    {"channel": rng.choice(("门店", "官网", "企微"))}, ensure_ascii=False
                )
                if rng.random() < 0.2
                else "",
            }
            n += 1


COLUMNS = {
    "staff.csv": ("userid", "name", "department", "role"),
    "customers.csv": (
        "external_userid",
        "name",
        "gender",
        "city",
        "corp_name",
        "phone",
        "created_at",
        "deleted",
    ),
    "follows.csv": ("external_userid", "userid", "added_at", "remark"),
    "tags.csv": ("tag_id", "name", "group_name"),
    "customer_tags.csv": ("external_userid", "tag_id", "userid"),
    "events.csv": ("event_id", "external_userid", "kind", "occurred_at", "amount", "properties"),
}


def write_company(directory: Path, shape: CompanyShape, now: datetime) -> dict[str, int]:
    """Write the six CSV files of interfaces.md; returns the row count of each."""
    directory.mkdir(parents=True, exist_ok=True)
    sources = {
        "staff.csv": staff_rows(shape),
        "customers.csv": customer_rows(shape, now),
        "follows.csv": follow_rows(shape, now),
        "tags.csv": tag_rows(),
        "customer_tags.csv": customer_tag_rows(shape),
        "events.csv": event_rows(shape, now),
    }
    counts = {}
    for name, rows in sources.items():
        with (directory / name).open("w", encoding="utf-8", newline="") as handle:
            # Input files for `segbot import`, every value made up here (no customer text):
            # no formula quoting (bot.services.cells), which the import would keep as data.
            writer = csv.DictWriter(handle, fieldnames=COLUMNS[name])
            writer.writeheader()
            counts[name] = 0
            for row in rows:
                writer.writerow(row)
                counts[name] += 1
    return counts
