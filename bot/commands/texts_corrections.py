"""The sentences of the replies to a correction of the last question, Chinese and English
side by side (Traditional Chinese is the Chinese converted)."""

from __future__ import annotations

from bot.commands.texts import agree

CORRECTION_TEXTS: dict[str, dict[str, str]] = {
    "correction_nothing": {
        "zh": "要更正哪个问题？还没有上一个问题，请直接说出完整的条件，例如：上海的VIP客户有多少。",
        "en": "Which question should that correct? There is no earlier one: please ask the whole "
        "question, e.g. 'how many VIP customers in Shanghai'.",
    },
    "correction_what": {
        "zh": "“{value}”要换掉上一个问题里的哪个条件？请说出条件，例如：金卡、上海、上个月。",
        "en": "Which condition of the last question should “{value}” replace? Please name it, "
        "e.g. a tag, a city or a period.",
    },
    "correction_which": {
        "zh": "上一个问题（{description}）里没有和“{value}”同类的条件可以换。您是指：",
        "en": "The last question ({description}) has no condition like “{value}” to replace. "
        "Do you mean:",
    },
    "swap_not_there": {
        "zh": "上一个问题（{description}）里没有“{old}”，要把哪个条件换成“{new}”？"
        "例如：把上海换成北京、把咨询换成下单。",
        "en": "The last question ({description}) has no “{old}” to replace with “{new}”. "
        "Which condition do you mean? E.g. 'Beijing instead of Shanghai'.",
    },
    "swap_other_kind": {
        "zh": "“{old}”和“{new}”不是同一类条件，没法直接互换。请说完整的条件，例如：上海的VIP客户。",
        "en": "“{old}” and “{new}” are different kinds of condition, so one cannot replace "
        "the other. Please say the whole question, e.g. 'VIP customers in Shanghai'.",
    },
    "focus_yes": {
        "zh": "是的，{name}符合：{description}",
        "en": "Yes, {name} is one of the {description}.",
    },
    "focus_no": {
        "zh": "否，{name}不符合：{description}",
        "en": "No, {name} is not one of the {description}.",
    },
    "focus_gone": {
        "zh": "这位客户已不在您可查看的范围内。",
        "en": "That customer is no longer one you can see.",
    },
}


def say_correction(key: str, lang: str, **values: object) -> str:
    template = CORRECTION_TEXTS[key].get(lang) or CORRECTION_TEXTS[key]["zh"]
    text = template.format(**values)
    return agree(text) if lang == "en" else text
