"""A roadmap step the person says they are done with ("done with the RAG app") marks its phase done,
as a phase's own name does: the next phase of the plan opens."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    ("question", "ref"),
    [
        ("done with the RAG app from the 30-day plan, what's next?", "r:thirty-day-plan:2"),
        ("i'm on the 30 day action plan and finished the ML environment setup. what now?", "r:thirty-day-plan:1"),
    ],
)
def test_a_step_done_opens_the_next_phase(engine: Engine, question: str, ref: str) -> None:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and reply.card.ref == ref
