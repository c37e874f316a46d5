"""Reply texts: a list page, a count, a clarifying question — within WeCom's size limits."""

from __future__ import annotations

from collections.abc import Sequence

from bot.commands.rows import CustomerRow
from bot.commands.texts import say

# message/send text content is at most 2048 bytes (Doc 90236); WeCom truncates beyond.
MAX_TEXT_BYTES = 2048
MAX_NAME_CHARS = 24


def _fits(text: str) -> bool:
    return len(text.encode("utf-8")) <= MAX_TEXT_BYTES


def clip(text: str, limit: int = MAX_TEXT_BYTES) -> str:
    """Cut text to `limit` UTF-8 bytes on a character boundary."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[: limit - 3].decode("utf-8", errors="ignore") + "…"


def _row_line(number: int, row: CustomerRow, lang: str) -> str:
    name = row.name if len(row.name) <= MAX_NAME_CHARS else row.name[: MAX_NAME_CHARS - 1] + "…"
    parts = [f"{number}. {name}"]
    if row.owners:
        separator = "、" if lang == "zh" else ", "
        parts.append(say("owner", lang, names=separator.join(row.owners)))
    if row.fact:
        parts.append(row.fact)
    return " · ".join(parts)


def list_page(
    head: str, rows: Sequence[CustomerRow], *, first_number: int, total: int, lang: str
) -> tuple[str, int]:
    """The page text and how many rows it holds (fewer than given when the size limit bites)."""
    lines = [head]
    shown = 0
    for offset, row in enumerate(rows):
        line = _row_line(first_number + offset, row, lang)
        left = total - (first_number - 1) - (shown + 1)
        tail = [say("more_hint", lang, left=left)] if left > 0 else []
        if not _fits("\n".join([*lines, line, *tail])):
            break
        lines.append(line)
        shown += 1
    left = total - (first_number - 1) - shown
    if left > 0:
        lines.append(say("more_hint", lang, left=left))
    return "\n".join(lines), shown


def clarify(message: str, suggestions: Sequence[str], lang: str) -> str:
    lines = [message]
    if suggestions:
        lines.append(say("clarify_suggestions", lang))
        lines.extend(f"{i}. {s}" for i, s in enumerate(suggestions[:3], start=1))
    return clip("\n".join(lines))
