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
from segmentation.named import RfmRule
from segmentation.nlq import load_vocabulary
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.restate import describe
from segmentation.nodes import NamedSegment, Node, from_json, walk
from segmentation.scope import Requester
from segmentation.text import normalize

_THIS_ZH = r"(?:这个|这|那个|那|该|呢个|呢|嗰个|嗰|上面的?|刚才的?|头先的?)?"
_WHAT_ZH = (
    r"(?:分群|名单|名單|条件|结果|列表|清单|这些人|这批人|呢啲人|佢哋|他们|她们|这批|这些|"
    r"个数|数字|人数|数|个数字)?"
)
_MEANS_ZH = (
    r"(?:是|系|係)?(?:什么|甚么|啥|咩|乜|乜嘢)意思|(?:代表|指)(?:的是)?(?:什么|啥|咩|乜嘢)|"
    r"(?:是|系)?(?:怎么|点样|点|如何)(?:算|计|定义|筛|选|得|来)(?:出来|出嚟)?(?:的|嘅|㗎)?|"
    # "这个数是按什么规则算出来的", "按咩标准计㗎": by what rule it was counted
    r"(?:是|系)?(?:按|根据|依|照|跟)(?:什么|啥|咩|乜嘢|乜)(?:规则|标准|条件|口径|逻辑)?"
    r"(?:算|计|统计|筛|选|得)(?:出来|出嚟)?(?:的|嘅|㗎)?|"
    r"(?:的|嘅)?(?:定义|口径|条件)(?:是)?(?:什么|啥|咩|乜嘢)"
)
_ASK_ZH = lazy_pattern(
    rf"^{_THIS_ZH}{_WHAT_ZH}\s*(?:{_MEANS_ZH})(?:呢|啊|呀|吖|㗎|嘅)?[?？。!！]*$"
)
_ASK_EN = lazy_pattern(
    r"^(?:and |so |ok |sorry,? )?(?:what does (?:this|that|it|this segment|that segment|this list)"
    r" mean|what do you mean(?: by (?:this|that))?|how (?:is|was) (?:this|that|it|this segment|"
    r"that segment|this list) (?:defined|calculated|worked out|counted)|what(?:'s| is) the "
    r"definition(?: of (?:this|that|it))?|what are the conditions|explain (?:this|that) segment|"
    r"how did you (?:get|count|work out|calculate) (?:this|that|it|this number|that number)|"
    r"what rules? (?:is|are|was|were|did you use)(?: (?:this|that|it))?(?: based on)?)"
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
    node = from_json(previous.segment)
    named = _named_definitions(node, lang, ctx, session)
    message = say("meaning", lang, description=description, count=count)
    return MessageAnswer("meaning", f"{message}\n{named}" if named else message)


def _named_definitions(node: Node, lang: str, ctx: CommandContext, session: Session) -> str:
    """What each built-in segment of `node` is made of ("流失风险客户：下单至少2次 且 近90天
    未下单"), one line each: its name alone says nothing of its rule."""
    vocab = load_vocabulary(session, ctx.engine.named)
    lines = []
    for key in dict.fromkeys(n.key for n in walk(node) if isinstance(n, NamedSegment)):
        entry = ctx.engine.named.get(key)
        if entry is None or isinstance(entry.definition, RfmRule):
            continue  # an RFM class is named by its scores, shown on the customers' rows
        rule = describe(entry.definition, lang, ctx.now, ctx.settings.timezone, vocab)
        if lang == "zh":
            lines.append(f"{entry.display_zh}：{rule.removesuffix('的客户')}")
        else:
            lines.append(f"{entry.display_en}: {rule}")
    return "\n".join(lines)
