"""The house's rules that a reader cannot see in one file (ARCHITECTURE.md): no module is
part of an import cycle, and no function runs over a screen. The layers themselves are
checked by ``lint-imports`` (the contracts in pyproject.toml), which ``make lint`` runs."""

from __future__ import annotations

import ast
from collections.abc import Iterator

import grimp

from paths import ROOT

SRC = ROOT / "src" / "newsweave"
# A function longer than this does more than one thing, or hides a table that should be data.
MAX_FUNCTION_LINES = 60


def _cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph[root]))]
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
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    graph = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_module_is_in_an_import_cycle() -> None:
    # Imports under TYPE_CHECKING carry no code at run time and are left out, as lint-imports
    # leaves them out; lazy imports inside functions count.
    built = grimp.build_graph("newsweave", exclude_type_checking_imports=True)
    graph = {m: sorted(built.find_modules_directly_imported_by(m)) for m in sorted(built.modules)}
    assert len(graph) > 100
    assert _cycles(graph) == []


def _long_functions() -> list[str]:
    long = []
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(SRC)}:{node.name} ({lines} lines)")
    return long


def test_no_function_is_over_sixty_lines() -> None:
    assert _long_functions() == []
