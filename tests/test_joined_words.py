"""A word the articles hyphenate, typed as one ("pretrained", "finetune", "opensource"), is read as
the articles' two words, not as a word they never use (which made such questions "about something else")."""

from __future__ import annotations

from bot.answering import Engine


def test_a_hyphenated_word_typed_as_one_is_read_as_its_two_words(engine: Engine) -> None:
    assert engine.matcher.query_terms("pretrained").words == engine.matcher.query_terms("pre-trained").words
    assert engine.matcher.query_terms("finetuning").words == engine.matcher.query_terms("fine-tuning").words


def test_a_word_the_articles_never_hyphenate_is_left_alone(engine: Engine) -> None:
    assert engine.matcher.query_terms("sandwich").words == frozenset({"sandwich"})


def test_a_question_with_a_joined_word_is_answered(engine: Engine) -> None:
    reply = engine.answer("should we finetune a model or use rag for our support assistant", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "llm")
