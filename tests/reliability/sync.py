"""Fault scenario: `segbot sync` killed with SIGKILL at random points (and WeCom answering -1
and 45009 on some pages), restarted until it finishes; the database must then hold exactly what
the simulated WeCom holds, with nothing marked deleted by mistake."""

from __future__ import annotations

import random
import time
from dataclasses import dataclass, field

from sqlalchemy import select

from bot.models.tokens import SyncCheckpoint
from segmentation.models import Customer, Follow
from tests.reliability.harness import Rig

PAGE_API = "externalcontact/batch/get_by_user"


@dataclass
class SyncFigures:
    kills: int = 0
    runs: int = 0
    pages_requested: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    relations_expected: int = 0
    relations_missing: list[str] = field(default_factory=list)
    relations_extra: list[str] = field(default_factory=list)
    wrongly_deleted: list[str] = field(default_factory=list)
    finished: bool = False
    seconds: float = 0.0


def run_sync_faults(rig: Rig, *, kills: int, seed: int, delay: float = 0.05) -> SyncFigures:
    rng = random.Random(seed)
    figures = SyncFigures()
    started = time.monotonic()
    rig.slow.delay = delay
    rig.sim.fail_next(PAGE_API, -1, 1)
    rig.sim.fail_next(PAGE_API, 45009, 1)
    figures.faults = {"errcode -1": 1, "errcode 45009": 1}
    while figures.runs < kills + 10:
        figures.runs += 1
        proc = rig.start("sync", "sync")
        if figures.kills < kills:
            before = rig.sim.calls_to(PAGE_API)
            while proc.poll() is None and rig.sim.calls_to(PAGE_API) < before + 2:
                time.sleep(0.02)
            time.sleep(rng.uniform(0.0, 0.6))
            figures.kills += rig.kill9("sync")
        if proc.wait(timeout=600) == 0:
            break
    figures.pages_requested = rig.sim.calls_to(PAGE_API)
    _check(rig, figures)
    figures.seconds = time.monotonic() - started
    return figures


def _check(rig: Rig, figures: SyncFigures) -> None:
    company = rig.company
    expected = set(company.follows)
    with rig.factory() as s:
        live = {(r[0], r[1]) for r in s.execute(
            select(Follow.userid, Follow.external_userid).where(Follow.deleted.is_(False))
        )}  # fmt: skip
        deleted = list(s.scalars(select(Customer.external_userid).where(Customer.deleted)))
        checkpoint = s.get(SyncCheckpoint, "full_sync")
    figures.relations_expected = len(expected)
    figures.relations_missing = sorted(f"{u}/{e}" for u, e in expected - live)
    figures.relations_extra = sorted(f"{u}/{e}" for u, e in live - expected)
    figures.wrongly_deleted = sorted(set(deleted) & {e for _, e in expected})
    figures.finished = checkpoint is not None and checkpoint.finished_at is not None
