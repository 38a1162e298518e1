"""A background named in a question's opening words ("frontend dev (vue), what carries over?") is who
the person is, as it is in a sentence of its own: the path out of it fits. Not when the question
weighs it against the role ("web developer vs AI engineer")."""

from __future__ import annotations

from bot.answering import Engine


def test_a_background_opening_the_question_gets_its_path(engine: Engine) -> None:
    reply = engine.answer("mobile developer (swift, kotlin), which of my skills help in ai engineering?", "dm")
    assert (reply.kind, reply.topic_id) == ("answer", "r:swe-to-ai-engineer")


def test_a_background_weighed_against_the_role_is_no_path(engine: Engine) -> None:
    reply = engine.answer("web developer vs ai engineer: how do they differ?", "dm")
    assert reply.topic_id != "r:swe-to-ai-engineer"


def test_fullstack_and_backend_developers_typed_short_get_the_software_engineers_path(engine: Engine) -> None:
    for text in (
        "fullstack dev, 5 yrs exp. how long would it take me to switch into ai engineering?",
        "backend dev here, how do i get into ai engineering?",
    ):
        reply = engine.answer(text, "dm")
        assert (reply.kind, reply.topic_id) == ("answer", "r:swe-to-ai-engineer"), text
