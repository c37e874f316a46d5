"""The simulator's message ids and card response codes are unique across runs, as WeCom's
are: a demo restarted on its old database (a new simulator, its id counter back at 0) must not
repeat an earlier run's MsgId, or the app drops the new message as a replay."""

from __future__ import annotations

from integrations.wecom.simulator.company import Company, SimMember
from integrations.wecom.simulator.scenario import Scenario
from integrations.wecom.simulator.state import SimState


def _run() -> Scenario:
    company = Company()  # the same corp, rebuilt the same way each run
    company.members["zhangsan"] = SimMember("zhangsan", "张三", [1], [])
    return Scenario(SimState(company))


def test_two_runs_of_the_same_company_give_different_message_ids() -> None:
    first, second = _run(), _run()
    ids = [s.member_text("zhangsan", "VIP客户").msg_id for s in (first, second)]
    assert ids[0] != ids[1]
    assert all(i.isdigit() for i in ids)


def test_two_runs_give_different_card_response_codes() -> None:
    first, second = _run(), _run()
    codes = [s.card_click("zhangsan", "task1", "confirm").response_code for s in (first, second)]
    assert codes[0] != codes[1]


def test_ids_within_one_run_are_unique() -> None:
    scenario = _run()
    ids = {scenario.member_text("zhangsan", str(i)).msg_id for i in range(50)}
    assert len(ids) == 50
