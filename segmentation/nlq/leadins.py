"""A statement about lost customers before the question (issue 19): "we lost some customers,
show me who refunded", "最近流失了不少客户，帮我看看哪些退过款". The statement is why the user
asks, not a condition: the question after it is answered as written, and the restatement
("customers who refunded") shows what was answered. A closed set of statement shapes only:
the clause must be a whole statement about losing customers (a subject, the verb, an
amount word, customers, a time), ending at a clause mark, with a question after it that
is not empty. "流失的客户里退过款的" (the lost customers as the set to search) is not a
statement, and is asked back by the membership-change reader.
"""

from __future__ import annotations

import re

from segmentation.nlq.greetings import ZH_GREETING
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.text import simplified

_EN_OPENERS = r"(?:(?:so|well|ugh|ok|okay|hmm|hey|hi|yeah|alright|sadly|unfortunately)[,!]?\s+)*"
_EN_SUBJECT = (
    r"(?:we|i|our\s+(?:team|store|shop|company|branch)|the\s+(?:team|store|shop|company))"
    r"(?:'ve|'re|\s+have|\s+had|\s+are|\s+were)?(?:\s+(?:just|recently|really|definitely))?"
)
_EN_AMOUNT = (
    r"(?:(?:some|a\s+few|a\s+lot\s+of|lots\s+of|many|quite\s+a\s+few|a\s+bunch\s+of|several|"
    r"a\s+couple\s+of|a\s+ton\s+of|so\s+many|too\s+many|a\s+number\s+of)\s+)?"
)
_EN_PEOPLE = r"(?:customers|clients|people|accounts|buyers|vips)"
_EN_WHEN = (
    r"(?:\s+(?:lately|recently|this\s+(?:week|month|year|quarter)|last\s+(?:week|month|year|"
    r"quarter)|over\s+the\s+(?:past|last)\s+(?:week|month|few\s+weeks)))?"
)
_EN_LEAD = lazy_pattern(
    r"^\s*"
    + _EN_OPENERS
    + r"(?:"
    + _EN_SUBJECT
    + r"\s+(?:been\s+)?(?:lost|losing|lose)\s+"
    + _EN_AMOUNT
    + _EN_PEOPLE
    + r"|"
    + _EN_AMOUNT
    + _EN_PEOPLE
    + r"\s+(?:have\s+|has\s+|are\s+|were\s+)?(?:been\s+)?(?:churned|churning|left|leaving|"
    r"dropped\s+off|gone|walked|walked\s+away))" + _EN_WHEN + r"\s*(?:[,.;!:]|\s-)+\s*"
)
_ZH_WHEN = r"(?:最近|近期|这阵子|这段时间|这几天|这个月|上个月|今年|本月|这周|上周)?"
_ZH_WHO = r"(?:我们|咱们|我|公司|店里|我这边|我们这边)?"
_ZH_AMOUNT = r"(?:不少|一些|好多|很多|几个|一批|好些|一堆|蛮多|挺多|大量|好几个|多少)?(?:个|位)?"
_ZH_PEOPLE = r"(?:客户|客人|顾客|客)"
_ZH_LEAD = lazy_pattern(
    r"^\s*(?:唉|哎|哎呀|嗯|那个)?[，,]?"
    + _ZH_WHEN
    + _ZH_WHO
    + _ZH_WHEN
    + r"(?:(?:流失了|丢了|掉了|走了|跑了|少了)"
    + _ZH_AMOUNT
    + _ZH_PEOPLE
    + r"|"
    + _ZH_PEOPLE
    + r"(?:流失|走|跑|掉)(?:得|了)?(?:有点|挺|很|比较|好|蛮|太)?"
    r"(?:严重|多|厉害|快)(?:的)?)(?:的|了|啊|呀|啦|哦)*\s*[，,。！!；;：:]+\s*"
)
# A question that points back at the lost customers ("哪些是VIP", "which of them are VIP",
# 其中): about them, not a question of its own; the statement stays and the lost-customer
# reader asks back (lost customers take no further conditions yet).
_BACK = lazy_pattern(
    r"^(?:(?:帮我|麻烦|请)?(?:看看|看下|查下|查一下)?(?:其中|这些人?|他们|她们|这里面|这当中|里面|当中|"
    r"哪些是|哪几个是|哪些人是|有哪些是|有多少是|有几个是|边啲系|边个系)"
    r"|(?:(?:so |and |but )?(?:which|how many|who) (?:of (?:them|those|these)|among them|"
    r"ones are|ones were|of the lost))|(?:of (?:them|those|these)|among (?:them|those)))"
)


