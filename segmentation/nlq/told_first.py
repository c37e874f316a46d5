"""What happened with one customer, told before the act on her (issue 19): "刚给她回了电话，把她
的VIP标签去掉", "她已经下过单了，把高意向去掉", "他說年底前會再下單，幫他加上高意向", "頭先打咗俾
Alice，幫佢加待跟進", "Ivan刚回电话说下周来店，给他打上待跟进", "Alice還沒買過，拿掉她", "just got
off the phone with Alice, tag her 待跟进", "she already ordered, take 高意向 off".

The telling says why the member acts, never whom beyond her: the act after it is answered on its
own, with the customer the telling names put where the act only points at her (她 / 佢 / her),
or said where the act names nobody ("把高意向去掉" → "把她的高意向去掉"). Text only: the chat
checks that a name told is one customer the asker sees (bot/commands/told_first.py).

Never a condition dropped: the telling must name exactly one customer (a pronoun for one, or a
name), hold no people word, no plural, no question and no "if"; and the act after it must open
with an act's own word (把 / 给 / 帮 / 加 / 去掉 / 拿掉 / tag / remove …). Anything else is read
as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import simplified

# The first clause mark: the telling before it, the act after it.
_MARK = lazy_pattern(r"[，,;；。]|\s[-–—]\s")
# One customer by a pronoun (never 他们 / 佢哋), Chinese and English.
_ONE_ZH = r"(?:他|她|佢|(?<![a-z])ta(?![a-z]))(?![们們哋地])"
_ONE = lazy_pattern(rf"{_ONE_ZH}|(?<![a-z])(?:she|he|her|him)(?![a-z'])", re.I)
# Several, or people at large: the telling is then about a group (a condition), never hers.
_MANY = lazy_pattern(
    r"他们|她们|佢们|佢哋|佢地|大家|客户|客人|顾客|客(?!服)|人们|这些|那些|呢啲|那啲|"
    r"(?<![a-z])(?:they|them|their|these|those|people|customers?|clients?|everyone|everybody)"
    r"(?![a-z])",
    re.I,
)
# A question or a condition said first: never a telling to drop.
_ASKED = lazy_pattern(
    r"吗|什么|甚么|啥|哪|谁|几个|几位|几多|多少|咩|乜|边个|边度|边啲|有冇|有没有|[?？]|"
    r"如果|要是|假如|假设|若是|的话|嘅话|只要|"
    r"(?<![a-z])(?:what|which|who|whom|whose|how|why|if|unless|whether|any)(?![a-z])",
    re.I,
)
# Said before the act's own word: so, then, please.
_ACT_OPENER = (
    r"(?:所以|那就|那|就|先|麻烦|麻烦你|请|唔该|劳烦|so|then|please|pls|can you|could you|"
    r"now|just|ok|okay)?[\s,，]*(?:帮我|同我|帮忙|给我)?\s*"
)
# The act's own first word (normalised: simplified, lower case; HK 俾/畀 arrive as 给 only after
# normalising, so both): one that acts on customers — tagging, untagging, taking off a card,
# sending.
_ACT_LEAD = lazy_pattern(
    r"^" + _ACT_OPENER + r"(?:把|将|给|俾|畀|帮|替|同|为|"
    r"拿掉|拿走|去掉|去除|删掉|删除|移除|除掉|除咗|除了|除|剔除|剔走|踢走|攞走|撤掉|撤|铲走|铲|剥|撕掉|"
    r"加上|加|打上|打|贴上|贴|标上|标|挂上|挂|发|送|推|派|不要|唔要|唔使|不用|"
    r"(?:tag|untag|remove|take|drop|add|send|give|mark|label|flag|put|strip|delete|clear|"
    r"exclude|skip)(?![a-z]))",
    re.I,
)
# A name said in the telling: a Latin one ("Alice", "Mary-Jane"), checked by the chat against
# the asker's customers; Chinese, 2–4 characters first of all (after when it happened) or after
# 给 / 跟 / 同 / 和 / 打给 (whom it happened with).
_LATIN_NAME = lazy_pattern(r"(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9'.\-]{0,30}(?![A-Za-z0-9])")
_WHEN_FIRST = (
    r"^(?:刚刚|刚才|刚|头先|啱啱|啱先|今天|今日|今早|早上|上午|下午|琴日|昨天|昨日|尋日|寻日|"
    r"刚刚才|方才)?"
)
_ZH_NAME_AT = (
    lazy_pattern(
        _WHEN_FIRST + r"(?P<n>[\u4e00-\u9fff]{2,4}?)(?=刚|头先|啱啱|已经|已|还|仲|说|讲|话|回|"
        r"打|今天|昨天|琴日|也|又|都|就|才|下|落|买|没|冇|未|来|嚟|到|问|在|喺|表示|答应|约)"
    ),
    lazy_pattern(
        r"(?:打给|打了给|打咗给|打电话给|回电话给|给|跟|同|和|与|call咗|call了)"
        r"(?P<n>[\u4e00-\u9fff]{2,4}?)(?=回|打|聊|讲|说|倾|通|见|[，,]|$)"
    ),
)
# English words a capitalised word in the telling may be that are no one's name.
_EN_WORDS_SAID = (
    "i just got off the phone with called call back she he her him already ordered order "
    "has have hasn't haven't had not yet bought buy said says told me we spoke talked to "
    "ok okay so then and but also still today yesterday this morning afternoon came in "
    "visited is was will would be going next week month year end before after again vip "
)
_EN_WORDS = frozenset(_EN_WORDS_SAID.split())


@dataclass(frozen=True)
class Told:
    """A telling before an act: the act as typed, the pronoun the telling says her by (as
    typed, or ""), the names it may name her by (as typed, longest first), and the span of
    the one pronoun of the act that points at her (None: the act names nobody by a pronoun)."""

    act: str
    pronoun: str
    names: tuple[str, ...]
    act_pronoun: tuple[int, int] | None


def read_told(text: str) -> Told | None:
    """The telling before an act in `text`, or None (the message is read as typed)."""
    mark = _MARK.search(text)
    if mark is None:
        return None
    told, act = text[: mark.start()].strip(), text[mark.end() :].strip()
    plain_told, plain_act = simplified(told).lower(), simplified(act).lower()
    if not told or not act or _MARK.search(act[:1]):
        return None
    if _MANY.search(plain_told) or _ASKED.search(plain_told) or _ASKED.search(plain_act):
        return None
    if re.search(r"[:：“”\"「」]", told):
        return None  # a message's words ("给她发消息：你好，…"): never a telling
    if _MANY.search(plain_act) or not _ACT_LEAD.match(plain_act):
        return None
    pronouns = [m.group(0) for m in _ONE.finditer(told)]
    names = _names(told)
    if not pronouns and not names:
        return None
    act_pronouns = list(_ONE.finditer(act))
    if len(act_pronouns) > 1 and len({m.group(0).lower() for m in act_pronouns}) > 1:
        return None  # "给她和他…": two of them
    span = act_pronouns[0].span() if act_pronouns else None
    return Told(act, pronouns[0] if pronouns else "", names, span)


def _names(told: str) -> tuple[str, ...]:
    """The words of `told` that may be a customer's name, longest first."""
    found = [
        m.group(0)
        for m in _LATIN_NAME.finditer(told)
        if m.group(0).lower() not in _EN_WORDS and not m.group(0).lower().startswith(("ta",))
    ]
    plain = simplified(told)
    for pattern in _ZH_NAME_AT:
        for m in pattern.finditer(plain):
            n = m.group("n")
            found.extend(told[m.start("n") : m.start("n") + k] for k in range(len(n), 1, -1))
    unique = list(dict.fromkeys(found))
    return tuple(sorted(unique, key=len, reverse=True))


