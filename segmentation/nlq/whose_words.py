""" "Whose are they": who owns the customers of the answer just given ("都是谁的", "他们是谁跟的",
"佢哋邊個跟緊", "邊個跟緊佢哋", "跟进人都是谁", "归谁管", "whose are they", "who owns them",
"who follows them up", "who are they assigned to"). The whole message asks it, so it is read
as the answer's owners, as a table; said with a condition ("上海的是谁跟的") it is left to the
grammar. Patterns run on normalised text (Simplified, lower case: 邊個 → 边个, 佢哋 → 佢们)."""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern

# The answer pointed at: 这些 / 他们 / 佢哋 / 呢啲 (+ 人/客户), 的/嘅 possibly after it.
_THEM = (
    r"(?:这些|那些|这几个|那几个|这几位|这批|他们|她们|佢们|呢啲|那啲|上面这些|刚才那些|刚才这些)"
    r"(?:人|客户|客人|客|顾客)?"
)
_THEM_ZH = rf"(?:{_THEM}|(?:人|客户|客))?(?:的|嘅)?"
_ALL = r"(?:都|全都|分别|各自|各|又|全部)?"
_IS = r"(?:是|系|属于|归)?"
_WHO = (
    r"(?:(?:哪个|哪位|哪些|哪几个|哪几位|边个|边啲|边位)(?:销售|同事|业务员?|员工|跟进人|sales|rep)|"
    r"谁|边个|边位|哪位)"
)
# Cantonese 跟開 / 睇開 (has been following), 跟咗 (followed), 打理 / 照顧 (looks after).
_VERB = (
    r"(?:跟进|跟紧|跟住|跟着|跟开|跟咗|在跟|喺度跟|跟|负责|管|对接|维护|带|服务|跟单|睇开|睇紧|照顾|"
    r"打理|handle紧?)"
)
_TAIL = r"(?:呢|啊|呀|吗|啦|㗎|嘎|架|噶|咧|嘞|喎|嚟|[?？。.!！\s])*$"
# After the who: whose (的/嘅 …) or who follows (a verb), never "是谁" alone (who are they).
_END = rf"(?:(?:在|喺度|喺)?{_VERB}(?:的|嘅|着|紧)?|的|嘅)(?:客户?|客人)?{_TAIL}"
_OWNER_WORD = r"(?:跟进人|负责人|负责销售|对接人|销售|owner|owners|跟进销售)"

_ZH = (
    # 都是谁的 / 他们是谁跟的 / 佢哋边个跟紧 / 是哪个销售的客户 / 归谁管
    rf"^{_THEM_ZH}{_ALL}{_IS}{_WHO}{_END}",
    # 边个跟紧佢哋 / 谁在跟他们 / 谁负责这些客户
    rf"^{_ALL}{_IS}{_WHO}(?:在|喺度|喺)?{_VERB}(?:紧|着)?{_THEM}{_TAIL}",
    # 跟进人都是谁 / 他们的负责人是谁 / 佢哋嘅跟进人系边个
    # 各自跟进人是谁 / 他们各自的负责人是谁: each one's, said before the owner word
    rf"^{_THEM_ZH}{_ALL}(?:的|嘅)?{_OWNER_WORD}{_ALL}(?:是|系)?(?:谁|边个|边位|哪些人?|哪几位|边啲){_TAIL}",
    # 他们归谁 / 这些客户属于哪个销售 / 佢哋归边个管
    rf"^{_THEM_ZH}{_ALL}(?:归|属于|係属于)(?:{_WHO})(?:管|跟进?|负责)?(?:的|嘅)?{_TAIL}",
    # 在谁名下 / 挂在谁名下 / 喺边个名下
    rf"^{_THEM_ZH}{_ALL}(?:是|系)?(?:在|挂在|喺)?(?:谁|边个)(?:的|嘅)?名下(?:的|嘅)?{_TAIL}",
)
_THEM_EN = (
    r"(?:them|they|these|those|these ones|those ones|these customers|those customers|these guys|"
    # each one of them: "who follows each of them", "who owns each one"
    r"each (?:one )?of (?:them|these|those)|each one|each)"
)
_EN = (
    rf"^(?:and |so |ok |okay )?whose (?:customers |clients |ones )?(?:are|r) {_THEM_EN}",
    rf"^(?:and |so |ok |okay )?who(?: (?:owns|follows|follows up(?: on)?|handles|looks after|"
    rf"manages|covers|takes care of)|(?: is|'s|s|’s) (?:following|handling|in charge of|"
    rf"responsible for|managing|looking after)) {_THEM_EN}",
    r"^(?:and |so |ok |okay )?who (?:are|is|'re|'s) (?:their|the) (?:owners?|reps?|sales ?reps?|"
    r"salespeople|salespersons?|account managers?|followers)",
    rf"^(?:and |so |ok |okay )?who do {_THEM_EN} belong to",
    rf"^(?:and |so |ok |okay )?which (?:reps?|sales ?reps?|salespeople|salesperson|owners?|"
    rf"colleagues?|people on the team) (?:has|have|own|owns|follows?|handles?|covers?) {_THEM_EN}",
    rf"^(?:and |so |ok |okay )?who (?:are|is|'re) {_THEM_EN} "
    r"(?:assigned to|owned by|followed by|with)",
    r"^(?:and |so |ok |okay )?(?:their |the )?owners\?",
)
_EN_END = r"(?: up)?(?: now| then)?\s*[?？.!]*$"

WHOSE = lazy_pattern("|".join([*_ZH, *(f"(?:{p}){_EN_END}" for p in _EN)]))


def asks_whose(masked: str) -> re.Match[str] | None:
    """The match when the whole (normalised) message asks whose the answer's customers are."""
    return WHOSE.search(masked.strip())
