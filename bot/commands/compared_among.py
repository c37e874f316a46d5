""" "Who spent more" right after an answer ("哪一位花得比較多", "谁消费比较高", "who spent more?"):
a comparison among the customers just talked about — asked as their top spender ("其中消费最多的
那个", "who spent the most among them"). With no answer to compare within, it is left as said.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from segmentation.nlq.which_spent import among_them


def compared_among(session: Session, ctx: CommandContext, userid: str, text: str) -> str:
    """`text` asked among the previous answer's customers when it compares without saying
    among whom; `text` as it is otherwise."""
    asked = among_them(text)
    if asked is None:
        return text
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None or not previous.with_list().has_segment:
        return text
    return asked
