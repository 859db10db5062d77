"""Mentions of actors and places: typing, trimming, linking and the evidence invariant."""
from __future__ import annotations

import pandas as pd
import pytest

from data_prep.linking import link_entities
from data_prep.mentions import COLUMNS, extract_mentions
from data_prep.names import person_key
from data_prep.resources import load_resources

KINDS = {"person", "organization", "country", "place", "group"}


def mentions_of(parse, text: str, article_id: str = "t1") -> list[dict]:
    article, sentences = parse(text, article_id=article_id)
    return extract_mentions(article, sentences, load_resources())


def by_surface(mentions: list[dict]) -> dict[str, dict]:
    return {m["surface"]: m for m in mentions}


def assert_rows_valid(text: str, mentions: list[dict]) -> None:
    """The contract every mention row keeps."""
    for m in mentions:
        assert list(m) == COLUMNS
        assert text[m["start"]:m["end"]] == m["surface"], m
        assert m["kind"] in KINDS, m
        assert 0 <= m["confidence"] <= 1, m
        prefix = m["entity_id"].split(":", 1)[0]
        assert prefix in {"country", "geonames", "place", "region", "person", "org", "group", "inst"}, m
        if m["kind"] == "country" or (m["kind"] == "place" and not m["entity_id"].startswith("place:")):
            assert isinstance(m["lat"], float) and isinstance(m["lon"], float), m
        if m["kind"] == "place" and m["lat"] is None:  # a place GeoNames lacks: no coordinates
            assert m["lon"] is None and m["entity_id"].startswith("place:"), m
        if m["kind"] == "country" and m["country_code"]:  # a former country has none: country:<slug>
            assert m["entity_id"] == f"country:{m['country_code']}", m
        if prefix == "inst":  # a country's body: inst:<CC>:<role>
            assert m["kind"] == "organization" and m["entity_id"].split(":")[1] == m["country_code"], m
        elif m["kind"] in ("person", "organization"):
            assert m["country_code"] is None, m


@pytest.fixture(scope="session")
def seed_mentions(parse, seed_text):
    """Mentions of the seed article body."""
    article, sentences = parse(seed_text, published="2024-11-17", article_id="seed")
    return article, extract_mentions(article, sentences, load_resources())


def test_seed_rows_valid(seed_mentions):
    article, mentions = seed_mentions
    assert mentions
    assert_rows_valid(article.text, mentions)


def test_seed_kursk_is_a_russian_place(seed_mentions):
    _, mentions = seed_mentions
    kursk = [m for m in mentions if m["surface"].startswith("Kursk")]
    assert kursk and all(m["kind"] == "place" and m["country_code"] == "RU" for m in kursk)
    region = [m for m in kursk if m["surface"] == "Kursk region"]  # the seed's words: the oblast
    assert region and region[0]["entity_id"] == "region:RU-KRS"
    assert kursk[0]["lat"] == pytest.approx(51.7, abs=0.5)
    assert kursk[0]["lon"] == pytest.approx(36.2, abs=0.5)


@pytest.mark.parametrize("surface, code", [
    ("Ukraine", "UA"), ("Russia", "RU"), ("North Korea", "KP"), ("U.S.", "US"),
])
def test_seed_countries(seed_mentions, surface, code):
    _, mentions = seed_mentions
    found = [m for m in mentions if m["surface"] == surface]
    assert found and all(m["kind"] == "country" and m["country_code"] == code for m in found)
    assert all(m["entity_id"] == f"country:{code}" for m in found)


@pytest.mark.parametrize("name", ["Joe Biden", "Volodymyr Zelenskyy", "Vladimir Putin", "Donald Trump"])
def test_seed_persons(seed_mentions, name):
    _, mentions = seed_mentions
    assert any(m["kind"] == "person" and m["name"] == name and m["surface"] == name for m in mentions)


def test_seed_nato_and_kremlin_are_organizations(seed_mentions):
    _, mentions = seed_mentions
    kinds = {m["surface"]: m["kind"] for m in mentions}
    assert kinds["NATO"] == "organization"
    assert kinds["Kremlin"] == "organization"


def test_seed_biden_links_to_joe_biden(seed_mentions):
    _, mentions = seed_mentions
    full = next(m for m in mentions if m["surface"] == "Joe Biden")
    short = [m for m in mentions if m["surface"] == "Biden"]
    assert short and all(m["kind"] == "person" and m["entity_id"] == full["entity_id"] for m in short)
    assert all(m["name"] == "Joe Biden" for m in short)


def test_seed_nationalities_count_as_countries(seed_mentions):
    _, mentions = seed_mentions
    korean = next(m for m in mentions if m["surface"] == "North Korean")
    assert (korean["kind"], korean["entity_id"], korean["name"], korean["country_code"]) == (
        "group", "country:KP", "North Korea", "KP")


def test_seed_headings_are_mentioned_in_their_own_rows(parse, seed_text):
    article, sentences = parse(seed_text, published="2024-11-17", article_id="seed")
    heading = next(s for s in sentences if s.text == "Strategic Shift in U.S. Policy")
    assert heading.heading and heading.section == heading.text
    found = extract_mentions(article, sentences, load_resources())
    us = [m for m in found if m["sentence_id"] == heading.sentence_id]
    assert [(m["surface"], m["entity_id"]) for m in us] == [("U.S.", "country:US")]


# Invented sentences (not from any corpus).

def test_kiev_and_kyiv_are_one_place(parse):
    mentions = mentions_of(parse, "Officials in Kiev said the next round of talks would take place in Kyiv.")
    places = by_surface(mentions)
    assert places["Kiev"]["entity_id"] == places["Kyiv"]["entity_id"]
    assert places["Kiev"]["country_code"] == "UA" and places["Kiev"]["name"] == "Kyiv"


def test_washington_is_the_us_capital(parse):
    m = by_surface(mentions_of(parse, "The delegation flew from Paris to Washington on Monday."))["Washington"]
    assert m["kind"] == "place" and m["country_code"] == "US"
    assert m["lat"] == pytest.approx(38.9, abs=0.2) and m["lon"] == pytest.approx(-77.0, abs=0.2)


@pytest.mark.parametrize("surface, entity_id, name", [
    ("Ukrainian", "country:UA", "Ukraine"),
    ("North Korean", "country:KP", "North Korea"),
    ("American", "country:US", "United States"),
    ("British", "country:GB", "United Kingdom"),
])
def test_demonyms_are_groups_of_their_country(parse, surface, entity_id, name):
    text = "Ukrainian farmers, North Korean diplomats, American engineers and British tourists were seen."
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["entity_id"], m["name"]) == ("group", entity_id, name)
    assert m["country_code"] == entity_id.split(":")[1]


def test_groups_without_country(parse):
    text = "Kurdish fighters and Tamil refugees crossed the border at night."
    m = by_surface(mentions_of(parse, text))["Kurdish"]
    assert (m["kind"], m["entity_id"], m["country_code"]) == ("group", "group:kurdish", None)


# Invented sentences: a nationality one letter off is its country's people (tagged ORG in the
# first, NORP in the second); a region's adjective is nobody's; a name the model tags NORP
# without a people word's ending is a firm.
@pytest.mark.parametrize("text, surface, kind, entity_id", [
    ("Ukranian officials said the convoy had been hit near the border.", "Ukranian", "group", "country:UA"),
    ("The Ukranian army said the convoy had been hit.", "Ukranian", "group", "country:UA"),
    ("A rival bourse, Euronext, is also preparing an offer.", "Euronext", "organization", "org:euronext"),
    ("The Dutch brewer Interbrew raised its prices.", "Interbrew", "organization", "org:interbrew"),
])
def test_names_no_demonym_row_knows(parse, text, surface, kind, entity_id):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["entity_id"]) == (kind, entity_id)


@pytest.mark.parametrize("text, surface", [
    ("Siberian farmers said the frost came early.", "Siberian"),
    ("Crimeans queued at the border post for hours.", "Crimeans"),
])
def test_a_regions_adjective_is_no_group(parse, text, surface):
    assert surface not in by_surface(mentions_of(parse, text))


