"""Interactive template cards (button_interaction) for confirmations, and their updates."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from bot.commands.texts import say
from segmentation.markup import escape_markdown, inert_text

CONFIRM_KEY = "confirm"
CANCEL_KEY = "cancel"
# WeCom's documented sizes (template card doc): at most 6 horizontal rows; titles and values
# are short. Longer text is cut here rather than by WeCom.
MAX_ROWS = 6
MAX_TITLE = 26
MAX_TITLE_DESC = 44  # the line under the title: a send's customers by name
MAX_SUB = 112
MAX_KEYNAME = 8
MAX_VALUE = 26


def _cut(text: str, limit: int) -> str:
    """`text` made inert (it carries segment, tag and customer names) and cut to `limit`."""
    text = escape_markdown(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def confirmation_card(
    *,
    task_id: str,
    title: str,
    description: str,
    rows: Sequence[tuple[str, str]],
    lang: str,
    quote: tuple[str, str] | None = None,
    title_desc: str = "",
) -> dict[str, Any]:
    """The card asking to confirm: the restated segment, the facts, confirm and cancel;
    `quote` (title, text) shows a text in full, e.g. the message customers will receive;
    `title_desc` is the line under the title."""
    card = {
        "card_type": "button_interaction",
        "source": {"desc": say("card_source", lang)},
        "main_title": {"title": _cut(title, MAX_TITLE)}
        | ({"desc": _cut(title_desc, MAX_TITLE_DESC)} if title_desc else {}),
        "sub_title_text": _cut(description, MAX_SUB),
        "horizontal_content_list": [
            {"keyname": _cut(key, MAX_KEYNAME), "value": _cut(value, MAX_VALUE)}
            for key, value in rows[:MAX_ROWS]
        ],
        "task_id": task_id,
        "button_list": [
            {"text": say("buttons_confirm", lang), "style": 1, "key": CONFIRM_KEY},
            {"text": say("buttons_cancel", lang), "style": 2, "key": CANCEL_KEY},
        ],
    }
    if quote is not None:
        # the text in full, line breaks kept, but no tag in it (security.md: staff-chosen text
        # is data in a card, never markup)
        card["quote_area"] = {
            "type": 0,
            "title": _cut(quote[0], MAX_TITLE),
            "quote_text": inert_text(quote[1]),
        }
    return card


def outcome_card(card: dict[str, Any], *, outcome: str, replace_text: str) -> dict[str, Any]:
    """The same card, its buttons greyed out with `replace_text`, the outcome in its text."""
    updated = copy.deepcopy(card)
    updated["sub_title_text"] = _cut(outcome, MAX_SUB)
    updated["replace_text"] = _cut(replace_text, 10)
    return updated
