"""The last check before a command is answered as a list or a count (issue 19, blind s13): a
sentence that says what is sent or put on AND a verb that sends or puts it on is an action,
whatever order it came in. When no reading placed it as one, it is asked back — answering the
customers it names as a list would drop the action silently, the worst answer there is.

The words looked for are the ones a query never says: content said first and a verb with
whom after it ("20元无门槛券发给…", "“待跟进”这个标签打给…", "¥30 off coupon to …"), a tag
verb and its name before a colon ("打上高意向：…"), or a send verb with 给/to that no 的 turns
into a modifier ("发给VIP的券" describes a coupon). tag_actions.leftover does the same for
tag words left over; this covers sends and content said first.
"""

from __future__ import annotations

from segmentation.nlq.ask import Ask
from segmentation.nlq.content_first import ASKED_ABOUT, COUPON_FIRST
from segmentation.nlq.lazy_re import lazy_pattern

# What is sent or put on, said first: a quote, a coupon from its amount, a name with its tag noun.
_COUPON_SAID = lazy_pattern(
    r"券|红包|coupon|voucher|\d\s*%?\s*off\b|满\s*[\d一二两三四五六七八九十百千]|\d\s*减\s*\d|"
    r"[\d一二三四五六七八九](?:\.\d)?\s*折|无门槛"
)
_OPENER = r"^(?:请|麻烦|帮我|帮忙|同我|please\s+|pls\s+)*(?:把|将)?\s*"
_QUOTE_OR_TAG_FIRST = lazy_pattern(
    _OPENER + r"(?:(?:标签|tag|label)\s*“[^”]+”|“[^”]*”\s*(?:(?:这个|呢个|这条|这句|呢句|呢条)?\s*"
    r"(?:标签|tag|label|消息|讯息|信息|文案|话)(?![a-z]))?|"
    r"(?:the\s+|a\s+)?[^\s“”,，:：]{1,12}?\s*(?:这个|呢个)?\s*(?:标签|tag|label)(?![a-z]))"
)
# A verb that sends or puts on, with where it goes, right after what was said first (给/为/帮
# + whom + 打上 too: "标签“金卡”给…打上").
_VERB_TO = lazy_pattern(
    r"^\s*[，,]?\s*(?:帮我|请|就|都|再)?\s*(?:(?:发送|发放|推送|推播|群发|发|推|寄|传|派|送|send|push|"
    r"打|贴|加|挂|标|tag|apply(?:\s+it)?|add(?:\s+it)?|put(?:\s+it)?)\s*(?:上)?\s*(?:一下)?\s*"
    r"(?:给|到|至|在|落|to|on|onto)|(?:to|for|on|onto)(?![a-z])|(?:给|为|帮(?!我|忙)).+?(?:打上|贴上|加上|打|贴))"
)
# A tag verb and a name, then a colon: whom follows it ("打上高意向：…", "tag as VIP: …").
_TAG_THEN_COLON = lazy_pattern(
    _OPENER + r"(?P<said>(?:打上|贴上|加上|标上|挂上|(?:tag|label|mark)(?:\s+(?:as|with))?)\s*"
    r"(?!标签|tag)[^:：,，的]{1,24})[:：]\s*\S"
)
_QUOTED = lazy_pattern(r"“[^”]*”")
_OPENER_SAID = lazy_pattern(_OPENER)
_COUPON_NOUN = lazy_pattern(r"券|红包|coupons?|vouchers?")
_COUPON_OR_MESSAGE = lazy_pattern(r"“|消息|讯息|信息|短信|message|msg|" + _COUPON_SAID.pattern)
# A send with whom after it, anywhere, that no 的 turns into a description of what was sent.
_SEND_TO = lazy_pattern(
    r"(?<![被])(?:发送|发放|推送|推播|群发|发|推|寄|传|派|送|send|push)\s*(?:给|到)(?![了过])"
    r"(?P<rest>[^，,的嘅]*)$"
)


def unplaced_action(text: str) -> None:
    """Raise Ask when `text` (normalised), read as no action, still says an action and what it
    sends or puts on. Words inside quotes (a message's own) are never read as the command's."""
    span = _action_said(_QUOTED.sub(lambda m: "“" + "□" * (len(m.group()) - 2) + "”", text))
    if span is None:
        return
    said = text[slice(*span)].strip(" ,，:：")
    if said.startswith("“") and said.endswith("”") and said.count("“") == 1:
        said = said[1:-1]  # the quote marks are the reply's own
    raise Ask(
        f"看起来是要发送或打标签（“{said}”），但没能确定发给/打给哪些客户、发什么或打哪个标签。"
        "请这样说：给近30天有咨询的客户发一张满200减30的券，或：给上海的VIP打上“待跟进”标签。",
        f"This looks like a send or a tag (“{said}”), but I could not tell to whom, or what. "
        "Say e.g. 'send customers in Shanghai a ¥30 off ¥200 coupon' or 'tag VIP customers in "
        "Shanghai as 待跟进'.",
    )


def _action_said(masked: str) -> tuple[int, int] | None:
    """The span of the words that say an action, or None."""
    colon = _TAG_THEN_COLON.match(masked)
    if colon is not None:
        return colon.span("said")
    first = _content_first(masked)
    if first is not None:
        after = masked[first:]
        if _VERB_TO.match(after) and not ASKED_ABOUT.search(after):
            return (0, first)
    send = _SEND_TO.search(masked)
    if send is None or not _COUPON_OR_MESSAGE.search(masked):
        return None
    whom = send.group("rest")
    return send.span() if whom.strip() and not ASKED_ABOUT.search(whom) else None


def _content_first(masked: str) -> int | None:
    """Where content said first ends, or None when the sentence begins with no content."""
    quoted = _QUOTE_OR_TAG_FIRST.match(masked)
    if quoted is not None:
        return quoted.end()
    opener = _OPENER_SAID.match(masked)
    start = opener.end() if opener else 0
    if not COUPON_FIRST.match(masked[start:]):
        return None
    # a coupon is at most a few words: up to its noun, or its amounts ("¥30 off ¥200 coupon")
    noun = _COUPON_NOUN.search(masked, start, start + 24)
    if noun is None or not _COUPON_SAID.search(masked[start : noun.end()]):
        return None
    return noun.end()