# Invented sentences: proper nouns the model leaves untagged that end in an organization's
# head noun name a body, as does the head alone after a country word, or a name after an
# organization descriptor or before a media role.
@pytest.mark.parametrize("text, surface", [
    ("Putin has travelled to Kronstadt, the main base of Russia’s Northern Fleet, to mark the day.",
     "Northern Fleet"),
    ("There will be chaos if the deal fails, as he urged the US Congress to pass a delayed budget.",
     "Congress"),
    ("It agreed to lend an arm of the state gas firm Velprom the money.", "Velprom"),
    ("Johnson & Johnson agreed to buy medical firm Guidmore for $25bn.", "Guidmore"),
])
def test_an_untagged_body_is_an_organization(parse, text, surface):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["entity_id"]) == ("organization", "org:" + surface.lower().replace(" ", "-"))


# Invented sentences (not from any corpus).
@pytest.mark.parametrize("text, surface", [
    ("Muslims and Christians marched together through the old town.", "Muslims"),
    ("Muslims and Christians marched together through the old town.", "Christians"),
    ("European leaders met in the capital on Monday.", "European"),
    ("The Nordic states met.", "Nordic"),
    ("The West has imposed new sanctions on the regime.", "West"),
    ("Middle Eastern investors bought the club last year.", "Middle Eastern"),
])
def test_regions_and_religions_are_no_group(parse, text, surface):
    assert surface not in by_surface(mentions_of(parse, text))


@pytest.mark.parametrize("text, surface, entity_id", [
    ("Democrats and Republicans clashed over the budget on Tuesday.", "Democrats", "org:democratic-party"),
    ("Democrats and Republicans clashed over the budget on Tuesday.", "Republicans", "org:republican-party"),
    ("The Tories accused Labour of planning higher taxes.", "Tories", "org:conservative-party"),
    ("The Tories accused Labour of planning higher taxes.", "Labour", "org:labour-party"),
    ("The Liberal Democrats unveiled a housing plan on Monday.", "Liberal Democrats", "org:liberal-democrats"),
    ("The minister said the Lib Dems' proposals were uncosted.", "Lib Dems", "org:liberal-democrats"),
])
def test_parties_are_organizations(parse, text, surface, entity_id):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["entity_id"]) == ("organization", entity_id)


@pytest.mark.parametrize("text, surface, kind", [
    # a title as apposition, before or after the name
    ("The talks were hosted by the German chancellor, Olaf Scholz, in the spring.", "Olaf Scholz", "person"),
    ("According to the governor, Oleksandr Starukh, the shelling went on.", "Oleksandr Starukh", "person"),
    # a descriptor of organizations before the name
    ("The chairman of the metals firm Rusal called for an inquiry.", "Rusal", "organization"),
    ("He has a fine kicking record with club side Sale Sharks this season.", "Sale Sharks", "organization"),
    ("Rusal's shares fell 5% on Monday.", "Rusal", "organization"),
    ("Former England full-back Dusty Hare said the mistakes cost them.", "Dusty Hare", "person"),
    # a list takes the kind most of its names share
    ("Guests included Will Smith, Kevin Spacey and Keanu Reeves.", "Keanu Reeves", "person"),
])
def test_context_settles_person_or_organization(parse, text, surface, kind):
    assert by_surface(mentions_of(parse, text))[surface]["kind"] == kind


@pytest.mark.parametrize("text, surface", [
    ("\"It had been a worry for some time,\" says Deutsche Bank's Simon Champion.", "Simon Champion"),  # GPE
    ("\"Demand is weak,\" says Barclays' Simon Champion.", "Simon Champion"),  # one ORG entity
])
def test_a_name_owned_by_an_organization_is_a_person(parse, text, surface):
    found = by_surface(mentions_of(parse, text))
    assert found[surface]["kind"] == "person"


def test_an_outlet_before_a_media_role_stays_an_organization(parse):
    text = ("The list includes Shaun Walker, Guardian correspondent; Con Coughlin, Daily Telegraph "
            "columnist; and James Rothwell, Daily Telegraph journalist.")
    found = mentions_of(parse, text)
    assert {m["kind"] for m in found if m["surface"] == "Daily Telegraph"} == {"organization"}


def test_two_organizations_do_not_outvote_a_persons_name(parse):
    text = ("Britain sanctioned Evgeny Poddubny, a correspondent for the All-Russia State Television and "
            "Radio Broadcasting Company, Alexander Kots, a correspondent for a newspaper, and Dmitry Steshin.")
    assert by_surface(mentions_of(parse, text))["Alexander Kots"]["kind"] == "person"


def test_a_lone_name_that_reports_is_an_outlet(parse):
    text = "The US will send more rocket launchers to Ukraine, Politico reports."
    assert by_surface(mentions_of(parse, text))["Politico"]["kind"] == "organization"


def test_a_cue_holds_for_the_same_name_and_its_short_form(parse):
    text = ("Aston Villa boss David O'Leary signed a new deal. He wants to put Aston Villa back "
            "at the top, and Villa fans agree.")
    found = [m for m in mentions_of(parse, text) if m["surface"] in ("Aston Villa", "Villa")]
    assert len(found) == 3
    assert {(m["kind"], m["entity_id"]) for m in found} == {("organization", "org:aston-villa")}


def test_a_company_named_by_its_first_word_is_one_organization(parse):
    text = "The company Orbit Networks cut its forecast on Monday. Orbit said sales fell."
    found = [m for m in mentions_of(parse, text) if m["surface"] in ("Orbit Networks", "Orbit")]
    assert {(m["kind"], m["entity_id"]) for m in found} == {("organization", "org:orbit-networks")}


def test_a_brand_that_opens_several_names_stays_the_parent(parse):
    text = "Sky will show the ceremony on Sky News and Sky Movies, the head of Sky Networks said on Monday."
    assert by_surface(mentions_of(parse, text))["Sky"]["entity_id"] == "org:sky"


def test_a_name_sharing_a_persons_first_name_is_a_person(parse):
    text = "Oleksandr Bilyk was there. The statement by Oleksandr Starukh was brief."
    found = by_surface(mentions_of(parse, text))
    assert found["Oleksandr Starukh"]["kind"] == "person"


def test_newsletter_promos_name_no_organization(parse):
    text = "Sign up to Business Today, our free daily newsletter."
    assert "Business Today" not in by_surface(mentions_of(parse, text))


@pytest.mark.parametrize("text, surface", [
    ("The film won at the Academy Awards last year.", "Academy Awards"),
    ("Publishers showed new consoles at the Electronic Entertainment Expo in May.",
     "Electronic Entertainment Expo"),
])
def test_events_and_awards_are_no_actors(parse, text, surface):
    assert surface not in by_surface(mentions_of(parse, text))


def test_a_plural_acronym_is_no_organization(parse):
    assert "MPs" not in by_surface(mentions_of(parse, "The MPs said the law should be changed."))


def test_platforms_are_organizations(parse):
    m = by_surface(mentions_of(parse, "Twitter said the post had broken its rules on hateful conduct."))["Twitter"]
    assert (m["kind"], m["entity_id"]) == ("organization", "org:twitter")


def test_alias_entities_keep_the_table_name(parse):
    article, sentences = parse("The Tories and the Conservatives are one party; the Tories lead.")
    rows = pd.DataFrame(extract_mentions(article, sentences, load_resources()))
    linked = link_entities(rows, load_resources())
    assert set(linked.loc[linked["entity_id"] == "org:conservative-party", "name"]) == {"Conservative Party"}


def test_possessives_are_trimmed(parse):
    text = "Germany's chancellor met France's foreign minister and Poland's president in Warsaw."
    mentions = mentions_of(parse, text)
    assert_rows_valid(text, mentions)
    surfaces = {m["surface"] for m in mentions}
    assert {"Germany", "France", "Poland", "Warsaw"} <= surfaces
    assert not any("'s" in s for s in surfaces)


def test_titles_are_stripped_and_short_forms_linked(parse):
    text = ("Prime Minister Rishi Sunak met President Emmanuel Macron in London. "
            "Mr Macron later praised Sunak.")
    mentions = mentions_of(parse, text)
    assert_rows_valid(text, mentions)
    people = [m for m in mentions if m["kind"] == "person"]
    assert {m["name"] for m in people} == {"Rishi Sunak", "Emmanuel Macron"}
    assert {m["surface"] for m in people} == {"Rishi Sunak", "Emmanuel Macron", "Macron", "Sunak"}


