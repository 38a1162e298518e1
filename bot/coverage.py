"""Which paragraphs of the five articles no content entry covers (`python -m bot coverage`).

Every section of every article should be answerable, so every substantive paragraph should be
said by some cited statement in `content/`. The measure, kept deliberately simple and explainable:

- An article is cut into paragraphs: each prose line is one, and a run of bullet lines is one
  (with each bullet as one unit). A prose paragraph's units are its sentences.
- A unit's words are its lower-cased words minus common stop words, a plural "s" dropped.
- A unit is *said* by a statement when at least `UNIT_SHARE` of the unit's words are in that one
  statement. The measure is one-sided on purpose: a cited point may condense a sentence or add
  words from its neighbours, and what matters is whether the article's words are there.
- Statements are every cited text in the library (points, figures, comparison rows, roadmap
  phases and steps) and count only for the article they cite: the check doubles as provenance.
- A paragraph is covered when at least `PARAGRAPH_SHARE` of its units are said.

Paragraphs with fewer than `MIN_WORDS` words (headings, table cells, captions) are not substantive
and not checked, a paragraph the article repeats is checked once, and `LEFT_OUT` lists, with the
reason, what is deliberately not curated.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from bot import models as m
from bot.content import Library

UNIT_SHARE = 0.5
PARAGRAPH_SHARE = 0.5
MIN_WORDS = 6
MIN_UNIT_WORDS = 3  # shorter units (a bullet "Kaggle competitions") never count against a paragraph

ARTICLES_DIR = Path(__file__).resolve().parent.parent / "articles"  # a verbatim copy of ../shared/sources

# What is deliberately not curated: (source id, the paragraph's opening words, why). A paragraph
# listed here and also covered is fine (some of Pensero's pitch is quoted, labelled as its pitch).
LEFT_OUT: tuple[tuple[str, str, str], ...] = (
    # Pensero's description of its own product: a vendor's pitch, not a fact about the career.
    ("pensero", "While job descriptions define AI engineering responsibilities", "vendor pitch"),
    ("pensero", "Technical work patterns:", "vendor pitch"),
    ("pensero", "Collaboration effectiveness:", "vendor pitch"),
    ("pensero", "Delivery cadence:", "vendor pitch"),
    ("pensero", "Knowledge distribution:", "vendor pitch"),
    ("pensero", "Complexity evolution:", "vendor pitch"),
    ("pensero", "Why this matters for AI engineering:", "vendor pitch"),
    ("pensero", "Best for: Engineering leaders", "vendor pitch"),
    ("pensero", "Integrations: GitHub, GitLab", "vendor pitch"),
    ("pensero", "Pricing: Free tier", "vendor pitch"),
    ("pensero", "Notable customers:", "vendor pitch"),
    ("pensero", "Pensero helps engineering leaders understand", "vendor pitch"),
    ("pensero", "Pensero analyzes work patterns", "vendor pitch"),
    ("careersteps", "Take our AI-powered career test", "vendor pitch"),
    ("careersteps", "CareerSteps Editorial Team researches", "vendor pitch"),
    # Page furniture: titles, meta descriptions, reading times, section headings, a lead-in line
    # whose content follows in its own paragraphs, "read more" links and reference lists.
    ("pensero", "Learn what AI engineering is, how it works", "page description"),
    ("pensero", "Yet confusion persists about what AI engineering", "the guide introducing itself"),
    ("consultancy-guide", "What Is an AI Engineer? Roles, Skills, Salary", "page title"),
    ("consultancy-guide", "This guide breaks down exactly what an AI engineer does", "the guide introducing itself"),
    ("consultancy-guide", "Domain Knowledge and Soft Skills That Separate", "section heading"),
    ("consultancy-guide", "AI Jobs, Career Longevity, and What Actually Survives", "section heading"),
    ("consultancy-guide", "For working professionals making a lateral move", "lead-in to the transition paths"),
    ("consultancy-guide", "[1] https://", "reference list"),
    ("consultancy-guide", "[2] https://", "reference list"),
    ("consultancy-guide", "[3] https://", "reference list"),
    ("consultancy-guide", "[4] https://", "reference list"),
    ("careersteps", "⏱️ 12 min read", "reading time"),
    ("careersteps", "Complete career guide covering salary benchmarks", "page description"),
    ("careersteps", "Read More →", "links to other career pages"),
    ("startupbricks", "AI Engineers in 2026: The Hottest Career Path in Tech", "page title"),
    ("startupbricks", "Before diving into the numbers", "the article introducing a section"),
)


@dataclass(frozen=True)
class Paragraph:
    source: str
    line: int  # 1-based line of its first line in the article
    text: str
    units: tuple[str, ...]


@dataclass(frozen=True)
class Verdict:
    paragraph: Paragraph
    said: int  # units some statement says
    counted: int  # units long enough to count
    left_out: str | None  # why it is deliberately not curated, if it is

    @property
    def covered(self) -> bool:
        return self.counted == 0 or self.said >= PARAGRAPH_SHARE * self.counted


_STOP = frozenset(
    """a about above after again all also am an and any are as at be because been before being below between
    both but by can could did do does doing down during each few for from further had has have having he her here
    hers him his how i if in into is it its itself just like may me might more most much must my no nor not now of
    off often on once only or other our ours out over own same she should so some such than that the their theirs
    them then there these they this those through to too under until up upon very was we were what when where
    which while who whom why will with would you your yours""".split()
)
_WORD = re.compile(r"[a-z0-9]+(?:[+#][a-z0-9+#]*)?")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'“])")
_BULLET = re.compile(r"^\s*[•\-*]\s+")


def words(text: str) -> frozenset[str]:
    """The words that carry meaning, normalised so "models" and "Model" are one word."""
    found = (
        w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in _WORD.findall(text.lower())
    )
    return frozenset(w for w in found if w not in _STOP and len(w) > 1)


def paragraphs(source: str, text: str) -> list[Paragraph]:
    """The article's paragraphs in order; a paragraph it repeats word for word appears once."""
    found: list[Paragraph] = []
    seen: set[str] = set()
    for paragraph in _split(source, text.splitlines()):
        if paragraph.text in seen:
            continue
        seen.add(paragraph.text)
        found.append(paragraph)
    return found


