"""End to end: signed /aieng slash commands against `python -m bot serve` and a bare-Bolt floor on the
same stack, all on 127.0.0.1, plus cold start and worker memory. See bench/README.md."""

from __future__ import annotations

import secrets
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from bench import load, procs, servers
from bench.fake_api import FakeApi
from bench.matching import percentile

LOG = procs.ROOT / "bench" / "results" / "servers.log"
CONCURRENCY = (1, 16)


@dataclass(frozen=True)
class Config:
    """One server to measure. app: "bot-serve" (`python -m bot serve` as shipped, its own defaults),
    "ours" (the bot's WSGI app under other settings), "floor" (bare Bolt) or "null" (no Bolt)."""

    app: str
    workers: int = 2
    threads: int = 8
    pbr: bool = False  # Bolt's process_before_response

    @property
    def label(self) -> str:
        if self.app == "bot-serve":
            return "bot serve (as shipped)"
        mode = " pbr" if self.pbr else ""
        return f"{self.app} {self.workers}x{self.threads}{mode}"

    def argv(self, port: int) -> list[str]:
        if self.app == "bot-serve":
            return ["-m", "bot", "serve", "--port", str(port)]
        argv = ["-m", "bench.servers", self.app, "--workers", str(self.workers), "--threads", str(self.threads)]
        return [*argv, *(["--process-before-response"] if self.pbr else []), "--port", str(port)]


SHIPPED = Config("bot-serve")
FLOOR_SAME = Config("floor", 2, 8)  # bot serve's settings: 2 workers x 8 threads, Bolt's default ack mode
FLOOR_SAME_PBR = Config("floor", 2, 8, pbr=True)  # always in the final rounds: a one-run sweep can misjudge
NULL = Config("null", 2, 8)
FLOOR_GRID = (
    FLOOR_SAME,
    Config("floor", 1, 1, True),
    Config("floor", 1, 8, True),
    Config("floor", 2, 1, True),
    Config("floor", 2, 4, True),
    FLOOR_SAME_PBR,
)
OURS_GRID = (SHIPPED, Config("ours", 2, 4), Config("ours", 2, 16))  # 1 worker: always slowest at 16 clients


@dataclass
class Phase:
    p50_ms: float
    p99_ms: float
    rps: float
    requests: int
    errors: int
    client_cpu_us: float  # per request
    server_cpu_us: float  # per request, master + workers

    @staticmethod
    def median(phases: list[Phase]) -> Phase:
        def med(get: Callable[[Phase], float]) -> float:
            return statistics.median(get(p) for p in phases)

        return Phase(
            med(lambda p: p.p50_ms),
            med(lambda p: p.p99_ms),
            med(lambda p: p.rps),
            sum(p.requests for p in phases),
            sum(p.errors for p in phases),
            med(lambda p: p.client_cpu_us),
            med(lambda p: p.server_cpu_us),
        )


