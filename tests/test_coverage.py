"""The coverage check: every substantive paragraph of the five articles is said by some entry.

The first test is the guard: delete or gut an entry and the paragraphs only it said show up as
uncovered. The others pin down the measure itself on small texts written for the test.
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from bot import coverage
from bot import models as m
from bot.content import Entry, Library
from tests.conftest import ROOT

INTEGRATION_PATTERNS = "Integration patterns: Implementing integration approaches"


def opening(verdicts: list[coverage.Verdict]) -> list[str]:
    return [v.paragraph.text[:60] for v in verdicts]


def without(library: Library, topic_id: str) -> Library:
    entries = {tid: e for tid, e in library.entries.items() if tid != topic_id}
    return dataclasses.replace(library, entries=entries)


def with_topic(library: Library, topic_id: str, topic: m.Topic) -> Library:
    entries = dict(library.entries)
    entries[topic_id] = Entry(library.entries[topic_id].kind, topic)
    return dataclasses.replace(library, entries=entries)


# ---------------------------------------------------------------- the real content


@pytest.fixture(scope="module")
def verdicts(library: Library) -> list[coverage.Verdict]:
    return coverage.check(library)


def test_every_substantive_paragraph_is_covered_or_deliberately_left_out(verdicts: list[coverage.Verdict]) -> None:
    assert opening(coverage.uncovered(verdicts)) == []
    assert coverage.stale_exclusions(verdicts) == []


def test_the_articles_are_all_read_and_pensero_repeated_half_counts_once(
    library: Library, verdicts: list[coverage.Verdict]
) -> None:
    by_source = {s: [v for v in verdicts if v.paragraph.source == s] for s in library.sources}
    assert all(len(found) >= 20 for found in by_source.values()), {s: len(v) for s, v in by_source.items()}
    texts = [v.paragraph.text for v in by_source["pensero"]]
    assert len(texts) == len(set(texts))
    assert sum(t.startswith(INTEGRATION_PATTERNS) for t in texts) == 1


def test_deleting_the_entry_that_says_a_paragraph_uncovers_it(
    library: Library, verdicts: list[coverage.Verdict]
) -> None:
    assert INTEGRATION_PATTERNS not in " ".join(opening(coverage.uncovered(verdicts)))
    gaps = coverage.uncovered(coverage.check(without(library, "model-serving")))
    assert any(v.paragraph.text.startswith(INTEGRATION_PATTERNS) for v in gaps)


def test_dropping_the_point_that_says_a_paragraph_uncovers_it(library: Library) -> None:
    topic = library.entries["model-serving"].topic
    kept = [p for p in topic.points if "streaming" not in p.text]
    assert len(kept) < len(topic.points)
    gaps = coverage.uncovered(
        coverage.check(with_topic(library, "model-serving", topic.model_copy(update={"points": kept})))
    )
    assert any(v.paragraph.text.startswith(INTEGRATION_PATTERNS) for v in gaps)


def test_the_vendor_pitch_is_left_out_not_counted_as_a_gap(verdicts: list[coverage.Verdict]) -> None:
    pitch = [v for v in verdicts if v.paragraph.text.startswith("Notable customers:")]
    assert len(pitch) == 1 and pitch[0].left_out == "vendor pitch" and not pitch[0].covered


# ---------------------------------------------------------------- the measure


ARTICLE = """A Heading Of Few Words

Serving models: creating APIs exposing model predictions to other applications with batching.

Building experience:
  • Internships during education
  • Personal projects deployed publicly on the web
  • Contributing to open-source machine learning projects

Serving models: creating APIs exposing model predictions to other applications with batching.
"""


def test_paragraphs_are_prose_lines_and_bullet_runs_with_their_lead_line() -> None:
    found = coverage.paragraphs("x", ARTICLE)
    assert [p.line for p in found] == [3, 5]  # the heading is too short; the repeat counts once
    bullets = found[1]
    assert bullets.text.startswith("Building experience:")
    assert bullets.units == (
        "Internships during education",
        "Personal projects deployed publicly on the web",
        "Contributing to open-source machine learning projects",
    )


def test_a_unit_is_said_when_half_its_words_are_in_one_statement() -> None:
    paragraph = coverage.Paragraph("x", 1, "", ("Alpha beta gamma delta epsilon zeta.",))
    half = coverage.Statements([coverage.words("alpha beta gamma, and more")])
    less = coverage.Statements([coverage.words("alpha beta"), coverage.words("gamma delta")])  # two statements
    assert coverage.judge(paragraph, half).covered
    assert not coverage.judge(paragraph, less).covered


def test_a_paragraph_needs_half_its_units_said() -> None:
    units = ("Alpha beta gamma delta.", "Epsilon zeta eta theta.", "Iota kappa lambda omicron.")
    paragraph = coverage.Paragraph("x", 1, " ".join(units), units)
    one = coverage.Statements([coverage.words("alpha beta gamma delta")])
    two = coverage.Statements([coverage.words("alpha beta gamma delta epsilon zeta eta")])
    assert not coverage.judge(paragraph, one).covered
    assert coverage.judge(paragraph, two).covered


def test_words_ignore_case_stop_words_and_plurals() -> None:
    assert coverage.words("The Models and the model's APIs") == coverage.words("model api")


def test_a_statement_counts_only_for_the_article_it_cites(library: Library) -> None:
    said = coverage.statements(library)
    serving = coverage.words("synchronous APIs for real-time predictions, asynchronous processing for batch workloads")
    assert any(len(serving & s) >= len(serving) // 2 for s in said["pensero"])
    assert not any(len(serving & s) >= len(serving) // 2 for s in said["careersteps"])


# ---------------------------------------------------------------- the command


def run_coverage(*args: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot", "coverage", *args], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60
    )


def test_the_command_passes_on_the_real_content() -> None:
    done = run_coverage()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 uncovered" in done.stdout


def test_the_command_lists_a_paragraph_no_entry_says_and_fails(tmp_path: Path) -> None:
    shutil.copytree(coverage.ARTICLES_DIR, tmp_path, dirs_exist_ok=True)
    careersteps = tmp_path / "002_2dd56340554646a8.txt"
    added = "Quantum annealing hardware will replace gradient descent for training every large network by next spring."
    careersteps.write_text(careersteps.read_text(encoding="utf-8") + "\n" + added + "\n", encoding="utf-8")
    done = run_coverage("--articles", str(tmp_path))
    assert done.returncode == 1
    assert "careersteps:" in done.stdout and "Quantum annealing hardware" in done.stdout
    assert "1 uncovered" in done.stdout


def test_the_command_says_plainly_when_the_articles_are_missing(tmp_path: Path) -> None:
    done = run_coverage("--articles", str(tmp_path / "nowhere"))
    assert done.returncode == 1
    assert "cannot read the articles" in done.stderr and "Traceback" not in done.stderr
