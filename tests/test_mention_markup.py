"""A user mention's markup is never the person's words, whatever its id looks like: a bot that never
learned its own id writes "<@None>", and "none" is no term of the question."""

from __future__ import annotations

from bot.text import clean_question


def test_a_mention_with_an_id_slack_would_not_give_is_still_markup() -> None:
    assert clean_question("<@None> what does an mlops engineer do?") == "what does an mlops engineer do?"


def test_a_mention_with_a_name_is_markup() -> None:
    assert clean_question("<@U0BOT|aieng> salary senior") == "salary senior"
