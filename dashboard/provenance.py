"""What a dataset was built from and how far its tables can be trusted (the About page).

Pure functions over plain data: the dataset's ``manifest.json`` (written by ``data_prep.build``)
and the project's measured accuracy, ``dashboard/accuracy.json`` (written by ``make eval``,
``bench/evaluate.py``, from the hand labels in ``bench/labels``).
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

__all__ = ["ACCURACY_FILE", "TABLE_SCORES", "load_json", "shown_path", "build_facts", "inputs_table", "format_score",
           "errors_table", "counts_table", "accuracy_table"]

ACCURACY_FILE = Path(__file__).resolve().parent / "accuracy.json"

# The evaluator's scores shown per table, in the words of the page: (table, what is judged, score).
TABLE_SCORES = [
    ("Map", "places with the right country", "places with country"),
    ("Actors", "people, organisations, institutions, countries, groups", "actors"),
    ("Timeline", "event dates (the day)", "events (date value)"),
    ("Figures", "numbers with their unit (durations left out)", "figures (no durations)"),
    ("Text", "names in datelines, bylines and short lines (recall only)", "short lines: entities"),
]


def load_json(path: Path) -> dict:
    """The JSON object in ``path``, or an empty dict when the file is missing or unreadable."""
    try:
        value = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def shown_path(path: object) -> str:
    """An input's name as a page may show it: relative paths as built, absolute ones (an
    upload's folder on the server) reduced to the file name."""
    text = str(path or "")
    return Path(text).name if Path(text).is_absolute() else text


def build_facts(manifest: dict) -> list[tuple[str, str]]:
    """(label, value) lines about the build: when, which pipeline, how many articles reused."""
    facts = [("Built", str(manifest.get("built_at") or "unknown")),
             ("Pipeline version", str(manifest.get("pipeline") or "unknown")),
             ("Schema version", str(manifest.get("schema_version") or "unknown"))]
    if "processed" in manifest:
        facts.append(("Articles processed / reused from the cache",
                      f"{manifest.get('processed', 0):,} / {manifest.get('reused', 0):,}"))
    if manifest.get("synthetic"):
        facts.append(("Synthetic", "yes: rows replicated from another dataset for benchmarks"))
    return facts


def inputs_table(manifest: dict) -> pd.DataFrame:
    """One row per input file: its name, articles read and errors."""
    rows = [{"input": shown_path(i.get("path")), "articles": int(i.get("articles") or 0),
             "errors": int(i.get("errors") or 0)} for i in manifest.get("inputs") or []]
    return pd.DataFrame(rows, columns=["input", "articles", "errors"])


def errors_table(manifest: dict) -> pd.DataFrame:
    """One row per input error: file, line (None for the whole file) and message."""
    rows = [{"file": shown_path(e.get("path")), "line": e.get("line"), "message": str(e.get("message", ""))}
            for e in manifest.get("errors") or []]
    return pd.DataFrame(rows, columns=["file", "line", "message"])


def counts_table(manifest: dict) -> pd.DataFrame:
    """Rows per table of the dataset."""
    counts = manifest.get("counts") or {}
    return pd.DataFrame({"table": list(counts), "rows": [int(n) for n in counts.values()]})


def format_score(value: float | None) -> str:
    """A precision or recall as the About page shows it: two decimals, or "recall only" where
    the evaluation measures none (a blank cell would read as a missing measurement)."""
    return "recall only" if value is None or pd.isna(value) else f"{value:.2f}"


def _score(report: dict, name: str) -> dict:
    return (report.get("headline") or {}).get(name) or (report.get("scores") or {}).get(name) or {}


def accuracy_table(report: dict) -> pd.DataFrame:
    """Precision and recall of each table from the evaluation report (empty without one), on
    every labelled article and, where the report has them, on the held-out ones alone
    ("unseen": never read while the extraction was written).

    Precision is None where the evaluation measures recall only (short lines), and the unseen
    scores are None where no held-out article has a label of that kind.
    """
    columns = ["table", "judged", "precision", "recall", "labels", "unseen precision", "unseen recall"]
    held_out = report.get("held_out") or {}
    rows = []
    for table, judged, name in TABLE_SCORES:
        score, unseen = _score(report, name), _score(held_out, name)
        if not score:
            continue
        rows.append({"table": table, "judged": judged,
                     "precision": score["precision"] if score.get("system") else None,
                     "recall": score["recall"], "labels": int(score.get("labels") or 0),
                     "unseen precision": unseen["precision"] if unseen.get("system") else None,
                     "unseen recall": unseen["recall"] if unseen.get("labels") else None})
    return pd.DataFrame(rows, columns=columns)
