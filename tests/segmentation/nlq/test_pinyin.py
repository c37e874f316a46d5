"""Names' pinyin without pypinyin's phrase dictionary at start-up; the shipped city table is
exactly what the full dictionary says."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from segmentation.nlq.cities import city_base, city_names, city_surfaces
from segmentation.nlq.pinyin import CITY_PINYIN_FILE

FULL_DICTIONARY = """
import json, sys
from pypinyin import lazy_pinyin
from segmentation.nlq.cities import city_base, city_names
print(json.dumps({city_base(c): " ".join(lazy_pinyin(city_base(c))) for c in city_names()}))
"""


def test_the_shipped_city_pinyin_is_the_full_dictionarys() -> None:
    env = {k: v for k, v in os.environ.items() if k != "PYPINYIN_NO_PHRASES"}
    done = subprocess.run([sys.executable, "-c", FULL_DICTIONARY], capture_output=True,
                          text=True, check=True, env=env)  # fmt: skip
    expected = json.loads(done.stdout)
    shipped = json.loads(CITY_PINYIN_FILE.read_text(encoding="utf-8"))
    # On a new city: regenerate the file with the snippet above (PYPINYIN_NO_PHRASES unset).
    assert shipped == expected
    assert {city_base(c) for c in city_names()} == set(shipped)


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