def drop_lead_in(norm: str) -> str:
    """`norm` without an opening statement about lost customers, when a question follows;
    otherwise unchanged (a bare "we lost some customers" is the membership question)."""
    found = _EN_LEAD.match(norm) or _ZH_LEAD.match(norm)
    if found is None:
        return norm
    rest = norm[found.end() :].strip()
    if not rest.strip(" ?？.。!！") or _BACK.match(rest):
        return norm
    return rest


# An acknowledgement of the previous reply before the next request ("好的，给这些打上待跟进标签",
# "ok tag those as VIP", "那就给这批人打上VIP吧", "alright, now export them"): it says the
# user read the answer, not which customers. A closed list, dropped only where it cannot be the
# start of a word: before a clause mark or space, or right before a request verb (好 before
# 客户 is "good customers" and stays, as does 那 before 上海的呢, which the follow-up reader
# reads as a swap).
# Turning to another question ("另外问一下，…", "换个话题：…", "different question: …"): the
# request after it is a question of its own, never a refinement of the last answer.
_NEW_TOPIC_ZH = (
    r"(?:换个问题|另外问一下|另外问下|另外问个问题|另外|顺便问一下|顺便问下|顺便|再问一下|"
    r"再问个问题|再问一个|问个别的|问点别的|还有个问题|还有一个问题|另一个问题|新问题|换个话题|"
    r"换个题目|讲另一样嘢|问多个问题|另外想问|我想再问)"
)
_NEW_TOPIC_EN = (
    r"(?:different question|another question|new question|one more question|other question|"
    r"by the way|btw|on another note|unrelated|separately|switching topics|change of topic|"
    r"quick question|one more thing)"
)
_ACK_ZH = (
    # 收到 ("got it"), never the verb of "收到 message 的呢" (received the message)
    # an aside before the question ("对了，…", "话说，…"): 对了 before 对 (yes)
    r"(?:对了|哦对了|噢对了|欸对了|诶对了|话说回来|话说|顺带一提|顺便一提|"
    r"好的|好吧|好嘞|好滴|好啊|好呀|好|行吧|行|可以|嗯嗯|嗯|哦哦|哦|噢|喔|"
    r"收到(?!\s*(?:消息|讯息|信息|群发|推送|messages?|msgs?|券|优惠券|coupons?|的))|明白了?|了解了?|"
    r"知道了|没问题|对的?|是的|那好|那行|那就|那么|那|然后|ok|okay|k|kk|好咧|得|冇问题|唔该晒|唔该|"
    # A plea before the request ("帮个忙，给沉睡客户发张券", "拜托，…", "劳烦给VIP发…")
    r"帮个忙|帮帮忙|帮下忙|帮一下忙|帮个手|帮帮手|拜托你|拜托您|拜托|劳烦你|劳烦您|劳烦|"
    r"辛苦你了|辛苦您了|辛苦了|辛苦啦|辛苦你|"
    # An act declined before the question ("不用导出，几个就行", "唔使export，講幾多個得"):
    # the question after it is the request
    r"(?:不用|不要|别|別|唔使|唔好|无需|無需|不必)(?:帮我|幫我)?(?:导出|導出|汇出|匯出|export|下载|"
    r"下載|发|發|推送|打标签|打標籤)(?:了|啦|喇)?(?=\s*[，,])|"
    # The asker introducing themselves ("我是新来的，…", "刚入职，…"): never 新来的 customers
    r"我是新来的|我是新來的|我新来的|我是新人|新人一枚|我刚来|我剛來|刚来的|剛來的|我刚入职|"
    r"我剛入職|刚入职|剛入職|我系新来嘅|我係新嚟嘅|我啱啱入职|我啱来|我啱嚟|新人求助|新人请教|"
    r"新人請教|"
    # Dismissing the question just asked back ("算了，北京有多少客户", "唔使喇，…"): the
    # next request is a question of its own (the pending one is dropped by not being answered).
    r"算了吧|算了|算啦|罢了|不用了|不用啦|不管了|没事了?|冇事|唔使喇|唔使了|唔使啦|唔紧要|"
    # Cantonese 算 / 算数 alone before a clause mark ("算，淨係要男嘅"): never mind
    r"算(?=\s*[，,、。.!！])|算数|算罢|罢啦|唔理喇|唔理啦|"
    r"当我没说|当我冇讲|无所谓|换个问法|不问这个了|" + _NEW_TOPIC_ZH + r"|"
    # Holding back the card just shown ("先别发了，把名单导出给我"): the request after it.
    r"先别发了?|先不发了?|先不要发了?|别发了|不发了|暂时不发了?|暂时别发了?|唔好发住|"
    r"先别打了?|先不打了?|别打了|先不导了?|"
    # Dropping what the card was ("不要排程了，直接…", "唔使定時喇，…"): the request after it.
    r"(?:先)?(?:不要|别|不用|唔使|唔好|暂时不要)(?:排程|定时发?|发券|发消息|群发|推送|发|打标签|"
    r"打|这个|这张|schedule)(?:了|啦|喇)|"
    # "直接" (just, straight away) before the request: no condition
    r"直接|就直接|"
    # A greeting before the request ("早，…", "早安～…", "早晨！…" (HK), "哈囉 …"): never 早 as
    # a time of day ("早9点发", "早上10点"), which the separator after it keeps out.
     + ZH_GREETING + r"(?=[，,。.!！~～…：:\s]+(?![\d一二两三四五六七八九十点点]))"
    r"|"
    # Dropping a part of the last question before asking anew ("不要上个月了，就看流失风险客户",
    # "唔要北京喇，睇上海"): the request after it is the whole question.
    # Never before an act on "them" (不要VIP了，给他们发券): which "them" is meant is unclear.
    r"(?:不要|不看|不用|别看|唔要|唔使|唔睇|冇需要)[^，,。！!？?\s]{0,10}?(?:了|啦|喇|嘞)"
    r"(?![，,。\s]*(?:给|同|帮|把|将)?(?:他们|她们|佢们|佢哋|这些|那些|呢啲|them|these|those))|"
    # Setting aside what was asked back ("那不管年龄了，女的有几个", "唔理电话啦，有金卡嘅几多个",
    # "先不考虑生日，…"): the question after it is asked on its own.
    # Whatever it is, or not necessarily so ("不论男女，…", "不一定要是VIP，…", "男女不限，…"):
    # no condition on it, never its negation.
    r"(?:不管|不理|唔理|别管|別管|不用管|唔使理|唔使管|先不管|忽略|不考虑|先不考虑|唔计|不计|"
    r"不论|不論|无论|無論|不一定要是|不一定是|不一定要|不一定|唔一定要係|唔一定係|唔一定|"
    r"未必要是|未必係|未必)"
    r"[^，,。！!？?\s]{1,8}?(?:了|啦|喇|嘞|吧|先)?(?=\s*[，,])|"
    r"[^，,。！!？?\s]{1,6}?(?:不限|唔限)(?=\s*[，,]))"
)
_ACK_EN = (
    r"(?:ok|okay|k|kk|alright|all right|cool|great|nice|perfect|thanks|thank you|thx|got it|"
    r"sure|yeah|yep|yes|right|fine|good|awesome|sweet|"
    # "forget last month, just the at-risk ones", "drop the city, …": the part dropped
    r"(?:forget(?: about)?|drop|skip|ignore) (?:the |that )?[a-z0-9 ]{1,20}?(?=,)|"
    r"no need to export|don't export|dont export|no need for a file|no file needed|"
    r"i'm new here|i am new here|im new here|i'm new|i am new|new here|just joined|"
    r"i just joined|i'm new to this|first time using this|"
    # whatever it is ("regardless of city, …", "doesn't matter if they're VIP, …")
    r"(?:regardless of|irrespective of|no matter|whether or not|doesn't matter if|"
    r"does not matter if|doesnt matter if|don't care if|dont care if|not necessarily) "
    r"[a-z0-9' ]{1,24}?(?=,)|"
    r"never mind|nevermind|nvm|forget it|forget that|forget about it|forget about that|"
    r"scratch that|no worries|ignore that|skip that|cancel that|doesn't matter|no matter|"
    + _NEW_TOPIC_EN
    + r"|also|don't send it yet|do not send it yet|hold off|hold on|wait|don't send|do not send)"
)
# Saying a question is coming ("问一下我有几个VIP", "顺便问下上海的有多少", "对了我的金卡客户呢",
# "話說我有幾多個VIP"): the asking verb or the aside only, never a condition, so no clause mark is
# needed after it. Never 问 of an inquiry (问一下价的客户 = asked about a price, 问过, 问了).
_ASK_OPENER_ZH = (
    r"(?:(?:(?:对了|哦对了|噢对了|欸对了|诶对了|话说|话说回来|另外|顺便|顺带|还有|再|还|我还|我再|"
    r"还想|我还想|另外想|顺便想|我想|想|我另外|我顺便)?"
    r"(?:问下|问一下|问吓|问一吓|问问|问个事|问件事|问句|问一句|请教下|请教一下|打听下|打听一下)(?![价过了咗])|"
    r"(?:对了|哦对了|噢对了|欸对了|诶对了|话说|话说回来|另外|顺便|顺带一提|顺便一提)(?=我))"
    r"[\s，,:：]*)"
)
_REQUEST_START = (
    r"(?=给|把|将|帮|麻烦|请|导出|汇出|下载|发|推送|群发|打上|打个|标记|存|保存|列|查|看|找|拉|捞|搵|"
    r"这些|这批|那些|他们|她们|呢啲|tag|label|mark|export|download|send|push|add|remove|untag|"
    r"save|show|list|pull|give|get|can|could|please|now|then|"
    r"就(?=[^\s\d一二两兩三四五六七八九十几幾是这這那么麼算行好对對可得酱醬咁噉下买買问問咨諮来來到退加落有没沒冇未从從做用核过過]))"
)
# English ones only before a clause mark or a request verb: "great customers in Shanghai"
# and "good VIPs" are adjectives.
_ACK = lazy_pattern(
    rf"^\s*(?:(?:{_ACK_ZH})+(?:[，,。.!！~～…：:\s]+|{_REQUEST_START})|{_ASK_OPENER_ZH}|"
    rf"{_ACK_EN}(?:\s*[，,。.!！~～…：:]+\s*|\s+{_REQUEST_START}))+"
    r"(?:(?:now|then|那就|那么|然后|接着|就(?!是|行|好|可以|这样|够|算))(?:[，,\s]+|(?=\S)))?"
)