def test_surname_links_within_article(parse):
    text = "Volodymyr Zelenskyy addressed parliament on Tuesday. Later that day Zelenskyy thanked Canada."
    people = [m for m in mentions_of(parse, text) if m["kind"] == "person"]
    assert len(people) == 2 and len({m["entity_id"] for m in people}) == 1


def test_defined_acronym_links_to_full_name(parse):
    text = ("The North Atlantic Treaty Organization (NATO) held a summit in Vilnius. "
            "NATO leaders agreed to spend more.")
    orgs = [m for m in mentions_of(parse, text) if m["kind"] == "organization"]
    assert {m["surface"] for m in orgs} == {"North Atlantic Treaty Organization", "NATO"}
    assert {m["entity_id"] for m in orgs} == {"org:nato"}


@pytest.mark.parametrize("text, acronym", [
    ("The figures came from the Federation of Independent Garden Retailers (Figr). "
     "Figr said spring sales rose.", "Figr"),
    ("Ministers met the Association of Regional Bus Operators (Arbo) on Monday. "
     "Arbo wants more funding.", "Arbo"),
])
def test_acronym_written_as_a_word_links_to_full_name(parse, text, acronym):
    # British outlets write acronyms as words ("Nato"); the initials of the name before it
    # make the bracketed word its acronym.
    orgs = [m for m in mentions_of(parse, text) if m["kind"] == "organization"]
    assert {m["entity_id"] for m in orgs} == {f"org:{acronym.lower()}"}


@pytest.mark.parametrize("text, full, acronym", [
    ("Sales data came from the Toys and Leisure Games Publishers Association (Tlgpa). "
     "Tlgpa expects growth.", "Toys and Leisure Games Publishers Association", "Tlgpa"),
    ("Figures came from the Publishing and Leisure Software Traders Association (PLSTA). "
     "PLSTA expects growth.", "Publishing and Leisure Software Traders Association", "PLSTA"),
])
def test_acronym_takes_back_a_name_the_model_cut_at_and(parse, text, full, acronym):
    # The model tags only "Leisure ... Association"; the acronym's initials cover the words before.
    orgs = [m for m in mentions_of(parse, text) if m["kind"] == "organization"]
    assert full in {m["surface"] for m in orgs}
    assert {m["entity_id"] for m in orgs} == {f"org:{acronym.lower()}"}


def test_abbreviated_club_name_and_short_form_join_the_full_name(parse):
    text = ("Sheffield Athletic have appointed a new manager. Shef Athletic fans were pleased, "
            "and Athletic's board welcomed him.")
    orgs = [m for m in mentions_of(parse, text) if m["kind"] == "organization"]
    assert {m["surface"] for m in orgs} == {"Sheffield Athletic", "Shef Athletic", "Athletic"}
    assert {m["entity_id"] for m in orgs} == {"org:sheffield-athletic"}


def test_abbreviation_needs_every_word():
    from data_prep.linking import _abbreviates
    assert _abbreviates("Man", "Manchester") and _abbreviates("Utd", "United") and _abbreviates("Intl", "International")
    assert not _abbreviates("Ma", "Manchester") and not _abbreviates("Mun", "Manchester")
    assert not _abbreviates("City", "United") and not _abbreviates("News", "Networks")
    assert not _abbreviates("Mac", "Macs")


def test_bracketed_word_that_is_no_acronym_stays_apart():
    from data_prep.names import defines_acronym
    assert defines_acronym("North Atlantic Treaty Organisation", "Nato")
    assert not defines_acronym("Thomson Reuters", "Reuters")
    assert not defines_acronym("Kyiv Independent", "Kyiv")


def test_country_inside_a_hyphenated_token(parse):
    text = "Protesters gathered outside the U.S.-funded clinic in Nairobi, Kenya."
    mentions = mentions_of(parse, text)
    assert_rows_valid(text, mentions)
    us = by_surface(mentions)["U.S."]
    assert us["kind"] == "country" and us["country_code"] == "US"


@pytest.mark.parametrize("text, surface", [
    ("“We will not wait,” [Chancellor Ingrid] Solberg told the party.", "Solberg"),
    ("The reforms, [Mayor Tomas] Varga said, would start in spring.", "Varga"),
])
def test_unbalanced_brackets_are_cut_from_a_name(parse, text, surface):
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    assert surface in by_surface(found)
    assert not any("[" in m["surface"] or "]" in m["surface"] or "(" in m["surface"]
                   or ")" in m["surface"] for m in found)


def test_unresolved_model_place_is_kept_with_its_country(parse):
    text = "Sheriff's deputies in Kentucky searched the hills of Pikewold County on Tuesday."
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    pike = by_surface(found)["Pikewold County"]
    assert (pike["kind"], pike["entity_id"], pike["country_code"], pike["lat"]) == (
        "place", "place:pikewold-county", "US", None)
    assert pike["confidence"] < by_surface(found)["Kentucky"]["confidence"]


def test_a_us_county_is_a_county_not_its_town(parse):
    text = "Sheriff's deputies in Kentucky searched the hills of Pike County on Tuesday."
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    pike = by_surface(found)["Pike County"]
    assert pike["entity_id"].startswith("region:US-21") and pike["name"] == "Pike County"  # Kentucky: FIPS 21
    county = by_surface(mentions_of(parse, "Fires spread across Orange County, California, on Monday."))
    assert county["Orange County"]["entity_id"] == "region:US-06059"


def test_a_region_word_after_a_city_name_makes_it_the_region(parse):
    text = "Shelling hit the Luhansk region overnight, and Luhansk itself was quiet. Kursk oblast was hit too."
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    rows = by_surface(found)
    assert (rows["Luhansk region"]["entity_id"], rows["Luhansk region"]["name"]) == ("region:UA-09", "Luhansk Oblast")
    assert rows["Luhansk"]["entity_id"].startswith("geonames:")  # the city
    assert rows["Kursk oblast"]["entity_id"] == "region:RU-KRS"


@pytest.mark.parametrize("text, phrase, entity_id, country", [
    ("Fighting raged in eastern Ukraine on Sunday.", "eastern Ukraine", "region:UA:east", "country:UA"),
    ("Tourists flocked to the south of France in August.", "south of France", "region:FR:south", "country:FR"),
    ("Drones struck north-eastern Syria overnight.", "north-eastern Syria", "region:SY:northeast", "country:SY"),
])
def test_directional_regions(parse, text, phrase, entity_id, country):
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    rows = by_surface(found)
    assert rows[phrase]["entity_id"] == entity_id and rows[phrase]["kind"] == "place"
    whole = phrase.split()[-1]
    assert rows[whole]["entity_id"] == country  # the country named keeps its own mention
    part, country_row = rows[phrase], rows[whole]
    assert (part["lat"], part["lon"]) != (country_row["lat"], country_row["lon"])


def test_compass_names_are_not_directions(parse):
    text = "Officials from South Korea, Western Australia and Northern Ireland met."
    rows = by_surface(mentions_of(parse, text))
    assert rows["South Korea"]["entity_id"] == "country:KR"
    assert not any(r["entity_id"].endswith((":south", ":west", ":north")) for r in rows.values())


@pytest.mark.parametrize("text, surface, state", [
    ("Police in Weston, W.Va., arrested a man on Friday.", "Weston", "West Virginia"),
    ("The plant in Paris, Tenn., will close next year.", "Paris", "Tennessee"),
])
def test_ap_state_abbreviations_qualify_places(parse, text, surface, state):
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    rows = by_surface(found)
    assert rows[surface]["country_code"] == "US"
    assert any(r["name"] == state for r in found)


@pytest.mark.parametrize("text, surface, state", [
    ("Rep. Jane Roe, R-Ariz., wrote to the governor on Monday.", "Ariz.", "Arizona"),
    ("The plan was opposed by Sen. John Doe (D-N.Y.) and two others.", "N.Y.", "New York"),
    ("The measure was backed by Rep. Sam Poe, R-Texas.", "Texas", "Texas"),
])
def test_party_state_tags_name_the_state(parse, text, surface, state):
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    rows = by_surface(found)
    assert (rows[surface]["kind"], rows[surface]["name"], rows[surface]["country_code"]) == ("place", state, "US")
    assert [r["kind"] for r in found if r["surface"] in ("Jane Roe", "John Doe", "Sam Poe")] == ["person"]


