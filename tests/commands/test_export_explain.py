"""Export (.xlsx, masked phones), explain (agrees with membership), count history, describe."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from openpyxl import load_workbook

from bot.models.inbox import AuditEntry
from segmentation.models import Staff
from tests.commands.chatworld import NO_ORDER_ZHANG, ZHANG
from tests.commands.conftest import ChatRig

SEGMENT = "近30天咨询未下单的客户"


def test_an_export_is_an_xlsx_file_with_masked_phones_and_a_count_line(rig: ChatRig) -> None:
    with rig.factory() as session:  # lisi now manages zhangsan's department
        staff = session.get(Staff, "lisi")
        assert staff is not None
        staff.role = "manager"
        session.commit()
    [reply] = rig.tell("lisi", f"导出张三的客户里{SEGMENT}")
    assert reply.text.startswith("由张三跟进")
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in reply.text and "手机号已打码" in reply.text
    [upload] = rig.gateway.state.uploads
    assert upload["type"] == "file" and upload["filename"].endswith(".xlsx")
    files = [m for m in rig.gateway.sent if m["msgtype"] == "file"]
    assert [f["file"]["media_id"] for f in files] == [upload["media_id"]]
    assert reply.attachment is not None
    sheet = load_workbook(io.BytesIO(reply.attachment.content)).active
    header, *rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert header[:2] == ["客户ID", "姓名"] and header[4] == "手机号"
    assert sorted(r[0] for r in rows) == NO_ORDER_ZHANG
    assert all(r[4].startswith("138****") and len(r[4]) == 11 for r in rows)
    assert all("13800000" not in str(cell) for r in rows for cell in r)


def test_explain_says_why_a_member_is_in_and_a_non_member_is_not(rig: ChatRig) -> None:
    [inside] = rig.tell("zhangsan", f"为什么张客户01在{SEGMENT}里")
    assert inside.text.startswith("张客户01 在")
    assert "✓" in inside.text and "✗" not in inside.text.split("\n", 1)[1].split("\n")[0]
    [outside] = rig.tell("zhangsan", f"为什么张客户05在{SEGMENT}里")
    assert outside.text.startswith("张客户05 不在")
    assert "下单 1 次" in outside.text  # the fact that broke it


def test_explain_agrees_with_membership_for_every_visible_customer(rig: ChatRig) -> None:
    for eid, name in ZHANG.items():
        if name == "王芳":
            continue
        [reply] = rig.tell("zhangsan", f"为什么{name}在{SEGMENT}里")
        assert reply.text.startswith(f"{name} 在" if eid in NO_ORDER_ZHANG else f"{name} 不在")


def test_explain_finds_a_customer_by_external_userid_too(rig: ChatRig) -> None:
    eid, name = next((e, n) for e, n in ZHANG.items() if e in NO_ORDER_ZHANG and n != "王芳")
    [reply] = rig.tell("zhangsan", f"为什么{eid}在{SEGMENT}里")
    assert reply.text.startswith(f"{name} 在")


def test_explain_in_english_with_a_or_an(rig: ChatRig) -> None:
    question = "a customer who inquired in the last 30 days but didn't order"
    [reply] = rig.tell("zhangsan", f"why isn't wmA05 {question}")
    assert reply.text.startswith("张客户05 is not in"), reply.text
    [reply] = rig.tell("zhangsan", f"why is wmA01 {question}")
    assert reply.text.startswith("张客户01 is in"), reply.text


def test_explain_asks_back_when_several_customers_share_the_name(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", f"为什么王芳在{SEGMENT}里")
    assert "有 2 位客户叫“王芳”" in reply.text


def test_explain_never_reaches_outside_the_scope(rig: ChatRig) -> None:
    [reply] = rig.tell("lisi", f"为什么张客户01在{SEGMENT}里")
    assert reply.text == "在您能查看的客户中没有找到“张客户01”。"


def test_explain_about_this_segment_uses_the_previous_answer(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    [reply] = rig.tell("zhangsan", "为什么张客户05在这个分群里")
    assert reply.text.startswith("张客户05 不在“近30天")


def test_a_count_says_yesterdays_and_last_weeks_size_when_known(rig: ChatRig) -> None:
    question = f"{SEGMENT}有多少"
    [first] = rig.tell("zhangsan", question)
    assert "昨天" not in first.text  # nothing known: omitted, not invented
    week_later = rig.later(timedelta(days=7, hours=1))
    week_later.tell("zhangsan", question)
    [third] = week_later.later(timedelta(days=1)).tell("zhangsan", question)
    assert f"昨天：{len(NO_ORDER_ZHANG)} 人；一周前：未知" in third.text
    with rig.factory() as session:
        keys = {e.detail["segment_key"] for e in session.query(AuditEntry) if e.detail}
    assert len(keys) == 1


def test_describe_replies_with_markdown_and_a_chart(
    rig: ChatRig, monkeypatch: pytest.MonkeyPatch
) -> None:
    import segmentation.insights.describe as describe_module

    calls: list[object] = []
    real = describe_module.describe_segment

    def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(describe_module, "describe_segment", counted)
    replies = rig.tell("zhangsan", f"分析一下{SEGMENT}")
    assert len(calls) == 1  # the answer's description is drawn, not computed again
    assert replies[0].markdown and replies[0].text.startswith("近30天")
    assert replies[1].attachment is not None and replies[1].attachment.kind == "image"
    assert replies[1].attachment.content[:4] == b"\x89PNG"
    assert [m["msgtype"] for m in rig.gateway.sent] == ["markdown", "image"]


def test_help_answers_with_examples_in_the_members_language(rig: ChatRig) -> None:
    assert "打标签" in rig.tell("zhangsan", "帮助")[0].text
    assert "Confirm" in rig.tell("zhangsan", "help")[0].text


def test_saving_a_new_name_saves_at_once_and_replacing_asks_first(rig: ChatRig) -> None:
    [saved] = rig.tell("zhangsan", f"把{SEGMENT}保存为“热线”")
    assert saved.text.startswith("已保存分群“热线”")
    [card_reply] = rig.tell("zhangsan", "把近30天有咨询的客户保存为“热线”")
    assert card_reply.card is not None
    rig.tell("zhangsan", "确认")
    [count] = rig.tell("zhangsan", "“热线”分群有多少")
    assert f"共 {len(ZHANG)} 人" in count.text


def test_an_export_over_the_wecom_file_limit_is_refused_with_the_reason(
    rig: ChatRig, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("bot.commands.export.MAX_FILE_BYTES", 1000)
    [reply] = rig.tell("zhangsan", f"导出{SEGMENT}")
    assert "超过企业微信 20 MB 的文件上限" in reply.text
    assert rig.gateway.state.uploads == []


def test_a_bare_export_or_describe_is_about_the_previous_answer(rig: ChatRig) -> None:
    rig.tell("zhangsan", SEGMENT)
    [exported] = rig.tell("zhangsan", "导出")
    assert exported.attachment is not None and f"共 {len(NO_ORDER_ZHANG)} 人" in exported.text
    sheet = load_workbook(io.BytesIO(exported.attachment.content)).active
    assert sorted(r[0] for r in list(sheet.iter_rows(values_only=True))[1:]) == NO_ORDER_ZHANG
    described = rig.tell("zhangsan", "分析一下这些客户")
    assert described[0].markdown and described[0].text.startswith("近30天")
    [counted] = rig.tell("zhangsan", "这些客户有多少")
    assert str(len(NO_ORDER_ZHANG)) in counted.text
    # "these" plus conditions narrows the previous answer (it used to be asked back).
    [narrowed] = rig.tell("zhangsan", "这些客户里张三的有多少")
    assert narrowed.text.startswith("近30天") and "张三" in narrowed.text
    assert f"共 {len(NO_ORDER_ZHANG)} 人" in narrowed.text


def test_a_bare_export_without_a_previous_answer_is_asked_back(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "导出")
    assert reply.attachment is None and rig.gateway.state.uploads == []
