"""Logging: one line per record, key=value pairs from `extra`, never a token or a secret."""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}
_SECRET = re.compile(r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+")


class KeyValueFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line = super().format(record)
        extras = " ".join(f"{k}={_quote(v)}" for k, v in record.__dict__.items() if k not in _STANDARD)
        return _SECRET.sub("[redacted]", f"{line} {extras}".rstrip())


def _quote(value: object) -> str:
    text = str(value)
    return repr(text) if (" " in text or not text) else text


class JsonLinesFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        fields = {k: v for k, v in record.__dict__.items() if k not in _STANDARD}
        return json.dumps({"time": self.formatTime(record), "event": record.getMessage(), **fields}, default=str)


def configure_logging(level: str, gap_log: Path | None = None) -> None:
    """Key=value lines on stderr at `level`; unanswered questions to `gap_log` as JSON Lines, if given."""
    handler = logging.StreamHandler()
    handler.setFormatter(KeyValueFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    gaps = logging.getLogger("aieng.gaps")
    gaps.handlers.clear()
    gaps.propagate = gap_log is None
    if gap_log is not None:
        file_handler = logging.FileHandler(gap_log, encoding="utf-8")
        file_handler.setFormatter(JsonLinesFormatter())
        gaps.addHandler(file_handler)
        gaps.setLevel(logging.DEBUG)
