"""The arrows between game's layers, read from the source: YAML → bank → quiz → scenes /
network → store. Every import counts, the ones inside functions too, since a lazy import
is still an arrow (it only runs later).

Read with ast rather than by importing, so that a module no test happens to import is
checked as well, and so that what was imported before cannot hide an arrow."""
import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[1] / "game"

# What each layer may never reach, directly or through another of game's modules.
_ABOVE_ALL = ("game.app", "game.cli", "game.authoring", "game.tools")
FORBIDDEN = {
    "game.bank": ("game.quiz", "game.scenes", "game.store", "game.ui", *_ABOVE_ALL, "pygame"),
    "game.quiz": ("game.scenes", "game.store", "game.ui", *_ABOVE_ALL, "pygame", "sqlite3"),
}


def _name(path: Path) -> str:
    parts = path.relative_to(GAME.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_name(p): p for p in sorted(GAME.rglob("*.py"))}


def _imports(module: str) -> set[str]:
    """Every module `module` imports, anywhere in its text: game's modules by their full
    name ('from game.bank import loader' is game.bank.loader; 'from game.bank import Bank'
    is the package game.bank), any other by its top-level name (pygame, sqlite3)."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.update(f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                         for a in node.names)
    return {n if n.split(".")[0] == "game" else n.split(".")[0] for n in found}


IMPORTS = {module: _imports(module) for module in MODULES}
GRAPH = {module: found & set(MODULES) for module, found in IMPORTS.items()}
OUTSIDE = {module: {n for n in found if n.split(".")[0] != "game"}
           for module, found in IMPORTS.items()}


def _reach(start: str) -> dict[str, list[str]]:
    """Every module reachable from `start` (game's and others), each with one chain of
    imports that reaches it, for the message."""
    chains = {start: [start]}
    todo = [start]
    while todo:
        here = todo.pop()
        for there in sorted(GRAPH[here] | OUTSIDE[here]):
            if there not in chains:
                chains[there] = [*chains[here], there]
                if there in GRAPH:
                    todo.append(there)
    return chains


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def _cycle(chain: list[str]) -> str:
    """A chain whose last link leads back to its first, spelt from its least name, so that
    a cycle found from each of its members is listed once."""
    at = chain.index(min(chain))
    return " → ".join([*chain[at:], *chain[:at], min(chain)])


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_a_layer_reaches_nothing_above_it(layer):
    wrong = []
    for module in (m for m in MODULES if _within(m, layer)):
        for reached, chain in _reach(module).items():
            if any(_within(reached, bad) for bad in FORBIDDEN[layer]):
                wrong.append(" → ".join(chain))
    assert not wrong, f"{layer} must not reach " + ", ".join(FORBIDDEN[layer]) + ":\n" \
        + "\n".join(sorted(set(wrong)))


def test_no_import_cycles():
    """A cycle is two modules that each need the other to be loaded first; the way out is
    a third module holding what both need."""
    cycles = set()
    for module in MODULES:
        for reached, chain in _reach(module).items():
            if module in GRAPH.get(reached, ()):
                cycles.add(_cycle(chain))
    assert not cycles, "import cycles:\n" + "\n".join(sorted(cycles))


def _package(module: str) -> str:
    """game.bank.loader's layer is game.bank; a module directly in game is its own."""
    return ".".join(module.split(".")[:2])


def test_no_import_cycles_between_layers():
    """Modules may each import one way and their packages still go round: game.bank.presets
    imported game.quiz.round, which imports game.bank.models, so bank and quiz needed each
    other."""
    layers = {}
    for module, imported in GRAPH.items():
        layers.setdefault(_package(module), set()).update(
            _package(m) for m in imported if _package(m) != _package(module))
    cycles = set()
    for start in layers:
        chains, todo = {start: [start]}, [start]
        while todo:
            here = todo.pop()
            for there in sorted(layers.get(here, ())):
                if there == start:
                    cycles.add(_cycle(chains[here]))
                elif there not in chains:
                    chains[there] = [*chains[here], there]
                    todo.append(there)
    assert not cycles, "layers that import each other:\n" + "\n".join(sorted(cycles))


def test_the_game_never_imports_the_developer_tools():
    """Benches, shots, autoplay and the monkey test stay apart: only run.py's command line
    reaches them."""
    wrong = sorted(f"{module} → {tool}" for module, imported in GRAPH.items()
                   for tool in imported
                   if _within(tool, "game.tools") and not _within(module, "game.tools")
                   and module != "game.cli")
    assert not wrong, "\n".join(wrong)


def test_the_graph_is_read():
    """The checks above pass on an empty graph too: make sure they see real arrows."""
    assert "game.bank.models" in GRAPH["game.bank.loader"]
    assert "pygame" in OUTSIDE["game.app"]
    assert len(MODULES) > 50
