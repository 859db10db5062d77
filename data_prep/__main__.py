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


def _progress_bar(total: int):
    """A tqdm progress bar on stderr for long runs; silent for short ones and non-terminals."""
    from tqdm import tqdm

    def wrap(items):
        return tqdm(items, total=total, unit="article", file=sys.stderr,
                    disable=None if total >= 20 else True, mininterval=0.5)

    return wrap


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m data_prep",
                                     description="Turn news articles into evidence-backed tables.")
    commands = parser.add_subparsers(dest="command", required=True)
    build_cmd = commands.add_parser("build", help="build a dataset from files and folders")
    build_cmd.add_argument("inputs", nargs="+", help=".txt .md .html .json .jsonl .csv files or folders")
    build_cmd.add_argument("--out", required=True, type=Path, help="dataset directory to (re)place")
    args = parser.parse_args(argv)

    from .build import NoArticlesError, build  # heavy imports after argument errors

    started = time.perf_counter()
    try:
        result = build(args.inputs, args.out, progress=_progress_bar)
    except NoArticlesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the previous dataset (if any) is unchanged", file=sys.stderr)
        return 130
    for error in result.errors:
        print(f"error: {error}", file=sys.stderr)
    counts = ", ".join(f"{len(frame)} {name}" for name, frame in result.tables.items())
    print(f"built {args.out} in {time.perf_counter() - started:.1f}s: {counts}", file=sys.stderr)
    if result.errors:
        print(f"{len(result.errors)} input problem(s); see {args.out / 'manifest.json'}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
