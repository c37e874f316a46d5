"""A running demo (small company, ephemeral port) shared by the tests of one module."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.demo.config import DemoOptions
from bot.demo.runtime import DemoRuntime

HEADLINE = "近30天有咨询但未下单的客户"


def small_options(database_url: str, **changes: Any) -> DemoOptions:
    # 8 staff: the five department leaders (managers) and three salespeople.
    base: dict[str, Any] = {
        "database_url": database_url,
        "customers": 160,
        "staff": 8,
        "port": 0,
        "snapshot_days": 3,
        "show_progress": False,
        "worker_poll_seconds": 0.1,
    }
    base.update(changes)
    return DemoOptions(**base)


def wait_for(check: Callable[[], Any], what: str, seconds: float = 30.0) -> Any:
    """Poll `check` until it returns something truthy; fail naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


@pytest.fixture(scope="module")
def demo_url(fresh_database_url: Callable[[str], str]) -> str:
    return fresh_database_url("demo")


@pytest.fixture(scope="module")
def running_demo(demo_url: str) -> Iterator[DemoRuntime]:
    runtime = DemoRuntime(small_options(demo_url))
    runtime.start()
    yield runtime
    runtime.stop()
