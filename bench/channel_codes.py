"""Benchmark the per-message read of the 渠道活码 codes (the chat's channel words).

    .venv/bin/python -m bench.channel_codes                         # 1M follows, PostgreSQL
    .venv/bin/python -m bench.channel_codes --follows 200000 --db postgresql+psycopg://…

Every chat message reads the vocabulary's sources; the channel codes are the distinct
follows.state values. This fills a scratch schema with --follows follows (a third of them with
one of six codes), then times `read_channel_codes` (a loose scan of ix_follows_state: one index
probe per code) against the plain `SELECT DISTINCT state` it replaces; median of --runs.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from typing import Any

from sqlalchemy import create_engine, text

from bot.database import make_session_factory
from segmentation.nlq.vocabulary import read_channel_codes

CODES = "ARRAY['官网活码','展会2026','门店海报','抖音直播','老客转介绍','Expo-A']"
SCHEMA = "channel_codes_bench"


def _fill(engine: Any, follows: int) -> None:
    with engine.begin() as c:
        c.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE; CREATE SCHEMA {SCHEMA}"))
        c.execute(text(f"SET search_path TO {SCHEMA}"))
        c.execute(text("CREATE TABLE follows (id serial primary key, external_userid "
                       "varchar(64), userid varchar(64), state varchar(64))"))  # fmt: skip
        c.execute(
            text(f"""INSERT INTO follows (external_userid, userid, state)
            SELECT 'c' || g, 'u' || (g % 50),
                   CASE WHEN g % 3 = 0 THEN ({CODES})[1 + (g / 3) % 6] END
            FROM generate_series(1, {follows}) g""")
        )
        c.execute(text("CREATE INDEX ix_follows_state ON follows (state)"))
        c.execute(text("ANALYZE follows"))


def _median_ms(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    parser.add_argument("--follows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    engine = create_engine(args.db)
    _fill(engine, args.follows)
    try:
        with engine.connect() as conn:
            conn.execute(text(f"SET search_path TO {SCHEMA}"))
            session = make_session_factory(engine)(bind=conn)
            loose, codes = _median_ms(lambda: read_channel_codes(session), args.runs)
            plain, same = _median_ms(
                lambda: tuple(r[0] for r in session.execute(
                    text("SELECT DISTINCT state FROM follows WHERE state > '' ORDER BY 1")
                )),
                args.runs,
            )  # fmt: skip
            assert codes == same, (codes, same)
        print(f"{args.follows:,} follows, {len(codes)} codes: read_channel_codes {loose:.1f} ms, "
              f"SELECT DISTINCT {plain:.1f} ms (median of {args.runs})")  # fmt: skip
    finally:
        with engine.begin() as c:
            c.execute(text(f"DROP SCHEMA {SCHEMA} CASCADE"))


if __name__ == "__main__":
    main()
