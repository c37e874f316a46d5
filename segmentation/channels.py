"""How a customer came to a staff member: WeCom's `follow_user.add_way` codes and their names.

WeCom documents the codes of `externalcontact/get`'s `follow_user.add_way` (Doc 92114, 来源定义);
a company's own 渠道活码 code (`state`, set on a 联系我 QR or a 获客链接) is free text and lives
in the follows table, not here. One table, read by the import (a code or its name), the
parser's channel words, restate, explain and the breakdown's group labels.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AddWay:
    code: int
    zh: str  # WeCom's documented name (简体)
    en: str
    # Further ways people say it (normalised: simplified, lower-case); the names count too.
    words: tuple[str, ...] = ()


ADD_WAYS: tuple[AddWay, ...] = (
    AddWay(0, "未知来源", "unknown source", ("来源未知", "unknown")),
    AddWay(1, "扫描二维码", "QR code scan",
           ("扫码", "扫二维码", "扫描二维码", "二维码", "qr code", "qr", "scanning a qr code",
            "scanned a qr code", "scan", "扫一扫", "扫一下码", "扫了码")),
    AddWay(2, "搜索手机号", "phone number search",
           ("搜手机号", "搜索手机", "手机号搜索", "搜索电话", "phone search", "phone number",
            "搜手机号码", "搜电话", "搜电话号码", "搜索电话号码", "搜索手机号码", "搜号码",
            "搜索号码", "手机号码搜索", "电话搜索", "搜手机",
            # Taiwan 搜尋 (normalised 搜寻) and 查 (查手机号加的)
            "搜寻手机号", "搜寻手机号码", "搜寻手机", "搜寻电话", "搜寻电话号码", "搜寻号码",
            "手机号搜寻", "手机号码搜寻", "查手机号", "查手机号码",
            # the number said as the means: 用手机号搜到加的, 用電話號碼搜到
            "用手机号搜到", "用手机号搜", "手机号搜到", "用手机号码搜到", "用手机号码搜",
            "手机号码搜到", "用电话号码搜到", "用电话号码搜", "用电话搜到", "用号码搜到")),
    AddWay(3, "名片分享", "contact card",
           ("名片", "分享名片", "推荐名片", "business card", "contact card", "shared card",
            "推名片", "推的名片", "推过来的名片", "转发名片", "转发的名片", "分享的名片",
            "名片推荐", "推荐的名片", "个人名片", "卡片分享")),
    AddWay(4, "群聊", "group chat", ("群里", "群聊中", "从群", "group chat", "group")),
    AddWay(5, "手机通讯录", "phone contacts",
           ("通讯录", "手机联系人", "address book", "phone contacts", "手机联络人", "电话簿",
            "通讯簿", "手机通讯簿", "电话本", "手机电话簿", "手机里的联系人", "手机通讯录联系人")),
    AddWay(6, "微信联系人", "WeChat contact",
           ("微信好友", "wechat contact", "wechat contacts", "wechat friend", "微信联络人",
            "微信通讯录", "微信里的好友", "微信好友列表", "微信contacts", "微信contact",
            "微信 contacts")),
    AddWay(8, "安装第三方应用时自动添加的客服人员", "a third-party app's service staff",
           ("第三方应用", "third-party app")),
    AddWay(9, "搜索邮箱", "email search", ("邮箱搜索", "搜邮箱", "email search", "email")),
    AddWay(10, "视频号添加", "WeChat Channels", ("视频号", "wechat channels", "channels")),
    AddWay(11, "通过日程参与人添加", "schedule participant", ("日程", "日程参与人", "schedule")),
    AddWay(12, "通过会议参与人添加", "meeting participant", ("会议", "会议参与人", "meeting")),
    AddWay(13, "添加微信好友对应的企业微信", "WeCom of a WeChat friend",
           ("微信好友对应的企业微信",)),
    AddWay(14, "通过智慧硬件专属客服添加", "smart-hardware service",
           ("智慧硬件", "smart hardware")),
    AddWay(15, "通过上门服务客服添加", "on-site service", ("上门服务", "on-site service")),
    AddWay(16, "通过获客链接添加", "acquisition link",
           ("获客链接", "获客连结", "获客连接", "获客助手", "acquisition link",
            "customer acquisition link")),
    AddWay(17, "通过定制开发添加", "custom development", ("定制开发", "custom development")),
    AddWay(18, "通过需求回复添加", "demand reply", ("需求回复", "demand reply")),
    AddWay(201, "内部成员共享", "sharing by a colleague",
           ("成员共享", "同事共享", "内部共享", "内部成员分享", "成员分享", "同事分享", "同事推荐",
            "shared by a colleague", "shared by colleague")),
    AddWay(202, "管理员/负责人分配", "assignment by an admin",
           ("管理员分配", "负责人分配", "分配", "assigned by an admin", "assigned")),
)  # fmt: skip

BY_CODE: dict[int, AddWay] = {way.code: way for way in ADD_WAYS}
MAX_CODE = 9999  # WeCom adds codes over time; anything larger is a typing mistake


def add_way_name(code: int | None, lang: str) -> str:
    """The documented name of `code` in `lang` ("zh"/"en"); an undocumented code by number."""
    way = BY_CODE.get(code if code is not None else 0)
    if way is None:
        return f"添加方式{code}" if lang == "zh" else f"add way {code}"
    return way.zh if lang == "zh" else way.en


def parse_add_way(value: object) -> int | None:
    """An `add_way` from a file or an API: WeCom's code, or one of its documented names.

    Empty is None. Raises ValueError naming what is accepted."""
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    if text.isdigit():
        code = int(text)
        if code > MAX_CODE:
            raise ValueError(f"not a WeCom add_way code: {text[:20]!r}")
        return code
    folded = text.lower()
    for way in ADD_WAYS:
        if folded in (way.zh.lower(), way.en.lower()):
            return way.code
    raise ValueError(
        f"not a WeCom add_way code or name: {text[:40]!r} (e.g. 1 扫描二维码, 2 搜索手机号, "
        "3 名片分享, 4 群聊, 201 内部成员共享)"
    )
