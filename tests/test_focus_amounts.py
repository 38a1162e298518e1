"""A question asking for an amount ("how many", "what share") leads with a fact stating a figure among
those its words point to, not with one a single rare word of it singles out."""

from __future__ import annotations

import pytest

from bot import refs
from bot.answering import Engine
from bot.cards import focus, open_card
from bot.content import Library
from bot.focusing import focus_ref
from bot.parsing import parse
from bot.rendering import text_lines

FACTS = [
    "Failed pilots often stay stuck in development.",
    "Only 12% of companies have shipped their models to production.",
    "Production systems need monitoring and rollbacks.",
    "Most teams hire slowly and carefully.",
]
ASKED = {"pilot": {"pilot": 4.0}, "production": {"production": 1.8}}


def test_a_fact_stating_a_figure_leads_a_question_asking_for_an_amount() -> None:
    assert focus.asked_about(FACTS, ASKED)[0] == 0, "a rare word leads a question asking for no amount"
    assert focus.asked_about(FACTS, ASKED, amount_words={"pilot", "production"})[0] == 1


def test_a_figure_leads_only_when_it_uses_a_word_of_what_is_counted() -> None:
    """A figure on something else of the entry (sharing only its title words) answers no amount asked."""
    assert focus.asked_about(FACTS, ASKED, amount_words={"pilot"})[0] == 0


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Only 12% have deployed AI", True),
        ("rose by 143 percent year over year", True),
        ("Median base salary: $162,000", True),
        ("Senior: ₹50L-₹80L", True),
        ("an estimated timeline of 6–12 months", True),
        ("one in four companies now have CAIOs", True),
        ("eliminates 30 hours per week", True),
        ("The 30-day plan ends with applying", True),
        ("became partially effective in 2025", False),
        ("GPT-4 and H100 clusters", False),
        ("LinkedIn's number one fastest-growing title", False),
    ],
)
def test_what_states_a_figure(text: str, states: bool) -> None:
    assert focus.states_figure(text) is states


def _first_fact(library: Library, engine: Engine, topic_id: str, question: str) -> str:
    query = parse(question, engine.index, grammar=False)
    card = text_lines(open_card(library, focus_ref(library, engine.matcher, refs.topic(topic_id), query)))
    return next(line for line in card if line.startswith("  •"))


def test_how_many_pilots_reach_production_leads_with_the_share_deployed(engine: Engine, library: Library) -> None:
    """'Pilots' is in one fact only, which merely mentions failed pilots; the figures answer."""
    for question in ("what share of AI pilots get to production?", "how many AI pilots ever make it to production?"):
        assert "12%" in _first_fact(library, engine, "market-implementation-gap", question), question
    assert "12%" not in _first_fact(library, engine, "market-implementation-gap", "why do AI pilots stall?")


def test_asked_the_amount_its_own_title_asks_a_card_leads_with_its_figures(engine: Engine, library: Library) -> None:
    """'switch' is a title word that one fact's note repeats ('not the whole switch'): asking how long the
    switch takes wants the months the card leads with, not that fact."""
    for question in ("how long would it take me to switch into ai engineering?", "how long does the switch take"):
        assert "6–12 months" in _first_fact(library, engine, "transition-timeline", question), question
