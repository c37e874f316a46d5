"""Segment insights: who is in a segment (persona) and how usable it is (scorecard).

The names below are imported from their modules on first use (PEP 562): a chat question
that only names the budget type, or no insight at all, does not load the describe
machinery (its models, queries and charts' inputs)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from segmentation.insights.budget import MassMessageBudget
    from segmentation.insights.describe import (
        describe_for_query,
        describe_segment,
        insight_to_json,
    )
    from segmentation.insights.model import (
        Insight,
        Overlap,
        PersonaEntry,
        Scorecard,
        Stability,
        Typical,
    )
    from segmentation.insights.sketch import insight_markdown

_MODULES = {
    "Insight": "model",
    "MassMessageBudget": "budget",
    "Overlap": "model",
    "PersonaEntry": "model",
    "Scorecard": "model",
    "Stability": "model",
    "Typical": "model",
    "describe_for_query": "describe",
    "describe_segment": "describe",
    "insight_markdown": "sketch",
    "insight_to_json": "describe",
}
__all__ = [
    "Insight",
    "MassMessageBudget",
    "Overlap",
    "PersonaEntry",
    "Scorecard",
    "Stability",
    "Typical",
    "describe_for_query",
    "describe_segment",
    "insight_markdown",
    "insight_to_json",
]


def __getattr__(name: str) -> Any:
    if name not in _MODULES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_MODULES[name]}"), name)
