"""Heartbeats of the long-running processes: written by workers and the scheduler, read by
`segbot doctor` (a stopped scheduler sends no campaigns and no digests, silently)."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.models.heartbeats import ProcessHeartbeat

# A worker beats at most this often (it polls every second; one write a second would be noise).
BEAT_EVERY = timedelta(seconds=30)


@dataclass
class Heart:
    """One process's heartbeat; `beat` writes only when BEAT_EVERY has passed."""

    kind: str
    host: str = field(default_factory=socket.gethostname)
    pid: int = field(default_factory=os.getpid)
    started_at: datetime | None = None
    last_beat: datetime | None = None

    @property
    def name(self) -> str:
        return f"{self.kind}@{self.host}:{self.pid}"[:160]

    def due(self, now: datetime) -> bool:
        return self.last_beat is None or now - self.last_beat >= BEAT_EVERY

    def beat(self, session: Session, now: datetime) -> None:
        row = session.get(ProcessHeartbeat, self.name)
        if row is None:
            self.started_at = self.started_at or now
            row = ProcessHeartbeat(
                name=self.name,
                kind=self.kind,
                host=self.host[:128],
                pid=self.pid,
                started_at=self.started_at,
                seen_at=now,
            )
            session.add(row)
        row.seen_at = now
        self.last_beat = now


def last_seen(session: Session, kind: str) -> datetime | None:
    """When any process of this kind last said it was alive."""
    rows = session.scalars(
        select(ProcessHeartbeat.seen_at)
        .where(ProcessHeartbeat.kind == kind)
        .order_by(ProcessHeartbeat.seen_at.desc())
        .limit(1)
    )
    return next(iter(rows), None)
