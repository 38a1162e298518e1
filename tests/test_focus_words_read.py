"""Which of the question's words a focused card reads: a role other than the one the entry is about
is asked about, an idiom's words are not read one by one, and "methods" finds "approaches"."""

from __future__ import annotations

import dataclasses

from bot import refs
from bot.answering import Engine
from bot.cards import focus, open_card
from bot.content import Library
from bot.focusing import _read_for, focus_ref
from bot.parsing import parse
from bot.rendering import text_lines


def _shown(library: Library, engine: Engine, topic_id: str, question: str) -> str:
    """The focused card of `topic_id` for `question`, as text, whichever entry the question would pick."""
    query = parse(question, engine.index, grammar=False)
    return "\n".join(text_lines(open_card(library, focus_ref(library, engine.matcher, refs.topic(topic_id), query))))


def test_another_role_named_on_an_entry_about_ai_engineers_is_what_is_asked(engine: Engine, library: Library) -> None:
    """The growth of AI engineer pay: a question about ML engineers' raises shows their figure."""
    for question in ("are ML engineers getting bigger raises than other roles?", "is ML engineer pay climbing faster?"):
        assert "6%" in _shown(library, engine, "salary-growth", question), question


def test_the_bot_subject_role_or_one_the_title_names_still_only_says_who(engine: Engine, library: Library) -> None:
    """Naming AI engineers on an entry about AI engineers, or a role its title names, adds nothing to
    what is asked."""
    growth = _shown(library, engine, "salary-growth", "are salaries growing?")
    assert _shown(library, engine, "salary-growth", "are AI engineer salaries growing?") == growth
    related = _shown(library, engine, "salary-vs-related-roles", "how much do they earn?")
    assert _shown(library, engine, "salary-vs-related-roles", "how much do data scientists earn?") == related


def test_a_role_the_asker_comes_from_or_walks_a_roadmap_as_says_who(engine: Engine, library: Library) -> None:
    """ "Switching from ML engineer", or a role named on a roadmap, is whom the answer is for."""
    plain = _shown(library, engine, "transition-timeline", "is switching to AI engineering hard?")
    assert (
        _shown(library, engine, "transition-timeline", "is switching from ML engineer to AI engineering hard?") == plain
    )
    query = parse("how do i go from backend developer to ai engineer", engine.index, grammar=False)
    walked = focus_ref(library, engine.matcher, refs.roadmap("swe-to-ai-engineer"), query)
    assert walked == refs.roadmap("swe-to-ai-engineer"), "the roadmap as it leads"


def test_an_idiom_is_not_read_word_by_word(engine: Engine, library: Library) -> None:
    """ "Rule of thumb" asks for a rough figure, not about rules (the legal word family): the ROI card
    leads with its own answer, the hours of work saved, rather than with a regulated-industry premium."""
    shown = []
    for idioms in ((), library.idioms):
        edited = dataclasses.replace(library, idioms=idioms)
        card = _shown(
            edited, Engine(edited), "hiring-roi", "is there a rule of thumb for when an AI engineer pays off?"
        )
        shown.append(next(line for line in card.split("\n") if line.startswith("  •")))
    assert "regulated-industry" in shown[0] and "30 hours" in shown[1]


def test_methods_and_techniques_find_the_facts_about_approaches(engine: Engine, library: Library) -> None:
    for question in ("which methods adapt an LLM cheaply?", "what techniques should i know for fine-tuning a model?"):
        assert "LoRA" in _shown(library, engine, "llm", question), question


def test_a_job_word_does_not_stand_for_open_source(engine: Engine, library: Library) -> None:
    """Job openings and open-source models share only a stem: "job" must not pick the fact on open-source APIs."""
    card = _shown(library, engine, "llm", "which fine-tuning approaches do job ads ask for?")
    assert "LoRA" in card and "open-source" not in card


def test_a_short_form_whose_long_form_a_fact_writes_finds_no_kin(engine: Engine, library: Library) -> None:
    """ "swe" asked, "software engineer" written: the facts say it, so it does not also stand for the
    words it shares an alias with ("start as swe first" would make it read "start")."""
    openings = library.entries["market-entry-level-openings"].topic
    read = _read_for(openings, engine.matcher, {"swe": 1.0}, library.word_families, library.short_forms)
    assert set(read["swe"]) == {"swe"}


def test_forms_of_one_word_the_stemmer_keeps_apart_find_each_other(engine: Engine, library: Library) -> None:
    """ "Growth" asked, "growing" written: the fact on demand growing shows, not the role's leading ones."""
    assert "growing rapidly" in _shown(
        library, engine, "ai-agent-architect", "what is the growth outlook for this job?"
    )


def test_education_asked_finds_the_facts_on_degrees_and_credentials(engine: Engine, library: Library) -> None:
    card = _shown(library, engine, "compare-ai-engineer-ml-engineer", "how does their education differ?")
    assert "graduate degrees often preferred" in card


def test_what_makes_up_a_skill_is_not_read_as_making(engine: Engine, library: Library) -> None:
    """ "Make up" is "consist of": read word by word its "make" picked the fact on decision-making alone."""
    assert "truthfulness" in _shown(library, engine, "llm", "what makes up llm evaluation skills?")


def test_a_phrase_is_said_only_by_its_words_as_written_not_by_longer_words_they_start() -> None:
    """ "PM" reads as "product manager": a fact on how MLOps manages systems in production says neither."""
    assert not focus.uses_phrase(
        focus.wording_of_text("MLOps manages the lifecycle of ML systems in production"), "product manager"
    )
    assert focus.uses_phrase(focus.wording_of_text("AI product managers earn a median $162,000"), "product manager")
    assert focus.uses_phrase(focus.wording_of_text("Companies hire"), "compan"), "a word alone may start a longer one"
