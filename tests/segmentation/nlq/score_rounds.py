"""Score paraphrase rounds by category (issue 19): the corpus format, any file.

    .venv/bin/python -m tests.segmentation.nlq.score_rounds tests/segmentation/nlq/rounds/en-r1.tsv

Each file is read like corpus.tsv ("#% NAME" starts a category). Prints, per category, how many
sentences were exactly right, asked back where an answer was expected, and silently wrong;
then each miss with the reply, so a fresh round can be measured before anything is fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from bot.database import make_engine, make_session_factory
from bot.models import metadata
from segmentation.engine import default_context
from segmentation.nlq import load_vocabulary
from tests.segmentation.nlq import test_corpus
from tests.segmentation.nlq.corpus_dsl import namespace
from tests.segmentation.nlq.fixture import load_fixture


def score(session: Session, path: Path) -> tuple[dict[str, list[int]], list[str]]:
    ctx = default_context(test_corpus.TZ)
    vocab = load_vocabulary(session, ctx.named)
    ns: dict[str, Any] = namespace(vocab.city_spellings)
    test_corpus.CORPUS = path
    rates: dict[str, list[int]] = {}  # category → [right, asked, wrong, total]
    misses: list[str] = []
    for case in test_corpus.read_corpus():
        rate = rates.setdefault(case.category, [0, 0, 0, 0])
        rate[3] += 1
        try:
            outcome = test_corpus._outcome(session, case, vocab, ns, ctx)
        except Exception as error:  # a crash is a miss to report, not a stop
            outcome = f"{case.line}: {case.text!r} crashed: {error!r}"
        if outcome == "right":
            rate[0] += 1
        elif outcome.startswith("asked ") or " asked without naming " in outcome:
            # asked back where an answer was expected, or a question back that does not
            # name the words it did not understand: a miss, but not a silent one
            rate[1] += 1
            misses.append(f"ASKED [{case.category}] {outcome.removeprefix('asked ')}")
        else:
            rate[2] += 1
            misses.append(f"WRONG [{case.category}] {outcome}")
    return rates, misses


def main(paths: list[str]) -> None:
    engine = make_engine("sqlite://")
    metadata.create_all(engine)
    with make_session_factory(engine)() as session:
        load_fixture(session)
        totals = [0, 0, 0, 0]
        for name in paths:
            rates, misses = score(session, Path(name))
            print("\n".join(misses))
            print(f"== {name}")
            for category, (right, asked, wrong, count) in rates.items():
                print(
                    f"  {category:<10} {right:>4}/{count:<4} {100 * right / count:5.1f}%"
                    f"  asked {asked:<3} wrong {wrong}"
                )
                for i, v in enumerate((right, asked, wrong, count)):
                    totals[i] += v
        right, asked, wrong, count = totals
        share = 100 * right / max(count, 1)
        print(f"TOTAL {right}/{count} {share:.1f}%  asked {asked}  wrong {wrong}")


if __name__ == "__main__":
    main(sys.argv[1:])