_NEW_TOPIC = lazy_pattern(
    rf"^\s*(?:(?:{_ACK_ZH}|{_ACK_EN})[，,。.!！~～…：:\s]*)*?(?:{_NEW_TOPIC_ZH}|{_NEW_TOPIC_EN})(?=[，,。.!！~～…：:\s]|"
    # a request straight after it ("另外帮我睇吓有边啲系高意向", "顺便查下北京的")
    # (a look or a question only: "顺便帮Bob也打埋" adds to the card waiting)
    r"(?<=[\u4e00-\u9fff])(?:帮我|同我|给我|俾我|请|麻烦|唔该)?(?:看|睇|查|搵|问|列|拉)|"
    # the asker's own question straight after the asking verb ("另外问下我有几个VIP")
    r"(?:(?<=问下)|(?<=问一下))(?=我))"
)


def starts_new_topic(text: str) -> bool:
    """Whether `text` opens by turning to another question ("好，换个问题：…", "btw, …")."""
    return bool(_NEW_TOPIC.match(simplified(text).lower()))


def drop_acknowledgement(text: str) -> str:
    """`text` without an opening acknowledgement, when a request follows; otherwise (a bare
    "好的" or "ok") unchanged."""
    return _without_ack(text, text)


def without_acknowledgement(text: str) -> str:
    """`drop_acknowledgement` on a message as typed (either script, any case), for the chat's
    readers that look at the message before the parser does: "好的，这些里面深圳的呢" is the
    refinement "这些里面深圳的呢"."""
    plain = simplified(text).lower()
    if len(plain) != len(text):  # a conversion that changed lengths: leave it to the parser
        return text
    return _without_ack(plain, text)


