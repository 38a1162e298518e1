"""What a question passes over for something else ("besides X", "instead of X", "alternatives to
X") is not its answer, unless the rest of the question asks about that very entry too."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.intents import passed_over, without_passed_over
from bot.text import split_words


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("instead of a consultancy, who could build it?", "a consultancy"),
        ("what are the alternatives to hiring an employee?", "hiring an employee"),
        ("other than staff augmentation, how can we get help?", "staff augmentation"),
        ("can i become an ai engineer without a degree?", None),  # "without" qualifies what is asked
        ("what comes beyond senior?", None),
    ],
)
def test_the_words_passed_over_are_read(text: str, phrase: str | None) -> None:
    spans = passed_over(text)
    written = split_words(text)
    assert [" ".join(written[i] for i in span) for span in spans] == ([phrase] if phrase else [])


def test_the_rest_of_the_question_is_kept() -> None:
    assert without_passed_over("besides the bootcamp, what should i study?").strip() == ", what should i study?"


@pytest.mark.parametrize(
    ("question", "passed"),
    [
        ("besides a full-time hire, how else could a startup bring in ai engineering skills?", "full-time-hire"),
        ("except for staff augmentation, what ways of working with ai engineers exist?", "staff-augmentation"),
        ("aside from staff augmentation, which hiring models are there?", "staff-augmentation"),
    ],
)
def test_the_entry_passed_over_is_not_the_answer(engine: Engine, question: str, passed: str) -> None:
    reply = engine.answer(question, "dm")
    assert reply.kind == "answer", question
    assert reply.topic_id != passed, question


def test_an_entry_the_rest_still_asks_about_answers(engine: Engine) -> None:
    reply = engine.answer("apart from rag, which other llm skills are worth learning?", "dm")
    assert reply.topic_id == "llm"


def test_an_entry_the_rest_answers_best_answers(engine: Engine) -> None:
    assert (
        engine.answer("apart from pytorch, what frameworks should i know?", "dm").topic_id == "deep-learning-frameworks"
    )
