"""A command whose words go on to ask a question of another kind ("roadmap java developer, do I need
python") is answered on that question, with the command's own card one click away; a command
naming who the person is ("roadmap statistician") opens the path out of that background."""

from __future__ import annotations

from bot import refs
from bot.answering import Engine
from bot.parsing import parse


def test_a_question_after_the_commands_words_asks_about_its_own_kind(engine: Engine) -> None:
    asking = parse("roadmap frontend developer, is docker needed", engine.index, grammar=True)
    qualifying = parse("roadmap frontend developer step 2", engine.index, grammar=True)
    trailing = engine.router.trailing_question(asking)
    assert trailing is not None and trailing[1] == ("skills",)
    assert trailing[0].words == ("is", "docker", "needed")
    assert engine.router.trailing_question(qualifying) is None


def test_the_question_is_answered_and_the_commands_card_offered_under_it(engine: Engine) -> None:
    reply = engine.answer("roadmap frontend developer, is docker needed?", "slash")
    assert (reply.kind, reply.topic_id) == ("answer", "containers")
    assert reply.card is not None
    assert str(refs.roadmap("swe-to-ai-engineer")) in [b.value for b in reply.card.buttons]


def test_a_roadmap_command_naming_a_background_opens_its_path(engine: Engine) -> None:
    assert engine.answer("roadmap statistician", "slash").topic_id == "r:ds-to-ai-engineer"
