"""Huge numbers in chat and in segment JSON (issue 17 §11): asked back in the asker's language
before they reach the database, and an error the input causes is never retried as if the
database were away (it used to end as a dead inbox message after 5 retries on PostgreSQL)."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine
from sqlalchemy.exc import DataError, OperationalError

from bot.bootstrap import Deps, build_deps
from bot.database import caused_by_input, make_session_factory
from bot.inbox import worker
from bot.inbox.worker import RetryPolicy, drain
from bot.models.inbox import DEAD, DONE, FAILED
from integrations.wecom.fake import FakeWeComGateway
from segmentation.nodes import SegmentBoundsError, SegmentFormatError, from_json
from tests.commands.world import build_company, fake_gateway
from tests.inbox.test_worker import NOW, SETTINGS, Clock, messages, sent_texts, store_text

HUGE_ZH = [
    "下单超过99999999999999999999次的客户",
    "消费最多的9223372036854775808个客户",
    "消费超过99999999999999999999元的客户",
    "近99999999999天有咨询的客户",
    "过去99999999999999999999小时下单的客户",
]
HUGE_EN = [
    "customers who ordered more than 99999999999999999999 times",
    "top 9223372036854775808 spenders",
    "customers who inquired in the last 99999999999 days",
]


@pytest.fixture
def real_deps(clean_engine: Engine) -> tuple[Deps, FakeWeComGateway, Clock]:
    """The bot with its real query (the parser and the engine), a fake WeCom, a fixed clock."""
    with make_session_factory(clean_engine)() as session:
        build_company(session)
    gateway, clock = fake_gateway(), Clock(NOW)
    return build_deps(SETTINGS, engine=clean_engine, gateway=gateway, clock=clock), gateway, clock


def test_huge_numbers_in_chat_are_asked_back_once_in_the_askers_language(
    real_deps: tuple[Deps, FakeWeComGateway, Clock],
) -> None:
    deps, gateway, clock = real_deps
    for i, text in enumerate(HUGE_ZH + HUGE_EN):
        store_text(deps, "boss", text, f"huge{i}", clock)

    drain(deps, policy=RetryPolicy(max_attempts=5))

    rows = messages(deps)
    assert [(row.status, row.attempts) for row in rows] == [(DONE, 1)] * len(rows)
    replies = [text for _, text in sent_texts(gateway)]
    assert len(replies) == len(HUGE_ZH + HUGE_EN)
    for reply in replies[: len(HUGE_ZH)]:
        assert "数字太大" in reply, reply
    for reply in replies[len(HUGE_ZH) :]:
        assert "too large" in reply, reply


@pytest.mark.parametrize(
    "tree",
    [
        {"type": "event_count", "event_kind": "order", "op": ">", "value": 10**20},
        {"type": "spend", "op": ">", "value": "1e20"},
        {"type": "ranked", "base": {"type": "all"}, "count": 2**63},
        {"type": "performed", "event_kind": "order",
         "window": {"kind": "rolling", "amount": 10**11, "unit": "days"}},
        {"type": "performed", "event_kind": "order",
         "window": {"kind": "calendar", "unit": "day", "offset": -(10**12)}},
        {"type": "performed", "event_kind": "order",
         "window": {"kind": "range", "start": "0001-01-01", "end": None}},
    ],
)  # fmt: skip
def test_segment_json_with_numbers_beyond_bounds_is_a_format_error(tree: dict[str, Any]) -> None:
    with pytest.raises(SegmentBoundsError) as caught:
        from_json(tree)
    assert isinstance(caught.value, SegmentFormatError)
    assert "too large" in str(caught.value)


def test_an_error_caused_by_the_input_is_not_retried(
    real_deps: tuple[Deps, FakeWeComGateway, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    deps, _, clock = real_deps
    store_text(deps, "boss", "近30天有咨询的客户", "m1", clock)

    def refused(*args: object) -> None:
        raise DataError("SELECT …", None, Exception("integer out of range"))

    monkeypatch.setattr(worker, "dispatch", refused)
    drain(deps, policy=RetryPolicy(max_attempts=5))
    [row] = messages(deps)
    assert (row.status, row.attempts) == (DEAD, 1)
    assert "DataError" in (row.last_error or "")


def test_a_database_that_is_away_is_still_retried(
    real_deps: tuple[Deps, FakeWeComGateway, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    deps, _, clock = real_deps
    store_text(deps, "boss", "近30天有咨询的客户", "m2", clock)

    def away(*args: object) -> None:
        raise OperationalError("SELECT …", None, Exception("server closed the connection"))

    monkeypatch.setattr(worker, "dispatch", away)
    drain(deps, policy=RetryPolicy(max_attempts=5))
    [row] = messages(deps)
    assert (row.status, row.attempts) == (FAILED, 1)


def test_a_value_the_database_refuses_in_chat_gets_an_answer_not_a_retry(
    real_deps: tuple[Deps, FakeWeComGateway, Clock], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever slips past the bounds: the router answers instead of re-raising."""
    from bot.commands import router

    deps, gateway, clock = real_deps
    store_text(deps, "boss", "近30天有咨询的客户", "m3", clock)

    def refused(*args: object, **kwargs: object) -> None:
        raise DataError("SELECT …", None, Exception("bigint out of range"))

    monkeypatch.setattr(router, "contextual_answer", refused)
    drain(deps, policy=RetryPolicy(max_attempts=5))
    [row] = messages(deps)
    assert (row.status, row.attempts) == (DONE, 1)
    [(_, reply)] = sent_texts(gateway)
    assert "请换个说法" in reply


def test_what_counts_as_caused_by_the_input() -> None:
    assert caused_by_input(DataError("s", None, Exception("x")))
    assert caused_by_input(OverflowError("Python int too large to convert to SQLite INTEGER"))
    assert not caused_by_input(OperationalError("s", None, Exception("database is locked")))


def test_huge_numbers_over_the_query_api_are_asked_back_not_500(
    real_deps: tuple[Deps, FakeWeComGateway, Clock],
) -> None:
    from bot.app import create_app

    deps, _, _ = real_deps
    client = create_app(SETTINGS, deps).test_client()
    headers = {"Authorization": f"Bearer {SETTINGS.api_token}"}
    for text in HUGE_ZH[:3] + HUGE_EN[:2]:
        response = client.post("/api/v1/query", json={"text": text}, headers=headers)
        assert response.status_code == 200, (text, response.json)
        assert response.json["intent"] == "clarify"
        assert "数字太大" in response.json["message"] or "too large" in response.json["message"]
