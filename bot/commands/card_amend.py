"""A card changed before it is confirmed: "算了", "只给上海的发", "改成满300减30",
"actually only the Shanghai ones", "message改成“周末见”".

Nothing on a card runs before 确认 (spec/commands.md §1), so a member looking at one may
change their mind. Right after the card (it is the last answer):

- a cancel word of any register (算了, 不发了, 唔使喇, never mind …) cancels it, as 取消 does;
- a change of its customers (只给X / 不要发给X / X也发 / only send to X / skip X) or of its
  content (改成满300减30 / 换成9折券 / change the message to …) replaces it: the new card is
  made and the old action cancelled in the same transaction, so a later 确认 — or a click on
  the old card — can only run what the member was shown last.

A change that cannot be read is asked back and leaves the card as it was. Anything else is
no change of the card and is answered as usual.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext, Reply
from bot.commands import conversation as conv
from bot.commands.approval import APPROVAL_OF
from bot.commands.card_amend_loose import FROM_IT, dropped, new_content, without_reason
from bot.commands.card_people import NotAdded, people_added, people_named
from bot.commands.card_switch import Switch, export_instead, switched
from bot.commands.card_when import moved_to, new_when, repeat_of, without_send_words
from bot.commands.card_widen import widened_card
from bot.commands.cards import CANCEL_KEY, outcome_card
from bot.commands.confirm import decide, handle_typed
from bot.commands.context import narrowed_by
from bot.commands.going_back import undoes_a_step
from bot.commands.named_customers import name_words, named_matches
from bot.commands.paging import still_visible
from bot.commands.parse_alone import parse_alone
from bot.commands.preview import ACTION_DETAILS
from bot.commands.row_actions import RowsDropped, rows_dropped_from_card, rows_kept_on_card
from bot.commands.row_actions import row_names as _row_names
from bot.commands.said_tokens import readable_tokens
from bot.commands.schedule_words import says_pause_schedule
from bot.commands.texts import TEXTS, say
from bot.commands.texts_cards import say_card
from bot.models.confirmations import PendingAction
from bot.services.answer import Action as ActionDetails
from bot.services.answer import Answer, ClarifyAnswer, SegmentAnswer
from bot.services.confirmations import cancel, latest_pending
from bot.services.query import answer_command, clarify, scope_note
from segmentation.engine import segment_members
from segmentation.models import Tag
from segmentation.nlq import Clarification, Command, load_vocabulary
from segmentation.nlq.actions import Action as FoundAction
from segmentation.nlq.actions import find_action
from segmentation.nlq.ask import Ask
from segmentation.nlq.backref import STEP, read_back_reference
from segmentation.nlq.correction import without_correction_lead
from segmentation.nlq.coupons import parse_coupon_words, read_coupon, read_coupon_change
from segmentation.nlq.followup import ALSO, WITHOUT, FollowUp, is_export_this, read_follow_up
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.leadins import without_acknowledgement
from segmentation.nlq.parser import typed_quotes
from segmentation.nlq.period_reply import TIME_QUESTIONS
from segmentation.nlq.restate import describe
from segmentation.nlq.schedules import find_clock
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token, tokenize
from segmentation.nodes import All, Node, SegmentFormatError, canonical, from_json, to_json
from segmentation.scope import Requester
from segmentation.text import normalize, normalize_name

# Actions whose customers a follow-up may change (an untag's stay narrowed to the tag's
# holders: answering it again narrows an already narrowed segment to the same one).
_NARROWABLE = ("push", "schedule", "tag", "untag", "save")
# Intents of a message that is an action of its own, not a change of the card.
_ACTIONS = ("push", "schedule", "tag", "untag", "save", "export", "explain")
_PUNCT = r"\s,，、.。!！?？~～…"

# Words before the change that say nothing: "那就", "还是", "哦不对", "actually", "wait, …".
# The old content found too much or too little before the change: "减100太多了", "太多喇", "少一点",
# "that's too much", "20 is too little" (what the change is to comes after them).
_TOO = (
    r"[^\s,，。.!！?？]{0,10}?(?:太多|太少|太高|太低|太大|太小|太贵|太狠|太夸张|太多咗|多咗|少咗|唔够|不够)"
    r"(?:了|啦|喇|喎|啊|呀|吧|啲|点|d)*|"
    r"(?:少|多|低|高|减少|降低|提高|调低|调高|改少|改低|改高)(?:一点|一些|点|啲|d)(?:吧|啦|喇)?|"
    r"(?:(?:that'?s|it'?s|this\s+is|(?:[¥$]?\d+\S*|\w+)\s+is)\s+)?(?:way\s+|a\s+bit\s+|a\s+little\s+)?"
    r"too\s+(?:much|little|high|low|big|small|generous|steep|deep)\b|"
    r"(?:a\s+(?:bit|little)\s+)(?:less|lower|more|higher)\b"
)
_FILLER = (
    rf"(?:(?:那就|那(?![些个批位边])|还是|其实|哦|噢|喔|嗯|呃|额|哎|唉|不对|不是|等等|等一下|等下|"
    rf"唔好住|咪住|慢住|等阵|{_TOO}|"
    # a request's wrapper: "麻烦把标签换成…", "帮我改成…", "can you change the tag to …"
    rf"麻烦你?|请你?|帮我|帮忙|唔该你?|可唔可以|可不可以|能不能|能否|"
    rf"(?:can|could|would)\s+(?:you|we)(?:\s+please)?\s+|please\s+|pls\s+|let'?s\s+(?=change|switch|swap|make)|"
    rf"i'?d\s+like\s+to\s+|i\s+want\s+to\s+|"
    rf"对了|谢谢|多谢|唔该|(?:sorry|actually|wait|hmm+|oh|no|nah|ok(?:ay)?|um+|well|then|hold\s+on|"
    # "oh and only the ones in Shanghai": "and" before the change that keeps some
    rf"and(?=\s+(?:only|just)\b))\b)"
    rf"[{_PUNCT}]*)*"
)
_CANCEL_WORDS = (
    r"(?:算了|算啦|算咯|不要了|不用了|不需要了|不用发了|不要发了|不发了|别发了|先别发|"
    r"先不发|不打了|别打了|先不打|不要打了|不弄了|别弄了|不做了|先不要|先不用|取消吧|取消掉|"
    r"取消了吧|撤销|撤回|作废|唔使了|唔使喇|唔使啦|唔该唔使|唔要了|唔好发|唔发了|冇嘢了|"
    # Cantonese 唔好住 (not for now) said alone: the card is not to run
    r"唔好住|"
    # Cantonese "don't … yet/any more" with the verb in either script or English: 唔send住,
    # 唔好发住, 唔打喇, 唔使send
    r"唔(?:好|使)?\s*(?:send|发|推|打|tag)\s*(?:住|喇|啦|了|先|嘞)|唔使\s*send|"
    r"never\s*mind|forget\s+(?:it|that|about\s+it)|scrap\s+(?:it|that)|"
    r"(?:don'?t|do\s+not)\s+(?:send|do|tag)(?:\s+(?:it|that|this|them))?|hold\s+off|abort|"
    r"cancel\s+(?:it|that|this)|call\s+it\s+off|no\s+thanks?|"
    # "undo that" right after the card is 撤销: the card is called off (with no card shown, a
    # step back: going_back.py)
    r"undo(?:\s+(?:that|it|this))?|revert(?:\s+(?:that|it|this))?|take\s+(?:that|it)\s+back|"
    # Not yet / not any more, alone: 唔好住, 先唔好, 唔使住, 唔好喇, 免了, 不必了, 暫時唔使
    r"(?:都系|暂时|先)?(?:唔好|唔要|唔使)(?:住|喇|啦|了|嘞|先)+|先唔好|先唔使|暂时唔使|暂时不用|"
    r"暂时不要|免了|免啦|不必了|不必啦|甭了|算数|冇嘢喇|冇嘢啦|"
    r"nah|nope|no\s+need|don'?t\s+bother|skip\s+(?:it|that)|leave\s+it|not\s+now|maybe\s+later)"
)
# After another cancel word, 取消/cancel itself says the same ("先不要 取消", "算了 cancel"), and
# so does a bare "no need" ("算啦唔使", "算了不用", "forget it, no"): alone they are no cancel.
_ONE_MORE = rf"(?:{_CANCEL_WORDS}|取消|cancel|唔使|不用|不要|唔要|不必|no)"
# Cancelling in words other than 取消/cancel (normalised text: Simplified, lower case); two of
# them said together ("算啦唔send住") cancel as one does.
_CANCEL = lazy_pattern(
    rf"^{_FILLER}{_CANCEL_WORDS}(?:[{_PUNCT}]*{_ONE_MORE})*"
    rf"(?:[{_PUNCT}]*(?:吧|了|啦|喇|哈|咯|谢谢|多谢|唔该|thanks|thank\s+you|thx|please|pls))*[{_PUNCT}]*$",
    re.I,
)
# Cancel words, then what to do instead ("算了不发了 直接导出给我", "取消，改成9折",
# "never mind, just export them"): the rest is a change of the card or a request of its own.
# A mark between the words and the rest; with none, only a 了/啦 that closes them ("算了不发了
# 直接导出"): "先不要发给北京的", "don't send it to Beijing" are changes of the customers.
_MARK = r"[,，、.。!！~～…:：;；]+\s*|\s+-+\s*"
_CALL_OFF_LEAD = lazy_pattern(
    rf"^{_FILLER}(?:{_CANCEL_WORDS}|取消|cancel)(?:[{_PUNCT}]*{_ONE_MORE})*"
    rf"(?:[{_PUNCT}]*(?:吧|了|啦|喇|咯))*(?:{_MARK}|(?<=[了啦喇咯吧])\s*(?=[^\sa-z]))"
    r"(?:(?:and|but|then|instead|just|rather)\b[\s,]*)*",
    re.I,
)
# A plain no before the change it asks for ("唔好，改返做「…」", "不要，换成9折", "no, make it
# friday"): no cancel on its own — only a change of the card may follow it.
_NO_LEAD = lazy_pattern(
    rf"^{_FILLER}(?:不要|不用|别|唔好|唔要|唔系|不是|no|nope|don'?t)(?:[{_PUNCT}]*(?:吧|了|啦|喇))*"
    rf"(?:{_MARK}|\s*(?=(?:改|换|转|变)))",
    re.I,
)
# Words that sound like a yes but are not the confirmation the spec asks for (确认/confirm):
# the card is not run on them, the member is told how to run it.
_NEAR_YES = (
    r"(?:确定|可以|可以了|行|好|好的|没问题|发吧|发送吧|发了吧|执行吧|执行|打吧|就这样|就这样吧|冇问题|"
    r"得|得啦|係|系|啱|对|是的|嗯|ok|okay|yes|yep|yeah|yup|sure|go|go\s+ahead|do\s+it|send\s+it|"
    r"send|looks\s+good|lgtm|fine|alright|all\s+right|sounds\s+good|that'?s\s+fine|"
    r"let'?s\s+(?:go|do\s+it)|proceed|run\s+it|👍|👌|✅|🆗|🙆)"
)
# Two of them said together ("yep go ahead", "ok send it", "好的 发吧") are no 确认 either.
_NEAR_CONFIRM = lazy_pattern(
    rf"^{_FILLER}{_NEAR_YES}(?:[{_PUNCT}]*{_NEAR_YES})*"
    rf"(?:[{_PUNCT}]*(?:吧|了|啦|喇|哈|please|pls|thanks|thx))*[{_PUNCT}]*$",
    re.I,
)
# A question about customers (normalised text), never a change of the card.
# English which/who only open the question ("only people who ordered …" is a relative clause).
_QUESTION = lazy_pattern(
    r"^(?:(?:and|so|ok|okay|then|wait|hmm+|but|now)[\s,]+)*(?:which|who|whom)(?![a-z])|"
    r"(?<![a-z])how\s+(?:many|much)(?![a-z])|几个|几位|多少|哪些|哪个|哪几|哪位|谁|边个|边啲|边位|几多"
)
# New content: "改成满300减30", "券换成9折", "消息改成“…”", "change the coupon to …".
_CHANGE_ZH = lazy_pattern(
    rf"^{_FILLER}(?:再|又|重新|干脆)?(?:把|将)?(?P<what>券|优惠券|优惠|折扣|消息|讯息|信息|短信|内容|文案|话术|标签|名字|名称|时间|发送时间|"
    rf"日期|coupon|message|msg|tag|label|text)?\s*(?:的)?(?P<value>面额|面值|金额|门槛|门坎)?(?:再|又|就|干脆|要|想|需要)?"
    # the part named, then what it is to be: "标签用高意向", "標籤應該係高意向", "tag 打金卡"
    rf"(?:(?:(?<=标签)|(?<=tag)|(?<=label))\s*(?:应该(?:是|系|用|打)|用|打|要)(?!.*[的嘅]$)|"
    rf"改成|改为|改做|改作|换成|换为|换做|变成|替换成|改用|换个|换一个|改一下成|改下成|转做|转成|转为|"
    # Cantonese 返 (back): 改返做「…」, 换返做9折, 转返成…
    rf"(?:改|换|转|变)返(?:做|成|为)?|"
    rf"调成|调整为|调整成|设成|设为|降到|降为|降成|降低到|调低到|调高到|提高到|调到)[{_PUNCT}]*(?P<new>.+)$",
    re.I,
)
_TO_EN = r"(?:to|into|as|for)(?:\s+|(?=[^\x00-\x7f]))"  # normalised: no space before Chinese
_CHANGE_EN = lazy_pattern(
    rf"^{_FILLER}(?:change|switch|swap|make|set|update|lower|reduce|raise|bump|bring|drop|cut)\s+"
    rf"(?:(?:it|that|this|the\s+(?P<what>coupon|message|text|tag|label|name|time)|"
    # the coupon's one amount: "make the minimum 250", "lower the value to 25"
    rf"the\s+(?:coupon'?s\s+)?(?P<value>min(?:imum)?(?:\s+spend)?|threshold|value|amount))"
    rf"(?:\s+(?:down|up))?\s*(?:{_TO_EN})?|"
    # "change to 满300减60", "switch to 9折": the card's own content said with no object
    rf"{_TO_EN})(?P<new>.+)$",
    re.I,
)
# Coupon words in a change ("改成减30", "券改成满200减30", "make it 30 off", "换成9折"): said
# with no card waiting, there is no coupon to change (bot/commands/no_card_change.py).
_COUPON_SAID = lazy_pattern(
    r"面额|面值|门槛|(?:立|即|直)?减\s*[\d一二两三四五六七八九十百千]|满\s*\d+\s*(?:元|块)?\s*(?:减|折)|"
    r"\d(?:\.\d)?\s*折|[\d.]+\s*(?:%|percent|元|块|蚊|yuan|rmb|dollars?|bucks)?[\s-]*off\b|"
    # money said with its unit: "50元券", "a ¥50 coupon" (never "双11券", a campaign's)
    r"(?:\d\s*(?:元|块|蚊|yuan|dollars?|bucks)|[¥$]\s*\d+)\s*(?:的|嘅)?\s*(?:券|红包|coupon|voucher)",
    re.I,
)


_THIS_ONE = lazy_pattern(r"^(?:这|这一|那|那一|呢|嗰|个)?(?:张|个|份)(?=券|优惠券|优惠)")


def coupon_change_said(plain: str) -> bool:
    """Whether `plain` (normalised) asks to change a coupon: a change said as one
    (改成/换成/make it/change the coupon to …) of a coupon's words or amounts."""
    plain = _THIS_ONE.sub("", plain, count=1)  # "张券改做50蚊": the coupon pointed at
    found = _CHANGE_ZH.match(plain) or _CHANGE_EN.match(plain)
    if found is None:
        return False
    what = (found.group("what") or "").lower()
    new = found.group("new")
    if what in ("券", "优惠券", "优惠", "折扣", "coupon") or found.group("value"):
        return any(c.isdigit() for c in new)  # "券改成满200减30", never "券改成已核销的"
    # an amount of a coupon: never "改成用了券的" (who used one), a condition swapped
    return _COUPON_SAID.search(new) is not None


