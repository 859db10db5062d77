"""Works, documents and common words that are no actors; bodies named by a proper name (round 9-10 classes).

Every sentence is invented for the test (no corpus text, no article's names).
"""
from __future__ import annotations

import pytest

from .test_institutions import institutions, mentions_of


def actor_surfaces(found: list[dict]) -> set[str]:
    return {m["surface"] for m in found if m["kind"] in ("person", "organization", "group", "country")}


@pytest.mark.parametrize("text, surface", [
    ("Millions watched the last episode of the sitcom Harbour Lights on Thursday.", "Harbour Lights"),
    ("Fans loved the shows Lucky Jim and Bayside, the network said.", "Lucky Jim"),
    ("Fans loved the shows Lucky Jim and Bayside, the network said.", "Bayside"),
    ("He wrote the novel Jonathan Pike, which sold a million copies.", "Jonathan Pike"),
])
def test_a_title_after_a_work_noun_is_no_actor(parse, text, surface):
    assert surface not in actor_surfaces(mentions_of(parse, text))


def test_every_mention_of_a_title_is_no_actor(parse):
    found = mentions_of(parse, "Critics loved the film Lantern Falls, and Lantern Falls made $90m.")
    assert "Lantern Falls" not in actor_surfaces(found)


def test_a_persons_name_after_a_work_noun_stays(parse):
    found = mentions_of(parse, "Critics praised the film, and Tom Hanks said the film Tom Hanks made was a hit.")
    assert "Tom Hanks" in actor_surfaces(found)


@pytest.mark.parametrize("text, surface", [
    ("The Oscar went to a French actress, Claire Dumont, on Sunday.", "Oscar"),
    ("Shoppers queued for the new Xbox on Friday.", "Xbox"),
    ("Shoppers queued for the new PS2 on Friday.", "PS2"),
    ("Fans queued for the new Harry Potter film, Jane Cole said.", "Harry Potter"),
    ("Gamers rushed to buy GTA at midnight, Jane Cole said.", "GTA"),
])
def test_awards_and_consoles_are_no_actors(parse, text, surface):
    assert surface not in actor_surfaces(mentions_of(parse, text))


def test_a_common_word_tagged_person_is_no_actor(parse):
    found = mentions_of(parse, "Riot police cleared the square after the riot on Sunday.")
    assert "Riot" not in actor_surfaces(found)


@pytest.mark.parametrize("text, word", [
    ("House prices rose again in May. Buyers said a house was hard to find.", "House"),
    ("Motorcycle racer Tom Baines won. He bought a motorcycle in May.", "Motorcycle"),
])
def test_a_common_word_tagged_organization_at_a_sentence_head_is_no_actor(parse, text, word):
    assert word not in actor_surfaces(mentions_of(parse, text))


def test_a_company_named_mid_sentence_too_stays(parse):
    found = [m["surface"] for m in mentions_of(parse, "Apple sold more phones. An apple a day, Apple said.")]
    assert found.count("Apple") == 2


def test_a_surname_that_is_a_common_word_stays_a_person(parse):
    found = mentions_of(parse, "Gordon Brown spoke first. Brown said brown bread was cheaper.")
    assert {m["surface"] for m in found if m["kind"] == "person"} >= {"Gordon Brown", "Brown"}


@pytest.mark.parametrize("text, surface", [
    ("The European Convention on Human Rights binds Britain, Jack Straw said.",
     "European Convention on Human Rights"),
    ("Moscow broke the UN Charter, the minister said.", "UN Charter"),
])
def test_a_document_is_no_organization(parse, text, surface):
    found = mentions_of(parse, text)
    assert not any(surface in s for s in actor_surfaces(found) if s != "UN")


def test_an_organization_named_in_a_document_stays(parse):
    found = mentions_of(parse, "Moscow broke the UN Charter, the minister said.")
    assert "UN" in actor_surfaces(found)
    found = mentions_of(parse, "It cited the Statute of the International Criminal Court.")
    assert actor_surfaces(found) == {"International Criminal Court"}


@pytest.mark.parametrize("text, body", [
    ("The strike broke the Charter of the United Nations, the envoy said.", "United Nations"),
    ("It is an act of war under Resolution 2625 of the United Nations General Assembly.",
     "United Nations General Assembly"),
    ("They cited Article 5 of the Statute of the International Criminal Court.", "International Criminal Court"),
    ("The law breaks the Statute of the Council of Europe, the envoy said.", "Council of Europe"),
])
def test_the_body_after_a_documents_of_is_the_organization(parse, text, body):
    orgs = {m["surface"] for m in mentions_of(parse, text) if m["kind"] == "organization"}
    assert orgs == {body}


def test_a_body_named_after_its_remit_stays(parse):
    text = "The Department for Business, Energy and Industrial Strategy said prices would rise."
    assert "Department for Business, Energy and Industrial Strategy" in actor_surfaces(mentions_of(parse, text))


