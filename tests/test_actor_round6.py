"""Actor classes of the sixth labelled round (issue 9): short forms, occupations, faiths,
process nouns, hyphenated nationalities, possessive bare roles.

Every sentence is invented for the test (no corpus text, no article's names).
"""
from __future__ import annotations

import pytest

from .test_institutions import institutions, mentions_of


def entities(found: list[dict]) -> dict[str, tuple[str, str]]:
    return {m["surface"]: (m["kind"], m["entity_id"]) for m in found}


@pytest.mark.parametrize("text, short, full", [
    ("The painter Anna van Hoorn opened a show in Leiden. Van Hoorn sold three canvases.",
     "Van Hoorn", "Anna van Hoorn"),
    ("MSP Moira Dunlevy wants a new law. People should tell Moira what they think.",
     "Moira", "Moira Dunlevy"),
])
def test_a_short_form_links_to_the_full_name(parse, text, short, full):
    found = entities(mentions_of(parse, text))
    assert found[short] == ("person", found[full][1])


@pytest.mark.parametrize("text, word", [
    ("He made a film accusing Islam of fostering violence.", "Islam"),
    ("A man suspected of Islamist links was charged on Monday.", "Islamist"),
    ("The officials kept up a story of de-Nazification and threats.", "Nazification"),
    ("Critics warned of the Russification of the schools.", "Russification"),
])
def test_faiths_and_process_nouns_are_no_actors(parse, text, word):
    assert not [m for m in mentions_of(parse, text) if word in m["surface"] and m["kind"] != "place"]


@pytest.mark.parametrize("text, name", [
    ("The film recalls the murder of the anti-immigration politician Ruud Hemmers.", "Ruud Hemmers"),
    ("Ruud Hemmers, a film-maker, was shot in Utrecht.", "Ruud Hemmers"),
])
def test_an_occupation_next_to_a_name_tagged_org_says_person(text, name):
    from types import SimpleNamespace

    from data_prep.actor_cues import _context_label

    start = text.index(name)
    span = SimpleNamespace(start=start, end=start + len(name), label="ORG", surface=name,
                           prev_word=text[:start].split()[-1] if start else "",
                           next_word=text[start + len(name):].split()[0] if text[start + len(name):].split() else "")
    assert _context_label(text, span) == "PERSON"


@pytest.mark.parametrize("text, expected", [
    ("Norway - which has long denied any such plan, despite weeks of drills - calls the claims "
     "absurd.\n\nIts defence ministry published new photographs on Tuesday.", "inst:NO:ministry-of-defence"),
    ("The White House said the drills went on. Poland denies any plan to attack. "
     "Its foreign ministry summoned the envoy.", "inst:PL:ministry-of-foreign-affairs"),
])
def test_its_bare_role_takes_the_country_the_text_is_about(parse, text, expected):
    assert expected in institutions(mentions_of(parse, text)).values()


@pytest.mark.parametrize("text, short, full", [
    ("Anke von der Mohlen has told the farmers that there is a way forward. "
     "Von der Mohlen said so on Monday.", "Von der Mohlen", "Anke von der Mohlen"),
    ("Hicham el Morabet won the race in Paris. El Morabet said he was tired.",
     "El Morabet", "Hicham el Morabet"),
])
def test_a_surname_with_its_particle_is_the_person_once(parse, text, short, full):
    found = mentions_of(parse, text)
    person = entities(found)[full][1]
    assert entities(found)[short] == ("person", person)
    # the surname the model tagged apart ("Mohlen") is no second mention inside the full name
    spans = [(m["start"], m["end"]) for m in found]
    assert not any(a < d and c < b and (a, b) != (c, d) for a, b in spans for c, d in spans)


def test_a_role_word_coordinated_with_an_adjective_is_no_body(parse):
    text = ("Russia hit the city with missile strikes hours after the US said it would double its "
            "military and economic aid to the region.")
    assert not institutions(mentions_of(parse, text))


def test_a_club_of_states_tagged_as_a_nationality_is_an_organization(parse):
    text = ("The announcement came shortly after G7 leaders, including the British prime minister "
            "and the US president, held a virtual meeting.")
    assert entities(mentions_of(parse, text))["G7"][0] == "organization"


@pytest.mark.parametrize("text, expected", [
    ("A Dutch-Moroccan man suspected of links has been charged.", {("Dutch", "group"), ("Moroccan", "group")}),
    ("The old Scotland-England fixture was scrapped in 1989.", {("Scotland", "place"), ("England", "place")}),
])
def test_both_halves_of_a_hyphenated_pair_are_found(parse, text, expected):
    assert expected <= {(m["surface"], m["kind"]) for m in mentions_of(parse, text)}


@pytest.mark.parametrize("text, expected", [
    ("Norway is moving troops away from the border after the drills.", "inst:NO:armed-forces"),
    ("Norway has begun mobilizing forces ahead of the drills.", "inst:NO:armed-forces"),
    ("Norway has amassed well over 10,000 troops near the border.", "inst:NO:armed-forces"),
])
def test_troops_a_country_deploys_are_its_forces(parse, text, expected):
    assert expected in institutions(mentions_of(parse, text)).values()


def test_soldiers_a_country_kills_are_not_its_forces(parse):
    assert not institutions(mentions_of(parse, "Norway killed 20 soldiers in the raid."))


@pytest.mark.parametrize("text, surface", [
    ("The leader spoke with the president in a show of unity ahead of the Kremlin’s Victory Day parades.",
     "Victory Day"),
    ("Thousands gathered for National Holocaust Memorial Day in the city.", "National Holocaust Memorial Day"),
])
def test_a_holiday_is_no_actor(parse, text, surface):
    assert surface not in entities(mentions_of(parse, text))
