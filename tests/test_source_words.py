"""Words that point at the sources themselves ("what reasons do the guides give") are how a
question is asked, not what it is about: they are no terms, and the rest of the question is read
for what it asks. ("Articles" stays a term: the pay entries that set each article's figures side
by side are asked about by it: "what does each article say?")"""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.text import terms


@pytest.mark.parametrize("words", ["the guides give", "the guides", "it gives"])
def test_words_about_the_sources_are_no_terms(words: str) -> None:
    assert terms(f"what reasons do {words}") == terms("what reasons do")


def test_a_question_put_to_the_articles_is_read_for_its_subject(engine: Engine) -> None:
    reply = engine.answer(
        "leadership is surprised ml engineers cost this much. what explanation do the articles give?", "dm"
    )
    assert reply.kind == "answer"
    assert reply.about_pay
