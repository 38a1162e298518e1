"""The load client: signed Slack requests over persistent HTTP/1.1 connections (http.client), one
connection per client thread, every loop bounded by a request count and a deadline.

Three workloads: SLASH_TEXTS repeated (`/aieng` with 20 texts, cycled: warm caches), and the distinct
questions of bench/questions.txt, each sent once, as `/aieng` commands or as app_mention events
(each with its own event_id, so the event memory sees every one as new)."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import http.client
import itertools
import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

EVENTS_PATH = "/slack/events"
# Realistic slash texts: commands with typos and abbreviations, and free questions.
SLASH_TEXTS = (
    "salary senior",
    "salary senior germany",
    "sal sr sf",
    "salery senoir",
    "role mle",
    "roadmap swe",
    "roadmap ds",
    "compare ai ml",
    "hire",
    "hire staff augmentation",
    "skills",
    "levels",
    "interview",
    "learn",
    "market",
    "help",
    "",
    "how do I move from data science into AI engineering?",
    "what do senior AI engineers make in the bay area?",
    "is a masters degree needed to become an ai engineer",
)


QUESTIONS_FILE = Path(__file__).resolve().parent / "questions.txt"
BOT_USER = "UBOT"  # the user_id bench/fake_api.py's auth.test gives the bot
Request = tuple[bytes, dict[str, str]]


def questions() -> list[str]:
    """The distinct questions, in the file's order (one a line, as people type them)."""
    lines = QUESTIONS_FILE.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip()]


def sign(secret: str, timestamp: str, body: bytes) -> str:
    base = b"v0:" + timestamp.encode() + b":" + body
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def slash_body(text: str, n: int) -> bytes:
    return urlencode(
        {
            "token": "legacy-verification-token",
            "team_id": "T1",
            "team_domain": "bench",
            "channel_id": "C0BENCH",
            "channel_name": "general",
            "user_id": f"U{n % 97:04d}BENCH",
            "user_name": "bench",
            "command": "/aieng",
            "text": text,
            "api_app_id": "A0AIENG",
            "is_enterprise_install": "false",
            "response_url": "http://127.0.0.1:9/response/1",
            "trigger_id": f"{int(time.time())}.{n}.0123456789abcdef",
        }
    ).encode()


def mention_body(text: str, n: int, run_id: str) -> bytes:
    """An Events API app_mention callback, as Slack sends it (JSON), with its own event_id."""
    ts = f"{int(time.time())}.{n:06d}"
    event = {
        "type": "app_mention",
        "user": f"U{n % 97:04d}BENCH",
        "text": f"<@{BOT_USER}> {text}",
        "ts": ts,
        "channel": "C0BENCH",
        "event_ts": ts,
    }
    envelope = {
        "token": "legacy-verification-token",
        "team_id": "T1",
        "api_app_id": "A0AIENG",
        "event": event,
        "type": "event_callback",
        "event_id": f"Ev{run_id}{n:06d}",
        "event_time": int(time.time()),
        "authorizations": [{"team_id": "T1", "user_id": BOT_USER, "is_bot": True, "is_enterprise_install": False}],
    }
    return json.dumps(envelope).encode()


def signed(secret: str, bodies: list[bytes], content_type: str) -> list[Request]:
    """Each body with Slack's headers, signed now (valid for 5 minutes)."""
    timestamp = str(int(time.time()))
    return [
        (
            body,
            {
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": timestamp,
                "X-Slack-Signature": sign(secret, timestamp, body),
            },
        )
        for body in bodies
    ]


def slash_requests(secret: str, texts: list[str]) -> list[Request]:
    return signed(secret, [slash_body(text, n) for n, text in enumerate(texts)], "application/x-www-form-urlencoded")


def mention_requests(secret: str, texts: list[str], run_id: str) -> list[Request]:
    """app_mention events; `run_id` keeps event_ids distinct across calls (a repeat would be dropped)."""
    return signed(secret, [mention_body(text, n, run_id) for n, text in enumerate(texts)], "application/json")


def signed_requests(secret: str, count: int = 200) -> list[Request]:
    """`count` signed slash commands cycling through SLASH_TEXTS."""
    return slash_requests(secret, [text for _, text in zip(range(count), itertools.cycle(SLASH_TEXTS), strict=False)])


@dataclass
class Run:
    concurrency: int
    wall: float = 0.0
    latencies: list[float] = field(default_factory=list)  # seconds, every completed request
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    client_cpu: float = 0.0  # CPU seconds the whole client process used during the run

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.count / self.wall if self.wall else 0.0


def run(
    port: int,
    secret: str,
    concurrency: int,
    seconds: float,
    max_requests: int,
    once: list[Request] | None = None,
) -> Run:
    """`concurrency` threads, each on its own keep-alive connection, sending back to back until
    `seconds` pass or `max_requests` (in all) are sent. Latency is request() to the body read.

    With `once`, those requests are sent instead, each exactly once (the threads take the next one
    in turn) until all are sent or `seconds` pass; otherwise the repeated slash texts, cycled."""
    requests = once if once is not None else signed_requests(secret)
    per_thread = len(requests) if once is not None else max(1, max_requests // concurrency)
    taken = itertools.count()  # shared by the threads in `once` mode (next() is atomic in CPython)
    result = Run(concurrency)
    lock = threading.Lock()
    barrier = threading.Barrier(concurrency + 1)
    deadline_box: list[float] = []

    def client(index: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        with contextlib.suppress(OSError):  # connect outside the timed part; request() retries if it failed
            conn.connect()
        mine: list[float] = []
        errors = 0
        statuses: dict[int, int] = {}
        barrier.wait()
        deadline = deadline_box[0]
        try:
            for i in range(per_thread):
                if time.perf_counter() >= deadline:
                    break
                if once is not None:
                    n = next(taken)
                    if n >= len(requests):
                        break
                    body, headers = requests[n]
                else:
                    body, headers = requests[(index * 7 + i) % len(requests)]
                began = time.perf_counter()
                try:
                    conn.request("POST", EVENTS_PATH, body, headers)
                    response = conn.getresponse()
                    response.read()
                except (OSError, http.client.HTTPException):
                    errors += 1
                    conn.close()
                    continue
                mine.append(time.perf_counter() - began)
                statuses[response.status] = statuses.get(response.status, 0) + 1
                if response.status != 200:
                    errors += 1
        finally:
            conn.close()
            with lock:
                result.latencies += mine
                result.errors += errors
                for status, n in statuses.items():
                    result.statuses[status] = result.statuses.get(status, 0) + n

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(concurrency)]
    for t in threads:
        t.start()
    cpu0 = time.process_time()
    began = time.perf_counter()
    deadline_box.append(began + seconds)
    barrier.wait()
    for t in threads:
        t.join(seconds + 35)
    result.wall = time.perf_counter() - began
    result.client_cpu = time.process_time() - cpu0
    return result


def check(port: int, secret: str, must_contain: bytes) -> None:
    """Send every slash text once; raise unless each answers 200 with `must_contain` in its body."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        for text, (body, headers) in zip(SLASH_TEXTS, signed_requests(secret, len(SLASH_TEXTS)), strict=True):
            conn.request("POST", EVENTS_PATH, body, headers)
            response = conn.getresponse()
            data = response.read()
            if response.status != 200 or must_contain not in data:
                raise RuntimeError(f"/aieng {text!r} on port {port}: HTTP {response.status}, body {data[:200]!r}")
    finally:
        conn.close()
