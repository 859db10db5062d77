"""Places the model mistypes or splits: constituencies and wards, districts of a town, places in a
locative list, countries under an era's adjective, team sheets' clubs (round 11 classes).

Every sentence is invented for the test (no corpus text, no article's names).
"""
from __future__ import annotations

import pytest

from .test_institutions import mentions_of

LONDON = "Voters in London go to the polls on Thursday. "


def places(found: list[dict]) -> dict[str, str | None]:
    return {m["surface"]: m["country_code"] for m in found if m["kind"] in ("place", "country")}


@pytest.mark.parametrize("text, surface", [
    (LONDON + "The Labour MP for Hornsey and Wood Green said she would stand again.", "Hornsey and Wood Green"),
    (LONDON + "The party won a council seat in a by-election in Spitalfields and Banglatown ward, Tower Hamlets.",
     "Spitalfields and Banglatown"),
    (LONDON + "The party won a council seat in a by-election in Spitalfields and Banglatown ward, Tower Hamlets.",
     "Tower Hamlets"),
    ("Voters in Scotland go to the polls on Thursday. The Edinburgh North MP, who lost the vote, said he would appeal.",
     "Edinburgh North"),
    (LONDON + "The Liberal Democrats hope to win the Hornsey seat, and the Tories target Enfield Southgate constituency.",
     "Enfield Southgate"),
])
def test_constituencies_and_wards_are_british_places(parse, text, surface):
    assert places(mentions_of(parse, text)).get(surface) == "GB"


@pytest.mark.parametrize("text", [
    "Ruth Kelly, a Cabinet Office minister and Bolton West MP, arrived at the school.",
    "The Bolton West MP arrived at the school on Friday.",
])
def test_a_towns_seat_with_a_compass_word_is_a_british_place(parse, text):
    assert places(mentions_of(parse, text)).get("Bolton West") == "GB"


def test_a_member_after_a_name_keeps_the_person(parse):
    found = mentions_of(parse, "Diane Abbott MP said the report was unfair. " + LONDON)
    assert "Diane Abbott" not in places(found)


def test_a_joined_areas_first_name_is_a_place_elsewhere(parse):
    found = mentions_of(parse, LONDON + "The MP for Hornsey and Wood Green spoke. Hornsey voted early.")
    assert places(found).get("Hornsey") == "GB"


@pytest.mark.parametrize("text, surface, code", [
    ("Market traders in the East End of London said rents had doubled since the spring.", "East End", "GB"),
    ("Firefighters were called to a house in Springfield in Illinois after the storm.", "Springfield", "US"),
    ("Officials in Kyiv in Ukraine said the grid was stable.", "Kyiv", "UA"),  # a big town stays
])
def test_a_district_lies_in_the_town_it_is_of(parse, text, surface, code):
    assert places(mentions_of(parse, text)).get(surface) == code


def test_a_name_between_places_of_a_locative_list_is_a_place(parse):
    found = mentions_of(parse, "The couple own flats in Mayfair and Primrose Hill in London, the court heard.")
    assert places(found).get("Primrose Hill") == "GB"


def test_a_country_under_an_eras_adjective_is_the_country(parse):
    found = mentions_of(parse, "The film tells of a family that fled Nazi Germany in 1938 and settled in Canada.")
    assert places(found).get("Germany") == "DE"


SHEET = "The coach named his squad for the match, with the captain and the fly-half fit after training. "


def test_a_team_sheets_brackets_name_clubs(parse):
    found = mentions_of(parse, SHEET + "P Ryan (Munster), J Byrne (Ulster), T Kelly (Leinster), M Doyle (Llanelli).")
    kinds = {m["surface"]: m["kind"] for m in found}
    assert [kinds.get(s) for s in ("Munster", "Ulster", "Llanelli")] == ["organization"] * 3


