"""Which long-running processes (inbox workers, the scheduler) were alive, and when."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from segmentation.models.base import Base, UTCDateTime


class ProcessHeartbeat(Base):
    """One row per process: `segbot doctor` reads them to tell a stopped worker or scheduler."""

    __tablename__ = "process_heartbeats"

    # "<kind>@<host>:<pid>", e.g. "worker@app1:4242"; kind is "worker" or "scheduler".
    name: Mapped[str] = mapped_column(String(160), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), index=True)
    host: Mapped[str] = mapped_column(String(128))
    pid: Mapped[int] = mapped_column(Integer)
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
