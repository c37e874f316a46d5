"""The back office at /web/ behind WeCom login, over real HTTP against the simulator: the QR
login and OAuth2 inside the WeCom client, the session cookie, scope per member, CSRF, and
every page redirecting to login without a session."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from sqlalchemy import Engine, select
from werkzeug.serving import make_server

from bot.app import create_app
from bot.bootstrap import build_deps
from bot.database import make_engine, make_session_factory, unit_of_work
from bot.models import metadata
from bot.models.campaigns import Campaign
from bot.services.sync import run_full_sync
from bot.settings import Settings, WeComSettings
from integrations.wecom.simulator.server import Simulator
from segmentation.models import Customer, Follow
from segmentation.scope import resolve_requester
from tests.simulated import running_simulator, simulator_gateway

NOW = datetime(2026, 11, 1, 2, 0, tzinfo=UTC)
WXWORK_UA = "Mozilla/5.0 (iPhone) AppleWebKit/605.1.15 wxwork/4.1.0 MicroMessenger/7.0.1"


@dataclass
class Office:
    base: str
    sim: Simulator
    factory: Callable  # type: ignore[type-arg]
    sales: str  # a salesperson with customers
    others: str  # a customer of somebody else, outside `sales`' scope
    mine: str  # one of `sales`' customers
    manager: str
    admin: str


@pytest.fixture(scope="module")
def office(fresh_database_url: Callable[[str], str]) -> Iterator[Office]:
    with running_simulator(customers=160, seed=11, staff=12) as sim:
        yield from _office(sim, fresh_database_url("office"))


def _office(sim: Simulator, url: str) -> Iterator[Office]:
    company = sim.company
    engine: Engine = make_engine(url)
    metadata.create_all(engine)
    cfg = sim.config
    root = sim.api_base.removesuffix("/cgi-bin/")
    admin = sorted(company.members)[0]
    wecom = WeComSettings(corp_id=cfg.corp_id, agent_id=cfg.agent_id, secret=cfg.secret,
                          contact_secret=cfg.contact_secret, token=cfg.token, aes_key=cfg.aes_key,
                          api_base=sim.api_base, oauth_base=root, login_base=root)  # fmt: skip
    settings = Settings(wecom=wecom, admins=frozenset({admin}))
    gateway = simulator_gateway(sim)
    factory = make_session_factory(engine)
    run_full_sync(factory, gateway, NOW)
    with unit_of_work(factory) as s:
        roles = {u: resolve_requester(s, u, settings.admins) for u in company.members}
        manager = next(u for u, r in sorted(roles.items()) if r and r.role == "manager")
        has_customers = {u for u in roles if s.scalar(select(Follow.id).where(Follow.userid == u))}
        sales = next(u for u, r in sorted(roles.items()) if r and r.role == "sales"
                     and u in has_customers)  # fmt: skip
        mine = s.scalar(select(Follow.external_userid).where(Follow.userid == sales).limit(1))
        theirs = select(Follow.external_userid).where(Follow.userid == sales)
        others = s.scalar(select(Customer.external_userid)
                          .where(Customer.external_userid.not_in(theirs)).limit(1))  # fmt: skip
        s.add(Campaign(name="回访", creator_userid=manager, segment_definition={"version": 1,
                       "tree": {"type": "all"}}, schedule_kind="once", channel="mass",
                       content="您好", created_at=NOW, updated_at=NOW))  # fmt: skip
    app = create_app(settings, build_deps(settings, engine=engine, gateway=gateway))
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Office(f"http://127.0.0.1:{server.server_port}", sim, factory, sales, others, mine,
                 manager, admin)  # fmt: skip
    server.shutdown()
    engine.dispose()


def qr_login(office: Office, userid: str, path: str = "/web/") -> requests.Session:
    """A desktop browser: /login → WeCom's QR page → the phone confirms → back, signed in."""
    browser = requests.Session()
    page = browser.get(f"{office.base}/login", params={"next": path})
    assert page.status_code == 200 and "扫码登录" in page.text  # the simulator's QR page
    link = re.search(rf'data-testid="scan-{userid}" href="([^"]+)"', page.text)
    assert link is not None
    landed = browser.get(page.url.split("?")[0] + link.group(1).replace("&amp;", "&"))
    assert landed.status_code == 200, landed.text
    assert urlsplit(landed.url).path == path
    return browser


def test_every_page_redirects_to_login_without_a_session(office: Office) -> None:
    for path in ("/web/", "/web/customers?q=a", f"/web/customers/{office.mine}"):
        answer = requests.get(office.base + path, allow_redirects=False)
        assert answer.status_code == 302
        target = urlsplit(answer.headers["Location"])
        assert target.path == "/login" and parse_qs(target.query)["next"] == [path]
    posted = requests.post(f"{office.base}/web/campaigns/1/pause", allow_redirects=False)
    assert posted.status_code == 403


def test_qr_login_sets_a_signed_httponly_samesite_cookie(office: Office) -> None:
    browser = qr_login(office, office.sales)
    cookie = next(c for c in browser.cookies if c.name == "segbot_session")
    assert cookie.has_nonstandard_attr("HttpOnly")
    assert cookie.get_nonstandard_attr("SameSite") == "Lax" and cookie.expires
    home = browser.get(f"{office.base}/web/")
    assert 'data-testid="who"' in home.text and "销售" in home.text
    forged = requests.get(f"{office.base}/web/", cookies={"segbot_session": cookie.value + "x"},
                          allow_redirects=False)  # fmt: skip
    assert forged.status_code == 302


