"""The desk under load: 50 concurrent clients for 30 s on loopback over the index, searches,
story and article pages, while ``storyline ingest`` writes new articles to the same store.

    python benchmarks/load.py [--clients 50] [--seconds 30] [--events 250] [--new-events 40]

Store: the seed story plus NeuS val triplets 0..events (see tests/web_corpus.py); the ingest adds
triplets events..events+new-events as JSON Lines, in small batches, during the run. The server is
the real ``storyline serve`` in its own process on 127.0.0.1; clients run in 5 processes (no GIL
shared with the server), each request a new connection, 10 s timeout (a timeout is an error).
Addresses: every story page, the articles of 100 stories, every index page, 250 searches (most
not cached before the run). Reports p50/p95/p99 by page kind, errors, and whether the articles
ingested during the run are then served (article page and search) without a restart. Targets: no errors, p95 < 300 ms,
p99 < 1 s."""

from __future__ import annotations

import argparse
import http.client
import json
import multiprocessing as mp
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PROCESSES = 5
TIMEOUT = 10.0
STORYLINE = [sys.executable, "-m", "storyline.cli"]


def build_store(db: Path, events: int) -> None:
    from storyline.store import Store, ingest, ingest_articles
    from tests.web_corpus import neus_articles, seed_paths

    with Store(db) as store:
        ingest(seed_paths(), store)
        ingest_articles(neus_articles(events), store)


def write_new(path: Path, events: int, skip: int) -> list[dict[str, str]]:
    from tests.web_corpus import neus_articles

    items = []
    with path.open("w", encoding="utf-8") as out:
        for a in neus_articles(events, skip=skip):
            out.write(json.dumps({"text": a.text, "title": a.title, "outlet": a.outlet,
                                  "published": a.published.isoformat() if a.published else None}) + "\n")
            items.append({"id": a.id, "title": a.title or ""})
    return items


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(port: int, path: str) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def urls(port: int) -> dict[str, list[str]]:
    """Addresses to request, by kind, read from the running desk."""
    everything, token, pages = [], "", []
    for _ in range(1000):  # every story, through the index's own pages
        page = json.loads(get(port, "/index.json" + (f"?next={token}" if token else ""))[1])
        everything += page["stories"]
        token = page["next"]
        if not token:
            break
        pages.append(f"/?next={token}")
    stories = [s["id"] for s in everything]
    rng = random.Random(0)
    articles = []
    for sid in rng.sample(stories, min(100, len(stories))):
        articles += [a["id"] for a in json.loads(get(port, f"/story/{sid}.json")[1])["articles"]]
    words = sorted({w for s in everything for w in (s["headline"] or "").split() if len(w) > 5 and w.isalpha()})
    searches = [f"/?q={quote(' '.join(rng.sample(words, 2)))}" for _ in range(150)]
    searches += [f"/?q={quote(chr(34) + ' '.join(h.split()[:2]) + chr(34))}&sort=newest"
                 for h in (s["headline"] or "" for s in everything[:100]) if len(h.split()) >= 2]
    return {"index": ["/", "/?sort=biggest", "/?sort=disputed", "/index.json", *pages],
            "search": searches,
            "story": [f"/story/{s}" for s in stories] + [f"/story/{s}.json" for s in stories[:30]],
            "article": [f"/article/{a}" for a in articles]}


