"""Focused cards read the question as the matcher does: kin words, pay words, title words, length;
comparisons of three roles and of two levels, and menus, are focused too."""

from __future__ import annotations

import dataclasses
import itertools
import shutil
import statistics
from pathlib import Path

import pytest
from conftest import CONTENT

from bot import refs
from bot.answering import Engine
from bot.cards import focus, open_card, open_ref_text
from bot.content import Library, load_library
from bot.errors import StaleButton
from bot.focusing import _either_spelling, _kin, _read_for, _spelled_out, _title_terms, focus_ref, kin_families
from bot.kinds import Via
from bot.parsing import parse
from bot.refs import parse_ref
from bot.rendering import render, text_lines, visible_text

SHORT_ANSWER = 1200  # the p90 answers aim under
HARD_LIMIT = 2000  # no answer over this


def test_comp_is_not_the_start_of_company_but_statistic_is_the_start_of_statistical() -> None:
    assert not focus.same_word("comp", "company")
    assert focus.same_word("statistic", "statistical")


def test_a_texts_wording_uses_a_word_exactly_when_one_of_its_terms_is_the_same_word(library: Library) -> None:
    """Wording.uses (set lookups) answers as same_word against each term would, for every word of
    the content and its starts and lengthenings, against every fact of a few entries."""
    texts = [item.text for e in list(library.entries.values())[:12] for item in focus.items_of(e.topic)]
    vocabulary = sorted({t for text in texts for t in focus.wording_of_text(text).terms})
    asked = {w for t in vocabulary for w in (t, t[:-1], t[:5], t[:4], t + "al", t + "ic")}
    for text in texts:
        wording = focus.wording_of_text(text)
        for word in asked:
            assert wording.uses(word) == any(focus.same_word(word, t) for t in wording.terms), (word, text)
    assert focus.wording(["statistic"]).uses("statistical") and focus.wording(["company"]).uses("compan")
    assert not focus.wording(["company"]).uses("comp") and not focus.wording(["math"]).uses("mathematical")


def test_several_texts_wording_uses_what_any_of_them_uses() -> None:
    together = focus.joined([focus.wording(["statistical"]), focus.wording(["python"])])
    assert together.uses("statistic") and together.uses("python") and not together.uses("rust")


def test_a_word_no_fact_uses_stands_for_its_pay_words_family_and_the_entry_aliases(library: Library) -> None:
    sectors = library.entries["market-sectors"].topic
    assert "pay" in _kin(sectors, "comp", kin_families(library)), "comp is a pay word"
    assert "framework" in _kin(sectors, "tool", library.word_families), "tools and frameworks are one family"
    vision = library.roles["computer-vision-specialist"]
    kin = _kin(vision, "tool", library.word_families)
    assert "vision" in kin, "words sharing the entry's own question 'what tools do...'"


def test_a_word_family_added_in_content_steers_which_facts_a_card_shows(tmp_path: Path) -> None:
    """The families live in content/vocabulary.yaml: one added there is what the focus reads."""
    folder = tmp_path / "content"
    shutil.copytree(CONTENT, folder)
    vocabulary = folder / "vocabulary.yaml"
    families = vocabulary.read_text(encoding="utf-8").replace(
        "word_families:\n", "word_families:\n  - [zorbly, defense]\n"
    )
    vocabulary.write_text(families, encoding="utf-8")
    shown = []
    for library in (load_library(CONTENT), load_library(folder)):
        engine = Engine(library)
        query = parse("which sector hires for zorbly work", engine.index, grammar=False)
        card = open_card(library, focus_ref(library, engine.matcher, refs.topic("market-sectors"), query))
        shown.append(any("Government/Defense" in line for line in text_lines(card)))
    assert shown == [False, True], "zorbly stands for defense only through the family added in content"


def test_a_short_form_reads_as_its_long_form_and_the_long_form_as_the_short() -> None:
    short_forms = {"vp": ("vice", "president")}
    assert _spelled_out({"vp": 1.0, "engineer": 0.5}, short_forms) == {
        "vp": 1.0,
        "engineer": 0.5,
        "vice president": 1.0,  # one phrase: a fact must say both words
    }
    assert _spelled_out({"vice": 1.0, "president": 0.5}, short_forms)["vp"] == 0.5, "both words of the long form"
    assert "vp" not in _spelled_out({"vice": 1.0}, short_forms), "one word of it is not the long form"


