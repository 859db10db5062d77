"""Institutions: a country word with a role noun is one organization inst:<CC>:<role>."""
from __future__ import annotations

from dataclasses import replace

import pytest

from data_prep.mentions import extract_mentions
from data_prep.resources import load_resources

from .test_mentions import assert_rows_valid


def mentions_of(parse, text: str) -> list[dict]:
    article, sentences = parse(text)
    found = extract_mentions(article, sentences, load_resources())
    assert_rows_valid(text, found)
    return found


def institutions(mentions: list[dict]) -> dict[str, str]:
    return {m["surface"]: m["entity_id"] for m in mentions if m["entity_id"].startswith("inst:")}


# Invented sentences (not from any corpus).
@pytest.mark.parametrize("text, surface, entity_id", [
    ("Russian forces shelled a school in the village overnight.", "Russian forces",
     "inst:RU:armed-forces"),
    ("Ukraine's armed forces said they had repelled three attacks.", "Ukraine's armed forces",
     "inst:UA:armed-forces"),
    ("The German government approved the new budget on Tuesday.", "German government",
     "inst:DE:government"),
    ("Poland's foreign ministry summoned the ambassador.", "Poland's foreign ministry",
     "inst:PL:ministry-of-foreign-affairs"),
    ("Ukraine's State Emergency Service said two rescuers were hurt.",
     "Ukraine's State Emergency Service", "inst:UA:emergency-service"),
    ("The US military moved two more ships to the region.", "US military", "inst:US:armed-forces"),
    ("A spokesman for the armed forces of Ukraine said the bridge was hit.",
     "armed forces of Ukraine", "inst:UA:armed-forces"),
    ("French police arrested four men after the match.", "French police", "inst:FR:police"),
    ("Russian occupying forces left the town in April.", "Russian occupying forces",
     "inst:RU:armed-forces"),
])
def test_country_word_and_role_noun(parse, text, surface, entity_id):
    found = mentions_of(parse, text)
    assert institutions(found) == {surface: entity_id}
    m = next(m for m in found if m["surface"] == surface)
    assert m["kind"] == "organization" and m["country_code"] == entity_id.split(":")[1]


def test_name_is_role_of_country(parse):
    m = next(m for m in mentions_of(parse, "Russian troops crossed the river at dawn.")
             if m["entity_id"] == "inst:RU:armed-forces")
    assert m["name"] == "Armed forces of Russia"


def test_nationality_inside_is_no_group(parse):
    found = mentions_of(parse, "Dutch soldiers guarded the airport while Belgian troops waited.")
    assert not [m for m in found if m["kind"] == "group"]
    assert set(institutions(found).values()) == {"inst:NL:armed-forces", "inst:BE:armed-forces"}


@pytest.mark.parametrize("seat, entity_id", [
    ("the White House", "inst:US:government"), ("the Pentagon", "inst:US:ministry-of-defence"),
    ("Downing Street", "inst:GB:government"), ("the Kremlin", "inst:RU:government"),
])
def test_seats_stand_for_bodies(parse, seat, entity_id):
    found = mentions_of(parse, f"A statement from {seat} was expected later on Thursday.")
    assert entity_id in institutions(found).values()


def test_a_country_role_before_a_noun_is_still_the_body(parse):
    # "a US military commander" is a commander of the US armed forces
    found = institutions(mentions_of(parse, "In the film he plays a US military commander."))
    assert found == {"US military": "inst:US:armed-forces"}


@pytest.mark.parametrize("text", [
    "The delivery of US military aid was delayed again.",       # an adjective, not the body
    "The government officials said nothing about the plan.",    # a bare modifier, no body
    "Pro-Russian forces held the checkpoint for a week.",       # not Russia's own forces
    "The government said nothing about the plan.",              # no country in the article
])
def test_not_an_institution(parse, text):
    assert not institutions(mentions_of(parse, text))


def test_bare_role_takes_the_country_named_nearby(parse):
    found = mentions_of(parse, "The Norwegian government raised the fuel tax. "
                               "The defence ministry said the money would buy frigates.")
    assert institutions(found)["defence ministry"] == "inst:NO:ministry-of-defence"


def test_the_authorities_take_the_country_named_nearby(parse):
    found = mentions_of(parse, "Peru's government raised the fuel tax. "
                               "Drivers who refused to pay were warned by the authorities.")
    assert institutions(found)["authorities"] == "inst:PE:government"


