"""End to end: signed Slack requests against `python -m bot serve` and a bare-Bolt floor on the same
stack, all on 127.0.0.1, plus cold start and worker memory. See bench/README.md.

Three workloads: `repeated` (the 20 slash texts, cycled for a second: warm caches), `distinct` (the
questions of bench/questions.txt as /aieng commands) and `mentions` (the same file's questions as
app_mention events, through the event memory). Each distinct question is sent to each server once
in the whole run: every round and concurrency takes its own slice of the file."""

from __future__ import annotations

import secrets
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Literal

from bench import load, procs, servers
from bench.fake_api import FakeApi
from bench.matching import percentile

LOG = procs.ROOT / "bench" / "results" / "servers.log"
CONCURRENCY = (1, 16)
Workload = Literal["repeated", "distinct", "mentions"]
WORKLOADS: tuple[Workload, ...] = ("distinct", "mentions", "repeated")
REPLY_METHODS = ("chat.postMessage", "chat.postEphemeral")
ONCE: tuple[Workload, ...] = ("distinct", "mentions")  # each request sent once: no cache can have seen it


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


@dataclass
class Sample:
    """One measured phase, raw: pooled over the rounds for the distinct workloads."""

    latencies: list[float]  # seconds
    wall: float
    errors: int
    client_cpu: float  # seconds
    server_cpu: float  # seconds

    @staticmethod
    def pooled(samples: list[Sample]) -> Phase:
        """Percentiles over every request of every round; CPU and rate as totals over totals."""
        lat = [x for s in samples for x in s.latencies] or [float("nan")]
        n = max(sum(len(s.latencies) for s in samples), 1)
        wall = sum(s.wall for s in samples)
        return Phase(
            percentile(lat, 50) * 1e3,
            percentile(lat, 99) * 1e3,
            n / wall if wall else 0.0,
            n,
            sum(s.errors for s in samples),
            sum(s.client_cpu for s in samples) / n * 1e6,
            sum(s.server_cpu for s in samples) / n * 1e6,
        )


class Bench:
    def __init__(self, api: FakeApi, say: Callable[[str], None]) -> None:
        self.api = api
        self.secret = "bench-" + secrets.token_hex(12)
        self.run_id = secrets.token_hex(4)  # in every event_id: the store outlives a run
        self.say = say
        self.running: dict[Config, procs.Running] = {}
        self.cold: dict[str, list[float]] = {}
        self.mentions_sent: dict[Config, int] = {}

    # -- servers ---------------------------------------------------------------------------------

    def start(self, config: Config) -> procs.Running:
        port = procs.free_port()
        env = procs.server_env(self.api.url + slug(config) + "/", self.secret, port, config.workers)
        if config.app == "bot-serve":
            env.pop("WEB_CONCURRENCY")  # as shipped: the bot's own default
        LOG.parent.mkdir(parents=True, exist_ok=True)
        key = f"{slug(config)}/auth.test"
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
        return Sample.pooled([self.sample(config, concurrency, seconds)])

    def sample(
        self, config: Config, concurrency: int, seconds: float, once: list[load.Request] | None = None
    ) -> Sample:
        running = self.server(config)
        events = once is not None and config.app != "null" and once[:1] != [] and once[0][0].startswith(b"{")
        replies0 = self.replies(config)
        cpu0 = running.cpu_seconds()
        run = load.run(running.port, self.secret, concurrency, seconds, max_requests=50_000, once=once)
        deadline = time.perf_counter() + 10.0
        while events and self.replies(config) - replies0 < run.count and time.perf_counter() < deadline:
            time.sleep(0.005)  # the replies are posted after the ack: their CPU belongs to these requests
        server_cpu = running.cpu_seconds() - cpu0
        return Sample(run.latencies, run.wall, run.errors, run.client_cpu, server_cpu)

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

    def replies(self, config: Config) -> int:
        calls = self.api.snapshot()
        return sum(calls.get(f"{slug(config)}/{method}", 0) for method in REPLY_METHODS)

    def interleaved(self, configs: list[Config], reps: int, seconds: float) -> Measured:
        """`reps` rounds; each round measures every config at each workload and concurrency, in a
        rotated order. The distinct workloads send each config the same slice of questions, and
        each slice only once in the run."""
        out: Measured = {w: {c: {n: [] for n in CONCURRENCY} for c in configs} for w in WORKLOADS}
        slices = question_slices(reps * len(ONCE) * len(CONCURRENCY))
        for config in configs:
            self.warm(config)
        for rep in range(reps):
            order = configs[rep % len(configs) :] + configs[: rep % len(configs)]
            for workload in WORKLOADS:
                for concurrency in CONCURRENCY:
                    texts = next(slices) if workload in ONCE else []
                    for config in order:
                        once = self.requests(workload, texts, config, rep, concurrency)
                        deadline = seconds if once is None else 30.0
                        out[workload][config][concurrency].append(self.sample(config, concurrency, deadline, once))
            self.say(f"  round {rep + 1}/{reps} done")
        return out

    def requests(
        self, workload: Workload, texts: list[str], config: Config, rep: int, concurrency: int
    ) -> list[load.Request] | None:
        if workload == "distinct":
            return load.slash_requests(self.secret, texts)
        if workload == "mentions":
            if config.app != "null":  # the null server answers nothing
                self.mentions_sent[config] = self.mentions_sent.get(config, 0) + len(texts)
            # Event ids of this run's and this server's own: servers of ours share the bench's store
            # (its event memory, kept between runs), where a seen event_id is dropped as a retry.
            run_id = f"{self.run_id}-{slug(config)}-R{rep}C{concurrency:02d}"
            return load.mention_requests(self.secret, texts, run_id)
        return None

    def memory(self, config: Config) -> dict[str, Any]:
        """Peak resident memory (VmHWM) of each worker of a running server, in MB."""
        workers = self.running[config].workers()
        found = [procs.memory_kb(pid) for pid in workers]
        return {
            "workers": len(workers),
            "peak_rss_mb": max((m.get("VmHWM", 0) for m in found), default=0) / 1024,
            "per_worker_kb": found,
        }


