"""`segbot campaign …` and `segbot coupon redeem` end to end on a database file."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from bot.cli.main import cli
from bot.database import make_engine, make_session_factory
from bot.models import metadata
from bot.models.campaigns import Campaign, Coupon, Delivery
from segmentation.models import Customer, Follow
from segmentation.nodes import All
from segmentation.saved import save_segment
from tests.campaigns.world import add_order, build_world


@pytest.fixture
def db(fresh_database_url, tmp_cwd: Path, monkeypatch: pytest.MonkeyPatch) -> str:  # type: ignore[no-untyped-def]
    for name in ("SEGBOT_WECOM_CORP_ID", "SEGBOT_WECOM_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("SEGBOT_ADMINS", "boss")
    url = fresh_database_url("cli")
    engine = make_engine(url)
    metadata.create_all(engine)
    build_world(engine)
    engine.dispose()
    return url


def _invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_create_run_report_and_redeem_from_the_command_line(db: str) -> None:
    code, out = _invoke(
        "campaign", "create", "--db", db, "--name", "回访", "--as", "boss",
        "--definition", '{"version": 1, "tree": {"type": "all"}}',
        "--at", "2026-03-02T10:00:00", "--message", "券 {coupon_code}",
        "--coupon-kind", "no_threshold", "--coupon-value", "10",
        "--now", "2026-03-01T10:00:00",
    )  # fmt: skip
    assert code == 0, out
    campaign_id = out.split()[1]
    code, out = _invoke("campaign", "list", "--db", db, "--json", "--now", "2026-03-01T10:00")
    assert json.loads(out)[0]["next_run"] == "2026-03-02T10:00:00+08:00"
    code, out = _invoke("campaign", "run", campaign_id, "--db", db, "--now", "2026-03-02T10:00")
    assert code == 0 and "planned only" in out
    # Run again: a once-only campaign resumes its one run; nobody is planned twice.
    code, again = _invoke("campaign", "run", campaign_id, "--db", db, "--now", "2026-03-02T11:00")
    assert code == 0 and "runs once and already ran" in again and "--force" in again
    code, out = _invoke("campaign", "report", campaign_id, "--db", db, "--json")
    report = json.loads(out)
    assert report["treated"]["statuses"] == {"pending": report["treated"]["size"]}
    engine = make_engine(db)
    with make_session_factory(engine)() as s:
        coupon_code, eid = s.execute(select(Coupon.code, Coupon.external_userid)).first()
    engine.dispose()
    redeem = ("coupon", "redeem", coupon_code, "--order", "o-9", "--db", db,
              "--now", "2026-03-03T10:00")  # fmt: skip
    code, out = _invoke(*redeem)
    assert code == 1 and json.loads(out.splitlines()[0])["outcome"] == "order_not_found"
    assert "not redeemed: no order event with that id" in out
    engine = make_engine(db)
    add_order(make_session_factory(engine), eid, datetime(2026, 3, 3, 1, tzinfo=UTC), 9)
    engine.dispose()
    redeem = (*redeem[:3], "--order", f"o-{eid}-9", *redeem[5:])
    code, out = _invoke(*redeem)
    assert code == 0 and json.loads(out)["outcome"] == "redeemed"
    code, out = _invoke(*redeem)
    assert code == 1 and json.loads(out.splitlines()[0])["outcome"] == "already_redeemed"


def test_create_refuses_a_bad_schedule(db: str) -> None:
    code, out = _invoke(
        "campaign", "create", "--db", db, "--name", "x", "--as", "boss",
        "--definition", '{"version": 1, "tree": {"type": "all"}}',
        "--cron", "every day", "--message", "hi",
    )  # fmt: skip
    assert code == 1 and "5 fields" in out


def test_on_enter_from_the_command_line_messages_entrants_only(db: str) -> None:
    engine = make_engine(db)
    with make_session_factory(engine)() as s:
        save_segment(s, "all", All(), owner_userid="boss", now=datetime(2026, 3, 1, tzinfo=UTC))
        s.commit()
    code, out = _invoke(
        "campaign", "create", "--db", db, "--name", "入群欢迎", "--as", "boss", "--segment", "all",
        "--on-enter", "--message", "欢迎", "--now", "2026-03-02T10:00:00",
    )  # fmt: skip
    assert code == 0, out
    campaign_id = out.split()[1]
    assert "39 customer(s) in the segment now are not messaged" in out
    assert "within 5 minute(s)" in out
    code, out = _invoke("campaign", "run", campaign_id, "--db", db, "--now", "2026-03-02T10:03")
    assert code == 0 and "nobody entered since the last check" in out
    with make_session_factory(engine)() as s:
        s.add(Customer(external_userid="wm9999", name="新客"))
        s.add(Follow(external_userid="wm9999", userid="alice", deleted=False,
                     added_at=datetime(2026, 3, 2, 2, 4, tzinfo=UTC)))  # fmt: skip
        s.commit()
    engine.dispose()
    code, out = _invoke("campaign", "run", campaign_id, "--db", db, "--now", "2026-03-02T10:05")
    assert code == 0 and "1 entered since the last check; only they are planned" in out
    assert "run 1: 1 in the audience" in out
    code, out = _invoke("campaign", "run", campaign_id, "--db", db, "--force")
    assert code == 1 and "--force" in out


def test_a_coupon_campaign_from_the_command_line_is_one_text_per_salesperson(db: str) -> None:
    """One campaign code in the text (the same for all of a salesperson's customers: one
    WeCom task each); --per-customer-codes keeps one text, and one task, per customer."""
    for flag, name in (((), "共享码"), (("--per-customer-codes",), "逐个")):
        code, out = _invoke(
            "campaign", "create", "--db", db, "--name", name, "--as", "boss",
            "--definition", '{"version": 1, "tree": {"type": "all"}}',
            "--at", "2026-03-02T10:00:00", "--message", "券 {coupon_code}",
            "--coupon-kind", "threshold", "--coupon-threshold", "100", "--coupon-value", "10",
            "--now", "2026-03-01T10:00:00", *flag,
        )  # fmt: skip
        assert code == 0, out
        campaign_id = int(out.split()[1])
        code, out = _invoke("campaign", "run", str(campaign_id), "--db", db, "--force",
                            "--now", "2026-03-02T10:00")  # fmt: skip
        assert code == 0, out
        engine = make_engine(db)
        with make_session_factory(engine)() as s:
            shared = s.get(Campaign, campaign_id).shared_code
            rows = s.execute(
                select(Delivery.owner_userid, Delivery.content_key, Delivery.external_userid).where(
                    Delivery.campaign_id == campaign_id, Delivery.arm == "treated"
                )
            ).all()
        engine.dispose()
        owners = {owner for owner, _, _ in rows}
        texts = {(owner, key) for owner, key, _ in rows}
        if flag:
            assert shared is None and len(texts) == len(rows) > len(owners)
        else:
            assert shared and len(texts) == len(owners)