def test_a_tag_that_names_no_state_is_no_place(parse):
    assert not [r for r in mentions_of(parse, "They landed on D-Day, the veterans said.") if r["kind"] == "place"]


@pytest.mark.parametrize("signature, places", [
    ("Gary Bennett\n\nExeter", {"Exeter": "GB"}),
    ("Jane Doe\n\nHarlow, Essex", {"Harlow": "GB", "Essex": "GB"}),
    ("Jane Doe\nAberaeron, Ceredigion", {"Aberaeron": "GB", "Ceredigion": "GB"}),
    ("Jane Doe\nWeston, Somerset", {"Weston": "GB", "Somerset": "GB"}),
    ("John Smith\n\nWood Green, London", {"Wood Green": "GB", "London": "GB"}),
])
def test_a_letters_signature_names_places(parse, signature, places):
    text = "The talks must start at once, and the war must end.\n\n" + signature
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    assert {r["surface"]: r["country_code"] for r in found if r["kind"] == "place"} == places


def test_a_lone_word_after_a_name_that_is_no_signature_stays_nothing(parse):
    text = "The talks must start at once.\n\nGary Bennett\n\nThanks"
    assert not [r for r in mentions_of(parse, text) if r["kind"] == "place"]


def test_ships_named_after_towns_are_no_places(parse):
    text = ("The navy lost the cruiser Leningrad on Monday. The Leningrad attack killed ten sailors, and "
            "the Volgograd landing ship was hit near Odesa.")
    places = {r["surface"] for r in mentions_of(parse, text) if r["kind"] == "place"}
    assert "Odesa" in places and not places & {"Leningrad", "Volgograd"}


def test_the_sea_of_a_named_fleet_is_no_place_but_the_sea_is(parse):
    text = "A spokesman for the Baltic Sea fleet said two ships sailed into the Baltic Sea near Riga."
    places = [r for r in mentions_of(parse, text) if r["kind"] == "place"]
    assert [r["start"] for r in places if r["surface"] == "Baltic Sea"] == [text.rindex("Baltic Sea")]


@pytest.mark.parametrize("text, surface, name", [
    ("Officials of Moldova's security council met on Friday.", "security council", "Security Council of Moldova"),
    ("The head of the Kremlin's security council warned Lithuania.", "security council", "Security Council of Russia"),
    ("She told the UN security council that aid was blocked.", "UN security council", "UN Security Council"),
])
def test_a_lowercase_security_council_is_a_named_body(parse, text, surface, name):
    orgs = {(r["surface"], r["name"]) for r in mentions_of(parse, text) if r["kind"] == "organization"}
    assert (surface, name) in orgs


def test_a_named_fleet_in_lowercase_is_an_organization(parse):
    text = "A spokesman for the Baltic Sea fleet said two ships sailed into the Baltic Sea near Riga."
    orgs = {(r["surface"], r["name"]) for r in mentions_of(parse, text) if r["kind"] == "organization"}
    assert orgs == {("Baltic Sea fleet", "Baltic Sea Fleet")}


def test_a_fleet_named_after_a_sea_is_an_organization(parse):
    text = "A spokesman for the Baltic Sea fleet said two ships sailed into the Baltic Sea near Riga."
    fleet = by_surface(mentions_of(parse, text))["Baltic Sea fleet"]
    assert (fleet["kind"], fleet["entity_id"], fleet["start"]) == (
        "organization", "org:baltic-sea-fleet", text.index("Baltic Sea"))


# Invented sentences: a name ending in a paper's or a fleet's noun is that body, whatever
# label the model gave it.
@pytest.mark.parametrize("text, surface", [
    ("The manager told the Westford Evening Chronicle that he would stay.", "Westford Evening Chronicle"),
    ("Drones struck ships of the Caspian Flotilla overnight, officials said.", "Caspian Flotilla"),
])
def test_a_name_ending_in_a_papers_or_fleets_noun_is_an_organization(parse, text, surface):
    assert by_surface(mentions_of(parse, text))[surface]["kind"] == "organization"


@pytest.mark.parametrize("text, surface, code", [
    ("The talks covered the territories of the People's Republic of China, he said.", "People's Republic of China", "CN"),
    ("The Democratic People's Republic of Korea fired a missile on Monday.", "Democratic People's Republic of Korea", "KP"),
])
def test_a_countrys_formal_name_with_a_possessive_is_not_split(parse, text, surface, code):
    countries = [(r["surface"], r["country_code"]) for r in mentions_of(parse, text) if r["kind"] == "country"]
    assert countries == [(surface, code)]


@pytest.mark.parametrize("text, surface, code, has_point", [
    ("Protesters gathered across the River Wear from the hall in Sunderland, England.", "River Wear", "GB", False),
    ("Russian troops crossed the Siverskyi Donets river near Lysychansk in Ukraine.", "Siverskyi Donets river", "UA", False),
    ("Two boats sank in Sevastopol Bay on Monday, officials in Kyiv said.", "Sevastopol Bay", "UA", True),
    ("Fishermen on the Mississippi River said the water was low.", "Mississippi River", "US", False),
    ("A destroyer was hit in the Gulf of Tonkin, officials in Hanoi in Vietnam said.", "Gulf of Tonkin", None, False),
])
def test_rivers_bays_and_seas_are_places(parse, text, surface, code, has_point):
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    row = by_surface(found)[surface]
    assert (row["kind"], row["country_code"], row["lat"] is not None) == ("place", code, has_point)


@pytest.mark.parametrize("text, surface", [
    ("The 140-metre Ocean Victory, linked to a sanctioned oligarch, was seen at anchor.", "Ocean Victory"),
    ("Congress passed the Gulf of Tonkin Resolution in 1964.", "Gulf of Tonkin Resolution"),
])
def test_names_opening_with_a_water_word_are_not_all_waters(parse, text, surface):
    assert not [r for r in mentions_of(parse, text) if r["kind"] == "place" and r["surface"] == surface]


@pytest.mark.parametrize("text, surface", [
    ("We will reach the English Channel, he said.", "English Channel"),
    ("Ferries cross the Irish Sea daily, an Irish official said.", "Irish Sea"),
])
def test_a_sea_named_by_an_adjective_the_model_tagged_alone_is_whole(parse, text, surface):
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    row = by_surface(found)[surface]
    assert (row["kind"], row["country_code"]) == ("place", None)


def test_an_english_conurbation_is_a_place(parse):
    row = by_surface(mentions_of(parse, "Up to 4,000 supporters in Teesside will protest."))["Teesside"]
    assert (row["kind"], row["country_code"]) == ("place", "GB")


def test_surnames_in_a_team_sheet_are_no_places(parse):
    text = ("Leeds: Walsh, Hayes, Kearney, Buxton, O'Driscoll, Murray, Clarke (Reid 60), Kelly, Byrne, Quinn.\n\n"
            "The match was played in Dublin.")
    places = [r["surface"] for r in mentions_of(parse, text) if r["kind"] in ("place", "country")]
    assert "Dublin" in places and not {"Hayes", "Buxton", "Murray"} & set(places)


def test_a_list_of_towns_stays_places(parse):
    text = "Missiles hit Kharkiv, Odesa, Lviv, Dnipro, Mykolaiv, Kherson and Zaporizhzhia on Monday."
    places = {r["surface"] for r in mentions_of(parse, text) if r["kind"] == "place"}
    assert {"Kharkiv", "Odesa", "Lviv", "Mykolaiv"} <= places


def test_a_state_named_like_a_country_is_read_from_its_city(parse):
    text = "A spokesman in Atlanta, Georgia, said the storm had passed."
    rows = by_surface(mentions_of(parse, text))
    assert rows["Atlanta"]["country_code"] == "US"
    assert (rows["Georgia"]["kind"], rows["Georgia"]["country_code"]) == ("place", "US")


def test_a_qualified_place_decides_its_bare_repeats(parse):
    text = "She grew up in Paris, Texas. Years later she moved back to Paris to open a store."
    found = [m for m in mentions_of(parse, text) if m["surface"] == "Paris"]
    assert len(found) == 2 and {m["country_code"] for m in found} == {"US"}


