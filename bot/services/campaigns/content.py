"""Message texts: the campaign's template with {name}, {coupon_code}, {coupon_desc} filled in."""

from __future__ import annotations

import hashlib
import re

VARIABLES = ("name", "coupon_code", "coupon_desc")
_PATTERN = re.compile(r"\{(" + "|".join(VARIABLES) + r")\}")
# WeCom: text content of a mass message ≤ 4000 bytes; app text ≤ 2048 bytes.
MAX_CONTENT_BYTES = 4000


def render(template: str, values: dict[str, str]) -> str:
    """Only the known variables are replaced; any other brace is left as typed, so a customer
    name or user text can never be interpreted as a format directive."""
    return _PATTERN.sub(lambda m: values.get(m.group(1), ""), template)


def personalised(template: str) -> bool:
    """True when the text differs per customer (each such text is its own WeCom task)."""
    return bool(_PATTERN.search(template))


def content_key(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def unknown_variables(template: str) -> list[str]:
    """Names in braces that are not variables — most likely typos such as {coupon}."""
    return [m for m in re.findall(r"\{([A-Za-z_]+)\}", template) if m not in VARIABLES]
