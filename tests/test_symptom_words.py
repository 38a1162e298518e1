"""A question worded as the symptom a person meets ("sluggish", "pricey", "outage") reaches the entry
that writes its cause in the articles' terms (latency, cost, failover): content/vocabulary.yaml's
symptom families, read by matching for words the content never uses."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("the bill is pricey", "challenge-cost"),
        ("we had an outage in the model server", "scalability-and-reliability"),
        ("inference is sluggish", "model-serving"),
        ("we got paged by an incident", "monitoring-and-alerting"),
    ],
)
def test_a_symptom_in_everyday_words_is_answered_by_the_entry_of_its_cause(
    engine: Engine, question: str, entry: str
) -> None:
    reply = engine.answer(question, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", entry)


@pytest.mark.parametrize("question", ["my laptop is slow", "how do i fix my slow wifi", "cheap flights to paris"])
def test_a_symptom_word_about_something_else_still_falls_back(engine: Engine, question: str) -> None:
    assert engine.answer(question, "dm").kind == "fallback"
