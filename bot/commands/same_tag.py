"""A tag verb with no tag right after a tagging (issue 19): "把张三的客户都打上待跟进" → (none
of them yours) → "那给我自己没有待跟进标签的客户打上" / "那上海的也打上" / "then tag my own
ones too" is the same tag, on the customers now said — never a guess: only when the answer just
given was a tagging (or untagging) of one tag, read again from what the member asked then.
Otherwise the question back (which tag?) stands.

Right after a customer's card (asked for, or a row of a list picked), "the same tag as him" is
his tag said by pointing: "跟他一样有VIP标签的还有谁", "同佢一樣係待跟進嘅客仲有邊個", "還有誰跟她
一樣是金卡", "who else among my customers has that tag", "other customers with his tag" are the
customers with the tag named, or with the card's customer's one tag (several: which one is
asked; none: said), in the asker's scope; "else / 其他 / 还有 / 仲有" leaves the card's customer
out. Only with a likeness to him said ("跟他一样", "like her", "the same tag") or his tag
pointed at ("她的标签", "his tag") — "跟她一样的还有谁" says like her in what, and stays asked.
"""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands import conversation as conv
from bot.commands.card_tag import tags_of
from bot.commands.named_customers import without_customers
from bot.commands.paging import still_visible
from bot.commands.parse_alone import parse_alone
from bot.commands.texts_cards import say_card
from bot.models.inbox import AuditEntry
from bot.services.answer import Answer, ClarifyAnswer
from bot.services.query import answer_command
from segmentation.models import Customer, Tag
from segmentation.nlq import Clarification, Command, load_vocabulary
from segmentation.nlq.lazy_re import lazy_pattern
from segmentation.nlq.restate import describe
from segmentation.nlq.tag_actions import which_tag
from segmentation.nodes import All, HasTag, walk
from segmentation.scope import Requester
from segmentation.text import normalize

_TAGGINGS = ("tag", "untag")


def same_tag_answer(
    session: Session, ctx: CommandContext, requester: Requester, text: str, lang: str
) -> Answer | None:
    """The tagging `text` asks with the previous answer's tag, the customers with the tag of
    the card just shown ("跟他一样有VIP标签的还有谁"), or None."""
    previous = conv.load(session, requester.userid, ctx.now).previous
    if previous is not None and previous.kind == conv.CUSTOMER and previous.customer:
        return _like_card_answer(session, ctx, requester, text, lang, previous)
    if previous is None or previous.intent not in _TAGGINGS:
        return None
    parsed = parse_alone(session, ctx, requester.userid, text)
    if not isinstance(parsed, Clarification):
        return None
    untag = parsed.message in _asked(untag=True)
    if not untag and parsed.message not in _asked(untag=False):
        return None
    if previous.intent != ("untag" if untag else "tag"):
        return None  # "打上" after an untagging: which tag is still asked
    tag = _last_tag(session, ctx, requester, previous.intent)
    if tag is None:
        return None
    again = parse_alone(session, ctx, requester.userid, f"{text}“{tag}”{'标签' if untag else ''}")
    if not isinstance(again, Command) or again.intent != previous.intent:
        return None
    if again.details.get("tag") != tag or again.details.get("segment_from_context"):
        return None  # the customers must be said now: "them" would be the answer just given
    return answer_command(session, again, requester, ctx.now, ctx.engine)


def _asked(untag: bool) -> tuple[str, str]:
    ask = which_tag(untag=untag)
    return ask.zh, ask.en


def _last_tag(
    session: Session, ctx: CommandContext, requester: Requester, intent: str
) -> str | None:
    """The tag of the member's last tagging request (the answer just given)."""
    rows = session.scalars(
        select(AuditEntry)
        .where(AuditEntry.userid == requester.userid, AuditEntry.action == "command")
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).all()
    for row in rows:
        if not row.detail or row.detail.get("intent") != intent:
            return None
        said = parse_alone(session, ctx, requester.userid, row.request)
        if isinstance(said, Command) and said.intent == intent:
            tag = said.details.get("tag")
            return str(tag) if tag else None
    return None


# ---------------------------------------------------------------- the same tag as the card's

