# ruff: noqa: E501
# (word tables: one line per meaning reads better than wrapped strings)
"""Fixed words of the command language (zh + en), each with what it means to the parser.

Surfaces are written normalised (Simplified, lower-case). The tokenizer takes the longest
match, so "不超过" wins over "不", "added to cart" over "added".
"""

from __future__ import annotations

from typing import Any

from segmentation.kinds import registered
from segmentation.kinds.event_words import EVENT_WORDS, VERB_IDIOMS
from segmentation.nlq.amount_words import WORDS as AMOUNT_WORDS
from segmentation.nlq.colloquial_words import WORDS as COLLOQUIAL_WORDS
from segmentation.nlq.contribution_words import WORDS as CONTRIBUTION_WORDS
from segmentation.nlq.ever_words import PAST_ADVERBS
from segmentation.nlq.everyday_words import WORDS as EVERYDAY_WORDS
from segmentation.nlq.everyday_words import joined
from segmentation.nlq.measure_nouns import WORDS as MEASURE_WORDS
from segmentation.nlq.own_words import WORDS as OWN_WORDS
from segmentation.nlq.quote_words import WORDS as QUOTE_WORDS
from segmentation.nlq.reported import (  # noqa: F401 (named by tests)
    THIRD_PARTY_ASKS,
    THIRD_PARTY_ROLES,
    THIRD_PARTY_WHEN,
    third_party_wrappers,
)
from segmentation.nlq.sentence_words import ALSO_WORDS as SENTENCE_ALSO
from segmentation.nlq.sentence_words import WORDS as SENTENCE_WORDS
from segmentation.nlq.slang_words import WORDS as SLANG_WORDS
from segmentation.nlq.token_kinds import K
from segmentation.nlq.voice_words import VOICE_WORDS


def _many(kind: K, value: Any, words: str) -> dict[str, tuple[K, Any]]:
    return {w.strip(): (kind, value) for w in words.split("|") if w.strip()}


class LexiconError(ValueError):
    """A word given two meanings by accident: the second would silently shadow the first."""


LEXICON: dict[str, tuple[K, Any]] = {}
# Further meanings of a word, declared on purpose with _also(); the grammar reads them where
# the context asks for them ("1000 plus" is a comparison, "VIP plus 金卡" a list).
ALSO: dict[str, tuple[tuple[K, Any], ...]] = {}


def _ADD(entries: dict[str, tuple[K, Any]]) -> None:
    for surface, meaning in entries.items():
        if surface in LEXICON:
            raise LexiconError(
                f"{surface!r} means {LEXICON[surface]} already; declare {meaning} with _also()"
            )
        LEXICON[surface] = meaning


def _also(kind: K, value: Any, words: str) -> None:
    """A second meaning for words the lexicon already has (their first stays the default)."""
    for surface, meaning in _many(kind, value, words).items():
        if surface not in LEXICON or LEXICON[surface] == meaning:
            raise LexiconError(f"{surface!r}: _also() is for a second meaning of a known word")
        ALSO[surface] = (*ALSO.get(surface, ()), meaning)


# ---- intents (list is the default; the others win over it)
_ADD(_many(K.INTENT, "list", "列出|列一下|列举|列下|查一下|查下|查查|查询|查|看看|看一下|看下|看|有哪些|"
           "哪些|找出|找一下|找找|找到|找|显示|给我看|筛选|筛出|筛一下|拉一下|拉出|拉个名单|名单|"
           "都有谁|有谁|是谁|谁|list|show|show me|find|get|give me|display|pull|"
           "who is|search|filter|see|只看|只要|只显示|只列出|只查"))  # fmt: skip
_ADD(_many(K.INTENT, "count", "多少|有多少|多少个|有多少个|有多少位|有多少人|有几个|有几位|多少人|多少位|几个|几位|几人|数量|人数|总数|统计|计数|"
           "一共|总共|客户数|客户数量|数|how many|count|number of|the number of|total number of|how much"))  # fmt: skip
_ADD(_many(K.INTENT, "export", "导出|下载|导成|导出成|导出为|汇出|汇出成|汇出为|export|download"))
_ADD(_many(K.INTENT, "export:xlsx", "excel|xlsx|excel表|excel表格|表格|spreadsheet|电子表格|xls|to excel|"
           "into excel|in excel|to an excel|to an excel file|to a spreadsheet|into a spreadsheet|"
           "as a spreadsheet|to xlsx"))  # fmt: skip
_ADD(_many(K.INTENT, "export:csv", "csv|csv文件|csv档|csv档案|csv格式|csv file|to csv|to a csv|"
           "into csv|in csv|as a csv|as csv|to a csv file|as a csv file|into a csv file|in a csv file"))  # fmt: skip
_ADD(_many(K.INTENT, "describe", "分析|分析一下|分析下|分析分析|剖析|描述|描述一下|描绘|刻画|画像|构成|分布|特征|"
           "特点|有什么特点|有哪些特点|有什么特征|有哪些特征|概况|组成|是什么样的人|都是什么样的人|什么样的人|"
           "都是些什么人|是什么人|长什么样|describe|profile|breakdown|analyze|analyse|analysis|"
           "composition|describe the|profile of|characterize|characterise|characteristics|"
           "look like|looks like|what are they like|summarize|summarise|insights on|insight into|"
           "tell me about|tell me more about"))  # fmt: skip
_ADD(_many(K.INTENT, "help", "帮助|你能做什么|你会什么|你能干什么|怎么用|使用说明|能做什么|help|"
           "what can you do|how do i use this|usage"))  # fmt: skip
_ADD(_many(K.INTENT, "more", "更多|下一页|继续|再看看|more|next|next page|show more"))
_ADD(_many(K.INTENT, "show_saved", "我的分群|分群列表|所有分群|保存的分群|已保存的分群|哪些分群|有哪些分群|"
           # the saving said as a verb before them: 我保存过哪些分群, 我存过的分群, 存咗嘅分群
           "保存过哪些分群|保存过的分群|存过哪些分群|存过的分群|存了哪些分群|存了的分群|存下的分群|"
           "建过哪些分群|建过的分群|建了哪些分群|建的分群|存了些什么分群|存了嘅分群|存过嘅分群|"
           "保存了嘅分群|存了边啲分群|"
           "my segments|saved segments|list segments|segments list|list my segments|all segments|"
           "segments i saved|segments i've saved|segments i have saved|what segments do i have|"
           "which segments have i saved|what segments have i saved|which segments did i save"))  # fmt: skip

# ---- event kinds
for _kind, _words in EVENT_WORDS.items():  # one table: segmentation/kinds/event_words.py
    _ADD(_many(K.EVENT, _kind, _words.surfaces.strong))
    if _words.surfaces.weak:
        _ADD(_many(K.EVENT, f"{_kind}:weak", _words.surfaces.weak))

# ---- words condition kinds declare (segmentation/kinds: Kind.words), each its node
for _declared in registered().values():
    for _surfaces, _node in _declared.words:
        _ADD(_many(K.ATTRIBUTE, _node, _surfaces))

# ---- negation and "yet"
_ADD(_many(K.NEG, True, "不|没|未|无|非|没有|从未|从没|从来没有|从来没|从没有|不是|并未|并没有|未曾|"
           "didn't|did not|not|never|no|without|haven't|have not|hasn't|has not|don't|do not|"
           "doesn't|does not|non|who haven't|that haven't|never have|have never|has never|"
           "didnt|havent|hasnt|dont|doesnt|outside|outside of|"
           "neither"))  # fmt: skip
_ADD(_many(K.YET, True, "还没|还未|尚未|还没有|至今没有|至今未|至今没|到现在都没|一直没|一直没有|一直冇|一直未|still haven't|"
           "still hasn't|still have not"))  # fmt: skip
_ADD(
    _many(
        K.YET,
        False,
        "yet|so far|ever|到目前为止|至今|迄今|一直以来|曾经|有史以来|all time|of all time",
    )
)

# ---- comparisons
_ADD(_many(K.CMP, (">", "pre"), "超过|多于|大于|高于|超出|more than|over|above|greater than|"
           "higher than|in excess of|exceeding|exceeds|exceeded"))  # fmt: skip
_ADD(_many(K.CMP, (">=", "pre"), "不少于|至少|不低于|起码|最少要|大于等于|满|达到|at least|no less than|"
           "no fewer than|minimum of|a minimum of|>=|≥|reached"))  # fmt: skip
_ADD(
    _many(
        K.CMP,
        (">=", "post"),
        "以上|及以上|或以上|起|或更多|and above|or more|and up|or above|+",
    )
)
_ADD(
    _many(
        K.CMP,
        ("<", "pre"),
        "不到|少于|低于|小于|不足|未满|less than|under|below|fewer than|lower than|<",
    )
)
_ADD(_many(K.CMP, ("<", "post"), "以内的钱|以内金额"))
_ADD(_many(K.CMP, ("<=", "pre"), "不超过|至多|不多于|不高于|小于等于|at most|no more than|up to|"
           "not more than|maximum of|a maximum of|<=|≤"))  # fmt: skip
_ADD(
    _many(K.CMP, ("<=", "post"), "以下|及以下|或以下|or less|or fewer|and below|or below|and under")
)
_ADD(_many(K.CMP, (">", "post"), "多"))
_ADD(_many(K.CMP, ("=", "pre"), "正好|恰好|刚好|只|仅|仅仅|只有|exactly|only|just|=|precisely"))
_ADD(_many(K.MOST, "most", "最多"))
_ADD(_many(K.MOST, "least", "最少"))
_ADD(_many(K.RANK, "top", "前|top|the top|highest|最高的|排名前|前面|biggest|largest|heaviest|"
           "排前|排在前"))  # fmt: skip
_ADD(_many(K.RANK, "bottom", "后|bottom|the bottom|lowest|最低的|排名后|倒数|smallest|垫底|垫底的|排在最后|"
           "排后|排在后"))  # fmt: skip
_ADD(_many(K.TO, True, "到|至|-|~|—|–|to"))
_ADD(_many(K.BETWEEN, True, "between|介于|介乎|介於"))  # 介乎: HK written Chinese
_ADD(_many(K.RANGE_TAIL, True, "之间|之内|范围内|区间"))

# ---- spend
_ADD(_many(K.SPEND, True, "消费|消费了|消费过|消费金额|累计消费|累计消费金额|总消费|消费总额|消费额|花了|"
           "花费|花过|花钱|购买金额|下单金额|订单金额|订单总额|成交金额|成交额|金额|累计金额|总金额|"
           "spent|spend|spending|spends|total spend|total spending|spent a total of|"
           "amount spent|order amount|order value total|spenders|by spend|by spending|"
           "spend of|total order amount|total amount|spent in total|paid|消费累计|customers by spend|"
           "customers by spending|customers by total spend|clients by spend|buyers by spend|"
           "by total spend|by amount spent|by revenue|customers by revenue"))  # fmt: skip
# 按消费 (排名): the measure a ranking ranks by, said like "by spend".
_ADD(_many(K.SPEND, True, "按消费|按消费金额|按消费额|按消费总额|按花费|按花钱|按金额"))
# Revenue said of customers is what they spent (VIP的销售额超过1万, revenue over 5000); asked
# as a total with no bound, the parser asks back (parser._ask_sum_of_money).
_ADD(_many(K.SPEND, True, "revenue|total revenue|gmv|营收|营业额"))

# ---- units after numbers
_ADD(_many(K.UNIT, "times", "次|回|遍|趟|times|time"))
_ADD(_many(K.UNIT, "money", "元|块|块钱|元钱|rmb|yuan|cny|kuai|元以上的钱|人民币|蚊"))
_ADD(_many(K.UNIT, "people", "个|位|名|个人|个客户|位客户|名客户"))
_ADD(_many(K.UNIT, "percent", "%|percent|per cent"))
_ADD(_many(K.PERCENT_PREFIX, True, "百分之"))
_ADD(_many(K.NUMWORD, (1, "times"), "once|一次|一回|一趟|one time"))
_ADD(_many(K.NUMWORD, (2, "times"), "twice|两次|two times"))
_ADD(_many(K.NUMWORD, (3, "times"), "thrice|three times"))

# ---- tags, saved segments, owners, people
_ADD(_many(K.TAGWORD, True, "标签|标签为|标签是|标签为的|打了|打过|打上了|打了标签|带有|带|贴了|有标签|"
           "tag|tags|tagged|tagged as|tagged with|with tag|with the tag|with tags|labelled|labeled|"
           "label|标记为|标记了|被标记为|标签里有|标签包含|含有"))  # fmt: skip
_ADD(_many(K.UNTAGGED, True, "未打标签|没打标签|没有标签|无标签|没有任何标签|没打过标签|没有打标签|"
           "没有打过标签|untagged|no tags|without tags|without any tag|without any tags|with no tags|"
           "没标签|标签为空"))  # fmt: skip
_ADD(_many(K.SAVEDWORD, True, "分群|分群里|分群中|分群里面|分群内|分组|segment|segments|the segment|"
           "saved segment"))  # fmt: skip
_ADD(_many(K.MY, True, "我的|我跟进的|我负责的|我名下的|我添加的|我加的|我自己的|my|mine|my own|"
           "i follow|followed by me|i manage|i added|i have added|i've added|i ve added|i have|"
           "do i have|i ve got|i have got|have i got|我"))  # fmt: skip
_ADD(_many(K.MYDEPT, True, "咱们部门|咱们组|咱们团队|咱们小组|咱部门|咱们的部门|我哋部门|我们这个部门|"
           "我们部门|我部门|本部门|我们组|我们团队|我的团队|我团队|我们小组|我的部门|"
           "我所在部门|我们部门的|my team|our team|my department|our department|my dept|my team's|"
           "our team's|my department's|my own team|our own team|my own department|my own dept"))  # fmt: skip
# The people a leader leads, said as people (each of my reps, 我手下的销售, 团队成员): the team they
# follow customers for, never the leader's own customers (我手下 alone is "mine", owner_words).
_ADD(_many(K.MYDEPT, True, "my reps|my sales reps|my salespeople|my sales team|my people|"
           "my team members|my staff|my direct reports|my subordinates|our reps|our salespeople|"
           "our sales reps|our team members|the reps on my team|the people on my team|"
           "我手下的销售|我手下的人|我手下的同事|我手下的业务|我手下销售|我手下的组员|我的下属|我下属|"
           "我的组员|我组员|团队成员|部门成员|部门同事|组里的同事|我哋啲同事|我啲同事"))  # fmt: skip
_ADD(_many(K.GENDER, 2, "女性|女|女的|女士|女生|女客户|female|females|women|woman|ladies"))
_ADD(_many(K.GENDER, 1, "男性|男|男的|男士|男生|男客户|male|males|men|man|gentlemen"))
# Cantonese 女仔/男仔 (girls/boys: said of women and men), 女仔客/男仔客.
_ADD(_many(K.GENDER, 2, "女仔|女仔客|啲女仔"))
_ADD(_many(K.GENDER, 1, "男仔|男仔客|啲男仔"))
# The polite and the colloquial nouns for a woman or a man customer (上个月新加的先生们,
# 加過購物車的小姐, 啲靚女客): the gender, as 女士/男士 are.
_ADD(_many(K.GENDER, 2, "小姐|小姐们|女士们|靓女|靓女客|美女|美女们|女顾客|女客人|女客"))
_ADD(_many(K.GENDER, 1, "先生|先生们|男士们|靓仔|靓仔客|帅哥|帅哥们|男顾客|男客人|男客"))
_ADD(_many(K.NEW, True, "新客户|新增客户|新加的客户|新加|新增|新添加|新添加的|新客|新的客户|新加入|新来的|"
           "新|new|new customers|newly added|new clients|newly|added|recently added|新增的|"
           # mixed: "上周 new 加的 customers" (normalising takes the space out)
           "new加|new加的|new加入|new加入的|new增|new增的|newly加|newly加的"))  # fmt: skip
# "first added" is what new means (spec §2: the first follow relation, added_at): "customers
# first added in September", 首次添加 / 第一次加 / 頭一次加.
_ADD(_many(K.NEW, True, "first added|were first added|was first added|first added us|"
      "first joined|were first connected|first connected|首次添加|首次添加的|首次加|首次加的|"
      "第一次加|第一次加的|第一次添加|第一次添加的|头一次加|头一次加的"))  # fmt: skip

# ---- connectives and structure
_ADD(
    _many(
        K.AND,
        "list",
        "和|与|及|以及|跟|同|同埋|、|and|as well as|&|plus|along with|in addition to|together with",
    )
)
_ADD(_many(K.AND, "clause", "且|并且|而且|但|但是|却|而|也|又|并|but|also|while|且还|并且还|还|同样|又有|"
           "and also|but also|and are|and is|and have|and has|and who|but who|but have|but has|"
           "but are|but is|and were|but were|but did|and did"))  # fmt: skip
_ADD(_many(K.OR, True, "或|或者|或是|还是|要么|or|either|/"))
_ADD(_many(K.BOTH, True, "都|同时|同时有|都有|共同|共同的|共有的|一起跟进的|both|all of|all|shared by|"
           "in common"))  # fmt: skip
_ADD(_many(K.DE, True, "的|之|who|that|which|whose|where|de"))
_ADD(_many(K.CLAUSE, True, "中|里|其中|里面|当中|之中|中间|of them|of these|out of them|"
           "among them|among those|among these|in which|of which|in those|of whom|among whom|"
           "of whom which|of whom who|among whom which"))  # fmt: skip
# English "among X" names X after what it narrows ("the top 5 spenders among VIP customers"):
# the clause it opens is where a ranking ranks, unlike 中/里 ("VIP里消费最多的5个").
_ADD(_many(K.CLAUSE, "among", "among|amongst|within"))
_ADD(_many(K.SEP, True, ",|，|;|；|。|.|:|：|!|！|?|？|（|）|(|)|\"|'|“|”"))
_ADD(_many(K.CUSTOMER, True, "客户|顾客|用户|客人|联系人|外部联系人|会员|的客户|customers|customer|"
           "clients|client|contacts|contact|people|users|buyers|members|ones|persons|"
           "人|everyone|everybody|anyone|anybody"))  # fmt: skip

