"""One chunk → one condition (before windows are applied), or a question back.

Every token of the chunk must be used; a modifier left over means the chunk was not
understood, and the parser asks instead of dropping it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from segmentation.nlq.ask import Ask, did_you_mean
from segmentation.nlq.chunks import ITEM_MEANINGS, Chunk
from segmentation.nlq.cities import province_cities
from segmentation.nlq.contact_words import ContactMatch, unknown_campaign
from segmentation.nlq.items_interpret import (
    is_item_chunk,
    item_builder,
    item_targets,
    item_tokens_only,
    verbless_item_question,
)
from segmentation.nlq.lexicon import K
from segmentation.nlq.pinyin import city_syllables, syllables
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
    Spend,
    Window,
)


@dataclass(frozen=True)
class RankSpec:
    direction: str
    count: int | None
    percent: Decimal | None
    by: str = "spend"  # or a score: clv, p_alive, expected_purchases_30d


@dataclass
class Cond:
    """A condition waiting for its window: `build(window)` makes the node. List attributes
    (tag, city, owner…) keep their values so "上海和北京" can merge into one condition."""

    attr: str
    chunk: Chunk
    build: Callable[[Window | None], Node] | None = None
    values: list[object] = field(default_factory=list)
    windowable: bool = False
    negated: bool = False
    all_time: bool = False
    window: Window | None = None
    assigned: bool = False
    rank: RankSpec | None = None
    plain_event: str | None = None  # "咨询"-only chunks, for "没有咨询或下单"
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Context:
    vocab: Vocabulary
    asker: str | None


def interpret(chunk: Chunk, ctx: Context) -> Cond:
    toks = chunk.tokens
    negs = [t for t in toks if t.kind == K.NEG or (t.kind == K.YET and t.value is True)]
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
        raise _not_understood(chunk)
    return cond


def _by_head(chunk: Chunk, ctx: Context) -> Cond:
    rank = next((t for t in chunk.tokens if t.kind == K.RANK), None)
    if rank is not None and chunk.has(K.SCORE):
        from segmentation.nlq.score_interpret import score_ranking

        return score_ranking(chunk, rank, ctx)
    if rank is not None:
        return _ranking(chunk, rank)
    head = chunk.head()
    if head is None:
        return _headless(chunk)
    if head.kind == K.SCORE:
        from segmentation.nlq.score_interpret import score_condition

        return score_condition(chunk, ctx)
    if head.kind == K.CHANNEL:
        return _channel(chunk, head)
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
    _only(chunk, {head.kind, K.NEG, K.YET})
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
    if not ctx.asker or not ctx.vocab.staff.get(ctx.asker, None):
        raise Ask(
            "“我们部门”指哪个部门？请以员工身份提问，或直接说部门名称。",
            "Which team is “my team”? Ask as a staff member, or name the department.",
        )
    depts = ctx.vocab.staff[ctx.asker].department_ids
    if not depts:
        raise Ask(
            "您不属于任何部门，请直接说部门名称。",
            "You are not in any department; please name the department.",
        )
    return Cond("dept", chunk, values=list(depts))


def _channel(chunk: Chunk, head: Token) -> Cond:
    """How the customer was added (扫码添加的, from channel X): one condition, no window."""
    if "ask" in head.extra:
        raise head.extra["ask"]
    _only(chunk, {K.CHANNEL, K.NEG})
    node = head.value
    return Cond("channel", chunk, build=lambda _window: node)


def _contact(chunk: Chunk, head: Token, ctx: Context) -> Cond:
    """A campaign reached the customer (收到过群发, 上次活动没核销): windowed like an event."""
    _only(chunk, {K.CONTACT, K.NEG, K.YET})
    found: ContactMatch = head.value
    if found.campaign_id is not None and found.campaign_id not in ctx.vocab.campaigns:
        raise unknown_campaign(found.campaign_id, ctx.vocab.campaigns)

    def build(window: Window | None) -> Node:
        if found.what == "message":
            return CampaignMessaged(found.campaign_id, found.latest, window)
        return CampaignCoupon(found.what, found.campaign_id, found.latest, window)  # type: ignore[arg-type]

    return Cond("contact", chunk, build=build, windowable=True)


def _only(chunk: Chunk, allowed: set[K]) -> None:
    if any(t.kind not in allowed for t in chunk.tokens):
        raise _not_understood(chunk)


def _not_understood(chunk: Chunk) -> Ask:
    return Ask(
        f"没看懂“{chunk.text()}”这部分，请换个说法。",
        f"I did not understand the part “{chunk.text()}”; please rephrase it.",
    )


def _headless(chunk: Chunk) -> Cond:
    if chunk.has(K.TAGWORD):
        _only(chunk, {K.TAGWORD, K.NEG, K.YET})
        return Cond("hastags", chunk)
    raise _not_understood(chunk)


def _ranking(chunk: Chunk, rank: Token) -> Cond:
    heads = [t for t in chunk.tokens if t.kind not in (K.RANK, K.DE)]
    if not any(t.kind == K.SPEND for t in heads):
        raise Ask(
            "按什么排名？目前只支持按消费金额排名，例如“消费最多的10个客户”。",
            "Ranked by what? Only ranking by spend is supported, e.g. 'top 10 spenders'.",
        )
    if any(t.kind not in (K.SPEND, K.EVENT) for t in heads):
        raise _not_understood(chunk)
    spec = RankSpec(rank.value, rank.extra.get("count"), rank.extra.get("percent"))
    if (
        (spec.count is None and spec.percent is None)
        or (spec.count is not None and spec.count <= 0)
        or (spec.percent is not None and not 0 < spec.percent <= 100)
    ):
        raise _not_understood(chunk)
    return Cond("rank", chunk, windowable=True, rank=spec)


@dataclass
class _Numbers:
    ops: list[str]
    values: list[Token]
    ranged: bool


def _numbers(chunk: Chunk) -> _Numbers:
    ops: list[str] = []
    for t in chunk.tokens:
        if t.kind == K.CMP:
            ops.append(t.value[0])
        elif t.kind == K.MOST:
            ops.append("<=" if t.value == "most" else ">=")
    values = [t for t in chunk.tokens if t.kind == K.NUM]
    ranged = any(t.kind in (K.TO, K.RANGE_TAIL) for t in chunk.tokens)
    return _Numbers(ops, values, ranged)


def _comparison(chunk: Chunk, nums: _Numbers, what: str) -> list[tuple[str, Decimal]]:
    """[(op, value)] from the chunk's comparison words and numbers; asks when unclear."""
    if nums.ranged:
        if len(nums.values) != 2 or nums.ops:
            raise _not_understood(chunk)
        low, high = sorted(v.value for v in nums.values)
        return [(">=", low), ("<=", high)]
    if len(nums.values) != 1:
        raise _not_understood(chunk)
    ops = set(nums.ops)
    if len(ops) != 1:
        value = nums.values[0].text
        bare = value.removesuffix(what)  # 两次 → 正好两次, not 正好两次次
        if not ops and nums.values[0].value == 0:
            return [("=", Decimal(0))]
        if not ops:
            raise Ask(
                f"“{chunk.text()}”是指正好{value}，还是至少{value}？",
                f"Does “{chunk.text()}” mean exactly {value}, or at least {value}?",
                [f"正好{bare}{what}", f"{bare}{what}以上"],
            )
        raise _not_understood(chunk)
    return [(ops.pop(), nums.values[0].value)]


