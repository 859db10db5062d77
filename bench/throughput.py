"""Benchmark: articles per second of the whole prep against spaCy's bare ``nlp.pipe``.

Both run in the same process on the same texts with the same model, alternating, so machine
load affects both alike. The figure that matters is the ratio prep/bare (aim: >= 0.8).

    python -m bench.throughput --corpus ../shared/corpus/articles.jsonl --limit 704
"""
from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

from bench import save_result
from data_prep.build import build
from data_prep.nlp import load_model
from data_prep.readers import read_file


def bare_pipe(texts: list[str]) -> float:
    """Seconds for nlp.pipe over the texts, consuming every Doc."""
    nlp = load_model()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64):
        pass
    return time.perf_counter() - started


def whole_prep(corpus: Path, out: Path) -> float:
    """Seconds for the whole build: read, segment, parse, extract, link, write."""
    started = time.perf_counter()
    build([corpus], out)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--limit", type=int, default=704, help="first N articles (704 = the war set)")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        with args.corpus.open(encoding="utf-8") as src, subset.open("w", encoding="utf-8") as dst:
            for index, line in enumerate(src):
                if index >= args.limit:
                    break
                dst.write(line)
        texts = [a.text for a in read_file(subset, [])]
        load_model()("Warm up the model.")
        bare, prep = [], []
        for _ in range(args.repeat):
            bare.append(bare_pipe(texts))
            prep.append(whole_prep(subset, Path(tmp) / "out"))
    n = len(texts)
    result = {
        "articles": n,
        "characters": sum(map(len, texts)),
        "bare_nlp_pipe_s": round(min(bare), 2),
        "whole_prep_s": round(min(prep), 2),
        "bare_articles_per_s": round(n / min(bare), 1),
        "prep_articles_per_s": round(n / min(prep), 1),
        "ratio": round(min(bare) / min(prep), 3),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, "
                   f"{__import__('os').cpu_count()} cores, Python {platform.python_version()}",
    }
    save_result("throughput", result)


if __name__ == "__main__":
    main()
