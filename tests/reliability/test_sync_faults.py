"""`segbot sync` under SIGKILL: a restarted sync resumes and completes; nothing half-written
is left and nothing is marked deleted by mistake (spec/security.md "Sync never hard-deletes")."""

from __future__ import annotations

from collections.abc import Callable

from tests.reliability.harness import Rig, find_secrets
from tests.reliability.sync import run_sync_faults


def test_killed_sync_resumes_to_exactly_what_wecom_holds(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    rig = make_reliability_rig(customers=1500)
    figures = run_sync_faults(rig, kills=2, seed=9)
    assert figures.kills >= 1, figures
    assert figures.finished, figures
    assert find_secrets(rig.logs()) == []
    assert figures.relations_missing == []
    assert figures.relations_extra == []
    assert figures.wrongly_deleted == []
