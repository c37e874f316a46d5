"""One chunk → one condition (before windows are applied), or a question back.

Every token of the chunk must be used; a modifier left over means the chunk was not
understood, and the parser asks instead of dropping it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal

from segmentation import kinds
from segmentation.kinds.campaign_holdout import CampaignHeldOut
from segmentation.nlq.ask import Ask, did_you_mean
from segmentation.nlq.chunks import ITEM_MEANINGS, Chunk
from segmentation.nlq.cities import province_cities
from segmentation.nlq.contact_words import (
    ContactMatch,
    unknown_campaign,
    which_contact,
    which_last_contact,
)
from segmentation.nlq.items_interpret import (
    is_item_chunk,
    item_builder,
    item_targets,
    item_tokens_only,
    verbless_item_question,
)
from segmentation.nlq.measure_nouns import COUNTING, MEASURE_NOUNS
from segmentation.nlq.pinyin import city_syllables, syllables
from segmentation.nlq.reading import (
    Cond,
    Context,
    Numbers,
    RankSpec,
    not_understood,
    only_kinds,
    read_comparison,
    read_numbers,
)
from segmentation.nlq.score_interpret import score_condition, score_ranking
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from segmentation.nlq.unknown import tag_question
from segmentation.nlq.vocabulary import Meaning, Vocabulary
from segmentation.nodes import (
    And,
    CampaignCoupon,
    CampaignMessaged,
    EventCount,
    NewCustomer,
    Node,
    Performed,
    Window,
)


def interpret(chunk: Chunk, ctx: Context) -> Cond:
    toks = chunk.tokens
    negs = [t for t in toks if t.kind == K.NEG or (t.kind == K.YET and t.value is True)]
    # 上次群发没收到: a contact phrase that holds its own negation (the message named first)
    negs += [t for t in toks if t.kind == K.CONTACT and t.value.negated]
    if any(t.value == "except" for t in negs):  # 除了…以外 is one negation said twice
        negs = [t for t in negs if t.value != "post"]
    if len(negs) > 1:
        raise Ask(
            f"“{chunk.text()}”里有两个否定，请换个直接的说法。",
            f"“{chunk.text()}” has a double negative; please rephrase it directly.",
        )
    cond = _by_head(chunk, ctx)
    cond.negated = bool(negs)
    cond.all_time = any(t.kind == K.YET for t in toks)
    if cond.all_time and not cond.windowable:
        raise not_understood(chunk)
    return cond


def _by_head(chunk: Chunk, ctx: Context) -> Cond:
    rank = next((t for t in chunk.tokens if t.kind == K.RANK), None)
    if rank is not None and chunk.has(K.SCORE):
        return score_ranking(chunk, rank, ctx)
    if rank is not None:
        return _ranking(chunk, rank)
    head = chunk.head()
    if head is None:
        return _headless(chunk)
    if head.kind == K.SCORE:
        return score_condition(chunk, ctx)
    if head.kind == K.CHANNEL:
        return _channel(chunk, head)
    if head.kind == K.TEXTMATCH:
        return _text_field(chunk, head)
    if head.kind == K.CONTACT:
        return _contact(chunk, head, ctx)
    kinds = {t.kind for t in chunk.tokens}
    if K.SPEND in kinds:
        return _spend(chunk)
    if head.kind == K.EVENT and is_item_chunk(chunk):
        return _item(chunk, ctx, str(head.value).split(":")[0])
    if head.kind == K.EVENT:
        return _event(chunk, str(head.value).split(":")[0])
    if head.kind in (K.NAME, K.QUOTE):
        return _name(chunk, head, ctx)
    only_kinds(chunk, {head.kind, K.NEG, K.YET})
    if head.kind == K.ATTRIBUTE:  # a word a condition kind declares: the node it reads as
        return Cond(f"kind:{head.value.type}", chunk, values=[head.value])
    if head.kind == K.GENDER:
        return Cond("gender", chunk, values=[head.value])
    if head.kind == K.NEW:
        return Cond("new", chunk, build=NewCustomer, windowable=True)
    if head.kind == K.UNTAGGED:
        return Cond("untagged", chunk)
    if head.kind == K.MY:
        if not ctx.asker:
            raise Ask(
                "“我的”指的是谁？请以员工身份提问（--as 您的账号）。",
                "Whose customers are “my” customers? Ask as a staff member (--as USERID).",
            )
        return Cond("owner", chunk, values=[ctx.asker])
    # "张三的部门", "Zhao Liu's team": a colleague's departments (tokens.py names them)
    member = head.value if isinstance(head.value, str) else ctx.asker
    if not member or not ctx.vocab.staff.get(member, None):
        raise Ask(
            "“我们部门”指哪个部门？请以员工身份提问，或直接说部门名称。",
            "Which team is “my team”? Ask as a staff member, or name the department.",
        )
    depts = ctx.vocab.staff[member].department_ids
    if not depts:
        raise Ask(
            "您不属于任何部门，请直接说部门名称。",
            "You are not in any department; please name the department.",
        )
    return Cond("dept", chunk, values=list(depts))


def _channel(chunk: Chunk, head: Token) -> Cond:
    """How the customer was added (扫码添加的, from channel X): one condition, windowed only
    by a window said right before it (近7天扫码添加的: added that way in the window); a window
    shared from an earlier condition stays with the events."""
    if "ask" in head.extra:
        raise head.extra["ask"]
    only_kinds(chunk, {K.CHANNEL, K.NEG})
    node = head.value

    def build(window: Window | None) -> Node:
        return replace(node, window=window)

    return Cond("channel", chunk, build=build, own_window=True)


def _text_field(chunk: Chunk, head: Token) -> Cond:
    """A company or remark contains a text (公司是XX的, remark contains boss): no window."""
    only_kinds(chunk, {K.TEXTMATCH, K.NEG})
    node = head.value
    return Cond("textmatch", chunk, build=lambda _window: node)


def _contact(chunk: Chunk, head: Token, ctx: Context) -> Cond:
    """A campaign reached the customer (收到过群发, 上次活动没核销): windowed like an event."""
    only_kinds(chunk, {K.CONTACT, K.NEG, K.YET})
    found: ContactMatch = head.value
    if found.campaign_id is not None and found.campaign_id not in ctx.vocab.campaigns:
        raise unknown_campaign(found.campaign_id, ctx.vocab.campaigns)
    if found.what == "which" and found.campaign_id is not None:
        raise which_contact(found.campaign_id, ctx.vocab.campaigns, found.english)
    if found.what in ("which", "which_coupon"):  # 上次活动的客户: the last one, said alone
        raise which_last_contact(found.what == "which_coupon", found.english)
    if found.what == "holdout":  # 活动#3的对照组: that campaign's control group, no window
        held_out = CampaignHeldOut(found.campaign_id, found.latest)
        return Cond("contact", chunk, build=lambda _window: held_out)

    def build(window: Window | None) -> Node:
        if found.what == "message":
            return CampaignMessaged(found.campaign_id, found.latest, window)
        return CampaignCoupon(found.what, found.campaign_id, found.latest, window)  # type: ignore[arg-type]

    return Cond("contact", chunk, build=build, windowable=True)


def _headless(chunk: Chunk) -> Cond:
    if chunk.has(K.TAGWORD):
        only_kinds(chunk, {K.TAGWORD, K.NEG, K.YET})
        return Cond("hastags", chunk)
    raise not_understood(chunk)


# The question back about a ranking said without its measure (the chat answers it itself after
# a spend ranking: bot/commands/rank_measure.py).
RANKED_BY_WHAT = (
    "按什么排名？目前支持按消费金额或下单次数排名，例如“消费最多的10个客户”“下单最多的10个客户”。",
    "Ranked by what? Rankings are by spend or by number of orders, e.g. 'top 10 spenders' "
    "or 'top 10 by number of orders'.",
)


def _ranking(chunk: Chunk, rank: Token) -> Cond:
    # "of all time" / 有史以来 / ever: a ranking's default window, said (cond.all_time)
    ever = [t for t in chunk.tokens if t.kind == K.YET and t.value is False]
    heads = [t for t in chunk.tokens if t.kind not in (K.RANK, K.DE) and t not in ever]
    if not any(t.kind == K.SPEND for t in heads):
        raise Ask(*RANKED_BY_WHAT)
    if any(t.kind not in (K.SPEND, K.EVENT) for t in heads):
        raise not_understood(chunk)
    if any(t.kind == K.SPEND and t.value is not True for t in heads):  # 客单价最高的10个
        raise Ask(
            "目前只支持按消费总额排名；客单价、退款金额可以作条件，例如“客单价超过500的客户”。",
            "Only rankings by total spend are supported; average order value and refund "
            "amounts are conditions, e.g. 'customers with an average order value over 500'.",
        )
    spec = RankSpec(rank.value, rank.extra.get("count"), rank.extra.get("percent"))
    if spec.count is None and spec.percent is None:  # "top spenders", 消费最多的客户: how many?
        raise Ask(
            f"“{chunk.text()}”要前多少名？请给出人数或比例，例如“消费最多的10个客户”"
            "“消费金额前20%的客户”。",
            f"“{chunk.text()}”: how many? Give a number or a share, e.g. 'top 10 spenders' "
            "or 'top 20% by spend'.",
        )
    if (spec.count is not None and spec.count <= 0) or (
        spec.percent is not None and not 0 < spec.percent <= 100
    ):
        raise not_understood(chunk)
    return Cond("rank", chunk, windowable=True, rank=spec)


def _event(chunk: Chunk, kind: str) -> Cond:
    allowed = {K.EVENT, K.NEG, K.YET, K.CMP, K.MOST, K.NUM, K.TO, K.RANGE_TAIL, K.BETWEEN}
    only_kinds(chunk, allowed)
    nums = read_numbers(chunk)
    if not nums.values:
        if nums.ops:
            raise not_understood(chunk)
        if any(t.kind == K.EVENT and t.text in MEASURE_NOUNS for t in chunk.tokens):
            raise measure_without_comparison(chunk.text())  # "customers by order count"
        cond = Cond("event", chunk, build=lambda w: Performed(kind, w), windowable=True)
        cond.plain_event = kind
        return cond
    units = {v.unit for v in nums.values}
    if "money" in units:
        if kind not in ("order", "refund"):
            raise not_understood(chunk)
        measure = "refund" if kind == "refund" else "spend"
        return _spend_cond(chunk, read_comparison(chunk, nums, "元"), measure)
    if (
        kind == "refund"
        and units == {None}
        and _number_after_event(chunk)
        and not _counted(chunk)  # refund count over 2 / 退款数超过2: the number of refunds
    ):
        # 退款不到100: the refunded money, as 消费不到500 is the spend. The verb with a bare
        # number ("refunded more than 200", 退过款超过200) stays asked: the spec names the
        # amount with its unit (refunded more than ¥200) and the count with 次.
        if _refund_noun(chunk):
            return _spend_cond(chunk, read_comparison(chunk, nums, "元"), "refund")
        raise _amount_or_count(chunk, nums, kind)
    if kind == "order" and units == {None} and _number_after_event(chunk) and _sizeable(nums):
        if _plainly_money(chunk, nums):  # 成交超过5万, 买过一万以上: nobody orders that often
            return _spend_cond(chunk, read_comparison(chunk, nums, "元"), "spend")
        raise _amount_or_count(chunk, nums, kind)  # 买了500以上: ¥500, never 500 orders unasked
    if units - {None, "times"}:
        raise not_understood(chunk)
    parts = read_comparison(chunk, nums, "次")
    for _, value in parts:
        if value != value.to_integral_value() or value < 0:
            raise not_understood(chunk)
    nodes = [(op, int(value)) for op, value in parts]

    def build(window: Window | None) -> Node:
        made = [EventCount(kind, op, v, window) for op, v in nodes]  # type: ignore[arg-type]
        return made[0] if len(made) == 1 else And(tuple(made))

    return Cond("count", chunk, build=build, windowable=True)


def _number_after_event(chunk: Chunk) -> bool:
    """A bare number after the event word ("退款超过200", "refunded more than 500") may be
    an amount or a count; before it, it counts the events ("more than 1 refund")."""
    first_event = next(i for i, t in enumerate(chunk.tokens) if t.kind == K.EVENT)
    return all(i > first_event for i, t in enumerate(chunk.tokens) if t.kind == K.NUM)


# A bare number this big after an order verb (买了500以上, ordered more than 200) reads as
# money to most people and as a count to the grammar: asked, never 500 orders unasked.
_SIZEABLE_COUNT = 100


def _sizeable(nums: Numbers) -> bool:
    return any(v.value >= _SIZEABLE_COUNT for v in nums.values)


# From this size on, a bare number after an order verb is money beyond doubt: a customer with
# a thousand orders is no one's customer here, and 成交超过5万 / 過千 mean yuan.
_PLAINLY_MONEY = 1000


def _plainly_money(chunk: Chunk, nums: Numbers) -> bool:
    """A Chinese buying verb and only large numbers. English "orders over 2000" and the noun
    订单 / 单 may name one order's amount (no condition reads that), so they stay asked."""
    events = [t for t in chunk.tokens if t.kind == K.EVENT]
    verbs = all(not t.text.isascii() and "单" not in t.text for t in events)
    return verbs and all(v.value >= _PLAINLY_MONEY for v in nums.values)


