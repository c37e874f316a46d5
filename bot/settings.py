"""Settings: read once at start from the environment and a `.env` file, validated, frozen."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.settings_errors import SettingsError

if TYPE_CHECKING:
    from bot.services.campaigns.settings import CampaignSettings

DEFAULT_DATABASE_URL = "sqlite:///segbot.db"
DEFAULT_TIMEZONE = "Asia/Shanghai"
DEFAULT_WECOM_API_BASE = "https://qyapi.weixin.qq.com/cgi-bin/"
# WeCom login: OAuth2 inside the WeCom client, and the web QR login for desktop browsers.
DEFAULT_WECOM_OAUTH_BASE = "https://open.weixin.qq.com"
DEFAULT_WECOM_LOGIN_BASE = "https://login.work.weixin.qq.com"
DEFAULT_DIGEST_TIME = time(8, 30)
# A push whose maximum coupon cost (yuan) is above this needs a manager's or an admin's approval.
DEFAULT_APPROVAL_COST_LIMIT = Decimal(5000)
# The behaviour event kinds of spec/commands.md; SEGBOT_EVENT_KINDS adds a deployment's own.
DEFAULT_EVENT_KINDS = frozenset({"inquiry", "order", "visit", "cart", "refund"})
KIND_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


@dataclass(frozen=True)
class WeComSettings:
    corp_id: str | None = None
    agent_id: int | None = None
    secret: str | None = field(default=None, repr=False)
    contact_secret: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    aes_key: str | None = field(default=None, repr=False)
    api_base: str = DEFAULT_WECOM_API_BASE
    oauth_base: str = DEFAULT_WECOM_OAUTH_BASE
    login_base: str = DEFAULT_WECOM_LOGIN_BASE

    @property
    def can_call_api(self) -> bool:
        return bool(self.corp_id and self.secret)


@dataclass(frozen=True)
class Settings:
    database_url: str = DEFAULT_DATABASE_URL
    timezone_name: str = DEFAULT_TIMEZONE
    wecom: WeComSettings = field(default_factory=WeComSettings)
    api_token: str | None = field(default=None, repr=False)
    admins: frozenset[str] = frozenset()
    redis_url: str | None = None
    campaigns: CampaignSettings = field(default_factory=lambda: _default_campaign_settings())
    # Managers' daily digest goes out from this local time (SEGBOT_TIMEZONE) on.
    digest_time: time = DEFAULT_DIGEST_TIME
    # SEGBOT_NAMED_SEGMENTS: a deployment's own named segments (commands.md §4); None: shipped.
    named_segments_file: str | None = None
    # The web console: the key its session cookies are signed with (SEGBOT_WEB_SECRET; by
    # default derived from the WeCom secrets, so a deployment needs nothing more), and the
    # public address WeCom's login redirects back to (SEGBOT_PUBLIC_URL; default: the Host).
    web_secret: str | None = field(default=None, repr=False)
    public_url: str | None = None
    approval_cost_limit: Decimal = DEFAULT_APPROVAL_COST_LIMIT
    # Event kinds the API and `segbot import` accept (others are rejected per record).
    event_kinds: frozenset[str] = DEFAULT_EVENT_KINDS

    @property
    def timezone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone_name)

    def with_database(self, url: str | None) -> Settings:
        """The same settings with another database (the CLI's `--db`)."""
        if not url:
            return self
        return _replace(self, database_url=url)

    def secrets(self) -> list[str]:
        """Every secret value, so logs and replies can be scanned or scrubbed for them."""
        values = [
            self.api_token,
            self.wecom.secret,
            self.wecom.contact_secret,
            self.wecom.aes_key,
            self.wecom.token,
            self.web_secret,
        ]
        return [v for v in values if v]


def _default_campaign_settings() -> CampaignSettings:
    from bot.services.campaigns.settings import CampaignSettings

    return CampaignSettings()


def _replace(settings: Settings, **changes: object) -> Settings:
    from dataclasses import replace

    return replace(settings, **changes)  # type: ignore[arg-type]


def load_settings(
    environ: Mapping[str, str] | None = None, env_file: str | Path | None = ".env"
) -> Settings:
    """Read settings from `environ` (default: the process environment) over a `.env` file.

    Real environment variables win over the file, as with every dotenv tool.
    """
    values: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        from dotenv import dotenv_values  # only when there is a file to read

        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    return parse_settings(values)


def parse_settings(values: Mapping[str, str]) -> Settings:
    def get(name: str) -> str | None:
        raw = values.get(name)
        if raw is None:
            return None
        raw = raw.strip()
        return raw or None

    secret = get("SEGBOT_WECOM_SECRET")
    wecom = WeComSettings(
        corp_id=get("SEGBOT_WECOM_CORP_ID"),
        agent_id=_parse_agent_id(get("SEGBOT_WECOM_AGENT_ID")),
        secret=secret,
        contact_secret=get("SEGBOT_WECOM_CONTACT_SECRET") or secret,
        token=_parse_token(get("SEGBOT_WECOM_TOKEN")),
        aes_key=_parse_aes_key(get("SEGBOT_WECOM_AES_KEY")),
        api_base=_parse_api_base(get("SEGBOT_WECOM_API_BASE") or DEFAULT_WECOM_API_BASE),
        oauth_base=_parse_url("SEGBOT_WECOM_OAUTH_BASE", get("SEGBOT_WECOM_OAUTH_BASE"))
        or DEFAULT_WECOM_OAUTH_BASE,
        login_base=_parse_url("SEGBOT_WECOM_LOGIN_BASE", get("SEGBOT_WECOM_LOGIN_BASE"))
        or DEFAULT_WECOM_LOGIN_BASE,
    )
    # Campaign settings live with the campaign service; they are parsed here, once, with the rest.
    from bot.services.campaigns.settings import parse_campaign_settings

    timezone_name = _parse_timezone(get("SEGBOT_TIMEZONE") or DEFAULT_TIMEZONE)
    return Settings(
        database_url=_parse_database_url(get("SEGBOT_DATABASE_URL") or DEFAULT_DATABASE_URL),
        timezone_name=timezone_name,
        wecom=wecom,
        api_token=get("SEGBOT_API_TOKEN"),
        admins=frozenset(u.strip() for u in (get("SEGBOT_ADMINS") or "").split(",") if u.strip()),
        redis_url=_parse_redis_url(get("SEGBOT_REDIS_URL")),
        campaigns=parse_campaign_settings(values, ZoneInfo(timezone_name)),
        digest_time=_parse_digest_time(get("SEGBOT_DIGEST_TIME")),
        named_segments_file=_parse_named_segments(get("SEGBOT_NAMED_SEGMENTS")),
        web_secret=_parse_web_secret(get("SEGBOT_WEB_SECRET")),
        public_url=_parse_url("SEGBOT_PUBLIC_URL", get("SEGBOT_PUBLIC_URL")),
        approval_cost_limit=_parse_cost_limit(get("SEGBOT_APPROVAL_COST_LIMIT")),
        event_kinds=_parse_event_kinds(get("SEGBOT_EVENT_KINDS")),
    )


def _parse_url(name: str, raw: str | None) -> str | None:
    if raw is None:
        return None
    if not raw.startswith(("http://", "https://")):
        raise SettingsError(f"{name} must be an http(s) URL, e.g. https://segbot.example.com")
    return raw.rstrip("/")


def _parse_web_secret(raw: str | None) -> str | None:
    if raw is not None and len(raw) < 32:
        raise SettingsError("SEGBOT_WEB_SECRET must be at least 32 characters (random)")
    return raw


def _parse_named_segments(path: str | None) -> str | None:
    """The file is read and checked at start, so a typo in it stops the program here with
    one line instead of failing every question that names a segment."""
    if path is None:
        return None
    from segmentation.named import NamedSegmentCatalog

    try:
        NamedSegmentCatalog.load(path)
    except OSError as exc:
        raise SettingsError(f"SEGBOT_NAMED_SEGMENTS: cannot read {path}: {exc.strerror}") from None
    except ValueError as exc:  # bad JSON or a bad definition (SegmentFormatError)
        raise SettingsError(
            f"SEGBOT_NAMED_SEGMENTS: {path} is not a valid catalog: {exc}"
        ) from None
    return path


def _parse_event_kinds(raw: str | None) -> frozenset[str]:
    """SEGBOT_EVENT_KINDS=call,demo adds kinds to the built-in ones."""
    extra = {k.strip().lower() for k in (raw or "").split(",") if k.strip()}
    bad = sorted(k for k in extra if not KIND_PATTERN.match(k))
    if bad:
        raise SettingsError(
            f"SEGBOT_EVENT_KINDS: {bad[0][:40]!r} is not a kind (lowercase letters, digits and _)"
        )
    return DEFAULT_EVENT_KINDS | extra


def _parse_database_url(url: str) -> str:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(url)
    except ArgumentError:
        raise SettingsError(
            "SEGBOT_DATABASE_URL is not a database URL (expected e.g. sqlite:///segbot.db "
            "or postgresql+psycopg://user@host/db)"
        ) from None
    return url


def _parse_timezone(name: str) -> str:
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise SettingsError(
            f"SEGBOT_TIMEZONE: unknown time zone {name!r} (expected an IANA name such as "
            "Asia/Shanghai)"
        ) from None
    return name


def _parse_agent_id(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not raw.isdigit():
        raise SettingsError("SEGBOT_WECOM_AGENT_ID must be the app's numeric AgentId")
    return int(raw)


def _parse_token(raw: str | None) -> str | None:
    if raw is not None and not (raw.isascii() and raw.isalnum() and len(raw) <= 32):
        raise SettingsError("SEGBOT_WECOM_TOKEN must be at most 32 letters and digits")
    return raw


def _parse_aes_key(raw: str | None) -> str | None:
    import base64
    import binascii

    if raw is None:
        return None
    try:
        decoded = base64.b64decode(raw + "=", validate=True)
    except (binascii.Error, ValueError):
        decoded = b""
    if len(raw) != 43 or len(decoded) != 32:
        raise SettingsError("SEGBOT_WECOM_AES_KEY must be the 43-character EncodingAESKey")
    return raw


def _parse_api_base(raw: str) -> str:
    if not raw.startswith(("http://", "https://")):
        raise SettingsError("SEGBOT_WECOM_API_BASE must be an http(s) URL")
    return raw if raw.endswith("/") else raw + "/"


def _parse_redis_url(raw: str | None) -> str | None:
    if raw is not None and not raw.startswith(("redis://", "rediss://", "unix://")):
        raise SettingsError("SEGBOT_REDIS_URL must be a redis:// URL")
    return raw


def _parse_digest_time(raw: str | None) -> time:
    if raw is None:
        return DEFAULT_DIGEST_TIME
    try:
        parsed = time.fromisoformat(raw)
    except ValueError:
        parsed = None
    if parsed is None or len(raw) != 5 or parsed.tzinfo is not None:
        raise SettingsError("SEGBOT_DIGEST_TIME must be a time of day like 08:30 (24-hour, HH:MM)")
    return parsed


def _parse_cost_limit(raw: str | None) -> Decimal:
    if raw is None:
        return DEFAULT_APPROVAL_COST_LIMIT
    try:
        value = Decimal(raw.replace(",", ""))
    except InvalidOperation:
        value = Decimal(-1)
    if not value.is_finite() or value < 0:
        raise SettingsError("SEGBOT_APPROVAL_COST_LIMIT must be an amount in yuan, e.g. 5000")
    return value
