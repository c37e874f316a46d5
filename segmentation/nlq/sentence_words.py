"""Condition words the blind sentence sets of session 13 exposed (issue 19): closed lists the
lexicon adds with `_more` (a surface already meaning something else fails at import, so none
of these shadows a word), each a category in every register — zh-Hans, Taiwan and HK forms
(Cantonese 嚟/嘅/咗 arrive as 来/的/了), English.

- Rankings: 排头 / 排喺前 (top), 排尾 / 包尾 (bottom); "by 消费" said after the ranking in a
  Chinese frame is what it ranks by, as "by spend".
- Totals: "add up to", "came to", "totals", 合共 between a measure and its comparison say the
  sum of it (own_totals.py reads them there, and asks anywhere else).
- Caps: 上限2000, 2000封顶, "with a cap of 2000": at most.
- Checking out: "didn't check out", "never checked out" — ordering, read like 单 (only with
  a negation or a count); "completed checkout" is an order on its own.
- Cantonese 埋 after a verb is "as well" (买埋, 落埋单, 问埋价): the verb itself; 仲 ("also")
  joins two conditions as 又 does.
- Owners: "followed up by", "maintained by", "whose rep is" before a colleague or a
  department, as "owned by".
"""

from __future__ import annotations

from typing import Any

from segmentation.nlq.token_kinds import K

# (kind, value, "|"-separated surfaces)
WORDS: list[tuple[K, Any, str]] = [
    # ---- rankings: first / last in the order (排头5% = top 5%)
    (
        K.RANK,
        "top",
        "排头|排喺前|排喺头|排在头|排前头|排头位|排最前|排最前面|排名最前|排前面|排喺前面",
    ),
    (
        K.RANK,
        "bottom",
        "排尾|排喺后|排喺尾|排在尾|排尾位|排最后|排最尾|排名最后|排名最尾|排后面|排喺后面|包尾",
    ),
    # "bottom 10% 的客户 by 消费" (the spaces next to Chinese are gone): ranked by spend
    (
        K.SPEND,
        True,
        "by消费|by消费金额|by消费额|by总消费|by累计消费|by花费|by金额|by使钱|"
        "by成交金额|by spend金额",
    ),
    # ---- a measure's own total (own_totals.py): "refunds add up to at most 100"
    (
        K.FILLER,
        "total",
        "add up to|adds up to|added up to|adding up to|add up|adds up|added up|"
        "sum to|sums to|summed to|sum up to|sums up to|summed up to|amount to|amounts to|"
        "amounted to|come to|comes to|came to|coming to|come up to|came up to|totals|totaled|"
        "totalled|totaling|totalling|total up to|totals up to|合共|共计|加总|总和",
    ),
    # ---- a cap: at most (上限2000, 2000封顶 — 封顶 after the number: ALSO below)
    (
        K.CMP,
        ("<=", "pre"),
        "上限|上限是|上限为|上限系|封顶是|封顶为|with a cap of|a cap of|"
        "cap of|capped to|capped out at|topping out at|tops out at|topped out at",
    ),
    (K.CMP, ("<=", "post"), "为上限|作上限|做上限|为封顶|封顶了"),
    # ---- checking out is ordering: weak (didn't check out, 0 checkouts), strong when whole
    (K.EVENT, "order:weak", "checked out|checking out|checks out|checkout|checkouts"),
    (
        K.EVENT,
        "order",
        "completed checkout|completed the checkout|completed their checkout|"
        "completed a checkout|completed check out|went through checkout|checked out their cart|"
        "checked out the cart|checked out their carts",
    ),
    # ---- Cantonese 埋 ("as well") after an event verb: the verb itself (又买埋 = also bought)
    (K.EVENT, "order", "买埋|买埋嘢|落埋单|下埋单|落埋订|帮衬埋|买埋单"),
    (K.EVENT, "inquiry", "问埋|问埋价|咨询埋|查询埋|询埋价|问埋价钱"),
    (K.EVENT, "visit", "来埋店|来埋铺|到埋店|入埋铺|来埋铺头|到埋铺头"),
    (K.EVENT, "cart", "加埋购物车|放埋购物车|加埋入购物车|放埋入购物车"),
    (K.EVENT, "refund", "退埋款|退埋货|退埋钱"),
    # 仲 ("also, and then") between two conditions: 买咗唇釉仲买埋精华液 (仲未 stays "not yet")
    (K.AND, "clause", "仲|仲要|而且仲"),
    # ---- whose customers: before a colleague's or a department's name
    (
        K.FILLER,
        True,
        "followed up by|followed up on by|being followed up by|maintained by|"
        "serviced by|overseen by|supervised by|in the care of|attended to by|whose rep is|"
        "whose sales rep is|whose salesperson is|whose account manager is",
    ),
    (
        K.MY,
        True,
        "followed up by me|maintained by me|serviced by me|overseen by me|"
        "supervised by me|attended to by me",
    ),
]

# Second meanings of known words, read where the context asks (lexicon._also): 封顶 after a
# number caps it (2000封顶), as "2000 max" does.
ALSO_WORDS: list[tuple[K, Any, str]] = [
    (K.CMP, ("<=", "post"), "封顶"),
]
