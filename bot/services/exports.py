"""Segment exports: an .xlsx a colleague can work with.

Rows in the answer's order (a ranked answer's rank order); a frozen, filterable header;
money, counts, scores and dates as typed cells with formats; the spend and order columns
over the question's window beside the lifetime ones; remark, company and first-added
columns; score columns when predictive scores exist; phones in full only where the asker
may see them (see `phones_visible`); text cells never formulas (bot.services.cells)."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from sqlalchemy import BigInteger, func, select, type_coerce
from sqlalchemy.orm import Session

from bot.services.cells import formula_like, keep_worksheet_text
from bot.services.window_words import window_words
from segmentation.models import Customer, CustomerScore, Event, Follow
from segmentation.nodes import (
    ORDER_MEASURES,
    EventCount,
    Node,
    Performed,
    Ranked,
    Spend,
    Window,
    walk,
)
from segmentation.reports import segment_frame
from segmentation.scope import Requester
from segmentation.windows import as_of, resolve_window

# media/upload accepts files up to 20 MB (素材管理 doc).
MAX_FILE_BYTES = 20 * 1024 * 1024
CHUNK = 500

# Seven or more digits (spaces and dashes allowed inside) could be a phone number.
_DIGITS = re.compile(r"\d[\d \-]{5,}\d")

MONEY = '"¥"#,##0.00'
COUNT = "0"
DATETIME = "yyyy-mm-dd hh:mm"
SHARE = "0.0%"
DECIMAL2 = "0.00"

# key: (zh header, en header, number format). Window headers take the window's words.
COLUMNS: dict[str, tuple[str, str, str | None]] = {
    "rank": ("排名", "Rank", COUNT),
    "external_userid": ("客户ID", "Customer ID", None),
    "name": ("姓名", "Name", None),
    "remark": ("备注", "Remark", None),
    "company": ("公司", "Company", None),
    "phone": ("手机号", "Phone", None),
    "owners": ("跟进人", "Owners", None),
    "city": ("城市", "City", None),
    "tags": ("标签", "Tags", None),
    "first_added_at": ("添加时间", "First added", DATETIME),
    "last_inquiry_at": ("最近咨询", "Last inquiry", DATETIME),
    "last_order_at": ("最近下单", "Last order", DATETIME),
    "window_spend": ("{window}消费(元)", "Spend, {window} (¥)", MONEY),
    "window_orders": ("{window}下单次数", "Orders, {window}", COUNT),
    "total_spend": ("累计消费(元)", "Lifetime spend (¥)", MONEY),
    "order_count": ("累计下单次数", "Lifetime orders", COUNT),
    "p_alive": ("活跃概率", "P(alive)", SHARE),
    "expected_purchases_30d": ("预计30天购买次数", "Expected orders, 30 days", DECIMAL2),
    "expected_purchases_90d": ("预计90天购买次数", "Expected orders, 90 days", DECIMAL2),
    "expected_avg_value": ("预计客单价(元)", "Expected order value (¥)", MONEY),
    "clv": ("预计一年价值CLV(元)", "CLV, next 365 days (¥)", MONEY),
}
SCORE_KEYS = ("p_alive", "expected_purchases_30d", "expected_purchases_90d",
              "expected_avg_value", "clv")  # fmt: skip

MIN_WIDTH, MAX_WIDTH = 8, 40


@dataclass(frozen=True)
class ExportRequest:
    """What to export and for whom: `ids` in the answer's order, `ranks` when it was ranked,
    `segment` (the question's tree) for its window, `requester` for phone visibility (None:
    every phone masked)."""

    ids: Sequence[str]
    now: datetime
    tz: ZoneInfo
    lang: str = "zh"
    requester: Requester | None = None
    segment: Node | None = None
    ranks: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Export:
    content: bytes
    rows: int
    masked: int  # rows whose phone (and phone-like digits in name and remark) were masked


def mask_phone(phone: str | None) -> str:
    """138****0000: the first 3 and last 4 digits of a mobile number, stars between; shorter
    numbers keep only their last 4 digits."""
    digits = re.sub(r"\D", "", phone or "")
    if len(digits) >= 11:
        mobile = digits[-11:]  # without a country code such as 86
        return mobile[:3] + "****" + mobile[-4:]
    if len(digits) > 4:
        return "*" * (len(digits) - 4) + digits[-4:]
    return "****" if digits else ""


def safe_name(name: str | None) -> str:
    """A customer name fit for a reply or a file: any phone-like digit run in it masked."""
    return _DIGITS.sub(lambda m: mask_phone(m.group(0)), name or "")


# ---------------------------------------------------------------- who may see phones


def phones_visible(session: Session, requester: Requester | None, ids: Sequence[str]) -> set[str]:
    """The customers whose full phone the asker may see: an admin every one, anyone else
    only the customers they follow themselves (a live follow). A manager sees their team's
    customers' phones masked: the number is the salesperson's relation, not the team's."""
    if requester is None:
        return set()
    if requester.is_admin:
        return set(ids)
    found: set[str] = set()
    for chunk in _chunks(ids):
        stmt = select(Follow.external_userid).where(
            Follow.external_userid.in_(chunk),
            Follow.userid == requester.userid,
            Follow.deleted.is_(False),
        )
        found.update(session.execute(stmt).scalars())
    return found


