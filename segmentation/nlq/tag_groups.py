"""A tag named with its group (issue 19): "客户等级是金卡的客户", "客户等级为VIP", "customers whose
客户等级 is 金卡" — the group says where the tag lives; the condition is the tag itself (spec §2:
a tag is matched by its name, in any group). Only a real group followed by a real tag name
is read so: "客户等级是上海" keeps its words and is asked back.
"""

from __future__ import annotations

import re

from segmentation.nlq.vocabulary import Vocabulary
from segmentation.text import normalize

_IS = r"\s*(?:的标签|标签)?\s*(?:是|为|系|係|=|:|：|is|are|equals|of)\s*"


def drop_tag_groups(text: str, vocab: Vocabulary) -> str:
    """`text` with "<group> 是" removed before a tag name of the vocabulary."""
    for group in sorted(vocab.tag_groups, key=len, reverse=True):
        plain = normalize(group)
        if len(plain) < 2 or plain not in text:
            continue
        pattern = re.compile(re.escape(plain) + _IS)
        text = _drop(text, pattern, vocab)
    return text


def _drop(text: str, pattern: re.Pattern[str], vocab: Vocabulary) -> str:
    out, pos = [], 0
    for found in pattern.finditer(text):
        named = vocab.match(text, found.end())
        if named is None or not all(m.kind == "tag" for m in named[1]):
            continue
        out.append(text[pos : found.start()])
        pos = found.end()
    out.append(text[pos:])
    return "".join(out)
