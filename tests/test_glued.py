"""A person's name glued to a body's or a country's (data_prep.glued).

Every sentence is invented for the test (no corpus text, no article's names).
"""
from __future__ import annotations

import pytest

from .test_institutions import mentions_of


def kinds(found: list[dict]) -> set[tuple[str, str]]:
    return {(m["surface"], m["kind"]) for m in found}


def test_an_officer_glued_to_the_body_is_split(parse):
    found = kinds(mentions_of(parse, "Deputy Chairman of the Standing Committee of the Senate of Moldova "
                                     "Ion Rusu opened the session. Ion Rusu said the talks would go on."))
    assert ("Standing Committee of the Senate of Moldova", "organization") in found
    assert ("Ion Rusu", "person") in found
    assert not any("Rusu" in surface and kind == "organization" for surface, kind in found)


def test_a_country_glued_to_a_person_is_split(parse):
    found = kinds(mentions_of(parse, "The head of the Federal Audit Office of Austria Klaus Berger presented "
                                     "the report. Berger said costs had doubled."))
    assert ("Klaus Berger", "person") in found
    assert ("Austria", "country") in found


def test_a_nationality_before_a_person_is_a_group(parse):
    found = kinds(mentions_of(parse, "Veteran Spaniard Conchita Martinez came from a set down to win. "
                                     "Martinez said it was hard."))
    assert ("Conchita Martinez", "person") in found and ("Spaniard", "group") in found
    assert not any(kind == "organization" for _, kind in found)


@pytest.mark.parametrize("text, whole", [
    # three given and family names are one name, whatever the article does with the last one
    ("Mary Ann Smith spoke first. Smith said so.", "Mary Ann Smith"),
    # no person of the article is called Africa
    ("Stars known as USA For Africa recorded a single. Africa needed help, Smith said.", "USA For Africa"),
])
def test_one_name_stays_whole(parse, text, whole):
    assert whole in {m["surface"] for m in mentions_of(parse, text)}


def test_no_split_without_the_surname_elsewhere(parse):
    # The evidence for a person is the article's own use of the surname: here there is none.
    text = "The Standing Committee of the Senate of Moldova Ion Rusu met on Friday."
    assert "Ion Rusu" not in {m["surface"] for m in mentions_of(parse, text)}


def test_names_joined_by_at_are_split(parse):
    found = kinds(mentions_of(parse, "They won the final against Perpignan at Lansdowne Road last year."))
    assert ("Lansdowne Road", "place") in found
    assert not any(" at " in surface for surface, _ in found)


def test_a_person_after_after_is_split_off(parse):
    found = kinds(mentions_of(parse, "The bill passed the Commons after Mr Brown spoke."))
    assert ("Brown", "person") in found
    assert not any(" after " in surface for surface, _ in found)


@pytest.mark.parametrize("text, name", [
    ("The Joint Committee on Human Rights met on Friday.", "Joint Committee on Human Rights"),
    ("A spokesman for the Campaign to Protect Rural England said the plan was wrong.",
     "Campaign to Protect Rural England"),
])
def test_a_name_with_a_lowercase_word_of_its_own_stays(parse, text, name):
    assert name in {m["surface"] for m in mentions_of(parse, text)}


# Invented sentences (not from any corpus).
def test_a_sunday_papers_name_keeps_its_day(parse):
    found = mentions_of(parse, "A poll for the Mail on Sunday found most voters undecided.")
    assert [(m["surface"], m["kind"]) for m in found] == [("Mail on Sunday", "organization")]
