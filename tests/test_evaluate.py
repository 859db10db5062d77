"""The evaluator's matching rules on made-up labels and fake extractions (no corpus text)."""
from __future__ import annotations

import pandas as pd
import pytest

from bench.evaluate import (
    HEADLINE, LabelledEntity, entity_matches, evaluate, headline_table, institution_id,
    markdown_table, score_actors, score_event_dates, score_mentions, score_places,
    score_short_line_entities, score_short_line_events, score_short_line_figures,
)

A = "fake-article"


def mentions(*rows):
    """Fake mention rows: (name, kind, country_code, entity_id)."""
    return pd.DataFrame([{"article_id": A, "surface": n, "name": n, "kind": k, "country_code": c,
                          "entity_id": i} for n, k, c, i in rows])


def label(entities=(), events=(), figures=()):
    return {"article_id": A, "entities": list(entities), "events": list(events),
            "figures": list(figures)}


ARMY = {"name": "Armed forces of Ruritania", "kind": "organization", "country_code": "RU",
        "institution": "armed-forces"}


def test_institution_id():
    assert institution_id("RU", "armed-forces") == "inst:RU:armed-forces"
    assert institution_id(None, "police") is None


def test_institution_label_matches_by_entity_id_whatever_the_name():
    system = mentions(("Ruritanian troops", "organization", "RU", "inst:RU:armed-forces"))
    outcome = score_mentions(system, label([ARMY]))
    assert (outcome.counts.tp, outcome.counts.system, outcome.counts.labels) == (1, 1, 1)


def test_institution_label_needs_the_same_role_and_country():
    wrong_role = mentions(("Navy of Ruritania", "organization", "RU", "inst:RU:navy"))
    wrong_country = mentions(("Armed forces of Freedonia", "organization", "FD", "inst:FD:armed-forces"))
    for system in (wrong_role, wrong_country):
        outcome = score_mentions(system, label([ARMY]))
        assert outcome.counts.tp == 0 and outcome.missed and outcome.spurious


def test_a_name_match_without_the_entity_id_does_not_count_for_an_institution():
    system = mentions(("Armed forces of Ruritania", "organization", None, "Q123"))
    assert score_mentions(system, label([ARMY])).counts.tp == 0


def test_an_unmatched_institution_mention_is_a_false_positive():
    system = mentions(("Police of Ruritania", "organization", "RU", "inst:RU:police"),
                      ("Acme Corp", "organization", None, None))
    outcome = score_mentions(system, label([{"name": "Acme Corp", "kind": "organization",
                                             "country_code": None}]))
    assert (outcome.counts.tp, outcome.counts.system) == (1, 2)
    assert outcome.spurious == ["Police of Ruritania (organization, RU, inst:RU:police)"]


def test_institution_mentions_are_distinct_per_entity_id():
    system = mentions(("Ruritanian troops", "organization", "RU", "inst:RU:armed-forces"),
                      ("Ruritanian army", "organization", "RU", "inst:RU:armed-forces"))
    outcome = score_mentions(system, label([ARMY]))
    assert (outcome.counts.tp, outcome.counts.system) == (1, 1)
    assert score_mentions(system, label([ARMY]), use_kind=False).counts.system == 1


def test_plain_entities_still_match_as_before():
    assert entity_matches(LabelledEntity("Putin", "person"), LabelledEntity("Vladimir Putin", "person"))
    assert entity_matches(LabelledEntity("Russians", "group", "RU"), LabelledEntity("Russia", "group", "RU"))
    system = pd.DataFrame([{"article_id": A, "surface": "EU", "name": None, "kind": "organization",
                            "country_code": None}])  # an old table without entity_id
    outcome = score_mentions(system, label([{"name": "European Union", "kind": "organization",
                                             "country_code": None}]))
    assert outcome.counts.tp == 1


def test_places_need_the_right_country_and_either_place_kind():
    lab = label([{"name": "Springfield", "kind": "place", "country_code": "US"},
                 {"name": "Taiwan", "kind": "country", "country_code": "TW"},
                 {"name": "Europe", "kind": "place", "country_code": None},
                 {"name": "John Smith", "kind": "person", "country_code": None}])
    system = mentions(("Springfield", "place", "GB", None),   # wrong country
                      ("Taiwan", "place", "TW", None),        # kind differs, country right
                      ("Europe", "place", None, None),
                      ("John Smith", "person", None, None))   # not a place: left out
    outcome = score_places(system, lab)
    assert (outcome.counts.tp, outcome.counts.system, outcome.counts.labels) == (2, 3, 3)
    assert outcome.missed == ["Springfield (place, US)"]


