"""Help for phrasings written fresh (issue: help recognition on fresh phrasings): a message that speaks
to the bot or of it, about how to use it or what it offers, and names nothing the content is about, gets
the help card, in many styles (non-native English, typos, admins trying the app, emoji, one-word slash
texts). Career questions with the same words ("help", "use", "start", "you", "this", "test", "commands")
stay answers."""

from __future__ import annotations

import pytest

from bot.answering import Engine

TRYING_OUT_THE_BOT = [
    "is this bot working?",
    "hello?? anyone home? is the bot alive",
    "testing 123, does this bot respond?",
    "just testing if the app works",
    "admin here - installed aieng for the team, what does it support?",
    "we just added you to our workspace, what are your functions?",
    "which services you are providing?",
    "kindly explain the purpose of this bot",
    "what is purpose of this app",
    "is this thing on?",
    "are you online?",
    "r u alive",
    "can you explain how this bot functions",
    "explain how it works pls",
]
WHAT_ONE_MAY_ASK = [
    "i am new, what i can ask to you?",
    "what kinda questions can i ask",
    "what sorta stuff can i ask you",
    "what am i supposed to ask here?",
    "what am i meant to type?",
    "what are we allowed to ask you?",
    "how am i supposed to use this? 🤔",
    "what do i type to get started",
    "how to get started with this bot",
    "getting started?",
]
ADDRESSING_THE_BOT = [
    "hey, what r u for?",
    "how do i talk to this thing",
    "pls explain how u work",
    "what does this app even do",
    "what is this?",
    "what is this bot",
    "what's this app",
    "i dont understand how to use you",
    "sorry, first time using a slack app, how does this work?",
    "🤖 what are your capabilities",
    "capabilities",
    "abilities?",
    "your functions?",
    "list your services",
    "tutorial?",
    "is there a guide for this bot",
    "usage?",
]
TYPOS = [
    "can u giv me exmaples",
    "wat can i ask u",
    "wht do u do",
    "what am i supposed to type to get something useful out of this?",
]
GREETINGS_IN_OTHER_LANGUAGES = [
    "bonjour, how to use this bot please",
    "namaste! what can i ask you",
    "hola, can you tell me what you can do?",
    "ciao 👋 how does it work?",
    "moin, what is this bot for",
    "guten morgen, what is this bot",
]
HELP_IN_OTHER_LANGUAGES = [
    "hilfe",
    "aiuto?",
    "olá, como usar este bot?",
    "comment utiliser ce bot ?",
    "wie benutze ich diesen bot",
]
THE_BOTS_SCOPE = [
    "can you help with anything other than careers?",
    "do you answer stuff besides salaries or just that?",
    "can it do anything apart from roadmaps?",
]
SLASH_TEXTS_ABOUT_USAGE = [
    "help me",
    "getting started",
    "what is this",
    "capabilities",
    "examples",
    "what kinda stuff can i ask here",
    "how does this work",
    "usage",
    "intro",
]
CAREER_QUESTIONS_WITH_THE_SAME_WORDS = [
    "can you help me become an ai engineer?",
    "how do i use rag in production?",
    "how should i start learning machine learning?",
    "where do i start if i want to be an ml engineer",
    "what skills do you need for ai engineering?",
    "do you need a phd to be an ai engineer?",
    "is this a good time to become an ai engineer?",
    "what does an ai engineer do day to day?",
    "how do ai engineers test llm applications?",
    "what tools do ai engineers use?",
    "which commands of git should an ml engineer know?",
    "can you tell me the salary of a senior ai engineer in london?",
    "how much does an ai engineer make?",
    "what is the roadmap for a software engineer to become an ai engineer",
    "i am a data analyst, can you help me switch to ai engineering?",
    "what projects should i build for my portfolio?",
    "how long does it take to become an ai engineer?",
    "how do i prepare for an ai engineer interview?",
    "do ai engineers work remotely?",
    "what are the skills of an mlops engineer?",
    "can you compare ai engineer and ml engineer?",
    "how to start a career in ai with no degree?",
    "what certifications help for ai engineering?",
    "what is the difference between data scientist and ai engineer?",
    "is python enough for ai engineering?",
    "how do i get my first ai engineering job?",
    "what does a junior ai engineer earn?",
    "help me prepare for a machine learning interview",
    "what should i learn first, python or math?",
    "how do i use vector databases as an ai engineer?",
    "can a frontend developer become an ai engineer?",
    "what kind of projects help me get hired as an ai engineer?",
    "what kind of companies hire ai engineers?",
    "how should i test my ml models?",
    "do you think ai engineering is a good career?",
    "what does an ai engineer do vs a data scientist",
    "explain the ai engineer roadmap",
    "what are your tips for ai engineer interviews?",
    "what are the salaries of ai engineers in the us?",
    "which skills help a backend engineer move into ai?",
    "how to start with llms as a beginner",
    "can you list the skills for a senior ai engineer",
]


@pytest.mark.parametrize(
    "text",
    [
        *TRYING_OUT_THE_BOT,
        *WHAT_ONE_MAY_ASK,
        *ADDRESSING_THE_BOT,
        *TYPOS,
        *GREETINGS_IN_OTHER_LANGUAGES,
        *HELP_IN_OTHER_LANGUAGES,
        *THE_BOTS_SCOPE,
    ],
)
@pytest.mark.parametrize("via", ["dm", "mention"])
def test_a_message_about_using_the_bot_gets_help(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)  # type: ignore[arg-type]
    assert reply.kind == "help", (reply.kind, reply.topic_id)


@pytest.mark.parametrize("text", SLASH_TEXTS_ABOUT_USAGE)
def test_a_slash_text_about_usage_gets_help(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "slash")
    assert reply.kind == "help", (reply.kind, reply.topic_id)


CASES_BY_WAY_IN = [
    (text, via)
    for text in CAREER_QUESTIONS_WITH_THE_SAME_WORDS
    for via in ("dm", "slash")
    if not (via == "slash" and text.startswith("help "))  # '/aieng help ...' is the help command (tested below)
]


@pytest.mark.parametrize(("text", "via"), CASES_BY_WAY_IN)
def test_a_career_question_with_the_same_words_is_answered(engine: Engine, text: str, via: str) -> None:
    assert engine.answer(text, via).kind == "answer"  # type: ignore[arg-type]


def test_a_slash_text_opening_with_help_is_the_help_command(engine: Engine) -> None:
    texts = [t for t in CAREER_QUESTIONS_WITH_THE_SAME_WORDS if t.startswith("help ")]
    assert texts, "the list keeps a career question that opens with 'help'"
    assert all(engine.answer(t, "slash").kind == "help" for t in texts)


def test_a_greeting_in_another_language_alone_is_a_greeting(engine: Engine) -> None:
    for text in ("namaste", "guten tag!", "bonjour 👋"):
        reply = engine.answer(text, "dm")
        assert reply.card is not None and reply.card.title.startswith("Hi!"), text


def test_a_message_about_the_bot_in_a_channel_nobody_addressed_it_in_is_left_alone(engine: Engine) -> None:
    assert engine.answer("is this bot alive?", "channel").kind == "ignore"
