"""Brands tagged as people, names that are no actor, glued person spans (issue 9, round 4 classes).

Every sentence is invented for the test (no corpus text, no article's names).
"""
from __future__ import annotations

import pytest

from .test_institutions import mentions_of


def kinds_of(found: list[dict]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for m in found:
        out.setdefault(m["surface"], set()).add(m["kind"])
    return out


@pytest.mark.parametrize("text, surface", [
    # "&" in the name
    ("Shoppers queued outside Jones & Harlow on Saturday morning.", "Jones & Harlow"),
    # a possessive that owns nothing
    ("Retailers such as Mallory’s, Gribble and Tesco have closed stores.", "Mallory"),
    ("The shoes were made by Pelham’s.", "Pelham"),
    # "which" after the name
    ("The pumps are made by Arthur Dunmore, which employs 400 people.", "Arthur Dunmore"),
    # the name of a product line
    ("Customers complained that Brimble products broke within a week.", "Brimble"),
])
def test_a_brand_tagged_person_is_an_organization(parse, text, surface):
    found = kinds_of(mentions_of(parse, text))
    assert found.get(surface) == {"organization"}, found


def test_a_lone_name_after_spokeswoman_for_is_an_organization(parse):
    text = '"It works," said Ann Corley, spokeswoman for Zentrix, on Monday.'
    assert kinds_of(mentions_of(parse, text)).get("Zentrix") == {"organization"}


def test_spokesman_for_a_named_person_stays_a_person(parse):
    text = "Tom Vell met Mara Quint on Friday. Mr Quint's aide, a spokesman for Quint, declined to comment."
    found = kinds_of(mentions_of(parse, text))
    assert "organization" not in found.get("Quint", set())


def test_an_acronym_defined_for_an_organization_is_that_organization(parse):
    text = ("Harriet Volk of the Northern Rail Authority (NoRA) spoke on Monday. "
            "The NoRA plan was backed by Stan Pike.")
    found = kinds_of(mentions_of(parse, text))
    assert found.get("NoRA", {"organization"}) == {"organization"}


def test_a_descriptor_before_a_list_makes_every_name_an_organization(parse):
    text = "Several clothing brands including Fenwood, Tallis, Ormsby and Unilever have left the market."
    found = kinds_of(mentions_of(parse, text))
    for name in ("Fenwood", "Tallis", "Ormsby"):
        assert found.get(name, {"organization"}) == {"organization"}, (name, found)


def test_a_product_cue_holds_for_the_other_mentions_of_the_name(parse):
    text = ("Brimble is to stop selling in the region. Brimble said sales had fallen. "
            "Regulators had listed Brimble products among banned goods.")
    found = kinds_of(mentions_of(parse, text))
    assert found.get("Brimble") == {"organization"}, found


@pytest.mark.parametrize("text, surface", [
    ("The singer cancelled her Velvet Moon tour after a knee injury. The Velvet Moon tour "
     "had sold out.", "Velvet Moon"),
    ("The posters are part of the council's Walk Home Safely campaign.", "Walk Home Safely"),
    ("We need your consent to load this Social Widgets content.", "Social Widgets"),
    ("Sign up to the daily Morning Ledger email or follow Ledger Money on Twitter.", "Morning Ledger"),
    ("Sign up to the daily Morning Ledger email or follow Ledger Money on Twitter.", "Ledger Money"),
    ("Critics called it a wave of Slavophobia in the capital.", "Slavophobia"),
    ("Gary Hollis spoke on Monday. Will the Hollisite wing of the party rebel?", "Hollisite"),
])
def test_names_that_are_no_actor(parse, text, surface):
    found = kinds_of(mentions_of(parse, text))
    assert not found.get(surface, set()) & {"person", "organization", "group"}, found


def test_a_platform_in_a_promo_stays(parse):
    text = "Sign up to the daily Morning Ledger email or follow Ledger Money on Twitter."
    assert kinds_of(mentions_of(parse, text)).get("Twitter") == {"organization"}


def test_a_person_whose_campaign_is_named_stays_a_person(parse):
    text = "Senator Joan Mirren spoke on Monday. Her aides said the Mirren campaign had raised money."
    found = mentions_of(parse, text)
    assert {m["entity_id"] for m in found if m["surface"] == "Mirren"} <= {"person:joan-mirren"}


@pytest.mark.parametrize("text, surface, name", [
    ('Said Devon assistant coach Rob Tilley: "We are hopeful."', "Rob Tilley", "Rob Tilley"),
    ("Ned Arlow and Tim Kettle trained on Monday. Centre Kettle has only a slim chance of playing.",
     "Kettle", "Tim Kettle"),
    ('"He is fine," said Cornwall physio Dan Perrin.', "Dan Perrin", "Dan Perrin"),
])
def test_words_glued_before_a_persons_name_are_dropped(parse, text, surface, name):
    found = mentions_of(parse, text)
    people = {m["surface"]: m["name"] for m in found if m["kind"] == "person"}
    assert people.get(surface) == name, people


def test_an_adjective_and_nationality_glued_before_a_name_give_the_group(parse):
    text = "Exiled Moldovan opposition leader Irina Balan has warned of a crackdown."
    found = mentions_of(parse, text)
    assert not any(m["kind"] == "person" and "Moldovan" in m["surface"] for m in found), found
    assert {m["entity_id"] for m in found if m["surface"] == "Moldovan"} <= {"country:MD"}


def test_a_short_form_opening_a_generic_name_is_that_organization(parse):
    text = "Fighters of the Kestrel Group crossed the river. Later, Kestrel complaints were heard."
    found = mentions_of(parse, text)
    assert {m["entity_id"] for m in found if m["surface"] == "Kestrel"} == {"org:kestrel-group"}


def test_an_all_caps_heading_name_is_the_articles_person(parse):
    text = ("Marta Kowalczyk spoke on Monday.\n\nFORMER KOWALCZYK AIDE, OTHERS ADDED TO LIST\n\n"
            "The list grew on Tuesday.")
    found = mentions_of(parse, text)
    assert {m["kind"] for m in found if m["surface"] == "KOWALCZYK"} <= {"person"}


def test_a_mixed_case_acronym_shares_its_full_names_entity(parse):
    text = ("Ann Sloane of the Department for Coastal Transport (DfCT) spoke on Monday. "
            "The DfCT plan was backed by Tom Rudd.")
    found = mentions_of(parse, text)
    ids = {m["entity_id"] for m in found if m["surface"] in ("Department for Coastal Transport", "DfCT")}
    assert len(ids) == 1 and next(iter(ids)).startswith("org:"), found


def test_a_product_after_its_makers_possessive_is_no_actor(parse):
    text = "Details of Microsoft's Zenbox games console will be shown in May."
    found = kinds_of(mentions_of(parse, text))
    assert not found.get("Zenbox", set()) & {"person", "organization"}, found


def test_an_untagged_name_before_a_descriptor_is_an_organization(parse):
    found = kinds_of(mentions_of(parse, "He told Russia’s Vestifax news agency that talks had stalled."))
    assert found.get("Vestifax") == {"organization"}, found


def test_the_tail_of_a_longer_name_before_a_descriptor_is_no_organization(parse):
    found = kinds_of(mentions_of(parse, "The Children With Asthma charity raised money."))
    assert "organization" not in found.get("Asthma", set()), found


# --- person or organization from names and descriptors (issue 9, helper kinds10) -----------
# Spans are built by hand so that each rule is tested whatever the model tags.

def _span(text: str, sentence, surface: str, label: str, *, at: int = 0, honorific: bool = False):
    start = text.index(surface, at)
    end = start + len(surface)
    before, after = text[:start].split(), text[end:].split()
    return type("S", (), {"start": start, "end": end, "surface": surface, "label": label,
                          "prev_word": before[-1] if before else "", "next_word": (after[0] if after else "").strip(",."),
                          "sentence": sentence, "honorific": honorific})()


def _cues(parse, text: str, *named: tuple[str, str]) -> dict[str, str]:
    from data_prep import actor_cues

    _, sentences = parse(text)
    spans = [_span(text, next(s for s in sentences if s.start <= text.index(n) < s.end), n, label)
             for n, label in named]
    found = actor_cues.person_or_org_cues(text, spans)
    return {s.surface: found[id(s)] for s in spans if id(s) in found}


@pytest.mark.parametrize("text, surface", [
    ("Shares in Trelvane Labs rose sharply on Monday.", "Trelvane Labs"),  # a firm's ending
    ("He told the Vorslav newspaper that the deal was off.", "Vorslav"),  # a descriptor after it
    ("“It is costly,” said an analyst from Brenholt Ostler investment bank.", "Brenholt Ostler"),
    ("The plant was sold to a little-known firm called Drovnik last year.", "Drovnik"),  # "firm called"
])
def test_a_person_tag_with_an_organizations_name_or_descriptor_is_an_organization(parse, text, surface):
    assert _cues(parse, text, (surface, "PERSON")) == {surface: "ORG"}


@pytest.mark.parametrize("text, surface", [
    ("Emily Post wrote the guide in 1922.", "Emily Post"),  # a given name opens it
    ("Aides in the Halvorsen group denied the report.", "Halvorsen"),  # a person's circle
    ("Record producer Tarvo Kessel, who made the album, has died.", "Tarvo Kessel"),  # ", who"
])
def test_a_person_stays_a_person_despite_an_organizations_look(parse, text, surface):
    assert _cues(parse, text, (surface, "PERSON")) == {}


def test_a_full_name_tagged_org_that_opens_with_a_given_name_is_a_person(parse):
    text = "Bethany Quorl wrote the report in her spare time."
    assert _cues(parse, text, ("Bethany Quorl", "ORG")) == {"Bethany Quorl": "PERSON"}


@pytest.mark.parametrize("text", [
    "Shares in Bethany Quorl fell after it warned on profits.",  # no person's pronoun follows
    "“Prices will rise,” said an analyst at Bethany Quorl. She expects more.",  # "at X": a firm
    "The fund, said investment bank Bethany Quorl, lost money; her view was shared.",  # a descriptor
])
def test_a_given_name_does_not_undo_an_organizations_context(parse, text):
    assert _cues(parse, text, ("Bethany Quorl", "ORG")) == {}


def test_a_name_tagged_org_more_often_than_person_is_an_organization(parse):
    text = ("Grommet Sound played first. Fans loved Grommet Sound all night. "
            "Later Grommet Sound went home.")
    _, sentences = parse(text)
    from data_prep import actor_cues

    spans = [_span(text, next(s for s in sentences if s.start <= text.index("Grommet", at) < s.end),
                   "Grommet Sound", label, at=at)
             for at, label in ((0, "ORG"), (text.index("Fans"), "ORG"), (text.index("Later"), "PERSON"))]
    found = actor_cues.person_or_org_cues(text, spans)
    assert found.get(id(spans[2])) == "ORG"


@pytest.mark.parametrize("text, lone", [
    ("“We will appeal,” Ms Quorl said. Bethany Quorl has led the inquiry since May.", True),  # "Ms X"
    ("Bethany Quorl, who led the inquiry, resigned on Friday.", False),  # ", who"
])
def test_a_given_name_and_the_names_person_cues_make_a_person(parse, text, lone):
    from data_prep import actor_cues

    _, sentences = parse(text)

    def sentence_at(at):
        return next(s for s in sentences if s.start <= at < s.end)

    spans = [_span(text, sentence_at(text.index("Bethany")), "Bethany Quorl", "ORG")]
    if lone:  # the surname alone, after "Ms"
        spans.append(_span(text, sentence_at(text.index("Quorl")), "Quorl", "TOKEN"))
    assert actor_cues.person_or_org_cues(text, spans).get(id(spans[0])) == "PERSON"


@pytest.mark.parametrize("text, surface", [
    ("The convoy stopped outside lawmaker Varkon Brimble’s office.", "Varkon Brimble"),
    ("The race was won by sprinter Varkon Brimble in record time.", "Varkon Brimble"),
])
def test_an_occupation_before_a_name_tagged_org_makes_a_person(parse, text, surface):
    assert _cues(parse, text, (surface, "ORG")) == {surface: "PERSON"}


@pytest.mark.parametrize("text, surface", [
    # a capitalised descriptor ends the name before: no firm's descriptor of this one
    ("The head of the Rural Payments Agency Varkon Brimble also earns an honour.", "Varkon Brimble"),
    # a descriptor written after another word may be a person's trade ("film-maker")
    ("The Dutch film maker Varkon Brimble, notorious for one film, was killed.", "Varkon Brimble"),
])
def test_a_descriptor_that_is_no_firms_leaves_a_person(parse, text, surface):
    assert _cues(parse, text, (surface, "PERSON")) == {}


def test_a_descriptor_opening_a_sentence_still_makes_a_firm(parse):
    text = "Carmaker Varkon Brimble will recall 500 cars."
    assert _cues(parse, text, ("Varkon Brimble", "PERSON")) == {"Varkon Brimble": "ORG"}


@pytest.mark.parametrize("text", [
    "Tessa Brimble, senior manager at Zorvantec security response, disagreed.",  # a role "at" it
    "Most of the mail was filtered by Zorvantec subsidiary Mailguard.",  # a descriptor after it
])
def test_a_name_tagged_norp_with_a_firms_context_is_an_organization(parse, text):
    assert _cues(parse, text, ("Zorvantec", "NORP")) == {"Zorvantec": "ORG"}


# Invented sentences (not from any corpus).
@pytest.mark.parametrize("text, name, expected", [
    ('Asked about the wheels, Hidehiko Yokouchi, from the firm\'s robotics laboratory, said: "It is safer."',
     "Hidehiko Yokouchi", "PERSON"),
    ("Goldman Ferris, the investment bank, said profits rose.", "Goldman Ferris", None),
])
def test_a_full_name_tagged_org_that_speaks_after_an_affiliation_is_a_person(parse, text, name, expected):
    from data_prep.actor_cues import person_or_org_cues
    from data_prep.spans import Span

    _, sentences = parse(text)
    start = text.index(name)
    prev_word = text[:start].split()[-1] if start else ""
    span = Span(sentences[0], start, start + len(name), name, "ORG", prev_word, ",")
    assert person_or_org_cues(text, [span]).get(id(span)) == expected


def test_a_descriptor_and_are_before_a_list_make_organizations(parse):
    text = "The carmaker lost money in Europe. Its main European brands are Zolvig and Merrant."
    found = kinds_of(mentions_of(parse, text))
    assert found.get("Zolvig") == found.get("Merrant") == {"organization"}, found


@pytest.mark.parametrize("text", [
    "Carriers in the US - American and Delta - blamed fuel prices. American Airlines lost $3m.",
    "American Airlines lost $3m. American, the biggest carrier, expects a loss.",
])
def test_a_nationality_standing_alone_is_the_company_it_opens(parse, text):
    found = mentions_of(parse, text)
    first = next(m for m in found if m["surface"] == "American")
    assert first["entity_id"] == "org:american-airlines", found


def test_a_nationality_before_a_noun_stays_a_group(parse):
    text = "American Airlines raised fares. American passengers paid more."
    found = mentions_of(parse, text)
    assert [m["kind"] for m in found if m["surface"] == "American"] == ["group"], found


def test_a_list_verb_whose_subject_is_no_descriptor_makes_no_organization(parse):
    text = "Other albums recorded at the studio include Dara Quinlan's Blue Harbour."
    assert kinds_of(mentions_of(parse, text)).get("Dara Quinlan") == {"person"}


# Round 13 classes: products, weapons and machines named like actors, events named after a
# person, promo nouns, documents and titles with small words.
@pytest.mark.parametrize("text, surface", [
    ("Engineers tested Corvane anti-ship missiles off the coast on Friday.", "Corvane"),
    ("The navy fired Corvane missiles at the port, and the Corvane hit a depot.", "Corvane"),
    ("It is not yet clear whether the goods will include products such as iPhones, which are no "
     "longer imported.", "iPhones"),
    ("The ban covers devices such as Xperias and Lumias sold abroad.", "Lumias"),
    ("The firm unveiled its first humanoid robot, called Hanako, to challenge rivals. Two wheel-based "
     "Hanakos greeted reporters.", "Hanakos"),
    ("Critics praised the annual Marlowe festival, which opened on Friday.", "Marlowe"),
    ("Privacy Notice: Newsletters may contain info about charities and online ads. For more "
     "information see our Newsletters page.", "Newsletters"),
    ("We use Gorble reCaptcha to protect our website and the Gorble Privacy Policy and Terms of "
     "Service apply.", "Terms of Service"),
    ("Ministers agreed to reform the Common Fisheries Policy in Brussels.", "Common Fisheries Policy"),
    ("Fox won a Bafta for the drama Tale of the Jackal in 1980.", "Jackal"),
])
def test_products_events_and_documents_named_like_actors_are_no_actors(parse, text, surface):
    found = kinds_of(mentions_of(parse, text))
    assert not found.get(surface, set()) & {"person", "organization", "group"}, found


def test_a_name_before_a_weapon_noun_that_speaks_stays_an_actor(parse):
    text = "Grelda rockets hit the town on Monday. Grelda said it had fired them at a base."
    assert kinds_of(mentions_of(parse, text)).get("Grelda") == {"organization"}


def test_a_people_word_the_article_writes_in_lowercase_is_no_actor(parse):
    text = ("Image caption, Protesters gathered outside the court in Tbilisi\n"
            "The judges ruled on Tuesday as protesters chanted outside. The Kurds of the city joined them.")
    found = kinds_of(mentions_of(parse, text))
    assert "Protesters" not in found and found.get("Kurds") == {"group"}, found


def test_a_head_of_states_surname_tagged_org_is_the_person(parse):
    found = kinds_of(mentions_of(parse, "Trump said the deal was off, and aides agreed."))
    assert found.get("Trump") == {"person"}, found
