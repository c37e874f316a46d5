"""Conversation intents beside the segment commands (spec/commands.md §2c): breakdowns, a
customer's card, membership changes and the digest on demand.

Each is told by its shape, not by a list of sentences: a grouping phrase (按X / 每个X各有多少 /
X分布 / per X / by X) around an ordinary segment; a customer named with 客户X的情况 / X最近买了
什么 / X's profile / 尾号1234; 新进入/离开 X or 流失 with a time window; the word 日报/digest.
What is left of the sentence is read by the ordinary grammar, so "近30天咨询未下单的客户按跟进人
分" groups exactly the customers the list would show.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import opencc

from segmentation import kinds
from segmentation.nlq.abbrev_en import expand
from segmentation.nlq.ask import Ask, period_question, unsupported
from segmentation.nlq.card_asks import asks_to_json, card_asks
from segmentation.nlq.each_value import each_said_around, each_value
from segmentation.nlq.grammar import build_segment
from segmentation.nlq.interpret import Context
from segmentation.nlq.lazy_re import latin_pattern, lazy_pattern
from segmentation.nlq.lexicon_tables import LEXICON
from segmentation.nlq.money_sums import ask_money_per_group
from segmentation.nlq.numbers import parse_chinese_numeral
from segmentation.nlq.one_customer import (
    LAST_TIME_ZH,
    TAGS_ON_HER,
    THEN_ZH,
    asks_about_customer,
)
from segmentation.nlq.restate import Restater, describe
from segmentation.nlq.share_words import dimension_of, share_asked
from segmentation.nlq.slang_words import WECHAT_WORDS
from segmentation.nlq.tag_group_words import tag_group_said
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token, tokenize
from segmentation.nlq.unknown import time_question
from segmentation.nlq.vocabulary import Vocabulary
from segmentation.nlq.whose_words import asks_whose
from segmentation.nodes import All, Node, RollingWindow, Window
from segmentation.tag_questions import tags_of
from segmentation.text import normalize

EXTRA_INTENTS = frozenset({"breakdown", "customer", "changes", "digest"})
_T2S = opencc.OpenCC("t2s")

# ---------------------------------------------------------------- breakdowns

# What is broken down, said between the verb and "down"/"by": "break that down by city",
# "split them up by gender", "break the list down by owner" (the previous answer).
_OBJECT = (
    r"(?:it|that|this|these|those|them|this list|that list|the list|these customers|"
    r"those customers|the customers|the results?|the numbers|those numbers|everything|"
    r"all of (?:them|these|those|that))"
)

# The dimensions a breakdown groups by, and the words naming each (simplified, lower case).
DIMENSIONS: dict[str, str] = {
    # the dimensions condition kinds declare (Kind.breakdown), first: their words are theirs
    **{
        k.breakdown.key: k.breakdown.words
        for k in kinds.registered().values()
        if isinstance(k.breakdown, kinds.Dimension)
    },
    # 业务 alone is Taiwan's word for a salesperson (按業務分); never a business line here.
    # 人头 (head): 按人头分 is per person, the one who follows them
    "owner": r"销售员|销售|跟进人|负责人|负责业务|负责的业务|负责同事|负责的同事|负责销售|"
    r"业务员|业务|员工|同事|客户经理|跟进的同事|人头|"
    r"owners?|salespeople|salesperson|sales ?reps?|reps?|staff|followers?|sales",
    "department": r"部门|团队|departments?|teams?",
    "city": r"城市|地区|地域|cities|city|regions?",
    "rfm": r"rfm ?(?:(?:八|8|各|几|每)(?:个|大)?类|分类|类别|分层|等级|classes|class|segments?)?|"
    r"价值分层|客户分层|价值分类|"
    r"value class(?:es)?",
    "month": r"首次添加的?月份|添加的?月份|加入的?月份|首次联系的?月份|月份|month of first "
    r"contact|first[- ]contact month|month (?:first )?added|months?|月",
    # the 渠道活码 code, or, without one, the WeCom way the customer was added (add_way)
    "channel": r"渠道活码|渠道码|活码渠道|活码|来源渠道|渠道来源|添加渠道|添加来源|添加方式|"
    r"加好友方式|加的方式|加人方式|加微方式|渠道|来源|channel codes?|channels?|sources?|add ways?|"
    r"ways? (?:they were |customers were )?added|how they were added|acquisition channels?",
    "category": r"商品类别|产品类别|商品品类|产品品类|品类|类别|类目|(?:product )?categor(?:y|ies)",
    "product": r"商品|产品|单品|products?|items?|skus?",
    "tag": r"标签组|标签|tag groups?|tags?",
}
_DIM = "|".join(f"(?P<{key}>{words})" for key, words in DIMENSIONS.items())
# A tag group named before 标签 / after "tag group": "按客户等级标签分", "by tag group level".
_TAG_GROUP_ZH = lazy_pattern(
    r"按照?(?P<g>[^\s按的]{1,20}?)(?:这个)?标签组?(?:来|分类|分组|分|看|统计)?"
)
_TAG_GROUP_EN = lazy_pattern(
    r"\bby (?:the )?(?:tag group |tags? in (?:the )?(?:group )?)"
    r"(?P<g>[^\s,.]+(?: [^\s,.]+)?)"
)
# How the spread is asked after 分布 ("分布如何", "分佈係點", "分布是怎样的"): the question, no
# condition.
_HOW_ZH = (
    r"(?:是|系)?(?:如何|怎样|怎么样|怎样的|怎么样的|什么样|什么样的|点样|点|咩样|乜样)|情况如何|"
    r"情况怎样|情况点样|呢"
)
# Looking at it (看, Cantonese 睇), after a split verb: 分开看, 分開睇, 拆开睇睇.
_LOOK_ZH = r"(?:看看|看一下|看下|看|睇睇|睇一下|睇下|睇吓|睇)"
_VERB_ZH = (
    # 分一下类 / 分个类 / 分下组: the split verb 分类/分组 with 一下 or 个 inside it; said twice
    # (分一分, 拆一拆, 分分), apart (分开, 拆开, 分开来) or in groups (分成几组, 分组看)
    r"(?:来|去)?(?:分布(?:情况|图)?|(?:分一分|拆一拆|分分|拆拆|分开来|分开|拆开来|拆开|分拆|"
    rf"分成几组|分成几类|分成|分堆|归类|分组|分类)(?:一下|一吓|下|吓)?{_LOOK_ZH}?|{_LOOK_ZH}|"
    r"(?:分一下|分下|分个)(?:类|组)|分一下|分一吓|分吓|"
    r"分|统计一下|统计|拆分|划分|汇总|列一下|列|排|区分|拆一下|拆下|拆|计一下|计下|计)?"
)
# A group just opened split once more: 再/又/重新/进一步 before the split words or inside them
# ("北京这组再按负责人拆一下", "按城市再分"); it adds no condition.
_AGAIN_ZH = r"(?:再|又|重新|再次|进一步|再进一步)?"
# An English word starts after a space or right after Chinese ("VIP客户by city": normalising
# takes the space out), and ends before anything but a letter ("by city的").
_EN_START = r"(?:\b|(?<=[\u4e00-\u9fff]))"
_EN_END = r"(?![a-z0-9])"
# What each one does with its customers: holds them (有, 跟紧, 负责), or, a channel, brought
# them in (来了, 进来的, 加了): 各个渠道分别来了多少VIP, 每個同事跟緊幾多個客.
_EACH_VERB = (
    r"有|跟进了?|跟紧|跟着|跟了?|负责|管|带|来了?|进来了?|加了?|加进来了?|带来了?|引来了?|拉来了?|"
    r"扫码加了?|添加了?"
)
# The customers just shown, as a plural pronoun or "these customers" (normalised: 佢哋 → 佢们).
_THEY_ZH = (
    r"他们|她们|佢们|ta们|这些客户|这些人|这些客|这几个客户|这几个人|这几位|那些客户|那些人|"
    r"她俩|他俩|她们俩|他们俩|佢们两个|这两个人|这两位|"
    r"呢啲客户|呢啲客|呢啲人|呢几个"
)
# Each one / all of them, before a question of each one's value (各在哪个城市, 分别是谁).
_EACH_ADVERB = r"各自|各|分别|都|全都|全部都"
# 每个同事手上各有几多个客 / 每位销售名下: where each one's customers are, no condition
_HOLDING = r"(?:手上|手头上?|手里|手中|名下|底下|嗰度|那边|那里)?"
# Men and women said as a pair (男女, 男定女, 男的还是女的), then which of them is more
# (边个多, 哪个多, 谁多): a breakdown by gender, never "which salesperson has the most".
_GENDER_PAIR = (
    r"(?:男女|男的女的|男嘅女嘅|男性女性|男生女生|男仔女仔|"
    r"(?:男|女)(?:的|嘅|性|生|仔)?(?:还是|定系|定|或者|或|同|和|跟)(?:男|女)(?:的|嘅|性|生|仔)?)"
)
_WHICH_MORE_ZH = (
    r"(?:之间|之中|当中|中)?(?:边个|哪个|哪一个|谁|哪边|边边|哪一边|边一边|哪种|边种)(?:会|的|嘅)?"
    r"(?:比较|比較|较)?多(?:啲|些|一些|一点|一啲|点)?"
)
_GENDER_MORE = lazy_pattern(_GENDER_PAIR + _WHICH_MORE_ZH)
_BREAKDOWN = [
    # 他们都买过些什么 / 她們買過什麼 / 佢哋買過啲乜: what they bought, by product (the pronoun
    # points at the answer just shown; issue 19)
    lazy_pattern(
        rf"(?P<product>(?:{_THEY_ZH})(?:{_EACH_ADVERB}|又|之前|以前|曾经)*"
        r"(?:买过|买了|买的|买咗|购买过|购买了|买过的|下单买过|下单买了|订过|订了)(?:些|啲|一些|的)?(?:是)?"
        r"(?:什么|啥|咩|乜嘢|乜|哪些|边啲)(?:东西|商品|产品|嘢|货)?(?:呢|啊|呀|㗎|嘅)?(?=[?？。!！]*$))"
    ),
    # 她们从哪个渠道加进来的 / 她們當初是透過什麼管道加入的 / 佢哋喺邊個渠道加返嚟㗎: how they
    # came in, by channel
    lazy_pattern(
        rf"(?P<channel>(?:{_THEY_ZH})(?:{_EACH_ADVERB})?(?:当初|当时|最初|一开始|起初|原本|最早)?"
        r"(?:都|是|系)?(?:通过|透过|经|经由|从|由|喺|在|用|靠)?"
        r"(?:哪个|哪些|哪几个|什么|啥|边个|边啲|咩|乜嘢|乜|哪)(?:渠道|管道|途径|来源|渠道活码|活码)"
        r"(?:加的我|加我的|加我|加进来的|加进来|加入的|加入|加的|加了|加返来的|加返来|加返嚟|来的|"
        r"进来的|进来|过来的|过来|嚟嘅|嚟㗎|嚟|来)?(?:的|嘅)?(?:呢|啊|呀|㗎|嘅)?(?=[?？。!！]*$))"
    ),
    # 每个销售各有多少客户 / 各城市有多少客户 / 每个部门的客户数
    lazy_pattern(
        rf"(?:每个|每一个|每位|每一位|每名|各个|各|逐个|逐一|逐位)(?:{_DIM}){_HOLDING}"
        rf"(?:分别|各自|各)?(?:都)?(?:{_EACH_VERB})?(?:的)?(?:多少|几多|几个|几位)?(?:个|位|名)?"
        r"(?:的)?(?:客户数量?|客户|客人|客|人数|人)?"
        r"(?:数量|数)?(?:计一下|计下|计一计|数一下|数下|数一数)?"
    ),
    # 两个部门各有多少VIP / 这几个销售分别跟了几个: a number of them, then each one's count
    lazy_pattern(
        rf"(?:这|呢)?(?:两|三|四|几|2|3|4)(?:个|位|名)(?:{_DIM}){_HOLDING}(?:的|嘅)?(?:各自|分别|各)"
        rf"(?:都)?(?:{_EACH_VERB})?"
    ),
    # 两个部门的金卡客人各有多少 / 呢三个销售嘅VIP分别有几个: a number of them, whose
    # customers (the segment, left for the rest), then each one's count
    lazy_pattern(
        rf"(?:这|呢|那|嗰)?(?:两|三|四|几|2|3|4)(?:个|位|名)(?:{_DIM})(?:的|嘅)"
        r"(?=[^,，。?？]{1,20}?(?:各自|分别|各)(?:都)?(?:有|占)?(?:多少|几多|几个|几位|几人))"
    ),
    # 两个部门的客户数对比一下 / 三個城市嘅客比較下 / 各部门客户数比一比: a number of them (or
    # 各), their customers set side by side at the end of the sentence — each one's count
    lazy_pattern(
        rf"(?:这|呢|那|嗰)?(?:(?:两|三|四|几|2|3|4)(?:个|位|名)|各个|各)(?:{_DIM}){_HOLDING}"
        r"(?:的|嘅)?(?:客户数量|客户数|客户|客人数|客人|客数|客|人数)?(?:的|嘅)?(?:数量|数目)?"
        r"(?:对比|比较|比对|对照|比一比|比比|pk)(?:一下|一吓|下|吓|看看|睇下|睇吓)?"
        r"(?=\s*(?:呢|啊|呀|吧|啦)?\s*[?？。!！~]*$)"
    ),
    # 男女各多少 / 城市分别有几个 / 销售各自多少人: the dimension first, then each one's count
    # (said after "per" / "by" in a mixed sentence: VIP per 销售 各有几个)
    lazy_pattern(
        rf"(?:(?<![a-z])(?:per|by|for each|each) ?)?(?:{_DIM})(?:的|嘅)?(?:客户|客人|客)?"
        r"(?:各|分别|各自)(?:有|占)?(?:多少|几多|几个|几位|几人)"
        r"(?:个|位|名|人)?"
        r"(?:客户|客)?"
    ),
    # 每个人各多少 / 每人几个 / 各人有几多 / 每个同事各有多少: each person here is each one
    # following the customers (a count said after it; "每个人" alone says nothing)
    lazy_pattern(
        r"(?P<owner>(?:每个人|每一个人|每人|各人|每位同事|每个同事|各位同事|每个组员|每位组员|"
        r"每个成员|每位成员|各成员|各位成员|各自|大家)(?:分别|各自|各|都)*(?:有|跟进了?|负责|跟了?|手上有?)?"
        r"(?:(?:多少|几多|几个|几位|几人)(?:个|位|名)?(?:客户|客|人)?|计一下|计下|数一下|数下))"
    ),
    # each of my reps / everyone on my team / every member of our department: each person of
    # the team said after it (the team words stay: they say whose customers)
    lazy_pattern(
        rf"(?P<owner>{_EN_START}(?:each|every one|everyone|everybody|each one|each member|"
        r"every member|each person|every person)(?: of| on| in| from))"
        # only the team said as people or as a team: "everyone in my book" is my customers
        r"(?= (?:my|our|the) (?:sales )?(?:team|department|dept|group|reps?|salespeople|people|"
        r"staff|team members|direct reports|subordinates)\b)"
    ),
    # per person / each person / for every team member
    lazy_pattern(
        rf"(?P<owner>{_EN_START}(?:per|by|for each|for every|each)"
        rf" (?:person|people|head|team member|member of staff|colleague){_EN_END})"
    ),
    # 按城市看看 / 按跟进人分 / 分城市统计; split again (再按城市分, 按城市再分, 進一步按負責人拆)
    lazy_pattern(
        rf"{_AGAIN_ZH}(?:按照|按|依照|依|根据|分)(?:{_DIM}){_AGAIN_ZH}(?:来|去)?{_VERB_ZH}"
        rf"(?:一下|一吓|下|吓|{_LOOK_ZH})?(?:的?(?:分布|情况|数量|人数|客户数))?"
    ),
    # 照城市分一分 (Cantonese 照 is 按), 以部门划分, 用渠道拆开: a split verb must follow
    lazy_pattern(
        rf"{_AGAIN_ZH}(?:照住|照|以|用)(?:{_DIM}){_AGAIN_ZH}(?:来|去)?{_VERB_ZH.removesuffix('?')}"
        rf"(?:一下|一吓|下|吓|{_LOOK_ZH})?(?:的?(?:分布|情况|数量|人数|客户数))?"
    ),
    # 城市分布 / 客户的性别分布 / 性别分布点样 / 标签分布如何 / 标签点分布 / 城市怎么分布
    lazy_pattern(
        rf"(?:的)?(?:{_DIM})(?:的)?(?:点样|点|怎么|怎样|如何|系点)?"
        rf"(?:分布(?:情况|图)?|占比|构成比例|比例)(?:{_HOW_ZH})?"
    ),
    # 男的多还是女的多 / 男性多还是女性多 / 男嘅多定女嘅多 (Cantonese 定/定系 is 还是)
    lazy_pattern(
        r"(?P<gender>(?:男|女)(?:的|嘅|性|生|仔|客户|客)?多(?:还是|定系|定係|定|或者|抑或)"
        r"(?:男|女)(?:的|嘅|性|生|仔|客户|客)?多)"
    ),
    # 男女边个多 / 男女哪个多 / 男女谁比较多 / 男定女边个多啲: the pair said whole, then which
    # one is more (issue 19: 边个多 alone asks which salesperson has the most)
    lazy_pattern(rf"(?P<gender>{_GENDER_PAIR}{_WHICH_MORE_ZH})"),
    # 男定女多啲 / 男的还是女的多 / 女还是男比较多: the two said first, then "more"
    lazy_pattern(
        r"(?P<gender>(?:男|女)(?:的|嘅|性|生|仔|客户|客)?(?:还是|定系|定係|定|或者|抑或|或)"
        r"(?:男|女)(?:的|嘅|性|生|仔|客户|客)?(?:比较|比較)?多(?:啲|些|一些|一点|一啲|点)?)"
    ),
    # per city / by owner / for each salesperson / broken down by gender / grouped by tag
    lazy_pattern(
        rf"(?:\b(?:broken|break|split|grouped|group|sorted|counted)(?: {_OBJECT})?(?: down| up)? )?"
        rf"{_EN_START}(?:per|by|for each|for every|each|across|in each)(?: the)?"
        # (a Chinese dimension needs no end: "by 部门 split 一下" arrives as "by 部门split")
        rf"(?: |(?=[\u4e00-\u9fff]))(?:{_DIM})(?:{_EN_END}|(?<=[\u4e00-\u9fff]))"
    ),
    # 分布在哪些城市 / 喺边啲城市 / 都在哪几个城市: which ones they are in is the spread by it
    lazy_pattern(
        rf"(?:{_EACH_ADVERB}|主要)?(?:分布|分散|散)?(?:在|喺|于|落)(?:哪些|哪几个|哪几|哪个|哪|边啲|边几个|边个)"
        rf"(?:{_DIM})(?:呢|啊|吖|嘅|的)?"
    ),
    # Each one's value, asked of the answer (这两个人各在哪个城市 / 他们分别是哪个城市的 /
    # 佢哋各自喺邊個城市 / 城市分别是哪里): per row, answered by the spread over that dimension.
    # A distributive or collective adverb (各/各自/分别/都) is required, so "她在哪个城市" stays
    # a question about one customer (the card's).
    lazy_pattern(
        rf"(?:{_EACH_ADVERB})(?:是|系|来自|住在|住喺|住|在|喺|于)(?:哪个|哪些|哪几个|哪|边个|边啲|边几个)"
        rf"(?:{_DIM})(?:的|嘅|人)?(?:呢|啊|呀)?"
    ),
    lazy_pattern(
        rf"(?:{_EACH_ADVERB})?(?:的|嘅)?(?:{_DIM})(?:{_EACH_ADVERB})(?:是|系)"
        r"(?:哪个|哪些|哪里|哪儿|哪|边个|边度|边啲|什么|咩|乜嘢|谁)(?:呢|啊|呀)?"
    ),
    # 她们都住哪里 / 他们分别来自哪里 / 佢哋各自喺边度: where each one is, a place said by 哪里
    lazy_pattern(
        rf"(?P<city>(?:{_EACH_ADVERB})(?:是|系)?(?:住在|住喺|住|在|喺|来自)(?:哪里|哪儿|哪|边度|边)"
        r"(?:的|嘅|人)?(?:呢|啊|呀)?$)"
    ),
    # A value asked of them, said by 他们 / 佢哋 / 这些客户 (plural: no adverb needed):
    # 他们是哪个城市的 / 佢哋係邊個部門嘅 / 她们有什么标签 / 这些客户都有哪些标签 /
    # 他们的标签是什么 — the spread of the answer just shown by that dimension (the pronoun
    # points at it).
    lazy_pattern(
        rf"(?:{_THEY_ZH})(?:的|嘅)?(?:身上)?(?:{_EACH_ADVERB})?(?:是|系)?(?:住在|住喺|住|在|喺|来自|从|"
        r"属于|归|有|打了|打咗|贴了|带着|带|用)?(?:啲|些)?(?:哪个|哪些|哪几个|哪几|哪|边个|边啲|边几个|边|什么|啥|"
        rf"咩|乜嘢|乜)(?:{_DIM})(?:来的|嚟嘅|的|嘅)?(?:人|客户|客)?(?:呢|啊|呀|㗎)?(?=[?？。!！]*$)"
    ),
    lazy_pattern(
        rf"(?:{_THEY_ZH})(?:的|嘅)(?:{_DIM})(?:{_EACH_ADVERB})?(?:是|系|有)"
        r"(?:哪个|哪些|哪里|哪儿|哪|边个|边度|边啲|什么|啥|咩|乜嘢|谁)(?:呢|啊|呀|㗎)?(?=[?？。!！]*$)"
    ),
    # 他们是男是女 / 佢哋係男定女: men and women among them
    lazy_pattern(
        rf"(?P<gender>(?:{_THEY_ZH})(?:{_EACH_ADVERB})?(?:是|系)?(?:男|女)(?:的|嘅|性|生)?"
        r"(?:还是|定系|定|是|或者|抑或)(?:男|女)(?:的|嘅|性|生)?(?:呢|啊|呀|㗎)?(?=[?？。!！]*$))"
    ),
    # 他们在哪 / 佢哋喺边度 / 她们是哪里人 / 这些客户都来自哪里: where they are, by city
    lazy_pattern(
        rf"(?P<city>(?:{_THEY_ZH})(?:{_EACH_ADVERB})?(?:是|系)?(?:住在|住喺|住|在|喺|来自|从)?"
        r"(?:哪里|哪儿|哪|边度|边)(?:里)?(?:的|嘅|人|来的|嚟嘅)?(?:呢|啊|呀|㗎)?(?=[?？。!！]*$))"
    ),
    # what did they buy / what have these customers bought: by product
    lazy_pattern(
        r"(?P<product>\bwhat (?:did|have|do|has) (?:they|these|those)"
        r"(?: customers| clients| people| ones)?"
        r"(?: all| each)? (?:buy|bought|purchase|purchased|order|ordered)\b(?=\s*[?.!]*$))"
    ),
    # which channels did they come in through / what channel were these added from
    lazy_pattern(
        rf"\b(?:what|which) (?:{_DIM}) (?:do|does|did|were|was|have) (?:they|these|those)"
        r"(?: customers| clients| people| ones)?(?: all| each| both)? "
        r"(?:come in|came in|come|came|join|joined|sign up|signed up|get added|got added|added|"
        r"arrive|arrived|buy|bought|purchase|purchased|order|ordered)"
        r"(?: (?:through|via|from|by|with|on))?(?=\s*[?.!]*$)"
    ),
    # what tags do they have / which cities are they from / what departments are these in /
    # what are their tags / their owners? — of the answer just shown
    lazy_pattern(
        rf"\b(?:what|which) (?:{_DIM}) (?:do|does|did|are|were|have) (?:they|these|those)"
        r"(?: customers| clients| people| ones)?(?: all| each| both)?"
        r"(?: (?:have|got|carry|hold|belong to|come from|live in|in|from|under|based in))?"
        r"(?=\s*[?.!]*$)"
    ),
    lazy_pattern(
        rf"\b(?:(?:what|which|who) (?:are|were|is)|what's|who's|what're) "
        rf"(?:their|these customers'|those customers') "
        rf"(?:{_DIM})(?=\s*[?.!]*$)"
    ),
    lazy_pattern(rf"^(?:and |so )?their (?:{_DIM})\s*\?+$"),
    # where is each of them from / where are they all based / where do they each live
    lazy_pattern(
        r"(?P<city>\bwhere (?:is|are|do|does) (?:each (?:one )?of (?:them|these|those)|each one|"
        r"they|these|those)(?: customers| clients| people| ones)?(?: (?:each|all|both))? "
        r"(?:from|based|located|live|living)\b)"
    ),
    # (can you tell me) where they are from / where these customers live
    lazy_pattern(
        r"(?P<city>\bwhere (?:they|these|those)(?: customers| clients| people| ones)?"
        r"(?: (?:each|all|both))? (?:are|live|come)(?: (?:from|based|located|living))?\b)"
    ),
    # which cities are my customers in / what cities are the VIPs from
    lazy_pattern(
        rf"{_EN_START}(?:which|what) (?:{_DIM}) (?:are|is|do|does)\b(?=.*\b(?:in|from|based)\b)"
    ),
    # my VIPs are in which cities / they're based in what cities
    lazy_pattern(
        rf"{_EN_START}(?:are|is|'re)? ?(?:in|from|based in|located in) (?:which|what) (?:{_DIM})"
        rf"{_EN_END}"
    ),
    # compare the departments / compare cities
    lazy_pattern(rf"{_EN_START}compare (?:the |our |my )?(?:{_DIM}){_EN_END}"),
    # city breakdown / owner distribution
    lazy_pattern(rf"{_EN_START}(?:{_DIM}) (?:breakdown|distribution|split|counts?){_EN_END}"),
    lazy_pattern(
        r"(?P<gender>more (?:men|males?) or (?:women|females?)|more (?:women|females?) or "
        r"(?:men|males?)|men (?:vs\.?|versus|or) women|women (?:vs\.?|versus|or) men)"
        # "men or women, which is more", "men or women more": the pair, then which is more
        r"(?:,? (?:which|who)(?: is|'s| are| has| have)?(?: there)?)?(?: more)?(?![a-z])"
    ),
]
# A split verb around what is split ("break my team's customers down by city", "split the VIPs
# up by owner"): the words between are the customers.
_SPLIT_AROUND = lazy_pattern(
    r"\b(?:break|split|divide|sort|bucket)\s+(?P<o>(?:(?!\bby\b).){1,60}?)\s*\b(?:down|up|out)\b"
)
_BREAKDOWN_NOISE = lazy_pattern(
    # "这组 再 by city 分": split again, said apart from an English "by X"
    r"(?:^|(?<=\s))(?:再|又|重新)(?:\s*(?:分|拆))?(?=\s|$)|"
    # a Chinese split verb left after an English "by X" ("全公司 by RFM class 分一下")
    r"(?:来|去)?(?:分一下|分一吓|分一分|分下|分吓|分开来|分开|拆开来|拆开|拆一下|拆下|拆吓)(?:看看|看|睇下|睇)?[?？]*$|"
    # 各部门客户数对比 / 对比一下各城市 / compare the departments: the groups side by side
    r"(?:来|做个|做一下)?(?:对比|比较|比一比|比一下|比下)(?:一下|下)?|"
    r"\bcompare(?:d)?\b|\bby (?:customer|client) ?(?:counts?|numbers?)\b|"
    r"\bby (?:the )?number of (?:customers|clients)\b|"
    # "how many customers came from each channel": how a channel's customers arrived
    r"\b(?:came|come|joined|arrived|were added|got added|signed up)(?: in)?"
    r"(?: (?:from|through|via|by))?\b|"
    rf"{_EN_START}(?:break(?:ing)?|split(?:ting)?|divide|group|sort|bucket)(?: {_OBJECT})?"
    r"(?: (?:down|up|out))?(?![a-z])(?:一下|一吓|下|吓)?|"
    r"\b(?:breakdown of|breakdown|distribution of)\b|"
    r"^(?:请|帮我|给我|帮忙)?(?:看看|看一下|统计一下|统计|分析一下)|"
    # "每个销售的VIP各有几个": the count asked after the segment, 各 before it
    r"(?:分别|各自|各)?(?:都)?(?:是|有)?(?:多少|几个|几多|几位)(?:个|位|人)?[?？]?$|"
    r"(?:的)?(?:分布图?|情况)$|"
    rf"(?:的|嘅)?(?:分布|情况)?(?:{_HOW_ZH})[?？]*$|"
    # "how are they spread by city", "how are these distributed across cities"
    r"\bhow (?:are|is)(?: (?:they|these|those|them|the customers|customers|it))?"
    r" (?:spread|distributed|split)(?: out)?\b|\bwhat(?:'s| is) the (?:spread|distribution)\b|"
    # "按性别分，男定女多啲": the same breakdown asked twice, the second as which is more
    r"(?:男|女)(?:的|嘅|性|生|仔|客户|客)?(?:多)?(?:还是|定系|定係|定|或者|抑或|或)(?:男|女)"
    r"(?:的|嘅|性|生|仔|客户|客)?(?:比较)?多(?:啲|些|一些|一点|一啲|点)?[?？]*|"
    # "which cities are my customers in": the rest of it after the breakdown words
    r"\b(?:in|from|based(?: in)?|located(?: in)?)[?？]*$"
)


# ---------------------------------------------------------------- customer cards

_NAME = r"(?P<n>[^\s，,。？?！!]{1,24}?)"
_NAME_EN = r"(?P<n>[^,.?!]{1,40}?)"
_ABOUT = (
    r"(?:情况|状况|狀況|资料|档案|信息|详情|详细信息|详细资料|概况|近况|基本情况|客户信息|客户资料|"
    r"客户档案|客户卡片?|名片|profile|info|details|card)"
)
# The look-up verb before a name: Mandarin, Cantonese (睇下/搵下), and 了解 (get to know); a
# leading 那/咁 ("那Frank的资料") only carries the conversation on.
_LOOK = (
    r"(?:那|那么|咁|噉)?(?:请|帮我|麻烦|唔该)?(?:查一下|查查|查下|查询|查看一下|查看|查阅|查|看看|看一下|看下|找一下|找找|"
    r"搜一下|搜索|我想看|我要看|给我看看?|说说|介绍一下|我想了解一下|想了解一下|我想了解|想了解|"
    r"了解一下|了解下|睇下|睇睇|睇吓|睇一下|搵下|搵吓|搵一下|搵|找下|找|寻找|搜|"
    # pulling a record up: 调一下 / 调出 / 调取 (a file pulled from the archive), 翻一下, 拉一下
    r"调一下|调下|调出来|调出|调取|调阅|翻一下|翻下|翻翻|拉一下|拉下|拉出|check一下|check下)?"
)
_LOOK_VERB = _LOOK.removesuffix("?")  # the same words, one of them required
# The customer word before a name: 客户王静, 顾客Lily, 客人Frank, and HK 客仔 / 客 ("睇吓客Ivan").
_CLIENT = r"(?:客户|顾客|客人|客仔|客(?![户人仔])|customer\s|client\s)"
# "This customer" said after the name: 王芳这个客户, Carol 這位客人, 陳太呢位客 (normalised).
_THIS_CLIENT = r"\s*(?:这个|这位|那个|那位|呢个|呢位|嗰个|嗰位)(?:客户|顾客|客人|客仔|客|人|会员)"
# Of the name: 的 (Cantonese 嘅 is read as 的), and Cantonese 啲 before her things
# ("睇吓Judy啲資料").
_OF = r"(?:的|啲)"
# How a customer is doing, asked after the name (Cantonese 点样 / 咩情况).
_HOW = r"(?:怎么样了?|如何|什么情况|啥情况|点样|点呀|咩情况|乜情况|乜嘢情况)"
_CARD = [
    lazy_pattern(rf"^{_LOOK_VERB}(?:一下)?{_CLIENT}\s*[：:]?\s*{_NAME}(?:的{_ABOUT})?[？?。!！]*$"),
    lazy_pattern(rf"^{_LOOK}{_CLIENT}\s*[：:]?\s*{_NAME}{_OF}{_ABOUT}[？?。!！]*$"),
    # Cantonese says 個 for 的 here: "睇下Lily個情況", "陳太個資料"
    lazy_pattern(
        rf"^{_LOOK}{_NAME}(?:{_THIS_CLIENT})?(?:{_OF}|(?<![这那呢嗰一哪边每几某整])个){_ABOUT}(?:{_HOW}|呢)?[？?。!！]*$"
    ),
    lazy_pattern(
        rf"^{_LOOK}(?:{_CLIENT})?{_NAME}(?:{LAST_TIME_ZH}|最近|近期|之前|以前|最近有|有|后来|之后|后面|"
        r"其后)?(?:都|又|再)?(?:下单|下的单|落单)?"
        r"(?:(?:买|购买|订|订购)(?:了|过|咗)?(?:些|啲)?(?:什么|啥|哪些|咩|乜嘢|乜|东西|嘢)(?:东西|嘢)?"
        r"|下了什么单|(?:什么|啥|咩|乜嘢|乜|些)?(?:的)?(?:购买记录|订单记录|订单|消费记录|消费情况|"
        r"最近动态|动态|动静|记录|新动态|新消息))"
        # asked as a yes/no ("Alice最近买过啥吗", "佢最近有冇買嘢呀"): the card answers it
        r"(?:吗|嘛|呢|啊|呀|没有|没|未|冇)*[？?。!！]*$"
    ),
    # 王芳这个客户怎么样 / 客户王芳最近如何
    lazy_pattern(
        rf"^{_LOOK}(?:{_CLIENT})?{_NAME}(?:{_THIS_CLIENT})?(?:最近|近来|近期|现在)?"
        rf"{_HOW}[？?。!！]*$"
    ),
    # 王芳是谁 / Frank係邊個 / 客户c07是哪位: who a customer is, the card says
    lazy_pattern(
        rf"^{_LOOK}(?:{_CLIENT})?{_NAME}(?:{_THIS_CLIENT})?"
        r"(?:是谁|是哪位|是哪个|是什么人|系边个|系边位|系咩人|系乜人)(?:啊|呀|呢)?[？?。!！]*$"
    ),
    # 王芳的资料给我看看 / Frank嘅資料發我: the look-up verb after the card
    lazy_pattern(
        rf"^(?:{_CLIENT})?{_NAME}(?:{_THIS_CLIENT})?{_OF}{_ABOUT}"
        r"(?:给我看看?|给我看一下|给我|发我|发给我|看看|看一下|看下|查一下|查下|调出来|拉出来|睇下|睇睇|"
        # the English verb after it in a Chinese sentence: "客户 Judy 的情况 show 一下"
        r"\s*(?:show|check|pull\s+up)\s*(?:一下|下|me)?)"
        r"(?:吧|啊|呀)?[？?。!！]*$"
    ),
    lazy_pattern(
        rf"^(?:show me |show |open |pull up |get |give me |display )?(?:the )?"
        rf"(?:customer )?{_NAME_EN}'s (?:customer )?(?:profile|details|card|info|"
        r"information|record|history|purchases|orders)[?.!]*$"
    ),
    lazy_pattern(
        rf"^(?:show me |show |open |pull up |get |give me |display )?(?:the )?"
        r"(?:customer )?(?:profile|details|card|info|information|record|history)"
        rf" (?:of|for|on) (?:the )?(?:customer )?{_NAME_EN}[?.!]*$"
    ),
    lazy_pattern(rf"^(?:tell me about|who is) (?:the )?customer {_NAME_EN}[?.!]*$"),
    lazy_pattern(
        rf"^(?:what (?:did|has)|(?:did|has)) {_NAME_EN} (?:buy|bought|order|ordered|purchase|"
        r"purchased)(?: anything| something)?(?: recently| lately)?[?.!]*$"
    ),
    lazy_pattern(
        rf"^(?:look up|find|search for|search|show me|show) (?:the )?customer "
        rf"{_NAME_EN}[?.!]*$"
    ),
]
_PHONE_TAIL = [
    lazy_pattern(
        r"(?:尾号|手机尾号|电话尾号|手机号?后四位|电话后四位|后四位|末四位|尾数)(?:是|为)?"
        r"(?P<d>\d{4})"
    ),
    lazy_pattern(r"(?:phone|mobile|number)(?: number)? ending(?: in| with)? (?P<d>\d{4})\b"),
    lazy_pattern(r"\blast (?:four|4) digits(?: of (?:the )?phone)?(?: are| is)? (?P<d>\d{4})\b"),
]
# A bare look-up ("查一下王静", "look up Chen Ming") is a card only when the sentence is not a
# segment the grammar understands (the caller tries the grammar first).
_WEAK_CARD = [
    lazy_pattern(rf"^{_LOOK_VERB}(?:一下)?(?:{_CLIENT})?{_NAME}[？?。!！]*$"),
    lazy_pattern(rf"^{_CLIENT}\s*[：:]?\s*{_NAME}[？?。!！]*$"),  # "客户Alice"
    # "customer Dan", "client: Alice", "the customer Mike?" (the English customer word first)
    lazy_pattern(rf"^(?:the )?(?:customer|client)\s*[：:]?\s*{_NAME_EN}[?.!]*$"),
    lazy_pattern(
        rf"^(?:how is|how's|hows|how are things with|what's up with|whats up with) {_NAME_EN}"
        r"(?: doing| getting on)?(?: lately| recently| now| these days)?[?.!]*$"
    ),
    lazy_pattern(
        r"^(?:(?:can|could|would) you |please |pls )?"
        rf"(?:look up|find|search for|search|show me|show|who is|who's|whos|tell me about|"
        r"pull up|bring up|what do (?:we|you|i) (?:know|have) (?:about|on)|anything on|"
        rf"everything (?:we have )?on) {_NAME_EN}[?.!]*$"
    ),
]
_NOT_A_NAME = lazy_pattern(
    r"客户们|客户$|的|^[们們]|^(?:我的|我们|所有|全部|这些|那些)|customers$"
    # "北京那3個是誰", "分别是谁", "剩下的是谁": a count of people or an adverb, no name
    r"|[个位些]$|^(?:分别|各自|都|又|还有|其余|剩下|另外|其他|其中|他们|她们|佢们)"
    # "消费最多嗰个客係边个", "使钱最多那个人是谁": a ranking asked in the singular, no name
    r"|最多|最少|最高|最低|最大|最小"
    # "頭先有冇人落單", "刚才有人下单吗": a time word (just now) names nobody
    r"|^(?:头先|刚才|刚刚|啱啱|啱先|方才|今日|今天|琴日|昨天|尋日|寻日|㖊日|前日|前天)"
    # "这些人里谁买过东西", "边个买过嘢", "哪些人问过价": a question word asks who, it names nobody
    r"|^(?:谁|誰|哪个|哪些|哪位|哪几个|边个|边位|边啲|什么人|啥人|甚么人|咩人)"
    # "按标签分布呢", "分布如何": how the customers spread, no one's name
    r"|分布|占比|比例|\b(?:distribution|breakdown|spread)\b"
    # "profile of customers who refunded", "details on the vips": people in the plural, or a
    # relative clause, describe a segment — a customer's own name holds neither
    r"|\b(?:customers|clients|vips|buyers|people|everyone|those|these|members|accounts|ones|"
    r"who|that|which|whose)\b"
)

# ---------------------------------------------------------------- membership changes

# HK 新入咗X / 入咗X (咗 arrives as 了): entered X, never "new customers and X"
_ENTER_ZH = (
    r"新进入了?|新加入了?|新进了|进入了?|新落入|落入了?|掉进了?|新增进|新晋|新入了?|"
    r"(?<![加收买输进出录投深])入了"
)
_LEAVE_ZH = r"离开了?|退出了?|移出了?|掉出了?|脱离了?|不再是|不再属于"
_HK_ENTER = frozenset({"入了", "新入", "新入了"})
_CHANGE_ZH = lazy_pattern(
    rf"^(?P<w>.*?)(?P<v>{_ENTER_ZH}|{_LEAVE_ZH})(?P<x>.+?)(?:分群)?的?"
    r"(?:客户|人|名单)?(?:有哪些|有谁|是谁|都有谁|有多少|多少人|多少)?[？?]*$"
)
# "came into the store" is a visit (the event words), not a segment entered.
_ENTER_EN = (
    r"new(?:ly)? (?:in(?:to)?|to)|entered|joined|moved into|"
    r"(?:came|went) into(?! (?:the |our |a )?(?:store|shop))|fell into|"
    r"became|have become|has become|turned"
)
# "left items sitting in their cart" is the cart (the goods left there), not a segment left.
_LEAVE_EN = (
    r"left(?! (?:(?:a|an|the|some|any|their|his|her)\s+)?(?:items?|stuff|things?|something|"
    r"products?|goods|it|them)\s+(?:sitting|lying|in|inside|still|behind)\b)|"
    r"exited|dropped out of|fell out of|dropped from|no longer in|moved out of"
)
# "joined via expo-a", "came in through the 展会 code": a preposition of a channel after the
# verb says how they were added (channel_words), never a segment entered.
# A character of a window that is not followed by the segment's noun or another window.
_NO_LATER = (
    r"(?:(?! (?:segment|group|list|today|yesterday|this month|"
    r"in the (?:last|past)|over the (?:last|past)|since)\b).)"
)
_CHANGE_EN = lazy_pattern(
    rf"(?P<v>\b(?:{_ENTER_EN}|{_LEAVE_EN})) "
    r"(?!(?:us )?(?:via|through|thru|by|from|using|with|over|after|off)(?![a-z]))"
    r"(?:the )?(?P<x>.+?)"
    # The change's own window ends the sentence: a window inside what was entered ("the
    # inquired in the last 30 days group today") is the segment's, never the change's.
    r"(?: segment| group| list)?(?P<w>(?: (?:today|yesterday|this week|last week|this "
    rf"month|in the (?:last|past) {_NO_LATER}+|over the (?:last|past) {_NO_LATER}+|"
    rf"since {_NO_LATER}+))?)"
    r"[?.!]*$"
)
_LOST_ZH = lazy_pattern(
    r"(?<![快将要会易能])(?:流失[了咗掉]?|流失掉的|丢失了?|删了我们?|删除了我们?)(?!风险)(?:的|嘅)?"
    r"(?:哪些|多少|几个|几位|几多|边啲)?(?:个|位|名)?(?:客户|人|客人|顾客|客)"
)
_LOST_EN = lazy_pattern(
    r"\b(?:lost|churned)(?: customers| clients)?\b(?! risk)|"
    r"\bcustomers? (?:we|i) lost\b"
)
# 新加入 followed by people or a pause (新加入的客户里, 新加入、还没下单的) is joining the
# company — a new customer — not entering a segment (only 新进入X的 / 离开X的 / 流失的 are).
# 新加入 with what follows not its object: 新加入的 (the customers added: 30天内新加入的VIP客户
# are new customers who are VIP), 新加入客户, 新加入之后; only 新加入X的 / 新加入了X is joining
# the segment X (spec §2 membership changes).
_JOINED_US = lazy_pattern(
    r"\s*(?:的|嘅|(?:客户|客人|顾客|客|人|会员|朋友|好友|之后|以后|后|[、，,;；]))"
)
_AT_RISK = lazy_pattern(r"流失风险|at[- ]risk|churn risk")
DEFAULT_CHANGE_WINDOW = RollingWindow(7, "days")

# ---------------------------------------------------------------- digest

# The day's words (今日 / 每日 arrive normalised as 今天 / 每天) before a brief, a summary or a
# report: 今日简报, 每日摘要, 今天的汇总; 日报 / 简报 alone.
_DIGEST_WORDS = (
    r"日报|简报|(?:今天|今日|每天|每日|当天|当日|本日)(?:的|嘅)?(?:摘要|汇总|报告|总结)|每日报告|每日简报|"
    r"今日简报"
)
_DIGEST = lazy_pattern(rf"{_DIGEST_WORDS}|\bdigest\b|daily (?:report|summary|brief)")
_DIGEST_GLUE = lazy_pattern(
    rf"{_DIGEST_WORDS}|今天|今日|的|发我|发给我|给我|发一下|发|一下|一份|看看|看一下|查看|看|我要|我想看|我的|请|"
    r"吧|呢|再|来|份|个|下|show me|send me|give me|can i see|"
    r"could you|today'?s|today|my|the|please|a|me|now|again|daily|digest|report|summary|brief|"
    r"what'?s|what is|"
    # request words around it: 今日嘅日報吖, 唔該俾我睇下日報, pls send me the digest
    r"嘅|吖|啦|喇|呀|啊|哦|唔该|唔該|麻烦|麻煩|帮我|幫我|俾我|畀我|睇下|睇吓|睇|出|拎|攞|今朝|"
    r"pls|plz|thanks|thx|i want|i'?d like|i need|can i have|can i get|get|pull up|let me see|"
    r"send|show|give|hi|hey|ok|okay|[\s?？!！。.,，~～]"
)


@dataclass(frozen=True)
class ExtraParse:
    """A conversation command: what the parser wraps into a Command."""

    intent: str
    segment: Node | None
    description: str = ""
    details: dict[str, Any] = field(default_factory=dict)


def is_traditional(text: str) -> bool:
    """Whether the message is written in Traditional characters (answers follow its script)."""
    plain = unicodedata.normalize("NFKC", text)
    return _T2S.convert(plain) != plain


def _light(text: str) -> str:
    """Width and script unified, case kept (names and external_userids are matched as typed)."""
    plain = unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'")
    # Cantonese 嘅 is 的 (Frank嘅資料 = Frank的资料); one character for one keeps names aligned.
    return re.sub(r"\s+", " ", _T2S.convert(plain)).replace("嘅", "的").strip()


# A plural pronoun is no customer's name: "what did they buy" asks of the answer's customers.
_THEY_EN = frozenset({"they", "them", "these", "those", "these customers", "those customers"})


def _card_or_theirs(
    text: str, norm: str, ctx: Context, now: datetime, tz: ZoneInfo, language: str
) -> ExtraParse | None:
    """A customer's card asked for, unless the customer is "they": then the answer's
    customers, by what is asked of them ("what did they buy": by product)."""
    card = _card(text, ctx.vocab, now, tz)
    if card is None or str(card.details.get("customer", "")).lower() not in _THEY_EN:
        return card
    return _breakdown(norm, ctx, now, tz, language) or card


# (only where something is saved: 叫“王静”的客户 names a customer to find)
_SAVING = lazy_pattern(r"保存|储存|存|(?<![a-z])(?:save|store|segment|list)(?![a-z])|分群|名单")
_SAVED_NAME = lazy_pattern(
    r"(?i:(?<![a-z])(?:as|called|named)|叫做|叫|名为|名為|命名为|命名為)\s*"
    r"(?:“[^”]*”|「[^」]*」|『[^』]*』|\"[^\"]*\")"
)


def find_extra(
    text: str,
    norm: str,
    vocab: Vocabulary,
    asker: str | None,
    now: datetime,
    tz: ZoneInfo,
    language: str,
) -> ExtraParse | None:
    """The conversation command `text` is, or None for an ordinary segment command."""
    ctx = Context(vocab, asker)
    # A name given to what is saved ('as "ww untagged men"', 叫「新客」) is taken whole: its
    # words are never a tag change, a breakdown or a customer.
    if _SAVING.search(norm):
        text, norm = _SAVED_NAME.sub(" ", text), _SAVED_NAME.sub(" ", norm)
    found = (
        _digest(norm)
        or _tag_changes(text, ctx, now, tz, language)
        or _changes(norm, ctx, now, tz, language)
        or _card_or_theirs(text, norm, ctx, now, tz, language)
        or _breakdown(norm, ctx, now, tz, language)
    )
    if found is not None and is_traditional(text):
        found.details["script"] = "hant"
    if found is not None and found.intent == "customer":
        _with_asks(found, text)
    return found


def _with_asks(found: ExtraParse, text: str) -> None:
    """A card question's asks of the customer's history ("Frank买过什么": the products of his
    orders), read without the name (a name is no question word)."""
    name = str(found.details.get("customer") or "")
    asks = card_asks(text.replace(name, " ") if name else text)
    if asks:
        found.details["asks"] = asks_to_json(asks)


# A surname with an honorific is a name ("查一下陈小姐", "王先生"), though 小姐/先生 alone are
# the gender words.
_HONORIFIC = lazy_pattern(r"(?<=[\u4e00-\u9fff])(?:先生|小姐|女士|太太|生|姐)$")


def weak_card(text: str, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> ExtraParse | None:
    """A bare look-up of one word the grammar does not know ("查一下王静", "look up wmA01"):
    perhaps a customer's name (the answer says so when no customer has it)."""
    for light, pattern in ((t, p) for t in _card_texts(text) for p in _WEAK_CARD):
        match = pattern.match(light) or pattern.match(light.lower())
        if match is None or _NOT_A_NAME.search(match.group("n").strip()):
            continue
        name = _HONORIFIC.sub("", normalize(match.group("n")))  # 陈小姐: 陈 is the word to know
        tokens = tokenize(name, vocab, now, tz) if name else []
        if tokens and all(t.kind == K.UNKNOWN for t in tokens):
            details: dict[str, Any] = {"customer": match.group("n").strip(), "weak": True}
            if is_traditional(text):
                details["script"] = "hant"
            return ExtraParse("customer", None, "", details)
    return None


