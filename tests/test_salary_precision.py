"""Salary answers are precise and never mislabelled (issue 10): a figure appears only under its own
place, level and role; a place or a job the articles do not cover is told so plainly; drill-down
buttons keep what the person already chose; `/aieng salary` lists every level."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answering import Engine
from bot.cards import Card
from bot.cards.menus import help_card
from bot.cards.topic import restates
from bot.models import Figure, Point
from bot.parsing import parse
from bot.rendering import render, text_lines


def values(card: Card | None) -> list[str]:
    assert card is not None
    return [f.value for s in card.sections for f in s.fields]


def button(card: Card | None, label: str) -> str:
    assert card is not None
    found = [b.value for b in card.buttons if b.label == label]
    assert found, f"no {label!r} button among {[b.label for b in card.buttons]}"
    return found[0]


def visible(card: Card | None) -> str:
    assert card is not None
    return str(render(card).payload())


def test_staff_in_london_never_shows_us_dollars_as_uk_pay(engine: Engine) -> None:
    card = engine.answer("salary staff london", "slash").card
    shown = values(card)
    assert card is not None and card.summary.startswith("The articles give no staff figure for the United Kingdom")
    assert shown and all("£" in v for v in shown)  # the nearest UK levels, in pounds
    assert "£90K-£130K" in shown and "£130K-£180K" in shown  # senior and principal, the levels either side


def test_mid_level_clicked_from_senior_uk_stays_in_the_uk(engine: Engine) -> None:
    senior_uk = engine.answer("salary senior uk", "slash").card
    assert values(senior_uk) == ["£90K-£130K"]
    mid = engine.click("open", button(senior_uk, "Mid-level")).card
    assert mid is not None and "United Kingdom" in mid.title
    assert "no mid-level figure for the United Kingdom" in mid.summary
    assert not any("$" in v for v in values(mid))


@pytest.mark.parametrize(
    ("text", "country"), [("salary senior sydney", "Australia"), ("salary mid sao paulo", "Brazil")]
)
def test_a_place_no_article_covers_is_told_so_and_us_figures_are_labelled(
    engine: Engine, text: str, country: str
) -> None:
    card = engine.answer(text, "slash").card
    assert card is not None and card.summary.startswith(f"The articles give no figure for {country}")
    with_figures = [s for s in card.sections if s.fields]
    assert with_figures and all(s.heading == "US figures, for comparison" for s in with_figures)


@pytest.mark.parametrize(
    ("text", "country", "level"),
    [
        ("salary senior paris", "France", "level=senior,"),
        ("what do senior AI engineers earn in the Netherlands?", "the Netherlands", "level=senior,"),
        ("ai eng pay in dublin", "Ireland", ""),
    ],
)
def test_a_european_place_no_article_covers_is_offered_the_uk_and_germany_not_us_figures(
    engine: Engine, text: str, country: str, level: str
) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.summary.startswith(f"The articles give no figure for {country}.")
    assert "the United Kingdom and Germany" in card.summary
    assert values(card) == []  # neither US dollars nor another country's euros under this country's title
    near = [b for b in card.buttons if b.label.endswith(("the United Kingdom", "Germany"))]
    assert [b.value for b in near] == [f"s:{level}location=uk", f"s:{level}location=germany"]


def test_a_free_question_about_an_uncovered_country_says_so(engine: Engine) -> None:
    reply = engine.answer("what do mid-level AI engineers earn in Brazil?", "dm")
    assert reply.kind == "answer" and reply.card is not None
    assert "no figure for Brazil" in reply.card.summary


def test_software_engineer_pay_in_london_is_not_shown_ai_engineer_figures(engine: Engine) -> None:
    reply = engine.answer("software engineer salary in london", "dm")
    assert reply.kind != "answer" and reply.card is not None
    assert "no pay figure for the Software Engineer role" in reply.card.summary
    assert values(reply.card) == []


@pytest.mark.parametrize(
    "text",
    [
        "salary pharmacist",
        "whats a normal salary for a frontend developer in denver",
        "What does the CEO of a mid-sized bank typically get paid?",
        "how much do welders make in ohio",
        "how much do data engineers make",
    ],
)
def test_another_jobs_pay_never_gets_a_confident_answer(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "slash" if text.startswith("salary") else "dm")
    assert reply.kind != "answer"
    assert not any("$" in v for v in values(reply.card) if reply.card and reply.card.sections)


@pytest.mark.parametrize(
    "text",
    ["how much is a coffee in london", "how much does the flat cost in berlin", "what's the price of a car in sf"],
)
def test_the_price_of_a_thing_in_a_place_is_not_pay(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert not (reply.topic_id or "").startswith("s:")
    assert not any(v[:1] in "$£€" for v in values(reply.card) if reply.card and reply.card.sections)


@pytest.mark.parametrize(
    "text", ["what's the salary cap in the nfl this season?", "median rent in berlin for a studio flat"]
)
def test_pay_words_about_things_the_content_never_mentions_are_not_ai_pay(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind != "answer"


def test_a_pay_question_naming_nobody_is_about_ai_engineers(engine: Engine) -> None:
    reply = engine.answer("what's the pay like in seattle these days?", "dm")
    assert reply.kind == "answer" and (reply.topic_id or "").startswith("s:")


@pytest.mark.parametrize("text", ["how much does a senior make in london", "how much can a fresher earn in blr"])
def test_a_person_earning_in_a_place_is_still_pay(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer" and (reply.topic_id or "").startswith("s:")


def test_a_role_without_pay_figures_beside_ai_engineers_does_not_take_the_pay_question(engine: Engine) -> None:
    reply = engine.answer("hr here, checking an offer: what is senior ai engineer base pay in london?", "dm")
    assert reply.kind == "answer" and reply.topic_id == "s:level=senior,location=uk,measure=base"


def test_another_job_named_beside_ai_engineers_is_still_an_ai_pay_question(engine: Engine) -> None:
    reply = engine.answer("how do I justify a senior AI engineer's salary to our CFO?", "dm")
    assert reply.kind == "answer"


def assert_every_level(card: Card | None) -> None:
    assert card is not None
    headings = {s.heading for s in card.sections if s.fields}
    assert {"Entry-level / junior AI engineer", "Mid-level AI engineer", "Senior AI engineer"} <= headings
    assert "Staff AI engineer" in headings
    assert "No article gives a figure" not in card.summary


def test_the_salary_front_door_lists_every_level(engine: Engine) -> None:
    assert_every_level(engine.answer("salary", "slash").card)
    assert_every_level(engine.answer("salary", "dm").card)
    assert_every_level(engine.click("open", button(help_card(engine.library), "Salary")).card)


@pytest.mark.parametrize("text", ["whats the avg salary", "how much can i make", "what's the pay like"])
def test_plain_pay_phrasings_are_pay_questions(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer" and reply.topic_id is not None
    assert reply.topic_id.startswith(("s:", "salary-"))


@pytest.mark.parametrize(
    ("text", "location"),
    [
        ("senior ai engineer pay in hamburg", "germany"),
        ("ai eng salary vancouver", "canada"),
        ("ai engineer ctc in blr", "india"),
        ("ai engineer salary in dallas", "us-other"),
        ("ai engineer salary in bristol", "uk"),
    ],
)
def test_cities_are_read_as_their_country_or_region(engine: Engine, text: str, location: str) -> None:
    assert parse(text, engine.index, grammar=False).entities.ids("location") == [location]


@pytest.mark.parametrize("text", ["what's the package for a junior ai engineer", "senior ai eng TC?"])
def test_pay_vocabulary_from_content_makes_a_pay_question(engine: Engine, text: str) -> None:
    reply = engine.answer(text, "dm")
    assert reply.kind == "answer" and reply.topic_id is not None and reply.topic_id.startswith("s:level=")


def test_level_buttons_on_a_role_card_keep_the_role_or_are_not_offered(engine: Engine) -> None:
    card = engine.answer("salary ml engineer", "slash").card
    assert card is not None
    opened = [b.value for b in card.buttons if b.value.startswith("s:level=")]
    assert all("role=ml-engineer" in v for v in opened)


def test_senior_card_drill_downs_keep_the_level(engine: Engine) -> None:
    card = engine.answer("salary senior", "slash").card
    for label in ("By company type", "By specialization"):
        assert "level=senior" in button(card, label)
    by_company = engine.click("open", button(card, "By company type")).card
    assert "$350,000 - $500,000" in values(by_company)  # senior at top companies
    assert "$250,000 - $350,000" not in values(by_company)  # mid-level at top companies is not senior pay


def test_a_precise_pay_question_shows_only_that_level_and_place(engine: Engine) -> None:
    card = engine.answer("what's entry level pay for an ai engineer in nyc?", "dm").card
    shown = values(card)
    assert "$160K-$200K" in shown
    assert not {"$280K-$380K", "$400K-$600K", "$120K-$160K"} & set(shown)  # other levels, other places


def test_a_level_with_no_figure_in_a_country_shows_the_levels_either_side_there(engine: Engine) -> None:
    card = engine.answer("salary mid germany", "slash").card
    assert values(card) == ["€70K-€95K", "€95K-€130K"]
    assert "€130K-€170K" not in visible(card)


def test_salary_cards_stay_short(engine: Engine) -> None:
    for text in ("salary senior uk", "salary staff london", "salary senior sydney", "salary mid uk"):
        card = engine.answer(text, "slash").card
        assert card is not None
        assert sum(len(f.label) + len(f.value) for s in card.sections for f in s.fields) < 700, text


@pytest.mark.parametrize(("text", "levels"), [("10 yoe, what band am i", ["staff"]), ("3-4 yoe ai eng", ["mid"])])
def test_years_of_experience_place_a_question_at_a_level(engine: Engine, text: str, levels: list[str]) -> None:
    assert parse(text, engine.index, grammar=False).entities.ids("level") == levels


def test_a_level_named_by_title_wins_over_years(engine: Engine) -> None:
    assert parse("senior with 3 years of experience", engine.index, grammar=False).entities.ids("level") == ["senior"]


def test_two_things_compared_on_pay_each_show_their_own_figures(engine: Engine) -> None:
    reply = engine.answer("NLP engineer vs computer vision engineer: which one pays more?", "dm")
    assert reply.kind == "answer" and reply.card is not None
    headed = {s.heading: [f.value.split("\n")[0] for f in s.fields] for s in reply.card.sections}
    assert headed.get("NLP Specialist") == ["$155,623"] and headed.get("Computer vision") == ["+10-20%"]


@pytest.mark.parametrize(
    "text",
    ["which employers pay mid-level ai engineers best?", "what kind of company pays a mid level ai engineer most"],
)
def test_a_pay_question_about_which_companies_gets_the_level_by_company_type(engine: Engine, text: str) -> None:
    """Asking "which companies" names no company type but asks across them all: the table by company
    type for the level asked, so the card shows which kind of employer pays what."""
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    assert card.ref.startswith("s:level=mid,company_type="), card.ref
    assert "$250,000 - $350,000" in values(card), "Startupbricks' top-companies figure for mid-level"
    assert "Lower base, higher equity potential" in values(card), "what AI startups pay, beside big tech"


def test_a_question_about_ones_own_company_is_not_about_every_company_type(engine: Engine) -> None:
    card = engine.answer("my company pays me 150k as a mid-level ai engineer, is that low?", "dm").card
    assert card is not None and card.ref == "s:level=mid"


def test_pay_beyond_ai_engineering_names_the_other_paths_and_no_ai_level_table(engine: Engine) -> None:
    """ "Besides AI" asks about other engineers: the article's answer (quant engineers, principal
    software engineers at FAANG-equivalents) is on the card, not the AI engineer table by level."""
    card = engine.answer("besides ai, what other engineers can hit half a million in comp", "dm").card
    assert card is not None
    text = "\n".join(text_lines(card))
    assert "quant engineers at high-frequency trading firms" in text
    assert "$70,000" not in text and "70,000" not in text, "an entry-level AI figure answers nothing here"


@pytest.mark.parametrize("text", ["show me the senior figures from every article", "what are the mid level numbers?"])
def test_a_levels_numbers_are_its_pay(engine: Engine, text: str) -> None:
    """ "senior figures", "mid level numbers": figures said of a level are its pay, every article's."""
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    assert card.ref.startswith("s:level="), card.ref


