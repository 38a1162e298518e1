"""Roadmaps read as one path: each article's plan on its own, Next/Previous across phases, buttons that stay put."""

from __future__ import annotations

from collections.abc import Iterator

from bot import refs
from bot.answering import Engine
from bot.cards import Card, open_card, open_ref_text
from bot.cards.roadmap import plans
from bot.content import Library
from bot.models import Roadmap, Step
from bot.refs import parse_ref
from bot.rendering import text_lines
from bot.text import terms

NAV = 3  # Back, Previous, Next: the first three buttons of every phase and step card


def _steps(library: Library) -> Iterator[tuple[Roadmap, int, int]]:
    for roadmap in library.roadmaps.values():
        for p, phase in enumerate(roadmap.phases):
            for s in range(len(phase.steps)):
                yield roadmap, p, s


def _position(value: str) -> tuple[int, ...]:
    return tuple(int(x) for x in parse_ref(value).parts[1:])


def _next(card: Card) -> str:
    return card.buttons[2].value


def test_next_from_the_last_step_of_a_phase_opens_the_first_step_of_the_next_phase(library: Library) -> None:
    crossed = 0
    for roadmap in library.roadmaps.values():
        for plan in plans(roadmap):
            for here, there in zip(plan, plan[1:], strict=False):
                last = len(roadmap.phases[here].steps) - 1
                card = open_card(library, refs.roadmap(roadmap.id, here, last))
                assert card.buttons[2].label == "Next step"
                assert _position(_next(card)) == (there, 0)
                back = open_ref_text(library, card.buttons[2].value)
                assert _position(back.buttons[1].value) == (here, last), "and Previous leads back"
                crossed += 1
    assert crossed >= 10


def test_next_never_leads_from_one_articles_plan_into_anothers(library: Library) -> None:
    for roadmap, p, s in _steps(library):
        card = open_card(library, refs.roadmap(roadmap.id, p, s))
        target = _position(_next(card))
        if len(target) == 2:
            assert roadmap.phases[target[0]].source == roadmap.phases[p].source, card.title
        else:
            assert target == () and card.buttons[2].label == "Roadmap overview", "the plan's end leads home"


def test_the_software_engineer_roadmap_shows_each_articles_plan_in_its_own_section(library: Library) -> None:
    roadmap = library.roadmaps["swe-to-ai-engineer"]
    assert len(plans(roadmap)) == 2
    card = open_card(library, refs.roadmap(roadmap.id))
    headings = [s.heading for s in card.sections if s.heading]
    assert headings == ["Startupbricks plan", "Consultancy guide plan"]
    consultancy = next(s for s in card.sections if s.heading == "Consultancy guide plan")
    assert consultancy.lines[0].startswith("1. "), "the second plan is not a fifth step of the first"
    last_startupbricks = open_card(library, refs.roadmap(roadmap.id, 3, len(roadmap.phases[3].steps) - 1))
    assert _position(_next(last_startupbricks)) == ()


def test_back_previous_and_next_keep_their_places_on_every_phase_and_step_card(library: Library) -> None:
    cards = [open_card(library, refs.roadmap(r.id, p)) for r in library.roadmaps.values() for p in range(len(r.phases))]
    cards += [open_card(library, refs.roadmap(r.id, p, s)) for r, p, s in _steps(library)]
    for card in cards:
        labels = [b.label for b in card.buttons[:NAV]]
        assert labels[0] == "Back", card.title
        assert labels[1] in ("Previous step", "Previous phase", "Phase overview", "Roadmap overview"), card.title
        assert labels[2] in ("Next step", "Next phase", "Roadmap overview"), card.title
        assert card.buttons[2].style == "primary"
        assert all(b.label not in ("Back", "Next step", "Previous step") for b in card.buttons[NAV:])


def test_a_roadmap_overview_keeps_its_phases_and_offers_the_rest_behind_more(library: Library) -> None:
    roadmap = library.roadmaps["ds-to-ai-engineer"]
    card = open_card(library, refs.roadmap(roadmap.id))
    phase_lines = [line for s in card.sections if s.heading for line in s.lines]
    assert len(phase_lines) == len(roadmap.phases)
    [more] = [b for b in card.buttons if b.label == "More"]
    pages = [open_ref_text(library, more.value)]
    while nxt := [b for b in pages[-1].buttons if b.label.startswith("More (")]:
        pages.append(open_ref_text(library, nxt[0].value))
    text = "\n".join(line for page in pages for s in page.sections for line in s.lines)
    assert all(p.text in text for p in roadmap.points)
    assert all(any(b.label == "Phases" and b.value == str(refs.roadmap(roadmap.id)) for b in p.buttons) for p in pages)


