"""Gateways under contract: the in-memory fake and the wechatpy client against the simulator."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from integrations.wecom.base import GatewayBase
from integrations.wecom.fake import FakeWeComGateway
from integrations.wecom.simulator.company import SimCustomer, SimMember
from integrations.wecom.simulator.seed import seed_company
from integrations.wecom.simulator.server import Simulator
from integrations.wecom.simulator.state import SimConfig, SimState
from tests.simulated import simulator_gateway


@dataclass
class Rig:
    gateway: GatewayBase
    state: SimState


def small_company():  # type: ignore[no-untyped-def]
    company = seed_company(customers=300, seed=7)
    # A member with 客户联系 but no customers (WeCom answers 84061 for their list).
    company.members["newbie"] = SimMember("newbie", "新人", [2], [])
    # A customer followed by five members, to exercise externalcontact/get paging.
    popular = SimCustomer("wmPOPULAR", "人气客户", gender=2, city="上海")
    sellers = [u for u in sorted(company.follow_user_list()) if u != "newbie"]
    for index, userid in enumerate(sellers[:5]):
        company.add_follow(popular, userid, 1_700_000_000 + index)
    return company


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    company = small_company()
    sim = Simulator(company, SimConfig(corp_id=company.corp_id, follow_page_size=2)).start()
    yield sim
    sim.stop()


@pytest.fixture(params=["fake", "http"])
def rig(request: pytest.FixtureRequest) -> Iterator[Rig]:
    if request.param == "fake":
        company = small_company()
        fake = FakeWeComGateway(company, SimConfig(corp_id=company.corp_id, follow_page_size=2))
        yield Rig(fake, fake.state)
        return
    sim = request.getfixturevalue("simulator")
    yield Rig(simulator_gateway(sim), sim.state)
