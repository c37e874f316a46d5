"""Questions about one customer said by a pronoun ("她最近买了什么", "佢係邊個跟開㗎", "what
did she buy recently"): the customer card answers them. Shared by the card in focus and by a
row of the list just shown ("第一个 最近买了啥", where the row stands for the pronoun) and by
a name said first ("Alice是谁跟的", "Alice近况"; intents_extra). Text only: what the chat
knows of the conversation decides who "she" is."""

from __future__ import annotations

import re

from segmentation.nlq.ask import Ask
from segmentation.nlq.joined_questions import joined_questions
from segmentation.nlq.lazy_re import lazy_pattern

# One customer by a pronoun or "this customer" (never 他们/佢哋).
THAT_CUSTOMER_ZH = (
    r"(?:他|她|佢|ta|这位客户|这位顾客|这位客人|这个客户|这个顾客|这个客人|该客户|此客户|这位|"
    r"此人|这个人|呢位客户|呢个客户|呢位客人|呢个客人|呢位客|呢个客|呢位|那位客户|那位客人|"
    r"那个客户)"
)

# One customer picked from a question back, as the pick puts them in the pronoun's place:
# "Carol（c03）" (normalised: "carol(c03)"), their name and then their external_userid.
PICKED_CUSTOMER = r"[^\s()（）“”:：,，]{1,24}[(（][^()（）\s]{1,64}[)）]"

# The last time, said any way (normalised: simplified): 上次 / 上一次 / 上回 / 上一回, the
# last order itself (上一单 / 上一张单 / 上一笔, Taiwan 上一筆訂單, HK 上一張單), 上趟 /
# 上一趟, 最后一次 / 最后一单, 最近一次 / 最近一单 — "她上回买的啥", "Judy上一单买的是什么",
# "佢上一張單買咗咩".
LAST_TIME_ZH = (
    r"(?:上一次|上次|上一回|上回|上一趟|上趟|上一转|上一单|上一张单|上张单|上一笔|上笔|上一个订单|"
    r"上一张订单|上一笔订单|最后一次|最后一单|最后一笔|最近一次|最近一单|最近一笔|最近那单|最近嗰单)"
)

# The tags on her asked with the verb that put them there: "她貼了哪些標籤", "佢打咗咩tag",
# "他挂着什么标签", "Judy被打了哪些标签" — the verb done (了/过/咗/着) and a question word after it,
# so an order ("她打上VIP") is never one.
TAGS_ON_HER = (
    r"(?:被)?(?:贴|打|挂|标|带|加)(?:上)?(?:了|过|咗|着|住)"
    r"(?=[^，,；;]*(?:哪|什么|甚么|啥|咩|乜|几|多少|边))(?=[^，,；;]*(?:标签|标记|tag|label))"
)

# Now, said any way: 现在, 目前, 而家 / 依家 / 宜家 (HK).
_NOW = r"现在|目前|而家|依家|宜家|如今|当前"
# Back then, when she came: "她当初是通过哪个活码加上的", "他最初是怎么加我们的", "佢一開始喺
# 邊度加嘅" — only of how she was added (the card's channel, a fact of that time). Who followed
# her then or what she was ("她本来是谁的客户") the card cannot say: not read so.
THEN_ZH = (
    r"(?:当初|当时|最初|起初|一开始|刚开始|原本|本来|原先|早先|开头)"
    r"(?=[^，,；;]*(?:加|渠道|管道|活码|来源|认识|来的|嚟|进来|找到|found|channel|source))"
)