# A greeting whose space normalising took away ("早 今天先看看…" → 早今天先看看…): only before
# the when of asking, 先, the asker or a request, never 早上 / 早于 / 早期 / 早9点.
_GLUED_GREETING = lazy_pattern(
    rf"^\s*{ZH_GREETING}(?=今天|今日|先|帮|想|麻烦|请|我|quick|check|can|could|pls|please)"
)


def _without_ack(plain: str, text: str) -> str:
    """`text` cut after the acknowledgement found in `plain` (the same text, position for
    position, in the form the pattern reads)."""
    glued = _GLUED_GREETING.match(plain)
    if glued is not None:
        plain, text = plain[glued.end() :], text[glued.end() :]
    found = _ACK.match(plain)
    if found is None:
        return text
    rest = text[found.end() :].strip()
    return rest if rest.strip(" ?？.。!！~～") else text


# A word that opens the next question and says only that it follows ("那近30天新加的有几个",
# "咁我自己啲客有幾多個", "所以VIP客户有几个"): dropped when a question follows. Never 那 as
# "that" (那些, 那两个, 那天, 那边, 那么多): a pointer or a time, which other readers read.
_OPENER = lazy_pattern(
    r"^\s*(?:那么|那麼|那就|咁样|咁樣|噉样|噉樣|所以|然后|然後|那|咁|噉)[\s,，、]*"
    r"(?!些|批|几|幾|两|兩|俩|倆|个|個|位|边|邊|里|裡|裏|天|时|時|段|次|家|种|種|样|樣|多|么|麼|"
    r"班|帮|幫|群|伙|夥|"  # 那班客 / 嗰班 (那班 once normalised): people, never an opener
    # 那好吧 / 那行 / 那对: an answer to the bot, asked back whole
    # (a number after it is "those N", but 一般 is a word: 那一般发展的呢 opens with 那)
    r"就|年|月|周|週|阵|陣|会|會|啥|什|甚|乜|好|行|对|對|算|[0-9二三四五六七八九十]|一(?!般)|$)"
)
# Going back by saying the question again ("还是回到全部VIP客户", "回到VIP客户", "返返去上海嘅客",
# "go back to all VIP customers"): the question said is answered as it stands. An earlier
# list named by its size or place ("回到刚才那6个人") is read before this (backref.py).
_GO_BACK = lazy_pattern(
    # (退回 before 来/去/过/了 or goods is sending them back: 退回来过的 are refunds)
    r"^\s*(?:还是|還是|不如|算了[\s,，]*)?\s*(?:回到|回去看|回去|返回到|返回|退回到|"
    r"退回(?![来來去过過了咗东東货貨嘢款钱錢])|倒回到|倒回|"
    r"回头看|回頭看|返返去|返去|睇返|换回|換回|切回|还是看|還是看)\s*|"
    r"^\s*(?:(?:ok|okay|so|then|now)[\s,]+)*(?:let'?s\s+|let\s+us\s+)?(?:go\s+back\s+to|"
    r"get\s+back\s+to|back\s+to|return\s+to|switch\s+back\s+to)\s+",
    re.I,
)