# ---- the previous answer ("把这些导出", "describe them")
_ADD(_many(K.THIS, True, "这些|那些|这批|这群|这些客户|那些客户|这批客户|这群客户|上面的客户|上述客户|"
           "这个分群|这个群|该分群|此分群|这个列表|这个名单|这个结果|上面的结果|刚才的结果|them|these|those|em|'em|"
           # what is left of the list after a drop: 去掉Bob → 给剩下的发消息 / send the rest…
           "剩下|剩下的|剩下那些|剩下的人|剩下的客户|剩下这些|剩低|剩低嘅|剩低啲|剩返嘅|the rest|"
           "the rest of them|"
           "the remaining ones|the remaining customers|"
           "these customers|those customers|this segment|that segment|this list|the results|"
           "these results"))  # fmt: skip

# ---- words that carry no meaning here (politeness, glue)
_ADD(_many(K.FILLER, True, "请|请你|帮我|帮忙|麻烦|麻烦你|一下|吧|吗|呢|呀|啊|哦|了|过|所有|全部|所有的|"
           "全部的|次数|的次数|为|成|as|把|将|给我|我想|我想看|我要|想|要|是|有|在|来自|位于|住在|城市|城市是|城市为|"
           "地区|的人|哪个|个数|跟进|负责|名下|添加|跟进的|负责的|添加的|被|由|属于|所属|"
           "其他|共|是否|可以|能|能不能|一共有|总共有|列表|情况|数据|信息|资料|详细资料|详细信息|"
           "please|can you|could you|me|the|a|an|all the|of|with|are|is|have|has|had|did|do|"
           "does|been|were|was|in|from|based in|located in|living in|who live in|city|at|"
           "for|by|any|some|there|their|followed by|managed by|owned by|belonging to|"
           "customers of|clients of|whose owner is|owner|'s|s|i|want|to see|let me see|"
           "list of|how|many|what|are there|do we have|we have|total|so|then|ok|okay|"
           "that are|who are|which are|who have|that have|who has|that has|hi|hello|嗨|你好|您好|"
           "东西|something|anything|stuff|既|既是|ve|re|ll|who ve|who re|that ve|谢谢|多谢|"
           "谢谢你|感谢|thanks|thank you|thx|好的|收到|早上好|下午好|晚上好|good morning|hey|早安|午安"
           ))  # fmt: skip

# ---- not supported yet: asked back, never dropped (spec §2 "Not (yet) supported")
_UNSUP = {
    "period": "节假日、周末、去年同期这类时间段|holidays, weekends or named periods",
    "vague": "没有具体数字的时间（如“最近”“这两天”）|a period without a number (like 'recently')",
    "future": "未来的时间|a time in the future",
    "brand": "品牌|brands",
    "channel": "企业微信以外的来源（如抖音、淘宝；可以按添加方式或渠道活码筛选，例如“扫码添加的客户”“通过展会活码加的客户”）|sources outside WeCom such as Douyin or Taobao (filter by how customers were added or by their channel code instead, e.g. 'customers added by scanning a QR code')",
    "age": "年龄|age",
    "birthday": "生日|birthdays",
    "holdout": "活动对照组|a campaign's control group",
    "phone": "手机号筛选|phone number filters",
    "refund_amount": "退款金额|refund amounts",
    "aov": "平均值|averages",
    "price": "商品的价格|a product's price",
    "deleted": "已删除的客户|deleted customers",
    "ago": "“N天前”这种时间点|'N days ago' as a point in time",
    "vague_number": "没有具体数字的金额（如“几千”“好几万”）|an amount without a number (like 'a few thousand')",
    "approx": "大约的数字（如“一千左右”“两三次”）|approximate numbers (like 'about 1000')",
    "rate": "每天/每月这类频率|a rate per day, week or month",
    "fuzzy": "没有具体数字的次数或金额|a count or amount without a number (like 'a couple')",
    "single_order": "单笔订单的金额（可以按累计消费或客单价筛选，例如“累计消费超过1000”“客单价超过500”）|"
    "the amount of a single order (filter by total spend or average order value instead)",
    # Classes of buyers the spec does not define (回头客, repeat buyers, first-time buyers):
    # asked back naming the word, offering the order count that says it (ask.py).
    "repeat": "回头客、复购这类没有定义的说法|undefined buyer classes such as repeat buyers",
    "first_order": "首单客户这类没有定义的说法|undefined buyer classes such as first-time buyers",
    "old": "老客户这类没有定义的说法|undefined classes such as existing customers",
    "big": "大客户这类没有定义的说法|undefined classes such as key accounts",
    "quiet": "沉默客户这类没有定义的说法|undefined classes such as inactive customers",
    "prospect": "潜在客户这类没有定义的说法|undefined classes such as prospects",
    "active": "活跃客户这类没有定义的说法|undefined classes such as active customers",
}
UNSUPPORTED_REASONS = {k: tuple(v.split("|")) for k, v in _UNSUP.items()}
_ADD(_many(K.UNSUPPORTED, "period", "国庆|国庆节|国庆期间|春节|过年|双十一|双11|双十二|双12|618|元旦|"
           "中秋|中秋节|端午|清明|五一|劳动节|周末|工作日|节假日|假期|节日|去年同期|同期|黑五|"
           "圣诞|圣诞节|情人节|七夕|weekend|weekends|holiday|holidays|christmas|national day|"
           "black friday|new year|same period last year|weekdays|spring festival"))  # fmt: skip
# A weekend said with which one (上周末, last weekend) is still a named period, asked back whole
# (never 上周 and a stray 末, nor "last" read as a name).
_ADD(_many(K.UNSUPPORTED, "period", "上周末|上个周末|这周末|这个周末|本周末|上礼拜周末|上星期周末|"
           "国庆假期|国庆节期间|春节期间|过年期间|五一期间|中秋期间|节假日期间|假期期间|"
           "last weekend|this weekend|the weekend|over the weekend|on the weekend|at the weekend|"
           "during the weekend|past weekend|the past weekend|the last weekend|this past weekend|"
           "last weekends|the holidays|over the holidays|during the holidays"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "vague", "最近|近期|这两天|这几天|前段时间|前阵子|最近几天|近几天|前几天|"
           "这段时间|近来|近日|很久|好久|长期|一段时间|不久前|刚刚|"
           "recently|lately|these days|the other day|a while|a long time|some time|"
           "recent|long ago|earlier|in a while|for a while|几天|几个月|"
           "几周|很多|不少|大量|经常|频繁|often|frequently|a lot|many times|several|few|"
           "a few|几次|多次|好几次|较多|较少|一些"))  # fmt: skip
# Cantonese "lately" (呢排, 近排, 呢段时间, 呢几日) and a few more of Mandarin's: vague, asked back.
_ADD(_many(K.UNSUPPORTED, "vague", "呢排|近排|呢一排|最近呢排|早排|呢段时间|呢段日子|呢几日|呢两日|呢轮|"
           "这阵子|这阵|最近这段时间|近段时间|这一阵|这些天|这几日|这两日|of late|as of late|"
           "in recent days|in recent weeks|recent days|these past few days|the past few days|"
           "the last few days|the past couple of days|the last couple of days|past few days|"
           "past couple of days|last couple of days|"
           "last few days|a couple of days|the other week|not long ago"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "future", "明天|下周|下个月|明年|下季度|后天|tomorrow|next week|next month|"
           "next year|next quarter|未来|将来|即将"))  # fmt: skip
# ---- products and categories (spec §2b): the words that say which property a name is;
# the names themselves come from the events (vocabulary), unknown ones are asked back.
_ADD(_many(K.ITEMWORD, "product", "商品|产品|货品|product|products|item|items|the product|"
           "the item"))  # fmt: skip
_ADD(_many(K.ITEMWORD, "category", "品类|类|类别|类目|类商品|类产品|category|categories|"
           "the category|product category|in the category"))  # fmt: skip
_ADD(_many(K.ITEMWORD, "sku", "sku|skus|型号|货号"))
_ADD(_many(K.UNSUPPORTED, "brand", "品牌|brand|brands"))
_ADD(_many(K.FILLER, True, "it|this product|that product"))  # "didn't buy it"
_ADD(_many(K.UNSUPPORTED, "channel", "渠道|来源|抖音|小红书|淘宝|京东|天猫|拼多多|微博|广告|线上|线下|"
           "门店渠道|官网|小程序|公众号|直播|channel|source|douyin|tiktok|taobao|jd|online|"
           "offline|campaign source|referral|推荐来的"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "age", "岁|年龄|年纪|老年|中年|年轻|90后|80后|00后|70后|age|aged|years old|"
           "older|younger|elderly|young"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "birthday", "生日|过生日|birthday|birthdays|born"))
# A campaign's control group is measured, never a condition (its size and uplift are in the
# campaign's results); read whole, "对照组" had been asked as a department named 对照组.
_ADD(_many(K.UNSUPPORTED, "holdout", "对照组|控制组|对照群|留出组|holdout|holdout group|"
           "the holdout|control group|the control group|held out|held-out"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "phone", "手机号|电话|号码|开头|尾号|phone|phone number|mobile|number starting|"
           "starting with|starts with|手机尾号|手机号码"))  # fmt: skip
# Measures of amounts other than the total spent (#21): a K.SPEND word whose value names the
# measure — the average order (客单价) and the refunded amount (退款金额).
_ADD(_many(K.SPEND, "aov", "客单价|平均客单价|平均订单|平均订单金额|平均订单额|平均每单|平均每单金额|"
           "平均每单消费|平均每笔|平均每笔订单|平均单价|每单平均|平均消费|平均消费金额|"
           "average order|average order value|average order values|aov|average order amount|"
           "average order size|average basket|average basket size|avg order|avg order value|"
           "an average order|an average order value|average purchase|average purchase value|"
           "average ticket|"
           # the average said as spend per order / purchase / ticket / basket (客单价)
           "average spend per order|average spend per purchase|average spend per transaction|"
           "average spending per order|average spent per order|avg spend per order|"
           "average amount per order|average amount spent per order|average per order|"
           "average order spend|average transaction value|average transaction size|"
           "average transaction|avg ticket|average ticket size|avg basket|avg basket size|"
           "average basket value|basket size|average check|spend per order on average|"
           "平均每单花|平均每单花费|每单平均花费|每单平均金额|每单平均消费|平均每次消费|"
           "平均每次消费金额|平均每次购买金额|平均每笔消费|平均每笔金额|笔单价|单均消费|单均金额|"
           "平均每张单|平均每张订单|平均每单使|平均每次使"))  # fmt: skip
_ADD(_many(K.SPEND, "refund", "退款金额|退款总额|退款额|退款总金额|累计退款|累计退款金额|退货金额|"
           "退款的金额|refund amount|refund amounts|refund total|refunds totaling|"
           "refunds totalling|amount refunded|refunded amount|total refunded|total refunds|"
           "refunded a total of"))  # fmt: skip
# "How much was refunded" asks a value, not a filter; the words left alone of an average
# (平均, average, 每单: each order? per customer?) are asked back.
_ADD(_many(K.UNSUPPORTED, "refund_amount", "退了多少"))
_ADD(_many(K.UNSUPPORTED, "aov", "均价|单价|单均|平均|average spend|average|avg|per order|每单"))
_ADD(_many(K.UNSUPPORTED, "deleted", "已删除|删除的|被删除|删掉的|包括删除|包含删除|含删除|包括已删除|包含已删除|流失的联系人|"
           "deleted|including deleted|removed customers|已流失|删了我的|"
           # 连已经删除的也算上 / 連刪掉嘅都計埋: the deleted said with 连 (even them)
           "连已经删除的|连已经删掉的|连已删除的|连删除的|连删掉的|连被删除的|连删咗嘅|连已经删咗嘅"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "ago", "天前|周前|个月前|年前|天以前|天之前|周以前|周之前|个月以前|个月之前|"
           "年以前|年之前|半年前|半年以前|半年之前|半个月前|半个月以前|星期前|礼拜前|日前|days ago|weeks ago|months ago|ago|以前的"))  # fmt: skip

# ---- words with a second meaning, declared (never shadowed): the first is the default
_also(K.TO, True, "and")  # "between 500 and 1000"
_also(K.CMP, (">=", "post"), "plus")  # "1000 plus"
_also(K.INTENT, "list", "which")  # "which customers…" (list is the default intent anyway)
_also(K.UNIT, "people", "customers|people|clients|buyers|人")  # "top 10 customers", "前10人"
_also(K.BETWEEN, True, "在")  # "消费在500到1000之间"

# A colleague named after 同事 ("我同事小王的客户"): read only before a staff member's name
# (verbs.check_colleague); 我同事 is one word, so 我 is not "my customers".
_ADD(_many(K.FILLER, "colleague", "同事|我同事|我的同事|我嘅同事|我们同事|我们的同事|"
           "我地同事|同事们|另一个同事|另一位同事"))  # fmt: skip
# A salesperson's role said beside their name (李四销售的客户, 業務李四的客戶, 李四業務的):
# read only next to a staff member's name (verbs.check_colleague), asked back anywhere else.
# Taiwan says 業務 for the salesperson.
_ADD(_many(K.FILLER, "role", "销售|业务|业务员|销售员|销售代表|客户经理|业务代表"))
# Northern 俺 is 我 (俺的客户 = my customers; 俺想看看 asks); 咱 is 咱们 (the company's).
_ADD(_many(K.MY, True, "俺|俺的|俺手上|俺名下"))
_ADD(_many(K.FILLER, True, "俺想|俺要|俺想要|俺想看|俺们|俺们的|咱|咱的|咱家|咱家的"))
# 还没/尚未 before tagging is 没 (no tag now), as 还没下单 is no order.
_ADD(
    _many(K.UNTAGGED, True, "还没打标签|还没有打标签|还未打标签|尚未打标签|还没打过标签|还没贴标签")
)
# Sales-team English for the people one sells to ("leads" is left out: "leads came in" is
# new leads, "customers came in" a store visit — asked back rather than guessed).
_ADD(_many(K.CUSTOMER, True, "prospects"))
# "how many in total" asks for the count ("in total" alone is a total spent: "spent 1000 in
# total"); without a number the spend reading answered "customers who ordered" instead.
_ADD(_many(K.INTENT, "count", "how many in total|how many in all|how many altogether|"
           "how many all together|how many overall|how many are there in total|"
           "how many are there altogether|how many total|total count|the total count"))  # fmt: skip
# What is left after a part is taken off, asked as a count ("广州的去掉，还剩几个", "仲剩幾多",
# "how many are left?"): the count of the answer as it now stands.
_ADD(_many(K.INTENT, "count", "还剩几个|还剩多少|还剩几位|还剩多少个|剩下几个|剩下多少|剩下几位|"
           "剩几个|剩多少|剩几位|仲剩几多|仲剩几个|仲剩返几多|剩返几多|剩返几个|净返几多|净返几个|"
           "how many are left|how many left|how many remain|how many remaining|how many does that leave|"
           "how many's left|how many would be left|how many are still left|how many still left"))  # fmt: skip
# The answer's form said after what is asked ("just the women, as a number", "how many in
# Shanghai, number only", "can I see that as a list instead", 给个数就行, 列成名单).
_ADD(_many(K.INTENT, "count", "as a number|number only|just the number|only the number|"
           "the number only|just a number|count only|just the count|only the count|as a count|"
           "数字就好|数字就得|给个数字|给个数|只要数字|只要个数|要个数字|出个数"))  # fmt: skip
_ADD(_many(K.INTENT, "list", "as a list|in a list|in list form|as a list instead|"
           "列成名单|列成清单|列成表"))  # fmt: skip
# "in total" says nothing of spend by itself ("how many VIP customers in total" was VIP
# customers who ordered); "spent 1000 in total" has its spend word.
_ADD(_many(K.FILLER, True, "altogether|all together|overall|in total"))
# What was sold to a customer is what they spent (销售额超过1000的客户), as 成交额 is.
_ADD(_many(K.SPEND, True, "销售额|销售金额|销售总额"))

# ---- request and politeness wrappers (issue 19): a closed list of words that carry no
# condition and are ignored only as whole words — the tokenizer's longest match lets a
# name or content word that starts the same way (拉萨, 哈尔滨, 整单) win. Tested one by one
# in tests/segmentation/nlq/test_lexicon.py.
WRAPPERS = (
    "捞|捞一下|捞下|捞出|捞出来|捞个|拉|拉下|拉出来|拉一份|拉份|拉个|出来|整理|整理一下|整理下|"
    "弄|弄一下|弄下|弄个|搞|搞一下|搞下|搞个|整|整一下|整下|整个|来个|给个|列个|查个|出个|"
    "呗|嘛|啦|咯|哟|喔|哈|噢|哇|你|你帮我|帮帮我|帮我一下|拜托|劳驾|请问|烦请|"
    "一份|一个名单|个名单|揾|揾下|揾吓|揾一下|睇|睇下|睇吓|睇一下|唔该|可唔可以|可不可以|能否|吓|"
    "给我看看|让我看看|我想知道|想知道|我需要|需要|可否|劳烦|帮手|唔该晒|麻烦晒|有劳|帮个忙|"
    "pls|plz|kindly|quickly|quick|gimme|get me|fetch|fetch me|grab|grab me|pull up|look up|"
    "check|check out|i need|we need|need|i'd like|i d like|i would like|i'd like to see|"
    "would you|would you mind|would you please|can i get|could i get|can i see|could i see|"
    "may i see|may i have|can i have|can we get|can we see|tell me|let me know|for me|ty|"
    "cheers|asap|real quick|help me|help me with|just list|just show|hey there|yo|any chance|"
    "any chance you can|any chance you could|is it possible to|possible to|is there a way to|"
    "快|快点|赶紧|马上|尽快|just need|just want|just give me|just get|just pull|just find|"
    "瞅|瞅瞅|瞅一下|瞅下|瞧|瞧瞧|瞧一下|看一眼|瞄一眼|瞄一下|调一下|调出|调出来|调取|出一份|出一下|"
    "过滤|过滤一下|过滤出|筛选出|筛选出来|揾返|翻一下|翻出|翻出来|提取|提取一下|抽取|给我看一眼|"
    "给我瞅瞅|给我瞧瞧|给我看一下|"
    "could u|can u|would u|lemme|let me|wanna|i wanna|want to|gonna|u|下|出|想请你|请你帮我|"
    "一哈|查一哈|看一哈|列个表|列张表|列个单子|can ya|could ya|would ya|i'm looking for|"
    "i am looking for|looking for|i'm searching for|searching for|provide|please provide|"
    "provide me with|send over"
)
_ADD(_many(K.FILLER, "wrapper", WRAPPERS))
# Sentence-final and tone particles (Cantonese 㗎/喎/啩/噃/吖/啫/咋/嘞/咩, Mandarin 咧/呐/哩,
# Taiwan 耶/欸, chat spellings of 呢: 捏/涅):
# they colour a question, never restrict it, so they are ignored as whole words wherever they
# stand ("有冇客上個月落咗單㗎", "北京的客户咧"). 喎 and 囉 are normalised to 㖞 and 啰.
FINAL_PARTICLES = "㗎|㖞|啩|噃|吖|啫|咋|嘞|咧|喇|啰|㖭|呐|哩|嗬|咩|耶|唷|捏|涅"
_ADD(_many(K.FILLER, "wrapper", FINAL_PARTICLES))
# 边 is Cantonese 哪 (which): "边三个客使得最多" is 哪三个客户消费最多
_ADD(_many(K.INTENT, "list", "哪几个|哪几位|哪几|哪位|哪一些|哪|边|list out|list all|找下|边啲|边个|边位|有边啲|睇睇|翻查|搜一下|搜下|筛出来|找出来|查出来|"
           "列出来|挑出来|选出来|弄出来|搞出来|整出来"))  # fmt: skip