# Another name in place of the card's customer: "那Judy呢", "咁Frank呢", "Judy 呢", "那客户王静
# 呢？", "what about Judy", "how about Mike?", "and Eve?". The chat decides whether it is one
# (a card was just asked for, and the words are no condition): "那上海的呢" never is.
_SWAP_LEAD = r"(?:那|那么|咁|噉|咁样|还有|另外|然后|接着|换成|换)"
_SWAP_LOOK = r"(?:看看|看下|看一下|查查|查下|查一下|睇下|睇睇|搵下)"
_SWAP_ZH = lazy_pattern(
    rf"^{_SWAP_LEAD}?{_SWAP_LOOK}?(?:客户)?(?P<n>[^\s，,。？?！!的]{{1,24}}?)"
    rf"(?:{_THIS_CLIENT})?(?:的)?(?:呢|嘞|咧|啊|喎)+[？?。!！]*$"
)
_SWAP_LEAD_ZH = lazy_pattern(
    r"^(?:(?:那|那么|咁|噉)(?:客户)?(?P<n>[^\s，,。？?！!的]{1,24}?)[？?]+|"
    r"(?:换成|换做|换|改成|改看)(?:客户)?(?P<m>[^\s，,。？?！!的]{1,24}?)[？?。!！]*)$"
)
_SWAP_EN = lazy_pattern(
    r"^(?:(?:and|so|then|ok|okay|now|right|hmm)[,，]? )?(?:what about|how about|what of|and|"
    r"same for|now do|do the same for|same with) (?:the )?(?:customer )?"
    r"(?P<n>[^\s,.?!']+(?: [^\s,.?!']+){0,2}?)(?:'s (?:card|profile|details|info))?[?.!]*$"
)
# Words in that place that point elsewhere: an ordinal, a pronoun, "the others", a plural.
_NOT_SWAPPED = lazy_pattern(
    r"^第|^(?:这|那|呢|嗰|其中|其他|其它|别的|另|下一|上一|他|她|佢|ta$|[个位些])|[个位些们]$|"
    r"(?:客户|顾客|客人)$|"
    r"^(?:him|her|them|they|those|these|this|that|it|the others?|others|everyone|"
    r"everybody|all|the rest|rest|next|previous|first|second|third|last)$|"
    r"\b(?:ones?|customers?|clients?|people)$"
)