def test_states_the_article_names_pull_ambiguous_places_near_them(parse):
    text = "Residents of Alexandria, a city in Virginia, said the river had risen."
    rows = by_surface(mentions_of(parse, text))
    assert rows["Alexandria"]["country_code"] == "US"


def test_dateline_place_weighs_in_context(parse):
    text = "PARIS, Texas (AP) — Police in Paris said a man was arrested on Friday."
    found = [m for m in mentions_of(parse, text) if m["surface"].lower() == "paris"]
    assert found and {m["country_code"] for m in found} == {"US"}


def test_source_country_weighs_in_context(nlp):
    from data_prep.records import Article
    from data_prep.segment import parse_article

    text = "Police in Hamilton said a man was arrested after the crash."
    codes = []
    for source_country in (None, "US"):
        article = Article("t1", text, source_country=source_country)
        rows = extract_mentions(article, parse_article(article, nlp), load_resources())
        codes.append(by_surface(rows)["Hamilton"]["country_code"])
    assert codes == ["CA", "US"]


def test_former_countries_and_world_regions_keep_no_code(parse):
    text = "The Soviet Union traded with Yugoslavia and across the Americas."
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    rows = by_surface(found)
    assert (rows["Soviet Union"]["kind"], rows["Soviet Union"]["country_code"]) == ("country", None)
    assert rows["Yugoslavia"]["entity_id"] == "country:yugoslavia"
    assert (rows["Americas"]["kind"], rows["Americas"]["country_code"]) == ("place", None)


@pytest.mark.parametrize("text, surface, code", [
    ("She grew up in Paris, Texas, and never saw Europe.", "Paris", "US"),
    ("The parade in Moscow, Idaho, drew a small crowd.", "Moscow", "US"),
    ("He was born in Twin Falls, Idaho, in a farming family.", "Twin Falls", "US"),
])
def test_a_qualifier_beats_population(parse, text, surface, code):
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    m = by_surface(found)[surface]
    assert (m["kind"], m["country_code"]) == ("place", code)


def test_a_name_coordinated_with_a_state_is_the_state(parse):
    m = by_surface(mentions_of(parse, "Wildfires spread across Oregon or Washington this week."))["Washington"]
    assert m["kind"] == "place" and m["lat"] == pytest.approx(47.3, abs=1.0)


@pytest.mark.parametrize("text, surface, code, lat_range", [
    ("Residents of Lebanon, Pa., and Paris, Tenn., felt the tremor.", "Lebanon", "US", (39.5, 41.5)),
    ("Flood waters reached Paris, Texas, and Atlanta, Georgia, on Monday.", "Paris", "US", (33.0, 34.5)),
    ("Burlington, Vt., and Concord, N.H., lost power overnight.", "Burlington", "US", (43.5, 45.5)),
    ("Residents of Victoria, B.C., and London, Ont., felt the quake.", "Victoria", "CA", (48.0, 49.0)),
    ("Residents of Victoria, B.C., and London, Ont., felt the quake.", "London", "CA", (42.5, 43.5)),
])
def test_an_abbreviated_or_listed_state_still_qualifies(parse, text, surface, code, lat_range):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == ("place", code) and lat_range[0] < m["lat"] < lat_range[1]


def test_a_town_a_state_qualifies_is_no_state(parse):
    m = by_surface(mentions_of(parse, "Residents of Georgia, Vt., felt the tremor."))["Georgia"]
    assert (m["kind"], m["country_code"]) == ("place", "US") and m["lat"] is None  # not the state of Georgia


def test_a_list_of_countries_is_no_qualified_place(parse):
    found = by_surface(mentions_of(parse, "The draw put them with Samoa, France, Italy, Georgia and Canada."))
    assert found["Georgia"]["kind"] == "country" and found["Italy"]["kind"] == "country"


@pytest.mark.parametrize("text, surface, code", [
    ("Researchers in Boston and Cambridge said the trial would expand to Worcester.", "Cambridge", "US"),
    ("The governor of Georgia met mayors from Savannah and Macon on Tuesday.", "Georgia", "US"),
    ("Students from Cambridge and Oxford marched to Birmingham.", "Cambridge", "GB"),
])
def test_ambiguous_places_are_read_together(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == ("place", code)


def test_upstate_names_the_state_not_its_city(parse):
    m = by_surface(mentions_of(parse, "Heavy snow fell across upstate New York on Monday."))["New York"]
    assert m["kind"] == "place" and m["name"] == "New York" and m["lat"] > 41.5  # the city lies at 40.7


def test_two_big_towns_tagged_as_one_organization_are_two_places(parse):
    found = by_surface(mentions_of(parse, "Council members from Peoria and Champaign backed the plan."))
    assert {found[t]["kind"] for t in ("Peoria", "Champaign")} == {"place"}
    assert {found[t]["country_code"] for t in ("Peoria", "Champaign")} == {"US"}


def test_a_lender_named_after_two_towns_stays_whole(parse):
    found = by_surface(mentions_of(parse, "Profits rose at mortgage lender Bradford & Bingley last year."))
    assert "Bingley" not in found


@pytest.mark.parametrize("text, surface, name", [
    ("Storms hit Long Island and the Bay Area overnight, forecasters said.", "Long Island", "Long Island"),
    ("Storms hit Long Island and the Bay Area overnight, forecasters said.", "Bay Area", "San Francisco Bay Area"),
    ("Factory towns across the Rust Belt voted for him.", "Rust Belt", "Rust Belt"),
])
def test_informal_us_regions_are_places_of_the_us(parse, text, surface, name):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["name"], m["country_code"]) == ("place", name, "US") and m["lat"] is not None


def test_a_comma_list_is_no_qualifier(parse):
    found = by_surface(mentions_of(parse, "Sirens sounded in Kyiv, Lviv and Odesa overnight."))
    assert {found[p]["country_code"] for p in ("Kyiv", "Lviv", "Odesa")} == {"UA"}


@pytest.mark.parametrize("text, expected", [
    ("Crowds gathered by the harbour. (Pedro Alves/Reuters/Alamy)",
     {"Pedro Alves": "person", "Reuters": "organization", "Alamy": "organization"}),
    ("Crowds gathered by the harbour on Monday. (AP Photo/Rui Matos)",
     {"AP": "organization", "Rui Matos": "person"}),
    ("Troops patrolled near the harbour. (Photo/Rui Matos)", {"Rui Matos": "person"}),
    ("Lviv (UA), 2 May 2023\nDrones struck the depot overnight, officials said.",
     {"Lviv": "place", "UA": "country"}),
    ("Water rose in the harbour on Monday.\nBy ANNA MARTYN Associated Press",
     {"ANNA MARTYN": "person", "Associated Press": "organization"}),
    ("LISBON, Portugal (AP) — Crowds gathered by the harbour.", {"AP": "organization"}),
    ("Porto, Portugal (CNN)- Crowds gathered by the harbour.", {"CNN": "organization"}),
    ("Crowds gathered by the harbour.\n\nPhoto: Tiago Mendonca\n\nThe harbour closed at noon.",
     {"Tiago Mendonca": "person"}),
])
def test_credits_and_dateline_agencies(parse, text, expected):
    found = by_surface(mentions_of(parse, text))
    assert_rows_valid(text, list(found.values()))
    assert {s: found[s]["kind"] for s in expected if s in found} == expected


@pytest.mark.parametrize("text, surface", [
    ("Swindon manager Gary Holt praised his players.", "Swindon"),
    ("Thousands of Leeds fans travelled to the match.", "Leeds"),
])
def test_a_town_with_a_club_role_is_the_club(parse, text, surface):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["entity_id"], m["lat"]) == ("organization", f"org:{surface.lower()}", None)


def test_kremlin_is_the_russian_government(parse):
    m = by_surface(mentions_of(parse, "The Kremlin denied the report on Friday."))["Kremlin"]
    assert (m["kind"], m["entity_id"], m["name"], m["country_code"], m["lat"]) == (
        "organization", "inst:RU:government", "Government of Russia", "RU", None)


# Corpus-level linking on hand-made rows (no model).