def test_a_capitalised_role_without_article_is_the_countrys(parse):
    found = mentions_of(parse, "The Irish government raised the fuel tax. "
                               "Farmers staged a protest outside Parliament on Tuesday.")
    assert institutions(found)["Parliament"] == "inst:IE:parliament"


@pytest.mark.parametrize("text", [
    "The Irish government raised the fuel tax. The European Parliament voted on Tuesday.",
    "The Irish government raised the fuel tax. The 1922 Parliament Act was cited.",
])
def test_a_named_parliament_is_not_the_countrys(parse, text):
    assert not any(s.endswith("Parliament") for s in institutions(mentions_of(parse, text)))


def test_a_bare_role_is_the_body_of_that_role_named_before(parse):
    # The Chilean body is nearer, but "the Treasury" repeats the Peruvian Treasury named first.
    found = mentions_of(parse, "The Peruvian Treasury froze the accounts of four banks. "
                               "The banks had lent money to mining firms. "
                               "Those firms exported copper through ports in the north. "
                               "Chile's army guarded the border crossings. "
                               "The Treasury said the freeze would last a year.")
    assert {m["entity_id"] for m in found if m["surface"].endswith("Treasury")} == {"inst:PE:ministry-of-finance"}


def test_a_bare_government_is_not_the_one_named_before_when_another_is_near(parse):
    found = mentions_of(parse, "The Peruvian government froze the accounts of four banks. "
                               "The banks had lent money to mining firms. "
                               "Those firms exported copper through ports in the north. "
                               "Chile's army guarded the border crossings. "
                               "The government said the closure would last a year.")
    assert institutions(found).get("government") == "inst:CL:government"


def test_bare_role_between_two_countries_is_dropped(parse):
    found = mentions_of(parse, "Chilean troops and Peruvian troops met at the border. "
                               "The defence ministry gave no figures.")
    assert "defence ministry" not in institutions(found)


# Invented sentences (not from any corpus).
def test_lowercase_state_department_is_the_us_foreign_ministry(parse):
    found = institutions(mentions_of(parse, "A spokesman for the state department said the talks had stalled."))
    assert found == {"state department": "inst:US:ministry-of-foreign-affairs"}


@pytest.mark.parametrize("text", [
    "The state Department of Transportation closed the highway after the storm.",
    "The state department of health issued a warning about the heat.",
    "The fly-half took over the number 10 shirt for the autumn matches.",
])
def test_a_states_own_department_is_no_state_department(parse, text):
    assert institutions(mentions_of(parse, text)) == {}


def test_government_in_a_country_is_its_government(parse):
    found = mentions_of(parse, "Elsewhere, a caretaker government in Norway delayed the vote.")
    assert institutions(found) == {"government": "inst:NO:government"}
    assert any(m["entity_id"] == "country:NO" for m in found)  # the country keeps its own mention


@pytest.mark.parametrize("text, surface, entity_id", [
    ("A US embassy official attended the hearing on Friday.", "US embassy", "org:embassy-of-united-states"),
    ("Critics denounced a post by Russia's embassy in London.", "Russia's embassy", "org:embassy-of-russia"),
])
def test_an_embassy_is_an_organization_not_an_institution(parse, text, surface, entity_id):
    m = next(m for m in mentions_of(parse, text) if m["surface"] == surface)
    assert (m["kind"], m["entity_id"], m["country_code"]) == ("organization", entity_id, None)


def test_a_persons_administration_is_the_us_government(parse):
    found = mentions_of(parse, "The Biden administration says the player is being wrongfully detained.")
    assert institutions(found) == {"administration": "inst:US:government"}
    assert any(m["kind"] == "person" and m["surface"] == "Biden" for m in found)  # still a person


# Invented sentences (not from any corpus): issue 9, round 4 classes.
@pytest.mark.parametrize("text, surface, entity_id", [
    ("Rebels want to push the Kremlin's forces out of the valley.", "forces", "inst:RU:armed-forces"),
    ("Villagers fled as Minsk's army moved closer to the border.", "army", "inst:BY:armed-forces"),
    ("Norway says Sweden must withdraw its troops from the islands.", "troops", "inst:SE:armed-forces"),
    ("A court in Oslo ordered the editor held for two months.", "court", "inst:NO:courts"),
    ("The Kremlin has moved some 40,000 troops to the northern border.", "troops", "inst:RU:armed-forces"),
    ("Officials say Oslo has sent 300 soldiers to the island.", "soldiers", "inst:NO:armed-forces"),
])
def test_a_bodys_country_from_its_seat_capital_or_subject(parse, text, surface, entity_id):
    assert institutions(mentions_of(parse, text)).get(surface) == entity_id