# 就 (just) opening the question: "就VIP里北京的", "就北京的VIP吧" ask for those customers. Never
# 就3个 / 就一个 (exactly), 就是 (that is), 就这样 / 就行 / 就好 (that's it), 就要 + a verb.
_JUST = lazy_pattern(
    r"^\s*(?:就只要|就只看|就看|就要|净系睇|净系看|净系要|净系|就)\s*"
    # nor before an event ("就下过一次单的", "淨係幫襯過一次嘅": only once)
    r"(?!帮衬|光顾|成交|消费|订|购|付款|逛|进店|入店|嚟)"
    r"(?=[^\s\d一二两兩三四五六七八九十几幾是这這那么麼算行好对對可得要酱醬咁噉下买買问問咨諮来來到退加落有没沒冇未从從做用核过過])"
)


# 先 (first, before anything else) opening a request, with the when of asking before it:
# "先帮我看一下…", "今天先看看我手上…", "而家先睇下…". Only before a request verb, so a time
# that is a condition ("今天下过单的") keeps its words.
_FIRST = lazy_pattern(
    r"^\s*(?:(?:今天|今日|现在|而家|宜家|等下|等一下|这会|这会儿)\s*)?(?:我\s*)?(?:想\s*)?先\s*"
    r"(?=帮|给我|替我|麻烦|看|查|拉|捞|找|列|来|弄|整|睇|搵|统计|数一|数下|导出|汇出|发|打|"
    r"过一下|对一下|check|看看)"
)


