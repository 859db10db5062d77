"""Given names and full names of an article (data_prep.names)."""
from __future__ import annotations

import pytest

from data_prep import names


def test_the_given_name_list_knows_first_names_of_many_countries():
    assert all(names.given_name(w) for w in ("Bethany", "Yann", "Neville", "Olaf", "Sergei", "Mark", "Huw"))
    # common words, countries and big cities are left out of it
    assert not any(names.given_name(w) for w in ("Will", "Royal", "Paris", "Georgia", "Band"))


@pytest.mark.parametrize("lines, message", [
    ("names\nAnna\n", "header"),
    ("given_name\nanna\n", ":2:"),
    ("given_name\nAnna Maria\n", ":2:"),
])
def test_a_malformed_given_name_file_names_its_line(tmp_path, lines, message):
    path = tmp_path / "given_names.csv"
    path.write_text(lines, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        names.load_given_names(path)


def _span(surface: str, label: str, model_label: str = ""):
    return type("S", (), {"surface": surface, "label": label, "model_label": model_label})()


def test_a_name_tagged_org_counts_as_a_full_name_when_its_surname_is_a_person():
    found = names.collect_names([_span("Tarvo Kessel", "ORG"), _span("Kessel", "PERSON")])
    assert "tarvo kessel" in found.full


@pytest.mark.parametrize("spans", [
    # the context made it an organization ("parts maker X")
    [_span("Tarvo Kessel", "ORG", model_label="PERSON"), _span("Kessel", "PERSON")],
    # it ends like a paper's name
    [_span("Daily Courier", "ORG"), _span("Courier", "PERSON")],
])
def test_an_organizations_name_is_no_full_name_for_its_lone_word(spans):
    assert not names.collect_names(spans).full
