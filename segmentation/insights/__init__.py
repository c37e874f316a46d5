"""Segment insights: who is in a segment (persona) and how usable it is (scorecard)."""

from segmentation.insights.describe import describe_for_query, describe_segment, insight_to_json
from segmentation.insights.model import (
    Insight,
    Overlap,
    PersonaEntry,
    Scorecard,
    Stability,
    Typical,
)
from segmentation.insights.scorecard import MassMessageBudget
from segmentation.insights.sketch import insight_markdown

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