def test_groups_of_states_by_number(parse):
    found = mentions_of(parse, "The Group of 20 met in Rome, and the Group of Seven and the G7 will meet in June.")
    names = {m["surface"]: m["name"] for m in found if m["kind"] == "organization"}
    assert names == {"Group of 20": "Group of 20", "Group of Seven": "Group of Seven", "G7": "Group of Seven"}


@pytest.mark.parametrize("text, surface, entity_id", [
    ("The Foreign Office told Britons in Ukraine to leave, and Russia said nothing.", "Foreign Office",
     "inst:GB:ministry-of-foreign-affairs"),
    ("The German Foreign Office summoned the envoy.", "German Foreign Office",
     "inst:DE:ministry-of-foreign-affairs"),
])
def test_the_foreign_office_is_britains_unless_a_country_word_says_otherwise(parse, text, surface, entity_id):
    assert institutions(mentions_of(parse, text)) == {surface: entity_id}


def test_the_home_office_is_a_named_body(parse):
    found = mentions_of(parse, "The Home Office said the visas would be issued.")
    assert [m["entity_id"] for m in found] == ["org:home-office"]


def test_a_capitalised_currency_is_no_person(parse):
    text = "The actor earned 4.2m Euros last year, a French newspaper said."
    assert not [m for m in mentions_of(parse, text) if m["surface"] == "Euros"]


@pytest.mark.parametrize("text, surface", [
    ("The package included High Mobility Artillery Rocket Systems and helicopters, the Pentagon said.",
     "Mobility Artillery Rocket Systems"),
    ("Bradley Infantry Fighting Vehicles arrived in Poland.", "Bradley Infantry Fighting Vehicles"),
])
def test_a_weapon_named_like_a_body_is_no_actor(parse, text, surface):
    assert not any(surface in s for s in actor_surfaces(mentions_of(parse, text)))


def test_a_company_named_systems_stays(parse):
    assert "BAE Systems" in actor_surfaces(mentions_of(parse, "BAE Systems reported higher profits on Monday."))


@pytest.mark.parametrize("text, surface", [
    ("He is a regular guest on the radio programme Tech Talk.", "Tech Talk"),
    ("She presented the BBC programme Money Box for years.", "Money Box"),
    ("In the game the character Max Steel becomes a thief.", "Max Steel"),
])
def test_a_name_after_programme_or_character_is_no_actor(parse, text, surface):
    assert surface not in actor_surfaces(mentions_of(parse, text))


def test_a_person_named_after_a_programme_stays(parse):
    found = mentions_of(parse, "Mr Hall told the BBC's Today programme Mr Hall would stay.")
    assert "Hall" in actor_surfaces(found)


@pytest.mark.parametrize("text, surface", [
    ("The Russian Presidential Decree allows it, the minister said.", "Presidential Decree"),
    ("The National Security Concept of Belarus was adopted in May, Anna Bell said.", "Security Concept"),
])
def test_a_decree_or_concept_is_no_organization(parse, text, surface):
    assert not any(surface in s for s in actor_surfaces(mentions_of(parse, text)))


@pytest.mark.parametrize("text, word", [
    ("Photographs posted online showed the damage, Anna Bell said.", "Photographs"),
    ("Patrushev warned the West. “Appropriate measures will be taken soon,” he said.", "Appropriate"),
])
def test_a_common_word_the_tagger_reads_so_at_a_sentence_head_is_no_actor(parse, text, word):
    assert word not in actor_surfaces(mentions_of(parse, text))


@pytest.mark.parametrize("text, name", [
    ("Guterres said the talks would go on.", "Guterres"),  # tagged a plural, no English noun
    ("Babyshambles took the stage at ten.", "Babyshambles"),
])
def test_a_name_the_tagger_reads_as_a_plural_stays(parse, text, name):
    assert name in actor_surfaces(mentions_of(parse, text))


@pytest.mark.parametrize("text, portfolio", [
    ("Trade and Industry Secretary Anna Bell said the plan would work.", "Trade and Industry"),
    ("It will go ahead, said Culture Secretary Anna Bell after the meeting.", "Culture"),
])
def test_a_ministers_portfolio_is_no_actor(parse, text, portfolio):
    found = actor_surfaces(mentions_of(parse, text))
    assert portfolio not in found and "Anna Bell" in found


@pytest.mark.parametrize("text, nickname", [
    ("The Blues had looked set to win before the break, Jose Perez said.", "Blues"),
    ("Chelsea won, and the Gunners manager refused to comment.", "Gunners"),
])
def test_a_team_nickname_is_no_actor(parse, text, nickname):
    assert not any(nickname in s for s in actor_surfaces(mentions_of(parse, text)))
