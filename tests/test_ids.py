"""Action-id patterns: one listener for several ids matches exactly those ids."""

from __future__ import annotations

from bot import ids


def test_one_of_matches_exactly_the_ids_given() -> None:
    marks = ids.one_of(*ids.PROGRESS_MARKS)
    assert all(marks.search(mark) for mark in ids.PROGRESS_MARKS)  # Bolt matches a pattern with search()
    near = [ids.PROGRESS_DONE + "x", "x" + ids.PROGRESS_DONE, ids.PROGRESS_DONE + "\n", "aieng_progress_done_1"]
    assert not any(marks.search(other) for other in [*near, ids.PROGRESS_RESET_CONFIRM, ids.SHARE, ""])


def test_one_of_reads_ids_literally() -> None:
    assert ids.one_of("a.b").search("a.b") and not ids.one_of("a.b").search("axb")
