"""CSV files and chat text from the wild: per-row errors with file and line, the good rows
loaded, exit 1, no traceback; any chat text gets an answer or a question back."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.cli.main import cli
from bot.database import make_engine
from bot.services.query import run_query
from segmentation.engine import default_context
from segmentation.models import Customer
from tests.segmentation.factory import NOW, TZ, load, random_dataset

HEADER = "external_userid,name,gender,city,corp_name,phone,created_at,deleted\n"
GOOD = ["good1,张三,1,上海,,,2026-01-01T10:00:00,0\n", "good2,李四,2,北京,,,,0\n"]
BAD_ROWS = [
    "bad-gender,王五,7,,,,,0\n",
    ",无编号,1,,,,,0\n",
    "bad-time,赵六,1,,,,2026-13-45,0\n",
    "bad-deleted,孙七,1,,,,,maybe\n",
    "nul\x00id,周八,1,,,,,0\n",
    "huge," + "名" * 200_000 + ",1,,,,,0\n",
    "extra,吴九,1,,,,,0,surplus,columns\n",
]
ANSWERS = {"clarify", "list", "count", "export", "help", "more", "refused", "show_saved",
           "breakdown", "customer", "changes", "digest", "describe"}  # fmt: skip


def _import(tmp: Path, db_url: str, name: str, content: bytes) -> tuple[int, str]:
    folder = tmp / name
    folder.mkdir()
    (folder / "customers.csv").write_bytes(content)
    result = CliRunner().invoke(cli, ["import", str(folder), "--db", db_url])
    return result.exit_code, result.output + str(result.exception or "")


def _loaded(db_url: str) -> set[str]:
    engine = make_engine(db_url)
    with engine.connect() as conn:
        found = set(conn.execute(select(Customer.external_userid)).scalars())
    engine.dispose()
    return found


def test_bad_rows_are_reported_by_line_and_good_rows_are_loaded(
    fresh_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    # `segbot import` creates its schema with the migrations: a database of its own.
    db_url = fresh_database_url("csv")
    # An unterminated quote runs to the end of the file (CSV), so it comes last.
    body = HEADER + GOOD[0] + "".join(BAD_ROWS) + GOOD[1] + 'bad-quote,"未闭合,1,,,,,0\n'

    code, output = _import(tmp_path, db_url, "mixed", body.encode("utf-8-sig"))
    assert code == 1, output
    assert "Traceback" not in output
    assert {"good1", "good2"} <= _loaded(db_url)
    assert "customers.csv" in output
    # Header is line 1, good1 line 2, then the bad rows (line 8, the huge name, is valid).
    for line in (3, 4, 5, 6, 7, 9):
        assert f"customers.csv:{line}:" in output, output


def test_wrong_encodings_are_rejected_cleanly(
    fresh_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    db_url = fresh_database_url("csvenc")
    text = HEADER + "".join(GOOD)
    for name, data in [
        ("gbk", text.encode("gbk")),
        ("utf16", text.encode("utf-16")),
        ("latin1-junk", bytes(range(256)) * 4),
        ("empty", b""),
        ("header-only", HEADER.encode()),
        ("nul-bytes", b"\x00" * 5000),
    ]:
        code, output = _import(tmp_path, db_url, name, data)
        assert code in (0, 1), (name, code, output)
        assert "Traceback" not in output, (name, output)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=60).map(lambda s: s * 170),
    st.sampled_from([
        "'; DROP TABLE customers; --", "上海的客户 OR 1=1", "{{ config.items() }}", "${jndi:ldap://x}",
        "%s%s%s%n", "\x00\x01\x02上海", "近30天 UNION SELECT phone FROM customers", "\u202e客户",
        "🙂" * 3000, "给所有客户发券\r\n\t", "客户" * 5000,
    ]),
))  # fmt: skip
def test_any_chat_text_gets_an_answer_or_a_question(session: Session, text: str) -> None:
    if session.execute(select(Customer.external_userid).limit(1)).first() is None:
        load(session, random_dataset(4))
        session.commit()
    for asker in (None, "s1", "stranger"):
        answer = run_query(session, text, as_userid=asker, now=NOW, ctx=default_context(TZ),
                           admins=frozenset({"boss"}))  # fmt: skip
        assert answer["intent"] in ANSWERS | {"tag", "push", "coupon", "schedule", "save",
                                              "explain", "describe", "compare"}, answer  # fmt: skip
        json.dumps(answer, ensure_ascii=False)
