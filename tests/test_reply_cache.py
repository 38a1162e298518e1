"""A text asked again is answered from the engine's latest replies, except where making the reply
recorded a gap: that is recorded each time it is asked."""

from __future__ import annotations

import logging

import pytest

from bot import answering
from bot.answering import Engine
from bot.content import Library
from bot.recent import Recent


def test_a_text_asked_again_gets_the_reply_it_got_without_answering_again(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = Engine(library)
    first = engine.answer("salary senior germany", "slash")
    monkeypatch.setattr(engine, "_answer", lambda text, via: pytest.fail("answered again"))
    assert engine.answer("salary senior germany", "slash") is first


def test_the_same_text_by_another_way_in_is_answered_on_its_own(library: Library) -> None:
    engine = Engine(library)
    assert engine.answer("what do senior ai engineers make", "slash").kind == "answer"
    assert engine.answer("what do senior ai engineers make", "channel") is not engine.answer(
        "what do senior ai engineers make", "slash"
    )


@pytest.mark.parametrize(
    ("text", "via", "kind"),
    [
        ("how do I bake sourdough bread", "dm", "fallback"),
        # the words after the command name no roadmap and nothing the articles know (a gap): no such roadmap
        ("roadmap sourdough baking", "slash", "fallback"),
    ],
)
def test_a_reply_that_recorded_a_gap_records_it_each_time(
    library: Library, caplog: pytest.LogCaptureFixture, text: str, via: answering.Via, kind: str
) -> None:
    engine = Engine(library)
    with caplog.at_level(logging.DEBUG, logger="aieng.gaps"):
        replies = [engine.answer(text, via) for _ in range(3)]
    assert {r.kind for r in replies} == {kind}
    gaps = [r for r in caplog.records if r.name == "aieng.gaps"]
    assert len(gaps) == 3 * (len(gaps) // 3) > 0, "as many gaps for each of the three asks"


def test_the_latest_replies_are_kept_and_the_oldest_forgotten() -> None:
    recent: Recent[str, int] = Recent(size=2)
    recent.keep("a", 1)
    recent.keep("b", 2)
    assert recent.get("a") == 1  # now the latest
    recent.keep("c", 3)
    assert recent.get("b") is None and recent.get("a") == 1 and recent.get("c") == 3
    recent.keep("a", 4)  # kept again: the latest, with its new value
    recent.keep("d", 5)
    assert recent.get("c") is None and recent.get("a") == 4 and recent.get("d") == 5