# The action's own verb before the new content: "改成打高意向", "换成发9折券", "make it send …".
_CONTENT_VERB = lazy_pattern(
    r"^(?:打上|打个|打|贴上|贴|加上|加个|加|标上|标记为|标为|发送|发一张|发个|发|推送|推|送|"
    r"send|push|tag\s+(?:them\s+)?(?:as|with)|tag)\s*(?=\S)",
    re.I,
)
# "the tag should be 高意向", "tag needs to be 金卡": what the part named is to be.
_SHOULD_EN = lazy_pattern(
    rf"^{_FILLER}(?:the\s+)?(?P<what>coupon|message|text|tag|label|time)\s+"
    r"(?:should\s+be|needs\s+to\s+be|has\s+to\s+be|must\s+be|to\s+be)\s*(?P<new>.+)$",
    re.I,
)
_INSTEAD_EN = lazy_pattern(rf"^{_FILLER}(?:use|send|give\s+them)\s+(?P<new>.+?)\s+instead$", re.I)

# The card's customers in action words, rewritten as the follow-up they are.
_ACT = (
    r"(?:发|推|推送|群发|打|打上|打标签|标|贴|发券|发消息|送|"
    r"去掉|去除|删掉|删除|移除|撕掉|摘掉|拿掉|撤掉|取消)"  # an untag card: 只去掉Eve的
)
_TO = r"(?:给|发给|推给|对|要给|送给|帮|畀|俾|发畀|发俾)"  # 只帮Bob打, 淨係畀上海嘅發
_WHO_END = r"(?:的)?(?:客户|顾客|人|那些|那批)?"
_ENOUGH = r"(?:吧|就行|就好|就可以了?|就够了|即可|好了|就ok|就得|得了|得(?:喇|啦|嘞)?|啦)"
# An English action verb in a Chinese frame: "只 tag Alice", "淨係 send 畀 Frank".
_EN_ACT_ZH = r"(?:tag|send|push|message|msg|text)"
# Keeping some on the card: 只要 / 只留 / 只保留 / 留低 (Cantonese) / 剩下.
_KEEP = r"(?:要|保留|留下|留低|留|剩下|剩)"
_KEEP_ONLY = r"(?:保留|留下|留低|留|剩下|剩)"  # without 只: 要 alone may ask for more
# "只要Frank一个", "淨係Frank一個得": the number of the ones kept, said after them.
_HOW_MANY = r"(?:一个人|一个|一位|一人|两个|两位|俩)?"
_ZH_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), template)
    for pattern, template in (
        # 只给上海的发, 只发给VIP, 仅对上海的客户推送吧, 就给上海的发就行
        # (净系 is Cantonese 只: 淨係發上海嘅)
        (
            rf"^(?:只|仅|就只|只是|净系|净)(?:{_KEEP})?(?:{_TO}|{_ACT}|\s*{_EN_ACT_ZH}\s+)?"
            rf"(?P<x>.+?){_WHO_END}{_HOW_MANY}"
            rf"{_ACT}?{_ENOUGH}?$",
            "只要{x}的",
        ),
        (rf"^就{_TO}(?P<x>.+?){_WHO_END}{_HOW_MANY}{_ACT}?{_ENOUGH}?$", "只要{x}的"),
        # 就留Grace一个, 保留Grace就行, 留低Frank得喇: kept, the others taken off the card
        (rf"^(?:就|只)?{_KEEP_ONLY}(?P<x>[^，,\s]+?){_WHO_END}{_HOW_MANY}{_ENOUGH}?$", "只要{x}的"),
        # 就Frank一个, 就上海的吧: 就 (just) with the ones kept and a number or 吧 after them
        (
            rf"^就(?P<x>[^，,\s]+?){_WHO_END}(?:一个人|一个|一位|一人|两个|两位|俩){_ENOUGH}?$",
            "只要{x}的",
        ),
        (rf"^就(?P<x>[^，,\s]+?){_WHO_END}(?:吧|就行|就好|就可以了?|得喇|得啦)$", "只要{x}的"),
        # Cantonese "Frank得", "Frank一个得喇": that one (only) will do
        (rf"^(?P<x>[^，,\s]{{2,}}?){_WHO_END}{_HOW_MANY}得(?:喇|啦|嘞)?$", "只要{x}的"),
        # 上海的就行, 上海的发就好
        (rf"^(?P<x>.+?){_WHO_END}{_ACT}?(?:就行|就好|就够了|就可以了?)$", "只要{x}的"),
        # 张三名下的才打, 男的才发, 上海嘅先至打: only those (才 / 先至 = only then)
        (rf"^(?P<x>.+?){_WHO_END}(?:才|先至|先)\s*{_ACT}(?:吧|啦|喇)?$", "只要{x}的"),
        # 不要发给北京的, 别给北京的发, 不给北京的打
        (
            rf"^(?:不要|别|不用|唔好|唔使|不)(?:再)?{_ACT}?{_TO}(?P<x>.+?){_WHO_END}{_ACT}?(?:了|吧|啦)?$",
            "去掉{x}的",
        ),
        # 北京的不要发, 北京的就别发了, 北京的不发
        (
            rf"^(?P<x>.+?){_WHO_END}(?:就)?(?:不要|别|不用|唔好|唔使|不)(?:再)?{_ACT}(?:了|吧|啦)?$",
            "去掉{x}的",
        ),
        # 也发给北京的, 还要给北京的发, 北京的也发
        (
            rf"^(?:也|还|再)(?:要)?{_ACT}?{_TO}(?P<x>.+?){_WHO_END}{_ACT}?(?:一份|一下)?(?:吧)?$",
            "加上{x}的",
        ),
        (rf"^(?P<x>.+?){_WHO_END}也(?:要)?(?:{_ACT}|给)(?:上)?(?:吧)?$", "加上{x}的"),
        # 北京啲女仔都send埋, 北京嗰啲都发埋: Cantonese 埋 (as well) says it is added
        (rf"^(?P<x>.+?){_WHO_END}(?:也|都)?(?:要)?(?:{_ACT}|send|给)埋(?:吧|啦|喇)?$", "加上{x}的"),
        # 除了Dan都发, 除了北京的以外都打
        (rf"^除了(?P<x>.+?){_WHO_END}(?:以外|之外)?(?:都|全|全部)?{_ACT}?(?:吧)?$", "去掉{x}的"),
        # (改成)给上海的发: other customers in the card's place, as "那上海的呢" swaps
        (rf"^{_TO}(?P<x>.+?){_WHO_END}{_ACT}(?:吧|就行)?$", "那{x}的呢"),
    )
)
_EN_ACT = r"(?:send|push|tag|give|message|text|mail)"
_EN_IT = r"(?:\s+(?:it|this|that|them|the\s+coupon|the\s+message|the\s+tag))?"
_EN_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.I), template)
    for pattern, template in (
        (rf"^(?:only|just)\s+{_EN_ACT}{_EN_IT}\s+(?:to|for)\s+(?P<x>.+)$", "only {x}"),
        # "only tag Alice", "just message Bob": the verb with whom right after it
        (rf"^(?:only|just)\s+{_EN_ACT}\s+(?!it\b|this\b|that\b|them\b)(?P<x>.+)$", "only {x}"),
        (rf"^{_EN_ACT}{_EN_IT}\s+(?:only|just)\s+(?:to|for)\s+(?P<x>.+)$", "only {x}"),
        (r"^(?:only|just)\s+(?:for|to)\s+(?P<x>.+)$", "only {x}"),
        (r"^(?P<x>.+?)\s+only$", "only {x}"),
        (rf"^(?:don'?t|do\s+not)\s+{_EN_ACT}{_EN_IT}\s+to\s+(?P<x>.+)$", "without {x}"),
        # "drop Heidi from it": what she is dropped from is the card itself
        (rf"^(?:skip|drop|not)\s+(?:to\s+)?(?P<x>.+?){FROM_IT}$", "without {x}"),
        (rf"^(?:don'?t|do\s+not)\s+include\s+(?P<x>.+?){FROM_IT}$", "without {x}"),
        (rf"^(?:not\s+including|excluding)\s+(?P<x>.+?){FROM_IT}$", "without {x}"),
        (rf"^(?:also|and)\s+{_EN_ACT}{_EN_IT}\s+to\s+(?P<x>.+)$", "add {x} too"),
        (rf"^{_EN_ACT}{_EN_IT}\s+to\s+(?P<x>.+?)\s+(?:too|as\s+well|also)$", "add {x} too"),
        (r"^(?:also\s+)?include\s+(?P<x>.+)$", "add {x} too"),
    )
)
_LEADING = lazy_pattern(rf"^{_FILLER}", re.I)
# "only Frank then", "just Mike please": words after the change that say nothing of it.
_EN_TAIL = lazy_pattern(
    r"(?:[\s,]+(?:then|please|pls|thanks|thx|thank\s+you|either))+[\s.!]*$", re.I
)
_TRAILING = lazy_pattern(rf"[{_PUNCT}]+$")