# ---------------------------------------------------------------- the question's window


def spend_window(segment: Node | None) -> Window | None:
    """The window the question measured spend or orders over: a spend ranking's, else a
    spend condition's, else an order count's; None when it asked about no such window."""
    if segment is None:
        return None
    nodes = list(walk(segment))
    candidates: list[Window | None] = [
        n.window for n in nodes if isinstance(n, Ranked) and n.by in ORDER_MEASURES
    ]
    candidates += [n.window for n in nodes if isinstance(n, Spend)]
    candidates += [
        n.window for n in nodes if isinstance(n, EventCount | Performed) and n.event_kind == "order"
    ]
    return next((w for w in candidates if w is not None), None)


def _window_totals(
    session: Session, ids: Sequence[str], window: Window, now: datetime, tz: ZoneInfo
) -> dict[str, tuple[Decimal, int]]:
    """Order totals (yuan) and counts per customer over the window, as of `now`."""
    start, end = as_of(resolve_window(window, now, tz), now, tz)
    totals: dict[str, tuple[Decimal, int]] = {}
    for chunk in _chunks(ids):
        stmt = (
            select(
                Event.external_userid,
                func.coalesce(func.sum(type_coerce(Event.amount, BigInteger)), 0),
                func.count(),
            )
            .where(
                Event.external_userid.in_(chunk),
                Event.kind == "order",
                Event.occurred_at >= start,
                Event.occurred_at <= end,
            )
            .group_by(Event.external_userid)
        )
        for eid, fen, orders in session.execute(stmt):
            totals[eid] = ((Decimal(int(fen)) / 100).quantize(Decimal("0.01")), int(orders))
    return totals


# ---------------------------------------------------------------- the other facts


def _people_facts(
    session: Session, ids: Sequence[str], requester: Requester | None
) -> dict[str, dict[str, Any]]:
    """Phone, company, first added (any follow, ended ones too) and remarks (the asker's own
    follow's first, then the others' live ones) per customer."""
    facts: dict[str, dict[str, Any]] = {eid: {"remarks": []} for eid in ids}
    own = requester.userid if requester is not None else ""
    for chunk in _chunks(ids):
        for eid, phone, company in session.execute(
            select(Customer.external_userid, Customer.phone, Customer.corp_name).where(
                Customer.external_userid.in_(chunk)
            )
        ):
            facts[eid].update(phone=phone, company=company or "")
        stmt = (
            select(
                Follow.external_userid,
                Follow.userid,
                Follow.remark,
                Follow.added_at,
                Follow.deleted,
            )
            .where(Follow.external_userid.in_(chunk))
            .order_by(Follow.added_at, Follow.id)
        )
        for eid, userid, remark, added_at, deleted in session.execute(stmt):
            row = facts[eid]
            if added_at is not None and row.get("first_added_at") is None:
                row["first_added_at"] = added_at
            if remark and not deleted and remark not in row["remarks"]:
                row["remarks"].insert(0 if userid == own else len(row["remarks"]), remark)
    return facts


def _scores(session: Session, ids: Sequence[str]) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for chunk in _chunks(ids):
        for score in session.execute(
            select(CustomerScore).where(CustomerScore.external_userid.in_(chunk))
        ).scalars():
            found[score.external_userid] = {
                "p_alive": score.p_alive,
                "expected_purchases_30d": score.expected_purchases_30d,
                "expected_purchases_90d": score.expected_purchases_90d,
                "expected_avg_value": score.expected_avg_value,
                "clv": score.clv_365d,
            }
    return found


# ---------------------------------------------------------------- the workbook


def export_rows(
    session: Session, request: ExportRequest
) -> tuple[list[str], list[dict[str, Any]], int]:
    """(the column keys, one dict per customer in the request's order, how many of them
    have their phone masked)."""
    frame = segment_frame(session, request.ids, request.now)
    records: list[dict[str, Any]] = frame.to_dict("records")
    ids = [str(r["external_userid"]) for r in records]
    visible = phones_visible(session, request.requester, ids)
    people = _people_facts(session, ids, request.requester)
    window = spend_window(request.segment)
    totals = _window_totals(session, ids, window, request.now, request.tz) if window else {}
    scores = _scores(session, ids)
    keys = [k for k in COLUMNS if k not in SCORE_KEYS and not k.startswith("window_")]
    if not request.ranks:
        keys.remove("rank")
    if window is not None:
        at = keys.index("total_spend")
        keys[at:at] = ["window_spend", "window_orders"]
    if scores:
        keys += list(SCORE_KEYS)
    rows = []
    for record in records:
        eid = str(record["external_userid"])
        facts = people[eid]
        shown = eid in visible
        phone = facts.get("phone")
        remark = "、".join(facts["remarks"])
        row: dict[str, Any] = {
            "rank": request.ranks.get(eid),
            "external_userid": eid,
            "name": record["name"] if shown else safe_name(record["name"]),
            "remark": remark if shown else safe_name(remark),
            "company": facts.get("company", ""),
            "phone": (phone or "") if shown else mask_phone(phone),
            "owners": record["owners"],
            "city": record["city"] or "",
            "tags": record["tags"],
            "first_added_at": _local(facts.get("first_added_at"), request.tz),
            "last_inquiry_at": _local(record["last_inquiry_at"], request.tz),
            "last_order_at": _local(record["last_order_at"], request.tz),
            "window_spend": totals.get(eid, (Decimal("0.00"), 0))[0],
            "window_orders": totals.get(eid, (Decimal("0.00"), 0))[1],
            "total_spend": record["total_spend"],
            "order_count": int(record["order_count"]),
            **scores.get(eid, {}),
        }
        rows.append({k: _cell(row.get(k)) for k in keys})
    return keys, rows, sum(1 for eid in ids if eid not in visible)


