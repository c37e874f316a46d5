"""The composition root: settings in, every long-lived dependency of the bot out (`build_deps`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.commands import QueryFn, default_query
from bot.database import make_engine, make_session_factory
from bot.engine_context import engine_context_for
from bot.settings import Settings
from integrations.wecom.gateway import WeComGateway
from segmentation.engine import EngineContext

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
    # The chat/API query service, bound to these settings; tests may pass their own.
    query: QueryFn
    # The segment engine's context (zone, named segments), built once from the settings.
    engine_ctx: EngineContext | None = field(default=None, compare=False)
    # Set when a callback is stored, so an inbox worker in this process answers at once
    # instead of at its next poll (workers in other processes poll).
    inbox_wake: threading.Event = field(default_factory=threading.Event, compare=False)

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


def build_gateway(
    settings: Settings, factory: sessionmaker[Session] | None = None
) -> WeComGateway | None:
    """The wechatpy-backed gateway when the app's API settings are present.

    Access tokens are shared between processes (web, worker, scheduler) through Redis when
    SEGBOT_REDIS_URL is set, else through the database, so they don't each fetch their own.
    """
    if not settings.wecom.can_call_api:
        return None
    from bot.services.token_store import make_token_store
    from integrations.wecom.client import WechatpyGateway

    wecom = settings.wecom
    if factory is None:
        factory = make_session_factory(make_engine(settings.database_url))
    store = make_token_store(factory, settings.redis_url)
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
    factory = make_session_factory(engine)
    engine_ctx = engine_context_for(settings)
    return Deps(
        settings=settings,
        engine=engine,
        session_factory=factory,
        gateway=gateway if gateway is not None else build_gateway(settings, factory),
        clock=clock or utc_now,
        query=query or partial(default_query, settings=settings, engine_ctx=engine_ctx),
        engine_ctx=engine_ctx,
    )
