"""ChannelCode: a live follow carries one of these 渠道活码 `state` codes ("通过展会活码加的")."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.kinds.added_via import explain
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
    return cond.channel_code(cust, node.names)


def restate(r: Any, node: ChannelCode) -> str:
    if r.zh:
        codes = "或".join(f"“{n}”" for n in node.names)
        return f"是通过渠道活码{codes}添加"
    return "were added through the channel code " + " or ".join(f"“{n}”" for n in node.names)


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
    )
)
