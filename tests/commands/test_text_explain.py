"""An explanation of a company or remark condition says what the customer's company and
each live follow's remark are (#21), in the asker's language."""

from __future__ import annotations

from bot.commands.explain import _facts


def test_company_and_remarks_are_said() -> None:
    assert _facts({"company": "華為技術"}, None, "zh") == "公司：華為技術"  # type: ignore[arg-type]
    assert _facts({"company": None}, None, "en") == "company: —"  # type: ignore[arg-type]
    remarks = {"remarks": [{"userid": "s1", "remark": "大老板"}, {"userid": "s2", "remark": None}]}
    assert _facts(remarks, None, "zh") == "备注：s1：大老板"  # type: ignore[arg-type]
    assert _facts({"remarks": []}, None, "en") == "remarks: none"  # type: ignore[arg-type]
