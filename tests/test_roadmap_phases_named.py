"""A question naming a roadmap's phase by the name people give it opens that phase, and a move
from one role to another ("X → Y") is a path, not a comparison of the two roles."""

from __future__ import annotations

from bot.answering import Engine
from bot.intents import weighs_roles
from bot.parsing import parse


def test_a_phase_alias_opens_that_phase(engine: Engine) -> None:
    reply = engine.answer("data scientist moving into ai engineering: when am I ready to make the switch?", "dm")
    assert reply.topic_id == "r:ds-to-ai-engineer:3"  # Step 4: Transition


def test_an_arrow_between_roles_is_a_move_not_a_comparison(engine: Engine) -> None:
    moving = parse("data scientist → ai engineer: the different plans", engine.index, grammar=False)
    comparing = parse("data scientist vs ai engineer: the different duties", engine.index, grammar=False)
    assert not weighs_roles(moving)
    assert weighs_roles(comparing)


def test_from_one_role_to_another_is_a_move(engine: Engine) -> None:
    query = parse("how different is it going from software engineer to ai engineer", engine.index, grammar=False)
    assert not weighs_roles(query)