# The customer of the card just shown, by a pronoun: "她最近买了什么", "他的订单", "這位客戶的
# 資料", "show me her profile", "what did she buy recently" (normalised: simplified, lower case).
_THAT_CUSTOMER = lazy_pattern(
    # Cantonese says 睇下 / 查下 for look, 嘅 or 個 for 的, and asks 点 / 点样 / 如何 after it
    r"^(?:请|帮我|麻烦)?(?:再)?(?:查一下|查查|查下|看看|看一下|看下|睇下|睇睇|睇吓|说说|讲下)?"
    + THAT_CUSTOMER_ZH
    + r"(?:的|嘅|个|张)?"
    # her card itself: 他的卡片, 佢张卡 (HK), 她的资料卡, 他的画像
    r"(?:情况|资料卡|资料|卡片|卡|画像|明细|档案|信息|详情|近况|订单|消费|消费情况|动态|最近动态|最近的?订单|"
    r"最近买了(?:什么|啥|些什么)|买了(?:什么|啥)|买过(?:什么|啥)|最近怎么样)?"
    r"(?:点|点样|如何|怎样|怎么样)?(?:呢|吗|呀|啊|吖)?[\s,，]*(?:pls|please|thanks|thx|唔该|谢谢)?"
    r"[？?。!！]*$|"
    r"^(?:and |so )?(?:show me |what about |tell me about |pull up |open )?(?:him|her|his|"
    r"this customer(?:'s)?|that customer(?:'s)?|the customer(?:'s)?)"
    r"(?: (?:profile|card|details|info|orders|purchases|history|recent orders|recent purchases))?"
    r"(?: please| pls| thanks)?[?.!]*$|"
    r"^what (?:did|has) (?:he|she) (?:buy|bought|order|ordered)(?: recently| lately)?"
    r"[?.!]*$|"
    # Any short question about him or her, which the card answers: "他是哪个渠道加的",
    # "她在哪个城市", "他的备注是什么", "where is she from", "how did he add us".
    # Cantonese too: "佢喺边个城市", "佢系边个跟进嘅", "佢电话几多号", "佢嘅跟进人系边个".
    r"^(?:那|那么|请问|咁|噉)?(?:他|她|佢|ta)(?!们|哋)(?![^，,；;]*(?:客户|顾客|客人))"
    # now, said any way: "她现在有贴什么标签", "佢依家係邊個負責", "他目前归谁管"
    r"(?:" + _NOW + r"|" + THEN_ZH + r")?"
    # 还 / 仲 / 又 before it: "他还有什么标签", "佢仲有冇落過單"
    r"(?:还|仲|又|都|也)?(?:是|在|有|从|哪|什么|啥|怎么|多少|几|" + LAST_TIME_ZH + r"|最近|最后|"
    r"喺|系|边|乜|咩|点|住|"
    # a time first: "佢上个月买咗咩", "她这个月来过吗", "他今年消费了多少"
    r"上个?月|上上个?月|这个?月|本月|今年|去年|上周|上个?星期|上个?礼拜|这周|本周|今天|今日|"
    r"昨天|琴日|前天|近|之前|以前|后来|之后|后面|其后|总共|一共|累计|平时|"
    r"(?:的|嘅)?(?:电话|手机|备注|标签|城市|跟进人|跟进业务|负责业务|业务员|跟进销售|负责销售|渠道|"
    r"添加方式|公司)|买|下|来|加|咨询|问|落|"
    # what she spent, refunded, where she lives: "他消费了多少", "佢使咗几多钱", "他退过什么"
    # how she came: "她当初走哪个管道进来" (Taiwan 走 = came by)
    r"消费|花|使|退|住|帮衬|通过|透过|经|由|走(?=哪|什么|啥|边|咩)|"
    # what is on her: "她身上有哪些标签", "佢身上有咩tag" (normalised: simplified)
    r"身上|" + TAGS_ON_HER + r"|"
    # lately, said the Cantonese or the spoken way: "佢呢排买咗啲咩", "她这阵子问过什么"
    r"呢排|近排|呢期|呢阵|呢段时间|这段时间|这阵子|这阵|这些天|这几天|近来|近期|"
    # what he ordered: "他的订单有哪些", "佢嘅訂單有邊啲", "她的消费记录"
    r"(?:的|嘅)(?:订单|单|消费|消费记录|购买记录|记录)|"
    # an English word about her in a Chinese question: "她 last inquiry 问的是什么"
    r"(?<=[他她佢])[a-z]|"
    # her English-named fact: "她的 tags 是什么", "佢嘅 owner 係邊個", "他的 phone"
    r"(?:的|嘅)\s*(?:tags?|owners?|phone|city|channel|company|remarks?|orders?|purchases?|"
    r"inquir(?:y|ies)|profile|info|details))[^，,；;]{0,30}$|"
    # whose customer he is: "他是谁的客户", "佢系边个嘅客", "她归谁跟进"
    r"^(?:那|那么|请问)?(?:他|她|佢|ta)(?:" + _NOW + r"|" + THEN_ZH + r")?(?:是|系|归|由)?"
    r"(?:谁|边个|哪个销售|哪位销售|哪位同事)"
    r"(?:的|嘅)?(?:客户|客人|客|跟进|跟|负责|在跟|管|对接)(?:的)?(?:呀|啊|呢|吗)?[？?]*$|"
    # whose she is, by 归 / 属于 alone: "她归谁", "佢归边个销售", "她现在属于哪个同事"
    r"^(?:那|那么|请问|咁)?(?:他|她|佢|ta)(?!们|哋)(?:" + _NOW + r")?(?:是|系)?(?:归|属于)"
    r"(?:谁|边个|边位|哪个|哪位)(?:销售|同事|业务员|业务|sales)?(?:的|嘅)?(?:客户|客人|客|管|跟进|跟|负责)?"
    r"(?:的|嘅)?(?:呀|啊|呢|吗|㗎)?[？?]*$|"
    # who follows her, the pronoun last: "谁在跟他", "边个跟紧佢", "谁是她的跟进人", with a
    # "now" first: "现在是谁在跟他", "而家边个跟紧佢", "目前是哪位同事在负责她"
    r"^(?:那|那么|请问|咁)?(?:" + _NOW + r")?(?:是|系)?"
    r"(?:谁|边个|边位|哪个销售|哪位销售|哪位同事|哪个同事)(?:" + _NOW + r")?(?:在|系|是)?"
    r"(?:跟进|跟|负责|对接|管)?(?:着|紧|开|住)?(?:他|她|佢|ta)(?!们|哋)"
    r"(?:的|嘅)?(?:跟进人|负责人|销售)?(?:呀|啊|呢|吗|㗎)?[？?]*$|"
    # who follows her, said as "the one following her is": "现在跟她的是谁", "负责佢嘅係边个"
    r"^(?:那|那么|请问|咁)?(?:" + _NOW + r")?(?:在)?(?:跟进|跟|负责|对接|管)(?:着|紧|开|住)?"
    r"(?:他|她|佢|ta)(?!们|哋)(?:的|嘅)(?:人|同事|销售)?(?:" + _NOW + r")?(?:是|系)"
    r"(?:谁|边个|边位|哪位|哪个|哪位同事|哪个同事)(?:呀|啊|呢|吗|㗎)?[？?]*$|"
    # (not others likened to her: "who else has her tag", "other customers like him", "how
    # many have the same tag as her" ask for the customers with her tag, same_tag.py)
    r"^(?![^.?!]*\b(?:(?:who|anyone|anybody|someone|somebody) else|others|other (?:customers|"
    r"clients|people|ones)|same|like (?:him|her)|as (?:him|her))\b)"
    r"(?:what|where|when|how|which|who|whose|is|does|did|has)\b[^.?!]{0,50}"
    r"\b(?:he|she|his|her|him)\b[^.?!]{0,40}[?.!]*$"
)


