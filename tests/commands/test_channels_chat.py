"""Channel conditions through chat, synced from the simulated WeCom (add_way, 渠道活码): in
Simplified and Traditional Chinese and English, asked back for an unknown code, broken down
and explained."""

from __future__ import annotations

from tests.commands.conftest import ChatRig


def test_a_channel_code_lists_the_askers_customers_who_came_by_it(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "通过展会2026加的客户")
    print(reply.text)
    assert reply.text.startswith("是通过渠道活码“展会2026”添加的客户")
    assert "张客户01" in reply.text and "张客户02" in reply.text
    assert "李客户01" not in reply.text  # lisi's customer: outside zhangsan's scope


def test_traditional_chinese_add_way_count(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "掃碼添加的客戶有多少")
    print(reply.text)
    assert "3" in reply.text  # wmA01, wmA02, wmA05 scanned a QR code


def test_english_channel_and_add_way(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "customers added from a group chat")
    print(reply.text)
    assert "张客户03" in reply.text and "张客户04" not in reply.text
    [reply] = rig.tell("boss", "how many customers came from channel 展会2026")
    print(reply.text)
    assert "3" in reply.text


def test_an_unknown_code_is_asked_back_with_the_known_ones(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "通过展会活码加的客户")
    print(reply.text)
    assert "展会2026" in reply.text and "“展会”" in reply.text
    [reply] = rig.tell("zhangsan", "customers from channel expo")
    print(reply.text)
    assert "“expo”" in reply.text and "展会2026" in reply.text
    [reply] = rig.tell("zhangsan", "1")  # the pick puts the code in place of "expo"
    print(reply.text)
    assert "张客户01" in reply.text and "张客户02" in reply.text


def test_breakdown_by_channel_names_codes_and_add_ways(rig: ChatRig) -> None:
    text = "\n".join(r.text for r in rig.tell("boss", "按渠道看客户分布"))
    print(text)
    assert "展会2026" in text and "群聊" in text and "搜索手机号" in text
    text = "\n".join(r.text for r in rig.tell("boss", "break down customers by channel"))
    print(text)
    assert "group chat" in text and "phone number search" in text


def test_explain_says_how_the_customer_was_added(rig: ChatRig) -> None:
    [reply] = rig.tell("zhangsan", "为什么张客户03在群聊里加的客户里")
    print(reply.text)
    assert reply.text.startswith("张客户03 在")
    assert "添加方式：zhangsan 群聊" in reply.text
