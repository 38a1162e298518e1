"""A question about something the articles never mention gets no confident answer (issue #10), even
when it shares a word or two with them: below the answer bar, the near miss is not read as the answer."""

from __future__ import annotations

import pytest

from bot.answering import ANSWER_THRESHOLD, Engine

ABOUT_SOMETHING_ELSE = [
    "my puppy keeps chewing shoes, how do i stop it",
    "best skills to learn for playing chess",
    "how much should i pay a babysitter per hour",
    "how to deploy a new roof on my shed",
    "is it worth hiring a personal trainer",
    "what's the release date of the next iphone",
    "how do i become a real estate agent",
]


@pytest.mark.parametrize("text", ABOUT_SOMETHING_ELSE)
@pytest.mark.parametrize("via", ["dm", "mention"])
def test_a_near_miss_about_something_else_is_no_answer(engine: Engine, text: str, via: str) -> None:
    reply = engine.answer(text, via)  # type: ignore[arg-type]
    assert reply.kind != "answer"


@pytest.mark.parametrize("text", ABOUT_SOMETHING_ELSE)
def test_the_near_misses_are_below_the_bar(engine: Engine, text: str) -> None:
    """What the rule is about: each has a candidate between the bars that a rescue used to answer."""
    reply = engine.answer(text, "dm")
    assert reply.score is not None and reply.score < ANSWER_THRESHOLD


PRICES_AND_OTHER_PAY = [
    "what's the median home price in austin right now",  # a price: "median" asks for any figure
    "median rent for a one bedroom in san francisco",
    "what's the salary cap in the nfl this year",  # whose pay: nobody the articles mention
    "how much do pro soccer players earn",
]
PAY_OF_AI_ENGINEERS = [
    ("median salary in austin", "s:location=austin,measure=median"),
    ("what's the median in austin", "s:location=austin,measure=median"),
    ("does ai engineer pay in sf keep up with rent prices?", "s:location=san-francisco"),
]


@pytest.mark.parametrize("text", PRICES_AND_OTHER_PAY)
def test_a_price_or_the_pay_of_something_unknown_is_no_pay_answer(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind != "answer"


@pytest.mark.parametrize(("text", "expected"), PAY_OF_AI_ENGINEERS)
def test_pay_of_ai_engineers_is_still_pay(engine: Engine, text: str, expected: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer" and reply.topic_id == expected


# Above the bar on how they ask ("fine-tune", "roadmap", "interview process"): the thing asked about,
# named after "a", "the" or "my", is one the articles never mention.
ABOVE_THE_BAR_ABOUT_SOMETHING_ELSE = [
    "how do i fine-tune my guitar strings so they stay in tune",
    "what's the best roadmap to learn the piano",
    "what's the interview process for joining the army",
    "how do i fine tune the carburetor on my motorcycle",
    # the person's own thing: a smaller share is enough
    "how can i fine-tune my sourdough starter so that it actually rises? it has been flat for days",
]
# Career questions naming things after "a", "the", "my" that the articles know, or naming who is asked about.
CAREER_QUESTIONS_NAMING_THINGS = [
    "how do i fine-tune a model on my company's support tickets?",
    "how do i deploy a model behind an api?",
    "what's the best way to prepare for the system design round?",
    "my boss wants to hire an ai consultant, is that a good idea?",
    "how do i move from a qa role into ai engineering?",
]


@pytest.mark.parametrize("text", ABOVE_THE_BAR_ABOUT_SOMETHING_ELSE)
def test_a_thing_the_articles_never_mention_gets_no_answer_above_the_bar(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "choices"
    assert reply.score is not None and reply.score >= ANSWER_THRESHOLD
    assert engine.answer(text, "channel").kind == "ignore"


@pytest.mark.parametrize("text", CAREER_QUESTIONS_NAMING_THINGS)
def test_career_questions_naming_things_are_answered(engine: Engine, text: str) -> None:
    assert engine.answer(text, "dm").kind == "answer"
