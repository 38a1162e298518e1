"""Where a person is on a roadmap, in their words: a phase they say they finished is done (its next
phase opens, unless they name the one they are starting), and a phase named by one word beside
"part", "phase" or "step" opens that phase."""

from __future__ import annotations

from bot.answering import Engine
from bot.content import Library
from bot.phases import phase_by_word, reached_positions


def test_a_finished_phase_and_the_next_one_named_opens_the_next_one(engine: Engine) -> None:
    reply = engine.answer(
        "swe to ai roadmap: finished the machine learning basics, now on the llm skills step. what goes in it?", "dm"
    )
    assert reply.topic_id == "r:swe-to-ai-engineer:1"


def test_done_with_a_phase_opens_the_phase_after_it(engine: Engine) -> None:
    assert (
        engine.answer("java developer, done with ml foundations. what now?", "dm").topic_id == "r:swe-to-ai-engineer:1"
    )
    assert engine.answer("completed week 3 of the 30-day plan, whats left", "dm").topic_id == "r:thirty-day-plan:3"


def test_one_word_beside_part_names_the_phase_that_alone_uses_it(engine: Engine, library: Library) -> None:
    ds = library.roadmaps["ds-to-ai-engineer"]
    assert phase_by_word(ds, ("starting", "the", "llm", "part")) == 2
    assert phase_by_word(ds, ("the", "llm", "expertise")) is None  # no "part", "phase" or "step"
    assert phase_by_word(ds, ("the", "first", "step")) is None  # no phase is named "first"
    reply = engine.answer("ex data scientist starting the llm stage of my move to ai engineering, how long?", "dm")
    assert reply.topic_id == "r:ds-to-ai-engineer:2"


def test_what_is_reached_is_the_few_words_after_the_marker() -> None:
    question = tuple("i wrapped the ml basics part of the roadmap next up is the llm phase".split())
    reached = reached_positions(question)
    assert {question[i] for i in reached} >= {"ml", "basics"}
    assert question.index("llm") not in reached
