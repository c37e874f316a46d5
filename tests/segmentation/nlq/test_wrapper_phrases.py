"""The wrapper grammars read by patterns (wrapper_phrases.py, reported.py): every combination
of their parts is read whole as one wrapper, and a part alone, or a phrase running into a
Latin word, is not."""

from __future__ import annotations

import pytest

from segmentation.nlq.reported import scan_reported
from segmentation.nlq.wrapper_phrases import ENGLISH, ZH_PURPOSE, phrases, scan_wrapper_phrase


def test_every_english_combination_scans_whole() -> None:
    for parts in ENGLISH:
        for phrase in phrases(parts):
            assert scan_wrapper_phrase(phrase, 0) == len(phrase), phrase


def test_every_chinese_purpose_scans_whole() -> None:
    for phrase in phrases(ZH_PURPOSE, ""):
        assert scan_wrapper_phrase(phrase, 0) == len(phrase), phrase


@pytest.mark.parametrize(
    "text",
    ["sorry", "for the", "again", "manager", "明天", "开会", "sorry to bugs", "xfor the call"],
)
def test_a_part_alone_or_inside_a_word_is_no_wrapper(text: str) -> None:
    assert all(scan_wrapper_phrase(text, i) in (None, 0) for i in range(len(text))), text


@pytest.mark.parametrize(
    "text", ["领导的客户", "the boss's customers", "customers whose manager asked", "经理问过价"]
)
def test_a_role_without_its_request_is_no_wrapper(text: str) -> None:
    assert all(scan_reported(text, i) is None for i in range(len(text))), text
