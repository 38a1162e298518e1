"""Matching speed: the distinct questions of bench/questions.txt (each as a slash command and as a
mention) through the real answer engine, side by side in one process with a naive baseline (difflib
over every entry's title, aliases and questions) on a fixed sample of them.

Rounds alternate whole passes: ours over every question (several times), then the baseline over
its sample (once). A question's time is its median over its samples; the mean and p99 are taken
across questions. The first pass (every cache empty, as a fresh worker meets them) is kept too.
Times are the thread's CPU time (time.thread_time), so other processes on a shared machine do not
count as ours.
"""

from __future__ import annotations

import difflib
import statistics
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bench.load import questions as distinct_questions
from bot.answering import Engine
from bot.config import DEFAULT_CONTENT_DIR
from bot.content import Library, load_library

DEV_SET = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "dev.yaml"
BOT_MENTION = "<@U0BOT> "  # what the eval scorer prefixes to mention cases


@dataclass(frozen=True)
class Question:
    text: str
    via: str


def dev_questions(path: Path = DEV_SET) -> list[Question]:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = []
    for case in cases:
        text = str(case.get("text") or "")
        via = str(case["via"])
        out.append(Question(BOT_MENTION + text if via == "mention" else text, via))
    return out


def distinct(vias: tuple[str, ...] = ("slash", "mention")) -> list[Question]:
    """Every line of bench/questions.txt, once per way in (mentions with the bot's mention in front)."""
    texts = distinct_questions()
    return [Question(BOT_MENTION + t if via == "mention" else t, via) for via in vias for t in texts]


def phrases(library: Library) -> list[str]:
    """The baseline's phrases: every entry's title, aliases and questions, lower-cased, distinct."""
    found = {p.lower() for e in library.entries.values() for p in (e.topic.title, *e.topic.aliases, *e.topic.questions)}
    return sorted(found)


def baseline(question: str, known: list[str]) -> list[str]:
    """The naive matcher: difflib's ratio against every phrase, best three (cutoff 0: always rank all)."""
    return difflib.get_close_matches(question.lower(), known, n=3, cutoff=0.0)


def percentile(values: list[float], pct: float) -> float:
    """Inclusive linear-interpolation percentile (pct in 0..100)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * pct / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def summary(per_question: list[float]) -> dict[str, float]:
    return {
        "mean_ms": statistics.fmean(per_question) * 1e3,
        "p50_ms": percentile(per_question, 50) * 1e3,
        "p99_ms": percentile(per_question, 99) * 1e3,
        "max_ms": max(per_question) * 1e3,
    }


BASELINE_SAMPLE = 60  # difflib takes ~0.1 s a question: every 12th question, not all of them


def run(
    reps: int = 2,
    ours_per_rep: int = 3,
    baseline_reps: int = 1,
    time_limit: float = 30.0,
    questions: list[Question] | None = None,
) -> dict[str, Any]:
    """`reps` rounds; in each, ours answers every question `ours_per_rep` times over, then (in the
    first `baseline_reps` rounds) the baseline its sample once: whole passes, so neither evicts
    the other's caches between questions. Stops early, after a whole round, when `time_limit` passes."""
    library = load_library(DEFAULT_CONTENT_DIR)
    engine = Engine(library)
    known = phrases(library)
    questions = questions if questions is not None else distinct()
    sampled = questions[:: max(1, len(questions) // BASELINE_SAMPLE)][:BASELINE_SAMPLE]
    # CPU time of this thread, not wall time: on a shared machine another process's turn on the
    # core would otherwise count as ours (the end-to-end figures are the wall-clock ones).
    clock = time.thread_time

    first_pass = []  # ours, cold: the first time each question is seen (typo cache empty)
    for q in questions:
        began = clock()
        engine.answer(q.text, q.via)
        first_pass.append(clock() - began)
    for q in sampled:  # warm-up of the baseline's code paths
        baseline(q.text, known[:50])

    ours: list[list[float]] = [[] for _ in questions]
    base: list[list[float]] = [[] for _ in sampled]
    deadline = time.perf_counter() + time_limit
    rounds = 0
    for _ in range(reps):
        for _ in range(ours_per_rep):
            for i, q in enumerate(questions):
                began = clock()
                engine.answer(q.text, q.via)
                ours[i].append(clock() - began)
        if rounds < baseline_reps:  # ~0.1 s a question: one pass costs ~10 s, and varies far less than ours
            for i, q in enumerate(sampled):
                began = clock()
                baseline(q.text, known)
                base[i].append(clock() - began)
        rounds += 1
        if time.perf_counter() > deadline:
            break
    ours_med = [statistics.median(t) for t in ours]
    base_med = [statistics.median(t) for t in base]
    slowest = sorted(zip(ours_med, questions, strict=True), key=lambda x: -x[0])[:10]
    return {
        "questions": len(questions),
        "baseline_questions": len(sampled),
        "phrases": len(known),
        "rounds": rounds,
        "ours_samples_per_question": rounds * ours_per_rep,
        "baseline_samples_per_question": min(rounds, baseline_reps),
        "ours": summary(ours_med),
        "ours_first_pass": summary(first_pass),
        "baseline": summary(base_med),
        "slowest_ours": [
            {"ms": round(t * 1e3, 3), "via": q.via, "text": q.text[:80] + ("…" if len(q.text) > 80 else "")}
            for t, q in slowest
        ],
    }