@dataclass(frozen=True)
class _Change:
    """The card's action with other customers or other content."""

    segment: Node
    description: str
    details: dict[str, Any]
    intent: str | None = None  # a push moved to a later time is a schedule


@dataclass(frozen=True)
class Amended:
    """A replacement card's answer; `action` is the card it replaces (cancelled once the new
    one is made)."""

    answer: Answer
    action: PendingAction


def _waiting(action: PendingAction, lang: str) -> str:
    """The card that waits, said back with the reminder that it has not run ("嗯 确定" is no
    确认): its title without the word that asks to confirm, and its customers."""
    details = action.details
    if f"title_{action.intent}" not in TEXTS:  # a card of another kind: the reminder alone
        return ""
    title = say(f"title_{action.intent}", lang, tag=details.get("tag", ""),
                name=details.get("name", ""))  # fmt: skip
    title = re.sub(r"^(?:确认|Confirm:\s*)", "", title)
    return say("confirm_how_what", lang, title=title, description=action.description[:60])


@dataclass(frozen=True)
class CalledOff:
    """The card just shown cancelled (`replies`) by the words before `rest`, what the member
    asked for instead ("算了不发了 直接导出给我"): a message of its own, answered next."""

    replies: list[Reply]
    rest: str
    then: Answer | None = None  # the rest's answer when it is about the card's own customers


# "标签要金卡的", "標籤係金卡嘅", "tag 要 VIP 的" on a tag card: the tag it puts on changed, or only
# the customers who hold that tag kept? Both are said so; which is asked.
_TAG_SAID_OF = lazy_pattern(
    r"^(?:标签|tag)\s*(?:要|用|是|系|係)\s*(?P<tag>[^的嘅\s]{1,24}?)\s*(?:的|嘅)\s*"
    r"(?:吧|啦|呀|喇)?[。.!！]*$",
    re.I,
)


