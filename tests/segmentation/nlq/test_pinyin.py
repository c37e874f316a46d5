"""Names' pinyin without pypinyin's phrase dictionary at start-up; the shipped city table is
exactly what the full dictionary says."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from segmentation.nlq.cities import city_base, city_names, city_surfaces, province_surfaces
from segmentation.nlq.pinyin import CITY_PINYIN_FILE
from segmentation.text import normalize_name

FULL_DICTIONARY = """
import json, sys
from pypinyin import lazy_pinyin
from segmentation.nlq.cities import PROVINCES, city_base, city_names
places = {city_base(c) for c in city_names()} | {p.removesuffix("省") for p in PROVINCES}
print(json.dumps({p: " ".join(lazy_pinyin(p)) for p in places}))
"""


def test_the_shipped_city_pinyin_is_the_full_dictionarys() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYPINYIN_NO_PHRASES"}
    done = subprocess.run([sys.executable, "-c", FULL_DICTIONARY], capture_output=True,
                          text=True, check=True, env=env)  # fmt: skip
    expected = json.loads(done.stdout)
    shipped = json.loads(CITY_PINYIN_FILE.read_text(encoding="utf-8"))
    # On a new city: regenerate the file with the snippet above (PYPINYIN_NO_PHRASES unset).
    assert shipped == expected
    assert {city_base(c) for c in city_names()} <= set(shipped)
    assert province_surfaces()["xizang"] == "西藏"  # the phrase reading (藏 alone is cáng)


def test_phrase_readings_of_cities_and_names_letter_by_letter() -> None:
    surfaces = city_surfaces()
    assert surfaces["chongqing"] == ("重庆",) and surfaces["xiamen"] == ("厦门",)
    probe = (
        "import sys\n"
        "from segmentation.nlq.pinyin import syllables\n"
        "print(' '.join(syllables('赵六')), 'pypinyin.phrases_dict' in sys.modules)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYPINYIN_NO_PHRASES"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, env=env)  # fmt: skip
    assert done.stdout.split() == ["zhao", "liu", "False"]


def test_every_city_spelling_is_already_in_normal_form() -> None:
    # The vocabulary adds them without normalising again (Vocabulary.add_normal): a spelling
    # that normalised differently would never match what the tokenizer reads.
    assert [s for s in city_surfaces() if normalize_name(s) != s] == []


def test_staff_pinyin_is_read_only_for_a_text_with_latin_letters() -> None:
    # pypinyin's dictionary is a sixth of a one-shot Chinese query: a vocabulary adds its
    # members' pinyin spellings the first time a text could contain one.
    probe = """
import sys
from datetime import UTC, datetime
from zoneinfo import ZoneInfo
from segmentation.named import NamedSegmentCatalog
from segmentation.nlq import build_vocabulary, parse_command
from segmentation.nlq.vocabulary import StaffInfo
vocab = build_vocabulary(tags=["VIP"], staff=[StaffInfo("zl", "赵六", ())], departments=[],
                         saved=[], catalog=NamedSegmentCatalog.load())
now, tz = datetime(2026, 11, 1, tzinfo=UTC), ZoneInfo("Asia/Shanghai")
zh = parse_command("赵六的客户", vocabulary=vocab, asker=None, now=now, tz=tz)
print("pypinyin" in sys.modules)
en = parse_command("customers of zhao liu", vocabulary=vocab, asker=None, now=now, tz=tz)
print("pypinyin" in sys.modules, zh.segment == en.segment)
"""
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True)  # fmt: skip
    assert done.stdout.split() == ["False", "True", "True"]
