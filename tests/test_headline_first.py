"""A question in an entry's title words only asks the entry's own question: the entry's headline
point, which answers it, is shown, and a fact that uses a title word in passing does not take its
place ("is there a shortage": not the fact that ends "contributing to talent shortages")."""

from __future__ import annotations

from bot.answering import Engine
from bot.cards import focus
from bot.content import Library
from bot.focusing import _asked, _beyond_title, _read_for, _title_terms
from bot.models import Point, Topic
from bot.parsing import parse
from bot.rendering import text_lines

NIGHTS = Topic(
    id="night-shifts",
    title="Are night shifts tiring?",
    summary="Mostly yes, though teams can soften them.",
    points=[
        Point(text="Yes: working overnight disrupts sleep and leaves most people drained.", source="pensero"),
        Point(text="Rotating teams share the burden of the most tiring weeks.", source="pensero"),
        Point(text="Pay differentials reward the hours worked.", source="pensero"),
    ],
)


def _picked(library: Library, engine: Engine, question: str) -> list[str]:
    query = parse(question, engine.index, grammar=False)
    read = _read_for(NIGHTS, engine.matcher, _asked(library, engine.matcher, query), library.word_families)
    headline = not _beyond_title(NIGHTS, read, _title_terms(NIGHTS, library.short_forms))
    return [NIGHTS.points[i].text for i in focus.question_picks(NIGHTS, read, headline=headline)]


def test_the_title_asked_shows_the_headline_beside_a_fact_using_a_title_word(library: Library, engine: Engine) -> None:
    picked = _picked(library, engine, "are night shifts tiring")
    assert picked[0].startswith("Yes: working overnight"), picked
    assert any(p.startswith("Rotating teams") for p in picked), "the fact the title word singles out still shows"


def test_a_word_beyond_the_title_chooses_the_facts_as_before(library: Library, engine: Engine) -> None:
    assert _picked(library, engine, "do night shifts pay differentials") == [
        "Pay differentials reward the hours worked."
    ]


def _card(engine: Engine, question: str, topic_id: str) -> str:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and reply.topic_id == topic_id
    return "\n".join(text_lines(reply.card))


def test_asked_in_its_own_words_an_entry_shows_its_plain_answer(engine: Engine) -> None:
    cases = [
        ("is the ai engineer talent shortage real", "market-talent-shortage", "Demand is far outpacing the supply"),
        ("are ai and ml engineers really the same job", "misconception-same-as-ml-engineer", "meaningfully different"),
        ("what does it mean that ai is a feature rather than a product", "ai-as-a-feature", "embedded into existing"),
        ("is ai engineering really that stressful", "challenge-stress", "carries real pressure"),
    ]
    for question, topic_id, answer in cases:
        assert answer in _card(engine, question, topic_id), question
