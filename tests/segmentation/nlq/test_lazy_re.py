"""The chat language's patterns compile on first use, not when `segbot query` imports them."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import segmentation.nlq
from segmentation.nlq.lazy_re import lazy_pattern

# (segmentation/text.py, which normalises every message and every name, is outside the package:
# its few patterns are used at once.)
NLQ = Path(segmentation.nlq.__file__).parent


def _module_level_compiles(tree: ast.Module) -> list[int]:
    """Line numbers of `re.compile(...)` run at import (outside any function)."""
    found: list[int] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(
                child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
            )
            if (
                not inside
                and isinstance(child, ast.Call)
                and isinstance(child.func, ast.Attribute)
                and child.func.attr == "compile"
                and isinstance(child.func.value, ast.Name)
                and child.func.value.id == "re"
            ):
                found.append(child.lineno)
            visit(child, inside)

    visit(tree, False)
    return found


def test_no_pattern_of_the_chat_language_is_compiled_at_import() -> None:
    eager = {
        path.name: lines
        for path in sorted(NLQ.glob("*.py"))
        if (lines := _module_level_compiles(ast.parse(path.read_text(encoding="utf-8"))))
    }
    assert eager == {}, "write module-level patterns with lazy_pattern(...), not re.compile"


def test_a_lazy_pattern_compiles_once_and_then_is_the_compiled_pattern() -> None:
    pattern = lazy_pattern(r"(\d+)\s*天", re.I)
    assert pattern.pattern == r"(\d+)\s*天"
    found = pattern.search("近 30 天")
    assert found is not None and found.group(1) == "30"
    compiled = re.compile(r"(\d+)\s*天", re.I)
    # After the first use the methods are the compiled pattern's own: no wrapper per call.
    assert getattr(pattern.match, "__self__", None) == compiled
    assert "match" in vars(pattern)
    assert pattern.flags == compiled.flags
    assert pattern.sub("N", "3天") == "N"


def test_a_bad_pattern_fails_where_it_is_used() -> None:
    pattern = lazy_pattern(r"(unclosed")
    with pytest.raises(re.error):
        pattern.match("x")