def rows(*specs: tuple[str, str, str, str]) -> pd.DataFrame:
    """Mention rows from (article_id, surface, kind, name) tuples."""
    records = []
    for i, (article_id, surface, kind, name) in enumerate(specs):
        prefix = {"person": "person", "organization": "org", "group": "group"}[kind]
        records.append({
            "article_id": article_id, "sentence_id": 0, "start": i, "end": i + len(surface),
            "surface": surface, "kind": kind, "entity_id": f"{prefix}:{name.lower().replace(' ', '-')}",
            "name": name, "country_code": None, "lat": None, "lon": None, "confidence": 0.9,
        })
    return pd.DataFrame(records, columns=COLUMNS)


@pytest.mark.parametrize("a, b", [
    ("Volodymyr Zelensky", "Volodymyr Zelenskyy"),
    ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy"),
    ("Zelensky", "Zelenskyy"),
])
def test_person_key_folds_transliterations(a, b):
    assert person_key(a) == person_key(b)


def test_person_key_keeps_different_people_apart():
    assert person_key("Joe Biden") != person_key("Hunter Biden")


def test_link_entities_unifies_spellings_and_lone_surnames():
    frame = rows(
        ("a1", "Volodymyr Zelensky", "person", "Volodymyr Zelensky"),
        ("a2", "Volodymyr Zelenskyy", "person", "Volodymyr Zelenskyy"),
        ("a3", "Volodymyr Zelenskiy", "person", "Volodymyr Zelenskiy"),
        ("a4", "Volodymyr Zelenskyy", "person", "Volodymyr Zelenskyy"),
        ("a5", "Zelensky", "person", "Zelensky"),  # an article that never gives the full name
    )
    linked = link_entities(frame, load_resources())
    assert linked["entity_id"].nunique() == 1
    assert set(linked["name"]) == {"Volodymyr Zelenskyy"}
    assert len(linked) == len(frame) and list(linked.columns) == COLUMNS


def test_a_shouted_form_names_an_organization_only_alone():
    frame = rows(
        ("a1", "HARBOUR TV", "organization", "HARBOUR TV"),
        ("a2", "HARBOUR TV", "organization", "HARBOUR TV"),
        ("a3", "Harbour TV", "organization", "Harbour TV"),
    )
    assert set(link_entities(frame, load_resources())["name"]) == {"Harbour TV"}


def test_link_entities_leaves_ambiguous_surnames_alone():
    frame = rows(
        ("a1", "Joe Biden", "person", "Joe Biden"),
        ("a2", "Hunter Biden", "person", "Hunter Biden"),
        ("a3", "Biden", "person", "Biden"),
    )
    linked = link_entities(frame, load_resources()).set_index("surface")
    assert linked.loc["Joe Biden", "entity_id"] != linked.loc["Hunter Biden", "entity_id"]
    assert linked.loc["Biden", "entity_id"] not in {linked.loc["Joe Biden", "entity_id"],
                                                     linked.loc["Hunter Biden", "entity_id"]}


def test_link_entities_ties_acronym_definitions_across_articles():
    frame = rows(
        ("a1", "NATO", "organization", "NATO"),
        ("a2", "Nato", "organization", "Nato"),
        ("a3", "NATO", "organization", "NATO"),
        ("a4", "North Atlantic Treaty Organization", "organization", "North Atlantic Treaty Organization"),
    )
    # Article a1 defined the acronym, so its full name carries the acronym's id there.
    frame = pd.concat([frame, rows(("a1", "North Atlantic Treaty Organization", "organization", "NATO"))
                      .assign(entity_id="org:nato")], ignore_index=True)
    linked = link_entities(frame, load_resources())
    assert set(linked["entity_id"]) == {"org:nato"}
    assert set(linked["name"]) == {"NATO"}


def test_link_entities_one_name_per_entity():
    frame = rows(
        ("a1", "the Labour Party", "organization", "Labour Party"),
        ("a2", "Labour Party", "organization", "Labour Party"),
        ("a3", "Labour Party", "organization", "Labour Party"),
    )
    linked = link_entities(frame, load_resources())
    assert set(linked["name"]) == {"Labour Party"}


def test_link_entities_empty():
    assert link_entities(pd.DataFrame(columns=COLUMNS), load_resources()).empty


# The shared corpus: invariants on real text.

@pytest.fixture(scope="session")
def corpus_mentions(parsed_corpus_sample):
    """Mentions of the parsed corpus sample (war and BBC), with the articles."""
    return [(article, extract_mentions(article, sentences, load_resources()))
            for _, article, sentences in parsed_corpus_sample]


@pytest.mark.corpus
def test_corpus_rows_valid(corpus_mentions):
    total = 0
    for article, mentions in corpus_mentions:
        assert_rows_valid(article.text, mentions)
        total += len(mentions)
    assert total > 500


@pytest.mark.corpus
def test_corpus_linking_keeps_rows(corpus_mentions):
    frame = pd.DataFrame([m for _, ms in corpus_mentions for m in ms], columns=COLUMNS)
    linked = link_entities(frame, load_resources())
    assert len(linked) == len(frame)
    assert (linked[["start", "end", "surface"]].values == frame[["start", "end", "surface"]].values).all()
    assert linked["kind"].isin(KINDS).all()


@pytest.mark.corpus
def test_corpus_linking_gives_one_name_per_entity(corpus_mentions):
    frame = pd.DataFrame([m for _, ms in corpus_mentions for m in ms], columns=COLUMNS)
    linked = link_entities(frame, load_resources())
    assert linked.groupby("entity_id")["name"].nunique().max() == 1


@pytest.mark.parametrize("text, code", [
    ("Storms hit Atlanta and Savannah on Monday, and schools in Georgia would close.", "US"),
    ("The US pledged support for Georgia, and Washington warned Moscow.", "GE"),
    ("Georgia and Armenia signed a deal in Tbilisi.", "GE"),
])
def test_a_name_of_a_country_and_a_state_is_read_from_its_neighbours(parse, text, code):
    georgia = by_surface(mentions_of(parse, text))["Georgia"]
    assert georgia["country_code"] == code


@pytest.mark.parametrize("text, surface", [
    ("And the GRAD missiles were fired on Mariupol, not European cities.", "GRAD"),
    ("He introduced John Legend's performance of Free and featured Ukrainian musicians.", "Free"),
])
def test_a_word_that_names_a_region_abroad_is_no_place(parse, text, surface):
    row = by_surface(mentions_of(parse, text)).get(surface)
    assert row is None or not row["entity_id"].startswith("region:")


def test_a_list_of_names_before_a_plural_region_word_are_regions(parse):
    text = "Putin annexed the Donetsk, Luhansk, Zaporizhzhia and Kherson regions."
    found = mentions_of(parse, text)
    assert_rows_valid(text, found)
    ids = {m["entity_id"] for m in found if m["kind"] == "place"}
    assert {"region:UA-14", "region:UA-09", "region:UA-23", "region:UA-65"} <= ids


@pytest.mark.parametrize("text, surface, code", [
    # the owner's country, the town's after it, the sentence's; never a same-named town abroad
    ("The band played to a full house at Cork's Savoy Theatre on Friday.", "Savoy Theatre", "IE"),
    ("Fans queued outside the Riverside Stadium in Middlesbrough.", "Riverside Stadium", "GB"),
    ("The fans left Oakfield Park in a hurry after the final whistle in Birmingham.", "Oakfield Park", "GB"),
    ("Protesters gathered on Harbour Street before the rally in Belfast.", "Harbour Street", "GB"),
])
def test_a_venue_is_a_place_of_its_context_country(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["entity_id"], m["country_code"], m["lat"]) == (
        "place", f"place:{surface.lower().replace(' ', '-')}", code, None)


def test_a_venue_name_no_body_bears_is_a_place_without_a_locative(parse):
    text = "They will set up a charity to buy the Regent Theatre, and hope to reopen it."
    assert by_surface(mentions_of(parse, text))["Regent Theatre"]["kind"] == "place"


@pytest.mark.parametrize("text, surface", [
    ("The ceremony marks the day when 90,000 Allied soldiers landed on the coast.", "Allied"),
    ("The veteran spoke at Kessel's Club in Dover on Monday.", "Club"),
])
def test_generic_words_tagged_as_names_are_no_actors(parse, text, surface):
    assert by_surface(mentions_of(parse, text)).get(surface, {"kind": "none"})["kind"] not in (
        "person", "organization", "group")


