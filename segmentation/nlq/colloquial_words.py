"""Colloquial words of a request, an owner, an event and a place (issue 19, blind s10): the
closed lists the lexicon adds with `_more` (a surface already meaning something else fails
at import, so none of these shadows a word). Each list is a category, in every register:
zh-Hans, Taiwan and HK forms (Cantonese 嚟/嘅/咗 arrive as 来/的/了 or are words of their
own), English.

- Request wrappers: the verbs of fetching, showing or going through a list (求一份, 过一遍,
  扒一下, 叫出来, 执一执, 抓一下, 调阅, 话我知, hit me with …): they carry no condition.
- Owner: how a customer is "on my name" (挂名, 记在我名下, 分给我的, registered under me).
- Events: the colloquial verbs of an order (拍下, 剁手, 入手, 转化, 成单, converted), a visit
  (光顾, 上来铺头, 莅临, came to see us), a refund (退费, 攞返钱, sent back), a cart (入购物车,
  加车, add to bag) and an inquiry (洽询, 要过报价).
- Customer classes the spec does not define (熟客, 老主顾, 常来的): asked back like 回头客.
- Places: 住/居住 before a city (住上海以外的客人, 唔係住上海嘅客) only says where one lives.
- Text said again after a remark's quoted text (“老板”两个字, 这几个字, 字样): nothing more.
"""

from __future__ import annotations

from typing import Any

from segmentation.nlq.token_kinds import K

