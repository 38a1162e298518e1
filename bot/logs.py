"""Logging: one line per record, key=value pairs from `extra`, never a token or a secret."""

from __future__ import annotations

import logging
import re

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


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(KeyValueFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
