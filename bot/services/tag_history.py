"""Recording when corp tags are put on and taken off customers (CustomerTagChange rows).

WeCom keeps no time for a tag on a customer, so segbot writes down each change it sees: a
sync or callback that finds a follow's tags changed, its own tagging, a follow that ended
(its tags leave with it), a tag deleted. "今天新打上VIP的" is answered from these rows
(segmentation.membership), from the moment recording began.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.database import bulk_insert
from segmentation.models import CustomerTagChange

ADDED, REMOVED, START = "added", "removed", "start"
# A relation this recent that arrives with tags was tagged when it was made: those are adds
# to record. An older one seen for the first time (a first full sync) says nothing of when.
RECENT_FOLLOW = timedelta(days=1)


def record_tag_changes(
    session: Session,
    change: str,
    tags: Iterable[tuple[str, str, str]],
    now: datetime,
    source: str,
) -> int:
    """Record `change` ("added" or "removed") of each (external_userid, userid, tag_id) at
    `now`; the first recording on a database without a start mark marks the start."""
    rows = [
        {"external_userid": e, "userid": u, "tag_id": t, "change": change, "at": now,
         "source": source}
        for e, u, t in dict.fromkeys(tags)
    ]  # fmt: skip
    if not rows:
        return 0
    started = session.scalar(
        select(CustomerTagChange.id).where(CustomerTagChange.change == START).limit(1)
    )
    if started is None:
        rows.insert(0, {"external_userid": "", "userid": "", "tag_id": "", "change": START,
                        "at": now, "source": source})  # fmt: skip
    bulk_insert(session, CustomerTagChange.__table__, rows)
    return len(rows)
