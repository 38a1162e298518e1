"""A typo is mended to a word the content uses only when it keeps its first letter (or swaps it with the
second): people misspell inside a word, seldom its start, and a real word that merely ends with
another ("vacation", "action") is no typo of it."""

from __future__ import annotations

from bot.answering import Engine
from bot.parsing import parse


def test_a_typo_inside_a_word_is_mended(engine: Engine) -> None:
    assert {"engineer", "infrastructur"} <= engine.matcher.query_terms("enginer for infrastucture").words
    assert "compensation" in engine.matcher.query_terms("ocmpensation").words, "the first two letters swapped"


def test_a_word_is_not_mended_to_a_word_it_ends_with(engine: Engine) -> None:
    words = engine.matcher.query_terms("a vacation plan, is it worth the bother?").words
    assert not {"action", "other"} & words
    assert {"vacation", "bother"} <= words


def test_a_day_off_is_not_the_action_plan(engine: Engine) -> None:
    reply = engine.answer("how much vacation do AI engineers get?", "dm")
    assert reply.topic_id != "r:thirty-day-plan", "vacation is not action, as in the 30-day action plan"


def test_a_name_with_letters_added_at_one_end_is_another_word_not_its_typo(engine: Engine) -> None:
    assert (
        parse("netflix rsu refresher policy for ML engineers", engine.index, grammar=False).entities.ids("level") == []
    )
    assert parse("seniorr salary", engine.index, grammar=False).entities.ids("level") == ["senior"]
