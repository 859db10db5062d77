"""Benchmark: how well each HTML reader recovers a news article from a saved, cluttered page.

    python -m bench.html_readers --corpus ../shared/corpus/articles.jsonl [--every 50]

No saved pages ship with the project, so the labelled set is built at run time: every
``--every``-th corpus record (the first, the 51st, ...) is wrapped in one of the page layouts
of ``bench.html_pages`` (record i gets layout i mod 6), and the record's own title, date and
body are the truth. Records without a title (the GDELT ones) get a headline made from their
date, "Ukraine report, 25 January 2022", which is then the truth for that page.

Readers, all run in this one process over the same pages:

- ``hand-written``: ``data_prep.readers._BodyText`` (article, else main, else body);
- ``trafilatura`` with its defaults, with ``favor_precision`` and with ``favor_recall``
  (``bare_extraction``, comments excluded, metadata on): text, title and date as it returns them.
  Its date search is told to read markup only (``extensive_search=False``): with the default
  search it guessed "2004-01-01" and the like from body text on half of the pages that carry no
  date. Also ``favor_precision`` without tables (``include_tables=False``), which drops the
  pages laid out in tables altogether;
- ``data_prep reader``: what the build does, ``data_prep.readers.read_file`` on the page
  saved as ``.html`` (so it includes whatever fallback and clean-up the reader adds).

Scores:

- word precision / recall / F1: bag of words (casefolded ``\\w+`` tokens, counted with
  multiplicity), micro-averaged: overlaps, extracted and true tokens are summed over pages;
- mean page F1, and pages whose F1 is under 0.9;
- paragraphs kept: share of true paragraphs found as one whole line of the output; headings
  kept: the same for the crossheads among them (short lines without closing punctuation,
  which the layouts render as <h2>, except the table layout);
- title right: the title equals the true headline (whitespace and case folded);
- date right: the calendar date equals the true one, over pages that carry a date; false date:
  a date returned for a page that carries none;
- failed: the reader raised or returned no text;
- ms/page: median wall time per page.

Results go to bench/results/html_readers.json and a table is printed.
"""
from __future__ import annotations

import argparse
import json
import platform
import re
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from bench import save_result
from bench.html_pages import LAYOUTS, is_heading, render
from data_prep.readers import _BodyText, parse_published, read_file

_TOKEN = re.compile(r"\w+")

DATE_SEARCH = {"extensive_search": False, "original_date": True}

Reader = Callable[[str], tuple[str | None, str | None, str]]


def tokens(text: str) -> Counter:
    return Counter(t.casefold() for t in _TOKEN.findall(text or ""))


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def load_sample(corpus: Path, every: int) -> list[dict]:
    """Every ``every``-th record with its truth: title, date (or None) and paragraphs."""
    sample = []
    with corpus.open(encoding="utf-8") as fh:
        for index, line in enumerate(fh):
            if index % every:
                continue
            record = json.loads(line)
            published = parse_published(record.get("published"))
            title = record.get("title") or (
                f"Ukraine report, {published:%-d %B %Y}" if published else f"Report {index}")
            paragraphs = [" ".join(p.split()) for p in record["text"].split("\n") if p.strip()]
            sample.append({"id": record["id"], "title": title, "published": published,
                           "paragraphs": paragraphs})
    return sample


def hand_written(markup: str) -> tuple[str | None, str | None, str]:
    return _BodyText.extract(markup)


def trafilatura_reader(**options) -> Reader:
    def read(markup: str) -> tuple[str | None, str | None, str]:
        import trafilatura

        doc = trafilatura.bare_extraction(markup, include_comments=False, with_metadata=True,
                                          date_extraction_params=DATE_SEARCH, **options)
        if doc is None:
            return None, None, ""
        return doc.title, doc.date, doc.text or ""
    return read


def shipped_reader(folder: Path) -> Reader:
    def read(markup: str) -> tuple[str | None, str | None, str]:
        path = folder / "page.html"
        path.write_text(markup, encoding="utf-8")
        errors: list = []
        articles = read_file(path, errors)
        if not articles:
            return None, None, ""
        article = articles[0]
        return article.title, article.published and article.published.isoformat(), article.text
    return read


