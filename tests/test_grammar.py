"""The /aieng grammar: topic words, abbreviations, typos, spacing and case, as a table."""

from __future__ import annotations

import pytest

from bot.answering import Engine

SLASH_CASES = [
    # (text after /aieng, expected kind, expected topic_id)
    ("", "help", "help"),
    ("   ", "help", "help"),
    (" HELP ", "help", "help"),
    ("salary senior", "answer", "s:level=senior"),
    ("salery senoir", "answer", "s:level=senior"),
    ("SALARY   Senior", "answer", "s:level=senior"),
    ("sal sr sf", "answer", "s:level=senior,location=san-francisco"),
    ("salary senior germany", "answer", "s:level=senior,location=germany"),
    ("pay uk", "answer", "s:location=uk"),
    ("salary computer vision", "answer", "s:specialization=computer-vision"),
    ("salary faang", "answer", "s:company_type=big-tech"),
    ("salary", "answer", "s:"),
    ("role mle", "answer", "ml-engineer"),
    ("role data sci", "answer", "data-scientist"),
    ("roel prompt engineer", "answer", "prompt-engineer"),
    ("role", "answer", "c:roles"),
    ("compare ai ml", "answer", "compare-ai-engineer-ml-engineer"),
    ("compare ai eng vs. data sci", "answer", "compare-ai-engineer-data-scientist"),
    ("compare swe", "answer", "compare-ai-engineer-software-engineer"),
    ("compare", "answer", "c:compare"),
    ("skills", "answer", "skills-overview"),
    ("skills vector db", "answer", "vector-databases"),
    ("skills data scientist", "answer", "rs:data-scientist"),
    ("roadmap ds", "answer", "r:ds-to-ai-engineer"),
    ("ROADMAP    SWE", "answer", "r:swe-to-ai-engineer"),
    ("rodmap 30 day plan", "answer", "r:thirty-day-plan"),
    ("roadmap", "answer", "c:roadmaps"),
    ("hire", "answer", "hiring-overview"),
    ("   hire   ", "answer", "hiring-overview"),
    ("hire fractional", "answer", "fractional-engagement"),
    ("hire staff aug", "answer", "staff-augmentation"),
    ("levels", "answer", "career-ladder"),
    ("levels senior", "answer", "senior"),
    ("interview", "answer", "interview-process"),
    ("learn", "answer", "c:learn"),
    ("learn books", "answer", "learning-books"),
    ("market", "answer", "market-demand"),
]


@pytest.mark.parametrize(("text", "kind", "topic"), SLASH_CASES, ids=[c[0].strip() or "(empty)" for c in SLASH_CASES])
def test_slash_grammar(engine: Engine, text: str, kind: str, topic: str) -> None:
    reply = engine.answer(text, "slash")
    assert (reply.kind, reply.topic_id) == (kind, topic)


@pytest.mark.parametrize(
    "text",
    ["data scientist vs ai engineer", "ml engineer versus data scientist"],
    ids=["role-vs-role", "role-versus-role"],
)
def test_role_vs_role_without_a_topic_word_compares(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "slash")
    assert reply.kind == "answer"
    assert reply.topic_id is not None and reply.topic_id.startswith("compare-")


def test_unknown_topic_word_is_read_as_a_free_question(engine: Engine) -> None:
    reply = engine.answer("what does an mlops engineer do all day?", "slash")
    assert reply.kind == "answer"
    assert reply.topic_id == "mlops-engineer"


@pytest.mark.parametrize("via", ["mention", "dm"])
def test_short_dm_or_mention_starting_with_a_topic_word_is_a_command(engine: Engine, via: str) -> None:
    text = "<@U0BOT> salary senior" if via == "mention" else "salary senior"
    assert engine.answer(text, via).topic_id == "s:level=senior"
