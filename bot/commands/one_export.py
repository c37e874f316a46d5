"""The words for exporting one customer (issue 19): the customer of the card just shown, by a
pronoun ("导出她", "把他的记录导成表格发我", "將佢嘅紀錄export做Excel俾我", "put his record in
an Excel file for me", "给我一份她的excel"), or one named with her file ("导出Lily的资料",
"把Lily的记录导成表格发我", "export Lily's details").

Words only, on normalised text (Simplified, lower case, 俾 as 给): the chat decides who "she"
is, and a name is one customer only when exactly one the asker may see is called so. A verb
that only makes something (导成 / 做成 / 转做 / put … in) is read so only with the file it
makes; a name only with her things after it (资料 / 记录 / details), so "导出VIP" stays the
export of a segment.
"""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.one_customer import THAT_CUSTOMER_ZH

# Her, by a pronoun or "this customer" (never 他们 / them).
_THAT_ONE = (
    THAT_CUSTOMER_ZH + r"|him|her|his|(?:this|that|the) (?:customer|client|one|person)(?:'s)?"
)
# Her, by name: a Latin name ("lily", "mary-jane") or a few Chinese characters, with the
# customer word before it or not ("客户王静").
_NAMED = (
    r"(?:客户|顾客|客人|customer |client )?"
    r"(?P<n>[a-z][a-z0-9.\-]{0,30}|[\u4e00-\u9fff]{1,8}?)"
)
_HIS_THINGS = (
    r"(?:(?:这|呢|那|嗰)?(?:笔|份|个|條|条|些)?\s*|啲)"
    r"(?:资料|信息|档案|卡片?|记录|纪录|数据|明细|详情|card|details|profile|info|data|records?)"
)
# The file: Excel, a spreadsheet (Taiwan 试算表), a table, a file (Taiwan 档).
_FILE = (
    r"(?:an? |一份|一个|份|个|张)?\s*(?:excel|spreadsheet|xlsx|csv|试算表|表格|表|文件)"
    r"(?:\s*(?:file|sheet|表格?|文件|档案?))?"
)
_TO_FILE = r"(?:\s*(?:to|as|into|in|成|为|做|到)\s*" + _FILE + r")?"
# a verb that makes a file, said only with the file it makes: 导成表格, 做成excel, 整做excel,
# 出份excel (Cantonese), 生成一个表格
_MADE_INTO = (
    r"(?:(?:导出|汇出|export|导|汇|转|做|整|弄|生成|存)\s*(?:成|为|做|落|到|入)|出|整|做|生成|弄)\s*"
    + _FILE
)
_EXPORT_VERB = (
    r"(?:(?:导出|汇出|下载|export|download)(?:来|出来|出嚟|一下|下)?"
    + _TO_FILE
    + "|"
    + _MADE_INTO
    + ")"
)
# then who it goes to: 发我, 发给我, 传给我, 给我 (俾我), send me, for me
_TO_ME = r"(?:\s*(?:(?:发|传|寄|send)\s*(?:给|to)?\s*|给)(?:我|me)(?:一下|吧)?|\s*for me)?"
_ASKING = r"(?:请|帮我|帮忙|麻烦你?|唔该|可以|please |pls |can you |could you )*"
_EN_FILE = r"(?:an? |the )?(?:excel|spreadsheet|xlsx|csv|sheet)(?:\s*(?:file|sheet|spreadsheet))?"
_EN_END = r"(?:\s*(?:for me|to me|please|pls|thanks))*[.!]*$"
_EN_THINGS = r"(?:card|details|profile|info|data|records?)"


def _ways(who: str, optional: bool, whose: str) -> list[str]:
    """The ways to ask for `who`'s export, her things said after `whose` (的 / 嘅 / 's);
    `optional`: her things may go unsaid ("导出她", "export him")."""
    things = _HIS_THINGS + ("?" if optional else "")
    en_things = _EN_THINGS + ("?" if optional else "")
    whose_en = r"(?:'s)?" if optional else r"'s"
    return [
        # 把她的资料导出来, 把他的记录导成表格发我, 将佢嘅纪录export做excel给我
        # — for whom said before the verb too: 他的资料给我出一份excel, 佢嘅纪录同我导出嚟
        r"^" + _ASKING + r"(?:把|将)?\s*(?:" + who + r")\s*" + whose + r"\s*" + things
        + r"\s*(?:都)?\s*(?:(?:给|帮|同|替|发)我\s*)?" + _EXPORT_VERB + _TO_ME
        + r"(?:吧|啊|呀|啦|喇)?[。.!！]*$",
        # 导出她的资料, export 她的资料, 下载一下他的档案
        r"^" + _ASKING + _EXPORT_VERB + r"(?:一下)?\s*(?:" + who + r")\s*" + whose + r"\s*"
        + things + _TO_FILE + _TO_ME + r"(?:吧|啊)?[。.!！]*$",
        # 给我一份她的excel, 发我一份他的资料表格
        r"^" + _ASKING + r"(?:给|发给?|传给?)我\s*(?:一份|一个|份|个)?\s*(?:" + who + r")\s*"
        + whose + r"\s*" + things + r"\s*(?:的|嘅)?\s*" + _FILE + r"(?:吧|啊)?[。.!！]*$",
        # put his record in an excel file for me, can i get her details in excel, send me her
        # details as a spreadsheet, her record as an excel please
        r"^(?:ok |so |and |now )?" + _ASKING
        + r"(?:(?:can|could|may) i (?:get|have) |i (?:need|want|'d like) |"
        + r"(?:export|download|put|save|dump|send me|give me|get me|get|send)\s+)?(?:"
        + who + r")\s*" + whose_en + r"\s*(?:the\s+)?" + en_things
        + r"\s*(?:to|as|into|in|on)\s*" + _EN_FILE + _EN_END,
        # export her, export lily's details, download his profile
        r"^(?:ok |so |and |now )?" + _ASKING + r"(?:export|download)\s+(?:" + who + r")\s*"
        + whose_en + r"\s*" + en_things + _EN_END,
    ]  # fmt: skip


_EXPORT_THAT = lazy_pattern("|".join(_ways(_THAT_ONE, True, r"(?:的|嘅)?")))
# A name needs her things said after it ("导出Lily的资料", "export lily's details").
_EXPORT_NAMED = tuple(lazy_pattern(way) for way in _ways(_NAMED, False, r"(?:的|嘅|啲)"))


def exports_that_one(said: str) -> bool:
    """Whether normalised `said` exports the customer a pronoun points at ("导出她")."""
    return _EXPORT_THAT.match(said.strip()) is not None


def exported_name(said: str) -> str | None:
    """The name of the one customer normalised `said` exports with her file ("导出Lily的
    资料" → "lily"); None when it names none so."""
    if exports_that_one(said):
        return None
    found = next((m for way in _EXPORT_NAMED if (m := way.match(said.strip()))), None)
    return found.group("n") if found is not None else None
