"""The composition root: every part of Deps comes from the settings, built once on first use."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import Engine

from bot.bootstrap import build_deps
from bot.services.answer import answer_json
from bot.settings import load_settings
from tests.segmentation.nlq.fixture import load_fixture

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
BIG = {"key": "big", "names_zh": ["大户客户"], "names_en": ["big accounts"],
       "definition": {"type": "spend", "op": ">=", "value": "500"}}  # fmt: skip


def test_the_chat_answers_with_the_deployments_named_segments(
    clean_engine: Engine, tmp_path: Path
) -> None:
    catalog = tmp_path / "named.json"
    catalog.write_text(json.dumps({"segments": [BIG]}), encoding="utf-8")
    settings = load_settings({"SEGBOT_NAMED_SEGMENTS": str(catalog)}, env_file=None)
    deps = build_deps(settings, engine=clean_engine)
    assert [entry.key for entry in deps.engine_ctx.named.all()] == ["big"]
    with deps.session_factory() as session:
        load_fixture(session)
        session.flush()
        named = answer_json(deps.query(session, "大户客户", as_userid=None, now=NOW))
        spelled = answer_json(
            deps.query(session, "累计消费500元以上的客户", as_userid=None, now=NOW)
        )
    assert named["intent"] == spelled["intent"] != "clarify"
    assert named["customers"] == spelled["customers"] != []


def test_each_part_is_built_once_and_shared(clean_engine: Engine) -> None:
    deps = build_deps(load_settings({}, env_file=None), engine=clean_engine)
    assert deps.engine is clean_engine
    assert deps.session_factory is deps.session_factory
    assert deps.engine_ctx is deps.engine_ctx
    assert deps.plan_context.engine is deps.engine_ctx
    jobs = deps.job_deps()
    assert jobs.factory is deps.session_factory and jobs.pctx is deps.plan_context
    assert deps.gateway is None  # no WeCom settings: callbacks are stored, nothing is sent
