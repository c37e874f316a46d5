"""Message texts: the campaign's template with {name}, {coupon_code}, {coupon_desc} and
{coupon_expires} filled in."""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, tzinfo

from segmentation.nlq.coupons import MESSAGE_VARIABLES

VARIABLES = MESSAGE_VARIABLES
# "{{name}}" is text (another tool's placeholder typed by the member), never a variable.
_PATTERN = re.compile(r"(?<!\{)\{(" + "|".join(VARIABLES) + r")\}(?!\})")
# WeCom: text content of a mass message ≤ 4000 bytes; app text ≤ 2048 bytes.
MAX_CONTENT_BYTES = 4000


def render(template: str, values: dict[str, str]) -> str:
    """Only the known variables are replaced; any other brace is left as typed, so a customer
    name or user text can never be interpreted as a format directive."""
    return _PATTERN.sub(lambda m: values.get(m.group(1), ""), template)


def personalised(template: str, *, shared_code: bool = False) -> bool:
    """True when the text differs per customer (each such text is its own WeCom task): a
    name, or a coupon code that is not the campaign's shared code."""
    names = set(_PATTERN.findall(template))
    return "name" in names or ("coupon_code" in names and not shared_code)


def content_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def unknown_variables(template: str) -> list[str]:
    """Names in braces that are not variables — most likely typos such as {coupon}."""
    found = re.findall(r"(?<!\{)\{([A-Za-z_]+)\}(?!\})", template)
    return [m for m in found if m not in VARIABLES]


def expiry_words(expires: datetime, timezone: tzinfo) -> str:
    """The last day a coupon can be used, as customers read it: 2026-12-01."""
    return expires.astimezone(timezone).strftime("%Y-%m-%d")


def message_values(name: str, code: str | None, description: str, expires: str) -> dict[str, str]:
    """The variables of one recipient's text; `code` is already formatted for reading."""
    return {
        "name": name,
        "coupon_code": code or "",
        "coupon_desc": description,
        "coupon_expires": expires,
    }
