"""Focused cards: the direct answer and the few facts that bear on the question, the rest behind More."""

from __future__ import annotations

import pytest

from bot import refs
from bot.answering import Engine
from bot.cards import Card, focus, open_card, open_ref_text
from bot.content import Library
from bot.errors import StaleButton
from bot.models import Comparison
from bot.refs import parse_ref
from bot.rendering import render, text_lines, visible_text

SHORT_ANSWER = 1200  # what a focused card may show at most (the p90 the cards aim under)


def _open(card: Card, label: str) -> str:
    [value] = [b.value for b in card.buttons if b.label == label and b.action == "open"]
    return value


def _text(card: Card) -> str:
    return "\n".join(text_lines(card))


def _long_entries(library: Library) -> list[str]:
    """Entries with more facts than a focused card shows."""
    return [tid for tid, e in library.entries.items() if focus.hidden_count(e.topic, focus.default_picks(e.topic))]


def test_an_entry_with_many_facts_shows_a_few_and_a_more_button_that_opens_them_all(library: Library) -> None:
    topic_id = "ml-engineer"
    topic = library.entries[topic_id].topic
    focused = open_card(library, refs.topic(topic_id))
    shown = [p.text for p in topic.points if p.text in _text(focused)]
    assert 0 < len(shown) < len(topic.points), "a focused card shows some of the points, not all"
    assert focused.buttons[0].label == "More"

    pages = [open_ref_text(library, _open(focused, "More"))]
    while any(b.label.startswith("More (") for b in pages[-1].buttons):
        pages.append(open_ref_text(library, next(b.value for b in pages[-1].buttons if b.label.startswith("More ("))))
    everything = "\n".join(_text(page) for page in pages)
    assert all(p.text in everything for p in topic.points), "More opens every point, page after page"
    assert all(f.value in everything for f in topic.figures)


def test_every_long_entry_offers_more_and_every_fact_is_one_click_or_a_few_pages_away(library: Library) -> None:
    long = _long_entries(library)
    assert len(long) > 20, "most entries have more facts than a focused card shows"
    for topic_id in long:
        card = open_card(library, refs.topic(topic_id))
        [more] = [b for b in card.buttons if b.label in ("More", "All rows")]
        assert parse_ref(more.value) == refs.full(topic_id), topic_id


def test_focused_cards_are_short(library: Library) -> None:
    """Every entry's focused card stays under the p90 the answers aim for."""
    too_long = {}
    for topic_id in library.entries:
        if topic_id in library.roadmaps:
            continue
        payload = render(open_card(library, refs.topic(topic_id)), shareable=True).payload()
        if (n := len(visible_text(payload))) > SHORT_ANSWER:
            too_long[topic_id] = n
    assert too_long == {}


def test_a_comparison_is_a_compact_table_with_all_rows_behind_a_button(library: Library) -> None:
    comparison = library.entries["compare-ai-engineer-ml-engineer"].topic
    assert isinstance(comparison, Comparison) and len(comparison.rows) > focus.TABLE_MAX_ROWS
    card = open_card(library, refs.topic(comparison.id))
    [table] = [s for s in card.sections if s.fields]
    header, cells = table.fields[:2], table.fields[2:]
    assert [f.label for f in header] == [library.roles[r].title for r in comparison.roles]
    rows = len(cells) // 2
    assert focus.TABLE_MIN_ROWS <= rows <= focus.TABLE_MAX_ROWS
    assert all(left.label == right.label for left, right in zip(cells[::2], cells[1::2], strict=True))
    assert card.buttons[0].label == "All rows"
    full = open_ref_text(library, card.buttons[0].value)
    assert sum(len(s.fields) for s in full.sections) > len(table.fields), "All rows shows more rows"


def test_by_default_a_table_shows_the_rows_that_differ_most(library: Library) -> None:
    comparison = library.entries["compare-ai-engineer-ml-engineer"].topic
    assert isinstance(comparison, Comparison)
    shown = {f.label for s in open_card(library, refs.topic(comparison.id)).sections for f in s.fields}
    same_ish = next(r for r in comparison.rows if r.aspect.startswith("Salary range"))
    assert same_ish.aspect not in shown, "two near-identical pay ranges are not what sets the roles apart"


def test_the_question_steers_which_facts_are_shown(engine: Engine, library: Library) -> None:
    math = library.entries["math"].topic
    calculus = next(p.text for p in math.points if p.text.startswith("Calculus"))
    assert calculus not in _text(open_card(library, refs.topic("math"))), "not shown when nobody asks"
    reply = engine.answer("skills why calculus", "slash")
    assert reply.card is not None and reply.topic_id == "math"
    assert calculus in _text(reply.card)
    assert reply.card.ref is not None and parse_ref(reply.card.ref).parts[1:], "the focus travels in the ref"
    assert open_ref_text(library, reply.card.ref) == reply.card, "the same card opens from its ref"


def test_a_question_that_singles_nothing_out_gets_the_plain_ref(engine: Engine) -> None:
    reply = engine.answer("role mle", "slash")
    assert reply.card is not None and reply.card.ref == "t:ml-engineer"


def test_facts_from_one_article_are_cited_once_and_from_several_each_with_its_own(library: Library) -> None:
    one = several = 0
    for topic_id in library.entries:
        if topic_id in library.roadmaps:
            continue
        card = open_card(library, refs.topic(topic_id))
        names = [library.sources[s].name for s in library.sources]
        lines = [line for s in card.sections for line in s.lines if s.heading is None]
        cited = [any(line.endswith(f"({name})") or f"({name}, citing " in line for name in names) for line in lines]
        if len(card.sources) == 1 and "citing" not in card.sources[0]:  # one article, crediting no one
            one += 1
            assert not any(cited), f"{topic_id}: the one source line names the article"
        elif lines:
            several += 1
            assert all(cited), f"{topic_id}: each fact names its article"
    assert one and several


@pytest.mark.parametrize(
    "text",
    ["t:math:0.3", "t:math:all", "t:math:all:2", "cmp:ai-engineer,software-engineer:0.4", "r:swe-to-ai-engineer:0:1"],
)
def test_refs_with_a_view_read_back_as_written(text: str) -> None:
    assert str(parse_ref(text)) == text


@pytest.mark.parametrize("text", ["t:math:x", "t:math:all:x", "t:math:0:1", "t:math:all:2:3", "cmp:a,b:x"])
def test_malformed_views_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_ref(text)


@pytest.mark.parametrize("text", ["t:math:99", "t:math:all:99", "t:math:all:0", "cmp:ai-engineer,software-engineer:99"])
def test_views_naming_facts_or_pages_that_do_not_exist_are_stale_buttons(library: Library, text: str) -> None:
    with pytest.raises(StaleButton):
        open_ref_text(library, text)