# 退款 / 退钱 / 退费 said as a noun before a comparison and a bare number name the money refunded
# (spec §2b: 退款超过200元), as 消费 names the money spent; a verb with its aspect (退过款,
# refunded) or a goods word (退货, returns) may count the events, and is asked.
_REFUND_NOUNS = frozenset({"退款", "退钱", "退费"})


def _refund_noun(chunk: Chunk) -> bool:
    events = [t for t in chunk.tokens if t.kind == K.EVENT]
    return len(events) == 1 and events[0].text in _REFUND_NOUNS


def measure_without_comparison(said: str) -> Ask:
    """An event's count said as a noun with no comparison ("customers by order count"): a
    measure and no condition, asked with the two things it can be."""
    return Ask(
        f"“{said}”是想按它筛选（例如“下单次数少于2的客户”），还是按它排名（例如“下单次数前10的客户”）？",
        f"“{said}”: a condition on it (e.g. 'customers whose order count is below 2') or a "
        "ranking by it (e.g. 'top 10 by number of orders')?",
    )


# The count itself named (refund count, number of refunds, 退款数, 退单数): never an amount
_COUNTED_ZH = frozenset({"退款数", "退货数", "退单数"})


def _counted(chunk: Chunk) -> bool:
    return any(
        t.kind == K.EVENT and (t.text in COUNTING or t.text in _COUNTED_ZH) for t in chunk.tokens
    )


