"""Songs, indices, competitions and role words that are no actors; persons and parties the
model mistypes (round 11 classes).

Every sentence is invented for the test (no corpus text, no article's names).
"""
from __future__ import annotations

import pytest

from .test_institutions import institutions, mentions_of


def actors(found: list[dict]) -> dict[str, str]:
    return {m["surface"]: m["kind"] for m in found if m["kind"] in ("person", "organization", "group")}


@pytest.mark.parametrize("text, surface", [
    ("Her track Silver Harbour stayed at number one for a month.", "Silver Harbour"),
    ("The band's first single Paper Moonlight, signed by all four, sold for $9,000.", "Paper Moonlight"),
    ("She reached number one with her debut hit Blue Lantern in 1998.", "Blue Lantern"),
])
def test_a_title_after_a_song_noun_is_no_actor(parse, text, surface):
    assert surface not in actors(mentions_of(parse, text))


@pytest.mark.parametrize("text, surface", [
    ("A single mother, Jane Holloway, told the court she had no savings.", "Jane Holloway"),
    ("Critics said the hit had made Tom Fielding rich.", "Tom Fielding"),
])
def test_single_and_hit_as_no_song_noun_leave_the_name(parse, text, surface):
    assert actors(mentions_of(parse, text)).get(surface) == "person"


@pytest.mark.parametrize("text, surface", [
    ("The Dow Jones index fell 120 points, and the Nasdaq lost 1%.", "Dow Jones"),
    ("The Dow Jones index fell 120 points, and the Nasdaq lost 1%.", "Nasdaq"),
    ("Shares in the firm joined the FTSE 100 last year.", "FTSE 100"),
    ("R&B star Kelly Marsh sang at the gala.", "R&B"),
])
def test_stock_indices_and_genres_are_no_actors(parse, text, surface):
    assert surface not in actors(mentions_of(parse, text))


@pytest.mark.parametrize("text, surface", [
    ("The decision must be approved by Defence Secretary Alan Dorsey next week.", "Defence"),
    ("Or so says Home Secretary Peter Wragg.", "Home"),
    ("Mr Finch, an MEP for the West Midlands, resigned on Monday.", "MEP"),
])
def test_a_title_word_before_a_role_is_no_body(parse, text, surface):
    assert surface not in actors(mentions_of(parse, text))


def test_conservative_alone_is_the_party(parse):
    found = mentions_of(parse, "Voters were sceptical about Labour and Conservative promises on tax.")
    assert any(m["surface"] == "Conservative" and m["name"] == "Conservative Party" for m in found)


@pytest.mark.parametrize("text, surface", [
    ("Ireland named four new caps in their RBS Six Nations squad on Monday.", "RBS Six Nations"),
    ("Leeds lead the Barclays Premier League after ten games.", "Barclays Premier League"),
])
def test_a_competition_after_a_sponsors_name_is_no_actor(parse, text, surface):
    assert surface not in actors(mentions_of(parse, text))


def test_an_occupation_glued_to_a_name_at_a_sentence_head_is_dropped(parse):
    found = actors(mentions_of(parse, "Songwriter Tom Jarvis said the tour would go ahead."))
    assert found.get("Tom Jarvis") == "person" and "Songwriter Tom Jarvis" not in found


def test_a_kin_noun_makes_a_person(parse):
    found = actors(mentions_of(parse, "Her nephew Kamol Rashidov owns a flat in London."))
    assert found.get("Kamol Rashidov") == "person"


def test_a_leaders_regime_in_a_country_is_that_countrys_government(parse):
    found = mentions_of(parse, "He took money from Ahmad Rahimi's regime in Iraq, the paper said.")
    assert institutions(found).get("regime") == "inst:IQ:government"
