"""The lexicon's tables as the tokenizer reads them, built once per version of the code.

Building them (segmentation/nlq/lexicon.py: ~40k surfaces from word lists and their
combinations) took ~55 ms, an eighth of a one-shot `segbot query`; loading the same tables
from a pickle takes ~11 ms. The cache lives in the user's cache directory
($XDG_CACHE_HOME/segbot, else ~/.cache/segbot), named by a key over the path, size and
modification time of every source file of the `segmentation` package — the lexicon reads
words from the condition kinds and event words, so any edit there builds it afresh, as
Python's own bytecode cache does. A missing, unreadable or corrupt cache, or a directory that
cannot be written, only means building the tables as before.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Any

from segmentation.nlq.token_kinds import K

Tables = tuple[
    dict[str, tuple[K, Any]],  # LEXICON
    dict[str, tuple[tuple[K, Any], ...]],  # ALSO
    dict[str, tuple[int, ...]],  # SURFACE_LENGTHS
    dict[str, tuple[str, ...]],  # UNSUPPORTED_REASONS
]

SOURCE_ROOT = Path(__file__).resolve().parents[1]  # the segmentation package


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "segbot"


def source_key(root: Path = SOURCE_ROOT) -> str:
    """A digest of what the tables are built from: each source file's path, size and mtime,
    and the interpreter's version (a pickle written by another Python is not reused)."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=12)
    for directory, subdirectories, files in os.walk(root):
        subdirectories[:] = sorted(d for d in subdirectories if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            path = os.path.join(directory, name)
            stat = os.stat(path)
            digest.update(f"{path}\0{stat.st_size}\0{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def built_tables() -> Tables:
    from segmentation.nlq import lexicon  # the build itself: only on a cache miss

    return lexicon.LEXICON, lexicon.ALSO, lexicon.SURFACE_LENGTHS, lexicon.UNSUPPORTED_REASONS


def load_tables(directory: Path | None = None, key: str | None = None) -> Tables:
    directory = cache_dir() if directory is None else directory
    path = directory / f"lexicon-{key or source_key()}.pickle"
    with contextlib.suppress(Exception):  # any failure to read it is a miss
        with path.open("rb") as cached:
            tables: Tables = pickle.load(cached)
        return tables
    tables = built_tables()
    with contextlib.suppress(OSError):
        _write(path, tables)
    return tables


def _write(path: Path, tables: Tables) -> None:
    """Write the cache under a temporary name and rename it, so a reader never sees half a
    file, and remove the caches of earlier versions of the code."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, partial = tempfile.mkstemp(dir=path.parent, prefix=".lexicon-", suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(tables, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(partial, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(partial)
    for stale in path.parent.glob("lexicon-*.pickle"):
        if stale != path:
            with contextlib.suppress(OSError):
                stale.unlink()


LEXICON, ALSO, SURFACE_LENGTHS, UNSUPPORTED_REASONS = load_tables()
