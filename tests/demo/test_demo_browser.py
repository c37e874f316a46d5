"""The demo in a real browser (Playwright driving Debian's chromium): ask as a salesperson,
get an export, confirm a push on a card, open the dashboard; screenshots of both pages.

Screenshots go to the test's temporary directory; with SEGBOT_UPDATE_SCREENSHOTS=1 they
replace docs/screenshots/console.png and dashboard.png (the README's pictures).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.demo.runtime import DemoRuntime
from tests.demo.conftest import HEADLINE, small_options

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
DOCS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
EXPORT = "导出近90天消费满3000的客户"
PUSH = "给流失风险客户发消息：老朋友回馈，本周下单享9折"
BREAKDOWN = "按城市看客户分布"
REPLY_MS = 30_000

sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install playwright)"
)
if not os.access(CHROMIUM, os.X_OK):
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def demo(fresh_database_url: Callable[[str], str]) -> Iterator[DemoRuntime]:
    # Big enough that every salesperson has customers in each demo segment.
    runtime = DemoRuntime(
        small_options(fresh_database_url("browser"), customers=900, staff=12, snapshot_days=14)
    )
    runtime.start()
    yield runtime
    runtime.stop()


@pytest.fixture(scope="module")
def page(demo: DemoRuntime) -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(
            viewport={"width": 1280, "height": 1000}, accept_downloads=True, locale="zh-CN"
        )
        yield context.new_page()
        context.close()
        browser.close()


def screenshot(page: Any, name: str, tmp_path: Path, *, full_page: bool = False) -> Path:
    path = tmp_path / name
    page.screenshot(path=str(path), full_page=full_page)
    if os.environ.get("SEGBOT_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, DOCS / name)
    return path


def ask(page: Any, text: str) -> Any:
    """Type `text`, send it, and return the locator of the bot's messages after it."""
    before = page.get_by_test_id("msg-bot").count()
    page.get_by_test_id("input").fill(text)
    page.get_by_test_id("send").click()
    bot = page.get_by_test_id("msg-bot")
    bot.nth(before).wait_for(timeout=REPLY_MS)
    return bot


def test_salesperson_asks_exports_confirms_and_sees_the_dashboard(
    demo: DemoRuntime, page: Any, tmp_path: Path
) -> None:
    page.goto(demo.url)
    sales = page.locator("#member option[data-role=sales]").first.get_attribute("value")
    page.select_option("#member", sales)

    answer = ask(page, HEADLINE)
    sync_api.expect(answer.last).to_contain_text("共")
    sync_api.expect(answer.last).to_contain_text("人")

    ask(page, EXPORT)
    link = page.get_by_test_id("file-link").last
    link.wait_for(timeout=REPLY_MS)
    with page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename.endswith(".xlsx")

    replies = ask(page, PUSH)
    cards = page.get_by_test_id("card")
    if cards.count():  # the bot asked for a confirmation: press it, see the outcome
        count = replies.count()
        cards.last.get_by_role("button", name="确认执行").click()
        replies.nth(count).wait_for(timeout=REPLY_MS)
        # The card itself turns into its outcome (WeCom's update_template_card), never
        # "submitted, waiting…" forever.
        done = cards.last.locator(".done")
        sync_api.expect(done).not_to_have_text("已提交，等待处理…", timeout=REPLY_MS)
        sync_api.expect(done).not_to_be_empty()
    screenshot(page, "console.png", tmp_path)

    page.goto(demo.url + "dashboard")
    trends = page.get_by_test_id("segment-trend")
    assert trends.count() == 4
    assert trends.first.locator("svg circle").count() == 14
    sync_api.expect(page.get_by_test_id("rfm-chart").locator("svg rect").first).to_be_visible()
    shot = screenshot(page, "dashboard.png", tmp_path, full_page=True)
    assert shot.stat().st_size > 10_000


def test_console_and_dashboard_fit_a_phone_screen(
    demo: DemoRuntime, page: Any, tmp_path: Path
) -> None:
    """390×844, how WeCom opens links: no horizontal scrolling, the input reachable, charts
    inside the screen, the digest rendered (no raw ** or <font>)."""
    browser = page.context.browser
    phone = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN")
    try:
        phone.goto(demo.url)
        sales = phone.locator("#member option[data-role=sales]").first.get_attribute("value")
        phone.select_option("#member", sales)
        answer = ask(phone, HEADLINE)
        sync_api.expect(answer.last).to_contain_text("共")
        ask(phone, BREAKDOWN)
        image = phone.get_by_test_id("image").last
        image.wait_for(timeout=REPLY_MS)
        sync_api.expect(image).to_have_js_property("complete", True)
        loaded = image.evaluate("img => img.naturalWidth")
        chart_in_chat = image.bounding_box()
        box = phone.get_by_test_id("input").bounding_box()
        console_overflow = phone.evaluate("document.documentElement.scrollWidth - innerWidth")
        # The page itself never scrolls: the messages do, inside the screen.
        page_taller = phone.evaluate("document.documentElement.scrollHeight - innerHeight")
        screenshot(phone, "console-phone.png", tmp_path, full_page=True)
        phone.goto(demo.url + "dashboard")
        chart = phone.get_by_test_id("segment-trend").first.locator("svg").bounding_box()
        dashboard_overflow = phone.evaluate("document.documentElement.scrollWidth - innerWidth")
        digest = phone.get_by_test_id("digest").inner_text()
        screenshot(phone, "dashboard-phone.png", tmp_path, full_page=True)
    finally:
        phone.close()
    assert console_overflow <= 0 and dashboard_overflow <= 0 and page_taller <= 0
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390
    assert box["y"] >= 0 and box["y"] + box["height"] <= 844  # the input in view
    assert loaded > 0  # the breakdown's chart is shown, not "[image]"
    assert chart_in_chat is not None and chart_in_chat["x"] + chart_in_chat["width"] <= 390
    assert chart is not None and chart["x"] + chart["width"] <= 390
    assert "**" not in digest and "<font" not in digest
