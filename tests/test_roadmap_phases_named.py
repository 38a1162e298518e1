"""A question naming a roadmap's phase by the name people give it opens that phase, and a move
("X → Y", "start as X first or go straight for Y") is a path, not a comparison of the two roles."""

from __future__ import annotations

from bot.answering import Engine
from bot.candidates import aside_positions
from bot.intents import moves_in, weighs_roles
from bot.parsing import parse
from bot.rendering import text_lines


def test_a_phase_alias_opens_that_phase(engine: Engine) -> None:
    reply = engine.answer("data scientist moving into ai engineering: when am I ready to make the switch?", "dm")
    assert reply.topic_id == "r:ds-to-ai-engineer:3"  # Step 4: Transition


def test_a_name_of_the_whole_move_holding_a_phase_name_opens_the_whole_roadmap(engine: Engine) -> None:
    # "Transition" is a phase's name and the word people use for the whole move
    whole = engine.answer("how many months is the data scientist transition overall?", "dm")
    assert whole.topic_id == "r:ds-to-ai-engineer"
    assert engine.answer("software engineer transition: what's involved?", "dm").topic_id == "r:swe-to-ai-engineer"
    step = engine.answer("as a data scientist, what do I do in the transition step?", "dm")
    assert step.topic_id == "r:ds-to-ai-engineer:3"


def test_an_arrow_between_roles_is_a_move_not_a_comparison(engine: Engine) -> None:
    moving = parse("data scientist → ai engineer: the different plans", engine.index, grammar=False)
    comparing = parse("data scientist vs ai engineer: the different duties", engine.index, grammar=False)
    assert not weighs_roles(moving)
    assert weighs_roles(comparing)


def test_from_one_role_to_another_is_a_move(engine: Engine) -> None:
    query = parse("how different is it going from software engineer to ai engineer", engine.index, grammar=False)
    assert not weighs_roles(query)


def test_roles_put_in_an_order_in_time_are_two_paths_not_a_comparison(engine: Engine) -> None:
    ordered = parse(
        "should I start as a data scientist first or go straight for ai engineer roles", engine.index, grammar=False
    )
    weighed = parse("data scientist or ai engineer: which suits a maths graduate?", engine.index, grammar=False)
    assert not weighs_roles(ordered)
    assert weighs_roles(weighed)


def test_a_new_graduate_choosing_between_paths_gets_the_entry_openings_and_their_share(engine: Engine) -> None:
    reply = engine.answer(
        "fresh out of uni: apply straight to AI engineer jobs, or work as a software engineer first?", "dm"
    )
    assert reply.topic_id == "market-entry-level-openings"
    assert reply.card is not None and "2.5%" in "\n".join(text_lines(reply.card)), "the share of junior openings shows"


def test_a_phase_named_beside_the_role_the_person_comes_from_opens_that_phase(engine: Engine) -> None:
    question = (
        "backend dev (8 yrs of java and kafka) kicking off the machine learning basics phase this week. "
        "which course should i take and how many projects?"
    )
    reply = engine.answer(question, "mention")
    assert (reply.kind, reply.topic_id) == ("answer", "r:swe-to-ai-engineer:0")  # Step 1: foundational knowledge


def test_what_comes_after_a_skill_is_the_learning_order_not_that_skill(engine: Engine) -> None:
    reply = engine.answer("what should I study after pytorch?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "r:skill-building-sequence")


def test_the_words_outside_the_asking_sentence_are_the_aside(engine: Engine) -> None:
    query = parse("Backend dev here. Which course first?", engine.index, grammar=False)
    assert aside_positions(query) == {0, 1, 2}
    command = parse("roadmap swe. which phase first?", engine.index, grammar=True)
    assert aside_positions(command) == {0}, "the command word is not one of the query's words"


def test_asking_how_to_get_in_is_read_from_the_asking_sentence_only() -> None:
    assert moves_in(("how", "do", "i", "pivot", "into", "ai"), set())
    assert not moves_in(("moved", "teams", "last", "year", "what", "is", "rag"), {0, 1, 2, 3})
    assert not moves_in(("what", "does", "an", "ai", "engineer", "do"), set())


def test_a_phase_named_after_after_is_done_so_the_next_phase_of_its_plan_opens(engine: Engine) -> None:
    reply = engine.answer("in the 30 day plan, what do I do after week 2?", "dm")
    assert reply.topic_id == "r:thirty-day-plan:2"  # Week 3
    last = engine.answer("in the 30 day plan, what comes after week 4?", "dm")
    assert last.topic_id == "r:thirty-day-plan:3", "the plan's last phase has no next: it stays"


def test_a_phase_named_by_its_own_words_beside_phase_is_evidence_for_its_roadmap(engine: Engine) -> None:
    reply = engine.answer("I'm a data scientist. After the engineering skills phase, what comes next?", "dm")
    assert reply.topic_id == "r:ds-to-ai-engineer:1"  # done with step 1, so step 2 opens
    assert engine.answer("what engineering skills do I need?", "dm").topic_id != "r:ds-to-ai-engineer"
