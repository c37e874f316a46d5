"""Callbacks under SIGKILL: every acknowledged callback is stored, processed exactly once, and
its reply or relation is there after restarts (spec/security.md "Never lost, never doubled")."""

from __future__ import annotations

from collections.abc import Callable

from tests.reliability.callbacks import run_callback_faults, seed_database
from tests.reliability.harness import Rig, find_secrets


def test_acknowledged_callbacks_survive_kill9_of_server_and_worker(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    rig = make_reliability_rig(customers=120)
    seed_database(rig)
    figures = run_callback_faults(rig, messages=50, kills=3, seed=11)
    assert sum(figures.kills.values()) >= 3, figures
    assert figures.messages == 50
    assert figures.lost == []
    assert find_secrets(rig.logs()) == []
    assert figures.not_done == []
    assert figures.processed_twice == []
    assert figures.relations_missing == []
    assert figures.replies_missing == 0, figures
    # Replies are sent before the inbox row commits (bot/inbox/worker.py): a kill in that
    # window re-sends one reply; more than one per kill of the worker would be a bug.
    assert figures.replies_doubled <= figures.kills.get("worker", 0), figures
