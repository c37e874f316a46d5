"""bot.claims: every worker (inbox, tag outbox, campaign sender, reconciler) claims rows alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy import Engine, String, event, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from bot.claims import claim_rows
from bot.database import make_session_factory


class _Base(DeclarativeBase):
    pass


class Job(_Base):
    __tablename__ = "claims_test_jobs"
    id: Mapped[int] = mapped_column(primary_key=True)
    status: Mapped[str] = mapped_column(String(10))
    attempts: Mapped[int] = mapped_column(default=0)


@pytest.fixture
def jobs(clean_engine: Engine) -> Iterator[Engine]:
    _Base.metadata.create_all(clean_engine)
    with make_session_factory(clean_engine).begin() as session:
        session.add_all(Job(id=i, status="open" if i != 3 else "done") for i in range(1, 7))
    yield clean_engine
    _Base.metadata.drop_all(clean_engine)


def _statuses(engine: Engine) -> dict[int, str]:
    with make_session_factory(engine)() as session:
        return {i: s for i, s in session.execute(select(Job.id, Job.status))}


def test_claims_the_first_matching_rows_in_order_and_marks_them(jobs: Engine) -> None:
    taken = {"status": "taken", "attempts": Job.attempts + 1}
    with make_session_factory(jobs).begin() as session:
        rows = claim_rows(session, Job, Job.status == "open", taken, order_by=[Job.id.desc()],
                          limit=3, columns=(Job.attempts,))  # fmt: skip
    assert [tuple(r) for r in rows] == [(6, 1), (5, 1), (4, 1)]
    assert _statuses(jobs) == {1: "open", 2: "open", 3: "done", 4: "taken", 5: "taken",
                               6: "taken"}  # fmt: skip
    with make_session_factory(jobs).begin() as session:
        assert [r.id for r in claim_rows(session, Job, Job.status == "open", taken)] == [1, 2]
        assert claim_rows(session, Job, Job.status == "open", taken) == []


def test_a_row_claimed_by_another_worker_meanwhile_is_not_claimed_twice(jobs: Engine) -> None:
    factory = make_session_factory(jobs)

    def another_worker_first(_conn, _cursor, statement: str, *_args) -> None:  # type: ignore[no-untyped-def]
        if statement.lstrip().upper().startswith("UPDATE") and not done:
            done.append(True)
            with factory.begin() as other:  # between our read and our write
                claim_rows(other, Job, Job.id == 2, {"status": "theirs"})

    done: list[bool] = []
    if jobs.dialect.name == "postgresql":
        pytest.skip("PostgreSQL locks the rows read (SKIP LOCKED): tested by the workers' tests")
    event.listen(jobs, "before_cursor_execute", another_worker_first)
    try:
        with factory.begin() as session:
            rows = claim_rows(session, Job, Job.status == "open", {"status": "ours"})
    finally:
        event.remove(jobs, "before_cursor_execute", another_worker_first)
    assert [r.id for r in rows] == [1, 4, 5, 6]
    assert _statuses(jobs)[2] == "theirs"
