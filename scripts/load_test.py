"""A bounded local load test: signed /aieng slash commands against `python -m bot serve`, on loopback.

    make load                                        # 50 concurrent clients for 30 seconds
    .venv/bin/python scripts/load_test.py --clients 50 --seconds 30 [--json]

It starts a fake Slack Web API (bench/fake_api.py) and `python -m bot serve` as shipped (its own
defaults: WEB_CONCURRENCY=2 workers x 8 threads, LOG_LEVEL=INFO) on 127.0.0.1, checks that every
slash text in the mix is answered with a card, then runs the clients of bench/load.py: one thread
and one keep-alive connection each, sending back to back until the time is up or --max-requests
have been sent. It prints the errors (transport failures and non-200 answers), p50 and p99 latency
and requests per second, and checks the server's log: one request line per answered request, no
ERROR and no traceback. Exit status 1 if anything failed. Nothing leaves the machine.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import secrets
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import load, procs  # noqa: E402  (the repository root is on the path only from here)
from bench.fake_api import FakeApi  # noqa: E402
from bench.matching import percentile  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--clients", type=int, default=50, help="concurrent clients (default 50)")
    parser.add_argument("--seconds", type=float, default=30.0, help="how long to send (default 30)")
    parser.add_argument("--max-requests", type=int, default=500_000, help="stop after this many in all")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = parser.parse_args(argv)
    if not (1 <= args.clients <= 500 and 0 < args.seconds <= 600 and args.max_requests >= args.clients):
        parser.error("--clients 1..500, --seconds up to 600, --max-requests at least --clients")

    secret = secrets.token_hex(16)
    log = Path(tempfile.mkdtemp(prefix="aieng-load-")) / "server.log"
    with FakeApi() as api:
        port = procs.free_port()
        env = procs.server_env(api.url, secret, port, workers=2)
        for name in ("WEB_CONCURRENCY", "LOG_LEVEL"):
            env.pop(name)  # as shipped: the server's own defaults
        print(f"starting python -m bot serve on 127.0.0.1:{port} (log: {log})", file=sys.stderr)
        server = procs.start("bot serve", ["-m", "bot", "serve", "--port", str(port)], env, port, log)
        try:
            load.check(port, secret, b'"blocks"')  # every text in the mix answers with a card
            before = _request_lines(log)
            print(f"{args.clients} clients for {args.seconds:g} s ...", file=sys.stderr)
            run = load.run(port, secret, args.clients, args.seconds, args.max_requests)
        finally:
            server.stop()
        api_calls = api.snapshot()

    logged = _request_lines(log) - before
    log_text = log.read_text(errors="replace")
    problems = [line for line in log_text.splitlines() if " ERROR " in line or "Traceback" in line]
    ms = sorted(x * 1000 for x in run.latencies)
    figures = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "clients": args.clients,
        "seconds": round(run.wall, 1),
        "requests": run.count,
        "errors": run.errors,
        "statuses": {str(k): v for k, v in sorted(run.statuses.items())},
        "p50_ms": round(percentile(ms, 50), 1) if ms else None,
        "p99_ms": round(percentile(ms, 99), 1) if ms else None,
        "max_ms": round(ms[-1], 1) if ms else None,
        "requests_per_second": round(run.rps, 1),
        "request_log_lines": logged,
        "error_log_lines": len(problems),
        "web_api_calls": api_calls,
    }
    ok = run.errors == 0 and run.count > 0 and not problems and logged == run.count
    if args.json:
        print(json.dumps(figures))
    else:
        print(
            f"{figures['date']}, {figures['nproc']} CPUs: {args.clients} clients, {figures['seconds']} s, "
            f"{run.count} requests\n"
            f"  errors: {run.errors} (statuses {figures['statuses']})\n"
            f"  p50: {figures['p50_ms']} ms   p99: {figures['p99_ms']} ms   max: {figures['max_ms']} ms\n"
            f"  throughput: {figures['requests_per_second']} requests/s\n"
            f"  server log: {logged} request lines for {run.count} requests, {len(problems)} ERROR/traceback lines\n"
            f"  Web API calls: {api_calls}"
        )
    for line in problems[:10]:
        print(f"  log: {line}", file=sys.stderr)
    return 0 if ok else 1


def _request_lines(log: Path) -> int:
    try:
        return sum(1 for line in log.read_text(errors="replace").splitlines() if " aieng.requests: " in line)
    except FileNotFoundError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
