"""Read a transaction file (CSV with a header, or the CDNOW sample layout) into a DataFrame."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

# Accepted header names (case-insensitive), first match wins.
CUSTOMER_HEADERS = ("customer_id", "external_userid", "customer", "cust_id", "id")
DATE_HEADERS = ("date", "occurred_at", "order_date", "purchase_date", "datetime")
AMOUNT_HEADERS = ("amount", "value", "revenue", "spend", "total")

# The CDNOW sample: customer id, customer index, YYYYMMDD, number of CDs, dollar amount.
CDNOW_LINE = re.compile(r"^\s*\S+\s+\S+\s+\d{8}\s+\d+\s+-?[\d.]+\s*$")
CDNOW_COLUMNS = ["customer_id", "customer_index", "date", "quantity", "amount"]


class TransactionFormatError(ValueError):
    """The file is neither a recognised CSV nor the CDNOW layout; the message says why."""


def read_transactions(path: Path) -> pd.DataFrame:
    """customer_id (str), date (datetime64, local wall time), amount (float, NaN if absent)."""
    with path.open(encoding="utf-8-sig") as handle:
        first = handle.readline()
    if CDNOW_LINE.match(first):
        return _read_cdnow(path)
    return _read_csv(path)


def _read_cdnow(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(
        path, sep=r"\s+", header=None, names=CDNOW_COLUMNS, dtype={"customer_id": str, "date": str}
    )
    return pd.DataFrame(
        {
            "customer_id": raw["customer_id"],
            "date": pd.to_datetime(raw["date"], format="%Y%m%d"),
            "amount": raw["amount"].astype(float),
        }
    )


def _read_csv(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype=str, encoding="utf-8-sig", skipinitialspace=True)
    columns = {c.strip().lower(): c for c in raw.columns}
    customer = _pick(columns, CUSTOMER_HEADERS, "customer id")
    when = _pick(columns, DATE_HEADERS, "date")
    amount = next((columns[h] for h in AMOUNT_HEADERS if h in columns), None)
    try:
        dates = pd.to_datetime(raw[when].str.strip(), format="mixed")
    except (ValueError, TypeError) as exc:
        raise TransactionFormatError(
            f"column {when!r} has a value that is not a date: {exc}"
        ) from exc
    if getattr(dates.dt, "tz", None) is not None:
        dates = dates.dt.tz_localize(None)  # keep the wall-clock day the file states
    amounts = (
        pd.to_numeric(raw[amount], errors="coerce")
        if amount
        else pd.Series(float("nan"), raw.index)
    )
    return pd.DataFrame(
        {"customer_id": raw[customer].str.strip(), "date": dates, "amount": amounts.astype(float)}
    )


def _pick(columns: dict[str, str], accepted: tuple[str, ...], what: str) -> str:
    for header in accepted:
        if header in columns:
            return columns[header]
    raise TransactionFormatError(
        f"no {what} column: expected one of {', '.join(accepted)} "
        f"(found {', '.join(columns.values()) or 'no header'})"
    )