def swapped_customer(text: str) -> str | None:
    """The name said in place of a card's customer ("那Judy呢" → "Judy", "what about Mike?" →
    "Mike"), as typed; None when `text` has no such shape."""
    light = _light(text)
    tight = _SPACE_BY_CJK.sub("", light)  # "Judy 呢"; "what about 王静" keeps its space
    for pattern, said in ((_SWAP_ZH, tight), (_SWAP_LEAD_ZH, tight), (_SWAP_EN, light)):
        match = pattern.match(said) or pattern.match(said.lower())
        if match is None:
            continue
        name = (match.group("n") or match.groupdict().get("m") or "").strip().strip("“”\"'")
        if name and not _NOT_SWAPPED.search(name.lower()):
            return _exact_case(text, name)
    return None


# A corrected customer's name: one to three Latin words, or a Chinese name or remark (no
# spaces, no punctuation, no 的), or the last four digits of a phone; 客户/customer before it.
_CORRECTED_NAME = lazy_pattern(
    r"^(?:(?:the\s+)?customer\s+|客户|客戶)?"
    r"(?P<n>[A-Za-z][\w.'-]*(?:\s[A-Za-z][\w.'-]*){0,2}|[^\s，,。？?！!的嘅A-Za-z]{1,12}|\d{4})"
    r"(?:这个客户|這個客戶|这位|這位|呢个|呢個)?$",
    re.I,
)


