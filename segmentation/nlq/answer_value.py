"""A value given back alone to a question back about a word (spec/commands.md §2c): "唇釉"
after "没有找到商品“口红”", "上海" after "沒有找到標籤“火星”", "Shanghai" after "Did you mean
上海?", "好啦 就 VIP 的" after a tag name that could not be read. The value takes the place of
the word asked about in the question asked; everything else in it stays (spec: the question
back is the question, completed).

This module only reads the words: the value without what is said around it — an
acknowledgement (好啦/好吧/ok/fine), a pointer to the value (就/就係/淨係/just/only/是/要),
a closing particle (吧/啦/la/then/please) and the customers it names (的客户/嘅客/ones). Whether
the rest is one value and nothing else is the tokenizer's to say (bot.commands.value_answer).
"""

from __future__ import annotations

import re

from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import normalize

_MARKS = r"[\s,，、.。!！~～…:：;；]"
# Words before the value that say only that it answers (normalised: Simplified, lower case;
# Cantonese 係/嘅 are 系/的 there). Chinese ones may touch the value; English ones are words.
_OPEN_ZH = (
    # the word asked about turned down first: "没有白金卡，就金卡吧", "冇呢个，用返金卡"
    r"(?:没有|冇|无|不是|唔系|不要|唔要)[^，,\s]{1,12}?(?:了|啦|喇)?[，,]|"
    # a slip owned first: "打错了，金卡", "拼错，是Alice"
    r"(?:打|写|拼|输|讲|说)错(?:字)?(?:了|咗|左|啦|喇)?|"
    r"好啦|好吧|好嘅|好的|好咯|好嘞|好|行吧|行啦|行|得啦|得|嗯+|哦|噢|喔|哎|呃|额|唔该|麻烦|"
    r"那么|那就|那|咁就|咁|噉|然后|"
    r"就系|就是|就要|就|净系|净要|净|只系|只是|只要|只看|只|要|是|系|都系|都是|也是|看|睇|"
    # the value instead of the word asked about: 换成金卡, 改為上海, 換做VIP, 用返金卡
    r"换成|换做|换为|换作|换|改成|改为|改做|改作|改用|改|用返|就用|用|要用"
)
_OPEN_EN = (
    r"ok(?:ay)?|k|fine|alright|all\s+right|sure|well|so|then|oh|ah|hmm+|um+|uh|yeah|yes|"
    r"just|only|the|please|try|how\s+about|what\s+about|make\s+it|use|"
    r"(?:switch|change)(?:\s+(?:it|that))?\s+to|go\s+with|replace\s+(?:it|that)\s+with|"
    r"let'?s\s+(?:do|use|go\s+with)|i\s+meant|i\s+mean"
)
_OPENING = lazy_pattern(rf"^(?:(?:{_OPEN_ZH}){_MARKS}*|(?:{_OPEN_EN})(?![a-z0-9]){_MARKS}*)")
# Words after it: particles, thanks, "…才对/先啱", and the customers the value names.
_CLOSE_ZH = (
    r"的客户|的顾客|的客人|的客|嘅客户|嘅客人|嘅客|客户|顾客|客人|的人|那些|嗰啲|的|嘅|呢|吧|啦|喇|呀|啊|嘛|咯|喔|哦|啰|"
    r"先啱|先至啱|才对|才是|就好|就得|就行|好了|得啦|谢谢|唔该|la|lor|lah|"
    # the slip owned after it: "高意向，打错字了"
    r"(?:我)?(?:打|写|拼|输|讲|说)错(?:字)?(?:了|咗|左|啦|喇)?|"
    # the kind of the value said after it, pointed at: 金卡这个标签, 上海嗰个城市, 唇釉这款产品
    # (never a kind word alone: 我们部门 is a name)
    r"(?:这个|那个|呢个|这款|那款|呢款|这|那|呢)(?:标签|城市|地区|商品|产品|分群|渠道|活码|品类)|"
    r"代替|替代|取代"
)
_CLOSE_EN = (
    r"typo|my\s+bad|ones?|customers?|clients?|people|then|please|pls|thanks|thx|instead|only|one|"
    r"tags?|labels?|city|product|segment|department|channel|rather"
)
_CLOSING = lazy_pattern(
    rf"(?:{_MARKS}*(?:{_CLOSE_ZH})|(?<![a-z0-9]){_MARKS}*(?:{_CLOSE_EN})|{_MARKS}+)+$"
)
# Longer than this is a question of its own, never a value given back.
LONGEST = 24


def answer_values(text: str) -> tuple[str, ...]:
    """The values `text` may give back (normalised), least taken off first: as said, then
    without each further opening word, each also without its closing words ("好评客户" is a
    tag whose 好 is its own; "好啦 就 VIP 的" is VIP). Empty when it is too long, or asks."""
    plain = normalize(text or "")
    if not plain or len(plain) > LONGEST * 2 or re.search(r"[?？]", plain):
        return ()
    found: list[str] = []
    rest = plain
    while True:
        for value in (rest, _without_closing(rest)):
            if value and len(value) <= LONGEST and value not in found:
                found.append(value)
        opening = _OPENING.match(rest)
        if opening is None or opening.end() >= len(rest):
            return tuple(found)
        rest = rest[opening.end() :]


def _without_closing(words: str) -> str:
    """`words` without the particles and customer words that close them ("上海的客户吧")."""
    closing = _CLOSING.search(words)
    if closing is None or closing.start() == 0:
        return words.strip()
    return words[: closing.start()].strip()
