"""What the handlers record, from the Reply and the request: questions as the engine read them, votes
linked to the question that led to them, what was missing, "None of these", and "did you mean" picks;
all queued, so nothing waits for the store."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from slack_bolt import Ack

from bot import ids
from bot.answering import Engine
from bot.recording import Person, Recording, outcome_of, person_in
from bot.rendering import footer_buttons
from bot.store import feedback, questions
from bot.store.recorder import Recorder
from bot.store.schema import now
from bot.store.store import Store
from handlers.commands import handle_aieng_command

TEAM, USER = "T0TEAM", "U0ASKER"
PROBES = ["career", "data", "jobs", "engineer", "senior", "ml", "what about models", "models", "roles", "growth"]


@pytest.fixture
def recorder(store: Store) -> Iterator[Recorder]:
    writer = Recorder(store, retention_days=90)
    yield writer
    writer.close()


@pytest.fixture
def recording(recorder: Recorder, engine: Engine) -> Recording:
    return Recording(recorder, engine)


def slash(text: str, user: str = USER) -> dict[str, Any]:
    return {"command": "/aieng", "text": text, "team_id": TEAM, "user_id": user, "channel_id": "C1"}


def mention_body(text: str, user: str = USER) -> dict[str, Any]:
    event = {"type": "app_mention", "text": f"<@UBOT> {text}", "user": user, "team": TEAM, "channel": "C1"}
    return {"type": "event_callback", "team_id": TEAM, "event": event}


def click(action_id: str, value: str, user: str = USER) -> dict[str, Any]:
    return {
        "type": "block_actions",
        "user": {"id": user, "team_id": TEAM},
        "team": {"id": TEAM},
        "actions": [{"action_id": action_id, "value": value}],
    }


def asked(store: Store) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (q.text, q.outcome, q.topic_id, q.picked_ref)
        for q in questions.questions_since(store.engine, now() - timedelta(hours=1))
    ]


def a_choices_question(engine: Engine) -> str:
    found = [q for q in PROBES if engine.answer(q, "dm").kind == "choices"]
    assert found, "one of the probes should get 'did you mean' from the content"
    return found[0]


# -- who and what ------------------------------------------------------------------------------------------


def test_the_person_is_found_in_every_kind_of_request() -> None:
    assert person_in(slash("x")) == Person(TEAM, USER)
    assert person_in(mention_body("x")) == Person(TEAM, USER)
    assert person_in(click(ids.FEEDBACK_UP, "t:mlops")) == Person(TEAM, USER)
    assert person_in({"type": "view_submission", "user": {"id": USER, "team_id": TEAM}, "team": None}) == Person(
        TEAM, USER
    )
    assert person_in({"type": "event_callback", "event": {"type": "message"}}) is None  # no one to record


def test_replies_are_counted_by_what_they_were(engine: Engine) -> None:
    assert outcome_of(engine.answer("roadmap swe", "slash")) == "answer"
    assert outcome_of(engine.answer("help", "slash")) is None
    assert outcome_of(engine.answer("what is the best pizza in naples", "dm")) == "fallback"
    assert outcome_of(engine.answer(a_choices_question(engine), "dm")) == "choices"


# -- recorded ------------------------------------------------------------------------------------------------


def test_a_question_is_kept_as_the_engine_read_it(
    store: Store, recording: Recording, recorder: Recorder, engine: Engine
) -> None:
    recording.question(
        mention_body("what is the best pizza in naples?"),
        engine.answer("<@UBOT> what is the best pizza in naples?", "mention"),
    )
    recording.question(slash("roadmap swe"), engine.answer("roadmap swe", "slash"))
    recording.question(slash("help"), engine.answer("help", "slash"))  # help is not a question about content
    assert recorder.flush()
    rows = asked(store)
    assert [r[1] for r in rows] == ["fallback", "answer"]
    assert "<@UBOT>" not in rows[0][0] and "pizza in naples" in rows[0][0]
    assert rows[1][2] is not None  # the answer's topic


def test_a_vote_is_linked_to_the_question_that_led_to_it_and_a_second_click_changes_it(
    store: Store, recording: Recording, recorder: Recorder, engine: Engine
) -> None:
    reply = engine.answer("roadmap swe", "slash")
    assert reply.card is not None and reply.topic_id is not None
    recording.question(slash("roadmap swe"), reply)
    [ref] = [b.value for b in footer_buttons(reply.card, True) if b.action == "vote_up"]
    recording.vote(click(ids.FEEDBACK_UP, ref), ref, "up", reply.topic_id)
    recording.vote(click(ids.FEEDBACK_DOWN, ref), ref, "down", reply.topic_id)
    recording.comment({"user": {"id": USER, "team_id": TEAM}}, ref, "  the steps for week 3  ")
    assert recorder.flush()
    vote = feedback.vote_of(store.engine, TEAM, USER, ref)
    assert vote is not None
    assert (vote.vote, vote.comment, vote.topic_id) == ("down", "the steps for week 3", reply.topic_id)
    assert vote.question == "roadmap swe"


def test_none_of_these_and_a_pick_are_recorded_for_the_did_you_mean_they_answer(
    store: Store, recording: Recording, recorder: Recorder, engine: Engine
) -> None:
    question = a_choices_question(engine)
    reply = engine.answer(question, "dm")
    assert reply.card is not None
    offered = [b.value for b in reply.card.buttons if b.action != "none_of_these"]
    recording.question({"event": {"user": USER, "team": TEAM}}, reply)
    recording.clicked(
        click(ids.action_id("open", 1), "t:not-one-of-the-choices"),
        {"action_id": ids.action_id("open", 1), "value": "t:not-one-of-the-choices"},
    )
    recording.clicked(
        click(ids.action_id("open", 1), offered[0]), {"action_id": ids.action_id("open", 1), "value": offered[0]}
    )
    recording.clicked(
        click(ids.action_id("open", 2), offered[-1]), {"action_id": ids.action_id("open", 2), "value": offered[-1]}
    )  # already picked
    assert recorder.flush()
    rows = asked(store)
    assert [(r[1], r[3]) for r in rows] == [("choices", None), ("picked", offered[0])]
    recording.question({"event": {"user": USER, "team": TEAM}}, reply)
    recording.clicked(click(ids.NONE_OF_THESE, question), {"action_id": ids.NONE_OF_THESE, "value": question})
    assert recorder.flush()
    assert [r[1] for r in asked(store)][-2:] == ["choices", "none_of_these"]


def test_another_persons_pick_does_not_count_for_this_one(
    store: Store, recording: Recording, recorder: Recorder, engine: Engine
) -> None:
    question = a_choices_question(engine)
    reply = engine.answer(question, "dm")
    assert reply.card is not None
    recording.question({"event": {"user": USER, "team": TEAM}}, reply)
    first = reply.card.buttons[0].value
    recording.clicked(
        click(ids.action_id("open", 1), first, user="U0SOMEONE"),
        {"action_id": ids.action_id("open", 1), "value": first},
    )
    assert recorder.flush()
    assert [r[1] for r in asked(store)] == ["choices"]


# -- off the answer path -----------------------------------------------------------------------------------


def test_a_slash_command_is_acknowledged_without_waiting_for_the_store(
    store: Store, engine: Engine, request: pytest.FixtureRequest
) -> None:
    recorder = Recorder(store, retention_days=90)
    stuck = threading.Event()
    request.addfinalizer(recorder.close)
    request.addfinalizer(stuck.set)
    recorder.submit("a write that holds the writer", lambda db: stuck.wait(10))  # the store "hangs"
    ack = Ack()
    started = time.perf_counter()
    handle_aieng_command(ack, slash("roadmap swe"), engine, Recording(recorder, engine))
    assert time.perf_counter() - started < 0.5
    assert ack.response is not None and json.loads(ack.response.body)["text"], "acknowledged with the card"
    assert questions.questions_since(store.engine, now() - timedelta(hours=1)) == []  # not written yet
    stuck.set()
    assert recorder.flush()
    assert [r[0] for r in asked(store)] == ["roadmap swe"]
