"""`segbot doctor`: check a deployment against its database and WeCom, one line per check.

Each check returns what it found and, when it failed, the fix in the admin's words (which
WeCom console page, which setting). HTTP probes of our own URL and of WeCom's clock come in
as a function, so the checks stay free of an HTTP library and tests can run them anywhere.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError

from bot.database import make_session_factory
from bot.migrate import schema_is_current
from bot.services.heartbeats import last_seen
from bot.settings import Settings
from integrations.wecom.dto import AgentInfo
from integrations.wecom.errors import WeComError
from integrations.wecom.gateway import WeComGateway

# (status, headers, body) of one GET; raises OSError when nothing answered.
HttpGet = Callable[[str, dict[str, str]], tuple[int, dict[str, str], str]]

WORKER_SILENCE = timedelta(minutes=5)  # a worker beats every 30 s
SCHEDULER_SILENCE = timedelta(minutes=5)  # the scheduler beats every minute
MAX_CLOCK_SKEW = timedelta(seconds=60)  # WeCom's callbacks are refused after 5 minutes

# What a WeCom errcode means for the admin, and what to do about it.
WECOM_FIXES = {
    40001: "the secret was refused: copy it again from the WeCom admin console (应用管理 → the "
    "app → Secret, or 客户联系 → API → Secret)",
    40013: "the corp id is wrong: SEGBOT_WECOM_CORP_ID is 我的企业 → 企业信息 → 企业ID",
    40014: "the access token was refused: check that no other program uses the same secret "
    "with another token cache",
    48002: "this secret's app may not call 客户联系 APIs: add the app under 客户联系 → "
    "客户联系 → API → 可调用接口的应用 (or set SEGBOT_WECOM_CONTACT_SECRET to the 客户联系 secret)",
    60020: "this server's public IP is not trusted: add it under 应用管理 → the app → 企业可信IP",
    301002: "SEGBOT_WECOM_AGENT_ID is not the app of SEGBOT_WECOM_SECRET: copy the AgentId "
    "from the same app's page",
    84061: "the member has no customers (not an error for a new corp)",
}


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    found: str
    fix: str = ""


def wecom_fix(exc: WeComError) -> str:
    return WECOM_FIXES.get(exc.errcode or 0, f"WeCom said {exc.errcode}: {exc.errmsg}")


def check_database(engine: Engine) -> list[Check]:
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except SQLAlchemyError as exc:
        reason = str(getattr(exc, "orig", exc)).splitlines()[0][:200]
        return [
            Check(
                "database",
                False,
                f"did not answer: {reason}",
                "check SEGBOT_DATABASE_URL and that the server runs",
            ),
        ]
    reachable = Check("database", True, f"answers ({engine.dialect.name})")
    if schema_is_current(engine):
        return [reachable, Check("schema", True, "migrated to the newest revision")]
    return [reachable, Check("schema", False, "not at the newest revision", "run `segbot init`")]


def check_settings(settings: Settings) -> Check:
    wecom = settings.wecom
    wanted = {
        "SEGBOT_WECOM_CORP_ID": wecom.corp_id,
        "SEGBOT_WECOM_AGENT_ID": wecom.agent_id,
        "SEGBOT_WECOM_SECRET": wecom.secret,
        "SEGBOT_WECOM_TOKEN": wecom.token,
        "SEGBOT_WECOM_AES_KEY": wecom.aes_key,
    }
    missing = [name for name, value in wanted.items() if not value]
    if missing:
        return Check(
            "settings",
            False,
            "missing " + ", ".join(missing),
            "set them from the app's page and 接收消息 → 设置API接收 (docs/wecom-setup.md)",
        )
    return Check("settings", True, f"parsed (corp {wecom.corp_id}, agent {wecom.agent_id})")


def check_app(gateway: WeComGateway) -> tuple[Check, AgentInfo | None]:
    """The app secret gives a token, and the agent id is that app's (agent/get)."""
    try:
        agent = gateway.get_agent()
    except WeComError as exc:
        return Check("app token", False, f"WeCom error {exc.errcode}", wecom_fix(exc)), None
    return Check("app token", True, f"obtained; the app is “{agent.name}”"), agent


def check_contact_rights(gateway: WeComGateway) -> tuple[Check, list[str]]:
    """A harmless read with the 客户联系 secret: the members who have customers."""
    try:
        followers = gateway.get_follow_user_list()
    except WeComError as exc:
        return Check("customer contact", False, f"WeCom error {exc.errcode}", wecom_fix(exc)), []
    return Check("customer contact", True, f"{len(followers)} members have customers"), followers


def visible_members(gateway: WeComGateway, agent: AgentInfo) -> set[str]:
    members = set(agent.visible_userids)
    for department_id in agent.visible_department_ids:
        members.update(m.userid for m in gateway.list_members(department_id, fetch_child=True))
    return members


