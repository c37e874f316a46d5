"""WeCom's markdown subset (what the digest and chat replies use) as safe HTML for the pages:
everything is escaped first, then only the constructs WeCom itself renders are turned into
tags — `# ` headings, `**bold**`, `> ` quotes, `<font color="info|comment|warning">` — so no
customer- or staff-chosen text can become markup on a page."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_FONT = re.compile(
    r"&lt;font color=(?:&#34;|&quot;)(info|comment|warning)(?:&#34;|&quot;)&gt;(.*?)&lt;/font&gt;"
)


def _inline(line: str) -> str:
    text = str(escape(line))
    text = _FONT.sub(r'<span class="md-\1">\2</span>', text)
    return _BOLD.sub(r"<strong>\1</strong>", text)


def wecom_markdown_html(markdown: str) -> Markup:
    """Headings, paragraphs and quotes of a WeCom markdown text, as HTML."""
    out: list[str] = []
    for raw in markdown.splitlines():
        line = raw.rstrip()
        if not line:
            continue
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        if heading:
            level = min(len(heading.group(1)) + 2, 6)  # the page's own h2 stays above
            out.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
        elif line.startswith(">"):
            out.append(f'<p class="md-quote">{_inline(line[1:].lstrip())}</p>')
        else:
            out.append(f"<p>{_inline(line)}</p>")
    return Markup("\n".join(out))
