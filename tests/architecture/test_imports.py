"""The package's shape: layers that only import downward (import-linter), no import cycle among its
modules, no module reaching another's ``_private`` names, and the package's own imports at the top of
each file (function-level imports only for heavy optional third-party libraries)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "analysis"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _imports(name: str) -> list[tuple[ast.ImportFrom | ast.Import, str, list[str], bool]]:
    """(node, imported module, imported names, inside a function) for each import of the package's own modules."""
    path = MODULES[name]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []

    def walk(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[: len(package.split(".")) - (child.level - 1)]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target == "analysis" or target.startswith("analysis."):
                    found.append((child, target, [a.name for a in child.names], inside))
            elif isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.startswith("analysis"):
                        found.append((child, alias.name, [], inside))
            walk(child, inside)

    walk(tree, False)
    return found


def _edges() -> dict[str, set[str]]:
    """Module -> the package modules it imports at module level (``from pkg import mod`` counts as mod)."""
    edges: dict[str, set[str]] = {m: set() for m in MODULES}
    for name in MODULES:
        for _, target, names, inside in _imports(name):
            if inside and name == "analysis":  # the package's lazy __getattr__ (PEP 562)
                continue
            for n in names or [None]:
                sub = f"{target}.{n}" if n else target
                dest = sub if sub in MODULES else target
                if dest in MODULES and dest != name:
                    edges[name].add(dest)
    return edges


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return out


def test_cycle_finder_finds_a_planted_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_among_the_package_modules():
    assert _cycles(_edges()) == []


def test_the_tree_shows_the_domains():
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages == {"core", "language", "framing", "numbers", "people", "compare", "output"}
    top_modules = {p.stem for p in PACKAGE.glob("*.py")}
    assert top_modules == {"__init__", "__main__", "cli"}


def test_no_module_imports_another_modules_private_names():
    offences = []
    for name in MODULES:
        imported_modules = {}
        for node, target, names, _ in _imports(name):
            for n in names:
                if f"{target}.{n}" in MODULES:
                    imported_modules[(node.names[names.index(n)].asname or n)] = f"{target}.{n}"
                elif n.startswith("_") and target != name:
                    offences.append(f"{name} imports {target}.{n}")
        # module._private through an imported module
        tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in imported_modules and node.attr.startswith("_")
                    and not node.attr.startswith("__")):
                offences.append(f"{name} uses {imported_modules[node.value.id]}.{node.attr}")
    assert offences == []


def test_the_package_imports_its_own_modules_at_the_top_of_each_file():
    late = [f"{name}:{node.lineno} imports {target}" for name in MODULES if name != "analysis"
            for node, target, _, inside in _imports(name) if inside]
    assert late == []


def test_importing_config_loads_nothing_else():
    code = ("import sys, analysis.core.config; "
            "print(sorted(m for m in sys.modules if m.startswith('analysis')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=PACKAGE.parent)
    assert done.stdout.strip() == "['analysis', 'analysis.core', 'analysis.core.config']"
    heavy = subprocess.run([sys.executable, "-c", "import sys, analysis; print('pandas' in sys.modules)"],
                           capture_output=True, text=True, check=True, cwd=PACKAGE.parent)
    assert heavy.stdout.strip() == "False"


def test_layers_contract_passes_import_linter():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.fail("import-linter is not installed: run `make setup` (it is a test dependency)")
    done = subprocess.run([str(lint), "--no-cache"], capture_output=True, text=True, cwd=PACKAGE.parent)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "1 kept, 0 broken" in done.stdout
