"""A scheduled send managed in chat by what it is, not by its name: "我有哪些定时群发", "我的定时
任务", "list my scheduled sends" list the asker's campaigns; "取消这个定时群发", "把每周一的定时
群发停掉", "停止定時推送", "唔好再發每週嘅訊息", "cancel the weekly send", "stop the scheduled
message" pause the one just discussed (just created, reported or named), or the only one the
asker has — else which one is asked, as "暂停活动" without a name is. Pausing keeps it: nothing
is lost, and "恢复活动#N" sends again."""

from __future__ import annotations

import re

from segmentation.text import normalize

# Normalised text (simplified script, lower case).
_SCHEDULE_ZH = (
    r"(?:定时(?:的)?(?:群发|发送|任务|推送|消息|发券|活动)?|排程|周期(?:性)?(?:群发|发送)|"
    r"(?:每周[一二三四五六日天]?|每天|每日|每月|每个月)(?:的|嘅)?(?:群发|推送|发送|消息|讯息|券)|"
    r"群发任务|这个活动|那个活动)"
)
_STOP_ZH = (
    r"(?:取消|停掉|停止|停了|停|暂停|关掉|关闭|撤销|撤掉|撤回|删掉|删除|别再发|不要再发|唔好再发|"
    r"唔好再send|cancel|stop)"
)
_THAT_ZH = (
    r"(?:这个|那个|呢个|刚才的?|刚才那个|刚刚的?|刚建的|我的|我啱啱整嘅)?(?:的|嘅)?"
    # 每周一的定时群发: when it sends, said before it
    r"(?:(?:每周|逢星期|逢周|周)[一二三四五六日天]?|每天|每日|每月|每个月)?(?:的|嘅)?"
)
_PAUSE_ZH = re.compile(
    rf"^(?:请|帮我|麻烦|麻烦你)?(?:把|将)?{_THAT_ZH}{_SCHEDULE_ZH}(?:给我|帮我)?(?:先)?"
    rf"{_STOP_ZH}(?:掉|了|咗|吧|啦|喇|一下|下|佢|它)*$"
    rf"|^(?:请|帮我|麻烦|麻烦你)?(?:先)?{_STOP_ZH}(?:掉|咗)?{_THAT_ZH}{_SCHEDULE_ZH}(?:吧|啦|喇|了)*$"
)
_PAUSE_EN = re.compile(
    r"^(?:please |pls |ok,? )?(?:cancel|stop|pause|turn off|kill|disable|switch off)"
    r"(?: sending)?(?: the| that| this| my)?(?: weekly| daily| monthly| scheduled| recurring)?"
    r"(?: send| sends| message| messages| push| schedule| campaign| blast| job)"
    r"(?: please| pls| thanks)?$"
)
_LIST_ZH = re.compile(
    rf"^(?:我的|我有|我有哪些|我有什么|有哪些|现在有哪些|目前有哪些|所有|全部)?{_SCHEDULE_ZH}"
    r"(?:有哪些|有什么|列表|清单|有几个|呢)?$"
)
_LIST_EN = re.compile(
    r"^(?:list |show |show me )?(?:all |my |the )?(?:scheduled sends|scheduled messages|schedules|"
    r"recurring sends)$|^what (?:schedules|scheduled sends) do i have$"
)
_END = " ?？?。.!！~～"


def says_pause_schedule(text: str) -> bool:
    """Whether `text` stops a scheduled send it names by what it is."""
    said = normalize(text).strip(_END)
    return bool(_PAUSE_ZH.match(said) or _PAUSE_EN.match(said))


def says_list_schedules(text: str) -> bool:
    """Whether `text` asks for the asker's scheduled sends."""
    said = normalize(text).strip(_END)
    return bool(_LIST_ZH.match(said) or _LIST_EN.match(said))


def names_a_campaign(text: str) -> bool:
    """Whether `text` says 活动 / campaign (any campaign) rather than a scheduled send."""
    return bool(re.search(r"活动|campaign", normalize(text)))