def _split(source: str, lines: list[str]) -> Iterator[Paragraph]:
    """Prose lines one by one; a run of bullets as one paragraph, with the line that introduces it."""
    numbered = [(n, raw) for n, raw in enumerate(lines, start=1) if raw.strip()]
    index = 0
    while index < len(numbered):
        number, raw = numbered[index]
        run = _bullet_run(numbered, index + 1 if raw.rstrip().endswith(":") else index)
        if run:
            lead = [] if _BULLET.match(raw) else [raw.strip()]
            yield Paragraph(source, number, "\n".join(lead + run), tuple(run))
            index += len(lead) + len(run)
            continue
        line = raw.strip()
        if len(words(line)) >= MIN_WORDS:
            yield Paragraph(source, number, line, tuple(s for s in _SENTENCE_END.split(line) if s))
        index += 1


def _bullet_run(numbered: list[tuple[int, str]], start: int) -> list[str]:
    run: list[str] = []
    for _, raw in numbered[start:]:
        if not _BULLET.match(raw):
            break
        run.append(_BULLET.sub("", raw).strip())
    return run


def statements(library: Library) -> dict[str, list[frozenset[str]]]:
    """The words of every cited statement in the library, by the source it cites."""
    by_source: dict[str, list[frozenset[str]]] = {source: [] for source in library.sources}
    for item in _cited(library):
        by_source.setdefault(item.source, []).append(words(" ".join(_texts(item))))
    return by_source


