"""The segment engine's context of a deployment: its time zone and its named segments
(SEGBOT_NAMED_SEGMENTS, or the shipped catalogue). Built once per process by the composition
root (`build_deps`) or a CLI command, and passed down."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.settings import Settings

if TYPE_CHECKING:
    from segmentation.engine import EngineContext


def engine_context_for(settings: Settings) -> EngineContext:
    from segmentation.engine import default_context

    return default_context(settings.timezone, settings.named_segments_file)
