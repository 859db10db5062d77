"""End to end: the seed through the real build, every acceptance fact of the prep issue,
the evidence invariant on every table, and bad input that is reported but loses nothing."""
from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

from data_prep.tables import SCHEMA_VERSION, TABLES, read_table

from .conftest import ROOT, SEED
from .test_segment import SEED_HEADINGS


@pytest.fixture(scope="module")
def seed(seed_dataset):
    return {name: read_table(seed_dataset, name) for name in TABLES}


def test_manifest(seed_dataset, seed):
    manifest = json.loads((seed_dataset / "manifest.json").read_text())
    assert manifest["schema_version"] == SCHEMA_VERSION and manifest["errors"] == []
    assert manifest["counts"] == {name: len(frame) for name, frame in seed.items()}
    (entry,) = manifest["inputs"]
    assert entry["path"].endswith(SEED.name) and len(entry["sha256"]) == 64


def test_article_metadata(seed):
    (article,) = seed["articles"].itertuples()
    assert article.article_id == "ukraine-atacms-2024-11-17"
    assert article.published == pd.Timestamp("2024-11-17", tz="UTC")
    assert article.author == "Emily" and article.title.startswith("Biden Greenlights")


def test_sections_are_headings_and_headings_their_own_rows(seed):
    sentences = seed["sentences"]
    assert list(dict.fromkeys(sentences.section)) == SEED_HEADINGS
    headings = sentences[sentences.heading]
    assert list(headings.text) == SEED_HEADINGS and (headings.section == headings.text).all()
    body = sentences[~sentences.heading]
    assert not body.text.isin(SEED_HEADINGS).any()
    assert not any(h in t for h in SEED_HEADINGS for t in body.text if h != "Conclusion")


@pytest.mark.parametrize("name", ["sentences", "mentions", "events", "figures"])
def test_every_row_carries_its_evidence(seed, name):
    text = seed["articles"].set_index("article_id").text
    frame = seed[name]
    assert len(frame) > 0
    sentences = seed["sentences"].set_index(["article_id", "sentence_id"])
    for row in frame.itertuples():
        body = text[row.article_id]
        surface = row.text if name == "sentences" else row.surface
        assert body[row.start:row.end] == surface
        s = sentences.loc[(row.article_id, row.sentence_id)]
        assert s.start <= row.start < row.end <= s.end


def mentions_named(seed, surface):
    m = seed["mentions"]
    return m[m.surface == surface]


def test_kursk_is_a_place_in_russia(seed):
    kursk = mentions_named(seed, "Kursk region")  # the seed's words: the oblast, not the city
    assert len(kursk) == 1
    row = kursk.iloc[0]
    assert (row.kind, row.country_code, row.entity_id) == ("place", "RU", "region:RU-KRS")
    assert abs(row.lat - 51.7) < 0.3 and abs(row.lon - 36.2) < 0.4


@pytest.mark.parametrize("surface, code", [
    ("Ukraine", "UA"), ("Russia", "RU"), ("North Korea", "KP"), ("U.S.", "US")])
def test_countries(seed, surface, code):
    rows = mentions_named(seed, surface)
    assert len(rows) >= 1
    assert set(rows.kind) == {"country"} and set(rows.country_code) == {code}
    assert rows.lat.notna().all() and rows.lon.notna().all()


@pytest.mark.parametrize("name", ["Joe Biden", "Volodymyr Zelenskyy", "Vladimir Putin", "Donald Trump"])
def test_persons(seed, name):
    rows = mentions_named(seed, name)
    assert len(rows) == 1 and rows.iloc[0].kind == "person"


def test_short_name_is_the_same_person(seed):
    m = seed["mentions"]
    biden = m[m.surface.isin(["Biden", "Joe Biden"])]
    assert len(biden) >= 2 and biden.entity_id.nunique() == 1 and set(biden.name) == {"Joe Biden"}


def test_nato_is_an_organization(seed):
    assert set(mentions_named(seed, "NATO").kind) == {"organization"}


def test_nationality_counts_for_its_country(seed):
    rows = mentions_named(seed, "North Korean")
    assert set(rows.kind) == {"group"} and set(rows.country_code) == {"KP"}
    country = mentions_named(seed, "North Korea").entity_id.iloc[0]
    assert set(rows.entity_id) == {country}


