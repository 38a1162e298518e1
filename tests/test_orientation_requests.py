"""Asking how to begin with the bot, or for everything it can be asked, gets the help card: a word of
starting typed alone, "a list of all I can ask", "where should I begin? what can you help with", and the
same in Hinglish. Where a career starts, asked on its own or with a subject, stays a career answer."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.social import social_cue

STARTING_ALONE = ["start", "begin", "let's begin", "ok start"]
EVERYTHING_ONE_MAY_ASK = [
    "can I get a list of all I can ask here?",
    "send me everything we can ask you about",
    "is there a page with everything i could ask?",
    "give me the rundown of what we can ask",
]
ORIENTATION_WITH_CHATTER = [
    "hey there! where should i begin? what can you help me with?",
    "morning! my lead said you'd help me get into ai engineering. how do i start, what should i ask?",
]
HINGLISH = ["yeh bot kaise kaam karta hai?", "madad", "aap kya kar sakte ho?"]
WHERE_A_CAREER_STARTS = [
    "where do i start?",
    "hi! where do i start with ai engineering?",
    "start learning python or math first?",
    "begin with pytorch or tensorflow?",
    "what can i ask in an ai engineer interview?",
]


@pytest.mark.parametrize("text", STARTING_ALONE)
@pytest.mark.parametrize("via", ["slash", "dm"])
def test_a_word_of_starting_alone_gets_help(engine: Engine, text: str, via: str) -> None:
    assert engine.answer(text, via).kind == "help"  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [*EVERYTHING_ONE_MAY_ASK, *ORIENTATION_WITH_CHATTER, *HINGLISH])
@pytest.mark.parametrize("via", ["dm", "mention"])
def test_asking_what_one_may_ask_gets_help(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)  # type: ignore[arg-type]
    assert reply.kind == "help", (reply.kind, reply.topic_id)
    assert reply.card is not None and reply.card.title.startswith("aieng")


@pytest.mark.parametrize("text", WHERE_A_CAREER_STARTS)
def test_where_a_career_starts_is_still_answered(engine: Engine, text: str) -> None:
    assert engine.answer(text, "dm").kind == "answer"


def test_where_to_start_is_cut_only_beside_a_phrase_about_the_bot() -> None:
    cue = social_cue("i'm new to ml. where should i start, what can i ask?")
    assert cue is not None and cue.rest == "im new to ml."
    assert social_cue("where should i start?") is None


QUESTIONS_TO_ASK_SOMEONE_ELSE = [
    "what questions should i ask my recruiter about the offer?",
    "what kind of questions can we ask the hiring manager",
    "what questions can i ask in the final round?",
    "what sort of questions could i ask at the end of an interview",
]


@pytest.mark.parametrize("text", QUESTIONS_TO_ASK_SOMEONE_ELSE)
def test_questions_to_ask_someone_else_are_not_about_the_bot(engine: Engine, text: str) -> None:
    assert engine.answer(text, "dm").kind != "help"


def test_what_to_say_is_about_the_bot_only_when_it_is_named(engine: Engine) -> None:
    assert engine.answer("the recruiter wants my current salary, what do i say?", "dm").kind != "help"
    assert engine.answer("hi! what can i say to you?", "dm").kind == "help"
    assert engine.answer("what should i say", "dm").kind == "help"
