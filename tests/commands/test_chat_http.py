"""End to end over real HTTP: the WeCom simulator pushes encrypted callbacks to the bot's web
app, the inbox worker answers through the simulator's API; a confirmation card is sent, a
click tags the customers in WeCom and in our database, and a second click changes nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace

import pytest
from sqlalchemy import Engine, select
from werkzeug.serving import make_server

from bot.app import create_app
from bot.bootstrap import Deps, build_deps
from bot.inbox.worker import drain
from bot.models.confirmations import EXECUTED, PendingAction
from integrations.wecom.simulator.server import Simulator
from integrations.wecom.simulator.state import SimConfig
from segmentation.models import CustomerTag, Tag
from tests.commands.chatworld import (
    CORP_ID,
    NO_ORDER_ZHANG,
    NOW,
    SETTINGS,
    TAG_TEXT,
    chat_company,
    load_world,
)
from tests.simulated import simulator_gateway


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    # One clock for both sides: callbacks older than 5 minutes are refused by the bot.
    sim = Simulator(chat_company(), SimConfig(corp_id=CORP_ID), clock=lambda: NOW.timestamp())
    sim.start()
    yield sim
    sim.stop()


@pytest.fixture
def deps(clean_engine: Engine, simulator: Simulator) -> Iterator[Deps]:
    cfg = simulator.config
    gateway = simulator_gateway(simulator)
    settings = replace(SETTINGS, wecom=replace(SETTINGS.wecom, api_base=simulator.api_base))
    deps = build_deps(settings, engine=clean_engine, gateway=gateway, clock=lambda: NOW)
    load_world(deps.session_factory, gateway)
    httpd = make_server("127.0.0.1", 0, create_app(settings, deps), threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    cfg.callback_url = f"http://127.0.0.1:{httpd.server_port}/wecom/callback"
    yield deps
    httpd.shutdown()
    thread.join()
    httpd.server_close()


def sim_tagged(sim: Simulator) -> set[str]:
    company = sim.company
    ids = {t.id for g in company.tag_groups.values() for t in g.tags if t.name == "待跟进"}
    return {e for (_u, e), f in company.follows.items() if ids & set(f.tag_ids)}


def db_tagged(deps: Deps) -> set[str]:
    with deps.session_factory() as session:
        stmt = (
            select(CustomerTag.external_userid)
            .join(Tag, Tag.tag_id == CustomerTag.tag_id)
            .where(Tag.name == "待跟进")
        )
        return set(session.scalars(stmt))


def texts_to(sim: Simulator, userid: str) -> list[str]:
    return [m["text"]["content"] for m in sim.state.sent if m["msgtype"] == "text"
            and m["touser"] == [userid]]  # fmt: skip


def test_a_clicked_card_tags_once_over_http(simulator: Simulator, deps: Deps) -> None:
    simulator.scenario.member_text("zhangsan", TAG_TEXT)
    assert simulator.state.callbacks[-1]["status"] == 200
    assert drain(deps) == 1
    [card] = [m["template_card"] for m in simulator.state.sent if m["msgtype"] == "template_card"]
    assert card["task_id"].startswith("segbot-")
    assert sim_tagged(simulator) == set() and db_tagged(deps) == set()

    simulator.scenario.card_click("zhangsan", card["task_id"], "confirm")
    assert drain(deps) == 1
    assert sim_tagged(simulator) == set(NO_ORDER_ZHANG) == db_tagged(deps)
    assert simulator.calls_to("externalcontact/mark_tag") == len(NO_ORDER_ZHANG)
    [update] = simulator.state.card_updates
    assert update["userids"] == ["zhangsan"] and update["template_card"]["replace_text"] == "已确认"

    simulator.scenario.card_click("zhangsan", card["task_id"], "confirm")
    assert drain(deps) == 1
    assert texts_to(simulator, "zhangsan")[-1] == "已执行，不会重复执行。"
    assert simulator.calls_to("externalcontact/mark_tag") == len(NO_ORDER_ZHANG)
    with deps.session_factory() as session:
        [action] = session.scalars(select(PendingAction)).all()
        assert action.status == EXECUTED


def test_a_typed_confirm_over_http_runs_the_action(simulator: Simulator, deps: Deps) -> None:
    simulator.scenario.member_text("zhangsan", TAG_TEXT)
    drain(deps)
    simulator.scenario.member_text("zhangsan", "确认")
    drain(deps)
    assert sim_tagged(simulator) == set(NO_ORDER_ZHANG) == db_tagged(deps)
    assert len(simulator.state.card_updates) == 1  # the card's own send response_code


def test_an_export_arrives_as_a_file_over_http(simulator: Simulator, deps: Deps) -> None:
    simulator.scenario.member_text("zhangsan", "导出近30天咨询未下单的客户")
    drain(deps)
    [upload] = simulator.state.uploads
    assert upload["type"] == "file" and upload["size"] > 1000
    assert [m["file"]["media_id"] for m in simulator.state.sent if m["msgtype"] == "file"] == [
        upload["media_id"]
    ]


def test_a_breakdown_and_a_customer_card_over_http(simulator: Simulator, deps: Deps) -> None:
    from tests.commands.cardsworld import enrich

    enrich(deps.session_factory)
    simulator.scenario.member_text("zhangsan", "按城市看看我的客户分布")
    drain(deps)
    assert "1. 上海：4 人（57%）" in texts_to(simulator, "zhangsan")[-1]
    [upload] = simulator.state.uploads
    assert upload["type"] == "image"
    simulator.scenario.member_text("zhangsan", "查一下王芳")
    drain(deps)
    assert "找到 2 位" in texts_to(simulator, "zhangsan")[-1]
    simulator.scenario.member_text("zhangsan", "1")
    drain(deps)
    card = texts_to(simulator, "zhangsan")[-1]
    assert card.startswith("客户：王芳") and "13800000" not in card


def test_a_conversation_over_http_refines_picks_and_pages(simulator: Simulator, deps: Deps) -> None:
    """Follow-ups through the real callback path: each message is its own callback, the
    conversation lives in the database between them."""

    def say(text: str) -> str:
        simulator.scenario.member_text("zhangsan", text)
        assert drain(deps) == 1
        return texts_to(simulator, "zhangsan")[-1]

    assert f"共 {len(NO_ORDER_ZHANG)} 人" in say("近30天咨询未下单的客户")
    narrowed = say("这些客户里张三的有几个")
    assert narrowed.startswith("近30天") and "张三" in narrowed
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in narrowed
    asked = say("上晦的客户")
    assert "1. 上海" in asked
    picked = say("1")
    assert picked.startswith("在上海的客户") and "共" in picked
    assert "7 in total" in say("all my customers")  # one page: nothing more to show
    assert say("more").startswith("Nothing more")
