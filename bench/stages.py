"""Benchmark: the per-article work after the parse (segmenting and the stages), without the model.

    python -m bench.stages record CORPUS --out PARSES.spacy [--articles N]
    python -m bench.stages replay CORPUS --parses PARSES.spacy [--articles N] [--repeat 3]

``record`` parses the articles as a build does and keeps every paragraph's Doc in a DocBin;
``replay`` feeds those Docs back through :func:`data_prep.pipeline.process_articles` and prints
its CPU seconds, so that two versions of the stages can be compared (alternating runs) without
the model's time, which is most of a build's and varies by several percent between runs.
The first repeat also fills the stages' caches (names, words): compare the later ones.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

from spacy.tokens import DocBin

from data_prep.pipeline import Pipeline, load_pipeline, process_articles
from data_prep.readers import iter_file


class _Recorder:
    """The model, keeping each Doc it parses."""

    def __init__(self, nlp):
        self.nlp, self.docs = nlp, DocBin(store_user_data=False)

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, batch, **kwargs):
        for doc, context in self.nlp.pipe(batch, **kwargs):
            self.docs.add(doc)
            yield doc, context


class _Replayer:
    """The model's answers, read back in the order they were recorded."""

    def __init__(self, nlp, docs):
        self.nlp, self.docs = nlp, iter(docs)

    def __getattr__(self, name):
        return getattr(self.nlp, name)

    def pipe(self, batch, **kwargs):
        for text, context in batch:
            doc = next(self.docs)
            if doc.text != text:
                raise ValueError("the recorded parses are of other texts: record them again")
            yield doc, context


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=("record", "replay"))
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--out", type=Path, help="record: where to write the parses")
    parser.add_argument("--parses", type=Path, help="replay: the parses written by record")
    parser.add_argument("--articles", type=int, default=None, help="the first N articles only")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    articles = list(iter_file(args.corpus, []))[:args.articles]
    real = load_pipeline()
    if args.mode == "record":
        recorder = _Recorder(real.nlp)
        process_articles(articles, Pipeline(recorder, real.resources))
        args.out.write_bytes(recorder.docs.to_bytes())
        print(f"recorded the parses of {len(articles)} articles in {args.out}")
        return
    docs = list(DocBin().from_bytes(args.parses.read_bytes()).get_docs(real.nlp.vocab))
    for _ in range(args.repeat):
        started = time.process_time()
        process_articles(articles, Pipeline(_Replayer(real.nlp, docs), real.resources))
        print(f"segmenting and stages: {time.process_time() - started:.2f} s CPU "
              f"({len(articles)} articles)")


if __name__ == "__main__":
    main()
