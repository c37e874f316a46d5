"""Sync against the simulator over HTTP (thousands of customers), and incremental updates."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import Engine, func, select, text
from sqlalchemy.orm import Session, sessionmaker

from bot.database import make_session_factory
from bot.models.tokens import SyncCheckpoint
from bot.services.sync import apply_callback_event, mark_tags, run_full_sync
from integrations.wecom.client import WechatpyGateway
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.company import Company
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.server import Simulator
from segmentation.models import Customer, CustomerTag, Follow, Staff, StaffDepartment, Tag
from tests.simulated import running_simulator, simulator_gateway

NOW = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
BATCH = "externalcontact/batch/get_by_user"


@pytest.fixture
def factory(clean_engine: Engine) -> sessionmaker[Session]:
    return make_session_factory(clean_engine)


@pytest.fixture
def sim() -> Iterator[Simulator]:
    with running_simulator(customers=2500, seed=3) as simulator:
        yield simulator


def gateway_for(sim: Simulator) -> WechatpyGateway:
    return simulator_gateway(sim)


def assert_matches(session: Session, company: Company) -> None:
    live_follows = set(company.follows)
    db_follows = {
        (f.userid, f.external_userid)
        for f in session.scalars(select(Follow).where(Follow.deleted.is_(False)))
    }
    assert db_follows == live_follows
    live_customers = {e for _, e in company.follows}
    db_customers = set(
        session.scalars(select(Customer.external_userid).where(Customer.deleted.is_(False)))
    )
    assert db_customers == live_customers
    truth_tags = {
        (f.external_userid, t, f.userid) for f in company.follows.values() for t in f.tag_ids
    }
    db_tags = {
        (c.external_userid, c.tag_id, c.userid) for c in session.scalars(select(CustomerTag))
    }
    assert db_tags == truth_tags


def test_full_sync_matches_the_simulator(sim: Simulator, factory: sessionmaker[Session]) -> None:
    progress: list[tuple[str, int]] = []
    report = run_full_sync(
        factory, gateway_for(sim), NOW, progress=lambda s, n: progress.append((s, n))
    )
    company = sim.company
    assert report.follow_rows == len(company.follows) and report.pages > 25
    assert sum(n for s, n in progress if s == "customers") == len(company.follows)
    with factory() as session:
        assert_matches(session, company)
        assert session.scalar(select(func.count()).select_from(Tag)) == 14
        leaders = set(
            session.scalars(select(StaffDepartment.userid).where(StaffDepartment.is_leader))
        )
        assert leaders == {u for u, m in company.members.items() if m.is_leader_in_dept}
        some = next(iter(company.customers.values()))
        assert session.get(Customer, some.external_userid).city == some.city


def test_resync_is_idempotent(sim: Simulator, factory: sessionmaker[Session]) -> None:
    gw = gateway_for(sim)
    run_full_sync(factory, gw, NOW)
    with factory() as session:
        counts = [
            session.scalar(select(func.count()).select_from(t))
            for t in (Customer, Follow, CustomerTag, Staff)
        ]
    second = run_full_sync(factory, gw, NOW)
    assert not second.resumed and second.follows_deleted == 0
    with factory() as session:
        assert counts == [
            session.scalar(select(func.count()).select_from(t))
            for t in (Customer, Follow, CustomerTag, Staff)
        ]
        assert_matches(session, sim.company)


def test_vanished_relations_are_marked_deleted_not_removed(
    sim: Simulator, factory: sessionmaker[Session]
) -> None:
    gw = gateway_for(sim)
    run_full_sync(factory, gw, NOW)
    company = sim.company
    lonely = next(e for e in sorted(company.customers) if len(company.followers_of(e)) == 1)
    owner = company.followers_of(lonely)[0].userid
    sim.scenario.customer_deletes_staff(owner, lonely)  # no callback URL: a missed callback
    report = run_full_sync(factory, gw, NOW)
    assert report.follows_deleted == 1 and report.customers_deleted == 1
    with factory() as session:
        customer = session.get(Customer, lonely)
        assert customer is not None and customer.deleted and customer.deleted_at == NOW
        assert_matches(session, company)


def test_token_expiry_and_rate_limits_mid_sync_recover(
    sim: Simulator, factory: sessionmaker[Session]
) -> None:
    gw = gateway_for(sim)
    gw.get_follow_user_list()
    sim.expire_tokens()
    sim.fail_next(BATCH, 45009, times=2)
    sim.fail_next("externalcontact/list", -1, times=1)
    run_full_sync(factory, gw, NOW)
    with factory() as session:
        assert_matches(session, sim.company)
    assert sim.state.gettoken_calls >= 3


class Interrupt(Exception):
    pass


class StopsAfter:
    """A gateway that dies after n pages of batch/get_by_user, like a killed process."""

    def __init__(self, inner: WechatpyGateway, pages: int) -> None:
        self.inner, self.left = inner, pages

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def batch_get_by_user_page(self, *args: object, **kwargs: object) -> object:
        if self.left == 0:
            raise Interrupt
        self.left -= 1
        return self.inner.batch_get_by_user_page(*args, **kwargs)  # type: ignore[arg-type]


def test_interrupted_sync_resumes_refetching_only_the_unwritten_pages(
    sim: Simulator, factory: sessionmaker[Session]
) -> None:
    # Pages are written ~1000 relations at a time (20 pages of 50): killed after 25 pages,
    # the first 20 are committed with their checkpoint and only the last 5 are read again.
    gw = gateway_for(sim)
    with pytest.raises(Interrupt):
        run_full_sync(factory, StopsAfter(gw, 25), NOW, page_limit=50)  # type: ignore[arg-type]
    with factory() as session:
        cp = session.get(SyncCheckpoint, "full_sync")
        assert cp is not None and cp.pages == 20 and cp.finished_at is None
    report = run_full_sync(factory, gw, NOW, page_limit=50)
    assert report.resumed and report.follow_rows == len(sim.company.follows)
    assert sim.calls_to(BATCH) == report.pages + 5
    with factory() as session:
        assert_matches(session, sim.company)


# -- incremental updates (fake gateway, same rules) -------------------------------------------


@pytest.fixture
def fake() -> FakeWeComGateway:
    return FakeWeComGateway(seed_company(customers=60, seed=5))


def test_callbacks_add_edit_and_delete_relations(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    seller = fake.company.follow_user_list()[0]
    added = fake.scenario.add_contact(seller, name="李雷", city="杭州", gender=1)
    with factory.begin() as session:
        apply_callback_event(session, fake, added, NOW)
        apply_callback_event(session, fake, added, NOW)  # a replay changes nothing more
    with factory() as session:
        customer = session.get(Customer, added.external_userid)
        assert customer is not None and (customer.name, customer.city) == ("李雷", "杭州")
    gone = fake.scenario.customer_deletes_staff(seller, added.external_userid)
    with factory.begin() as session:
        apply_callback_event(session, fake, gone, NOW)
    with factory() as session:
        assert session.get(Customer, added.external_userid).deleted
        follow = session.scalar(
            select(Follow).where(Follow.external_userid == added.external_userid)
        )
        assert follow.deleted and follow.deleted_reason == "del_follow_user"


def test_transfer_deletion_is_not_churn(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    company = fake.company
    ext = next(e for e in sorted(company.customers) if len(company.followers_of(e)) == 1)
    owner = company.followers_of(ext)[0].userid
    event = fake.scenario.staff_deletes_contact(owner, ext, source="DELETE_BY_TRANSFER")
    with factory.begin() as session:
        apply_callback_event(session, fake, event, NOW)
    with factory() as session:
        assert not session.get(Customer, ext).deleted
        follow = session.scalar(select(Follow).where(Follow.external_userid == ext))
        assert follow.deleted_reason == "DELETE_BY_TRANSFER"


def test_tag_callbacks_create_and_delete(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    created = fake.scenario.create_tag("会员等级", "金卡")
    with factory.begin() as session:
        apply_callback_event(session, fake, created, NOW)
    with factory() as session:
        assert session.get(Tag, created.tag_id).name == "金卡"
    some_tag = next(iter(fake.company.tag_groups.values())).tags[0].id
    deleted = fake.scenario.delete_tag(some_tag)
    with factory.begin() as session:
        apply_callback_event(session, fake, deleted, NOW)
    with factory() as session:
        assert session.get(Tag, some_tag).deleted
        assert not session.scalars(select(CustomerTag).where(CustomerTag.tag_id == some_tag)).all()


def test_mark_tags_writes_through(fake: FakeWeComGateway, factory: sessionmaker[Session]) -> None:
    run_full_sync(factory, fake, NOW)
    follow = next(f for f in fake.company.follows.values() if f.tag_ids)
    old = follow.tag_ids[0]
    new = next(
        t.id for g in fake.company.tag_groups.values() for t in g.tags if t.id not in follow.tag_ids
    )
    with factory.begin() as session:
        mark_tags(session, fake, follow.userid, follow.external_userid, [new], [old], NOW)
    assert new in follow.tag_ids and old not in follow.tag_ids  # WeCom changed
    with factory() as session:
        tags = set(
            session.scalars(
                select(CustomerTag.tag_id).where(
                    CustomerTag.external_userid == follow.external_userid,
                    CustomerTag.userid == follow.userid,
                )
            )
        )
        assert tags == set(follow.tag_ids)


def test_a_first_sync_gives_postgresql_statistics_while_the_tables_fill(
    sim: Simulator, factory: sessionmaker[Session], is_postgres: bool
) -> None:
    # Without statistics PostgreSQL plans each page's IN-list lookups as whole-table scans,
    # and a first sync's time grows with the square of its size (bench/sync_bench.py).
    if not is_postgres:
        pytest.skip("planner statistics are PostgreSQL's; SQLite's lookups use the indexes")
    run_full_sync(factory, gateway_for(sim), NOW)
    with factory() as session:
        estimated = dict(
            session.execute(
                text(
                    "SELECT relname, reltuples FROM pg_class "
                    "WHERE relnamespace = current_schema()::regnamespace "
                    "AND relname IN ('customers', 'follows', 'customer_tags')"
                )
            ).all()
        )
    assert set(estimated) == {"customers", "follows", "customer_tags"}
    assert all(rows >= 1_000 for rows in estimated.values()), estimated


def test_added_contact_keeps_its_channel_code_and_add_way(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    seller = fake.company.follow_user_list()[0]
    added = fake.scenario.add_contact(seller, name="韩梅梅", state="展会2026", add_way=16)
    assert added.state == "展会2026"
    with factory.begin() as session:
        apply_callback_event(session, fake, added, NOW)
    with factory() as session:
        follow = session.scalar(
            select(Follow).where(Follow.external_userid == added.external_userid)
        )
        assert (follow.add_way, follow.state) == (16, "展会2026")


def test_callback_state_fills_a_detail_that_lacks_it(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    seller = fake.company.follow_user_list()[0]
    added = fake.scenario.add_contact(seller, name="韩梅梅")  # the QR had no state
    late = dataclasses.replace(added, state="门店海报")  # …but the callback named one
    with factory.begin() as session:
        apply_callback_event(session, fake, late, NOW)
    with factory() as session:
        follow = session.scalar(
            select(Follow).where(Follow.external_userid == added.external_userid)
        )
        assert (follow.add_way, follow.state) == (1, "门店海报")


def test_full_sync_stores_add_way_and_state(
    fake: FakeWeComGateway, factory: sessionmaker[Session]
) -> None:
    run_full_sync(factory, fake, NOW)
    wanted = {
        (f.external_userid, f.userid): (f.add_way, f.state or None)
        for f in fake.company.follows.values()
    }
    with factory() as session:
        stored = {
            (f.external_userid, f.userid): (f.add_way, f.state)
            for f in session.scalars(select(Follow))
        }
    assert stored == wanted
    assert len({s for _, s in stored.values()}) > 1  # the seed varies the codes
