"""A message said with a verb of telling instead of a send verb (issue 19): 跟…说一声“…”,
同…讲声：「…」, 话俾…知：…, 通知一下…：…, 告诉…说…, 提醒…“…”, 催一下…：…, 提佢一声“…”;
"tell customers who … that …", "tell everyone who …: …", "remind … : “…”", "let … know that
…", "send word to …: …".

Each form names whom (the segment) and what they are told: a quoted text, the text after a
colon, or (unquoted) the rest after 说/讲 or "that". Only a frame that begins the command is
read, so a condition that happens to hold 说 or "tell" ("备注里说…") is never a send. The
patterns match the command with its quotes blanked out (actions._mask_quotes), so a 说 or a
"that" inside a message never splits it.
"""

from __future__ import annotations

from dataclasses import dataclass

from segmentation.nlq.lazy_re import lazy_pattern

# Who is asked, before the frame: 请 / 麻烦 / 劳驾 (你) 帮我 / 帮忙 (not Cantonese 同我, which
# is also "tell me": 同我讲下…).
_OPENER_ZH = r"^(?:请|麻烦|劳驾|烦请)?(?:你)?(?:帮我|帮忙)?(?:再)?"
# Telling the asker is asking the bot ("跟我说说上海有多少客户", "tell me who …"): no send.
_ASKER = frozenset({"我", "我们", "我哋", "咱", "咱们", "me", "us"})
# 说/讲 with what softens it: 说一声, 说一句, 讲声, 讲句, 说下, 讲一下; 带句话.
# Never a word that only begins with them: 说明 (explain; 说明天 is 说 + 明天), 讲解, 讲座, 说服.
_SAY_WORD = r"(?:说|讲)(?!明(?![天早晚年日])|[解座服法究清])"
_SAY_ZH = r"(?:" + _SAY_WORD + r"(?:一声|一句|声|句|下|一下)?(?:话)?|带(?:一句|句|个)话)"
# Where the words begin: a quote, a colon (or comma) then the words, or the words themselves.
_CONTENT_ZH = r"\s*(?P<colon>[:：,，])?\s*(?P<what>\S.*)$"
_NOT_DONE = r"(?![过了])"  # 通知过的客户, 跟她说过的: a condition, not a send
_ZH = (
    # 跟/同/和/对/向/给 SEG 说一声“…” / 讲声：「…」 (跟进 is following up, never "tell")
    lazy_pattern(
        _OPENER_ZH
        + r"(?:跟(?!进)|同|和|对|向|给)(?P<seg>[^“:：]+?)(?:都)?"
        + _SAY_ZH
        + _NOT_DONE
        + _CONTENT_ZH
    ),
    # 话俾/讲畀/说给 SEG 知/听 (俾 and 畀 are read as 给)
    lazy_pattern(
        _OPENER_ZH
        + r"(?:话|讲|说)给(?P<seg>[^“:：]+?)(?:知道|知|听)(?:一声|声)?"
        + _NOT_DONE
        + _CONTENT_ZH
    ),
    # 通知一下/告诉/提醒/问候/转告 SEG：… / “…” / 说…
    lazy_pattern(
        _OPENER_ZH
        # 催 (press them) and Cantonese 提 (remind: 提佢一声, 提下佢们) too; 提 only with 一下/
        # 一声 before or after whom (提交, 提供 and 提价 are no telling)
        + r"(?:通知|告诉|告知|提醒|问候|转告|知会|催促|催|"
        + r"提(?=一下|下|[^“:：]{1,40}?(?:一声|声|一下|下)\s*[“:：]))(?:一下|下|一声|声)?"
        + _NOT_DONE
        # 提醒她一下：… (the 一下 after whom, as before it)
        + r"(?P<seg>[^“:：]+?)(?:都)?(?:一下|下|一声|声)?\s*(?:"
        + _SAY_WORD
        + r"(?:一声|声)?(?=\s*\S)|(?=[:：“]))"
        + _CONTENT_ZH
    ),
)