def _amount_or_count(chunk: Chunk, nums: Numbers, kind: str) -> Ask:
    text, value = chunk.text(), nums.values[0].text
    english = text.isascii()
    money, times = (" yuan", " times") if english else ("元", "次")
    zh, en = ("退款", "refund") if kind == "refund" else ("消费", "order")
    return Ask(
        f"“{text}”里的{value}是{zh}金额（元），还是{'退款' if kind == 'refund' else '下单'}次数？",
        f"In “{text}”, is {value} an amount (yuan) or a number of {en}s?",
        [text.replace(value, value + money, 1), text.replace(value, value + times, 1)],
    )


def _item(chunk: Chunk, ctx: Context, kind: str) -> Cond:
    """买过玻尿酸面霜 / 咨询过“X” / 买护肤类3次以上: an event about a product or category;
    with a 都 joined in (items_grammar.join_every: "下单3次以上且都买的彩妆"), every one of
    the events counted is about it."""
    every = chunk.has(K.BOTH)
    if not item_tokens_only(Chunk([t for t in chunk.tokens if t.kind != K.BOTH])):
        raise not_understood(chunk)
    field, names = item_targets(chunk, ctx.vocab)
    nums = read_numbers(chunk)
    counts: list[tuple[str, Decimal]] | None = None
    if nums.values:
        if {v.unit for v in nums.values} - {None, "times"}:
            raise not_understood(chunk)
        counts = read_comparison(chunk, nums, "次")
        if any(v != v.to_integral_value() or v < 0 for _, v in counts):
            raise not_understood(chunk)
    elif nums.ops:
        raise not_understood(chunk)
    if every and not counts:
        raise not_understood(chunk)
    build = item_builder(kind, field, names, counts, every=every)
    if chunk.__dict__.get("all_names") and len(names) > 1:  # 同时买过A和B: each of them
        each = [item_builder(kind, field, (name,), counts, every=every) for name in names]

        def build(window: Window | None) -> Node:
            return And(tuple(made(window) for made in each))

    cond = Cond("item", chunk, build=build, windowable=True)
    cond.__dict__["item"] = (field, names)
    return cond


