"""Campaign names people can read (#20 item 7): a campaign made from chat is called
"流失风险客户 · 满200减30 · 12月4日" — who it is for, what it offers, when it was
confirmed — in the creator's language; "把活动#3改名为…" / "rename campaign #3 to …"
renames it (its creator or an admin)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

SEPARATOR = " · "
MAX_SEGMENT_CHARS = 24
MAX_MESSAGE_CHARS = 16
# Campaign.name is String(128); a name is read in lists, so a typed one stays short.
MAX_NAME_CHARS = 60

_DATES = re.compile(r"（[^）]*）|\([^)]*\)")  # restated windows: "近30天（10月2日–11月1日）"
_QUOTED = re.compile(r"“([^”]+)”")


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def segment_words(description: str) -> str:
    """The segment part: a saved segment's own name ("属于“高意向客户”的客户" → 高意向客户),
    else the description without its restated dates, clipped."""
    quoted = _QUOTED.findall(description)
    if len(quoted) == 1 and description.startswith(("属于", "customers who are")):
        return quoted[0]
    words = _DATES.sub("", description).strip()
    return _clip(words, MAX_SEGMENT_CHARS)


def offer_words(details: dict[str, Any], lang: str) -> str:
    """The coupon as the creator worded it ("满200减30"), else the message's first words."""
    coupon = str(details.get("coupon") or "").strip()
    if coupon:
        return _clip(coupon, MAX_SEGMENT_CHARS)
    message = str(details.get("message") or "").strip()
    if message:
        return _clip(message, MAX_MESSAGE_CHARS)
    return "消息" if lang == "zh" else "message"


def day_words(when: datetime, tz: ZoneInfo, lang: str) -> str:
    local = when.astimezone(tz)
    return f"{local.month}月{local.day}日" if lang == "zh" else f"{local:%b} {local.day}"


def campaign_name(
    description: str, details: dict[str, Any], when: datetime, tz: ZoneInfo, lang: str
) -> str:
    """流失风险客户 · 满200减30 · 12月4日 / at-risk customers · ¥30 off ¥200 · Dec 4."""
    parts = [segment_words(description), offer_words(details, lang), day_words(when, tz, lang)]
    return SEPARATOR.join(p for p in parts if p)


def clean_new_name(text: str) -> str | None:
    """A typed new name: its quotes and outer spaces gone, inner spaces collapsed; None when
    it is empty or longer than MAX_NAME_CHARS."""
    name = " ".join(text.strip().strip("“”\"「」『』'‘’").split())
    return name if 0 < len(name) <= MAX_NAME_CHARS else None
