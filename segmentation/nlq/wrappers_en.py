"""English request wrappers as a grammar rule, not a list of sentences (issue 19).

The politeness around an English request is an open class: "would you mind pulling…",
"I was hoping you could show…", "quick q: how many…", "wondering if u could list…". No
list of phrases can hold them all, so the rule is structural:

    a wrapper is the run of words before the command's head (the last request verb or
    question word before the first condition) that carries no condition.

Words the lexicon does not know are ignored there only when the run

- opens with a request cue (REQUEST_CUES: a pronoun, a modal, a request word such as
  "hoping", "wondering", "quick") or a known wrapper — so an unknown word that starts the
  sentence ("Platinum: show me who ordered") is never dropped;
- holds nothing but fillers, separators, request verbs, "and"/"to" and such unknown words:
  any condition (tag, city, number, window, negation, customers…) ends it;
- holds no content word (CONTENT_WORDS, a closed list tested one by one: words that could
  narrow the customers — negations, comparisons, time, places, people, products, kinds of
  customer) and no restricting preposition ("for the downtown store, list…");
- and the head is followed by something to answer: "diamond, could you show me" must not
  become "show me" = everyone.

Everything else stays unknown and is asked back, naming the word.
"""

from __future__ import annotations

import itertools

from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token


def _words(*lines: str) -> frozenset[str]:
    return frozenset(w for line in lines for w in line.split())


# Words that make a run of words a request addressed to the bot: pronouns, modals, and the
# words people open a request with. Closed and small; none of them narrows the customers.
REQUEST_CUES = _words(
    "i i'd i'm i've i'll id im ive me we we'd we're we'll us you you'd you're u ya yall",
    "y'all your ur she he they someone somebody",
    "could would can may might will shall should mind minding please pls plz",
    "need needed needing want wanted wanting like hoping hope hoped wondering wonder",
    "wondered chance possible favour favor quick quickly q question qq help ask asking",
    "curious sorry hey hi hello yo ok okay so just also now when whenever if let lemme",
    "gimme kindly appreciate grateful great trying try",
)

# The verbs of a request that the lexicon keeps as wrappers ("pull up", "get me", "check"):
# a head like the request verbs it reads as intents.
REQUEST_VERBS = _words(
    "show list pull get gimme fetch grab find look check tell give send provide bring dig",
    "search count export see display share compile generate run lemme",
)

# A request passed on by someone ("she needs the VIPs"): the verb is the head.
PASSED_ON_VERBS = _words("wants needs wanted needed requested requests requires required")

# Words that open a message and carry nothing ("right, now show me…", "great thanks, now…"),
# dropped only at the very start: the praise words only before a comma or the command's head
# ("great customers in Beijing" is asked), the others before anything.
DISCOURSE = _words(
    "right alright allright sure yes yeah yep yup ok okay k kk hmm um uh well so now then",
    "also anyway anyways oh ah gotcha thanks thank ta wow",
)
PRAISE = _words(
    "great cool awesome perfect nice lovely brilliant fine excellent super sweet good",
)
# Greetings that are also time words: dropped only when a comma or "!" closes them at the very
# start ("Morning! could you…"); "morning customers" keeps its word and is asked.
GREETINGS = _words("morning afternoon evening hiya howdy greetings")

# Words that could narrow the customers: never ignored as part of a wrapper. A closed list
# (tests/segmentation/nlq/test_english_wrappers.py puts each one in a wrapper's place and
# requires a question back); many are also lexicon words, listed so the rule holds even if
# the lexicon changes.
CONTENT_WORDS = _words(
    # negation, exception, restriction
    "not no never none nobody nothing without except excluding besides but unless only",
    "don't didn't doesn't haven't hasn't won't can't isn't aren't wasn't weren't dont didnt",
    "doesnt havent hasnt cant isnt arent neither nor other others else",
    # comparison and quantity
    "more less fewer most least over under above below than top bottom max min maximum",
    "minimum upwards plus double twice once thrice half percent number many much few",
    "several some all every each whole entire total",
    # time
    "last past previous next recent recently ago since before after until till during",
    "today yesterday tomorrow week weeks month months year years day days quarter hour",
    "hours morning evening night weekend ytd mtd first earlier later already yet still",
    "ever again anymore lately early late old new newer newest older oldest",
    # places
    "in at from near around outside inside within city town area region district",
    "province state country north south east west central downtown uptown local store",
    "stores shop shops branch branches office online offline abroad overseas domestic",
    # people and ownership
    "customer customers client clients cust custs people person ones folks guys members",
    "member users buyers account accounts staff team teams department dept sales rep",
    "reps manager colleague boss whose owner owned mine our ours their theirs his her",
    "hers male female men women man woman boys girls kids",
    # things and records
    "product products item items category categories brand brands sku order orders",
    "purchase purchases refund refunds visit visits inquiry inquiries cart coupon coupons",
    "campaign campaigns message messages tag tags tagged segment segments channel",
    "channels code qr vip vips gold silver platinum diamond premium tier level status",
    "loyal regular repeat returning frequent active inactive dormant lapsed churned lost",
    "big small rich best worst high low value valuable important potential prospective",
    "hot cold warm unhappy happy angry",
)

