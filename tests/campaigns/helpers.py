"""Creating campaigns in tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.database import unit_of_work
from bot.services.campaigns.definition import CampaignSpec, create_campaign
from segmentation.nodes import All, to_json
from tests.campaigns.world import ADMINS, World


def make_campaign(world: World, now: datetime, **overrides: Any) -> int:
    fields: dict[str, Any] = {
        "name": "春季回访",
        "creator_userid": "boss",
        "content": "您好，春季新品上市",
        "segment_definition": to_json(All()),
        "schedule_kind": "once",
        "run_at": now,
    }
    fields.update(overrides)
    with unit_of_work(world.factory) as s:
        campaign = create_campaign(
            s, CampaignSpec(**fields), now=now, settings=world.settings, admins=ADMINS
        )
        return campaign.id
