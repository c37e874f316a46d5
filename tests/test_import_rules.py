"""design.md's dependency table as a check: a forbidden import, or a new import cycle, fails CI.

Every import counts, at module level or inside a function (a lazy import still couples the two
modules), except those under `if TYPE_CHECKING:` blocks, which never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "segmentation", "integrations")

# (importing package, packages it must never import, modules exempt from the rule)
RULES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("segmentation", ("flask", "wechatpy", "apscheduler", "bot", "integrations"), ()),
    ("integrations", ("flask", "bot", "segmentation"), ("integrations.wecom.simulator",)),
    ("bot.services", ("flask", "apscheduler"), ()),
    ("bot.commands", ("flask", "apscheduler", "wechatpy"), ()),
    ("bot.jobs", ("flask",), ()),
)

# Cycles that predate this check, each to be broken by its own issue; the set may only shrink.
KNOWN_CYCLES: set[frozenset[str]] = set()


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            found[_module_name(path)] = path
    return found


MODULES = _modules()


def _runtime_nodes(tree: ast.AST) -> Iterator[ast.AST]:
    """Every node except the bodies of `if TYPE_CHECKING:` blocks."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in [child, *_runtime_nodes(child)])
            continue
        yield node
        yield from _runtime_nodes(node)


def _absolute(module: str, path: Path, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if path.name != "__init__.py":
        base = base[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def imports_of(module: str) -> set[str]:
    path = MODULES[module]
    names: set[str] = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            target = _absolute(module, path, node)
            for alias in node.names:
                full = f"{target}.{alias.name}"
                names.add(full if full in MODULES else target)
    return names


def _within(name: str, package: str) -> bool:
    return name == package or name.startswith(package + ".")


def test_no_package_imports_what_design_md_forbids():
    violations = [
        f"{module} imports {name}"
        for module in MODULES
        for package, forbidden, exempt in RULES
        if _within(module, package) and not any(_within(module, e) for e in exempt)
        for name in imports_of(module)
        if any(_within(name, f) for f in forbidden)
    ]
    assert violations == []


def _cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_no_new_import_cycles_between_modules():
    graph = {m: {n for n in imports_of(m) if n in MODULES and n != m} for m in MODULES}
    assert set(_cycles(graph)) <= KNOWN_CYCLES


def test_the_cycle_finder_finds_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [frozenset({"a", "b", "c"})]