def _event(chunk: Chunk, kind: str) -> Cond:
    allowed = {K.EVENT, K.NEG, K.YET, K.CMP, K.MOST, K.NUM, K.TO, K.RANGE_TAIL, K.BETWEEN}
    _only(chunk, allowed)
    nums = _numbers(chunk)
    if not nums.values:
        if nums.ops:
            raise _not_understood(chunk)
        cond = Cond("event", chunk, build=lambda w: Performed(kind, w), windowable=True)
        cond.plain_event = kind
        return cond
    units = {v.unit for v in nums.values}
    if "money" in units:
        if kind == "refund":
            from segmentation.nlq.ask import unsupported

            raise unsupported("refund_amount", chunk.text())
        if kind != "order":
            raise _not_understood(chunk)
        return _spend_cond(chunk, _comparison(chunk, nums, "元"))
    if units - {None, "times"}:
        raise _not_understood(chunk)
    parts = _comparison(chunk, nums, "次")
    for _, value in parts:
        if value != value.to_integral_value() or value < 0:
            raise _not_understood(chunk)
    nodes = [(op, int(value)) for op, value in parts]

    def build(window: Window | None) -> Node:
        made = [EventCount(kind, op, v, window) for op, v in nodes]  # type: ignore[arg-type]
        return made[0] if len(made) == 1 else And(tuple(made))

    return Cond("count", chunk, build=build, windowable=True)


