"""The department word said alone (部门 / 部門 / 团队 / 團隊 / 小组): the asker's own department,
as 我们部门 is. A leader types "部门近90天消费前三的客户" or "這個月部門有幾個客人下單" and means
the department they are in; a salesperson's own department reads the same way (and the
answer stays within what they may see). Someone in no department is asked to name one.

Only where the word stands for whose customers: after a word that asks which or each one
(哪个部门, 每个部门, 按部门) it is a department still to be named or a breakdown, and stays
as the grammar reads it there. "我自己部门" / "我部门" say the same with the asker first.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from segmentation.nlq.token_kinds import K

if TYPE_CHECKING:
    from segmentation.nlq.tokens import Token

# Normalised text: the Traditional forms (部門, 團隊) arrive as 部门, 团队; "team" said in a
# Chinese sentence ("team里没有任何tag的客户") is the same word.
_TEAM_ALONE = frozenset({"部门", "团队", "小组", "本组", "team"})
# Words before it that make it a question of which department, or a breakdown by department.
_WHICH_OR_EACH = frozenset(
    {"哪个", "哪些", "哪", "边个", "边", "每个", "每", "各", "个", "各个", "按", "分", "by",
     "which", "each", "per", "every", "其他", "别的", "另一个", "另外"}
)  # fmt: skip


def own_team_alone(tokens: list[Token]) -> list[Token]:
    """`tokens` with a department word said alone read as the asker's own department."""
    if not any(t.kind == K.UNKNOWN and t.text in _TEAM_ALONE for t in tokens):
        return tokens
    out: list[Token] = []
    for tok in tokens:
        if not (tok.kind == K.UNKNOWN and tok.text in _TEAM_ALONE):
            out.append(tok)
            continue
        prev = out[-1] if out else None
        if prev is not None and prev.kind == K.MY and prev.end == tok.start:
            out[-1] = _mine(prev, tok)  # 我自己部门 / 我部门: the asker's department
        elif prev is None or prev.text.lower() not in _WHICH_OR_EACH:
            out.append(_mine(tok, tok))
        else:
            out.append(tok)
    return out


def _mine(first: Token, last: Token) -> Token:
    text = first.text + last.text if first is not last else first.text
    return replace(first, kind=K.MYDEPT, value=True, end=last.end, text=text, meanings=())
