"""Questions worded as people word them reach the entry that has the answer: kin words count in
matching, derived word forms are read as the content's, and the bot is asked for help as people ask."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import CONTENT

from bot.answering import Engine
from bot.content import load_library
from bot.matching import Matcher
from bot.text import stem, strip_slack_markup


def _with_family(tmp_path: Path, family: str) -> Path:
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    vocabulary = folder / "vocabulary.yaml"
    text = vocabulary.read_text(encoding="utf-8").replace("word_families:\n", f"word_families:\n  - [{family}]\n")
    vocabulary.write_text(text, encoding="utf-8")
    return folder


def _scores(matcher: Matcher, question: str) -> dict[str, float]:
    return {c.topic_id: c.score for c in matcher.rank(matcher.query_terms(question), top=100)}


def test_a_word_counts_for_an_entry_that_uses_only_its_kin(tmp_path: Path) -> None:
    """The families in content/vocabulary.yaml are read by matching too: "zorbly" asked finds the
    sectors entry, which says "Defense", only once a family makes them kin."""
    before = _scores(Matcher(load_library(CONTENT)), "zorbly sectors")
    after = _scores(Matcher(load_library(_with_family(tmp_path, "zorbly, defense"))), "zorbly sectors")
    assert after["market-sectors"] > before["market-sectors"]


def test_a_word_the_content_uses_is_read_as_written_not_through_its_kin(engine: Engine) -> None:
    """ "study" and "learn" are kin, but "deep learning" is no studying: the frameworks entry must not
    outrank the learning order for what to study after a framework."""
    scores = _scores(engine.matcher, "study pytorch")
    assert scores.get("deep-learning-frameworks", 0.0) < scores["skill-building-sequence"]


def test_a_kin_word_is_weaker_evidence_than_the_word_itself(tmp_path: Path) -> None:
    matcher = Matcher(load_library(_with_family(tmp_path, "zorbly, defense")))
    assert _scores(matcher, "defense sectors")["market-sectors"] > _scores(matcher, "zorbly sectors")["market-sectors"]


@pytest.mark.parametrize(
    ("written", "asked"),
    [("classical", "classic"), ("statistical", "statistics"), ("typically", "typical"), ("medical", "medic")],
)
def test_an_ical_word_and_its_ic_form_are_one_term(written: str, asked: str) -> None:
    assert stem(written) == stem(asked)


def test_a_question_in_the_ic_form_finds_the_entry_that_writes_ical(engine: Engine) -> None:
    """The fundamentals entry writes "Classical algorithms": asked about "classic" ones, it is matched on it."""
    matcher = engine.matcher
    terms = matcher.query_terms("classic algorithms")
    assert any(c.topic_id == "ml-fundamentals" for c in matcher.rank(terms, top=3))


def test_a_bare_links_address_is_not_read_as_words() -> None:
    assert strip_slack_markup("see <https://github.com/acme-corp/platform/pull/4821>").strip() == "see"
    assert strip_slack_markup("<https://x.io|the course>") == "the course", "a link's label is what it shows"


def test_a_pasted_link_alone_is_no_question_to_answer(engine: Engine) -> None:
    """Its address ("github ... platform pull") once made practice projects look like a clear answer."""
    assert engine.answer("<https://github.com/acme-corp/platform/pull/4821>", "dm").kind != "answer"


def test_the_command_word_is_no_evidence_among_the_entries_of_its_own_kind(engine: Engine) -> None:
    """ "skills ..." naming no skill is answered from the skills family: "skill" itself says nothing
    about which skill, and must not lift the overview (its title says "skills") over the one asked."""
    assert engine.answer("skills which classic algorithms", "slash").topic_id == "ml-fundamentals"