def _tag_or_holders(session: Session, ctx: CommandContext, plain: str, lang: str) -> Answer | None:
    found = _TAG_SAID_OF.match(plain)
    if found is None:
        return None
    vocab = load_vocabulary(session, ctx.engine.named)
    tag = vocab.tags.get(normalize_name(found["tag"]))
    if tag is None:
        return None
    return clarify(say("tag_or_holders", lang, tag=tag), [])


def _one_step_back(text: str) -> bool:
    """Whether `text` is one step back and nothing else ("回到上一步", "undo", "go back")."""
    reference = read_back_reference(text)
    return (
        reference is not None
        and reference.position == STEP
        and reference.steps == 1
        and not reference.rest
        # "撤銷，返上一步": the card undone, then a step back of its own (going_back.py)
        and _UNDO_SAID.search(text) is None
    )


_UNDO_SAID = lazy_pattern(r"撤销|撤銷|撤回|取消|undo|cancel", re.I)


def _card_list(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, lang: str
) -> Answer | None:
    """The list the card was made for, answered again; None for named customers."""
    if isinstance(action.details.get("customers"), list):
        return None
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    command = Command("list", segment, lang, action.description, {})
    return answer_command(session, command, requester, ctx.now, ctx.engine)


def says_cancel(text: str) -> bool:
    """Whether `text` is cancel words alone ("算了", "唔好住", "never mind")."""
    return bool(_CANCEL.match(normalize(text)))


def calls_off_card(session: Session, ctx: CommandContext, userid: str, text: str) -> bool:
    """Whether `text` opens with a cancel or a plain no and says more while a card waits:
    those words are the card's (cancel it, or change it), never an acknowledgement to drop."""
    return _said_instead(text) is not None and _card_just_shown(session, ctx, userid) is not None


def adds_to_card(session: Session, ctx: CommandContext, userid: str, text: str) -> bool:
    """Whether `text` adds someone by name to the card just shown ("also tag Bob"): its
    "also" is the addition's, never an acknowledgement to drop."""
    return people_named(text) is not None and _card_just_shown(session, ctx, userid) is not None


def _said_instead(text: str) -> tuple[str, bool] | None:
    """What `text` says after its cancel words — or after a plain no — and whether those
    cancel the card by themselves; None when it opens with neither or says nothing more."""
    plain = normalize(text)
    if _CANCEL.match(plain):
        return None  # cancel words only
    for pattern, cancels in ((_CALL_OFF_LEAD, True), (_NO_LEAD, False)):
        found = pattern.match(plain)
        if found is None:
            continue
        rest = _INSTEAD_END.sub("", _as_typed(text, plain, found.end()))
        rest = rest.lstrip(_PUNCT_CHARS + "-–—:：")
        if rest.strip(_PUNCT_CHARS):
            return rest, cancels
    return None


_PUNCT_CHARS = " ,，、.。!！?？~～…"


def _as_typed(text: str, plain: str, end: int) -> str:
    """What follows `plain[:end]` in `text` as typed (its script, case and quotes): normalising
    drops spaces and maps the other characters one to one."""
    wanted = len(re.sub(r"\s", "", plain[:end]))
    if len(re.sub(r"\s", "", plain)) != len(re.sub(r"\s", "", text)):
        return _as_quoted(plain[end:].strip(), text)
    seen = 0
    for at, char in enumerate(text):
        if seen == wanted:
            return text[at:].strip()
        seen += not char.isspace()
    return ""


# "… export them instead": the rest without the word that only says it replaces the card.
_INSTEAD_END = lazy_pattern(r"[\s,]+(?:instead|rather)[\s.!]*$", re.I)


