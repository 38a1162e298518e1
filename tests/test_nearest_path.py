"""Someone no article gives a path to (a data analyst, an SRE) gets the nearest path, which says first
that it is the nearest and not theirs; a ref carries that, so the card stays a function of its ref."""

from __future__ import annotations

import pytest

from bot import refs
from bot.answering import Engine
from bot.cards import open_ref_text
from bot.content import Library
from bot.errors import StaleButton
from bot.rendering import text_lines


def _answer(engine: Engine, question: str) -> tuple[str, str, str]:
    reply = engine.answer(question, "dm")
    assert reply.card is not None and reply.kind == "answer"
    return reply.topic_id or "", reply.card.ref or "", "\n".join(text_lines(reply.card))


def test_a_background_without_a_path_gets_the_nearest_labelled_as_such(engine: Engine) -> None:
    topic, ref, text = _answer(
        engine, "business analyst here, mostly excel and sql. how could i get into ai engineering?"
    )
    assert topic == "r:ds-to-ai-engineer"
    assert "No article gives a path for data analysts; the closest is this one, Data scientist to AI engineer." in text
    assert ref.endswith(":for-data-analysts")


def test_ops_people_get_the_software_engineers_path_labelled(engine: Engine) -> None:
    topic, _, text = _answer(engine, "site reliability engineer for 5 years, how do i switch into ai engineering?")
    assert topic == "r:swe-to-ai-engineer"
    assert "No article gives a path for SREs and DevOps engineers" in text


def test_a_background_that_has_its_own_path_is_not_labelled(engine: Engine) -> None:
    _, ref, text = _answer(engine, "data scientist here, used to be a data analyst. how do i move into ai engineering?")
    assert "No article gives a path" not in text
    assert "for-" not in ref


def test_the_labelled_card_opens_from_its_ref_and_a_stale_one_is_refused(library: Library) -> None:
    ref = refs.nearest_for(refs.roadmap("ds-to-ai-engineer"), "data-analysts")
    card = open_ref_text(library, str(ref))
    assert card.ref == str(ref)
    assert (card.summary or "").startswith("No article gives a path for data analysts")
    with pytest.raises(StaleButton):
        open_ref_text(library, "t:ds-to-ai-engineer:for-astronauts")


def test_ops_people_asking_about_mlops_get_the_labelled_path_with_the_bridge(engine: Engine) -> None:
    topic, ref, text = _answer(engine, "platform engineer here. is mlops the obvious path for me into ai eng?")
    assert topic == "r:swe-to-ai-engineer" and ref.endswith(":for-ops-engineers")
    assert "No article gives a path for SREs and DevOps engineers" in text
    assert "bridge between traditional DevOps and data science" in text


def test_ops_people_asking_for_a_step_get_that_step(engine: Engine) -> None:
    reply = engine.answer("SRE here, what's in the mlops step?", "dm")
    assert reply.card is not None and reply.card.ref == "r:swe-to-ai-engineer:2"


def test_mobile_developers_get_the_software_path_with_what_carries_over(engine: Engine) -> None:
    topic, ref, text = _answer(
        engine, "android dev for 6 yrs, pivoting into ai eng. does any on-device work carry over?"
    )
    assert topic == "r:swe-to-ai-engineer" and "for-" not in ref
    assert "edge AI, more AI running on devices (phones, IoT)" in text


def test_a_background_said_with_im_is_who_asks(engine: Engine) -> None:
    topic, _, _ = _answer(engine, "honestly i'm a statistician and wondering what it takes to switch to ai engineering")
    assert topic == "r:ds-to-ai-engineer"


def test_the_nearest_path_leads_with_what_it_says_to_them(engine: Engine) -> None:
    _, ref, text = _answer(engine, "product analyst for 3 years, where would I even start with ai engineering?")
    assert ref.endswith(":for-data-analysts")
    assert "Pensero names data analysts among the related roles" in text and "learn Python" in text


def test_designers_get_the_learning_order_labelled_as_the_nearest(engine: Engine) -> None:
    topic, ref, text = _answer(
        engine, "ux designer here, no coding background. could I realistically become an AI engineer?"
    )
    assert topic == "r:skill-building-sequence" and ref.endswith(":for-designers")
    assert (
        "No article gives a path for designers; the closest is this one, The order to learn AI engineering skills."
        in text
    )
    assert "Python" in text


def test_naming_designers_as_colleagues_is_no_path(engine: Engine) -> None:
    reply = engine.answer("how do AI engineers work with designers?", "dm")
    assert reply.topic_id != "r:skill-building-sequence"


def test_qa_engineers_hear_how_testing_ai_differs(engine: Engine) -> None:
    topic, ref, text = _answer(engine, "test automation engineer here, what should I learn to become an AI engineer?")
    assert topic == "r:swe-to-ai-engineer" and ref.endswith(":for-qa-engineers")
    assert "testing AI systems requires novel approaches beyond traditional software testing" in text


def test_cloud_engineers_are_ops_people(engine: Engine) -> None:
    _, ref, _ = _answer(engine, "cloud engineer here, aws certified. how do I pivot to AI engineering?")
    assert ref.endswith(":for-ops-engineers")


def test_a_path_asked_about_is_not_who_asks(engine: Engine) -> None:
    _, ref, text = _answer(engine, "I'm a data analyst, is the data scientist roadmap right for me?")
    assert ref.endswith(":for-data-analysts")
    assert "No article gives a path for data analysts" in text
