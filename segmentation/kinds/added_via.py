"""AddedVia: a live follow began one of these ways (WeCom's add_way: 扫码, 名片分享…)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, FromClause

from segmentation import conditions as cond
from segmentation.channels import add_way_name
from segmentation.kinds.registry import (
    Kind,
    by_leading_verb,
    no_activity,
    no_row_facts,
    reads_nothing,
    register,
)
from segmentation.nodes import AddedVia, Window
from segmentation.windows import Interval


def compile_added_via(c: Any, node: AddedVia, cust: FromClause) -> ColumnElement[bool]:
    return cond.added_via(cust, node.codes, follow_interval(c, node.window))


def follow_interval(c: Any, window: Window | None) -> Interval | None:
    """A channel's window bounds when its follow began; none: however long ago."""
    return None if window is None else c.interval(window)


def added_when(r: Any, window: Window | None) -> str:
    """ "是通过" (however long ago) or "近7天（…）通过": when the follow began."""
    return "是通过" if window is None else f"{r.when(window)}通过"


def _inner(name: str) -> str:
    """WeCom names some ways "通过获客链接添加" / "视频号添加": inside "是通过…添加" the
    frame's own words are not said twice (是通过通过获客链接添加添加)."""
    name = name.removeprefix("通过")
    return name.removesuffix("添加") or name


def restate(r: Any, node: AddedVia) -> str:
    ways = [add_way_name(code, "zh" if r.zh else "en") for code in node.codes]
    if r.zh:  # WeCom's own names, unquoted (codes, the company's words, are quoted)
        return added_when(r, node.window) + "或".join(_inner(w) for w in ways) + "添加"
    return "were added via " + " or ".join(ways) + r.when_en(node.window)


def explain(w: Any, node: Any) -> dict[str, Any]:
    return {"channels": w.channels()}


KIND = register(
    Kind(
        node=AddedVia,
        compile=compile_added_via,
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
