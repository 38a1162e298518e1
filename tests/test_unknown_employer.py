"""A question about the pay, interviews or hiring of an employer the articles never name (issue #10:
"the same for ... a company the articles never name: say what is not covered, then offer what is"):
the general figures are not passed off as that employer's. The reply says the articles never mention
it and offers what they do give, labelled as what it is; a company they do name, a company type, a
place, a person or a level is read as before."""

from __future__ import annotations

import pytest

from bot.answering import Engine, gaps_recorded
from bot.content import Library
from bot.employers import Asked, asked_of_an_employer, unknown_employer
from bot.kinds import Via
from bot.parsing import parse

# (question, the employer as the reply names it, a card the reply must offer)
UNKNOWN_EMPLOYERS = [
    ("Stripe: what's the pay band for a senior AI engineer there?", "Stripe", "s:level=senior"),
    ("how much does stripe pay", "stripe", "s:"),  # was "I don't know that one"
    ("does klarna pay its ai engineers well", "klarna", None),
    ("what would palantir pay a staff ai engineer?", "palantir", "s:level=staff"),
    ("entry-level ai engineer salary at accenture?", "accenture", "s:level=entry"),
    ("what do AI engineers earn at Databricks", "Databricks", None),
    ("Brelvora Dynamics is recruiting; what base would a senior AI engineer get there?", "Brelvora Dynamics", None),
    ("is 160k fair for a mid-level ai engineer role in an offer from Tallowmere?", "Tallowmere", "s:level=mid"),
    (
        "how much would Quillbyte pay an entry-level AI engineer in Berlin?",
        "Quillbyte",
        "s:level=entry,location=germany",
    ),
    ("zentrio is hiring ai engineers, what salary should i ask for", "zentrio", None),
    ("is vorlantic hiring ai engineers", "vorlantic", None),  # asked the other way round
    ("are kestrelight hiring juniors right now?", "kestrelight", None),
    ("what's revolut's pay for mid level ai engineers", "revolut", "s:level=mid"),
    ("principal ai engineer comp at Snowcrest Labs?", "Snowcrest Labs", "s:level=principal"),
    ("what is the interview loop like at databricks for ai engineers", "databricks", "t:interview-process"),
    ("stripe's interview process for ai engineers", "stripe", "t:interview-process"),
    ("Orbelin Health: how many interview rounds for senior AI engineers, and what's the pay?", "Orbelin Health", None),
    ("going for an onsite with Cohere soon, what should the AI engineer interview look like?", "Cohere", None),
    ("what would a staff AI engineer earn at Uber in Seattle", "Uber", "s:level=staff,location=seattle"),
    # a name between the verb that asks and the engineers asked about: whose engineers they are
    ("what do Wexbridge AI engineers make", "Wexbridge", None),
    ("are Tolvane ML engineers paid well", "Tolvane", None),
    ("how much do Quarrix LLM engineers earn", "Quarrix", None),
]
# Companies the articles name, company types, places, people and levels: answered as before.
NAMED_OR_NOT_AN_EMPLOYER = [
    "how much does Google pay senior AI engineers?",
    "how much does amazon pay ai engineers",
    "what do AI engineers at OpenAI make",  # the articles name OpenAI among the top payers
    "does Anthropic pay more than an AI startup",
    "are startups hiring ai engineers",
    "how much does a principal AI engineer earn at Meta",
    "what's the pay at FAANG for staff ai engineers",
    "how much does a startup pay a mid-level ai engineer",
    "senior ai engineer salary at a mid-stage startup",
    "what does an enterprise pay an ai engineer",
    "what do AI engineers earn at Google DeepMind?",  # a company type named: its figures, labelled so
    "what do senior AI engineers make in San Francisco?",
    "how much do AI engineers earn in Lisbon",  # a place the articles lack: not an employer
    "I'm moving from Chile, what do AI engineers make in Canada?",
    "Do Korean companies pay AI engineers less?",  # a kind of company
    "I'm Priya, a senior AI engineer in Austin. What should I expect to be paid?",
    "My friend Priya makes 200k as a senior AI engineer, is that normal?",
    "Hi Sam, what do staff AI engineers earn?",
    "Staff AI engineer at Stripe here. What does a principal AI engineer make?",  # who is asking, not asked
    "What do Principal AI Engineers make?",
    "how much can I make as an AI engineering intern while at school",
    "does ai engineer pay keep up with rent prices in sf?",
    "what is the interview process for AI engineers",
    "what do AI engineers at MNCs earn in India",  # a short form made plural: a kind of company
    "whats the typical pay for Offshore AI engineers",  # a capital qualifying the engineer
    "What Do Nearshore AI Engineers Make In Austin?",  # Title Case: every word has a capital
    "what do senior AI engineers make on a Visa",  # a thing after "a"
    "HR here. we're hiring our first AI engineer, what should we pay?",
]