def test_oauth2_inside_the_wecom_client_signs_in_the_client_user(office: Office) -> None:
    requests.post(f"{office.sim.base_url}/sim/client_user", json={"userid": office.manager})
    browser = requests.Session()
    browser.headers["User-Agent"] = WXWORK_UA
    home = browser.get(f"{office.base}/login", params={"next": "/web/"})
    assert urlsplit(home.url).path == "/web/" and "经理" in home.text
    assert any(urlsplit(r.url).path == "/connect/oauth2/authorize" for r in home.history)


def test_a_salesperson_finds_and_opens_only_their_own_customers(office: Office) -> None:
    browser = qr_login(office, office.sales)
    with office.factory() as s:
        name_of = {c.external_userid: c.name for c in s.scalars(select(Customer))}
    card = browser.get(f"{office.base}/web/customers/{office.mine}")
    assert card.status_code == 200 and name_of[office.mine] in card.text
    assert "添加于 20" in card.text  # the year is shown
    assert browser.get(f"{office.base}/web/customers/{office.others}").status_code == 404
    found = browser.get(f"{office.base}/web/customers", params={"q": name_of[office.others]})
    assert f"/web/customers/{office.others}" not in found.text


def test_pausing_needs_a_manager_and_the_csrf_token(office: Office) -> None:
    with office.factory() as s:
        campaign_id = s.scalar(select(Campaign.id).where(Campaign.creator_userid == office.manager))
    manager = qr_login(office, office.manager)
    url = f"{office.base}/web/campaigns/{campaign_id}/pause"
    assert manager.post(url, data={"csrf": "wrong"}).status_code == 400
    token = re.search(r'name="csrf" value="([^"]+)"', manager.get(f"{office.base}/web/").text)
    assert token is not None
    assert manager.post(url, data={"csrf": token.group(1)}).status_code == 200
    with office.factory() as s:
        assert s.get(Campaign, campaign_id).status == "paused"
    sales = qr_login(office, office.sales)
    sales_token = re.search(r'name="csrf" value="([^"]+)"', sales.get(f"{office.base}/web/").text)
    resume = f"{office.base}/web/campaigns/{campaign_id}/resume"
    assert sales.post(resume, data={"csrf": sales_token.group(1)}).status_code == 403


def test_a_replayed_code_a_wrong_state_and_an_open_redirect_are_refused(office: Office) -> None:
    browser = requests.Session()
    page = browser.get(f"{office.base}/login", params={"next": "//evil.example/x"})
    link = re.search(rf'data-testid="scan-{office.sales}" href="([^"]+)"', page.text)
    confirm = page.url.split("?")[0] + link.group(1).replace("&amp;", "&")
    back = browser.get(confirm, allow_redirects=False).headers["Location"]
    landed = browser.get(back, allow_redirects=False)
    assert urlsplit(landed.headers["Location"]).path == "/web/"  # not //evil.example
    replay = requests.Session()
    replay.get(f"{office.base}/login")  # a fresh state in this session, not the code's
    assert replay.get(back).status_code == 400
    again = browser.get(f"{office.base}/login")
    state = parse_qs(urlsplit(again.url).query)["state"][0]
    used_code = parse_qs(urlsplit(back).query)["code"][0]
    refused = browser.get(f"{office.base}/login/callback", params={"code": used_code,
                                                                    "state": state})  # fmt: skip
    assert refused.status_code == 403


CHROMIUM = "/usr/bin/chromium"


@pytest.mark.parametrize("role", ["sales", "manager"])
@pytest.mark.parametrize(("width", "height"), [(1280, 900), (390, 844)])
def test_login_home_and_card_in_a_browser_fit_the_screen(
    office: Office, role: str, width: int, height: int, tmp_path
) -> None:
    import os

    sync_api = pytest.importorskip("playwright.sync_api")
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    userid = office.sales if role == "sales" else office.manager
    with office.factory() as s:
        own = s.scalar(select(Follow.external_userid).where(Follow.userid == userid).limit(1))
        name = s.get(Customer, own).name
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--headless", "--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": width, "height": height}, locale="zh-CN")
        page.goto(f"{office.base}/web/")  # → login → the QR page
        page.get_by_test_id(f"scan-{userid}").click()  # the phone confirms
        page.get_by_test_id("who").wait_for()
        assert ("销售" if role == "sales" else "经理") in page.get_by_test_id("who").inner_text()
        page.get_by_test_id("search").fill(name)
        page.get_by_test_id("search").press("Enter")
        page.get_by_test_id("hits").locator("a").first.click()
        page.get_by_test_id("card").wait_for()
        page.screenshot(path=str(tmp_path / f"card-{role}-{width}.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        if role == "sales":  # someone else's customer is not there for them
            page.goto(f"{office.base}/web/customers/{office.others}")
            assert page.get_by_test_id("message").is_visible()
        browser.close()
    assert overflow <= 0  # no horizontal scrolling at this width
