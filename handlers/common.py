"""What the surfaces share: the one structured log line per request."""

from __future__ import annotations

import logging
import time

from bot.answering import Reply

request_log = logging.getLogger("aieng.requests")


def log_request(kind: str, reply: Reply | None, started: float) -> None:
    """One line per request: its type, topic, outcome and latency; never the person's text."""
    request_log.info(
        "request",
        extra={
            "type": kind,
            "topic": (reply.topic_id if reply else None) or "-",
            "outcome": reply.kind if reply else "none",
            "ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )
