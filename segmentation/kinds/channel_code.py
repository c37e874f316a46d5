"""ChannelCode: a live follow carries one of these 渠道活码 `state` codes ("通过展会活码加的")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.kinds.added_via import added_when, explain, follow_interval
from segmentation.kinds.registry import (
    Kind,
    by_leading_verb,
    no_activity,
    no_row_facts,
    reads_nothing,
    register,
)
from segmentation.nodes import ChannelCode


def compile_channel_code(c: Any, node: ChannelCode, cust: FromClause) -> ColumnElement[bool]:
    return cond.channel_code(cust, node.names, follow_interval(c, node.window))


def restate(r: Any, node: ChannelCode) -> str:
    if r.zh:
        codes = "或".join(f"“{n}”" for n in node.names)
        return f"{added_when(r, node.window)}渠道活码{codes}添加"
    codes_en = " or ".join(f"“{n}”" for n in node.names)
    return f"were added through the channel code {codes_en}{r.when_en(node.window)}"


KIND = register(
    Kind(
        node=ChannelCode,
        compile=compile_channel_code,
        restate=restate,
        restate_negated=by_leading_verb,
        explain=explain,
        row_facts=no_row_facts,
        activity=no_activity,
        reads=reads_nothing,
        breakdown="channel",
        heads=("channel",),
        current_only=True,
    )
)
