"""Verbs said in pieces (issue 19, blind s10): the grammar that puts an event word back
together when the user split it, repeated it, or gave it a light verb.

- Split verbs with a count or aspect inside: 询了两次价, 加了三次购物车, 入过两次购物车 — the
  verb alone (询, 加, 入) is no word, but with the noun after it (询价, 加购物车, 入购物车) it
  is the event the noun names: the verb is read as that event's verb, as 问了两次价 is.
- Repeated verbs before a count: 加购加了两次, 询价询了三次 — the verb said again after its
  event word adds nothing (问价问了3次 is read so already, 问了 being a word).
- English light verbs before an event noun in a mixed sentence: "make 过 purchase", "有
  place 过 order" — the noun says the event, the verb only carries the aspect.
- A count of listed tags: "同时有VIP和金卡两个标签" — 两个 counts the names just listed
  (the list says them), so it is dropped when it matches; a count that does not match the
  list ("VIP和金卡三个标签") stays and is asked about.

Each rule rewrites only a token the lexicon left unknown (or a count next to a tag word),
so a sentence the grammar already reads is never changed.
"""

from __future__ import annotations

from segmentation.nlq.lexicon_tables import LEXICON
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token

# What may stand between a split verb and its noun: aspect (了/过/咗), a count (两次), a
# comparison (两次以上 / 超过两次).
_INSIDE = {K.FILLER, K.NUM, K.CMP, K.UNIT}
_MAX_INSIDE = 4
# English verbs that only carry an event noun ("make a purchase", "place an order").
_LIGHT_EN = frozenset({"make", "made", "makes", "making", "place", "placed", "places", "placing"})


def apply(tokens: list[Token]) -> list[Token]:
    """Every rewrite, in order."""
    return _listed_tag_count(_light_english(_split(_repeated(tokens))))


def _base(tok: Token) -> str:
    return str(tok.value).split(":")[0]


def _cjk_verb(tok: Token) -> bool:
    return tok.kind == K.UNKNOWN and 0 < len(tok.text) <= 2 and not tok.text.isascii()


def _repeated(tokens: list[Token]) -> list[Token]:
    """加购加了两次 / 询价询了三次: an unknown verb right after an event word that starts with
    it is that word said again."""
    out: list[Token] = []
    for tok in tokens:
        prev = out[-1] if out else None
        if (
            _cjk_verb(tok)
            and prev is not None
            and prev.kind == K.EVENT
            and prev.text != tok.text
            and prev.text.startswith(tok.text)
        ):
            continue
        out.append(tok)
    return out


def _split(tokens: list[Token]) -> list[Token]:
    """询了两次价 / 加了三次购物车: an unknown verb whose noun follows after aspect and count
    words, when verb + noun is an event word of the noun's kind."""
    out = list(tokens)
    for i, tok in enumerate(out):
        if not _cjk_verb(tok):
            continue
        for j in range(i + 1, min(i + 1 + _MAX_INSIDE, len(out))):
            noun = out[j]
            if noun.kind == K.EVENT:
                joined = LEXICON.get(tok.text + noun.text)
                if (
                    joined is not None
                    and joined[0] == K.EVENT
                    and (str(joined[1]).split(":")[0] == _base(noun))
                ):
                    out[i] = Token(K.EVENT, f"{_base(noun)}:weak", tok.start, tok.end, tok.text)
                break
            if noun.kind not in _INSIDE:
                break
    return out


def _light_english(tokens: list[Token]) -> list[Token]:
    """ "make 过 purchase": an unknown English light verb before an event noun (aspect words
    between) is dropped; the noun names the event."""
    out: list[Token] = []
    for i, tok in enumerate(tokens):
        if tok.kind == K.UNKNOWN and tok.text.lower() in _LIGHT_EN:
            following = (t for t in tokens[i + 1 :] if t.kind != K.FILLER)
            nxt = next(following, None)
            if nxt is not None and nxt.kind == K.EVENT:
                continue
        out.append(tok)
    return out


_LIST_GLUE = {K.AND, K.SEP}


def _listed_tag_count(tokens: list[Token]) -> list[Token]:
    """VIP和金卡(这)两个标签: a count before the tag word that equals the number of names
    listed just before it is dropped, with its demonstrative (the names say it)."""
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        j = i + 1 if tok.kind in (K.UNKNOWN, K.THIS, K.FILLER) and tok.text in _THESE else i
        num = tokens[j] if j < len(tokens) else None
        tag = tokens[j + 1] if j + 1 < len(tokens) else None
        if (
            num is not None
            and tag is not None
            and num.kind == K.NUM
            and tag.kind == K.TAGWORD
            and num.unit in (None, "people")
            and _names_listed(out) == num.value
        ):
            i = j + 1
            continue
        out.append(tok)
        i += 1
    return out


_THESE = frozenset({"这", "那", "呢", "嗰"})


def _names_listed(before: list[Token]) -> int:
    """How many names the list ending `before` holds (0 when no name ends it)."""
    count = 0
    expect_name = True
    for tok in reversed(before):
        if expect_name and tok.kind in (K.NAME, K.QUOTE):
            count += 1
            expect_name = False
        elif not expect_name and tok.kind in _LIST_GLUE:
            expect_name = True
        else:
            break
    return count
