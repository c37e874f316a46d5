"""Reliability battery fixtures: a rig per test (simulator + database + segbot processes)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.reliability.harness import Rig, make_rig


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