class Statements:
    """One article's statements, indexed by word so a unit finds its best statement quickly."""

    def __init__(self, said: Iterable[frozenset[str]]) -> None:
        self.postings: dict[str, list[int]] = {}
        for index, statement in enumerate(said):
            for word in statement:
                self.postings.setdefault(word, []).append(index)

    def best_overlap(self, unit: frozenset[str]) -> int:
        """The most of the unit's words that any one statement has."""
        shared = Counter(i for word in unit for i in self.postings.get(word, ()))
        return max(shared.values(), default=0)


def _cited(library: Library) -> Iterator[m.Cited]:
    roots: list[BaseModel] = [entry.topic for entry in library.entries.values()]
    roots += library.salary_figures
    for root in roots:
        yield from _walk(root)


def _walk(node: object) -> Iterator[m.Cited]:
    if isinstance(node, m.Cited):
        yield node
        return  # a phase's steps are cited by the phase, and read with it in _texts
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _walk(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _walk(item)


def _texts(node: BaseModel) -> Iterator[str]:
    """Every string a cited statement says, its steps included (not ids, sources or credits)."""
    for name in type(node).model_fields:
        if name in {"id", "source", "credits", "as_of", "skill"}:
            continue
        value = getattr(node, name)
        if isinstance(value, str):
            yield value
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, str):
                    yield item
                elif isinstance(item, BaseModel):
                    yield from _texts(item)


def judge(paragraph: Paragraph, said_by: Statements) -> Verdict:
    counted = [unit for unit in map(words, paragraph.units) if len(unit) >= MIN_UNIT_WORDS]
    said = sum(1 for unit in counted if said_by.best_overlap(unit) >= UNIT_SHARE * len(unit))
    return Verdict(paragraph, said, len(counted), _left_out(paragraph))


def _left_out(paragraph: Paragraph) -> str | None:
    for source, opening, why in LEFT_OUT:
        if paragraph.source == source and paragraph.text.startswith(opening):
            return why
    return None


def check(library: Library, articles_dir: Path = ARTICLES_DIR) -> list[Verdict]:
    """A verdict for every substantive paragraph of every article the library cites."""
    said_by = statements(library)
    verdicts: list[Verdict] = []
    for source in library.sources.values():
        text = (articles_dir / source.file).read_text(encoding="utf-8")
        index = Statements(said_by.get(source.id, []))
        verdicts += [judge(p, index) for p in paragraphs(source.id, text)]
    return verdicts


def uncovered(verdicts: Iterable[Verdict]) -> list[Verdict]:
    """Paragraphs no entry covers and that are not deliberately left out: the work still to do."""
    return [v for v in verdicts if not v.covered and v.left_out is None]


def stale_exclusions(verdicts: Iterable[Verdict]) -> list[tuple[str, str, str]]:
    """`LEFT_OUT` items that name no paragraph (a typo or an edited article)."""
    used = {(v.paragraph.source, v.paragraph.text) for v in verdicts}
    return [item for item in LEFT_OUT if not any(s == item[0] and t.startswith(item[1]) for s, t in used)]


def report(verdicts: list[Verdict], *, show_left_out: bool = False) -> tuple[list[str], bool]:
    """Lines to print (one per uncovered paragraph, then a summary) and whether the check passed."""
    gaps = uncovered(verdicts)
    stale = stale_exclusions(verdicts)
    lines = [
        f"{v.paragraph.source}:{v.paragraph.line}: said {v.said}/{v.counted}: {_short(v.paragraph.text)}" for v in gaps
    ]
    lines += [f"{source}: LEFT_OUT names no paragraph: {opening!r}" for source, opening, _ in stale]
    if show_left_out:
        lines += [
            f"{v.paragraph.source}:{v.paragraph.line}: left out ({v.left_out}): {_short(v.paragraph.text)}"
            for v in verdicts
            if v.left_out and not v.covered
        ]
    covered = sum(1 for v in verdicts if v.covered)
    left_out = sum(1 for v in verdicts if v.left_out and not v.covered)
    summary = f"{covered}/{len(verdicts)} paragraphs covered, {left_out} deliberately left out"
    lines.append(f"coverage: {summary}, {len(gaps)} uncovered")
    return lines, not gaps and not stale


def _short(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