def object_pronoun(pronoun: str, english: bool) -> str:
    """The pronoun said as the act's object ("she" → "her"), in the act's language."""
    low = pronoun.lower()
    if english:
        return "him" if low in ("he", "him", "他") else "her"
    return {"she": "她", "her": "她", "he": "他", "him": "他"}.get(low, pronoun)


def with_her(act: str, who: str, acts_on: Callable[[str], bool]) -> str | None:
    """`act`, which names nobody, said of `who` (a pronoun or a name): "把高意向去掉" → "把她的
    高意向去掉", "加高意向" → "给她加高意向", "remove 高意向" → "remove 高意向 from her"; the first
    wording `acts_on` reads as an act on `who` alone, or None."""
    plain = act.strip()
    for said in _wordings(plain, who):
        if acts_on(said):
            return said
    return None


_OFF_FIRST = (
    r"拿掉|拿走|去掉|去除|删掉|删除|刪掉|刪除|移除|除掉|除咗|除|剔除|剔走|踢走|攞走|撤掉|撤销|撤銷|撤|"
    r"铲走|剷走|剷咗|铲|剷|剥走|剝走|撕掉"
)
_TAG_FIRST = (
    r"加上|加埋|加个|加個|加|打上|打个|打個|打|贴上|貼上|贴|貼|标上|標上|标|標|挂上|掛上|挂|掛"
)
_LEAD = lazy_pattern(r"^(?P<lead>(?:帮我|幫我|同我|麻烦|麻煩|请|請|唔该|唔該)?\s*)")


def _wordings(act: str, who: str) -> list[str]:
    """The ways to say `act` of `who`, to be tried in turn."""
    lead = _LEAD.match(act)
    start = lead.end() if lead else 0
    head, rest = act[:start], act[start:]
    english = who.isascii() and not re.search(r"[\u4e00-\u9fff]", rest[:1])
    said: list[str] = []
    found = re.match(r"(把|將|将)\s*(.+)$", rest)
    if found:  # 把高意向去掉 → 把她的高意向去掉
        said.append(f"{head}{found.group(1)}{who}的{found.group(2)}")
    found = re.match(rf"({_OFF_FIRST})\s*(.+)$", rest)
    if found:  # 去掉高意向 → 去掉她的高意向; 除咗高意向 → 除咗佢嘅高意向
        said.append(f"{head}{found.group(1)}{who}的{found.group(2)}")
        said.append(f"{head}帮{who}{found.group(1)}{found.group(2)}")
    found = re.match(rf"(?:帮|幫|给|給|俾|畀|替|同)?\s*(?:{_TAG_FIRST})", rest)
    if found and not re.match(r"(?:帮|幫|给|給|俾|畀|替|同)", rest):  # 加高意向 → 给她加高意向
        said.append(f"{head}给{who}{rest}")
    if english or re.match(r"[A-Za-z]", rest):
        her = who if not who.isascii() or who[:1].isupper() else object_pronoun(who, True)
        # remove 高意向 → remove 高意向 from her; take 高意向 off → take 高意向 off her
        said.append(f"{act.rstrip(' .!')} from {her}")
        said.append(f"{act.rstrip(' .!')} {her}")
        found = re.match(r"(?i)(tag|label|mark|flag)\s+(.+)$", rest)
        if found:  # tag 高意向 → tag her as 高意向
            said.append(f"{head}{found.group(1)} {her} as {found.group(2)}")
    return said
