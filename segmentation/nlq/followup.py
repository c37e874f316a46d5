"""Follow-ups: a message that is about the answer just given, not a question of its own.

Three kinds (spec/commands.md §2c), told apart by their words, never by whole sentences:

- refine: 这些/其中/这里面/of these/among them … + conditions, or 只要/only … X,
  去掉/排除/without … Y → the previous segment AND (NOT) the new conditions;
- more: 更多/再来N个/下一页/more/next page → the next page of the previous list;
- pick: after a question back with numbered suggestions, 1/第一个/the first one/#2/选2,
  the suggestion's own text, or 是/对/yes when there was one suggestion.

The conditions themselves are read by the ordinary parser; this module only finds the
markers and hands back what is left, in the asker's own spelling (a quoted tag name or
message keeps its case and script).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace

from segmentation.nlq.correction import read_correction
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.loosen_words import without_loosening
from segmentation.nlq.whole_periods import without_restated_whole
from segmentation.text import language_of, normalize, same_name

AND = "and"
WITHOUT = "without"
ALSO = "also"  # "加上北京的", "add Beijing too": the previous answer OR-widened by a value

_PUNCT = r"\s,，、:：;；.。!！?？~～"
# 这些/這些/那些/这批/这群 (+ 客户/人/用户/名单/结果) and other ways of pointing at the answer.
_THESE_ZH = (
    r"(?:(?:这|這|那)(?:些(?!天|日子)|批|群|几个|幾個)|上面|上述|刚才|剛才|刚刚|剛剛|以上|他们|她们|他們|她們|"
    r"佢哋|佢地|佢們|佢们|渠哋|它们|它們|TA们|ta们|"
    # Cantonese these/those: 呢啲人入面, 嗰班客當中
    r"呢啲|呢D|呢d|嗰啲|嗰D|呢班|嗰班|呢批|嗰批|呢几个|呢幾個|嗰几个|嗰幾個|"
    # what is left of the list after a drop: 剩下的有几个VIP, 剩低嘅入面
    r"剩下|剩低|剩返|"
    # the answer by its size: 这俩(里), 这两个里面, 那三位当中, 呢兩個入面 — a counted one only
    # before 里/中/入面 ("那两个北京的" is those two Beijing ones, no pointer)
    r"(?:这|這|那|呢|嗰)\s*(?:俩|倆|仨)|"
    # a few said by their measure word (这几位, 呢幾位, 這幾個人), or the ones just shown by
    # their number (刚刚那两位, 剛才嗰三個): pointers with or without 里/中 after them
    r"(?:(?:刚才|刚刚|剛才|剛剛|头先|頭先)\s*)?(?:这|這|那|呢|嗰)\s*(?:几|幾)\s*(?:位|个|個|名)|"
    r"(?:刚才|刚刚|剛才|剛剛|头先|頭先)\s*(?:这|這|那|呢|嗰)\s*"
    r"(?:[0-9]{1,3}|[两兩二三四五六七八九十]{1,2})\s*(?:个|個|位|名)|"
    r"(?:这|這|那|呢|嗰)\s*(?:[0-9]{1,3}|[两兩二三四五六七八九十]{1,2})\s*(?:个|個|位|名)"
    r"(?=\s*(?:人|客户|客戶|客)?\s*(?:里|裡|裏|中|当中|當中|之中|入面|入便|内|內)))"
    r"(?:的)?(?:客户|客戶|客人|人|客|用户|用戶|名单|名單|结果|結果|列表|几个人|幾個人|这些|這些)?"
)
# Cantonese says 入面/入便 (inside) and 啲 for these: 呢啲入面, 入面有VIP嘅.
_IN_ZH = (
    r"(?:里面|裡面|裏面|里边|裡邊|里头|裡頭|入面|入便|"
    r"当中|當中|之中|中间|中間|其中|中|里|裡|裏|内|內)"
)
# The answer said by how it was found: 刚查出来这几位里, 剛搵到嗰班客入面, 刚筛出来的这些人中,
# 剛才搜到嘅嗰班人入面, 上面列出来的人里
_JUST_FOUND_ZH = (
    r"(?:刚才|剛才|刚刚|剛剛|头先|頭先|刚|剛|上面|上边|上邊)\s*"
    r"(?:查|搜|找|筛|篩|列|搵|揾|捞|撈|拉|调|調|问|問)\s*(?:咗|了)?\s*(?:出来|出來|出嚟|出|到)?\s*"
    r"(?:的|嘅)?"
)
_WITHIN_ZH = (
    rf"(?:在|从|從|那|那么|那麼|然后|然後|再)?\s*(?:{_JUST_FOUND_ZH}\s*{_THESE_ZH}\s*{_IN_ZH}?|"
    rf"{_JUST_FOUND_ZH}\s*(?:客户|客戶|客人|人|客|名单|名單|结果|結果)?\s*{_IN_ZH}|"
    rf"{_THESE_ZH}\s*{_IN_ZH}?|"
    rf"(?:这|這|呢啲|呢D)?(?:其中|里面|裡面|裏面|里头|裡頭|入面|入便|当中|當中)|"
    # "这里 male 的", "這裡女生": here, in the answer just shown (这里面 is read above)
    r"(?:这|這)(?:里|裡|裏)(?![面头頭边邊])(?=\s*\S))\s*(?:的)?"
)
_ONLY_ZH = (
    # counted or kept only: 只算女生, 只计VIP, 淨計北京, 只留下…; Cantonese 得返/淨返 (only … left)
    r"(?:只算|只计|只計|只数|只數|只统计|只統計|淨計|净计|只留下|只留低|只剩下|只剩|"
    r"得返|淨返|净返|淨低|净低|剩返|"
    r"只要|只看|只留|只保留|只需要|只显示|只顯示|仅要|僅要|仅看|僅看|仅保留|僅保留|"
    r"仅限|僅限|就要|只选|只選|"
    # filtered again: 再筛 / 再篩一下 / 筛选出 / 篩出 (narrowing, as 只要 is)
    r"(?:再|再来|再來)?(?:筛选|篩選|筛|篩)(?!掉|走|除|去)(?:出|一下|下|一筛|一篩)?|"
    # Cantonese 淨係/只係 (only): 淨係要女仔, 只係睇VIP (and as typed in simplified)
    r"淨係要|淨係睇|淨係|净系要|净系睇|净系|净係|只係要|只係睇|只系要|只系睇|"
    # 就 (just) before whom: "就VIP里北京的", "就上海的吧" — never 就3个 (exactly), 就是, 就这样,
    # nor 就 before an event ("就下过一次单的": only once)
    r"就只要|就只看|就看|就(?![\s\d一二两兩三四五六七八九十几幾是这這那么麼算行好对對可得要下买買问問咨諮来來到退加落有没沒冇未从從做用核过過])"
    r")"
)
_DROP_ZH = (
    # 筛 / 过滤 alone narrow ("再筛10月有下单的": keep those); only with 掉 do they drop
    r"(?:(?:去除|剔除|排除|移除|删除|刪除)掉?|(?:过滤|過濾|筛|篩)掉|去掉|除去|除掉|扣除|不要|不看|"
    r"不含|除了|刨除|拿掉|"
    r"删掉|刪掉|去了|唔要|唔睇|剔走|攞走|拎走|踢走)"
)
# The English refine verbs said in a Chinese frame, or with a Chinese particle after them
# ("再 narrow 到 male", "filter 一下上海的", "只 keep VIP", "exclude 掉 金卡 的"): the same
# narrowing as 只要 / 去掉. The particles are the ones a Chinese verb takes (到/成/出/掉/一下).
_NARROW_VERB_EN = (
    r"(?:narrow|filter|limit|restrict|cut|trim|zoom)(?:\s+(?:it|them|this|that|these|those|the\s+list))?"
    r"(?:\s+(?:down|in))?(?:\s+(?:to|by|for|on))?"
)
_VERB_TAIL_ZH = r"(?:到|成|出来|出來|出|为|為|一下|下|返|住|留|只)"
_ONLY_MIXED_ZH = (
    rf"(?:(?:只|就|仅|僅|淨係|净系|净係|只係|只系)\s*(?i:keep|show|want|leave)(?:\s+(?i:only|just))?|"
    rf"(?:只|就|仅|僅|再|先)?\s*(?i:{_NARROW_VERB_EN}|keep\s+only|only\s+keep|just\s+keep|focus\s+on)"
    rf"(?:\s*{_VERB_TAIL_ZH})*)"
)
_DROP_VERB_EN = (
    r"(?:exclude|remove|drop|filter\s+out|take\s+out|leave\s+out|kick\s+out|get\s+rid\s+of|"
    r"cut\s+out|strip\s+out|delete)"
)
_DROP_MIXED_ZH = rf"(?i:{_DROP_VERB_EN})(?:\s*(?:掉|走|出去|一下|下|埋))*"
# A mixed verb before a Chinese condition, or after a Chinese particle (in either order).
_ONLY_ANY_ZH = rf"(?:{_ONLY_ZH}|{_ONLY_MIXED_ZH})"
_DROP_ANY_ZH = rf"(?:{_DROP_MIXED_ZH}|{_DROP_ZH})"
# "再去掉上海的", "还要排除VIP", "另外不要金卡的", "然后只看女的": an adverb that chains this
# narrowing onto the last one says nothing of its own (only before 只要/去掉, never alone).
_CHAIN_ZH = (
    r"(?:(?:那就|那么|那麼|那|咁就|咁|噉|再|还|還|也|另外|然后|然後|接着|接著|并且|並且|同时|同時|顺便|順便|最后|最後|"
    r"还要|還要|再要|也要|另外再|然后再|然後再|帮我|幫我|帮忙|幫忙|麻烦|麻煩|请|請|"
    r"(?i:pls|please|help\s+me))\s*)*"
)
# "已经下单的" after 去掉: 已经/已 says "already", which the condition already means.
_ALREADY_ZH = lazy_pattern(r"^(?:已经|已經|已)(?=\S)")

_THESE_EN = (  # longest first: "these customers" is one pointer, not "these" + "customers"
    # the answer by its size: "of these two", "among those 3 customers", "the two of them"
    r"(?:(?:these|those|the)\s+(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
    r"(?:\s+(?:customers|people|ones|clients|contacts))?|"
    r"(?:these|those|the)\s+(?:customers|people|ones|clients|contacts)|these|those|them|"
    r"the\s+above|the\s+results?|this\s+list|that\s+list|the\s+list|"
    # "of that lot", "this bunch", "that group of customers": the answer as a group
    r"(?:that|this|the)\s+(?:lot|bunch|batch|group|crowd)(?:\s+of\s+(?:customers|people|clients))?)"
)
_WITHIN_EN = (
    r"(?:and\s+|then\s+|now\s+|ok,?\s+|so\s+)?"
    rf"(?:of|among|amongst|from|out\s+of|within|in)\s+{_THESE_EN}"
)
_ONLY_EN = (
    r"(?:keep\s+only|only\s+keep|keep\s+just|just\s+keep|show\s+only|only\s+show|just\s+show|"
    r"(?:narrow|filter|limit|restrict|cut|trim|zoom)(?:\s+(?:it|them|this|that|these|those|the\s+list))?"
    r"(?:\s+(?:down|in))?\s+(?:to|by|for|on)|narrow\s+(?:it\s+|them\s+)?down|focus\s+on|"
    r"keep(?=\s+(?:the\s+ones|those|these|people|customers|the\s+customers)\b)|"
    # Chinese verbs before an English condition ("只要 the VIPs" reads in the Chinese frame;
    # "narrow 到 women", "filter 出 the VIPs": a Chinese particle after an English verb).
    r"(?:narrow|filter)(?:\s+down)?\s*(?:到|成|出来|出來|出|一下|下)|only|just)"
)
# "also drop …", "and without …", "then exclude …": chaining words before only/without.
_CHAIN_EN = (
    r"(?:(?:and|also|then|now|plus|but|ok|okay|so|further|additionally|too|please|pls|"
    r"can\s+you|could\s+you)[\s,]+)*"
)
_DROP_EN = (
    r"(?:exclude|excluding|without|except(?:\s+for)?|drop|remove|leave\s+out|minus|but\s+not|"
    r"take\s+out|filter\s+out|not\s+including|get\s+rid\s+of|kick\s+out)(?:\s*(?:掉|走|一下))?"
)
_TOO_EN = lazy_pattern(r"\s+(?:too|as\s+well|also)$", re.I)
# "those who ordered" is "who ordered" once the pointing is done.
# ("customers to develop", "people to win back": a kind of customer named, no pointer)
_POINTER_EN = lazy_pattern(
    r"^(?:the\s+ones|ones|those|these|them|the\s+people|people|the\s+customers|customers)\b"
    r"(?!\s+to\b)\s*",
    re.I,
)

# 给/把 before the pointer belongs to the action on the narrowed answer: "给这些客户里上海的
# 发一张券" is "给上海的发一张券" on these.
_LEAD_ZH = r"(?:给|給|把|对|對|帮|幫|替)"
_ZH_REFINE = lazy_pattern(
    rf"^[{_PUNCT}]*(?:(?P<lead>{_LEAD_ZH})(?={_WITHIN_ZH}))?(?P<within>{_WITHIN_ZH})?[{_PUNCT}]*(?:{_CHAIN_ZH}(?=(?:{_ONLY_ANY_ZH}|{_DROP_ANY_ZH})))?(?P<op>{_ONLY_ANY_ZH}|{_DROP_ANY_ZH})?"
    rf"[{_PUNCT}]*(?P<rest>.*)$",
    re.S,
)
_EN_REFINE = lazy_pattern(
    rf"^[{_PUNCT}]*(?P<within>{_WITHIN_EN})?[{_PUNCT}]*(?:{_CHAIN_EN}(?=(?:{_ONLY_EN}|{_DROP_EN})\b))?"
    rf"(?P<op>{_ONLY_EN}|{_DROP_EN})?(?:\b|(?<=[\u3400-\u9fff]))"
    rf"[{_PUNCT}]*(?P<rest>.*)$",
    re.S | re.I,
)
# "how many of them …", "which of these …", "who among them …": the question word stays.
_EN_QUESTION_OF = lazy_pattern(
    # a chaining word first says nothing: "and how many of them …", "so which of those …"
    rf"^(?:(?:and|so|then|ok|okay|now|also|well|but|hmm+|right)[\s,]+)*"
    rf"(?P<q>how\s+many|which(?:\s+ones)?|who|what\s+share|list|show(?:\s+me)?|count|"
    rf"(?:are|is)\s+any|any(?:one)?)\s+"
    rf"(?:of|among|amongst|from|in)\s+{_THESE_EN}\b",
    re.I,
)
# "top 3 of those by spend", "the bottom 2 among them by spending": a ranking of the answer,
# its size said before the pointer and its measure after.
_EN_RANK_OF = lazy_pattern(
    r"^(?P<head>(?:the\s+)?(?:top|bottom|highest|lowest|biggest|smallest)\s+"
    r"(?:\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten)(?:\s+spenders)?)\s+"
    rf"(?:of|among|amongst|from|in)\s+{_THESE_EN}\b",
    re.I,
)
# "… among them?", "… of these", "… in this list" at the end.
_EN_TRAILING = lazy_pattern(
    rf"[{_PUNCT}]*\b(?:of|among|amongst|from|in)\s+{_THESE_EN}[{_PUNCT}]*$", re.I
)
# 呢 and the ways chat spells it (咧, 捏, 涅, 嘞, 呐, 哩): "那北京的捏" is "那北京的呢".
ZH_NE = r"(?:呢|咧|捏|涅|嘞|呐|哩)"
_ZH_ECHO = lazy_pattern(rf"{ZH_NE}\s*[?？。.!！]*\s*$")
_EN_ECHO = lazy_pattern(
    r"^\s*(?:and\s+|then\s+|ok,?\s+|so\s+)?(?:(?:what|how)\s+about|same\s+(?:for|with)|what\s+if)"
    r"\b\s*",
    re.I,
)
# "and in Beijing?", "then VIPs", "Beijing instead": no question word, only the previous
# question again with this said (read last, when nothing else matched).
# (normalising drops the space before a Chinese word: "and金卡?")
_EN_LOOSE_LEAD = lazy_pattern(
    r"^\s*(?:and|then|also|now)(?:\s+|(?=[^\x00-\x7f]))(?P<rest>.+)$", re.I | re.S
)
# "Beijing instead", "Zhao Liu's then" (after "fine," or "ok,"): the previous question again
# with this said in place of its like.
# "change it to customers who bought Serum X", "switch to Beijing", "swap it for the VIPs",
# "replace it with last month": the previous question with this in place of its like.
_EN_CHANGE_TO = lazy_pattern(
    r"^(?:(?:ok|okay|and|then|now|so|well|hmm+|actually|no|sorry)[,!]?\s+)*(?:please\s+)?"
    r"(?:(?:can|could|would)\s+you\s+)?(?:let'?s\s+)?"
    r"(?:(?:change|switch|swap|turn|flip)\s+(?:(?:it|that|this|them|the\s+(?:question|list|condition))\s+)?"
    r"(?:to|for|into|over\s+to)|replace\s+(?:it|that|this)\s+with|"
    # "make that customers to keep", "make it Beijing": the thing asked, said anew
    r"make\s+(?:it|that|this|them)|"
    # "use 金卡 instead", "try Beijing", "go with last month": the value to use in its place
    r"(?:use|try|go\s+with|pick)|"
    # "instead, Beijing", "rather the VIPs", "instead of that, customers to keep"
    r"(?:instead|rather)(?:\s+of\s+(?:that|this|those|them|it))?[,:]?)\s+(?P<rest>.+)$",
    re.I | re.S,
)
_EN_INSTEAD = lazy_pattern(
    r"^(?:(?:fine|ok|okay|alright|well|right|actually|no|sorry)[,!]?\s+)?(?P<rest>.+?)[,]?\s+"
    r"(?P<tail>instead|then|rather)(?:\s+please)?\s*[?!.]*$",
    re.I | re.S,
)


_EDGES = _PUNCT.replace("\\s", "") + " "


@dataclass(frozen=True)
class FollowUp:
    """The previous segment narrowed by `rest`'s conditions (AND, or AND NOT for WITHOUT).

    `echo`: the message asks nothing of its own ("其中女性呢", "what about women?"), so it
    asks what the previous answer was asked, unless `rest` has its own verb."""

    mode: str
    rest: str
    echo: bool
    # Said "these/其中" (or "of these"): with no previous answer it cannot be read alone.
    pointed: bool = True
    # 给/把 said before the pointer: the action's own word, to read with `rest`.
    lead: str = ""
    # "那上海的呢" / "what about VIPs?": no pointer, only the echo says it is about the
    # previous answer; what it adds must not clash with what that answer already says.
    loose: bool = False
    # Said as a group of the answer ("北京那两个", "the Beijing ones", "上海嗰啲"), no 其中.
    grouped: bool = False
    # Said only as that group ("待跟進嗰啲", "the 金卡 ones", "高意向那些"): no 其中/只要/only
    # of its own. After a correction it names the group meant instead (a swap), not a narrowing.
    group_alone: bool = False
    # Said as a swap in so many words (换成/換去/改做 …, "… instead", "make that …"): the
    # previous question with this in place of its like, even when it says "show me" or "how
    # many" of its own.
    swap: bool = False

    def readings(self) -> tuple[str, ...]:
        """What to parse as the new clause, in order: with the action's 给/把 when it was
        said; else as written, then with 给 before it ("这些里VIP的发一张券" drops the 给
        that "给VIP的发一张券" has)."""
        if self.lead:
            return (self.lead + self.rest,)
        if _is_latin(self.rest):
            return (self.rest,)
        return (self.rest, "给" + self.rest)


def _plain(text: str) -> str:
    # Full-width letters and digits read as half-width; case and script are kept. A dash or
    # bullet before the message ("- which of them are women?", "—其中女的") says nothing.
    return unicodedata.normalize("NFKC", text or "").strip().lstrip("-—–•*·>").strip()


# "加上北京的(呢)", "再加上金卡的", "北京的也算上", "连北京的也要", "把北京的也加进来", "add
# Beijing too", "also include VIPs", "plus 金卡 customers": one more value for a condition the
# previous answer has (上海 → 上海 or 北京). Never a tag or a save ("加上VIP标签", "add to").
_ALSO_ZH = lazy_pattern(
    r"^(?:那|那么|那麼|好|好的|再|还要|還要|另外|咁|噉)?[\s,，]*"
    # Cantonese 同埋 / 仲有埋 ("and also": 同埋廣州嘅) lead the value as 加上 does
    r"(?:(?:再)?(?:加上|加埋|加入|加多|包括|包含|算上|计上|計上|同埋|仲有埋|连埋|連埋)"
    r"(?!\s*(?:标签|標籤|tag))"
    r"\s*(?P<rest>.+?)|(?:连|連|把|将|將)?\s*(?P<rest2>.+?)\s*(?:也|都|(?i:also))\s*(?:一起|一齐|一齊)?\s*"
    r"(?:算上|算埋|算进来|算進來|算进去|算進去|加上|加进来|加進來|加埋|包括|包括进来|包括進來|"
    r"要|一起算|计上|計上|计埋|計埋|算))\s*(?:吧|呢|啊|呀|啦|进来|進來)*[?？。.!！]*$",
    re.S,
)
_ALSO_EN = lazy_pattern(
    r"^(?:(?:ok|okay|and|also|now|then)[\s,]+)*(?:(?:also\s+)?(?:add|include|throw\s+in|"
    r"add\s+in|plus|count\s+in)\s+(?P<rest>.+?)(?:\s+(?:too|as\s+well|also))?|"
    r"(?P<rest2>.+?)\s+(?:too|as\s+well))\s*[?.!]*$",
    re.I | re.S,
)
_OWN_VERB = lazy_pattern(
    r"^(?:drop|remove|exclude|excluding|without|only|just|keep|narrow|filter|except|not|no|"
    r"but|minus|take|get\s+rid|leave|show|list|count|export|tag|untag|send|give|who|which|"
    r"去掉|去除|剔除|排除|移除|删|刪|除了|除去|不要|唔要|只|淨係|净系|仅|僅|拿掉|减去|減去)",
    re.I,
)
_WHAT_ABOUT_EN = lazy_pattern(r"^(?:what|how)\s+about\s+", re.I)
_NOT_ALSO = lazy_pattern(r"(?:标签|標籤|标记|tag|分群|segment|\bto\b|名单|list)", re.I)


# One more condition said to be one ("再加上近7天有咨询这个条件", "加个条件：买过唇釉", "add the
# condition inquired in the last 7 days", "with an extra filter: women"): the previous answer
# narrowed (AND), never widened as "加上北京的" is.
_CONDITION_ZH = lazy_pattern(
    r"^(?:那|好|好的|再|还要|還要|另外|然后|然後|同时|同時|咁|噉)*[\s,，]*"
    r"(?:加上|加多|加埋|加|添加|添上|补上|補上|补充|補充|追加)\s*"
    r"(?:(?:一个|一個|个|個|一条|一條|条|條)?(?:筛选|篩選)?(?:条件|條件)\s*[:：,，]?\s*(?P<rest>.+?)|"
    r"(?P<rest2>.+?)\s*(?:这个|這個|呢个|呢個|这一个|的|嘅)?\s*(?:筛选|篩選)?(?:条件|條件))"
    r"\s*(?:吧|啦|呢|啊)*[?？。.!！]*$",
    re.S,
)
_CONDITION_EN = lazy_pattern(
    r"^(?:(?:ok|okay|and|also|now|then)[\s,]+)*(?:add|apply|with|plus)\s+(?:the\s+|a\s+|an\s+|"
    r"one\s+more\s+|another\s+)?(?:extra\s+|additional\s+|further\s+)?(?:condition|filter|"
    r"criterion)(?:\s+that|\s*:)?\s+(?P<rest>.+?)\s*[?.!]*$",
    re.I | re.S,
)


def read_condition_added(text: str) -> FollowUp | None:
    """`_CONDITION_ZH` / `_CONDITION_EN`: the condition to narrow the previous answer by."""
    plain = _plain(text)
    match = _CONDITION_EN.match(plain) if _is_latin(plain) else _CONDITION_ZH.match(plain)
    if match is None:
        return None
    rest = (match["rest"] or match.groupdict().get("rest2") or "").strip()
    if not rest or not _has_content(rest):
        return None
    return FollowUp(AND, rest, True, pointed=True)


def read_also(text: str) -> FollowUp | None:
    """ "加上北京的", "add Beijing too": the value to add as an alternative, or None."""
    plain = _plain(text)
    match = _ALSO_EN.match(plain) if _is_latin(plain) else _ALSO_ZH.match(plain)
    if match is None:
        return None
    rest = _WHAT_ABOUT_EN.sub("", (match["rest"] or match["rest2"] or "").strip())
    if not rest or _NOT_ALSO.search(rest) or _OWN_VERB.match(rest) or not _has_content(rest):
        return None  # "drop the male ones too", "plus exclude VIPs": a verb of its own
    return FollowUp(ALSO, rest, True, pointed=True)


def read_follow_up(text: str) -> FollowUp | None:
    """The follow-up `text` is, or None when it does not refer to the previous answer."""
    plain = _plain(text)
    if not plain:
        return None
    added = read_condition_added(plain)
    if added is not None:
        return added
    also = read_also(plain)
    if also is not None:
        return also
    plain = _SIZE_SAID.sub("", plain)  # "那不是VIP的两个呢": the ones not VIP ("…的呢")
    chained = _MIXED_CHAIN.match(plain)
    if chained:
        plain = plain[chained.end() :]
    plain = _pointer_first(plain)
    plain = _as_which_of_them(_zh_pointer_for_mixed(plain))
    plain, list_first = _without_list_first(plain)
    plain, listed = _without_list_them(plain)
    listed = listed or list_first
    plain, grouped, soft = _without_group_word(plain)
    follow = _read(plain)
    if follow is None and chained and _LOOSE_CHAIN.match(chained.group()) and _has_content(plain):
        # "and 金卡?", "then 上海的": the previous question again with this said, as
        # "and in Beijing?" / "那金卡的呢" (a same-kind value swaps, another kind adds)
        rest = _POINTER_EN.sub("", plain.strip(_EDGES)).strip(_EDGES)
        follow = FollowUp(AND, rest, True, pointed=False, loose=True) if rest else None
    if grouped:
        # "其中北京那组", "张三那组列出来", "the Beijing group": one group of the answer just
        # shown (a breakdown's row), so about that answer even with no pointer.
        rest = follow.rest if follow is not None else plain
        if not _has_content(rest):
            return None
        # "the Shanghai ones" with nothing shown before is read as it stands ("just the
        # at-risk ones then" after a question back); a group said with 那些/那组 is asked.
        pointed = not soft or (follow is not None and follow.pointed)
        follow = FollowUp(
            follow.mode if follow else AND,
            rest,
            False,
            pointed=pointed,
            grouped=True,
            group_alone=follow is None,
        )
    if follow is None and listed and _has_content(plain):
        follow = FollowUp(AND, plain, False, pointed=True)  # "北京的，把他们列出来"
    if follow is not None and listed:
        # "just Zhang San's, list them": the rows of the narrowed answer.
        rest = f"list {follow.rest}" if _is_latin(follow.rest) else f"{follow.rest}列出来"
        follow = replace(follow, rest=rest, echo=False, pointed=True)
    return follow


# The size of the ones asked about said after them ("那不是VIP的两个呢", "女嘅三位呢",
# "男的那俩呢" is a group): it says no condition; never after a ranking's word (最多的两个).
_SIZE_SAID = lazy_pattern(
    r"(?<=[\u4e00-\u9fffA-Za-z][的嘅])(?<![多少高低大小早晚新旧才刚剛前先面初头頭中里裡这這那嗰后後近久][的嘅])"
    r"(?:[两兩俩倆二三四五六七八九十]|\d{1,3})\s*(?:个|個|位)(?:人|客户|客戶|客)?"
    r"(?=\s*(?:呢|吧|啊|呀|嘞|咧|啦)\s*[?？。.!！]*\s*$)"
)


# A time said before the pointer ("这两天她们有下单吗", "最近佢哋有冇买嘢", "上个月这些人里…"):
# the same follow-up as with the pointer first; a vague time in it is then asked back, and the
# period given next answers it.
_TIME_FIRST = lazy_pattern(
    r"^(?P<time>这两天|這兩天|这几天|這幾天|最近|最近几天|最近幾天|近期|近来|近來|呢排|近排|呢几日|呢幾日|"
    r"这段时间|這段時間|这阵子|這陣子|前阵子|前陣子|今天|今日|昨天|昨日|本周|本週|这周|這週|上周|上週|"
    r"本月|这个月|這個月|上个月|上個月|今年|去年|"
    r"(?:近|最近|过去|過去)?\s*\d{1,3}\s*(?:天|日|周|週|个月|個月))\s*[,，、]?\s*"
    rf"(?P<pointer>(?:{_THESE_ZH})(?!的))"
)


def _pointer_first(plain: str) -> str:
    """`plain` with a leading time put after the pointer that follows it."""
    found = _TIME_FIRST.match(plain)
    if found is None:
        return plain
    return f"{found['pointer']}{found['time']}{plain[found.end() :]}"


# "…, list them" / "…，把他们列出来" after the conditions: a list of what they narrow to, said
# with a pronoun that is no condition.
_LIST_THEM = lazy_pattern(
    r"(?:[\s,，;；]+(?:and\s+|then\s+|please\s+)*(?:list|show(?:\s+me)?|give\s+me|pull\s+up)"
    r"\s+(?:them|those|these|the\s+names|the\s+list)(?:\s+all)?(?:\s+please)?|"
    r"[\s,，;；]*(?:然后|然後|再)?(?:把|将|將)?(?:他们|她们|他們|她們|佢们|佢們|这些人?|這些人?|呢啲)"
    r"(?:都|全部)?(?:列出来|列出來|列晒出来|列晒|列出|列一下))"
    rf"[{_PUNCT}]*$",
    re.I,
)
# A group of a breakdown named by its value: "北京那组", "张三这一组", "the Beijing group",
# "Zhang San's group" (not 我们这组, my team).
# "北京那3个是谁", "北京那两个", "深圳那个是谁", "深圳嗰個係邊個", "王五那几位": a group (or
# the one customer) named by its value and its size, as a breakdown or a list showed it. The
# value comes right before 那/嗰 (never 的那, 最多那 — a ranking's — or 刚才那, going back).
_GROUP_COUNT_ZH = r"(?:\d{1,4}|[两兩俩倆二三四五六七八九十]|几|幾)?"
# Characters a value never ends in: verbs and prepositions before "those" (给那些, 不要那些,
# 看看那些, 同嗰啲, 除了那些, 是那些 …).
_NOT_A_VALUE_END = (
    "给給帮幫把将將对對要掉除看有是和跟与與及或同俾畀在从從向替为為只就到了内內出发發打"
)
_GROUP_ZH = lazy_pattern(
    # "客户等级这组标签": a group of tags (a tag group), no row of an answer
    r"(?<![们們我咱])(?:(?:那|这|這|呢|嗰)(?:一)?(?:个|個)?(?:组|組)(?!的?(?:标签|標籤|tag))(?:的|嘅)?|"
    r"(?<=[\u4e00-\u9fffA-Za-z])(?<![的嘅多少才刚剛前先面早初头頭其中里裡这這那嗰])"
    r"(?:那|嗰)" + _GROUP_COUNT_ZH + r"(?:个|個|位)(?:人|客户|客戶|客)?(?:的|嘅)?|"
    # "上海的那位", "女的那个", "张三嘅嗰兩個": 的 before it too, unless after a ranking's or a
    # time's word ("最多的那个", "刚才的那个", "前面的那个")
    r"(?<=[\u4e00-\u9fffA-Za-z][的嘅])(?<![多少高低大小早晚新旧才刚剛前先面初头頭中里裡这這那嗰后後近久][的嘅])"
    r"(?:那|嗰)" + _GROUP_COUNT_ZH + r"(?:个|個|位)(?:人|客户|客戶|客)?(?:的|嘅)?|"
    # "上海那些", "VIP的那些", "上海嗰啲", "北京嘅嗰班": the ones of the answer with that value
    # (never 刚才的那些 / 上次那批 — going back — nor 最多的那些, a ranking's)
    # (never after a verb or a preposition: 给那些VIP, 不要那些, 同嗰啲 point at customers)
    r"(?<=[\u4e00-\u9fffA-Za-z])(?<![的嘅多少高低大小晚新旧才刚剛前先面早初头頭其中里裡这這那嗰次们們后後近久"
    + _NOT_A_VALUE_END
    + r"])"
    r"(?:的|嘅)?(?:那|嗰)(?:些|啲|批|班)(?:人|客户|客戶|客)?(?:的|嘅)?)"
    # 国庆回馈那个活动 / 嗰個活動 / 那檔活動: which campaign, no group of customers
    r"(?!\s*(?:营销|營銷)?(?:活动|活動|campaign))"
)
# Words that go before "one(s)" and are no group's value: a pick, an order, a kind of customer.
_NOT_A_GROUP_EN = (
    r"(?:first|second|third|fourth|fifth|last|other|new|same|next|previous|right|wrong|only|"
    r"old|latest|earlier|above|top|bottom|biggest|best|this|that|these|those|which|each|every|"
    r"past|recent|coming|following|prior)"
)
# "the ones in Beijing" / "the VIP ones" are the answer's pointer or a swap ("what about the
# ones in Beijing?"), which the readers below read: a group is said with its size.
_GROUP_NUMBER_EN = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3})"
_GROUP_EN = lazy_pattern(
    # (never a campaign's "holdout group" / "control group": no group of an answer)
    r"\bthe\s+(?P<v>[^,.;?!]+?)(?<!\btag)(?<!\bholdout)(?<!\bcontrol)\s+(?:group|bucket)\b|"
    # "Wang Wu's own group", "my own group": own says whose, no more
    r"(?P<o>\S+'s|\bmy(?=\s+own\b))\s+(?:own\s+)?(?:group|bucket)\b|\bthe\s+(?:group|bucket)\s+(?:for|of)\s+(?P<f>[^,.;?!]+)|"
    # "the one in Shanghai", "the two from Beijing", "the ones in 上海"
    rf"\bthe\s+{_GROUP_NUMBER_EN}\s+(?:in|from|at|based\s+in)\s+(?P<p>[^,.;?!]+?)"
    r"(?=\s*(?:[,.;?!]|$|\s+(?:is|are|was|were|who|please)\b))|"
    # "the Shenzhen one", "the Beijing two", "the VIP ones"
    rf"\bthe\s+(?!{_NOT_A_GROUP_EN}\b)(?P<n>[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff-]*)\s+"
    # (never "the past 30 days": a number before a time unit is a window)
    rf"{_GROUP_NUMBER_EN}\b(?!\s+(?:of|in|from|at|who|that|which)\b)"
    r"(?!\s*(?:days?|weeks?|months?|years?|hours?|d|h|wks?|mos?|yrs?)\b)",
    re.I,
)


# "列出其中的女性", "看看这些里面上海的", "show me among them the women" (a list verb before the
# pointer): the narrowing, listed — as "其中的女性，把她们列出来" is.
_LIST_FIRST = lazy_pattern(
    r"^\s*(?:帮我|幫我|请|請|麻烦|麻煩|给我|給我)?\s*"
    r"(?:列出来|列出來|列出|列一下|列下|列|看看|看一下|看下|查一下|查查|查下|显示|顯示|睇下|睇睇|"
    r"睇吓|睇|搵下|找出|找一下)\s*"
    r"(?=(?:其中|这些|這些|那些|这批|這批|他们|她们|他們|她們|佢哋|佢地|呢啲|嗰啲|呢班|嗰班|"
    r"里面|裡面|入面|当中|當中)(?!\s*(?:有几|有幾|有多少|几个|幾個|多少)))"
)


def _without_list_first(text: str) -> tuple[str, bool]:
    found = _LIST_FIRST.match(text)
    if found is None:
        return text, False
    rest = text[found.end() :]
    if re.fullmatch(rf"\s*{_WITHIN_ZH}[{_PUNCT}]*(?:的|嘅)?(?:客户|客戶|人)?[{_PUNCT}]*", rest):
        return text, False  # "列出其中", "看看这些人": no condition to narrow by
    if re.search(r"(?:几|幾|多少|数量|數量|人数|人數)", rest):
        return rest, False  # "看看其中女的有几个": a count, no list
    return rest, True


# "these 里面 male 的", "those 當中 上海嘅", "them 入面 VIP": an English pointer before a Chinese
# "in": the Chinese pointer, so what follows narrows the answer as "这些里面…" does.
_MIXED_POINTER = lazy_pattern(
    r"^\s*(?:(?:all\s+)?(?:these|those|them)(?:\s+(?:customers|people|ones|guys|clients|folks))?)"
    r"\s*(?=(?:里面|裡面|裏面|里头|裡頭|入面|入便|当中|當中|之中|中间|中間|里|裡|裏|中)(?![a-z]))",
    re.I,
)


def _zh_pointer_for_mixed(text: str) -> str:
    found = _MIXED_POINTER.match(text)
    return f"这些{text[found.end() :]}" if found else text


# "have any of them ordered?", "did any of these visit", "are any of those in Shanghai",
# "has anyone of them bought 唇釉": which of them, listed ("which of them have ordered").
_ANY_OF_THEM = lazy_pattern(
    r"^\s*(?:(?:and|so|ok|okay|now|then|well|hmm+)[\s,]+)*"
    r"(?P<aux>have|has|had|did|do|does|are|is|were|was)\s+any(?:one|body|\s+one)?\s+"
    r"(?:of\s+)?(?:(?:these|those|the)\s+(?:customers|people|ones|clients|guys)|them|these|those)"
    r"\s+(?P<rest>(?:ever\s+)?[a-z\u4e00-\u9fff].*)$",
    re.I | re.S,
)


def _as_which_of_them(text: str) -> str:
    found = _ANY_OF_THEM.match(text)
    if found is None:
        return text
    return f"which of them {found['aux'].lower()} {found['rest']}"


def _without_list_them(text: str) -> tuple[str, bool]:
    found = _LIST_THEM.search(text)
    if found is None or found.start() == 0:
        return text, False
    return text[: found.start()].strip(), True


# "tag the Shanghai ones 待跟进", "send those in Beijing a coupon", "the VIP ones?": "ones" and
# "those in" stand for customers already shown, so they are some of the answer — except in
# "what about the ones in Beijing?" / "and the VIP ones?", which ask the question again (a swap).
_ONES_EN = lazy_pattern(
    rf"\bthe\s+(?!{_NOT_A_GROUP_EN}\b)(?P<n>[A-Za-z\u4e00-\u9fff][\w\u4e00-\u9fff-]*)\s+ones\b|"
    r"\b(?:the\s+ones|those)\s+(?:in|from|at|based\s+in)\s+(?P<p>[^,.;?!]+?)"
    r"(?=\s*(?:[,.;?!]|$|\s+(?:is|are|was|were|who|please|as|with|a|an)\b|\s*[\u4e00-\u9fff“\"']))",
    re.I,
)
_ASKED_AGAIN_EN = lazy_pattern(
    r"^\s*(?:(?:what|how)\s+about|same\s+(?:for|with)|and|then|now)\b", re.I
)


# A space typed between a group's value and its "those" ("王五 那三个 list 一下", "VIP 嗰啲").
_SPACE_BEFORE_GROUP = lazy_pattern(
    r"(?<=[\u4e00-\u9fffA-Za-z0-9])\s+(?=(?:那|嗰)" + _GROUP_COUNT_ZH + r"(?:个|個|位|些|啲|批|班))"
)


# 开 / 開 alone before a group of the table ("開上海嗰組", "开张三那组睇睇"): open it. Only
# with the group word after it, where 开 can be no part of what is asked (开单, 开封).
_OPEN_FIRST = lazy_pattern(r"^(?:开|開)(?=[^，,。]{1,16}?(?:那|嗰|这|這|呢)?(?:一)?[组組])")


# "点开张三的组", "點開 张三 嘅 group", "open 张三 的 group": opened, X的组 is the table's group X
# (alone, 张三的组 could be his team).
_OPENED_OF = lazy_pattern(
    r"^(?P<verb>点开|点进|打开|展开|开|open)\s*(?P<v>[^，,。\s][^，,。]{0,15}?)\s*(?:的|嘅)\s*"
    r"(?:组|group)(?P<tail>\s*(?:看看|睇睇|睇下|吧|啦)?)$",
    re.I,
)


def _without_group_word(text: str) -> tuple[str, bool, bool]:
    """`text` with a group word said as the group's value, whether there was one, and whether
    it was only "ones"/"those in" (soft: no group said as such)."""
    opened = _OPENED_OF.match(text.strip())
    if opened is not None:
        text = f"{opened['verb']}{opened['v'].strip()}那组{opened['tail'].strip()}"
    text = _SPACE_BEFORE_GROUP.sub("", text)  # "王五 那三个": typed with a space
    if _GROUP_ZH.search(text):
        text = _OPEN_FIRST.sub("", text)  # "開上海嗰組": 开 alone opens the group named
        return _GROUP_ZH.sub("的", text).replace("的的", "的"), True, False
    if not _is_latin(text):
        return text, False, False
    found = _GROUP_EN.search(text)
    soft = found is None
    if found is None and not _ASKED_AGAIN_EN.match(text):
        found = _ONES_EN.search(text)
    if found is not None:
        if found["p"]:
            said = f"the ones in {found['p']}"
        else:
            named = found.groupdict()
            said = named.get("o") or f"the {named.get('v') or named.get('f') or found['n']} ones"
        return text[: found.start()] + said + text[found.end() :], True, soft
    return text, False, False


def _read(plain: str) -> FollowUp | None:
    if _is_latin(plain):
        # "其中 ordered in the last 30 days": a Chinese pointer before an English clause.
        return _read_english(plain) or (_read_chinese(plain) if _ZH_POINTER.match(plain) else None)
    if _LATIN_START.match(plain):
        # English around a Chinese name ("how many of them are tagged 金卡", "of these, 上海的"):
        # the English pointers first, then the Chinese ones ("VIP里上海的").
        return _read_english(plain) or _read_chinese(plain)
    return _read_chinese(plain)


_LATIN_START = lazy_pattern(r"^[\W_]*[A-Za-z]")
_ZH_POINTER = lazy_pattern(r"^[\W_]*[\u4e00-\u9fff]")


def _is_latin(text: str) -> bool:
    """An English sentence, Chinese names in it or not ("of these, who is tagged 金卡")."""
    return language_of(text) == "en"


# "王五嘅又點", "李四的又怎么样", "北京的如何": what about X, said with a how-word for 呢
_HOW_ABOUT_ZH = (
    r"(?:又|又係|又系)?(?:点样|點樣|点|點|怎么样|怎麼樣|怎样|怎樣|如何|咋样|咋樣)(?:呢|啊|呀)?"
)
_HOW_ABOUT_TAIL = lazy_pattern(_HOW_ABOUT_ZH + r"$")
_ZH_LOOSE = lazy_pattern(
    r"^(?P<lead>(?:那么|那麼|那|那如果是|如果是|换成|換成|还有|還有|咁样|噉样|咁樣|噉樣|"
    r"(?:咁|噉)?如果(?:係|系)|咁|噉)?)\s*(?P<rest>.+?(?:" + ZH_NE + "|" + _HOW_ABOUT_ZH + r"))"
    r"\s*[?？。.!！]*$",
    re.S,
)


# Cantonese and colloquial "make it": 转做7日, 改做上海, 换做上个月, 转成…, 改返 (back to).
# 变成/變成 (become): "变成买过精华液的" says what the question is about now.
_TURN_INTO_ZH = (
    r"转做|轉做|改做|换做|換做|转成|轉成|转为|轉為|转去|轉去|换去|換去|改去|改返|转返|轉返|换返|換返|"
    r"变成|變成|变为|變為|改咗做|改咗去|转咗做|轉咗做|转咗去|轉咗去|换咗做|換咗做|换咗去|換咗去"
)
# A window made wider or narrower: 放宽到30天, 把时间拉长到一个月, 範圍縮短到7天, 放闊到90日,
# 拉到三個月, 时间段调成上个月. The verb is always followed by 到/至/成/为 (延长一个月 says by
# how much, not to what: it is no swap).
_RESIZE_ZH = (
    r"(?:把|将|將)?\s*(?:(?:查询|查詢|统计|統計)?(?:时间|時間|时段|時段|时间段|時間段|时间范围|時間範圍|"
    r"范围|範圍|窗口|周期|週期|期间|期間|天数|天數|日子|"
    # the English noun in a Chinese frame: "range 放大到 60 天", "window 拉长到三个月"
    r"(?i:(?:the\s+)?(?:date\s+|time\s+)?(?:range|window|period|time\s*frame|dates?|time)))\s*)?"
    r"(?:再|都|也)?\s*"
    r"(?:往前|往回|往后|往後|向前|向后|向後|向回)?\s*"
    r"(?:放宽|放寬|放松|放鬆|扩大|擴大|扩展|擴展|扩阔|擴闊|放阔|放闊|拉阔|拉闊|拉长|拉長|延长|延長|"
    r"加长|加長|放长|放長|收窄|缩窄|縮窄|缩短|縮短|缩小|縮小|收紧|收緊|减少|減少|收细|收細|改短|改长|改長|"
    r"放大|加大|拉大|延伸|提高|调高|調高|调低|調低|降低|降|"
    r"往前推|往回推|向前推|推前|拉|放|调|調|改|推|缩|縮|减|減|加|睇|看)\s*(?:返|番|一下|下)?\s*"
    r"(?:到|至|成|为|為)"
)
# What a swap may end with besides 呢: 睇下/看看 (have a look), 吧/啦, 得唔得 (will that do).
_SWAP_ASIDE_ZH = (
    r"(?:睇下|睇吓|睇睇|睇一睇|睇一下|看看|看一下|看下|瞧瞧|试试|試試|试下|試下|得唔得|得不得|"
    r"行不行|行唔行|可以吗|可以嗎|可唔可以|好吗|好嗎|好唔好|吧|啦|喇|吖|呀|啊|先|囉|啰)"
)
# How many, said after a swapped window ("那整个十月一共几个", "今年成年計"): the count asked
_COUNT_TAIL = lazy_pattern(
    r"\s*(?:(?:一共|总共|總共|合共|加埋)?(?:有)?(?:几个|幾個|几位|幾位|多少人?|几多人?|几多个|"
    r"幾多人?|幾多個|幾多位)|"
    r"(?:来|來|嚟)?(?:计|計|算))\s*(?:呢|啊|呀)?\s*$"
)


def says_count_after(text: str) -> bool:
    """Whether `text` ends by asking how many ("那十月一共几个")."""
    return _COUNT_TAIL.search(_plain(text).strip(_EDGES)) is not None


_SWAP_ASIDE_TAIL = lazy_pattern(rf"(?:\s*{_SWAP_ASIDE_ZH}|[{_PUNCT}])+$")


# "换成李四", "改成北京的": a swap said as such, with or without 呢.
_ZH_SWAP = lazy_pattern(
    rf"^(?:那|那么|那麼|咁|噉|嗯|好|OK|ok)?[{_PUNCT}]*(?:(?:那就|咁就|噉就|就|再|不如|不若|或者)\s*)?"
    rf"(?P<lead>换成|換成|改成|改为|改為|换为|換為|换一下|換一下|{_TURN_INTO_ZH}|"
    # "改看蘇州的", "换睇北京", "轉看女的": look at another value instead
    r"(?:改|换|換|转|轉)(?:看|睇|查)|"
    # 换 alone, a space after it: "换 北京", "換 上個月" (the rest must be a value alone)
    r"(?:换|換)(?=\s)|"
    # the verb glued to the value, a look after it: "轉北京睇吓", "换上海看看", "改九月看下"
    r"(?:改|换|換|转|轉)(?=[^\s\s,，、:：;；.。!！?？~～]{1,8}?(?:睇吓|睇下|睇睇|睇|看看|看下|看一下|瞧瞧|试试|試試)))"
    r"\s*(?P<rest>.+?)"
    r"\s*[?？。.!！]*$",
    re.S,
)


# "再把上海的去掉", "把VIP的也剔除", "把這些裡北京的拿掉": the part to drop between 把 and a
# verb put after it. Not "把X的VIP标签去掉", which untags (a tag before the verb).
_ZH_PUT_AWAY = lazy_pattern(
    rf"^[{_PUNCT}]*{_CHAIN_ZH}(?:把|将|將)\s*(?:{_WITHIN_ZH})?(?P<rest>.+?)\s*"
    r"(?:也|都|全|全部|统统|統統|给|給|一起)*\s*"
    r"(?:去掉|去除|剔除|排除|拿掉|删掉|刪掉|删除|刪除|移除|踢掉|除掉|筛掉|篩掉|过滤掉|過濾掉)"
    rf"(?:吧|了|掉|一下)*[{_PUNCT}]*$",
    re.S,
)
# "广州的去掉，还剩几个", "北京嘅唔要", "VIP的都拿掉吧": the ones of a value, then the verb (no
# 把): "去掉广州的…" as written the usual way; what follows a comma is asked of what is left.
_ZH_DROPPED_AFTER = lazy_pattern(
    rf"^[{_PUNCT}]*{_CHAIN_ZH}(?P<rest>[^{_PUNCT}]+?(?:的|嘅))\s*"
    r"(?:也|都|全|全部|统统|統統|就)*\s*"
    r"(?P<verb>去掉|去除|剔除|排除|拿掉|删掉|刪掉|删除|刪除|移除|踢掉|踢走|除掉|筛掉|篩掉|不要|唔要|不用|唔使|"
    r"过滤掉|過濾掉|攞走|拎走|剔走)"
    rf"(?:吧|了|掉|一下|啦|先)*(?P<after>[{_PUNCT}].*)?$",
    re.S,
)
_ONLY_PEOPLE = lazy_pattern(r"^(?:人|客户|客戶|用户|用戶|的|们|們)+$")
_TAG_WORD = lazy_pattern(r"(?:标签|標籤|標簽|tag)$", re.I)
# "also 去掉上海的", "and 只要女的": an English chaining word before a Chinese refinement.
_MIXED_CHAIN = lazy_pattern(r"^\s*(?:and|also|then|plus|now)\s*(?=[\u4e00-\u9fff])", re.I)
_LOOSE_CHAIN = lazy_pattern(r"^\s*(?:and|then|now)\b", re.I)


def _put_away(text: str) -> FollowUp | None:
    match = _ZH_PUT_AWAY.match(text)
    if match is None:
        return None
    rest = _ALREADY_ZH.sub("", match["rest"].strip())
    if not _has_content(rest) or _TAG_WORD.search(rest.rstrip("的")) or _ONLY_PEOPLE.match(rest):
        return None
    return FollowUp(WITHOUT, rest, False, pointed=bool(re.search(_WITHIN_ZH, text[:6])))


def _verb_first(text: str) -> str:
    """ "广州的去掉，还剩几个" as "去掉广州的，还剩几个" (the verb before what it drops)."""
    match = _ZH_DROPPED_AFTER.match(text)
    if match is None or _TAG_WORD.search(match["rest"].rstrip("的嘅")):
        return text  # "VIP标签的去掉" untags
    return f"{match['verb']}{match['rest']}{match['after'] or ''}"


def _read_chinese(text: str) -> FollowUp | None:
    text = _verb_first(text)
    put_away = _put_away(text)
    if put_away is not None:
        return put_away
    match = _ZH_REFINE.match(text)
    if match is None or not (match["within"] or match["op"]):
        swap = _ZH_SWAP.match(text)
        loose = swap or _ZH_LOOSE.match(text)
        if loose is None or not _has_content(loose["rest"]):
            return None
        rest = _HOW_ABOUT_TAIL.sub("呢", loose["rest"])  # 又點 says what 呢 says
        if swap is not None:  # "換去上海睇下", "换成北京吧": the swap's own words are no condition
            rest = _SWAP_ASIDE_TAIL.sub("", rest).strip(_EDGES) or rest
        if not _has_content(rest):
            return None
        said = bool(loose["lead"])
        return FollowUp(AND, rest, True, pointed=said, loose=True, swap=swap is not None)
    rest = match["rest"].strip()
    op = match["op"] or ""
    dropping = bool(op) and re.fullmatch(_DROP_ANY_ZH, op) is not None
    if dropping:
        rest = _ALREADY_ZH.sub("", rest)
    if not rest or not _has_content(rest):
        return None
    echo = bool(_ZH_ECHO.search(rest))
    mode = WITHOUT if dropping else AND
    return FollowUp(mode, rest, echo, pointed=bool(match["within"]), lead=match["lead"] or "")


def _read_english(text: str) -> FollowUp | None:
    echo = bool(_EN_ECHO.match(text))
    body = _EN_ECHO.sub("", text)
    ranked = _EN_RANK_OF.match(body)
    if ranked:
        rest = f"{ranked['head']} {body[ranked.end() :].strip()}"
        return _english(AND, rest, echo, pointed=True)
    question = _EN_QUESTION_OF.match(body)
    if question:
        rest = f"{question['q']} {body[question.end() :].strip()}"
        return _english(AND, rest, echo, pointed=True)
    trailing = _EN_TRAILING.search(body)
    if trailing and trailing.start() > 0:
        head = _EN_REFINE.match(body[: trailing.start()])
        op = head["op"] if head else None
        rest = head["rest"] if head and op else body[: trailing.start()]
        return _english(_mode_en(op), rest, echo, pointed=True)
    match = _EN_REFINE.match(body)
    if match is None or not (match["within"] or match["op"]):
        lead = None if echo else _EN_LOOSE_LEAD.match(body)  # "and in Beijing?"
        body = lead["rest"] if lead else body
        body, swap = _said_as_swap(body)  # "Beijing instead", "make that Beijing"
        then = None if echo or swap else _EN_INSTEAD.match(body)  # "Zhao Liu's then"
        body = then["rest"] if then else body
        echo = echo or bool(lead or swap or then)
        if echo and _has_content(body):  # "what about VIPs?"
            rest = _POINTER_EN.sub("", body.strip(_EDGES)).strip(_EDGES)
            return FollowUp(AND, rest, True, pointed=False, loose=True, swap=swap) if rest else None
        return None
    return _english(_mode_en(match["op"]), match["rest"], echo, pointed=bool(match["within"]))


def _said_as_swap(body: str) -> tuple[str, bool]:
    """`body` without the words that say it swaps ("make that …", "instead, …", "… instead",
    "… rather"), and whether there were any ("… then" is no swap of its own)."""
    swap = False
    for _ in range(2):  # "and make that customers to keep instead"
        changed = _EN_CHANGE_TO.match(body)
        if changed is None:
            changed = _EN_INSTEAD.match(body)
            if changed is None or changed["tail"].lower() == "then":
                break
        body, swap = changed["rest"], True
    return body, swap


def _mode_en(op: str | None) -> str:
    return WITHOUT if op and re.fullmatch(_DROP_EN, op.strip(), re.I) else AND


# "only the guys", "drop the girls": said alone after only/without, people words that can only
# mean a gender ("the guys in Shanghai" elsewhere are just customers: tests corpus, issue 19).
_GENDER_ALONE_EN = lazy_pattern(
    r"^(?:the\s+)?(?:(?P<men>guys|boys|lads|gents|fellas|fellows|dudes|blokes)|"
    r"(?P<women>gals|girls|ladies|lady))(?:\s+ones)?$",
    re.I,
)


def _gender_alone(rest: str) -> str:
    found = _GENDER_ALONE_EN.match(rest)
    if found is None:
        return rest
    return "men" if found["men"] else "women"


def _english(mode: str, rest: str, echo: bool, *, pointed: bool) -> FollowUp | None:
    rest = _gender_alone(_POINTER_EN.sub("", rest.strip(_EDGES)).strip(_EDGES))
    rest = _TOO_EN.sub("", rest).strip(_EDGES)  # "drop the men too"
    if not rest or not _has_content(rest):
        return None
    if not pointed and mode == AND and re.match(r"^\d", rest):
        return None  # "only 3 …" is a count ("exactly"), not "only these"
    return FollowUp(mode, rest, echo, pointed=pointed)


def _has_content(rest: str) -> bool:
    """Something left to read as conditions (not only punctuation or 呢/的)."""
    return bool(re.sub(rf"[{_PUNCT}的呢吗嗎咧啊呀吧]+", "", rest))


# ---- export what was just shown ----------------------------------------------------------

# "导出这个", "把这个导出来", "導出這張表", "下载一下", "export this", "download that table":
# an export of the previous answer, whatever it showed (a list, a table, a card).
_EXPORT_ZH = (
    # 汇出/匯出 is Taiwan usage for 导出
    # export/download among Chinese words ("刚才那个 export 一下": the spaces are taken out)
    r"(?:导出|導出|汇出|匯出|下载|下載|导成|導成|导|導|export|download)(?:出来|出來|出嚟|嚟|来|來|一下|下)?"
    r"(?:成|为|為)?(?:excel|xlsx|表格|文件)?"
)
_THIS_ZH = (
    r"(?:这个|這個|这些|這些|这张表|這張表|这个表|這個表|这份|這份|上面的|刚才的|剛才的|"
    # 刚才那个 (the one just now), 这4个 / 那两位 (the answer, its size said again)
    r"(?:刚才|剛才|刚刚|剛剛)(?:那个|那個|那些|那份|那张表|那張表)|"
    r"(?:这|這|那|呢)[0-9两兩俩倆二三四五六七八九十]{1,3}(?:个|個|位|名)(?:人|客户|客戶|客)?|"
    # Cantonese 呢個/嗰個/呢份 (this, that one)
    r"呢个|呢個|嗰个|嗰個|呢份|嗰份|呢张表|呢張表|呢啲|嗰啲|"
    r"它|这|這)?(?:的)?(?:表格?|结果|結果|名单|名單|列表|数据|數據|内容|內容|"
    # a ranking just shown: 这个排名 / 這個排行榜 / 呢個榜 / 这个 ranking (mixed)
    r"排名|排行榜?|榜单|榜單|榜|ranking|rank|list|table|leaderboard)?"
)
_EXPORT_THIS_ZH = lazy_pattern(
    rf"^(?:请|請|帮我|幫我|麻烦|麻煩)?(?:把|将|將)?{_THIS_ZH}(?:给我|給我)?{_EXPORT_ZH}{_THIS_ZH}"
    # Cantonese ends with 啦/喇/吖/先 ("呢個 export 吖", "匯出先")
    # and the direction after what it exports ("導出呢個排名嚟", "导出这个名单来")
    rf"(?:出来|出來|出嚟|嚟|来|來)?(?:给我|給我)?(?:吧|呀|啊|一下|啦|喇|吖|先)?$",
    re.I,
)
_EXPORT_THIS_EN = lazy_pattern(
    r"^(?:please\s+|can\s+you\s+|could\s+you\s+)?(?:export|download)"
    r"(?:\s+(?:this|these|that|those|it|them|the\s+table|this\s+table|that\s+table|"
    r"the\s+list|this\s+list|the\s+results?|the\s+above|"
    # a ranking just shown: "export this ranking", "download the leaderboard"
    r"(?:the|this|that)\s+(?:ranking|rankings|leaderboard|top\s+list)))?"
    r"(?:\s+(?:as|to|into)\s+(?:an?\s+)?(?:excel|xlsx|spreadsheet)(?:\s+file)?)?(?:\s+please)?$|"
    # the file asked for: "send me the file", "give me a spreadsheet", "can I get an excel of
    # these", "excel pls"
    r"^(?:please\s+|pls\s+|can\s+you\s+|could\s+you\s+)?(?:(?:send|give|email|mail)\s+me|"
    r"(?:can|could|may)\s+i\s+(?:get|have)|i\s+(?:need|want)|get\s+me)?\s*"
    r"(?:the|a|an|this|that)?\s*(?:file|excel|xlsx|spreadsheet|sheet|excel\s+file)"
    r"(?:\s+(?:of|for|with)\s+(?:this|these|that|those|it|them|the\s+list|the\s+above))?"
    r"(?:\s+(?:please|pls|thanks|thx))?$",
    re.I,
)


def is_export_this(text: str) -> bool:
    """Whether `text` asks only for an export of what was just shown."""
    cleaned = re.sub(rf"[{_PUNCT}“”\"'‘’]+", " ", _plain(text)).strip()
    if not cleaned:
        return False
    return bool(_EXPORT_THIS_ZH.match(cleaned.replace(" ", "")) or _EXPORT_THIS_EN.match(cleaned))


# ---- a swapped window ---------------------------------------------------------------------

# "只看近30天的呢", "淨係計近7日", "just the last 30 days", "narrow it to last month": only
# that window, said of the previous question (a ranking's too: its measure takes the window).
# The chat takes it as a swap only when a window alone is left.
_ONLY_WINDOW_ZH = (
    r"只看|只要|只算|只计|只計|只统计|只統計|仅看|僅看|仅算|僅算|就看|只睇|淨睇|净睇|淨係睇|净系睇|"
    r"淨係計|净系计|淨計|净计|淨係要|净系要|只係睇|只系睇|限定|限定在|限于|限於|只限|"
    r"范围改成|範圍改成|时间改成|時間改成|时间换成|時間換成"
)
_ONLY_WINDOW_EN = (
    r"(?:(?:just|only)(?:\s+(?:look\s+at|show|count|keep|use|want))?|"
    r"(?:limit|narrow|restrict|cut)\s+(?:it|that|this|them|the\s+(?:list|ranking))(?:\s+down)?\s+to|"
    r"(?:limit|narrow|restrict)\s+to)(?:\s+(?:the\s+ones\s+(?:from|in)|for))?"
)
# "widen it to 30 days", "extend the window to a quarter", "stretch it out to 3 months",
# "narrow it down to 7 days", "go back 90 days", "look back over the last 60 days": the window
# made wider or narrower, said in English (to a length or a period, never by one).
_RESIZE_EN = (
    r"(?:(?:widen|extend|expand|stretch|broaden|lengthen|increase|bump|push|open|narrow|shorten|"
    r"raise|lower|decrease|"
    r"shrink|tighten|cut|reduce|change|set|move|take|drop|bring|make|switch|swap|turn|flip|shift)"
    r"(?:\s+(?:it|that|this|them|the\s+(?:window|range|period|time\s*frame|timeframe|time|dates?|"
    r"lookback|look-back|days?)))?(?:\s+(?:up|out|back|down))?\s+(?:to|into)|"
    r"(?:go|look|going|looking)\s+back(?:\s+(?:over|to))?|try|use|"
    # said with a Chinese particle: "widen 到 30天", "make it 一个月", "narrow 成 7日"
    r"(?:widen|extend|expand|stretch|broaden|lengthen|narrow|shorten|shrink|change|set|make)"
    r"(?:\s+(?:it|that|this))?\s*(?:到|成|为|為|做))"
)
# "那近90天的呢", "换成上个月呢", "what about the last 90 days?", "and last month instead":
# the previous question again with another time window. Only the words around the window
# are taken off here; the chat checks that what is left is one window and nothing else.
_SWAP_LEAD = lazy_pattern(
    rf"^(?:(?:嗯|哦|噢|喔|那么|那麼|那|咁|噉|那如果是|如果是|要是|换成|換成|改成|改为|改為|换为|換為|换到|換到|"
    # switched to another period: 切到上周, 切換成九月, 转到今年, 跳到上个月
    r"切到|切换到|切換到|切换成|切換成|切换为|切換為|切成|切去|转到|轉到|跳到|调到|調到|调成|調成|"
    rf"改看|再看看|再看|看看|还是|還是|如果|那就|就|不如|{_TURN_INTO_ZH}|{_RESIZE_ZH}|{_ONLY_WINDOW_ZH}|"
    # going back to a value asked before: 回到上个月, 返去十月, 换回上海, 改回VIP
    r"回到|回去|返去|返回|返到|换回|換回|改回|变回|變回|调回|調回|切回|转回|轉回|"
    # "睇返半年", "看回三个月", "查下近90天": looking again over another window
    r"(?:睇|看|查|望)(?:返|番|回|下|吓|一下)?)\s*)+|"
    r"^(?:(?:and|then|ok|okay|so|now|what|how|hmm+|um+|uh+|oh|well|alright)[\s,]+)*"
    r"(?:about|for|if\s+(?:it\s+is|it'?s|we\s+use))\s+|"
    rf"^(?:(?:and|then|ok|okay|so|now)[\s,]+)*{_ONLY_WINDOW_EN}\s+|"
    r"^(?:and\s+|then\s+|now\s+|ok\s+|okay\s+)?(?:(?:go|going|switch|change\s+it|flip|move|get)\s+back\s+to|back\s+to|"
    r"revert\s+to|return\s+to)\s+|"
    r"^(?:and\s+|then\s+|now\s+)?(?:same\s+(?:for|with)|switch\s+to|change\s+(?:it|that|this)\s+to|"
    r"(?:swap|switch|trade|exchange)\s+(?:it|that|this|the\s+(?:period|window|time))\s+(?:for|with)|"
    r"make\s+(?:it|that|this)|instead|rather)[,:]?\s+|"
    rf"^(?:(?:and|then|ok|okay|so|now|actually|no)[\s,]+)*(?:please\s+)?(?:let'?s\s+)?{_RESIZE_EN}\s+|"
    r"^(?:and|then|now)\s+",
    re.I,
)
_SWAP_TAIL = lazy_pattern(
    rf"(?:\s*(?:instead|then|rather|please|呢|咧|吧|的呢|呢吧|{_SWAP_ASIDE_ZH})|[{_PUNCT}])+$", re.I
)


def window_swap_words(text: str) -> str | None:
    """What is left of `text` once the words of a swap ("那…呢", "换成", "what about",
    "instead") are taken off, for the chat to check that it is a window alone; None when
    nothing is left."""
    # "放闊啲，近半年", "widen it a bit, last 90 days": the clause after the loosening says how
    rest = without_loosening(_plain(text))
    rest = without_restated_whole(rest)  # "上個月成個月呢", "那 October 整个月": that period
    for _ in range(2):  # "那换成…", "and what about …"
        rest = _SWAP_LEAD.sub("", rest).strip(_EDGES)
    rest = _SWAP_TAIL.sub("", rest).strip(_EDGES)
    rest = _COUNT_TAIL.sub("", rest).strip(_EDGES)  # "那十月一共几个": 十月 (counted)
    return rest or None


# A swapped window asked as a list (spec §2c): "show me last month's" after a count,
# 上个月的列出来, 把上上个月的名单给我, 上個月嘅list出嚟睇下, "list the ones from October".
_LIST_LEAD = lazy_pattern(
    r"^(?:(?:and|then|ok|okay|so|now)[\s,]+)*(?:(?:please|pls|can\s+you|could\s+you)\s+)?"
    r"(?:show(?:\s+me)?|list|give\s+me|pull\s+up|get\s+me|let\s+me\s+see|can\s+i\s+see)\s+"
    r"(?:(?:the|them|those)\s+)?(?:(?:ones?|customers|people|names|list)\s+)?"
    r"(?:(?:from|for|of|in)\s+)?|"
    r"^(?:那|那么|咁|噉|还是|還是|不如|算了)?\s*(?:把|将|將|給我|给我|帮我|幫我)?\s*"
    r"(?:列出|列一下|列下|列出嚟)\s*",
    re.I,
)
_LIST_NOUN_ZH = r"(?:名单|名單|清单|清單|list|明细|明細)"
_LIST_VERB_ZH = (
    r"(?:列出来|列出來|列出嚟|列一下|列下|拉出来|拉出來|出嚟睇下|出嚟|给我看看|給我看看|给我看|"
    r"給我看)"
)
_LIST_TAIL = lazy_pattern(
    r"(?P<en>(?:'s|’s)?(?:\s+(?:ones|customers|people|list|names))?(?:\s+(?:please|pls))?)[\s?.!]*$|"
    rf"(?:的|嘅)?\s*(?P<noun>{_LIST_NOUN_ZH})?\s*(?P<verb>{_LIST_VERB_ZH})?\s*"
    r"(?P<to>看看|看一下|睇下|睇睇|给我|給我|俾我|畀我|俾我睇|畀我睇)?\s*(?:吧|啦|呢)?"
    r"[{p}]*$".replace("{p}", _PUNCT),
    re.I,
)


def list_swap_words(text: str) -> str | None:
    """`text` without the words that ask for a list around a swapped value ("show me last
    month's" → "last month"), or None when it asks for no list."""
    plain = _plain(text)
    lead = _LIST_LEAD.match(plain)
    rest = plain[lead.end() :] if lead is not None and lead.end() else plain
    tail = _LIST_TAIL.search(rest)
    said_tail = tail is not None and bool(
        tail["noun"] or tail["verb"] or (tail["en"] or "").strip(_EDGES + "'’s")
    )
    if tail is not None:
        rest = rest[: tail.start()]
    if not (lead is not None and lead.end()) and not said_tail:
        return None
    rest = re.sub(r"^(?:把|将|將)\s*", "", rest.strip(_EDGES))  # 把上个月的列出来
    return rest or None


# "Ever" said of an event: 从来没/從未/从冇/还没/尚未/never/yet/so far/ever. A swapped-in
# "那没下单的呢" takes the previous question's window; with one of these words it is all time
# (spec §2: 还没/yet mean "up to now"), so "never ordered" and "did not order in the 90 days"
# stay two questions.
_EVER = lazy_pattern(
    r"从来|從來|从未|從未|从没|從沒|從没|从冇|從冇|从不|從不|未曾|一直|至今|有史以来|有史以來|"
    r"还没|還沒|还未|還未|尚未|仲未|仲冇|仲没|未试过|未試過|冇试过|冇試過|"
    r"\b(?:never|ever|yet|so\s+far|at\s+all|of\s+all\s+time|all[\s-]+time)\b",
    re.IGNORECASE,
)


def says_ever(text: str) -> bool:
    """Whether `text` says an event is "ever" (all time) in words, not by having no window."""
    return _EVER.search(text) is not None


# "30日" alone: Cantonese for 30 days (近7日 → 咁 30日 呢), but also "the 30th" in writing;
# read as a length only after a question whose window was a number of days.
_BARE_DAYS = lazy_pattern(r"^(\d{1,2}|[一二两兩三四五六七八九十]{1,3})\s*日$")
# "and in the last 30?" / "the past 60": a number with no unit after last/past
_LAST_N_EN = lazy_pattern(r"^(?:in\s+|for\s+|over\s+)?(?:the\s+)?(?:last|past)\s+(\d{1,3})$", re.I)


def bare_days(words: str) -> str | None:
    """The number of "N日" said alone (1–31: a day of the month too), or of "the last N" with
    no unit, else None (the caller reads it as days only after a window counted in days)."""
    m = _BARE_DAYS.match(words.strip()) or _LAST_N_EN.match(words.strip())
    return m.group(1) if m else None


# ---- more -------------------------------------------------------------------------------

_ZH_DIGITS = {"一": 1, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9, "十": 10, "二十": 20, "三十": 30}  # fmt: skip
_NUMBER = lazy_pattern(
    r"(\d{1,3}|二十|三十|[一二两兩三四五六七八九十])(?:\s*(?:个|個|位|条|條|人|名))?"
)
# A request's wrapper before it and a look or a particle after it ("帮我翻下一页看看", "再嚟三個吧",
# "next page pls"): the same request for more rows.
_MORE_LEAD_ZH = r"(?:请|請|帮我|幫我|麻烦|麻煩|唔该|唔該|可以|那|咁|好)*"
_MORE_TAIL_ZH = (
    r"(?:看看|看一下|看下|睇睇|睇下|睇吓|睇埋|吧|呗|唄|啦|呀|啊|先|嘞|喇|呢|吖|喔|嗎|吗)*"
)
_MORE_ZH = lazy_pattern(
    rf"^{_MORE_LEAD_ZH}(?:"
    r"(?:再|还|還)?(?:来|來|嚟|给我|給我|俾我|看看|看|睇|显示|顯示|列出|列|发|發)?(?:我)?N?"
    r"(?:更多|更多的(?:客户|客戶)?|更多(?:客户|客戶))|"
    r"(?:再|还|還|仲)(?:来|來|嚟|给|給|俾|看看|看|睇|显示|顯示|列出|列|发|發)(?:我)?"
    r"(?:N|几个|幾個|一些|点|點|多)?(?:批|页|頁)?(?:客户|客戶)?|"
    r"(?:翻|去|到|看|睇)?(?:下|后|後)N?(?:页|頁|批)|(?:继续|繼續|接着|接著)(?:看|显示|顯示|列)?|"
    r"(?:还有|還有|仲有)(?:冇|没有|沒有)?"
    rf"){_MORE_TAIL_ZH}$|"
    # the rows not shown yet (never 剩下的呢 / 其他的呢 after a narrowing: the other ones)
    rf"^{_MORE_LEAD_ZH}(?:看|睇|列出|显示|顯示|睇埋|看埋)?(?:剩下|其余|其餘|后面|後面)(?:的|嘅)?"
    r"(?:客户|客戶|人)?(?:吧|啦|喇)?$"
)
_MORE_EN = lazy_pattern(
    r"^(?:(?:ok|okay|and|now|then|so|pls|please)\s+)*"
    r"(?:(?:can\s+(?:i|you)\s+)?(?:show|give|list|send|see|go\s+to|move\s+to|get)\s+(?:me\s+)?)?(?:the\s+)?"
    r"(?:next(?:\s+N)?(?:\s+(?:page|ones?|customers|rows|results|batch))?|"
    r"(?:N\s+|some\s+)?more(?:\s+(?:customers|results|rows|ones))?|continue|keep\s+going|go\s+on|"
    # (never "the rest" alone: after a narrowing it is the other ones)
    r"rest\s+of\s+the\s+(?:list|rows|results)|remaining\s+rows)"
    r"(?:\s+(?:please|pls|plz|thanks|thx))?$",
    re.I,
)


def read_more(text: str) -> int | None:
    """How many more rows "再来10个"/"more"/"next page" asks for: 0 for "a page", a number
    when one is said, None when the text is not a request for more."""
    cleaned = re.sub(rf"[{_PUNCT}“”\"'‘’]+", " ", _plain(text)).strip()
    if not cleaned:
        return None
    numbers = _NUMBER.findall(cleaned)
    shape = _NUMBER.sub("N", cleaned, count=1)
    if not (_MORE_ZH.match(shape.replace(" ", "")) or _MORE_EN.match(shape)):
        return None
    if not numbers or re.search(r"N\s*(?:批|页|頁|page)", shape):
        return 0  # a page, not a number of rows
    raw = numbers[0]
    return int(raw) if raw.isdigit() else _ZH_DIGITS.get(raw, 0)


# ---- pick -------------------------------------------------------------------------------

YES = "yes"
NO = "no"
_ORDINALS_EN = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
                "last": -1, "one": 1, "two": 2, "three": 3}  # fmt: skip
