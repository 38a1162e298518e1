"""Progress as plain values on pure cards: marks, tallies that leave removed steps out, Continue, the
Home view inside Slack's 100 blocks for someone who started everything, stale clicks, the local chat."""

from __future__ import annotations

import dataclasses
import io
import json

import pytest
from slack_sdk.models.views import View

from bot import refs
from bot.answering import Engine
from bot.cards import open_card
from bot.cards.home import MAX_ROADMAPS, home
from bot.content import Library
from bot.local_chat import run_chat
from bot.progress import RoadmapProgress, StepState, find_step, next_step, step_key, tally
from bot.rendering import plain_text
from bot.roadmap_progress import Person, StaleStep, mark_step, progress_command
from bot.store.progress import ProgressBook
from bot.store.store import Store
from handlers.home import MAX_VIEW_BLOCKS, home_blocks

SWE = "swe-to-ai-engineer"
FIRST = "foundational-knowledge/complete-a-machine-learning-course"  # the SWE roadmap's first step, as keyed
SECOND = "foundational-knowledge/build-2-3-small-ml-projects"


def test_a_step_is_keyed_by_its_phase_and_title_not_its_position(library: Library) -> None:
    roadmap = library.roadmaps[SWE]
    assert step_key(roadmap, 0, 0) == FIRST
    phase = roadmap.phases[0]
    inserted = phase.model_copy(update={"steps": [phase.steps[1], *phase.steps]})
    changed = roadmap.model_copy(update={"phases": [inserted, *roadmap.phases[1:]]})
    assert find_step(changed, FIRST) == (0, 1), "a step added in front moves the step, not the progress"
    assert find_step(changed, "foundational-knowledge/a-step-that-never-was") is None


def test_the_tally_counts_only_steps_the_content_still_has(library: Library) -> None:
    roadmap = library.roadmaps[SWE]
    total = sum(len(p.steps) for p in roadmap.phases)
    marks: RoadmapProgress = {FIRST: "done", SECOND: "skipped", "gone-phase/gone-step": "done"}
    counts = tally(roadmap, marks)
    assert (counts.done, counts.skipped, counts.learning, counts.total) == (1, 1, 0, total)
    assert counts.line() == f"1 of {total} done (1 skipped)"


def test_continue_leads_to_the_first_step_neither_done_nor_skipped(library: Library) -> None:
    roadmap = library.roadmaps[SWE]
    assert next_step(roadmap, {}) == (0, 0)
    assert next_step(roadmap, {FIRST: "done", SECOND: "skipped"}) == (0, 2)
    assert next_step(roadmap, {FIRST: "learning"}) == (0, 0), "a step being learned is where to continue"
    everything: dict[str, StepState] = {
        step_key(roadmap, p, s): "done" for p, phase in enumerate(roadmap.phases) for s in range(len(phase.steps))
    }
    assert next_step(roadmap, everything) is None


def test_a_phase_card_marks_each_step_and_offers_continue(library: Library) -> None:
    from bot.cards.progress import with_progress

    ref = refs.roadmap(SWE, 0)
    card = with_progress(library, ref, open_card(library, ref), {FIRST: "done", SECOND: "learning"})
    text = plain_text(card)
    assert "✓ 1. Complete a machine learning course" in text
    assert "◐ 2. Build 2-3 small ML projects" in text
    assert "○ 3." in text
    assert "1 of 3 done" in text
    assert card.buttons[-1].label == "Continue ▸"
    assert card.buttons[-1].value == str(refs.roadmap(SWE, 0, 1))
    assert card.buttons[:3] == open_card(library, ref).buttons[:3], "Back, Previous, Next stay first"


def test_every_step_card_has_the_progress_buttons_after_back_previous_next(library: Library) -> None:
    for roadmap in library.roadmaps.values():
        for p, phase in enumerate(roadmap.phases):
            for s in range(len(phase.steps)):
                card = open_card(library, refs.roadmap(roadmap.id, p, s))
                actions = [b.action for b in card.buttons[3:7]]
                assert actions == ["mark_done", "mark_learning", "mark_skipped", "reset_step"], card.title
                assert {b.value for b in card.buttons[3:7]} == {f"{roadmap.id}|{step_key(roadmap, p, s)}"}


