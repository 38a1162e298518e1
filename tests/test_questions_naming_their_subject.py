"""A question with a word pointing back ("it", "that") asks about the story before it only when it
says too little of its own ("is it worth it?"); one that names its subject in several words ("can
bootcamp grads realistically become AI engineers, or is it mostly PhDs?") stands alone, the story
around it chatter."""

from __future__ import annotations

from bot.answering import Engine
from bot.text import ASIDE_WEIGHT, sentence_weights


def test_a_question_naming_its_subject_stands_alone() -> None:
    story = "did a bootcamp and now I build react apps. can bootcamp grads become AI engineers, or is it all PhDs?"
    assert [w for _, w in sentence_weights(story)] == [ASIDE_WEIGHT, 1.0]


def test_a_question_saying_little_still_refers_back() -> None:
    assert [w for _, w in sentence_weights("I'm thinking about a master's in AI. is it worth it?")] == [1.0, 1.0]


def test_the_story_of_a_bootcamp_grad_is_answered_by_the_route_without_a_degree(engine: Engine) -> None:
    reply = engine.answer(
        "did a 10 week bootcamp and now I build react apps. can bootcamp grads realistically become AI engineers,"
        " or is it mostly PhDs?",
        "dm",
    )
    assert (reply.kind, reply.topic_id) == ("answer", "education-no-cs-degree")