class Bench:
    def __init__(self, api: FakeApi, say: Callable[[str], None]) -> None:
        self.api = api
        self.secret = "bench-" + secrets.token_hex(12)
        self.say = say
        self.running: dict[Config, procs.Running] = {}
        self.cold: dict[str, list[float]] = {}

    # -- servers ---------------------------------------------------------------------------------

    def start(self, config: Config) -> procs.Running:
        port = procs.free_port()
        slug = config.label.replace(" ", "-").replace("(", "").replace(")", "")
        env = procs.server_env(self.api.url + slug + "/", self.secret, port, config.workers)
        if config.app == "bot-serve":
            env.pop("WEB_CONCURRENCY")  # as shipped: the bot's own default
        LOG.parent.mkdir(parents=True, exist_ok=True)
        key = f"{slug}/auth.test"
        seen = self.api.snapshot().get(key, 0)
        running = procs.start(config.label, config.argv(port), env, port, LOG)
        self.running[config] = running
        # /healthz answers once the first worker is up; wait for the others (each calls auth.test once
        # it has loaded everything) so no measurement overlaps a worker still starting.
        deadline = time.perf_counter() + procs.START_TIMEOUT
        while self.api.snapshot().get(key, 0) - seen < len(running.workers()) and time.perf_counter() < deadline:
            time.sleep(0.01)
        return running

    def server(self, config: Config) -> procs.Running:
        return self.running.get(config) or self.start(config)

    def stop(self, config: Config) -> None:
        running = self.running.pop(config, None)
        if running:
            running.stop()

    def stop_all(self) -> None:
        for config in list(self.running):
            self.stop(config)

    # -- measurements ----------------------------------------------------------------------------

    def cold_starts(self, configs: Iterable[Config], times: int) -> None:
        """Start each config `times` times, alternating; the last start of each is left running."""
        configs = list(configs)
        for i in range(times):
            for config in configs:
                self.stop(config)
                running = self.start(config)
                assert running.ready_after is not None
                self.cold.setdefault(config.label, []).append(running.ready_after)
                if i < times - 1:
                    self.stop(config)

    def warm(self, config: Config) -> None:
        port = self.server(config).port
        expected = {"floor": servers.FIXED_TEXT.encode(), "null": servers.FIXED_TEXT.encode()}
        load.check(port, self.secret, expected.get(config.app, b'"blocks"'))  # real answers, not errors
        load.run(port, self.secret, 16, 0.4, 4000)
        load.run(port, self.secret, 1, 0.1, 500)

    def phase(self, config: Config, concurrency: int, seconds: float) -> Phase:
        running = self.server(config)
        cpu0 = running.cpu_seconds()
        run = load.run(running.port, self.secret, concurrency, seconds, max_requests=50_000)
        server_cpu = running.cpu_seconds() - cpu0
        n = max(run.count, 1)
        lat = run.latencies or [float("nan")]
        return Phase(
            percentile(lat, 50) * 1e3,
            percentile(lat, 99) * 1e3,
            run.rps,
            run.count,
            run.errors,
            run.client_cpu / n * 1e6,
            server_cpu / n * 1e6,
        )

    def sweep(self, configs: Iterable[Config], seconds: float) -> dict[Config, dict[int, Phase]]:
        """One short phase per concurrency for each config, to pick each kind's best settings."""
        out: dict[Config, dict[int, Phase]] = {}
        for config in configs:
            self.warm(config)
            out[config] = {c: self.phase(config, c, seconds) for c in CONCURRENCY}
            self.say(
                f"  sweep {config.label:24s} "
                + "  ".join(f"c={c}: p50 {p.p50_ms:6.2f} ms {p.rps:6.0f}/s" for c, p in out[config].items())
            )
        return out

    def interleaved(self, configs: list[Config], reps: int, seconds: float) -> dict[Config, dict[int, list[Phase]]]:
        """`reps` rounds; each round measures every config at each concurrency, in a rotated order."""
        out: dict[Config, dict[int, list[Phase]]] = {c: {n: [] for n in CONCURRENCY} for c in configs}
        for config in configs:
            self.warm(config)
        for rep in range(reps):
            order = configs[rep % len(configs) :] + configs[: rep % len(configs)]
            for concurrency in CONCURRENCY:
                for config in order:
                    out[config][concurrency].append(self.phase(config, concurrency, seconds))
            self.say(f"  round {rep + 1}/{reps} done")
        return out

    def memory(self, config: Config) -> dict[str, Any]:
        """Peak resident memory (VmHWM) of each worker of a running server, in MB."""
        workers = self.running[config].workers()
        found = [procs.memory_kb(pid) for pid in workers]
        return {
            "workers": len(workers),
            "peak_rss_mb": max((m.get("VmHWM", 0) for m in found), default=0) / 1024,
            "per_worker_kb": found,
        }


def best(results: dict[Config, dict[int, Phase]], concurrency: int) -> Config:
    """Lowest p50 at this concurrency (ties: more requests per second)."""
    return min(results, key=lambda c: (round(results[c][concurrency].p50_ms, 2), -results[c][concurrency].rps))