# A polite opener with its particle ("麻烦你啰 帮上海的VIP客人贴上待跟进", "麻烦了，给…", "拜托了
# 把…", "唔该晒 帮我…", "劳烦你喔 帮…"): it only asks nicely, before the request verb. Only
# with what closes it (a particle, a clause mark) or right before 帮 / 给 / 把 / 将 / 替, so a
# 麻烦 that is a word of the request itself stays.
_POLITE_OPENER = lazy_pattern(
    r"^\s*(?:(?:麻烦|劳烦|拜托|唔该|辛苦)(?:你|您|晒|哂|你们|你哋)?(?:拜托)?"
    r"(?:了|啦|啰|喔|哦|呀|啊|噢|咯|喇|嘞|哈|哟|吖|la|lo|ar)*[\s,，、。.!！~～]*)+"
    r"(?=帮|给|把|将|替|同我|为|请|tag|send|push|export|导出)"
)


# More polite openers, the same way: the formal ones (有劳, 劳驾, 烦请, 请) and thanks said first
# (谢谢，给…), before a clause mark or the request verb.
_FORMAL_OPENER = lazy_pattern(
    r"^\s*(?:(?:有劳|劳驾|烦请|烦劳|请|谢谢|多谢|感谢|唔该晒)(?:你|您|晒|哂|你们|你哋)?"
    r"(?:了|啦|啰|喔|哦|呀|啊|噢|咯|喇|嘞|哈|哟|吖)*[\s,，、。.!！~～]*)+"
    r"(?=帮|给|把|将|替|同我|为|俾|tag|send|push|export|导出)"
)
# A condition on the helper's time or convenience, never on the customers ("有时间的话帮我…",
# "有時間嘅話send張…", "方便帮我把…标上…吗", "方唔方便同我…", "if you have time, export…"): it
# only asks nicely. The Chinese 方便 only right before the helping verb (方便面 is a product).
_CONDITIONAL_OPENER = lazy_pattern(
    r"^\s*(?:(?:如果|要是|若|假如)?(?:你|您)?(?:有时间|有空|得闲|方便|唔忙|不忙)"
    r"(?:的话|嘅话|的时候|嘅时候|时)(?:呢|吖|啊|呀|哈)?[\s,，、]*"
    r"|(?:如果|要是)?(?:你|您)?(?:方便|方不方便|方唔方便|得唔得闲|有没有空|有冇空|有没有时间|有冇时间)"
    r"(?:你|您)?[\s,，、]*(?=帮|同我|给我|俾我|替我)"
    r"|(?:if|when|whenever)\s+(?:you|u)(?:'ve|\s+have|'re|\s+are|\s+get|\s+got)?\s+"
    r"(?:got\s+)?(?:the\s+)?(?:time|a\s+chance|the\s+chance|a\s+moment|a\s+minute|a\s+sec|"
    r"a\s+second|free)(?:\s+(?:later|today))?[\s,]*"
    r"|(?:if\s+)?time\s+permit(?:s|ting)[\s,]*)"
)

# Cantonese 同我 (for me) opening a request before its verb ("同我export上個月…嘅客", "唔該同我
# 列…"): who is asked, never "and mine" (同 as "and" needs something before it).
_FOR_ME = lazy_pattern(
    r"^\s*同我\s*(?=export|download|send|push|save|list|tag|导出|汇出|下载|发|列|查|睇|搵|数|计|"
    r"统计|打|标|存|保存|拉|执)"
)


