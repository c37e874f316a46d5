"""One-character verbs said bare after a negation, their object dropped (没来的, 冇再落, 没下,
"didn't check out"): each names its event there (来 = visit, 下/落 = order). Shared by the verb
grammar (verbs.py), which makes them events, and the window lists (window_lists.py), which run
before it and must see 去年和今年都没下 as an event said in each year (issue 19)."""

from __future__ import annotations

# A one-character verb after a negation, and the event it names there.
BARE_VERBS = {"来": "visit:weak", "落": "order:weak", "下": "order:weak", "问": "inquiry:weak"}
BARE_VERBS |= {"进": "visit:weak", "去": "visit:weak"}
# "didn't check out" (a request wrapper elsewhere: "check out these customers"): not ordered.
BARE_VERBS |= {"check out": "order:weak"}
