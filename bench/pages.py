"""Benchmark: how long each dashboard page takes to run, cold and warm, on a dataset.

Uses Streamlit's AppTest (the script run, without a browser). The baseline in the same run is
a one-line Streamlit script, so the figures show the app's own cost over the framework's.

    python -m bench.pages --data data/seed [--data /tmp/war704]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from bench import save_result
import streamlit as st
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parents[1] / "dashboard" / "app.py"
PAGES = ["overview", "timeline", "map", "figures", "actors", "text"]


def timed(run) -> float:
    started = time.perf_counter()
    run()
    return time.perf_counter() - started


def page_times(data_dir: Path, page: str, repeat: int) -> dict[str, float]:
    """Seconds for a cold run (caches cleared) and the median warm rerun of one page."""
    os.environ["NEWS_DATA_DIR"] = str(data_dir)
    st.cache_data.clear()
    at = AppTest.from_file(str(APP), default_timeout=120)

    def first() -> None:
        at.run()
        if page != "overview":
            at.switch_page(f"views/{page}.py").run()

    cold = timed(first)
    assert not at.exception, [e.value for e in at.exception]
    warm = [timed(at.run) for _ in range(repeat)]
    return {"cold_s": round(cold, 3), "warm_s": round(statistics.median(warm), 3)}


def baseline(repeat: int) -> float:
    """Median run of a trivial script: the framework's own cost per run."""
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "hello.py"
        script.write_text("import streamlit as st\nst.title('hello')\n")
        at = AppTest.from_file(str(script))
        at.run()
        return statistics.median(timed(at.run) for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, action="append", required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    result = {"baseline_warm_s": round(baseline(args.repeat), 3), "datasets": {}}
    for data_dir in args.data:
        counts = json.loads((data_dir / "manifest.json").read_text())["counts"]
        result["datasets"][str(data_dir)] = {
            "counts": counts,
            "pages": {page: page_times(data_dir, page, args.repeat) for page in PAGES},
        }
    save_result("pages", result)


if __name__ == "__main__":
    main()
