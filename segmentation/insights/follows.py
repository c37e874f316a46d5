"""Live follows of the described customers: who owns them (a persona attribute) and how many
members can be reached at all (the scorecard), from one pass of index probes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, func, literal, select, union_all
from sqlalchemy.orm import Session

from segmentation.insights.workspace import Workspace, along_indexes
from segmentation.models import Follow

follows = cast(Table, Follow.__table__)


@dataclass(frozen=True)
class FollowCounts:
    owners: list[tuple[str, int, int]]  # (userid, customers they follow, members among them)
    reachable: int  # members with at least one live follow


def read_follows(session: Session, ws: Workspace) -> FollowCounts:
    """Both figures from the (customer, follower) pairs, joined once: a CTE used twice is
    materialised once (PostgreSQL) and each member's follows are probed once, not twice."""
    f = ws.facts
    pairs = (
        select(f.c.external_userid, f.c.in_seg, follows.c.userid)
        .select_from(f.join(follows, follows.c.external_userid == f.c.external_userid))
        .where(follows.c.deleted.is_(False))
        .cte("live_pairs")
    )
    per_owner = select(
        literal("owner"), pairs.c.userid, func.count(), func.coalesce(func.sum(pairs.c.in_seg), 0)
    ).group_by(pairs.c.userid)
    reachable = select(
        literal("reachable"),
        literal(""),
        func.count(pairs.c.external_userid.distinct()),
        literal(0),
    ).where(pairs.c.in_seg == 1)
    owners, members = [], 0
    with along_indexes(session, ws):
        rows = session.execute(union_all(per_owner, reachable)).all()
    for what, userid, n, m in rows:
        if what == "owner":
            owners.append((userid, int(n), int(m)))
        else:
            members = int(n)
    return FollowCounts(owners, members)
