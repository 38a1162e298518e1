"""Cards that are not one entry: help, menus of entries, "did you mean", fallback and error."""

from __future__ import annotations

from collections.abc import Sequence

from bot import ids, refs
from bot.cards.model import Button, Card, Field, Section, glosses, open_button, source_line
from bot.content import Library
from bot.refs import Ref
from bot.text import shorten

GRAMMAR = (
    ("salary [level] [location | specialization | company type]", "pay figures, each with its article"),
    ("role <role>", "what a role does, its skills, roadmap and pay"),
    ("compare <role> <role>", "two roles side by side (also: <role> vs <role>)"),
    ("skills [area | role]", "the skill stack, or one area of it"),
    ("roadmap [track]", "step-by-step paths into AI engineering"),
    ("hire [model]", "ways to bring an AI engineer in: full-time, staff augmentation, consultancy, fractional"),
    ("levels", "the career ladder, years and focus at each level"),
    ("interview", "how AI engineering interviews run"),
    ("learn", "courses, certifications, books and projects"),
    ("market", "demand and job-market figures"),
    ("quiz", "five questions, then your plan: role and track, pay for your level and place, roadmap"),
    ("<any question>", "ask in your own words, e.g. what do senior AI engineers make in the bay area?"),
)
INTERVIEWS_CARD = ("The AI engineering interview process", refs.topic("interview-process"))
TOPIC_BUTTONS = (
    ("Salary", refs.salary(refs.SalaryQuery())),
    ("Roles", refs.menu("roles")),
    ("Compare", refs.menu("compare")),
    ("Skills", refs.topic("skills-overview")),
    ("Roadmaps", refs.menu("roadmaps")),
    ("Hiring", refs.topic("hiring-overview")),
    ("Levels", refs.topic("career-ladder")),
    ("Interviews", refs.topic("interview-process")),
    ("Learning", refs.menu("learn")),
    ("Market", refs.topic("market-demand")),
)


def topic_buttons(library: Library) -> tuple[Button, ...]:
    return tuple(open_button(label, ref) for label, ref in TOPIC_BUTTONS if _exists(library, ref))


def help_card(library: Library) -> Card:
    lines = tuple(f"{ids.COMMAND} {usage}: {what}" for usage, what in GRAMMAR)
    return Card(
        kind="help",
        title="aieng: career answers for AI engineering",
        summary="Ask about salary, roles, skills, roadmaps, hiring, levels, interviews, learning or the market. "
        "Every answer comes from curated articles and names its source.",
        sections=(Section("Commands", lines), Section("Examples", _EXAMPLES)),
        buttons=(*topic_buttons(library), Button("Career quiz", "quiz", "help")),
        ref=str(refs.menu("help")),
    )


_EXAMPLES = (
    f"{ids.COMMAND} salary senior sf",
    f"{ids.COMMAND} compare ai engineer vs ml engineer",
    f"{ids.COMMAND} roadmap swe",
    "@aieng how do I move from data science into AI engineering?",
)


LIST_MENUS = ("roles", "roadmaps", "compare", "learn")  # menus that list entries with their summaries


def list_card(library: Library, name: str, whole: tuple[int, ...] = ()) -> Card:
    """A menu: every entry of one kind as a button, with its one-line summary (whole for the
    entries at positions `whole`, those the question asks about)."""
    title, summary, items = _menu_items(library, name)
    if any(not 0 <= i < len(items) for i in whole):
        raise IndexError(f"no such entries in menu {name}: {whole}")
    return Card(
        kind="answer",
        title=title,
        summary=summary,
        sections=(Section(None, glosses([(label, text) for label, text, _ in items], whole)),),
        buttons=tuple(open_button(label[:70], ref) for label, _, ref in items),
        ref=str(refs.menu(name, ".".join(map(str, whole))) if whole else refs.menu(name)),
    )


def menu_summaries(library: Library, name: str) -> list[str]:
    """Each entry of a list menu as 'title summary', in the menu's order, for matching a question."""
    return [f"{label} {text}" for label, text, _ in _menu_items(library, name)[2]]


def _menu_items(library: Library, name: str) -> tuple[str, str, list[tuple[str, str, Ref]]]:
    if name == "roles":
        items = [(r.title, r.summary, refs.topic(r.id)) for r in library.roles.values()]
        return "Roles", "Roles the articles describe; emerging ones included.", items
    if name == "roadmaps":
        items = [(r.title, r.summary, refs.roadmap(r.id)) for r in library.roadmaps.values()]
        return "Roadmaps", "Step-by-step paths; open one to walk its phases and steps.", items
    if name == "compare":
        items = [(c.title, c.summary, refs.topic(c.id)) for c in library.comparisons.values()]
        return "Role comparisons", "Pairs of roles the articles compare.", items
    if name == "learn":
        items = [(t.title, t.summary, refs.topic(t.id)) for t in library.of_kind("learn")]
        return "Learning", "Courses, certifications, books and projects the articles name.", items
    raise KeyError(name)


