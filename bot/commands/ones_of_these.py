"""Some of the answer just given, exported by their kind alone (issue 19): "上海的导出来",
"上海的 export 出来", "VIP嘅導出" right after a list or a count — the Shanghai ones of that
answer, as "上海的有几个" already counts them; never all of the company's Shanghai customers.

Said with a people word ("上海的客户导出来") or "all" (全部的导出来) it is a question of its
own, as before.
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from segmentation.nlq.lazy_re import lazy_pattern

_ONES_EXPORTED = lazy_pattern(
    r"^(?P<ones>[^，,。；;]+?)(?:的|嘅)\s*(?:都|全部)?\s*(?:export|导出|導出|下载|下載)"
    r"(?:\s*(?:出来|出來|出嚟|一下|下|成excel|成表格))?\s*(?:吧|啦|呀|喇)?[。.!！]*$",
    re.I,
)
# Words that make the ones a question of their own: people, all, or a pointer already said.
_OWN_QUESTION = lazy_pattern(
    r"客户|客戶|客人|顾客|顧客|用户|用戶|会员|會員|customers?|clients?|people|人$|"
    r"所有|全部|全体|全體|全公司|整个|整個|这些|這些|其中|那些|佢哋|他们|他們|她们|她們",
    re.I,
)


def as_ones_of_these(session: Session, ctx: CommandContext, userid: str, text: str) -> str:
    """`text` said as of the answer just given ("其中上海的导出来") when it exports some of
    them by their kind alone; `text` as it is otherwise."""
    found = _ONES_EXPORTED.match(text.strip())
    if found is None or _OWN_QUESTION.search(found["ones"]):
        return text
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None or not previous.has_segment or previous.kind != conv.LIST:
        return text
    return "其中" + text.strip()
