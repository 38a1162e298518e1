"""The policy mutations issue 11 named, one at a time, each of which the fast tests must catch.

mutmut mutates code inside functions; these are the rules that live in constants, patterns and the
schema (the thresholds, the instruction patterns, a figure's required source) plus the branches the
issue found unguarded. Each runs on a copy of the project (the worktree is never touched); a mutation
the tests do not catch is printed as SURVIVED and the script exits 1.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TESTS = ["tests/test_policy_pins.py", "tests/test_delivery.py", "tests/test_answering.py"]

# (file, text, replacement, the rule it breaks)
MUTATIONS = [
    ("bot/delivery.py", 'via in ("mention", "channel")', 'via in ("mention",)', "pay private for channel questions"),
    ("bot/content.py", "return self.kind in PAY_KINDS", 'return self.topic.id.startswith("salary-")', "pay by kind"),
    ("handlers/messages.py", "not answer_channel_questions or ", "", "AIENG_CHANNEL_ANSWERS=false"),
    ("handlers/messages.py", ' or _mentions(text, context.get("bot_user_id"))', "", "a mention answered once"),
    ("handlers/messages.py", '        and not event.get("bot_id")\n', "", "other bots never answered"),
    ("bot/thresholds.py", "MARGIN = 4.0", "MARGIN = 1.0", "the margin"),
    ("bot/thresholds.py", "CHANNEL_THRESHOLD = 62.0", "CHANNEL_THRESHOLD = 50.0", "the channel bar"),
    ("bot/thresholds.py", "ANSWER_THRESHOLD = 45.0", "ANSWER_THRESHOLD = 40.0", "the answer bar"),
    ("bot/answering.py", "best.score - rival.score >= MARGIN", "best.score - rival.score > MARGIN", "the margin: >="),
    ("bot/answering.py", "best.score - s.score < MARGIN", "best.score - s.score < 1", "rivals offered under an answer"),
    ("bot/thresholds.py", "CLEAR_LEAD = 8.0", "CLEAR_LEAD = 4.0", "a clear lead below the bar"),
    ("bot/answering.py", "if lead >= CLEAR_LEAD and", "if lead > CLEAR_LEAD and", "a clear lead: >="),
    ("bot/thresholds.py", "CLEAR_LEAD_MIN_TERMS = 2", "CLEAR_LEAD_MIN_TERMS = 1", "a clear lead on one word"),
    (
        "bot/answering.py",
        "return bool(linked) and (rival is None or best.score - rival.score >= MARGIN)",
        "return bool(linked) and (rival is None or best.score - rival.score > MARGIN)",
        "linked parts of one topic: the rival exactly the margin behind",
    ),
    (
        "bot/answering.py",
        "return bool(linked) and (rival is None",
        "return (rival is None",
        "parts of one topic without a link",
    ),
    (
        "bot/models.py",
        "class Cited(Strict):\n    source: SourceId",
        "class Cited(Strict):\n    source: SourceId | None = None",
        "a figure needs its source",
    ),
    ("bot/text.py", 'text.replace("&", "&amp;")', "text", "& escaped"),
    ("bot/rendering.py", "    if len(body) > MAX_BLOCKS - RESERVED_BLOCKS:", "    if False:", "the 50-block cut"),
    ("bot/server.py", "if _content_length(environ) > MAX_BODY_BYTES:", "if False:", "the 1 MB limit"),
    ("bot/instructions.py", '    r"|\\bfrom now on\\b"\n', "", "'from now on'"),
    (
        "bot/instructions.py",
        '    r"|(?:\\b(your|ur)\\s+(\\w+\\s+)?prompts?\\b(?!\\s+engineer)|\\bsystem\\s+prompt\\s*:)"\n',
        "",
        "the bot's own prompt",
    ),
    ("bot/instructions.py", "|\\bjailbreak", "", "'jailbreak'"),
    ("bot/instructions.py", "|\\byou are now\\b", "", "'you are now'"),
    ("bot/instructions.py", "|\\bdeveloper mode\\b", "", "'developer mode'"),
    ("bot/instructions.py", "|\\bpretend (to be|you)\\b", "", "'pretend'"),
]


def copy_project(into: Path) -> None:
    for name in ("aieng", "bot", "handlers", "tests", "content"):
        shutil.copytree(ROOT / name, into / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", into / "pyproject.toml")


def caught(project: Path, path: str, old: str, new: str) -> bool | None:
    """True when the tests fail on the mutation; None when the text to mutate is gone (update this list)."""
    file = project / path
    original = file.read_text(encoding="utf-8")
    if original.count(old) != 1:
        return None
    file.write_text(original.replace(old, new), encoding="utf-8")
    try:
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "-m", "not e2e", *TESTS]
        return subprocess.run(command, cwd=project, capture_output=True).returncode != 0
    finally:
        file.write_text(original, encoding="utf-8")


def main() -> int:
    survived = 0
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        copy_project(project)
        for path, old, new, rule in MUTATIONS:
            result = caught(project, path, old, new)
            status = {True: "killed", False: "SURVIVED", None: "GONE (update scripts/policy_mutations.py)"}[result]
            survived += result is not True
            print(f"{status:<9} {rule:<36} {path}")
    print(f"{len(MUTATIONS) - survived} of {len(MUTATIONS)} policy mutations caught")
    return 1 if survived else 0


if __name__ == "__main__":
    raise SystemExit(main())