def _spend(chunk: Chunk) -> Cond:
    allowed = {K.SPEND, K.EVENT, K.NEG, K.YET, K.CMP, K.MOST, K.NUM, K.TO, K.RANGE_TAIL, K.BETWEEN}
    only_kinds(chunk, allowed)
    measure = _measure(chunk)
    nums = read_numbers(chunk)
    if not nums.values:
        if any(t.kind == K.MOST for t in chunk.tokens) and measure == "spend":
            # 消费最多的客户 / 花钱最少的: a ranking with no count — how many?
            raise Ask(
                f"“{chunk.text()}”要前多少名？请给出人数或比例，例如“消费最多的10个客户”"
                "“消费金额前20%的客户”。",
                f"“{chunk.text()}”: how many? Give a number or a share, e.g. 'top 10 "
                "spenders' or 'top 20% by spend'.",
            )
        if nums.ops:
            raise not_understood(chunk)
        if measure == "aov":  # 客单价的客户: of what size?
            raise Ask(
                f"“{chunk.text()}”：客单价多少？请给出界限，例如“客单价超过500”。",
                f"“{chunk.text()}”: which average order value? Give a bound, e.g. "
                "'average order value over 500'.",
            )
        kind = "refund" if measure == "refund" else "order"  # 有退款金额的: refunded
        return Cond("event", chunk, build=lambda w: Performed(kind, w), windowable=True)
    if {v.unit for v in nums.values} - {None, "money"}:
        raise not_understood(chunk)
    return _spend_cond(chunk, read_comparison(chunk, nums, "元"), measure)