_ADD(
    _many(
        K.INTENT,
        "count",
        "统计下|数下|数一下|数数|算下|算一下|计算下|计算一下|几多|有几多|几多个|有几多个|几多人|几多位",
    )
)
_ADD(_many(K.INTENT, "export", "导出来|导出一下|导一下|汇出来|导一份|导个|导份|导"))

# ---- Cantonese and Taiwan function words
_ADD(_many(K.DE, True, "嘅"))
_ADD(_many(K.NEG, True, "冇|唔|冇试过|从冇|never once|not once"))
_ADD(_many(K.FILLER, True, "咗|喺|住喺|系|啲|地区的|一带|附近的|记录|的记录|things|from us|"
           "with us|from our store|at our store|from our shop"))  # fmt: skip
# A yes/no question ("有没有下过单的客户", "有冇…", "是不是VIP") asks whether there are such
# customers: no negation in it.
_ADD(_many(K.FILLER, True, "地方|地方的|其他地方|其他地方的|其他城市|其他城市的|follows|is following|"
           "manages|handles|looks after"))  # fmt: skip
_ADD(_many(K.YET, True, "have yet to|has yet to|yet to"))  # "have yet to order": never
_ADD(_many(K.NEG, True, "aren't|isn't|weren't|wasn't|arent|isnt|aren t|isn t"))
_ADD(_many(K.FILLER, "question", "有没有|有冇|有无|有木有|有没|是不是|是唔是|系唔系|有未"))

# ---- owner colloquialisms: the asker's own customers; after a name, the same words are glue
_ADD(_many(K.MY, True, "我手上|我手上的|我手头|我手头的|我手里|我手里的|我这边|我这边的|我这里的|"
           "我这儿的|我跟的|我跟进中的|归我管的|我管的|我自己跟的|我自己跟进的|我在跟的|我正在跟的|"
           "我手上嘅|我名下|我名下嘅|我跟进嘅|我手头上|我手头上的|"
           "my book|in my book|on my book|my book of business|my accounts|my portfolio|"
           "in my portfolio|i own|i'm following|i am following|i m following|assigned to me|"
           "i look after|i handle|i'm handling|i am handling|under me|my clients|my customers|"
           "on my books|in my books|my books|belong to me|belongs to me|belonging to me|"
           "i'm responsible for|i am responsible for|i m responsible for|i'm in charge of|"
           "i am in charge of|i m in charge of|in my charge|under my name"))  # fmt: skip
_ADD(
    _many(
        K.FILLER,
        True,
        "手上|手头|手里|手上的|手头上|跟的|跟进中|跟进中的|管的|这边|那边|名下嘅",
    )
)
_ADD(_many(K.CUSTOMER, True, "accounts|account|客人们|客户们"))
# WeCom calls an external contact a friend (好友): 新加的好友 are new customers, 微信好友 too.
_ADD(_many(K.CUSTOMER, True, "好友|好友们|微信好友|客户好友|的好友"))

# ---- more comparison words
_ADD(_many(K.CMP, (">", "pre"), "不止|超|多过|大过|高过|upwards of|north of|beyond|>"))
_ADD(_many(K.CMP, (">=", "pre"), "greater than or equal to|more than or equal to|唔少过|唔少于|不少过|not less than|not fewer than|no lower than|"
           "minimum|at minimum|not below|not under"))  # fmt: skip
_ADD(_many(K.CMP, ("<", "pre"), "少过|低过|细过|不满|没满|唔够"))
_ADD(_many(K.CMP, ("<=", "pre"), "less than or equal to|no more than or equal to|不超|没超过|没有超过|未超过|唔超过|封顶|最高|顶多|at the most|"
           "no higher than|not over|not exceeding|capped at|max|no greater than"))  # fmt: skip
_ADD(_many(K.CMP, ("<=", "post"), "以内|或更少|or lower|and fewer|or under"))
_ADD(_many(K.CMP, (">=", "post"), "往上|或者更多|or higher|and higher|and over|or over"))
_ADD(_many(K.NUMWORD, (0, "times"), "zero times|零次"))
_ADD(_many(K.NUMWORD, (0, None), "zero"))

# ---- places: 除了…以外 / outside / except = NOT; 以外/之外 after the place they exclude
_ADD(_many(K.NEG, "except", "除了|除|除去|除开|除咗|除掉|除此|excluding|except|other than|besides"))
_ADD(_many(K.NEG, "post", "以外|之外|外|除外"))
_ADD(_many(K.NEG, "except", "except those|except the ones|except for|except for those|anywhere but|"
           "anywhere except|everywhere but|everywhere except|apart from|aside from|"
           "excluding those"))  # fmt: skip
_ADD(_many(K.NEG, True, "not located in|not based in|not from|based outside|located outside|"
           "living outside|based outside of|located outside of"))  # fmt: skip
_ADD(_many(K.BETWEEN, True, "somewhere between|anywhere between"))
_ADD(_many(K.FILLER, True, "made|have made|has made|had made"))

# ---- total negation "not a single …": the count word adds nothing to the negation
_ADD(
    _many(
        K.FILLER,
        True,
        "a single|single|even once|even one|one single|ever once|a single thing|"
        "a thing|one thing|a single time|even a single time|even one time|one single time",
    )
)
# "not even once" / "not once" carry the negation themselves: as filler they dropped it ("who
# not even once ordered" was answered as "who ordered"). Said after the verb ("ordered not even
# once this year"), chunks.total_negation puts it before the verb.
# ("not once" is a negation already, above)
_ADD(_many(K.NEG, True, "not even once|not a single time|not even one time|not one time|"
           "not even a single time"))  # fmt: skip
# measure words: "一张订单都没有", "一件都没买" (only meaningful in a total negation)
_ADD(_many(K.NUMWORD, (1, "measure"), "一张|一件|一条|一样|一笔|一款"))  # not 张 alone
# a product's own measure words: "精华液一瓶都没买过", "唇釉連一支都沒買過", "一盒都冇買"
_ADD(_many(K.NUMWORD, (1, "measure"), "一瓶|一支|一盒|一套|一罐|一管|一双|一对|一包|一袋|一箱|"
           "一台|一本|一枝|一粒|一片|一只|一樽"))  # fmt: skip

# ---- English clause openers naming the base first ("Of those added last month, which…")
_ADD(_many(K.CLAUSE, "among", "of those|out of those|out of the|out of|of the|of all the|of all|"
           "among the|amongst the|from those|from among"))  # fmt: skip

# ==== zh-Hans / zh-Hant paraphrase categories (issue 19, lang-zh) ============================


def _add_missing(kind: K, value: Any, surfaces: list[str]) -> None:
    """Generated surfaces: those the tables above already give this meaning are skipped; one
    with another meaning still fails (_ADD)."""
    _ADD({s: (kind, value) for s in dict.fromkeys(surfaces) if LEXICON.get(s) != (kind, value)})


def _more(kind: K, value: Any, words: str) -> None:
    _add_missing(kind, value, list(_many(kind, value, words)))


# Request wrappers said on someone else's behalf ("老板要一份…名单", "经理让我查一下…",
# "帮领导整理一下…"): a role word is ignored only together with a request verb after it or
# a 帮/给/替 before it, so "领导的客户" is still a name to ask about.
# (The role-and-request grammar itself is a pattern: segmentation/nlq/reported.py.)
# More Chinese wrappers: politeness, hurry, hesitation, thanks, "send it to me", the
# reduplicated verbs (查一查, 看一看), Cantonese 拉埋/出嚟 (嚟 arrives as 来).
ZH_WRAPPERS = (
    "辛苦|辛苦你|辛苦了|辛苦啦|辛苦帮我|辛苦你帮我|急|着急|急需|急用|加急|很急|在线等|在线急等|急等|急等中|坐等|急急急|等回复|等你回复|"
    "您|您帮我|请您|请您帮我|麻烦您|麻烦您帮我|劳烦您|那个,|嗯|嗯,|呃|额,|emm|emmm|"
    "谢|谢啦|谢了|谢谢啦|谢谢了|谢咯|多谢晒|多谢啦|感恩|感谢感谢|万分感谢|"
    "发我|发给我|发一下给我|发过来|发我一下|给我发一下|发到我这|发我看看|"
    "来一份|来份|来一个|来一下|拉埋|拉埋出来|出一份给我|帮我出|"
    "拉一拉|捞一捞|翻一翻|理一理|整理整理|梳理一下|汇总一下|汇总|"
    "想要|想要一份|要一份|需要一份|那啥|那什么|那个啥|有空|有空的话|方便的话|得闲|得闲帮我|"
    # politeness whose 不/唔 negates no condition ("不麻烦的话帮我导出…" is not "not mine")
    "不麻烦的话|如果不麻烦|如果不麻烦的话|唔麻烦的话|唔麻烦嘅话|如果唔麻烦|如果唔麻烦嘅话|"
    "不打扰的话|不急|不着急|不用急|不用着急|不急的|不急哈|唔急|唔急嘅|唔使急|唔洗急|不赶|"
    "不赶时间|不赶的|慢慢来|"
    # a proposal, not a negation: 要不你帮我导出…, 不如帮我列下…
    "要不你|要不您|要不然你|要不你帮我|要不帮我|不如你|不如您|不如帮我|不如你帮我|"
    # HK 同我 (for me) before the disposal 将/把: never "with me" = my customers
    "同我将|同我把|"
    "不知道能不能|不知道可不可以|不知道方不方便|不知能否|不晓得能不能|不晓得方不方便|"
    "唔知可唔可以|唔知得唔得|唔知方唔方便|没事的话|没事的时候|冇事嘅话|"
    "搂|搂一下|搂下|速度|速速|赶快|好吗|好不好|行吗|行不行|可以吗|得唔得|好唔好|ok吗|"
    "不好意思|打扰了|打扰一下|冒昧问下|晒|就是|小助手|助手|小助理|小秘书|机器人|在吗|在不在|"
    "拉一个|拉一张|拉张|捞一个|捞一份|出一个|出一张|弄一份|弄一张|整一份|整一个|整个名单|"
    "搞一份|搞一个|列一个|列一份|列一张|发一份|给一份|给一个|来一张|"
    # asking for the detail of what was just counted: 具体都是谁, 具体名单, 到底是哪些人 — the
    # adverb says how much detail, never which customers
    "具体|具体点|具体一点|具体来说|具体说|详细|详细点|详细一点|到底|究竟|"
    # interjections that open a message (欸/诶 are one word in both scripts)
    "欸|诶|欸欸|哎|哎呀|哎哟|唉|喂|嘿|哈喽|哈啰|哈罗|咦|啊呀|"
    # Cantonese 拎/攞 (take, fetch): 拎个名单, 攞份表 — the rest says what is fetched
    "拎|拎个|拎下|拎吓|拎一下|拎份|拎一份|拎出来|拎返|拎个名单|攞|攞个|攞下|攞吓|攞一下|攞份|攞一份|"
    "攞出来|攞返|攞个名单|"
    # a question put as a condition: "只看近30天的话 最多的3个", "如果只看VIP的话呢"
    "的话|如果|如果是|要是|假如|假设|若果|如果只看|要是只看|"
    # looking again: "再看一下「…」分群里上海的" (再来N个 stays a page: 再 alone is no wrapper)
    "再看一下|再看下|再查一下|再查下|再查查|再来看一下|再来看看|再来查一下|再帮我看一下|"
    "再帮我查一下|再帮我看看|再列一下|再列出|再睇下|再睇睇|再揾下|"
    # opening what was shown, as a list or a group of a table: 打开张三的, 點開上海嗰組, 展开VIP的
    "打开|打开一下|打开看看|打开下|点开|点开一下|点开看看|点开下|展开|展开一下|展开看看|展开下|"
    "点进去|点进去看看|打开来看看|开来看看|点进|点进看看|点入|点入去|点入去睇"
)
_ADD(_many(K.FILLER, "wrapper", ZH_WRAPPERS))
# 要份 / 俾份 / 整份 (a list's measure word after the asking verb): 我要份上海客人嘅名單
_add_missing(
    K.FILLER,
    "wrapper",
    [
        "要份",
        "要一份",
        "整份",
        "俾份",
        "畀份",
        "给份",
        "出份",
        "来份",
        "我要份",
        "我想要份",
        "我要一份",
        "我想要一份",
    ],
)
# Just added (刚加的, 刚刚添加的, Cantonese 啱啱加嘅): new customers, as 新加的 is — only with
# 的/嘅 or 进来 after it: 刚加了VIP标签 / 刚加购物车 say what was just added to them.
_more(
    K.NEW,
    True,
    "刚加的|刚刚加的|刚添加的|刚刚添加的|啱加嘅|啱啱加嘅|啱加的|啱啱加的|"
    "刚加进来|刚加进来的|才加的|才加进来的",
)
# Tags worn (挂着VIP标签, 贴着, 带着, Cantonese 挂住 / 贴住): has the tag, as 有 says.
_more(K.FILLER, True, "挂着|贴着|带着|挂住|贴住|有挂着|有贴着")
# Average per order said with the order's measure word: 平均一张单过千, 平均每张单
_more(
    K.SPEND, "aov", "平均一张单|平均每张单|平均一张订单|平均每张订单|平均每一张单|平均一笔|平均每笔"
)
# Cantonese spend with money said (使钱 / 使咗钱, 累计使钱): spend, as 花钱 is.
_more(K.SPEND, True, "使钱|使了钱|使过钱|累计使钱|累计使了钱|总共使钱|总共使了钱")
# Exactly, Cantonese (啱啱好一次, 啱好两次) and 刚刚好: the count said, no more, no less.
_more(K.CMP, ("=", "pre"), "啱啱好|啱好|刚刚好|正正|正正好")
# Cantonese "all of them" after a request (list埋佢, 导出埋佢哋, 晒佢): no condition.
_more(K.FILLER, "wrapper", "埋佢|埋佢哋|埋佢们|晒佢|晒佢哋")
# Downloaded "down" (Cantonese 落嚟 after the verb, arriving as 落来): the export itself
_more(K.INTENT, "export", "download落来|下载落来|导出落来|export落来|拉落来")
# The buyers said in Chinese (买家 / 购买者 / 买主; Taiwan 買家): customers who ordered
# (tokens._buyers), or the customers of an activity said beside them (买过唇釉的买家).
_more(K.CUSTOMER, True, "买家|买家们|购买者|买主")
# Not reaching an amount or a count (未达 / 未达到 / 不达 / 没达到 / 冇达到): below it
_more(K.CMP, ("<", "pre"), "未达|未达到|不达|没达到|没有达到|冇达到|未够")
_more(K.CMP, (">=", "pre"), "达")  # 消费达5000 / 达1.2万以上 (达州 is a city's, read whole)
# Someone's side (李四那头的客户, 张三这头): as 那边 / 这边, whose customers the name says
_more(K.FILLER, True, "那头|这头|嗰头|嗰边|呢头")
# 道店: 到店 typed by its sound (今天道店的有几位)
_more(K.EVENT, "visit", "道店|道过店|来道店")
# 滴: the 的 of chatty typing (上海滴女客户, 我滴VIP)
_more(K.DE, True, "滴")
# Only looking at (HK 淨睇 / 净睇, 只睇): as 只看
_more(K.INTENT, "list", "净睇|只睇|净系睇|净睇下|只睇下")
# An activity said by its -ing form after the customers ("customers buying 护肤 products",
# "people ordering this month", "shoppers inquiring about 精华液").
_more(K.EVENT, "order", "buying|purchasing|ordering")
_more(K.EVENT, "inquiry", "inquiring|enquiring")
# How sellers address customers (姐妹们 of live commerce, 小姐姐 / 小哥哥): women and men.
_more(K.GENDER, 2, "姐妹们|小姐姐|小姐姐们|美女们|靓女们")  # never 姐妹 alone: 姐妹店
_more(K.GENDER, 1, "小哥哥|小哥哥们|兄弟们|帅哥们|靓仔们")
# While you are at it (顺手/顺便/顺带, Taiwan 順便) and trying to recall (…有多少来着, Taiwan 來著):
# said around the request, never of the customers.
_more(
    K.FILLER,
    "wrapper",
    "顺手|顺便|顺带|顺手帮我|顺便帮我|顺带帮我|顺手把|顺便把|来着|来著|是多少来着",
)
# The count said with 数量 after its people noun: 各渠道的新客人数量, 客户数量有几多
_more(K.INTENT, "count", "人数量|客户数量|客人数量|客数量|客户的数量|人的数量")
# Paying said as giving money (Cantonese 畀钱/俾钱 arrive as 给钱): an order, as 付钱 is
_more(K.EVENT, "order", "给钱|给了钱|给过钱|俾钱|俾了钱|俾过钱|畀过钱|畀了钱")
# Asking for someone (同事让我帮她问下), asking a favour, thanking: wrappers, never content.
_more(
    K.FILLER,
    "wrapper",
    "帮她|帮他|帮她问|帮他问|帮她问下|帮他问下|帮她问一下|帮他问一下|替她|替他|替她问|替他问|"
    "帮个忙|帮个小忙|帮帮忙|帮下忙|帮个手|唔好意思|唔好意思呀|唔该晒|唔该|"
    "谢谢啦|谢谢哈|谢谢你啦|感谢啦|劳驾|劳驾你|拜托|拜托了|拜托你|求帮忙|急急急|"
    "在吗在吗|在么|在嘛",
)
# The average order said as a phrase (平均一单不到200块, 平均每笔订单金额高于一千).
_more(K.SPEND, "aov", "平均一单|平均一笔|平均每笔订单金额|平均每单的金额|平均每笔金额|每单均价|"
      "平均每张订单|平均每张单|每笔平均")  # fmt: skip
