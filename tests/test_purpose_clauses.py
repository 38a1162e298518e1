"""What a question asks comes before the purpose it is asked for ("which projects should I build so I
can land my first job?"): the purpose weighs as chatter does, so the thing asked about answers."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import ASIDE_WEIGHT, clause_weights


def test_the_purpose_after_the_asking_weighs_as_chatter() -> None:
    assert clause_weights("which cert should i take so that i can land a job?") == [
        ("which cert should i take ", 1.0),
        ("so that i can land a job?", ASIDE_WEIGHT),
    ]


def test_so_as_therefore_before_the_question_is_no_purpose() -> None:
    text = "im a data scientist so i know python, what else do i need?"
    assert clause_weights(text) == [(text, 1.0)]


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("which projects should i build so i can land my first ai job?", "r:portfolio-projects"),
        ("which cloud should i learn so i can get hired faster", "cloud"),
        ("which certification should i get so i stand out to employers", "learning-certifications"),
    ],
)
def test_the_thing_asked_answers_not_the_purpose(engine: Engine, question: str, topic: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", topic), question
