"""A story told around a question ("the board wants assurance our models aren't biased") weighs by
its telling words: what someone "wants" is how it is told, as "want" is, and a lender is kin of
lending and finance, which the articles name."""

from __future__ import annotations

from bot.answering import Engine
from bot.text import terms


def test_wants_is_as_empty_as_want() -> None:
    assert terms("the board wants numbers, and wanted them yesterday") == terms("the board numbers yesterday")


def test_a_lender_is_kin_of_lending(engine: Engine) -> None:
    lender = engine.matcher.weights_by_term["lender"]
    assert lender[engine.matcher.ids.index("challenge-bias")] > 0, "it says 'hiring, lending, and criminal justice'"


def test_a_lender_asking_for_bias_metrics_is_answered(engine: Engine) -> None:
    reply = engine.answer(
        "we run risk models at a mid-size lender and the board wants assurance they aren't biased. "
        "what metrics or tools help with that?",
        "dm",
    )
    assert (reply.kind, reply.topic_id) == ("answer", "responsible-ai")
