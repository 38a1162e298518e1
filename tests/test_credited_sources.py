"""A fact that credits a dataset ("per Aquent's 2026 Salary Guide", credited as such in content) makes
its entry findable by that dataset's name: the card names it, and people ask for it by name."""

from __future__ import annotations

from bot.answering import Engine


def _entries_using(engine: Engine, term: str) -> set[str]:
    weights = engine.matcher.weights_by_term.get(term, ())
    return {tid for tid, weight in zip(engine.matcher.ids, weights, strict=True) if weight}


def test_an_entry_is_found_by_the_dataset_its_facts_credit(engine: Engine) -> None:
    credited = {
        tid
        for tid, entry in engine.library.entries.items()
        if any(f.credits and "Aquent" in f.credits for f in (*entry.topic.points, *entry.topic.figures))
    }
    assert credited, "the content credits Aquent's salary guide somewhere"
    assert credited <= _entries_using(engine, "aquent")


def test_asked_for_a_credited_guide_the_answer_cites_it(engine: Engine) -> None:
    reply = engine.answer("what did the aquent salary guide find?", "dm")
    assert reply.kind == "answer" and reply.topic_id == "salary-growth"
