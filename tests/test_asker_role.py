"""A role named as who is asking ("as a frontend developer", "i'm a software engineer") is not what
the question asks about: its own card gets no bonus for being named, and in a question that weighs
things without asking the way in, neither does the path out of it."""

from __future__ import annotations

from bot.answering import Engine


def test_an_asker_weighing_ai_systems_against_software_gets_the_comparison(engine: Engine) -> None:
    reply = engine.answer("as a frontend developer, how is building AI systems different from regular software?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "compare-ai-engineer-software-engineer")


def test_an_asker_asking_what_to_learn_gets_the_path_out_of_their_role(engine: Engine) -> None:
    reply = engine.answer("i'm a software engineer, what should i learn next for ai?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "r:swe-to-ai-engineer")


def test_a_move_from_the_askers_role_still_gets_its_path(engine: Engine) -> None:
    reply = engine.answer("as a software engineer, how do I move into AI engineering?", "dm")
    assert reply.topic_id == "r:swe-to-ai-engineer"