def test_a_capital_keeps_its_place_and_a_citys_police_is_no_institution(parse):
    found = mentions_of(parse, "Oslo's army was praised, but Oslo's police were not.")
    assert set(institutions(found).values()) == {"inst:NO:armed-forces"}
    assert any(m["surface"] == "Oslo" and m["kind"] == "place" for m in found)


def test_the_us_department_of_state_is_a_seat(parse):
    found = mentions_of(parse, "The U.S. Department of State told citizens to leave the country.")
    assert "inst:US:ministry-of-foreign-affairs" in institutions(found).values()


def test_a_named_body_with_a_capitalised_modifier_is_no_institution(parse):
    found = mentions_of(parse, "Officers of the Norwegian Federal Security Service (NFSS) raided the flat.")
    assert not institutions(found)


def test_a_bare_role_takes_the_outlets_country_when_the_article_names_none(parse):
    from data_prep.mentions import extract_mentions
    from data_prep.resources import load_resources

    text = "MPs warned that the government would face a revolt over the plan."
    article, sentences = parse(text)
    for source, expected in (("BBC News", {"government": "inst:GB:government"}), (None, {})):
        found = extract_mentions(replace(article, source=source), sentences, load_resources())
        assert institutions(found) == expected


def test_the_outlets_country_weighs_as_one_mention_for_a_bare_role(parse):
    text = "Prices rose in 12% of UK towns. Critics said the government had failed buyers."
    article, sentences = parse(text)
    found = extract_mentions(replace(article, source="BBC News"), sentences, load_resources())
    assert institutions(found) == {"government": "inst:GB:government"}
    text = "Prices rose in many Polish towns. Critics said the government had failed buyers."
    article, sentences = parse(text)
    found = extract_mentions(replace(article, source="BBC News"), sentences, load_resources())
    assert institutions(found) == {}  # one mention each: no country is clear


def test_a_leaders_body_by_a_pronoun_takes_the_articles_country(parse):
    text = ("The Brazilian government raised fuel prices. Critics say the poor will suffer, "
            "although the president says his administration wants to help them.")
    found = institutions(mentions_of(parse, text))
    assert found.get("administration") == "inst:BR:government", found


def test_their_government_is_left_alone(parse):
    text = "The Brazilian government raised prices. Farmers in Kenya rely on their government for help."
    found = institutions(mentions_of(parse, text))
    assert list(found.values()) == ["inst:BR:government"], found


@pytest.mark.parametrize("text, surface, entity_id", [
    # the article names several countries: the leader's own decides
    ("Britain, France and Ukraine met. Diplomats say Putin's soldiers are tired.", "soldiers",
     "inst:RU:armed-forces"),
    ("Officials in Warsaw and Washington met on Monday. The Zelensky administration asked for more.",
     "administration", "inst:UA:government"),
    ("The Lukashenko regime jailed two more critics, Poland and Lithuania said.", "regime",
     "inst:BY:government"),
    ("Aid from Joe Biden's administration reached Poland, Russia said.", "administration",
     "inst:US:government"),
])
def test_a_known_leaders_body_is_their_countrys(parse, text, surface, entity_id):
    assert institutions(mentions_of(parse, text)).get(surface) == entity_id


def test_an_unknown_persons_compound_is_no_body(parse):
    found = institutions(mentions_of(parse, "The Smith army of volunteers cleaned the beach in Spain."))
    assert "army" not in found


def test_administration_officials_of_a_named_leader(parse):
    text = ("President Joe Biden spoke on Monday. A former envoy who has close contact with "
            "Biden administration officials said the talks would go ahead.")
    found = institutions(mentions_of(parse, text))
    assert "inst:US:government" in found.values(), found


def test_secretary_of_state_is_no_organization(parse):
    found = mentions_of(parse, "US Secretary of State Mary Colm said on Friday that talks would go on.")
    assert all(m["surface"] != "State" for m in found), found


# Invented sentences (not from any corpus): Japan named three times, the US and Canada once each.
_JAPAN = ("Japan's birth rate fell again. Japan now has more pensioners than children, and "
          "Japanese schools are closing. Firms from the US and Canada are hiring nurses. ")


def test_a_bare_role_takes_the_country_named_twice_as_often_as_any_other(parse):
    found = institutions(mentions_of(parse, _JAPAN + "The government is considering cash rewards for parents."))
    assert found == {"government": "inst:JP:government"}, found


