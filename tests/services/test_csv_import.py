"""`segbot import` service: idempotency, bad rows, time zones, decimals, deleted customers."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from bot.database import make_session_factory
from bot.services.csv_import import ImportDirectoryError, import_directory
from segmentation.models import Customer, CustomerTag, Department, Event, Follow, Staff, Tag

TZ = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=TZ)

CUSTOMERS = """external_userid,name,gender,city,corp_name,phone,created_at,deleted
wm1,张三,1,上海,甲公司,13800000000,2026-01-01T10:00:00,0
wm2,李四,2,北京,,,,1
wm3,王五,0,,,,,0
"""
STAFF = """userid,name,department,role
zhangsan,张三丰,销售一部,sales
lisi,李思,销售一部,manager
"""
FOLLOWS = """external_userid,userid,added_at,remark
wm1,zhangsan,2026-01-02 09:00:00,老客户
wm2,lisi,,
"""
TAGS = """tag_id,name,group_name
t1,VIP,客户等级
t2,高意向,意向
"""
CUSTOMER_TAGS = """external_userid,tag_id,userid
wm1,t1,zhangsan
wm1,t2,
"""
EVENTS = """event_id,external_userid,kind,occurred_at,amount,properties
e1,wm1,order,2026-10-01 00:00:00,1999.99,"{""sku"": ""A1""}"
e2,wm1,inquiry,2026-10-02T08:00:00+08:00,,
e3,wm2,Order,2026-10-03T00:00:00Z,0.1,
"""


def write(directory: Path, **files: str) -> Path:
    for name, text in files.items():
        (directory / f"{name}.csv").write_text(text, encoding="utf-8")
    return directory


def full_set(directory: Path) -> Path:
    return write(
        directory,
        customers=CUSTOMERS,
        staff=STAFF,
        follows=FOLLOWS,
        tags=TAGS,
        customer_tags=CUSTOMER_TAGS,
        events=EVENTS,
    )


def run(engine, directory: Path):
    return import_directory(make_session_factory(engine), directory, tz=TZ, now=NOW)


def counts(report):
    return {f.file: (f.inserted, f.updated, f.unchanged, f.rejected) for f in report.files}


def test_import_loads_every_file(clean_engine, session, tmp_path):
    report = run(clean_engine, full_set(tmp_path))
    assert report.rejected == 0
    assert counts(report)["events.csv"] == (3, 0, 0, 0)
    assert session.scalar(select(func.count()).select_from(Customer)) == 3
    assert session.scalar(select(func.count()).select_from(Follow)) == 2
    assert session.scalar(select(func.count()).select_from(CustomerTag)) == 2
    assert session.scalar(select(func.count()).select_from(Tag)) == 2
    assert session.get(Staff, "lisi").role == "manager"
    assert session.scalars(select(Department.name)).all() == ["销售一部"]


def test_importing_twice_changes_nothing(clean_engine, session, tmp_path):
    directory = full_set(tmp_path)
    run(clean_engine, directory)
    before = [tuple(r) for r in session.execute(select(Event.event_id, Event.amount))]
    second = run(clean_engine, directory)
    for file in second.files:
        assert (file.inserted, file.updated, file.rejected) == (0, 0, 0), file.file
    assert [tuple(r) for r in session.execute(select(Event.event_id, Event.amount))] == before


def test_changed_row_is_updated_on_reimport(clean_engine, session, tmp_path):
    run(clean_engine, full_set(tmp_path))
    write(tmp_path, customers=CUSTOMERS.replace("wm3,王五,0,,", "wm3,王五,0,杭州,"))
    report = run(clean_engine, tmp_path)
    assert counts(report)["customers.csv"] == (0, 1, 2, 0)
    session.expire_all()
    assert session.get(Customer, "wm3").city == "杭州"


def test_bad_rows_are_reported_with_file_and_line_and_the_rest_load(
    clean_engine, session, tmp_path
):
    write(
        tmp_path,
        customers=CUSTOMERS + "wm4,坏性别,9,,,,,0\n,无ID,1,,,,,0\nwm5,好人,1,深圳,,,,0\n",
        events=EVENTS + "e4,wm1,order,2026-13-01,,\ne5,wm1,order,2026-10-01,abc,\n"
        "e6,wm1,order,2026-10-01,5,[1]\ne7,wm1,Bad Kind,2026-10-01,,\n",
    )
    report = run(clean_engine, tmp_path)
    errors = {str(e) for f in report.files for e in f.errors}
    assert "customers.csv:5: gender: must be 0 (unknown), 1 (male) or 2 (female)" in errors
    assert "customers.csv:6: external_userid: is required" in errors
    assert any(e.startswith("events.csv:5: occurred_at:") for e in errors)
    assert any(e.startswith("events.csv:6: amount:") for e in errors)
    assert any(e.startswith("events.csv:7: properties:") for e in errors)
    assert any(e.startswith("events.csv:8: kind:") for e in errors)
    assert report.rejected == 6
    assert session.get(Customer, "wm5").city == "深圳"
    assert session.scalar(select(func.count()).select_from(Event)) == 3


def test_time_without_offset_is_in_the_deployment_time_zone(clean_engine, session, tmp_path):
    run(clean_engine, write(tmp_path, customers=CUSTOMERS, events=EVENTS))
    assert session.get(Event, "e1").occurred_at == datetime(2026, 9, 30, 16, 0, tzinfo=UTC)
    assert session.get(Event, "e2").occurred_at == datetime(2026, 10, 2, 0, 0, tzinfo=UTC)
    assert session.get(Event, "e3").occurred_at == datetime(2026, 10, 3, 0, 0, tzinfo=UTC)


def test_amounts_are_exact_decimals(clean_engine, session, tmp_path):
    many = "".join(f"x{i},wm1,order,2026-10-01,0.10,\n" for i in range(30))
    run(clean_engine, write(tmp_path, customers=CUSTOMERS, events=EVENTS + many))
    assert session.get(Event, "e1").amount == Decimal("1999.99")
    total = session.scalar(select(func.sum(Event.amount)).where(Event.event_id.like("x%")))
    assert total == Decimal("3.00")


def test_deleted_customer_is_kept_and_marked(clean_engine, session, tmp_path):
    run(clean_engine, write(tmp_path, customers=CUSTOMERS))
    deleted = session.get(Customer, "wm2")
    assert deleted.deleted is True
    assert deleted.deleted_at is not None


def test_follow_for_unknown_customer_or_staff_is_rejected(clean_engine, tmp_path):
    follows = FOLLOWS + "wm404,zhangsan,,\nwm1,nobody,,\n"
    report = run(clean_engine, write(tmp_path, customers=CUSTOMERS, staff=STAFF, follows=follows))
    errors = {str(e) for f in report.files for e in f.errors}
    assert errors == {
        "follows.csv:4: unknown customer wm404",
        "follows.csv:5: unknown staff member nobody",
    }


def test_missing_required_column_rejects_the_file_with_a_clear_message(clean_engine, tmp_path):
    write(tmp_path, customers=CUSTOMERS, events="id,kind\n1,order\n")
    report = run(clean_engine, tmp_path)
    (error,) = [e for f in report.files for e in f.errors]
    assert error.file == "events.csv"
    assert "missing column(s) event_id, external_userid, occurred_at" in error.message


def test_bom_and_invalid_utf8_rows(clean_engine, session, tmp_path):
    (tmp_path / "customers.csv").write_bytes(
        "\ufeff".encode() + CUSTOMERS.encode() + b"wm9,\xff\xfe,1,,,,,0\n"
    )
    report = run(clean_engine, tmp_path)
    (error,) = report.files[0].errors
    assert (error.line, error.message) == (5, "not valid UTF-8 (save the file as UTF-8)")
    assert session.get(Customer, "wm1").name == "张三"


def test_duplicate_key_in_one_file_is_rejected(clean_engine, tmp_path):
    report = run(clean_engine, write(tmp_path, customers=CUSTOMERS + "wm1,又是张三,1,,,,,0\n"))
    (error,) = report.files[0].errors
    assert error.line == 5 and "duplicate of line 2" in error.message


def test_events_import_without_a_customers_csv(clean_engine, session, tmp_path):
    (tmp_path / "customers").mkdir()
    (tmp_path / "events").mkdir()
    run(clean_engine, write(tmp_path / "customers", customers=CUSTOMERS))
    report = run(clean_engine, write(tmp_path / "events", events=EVENTS))
    assert report.rejected == 0
    assert counts(report) == {"events.csv": (3, 0, 0, 0)}
    assert session.scalar(select(func.count()).select_from(Event)) == 3


def test_directory_without_any_import_file_is_refused(clean_engine, tmp_path):
    (tmp_path / "notes.txt").write_text("nothing to import", encoding="utf-8")
    with pytest.raises(ImportDirectoryError, match=r"none of the import files"):
        run(clean_engine, tmp_path)


def test_small_chunks_give_the_same_result(clean_engine, session, tmp_path):
    rows = "".join(f"c{i},客户{i},1,上海,,,,0\n" for i in range(53))
    write(tmp_path, customers=CUSTOMERS + rows)
    report = import_directory(
        make_session_factory(clean_engine), tmp_path, tz=TZ, now=NOW, chunk_size=7
    )
    assert counts(report)["customers.csv"] == (56, 0, 0, 0)
    assert session.scalar(select(func.count()).select_from(Customer)) == 56


def test_unterminated_quote_is_reported_not_loaded(clean_engine, session, tmp_path):
    broken = CUSTOMERS + 'wm7,"没有结束的引号,1,上海,,,,0\nwm8,赵六,1,北京,,,,0\n'
    report = run(clean_engine, write(tmp_path, customers=broken))
    (error,) = report.files[0].errors
    assert error.line == 5 and "unterminated quote" in error.message
    assert session.get(Customer, "wm7") is None
    assert session.get(Customer, "wm1") is not None


def test_quoted_field_over_several_lines_is_fine(clean_engine, session, tmp_path):
    text = CUSTOMERS + 'wm7,"两行\n的名字",1,上海,,,,0\n'
    report = run(clean_engine, write(tmp_path, customers=text))
    assert report.rejected == 0
    assert session.get(Customer, "wm7").name == "两行\n的名字"


CHANNEL_FOLLOWS = """external_userid,userid,added_at,remark,add_way,state
wm1,zhangsan,2026-01-02 09:00:00,老客户,1,展会2026
wm2,lisi,,,搜索手机号,
wm3,zhangsan,,,,
"""


def follow_channel(session, ext: str, userid: str) -> tuple[int | None, str | None]:
    follow = session.scalar(
        select(Follow).where(Follow.external_userid == ext, Follow.userid == userid)
    )
    return follow.add_way, follow.state


def test_follows_carry_add_way_code_or_name_and_channel_state(clean_engine, session, tmp_path):
    write(tmp_path, customers=CUSTOMERS, staff=STAFF, follows=CHANNEL_FOLLOWS)
    report = run(clean_engine, tmp_path)
    assert report.rejected == 0
    assert follow_channel(session, "wm1", "zhangsan") == (1, "展会2026")
    assert follow_channel(session, "wm2", "lisi") == (2, None)  # the documented name reads
    assert follow_channel(session, "wm3", "zhangsan") == (None, None)


def test_a_file_without_channel_columns_keeps_the_synced_channel(clean_engine, session, tmp_path):
    run(clean_engine, write(tmp_path, customers=CUSTOMERS, staff=STAFF, follows=CHANNEL_FOLLOWS))
    write(tmp_path, follows=FOLLOWS.replace("老客户", "老朋友"))
    report = run(clean_engine, tmp_path)
    assert counts(report)["follows.csv"] == (0, 1, 1, 0)
    session.expire_all()
    assert follow_channel(session, "wm1", "zhangsan") == (1, "展会2026")


def test_bad_add_way_or_state_rejects_the_row_with_its_line(clean_engine, session, tmp_path):
    bad = CHANNEL_FOLLOWS + "wm1,lisi,,,扫一扫吧,\nwm2,zhangsan,,,1," + "码" * 65 + "\n"
    write(tmp_path, customers=CUSTOMERS, staff=STAFF, follows=bad)
    report = run(clean_engine, tmp_path)
    errors = {str(e) for f in report.files for e in f.errors}
    assert any(e.startswith("follows.csv:5: add_way: not a WeCom add_way code") for e in errors)
    assert "follows.csv:6: state: longer than 64 characters" in errors
    assert session.scalar(select(func.count()).select_from(Follow)) == 3


def _tag_changes(session) -> list[tuple[str, str, str, str]]:
    from segmentation.models import CustomerTagChange

    rows = session.execute(
        select(
            CustomerTagChange.external_userid,
            CustomerTagChange.userid,
            CustomerTagChange.tag_id,
            CustomerTagChange.change,
        ).where(CustomerTagChange.change != "start")
    )
    return sorted(tuple(r) for r in rows)


def test_imported_tags_write_tag_history_as_a_sync_does(clean_engine, session, tmp_path):
    """A first import says nothing of when its tags were put on; a tag imported later on a
    follow already known is a change at the import's time, and so is one on a follow made
    in the last day (tag_history, as bot.services.sync_upsert records them)."""
    run(clean_engine, full_set(tmp_path))
    assert _tag_changes(session) == []
    later = tmp_path / "later"
    later.mkdir()
    write(later, customer_tags="external_userid,tag_id,userid\nwm1,t2,zhangsan\n")
    run(clean_engine, later)
    assert _tag_changes(session) == [("wm1", "zhangsan", "t2", "added")]
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    just_added = (NOW.replace(tzinfo=None)).strftime("%Y-%m-%d %H:%M:%S")
    write(
        fresh,
        follows=f"external_userid,userid,added_at,remark\nwm3,lisi,{just_added},\n",
        customer_tags="external_userid,tag_id,userid\nwm3,t1,lisi\n",
    )
    run(clean_engine, fresh)
    assert ("wm3", "lisi", "t1", "added") in _tag_changes(session)
