"""The digest fixture company on the suite's database (SQLite, or PostgreSQL when set)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from bot.database import make_session_factory, unit_of_work
from tests.digest.company import build_company


@pytest.fixture
def factory(clean_engine: Engine) -> sessionmaker[Session]:
    made = make_session_factory(clean_engine)
    with unit_of_work(made) as s:
        build_company(s)
    return made
