"""Spreadsheet cells that stay text: customer names, tags, remarks and cities are written by
customers and staff, and a cell starting with `=` (or `+ - @`, a tab or CR) is run as a formula
by Excel, LibreOffice and WPS (formula injection, OWASP). Every file segbot writes for a
spreadsheet (today: the segment export's .xlsx) goes through `formula_like`."""

from __future__ import annotations

import unicodedata
from typing import Any

from openpyxl.worksheet.worksheet import Worksheet

# What a spreadsheet may read as the start of a formula (OWASP's list).
_FORMULA_STARTS = frozenset("=+-@\t\r")


def formula_like(value: object) -> bool:
    """True for text a spreadsheet could run: its first character, read in its compatibility
    form (NFKC: full-width ＝＋－＠ and the small forms ﹦﹢﹣﹫ are the ASCII ones), starts a
    formula. WPS and Excel with an East-Asian IME treat the full-width signs as the ASCII ones."""
    if not isinstance(value, str) or not value:
        return False
    first = unicodedata.normalize("NFKC", value[0])[:1]
    return first in _FORMULA_STARTS


def keep_text(cell: Any) -> None:
    """Make one openpyxl cell a literal text cell if its text could start a formula: a string
    cell (openpyxl makes a str starting with "=" a formula) with Excel's quote prefix, so the
    value is shown as written and stays text when the cell is edited."""
    if formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def keep_worksheet_text(sheet: Worksheet) -> None:
    """`keep_text` on every cell: segbot never writes a formula on purpose, so any cell whose
    text could start one came from data (whatever column it is in)."""
    for row in sheet.iter_rows():
        for cell in row:
            keep_text(cell)