def drop_opener(norm: str) -> str:
    """`norm` without a word that only opens it (那, 咁, 所以, 先) or says it goes back to a
    question said again (还是回到 …, back to …), when something follows."""
    openers = (_CONDITIONAL_OPENER, _FORMAL_OPENER, _POLITE_OPENER, _FOR_ME)
    # twice: an opener before the going back ("咁睇返我組嘅女仔", "那回到上海的") is dropped
    # on the first pass, the going back on the second
    for _ in range(2):
        for pattern in (*openers, _GO_BACK, _OPENER, _JUST, _FIRST):
            found = pattern.match(norm)
            if found is not None and norm[found.end() :].strip(" ?？.。!！"):
                norm = norm[found.end() :]
    return norm


# "Give X to me to look at" around what is asked (Cantonese 俾晒全公司啲VIP我睇, 畀上海啲客我睇下,
# 拿VIP客户给我看看): the request is only the wrapper; what is between is the question. 我 said
# first (给我看…) is the plain wrapper the lexicon reads already.
_SHOWN_TO_ME = lazy_pattern(
    # (a clause before it stays: 我係經理，俾晒…我睇 — the claim is read, and refused, as typed)
    r"^(?P<pre>[^，,“”]*[，,]\s*)?(?:给|拿|攞)(?:晒|哂|埋|齐)?(?P<x>(?!我)[^“”]+?)(?:给|畀)?(?:我|我哋|我们)"
    r"(?:睇|看)(?:下|一下|吓|看|睇|睇睇)?(?:啦|吖|呀|先|吧|喇)*[。.!！?？~～]*$"
)
# What a message or an action says is no look (给VIP发消息…, 给他们打标签): left to its readers.
_ACTED = lazy_pattern(r"发|打|标签|消息|券|导出|存")


# "…拉出来我看看", "…找出来给我瞧瞧", "…调出来我看", "…列出来我看下": 我 after the verb that brings
# them out is who looks, never whose customers (把VIP里面在上海的拉出来我看看 = the VIPs in 上海)
_LOOK_TAIL = lazy_pattern(
    r"(?:给|畀|俾|让|帮|同|替)?(?:我|我们|我哋)(?:来)?(?:看看|看一下|看下|看|瞧瞧|瞧一下|瞧|睇下|睇睇|睇吓|睇|过目|过过目)"
    r"(?:一下|下)?(?:吧|啊|呀|哈|呢|啦|喇|吖|先)*[。.!！?？~～]*$"
)


# "俾份VIP名單我", "畀啲上海客我": give (the list of) X to me, with nothing after — 我 is who
# gets it, never whose customers
_GIVEN_TO_ME = lazy_pattern(
    r"^(?P<pre>[^，,“”]*[，,]\s*)?(?:给|畀|俾)(?:晒|哂|埋)?(?:份|个|张|啲|一份)?(?P<x>(?!我)[^“”]+?)"
    r"(?:给|畀|俾)?(?:我|我哋|我们)(?:啦|吖|呀|先|吧|喇)*[。.!！?？~～]*$"
)


def shown_to_me(norm: str) -> str:
    """`norm` (normalised) without "give … to me to see" said around it, else `norm`."""
    for pattern in (_SHOWN_TO_ME, _GIVEN_TO_ME):
        found = pattern.match(norm.strip())
        if found is not None and not _ACTED.search(found["x"]):
            return (found["pre"] or "") + found["x"]
    tail = _LOOK_TAIL.search(norm.strip())
    if tail is not None and norm.strip()[: tail.start()].strip():
        return norm.strip()[: tail.start()]  # what brings them out (拉出来, 导出来) stays
    return norm


# "对VIP做个分析", "對上海嘅客做下分析", "对这批客户进行画像分析": what is analysed, said with 对
# before it — the profile of those customers (对 is no word of theirs)
_ANALYSED = lazy_pattern(
    r"^(?P<lead>(?:请|帮我|麻烦|麻烦你|帮忙|可以)?\s*)对\s*(?P<x>.+?)\s*(?:做|进行|搞|出)(?:个|一个|一下|下|吓)?"
    r"(?:画像)?(?:分析|画像|剖析)(?:一下|下)?(?P<end>[吧呢啊呀吗吖啦喇?？。.!！~～]*)$"
)


def analysed_object(norm: str) -> str:
    """`norm` with "对X做分析" said as "分析一下X" (the describe intent and its customers)."""
    found = _ANALYSED.match(norm.strip())
    if found is None:
        return norm
    return f"{found['lead']}分析一下{found['x']}{found['end']}"
