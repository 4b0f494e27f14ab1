"""A run killed with SIGKILL at random moments and resumed each time stores exactly what an
uninterrupted run stores: nothing lost, nothing duplicated."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"
INPUTS = [str(FIXTURES / "corpus" / "bbc-sample.jsonl"), str(FIXTURES / "000_baf42c301885f353.txt")]


def saywho_run(db: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from saywho.cli import main; main()", "run", *INPUTS, "--db", str(db),
           "--workers", "2", "--batch-size", "3", "--quiet"]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True)


def snapshot(db: Path) -> dict:
    conn = sqlite3.connect(db)
    articles = conn.execute("SELECT key, title, text, publisher, content_hash FROM articles").fetchall()
    keys = [a[0] for a in articles]
    quotes = conn.execute(
        "SELECT a.key, q.seq, q.quote, q.speaker, p.name FROM quotes q JOIN articles a ON a.id = q.article_id "
        "LEFT JOIN people p ON p.id = q.person_id"
    ).fetchall()
    clusters = conn.execute(
        "SELECT group_concat(key, '|') FROM (SELECT key, cluster_id FROM articles WHERE cluster_id IS NOT NULL ORDER BY key) GROUP BY cluster_id"
    ).fetchall()
    people = conn.execute("SELECT name, statement_count, article_count FROM people").fetchall()
    failures = conn.execute("SELECT key, code FROM failures").fetchall()
    signatures = conn.execute("SELECT count(*) FROM signatures").fetchone()[0]
    conn.close()
    return {
        "duplicates": len(keys) - len(set(keys)),
        "articles": sorted(articles),
        "quotes": sorted(quotes, key=repr),
        "quote_rows": len(quotes),
        "clusters": sorted(c[0] for c in clusters),
        "people": sorted(people),
        "failures": sorted(failures),
        "signatures": signatures,
    }


def stored_share(db: Path) -> float:
    if not db.exists():
        return 0.0
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0] / 30
    except sqlite3.OperationalError:
        return 0.0
    finally:
        conn.close()


def test_corpus_resume_after_sigkill(tmp_path):
    reference = tmp_path / "reference.db"
    started = time.monotonic()
    proc = saywho_run(reference)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    duration = time.monotonic() - started
    expected = snapshot(reference)
    assert len(expected["articles"]) == 30 and expected["duplicates"] == 0

    db = tmp_path / "news.db"
    seed = int(os.environ.get("SAYWHO_KILL_SEED", random.randrange(1_000_000)))
    rng = random.Random(seed)
    kills = 0
    for _ in range(5):
        # Aim within what is left to do, so that most kills land mid-run.
        left = 1 - stored_share(db)
        proc = saywho_run(db)
        time.sleep(rng.uniform(0.05, max(0.5, duration * left)))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
    proc = saywho_run(db)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err.decode()
    got = snapshot(db)
    print(f"kill seed {seed}: {kills} of 5 runs killed mid-run, reference run took {duration:.1f}s")
    assert kills >= 1
    assert got == expected, f"differs after kills (seed {seed}, {kills} killed mid-run)"
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    runs = conn.execute("SELECT count(*), sum(status = 'done') FROM runs").fetchone()
    conn.close()
    # A run killed while Python was still starting never got as far as recording itself.
    assert runs[0] <= 6 and runs[1] >= 1
    # Idempotent: running again over the same inputs changes nothing.
    proc = saywho_run(db)
    proc.communicate(timeout=300)
    assert snapshot(db) == expected


def test_corpus_resume_after_ctrl_c(tmp_path):
    db = tmp_path / "news.db"
    cmd = [sys.executable, "-c", "from saywho.cli import main; main()", "run", *INPUTS, "--db", str(db),
           "--workers", "2", "--batch-size", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Interrupt once the first batch is stored, so that the run is cut off mid-corpus.
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if db.exists():
            conn = sqlite3.connect(db)
            try:
                stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
            except sqlite3.OperationalError:
                stored = 0
            conn.close()
            if stored:
                break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    if proc.returncode == 130:
        assert "run the same command to resume" in err
        conn = sqlite3.connect(db)
        assert conn.execute("SELECT status FROM runs").fetchone()[0] == "interrupted"
        conn.close()
    else:
        # The signal can land after the run has finished and while Python shuts down, where
        # it ends the process with the default handler: the resume below must then add nothing.
        assert proc.returncode in (0, -signal.SIGINT), err
    proc = saywho_run(db)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    got = snapshot(db)
    assert len(got["articles"]) == 30 and got["duplicates"] == 0
