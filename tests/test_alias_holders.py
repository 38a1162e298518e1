"""A name people use for a thing sits on the entry whose facts speak of it: asked about
hyperparameter optimization, the card is the one that names the techniques (grid search, random
search, Bayesian optimization), not the model-selection entry that only mentions optimizing."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import render


@pytest.mark.parametrize(
    "question",
    [
        "how is hyperparameter optimization done in practice?",
        "what approaches to hyperparameter optimization exist?",
        "should i learn bayesian optimization or grid search?",
    ],
)
def test_hyperparameter_questions_get_the_techniques(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "ml-fundamentals"), question
    assert reply.card is not None
    assert "grid search" in str(render(reply.card).payload()).lower()
