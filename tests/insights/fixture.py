"""A ten-customer company whose persona, spend and overlaps are worked out by hand in the tests."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from tests.segmentation.factory import NOW, Dataset

DAY = timedelta(days=1)


def company() -> Dataset:
    """s1 (张三) and s2 (李四) sit in 销售一部, which `lead` leads; s3 (王五) in 销售二部.

    city / gender / live follower / tags / orders (yuan, days ago) / inquiries (days ago):
      c1  上海 F s1  VIP (marked twice)  600@10, 400@12   inquiry@5
      c2  上海 F s1  VIP                 200@40            inquiry@9
      c3  北京 M s1  金卡                 —                 inquiry@20
      c4  上海 F —   VIP                 3000@100          —          (s1's follow ended)
      c5  北京 M s2                      100@2, 100@30, 100@50
      c6  上海 F s2                      50@200
      c7  —    ? s2
      c8  广州 M s3
      c9  上海 M s3  VIP
      c10 北京 F s3
      c11 上海 F s1  deleted customer     900@1
    """
    data = Dataset(
        departments=[(1, "总部", None), (2, "销售一部", 1), (3, "销售二部", 1)],
        staff=[
            ("boss", "老板", "admin", True),
            ("lead", "王经理", None, True),
            ("s1", "张三", None, True),
            ("s2", "李四", None, True),
            ("s3", "王五", None, True),
        ],
        memberships=[("lead", 2, True), ("s1", 2, False), ("s2", 2, False), ("s3", 3, False)],
        tags=[("t1", "VIP", False), ("t2", "金卡", False), ("t3", "旧标签", True)],
    )
    people = [
        ("c1", "上海", 2, "s1"),
        ("c2", "上海", 2, "s1"),
        ("c3", "北京", 1, "s1"),
        ("c4", "上海", 2, "s1"),
        ("c5", "北京", 1, "s2"),
        ("c6", "上海", 2, "s2"),
        ("c7", None, 0, "s2"),
        ("c8", "广州", 1, "s3"),
        ("c9", "上海", 1, "s3"),
        ("c10", "北京", 2, "s3"),
        ("c11", "上海", 2, "s1"),
    ]
    for eid, city, gender, owner in people:
        data.customers.append((eid, eid, gender, city, eid == "c11"))
        data.follows.append((eid, owner, NOW - 300 * DAY, eid == "c4"))
    data.customer_tags = [
        ("c1", "t1", "s1"),
        ("c1", "t1", ""),
        ("c2", "t1", ""),
        ("c4", "t1", ""),
        ("c9", "t1", ""),
        ("c3", "t2", ""),
        ("c5", "t3", ""),  # a deleted tag is no attribute
    ]
    orders = [
        ("c1", 600, 10), ("c1", 400, 12), ("c2", 200, 40), ("c4", 3000, 100),
        ("c5", 100, 2), ("c5", 100, 30), ("c5", 100, 50), ("c6", 50, 200), ("c11", 900, 1),
    ]  # fmt: skip
    for n, (eid, amount, days) in enumerate(orders):
        data.events.append((f"o{n}", eid, "order", NOW - days * DAY, Decimal(amount)))
    for n, (eid, days) in enumerate([("c1", 5), ("c2", 9), ("c3", 20), ("c1", 30)]):
        data.events.append((f"i{n}", eid, "inquiry", NOW - days * DAY, None))
    data.events.append(("future", "c3", "order", NOW + DAY, Decimal(5)))  # not yet: ignored
    return data


BASE = [f"c{i}" for i in range(1, 12)]  # c11 is deleted and must be ignored
SEGMENT = ["c1", "c2", "c3", "c4"]
