"""Which of an entry's facts a card shows.

An entry's facts are its comparison rows, figures and points, numbered in that order ("items").
A focused card shows the summary and a few items within a reading budget; which ones is part of
its ref (`t:<id>:<i>.<j>`), so a card stays a pure function of its ref and the content and can be
cached, shared and rated like any other. The full card shows every item, in pages that each stay
well under Slack's "Show more" fold.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from rapidfuzz import fuzz

from bot.models import Comparison, Level, Role, Topic
from bot.text import terms_once

ItemKind = Literal["row", "figure", "point"]
# What a question asks: each of its words -> the words that stand for it in facts (itself and its
# kin) with their weights.
Asked = Mapping[str, Mapping[str, float]]

FOCUS_BUDGET = 330  # characters of facts on a focused card, beside its title and summary
FOCUS_MAX_ITEMS = 5
OVERVIEW_BUDGET = 200  # a roadmap overview lists its phases too, so it shows fewer other facts
SIDE_BUDGET = 200  # characters of facts for each of two entries compared side by side (half that for three)
TABLE_MAX_ROWS = 4  # a compact comparison: a header pair and four rows fill Slack's 10 fields
TABLE_MIN_ROWS = 2
TABLE_BUDGET = 420  # rows are short cells, so a table may run a little longer than bullets
PAGE_BUDGET = 1150  # characters of facts on one page of a full card
ASKED_ROOM = 2.5  # facts the question asks about may fill this many budgets
OVERVIEW_ASKED_ROOM = 1.0  # on a roadmap overview, whose plans take the room, they fill one
PART_SHARE = 0.4  # a fact an asked word scores this share of the strongest word's best is shown
CLOSE = 0.4  # facts scoring at least this share of the best one's score count as asked for
LENGTH_NORM = 0.3  # how far a fact's score is divided by its length relative to the mean (BM25's b)
CITE_CHARS = 20  # what a fact's "(Article name)" adds to its length, about
LEAD_WORDS = 3  # a fact's first words say what it is about ("RAG grounds model outputs ...")
LEAD_BOOST = 1.5  # an asked word a fact opens with counts this much more than one it mentions in passing
MIN_PREFIX = 5  # a shorter word that starts another is not the same word ("ai" in "aim", "comp" in "company")
FIGURE_SHARE = 0.1  # a fact stating a figure leads a question asking for one if it scores this share of the best
# A fact states a figure when it gives an amount, a share, a price or a time span: money or a
# percentage, a number standing alone that is no year ("in 2026") nor part of a name ("GPT-4",
# "H100"), or a count spelled out before a span of time or a ratio ("two years", "one in four").
FIGURE = re.compile(
    r"[$€£₹]\s?\d|\d\s?(?:%|percent\b)|\d-(?:hours?|days?|weeks?|months?|years?)\b"
    r"|(?<![\w.-])(?!(?:19|20)\d\d\b)\d[\d,.]*(?:[kmbx]\b|\+)?(?![\w-]*[a-z])"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several)"
    r" (?:in (?:two|three|four|five|ten)|hours?|days?|weeks?|months?|years?)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Item:
    kind: ItemKind
    index: int  # position within the entry's rows, figures or points
    text: str  # what a person reads, and what a question is matched against


def items_of(topic: Topic) -> tuple[Item, ...]:
    rows = topic.rows if isinstance(topic, Comparison) else []
    return (
        *(Item("row", i, f"{r.aspect}: {r.left} | {r.right}") for i, r in enumerate(rows)),
        *(Item("figure", i, f"{f.label}: {f.value} {f.note or ''}".strip()) for i, f in enumerate(topic.figures)),
        *(Item("point", i, p.text) for i, p in enumerate(topic.points)),
    )


def default_picks(topic: Topic, budget: int = FOCUS_BUDGET) -> tuple[int, ...]:
    """The items a focused card shows when the question singles none out."""
    return _fill(topic, _default_order(topic), budget)


def question_picks(
    topic: Topic,
    asked: Asked,
    budget: int = FOCUS_BUDGET,
    asked_room: float = ASKED_ROOM,
    *,
    headline: bool = False,
    amount_words: Collection[str] = (),
) -> tuple[int, ...]:
    """The items that bear on a question (its terms with their weights) first, topped up in the
    default order; those asked about may fill `asked_room` budgets. With `headline`, the entry's
    headline point comes first among them. A question asking for an amount names the `amount_words`
    that say what it counts: a fact stating a figure that uses one leads (`_figure_first`)."""
    relevant = asked_about([item.text for item in items_of(topic)], asked, amount_words)
    if headline and relevant:
        relevant = list(dict.fromkeys([*_headline(topic), *relevant]))
    return _fill(topic, [*relevant, *_default_order(topic)], budget, len(relevant), asked_room)


def _headline(topic: Topic) -> list[int]:
    """The entry's first point, its own answer to the question its title asks (a figure may lead
    its card, but states a number, not the answer)."""
    return [p for p, item in enumerate(items_of(topic)) if item.kind == "point"][:1]


def asked_about(texts: list[str], asked: Asked, amount_words: Collection[str] = ()) -> list[int]:
    """Positions of the texts that bear on the question: those scoring at least CLOSE of the best,
    then the one each asked word singles out nearly as strongly as the strongest word does
    (`_best_for_each_word`). Each asked word adds, to the texts using it or one of its kin, its
    weight (its kin's, when only kin is used) times how rare that is among these texts: a word in
    every one of them says nothing about which to show. A word counts once however many of its kin
    a text uses. Those asked about come best first, a fact that opens with an asked word before
    one that mentions it in passing; a question asking for an amount (`amount_words` given) is led
    by a fact stating a figure (`_figure_first`)."""
    by_word = [_word_scores(texts, word, readings, lead=False) for word, readings in asked.items()]
    scores = _summed(by_word, len(texts))
    top = max(scores, default=0.0)
    close = {i for i in range(len(texts)) if scores[i] >= CLOSE * top > 0}
    leading = _summed([_word_scores(texts, word, readings, lead=True) for word, readings in asked.items()], len(texts))
    ranked = sorted(close, key=lambda i: (-leading[i], i))
    found = ranked + [i for i in _best_for_each_word(by_word) if i not in close]
    counting = [column for word, column in zip(asked, by_word, strict=True) if word in amount_words]
    return _figure_first(texts, scores, counting, found) if counting else found


def _figure_first(texts: list[str], scores: list[float], counting: list[list[float]], found: list[int]) -> list[int]:
    """`found` led by the best-scoring fact that states a figure among those using a word of what
    the question counts (`counting`: those words' scores) and scoring FIGURE_SHARE of the best at
    least: one rare word of a question asking how many must not put a fact that merely mentions it
    before the one giving the number, nor a figure on anything else of the entry answer it."""
    if not found or states_figure(texts[found[0]]):
        return found
    top = max(scores)
    stating = [
        i
        for i, text in enumerate(texts)
        if scores[i] >= FIGURE_SHARE * top > 0 and any(column[i] for column in counting) and states_figure(text)
    ]
    if not stating:
        return found
    lead = max(stating, key=lambda i: (scores[i], -i))
    return [lead, *(i for i in found if i != lead)]


def _summed(by_word: list[list[float]], count: int) -> list[float]:
    return [sum(column) for column in zip(*by_word, strict=True)] if by_word else [0.0] * count


def _word_scores(texts: list[str], word: str, readings: Mapping[str, float], *, lead: bool) -> list[float]:
    """What one asked word adds to each text: its best reading the text uses (LEAD_BOOST times
    more, with `lead`, when the text opens with the word) times how rare that is among the texts,
    divided as BM25 does by the text's length against the mean (a long fact uses more words by its
    length alone)."""
    # A reading none of the texts uses scores none of them: only the others are tried on each.
    used = {r: w for r, w in readings.items() if uses_phrase(wording_of_texts(tuple(texts)), r)}
    own = _own_readings(word, readings) if lead else frozenset()
    found = [_reading_weight(used, own, wording_of_text(t), opening_of_text(t)) for t in texts]
    hits = sum(1 for weight in found if weight)
    rarity = math.log((len(texts) + 1) / (hits + 0.5))
    mean = sum(map(len, texts)) / max(1, len(texts))
    return [w * rarity / (1 - LENGTH_NORM + LENGTH_NORM * len(t) / mean) for w, t in zip(found, texts, strict=True)]


def _best_for_each_word(by_word: list[list[float]]) -> list[int]:
    """For each asked word, the fact it scores best, when that is at least PART_SHARE of the best
    any word scores (strongest first): a question of two parts ("are there bootcamps? how long do
    they take?") shows the fact on each part, not only those most of its words point to."""
    strongest = max((score for column in by_word for score in column), default=0.0)
    best = sorted(((max(column), column.index(max(column))) for column in by_word if column), reverse=True)
    return list(dict.fromkeys(i for score, i in best if score >= PART_SHARE * strongest > 0))


def _own_readings(word: str, readings: Mapping[str, float]) -> frozenset[str]:
    """The asked word itself and any other spelling of it (a short form's long form), weighted as
    it is; its kin weigh less."""
    own = readings.get(word, 0.0)
    return frozenset(r for r, w in readings.items() if w >= own)


def _reading_weight(readings: Mapping[str, float], own: frozenset[str], wording: Wording, opening: Wording) -> float:
    """The weight of the best of an asked word's readings that a fact uses (0 if none), more when the
    fact opens with the word itself: a fact about RAG before one listing RAG among other skills."""
    return max(
        (
            w * (LEAD_BOOST if r in own and uses_phrase(opening, r) else 1.0)
            for r, w in readings.items()
            if uses_phrase(wording, r)
        ),
        default=0.0,
    )


def states_figure(text: str) -> bool:
    return FIGURE.search(text) is not None


def uses_phrase(wording: Wording, reading: str) -> bool:
    """Does the text use the reading: a word, or every word of a phrase ("vice president", the long
    form a short form stands for: a fact saying "Chief Marketing Officer" does not say "CTO")? A
    phrase's words must be written as they are, not merely start a longer word: "manage ... in
    production" does not say "product manager"."""
    words = reading.split(" ")
    if len(words) == 1:
        return wording.uses(reading)
    return all(wording.has(word) for word in words)


def side_picks(topics: Sequence[Topic], asked: Sequence[Asked]) -> tuple[int, ...]:
    """Facts of two or three entries shown side by side, numbered across them all (the first's
    first): for each, those the question asks about first, else its leading ones (a level's years
    before its points), within its share of the room."""
    picks: list[int] = []
    offset = 0
    budget = SIDE_BUDGET if len(topics) <= 2 else SIDE_BUDGET // 2  # three summaries fill much of a card
    for topic, asked_here in zip(topics, asked, strict=True):
        items = items_of(topic)
        order = [*asked_about([item.text for item in items], asked_here), *_side_order(topic)]
        used = 0
        for position in dict.fromkeys(order):
            size = _size(items[position])
            if used and used + size > budget:
                continue
            picks.append(offset + position)
            used += size
        offset += len(items)
    return tuple(sorted(picks))


def _side_order(topic: Topic) -> list[int]:
    """What leads an entry set beside another: a level's years, a role's points, then the rest."""
    items = items_of(topic)
    kinds: tuple[ItemKind, ...] = ("figure", "point") if isinstance(topic, Level) else ("point", "figure")
    return [p for kind in kinds for p, item in enumerate(items) if item.kind == kind]


def hidden_count(topic: Topic, picks: tuple[int, ...]) -> int:
    return len(items_of(topic)) - len(picks)


def pages(topic: Topic) -> list[tuple[int, ...]]:
    """Every item, in order, split into pages of about PAGE_BUDGET characters."""
    split: list[list[int]] = [[]]
    used = 0
    for position, item in enumerate(items_of(topic)):
        size = _size(item)
        if split[-1] and used + size > PAGE_BUDGET:
            split.append([])
            used = 0
        split[-1].append(position)
        used += size
    return [tuple(page) for page in split]


def same_word(asked: str, written: str) -> bool:
    """Equal stems, or one the start of the other ("math" and "mathematical", "statistic" and
    "statistical"): the light stemmer leaves such pairs apart."""
    if asked == written:
        return True
    shorter, longer = sorted((asked, written), key=len)
    return len(shorter) >= MIN_PREFIX and longer.startswith(shorter)


@dataclass(frozen=True)
class Wording:
    """The terms a text uses, in sorted order: whether it uses a word (as `same_word` has it) is
    then a few binary searches, not a comparison with each term."""

    ordered: tuple[str, ...]

    def uses(self, word: str) -> bool:
        """Is `word` the same word (`same_word`) as one of the text's terms?"""
        # The term itself, or terms starting with it: they sort together, first among those not before it.
        found = self._first_from(word)
        if found == word or (found.startswith(word) and len(word) >= MIN_PREFIX):
            return True
        return len(word) > MIN_PREFIX and any(self.has(word[:k]) for k in range(MIN_PREFIX, len(word)))

    def _first_from(self, word: str) -> str:
        at = bisect_left(self.ordered, word)
        return self.ordered[at] if at < len(self.ordered) else ""

    def has(self, term: str) -> bool:
        """Is `term` itself one of the text's terms?"""
        return self._first_from(term) == term

    @property
    def terms(self) -> frozenset[str]:
        return frozenset(self.ordered)


def wording(words: Iterable[str]) -> Wording:
    return Wording(tuple(sorted(set(words))))


@lru_cache(maxsize=4096)  # the content's facts (about 1,500), read for every focused card
def wording_of_text(text: str) -> Wording:
    return wording(terms_once(text))  # remembered here, as its Wording


@lru_cache(maxsize=4096)
def opening_of_text(text: str) -> Wording:
    """The words a fact opens with: what it is about."""
    return wording(terms_once(text)[:LEAD_WORDS])


def read_facts(topics: Iterable[Topic]) -> None:
    """Work out every fact's Wording now (at start) rather than for the first question that needs it."""
    for topic in topics:
        for item in items_of(topic):
            wording_of_text(item.text)
            opening_of_text(item.text)


def joined(wordings: Iterable[Wording]) -> Wording:
    """The wording of several texts together."""
    return wording(term for w in wordings for term in w.ordered)


@lru_cache(maxsize=1024)  # an entry's facts, together: one per entry
def wording_of_texts(texts: tuple[str, ...]) -> Wording:
    return joined(wording_of_text(text) for text in texts)


def word_family(term: str, families: Sequence[frozenset[str]]) -> frozenset[str]:
    """Every word of the families (content's everyday kin, `Library.word_families`) `term` belongs to."""
    return frozenset(word for family in families if term in family for word in family)


def _default_order(topic: Topic) -> list[int]:
    """Rows that differ most first (a comparison is about differences), then figures, then points;
    for a role or a level, what it is (its points) before what it pays (its figures)."""
    items = items_of(topic)
    rows = [p for p, item in enumerate(items) if item.kind == "row"]
    rows.sort(key=lambda p: _similarity(topic, items[p].index))
    kinds: tuple[ItemKind, ...] = ("point", "figure") if isinstance(topic, Role | Level) else ("figure", "point")
    return [*rows, *(p for kind in kinds for p, item in enumerate(items) if item.kind == kind)]


def _similarity(topic: Topic, row: int) -> float:
    assert isinstance(topic, Comparison)
    return float(fuzz.token_set_ratio(topic.rows[row].left, topic.rows[row].right))


def _fill(
    topic: Topic, order: list[int], budget: int, asked_for: int = 0, asked_room: float = ASKED_ROOM
) -> tuple[int, ...]:
    """Items in `order` while they fit the budget (the first always does), shown in content order.
    The first `asked_for` items are the ones the question asks about: they may use more room, and
    when there are any, the card tops them up only to make a comparison a table."""
    items = items_of(topic)
    is_table = isinstance(topic, Comparison) and bool(topic.rows)
    budget = max(budget, TABLE_BUDGET) if is_table else budget
    # A comparison's first point is its curated headline difference: it goes with the table.
    headline = next((p for p, item in enumerate(items) if item.kind == "point"), -1)
    chosen: list[int] = []
    used = 0
    for rank, position in enumerate(dict.fromkeys([*order, headline] if is_table else order)):
        item = items[position]
        rows = sum(items[p].kind == "row" for p in chosen)
        if item.kind == "row" and rows >= TABLE_MAX_ROWS or len(chosen) >= FOCUS_MAX_ITEMS:
            continue
        must = not chosen or (is_table and (item.kind == "row" and rows < TABLE_MIN_ROWS or position == headline))
        room = budget * asked_room if rank < asked_for else (budget if not asked_for else 0)
        if must or used + _size(item) <= room:
            chosen.append(position)
            used += _size(item)
    return tuple(sorted(chosen))


def _size(item: Item) -> int:
    return len(item.text) + CITE_CHARS
