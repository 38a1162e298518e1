"""The latest quiz result is kept for the person; a store that fails never costs them their plan."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from bot.content import Library
from bot.quiz import Answers, make_plan
from bot.store.quiz import latest_result
from bot.store.store import Store
from handlers.quiz import keep_result, post_plan

UNREACHABLE = "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"  # nothing listens on port 1
FIRST = Answers("software-engineer", "2-5", "llm-apps", "us", "unsure")
SECOND = Answers("data-analyst", "none", "platforms", "uk", "enterprise")


class RecordingClient:
    """Stands in for the Web API client: records what would have been posted."""

    def __init__(self) -> None:
        self.posts: list[dict[str, Any]] = []

    def chat_postMessage(self, **fields: Any) -> None:  # noqa: N802 (slack_sdk's name)
        self.posts.append(fields)


def submitted(answers: Answers) -> dict[str, Any]:
    values = {qid: {qid: {"selected_option": {"value": value}}} for qid, value in asdict(answers).items()}
    return {"state": {"values": values}, "private_metadata": ""}


def test_the_latest_result_is_the_persons_plan(store: Store, library: Library) -> None:
    keep_result(store, "T1", "U1", make_plan(library, FIRST))
    keep_result(store, "T1", "U1", make_plan(library, SECOND))
    keep_result(store, "T1", "U2", make_plan(library, FIRST))

    latest = latest_result(store.engine, "T1", "U1")

    assert latest is not None
    assert latest.answers == asdict(SECOND)
    assert latest.result == "r:ds-to-ai-engineer", "the recommended roadmap's card"
    assert latest_result(store.engine, "T2", "U1") is None, "people are told apart by workspace too"


def test_a_submission_keeps_the_result_and_posts_the_plan(store: Store, library: Library) -> None:
    client = RecordingClient()
    body = {"team": {"id": "T1"}, "user": {"id": "U9", "team_id": "T1"}}

    post_plan(body, submitted(FIRST), client, library, store)  # type: ignore[arg-type]

    [post] = client.posts
    assert post["channel"] == "U9" and post["text"].startswith("Your AI engineering plan")
    latest = latest_result(store.engine, "T1", "U9")
    assert latest is not None and latest.answers == asdict(FIRST)


def test_a_store_that_is_down_never_costs_the_plan(library: Library) -> None:
    store = Store.open(UNREACHABLE)
    client = RecordingClient()
    try:
        post_plan({"user": {"id": "U9"}}, submitted(SECOND), client, library, store)  # type: ignore[arg-type]
    finally:
        store.close()

    [post] = client.posts
    assert post["channel"] == "U9"
    assert store.health.failing, "the failure was noted (and logged once)"
