"""The story told before a question weighs more the less the asking sentence says of its own: "what
would an AI engineer do with it?" is asked about the story; "what is model drift?" stands alone."""

from __future__ import annotations

from bot.answering import Engine
from bot.matching import Matcher
from bot.text import ASIDE_WEIGHT, sentence_weights

STORY = "our fraud detection model keeps flagging fewer cases every month"


def _story_weight(matcher: Matcher, text: str) -> float:
    weights = dict(matcher.query_terms(text).items)
    return weights["fraud"]


def test_an_asking_sentence_of_common_words_leans_on_the_story(engine: Engine) -> None:
    assert _story_weight(engine.matcher, f"{STORY}. what do ai engineers do?") > 0.8


def test_an_asking_sentence_that_names_its_subject_leaves_the_story_an_aside(engine: Engine) -> None:
    assert (
        _story_weight(engine.matcher, f"{STORY}. how do you detect data drift, retrain and roll back a model?")
        == ASIDE_WEIGHT
    )


def test_the_less_the_question_says_the_more_the_story_weighs(engine: Engine) -> None:
    short = _story_weight(engine.matcher, f"{STORY}. what do ai engineers do?")
    longer = _story_weight(engine.matcher, f"{STORY}. what do ai engineers monitor?")
    assert ASIDE_WEIGHT < longer < short


def test_explain_shows_what_the_story_weighs(engine: Engine) -> None:
    shown = str(engine.matcher.query_terms(f"{STORY}. what do ai engineers do?"))
    weight = round(_story_weight(engine.matcher, f"{STORY}. what do ai engineers do?"), 2)
    assert "(fraud)" in shown and f"bracketed terms weigh {weight:g}" in shown


def test_a_question_pointing_back_with_that_asks_about_the_sentence_before() -> None:
    weights = sentence_weights("our scoring model disadvantages one group. how do you mitigate that?")
    assert [w for _, w in weights] == [1.0, 1.0]


def test_a_story_two_sentences_back_stays_an_aside() -> None:
    text = "i lead a small team. our scoring model disadvantages one group. how do you mitigate that?"
    assert [w for _, w in sentence_weights(text)] == [ASIDE_WEIGHT, 1.0, 1.0]