# The card's customer, one (never 他们 / 佢哋), as normalised text says her.
_HER_ZH = (
    r"(?:他|她|佢|ta|这位客户|这个客户|这位客人|呢位客户|呢位客|呢个客|这位|呢位|那位)(?![们哋])"
)
_TAG_WORD = r"(?:标签|tags?|labels?)"
# Like her: 跟她一样 / 同佢一样 / 和他相同 / 像她一样, a tag word inside ("跟她标签一样") or after
# ("跟她同一个标签", "和他一样的标签") making it her tag.
_LIKE_ZH = lazy_pattern(
    rf"(?:跟|和|同|与|像){_HER_ZH}\s*(?P<t>(?:的|嘅)?\s*{_TAG_WORD})?\s*"
    rf"(?:一样|相同|同样|一致)(?:的|嘅)?(?:\s*(?P<u>{_TAG_WORD}))?|"
    rf"(?:跟|和|同|与){_HER_ZH}\s*(?:同一个|同一|同样的|相同的)\s*(?P<v>{_TAG_WORD})"
)
# Her tag pointed at: 她的标签 / 佢个tag / 她那个标签 / 同一个标签 / 一样的标签.
_HER_TAG_ZH = lazy_pattern(
    # (a word between: "给他tag一下" tags him)
    rf"{_HER_ZH}\s*(?:的|嘅|这个|那个|嗰个|呢个|个|的这个|的那个|嘅嗰个)\s*{_TAG_WORD}|"
    rf"(?:同一个|同一|一样的|相同的|同样的)\s*{_TAG_WORD}"
)
_HER_EN = r"(?:him|her|this customer|that customer|this one|this client|that client)"
_LIKE_EN = lazy_pattern(
    rf"(?P<t>\b(?:tagged|labell?ed|with (?:the )?(?:same )?{_TAG_WORD}) )?(?:just )?"
    rf"\blike {_HER_EN}\b(?: does| has| is)?|"
    rf"\bas {_HER_EN}(?: does| has| is)?(?=\s*[?.!]*$)"
)
_HER_TAG_EN = lazy_pattern(
    rf"\b(?:the )?same {_TAG_WORD}(?: as {_HER_EN})?\b|"
    rf"\b(?:his|her|that|this|(?:this|that) (?:customer|client)'s) {_TAG_WORD}\b"
)
# Customers asked for, with her tag pointed at ("她的标签还有谁有", "有她这个标签的客户", "who has
# her tag"): without them, "她的标签有哪些" asks what her tags are (the card answers it).
_PEOPLE_ASKED = lazy_pattern(
    r"谁|边个|边位|哪些人|哪几个|哪位|几个|几多个|多少个|多少人|几位|客户|客人|顾客|客|人|"
    r"\b(?:who|whom|anyone|anybody|someone|somebody|customers?|clients?|people|ones|others)\b"
)
# Someone else than her: 还有谁 / 仲有边个 / 其他客户 / who else / other customers / anyone else.
_ELSE = (
    (lazy_pattern(r"还有没有|仲有冇|仲有没有"), "有"),
    (lazy_pattern(r"还有|仲有|其他的?|其它的?|其余的?|别的|另外的?"), ""),
    (lazy_pattern(r"\b(?:who|anyone|anybody|someone|somebody|what|which)\s+else(?![a-z])"), "_"),
    (lazy_pattern(r"\b(?:any )?others\b(?!\s+(?:customers?|clients?))"), "customers"),
    (lazy_pattern(r"\bother\b|\b(?:too|as well|also)\b(?=\s*[?.!]*$)|\balso\b"), ""),
    (lazy_pattern(r"\b(?:besides|apart from|except(?: for)?|other than) " + _HER_EN + r"\b"), ""),
)


def _like_card_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    previous: conv.PreviousAnswer,
) -> Answer | None:
    """The customers with the tag `text` points at as the card's customer's, or None."""
    eid = str(previous.customer)
    name = session.scalar(select(Customer.name).where(Customer.external_userid == eid)) or eid
    said = _name_as_pronoun(normalize(text).strip(), normalize(name))
    found = _likeness(said)
    if found is None:
        return None
    like, pointed = found
    if not still_visible(session, requester, [eid]):
        return None  # out of sight now: the ordinary path says so
    rest, other = _without_else(said)
    if pointed and not other and not _LIKE_ZH.search(said) and not _PEOPLE_ASKED.search(rest):
        return None  # "她的标签有哪些", "Ivan的tag有哪些": her tags asked, which her card says
    tags = [""]
    if pointed:
        tags = tags_of(session, eid)
        asked = (previous.details or {}).get("asked_tag")
        if len(tags) > 1 and asked in tags:  # "她是VIP吗" just asked: that tag of hers
            tags = [asked]
    # each of her tags in its place must make a list (or a count) asked: else not ours ("给她
    # tag 一下"); with none, any company tag tries the sentence's shape
    probe = tags or [session.scalar(select(Tag.name).order_by(Tag.name).limit(1)) or ""]
    commands = [_listed(session, ctx, requester, _with_tag(rest, like, tag), tag) for tag in probe]
    if not all(commands):
        return None
    if not tags:
        return ClarifyAnswer(say_card("same_tag_none", lang, name=name))
    if len(tags) > 1:  # which of her tags is asked, each one a sentence to pick
        listed = ("、" if lang == "zh" else ", ").join(tags)
        message = say_card("same_tag_which", lang, name=name, tags=listed)
        return ClarifyAnswer(message, tuple(_picked(tag, lang, other) for tag in tags))
    command = commands[0]
    assert command is not None and command.segment is not None
    segment = without_customers(command.segment, [(eid, name)]) if other else command.segment
    vocab = load_vocabulary(session, ctx.engine.named)
    description = describe(segment, lang, ctx.now, ctx.settings.timezone, vocab)
    asked_now = Command(command.intent, segment, lang, description, command.details, command.notes)
    return answer_command(session, asked_now, requester, ctx.now, ctx.engine)


