"""Latency of `saywho serve` on a large synthetic store, under concurrent clients on loopback.

    .venv/bin/python bench/serve.py                      # 1,000,000 quotes, 20 clients, 2,000 requests
    .venv/bin/python bench/serve.py --quotes 100000 --requests 500

Builds (once, then reuses) a synthetic store in /tmp through the store's own schema.sql: Zipf-
distributed words, speakers and publishers over three years. Then starts `saywho serve` as a
subprocess on 127.0.0.1, and sends a bounded, seeded mix of search-page requests (common, middling
and rare words, phrases, speaker/publisher/date/kind filters, later pages, browsing without words)
from N concurrent keep-alive clients, all driven by one asyncio loop in this process (threads
would take more of the 2 cores the server shares). Reports p50/p95/p99 wall latency per request,
throughput, the server's CPU-seconds per request (all worker processes), the client's, and the
load average before and after (other jobs on the machine move latency more than anything);
beside it, the same queries run through the same query layer straight on SQLite in one thread
(the floor the HTTP layer adds to). Both start with a cold search cache; the share of requests
answered from it (the server's x-saywho-cache header: another page of a search already made) is
search_cache_hit_rate.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import os
import random
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
from collections import Counter, deque
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from saywho.store.db import open_store
from saywho.web.queries import SearchParams, Store

WORDS = 6000
SPEAKERS = 20000
PUBLISHERS = 60
QUOTES_PER_ARTICLE = 5
START = date(2022, 1, 1)
DAYS = 3 * 365


def zipf_choices(rng: random.Random, n: int, k: int, s: float = 1.07) -> list[int]:
    weights = [1 / (i + 1) ** s for i in range(n)]
    return rng.choices(range(n), weights=weights, k=k)


def endless(batch):
    while True:
        yield from batch()


def vocabulary(rng: random.Random) -> list[str]:
    consonants, vowels = "bcdfghklmnprstvwz", "aeiou"
    words: set[str] = set()
    while len(words) < WORDS:
        words.add("".join(rng.choice(consonants) + rng.choice(vowels) for _ in range(rng.randint(1, 4))))
    return sorted(words, key=lambda w: (len(w), w))


def build(path: Path, quotes: int, seed: int = 7) -> None:
    """Write the synthetic store: articles, people, mentions and quotes, FTS kept by the triggers."""
    rng = random.Random(seed)
    vocab = vocabulary(rng)
    speakers = [f"{rng.choice(vocab).title()} {rng.choice(vocab).title()}" for _ in range(SPEAKERS)]
    publishers = [f"The {rng.choice(vocab).title()} {rng.choice(['Times', 'Post', 'News', 'Herald'])}"
                  for _ in range(PUBLISHERS)]
    path.unlink(missing_ok=True)
    store = open_store(path)
    conn = store.conn
    # A throwaway bulk load: no journal, big cache; the store goes back to WAL at the end.
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO people(id, name, kind, roles) VALUES (?, ?, 'person', '[\"spokesperson\"]')",
                     [(i + 1, name) for i, name in enumerate(speakers)])
    n_articles = quotes // QUOTES_PER_ARTICLE
    word_ids = endless(lambda: zipf_choices(rng, WORDS, 100_000))
    who = iter(zipf_choices(rng, SPEAKERS, quotes))
    outlets = iter(zipf_choices(rng, PUBLISHERS, n_articles))
    quote_id = 0
    for article_id in range(1, n_articles + 1):
        published = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
        publisher = publishers[next(outlets)]
        rows, paragraphs, people, at = [], [], set(), 0
        for seq in range(QUOTES_PER_ARTICLE):
            words = " ".join(vocab[next(word_ids)] for _ in range(rng.randint(6, 26)))
            speaker = next(who)
            people.add(speaker)
            paragraph = f'"{words}," {speakers[speaker]} said.'
            quote_id += 1
            rows.append((quote_id, article_id, seq, rng.choice(("direct", "direct", "partial", "indirect")),
                         at + 1, at + 1 + len(words), words, speakers[speaker], speaker + 1, "said", "say",
                         published, hashlib.sha1(words.encode()).hexdigest(), quote_id))
            paragraphs.append(paragraph)
            at += len(paragraph) + 2
        text = "\n\n".join(paragraphs)
        conn.execute(
            "INSERT INTO articles(id, key, doc_id, source, publisher, published, title, text, content_hash, "
            "quote_count) VALUES (?, ?, ?, 'bench', ?, ?, ?, ?, ?, ?)",
            (article_id, f"bench:{article_id}", str(article_id), publisher, published,
             " ".join(vocab[i] for i in zipf_choices(rng, WORDS, 7)).capitalize(), text, str(article_id),
             QUOTES_PER_ARTICLE),
        )
        conn.executemany(
            'INSERT INTO quotes(id, article_id, seq, kind, start, "end", quote, speaker, person_id, cue_text, '
            "cue_lemma, date, quote_hash, statement_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO mentions(article_id, name, person_id, mentions) VALUES (?, ?, ?, 1)",
                         [(article_id, speakers[s], s + 1) for s in people])
        if article_id % 20000 == 0:
            print(f"  built {article_id * QUOTES_PER_ARTICLE:,} quotes", file=sys.stderr)
    conn.execute("""UPDATE people SET
        quote_count = (SELECT count(*) FROM quotes WHERE person_id = people.id),
        article_count = (SELECT count(*) FROM mentions WHERE person_id = people.id)""")
    conn.execute("UPDATE people SET statement_count = quote_count")
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA journal_mode=WAL")
    store.close()


def request_mix(path: Path, n: int, seed: int = 11) -> list[dict]:
    """Seeded search-page parameters, drawn from words and names actually in the store."""
    rng = random.Random(seed)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    vocab = vocabulary(random.Random(7))
    speakers = [r[0] for r in conn.execute("SELECT name FROM people ORDER BY statement_count DESC LIMIT 500")]
    publishers = [r[0] for r in conn.execute("SELECT DISTINCT publisher FROM articles LIMIT 60")]
    conn.close()
    common, middling, rare = vocab[:20], vocab[50:600], vocab[2000:]
    mix = []
    for _ in range(n):
        roll = rng.random()
        p: dict = {}
        if roll < 0.25:
            p["q"] = rng.choice(common)
        elif roll < 0.50:
            p["q"] = rng.choice(middling)
        elif roll < 0.62:
            p["q"] = f"{rng.choice(middling)} {rng.choice(rare)}"
        elif roll < 0.70:
            p["q"] = f'"{rng.choice(common)} {rng.choice(common)}"'
        elif roll < 0.80:
            p["speaker"] = rng.choice(speakers)
        if rng.random() < 0.25:
            start = START + timedelta(days=rng.randrange(DAYS - 60))
            p["from"], p["to"] = start.isoformat(), (start + timedelta(days=rng.choice((7, 30, 60)))).isoformat()
        if rng.random() < 0.15:
            p["publisher"] = rng.choice(publishers)
        if rng.random() < 0.10:
            p["kind"] = rng.choice(("direct", "partial", "indirect"))
        if rng.random() < 0.15:
            p["sort"] = rng.choice(("newest", "oldest"))
        if rng.random() < 0.20:
            p["page"] = rng.randint(2, 6)
        mix.append(p)
    return mix


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def children(pid: int) -> list[int]:
    """Worker processes of `saywho serve --workers N` (their CPU is the server's too)."""
    try:
        found = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(c) for c in found]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def _client(port: int, queue: deque, latencies: list[float], tally: Counter) -> None:
    """One keep-alive connection sending its share of the mix, one request at a time."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while queue:
            request = f"GET /search?{urlencode(queue.popleft())} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode()
            started = time.perf_counter()
            writer.write(request)
            head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1").lower().split("\r\n")
            fields = dict(line.split(": ", 1) for line in head[1:] if ": " in line)
            await reader.readexactly(int(fields.get("content-length", 0)))
            latencies.append(time.perf_counter() - started)
            tally["errors"] += head[0].split()[1] != "200"
            tally[f"cache_{fields.get('x-saywho-cache', 'unknown')}"] += 1
    finally:
        writer.close()


def load(port: int, mix: list[dict], clients: int) -> tuple[list[float], Counter]:
    """N concurrent clients in one asyncio loop: on a 2-core machine, 20 client threads would take
    CPU from the server they measure."""
    latencies: list[float] = []
    tally: Counter = Counter()
    queue = deque(mix)

    async def run() -> None:
        await asyncio.gather(*(_client(port, queue, latencies, tally) for _ in range(clients)))

    asyncio.run(run())
    return latencies, tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--db", type=Path, default=None, help="store path (default /tmp/saywho-bench-serve-N.db)")
    parser.add_argument("--workers", type=int, default=1, help="saywho serve --workers")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    db = args.db or Path(f"/tmp/saywho-bench-serve-{args.quotes}.db")
    if args.rebuild or not db.exists():
        started = time.process_time()
        wall = time.perf_counter()
        print(f"building {db} with {args.quotes:,} quotes ...", file=sys.stderr)
        build(db, args.quotes)
        print(f"  built in {time.perf_counter() - wall:.0f} s wall, {time.process_time() - started:.0f} CPU-s",
              file=sys.stderr)
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    n_quotes = conn.execute("SELECT max(id) FROM quotes").fetchone()[0]
    conn.close()
    mix = request_mix(db, args.requests)

    direct = Store(db)
    started = time.process_time()
    direct.columns()
    columns_cpu = time.process_time() - started
    started = time.process_time()
    direct_ms, direct_hits = [], 0
    for p in mix:
        t = time.perf_counter()
        direct.search(SearchParams.from_query({k: str(v) for k, v in p.items()}))
        direct_ms.append((time.perf_counter() - t) * 1000)
        direct_hits += direct.last_search_cached()
    direct_cpu = time.process_time() - started

    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", "from saywho.cli import main; main()", "serve", str(db),
                               "--port", str(port), "--host", "127.0.0.1", "--workers", str(args.workers)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("saywho serve did not start") from None
                time.sleep(0.2)
        # Warm up on other queries, so that the measured ones meet a cold search cache.
        load(port, request_mix(db, 100, seed=99), args.clients)
        load_before = os.getloadavg()[0]
        cpu_before = cpu_seconds(server.pid) + sum(cpu_seconds(pid) for pid in children(server.pid))
        client_before = time.process_time()
        wall = time.perf_counter()
        latencies, tally = load(port, mix, args.clients)
        wall = time.perf_counter() - wall
        client_cpu = time.process_time() - client_before
        server_cpu = cpu_seconds(server.pid) + sum(cpu_seconds(pid) for pid in children(server.pid)) - cpu_before
        load_after = os.getloadavg()[0]
    finally:
        server.terminate()
        server.wait(30)
    ms = [x * 1000 for x in latencies]
    report = {
        "store_quotes": n_quotes,
        "clients": args.clients,
        "workers": args.workers,
        "requests": len(ms),
        "distinct_requests": len({urlencode(p) for p in mix}),
        "errors": tally["errors"],
        "search_cache_hit_rate": round(tally["cache_hit"] / len(latencies), 3),
        "load_average_before_after": [load_before, load_after],
        "http_p50_ms": round(percentile(ms, 0.50), 1),
        "http_p95_ms": round(percentile(ms, 0.95), 1),
        "http_p99_ms": round(percentile(ms, 0.99), 1),
        "http_mean_ms": round(statistics.fmean(ms), 1),
        "http_requests_per_s": round(len(ms) / wall, 1),
        "server_cpu_s_per_request": round(server_cpu / len(ms), 4),
        "server_requests_per_cpu_s": round(len(ms) / server_cpu, 1) if server_cpu else None,
        "client_cpu_s_per_request": round(client_cpu / len(ms), 4),
        "server_columns_load_cpu_s": round(columns_cpu, 2),
        "sqlite_only_cache_hit_rate": round(direct_hits / len(mix), 3),
        "sqlite_only_walk_cache_hit_rate": round(direct.walk_hits / max(1, direct.walk_hits + direct.walk_misses), 3),
        "sqlite_only_p50_ms": round(percentile(direct_ms, 0.50), 1),
        "sqlite_only_p95_ms": round(percentile(direct_ms, 0.95), 1),
        "sqlite_only_p99_ms": round(percentile(direct_ms, 0.99), 1),
        "sqlite_only_queries_per_cpu_s": round(len(mix) / direct_cpu, 1) if direct_cpu else None,
    }
    print(f"{'':28}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    print(f"{'saywho serve /search (HTTP)':28}{report['http_p50_ms']:>9}{report['http_p95_ms']:>9}{report['http_p99_ms']:>9}")
    print(f"{'same queries, SQLite only':28}{report['sqlite_only_p50_ms']:>9}{report['sqlite_only_p95_ms']:>9}"
          f"{report['sqlite_only_p99_ms']:>9}")
    print(json.dumps(report))
    if report["errors"]:
        # latencies of refused requests measure nothing: the figures above are not a result
        sys.exit(f"error: {report['errors']} of {report['requests']} requests did not answer 200")


if __name__ == "__main__":
    main()