# Others asked for, likened to her ("他的标签还有谁有", "她这个标签仲有边个有"): the customers
# with her tag (same_tag.py), never her own card.
_OTHERS_ZH = lazy_pattern(
    r"还有谁|还有哪些人|还有边个|仲有边个|仲有边啲|仲有谁|其他人|别人|其他客户"
)


def asks_about_customer(said: str) -> bool:
    """Whether normalised `said` asks about the one customer it names by a pronoun."""
    if _OTHERS_ZH.search(said):
        return False
    # "她买过啥，谁在跟", "what did he ask about and who follows him": each asked of her
    return _THAT_CUSTOMER.match(said) is not None or joined_questions(said, _asks_one)


def _asks_one(said: str) -> bool:
    return _THAT_CUSTOMER.match(said) is not None


# One of the card's facts asked with no pronoun, right after the card ("which channel", "哪个
# 城市", "跟进人是谁", "邊個渠道加嘅", "tags?"): nothing else is in the sentence, so it asks of
# the card just shown (the chat reads it so only then).
_FACT_NOUN_ZH = (
    r"(?:城市|渠道|管道|来源|添加方式|跟进人|负责人|跟进业务|负责业务|业务员|跟进销售|负责销售|标签|公司|"
    r"电话|手机|备注)"
)
_FACT_NOUN_EN = r"(?:city|channel|source|owner|tags?|company|phone(?: number)?|remarks?)"
_BARE_FACT = lazy_pattern(
    r"^(?:那|那么|请问|咁|噉)?(?:是|系)?(?:什么|啥|哪个|哪|边个|边|咩|乜嘢|乜)"
    + _FACT_NOUN_ZH
    + r"(?:加的|加嘅|来的|嚟嘅)?(?:呢|啊|呀|㗎)?[？?]*$|"
    r"^(?:那|那么|请问|咁|噉)?(?:是|系)?(?:哪个|什么|啥|边个|咩)?"
    + _FACT_NOUN_ZH
    + r"(?:是|系)?(?:什么|啥|哪个|哪位|哪里|谁|边个|边位|咩|乜嘢|几多|多少)?"
    + r"(?:呢|啊|呀|㗎)?[？?]+$|"
    + r"^(?:那|那么|请问|咁|噉)?"
    + _FACT_NOUN_ZH
    + r"(?:是|系)(?:什么|啥|哪个|哪位|哪里|谁|边个|边位|咩|乜嘢|几多|多少)(?:呢|啊|呀|㗎)?[？?]*$|"
    r"^(?:and |so |ok )?(?:which|what|whose)(?: is the| was the| is| was)? "
    + _FACT_NOUN_EN
    + r"(?: is it| was it| then)?\s*[?.]*$|"
    r"^(?:and |so |ok )?(?:his|her) " + _FACT_NOUN_EN + r"\s*[?.]*$|"
    r"^(?:and |so |ok )?(?:who(?:'s| is) the owner|where from|how added|"
    + _FACT_NOUN_EN
    + r"\s*\?+)$"
)


