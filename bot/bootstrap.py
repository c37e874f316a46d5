"""The composition root: settings in, every long-lived dependency of the bot out (`build_deps`)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from functools import cached_property, partial
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from bot.database import make_engine, make_session_factory
from bot.engine_context import engine_context_for
from bot.settings import Settings

if TYPE_CHECKING:
    from bot.commands import QueryFn
    from bot.jobs.tasks import JobDeps
    from bot.services.campaigns.planning import PlanContext
    from integrations.wecom.gateway import WeComGateway
    from segmentation.engine import EngineContext

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]
# `gateway` not given to build_deps: built from the settings on first use.
_FROM_SETTINGS = object()


def utc_now() -> datetime:
    return datetime.now(UTC)


class Deps:
    """What the web app, the inbox worker, the scheduler and the CLI share; one per process.

    Each part is built the first time it is used, so a CLI command pays only for what it
    touches (`segbot query` never builds the WeCom gateway or imports wechatpy), and the
    engine is made once however many parts use it."""

    def __init__(
        self,
        settings: Settings,
        *,
        engine: Engine | None = None,
        gateway: WeComGateway | object | None = _FROM_SETTINGS,
        clock: Clock | None = None,
        query: QueryFn | None = None,
    ) -> None:
        self.settings = settings
        self.clock: Clock = clock or utc_now
        self._given_engine = engine
        self._given_gateway = gateway
        self._given_query = query
        # Set when a callback is stored, so an inbox worker in this process answers at once
        # instead of at its next poll (workers in other processes poll).
        self.inbox_wake = threading.Event()

    @cached_property
    def engine(self) -> Engine:
        return self._given_engine or make_engine(self.settings.database_url)

    @cached_property
    def session_factory(self) -> sessionmaker[Session]:
        return make_session_factory(self.engine)

    @cached_property
    def gateway(self) -> WeComGateway | None:
        """None when the WeCom API settings are missing: callbacks are still stored, and the
        worker keeps the messages it cannot answer for a retry instead of losing them."""
        if self._given_gateway is not _FROM_SETTINGS:
            return self._given_gateway  # type: ignore[return-value]
        return build_gateway(self.settings, self.session_factory)

    @cached_property
    def engine_ctx(self) -> EngineContext:
        """The segment engine's context (zone, named segments), read once from the settings."""
        return engine_context_for(self.settings)

    @cached_property
    def query(self) -> QueryFn:
        """The chat/API query service bound to these settings; tests may pass their own."""
        if self._given_query is not None:
            return self._given_query
        from bot.commands import default_query

        return partial(default_query, settings=self.settings, engine_ctx=self.engine_ctx)

    @cached_property
    def plan_context(self) -> PlanContext:
        """What planning a campaign reads: its settings, the engine context, the admins."""
        from bot.services.campaigns.planning import PlanContext

        settings = self.settings
        return PlanContext(
            settings=settings.campaigns, engine=self.engine_ctx, admins=settings.admins
        )

    def job_deps(self) -> JobDeps:
        """What the scheduler's jobs need, from the same parts."""
        from bot.jobs.tasks import JobDeps

        return JobDeps(
            self.session_factory,
            self.gateway,
            self.clock,
            self.plan_context,
            digest_time=self.settings.digest_time,
        )

    def now(self) -> datetime:
        return self.clock()

    def close(self) -> None:
        """Close the engine's pooled connections, if this process made the engine."""
        if self._given_engine is None and "engine" in self.__dict__:
            self.engine.dispose()

    def database_answers(self) -> bool:
        try:
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except SQLAlchemyError as exc:
            log.warning("database check failed: %s", type(exc).__name__)
            return False
        return True


def build_gateway(settings: Settings, factory: sessionmaker[Session]) -> WeComGateway | None:
    """The wechatpy-backed gateway when the app's API settings are present.

    Access tokens are shared between processes (web, worker, scheduler) through Redis when
    SEGBOT_REDIS_URL is set, else through the database, so they don't each fetch their own.
    """
    if not settings.wecom.can_call_api:
        return None
    from bot.services.token_store import make_token_store
    from integrations.wecom.client import WechatpyGateway

    wecom = settings.wecom
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
    """Wire the bot from settings; tests pass their own engine, fake gateway or fixed clock.
    Nothing is connected or imported here: each part is built on first use (Deps)."""
    return Deps(
        settings,
        engine=engine,
        gateway=_FROM_SETTINGS if gateway is None else gateway,
        clock=clock,
        query=query,
    )
