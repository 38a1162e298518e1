"""An article's own section heading, typed as a question, reaches the entry that curates that section
(issue 10: alternative questions "written from the articles' own section headings")."""

from __future__ import annotations

import pytest

from bot.answering import Engine

HEADINGS = [
    # Consultancy guide, "Roles That AI Amplifies vs. Roles It Replaces"
    ("roles that ai amplifies vs roles it replaces", "faq-jobs-that-survive-ai"),
    # CareerSteps: "Most organizations prefer backgrounds in Computer Science, Data Science, Physics..."
    ("what backgrounds do organizations prefer for ai engineers", "education-degree-requirements"),
    # Startupbricks, "Skills That Will Matter More"
    ("skills that will matter more", "market-emerging-trends"),
]


@pytest.mark.parametrize(("heading", "entry"), HEADINGS)
def test_a_section_heading_reaches_its_entry(engine: Engine, heading: str, entry: str) -> None:
    reply = engine.answer(heading, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", entry)
