"""Condition kinds: one module per kind, each registering every facet (kinds/registry.py).

Importing this package imports every module in it, and so registers every kind: adding a
kind is adding its module, nothing lists it. Dispatchers import the package
(`from segmentation import kinds`) and call `kinds.kind_of(node)` when they run, so the
registry is complete then even when the package was still loading at their import.
"""

from __future__ import annotations

import importlib
import pkgutil

from segmentation.kinds.registry import (
    CORE_TYPES,
    KINDS,
    Dimension,
    Kind,
    UnregisteredKind,
    current_only_types,
    dimensions,
    kind_of,
    measures,
    register,
)

__all__ = [
    "CORE_TYPES",
    "KINDS",
    "Dimension",
    "Kind",
    "UnregisteredKind",
    "current_only_types",
    "dimensions",
    "kind_of",
    "measures",
    "register",
    "registered",
]

_COMPLETE = False


def registered() -> dict[type, Kind]:
    """Every kind, for tables built from the registry at import (the lexicon's words, the
    parser's head words, the breakdown words). A kind module that imports the parser at its
    own import would have them built from half a registry: refused, loudly."""
    if not _COMPLETE:
        raise ImportError(
            "segmentation.kinds is still loading: a kind module imports the parser (or "
            "another module built from the registry) at import time; import it inside the "
            "function that needs it"
        )
    return KINDS


def _import_every_module() -> None:
    # Sorted: the registration order (and so that of declared breakdown words) is the same
    # on every machine. Modules that register nothing (helpers, word tables) import harmlessly.
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        importlib.import_module(f"{__name__}.{info.name}")


_import_every_module()
_COMPLETE = True
