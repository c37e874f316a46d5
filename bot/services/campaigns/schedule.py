"""When a campaign is due (its slots) and when a planned run may be sent (quiet hours)."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.models.campaigns import ACTIVE, CRON, ONCE, Campaign
from bot.services.campaigns.cron import CronSchedule
from bot.services.campaigns.settings import CampaignSettings


def in_quiet_hours(moment: datetime, settings: CampaignSettings) -> bool:
    if settings.quiet_start is None or settings.quiet_end is None:
        return False
    local = moment.astimezone(settings.timezone).time()
    start, end = settings.quiet_start, settings.quiet_end
    if start <= end:
        return start <= local < end
    return local >= start or local < end  # the window crosses midnight (21:00-09:00)


def release_time(moment: datetime, settings: CampaignSettings) -> datetime:
    """`moment`, or the end of the quiet hours it falls in."""
    if not in_quiet_hours(moment, settings):
        return moment
    assert settings.quiet_end is not None
    tz = settings.timezone
    local = moment.astimezone(tz)
    release = _at(local, settings.quiet_end, tz)
    if release <= local:
        release = _at(local + timedelta(days=1), settings.quiet_end, tz)
    return release


def _at(day: datetime, when: time, tz: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, when.hour, when.minute, tzinfo=tz)


def due_slot(
    campaign: Campaign, last_slot: datetime | None, now: datetime, settings: CampaignSettings
) -> datetime | None:
    """The slot to plan now, if any. A `once` campaign runs even when noticed late; a cron
    campaign plans only its latest missed slot (coalesce), and skips slots older than the
    misfire grace rather than sending yesterday's message today."""
    if campaign.status != ACTIVE:
        return None
    if campaign.schedule_kind == ONCE:
        if last_slot is None and campaign.run_at is not None and campaign.run_at <= now:
            return campaign.run_at
        return None
    if campaign.schedule_kind == CRON and campaign.cron:
        grace = now - timedelta(seconds=settings.misfire_grace_seconds)
        after = max(d for d in (last_slot, campaign.created_at, grace) if d is not None)
        return CronSchedule.parse(campaign.cron).latest_between(after, now, settings.timezone)
    return None


def next_fire(campaign: Campaign, now: datetime, settings: CampaignSettings) -> datetime | None:
    """When the scheduler should next wake up for this campaign (for display and jobs)."""
    if campaign.status != ACTIVE:
        return None
    if campaign.schedule_kind == ONCE:
        return campaign.run_at if campaign.run_at and campaign.run_at > now else None
    if campaign.schedule_kind == CRON and campaign.cron:
        return CronSchedule.parse(campaign.cron).next_after(now, settings.timezone)
    return None
