"""The question asked back, asked again without the part it was asked about, when the reply
drops that part ("删掉的不用管，就看现在还在的" after "近30天问过价的客户，连已经删除的也算上";
"年龄那个先不管了" after "我的客户里30岁以下的女生有几个"; "ok forget the deleted ones").

The part is the phrase the question back quoted, widened to what says it with it (30 + 岁 +
以下, 手機 + 139 + 開頭), or else the whole clause it sits in ("连已经删除的也算上", ", deleted
ones included"). The question without it is taken only when it reads on its own; a reply that
names another part than the one asked about is no drop (it is read as a message of its own).
"""

from __future__ import annotations

import re

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.parse_alone import parse_alone
from segmentation.nlq import Command
from segmentation.nlq.drop_asked import dropped_part, same_part
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

# What says the part with the word asked about: a number before it (30岁, 139开头 after 手机),
# and after it a number, a unit, a bound (30岁以下, 手机号139开头, 号码尾数88).
_BEFORE = lazy_pattern(r"(?:\d+\s*|[一二三四五六七八九十]+)$")
_AFTER = lazy_pattern(
    r"^(?:号码|號碼|号|號|码|碼|尾号|尾號|尾数|尾數|段|\s)*\d*\s*"
    r"(?:开头|開頭|打头|打頭|结尾|結尾|以下|以上|之下|之上|或以下|或以上|左右|上下|以内|以內|"
    r"到\d+(?:岁|歲)?|至\d+(?:岁|歲)?|[-~]\d+(?:岁|歲)?)?(?:的|嘅|之间|之間)?"
)
_SEPARATORS = "，,、；;。 "
_CLAUSE_SEP = re.compile(r"[，,；;]")


def without_asked(
    session: Session, ctx: CommandContext, userid: str, pending: conv.PendingQuestion, text: str
) -> str | None:
    """The question of `pending` without the part it asked about, when `text` drops that part
    and the question reads without it; else None."""
    if pending.kind != conv.SEGMENT or not pending.word or pending.suggestions:
        return None
    named = dropped_part(text)
    if named is None:
        return None
    original, word = pending.original, pending.word
    if word not in original:  # asked about in the other script
        original, word = normalize(original), normalize(word)
    at = original.find(word)
    if at < 0:
        return None
    for start, end in _spans(original, at, at + len(word)):
        if not same_part(named, original[start:end]):
            continue
        asked = _cut(original, start, end)
        if asked and isinstance(parse_alone(session, ctx, userid, asked), Command):
            return asked
    return None


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where the part asked about may be: the word with what says it with it, then its clause."""
    before = _BEFORE.search(text[:start])
    wide_start = before.start() if before is not None else start
    after = _AFTER.match(text[end:])
    wide_end = end + (after.end() if after is not None else 0)
    clause_start = max((m.end() for m in _CLAUSE_SEP.finditer(text[:start])), default=0)
    following = _CLAUSE_SEP.search(text, end)
    clause_end = following.start() if following is not None else len(text)
    spans = [(wide_start, wide_end)]
    if (clause_start, clause_end) != (0, len(text)):
        spans.append((clause_start, clause_end))
    return spans


def _cut(text: str, start: int, end: int) -> str:
    """`text` without [start, end), with no separator left doubled or hanging."""
    before, after = text[:start].rstrip(), text[end:].lstrip()
    if not before.strip(_SEPARATORS):
        return after.lstrip(_SEPARATORS + "的嘅").strip()
    if not after.strip(_SEPARATORS + "?？.。!！"):  # the part was the end: its comma goes too
        return (before.rstrip(_SEPARATORS) + after.strip(_SEPARATORS)).strip()
    if before[-1] in _SEPARATORS and after[0] in _SEPARATORS:
        after = after[1:].lstrip()
    elif after[0] == "、":
        after = after[1:]
    elif before[-1] == "、":
        before = before[:-1]
    if before[-1:].isascii() and after[:1].isascii():
        return f"{before} {after}".strip()
    return before + after
