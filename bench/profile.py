"""Profile one `bot serve` worker under the benchmark's load with py-spy (not a project dependency:
`.venv/bin/pip install py-spy` first). Not part of `make bench`.

    python -m bench.profile [--clients 16] [--seconds 6] [--mode gil|idle] [--floor] [--top 25]

--mode gil  samples only the thread holding the GIL: where the CPU goes (the default).
--mode idle samples every thread, sleeping or not, and reports the threads serving a request:
            where a request's wall time goes.
--floor     profiles the bare-Bolt floor (floor 1x8, Bolt's default ack) instead of the bot.
Raw samples are kept in bench/results/profile-<mode>-<clients>.txt (py-spy's "raw" format).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from bench import load, procs
from bench.fake_api import FakeApi

RESULTS = procs.ROOT / "bench" / "results"


def summarize(raw: Path, top: int, only: str = "") -> str:
    """Inclusive and self shares; with `only`, just the samples whose stack has a frame containing it."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        stack, count = line.rsplit(" ", 1)
        frames = stack.split(";")
        if only and not any(only in f for f in frames):
            continue
        n = int(count)
        total += n
        for frame in {re.sub(r":\d+\)$", ")", f) for f in frames}:
            inclusive[frame] += n
        own[frames[-1]] += n  # with its line number
    out = [f"{total} samples" + (f" in stacks through {only}" if only else ""), "inclusive (function):"]
    out += [f"  {100 * n / total:5.1f}%  {f}" for f, n in inclusive.most_common(top)]
    out += ["self (function:line):"]
    out += [f"  {100 * n / total:5.1f}%  {f}" for f, n in own.most_common(top)]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.profile")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=6.0)
    parser.add_argument("--mode", choices=["gil", "idle"], default="gil")
    parser.add_argument("--floor", action="store_true")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or shutil.which("py-spy")
    if not spy:
        print("py-spy is not installed: .venv/bin/pip install py-spy", file=sys.stderr)
        return 2
    RESULTS.mkdir(parents=True, exist_ok=True)
    raw = RESULTS / f"profile-{'floor-' if args.floor else ''}{args.mode}-{args.clients}.txt"
    secret = "bench-profile"
    with FakeApi() as api:
        port = procs.free_port()
        if args.floor:
            argv = ["-m", "bench.servers", "floor", "--workers", "1", "--threads", "8", "--port", str(port)]
        else:
            argv = ["-m", "bot", "serve", "--port", str(port)]
        env = procs.server_env(api.url, secret, port, workers=1)  # one worker: one process to sample
        server = procs.start("profiled", argv, env, port, RESULTS / "servers.log")
        try:
            load.run(port, secret, args.clients, 1.0, 20_000)  # warm up
            worker = server.workers()[0]
            flags = ["--gil"] if args.mode == "gil" else ["--idle"]
            command = [spy, "record", "--pid", str(worker), "--rate", "500", "--format", "raw", "--nonblocking"]
            command += ["--duration", str(int(args.seconds)), "--output", str(raw), *flags]
            recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            time.sleep(0.5)
            run = load.run(port, secret, args.clients, args.seconds - 1.0, 200_000)
            _, err = recorder.communicate(timeout=args.seconds + 30)
            if recorder.returncode != 0:
                print(err.decode(errors="replace"), file=sys.stderr)
                return 1
        finally:
            server.stop()
    print(f"{run.count} requests at {args.clients} clients, {run.rps:.0f}/s, {run.errors} errors; raw: {raw}")
    # Idle mode: only the gunicorn threads serving a request (not idle executor or poller threads).
    print(summarize(raw, args.top, "ThreadWorker.handle_request" if args.mode == "idle" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
