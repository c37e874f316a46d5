"""The WeCom mass-message budget a segment's scorecard reads (the campaign side provides it).

Its own small module: every `segbot query` hands one to the query service, and only a
description reads it, so naming it must not import the describe machinery."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import CompoundSelect, Select


@dataclass(frozen=True)
class MassMessageBudget:
    """Who has no enterprise mass-message budget left this natural month (WeCom caps what a
    customer receives per month; spec/wecom.md). `exhausted(month_start, now)` is a SELECT of
    their external_userids; the campaign side, which owns the deliveries, provides it.
    Without one the budget is unknown and only live follows count as reachable."""

    exhausted: Callable[[datetime, datetime], Select[Any] | CompoundSelect[Any]]
