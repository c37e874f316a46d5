"""Any text — random, emoji, control characters, 10 kB, SQL or template fragments — gets a
command or a question back from the parser, never an exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from segmentation.nlq import Clarification, Command
from tests.segmentation.nlq.fixture import Reader, small_vocabulary

VOCAB = small_vocabulary()
PIECES = [
    "近30天",
    "咨询",
    "没",
    "下单",
    "VIP",
    "的",
    "客户",
    "或",
    "和",
    "中",
    "超过",
    "3次",
    "元",
    "最多",
    "前",
    "10个",
    "消费",
    "上海",
    "张三",
    "“",
    "”",
    "，",
    "not",
    "ordered",
    "in the last",
    "days",
    "between",
    "and",
    "🙂",
    "\x00",
    "'; drop table x; --",
    "{{7*7}}",
    "%s",
    "给",
    "发",
    "券",
    "标签",
    "分群",
    "为什么",
    "每天",
    "10点",
    "?",
]


_READER = Reader(VOCAB)
_parse = _READER.parse


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.text())
def test_random_text_never_raises(text: str) -> None:
    assert isinstance(_parse(text), Command | Clarification)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_random_command_fragments_never_raise(pieces: list[str]) -> None:
    assert isinstance(_parse("".join(pieces)), Command | Clarification)


def test_ten_kilobytes_is_asked_back() -> None:
    assert isinstance(_parse("近30天咨询过的客户" * 1200), Clarification)


def test_sql_and_template_fragments_are_asked_back() -> None:
    for text in ("'; DROP TABLE customers; --", "{{7*7}}", "${jndi:ldap://x}", "\x00\x1b[31m"):
        assert isinstance(_parse(text), Clarification)


def test_emoji_around_a_command_is_understood_or_asked() -> None:
    result = _parse("🙂 VIP客户 🙂")
    assert isinstance(result, Command | Clarification)