def corrected_customer(text: str) -> str | None:
    """The name a correction says in place of a card's customer ("不好意思打错了，是Ivan",
    "唔係呀，我係話Ivan", "sorry, I meant Ivan", "不是Frank，是Ivan"), as typed; None when
    `text` is no correction or what it says has no name's shape. Whether the name names a
    customer rather than conditions ("不对，是上海") is the caller's to tell."""
    from segmentation.nlq.correction import read_correction

    said = read_correction(text)
    if said is None:
        return None
    match = _CORRECTED_NAME.match(said.value.strip().strip("“”\"'「」"))
    if match is None:
        return None
    name = match.group("n").strip()
    if _NOT_SWAPPED.search(name.lower()):
        return None
    return _exact_case(text, name)


def names_a_segment(name: str, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> bool:
    """Whether `name` is conditions the grammar knows rather than a customer's name."""
    return _is_segment(name, vocab, now, tz)


def is_digest_request(text: str) -> bool:
    """Whether the message asks for the digest and nothing else ("今天的日报", "my digest")."""
    return _digest(normalize(text)) is not None


def _digest(norm: str) -> ExtraParse | None:
    if _DIGEST.search(norm) and not _DIGEST_GLUE.sub("", norm):
        return ExtraParse("digest", None)
    return None


# An English look-up verb in a Chinese sentence ("show me 客户Alice", "帮我 check 一下 Alice",
# "pull up 客户 Alice 的资料"): read as 查一下, the Chinese card patterns then apply.
_MIXED_LOOK = lazy_pattern(
    r"^(?:请|帮我|麻烦|please |pls |can you |could you )*"
    r"(?:show me|show|pull up|check out|check|look up|look at|find|get me|give me|open)"
    r"\s*(?:一下|下)?\s*(?=[\u4e00-\u9fff]|\S+\s*[\u4e00-\u9fff])",
    re.I,
)
# Spaces beside Chinese carry nothing ("客户 Alice 的情况"): names keep their inner spaces.
_SPACE_BY_CJK = lazy_pattern(r"(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])")


def _card_texts(text: str) -> list[str]:
    """The message as the card patterns read it: width and script unified; then, when it has
    Chinese, also with the spaces beside Chinese taken out and an English look-up verb before
    Chinese said as 查一下 ("show me 王芳's profile" stays English for the English patterns);
    and each of them with a request said after the card taken off ("Alice 的狀況幫我查一下")."""
    light = _light(text)
    if not re.search(r"[\u4e00-\u9fff]", light):
        texts = [light]
    else:
        mixed = _MIXED_LOOK.sub("查一下", _SPACE_BY_CJK.sub("", light), count=1)
        texts = [light, mixed] if mixed != light else [light]
    asked_after = [_REQUEST_AFTER.sub("", t).strip() for t in texts]
    return texts + [t for t in asked_after if t and t not in texts]


# A request said after what is asked about one customer ("Alice 的狀況幫我查一下", "Frank最近买了啥
# 帮我看看", "陳太嘅資料唔該睇下", "Alice's profile, can you pull it up please"): the look-up verb
# said last, which the card patterns read before the name. Only after the card's own words.
_REQUEST_AFTER = lazy_pattern(
    r"(?<=[^\s，,。？?！!])[\s，,]*(?:你|请|麻烦|麻烦你|唔该|帮忙|可以|能不能|可唔可以)?(?:帮我|帮手|同我|给我|俾我)?"
    r"(?:查一下|查查|查下|查一查|查|看一下|看看|看下|看|睇下|睇睇|睇吓|睇一下|睇|搵下|搵一下|揾下|揾一下|"
    r"调出来|调一下|拉出来|拉一下|说说|说一下|讲讲|讲下|介绍一下|发我|发给我|check一下|check下|check)"
    r"(?:一下|下)?(?:吧|啊|呀|吖|呢|先|喇|啦|好吗|好吗|可以吗|得唔得|唔该|谢谢|thx|thanks)*[？?。.!！~～]*$|"
    r",?\s+(?:can|could|would)\s+you\s+(?:pull|bring|look|dig)\s+(?:it|that|them)?\s*up(?:\s+please)?"
    r"[?.!]*$|"
    # "look up Ken for me", "find Ken for me please": who it is for is the asker, no condition
    r",?\s+(?:for\s+me|please|pls|thanks|thank\s+you|thx)(?:,?\s+(?:please|pls|thanks|thx))?"
    r"[?.!]*$",
    re.I,
)


def _card(text: str, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> ExtraParse | None:
    light = _light(text)
    for pattern in _PHONE_TAIL:
        match = pattern.search(light.lower())
        if match:
            return ExtraParse("customer", None, "", {"phone_tail": match.group("d")})
    for light in _card_texts(text):
        decided, found = _card_in(light, text, lambda name: _is_segment(name, vocab, now, tz))
        if decided:
            return found
    for light in _card_texts(text):
        name = _LOOK_FIRST.sub("", named_first(light) or "").strip().strip("“”\"'")
        if name and _unknown_words(name, vocab, now, tz):
            return ExtraParse("customer", None, "", {"customer": _exact_case(text, name)})
    return None


# The look-up verb before a name said first ("帮我看看Alice近况"); the name is what is left.
_LOOK_FIRST = lazy_pattern(rf"^{_LOOK}(?:客户)?[：:]?")


# What a name said first never holds: a pronoun, or a verb of an action or a send
# ("给她发消息 上次的面霜用得还好吗" is a message to her, its words a question).
_NOT_A_NAME_FIRST = lazy_pattern(
    r"[他她佢它们們]|发|發|给|給|送|打|导出|導出|标签|標籤|推送|群发|群發|提醒|通知|告诉|告訴|"
    # how a customer asked ("私信问过价但没买的", "微信咨询过"): a channel, no one's name
    r"私信|私聊|私訊|私讯|微信|短信|簡訊|讯息|訊息|消息|留言|电话|電話|敲我|"
    r"\b(?:send|tag|message|text|tell|remind|export|push|pm|dm)\b",
    re.I,
)


def _unknown_words(name: str, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> bool:
    """Whether `name` is only words the grammar does not know, as a customer's name is: a
    sentence of known words before the question ("我哋部门啲客按跟进人分") is no name."""
    if _NOT_A_NAME.search(name) or _NOT_A_NAME_FIRST.search(name) or len(name) > 24:
        return False
    tokens = tokenize(normalize(name), vocab, now, tz)
    return bool(tokens) and all(t.kind == K.UNKNOWN for t in tokens)


def _card_in(
    light: str, text: str, is_segment: Callable[[str], bool]
) -> tuple[bool, ExtraParse | None]:
    """(whether a card pattern decided, the card): a pattern whose name is a segment decides
    that the message is no card."""
    for pattern in _CARD:
        match = pattern.match(light) or pattern.match(light.lower())
        if match is None:
            continue
        name = match.group("n").strip().strip("“”\"'")
        if _NOT_A_NAME.search(name) or is_segment(name):
            return True, None  # "VIP客户的情况", "VIP的情况", "profile of VIPs": a segment
        if name and not _NOT_A_NAME.fullmatch(name):
            return True, ExtraParse("customer", None, "", {"customer": _exact_case(text, name)})
    return False, None


# Where a question about one customer starts after the name said first ("Alice是谁跟的",
# "Alice近况", "王芳最近有什么动静", "Frank问过什么"): the name then stands for the pronoun.
_ASKED_AFTER_NAME = lazy_pattern(
    r"(?:是谁|归谁|由谁|谁|系边个|系边位|边个|最近|近况|近来|近期|问过|问了|咨询过|咨询了|买过|买了|"
    # what she bought, said with 的 or the question word straight after the verb ("Mike买的啥",
    # "Alice问的什么", "Bob买啥了", "Frank退的是什么")
    r"买的|问的|咨询的|询价的|订的|退的|下的单|买啥|买什么|问啥|问什么|"
    # what came after ("Dan后来买了什么", "Dan 后来 bought 了什么")
    r"后来|之后|后面|其后|"
    r"有什么|有咩|有冇|有没有|有哪些|有边啲|在哪|喺边|是哪|是什么|几时|什么时候|的跟进人|跟进人|的电话|的备注|"
    # the last time, said any way ("Judy上回买的啥", "Mike上一单买了什么"): one_customer's words
    + LAST_TIME_ZH
    + r"|"
    # now / at present, before what is asked ("Alice现在有哪些标签", "Dan目前谁在跟")
    r"现在|目前|而家|"
    # back then, when she came ("Eve当初是通过哪个活码加的", "Frank一开始是谁在跟")
     + THEN_ZH + r"|"
    r"的标签|的订单|的城市|的tags?|的labels?|"
    # the tags put on her ("Judy贴了哪些标签", "Ivan身上打咗咩tag")
     + TAGS_ON_HER + r"|"
    # how she was added, what she spent: "Alice是通过什么渠道加的", "Bob系点样加我嘅"
    r"是通过|是透过|通过|透过|是怎么|是怎样|是点样|系点样|点样|怎么|的渠道|的来源|的添加方式|"
    r"消费了|花了|使了|住)"
)
# English: "any news on Alice", "what's new with Frank", "who owns Judy", "who follows Bob",
# "what did Alice ask about", "when did Mike last order".
_NAMED_EN = lazy_pattern(
    r"^(?:so |and |ok |hey )?(?:any (?:news|updates?) (?:on|about|from)|"
    r"what'?s (?:new|up|going on) with|"
    r"who (?:owns|follows|handles|looks after|is in charge of)|"
    r"who'?s (?:following|handling))\s+(?:the )?(?:customer )?(?P<n>[^,.?!]{1,40}?)"
    r"(?: doing| getting on)?(?: lately| recently)?[?.!]*$|"
    r"^(?:what|when|where) (?:did|has|does|is) (?:the )?(?:customer )?(?P<m>[A-Z][^,.?!]{0,39}?) "
    r"(?:ask(?:ed)? about|inquire(?:d)? about|last (?:order|ordered|buy|bought|visit|visited)|"
    r"(?:come|came) from|from|based|live)[?.!]*$|"
    # "what tags does Alice have", "which city is Bob in", "Alice's tags", "Frank's owner"
    r"^(?:what|which) (?:tags?|labels?|city|channel|owner) (?:does|do|has|is) (?:the )?"
    r"(?:customer )?(?P<t>[A-Z][^,.?!]{0,39}?)(?: have| got| in| from| added through)?[?.!]*$|"
    r"^(?:the )?(?:customer )?(?P<p>[A-Z][^,.?!']{0,39}?)'s (?:tags?|labels?|city|owner|channel)"
    r"[?.!]*$"
)


# What makes the words after the name a question about her, not a condition ("购买过…的人",
# "给买过…的发券"): a question word, or the card's own nouns.
_ASKS = lazy_pattern(
    r"什么|啥|谁|边个|边位|边啲|边度|住边|喺边|哪|几|吗|嗎|冇|没有|没|未|呢|咩|乜|多少|怎样|怎么样|如何|点样|[?？]|"
    r"(?:近况|动态|动静|情况|资料|状况)$|的(?:标签|城市|跟进人|负责人|备注|渠道|来源)$"
)
# "now" before the question (Alice现在有哪些标签, Dan目前谁在跟): the question is what follows.
_NOW_FIRST = lazy_pattern(r"^(?:现在|目前|而家|" + THEN_ZH + r")")


def named_first(light: str) -> str | None:
    """The name said first in a question about one customer (the card answers it), or None:
    the question after the name must be one that would ask about "her" ("她是谁跟的")."""
    english = _NAMED_EN.match(light)
    if english is not None:
        return next(name for name in english.groups() if name)
    for found in _ASKED_AFTER_NAME.finditer(light, 1):
        name, rest = light[: found.start()], light[found.start() :]
        if _latin_word(name[-1:]) and _latin_word(rest[:1]):
            continue  # never inside a Latin name
        rest = _NOW_FIRST.sub("", rest)
        if len(name.strip()) >= 2 and _ASKS.search(rest) and asks_about_customer("她" + rest):
            return name
        return None  # the first question word decides: "王静最近问过…" is not "王静最"
    return None


def _latin_word(char: str) -> bool:
    return char.isascii() and char.isalnum()


def _is_segment(name: str, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> bool:
    """Whether the words where a card expects a name are conditions the grammar knows, all of
    them ("VIP", "上海的", "金卡" — "VIP的情况" is VIP客户的情况), and not a customer's name."""
    if _all_known(name, vocab, now, tz):
        return True
    # "the day before yesterday's orders": the card pattern took the article off a window
    return name.isascii() and _all_known(f"the {name}", vocab, now, tz)


def _all_known(words: str, vocab: Vocabulary, now: datetime, tz: ZoneInfo) -> bool:
    tokens = tokenize(normalize(words), vocab, now, tz)
    known = [t for t in tokens if t.kind not in _GLUE]
    return bool(known) and all(t.kind != K.UNKNOWN for t in known)


def _exact_case(text: str, name: str) -> str:
    """The name as written in the message (case kept for external_userids)."""
    light = _light(text)
    index = light.lower().find(name.lower())
    return light[index : index + len(name)] if index >= 0 else name


def _parse_segment(
    seg_text: str, ctx: Context, now: datetime, tz: ZoneInfo, language: str
) -> tuple[Node, str]:
    tokens = tokenize(seg_text, ctx.vocab, now, tz)
    if _only_glue(tokens):
        return All(), describe(All(), language, now, tz, ctx.vocab)
    node, _notes = build_segment(tokens, ctx)
    return node, describe(node, language, now, tz, ctx.vocab)


_GLUE = {K.INTENT, K.FILLER, K.SEP, K.CUSTOMER, K.DE, K.CLAUSE}


def _only_glue(tokens: list[Token]) -> bool:
    return all(t.kind in _GLUE for t in tokens)


_QUOTED_TEXT = lazy_pattern(r"“[^”]*”")
# "Under me" (我手下/我底下/我下面) is "mine" said of customers (owner_words); in a split by
# person it says whose people are split, the team: one group of the asker's would answer
# nothing.
_UNDER_ME = lazy_pattern(r"我(?:的|嘅)?(?:手下|手底下|底下|下面)(?:的|嘅)?")


def _breakdown(
    norm: str, ctx: Context, now: datetime, tz: ZoneInfo, language: str
) -> ExtraParse | None:
    if _SPREAD_ONLY.match(norm.strip()):  # "分布如何": by what is not said, so it is asked
        raise Ask(
            "按什么看分布？例如：按城市分、按跟进人分、按标签分。",
            "Spread by what? E.g. by city, by owner, by tag.",
            ("按城市分", "按跟进人分", "按标签分")
            if language == "zh"
            else ("by city", "by owner", "by tag"),
        )
    shared = _share_breakdown(norm, ctx, now, tz, language)
    if shared is not None:  # "VIP客户占比": the breakdown whose rows show each share
        return shared
    group: str | None = None
    extreme: str | None = None  # "which city has the most": the answer names that group
    by_group = _group_named(norm, ctx.vocab)
    if by_group is not None:  # "客户等级这组标签的分布": the group's words said as 标签
        norm, group = by_group
    # Words inside quotes are a message's or a name's, never the grouping ("提醒金卡客户“积分
    # 月底清零”" is no breakdown by month): looked for with the quotes blanked (same length).
    masked = _QUOTED_TEXT.sub(lambda m: "“" + "□" * (len(m.group()) - 2) + "”", norm)
    whose = asks_whose(masked)  # "都是谁的", "who owns them": the answer's owners
    match = None if group else _TAG_GROUP_ZH.search(masked) or _TAG_GROUP_EN.search(masked)
    if whose is not None:  # "都是谁的客户": the owners of the answer just given
        by, span = "owner", (0, len(norm))
    elif match is not None and match.group("g") not in ("", "个", "各"):
        by, group, span = "tag", norm[slice(*match.span("g"))].strip(), match.span()
    elif (most := None if _GENDER_MORE.search(masked) else _which_most(masked)) is not None:
        by, rest, extreme = most
        span = (0, 0)
    else:
        found = _dimension(masked, ctx.vocab)
        if found is None:
            return _each_value(norm, ctx, now, tz, language)
        by, span = found
    if span != (0, 0):
        rest = (norm[: span[0]] + " " + norm[span[1] :]).strip()
        rest = _said_again(rest, by, ctx.vocab)
    rest = _SPLIT_AROUND.sub(r"\g<o>", rest)  # "break my customers down": my customers
    if by == "owner":  # 我手下每个销售有多少客户: the people under me, each one
        rest = _UNDER_ME.sub("我的团队", rest)
    # "这些客户按城市分", "其中每个销售各有多少", "break these down by city": the previous
    # answer's customers, grouped (the chat puts its segment in; the rest is added to it).
    pointed = _BREAKDOWN_POINTER.search(rest) is not None or whose is not None
    group_pointer = _GROUP_POINTER.search(rest)
    if group_pointer is not None:  # "北京这组", "这两位": the answer just shown
        pointed = True
        rest = (rest[: group_pointer.start()] + " " + rest[group_pointer.end() :]).strip()
    # "他们是哪个城市的", "what tags do they have": the pronoun said inside the question
    pointed = pointed or _THEY_SAID.search(norm[span[0] : span[1]]) is not None
    rest = re.sub(r"\s+", " ", _BREAKDOWN_POINTER.sub(" ", rest)).strip()
    rest = _BREAKDOWN_NOISE.sub(" ", rest).strip(" ,，。?？")
    rest = re.sub(r"(?:里面?|中|当中|之中|其中)$", "", rest).strip()
    ask_money_per_group(rest, language)  # "各品类的营业额": money per group, not customers
    node, description = _parse_segment(rest, ctx, now, tz, language)
    details: dict[str, Any] = {"by": by}
    if group:
        details["group"] = group
    if extreme:
        details["extreme"] = extreme
    if pointed:
        details["segment_from_context"] = True
    elif isinstance(node, All) and not _CUSTOMERS_SAID.search(norm):
        details["bare"] = True  # "按城市分一下", "by city": nothing said of whose customers
    if group_pointer is not None and (group_pointer["count"] or group_pointer["pair"]):
        details["pointed_count"] = _pointer_count(group_pointer["count"] or group_pointer["pair"])
    if whose is not None:  # an aside: a later "那北京的呢" asks the thread's question
        details["whose"] = True
    return ExtraParse("breakdown", node, description, details)


def _pointer_count(said: str) -> int:
    """The number of customers a counted pointer says ("俩" 2, "仨" 3, "两" 2, "5")."""
    if said.isdigit():
        return int(said)
    return {"俩": 2, "仨": 3}.get(said) or parse_chinese_numeral(said) or 0


def _group_named(norm: str, vocab: Vocabulary) -> tuple[str, str] | None:
    """`norm` with a company tag group's words said as 标签, and the group, when that makes it
    a breakdown by tag whose words hold the group ("按客户等级标签组分", "各客戶等級標籤各有幾多",
    "by the 客户等级 tag group"); else None."""
    for said in tag_group_said(norm, vocab):
        masked = _QUOTED_TEXT.sub(lambda m: "“" + "□" * (len(m.group()) - 2) + "”", said.text)
        found = _dimension(masked, vocab)
        if found is not None and found[0] == "tag" and found[1][0] <= said.at < found[1][1]:
            return said.text, said.group
        most = _which_most(masked)
        if most is not None and most[0] == "tag":
            return said.text, said.group
    return None


# A whole dimension said last before 比例/占比 (沉睡客户男女比例, VIP的性别占比, VIP客户城市比例):
# the spread by it, each group's share — no single value.
_WHOLE_DIMENSION_LAST = lazy_pattern(
    r"(?:的|嘅)?(?:男女|男的女的|男女的|性别|各城市|城市|各部门|部门|genders?|sex|cities)$"
)


def _share_breakdown(
    norm: str, ctx: Context, now: datetime, tz: ZoneInfo, language: str
) -> ExtraParse | None:
    """A share of one value asked (share_words): the breakdown of the whole by its dimension;
    the value is the group the answer names first (details "group_value")."""
    share = share_asked(norm)
    if share is None or _WHOLE_DIMENSION_LAST.search(share.value):
        # "沉睡客户男女比例": 男女 names the dimension, not a value to take a share of
        return None
    try:
        value, _said = _parse_segment(share.value, ctx, now, tz, language)
    except Ask:
        return None
    by = dimension_of(value, ctx.vocab.rfm_keys)
    if by is None:  # "近30天下过单的客户占比": no groups to show a share among
        raise Ask(
            f"“{share.value}”的占比还不能直接算；占比可以按城市、性别、标签、跟进人、部门、"
            f"渠道或 RFM 分类来看（例如“VIP客户占比”），也可以分别问数量，例如“{share.value}"
            "的客户有几个”。",
            f"The share of “{share.value}” cannot be worked out directly; shares are shown by "
            "city, gender, tag, owner, department, channel or RFM class (e.g. 'what share of "
            f"customers are VIPs'), or ask the count, e.g. 'how many {share.value}'.",
        )
    base, description = _parse_segment(share.base, ctx, now, tz, language)
    details: dict[str, Any] = {"by": by, "share": True}
    if isinstance(base, All) and not _CUSTOMERS_SAID.search(share.base):
        details["bare"] = True
    return ExtraParse("breakdown", base, description, details)


def _each_value(
    norm: str, ctx: Context, now: datetime, tz: ZoneInfo, language: str
) -> ExtraParse | None:
    """ "上海和北京各多少", "how many men and how many women": a breakdown showing the values
    named (nlq/each_value.py); "这些里…" / "of them …" breaks down the previous answer."""
    pointed = False
    asked: Ask | None = None

    def read(words: str) -> Node | None:
        nonlocal pointed, asked
        if _BREAKDOWN_POINTER.search(words):
            pointed = True
            words = _BREAKDOWN_POINTER.sub(" ", words)
        words = re.sub(r"(?:里面?|中|当中|之中|入面)", " ", words) if pointed else words
        try:
            node, _description = _parse_segment(words.strip(), ctx, now, tz, language)
        except Ask as question:
            asked = question
            return None
        return None if isinstance(node, All) else node

    found = each_value(norm, read)
    if found is None and asked is not None and each_said_around(norm):
        # "张三跟李四各有几个黑卡": the word not understood is asked about, not 各
        raise asked
    if found is None:
        return None
    details: dict[str, Any] = {"by": found.by, "only": list(found.keys)}
    if pointed:
        details["segment_from_context"] = True
    description = describe(found.segment, language, now, tz, ctx.vocab)
    return ExtraParse("breakdown", found.segment, description, details)


# A spread asked with no dimension: "分布如何", "佢哋分佈係點", "how are they spread?".
_SPREAD_ONLY = lazy_pattern(
    r"^(?:那|咁)?(?:他们|她们|这些|佢们|呢啲|啲客|这些客户|客户)?(?:的|嘅)?(?:分布|分布情况)"
    rf"(?:{_HOW_ZH})?[?？。]*$|"
    r"^(?:and |so )?(?:how (?:are|is)(?: (?:they|these|those|them|the customers|customers))? "
    r"(?:spread|distributed)(?: out)?|what(?:'s| is) the (?:spread|distribution)|"
    r"distribution|spread)\s*[?.]*$"
)
_BREAKDOWN_POINTER = lazy_pattern(
    # the answer by its size too: 这俩按负责人分, 那三个按城市分, 呢两个按跟进人分
    r"(?:在|从)?(?:这些|这批|这群|这里面|这里|其中|他们|她们|佢们|呢啲|那啲|上面的?|刚才的?|"
    r"(?:这|那|呢|嗰)(?:俩|仨|几个|几位|[两二三四五](?:个|位))(?![月星礼小钟天日年季周标活分券渠城部])|"
    r"他俩|她俩|佢俩)"
    r"(?:客户|人|客)?(?:里面?|中|当中|之中|里头|入面)?(?:的|嘅)?|"
    r"\b(?:of |among )?(?:these|them|they|those|this list|the list)(?: customers| ones| people)?\b"
)
# The group just opened, or the few just shown by their number, split again: "北京这组再按负责人
# 拆", "這組再依城市分", "上海嗰組…" (嗰 is read 那), "这两位按城市再分", "呢三個按性別分" — never
# my own team (我这组, 我们那组: whose customers). The number is checked against the answer.
_GROUP_POINTER = lazy_pattern(
    r"(?<![我们咱])(?:这|那|呢)(?:一)?(?:个)?组(?:客户|人|客)?(?:里面?|中|当中|入面)?(?:的|嘅)?|"
    r"(?<![我们咱他她佢])(?:这|那|呢)\s*(?:(?P<count>[两二三四五六七八九十]|\d{1,3})\s*(?:个|位|名)|"
    r"(?P<pair>俩|仨)(?:个|位|名)?)(?:客户|人|客)?(?:里面?|中|当中|入面)?(?:的|嘅)?"
)
_THEY_SAID = lazy_pattern(rf"{_THEY_ZH}|\b(?:they|them|these|those|their)\b")
# Cantonese says 客 alone (幾多客, 張三嘅客): customers said, so not the previous answer's.
_CUSTOMERS_SAID = lazy_pattern(
    r"客户|顾客|客人|嘅客|啲客|多客|个客|位客|customers?|clients?|\bpeople\b|所有|全部|\ball\b|everyone"
)


# "哪个城市的VIP最多", "客户最多的是哪个销售", "which rep has the most customers": which group
# is largest (or smallest) is read off the breakdown, which lists the groups largest first.
_WHICH_ZH = lazy_pattern(
    rf"(?:哪个|哪一个|哪位|哪家|边个|边一个|边间|边位)(?:{_DIM})(?:来|进来|加|过来)?(?:的|嘅)?"
)
_MOST_ZH = lazy_pattern(
    r"(?:的|嘅)?(?:人数|数量|客户数|数)?"
    # 张三和李四谁的客户多 / 王五同赵六跟嘅客边个多啲: of the ones named, who has more
    r"(?:最多|最少|(?:比较|更)?(?:多(?!少)|少)(?:啲|些|一些|一点|一啲|点)?)"
    r"(?:人)?(?:的|嘅)?(?:是|系|係)?"
)
# "which rep", "which one of the reps", "which of my reps", "which of our salespeople": the scope
# of "my" is the asker's anyway (a leader's team), so only the dimension is read
_WHICH_EN = lazy_pattern(
    rf"{_EN_START}which (?:one )?(?:of (?:the |my |our )?)?(?:{_DIM}){_EN_END}"
)
_MOST_EN = lazy_pattern(
    r"\b(?:(?:has|have|had|gets?|got|owns?|brings?|holds?)(?: got)? )?(?:the )?"
    r"(?:most|fewest|least|largest number of|biggest number of|highest number of)\b"
)


# "谁的客户最多", "我组里边个嘅VIP最少", "who has the most customers": who is asked, so the
# group is a salesperson's.
_WHO_ZH = lazy_pattern(r"(?P<owner>谁|誰|边个|邊個|边位|邊位)(?=的|嘅|(?:比较|更)?[多少])")
_WHO_EN = lazy_pattern(
    r"(?:^|\bof\s+(?:us|my\s+team|our\s+team|the\s+reps)\s*,?\s*)(?P<owner>who)"
    # "who on my team has the most": the team said after who
    r"(?:\s+(?:on|in|of)\s+(?:my|our|the)\s+(?:team|department|group|reps))?"
    r"(?=\s+(?:has|have|had|gets?|got|owns?|holds?)\s+(?:the\s+)?(?:most|fewest|least)\b)",
)


def _which_most(masked: str) -> tuple[str, str, str] | None:
    """The dimension of a "which X has the most/fewest" question, the words left for its
    segment and which end is asked ("most" / "fewest"), or None."""
    pairs = ((_WHICH_ZH, _MOST_ZH), (_WHICH_EN, _MOST_EN), (_WHO_ZH, _MOST_ZH), (_WHO_EN, _MOST_EN))
    for which, most in pairs:
        named = which.search(masked)
        if named is None:
            continue
        left = masked[: named.start()] + " " + masked[named.end() :]
        superlative = most.search(left)
        if superlative is None:
            continue
        key = next(k for k in DIMENSIONS if named.groupdict().get(k))
        rest = left[: superlative.start()] + " " + left[superlative.end() :]
        said = superlative.group()
        extreme = "fewest" if ("少" in said or "fewest" in said or "least" in said) else "most"
        return key, re.sub(r"\s+", " ", rest).strip(), extreme
    return None


def _said_again(rest: str, by: str, vocab: Vocabulary) -> str:
    """`rest` without the same grouping said again ("每个销售有多少客户, per owner", "by city，
    按城市分"): a restatement, never a condition. Another grouping stays (and is asked back)."""
    for _ in range(3):
        again = _dimension(_QUOTED_TEXT.sub(lambda m: "“" + "□" * (len(m.group()) - 2) + "”",
                                            rest), vocab)  # fmt: skip
        if again is None or again[0] != by:
            return rest
        start, end = again[1]
        rest = (rest[:start] + " " + rest[end:]).strip()
    return rest


def _dimension(norm: str, vocab: Vocabulary) -> tuple[str, tuple[int, int]] | None:
    for pattern in _BREAKDOWN:
        for match in pattern.finditer(norm):
            key = next((k for k in DIMENSIONS if match.groupdict().get(k)), None)
            if key is not None and not _inside_name(norm, match.span(key), vocab):
                return key, match.span()
    return None


def _inside_name(norm: str, span: tuple[int, int], vocab: Vocabulary) -> bool:
    """Whether a dimension word only begins a longer name of the company's ("owned by
    销售一部": the department 销售一部, no breakdown by salesperson)."""
    named = vocab.match(norm, span[0])
    return named is not None and named[0] > span[1]


# A tag put on or taken off in a period: "今天新打上VIP的", "近7天被打上待跟进标签的客户",
# "近7天被去掉高意向标签的", "who got the VIP tag this week", "removed from 高意向 in the last
# 7 days". 新/被 (or 了 after a time) tell it from the action "给X打上VIP标签".
_TAG_ON_ZH = r"(?:新被|新|被)(?:打上了?|打了|贴上了?|加上了?|加了|标上了?|添加了?)"
_TAG_OFF_ZH = (
    r"被(?:去掉了?|去除了?|移除了?|摘掉了?|删除了?|删掉了?|取消了?|撤掉了?|拿掉了?|打掉了?)"
)
_TAG_DONE_ZH = r"(?:打上了|贴上了|加上了|去掉了|移除了|摘掉了|删掉了|删除了|取消了)"
_TAG_CHANGE_ZH = lazy_pattern(
    rf"^(?P<w>.*?)(?P<v>{_TAG_ON_ZH}|{_TAG_OFF_ZH}|{_TAG_DONE_ZH})“?(?P<x>[^“”的]+?)”?"
    r"(?:这个)?(?:标签)?的?(?:客户|人|名单)?(?:有哪些|有谁|是谁|都有谁|有多少|多少人|多少|有几个|"
    r"几个|有几位)?(?:呢|吗|呀)?[？?。]*$"
)
_TAG_WINDOW_EN = (
    r"(?P<w>(?: (?:today|yesterday|this week|last week|this month|last month|"
    r"in the (?:last|past) .+|over the (?:last|past) .+|since .+))?)[?.!]*$"
)
_TAG_CHANGE_EN = (
    latin_pattern(
        r"\b(?P<v>got|received|gained|(?:were|was|have been|has been) given)(?: the)? "
        r"(?P<x>.+?) tag" + _TAG_WINDOW_EN
    ),
    latin_pattern(
        r"\b(?P<v>(?:were|was|got|have been|has been|newly) tagged)(?: with| as)? "
        r"(?P<x>.+?)" + _TAG_WINDOW_EN
    ),
    latin_pattern(
        r"\b(?P<v>lost|had)(?: the)? (?P<x>.+?) tag(?: removed| taken off)?" + _TAG_WINDOW_EN
    ),
    latin_pattern(
        r"\b(?P<v>(?:(?:were|was|got|have been|has been) )?(?:removed from|untagged from|"
        r"untagged))(?: the)? (?P<x>.+?)(?: tag)?" + _TAG_WINDOW_EN
    ),
)
_TAG_OFF_EN = lazy_pattern(r"lost|had|removed|untagged")


def _tag_changes(
    text: str, ctx: Context, now: datetime, tz: ZoneInfo, language: str
) -> ExtraParse | None:
    """A tag put on ("entered") or taken off ("left") customers in a period, answered from
    the tag history. The target must be a tag: anything else is not this question."""
    light = _light(text).lower()
    english = False
    match = _TAG_CHANGE_ZH.match(light)
    if match is not None:
        verb = match.group("v")
        off = not re.fullmatch(rf"{_TAG_ON_ZH}|打上了|贴上了|加上了", verb)
        window_text = match.group("w")
        untimed = not _window(window_text, ctx, now, tz)
        if untimed and (re.fullmatch(_TAG_DONE_ZH, verb) or (not off and "新" not in verb)):
            return None  # "打上了VIP标签的客户" / "被打上VIP标签的" with no time: who has it
        if match.group("x").strip() in WECHAT_WORDS:
            return None  # 新加上微信的 / 刚加了企微嘅: the customer just added (slang_words)
        tag_text = f"有{match.group('x').strip()}标签的客户"
    else:
        for pattern in _TAG_CHANGE_EN:
            match = pattern.search(light)
            if match is not None:
                break
        if match is None:
            return None
        english = True
        off = bool(_TAG_OFF_EN.search(match.group("v")))  # "were removed from": taken off
        window_text = match.group("w")
        if not off and "newly" not in match.group("v") and not window_text.strip():
            return None  # "customers who have been tagged VIP" with no time: who has it
        tag_text = f"customers tagged {match.group('x').strip()}"
        if match.group("v") == "untagged" and _no_tag_after(match.group("x"), ctx):
            return None  # "untagged custs in Shanghai", "who are untagged in Beijing": no tag
    node, description = _parse_segment(normalize(tag_text), ctx, now, tz, language)
    if not tags_of(node):  # one tag, or any of several ("打上VIP或高意向标签")
        return None
    window = _window(normalize(window_text), ctx, now, tz)
    change = "left" if off else "entered"
    details = _change_details(change, window, language, now, tz, ctx)
    details["tag_change"] = True
    details["english"] = english
    return ExtraParse("changes", node, description, details)


def _no_tag_after(words: str, ctx: Context) -> bool:
    """Whether the words after a bare "untagged" open with no tag's name: then it is the
    adjective (has no tag: "untagged custs", "untagged in Beijing"), not a tag taken off.
    Read with shorthand spelled out, so "custs" is the people word it stands for."""
    first = expand(normalize(words), lambda: ctx.vocab.surfaces).split(" ")[0]
    if LEXICON.get(first, (None,))[0] in (K.CUSTOMER, K.FILLER, K.GENDER, K.NEW, K.MY):
        return True  # "untagged female customers", "untagged new ones": who, no tag's name
    return first in _PLACE_WORDS


_PLACE_WORDS = frozenset({"in", "from", "at", "outside"})


def _changes(
    norm: str, ctx: Context, now: datetime, tz: ZoneInfo, language: str
) -> ExtraParse | None:
    lost = _LOST_ZH.search(norm) or _LOST_EN.search(norm)
    if lost is not None and not _AT_RISK.search(norm[lost.start() : lost.end() + 12]):
        rest = norm[: lost.start()] + " " + norm[lost.end() :]
        _lost_alone(rest, ctx, now, tz)
        window = _window(rest, ctx, now, tz)
        return ExtraParse(
            "changes", None, "", _change_details("lost", window, language, now, tz, ctx)
        )
    match = _CHANGE_ZH.match(norm)
    english = False
    if match is None:
        match = _CHANGE_EN.search(norm)
        english = match is not None
    if match is None:
        return None
    verb = match.group("v")
    if verb.startswith("新加入") and _JOINED_US.match(match.group("x")):
        return None  # 上个月新加入的客户里…: customers first added then (spec §2 new)
    entered = bool(re.match(rf"{_ENTER_ZH}|{_ENTER_EN}", verb))
    before = norm[: match.start()] if english else ""
    window_text = f"{before} {match.group('w')}"
    target_text = match.group("x").strip()
    if english and match.group("w").strip() and _has_window(before, ctx, now, tz):
        # "today, who dropped out of the customers who inquired in the last 30 days": the
        # time said first is the change's; the one after is the segment's own
        window_text, target_text = before, f"{target_text} {match.group('w').strip()}"
    said = tokenize(target_text, ctx.vocab, now, tz)
    if verb.strip() == "joined" and said and said[0].kind == K.WINDOW:
        return None  # customers who joined last month (have ordered): first added then
    target_tokens = [t for t in said if t.kind != K.WINDOW]
    if not target_tokens or _only_glue(target_tokens):
        return None
    if verb in _HK_ENTER and target_tokens[0].kind not in (K.NAME, K.QUOTE):
        # 入咗手 / 入了购物车 (bought, put in the cart), 新入嚟嘅客 (newly added): a segment
        # is named right after 入咗 when it is entered
        return None
    head = [t for t in tokenize(window_text, ctx.vocab, now, tz) if t.kind == K.WINDOW]
    if head and len(target_tokens) < len(said):
        # 今天新进入近30天有咨询客户的: the time before the verb is the change's, the one
        # inside what was entered is that segment's own
        window = _window(window_text, ctx, now, tz)
        node, description = _parse_segment(target_text, ctx, now, tz, language)
    else:
        window = _window(window_text + " " + target_text, ctx, now, tz)
        target_clean = " ".join(t.text for t in target_tokens)
        node, description = _parse_segment(target_clean, ctx, now, tz, language)
    said_when = match.group("w").strip() if english else ""
    if window is None and said_when:
        # "since last Monday" not read as a time: asked, never the default week instead
        raise time_question(said_when)
    change = "entered" if entered else "left"
    return ExtraParse(
        "changes", node, description, _change_details(change, window, language, now, tz, ctx)
    )


def _has_window(text: str, ctx: Context, now: datetime, tz: ZoneInfo) -> bool:
    return any(t.kind == K.WINDOW for t in tokenize(text, ctx.vocab, now, tz))


def _lost_alone(rest: str, ctx: Context, now: datetime, tz: ZoneInfo) -> None:
    """Lost customers are answered alone: "流失的客户里退过款的" (lost AND refunded) is asked
    back, never answered as the lost customers with the refund dropped."""
    tokens = [t for t in tokenize(rest, ctx.vocab, now, tz) if t.kind != K.WINDOW]
    if _only_glue([t for t in tokens if t.kind not in (K.THIS, K.AND)]):
        return
    raise Ask(
        "流失的客户（近期所有跟进都已结束或被删除的）暂时不能再加别的条件。请先问“流失的客户”，"
        "或去掉“流失”只问其余的条件。",
        "Lost customers (every follow ended or deleted in the period) cannot take further "
        "conditions yet. Ask for the lost customers alone, or ask the other conditions "
        "without 'lost'.",
    )


def _change_details(
    change: str, window: Window | None, language: str, now: datetime, tz: ZoneInfo, ctx: Context
) -> dict[str, Any]:
    """The change asked, its window (the default when none was written) and the window in
    words with its dates, for the restatement."""
    chosen = window or DEFAULT_CHANGE_WINDOW
    words = Restater(language, now, tz, ctx.vocab)
    said = words.when(chosen) if language == "zh" else words.when_en(chosen).strip()
    return {
        "change": change,
        "window": chosen,
        "window_default": window is None,
        "window_text": said,
    }


def _window(text: str, ctx: Context, now: datetime, tz: ZoneInfo) -> Window | None:
    """The one time window written in `text` (None: none written, the default applies)."""
    tokens = tokenize(text, ctx.vocab, now, tz)
    for tok in tokens:  # "下个月流失", "近几天流失": a time it cannot take is asked back
        if tok.kind == K.UNSUPPORTED and tok.value in ("period", "vague", "future", "ago"):
            raise unsupported(tok.value, tok.text)
        if tok.kind == K.WINDOW and tok.problem:  # "since last Monday": which Monday?
            period_question(tok.problem)
    windows: list[Window] = [t.value for t in tokens if t.kind == K.WINDOW]
    if len(windows) > 1:
        raise Ask(
            "请只说一个时间范围，例如“近7天”。",
            "Please give one period, e.g. 'in the last 7 days'.",
        )
    return windows[0] if windows else None
