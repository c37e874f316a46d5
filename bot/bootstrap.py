"""The composition root: settings in, every long-lived dependency of the bot out (`build_deps`)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.commands import QueryFn, default_query
from bot.database import make_engine, make_session_factory
from bot.settings import Settings
from integrations.wecom.gateway import WeComGateway

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Deps:
    """What the web app, the inbox worker and the CLI share; built once per process."""

    settings: Settings
    engine: Engine
    session_factory: sessionmaker[Session]
    # None when the WeCom API settings are missing: callbacks are still stored, and the
    # worker keeps the messages it cannot answer for a retry instead of losing them.
    gateway: WeComGateway | None
    clock: Clock
    # The chat/API query service; tests may pass their own.
    query: QueryFn = default_query

    def now(self) -> datetime:
        return self.clock()

    def database_answers(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            log.warning("database check failed: %s", type(exc).__name__)
            return False
        return True


def build_gateway(settings: Settings) -> WeComGateway | None:
    """The wechatpy-backed gateway when the app's API settings are present."""
    if not settings.wecom.can_call_api:
        return None
    from integrations.wecom.client import WechatpyGateway
    from integrations.wecom.tokens import RedisTokenStore

    wecom = settings.wecom
    # With Redis, every process shares one access token instead of each fetching its own.
    store = RedisTokenStore.from_url(settings.redis_url) if settings.redis_url else None
    return WechatpyGateway(
        wecom.corp_id or "",
        wecom.agent_id,
        wecom.secret or "",
        contact_secret=wecom.contact_secret,
        api_base=wecom.api_base,
        token_store=store,
    )


def build_deps(
    settings: Settings,
    *,
    engine: Engine | None = None,
    gateway: WeComGateway | None = None,
    clock: Clock | None = None,
    query: QueryFn | None = None,
) -> Deps:
    """Wire the bot from settings; tests pass their own engine, fake gateway or fixed clock."""
    engine = engine if engine is not None else make_engine(settings.database_url)
    return Deps(
        settings=settings,
        engine=engine,
        session_factory=make_session_factory(engine),
        gateway=gateway if gateway is not None else build_gateway(settings),
        clock=clock or utc_now,
        query=query or default_query,
    )
