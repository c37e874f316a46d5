"""No customer outside the asker's scope reaches them (spec/security.md "Roles and
visibility"): lists, counts, exports and explanations over random segment trees and every role,
chat answers for random commands, and managers' daily digests over random companies."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from bot.database import make_session_factory, unit_of_work
from bot.models.campaigns import DELIVERED, HOLDOUT, TREATED
from bot.services.digest import chart
from bot.services.digest.build import NotADigestRecipient, build_digest, digest_requester
from bot.services.digest.model import Digest
from bot.services.digest.render import render_markdown
from bot.services.digest.segments import KEY_NAMED
from bot.services.query import run_query
from segmentation.compiler import SegmentError
from segmentation.engine import default_context, segment_count, segment_members
from segmentation.explain import explain_customer
from segmentation.models import Customer
from segmentation.nodes import All, NamedSegment, Node, SavedSegment
from segmentation.reports import segment_frame
from segmentation.scope import Requester
from tests.conftest import empty_all_tables
from tests.reliability.digest_company import ADMINS, RandomCompany, config, random_company
from tests.segmentation.factory import NOW, TZ, load, random_dataset
from tests.segmentation.trees import REQUESTERS, trees

CTX = default_context(TZ)
CHAT = [
    "我的客户", "所有客户", "上海的客户有多少", "s2的客户", "销售一部的客户", "导出消费最多的10个客户",  # noqa: E501
    "近30天有咨询但未下单的客户", "高价值客户", "all customers", "customers of s1", "给所有客户打标签VIP",  # noqa: E501
    "给所有客户发券满100减20", "m1的客户有多少",
]  # fmt: skip


def _ensure_data(session: Session) -> None:
    if session.execute(select(Customer.external_userid).limit(1)).first() is None:
        load(session, random_dataset(7))
        session.commit()


def _visible(session: Session, requester: Requester) -> set[str]:
    return set(segment_members(session, All(), requester=requester, now=NOW, ctx=CTX))


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(tree=trees(), requester=st.sampled_from(REQUESTERS))
def test_lists_counts_exports_and_explanations_stay_in_scope(
    session: Session, tree: Node, requester: Requester
) -> None:
    _ensure_data(session)
    scope = _visible(session, requester)
    try:
        members = segment_members(session, tree, requester=requester, now=NOW, ctx=CTX)
        count = segment_count(session, tree, requester=requester, now=NOW, ctx=CTX)
    except SegmentError:
        return
    assert set(members) <= scope
    assert count == len(members)
    frame = segment_frame(session, members, NOW)
    assert set(frame["external_userid"]) <= scope
    everyone = set(session.execute(select(Customer.external_userid)).scalars())
    for eid in sorted(everyone - scope)[:3]:
        explanation = explain_customer(session, tree, eid, requester=requester, now=NOW, ctx=CTX)
        assert not explanation.visible and not explanation.member
        assert explanation.condition is None


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    text=st.sampled_from(CHAT), asker=st.sampled_from(["s1", "s2", "m1", "m2", "boss", "nobody"])
)
def test_chat_answers_never_name_a_customer_outside_scope(
    session: Session, text: str, asker: str
) -> None:
    _ensure_data(session)
    answer = run_query(session, text, as_userid=asker, now=NOW, ctx=CTX, admins=frozenset())
    from segmentation.scope import resolve_requester

    requester = resolve_requester(session, asker, frozenset())
    customers = set(answer.get("customers") or [])
    if requester is None:
        assert answer["intent"] == "refused" and not customers
        return
    scope = _visible(session, requester)
    assert customers <= scope, (text, asker)
    if "count" in answer:
        assert answer["count"] == len(customers)


# -- digests ----------------------------------------------------------------------------------


def _recipients(company: RandomCompany) -> list[str]:
    return [u for u in [*sorted(company.staff), "root"] if company.role(u) in ("manager", "admin")]


# The company is a function of the seed, so shrinking it would only cost time.
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck),
          phases=(Phase.explicit, Phase.reuse, Phase.generate))  # fmt: skip
@given(seed=st.integers(0, 10**6), pick=st.integers(0, 10**3))
def test_a_digest_counts_only_the_customers_its_reader_may_see(
    clean_engine: Engine, monkeypatch: pytest.MonkeyPatch, seed: int, pick: int
) -> None:
    """Every number of a manager's (or admin's) digest equals the same number worked out in
    plain Python within their scope, and nothing in the markdown, the JSON or the chart names
    a customer, a salesperson or a campaign outside it. Sales staff and strangers get none."""
    company = random_company(seed)
    empty_all_tables(clean_engine)
    factory = make_session_factory(clean_engine)
    with unit_of_work(factory) as s:
        company.load(s)
    recipients = _recipients(company)
    userid = recipients[pick % len(recipients)]
    with factory() as session:
        for other in [*company.staff, "ghost"]:
            if other not in recipients:
                with pytest.raises(NotADigestRecipient):
                    digest_requester(session, other, ADMINS)
        requester = digest_requester(session, userid, ADMINS)
        assert requester.role == company.role(userid)
        digest = build_digest(session, requester, company.now, config())
        _check_numbers(session, company, requester, digest)
    _check_text(company, userid, digest, _chart_labels(monkeypatch, digest))


def _check_numbers(
    session: Session, company: RandomCompany, requester: Requester, digest: Digest
) -> None:
    team = company.team(requester.userid)
    scope = company.visible(team)
    p = company.periods
    assert digest.customers_in_scope == len(scope)
    ctx = config().engine
    expected_keys = [k for k in KEY_NAMED if ctx.named.get(k) is not None]
    expected_keys += [f"saved:{n}" for n, owner, _ in company.saved if owner == requester.userid]
    assert sorted(line.key for line in digest.segments) == sorted(expected_keys)
    for line in digest.segments:
        node: Node = (SavedSegment(line.key.removeprefix("saved:")) if line.kind == "saved"
                      else NamedSegment(line.key))  # fmt: skip
        points = ((line.now, p.now), (line.day_ago, p.day_ago), (line.week_ago, p.week_ago))
        for size, at in points:
            members = set(segment_members(session, node, requester=requester, now=at, ctx=ctx))
            assert members <= scope, (line.key, at)
            assert size == len(members), (line.key, at)
    flow = digest.flow
    assert flow.new_yesterday == company.new_customers(team, p.yesterday_start, p.today_start)
    assert flow.new_week == company.new_customers(team, p.week_start, p.today_start)
    assert flow.lost_yesterday == company.lost_customers(team, p.yesterday_start, p.today_start)
    assert flow.lost_week == company.lost_customers(team, p.week_start, p.today_start)
    movers = {m.userid: (m.customers_new, m.customers_lost, m.orders_week, m.orders_prev_week)
              for m in digest.movers}  # fmt: skip
    assert movers == company.movers(team)
    _check_campaigns(company, team, scope, digest)


def _check_campaigns(
    company: RandomCompany, team: set[str] | None, scope: set[str], digest: Digest
) -> None:
    """A campaign line counts customers in scope only; the recent campaigns shown are the
    team's, and include every one whose (active) creator's own scope lies inside the reader's."""
    by_name = {c.name: c for c in company.campaigns}
    for line in digest.campaigns:
        rows = by_name[line.name].deliveries
        outside = sorted(e for e, _arm, _status in rows if e not in scope)
        assert not outside, (line.name, "counts customers outside scope", outside)
        assert line.treated == sum(1 for _e, arm, _s in rows if arm == TREATED)
        assert line.holdout == sum(1 for _e, arm, _s in rows if arm == HOLDOUT)
        assert line.reached == sum(1 for _e, _a, status in rows if status == DELIVERED)
    recent = company.recent_campaigns(team, config().campaigns.attribution_days)
    shown = {line.name for line in digest.campaigns}
    assert shown <= {c.name for c in recent}
    for campaign in recent:
        theirs = company.team(campaign.creator) if company.role(campaign.creator) else None
        if team is None or (theirs is not None and theirs <= team):
            assert campaign.name in shown, campaign.name