# Prepositions that attach a restriction to what follows ("for the Nanjing store", "in the
# north", "with a coupon"): a run holding one alone is not a wrapper.
_RESTRICTING = _words(
    "for in at from with without except outside near by under of on about among between",
    "within than since before after until",
)
# What a wrapper run may hold besides unknown words.
_GLUE = {K.FILLER, K.SEP, K.INTENT, K.TO, K.AND}
_HEAD_QUESTIONS = frozenset({"who", "which", "what"})


def drop_open_wrappers(tokens: list[Token]) -> list[Token]:
    """The tokens with the unknown words of an English request wrapper made wrapper fillers;
    unchanged when no run before the head passes every test above."""
    tokens = _drop_discourse(tokens)
    head = _head(tokens)
    if head is None:
        return tokens
    run = tokens[: head + 1] if tokens[head].kind == K.UNKNOWN else tokens[:head]
    unknown = [t for t in run if t.kind == K.UNKNOWN]
    if not unknown or not all(_wrapper_word(t) for t in unknown):
        return tokens
    if not _opens_with_cue(run) or any(_restricts(t) for t in run) or _negated(run):
        return tokens
    if not any(t.kind not in (K.FILLER, K.SEP, K.INTENT) for t in tokens[head + 1 :]):
        return tokens  # nothing after the head: the dropped words may have been the question
    out = [Token(K.FILLER, "wrapper", t.start, t.end, t.text) if t.kind in (K.UNKNOWN, K.AND, K.TO)
           else t for t in run]  # fmt: skip
    return out + tokens[len(run) :]


def _drop_discourse(tokens: list[Token]) -> list[Token]:
    """Discourse words that open a message ("right,", "alright", "great thanks, now…") before
    a comma or the command's head: a closed list (DISCOURSE), nothing else is dropped."""
    end = 0
    while end < len(tokens) and (
        tokens[end].kind in (K.SEP, K.FILLER)
        or (tokens[end].kind == K.UNKNOWN and tokens[end].text in DISCOURSE | PRAISE)
        or (_greeting(tokens, end))
    ):
        end += 1
    nxt = tokens[end] if end < len(tokens) else None
    if nxt is None:
        return tokens
    out: list[Token] = []
    for index, tok in enumerate(tokens[:end]):
        if _greeting(tokens, index):
            out.append(Token(K.FILLER, "wrapper", tok.start, tok.end, tok.text))
            continue
        closed = any(t.kind == K.SEP for t in tokens[index + 1 : end]) or _is_head(nxt)
        if tok.kind == K.UNKNOWN and (tok.text in DISCOURSE or closed):
            tok = Token(K.FILLER, "wrapper", tok.start, tok.end, tok.text)
        out.append(tok)
    return out + tokens[end:]


def _greeting(tokens: list[Token], index: int) -> bool:
    """A greeting word closed by a separator right after it, with only fillers before it."""
    tok = tokens[index]
    if tok.kind != K.UNKNOWN or tok.text not in GREETINGS or index + 1 >= len(tokens):
        return False
    before_ok = all(t.kind in (K.SEP, K.FILLER) for t in tokens[:index])
    return before_ok and tokens[index + 1].kind == K.SEP


def _head(tokens: list[Token]) -> int | None:
    """The last request verb or question word before the first token that is neither glue
    nor an unknown word: where the command proper starts."""
    head = None
    for index, tok in enumerate(tokens):
        if _is_head(tok):
            head = index
            if tok.kind == K.DE:  # "…, who refunded": the question word starts the command
                break
            continue
        if tok.kind not in _GLUE and tok.kind != K.UNKNOWN:
            break
    return head


def _is_head(tok: Token) -> bool:
    if tok.kind == K.INTENT or tok.may_be(K.INTENT):
        return True
    if tok.kind == K.UNKNOWN:  # "she needs the VIPs", "the team wants…"
        return tok.text in PASSED_ON_VERBS
    if tok.kind == K.FILLER and tok.value == "wrapper":  # "pull up", "get me", "gimme"
        return tok.text.split()[0] in REQUEST_VERBS
    return tok.kind == K.DE and tok.text in _HEAD_QUESTIONS


def _wrapper_word(tok: Token) -> bool:
    word = tok.text
    plain = word.replace("'", "")
    return plain.isascii() and plain.isalpha() and word not in CONTENT_WORDS


def _opens_with_cue(run: list[Token]) -> bool:
    """The first word of the run (separators aside) is a request cue or a known wrapper,
    and every unknown word comes after one."""
    for tok in run:
        if tok.kind == K.SEP:
            continue
        if tok.text in REQUEST_CUES or (tok.kind == K.FILLER and tok.value == "wrapper"):
            return True
        if tok.kind == K.UNKNOWN:
            return False
        if tok.kind == K.FILLER and any(w in REQUEST_CUES for w in tok.text.split()):
            return True  # "can you", "i was": a known filler made of cue words
        if tok.kind == K.FILLER:
            continue
        return False
    return False


def _negated(run: list[Token]) -> bool:
    """A contraction the lexicon does not know, split at its apostrophe: "can|'|t"."""
    return any(
        a.text == "'" and b.text in ("t", "nt") and a.end == b.start
        for a, b in itertools.pairwise(run)
    )


def _restricts(tok: Token) -> bool:
    return tok.text in _RESTRICTING or (tok.kind == K.UNKNOWN and tok.text in CONTENT_WORDS)
