"""Text in, Query out: the `/aieng <topic> [arguments]` grammar and free questions share one parse."""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.entities import Entities, EntityIndex, Found
from bot.text import clean_question, sentence_weights, split_words

# The grammar's topic words and the abbreviations people type for them.
COMMAND_WORDS: dict[str, tuple[str, ...]] = {
    "help": ("help", "commands", "usage", "?"),
    "salary": ("salary", "salaries", "sal", "pay", "comp", "compensation"),
    "role": ("role", "roles"),
    "compare": ("compare", "comparison", "cmp", "versus"),
    "skills": ("skills", "skill"),
    "roadmap": ("roadmap", "roadmaps"),
    "hire": ("hire", "hiring"),
    "levels": ("levels", "level", "ladder"),
    "interview": ("interview", "interviews"),
    "learn": ("learn", "learning"),
    "market": ("market", "demand"),
}
COMMAND_TYPO_MIN_LENGTH = 4  # shorter words must be exact: "sal" yes, "sa" no
QUESTION_OPENERS = frozenset(
    "what whats how hows why who which when where is are do does did can could should would will any "
    "anyone tips".split()
)
# "10 yoe", "3-4 years of experience", "6 yrs in": a person's experience, which places them at a level.
_EXPERIENCE = re.compile(
    r"\b(\d{1,2})(?:\s*[-–]\s*(\d{1,2}))?\s*\+?\s*"
    r"(?:yoe|years?\s+of\s+exp\w*|yrs?\s+of\s+exp\w*|years?\s+exp\w*|yrs?\s+exp\w*|years?\s+in\b|yrs?\s+in\b)",
    re.IGNORECASE,
)
_WORD_TO_COMMAND = {word: command for command, ws in COMMAND_WORDS.items() for word in ws}


@dataclass(frozen=True)
class Query:
    """What a person asked: the cleaned text, the grammar topic if any, and the things it names."""

    text: str
    command: str | None
    words: tuple[str, ...]
    entities: Entities
    is_question: bool

    @property
    def argument_text(self) -> str:
        return " ".join(self.words)


def parse(text: str, index: EntityIndex, *, grammar: bool) -> Query:
    """Parse `text`; with `grammar` (slash commands, short DMs) a leading topic word is a command."""
    cleaned = clean_question(text)
    written = split_words(cleaned)
    command = command_word(written[0]) if grammar and written else None
    if not cleaned or (grammar and not written):
        command = "help"
    args = written[1:] if command and written else written
    lowered = [w.lower() for w in args]
    opens = _sentence_openings(cleaned, offset=len(written) - len(args))
    entities = index.extract(lowered, strict_case=None if command else args, opens=opens)
    if not entities.ids("level"):
        entities.found += _levels_by_experience(cleaned, lowered, index)
    return Query(cleaned, command, tuple(lowered), entities, is_question(cleaned))


def _sentence_openings(cleaned: str, offset: int) -> frozenset[int]:
    """Positions among the words after the first `offset` that open a sentence other than the first."""
    opens, position = set(), -offset
    for sentence, _ in sentence_weights(cleaned):
        if position > 0:
            opens.add(position)
        position += len(split_words(sentence))
    return frozenset(opens)


def _levels_by_experience(text: str, lowered: list[str], index: EntityIndex) -> list[Found]:
    """Levels a question names by years of experience, when it names none by title."""
    said = _EXPERIENCE.search(text)
    if not said:
        return []
    years = [int(n) for n in said.groups() if n]
    start = lowered.index(said.group(1)) if said.group(1) in lowered else 0
    # The whole "3 years of experience" names the level: what follows it follows the level
    # ("what can an AI engineer with 3 years of experience expect").
    length = max(1, min(len(split_words(said.group(0))), len(lowered) - start))
    levels = dict.fromkeys(lv for n in years for lv in index.levels_for_years(n))
    return [Found("level", lv, start, length, False) for lv in levels]


def command_word(word: str) -> str | None:
    """The command a first word names, tolerating typos in longer words."""
    word = word.lower()
    if word in _WORD_TO_COMMAND:
        return _WORD_TO_COMMAND[word]
    if len(word) < COMMAND_TYPO_MIN_LENGTH:
        return None
    allowed = 1 if len(word) <= 5 else 2  # edits, a swap of neighbours counting as one ("roel", "salray")
    best = process.extractOne(word, list(_WORD_TO_COMMAND), scorer=OSA.distance, score_cutoff=allowed)
    return _WORD_TO_COMMAND[best[0]] if best else None


def is_question(text: str) -> bool:
    """Does a channel message ask something? (Used to decide whether to speak up unasked.)"""
    lowered = split_words(text.lower())
    return text.rstrip().endswith("?") or bool(lowered and lowered[0] in QUESTION_OPENERS)