Measured = dict[Workload, dict[Config, dict[int, list[Sample]]]]


def question_slices(count: int) -> Iterator[list[str]]:
    """bench/questions.txt cut into `count` equal, disjoint slices (the remainder unused)."""
    questions = load.questions()
    size = len(questions) // count
    for i in range(count):
        yield questions[i * size : (i + 1) * size]


def slug(config: Config) -> str:
    return config.label.replace(" ", "-").replace("(", "").replace(")", "")


def best(results: dict[Config, dict[int, Phase]], concurrency: int) -> Config:
    """Lowest p50 at this concurrency (ties: more requests per second)."""
    return min(results, key=lambda c: (round(results[c][concurrency].p50_ms, 2), -results[c][concurrency].rps))


@dataclass(frozen=True)
class Summary:
    medians: dict[Config, dict[int, Phase]]  # the repeated workload
    pooled: dict[Workload, dict[Config, dict[int, Phase]]]  # every workload, pooled over the rounds
    floor_best: dict[int, Config]
    ours_best: dict[int, Config]


def run(
    say: Callable[[str], None], reps: int = 3, seconds: float = 1.0, sweep_seconds: float = 0.6
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

    medians = {
        cfg: {c: Phase.median([Sample.pooled([s]) for s in samples]) for c, samples in by_c.items()}
        for cfg, by_c in measured["repeated"].items()
    }
    pooled = {
        w: {cfg: {c: Sample.pooled(samples) for c, samples in by_c.items()} for cfg, by_c in by_cfg.items()}
        for w, by_cfg in measured.items()
    }
    # The sweep's single short runs only shortlist; each kind's best is decided on the interleaved rounds.
    floors = [cfg for cfg in medians if cfg.app == "floor"]
    ours = [cfg for cfg in medians if cfg.app in ("bot-serve", "ours") and not cfg.pbr]
    floor_best = {c: best({cfg: medians[cfg] for cfg in floors}, c) for c in CONCURRENCY}
    ours_best = {c: best({cfg: medians[cfg] for cfg in ours}, c) for c in CONCURRENCY}
    web_api_during_load = {k: calls_after.get(k, 0) - calls_before.get(k, 0) for k in calls_after}
    # A mention is answered in its thread, or (pay asked in a channel) privately to the asker.
    replies = {
        cfg.label: sum(web_api_during_load.pop(f"{slug(cfg)}/{method}", 0) for method in REPLY_METHODS)
        for cfg in chosen
    }
    raw = {
        "configs": {cfg.label: cfg.__dict__ for cfg in chosen},
        "shipped_workers": shipped_workers,
        "cold_start_s": bench.cold,
        "sweep": {cfg.label: {c: p.__dict__ for c, p in r.items()} for cfg, r in {**floor_sweep, **ours_sweep}.items()},
        "sweep_shortlist": [cfg.label for cfg in shortlist],
        "floor_best": {c: cfg.label for c, cfg in floor_best.items()},
        "ours_best": {c: cfg.label for c, cfg in ours_best.items()},
        "rounds": {
            w: {
                cfg.label: {c: [Sample.pooled([s]).__dict__ for s in ss] for c, ss in r.items()}
                for cfg, r in by.items()
            }
            for w, by in measured.items()
        },
        "medians": {cfg.label: {c: p.__dict__ for c, p in r.items()} for cfg, r in medians.items()},
        "pooled": {
            w: {cfg.label: {c: p.__dict__ for c, p in r.items()} for cfg, r in by.items()} for w, by in pooled.items()
        },
        "mentions_sent": {cfg.label: n for cfg, n in bench.mentions_sent.items()},
        "mention_replies_posted": replies,
        "memory": memory,
        "web_api_calls_during_load": {k: v for k, v in web_api_during_load.items() if v},
        "workers_replaced_during_load": restarted,
    }
    return raw, Summary(medians, pooled, floor_best, ours_best)
