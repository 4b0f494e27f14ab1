"""Engines side by side on one corpus, from one run: serial, the local process pool, Ray
(executor and Parquet-shard job), build-db; then the scaling model for a cluster.

    .venv/bin/python bench/engines.py                    # BBC corpus + seed from ../shared
    .venv/bin/python bench/engines.py --limit 500 --json

CPU cost is ``time.process_time`` (this process) plus the workers' own CPU time (the pool's
reaped children; the Ray tasks report theirs), so it holds on a machine shared with other
jobs; wall-clock rates are given too, and suffer from such sharing.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAYWHO_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "tests" / "fixtures" / "000_baf42c301885f353.txt"

TARGET_ARTICLES = 100_000_000
CLUSTER_CORES = (64, 512)
# A shard should run this long: long enough that per-task overhead vanishes, short enough that
# a retried shard costs little and the last wave of tasks does not leave cores idle for long.
SHARD_SECONDS = 60.0
WAVES = 4


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def limited_inputs(paths: list[str], limit: int | None, tmp: Path) -> list[str]:
    """The inputs, or a JSONL copy of the first ``limit`` BBC lines plus the seed."""
    if limit is None:
        return paths
    import gzip

    with gzip.open(paths[0], "rt", encoding="utf-8") as source:
        lines = [line for _, line in zip(range(limit), source, strict=False)]
    cut = tmp / "bbc-news.jsonl"
    cut.write_text("".join(lines), encoding="utf-8")
    return [str(cut), *paths[1:]]


def bench_serial(docs, options) -> dict:
    from saywho.engines.base import process

    cpu, wall = time.process_time(), time.perf_counter()
    for doc in docs:
        process(doc, options)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return {"articles": len(docs), "cpu_seconds": cpu, "wall_seconds": wall}


def bench_local(docs, options, workers: int) -> dict:
    from saywho.engines.local import LocalExecutor

    cpu, child, wall = time.process_time(), children_cpu(), time.perf_counter()
    with LocalExecutor(workers) as executor:
        n = sum(1 for _ in executor.imap(docs, options))
    wall = time.perf_counter() - wall
    return {"articles": n, "cpu_seconds": time.process_time() - cpu + children_cpu() - child, "wall_seconds": wall}


def bench_ray_executor(docs, options, workers: int) -> dict:
    from saywho.engines.ray import RayExecutor

    wall = time.perf_counter()
    with RayExecutor(workers) as executor:
        n = sum(1 for _ in executor.imap(docs, options))
    return {"articles": n, "wall_seconds": time.perf_counter() - wall}


def bench_ray_shards(paths, options, out: Path, workers: int, shard_size: int) -> dict:
    """The shard job with the prior given, like the other engines here (it is counted apart)."""
    from saywho.engines.ray import run_to_shards

    wall = time.perf_counter()
    totals = run_to_shards(paths, str(out), options=options, workers=workers, shard_size=shard_size)
    wall = time.perf_counter() - wall
    return {"articles": totals["articles"] + totals["failures"], "shards": totals["shards"], "task_cpu_seconds": totals["cpu_seconds"], "wall_seconds": wall}


def bench_task_overhead(ray, tasks: int = 200) -> float:
    """Wall seconds per Ray Data map task that does nothing, times the CPUs it had."""
    import ray.data

    cpus = int(ray.cluster_resources().get("CPU", 1))
    dataset = ray.data.from_items([{"n": i} for i in range(tasks)], override_num_blocks=tasks)
    wall = time.perf_counter()
    dataset.map_batches(lambda batch: batch, batch_size=1).take_all()
    return (time.perf_counter() - wall) * cpus / tasks


def bench_build(out: Path, db: Path) -> dict:
    from saywho.engines.shards import build_db

    cpu, wall = time.process_time(), time.perf_counter()
    summary = build_db(str(out), str(db))
    return {"articles": summary.articles, "cpu_seconds": time.process_time() - cpu, "wall_seconds": time.perf_counter() - wall}


def scaling(per_article_cpu: float, task_overhead: float, efficiency: float, build_rate: float) -> dict:
    model = {"per_article_cpu_ms": per_article_cpu * 1000, "task_overhead_ms": task_overhead * 1000, "parallel_efficiency": efficiency}
    for cores in CLUSTER_CORES:
        smallest = 100 * task_overhead / per_article_cpu
        largest = TARGET_ARTICLES / (WAVES * cores)
        chosen = int(min(largest, max(smallest, SHARD_SECONDS / per_article_cpu)))
        hours = TARGET_ARTICLES * per_article_cpu / (cores * efficiency) / 3600
        model[f"{cores}_cores"] = {
            "shard_size_min": int(smallest),
            "shard_size_max": int(largest),
            "shard_size": chosen,
            "shards": -(-TARGET_ARTICLES // chosen),
            "map_hours_100M": hours,
        }
    model["build_db_hours_100M"] = TARGET_ARTICLES / build_rate / 3600 if build_rate else None
    return model


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N BBC articles")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=250)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args(argv)

    bbc = SHARED / "data" / "corpus" / "bbc-news.jsonl.gz"
    if not bbc.exists():
        print(f"needs {bbc} (set SAYWHO_SHARED)", file=sys.stderr)
        return 2
    from saywho.corpus.prior import count_blocks
    from saywho.engines.base import RunOptions
    from saywho.engines.ray import RayConnection
    from saywho.input.sources import read_paths
    from saywho.records import RawDocument

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        paths = limited_inputs([str(bbc), str(SEED)], args.limit, tmp)
        docs = [item for item in read_paths(paths) if isinstance(item, RawDocument)]
        options = RunOptions(prior=count_blocks(docs) or None)
        figures: dict = {"articles": len(docs), "workers": args.workers, "cpus_on_machine": os.cpu_count()}
        figures["serial"] = bench_serial(docs, options)
        figures["local_pool"] = bench_local(docs, options, args.workers)
        started = time.perf_counter()
        connection = RayConnection(workers=args.workers)
        ray = connection.__enter__()
        figures["ray_start_seconds"] = time.perf_counter() - started
        try:
            figures["ray_executor"] = bench_ray_executor(docs, options, args.workers)
            figures["ray_shards"] = bench_ray_shards(paths, options, tmp / "shards", args.workers, args.shard_size)
            figures["ray_task_overhead_seconds"] = bench_task_overhead(ray)
        finally:
            connection.__exit__()
        figures["build_db"] = bench_build(tmp / "shards", tmp / "news.db")

    serial = figures["serial"]
    per_article = serial["cpu_seconds"] / serial["articles"]
    shards = figures["ray_shards"]
    overhead = figures["ray_task_overhead_seconds"]
    # CPU-based efficiency: per-article work over all the CPU the shard job spent on it
    # (tasks plus per-task overhead). Wall-clock efficiency is reported beside it, but on a
    # machine shared with other jobs it measures them as much as us.
    efficiency = min(1.0, serial["cpu_seconds"] / (shards["task_cpu_seconds"] + shards["shards"] * overhead))
    figures["ray_wall_efficiency"] = serial["cpu_seconds"] / (shards["wall_seconds"] * args.workers)
    build = figures["build_db"]
    figures["scaling"] = scaling(per_article, overhead, efficiency, build["articles"] / build["cpu_seconds"])
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        print(report(figures))
    return 0


def report(f: dict) -> str:
    def rate(d: dict, key: str = "wall_seconds") -> str:
        return f"{d['articles'] / d[key]:8.1f}"

    n = f["articles"]
    lines = [
        f"{n} articles, {f['workers']} workers, {f['cpus_on_machine']} CPUs on this machine",
        "",
        f"{'engine':<24}{'articles/s (wall)':>18}{'articles/CPU-s':>16}{'wall s':>9}",
        f"{'serial (1 process)':<24}{rate(f['serial']):>18}{rate(f['serial'], 'cpu_seconds'):>16}{f['serial']['wall_seconds']:9.1f}",
        f"{'local pool':<24}{rate(f['local_pool']):>18}{rate(f['local_pool'], 'cpu_seconds'):>16}{f['local_pool']['wall_seconds']:9.1f}",
        f"{'ray executor':<24}{rate(f['ray_executor']):>18}{'':>16}{f['ray_executor']['wall_seconds']:9.1f}",
        f"{'ray shards (Ray Data)':<24}{rate(f['ray_shards']):>18}{f['ray_shards']['articles'] / f['ray_shards']['task_cpu_seconds']:16.1f}{f['ray_shards']['wall_seconds']:9.1f}",
        f"{'build-db (one process)':<24}{rate(f['build_db']):>18}{rate(f['build_db'], 'cpu_seconds'):>16}{f['build_db']['wall_seconds']:9.1f}",
        "",
        f"Ray start-up {f['ray_start_seconds']:.1f} s (not in the rates above); per-task overhead {f['ray_task_overhead_seconds'] * 1000:.0f} ms CPU-time-equivalent",
    ]
    s = f["scaling"]
    lines += [
        "",
        f"Scaling model for {TARGET_ARTICLES:,} articles: {s['per_article_cpu_ms']:.2f} ms CPU per article, "
        f"parallel efficiency {s['parallel_efficiency']:.2f} (CPU-based; wall-clock here: {f['ray_wall_efficiency']:.2f})",
    ]
    for cores in CLUSTER_CORES:
        c = s[f"{cores}_cores"]
        lines.append(
            f"  {cores:>3} cores: shard size {c['shard_size']:,} articles (useful range {c['shard_size_min']:,}-{c['shard_size_max']:,}), "
            f"{c['shards']:,} shards, map phase {c['map_hours_100M']:.1f} h"
        )
    if s["build_db_hours_100M"] is not None:
        lines.append(f"  build-db (one process, from its CPU time, linear extrapolation: a lower bound): {s['build_db_hours_100M']:.1f} h")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