def check_messaging(gateway: WeComGateway, agent: AgentInfo, followers: list[str]) -> Check:
    """Replies and mass-message tasks reach only members inside the app's visibility range."""
    if agent.closed:
        return Check(
            "app can message",
            False,
            "the app is disabled (已停用)",
            "enable it under 应用管理 → the app",
        )
    try:
        visible = visible_members(gateway, agent)
    except WeComError as exc:
        return Check("app can message", False, f"WeCom error {exc.errcode}", wecom_fix(exc))
    outside = sorted(set(followers) - visible)
    if not visible or outside:
        shown = ", ".join(outside[:5]) + (" …" if len(outside) > 5 else "")
        found = (
            "nobody is inside the app's visibility range"
            if not visible
            else (
                f"{len(outside)} members with customers are outside the app's visibility range "
                f"({shown})"
            )
        )
        return Check(
            "app can message",
            False,
            found,
            "widen 应用管理 → the app → 可见范围 to every salesperson",
        )
    return Check("app can message", True, f"{len(visible)} members can talk to the bot")


def check_callback_url(
    settings: Settings, public_url: str, now: datetime, http_get: HttpGet
) -> Check:
    """The URL verification WeCom does when 接收消息 is saved, from outside, end to end."""
    from integrations.wecom.callback import CallbackCrypto

    wecom = settings.wecom
    if not (wecom.token and wecom.aes_key and wecom.corp_id):
        return Check(
            "callback URL",
            False,
            "no token/AES key to sign with",
            "set SEGBOT_WECOM_TOKEN and SEGBOT_WECOM_AES_KEY",
        )
    echo = "segbot-doctor-" + secrets.token_hex(8)
    crypto = CallbackCrypto(wecom.token, wecom.aes_key, wecom.corp_id)
    query = crypto.build_verification(
        echo, nonce=secrets.token_hex(8), timestamp=int(now.timestamp())
    )
    try:
        status, _, body = http_get(public_url, query)
    except OSError as exc:
        return Check(
            "callback URL",
            False,
            f"{public_url} did not answer: {exc}",
            "check DNS, HTTPS and the reverse proxy (docs/wecom-setup.md)",
        )
    if status == 200 and body == echo:
        return Check("callback URL", True, f"{public_url} passes WeCom's URL verification")
    return Check(
        "callback URL",
        False,
        f"{public_url} answered {status}",
        "the proxy must pass the query string unchanged to /wecom/callback, and the "
        "token and AES key must equal the console's",
    )


def check_processes(engine: Engine, now: datetime) -> list[Check]:
    factory = make_session_factory(engine)
    wanted = (
        ("worker", WORKER_SILENCE, "run `segbot worker` (or `segbot serve` with its worker)"),
        ("scheduler", SCHEDULER_SILENCE, "run one `segbot scheduler`"),
    )
    checks = []
    with factory() as session:
        for kind, silence, fix in wanted:
            seen = last_seen(session, kind)
            if seen is not None and now - seen <= silence:
                ago = int((now - seen).total_seconds())
                checks.append(Check(kind, True, f"seen {ago} s ago"))
            else:
                found = "never seen" if seen is None else f"last seen {seen:%Y-%m-%d %H:%M} UTC"
                checks.append(Check(kind, False, found, fix))
    return checks


def check_clock(api_base: str, now: datetime, http_get: HttpGet) -> Check:
    """WeCom refuses callbacks whose timestamp is 5 minutes off; compare with its Date header."""
    try:
        _, headers, _ = http_get(api_base.rstrip("/") + "/gettoken", {})
        remote = parsedate_to_datetime(headers.get("Date", ""))
    except (OSError, TypeError, ValueError) as exc:
        return Check(
            "clock",
            False,
            f"could not read WeCom's time: {exc}",
            "check outbound HTTPS to the WeCom API",
        )
    skew = abs((now - remote).total_seconds())
    if skew > MAX_CLOCK_SKEW.total_seconds():
        return Check(
            "clock",
            False,
            f"{skew:.0f} s off WeCom's clock",
            "enable NTP (timedatectl set-ntp true)",
        )
    return Check("clock", True, f"within {skew:.0f} s of WeCom's")


def run_checks(
    settings: Settings,
    engine: Engine,
    gateway: WeComGateway | None,
    now: datetime,
    http_get: HttpGet,
    public_url: str | None = None,
) -> list[Check]:
    """Every check, in the order an admin fixes them."""
    database = check_database(engine)
    checks = [check_settings(settings), *database]
    if gateway is not None:
        app, agent = check_app(gateway)
        contact, followers = check_contact_rights(gateway)
        checks += [app, contact]
        if agent is not None:
            checks.append(check_messaging(gateway, agent, followers))
        checks.append(check_clock(settings.wecom.api_base, now, http_get))
    if public_url:
        checks.append(check_callback_url(settings, public_url, now, http_get))
    if all(check.ok for check in database):  # the heartbeats table exists
        checks += check_processes(engine, now)
    return checks
