"""Which phase of a roadmap a question names: by all the words of its id ("week 3" -> week-3), of its
numbered title ("step 2" -> "Step 2: Expand ML knowledge") or of one of its aliases ("ml foundations",
"make the switch": the names people give a phase, from content)."""

from __future__ import annotations

from functools import lru_cache

from bot.models import Phase, Roadmap
from bot.text import STOPWORDS, stem, words


def asked_stems(question_words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(stem(w) for w in question_words)


def phase_index(roadmap: Roadmap, asked: frozenset[str]) -> int | None:
    """The phase the question names with the most words, or None; None too when a longer name of
    the roadmap itself holds that phase's name ("the data scientist transition" names the whole
    move, not its step called "Transition")."""
    best: tuple[frozenset[str], int] | None = None
    for index, phase in enumerate(roadmap.phases):
        for name in [*_own_names(phase), *alias_names(phase)]:
            if name <= asked and (best is None or len(name) > len(best[0])):
                best = (name, index)
    if best is None or any(best[0] < whole <= asked for whole in _roadmap_names(roadmap)):
        return None
    return best[1]


def _roadmap_names(roadmap: Roadmap) -> list[frozenset[str]]:
    return [_alias_name(name) for name in (roadmap.title, *roadmap.aliases)]


# "what comes after the llm skills step", "just wrapped the ml basics part": that phase is done.
REACHED = frozenset({"after", "beyond", "wrapped", "finished", "completed", "past"})
REACHED_PAIRS = frozenset({("done", "with"), ("through", "with"), ("got", "through")})
REACHED_SPAN = 6  # the words after such a marker that name what is done ("the ml basics part of")


def reached_positions(question_words: tuple[str, ...]) -> set[int]:
    """Positions of the words that name what the person has already done: the few words after
    "after", "beyond", "wrapped", "finished", "done with" ... (see REACHED)."""
    reached: set[int] = set()
    for i, word in enumerate(question_words):
        pair = (question_words[i - 1], word) if i else ("", word)
        if word in REACHED or pair in REACHED_PAIRS:
            reached.update(range(i + 1, min(i + 1 + REACHED_SPAN, len(question_words))))
    return reached


def words_past(question_words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that name what the person has already reached (see reached_positions)."""
    reached = reached_positions(question_words)
    return tuple(w for i, w in enumerate(question_words) if i in reached)


def words_ahead(question_words: tuple[str, ...]) -> tuple[str, ...]:
    """The words that do not name what the person has already reached."""
    reached = reached_positions(question_words)
    return tuple(w for i, w in enumerate(question_words) if i not in reached)


# A question that says "phase" or "step" names a phase by its id's words too ("the engineering
# skills phase"); without it those words are everyday ones ("what engineering skills do I need").
PHASE_WORDS = frozenset(stem(w) for w in ("phase", "phases", "step", "steps", "stage", "part"))


def phase_by_word(roadmap: Roadmap, question_words: tuple[str, ...]) -> int | None:
    """The phase a question names by one word beside "phase", "part" or "step" ("the LLM part",
    "the mlops step"): the one phase of the roadmap whose names use that word, if only one does."""
    before = {stem(question_words[i - 1]) for i, w in enumerate(question_words) if i and stem(w) in PHASE_WORDS}
    before -= PHASE_WORDS | {stem(w) for w in STOPWORDS}
    named = {
        index
        for index, phase in enumerate(roadmap.phases)
        for name in [*_own_names(phase), *alias_names(phase), _title_name(phase)]
        if name & before
    }
    return named.pop() if len(named) == 1 else None


def phase_by_steps(roadmap: Roadmap, question_words: tuple[str, ...]) -> int | None:
    """The one phase whose steps name every word of `question_words` that any step of the roadmap
    uses ("the RAG stuff": the phase with "Build your first RAG application"), if only one does."""
    steps = [{stem(w) for step in phase.steps for w in words(step.title)} for phase in roadmap.phases]
    wanted = {stem(w) for w in question_words if w not in STOPWORDS} & set().union(*steps)
    named = [index for index, used in enumerate(steps) if wanted and wanted <= used]
    return named[0] if len(named) == 1 else None


def named_by_alias(roadmap: Roadmap, asked: frozenset[str]) -> bool:
    """Does the question name one of the roadmap's phases by an alias, or by its id's words beside
    the word "phase" or "step" (evidence for the roadmap itself)?"""
    id_names = [_id_name(phase) for phase in roadmap.phases] if PHASE_WORDS & asked else []
    return any(name <= asked for phase in roadmap.phases for name in [*alias_names(phase), *id_names])


def alias_names(phase: Phase) -> list[frozenset[str]]:
    return [name for alias in phase.aliases if (name := _alias_name(alias))]


@lru_cache(maxsize=1024)  # the content's phase aliases (a few dozen), read on most questions
def _alias_name(alias: str) -> frozenset[str]:
    return frozenset(stem(w) for w in words(alias) if w not in STOPWORDS)


def _id_name(phase: Phase) -> frozenset[str]:
    return frozenset(stem(w) for w in phase.id.split("-"))


def _title_name(phase: Phase) -> frozenset[str]:
    return _title_words(phase.title)


@lru_cache(maxsize=1024)  # the content's phase titles
def _title_words(title: str) -> frozenset[str]:
    """The words of a phase's title after its number ("Add LLM expertise")."""
    _, _, name = title.rpartition(":")
    return frozenset(stem(w) for w in words(name) if w not in STOPWORDS)


def _own_names(phase: Phase) -> list[frozenset[str]]:
    names = [_id_name(phase)]
    number, colon, _ = phase.title.partition(":")
    if colon and any(ch.isdigit() for ch in number):
        names.append(frozenset(stem(w) for w in words(number)))
    return names
