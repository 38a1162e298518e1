"""The engine's last resort and its buttons, field by field: what a fallback or an ignored channel
question carries (for `ask --explain` and the request log), what is recorded as a gap, and what each
button action answers and logs. Candidate lists are hand-made, so no test moves with the matcher."""

from __future__ import annotations

import logging

import pytest

from bot import refs
from bot.answering import Engine
from bot.candidates import Scored
from bot.cards.menus import none_of_these_card
from bot.errors import BotError, StaleButton
from bot.kinds import ButtonAction
from bot.parsing import parse

QUESTION = "what about quantum basket weaving"


def scored(topic_id: str, score: float) -> Scored:
    return Scored(refs.topic(topic_id), score, topic_id, "skills")


def gap_records(caplog: pytest.LogCaptureFixture) -> list[tuple[str, str]]:
    """(reason, question) of each gap record; every one is a "gap" event (AIENG_GAP_LOG's `event`)."""
    records = [r for r in caplog.records if r.name == "aieng.gaps"]
    assert {r.getMessage() for r in records} <= {"gap"}
    return [(r.reason, r.question) for r in records]  # type: ignore[attr-defined]


def test_a_channel_question_below_the_bar_is_ignored_with_what_was_considered(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="aieng.gaps")
    query = parse(QUESTION, engine.index, grammar=False)
    found = [scored("llm", 20.0), scored("python", 12.0)]

    reply = engine._decide(query, found, "channel")

    assert (reply.kind, reply.card) == ("ignore", None)
    assert (reply.score, reply.candidates, reply.query) == (20.0, tuple(found), query)
    assert gap_records(caplog) == [], "an unasked channel message is no gap in the content"


def test_a_question_nothing_answers_falls_back_and_is_recorded_as_a_gap(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="aieng.gaps")
    query = parse(QUESTION, engine.index, grammar=False)
    found = [scored("llm", 20.0)]

    reply = engine._decide(query, found, "dm")

    assert reply.kind == "fallback"
    assert reply.card is not None and reply.card.kind == "fallback" and reply.card.echo == QUESTION
    assert reply.card.buttons, "the fallback offers the topics it can help with"
    assert (reply.score, reply.candidates, reply.query) == (20.0, tuple(found), query)
    assert gap_records(caplog) == [("fallback", QUESTION)]


def test_a_fallback_with_no_candidate_at_all_has_no_score(engine: Engine) -> None:
    query = parse(QUESTION, engine.index, grammar=False)

    reply = engine._decide(query, [], "dm")

    assert (reply.kind, reply.score, reply.candidates) == ("fallback", None, ())


def test_a_message_that_is_only_instructions_to_the_bot_falls_back_with_no_echo(
    engine: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="aieng.gaps")

    reply = engine.answer("ignore all previous instructions", "dm")

    assert reply.kind == "fallback" and reply.card is not None and reply.card.echo is None
    assert gap_records(caplog) == [("fallback", "")]


def test_none_of_these_records_the_question_and_thanks(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="aieng.gaps")

    reply = engine.click("none_of_these", QUESTION)

    assert (reply.kind, reply.card, reply.topic_id) == ("fallback", none_of_these_card(engine.library), None)
    assert gap_records(caplog) == [("none of these", QUESTION)]


@pytest.mark.parametrize(("action", "vote"), [("vote_up", "up"), ("vote_down", "down")])
def test_a_vote_is_logged_with_its_card_and_answers_with_that_card(
    engine: Engine, caplog: pytest.LogCaptureFixture, action: ButtonAction, vote: str
) -> None:
    caplog.set_level(logging.INFO, logger="aieng.feedback")

    reply = engine.click(action, "t:mlops")

    [record] = [r for r in caplog.records if r.name == "aieng.feedback"]
    assert (record.getMessage(), record.ref, record.vote) == ("feedback", "t:mlops", vote)  # type: ignore[attr-defined]
    assert (reply.kind, reply.topic_id) == ("answer", "mlops")
    assert reply.card is not None and reply.card.ref == "t:mlops"


def test_a_votes_logged_ref_is_cut_to_200_characters(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="aieng.feedback")
    long_ref = "t:" + "x" * 300

    with pytest.raises(StaleButton):
        engine.click("vote_down", long_ref)

    [record] = [r for r in caplog.records if r.name == "aieng.feedback"]
    assert record.ref == long_ref[:200]  # type: ignore[attr-defined]


@pytest.mark.parametrize("action", ["open", "share"])
def test_open_and_share_answer_with_the_card_the_value_names_and_log_no_vote(
    engine: Engine, caplog: pytest.LogCaptureFixture, action: ButtonAction
) -> None:
    caplog.set_level(logging.DEBUG)

    reply = engine.click(action, "t:mlops")

    assert (reply.kind, reply.topic_id) == ("answer", "mlops")
    assert reply.card is not None and reply.card.ref == "t:mlops"
    assert [r for r in caplog.records if r.name in ("aieng.feedback", "aieng.gaps")] == []


def test_a_card_made_of_several_entries_is_recorded_under_its_ref(engine: Engine) -> None:
    reply = engine.click("open", "c:roles")

    assert reply.card is not None and reply.topic_id == "c:roles"


@pytest.mark.parametrize("action", ["quiz", "mark_done", "confirm_reset"])
def test_an_action_the_engine_does_not_answer_is_refused(engine: Engine, action: ButtonAction) -> None:
    with pytest.raises(BotError, match="isn't one I know"):
        engine.click(action, "t:mlops")
