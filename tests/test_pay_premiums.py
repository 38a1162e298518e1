"""A specialization's premium or a company type's pay mix is given for every level at once: asked at a
level, the card shows that level's own pay (where asked) beside the subject's figure, each labelled, so
a premium never stands alone as the answer. Someone naming their own PhD in a pay question sees the
level's figures, not only the research premium."""

from __future__ import annotations

import pytest

from bot.answering import Engine
from bot.cards import Card


def values(card: Card | None) -> list[str]:
    assert card is not None
    return [f.value for s in card.sections for f in s.fields]


def headings(card: Card | None) -> list[str | None]:
    assert card is not None
    return [s.heading for s in card.sections if s.fields]


@pytest.mark.parametrize(
    ("text", "plain", "subject"),
    [
        ("what does a junior computer vision engineer earn", "salary entry", "Computer vision"),
        ("salary mid mlops", "salary mid", "MLOps / infrastructure"),
        ("how much does a senior llm engineer make in the us", "salary senior usa", "LLM engineering"),
        ("starting salary for a new grad at an ai startup", "salary entry", "AI startups"),
        ("what do principal ai engineers at enterprises earn in chicago", "salary principal chicago", "Enterprise"),
        ("senior research background salary in boston", "salary senior boston", "Research background"),
        (
            "I have a PhD in chemistry, what would entry level AI engineers make in the US?",
            "salary entry usa",
            "Research background",
        ),
        ("doctorate holder here. what's mid-level ai engineer pay?", "salary mid", "Research background"),
        (
            "wrapping up my doctorate. total comp for a junior ai engineer in new york?",
            "salary entry nyc",
            "Research background",
        ),
    ],
)
def test_a_level_asked_of_a_premium_shows_the_levels_pay_beside_it(
    engine: Engine, text: str, plain: str, subject: str
) -> None:
    card = engine.answer(text, "dm").card
    level_pay = values(engine.answer(plain, "slash").card)
    assert card is not None and card.summary.startswith("The articles give no"), card.summary
    assert level_pay and set(level_pay) <= set(values(card)), "the level's own figures are shown"
    assert f"{subject}, all levels" in headings(card), "the subject's figure, labelled as for all levels"


def test_a_level_the_company_type_has_its_own_figure_for_shows_only_that(engine: Engine) -> None:
    card = engine.answer("what does an entry level engineer at faang make", "dm").card
    assert card is not None and not card.summary.startswith("The articles give no")
    assert not any(h and h.endswith("all levels") for h in headings(card))


@pytest.mark.parametrize(
    ("text", "kept", "dropped"),
    [
        ("finishing my physics phd this spring. what do senior ai engineers at big tech make?", "big-tech", "research"),
        ("I work in computer vision at a startup. what does a staff llm engineer earn?", "llm-engineering", "vision"),
        ("I work in computer vision at a startup. what does a staff llm engineer earn?", "llm-engineering", "startup"),
        ("phd in math here. how much do ai startups pay mid-level engineers?", "ai-startup", "research"),
        ("mlops person at a bank. what are big tech salaries for seniors?", "big-tech", "mlops"),
    ],
)
def test_a_subject_only_the_chatter_names_gives_way_to_the_one_asked(
    engine: Engine, text: str, kept: str, dropped: str
) -> None:
    """Who is asking (their PhD, their field) is not whose pay is asked when the question names its own."""
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    assert kept in card.ref and dropped not in card.ref, card.ref


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        ("phd in math here. what would a mid-level ai engineer make?", ["research-background"]),
        ("what do llm engineers at big tech make?", ["llm-engineering", "big-tech"]),
    ],
)
def test_a_subject_stays_when_nothing_else_is_asked_or_it_is_asked(
    engine: Engine, text: str, subjects: list[str]
) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    assert all(s in card.ref for s in subjects), card.ref
