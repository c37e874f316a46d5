"""No customer outside the asker's scope reaches them (spec/security.md "Roles and
visibility"): lists, counts, exports and explanations over random segment trees and every role,
and chat answers for random commands."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.query import run_query
from segmentation.compiler import SegmentError
from segmentation.engine import default_context, segment_count, segment_members
from segmentation.explain import explain_customer
from segmentation.models import Customer
from segmentation.nodes import All, Node
from segmentation.reports import segment_frame
from segmentation.scope import Requester
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
