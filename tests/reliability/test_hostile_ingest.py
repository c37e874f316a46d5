"""Hostile import files (issue 17 §10, §12): out-of-range dates in every date column, partial
files, unknown event kinds and negative amounts. A bad row is rejected with its line and a
reason, every other row is kept, and nothing prints a traceback or a customer's data."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.cli.main import cli
from bot.database import make_engine
from segmentation.models import Customer, Event, Follow

PHONE = "13912345678"
OUT_OF_RANGE = ("0001-01-01", "9999-12-31T23:59:59-14:00", "1899-12-31T23:59:59Z")

CUSTOMERS = (
    "external_userid,name,gender,city,corp_name,phone,created_at,deleted\n"
    f"ok1,张三,1,上海,,{PHONE},2026-01-01T10:00:00,0\n"
    f"early,李四,2,北京,,{PHONE},{OUT_OF_RANGE[0]},0\n"
    f"late,王五,1,北京,,{PHONE},{OUT_OF_RANGE[1]},0\n"
    f"ancient,赵六,1,北京,,{PHONE},{OUT_OF_RANGE[2]},0\n"
    f"ok2,孙七,2,广州,,{PHONE},,0\n"
)
STAFF = "userid,name,department,role\nzhangsan,张三丰,销售一部,sales\n"
FOLLOWS = (
    "external_userid,userid,added_at,remark\n"
    "ok1,zhangsan,2026-01-02T09:00:00,老客户\n"
    f"ok2,zhangsan,{OUT_OF_RANGE[1]},{PHONE}\n"
)
EVENTS = (
    "event_id,external_userid,kind,occurred_at,amount,properties\n"
    "e1,ok1,order,2026-10-01T00:00:00,100,\n"
    f"e2,ok1,order,{OUT_OF_RANGE[0]},100,\n"
    f"e3,ok1,order,{OUT_OF_RANGE[1]},100,\n"
    "e4,ok2,inquiry,2026-10-02T00:00:00,,\n"
)


def _import(folder: Path, db_url: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["import", str(folder), "--db", db_url], env=env)
    return result.exit_code, result.output + repr(result.exception or "")


def _write(folder: Path, **files: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / f"{name}.csv").write_text(text, encoding="utf-8")
    return folder


def _rows(db_url: str, model: type, *columns: str) -> dict[str, tuple[object, ...]]:
    engine = make_engine(db_url)
    table = model.__table__  # type: ignore[attr-defined]
    key = table.primary_key.columns.values()[0] if model is not Follow else table.c.id
    with engine.connect() as conn:
        rows = conn.execute(select(key, *(table.c[c] for c in columns))).all()
    engine.dispose()
    return {str(row[0]): tuple(row[1:]) for row in rows}


def test_out_of_range_dates_in_every_date_column_are_rejected_rows(
    fresh_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    db_url = fresh_database_url("dates")
    folder = _write(
        tmp_path / "d", customers=CUSTOMERS, staff=STAFF, follows=FOLLOWS, events=EVENTS
    )

    code, output = _import(folder, db_url)

    assert code == 1, output
    assert "Traceback" not in output and PHONE not in output, output
    for where in ("customers.csv:3", "customers.csv:4", "customers.csv:5", "follows.csv:3"):
        assert f"{where}:" in output, output
    assert "events.csv:3: occurred_at: out of range" in output, output
    assert "events.csv:4: occurred_at: out of range" in output, output
    assert set(_rows(db_url, Customer)) == {"ok1", "ok2"}
    assert set(_rows(db_url, Event)) == {"e1", "e4"}
    assert len(_rows(db_url, Follow)) == 1


def test_a_partial_customers_file_changes_only_its_columns(
    fresh_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    db_url = fresh_database_url("partial")
    full = (
        "external_userid,name,gender,city,corp_name,phone,created_at,deleted\n"
        f"c1,张三,1,上海,甲公司,{PHONE},2026-01-01T10:00:00,0\n"
        f"c2,李四,2,北京,,{PHONE},,1\n"
    )
    assert _import(_write(tmp_path / "full", customers=full), db_url)[0] == 0
    partial = "external_userid,city\nc1,杭州\nc2,深圳\nc3,南京\n"

    code, output = _import(_write(tmp_path / "partial", customers=partial), db_url)

    assert code == 0, output
    rows = _rows(db_url, Customer, "name", "gender", "city", "corp_name", "phone", "deleted")
    assert rows["c1"] == ("张三", 1, "杭州", "甲公司", PHONE, False)
    # Still deleted: a file without a `deleted` column revives nobody.
    assert rows["c2"] == ("李四", 2, "深圳", None, PHONE, True)
    assert rows["c3"] == ("", 0, "南京", None, None, False)


def test_partial_events_and_follows_files_keep_the_absent_fields(
    fresh_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    db_url = fresh_database_url("partialev")
    customers = "external_userid,name\nc1,张三\n"
    follows = "external_userid,userid,added_at,remark\nc1,zhangsan,2026-01-02T09:00:00,老客户\n"
    events = (
        "event_id,external_userid,kind,occurred_at,amount,properties\n"
        'e1,c1,order,2026-10-01T00:00:00,199.90,"{""sku"": ""A1""}"\n'
    )
    first = _write(tmp_path / "a", customers=customers, staff=STAFF, follows=follows, events=events)
    assert _import(first, db_url)[0] == 0
    second = _write(
        tmp_path / "b",
        follows="external_userid,userid\nc1,zhangsan\n",
        events="event_id,external_userid,kind,occurred_at\ne1,c1,order,2026-10-01T00:00:00\n",
    )

    code, output = _import(second, db_url)

    assert code == 0, output
    assert _rows(db_url, Event, "amount", "properties")["e1"] == (Decimal("199.90"), {"sku": "A1"})
    (follow,) = _rows(db_url, Follow, "remark", "added_at").values()
    assert follow[0] == "老客户" and follow[1] is not None


def test_unknown_kinds_and_negative_amounts_are_rejected_unless_configured(
    fresh_database_url: Callable[[str], str], tmp_path: Path
) -> None:
    db_url = fresh_database_url("kinds")
    events = (
        "event_id,external_userid,kind,occurred_at,amount\n"
        "e1,c1,order,2026-10-01T00:00:00,100\n"
        "e2,c1,order,2026-10-01T00:00:00,-100\n"
        "e3,c1,refund,2026-10-02T00:00:00,100\n"
        "e4,c1,livestream,2026-10-02T00:00:00,\n"
    )
    folder = _write(tmp_path / "k", customers="external_userid\nc1\n", events=events)

    code, output = _import(folder, db_url)

    assert code == 1, output
    assert "events.csv:3: amount: must not be negative" in output, output
    assert "events.csv:5: kind: unknown event kind 'livestream'" in output, output
    assert set(_rows(db_url, Event)) == {"e1", "e3"}
    # A deployment that names the kind gets it.
    code, output = _import(folder, db_url, env={"SEGBOT_EVENT_KINDS": "livestream"})
    assert "events.csv:5" not in output, output
    assert set(_rows(db_url, Event)) == {"e1", "e3", "e4"}


@pytest.mark.parametrize("value", ["call, demo", "bad kind!"])
def test_event_kinds_setting_is_validated(value: str) -> None:
    from bot.settings import SettingsError, parse_settings

    if value == "bad kind!":
        with pytest.raises(SettingsError, match="SEGBOT_EVENT_KINDS"):
            parse_settings({"SEGBOT_EVENT_KINDS": value})
    else:
        kinds = parse_settings({"SEGBOT_EVENT_KINDS": value}).event_kinds
        assert {"call", "demo", "order", "refund"} <= kinds


def test_a_row_the_database_refuses_is_rejected_alone_without_its_values(
    clean_engine: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net behind validation: a value only the database refuses (here an amount
    beyond a BIGINT of fen, once the validator's bound is lifted) costs its own row only."""
    from datetime import UTC, datetime
    from zoneinfo import ZoneInfo

    from bot.database import make_session_factory
    from bot.services import records
    from bot.services.csv_import import import_directory

    monkeypatch.setattr(records, "MAX_AMOUNT", Decimal("1e40"))
    events = (
        "event_id,external_userid,kind,occurred_at,amount\n"
        "e1,c1,order,2026-10-01T00:00:00,100\n"
        f"e2,c1,order,2026-10-01T00:00:00,1{'0' * 25}\n"
        "e3,c1,order,2026-10-02T00:00:00,7\n"
    )
    folder = _write(tmp_path / "x", customers="external_userid\nc1\n", events=events)
    factory = make_session_factory(clean_engine)  # type: ignore[arg-type]
    now = datetime(2026, 11, 1, tzinfo=UTC)
    report = import_directory(factory, folder, tz=ZoneInfo("Asia/Shanghai"), now=now)
    (events_report,) = [f for f in report.files if f.file == "events.csv"]
    (error,) = events_report.errors
    assert error.line == 3 and error.message.startswith("the database refused this row")
    assert "1000000" not in error.message
    with factory() as session:
        assert set(session.scalars(select(Event.event_id))) == {"e1", "e3"}


def test_database_errors_never_quote_the_statement_parameters(clean_engine: object) -> None:
    from sqlalchemy.exc import SQLAlchemyError

    from bot.database import make_session_factory

    factory = make_session_factory(clean_engine)  # type: ignore[arg-type]
    with factory() as session:
        session.add(Customer(external_userid="dup", name="张三", phone=PHONE))
        session.commit()
        session.add(Customer(external_userid="dup", name="张三", phone=PHONE))
        with pytest.raises(SQLAlchemyError) as caught:
            session.commit()
    assert PHONE not in str(caught.value)