def client(port: int, plan: dict[str, list[str]], threads: int, seconds: float, seed: int, out: mp.Queue) -> None:
    import threading

    results: list[tuple[str, float, int]] = []
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    kinds = [("index", 2), ("search", 3), ("story", 3), ("article", 2)]

    def loop(n: int) -> None:
        rng = random.Random(seed * 1000 + n)
        mine = []
        for _ in range(100_000):  # bounded: a 30 s run makes a few thousand requests
            if time.monotonic() >= deadline:
                break
            kind = rng.choices([k for k, _w in kinds], [w for _k, w in kinds])[0]
            path = rng.choice(plan[kind])
            start = time.perf_counter()
            try:
                status, _body = get(port, path)
            except OSError:
                status = -1
            mine.append((kind, time.perf_counter() - start, status))
        with lock:
            results.extend(mine)

    pool = [threading.Thread(target=loop, args=(n,)) for n in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    out.put(results)


def found_by_title(port: int, title: str) -> bool:
    phrase = '"' + title.replace('"', " ") + '"'
    return bool(json.loads(get(port, "/index.json?q=" + quote(phrase))[1])["count"])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def report(results: list[tuple[str, float, int]], seconds: float) -> bool:
    print(f"{'pages':<8}{'requests':>9}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}")
    for kind in ("index", "search", "story", "article", "all"):
        rows = [r for r in results if kind in ("all", r[0])]
        times = [t * 1000 for _k, t, _s in rows]
        errors = sum(1 for r in rows if r[2] != 200)
        print(f"{kind:<8}{len(rows):>9}{errors:>8}{percentile(times, 50):>9.0f}{percentile(times, 95):>9.0f}"
              f"{percentile(times, 99):>9.0f}{max(times, default=0):>9.0f}")
    times = [t for _k, t, _s in results]
    errors = sum(1 for r in results if r[2] != 200)
    print(f"throughput: {len(results) / seconds:.0f} requests/s")
    return errors == 0 and percentile(times, 95) < 0.3 and percentile(times, 99) < 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--events", type=int, default=250)
    parser.add_argument("--new-events", type=int, default=100)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")])}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "desk.db"
        started = time.perf_counter()
        build_store(db, args.events)
        new = write_new(Path(tmp) / "new.jsonl", args.new_events, args.events)
        print(f"store: {db.stat().st_size / 1e6:.1f} MB, built in {time.perf_counter() - started:.0f}s; "
              f"{len(new)} articles to ingest during the run")
        port = free_port()
        server = subprocess.Popen([*STORYLINE, "serve", "--db", str(db), "--port", str(port)], env=env,
                                  stderr=subprocess.PIPE)
        try:
            for _ in range(100):
                try:
                    get(port, "/favicon.ico")
                    break
                except OSError:
                    time.sleep(0.1)
            plan = urls(port)
            ingest = subprocess.Popen([*STORYLINE, "ingest", str(Path(tmp) / "new.jsonl"), "--db", str(db),
                                       "--batch-size", "8", "--quiet"], env=env, stderr=subprocess.PIPE)
            ingest_start = time.perf_counter()
            out: mp.Queue = mp.Queue()
            per = max(1, args.clients // PROCESSES)
            procs = [mp.Process(target=client, args=(port, plan, per, args.seconds, i, out)) for i in range(PROCESSES)]
            for p in procs:
                p.start()
            results = [r for _ in procs for r in out.get()]
            for p in procs:
                p.join()
            load_end = time.perf_counter() - ingest_start
            ingest_status = ingest.wait(timeout=600)
            ingest_end = time.perf_counter() - ingest_start
            ingest_err = ingest.stderr.read().decode() if ingest.stderr else ""
            print(f"clients: {per * PROCESSES} for {args.seconds:.0f}s (load ended at {load_end:.0f}s); ingest started "
                  f"with the load, ended at {ingest_end:.0f}s, exit {ingest_status}: "
                  f"{ingest_err.strip().splitlines()[-1] if ingest_err.strip() else ''}")
            ok = report(results, args.seconds)
            served = sum(get(port, f"/article/{a['id']}")[0] == 200 for a in new)
            found = sum(found_by_title(port, a["title"]) for a in new if a["title"])
            print(f"new articles served without a restart: {served}/{len(new)} article pages, "
                  f"{found}/{sum(1 for a in new if a['title'])} found by a search for their title")
            ok = ok and served == len(new)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print("targets (no errors, p95 < 300 ms, p99 < 1 s):", "met" if ok else "NOT met")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
