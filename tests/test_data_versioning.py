"""Versioning models and datasets is MLOps work in the articles ("MLOps practices: ... versioning
models and datasets"; "Model versioning: tools like MLflow or Weights & Biases tracking experiments,
models, and datasets"): asked how data or models are versioned, the MLOps card answers, not the A/B
testing card whose listed question compares model versions."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.rendering import text_lines


@pytest.mark.parametrize(
    "question",
    [
        "how do people version their datasets?",
        "what tools do teams use for data versioning",
        "best way to version training data?",
        "is model versioning something ai engineers do",
    ],
)
def test_versioning_data_or_models_is_answered_by_mlops(engine: Engine, question: str) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "mlops"), question
    assert reply.card is not None and "versioning" in "\n".join(text_lines(reply.card)).lower()


def test_comparing_two_model_versions_is_still_an_experiment(engine: Engine) -> None:
    assert engine.answer("how do I compare two model versions in production?", "dm").topic_id == "experimentation"
