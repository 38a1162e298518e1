"""A person's App Home, as plain Python: their roadmaps in progress, quick starts, their plan, their
own last few questions. handlers/home.py turns it into a Home tab view (Block Kit).

Only what the handler passes in is shown, and the handler passes only this person's own rows.
The number of roadmaps shown is capped, so the view stays far inside Slack's 100 blocks even for
someone who has started every roadmap there is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from bot import refs
from bot.cards.model import Button, open_button
from bot.content import Library
from bot.progress import RoadmapProgress, next_step, tally
from bot.quiz import Answers, make_plan, read_answers
from bot.refs import SalaryQuery

MAX_ROADMAPS = 20  # one block each; the rest are counted in a line
MAX_QUESTIONS = 5
MAX_QUESTION_CHARS = 150


@dataclass(frozen=True)
class RoadmapRow:
    title: str
    progress: str  # "1 of 12 done"
    button: Button  # Continue (or Review, once every step is done or skipped)


@dataclass(frozen=True)
class PlanSummary:
    """The latest quiz plan, in a line, with the button to its roadmap."""

    line: str
    button: Button | None


@dataclass(frozen=True)
class Home:
    roadmaps: tuple[RoadmapRow, ...]
    more_roadmaps: int  # started but not listed (over MAX_ROADMAPS)
    quick_starts: tuple[Button, ...]
    plan: PlanSummary | None
    questions: tuple[str, ...]


def home(
    library: Library,
    everything: Mapping[str, RoadmapProgress],
    plan: PlanSummary | None = None,
    questions: Sequence[str] = (),
) -> Home:
    rows = [
        row for roadmap_id, marks in everything.items() if (row := _roadmap_row(library, roadmap_id, marks)) is not None
    ]
    return Home(
        roadmaps=tuple(rows[:MAX_ROADMAPS]),
        more_roadmaps=max(0, len(rows) - MAX_ROADMAPS),
        quick_starts=quick_starts(library),
        plan=plan,
        questions=tuple(_short(q) for q in questions[:MAX_QUESTIONS]),
    )


def _roadmap_row(library: Library, roadmap_id: str, marks: RoadmapProgress) -> RoadmapRow | None:
    """A started roadmap's row; None for a roadmap the content no longer has or with nothing marked
    on steps it still has."""
    roadmap = library.roadmaps.get(roadmap_id)
    if roadmap is None:
        return None
    counts = tally(roadmap, marks)
    if not counts.started:
        return None
    at = next_step(roadmap, marks)
    button = (
        open_button("Continue", refs.roadmap(roadmap.id, *at), "primary")
        if at is not None
        else open_button("Review", refs.roadmap(roadmap.id))
    )
    return RoadmapRow(roadmap.title, counts.line(), button)


def plan_summary(library: Library, answers: Mapping[str, object]) -> PlanSummary | None:
    """The latest quiz plan in a line, made again from its saved answers (so it follows the content);
    None if those answers no longer fit the quiz."""
    read = read_answers(library, {k: v if isinstance(v, str) else None for k, v in answers.items()})
    if not isinstance(read, Answers):
        return None
    plan = make_plan(library, read)
    level = library.levels[plan.level].title if plan.level in library.levels else plan.level
    line = f"*{plan.track.title}* ({plan.role.title}), at {level} level. First: {plan.first_phase.title}."
    return PlanSummary(line, open_button(f"Open {plan.roadmap.title}"[:70], refs.roadmap(plan.roadmap.id)))


def quick_starts(library: Library) -> tuple[Button, ...]:
    """Salary for a level and a place, roles, roadmaps, the career quiz."""
    return (
        open_button("Salary by level", refs.salary(SalaryQuery())),
        open_button("Salary by place", refs.menu("locations")),
        open_button("Roles", refs.menu("roles")),
        open_button("Roadmaps", refs.menu("roadmaps")),
        Button("Career quiz", "quiz", "home"),
    )


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUESTION_CHARS else text[: MAX_QUESTION_CHARS - 1] + "…"
