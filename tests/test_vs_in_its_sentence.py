"""'vs' sets apart what its own sentence names: a list of tracks after a question about AI
engineering ("applied vs platform vs research engineer") is no comparison of AI engineering with
research engineering, while two roles on either side of 'vs' (even 'vs.') still are."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    "question",
    [
        "what specialization tracks exist inside AI engineering? applied vs platform vs research engineer etc",
        "what kinds of AI engineer are there - applied, platform, research engineer?",
    ],
)
def test_tracks_listed_with_vs_get_the_tracks(engine: Engine, question: str) -> None:
    assert engine.answer(question, "dm").topic_id == "specialization-tracks"


@pytest.mark.parametrize(
    ("question", "compared"),
    [
        ("ai engineer vs. an ml engineer?", "compare-ai-engineer-ml-engineer"),
        ("ai engineer vs. research engineer, which pays more?", "cmp:ai-engineer,research-engineer"),
    ],
)
def test_roles_on_either_side_of_vs_are_compared(engine: Engine, question: str, compared: str) -> None:
    assert (engine.answer(question, "dm").topic_id or "").startswith(compared)