def _chart_labels(monkeypatch: pytest.MonkeyPatch, digest: Digest) -> list[str]:
    """The labels the chart draws its bars under (names with sizes), by rendering it."""
    seen: list[str] = []
    draw = chart._bars

    def record(ax, lines, names, *rest):  # type: ignore[no-untyped-def]
        seen.extend(names)
        assert [n.rsplit("(", 1)[1] for n in names] == [f"{li.now:,})" for li in lines]
        return draw(ax, lines, names, *rest)

    monkeypatch.setattr(chart, "_bars", record)
    assert chart.render_chart(digest, "en").startswith(b"\x89PNG")
    assert len(seen) == len(digest.segments)
    return seen


def _check_text(company: RandomCompany, userid: str, digest: Digest, labels: list[str]) -> None:
    team = company.team(userid)
    scope = company.visible(team)
    forbidden: dict[str, Any] = {}
    for eid, (name, _deleted) in company.customers.items():
        if eid not in scope:
            forbidden[eid] = forbidden[name] = "customer"
    for other, (name, _role, _active) in company.staff.items():
        if team is not None and other not in team:
            forbidden[name] = forbidden[other] = "staff"
    shown = {line.name for line in digest.campaigns}
    for campaign in company.campaigns:
        if campaign.name not in shown:
            forbidden[campaign.name] = "campaign"
    texts = {
        "zh": render_markdown(digest, "zh"),
        "en": render_markdown(digest, "en"),
        "json": json.dumps(digest.to_json(), ensure_ascii=False, default=str),
        "chart": "\n".join(labels),
    }
    for where, text in texts.items():
        leaked = sorted(token for token in forbidden if token in text)
        assert not leaked, (where, leaked)
    total = f"**{len(scope):,}**"
    assert total in texts["zh"].splitlines()[1] and total in texts["en"].splitlines()[1]


def test_random_companies_make_scoped_and_global_digests_differ() -> None:
    """The digest test has teeth: in the random companies a manager's scoped numbers differ
    from the company-wide ones (a digest that used global numbers would fail it)."""
    differs = {"total": 0, "flow": 0, "movers": 0}
    for seed in range(20):
        company = random_company(seed)
        p = company.periods
        for userid in _recipients(company):
            team = company.team(userid)
            if team is None:
                continue
            differs["total"] += len(company.visible(team)) != len(company.visible(None))
            differs["flow"] += (company.new_customers(team, p.week_start, p.today_start),
                                company.lost_customers(team, p.week_start, p.today_start)) != (
                company.new_customers(None, p.week_start, p.today_start),
                company.lost_customers(None, p.week_start, p.today_start))  # fmt: skip
            differs["movers"] += company.movers(team) != company.movers(None)
    assert min(differs.values()) >= 20, differs