_more(K.INTENT, "list", "查一查|看一看|找一找|筛一筛|瞧一瞧|瞅一瞅|搜一搜|清单|客户清单|名录|一览")
# A sheet made or pulled (帮我弄个表, 做张表格, 拉份表) is a spreadsheet, as 表格 is; 列个表 stays
# a list (a wrapper above).
_more(
    K.INTENT,
    "export:xlsx",
    "|".join(
        f"{verb}{size}{sheet}"
        for verb in ("", "做", "弄", "整", "搞", "出", "拉", "导", "拎", "攞")
        for size in ("个", "张", "份", "一个", "一张", "一份")
        for sheet in ("表", "表格")
    ),
)
# "We" as the company, like English "do we have": 我们有多少客户 is everyone the asker may see
# (the scope note says so for a salesperson). 我们部门/我们组/我们团队 stay "my team" (longer).
_more(K.FILLER, True, "我们|咱们|我们的|咱们的|我司|本公司|我们公司|咱们公司|我们公司的|咱们公司的|"
      "全公司|整个公司|全公司的|整个公司的|我哋|我哋嘅|我們|咱們|我們的|咱們的|我們公司|咱們公司")  # fmt: skip
# 导一份…的表 / 拉一份…的表格: the sheet said after the customers it lists.
_more(K.INTENT, "export", "导一份|导个|导一个|导张|导一张|导份|導一份|導個")
_more(K.INTENT, "export:xlsx", "的表|的表格|的excel表|嘅表")
_more(
    K.INTENT, "count", "数一数|算一算|统计统计|统计一下数量|计下|计一下|计吓|计一计|计算吓|帮我计"
)


def _more_each(table: Any) -> None:
    """`_more` for every (kind, value, surfaces) row of a word module's table."""
    for kind, value, surfaces in table:
        _more(kind, value, surfaces)


def wrapper_words() -> list[str]:
    """Every word ignored as a request wrapper (the closed list the tests go through)."""
    words = [w.strip() for w in f"{WRAPPERS}|{ZH_WRAPPERS}".split("|") if w.strip()]
    return list(dict.fromkeys([*words, *third_party_wrappers()]))


# Owner colloquialisms: "我" + how one holds a customer (跟/负责/对接/手底下…) + 的/嘅. After a
# colleague's name the same words are glue ("owner" fillers): read only after a name or 我,
# never dropped anywhere else ("服务的客户" is asked about, not "all customers").
OWNER_VERBS = "跟|跟进|跟进中|在跟|正在跟|负责|管|带|对接|服务|经手|维护|跟紧|跟开|接手|跟单|跟着|"
# 挂名 (on one's name), 认领 (claimed), 经营 (TW: runs), 顾 (TW: looks after), 签/开发 (signed, won)
OWNER_VERBS += "挂名|认领|经营|顾|签|开发"
# Cantonese 睇 (look after): 我睇開嘅客 (開 = habitually), 我睇緊嘅
OWNER_VERBS += "|睇开|睇紧|睇住|照顾"
# The verb in progress or with its duty said (我在顧的, 我在經營的, 王五負責照顧的: TW): the same
OWNER_VERBS += "|在顾|在照顾|在经营|在负责|在管|在带|在对接|在服务|在维护|负责照顾|负责经营"
# How long or how usually one holds them (我一直跟的, 我平时负责的, 我長期對接嘅): the same owner.
OWNER_HABITS = ("一直", "平时", "平常", "长期", "一向", "向来", "主要", "固定", "专门", "常年")
OWNER_HABIT_VERBS = ("跟", "跟进", "负责", "管", "带", "对接", "服务", "维护", "睇", "顾", "照顾")
# The customers said as following the asker (跟開我嘅客 = who usually go with me): an aspect
# verb, then 我 (跟我的 alone stays "and mine").
OWNER_VERBS_BEFORE_ME = ("跟开", "跟紧", "跟住", "跟着", "睇开", "一直跟", "长期跟")
# Where the customers hang (挂在我这儿的, 掛喺我度嘅, 记在我这边的): on the asker's name.
OWNER_HANG = ("挂在", "挂喺", "挂", "记在", "记喺", "归在", "放在")
OWNER_HANG_PLACES = ("这", "这里", "这儿", "这边", "度", "呢度", "呢边", "这块")
OWNER_PLACES = "手上|手头|手里|手头上|手底下|手下|底下|名下|这边|这里|这儿|那边"
# one's "stall" of customers (李四那摊子里的VIP, 我这摊的客户): whose book it is
OWNER_PLACES += "|那摊子|那摊|这摊子|这摊|那一摊|这一摊"
# one's "plate" of customers (我盘子里的VIP, 王五盘子入面嘅客): whose book it is, as 那摊 is
OWNER_PLACES += "|盘子|盘子里|盘子里面|盘子入面|盘子上|这盘子|那盘子"


def owner_words() -> tuple[list[str], list[str]]:
    """(the asker's own: 我跟紧嘅, 我自己名下的…, glue after a colleague's name: 带的, 手底下)."""
    verbs = [v for v in OWNER_VERBS.split("|") if v]
    places = [p for p in OWNER_PLACES.split("|") if p]
    mine, glue = [], []
    verbs += [f"{v}{aspect}" for v in verbs if len(v) <= 2 for aspect in ("紧", "着")]
    for me in ("我", "我自己", "我本人"):
        for word in verbs:  # 的 / 嘅 / HK 啲 (我跟紧啲客)
            mine += [f"{me}{word}的", f"{me}{word}嘅", f"{me}{word}啲"]
        for word in places:
            mine += [f"{me}{word}", f"{me}{word}的", f"{me}{word}嘅"]
        # the verb last, no 的 ("幾多個客係我跟緊"); a one-character verb stays glue (我跟张三:
        # 跟 is "and")
        mine += [f"{me}{word}" for word in verbs if len(word) >= 2]
        mine += [
            f"{me}{habit}{verb}{de}"
            for habit in OWNER_HABITS
            for verb in OWNER_HABIT_VERBS
            for de in ("的", "嘅", "啲")
        ]
    for verb in OWNER_VERBS_BEFORE_ME:
        mine += [f"{verb}我{de}" for de in ("的", "嘅", "啲")]
    for hang in OWNER_HANG:
        mine += [f"{hang}我{place}{de}" for place in OWNER_HANG_PLACES for de in ("的", "嘅", "")]
    for word in verbs:
        glue += [f"{word}的", f"{word}嘅"]
        # 李四跟緊同埋喺北京, 王五跟開嗰啲客: Cantonese 紧 / 开 end the verb without 嘅
        if word.endswith(("紧", "开")):
            glue.append(word)
    glue += [
        f"{habit}{verb}{de}"
        for habit in OWNER_HABITS
        for verb in OWNER_HABIT_VERBS
        for de in ("的", "嘅")
    ]
    for word in places:
        glue += [word, f"{word}的", f"{word}嘅"]
    mine += ["挂在我名下的", "挂在我名下", "挂我名下的", "挂我名下", "归我的", "属于我自己的"]
    # 我自己嘅 (Cantonese 的), and 自己 without 我 only before the customers or an owner verb
    # ("客户自己扫码加的" is the customer's own doing, not the asker's).
    # 我自己 / 我本人 alone before what follows ("给我自己上海的客户发…"): the asker's own
    mine += ["我自己", "我本人", "给我自己", "俾我自己"]
    # A request verb before 我的 (给我的客人里…, 帮我的客户打标签, 俾我嘅客): 我的 is the owner, not
    # the 我 of the wrapper 给我 (read "give me" + 的, it dropped the owner without a word).
    mine += [
        f"{verb}我{de}"
        for verb in ("给", "帮", "替", "俾", "畀", "同")
        for de in ("的", "嘅", "啲")
    ]
    mine += ["我自己嘅", "我自己啲", "我本人嘅", "自己的客户", "自己嘅客", "自己的客人", "自己啲客",
             "自己嘅客户", "自己的顾客"]  # fmt: skip
    mine += [f"自己{word}的" for word in verbs] + [f"自己{word}嘅" for word in verbs]
    return mine, glue


_MINE, _OWNER_GLUE_WORDS = owner_words()
_add_missing(K.MY, True, _MINE)
_ADD(
    {
        w: (K.FILLER, "owner")
        for w in dict.fromkeys(_OWNER_GLUE_WORDS)
        if w not in LEXICON  # the older glue (跟的, 负责的, 手上…) keeps its plain meaning
    }
)
_more(K.CUSTOMER, True, "客|客仔|客户群")  # HK 啲客; 熟客/回头客 are asked (colloquial_words)
# HK 班 is the collective of people before them: 我班客, 李四班客人 (his lot of customers)
_more(K.CUSTOMER, True, "班客|班客人|班客户|班客仔")

# Regional and colloquial event words (HK/TW; Cantonese 嚟/嗰/舖 arrive as 来/那/铺).
for _kind, _words in EVENT_WORDS.items():
    _more(K.EVENT, _kind, _words.surfaces.regional)
    if _words.surfaces.regional_weak:
        _more(K.EVENT, f"{_kind}:weak", _words.surfaces.regional_weak)
_more(K.FILLER, True, "从来|从来都|向来|嘢|已经|已|早已|都已经|曾|再次|成功|现在|目前|当前|眼下|暂时|现时|而家|归|"
      "纪录|的纪录|already|alrdy|by now")  # fmt: skip
# The goods of 退过一次货 / 一次货都没退过: an object that names no event of its own.
_more(K.FILLER, "object", "货")
_more(K.CMP, ("=", "pre"), "就|就只|就只有|单单|只不过是")
# A compound whose longest match would be another word: 未来过 is 未 + 来过 (never came), not
# the future 未来; parts are (kind, value, characters).
_ADD(
    {
        "未来过": (K.COMPOUND, ((K.NEG, True, 1), (K.EVENT, "visit:weak", 2))),
        "未来店": (K.COMPOUND, ((K.NEG, True, 1), (K.EVENT, "visit", 2))),
        "未来过店": (K.COMPOUND, ((K.NEG, True, 1), (K.EVENT, "visit", 3))),
        "未来过铺头": (K.COMPOUND, ((K.NEG, True, 1), (K.EVENT, "visit", 4))),
    }
)

# 过万 / 上千 / 破万: a comparison and its number in one word (几千 / 好几万 stay vague).
_THRESHOLDS = {"万": 10_000, "千": 1000}  # not 百: 不到百分之三十 is a percent
# 过百 / 破百 / 超百 (over a hundred) say no percent: only these, never 不到百 / 上百
_ADD({f"{_verb}百": (K.THRESHOLD, (">", 100)) for _verb in ("过", "超", "破", "逾")})
for _unit, _amount in _THRESHOLDS.items():
    _ADD({f"过{_unit}": (K.THRESHOLD, (">", _amount)), f"超{_unit}": (K.THRESHOLD, (">", _amount))})
    _ADD({f"逾{_unit}": (K.THRESHOLD, (">", _amount))})  # 逾万 (written: exceeds ten thousand)
    _ADD(
        # 破万 ("broke ten thousand") is past it, as blind writers read it; 上万 reaches it
        {f"破{_unit}": (K.THRESHOLD, (">", _amount)), f"上{_unit}": (K.THRESHOLD, (">=", _amount))}
    )
    _ADD(
        {
            f"不过{_unit}": (K.THRESHOLD, ("<=", _amount)),
            f"不到{_unit}": (K.THRESHOLD, ("<", _amount)),
        }
    )
    _ADD(
        {
            f"没过{_unit}": (K.THRESHOLD, ("<=", _amount)),
            f"不足{_unit}": (K.THRESHOLD, ("<", _amount)),
        }
    )
    _ADD(
        {
            f"满{_unit}": (K.THRESHOLD, (">=", _amount)),
            f"过{_unit}了": (K.THRESHOLD, (">", _amount)),
        }
    )

# Cantonese and Taiwan future days and weeks (听日 = 明天): asked back like 明天.
_more(
    K.UNSUPPORTED, "future", "听日|听朝|后日|下个礼拜|下礼拜|下个星期|下星期|下一周|下个周|下个月份"
)

# 几千 / 好几万 / 成千上万: an amount with no number in it is asked back, never a threshold.
_more(K.UNSUPPORTED, "vague_number", "几千|几万|几百|好几千|好几万|好几百|几十万|成千上万|上千上万|"
      "数千|数万|几千块|几万块|几k|几w")  # fmt: skip

# 大约 / 左右 / 出头 / 两三次: not an exact bound — asked back, never a threshold.
_more(K.UNSUPPORTED, "approx", "大约|大概|差不多|接近|左右|上下|出头|约莫|万把|千把|成万|成千|"
      "大几千|大几万|小几千|小几万|一两|两三|三四|四五|五六|六七|七八|八九|三五|好多次|很多次|"
      "许多次|无数次|好多|几十|将近|快到|快要到|几乎|好多回|很多回|好几回|几回|好多遍|很多遍|"
      "屡次|多番|几番|三番五次|三番两次")  # fmt: skip
# Frequency without a number (常常来, 成日嚟): asked for a count like 经常.
_more(K.UNSUPPORTED, "vague", "常常|时常|频频|时不时|成日|老是")

# More comparisons (Cantonese 唔止 = 不止, 唔高过 = 不高于…).
_more(K.CMP, (">", "pre"), "唔止|不只|远超|超过了")
_more(K.CMP, (">=", "pre"), "唔低过|唔低于|不少过于|最低|最起码|至少要|少说")
# 破 / 突破 before any amount, as in 破万 (past it): 消费破两千, 突破5000
_more(K.CMP, (">", "pre"), "破|突破|冲破")
_more(K.CMP, (">=", "post"), "起步|打底|往上走")
_more(K.CMP, ("<=", "pre"), "唔高过|唔多过|不多过|最多也就|顶天|撑死")
_more(K.CMP, ("<", "pre"), "唔到|未够|不够")
# One order's amount (单笔消费过千) is neither the total nor the average: asked, never summed.
_more(K.UNSUPPORTED, "single_order", "单笔|单笔消费|单笔订单|单笔金额|单次消费|单张订单|单张|每笔|"
      "每一笔|一次性消费|一次过消费")  # fmt: skip
# The number of orders said as a noun (订单数超过3, 訂單數不少於兩筆): the event's count, not
# "how many customers" (数 alone stays the count intent).
_more(K.EVENT, "order", "订单数|订单数量|订单量|下单数|下单量|下单数量|购买数|购买量|成交数|成交量|"
      "成交单数|落单数|单数")  # fmt: skip
_more(K.EVENT, "inquiry", "咨询数|咨询量|咨询数量|询价数|询价量|问价数")
_more(K.EVENT, "visit", "到店数|到店量|来店数|进店数")
_more(K.EVENT, "refund", "退款数|退货数|退款量|退货量|退单数")
# Sheets of an order (落过两张单, 两张订单): 张 as 笔 is, only glued to 单.
_more(K.EVENT, "order:weak", "张单|张订单|张单子")
# 没有任何订单 / 任何时候都没来过: "any" adds nothing to a negation (all time when no window).
_more(K.FILLER, True, "任何|任何的|任何一|任何时候|任何时间|无论何时|不论何时")
# 一共/总共 before what was spent is the total spent, not "how many" (一共花了不到五百的).
_more(K.SPEND, True, "一共花了|总共花了|一共花|总共花|一共消费|一共消费了|总共消费|总共消费了|"
      "共消费|共消费了|合共消费|合计消费|合计消费了")  # fmt: skip
# Not over (消費冇超過一千): 冇/没/未/唔/不 before 超过/超出/高过/多过 is at most.
_more(
    K.CMP,
    ("<=", "pre"),
    "|".join(
        f"{neg}{over}"
        for neg in ("冇", "没", "没有", "未", "唔", "不", "冇有")
        for over in ("超过", "超出", "高过", "多过", "高于", "多于")
    ),
)

# Not under (消費冇少過一千, 没低过500): a negation before 少过/低过/少于/低于 is at least; not
# reaching (消费冇够五百, 没够500) is under, as 唔够/未够/不够 are.
_more(
    K.CMP,
    (">=", "pre"),
    "|".join(
        f"{neg}{under}"
        for neg in ("冇", "没", "没有", "未", "唔", "不", "冇有")
        for under in ("少过", "低过", "少于", "低于", "细过")
    ),
)
_more(K.CMP, ("<", "pre"), "冇够|没够|没有够|冇有够|未有够|仲未够|还没够|还不够|都未够|唔满|冇满|"
      "没有满|未有满|唔足|冇足")  # fmt: skip

# Another currency than the company's yuan (美元, 港币, USD; US$ / HK$ before an amount:
# tokens._attach_units): asked, never read as yuan.
UNSUPPORTED_REASONS["foreign_currency"] = ("外币金额", "amounts in another currency")
_more(K.UNSUPPORTED, "foreign_currency", "美元|美金|港币|港元|港纸|新台币|台币|日元|欧元|英镑|"
      "usd|hkd|twd|ntd|eur|gbp|us dollars|us dollar|hk dollars|hong kong dollars")  # fmt: skip

# Places: 排除/不包括 = except; 除了…以外 bracket (chunks.except_brackets).
_more(K.NEG, "except", "排除|排除掉|不包括|不包含|不含|剔除")
# "不再" / "没再": negation with "again" ("没再下单", "冇再落"): the negation itself.
_more(K.NEG, True, "没再|没有再|冇再|再没|再没有|再也没|再也没有|未再|都没再")
# "不过" (but) opens a clause like 但是.
_more(K.AND, "clause", "不过|只不过|可是|然而")
# More words joining two conditions (issue 19): Cantonese / written 兼 ("男客兼有待跟进tag",
# "唔少过五百，兼系金卡"), 兼且, 又 said again with what it adds (同时又, 另外又, 而且又), "and
# also"'s kin. 兼职 / 兼容 are no join (asked as the unknown words they are).
_more(K.AND, "clause", "兼|兼且|兼夹|同时又|同时也|同时还|另外又|另外还|另外也|另外仲|而且又|"
      "并且又|并且也|而且也|而且还|又同时|以及又|and also|and at the same time|"
      "and on top of that|and additionally")  # fmt: skip
