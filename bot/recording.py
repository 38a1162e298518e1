"""What people asked and how they rated the answers, handed to the store by the handlers (at the edge).

Every method only queues a write (bot.store.recorder): nothing here delays an acknowledgement or
an answer, and a store that fails costs no one anything. `Recording(None, engine)` records nothing
(tests and tools that run without a store).

A "did you mean" pick is recognised after the fact: a click on an open button by someone whose
latest question got "did you mean", when the engine offers that very card for that question. The
click itself carries no sign of it (an ephemeral card's click comes without the message).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import Connection

from bot import ids, refs
from bot.answering import Engine, Reply
from bot.slack_body import object_in
from bot.store import feedback, questions
from bot.store.recorder import Recorder
from bot.store.schema import Outcome, Vote, now

QUESTION_LEADS_TO_VOTE = timedelta(hours=1)  # a vote is linked to a question asked this recently
CHOICES_STAY_OPEN = timedelta(minutes=30)  # a pick counts for a "did you mean" this recent
_NOT_ANSWERS = ("help", "ignore", "choices", "fallback", "error")


@dataclass(frozen=True)
class Person:
    team_id: str
    user_id: str


def person_in(body: dict[str, Any]) -> Person | None:
    """Who caused a request: a slash command, an Events API event, a click or a modal submission."""
    event = object_in(body, "event")
    user_object = object_in(body, "user")
    user = body.get("user_id") or event.get("user") or user_object.get("id")
    team = (
        body.get("team_id")
        or object_in(body, "team").get("id")
        or user_object.get("team_id")
        or event.get("team")
        or event.get("user_team")
    )
    if not isinstance(user, str) or not user:
        return None
    return Person(team if isinstance(team, str) and team else "-", user)


def outcome_of(reply: Reply) -> Outcome | None:
    """How a reply is counted: an answer, "did you mean", nothing good; None for help and the like."""
    if reply.kind in ("choices", "fallback"):
        return "choices" if reply.kind == "choices" else "fallback"
    if reply.kind in _NOT_ANSWERS or reply.card is None or reply.topic_id is None:
        return None
    return "answer"


class Recording:
    def __init__(self, recorder: Recorder | None, engine: Engine) -> None:
        self.recorder = recorder
        self.engine = engine

    def question(self, body: dict[str, Any], reply: Reply | None, typed: str = "") -> None:
        """A slash command or message and its reply: kept as the engine read it (no mention, no markup)."""
        outcome, who = (outcome_of(reply), person_in(body)) if reply is not None else (None, None)
        text = (reply.query.text if reply is not None and reply.query is not None else typed).strip()
        if outcome is None or who is None or not text or reply is None:
            return
        topic = reply.topic_id

        def write(db: Connection) -> None:
            questions.record_question(db, who.team_id, who.user_id, text, outcome, topic_id=topic)

        self._submit("record a question", write)

    def vote(self, body: dict[str, Any], ref: str, vote: Vote, topic_id: str | None) -> None:
        who = person_in(body)
        if who is None or not ref:
            return

        def write(db: Connection) -> None:
            since = now() - QUESTION_LEADS_TO_VOTE
            asked = questions.latest_answered(db, who.team_id, who.user_id, topic_id, since) if topic_id else None
            feedback.record_vote(db, who.team_id, who.user_id, ref, vote, topic_id=topic_id, question=asked)

        self._submit("record a vote", write)

    def comment(self, body: dict[str, Any], ref: str, text: str) -> None:
        who = person_in(body)
        if who is None or not ref or not text.strip():
            return
        self._submit(
            "record what was missing",
            lambda db: feedback.record_missing(db, who.team_id, who.user_id, ref, text.strip()),
        )

    def none_of_these(self, body: dict[str, Any], question: str) -> None:
        who = person_in(body)
        if who is None or not question.strip():
            return
        self._submit(
            "record a None of these",
            lambda db: questions.record_question(db, who.team_id, who.user_id, question.strip(), "none_of_these"),
        )

    def clicked(self, body: dict[str, Any], action: dict[str, Any]) -> None:
        """A click on an open button or "None of these" (after its reply went)."""
        action_id, value = str(action.get("action_id") or ""), str(action.get("value") or "")
        if action_id == ids.NONE_OF_THESE:
            self.none_of_these(body, value)
        elif ids.OPEN_PATTERN.match(action_id):
            self.opened(body, value)

    def opened(self, body: dict[str, Any], ref: str) -> None:
        """A click on an open button: recorded as a pick if it answers the person's open "did you mean"."""
        who = person_in(body)
        if who is None or not ref:
            return
        topic_id = _topic_of(ref)

        def write(db: Connection) -> None:
            asked = questions.open_choices(db, who.team_id, who.user_id, now() - CHOICES_STAY_OPEN)
            if asked is not None and ref in self._offered(asked):
                questions.record_question(
                    db, who.team_id, who.user_id, asked, "picked", topic_id=topic_id, picked_ref=ref
                )

        self._submit("record a pick", write)

    def _offered(self, question: str) -> set[str]:
        """The refs "did you mean" offers for `question` (asked as a DM or a slash command)."""
        offered: set[str] = set()
        for via in ("dm", "slash"):
            reply = self.engine.answer(question, via)
            if reply.kind == "choices" and reply.card is not None:
                offered |= {b.value for b in reply.card.buttons if b.action != "none_of_these"}
        return offered

    def _submit(self, what: str, write: Any) -> None:
        if self.recorder is not None:
            self.recorder.submit(what, write)


def _topic_of(ref: str) -> str | None:
    try:
        return refs.parse_ref(ref).topic_id
    except ValueError:
        return None