def test_a_question_naming_a_numbered_step_of_a_plan_opens_that_phase(engine: Engine, library: Library) -> None:
    roadmap = library.roadmaps["ds-to-ai-engineer"]
    second = next(i for i, p in enumerate(roadmap.phases) if p.title.startswith("Step 2:"))
    reply = engine.answer("roadmap ds step 2", "slash")
    assert reply.card is not None and reply.card.ref == str(refs.roadmap(roadmap.id, second))


def test_a_roadmap_overview_leads_with_its_facts_and_lists_its_plans_below(library: Library) -> None:
    for roadmap in library.roadmaps.values():
        card = open_card(library, refs.roadmap(roadmap.id))
        headed = [i for i, s in enumerate(card.sections) if s.heading]
        facts = [i for i, s in enumerate(card.sections) if not s.heading]
        assert headed and facts, roadmap.id
        assert max(facts) < min(headed), f"{roadmap.id}: the answer comes before the way in"


def test_plans_of_one_phase_each_are_one_list_numbered_through(library: Library) -> None:
    roadmap = library.roadmaps["skill-building-sequence"]
    assert all(len(plan) == 1 for plan in plans(roadmap)) and len(plans(roadmap)) > 1
    card = open_card(library, refs.roadmap(roadmap.id))
    [listed] = [s for s in card.sections if s.heading]
    assert [line.split(".")[0] for line in listed.lines] == ["1", "2", "3"]
    phase_buttons = [b.label for b in card.buttons if b.label[:1].isdigit()]
    assert [label.split(".")[0] for label in phase_buttons] == ["1", "2", "3"]


def test_the_learning_order_leads_with_maths_between_programming_and_machine_learning(engine: Engine) -> None:
    reply = engine.answer("in what order should I learn things to become an AI engineer?", "dm")
    assert reply.topic_id == "r:skill-building-sequence" and reply.card is not None
    text = "\n".join(text_lines(reply.card))
    assert (
        text.index("Python") < text.index("linear algebra") < text.index("deep learning") < text.index("Each article")
    )


def test_a_step_whose_detail_only_repeats_its_title_is_listed_once(library: Library) -> None:
    repeated = [
        (r, p)
        for r in library.roadmaps.values()
        for p, phase in enumerate(r.phases)
        if any(s.detail.rstrip(". ").casefold() == s.title.casefold() for s in phase.steps)
    ]
    assert repeated, "the content has such steps (the article lists some steps by title alone)"
    roadmap, index = repeated[0]
    lines = text_lines(open_card(library, refs.roadmap(roadmap.id, index)))
    for step in roadmap.phases[index].steps:
        restated = f"{step.title}: {step.title}"
        assert not any(restated.casefold() in line.casefold() for line in lines), f"{step.title!r} said twice"
        assert any(step.title in line for line in lines)


def test_a_step_with_its_own_detail_keeps_it(library: Library) -> None:
    steps = [s for r in library.roadmaps.values() for p in r.phases for s in p.steps]
    detailed = next(s for s in steps if not set(terms(s.detail)) & set(terms(s.title)))
    assert detailed.line == f"{detailed.title}: {detailed.detail}"


def test_a_detail_saying_the_title_in_other_forms_of_its_words_is_not_said_again() -> None:
    for title, detail in [
        ("Master Git, testing, code review", "Master Git, testing and code review."),
        ("Build deployable applications", "Build applications that can be deployed."),
        ("Domain specialization", "Specialize in a domain."),
    ]:
        assert Step(title=title, detail=detail).line == title, title
    adds = Step(title="Learn MLOps basics", detail="Learn MLOps basics (MLflow, DVC, or similar).")
    assert adds.line == "Learn MLOps basics (MLflow, DVC, or similar).", "the title is said within the detail"
    other = Step(title="Start applying", detail="Start applying for roles or discussing AI projects at work.")
    assert other.line == other.detail
    apart = Step(title="Gain practical experience", detail="Personal projects deployed publicly, Kaggle competitions.")
    assert apart.line == "Gain practical experience: Personal projects deployed publicly, Kaggle competitions."


def test_a_step_card_does_not_repeat_its_title_as_its_detail(library: Library) -> None:
    restating = [(r, p, s) for r, p, s in _steps(library) if r.phases[p].steps[s].restates]
    assert restating, "the content has steps whose detail only says the title again"
    for roadmap, p, s in restating:
        step = roadmap.phases[p].steps[s]
        lines = text_lines(open_card(library, refs.roadmap(roadmap.id, p, s)))
        assert lines[0] == step.title
        assert not any(step.detail.rstrip(".") in line for line in lines[1:]), step.title
        assert any(f"Step {s + 1} of" in line for line in lines), "where the step is still shows"
