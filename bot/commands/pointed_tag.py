"""A tag pointed at instead of named, right after an answer about that tag (issue 19):
"my customers tagged 待跟进" → "remove that tag from them" / "把这个标签去掉" / "同佢哋剷咗嗰個tag"
/ "給她們打上這個標籤" is the one tag the previous question was about, on the customers just
shown. Never a guess: only when the previous question names exactly one tag, and only when the
sentence alone was asked back for want of a tag name. "her" / "him" / 她 / 佢 is the customers
just shown only when there was one of them; with several, which tag is still asked.

Before this, "remove that tag from them" fell through to a narrowing ("…and have no tag"), a
different question answered silently.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from sqlalchemy.orm import Session

from bot.commands import CommandContext
from bot.commands.context import previous_segment
from bot.commands.parse_alone import parse_alone
from bot.services.answer import Answer
from segmentation.nlq import Clarification, Command
from segmentation.nodes import HasTag, walk
from segmentation.scope import Requester

Then = Callable[[Session, CommandContext, Requester, str, str], Answer]

_TAG_NOUN = r"(?:标签|標籤|標簽|tag|label)"
# 这个标签 / 嗰個tag / 同一个标签 / 上面那个标签 / that tag / the same label
_POINTED_ZH = re.compile(
    r"(?:上面|刚才|剛才|之前|头先|頭先)?(?:同一)?(?:这个|這個|那个|那個|呢个|呢個|嗰个|嗰個|该|該|"
    r"这|這|那|呢|嗰|个|個)\s*" + _TAG_NOUN,
    re.I,
)
_POINTED_EN = re.compile(r"\b(?:that|this|the|those|these)\s+(?:same\s+)?(?:tag|label)s?\b", re.I)
# One customer by a pronoun: the customers just shown only when they were one.
_ONE_ZH = re.compile(r"[他她佢](?![们們哋])")
_ONE_EN = re.compile(r"\b(?:her|him)\b", re.I)
_MANY_EN = re.compile(r"\b(?:them|these|those|they|everyone|all of them)\b", re.I)


def pointed_tag_word(text: str) -> str | None:
    """The words of `text` that point at a tag instead of naming it ("that tag", "这个标签",
    "嗰個tag"), or None."""
    pointed = _POINTED_ZH.search(text) or _POINTED_EN.search(text)
    return pointed.group(0) if pointed is not None else None


def pointed_tag_answer(
    session: Session,
    ctx: CommandContext,
    requester: Requester,
    text: str,
    lang: str,
    then: Then,
) -> Answer | None:
    """The tagging `text` asks with the previous question's one tag, or None."""
    pointed = _POINTED_ZH.search(text) or _POINTED_EN.search(text)
    if pointed is None:
        return None
    found = previous_segment(session, ctx, requester.userid)
    if found is None:
        return None
    segment, previous = found
    tags = {node.name for node in walk(segment) if isinstance(node, HasTag)}
    if len(tags) != 1:
        return None
    if not isinstance(parse_alone(session, ctx, requester.userid, text), Clarification):
        return None  # the sentence stands on its own: not ours to reread
    (tag,) = tags
    english = pointed.re is _POINTED_EN
    said = _one_as_them(text, english, previous.count)
    if said is None:
        return None  # "her" among several customers: which one is asked, not guessed
    for rewritten in _readings(said, pointed.group(0), tag, english):
        command = parse_alone(session, ctx, requester.userid, rewritten)
        if _tagging_of(command, tag):
            return then(session, ctx, requester, rewritten, lang)
    return None


def _one_as_them(text: str, english: bool, count: int | None) -> str | None:
    """`text` with a one-customer pronoun made "them" when one customer was shown."""
    one = _ONE_EN if english else _ONE_ZH
    if not one.search(text):
        return text
    if count != 1:
        return None
    return one.sub("them" if english else "他们", text)


def _readings(text: str, pointer: str, tag: str, english: bool) -> list[str]:
    """The sentence with the tag named, then with the customers just shown said too."""
    if english:
        named = text.replace(pointer, f"the “{tag}” tag", 1)
        return [named] if _MANY_EN.search(named) else [named, f"{named} from them"]
    named = text.replace(pointer, f"“{tag}”标签", 1)
    return [named, text.replace(pointer, f"这些客户的“{tag}”标签", 1)]


def _tagging_of(command: Command | Clarification, tag: str) -> bool:
    return (
        isinstance(command, Command)
        and command.intent in ("tag", "untag")
        and command.details.get("tag") == tag
        and bool(command.details.get("segment_from_context"))
    )
