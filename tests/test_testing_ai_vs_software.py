"""How testing AI differs from traditional software testing is the entry on probabilistic systems
(the long-form guide: 'testing AI systems requires novel approaches beyond traditional software
testing'), even when a QA or backend engineer says who they are first."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    "question",
    [
        "I'm a backend/QA engineer. how is building AI systems different from normal software, especially testing?",
        "QA engineer here. how is testing an AI system different from testing regular software?",
        "I do manual testing today. what's different about testing AI compared to normal apps?",
    ],
)
def test_testing_ai_against_software_gets_probabilistic_systems(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "challenge-probabilistic-systems")
