"""Where a person is on a roadmap, as plain values: step keys, tallies, the step to continue with.

A step is known by a key made of its phase's id and its own title ("foundational-knowledge/
complete-a-machine-learning-course"), not by its position, so adding a step in front of it does
not move anyone's progress onto another step. A step whose key no longer exists in the content
(renamed or removed) is left out of every count; its row is kept, harmlessly.

The store keeps the rows (bot/store/progress.py); the handlers read them and pass them in here.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

from bot.models import Roadmap

StepState = Literal["done", "learning", "skipped"]
STATES: tuple[StepState, ...] = ("done", "learning", "skipped")
RoadmapProgress = Mapping[str, StepState]  # step key -> state, for one person on one roadmap
Position = tuple[int, int]  # (phase, step), 0-based

MARKS: dict[StepState | None, str] = {"done": "✓", "learning": "◐", "skipped": "↷", None: "○"}
WORDS: dict[StepState, str] = {"done": "done", "learning": "learning", "skipped": "skipped"}
MAX_KEY = 200  # the store's column width
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def step_key(roadmap: Roadmap, phase: int, step: int) -> str:
    title = _NOT_SLUG.sub("-", roadmap.phases[phase].steps[step].title.lower()).strip("-")
    return f"{roadmap.phases[phase].id}/{title}"[:MAX_KEY]


def positions(roadmap: Roadmap) -> Iterator[Position]:
    """Every step of the roadmap in reading order (every plan, phase by phase)."""
    for p, phase in enumerate(roadmap.phases):
        for s in range(len(phase.steps)):
            yield p, s


def find_step(roadmap: Roadmap, key: str) -> Position | None:
    """Where the step with this key is now; None if the content no longer has it."""
    return next((at for at in positions(roadmap) if step_key(roadmap, *at) == key), None)


def state_at(roadmap: Roadmap, progress: RoadmapProgress, phase: int, step: int) -> StepState | None:
    return progress.get(step_key(roadmap, phase, step))


@dataclass(frozen=True)
class Tally:
    done: int
    learning: int
    skipped: int
    total: int

    @property
    def started(self) -> bool:
        return self.done + self.learning + self.skipped > 0

    @property
    def finished(self) -> bool:
        return self.done + self.skipped >= self.total

    def line(self) -> str:
        """'3 of 12 done' (plus how many are being learned or skipped)."""
        extra = [f"{n} {word}" for n, word in ((self.learning, "learning"), (self.skipped, "skipped")) if n]
        return f"{self.done} of {self.total} done" + (f" ({', '.join(extra)})" if extra else "")


def tally(roadmap: Roadmap, progress: RoadmapProgress) -> Tally:
    """Counts over the steps the content has now (progress on removed steps is not counted)."""
    states = [state_at(roadmap, progress, *at) for at in positions(roadmap)]
    return Tally(states.count("done"), states.count("learning"), states.count("skipped"), len(states))


def phase_tally(roadmap: Roadmap, progress: RoadmapProgress, phase: int) -> Tally:
    states = [state_at(roadmap, progress, phase, s) for s in range(len(roadmap.phases[phase].steps))]
    return Tally(states.count("done"), states.count("learning"), states.count("skipped"), len(states))


def next_step(roadmap: Roadmap, progress: RoadmapProgress) -> Position | None:
    """The first step, in reading order, neither done nor skipped; None when there is none left."""
    return next(
        (at for at in positions(roadmap) if state_at(roadmap, progress, *at) not in ("done", "skipped")),
        None,
    )