# 加上 / 再加上 between two conditions joins them as 和 does (a list of one attribute's values
# is any of them: 上海加上北京的客户), as "plus" does.
_more(K.AND, "list", "加上|再加上")
_more(K.CLAUSE, True, "入面|里头|里边|当中的|之中的")
# Demonstratives: after a condition they only point ("上海那些VIP客户"); first in the
# sentence they are the previous answer (the parser tells which).
_more(K.THIS, True, "那啲|呢啲|这啲|那班|呢班|这班|这帮|那帮|那批|那群|这部分|那部分")
# 他们/她们 (他們 normalised) before or after the request: 把他们列出来, 列出她们, 他们里面上海的.
_more(K.THIS, True, "他们|她们|它们|佢哋|他们几个|她们几个|这几个|这几位|这几个人|这几位客户")
# 那几个 / 那几位 (嗰幾個 normalised) after a condition only point, as 这几个 does: "把苏州那几个
# 客户的待跟进标签撤了" (a closing 有那几个 is the question 哪几个: ime_slips.py)
_more(K.THIS, True, "那几个|那几位|那几个人|那几位客户|那几个客户|那几个客人|那几位客人")
# 呢几个 (Cantonese "these few") points as 这几个 does.
_more(K.THIS, True, "呢几个|呢几位|呢几个客|呢几位客户")
# Cantonese 佢哋 (they; 哋 is read 们) points back as 他们 does: 睇晒佢哋, 列晒佢哋出嚟.
_more(K.THIS, True, "佢们|佢们嘅|佢们的")
# A count said with the pointer ("给这两位发消息", "那3个人"): the answer just given, its size
# said again (a size that is another answer's is gone back to before parsing: backref.py).
_more(K.THIS, True, "这俩|那俩|这俩人|那俩人|这仨|那仨|这仨人|那仨人")  # 仨: three of them
# They with their number (她俩, 他们两个, 佢哋三位, 她们几位) and 这些人: the answer just given.
_more(K.THIS, True, "这些人|那些人|这批人|他俩|她俩|佢俩|ta俩|他俩人|她俩人")
_more(
    K.THIS,
    True,
    "|".join(
        f"{they}{n}{unit}"
        for they in ("他们", "她们", "佢们")
        for n in ("俩", "两", "二", "三", "四", "五", "2", "3", "4", "5", "几")
        for unit in (("", "人") if n == "俩" else ("个", "位", "个人", "名"))
        if f"{they}{n}{unit}" not in ("他们几个", "她们几个")
    ),
)
_more(
    K.THIS,
    True,
    "|".join(
        f"{this}{n}{unit}{who}"
        for this in ("这", "那", "呢")  # after a ranking ("最多那五个") tokens.py reads 那 as 的
        for n in ("两", "俩", "二", "三", "四", "五", "2", "3", "4", "5")
        for unit in ("位", "个", "名")
        for who in ("", "人", "客户", "客")
        # not 这两个 alone: 这两个月 / 这两个礼拜 are a period
        if not (n == "俩" and unit != "个")
        and not (unit == "位" and who == "人")
        and not (unit == "个" and who == "" and n != "俩")
    ),
)
# "List them all": Cantonese 列晒/睇晒 (晒 = all of them), 全部列出来, 通通列出来 — the whole
# list of the answer just given (a bare list after a count).
_more(K.INTENT, "list", "列晒|列晒出来|列出晒|睇晒|睇晒出来|列埋出来|全部列出|全部列出来|全列出来|"
      "全都列出来|通通列出来|统统列出来|都列出来|全部列晒|全部睇晒|show them all|list them all|"
      "show all of them|list all of them")  # fmt: skip

# Cantonese 咗 arrives as 了 (normalize._CANTONESE): every 咗 word keeps its meaning.
for _surface, _meaning in list(LEXICON.items()):
    if "咗" in _surface and _surface.replace("咗", "了") not in LEXICON:
        LEXICON[_surface.replace("咗", "了")] = _meaning

# ---- English verb idioms in every tense (issue 19). One row gives a verb's phrases in all
# its forms: "place an order" is also "placed", "placing", "places" an order, so a negation
# ("didn't place any orders", "have never come into the store") finds the form it needs.
_FORMS = {  # base: past, participle, -ing, -s
    "place": ("placed", "placed", "placing", "places"),
    "make": ("made", "made", "making", "makes"),
    "put": ("put", "put", "putting", "puts"),
    "add": ("added", "added", "adding", "adds"),
    "get": ("got", "gotten", "getting", "gets"),
    "come": ("came", "come", "coming", "comes"),
    "drop": ("dropped", "dropped", "dropping", "drops"),
    "stop": ("stopped", "stopped", "stopping", "stops"),
    "pop": ("popped", "popped", "popping", "pops"),
    "swing": ("swung", "swung", "swinging", "swings"),
    "walk": ("walked", "walked", "walking", "walks"),
    "go": ("went", "gone", "going", "goes"),
    "show": ("showed", "shown", "showing", "shows"),
    "pay": ("paid", "paid", "paying", "pays"),
    "visit": ("visited", "visited", "visiting", "visits"),
    "buy": ("bought", "bought", "buying", "buys"),
    "shop": ("shopped", "shopped", "shopping", "shops"),
    "purchase": ("purchased", "purchased", "purchasing", "purchases"),
    "order": ("ordered", "ordered", "ordering", "orders"),
    "reach": ("reached", "reached", "reaching", "reaches"),
    "contact": ("contacted", "contacted", "contacting", "contacts"),
    "ask": ("asked", "asked", "asking", "asks"),
    "request": ("requested", "requested", "requesting", "requests"),
    "send": ("sent", "sent", "sending", "sends"),
    "receive": ("received", "received", "receiving", "receives"),
    "return": ("returned", "returned", "returning", "returns"),
    "have": ("had", "had", "having", "has"),
    "inquire": ("inquired", "inquired", "inquiring", "inquires"),
    "enquire": ("enquired", "enquired", "enquiring", "enquires"),
}


def _add_new(kind: K, value: Any, surfaces: list[str]) -> None:
    """Adds generated surfaces; one the lexicon has with the same meaning is kept, one with
    another meaning still fails (_ADD), so a generated form never shadows a word."""
    same = (kind, value)
    _ADD(
        {
            s: same
            for s in dict.fromkeys(surfaces)
            if LEXICON.get(s, same)[0] != kind or s not in LEXICON
        }
    )
    for s in surfaces:  # a filler is a filler whatever its note; any other kind must agree
        if LEXICON[s] != same and not (kind == K.FILLER and LEXICON[s][0] == K.FILLER):
            raise LexiconError(f"{s!r} means {LEXICON[s]} already, not {same}")


def _verb_forms(base: str) -> tuple[str, ...]:
    return (base, *_FORMS[base])


for _kind, _rows in VERB_IDIOMS.items():
    _add_new(
        K.EVENT,
        _kind,
        [
            f"{form} {tail}"
            for verb, tails in _rows
            for form in _verb_forms(verb)
            for tail in tails.split("|")
        ],
    )

# ---- who looks after a customer (issue 19): "customers I look after", "the ones I'm
# handling", "accounts Wang Wu looks after", "clients assigned to Li Si". With I/me they are
# the asker's own customers; after a colleague's name they are glue (the name says who).
_OWNING = {  # base: -s, -ing, participle
    "look after": ("looks after", "looking after", "looked after"),
    "handle": ("handles", "handling", "handled"),
    "manage": ("manages", "managing", "managed"),
    "own": ("owns", "owning", "owned"),
    "follow": ("follows", "following", "followed"),
    "follow up with": ("follows up with", "following up with", "followed up with"),
    "follow up on": ("follows up on", "following up on", "followed up on"),
    "take care of": ("takes care of", "taking care of", "taken care of"),
    "cover": ("covers", "covering", "covered"),
    "serve": ("serves", "serving", "served"),
    "work with": ("works with", "working with", "worked with"),
    "deal with": ("deals with", "dealing with", "dealt with"),
    "run": ("runs", "running", "run"),
    "support": ("supports", "supporting", "supported"),
}
_BE = (" am", "'m", " m", "'ve been", " ve been", " have been", " was")  # "i" + be + -ing
_add_new(K.MY, True, [
    s
    for base, (third, ing, part) in _OWNING.items()
    for s in (f"i {base}", *(f"i{be} {ing}" for be in _BE), f"{part} by me", f"i have {part}",
              f"i've {part}", f"i ve {part}")
] + ["assigned to me", "allocated to me", "under my care", "in my care", "under me",
     "i'm assigned", "i am assigned", "i m assigned", "i'm responsible for", "that are mine",
     "that belong to me", "who belong to me", "of mine"])  # fmt: skip
# The asker stressing it is their own ("customers I follow myself", "I personally handle"): the
# adverb only says "mine" again, read with the verb so it is never dropped on its own.
_SELF = ("myself", "personally", "directly", "on my own", "by myself")
_add_new(K.MY, True, [
    s
    for base, (third, ing, part) in _OWNING.items()
    for adverb in _SELF
    for s in (f"i {base} {adverb}", f"i {adverb} {base}", f"{part} by me {adverb}")
] + ["my very own", "my personal", "mine personally"])  # fmt: skip
_add_new(K.FILLER, True, [
    s
    for base, (third, ing, part) in _OWNING.items()
    for s in (base, third, f"is {ing}", f"are {ing}", f"{part} by", f"does {base}", f"do {base}")
    if s not in ("run", "runs", "own", "serve", "cover", "support", "supports", "covers", "serves")
] + ["assigned to", "allocated to", "belongs to", "belong to", "is responsible for",
     "is in charge of", "responsible for", "in charge of", "looked after"])  # fmt: skip
_ADD(_many(K.CUSTOMER, True, "book|books|book of business|portfolio|accounts list|client list|"
           "customer list|roster"))  # fmt: skip

# ---- more request wrappers (issue 19), English: the politeness around a request, in the
# forms people type; a closed list, tested one by one like WRAPPERS.
MORE_WRAPPERS = (
    "i'd love|i d love|i would love|we'd love|we would love|would love|i'd love to see|"
    "i'd appreciate|i would appreciate|would appreciate|appreciate it|much appreciated|"
    "that would be great|would be great|would be nice|be able to|able to|would you be able to|"
    "could you be able to|are you able to|will you be able to|do you mind|mind|"
    "if you could|if you can|if possible|when you can|when you get a chance|"
    "whenever you can|at your convenience|please and thank you|do me a favor|do me a favour|"
    "do me a favor and|do me a favour and|quick question|just wondering|i was wondering|"
    "i was wondering if|wondering if|i wonder if|i need you to|need you to|i want you to|"
    "want you to|go ahead and|try to|i'd need|i'll need|i will need|we'd like|we would like|"
    "we want|we wanna|we'd like to see|could we get|could we see|can we have|could we have|"
    "may we see|mind if i see|i'm after|i am after|i m after|after the|real fast|"
    "when possible|thanks in advance|"
    "tia|pretty please|plsss|pleaseee|pleasee|plz thx|thank u|thanks a lot|many thanks|"
    "if that's ok|if that s ok|is that possible|possible|can you please|could you please|"
    "could you kindly|can you kindly|would you kindly|i'd like a|i need a|need a|"
    "we need a|give me a|get me a|i'm trying to find|i am trying to find|trying to find|"
    "i'm trying to see|trying to see|help me find|help me see|"
    "let's see|lets see|let us see|show us|give us|get us|pull us|"
    # opening what was shown (a group of a table, a list): "open Zhang San's", "drill into …"
    "open|open up|drill into|drill down into|dig into|"
    # politeness whose "not" negates no condition: whole phrases, before or after the request
    "if you don't mind|if you dont mind|if u don't mind|if u dont mind|if you do not mind|"
    "if it's not too much trouble|if its not too much trouble|if it isn't too much trouble|"
    "if it's not too much bother|if it isn't too much bother|if it's no trouble|"
    "if it's not a problem|if that's not a problem|if it's not too much to ask|"
    "no worries if not|no worries if you can't|no worries if u can't|not urgent|"
    "no need to rush|no rush|not sure if you can|not sure if u can|not sure if you could|"
    "no problem if not|no problem if you can't|don't know if you can|dont know if you can"
)
_ADD(_many(K.FILLER, "wrapper", MORE_WRAPPERS))
WRAPPERS = WRAPPERS + "|" + MORE_WRAPPERS
_ADD(_many(K.INTENT, "list", "listing|showing|finding|pulling|pulling up|getting|fetching|grabbing|"
           "looking up|checking|bringing up|bring up|pull out|pull together|put together|"
           "compile|compiling|generate|generating|run|running|a list|the list|lists"))  # fmt: skip
_ADD(_many(K.INTENT, "count", "counting|tally|tallying|a count|the count|headcount|a headcount"))
_ADD(_many(K.INTENT, "export", "exporting|downloading|an export|dump|dumping"))
_add_new(K.FILLER, True, ["on", "'m", "'d", "'re", "'ve", "'ll", "who're", "that're"])
_ADD(_many(K.CMP, ("<=", "post"), "tops|maximum|and no more|at the very most|max tops"))
_ADD(_many(K.CMP, (">=", "post"), "or greater|and greater|and upwards|and upward|or upwards|"
           "upwards|or beyond|and beyond|at the very least"))  # fmt: skip
_also(K.CMP, ("<=", "post"), "max|at the most|at most")  # "1000 max", "2 orders at most"
_also(K.CMP, (">=", "post"), "at least|minimum|at minimum")  # "1000 at least"

# ---- issue 19, round 3: more request verbs with their particles ("dig up", "pull me up",
# "send me"), places said with a verb ("don't live in Beijing"), "everywhere apart from".
_PARTICLES = {  # verb: particles it takes as a request ("" = none)
    "pull": ("up", "out", "together"),
    "dig": ("up", "out"),
    "bring": ("up", ""),
    "call": ("up",),
    "round": ("up",),
    "whip": ("up",),
    "rustle": ("up",),
    "fish": ("out",),
    "send": ("", "over", "through"),
    "hand": ("over",),
    "share": ("",),
    "fetch": ("",),
    "grab": ("",),
    "give": ("",),
    "get": ("",),
    "show": ("",),
    "find": ("",),
    "list": ("",),
}
_REQUEST = [
    f"{verb} {who}{particle}".strip().replace("  ", " ")
    for verb, particles in _PARTICLES.items()
    for particle in particles
    for who in ("me ", "us ", "")
    if particle or who
] + [f"{verb} {particle}".strip() for verb, ps in _PARTICLES.items() for particle in ps]
_add_new(
    K.INTENT,
    "list",
    [
        w
        for w in _REQUEST
        if LEXICON.get(w, (K.INTENT,))[0] in (K.INTENT,) and LEXICON.get(w) != (K.FILLER, "wrapper")
    ],
)
_ADD(_many(K.FILLER, "wrapper", "hiya|heya|howdy|hey hey|just curious|i'm curious|i am curious|"
           "out of curiosity|curious|would it be possible to|would it be possible|is it possible|"
           "could it be possible to|find out|help me find out|i'd like to|i would like to|"
           "i'd love to|i want to|i need to|we need to|we'd like to|we want to|i wanna know|"
           "wanna know|i want to know|want to know|i'd like to know|would like to know"))  # fmt: skip
_PLACE_VERBS = ("live", "lives", "living", "reside", "resides", "residing", "are based",
                "is based", "are located", "is located", "situated", "are situated", "stay",
                "stays", "staying", "are", "is", "come from", "comes from", "hail from")  # fmt: skip
_add_new(K.FILLER, True, [f"{v} in" for v in _PLACE_VERBS] + ["live", "lives", "reside", "resides"])
_add_new(
    K.NEG,
    True,
    [f"{v} outside" for v in _PLACE_VERBS if "from" not in v]
    + [f"{v} outside of" for v in _PLACE_VERBS if "from" not in v],
)
_add_new(
    K.NEG,
    "except",
    [
        f"{where} {but}"
        for where in ("everywhere", "anywhere", "all")
        for but in (
            "but",
            "except",
            "apart from",
            "aside from",
            "other than",
            "besides",
            "excluding",
            "save",
            "bar",
            "except for",
        )
    ],
)
_ADD(_many(K.CMP, (">", "pre"), "upward of|anything over|anything above"))

# ---- issue 19: words that make a number or a time vague are asked back by what they are
_ADD(_many(K.UNSUPPORTED, "approx", "around|roughly|approximately|approx|about|more or less|"
           "give or take|or so|nearly|almost|close to|circa|in the ballpark of|ballpark|"
           "somewhere around|something like"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "rate", "every month|each month|per month|monthly|every week|each week|"
           "per week|weekly|every day|each day|per day|every year|each year|per year|yearly|"
           "annually|on average|a month on average"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "fuzzy", "a bunch|a couple|a couple of|couple of|a handful|handful|"
           "lots|lots of|plenty|tons of|a ton"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "vague", "sometime|some point|ish"))
# Buyer classes without a number (spec §2 counts say one: 下单2次以上, only once): asked.
_ADD(_many(K.UNSUPPORTED, "repeat", "回头客|回头客户|回头顾客|复购|复购客户|复购过|有复购|"
           "重复购买|重复下单|忠实客户|忠诚客户|忠粉|常客|repeat buyers|repeat buyer|repeat customers|"
           "repeat customer|repeat purchasers|repeat purchaser|repeat shoppers|repeat clients|"
           "returning customers|returning customer|returning buyers|returning clients|"
           "repeat purchase|repeat purchases|repeat order|repeat orders|repurchased|repurchase|"
           "loyal customers|loyal customer|loyal buyers|regular customers|regulars|"
           "frequent buyers|frequent customers|frequent shoppers|bought again|ordered again|"
           "purchased again|came back to buy|came back and bought|come back to buy|returned to buy|"
           "bought from us again|ordered from us again|repeat rate|repurchase rate|再次购买|再次下单|"
           "再次下过单|再次消费|再次购买过|回购|回购过|回购客户|回头率|复购率|回来买|又来买|二次回购"))  # fmt: skip
# "one-time buyers": the count is said (one time = exactly once, as 只买过一次), so answered;
# parts are (kind, value, characters) as in the compounds above.
for _first in ("one time", "one off", "single purchase"):
    for _who in ("buyers", "customers", "purchasers", "shoppers", "clients"):
        _ADD({f"{_first} {_who}": (K.COMPOUND, ((K.CMP, ("=", "pre"), len(_first)),
              (K.NUMWORD, (1, "times"), 1), (K.EVENT, "order", len(_who))))})  # fmt: skip