def test_an_adjective_the_article_names_elsewhere_stays_an_actor(parse):
    text = "Celtic won 2-0 at home. Later the Celtic defence held firm against a late rally."
    kinds = [m["kind"] for m in mentions_of(parse, text) if m["surface"] == "Celtic"]
    assert kinds == ["organization", "organization"], kinds


def test_a_venue_word_alone_makes_no_place_of_an_organization(parse):
    m = by_surface(mentions_of(parse, "Chatham House said the report was flawed."))["Chatham House"]
    assert m["kind"] == "organization"


@pytest.mark.parametrize("text, surface, kind", [
    # in a sports report a town after "against", "with" or "joined" is the club
    ("Mido joined Tottenham in a loan deal and scored twice on his debut against Portsmouth. "
     "The striker's coach praised the goals.", "Portsmouth", "organization"),
    ("The midfielder won the league in 1993 with Marseilles. His goals made him the season's top "
     "scorer and the coach wept.", "Marseilles", "organization"),
    # elsewhere it stays the town
    ("The ferry service links the island with Portsmouth every hour.", "Portsmouth", "place"),
])
def test_a_town_in_a_sports_report_is_the_club(parse, text, surface, kind):
    assert by_surface(mentions_of(parse, text))[surface]["kind"] == kind


@pytest.mark.parametrize("text, surface, kind", [
    # a "place" listed among three or more companies or people is one of them
    ("Titles from Pixar, Walt Disney, Miramax, Columbia and Buena Vista are on the list.", "Columbia",
     "organization"),
    ("They lost to goals from Rivaldo (2), Luis Figo, Dani and Patrick Kluivert.", "Rivaldo", "person"),
    # a list of places stays places
    ("Google, Apple and Amazon opened offices in London, Paris and Berlin.", "Paris", "place"),
])
def test_a_place_listed_among_names_of_one_kind_takes_their_kind(parse, text, surface, kind):
    assert by_surface(mentions_of(parse, text))[surface]["kind"] == kind


def test_a_place_geonames_lacks_takes_the_country_of_the_places_listed_with_it(parse):
    # "Zaporizhia" is a spelling GeoNames lacks; the Russian context must not make it Russian.
    text = "Russian troops shelled villages in the Sumy and Zaporizhia regions, Russian officials said."
    m = by_surface(mentions_of(parse, text))["Zaporizhia"]
    assert (m["kind"], m["country_code"], m["lat"]) == ("place", "UA", None)


@pytest.mark.parametrize("text, surface, expected", [
    # a chamber tagged ORG is no venue, whatever "in the" before it
    ("Peers debated the bill in the House of Lords on Tuesday.", "House of Lords", ("organization", None)),
    # a sports report's ground with no town keeps no country (its countries are the visitors')
    ("The striker scored twice at Oakfield Park as the league leaders won the match, and the coach "
     "praised his goals against the Czech side.", "Oakfield Park", ("place", None)),
])
def test_venue_limits(parse, text, surface, expected):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == expected


