"""`python -m bench` (`make bench`): matching, end to end, cold start and memory; one table on stdout,
progress on stderr, raw numbers in bench/results/latest.json. See bench/README.md."""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import subprocess
import sys
import time
from typing import Any

from bench import e2e, matching, procs
from bench.e2e import FLOOR_SAME, FLOOR_SAME_PBR, NULL, SHIPPED, Workload
from bench.fake_api import FakeApi

RESULTS = procs.ROOT / "bench" / "results"
P50_RATIO_1_CLIENT: dict[Workload, float] = {"distinct": 1.5, "mentions": 1.5, "repeated": 1.15}  # ours/floor
TARGETS: dict[str, float] = {
    "matching_p99_ms": 0.3,  # free questions (bench/questions.txt) through Engine.answer
    "cpu_ratio_16_clients": 1.3,  # server CPU per request, ours/floor
    "cold_start_s": 1.0,
    "rss_mb": 100.0,
}
WORKLOAD_NOTES: dict[Workload, str] = {
    "distinct": "distinct questions as /aieng, each sent once",
    "mentions": "distinct questions as app_mention events (event memory; reply posted after the ack)",
    "repeated": "20 slash texts repeated (warm caches)",
}

Row = tuple[str, str, str, str, str, str]


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def startup_breakdown() -> dict[str, Any]:
    """Where one worker's start-up goes, in a fresh interpreter (see bench/startup.py)."""
    with FakeApi() as api:
        env = procs.server_env(api.url, "bench-startup", procs.free_port(), 1)  # the port is only validated
        done = subprocess.run(
            [sys.executable, "-m", "bench.startup"], cwd=procs.ROOT, env=env, capture_output=True, text=True, timeout=60
        )
    if done.returncode != 0:
        return {"error": done.stderr[-2000:]}
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def machine() -> dict[str, Any]:
    model = ""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            model = next((line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")), "")
    except OSError:
        pass
    return {
        "cores": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "loadavg": os.getloadavg(),
    }


def fmt(value: float, unit: str = "") -> str:
    if value != value:  # NaN
        return "n/a"
    if unit == "x":
        return f"{value:.2f}x"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}" if abs(value) >= 1 else f"{value:.3f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def build_rows(m: dict[str, Any], summary: e2e.Summary, raw: dict[str, Any], startup: dict[str, Any]) -> list[Row]:
    med = summary.medians
    best_floor, best_ours = summary.floor_best, summary.ours_best
    rows: list[Row] = []

    def row(
        metric: str, ours: float, other: float, target: str = "", ok: bool | None = None, *, inverse: bool = False
    ) -> None:
        ratio = other / ours if inverse else ours / other
        rows.append((metric, fmt(ours), fmt(other), fmt(ratio, "x"), target, "" if ok is None else verdict(ok)))

    def note(metric: str) -> None:
        rows.append((metric, "", "", "", "", ""))

    note(
        f"HEADLINE  ours = `bot serve` as shipped ({raw['shipped_workers']} workers x 8 threads); floor = bare Bolt"
        " at its best settings for each client count; pooled over the rounds; ratio = ours/floor"
    )
    for workload in e2e.WORKLOADS:
        note(f"  {WORKLOAD_NOTES[workload]}")
        for c in e2e.CONCURRENCY:
            mine, base = summary.pooled[workload][SHIPPED][c], summary.pooled[workload][best_floor[c]][c]
            name = f"{c} client{'s' if c > 1 else ''}"
            note(f"    {name} ({mine.requests} requests each; floor {best_floor[c].label})")
            goal = P50_RATIO_1_CLIENT[workload] if c == 1 else None
            ok = None if goal is None else mine.p50_ms / base.p50_ms <= goal
            row("      p50 (ms)", mine.p50_ms, base.p50_ms, f"<= {goal}x" if goal else "", ok)
            row("      p99 (ms)", mine.p99_ms, base.p99_ms)
            cpu_goal = TARGETS["cpu_ratio_16_clients"] if c == 16 else None
            cpu_ok = None if cpu_goal is None else mine.server_cpu_us / base.server_cpu_us <= cpu_goal
            row(
                "      server CPU per request (us)",
                mine.server_cpu_us,
                base.server_cpu_us,
                f"<= {cpu_goal}x" if cpu_goal else "",
                cpu_ok,
            )

    o, b = m["ours"], m["baseline"]
    note(
        f"MATCHING  Engine.answer over {m['questions']} questions (bench/questions.txt as slash and as mention);"
        f" difflib on {m['baseline_questions']} of them; ratio = difflib/ours"
    )
    row("  mean per question (ms)", o["mean_ms"], b["mean_ms"], inverse=True)
    p99_ok = o["p99_ms"] < TARGETS["matching_p99_ms"]
    row("  p99 per question (ms)", o["p99_ms"], b["p99_ms"], "< 0.3 ms", p99_ok, inverse=True)
    first = m["ours_first_pass"]
    rows.append(
        (
            "  first pass, every cache empty: p50 / p99 (ms)",
            f"{fmt(first['p50_ms'])} / {fmt(first['p99_ms'])}",
            "",
            "",
            "",
            "",
        )
    )

    note("REPEATED TEXTS, MORE SETTINGS  (medians of the rounds; ratio = ours/floor)")
    for c in e2e.CONCURRENCY:
        row(
            f"    requests/s, {c:2d} client(s), floor {best_floor[c].label}",
            med[SHIPPED][c].rps,
            med[best_floor[c]][c].rps,
        )
    note(f"  same settings: {FLOOR_SAME_PBR.label} (2 workers x 8 threads, process_before_response, like ours)")
    for c in e2e.CONCURRENCY:
        row(f"    p50, {c:2d} client(s) (ms)", med[SHIPPED][c].p50_ms, med[FLOOR_SAME_PBR][c].p50_ms)
    note("  ours at its best settings vs floor at its best")
    for c in e2e.CONCURRENCY:
        row(f"    p50, {c:2d}: {best_ours[c].label} (ms)", med[best_ours[c]][c].p50_ms, med[best_floor[c]][c].p50_ms)
    fb16 = med[best_floor[16]][16]
    row("    load client's CPU vs floor server's, 16 (us)", fb16.client_cpu_us, fb16.server_cpu_us)
    note(f"  calibration: {NULL.label} = gunicorn + client, no Bolt, no signature check")
    row("    p50, 1 client: null vs floor (ms)", med[NULL][1].p50_ms, med[best_floor[1]][1].p50_ms)
    row("    requests/s, 16: null vs floor", med[NULL][16].rps, fb16.rps)

    note("START AND MEMORY  (ratio = ours/floor)")
    cold = raw["cold_start_s"]
    ours_cold, floor_cold = _median(cold[SHIPPED.label]), _median(cold[FLOOR_SAME.label])
    row("  cold start to /healthz 200 (s)", ours_cold, floor_cold, "< 1 s", ours_cold < TARGETS["cold_start_s"])
    mem = raw["memory"]
    ours_mb, floor_mb = mem[SHIPPED.label]["peak_rss_mb"], mem[FLOOR_SAME.label]["peak_rss_mb"]
    row("  peak RSS of a worker after load (MB)", ours_mb, floor_mb, "< 100 MB", ours_mb < TARGETS["rss_mb"])
    return rows


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


def table(rows: list[Row]) -> str:
    header: Row = ("metric", "ours", "baseline/floor", "ratio", "target", "result")
    cells = [header, *(r for r in rows if r[1])]  # section notes span the line, outside the columns
    widths = [max(len(r[i]) for r in cells) for i in range(6)]

    def line(r: Row) -> str:
        if not r[1] and r is not header:
            return r[0]
        cells = [r[0].ljust(widths[0])] + [r[i].rjust(widths[i]) for i in range(1, 5)] + [r[5]]
        return "  ".join(cells).rstrip()

    rule = "-" * (sum(widths) + 10)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def main() -> int:
    began = time.perf_counter()
    when = dt.datetime.now().astimezone()
    info = machine()
    say(f"aieng bench, {when:%Y-%m-%d %H:%M %Z}, {info['cores']} cores, load average {info['loadavg'][0]:.2f}")
    took: dict[str, float] = {}
    say("startup breakdown (one fresh interpreter)")
    startup = startup_breakdown()
    took["startup_s"] = time.perf_counter() - began
    say("matching: the distinct questions through Engine.answer and difflib")
    m = matching.run()
    took["matching_s"] = time.perf_counter() - began - sum(took.values())
    raw, summary = e2e.run(say)
    took["e2e_s"] = time.perf_counter() - began - sum(took.values())
    info["loadavg_after"] = os.getloadavg()
    rows = build_rows(m, summary, raw, startup)
    errors = sum(p.errors for by in summary.pooled.values() for by_c in by.values() for p in by_c.values())

    out = table(rows)
    print(f"aieng bench  {when:%Y-%m-%d %H:%M %Z}  {info['cores']} cores ({info['cpu']})  Python {info['python']}")
    print(out)
    if errors:
        print(f"WARNING: {errors} failed or non-200 requests during the measured runs (see latest.json)")
    if raw["workers_replaced_during_load"]:
        print(f"WARNING: gunicorn replaced workers during the load: {raw['workers_replaced_during_load']}")
    if "error" in startup:
        print("WARNING: the start-up breakdown failed (see latest.json: startup.error)")
    unanswered = {k: n - raw["mention_replies_posted"].get(k, 0) for k, n in raw["mentions_sent"].items()}
    if any(n > 0 for n in unanswered.values()):
        print(f"WARNING: mentions without a posted reply: {unanswered}")
    if raw["web_api_calls_during_load"]:
        print(f"WARNING: Web API calls during the load: {raw['web_api_calls_during_load']}")
    elapsed = time.perf_counter() - began
    RESULTS.mkdir(parents=True, exist_ok=True)
    result = {
        "date": when.isoformat(timespec="seconds"),
        "machine": info,
        "elapsed_s": elapsed,
        "steps_s": took,
        "targets": {**TARGETS, "p50_ratio_1_client": P50_RATIO_1_CLIENT},
        "matching": m,
        "startup": startup,
        "e2e": raw,
        "table": [dict(zip(("metric", "ours", "baseline", "ratio", "target", "result"), r, strict=True)) for r in rows],
        "all_phases_ok": errors == 0,
        "median_phase_errors": errors,
    }
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"({elapsed:.0f} s; raw numbers in bench/results/latest.json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