def _name_as_pronoun(said: str, name: str) -> str:
    """ "跟Alice一样", "the same tag as Alice" right after Alice's card: said as 她 / her."""
    if len(name) < 2:
        return said
    if name.isascii():
        said = re.sub(rf"(?<![a-z]){re.escape(name)}'s(?![a-z])", "her", said)
        # 跟Dan一样: the pronoun for Chinese around it, "her" in English
        zh = rf"(?<=[\u4e00-\u9fff]){re.escape(name)}|{re.escape(name)}(?=[\u4e00-\u9fff])"
        said = re.sub(zh, "她", said)
        return re.sub(rf"(?<![a-z]){re.escape(name)}(?![a-z])", "her", said)
    return said.replace(name, "她")


def _picked(tag: str, lang: str, other: bool) -> str:
    """The question asked again with one of her tags named, to be picked: it still likens
    them to her, so the pick reads as the question did."""
    if lang == "zh":
        return f"跟这位客户一样有“{tag}”标签的{'还有谁' if other else '客户'}"
    return f"who{' else' if other else ''} has the “{tag}” tag, like this customer"


def _likeness(said: str) -> tuple[re.Match[str], bool] | None:
    """The words of `said` that liken the customers asked for to the card's customer, and
    whether they point at her tag ("跟她标签一样", "his tag") rather than only at her."""
    for pattern, tagged in (
        (_LIKE_ZH, False),
        (_HER_TAG_ZH, True),
        (_HER_TAG_EN, True),
        (_LIKE_EN, False),
    ):
        match = pattern.search(said)
        if match is not None:
            return match, tagged or any(match.groupdict().values())
    return None


def _without_else(said: str) -> tuple[str, bool]:
    """`said` with its "else / 其他 / 还有" words taken out, and whether there were any."""
    other = False
    for pattern, put in _ELSE:
        if pattern.search(said):
            other = True
            said = pattern.sub(
                lambda m, put=put: m.group(0).split()[0] if put == "_" else put, said
            )
    said = re.sub(r"\s+", " ", said).strip()
    # "who else 跟他一样是金卡": the question word said in English before a Chinese rest
    return re.sub(r"^who\s*(?=[\u4e00-\u9fff])", "谁", said), other


def _with_tag(said: str, like: re.Match[str], tag: str) -> str:
    """`said` with the likeness to her taken out, and her tag named where it was pointed at.
    `like` was found in the text `said` was made from (the else words may be gone since)."""
    words = like.group(0)
    at = said.find(words)
    if at < 0:
        return said
    before, after = said[:at], said[at + len(words) :]
    if not tag:
        put = " "
    elif words.isascii():
        put = f" with the “{tag}” tag "
        if re.search(r"\b(?:has|have|had|with|carry|carries|share|shares)\s*$", before):
            put = f" the “{tag}” tag "
    else:
        put = f"“{tag}”标签" if before[-1:] in tuple("有是系打带着") else f"有“{tag}”标签"
        put += "" if after[:1] in ("的", "嘅") else "的"
    return re.sub(r"\s+", " ", before + put + after).strip()


def _listed(
    session: Session, ctx: CommandContext, requester: Requester, reading: str, tag: str
) -> Command | None:
    """`reading` parsed, when it lists (or counts) customers with a condition said — her tag
    when `tag` is given — else None."""
    parsed = parse_alone(session, ctx, requester.userid, reading)
    if not isinstance(parsed, Command) or parsed.intent not in ("list", "count"):
        return None
    if parsed.segment is None or isinstance(parsed.segment, All):
        return None
    if parsed.details.get("segment_from_context"):
        return None
    if tag and not any(isinstance(n, HasTag) and n.name == tag for n in walk(parsed.segment)):
        return None
    return parsed
