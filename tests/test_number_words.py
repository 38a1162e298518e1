"""A count typed as a digit is the number the articles spell out: "the 4 practices" asks for the fact
that says "Four practices", not for one that merely shares another word of the question."""

from __future__ import annotations

from bot.answering import Engine
from bot.cards import focus
from bot.content import Library
from bot.focusing import _asked, _read_for
from bot.models import Point, Topic
from bot.parsing import parse
from bot.rendering import text_lines
from bot.text import terms

RELEASES = Topic(
    id="safe-releases",
    title="Shipping models safely",
    summary="Teams ship models in small, reversible steps.",
    points=[
        Point(text="A staged rollout sends a new model to a slice of traffic first.", source="pensero"),
        Point(
            text="Four habits recur: code review, shadow traffic, canary checks and rollback drills.", source="pensero"
        ),
        Point(text="A rollout plan names who may stop it and how.", source="pensero"),
    ],
)


def _ranked(library: Library, engine: Engine, question: str) -> list[str]:
    query = parse(question, engine.index, grammar=False)
    asked = _asked(library, engine.matcher, query)
    read = _read_for(RELEASES, engine.matcher, asked, library.word_families, library.short_forms)
    return [RELEASES.points[i].text for i in focus.asked_about([p.text for p in RELEASES.points], read)]


def test_a_digit_asked_finds_the_fact_that_spells_the_number_out(library: Library, engine: Engine) -> None:
    assert _ranked(library, engine, "which 4 rollout practices matter")[0].startswith("Four habits")


def test_every_small_count_has_its_word(library: Library) -> None:
    words = "two three four five six seven eight nine ten".split()
    expected = {str(n): tuple(terms(word)) for n, word in enumerate(words, start=2)}
    assert {short: long for short, long in library.short_forms.items() if short.isdigit()} == expected


def test_a_count_of_jobs_shows_the_list_of_that_many(engine: Engine) -> None:
    reply = engine.answer("could you name 3 trades that automation can't touch", "dm")
    assert reply.card is not None and reply.topic_id == "faq-jobs-that-survive-ai"
    assert any("Narrowed to the three" in line for line in text_lines(reply.card))
