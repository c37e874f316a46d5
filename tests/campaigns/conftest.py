"""Fixtures: a small company in the database and in the fake WeCom."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from tests.campaigns.world import World, build_world


@pytest.fixture
def world(clean_engine: Engine) -> World:
    return build_world(clean_engine)
