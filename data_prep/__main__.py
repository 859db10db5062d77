"""Command line: ``python -m data_prep build INPUT... --out DIR``.

Exit status: 0 when every input was read, 1 when some input failed (the rest is built
and the errors are in ``manifest.json``), 2 when nothing could be built (the previous
dataset, if any, is left as it was).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

__all__ = ["main"]


def _progress_bar():
    """A tqdm bar on stderr counting processed articles and articles per second (silent when
    stderr is not a terminal)."""
    from tqdm import tqdm

    return tqdm(unit="article", desc="processed", file=sys.stderr, disable=None, mininterval=0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_prep",
                                     description="Turn news articles into evidence-backed tables.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build a dataset from files and folders")
    build_cmd.add_argument("inputs", nargs="+", help=".txt .md .html .json .jsonl .csv files or folders")
    build_cmd.add_argument("--out", required=True, type=Path, help="dataset directory to (re)place")
    build_cmd.add_argument("--workers", type=int, default=None,
                           help="processes for the per-article work (default: every core)")
    build_cmd.add_argument("--engine", choices=("local", "dask"), default="local",
                           help="local process pool, or a Dask cluster (default: local)")
    build_cmd.add_argument("--scheduler", default=None, metavar="ADDRESS",
                           help="Dask scheduler address, e.g. tcp://host:8786 (with --engine dask; "
                                "without it a LocalCluster of --workers processes is started)")
    build_cmd.add_argument("--cache", type=Path, default=None, metavar="DIR",
                           help="per-article cache folder (default: OUT.cache beside the dataset)")
    args = parser.parse_args(argv)
    if args.workers is not None and args.workers < 1:
        parser.error("--workers must be at least 1")
    if args.scheduler and args.engine != "dask":
        parser.error("--scheduler needs --engine dask")

    from .build import NoArticlesError, build  # heavy imports after argument errors

    started = time.perf_counter()
    try:
        result = build(args.inputs, args.out, workers=args.workers, engine=args.engine,
                       scheduler=args.scheduler, cache_dir=args.cache, progress=_progress_bar)
    except NoArticlesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous dataset (if any) is unchanged", file=sys.stderr)
        return 130
    for note in result.notes:
        print(f"note: {note}", file=sys.stderr)
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    counts = ", ".join(f"{n} {name}" for name, n in result.counts.items())
    print(f"built {args.out} in {time.perf_counter() - started:.1f}s: {counts} "
          f"({result.processed} articles processed, {result.reused} reused)", file=sys.stderr)
    if result.errors:
        print(f"{len(result.errors)} input problem(s); see {args.out / 'manifest.json'}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
