"""Every table of the application: the customer data model plus the bot's own tables.

Import `metadata` from here (Alembic, tests, `segbot init`) so no table is forgotten.
"""

import bot.models.api_tokens as _api_tokens  # noqa: F401  (scoped HTTP API tokens)
import bot.models.campaigns as _campaigns  # noqa: F401  (campaigns, outbox, coupons)
import bot.models.confirmations as _confirmations  # noqa: F401  (pending chat actions)
import bot.models.conversations as _conversations  # noqa: F401  (per-member chat context)
import bot.models.digests as _digests  # noqa: F401  (managers' daily digest log)
import bot.models.heartbeats as _heartbeats  # noqa: F401  (workers' and scheduler's beats)
import bot.models.inbox as _bot_inbox  # noqa: F401  (registers the inbox and audit tables)
import bot.models.tag_outbox as _tag_outbox  # noqa: F401  (tag writes waiting for WeCom)
import bot.models.tokens as _wecom_tables  # noqa: F401  (WeCom tokens, sync checkpoints)
import segmentation.models as _customer_data  # noqa: F401  (registers the tables)
from segmentation.models import Base

metadata = Base.metadata

__all__ = ["metadata"]
