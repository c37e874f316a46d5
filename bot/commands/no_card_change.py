"""A change of a card's coupon said when no card waits ("make it 30 off", "改成减30",
"券改成满200减30", "張券改做50蚊", "change the coupon to 20 off"): there is nothing to change,
and the reply says so and how a coupon is sent — never a question back that reads the amount's
words as names ("off" is no segment), never a list answered in its place.

Only the change said as one (改成/换成/改做/make it/change the coupon to …) with coupon words
in it (券, coupon, 减N, N off, 满N减M, N折, 面额, 门槛) is read here: "改成1000元以上" after a
list of spenders is a bound swapped, read by the chat as usual.
"""

from __future__ import annotations

from bot.commands.card_amend import coupon_change_said
from bot.commands.texts_cards import say_card
from bot.services.answer import Answer
from bot.services.query import clarify
from segmentation.text import normalize


def no_card_change_answer(text: str, lang: str) -> Answer | None:
    """The reply to a coupon change with no card waiting, or None when `text` is no such
    change. Called only once no card waits (the card's own changes are read before)."""
    if not coupon_change_said(normalize(text)):
        return None
    return clarify(say_card("no_card_to_change", lang))
