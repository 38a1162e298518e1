"""A role or job that is someone in the asker's story ("hr asking my expected ctc", "our data
scientist built a model") is not what the question asks about: not a pay subject, not the asker's
own background."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.content import Library
from bot.entities import EntityIndex
from bot.parsing import parse
from bot.text import words


def _named(library: Library, text: str, kind: str) -> list[str]:
    return EntityIndex(library).extract(words(text)).ids(kind)


@pytest.mark.parametrize(
    "text",
    [
        "hr asking my expected ctc",
        "hr is asking about my notice period",
        "my hr said no",
        "our data scientist built a model",
    ],
)
def test_a_role_that_says_or_does_something_is_in_the_story(library: Library, text: str) -> None:
    assert _named(library, text, "role") == []


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("what do data scientists build", "data-scientist"),  # doing without "our"/"my": asked about
        ("im a data scientist, asked to lead an ai project", "data-scientist"),  # the asker themselves
        ("data scientist pay in london", "data-scientist"),
        # one person never "offer"s: the name qualifies the noun after it
        ("just got my first ai eng offer", "ai-engineer"),
        ("is this data scientist offer any good", "data-scientist"),
    ],
)
def test_a_role_asked_about_or_owned_by_the_asker_still_counts(library: Library, text: str, role: str) -> None:
    assert _named(library, text, "role") == [role]


def test_a_job_in_the_story_does_not_make_the_pay_question_about_that_job(library: Library) -> None:
    assert _named(library, "the recruiter asked what i expect", "profession") == []
    assert _named(library, "how much do recruiters make", "profession") != []


def test_hr_asking_the_pay_leaves_the_pay_of_the_asked_level_and_place(engine: Engine) -> None:
    reply = engine.answer("junior ai engineer offer in bangalore, hr asked my expected ctc. what is normal?", "dm")
    assert reply.topic_id == "s:level=entry,location=india"


@pytest.mark.parametrize(
    "text",
    [
        "what's the going salary for a pharmacist? asking for my cousin",
        "how much do they pay nurses? asking because my sister is one",
        "what's a fair salary for a senior user researcher? asking for our hiring plan",
    ],
)
def test_asking_in_the_next_sentence_is_the_persons_not_the_jobs(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "fallback" and (reply.topic_id or "").startswith("c:unpaid:")


@pytest.mark.parametrize(
    ("text", "levels"),
    [
        ("my lead in bengaluru asked me to benchmark senior AI engineer pay in indian metros", ["senior"]),
        ("how much do we pay our staff", []),
        ("how much should we pay our senior engineers?", ["senior"]),
        ("what's a fair raise for my senior ai engineer", ["senior"]),
    ],
)
def test_a_level_word_after_my_or_our_is_a_person_unless_it_names_a_level(
    engine: Engine, text: str, levels: list[str]
) -> None:
    assert parse(text, engine.index, grammar=False).entities.ids("level") == levels