def export_workbook(session: Session, request: ExportRequest) -> Export:
    """The .xlsx of these customers (the caller checks MAX_FILE_BYTES)."""
    keys, rows, masked = export_rows(session, request)
    window = spend_window(request.segment)
    words = window_words(window, request.now, request.tz, request.lang) if window else ""
    headers = [_header(k, request.lang, words) for k in keys]
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "customers" if request.lang != "zh" else "客户"
    sheet.append(headers)
    for row in rows:
        sheet.append([row[k] for k in keys])
    _style(sheet, keys, headers, rows)
    keep_worksheet_text(sheet)
    buffer = io.BytesIO()
    book.save(buffer)
    return Export(buffer.getvalue(), len(rows), masked)


def export_csv(session: Session, request: ExportRequest) -> Export:
    """The same columns and rows as the workbook, as CSV (UTF-8 with a byte-order mark, so
    Excel and WPS open the Chinese as written). A cell a spreadsheet could run as a formula
    gets a leading apostrophe, as OWASP advises for CSV: the text stays readable and inert."""
    keys, rows, masked = export_rows(session, request)
    window = spend_window(request.segment)
    words = window_words(window, request.now, request.tz, request.lang) if window else ""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_cell(_header(k, request.lang, words)) for k in keys])
    for row in rows:
        writer.writerow([_csv_cell(row[k]) for k in keys])
    return Export(("\ufeff" + buffer.getvalue()).encode("utf-8"), len(rows), masked)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, float):  # money, kept to the cent as the workbook shows it
        return f"{value:.2f}"
    text = str(value)
    return "'" + text if formula_like(text) else text


def _header(key: str, lang: str, window: str) -> str:
    zh, en, _ = COLUMNS[key]
    return (zh if lang == "zh" else en).format(window=window)


def _style(sheet: Any, keys: list[str], headers: list[str], rows: list[dict[str, Any]]) -> None:
    """Bold frozen header with a filter; typed cells formatted; widths fitted to the text."""
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(keys))}{len(rows) + 1}"
    for index, key in enumerate(keys, 1):
        letter = get_column_letter(index)
        number_format = COLUMNS[key][2]
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
        sample = [_shown(r[key], number_format) for r in rows[:1000]]
        width = max([_width(headers[index - 1]) + 2, *(_width(s) + 1 for s in sample)])
        sheet.column_dimensions[letter].width = min(MAX_WIDTH, max(MIN_WIDTH, width))


def _shown(value: Any, number_format: str | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "2026-01-01 00:00"
    if number_format == MONEY:
        return f"¥{value:,.2f}"
    return str(value)


def _width(text: str) -> int:
    """Characters as Excel shows them: CJK and full-width ones take two columns."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _cell(value: Any) -> Any:
    """Decimals as numbers (Excel has no decimal type; two decimals are exact enough to show),
    missing values as empty cells."""
    if isinstance(value, Decimal):
        return float(value)
    if value is None or value != value:  # NaN / NaT from pandas
        return None
    return value


def _local(value: object, tz: ZoneInfo) -> datetime | None:
    # pandas fills a customer without such an event with NaT, which is a datetime subclass.
    if not isinstance(value, datetime) or value != value:
        return None
    local = value.astimezone(tz).replace(tzinfo=None)
    to_python = getattr(local, "to_pydatetime", None)  # a pandas Timestamp
    return to_python() if callable(to_python) else local


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    items = list(ids)
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


# ---------------------------------------------------------------- the file's name


def export_filename(title: str, now: datetime, tz: ZoneInfo, suffix: str = "xlsx") -> str:
    """高意向客户-20261204-183015.xlsx: the segment's name or description in characters
    any file system takes (letters of any script, digits, - and _), then the local time to
    the second, so two exports of one segment never share a name."""
    words = re.sub(r"（[^）]*）|\([^)]*\)", "", title)  # restated dates: the stamp says when
    safe = re.sub(r"[^\w-]+", "_", words).strip("_-")[:40].rstrip("_-")
    stamp = now.astimezone(tz).strftime("%Y%m%d-%H%M%S")
    return f"{safe or 'segment'}-{stamp}.{suffix}"
