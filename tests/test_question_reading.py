"""How a question is read: the sentence a question refers back to is part of what it asks, and
"side by side" says how to lay the answer out, not what it is about."""

from __future__ import annotations

from bot.answering import Engine
from bot.text import ASIDE_WEIGHT, sentence_weights, terms, word_weights


def test_a_question_that_refers_back_asks_about_the_sentence_before_it() -> None:
    weights = [w for _, w in sentence_weights("I read two plans with different timelines. Can you compare them?")]
    assert weights == [1.0, 1.0]


def test_a_question_that_does_not_refer_back_leaves_the_sentence_before_it_an_aside() -> None:
    weights = [w for _, w in sentence_weights("I read two plans with different timelines. What is RAG?")]
    assert weights == [ASIDE_WEIGHT, 1.0]


def test_each_word_carries_its_sentences_weight() -> None:
    assert word_weights("Backend dev here. How do I start?") == [ASIDE_WEIGHT] * 3 + [1.0] * 4


def test_side_by_side_is_layout_not_a_topic() -> None:
    assert terms("the timelines side by side") == terms("the timelines")
    assert terms("salaries side-by-side please") == terms("salaries please")


def test_plans_referred_to_and_wanted_side_by_side_get_that_path(engine: Engine) -> None:
    question = "Two data scientist → AI engineer plans I read disagree on the months. Can you lay them side by side?"
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "r:ds-to-ai-engineer")
