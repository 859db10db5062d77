"""Benchmark: the dashboard on a (large) dataset: open time, query latency, server memory, page
render times in Chromium.

    python -m bench.synthetic /tmp/full --articles 100000 --out /tmp/syn100k
    python -m bench.dashboard --data /tmp/syn100k [--repeat 7] [--no-browser]

Opening: the dataset's tables and unfiltered summaries (what the app waits for), then the
summaries of the broad single filter values (made in a thread by the app). Query latency:
every query a page runs, on one cursor, for each filter alone and combined
(p50 and p95 of ``--repeat`` runs after one warm-up), plus search for a common word, a rare
word and a phrase. Browser: ``streamlit run`` on the dataset, each page opened in Chromium
(Playwright) until Streamlit has finished drawing: once cold (first visit after start), then
warm (median of three later visits). Server memory: peak resident set (VmHWM) of the server
process after all visits. Results go to bench/results/dashboard-*.json and stdout.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from datetime import date
from pathlib import Path

import duckdb
import numpy as np

from dashboard import queries as Q
from dashboard.queries import Filters

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["", "timeline", "map", "figures", "actors", "text"]
CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]


def percentiles(samples: list[float]) -> dict[str, float]:
    ms = np.array(samples) * 1000
    return {"p50_ms": round(float(np.percentile(ms, 50)), 1), "p95_ms": round(float(np.percentile(ms, 95)), 1)}


def timed(fn, repeat: int) -> dict[str, float]:
    fn()  # warm-up
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - started)
    return percentiles(runs)


def filter_sets(options: dict) -> dict[str, Filters]:
    actor, place, topic, source = (options["actor"][0], options["place"][3], options["topic"][2],
                                   options["source"][0])
    return {
        "none": Filters(),
        "actor": Filters(actors=(actor,)),
        "place": Filters(places=(place,)),
        "topic": Filters(topics=(topic,)),
        "source": Filters(sources=(source,)),
        "dates": Filters(date_from=date(2024, 1, 1), date_to=date(2024, 6, 30)),
        "search": Filters(q="missile"),
        "combined": Filters(actors=(actor,), topics=(topic,), date_from=date(2023, 1, 1)),
    }


def query_benchmark(data: Path, repeat: int) -> dict:
    started = time.perf_counter()
    con = duckdb.connect(config={"threads": 2})
    Q.open_dataset(con, data, broad_max=0)  # as the app: the broad values' summaries follow
    opened = time.perf_counter() - started
    started = time.perf_counter()
    broad = Q.summarize_broad(con)
    summarized = time.perf_counter() - started
    rss_open = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cur, db = con.cursor(), Q.open_search(data)
    options = Q.facet_options(cur)
    out = {"open_s": round(opened, 2), "broad_summaries_s": round(summarized, 2), "broad": broad,
           "rss_after_open_mb": round(rss_open),
           "facet_options": timed(lambda: Q.facet_options(cur), repeat), "queries": {}}
    for name, filters in filter_sets(options).items():
        scope = Q.register_hits(cur, db, filters)
        actor = options["actor"][0]
        runs = {
            # Once per filters in the app (data.sentence_set caches it); every query below reuses it.
            "filter (search hits, sentence set)": lambda: Q.register_hits(cur, db, filters),
            "summary": lambda: Q.corpus_summary(cur, scope),
            "top actors": lambda: Q.top_values(cur, scope, "actor"),
            "top topics": lambda: Q.top_values(cur, scope, "topic"),
            "mentions over time": lambda: Q.mentions_over_time(cur, scope),
            "key figures": lambda: Q.key_figures(cur, scope),
            "timeline counts": lambda: Q.timeline_counts(cur, scope),
            "publication counts": lambda: Q.publication_counts(cur, scope),
            "figures page": lambda: Q.figures_page(cur, scope),
            "figures chart": lambda: Q.figures_chart(cur, scope),
            "map points": lambda: Q.place_points(cur, scope),
            "actor ranking": lambda: Q.entity_ranking(cur, scope),
            "co-occurrence": lambda: Q.cooccurrence(cur, scope),
            "actor profile": lambda: Q.actor_profile(cur, scope, actor),
            "reader choices": lambda: Q.article_choices(cur, scope),
            "reader title search": lambda: Q.article_count(cur, scope, title="ukraine"),
            "timeline events page": lambda: Q.timeline_events(cur, scope),
        }
        out["queries"][name] = {label: timed(fn, repeat) for label, fn in runs.items()}
        print(f"queries with filter {name}: done", file=sys.stderr)
    out["search"] = {}
    for label, text in [("common word (said)", "said"), ("rare word (kursk)", "kursk"),
                        ("phrase (\"air defence\")", '"air defence"')]:
        query = Q.parse_query(text)
        plain = Q.register_hits(cur, db, Filters())
        # As the Text page: the search is one of the filters, so the sentence set holds its
        # matches (found once per set of filters and cached by the app).
        alone, both = Filters(q=text), Filters(actors=(options["actor"][0],), q=text)
        out["search"][label] = {
            "matches": Q.search(db, cur, query, plain)[0],
            "sentence set of the search (once per filters)": timed(lambda: Q.register_hits(cur, db, alone), repeat),
            "sentence set of actor + search (once per filters)": timed(lambda: Q.register_hits(cur, db, both), repeat),
            # Without a sentence set: the matches counted in the index.
            "alone, index only": timed(lambda: Q.search(db, cur, query, plain), repeat),
        }
        scope = Q.register_hits(cur, db, alone)
        out["search"][label]["alone"] = timed(lambda: Q.search(db, cur, query, scope), repeat)
        within = Q.register_hits(cur, db, both)
        out["search"][label]["with actor filter"] = timed(lambda: Q.search(db, cur, query, within), repeat)
    return out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _vm(pid: int, field: str) -> int:
    """A VmRSS/VmHWM figure of a process, in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return 0


