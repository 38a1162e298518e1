"""Did-you-mean only when it is a real choice (issue 10): below the answer bar, several close
candidates of one family are parts of one answer, so the best is answered and the others offered."""

from __future__ import annotations

from bot.answering import ANSWER_THRESHOLD, CHANNEL_THRESHOLD, SUGGEST_THRESHOLD, Engine, Reply, Scored
from bot.parsing import parse
from bot.refs import topic
from bot.rendering import render

BELOW_BAR = (SUGGEST_THRESHOLD + ANSWER_THRESHOLD) / 2


def scored(topic_id: str, score: float, family: str) -> Scored:
    return Scored(topic(topic_id), score, topic_id, family)


def decide(engine: Engine, found: list[Scored], via: str = "dm") -> Reply:
    return engine._decide(parse("x", engine.index, grammar=False), found, via)


def test_close_candidates_of_one_family_are_one_answer_with_the_others_as_buttons(engine: Engine) -> None:
    found = [
        scored("salary-senior-level", BELOW_BAR + 2, "salary"),
        scored("salary-by-level", BELOW_BAR, "salary"),
        scored("career-ladder", SUGGEST_THRESHOLD - 5, "level"),
    ]
    reply = engine._decide(parse("x", engine.index, grammar=False), found, "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "salary-senior-level")
    assert reply.card is not None
    assert any(b.action == "open" and b.value == "t:salary-by-level" for b in reply.card.buttons)
    assert "none_of_these" not in [b.action for b in reply.card.buttons]


def test_a_lone_candidate_below_the_bar_is_still_a_question(engine: Engine) -> None:
    reply = engine._decide(parse("x", engine.index, grammar=False), [scored("llm", BELOW_BAR, "skills")], "dm")
    assert reply.kind == "choices"


def test_close_candidates_of_different_families_are_a_real_choice(engine: Engine) -> None:
    found = [scored("llm", BELOW_BAR + 1, "skills"), scored("market-demand", BELOW_BAR, "market")]
    assert engine._decide(parse("x", engine.index, grammar=False), found, "dm").kind == "choices"


def test_unasked_channel_messages_are_never_answered_below_the_channel_bar(engine: Engine) -> None:
    found = [scored("salary-senior-level", BELOW_BAR + 2, "salary"), scored("salary-by-level", BELOW_BAR, "salary")]
    assert engine._decide(parse("x", engine.index, grammar=False), found, "channel").kind == "ignore"


def test_a_not_covered_card_is_never_volunteered_in_a_channel(engine: Engine) -> None:
    assert engine.answer("how much do pharmacists get paid?", "channel").kind == "ignore"
    assert engine.answer("how much do pharmacists get paid?", "dm").kind == "fallback"


def test_a_pay_question_naming_a_level_is_answered_with_that_levels_pay(engine: Engine) -> None:
    reply = engine.answer("Why do salaries differ so much for senior AI engineers? What does each article say?", "dm")
    assert reply.kind == "answer" and reply.card is not None
    text = str(render(reply.card).payload())
    assert "$236,875" in text and "$189,375" not in text  # senior's median, not mid-level's


def test_a_close_rival_of_another_family_keeps_it_a_real_choice(engine: Engine) -> None:
    found = [
        scored("salary-senior-level", BELOW_BAR + 2, "salary"),
        scored("salary-by-level", BELOW_BAR + 1, "salary"),
        scored("career-ladder", BELOW_BAR, "level"),
    ]
    assert decide(engine, found).kind == "choices"


def test_above_the_bar_a_near_rival_is_offered_under_the_answer_not_asked_about(engine: Engine) -> None:
    found = [
        scored("llm", ANSWER_THRESHOLD + 10, "skills"),
        scored("market-demand", ANSWER_THRESHOLD + 9, "market"),
        scored("mlops", ANSWER_THRESHOLD - 20, "skills"),
    ]
    reply = decide(engine, found)
    assert (reply.kind, reply.topic_id) == ("answer", "llm") and reply.card is not None
    also = [b for b in reply.card.buttons if b.label.startswith("Also: ")]
    assert [b.value for b in also] == ["t:market-demand"]  # the near rival; not the far one


def test_a_near_rival_in_a_channel_still_keeps_the_bot_quiet(engine: Engine) -> None:
    found = [scored("llm", CHANNEL_THRESHOLD + 10, "skills"), scored("market-demand", CHANNEL_THRESHOLD + 9, "market")]
    assert decide(engine, found, "channel").kind == "ignore"


def test_explain_names_the_rule_that_decided(engine: Engine) -> None:
    above = [scored("llm", ANSWER_THRESHOLD + 10, "skills"), scored("market-demand", ANSWER_THRESHOLD + 9, "market")]
    assert "rivals within the margin" in (decide(engine, above).why or "")
    kin = [scored("salary-senior-level", BELOW_BAR + 2, "salary"), scored("salary-by-level", BELOW_BAR, "salary")]
    assert "one family" in (decide(engine, kin).why or "")
    assert "real choice" in (decide(engine, [scored("llm", BELOW_BAR, "skills")]).why or "")
