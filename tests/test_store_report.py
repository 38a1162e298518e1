"""`python -m bot report`: counts, the most 👎 cards with comments, unanswered questions grouped by
similarity, the "did you mean" choices picked; as text or in the JSON shape the README documents."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from store_fixtures import bot_command

from bot.store import feedback, questions
from bot.store.report import build_report, group_similar
from bot.store.store import Store

NOW = datetime.now(UTC)
RECENT = NOW - timedelta(days=2)
LONG_AGO = NOW - timedelta(days=45)


def _fill(store: Store) -> None:
    db = store.engine
    for n, (text, outcome) in enumerate(
        [
            ("what do rust engineers earn?", "fallback"),
            ("What do Rust engineers earn", "fallback"),
            ("what do rust engineers earn ??", "none_of_these"),
            ("is the weather nice in lisbon", "fallback"),
            ("senior pay", "answer"),
            ("career", "choices"),
            ("career", "picked"),
            ("jobs", "choices"),
            ("jobs", "picked"),
        ]
    ):
        picked = {"career": "t:career-ladder", "jobs": "t:career-ladder"}.get(text) if outcome == "picked" else None
        topic = "career-ladder" if picked else None
        questions.record_question(
            db,
            "T1",
            f"U{n}",
            text,
            outcome,
            topic_id=topic,
            picked_ref=picked,
            at=RECENT,  # type: ignore[arg-type]
        )
    questions.record_question(db, "T1", "U9", "an old unanswered question", "fallback", at=LONG_AGO)
    feedback.record_vote(db, "T1", "U1", "o:s:senior", "down", topic_id="salary", at=RECENT)
    feedback.record_missing(db, "T1", "U1", "o:s:senior", "no figures for Lisbon", at=RECENT)
    feedback.record_vote(db, "T1", "U2", "o:s:senior", "down", topic_id="salary", at=RECENT)
    feedback.record_vote(db, "T1", "U3", "o:s:senior", "up", topic_id="salary", at=RECENT)
    feedback.record_vote(db, "T1", "U1", "t:mlops", "up", topic_id="mlops", at=RECENT)


def test_the_report_counts_groups_and_ranks(store: Store) -> None:
    _fill(store)
    report = build_report(store.engine, NOW - timedelta(days=30))
    assert report["counts"] == {"answer": 1, "choices": 2, "fallback": 3, "none_of_these": 1, "picked": 2}
    assert report["feedback"] == [
        {"topic_id": "salary", "up": 1, "down": 2, "comments": ["no figures for Lisbon"]},
        {"topic_id": "mlops", "up": 1, "down": 0, "comments": []},
    ]
    [rust, weather] = report["unanswered"]
    assert rust["count"] == 3 and rust["text"].lower().startswith("what do rust engineers earn")
    assert len(rust["examples"]) == 3
    assert weather == {
        "text": "is the weather nice in lisbon",
        "count": 1,
        "examples": ["is the weather nice in lisbon"],
    }
    assert report["picked"] == [
        {"ref": "t:career-ladder", "topic_id": "career-ladder", "count": 2, "examples": ["career", "jobs"]}
    ]


def test_since_leaves_older_rows_out(store: Store) -> None:
    _fill(store)
    everything = build_report(store.engine, NOW - timedelta(days=90))
    assert everything["counts"]["fallback"] == 4
    assert any(u["text"] == "an old unanswered question" for u in everything["unanswered"])


def test_similar_questions_group_and_different_ones_do_not() -> None:
    groups = group_similar(["rust jobs?", "Rust jobs", "rust jobs", "jobs in rust", "kubernetes salary", "weather"])
    assert [(g.text, g.count) for g in groups] == [("rust jobs?", 4), ("kubernetes salary", 1), ("weather", 1)]


def test_report_json_has_the_documented_shape(store: Store, store_url: str) -> None:
    _fill(store)
    done = bot_command("report", "--since", "30d", "--json", url=store_url)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert set(report) == {"since", "counts", "feedback", "unanswered", "picked"}
    assert datetime.fromisoformat(report["since"]) < NOW - timedelta(days=29)
    assert set(report["feedback"][0]) == {"topic_id", "up", "down", "comments"}
    assert set(report["unanswered"][0]) == {"text", "count", "examples"}
    assert report["unanswered"][0]["count"] == 3


def test_report_text_is_for_people(store: Store, store_url: str) -> None:
    _fill(store)
    done = bot_command("report", url=store_url)
    assert done.returncode == 0, done.stderr
    assert "3 fallback" in done.stdout
    assert "salary: 1 👍, 2 👎" in done.stdout and "no figures for Lisbon" in done.stdout
    assert "3× " in done.stdout
    assert "an old unanswered question" not in done.stdout  # older than the default 30 days


def test_a_bad_since_is_explained(tmp_path: Path) -> None:
    done = bot_command("report", "--since", "a while", url=f"sqlite:///{tmp_path / 'r.sqlite3'}")
    assert done.returncode == 2
    assert "--since" in done.stderr and "30d" in done.stderr
    assert "Traceback" not in done.stderr
