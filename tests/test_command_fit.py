"""A leading command word wins only when the rest of the words fit the command: words that name
nothing of its kind make a free question (a topic word that is part of the question)."""

from __future__ import annotations

from bot.answering import Engine


def test_learn_words_naming_no_learning_topic_are_a_free_question(engine: Engine) -> None:
    reply = engine.answer("learning curve rating", "slash")
    assert reply.kind == "answer" and reply.topic_id != "c:learn"
    assert reply.card is not None and "9.5/10" in str(reply.card)


def test_a_free_answer_of_another_kind_does_not_replace_the_command(engine: Engine) -> None:
    # words the content does not know: no free answer, and no roadmap for them (tests/test_nothing_of_kind.py)
    reply = engine.answer("roadmap sourdough baking", "slash")
    assert reply.kind == "fallback" and reply.card is not None and reply.card.buttons[0].value == "c:roadmaps"
    # the free answer for these words is a skill card, which is no roadmap: the menu of roadmaps
    assert _menu(engine.answer("roadmap data engineer spark airflow", "slash").topic_id) == "c:roadmaps"


def test_a_command_whose_words_fit_keeps_its_card(engine: Engine) -> None:
    assert engine.answer("levels staff", "slash").topic_id == "staff"
    assert engine.answer("roadmap ds step 2", "slash").topic_id == "r:ds-to-ai-engineer:1"


def test_a_bare_command_keeps_its_menu(engine: Engine) -> None:
    assert _menu(engine.answer("learn", "slash").topic_id) == "c:learn"
    assert _menu(engine.answer("roadmap", "slash").topic_id) == "c:roadmaps"


def _menu(topic_id: str | None) -> str:
    """A menu's ref without the entries a question's words open in it (c:<menu>:<i>.<j>)."""
    return ":".join((topic_id or "").split(":")[:2])
