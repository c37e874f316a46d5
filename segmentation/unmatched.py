"""Questions back for conditions that match nobody the asker can see, where an empty answer
is a misspelling far more often than an answer (a company name nobody's contains): each
condition kind says whether it asks (segmentation/kinds, the `unmatched` facet)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from segmentation import kinds
from segmentation.context import EngineContext
from segmentation.engine import segment_count
from segmentation.nodes import Node, walk
from segmentation.scope import Requester


def question_back(
    session: Session,
    node: Node,
    *,
    requester: Requester,
    now: datetime,
    ctx: EngineContext,
    language: str,
) -> str | None:
    """The question back of the first condition of `node` whose kind asks when, alone, it
    matches none of `requester`'s customers; None when every such condition matches some."""
    for part in walk(node):
        if isinstance(part, kinds.CORE_TYPES):
            continue
        ask = kinds.kind_of(part).unmatched
        if ask is None:
            continue
        if segment_count(session, part, requester=requester, now=now, ctx=ctx) == 0:
            return ask(part, language)
    return None