# Customer classes a sales team says and the spec does not define: asked, offering the
# condition that would say each (ask.py _BUYER_CLASSES).
_ADD(_many(K.UNSUPPORTED, "old", "老客户|老客|老顾客|老用户|老会员|老客人|old customers|"
           "existing customers|old clients|existing clients"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "big", "大客户|大客|大单客户|大买家|重点客户|核心客户|key accounts|"
           "key account|big customers|big clients|major accounts|major customers|vip accounts"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "quiet", "沉默客户|睡眠客户|休眠客户|僵尸客户|僵尸粉|不活跃客户|不活跃的客户|"
           "inactive customers|inactive clients|silent customers|sleeping customers"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "prospect", "潜在客户|潜客|准客户|prospective customers|"
           "potential customers|sales leads"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "active", "活跃客户|活跃的客户|活跃用户|active customers|active clients|"
           "engaged customers"))  # fmt: skip
# An event "again" (再次来店, visited again): at least twice, but of what it does not say.
_ADD(_many(K.UNSUPPORTED, "fuzzy", "再次来店|再次到店|再次来过|再次来过店|再次光顾|再次咨询|再次询价|"
           "再次问价|再次退款|再次退货|再次加购|visited again|came again|came back|inquired again|"
           "asked again|refunded again|returned again"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "first_order", "首单客户|首单|首购|首购客户|首次购买|首次下单|第一次购买|"
           "第一次下单|新买家|新购买客户|first time buyers|first time buyer|first time customers|"
           "first time purchasers|first time shoppers|first purchase|first order|new buyers|"
           "new purchasers"))  # fmt: skip
_ADD(_many(K.UNSUPPORTED, "period", "fall|autumn|summer|winter|springtime|in spring|last spring|"
           "this spring|last summer|this summer|last winter|this winter|last fall|this fall"))  # fmt: skip
_ADD(_many(K.FILLER, "wrapper", "how about|what about"))
_add_new(K.FILLER, True, ["came from", "come from", "comes from"])

# ---- issue 19, held-out round 2: adverbs of a request, "every customer", "though", and an
# object that negates its verb ("bought nothing" is "did not buy anything")
_ADD(_many(K.FILLER, "wrapper", "possibly|perhaps|maybe|basically|actually|please just"))
_ADD(_many(K.FILLER, True, "every|each|every single|each and every|got|gotten"))
_ADD(_many(K.AND, "clause", "though|although|even though|however"))
_ADD(_many(K.NEG, "object", "nothing|none|nothing at all|none at all"))
# "no tags whatsoever", "no orders at all": the emphasis of a negation adds nothing
_add_new(K.FILLER, True, ["whatsoever", "at all", "of any kind", "of any sort"])

# ---- issue 19, round 4: "everything on", "can I please have", questions about oneself
# ("how many customers am I looking after"), "visited us"
_ADD(_many(K.FILLER, "wrapper", "everything on|everything about|everything for|info on|"
           "details on|details of|data on|can i|could i|may i|can we|could we|"
           "can i please have|could i please have|can i please get|could i please get|"
           "can i please see|could i please see|may i please have|may i please see"))  # fmt: skip
_add_new(K.MY, True, [
    s
    for base, (_third, ing, part) in _OWNING.items()
    for s in (f"do i {base}", f"am i {ing}", f"have i {part}", f"did i {base}")
] + ["am i responsible for", "am i in charge of", "are assigned to me", "are mine"])  # fmt: skip
_add_new(K.FILLER, True, ["us", "with us"])

# ---- issue 19, round 5: openers and modal requests ("sorry to bother, could you…", "any
# chance I could see…"), searching verbs
_ADD(_many(K.FILLER, "wrapper", "sorry to bother|sorry to bother you|sorry|excuse me|btw|"
           "by the way|hi there|hello there|good afternoon|good evening|quick one|one more thing|"
           "i could|i can|we could|we can|you could|you can|u could|u can|any chance i could|"
           "any chance i can|any chance we could|any chance we can"))  # fmt: skip
_ADD(_many(K.INTENT, "list", "look for|search for|hunt for|go through|look through"))

# ---- issue 19, round 6: a request passed on ("I've been asked to pull…", "she asked me to
# list…") — "asked" there is the request, never an inquiry the customers made.
_PASSED_ON = [f"{verb} {whom} to" for verb in ("asked", "asks", "told", "tells", "wants", "wanted",
              "needs", "needed") for whom in ("me", "us")]  # fmt: skip
_ADD(_many(K.FILLER, "wrapper", "|".join(_PASSED_ON) + "|been asked to|was asked to|were asked to|"
           "i've been asked to|i have been asked to|we've been asked to|we have been asked to|"
           "i was told to|we were told to|been told to"))  # fmt: skip
# "neither VIP nor 金卡": the negation (neither) covers the list nor makes; "vips minus the
# ones who refunded", "not including those in Beijing" are exceptions.
_ADD(_many(K.OR, True, "nor"))
_ADD(_many(K.NEG, "except", "minus|not including|save for|leaving out|leave out"))
# "customers who added me (through a group chat)": the customer chose the asker — the asker's
# customers, not a new-customer condition; "customers we messaged": the company, no condition.
_ADD(_many(K.MY, True, "added me|who added me|that added me|have added me|has added me"))
_add_new(K.FILLER, True, ["we", "we've", "we have", "we had", "we've been", "we were"])
# Mixed: "我team的客户", "我们team的VIP" (spaces next to Chinese are gone by now).
_add_new(K.MYDEPT, True, ["我team", "我的team", "我们team", "我们的team", "我dept", "我们dept"])
_add_new(
    K.MYDEPT,
    True,
    [
        f"{who}{word}"
        for who in ("我", "我的", "我们", "我们的", "我哋", "我哋的")
        for word in ("department", "dept")
    ],
)
_ADD(_many(K.FILLER, "wrapper", "double check|doublecheck|quick check|quickly check"))
# Tags said other ways ("marked as VIP", "flagged 高意向", "missing the VIP tag", "not yet
# tagged"): the tag words, a negation, no tag at all.
_add_new(K.TAGWORD, True, ["marked", "marked as", "marked with", "flagged", "flagged as",
                           "flagged with", "labelled as", "labeled as", "labelled with",
                           "labeled with", "with the label", "with label"])  # fmt: skip
_ADD(_many(K.NEG, True, "missing|lacking|who lack|that lack|who lacks|that lacks"))
_add_new(K.UNTAGGED, True, ["not yet tagged", "not tagged yet", "yet to be tagged",
                            "never tagged", "never been tagged", "not tagged at all",
                            "with no tag", "without a tag", "have no tags", "has no tags"])  # fmt: skip
# 没有被加任何标签 / 冇被打過標籤 / 从来没贴过标签: every negation, passive 被, tag verb and
# "any" around 标签 says untagged (a generated closed list, so no form is missed).
_add_new(K.UNTAGGED, True, [
    f"{neg}{passive}{verb}{done}{anything}标签"
    for neg in ("没", "没有", "未", "冇", "从未", "从没", "从没有", "从来没", "从来没有")
    for passive in ("", "被")
    for verb in ("打", "加", "贴", "上")
    for done in ("", "过", "上", "上过")
    for anything in ("", "任何", "任何的", "一个")
    if not (verb == "上" and done.startswith("上"))
])  # fmt: skip
# "customers who joined this month" are new customers; "lifetime spend" is all-time spend.
_ADD(_many(K.NEW, True, "joined|joined us|newly joined|just joined|have joined|has joined"))
_ADD(_many(K.SPEND, True, "lifetime spend|lifetime spending|cumulative spend|overall spend|"
           "lifetime spent|spend to date|spent to date"))  # fmt: skip

# The passive of tagging with no time (被打上VIP标签的): who has the tag; with a time it is the
# tag history (intents_extra).
_more(K.TAGWORD, True, "被打上|被打上了|被打了|被贴上|被贴上了|被标上|被标上了|被加上了|打上")
# An event said with the total of its amounts ("got refunds totaling over 500", "orders
# totalling more than 2k"): the amount, not a count of events.
_more(
    K.SPEND,
    "refund",
    "got refunds totaling|got refunds totalling|received refunds totaling|"
    "received refunds totalling|had refunds totaling|had refunds totalling|refunded a total of",
)
_more(
    K.SPEND,
    True,
    "orders totaling|orders totalling|placed orders totaling|placed orders totalling|"
    "purchases totaling|purchases totalling|made purchases totaling|bought a total of",
)
# English politeness said after the request or before it as a sentence of its own, and a
# request passed on ("my manager wants …"): wrappers, never content.
_more(
    K.FILLER,
    "wrapper",
    "thanks so much|thanks so much in advance|thanks in advance|thank you so much|many thanks|"
    "much appreciated|when you get a sec|when you get a second|when you get a chance|"
    "when you have a moment|when you have a sec|when you have a minute|hope you're doing well|"
    "hope you are doing well|hope you're well|hope you are well|hope all is well|"
    "sorry to bug you|sorry to bother you|sorry to bother|sorry for the bother|hi there|"
    "hey there|my manager wants|my boss wants|my manager needs|my boss needs|my boss asked|"
    "my manager asked|my boss asked me|my manager asked me|my boss wants to know|"
    "my manager wants to know|my boss asked me to check|my manager asked me to check",
)
# Cantonese spending (使咗一万蚊) and a count of places after their list (北京、上海三地).
_more(K.SPEND, True, "使咗|使过|使了|使左")
_more(
    K.FILLER, True, "两地|三地|四地|五地|几地|等地|这几个地方|这几个城市|几个城市|三个城市|两个城市"
)
_more(K.CUSTOMER, True, "folks|ppl|peeps")
# Exclusions said after what they exclude ("李四的除外", "VIP不算", "VIP嘅唔計", "VIPs excepted"):
# closing words; segmentation/nlq/exclusions.py reads them at a clause's end. 不算/唔计 before
# a condition ("唔計VIP") exclude it as 除了 does.
_more(K.NEG, "except", "不算|不计|唔计|唔算|不计算|刨除|不要|唔要|not counting|without counting|"
      "leaving aside")  # fmt: skip
_more(K.NEG, "post", "不算在内|不计在内|不包括在内|不包含在内|唔计在内|排除在外|excepted|excluded|"
      "not included|are excluded|is excluded|not counted|aside")  # fmt: skip
# More people words after any modifier ("VIP guys", "untagged shoppers"); "you guys" is the
# person asked, not customers.
_more(K.CUSTOMER, True, "guys|shoppers|consumers|patrons")
# "金卡 holders in Beijing", "VIP card holders": the customers holding that tag
_more(K.CUSTOMER, True, "holders|holder|cardholders|card holders")
_more(K.FILLER, "wrapper", "you guys|u guys|ya guys|you all")


# ---- rambling requests (issue 19): the phrases of an apology, a request passed on, thanks,
# doubt and purpose, built from their parts (each part a closed list) so every combination
# is a wrapper; their words ("again", "manager", "not", "tomorrow") are content words
# anywhere else and are never dropped alone.
def _phrases(*parts: tuple[str, ...]) -> list[str]:
    out = [""]
    for options in parts:
        out = [f"{a} {b}".strip() if b else a for a in out for b in options]
    return [p for p in out if p]


_THANKS = _phrases(
    ("thanks", "thank you", "thx", "ty", "cheers", "tks"),
    ("a ton", "a lot", "a bunch", "a million", "so much", "again", "heaps", "loads", "tons",
     "in advance", "so much in advance", "a ton in advance", "a lot in advance", "very much",
     "loads in advance", "heaps in advance", "for your help", "for the help", "mate", "buddy"),
)  # fmt: skip
_CALM = ("no rush", "no hurry", "no rush at all", "not urgent", "take your time", "no pressure")
# (Apologies, doubt, purpose, a talk with the boss: patterns, segmentation/nlq/wrapper_phrases.py.)
_add_new(K.FILLER, "wrapper", _THANKS)
_add_new(K.FILLER, "wrapper", [*_CALM, "good morning", "good afternoon", "good evening"])
# "our top 3 spenders", "our biggest": the company's ranking (our = everyone the asker sees).
_add_new(K.RANK, "top", ["our top", "our biggest", "our largest", "our highest"])
# Cantonese 使钱 (spend money) and 边 before a count ("边5个客使钱最多": which 5).
_add_new(K.SPEND, True, ["使钱", "使咗钱", "使过钱", "使了钱"])
# HK slang 洗钱 / 洗咗钱 (spent money: "边五个客洗钱最少"), said with 钱 only — 洗 alone is washing
_add_new(K.SPEND, True, ["洗钱", "洗咗钱", "洗过钱", "洗了钱"])
# Just below a number: "shy of 1000", "just under 500", "south of 2k" (spec: less than = <).
_add_new(K.CMP, ("<", "pre"), ["shy of", "just shy of", "a bit shy of", "short of", "just short of",
                               "just under", "a bit under", "a little under", "slightly under",
                               "south of", "just below", "slightly below", "a little below"])  # fmt: skip
# 千元 / 千块 (a thousand yuan) said without 一: 消费千元以上 = 1000 or more.
_add_new(K.NUMWORD, (1000, "money"), ["千元", "千块", "千块钱", "一千块", "千蚊"])
# 倒是 / 倒也 ("店倒是来过的": the store, though, they visited): a contrast, no condition.
_add_new(K.FILLER, True, ["倒是", "倒也", "倒系", "倒係"])
# 亲 / 亲爱的 / 亲亲: the shop-chat address that opens a message (亲，能帮我查下…).
_add_new(K.FILLER, "wrapper", ["亲", "亲亲", "亲爱的", "亲们", "亲~"])
_add_new(K.FILLER, "wrapper", ["but basically", "so basically", "ok so basically",
                               "be so kind as to", "please be so kind as to", "so kind as to"])  # fmt: skip
# 又来打扰了 / 又要麻烦你了: an apology with "again" (又) in it, the whole phrase only.
_ZH_AGAIN = _phrases(("又来", "又要", "又得", "再次", "又"), ("打扰", "麻烦", "烦"), ("你", "您", ""),
                    ("了", "啦", ""))  # fmt: skip
_add_new(K.FILLER, "wrapper", [p.replace(" ", "") for p in _ZH_AGAIN])
# "added me on WeChat": the asker's customers, as "added me" is.
_add_new(K.MY, True, _phrases(("added me", "who added me", "that added me", "have added me",
                               "has added me", "who have added me", "that have added me"),
                              ("on wechat", "on weixin", "on wecom", "on wx", "via wechat",
                               "as a friend", "as a contact", "on wechat as a friend")))  # fmt: skip
# "at some point" with a verb in the perfect ("has placed an order at some point") is "ever".
_more(K.YET, False, "at some point|at any point|at one point|at any time|at some stage")

# ==== issue 19, blind s8 (lang2) ==============================================================
# Past-time adverbs before an event mean "ever" (segmentation/nlq/ever_words.py says where not).
_more(K.YET, False, PAST_ADVERBS)
_more(K.YET, False, "has ever|have ever|had ever")
# "our customers", "our VIPs in Beijing": we as the company (like "do we have", 我们的客户), so
# everyone the asker may see; "our team" stays the asker's departments (longer), "our top 3"
# the ranking.
_more(K.FILLER, True, "our|ours|of ours|all of our|all our|our own|our company's|the company's")
# "I'd love a list of…", "could I get a full list of…": the request around it ("a rundown of"
# may be a list or a description: left asked).
_add_new(K.FILLER, "wrapper", [p for p in _phrases(
    ("i'd love", "i would love", "id love", "i'd like", "i would like", "id like", "could i get",
     "can i get", "could i have", "can i have", "may i have", "could we get", "can we get",
     "i'd appreciate", "i would appreciate", "i want", "i need", "we need", "send me", "give me"),
    ("", "to see", "to get", "to know", "to have"))
    if LEXICON.get(p, (K.FILLER,))[0] == K.FILLER])  # a word with a meaning keeps it  # fmt: skip
_more(K.FILLER, True, "full list of|complete list of|quick list of|"
      "a list of|the list of|a full list of|the full list of|a complete list of|"
      "a quick list of")  # fmt: skip

# Asking something, said as an idiom (spec §2 inquiry = 咨询/asked): "reached out with a
# question", "got in touch with a query", "hit us up", "messaged us with a question",
# 问过问题 / 有问题找过我们. A question is an inquiry whatever it was about.
_QUESTION = ("with a question", "with questions", "with a query", "with queries",
             "with an inquiry", "with an enquiry", "with a question or two", "with some questions")  # fmt: skip
_ASKING = {
    "reach": ("out", "out to us"),
    "get": ("in touch", "in touch with us", "in contact", "in contact with us"),
    "contact": ("us",),
    "come": ("to us", "in", "in to us"),
    "hit": ("us up", "up", "me up"),
    "message": ("us", "me"),
    "write": ("to us", "us", "in"),
    "ping": ("us", "me"),
    "drop": ("us a question", "us a line", "us a message", "a question"),
    "send": ("us a question", "a question", "us questions", "in a question"),
    "ask": ("us something", "us a question", "us questions", "something", "us anything",
            "anything", "a question or two", "us about something"),
    "have": ("a question", "questions", "a query", "queries"),
}  # fmt: skip
_FORMS.update({
    "hit": ("hit", "hit", "hitting", "hits"),
    "message": ("messaged", "messaged", "messaging", "messages"),
    "write": ("wrote", "written", "writing", "writes"),
    "ping": ("pinged", "pinged", "pinging", "pings"),
})  # fmt: skip
_add_new(K.EVENT, "inquiry", [
    phrase
    for verb, tails in _ASKING.items()
    for form in _verb_forms(verb)
    for tail in tails
    for phrase in (f"{form} {tail}",)
    if verb not in ("have", "drop", "send", "ask", "message", "ping", "write") or tail != "in"
    if LEXICON.get(phrase, (K.EVENT, "inquiry")) == (K.EVENT, "inquiry")
])  # fmt: skip
# "… with a question" after any of them (or alone: "customers with a question") is the same
# inquiry, one word of it: the event's chunk takes both.
_add_new(K.EVENT, "inquiry", list(_QUESTION))
_more(K.EVENT, "inquiry", "问过问题|问过东西|来问过问题|问了问题|有问题找过我们|有问题找过|"
      "有问题来问过|问过我们问题|问过我们|找我们问过|提过问题|提过问|有问题问过|问过嘢|问过啲嘢|"
      "有问题揾过我哋|有问题揾过|揾过我哋问嘢|问过我哋")  # fmt: skip