def levels_card(library: Library) -> Card:
    levels = sorted(library.levels.values(), key=lambda lv: lv.rank)
    fields = tuple(Field(lv.title, lv.summary) for lv in levels)
    return Card(
        kind="answer",
        title="AI engineer career levels",
        summary="The ladder the articles describe, from entry level to principal; open a level for its years "
        "and focus as each article states them.",
        sections=(Section(None, (), fields),),
        sources=source_line(library, [p for lv in levels for p in lv.points]),
        buttons=tuple(open_button(lv.title, refs.topic(lv.id)) for lv in levels),
        ref=str(refs.menu("levels")),
    )


def choices_card(library: Library, question: str, choices: list[tuple[str, Ref]]) -> Card:
    buttons = [open_button(label[:70], ref) for label, ref in choices]
    buttons.append(Button("None of these", "none_of_these", question[:1900]))
    return Card(
        kind="choices",
        title="Did you mean…",
        summary="I'm not sure which of these you're after; pick one.",
        buttons=tuple(buttons),
        echo=question,
    )


def fallback_card(library: Library, question: str) -> Card:
    return Card(
        kind="fallback",
        title="I don't know that one",
        summary="I only answer from curated articles about AI engineering careers, and nothing in them answers "
        "this. Here is what I can help with:",
        buttons=topic_buttons(library),
        echo=question or None,
    )


def not_covered_card(library: Library, what: str, question: str) -> Card:
    """A question about something the articles never cover ("benefits and perks"): says so by name,
    rather than that nothing answers it, and offers the topics they do cover."""
    return Card(
        kind="fallback",
        title=f"Nothing on {what}",
        summary=f"The articles I answer from cover AI engineering careers and say nothing about {what}. "
        "Here is what I can help with:",
        buttons=topic_buttons(library),
        echo=question or None,
    )


_EXPANDERS = ("More", "All rows")  # buttons that show more of the plain card itself, offered whole here
EMPLOYER_CHARS = 40  # a name as the person wrote it, in a title


def nothing_of_kind_card(thing: str, question: str, plain: Card) -> Card:
    """A command whose words name no {thing} the articles have ("roadmap kitchen renovation"): says so
    plainly and offers what they have (the command's plain card and the entries it opens)."""
    return Card(
        kind="fallback",
        title=f"No {thing} for that",
        summary=f"The articles have no {thing} for this. Here is what they have:",
        buttons=_offered(plain),
        echo=question or None,
    )


def unknown_employer_card(
    employer: str, asked: str, question: str, plain: Card, general: Sequence[tuple[str, Ref]] = ()
) -> Card:
    """A question about an employer the articles never name ("how much does Stripe pay"): says they
    give nothing for it, and offers what they give for AI engineers in general (the card the question
    would have got, and the cards it opens), each labelled as what it is."""
    employer = shorten(employer, EMPLOYER_CHARS)
    return Card(
        kind="fallback",
        title=f"No {asked} for {employer}",
        summary=f"The articles never mention {employer}. What they give for AI engineers in general, "
        f"not for {employer}:",
        buttons=_offered(plain, [open_button(label[:70], ref) for label, ref in general]),
        echo=question or None,
    )


def _offered(plain: Card, also: list[Button] | None = None) -> tuple[Button, ...]:
    """The plain card, `also`, and the entries the plain card opens, as buttons (not its own More / All
    rows), each card once."""
    own = [open_button(plain.title[:70], plain.ref)] if plain.ref else []
    opened = [b for b in plain.buttons if b.action == "open" and b.label not in _EXPANDERS]
    once: dict[str, Button] = {}
    for button in [*own, *(also or []), *opened]:
        once.setdefault(button.value, button)
    return tuple(once.values())


def none_of_these_card(library: Library) -> Card:
    return Card(
        kind="fallback",
        title="Thanks, noted",
        summary="I've logged the question so the content can grow where people ask. Meanwhile, here is what I "
        "can help with:",
        buttons=topic_buttons(library),
    )


def _exists(library: Library, ref: Ref) -> bool:
    return ref.kind != "t" or ref.parts[0] in library.entries


def greeting_card(library: Library) -> Card:
    """A short friendly reply to "hi": what the bot is for, the help card's topic buttons and the full help."""
    return _social_card(
        library,
        "Hi! I'm aieng",
        "I answer career questions about AI engineering from curated articles: salary, roles, skills, roadmaps, "
        "hiring and more. Pick a topic, or ask in your own words.",
    )


def navigation_card(library: Library) -> Card:
    """The reply to "next", "back" or "more" typed alone: those are buttons under each card."""
    return _social_card(
        library,
        "Next, Back and More are buttons",
        "Click them under the card you were reading: a typed message can't move through a card. "
        "Or pick a topic, or ask in your own words.",
    )


def thanks_card(library: Library) -> Card:
    return _social_card(library, "You're welcome!", "Anything else? Pick a topic, or ask in your own words.")


def _social_card(library: Library, title: str, summary: str) -> Card:
    return Card(
        kind="help",
        title=title,
        summary=summary,
        buttons=(*topic_buttons(library), open_button("All commands", refs.menu("help"))),
        ref=str(refs.menu("help")),
    )
