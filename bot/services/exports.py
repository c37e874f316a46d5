"""Segment exports: an .xlsx of the members (segmentation.reports.segment_frame), phones masked."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from datetime import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.services.cells import keep_worksheet_text
from segmentation.models import Customer
from segmentation.reports import segment_frame

# media/upload accepts files up to 20 MB (素材管理 doc).
MAX_FILE_BYTES = 20 * 1024 * 1024
CHUNK = 500

# Seven or more digits (spaces and dashes allowed inside) could be a phone number.
_DIGITS = re.compile(r"\d[\d \-]{5,}\d")

HEADERS = {
    "zh": {
        "external_userid": "客户ID",
        "name": "姓名",
        "phone": "手机号",
        "owners": "跟进人",
        "city": "城市",
        "tags": "标签",
        "last_inquiry_at": "最近咨询",
        "last_order_at": "最近下单",
        "total_spend": "累计消费(元)",
        "order_count": "下单次数",
    },
    "en": {
        "external_userid": "Customer ID",
        "name": "Name",
        "phone": "Phone",
        "owners": "Owners",
        "city": "City",
        "tags": "Tags",
        "last_inquiry_at": "Last inquiry",
        "last_order_at": "Last order",
        "total_spend": "Total spend (¥)",
        "order_count": "Orders",
    },
}


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


def _phones(session: Session, ids: Sequence[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for start in range(0, len(ids), CHUNK):
        stmt = select(Customer.external_userid, Customer.phone).where(
            Customer.external_userid.in_(list(ids[start : start + CHUNK]))
        )
        found.update({eid: mask_phone(phone) for eid, phone in session.execute(stmt)})
    return found


def export_frame(
    session: Session, ids: Sequence[str], *, now: datetime, tz: ZoneInfo, lang: str = "zh"
) -> pd.DataFrame:
    """The rows to export: masked phones, names with phone-like digits masked, local times
    without zone (Excel has none), money as numbers; headers in the member's language."""
    frame = segment_frame(session, ids, now)
    phones = _phones(session, list(frame["external_userid"]))
    frame.insert(2, "phone", [phones.get(eid, "") for eid in frame["external_userid"]])
    frame["name"] = [safe_name(n) for n in frame["name"]]
    for column in ("last_inquiry_at", "last_order_at"):
        frame[column] = [_local(v, tz) for v in frame[column]]
    frame["total_spend"] = [float(v) if isinstance(v, Decimal) else v for v in frame["total_spend"]]
    return frame.rename(columns=HEADERS.get(lang, HEADERS["zh"]))


def _local(value: object, tz: ZoneInfo) -> datetime | None:
    # pandas fills a customer without such an event with NaT, which is a datetime subclass.
    if not isinstance(value, datetime) or value != value:
        return None
    return value.astimezone(tz).replace(tzinfo=None)


def workbook_bytes(frame: pd.DataFrame, sheet: str = "customers") -> bytes:
    """The frame as one .xlsx sheet; text that could start a formula stays text (names, tags
    and remarks are chosen by customers and staff)."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        frame.to_excel(writer, sheet_name=sheet[:31], index=False)
        for worksheet in writer.book.worksheets:
            keep_worksheet_text(worksheet)
    return buffer.getvalue()


def export_workbook(
    session: Session, ids: Sequence[str], *, now: datetime, tz: ZoneInfo, lang: str = "zh"
) -> bytes:
    """The .xlsx bytes of these customers (the caller checks MAX_FILE_BYTES)."""
    return workbook_bytes(export_frame(session, ids, now=now, tz=tz, lang=lang))