# Money said colloquially after a number ("200 bucks", "五百蚊" is already there).
_more(K.UNIT, "money", "bucks|buck|quid|块钱|蚊鸡|大洋|块大洋|个大洋")
# 累积 is 累计 (the normaliser spells 累積 so): 累积消费 = cumulative spend, 累计花了 = spent.
_more(K.SPEND, True, "累积消费|累积消费金额|累积金额|消费累积|累积花了|累计花了|累积花费|累计花费|"
      "累积使了|累计使了|累积使咗|累计使咗|累积买了|累计买了|总共花了|一共消费|总共消费|合共消费|"
      "累计消费了|累积消费了|cumulative spend|cumulative spending|spent cumulatively|"
      "lifetime spend|lifetime spending|total lifetime spend")  # fmt: skip

# Tagging verbs with a negation or 有 before a tag name (没打VIP标签的, 有打待跟進標籤的, 冇貼金卡標籤):
# the verb is the tag word, never part of the name; 没打标签 (no tag at all) is longer and wins.
_TAG_VERBS = ("打", "贴", "打上", "贴上", "打过", "贴过", "挂", "标上", "标过", "标了")  # fmt: skip
_TAG_NEGS = ("没", "未", "冇", "没有", "还没", "还没有", "尚未", "从没", "从未", "没被", "未被", "冇被",
             "仲未")  # fmt: skip
for _neg in _TAG_NEGS:
    for _verb in _TAG_VERBS:
        if f"{_neg}{_verb}" not in LEXICON:
            LEXICON[f"{_neg}{_verb}"] = (
                K.COMPOUND,
                ((K.NEG, True, len(_neg)), (K.TAGWORD, True, len(_verb))),
            )
_more(K.TAGWORD, True, "有打|有贴|有被打|有被贴|有打上|有贴上|有打过|有贴过|有挂|有带|被打了|被打上|"
      "被打过|被贴了|被贴上|打上|贴上|贴过|挂了|挂上")  # fmt: skip
# "其他标签 / other tags" means tags besides the ones named, which no condition says: asked
# (没有其他标签 is not "no tag at all" when the customer has the VIP just named).
UNSUPPORTED_REASONS["other_tags"] = (
    "“其他标签”（除了说到的标签以外的标签）",
    "'other tags' (tags besides the ones named)",
)
_ADD(_many(K.UNSUPPORTED, "other_tags", "其他标签|其它标签|别的标签|其他的标签|其它的标签|别嘅标签|"
           "其他嘅标签|第二啲标签|other tags|other tag|any other tags|any other tag|another tag|"
           "other labels|其他tag|别的tag"))  # fmt: skip
_more(K.TAGWORD, True, "carrying|carry|carries|carried|bearing|bears|labelled with|labeled with|"
      "marked|marked as|marked with|flagged|flagged as|flagged with|tagged as a|has the tag|"
      "have the tag|having the tag")  # fmt: skip

# "the 2 lowest-spending VIPs", "the 3 highest-spending customers": a ranking and what it ranks
# by in one word (the hyphen arrives as a space).
_RANKED_BY_SPEND = {"top": ("highest", "top", "biggest", "largest", "heaviest", "most"),
                    "bottom": ("lowest", "least", "smallest", "bottom", "lightest")}  # fmt: skip
for _direction, _rank_words in _RANKED_BY_SPEND.items():
    for _word in _rank_words:
        for _spend in ("spending", "spend", "paying"):
            if f"{_word} {_spend}" not in LEXICON:
                LEXICON[f"{_word} {_spend}"] = (
                    K.COMPOUND, ((K.RANK, _direction, len(_word) + 1), (K.SPEND, True, len(_spend)))
                )  # fmt: skip

# ==== issue 19, blind s8-2 (lang3) ============================================================
# How the answer should reach the asker, said after the request ("发我Excel就行", "发我邮箱",
# "发我就得", "email me the list"): no condition. The sheet words (excel/表格) stay their own
# export meaning; only the "that will do" ending and the mailbox are dropped with them.
_more(K.FILLER, "wrapper", "就行|就好|就得|即可|就可以|就ok|就成|就够了|就可以了|就行了|就好了|"
      "便可|就得啦|就得喇|就ok啦|发我邮箱|发到我邮箱|发我的邮箱|发到我的邮箱|发我企微|发我微信|"
      "发到我微信|邮件发我|发邮件给我|邮箱发我|微信发我|发返俾我|send返俾我|俾返我|"
      "email me|email me the list|email it to me|email them to me|mail me the list|"
      "send it to me|send them to me|send it over|send them over|send me the list|"
      "drop me the list|dm me|dm me the list|ping me the list")  # fmt: skip
# A reply asked for after the conditions ("…, who are they", "which ones", 都有哪几个): the list.
_more(K.INTENT, "list", "who are they|who are those|who are these|who're they|who are them|"
      "which ones|which ones are they|which are they|who's that|who is that|whos that|"
      "who's that one|who is that one|whos that one|who's the one|who is the one|which one is it|"
      "who's this one|who is this one|which one is that|who'd that be|"
      "who might they be|who would that be|who are those people|who are these people|"
      "都有哪几个|都有哪几位|都系边个|系边个|有边个|边个|是哪几个|是哪几位|"
      "分别是谁|分别是哪些|分别是哪几个|分别是哪几位|分别有谁|各是谁|具体是谁|具体是哪些|"
      "具体有谁|分别系边个|分别系边啲|具体系边个|系边几个|系边几位|"
      # the past and the short forms: "who were they", "names?", "name them", "list the names"
      "who were they|who were those|who were these|who was that|who were those people|"
      "names|names please|the names|their names|name them|list the names|give me the names|"
      "show me the names|what are their names|what were their names")  # fmt: skip
# "VIPs right now", "currently tagged VIP", "in the segment now": a tag, a saved segment and
# a city are as of now already (目前/现在 are read so too); no window is meant.
_more(K.FILLER, True, "now|right now|currently|at the moment|at present|as of now|as of today|"
      "as things stand|presently")  # fmt: skip
# "customers from our company", "our company's customers": everyone (我们公司的客户 too)
_more(K.FILLER, True, "from our company|of our company|at our company|our company's|"
      "in our company|from our firm|of our firm|our firm's")  # fmt: skip
# "every VIP in the company", "all VIPs company-wide", 公司所有VIP: everyone the asker may see
# (the scope note says when that is fewer), as 全公司 is.
_more(K.FILLER, True, "in the company|across the company|in the whole company|company-wide|"
      "company wide|companywide|in the entire company|across the whole company|the company's|"
      "of the company|公司所有|公司全部|公司里所有|公司里的|整间公司|整间公司的|全公司嘅|成间公司")  # fmt: skip
# Cantonese 淨係我嘅 (only mine): my own customers, as 只要我的.
_more(K.MY, True, "净系我的|净系我自己的|净系我嘅|净系我自己嘅|净系要我的|净系我跟的|净系我跟紧的")
# "how many customers did we add this quarter": the question's inverted "added"
_more(K.NEW, True, "did we add|did you add|do we add|did they add|did the team add")
# The people named by what they did ("this week's visitors", "recent inquirers"): that event.
_more(K.EVENT, "visit", "visitors|store visitors|walk-ins|walk ins")
_more(K.EVENT, "inquiry", "inquirers|enquirers")
# 了解 (get to know) before what is asked ("我想了解一下上海男客户的画像", "想了解下金卡客户"):
# the request, not a condition; 画像/分析 after it still asks for a description.
_more(K.FILLER, "wrapper", "了解|了解一下|了解下|了解吓|了解了解|想了解|想了解一下|想了解下|"
      "我想了解|我想了解一下|我想了解下|想了解吓|想知道|我想知道|想知道一下|了解清楚|了解多些|"
      "i'd like to understand|i want to understand|help me understand|"
      "i want to know more about|i'd like to know more about")  # fmt: skip

# Cantonese "not yet" (仲未 = 还没: 问过价但系仲未买嘢嘅) and "never" (从来未/未试过): all time,
# as 还没 is (spec §2 shared windows).
_more(K.YET, True, "仲未|仲未有|仲冇|仲未曾|至今仲未|仍未|仍然未|仍然没有|依然没有|依然未|"
      "到而家都未|到依家都未|到而家仲未|到依家仲未|直到而家都未|still not|still never")  # fmt: skip
_more(K.NEG, True, "从来未|从来冇|未试过|从来都未|从来都冇|从来都没|从来都没有|从来不曾|不曾")
# Colloquial tagging verbs (標咗VIP同金卡嘅客 = 打了VIP或金卡标签的客户; 咗 arrives as 了).
_more(K.TAGWORD, True, "标了|标住|有标了|有贴了|有打了|被标了|标了标签|贴了标签|打了标签|标上|"
      "标上了|标过|有标|有标过|已标|已打|已贴|挂了标签")  # fmt: skip
# 嘅 is 的 in a ranking too (消费最高嘅前两位客 = 消费最高的前两位客户).
_more(K.RANK, "top", "最高嘅|最高既|最高果|最高那|最高嗰")
# Spending the most said with a manner word ("花钱最猛的三个", "使钱最狠嘅五个", "出手最大方的")
_more(
    K.RANK, "top", "最猛|最狠|最大方|最阔绰|最豪|最舍得|最疏爽|最猛的|最狠的|最大方的|最猛嘅|最狠嘅"
)
_more(K.RANK, "bottom", "最低嘅|最低既|最低果|最低那|最低嗰")
# Cantonese 边几个/边几位 (which few) = 哪几个, at the end or the start of the question
# (上個月買過唇釉嘅客係邊幾個, 邊幾個客…): the list.
_more(K.INTENT, "list", "边几个|边几位|边几个人|有边几个|有边几位|都系边几个|都系边几位|"
      "是边几个|是边几位|哪几个人|是哪几个人|有哪几个人|哪几个客户|哪几位客户")  # fmt: skip
# One spender ranked ("赵六名下 top 1 spender", "our biggest spender"): spenders' singular.
_more(K.SPEND, True, "spender")
# 最会买/最舍得花钱 (who buys the most, most willing to spend) = 消费最多: the ranking by spend
# said as the buyer's habit. Read as 消费+最多 (the order the ranking grammar knows): the
# parts' spans are only for questions back, so the spend takes 最 and "most" the verb.
for _verb in ("会买", "能买", "舍得花钱", "肯花钱", "舍得花", "舍得买", "肯买", "识买", "肯使钱",
              "舍得使钱", "舍得使", "能花", "会花钱", "能花钱", "会花"):  # fmt: skip
    if f"最{_verb}" not in LEXICON:
        LEXICON[f"最{_verb}"] = (K.COMPOUND, ((K.SPEND, True, 1), (K.MOST, "most", len(_verb))))

# "Any one of" after or before listed values (有VIP、金卡或者待跟进任一标签的, tagged with any of
# VIP or 金卡): a list already means any of them (spec §2 lists of values), so the words add
# nothing; 都/同时/both still ask for all.
_more(K.FILLER, True, "任一|任一个|任何一个|任意一个|任意|其中一个|其中任一|其中任何一个|其中任意一个|"
      "其中之一|之一|中任一|中任意一个|中任何一个|中的任一|中的任意一个|中的任何一个|任一种|任何一种|"
      "哪个都行|随便哪个|边个都得|任何一个都行|都行|哪个都可以|any of|any one of|either of|one of|any of the|"
      "any one of the|one of the|any of these|any one of these|one of these|any of those|"
      "any single one of|whichever of")  # fmt: skip

# 品/用品 after a category name are its goods (护肤品, 护肤用品 = the category 护肤), as 类 and
# 类产品 are; "类的产品" is one word so the 的 inside it starts no new condition.
_more(K.ITEMWORD, "category", "品|用品|类用品|类的产品|类的商品|类的东西|类东西")
# The size of a list said before 都 (唇釉、精华液两样都买过, 张三和李四两个都跟进的): all of them.
_more(K.BOTH, True, "|".join(f"{n}{m}{d}" for n in ("两", "三", "几", "这两", "这几")
                             for m in ("样", "个", "种", "款", "件", "位")
                             for d in ("都", "都有", "也")))  # fmt: skip
# One order's amount said as "in one go" (一次性买了超过3000, Cantonese 一次过): asked, as 单笔 is.
_more(K.UNSUPPORTED, "single_order", "一次性|一次过|单次购买|单次下单|单次订单|单一订单|单独一单|"
      "单独一笔|单张单")  # fmt: skip
# 累计/累积/合计/总计/cumulatively before an amount's comparison say it is the sum, which every
# amount is (spec §2b: the sum of the window's events): 退款金额累计超过500 = refunds > 500.
_more(K.FILLER, True, "累计|累积|合计|总计|累计共|累积共|cumulatively|all told")
# "how many customers make up / fall in the top 30% by spend": the verb before a ranking only
# says membership.
_more(K.FILLER, True, "make up|makes up|making up|fall in|fall into|falls in|falls into|"
      "fall within|falls within|rank in|ranked in|are ranked in|belong to|belongs to")  # fmt: skip

# Colloquial requests, owners, events, customer classes and places (issue 19, blind s10).
_more_each(COLLOQUIAL_WORDS)

# "Up to now" said alone, not after a date (上个月加的客人里面到现在都还没咨询过的): all time, as
# 至今/so far are (spec §2: 还没/yet/so far mean up to now); after a date it is the since-range
# the time scanner reads first (10月1日到现在).
_more(K.YET, False, "到现在|直到现在|一直到现在|到目前|截至目前|截止目前|截至现在|截止到现在|到而家|"
      "到依家|直到而家|up until now|up till now|to this day")  # fmt: skip

# 就 before a negation is "then, already" (从12月开始就没下过单 = no order since December), not
# the "only" of 就买过一次: the negation with 就 before it means what it means alone.
for _surface, (_kind, _value) in list(LEXICON.items()):
    if _kind in (K.NEG, K.YET) and not _surface.isascii() and f"就{_surface}" not in LEXICON:
        LEXICON[f"就{_surface}"] = (_kind, _value)

# 什么都没(有) / 啥都没 / 乜都冇 / 一样都没: "nothing", negating its verb or, bare, the kind of
# event just named (买过唇釉但近7天什么都没买 / 什么都没有 = no order at all in those 7 days).
_more(K.NEG, "object", "什么都没|什么都没有|什么也没|什么也没有|啥都没|啥都没有|啥也没|啥也没有|"
      "乜都冇|乜嘢都冇|咩都冇|咩都没|乜都没|一样都没|一样都没有|一样也没|nothing else")  # fmt: skip

# 使/花 (spend, Cantonese and colloquial) right before a comparison: 使多过两万蚊 / 总共使超过
# 5000 / 花超过1000的 = spent more than. 使 and 花 alone stay unknown (使用, 花 in a name):
# only with the comparison after them are they the spend verb.
_more(K.SPEND, True, "总共使|一共使|累计使|合共使|合共使了|合共花|合共花了|共使了|共花了|总共使了|"
      "一共使了|累计使了")  # fmt: skip
for _surface, (_kind, _value) in list(LEXICON.items()):
    if _kind != K.CMP or _value[1] != "pre" or _value[0] == "=" or _surface.isascii():
        continue  # (就/只/正好 before an amount say "exactly": no spend verb joins them)
    for _verb in ("使", "花", "总共使", "一共使", "累计使", "合共使", "合共花"):
        if f"{_verb}{_surface}" not in LEXICON:
            LEXICON[f"{_verb}{_surface}"] = (
                K.COMPOUND,
                ((K.SPEND, True, len(_verb)), (K.CMP, _value, len(_surface))),
            )

# ==== issue 19, blind s10 (fix-actions): export and describe said as colloquial nouns ========


def _unclaimed(kind: K, value: Any, words: str) -> None:
    """Adds the words no table has claimed yet: a word with another meaning keeps it (出一份 is
    a request wrapper already, 结构 may be a name's part elsewhere), never shadowed."""
    _add_missing(kind, value, [w for w in _many(kind, value, words) if w not in LEXICON])


# A holiday with the days around it said (国庆连假, 春节长假, 五一那几天, 双11前后, 中秋假期): the
# holiday's period, asked back whole, so the dates given back take its place whole.
_HOLIDAYS = "国庆|国庆节|春节|过年|五一|端午|中秋|清明|元旦|圣诞|圣诞节|双十一|双11|双十二|双12|618"
_AROUND_HOLIDAY = "连假|长假|假期|黄金周|那几天|那周|那阵子|前后|期间|放假|放假期间|假|那段时间"
_unclaimed(
    K.UNSUPPORTED,
    "period",
    "|".join(f"{h}{a}" for h in _HOLIDAYS.split("|") for a in _AROUND_HOLIDAY.split("|"))
    + "|连假|长假|黄金周|小长假|连续假期",
)
# What it can do, asked every way (你能帮我干嘛, 你可以幫我做什麼, 點用㗎你, 有咩功能, "how does this
# work"): the help, never a question back about 干 or 点用.
_unclaimed(
    K.INTENT,
    "help",
    "你能帮我干嘛|你能帮我做什么|你能帮我干什么|你能帮我干啥|你可以帮我做什么|你可以帮我干嘛|"
    "你可以做什么|你会做什么|你能干嘛|你能干啥|你会干啥|你会干嘛|你有什么功能|有什么功能|有啥功能|"
    "怎么使用|如何使用|怎样用|怎么用你|点用|点样用|点使用|你识做咩|你可以做咩|你会做咩|你做到咩|"
    "有咩功能|教我用|使用方法|用法|你能做啥|可以问什么|可以问啥|能问什么|可以问你什么|"
    "what do you do|how does this work|how to use|what can i ask|what can i ask you|"
    "what can you help with|what can you help me with|what are you able to do",
)
# The same asked with any subject word, modal and object (你都能干嘛, 你識做啲咩, 你仲可以做啲乜,
# 你到底会干啥, 你还能帮我做些什么): the help.
_unclaimed(
    K.INTENT,
    "help",
    joined(
        ("你", "你都", "你还", "你仲", "你到底", "你究竟", "你又"),
        (
            "",
            "能",
            "可以",
            "会",
            "识",
            "能够",
            "可以帮我",
            "能帮我",
            "会帮我",
            "识帮我",
            "可以同我",
        ),
        ("干", "做", "搞"),
        (
            "什么",
            "啥",
            "嘛",
            "咩",
            "啲咩",
            "啲乜",
            "乜",
            "乜嘢",
            "啲乜嘢",
            "些什么",
            "哪些事",
            "什么事",
        ),
    ),
)
# A phone number as a condition (手機138開頭嘅客, customers whose number starts with 139): not
# supported, asked back naming it.
_unclaimed(
    K.UNSUPPORTED,
    "phone",
    "手机|手机号码|电话号码|电话号|电话|手机号开头|号码开头|开头的号码|phone number|phone numbers|"
    "mobile number|mobile numbers|cell number",
)
# A profile asked roughly ("大概是什麼樣的人", "大致是怎样的", "是啥样的人"): describe.
_unclaimed(
    K.INTENT,
    "describe",
    "大概是什么样的人|大概是什么样的|大概是什么样|大致是什么样的|大致是什么样|大概是怎样的|"
    "大概是怎样的人|大概是啥样的|大概是啥样的人|大概系咩人|大概系咩样|大概系点样嘅|"
    "是什么样的人|是怎样的人|是啥样的人|系咩人|系咩样嘅人|是哪种人|是哪类人|是什么类型的人|"
    "大致是怎样的|大致是怎样|大致是怎样的人|大致是啥样的|大概怎样|大概什么样|"
    # as a whole ("我的VIP客户整体是什么样的"), Cantonese 係點樣 ("啲金卡客係點樣")
    "整体是什么样的|整体是什么样|整体是怎样的|整体怎么样|整体上是什么样的|整体系点样|整体情况|"
    "系点样|系点样嘅|系咩样|是怎么样的人|都是怎样的人",
)
# The customer sheet said as one noun (下载…的客户表, 出张excel表, 客户名单表): a spreadsheet.
_unclaimed(K.INTENT, "export:xlsx", "客户表|客户表格|客户的表格|客户excel|客户excel表|客户名单表|名单表|客表|"
      "客嘅表|客户嘅表|的excel|嘅excel|的excel表格|的xlsx|的csv表|excel文件|excel档|excel档案|"
      "xlsx文件|一张excel|一份excel|一个excel|张excel|份excel|个excel|"
      "张excel表|份excel表|个excel表|的客户表|的客户表格|的客户excel|的客户excel表|的客户名单表|"
      "的客表|嘅客表|嘅客户表|嘅客excel|的名单表")  # fmt: skip
