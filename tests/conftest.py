"""Shared fixtures: a database per test run (SQLite file, or a fresh PostgreSQL schema when
SEGBOT_TEST_DATABASE_URL is set), emptied before each test that asks for it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from bot.database import make_engine, make_session_factory
from bot.models import metadata

PG_ENV = "SEGBOT_TEST_DATABASE_URL"


def _with_search_path(url: str, schema: str) -> str:
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options={quote(f'-csearch_path={schema}')}"


@pytest.fixture(scope="session")
def fresh_database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[callable]:
    """A factory of empty databases: a new SQLite file, or a new PostgreSQL schema."""
    server_url = os.environ.get(PG_ENV)
    schemas: list[str] = []

    def make(label: str = "db") -> str:
        if not server_url:
            return f"sqlite:///{tmp_path_factory.mktemp(label) / 'segbot.db'}"
        schema = f"t_{label}_{uuid.uuid4().hex[:10]}"
        admin = make_engine(server_url)
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        admin.dispose()
        schemas.append(schema)
        return _with_search_path(server_url, schema)

    yield make

    if server_url and schemas:
        admin = make_engine(server_url)
        # One transaction per schema: dropping every test schema at once takes a lock per
        # table of each and runs out of max_locks_per_transaction as the suite grows.
        for schema in schemas:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="session")
def db_url(fresh_database_url: callable) -> str:
    return fresh_database_url("suite")


@pytest.fixture(scope="session")
def engine(db_url: str) -> Iterator[Engine]:
    engine = make_engine(db_url)
    metadata.create_all(engine)
    yield engine
    engine.dispose()


def empty_all_tables(engine: Engine) -> None:
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def clean_engine(engine: Engine) -> Engine:
    """The suite's engine with every table emptied first."""
    empty_all_tables(engine)
    return engine


@pytest.fixture
def session(clean_engine: Engine) -> Iterator[Session]:
    factory = make_session_factory(clean_engine)
    with factory() as s:
        yield s


@pytest.fixture
def is_postgres(db_url: str) -> bool:
    return db_url.startswith("postgresql")


@pytest.fixture
def tmp_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty directory, so no stray `.env` or `segbot.db` is picked up."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
