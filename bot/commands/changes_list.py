"""A membership change list as the customers it listed ("近3天新进入VIP的客户", then "其中上海的",
"裡面女生是誰", "which of them are in Shanghai"): the rows shown, picked by id, so that a
refinement narrows them as it narrows any list. The list has no segment of its own (who
entered a tag is history, not a condition), so the rows are what "these" means."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.paging import expired, last_list
from segmentation.kinds.customer_ids import MAX_NAMED, NamedCustomers
from segmentation.models import Customer
from segmentation.nodes import Node, to_json


def changes_as_list(
    session: Session, ctx: CommandContext, userid: str
) -> tuple[Node, conv.PreviousAnswer] | None:
    """The change list just shown as its customers, and that answer as a list of them; None
    when the previous answer is no change list, or its rows are gone, a day old or too many
    to name (then it is refused as before: asked for customers first)."""
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None or previous.kind != conv.CHANGES:
        return None
    state = last_list(session, userid)
    if state is None or expired(state, ctx.now):
        return None
    ids = [str(i) for i in state.customers or []]
    if not ids or len(ids) > MAX_NAMED:
        return None
    rows = session.execute(
        select(Customer.external_userid, Customer.name).where(Customer.external_userid.in_(ids))
    )
    names = {eid: name for eid, name in rows}
    node = NamedCustomers(tuple(ids), tuple(names.get(i) or i for i in ids))
    return node, replace(previous, kind=conv.LIST, segment=to_json(node), count=len(ids))
