"""Benchmark: builds at scale, each figure against a baseline measured in the same run.

    python -m bench.builds --corpus ../shared/corpus/articles.jsonl

1. throughput on the whole corpus with 1 and 2 worker processes, against bare spaCy
   ``nlp.pipe`` over the same texts (one process): the model as it ships (the baseline of the
   aim), and the parse as the build runs it (``load_model()``: the attribute rules applied by
   lookup, without the components in ``SKIPPED_IN_PARSE``), so that what the stages cost
   is seen apart from what the build saves on the model;
2. a rebuild with no change, and with 10 new articles;
3. peak memory of a one-process build of the first 700 articles and of the whole corpus
   (all processes of the build, sampled from /proc), to see how it grows;
4. a Dask LocalCluster build with 2 workers against the 2-worker process pool.

Every build runs as its own ``python -m data_prep build`` process with a fresh cache, as a
user would run it. Results go to bench/results/builds.json and a table is printed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench import save_result
from data_prep.nlp import SKIPPED_IN_PARSE, load_model, load_shipped_model

ROOT = Path(__file__).resolve().parents[1]


def _tree_rss(session: int) -> int:
    """Resident bytes of every process in ``session`` (the build and its workers)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[3]) == session:  # field 6 of stat: the session id
                total += int(fields[21]) * os.sysconf("SC_PAGE_SIZE")  # field 24: rss pages
        except (OSError, IndexError, ValueError):
            continue
    return total


def run_build(inputs: list[Path], out: Path, cache: Path, *extra: str) -> dict:
    """Run one build; its wall time, manifest counts and peak memory of all its processes."""
    command = [sys.executable, "-m", "data_prep", "build", *map(str, inputs), "--out", str(out),
               "--cache", str(cache), *extra]
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(process.pid))
            done.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise RuntimeError(f"build failed: {' '.join(command)}\n{process.stderr.read()}")
    manifest = json.loads((out / "manifest.json").read_text())
    return {"seconds": round(seconds, 2),
            # CPU time of the build and the workers it waited for: steadier than wall time
            # when other jobs share the machine.
            "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 2),
            "processed": manifest["processed"],
            "reused": manifest["reused"], "articles": manifest["counts"]["articles"],
            "peak_mb_all_processes": round(peak / 2**20),
            "peak_mb_main_process": round(usage.ru_maxrss / 1024)}


def bare_pipe(texts: list[str], nlp, disable: tuple[str, ...] = ()) -> tuple[float, float]:
    """Wall and CPU seconds for nlp.pipe over the texts, consuming every Doc (the model loaded
    before), with every component but ``disable``."""
    nlp("Warm up the model.")
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=64, disable=list(disable)):
        pass
    return time.perf_counter() - started, time.process_time() - cpu


def write_lines(lines: list[str], path: Path) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def new_articles(lines: list[str], n: int) -> list[str]:
    """``n`` articles that are not in the corpus: corpus texts under new ids, one word added."""
    out = []
    for line in lines[:n]:
        record = json.loads(line)
        record["id"] = f"new-{record['id']}"
        record["text"] += " Updated."
        out.append(json.dumps(record) + "\n")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--skip-dask", action="store_true")
    args = parser.parse_args(argv)
    lines = args.corpus.read_text(encoding="utf-8").splitlines(keepends=True)
    texts = [json.loads(line)["text"] for line in lines]
    results: dict = {"articles": len(lines), "characters": sum(map(len, texts))}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        corpus = write_lines(lines, tmp / "corpus.jsonl")
        first700 = write_lines(lines[:700], tmp / "first700.jsonl")
        added = write_lines(new_articles(lines, 10), tmp / "added.jsonl")

        wall, cpu = bare_pipe(texts, load_shipped_model())
        results["bare_nlp_pipe_s"], results["bare_nlp_pipe_cpu_s"] = round(wall, 2), round(cpu, 2)
        # The build's own parse: the attribute rules by lookup, and without the components in
        # SKIPPED_IN_PARSE (the stages ask them for the few tokens they need). Against it, a
        # build's extra time is what the stages, linking and writing cost.
        wall, cpu = bare_pipe(texts, load_model(), SKIPPED_IN_PARSE)
        results["parse_as_built_s"], results["parse_as_built_cpu_s"] = round(wall, 2), round(cpu, 2)
        one = run_build([corpus], tmp / "one", tmp / "one.cache", "--workers", "1")
        two = run_build([corpus], tmp / "two", tmp / "two.cache", "--workers", "2")
        results["one_worker"], results["two_workers"] = one, two
        results["rebuild_no_change"] = run_build([corpus], tmp / "two", tmp / "two.cache", "--workers", "2")
        results["rebuild_10_new"] = run_build([corpus, added], tmp / "two", tmp / "two.cache", "--workers", "2")
        results["memory_700"] = run_build([first700], tmp / "m700", tmp / "m700.cache", "--workers", "1")
        if not args.skip_dask:
            results["dask_two_workers"] = run_build([corpus], tmp / "dask", tmp / "dask.cache",
                                                    "--engine", "dask", "--workers", "2")
    bare = results["bare_nlp_pipe_s"]
    results["ratios"] = {
        "one_worker_vs_bare": round(bare / one["seconds"], 3),
        "one_worker_vs_bare_cpu": round(results["bare_nlp_pipe_cpu_s"] / one["cpu_seconds"], 3),
        "one_worker_vs_parse_as_built": round(results["parse_as_built_s"] / one["seconds"], 3),
        "two_workers_vs_one": round(one["seconds"] / two["seconds"], 3),
        "two_workers_per_worker_vs_bare": round(bare / (2 * two["seconds"]), 3),
        "memory_2792_vs_700": round(one["peak_mb_all_processes"]
                                    / results["memory_700"]["peak_mb_all_processes"], 2),
    }
    if "dask_two_workers" in results:
        results["ratios"]["dask_vs_pool"] = round(two["seconds"] / results["dask_two_workers"]["seconds"], 3)
    results["machine"] = (f"{platform.machine()}, {os.cpu_count()} cores, "
                          f"Python {platform.python_version()}")
    save_result("builds", results)
    print(table(results))


def table(results: dict) -> str:
    """The README's table."""
    rows = [("bare nlp.pipe, 1 process (the model as it ships)", results["bare_nlp_pipe_s"], results.get("bare_nlp_pipe_cpu_s", ""),
             "", "")]
    if "parse_as_built_s" in results:
        rows.append(("the build's parse alone (attribute rules by lookup, without "
                     + ", ".join(SKIPPED_IN_PARSE) + ")", results["parse_as_built_s"],
                     results["parse_as_built_cpu_s"], "", ""))
    for label, key in [("build, 1 worker", "one_worker"), ("build, 2 workers", "two_workers"),
                       ("build, Dask LocalCluster, 2 workers", "dask_two_workers"),
                       ("rebuild, no change", "rebuild_no_change"),
                       ("rebuild, 10 new articles", "rebuild_10_new"),
                       ("build of the first 700, 1 worker", "memory_700")]:
        if key in results:
            r = results[key]
            rows.append((label, r["seconds"], r.get("cpu_seconds", ""), f"{r['processed']} / {r['reused']}",
                         f"{r['peak_mb_all_processes']} MB"))
    lines = ["| run | seconds | CPU seconds | processed / reused | peak memory (all processes) |",
             "| --- | ---: | ---: | ---: | ---: |"]
    lines += [f"| {a} | {b} | {c} | {d} | {e} |" for a, b, c, d, e in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    main()