@pytest.mark.parametrize(("text", "employer", "offered"), UNKNOWN_EMPLOYERS)
@pytest.mark.parametrize("via", ["dm", "mention"])
def test_an_employer_the_articles_never_name_is_said_not_covered(
    engine: Engine, text: str, employer: str, offered: str | None, via: Via
) -> None:
    reply = engine.answer(text, via)
    assert reply.kind == "fallback", reply.why
    card = reply.card
    assert card is not None and card.title.endswith(f" for {employer}")
    assert f"The articles never mention {employer}." in card.summary
    assert card.buttons and all(b.action == "open" for b in card.buttons)
    if offered is not None:  # a card as it opens from a button, focused on the question or not
        assert any(b.value == offered or b.value.startswith(f"{offered}:") for b in card.buttons)


@pytest.mark.parametrize("text", NAMED_OR_NOT_AN_EMPLOYER)
def test_a_company_they_name_a_type_a_place_or_a_person_is_answered(engine: Engine, text: str) -> None:
    assert engine.answer(text, "dm").kind == "answer"


def test_the_title_says_what_was_asked_of_the_employer(engine: Engine) -> None:
    reply = engine.answer("Vantrell pays how much for senior AI engineers, and what are their interviews like?", "dm")
    assert reply.card is not None and reply.card.title == "No pay figures or interview details for Vantrell"
    values = [b.value for b in reply.card.buttons]
    assert values[:2] == ["s:level=senior", "t:interview-process"]  # what was asked, first
    assert len(values) == len(set(values))


def test_the_senior_pay_card_is_offered_with_its_company_types(engine: Engine) -> None:
    reply = engine.answer("what does Marrowline pay a senior AI engineer?", "dm")
    assert reply.card is not None
    labels = [b.label for b in reply.card.buttons]
    assert labels[0] == "Senior AI engineer salary" and "By company type" in labels


def test_a_command_naming_an_unknown_employer_says_so(engine: Engine) -> None:
    reply = engine.answer("salary staff at Plenvia", "slash")
    assert reply.kind == "fallback" and reply.card is not None
    assert reply.card.title == "No pay figures for Plenvia"
    assert "s:level=staff" in [b.value for b in reply.card.buttons]
    assert engine.answer("salary staff", "slash").kind == "answer"


def test_never_volunteered_in_a_channel(engine: Engine) -> None:
    assert engine.answer("what do senior ai engineers make at Corvantis?", "channel").kind == "ignore"


def test_explain_names_the_rule_and_the_gap_is_recorded(engine: Engine) -> None:
    before = gaps_recorded()
    reply = engine.answer("how much does Hollowpeak pay a mid-level AI engineer", "dm")
    assert reply.why is not None and "'Hollowpeak'" in reply.why and "never use" in reply.why
    assert gaps_recorded() > before


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("what do ai engineers make at jane street", "jane street"),
        ("Fernlock Robotics: what do they pay?", "Fernlock Robotics"),  # two capitals open the sentence
        ("Fernlock pays well, I hear", "Fernlock"),
        ("Fernlock here, what do seniors make?", None),  # one capital opening a sentence: any word
        ("is Fernlock Robotics hiring?", "Fernlock Robotics"),
        ("does fernlock hire juniors", "fernlock"),
        ("fernlock is hiring", "fernlock"),
        ("fernlock's salary bands", "fernlock"),
        ("how much do ai engineers make at night", None),
        ("how much does a babysitter pay", None),  # a thing after "a", not a name
        ("I've heard AI engineers get paid a lot", None),  # a contraction, not a name
        ("moving from Chile soon", None),
        ("pay for Forward Deployed AI engineers", None),  # a kind of engineer
        ("what do ai engineers at VCs make", None),
    ],
)
def test_where_an_employer_stands(engine: Engine, library: Library, text: str, name: str | None) -> None:
    assert unknown_employer(engine.matcher, parse(text, engine.index, grammar=False)) == name


def test_what_is_asked_of_an_employer(engine: Engine) -> None:
    query = parse("what's the hiring loop like", engine.index, grammar=False)
    asked = asked_of_an_employer(query, pay=False)
    assert asked == Asked(pay=False, interviews=True, hiring=True)
    assert str(asked) == "interview or hiring details"
    assert str(Asked(pay=True, interviews=False, hiring=True)) == "pay figures or hiring details"
    assert not asked_of_an_employer(parse("what skills matter", engine.index, grammar=False), pay=False)
