"""Card: what the bot says, as plain Python. The renderer turns it into Block Kit or terminal text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.content import Library
from bot.kinds import ButtonAction, CardKind
from bot.models import Cited, Figure, Point
from bot.refs import Ref

FIELDS_PER_SECTION = 10  # Slack's limit for a section's fields


@dataclass(frozen=True)
class Button:
    label: str
    action: ButtonAction  # what it does; rendering gives it its Slack action_id
    value: str
    style: str | None = None  # "primary" or "danger", as Slack names them


@dataclass(frozen=True)
class Field:
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    heading: str | None = None
    lines: tuple[str, ...] = ()
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Card:
    """One reply. `kind` is answer, choices (did you mean), fallback or help."""

    kind: CardKind
    title: str
    summary: str
    sections: tuple[Section, ...] = ()
    sources: tuple[str, ...] = ()
    buttons: tuple[Button, ...] = ()
    ref: str | None = None
    echo: str | None = None  # the person's own words, shown back (always escaped by the renderer)


def open_button(label: str, ref: Ref | str, style: str | None = None) -> Button:
    return Button(label, "open", str(ref), style)


def cite(library: Library, item: Cited) -> str:
    """'Long-form guide, citing MRJ Recruitment 2026': the article's short name and the data it credits."""
    name = library.sources[item.source].name
    return f"{name}, citing {item.credits}" if item.credits else name


def point_line(library: Library, point: Point, cited: bool = True) -> str:
    """A point with its article named; `cited=False` where the card's one source line names it."""
    return f"{point.text} ({cite(library, point)})" if cited else point.text


def figure_field(library: Library, figure: Figure, cited: bool = True) -> Field:
    note = f"\n{figure.note}" if figure.note else ""
    label = f"{figure.label} ({cite(library, figure)})" if cited else figure.label
    return Field(label, f"{figure.value}{note}")


def one_source(items: Iterable[Cited]) -> bool:
    """Do all these facts come from one article, with the same credits (so one line can cite them)?"""
    return len({(item.source, item.credits) for item in items}) <= 1


def source_line(library: Library, items: Iterable[Cited]) -> tuple[str, ...]:
    """The context line: each cited article once, with its date, the data it credits, and the
    "as of" dates the article gives its figures."""
    credits: dict[str, set[str]] = {}
    dates: dict[str, set[str]] = {}
    for item in items:
        credits.setdefault(item.source, set())
        dates.setdefault(item.source, set())
        if item.credits:
            credits[item.source].add(item.credits)
        if item.as_of:
            dates[item.source].add(item.as_of)
    lines = []
    for source_id, credited in credits.items():
        source = library.sources[source_id]
        citing = f", citing {', '.join(sorted(credited))}" if credited else ""
        as_of = f", figures as of {', '.join(sorted(dates[source_id]))}" if dates[source_id] else ""
        lines.append(f"{source.name} ({source.dated}){citing}{as_of}")
    return tuple(lines)


def chunks(items: list[Field], size: int) -> list[tuple[Field, ...]]:
    return [tuple(items[i : i + size]) for i in range(0, len(items), size)]


MENU_BUDGET = 900  # characters of one-line glosses a menu shows, shared among its entries
MIN_GLOSS = 40


def glosses(items: list[tuple[str, str]], whole: tuple[int, ...] = ()) -> tuple[str, ...]:
    """'Title: summary' lines for a menu; the summaries at positions `whole` (those a question asks
    about) in full, the others cut (at a word) to the menu's share of room."""
    room = max(MIN_GLOSS, MENU_BUDGET // max(1, len(items)))
    return tuple(
        f"{title}: {text if i in whole else gloss(text, room - len(title))}" for i, (title, text) in enumerate(items)
    )


def gloss(text: str, limit: int) -> str:
    """`text` if it fits in `limit` characters, else its start cut at a word, with an ellipsis."""
    limit = max(limit, MIN_GLOSS)
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
