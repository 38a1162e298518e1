"""Below the answer bar, the close candidates just behind the best can be entries its own card links to
(a skill and the trend it belongs to): parts of one topic, so the best answers and they are buttons
under it; any other close candidate must be the margin behind, and the best must share two of the
question's terms ("how do I become a pilot" shares one with pilot purgatory)."""

from __future__ import annotations

from bot.answering import MARGIN, SUGGEST_THRESHOLD, Engine, Reply, Scored
from bot.parsing import parse
from bot.refs import topic

QUESTION = "can smaller models run on a phone"  # efficient-models uses "smaller", "models", "phone"
# With a word the articles never use, a lead under CLEAR_LEAD is not enough on its own (NEAR_LEAD):
# only the link can make the answer.
UNKNOWN_WORD_QUESTION = "can smaller models run on a zorbly phone"
BEST = SUGGEST_THRESHOLD + 8  # below the answer bar


def _scored(topic_id: str, score: float, family: str) -> Scored:
    return Scored(topic(topic_id), score, topic_id, family)


def _decide(engine: Engine, text: str, found: list[Scored]) -> Reply:
    return engine._decide(parse(text, engine.index, grammar=False), found, "dm")


def _found(rival_behind: float) -> list[Scored]:
    return [
        _scored("efficient-models", BEST, "skills"),
        _scored("market-emerging-trends", BEST - 1, "market"),  # efficient-models' card links to it
        _scored("market-sectors", BEST - rival_behind, "market"),  # no link either way
    ]


def test_the_linked_entries_close_behind_are_parts_of_one_answer(engine: Engine) -> None:
    assert "market-emerging-trends" in engine.library.entries["efficient-models"].topic.related
    reply = _decide(engine, QUESTION, _found(rival_behind=MARGIN))
    assert (reply.kind, reply.topic_id) == ("answer", "efficient-models")
    assert reply.card is not None
    assert any(b.action == "open" and b.value == "t:market-emerging-trends" for b in reply.card.buttons)


def test_an_unlinked_rival_within_the_margin_is_still_a_choice(engine: Engine) -> None:
    assert _decide(engine, UNKNOWN_WORD_QUESTION, _found(rival_behind=MARGIN - 0.1)).kind == "choices"


def test_one_shared_word_is_not_enough_to_go_on(engine: Engine) -> None:
    assert _decide(engine, "how about a phone", _found(rival_behind=MARGIN)).kind == "choices"


def test_without_a_link_a_rival_the_margin_behind_is_still_a_choice(engine: Engine) -> None:
    """No linked entry close behind: only a clear lead (CLEAR_LEAD) answers below the bar."""
    found = [_scored("efficient-models", BEST, "skills"), _scored("market-sectors", BEST - MARGIN - 1, "market")]
    assert _decide(engine, UNKNOWN_WORD_QUESTION, found).kind == "choices"


def test_a_question_about_a_phone_and_a_big_server_gets_the_efficient_models_entry(engine: Engine) -> None:
    reply = engine.answer("can we run a model on a phone or does it always need a big server", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "efficient-models")
