"""The simulator's seeded company carries channels as WeCom would: add_way codes and 渠道活码."""

from __future__ import annotations

from collections import Counter

from integrations.wecom.simulator.seed import LINK_STATES, seed_company
from segmentation.channels import BY_CODE


def test_lively_company_has_consistent_channels() -> None:
    company = seed_company(customers=400, seed=3, lively_until=1_790_000_000)
    ways = Counter(f.add_way for f in company.follows.values())
    states = Counter(f.state for f in company.follows.values() if f.state)
    assert set(ways) <= set(BY_CODE)  # only documented codes
    assert {1, 2, 3, 4, 16}.issubset(ways)  # QR, phone search, card, group chat, link
    assert len(states) >= 4
    for follow in company.follows.values():
        if follow.state:  # a 渠道活码 is scanned (a QR) or clicked (a 获客链接)
            assert follow.add_way == (16 if follow.state in LINK_STATES else 1)


def test_fixed_company_is_unchanged_by_the_channel_extras() -> None:
    plain = seed_company(customers=50, seed=3)
    again = seed_company(customers=50, seed=3)
    assert [(f.add_way, f.state) for f in plain.follows.values()] == [
        (f.add_way, f.state) for f in again.follows.values()
    ]
    assert {f.add_way for f in plain.follows.values()} <= {1, 2, 3, 201}