def asks_card_fact(said: str) -> bool:
    """Whether normalised `said` is only one of the card's facts asked, with no pronoun."""
    return _BARE_FACT.match(said) is not None


# A look-up of one customer left unnamed: "帮我查个客户", "查一位客人", "幫我搵個客",
# "look up a customer for me", "find a client". Which one is asked, never all customers listed.
# Her file said after it, any way: "帮我调一个客户的资料", "睇個客嘅資料", "pull up a customer's
# profile".
_ONE_UNNAMED = lazy_pattern(
    r"^(?:请|麻烦|麻烦你|帮我|帮忙|同我|唔该|想|我想|我要)?\s*(?:帮我|同我|给我)?\s*"
    r"(?:查|找|搵|揾|看|睇|check|查询|调|调出|调取|拉|拉出|翻|翻出|打开|开|看看|查查|找找)\s*"
    r"(?:一下|下|吓|出来|出)?\s*(?:个|一个|一位|位|某个|某位)\s*"
    r"(?:客户|客人|顾客|客)\s*(?:(?:的|嘅)?\s*(?:资料|情况|信息|档案|卡片|详情|资料卡|记录|纪录))?"
    r"\s*(?:吧|呢|啊|呀|先|喇|啦|看看|睇睇)?[。.!！?？]*$|"
    r"^(?:(?:can|could)\s+you\s+|please\s+|pls\s+)?(?:look\s+up|find|pull\s+up|check|search\s+for|"
    r"show\s+me|open|bring\s+up|get\s+me)\s+"
    r"(?:a|one)\s+(?:customer|client)(?:'s\s+(?:profile|card|details|info|record|file))?"
    r"(?:\s+for\s+me)?(?:\s+please)?[.!?]*$",
    re.I,
)


def ask_unnamed_customer(norm: str) -> None:
    """Raise Ask when `norm` (normalised) looks up one customer without naming them."""
    if _ONE_UNNAMED.match(norm.strip()):
        raise Ask(
            "您要查哪位客户？请说出客户的名字、备注或手机尾号，例如：客户王静的情况。",
            "Which customer? Name them (name, remark or last four phone digits), e.g. "
            "'show me 王静'.",
        )
