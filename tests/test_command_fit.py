"""A leading command word wins only when the rest of the words fit the command: words that name
nothing of its kind make a free question (a topic word that is part of the question)."""

from __future__ import annotations

from bot.answering import Engine


def test_learn_words_naming_no_learning_topic_are_a_free_question(engine: Engine) -> None:
    reply = engine.answer("learning curve rating", "slash")
    assert reply.kind == "answer" and reply.topic_id != "c:learn"
    assert reply.card is not None and "9.5/10" in str(reply.card)


def test_levels_words_naming_no_level_are_a_free_question(engine: Engine) -> None:
    reply = engine.answer("levels of pay", "slash")
    assert reply.kind == "answer" and reply.topic_id is not None and reply.topic_id.startswith("s:")


def test_a_command_whose_words_fit_keeps_its_card(engine: Engine) -> None:
    assert engine.answer("levels staff", "slash").topic_id == "staff"
    assert engine.answer("roadmap ds step 2", "slash").topic_id == "r:ds-to-ai-engineer:1"


def test_a_bare_command_keeps_its_menu(engine: Engine) -> None:
    assert engine.answer("learn", "slash").topic_id == "c:learn"
    assert engine.answer("roadmap", "slash").topic_id == "c:roadmaps"
