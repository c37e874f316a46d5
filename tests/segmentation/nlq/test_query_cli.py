"""`segbot query` through click: the JSON of interfaces.md and the exit codes."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import Engine

from bot.cli.main import cli
from bot.database import make_session_factory
from tests.segmentation.nlq.fixture import load_fixture

NOW = "2026-11-01T10:00:00+08:00"


def _run(db_url: str, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["query", *args, "--now", NOW, "--db", db_url])
    return result.exit_code, result.output


def _load(engine: Engine) -> None:
    with make_session_factory(engine)() as session:
        load_fixture(session)
        session.commit()


def test_understood_query_prints_segment_and_every_customer(
    clean_engine: Engine, db_url: str
) -> None:
    _load(clean_engine)
    code, out = _run(db_url, "近30天有咨询但未下单的客户", "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["intent"] == "list"
    assert answer["customers"] == ["c01", "c02", "c09", "c12"]
    assert answer["count"] == 4
    assert answer["segment"]["version"] == 1
    assert "10月2日–11月1日" in answer["description"]
    # A window across years names the year at both ends.
    _code, out = _run(db_url, "近12个月下过单的客户", "--json")
    assert "2025年11月1日–2026年11月1日" in json.loads(out)["description"]


def test_unknown_tag_is_asked_back_with_exit_3(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    code, out = _run(db_url, "打了“高意象”标签的客户", "--json")
    assert code == 3
    answer = json.loads(out)
    assert answer["intent"] == "clarify"
    assert "高意向" in answer["suggestions"]


def test_push_is_only_previewed(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    code, out = _run(db_url, "给VIP客户发一张满100减20的券", "--json")
    assert code == 0
    answer = json.loads(out)
    assert answer["intent"] == "push"
    assert answer["needs_confirmation"] is True
    assert answer["coupon"] == "满100减20"
    assert answer["customers"] == ["c01", "c04", "c06", "c13"]


def test_as_a_sales_member_sees_only_own_customers(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    code, out = _run(db_url, "VIP客户", "--json", "--as", "zhangsan")
    assert code == 0
    assert json.loads(out)["customers"] == ["c01", "c13"]


def test_unknown_member_is_refused(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    code, out = _run(db_url, "VIP客户", "--json", "--as", "stranger")
    assert code == 3
    assert json.loads(out)["intent"] == "refused"


def test_human_output_states_the_count(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    code, out = _run(db_url, "how many VIP customers")
    assert code == 0
    assert "customers who are tagged “VIP”: 4" in out


def test_describe_answers_with_persona_and_scorecard(clean_engine: Engine, db_url: str) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    code, out = _run(db_url, "分析一下近30天有咨询的客户", "--json")
    answer = json.loads(out)
    assert code == 0 and answer["intent"] == "describe"
    scorecard = answer["scorecard"]
    assert scorecard["size"] == answer["count"] == len(answer["customers"])
    assert scorecard["base_size"] >= scorecard["size"] > 0
    for entry in answer["persona"]:
        assert entry["share"] > entry["base_share"] > 0
        assert abs(entry["lift"] - entry["share"] / entry["base_share"]) < 0.01
    assert answer["sketch"]


def test_these_customers_without_context_is_asked_back_not_everyone(
    clean_engine: Engine, db_url: str
) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    for text in ("给这些客户打上待跟进标签", "tag them with VIP", "把这些导出"):
        code, out = _run(db_url, text, "--json")
        assert (code, json.loads(out)["intent"]) == (3, "clarify"), text


def test_new_tag_and_segment_names_keep_the_askers_spelling(
    clean_engine: Engine, db_url: str
) -> None:
    _load(clean_engine)
    cases = {
        "tag VIP customers with FollowUp": ("tag", "FollowUp"),
        "給VIP客戶打上待跟進標籤": ("tag", "待跟進"),
        # an untag names a tag the company has (one it has not is asked back), as typed
        "remove the 待跟進 tag from VIP customers": ("untag", "待跟進"),
        "save VIP customers as segment KeyAccounts": ("save", "KeyAccounts"),
    }
    for text, (intent, name) in cases.items():
        _code, out = _run(db_url, text, "--json")
        answer = json.loads(out)
        assert (answer["intent"], answer.get("tag") or answer.get("name")) == (intent, name), text


def test_message_text_is_kept_exactly_as_typed(clean_engine: Engine, db_url: str) -> None:
    with make_session_factory(clean_engine)() as session:
        load_fixture(session)
        session.commit()
    cases = {
        "给VIP客户发消息：老朋友回馈，本周下单享9折": "老朋友回馈，本周下单享9折",
        "給VIP客戶發訊息：老朋友回饋，本週下單享9折": "老朋友回饋，本週下單享9折",
        "给VIP客户发消息“新品到店，欢迎来看看！”": "新品到店，欢迎来看看！",
        "message VIP customers: Come back, 10% OFF this week": "Come back, 10% OFF this week",
        'send VIP customers a message "We miss you!"': "We miss you!",
        'message VIP customers "New arrivals"': "New arrivals",
    }
    for text, message in cases.items():
        _code, out = _run(db_url, text, "--json")
        answer = json.loads(out)
        assert (answer["intent"], answer.get("message")) == ("push", message), text
        assert "coupon" not in answer and answer["needs_confirmation"] is True


def test_a_send_on_one_later_day_runs_once_not_read_as_a_filter(
    clean_engine: Engine, db_url: str
) -> None:
    _load(clean_engine)
    for text, date in (
        ("明天上午10点给VIP客户发消息“新品到店”", "2026-11-02"),
        ("下周一给VIP客户发一张满100减20的券", "2026-11-02"),
        ('tomorrow at 10am send VIP customers a message "New arrivals"', "2026-11-02"),
    ):
        _code, out = _run(db_url, text, "--json")
        answer = json.loads(out)
        assert answer["intent"] == "schedule", text
        assert answer["schedule"] == {"every": "once", "date": date, "time": "10:00"}, text
    code, out = _run(db_url, "下周给VIP客户发一张满100减20的券", "--json")
    answer = json.loads(out)
    assert (code, answer["intent"]) == (3, "clarify")
    assert "哪一天" in answer["message"]


def test_negations_are_restated_as_plain_sentences(clean_engine: Engine, db_url: str) -> None:
    _load(clean_engine)
    cases = {
        "non-VIP customers": "customers who are not tagged “VIP”",
        "customers who didn't order or visit": "have never ordered and have never visited",
        "上个月新加的客户中还没下单的": "且 从未下单",
        "customers added last month who haven't ordered yet": "and have never ordered",
        "不在上海的客户": "不在上海的客户",
        "不是VIP的客户": "没有“VIP”标签的客户",
    }
    for text, said in cases.items():
        _code, out = _run(db_url, text, "--json")
        assert said in json.loads(out)["description"], text


def test_a_deployments_named_segments_file_overrides_the_shipped_definitions(
    clean_engine: Engine, db_url: str, tmp_path, monkeypatch
) -> None:
    _load(clean_engine)
    big_spenders = json.loads(_run(db_url, "累计消费500元以上的客户", "--json")[1])["customers"]
    code, _ = _run(db_url, "大户客户", "--json")
    assert code == 3  # not a named segment of the shipped catalogue: asked back
    catalog = tmp_path / "named.json"
    big = {"key": "big", "names_zh": ["大户客户"], "names_en": ["big accounts"],
           "definition": {"type": "spend", "op": ">=", "value": "500"}}  # fmt: skip
    catalog.write_text(json.dumps({"segments": [big]}), encoding="utf-8")
    monkeypatch.setenv("SEGBOT_NAMED_SEGMENTS", str(catalog))
    code, out = _run(db_url, "大户客户", "--json")
    assert code == 0 and json.loads(out)["customers"] == big_spenders


def test_a_broken_named_segments_file_stops_the_command_with_one_line(
    db_url: str, tmp_path, monkeypatch
) -> None:
    catalog = tmp_path / "named.json"
    catalog.write_text('{"segments": [{"key": 1}]}', encoding="utf-8")
    monkeypatch.setenv("SEGBOT_NAMED_SEGMENTS", str(catalog))
    code, out = _run(db_url, "沉睡客户")
    assert code == 2 and "SEGBOT_NAMED_SEGMENTS" in out and "Traceback" not in out
    monkeypatch.setenv("SEGBOT_NAMED_SEGMENTS", str(tmp_path / "missing.json"))
    code, out = _run(db_url, "沉睡客户")
    assert code == 2 and "cannot read" in out
