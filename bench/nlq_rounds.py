"""Measure the chat-language parser on held-out paraphrase rounds, per category (issue 19).

    .venv/bin/python -m bench.nlq_rounds bench/nlq_rounds/zh-r1.tsv [more.tsv ...] [-v]

A round file has the corpus format (tests/segmentation/nlq/corpus.tsv): one command, a tab,
the expected tree in the corpus notation (or "?" for "must be asked back"); "#% NAME" starts a
category. Each command is parsed and evaluated on the corpus company exactly as the corpus
test does, and the script prints per category how many were right, asked back where an answer
was expected, and silently wrong (answered differently, or answered where it had to ask).
With -v it lists every miss with the reply. The rounds are written before the fixes they
measure, so the figures are the parser's rate on sentences it was not tuned on.
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

from bot.database import make_engine, make_session_factory
from bot.models import metadata
from segmentation.engine import default_context
from segmentation.nlq import load_vocabulary
from tests.segmentation.nlq.corpus_dsl import namespace
from tests.segmentation.nlq.fixture import TZ, load_fixture
from tests.segmentation.nlq.test_corpus import evaluate, read_cases


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    paths = [Path(a) for a in argv if a != "-v"]
    if not paths:
        print(__doc__)
        return 2
    engine = make_engine("sqlite://")
    metadata.create_all(engine)
    with make_session_factory(engine)() as session:
        load_fixture(session)
        ctx = default_context(TZ)
        vocab = load_vocabulary(session, ctx.named)
        ns = namespace(vocab.city_spellings)
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # right, asked, wrong, n
        misses: list[str] = []
        for path in paths:
            for case in read_cases(path):
                outcome, detail = evaluate(session, case, vocab, ns, ctx)
                row = counts[case.category]
                row[3] += 1
                row[("right", "asked", "wrong").index(outcome)] += 1
                if outcome != "right":
                    misses.append(f"[{case.category}] {outcome}: {detail}")
    if verbose:
        print("\n".join(misses))
    total = [sum(row[i] for row in counts.values()) for i in range(4)]
    print(f"{'category':<12} {'right':>11} {'asked':>6} {'wrong':>6}")
    for category, (right, asked, wrong, n) in [*counts.items(), ("ALL", total)]:
        print(f"{category:<12} {right:>4}/{n:<4}{100 * right / n:5.1f}% {asked:>4} {wrong:>6}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