_unclaimed(
    K.INTENT,
    "export:xlsx",
    "|".join(
        f"{verb}{size}{sheet}"
        for verb in (
            "做",
            "弄",
            "整",
            "搞",
            "出",
            "拉",
            "导",
            "拎",
            "攞",
            "生成",
            "来",
            "做成",
            "弄成",
            "整成",
            "导成",
            "生成",
        )
        for size in ("个", "张", "份", "一个", "一张", "一份")
        for sheet in ("excel", "excel表", "excel表格", "xlsx", "电子表格")
    ),
)
_unclaimed(K.INTENT, "export:csv", "csv表|的csv|一份csv|一个csv|出个csv|导个csv|出份csv")
# 做Excel / 出嚟做Excel (make it into Excel): an export.
_unclaimed(
    K.INTENT,
    "export",
    "做excel|做个excel|做张excel|做份excel|做excel表|做返excel|出excel|"
    "做成excel|做成excel表|整成excel|弄成excel",
)
# 我想知 / 想知下 (Cantonese: I'd like to know) before the question: the request only.
_unclaimed(
    K.FILLER, "wrapper", "我想知|想知|我想知下|想知下|我想知吓|想知吓|想问下|想问一下|我想问下"
)
_unclaimed(
    K.INTENT, "export", "下载一下|下载下|下载吓|拉下来|导下来|下载下来|download一下|export一下"
)
# A profile asked by its shape (…的画像是什么样的, 拆解下…的构成, 分析吓): describe.
_unclaimed(K.INTENT, "describe", "拆解|拆解下|拆解一下|拆解吓|拆一拆|拆开看看|分析吓|分析一吓|剖析下|"
      "剖析一下|剖析吓|是什么样的|是什么样子的|是什么样|是什么样子|什么样子|是怎样的|是怎么样的|"
      "是啥样的|是啥样|长啥样|系咩样|系点样嘅|人群画像|客户画像|用户画像|画个像|做个画像|做下画像|"
      "人群结构|客户结构|结构|构成情况|组成情况|深入分析|深挖一下|break down|"
      "做个分析|做下分析|做一下分析|做一个分析|做分析|出个分析|出个画像|做个剖析|"
      "breakdown of|what makes up|demographics|persona|personas")  # fmt: skip
# Money refunded said in a mixed frame (refund 金额超过200): the refunded amount, as 退款金额.
_unclaimed(K.SPEND, "refund", "refund金额|refund总额|refund的金额|refund额|退货总额|退货额")
# 上海和北京加起来 / 两个部门合起来 / 赵六同王五啲客加埋 / Shanghai and Beijing combined: the
# customers of a list counted once (a list of values is already "any of them", spec §2). Only
# a filler there: segmentation/nlq/combined.py asks it back anywhere else (加起来消费超过…).
_unclaimed(K.FILLER, "combined", "加起来|合起来|加埋|合埋|加埋一齐|加埋一起|合埋一齐|加在一起|"
      "合在一起|算在一起|算埋一齐|加一起|合一起|加总起来|合计起来|总共加起来|一共加起来|"
      "combined|put together|taken together|together")  # fmt: skip
# Taking customers away before counting (扣掉北京的客户之后, 减去VIP, 扣咗李四啲客): except, as
# 除了; segmentation/nlq/except_after.py reads the 之后 that closes it and asks back when an
# amount follows (扣除退款后的消费 is a net amount, no condition).
_unclaimed(K.NEG, "except", "扣掉|扣除|扣了|扣走|扣开|减去|减掉|减了|除走|刨去|刨掉|剔走|"
      "after excluding|after removing|once you remove|leaving out|taking out|take out")  # fmt: skip
# "All along not" with 都 or another adverb of duration (问过价但系一直都冇买嘢, 始终没下单,
# 一路都冇落单): not yet, all time, as 一直没.
_unclaimed(K.YET, True, "一直都冇|一直都没|一直都没有|一直都未|一直都未曾|一直都还没|一直还没|"
      "始终没|始终没有|始终未|始终冇|始终都没|始终都冇|一路都冇|一路冇|一路都没|一路没|一向冇|"
      "一向没|一向都冇|一向都没|向来没|向来都没|向来冇|向来都冇|直到现在都没|直到而家都冇|"
      "all along not|still never")  # fmt: skip
# Cantonese "only" before a count (淨係落過一次單, 淨係得一次): exactly, as 只.
_unclaimed(K.CMP, ("=", "pre"), "净系|净系得|净只|只系")
# "How many" with its people word after 有 (今个月问过价嘅有几多位): the count, as 有几多个.
_unclaimed(K.INTENT, "count", "有几多位|有几多人|有几多名|几多名|有几多只|有几多条友|有几多个人|"
      "有多少位|有多少名|有多少个人|共有几多|总共有几多|一共有几多|共有几多个|总共有几多个|"
      "一共有几多个|合共有几多个|合共几多个|总共几多个|一共几多个")  # fmt: skip
# The English "amount" in a Chinese frame (退款 amount 超过 ¥200, 消费 amount 过千; the spaces
# are gone): the refunded sum / the spend, as 退款金额 / 消费金额.
_unclaimed(K.SPEND, "refund", "退款amount|退款的amount|退货amount|退款总amount|refund的amount|"
      "refund总额|refund金额")  # fmt: skip
_unclaimed(K.SPEND, True, "消费amount|消费的amount|spend amount|spending amount|订单amount|"
      "purchase amount|购买amount")  # fmt: skip
# "add" and "cart" said apart in a mixed sentence (琴日 add 咗 cart 嘅客, 昨天加了cart的; the
# spaces are gone, 咗 is 了): added to cart.
_ADD_PARTICLES = ("", "了", "过", "到", "入", "落", "进", "左")  # 左 is how 咗 is often typed
_unclaimed(
    K.EVENT,
    "cart",
    "|".join(
        dict.fromkeys(
            [
                f"add{p}{cart}"
                for p in _ADD_PARTICLES
                for cart in ("cart", "购物车", "shopping cart")
            ]
            + [
                f"{verb}{p}{cart}"
                for verb in ("加", "加入", "放入", "放进", "加到", "放到")
                for p in _ADD_PARTICLES
                for cart in ("cart", "shopping cart")
            ]
        )
    ),
)

# ==== issue 19, blind s11 (fix-acts): a sheet made of the customers, a profile as their outline ==
# 做成表格 / 匯出成表 / 整成一张表 / 转成表格: the customers made into a sheet are exported (a
# lone 表 stays unknown: 手表 or 表哥 are no sheets).
_unclaimed(
    K.INTENT,
    "export:xlsx",
    "|".join(
        f"{verb}{size}{sheet}"
        for verb in (
            "做成",
            "弄成",
            "整成",
            "搞成",
            "转成",
            "变成",
            "汇成",
            "汇出成",
            "导出成",
            "导成",
            "出成",
            "生成",
            "做",
            "出",
            "拉",
            "整",
            "弄",
            "搞",
            "拎",
            "攞",
            "来",
        )
        for size in ("", "个", "张", "份", "一个", "一张", "一份")
        for sheet in ("表", "表格", "清单表", "报表")
        if verb not in ("做", "出", "拉", "整", "弄", "搞", "拎", "攞", "来") or size
    ),
)
_unclaimed(K.INTENT, "export:xlsx", "的报表|嘅报表|客户报表|客报表|导出报表|汇出报表|下载报表")
# English: the customers made into a sheet ("make a spreadsheet of …", "export … to a table").
_unclaimed(
    K.INTENT,
    "export:xlsx",
    "make a spreadsheet of|make me a spreadsheet of|make a spreadsheet|make a table of|"
    "make me a table of|put together a spreadsheet of|a spreadsheet of|a table of|"
    "to a table|into a table|as a table|in a table",
)
# The outline or the overall picture of the customers (客户轮廓, 概貌, an overview of): describe.
_unclaimed(
    K.INTENT,
    "describe",
    "轮廓|客户轮廓|人群轮廓|用户轮廓|概貌|全貌|整体样貌|overview|an overview of|overview of|"
    "a profile of|profiles of",
)
# The customers made into a sheet by a verb with its result (汇成试算表 Taiwan, 转成Excel, 整成表格,
# 導成CSV): export, in that format. 试算表 / 電子試算表 is Taiwan's word for a spreadsheet.
_SHEET_VERBS = (
    "汇成",
    "汇出成",
    "汇出为",
    "导成",
    "转成",
    "转为",
    "转做",
    "做成",
    "整成",
    "弄成",
    "出成",
)
_unclaimed(K.INTENT, "export:xlsx", "试算表|电子试算表|" + "|".join(
    verb + noun
    for verb in _SHEET_VERBS
    for noun in ("试算表", "电子试算表", "excel", "excel表", "excel表格", "表格", "电子表格", "xlsx",
                 "excel档", "excel文件", "excel档案", "xlsx档", "xlsx文件")
))  # fmt: skip
_unclaimed(
    K.INTENT,
    "export:csv",
    "|".join(
        verb + noun
        for verb in _SHEET_VERBS
        for noun in ("csv", "csv档", "csv文件", "csv档案", "csv格式", "csv file")
    ),
)
# The profile asked as a question of its shape (…是什么画像, 给我个画像, 轮廓长怎样, 睇下个构成,
# 係咩樣嘅畫像, "break down who they are"): describe. The measure word or question word before
# the noun is the question's own, never a condition.
_unclaimed(K.INTENT, "describe", "什么画像|是什么画像|是怎样的画像|是什么样的画像|啥画像|是啥画像|"
      "咩画像|系咩画像|乜嘢画像|个画像|一个画像|画像系点|画像是怎样的|画像如何|画像长怎样|"
      "个构成|一个构成|构成系点|构成是怎样的|构成如何|什么构成|个轮廓|一个轮廓|轮廓如何|"
      "轮廓长怎样|轮廓长怎么样|轮廓长什么样|长怎样|长怎么样|长咩样|生成点|生成怎样|"
      "个分布|个人群画像|break down who they are|break down who these are|"
      "break down who those are|a breakdown of who they are")  # fmt: skip

# "My group" said short (我组, 我嘅组, 我哋团队): the asker's team, as 我们组 is (a manager's
# department); a word some table already has keeps its meaning.
_unclaimed(
    K.MYDEPT,
    True,
    "我组|我的组|我嘅组|我哋组|我哋团队|我哋小组|我小组|我嘅团队|我们的组|我们的小组|"
    # with the measure word (HK 我個組, 我哋個team; 我这个组): the same group
    "我个组|我个小组|我个团队|我个team|我哋个组|我哋个team|我地个组|我这个组|我这组|我们这个组|我们这组",
)

# The whole department said as a whole (成個部門嘅, 整个团队的, 全组, 全部门, my whole team, the
# entire department, all my team): the asker's department, as 我们部门 is ("唔好意思，我想睇
# 成個部門嘅" after 我自己跟開嘅客: the owner swapped for the department).
_unclaimed(
    K.MYDEPT,
    True,
    "|".join(
        f"{who}{whole}{team}"
        for who in ("", "我", "我们", "我哋", "咱们", "我的", "我嘅", "我们的", "我哋嘅")
        for whole in ("成个", "整个", "全", "全个", "整", "成")
        for team in ("部门", "团队", "组", "小组", "team", "部")
        if not (whole in ("整", "成") and team in ("组", "部"))
        and not (whole == "全" and team == "部")
    )
    + "|成班组员|全组人|全部门人|"
    "whole team|the whole team|my whole team|our whole team|the entire team|entire team|"
    "my entire team|our entire team|my full team|the full team|all my team|all of our team|"
    "whole department|the whole department|my whole department|our whole department|"
    "the entire department|entire department|my entire department|our entire department|"
    "whole dept|my whole dept|the whole dept|whole team's|the whole team's|my whole team's|"
    "my entire team's|the whole department's|my whole department's|everyone in my team|"
    "everyone on my team|everyone in my department|my team as a whole|the team as a whole",
)

# ==== issue 19, blind s13 (fix-sentence-words): rankings, totals, caps, checking out,
# Cantonese 埋, owners (segmentation/nlq/sentence_words.py)
_more_each(SENTENCE_WORDS)
for _kind, _value, _surfaces in SENTENCE_ALSO:
    _also(_kind, _value, _surfaces)
# ==== issue 19, blind s20-2 (fix-ime-slips): an event's count said as an English noun inside a
# condition ("whose order count is below 2", "over 3 cart adds"): segmentation/nlq/measure_nouns.py
_more_each(MEASURE_WORDS)
# ==== issue 19, blind s21-1 (fix-s21-words): everyday event verbs (丢进购物车, 办过退款, 行过铺头,
# 问过几钱), 逾, the added as a noun ("Oct adds"), lead-ins on the helper's time (有时间的话):
# segmentation/nlq/everyday_words.py
_more_each(EVERYDAY_WORDS)
# ==== issue 19, blind s25-1 (fix-amounts): totals (总额, 未破千), 客单, 落在 before a range,
# "dollars" as the yuan: segmentation/nlq/amount_words.py
_more_each(AMOUNT_WORDS)

# ==== issue 19, blind s25-1 (fix-joins2): a requirement said after "but" (上海的VIP，不过得是近30天
# 咨询过的 / 但必须是女的 / 不過一定要係金卡): only those — one more condition, AND, as 但要是 is.
# 得 alone stays unknown (买得多); only with 是/系 after it is it "must be".
_more(K.FILLER, True, "得是|得系|必须是|必须系|必须|必需是|一定要是|一定要系|一定得是|"
      "需要是|需要系|要求是|只能是|只能系|务必是|they must be|they must have|they must|"
      "must be|must have|they have to be|they have to have|has to be|have to be")  # fmt: skip
# Only wanting some of them, Cantonese (淨係要北京嘅 / 剩係要女仔 / 只係要VIP), as 只要 / 净系睇 are:
# the narrowing request, one more condition.
_more(K.INTENT, "list", "净系要|净要|剩系要|剩系睇|只系要|只系睇|仅要|只想要")


# ---- session 25 (issue 19): everyday words the s25-2 held-out set used ----------------------
# 冲过 / 衝過 (went over: 消費總額衝過3萬) is 超过; 话说 opens a sentence and says nothing (话说上上
# 个月…); Taiwan's 吼 / 齁 close one as 喔 does; 画个像 / 画一下像 asks for a description; "crowd" /
# "bunch" / "lot" after a place are the customers (the Shenzhen crowd).
_unclaimed(K.CMP, (">", "pre"), "冲过|冲破|冲上")
_unclaimed(K.FILLER, "wrapper", "话说|话说回来|说起来")
_unclaimed(K.FILLER, True, "吼|齁")
_unclaimed(K.INTENT, "describe", "画个像|画一下像|画画像|画个画像|做个画像")
_unclaimed(K.CUSTOMER, True, "crowd|bunch")

# ---- session 26 (issue 19): event words of the salespeople's own the s26-1 set used (掏腰包, 扫货,
# 打卡, 丢购物车里, return 过货, "shelled out", "asked me for prices"):
# segmentation/nlq/own_words.py
_more_each(OWN_WORDS)

# ---- session 27 (issue 19): event, spend and owner words of the salespeople's own the s27-1 set
# used (询单, 开单, 要报价, 塞购物车, 新加微信, 走退货流程, 砸钱, 贡献业绩, sales team):
# segmentation/nlq/slang_words.py
_more_each(SLANG_WORDS)

# ---- session 28 (issue 19): the business a customer brings as a ranking's measure (业绩前10,
# 贡献度, revenue contributors), best / worst as a ranking's end (業績最差), 排行前, 共计 / 加总:
# segmentation/nlq/contribution_words.py
_more_each(CONTRIBUTION_WORDS)
# ---- session 28 (issue 19): a quote asked for is an inquiry (报价嘅客, 搵我報價, got a quote,
# requested pricing): segmentation/nlq/quote_words.py
_more_each(QUOTE_WORDS)
# ---- session 28 (issue 19): joiners, questions and "still" of long voice-input sentences (还有一个
# 条件, 然后还, 係咪有, 问下啫, "quick q", still 没): segmentation/nlq/voice_words.py
_more_each(VOICE_WORDS)


MAX_SURFACE = max(len(s) for s in LEXICON)
# The lengths of the surfaces starting with each character, longest first: the tokenizer
# tries only lengths some word has (a handful), not every length up to MAX_SURFACE.
_LENGTHS: dict[str, set[int]] = {}
for _surface in LEXICON:
    _LENGTHS.setdefault(_surface[0], set()).add(len(_surface))
SURFACE_LENGTHS: dict[str, tuple[int, ...]] = {
    c: tuple(sorted(lengths, reverse=True)) for c, lengths in _LENGTHS.items()
}
