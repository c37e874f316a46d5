"""What evaluating a segment needs besides the data: the calendar's zone and the named segments.

Its own module so that the modules below the engine (compiler, facts, saved segments) can name
the type without importing the engine that calls them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from segmentation.named import NamedSegmentCatalog


@dataclass(frozen=True)
class EngineContext:
    """What evaluation needs besides the data: the calendar's zone and the named segments."""

    timezone: ZoneInfo
    named: NamedSegmentCatalog


def default_context(
    tz: ZoneInfo | str = "Asia/Shanghai", named_path: str | Path | None = None
) -> EngineContext:
    """A context with the shipped named segments (or a deployment's own file)."""
    zone = ZoneInfo(tz) if isinstance(tz, str) else tz
    return EngineContext(timezone=zone, named=NamedSegmentCatalog.load(named_path))
