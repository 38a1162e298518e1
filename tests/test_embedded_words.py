"""Embedded is not embeddings: an embedded engineer asking the way into AI gets the path out of
software engineering (whose backgrounds name them), not the vector databases card, while a question
about embeddings still finds it."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import stem


def test_embeddings_and_embedded_are_different_words() -> None:
    assert stem("embedding") == stem("embeddings") != stem("embedded")


@pytest.mark.parametrize(
    "question",
    [
        "embedded engineer here, how do I move into AI?",
        "I write firmware for embedded systems, can I become an AI engineer?",
        "embedded dev with 5 years in C, what should I learn first for AI?",
    ],
)
def test_an_embedded_engineer_gets_the_way_in(engine: Engine, question: str) -> None:
    assert engine.answer(question, "dm").topic_id == "r:swe-to-ai-engineer"


@pytest.mark.parametrize("question", ["how do embeddings work in RAG?", "what is an embedding model"])
def test_embeddings_still_find_vector_databases(engine: Engine, question: str) -> None:
    assert engine.answer(question, "dm").topic_id == "vector-databases"