def test_a_team_sheet_of_nations_names_no_clubs(parse):
    found = mentions_of(parse, SHEET + "P Ryan (England), J Byrne (Wales), T Kelly (Scotland), M Doyle (Ireland).")
    assert {"England", "Wales", "Scotland"} <= set(places(found))


@pytest.mark.parametrize("text, surface", [
    (LONDON + "Green MEP Anna Fielding welcomed the vote.", "Green"),  # a party, not a US town
    ("Visitors queued outside Tate Britain on Sunday to see the show.", "Britain"),  # a gallery
    ("Runner Abebe Tolossa of Ethiopia won the race in record time.", "Tolossa"),
    ("Brightmark, owner of Corvex in London, made a bid for the exchange.", "Corvex"),
])
def test_names_that_stay_no_place(parse, text, surface):
    assert surface not in places(mentions_of(parse, text))


@pytest.mark.parametrize("text, surface, code", [
    ("Alliance planners worry about the Suwalki Gap, a thin strip of farmland near the border.", "Suwalki Gap", "PL"),
    ("Convoys crossed the Lachin Corridor before the road was shut.", "Lachin Corridor", "AZ"),
])
def test_a_land_feature_named_after_a_town_is_a_place_of_its_country(parse, text, surface, code):
    assert places(mentions_of(parse, text)).get(surface) == code


def test_an_acronym_is_no_small_town(parse):
    found = mentions_of(parse, "Freight trains may no longer carry steel across EU territory, the operator said.")
    assert "EU" not in places(found)


def test_a_datelines_capitalised_town_stays_a_place(parse):
    found = mentions_of(parse, "WIMBLEDON, England — The champion lost in the first round on Monday.")
    assert places(found).get("WIMBLEDON") == "GB"


@pytest.mark.parametrize("text, found", [
    ("The council urged its member States to back the plan.", False),
    ("She moved back to the States after the war.", True),
])
def test_states_is_the_united_states_only_after_the(parse, text, found):
    assert ("States" in places(mentions_of(parse, text))) is found


def test_a_street_the_model_calls_a_person_is_a_place(parse):
    found = mentions_of(parse, "Police in Manchester said the man ran off towards Wilmslow Road after the theft.")
    assert "Wilmslow Road" in places(found)
    assert all(m["kind"] != "person" for m in found if m["surface"] == "Wilmslow Road")


@pytest.mark.parametrize("text, surface, code", [
    ("Shelling went on in the province of Idlib, the monitors said.", "Idlib", "SY"),
    ("Rebels are said to control the district of Kupiansk.", "Kupiansk", "UA"),
])
def test_a_name_after_region_of_is_a_place(parse, text, surface, code):
    assert places(mentions_of(parse, text)).get(surface) == code


def test_a_deity_is_no_town(parse):
    found = mentions_of(parse, "Asked about the flood, the farmer said his faith in God had not been shaken.")
    assert "God" not in places(found)


@pytest.mark.parametrize("text", [
    "The regulator wrote to Vodafone and T-Mobile to challenge their rates.",
    "Airtime will be rented from T-Mobile - for existing handsets.",
])
def test_a_brands_letter_glued_to_a_town_is_no_town(parse, text):
    assert "Mobile" not in places(mentions_of(parse, text))
def test_a_street_tagged_person_after_a_preposition_is_a_place(parse):
    found = {m["surface"]: m["kind"] for m in mentions_of(
        parse, "Witnesses said the gunman fled towards Mosley Road but was later seen in a car.")}
    assert found.get("Mosley Road") == "place"


def test_a_surname_like_a_venue_head_stays_a_person(parse):
    found = {m["surface"]: m["kind"] for m in mentions_of(parse, "She gave the award to Stuart Hall on Monday.")}
    assert found.get("Stuart Hall") == "person"


def test_a_square_tagged_person_after_a_towns_possessive_is_a_place(parse):
    found = {m["surface"]: m["kind"] for m in mentions_of(parse, "Fans met in Glasgow's George Square after the match.")}
    assert found.get("George Square") == "place"