def test_a_short_form_from_content_finds_the_fact_that_spells_it_out(library: Library) -> None:
    """ "VP" is written out as "Vice President" beside the figure: without the content's short form the
    card shows only the fact that happens to say "VP"."""
    shown = []
    for short_forms in ({}, library.short_forms):
        edited = dataclasses.replace(library, short_forms=short_forms)
        reply = Engine(edited).answer("how much does a vp of engineering make", "dm")
        assert reply.card is not None
        shown.append("$395,396" in "\n".join(text_lines(reply.card)))
    assert shown == [False, True]


def test_kin_is_read_only_for_words_no_fact_uses(engine: Engine, library: Library) -> None:
    sectors = library.entries["market-sectors"].topic
    read = _read_for(sectors, engine.matcher, {"comp": 1.0, "automotive": 1.0}, kin_families(library))
    assert "pay" in read["comp"], "no fact says comp: its pay words stand in"
    assert set(read["automotive"]) == {"automotive"}, "facts say automotive: it stands for itself"


def test_the_entry_title_words_count_little(engine: Engine, library: Library) -> None:
    regulation = library.entries["challenge-regulation"].topic
    read = _read_for(regulation, engine.matcher, {"act": 1.0, "market": 1.0}, library.word_families)
    assert read["act"]["act"] < read["market"]["market"] / 2


def test_a_short_form_in_the_title_makes_its_long_form_a_title_word_too(library: Library) -> None:
    llm = library.entries["llm"].topic  # "LLM skills: prompting, RAG, ..."
    title = _title_terms(llm, library.short_forms)
    assert {"retrieval augment generation", "larg languag model"} <= title
    vice_president = llm.model_copy(update={"title": "Vice President of Engineering"})
    assert "vp" in _title_terms(vice_president, library.short_forms), "the long form in the title: the short too"


def test_a_short_form_and_its_long_form_asked_are_one_word_read_either_way(engine: Engine, library: Library) -> None:
    read = {"rag": {"rag": 1.0}, "retrieval augment generation": {"retrieval augment generation": 2.0}, "why": {}}
    assert _either_spelling(read, {"rag": ("retrieval", "augment", "generation")}) == {
        "rag": {"rag": 1.0, "retrieval augment generation": 2.0},
        "why": {},
    }
    llm = library.entries["llm"].topic
    asked = _spelled_out({"rag": 1.0}, library.short_forms)
    assert set(_read_for(llm, engine.matcher, asked, library.word_families, library.short_forms)) == {"rag"}


def test_a_fact_that_opens_with_the_asked_word_comes_before_one_that_lists_it_in_passing() -> None:
    listing = "Skills include prompting, fine-tuning, evaluation, RAG and agents."
    about = "RAG grounds model outputs in documents, reducing hallucinations where models invent facts."
    assert focus.asked_about([listing, about], {"rag": {"rag": 1.0}})[0] == 1


def test_opening_with_the_asked_word_orders_the_facts_asked_about_but_does_not_push_others_out() -> None:
    """The facts asked about are chosen on what they say; opening with a word only puts a fact first."""
    texts = ["Comp at the top: $500,000.", "Beyond AI, quant engineers reach this tier of pay too."]
    asked = {"comp": {"comp": 3.0}, "besides": {"besides": 2.0, "beyond": 1.6}}
    assert sorted(focus.asked_about(texts, asked)) == [0, 1]


def test_each_part_of_a_question_gets_the_fact_that_answers_it(engine: Engine) -> None:
    """Most of the question's words point to the facts on programs for career changers; "how long"
    points to the one with the duration: both show."""
    reply = engine.answer("are there certificate programs for career changers? how long do they take?", "dm")
    assert reply.topic_id == "learning-certifications" and reply.card is not None
    text = "\n".join(text_lines(reply.card))
    assert "career changers" in text and "six months" in text


def test_rag_asked_about_shows_the_fact_on_what_rag_does(engine: Engine) -> None:
    """The LLM entry lists RAG among its skills in several facts and spells it out in another: asked
    why RAG is used, the card shows the fact about what RAG does."""
    reply = engine.answer("why do teams use RAG?", "dm")
    assert reply.topic_id == "llm" and reply.card is not None
    assert "reducing hallucinations" in "\n".join(text_lines(reply.card))


def test_an_asked_word_counts_once_per_fact_however_many_of_its_kin_the_fact_uses() -> None:
    texts = ["salary pay earnings compensation", "startup salary"]
    asked = {"comp": {"salary": 1.0, "pay": 1.0, "earning": 1.0, "compensation": 1.0}, "startup": {"startup": 1.0}}
    assert focus.asked_about(texts, asked)[0] == 1, "the fact using two asked words leads"


def test_a_long_fact_does_not_win_by_its_length_alone() -> None:
    short = "Retail uses recommendation engines."
    long = "Retail, " + ", ".join(f"sector{i} of many kinds" for i in range(30)) + "."
    assert focus.asked_about([long, short], {"retail": {"retail": 1.0}})[0] == 1


