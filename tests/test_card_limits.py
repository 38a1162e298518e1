"""Every card reachable from the content, by every topic and by walking every button, fits Slack's limits."""

from __future__ import annotations

import re
from collections import deque
from typing import Any

import pytest
from slack_limits import problems

from bot import refs
from bot.answering import Engine
from bot.cards import open_ref_text
from bot.content import Library
from bot.rendering import render, visible_text


def start_refs(library: Library) -> list[str]:
    starts = [str(refs.menu(name)) for name in ("help", "roles", "roadmaps", "levels", "learn", "compare")]
    starts += [str(refs.topic(t)) for t in library.entries]
    starts += [str(refs.salary(refs.SalaryQuery()))]
    return starts


def walk(engine: Engine) -> dict[str, dict[str, Any]]:
    """Breadth-first over every OPEN button of every card; ref -> rendered payload."""
    seen: dict[str, dict[str, Any]] = {}
    queue = deque(start_refs(engine.library))
    while queue:
        ref = queue.popleft()
        if ref in seen:
            continue
        card = open_ref_text(engine.library, ref)
        payload = render(card, shareable=True).payload()
        seen[ref] = payload
        queue.extend(b.value for b in card.buttons if b.action == "open")
    return seen


@pytest.fixture(scope="module")
def reachable(engine: Engine) -> dict[str, dict[str, Any]]:
    return walk(engine)


def test_the_walk_reaches_every_kind_of_card(reachable: dict[str, dict[str, Any]], library: Library) -> None:
    kinds = {ref.split(":")[0] for ref in reachable}
    assert {"t", "s", "r", "rs", "c"} <= kinds
    deepest_steps = [r for r in reachable if r.startswith("r:") and r.count(":") == 3]
    every_step = sum(len(p.steps) for r in library.roadmaps.values() for p in r.phases)
    assert len(deepest_steps) == every_step, "every step of every roadmap is reachable by buttons"


def test_every_reachable_card_is_within_slack_limits(reachable: dict[str, dict[str, Any]]) -> None:
    bad = {ref: p for ref in reachable if (p := problems(reachable[ref]))}
    assert bad == {}


def test_every_card_cites_its_sources_or_is_a_menu(reachable: dict[str, dict[str, Any]], library: Library) -> None:
    """Every card that states facts (a topic, a salary table, a roadmap phase or step, a comparison)
    names its sources in a context block; only menus (no facts) may not."""
    facts = re.compile(r"\$|\d")  # a figure or a number: something an article said
    uncited = []
    for ref, payload in reachable.items():
        kind = ref.split(":")[0]
        if kind == "c":
            continue  # a menu: what one can ask, no facts
        contexts = [e["text"] for b in payload["blocks"] if b["type"] == "context" for e in b["elements"]]
        body = str([b for b in payload["blocks"] if b["type"] == "section"])
        if kind == "t":
            topic = library.entries[refs.parse_ref(ref).parts[0]].topic  # t:<id>[:<view>]
            states_facts = bool(topic.points or topic.figures)
        else:
            states_facts = bool(facts.search(body))
        if states_facts and not any(t.startswith("Sources:") for t in contexts):
            uncited.append(ref)
    assert uncited == [], f"cards stating facts without naming their sources: {uncited}"


def test_free_answers_and_fallbacks_fit_too(engine: Engine) -> None:
    questions = ["x" * 40_000, "<!channel> " * 500, "what " * 3000, "salary " + "senior " * 500]
    for text in questions:
        for via in ("slash", "mention", "dm"):
            reply = engine.answer(text, via)
            assert reply.card is not None
            assert problems(render(reply.card, shareable=True).payload()) == []


READABLE_CHARS = 2000  # the most a card may show: beyond it Slack folds it behind "Show more"


def test_no_reachable_card_shows_more_than_a_reader_reads(reachable: dict[str, dict[str, Any]]) -> None:
    """Every card, focused or full (a long full card comes in pages), fits before Slack's fold."""
    long = {ref: n for ref, p in reachable.items() if (n := len(visible_text(p))) > READABLE_CHARS}
    assert long == {}


def test_the_walk_opens_full_cards_and_their_pages(reachable: dict[str, dict[str, Any]]) -> None:
    """More is reachable from focused cards, and the longest full cards continue onto further pages."""
    assert any(ref.endswith(":all") for ref in reachable)
    assert any(ref.count(":all:") for ref in reachable), "some full card runs to a second page"
