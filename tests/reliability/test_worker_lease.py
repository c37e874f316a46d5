"""A worker killed mid-burst (issue 17 §15): it holds at most the one message it was on, under
a short lease, so the restarted worker answers everything else at once and that message
within the lease (docs/reliability.md has the figures)."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

from bot.inbox.worker import RetryPolicy
from bot.models.inbox import DONE, PROCESSING
from integrations.wecom.events import TextMessage
from tests.reliability.callbacks import seed_database
from tests.reliability.harness import Rig, utcnow

MESSAGES = 8


def _wait(condition: Callable[[], bool], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_a_killed_worker_holds_one_message_for_one_short_lease(
    make_reliability_rig: Callable[..., Rig],
) -> None:
    rig = make_reliability_rig(customers=30)
    seed_database(rig)
    rig.start_serve(worker=False)
    user = rig.company.follow_user_list()[0]
    for n in range(MESSAGES):
        message = TextMessage(user, "帮助", str(7_100_000 + n), rig.sim.config.agent_id, 1)
        assert rig.sim.scenario.push(message, rig.callback_url) == 200
    rig.slow.delay = 0.5  # every WeCom call is slow: the worker is caught mid-message
    rig.start("worker", "worker", "--poll", "0.1")
    assert _wait(lambda: any(m.status == PROCESSING for m in rig.inbox()), 60)
    killed_at = utcnow()
    assert rig.kill9("worker")

    held = [m for m in rig.inbox() if m.status == PROCESSING]
    assert len(held) == 1, [m.status for m in rig.inbox()]
    assert held[0].next_attempt_at <= killed_at + RetryPolicy().lease + timedelta(seconds=1)
    assert RetryPolicy().lease <= timedelta(seconds=60)

    rig.slow.delay = 0.0
    restarted = time.monotonic()
    rig.start("worker", "worker", "--poll", "0.1")
    # Everything the dead worker did not hold is answered without waiting for its lease…
    assert _wait(lambda: sum(m.status == DONE for m in rig.inbox()) >= MESSAGES - 1, 60)
    # …and the held message once its lease has run out.
    assert _wait(lambda: all(m.status == DONE for m in rig.inbox()), 120)
    recovered = time.monotonic() - restarted
    print(f"held message answered {recovered:.1f} s after the restart")
    assert [m.attempts for m in rig.inbox() if m.id == held[0].id] == [2]