def test_a_system_place_also_matches_by_the_surface_written_in_the_article():
    lab = label([{"name": "Mykolaiv", "kind": "place", "country_code": "UA"}])
    system = pd.DataFrame([{"article_id": A, "surface": s, "name": "Mykolayiv", "kind": "place",
                            "country_code": "UA", "entity_id": "place:mykolayiv"}
                           for s in ("Mykolaiv", "Mykolaiv's")])
    outcome = score_places(system, lab)
    assert (outcome.counts.tp, outcome.counts.system, outcome.counts.labels) == (1, 1, 1)
    # The surface counts only with the rest of the rule: a wrong country still misses.
    wrong = system.assign(country_code="RU")
    assert score_places(wrong, lab).counts.tp == 0


def test_actors_take_people_organizations_institutions_countries_and_groups():
    lab = label([ARMY, {"name": "Ruritania", "kind": "country", "country_code": "RU"},
                 {"name": "John Smith", "kind": "person", "country_code": None},
                 {"name": "Springfield", "kind": "place", "country_code": "US"}])
    system = mentions(("Ruritanian forces", "organization", "RU", "inst:RU:armed-forces"),
                      ("Smith", "person", None, None), ("Springfield", "place", "US", None),
                      ("Ruritania", "group", "RU", None))  # wrong kind: a false positive
    outcome = score_actors(system, lab)
    assert (outcome.counts.tp, outcome.counts.system, outcome.counts.labels) == (2, 3, 3)


def test_event_dates_ignore_precision():
    lab = label(events=[{"surface": "in May", "date": "2022-05-01", "precision": "month"},
                        {"surface": "on Friday", "date": "2022-06-03", "precision": "day"}])
    system = pd.DataFrame([{"article_id": A, "date": "2022-05-01", "precision": "day"}])
    outcome = score_event_dates(system, lab)
    assert (outcome.counts.tp, outcome.counts.labels) == (1, 2)


def test_short_line_recall_counts_only_flagged_labels():
    lab = label(entities=[{"name": "Kyiv", "kind": "place", "country_code": "UA", "in_short_line": True},
                          {"name": "Jane Doe", "kind": "person", "country_code": None, "in_short_line": True},
                          {"name": "Ruritania", "kind": "country", "country_code": "RU"}],
                events=[{"surface": "May 3", "date": "2022-05-03", "precision": "day", "in_short_line": True},
                        {"surface": "today", "date": "2022-05-04", "precision": "day"}],
                figures=[{"surface": "3 km", "value": 3000, "unit": "m", "in_short_line": True},
                         {"surface": "5%", "value": 5, "unit": "percent"}])
    system = mentions(("Kyiv", "place", "UA", None), ("Ruritania", "country", "RU", None))
    ents = score_short_line_entities(system, lab)
    assert (ents.counts.tp, ents.counts.labels, ents.missed) == (1, 2, ["Jane Doe (person)"])
    events = pd.DataFrame([{"article_id": A, "date": "2022-05-04", "precision": "day"}])
    assert score_short_line_events(events, lab).counts.tp == 0
    assert score_short_line_events(events, lab).counts.labels == 1
    figures = pd.DataFrame([{"article_id": A, "value": 3000.0, "unit": "m"}])
    figs = score_short_line_figures(figures, lab)
    assert (figs.counts.tp, figs.counts.labels) == (1, 1)


def test_evaluate_keeps_the_old_scores_and_adds_the_headline():
    lab = label([ARMY, {"name": "Springfield", "kind": "place", "country_code": "US", "in_short_line": True}],
                events=[{"surface": "in 2004", "date": "2004-01-01", "precision": "year"}],
                figures=[{"surface": "5%", "value": 5, "unit": "percent"}])
    tables = {"mentions": mentions(("Ruritanian army", "organization", "RU", "inst:RU:armed-forces"),
                                   ("Springfield", "place", "US", None)),
              "events": pd.DataFrame([{"article_id": A, "date": "2004-01-01", "precision": "year"}]),
              "figures": pd.DataFrame([{"article_id": A, "value": 5.0, "unit": "%"}])}
    report = evaluate(tables, {A: lab})
    assert list(report["scores"]) == ["mentions", "mentions (entity only)", "events", "events (month)",
                                      "figures", "figures (no durations)"]
    assert all(s["f1"] == 1.0 for s in report["scores"].values())
    assert set(report["headline"]) == set(HEADLINE) | {"short lines: all"}
    assert report["headline"]["actors"]["recall"] == 1.0
    assert report["headline"]["places with country"]["recall"] == 1.0
    assert report["headline"]["short lines: all"]["labels"] == 1
    assert list(report["articles"][A]) == list(report["scores"])  # per-article rows as before
    assert report["headline_articles"][A]["actors"]["tp"] == 1
    assert markdown_table(report["scores"]).startswith("| score |")
    assert "| actors | precision and recall |" in headline_table(report["headline"])