def test_every_country_and_place_has_coordinates(seed):
    m = seed["mentions"]
    geo = m[m.kind.isin(["country", "place"])]
    assert len(geo) and geo.lat.between(-90, 90).all() and geo.lon.between(-180, 180).all()


def event(seed, surface):
    e = seed["events"]
    rows = e[e.surface.str.contains(surface)]
    assert len(rows) == 1, e[["surface", "date"]]
    return rows.iloc[0]


def test_february_2022_is_a_month_event(seed):
    row = event(seed, "February 2022")
    assert row.precision == "month" and not row.relative
    assert row.date == pd.Timestamp("2022-02-01") and row.date_end == pd.Timestamp("2022-02-28")
    assert "country:RU" in row.actors


def test_january_resolves_to_the_coming_january(seed):
    row = event(seed, "January")
    assert row.precision == "month" and row.relative
    assert row.date == pd.Timestamp("2025-01-01")


def figure(seed, value):
    f = seed["figures"]
    rows = f[(f.value - value).abs() < 1e-6 * value]
    assert len(rows) == 1, f[["surface", "value", "unit"]]
    return rows.iloc[0]


def test_troops_figure(seed):
    row = figure(seed, 12000)
    assert (row.unit, row.of, bool(row.approximate)) == ("count", "troops", True)
    assert "12,000" in row.surface


def test_security_assistance_figure(seed):
    row = figure(seed, 56.2e9)
    assert row.unit == "USD" and bool(row.approximate) and "$56.2 billion" in row.surface
    assert "country:US" in row.actors and "country:UA" in row.actors


def test_topics(seed):
    sentences = seed["sentences"]
    assert sentences.topics.map(len).sum() > 0
    assert set(seed["articles"].topics.iloc[0]) == set().union(*sentences.topics)


@pytest.mark.slow
def test_build_reports_bad_input_and_keeps_the_rest(tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "g1", "text": "Floods hit Lisbon on Monday.",
                                "published": "2023-03-08"}) + "\n{broken\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    out = tmp_path / "out"
    run = subprocess.run([sys.executable, "-m", "data_prep", "build", str(good), str(bad),
                          "--out", str(out)], capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 1, run.stderr
    assert f"{good}:2: invalid JSON" in run.stderr and f"{bad}:1: not UTF-8" in run.stderr
    manifest = json.loads((out / "manifest.json").read_text())
    assert [(e["path"], e["line"]) for e in manifest["errors"]] == [(str(good), 2), (str(bad), 1)]
    assert read_table(out, "articles").article_id.tolist() == ["g1"]
    assert "Lisbon" in read_table(out, "mentions").surface.tolist()


@pytest.mark.slow
def test_build_with_nothing_readable_keeps_the_old_dataset(tmp_path, seed_dataset):
    bad = tmp_path / "empty.jsonl"
    bad.write_text('{"text": ""}\n', encoding="utf-8")
    out = tmp_path / "kept"
    good = tmp_path / "g.jsonl"
    good.write_text(json.dumps({"id": "keep", "text": "Talks resumed in Geneva."}) + "\n")
    assert subprocess.run([sys.executable, "-m", "data_prep", "build", str(good), "--out", str(out)],
                          cwd=ROOT).returncode == 0
    run = subprocess.run([sys.executable, "-m", "data_prep", "build", str(bad), "--out", str(out)],
                         capture_output=True, text=True, cwd=ROOT)
    assert run.returncode == 2 and "no article could be read" in run.stderr
    assert read_table(out, "articles").article_id.tolist() == ["keep"]


def test_duplicate_ids_are_reported(tmp_path):
    from data_prep.build import read_inputs

    path = tmp_path / "d.jsonl"
    path.write_text("\n".join(json.dumps({"id": "same", "text": t}) for t in ["One.", "Two."]))
    articles, inputs, errors = read_inputs([path])
    assert len(articles) == 1 and errors[0].line == 2 and "duplicate" in errors[0].message
    assert inputs[0]["articles"] == 1 and inputs[0]["errors"] == 1


def test_same_file_name_in_two_folders_keeps_both(tmp_path):
    from data_prep.build import read_inputs

    for folder in ["a", "b"]:
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "index.html").write_text(f"<p>Story from {folder}.</p>")
    articles, _, errors = read_inputs([tmp_path])
    assert errors == [] and len({a.article_id for a in articles}) == 2
    assert articles[0].article_id == "index" and articles[1].article_id.startswith("index-")
