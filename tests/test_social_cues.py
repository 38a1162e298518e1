"""The weaker social cue (issue #10): a phrase about the bot, or a greeting, with chatter around it, gets
the help card (or the greeting) unless the rest of the message asks something the content answers."""

from __future__ import annotations

import pytest

from bot.answering import Engine, gaps_recorded
from bot.social import social_cue

HELP_WITH_CHATTER = [
    "is there a list of commands somewhere? i don't want to guess",
    "what can this bot do? my manager told me to try it",
    "hi there, what are you for? saw you in the channel",
    "how does this thing work?? never used a slack bot before",
    "how do i use /aieng properly",
    "is there a user guide or docs for this bot",
    "any quick guide for using the aieng app?",
    "what kind of questions can i ask you",
    "what topics do you cover besides salary?",
    "do you only know about salaries?",
    "do you only do roadmaps or other things as well",
    "is salary the only thing you know or is there more",
    "what else can you tell me about, other than pay?",
    "are you the career bot people keep mentioning?",
    "you're the ai careers bot right?",
    "is this the bot that answers ai engineering questions?",
    "what are you, some kind of assistant?",
    "hello! first week here and someone pointed me to you, what can you help with?",
    "just joined the team, how do i use you?",
    "any tips on how to use this?",
    "list everything you can do",
    "hi! what kinds of info do you have?",
    "is there a help page for this?",
    "can you tell me what you're able to do",
    "hey bot, what are your capabilities?",
    # saying who one is, beside the cue, asks nothing: the role or job names the asker
    "I'm a recruiter, new here, how do I use you?",
    "hi, recruiter here. what can you do?",
    "hey! i'm a junior dev, first day on this channel, what's this bot for?",
    "backend engineer here, how does this thing work?",
    "as an ML engineer, what kind of questions can i ask you",
    "hey 👋 first time using this. what are you for and how do I ask stuff?",
    "never used this bot before, how does it work",
]
GREETING_WITH_CHATTER = [
    "hey there! just joined the workspace 🙂",
    "hi! hope you're having a good day",
    "good morning aieng, first day here",
    "hey! someone recommended you to me",
]
# A cue with a question about a topic: the question is answered (topic id or ref prefix; "": any answer).
QUESTIONS_WITH_A_CUE = [
    ("hi, new here. what skills does an ai engineer need?", "skills-overview"),
    ("first day here! how long does it take to become an ai engineer?", "transition-timeline"),
    ("hey, what do senior ai engineers make in nyc?", "s:level=senior,location=new-york"),
    ("hello, salary for senior in london", "s:level=senior,location=uk"),
    ("what do you know about RAG?", "llm"),
    ("what sort of questions come up in an ai engineer interview?", ""),  # any interview answer
    ("what kind of projects should i build for my portfolio?", "r:portfolio-projects"),
    ("hey 👋 can ai engineers work remotely?", "faq-remote-work"),
    # who asks, and what they ask the bot for
    ("I'm a data scientist. How do I use this bot to plan my move into AI engineering?", "r:ds-to-ai-engineer"),
    ("I'm a recruiter, how do I use you to benchmark senior AI engineer pay?", "s:level=senior"),
]


@pytest.mark.parametrize("text", HELP_WITH_CHATTER)
@pytest.mark.parametrize("via", ["dm", "mention"])
def test_a_phrase_about_the_bot_with_chatter_gets_help(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)  # type: ignore[arg-type]
    assert reply.kind == "help"
    assert reply.card is not None and reply.card.title.startswith("aieng")


@pytest.mark.parametrize("text", GREETING_WITH_CHATTER)
def test_a_greeting_with_chatter_gets_the_greeting(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "help"
    assert reply.card is not None and reply.card.title.startswith("Hi!")


@pytest.mark.parametrize(("text", "expected"), QUESTIONS_WITH_A_CUE)
def test_a_cue_around_a_question_leaves_the_question_answered(engine: Engine, text: str, expected: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer"
    assert (reply.card.ref if reply.card else "").startswith(expected) or (reply.topic_id or "").startswith(expected)


def test_a_cue_around_a_pay_question_about_another_job_says_it_is_not_covered(engine: Engine) -> None:
    reply = engine.answer("hi! how much do nurses make in ohio?", "dm")
    assert reply.kind == "fallback"
    assert reply.topic_id is not None  # the card that says so, not help


def test_help_given_for_a_cue_records_no_gap(engine: Engine) -> None:
    before = gaps_recorded()
    assert engine.answer("how does this thing work?? never used a slack bot before", "dm").kind == "help"
    assert gaps_recorded() == before


def test_a_channel_message_with_a_cue_is_still_left_alone(engine: Engine) -> None:
    assert engine.answer("is there a list of commands somewhere? i don't want to guess", "channel").kind == "ignore"


def test_the_phrase_about_the_bot_is_cut_and_its_question_mark_with_it() -> None:
    cue = social_cue("how does this thing work?? never used a slack bot before")
    assert cue is not None and cue.kind == "help"
    assert cue.rest == "never used a slack bot before"


def test_a_clause_about_the_bots_scope_is_cut_whole() -> None:
    cue = social_cue("do you only do salaries or other stuff as well?")
    assert cue is not None and (cue.kind, cue.rest) == ("help", "")


def test_arriving_is_chatter_and_a_plain_question_has_no_cue() -> None:
    cue = social_cue("hey! first week here")
    assert cue is not None and (cue.kind, cue.rest) == ("greeting", "")
    assert social_cue("what does an ai engineer do all day?") is None


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        # a clause cut starts where the phrase cut before it ended, inside the same clause
        ("what can you do for me and do you only do salaries? thanks", "thanks"),
        # ...and where its clause starts otherwise: the clause before it stays
        ("i am a data analyst. do you only do salaries? thanks", "i am a data analyst.  thanks"),
        ("hi. are you the bot for ai careers or not? ok", "ok"),
        # a phrase that starts before the clause phrase's clause is cut on its own
        ("how do i use this, what kinds of stuff can i ask you", ""),
    ],
)
def test_phrases_and_clauses_about_the_bot_are_cut_where_they_start(text: str, rest: str) -> None:
    cue = social_cue(text)
    assert cue is not None and (cue.kind, cue.rest) == ("help", rest)