@pytest.mark.parametrize("text, surface, code", [
    # a well-known ground (aliases.csv) is a place of its country even in a sports report, and
    # however the model tagged its one-word name
    ("The striker scored twice at Stamford Bridge as the league leaders won the match, and the coach "
     "praised his goals against the Czech side.", "Stamford Bridge", "GB"),
    ("The winger limped off at Kingsholm with a knee injury, and the coach said the match was lost.",
     "Kingsholm", "GB"),
    ("The Brazilian striker has scored nine goals since he moved to the Bernabeu last season.",
     "Bernabeu", "ES"),
])
def test_a_listed_ground_is_a_place_of_its_country(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == ("place", code)


@pytest.mark.parametrize("text, kind", [
    # a town's name opening a company's name stands for the company, except after "in"
    ("Figures from Halden & Partners, a consultancy, show the trend. Halden said demand was rising.",
     "organization"),
    ("Ticket sales at Halden & Partners fell. Most staff live in Halden, a town in Norway.", "place"),
])
def test_a_town_opening_a_company_name_is_its_short_form(parse, text, kind):
    found = [m for m in mentions_of(parse, text) if m["surface"] == "Halden"]
    assert found[0]["kind"] == kind
    if kind == "organization":
        assert found[0]["entity_id"] == "org:halden-partners"


def test_a_street_standing_for_a_trade_is_a_place_of_the_alias_table(parse):
    m = by_surface(mentions_of(parse, "Investors on Wall Street sold shares on Friday."))["Wall Street"]
    assert (m["kind"], m["country_code"], m["lat"] is not None) == ("place", "US", True)


@pytest.mark.parametrize("text, surface, code", [
    ("Missiles were fired from the territory of the Republic of Belarus, officials said.",
     "Republic of Belarus", "BY"),
    ("He met the King in the Kingdom of Bahrain.", "Kingdom of Bahrain", "BH"),
])
def test_a_formal_state_name_is_its_country(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["entity_id"]) == ("country", f"country:{code}")


@pytest.mark.parametrize("text, surfaces", [
    # names after "the villages of" are places, even those GeoNames lacks or the model calls persons
    ("The governor said the villages of Marchenky and Hrytsenky were shelled, but made no mention of "
     "casualties in Ukraine.", ("Marchenky", "Hrytsenky")),
    ("Smoke rose over the town of Kovalenky after the Ukrainian army withdrew.", ("Kovalenky",)),
])
def test_names_after_a_settlement_noun_and_of_are_places(parse, text, surfaces):
    found = by_surface(mentions_of(parse, text))
    assert [(found[s]["kind"], found[s]["country_code"]) for s in surfaces] == [("place", "UA")] * len(surfaces)


def test_a_country_naming_a_war_is_a_mention_of_the_country(parse):
    m = by_surface(mentions_of(parse, "Critics of the Vietnam War marched in Washington."))["Vietnam"]
    assert (m["kind"], m["entity_id"]) == ("country", "country:VN")


@pytest.mark.parametrize("text, surface, code", [
    # a plural noun of places before "such as"/"including" makes the list's names places,
    # whatever the model tagged (an organization, a person)
    ("Free wireless internet will be offered at busy mainline stations such as Paddington and "
     "Waterloo, the London operator said on Tuesday.", "Paddington", "GB"),
    ("The chain opened cafes in market towns including Ludlow, Hexham and Totnes last year, the "
     "British company said.", "Ludlow", "GB"),
])
def test_names_listed_after_a_noun_of_places_are_places(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == ("place", code)


def test_a_peers_territorial_designation_is_no_place(parse):
    text = "Lord Smithson of Leeds told peers the bill was flawed. He later returned to Leeds to campaign."
    leeds = [m for m in mentions_of(parse, text) if m["surface"] == "Leeds"]
    assert [(m["kind"], text[m["start"] - 3:m["start"]]) for m in leeds] == [("place", "to ")]


@pytest.mark.parametrize("text, surface", [
    # the second half of a compound adjective whose first half names no place is no place
    ("The minister called Moscow the gravest threat to peace in the Euro-Atlantic region for years.",
     "Atlantic"),
])
def test_the_second_half_of_a_compound_adjective_is_no_place(parse, text, surface):
    assert not [m for m in mentions_of(parse, text) if surface in m["surface"]]


def test_a_pair_of_places_or_a_country_after_a_prefix_stays(parse):
    found = by_surface(mentions_of(parse, "Pro-Russia rebels attacked the town, and the Asia-Pacific "
                                          "economies slowed."))
    assert found["Russia"]["kind"] == "country"


@pytest.mark.parametrize("text", [
    # "Liberal" untagged, then "Democrat" NORP
    "Mr Blunkett's remarks came in reply to an urgent question from Liberal Democrat home affairs "
    "spokesman Mark Oaten.",
    # "Liberal" a one-word entity of its own (ORG), then "Democrat" NORP
    "The remarks came in response to an emergency question from Liberal Democrat constitutional "
    "affairs spokesman Simon Hughes.",
])
def test_a_party_name_the_model_cut_in_two_is_one_organization_and_no_place(parse, text):
    found = mentions_of(parse, text)
    party = [(m["surface"], m["kind"], m["name"]) for m in found if "Liberal" in m["surface"] or "Democrat" in m["surface"]]
    assert party == [("Liberal Democrat", "organization", "Liberal Democrats")]


def test_every_name_of_a_team_sheet_is_a_person(parse):
    text = ("The coach named an unchanged side for Saturday.\n\n"
            "Leeds: Walsh, Hayes, Kearney, Buxton, O'Driscoll, Murray, Clarke (Reid 60), Kelly, Byrne, Quinn.\n\n"
            "Replacements: Sheahan, Horan, O'Callaghan, G Easterby, Humphreys, Dempsey, Lynch.")
    rows = mentions_of(parse, text)
    assert_rows_valid(text, rows)
    people = {r["surface"] for r in rows if r["kind"] == "person"}
    assert {"Walsh", "Hayes", "O'Driscoll", "Reid", "Sheahan", "G Easterby", "Dempsey", "Lynch"} <= people
    assert not [r for r in rows if r["kind"] != "person" and r["surface"] != "Leeds"]


def test_a_list_of_authors_gives_one_person_per_name(parse):
    text = "Authors: Ann Carter, Bo Lindqvist, Chidi Okafor, Dana Whitcombe, Eli Marsh, Fay Ortega."
    people = [r["surface"] for r in mentions_of(parse, text) if r["kind"] == "person"]
    assert people == ["Ann Carter", "Bo Lindqvist", "Chidi Okafor", "Dana Whitcombe", "Eli Marsh", "Fay Ortega"]


def test_a_list_of_countries_or_towns_is_no_team_sheet(parse):
    for text in ("Envoys came from France, Germany, Italy, Spain, Poland, Austria, Greece.",
                 "Sirens sounded in: Kharkiv, Odesa, Lviv, Dnipro, Mykolaiv, Kherson, Poltava."):
        rows = mentions_of(parse, text)
        assert not [r for r in rows if r["kind"] == "person"], text


def test_a_name_a_team_sheet_lists_is_a_person_where_the_model_says_organization(parse):
    text = ("Hull: Kelby, Marsh, Ordway, Pell, Quist, Rusk, Stent, Tolley, Umber, Vance, Wyatt.\n\n"
            "Kelby, Marsh, Pell.")
    kinds = {r["kind"] for r in mentions_of(parse, text) if r["surface"] == "Kelby"}
    assert kinds == {"person"}


@pytest.mark.parametrize("text, surface, code", [
    # a small town of the article's country after a preposition of place
    ("Ukrainian troops pulled back from the front and the column headed toward Manhush before dawn.",
     "Manhush", "UA"),
    # a town before a site noun, a county before "training"
    ("Belarusian troops drilled at the Osipovichi training ground, the Belarusian defence ministry said.",
     "Osipovichi", "BY"),
    ("The England squad will gather at their Surrey training base on Sunday.", "Surrey", "GB"),
    # a ceremonial county GeoNames lacks (aliases.csv)
    ("The nurse, 31, from Luton and Bedfordshire, was freed on Friday.", "Bedfordshire", "GB"),
    # a site named after its town's possessive is the site, not the town's body
    ("Ukrainian marines held out inside Mariupol's Azovstal steelworks for weeks.", "Azovstal", "UA"),
])
def test_a_place_the_model_typed_as_an_actor_is_a_place_by_its_context(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == ("place", code)


def test_an_acronym_after_in_is_no_small_town(parse):
    text = "France said it would join EU-wide measures in EU talks on Monday."
    assert all(m["kind"] != "place" for m in mentions_of(parse, text) if m["surface"] == "EU")


@pytest.mark.parametrize("text, surface, name", [
    ("The film won three prizes at Sunday's awards in LA.", "LA", "Los Angeles"),
    # as a qualifier it stays the state's postal code
    ("The plant moved from Baton Rouge, LA, to Houston last year.", "LA", "Louisiana"),
])
def test_a_city_short_form_is_the_city(parse, text, surface, name):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["name"], m["country_code"]) == ("place", name, "US")


def test_a_pair_of_nationalities_is_two_groups(parse):
    text = "He reviewed the Belarusian-Russian exercise at the range on Tuesday."
    found = {(m["surface"], m["kind"], m["country_code"]) for m in mentions_of(parse, text)}
    assert {("Belarusian", "group", "BY"), ("Russian", "group", "RU")} <= found


def test_a_place_after_an_adjective_prefix_is_no_mention(parse):
    text = "Officials pressed the case in trans-Atlantic video calls on Monday."
    assert not [m for m in mentions_of(parse, text) if m["kind"] == "place"]


@pytest.mark.parametrize("text, surface, code", [
    ("Leaders met this week at a meeting in the German Alps.", "German Alps", "DE"),
    ("The climbers were rescued in the Swiss Alps on Sunday.", "Swiss Alps", "CH"),
])
def test_a_range_named_after_a_nationality_is_a_place_of_its_country(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == ("place", code) and m["lat"] is not None


@pytest.mark.parametrize("text, surface, code", [
    # a settlement noun right before the name, a site of the article's country after it
    ("Russian troops stormed the Ukrainian mining city Vuhledar near Donetsk in late January.",
     "Vuhledar", "UA"),
    ("When the Kakhovka dam was blown up in southern Ukraine, officials blamed Moscow.", "Kakhovka", "UA"),
])
def test_a_town_named_by_a_settlement_or_site_noun_is_a_place(parse, text, surface, code):
    m = by_surface(mentions_of(parse, text))[surface]
    assert (m["kind"], m["country_code"]) == ("place", code)


def test_a_brand_named_like_a_town_abroad_is_no_site(parse):
    text = "Output at the Mercedes plant fell after a faulty part was found, the German carmaker said."
    assert all(m["kind"] != "place" for m in mentions_of(parse, text) if m["surface"] == "Mercedes")


def test_an_initial_and_surname_links_to_the_one_full_name_it_abbreviates(parse):
    text = ("Ireland named Simon Best and Guy Easterby in the squad for the match. Coach Eddie Jones "
            "praised Simon Easterby too.\n\n"
            "Forwards: S Best, B Jackman, G Easterby, S Easterby, D Leamy, R Kerr, T Nolan.")
    names = {m["surface"]: m["name"] for m in mentions_of(parse, text) if m["kind"] == "person"}
    assert names["S Best"] == "Simon Best"
    assert (names["G Easterby"], names["S Easterby"]) == ("Guy Easterby", "Simon Easterby")
    assert names["B Jackman"] == "B Jackman"  # no full name to link to


# Invented sentences: a comma between capitalised names the model tagged as one organization
# lists them; a name with "and" or a company suffix after its comma stays whole.
@pytest.mark.parametrize("text, parts", [
    ("Old machines like the Amstrad, Atari, Spectrum still sell.", {"Atari", "Spectrum"}),
])
def test_a_comma_inside_an_organization_lists_names(parse, text, parts):
    found = by_surface(mentions_of(parse, text))
    assert parts <= set(found), found


@pytest.mark.parametrize("surface, parts", [
    ("Halvorsen, Brightwater", ["Halvorsen", "Brightwater"]),
    ("Department for Trade, Energy and Skills", ["Department for Trade, Energy and Skills"]),
    ("Kestrel Holdings, Inc.", ["Kestrel Holdings, Inc."]),
])
def test_comma_listed_names_split_only_lists(surface, parts):
    from data_prep.mentions import _comma_listed_names
    assert [surface[a:b] for a, b in _comma_listed_names(surface, 0, len(surface))] == parts


def test_a_club_its_cues_found_keeps_its_kind_beside_its_namesake_place():
    # "S Byrne (Leinster)" on a team sheet is the club, "school days in Leinster" the province:
    # the place reading of a name tagged GPE once overrides a lone ORG, not a cue-made CLUB.
    from data_prep.linking import _harmonize_kinds
    from data_prep.spans import CLUB, Mention, Span

    def mention(start, label, kind, entity_id, lat=None):
        span = Span(None, start, start + 8, "Leinster", label)
        return Mention(span, kind, entity_id, "Leinster", "IE" if kind == "place" else None, lat, lat)

    place = mention(0, "GPE", "place", "geonames:1", lat=53.0)
    club, lone = mention(40, CLUB, "organization", "org:leinster"), mention(80, "ORG", "organization", "org:leinster")
    _harmonize_kinds([place, club, lone])
    assert (club.kind, lone.kind) == ("organization", "place")
