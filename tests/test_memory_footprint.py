"""Cutting latency and memory is the cost of running AI: the article's 'memory footprint' and
'computational requirements' name that entry, whose card gives compression, quantization and caching."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import text_lines


@pytest.mark.parametrize(
    "question",
    [
        "how do I shrink a model's memory footprint so it runs on cheaper GPUs?",
        "ways to reduce memory usage and latency of a deployed model",
        "model doesn't fit in GPU memory, what do engineers do?",
    ],
)
def test_memory_and_latency_get_the_cost_of_running_ai(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "challenge-cost")
    assert reply.card is not None and "quantization" in "\n".join(text_lines(reply.card))
