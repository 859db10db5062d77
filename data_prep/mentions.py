"""Actors and places: one row per mention of a person, organization, country, place or group.

The model's entities (PERSON, ORG, GPE, LOC, NORP, FAC and, when the gazetteer and the
context agree, entities it mislabels) are trimmed of "the", titles and possessives, typed
with the gazetteer (``resources.gazetteer``) and linked within the article ("Biden" ->
"Joe Biden", see :mod:`data_prep.linking`). ``linking.link_entities`` then unifies entities
across the corpus; name keys and shapes are in :mod:`data_prep.names`, word lists (titles,
region words) in :mod:`data_prep.lexicon`.

Places are read in context by :mod:`data_prep.places` (qualifiers, the dateline, the article's
countries, regions, waters, parts of a country); this module calls it while typing each span.
A venue ("Villa Park", "Dublin's Point Theatre", ``lexicon.VENUE_HEADS``) is a place of the
country its owner, town or sentence gives, without coordinates; which towns are clubs or
companies is :mod:`data_prep.clubs`' (the spans and mentions are :mod:`data_prep.spans`').

Confidence is ``0.4 + 0.3 * agree + 0.3 * certainty``: ``agree`` is 1 when the model's label
already meant the final kind, ``certainty`` (0-1) how sure the typing is: the gazetteer's
margin between candidates for places, 1 for countries, full names, aliases and demonyms,
less for lone names and for spans the model labelled as something else (the constants
below name each level).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from spacy.symbols import PROPN

from . import lexicon as lex
from . import places
from .actor_cues import (NOT_ACTOR, common_word_spans, competition_name, full_name_shape, non_actor_spans,
                         person_or_org_cues, product_spans, role_led_name, sport_report, trim_person_tokens,
                         work_title_spans)
from .clubs import mark_clubs, mark_company_short_forms, mark_nationality_short_forms
from .constituencies import compass_seat_town, electoral_areas
from .gazetteer import NEAR_KM, REGION_SOURCES, Alias, Gazetteer, Place, distance_km, normalize, slugify
from .glued import split_at_prepositions, split_glued_people
from .institutions import MISSION, Institution, find_institutions, home_country, institution_name, seat_institution
from .linking import link_in_article
from .names import (ACRONYM, WORD_ACRONYM, ArticleNames, collect_names, defines_acronym, fold_word,
                    group_slug, is_full_name, looks_like_company, name_tokens, particle_surname, person_key)
from .names import initials as name_initials
from .name_lists import name_list_items
from .places import (CONSENSUS_WEIGHT, COORDINATION, DATELINE_WEIGHT, MIN_PLACE_POPULATION, MISLABELLED_PLACE,
                     PLACE_IN_ARTICLE_POPULATION, PLACE_IN_CONTEXT_POPULATION, QUALIFIED_PLACE,
                     SOURCE_COUNTRY_WEIGHT, SURE, SURE_PLACE, SURE_REGION, UNKNOWN_PLACE, UNRESOLVED_PLACE,
                     abbreviated_state, acronym_town, consensus_country, context_country, country_counts,
                     demonym_features, directional_parts, feature_place, listed_country, name_list_places,
                     named_settlement, namesake_state, near_place_words, place_mention, place_within,
                     plausible_place, qualifier_place, region_suffix, resolve, settle_unresolved_places,
                     signature_places, unresolved_place, water_body, water_suffix, within_qualifiers)
from .records import Article, Sentence
from .results import result_row_names
from .spans import AREA, CLUB, COUNTRY_CODE, INSTITUTION, OTHER_LABELS, PART, STATE_TAG, TOKEN, Mention, Span

if TYPE_CHECKING:
    from .resources import Resources

__all__ = ["COLUMNS", "extract_mentions"]

COLUMNS = ["article_id", "sentence_id", "start", "end", "surface", "kind", "entity_id", "name",
           "country_code", "lat", "lon", "confidence"]

_MAIN_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"}
_AGREES = {
    "PERSON": {"person"}, "ORG": {"organization"}, "GPE": {"country", "place"},
    "LOC": {"country", "place"}, "NORP": {"group"}, "FAC": {"place", "organization"},
    INSTITUTION: {"organization"},
}
_LEADING_DROP = {"the", "a", "an", "and", "of", "'", "’", "\"", "“", "”", "(", "[", "-", "–", "—", "‘"}
_TRAILING_DROP = {"v", "vs", "'s", "’s", "'", "’", "of", "and", "&", "the", "in", "for", "on", "at", "to", "\"",
                  "“", "”", ")", "]", ",", ";", ":", "-", "–", "—", ".", "‘"}
_POSSESSIVES = {"'s", "’s"}
_EDGE_CHARS = "/\\|,;:*•·"
_CURRENCY = re.compile(r"[$£€¥₴₽%]|Â")
_TIMESTAMP = re.compile(r"\d{1,2}[:.]\d{2}\b")
_AND = re.compile(r"\s+(?:and|&|v|vs\.?)\s+")  # "Pakistan v England": two sides
_PAIR_HYPHEN = re.compile(r"(?<=[a-z])-(?=[A-Z])")  # "Scotland-England", not "Guinea-bissau" nor "F-16"
_SPACED_DASH = re.compile(r"\s[-–—]+\s")
_PLURAL_ACRONYM = re.compile(r"^[A-Z]{2,5}s$")
_MIXED_ACRONYM = re.compile(r"^(?=(?:[a-z]*[A-Z]){2})[A-Z][A-Za-z]{1,5}$")  # "(TfL)", "(DfT)"; not "(Reuters)"
_NEWSLETTER_PROMO = re.compile(r"\bsign up\b.*\bnewsletter\b", re.IGNORECASE)
# "the Group of 20", "the Group of Seven": a club of states by its number of members.
_NUMBERED_GROUP = re.compile(r"\bGroup of (?:\d{1,2}|"
                             + "|".join(w.capitalize() for w in [*lex.SMALL_NUMBERS, *lex.TENS]) + r")\b")
_CODED_PLACE = re.compile(r"\b([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){0,2}) \(([A-Z]{2})\)")
_DATELINE_AGENCY = re.compile(r"\(([A-Z][A-Za-z]{1,11})\)\s?[-–—]")
# A US politician's party and state after the name: "Andy Biggs, R-Ariz.", "(D-N.Y.)", "R-Texas".
_PARTY_STATE = re.compile(r"(?<![\w-])[RDI]-((?:[A-Z][A-Za-z]*\.?)(?: ?[A-Z][A-Za-z]*\.?)?)(?=[,;)]|\s*$)")

# Certainty of a typing (see the confidence formula above); linking may change it later. SURE
# and the levels of places are in :mod:`data_prep.places`.
NAME_TAGGED_OTHERWISE = 0.8  # an article's person name the model tagged ORG, GPE...
ACRONYM_EXTENSION = 3  # untagged words an organization's acronym can take back ("Entertainment and")
LONE_ORGANIZATION = 0.7    # one word, no acronym defined
UNKNOWN_GROUP = 0.7        # a NORP that is no country's nationality
LONE_PERSON = 0.6          # one word tagged PERSON, before linking
COMPANY_TAGGED_PERSON = 0.6  # "Leadplex LLC" tagged PERSON
UPPERCASE_TOWN = 0.5       # "NATO" tagged GPE, matching a small town Nato
BARE_INSTITUTION = 0.7     # "the defence ministry", its country taken from the article
# "X in the east", "X in the south-west of the country": a place's words after a name.
_PART_OF_COUNTRY_AFTER = re.compile(r",?\s+in\s+the\s+(?:(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern)?\b",
                                    re.IGNORECASE)
# A venue's owner before it ("Dublin's Point Theatre"), its town after it ("Mansion House in
# London"), a place's preposition before it, skipping "the" ("at the Palace of Independence").
_OWNER_BEFORE = re.compile(r"([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)\s?['’]s\s+$")
_TOWN_AFTER = re.compile(r"(?:,\s*|\s+in\s+)([A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?)")
# "the Upper House", "the House of Lords" tagged ORG are chambers: a house is a venue only as FAC.
_NAMED_VENUE_HEADS = lex.VENUE_HEADS - {"house"}
_LISTED_BEFORE = re.compile(r"(?:,|\band)\s+(?:the\s+)?$")  # a name after a list's comma or "and"
_WORD_BEFORE_THE = re.compile(r"([A-Za-z]+)\s+(?:the\s+)?$")
# "stations such as X and Y", "cities including X": a kind of place, then the list before the span.
_LIST_OF_PLACES = re.compile(r"\b([a-z]+),?\s+(?:such\s+as|including)\s+")
_LISTED_NAME = re.compile(r"(?:(?:the\s+)?[A-Z][\w'’.-]*\s*(?:,\s*)?(?:(?:and|or)\s+)?)*")
# "Lord Nicholls of ": the place after is a peer's territorial designation.
_PEER_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s+[A-Z][\w'’-]+\s+of\s+$")
# The capitalised word glued before a span by a hyphen: "Euro-" of "Euro-Atlantic".
_GLUED_BEFORE = re.compile(r"\b([A-Z][a-z]+)-$")
_LETTER_BEFORE = re.compile(r"(?<![\w-])[A-Z]-$")  # a brand's letter: "T-Mobile", "E-Plus"
_PREFIX_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(lex.ADJECTIVE_PREFIXES)) + r")-$", re.IGNORECASE)
# A treaty noun after a place, maybe after one lowercase modifier ("Kyoto climate protocol").
_TREATY_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:" + "|".join(sorted(lex.TREATY_NOUNS)) + r")\b", re.IGNORECASE)
_RIVER_NOUNS = frozenset({"river", "lake", "estuary", "canal", "reservoir"})  # after a tagged name
_SHIPS = "|".join(sorted(lex.SHIP_NOUNS))
# "the Moskva cruiser", "the Saratov Alligator-class landing ship"; not "Kherson and a ship".
_SHIP_AFTER = re.compile(rf"\s+(?:(?:[A-Z][\w-]*|[\w-]+-class|landing|patrol|missile|assault|cargo|naval)\s+){{0,2}}"
                         rf"(?i:{_SHIPS})\b")
_SHIP_BEFORE = re.compile(rf"\b(?:{_SHIPS})\s+(?:the\s+)?$", re.IGNORECASE)  # "the cruiser Moskva"
_FLEET_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(lex.FLEET_NOUNS)) + r")\b", re.IGNORECASE)


# ---------------------------------------------------------------------------------------------
# Spans


def _abbreviated_region(gazetteer: Gazetteer, written: str) -> bool:
    """Whether ``written`` ("Ont.", "B.C.") abbreviates a region the aliases know."""
    found = gazetteer.alias(written)
    return (len(written.replace(".", "")) <= 4 and isinstance(found, Place) and found.kind == "place"
            and found.source == "alias" and normalize(found.name) != normalize(written))


def _clean_tokens(tokens: list, label: str, gazetteer: Gazetteer) -> list:
    """Drop leading "the"/titles/quotes and trailing possessives/punctuation from entity tokens."""
    tokens = list(tokens)
    if label == "PERSON":
        # "Rebecca Wilkie's Slava": the possessor is the person named.
        cut = next((i for i, t in enumerate(tokens) if i and t.text in _POSSESSIVES), None)
        tokens = tokens[:cut] if cut else tokens
        # "Ursula von der" cut before "Leyen": take the surname back.
        while tokens and tokens[-1].text in lex.NAME_PARTICLES:
            following = tokens[-1].nbor(1) if tokens[-1].i + 1 < len(tokens[-1].doc) else None
            if following is None or following.is_sent_start or not following.text[:1].isupper():
                break
            tokens.append(following)
    if (label == "ORG" and len(tokens) >= 3 and tokens[-1].i + 1 < len(tokens[-1].doc)
            and gazetteer.demonym_country(tokens[-1].text)
            and not any(t.text in _POSSESSIVES or t.text in ("'", "’") for t in tokens)):  # "X’ Estonian counterpart" splits later
        following = tokens[-1].nbor(1)
        if following.is_lower and following.pos_ == "NOUN":
            tokens.pop()  # "the Tampa Bay Buccaneers American football team": the nationality is the noun's
    while tokens and (tokens[-1].text.lower() in _TRAILING_DROP
                      or (label == "FAC" and (tokens[-1].like_num or tokens[-1].is_punct))):
        if (tokens[-1].text == "." and len(tokens) > 1 and not tokens[-2].whitespace_
                and (gazetteer.us_state(tokens[-2].text + ".") is not None
                     or _abbreviated_region(gazetteer, tokens[-2].text + "."))):
            break  # "Vt.", "Ont." tokenized apart from their dot: the abbreviation keeps it
        tokens.pop()  # "Stamford Bridge 3-1": a score glued to a venue
    while label == "ORG" and len(tokens) > 1 and tokens[-1].is_lower and tokens[-1].text in lex.TRAILING_DESCRIPTORS:
        tokens.pop()  # "Interfax news agency", "the Golos party": the descriptor is no part of the name
    # Leading "the", quotes and stray lowercase words ("force Soros Foundation").
    while len(tokens) > 1 and (tokens[0].text.lower() in _LEADING_DROP or tokens[0].is_lower):
        tokens.pop(0)
    if tokens and tokens[0].text.lower() in _LEADING_DROP:
        return []
    if label == "PERSON":
        # "Ukrainian President Volodymyr Zelenskyy", "farmer Geoff Brooks" -> the name only
        while len(tokens) > 1 and (tokens[0].text.lower().rstrip(".") in lex.TITLES
                                   or not tokens[0].text[:1].isupper()
                                   or gazetteer.demonym_country(tokens[0].text)):
            tokens.pop(0)
        if len(tokens) == 1 and tokens[0].text.lower().rstrip(".") in lex.TITLES:
            return []
        tokens = trim_person_tokens(tokens)  # "Said X Y", "Wales physio X Y"
    return tokens


def _acronym_start(doc, first, last, start: int, acronym: str):
    """The first token of an organization name whose acronym follows it, taking back up to
    ``ACRONYM_EXTENSION`` untagged words the model left before ``first`` when the initials of
    the longer name, not the cut one, spell the acronym."""
    target = acronym.upper().replace(".", "")
    if name_initials(doc[first.i:last.i + 1].text) == target:
        return first
    for i in range(first.i - 1, max(start, first.i - ACRONYM_EXTENSION) - 1, -1):
        if doc[i].ent_type_ or not (doc[i].text[:1].isupper() or doc[i].lower_ in lex.INITIALS_SKIP):
            return first
        if doc[i].text[:1].isupper() and doc[i].lower_ != "the" and name_initials(doc[i:last.i + 1].text) == target:
            return doc[i]
    return first


def _spans(text: str, sentence: Sentence, gazetteer: Gazetteer) -> list[Span]:
    """Cleaned entity spans of one sentence of article ``text``, with their neighbouring words."""
    if sentence.span is None:
        return []
    doc = sentence.span.doc
    found = []
    absorbed = -1  # the last token an organization's number tail took ("BBC Radio" + "Five Live")
    for ent in sentence.ents:
        if ent.start <= absorbed or (ent.label_ not in _MAIN_LABELS and ent.label_ not in OTHER_LABELS):
            continue
        label = ent.label_
        if label == "PERSON" and (ent[-1].text.lower() in lex.ORG_HEAD_NOUNS or (
                len(ent) > 2 and any(t.text.lower() in lex.ORG_HEAD_NOUNS for t in ent[1:]))):
            label = "ORG"  # "Luhansk People's Republic", "New York Times Kyiv" tagged PERSON
        elif label == "NORP" and any(ch.isdigit() for ch in ent.text):
            label = "ORG"  # "G7 leaders": no nationality has a digit, a club of states does
        tokens = _clean_tokens(ent, label, gazetteer)
        if label in ("ORG", "PERSON") and (name := role_led_name(tokens)):
            tokens, label = name, "PERSON"  # "Rapper X Y" tagged ORG or PERSON
        if tokens and tokens[-1].i >= ent.end:
            absorbed = tokens[-1].i  # "Ursula von der" took back "Leyen", which the model tagged GPE
        if label == "EVENT" and len(tokens) > 1 and tokens[-1].lower_ in lex.CONFLICT_NOUNS:
            head = gazetteer.resolve(doc[tokens[0].i:tokens[-1].i].text)
            if head and head[0].kind == "country":  # "the Iraq war": Iraq is named
                tokens, label = tokens[:-1], "GPE"
        if not tokens:
            continue
        last = tokens[-1]
        if (last.i + 1 < len(doc) and doc[last.i + 1].text == "." and not last.whitespace_
                and _abbreviated_region(gazetteer, last.text + ".")):
            tokens, label = [*tokens, doc[last.i + 1]], "GPE"  # "London, Ont": the model left the dot out
        if label == "ORG" and tokens[-1].i == ent.end - 1:
            tail = _number_tail(doc, tokens[-1].i, sentence.span.end)
            if tail:
                tokens, absorbed = [*tokens, *tail], tail[-1].i
        if label in ("NORP", "ORG", "PERSON") and tokens[0].i > sentence.span.start:
            before = doc[tokens[0].i - 1]
            # The word before may be untagged or a one-word entity of its own ("Liberal" tagged
            # ORG, a town in Kansas, then "Democrat" NORP).
            alone = before.i + 1 == ent.start and (before.ent_iob_ == "B" or (  # "the Christian" + "Democrats"
                before.i > 0 and doc[before.i - 1].ent_iob_ == "B" and doc[before.i - 1].lower_ == "the"))
            if before.text[:1].isupper() and (not before.ent_type_ or alone) and (
                    isinstance(gazetteer.alias(doc[before.i:tokens[-1].i + 1].text), Alias)
                    or (before.lower_ in lex.PARTY_QUALIFIERS and tokens[-1].lower_ in lex.PARTY_MEMBERS)):
                tokens = [before, *tokens]  # "Liberal" + "Democrats", "Lib" + "Dems": a party's name
                if alone:
                    start = sentence.char(before.idx)
                    found = [f for f in found if f.start != start]
        first, last = tokens[0], tokens[-1]
        prev_word = doc[first.i - 1].text if first.i > 0 else ""
        next_word = doc[last.i + 1].text if last.i + 1 < len(doc) else ""
        acronym = None
        if next_word == "(" and last.i + 3 < len(doc) and doc[last.i + 3].text == ")":
            candidate = doc[last.i + 2].text
            if label == "ORG" and (ACRONYM.match(candidate) or WORD_ACRONYM.match(candidate)):
                # The model cuts a long name at "and" ("the Entertainment and | Leisure ...
                # Association (Elspa)"): the acronym's initials give back the untagged words.
                first = _acronym_start(doc, first, last, sentence.span.start, candidate)
                if first.i != tokens[0].i:
                    tokens = list(doc[first.i:last.i + 1])
                    prev_word = doc[first.i - 1].text if first.i > 0 else ""
            if (ACRONYM.match(candidate) or _MIXED_ACRONYM.match(candidate)
                    or defines_acronym(doc[first.i:last.i + 1].text, candidate)):
                acronym = candidate
        honorific = label != "PERSON" and len(tokens) > 1 and tokens[0].text.lower().rstrip(".") in lex.HONORIFICS
        if honorific:
            tokens = tokens[1:]  # "Mr Balls" tagged ORG
        # Offsets are the article's from here on: Doc.text is rebuilt from tokens at each call.
        groups = _possessive_split(tokens, label, gazetteer)
        pieces = [p for group in groups
                  for p in _pieces(text, sentence.char(group[0].idx),
                                   sentence.char(group[-1].idx + len(group[-1].text)), gazetteer)]
        # "Deutsche Bank's Simon Champion" tagged ORG: after an organization's possessive, a
        # person's name is a person.
        owned_from = sentence.char(groups[1][0].idx) if len(groups) > 1 and label == "ORG" else None
        if label != "PERSON" and len(pieces) == 1:
            pieces, label = _qualified_place(text, *pieces[0], gazetteer, label)
        if label != "PERSON" and len(pieces) == 1:
            pieces, label = _coordinated_places(text, *pieces[0], gazetteer, label)
        if label == "ORG" and len(pieces) == 1:
            pieces = _comma_listed_names(text, *pieces[0])
        # A photo credit "Anthony Kwan/Bloomberg/Getty Images" (one entity, PERSON or ORG): the
        # photographer, then the agencies; or the agency's "Photo" first ("AP Photo/Jae C. Hong").
        credit = len(pieces) > 1 and label in ("PERSON", "ORG") and all(
            "/" in text[a[1]:b[0]] for a, b in zip(pieces, pieces[1:]))
        agency_first = False
        for i, (start, end) in enumerate(pieces):
            surface = text[start:end]
            piece_label = label
            if owned_from is not None and start >= owned_from and full_name_shape(surface):
                piece_label = "PERSON"
            if credit:
                words = surface.split()
                if i == 0 and surface.lower() in lex.CREDIT_WORDS:
                    agency_first = True  # "Photo/Pedro Alves"
                    continue
                if i == 0 and len(words) > 1 and words[-1].lower() in lex.CREDIT_WORDS:
                    end = start + surface.rindex(" ")  # "AP Photo": the agency
                    surface, piece_label, agency_first = text[start:end], "ORG", True
                else:
                    piece_label = ("PERSON" if i == int(agency_first) and 2 <= len(words) <= 3
                                   and all(w[:1].isupper() for w in words) else "ORG")
            if (len(surface) < 2 or not surface[0].isalnum() or not any(ch.isupper() for ch in surface)
                    or _CURRENCY.search(surface) or _TIMESTAMP.match(surface)
                    or (surface.isupper() and len(surface.split()) >= 3)):
                continue  # "hypersonic missiles" as PERSON, "£1.5bn" as ORG, "BIDEN WARNS RUSSIA"
            found.append(Span(sentence, start, end, surface, piece_label,
                               prev_word, next_word, acronym if len(pieces) == 1 else None, honorific))
    untagged = _untagged_spans(text, sentence, gazetteer)
    widened = [u for u in untagged if u.label == "LOC"]  # "English" + "Channel": the adjective goes
    if widened:
        found = [f for f in found if not any(w.start < f.end and f.start < w.end for w in widened)]
    # An untagged word a tagged span took in ("Liberal" of "Liberal Democrat") is no span of its own.
    found.extend([u for u in untagged if u.label == "LOC"
                  or not any(f.start < u.end and u.start < f.end for f in found)])
    for m in _NUMBERED_GROUP.finditer(text, sentence.start, sentence.end):
        # "the Group of 20": the model tags the number alone, or "Group of" without it.
        start, end = m.span()
        found = [f for f in found if not (f.start < end and start < f.end)]
        found.append(Span(sentence, start, end, m.group(0), "ORG", _word_before(text, start), ""))
    for m in _CODED_PLACE.finditer(text, sentence.start, sentence.end):
        # "Odesa (UA), May 2": a place and its country's ISO code, which the model misses or
        # takes for an organization.
        country = gazetteer.country(m.group(2))
        if country is None or not gazetteer.resolve(m.group(1), country=m.group(2)):
            continue
        found = [f for f in found if not (f.start < m.end() and m.start() < f.end)]
        start, end = m.span(1)
        found.append(Span(sentence, start, end, m.group(1), "GPE", _word_before(text, start), "(",
                          country=m.group(2)))
        start, end = m.span(2)
        found.append(Span(sentence, start, end, m.group(2), COUNTRY_CODE, "(", ")"))
    for m in _DATELINE_AGENCY.finditer(text, sentence.start, sentence.end):
        # The agency of a dateline, which the tokenizer may glue to the dash: "Dubai (CNN)-".
        start, end = m.span(1)
        if not any(f.start < end and start < f.end for f in found):
            found.append(Span(sentence, start, end, m.group(1), "ORG", "(", ")"))
    tags = _PARTY_STATE.finditer(text, sentence.start, sentence.end) if (
        "R-" in sentence.text or "D-" in sentence.text or "I-" in sentence.text) else ()
    for m in tags:
        start, end = m.span(1)
        if text[end - 1] == "." and gazetteer.resolve(text[start:end - 1], accept=lambda p: p.source == "state"):
            end -= 1  # "R-Texas." closing the sentence: the dot is the sentence's
        if _state_of_tag(gazetteer, text[start:end]) is None:
            continue  # "D-Day"
        # The untagged runs "R" and "Ariz." give way; a name the model tagged there stays.
        if not any(f.start < end and m.start() < f.end and f.label != TOKEN for f in found):
            found = [f for f in found if not (f.start < end and m.start() < f.end)]
            found.append(Span(sentence, start, end, text[start:end], STATE_TAG, "-", ""))
    return found


def _state_of_tag(gazetteer: Gazetteer, written: str) -> Place | None:
    """The US state of a party-state tag's second half: an abbreviation ("Ariz.", "N.Y.") or,
    as AP writes short names, the name itself ("Texas", "Ohio")."""
    state = gazetteer.us_state(written)
    if state is None:
        found = gazetteer.resolve(written.rstrip("."), accept=lambda p: p.source == "state")
        state = found[0] if found else None
    return state


def _number_tail(doc, last: int, end: int) -> list:
    """The number that ends an organization's name the model cut before it: a capitalised number
    word and the capitalised words after it ("BBC Radio Five Live", "BBC One"), or a short
    numeral before punctuation or a singular noun ("the Kvartal 95 studio"; not "Nato 30
    countries", "Chelsea 2 Arsenal 1", "Acme 20%", "Acme 3 million")."""
    j = last + 1
    if j >= end or not doc[last].whitespace_:
        return []
    token = doc[j]
    if token.lower_ in lex.SMALL_NUMBERS and token.text[:1].isupper() and not token.is_sent_start:
        tail = [token]
        while (j + 1 < end and tail[-1].whitespace_ and doc[j + 1].text[:1].isupper()
               and doc[j + 1].pos_ == "PROPN"):
            j += 1
            tail.append(doc[j])
        return tail
    if not (token.text.isdigit() and len(token.text) <= 3):
        return []
    after = doc[j + 1] if j + 1 < end else None
    if after is None or (after.is_punct and after.text not in ("-", "–", "—", "%", "/", ":")):
        return [token]
    if (after.is_lower and after.tag_ == "NN" and after.lower_ not in lex.SCALE_WORDS
            and after.lower_ not in lex.SCALE_TOKENS and after.lower_ not in lex.MONTH_WORDS):
        return [token]
    return []


def _word_before(text: str, start: int) -> str:
    """The word right before article offset ``start`` ("the" of "the Group of 20")."""
    words = text[max(0, start - 30):start].split()
    return words[-1] if words else ""


def _possessive_split(tokens: list, label: str, gazetteer: Gazetteer) -> list[list]:
    """Split "Liz Truss's Foreign Office" or "Fox News' Anders Hagstrom" at the possessive into
    two names, but keep "Luhansk People's Republic" (a place's own organization) whole."""
    if label == "PERSON":
        return [tokens]
    cut = next((i for i, t in enumerate(tokens) if 0 < i < len(tokens) - 1
                and t.text in _POSSESSIVES | {"'", "’"}), None)
    if cut is None:
        return [tokens]
    head = tokens[0].text
    if gazetteer.alias(tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text) is not None:
        return [tokens]  # "the People's Republic of China", "Democratic People's Republic of Korea"
    tail = tokens[cut + 1].doc[tokens[cut + 1].i:tokens[-1].i + 1].text
    if isinstance(gazetteer.alias(tail), Place):
        return [tokens[:cut], tokens[cut + 1:]]  # "Mariupol's Azovstal": a site in the town, not its body
    found = gazetteer.resolve(head)
    if gazetteer.demonym_country(head) or (found and (found[0].kind == "country" or found[0].source == "alias"
                                                      or found[0].population >= 100_000)):
        return [tokens]
    return [tokens[:cut], tokens[cut + 1:]]


def _pieces(text: str, start: int, end: int, gazetteer: Gazetteer) -> list[tuple[int, int]]:
    """Split a span at "/" (photo credits "Name/Agency"), cut it at a spaced dash or an
    unclosed bracket ("B Cohen (England"), and trim edge punctuation. Before the dash of a
    wire slug ("CRICKET - PAKISTAN V ENGLAND") is a topic: the names are after it."""
    pieces = []
    for match in re.finditer(r"[^/\n]+", text[start:end]):
        s, e = start + match.start(), start + match.end()
        chunk = text[s:e]
        cut = _SPACED_DASH.search(chunk)
        if cut and _slug_topic(text, s, text[s:s + cut.start()], gazetteer):
            s += cut.end()
        elif cut:
            e = s + cut.start()
        for opening, closing in ("()", "[]"):
            # Unbalanced brackets: "B Cohen (England", "[President Vladimir] Putin" (an editor's
            # insertion): keep the side outside the bracket.
            bracket = text.find(opening, s, e)
            if bracket >= 0 and text.find(closing, bracket, e) < 0:
                e = bracket
            close = text.rfind(closing, s, e)
            if close >= 0 and text.find(opening, s, close) < 0:
                s = close + 1
        while s < e and (text[s].isspace() or text[s] in _EDGE_CHARS):
            s += 1
        if text.startswith(("The ", "the "), s) and e - s > 4:
            s += 4
        while e > s and (text[e - 1].isspace() or text[e - 1] in _EDGE_CHARS):
            e -= 1
        if e > s:
            pieces.append((s, e))
    return pieces


def _slug_topic(text: str, start: int, head: str, gazetteer: Gazetteer) -> bool:
    """Whether ``head``, at ``start`` and before a spaced dash, is a wire slug's topic
    ("CRICKET", "RUGBY UNION"): capitals opening a line, and no place ("KYIV - ...")."""
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip() or not head.isupper() or len(head) < 3:
        return False
    found = gazetteer.resolve(head)
    return not (found and (found[0].kind == "country" or found[0].population >= PLACE_IN_ARTICLE_POPULATION))


def _qualified_place(text: str, start: int, end: int, gazetteer: Gazetteer,
                     label: str) -> tuple[list[tuple[int, int]], str]:
    """"Aberaeron, Wales" tagged as one entity: two places, the first qualified by the second
    (see :func:`data_prep.places.qualifiers`), when the model called it a place or the second is a country,
    a US state or a known region."""
    surface = text[start:end]
    cut = surface.rfind(", ")
    if cut <= 0 or label not in ("GPE", "LOC", "ORG", "FAC") or gazetteer.resolve(surface):
        return [(start, end)], label
    if label in ("GPE", "LOC") or _country_or_region(gazetteer, surface[cut + 2:]) \
            or gazetteer.us_state(surface[cut + 2:]):
        return [(start, start + cut), (start + cut + 2, end)], "GPE"
    return [(start, end)], label


def _coordinated_places(text: str, start: int, end: int, gazetteer: Gazetteer,
                        label: str) -> tuple[list[tuple[int, int]], str]:
    """"Toshkivka and Ustynivka" tagged as one ORG, or "Scotland-England" (a fixture, a border,
    talks between the two): two places when both parts are places, two groups when both are
    nationalities ("Belarusian-Russian")."""
    surface = text[start:end]
    separators = list(_AND.finditer(surface)) or list(_PAIR_HYPHEN.finditer(surface))
    if not separators or gazetteer.resolve(surface):
        return [(start, end)], label  # "Bosnia and Herzegovina" is one country
    bounds = [0] + [x for m in separators for x in (m.start(), m.end())] + [len(surface)]
    spans = [(start + a, start + b) for a, b in zip(bounds[::2], bounds[1::2])]
    if all(gazetteer.demonym_country(text[s:e]) for s, e in spans):
        return spans, "NORP"  # "the Belarusian-Russian exercise": each country's people
    found = [gazetteer.resolve(text[s:e]) for s, e in spans]
    # Sure places of one country, or countries ("Belle and Sebastian" is a band), or big towns
    # of one country ("Peoria and Champaign"; not "Bradford & Bingley", a lender).
    sure = all(f and (f[0].kind == "country" or f[1] >= SURE_PLACE) for f in found)
    big = all(f and f[0].population >= PLACE_IN_ARTICLE_POPULATION for f in found)
    if (sure or big) and (len({f[0].country_code for f in found}) == 1 or all(f[0].kind == "country" for f in found)):
        return spans, PART
    return [(start, end)], label


def _comma_listed_names(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """"Atari, Spectrum" or "Walt Disney, Touchstone" tagged as one ORG: a comma between
    capitalised names lists them. Not split: a name with "and" ("Department for Business,
    Energy and Industrial Strategy"), nor one whose last part is a company suffix ("Acme, Inc.")."""
    surface = text[start:end]
    if ", " not in surface or _AND.search(surface):
        return [(start, end)]
    parts = surface.split(", ")
    if not all(p[:1].isupper() for p in parts) or parts[-1].rstrip(".").lower() in lex.COMPANY_SUFFIXES:
        return [(start, end)]
    bounds, at = [], start
    for part in parts:
        bounds.append((at, at + len(part)))
        at += len(part) + 2
    return bounds


def _title_word(word: str) -> bool:
    """An honorific ("Ms", "Mrs.") or an abbreviated title ("Gen.", "Sen."), which a US state's
    postal code or abbreviation may spell; "St." opens place names ("St. Louis")."""
    stem = word.lower().rstrip(".")
    return stem in lex.HONORIFICS or (word.endswith(".") and stem in lex.TITLES and stem not in ("st", "saint"))


def _sunday_paper(doc, i: int, end: int) -> bool:
    """Whether token ``i`` opens a Sunday paper's name after "the" ("the Mail on Sunday"; see
    ``lexicon.PRESS_SUNDAY_TAIL``)."""
    tail = lex.PRESS_SUNDAY_TAIL
    return (i > 0 and doc[i - 1].lower_ == "the" and doc[i].lower_ in lex.PRESS_NAME_ENDINGS
            and i + len(tail) < end and all(doc[i + 1 + k].lower_ == w for k, w in enumerate(tail)))


def _leading_capitals(tokens: list) -> int:
    """How many tokens open ``tokens`` written in capitals, two letters or more ("MARIA KOVAL")."""
    count = 0
    while count < len(tokens) and len(tokens[count].text) > 1 and tokens[count].text.isupper():
        count += 1
    return count


def _untagged_spans(text: str, sentence: Sentence, gazetteer: Gazetteer) -> list[Span]:
    """Candidates the model missed: runs of proper nouns outside any entity ("Merkel later
    said", "the Donetsk region") and countries fused into a token ("U.S.-supplied").

    They become mentions only if typing finds a surname of the article, a country or a
    plausible place (see :func:`_type_span`).
    """
    found = []
    span = sentence.span
    doc = span.doc
    run: list = []

    def close() -> None:
        while run and _title_word(run[0].text):
            run.pop(0)  # "Ms. Zelenska": "Ms." is no Mississippi, "Gen." no place
        if run:
            first, last = run[0], run[-1]
            start, end = sentence.char(first.idx), sentence.char(last.idx + len(last.text))
            prev_word = doc[first.i - 1].text if first.i > span.start else ""
            next_word = doc[last.i + 1].text if last.i + 1 < span.end else ""
            before = doc[first.i - 2].lower_ if first.i - 1 > span.start else ""
            after = doc[last.i + 2].text if last.i + 2 < span.end else ""
            label = TOKEN
            if (len(run) == 1 and first.text.isascii() and first.text.isalpha() and prev_word == "("
                    and next_word == ")" and after and after[:1] in "-–—"):
                label = "ORG"  # the agency of a dateline: "Dubai (CNN)-", "KYIV (Reuters) -"
            elif (len(run) > 2 and (sentence.heading or first.i - span.start <= 2)
                  and prev_word.lower() in lex.CREDIT_WORDS and 2 <= (caps := _leading_capitals(run)) < len(run)):
                # "By MARIA KOVAL Associated Press": the byline's name in capitals, then its agency
                last = run[caps - 1]
                name_end = sentence.char(last.idx + len(last.text))
                found.append(Span(sentence, start, name_end, text[start:name_end], "PERSON", prev_word, run[caps].text))
                start, label, prev_word = sentence.char(run[caps].idx), "ORG", last.text
            elif 2 <= len(run) <= 3 and (sentence.heading or first.i - span.start <= 2) and (
                    prev_word.lower() in lex.CREDIT_WORDS or (prev_word == ":" and before in lex.CREDIT_WORDS)):
                label = "PERSON"  # a byline or credit: "Photo: Kyrylo Yevseyev", "By Ann Lee"
            elif len(run) == 1 and _sunday_paper(doc, first.i, span.end):
                # "the Mail on Sunday": the paper's name, though the model tagged its day a date
                tail = doc[first.i + len(lex.PRESS_SUNDAY_TAIL)]
                end, label = sentence.char(tail.idx + len(tail.text)), "ORG"
                next_word = doc[tail.i + 1].text if tail.i + 1 < span.end else ""
            elif first.i > span.start and doc[first.i - 1].ent_type_ in ("NORP", "LANGUAGE"):
                widened = sentence.char(doc[first.i - 1].idx)
                if isinstance(gazetteer.alias(text[widened:end]), Place):
                    # "the English Channel", "the Irish Sea": the model tagged the adjective only
                    start, label = widened, "LOC"
                    prev_word = doc[first.i - 2].text if first.i - 1 > span.start else ""
            found.append(Span(sentence, start, end, text[start:end], label, prev_word, next_word))
            run.clear()

    for token in span:
        word = token.text
        if token.ent_type or not word[:1].isupper():  # the ids, not the strings: every token passes here
            close()
        elif "-" in word:
            close()
            head = word.split("-", 1)[0]
            alias = gazetteer.alias(head)
            if len(head) > 1 and ((isinstance(alias, Place) and alias.kind == "country")
                                  or gazetteer.demonym_country(head)):
                start = sentence.char(token.idx)
                found.append(Span(sentence, start, start + len(head), head, TOKEN))
        elif token.pos == PROPN:
            run.append(token)
        elif (token.i - 1 > span.start and doc[token.i - 1].text == "-" and not doc[token.i - 2].whitespace_
              and gazetteer.demonym_country(word) and gazetteer.demonym_country(doc[token.i - 2].text)):
            # "Dutch-Moroccan": the model tags the first nationality only ("Anglo-American" is
            # no one's people, as the first half says)
            close()
            start = sentence.char(token.idx)
            found.append(Span(sentence, start, start + len(word), word, TOKEN))
        else:
            close()
    close()
    return found


# ---------------------------------------------------------------------------------------------
# Typing


def _country_group(span: Span, gazetteer: Gazetteer, code: str) -> Mention | None:
    """A nationality that counts as its country ("North Korean" -> country:KP)."""
    country = gazetteer.country(code)
    if country is None:
        return None
    return Mention(span, "group", country.entity_id, country.name, code, country.lat, country.lon, SURE)


def _result_row_spans(text: str, sentences: Sequence[Sentence], spans: list[Span],
                      gazetteer: Gazetteer) -> tuple[list[Span], frozenset[str]]:
    """The team names of result and standings rows (:mod:`data_prep.results`) as spans, in
    place of what the model made of them, and the names that are clubs (a national side is its
    country, or England, Wales..., as the label conventions say)."""
    names = result_row_names(text)
    if not names:
        return spans, frozenset()
    rows = [(start, end, next((s for s in sentences if s.start <= start and end <= s.end), None))
            for start, end in names]
    rows = [(start, end, sentence) for start, end, sentence in rows if sentence is not None]
    exact = {(s.start, s.end) for s in spans}
    kept = [s for s in spans if (s.start, s.end) in exact and not any(
        s.start < end and start < s.end and (s.start, s.end) != (start, end) for start, end, _ in rows)]
    have = {(s.start, s.end) for s in kept}
    clubs = set()
    for start, end, sentence in rows:
        surface = text[start:end]
        found = gazetteer.resolve(surface)  # a national side: its country, or England, Wales...
        country = found is not None and (found[0].kind == "country" or found[0].source in REGION_SOURCES)
        if not country:
            clubs.add(surface)
        if (start, end) not in have:
            kept.append(Span(sentence, start, end, surface, "GPE" if country else "ORG"))
    return sorted(kept, key=lambda s: s.start), frozenset(clubs)


def _name_list_people(text: str, sentences: Sequence[Sentence], spans: list[Span],
                      gazetteer: Gazetteer) -> list[Span]:
    """``spans`` with every name of a list of names (a team sheet, a list of authors) one person
    span, in place of the model's spans there ("Easterby, O'Connor" as one name, "Sheahan" as an
    organization, names it missed). A list most of whose names are countries or regions is left
    to the model, as is a list of towns the model tagged so ("Kharkiv, Odesa, Lviv, ...")."""
    for sentence in sentences:
        items = [(sentence.start + a, sentence.start + b) for a, b in name_list_items(sentence.text)]
        if not items:
            continue
        inside = [s for s in spans if s.sentence is sentence and any(s.start < b and a < s.end for a, b in items)]
        places = sum(s.label in ("GPE", "LOC") for s in inside)
        if 2 * max(places, sum(_country_or_region(gazetteer, text[a:b]) for a, b in items)) >= len(items):
            continue
        taken = {id(s) for s in inside}
        spans = [s for s in spans if id(s) not in taken]
        spans.extend(Span(sentence, a, b, text[a:b], "PERSON", listed=True) for a, b in items)
    return spans


def _drop_ships_and_fleets(text: str, mentions: list[Mention]) -> list[Mention]:
    """Without the places that name ships ("the cruiser Moskva", "the Saratov landing ship"),
    wherever the name occurs in the article ("the Moskva attack"); the sea of a named fleet
    written in lowercase ("the Black Sea fleet") becomes the fleet, an organization ("Black Sea
    Fleet", as the model reads the capitalised name). Only place mentions are looked at: a few
    per article."""
    ships, fleets = set(), {}
    places = {normalize(m.span.surface) for m in mentions if m.kind == "place"}
    for m in mentions:
        if m.kind != "place" and (m.kind == "country" or normalize(m.span.surface) not in places):
            continue  # "the Moskva cruiser" may be tagged otherwise than "the Moskva attack"
        start, end = m.span.start, m.span.end
        if _SHIP_AFTER.match(text, end) or _SHIP_BEFORE.search(text[max(0, start - 25):start]):
            ships.add(normalize(m.span.surface))
        elif m.kind == "place" and (fleet := _FLEET_AFTER.match(text, end)):
            fleets[id(m)] = _fleet(text, m.span, fleet.end())
    if not ships and not fleets:
        return mentions
    out = []
    for m in mentions:
        if id(m) in fleets:
            out.extend([fleets[id(m)]] if fleets[id(m)] is not None else [])
        elif m.kind != "place" or normalize(m.span.surface) not in ships:
            out.append(m)
    return out


def _fleet(text: str, sea: Span, end: int) -> Mention | None:
    """The fleet a sea's name and a lowercase "fleet" make ("Black Sea fleet"); None for a
    fleet written otherwise, whose sea is then no mention at all."""
    surface = text[sea.start:end]
    if not surface.split()[-1].islower():
        return None
    name = surface[:surface.rfind(" ") + 1] + surface.split()[-1].capitalize()
    after = re.match(r"\s*([\w'’-]+)", text[end:end + 40])
    span = Span(sea.sentence, sea.start, end, surface, "ORG", sea.prev_word, after.group(1) if after else "")
    return Mention(span, "organization", f"org:{slugify(name)}", name, certainty=SURE)


_LOWERCASE_BODY_AFTER = re.compile(r"(?:['’]s)?\s+(" + "|".join(
    sorted((b.replace(" ", r"\s+") for b in lex.LOWERCASE_BODIES), key=len, reverse=True)) + r")\b", re.IGNORECASE)


def _lowercase_bodies(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """``mentions`` with the bodies of ``lexicon.LOWERCASE_BODIES`` written after a country, a
    nationality or a seat ("Russia's security council", "the Kremlin's security council" ->
    Security Council of Russia) or after the UN ("the UN security council", which takes the UN's
    mention in) as organizations; a body the model found already stays as it is."""
    taken = [(m.span.start, m.span.end) for m in mentions]
    found: dict[int, Mention] = {}
    for m in mentions:
        un = m.kind == "organization" and m.span.surface in lex.UN_FORMS
        seat = m.entity_id.startswith("inst:") and m.span.surface[:1].isupper()  # "the Kremlin's"
        country = gazetteer.country(m.country_code) if m.kind in ("country", "group") or seat else None
        body = _LOWERCASE_BODY_AFTER.match(text, m.span.end) if un or country is not None else None
        if body is None or any(a < body.end(1) and body.start(1) < b for a, b in taken):
            continue
        display = lex.LOWERCASE_BODIES[" ".join(body.group(1).lower().split())]
        start, name = (m.span.start, f"UN {display}") if un else (body.start(1), f"{display} of {country.name}")
        after = re.match(r"\s*([\w'’-]+)", text[body.end():body.end() + 40])
        span = Span(m.span.sentence, start, body.end(1), text[start:body.end(1)], "ORG",
                    m.span.prev_word if un else m.span.surface, after.group(1) if after else "")
        found[id(m)] = Mention(span, "organization", f"org:{slugify(name)}", name, certainty=SURE)
    if not found:
        return mentions
    out = []
    for m in mentions:
        body = found.get(id(m))
        if body is None:
            out.append(m)
        else:  # "UN security council": the UN's mention is the body's
            out.extend([body] if body.span.start == m.span.start else [m, body])
    return out


def _names_a_treaty(text: str, span: Span) -> bool:
    """Whether a place's name opens a treaty's ("the Kyoto protocol", "the Oslo peace accords");
    a country before one ("a UK agreement") is still a party to it, so this is for places only."""
    return _TREATY_AFTER.match(text, span.end) is not None


_DOCUMENT_NOUN = re.compile(r"(?<![\w-])(" + "|".join(sorted(w.capitalize() for w in lex.DOCUMENT_NOUNS))
                            + r")(?=\s*$|\s*:|\s+(?:\d[\w/.-]*\s+)?(?:of|on|for|against|and)\s)")
_TITLE_LABELS = ("LAW", "WORK_OF_ART")  # the model's labels for "the Charter of the United Nations"
_OF_THE = re.compile(r"(?:\s+\d[\w/.-]*)?\s+of\s+(?:the\s+)?")  # "Resolution 3314 of the"


def _document_spans(spans: list[Span], gazetteer: Gazetteer) -> list[Span]:
    """``spans`` with the PERSON/ORG names of documents made no actor ("the European Convention
    on Human Rights", "the National Security Strategy: X"), or cut to the organization they
    name ("UN" of "the UN Charter", "United Nations" of "the Charter of the United Nations",
    also when the model tags it LAW or WORK_OF_ART; "Resolution 3314 of the X Assembly"):
    see :func:`_names_body`. A body's name with a document noun in it stays ("the Department
    for ... Strategy")."""
    out = []
    for span in spans:
        found = _DOCUMENT_NOUN.search(span.surface) if span.label in ("PERSON", "ORG", *_TITLE_LABELS) else None
        words = span.surface[:found.start()].lower().split() if found else []
        if found is None or any(w in lex.ORG_HEAD_NOUNS for w in words):
            out.append(span)
            continue
        # The body after "of" ("Charter of the United Nations", "Article 5 of the Statute of the
        # International Criminal Court", "Resolution 3314 of the ..."), else before ("UN Charter").
        rest = _OF_THE.match(span.surface, found.end())
        owner = span.surface[rest.end():] if rest else span.surface[:found.start()].rstrip()
        start = span.end - len(owner) if rest else span.start
        if owner and _names_body(owner, gazetteer):
            out.append(Span(span.sentence, start, start + len(owner), owner, "ORG",
                             span.prev_word if start == span.start else "of", span.next_word))
        elif span.label in _TITLE_LABELS:
            out.append(span)  # a law's or work's name is no actor anyway; left as the model read it
        else:
            span.model_label, span.label = span.model_label or span.label, NOT_ACTOR
            out.append(span)
    return out


def _names_body(name: str, gazetteer: Gazetteer) -> bool:
    """Whether ``name`` is an organization's: one acronym, an organization's alias, or several
    words ending in an organization's head noun or name ending ("International Criminal Court",
    "United Nations"), or with a head noun before "of" ("Council of Europe")."""
    alias = gazetteer.alias(name)
    words = [w.lower() for w in name.split()]
    return ((len(words) == 1 and ACRONYM.match(name) is not None)
            or (isinstance(alias, Alias) and alias.kind == "organization")
            or (len(words) > 1 and (words[-1] in lex.ORG_HEAD_NOUNS or words[-1] in lex.ORG_NAME_ENDINGS
                                    or any(w in lex.ORG_HEAD_NOUNS and after == "of"
                                           for w, after in zip(words, words[1:])))))


def _listed_as_place(span: Span) -> bool:
    """Whether a plural noun of places introduces the list the span is in: "mainline stations
    such as Kings Cross and Euston" (tagged ORG), "cities including X" (see
    ``lexicon.PLACE_CLASS_NOUNS``)."""
    sentence = span.sentence
    offset = span.start - sentence.start
    window = sentence.text[max(0, offset - 120):offset]
    if "such as" not in window and "including" not in window:
        return False
    lead = None
    for lead in _LIST_OF_PLACES.finditer(window):
        pass
    return (lead is not None and lead.group(1) in lex.PLACE_CLASS_NOUNS
            and _LISTED_NAME.fullmatch(window, lead.end()) is not None)


def _peer_designation(span: Span) -> bool:
    """Whether the span is the "of X" of a peer's title ("Lord Nicholls of Birkenhead")."""
    if span.prev_word != "of":
        return False
    sentence = span.sentence
    offset = span.start - sentence.start
    title = _PEER_BEFORE.search(sentence.text, max(0, offset - 60), offset)
    return title is not None and title.group(1).lower() in lex.PEER_TITLES


def _compound_adjective_half(span: Span, gazetteer: Gazetteer) -> bool:
    """Whether the span is the second half of a compound adjective whose first half names no
    place ("the Euro-Atlantic region", "Indo-Pacific strategy"): no mention of a place (the
    Atlantic, nor a region Atlantico). Pairs of places ("Asia-Pacific", "Russia-Ukraine war")
    are read by their halves, and a country stays ("Pro-Russia rebels"). A capital letter
    glued before a name makes a brand ("T-Mobile")."""
    sentence = span.sentence
    offset = span.start - sentence.start
    if offset > 1 and _LETTER_BEFORE.search(sentence.text, max(0, offset - 3), offset):
        found = gazetteer.resolve(span.surface)
        return not (found and found[0].kind == "country")  # "T-Mobile" is no town Mobile
    if not (offset > 1 and sentence.text[offset - 1] == "-" and span.next_word[:1].islower()):
        return False
    if _PREFIX_BEFORE.search(sentence.text, max(0, offset - 10), offset):
        found = gazetteer.resolve(span.surface)
        return not (found and found[0].kind == "country")  # "trans-Atlantic talks": no ocean
    glued = _GLUED_BEFORE.search(sentence.text, max(0, offset - 30), offset)
    if glued is None:
        return False
    head = glued.group(1)
    if gazetteer.demonym_country(head) or gazetteer.resolve(head) or gazetteer.resolve(f"{head}-{span.surface}"):
        return False
    found = gazetteer.resolve(span.surface)
    return not (found and found[0].kind == "country")


def _country_or_region(gazetteer: Gazetteer, surface: str) -> bool:
    """Whether ``surface`` names a country or a region ("team Wales" is the country's side)."""
    found = gazetteer.resolve(surface)
    return bool(found and (found[0].kind == "country" or found[0].source in REGION_SOURCES))


def _type_span(span: Span, gazetteer: Gazetteer, names: ArticleNames,
               context: dict[str, float], article: Counter, qualifier: Span | None = None,
               partners: Sequence[Span] = (), near: Sequence[tuple[float, float]] = (),
               qualified: Sequence[Span] = (), source_country: str | None = None,
               landmarks: Sequence[tuple[str, float, float]] = ()) -> Mention | None:
    """Decide kind, entity and coordinates of one span (persons are linked afterwards);
    ``near`` are the points of the regions the article names (see :func:`data_prep.places.country_counts`),
    ``qualified`` the places this span qualifies ("Georgia" in "Atlanta, Georgia")."""
    label, surface = span.label, span.surface
    if label == AREA:
        return _electoral_area(span, gazetteer, context, source_country)
    if label == COUNTRY_CODE:
        country = gazetteer.country(surface)
        return place_mention(span, country, SURE) if country is not None else None
    if span.country and (found := gazetteer.resolve(surface, context, country=span.country)):
        return place_mention(span, found[0], max(found[1], QUALIFIED_PLACE))  # "Paris (US)"
    if label == STATE_TAG:
        state = _state_of_tag(gazetteer, surface)
        return place_mention(span, state, QUALIFIED_PLACE) if state is not None else None
    if label in ("GPE", "LOC", TOKEN) and _peer_designation(span):
        return None  # "Lord Nicholls of Birkenhead": part of a title, no mention of the town
    if label in ("GPE", "LOC", TOKEN, PART) and _compound_adjective_half(span, gazetteer):
        return None  # "the Euro-Atlantic region"
    if normalize(surface) in lex.DEFINITE_ONLY_NAMES and span.prev_word.lower() != "the":
        return None  # "member States": no United States
    if label in ("GPE", "LOC", "FAC", TOKEN):
        feature = feature_place(span, gazetteer, context)
        if feature is not None:
            return feature
    if label == CLUB:
        full = span.club or surface
        alias = gazetteer.alias(full)
        if isinstance(alias, Alias) and alias.kind == "organization":
            return Mention(span, alias.kind, alias.entity_id, alias.name, certainty=SURE, from_alias=True)
        return Mention(span, "organization", f"org:{slugify(full)}", full,
                        certainty=SURE if " " in full else LONE_ORGANIZATION)
    for other in qualified if label in ("GPE", "LOC", TOKEN) else ():
        where = qualifier_place(span, gazetteer, context, other.surface)
        if where is not None and where.kind != "country":  # the state of "Atlanta, Georgia"
            return place_mention(span, where, QUALIFIED_PLACE)
    if span.next_word.lower() in _RIVER_NOUNS and label in ("GPE", "LOC", "ORG", "FAC", "NORP", TOKEN) and not (
            label == "NORP" and gazetteer.demonym_country(surface)):  # "the Ukrainian river port"
        water = water_suffix(span, gazetteer, context)  # "the Siverskyi Donets river" (ORG + "river")
        if water is not None:
            return water
    if label not in ("NORP", INSTITUTION) and not names.has_part(surface):  # "Kursk" tagged PRODUCT, too
        found = region_suffix(span, gazetteer, context)
        if found:
            return place_mention(span, found[0], found[1])
    if label in ("GPE", "LOC", TOKEN, PART):
        if (span.prev_word == "," and ("." in surface or surface.isupper())) or (label == "GPE" and "." in surface):
            state = gazetteer.us_state(surface)
            if state is not None:  # the qualifier of "Weston, W.Va.", or "in Vt." the model tagged a place
                return place_mention(span, state, QUALIFIED_PLACE)
    alone = gazetteer.resolve(surface) if qualifier is not None else None
    # An abbreviated state qualifies even a country's or a state's name ("Lebanon, Pa.").
    abbreviated = qualifier is not None and abbreviated_state(gazetteer, qualifier.surface)
    if (qualifier is not None and not gazetteer.demonym_country(surface) and (abbreviated or not (
            alone and (alone[0].kind == "country" or alone[0].source in ("state", "alias"))))):
        where = qualifier_place(qualifier, gazetteer, context, surface)
        code = where.country_code if where else None
        if code:  # "Paris, Texas" is the Paris of the US, whatever Paris is bigger
            point = () if where.kind == "country" else ((where.lat, where.lon),)
            # A place a state qualifies is no state itself ("Georgia, Vt." is a town of Vermont).
            found = resolve(gazetteer, surface, {code: 1.0}, country=code, near=point,
                            accept=lambda p: where.kind == "country" or p.source != "state")
            if found:
                return place_mention(span, found[0], max(found[1], QUALIFIED_PLACE))
            if (not alone or abbreviated) and (label in ("GPE", "LOC") or (label == TOKEN and near_place_words(span))):
                return unresolved_place(span, names, code, qualified=True)
    for partner in partners:
        # "Oregon or Washington": a name coordinated with a state is a state when it can be.
        other = gazetteer.resolve(partner.surface, context, near=near)
        if other and other[0].source == "state":
            found = gazetteer.resolve(surface, context, accept=lambda p: p.source == "state")
            if found:
                return place_mention(span, found[0], found[1])
    if span.prev_word.lower() in lex.STATE_PREFIXES and label in ("GPE", "LOC", TOKEN):
        found = gazetteer.resolve(surface, context, accept=lambda p: p.source == "state")
        if found:  # "upstate New York" is the state, not the city
            return place_mention(span, found[0], found[1])
    seat = seat_institution(surface)
    if seat and not (label == "PERSON" and names.has_part(surface)):
        return _institution_mention(span, gazetteer, *seat, SURE)  # "the Kremlin said"
    alias = gazetteer.alias(surface)
    if isinstance(alias, Alias) and not (label == "PERSON" and names.has_part(surface)):
        if alias.kind == "none":
            return None
        return Mention(span, alias.kind, alias.entity_id, alias.name,
                        alias.country_code if alias.kind == "group" else None, certainty=SURE,
                        from_alias=True)
    if label == NOT_ACTOR:
        return None
    if label in ("ORG", "PERSON", "FAC", TOKEN) and not names.has_part(surface) and _listed_as_place(span):
        # "stations such as Kings Cross and Euston" tagged ORG: the list's noun says they are places.
        found = resolve(gazetteer, surface, context, near=near)
        if found and (found[0].kind == "country" or article.get(found[0].country_code)
                      or found[0].population >= PLACE_IN_CONTEXT_POPULATION):
            return place_mention(span, found[0], found[1] * MISLABELLED_PLACE)
        return unresolved_place(span, names, context_country(context, source_country), qualified=True)
    if label in ("FAC", "ORG", TOKEN) and not isinstance(alias, Place) and _venue_name(span):
        return _venue(span, gazetteer)
    if (label == "PERSON" and len(words := surface.split()) > 1 and words[-1][:1].isupper()
            and words[-1].lower() in lex.UNNAMED_VENUE_HEADS):
        return _venue(span, gazetteer)  # "towards Wilmslow Road" tagged PERSON
    if (label in ("ORG", "PERSON") and len(words := surface.split()) > 1
            and (words[-1].lower() in lex.NON_ACTOR_HEADS or _weapon_name(words)
                 or (label == "ORG" and words[-1].lower() in lex.HOLIDAY_HEADS))):
        return None  # "Academy Awards", "Association Agreement", "Victory Day", "... Rocket Systems"
    if label == "PERSON" or span.honorific:
        return _type_person(span, gazetteer, names, context, article)
    if person_key(surface) in names.full:
        return Mention(span, "person", "", surface, certainty=NAME_TAGGED_OTHERWISE)  # a full name tagged ORG
    if label == "ORG" and full_name_shape(surface) and fold_word(name_tokens(surface)[0]) in names.by_first:
        # "Volodymyr Sivkovych" tagged ORG where a "Volodymyr Zelenskiy" is a person
        return Mention(span, "person", "", surface, certainty=NAME_TAGGED_OTHERWISE)
    if particle_surname(name_tokens(surface)) in names.by_last:
        return Mention(span, "person", "", surface, certainty=NAME_TAGGED_OTHERWISE)  # "Von der Leyen" tagged ORG
    if names.has_part(surface) and not isinstance(alias, Place):
        found = gazetteer.resolve(surface)
        if not (found and found[0].kind == "country"):
            return Mention(span, "person", "", surface, certainty=NAME_TAGGED_OTHERWISE)  # "Biden" tagged ORG
    if (span.next_word.lower() in lex.CLUB_ROLE_NOUNS and label in ("GPE", "ORG", TOKEN)
            and not gazetteer.demonym_country(surface)):  # "their Welsh striker" (a town Welsh, LA)
        found = gazetteer.resolve(surface, context)
        if found and found[0].source == "city":  # "Tottenham manager Martin Jol": the club
            return Mention(span, "organization", f"org:{slugify(surface)}", surface,
                            certainty=LONE_ORGANIZATION)
    code = gazetteer.demonym_country(surface)
    if code is None and label in ("NORP", "ORG") and " " not in surface and not isinstance(alias, Place):
        code = _misspelt_demonym(gazetteer, surface)  # "Ukranian officials" tagged ORG or NORP
    if code and label in ("NORP", "GPE", "LOC", "ORG", TOKEN, PART):
        return _country_group(span, gazetteer, code)  # "Ukrainian" tagged GPE
    if label not in ("GPE", "LOC", PART) and _names_no_group(surface):
        return None  # "European", "Western", "Muslims": a region or a religion, no country's people
    if label == "NORP":
        found = gazetteer.resolve(surface, context, near=near)
        if found and (found[0].kind == "country" or (
                article.get(found[0].country_code) and found[0].population >= PLACE_IN_ARTICLE_POPULATION)):
            return place_mention(span, found[0], found[1] * MISLABELLED_PLACE)  # "Sievierodonetsk" tagged NORP
        return _unknown_group(span, gazetteer)
    if label == TOKEN:
        found = gazetteer.resolve(surface, context, near=near)
        if found and plausible_place(found[0], span, article):
            return place_mention(span, found[0], found[1] * MISLABELLED_PLACE)
        if _untagged_body(span, gazetteer) or _media_role(span.next_word) or (
                span.prev_word.islower() and span.prev_word in lex.ORG_DESCRIPTORS):
            # "filtering firm Ciphertrust", "former Doxa journalists": a name the model left
            # untagged that the words around it make an organization.
            return Mention(span, "organization", f"org:{slugify(surface)}", surface,
                            certainty=LONE_ORGANIZATION)
        return None
    if label in ("GPE", "LOC", PART):
        found = resolve(gazetteer, surface, context, near=near)
        if not found:
            if label == PART:
                return None
            era = _country_of_era(span, gazetteer)
            if era is not None:
                return era
            water = water_body(span, gazetteer, context)
            if water is not None:
                return water
            if span.next_word.lower() in lex.SPEECH_VERBS and full_name_shape(surface):
                # "Rio Ferdinand told" tagged GPE: a name no gazetteer knows that speaks.
                return Mention(span, "person", "", surface, certainty=NAME_TAGGED_OTHERWISE)
            if _media_role(span.next_word):  # "the Bloomberg writer X" tagged GPE
                return Mention(span, "organization", f"org:{slugify(surface)}", surface,
                                certainty=LONE_ORGANIZATION)
            return unresolved_place(span, names, listed_country(span, gazetteer, context)
                                    or context_country(context, source_country))
        place, certainty = found
        if acronym_town(surface, place):
            return Mention(span, "organization", f"org:{slugify(surface)}", surface, certainty=UPPERCASE_TOWN)
        if (place.source == "city" and place.population < MIN_PLACE_POPULATION
                and not article.get(place.country_code)):
            # A hamlet abroad is more likely a misreading than the place meant: the next candidate.
            found = resolve(gazetteer, surface, context, near=near, accept=lambda p: (
                p.source != "city" or p.population >= MIN_PLACE_POPULATION or bool(article.get(p.country_code))))
            if not found:
                return unresolved_place(span, names, listed_country(span, gazetteer, context)
                                        or context_country(context, source_country))
            place, certainty = found
        if place.kind == "country" and not article.get(place.country_code):
            state = namesake_state(gazetteer, surface, place, context)
            key = normalize(surface)
            if state and any(k != key and distance_km(lat, lon, state[0].lat, state[0].lon) < NEAR_KM
                             for k, lat, lon in landmarks):
                return place_mention(span, state[0], state[1])  # "Georgia" among Atlanta and Savannah
        return place_mention(span, place, certainty)
    # A place the words around it made an organization ("firm Brunswick") stays one.
    described = span.model_label in ("GPE", "LOC") or (span.prev_word.islower()
                                                       and span.prev_word in lex.ORG_DESCRIPTORS)
    found = None if described else resolve(gazetteer, surface, context, exact=True)
    if found and plausible_place(found[0], span, article):
        return place_mention(span, found[0], found[1] * MISLABELLED_PLACE)
    if label != "ORG" and not described:
        water = water_body(span, gazetteer, context)  # "the River Tyne" tagged FAC or LAW
        if water is not None:
            return water
    if label == "ORG":
        if len(surface.split()) == 1 and surface.lower() in lex.GENERIC_ORG_WORDS:
            return None  # "the Commission", "Group" of "Group of 20": a head noun names nobody alone
        if _PLURAL_ACRONYM.match(surface):
            return None  # "MPs", "NGOs": a plural of a common noun, nobody in particular
        if _NEWSLETTER_PROMO.search(span.sentence.text):
            return None  # "Sign up to First Edition, our free daily newsletter"
        if (len(surface.split()) == 1 and not span.model_label and not span.acronym and not surface.isupper()
                and fold_word(surface) in names.by_last):
            # "Phillips" tagged ORG where the article names "Graham Phillips" and no word around
            # makes it a firm: his surname (linked to him afterwards).
            return Mention(span, "person", "", surface, certainty=NAME_TAGGED_OTHERWISE)
        certainty = SURE if len(surface.split()) > 1 or span.acronym else LONE_ORGANIZATION
        return Mention(span, "organization", f"org:{slugify(surface)}", surface, certainty=certainty)
    if _body_head(surface):
        # "the Newcastle Evening Chronicle" tagged EVENT, "Black Sea Fleet" tagged EVENT: a
        # name that ends in a paper's or a fleet's noun is that body, whatever the model said.
        return Mention(span, "organization", f"org:{slugify(surface)}", surface, certainty=SURE)
    return None  # FAC, PRODUCT, WORK_OF_ART... that are not places


_MEDIA_WORDS = lex.MEDIA_ROLES | lex.MEDIA_STAFF


def _media_role(word: str) -> bool:
    """A media role or an outlet's staff ("writer", "journalists"): after a name, its outlet's."""
    return word.lower() in _MEDIA_WORDS


def _body_head(surface: str) -> bool:
    """A capitalised name of two words or more ending in a newspaper's or a fleet's noun
    (``lexicon.PRESS_NAME_ENDINGS``, ``FLEET_NOUNS``)."""
    words = surface.split()
    return (len(words) > 1 and all(w[:1].isupper() for w in words)
            and words[-1].lower() in lex.PRESS_NAME_ENDINGS | lex.FLEET_NOUNS)


def _electoral_area_spans(text: str, spans: list[Span], gazetteer: Gazetteer, article: Counter) -> list[Span]:
    """Spans cues make constituencies or wards (see :mod:`constituencies`) become one ``AREA``
    span each ("St Dunstan's and Stepney Green ward": two spans, one ward); so does any other
    span of the article with an area's name or the first name of a joined one ("contest Bethnal
    Green" beside "the MP for Bethnal Green and Bow")."""
    spans = sorted(spans, key=lambda s: s.start)
    covered: set[int] = set()
    areas: list[Span] = []
    for area in electoral_areas(text, [(s.start, s.end, s.sentence.start) for s in spans]):
        parts = [spans[i] for i in area.covers]
        surface = text[area.start:area.end]
        if not _area_name(surface, parts, gazetteer, article if area.title_after else None):
            continue
        covered.update(area.covers)
        after = re.match(r"\s*([\w'’-]+)", text[area.end:area.end + 40])
        areas.append(Span(parts[0].sentence, area.start, area.end, surface, AREA, parts[0].prev_word,
                           after.group(1) if after else ""))
    if not areas:
        return spans
    known = {normalize(a.surface) for a in areas}
    known |= {normalize(p) for a in areas if len(p := _AREA_JOIN.split(a.surface)[0]) < len(a.surface)}
    for i, span in enumerate(spans):
        if i not in covered and span.label in ("PERSON", "ORG", "FAC", TOKEN) and normalize(span.surface) in known:
            span.model_label, span.label = span.model_label or span.label, AREA
    return sorted([s for i, s in enumerate(spans) if i not in covered] + areas, key=lambda s: s.start)


_AREA_JOIN = re.compile(r"(?:['’]s)?\s+(?:and|&)\s+")
_AREA_WORD = re.compile(r"(?:[A-Z][\w.’'-]*|and|&|of|upon|on|the|in)")


def _area_name(surface: str, parts: list[Span], gazetteer: Gazetteer, titled_in: Counter | None) -> bool:
    """Whether a cued name can be a constituency: capitalised words no alias, nationality,
    country or organization head claims ("Labour MP", "London UKIP MEP", "the Senate seat").
    One cued only by a member's title after it (``titled_in``: the article's country counts;
    "the Glasgow Kelvin MP", not "Glenda Jackson MP" nor "Green MEP") must be a place GeoNames
    knows, or begin with a town of one, in a country the article names."""
    words = surface.split()
    if (len(surface) < 3 or len(words) > 6 or surface.isupper() or not words[0][:1].isupper()
            or not all(_AREA_WORD.fullmatch(w) for w in words)
            or any(re.sub(r"['’]s$", "", w.lower()) in lex.ORG_HEAD_NOUNS for w in words)
            or any(isinstance(a := gazetteer.alias(w), Alias) and a.kind != "none" for w in words)
            or any(isinstance(gazetteer.alias(p.surface), Alias) for p in parts)
            or isinstance(gazetteer.alias(surface), Alias) or gazetteer.demonym_country(surface)):
        return False
    found = gazetteer.resolve(surface)
    if found and found[0].kind == "country":
        return False  # "a candidate in Ukraine": the country, typed as usual
    if titled_in is None:
        return bool(found) or len(words) > 1
    town = compass_seat_town(surface)
    if town and not found:
        # "the Bolton West MP": a town's name and a compass word make a seat, whatever the
        # article's countries ("Kanye West" is no town's seat)
        top = gazetteer.resolve(town)
        if top and top[0].source == "city" and top[0].population >= PLACE_IN_CONTEXT_POPULATION:
            return True
    where = found or (gazetteer.resolve(words[0]) if len(words) > 1 else None)
    return where is not None and where[0].kind != "country" and bool(titled_in.get(where[0].country_code)) and (
        where[0].source in REGION_SOURCES or where[0].population >= PLACE_IN_CONTEXT_POPULATION)

def _electoral_area(span: Span, gazetteer: Gazetteer, context: dict[str, float],
                    source_country: str | None) -> Mention:
    """A constituency or ward: the place GeoNames knows by its name in a country of the context
    (or its only one), else an unresolved place in the country of its first town ("Glasgow" of
    "Glasgow Kelvin") or of the article. The name is never cut ("East Midlands" is no Midlands)."""
    surface = span.surface
    found = gazetteer.resolve(surface, context)
    if found and found[0].kind != "country" and (context.get(found[0].country_code) or found[1] >= SURE_PLACE):
        return place_mention(span, found[0], max(found[1], QUALIFIED_PLACE))
    code = None
    town = compass_seat_town(surface)
    heads = (town, _AREA_JOIN.split(surface)[0], surface.split()[0]) if town else (
        _AREA_JOIN.split(surface)[0], surface.split()[0])
    for head in [h for h in dict.fromkeys(heads) if h != surface]:
        place = gazetteer.resolve(head, context) if len(head) > 2 else None
        if place and place[0].kind != "country" and (
                context.get(place[0].country_code) or place[1] >= 0.7 or head == town) and (
                place[0].source in REGION_SOURCES or place[0].population >= MIN_PLACE_POPULATION):
            code = place[0].country_code
            break
    code = code or context_country(context, source_country) or source_country
    return Mention(span, "place", f"place:{slugify(surface)}", surface, code,
                    certainty=UNRESOLVED_PLACE if code else UNKNOWN_PLACE)

def _country_of_era(span: Span, gazetteer: Gazetteer) -> Mention | None:
    """"Nazi Germany", "Tsarist Russia": a country under a regime's or era's adjective
    (``lexicon.ERA_ADJECTIVES``), a name GeoNames lacks, is that country; the mention covers the
    country's name."""
    head, _, last = span.surface.rpartition(" ")
    if not head or not all(w.lower() in lex.ERA_ADJECTIVES for w in head.split()):
        return None  # "Tate Britain", "Middle Britain", "EURACTIV Serbia": a name of its own
    found = gazetteer.resolve(last)
    if not found or found[0].kind != "country":
        return None
    start = span.end - len(last)
    piece = Span(span.sentence, start, span.end, last, span.label, head.split()[-1], span.next_word)
    return place_mention(piece, found[0], found[1])


_LISTED_PLACE_AFTER = re.compile(r"\s+(?:in|near),?\s+")


def _mark_listed_places(text: str, spans: list[Span], gazetteer: Gazetteer) -> None:
    """A name the model took for a person or organization between a place it follows in a
    locative list and a place it lies in ("homes in Highgate and Hampstead Heath in London")
    is a place too; it takes the list's preposition so typing reads it as one."""
    starts = {s.start: s for s in spans}
    for before, span in zip(spans, spans[1:]):
        if not (span.label in ("PERSON", "ORG", TOKEN) and not span.honorific
                and (before.label in ("GPE", "LOC") or (before.label in ("ORG", "FAC", TOKEN)
                                                         and gazetteer.resolve(before.surface)))
                and before.sentence is span.sentence
                and before.prev_word.lower() in lex.LOCATIVES and COORDINATION.fullmatch(text, before.end, span.start)):
            continue
        joint = _LISTED_PLACE_AFTER.match(text, span.end)
        outer = starts.get(joint.end()) if joint else None
        if outer is None or outer.label not in ("GPE", "LOC") or not gazetteer.resolve(outer.surface):
            continue
        span.model_label, span.label = span.model_label or span.label, "GPE"
        span.prev_word = before.prev_word


def _untagged_body(span: Span, gazetteer: Gazetteer) -> bool:
    """A named body the model left untagged: proper nouns ending in an organization's head noun
    ("Russia's Baltic Fleet", "the EU Foreign Affairs Council"), or that head alone after a
    country word ("the US Congress"); not a bare role ("the Defence Ministry": see
    :mod:`data_prep.institutions`)."""
    words = span.surface.split()
    if words[-1].lower() not in lex.ORG_HEAD_NOUNS or not all(w[:1].isupper() for w in words):
        return False
    if " ".join(words).lower() in _ROLE_PHRASES or all(w.lower() in _ROLE_WORDS for w in words):
        return False
    if len(words) > 1:
        return True
    if words[0].lower() == "republic":
        return False  # "the Czech Republic": the country's name, which the model cut
    return bool(gazetteer.demonym_country(span.prev_word) or (
        (found := gazetteer.resolve(span.prev_word)) and found[0].kind == "country"))


# The institutions' role nouns and the words they are made of: "Foreign Office" or "Armed Forces"
# alone is a bare role, which the institutions stage settles.
_ROLE_PHRASES = frozenset(noun for _, nouns in lex.INSTITUTION_ROLES.values() for noun in nouns)
_ROLE_WORDS = frozenset(w for phrase in _ROLE_PHRASES for w in phrase.split()) | lex.GENERIC_ORG_WORDS


def _weapon_name(words: list[str]) -> bool:
    """Whether a name's words make a weapon's ("Naval Strike Missile", "Army Tactical Missile
    System", "Infantry Fighting Vehicles"; see ``lexicon.WEAPON_HEADS``)."""
    last = words[-1].lower()
    return last in lex.WEAPON_HEADS or (last in lex.WEAPON_SYSTEM_HEADS
                                        and any(w.lower() in lex.WEAPON_WORDS for w in words[:-1]))


def _venue_name(span: Span) -> bool:
    """A venue's or site's name ("Villa Park", "the Palace of Independence", see
    ``lexicon.VENUE_HEADS``): tagged FAC, ending in a head no body's name ends with ("the Palace
    Theatre", ``lexicon.UNNAMED_VENUE_HEADS``), or an organization or untagged name after a
    place's preposition ("at Mansion House", "from Wall Street")."""
    words = span.surface.split()
    if len(words) < 2 or not all(w[:1].isupper() or w in ("of", "the") for w in words):
        return False
    heads = lex.VENUE_HEADS if span.label == "FAC" else _NAMED_VENUE_HEADS
    if not (words[-1].lower() in heads or (words[1] == "of" and words[0].lower() in heads)):
        return False
    if span.label == "FAC" or (words[-1].lower() in lex.UNNAMED_VENUE_HEADS and not _LISTED_BEFORE.search(
            span.sentence.text, 0, span.start - span.sentence.start)):
        # "buy the Palace Theatre" tagged ORG; "organisers were X Company, the Y Theater" a troupe
        return True
    before = _WORD_BEFORE_THE.search(span.sentence.text, 0, span.start - span.sentence.start)
    return before is not None and before.group(1).lower() in lex.LOCATIVES


def _venue(span: Span, gazetteer: Gazetteer) -> Mention:
    """A venue is a place of its owner's country ("Dublin's Point Theatre") or its town's
    ("Mansion House in London"; else see :func:`data_prep.places.settle_unresolved_places`), kept without
    coordinates: a same-named town abroad ("Villa Park", Illinois) is not the ground meant."""
    sentence = span.sentence
    offset = span.start - sentence.start
    code = None
    for found in (_OWNER_BEFORE.search(sentence.text, 0, offset),
                  _TOWN_AFTER.match(sentence.text, span.end - sentence.start)):
        name = found.group(1) if found else ""
        # Without the context: "Lansdowne Road, Dublin" in a match against the US is in Ireland.
        where = gazetteer.resolve(name) if name and name.lower() not in lex.MONTH_WORDS else None
        if where and where[0].country_code and (where[0].kind == "country" or where[1] >= SURE_REGION):
            code = where[0].country_code
            break
    return Mention(span, "place", f"place:{slugify(span.surface)}", span.surface, code,
                    certainty=UNRESOLVED_PLACE if code else UNKNOWN_PLACE, source="venue")


def _unknown_group(span: Span, gazetteer: Gazetteer) -> Mention | None:
    """A NORP no demonym row knows, nor one letter off it (see :func:`_misspelt_demonym`): a
    region's adjective ("Siberian", "Crimeans") or a region ("Essex") is no group, a name the
    model took for a people (one singular proper noun without a people word's ending:
    "Euronext") and a party named by its members ("the Social Democrats") an organization; else a group without a country ("Kurdish", "Crimean Tatar")."""
    surface = span.surface
    words = surface.split()
    if words[-1].lower() in lex.PARTY_MEMBERS and words[-1][0].isupper():
        return Mention(span, "organization", f"org:{slugify(surface)}", surface,
                       certainty=SURE if len(words) > 1 else LONE_ORGANIZATION)  # "the Greens": a party
    if len(words) == 1:
        stem = surface[:-1] if surface.endswith("s") and not surface.endswith("ss") else surface
        where = gazetteer.resolve(stem[:-1]) if stem.endswith("n") and len(stem) > 4 else None
        if where and where[0].kind == "place" and where[0].source in REGION_SOURCES:
            return None
        if not surface.lower().endswith(lex.PEOPLE_WORD_ENDINGS) and _last_tag(span) == "NNP":
            where = gazetteer.resolve(surface)
            if where and where[0].kind == "place":
                return None  # "Essex": a place's name, nobody's people (nor a firm's, unsaid)
            # Most such names are firms ("Euronext", "Clearstream said"); a lone name the
            # article tags otherwise elsewhere takes its majority kind there (linking).
            return Mention(span, "organization", f"org:{slugify(surface)}", surface, certainty=LONE_ORGANIZATION)
    return Mention(span, "group", f"group:{group_slug(surface)}", surface, certainty=UNKNOWN_GROUP)


def _misspelt_demonym(gazetteer: Gazetteer, word: str) -> str | None:
    """The country of a nationality one letter off ("Ukranian", "Ukrainain"), for words of six
    letters or more with a people word's ending, where one edit rarely makes another one."""
    if len(word) < 6 or not word.lower().endswith(lex.PEOPLE_WORD_ENDINGS):
        return None  # most names, before the costlier normalising
    key = normalize(word)
    demonyms, index = _DEMONYM_INDEX.get(id(gazetteer.demonyms), (None, None))
    if demonyms is not gazetteer.demonyms:  # built once per table
        index = defaultdict(list)
        for known, code in gazetteer.demonyms.items():
            index[known[:1], len(known)].append((known, code))
        _DEMONYM_INDEX[id(gazetteer.demonyms)] = (gazetteer.demonyms, index)
    codes = {code for size in (len(key) - 1, len(key), len(key) + 1)
             for known, code in index.get((key[:1], size), ()) if _one_edit(known, key)}
    return codes.pop() if len(codes) == 1 else None


# The demonym table's keys by first letter and length, per table: (table, index).
_DEMONYM_INDEX: dict[int, tuple[dict, dict[tuple[str, int], list[tuple[str, str]]]]] = {}


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one letter added, dropped, changed or two swapped."""
    if a == b:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) == len(b):
        return a[i + 1:] == b[i + 1:] or (a[i:i + 2] == b[i + 1::-1][:2] and a[i + 2:] == b[i + 2:])
    return a[i:] == b[i + 1:]


def _last_tag(span: Span) -> str:
    """The model's part-of-speech tag of the span's last token ("" when unparsed)."""
    sentence = span.sentence
    if sentence.span is None:
        return ""
    found = sentence.span.doc.char_span(span.start - sentence.base, span.end - sentence.base,
                                        alignment_mode="expand")
    return found[-1].tag_ if found is not None and len(found) else ""


def _names_no_group(surface: str) -> bool:
    """A regional or religious adjective or its plural ("Nordic", "Europeans", "Muslims")."""
    word = " ".join(surface.lower().replace("’", "'").split())
    if word.endswith("s") and word[:-1] in lex.NON_GROUP_ADJECTIVES:
        word = word[:-1]
    # "Eastern European": a direction and a region are no country's people either.
    return word in lex.NON_GROUP_ADJECTIVES or all(w in lex.NON_GROUP_ADJECTIVES for w in word.split())


def _type_person(span: Span, gazetteer: Gazetteer, names: ArticleNames,
                 context: dict[str, float], article: Counter) -> Mention | None:
    """A PERSON span: a person, unless a lone word that is clearly a place or nationality."""
    surface = span.surface
    words = name_tokens(surface)
    if any(ch.isdigit() for ch in surface):
        return None  # "Xbox 2"
    if len(words) == 1 and _names_no_group(surface):
        return None  # "Africans", "Muslims" tagged PERSON: a region's or a faith's people, nobody
    code = gazetteer.demonym_country(surface) if len(words) > 1 else None
    if code:
        return _country_group(span, gazetteer, code)  # "Sri Lankan" tagged PERSON
    found = gazetteer.resolve(surface, context)
    if found and found[0].kind == "country" and (len(words) > 1 or article.get(found[0].country_code)):
        return place_mention(span, found[0], found[1] * MISLABELLED_PLACE)  # "Sri Lanka" tagged PERSON
    if looks_like_company(words) and not names.has_part(surface):  # "PUTIN" of a heading is Putin
        return Mention(span, "organization", f"org:{slugify(surface)}", surface, certainty=COMPANY_TAGGED_PERSON)
    if (found and found[0].kind == "place" and found[0].population >= MIN_PLACE_POPULATION
            and _PART_OF_COUNTRY_AFTER.match(span.sentence.text, span.end - span.sentence.start)):
        return place_mention(span, found[0], found[1] * MISLABELLED_PLACE)  # "X in the east": no person
    if len(words) == 1 and not names.has_part(surface):
        if found and found[0].kind != "country" and plausible_place(found[0], span, article):
            return place_mention(span, found[0], found[1] * MISLABELLED_PLACE)  # "Kherson" tagged PERSON
        code = gazetteer.demonym_country(surface)
        if code:
            return _country_group(span, gazetteer, code)
    return Mention(span, "person", "", surface, certainty=SURE if is_full_name(words) else LONE_PERSON)


def _institution_mention(span: Span, gazetteer: Gazetteer, code: str, role: str,
                         certainty: float) -> Mention | None:
    """A country's body as one organization: ``inst:<CC>:<role>``, "Armed forces of Russia";
    its embassy as a plain organization ``org:embassy-of-<country>`` ("US embassy")."""
    country = gazetteer.country(code)
    if country is None:
        return None
    if role == MISSION:
        return Mention(span, "organization", f"org:embassy-of-{slugify(country.name)}", span.surface,
                        certainty=certainty)
    return Mention(span, "organization", f"inst:{code}:{role}", institution_name(role, country),
                    code, certainty=certainty, from_alias=True)


def _institution_span(text: str, inst: Institution) -> Span:
    return Span(inst.sentence, inst.start, inst.end, text[inst.start:inst.end], INSTITUTION)


# ---------------------------------------------------------------------------------------------
# Article


def extract_mentions(article: Article, sentences: Sequence[Sentence],
                     resources: Resources) -> list[dict]:
    """Mentions of persons, organizations, countries, places and groups in ``article``.

    One dict per mention with the keys of :data:`COLUMNS`, in text order; ``surface`` is
    always ``article.text[start:end]``.
    """
    gazetteer = resources.gazetteer
    spans = [s for sentence in sentences for s in _spans(article.text, sentence, gazetteer)]
    spans = split_glued_people(article.text, split_at_prepositions(article.text, spans), gazetteer)
    article_counts, by_sentence, anchors, landmarks = country_counts(spans, gazetteer)
    base_context = Counter(article_counts)
    dateline = places.dateline(article.text, spans, gazetteer)
    if dateline is not None:
        base_context[dateline.country_code] += DATELINE_WEIGHT
        if dateline.kind != "country":
            anchors.append((dateline.lat, dateline.lon))
    if article.source_country:
        base_context[article.source_country] += SOURCE_COUNTRY_WEIGHT
    consensus = consensus_country(spans, gazetteer)
    if consensus is not None:
        base_context[consensus[0]] += CONSENSUS_WEIGHT
        landmarks.extend(consensus[1])
    institutions = find_institutions(sentences, gazetteer, article_counts,
                                     home=home_country(article.source_country, article.source),
                                     dateline=dateline.country_code if dateline is not None else None)
    # A bare role inside a longer name the model found ("the Government of the Autonomous
    # Republic of Crimea") is that name's, not the country's body.
    institutions = [inst for inst in institutions if not inst.bare or not any(
        s.start < inst.end and inst.start < s.end and (s.start < inst.start or s.end > inst.end)
        for s in spans)]
    if institutions:
        # The nationality of "Russian forces" is part of the institution, not a group of its own.
        taken = [(inst.start, inst.end) for inst in institutions]
        spans = [s for s in spans if not any(s.start < end and start < s.end for start, end in taken)]
    cues = person_or_org_cues(article.text, spans)
    spans = _document_spans(spans, gazetteer)
    sport = sport_report(article.text)
    common = common_word_spans(article.text, spans)
    non_actors = (non_actor_spans(article.text, spans) | work_title_spans(article.text, spans, sport=sport)
                  | product_spans(article.text, spans)
                  | {id(s) for s in spans if s.label in ("ORG", "PERSON") and competition_name(s.surface, s.prev_word)}
                  | {id(s) for s in spans if id(s) in common and not (  # "a shop in Dijon" stays
                     s.prev_word.lower() in lex.LOCATIVES and gazetteer.resolve(s.surface))
                     and not gazetteer.demonym_country(s.surface)})  # "the Bangladeshi population"
    for span in spans:
        if id(span) in cues and not (span.label in ("GPE", "LOC") and (
                (cues[id(span)] == "PERSON" and gazetteer.resolve(span.surface))
                or (cues[id(span)] == "ORG" and _country_or_region(gazetteer, span.surface)))):
            # "the German chancellor, Olaf Scholz" tagged ORG; a town GeoNames knows, listed
            # among constituencies the model took for persons, stays a place.
            span.model_label, span.label = span.label, cues[id(span)]
    for span in spans:
        if span.label in ("PERSON", "ORG", TOKEN) and named_settlement(span):
            span.model_label, span.label = span.model_label or span.label, "GPE"  # "the village of X"
        elif id(span) in non_actors:  # "her X tour", a newsletter's name, "Brownite"
            span.model_label, span.label = span.model_label or span.label, NOT_ACTOR
    spans = _electoral_area_spans(article.text, spans, gazetteer, article_counts)
    _mark_listed_places(article.text, spans, gazetteer)
    spans = _name_list_people(article.text, sentences, spans, gazetteer)
    spans, teams = _result_row_spans(article.text, sentences, spans, gazetteer)
    mark_clubs(article.text, spans, gazetteer, sport, teams)
    mark_company_short_forms(spans, gazetteer)
    mark_nationality_short_forms(spans, gazetteer)
    # A name the alias table types ("Lib Dems" tagged PERSON) is nobody's full name, nor is a
    # nationality ("Sri Lankan" tagged PERSON once makes no person of its other mentions).
    names = collect_names([s for s in spans if not isinstance(gazetteer.alias(s.surface), Alias)
                           and not (s.label == "PERSON" and gazetteer.demonym_country(s.surface))])
    spans.extend(signature_places(article.text, sentences, spans, gazetteer))
    qualifiers, coordinated = places.qualifiers(article.text, spans, gazetteer)
    within = within_qualifiers(article.text, spans)
    mentions: list[Mention] = [
        m for inst in institutions
        if (m := _institution_mention(_institution_span(article.text, inst), gazetteer, inst.country_code,
                                      inst.role, BARE_INSTITUTION if inst.bare else SURE)) is not None]

    def type_span(span: Span) -> Mention | None:
        context = dict(base_context)
        for code, n in by_sentence.get(span.sentence.sentence_id, {}).items():
            context[code] = context.get(code, 0) + 2 * n  # the sentence's own countries weigh more
        if id(span) in within and (inside := place_within(span, within[id(span)], gazetteer, context)):
            return inside
        return _type_span(span, gazetteer, names, context, article_counts, qualifiers.get(id(span)),
                          coordinated.get(id(span), ()), anchors, qualified_by.get(id(span), ()),
                          article.source_country, landmarks)

    qualified_by: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        if id(span) in qualifiers:
            qualified_by[id(qualifiers[id(span)])].append(span)
    # Qualified places and their qualifiers first: "Paris, Texas" decides what a bare "Paris"
    # of the article is, "Atlanta, Georgia" what "Georgia" is.
    typed_first = {id(span): type_span(span) for span in spans if id(span) in qualifiers or id(span) in qualified_by}
    settled = {normalize(m.span.surface): m for m in typed_first.values()
               if m is not None and m.kind == "place" and m.lat is not None}
    for span in spans:
        if id(span) in typed_first:
            typed = typed_first[id(span)]
        elif span.label in ("GPE", "LOC", TOKEN, PART) and normalize(span.surface) in settled:
            known = settled[normalize(span.surface)]
            typed = Mention(span, known.kind, known.entity_id, known.name, known.country_code, known.lat,
                             known.lon, known.certainty, source=known.source)
        else:
            typed = type_span(span)
        if typed is not None and not (typed.kind == "place" and _names_a_treaty(article.text, span)):
            mentions.append(typed)
    mentions = _drop_ships_and_fleets(article.text, mentions)
    mentions = _lowercase_bodies(article.text, mentions, gazetteer)
    mentions = name_list_places(mentions)
    mentions = directional_parts(article.text, mentions, gazetteer)
    mentions = demonym_features(mentions, gazetteer)
    mentions = settle_unresolved_places(mentions, article.source_country, sport)
    mentions = _dedupe(mentions)
    link_in_article(mentions, names)
    return [_row(article, m) for m in mentions]


def _dedupe(mentions: list[Mention]) -> list[Mention]:
    """One mention per character span (a hyphen prefix can repeat a model entity), in text order."""
    seen: set[tuple[int, int]] = set()
    out = []
    for m in sorted(mentions, key=lambda m: (m.span.start, m.span.end)):
        key = (m.span.start, m.span.end)
        if key not in seen:
            seen.add(key)
            out.append(m)
    return out


def _row(article: Article, m: Mention) -> dict:
    agree = 1.0 if m.kind in _AGREES.get(m.span.model_label or m.span.label, ()) else 0.0
    return {
        "article_id": article.article_id,
        "sentence_id": m.span.sentence.sentence_id,
        "start": m.span.start,
        "end": m.span.end,
        "surface": m.span.surface,
        "kind": m.kind,
        "entity_id": m.entity_id,
        "name": m.name,
        "country_code": (m.country_code if m.kind in ("country", "place", "group")
                         or m.entity_id.startswith("inst:") else None),
        "lat": float(m.lat) if m.lat is not None else None,
        "lon": float(m.lon) if m.lon is not None else None,
        "confidence": round(0.4 + 0.3 * agree + 0.3 * max(0.0, min(1.0, m.certainty)), 2),
    }
