"""The kinds of token the chat language's tokenizer makes; a lexicon word's meaning is one
of them with a value. Kept apart from the word tables (segmentation/nlq/lexicon.py), so that
the grammar can name a kind without building the tables."""

from __future__ import annotations

from enum import StrEnum


class K(StrEnum):
    INTENT = "intent"
    EVENT = "event"  # value: kind; "weak" nouns (单) merge into the same kind
    NEG = "neg"
    YET = "yet"  # 还没/尚未/yet: all time, also a negation when value is True
    CMP = "cmp"  # value: (op, position) position "pre" | "post"
    MOST = "most"  # 最多 / 最少: at most / at least, or a ranking (two readings)
    RANK = "rank"  # 前/top = "top", 后/bottom = "bottom"
    SPEND = "spend"
    TAGWORD = "tagword"
    UNTAGGED = "untagged"
    SAVEDWORD = "savedword"
    MY = "my"
    MYDEPT = "mydept"
    GENDER = "gender"
    NEW = "new"
    AND = "and"
    OR = "or"
    BOTH = "both"
    DE = "de"  # 的 / who: a modifier ends, the head noun follows
    CLAUSE = "clause"  # 中/里/其中/among: a new clause that inherits no window
    SEP = "sep"
    CUSTOMER = "customer"
    FILLER = "filler"
    UNSUPPORTED = "unsupported"  # value: the reason shown when asking back
    UNIT = "unit"  # value: times | money | people | percent
    PERCENT_PREFIX = "percent_prefix"
    TO = "to"  # 到/至/and in "A到B之间", "between A and B"
    BETWEEN = "between"
    RANGE_TAIL = "range_tail"
    NUMWORD = "numword"  # once/twice: value (number, unit)
    SCORE = "score"  # a predictive score phrase (score_words.py); value: the score
    SCORE_HORIZON = "score_horizon"  # "in the next 30 days" of an expected-purchases phrase
    THIS = "this"  # 这些/them/this segment: the previous answer (chat keeps it), no condition
    ITEMWORD = "itemword"  # 品类/类/产品/sku: value "product" | "category" | "sku"
    CHANNEL = "channel"  # a channel phrase (channel_words.py): extra["node"] or extra["ask"]
    TEXTMATCH = "textmatch"  # a company/remark phrase (text_words.py): value the node
    CONTACT = "contact"  # a campaign-contact phrase (contact_words.py): value a ContactMatch
    THRESHOLD = "threshold"  # 过万/上千: a comparison and its number in one word; value (op, n)
    COMPOUND = "compound"  # one surface, several words: value ((kind, value, length), ...)
    ATTRIBUTE = "attribute"  # a word a condition kind declares (Kind.words): value the node
    # produced by the scanners, not the lexicon:
    NUM = "num"
    WINDOW = "window"
    NAME = "name"
    QUOTE = "quote"
    UNKNOWN = "unknown"