def _measure(chunk: Chunk) -> str:
    """Which amount a K.SPEND chunk compares: "spend" (the total of orders), "aov" (客单价,
    the average order) or "refund" (退款金额); a 消费 beside a measure word is part of it
    (平均每单消费). Event words must be those of the measure (orders; refunds)."""
    named = {t.value for t in chunk.tokens if t.kind == K.SPEND and t.value is not True}
    if len(named) > 1:
        raise not_understood(chunk)
    measure = str(named.pop()) if named else "spend"
    events = {str(t.value).split(":")[0] for t in chunk.tokens if t.kind == K.EVENT}
    if events - {"refund" if measure == "refund" else "order"}:
        raise not_understood(chunk)
    return measure


def _spend_cond(chunk: Chunk, parts: list[tuple[str, Decimal]], measure: str = "spend") -> Cond:
    # the kind comparing that amount (Kind.measure: spend, aov, refund)
    make: Callable[..., Node] = kinds.measures()[measure]

    def build(window: Window | None) -> Node:
        made = [make(op, value, window) for op, value in parts]
        return made[0] if len(made) == 1 else And(tuple(made))

    return Cond("spend", chunk, build=build, windowable=True)


_GROUP_WORDS = {"分组"}


def _name(chunk: Chunk, head: Token, ctx: Context) -> Cond:
    only_kinds(chunk, {K.NAME, K.QUOTE, K.TAGWORD, K.SAVEDWORD, K.NEG, K.YET})
    tagword, savedword = chunk.has(K.TAGWORD), chunk.has(K.SAVEDWORD)
    meanings = list(head.meanings)
    word = head.value if head.kind == K.QUOTE else head.text
    if savedword:
        saved = [m for m in meanings if m.kind == "saved"]
        tags = [m for m in meanings if m.kind == "tag"]
        # 分组 ("group") may name a tag; 分群/segment names only a saved segment (spec §2), so
        # a tag of that name is offered, not answered in its place.
        grouping = all(t.text in _GROUP_WORDS for t in chunk.tokens if t.kind == K.SAVEDWORD)
        chosen = saved or (tags if grouping else [])
        if not chosen and tags:
            raise Ask(
                f"没有找到分群“{word}”。有一个标签叫“{word}”：要查带这个标签的客户，"
                f"请说“{word}标签的客户”。",
                f"There is no segment “{word}”. There is a tag “{word}”: for the customers "
                f"who have it, say 'customers tagged {word}'.",
            )
        if not chosen:
            hints = did_you_mean(word, ctx.vocab.candidates("saved"))
            raise Ask(
                f"没有找到分群“{word}”。" + _hint_zh(hints),
                f"There is no segment “{word}”." + _hint_en(hints),
                hints,
            )
        meanings = chosen
    elif tagword:
        meanings = [m for m in meanings if m.kind == "tag"]
        if not meanings:
            raise tag_question(word, ctx.vocab)
    elif head.kind == K.QUOTE and not meanings:
        hints = did_you_mean(word, ctx.vocab.candidates())
        raise Ask(
            f"没有找到“{word}”（标签、员工、部门或分群）。" + _hint_zh(hints),
            f"Nothing is called “{word}” (tag, staff, department or segment)." + _hint_en(hints),
            hints,
        )
    elif head.kind == K.QUOTE and all(m.kind == "saved" for m in meanings) and ctx.counts_quoted:
        pass  # spec §1 show saved: “跟进名单”有多少人, how many in “跟进名单”
    elif meanings and all(m.kind == "saved" for m in meanings):
        # Quoted or not, a name without 分群/segment is read as a tag (spec §2): “跟进名单”的客户
        # is asked, offering the saved segment as a pick.
        raise _saved_not_tag_question(word)
    else:
        meanings = [m for m in meanings if m.kind != "saved"]
    if not (tagword or savedword):
        # Without an event verb a product or category is not a condition yet; a name that is
        # also something else (a tag VIP and a product VIP) means the other thing.
        others = [m for m in meanings if m.kind not in ITEM_MEANINGS]
        if meanings and not others:
            raise verbless_item_question(word, meanings)
        meanings = others
    return _from_meanings(chunk, word, meanings, ctx)


