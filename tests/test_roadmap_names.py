"""Every roadmap is a roadmap and a path, whatever its own title and questions say: asked for "the
roadmap for" a background, the path out of that background answers, not the one whose questions
happen to use the word. A roadmap is also found by whom it is the nearest path for."""

from __future__ import annotations

import pytest

from bot.answering import Engine


@pytest.mark.parametrize(
    ("question", "path"),
    [
        ("roadmap for a data scientist", "r:ds-to-ai-engineer"),
        ("data scientist roadmap please", "r:ds-to-ai-engineer"),
        ("is there a path for data scientists into this field", "r:ds-to-ai-engineer"),
        ("roadmap for someone finishing a phd", "r:research-to-industry"),
        ("roadmap for a software engineer", "r:swe-to-ai-engineer"),
    ],
)
@pytest.mark.parametrize("via", ["dm", "mention", "slash"])
def test_the_roadmap_asked_for_a_background_is_that_backgrounds_path(
    engine: Engine, question: str, path: str, via: str
) -> None:
    assert engine.answer(question, via).topic_id == path  # type: ignore[arg-type]


@pytest.mark.parametrize("who", ["a devops engineer", "an sre", "a platform engineer"])
def test_a_roadmap_is_found_by_whom_it_is_the_nearest_path_for(engine: Engine, who: str) -> None:
    assert engine.answer(f"roadmap for {who}", "dm").topic_id == "r:swe-to-ai-engineer"
