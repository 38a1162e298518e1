"""'Must have' is one term: both words alone are stopwords, so 'must have python libraries' could
not find the fact that says 'must-haves are pandas and numpy, PyTorch or TensorFlow, FastAPI'."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import text_lines
from bot.text import terms


def test_must_have_is_one_term() -> None:
    assert terms("must-have libraries") == terms("must haves libraries") == terms("must have library")
    assert len(terms("must have library")) == 2


@pytest.mark.parametrize(
    "question",
    ["must have python libraries for ai engineering", "what are the must-have python packages I should know?"],
)
def test_must_have_libraries_show_the_must_haves(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and "FastAPI" in "\n".join(text_lines(reply.card))