@pytest.mark.parametrize("text", [
    # No country leads: Japan three times, the US twice.
    _JAPAN.replace("Canada", "the US again") + "The government is considering cash rewards for parents.",
    # A leader's body is the leader's country's, which the article may not name.
    _JAPAN + "The minister said his government would pay parents.",
    # "The authorities" may be a regulator's or a city's.
    _JAPAN + "Clinics were inspected by the authorities.",
    # A bare role the article names a body with is that body.
    _JAPAN + "The Nordic Parliament debated it, and the parliament voted for cash rewards.",
])
def test_a_bare_role_without_a_leading_country_or_of_a_leader_stays_unlinked(parse, text):
    assert not institutions(mentions_of(parse, text))


# Invented sentences (not from any corpus).
@pytest.mark.parametrize("text, surface, entity_id", [
    ("Malta cut its budget and Maltese rents rose. Ministers must now take the bill through parliament in May.",
     "parliament", "inst:MT:parliament"),
    ("Malta cut its budget and Maltese rents rose. Landlords took the tenants to the courts in May.",
     "courts", "inst:MT:courts"),
])
def test_parliament_in_lowercase_and_the_courts_take_the_articles_country(parse, text, surface, entity_id):
    assert institutions(mentions_of(parse, text)).get(surface) == entity_id


@pytest.mark.parametrize("text", [
    "Malta cut its budget and Maltese rents rose. Two members of parliament voted against it.",
    "Malta cut its budget and Maltese rents rose. Some lawmakers said the court in the capital was shut.",
])
def test_members_of_parliament_and_a_court_are_no_body(parse, text):
    assert not institutions(mentions_of(parse, text))


# Invented sentences (not from any corpus).
@pytest.mark.parametrize("text, source, expected", [
    ("The Kremlin denied the report. A tweet by the Ministry of Defence said Moscow was desperate.",
     "BBC News", "inst:GB:ministry-of-defence"),
    ("Russia's defence ministry denied the report. The Ministry of Defence said Moscow was calm.",
     "BBC News", "inst:RU:ministry-of-defence"),
    ("The Kremlin denied the report. A tweet by the Ministry of Defence said Moscow was desperate.",
     "The New York Times", "inst:RU:ministry-of-defence"),
])
def test_the_ministry_of_defence_of_a_british_paper_is_britains(parse, text, source, expected):
    article, sentences = parse(text)
    found = extract_mentions(replace(article, source=source), sentences, load_resources())
    assert institutions(found).get("Ministry of Defence") == expected


# Invented sentences (not from any corpus).
def test_riot_police_need_no_determiner(parse):
    text = "Malta cut its budget and Maltese rents rose. Riot police cleared the square at dawn."
    assert institutions(mentions_of(parse, text)) == {"Riot police": "inst:MT:police"}


def test_police_without_a_determiner_stay_unlinked(parse):
    text = "Malta cut its budget and Maltese rents rose. Police cleared the square at dawn."
    assert not institutions(mentions_of(parse, text))


# Invented sentences (not from any corpus).
def test_a_country_under_an_era_adjective_after_of(parse):
    found = mentions_of(parse, "The parade marked the day the forces of Nazi Germany surrendered.")
    assert institutions(found) == {"forces of Nazi Germany": "inst:DE:armed-forces"}
    assert not [m for m in found if m["kind"] == "country"]


@pytest.mark.parametrize("text, expected", [
    ("He denied that British and French troops were training crews there.",
     {"British": "inst:GB:armed-forces", "French troops": "inst:FR:armed-forces"}),
    ("Drills by US, British and Canadian troops were called off.",
     {"US": "inst:US:armed-forces", "British": "inst:GB:armed-forces",
      "Canadian troops": "inst:CA:armed-forces"}),
    ("In the UK, US forces held a drill.", {"US forces": "inst:US:armed-forces"}),
])
def test_coordinated_nationalities_share_the_role(parse, text, expected):
    assert institutions(mentions_of(parse, text)) == expected


def test_a_bare_role_takes_the_country_of_a_leader_named_nearby(parse):
    text = ("Italy and Spain signed a gas deal with Algeria. President Emmanuel Macron said the "
            "government would prepare a plan to save energy. Spain and Italy agreed.")
    assert institutions(mentions_of(parse, text)) == {"government": "inst:FR:government"}


def test_an_unknown_persons_body_takes_no_leader_named_nearby(parse):
    text = ("Italy and Spain praised the veterans. Mr Putin said the battle turned the war "
            "against Adolf Hitler's army. Spain and Italy agreed.")
    assert "army" not in institutions(mentions_of(parse, text))