@pytest.mark.parametrize("path", sorted(__import__("pathlib").Path(__file__).parents[1]
                                        .joinpath("bench", "labels").glob("*.json")))
def test_label_files_follow_the_format(path):
    import json
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["article_id"] == path.stem
    for e in data["entities"]:
        assert e["kind"] in {"person", "organization", "country", "place", "group"}, e
        if e.get("institution"):
            assert e["kind"] == "organization" and e["country_code"], e
            assert e["institution"] in ROLES, e
    for e in data["events"]:
        assert e["precision"] in {"day", "month", "year"} and len(e["date"]) == 10, e
    for f in data["figures"]:
        assert isinstance(f["value"], (int, float)) and f["unit"], f
    keys = [(e["name"], e["kind"]) for e in data["entities"]]
    assert len(keys) == len(set(keys)), path


ROLES = {"government", "armed-forces", "navy", "air-force", "ministry-of-defence",
         "ministry-of-foreign-affairs", "ministry-of-interior", "ministry-of-finance", "parliament",
         "presidency", "intelligence", "central-bank", "police", "courts", "emergency-service",
         "prosecutors"}


def test_an_extraction_equal_to_the_labels_scores_perfectly_on_every_label_file():
    """The label files themselves, turned into a fake extraction, score 1.0 everywhere."""
    import json
    from pathlib import Path

    from bench.evaluate import load_labels

    labels = load_labels(Path(__file__).parents[1] / "bench" / "labels")
    m, ev, fg = [], [], []
    for aid, lab in labels.items():
        for e in lab["entities"]:
            inst = institution_id(e.get("country_code"), e.get("institution"))
            m.append({"article_id": aid, "surface": e["name"], "name": e["name"], "kind": e["kind"],
                      "country_code": e.get("country_code"), "entity_id": inst})
        ev += [{"article_id": aid, "date": e["date"], "precision": e["precision"]} for e in lab["events"]]
        fg += [{"article_id": aid, "value": f["value"], "unit": f["unit"]} for f in lab["figures"]]
    report = evaluate({"mentions": pd.DataFrame(m), "events": pd.DataFrame(ev),
                       "figures": pd.DataFrame(fg)}, labels)
    for name, s in {**report["scores"], **report["headline"]}.items():
        if s["labels"]:
            assert s["recall"] == 1.0, (name, json.dumps(s))
            if s["system"]:
                assert s["precision"] == 1.0, (name, json.dumps(s))


def test_held_out_articles_are_scored_apart(tmp_path):
    from bench.evaluate import held_out_scores, load_held_out

    listed = tmp_path / "held_out.txt"
    listed.write_text("# the held-out round\nb\n\n")
    assert load_held_out(listed) == ["b"] and load_held_out(tmp_path / "none.txt") == []
    labels = {"a": {**label([ARMY]), "article_id": "a"}, "b": {**label([]), "article_id": "b"}}
    tables = {"mentions": mentions(("Ruritanian army", "organization", "RU", "inst:RU:armed-forces"))}
    tables["mentions"]["article_id"] = "a"
    held = held_out_scores(tables, labels, ["b"])
    assert held["articles_scored"] == 1 and held["headline"]["actors"]["labels"] == 0
    assert held_out_scores(tables, labels, []) is None
    with pytest.raises(ValueError, match="without a label file"):
        held_out_scores(tables, labels, ["c"])


def test_the_held_out_list_names_labelled_articles():
    from pathlib import Path

    from bench.evaluate import load_held_out

    labels = Path(__file__).parents[1] / "bench" / "labels"
    held = load_held_out(labels / "held_out.txt")
    assert len(held) >= 12 and all((labels / f"{a}.json").exists() for a in held)