@pytest.mark.parametrize(
    "text", ["what number of years makes someone senior", "any numbers on how many junior ai jobs exist"]
)
def test_numbers_not_said_of_a_level_are_not_pay(engine: Engine, text: str) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref is not None
    assert not card.ref.startswith("s:"), card.ref


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("how much more do senior ai engineers make than mid-level ones", "s:level=senior+mid"),
        ("how much less does a junior make than a senior ai engineer", "s:level=entry+senior"),
    ],
)
def test_how_much_more_or_less_asks_about_pay(engine: Engine, text: str, ref: str) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref == ref


def test_a_part_of_pay_no_table_shows_is_answered_by_the_entry_about_it(engine: Engine) -> None:
    """A table of ranges by level says nothing about bonuses: the entry that does answers."""
    card = engine.answer("what's the typical bonus for ai engineers", "dm").card
    assert card is not None and card.ref is not None
    assert not card.ref.startswith("s:"), card.ref
    assert "bonus" in "\n".join(text_lines(card)).lower()


def test_side_by_side_subjects_without_a_figure_for_the_level_say_their_figures_are_for_all_levels(
    engine: Engine,
) -> None:
    """Staff ML engineers at startups: neither has a staff figure, so neither heading may read as staff pay."""
    card = engine.answer("what do staff ml engineers get paid at startups", "dm").card
    assert card is not None
    headings = [s.heading for s in card.sections if s.fields]
    assert headings and all(h and h.endswith("all levels (none for staff)") for h in headings), headings


