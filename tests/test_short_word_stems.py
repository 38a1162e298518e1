"""The light stemmer drops a final "e" ("engine"/"engineering"), but not from a short word whose
three letters left would be another word: "care" is not "car", "hope" is not "hop". The word and its
forms still meet ("hiring" and "hire", "coding" and "code")."""

from __future__ import annotations

from bot.answering import Engine
from bot.rendering import text_lines
from bot.text import stem


def test_a_short_word_keeps_its_final_e() -> None:
    for kept, other in [("care", "car"), ("hope", "hop"), ("code", "cod"), ("rate", "rat")]:
        assert stem(kept) != stem(other), kept


def test_a_short_word_and_its_forms_still_meet() -> None:
    assert stem("hire") == stem("hires") == stem("hiring")
    assert stem("care") == stem("cares") == stem("caring")
    assert stem("code") == stem("coding")
    assert stem("scale") == stem("scaling") and stem("engine") == stem("engines")


def test_caring_about_something_brings_no_cars_into_the_answer(engine: Engine) -> None:
    reply = engine.answer("which sectors care about ai the most?", "dm")
    assert reply.kind == "answer" and reply.card is not None
    assert "autonomous vehicles" not in "\n".join(text_lines(reply.card)), "'care' read as 'car', kin of 'vehicle'"


def test_a_word_whose_ing_leaves_no_vowel_keeps_it() -> None:
    assert stem("spring") == stem("springs") == "spring" and stem("string") == "string"
    assert stem("trying") == stem("try") and stem("testing") == stem("test")