def card_amendment(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> list[Reply] | Amended | CalledOff | Answer | None:
    """What `text` does to the card just shown: replies to a cancel, the new card's answer,
    a question back, the cancel with what was asked instead; None when it is no change of
    a card."""
    action = _card_just_shown(session, ctx, requester.userid)
    # normalising drops emoji: "👍" alone is read as typed
    plain = normalize(text) or text.strip()
    if action is None:
        if (
            _CANCEL.match(plain)
            and latest_pending(session, requester.userid) is None
            and not undoes_a_step(session, requester.userid, text)  # "撤销": a step back
        ):
            # "算了" / "never mind" with no card waiting at all: said so, as for 取消 (an older
            # card is never cancelled by words that may be about the answer just given)
            return handle_typed(session, ctx, requester.userid, CANCEL_KEY, lang)
        return None
    again = without_correction_lead(text)
    if again is not None and not _one_step_back(again):  # "撤銷，返上一步": undone, then back
        # "再改一下，只给Grace打", "唔係呀，淨係Ken", "sorry, I mean only Pia": the change after
        # the words that say it is one (else the message is read whole, as before)
        changed = card_amendment(session, ctx, requester, again, lang)
        if changed is not None:
            return changed
    # "取消这个定时群发" / "cancel the weekly send" while its card waits: nothing exists yet
    # but the card, so the card is what is called off
    stops_it = action.intent in ("push", "schedule") and says_pause_schedule(text)
    if _CANCEL.match(plain) or stops_it:
        code, action.response_code = action.response_code, None
        return decide(session, ctx, action, requester.userid, CANCEL_KEY, code, lang)
    if action.intent in ("tag", "untag"):
        both = _tag_or_holders(session, ctx, plain, lang)
        if both is not None:  # "标签要金卡的": the card's tag, or its holders? asked
            return both
    if _one_step_back(text):
        # "回到上一步" while the card waits: the card was the last step — it is called off and
        # the list it was for shown again (never left waiting for a 确认 meant for another)
        code, action.response_code = action.response_code, None
        replies = decide(session, ctx, action, requester.userid, CANCEL_KEY, code, lang)
        shown = _card_list(session, ctx, requester, action, lang)
        return CalledOff(replies, text, shown) if shown is not None else replies
    if export_instead(text):  # "改成导出吧", "switch to an export instead": its customers
        code, action.response_code = action.response_code, None
        replies = decide(session, ctx, action, requester.userid, CANCEL_KEY, code, lang)
        exported = _card_export(session, ctx, requester, action, lang)
        return CalledOff(replies, "export" if lang == "en" else "导出", exported)
    instead = _said_instead(text)
    if instead is not None:
        rest, cancels = instead
        # "算了，改成9折" / "唔好，改返做「…」": a change of the card after all (never "撤銷，
        # 返上一步": the card undone, then a step back of the conversation's own)
        changed = (
            None if _one_step_back(rest) else card_amendment(session, ctx, requester, rest, lang)
        )
        if isinstance(changed, (Amended, ClarifyAnswer, CalledOff)) or not cancels:
            return changed
        code, action.response_code = action.response_code, None
        replies = decide(session, ctx, action, requester.userid, CANCEL_KEY, code, lang)
        return CalledOff(replies, rest, _named_export(session, requester, action, rest))
    if _NEAR_CONFIRM.match(plain):
        return [Reply(requester.userid, say("confirm_how", lang, what=_waiting(action, lang)))]
    if action.details.get(APPROVAL_OF):
        return None  # a request already with its approver
    if _QUESTION.search(plain):
        # "and how many of them spent over 1000", "这些人里有几个在上海": a question about the
        # customers is answered, never read as the card's new content (1000 became a coupon)
        return None
    person = _person_added(session, ctx, requester, action, text, lang)
    if person is not None:  # "also tag Bob", "加埋Eve", "Bob too": one more of theirs
        return person
    rows = rows_kept_on_card(session, ctx, requester, action, text)
    if isinstance(rows, list):  # "第1个跟第3个打就行", "actually only the second one"
        names = _row_names(session, rows, lang)
        description = say("only_named", lang, description=action.description, names=names)
        kept = _Change(All(), description, _kept(action) | {"customers": rows})
        return _amended(_for_named(session, requester, action, rows, kept), action)
    if rows is not None:  # a row past the end of the list
        return rows
    dropped_rows = rows_dropped_from_card(session, ctx, requester, action, text)
    if isinstance(dropped_rows, RowsDropped):  # "第1和第3个不要", "第二個唔要", "drop #2"
        return _without_rows(session, ctx, requester, action, dropped_rows, lang)
    if dropped_rows is not None:  # a row past the list, or no numbered list behind the card
        return dropped_rows
    switch = switched(
        lambda said: parse_alone(session, ctx, requester.userid, said), action.intent, text
    )
    if isinstance(switch, Clarification):  # "switch it to a coupon": which coupon?
        return clarify(switch.message, list(switch.suggestions))
    if switch is not None:  # "改成发券吧，满300减50" after a tag card: the same customers
        return _switched_card(session, ctx, requester, action, switch, lang)
    if _other_action(session, ctx, requester, action, text):
        return None  # "send them a coupon" after a tag card: a new card of its own
    widened = widened_card(session, ctx, requester, action, text, lang)
    if widened is not None:  # "改成两个都去掉", "both of them": the whole list shown before
        return _amended(widened, action)
    named = action.details.get("customers")
    changed = _new_repeat(session, ctx, requester, action, plain, lang)
    moved = moved_to(plain) if action.intent in _TIMED and changed is None else None
    if moved is not None:
        changed = _new_time(session, ctx, requester, action, _as_quoted(moved, text), lang)
    if changed is None and moved is not None:
        # "改到下午3点", "move it to 4pm": no day, so the time of day (or the weekday) changes
        said = new_content(_bare(moved), action.intent) or moved  # "3点吧" → 3点
        changed = _loose_content(session, ctx, requester, action, _as_quoted(said, text), lang)
    if changed is None:
        changed = _new_content(session, ctx, requester, action, text, plain, lang)
    if changed is None and action.intent in _NARROWABLE:
        changed = _new_customers(session, ctx, requester, action, text, lang)
    if not isinstance(changed, _Change):
        return changed
    refused = _tag_refused(session, ctx, action, changed, lang)
    if refused is not None:
        return refused
    named = changed.details.get("customers", named)
    if isinstance(named, list):  # customers named one by one: the same ones, still visible
        answer: Answer = _for_named(session, requester, action, [str(n) for n in named], changed)
    else:
        description = changed.description
        if lang != action.language and description == action.description:
            # the card asked in Chinese, changed in English: its customers restated in English
            vocab = load_vocabulary(session, ctx.engine.named)
            description = describe(changed.segment, lang, ctx.now, ctx.settings.timezone, vocab)
        command = Command(changed.intent or action.intent, changed.segment, lang,
                          description, changed.details)  # fmt: skip
        answer = answer_command(session, command, requester, ctx.now, ctx.engine)
    return _amended(answer, action)


def _person_added(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    text: str,
    lang: str,
) -> Amended | Answer | None:
    """The card with the customers `text` names added, when each is one the member may see;
    the refusal (the card unchanged) for a name that is none of theirs; None when `text`
    adds no one by name (a tag, a group: read as before)."""
    if action.intent not in _NARROWABLE or action.intent == "save":
        return None

    found: dict[str, str] = {}  # a customer's stored name → their id

    def visible(name: str) -> str | None:
        matches = named_matches(session, ctx, requester, name)
        if len(matches) != 1:
            return None
        found[matches[0][1]] = matches[0][0]
        return matches[0][1]

    def means_something(word: str) -> bool:
        return isinstance(parse_alone(session, ctx, requester.userid, f"{word}的客户"), Command)

    added = people_added(text, visible, means_something)
    if added is None:
        return None
    if isinstance(added, NotAdded):
        tagging = action.intent in ("tag", "untag")
        return clarify(say(f"card_add_unknown{'_tag' if tagging else ''}", lang, name=added.name))
    members = _card_members(session, ctx, requester, action)
    if members is None:
        return None
    customers = [*members, *(found[n] for n in added if found[n] not in members)]
    names = ("、" if lang == "zh" else ", ").join(added)
    description = say("also_named", lang, description=action.description, names=names)
    change = _Change(All(), description, _kept(action) | {"customers": customers})
    return _amended(_for_named(session, requester, action, customers, change), action)


def _without_rows(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    dropped: RowsDropped,
    lang: str,
) -> Amended | Answer | None:
    """The card again without the customers of the rows taken off, the rest in the list's
    order; a question back when those rows are no longer on it or nobody would be left."""
    members = _card_members(session, ctx, requester, action)
    if members is None:
        return None
    gone = [eid for eid in dropped.customers if eid not in members]
    if gone:  # taken off before, or no longer one the member may see
        numbers = "、".join(str(dropped.shown.index(eid) + 1) for eid in gone)
        return clarify(say_card("card_rows_gone", lang, numbers=numbers))
    place = {eid: i for i, eid in enumerate(dropped.shown)}
    kept = sorted(
        (eid for eid in members if eid not in dropped.customers),
        key=lambda eid: place.get(eid, len(place)),
    )
    if not kept:
        return clarify(say_card("card_rows_all", lang))
    names = _row_names(session, list(dropped.customers), lang)
    description = say("without_named", lang, description=action.description, names=names)
    change = _Change(All(), description, _kept(action) | {"customers": kept})
    return _amended(_for_named(session, requester, action, kept, change), action)


def _card_members(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction
) -> list[str] | None:
    """The customers the card reaches now: those named one by one still visible, else its
    segment's members in the asker's scope; None when its segment cannot be read."""
    named = action.details.get("customers")
    if isinstance(named, list):
        return still_visible(session, requester, [str(n) for n in named])
    try:
        base = from_json(action.segment)
    except SegmentFormatError:
        return None
    return segment_members(session, base, requester=requester, now=ctx.now, ctx=ctx.engine)


def _switched_card(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    switch: Switch,
    lang: str,
) -> Amended | Answer | None:
    """The card's customers with the new action and only its own content."""
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    details = dict(switch.details)
    named = action.details.get("customers")
    change = _Change(segment, action.description, details, intent=switch.intent)
    if isinstance(named, list):
        answer: Answer = _for_named(session, requester, action, [str(n) for n in named], change)
    else:
        command = Command(switch.intent, segment, lang, action.description, details)
        answer = answer_command(session, command, requester, ctx.now, ctx.engine)
    return _amended(answer, action)


def _amended(answer: Answer, action: PendingAction) -> Amended | Answer:
    if isinstance(answer, SegmentAnswer) and answer.needs_confirmation and answer.customers:
        return Amended(answer, action)
    return answer  # nobody left, or asked back: the card stays as it was


# Words no tag name holds: a verb of the action or whom it is for ("改成两个都去掉" is about
# the customers, never a tag named 两个都去掉).
_NOT_A_TAG = lazy_pattern(
    r"去掉|去除|删掉|删除|移除|撕掉|打上|贴上|加上|都|全部|所有|两个|三个|这些|那些|他们|她们|佢哋|"
    r"\b(?:both|all|them|those|remove|untag|tag)\b|"
    # "只tag Grace", "only Pia": whom the card is for, never a tag's name
    r"^(?:只|仅|净系|净)|^(?:only|just)\b"
)


def _tag_refused(
    session: Session, ctx: CommandContext, action: PendingAction, changed: _Change, lang: str
) -> Answer | None:
    """The question back when a changed card would carry a tag that cannot be: words that
    are no tag name, or taking off a tag the company does not have (nothing to confirm). A
    known tag takes the company's spelling."""
    tag = changed.details.get("tag")
    if action.intent not in ("tag", "untag") or not tag or tag == action.details.get("tag"):
        return None
    if _NOT_A_TAG.search(normalize(str(tag))):
        return clarify(say("content_what", lang))
    known = load_vocabulary(session, ctx.engine.named).tags.get(normalize_name(str(tag)))
    if known is not None:
        changed.details["tag"] = known  # the company's spelling: 改成vip → “VIP”
    elif action.intent == "untag":
        return clarify(say("content_what", lang))
    return None


def _card_export(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, lang: str
) -> Answer | None:
    """The card's own customers as a file (a narrowed card stays narrowed): the ones named
    one by one, else its segment now and in the asker's scope."""
    if isinstance(action.details.get("customers"), list):
        return _named_export(session, requester, action, "导出")
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    details = {"segment_from_context": True, "format": "xlsx"}
    command = Command("export", segment, lang, action.description, details)
    return answer_command(session, command, requester, ctx.now, ctx.engine,
                          with_members=ctx.count_ids)  # fmt: skip


def _named_export(
    session: Session, requester: Requester, action: PendingAction, rest: str
) -> SegmentAnswer | None:
    """ "算了不发了，导出给我" after a card for customers named one by one (Dan taken out):
    those customers exported — the last answer shown was the card, no segment to export."""
    named = action.details.get("customers")
    if not isinstance(named, list) or not is_export_this(without_acknowledgement(rest)):
        return None
    visible = tuple(still_visible(session, requester, [str(n) for n in named]))
    return SegmentAnswer(
        intent="export",
        segment=All(),
        description=action.description,
        customers=visible,
        scope_note=scope_note(All(), requester, action.language),
        named=visible,
    )


def _for_named(
    session: Session,
    requester: Requester,
    action: PendingAction,
    named: list[str],
    changed: _Change,
) -> SegmentAnswer:
    visible = tuple(still_visible(session, requester, named))
    return SegmentAnswer(
        intent=changed.intent or action.intent,
        segment=All(),
        description=changed.description,
        customers=visible,
        action=ActionDetails.of(changed.details),
        needs_confirmation=True,
        scope_note=scope_note(All(), requester, action.language),
        named=visible,
    )


def replace_card(session: Session, ctx: CommandContext, amended: Amended) -> list[Reply] | None:
    """Cancel the replaced card's action (before its replacement is made, so 确认 finds the
    new one) and grey out its buttons where WeCom lets the card be updated; None when it was
    decided meanwhile."""
    action = amended.action
    if not cancel(session, action, action.asker_userid, ctx.now):
        return None
    code, action.response_code = action.response_code, None  # a response code is single use
    if not code or not action.card:
        return []
    lang = action.language
    card = outcome_card(
        action.card, outcome=say("card_replaced", lang), replace_text=say("replace_replaced", lang)
    )
    return [Reply(action.asker_userid, "", card=card, update_code=code)]


def _card_just_shown(session: Session, ctx: CommandContext, userid: str) -> PendingAction | None:
    """The member's live pending action when its card is the last thing they were answered."""
    action = latest_pending(session, userid)
    if action is None or action.expires_at <= ctx.now:
        return None
    previous = conv.load(session, userid, ctx.now).previous
    if previous is None or previous.intent != action.intent:
        return None
    if isinstance(action.details.get("customers"), list):
        return action  # a card for named customers: no segment to compare
    if previous.kind != conv.LIST or not previous.segment:
        return None
    try:
        shown = to_json(canonical(from_json(previous.segment)))
    except SegmentFormatError:
        return None
    return action if shown == action.segment else None


def _new_content(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    text: str,
    plain: str,
    lang: str,
) -> _Change | Answer | None:
    """The card with new content when `text` says "改成…/change it to …"."""
    found = (
        _CHANGE_ZH.match(plain)
        or _CHANGE_EN.match(plain)
        or _SHOULD_EN.match(plain)
        or _INSTEAD_EN.match(plain)
    )
    if found is None:
        old = str(action.details.get("tag") or "") if action.intent in ("tag", "untag") else ""
        # "还是9折吧", "use 金卡 instead", "打金卡唔好打VIP"
        loose = new_content(_bare(plain), action.intent, old)
        if loose is None:
            return None
        return _loose_content(session, ctx, requester, action, _as_quoted(loose, text), lang)
    new = _as_quoted(_TRAILING.sub("", found.group("new")).strip(), text)
    new = _INSTEAD_END.sub("", new) or new  # "make it friday instead"
    new = _CONTENT_VERB.sub("", new, count=1).strip() or new  # "改成打高意向" → 高意向
    if action.intent in ("tag", "untag") and not typed_quotes(text):
        new = _TAG_TAIL.sub("", new).strip() or new  # "标签改成高意向吧", "tag 改做 VIP 吖"
    if action.intent in _TIMED:
        new = without_send_words(new)  # "改成每周三都发" → 每周三
    if not new:
        return clarify(say("content_what", lang))
    if action.intent in _TIMED and _of_time(found.groupdict().get("what")):
        # "改成明天上午10点再发", "改成只发一次，明天上午9点" (never "消息改成…": its words)
        timed = _new_time(session, ctx, requester, action, new, lang) or _new_repeat(
            session, ctx, requester, action, normalize(new), lang
        )
        if timed is not None:
            return timed
    said_value = _AMOUNT_NAMES.get((found.groupdict().get("value") or "").lower().split(" ")[0])
    value = (
        None
        if _names_colleague(session, ctx, new)  # "改成赵六的": whose, never ¥6
        else _coupon_value(action, f"{said_value or ''}{new}", lang)
    )
    if value is not None:  # "改成减80", "make it 25 off": the coupon's value, its threshold kept
        return value
    named = isinstance(action.details.get("customers"), list)
    of_whom = action.intent in _NARROWABLE and _as_follow_up(new) != _bare(new)
    if of_whom and not named:  # "改成只给男的打": the customers, said with a change word
        return _new_customers(session, ctx, requester, action, new, lang)
    if of_whom and _ONLY_SAID.match(new):
        # "改返做只tag Grace" on a card for customers named one by one: whom, never a tag
        return _new_customers(session, ctx, requester, action, new, lang) or clarify(
            say("content_what", lang)
        )
    details = _content_details(session, ctx, requester, action, new)
    if not details:
        # "改成上海的" / "change it to Shanghai": the customers, not the content
        moved = None
        if action.intent in _NARROWABLE and not named:
            moved = _new_customers(session, ctx, requester, action, f"那{new}呢", lang)
            if isinstance(moved, _Change):
                return moved
        if _of_message(action, found.groupdict().get("what")) and not _only_a_time(
            session, ctx, new
        ):
            # "改成 <script>…</script> 您好" on a message card: its new words, as typed
            said = _as_typed(text, plain, found.start("new")).strip(_PUNCT_CHARS + ":：")
            return _new_message(session, ctx, requester, action, _INSTEAD_END.sub("", said))
        if moved is not None:
            return moved
        return clarify(say("content_what", lang))
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    return _Change(segment, action.description, _kept(action) | details)


_TIMED = ("push", "schedule")
# A change that keeps some customers says so first: 只 / 淨係 / only / just.
_ONLY_SAID = lazy_pattern(r"^(?:只|仅|僅|净|淨|就只|only\s|just\s)", re.I)
# What closes a tag said unquoted, never part of its name: a particle, "就好", "please".
_TAG_TAIL = lazy_pattern(
    r"(?:\s*(?:吧|啦|吖|呀|啊|喇|嘞|咯|了|哦|喔|嘛|先|就好|就行|就得|就可以|得喇|得啦|好了|即可)|"
    r"\s+(?:la|lah|ah|ar|lor)|\s*(?:please|pls|thanks|thx|thank\s+you))+$",
    re.I,
)
_MESSAGE_WORDS = ("消息", "讯息", "信息", "短信", "内容", "文案", "话术", "message", "msg", "text")


def _of_message(action: PendingAction, what: str | None) -> bool:
    """Whether a change that reads as no coupon, time or customers is the card's message:
    the card sends one, and the change names no other part of it."""
    if action.intent not in _TIMED or not action.details.get("message"):
        return False
    return what is None or what.lower() in _MESSAGE_WORDS


# Time words a change may be about (改成下个周末, 改成明天): a when, never a message's words.
_TIME_REASONS = TIME_QUESTIONS | {"future"}


def _only_a_time(session: Session, ctx: CommandContext, new: str) -> bool:
    """Whether `new` is a time and nothing else: then "改成 X" asks about the send's time (or
    says it cannot be read) rather than making X the message ("改成下個週末" had become the
    message 下個週末). Words with a time inside ("周末来店里看看") are still a message."""
    vocab = load_vocabulary(session, ctx.engine.named)
    said = normalize(new)
    try:
        tokens = tokenize(said, vocab, ctx.now, ctx.settings.timezone)
    except (Ask, SegmentFormatError):
        return False
    timed = [t for t in tokens if _is_time(t)]
    # (what the time grammar leaves beside a time: 下个周|末, 10|点, 10 am, "next" weekend)
    loose = [
        t
        for t in tokens
        if (t.kind == K.UNKNOWN and (len(t.text) == 1 or t.text.lower() in ("am", "pm")))
        or (t.kind == K.INTENT and t.text.lower() == "next")
    ]
    return bool(timed) and all(_is_time(t) or t.kind in _TIME_GLUE or t in loose for t in tokens)


def _is_time(tok: Token) -> bool:
    return tok.kind == K.WINDOW or (tok.kind == K.UNSUPPORTED and tok.value in _TIME_REASONS)


# What may stand beside a time said alone: 的, fillers, a number (下周一10点), a comma.
_TIME_GLUE = frozenset({K.DE, K.FILLER, K.SEP, K.NUM, K.UNIT})


def _new_message(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, said: str
) -> _Change | Answer | None:
    """The card with `said` as its message, checked as a quoted message is (its length, its
    variables); the parser's question back when it cannot be sent."""
    if not said:
        return None
    quoted = said.strip("“”\"'「」")
    parsed = parse_alone(session, ctx, requester.userid, f"给所有客户发消息“{quoted}”")
    if isinstance(parsed, Clarification):
        return clarify(parsed.message, list(parsed.suggestions))
    if not isinstance(parsed, Command) or not parsed.details.get("message"):
        return None
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    return _Change(segment, action.description, _kept(action) | {"message": quoted})


def _content_alone(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, new: str
) -> bool:
    """Whether `new` says content and nothing of customers: no action of its own, and no
    condition when framed as the card's action on everybody."""
    alone = parse_alone(session, ctx, requester.userid, new)
    if isinstance(alone, Command) and alone.intent in _ACTIONS:
        return False
    if _names_colleague(session, ctx, new):
        return False  # "只发赵六的": whose customers — never a coupon of 六 yuan
    for frame in _CONTENT_FRAMES.get(action.intent, ()):
        framed = parse_alone(session, ctx, requester.userid, frame.format(new=new))
        if isinstance(framed, Command):
            return isinstance(framed.segment, All)
    return True


def _names_colleague(session: Session, ctx: CommandContext, words: str) -> bool:
    """Whether `words` name a colleague (whose numeral is no amount: 赵六, 王五)."""
    tokens = readable_tokens(session, ctx, words) or []
    return any(t.kind == K.NAME and any(m.kind == "staff" for m in t.meanings) for t in tokens)


# What a change said with no change word may be ("还是9折吧", "3pm instead", "用金卡吧"): never
# a message or a name, whose words could be anything the member says.
_LOOSE_KEYS = {"push": ("coupon",), "schedule": ("schedule", "coupon"), "tag": ("tag",),
               "untag": ("tag",)}  # fmt: skip


def _loose_content(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    new: str,
    lang: str,
) -> _Change | Answer | None:
    """The card with the content `new` gives when it was said with no change word; None
    unless it reads as a time, a coupon or a tag the company has (the words may be about
    customers: "金卡吧" after a tag card may mean only the 金卡 ones)."""
    if action.intent in _TIMED:
        new = without_send_words(new)
        timed = _new_time(session, ctx, requester, action, new, lang) or _new_repeat(
            session, ctx, requester, action, normalize(new), lang
        )
        if timed is not None:
            return timed
    if not _content_alone(session, ctx, requester, action, new):
        return None  # "俾北京嘅VIP客发张券": a new action, or customers with the content
    value = _coupon_value(action, new, lang)
    if value is not None:  # "减80就好", "25 off instead"
        return value
    wanted = _LOOSE_KEYS.get(action.intent, ())
    found = _content_details(session, ctx, requester, action, new)
    details = {k: v for k, v in found.items() if k in wanted}
    tag = details.get("tag")
    if (
        tag is not None
        and load_vocabulary(session, ctx.engine.named).tags.get(normalize_name(str(tag))) is None
    ):
        return None
    if not details:
        return _time_asked(session, ctx, requester, action, new)
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    return _Change(segment, action.description, _kept(action) | details)


# Which amount of the coupon a change names ("面额改成80", "门槛改成300", "make the minimum
# 250"), said as the coupon words that name it.
_AMOUNT_NAMES = {"面额": "面额", "面值": "面额", "金额": "面额", "value": "面额", "amount": "面额",
                 "门槛": "门槛", "门坎": "门槛", "min": "门槛", "minimum": "门槛",
                 "threshold": "门槛"}  # fmt: skip


def _coupon_value(action: PendingAction, new: str, lang: str) -> _Change | Answer | None:
    """The card with its coupon's value changed when `new` says a value alone ("减80", "25
    off", "面额80"): the threshold on the card stays. A question back when the value's kind
    is unclear; None when `new` is no value alone (a whole coupon is read as before)."""
    old = parse_coupon_words(str(action.details.get("coupon") or ""))
    if action.intent not in _TIMED or old is None or typed_quotes(new):
        return None
    try:
        coupon = read_coupon_change(normalize(new), old)
    except Ask as asked:
        return clarify(asked.message(lang), list(asked.suggestions))
    if coupon is None:
        return None
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    return _Change(segment, action.description, _kept(action) | {"coupon": coupon.words})


def _time_asked(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, new: str
) -> Answer | None:
    """The parser's question back about a time of day that cannot be run as said ("3点":
    morning or afternoon?), for a timed card; else None."""
    if action.intent not in _TIMED or not _says_time(new):
        return None
    parsed = parse_alone(session, ctx, requester.userid, f"每天{new}给所有客户发消息“x”")
    if isinstance(parsed, Clarification):
        return clarify(parsed.message, list(parsed.suggestions))
    return None


def _of_time(what: str | None) -> bool:
    """Whether the part a change names may be the time ("改成…", "时间改成…", "change the
    time to …"), not the coupon, the message or the tag."""
    return what is None or what.lower() in ("时间", "time")


def _new_time(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    new: str,
    lang: str,
) -> _Change | Answer | None:
    """The card sent once at the later time `new` says (bot/commands/card_when.py), a
    question back, or None when `new` says no day."""
    old = action.details.get("schedule")
    today = ctx.now.astimezone(ctx.settings.timezone).date()
    found = new_when(
        new,
        old if isinstance(old, dict) else None,
        lambda t: parse_alone(session, ctx, requester.userid, t),
        today,
    )
    if found is None:
        return None
    if isinstance(found, Ask):
        return clarify(found.message(lang), list(found.suggestions))
    if isinstance(found, Clarification):
        return clarify(found.message, list(found.suggestions))
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    return _Change(segment, action.description, _kept(action) | found, intent="schedule")


def _new_repeat(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    plain: str,
    lang: str,
) -> _Change | Answer | None:
    """The card's send made to repeat ("改成每周一上午9点发", "schedule it every Monday at 9am
    instead"): a push becomes a schedule; a schedule gets its new days and time."""
    if action.intent not in _TIMED:
        return None
    old = action.details.get("schedule")
    parse = lambda t: parse_alone(session, ctx, requester.userid, t)  # noqa: E731
    found = repeat_of(plain, old if isinstance(old, dict) else None, parse, lang)
    if found is None:
        return None
    if isinstance(found, Clarification):
        return clarify(found.message, list(found.suggestions))
    try:
        segment = from_json(action.segment)
    except SegmentFormatError:
        return None
    return _Change(segment, action.description, _kept(action) | found, intent="schedule")


# Sentences that carry only content, for the parser to read the new content in.
_CONTENT_FRAMES = {
    "push": ("给所有客户发{new}", "给所有客户发{new}的券", "给所有客户发消息{new}"),
    "schedule": ("{new}给所有客户发消息“x”", "给所有客户发{new}", "给所有客户发{new}的券"),
    "tag": ("给所有客户打上{new}标签", "给所有客户打上{new}"),
    "untag": ("去掉所有客户的{new}标签",),
    "save": ("把所有客户存成分群{new}",),
}
_CONTENT_KEYS = {
    "push": ("coupon", "message"),
    "schedule": ("schedule", "coupon", "message"),
    "tag": ("tag",),
    "untag": ("tag",),
    "save": ("name",),
}


def _content_details(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, new: str
) -> dict[str, Any]:
    """The content keys `new` gives the action (a coupon, a message, a time, a tag, a name)."""
    wanted = _CONTENT_KEYS.get(action.intent, ())
    new = _new_coupon_value(action, new) or new
    for frame in _CONTENT_FRAMES.get(action.intent, ()):
        found = _parsed_details(session, ctx, requester, frame.format(new=new), wanted)
        if action.intent == "schedule" and frame.startswith("{new}"):
            found = {k: v for k, v in found.items() if k == "schedule"}
            if not _says_time(new):
                found = {}  # "改成每周五" at the default hour: the card's own hour is kept (below)
        if found:
            return found
    old = action.details.get("schedule")
    if action.intent == "schedule" and isinstance(old, dict):
        return _part_of_schedule(session, ctx, requester, old, new)
    return {}


# Only the coupon's value said again ("改成减80", "减80吧", "make it 25 off"): 减 or "off" says
# it is the value; a bare number ("改成80") could be either amount, and is asked as before.
_VALUE_ONLY = lazy_pattern(
    r"^(?:(?:减|减掉|少|便宜)\s*[¥$￥]?\s*(?P<zh>\d+(?:\.\d+)?)\s*(?:元|块|蚊|rmb)?|"
    r"[¥$￥]?\s*(?P<en>\d+(?:\.\d+)?)\s*(?:元|块|蚊|rmb|yuan|dollars?|bucks)?\s*off)"
    r"\s*(?:的券|券|coupon)?\s*(?:吧|啦|了|喇|instead)?$",
    re.I,
)


def _new_coupon_value(action: PendingAction, new: str) -> str | None:
    """The card's 满X减Y coupon with only its value changed, when `new` says only a value."""
    found = _VALUE_ONLY.match(normalize(new).strip())
    coupon = action.details.get("coupon")
    if found is None or not isinstance(coupon, str):
        return None
    try:
        old = read_coupon(coupon)
    except Ask:
        return None
    if old.kind != "threshold" or old.threshold is None:
        return None
    return f"满{format(old.threshold.normalize(), 'f')}减{found['zh'] or found['en']}"


def _part_of_schedule(
    session: Session, ctx: CommandContext, requester: Requester, old: dict[str, Any], new: str
) -> dict[str, Any]:
    """A schedule with one part changed: "改成9点" / "change it to 9am" keeps the days,
    "改成每周五" keeps the time of day."""
    said_time = _says_time(new) and _parsed_details(
        session, ctx, requester, f"每天{new}给所有客户发消息“x”", ("schedule",)
    ).get("schedule")
    if said_time:
        return {"schedule": {**old, "time": said_time["time"]}}
    days = _every_weekday(new) if old.get("every") != "once" else new
    said_days = _parsed_details(
        session, ctx, requester, f"{days} {old.get('time', '')}给所有客户发消息“x”", ("schedule",)
    ).get("schedule")
    if said_days:
        return {"schedule": {**said_days, "time": old.get("time", said_days["time"])}}
    return {}


# A weekday alone on a repeating card ("change it to Fridays", "on Fridays", "改成周五"): the
# day it repeats on (the card repeats already; a one-off card's "周五" is not read so).
_BARE_WEEKDAY = lazy_pattern(
    r"^\s*(?:on\s+)?(?P<en>(?:mon|tues|wednes|thurs|fri|satur|sun)day)s?\s*$"
    r"|^\s*(?P<zh>(?:周|星期|礼拜|禮拜)[一二三四五六日天1-7])\s*$",
    re.I,
)


def _every_weekday(new: str) -> str:
    found = _BARE_WEEKDAY.match(new)
    if found is None:
        return new
    return f"every {found.group('en')}" if found.group("en") else f"每{found.group('zh')}"


def _says_time(new: str) -> bool:
    """Whether `new` says a time of day (a schedule said without one runs at a default hour,
    which a change of its days alone must not bring in)."""
    try:
        return find_clock(normalize(new)) is not None
    except Ask:
        return True  # not a time of day: the parse asks about it


def _parsed_details(
    session: Session, ctx: CommandContext, requester: Requester, text: str, wanted: tuple[str, ...]
) -> dict[str, Any]:
    parsed = parse_alone(session, ctx, requester.userid, text)
    if not isinstance(parsed, Command):
        return {}
    return {k: parsed.details[k] for k in wanted if k in parsed.details}


def _new_customers(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    text: str,
    lang: str,
) -> _Change | Answer | None:
    """The card for other customers when `text` narrows, widens or swaps its segment."""
    if _whole_action(session, ctx, requester, text):
        return None  # "把VIP标签从北京的客户身上拿掉": an action of its own, a card of its own
    follow = read_follow_up(_as_follow_up(text))
    if follow is None:
        return None
    try:
        base = from_json(action.segment)
    except SegmentFormatError:
        return None
    named = action.details.get("customers")
    if isinstance(named, list):  # a card for customers named one by one: more names only
        members = still_visible(session, requester, [str(n) for n in named])
        by_names = _by_names(session, ctx, requester, action, follow, members, lang)
        if by_names is not None or follow.mode == ALSO or follow.loose:
            return by_names
        # "只要上海的" after "Dan不用": the ones named kept where they meet the condition
        narrowed = narrowed_by(session, ctx, requester, follow, All(), lang)
        if not isinstance(narrowed, tuple):
            return narrowed
        customers = _meeting(session, ctx, requester, narrowed[0], members)
        description = say("only_named", lang, description=action.description, names=narrowed[1])
        return _Change(All(), description, _kept(action) | {"customers": customers})
    changed = narrowed_by(session, ctx, requester, follow, base, lang)
    if isinstance(changed, ClarifyAnswer):  # "不要给Bob打", "only Mike": customers by name
        members = segment_members(session, base, requester=requester, now=ctx.now, ctx=ctx.engine)
        return _by_names(session, ctx, requester, action, follow, members, lang) or changed
    if not isinstance(changed, tuple):
        return changed
    segment, description = changed
    return _Change(segment, description, _kept(action))


def _meeting(
    session: Session, ctx: CommandContext, requester: Requester, segment: Node, members: list[str]
) -> list[str]:
    """Those of `members` (a card's customers named one by one) in `segment` now."""
    meeting = set(segment_members(session, segment, requester=requester, now=ctx.now,
                                  ctx=ctx.engine))  # fmt: skip
    return [eid for eid in members if eid in meeting]


def _by_names(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    action: PendingAction,
    follow: FollowUp,
    members: list[str],
    lang: str,
) -> _Change | None:
    """The card's customers with some named one by one taken out (不要给Bob打), kept alone
    (only Mike) or added (also Lily): only customers the member may see, and — except for
    an added one — only those the card reaches; else None (the question back stands)."""
    words = name_words(follow.rest)
    if words is None:
        return None
    found: list[tuple[str, str]] = []
    for word in words:
        matches = named_matches(session, ctx, requester, word)
        if len(matches) != 1:
            return None
        found.append(matches[0])
    ids = [eid for eid, _ in found]
    if follow.mode != ALSO and any(eid not in members for eid in ids):
        return None
    if follow.mode == WITHOUT:
        customers = [eid for eid in members if eid not in ids]
    elif follow.mode == ALSO:
        customers = [*members, *(eid for eid in ids if eid not in members)]
    else:
        customers = ids
    names = ("、" if lang == "zh" else ", ").join(name for _, name in found)
    how = {WITHOUT: "without_named", ALSO: "also_named"}.get(follow.mode, "only_named")
    description = say(how, lang, description=action.description, names=names)
    return _Change(All(), description, _kept(action) | {"customers": customers})


def _as_quoted(new: str, text: str) -> str:
    """`new` (read from the normalised text) with its quoted words as the member typed them:
    a message reaches customers exactly as written, never in lower case or another script."""
    for said, typed in typed_quotes(text).items():
        new = new.replace(said, typed)
    return new


def _whole_action(session: Session, ctx: CommandContext, requester: Requester, text: str) -> bool:
    whole = parse_alone(session, ctx, requester.userid, text)
    return isinstance(whole, Command) and whole.intent in _ACTIONS


def _other_action(
    session: Session, ctx: CommandContext, requester: Requester, action: PendingAction, text: str
) -> bool:
    """Whether `text` is a whole action of another kind than the card's, with its own
    content (a push after a tag card): no change of this card."""
    whole = parse_alone(session, ctx, requester.userid, text)
    if isinstance(whole, Command):
        intent, details = whole.intent, whole.details
    else:  # "这些人里上海的打上待跟进标签": asked as a whole, still a tagging of its own
        said = _action_said(text)
        if said is None or _untags_no_tag(session, said):
            return False  # "drop Heidi from it": no tag is called Heidi, so she is dropped
        intent, details = said.intent, said.details
    if intent not in _ACTIONS:
        return False
    own = any(k in details for k in ("message", "coupon", "tag", "name"))
    return (
        intent != action.intent
        and own
        and not (
            {intent, action.intent} <= {"push", "schedule"}  # a push moved to a time
        )
    )


def _untags_no_tag(session: Session, said: FoundAction) -> bool:
    """Whether `said` takes off a tag no customer can have (no tag is called so): "drop X
    from it" / "remove X from them" then names whom to drop from the card, not a tag."""
    if said.intent != "untag":
        return False
    name = normalize_name(str(said.details.get("tag") or ""))
    return bool(name) and name not in {normalize_name(t) for t in session.scalars(select(Tag.name))}


def _action_said(text: str) -> FoundAction | None:
    """The action `text` words, read on its own (its customers aside)."""
    try:
        return find_action(normalize(text), typed_quotes(text), text)
    except Ask:
        return None


def _kept(action: PendingAction) -> dict[str, Any]:
    """What the new card keeps of the old one's content."""
    return {k: v for k, v in action.details.items() if k in ACTION_DETAILS}


def _as_follow_up(text: str) -> str:
    """`text` with an action's words ("只给上海的发", "don't send it to Beijing") said as the
    follow-up they are ("只要上海的", "without Beijing"); else as written, fillers dropped."""
    text = _COUNTED_ONES.sub(lambda m: m["de"] or "的", text)  # 赵六的那两个: 赵六的
    plain = _bare(_EN_TAIL.sub("", _bare(normalize(text))))
    kept = _kept_after_reason(plain)
    if kept is not None:
        return kept
    rewritten = _rewritten(plain)
    if rewritten is not None:
        return rewritten
    # "Mike不用了", "VIP那啲唔使", "leave Mike out", "no Mike" (a filler "no" kept)
    loose = dropped(plain) or dropped(_TRAILING.sub("", normalize(text)).strip())
    return loose or _bare(_EN_TAIL.sub("", _bare(text)))


# "只给赵六的那两个打", "淨係李四嗰三個": the ones of a kind pointed at with how many there are
# on the card; the count restates the card and adds no condition.
_COUNTED_ONES = lazy_pattern(
    r"(?:(?P<de>的|嘅)|(?<=[\u4e00-\u9fff])(?<![给給畀把要係系只将將对對跟和同与與及有是]))"
    r"\s*(?:那|嗰|这|這|呢)\s*(?:[一二两兩三四五六七八九十]|\d{1,2}|几|幾)?\s*"
    r"(?:个|個|位|些|啲)(?:人|客户|客戶|客人)?"
    # the ones themselves, then the verb or nothing: never "这个标签", "那个活动"
    r"(?=\s*(?:打|发|發|推|送|就|吧|啦|喇|得|$|[，,。.!！]))"
)


def _rewritten(plain: str) -> str | None:
    for pattern, template in (*_ZH_REWRITES, *_EN_REWRITES):
        found = pattern.match(plain)
        if found is not None and found.group("x").strip():
            return template.format(x=found.group("x").strip())
    return None


_KEEPS = lazy_pattern(r"^(?:只要|only\s|just\s|keep\s)", re.I)


def _kept_after_reason(plain: str) -> str | None:
    """ "Omar已经有啦，只要Frank", "Omar already has it, just Frank": the ones kept, said after
    why another is left out. None when no reason comes first, or what follows names no one
    kept (a reason before "北京的也加上" would leave the one it speaks of on the card)."""
    rest = _bare(without_reason(plain))
    if rest == plain:
        return None
    said = _rewritten(rest) or rest
    return said if _KEEPS.match(said) else None


def _bare(text: str) -> str:
    """`text` without the fillers before it and the punctuation after it."""
    return _TRAILING.sub("", _LEADING.sub("", text.strip())).strip() or text