@dataclass(frozen=True)
class Summary:
    medians: dict[Config, dict[int, Phase]]
    floor_best: dict[int, Config]
    ours_best: dict[int, Config]


def run(
    say: Callable[[str], None], reps: int = 4, seconds: float = 1.0, sweep_seconds: float = 0.6
) -> tuple[dict[str, Any], Summary]:
    """Everything end to end: (raw numbers for latest.json, the medians the table is built from)."""
    with FakeApi() as api:
        bench = Bench(api, say)
        try:
            say("cold start: bot serve and the floor, alternating")
            bench.cold_starts([SHIPPED, FLOOR_SAME], times=3)
            shipped_workers = len(bench.running[SHIPPED].workers())

            say("settings sweep (one short run each)")
            floor_sweep = bench.sweep(FLOOR_GRID, sweep_seconds)
            ours_sweep = bench.sweep(OURS_GRID, sweep_seconds)
            shortlist = [best(sweep, c) for sweep in (floor_sweep, ours_sweep) for c in CONCURRENCY]
            chosen = list(dict.fromkeys([SHIPPED, FLOOR_SAME, FLOOR_SAME_PBR, *shortlist]))
            chosen.append(NULL)
            for config in list(bench.running):
                if config not in chosen:
                    bench.stop(config)

            for config in chosen:
                bench.server(config)
            calls_before = api.snapshot()  # every server is up: any call from here on is per-request
            workers_before = {cfg: sorted(bench.running[cfg].workers()) for cfg in chosen}
            say(f"headline: {len(chosen)} servers interleaved, {reps} rounds x {seconds}s per concurrency")
            measured = bench.interleaved(chosen, reps, seconds)
            calls_after = api.snapshot()
            restarted = {
                cfg.label: sorted(set(workers_before[cfg]) - set(bench.running[cfg].workers()))
                for cfg in chosen
                if sorted(bench.running[cfg].workers()) != workers_before[cfg]
            }
            memory = {cfg.label: bench.memory(cfg) for cfg in (SHIPPED, FLOOR_SAME)}
        finally:
            bench.stop_all()

    medians = {cfg: {c: Phase.median(ph) for c, ph in by_c.items()} for cfg, by_c in measured.items()}
    # The sweep's single short runs only shortlist; each kind's best is decided on the interleaved rounds.
    floors = [cfg for cfg in medians if cfg.app == "floor"]
    ours = [cfg for cfg in medians if cfg.app in ("bot-serve", "ours") and not cfg.pbr]
    floor_best = {c: best({cfg: medians[cfg] for cfg in floors}, c) for c in CONCURRENCY}
    ours_best = {c: best({cfg: medians[cfg] for cfg in ours}, c) for c in CONCURRENCY}
    web_api_during_load = {k: calls_after.get(k, 0) - calls_before.get(k, 0) for k in calls_after}
    raw = {
        "configs": {cfg.label: cfg.__dict__ for cfg in chosen},
        "shipped_workers": shipped_workers,
        "cold_start_s": bench.cold,
        "sweep": {cfg.label: {c: p.__dict__ for c, p in r.items()} for cfg, r in {**floor_sweep, **ours_sweep}.items()},
        "sweep_shortlist": [cfg.label for cfg in shortlist],
        "floor_best": {c: cfg.label for c, cfg in floor_best.items()},
        "ours_best": {c: cfg.label for c, cfg in ours_best.items()},
        "rounds": {cfg.label: {c: [p.__dict__ for p in ph] for c, ph in r.items()} for cfg, r in measured.items()},
        "medians": {cfg.label: {c: p.__dict__ for c, p in r.items()} for cfg, r in medians.items()},
        "memory": memory,
        "web_api_calls_during_load": {k: v for k, v in web_api_during_load.items() if v},
        "workers_replaced_during_load": restarted,
    }
    return raw, Summary(medians, floor_best, ours_best)
