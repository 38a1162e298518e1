"""The direction of imports: handlers/ use bot/, never the reverse; the engine knows nothing of cards' layout."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

# The one place where bot/ meets handlers/: building the Bolt app registers the listeners.
WIRING = {("bot/app.py", "handlers")}


def imports_of(path: Path) -> set[str]:
    """Every module `path` imports, as written (`from a.b import c` gives a.b and a.b.c)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def modules_of(package: str) -> list[Path]:
    return sorted((ROOT / package).rglob("*.py"))


def test_no_module_of_bot_imports_handlers() -> None:
    wrong = sorted(
        (str(path.relative_to(ROOT)), name)
        for path in modules_of("bot")
        for name in imports_of(path)
        if name.split(".")[0] == "handlers" and (str(path.relative_to(ROOT)), name) not in WIRING
    )
    assert wrong == [], "bot/ must not import handlers/ (move the concept into bot/ and import it from there)"


def test_the_wiring_uses_nothing_of_handlers_but_register() -> None:
    tree = ast.parse((ROOT / "bot" / "app.py").read_text(encoding="utf-8"))
    used = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute) and getattr(n.value, "id", "") == "handlers"}
    assert used == {"register"}, "bot/app.py only registers the listeners; concepts come from bot/"


def test_matching_does_not_import_cards() -> None:
    names = imports_of(ROOT / "bot" / "matching.py")
    assert not any(n.startswith("bot.cards") or n == "bot.rendering" for n in names), "matching ranks, cards show"


def test_tests_do_not_import_each_others_modules() -> None:
    """Shared helpers live in conftest.py or a helper module (not named test_*)."""
    wrong = sorted(
        (path.name, name)
        for path in (ROOT / "tests").glob("*.py")
        for name in imports_of(path)
        if name.split(".")[-1].startswith("test_") or ".test_" in name
    )
    assert wrong == []
