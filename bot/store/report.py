"""`python -m bot report`: what people asked and how the answers did, for the people who keep the content.

    {"since": "2026-11-01T00:00:00+00:00",
     "counts": {"answer": n, "choices": n, "fallback": n, "none_of_these": n, "picked": n},
     "feedback": [{"topic_id", "up", "down", "comments": [...]}],         most 👎 first
     "unanswered": [{"text", "count", "examples": [...]}],                 most asked first
     "picked": [{"ref", "topic_id", "count", "examples": [...]}]}          most picked first

Unanswered questions (fallbacks and "None of these") are grouped by similarity with rapidfuzz, so
"rust jobs?" and "Rust jobs" count as one question asked twice.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import Engine

from bot.store.feedback import Feedback, feedback_since
from bot.store.questions import Question, questions_since
from bot.store.schema import OUTCOMES

SIMILAR = 80  # token_sort_ratio at or above which two unanswered questions count as one
MAX_EXAMPLES = 3
TOP = 20
UNANSWERED: tuple[str, ...] = ("fallback", "none_of_these")
_NOT_WORD = re.compile(r"[^\w\s]+")


@dataclass
class Group:
    text: str  # the most frequent wording
    key: str  # its normalised form, compared with the others
    wordings: Counter[str] = field(default_factory=Counter)

    @property
    def count(self) -> int:
        return sum(self.wordings.values())

    def as_json(self) -> dict[str, Any]:
        examples = [text for text, _ in self.wordings.most_common(MAX_EXAMPLES)]
        return {"text": self.text, "count": self.count, "examples": examples}


def build_report(engine: Engine, since: datetime, top: int = TOP) -> dict[str, Any]:
    asked = questions_since(engine, since)
    return {
        "since": since.isoformat(),
        "counts": _counts(asked),
        "feedback": _feedback(feedback_since(engine, since))[:top],
        "unanswered": [g.as_json() for g in group_similar([q.text for q in asked if q.outcome in UNANSWERED])][:top],
        "picked": _picked(asked)[:top],
    }


def _counts(asked: list[Question]) -> dict[str, int]:
    counted = Counter(q.outcome for q in asked)
    return {outcome: counted.get(outcome, 0) for outcome in OUTCOMES}


def _feedback(votes: list[Feedback]) -> list[dict[str, Any]]:
    topics: dict[str, dict[str, Any]] = {}
    for vote in votes:
        topic = vote.topic_id or vote.card_ref
        entry = topics.setdefault(topic, {"topic_id": topic, "up": 0, "down": 0, "comments": []})
        entry[vote.vote] += 1
        if vote.comment:
            entry["comments"].append(vote.comment)
    return sorted(topics.values(), key=lambda e: (-e["down"], e["up"], e["topic_id"]))


def _picked(asked: list[Question]) -> list[dict[str, Any]]:
    picks: dict[str, list[Question]] = defaultdict(list)
    for question in asked:
        if question.outcome == "picked" and question.picked_ref:
            picks[question.picked_ref].append(question)
    rows = [
        {
            "ref": ref,
            "topic_id": chosen[0].topic_id,
            "count": len(chosen),
            "examples": [t for t, _ in Counter(q.text for q in chosen).most_common(MAX_EXAMPLES)],
        }
        for ref, chosen in picks.items()
    ]
    return sorted(rows, key=lambda r: (-r["count"], r["ref"]))


def normalise(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text.lower()).split())


def group_similar(texts: list[str]) -> list[Group]:
    """Groups of similar texts, largest first; each named by its most frequent wording."""
    groups: list[Group] = []
    for text, count in Counter(texts).most_common():
        key = normalise(text)
        found = process.extractOne(key, [g.key for g in groups], scorer=fuzz.token_sort_ratio, score_cutoff=SIMILAR)
        group = groups[found[2]] if found else None
        if group is None:
            group = Group(text, key)
            groups.append(group)
        group.wordings[text] += count
    return sorted(groups, key=lambda g: (-g.count, g.text))


def render_text(report: dict[str, Any]) -> str:
    """The report for a person to read."""
    counts = report["counts"]
    feedback = [
        f"  {f['topic_id']}: {f['up']} 👍, {f['down']} 👎" + _comments(f["comments"]) for f in report["feedback"]
    ]
    unanswered = [f"  {u['count']}× {u['text']}" + _also(u) for u in report["unanswered"]]
    picked = [f"  {p['count']}× {p['ref']} (asked as: {'; '.join(p['examples'])})" for p in report["picked"]]
    lines = [
        f"Since {report['since']}",
        "Questions: " + ", ".join(f"{counts[o]} {o.replace('_', ' ')}" for o in OUTCOMES),
        "",
        "Feedback, most 👎 first:",
        *(feedback or ["  (none)"]),
        "",
        "Unanswered (fallbacks and None of these), most asked first:",
        *(unanswered or ["  (none)"]),
        "",
        '"Did you mean" choices picked:',
        *(picked or ["  (none)"]),
    ]
    return "\n".join(lines) + "\n"


def _comments(comments: list[str]) -> str:
    return "".join(f"\n      - {c}" for c in comments)


def _also(group: dict[str, Any]) -> str:
    others = [e for e in group["examples"] if e != group["text"]]
    return f" (also: {'; '.join(others)})" if others else ""
