"""How much a question resembles one an entry lists counts the rare words they share, not how alike
the two read letter by letter: a question sharing no telling word with any listed question gains
nothing from resembling it."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.matching import WeighedTerms, resemblance
from bot.text import terms


def _weighed(weights: dict[str, float]) -> WeighedTerms:
    return WeighedTerms(weights, sum(weights.values()))


def test_questions_sharing_no_term_do_not_resemble_each_other() -> None:
    asked = _weighed({"meaning": 4.7, "lif": 4.7})
    listed = _weighed({"mlop": 4.0})
    assert resemblance(asked, listed) == 0.0


def test_a_shared_rare_word_resembles_more_than_shared_common_ones() -> None:
    listed = _weighed({"ai": 1.0, "engineer": 1.0, "drift": 4.0})
    common = _weighed({"ai": 1.0, "engineer": 1.0, "salary": 3.0})
    rare = _weighed({"drift": 4.0, "salary": 3.0})
    assert resemblance(rare, listed) > resemblance(common, listed)


def test_the_same_terms_resemble_fully() -> None:
    terms = _weighed({"model": 1.7, "drift": 4.0})
    assert resemblance(terms, terms) == pytest.approx(1.0)


def test_a_listed_question_asked_whole_among_words_of_ones_own_resembles_more_than_part_of_it() -> None:
    """ "for our annual review, how fast is pay growing?" asks all of "how fast is pay growing?"."""
    listed = _weighed({"fast": 3.0, "pay": 3.0, "grow": 3.0})
    around = _weighed({"annual": 4.0, "review": 4.0, "fast": 3.0, "pay": 3.0, "grow": 3.0})
    part = _weighed({"fast": 3.0, "grow": 3.0})
    assert resemblance(around, listed) > resemblance(part, listed)


def test_a_question_about_something_else_is_not_answered_for_reading_like_one(engine: Engine) -> None:
    assert engine.answer("what is the meaning of life", "dm").kind != "answer"


def test_an_entrys_title_is_resembled_like_its_questions(engine: Engine) -> None:
    """A title names the question its entry answers ("Myth: AI engineers always build models from scratch")."""
    entry = engine.library.entries["misconception-builds-models-from-scratch"]
    listed = [set(q.weights) for q in engine.matcher.questions[entry.topic.id]]
    assert set(terms(entry.topic.title)) in listed


def test_a_word_the_content_never_uses_resembles_a_listed_question_using_its_kin() -> None:
    """ "struggling" asked, "hard" listed: half the evidence, as in an entry's words (KIN_WEIGHT)."""
    asked = _weighed({"struggl": 4.7, "hir": 2.5})
    listed = _weighed({"hard": 3.0, "hir": 2.5})
    assert resemblance(asked, listed, {"struggl": frozenset({"hard"})}) > resemblance(asked, listed)


def test_struggling_to_hire_resembles_why_it_is_hard_to_recruit(engine: Engine) -> None:
    reply = engine.answer("why is every company struggling to hire AI engineers right now?", "dm")
    assert reply.topic_id == "hiring-timeline"
