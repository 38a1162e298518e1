"""Start and stop the servers under test; read their CPU time and memory from /proc (Linux)."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = ROOT / "bench" / "results" / "bench.sqlite3"
CLK_TCK = os.sysconf("SC_CLK_TCK")
START_TIMEOUT = 30.0  # seconds to wait for /healthz before giving up
STOP_TIMEOUT = 10.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(api_url: str, secret: str, port: int, workers: int) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "AIENG_"))}
    env.update(
        SLACK_API_URL=api_url,
        SLACK_BOT_TOKEN="xoxb-bench",
        SLACK_SIGNING_SECRET=secret,
        PORT=str(port),
        WEB_CONCURRENCY=str(workers),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
        # The bot's store (event memory, recorded questions) in a file of the bench's own, not the user's.
        DATABASE_URL=os.environ.get("AIENG_BENCH_DATABASE_URL") or f"sqlite:///{BENCH_DATABASE}",
    )
    return env


@dataclass
class Running:
    name: str
    proc: subprocess.Popen[bytes]
    port: int
    started: float  # perf_counter just before Popen
    ready_after: float | None = None  # seconds from Popen to the first 200 from /healthz

    @property
    def pid(self) -> int:
        return self.proc.pid

    def workers(self) -> list[int]:
        return children(self.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU of the master and its live workers."""
        return sum(cpu_seconds(pid) for pid in [self.pid, *self.workers()])

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(STOP_TIMEOUT)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(STOP_TIMEOUT)


def start(name: str, argv: list[str], env: dict[str, str], port: int, log: Path) -> Running:
    """Start a server and wait until GET /healthz answers 200 (the cold-start time)."""
    out = log.open("ab")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *argv], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    out.close()
    running = Running(name, proc, port, started)
    try:
        running.ready_after = wait_healthy(running)
    except RuntimeError as error:
        running.stop()
        tail = log.read_text(encoding="utf-8", errors="replace").splitlines()[-8:]
        raise RuntimeError(f"{error}; the end of {log}:\n" + "\n".join(tail)) from None
    except BaseException:
        running.stop()
        raise
    return running


def wait_healthy(running: Running) -> float:
    """Poll /healthz: refused connections are retried every 5 ms; an accepted one waits for its answer
    (gunicorn's master listens before a worker is ready, so the request queues until one accepts it)."""
    deadline = running.started + START_TIMEOUT
    while time.perf_counter() < deadline:
        if running.proc.poll() is not None:
            raise RuntimeError(f"{running.name} exited with {running.proc.returncode} before /healthz answered")
        conn = http.client.HTTPConnection("127.0.0.1", running.port, timeout=START_TIMEOUT)
        try:
            conn.request("GET", "/healthz")
            status = conn.getresponse().status
            if status == 200:
                return time.perf_counter() - running.started
        except (ConnectionError, http.client.HTTPException, OSError):
            pass
        finally:
            conn.close()
        time.sleep(0.005)
    raise RuntimeError(f"{running.name}: /healthz did not answer 200 within {START_TIMEOUT:.0f}s")


def children(pid: int) -> list[int]:
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            found += [int(p) for p in task.read_text().split()]
        except OSError:
            continue
    return found


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime


def memory_kb(pid: int) -> dict[str, int]:
    """VmHWM (peak resident), VmRSS and, where readable, Pss/Private (what the worker alone costs)."""
    out: dict[str, int] = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("VmHWM", "VmRSS"):
                out[key] = int(value.split()[0])
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            key, _, value = line.partition(":")
            if key in ("Pss", "Private_Clean", "Private_Dirty"):
                out[key] = int(value.split()[0])
    except OSError:
        pass
    if "Private_Clean" in out:
        out["Private"] = out.pop("Private_Clean") + out.pop("Private_Dirty", 0)
    return out