def test_a_specialization_with_no_figure_for_the_place_says_so_then_shows_each_side_labelled(engine: Engine) -> None:
    card = engine.answer("salary for computer vision engineers in germany", "dm").card
    assert card is not None
    assert card.summary.startswith("The articles give no Computer vision figure for Germany.")
    by_heading = {s.heading: values(replace(card, sections=(s,))) for s in card.sections if s.fields}
    assert list(by_heading) == ["Germany, AI engineer pay in general"], "no other place's amount, even as the subject's"
    assert "€95K-€130K" in by_heading["Germany, AI engineer pay in general"]


def test_a_specialization_with_no_figure_for_a_us_city_shows_its_us_national_figures(engine: Engine) -> None:
    card = engine.answer("salary for computer vision engineers in chicago", "dm").card
    assert card is not None and card.summary.startswith("The articles give no Computer vision figure for")
    assert any(s.heading == "Computer vision, US national" and s.fields for s in card.sections)


@pytest.mark.parametrize("text", ["package for a fresher in germany", "what do recent grads make in germany"])
def test_the_words_people_use_for_a_new_graduate_name_the_entry_level(engine: Engine, text: str) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref == "s:level=entry,location=germany"


def test_a_skill_named_in_a_pay_question_qualifies_the_pay_and_does_not_win_as_its_own_card(engine: Engine) -> None:
    """ "fintech" names the domain-knowledge skill, but asked about pay it says whose pay: the pay entry
    for regulated industries answers, not the skill card."""
    reply = engine.answer("how much do ai engineers at fintech companies make", "dm")
    assert reply.topic_id == "salary-regulated-industry-premium", reply.topic_id


