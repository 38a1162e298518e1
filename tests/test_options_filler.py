""" "Options" is how a question asks for what there is ("what are my options", "what options
exist"), as "ways" is: no term. An entry that happens to name options ("hiring options") is not
pulled into questions about something else."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import terms


def test_options_is_no_term() -> None:
    assert terms("what options are there for learning") == terms("what is there for learning")


@pytest.mark.parametrize(
    ("question", "topics"),
    [
        ("what career options does an ai engineer have after some years?", {"career-ladder"}),
    ],
)
def test_the_subject_answers_not_the_entry_that_names_options(engine: Engine, question: str, topics: set[str]) -> None:
    reply = engine.answer(question, "dm")
    assert reply.kind == "answer", question
    assert reply.topic_id in topics, question


def test_hiring_options_still_reach_the_hiring_models(engine: Engine) -> None:
    assert engine.answer("what hiring options does a company have for ai work?", "dm").topic_id == "hiring-overview"
