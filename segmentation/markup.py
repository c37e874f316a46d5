"""Customer- and staff-chosen text (nicknames, remarks, tags, segment and campaign names,
cities) made inert before it goes into WeCom markdown, template cards or text messages.

WeCom's markdown (links, bold, headings, quotes, inline code, <font>) documents no escape
character, so a backslash would be shown and the markup still read. Instead every character
that can start markup is replaced by its full-width form, which reads the same to a person
and is never markup; line breaks become spaces, so user text cannot begin a line (a heading
or a quote). Text messages render <a href> links, so "<" is made inert there too.
"""

from __future__ import annotations

_MARKDOWN = str.maketrans(
    {
        "[": "［",
        "]": "］",
        "<": "＜",
        ">": "＞",
        "*": "＊",
        "`": "｀",
        "#": "＃",
        "\\": "＼",
        "\r": " ",
        "\n": " ",
    }
)
_TEXT = str.maketrans({"<": "＜", ">": "＞"})


def escape_markdown(text: object) -> str:
    """`text` as plain words inside WeCom markdown or a card: no link, bold, heading, quote,
    code or font markup survives, and it stays on one line."""
    return str(text).translate(_MARKDOWN)


def inert_text(text: str) -> str:
    """A text message with no HTML tag in it (WeCom renders <a href> in text messages; none
    of our own replies uses a tag)."""
    return text.translate(_TEXT)