def _item(chunk: Chunk, ctx: Context, kind: str) -> Cond:
    """买过玻尿酸面霜 / 咨询过“X” / 买护肤类3次以上: an event about a product or category."""
    if not item_tokens_only(chunk):
        raise _not_understood(chunk)
    field, names = item_targets(chunk, ctx.vocab)
    nums = _numbers(chunk)
    counts: list[tuple[str, Decimal]] | None = None
    if nums.values:
        if {v.unit for v in nums.values} - {None, "times"}:
            raise _not_understood(chunk)
        counts = _comparison(chunk, nums, "次")
        if any(v != v.to_integral_value() or v < 0 for _, v in counts):
            raise _not_understood(chunk)
    elif nums.ops:
        raise _not_understood(chunk)
    build = item_builder(kind, field, names, counts)
    cond = Cond("item", chunk, build=build, windowable=True)
    cond.__dict__["item"] = (field, names)
    return cond


def _spend(chunk: Chunk) -> Cond:
    allowed = {K.SPEND, K.EVENT, K.NEG, K.YET, K.CMP, K.MOST, K.NUM, K.TO, K.RANGE_TAIL, K.BETWEEN}
    _only(chunk, allowed)
    nums = _numbers(chunk)
    if not nums.values:
        if nums.ops:
            raise _not_understood(chunk)
        return Cond("event", chunk, build=lambda w: Performed("order", w), windowable=True)
    if {v.unit for v in nums.values} - {None, "money"}:
        raise _not_understood(chunk)
    return _spend_cond(chunk, _comparison(chunk, nums, "元"))


def _spend_cond(chunk: Chunk, parts: list[tuple[str, Decimal]]) -> Cond:
    def build(window: Window | None) -> Node:
        made = [Spend(op, value, window) for op, value in parts]  # type: ignore[arg-type]
        return made[0] if len(made) == 1 else And(tuple(made))

    return Cond("spend", chunk, build=build, windowable=True)


def _name(chunk: Chunk, head: Token, ctx: Context) -> Cond:
    _only(chunk, {K.NAME, K.QUOTE, K.TAGWORD, K.SAVEDWORD, K.NEG, K.YET})
    tagword, savedword = chunk.has(K.TAGWORD), chunk.has(K.SAVEDWORD)
    meanings = list(head.meanings)
    word = head.value if head.kind == K.QUOTE else head.text
    if savedword:
        saved = [m for m in meanings if m.kind == "saved"]
        tags = [m for m in meanings if m.kind == "tag"]
        chosen = saved or tags
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
    elif head.kind == K.QUOTE and all(m.kind == "saved" for m in meanings):
        pass  # a quoted name that is only a saved segment ("“待跟进”有多少人")
    else:
        meanings = [m for m in meanings if m.kind != "saved"] or meanings
    if not (tagword or savedword):
        # Without an event verb a product or category is not a condition yet; a name that is
        # also something else (a tag VIP and a product VIP) means the other thing.
        others = [m for m in meanings if m.kind not in ITEM_MEANINGS]
        if meanings and not others:
            raise verbless_item_question(word, meanings)
        meanings = others
    return _from_meanings(chunk, word, meanings, ctx)


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
        raise _not_understood(chunk)
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
