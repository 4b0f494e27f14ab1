"""Corpus-run benchmarks: throughput, the boilerplate prior's gain, syndication pairs, scale.

    python bench/corpus.py throughput   # BBC (2,225 articles) and PolNeAR texts, --workers 2
    python bench/corpus.py prior        # scrapinghub text + seed, scored with and without the prior
    python bench/corpus.py syndication  # 30 random grouped pairs from the BBC store, to check by hand
    python bench/corpus.py scale [N]    # synthetic N-article corpus (default 200,000) in /tmp
    python bench/corpus.py all          # all but scale

Each run is a ``saywho run`` subprocess; we report wall-clock articles/s, articles per CPU-second
(user+system time of the whole process tree, from getrusage), quotes found and the peak summed
RSS of the process tree (sampled from /proc every 0.2 s), the main process's own CPU-seconds
(reading, dispatching, writing the store: taken from the workers on two cores) and the load
average (mean of the 1-minute figure before and after: wall figures on a shared machine are
only comparable at similar loads). Beside the BBC run, the baseline:
``saywho.extract`` alone over the same articles in one process (time.process_time), so the
cost of the corpus machinery (reading twice, storing, indexing, corpus passes) shows.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("SAYWHO_SHARED", ROOT.parent / "shared"))
SEED = ROOT / "tests" / "fixtures" / "000_baf42c301885f353.txt"
CLI = [sys.executable, "-c", "from saywho.cli import main; main()"]


def tree_rss(root: int) -> int:
    """Summed resident memory (bytes) of ``root`` and its descendants."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def process_cpu(pid: int) -> float | None:
    """User+system CPU seconds ``pid`` itself has used so far (not its children)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def timed_run(args: list[str]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    started = time.monotonic()
    proc = subprocess.Popen(CLI + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0]
    main_cpu = [0.0]

    def sample():
        # The main process's own CPU (the workers' excluded): it reads, dispatches and writes
        # the store, and on two cores each of its CPU-seconds is taken from the workers.
        while proc.poll() is None:
            peak[0] = max(peak[0], tree_rss(proc.pid))
            main_cpu[0] = process_cpu(proc.pid) or main_cpu[0]
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.monotonic() - started
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if proc.returncode != 0:
        print(err[-2000:], file=sys.stderr)
    load = (load_before + os.getloadavg()[0]) / 2
    return {"wall": wall, "cpu": cpu, "main_cpu": main_cpu[0], "load": load, "peak_rss_mb": peak[0] / 2**20, "stderr": err, "returncode": proc.returncode}


def store_counts(db: Path) -> dict:
    conn = sqlite3.connect(db)
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    counts = {
        "articles": one("SELECT count(*) FROM articles"),
        "failures": one("SELECT count(*) FROM failures"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "statements": one("SELECT count(DISTINCT statement_id) FROM quotes"),
        "people": one("SELECT count(*) FROM people"),
        "clustered_articles": one("SELECT count(*) FROM articles WHERE cluster_id IS NOT NULL"),
        "clusters": one("SELECT count(DISTINCT cluster_id) FROM articles"),
    }
    conn.close()
    return counts


def run_store(name: str, inputs: list[str], workdir: Path, extra: list[str] = ()) -> dict:
    db = workdir / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    stats = timed_run(["run", *inputs, "--db", str(db), "--workers", "2", "--quiet", *extra])
    counts = store_counts(db)
    n = counts["articles"] + counts["failures"]
    row = {
        "corpus": name,
        "items": n,
        **counts,
        "wall_s": round(stats["wall"], 1),
        "articles_per_s": round(n / stats["wall"], 1),
        "articles_per_cpu_s": round(n / stats["cpu"], 1) if stats["cpu"] else None,
        "cpu_s": round(stats["cpu"], 1),
        "main_cpu_s": round(stats["main_cpu"], 1),
        "load_avg": round(stats["load"], 2),
        "peak_rss_mb": round(stats["peak_rss_mb"]),
        "db": str(db),
    }
    print(json.dumps(row))
    return row


def extract_only(path: Path) -> dict:
    """The baseline: ``saywho.extract`` on every article in this process, no store, no pool."""
    from saywho.extraction import extract
    from saywho.input.sources import read_paths
    from saywho.records import RawDocument

    docs = [d for d in read_paths([str(path)]) if isinstance(d, RawDocument)]
    started = time.process_time()
    for doc in docs:
        extract(doc.content, url=doc.url, published=doc.published, id=doc.id, source=doc.source)
    cpu = time.process_time() - started
    row = {"corpus": path.name, "baseline": "extract() in one process", "articles": len(docs), "articles_per_cpu_s": round(len(docs) / cpu, 1)}
    print(json.dumps(row))
    return row


def throughput(workdir: Path) -> list[dict]:
    bbc = SHARED / "data/corpus/bbc-news.jsonl.gz"
    rows = [run_store("bbc", [str(bbc)], workdir), extract_only(bbc)]
    polnear = [str(p) for p in (SHARED / "data/quotes/polnear/train/text", SHARED / "data/quotes/polnear/dev/text") if p.exists()]
    rows.append(run_store("polnear", polnear, workdir))
    return rows


def prior(workdir: Path) -> dict:
    """Extraction F1 of the scrapinghub text pages, cleaned with and without the corpus prior.

    The pages' URLs (from truth.jsonl: metadata a real crawl has) give the publisher the prior
    groups by; the bodies in truth.jsonl are used only for scoring.
    """
    base = SHARED / "data/extraction/scrapinghub"
    urls = {d["id"]: d.get("url") for d in map(json.loads, (base / "truth.jsonl").open(encoding="utf-8"))}
    corpus = workdir / "scrapinghub-corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as out:
        for path in sorted((base / "text").glob("*.txt")):
            out.write(json.dumps({"id": path.stem, "url": urls.get(path.stem), "text": path.read_text(encoding="utf-8", errors="replace")}) + "\n")
        out.write(json.dumps({"id": SEED.stem, "text": SEED.read_text(encoding="utf-8")}) + "\n")
    scores = {}
    for label, extra in (("with_prior", []), ("without_prior", ["--no-prior"])):
        row = run_store(f"scrapinghub-{label}", [str(corpus)], workdir, extra)
        predictions = workdir / f"predictions-{label}.jsonl"
        conn = sqlite3.connect(row["db"])
        with predictions.open("w", encoding="utf-8") as out:
            for doc_id, text in conn.execute("SELECT doc_id, text FROM articles"):
                out.write(json.dumps({"id": doc_id, "text": text}) + "\n")
        conn.close()
        scored = subprocess.run(
            [sys.executable, str(SHARED / "tools/score_extraction.py"), str(base / "truth.jsonl"), str(predictions), "--json"],
            capture_output=True, text=True, check=True,
        )
        scores[label] = json.loads(scored.stdout)
        print(json.dumps({"prior": label, **scores[label]}))
    return scores


def syndication(workdir: Path, n: int = 30, seed: int = 5) -> list:
    db = workdir / "bbc.db"
    if not db.exists():
        run_store("bbc", [str(SHARED / "data/corpus/bbc-news.jsonl.gz")], workdir)
    conn = sqlite3.connect(db)
    pairs = conn.execute(
        "SELECT a.doc_id, b.doc_id, a.title, b.title, a.text, b.text FROM articles a JOIN articles b "
        "ON a.cluster_id = b.cluster_id AND a.id < b.id ORDER BY a.id, b.id"
    ).fetchall()
    conn.close()
    sample = random.Random(seed).sample(pairs, min(n, len(pairs)))
    print(f"{len(pairs)} grouped pairs; a sample of {len(sample)} to check by hand:")
    for a, b, ta, tb, xa, xb in sample:
        words = lambda t: " ".join(re.findall(r"\S+", t)[:18])  # noqa: E731
        print(f"- {a} | {ta or '(no title)'}\n  {words(xa)}\n  {b} | {tb or '(no title)'}\n  {words(xb)}")
    return sample


def synthesize(path: Path, n: int, seed: int = 11) -> None:
    """``n`` articles: the BBC corpus repeated, each copy perturbed (sentences dropped and
    reordered, numbers changed, a byline and a footer added) so copies are not identical."""
    rng = random.Random(seed)
    source = [json.loads(line) for line in gzip.open(SHARED / "data/corpus/bbc-news.jsonl.gz", "rt", encoding="utf-8")]
    footers = ["Share this story on Facebook", "Sign up for our daily newsletter", "(c) 2025 Example News Ltd", "Related stories"]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        for i in range(n):
            doc = source[i % len(source)]
            paragraphs = doc["text"].split("\n\n")
            head, body = paragraphs[0], paragraphs[1:]
            if i >= len(source):
                body = [p for p in body if rng.random() > 0.15] or body
                if len(body) > 3 and rng.random() < 0.5:
                    j = rng.randrange(1, len(body) - 1)
                    body[j], body[j + 1] = body[j + 1], body[j]
                body = [re.sub(r"\d+", lambda m: str(int(m.group()) + rng.randrange(1, 9)), p) if rng.random() < 0.2 else p for p in body]
            text = "\n\n".join([head, f"By Staff Reporter {i % 97}", *body, rng.choice(footers)])
            out.write(json.dumps({"id": f"syn-{i}", "url": f"https://news{i % 20}.example/{i}", "text": text}) + "\n")


def scale(workdir: Path, n: int = 200_000) -> dict:
    corpus = Path(tempfile.gettempdir()) / f"saywho-synthetic-{n}.jsonl.gz"
    if not corpus.exists():
        synthesize(corpus, n)
    row = run_store(f"synthetic-{n}", [str(corpus)], workdir)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        conn = sqlite3.connect(row["db"])
        from saywho.store.queries import find_quotes

        find_quotes(conn, search="prime minister", limit=20)
        conn.close()
        timings.append((time.perf_counter() - started) * 1000)
    cli = timed_run(["quotes", row["db"], "--search", "prime minister"])
    result = {**row, "search_ms_query_best": round(min(timings), 1), "search_ms_cli_wall": round(cli["wall"] * 1000)}
    print(json.dumps(result))
    return result


def main(argv: list[str]) -> None:
    what = argv[0] if argv else "all"
    workdir = Path(os.environ.get("SAYWHO_BENCH_DIR", Path(tempfile.gettempdir()) / "saywho-bench"))
    workdir.mkdir(parents=True, exist_ok=True)
    if not SHARED.exists():
        sys.exit(f"needs the shared data at {SHARED} (set SAYWHO_SHARED)")
    if what in ("throughput", "all"):
        throughput(workdir)
    if what in ("prior", "all"):
        prior(workdir)
    if what in ("syndication", "all"):
        syndication(workdir)
    if what == "scale":
        scale(workdir, int(argv[1]) if len(argv) > 1 else 200_000)


if __name__ == "__main__":
    main(sys.argv[1:])
