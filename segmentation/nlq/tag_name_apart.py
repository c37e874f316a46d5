"""A tag's name said apart from the tagging, after a comma (issue 19): "帮我 tag 一下近3天 inquiry
过的，标签用高意向", "给上海的VIP打个标签，标签名：待跟进", "…打标签，就叫金卡", "tag the ones who
inquired this week, use the tag 高意向", "…, tag name: VIP". The command is said again with the
name where the grammar reads it ("给…打上“高意向”标签", "tag … as “高意向”"); the caller reads
that, and keeps it only if it is a tagging of exactly that name."""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern

_NOUN = r"(?:标签|标记|tag|label)"
# The clause naming the tag: 标签用X / 标签名(字|称)：X / 标签就叫X / 标签是X / 用X这个标签 /
# 就叫X; "use (the) tag X", "(the) tag (name) is X", "tag name: X", "with the label X".
_NAME_CLAUSE = lazy_pattern(
    r"^(?:"
    rf"{_NOUN}\s*(?:名|名字|名称|的名字|的名称)?\s*(?:就)?\s*(?:用|叫做|叫|是|为|设为|设成|写|选|打|定为)?"
    r"\s*[:：]?\s*(?P<zh>“[^”]+”|[^“”，,。；;:：\s]{1,20}?)\s*(?:的)?\s*(?:就行|就好|就可以|吧|啦|哈)*|"
    rf"(?:就)?(?:用|叫做|叫)\s*(?P<zh2>“[^”]+”|[^“”，,。；;:：\s]{{1,20}}?)\s*(?:这个|呢个|的)?\s*{_NOUN}?"
    r"\s*(?:就行|就好|就可以|吧|啦|哈)*|"
    rf"(?:use|using|with)\s+(?:the\s+|a\s+)?{_NOUN}\s*(?P<en>“[^”]+”|\S+(?:\s+\S+)?)|"
    rf"(?:the\s+)?{_NOUN}\s+(?:name\s+)?(?:is|should\s+be|=|:)\s*(?P<en2>“[^”]+”|\S+(?:\s+\S+)?)|"
    rf"(?:the\s+)?{_NOUN}\s+name\s*[:：]?\s*(?P<en3>“[^”]+”|\S+(?:\s+\S+)?)"
    r")\s*(?:please|pls|thanks|thx)?\s*[.!。！]?$"
)
_SPLIT = lazy_pattern(r"^(?P<act>.+?)\s*[，,;；]\s*(?P<clause>[^，,;；]+)$")
_OPENER = r"(?:请|麻烦|劳驾|烦请|拜托)?(?:你)?(?:帮我|帮忙|同我|帮手)?\s*"
# The tagging with no name: the verb first, whom after it ("tag 一下近3天 inquiry 过的",
# "打个标签给上海的客户"), or whom first and the verb last ("给近3天咨询过的打标签").
_VERB_FIRST_ZH = lazy_pattern(
    rf"^{_OPENER}(?:tag|label|mark|打标签|打个标签|打一个标签|打标|贴标签|贴个标签|加标签|加个标签)"
    r"\s*(?:一下|下)?\s*(?:给|为)?\s*(?P<seg>.+)$"
)
_VERB_LAST_ZH = lazy_pattern(
    rf"^(?P<head>{_OPENER}.+?)\s*(?:都|全部|统一)?\s*(?:打|贴|加|挂|tag|label)\s*(?:一下|下)?\s*"
    rf"(?:一个|个|上)?\s*{_NOUN}?\s*(?:吧|啦|哈|一下)*$"
)
_VERB_FIRST_EN = lazy_pattern(
    r"^(?:(?:please|pls|can you|could you|go ahead and)\s+)*(?:tag|label|mark)\s+(?P<seg>.+)$"
)


def name_said_apart(text: str) -> tuple[str, str] | None:
    """(the command said again with the name in place, the name), or None."""
    split = _SPLIT.match(text)
    if split is None:
        return None
    clause = _NAME_CLAUSE.match(split.group("clause").strip())
    if clause is None:
        return None
    name = next(v for v in clause.groups() if v is not None).strip()
    act = split.group("act").strip()
    english = act.isascii()
    if english and (found := _VERB_FIRST_EN.match(act)):
        return f"tag {found.group('seg')} as “{name.strip('“”')}”", name
    if found := _VERB_FIRST_ZH.match(act):
        return f"给{found.group('seg')}打上“{name.strip('“”')}”标签", name
    if found := _VERB_LAST_ZH.match(act):
        head = found.group("head")
        if not head.startswith(("给", "为", "把", "帮")):
            head = f"给{head}"
        return f"{head}打上“{name.strip('“”')}”标签", name
    return None