_SETTLED = """() => !!document.querySelector('[data-testid="stMain"] h1')
    && !document.querySelector('[data-testid="stSkeleton"]')
    && !document.querySelector('[data-testid="stStatusWidget"]')"""


def _render(page, url: str) -> float:
    """Seconds from navigation until Streamlit has finished (quiet for 4 checks of 100 ms, not counted)."""
    started = time.perf_counter()
    page.goto(url)
    quiet, finished = 0, None
    while quiet < 4:
        if page.evaluate(_SETTLED):
            finished = finished or time.perf_counter()
            quiet += 1
        else:
            quiet, finished = 0, None
        page.wait_for_timeout(100)
        if time.perf_counter() - started > 180:
            raise RuntimeError(f"{url} did not finish within 180 s")
    if page.locator('[data-testid="stException"]').count():
        raise RuntimeError(f"{url} shows an exception")
    return finished - started


def browser_benchmark(data: Path) -> dict:
    from playwright.sync_api import sync_playwright

    port = _free_port()
    env = dict(os.environ, NEWS_DATA_DIR=str(data))
    server = subprocess.Popen([sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard" / "app.py"),
                               "--server.port", str(port), "--server.headless", "true"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    out: dict = {"pages": {}}
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/_stcore/health", timeout=2)
                break
            except OSError:
                time.sleep(0.3)
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=os.environ.get("CHROMIUM") or shutil.which("chromium"), args=CHROMIUM_FLAGS)
            context = chromium.new_context(viewport={"width": 1400, "height": 1000})
            page = context.new_page()
            for path in PAGES:  # cold: the first visit of each page after the server started
                out["pages"][path or "overview"] = {"cold_s": round(_render(page, f"{base}/{path}"), 2)}
            for path in PAGES:
                warm = [_render(page, f"{base}/{path}") for _ in range(3)]
                out["pages"][path or "overview"]["warm_s"] = round(statistics.median(warm), 2)
            search = [_render(page, f"{base}/text?q=said") for _ in range(3)]
            out["pages"]["text?q=said"] = {"warm_s": round(statistics.median(search[1:]), 2),
                                           "cold_s": round(search[0], 2)}
            chromium.close()
        out["server_rss_mb"] = _vm(server.pid, "VmRSS")
        out["server_peak_rss_mb"] = _vm(server.pid, "VmHWM")
    finally:
        server.terminate()
        server.wait(timeout=20)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    manifest = json.loads((args.data / "manifest.json").read_text())
    result = {"data": str(args.data), "counts": manifest.get("counts"),
              "size_mb": round(sum(f.stat().st_size for f in args.data.rglob("*") if f.is_file()) / 2**20),
              "python": sys.version.split()[0], "duckdb": duckdb.__version__,
              "queries": query_benchmark(args.data, args.repeat)}
    if not args.no_browser:
        result["browser"] = browser_benchmark(args.data)
    out = ROOT / "bench" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"dashboard-{int(time.time())}.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