def test_three_named_roles_are_all_side_by_side_and_reopen_from_their_ref(engine: Engine, library: Library) -> None:
    reply = engine.answer("data scientist vs ml engineer vs mlops engineer", "slash")
    assert reply.card is not None and reply.card.ref is not None
    ref = parse_ref(reply.card.ref)
    names = {p for p in ref.parts if not refs.is_picks(p)}
    assert ref.kind == "cmp" and names == {"data-scientist", "ml-engineer", "mlops-engineer"}
    headings = {s.heading for s in reply.card.sections}
    assert {library.roles[n].title for n in names} <= headings
    assert open_ref_text(library, reply.card.ref) == reply.card
    assert len(visible_text(render(reply.card).payload())) <= HARD_LIMIT


@pytest.mark.parametrize(
    ("text", "via"),
    [
        ("compare ai engineer ml engineer data scientist", "slash"),
        ("what does each deliver: ai engineer vs data scientist vs ml engineer?", "dm"),
    ],
)
def test_three_roles_an_entry_compares_get_that_entry_not_the_role_cards(
    engine: Engine, library: Library, text: str, via: Via
) -> None:
    reply = engine.answer(text, via)
    assert reply.card is not None and reply.card.ref is not None
    assert parse_ref(reply.card.ref).parts[0] == "ai-roles-compared", "the articles' own three-way table answers"
    assert "don't compare these roles directly" not in "\n".join(text_lines(reply.card))


def test_the_entry_comparing_roles_is_the_one_whose_card_covers_them_all(library: Library) -> None:
    # ai-roles-compared links the three pair comparisons of AI engineer, ML engineer and data scientist;
    # a pair comparison that only links a third role covers it, but does not compare it
    assert library.comparing(["data-scientist", "ai-engineer", "ml-engineer"]) == "ai-roles-compared"
    assert library.comparing(["ai-engineer", "ml-engineer", "mlops-engineer"]) is None
    assert library.comparing(["ml-engineer", "ai-engineer"]) == "compare-ai-engineer-ml-engineer"
    assert library.comparing(["ml-engineer", "mlops-engineer"]) is None, "no curated pair: the role cards"


@pytest.mark.parametrize("text", ["cmp:a,b,c", "cmp:a,b,c:0.4"])
def test_a_comparison_of_three_reads_back_as_written(text: str) -> None:
    assert str(parse_ref(text)) == text


@pytest.mark.parametrize("text", ["cmp:a", "cmp:a,b,c,d", "cmp:a,,b", "cmp:a,1"])
def test_a_comparison_names_two_or_three(text: str) -> None:
    with pytest.raises(ValueError):
        parse_ref(text)


def test_every_two_levels_compared_fit_and_show_each_level_years(library: Library) -> None:
    lengths = []
    for left, right in itertools.combinations(library.levels, 2):
        card = open_card(library, refs.compared((left, right)))
        lengths.append(len(visible_text(render(card).payload())))
        assert lengths[-1] <= HARD_LIMIT, (left, right)
        for level_id in (left, right):
            level = library.levels[level_id]
            section = next(s for s in card.sections if s.heading == level.title)
            assert section.fields, f"{level_id}: its years lead"
    assert statistics.median(lengths) <= SHORT_ANSWER


def test_a_question_about_levels_focuses_their_comparison(engine: Engine, library: Library) -> None:
    plain = open_card(library, refs.compared(("entry", "mid")))
    reply = engine.answer("junior vs mid years", "slash")
    assert reply.card is not None and reply.card.ref is not None and reply.card.ref.startswith("cmp:entry,mid:")
    assert reply.card != plain
    assert open_ref_text(library, reply.card.ref) == reply.card


def test_a_menu_shows_whole_the_entries_a_question_points_to(library: Library) -> None:
    roadmaps = list(library.roadmaps.values())
    longest = max(range(len(roadmaps)), key=lambda i: len(roadmaps[i].summary))
    glossed = "\n".join(text_lines(open_card(library, refs.menu("roadmaps"))))
    whole = "\n".join(text_lines(open_card(library, refs.menu("roadmaps", str(longest)))))
    assert roadmaps[longest].summary not in glossed
    assert roadmaps[longest].summary in whole
    other = roadmaps[longest - 1].summary
    assert other not in whole, "the others stay one-line glosses"


@pytest.mark.parametrize("text", ["c:roadmaps:99", "c:roadmaps:x"])
def test_a_menu_view_that_names_no_entry_is_a_stale_button(library: Library, text: str) -> None:
    with pytest.raises(StaleButton):
        open_ref_text(library, text)
