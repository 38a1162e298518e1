"""A question that names nothing of its own ("how??", "why is that?") asks about the story told
before it: that story is read as the question, not as chatter around it."""

from __future__ import annotations

from bot.answering import Engine
from bot.text import ASIDE_WEIGHT, sentence_weights

STORY = "our model was great at launch, now predictions are meh and nobody touched the code"


def test_a_question_that_names_nothing_weighs_the_story_before_it_fully() -> None:
    assert [w for _, w in sentence_weights(f"{STORY}. how??")] == [1.0, 1.0]


def test_a_question_with_words_of_its_own_still_outweighs_the_story() -> None:
    weights = sentence_weights(f"{STORY}. why does model drift happen?")
    assert [w for _, w in weights] == [ASIDE_WEIGHT, 1.0]


def test_the_story_scores_for_its_entry_as_if_it_were_asked(engine: Engine) -> None:
    """ "how??" adds no term: the drift entry scores the same as for the story asked as a question."""
    told = engine.answer(f"{STORY}. how??", "dm").candidates[0]
    asked = engine.answer(f"{STORY}?", "dm").candidates[0]
    assert (told.ref, told.score) == (asked.ref, asked.score)
