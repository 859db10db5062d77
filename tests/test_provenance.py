"""The About page's pure helpers: manifest tables and the accuracy report."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from dashboard import provenance as prov

MANIFEST = {
    "schema_version": 3, "built_at": "2026-01-02T03:04:05+00:00", "pipeline": "abc123",
    "processed": 3, "reused": 2,
    "inputs": [{"path": "news/a.jsonl", "articles": 5, "errors": 1},
               {"path": "/srv/uploads/x7/input/b.html", "articles": 1, "errors": 0}],
    "counts": {"articles": 6, "sentences": 40, "mentions": 90, "events": 4, "figures": 7},
    "errors": [{"path": "news/a.jsonl", "line": 3, "message": "invalid JSON"},
               {"path": "/srv/uploads/x7/input/c.txt", "line": None, "message": "not UTF-8"}],
}

REPORT = {
    "evaluated_at": "2026-12-02T10:00:00+00:00", "articles_scored": 41, "pipeline": "abc123",
    "scores": {"figures (no durations)": {"tp": 9, "system": 10, "labels": 12, "precision": 0.9,
                                          "recall": 0.75, "f1": 0.82}},
    "headline": {
        "places with country": {"tp": 8, "system": 9, "labels": 10, "precision": 0.889, "recall": 0.8},
        "actors": {"tp": 5, "system": 6, "labels": 7, "precision": 0.833, "recall": 0.714},
        "short lines: entities": {"tp": 3, "system": 0, "labels": 4, "precision": 0.0, "recall": 0.75},
    },
}


def test_manifest_tables_show_inputs_errors_and_counts_without_server_paths():
    inputs, errors = prov.inputs_table(MANIFEST), prov.errors_table(MANIFEST)
    assert inputs.to_dict("records") == [{"input": "news/a.jsonl", "articles": 5, "errors": 1},
                                         {"input": "b.html", "articles": 1, "errors": 0}]
    assert errors["file"].tolist() == ["news/a.jsonl", "c.txt"]
    assert errors["message"].tolist() == ["invalid JSON", "not UTF-8"]
    assert dict(zip(*prov.counts_table(MANIFEST).T.values)) == MANIFEST["counts"]
    facts = dict(prov.build_facts(MANIFEST))
    assert facts["Pipeline version"] == "abc123"
    assert facts["Articles processed / reused from the cache"] == "3 / 2"


def test_an_empty_manifest_gives_empty_tables():
    assert prov.inputs_table({}).empty and prov.errors_table({}).empty and prov.counts_table({}).empty
    assert dict(prov.build_facts({}))["Built"] == "unknown"


def test_accuracy_table_has_one_row_per_measured_table():
    table = prov.accuracy_table(REPORT)
    assert table["table"].tolist() == ["Map", "Actors", "Figures", "Text"]  # no event score given
    rows = table.set_index("table")
    assert rows.loc["Actors", "precision"] == 0.833 and rows.loc["Actors", "recall"] == 0.714
    assert rows.loc["Figures", "labels"] == 12
    assert pd.isna(rows.loc["Text", "precision"])  # recall only: no system count
    assert prov.accuracy_table({}).empty


@pytest.mark.parametrize("value, shown", [(0.8333, "0.83"), (1.0, "1.00"), (0.0, "0.00"),
                                           (None, "recall only"), (float("nan"), "recall only")])
def test_format_score_names_a_missing_precision(value, shown):
    assert prov.format_score(value) == shown


def test_load_json_tolerates_missing_and_broken_files(tmp_path):
    assert prov.load_json(tmp_path / "missing.json") == {}
    (tmp_path / "broken.json").write_text("{not json")
    assert prov.load_json(tmp_path / "broken.json") == {}
    (tmp_path / "list.json").write_text("[1, 2]")
    assert prov.load_json(tmp_path / "list.json") == {}


def test_the_shipped_accuracy_file_covers_every_table():
    report = json.loads(prov.ACCURACY_FILE.read_text(encoding="utf-8"))
    table = prov.accuracy_table(report)
    assert table["table"].tolist() == [t for t, _, _ in prov.TABLE_SCORES]
    assert report["articles_scored"] >= 40
    assert table["recall"].between(0, 1).all()


def test_accuracy_table_adds_the_held_out_scores_where_the_report_has_them():
    report = {**REPORT, "held_out": {"articles_scored": 12, "headline": {
        "actors": {"tp": 4, "system": 5, "labels": 6, "precision": 0.8, "recall": 0.667},
        "short lines: entities": {"tp": 0, "system": 0, "labels": 0, "precision": 0.0, "recall": 0.0}}}}
    rows = prov.accuracy_table(report).set_index("table")
    assert (rows.loc["Actors", "unseen precision"], rows.loc["Actors", "unseen recall"]) == (0.8, 0.667)
    assert pd.isna(rows.loc["Map", "unseen recall"])  # no held-out score of that kind
    assert pd.isna(rows.loc["Text", "unseen recall"])  # nothing of that kind labelled in the held-out round
    assert prov.accuracy_table(REPORT)["unseen recall"].isna().all()