def score(reader: Reader, pages: list[dict]) -> dict:
    overlap = extracted = truth = 0
    page_f1, times, layouts = [], [], {}
    heads = heads_kept = kept = paragraphs = titles = dates = dated = false_dates = undated = failed = 0
    for page in pages:
        started = time.perf_counter()
        try:
            title, published, text = reader(page["html"])
        except Exception:  # a failure is a result here, not the end of the benchmark
            title, published, text = None, None, ""
        times.append(time.perf_counter() - started)
        true_tokens = tokens("\n".join(page["paragraphs"]))
        got = tokens(text)
        common = sum((true_tokens & got).values())
        overlap += common
        extracted += sum(got.values())
        truth += sum(true_tokens.values())
        p = common / max(sum(got.values()), 1)
        r = common / max(sum(true_tokens.values()), 1)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        page_f1.append(f1)
        layouts.setdefault(page["layout"], []).append(f1)
        failed += not (text or "").strip()
        lines = {_norm(line) for line in (text or "").split("\n")}
        kept += sum(_norm(par) in lines for par in page["paragraphs"])
        heads += sum(map(is_heading, page["paragraphs"]))
        heads_kept += sum(_norm(par) in lines for par in page["paragraphs"] if is_heading(par))
        paragraphs += len(page["paragraphs"])
        titles += _norm(title) == _norm(page["title"])
        try:
            when = parse_published(published)
        except ValueError:
            when = None
        if page["published"]:
            dated += 1
            dates += bool(when) and when.date() == page["published"].date()
        else:
            undated += 1
            false_dates += when is not None
    precision = overlap / max(extracted, 1)
    recall = overlap / max(truth, 1)
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(2 * precision * recall / (precision + recall), 3) if overlap else 0.0,
        "mean_page_f1": round(statistics.mean(page_f1), 3),
        "pages_f1_under_0.9": sum(f < 0.9 for f in page_f1),
        "paragraphs_kept": round(kept / max(paragraphs, 1), 3),
        "headings_kept": round(heads_kept / max(heads, 1), 3),
        "title_right": round(titles / len(pages), 3),
        "date_right": round(dates / max(dated, 1), 3),
        "false_dates": false_dates,
        "failed": failed,
        "ms_per_page": round(1000 * statistics.median(times), 1),
        "f1_by_layout": {name: round(statistics.mean(f), 3) for name, f in sorted(layouts.items())},
        "pages": len(pages),
        "dated_pages": dated,
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--every", type=int, default=50, help="take every Nth record (default 50)")
    args = parser.parse_args(argv)

    names = list(LAYOUTS)
    pages = []
    for i, truth in enumerate(load_sample(args.corpus, args.every)):
        layout = names[i % len(names)]
        html = render(layout, title=truth["title"], published=truth["published"],
                      paragraphs=truth["paragraphs"])
        pages.append({**truth, "layout": layout, "html": html})

    import trafilatura

    with tempfile.TemporaryDirectory() as tmp:
        readers: dict[str, Reader] = {
            "hand-written": hand_written,
            "trafilatura": trafilatura_reader(),
            "trafilatura favor_precision": trafilatura_reader(favor_precision=True),
            "trafilatura favor_recall": trafilatura_reader(favor_recall=True),
            "trafilatura precision, no tables": trafilatura_reader(favor_precision=True,
                                                                   include_tables=False),
            "data_prep reader": shipped_reader(Path(tmp)),
        }
        for read in readers.values():  # warm up imports and caches outside the timing
            read(pages[0]["html"])
        scores = {name: score(read, pages) for name, read in readers.items()}

    columns = ["precision", "recall", "f1", "mean_page_f1", "pages_f1_under_0.9",
               "paragraphs_kept", "headings_kept", "title_right", "date_right", "false_dates", "failed",
               "ms_per_page"]
    width = max(map(len, scores)) + 2
    print(f"{len(pages)} pages (every {args.every}th record), {sum(p['published'] is not None for p in pages)} dated")
    print("reader".ljust(width) + " ".join(f"{c:>10.10}" for c in columns))
    for name, s in scores.items():
        print(name.ljust(width) + " ".join(f"{s[c]:>10}" for c in columns))
    print("\nF1 by layout")
    print("reader".ljust(width) + " ".join(f"{n:>12.12}" for n in sorted(LAYOUTS)))
    for name, s in scores.items():
        print(name.ljust(width) + " ".join(f"{v:>12}" for v in s["f1_by_layout"].values()))
    save_result("html_readers", {
        "corpus": str(args.corpus), "every": args.every, "pages": len(pages),
        "layouts": {n: sum(p["layout"] == n for p in pages) for n in LAYOUTS},
        "trafilatura": trafilatura.__version__,
        "python": platform.python_version(), "machine": platform.processor() or platform.machine(),
        "scores": scores,
    })


if __name__ == "__main__":
    main()
