"""Greetings said before a request ("早，…", "早晨！想睇下…" (HK), "哈囉 …", "hi, …"): one list
for every reader that drops them (leadins.py before an acknowledged request, lead_questions.py
before a question of whom to contact). A greeting says nothing of the customers asked about.
"""

from __future__ import annotations

# Greetings of several characters (and 嗨): a greeting wherever they stand at the start. The
# longer form of one greeting stands before the shorter (早安安 before 早安).
ZH_GREETINGS_LONG = (
    r"(?:早上好|早安安|早安|早唞|午安|下午好|晚上好|大家好|你好|您好|哈喽|哈啰|哈罗|嗨)"
)
# 早 and its short forms are a time of day too (早晨8点, 早于10月, 早上): a greeting only
# before a mark or what the reader lets follow it.
ZH_GREETINGS_EARLY = r"(?:早晨|早啊|早呀|早哇|早)"
ZH_GREETING = rf"(?:{ZH_GREETINGS_LONG}|{ZH_GREETINGS_EARLY})"
EN_GREETING = r"(?:hi|hey|hello|morning|good morning|yo)"
