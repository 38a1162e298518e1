"""Our overhead against the floor's without sockets, gunicorn or client noise: both WSGI apps (the
bot as `bot serve` builds it, with its store; the bare-Bolt floor with `process_before_response`)
in this one process, called directly with the same signed requests, one app after the other.

    python -m bench.inprocess [--workload distinct|repeated|mentions] [--limit N] [--profile ours|floor] [--top N]

Per request: the CPU time of the calling thread (`time.thread_time`) from the call to the end of the
body. Mentions are acknowledged on the request thread and answered by a lazy listener on Bolt's
executor, so for them the figure is the acknowledgement only; their whole cost is the process CPU
per request over the phase, waiting for every reply to be posted to the fake API (which runs in this
process too, for both). `--profile` runs cProfile over one app's requests (after a warm-up) and
prints the functions by their own and cumulative time. Not part of `make bench`: see bench/README.md.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
import uuid
from collections.abc import Callable, Iterable
from typing import Any

from bench import load, procs
from bench.fake_api import FakeApi

Wsgi = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]
DATABASE = procs.ROOT / "bench" / "results" / "inprocess.sqlite3"
SECRET = "bench-inprocess"
POSTS = ("chat.postMessage", "chat.postEphemeral")


def environ(body: bytes, headers: dict[str, str]) -> dict[str, Any]:
    env: dict[str, Any] = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": load.EVENTS_PATH,
        "QUERY_STRING": "",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "3000",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "CONTENT_LENGTH": str(len(body)),
        "CONTENT_TYPE": headers["Content-Type"],
        "wsgi.input": io.BytesIO(body),
        "wsgi.url_scheme": "http",
    }
    for name, value in headers.items():
        if name != "Content-Type":
            env["HTTP_" + name.upper().replace("-", "_")] = value
    return env


def call(app: Wsgi, request: load.Request) -> tuple[str, bytes]:
    status: list[str] = []

    def start_response(line: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
        status.append(line)

    body = b"".join(app(environ(*request), start_response))
    return status[0], body


def build_apps(api_url: str) -> dict[str, Wsgi]:
    os.environ.update(
        SLACK_API_URL=api_url,
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_SIGNING_SECRET=SECRET,
        LOG_LEVEL="WARNING",
        DATABASE_URL=f"sqlite:///{DATABASE}",
    )
    for key in [k for k in os.environ if k.startswith("AIENG_") or k in ("SLACK_APP_TOKEN", "SLACK_CLIENT_ID")]:
        del os.environ[key]
    DATABASE.parent.mkdir(parents=True, exist_ok=True)
    DATABASE.unlink(missing_ok=True)
    from bench.servers import floor_app, ours_app
    from bot.config import load_settings
    from bot.store.store import open_store

    open_store(load_settings().database_url).close()  # migrated, as `bot serve` does before the workers
    return {"ours": ours_app(False), "floor": floor_app(True)}


def requests_for(workload: str, texts: list[str]) -> list[load.Request]:
    if workload == "mentions":
        return load.mention_requests(SECRET, texts, uuid.uuid4().hex[:8])
    return load.slash_requests(SECRET, texts)


def texts_for(workload: str, limit: int) -> list[str]:
    if workload == "repeated":
        return [load.SLASH_TEXTS[i % len(load.SLASH_TEXTS)] for i in range(limit)]
    return load.questions()[:limit]


def wait_for_posts(api: FakeApi, expected: int, timeout: float = 60.0) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        calls = api.snapshot()
        if sum(n for path, n in calls.items() if path.endswith(POSTS)) >= expected:
            return
        time.sleep(0.005)
    raise RuntimeError(f"fewer than {expected} replies were posted within {timeout:.0f} s")


def measure(apps: dict[str, Wsgi], api: FakeApi, workload: str, texts: list[str]) -> dict[str, dict[str, float]]:
    """Every text to each app in turn; the per-request thread CPU, p50 / p90 / mean in ms."""
    per_app: dict[str, list[float]] = {name: [] for name in apps}
    process_cpu: dict[str, float] = dict.fromkeys(apps, 0.0)
    for app in apps.values():  # one warm-up request each (first-use imports and caches)
        call(app, requests_for("repeated", ["help"])[0])
    for name, app in apps.items():
        requests = requests_for(workload, texts)
        before = api.snapshot()
        cpu0 = time.process_time()
        for request in requests:
            began = time.thread_time()
            status, _ = call(app, request)
            per_app[name].append(time.thread_time() - began)
            if not status.startswith("200"):
                raise RuntimeError(f"{name}: HTTP {status}")
        if workload == "mentions":
            wait_for_posts(api, sum(n for p, n in before.items() if p.endswith(POSTS)) + len(requests))
        process_cpu[name] = time.process_time() - cpu0
    out = {}
    for name, samples in per_app.items():
        ordered = sorted(samples)
        out[name] = {
            "p50_ms": statistics.median(ordered) * 1e3,
            "p90_ms": ordered[int(0.9 * (len(ordered) - 1))] * 1e3,
            "mean_ms": statistics.fmean(ordered) * 1e3,
            "process_cpu_per_request_ms": process_cpu[name] / len(samples) * 1e3,
        }
    return out


def profile(app: Wsgi, workload: str, texts: list[str], top: int) -> str:
    requests = requests_for(workload, texts)
    profiler = cProfile.Profile()
    profiler.enable()
    for request in requests:
        call(app, request)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.inprocess")
    parser.add_argument("--workload", choices=["distinct", "repeated", "mentions"], default="distinct")
    parser.add_argument("--limit", type=int, default=724, help="how many requests (questions) per app")
    parser.add_argument("--profile", choices=["ours", "floor"])
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    texts = texts_for(args.workload, args.limit)
    with FakeApi() as api:
        apps = build_apps(api.url)
        if args.profile:
            call(apps[args.profile], requests_for("repeated", ["help"])[0])
            print(profile(apps[args.profile], args.workload, texts, args.top))
            return 0
        result = measure(apps, api, args.workload, texts)
    ours, floor = result["ours"], result["floor"]
    print(f"{args.workload}: {len(texts)} requests per app, CPU of the request thread (ms)")
    for key in ("p50_ms", "p90_ms", "mean_ms", "process_cpu_per_request_ms"):
        print(f"  {key:28} ours {ours[key]:7.3f}  floor {floor[key]:7.3f}  ratio {ours[key] / floor[key]:5.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