_PLEASE_EN = r"^(?:(?:please|pls|plz|kindly|can you|could you|go ahead and|help me)\s+)*"
# Normalising takes out the space between English and Chinese ("tell金卡 customers").
_SP = r"(?:\s+|(?=[^\x00-\x7f]))"
_TELL_EN = (
    r"(?:tell|remind|notify|inform|ping|text|message|msg|send\s+word\s+to|say\s+to|"
    r"let(?=.*\sknow\b))"
)
_EN = (
    # tell SEG: … / tell SEG “…”
    lazy_pattern(
        _PLEASE_EN
        + _TELL_EN
        + _SP
        # "remind 佢们一下 “…”": the 一下 after a Chinese whom softens the verb
        + r"(?P<seg>[^“:：]+?)(?:\s+know|(?<=[^\x00-\x7f])(?:一下|一声|下|声))?\s*"
        + r"(?P<colon>[:：])?\s*(?P<what>“.*|(?<=[:：])\s*\S.*)$"
    ),
    # tell SEG that …: the "that" that starts the words (see message_that)
    lazy_pattern(
        _PLEASE_EN
        + r"(?:tell|remind|notify|inform|let|ping|text|message|send\s+word\s+to)"
        + _SP
        + r"(?P<seg>.+?)(?:\s+know)?"
        + r"(?:\s+|(?<=[^\x00-\x7f]))that\s+(?P<what>\S.*)$"
    ),
    # say “…” to SEG
    lazy_pattern(_PLEASE_EN + r"say\s*(?P<what>“[^”]*”)\s*to" + _SP + r"(?P<seg>.+)$"),
)
# "tell customers that visited this week that …": a "that" right after the people, followed by
# what they did, is a relative clause of the segment, not the start of the words.
_PEOPLE_END = lazy_pattern(
    r"(?:customers|clients|people|everyone|everybody|anyone|ones|those|folks|buyers|vips?)\s*$"
)
_DID = lazy_pattern(
    r"(?:have|has|had|did|didn't|haven't|hasn't|never|are|were|is|was|bought|ordered|visited|"
    r"inquired|asked|refunded|spent|came|joined|added|live|got|made|placed|purchased|used)\b"
)


@dataclass(frozen=True)
class Said:
    """Whom (`seg`) and what (`what`: a quote, or the words after a colon or 说/that) as spans
    of the command; `colon`: the words follow a colon."""

    seg: tuple[int, int]
    what: tuple[int, int]
    colon: bool


def find_said(masked: str) -> Said | None:
    """The telling frame that begins `masked` (the command with its quotes blanked), or None."""
    for pattern in _ZH:
        m = pattern.match(masked)
        if m is not None and _whom(m.group("seg")):
            return Said(m.span("seg"), m.span("what"), bool(m.group("colon")))
    for index, pattern in enumerate(_EN):
        m = pattern.match(masked)
        if m is None or not _whom(m.group("seg")):
            continue
        if index == 1:
            return _after_that(masked, m.start("seg"))
        return Said(m.span("seg"), m.span("what"), bool(m.groupdict().get("colon")))
    return None


def _whom(seg: str) -> bool:
    """Whether `seg` can name customers: not empty, not the asker ("me", 我, "me the …")."""
    words = seg.strip(" ，,的")
    return bool(words) and words not in _ASKER and words.split(" ")[0] not in _ASKER


def _after_that(masked: str, seg_start: int) -> Said | None:
    """The words after the first "that" that begins no relative clause of the segment."""
    for that in _THAT.finditer(masked, seg_start):
        words = that.end()
        relative = _PEOPLE_END.search(masked, seg_start, that.start()) and _DID.match(masked, words)
        if not relative and words < len(masked):
            seg_end = that.start()
            if masked.endswith(" know", 0, seg_end):
                seg_end -= len(" know")
            return Said((seg_start, seg_end), (words, len(masked)), False)
    return None


# "that" between the people and the words: after a space, or after Chinese the normaliser
# joined it to ("tagged金卡that the sale ends").
_THAT = lazy_pattern(r"(?:\s+|(?<=[^\x00-\x7f]))that\s+")