def test_home_stays_within_100_blocks_for_someone_who_started_every_roadmap(library: Library) -> None:
    everything = {
        r.id: {step_key(r, p, s): "done" for p, phase in enumerate(r.phases) for s in range(len(phase.steps))}
        for r in library.roadmaps.values()
    }
    everything.update({f"removed-roadmap-{i}": {"x/y": "done"} for i in range(200)})  # content since removed
    model = home(library, everything, questions=[f"question {i} " + "x" * 500 for i in range(50)])
    blocks = home_blocks(model)
    assert len(model.roadmaps) == min(len(library.roadmaps), MAX_ROADMAPS)
    assert len(blocks) <= MAX_VIEW_BLOCKS
    View(type="home", blocks=blocks).validate_json()  # slack_sdk's own checks of a Home view
    assert "removed-roadmap" not in json.dumps([b.to_dict() for b in blocks])


def test_home_lists_more_roadmaps_than_it_shows_in_a_line(library: Library) -> None:
    roadmap = library.roadmaps[SWE]
    many = {SWE: {FIRST: "done"}}
    # the same roadmap under many ids would not be real content; fake a library with more roadmaps instead
    fake = {f"r{i}": roadmap.model_copy(update={"id": f"r{i}"}) for i in range(MAX_ROADMAPS + 7)}
    bigger = dataclasses.replace(library, roadmaps=fake)
    model = home(bigger, {rid: many[SWE] for rid in fake})
    assert model.more_roadmaps == 7
    blocks = home_blocks(model)
    assert len(blocks) <= MAX_VIEW_BLOCKS
    assert "and 7 more" in json.dumps([b.to_dict() for b in blocks])


def test_a_click_on_a_step_no_longer_in_the_content_writes_nothing(engine: Engine, store: Store) -> None:
    book = ProgressBook(store)
    me = Person("T1", "U1")
    for value in (f"{SWE}|gone-phase/gone-step", "a-removed-roadmap|x/y", "no separator"):
        with pytest.raises(StaleStep):
            mark_step(engine, book, me, "mark_done", value)
    assert book.everything("T1", "U1") == {}

    card = mark_step(engine, book, me, "mark_done", f"{SWE}|{FIRST}")
    assert "This step: ✓ done" in card.summary
    assert book.everything("T1", "U1") == {SWE: {FIRST: "done"}}


def test_a_mark_that_cannot_be_saved_still_shows_the_card_and_says_so(engine: Engine) -> None:
    card = mark_step(engine, ProgressBook(None), Person("T1", "U1"), "mark_done", f"{SWE}|{FIRST}")
    assert card.title == "Complete a machine learning course"
    assert "couldn't save" in card.summary


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("progress", ("show", None, None)),
        ("progress reset", ("reset", None, None)),
        ("progress reset swe", ("reset", SWE, None)),
        ("progress clear data science", ("reset", "ds-to-ai-engineer", None)),
        ("progress reset basket weaving", ("reset", None, "basket weaving")),
    ],
)
def test_the_progress_command(engine: Engine, text: str, expected: tuple[str, str | None, str | None]) -> None:
    command = progress_command(engine, text)
    assert command is not None
    assert (command.action, command.roadmap_id, command.unknown) == expected


@pytest.mark.parametrize("text", ["salary senior", "progressive roles", "progress report please"])
def test_other_text_is_not_the_progress_command(engine: Engine, text: str) -> None:
    assert progress_command(engine, text) is None


def test_the_local_chat_keeps_progress_for_its_one_person(engine: Engine, store: Store, library: Library) -> None:
    total = sum(len(p.steps) for p in library.roadmaps[SWE].phases)
    out = io.StringIO()
    # the roadmap, its first phase, its first step, "✓ Done" (button 4 after Back, Previous, Next), then progress
    run_chat(engine, io.StringIO("/aieng roadmap swe\n1\n4\n4\n/aieng progress\n"), out, ProgressBook(store))
    said = out.getvalue()
    assert "This step: ✓ done" in said
    assert f"Software engineer to AI engineer: 1 of {total} done" in said
    assert ProgressBook(store).everything("local", "local") == {SWE: {FIRST: "done"}}
