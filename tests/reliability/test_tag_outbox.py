"""Large tag operations (issue 17 §14): the card click stores the writes and answers; the
worker makes the WeCom calls outside any transaction, retries what WeCom could not do now,
resends a killed worker's rows after their lease, and reports once in chat with failures
counted. It used to make one WeCom call per customer inside the click's transaction."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from bot.database import make_session_factory, unit_of_work
from bot.models.tag_outbox import DONE, FAILED, SENDING, TagJob, TagWrite
from bot.services.tag_outbox import TagOutboxPolicy, _claim
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.state import SimConfig
from segmentation.models import CustomerTag, Tag
from tests.commands.chatworld import CORP_ID, NO_ORDER_ZHANG, TAG_TEXT, chat_company, load_world
from tests.commands.conftest import ChatRig

REPORT = f"已为 {len(NO_ORDER_ZHANG)} 位客户打上标签“待跟进”。"


@pytest.fixture
def rig(clean_engine: Engine) -> ChatRig:
    gateway = FakeWeComGateway(chat_company(), SimConfig(corp_id=CORP_ID))
    factory = make_session_factory(clean_engine)
    load_world(factory, gateway)
    return ChatRig(factory, gateway, auto_outbox=False)


def _confirm(rig: ChatRig) -> None:
    rig.tell("zhangsan", TAG_TEXT)
    [card] = rig.cards()
    [reply, _] = rig.click("zhangsan", card["task_id"])
    assert f"正在为 {len(NO_ORDER_ZHANG)} 位客户" in reply.text


def _statuses(rig: ChatRig) -> list[str]:
    with rig.factory() as session:
        return list(session.scalars(select(TagWrite.status).order_by(TagWrite.id)))


def _tagged(rig: ChatRig) -> set[str]:
    with rig.factory() as session:
        stmt = select(CustomerTag.external_userid).join(Tag, Tag.tag_id == CustomerTag.tag_id)
        return set(session.scalars(stmt.where(Tag.name == "待跟进")))


def test_the_click_stores_the_writes_and_the_worker_sends_and_reports(rig: ChatRig) -> None:
    _confirm(rig)
    assert rig.api_calls("externalcontact/mark_tag") == 0  # nothing inside the click
    assert _statuses(rig) == ["pending"] * len(NO_ORDER_ZHANG)
    assert REPORT not in rig.texts_to("zhangsan")

    rig.send_tag_outbox()

    assert rig.api_calls("externalcontact/mark_tag") == len(NO_ORDER_ZHANG)
    assert _statuses(rig) == [DONE] * len(NO_ORDER_ZHANG)
    assert _tagged(rig) == set(NO_ORDER_ZHANG)
    assert rig.texts_to("zhangsan").count(REPORT) == 1
    rig.send_tag_outbox()  # nothing left: no second report
    assert rig.texts_to("zhangsan").count(REPORT) == 1


def test_no_wecom_tag_call_is_made_while_a_write_transaction_is_open(
    rig: ChatRig, clean_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    if clean_engine.dialect.name != "sqlite":
        pytest.skip("SQLite's single write lock is what the calls used to hold")
    locked_during_calls: list[bool] = []
    real = rig.gateway.mark_tag

    def probing_mark_tag(*args: Any, **kwargs: Any) -> None:
        probe = sqlite3.connect(str(clean_engine.url.database), timeout=0)
        probe.isolation_level = None
        try:
            probe.execute("BEGIN IMMEDIATE")
            probe.execute("ROLLBACK")
            locked_during_calls.append(False)
        except sqlite3.OperationalError:
            locked_during_calls.append(True)
        finally:
            probe.close()
        real(*args, **kwargs)

    monkeypatch.setattr(rig.gateway, "mark_tag", probing_mark_tag)
    rig.auto_outbox = True
    _confirm(rig)
    assert locked_during_calls == [False] * len(NO_ORDER_ZHANG)


def test_transient_failures_are_retried_and_final_ones_counted_in_the_report(
    rig: ChatRig,
) -> None:
    _confirm(rig)
    rig.gateway.fail_next("externalcontact/mark_tag", 45009, times=2)  # busy: retried
    rig.send_tag_outbox()
    assert _statuses(rig).count("pending") == 2  # waiting for their backoff
    assert not any("已为" in t for t in rig.texts_to("zhangsan"))

    later = replace(rig, now=rig.now + timedelta(minutes=5))
    later.gateway.fail_next("externalcontact/mark_tag", 84061)  # not a follower: final
    later.send_tag_outbox()

    assert sorted(_statuses(rig)) == sorted([DONE] * (len(NO_ORDER_ZHANG) - 1) + [FAILED])
    [report] = [t for t in rig.texts_to("zhangsan") if t.startswith("已为")]
    assert report.startswith(f"已为 {len(NO_ORDER_ZHANG) - 1} 位客户打上标签“待跟进”。")
    assert "1 位客户失败" in report


def test_a_killed_workers_rows_are_resent_after_their_lease_and_reported_once(
    rig: ChatRig,
) -> None:
    _confirm(rig)
    policy = TagOutboxPolicy()
    with unit_of_work(rig.factory) as session:
        claimed = _claim(session, rig.now, policy)  # …and the worker dies here
    assert _statuses(rig) == [SENDING] * len(claimed)
    rig.send_tag_outbox()
    assert rig.api_calls("externalcontact/mark_tag") == 0  # still leased

    later = replace(rig, now=rig.now + policy.lease)
    later.send_tag_outbox()

    assert _statuses(rig) == [DONE] * len(NO_ORDER_ZHANG)
    assert _tagged(rig) == set(NO_ORDER_ZHANG)
    assert rig.texts_to("zhangsan").count(REPORT) == 1
    with rig.factory() as session:
        assert session.scalar(select(func.count()).select_from(TagJob)) == 1