class SavedNameAsk(Ask):
    """The question back about a bare saved segment's name. The parser first reads the words
    again without saved names: a saved segment named like conditions ("近90天消费满3000")
    said as those conditions ("导出近90天消费满3000的客户") is those conditions."""


def _saved_not_tag_question(word: str) -> Ask:
    """A bare name that is only a saved segment: without 分群/segment a name is read as a tag
    (spec §2), and there is no such tag — asked back, offering the saved segment."""
    segment_zh, segment_en = f"“{word}”分群", f"segment “{word}”"
    return SavedNameAsk(
        f"没有找到标签“{word}”。您是指{segment_zh}吗？（分群要带“分群”二字，否则按标签理解。）",
        f"There is no tag “{word}”. Did you mean the {segment_en}? (Say 'segment' for a saved "
        "segment; a bare name is read as a tag.)",
        [segment_zh],
    )


def _from_meanings(chunk: Chunk, word: str, meanings: list[Meaning], ctx: Context) -> Cond:
    unique: dict[tuple[str, object], Meaning] = {}
    for m in meanings:
        if (m.kind, m.value) not in unique or m.note:
            unique[(m.kind, m.value)] = m
    meanings = list(unique.values())
    kinds = {m.kind for m in meanings}
    if kinds == {"province"}:
        raise province_question(word, str(meanings[0].value), ctx.vocab)
    if len(kinds) > 1 or (len(meanings) > 1 and kinds - {"dept"}):
        options = [_describe(m) for m in meanings]
        raise Ask(
            f"“{word}”可能指：" + "、".join(options) + "。请说明是哪一个。",
            f"“{word}” may mean: " + ", ".join(options) + ". Which one?",
            options,
        )
    if not meanings:
        raise not_understood(chunk)
    kind = meanings[0].kind
    if kind == "dept" and len(meanings) > 1:
        raise Ask(
            f"有多个部门叫“{word}”，请说完整的部门名称。",
            f"Several departments are called “{word}”; please be more specific.",
        )
    attr = {"staff": "owner"}.get(kind, kind)
    values: list[object] = [meanings[0].value]
    if kind == "city":  # the canonical name plus the spellings the data uses (上海市, Shanghai)
        values = list(ctx.vocab.city_spellings.get(str(meanings[0].value), (meanings[0].value,)))
    cond = Cond(attr, chunk, values=values)
    if meanings[0].note:
        cond.notes.append(meanings[0].note)
    return cond


def province_question(word: str, province: str, vocab: Vocabulary) -> Ask:
    """A province or region is not a city: ask which city, offering its cities — those the
    customers live in first."""
    cities = province_cities().get(province, ())
    known = [c for c in cities if c in vocab.city_spellings]
    hints = list(dict.fromkeys([*known, *cities]))[:3]
    english = ", ".join(
        f"{c} ({''.join(city_syllables().get(c) or syllables(c)).title()})" for c in hints
    )
    return Ask(
        f"“{word}”是省份或地区，目前只能按城市筛选。您是指哪个城市？例如"
        + "、".join(f"“{c}”" for c in hints)
        + "。",
        f"“{word}” is a province or region; customers are filtered by city. Which city do you "
        f"mean, e.g. {english}?",
        hints,
    )


def _describe(m: Meaning) -> str:
    label = {"tag": "标签", "staff": "员工", "dept": "部门", "city": "城市", "saved": "分群"}
    label["named"] = "客户分类"
    label["province"] = "省份"
    suffix = f"（{m.value}）" if m.kind == "staff" else ""
    return f"{label.get(m.kind, m.kind)}“{m.display}”{suffix}"


def _hint_zh(hints: list[str]) -> str:
    return ("您是指" + "、".join(f"“{h}”" for h in hints) + "吗？") if hints else ""


def _hint_en(hints: list[str]) -> str:
    return (" Did you mean " + ", ".join(f"“{h}”" for h in hints) + "?") if hints else ""