def _figure(label: str, value: str, source: str = "long-form-guide") -> Figure:
    return Figure(label=label, value=value, source=source)


REMOTE = [
    _figure("Median base salary, senior remote AI engineers", "$206,600"),
    _figure("Median base salary, staff-level remote positions", "$278,000"),
]


def test_a_point_that_only_restates_the_figures_beside_it_is_left_out() -> None:
    said_again = Point(
        text="Senior remote AI engineers earn median base salaries of $206,600 while staff-level remote "
        "positions command $278,000.",
        source="long-form-guide",
    )
    assert restates(said_again, REMOTE)
    assert not restates(said_again, REMOTE[:1]), "$278,000 is not shown: the point says it"
    assert not restates(said_again, [_figure(f.label, f.value, "pensero") for f in REMOTE]), "another article's"
    more = Point(
        text="Reaching $206,600 or more is achievable, though it typically requires seniority, specialization, "
        "and the right employer.",
        source="long-form-guide",
    )
    assert not restates(more, REMOTE), "a point that says more than the figure stays"


def test_the_remote_pay_card_shows_each_figure_once(engine: Engine) -> None:
    card = engine.answer("do remote ai engineers get paid less", "dm").card
    assert card is not None
    text = "\n".join(text_lines(card))
    assert text.count("$206,600") == 1 and text.count("$278,000") == 1


def test_no_figure_for_the_specialization_nor_the_level_at_a_place_says_both(engine: Engine) -> None:
    card = engine.answer("salary mid computer vision uk", "slash").card
    assert card is not None
    assert card.summary.startswith("The articles give no Computer vision figure for the United Kingdom.")
    assert "Nor do they give a mid-level figure for the United Kingdom" in card.summary, (
        "the levels shown are the nearest"
    )


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("do ai engineers in london make more than in berlin", "s:location=uk+germany"),
        ("will I make less in austin than in sf", "s:location=austin+san-francisco"),
    ],
)
def test_making_more_or_less_than_somewhere_is_pay(engine: Engine, text: str, ref: str) -> None:
    card = engine.answer(text, "dm").card
    assert card is not None and card.ref == ref


def test_making_more_sense_is_not_pay(engine: Engine) -> None:
    card = engine.answer("does it make more sense to learn pytorch or tensorflow", "dm").card
    assert card is not None and card.ref is not None and not card.ref.startswith("s:")


def test_an_asian_place_no_article_covers_is_offered_india_and_singapore(engine: Engine) -> None:
    card = engine.answer("how much does a senior ai engineer make in busan", "dm").card
    assert card is not None and card.summary.startswith("The articles give no figure for South Korea.")
    assert "India (metro) and Singapore" in card.summary
    assert values(card) == []
    assert [b.value for b in card.buttons[:2]] == [
        "s:level=senior,location=india",
        "s:level=senior,location=singapore",
    ]