_ZH_ORDINALS = {"一": 1, "头": 1, "頭": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5,
                "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
# Words before a pick ("那就选第一个吧", "好，第一個", "我要用第2个"): any number of them.
_PICK_LEAD_ZH = (
    r"(?:(?:那|那就|那么|那麼|好|好的|嗯|ok|我|就|要|选|選|是|选择|選擇|挑|用|按|还是|還是|"
    # Cantonese 揀 (pick), 係 (is); 对/對 before the pick ("對，第一個")
    r"揀|拣|係|系|对|對|"
    r"我是说|我是說|应该是|應該是|选项|選項)\s*)*"
)
_PICK_ZH = lazy_pattern(
    rf"^{_PICK_LEAD_ZH}"
    r"(?:第\s*(?P<ord>[一二两兩三四五六七八九1-9])\s*(?:个|個|项|項|条|條|种|種|号|號|位|行|名)?|"
    r"(?P<head>头|頭)一?\s*(?:个|個|项|項|条|條|种|種|位)|"
    r"(?:#|＃|no\.?|编号|編號)?\s*(?P<num>[1-9])\s*(?:号|號|个|個|项|項|条|條)?|"
    r"(?<=[选選要挑])(?P<zh>[一二两兩三])\s*(?:号|號)?|"
    # the last one: 最后一个, 最後那個, Cantonese 最後嗰個 / 最尾嗰個 / 最尾個
    r"(?P<last>(?:最后|最後|最尾)(?:一|那|嗰)?(?:个|個)))"
    r"\s*(?:选项|選項|建议|建議|那个|那個|的)?"
    r"\s*(?:吧|啊|呀|啦|喔|哦|嘛|呗|唄|好了|就行|就好|就可以|可以|谢谢|謝謝)*$",
    re.I,
)
_PICK_EN = lazy_pattern(
    r"^(?:(?:ok(?:ay)?|yes|yeah|so|then|well)\s+)?"
    r"(?:i\s+mean\s+|i\s+meant\s+|(?:i\s*'?\s*ll\s+|i\s+will\s+|let\s*'?\s*s\s+|let\s+us\s+|i\s+want\s+)?"
    r"(?:take|pick|choose|select|go\s+with|use|try)\s+|option\s+|choice\s+|number\s+|"
    r"no\.?\s*|#\s*)?(?:the\s+)?(?:option\s+|choice\s+|number\s+|no\.?\s*|#\s*)?"
    r"(?P<word>first|second|third|last|1st|2nd|3rd|one|two|three|[1-9])"
    r"(?:\s+(?:one|option|choice|suggestion))?(?:\s+please|\s+thanks)?$",
    re.I,
)
_YES_WORD = (
    r"(?:是|是的|是啊|是呀|是哦|对|對|对的|對的|对啊|對啊|对呀|對呀|对对|對對|嗯|嗯嗯|嗯呢|好|好的|好呀|"
    r"没错|沒錯|可以|行|就是|就是它|就这个|就這個|就是这个|就是這個|是这个|是這個|就它|就它了|这个|這個|"
    # Cantonese: 係 / 係呀 / 啱 / 冇錯 / 就係呢個 (that's the one)
    r"係|系|係呀|系呀|係啊|係喇|系喇|係囉|系啰|啱|啱呀|啱啊|冇錯|冇错|就係佢|就係呢個|就系呢个|就呢個|就呢个|"
    r"呢個|呢个|"
    r"yes|yep|yeah|yea|yah|yup|y|sure|right|correct|ok|okay|exactly|yes please|yes pls|"
    r"(?:that|this)\s+one(?:\s+please)?|that'?s\s+(?:it|the\s+one|right))"
)
# One yes word, or several ("yes 就是这个", "对对，就是它", "yep that one")
_YES = lazy_pattern(
    rf"^{_YES_WORD}(?:\s*{_YES_WORD})*\s*(?:啦|吧|呀|啊|喇|了|嘞|喔|哦)?$",
    re.I,
)


_NO = lazy_pattern(
    r"^(?:不是|都不是|不对|不對|都不对|都不對|不要|都不要|算了|不用了|没有|沒有|"
    r"no|nope|neither|none|none of them|neither of them|not those|never mind|nevermind)$",
    re.I,
)


def read_pick(text: str, suggestions: tuple[str, ...] | list[str]) -> int | str | None:
    """Which suggestion `text` picks (0-based), YES for a bare yes, NO for "none of those",
    or None when it is not a pick (then it is a new question)."""
    cleaned = re.sub(rf"[{_PUNCT}“”\"'‘’「」]+", " ", _plain(text)).strip()
    if not cleaned or not suggestions:
        return None
    squeezed = cleaned.replace(" ", "")
    if _YES.match(cleaned) or _YES.match(squeezed):
        return YES
    if _NO.match(cleaned) or _NO.match(squeezed):
        return NO
    if _NOT_THAT.match(cleaned):  # "唔係，係第二個", "sorry I meant the first one"
        corrected = read_correction(text)
        if corrected is not None and corrected.value != cleaned:
            return read_pick(corrected.value, suggestions)
    number = _number_picked(cleaned, squeezed)
    if number is not None:
        index = len(suggestions) - 1 if number == -1 else number - 1
        return index if 0 <= index < len(suggestions) else None
    bare = _PICK_TAIL.sub("", cleaned) or cleaned  # "金卡吧", "VIP please"
    for index, suggestion in enumerate(suggestions):
        if any(
            same_name(c, suggestion) or _names_it(normalize(c), suggestion) for c in {cleaned, bare}
        ):
            return index
    return None


# A pick said as a correction opens with a "not that" or an apology: only then is it re-read.
_NOT_THAT = lazy_pattern(
    r"^(?:不对|不對|不是|唔係|唔系|唔啱|no|nope|sorry|oops|my\s+bad|i\s+meant?|我是说|我是說)",
    re.I,
)


def _number_picked(cleaned: str, squeezed: str) -> int | None:
    zh = _PICK_ZH.match(squeezed)
    if zh:
        if zh["last"]:
            return -1
        raw = zh["ord"] or zh["num"] or zh["head"] or zh["zh"]
        return _ZH_ORDINALS.get(raw, int(raw) if raw.isdigit() else 0) or None
    en = _PICK_EN.match(cleaned)
    if en:
        word = en["word"].lower()
        return int(word) if word.isdigit() else _ORDINALS_EN[word]
    return None


_PICK_TAIL = lazy_pattern(r"\s*(?:吧|啊|呀|啦|喔|哦|嘛|呗|唄|好了|就行|就好|please|thanks)$", re.I)
_PICK_LEAD = lazy_pattern(
    r"^(?:我是说|我是說|我要|要|选|選|就是|是|就係|係|系|就|揀|拣|i\s+mean|i\s+meant)\s*", re.I
)


def _names_it(cleaned: str, suggestion: str) -> bool:
    """ "就是高意向", "我是说高意向", "I mean VIP": the suggestion after a pointing word."""
    stripped = _PICK_LEAD.sub("", cleaned).strip()
    return stripped != cleaned and same_name(stripped, suggestion)
