"""A salesperson introducing themselves before they ask (issue 19): "我是刚入职的赵六，…",
"我是新调来的部门经理李四，…", "我係新嚟嘅趙六，…" (HK), "剛到職的小陳，…" (Taiwan), "hi, I'm Zhao
Liu, just joined sales - …", "new rep here, …", "我是新来的 team lead 王五, …".

The introduction is read as one wrapper phrase (K.FILLER "wrapper"): it says who they are, never
which customers are meant, and it grants nothing (spec/security.md: the scope comes from the
directory, whatever the message says of its sender). Above all its 新来 / 新嚟 / new is the
asker's, never "new customers", and the name in it never "that colleague's customers".

Only an introduction that opens the message or a clause and ends at a clause mark: 新来的客户,
"我新加的客户" and "new customers" are never one.
"""

from __future__ import annotations

from segmentation.nlq.claimed_roles import ROLES_EN, ROLES_ZH
from segmentation.nlq.greetings import EN_GREETING, ZH_GREETINGS_LONG
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

# Newly here, said any way (normalised: simplified, 嚟 kept): 刚入职 / 新来的 / 新调来的 /
# 刚调过来 / 才到岗 / 新嚟嘅 / 啱啱入职 (HK) / 刚加入团队.
_NEW_ZH = (
    r"(?:刚刚|刚|新|才|啱啱|啱)"
    r"(?:入职|到职|到岗|报到|上任|接手|接任|调来|调过来|调到这边|调到|转过来|过来|来|嚟|加入|入行)"
    r"(?:了|咗)?(?:团队|销售部|这边|呢度|这里)?(?:不久|没多久|几天|冇几耐)?(?:的|嘅)?"
)
# What they are: a role (claimed_roles), or a newcomer's word (新人, 新同事, 小白).
_WHAT_ZH = (
    rf"(?:一个|一名|一位|个)?(?:(?:{ROLES_ZH})|销售代表|同事|员工|新人|新同事|小白|实习生|"
    rf"{ROLES_EN}|rep|sales)"
)
# Their name: two to four Chinese characters, or a Latin name (Zhao Liu, Amy) — never a word
# of a request (客户, 的, a question word) nor other people (员工, 同事: 刚入职的员工 are others).
_NAME_ZH = (
    r"(?:(?![^,，]*(?:客|的|嘅|们|哋|哪|谁|边|什么|咩|有|吗|员工|同事|销售|业务|大家|他|她|佢|公司))"
    r"[\u4e00-\u9fff]{2,4}|[a-z]{2,12})"
)
# The clause mark that ends the introduction (the request follows it).
_END = r"\s*(?:[,，.。;；!！:：~～]|\s-|—)+\s*"
_INTRO_ZH = lazy_pattern(
    # 我是刚入职的赵六, 我系新来嘅赵六, 我是新调来的部门经理李四, 本人新来的销售小王
    rf"(?:我|本人)(?:是|系|叫|乃)?(?:{_NEW_ZH})"
    rf"(?:{_WHAT_ZH})?\s*(?:{_NAME_ZH})?{_END}|"
    # 我是赵六, 我叫李四, 我是部门经理李四 (a name said: who they are, and nothing else)
    rf"(?:我|本人)(?:是|系|叫)(?:{_WHAT_ZH})?\s*(?:{_NAME_ZH}){_END}|"
    # 刚入职, … / 刚到职的小陈, … / 新人一枚, … (no 我: the clause is the introduction; 新来的, …
    # or 刚入职的员工, … could be other people — new customers, new colleagues — so not read)
    rf"(?=刚|才|啱)(?:{_NEW_ZH})\s*(?:{_NAME_ZH})?{_END}|新人(?:一枚|一个)?{_END}"
)
# English (normalised: lower case): "i'm zhao liu, just joined sales - ", "new rep here, ",
# "i just started, ", "i'm the new team lead, ".
_JOINED_EN = (
    r"(?:(?:and\s+)?(?:i\s+|i'?ve\s+|i\s+have\s+)?(?:just|recently)\s+(?:joined|started|moved)"
    r"(?:\s+(?:sales|the\s+team|the\s+company|your\s+team|here|today|this\s+week|"
    r"as\s+(?:a\s+|the\s+)?[a-z]+(?:\s+[a-z]+)?))?|(?:i'?m\s+)?new\s+here)"
)
_NEWCOMER_EN = (
    rf"(?:the\s+|a\s+)?new\s+(?:{ROLES_EN}|rep|sales\s+rep|salesperson|hire|joiner|starter|"
    r"member|guy|girl|colleague)(?:\s+here)?"
)
_INTRO_EN = lazy_pattern(
    # i'm zhao liu, (just joined sales -) / my name is amy. / i'm the new rep,
    rf"(?:i'?m|i\s+am|my\s+name\s+is|name'?s)"
    rf"(?:\s+(?:{_NEWCOMER_EN}|[a-z]+(?:\s+[a-z]+)?)|\s*[\u4e00-\u9fff]{{2,4}})"
    rf"(?:\s+here)?{_END}(?:{_JOINED_EN}{_END})?|"
    # new rep here, / just joined the team, / i'm new here.
    rf"(?:i'?m\s+|i\s+am\s+)?{_NEWCOMER_EN}{_END}|{_JOINED_EN}{_END}"
)
# Where an introduction may start: the message's start, or after a clause's punctuation.
_OPENS = lazy_pattern(r"(?:^|[\s,，.。;；:：!！?？])$")
_FIRST = frozenset("你您大我本刚新才啱最imnj")


def scan_self_intro(text: str, pos: int) -> int | None:
    """Where a self-introduction starting at `pos` of normalised `text` ends; None if none."""
    if text[pos] not in _FIRST or not _OPENS.search(text[max(0, pos - 1) : pos]):
        return None
    found = _INTRO_ZH.match(text, pos) or _INTRO_EN.match(text, pos)
    if found is None or found.end() >= len(text.rstrip()):
        return None  # an introduction and nothing after it asks nothing: left to be asked
    return found.end()


# A greeting before the introduction that opens a message ("你好，我是…", "hi 我是…", "hi, i'm …").
_OPENING = lazy_pattern(rf"\s*(?:(?:{ZH_GREETINGS_LONG}|{EN_GREETING}(?![a-z]))[\s,，.。!！~～]*)?")


def without_self_intro(text: str) -> str:
    """`text` without the self-introduction that opens it ("你好，我是刚入职的赵六，先看看…":
    "先看看…"), so that every reader after it — cards, tag changes, membership changes ("just
    joined sales" is no one joining a segment) — sees the request alone. `text` itself when
    none opens it, or when nothing would be left."""
    norm = normalize(text)
    opening = _OPENING.match(norm)
    end = opening.end() if opening else 0
    while found := (_INTRO_ZH.match(norm, end) or _INTRO_EN.match(norm, end)):
        end = found.end()  # "I'm 小陈, 刚入职, …": said in two clauses
    if end == (opening.end() if opening else 0) or end >= len(norm.rstrip()):
        return text
    return text[_typed_end(text, norm[:end].rstrip()) :].lstrip()


def _typed_end(text: str, said: str) -> int:
    """Where, in `text` as typed, its normalised beginning `said` ends (normalising changes
    width, script, case and spaces, so positions are found by normalising prefixes)."""
    for end in range(1, len(text) + 1):
        if len(normalize(text[:end]).rstrip()) >= len(said):
            return end
    return len(text)
