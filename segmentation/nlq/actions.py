"""Actions carved out of a command before its segment is parsed: push (coupon or message),
schedule, tag/untag, save, explain. Each returns the segment text that remains."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from segmentation.nlq.ask import Ask
from segmentation.nlq.content_apart import Apart, parts_apart
from segmentation.nlq.coupons import check_message, read_coupon
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.message_apart import message_said_plainly
from segmentation.nlq.one_customer import PICKED_CUSTOMER, THAT_CUSTOMER_ZH
from segmentation.nlq.one_off import (
    ONCE_WORDS,
    VAGUE_DAY,
    OneDay,
    check_future,
    day_matches,
    resolve_day,
    vague_day,
)
from segmentation.nlq.say_words import find_said
from segmentation.nlq.schedules import (
    FREQUENCY_WORDS,
    find_clock,
    find_frequency,
    leading_part,
    part_in_frequency,
    which_hour,
)
from segmentation.nlq.tag_actions import (
    CANTONESE_OFF_FIRST,
    OFF_END,
    clean_name,
    name_state,
    read_en,
    read_zh,
    tag_refusing_another,
    trim_adverbs,
    which_tag,
    without_all,
)
from segmentation.nlq.tag_name_apart import name_said_apart
from segmentation.text import normalize

# "…贴金卡标签就好", "…打个标就行": "that will do" after the action's own last word (never in
# a message: "发消息：来了就好" keeps its words).
_TAIL = lazy_pattern(
    r"(?:(?:(?<=标签)|(?<=標籤)|(?<=[标券卷]))(?:就好|就行|就可以了?|即可|就得|就ok|便可)(?:了|啦|吧)?)?"
    r"[\s,，。.!！?？~]*$"
)
# Normalising drops the space between ASCII and Chinese ("a 满100减20 coupon" → "a满100减20
# coupon"), so an article ends at a space or where Chinese begins.
_AFTER_ARTICLE = r"(?:\s+|(?=[^\x00-\x7f]))"
# The verbs that send: 传 only before a message word (传讯息, 傳個訊息), 派 only before a
# coupon (派券, 派一张券). Never with 过/了 after it: "发过消息的客户" is a condition (contacted).
_MESSAGE_NOUN = r"(?:讯息|消息|信息|简讯|短信|message|msg)"
# 群发 is the send verb only before what is sent ("给VIP群发消息“…”", "群发一条"); before 的/都/没
# or after a receiving word it is the mass message as a noun, inside a condition ("给近30天没收到
# 过群发的VIP发消息“…”", "一条群发都没收到的客户"), and its 发 is no send verb either. After 分
# it is a saved segment's word, then the verb: "给十月女客分群发一张券" = 分群 + 发.
_MASS_SEND = (
    r"(?<!收到|收过|到过|收了|接到|一条|一则|一封|一次|任何|上次|没有|从没)(?<![被分])群发"
    r"(?!(?:消息|讯息|信息|message|msg)?\s*(?:的|嘅|都|也|没|冇|未|过|收|从|不|唔|有|是)|"
    r"[一1](?:条|则|封|次)(?:消息|讯息|信息)?(?:都|也))"
)
_V_PUSH = (
    # The English verbs said in a Chinese frame too: 给金卡客户push一条消息, 给VIP send 一张券.
    r"(?:发送|发放|派发|赠送|"
    + _MASS_SEND
    + r"|(?<!(?<!分)群)发(?!展|送|放)|推送|推播|推(?!荐|送|播)|送(?!货)|"
    r"\s*(?:push|send)\s*|"
    # 传 before a message word or the quoted message itself (傳「新品到貨」給…)
    r"传(?:送)?(?=(?:个|一?条|一?则|一?封)?\s*(?:" + _MESSAGE_NOUN + r"|“)|一?[句条]\s*[:：])|"
    # 传/派 before what is sent: a message, or a coupon (传一张满500折50的优惠券)
    r"(?:派|传)(?=[^，,]{0,16}(?:券|红包|coupon|voucher))|"
    # 出 (issue, HK/colloquial) only before a counted coupon or the word itself: 同佢出张券,
    # 出一张满300减50的券 (never "上次活动出的券": which coupon, a condition)
    r"出(?=\s*(?:(?:[一两1]\s*)?[张份个]\s*[^，,]{0,14}(?:券|红包|coupon|voucher)|券))|"
    # 补 (make up for, send another) before a coupon or a count of one: 补一张无门槛20元的, 补发券
    r"补发|补(?=\s*(?:[一两二三1-9]\s*)?张|[^，,]{0,16}(?:券|红包|coupon|voucher))|"
    # 寄 (mail) before what is sent: 寄感谢讯息, 寄一张券, 寄一張滿千折百的折價券 (Taiwan)
    r"寄(?=[^，,“]{0,16}(?:" + _MESSAGE_NOUN[3:-1] + r"|券|红包|coupon|voucher)))(?![过了])"
)
# Customers said first are never the ones who received something ("收到过群发消息的"): that
# is a condition, not a send.
_NOT_RECEIVED = r"(?!.*(?:收到|收过|领到|领过|领取|接到|接收|拿到|用过|核销))"
# Nor are they a send verb ("send a 群发 message … to VIPs": whom comes after "to").
_NO_VERB_FIRST = r"(?!\s*(?:send|push|give|issue|dispatch|hand)(?![a-z]))"
# One each: 每人/每位/人手/各 (一张) between the customers and what they get.
# 再/又/也 (again, also) stand there too: "给他们每人再发一张".
_EACH_ZH = (
    r"(?:都|再|又|也|每人|每位客户|每位|每个客户|每个人|人手|各自|各|"
    r"一人(?=\s*(?:[一1]\s*[张份个条]|发|送)))"
)
# A count of what is sent begins it when no verb does: 俾佢哋一张券, 给VIP客户每人一张券.
# (a count of people is whom: 给这两个人打上…, 给这3个客户…)
_COUNTED = r"(?:[一两二三1-9]|几)\s*(?:[张份条封则]|个(?!\s*(?:人|客户|客人|客|顾客)))"
# A measure word without its 一 right after a send verb (送张满两千减三百的券, 派张coupon, 发条
# 消息, 发句：…): one of what follows — a coupon word must follow 张, a message word or the
# message itself 条/句, so 张三 stays a name.
_MEASURE_ALONE = (
    r"(?:张|份)(?=[^，,]{0,16}(?:券|红包|coupon|voucher))|"
    r"(?:[一1]\s*)?[条句则封](?=\s*(?:[:：“]|" + _MESSAGE_NOUN + r"))"
)
# A coupon said in its own words and nothing else, ending in its noun: "85折 券", "满300减50嘅券",
# "无门槛30蚊的券", or a discount alone: "(打)85折" (normalised text).
_COUPON_ONLY = (
    r"(?:满|无门槛|现金|打\s*\d|\d|[一二两三四五六七八九十]+\s*(?:折|元|块|蚊))"
    r"[\d.\s满减折抵打享元块蚊无门槛的嘅现金立即直%一二两三四五六七八九十百千万点]*"
    r"(?:优惠券|代金券|现金券|折扣券|抵用券|券|(?<=折))"
)
# Whom 帮/同/跟 point at when they mean "to": a pronoun or the previous answer (normalised).
_POINTER_ZH = (
    r"她|他|佢|ta|这位|呢位|那位|这些|那些|这批|这几|那几|这两|那两|这俩|呢啲|那啲|呢班|"
    r"这班|那班|剩下的|剩下那些|剩低嘅|剩低啲"
)
# A pronoun or the previous answer as a whole word, for a send with two objects.
_WHOM_ZH = (
    # they with their number: 发她俩一张券, send佢哋两个张券
    r"(?:她们|他们|佢们)(?:俩|[两二三四五六2-6](?:个|位))?|(?:她|他|佢)俩|"
    r"她|他|佢|ta|这些(?:客户|人)?|那些(?:客户|人)?|这批(?:客户|人)?|"
    # 这两个人 / 那3位客户 / 呢几个客: the answer just given, with its size
    r"(?:这|那|呢)(?:几|两|俩|二|三|四|五|六|七|八|九|十|\d{1,3})(?:个人|个|位|名)?"
    r"(?:客户|客人|客|人)?|这俩|呢啲|那啲|这位(?:客户)?|呢位"
)
# Who is asked, before a push: 请 / 麻烦 / 劳驾 (你) 帮我 / 帮忙.
# Cantonese 同我 (for me) too: 同我send张券畀王五啲客.
# 再/又/另外/也 (again, also) before or after them: "再给他们发一张券", "帮我再发…" send once more.
_OPENER_ZH = (
    r"^(?:再|又|另外|也|还要)?(?:请|麻烦|劳驾|烦请)?(?:你)?(?:帮我|帮忙|同我)?(?:再|又|另外|也)?"
)
# Whom, said as people: 帮 before them is to whom ("帮上个月消费超过2000的客户发一张券"); before a
# name alone it may be on whose behalf (帮张三发), which is not read.
_PEOPLE_END_ZH = r"(?:客户|客人|顾客|会员|用户|粉丝|人|客|们|vips?)"
_PUSH_ZH = [
    lazy_pattern(
        # 帮她发一张券: 帮 before a pronoun is to whom (帮张三发 would be on his behalf); so are
        # 同/跟 (Cantonese, colloquial) before one: 同佢哋发张券, 跟这些人发消息
        _OPENER_ZH
        + r"(?:给|向|对|为|畀|俾|(?:帮|同|跟)(?="
        + _POINTER_ZH
        + r"))(?P<seg>.+?)"
        + _EACH_ZH
        + r"*"
        + _V_PUSH
        + r"(?:一下)?(?P<what>.+)$"
    ),
    lazy_pattern(
        # 同/跟 the same before people (Cantonese 同沉睡客發張券: "for the dormant ones")
        r"^(?:请|麻烦|劳驾|烦请|唔该)?(?:你)?(?:帮我|同我)?(?:帮(?!我|忙)|同(?!我)|跟(?!我))(?P<seg>.+?"
        + _PEOPLE_END_ZH
        + r")"
        + _EACH_ZH
        + r"*"
        + _V_PUSH
        + r"(?:一下)?(?P<what>.+)$"
    ),
    # Sent to them, then what: "发给VIP客户：周末有活动", "send给上周问过价嘅客：有新优惠";
    # the message word before 给 too: "发消息给近7天加购没下单的：…", "傳個訊息俾VIP：…".
    lazy_pattern(
        _OPENER_ZH
        + r"(?:再)?"
        + _V_PUSH
        + r"(?:一下)?(?:(?:[一1]\s*)?(?:条|则|封|个)?\s*"
        + _MESSAGE_NOUN
        + r")?\s*(?:给|畀|俾|to(?![a-z]))(?P<seg>[^:：“]+?)\s*(?P<what>(?:[:：]|“).+)$"
    ),
    # The English message verb in a Chinese frame, with Cantonese 晒 (all) or 一下 after it, then
    # whom and the words: "幫我msg晒趙六跟嘅高意向客：「…」", "message一下上海VIP：…".
    lazy_pattern(
        _OPENER_ZH + r"(?:message|msg|text|whatsapp|wechat)\s*(?:晒|哂|一下|下)\s*(?:给|畀|俾)?"
        r"(?P<seg>[^:：“]+?)\s*(?P<what>(?:[:：]|“).+)$"
    ),
    lazy_pattern(
        _OPENER_ZH + r"(?:把|将)(?P<what>.+?)(?:发给|发送给|推送给|送给|推给|发放给|派发给|"
        r"派给|传给)(?P<seg>.+)$"
    ),
    # Two objects, whom first (a pronoun or the previous answer): "发佢一张满300减50的券",
    # "送她们一张券", "send佢一張coupon 滿300減50", "send 她们 a coupon 满500减80".
    lazy_pattern(
        _OPENER_ZH
        + _V_PUSH
        + r"(?P<seg>"
        + _WHOM_ZH
        + r")\s*(?P<what>(?:"
        + _COUNTED
        + r"|满|\d|(?:an?\s*)?(?:coupon|voucher)"
        + r"|(?:[个条封]\s*)?"  # "send佢哋個訊息「…」": one message, its 个 without 一
        + _MESSAGE_NOUN
        + r").+)$"
    ),
    # The content first, then its recipients: "发一张满200减30的券给上海的客户",
    # "發個訊息俾VIP客", "推一条消息给新客户".
    lazy_pattern(
        _OPENER_ZH + r"(?:再)?" + _V_PUSH + r"(?:一下)?(?P<what>.+?)(?:给|畀|俾)(?P<seg>.+)$"
    ),
    # Give without a send verb, the count in its place: "俾啲金卡客一张200减30嘅券",
    # "给VIP客户每人一张满200减30的券" (the last count: the customers may hold one).
    lazy_pattern(
        _OPENER_ZH
        + r"(?:给|畀|俾)(?P<seg>.+?)"
        + _EACH_ZH
        + r"*(?P<what>"
        + _COUNTED
        + r"(?:(?!"
        + _COUNTED
        + r").)+)$"
    ),
    # Give without a send verb or a count, the coupon said whole: "给她们85折券", "给她们 85折 券",
    # "俾佢哋满300减50嘅券" (the coupon's own words only, so conditions stay whom).
    lazy_pattern(
        _OPENER_ZH
        + r"(?:给|畀|俾)(?!我)(?P<seg>.+?)"
        + _EACH_ZH
        + r"*\s*(?P<what>(?<![\d.])"
        + _COUPON_ONLY
        + r")$"
    ),
    # The customers first, one each or a send verb after them: "流失风险客户每人发一张满200减30的
    # 券", "VIP客户人手一张券", "上海的客户发一张满100减20的券".
    lazy_pattern(
        _OPENER_ZH
        + r"(?P<seg>"
        + _NOT_RECEIVED
        + _NO_VERB_FIRST
        + r"[^给向对为畀俾把将].*?)"
        + _EACH_ZH
        + r"+(?:"
        + _V_PUSH
        + r")?(?:一下)?(?P<what>(?:"
        + _COUNTED
        + r"|满|\d).+)$"
    ),
    lazy_pattern(
        _OPENER_ZH
        + r"(?P<seg>"
        + _NOT_RECEIVED
        + _NO_VERB_FIRST
        + r"[^给向对为畀俾把将].*?)(?<!群)"
        + _V_PUSH
        + r"(?:一下)?(?P<what>(?:"
        + _COUNTED
        + r"|"
        + _MEASURE_ALONE
        + r"|满|\d|"
        + _MESSAGE_NOUN
        + r").+)$"
    ),
]
# The English verbs that send something to someone.
_V_SEND_EN = (
    # "give me/us …" asks the bot for something (give me a count of …, give us the list): the
    # asker is no customer, so it is a request wrapper, never a send
    r"(?:send(?:\s+out|\s+over)?|give(?!\s+(?:me|us)\b)(?:\s+out)?|hand\s+out|push(?:\s+out)?|"
    r"issue|dispatch|broadcast|blast(?:\s+out)?|mass[\s-]?send)"
)
# A request opener before an English send ("could you send…", "pls push…"): a closed list.
_PUSH_OPENER_EN = (
    r"^(?:(?:please|pls|plz|kindly|can you|could you|would you|can u|could u|go ahead and|"
    r"i want to|i'd like to|i need to|help me|let's|lets|any chance (?:you|u) (?:could|can)|"
    r"would (?:you|u) mind|quick one[:,]?|real quick[:,]?|how about|what about)\s+)*"
)
_PUSH_EN = [
    lazy_pattern(
        _PUSH_OPENER_EN
        + r""
        + _V_SEND_EN
        + _AFTER_ARTICLE
        + r"(?P<what>(?:(?:a|an|one|the)"
        + _AFTER_ARTICLE
        + r")?.+?)(?:\s+|(?<=[^\x00-\x7f]))to(?:\s+|(?=[^\x00-\x7f]))(?P<seg>.+)$"
    ),
    # The customers as the subject: "each VIP customer gets a 30-off-200 coupon", "VIP
    # customers each get one", "every at-risk customer should receive …".
    lazy_pattern(
        r"^(?:each|every)\s+(?P<seg>.+?)\s+(?:should\s+|will\s+|can\s+)?(?:gets?|receives?)\s+"
        r"(?P<what>.+)$"
    ),
    lazy_pattern(
        r"^(?P<seg>.+?)\s+(?:should\s+|will\s+)?(?:each|all)\s+(?:should\s+|will\s+)?"
        r"(?:gets?|receives?)\s+(?P<what>.+)$"
    ),
    lazy_pattern(
        _PUSH_OPENER_EN
        + r"(?:message|text|notify|push\s+to|mass[\s-]?message|broadcast\s+to|blast|"
        r"remind|nudge|ping)"
        # "blast VIP customers with the message “…”": the words before the quote name it
        r"\s+(?P<seg>.+?)(?:\s+with(?:\s+the|\s+a)?\s+(?:message|msg|text|note|words))?\s*[:：]?\s*"
        r"(?P<what>“[^”]*”)$"
    ),
    # The quoted message first, then whom after "to": 'message "New arrivals" to at-risk customers'.
    lazy_pattern(
        _PUSH_OPENER_EN + r"(?:message|text|notify|mass[\s-]?message|broadcast|blast)\s*"
        r"(?P<what>“[^”]*”)\s*to(?:\s+|(?=[^\x00-\x7f]))(?P<seg>.+)$"
    ),
    # What the quote is, said before it, to them or the card's customer: "send them msg “…”",
    # "send her a follow-up “…”" (other whom: the article rule reads "a welcome msg “…”").
    lazy_pattern(
        _PUSH_OPENER_EN + r"(?:send|push)\s+(?P<seg>them|these|those|(?:these|those)\s+customers|"
        r"him|her|this\s+customer)\s+(?:a\s+|the\s+|this\s+)?(?:msg|message|note|text|reminder|"
        r"line|follow\s?up(?:\s+(?:msg|message|note|text))?)\s*[:：]?\s*(?P<what>“[^”]*”)$"
    ),
    # "send them “New arrivals”": a quoted text right after whom it is sent to is the message
    # (a coupon or message word before it is read by the article rule below).
    lazy_pattern(
        _PUSH_OPENER_EN
        # (a Chinese name glued to the verb: "send 金卡 customers “…”" arrives as "send金卡 …";
        # a Chinese message noun is what is sent, never whom: "push 一条消息“…”")
        + r"(?:send|push)(?:\s+|(?=[^\x00-\x7f]))(?P<seg>(?:(?!coupon|voucher|message|msg|note|"
        r"reminder|notification|greeting|\boff\b|消息|信息|讯息|短信|券|通知|提醒|文案|一条|一则|一句).)+?)"
        r"\s*[:：]?\s*(?P<what>“[^”]*”)$"
    ),
    # "drop a ¥50 off coupon on the dormant ones", "slap a 20% off voucher on VIPs", "hit my
    # VIPs with a coupon": a coupon put on whom, said with "on" / "onto" / "with".
    lazy_pattern(
        _PUSH_OPENER_EN + r"(?:drop|slap|throw|toss|shoot)\s+(?P<what>(?:a|an|one|some|the)"
        r"(?:\s+|(?=[^\x00-\x7f]))(?:(?!\b(?:on|onto)\b).)*?\b(?:coupons?|vouchers?)\b)\s+(?:on|onto)"
        r"(?:\s+|(?=[^\x00-\x7f]))(?P<seg>.+)$"
    ),
    lazy_pattern(
        _PUSH_OPENER_EN + r"hit\s+(?P<seg>.+?)\s+with\s+(?P<what>(?:a|an|one|some|the)\s+"
        r"(?:(?!\bwith\b).)*?\b(?:coupons?|vouchers?)\b.*)$"
    ),
    # "send to VIP customers: see you": whom, then the words after a colon (a message).
    lazy_pattern(
        _PUSH_OPENER_EN + r"(?:send|push)(?:\s+(?:out|it|this))?\s+to(?:\s+|(?=[^\x00-\x7f]))"
        r"(?P<seg>[^:：]+?)\s*(?P<what>[:：]\s*\S.*)$"
    ),
    # "send them: weekend special", "push my VIPs: see you Friday": whom with no "to", then
    # the words after a colon (never a time's colon, 10:30). A coupon or message word before
    # the colon is read by the rules that name what is sent; "send word to 金卡 customers: …"
    # (whom after "to") by the rule above.
    lazy_pattern(
        _PUSH_OPENER_EN + r"(?:send|push)\s+(?P<seg>(?:(?!coupon|voucher|message|msg|note|reminder|"
        r"notification|greeting|\boff\b|\bto\b|\bword\b)[^:：“])+?)"
        r"\s*(?P<what>(?<!\d)[:：]\s*\S.*)$"
    ),
    # "give them a heads-up: the sale ends Sunday", "give her a quick reminder: …": what they
    # are given is a message, its words after the colon.
    lazy_pattern(
        r"^(?:please\s+)?give\s+(?P<seg>.+?)\s+(?:a\s+|another\s+)?(?:quick\s+|little\s+)?"
        r"(?:heads\s?up|nudge|reminder|shout|note)\s*(?P<what>[:：]\s*\S.*)$"
    ),
    # "message at-risk customers: Come back…": the verb says it is a message.
    lazy_pattern(
        _PUSH_OPENER_EN + r"(?:message|text|notify|mass[\s-]?message|broadcast\s+to|blast|remind|"
        r"nudge|ping)\s+"
        r"(?P<seg>.+?)\s*(?P<what>[:：]\s*.+)$"
    ),
]
# "send SEGMENT WHAT": the content starts at the LAST article that begins a coupon or message
# ("send customers who inquired in the last 30 days but did not order the message “…”": the
# "the" of "the last 30 days" belongs to the segment, which must keep every condition).
_SEND_EN = lazy_pattern(_PUSH_OPENER_EN + _V_SEND_EN + _AFTER_ARTICLE)
# After a space, or right after a Chinese word (normalising joins "tagged 待跟进 a message" into
# "tagged待跟进a message": the article still begins what is sent).
_ARTICLE_EN = lazy_pattern(
    r"(?:\s|(?<=[\u4e00-\u9fff]))(?P<article>a|an|one|the|another)" + _AFTER_ARTICLE
)
# With no article ("send them 满100减20 coupons", "send VIPs 20% off coupons"), the content
# starts at its amount: the last number, ¥/$ or 满 that begins a word or follows English.
_AMOUNT_START = lazy_pattern(r"(?:(?<=\s)|(?<=[a-z]))(?=[满¥$\d])")
_COUPON_WORDS = lazy_pattern(
    # 无门槛 (no minimum) is said only of a coupon: "一张无门槛20元的"
    r"券|优惠|红包|折扣|无门槛|[\d一二三四五六七八九]\s*折|满\s*[\d一二三四五六七八九十百千]|\d\s*减\s*\d|"
    r"coupon|voucher|discount|\boff\b|\bminus\b"
)
_TRAILING_QUOTE = lazy_pattern(r"\s*[:：]?\s*“[^”]*”\s*$")
# What is sent never ends in the people it describes ("推送消息的客户", "发券的人").
_DESCRIBES_PEOPLE = lazy_pattern(
    r"的(?:(?:客户|客人|人|用户|顾客|会员|客)(?:们)?)?(?:$|[有是中里]|吗|呢)"
)
# A counted coupon with its noun left out at the end ("一张满100减20的", "一张9折的"): a 的 that
# names the coupon, never the people.
_COUPON_ELIDED = lazy_pattern(
    r"^\s*[一1]?\s*[张份]\s*(?:满\s*\d+\s*减\s*\d+|\d+(?:\.\d+)?\s*折|"
    r"(?:无门槛\s*)?\d+\s*(?:元|块|蚊)(?:\s*无门槛)?)\s*的\s*$"
)
# Words for a message, its kind said instead (欢迎语, 祝福, a reminder, a greeting): without
# its words it is asked for, as a message is.
_MESSAGE_WORDS = lazy_pattern(
    r"消息|信息|讯息|资讯|通知|短信|简讯|提醒|文案|欢迎语|祝福语?|问候语?|感谢语|话术|"
    r"message|msg|text|note|notification|reminder|greeting|“|"
    # a line counted with no noun, its words after a colon (群发一句：…, 发一条：…, 講句：…)
    r"(?:^|(?<=[\s一1]))(?:条|句|则|段)(?=\s*[:：])"
)

# The verbs that take a tag off, said after it ("…的VIP标签去掉/删掉/拿掉/撤掉/摘掉/移除"):
# the whole verbs, and any taking-away verb with its result (剔走, 攞走, 撕下来, 清走, 踢开).
_OFF_ZH = (
    r"(?:去掉|去除|移除|删除|删掉|取消|撤销|撤除|摘除|清除|"
    r"(?:拿|撤|摘|撕|除|清|剔|攞|拎|踢|铲|扯|揭|取|删|移|抹|剥)(?:掉|走|下来|下來|下|开|開|去)|"
    # Cantonese: the verb with 咗 (normalised 了) and 佢 (it): 剝咗佢, 剷咗佢
    r"(?:剥|铲|删|撕|剔|除|清)(?=(?:了|晒|哂)?佢))"
)
# The verbs that take a tag off, said before it ("去掉上海客户的VIP标签", "除咗…嘅高意向标签").
_OFF_FIRST_ZH = (
    r"(?:去掉|去除|移除|删除|删掉|取消|拿掉|撤掉|除咗|除去|除掉|剔除|剔走|摘除|摘掉|攞走|拎走|清除|"
    + CANTONESE_OFF_FIRST
    + ")"
)
_TAG_ZH = [
    # For whom first, then 把 the tag and what is done with it: "帮她把待跟进标签拿掉", "替我的
    # 客户把待跟进标签删了", "给上海的客户把VIP标签打上" — whom is before 把, never dropped.
    (
        "untag",
        lazy_pattern(
            r"^(?:请)?(?:帮我)?(?:给|为|替|同|帮(?!我|手|忙))(?P<seg>[^把将]+?)\s*(?:把|将)\s*"
            r"(?P<name>“[^”]+”|[^“”的嘅]+?)(?:的|嘅)?(?:标签|tag)(?:都|全|全部|给|一起|统统)*"
            r"(?:" + _OFF_ZH + r"|(?:删|去|拿|撤|摘|剔)(?=了))" + OFF_END  # 删了: taken off
        ),
    ),
    (
        "tag",
        lazy_pattern(
            r"^(?:请)?(?:帮我)?(?:给|为|替|同|帮(?!我|手|忙))(?P<seg>[^把将]+?)\s*(?:把|将)\s*"
            r"(?P<name>“[^”]+”|[^“”的嘅]+?)(?:的|嘅)?(?:标签|tag)(?:都|全|全部|给|一起|统统)*"
            r"(?:打上|贴上|加上|标上|挂上|打|贴|加)(?:去|上去)?(?:吧|啦|呀|了)*$"
        ),
    ),
    (
        "tag",
        lazy_pattern(
            # 帮 is 给 before whom it is for (帮Alice打上VIP标签), never before 我.
            r"^(?:请)?(?:帮我)?(?:给|为|把|将|帮(?!我|手|忙))(?P<seg>.+?)(?:都)?(?:加贴上?|打上|打个|打|加上|加个|加|"
            r"贴上|贴|添加|"
            # 加到 / 加进 / 加入 (into): "把这些加进待跟进标签"
            r"标上)(?:(?<=[打加贴])(?:返|翻|番|埋|晒|哂)|(?<=加)(?:到|进|入))*"
            r"(?:一个|这个|那个|呢个|(?<=[返翻番埋晒哂])个)?(?P<name>“[^”]+”|[^“”]+?)(?:的)?(?:标签|tag)"
            r"(?:吧|哈|啊|呀|啦|哦|喔)*$"
        ),
    ),
    # No 标签 after the name, with a verb only tags take (打上/贴上/加上/标上, not 打个 or
    # 加个: 打个电话 and 加个微信 are a call and a WeChat add): "给这批人打上VIP吧".
    (
        "tag",
        lazy_pattern(
            r"^(?:请)?(?:帮我)?(?:给|为|把|将|帮(?!我|手|忙))(?P<seg>.+?)(?:都)?(?:加贴上?|打上|贴上|加上|标上)"
            r"(?P<name>“[^”]+”|[^“”\s]+?)(?:吧|哈|啊|呀|啦|哦|喔|了)*$"
        ),
    ),
    # The customers first, then who is asked: "这些帮我打上待跟进标签", "上海的VIP客户麻烦都
    # 打上金卡标签", "上海嗰啲同我打個tag" (帮我/同我/麻烦/请 between them: "VIP客户打了金卡
    # 标签的" is a condition).
    (
        "tag",
        lazy_pattern(
            r"^(?P<seg>[^给为把将帮]+?)(?:都)?(?:帮我|帮忙|同我|麻烦你?|请你?)(?:都)?(?:打上|打个|打|加上|"
            r"加个|加|贴上|贴|添加|标上)(?:一个)?(?P<name>“[^”]+”|[^“”]+?)(?:的)?(?:标签|tag)"
            r"(?:吧|哈|啊|呀|啦|哦|喔)*$"
        ),
    ),
    # The English verb in a Chinese sentence: "给这些人tag上“待跟进”", "给VIP打个tag“金卡”",
    # "帮这些客户加个tag叫待跟进", "给她们tag一下：待跟进".
    (
        "tag",
        lazy_pattern(
            r"^(?:请)?(?:帮我)?(?:给|为|帮(?!我|手|忙))(?P<seg>.+?)(?:都)?\s*(?:打上|打个|加上|加个|打|加|贴个|贴)?"
            r"\s*(?<![a-z])tag\s*(?:上|一下|下)?\s*(?:一个|个)?\s*(?:叫做|叫|为|成|[:：]|(?:as|with)(?![a-z]))?\s*"
            r"(?P<name>“[^”]+”|[^“”\s]+?)(?:的)?(?:标签|tag)?\s*(?:吧|哈|啊|呀)?$"
        ),
    ),
    (
        "tag",
        lazy_pattern(
            r"^(?:请)?(?:帮我)?(?:把|将)(?P<seg>.+?)(?:都)?\s*(?<![a-z])tag\s*(?:一下|晒|哂)?\s*(?:成|为|做|上)"
            r"\s*(?P<name>“[^”]+”|[^“”\s]+?)(?:的)?(?:标签|tag)?\s*(?:吧|哈|啊|呀)?$"
        ),
    ),
    (
        "tag",
        lazy_pattern(
            r"^(?:请)?(?:帮我)?(?:把|将)(?P<seg>.+?)(?:都)?(?:标记为|标为|标记成|打标为|标成|标注为)"
            r"(?P<name>“[^”]+”|.+?)(?:标签)?$"
        ),
    ),
    # The tag word said before the name: "给他们打个标签 待回访", "给VIP加一个标签叫金卡",
    # "给这些人贴个标签“待跟进”", "帮上海客户打上标签：高意向". The name is one word with no 的
    # or question word in it ("给他们打标签的有几个" is a question about tags, not a tag named
    # 的有几个).
    (
        "tag",
        lazy_pattern(
            r"^(?:请)?(?:帮我)?(?:给|为|把|将|帮(?!我|手|忙))(?P<seg>.+?)(?:都)?"
            r"(?:打|加|贴|标|挂)(?:上|返|翻)?(?:一个|个|一|上)?(?:标签|tag)\s*"
            r"(?:[:：]|叫做|叫|为|是)?\s*"
            r"(?P<name>“[^”]+”|(?![吧啦呀哦喔了])[^“”\s，,。的嘅吗呢？?有几多]{1,24}?)"
            r"(?:吧|哈|啊|呀|啦|哦|喔)*$"
        ),
    ),
    # The English verb first in a Chinese frame, the tag after a result word: "幫我 tag 晒近7日
    # … 嘅客做「待跟進」", "tag上海的客户为VIP". A bare name only after 做/为/as/with (成 and 作
    # begin words of whom: 成交).
    (
        "tag",
        lazy_pattern(
            r"^(?=.*[^\x00-\x7f])(?:请)?(?:帮我|帮忙|同我|麻烦你?)?\s*(?:tag|label|mark)\s*(?:一下|下|晒|哂|埋)?"
            r"\s*(?P<seg>[^“”]+?)\s*(?:都|全部|晒|哂)?\s*(?:做|为|成|作|(?:as|with)(?![a-z]))\s*"
            r"(?P<name>“[^”]+”)\s*(?:的)?\s*(?:标签|tag)?\s*(?:吧|啦|呀)?$"
        ),
    ),
    (
        "tag",
        lazy_pattern(
            r"^(?=.*[^\x00-\x7f])(?:请)?(?:帮我|帮忙|同我|麻烦你?)?\s*(?:tag|label|mark)\s*(?:一下|下|晒|哂|埋)?"
            r"\s*(?P<seg>[^“”]+?)\s*(?:都|全部|晒|哂)?\s*(?:做|为|(?:as|with)(?![a-z]))\s*"
            r"(?P<name>[^“”\s，,的]{1,24}?)\s*(?:的)?\s*(?:标签|tag)?\s*(?:吧|啦|呀)?$"
        ),
    ),
    # The English verb first, whom ending in a people word, then the tag alone: "tag一下北京客户
    # 待跟进", "帮我tag下上海啲客 VIP", "tag一下这周来店的客人：待跟进" (the space between whom and
    # the tag is gone once normalised: whom ends at its people word).
    (
        "tag",
        lazy_pattern(
            r"^(?=.*[^\x00-\x7f])(?:请)?(?:帮我|帮忙|同我|麻烦你?)?\s*(?:tag|label|mark)\s*(?:一下|下|晒|哂|埋)?"
            r"\s*(?P<seg>[^“”]+?(?:客户|客人|顾客|客|人))(?:们|哋)?\s*(?:都|全部|晒|哂)?\s*[,，:：]?\s*"
            r"(?:打上|打个|打|贴上|贴|加上|标上|用)?\s*(?![户人们哋客])"
            r"(?P<name>“[^”]+”|[^“”\s，,的]{1,24}?)\s*(?:的)?\s*(?:标签|tag)?\s*(?:吧|啦|呀)?$"
        ),
    ),
    # The verb put after the tag: "把上海的VIP客户的VIP标签去掉", "把她们身上的金卡标签都摘掉",
    # "上海客户的VIP标签删掉吧"; the customers are all before the last 的 that precedes the tag.
    (
        "untag",
        lazy_pattern(
            # Cantonese 嘅 for 的: "将北京客嘅金卡标签攞走"; 個 after a people word too:
            # "將今個月落過單嘅客個「待跟進」tag剷咗佢" (no tag begins 客個)
            # and after one customer's pronoun: "將佢個金卡標籤除咗佢" (his 金卡 tag)
            r"^(?:请)?(?:帮我|麻烦)?(?:给|为|把|将)?(?P<seg>.+?)(?:身上)?(?:的|嘅|(?:(?<=[客人户们他她佢])|(?<=身上))个)"
            r"(?![客人户]个|客户个)(?P<name>“[^”]+”|[^“”的嘅]+?)"
            r"(?:的|嘅)?(?:标签|tag)(?:都|全|全部|给|一起|统统)*" + _OFF_ZH + OFF_END
        ),
    ),
    # "把VIP标签从上海的客户身上去掉", "把VIP的tag从这些人那里拿掉".
    (
        "untag",
        lazy_pattern(
            r"^(?:请)?(?:帮我|麻烦)?(?:把|将)(?P<name>“[^”]+”|[^“”]+?)(?:的)?(?:标签|tag)"
            r"(?:从|從)(?P<seg>.+?)(?:身上|那里|那边|上)?(?:都|全|全部|给|一起|统统)*"
            + _OFF_ZH
            + OFF_END
        ),
    ),
    (
        "untag",
        lazy_pattern(
            # 帮 is 给 before whom it is for: "帮佢剔除VIP标签", "幫她拎走金卡標籤"
            r"^(?:请)?(?:帮我)?(?:给|为|把|将|帮(?!我|手|忙))?(?P<seg>(?!帮我|麻烦)[^帮].*?)(?:的)?"
            + _OFF_FIRST_ZH
            + r"(?:了)?(?P<name>“[^”]+”|[^“”]+?)(?:的)?(?:标签|tag)$"
        ),
    ),
    (
        "untag",
        lazy_pattern(
            # 帮我除咗赵六啲客嘅高意向标签: the verb first, Cantonese 嘅 for 的
            # (除咗 is normalised to 除了, which is "except" unless someone is asked to do it)
            r"^(?:请)?(?:(?:帮我|麻烦)?"
            + _OFF_FIRST_ZH
            + r"|(?:帮我|麻烦|请)除了)"
            # 身上 (on them) before 的 says where the tag is, never whom: 去掉…客户身上的X标签
            + r"(?P<seg>.+?)(?:身上|那里|那边)?(?:的|嘅)(?P<name>“[^”]+”|[^“”的嘅]+?)(?:标签|tag)$"
        ),
    ),
    (
        "untag",
        lazy_pattern(
            # 幫佢哋除咗金卡標籤: Cantonese 除咗 (normalised 除了) between whom it is done for and
            # a tag is the verb "remove"; with 之外/以外 after it, it stays "except".
            r"^(?:请)?(?:帮我)?(?:帮(?!我|手|忙)|同(?!我)|给|为|替)(?P<seg>.+?)(?:的|嘅)?"
            r"除了(?![^“”]*(?:之外|以外))(?P<name>“[^”]+”|[^“”的嘅]+?)(?:的|嘅)?(?:标签|tag)"
            r"(?:吧|啦|喇|呀|先)*$"
        ),
    ),
]
# English: a space, or none where the normaliser took it out next to Chinese ("as待跟进").
_SP = r"(?:\s+|(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]))"
# A request opener before the verb ("pls tag…", "can you untag…"): a closed list.
_PLEASE_EN = (
    r"(?:(?:please|pls|plz|kindly|can you|could you|would you|can u|could u|go ahead and|"
    r"i want to|i'd like to|i need to|help me|let's|lets|any chance (?:you|u) (?:could|can)|"
    r"would (?:you|u) mind|quick one[:,]?|real quick[:,]?|how about|what about)\s+)*"
)
# The previous answer's customers in English: "them", "all of those", "these customers".
_THEM_EN = (
    # "tag them all 待跟进", "tag these both VIP": all / both / each after them says no more
    r"(?:all\s+(?:of\s+)?)?(?:them|these|those|they)(?:\s+(?:all|both|each))?"
    r"(?:\s+(?:customers|clients|people|guys|folks))?|"
    r"(?:each|every\s+one|everyone)\s+of\s+(?:them|these|those)|"
    # in Chinese, after an English verb: "tag 她们 金卡", "tag 佢哋 VIP"
    r"(?:他们|她们|佢们)(?:俩|[两二三四五六2-6](?:个|位))?|(?:她|他|佢)俩|这些人|这批人|呢啲人"
)
# One customer in English (the card just shown, the chat resolves it): "tag her VIP", "untag
# him", "give this customer the VIP tag"; possessive: "remove her VIP tag", "his 金卡 tag".
_ONE_EN = (
    r"him|her|this customer|that customer|the customer|this client|that client|this one|"
    r"that one|this person|that person|this guy|that guy|他|她|佢"
)
_ONES_EN = r"his|her|this customer's|that customer's|the customer's|this one's|that one's"
_TAG_EN = [
    (
        "untag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:untag|remove|delete|drop|strip|clear)(?:\s+(?:the|that|this))?(?:\s+tag)?{_SP}"
            rf"(?P<name>.+?){_SP}(?:tag\s+)?from{_SP}(?P<seg>.+)$"
        ),
    ),
    (  # "take the VIP tag off customers in Shanghai", "take 金卡 off them"
        "untag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:take|get)\s+(?:the{_SP})?(?:tag{_SP})?(?P<name>.+?){_SP}(?:tag\s+)?"
            rf"off(?:\s+of)?{_SP}(?P<seg>.+)$"
        ),
    ),
    (
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:tag|label|mark)(?:\s*一下\s*|\s+)(?P<seg>.+?){_SP}(?:with|as){_SP}(?:the\s+)?"
            rf"(?:tag\s+)?(?P<name>.+)$"
        ),
    ),
    (
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:add|apply)\s+(?:the\s+)?(?:tag\s+)?(?P<name>.+?){_SP}(?:tag\s+)?"
            rf"to{_SP}(?P<seg>.+)$"
        ),
    ),
    (  # "tag them 待跟进", "tag her VIP": no "as" only after words for the previous answer
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:tag|label|mark){_SP}(?P<seg>{_THEM_EN}|{_ONE_EN}){_SP}"
            rf"(?:with{_SP}|as{_SP})?(?:the\s+)?(?:tag\s+)?(?P<name>[^\s].*?)(?:\s+tag)?$"
        ),
    ),
    (  # "give her the VIP tag", "put a 待跟进 tag on them"
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:give|put)\s+(?P<seg>{_THEM_EN}|{_ONE_EN})\s+(?:the|a|an){_SP}"
            r"(?P<name>.+?)\s*tag$"
        ),
    ),
    (
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:put|stick|add)\s+(?:the|a|an){_SP}(?P<name>.+?)\s*tag\s+(?:on|to)\s+"
            rf"(?P<seg>{_THEM_EN}|{_ONE_EN})$"
        ),
    ),
    (  # "put 高意向 on him", "stick VIP on them": the tag's bare name put on (a coupon or a
        # message put on them is a push, read elsewhere)
        "tag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:put|stick|slap){_SP}(?!(?:the|a|an)\s)"
            r"(?P<name>(?![^\n]*(?:coupon|voucher|券|message|msg|note|text))[^\s].*?)"
            rf"{_SP}(?:on|onto)\s+"
            rf"(?P<seg>{_THEM_EN}|{_ONE_EN})$"
        ),
    ),
    (  # "untag her VIP", "untag him from 金卡"; "untag her" alone is asked back (which tag?)
        "untag",
        lazy_pattern(
            rf"^{_PLEASE_EN}untag\s+(?P<seg>{_THEM_EN}|{_ONE_EN})(?:(?:\s+from)?{_SP}"
            r"(?:the\s+)?(?:tag\s+)?(?P<name>[^\s].*?)(?:\s+tag)?)?$"
        ),
    ),
    (  # "remove her VIP tag", "take his 金卡 tag off", "delete this customer's 待跟进 tag"
        "untag",
        lazy_pattern(
            rf"^{_PLEASE_EN}(?:remove|delete|drop|strip|clear|take off|take)\s+"
            rf"(?P<seg>{_ONES_EN}){_SP}(?P<name>.+?)\s*tags?(?:\s+off)?$"
        ),
    ),
]
# Saving: the verb with its result word (存为/存成/存做/保存做/另存为/儲存為/存低做, mixed
# save 成/save as), then the container (分群/名单/segment/list), then the name, the container
# said before or after it ("存成名单 X", "存为“X”名单", "save as a list called X").
_SAVE_VERB_ZH = (
    r"(?:保存为|保存成|保存做|保存作|保存到|储存为|储存成|储存做|另存为|另存成|存为|存成|"
    r"存做|存作|存到|存进|存低做|存起来做|存起来作为|存起嚟做|存返做|"
    r"save\s*(?:成|为|做|作|到|as|into|to))"
)
_CONTAINER = r"(?:分群|分组|群组|名单|列表|清单|segment|list|group)"
# "called"/"named" before a name: the text is matched with the space between English and
# Chinese collapsed ("called 一部未成交" reads "called一部未成交"), so no space is needed.
_CALLED = r"(?:called|named)(?:\s+|(?![a-z]))"
# The naming words that can be nothing else (为/成 are also the result of a saving verb).
_NAMED_AS = r"(?:叫做|叫作|叫|名为|名叫|命名为|名字叫|名称为|" + _CALLED + r")"
# The name itself: wholly quoted, unquoted, or a text with quotes inside (a formula such as
# =HYPERLINK("…","x") is a name like any other: kept as typed, written as text wherever shown).
_NAME = r"(?P<name>“[^”]+”|[^“”]*?|(?!" + _CONTAINER + r")[^“”\s][^“”]*“.*?)"
_ARTICLE = r"(?:一个|一份|个|a\s+|an\s+|the\s+)?"
# A particle after a quoted name or the container word ends the request, not the name
# ("存成分群“成交客”吧"); after a bare name it may be the name's own (酒吧).
_NAME_END = (
    r"\s*(?:的)?(?:" + _CONTAINER + r")?(?:(?<=[”群组单表])\s*(?:吧|啦|喇|呀|哦|喔|嘛|好了|就好|"
    r"就行|谢谢))?$"
)


def _save_name(verb_said_result: bool) -> str:
    """What follows the saving verb: the container, the naming word, then the name.

    The name follows exactly one word that makes it the result: after 存成/存为/save as (the
    verb said its result) a 成/为 after the container begins the name ("存成分群 成交客" names
    成交客, never 交客); after a bare 保存 the container's 为/成 is the naming word
    ("把…保存分群为成交客"). A naming word straight after 存成/save as is the name's first
    character too ("存为叫花鸡" names 叫花鸡), unless a container follows the name ("存成一个叫
    成交客的分群")."""
    result = "" if verb_said_result else "|为|成"
    bare_naming = "" if verb_said_result else "|" + _NAMED_AS
    return (
        r"(?:" + _ARTICLE + r"(?:新的?|new\s*)?\s*" + _CONTAINER + r"\s*[，,:：]?\s*"
        r"(?:" + _NAMED_AS + result + r")?|" + _ARTICLE + r"(?:new\s*)?(?=“)|"
        r"[，,:：]\s*" + _NAMED_AS + r"?" + bare_naming + r"|"
        # "存成一个成交客分群": an article before the name is never its first word
        r"(?:一个|一份|个)(?:新的?)?)?"
        r"\s*" + _NAME + _NAME_END
    )


# "存成一个叫成交客的分群", "save as a list named X": the naming word before the name with the
# container after it names even after a verb that said its result.
# Without 的 or an article the naming word may begin the name ("存为叫花鸡分群": 叫花鸡).
_SAVE_NAMED_CONTAINER = (
    r"(?:(?:一个|一份|个|a\s+|an\s+)(?:新的?)?" + _NAMED_AS + r"\s*(?P<name>“[^”]+”|[^“”]+?)\s*"
    r"(?:的)?|"
    + _NAMED_AS
    + r"\s*(?P<called>“[^”]+”|[^“”]+?)\s*的)\s*(?:新的?)?"
    + _CONTAINER
    + r"$"
)
# Saving said with the verb alone, before the name: 保存, save (低/落: Cantonese "down"), 存低,
# 存起 — a bare 存 only with its result word (存款 is no saving).
_SAVE_BARE = (
    # atomic: the verb's own ending is never given back to be read as the name (存一下 names
    # nothing "一下")
    r"(?>(?:保存|储存|save|store|存(?=低|起|下来|返|一下))(?:一下|下来|起来|起嚟|低|落|起|返|下)?)"
)
# The words that name what is saved: with a quoted name any of them; a bare name only after
# one that can be nothing else (成/做 begin words: 成交, 做过).
# 个名叫 / 個名叫 (Cantonese: its name is called), 名字就叫, 名称是: the name's own noun before
# the naming word.
_NAME_NOUN = r"(?:个|这个|一个)?(?:名字|名称|名)(?:就|都)?(?:叫做|叫|是|系|为)"
_NAMING = r"(?:" + _NAME_NOUN + r"|as|叫做|叫|名为|命名为|called|named|为)(?![a-z])"
_NAMING_QUOTED = r"(?:" + _NAME_NOUN + r"|as|叫做|叫|名为|命名为|called|named|为|做|作|成)(?![a-z])"
# A container said between the naming word and the name: "as a segment called “X”".
_SAVE_INTO = (
    r"(?:(?:一个|个|a\s+|an\s+)?(?:新的?\s*|new\s+)?" + _CONTAINER + r"\s*"
    r"(?:叫做|叫|名为|" + _CALLED + r")?\s*)?"
)
_SAVE = [
    # Another name for what was just saved or asked to be ("“跟进名单”已被张三使用，换个名字？"
    # → "那就叫 一部跟进", "就叫X吧", "call it X then"): the answer just given, under that name.
    lazy_pattern(
        # (那就 is dropped as an acknowledgement before this is read: 叫 may stand first)
        r"^(?P<seg>)(?:那就|那么就|那|就|改|换个名字|名字就|那名字就|那改)?(?:叫做|叫|命名为|改叫)"
        r"\s*(?P<name>“[^”]+”|[^“”，,:：\s的]{1,24}?)\s*(?:这个名字|这个名|吧|好了|啦|算了)*$"
    ),
    lazy_pattern(
        r"^(?P<seg>)(?:ok\s+|okay\s+|then\s+)?(?:call|name)\s+it\s+(?P<name>“[^”]+”|\S+(?:\s+\S+)?)"
        r"(?:\s+(?:then|instead))?$"
    ),
    # The name first, then whom after a colon: "存成分群“北京VIP”：北京的VIP客户", "保存为分群
    # 潜客A：近30天加购过的女客户", "save as segment “X”: customers who …".
    lazy_pattern(
        r"^(?:请)?(?:帮我|帮忙|麻烦你?|同我)?(?:" + _SAVE_VERB_ZH + r"|" + _SAVE_BARE + r"|"
        r"save\s*(?:as|into|to))\s*(?:一个|个|a\s+|an\s+)?(?:新的?\s*|new\s+)?(?:"
        + _CONTAINER
        + r")?\s*(?:叫做|叫|名为|"
        + _CALLED
        + r")?\s*(?P<name>“[^”]+”|"
        r"(?!(?:" + _CONTAINER + r")\s*[:：]|(?:as|to|into|called|named)(?![a-z]))"
        r"[^“”:：,，\s]{1,24})\s*"
        r"(?:的)?(?:" + _CONTAINER + r")?\s*[:：]\s*(?P<seg>[^:：]+)$"
    ),
    lazy_pattern(
        r"^(?:请)?(?:帮我)?(?:把|将)?(?P<seg>.*?)" + _SAVE_VERB_ZH + r"\s*" + _SAVE_NAMED_CONTAINER
    ),
    lazy_pattern(
        r"^(?:请)?(?:帮我)?(?:把|将)?(?P<seg>.*?)" + _SAVE_VERB_ZH + r"\s*" + _save_name(True)
    ),
    # The container and its name after whom: "VIP客户 分群名字叫 成交客", "…，分群命名为X".
    lazy_pattern(
        r"^(?:请)?(?:帮我|帮忙|同我)?(?:把|将)?(?P<seg>.+?)[，,]?\s*" + _CONTAINER + r"\s*"
        r"(?:名字叫|名字叫做|名称为|名称是|名字是|命名为)\s*(?P<name>“[^”]+”|[^“”的\s]{1,24})$"
    ),
    # Whom first, then the verb with a new container and its name: "…的男客户，存个分群叫中档男客",
    # "…嘅客，save個分群叫「X」", "…的客人，保存成一个名单，名字叫X".
    lazy_pattern(
        r"^(?:请)?(?:帮我|帮忙|同我)?(?:把|将)?(?P<seg>.+?)\s*[，,]\s*(?:请|帮我|帮忙|麻烦你?|同我)?"
        r"(?:保存|储存|存|save)(?:一下|低|起|下来|起来)?(?:成|为|做|到)?\s*(?:一个|个|一份)?(?:新的?)?"
        + _CONTAINER
        + r"\s*[，,:：]?\s*(?:"
        + _NAME_NOUN
        + r"|叫做|叫|名为|命名为|"
        + _CALLED
        + r")\s*"
        r"(?P<name>“[^”]+”|[^“”，,:：\s的]{1,24})$"
    ),
    # Naming alone saves: "把VIP客户命名为成交客", "VIP客户 起名叫 成交客分群".
    lazy_pattern(
        r"^(?:请)?(?:帮我|帮忙|同我)?(?:把|将)?(?P<seg>.+?)(?:命名为|命名成|起名为|起名叫|取名为|"
        r"取名叫)\s*" + _save_name(True)
    ),
    # Bare 保存 only after 把/将: "买过保存液的客户" saves nothing.
    lazy_pattern(
        r"^(?:请)?(?:帮我|帮忙|同我)?(?:把|将)(?P<seg>.+?)"
        + _SAVE_BARE
        + r"\s*"
        + _save_name(False)
    ),
    lazy_pattern(
        rf"^{_PLEASE_EN}(?:save|store){_SP}(?P<seg>.*?){_SP}(?:as|to|into){_SP}" + _save_name(True)
    ),
    # The verb first in a Chinese or mixed frame, the name after a naming word: "save 近7天新加
    # 的客户 as “本周新客”", "幫我save低今年買過精華液嘅客，叫「精華液客」", "保存…为“X”".
    lazy_pattern(
        r"^(?:请)?(?:帮我|帮忙|麻烦你?|同我)?"
        + _SAVE_BARE
        + _SP
        + r"?[:：]?\s*(?P<seg>[^“”]+?)\s*[,，]?\s*"
        r"(?:(?:" + _NAMING_QUOTED + r")\s*" + _SAVE_INTO + r"(?P<quoted>“[^”]+”)|"
        r"(?:" + _NAMING + r")\s*" + _SAVE_INTO + r"(?P<name>'[^']+'|[^“”\s,，的']{1,24}))"
        r"\s*(?:的)?" + _CONTAINER + r"?$"
    ),
    # A new segment named first, then who is in it: 'create a segment "X" from customers who…',
    # "make a new list called X of …", "新建一个分群叫X：…", "建个分群“X”，包含…".
    lazy_pattern(
        rf"^{_PLEASE_EN}(?:create|make|build|set\s+up|start|add|define|new)\s+(?:a\s+|an\s+)?"
        # "a list of …" asks for a list: a list is a container here only when it is named
        r"(?:new\s+)?(?:saved\s+)?(?:(?:segment|group|audience|cohort)\s*(?:" + _CALLED + r")?|"
        r"list\s+(?:called|named)\s+)"
        r"(?P<name>“[^”]+”|[^“”]+?)\s*[,:]?\s+(?:from|of|with|for|containing|out\s+of|using|"
        r"that\s+(?:has|holds|contains)|made\s+up\s+of)\s+(?P<seg>.+)$"
    ),
    lazy_pattern(
        r"^(?:请)?(?:帮我)?(?:新建|创建|建立|新增|建|做|弄|整|开)(?:一个|个)?(?:新的?)?"
        r"(?:分群|分组|客群|人群|群组)\s*(?:叫做|叫|名为|命名为|名字叫|名称为)?\s*"
        r"(?P<name>“[^”]+”|[^“”，,:：]+?)\s*[，,:：]\s*(?:包含|包括|就是|是|成员是|条件是|放|把|将|用)?"
        r"(?P<seg>.+?)(?:放进去|放进来|加进去)?$"
    ),
    # Who first, then the new segment: "turn customers who … into a segment called X",
    # "用近30天下单的客户建一个分群叫X", "把…建成分群“X”".
    lazy_pattern(
        rf"^{_PLEASE_EN}(?:turn|make)\s+(?P<seg>.+?){_SP}into\s+(?:a\s+|an\s+)?(?:new\s+)?"
        + _CONTAINER
        + r"\s*(?:"
        + _CALLED
        + r")?(?P<name>“[^”]+”|.+?)$"
    ),
    lazy_pattern(
        r"^(?:请)?(?:帮我)?(?:把|将|用)(?P<seg>.+?)(?:新建|创建|建立|建|做|弄|整)(?:成|为)?(?:一个|个)?"
        r"(?:新的?)?(?:分群|分组|客群|人群|群组)\s*(?:[，,:：]|叫做|叫|名为|命名为|名字叫)?\s*"
        r"(?P<name>“[^”]+”|[^“”]+?)$"
    ),
    # "keep these as segment X": keep saves only with a container or a quoted name ("keep
    # only the ones in 北京" narrows the previous answer).
    lazy_pattern(
        rf"^{_PLEASE_EN}keep\s+(?P<seg>.*?){_SP}as{_SP}(?:a\s+|an\s+)?(?:new\s+)?(?:"
        + _CONTAINER
        + r"\s*(?:"
        + _CALLED
        + r")?(?P<name>.+?)|(?P<quoted>“[^”]+”))$"
    ),
    # The verb first and no name at all ("save上海客户", "幫我save低呢啲客"): which name is
    # asked (the empty name group). Not "store" (store visitors) nor 保存液 (a product).
    lazy_pattern(
        r"^(?:请)?(?:帮我|帮忙|麻烦你?|同我)?(?:save|保存(?!液)|储存|存低|存起)"
        r"(?:一下|下来|起来|低|落|起|返|下)?" + _SP + r"?(?P<seg>[^“”]+?)(?P<name>)$"
    ),
]
# A customer's name, lazily, without a free-standing "a"/"an": "why isn't Li a customer who
# … in …" names "Li", not "Li a customer who …".
_NO_ARTICLE = r"(?:(?!\s(?:a|an)\s).)+?"
# Why, in each register: 为什么 / 为啥 / 为何 / 怎么 / 点解 (HK, normalised from 點解) / 做咩.
_WHY_ZH = r"(?:为什么|为啥|为何|点解|做咩|做乜|怎么会|怎么)"
# In or not in the answer: 在 / 喺 (HK) / 属于, with 会 before them ("点解Alice会喺入面").
_IN_ZH = r"(?P<neg>不在|没在|不属于|没有在|唔喺|唔在|冇喺|冇在|无喺|会在|会喺|在|喺|属于)"
_INSIDE_ZH = r"(?:里面|里头|里|中|之中|内|入面|度|入边)?(?:呢|吗|啊|呀|嘅|㗎|啫)?"
# English openings before why: "and why isn't Alice on it", "so how come Dan made the list".
_AND_EN = r"^(?:(?:and|so|but|ok|then|hmm)[\s,]+)?"
_EXPLAIN = [
    # "为什么Alice是VIP", "她为什么不是高价值客户": 是 after one name (no 的, no space): a
    # customer said to be, or not be, a segment's member
    lazy_pattern(r"^为什么(?P<name>[^\s的]{1,24}?)(?P<neg>不是|是)(?P<seg>[^\s].*?)(?:呢|吗|啊)?$"),
    lazy_pattern(r"^(?P<name>[^\s的]{1,24}?)为什么(?P<neg>不是|是)(?P<seg>[^\s].*?)(?:呢|吗|啊)?$"),
    lazy_pattern(rf"^{_WHY_ZH}(?P<name>.+?){_IN_ZH}(?P<seg>.*?){_INSIDE_ZH}$"),
    lazy_pattern(rf"^(?P<name>.+?){_WHY_ZH}{_IN_ZH}(?P<seg>.*?){_INSIDE_ZH}$"),
    # "點解Frank唔係", "为什么Frank不是": the answer's own kind, denied of a name said alone
    lazy_pattern(
        rf"^{_WHY_ZH}(?P<name>[A-Za-z][A-Za-z .'-]{{0,30}}?|[^\s的]{{2,4}}?)\s*"
        r"(?P<neg>唔係|唔系|不是|不算|唔算|冇份|没份)(?P<seg>)\s*(?:呢|啊|呀|㗎|嘅)?$"
    ),
    # "点解冇Judy", "为什么没有Judy": a Latin-letter name missing from the answer (a Chinese
    # word there may be anything: 为什么没有下单)
    lazy_pattern(
        rf"^{_WHY_ZH}(?P<neg>冇|没有|没)\s*(?P<name>[A-Za-z][A-Za-z .'-]{{0,30}}?)(?P<seg>)\s*"
        r"(?:嘅|的)?(?:呢|吗|啊|呀|㗎)?$"
    ),
    lazy_pattern(
        _AND_EN
        + r"why\s+(?:is|was|does)\s+(?P<name>"
        + _NO_ARTICLE
        + r")\s+(?P<neg>not\s+)?(?:in|on|part of|a member of|among|"
        r"belong to)\s+(?P<seg>.+?)$"
    ),
    lazy_pattern(
        _AND_EN
        + r"why\s+(?P<neg>isn't|wasn't|is not|doesn't)\s+(?P<name>"
        + _NO_ARTICLE
        + r")\s+(?:in|on|part of|a member of|among|"
        r"belong to)\s+(?P<seg>.+?)$"
    ),
    # "how come Dan made the list", "how come Dan is on it", "why did Dan make the cut"
    lazy_pattern(
        _AND_EN + r"(?:how\s+come|why(?:\s+did)?)\s+(?P<name>" + _NO_ARTICLE + r")\s+"
        r"(?P<neg>didn't\s+|did\s+not\s+|isn't\s+|is\s+not\s+)?(?:is\s+|was\s+)?"
        r"(?:made|make|got\s+(?:on|into)|get\s+(?:on|into)|on|in)\s+(?P<seg>the\s+(?:list|cut|results?)"
        r"|it|there|this\s+list|that\s+list)$"
    ),
    # "why isn't Zhang Wei a high-value customer" / "why is Zhang Wei an at-risk customer"
    lazy_pattern(r"^why\s+(?:is|was)\s+(?P<name>.+?)\s+(?P<neg>not\s+)?(?:a|an)\s+(?P<seg>.+?)$"),
    lazy_pattern(r"^why\s+(?P<neg>isn't|wasn't|is not)\s+(?P<name>.+?)\s+(?:a|an)\s+(?P<seg>.+?)$"),
]
# "These customers" points at the previous answer: chat resolves it from the member's last
# segment; without that context it is asked back, never read as "all customers".
_THIS = lazy_pattern(
    r"^(这个分群|这个群|该分群|此分群|这个列表|这里|这个名单|这个结果|上面的结果|this segment|that segment|"  # noqa: E501
    r"the segment|it|this list|there|this one|the list|the results?|"
    # alone, this/that/这个 is the answer just given ("save this as segment X", "把这个存成…")
    r"this|that|这个|那个|呢个|this result|that list|"
    r"(?:上面|刚才|上述)?(?:的)?(?:这些|那些|这批|这群)(?:客户|人|用户|顾客)?|上述客户|"
    r"他们|她们|它们|them|they|these|those|(?:these|those|the above) (?:customers|clients|people)|"
    r"(?:all (?:of )?)(?:them|these|those)(?: (?:customers|clients|people))?|"
    r"(?:each|every one|everyone) of (?:them|these|those)|(?:them|those|these) (?:each|all)|"
    r"这批人|那批人|这帮人|这些人|那些人|"
    # what is left of the list after a drop (去掉Bob → 给剩下的发消息)
    r"剩下(?:的)?(?:客户|人)?|剩下那些|剩下这些|剩低(?:嘅|啲)?|剩返(?:嘅)?|the rest(?: of them)?|"
    r"the remaining(?: ones| customers)?|"
    r"这几个|这几位|这几个人|他们几个|呢啲|呢啲客|呢啲人|佢哋|佢们|"
    r"(?:他们|她们|佢们)(?:俩|仨|[两二三四五六2-6](?:个|位)|几位)|(?:她|他|佢)(?:俩|仨)|"
    r"(?:这|那|呢)(?:俩|仨)(?:人|个人)?|"
    r"(?:这|那|呢)(?:两|俩|二|三|四|五|六|七|八|九|十|\d{1,3})(?:个人|个|位|名)(?:客户|人)?|"
    # One each said where the customers go ("每人发一张券", "各发一张"): the answer just given.
    r"每人|每位|每个人|每位客户|每个客户|人手|各人|各位|各自|各|每人都|都)$"
)


# The parse's now and time zone: the day of a send that runs once is counted from them.
When = tuple[datetime, ZoneInfo]


@dataclass(frozen=True)
class Action:
    intent: str
    segment_text: str | None  # None: no segment (this segment / previous one)
    details: dict[str, Any] = field(default_factory=dict)


def strip_tail(text: str) -> str:
    stripped = _TAIL.sub("", text)
    if _TAG_VERB_SAID.search(stripped) and not _MAY_HOLD_MESSAGE.search(stripped):
        stripped = _TAG_TAIL.sub("", stripped)  # "帮他们打待跟进就好": after the tag's name
    return stripped


# "that will do" after a tag's bare name ("帮他们打待跟进就好"), only where no message could
# end in those words.
_TAG_TAIL = lazy_pattern(
    r"(?:就好|就行|就可以了?|即可|就得|就ok|便可)(?:了|啦|吧)?[\s,，。.!！~]*$"
)
_TAG_VERB_SAID = lazy_pattern(r"打上|打个|打|贴上|贴|标上|标为|(?<![a-z])tag")
_MAY_HOLD_MESSAGE = lazy_pattern(r"[:：“”「」\"']|消息|信息|讯息|短信|文案|内容|message|msg|text")


# 立减N said as the whole send ("给VIP立减50", "给这些人每人立减50", "俾佢哋每人即减30"): a
# cash coupon of N, as 发一张N元券 says it.
_INSTANT_OFF = lazy_pattern(
    r"^(?P<lead>(?:.*?)(?:给|俾|畀|为).+?)(?:每人|每位|每个人|人手|各)?(?:都)?(?:发|送|派)?(?:个|一个|一张|张)?"
    r"(?:立减|立省|即减|直减)(?P<n>\d{1,6}(?:\.\d{1,2})?)(?:元|块|蚊|rmb)?(?:的?(?:券|优惠券|优惠))?$"
)


def _instant_off(text: str) -> str:
    found = _INSTANT_OFF.match(_mask_quotes(text))
    if found is None or re.search(r"满|滿|\d\s*$|券", found.group("lead")):
        return text  # 满100立减20的券: a threshold coupon, read as it is
    return f"{text[: found.end('lead')]}发一张{found.group('n')}元券"


# Cantonese gives the thing first and whom last: "俾張滿1000減100嘅券佢", "畀個九折券佢哋" (give
# him a coupon): said as 给他发一张… (normalised: 俾/畀 kept, 嘅 read as 的 later).
_GIVEN_TO_LAST = lazy_pattern(
    r"^(?:请|帮我|同我)?(?:俾|畀|给)\s*(?:一)?(?:张|个|份)?\s*"
    r"(?P<what>[^，,。]{2,30}?(?:券|优惠券|coupon))\s*"
    r"(?P<who>佢哋|佢们|佢|他们|她们|他|她)\s*(?:吧|啦|喇|先|呀)?[。!！]*$"
)


def _given_to_last(text: str) -> str:
    found = _GIVEN_TO_LAST.match(text)
    if found is None:
        return text
    return f"给{found['who']}发一张{found['what']}"


def find_action(
    text: str, quotes: dict[str, str], original: str = "", tags: Mapping[str, str] | None = None
) -> Action | None:
    """The action a command asks for, or None for plain queries (list/count/export…).

    `original` is the text as typed, where message contents are taken from verbatim; `tags`
    (normalised name → name) tells a tag said without 标签/tag from other words after 的."""
    text = _given_to_last(_instant_off(strip_tail(text)))
    text = _ONE_IN_ENGLISH.sub(_english_pronoun, text)  # "send 她 a coupon": her
    unwrapped = _request_unwrapped(text, original)
    if unwrapped != text:  # "可以帮我把…都标上待跟进吗": the order inside the polite question
        action = _find_action(unwrapped, quotes, original, tags)
        if action is not None:
            return action
    return _find_action(text, quotes, original, tags)


# A Chinese "her"/"him" between English words, before an article ("send 她 a reminder: …",
# "send 佢 a coupon …"): the English pronoun, so the English readings see whom it is for
# (parser._PRONOUN_IN_ENGLISH does so for "them").
_ONE_IN_ENGLISH = lazy_pattern(r"(?<=[a-z])\s*(她|他|佢)\s*(?=(?:a|an|the|one)(?![a-z]))")


def _english_pronoun(found: re.Match[str]) -> str:
    return " her " if found.group(1) == "她" else " him "


# A request asked as a question: "可以帮我…吗", "能不能…呀", "可唔可以…呀", "…好吗", "麻烦…可以吗".
# Never after 了/过 ("都标上待跟进了吗" asks whether it is done).
_REQUEST_OPENER = (
    r"(?:请问|请|麻烦|唔该)?\s*(?:你)?\s*"
    r"(?:可以|可不可以|可唔可以|可否|能不能|能唔能|能否|能够|能|会不会|得唔得)?(?:请你|麻烦你|麻烦)?"
)
_REQUEST_ASKED = lazy_pattern(
    rf"^{_REQUEST_OPENER}(?P<rest>.+?)(?<![了过咗])\s*"
    r"(?:(?:好吗|好不好|好唔好|行吗|行不行|可以吗|得唔得|得吗|ok吗|可以不|可唔可以)|"
    r"(?:吗|嘛|么|吖|呢|嗎|麼)(?:[?？])?)\s*$"
)
# What opens a request (the lead-in words may be gone by now: read on the text as typed too).
_OPENED = lazy_pattern(
    r"^\s*(?:请问|请|麻烦|唔该|拜托|劳驾|你)*\s*"
    r"(?:可以|可不可以|可唔可以|可否|能不能|能唔能|能否|能够|能|会不会|得唔得|帮我|帮忙|同我|帮手|"
    r"替我)|^\s*(?:请问|请|麻烦|唔该|拜托|劳驾)"
)


# The same request asked after whom it is about ("上周来店的客户可以帮我标上…吗", "…方便幫我
# 標上…嗎"): a helping verb, with or without the modal before it, inside the sentence.
_ASKED_INSIDE = lazy_pattern(
    r"(?:可以|可不可以|可唔可以|可否|能不能|能唔能|能否|方便|方不方便|方唔方便|麻烦你?|请你?|唔该)?"
    r"(?:帮我|帮忙|替我|帮手)|(?:可以|可不可以|可唔可以|能不能|能唔能|方便|方唔方便)同我"
)


def _request_unwrapped(text: str, original: str = "") -> str:
    """`text` without the polite question around an order ("可以帮我…吗"), else as it is;
    the question word at the end is only a request when the sentence opens as one or asks
    for help inside it."""
    masked = _mask_quotes(text)
    found = _REQUEST_ASKED.match(masked)
    opened = _OPENED.match(masked) or _OPENED.match(normalize(original))
    if found is None or not (opened or _ASKED_INSIDE.search(masked)):
        return text
    return text[slice(*found.span("rest"))].strip()


def _find_action(
    text: str, quotes: dict[str, str], original: str, tags: Mapping[str, str] | None
) -> Action | None:
    return (
        _with_parts_apart(text, quotes, original, tags)
        or _with_target_apart(text, quotes, original, tags)
        or _with_name_apart(text, quotes, original, tags)
        or _with_whom_first(text, lambda said: _read_action(said, quotes, original, tags))
        or _with_pointer_first(text, quotes, original, tags)
        or _read_action(text, quotes, original, tags)
    )


# Whom pointed at first, then who is asked to act: "這位幫我發張滿200減20的券", "呢位客人同我打個
# VIP", "这些客户帮我存成分群 重点客" (or the one picked when it was asked which) — the customer
# is never the one asked to do it, so the rest is the action on them.
_POINTER_FIRST = lazy_pattern(
    r"^(?P<seg>"
    + THAT_CUSTOMER_ZH
    + r"|他们|她们|佢们|佢地|(?:这|那|呢)(?:些|啲|班)(?:客户|客人|顾客|人|客)?|"
    + PICKED_CUSTOMER
    + r")"
    r"\s*[,，]?\s*(?:请你|请|麻烦你|麻烦|唔该|你)?(?:帮我|帮忙|同我|帮手)(?P<act>\S.*)$"
)


def _with_pointer_first(
    text: str, quotes: dict[str, str], original: str, tags: Mapping[str, str] | None
) -> Action | None:
    """The action on whom a pointer said first names (`_POINTER_FIRST`): read on a stand-in
    for them that names no customers (给他们…, 把他们…), then given the pointer back."""
    found = _POINTER_FIRST.match(_mask_quotes(text))
    if found is None:
        return None
    act = text[slice(*found.span("act"))].strip()
    for stand_in in (f"给他们{act}", f"把他们{act}"):
        try:
            action = _read_action(stand_in, quotes, original, tags)
        except Ask:
            continue
        if action is not None and action.segment_text is None and action.intent != "explain":
            return Action(action.intent, _segment(found["seg"]), action.details)
    return None


# Whom said first, then the action on them after a comma with a pronoun pointing back:
# "张三的高意向客户，给他们打上VIP标签", "上海嘅VIP，幫佢哋打金卡標籤", "VIPs in Shanghai, tag
# them as 金卡", "customers who inquired this week, send them “hi”".
# Whom may itself be said in parts ("VIPs, just mine, message them …"): the action is after
# the last break; a dash between spaces breaks as a comma does ("Shanghai VIPs - tag them").
_WHOM_FIRST = lazy_pattern(r"^(?P<seg>.+?)(?:\s*[，,;；]|\s+[-–—]+)\s*(?P<act>[^，,;；]+)$")
# With no comma: whom, then 给/帮/为 + them (or nobody said) + the verb:
# "其中女的给她们发个券", "上海的VIP给发一张9折券" (给发: to them, unsaid).
_VERBS_AFTER_GIVE = r"(?:都|统一|一律)?(?:发|推|送|寄|打|贴|加|去掉|删|撤|标|push|send|tag)"
_WHOM_THEN_GIVE = lazy_pattern(
    r"^(?P<seg>[^，,;；]+?)\s*(?P<act>(?:给|帮|为|同)(?:他们|她们|佢们|佢哋|佢地|这些人)?"
    + _VERBS_AFTER_GIVE
    + r"[^，,;；]*)$"
)
_GIVE_BARE = lazy_pattern(r"^(?:给|帮|为|同)" + _VERBS_AFTER_GIVE)
# Words before 给他们 that name nobody: again, then, also, please ("又给他们发…").
_NO_WHOM = lazy_pattern(
    r"(?:再|又|也|还|还是|那|那么|就|那就|然后|接着|跟着|并且|而且|同时|顺便|另外|帮我|帮忙|请|麻烦|"
    r"麻烦你|都|先|现在|马上|立刻|顺手|好|好的|ok|okay|嗯|对|行|咁|噉|咁就|仲|又再|再次|"
    r"then|and|also|now|please|pls|again|ok)*[\s,，。.!！]*"
)
_POINTS_BACK = lazy_pattern(
    r"他们|她们|佢哋|佢们|佢地|她俩|他俩|佢俩|这些人|这些客户|这批人|呢啲人|呢些人|"
    r"(?<![a-z])(?:them|these|those)(?![a-z])"
)


def _with_whom_first(text: str, read: Callable[[str], Action | None]) -> Action | None:
    """The action on a pronoun after whom was said (`read` reads an action): the action on
    them. Only where the part before the comma is no action of its own and the action names
    no customers of its own."""
    masked = _mask_quotes(text)
    found = _WHOM_FIRST.match(masked) or _WHOM_THEN_GIVE.match(masked)
    if found is None:
        return None
    said = masked[slice(*found.span("act"))]
    if not _POINTS_BACK.search(said) and not _GIVE_BARE.match(said):
        return None
    seg = text[slice(*found.span("seg"))].strip()
    act = text[slice(*found.span("act"))].strip()
    if _NO_WHOM.fullmatch(seg):
        return None  # "再给他们发…", "那就给她们打上…": said again of the answer, no whom before
    if _GIVE_BARE.match(said):  # 给发个券: to them, unsaid
        act = f"{act[0]}他们{act[1:]}"
    try:
        if read(seg) is not None:
            return None
        action = read(act)
    except Ask:
        return None
    if action is None or action.intent == "explain":
        return None
    if action.segment_text is not None and not _POINTS_BACK.fullmatch(action.segment_text):
        return None  # the action names its own customers: not the ones said first
    details = {k: v for k, v in action.details.items() if k != "segment_from_context"}
    return Action(action.intent, _segment(seg), details)


def _with_name_apart(
    text: str, quotes: dict[str, str], original: str, tags: Mapping[str, str] | None
) -> Action | None:
    """The tag's name said after a comma (…打标签，标签用高意向): the command said again with
    the name in place, kept only if it reads as tagging with exactly that name."""
    apart = name_said_apart(text)
    if apart is None:
        return None
    again, name = apart
    try:
        action = _read_action(again, quotes, original, tags)
    except Ask:
        return None
    if action is None or action.intent != "tag" or action.segment_text is None:
        return None
    if normalize(str(action.details.get("tag", ""))) != normalize(name.strip("“”")):
        return None
    typed = _unquote(name, quotes, original)  # the name in the user's own spelling
    return Action(action.intent, action.segment_text, {**action.details, "tag": typed})


def _read_action(
    text: str, quotes: dict[str, str], original: str, tags: Mapping[str, str] | None
) -> Action | None:
    return (
        _explain(text, original)
        or _schedule(text, quotes, original)
        or _push(text, quotes, original)
        or _tag(text, quotes, original, tags)
        or _save(text, quotes, original)
    )


# Whom said apart from the action, as its target, after it or before it: "remove 待跟进 tag，
# 对象是本周已经下单的客户", "发一张满100减20的券，发送对象：VIP客户", "目标客户：上海的VIP，
# 打上金卡标签", "… tag as 待跟进, target: customers who …".
_TARGET_WORD = (
    r"(?:(?:发送|推送|接收|打标|操作|执行|适用)?对象|目标(?:客户|人群|客群)?|适用范围|范围|"
    r"受众|(?:target|audience|recipients?)(?![a-z]))"
)
_TARGET_BE = r"\s*(?:(?:就)?是|为|系|[:：=]|\s(?:is|are)(?![a-z]))\s*"
_TARGET_AFTER = lazy_pattern(
    r"^(?P<act>[^，,;；]+?)\s*[，,;；]\s*" + _TARGET_WORD + _TARGET_BE + r"(?P<seg>[^，,;；]+)$"
)
_TARGET_BEFORE = lazy_pattern(
    r"^" + _TARGET_WORD + _TARGET_BE + r"(?P<seg>[^，,;；]+?)\s*[，,;；]\s*(?P<act>[^，,;；]+)$"
)


def _with_target_apart(
    text: str, quotes: dict[str, str], original: str, tags: Mapping[str, str] | None
) -> Action | None:
    """The action said with whom apart as its target, read as the action on them: the
    action is read on a stand-in for whom (给他们…, which names no customers), then given the
    target's words. Only an action that names no customers of its own takes the target."""
    masked = _mask_quotes(text)
    found = _TARGET_AFTER.match(masked) or _TARGET_BEFORE.match(masked)
    if found is None:
        return None
    act = text[slice(*found.span("act"))].strip()
    seg = text[slice(*found.span("seg"))].strip()
    for stand_in in (f"给他们{act}", f"{act} to them", f"{act} from them"):
        try:
            action = _read_action(stand_in, quotes, original, tags)
        except Ask:
            continue
        if action is not None and action.segment_text is None and action.intent != "explain":
            return Action(action.intent, _segment(seg), action.details)
    return None


def _with_parts_apart(
    text: str, quotes: dict[str, str], original: str, tags: Mapping[str, str] | None
) -> Action | None:
    """The action said in parts (segmentation/nlq/content_apart.py): said again in the order
    the grammar reads ("给…发消息“…”", "tag … as “…”"), and kept only if that reading is exactly
    the parts found — the same whom, message, coupon or tag. A question the reading asks (a
    coupon with no unit) is asked, once no way of saying it again reads."""
    apart = parts_apart(_mask_quotes(text))
    if apart is None:
        return None
    seg = text[slice(*apart.seg)].strip()
    said = _said_again(text, apart, seg, quotes, original)
    if said is None:
        return None
    restated, quotes, wanted = said
    asked: Ask | None = None
    for again in restated:
        try:
            action = _read_action(again, quotes, original, tags)
        except Ask as question:
            asked = asked or question
            continue
        if action is not None and _is_exactly(action, apart.kind, seg, wanted):
            return action
    if asked is not None:
        raise asked
    return None


def _said_again(
    text: str, apart: Apart, seg: str, quotes: dict[str, str], original: str
) -> tuple[list[str], dict[str, str], dict[str, Any]] | None:
    """(the command said again in the grammar's orders, the quotes with any unquoted content
    added as typed, the details it must read as)."""
    quotes = dict(quotes)
    if apart.kind == "tag" and apart.tag is not None:
        quoted, typed = _as_quoted(text[slice(*apart.tag)].strip(), quotes, original)
        return [f"给{seg}打上{quoted}标签", f"tag {seg} as {quoted}"], quotes, {"tag": typed}
    if apart.kind == "untag" and apart.tag is not None:
        quoted, typed = _as_quoted(text[slice(*apart.tag)].strip(), quotes, original)
        untag = [f"去掉{seg}的{quoted}标签", f"remove the {quoted} tag from {seg}"]
        return untag, quotes, {"tag": typed}
    wanted: dict[str, Any] = {}
    message = ""
    if apart.message is not None:
        said_message = text[slice(*apart.message)].strip()
        message, wanted["message"] = _as_quoted(said_message, quotes, original)
    if apart.coupon is None:
        return [f"给{seg}发消息{message}", f"message {seg} {message}"], quotes, wanted
    coupon = text[slice(*apart.coupon)].strip()
    wanted["coupon"] = None  # read by the grammar: any reading of these words
    zh = coupon if _COUPON_NOUN.search(coupon) else f"{coupon}的券"
    en = coupon if _COUPON_NOUN.search(coupon) else f"{coupon} coupon"
    note = f"，附上{message}" if message else ""
    note_en = f" with the note {message}" if message else ""
    return [f"给{seg}发一张{zh}{note}", f"send {seg} a {en}{note_en}"], quotes, wanted


# A coupon's own noun in the words said for it ("满千折百的折价券", "a 20% off coupon").
_COUPON_NOUN = lazy_pattern(r"券|红包|coupon|voucher")


def _as_quoted(words: str, quotes: dict[str, str], original: str) -> tuple[str, str]:
    """(`words` quoted, as typed): a quote as it is, unquoted words quoted with their typed
    form added to `quotes` (a message is sent, a tag named, in the user's own script)."""
    if words.startswith("“") and words.endswith("”"):
        inner = words[1:-1].strip()
        return words, quotes.get(inner, inner)
    typed = _as_typed(words, original)
    quotes[words] = typed
    return f"“{words}”", typed


def _is_exactly(action: Action, kind: str, seg: str, wanted: dict[str, Any]) -> bool:
    """Whether the action read from the command said again is the parts found, no more."""
    if action.intent != kind or action.segment_text != _segment(seg):
        return False
    content = {k: v for k, v in action.details.items() if k in ("message", "coupon", "tag")}
    if content.keys() != wanted.keys():
        return False
    return all(v is None or content[k] == v for k, v in wanted.items())


def find_schedule(
    text: str, quotes: dict[str, str], original: str = "", when: When | None = None
) -> Action | None:
    """A scheduled send, or None: read before anything else the sentence might be. `when`
    (now, the time zone) resolves the day of a send that runs once ("明天上午10点给…发…");
    without it such a send is asked back."""
    text = strip_tail(text)
    return _with_whom_first(text, lambda said: _schedule(said, quotes, original, when)) or (
        _schedule(text, quotes, original, when)
    )


def _unquote(name: str, quotes: dict[str, str], original: str = "") -> str:
    """A tag or segment name as the user wrote it: quoted text verbatim, an unquoted name in
    its own spelling from `original` (the command is matched lowercased and simplified, but
    a new WeCom tag "FollowUp" or "待跟進" must not become "followup" or "待跟进")."""
    name = name.strip()
    if len(name) >= 2 and name[0] == "“" and name[-1] == "”":
        inner = name[1:-1].strip()
        return quotes.get(inner, inner)
    return _as_typed(name.strip("“”\"' "), original)


def _as_typed(name: str, original: str) -> str:
    """The piece of `original` whose normal form is `name` (the first one), else `name`."""
    if not name or not original:
        return name
    longest = 2 * len(name) + 2  # NFKC and OpenCC keep lengths; spaces may be collapsed
    for start in range(len(original)):
        if original[start].isspace():
            continue
        for end in range(start + 1, min(len(original), start + longest) + 1):
            piece = original[start:end]
            if not piece[-1].isspace() and normalize(piece) == name:
                return piece
    return name


def _segment(seg: str) -> str | None:
    seg = seg.strip(" ，,的")
    return None if not seg or _THIS.match(seg) else seg


# The words that say the customer is in the answer (the others say not).
_SAID_IN = frozenset({"在", "属于", "是", "喺", "会在", "会喺"})


def _explain(text: str, original: str = "") -> Action | None:
    for pattern in _EXPLAIN:
        m = pattern.match(text)
        if m:
            negated = bool(m.group("neg")) and m.group("neg").strip() not in _SAID_IN
            name = _as_typed(m.group("name").strip(" “”\"'"), original)
            return Action(
                "explain", _segment(m.group("seg")), {"customer": name, "negated": negated}
            )
    return None


# A send on one coming day ("明天上午10点给…发…", "tomorrow send …"): schedules repeat; a
# one-off later send is not offered, and reading the day as a filter would ask the wrong thing.
_ONE_DAY = lazy_pattern(
    r"^(?:请)?(?:明天|后天|下周[一二三四五六日天]?|下个?星期[一二三四五六日天]?|下个月|"
    r"(?:on\s+)?(?:tomorrow|next\s+(?:week|month|monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)))"
    r"|^(?:请)?(?P<bare>(?:周|星期|礼拜)[一二三四五六日天1-7]|(?:on\s+)?(?:monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday)\b)"
)


# The hour a schedule runs at when none is said ("每天给…发…", "every Monday send …"): the
# spec's own example hour (commands.md §1, "每天上午10点给…发…"). The spec asks for no time,
# and nothing runs before the card, whose send-time row shows the hour, is confirmed; "改成9点"
# changes it. A part of the day without its hour ("每周五下午") is asked: which hour is a guess.
DEFAULT_TIME = "10:00"
# Words before a scheduled send that only say it is scheduled: "schedule a message to …",
# "(每周一)定时给…发…".
# (not before a send verb of its own: "schedule 逢星期五 3pm send 佢哋 msg …" sends once)
_SCHEDULE_VERB = lazy_pattern(
    r"^\s*(?:please\s+)?(?:schedule|set\s+up)\s+(?!\s|(?:send|push|发|推|群发)(?![a-z]))"
)
# "schedule 一下：每天8pm给…发…", "排一下：…": the word only says what follows is scheduled.
# and who is asked, before it or alone ("麻烦 schedule 一下 每天…", "麻烦每天10点给…发…")
_SCHEDULE_ASIDE = lazy_pattern(
    # (an English aside before it, with its colon: "quick one: every Monday …", "hey, …")
    r"^\s*(?:(?:please|pls|plz|quick\s+one|real\s+quick|quick\s+q(?:uestion)?|hey|hi|"
    r"any\s+chance\s+(?:you|u)\s+(?:could|can)|(?:could|can|would)\s+(?:you|u))"
    r"\s*[:：,，]?\s*)*(?:(?:麻烦你?|请你?|帮我|帮忙|劳驾|唔该)\s*)*"
    # "from now on" said around the frequency (以后每天10点…, 今後每週一…, 由而家開始…, from now
    # on every Monday …): a schedule repeats from now, so it says nothing more.
    r"(?:(?:以后|今后|往后|之后|从今以后|从今往后|从今天起|从今天开始|从现在起|从现在开始|由而家开始|"
    r"由而家起|由今日起|由今日开始|from\s+now\s+on|going\s+forward|starting\s+(?:now|today))"
    r"\s*(?:都|也)?\s*[,，]?\s*)?"
    r"(?:(?:schedule|定时|安排|排)\s*(?:一下|下|个|一个)\s*)?[:：,，]?\s*"
)
_SCHEDULE_WORD_ZH = lazy_pattern(r"^\s*(?:定时|定期|准时|固定)(?=给|向|对|发|推|send|push)")


def _schedule(
    text: str, quotes: dict[str, str], original: str = "", when: When | None = None
) -> Action | None:
    try:
        frequency = find_frequency(text)
    except Ask:
        if _is_push(_without_frequency(text), quotes, original):
            raise  # "每周给VIP发…" (which day?), "every weekend …": asked
        return None  # "每个月都下单的客户": a condition, the segment's to read
    if frequency is None:
        once = _once(text, quotes, original, when) if when is not None else None
        if once is None:
            _refuse_one_day(text, quotes, original)
            _refuse_no_time(text, quotes, original)
        return once
    rest = rest_said = _cut_spans(text, frequency.cuts)
    part = leading_part(rest)
    pm = frequency.pm if part is None else part.pm
    clock = find_clock(rest, pm)
    cuts = [clock[0]] if clock is not None else []
    if part is not None and (clock is None or not clock[0][0] <= part.span[0] < clock[0][1]):
        cuts.append(part.span)  # "every Monday morning at 9": the part is no customer word
    rest = _scheduled_send(_cut_spans(rest, tuple(cuts)) if cuts else rest)
    rest = _SCHEDULING_VERB.sub("", rest).strip(" ，,")
    if not _is_push(rest, quotes, original):
        if clock is None and frequency.schedule["every"] in ("day", "week"):
            return None  # "每天都来的客户", "每周下单的": how often they did, not a send
        raise Ask(
            "定时任务只支持定时发券或发消息，例如“每天上午10点给高意向客户发消息“…””。",
            "Schedules can send coupons or messages, e.g. 'every day at 10am message "
            "high-intent customers “…”'.",
        )
    said = text[slice(*frequency.cuts[0])].strip()
    if clock is None and part is not None:
        raise which_hour(rest_said[slice(*part.span)].strip(), part.word)
    in_frequency = part_in_frequency(said)
    if clock is None and in_frequency is not None:
        raise which_hour(said, in_frequency)
    inner = _send(rest, quotes, original)
    assert inner is not None  # _is_push said so, and it did not ask
    details = dict(inner.details)
    details["schedule"] = {**frequency.schedule, "time": clock[1] if clock else DEFAULT_TIME}
    return Action("schedule", inner.segment_text, details)


# A verb that only says "arrange" before the send, once its time is taken out: 帮他们排每周一
# 10点发… / 幫佢哋約每個禮拜一朝早10點發… / 给VIP客户安排每天9点推….
# A time booked (约个时间，下周三…send…) or the English word in a Chinese frame (给她 schedule
# 每周一10点发…) says no more.
_SCHEDULING_VERB = lazy_pattern(
    r"(?:(?:安排|预约|约|定|订)(?:一)?个?时间|安排|排期|排|预约|约|设定|设置|设好|"
    r"(?<![a-z])schedule(?:d)?(?![a-z]))(?:一下|好)?\s*[，,]?(?=\s*(?:再|又)?(?:" + _V_PUSH + r"))"
)
# The English "schedule" inside a Chinese frame, before what is sent and with no send verb of
# its own: the send itself ("给他schedule一条消息 every Monday 9am", "给VIP schedule 一张券").
_SCHEDULE_INSIDE = lazy_pattern(r"(?<![a-z])schedule(?![a-z])")


def _scheduled_send(rest: str) -> str:
    """`rest` (the command without its frequency and time) as the send it schedules:
    "schedule a message to …" sends one, "定时给…发…" gives it. A colon after the time only
    introduces the send ("every Friday 6pm: message …", "每周一10点：给…发…")."""
    rest = _SCHEDULE_ASIDE.sub("", rest.strip(" ，,").lstrip(":：")).strip(" ，,")
    verb = _SCHEDULE_VERB.match(rest)
    if verb is not None:
        rest = "send " + rest[verb.end() :]
    rest = _SCHEDULING_VERB.sub("", rest)  # "给VIP客户schedule每周一9点发…": 发 is the send
    rest = _SCHEDULE_INSIDE.sub(" send ", rest)
    return _SCHEDULE_WORD_ZH.sub("", rest).strip(" ，,")


def _without_frequency(text: str) -> str:
    """`text` without its frequency and time words, to tell whether the rest sends."""
    found = FREQUENCY_WORDS.search(text)
    rest = _cut_spans(text, (found.span(),)) if found else text
    try:
        clock = find_clock(rest)
    except Ask:
        clock = None
    return (_cut_spans(rest, (clock[0],)) if clock else rest).strip(" ，,")


def _refuse_one_day(text: str, quotes: dict[str, str], original: str) -> None:
    one_day = _ONE_DAY.match(text)
    if one_day:
        rest = text[one_day.end() :]
        try:
            clock = find_clock(rest)
        except Ask:
            clock = None
        rest = (_cut_spans(rest, (clock[0],)) if clock else rest).strip(" ，,")
        if _is_push(rest, quotes, original):
            if one_day.group("bare"):
                raise _which_weekday(one_day.group("bare").strip())
            raise vague_day() if VAGUE_DAY.match(text) else _one_off()


def _refuse_no_time(text: str, quotes: dict[str, str], original: str) -> None:
    """ "给他schedule一条消息“…”", "schedule a coupon for VIPs": a send said to be scheduled,
    with no time to run at — asked, never sent now nor at a guessed time."""
    if not _SCHEDULE_INSIDE.search(_mask_quotes(text)):
        return
    if _is_push(_scheduled_send(text), quotes, original):
        raise Ask(
            "什么时候发？例如“每周一上午9点给…发…”或“明天上午10点给…发…”；现在就发请说“给…发…”。",
            "When should it go out? E.g. 'every Monday at 9am send …' or 'tomorrow at 10am "
            "send …'; to send now, say 'send …'.",
        )


def _which_weekday(said: str) -> Ask:
    """ "周五下午3点给…发…": this Friday once, or every Friday — asked, never guessed."""
    day = said.removeprefix("on ").strip().title()
    return Ask(
        f"是只发一次，还是每个{said}都发？只发一次请说“这{said}…”或“下{said}…”；"
        f"每周都发请说“每{said}…”。",
        f"Once, or every {day}? Say 'this {day}' or 'next {day}' for once, or 'every {day}' "
        "to repeat.",
    )


# Words before a one-off day that say nothing of it: "请明天…", "schedule 一下：tomorrow …".
_ONCE_LEAD = lazy_pattern(
    r"^(?:\s*(?:请|麻烦|帮我|帮忙|唔该|please|pls|can\s+you|could\s+you|schedule|一下|"
    r"(?:set\s+up\s+)?a\s+(?:send|message|push)(?:\s+for)?)\s*[:：,，]?)*\s*"
)
# "明天上午10点再发给…", "聽朝先發": 再/先/才 before the send's verb say only "then".
_THEN = lazy_pattern(r"^(?:再|先|才|就)(?=\s*(?:给|同|跟|帮|向|对|发|推|send|push|群发))")


def _once(text: str, quotes: dict[str, str], original: str, when: When) -> Action | None:
    """A send that runs once at a later time ("明早9点给…发…", "tomorrow at 9am send …"), or
    None. The day is the first day word that begins the command or is followed by its time
    of day; a day word elsewhere ("给今天下单的客户发…") is the segment's."""
    now, tz = when
    masked = _mask_quotes(text)
    lead = _ONCE_LEAD.match(masked)
    start = lead.end() if lead else 0
    for m in day_matches(masked):
        after = leading_part(masked[m.end() :])
        clock_at = m.end() + (after.span[1] if after else 0)
        timed = _CLOCK_NEXT.match(masked, clock_at) is not None or _clock_before(masked, m.start())
        if m.start() != start and not timed:
            continue
        lead_span = (0, start) if m.start() == start and start else None  # "请", "schedule 一下："
        day = resolve_day(m, now, tz)
        found = _once_at(text, masked, quotes, original, day, now, tz, lead_span)
        if found is not None:
            return found
    return None


# A time of day right after the day word (and its part of the day): "明天 上午 10点", "at 9am".
_CLOCK_NEXT = lazy_pattern(
    r"\s*(?:at\s+)?(?:\d{1,2}|[零一二两三四五六七八九十]{1,3})\s*(?:点|时|:|：|am|pm|a\.m\.|p\.m\.|"
    r"o'?clock)|\s*(?:at\s+)?(?:noon|midday)",
    re.I,
)


def _clock_before(masked: str, day_at: int) -> bool:
    """Whether the time of day is said right before the day ("at 8pm tonight", "for 9am
    tomorrow") — in the command, not in a message after a colon ("tell VIPs: the store opens
    at 9 tomorrow" sends now)."""
    found = _CLOCK_BEFORE.search(masked[:day_at])
    return found is not None and _CONTENT_COLON.search(masked[: found.start()]) is None


# A time of day right before the day word: "at 9am tomorrow", "scheduled for 9am tomorrow".
# A colon that introduces content, never the one of a time (9:30).
_CONTENT_COLON = lazy_pattern(r"(?<!\d)[:：]|[:：](?!\d)")
_CLOCK_BEFORE = lazy_pattern(
    r"(?:\d{1,2}(?:[:：]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.|o'?clock)|(?<![a-z])at\s+\d{1,2}(?:[:：]\d{2})?|"
    r"noon|midday)\s*(?:on\s+)?$",
    re.I,
)
# What is left of "…, scheduled for <time>" once the time is cut: words that only say the send
# is scheduled ("give them 10% off, scheduled for 9am tomorrow", "…, to go out at 9am …").
_SCHEDULED_TAIL = lazy_pattern(
    r"(?<=\S)[\s,，]+(?:(?:to\s+be\s+|and\s+)?(?:scheduled|sent|delivered)|to\s+go\s+out|"
    r"going\s+out|schedule(?:\s+(?:it|that|this|them))?|send(?:\s+(?:it|that|this|them))?)"
    r"(?:\s+(?:for|on|at))?\s*$",
    re.I,
)


def _once_at(
    text: str,
    masked: str,
    quotes: dict[str, str],
    original: str,
    day: OneDay,
    now: datetime,
    tz: ZoneInfo,
    lead: tuple[int, int] | None,
) -> Action | None:
    """The one-off send said around `day`, or None when the rest is no send."""
    start, end = day.span
    after = leading_part(masked[end:])
    part_span = (end + after.span[0], end + after.span[1]) if after else None
    part = day.part or (after.word if after else None)
    blanked = masked[:start] + " " * (end - start) + masked[end:]  # same length: spans hold
    clock = find_clock(blanked, (part in _PM_WORDS) if part else None)
    cuts = [day.span] + ([clock[0]] if clock is not None else []) + ([lead] if lead else [])
    if part_span is not None and (clock is None or not clock[0][0] <= part_span[0] < clock[0][1]):
        cuts.append(part_span)
    plain, _ = _cut(_cut_spans(text, tuple(cuts)), ONCE_WORDS)
    plain = _SCHEDULING_VERB.sub("", _scheduled_send(plain)).strip(" ，,")
    plain = _THEN.sub("", plain).strip(" ，,")
    plain = _SCHEDULED_TAIL.sub("", plain).strip(" ，,")
    if not _is_push(plain, quotes, original):
        return None
    if clock is None and part is not None:
        raise which_hour(day.said + (after.word if after and not day.part else ""), part)
    if clock is None and day.day == now.astimezone(tz).date():
        raise Ask(
            f"“{day.said}”几点发送？例如“{day.said}下午3点给…发…”；现在就发请去掉“{day.said}”。",
            f"At what time “{day.said}”? E.g. '{day.said} at 3pm send …'; to send now, leave "
            f"out “{day.said}”.",
        )
    time = clock[1] if clock else DEFAULT_TIME
    hour, minute = (int(x) for x in time.split(":"))
    at = datetime(day.day.year, day.day.month, day.day.day, hour, minute, tzinfo=tz)
    said = text[start : clock[0][1]].strip() if clock and clock[0][0] >= start else day.said
    check_future(at, now, said)
    inner = _send(plain, quotes, original)
    assert inner is not None  # _is_push said so, and it did not ask
    details = dict(inner.details)
    details["schedule"] = {"every": "once", "date": day.day.isoformat(), "time": time}
    return Action("schedule", inner.segment_text, details)


_PM_WORDS = ("下午", "下昼", "晚上", "傍晚", "夜晚", "晚黑", "夜里", "夜间", "晚间", "晏昼", "晚",
             "afternoon", "evening", "night")  # fmt: skip


def _cut_spans(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    """`text` with the characters of `spans` (which may overlap) replaced by one space each."""
    out, last = [], 0
    for start, end in sorted(spans):
        if start >= last:
            out.append(text[last:start])
            out.append(" ")
        last = max(last, end)
    out.append(text[last:])
    return "".join(out)


def _is_push(text: str, quotes: dict[str, str], original: str) -> bool:
    """Whether `text` asks to send something (an incomplete send, asked back, counts)."""
    try:
        return _send(text, quotes, original) is not None
    except Ask:
        return True


def _send(text: str, quotes: dict[str, str], original: str) -> Action | None:
    """The send a schedule runs, said whole or in parts ("每周一10点，消息：…；对象：…")."""
    apart = _with_parts_apart(text, quotes, original, None)
    if apart is not None and apart.intent == "push":
        return apart
    return _push(text, quotes, original)


def _one_off() -> Ask:
    return Ask(
        "暂不支持指定某一天单次发送。可以现在发送（去掉时间），或定期发送，例如“每天上午10点给…发…”。",
        "Sending once on a later day is not supported. Send now (leave out the time), or on a "
        "schedule, e.g. 'every day at 10am send …'.",
    )


# Asking for one WeCom task per customer (each confirmed by its salesperson), e.g. to name
# every customer with {name}; by default a push is one task per salesperson.
_ONE_BY_ONE = lazy_pattern(
    r"[，,]\s*(?:逐个|逐一|挨个|单独|一对一)地?(?:发送|发|推送)$|(?:逐个|逐一|挨个|单独|一对一)地?|"
    r",?\s*\b(?:one by one|individually|one at a time)\b"
)


# One coupon or message each is what a push does anyway: "…, one each", "one per person",
# "apiece", "每人一张" said after the content carry nothing more.
_ONE_EACH = lazy_pattern(
    r"(?:[，,]?\s*(?:one\s+)?(?:each|apiece|per\s+(?:person|customer|head))|[，,]\s*each\s+gets?\s+one|"
    r"[，,]?\s*(?:每人|每位|人手|每个人)(?:各)?(?:一|1)\s*[张份个条])\s*$"
)


# One each said first, nobody named ("每人发一张满1000减100的券", "一人一张满100减20的券",
# "每位再送一张券"): each of those just answered, as "给他们每人…" says.
_EACH_FIRST = lazy_pattern(
    r"^(?P<opener>(?:再|又|另外|也)?(?:请|麻烦)?(?:你)?(?:帮我|帮忙)?(?:再|又|也)?)"
    r"(?=(?:每人|每位|每个人|人手|一人)(?:各)?(?:再|都|也)?\s*(?:发|送|推|派|赠|send|push|give|"
    r"[一1]\s*[张份个条]))"
)
# A send that names nobody, the verb first and what is sent next: "发一条消息“…”", "push 一条
# 消息“…”", "群发“…”", "send 一张满100减10的券" — to the answer just given, as "给他们…" is
# (the card lists them before anything is sent).
_NOBODY_NAMED = lazy_pattern(
    r"^(?P<opener>(?:再|又|另外|也)?(?:请|麻烦)?(?:你)?(?:帮我|帮忙)?(?:再|又|也)?)"
    # 发消息：… / 群发：… / 发条消息：… — the words after a colon are the message
    r"(?=\s*(?:发送|发|推送|群发|push|send)\s*(?:一下)?\s*(?:[一1]?\s*(?:条|则|封|张|份|个)|“|[:：]|"
    + _MESSAGE_NOUN
    + r"\s*[“:：]))"
)
# What is sent named by a label after a comma: "…，内容是「…」", "…，文案：…", ", content: …" —
# read as the colon it stands for.
_CONTENT_LABEL = lazy_pattern(
    r"[,，]\s*(?:(?:消息|信息|讯息|通知)?(?:内容|文案|正文|话术)(?:如下)?\s*(?:就是|是|为|系)?\s*[:：]?|"
    r"(?:content|wording|text|message)\s*(?::|：|is\s|=))\s*"
)
_CONTENT_LABEL_TYPED = lazy_pattern(
    r"[,，]\s*(?:(?:消息|信息|讯息|訊息|資訊|通知)?(?:内容|內容|文案|正文|话术|話術)(?:如下)?\s*"
    r"(?:就是|是|为|為|系|係)?\s*[:：]?|(?:content|wording|text|message)\s*(?::|：|is\s|=))\s*",
    re.I,
)


# A label or a verb of saying right before the quoted message that ends the send, with no comma
# before it: "…客户吗 内容是「…」", "…嘅客 话「…」" (Cantonese 话 = says), "…的客户 写「…」",
# "… who visited last week saying “…”", "… that says “…”": the quote alone is the message.
_SAID_BEFORE_QUOTE = lazy_pattern(
    r"(?:(?:消息|信息|讯息|通知)?(?:内容|文案|正文)(?:如下)?\s*(?:就是|是|为|系)?|(?<!电)话|说|讲|"
    r"写着|写住|写道|写|(?<![a-z])(?:saying|that\s+says|which\s+says|that\s+reads|reading|"
    r"with\s+the\s+(?:text|words|message)))\s*[:：]?\s*(?=“[^”]*”[\s。.!！~～]*$)"
)


def _labelled_content(text: str, original: str) -> tuple[str, str]:
    """`text` and `original` with a content label (outside quotes) said as a colon."""
    label = _CONTENT_LABEL.search(_mask_quotes(text))
    if label is None:
        return _said_before_quote(text), original
    text = text[: label.start()] + ":" + text[label.end() :]
    typed = _CONTENT_LABEL_TYPED.search(original)
    if typed is not None:
        original = original[: typed.start()] + "：" + original[typed.end() :]
    return text, original


_SEND_WORD = lazy_pattern(
    r"发|推送|群发|(?<![a-z])(?:send|sending|push|message|msg|text)(?![a-z])|消息|信息|讯息|短信"
)
_REMARK_BEFORE = lazy_pattern(r"(?:备注名?|remarks?|notes?|公司名?)\s*(?:里面|里|中|上|栏)?\s*$")


def _said_before_quote(text: str) -> str:
    """`text` without the label or verb of saying before its closing quoted message."""
    said = _SAID_BEFORE_QUOTE.search(_mask_quotes(text))
    before = text[: said.start()] if said is not None else ""
    if said is None or not _SEND_WORD.search(before) or _REMARK_BEFORE.search(before):
        # 跟…说：「…」 is read by its own frame (say_words); 备注写着“老板” is a condition
        return text
    return text[: said.start()].rstrip() + " " + text[said.end() :]


# A message in single quotes at the very end, after a space or a colon ("send … the message
# 'Thanks for stopping by'"): quoted as “…” is (an apostrophe inside a word never opens one).
_SINGLE_QUOTED_END = lazy_pattern(r"(?:(?<=\s)|(?<=[:：]))'([^'“”]*[^'\s“”][^'“”]*)'\s*$")


def _single_quoted_message(
    text: str, quotes: dict[str, str], original: str
) -> tuple[str, dict[str, str]]:
    found = _SINGLE_QUOTED_END.search(text)
    if found is None or "“" in text:
        return text, quotes
    typed = _SINGLE_QUOTED_END.search(original.strip())
    inner = found.group(1).strip()
    said = typed.group(1).strip() if typed is not None else inner
    return text[: found.start()] + "“" + inner + "”", {**quotes, inner: said}


def _push(text: str, quotes: dict[str, str], original: str = "") -> Action | None:
    text, quotes = _single_quoted_message(text, quotes, original)
    text, per_customer = _cut(text, _ONE_BY_ONE)
    text, _ = _cut(text, _ONE_EACH)
    text, original = _labelled_content(text, original)
    text, plainly = message_said_plainly(text, original)
    quotes = {**quotes, **plainly}
    text = _EACH_FIRST.sub(r"\g<opener>给他们", text)
    found = _find_push(text, _mask_quotes(text), quotes, original)
    if _NOBODY_NAMED.match(text) and (found is None or _only_opener(found.segment_text)):
        # 发一条消息“…” / 再发一张券: to them
        text = _NOBODY_NAMED.sub(r"\g<opener>给他们", text, count=1)
        found = _find_push(text, _mask_quotes(text), quotes, original)
    if found is None:
        return None
    details = found.details | ({"per_customer": True} if per_customer else {})
    check_message(details)
    return Action(found.intent, found.segment_text, details)


_OPENER_WORDS = lazy_pattern(r"(?:再|又|另外|也|还要|请|麻烦|劳驾|你|帮我|帮忙|\s)*")


def _only_opener(said: str | None) -> bool:
    """Whether what was read as whom is only the words asking (再, 请帮我): nobody."""
    return said is not None and _OPENER_WORDS.fullmatch(said) is not None


def _cut(text: str, marker: re.Pattern[str]) -> tuple[str, bool]:
    """`text` without the words `marker` finds outside quotes, and whether it found any."""
    found = marker.search(_mask_quotes(text))
    if found is None:
        return text, False
    start, end = found.span()
    return (text[:start] + " " + text[end:]).strip(), True


# A message verb and a pronoun, nothing else ("提醒他", "催一下她们", "remind him", "text
# her"): a send whose words are asked for, as "给她发消息" is (the next message completes it).
_BARE_MESSAGE_VERB = lazy_pattern(
    r"^(?:请|帮我|麻烦|再|也)*\s*(?:提醒|通知|催)(?:一下|下)?\s*(?:他|她|佢|ta)(?:们|哋|地)?"
    r"(?:一下|下)?\s*(?:吧|啦|喇)?[。.!！]*$|"
    r"^(?:please\s+)?(?:remind|nudge|ping|message|text|notify)\s+(?:him|her|them|these\s+customers|"
    r"those\s+customers|this\s+customer)(?:\s+(?:again|please|too))?[.!]*$|"
    # mixed: "remind 他们", "ping 佢哋一下"
    r"^(?:please\s+)?(?:remind|nudge|ping|notify)\s*(?:他|她|佢)(?:们)?(?:一下|下)?[.!。！]*$",
    re.I,
)


def _find_push(text: str, masked: str, quotes: dict[str, str], original: str) -> Action | None:
    if _BARE_MESSAGE_VERB.match(masked.strip()):
        raise message_question()
    said = find_said(masked)
    for pattern in (*_PUSH_ZH, *_PUSH_EN):
        m = pattern.match(masked)
        if m is None:
            continue
        if said is not None and m.start("seg") < said.seg[0] and m.end("seg") > said.what[0]:
            # whom would hold the telling verb and what is told (同…講聲「歡迎」，順便發張券)
            continue
        found = _push_action(text, masked, m.span("seg"), m.span("what"), quotes, original)
        if found is not None:
            return found
    told = _told(text, masked, quotes, original)
    if told is not None:
        return told
    send = _SEND_EN.match(masked)
    if send is None:
        return None
    articles = [a.start("article") for a in _ARTICLE_EN.finditer(masked, send.end())]
    content = [a for a in articles if _is_content(masked[a:])]
    if not content:
        return _amount_first(text, masked, send.end(), quotes, original)
    start = content[-1]
    # "a coupon … with the message “…”": earlier articles that begin content belong to it.
    for earlier in reversed([a for a in articles if a < start]):
        if not _is_content(masked[earlier:start]) or _describes_whom(masked[earlier:start]):
            break
        start = earlier
    return _push_action(text, masked, (send.end(), start), (start, len(text)), quotes, original)


def _told(text: str, masked: str, quotes: dict[str, str], original: str) -> Action | None:
    """A message said with a verb of telling (跟…说一声“…”, 话俾…知：…, tell … that …):
    segmentation/nlq/say_words.py finds whom and the words."""
    said = find_said(masked)
    if said is None:
        return None
    segment_text = text[slice(*said.seg)]
    what, masked_what = text[slice(*said.what)], masked[slice(*said.what)]
    if masked_what.startswith("“") or (
        said.colon and text[said.what[0] - 1 : said.what[0]] in ":："
    ):
        # Quoted, or after a real colon: read as "消息“…”" / "消息：…" are.
        colon = "" if masked_what.startswith("“") else ":"
        details = _content(colon + what, quotes, original)
    else:  # "说周六有活动", "that the sale ends Sunday": the rest, as typed
        details = {"message": _verbatim_suffix(original, what)}
    check_message(details)
    return Action("push", _segment(segment_text), details)


def _verbatim_suffix(original: str, words: str) -> str:
    """The end of `original` (as typed) whose normal form is `words` (the end of the
    normalised command): a message is sent in the user's own case and script."""
    target = strip_tail(words).strip()
    for start in range(len(original) - 1, -1, -1):
        piece = original[start:]
        said = strip_tail(normalize(piece)).strip()
        if said == target and not piece[0].isspace():
            return piece.strip()
        if len(said) > len(target) + 4:
            break
    return words.strip()


def _amount_first(
    text: str, masked: str, after_verb: int, quotes: dict[str, str], original: str
) -> Action | None:
    """ "send them 满100减20 coupons": no article, so the coupon starts at an amount — the
    first that reads as one coupon to the end ("customers who ordered 3 times 满100减20
    coupons" keeps its 3 in the segment). When none does, the last one is read, so its
    question back ("¥ off or % off?") is asked."""
    starts = [m.start() for m in _AMOUNT_START.finditer(masked, after_verb)]
    starts = [a for a in starts if a > after_verb and _COUPON_WORDS.search(masked[a:])]
    if not starts:
        return None
    start = next((a for a in starts if _reads_as_coupon(masked[a:])), starts[-1])
    return _push_action(text, masked, (after_verb, start), (start, len(text)), quotes, original)


def _describes_whom(words: str) -> bool:
    """Whether content words before a message are its recipients' ("send customers who did
    not use the coupon a message: …"): a coupon with no amount and no message word, which no
    send could issue — the coupon they did or did not use."""
    return not _MESSAGE_WORDS.search(words) and not _reads_as_coupon(words)


def _reads_as_coupon(words: str) -> bool:
    try:
        read_coupon(words)
    except Ask:
        return False
    return True


def _is_content(masked: str) -> bool:
    return bool(_COUPON_WORDS.search(masked) or _MESSAGE_WORDS.search(masked))


def _push_action(
    text: str,
    masked: str,
    seg: tuple[int, int],
    what_span: tuple[int, int],
    quotes: dict[str, str],
    original: str,
) -> Action | None:
    what, masked_what = text[slice(*what_span)], masked[slice(*what_span)]
    quote_end = _TRAILING_QUOTE.search(masked[slice(*seg)])
    if quote_end and seg[0] >= what_span[1] and "“" not in masked_what:
        # "发个message给VIP客户“hello”": the message is said after its recipients.
        cut = seg[0] + quote_end.start()
        what, masked_what = what + text[cut : seg[1]], masked_what + masked[cut : seg[1]]
        seg = (seg[0], cut)
    colon_end = _COLON_AFTER.search(masked[slice(*seg)]) if seg[0] >= what_span[1] else None
    if colon_end and "“" not in masked_what and _MESSAGE_WORDS.search(masked_what):
        # "send a message to VIP customers: see you": the words after whom, behind a colon
        cut = seg[0] + colon_end.start()
        what, masked_what = what + text[cut : seg[1]], masked_what + masked[cut : seg[1]]
        seg = (seg[0], cut)
    if what[:1] in ":：":
        what, masked_what = "message" + what, "message" + masked_what
    detail = _COUPON_AFTER.search(masked[slice(*seg)]) if seg[0] >= what_span[1] else None
    if detail is not None:
        # "发个coupon给他们，满300减30": the coupon's amounts said after its recipients
        cut = seg[0] + detail.start()
        tail = text[cut + 1 : seg[1]]
        what, masked_what = f"{what} {tail}", f"{masked_what} {masked[cut + 1 : seg[1]]}"
        seg = (seg[0], cut)
    if not (_COUPON_WORDS.search(masked_what) or _MESSAGE_WORDS.search(masked_what)):
        return None
    if _COUPON_ELIDED.match(masked_what):  # "都发一张满100减20的": one of those, a coupon
        what, masked_what = what.rstrip() + "券", masked_what.rstrip() + "券"
    if _DESCRIBES_PEOPLE.search(masked_what):
        return None  # "收到过推送消息的客户": the words describe customers, nothing is sent
    if _TAG_NOUN_END.search(masked_what):
        return None  # "给…打一个“金卡”标签": a tag put on, no message sent
    segment_text = text[slice(*seg)]
    if not segment_text.strip():
        return None
    if _SEVERAL_COUPONS.search(masked_what):
        # "每人发两张满200减30的券": a push gives each customer one coupon; sending one while
        # two were asked for would change what the campaign costs and promises.
        raise Ask(
            "每位客户每次只能发一张券。要发一张吗？例如：每人发一张满200减30的券。",
            "A push gives each customer one coupon. Send one each? E.g. 'one ¥30-off-¥200 "
            "coupon each'.",
        )
    return Action("push", _segment(segment_text), _content(what, quotes, original))


# A message's words after a colon that ends its recipients (a colon in a time, 10:30, is none).
_COLON_AFTER = lazy_pattern(r"\s*(?<!\d)[:：](?!\d)\s*[^:：]+$")


# What is put on ends in a tag noun ("一个“金卡”标签"): a tag, never a message (the words of
# a message are inside its quotes, masked here).
_TAG_NOUN_END = lazy_pattern(r"(?:的|嘅)?\s*(?:标签|标|tags?|labels?)\s*(?:吧|哈|啊|呀|啦)*$")


# A coupon's amounts after a comma or colon that ends its recipients ("给他们，满300减30",
# ", 20 off 100", "发券给VIP：满300减50").
_COUPON_AFTER = lazy_pattern(
    r"[，,:：]\s*(?=(?:满|滿|每满)\s*[\d一二两三四五六七八九十百千]|\d+\s*(?:元|块)?\s*(?:减|off\b|无门槛)|"
    r"[¥$￥]?\d+(?:\.\d+)?\s*%?\s*(?:off|折)|(?:打)?\d(?:\.\d)?\s*折|无门槛)[^，,]*$"
)


# More than one coupon each ("两张券", "3张满200减30的券", "two coupons"): a count before 张/份 or
# "coupons", not inside a threshold ("满200减30" has no 张).
_SEVERAL_COUPONS = lazy_pattern(
    r"(?:^|[^\d满减])(?:两|二|三|四|五|六|七|八|九|十|几|[2-9]|\d{2,})\s*(?:张|份)(?!钟)|"
    r"\b(?:two|three|four|five|several|multiple|a few|2|3|4|5)\s+(?:\S+\s+)?(?:coupons|vouchers)\b"
)


def _mask_quotes(text: str) -> str:
    """`text` with every quoted text blanked out (same length), so words inside a message
    ("…to our store…", "9折") are never read as the command's own words."""
    return re.sub(r"“[^”]*”", lambda m: "“" + "□" * (len(m.group()) - 2) + "”", text)


def _content(what: str, quotes: dict[str, str], original: str) -> dict[str, Any]:
    """A coupon, a message, or both. The message is kept exactly as the user wrote it (no
    simplification, no half-width punctuation): it is what customers will read. Coupon words
    count only outside the message ("发消息：老朋友回馈，本周下单享9折" is a message)."""
    masked = _mask_quotes(what)
    quoted = re.search(r"“([^”]*)”", what)
    colon = re.search(r"[:：]\s*(.+)$", masked)
    word = _MESSAGE_WORDS.search(masked.replace("“", " "))
    message: str | None = None
    outside = masked
    if quoted and colon and colon.start() < quoted.start() and not colon.group(1).startswith("“"):
        # "发消息：=HYPERLINK("http://x.cn","领券")": quotes inside the words after a colon are
        # the message's own, never all of it (the customer would get only "http://x.cn")
        quoted = None
    if quoted and quoted.group(1).strip():
        inner = quoted.group(1).strip()
        message = quotes.get(inner, inner)
        lead = _SAY_LEAD.search(masked, 0, quoted.start())
        outside = masked[: lead.start() if lead else quoted.start()] + " " + masked[quoted.end() :]
    elif colon and (
        (word is not None and word.start() < colon.start())
        or not _COUPON_WORDS.search(masked[: colon.start()])
        or _SAY_LEAD.search(masked, 0, colon.start())
    ):
        message = _verbatim_after_colon(original, what[colon.start() :], what[colon.start(1) :])
        lead = _SAY_LEAD.search(masked, 0, colon.start())
        outside = masked[: lead.start() if lead else colon.start()]
    said = _SAID_AFTER_WORD.search(masked) if message is None else None
    if said is not None:  # "发个消息说新品到了", "a message saying …": the rest, as typed
        message = _verbatim_suffix(original, what[said.start("what") :])
        outside = masked[: said.start("say")]
    if word is not None and word.start() < len(outside):
        outside = outside.replace(word.group(), " ")  # the word "消息" carries no amount
    details: dict[str, Any] = {}
    if _COUPON_WORDS.search(outside):
        details["coupon"] = read_coupon(re.sub(r"“[^”]*”", " ", outside)).words
    if message is not None:
        details["message"] = message
    if not details:
        raise message_question()
    return details


# A send whose content is "something" ("push something to these five", "给他们发点东西",
# "send them something nice", "畀佢哋發啲嘢"): a message or a coupon, which is asked.
SOMETHING_SENT = lazy_pattern(
    r"(?<=send|push|give|text)\s+(?:(?:them|him|her|these|those|everyone|all\s+of\s+them)\s+)?"
    r"(?:something|anything|stuff)(?:\s+(?:nice|good|special))?(?![a-z])|"
    r"(?<=[发發推送派])\s*(?:点|點|些|啲|D)?\s*(?:东西|東西|嘢|野)",
    re.I,
)


def send_what_question() -> Ask:
    """The question back about a send of "something": the message, or the coupon."""
    return Ask(
        "要发什么？消息请放在引号里（例如：消息“新品到店，欢迎来看看”），券请说门槛和面额"
        "（例如：满100减20的券）。",
        "What should I send? A message in quotes (e.g. message “New arrivals!”) or a coupon "
        "(e.g. a 100-off coupon over 500).",
    )


def ask_something_sent(norm: str) -> None:
    """Raise Ask when `norm` sends "something" without saying what."""
    if SOMETHING_SENT.search(norm):
        raise send_what_question()


def message_question() -> Ask:
    """The question back about a send with no message words (the chat completes the send
    with the next message's words: bot/commands/content_reply.py)."""
    return Ask(
        "要发送什么内容？请把消息放在引号里，例如：发消息“新品到店，欢迎来看看”。",
        "What should the message say? Put it in quotes, e.g. message … “New arrivals!”.",
    )


# A message added to a coupon with a verb of saying, just before its words: "发85折券，顺便说一句
# “…”", "满300减50的券，另外讲句：…", "a 10% off coupon and say “…”", ", with the note “…”".
_SAY_LEAD = lazy_pattern(
    r"(?:[,，;；]\s*|\s+|(?<=[^\x00-\x7f]))(?:(?:顺便|另外|再|并且?|同时|也|然后|还要?|and|plus)\s*)?"
    r"(?:说|讲|附上|加上|带上|附|留言|写上|say|saying|tell\s+them|add|with\s+(?:the|a)\s+"
    r"(?:note|words|line))(?:一句话|句话|一句|一声|句|声|下|一下|话)?\s*[:：]?\s*$"
)


# A message word, then a verb of saying and the words unquoted: "发个消息说新品到了", "发条信息
# 讲周六有活动", "send her a message saying new arrivals are in" (never 说明, explaining).
_SAID_AFTER_WORD = lazy_pattern(
    r"(?:消息|信息|讯息|訊息|短信|私信|message|msg|text|note)\s*[,，]?\s*"
    r"(?P<say>说(?!明)|讲(?!解)|话|内容是|写着|saying|that\s+says|which\s+says|that\s+reads|"
    # 发条消息提醒下券快过期了 / 發個訊息提醒佢哋張券就嚟過期: 提醒 says what the message is
    # about; a coupon in those words is the message's, never a coupon sent
    r"提醒(?:一下|下|一声|声)?(?:他们|她们|佢们|佢地|他|她|佢|大家)?(?:一下|下)?(?:说|讲|话)?|"
    r"(?:to\s+)?(?:remind(?:ing)?|tell(?:ing)?|let(?:ting)?)\s+(?:them|him|her|everyone)"
    r"(?:\s+know)?(?:\s+that)?)"
    r"\s*[,，]?\s*(?P<what>[^“\s].*)$",
    re.I,
)


def _verbatim_after_colon(original: str, tail: str, fallback: str) -> str:
    """The user's own words after the colon that starts `tail` (a suffix of the normalised
    command): normalising keeps every colon, so counting them from the end finds it."""
    colons = [m.start() for m in re.finditer(r"[:：]", original)]
    index = len(colons) - len(re.findall(r"[:：]", tail))
    if not original or not 0 <= index < len(colons):
        return fallback.strip()
    return original[colons[index] + 1 :].strip() or fallback.strip()


# "add them to 待跟进", "put these under VIP", "move her into the 金卡 tag": whom as a pronoun
# first, so the name after the preposition is the tag (never a tag called "them").
_ADD_THEM_TO_EN = lazy_pattern(
    rf"^{_PLEASE_EN}(?:add|put|move|file|drop|throw)\s+(?P<seg>{_THEM_EN}|{_ONE_EN}){_SP}"
    rf"(?:to|into|in|under|onto){_SP}(?:the{_SP})?(?P<name>[^\s].*?)"
    r"(?P<noun>(?:\s+|(?<=[^\x00-\x7f]))(?:tag|label))?$"
)


def _added_to_a_tag(
    text: str, quotes: dict[str, str], original: str, tags: Mapping[str, str] | None
) -> Action | None:
    """`_ADD_THEM_TO_EN`: a tag said so ("the VIP tag") or one the company has; anything else
    ("add them to 跟进名单", "…to the follow-up list") is asked, never made a new tag."""
    found = _ADD_THEM_TO_EN.match(text)
    if found is None:
        return None
    said = found.group("name")
    known = (tags or {}).get(normalize(said.strip("“”")))
    if found.group("noun") is None and known is None:
        raise Ask(
            f"没有叫“{said}”的标签。要给他们打上新标签，请说：给他们打上“{said}”标签。",
            f"There is no tag called “{said}”. To give them a new tag, say: tag them “{said}”.",
        )
    name = _unquote(clean_name(said), quotes, original) if found.group("noun") else known
    return Action("tag", _segment(_one(found.group("seg"))), {"tag": name})


def _tag(
    text: str, quotes: dict[str, str], original: str = "", tags: Mapping[str, str] | None = None
) -> Action | None:
    found = _tag_said(text, quotes, original, tags)
    if found is None or "tag" not in found.details or tags is None:
        return found
    kept = tag_refusing_another(str(found.details["tag"]), tags)
    if kept is None:
        return found
    # "给上海的客户打上金卡不要打VIP": the tag is 金卡, never a new one named after the sentence
    return Action(found.intent, found.segment_text, {**found.details, "tag": kept})


def untag_of_a_real_tag(action: Action | None, tags: Mapping[str, str]) -> Action | None:
    """`action`, unless it takes off a tag the company does not have ("把她的高意象标签去掉"):
    then the close tags are asked about, and no card is made."""
    if action is None or action.intent != "untag" or not tags:
        return action
    name = str(action.details.get("tag") or "")
    if not name or normalize(name) in tags:
        return action
    real = _tag_it_ends_with(name, tags)
    if real is None:
        raise _no_such_tag_to_remove(name, tags)
    # "拎走佢哋個待跟進tag": whose was said before the tag; the tag is 待跟进
    return Action(action.intent, action.segment_text, {**action.details, "tag": real})


def _tag_it_ends_with(name: str, tags: Mapping[str, str]) -> str | None:
    said = normalize(name)
    # the longest tag the words end with: each ending looked up, never every tag scanned
    return next((tags[said[k:]] for k in range(len(said)) if said[k:] in tags), None)


def _no_such_tag_to_remove(name: str, tags: Mapping[str, str]) -> Ask:
    """ "把她的高意象标签去掉": no customer has a tag the company does not have, so no card is
    made; the close tags are offered (a yes takes the one)."""
    from segmentation.nlq.ask import did_you_mean
    from segmentation.nlq.close_names import closest_only
    from segmentation.nlq.unknown import one_character_off

    near = list(dict.fromkeys(one_character_off(name, tags) + did_you_mean(name, tags)))
    hints = closest_only(name, near, tags)[:3]
    zh = "您是指" + "、".join(f"“{h}”" for h in hints) + "吗？" if hints else ""
    en = " Did you mean " + " or ".join(f"“{h}”" for h in hints) + "?" if hints else ""
    return Ask(
        f"没有“{name}”这个标签，无从去掉。{zh}", f"There is no tag “{name}” to remove.{en}", hints
    )


def _tag_said(
    text: str, quotes: dict[str, str], original: str = "", tags: Mapping[str, str] | None = None
) -> Action | None:
    added = _added_to_a_tag(text, quotes, original, tags)
    if added is not None:
        return added
    for intent, pattern in (*_TAG_ZH, *_TAG_EN):
        m = pattern.match(text)
        if m:
            if m.group("name") is None:  # "untag her": never guess which of her tags
                raise Ask(
                    "要去掉哪个标签？例如：去掉她的“VIP”标签。",
                    "Which tag should come off? E.g. 'untag her VIP'.",
                )
            state = name_state(m.group("name"))
            if state == "missing":  # "给…打个标签": a tag verb, no tag
                raise which_tag(untag=intent == "untag")
            if state == "bad":  # whom or another clause taken for the name: not this reading
                continue
            name = _unquote(clean_name(m.group("name")), quotes, original)
            if not name:
                return None
            seg = trim_adverbs(without_all(m.group("seg")))
            return Action(intent, _segment(_one(seg)), {"tag": name})
    bare = _BARE_TAG_EN.match(text)
    if bare and tags and normalize(bare.group("name")) in tags:  # "tag 金卡" is "tag as 金卡"
        return Action("tag", None, {"tag": _unquote(bare.group("name"), quotes, original)})
    last = _KNOWN_TAG_LAST_EN.match(text)
    if last and tags and normalize(last.group("name")) in tags and not _AS_EN.search(last["seg"]):
        # "tag the men 金卡", "tag Zhang San's group VIP": whom, then a tag the company has
        said = last.group("name")
        name = tags[normalize(said)] if not said.startswith("“") else _unquote(said, quotes)
        return Action("tag", _segment(_one(last.group("seg"))), {"tag": name})
    bare_zh = _BARE_TAG_ZH.match(text)
    if bare_zh and (bare_zh["noun"] or bare_zh["name"].startswith("“") or
                    normalize(bare_zh["name"]) in (tags or {})):  # fmt: skip
        # "打上待跟进标签", "那就打金卡", "打上 待跟进 tag": the verb first and nobody named is
        # the answer just given, as "都打金卡" is (the card shows whom before anything runs)
        return Action("tag", None, {"tag": _unquote(bare_zh["name"], quotes, original)})
    with_name = _TAG_VERB_FIRST_WITH.match(_mask_quotes(text))
    if with_name and name_state(text[slice(*with_name.span("name"))]) == "ok":
        # "tag 一下 近7天加购没买的 用 待跟进": the verb first, whom, then 用/with the tag
        name = _unquote(clean_name(text[slice(*with_name.span("name"))]), quotes, original)
        seg = text[slice(*with_name.span("seg"))]
        return Action("tag", _segment(_one(seg)), {"tag": name}) if name else None
    first = _TAG_VERB_FIRST_QUOTED.match(text)
    if first and (name := _unquote(first["name"], quotes, original)):
        # "帮我 tag 一下近30天到店的客户“待跟进”": the verb first, whom, then the quoted tag
        return Action("tag", _segment(_one(first["seg"])), {"tag": name})
    # Any other order of whom, verb and tag (tag_actions.py): 都打上, "，贴上", 身上的, 把…撤了.
    found = read_zh(text, tags or {}) or read_en(text)
    if found is None:
        return None
    name = _unquote(found.name, quotes, original)
    return Action(found.intent, _segment(_one(found.seg)), {"tag": name}) if name else None


# A Chinese tag verb first, then only the tag's name (with 标签/tag, quoted, or a tag the
# company has): "打上待跟进标签", "那就打金卡", "贴个“回访”".
_BARE_TAG_ZH = lazy_pattern(
    r"^(?:那就|那么|那|就|再|也|请|帮我|帮忙|麻烦|好|ok|嗯)*\s*"
    r"(?:打上|打个|打|贴上|贴个|贴|标上|标个|加上|加个|挂上)\s*(?:一个|个)?\s*"
    r"(?P<name>“[^”]+”|[^\s“”，,。]+?)\s*(?P<noun>标签|tag)?\s*(?:吧|啦|喇|先)?$"
)
# A tag verb first, then whom, then the tag in quotes: "帮我 tag 一下近30天到店的客户“待跟进”",
# "打一下近30天到店的客户“待跟进”" (the quotes say where whom ends).
_TAG_VERB_FIRST_QUOTED = lazy_pattern(
    # (?![a-z]): "tagged “VIB”" is who has a tag, never the verb with "ged" as whom
    r"^(?:请|帮我|帮忙|麻烦|please |pls )*\s*(?:(?:tag|label)(?![a-z])|标记|打标签|打)\s*"
    r"(?:一下|下|吓)?\s*(?P<seg>[^“”\s][^“”]*?)\s*(?:打上|标上|标成|标为|打成|为|成|as|with)?\s*"
    r"(?P<name>“[^”]+”)\s*(?:标签|tag)?\s*(?:吧|啦)?$"
)
# A tag verb first, whom closed by 的 or a people word, then 用/以/作为 and the tag's name:
# "tag 一下 近7天加购没买的 用 待跟进", "帮我标记一下上周来店的客户，用“回访”".
_TAG_VERB_FIRST_WITH = lazy_pattern(
    r"^(?:请|帮我|帮忙|麻烦|please |pls )*\s*(?:tag|label|标记|打标签|标)\s*(?:一下|下|吓)\s*"
    r"(?P<seg>[^“”\s，,][^“”]*?(?:的|嘅|客户|客人|顾客|客|customers|clients))\s*[，,]?\s*"
    # …or a second tag verb: "帮我 tag 一下近两周问过价的，打“高意向”", "标记一下X，标成回访"
    r"(?:都|统一|全部)?(?:用|以|作为|打上|打个|打|标上|标成|标为|标做|贴上|贴个|贴|加上|加个)"
    r"\s*(?:一个|个)?\s*(?:标签)?\s*"
    r"(?P<name>“[^”]+”|[^\s“”，,。的嘅]{1,24}?)\s*(?:标签|tag|这个标签|呢个tag)?\s*(?:吧|啦|哈)?$"
)
# A tag verb and only a company tag's name, no whom: the answer just given ("tag 金卡").
_BARE_TAG_EN = lazy_pattern(rf"^{_PLEASE_EN}(?:tag|label){_SP}(?P<name>[^\s].*?)(?:\s*tag)?$")
# Whom then the tag with no "as" between: only a tag the company has ends it (the last word
# may else be whom's: "tag the men in Shanghai" names no tag).
_KNOWN_TAG_LAST_EN = lazy_pattern(
    rf"^{_PLEASE_EN}(?:tag|label)\s+(?P<seg>[a-z'][^“”]*)(?:\s+|(?<=[\x00-\x7f])(?=[^\x00-\x7f]))"
    r"(?P<name>“[^”]+”|[^\s“”]+?)(?:\s*tag)?$"
)
_AS_EN = lazy_pattern(r"\b(?:as|with)\b")


def _one(seg: str) -> str:
    """A possessive for one customer as its object ("his" → "him"): who is acted on."""
    seg = seg.strip()
    return "him" if seg == "his" else seg.removesuffix("'s")


def tag_named_first(action: Action | None, tags: Mapping[str, str]) -> Action | None:
    """ "untag Alice from VIP" names the customer first, "remove VIP from Alice" the tag: when
    what was read as the tag is no tag (`tags`: normalised name → name) and what was read as
    the customers is exactly one, the two are the other way round."""
    if action is None or action.intent != "untag" or not action.segment_text:
        return action
    tag, whom = str(action.details.get("tag", "")), action.segment_text.strip()
    if normalize(tag) in tags or normalize(whom) not in tags:
        return action
    return Action(action.intent, tag, {**action.details, "tag": tags[normalize(whom)]})


_CONTAINER_AFTER = lazy_pattern(r"^\s*(?P<c>" + _CONTAINER + r")\s*$")
_CONTAINER_BEFORE = lazy_pattern(_CONTAINER)


def _container_in_name(text: str, m: re.Match[str]) -> str:
    """ "存成分群 跟进名单": with the container said before the name (分群), a container word
    after it (名单) is the name's own last word, never dropped."""
    after = _CONTAINER_AFTER.match(text[m.end("name") :])
    if after is None or not _CONTAINER_BEFORE.search(text[: m.start("name")]):
        return ""
    return after.group("c")


# "存成分群 成交客 吧": a particle set off by a space as typed ends the request (glued to the
# name it may be the name's own: 酒吧).
_SPACED_PARTICLE = lazy_pattern(r"\s+(?:吧|啦|喇|呀|哦|喔|嘛|好了|就好|就行|谢谢|謝謝)$")


def _save(text: str, quotes: dict[str, str], original: str = "") -> Action | None:
    for pattern in _SAVE:
        m = pattern.match(text)
        if m:
            said = m.group("name") or m.groupdict().get("quoted") or m.groupdict().get("called")
            said = said or ""
            if m.group("name") and not said.startswith("“"):
                said += _container_in_name(text, m)
            name = _SPACED_PARTICLE.sub("", _unquote(said, quotes, original))
            if not name:
                raise Ask(
                    "保存成什么名字？例如：把…保存为“待跟进”。",
                    "Save it under which name? E.g. save … as “follow-up”.",
                )
            return Action("save", _segment(m.group("seg")), {"name": name})
    return None
