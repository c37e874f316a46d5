"""Reliability battery fixtures: a rig per test (simulator + database + segbot processes), and
`slow` tests kept out unless asked for (`-m slow`, or SEGBOT_RELIABILITY_SLOW=1)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.reliability.harness import Rig, make_rig

HERE = Path(__file__).parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Skip this folder's slow tests unless the -m expression or the environment asks for them
    (pyproject's addopts does not exclude them, and this folder must stay quick by default)."""
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("SEGBOT_RELIABILITY_SLOW"):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow or SEGBOT_RELIABILITY_SLOW=1")
    for item in items:
        if item.get_closest_marker("slow") and HERE in Path(str(item.fspath)).parents:
            item.add_marker(skip)


@pytest.fixture
def make_reliability_rig(
    fresh_database_url: Callable[[str], str], tmp_path: Path
) -> Iterator[Callable[..., Rig]]:
    rigs: list[Rig] = []

    def make(customers: int = 300, seed: int = 3) -> Rig:
        rig = make_rig(fresh_database_url("rel"), tmp_path / f"rig{len(rigs)}", customers=customers,
                       seed=seed)  # fmt: skip
        rigs.append(rig)
        return rig

    yield make
    for rig in rigs:
        rig.close()
