"""The direction of imports: aieng/ (the composition root) uses handlers/ and bot/, handlers/ use bot/,
never the reverse; the engine knows nothing of cards' layout."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
import tomllib
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from conftest import CONTENT, ROOT

import aieng.modes
from bot import slack_modes
from bot.config import Settings
from bot.errors import BotError


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


def imports_outside(package: str, allowed_own: set[str]) -> list[tuple[str, str]]:
    """(module, import) pairs of `package` that reach one of this project's packages not in `allowed_own`."""
    own = {"bot", "handlers", "aieng"}
    return sorted(
        (str(path.relative_to(ROOT)), name)
        for path in modules_of(package)
        for name in imports_of(path)
        if name.split(".")[0] in own - allowed_own
    )


def test_no_module_of_bot_imports_handlers_or_the_composition_root() -> None:
    wrong = imports_outside("bot", {"bot"})
    assert wrong == [], "bot/ must not import handlers/ or aieng/ (move the concept into bot/ and import it from there)"


def test_handlers_do_not_import_the_composition_root() -> None:
    assert imports_outside("handlers", {"bot", "handlers"}) == [], "aieng/ puts handlers/ together; not the reverse"


def test_bot_imports_nothing_by_name_at_run_time() -> None:
    """The import rule cannot be dodged with a module named in a string: bot/ reaches the Slack app only
    through the entry points the package declares (bot/slack_modes.py)."""
    dynamic = {"import_module", "__import__", "run_module", "run_path", "spec_from_file_location"}
    wrong = sorted(
        (str(path.relative_to(ROOT)), name)
        for path in modules_of("bot")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if (name := _name_used(node)) in dynamic
    )
    assert wrong == []


def _name_used(node: ast.AST) -> str:
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else ""


def test_serve_and_socket_reach_the_composition_root_through_declared_entry_points() -> None:
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"]
    assert declared[slack_modes.GROUP] == {"serve": "aieng.modes:serve", "socket": "aieng.modes:socket"}
    installed = {point.name: point.load() for point in entry_points(group=slack_modes.GROUP)}
    assert installed == {"serve": aieng.modes.serve, "socket": aieng.modes.socket}, "reinstall: pip install -e ."


def test_a_missing_slack_mode_is_an_error_that_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slack_modes, "entry_points", lambda **_: [])
    with pytest.raises(BotError, match=r"`socket` of `aieng\.slack_modes`.*pip install -e \."):
        slack_modes.socket(Settings(app_token="xapp-1", bot_token="xoxb-1"))


# Runs the command line in a fresh interpreter and prints which of the project's listener and wiring
# modules were loaded: `run` (the local chat, no Slack settings), `ask` and `check` need none of them.
_COMMANDS_WITHOUT_SLACK = """
import io, sys
from bot.cli import main
sys.stdin = io.StringIO("/aieng help\\n")
codes = [main(["run"]), main(["ask", "roadmap", "swe"]), main(["check"])]
loaded = sorted(m for m in sys.modules if m.split(".")[0] in ("handlers", "aieng"))
print("RESULT", codes, loaded, file=sys.stderr)
"""


def test_run_ask_and_check_load_no_listener(tmp_path: Path) -> None:
    slack = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET")
    env = {k: v for k, v in os.environ.items() if k not in slack}
    env |= {"DATABASE_URL": f"sqlite:///{tmp_path / 'chat.sqlite3'}", "AIENG_CONTENT_DIR": str(CONTENT)}
    done = subprocess.run(
        [sys.executable, "-c", _COMMANDS_WITHOUT_SLACK], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert "RESULT [0, 0, 0] []" in done.stderr, done.stderr[-2000:]


def test_cards_name_no_slack_identifier_but_the_commands() -> None:
    """A card says what a button does (bot.kinds.ButtonAction); rendering gives it its Slack action_id."""
    used = {
        (path.name, node.attr)
        for path in modules_of("bot/cards")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "ids"
    }
    assert {name for _, name in used} <= {"COMMAND"}, sorted(used)
    assert any(name == "COMMAND" for _, name in used), "the check sees the cards' use of ids"


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