# (kind, value, "|"-separated surfaces)
WORDS: list[tuple[K, Any, str]] = [
    # ---- request wrappers: fetch / show / go through, every register
    (
        K.FILLER,
        "wrapper",
        "求|求一份|求份|求个|求一个|求一张|求一下|求下|求给|求帮我|求你|求你帮我|"
        "过一遍|过一下|过一过|过遍|过一轮|过目|过过目|过一下目|"
        "扒|扒一下|扒下|扒吓|扒出|扒出来|扒一扒|扒拉|扒拉一下|扒拉出来|扒一份|"
        "叫出|叫出来|叫一下|叫下|叫个|叫一份|"
        "执|执一执|执下|执吓|执一下|执个|执份|执一份|执出来|执埋|"
        "挖|挖一下|挖下|挖出|挖出来|挖一挖|刨一下|刨出来|"
        "抓|抓一下|抓下|抓出|抓出来|抓个|抓一份|抓一抓|"
        "调阅|调阅一下|查阅|查阅一下|展示|展示一下|展示下|呈现|呈现一下|亮一下|亮出来|"
        "报一下|报下|报个|报一报|报给我|"
        "话我知|话给我知|讲我知|讲给我知|同我讲|同我讲下|告诉我|告诉我一下|跟我说|跟我说一下|"
        "汇总出来|搜罗|搜罗一下|搜罗出来|梳理|梳理下|盘一下|盘点一下|盘一盘|"
        "替我|替我查下|来看看|来看下|来看一下|来睇下|来睇睇|求助|求助一下|翻翻|理一下|理下|"
        "罗列|罗列一下|罗列出|罗列出来|摸一下|摸下|摸一摸|"
        "摸摸|扫一下|扫下|扫一眼|扫一扫|捋一下|捋下|捋一捋|捋捋|点一下|点下|点一点|挑|挑一下|挑下|挑出|"
        "挑一挑|选一下|选下|选出|选一选|瞅一眼|搂一眼|扫两眼|看两眼|瞅两眼|睇一眼|睇眼|"
        "take a look at|have a look at|look into|"
        "get eyes on|can i get eyes on|eyes on|a quick look at|quick look at|take a peek at|"
        "a peek at|peek at|"
        "hit me with|hit me up with|hit me with a list of|walk me through|run me through|"
        "run through|run me a list of|toss me|throw me|shoot me|"
        "drum up|spit out|cough up|"
        "compile a list of|make a list of|make me a list of|draw up|draw up a list of",
    ),
    # a bare 列 glued to what is listed (列王五名下的…, 列北京的客户)
    (K.INTENT, "list", "列|列下|列吓|列一列"),
    # ---- the asker's own customers: "on my name"
    (
        K.MY,
        True,
        "我挂名的|我挂名嘅|我挂名下的|挂我名的|挂我名下嘅|记在我名下|记在我名下的|"
        "记我名下|记我名下的|记在我这|记在我这的|算我的|算在我名下|算在我名下的|登记在我名下|"
        "登记在我名下的|分给我的|分给我嘅|分配给我的|分配给我嘅|分到我手上的|分到我这的|派给我的|"
        "归我跟的|归我跟进的|归我负责的|挂在我这的|挂在我这里的|挂在我这边的|挂我这的|我名下挂着的|"
        # the customers the asker keeps an eye on: 我盯着的 / 我盯紧的 / 我睇住嘅 / 我看着的
        "我盯着的|我盯着嘅|我盯紧的|我盯紧嘅|我盯的|我睇住的|我睇住嘅|我看着的|我照看的|我照顾的|"
        "i service|that i service|in my pipeline|my pipeline|"
        "registered under me|registered to me|listed under me|listed under my name|in my name|"
        "on my roster|my roster|that i manage|that i own|i'm assigned|i am assigned|"
        "assigned to my name|my assigned customers|my assigned accounts",
    ),
    # after a colleague's name the same word is glue (王五挂名的客户)
    (K.FILLER, "owner", "挂名下的|名下挂的|名下挂着的"),
    # ---- events
    (
        K.EVENT,
        "order",
        "拍下|拍下过|拍下了|拍过|拍了|有拍下|剁手|剁过手|剁了手|剁手过|"
        "有剁手|入手|入手过|入手了|入了手|转化|转化过|转化了|已转化|有转化|成功转化|成单|成单过|"
        "成了单|签单|签过单|签了单|刷卡|刷过卡|刷了卡|"
        "交易|交易过|有交易|有过交易|交易了|有交易记录|"
        "converted|convert|converts|make purchase|made purchase|make purchases|made purchases|"
        "makes purchases|making purchases|splurged",
    ),
    # 光顾 is a customer's coming to the shop (欢迎光临/光顾), as 光临 is
    (
        K.EVENT,
        "visit",
        "光顾|光顾过|光顾了|有光顾|有光顾过|来光顾|来光顾过|光顾过门店|光顾门店|"
        "光顾过店|光顾店里|光顾过店里|光顾过门市|光顾门市|光顾过铺头|"
        "上来铺头|上来过铺头|上过来铺头|上铺头|上过铺头|上来店|上来店里|上来过店|上来门店|"
        "过来铺头|过来过铺头|过来店|过来店里|过来过店|过来门店|过来门市|"
        "莅临|莅临过|莅临门店|莅临过门店|来访|来访过|有来访|来看过|来看看过|有来看过|"
        "came in person|came in store|came in-store|"
        "came to see us|come to see us|came over to the store|came round|came around|"
        "visited us|swung into the store",
    ),
    (
        K.EVENT,
        "refund",
        "退费|退过费|退了费|攞返钱|拎返钱|攞过返钱|拿回钱|拿回了钱|"
        "拿过退款|收过退款|要求退款|要求过退款|要求退货|要求过退货|退钱了|退了钱|"
        "sent back|sent something back|sent stuff back|sent items back|sent an item back|"
        "sent products back|sent back items|got reimbursed|were reimbursed|was reimbursed|"
        "reimbursed|asked for money back|got money back",
    ),
    (
        K.EVENT,
        "cart",
        "入购物车|入过购物车|入了购物车|放购物车|放过购物车|放了购物车|"
        "加车|加过车|加了车|"
        "added to basket|add to basket|added to their basket|put in basket|added to bag|"
        "add to bag|added to their bag|added items to bag|added to their shopping bag|"
        + "|".join(
            f"put {o} into {c}"
            for o in ("items", "something", "things", "stuff", "products", "it", "them")
            for c in ("their cart", "the cart", "cart")
        )
        + "|put into their cart|put into the cart|put into cart",
    ),
    (
        K.EVENT,
        "inquiry",
        "来问|来问过|有来问|来问价|打听|有打听|留言咨询|在线咨询|线上咨询|"
        "网上咨询|电话咨询|微信咨询|私信咨询|洽询|洽询过|有洽询|洽询了|来洽询|问过嘢|问嘢|有问嘢|"
        "问了嘢|要过报价|要报价|要了报价|索取报价|索取过报价|索要报价|问报价|问过报价|"
        "询报价|询过报价|inquired with us|enquired with us",
    ),
    # 试过退钱 (HK: has ever refunded): "ever", as 曾经 is
    (K.YET, False, "试过|有试过|曾经试过|试过有"),
    # 交易额 is what was spent, as 成交额 is
    (K.SPEND, True, "交易额|交易总额|总交易额|累计交易额|交易金额总计"),
    # "not one inquiry", "not even one order": none at all (as "not a single" is)
    (K.NEG, True, "not one|not one single|not even one|not a one"),
    # ---- customer classes without a definition: asked, as 回头客 is
    (
        K.UNSUPPORTED,
        "repeat",
        "熟客|熟客仔|老熟客|老主顾|老主顾客|老主顾们|熟面孔|老面孔|常来的客户|"
        "常来的|经常来的|经常光顾的|常光顾的|常帮衬的|成日帮衬的|成日来的|frequent visitors|"
        "loyal clients|regular clients|regular buyers|regular shoppers|our regulars|loyalists",
    ),
    (K.UNSUPPORTED, "old", "旧客|旧客户|旧客人|旧顾客"),
    # "all those customers, among them" (咁多個客入面 = of all the customers)
    (
        K.CUSTOMER,
        True,
        "咁多个客|咁多位客|咁多客|咁多个客户|咁多客户|咁多客人|咁多个客人|这么多客户|"
        "这么多个客户|那么多客户|这么多客人|众多客户|咁多位客户|咁多位客人",
    ),
    # ---- places: where one lives is the city
    # ("Shanghai-based customers": the hyphen arrives as a space; "based on" stays unknown)
    (K.CUSTOMER, True, "based customers|based clients|based accounts|based buyers|based folks"),
    (
        K.FILLER,
        True,
        "住|居住|居住在|住响|住系|住的是|家住|家住在|家在|家喺|based out of|resides in|"
        "resident in|residents of|"
        "who reside in|who resides in",
    ),
    # ---- a remark's quoted text said again (“老板”两个字, 这几个字, 字样)
    (
        K.FILLER,
        True,
        "两个字|三个字|四个字|五个字|几个字|一个字|这个字|这两个字|这三个字|这几个字|"
        "这些字|这个词|这几个词|这些词|这个关键词|关键词|字样|的字样|等字样|字眼|的字眼|这个字眼|"
        "这几个字眼|两字|三字|四字|二字",
    ),
]
