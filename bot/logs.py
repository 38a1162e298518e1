"""Logging: one line per record, key=value pairs from `extra`, never a token or a secret.

slack_sdk logs every failed attempt of a Web API or response_url request at ERROR ("Failed to send
a request to Slack API server: timed out"), retried or not. The error boundary logs each failure
that matters once, saying what the person was told, so those lines are demoted to DEBUG here.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

_STANDARD = set(logging.LogRecord("", 0, "", 0, "", None, None).__dict__) | {"message", "asctime"}
# Tokens, and Slack's webhook and response_url addresses (anyone holding one can post as the bot).
_SECRET = re.compile(r"xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+|https?://hooks\.slack(?:-gov)?\.com/[^\s'\"]+")
_SDK_ATTEMPT_FAILED = "Failed to send a request to Slack API server"


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


class DemoteSdkAttemptFailures(logging.Filter):
    """slack_sdk's per-attempt ERROR lines become DEBUG lines (shown only when the level is DEBUG)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if not (record.name.startswith("slack_sdk.") and str(record.msg).startswith(_SDK_ATTEMPT_FAILED)):
            return True
        record.levelno, record.levelname = logging.DEBUG, "DEBUG"
        return logging.getLogger().isEnabledFor(logging.DEBUG)


def configure_logging(level: str, gap_log: Path | None = None) -> None:
    """Key=value lines on stderr at `level`; unanswered questions to `gap_log` as JSON Lines, if given."""
    handler = logging.StreamHandler()
    handler.setFormatter(KeyValueFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(DemoteSdkAttemptFailures())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Alembic narrates every migration check at INFO (twice per start, and into the local chat).
    logging.getLogger("alembic").setLevel(max(logging.WARNING, logging.getLevelName(level)))
    gaps = logging.getLogger("aieng.gaps")
    gaps.handlers.clear()
    gaps.propagate = gap_log is None
    if gap_log is not None:
        file_handler = logging.FileHandler(gap_log, encoding="utf-8")
        file_handler.setFormatter(JsonLinesFormatter())
        gaps.addHandler(file_handler)
        gaps.setLevel(logging.DEBUG)
