"""The lexicon's tables come from a cache keyed by the code's sources: the same tables as a
build, rebuilt on any doubt, and the build skipped when the cache is good."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

from segmentation.nlq import lexicon, lexicon_tables
from segmentation.nlq.lexicon_tables import load_tables, source_key

BUILT = (lexicon.LEXICON, lexicon.ALSO, lexicon.SURFACE_LENGTHS, lexicon.UNSUPPORTED_REASONS)


def test_the_tables_the_tokenizer_reads_are_the_lexicons() -> None:
    loaded = (
        lexicon_tables.LEXICON,
        lexicon_tables.ALSO,
        lexicon_tables.SURFACE_LENGTHS,
        lexicon_tables.UNSUPPORTED_REASONS,
    )
    assert loaded == BUILT


def test_a_cache_is_written_once_and_read_back_equal(tmp_path: Path) -> None:
    first = load_tables(tmp_path, key="k1")
    written = tmp_path / "lexicon-k1.pickle"
    assert written.exists()
    assert first == BUILT
    written.write_bytes(pickle.dumps(({"标记": "from the cache"}, {}, {}, {})))
    assert load_tables(tmp_path, key="k1")[0] == {"标记": "from the cache"}  # read, not rebuilt


def test_a_corrupt_or_truncated_cache_is_rebuilt(tmp_path: Path) -> None:
    load_tables(tmp_path, key="k1")
    cache = tmp_path / "lexicon-k1.pickle"
    for damaged in (b"not a pickle", cache.read_bytes()[:1000], b""):
        cache.write_bytes(damaged)
        assert load_tables(tmp_path, key="k1") == BUILT
        assert pickle.loads(cache.read_bytes()) == BUILT  # and written whole again


def test_a_directory_that_cannot_be_written_only_means_building(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    assert load_tables(blocker / "segbot", key="k1") == BUILT
    assert not list(tmp_path.glob("**/*.partial"))


def test_a_new_version_of_the_code_replaces_the_old_cache(tmp_path: Path) -> None:
    load_tables(tmp_path, key="old")
    load_tables(tmp_path, key="new")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lexicon-new.pickle"]


def test_the_key_follows_every_source_file(tmp_path: Path) -> None:
    package = tmp_path / "segmentation"
    (package / "kinds").mkdir(parents=True)
    words = package / "kinds" / "words.py"
    words.write_text("WORDS = 'a|b'\n")
    (package / "notes.txt").write_text("not a source")
    before = source_key(package)
    (package / "notes.txt").write_text("still not a source, changed")
    assert source_key(package) == before
    words.write_text("WORDS = 'a|b|c'\n")  # a word added to a kind's module
    assert source_key(package) != before
    changed = source_key(package)
    (package / "kinds" / "new_kind.py").write_text("")
    assert source_key(package) != changed


def test_with_a_good_cache_a_parse_does_not_build_the_lexicon(tmp_path: Path) -> None:
    probe = (
        "import sys\n"
        "from segmentation.named import NamedSegmentCatalog\n"
        "from segmentation.nlq import build_vocabulary, parse_command\n"
        "from tests.segmentation.nlq.fixture import NOW, TZ\n"
        "vocab = build_vocabulary(tags=['VIP'], staff=[], departments=[], saved=[],\n"
        "                         catalog=NamedSegmentCatalog.load())\n"
        "print(parse_command('近30天有咨询但未下单的VIP客户', vocabulary=vocab, asker=None,\n"
        "                    now=NOW, tz=TZ).segment is not None)\n"
        "print('segmentation.nlq.lexicon' in sys.modules)\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        subprocess.run(
            [sys.executable, "-c", probe], capture_output=True, text=True, check=True, env=env
        ).stdout.split()
        for _ in range(2)
    ]
    assert runs == [["True", "True"], ["True", "False"]]  # built and cached, then only read
    assert [p.name.startswith("lexicon-") for p in (tmp_path / "segbot").iterdir()] == [True]
