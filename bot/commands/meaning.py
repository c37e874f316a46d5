"""What the answer just shown means (issue 19): "这个分群是什么意思", "这是什么意思", "呢個名單
點計㗎", "这些人是怎么算的", "what does this mean", "how is that defined" — its conditions
restated, as every answer restates them, with how many it holds. Nothing is counted again and
no condition is added; only right after an answer about customers (else: which answer?)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.texts import say
from bot.services.answer import Answer, ClarifyAnswer, MessageAnswer
from segmentation.nlq import load_vocabulary
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.restate import describe
from segmentation.nodes import from_json
from segmentation.scope import Requester
from segmentation.text import normalize

_THIS_ZH = r"(?:这个|这|那个|那|该|呢个|呢|嗰个|嗰|上面的?|刚才的?|头先的?)?"
_WHAT_ZH = r"(?:分群|名单|名單|条件|结果|列表|清单|这些人|这批人|呢啲人|佢哋|他们|她们|这批|这些)?"
_MEANS_ZH = (
    r"(?:是|系|係)?(?:什么|甚么|啥|咩|乜|乜嘢)意思|(?:代表|指)(?:的是)?(?:什么|啥|咩|乜嘢)|"
    r"(?:是|系)?(?:怎么|点样|点|如何)(?:算|计|定义|筛|选)(?:出来)?(?:的|嘅|㗎)?|"
    r"(?:的|嘅)?(?:定义|口径|条件)(?:是)?(?:什么|啥|咩|乜嘢)"
)
_ASK_ZH = lazy_pattern(
    rf"^{_THIS_ZH}{_WHAT_ZH}\s*(?:{_MEANS_ZH})(?:呢|啊|呀|吖|㗎|嘅)?[?？。!！]*$"
)
_ASK_EN = lazy_pattern(
    r"^(?:and |so |ok |sorry,? )?(?:what does (?:this|that|it|this segment|that segment|this list)"
    r" mean|what do you mean(?: by (?:this|that))?|how (?:is|was) (?:this|that|it|this segment|"
    r"that segment|this list) (?:defined|calculated|worked out|counted)|what(?:'s| is) the "
    r"definition(?: of (?:this|that|it))?|what are the conditions|explain (?:this|that) segment)"
    r"[?.!]*$"
)


def meaning_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The previous answer's conditions restated, or None when `text` does not ask that."""
    said = normalize(text).strip()
    if not (_ASK_ZH.match(said) or _ASK_EN.match(said)):
        return None
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is not None:
        previous = previous.with_list()
    if previous is None or not previous.has_segment:
        return ClarifyAnswer(say("meaning_which", lang))
    count = previous.count if previous.count is not None else "?"
    description = previous.description
    if previous.language != lang:  # "what does this mean" after a Chinese answer: in English
        vocab = load_vocabulary(session, ctx.engine.named)
        node = from_json(previous.segment)
        description = describe(node, lang, ctx.now, ctx.settings.timezone, vocab)
    return MessageAnswer("meaning", say("meaning", lang, description=description, count=count))
