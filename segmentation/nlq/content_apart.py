"""An action said in parts (issue 19, blind s12): what is sent or put on, and whom, each in
its own part, joined by ；/;/。/，/" - "/->. The parts are labelled ("券：无门槛10元；对象：本周
到过店没买的", "打标签：待跟进；对象：…", "消息内容：新品到店，欢迎试用。发给上海的VIP", "message:
…; to: …", "coupon 20% off -> customers in …"), or the content comes first and the verb with
whom after it ("“双11预售今晚8点开始”，发给…", '"see you" - send that to …', "满300减50，券发给…",
"“待跟进”这个标签，帮我打给…").

`parts_apart` finds the parts of the normalised command (quotes masked by the caller, same
length) and returns them; actions.py says the command again in the order its grammar reads and
keeps that reading only if it is exactly these parts. Every part must be read: a part no
rule places makes the whole None (the usual readers then read or ask), so a query is never
taken for an action. Nothing here guesses a missing part: no whom, or no message / coupon /
tag, is None too, and the usual readers ask for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from segmentation.nlq.content_first import ASKED_ABOUT, COUPON_FIRST, glued_splits, tag_before_colon
from segmentation.nlq.lazy_re import lazy_pattern


@dataclass(frozen=True)
class Apart:
    """The parts of an action said apart: spans (start, end) into the normalised command."""

    kind: str  # "push" | "tag" | "untag"
    seg: tuple[int, int]
    message: tuple[int, int] | None = None  # quoted (“…” included) or the words as said
    coupon: tuple[int, int] | None = None
    tag: tuple[int, int] | None = None


# Between parts: a full stop, a semicolon, a comma, a line break, a dash between spaces, an
# arrow ("coupon 20% off -> customers in …": the part after an arrow is whom it goes to).
# (normalising drops the space between Chinese and a dash: "高意向- apply it to …")
_SEP = lazy_pattern(
    r"\s*(?:(?P<arrow>->|→|=>|⇒)|[;；。\n]|[,，]|\s-+\s|(?<=[^\x00-\x7f])-+\s|\s-+(?=[^\x00-\x7f])|"
    r"—+)\s*"
)
_BE = r"\s*(?:[:：=]|(?:就)?(?:是|为|系)(?:\s*[:：])?(?=.)|\s(?:is|are)\s)\s*"
_WHOM_LABEL = lazy_pattern(
    r"^(?:(?:发送|推送|接收|打标|操作|执行|适用|发放)?对象|目标(?:客户|人群|客群)?|受众|收件人|"
    r"(?:发给|发送给|推送给|发|送|给|寄给|传给)(?:谁|哪些人|哪些客户)|客群|人群|范围|适用范围|"
    r"(?:target(?:\s+customers)?|audience|recipients?|to|send\s+to|who|customers|segment|"
    r"for)(?![a-z]))" + _BE + r"(?P<v>.+)$"
)
_MESSAGE_LABEL = lazy_pattern(
    r"^(?:(?:(?:消息|信息|讯息|通知|短信|简讯|推送|群发)?(?:内容|文案|正文|话术)|消息|讯息|信息|短信|简讯)"
    r"(?:如下)?|(?:message|msg|text|content|wording|copy|note)(?:\s+(?:text|content|body))?"
    r"(?![a-z]))(?:" + _BE + r"(?P<v>.+)|\s*[:：]\s*(?P<none>))$"
)
_COUPON_NOUN = r"(?:优惠券|折价券|代金券|现金券|抵用券|满减券|折扣券|券|红包|coupons?|vouchers?)"
# A coupon's label, said with or without a colon before its amounts ("券：满300减50", "coupon
# 20% off"); what follows must hold an amount (the grammar reads and checks it).
_COUPON_LABEL = lazy_pattern(
    r"^(?:(?:发|送|派|寄)?" + _COUPON_NOUN + r"|优惠|discount)(?:\s*[:：=]\s*(?P<v>.+)|"
    r"\s*[:：]\s*(?P<none>)|(?:\s*(?:是|为)\s*|\s+|(?=[满\d¥$无]))(?P<v2>.*\d.*|.*满.*|.*无门槛.*))$"
)
_TAG_LABEL = lazy_pattern(
    r"^(?:(?:打|贴|加|挂)(?:个|上)?标签|标签(?:名|名字|名称)?|(?:tag|label)(?:\s+name)?)"
    r"\s*(?:[:：=]|是|为|用|(?<=[a-z])\s+is\s)\s*(?P<v>.+)$"
)
# A tag taken off, labelled: "去掉标签：待跟进", "remove tag: VIP", "untag: 金卡".
_UNTAG_LABEL = lazy_pattern(
    r"^(?:(?:去掉|去除|删除|删掉|移除|取消|撤掉|撤销|拿掉|摘掉|撕掉)(?:的)?(?:标签|标记)(?:名|名字|名称)?|"
    r"(?:untag|(?:remove|delete|take\s+off)(?:\s+the)?\s+(?:tag|label)(?:\s+name)?))"
    r"\s*(?:[:：=]|是|为)\s*(?P<v>.+)$"
)
_OPENER = r"(?:再|然后|并|就|请|麻烦|劳驾|烦请|拜托|你|帮我|帮忙|同我|唔该|\s)*"
# What a send clause may name before its verb: the content said before it, as a word.
_SENT_NOUN_ZH = (
    r"(?:(?:把|将)?(?:这|那|呢)?(?:一)?(?:条|则|段|句|个|张)?(?P<noun>消息|讯息|信息|短信|简讯|文案|话术|"
    r"话|内容|" + _COUPON_NOUN + r")|(?:把|将)?(?:它|佢|这个|呢个|这些|上面的|以上))?"
)
_SEND_ZH = lazy_pattern(
    r"^" + _OPENER + _SENT_NOUN_ZH + r"\s*(?:都|统一|全部)?\s*(?:再)?"
    r"(?:发送|发放|推送|推播|群发|发|推|寄|传|派|送|push|send)\s*(?:一下|出去|过去)?\s*"
    r"(?:给|到|至)\s*(?P<seg>.+)$"
)
_SEND_EN = lazy_pattern(
    r"^(?:(?:please|pls|and|then|can you|could you)\s+)*(?:send|push|forward|blast|deliver|"
    r"give|text|message)(?:\s+(?:it|this|that|these|those|this\s+(?:one|message|coupon|text)|"
    r"that\s+(?:one|message|coupon|text)|the\s+(?:message|coupon|voucher|text|note)))?"
    r"(?:\s+out)?\s+to(?:\s+|(?=[^\x00-\x7f]))(?P<seg>.+)$"
)
_TAG_CLAUSE_ZH = [
    # 帮我打给近7天到过店的客户 / 贴到这些人身上 / 加在…上
    # (Cantonese tag落…度: onto them, 度 the place: "tag落李四啲高意向客度")
    lazy_pattern(
        r"^" + _OPENER + r"(?:把|将)?(?:它|佢|这个|呢个|这个标签|呢个标签)?\s*(?:都|统一|全部)?"
        r"(?:打|贴|加|挂|标|tag)\s*(?:上)?(?:给|到|在|落)\s*(?P<seg>.+?)"
        r"(?:身上|上面|嗰度|(?<=[客人户们哋a-z])度)?(?:吧|啦|哈)*$"
    ),
    # 给近7天到过店的客户打上 / 帮上海嘅VIP贴上
    lazy_pattern(
        r"^" + _OPENER + r"(?:给|为|帮(?!我|忙))(?P<seg>.+?)(?:都|全部|统一)?"
        r"(?:打上|贴上|加上|挂上|标上|打|贴|加)(?:吧|啦|哈|一下)*$"
    ),
]
_TAG_CLAUSE_EN = lazy_pattern(
    r"^(?:(?:please|pls|and|then)\s+)*(?:(?:apply|add|put|stick|attach)(?:\s+(?:it|this|that|"
    r"the\s+tag|this\s+tag|that\s+tag))?\s+(?:to|on|onto)|(?:tag|label)(?=\s.+\swith\s+(?:it|"
    r"this|that)$))\s+(?P<seg>.+?)(?:\s+with\s+(?:it|this|that))?$"
)
# A quoted text alone, or with a word saying what it is: a message, or a tag's name.
_QUOTED = lazy_pattern(
    r"^(?:把|将)?(?:(?:这条|这句|这段|呢句|呢条)?(?:消息|讯息|信息|文案|话术|内容|话)|the\s+message|message)?"
    r"\s*(?P<q>“[^”]*”)\s*(?:(?:这条|这句|这段|呢句|呢条|这个|这段话|这句话)(?:消息|讯息|信息|文案|话术|"
    r"话)?|(?:as\s+)?the\s+message)?$"
)
# (a bare name never begins with a verb or whom's preposition: 给他们打标签 names no tag)
_QUOTED_TAG = lazy_pattern(
    # (a verb that takes a tag off is an untag, read as a whole: "remove 待跟进 tag，对象是…")
    r"^(?!.*(?:remove|delete|untag|strip|clear|take\s*off|去掉|去除|删|取消|移除|撤|拿掉|摘|撕|"
    r"除掉|剔|清除))(?:(?:把|将)?(?:这个|呢个)?(?:the\s+|this\s+)?(?:标签|tag|label)\s*(?P<q1>“[^”]+”|"
    r"(?![给为帮把将打贴加挂标]|(?:as|with|to|on|for)(?![a-z]))[^\s“”,，给把]{1,12})|"
    r"(?:把|将)?(?:(?:the|a|an|this)(?:\s+|(?=[^\x00-\x7f])))?(?P<q2>“[^”]+”|(?![给为帮把将打贴加挂标])[^\s“”,，给把]{1,12}?)\s*"
    r"(?:这个|呢个|那个|the)?\s*(?:标签|tag|label))$"
)
# A coupon said alone ("满300减50", "一张满千折百的折价券", "a 20% off coupon"): its amounts.
_COUPON_ALONE = lazy_pattern(
    r"^(?:(?:a|an|one)\s+|一张|一份|张)?(?=.*(?:满\s*[\d一二两三四五六七八九十百千]|\d\s*减\s*\d|"
    r"\d\s*%?\s*(?:off|折)|[\d一二三四五六七八九](?:\.\d)?\s*折|无门槛|\d+\s*(?:元|块|蚊)\s*"
    + _COUPON_NOUN
    + r"))[^“”]{2,30}$"
)


# Whom after content said before it, with no verb: "¥30 off ¥200 coupon to customers who …",
# "待跟进 tag for customers who …"; 给 only after a coupon ("20元券给…": a quote or a tag's name
# given to someone could be either).
_TO_WHOM = lazy_pattern(r"^(?:to|for|on|onto)(?:\s+|(?=[^\x00-\x7f]))(?P<seg>.+)$")
_GIVE_TO = lazy_pattern(r"^(?:给|畀|俾)(?P<seg>.+)$")


@dataclass(frozen=True)
class _Part:
    start: int
    end: int
    arrow: bool  # said after an arrow: whom


def _parts(masked: str) -> list[_Part]:
    parts: list[_Part] = []
    last, arrow = 0, False
    for sep in _SEP.finditer(masked):
        if sep.start() > last:
            parts.append(_Part(last, sep.start(), arrow))
        last, arrow = sep.end(), bool(sep.group("arrow"))
    if last < len(masked):
        parts.append(_Part(last, len(masked), arrow))
    return parts


@dataclass
class _Said:
    kind: str | None = None
    seg: tuple[int, int] | None = None
    message: tuple[int, int] | None = None
    coupon: tuple[int, int] | None = None
    tag: tuple[int, int] | None = None
    quote: tuple[int, int] | None = None  # a quote said alone: a message, or the tag's name
    # An unquoted message or whom after its label, that the next unread part continues
    # (消息内容：新品到店，欢迎试用。 / 对象：近30天咨询过，没下单的).
    open: str | None = None
    arrow: bool = False  # whom said after an arrow: sent to them, when no verb says more

    def set(self, field: str, span: tuple[int, int]) -> bool:
        """Set a part once; a second one (two messages, two whoms) is not this reading."""
        if getattr(self, field) is not None:
            return False
        setattr(self, field, span)
        return True

    def want(self, kind: str) -> bool:
        if self.kind not in (None, kind):
            return False
        self.kind = kind
        return True


def parts_apart(masked: str) -> Apart | None:
    """The action said in parts in `masked` (normalised, quotes masked), or None."""
    parts = _parts(masked)
    if len(parts) >= 2:
        said = _Said()
        if all(_read_part(masked, part, said) for part in parts):
            found = _whole(said)
            if found is not None:
                return found
    return _glued(masked, parts) or _tag_then_whom(masked)


def _glued(masked: str, parts: list[_Part]) -> Apart | None:
    """The content said first and its clause right after it, no separator between them
    ("20元无门槛券发给…", "待跟进 tag for …"): the first part cut where content_first.py says
    a clause may start, the content before the cut, the clause with whom after it."""
    if not parts:
        return None
    first = parts[0]
    words = masked[first.start : first.end]
    for cut in glued_splits(words):
        said = _Said()
        if not _content_first(words[:cut], first.start, said):
            continue
        clause = _Part(first.start + cut, first.end, False)
        if not _read_part(masked, clause, said) or said.seg is None:
            continue
        if ASKED_ABOUT.search(masked[slice(*said.seg)]):
            continue  # "满200减30的券发给了谁": a question about a send
        if all(_read_part(masked, part, said) for part in parts[1:]):
            found = _whole(said)
            if found is not None:
                return found
    return None


def _content_first(words: str, at: int, said: _Said) -> bool:
    """Whether `words` (said first, at `at`) are content alone: a quote, a tag with its noun,
    a coupon that begins with its amount — never whom nor a clause."""
    lead = len(words) - len(words.lstrip())
    words = words.strip()
    label = _COUPON_LABEL.match(words)  # "coupon 20% off to …", "券：满200减30发给…"
    value = next((g for g in ("v", "v2") if label and label.group(g)), None)
    if label is not None and value is not None:
        return said.want("push") and said.set("coupon", _at(label, value, at + lead))
    if not words or (_COUPON_ALONE.match(words) and not COUPON_FIRST.match(words)):
        return False
    return _read_clause(words, at + lead, said) and said.seg is None


def _tag_then_whom(masked: str) -> Apart | None:
    """A tag put on before a colon, whom after it: "打上高意向：咨询超过2次的"."""
    found = tag_before_colon(masked)
    if found is None:
        return None
    tag, seg = found
    return Apart("tag", seg, tag=tag)


def _whole(said: _Said) -> Apart | None:
    if said.kind is None and said.arrow:
        said.kind = "push"  # “…” -> VIP customers
    if said.seg is None or said.kind is None:
        return None
    if said.kind in ("tag", "untag"):
        tag = said.tag or said.quote
        if tag is None or said.message or said.coupon or (said.tag and said.quote):
            return None
        return Apart(said.kind, said.seg, tag=tag)
    if said.quote is not None and not said.set("message", said.quote):
        return None
    if said.message is None and said.coupon is None:
        return None
    return Apart("push", said.seg, message=said.message, coupon=said.coupon)


def _read_part(masked: str, part: _Part, said: _Said) -> bool:
    """Read one part into `said`; False when it is none of the parts (or one said twice)."""
    words = masked[part.start : part.end]
    lead = len(words) - len(words.lstrip())
    words = words.strip()
    at = part.start + lead
    if part.arrow:
        said.open, said.arrow = "seg", True
        return said.set("seg", (at, at + len(words)))
    for pattern, field, kind in (
        (_WHOM_LABEL, "seg", None),
        (_MESSAGE_LABEL, "message", "push"),
        (_TAG_LABEL, "tag", "tag"),
        (_UNTAG_LABEL, "tag", "untag"),
        (_COUPON_LABEL, "coupon", "push"),
    ):
        m = pattern.match(words)
        if m is not None and (kind is None or said.want(kind)):
            # the value; "none" where a label has none ("消息：", "券：": asked for)
            value = next(g for g in ("v", "v2", "none") if m.groupdict().get(g) is not None)
            opens = field in ("message", "seg") and not m.group(value).startswith("“")
            said.open = field if opens and value == "v" else None
            return said.set(field, _at(m, value, at))
    open_field, said.open = said.open, None
    return _read_clause(words, at, said) or _continue(said, open_field, at + len(words))


def _at(m: re.Match[str], group: str, at: int) -> tuple[int, int]:
    """The span of `group` in the command, for a match in the part that starts at `at`."""
    start, end = m.span(group)
    return (at + start, at + end)


def _read_clause(words: str, at: int, said: _Said) -> bool:
    """A send or tag clause (the verb and whom), or content said alone."""
    send = _SEND_ZH.match(words) or _SEND_EN.match(words)
    if send is not None and said.want("push"):
        noun = send.groupdict().get("noun") or ""
        if noun.endswith(("券", "包", "coupon", "voucher")) and said.message and not said.coupon:
            return False  # "券发给…" after a message only: no coupon was said
        return said.set("seg", _at(send, "seg", at))
    for pattern in (*_TAG_CLAUSE_ZH, _TAG_CLAUSE_EN):
        m = pattern.match(words)
        if m is not None:
            return said.want("tag") and said.set("seg", _at(m, "seg", at))
    to_whom = _TO_WHOM.match(words) or (_GIVE_TO.match(words) if said.coupon else None)
    if to_whom is not None and _has_content(said):
        said.arrow = True  # "¥30 off coupon to …", "待跟进 tag for …": the content says which
        return said.set("seg", _at(to_whom, "seg", at))
    quoted_tag = _QUOTED_TAG.match(words)
    if quoted_tag is not None:
        group = "q1" if quoted_tag.group("q1") else "q2"
        return said.want("tag") and said.set("tag", _at(quoted_tag, group, at))
    quoted = _QUOTED.match(words)
    if quoted is not None:
        return said.set("quote", _at(quoted, "q", at))
    if _COUPON_ALONE.match(words):
        return said.want("push") and said.set("coupon", (at, at + len(words)))
    return False


def _has_content(said: _Said) -> bool:
    return any(v is not None for v in (said.message, said.coupon, said.tag, said.quote))


def _continue(said: _Said, field: str | None, end: int) -> bool:
    """An unquoted message or whom after its label runs on over the separators inside it
    (消息内容：新品到店，欢迎试用。), up to the next part that is read as a part."""
    span = getattr(said, field) if field is not None else None
    if field is None or span is None:
        return False
    setattr(said, field, (span[0], end))
    said.open = field
    return True
