"""Find the things a question names (levels, locations, roles, tracks, ...) by the words content gives them.

The same extraction serves the slash grammar and free questions: "sal sr sf" and "what do senior
AI engineers make in the bay area?" both yield level=senior, location=san-francisco.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.content import Library
from bot.text import STOPWORDS, stem, words

MAX_PHRASE_WORDS = 4
YEARS_LABEL = "years of experience"  # level figures with this label give the level's years
_RANGE = re.compile(r"(\d+)\s*[–-]\s*(\d+)")
_OPEN = re.compile(r"(\d+)\s*\+")
FUZZY_MIN_LENGTH = 5  # shorter words must match exactly: "ds" is not a typo of "de"

# The kinds of things a query can name, in the order a card cares about them.
KINDS = (
    "level",
    "location",
    "specialization",
    "company_type",
    "role",
    "roadmap",
    "background",
    "nearest_for",
    "hire",
    "skill",
    "learn",
    "profession",
    "measure",
)
# A level or place the question sets aside ("in London, not the national avg") is not asked about.
NEGATABLE = frozenset({"level", "location", "specialization", "company_type", "measure"})
NEGATIONS = frozenset({"not", "no", "excluding", "except", "without", "besides", "nor", "outside"})
# Two words that set aside what follows them ("other than the bay area", "apart from senior").
NEGATION_PAIRS = frozenset(
    {("other", "than"), ("rather", "than"), ("apart", "from"), ("instead", "of"), ("outside", "of")}
)
NEGATION_SKIPS = frozenset({"the", "a", "an", "just", "only", "for", "in"})
# A list set aside together ("not sf/ny", "excluding london or berlin"): "/" and "," leave no word.
LIST_JOINS = frozenset({"or", "and", "nor"})
# Someone in the asker's story rather than what is asked about: a role or job followed by what it
# said or did ("hr asking my expected ctc", "my manager says", "our data scientist built a model").
# Saying is enough; doing needs "our"/"my" before the role ("what do ai engineers build" asks).
ACTORS = frozenset({"role", "profession"})
SAYING = frozenset(
    "ask asks asked asking say says said saying tell tells told telling want wants wanted think thinks thought "
    "suggest suggests suggested mention mentioned offer offers offered offering quote quoted claim claims claimed "
    "insist insists insisted reckon reckons keep keeps kept expect expects expected".split()
)
# The forms of SAYING a lone person never takes ("the recruiter offer" is no sentence): after one
# person's name such a word is a noun the name qualifies ("an ai engineer offer").
BARE_SAYING = frozenset("ask say tell want think suggest mention offer quote claim insist reckon keep expect".split())
DOING = frozenset("built made wrote trained created developed shipped sent gave handed left".split())
OWNERS = frozenset({"our", "my", "their", "his", "her", "your"})
ACTOR_SKIPS = frozenset({"is", "was", "has", "had", "just", "already", "also", "recently"})
# A level word after "my", "our", ... is a person ("my lead in bengaluru asked me", "our staff") unless
# it goes on to what it qualifies ("our senior engineers", "my junior role", "our staff ml team").
LEVEL_QUALIFIES = frozenset(
    stem(w)
    for w in "engineer engineers eng engs dev devs developer developers role roles level levels position positions "
    "title ic ics hire hires folks people team teams salary pay comp band offer package ai ml llm mle swe sde".split()
)
SELF_WORDS = frozenset({"im", "am", "as", "being"})  # "I'm a data scientist, asked to ...": the asker
# Who is asking: "I'm a data scientist", "data scientist here"; "as a" or "being a" only where its
# sentence opens ("as a backend dev, ..."): "how do I work as a prompt engineer" asks about being one.
ASKER_WORDS = frozenset({"im", "am"})
ASKER_OPENERS = frozenset({"as", "being"})
# A word followed by one of these is a verb ("settle a debate"), not a mistyped name ("seattle").
ARTICLES = frozenset({"a", "an", "the"})
DETERMINERS = ARTICLES | OWNERS | frozenset({"this", "that", "these", "those", "some"})
# An everyday word that is also a place's name ("us") names the place in lower case too right after
# what it qualifies, a level, role or measure or a noun for pay ("senior us", "ai engineer us",
# "salary us"): no object pronoun follows a noun. After "pay", a verb as often, it does not.
NAME_BEFORE_PLACE = frozenset({"level", "role", "measure", "specialization", "company_type"})
PAY_NOUNS = frozenset("salary salaries sal comp compensation tc wage wages".split())
EXACT_ONLY = frozenset({"profession"})  # "layer" is not a typo of "lawyer": other jobs are named exactly


@dataclass(frozen=True)
class Found:
    kind: str
    id: str
    start: int  # word position in the query
    length: int  # number of words matched
    exact: bool


@dataclass
class Entities:
    found: list[Found] = field(default_factory=list)
    set_aside: list[Found] = field(default_factory=list)  # named after "not", "except", ... (NEGATIONS)
    askers: list[Found] = field(default_factory=list)  # names that say who is asking ("data scientist here")

    def ids(self, kind: str) -> list[str]:
        seen: list[str] = []
        for f in self.found:
            if f.kind == kind and f.id not in seen:
                seen.append(f.id)
        return seen

    def first(self, kind: str) -> str | None:
        ids = self.ids(kind)
        return ids[0] if ids else None

    def covered(self) -> set[int]:
        return {f.start + i for f in self.found for i in range(f.length)}


class EntityIndex:
    """Alias phrases (as stemmed word tuples) for each kind of thing, built once from the Library."""

    def __init__(self, library: Library, content_words: frozenset[str] = frozenset()) -> None:
        self.phrases: dict[tuple[str, ...], list[tuple[str, str]]] = defaultdict(list)
        # A word the articles use is itself, not a typo of a name: "match" is not "batch".
        self.content_words = content_words
        for kind, ident, names in _named_things(library):
            for name in names:
                key = tuple(stem(w) for w in words(name))
                if key and (kind, ident) not in self.phrases[key]:
                    self.phrases[key].append((kind, ident))
        # Names of what the articles do not cover are matched only as written: "based" is not Basel.
        self.exact_only = {(k, i) for k, i, _ in _named_things(library) if k in EXACT_ONLY}
        self.exact_only |= {("location", d.id) for d in library.locations.values() if not _has_figures(library, d.id)}
        self._closest = lru_cache(maxsize=4096)(self._closest_uncached)
        self.year_ranges = list(_year_ranges(library))
        self.rests = {frozenset(d.besides): (d.within, d.id) for d in library.locations.values() if d.besides}
        self.single_words = sorted(k[0] for k in self.phrases if len(k) == 1 and len(k[0]) >= FUZZY_MIN_LENGTH)

    def extract(
        self, raw_words: list[str], *, strict_case: list[str] | None = None, opens: frozenset[int] = frozenset()
    ) -> Entities:
        """Longest phrases first; then single-word typos. `strict_case` guards words like "us"; `opens`
        are the positions that open a sentence."""
        stems = [stem(w) for w in raw_words]
        taken = [False] * len(stems)
        found: list[Found] = []
        for length in range(MAX_PHRASE_WORDS, 0, -1):
            for start in range(len(stems) - length + 1):
                if any(taken[start : start + length]):
                    continue
                key = tuple(stems[start : start + length])
                hits = self.phrases.get(key)
                if not hits or (length == 1 and not _plausible(raw_words, start, strict_case)):
                    continue
                found += [Found(kind, ident, start, length, True) for kind, ident in hits]
                taken[start : start + length] = [True] * length
        found += self._typos(stems, taken, raw_words)
        found += self._places_after_names(stems, taken, raw_words, found)
        found += self._levels_of_who(stems, raw_words, found)
        found = [f for f in found if not (f.kind in ACTORS and _actor(raw_words, f, opens))]
        found = [f for f in found if not (f.kind == "level" and _owned_person(raw_words, f))]
        found.sort(key=_order)
        kept, set_aside = _without_set_aside(found, raw_words)
        kept = self._rest_of_place(kept, set_aside)
        return Entities(kept, set_aside, [f for f in kept if _introduces_asker(raw_words, f, opens)])

    def _places_after_names(
        self, stems: list[str], taken: list[bool], raw_words: list[str], found: list[Found]
    ) -> Iterable[Found]:
        """Lower-case "us" right after a name or pay noun, or before a place inside it set aside ("us
        but not sf"), is the country (see NAME_BEFORE_PLACE)."""
        ends = {f.start + f.length for f in found if f.kind in NAME_BEFORE_PLACE}
        for i, word in enumerate(stems):
            hits = [h for h in self.phrases.get((word,), []) if h[0] == "location"]
            if taken[i] or not hits or raw_words[i] not in STOPWORDS:
                continue
            if i in ends or (i > 0 and raw_words[i - 1] in PAY_NOUNS) or _sets_aside_after(raw_words, i, found):
                taken[i] = True
                yield from (Found(kind, ident, i, 1, True) for kind, ident in hits)

    def _levels_of_who(self, stems: list[str], raw_words: list[str], found: list[Found]) -> Iterable[Found]:
        """A hiring topic's name said of who one is ("what can I expect as an entry level hire"): the
        level inside it is the person's level too."""
        for f in found:
            if f.kind != "hire" or not _said_as_who(raw_words, f.start):
                continue
            for length in range(f.length - 1, 0, -1):
                for start in range(f.start, f.start + f.length - length + 1):
                    levels = [i for k, i in self.phrases.get(tuple(stems[start : start + length]), []) if k == "level"]
                    if levels:
                        yield from (Found("level", lv, start, length, True) for lv in levels)
                        return

    def _rest_of_place(self, kept: list[Found], set_aside: list[Found]) -> list[Found]:
        """The US with SF and NY set aside ("us but not sf/nyc", "not sf or ny") is the place that is
        its rest (`besides`): the wider place, or no place, becomes that one."""
        aside = frozenset(f.id for f in set_aside if f.kind == "location")
        rest = self.rests.get(aside)
        if rest is None:
            return kept
        within, ident = rest
        places = [f for f in kept if f.kind == "location"]
        if any(f.id not in (within, ident) for f in places):
            return kept
        first = min(set_aside, key=lambda f: f.start)
        anchor = places[0] if places else first
        others = [f for f in kept if f.kind != "location"]
        return sorted([*others, Found("location", ident, anchor.start, anchor.length, True)], key=_order)

    def levels_for_years(self, years: int) -> list[str]:
        """The levels whose years of experience (as the articles give them) include `years`: the
        closed ranges first ("8-12 years" for 10), else the open one starting nearest below ("12+")."""
        closed = [lv for lv, low, high in self.year_ranges if high is not None and low <= years <= high]
        if closed:
            return list(dict.fromkeys(closed))
        open_ended = [(low, lv) for lv, low, high in self.year_ranges if high is None and low <= years]
        top = max((low for low, _ in open_ended), default=None)
        return list(dict.fromkeys(lv for low, lv in open_ended if low == top))

    def engineer_role(self, word: str) -> str | None:
        """The role a bare qualifier names in a comparison: "ml" as in "ml engineer", "ai" as in "ai engineer"."""
        for kind, ident in self.phrases.get((stem(word), stem("engineer")), []):
            if kind == "role":
                return ident
        return None

    def _typos(self, stems: list[str], taken: list[bool], raw_words: list[str]) -> Iterable[Found]:
        for i, word in enumerate(stems):
            if taken[i] or len(word) < FUZZY_MIN_LENGTH or word in STOPWORDS or word in self.content_words:
                continue
            if i + 1 < len(raw_words) and raw_words[i + 1] in DETERMINERS:
                continue
            best = self._closest(word)
            if best and not _grown_from(word, best):
                for kind, ident in self.phrases[(best,)]:
                    if (kind, ident) not in self.exact_only:
                        yield Found(kind, ident, i, 1, False)

    def _closest_uncached(self, word: str) -> str | None:
        allowed = 1 if len(word) <= 7 else 2  # edits; swapping two neighbours counts as one
        best = process.extractOne(word, self.single_words, scorer=OSA.distance, score_cutoff=allowed)
        return str(best[0]) if best else None


def _order(f: Found) -> tuple[int, int]:
    return f.start, KINDS.index(f.kind)


def _said_as_who(raw_words: list[str], start: int) -> bool:
    """Does "as" (or "being") stand before `start`, over "a"/"an" ("as an entry level hire")?"""
    i = start - 1
    while i >= 0 and raw_words[i] in ("a", "an"):
        i -= 1
    return i >= 0 and raw_words[i] in ("as", "being")


def _sets_aside_after(raw_words: list[str], i: int, found: list[Found]) -> bool:
    """Is the word at `i` followed ("but" allowed between) by a negation and a place ("us but not sf")?"""
    j = i + 1 + (raw_words[i + 1 : i + 2] == ["but"])
    if j >= len(raw_words) or raw_words[j] not in NEGATIONS:
        return False
    return any(f.kind == "location" and f.start > j and _negated(raw_words, f.start) for f in found)


def _grown_from(word: str, name: str) -> bool:
    """Is the word the name with letters added at one end ("refresher" is "fresher" with "re"): another
    word made from it, not a typo of it. One letter more ("seniorr") is still a slip."""
    return name in word and len(word) - len(name) > 1


def _year_ranges(library: Library) -> Iterable[tuple[str, int, int | None]]:
    for level in library.levels.values():
        for figure in level.figures:
            if not figure.label.lower().startswith(YEARS_LABEL):
                continue
            if bounded := _RANGE.search(figure.value):
                yield level.id, int(bounded.group(1)), int(bounded.group(2))
            elif open_ended := _OPEN.search(figure.value):
                yield level.id, int(open_ended.group(1)), None


def _has_figures(library: Library, place: str) -> bool:
    """Does any figure name this place or a place it lies within?"""
    around = {place}
    while (parent := library.locations[place].within) and parent not in around:
        around.add(parent)
        place = parent
    return any(around & set(f.locations) for f in library.salary_figures)


def _plausible(raw_words: list[str], index: int, strict_case: list[str] | None) -> bool:
    """A one-word alias that is also an everyday word ("us") counts only in capitals or after "the"."""
    word = raw_words[index]
    if word not in STOPWORDS or (index > 0 and raw_words[index - 1] == "the"):
        return True
    return strict_case is not None and strict_case[index].isupper()


def _named_things(library: Library) -> Iterable[tuple[str, str, list[str]]]:
    for level in library.levels.values():
        yield "level", level.id, [level.title, level.id, *level.aliases]
    for kind, dims in (
        ("location", library.locations),
        ("specialization", library.specializations),
        ("company_type", library.company_types),
    ):
        for dim in dims.values():
            yield kind, dim.id, [dim.name, *dim.aliases, *dim.people]
    # "which companies pay the most": a question across a dimension names every one of its values.
    for dimension, phrases in library.asked_across.items():
        kind = {"company_types": "company_type", "specializations": "specialization"}[dimension]
        for ident in getattr(library, dimension):
            yield kind, ident, list(phrases)
    for role in library.roles.values():
        yield "role", role.id, [role.title, *role.aliases]
    for roadmap in library.roadmaps.values():
        yield "roadmap", roadmap.id, [roadmap.title, *roadmap.aliases]
        yield "background", roadmap.id, roadmap.backgrounds
        for near in roadmap.nearest_for:
            yield "nearest_for", near.id, [near.name, *near.aliases]
    for kind, entry_kind in (("hire", "hire"), ("skill", "skills"), ("learn", "learn")):
        for topic in library.of_kind(entry_kind):
            yield kind, topic.id, [topic.title, *topic.aliases]
    for job in library.other_professions.values():
        yield "profession", job.id, job.aliases
    for measure in library.pay_measures.values():
        yield "measure", measure.id, measure.aliases


def _actor(raw_words: list[str], f: Found, opens: frozenset[int]) -> bool:
    """Is the role or job at `f` someone in the story, by what follows it in its sentence (see ACTORS)?
    ("a fair salary for a nurse? asking for a friend": the next sentence's asking is the person's)"""
    i = f.start + f.length
    while i < len(raw_words) and i not in opens and raw_words[i] in ACTOR_SKIPS:
        i += 1
    if i >= len(raw_words) or i in opens:
        return False
    before = [w for w in raw_words[max(0, f.start - 2) : f.start] if w not in {"a", "an"}]
    if before and before[-1] in SELF_WORDS:
        return False
    owned = f.start > 0 and raw_words[f.start - 1] in OWNERS
    if raw_words[i] in BARE_SAYING and not raw_words[f.start + f.length - 1].endswith("s"):
        return False  # "my first ai eng offer": one engineer never "offer"s; the two words name one thing
    return raw_words[i] in SAYING or (owned and raw_words[i] in DOING)


def _owned_person(raw_words: list[str], f: Found) -> bool:
    """Is the level at `f` someone the asker has ("my lead", "our staff") rather than a level asked about?"""
    owned = f.start > 0 and raw_words[f.start - 1] in OWNERS
    named_with = raw_words[f.start + 1 : f.start + f.length + 1]  # "my senior ai engineer" is one name
    return owned and not any(stem(w) in LEVEL_QUALIFIES for w in named_with)


def _introduces_asker(raw_words: list[str], f: Found, opens: frozenset[int]) -> bool:
    """Does the name at `f` say who is asking: "data scientist here", "I'm a data scientist", "as
    an ML engineer" opening its sentence (see ASKER_WORDS)?"""
    if raw_words[f.start + f.length : f.start + f.length + 1] == ["here"]:
        return True
    i = f.start - 1
    while i >= 0 and raw_words[i] in ("a", "an"):
        i -= 1
    return i >= 0 and (raw_words[i] in ASKER_WORDS or (raw_words[i] in ASKER_OPENERS and (i == 0 or i in opens)))


def _without_set_aside(found: list[Found], raw_words: list[str]) -> tuple[list[Found], list[Found]]:
    """The found things less those a negation sets aside, with the rest of a list it starts (in
    "not sf/ny" New York is set aside as San Francisco is), and those set aside. `found` is in word order."""
    kept: list[Found] = []
    set_aside: list[Found] = []
    for f in found:
        if f.kind in NEGATABLE and (
            _negated(raw_words, f.start) or _listed_after(set_aside, f, raw_words) or _measure_of(set_aside, f)
        ):
            set_aside.append(f)
        else:
            kept.append(f)
    return kept, set_aside


def _negated(raw_words: list[str], start: int) -> bool:
    """Is the word at `start` set aside by a negation just before it ("not the national", "excluding US",
    "other than the bay area")?"""
    i = start - 1
    while i >= 0 and raw_words[i] in NEGATION_SKIPS:
        i -= 1
    return i >= 0 and (raw_words[i] in NEGATIONS or (i > 0 and (raw_words[i - 1], raw_words[i]) in NEGATION_PAIRS))


def _measure_of(set_aside: list[Found], f: Found) -> bool:
    """Is `f` the measure of a thing set aside just before it ("not the national average")?"""
    return f.kind == "measure" and any(before.start + before.length == f.start for before in set_aside)


def _listed_after(set_aside: list[Found], f: Found, raw_words: list[str]) -> bool:
    """Does `f` continue a list of its own kind that a negation set aside ("not sf or ny")?"""
    for before in set_aside:
        if before.kind != f.kind:
            continue
        between = raw_words[before.start + before.length : f.start]
        if len(between) <= 1 and set(between) <= LIST_JOINS:
            return True
    return False
