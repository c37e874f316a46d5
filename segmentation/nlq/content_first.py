"""An action whose content is said first, glued to the verb and whom with no separator (issue
19, blind s13): "20元无门槛券发给领了券没用的客户", "“待跟进”这个标签打给近30天咨询过没下单的",
"标签“金卡”给累计消费2万以上的打上", "「多謝支持」send俾呢個禮拜落過單嘅客", "將「待跟進」tag落
李四啲高意向客度", "¥30 off ¥200 coupon to customers who …", "待跟进 tag for customers who …";
and a tag put on before a colon that says whom: "打上高意向：咨询超过2次的", "tag as VIP: …".

content_apart.py reads these as the parts it already knows, the content and the clause with
whom, once `glued_splits` says where the one ends and the other begins; every reading is then
checked again by actions.py (the command said again must read as exactly these parts). Only
the masked command (quotes blanked) is read here, so nothing inside a message is a verb.
"""

from __future__ import annotations

from segmentation.nlq.lazy_re import lazy_pattern

# Where a clause with whom may begin right after the content: a send verb with 给/到 (发给,
# 推播给, send给 for send俾), a tag verb with where it goes (打给, 贴到, tag落), 给/为/帮 before
# whom and a verb after them (给…打上), English to/for/on and the verbs of content_apart.
_CLAUSE_START = lazy_pattern(
    r"(?=(?:帮我|请|再|就|都)?(?:发送|发放|推送|推播|群发|发|推|寄|传|派|送|push|send|打|贴|加|挂|标|"
    r"tag)\s*(?:上)?\s*(?:一下|出去|过去)?\s*(?:给|到|至|在|落))|"
    r"(?=(?:帮我|请)?(?:给|为|帮(?!我|忙)))|"
    r"(?<=\s)(?=(?:to|for|on|onto|send|push|apply|add|put)\s)"
)
# A coupon said first begins with its amount or its article, never with words before it
# ("how many 满200减30 coupons …" is a question about coupons, not one sent).
COUPON_FIRST = lazy_pattern(
    r"^(?:(?:a|an|one|the|this)\s+|一张|一份|张|这张|呢张|这个|呢个)?"
    r"(?:[满¥$￥\d一二两三四五六七八九十]|无门槛)"
)
# Whom in a glued clause is never a question about who got it ("满200减30的券发给了谁",
# "…发给VIP了吗"): that asks about a send, it orders none.
ASKED_ABOUT = lazy_pattern(
    r"^\s*(?:了|过)|哪|多少|几个|几位|几多|谁|是否|有没有|有冇|边个|边啲|(?:吗|呢|嘛|没有|了没|未)\s*$|"
    r"[?？]\s*$|(?<![a-z])how\s+many(?![a-z])|^\s*(?:who|whom|which)(?![a-z])"
)


def glued_splits(words: str) -> list[int]:
    """Offsets in `words` (one part of the masked command) where a clause with whom may start
    after content said first: the caller tries each, the content before it, the clause after."""
    return [m.start() for m in _CLAUSE_START.finditer(words) if 0 < m.start() < len(words)]


_TAG_VERB_FIRST = (
    r"(?P<verb>打上|贴上|加上|标上|挂上|打|贴|加|挂)(?:个|一个)?\s*(?!(?:个|一个)?\s*(?:标签|标记|tag))"
    r"(?P<zh>“[^”]+”|[^\s“”:：,，的]{1,12}?)\s*(?:这个|的)?\s*(?P<noun>标签|tag)?|"
    r"(?:tag|label|mark)(?:\s+(?:as|with)(?![a-z]))?(?:\s+|(?=[^\x00-\x7f]))"
    # "tag一下这周来店的客人：待跟进": 一下 and whom ending in a people word are no tag's name
    r"(?!(?:as|with)(?![a-z]))(?!一下|下|晒|哂|埋)(?:the\s+)?"
    r"(?P<en>“[^”]+”|[^\s“”:：,，]{1,24}?(?<![户人客们]))(?:\s*tag)?"
)
_TAG_THEN_COLON = lazy_pattern(
    r"^(?:请|麻烦|帮我|帮忙|please\s+|pls\s+)*(?:" + _TAG_VERB_FIRST + r")\s*[:：]\s*"
    r"(?P<seg>[^:：]+?)\s*$"
)


def tag_before_colon(masked: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """(the tag's span, whom's span) when a tag verb and its name come before a colon and whom
    after it ("打上高意向：咨询超过2次的"), else None. "打标签：高意向" names no tag before its
    colon: that is a label, read by content_apart."""
    found = _TAG_THEN_COLON.match(masked)
    if found is None or ASKED_ABOUT.search(found.group("seg")):
        return None
    if found.group("verb") == "加" and not found.group("noun") and not found["zh"].startswith("“"):
        return None  # 加个条件：…, 加个备注：… — 加 alone adds many things; a tag is said so
    name = "zh" if found.group("zh") is not None else "en"
    return found.span(name), found.span("seg")
