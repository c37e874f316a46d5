"""English words of an RFM class that name no single class: "customers to retain" (to keep, 重要
保持, or to win back, 重要挽留?), "development customers" (重要发展 or 一般发展?), "winback
customers". The configured names ("customers to keep", "customers to win back", "general
development customers", spec §4) are read as they are; a word that could be two classes is
asked back naming it, with those classes offered — never one of them guessed.
"""

from __future__ import annotations

from segmentation.nlq.ask import Ask
from segmentation.nlq.token_kinds import K
from segmentation.nlq.tokens import Token
from segmentation.nlq.vocabulary import Vocabulary

_KEEP = ("to_keep", "general_keep")
_WIN_BACK = ("to_win_back", "general_win_back")
_DEVELOP = ("to_develop", "general_develop")
_VALUE = ("high_value", "general_value")
# The word (as normalised: lower case, hyphens as spaces) → the classes it may mean.
_CLASSES_OF: dict[str, tuple[str, ...]] = {
    # to retain: to keep (保持) or to win back (挽留) — the two readings of the word
    **dict.fromkeys(("retain", "retained", "retaining", "retainable"), ("to_keep", "to_win_back")),
    **dict.fromkeys(("keep", "keeping", "retention"), _KEEP),
    **dict.fromkeys(("winback", "win back", "winning back"), _WIN_BACK),
    **dict.fromkeys(("develop", "development", "developing"), _DEVELOP),
    **dict.fromkeys(("value", "valuable", "valued"), _VALUE),
}


def class_word_question(tokens: list[Token], index: int, vocab: Vocabulary) -> Ask | None:
    """The question back about an unknown English word that may name more than one RFM class,
    said in a class's place ("customers to retain", "retention customers"; the phrase quoted,
    so a class picked takes its place); None for other words and places."""
    word = tokens[index].text.strip().lower()
    keys = _CLASSES_OF.get(word)
    if keys is None or not all(k in vocab.named_names for k in keys):
        return None
    phrase = _phrase(tokens, index)
    if phrase == tokens[index].text:
        return None  # "kept buying": no class named
    zh = [vocab.named_names[k][0] for k in keys]
    en = [vocab.named_names[k][1] for k in keys]
    shown_en = " or ".join(f"{e} ({z})" for e, z in zip(en, zh, strict=True))
    return Ask(
        f"“{phrase}”可以指不止一类客户：{'、'.join(zh)}。请说是哪一类。",
        f"“{phrase}” could mean more than one class of customers: {shown_en}. Which one?",
        en if phrase.isascii() else zh,
    )


def _phrase(tokens: list[Token], index: int) -> str:
    """The words naming the class: "customers to retain", "retention customers", "retain"."""
    start, end = index, index + 1
    if index >= 2 and tokens[index - 1].kind == K.TO and tokens[index - 2].kind == K.CUSTOMER:
        start = index - 2
    elif end < len(tokens) and tokens[end].kind == K.CUSTOMER:
        end += 1
    return " ".join(t.text for t in tokens[start:end])
