"""Campaign settings (budgets, caps, quiet hours, holdout, attribution), read once at start."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from zoneinfo import ZoneInfo

from bot.settings_errors import SettingsError


@dataclass(frozen=True)
class CampaignSettings:
    timezone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    # WeCom: a customer receives at most 4 enterprise mass messages per natural month (Doc
    # 92135, 2022 copy); verify the current number in the admin console.
    monthly_mass_limit: int = 4
    # At most one campaign message to a customer in this many days (a campaign may override).
    frequency_cap_days: int = 7
    holdout_percent: int = 10
    # Runs inside [quiet_start, quiet_end) are held until quiet_end.
    quiet_start: time | None = time(21, 0)
    quiet_end: time | None = time(9, 0)
    # Tag names that mean "do not contact" (case-insensitive).
    opt_out_tags: tuple[str, ...] = ("勿扰", "opt-out")
    attribution_days: int = 14
    order_kind: str = "order"
    # WeCom errors: retried with backoff, then the rows are failed.
    max_attempts: int = 5
    lease_seconds: int = 600
    # A salesperson who has not confirmed is reminded at most every so often (WeCom: ≤3/24 h).
    remind_every_hours: int = 8
    # Tasks older than this are no longer polled.
    poll_days: int = 7
    # Slots of a schedule missed by more than this (scheduler down) are skipped, not sent late.
    misfire_grace_seconds: int = 3600
    # On-enter campaigns: how often their segments are compared with the last membership.
    entry_check_minutes: int = 5


def parse_campaign_settings(values: Mapping[str, str], timezone: ZoneInfo) -> CampaignSettings:
    """SEGBOT_MASS_MONTHLY_LIMIT, SEGBOT_FREQUENCY_CAP_DAYS, SEGBOT_HOLDOUT_PERCENT,
    SEGBOT_QUIET_HOURS (e.g. 21:00-09:00, or 'off'), SEGBOT_OPT_OUT_TAGS (comma-separated),
    SEGBOT_ATTRIBUTION_DAYS, SEGBOT_ENTRY_CHECK_MINUTES."""
    defaults = CampaignSettings()
    quiet_start, quiet_end = _quiet_hours(values.get("SEGBOT_QUIET_HOURS"))
    tags = values.get("SEGBOT_OPT_OUT_TAGS")
    return CampaignSettings(
        timezone=timezone,
        monthly_mass_limit=_int(values, "SEGBOT_MASS_MONTHLY_LIMIT", defaults.monthly_mass_limit),
        frequency_cap_days=_int(values, "SEGBOT_FREQUENCY_CAP_DAYS", defaults.frequency_cap_days),
        holdout_percent=_int(values, "SEGBOT_HOLDOUT_PERCENT", defaults.holdout_percent, 0, 90),
        quiet_start=quiet_start,
        quiet_end=quiet_end,
        opt_out_tags=tuple(t.strip() for t in tags.split(",") if t.strip())
        if tags is not None
        else defaults.opt_out_tags,
        attribution_days=_int(values, "SEGBOT_ATTRIBUTION_DAYS", defaults.attribution_days, 1),
        entry_check_minutes=_int(
            values, "SEGBOT_ENTRY_CHECK_MINUTES", defaults.entry_check_minutes, 1, 1440
        ),
    )


def _int(
    values: Mapping[str, str], name: str, default: int, low: int = 0, high: int = 10**6
) -> int:
    raw = (values.get(name) or "").strip()
    if not raw:
        return default
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise SettingsError(f"{name} must be a whole number from {low} to {high}")
    return int(raw)


def _quiet_hours(raw: str | None) -> tuple[time | None, time | None]:
    if raw is None or not raw.strip():
        return CampaignSettings.quiet_start, CampaignSettings.quiet_end
    if raw.strip().lower() == "off":
        return None, None
    try:
        start, end = (time.fromisoformat(part.strip()) for part in raw.split("-"))
    except ValueError:
        raise SettingsError("SEGBOT_QUIET_HOURS must look like 21:00-09:00 (or 'off')") from None
    return start, end
