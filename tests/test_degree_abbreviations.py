"""A degree typed short is the degree: a BS (or BSc) is a bachelor's, an MSc a master's, so a
question about "just a BS" finds what the articles say about bachelor's degree holders."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import text_lines
from bot.text import terms


def test_a_degree_typed_short_is_the_degree() -> None:
    assert terms("BS") == terms("BSc") == terms("bachelor's")
    assert terms("MSc") == terms("masters")


@pytest.mark.parametrize(
    "question",
    [
        "what share of ai engineer positions accept someone with only a BS?",
        "are ai jobs open to people with a BS or do they want more?",
    ],
)
def test_a_bs_finds_what_the_articles_say_of_bachelors(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "education-degree-requirements"), question
    assert reply.card is not None and "50%" in "\n".join(text_lines(reply.card))
