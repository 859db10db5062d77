"""Places: where a place mention is, read in its context.

:mod:`data_prep.mentions` builds the spans and types each one (``_type_span``); the functions
here decide which place a span is and in what country. The stages, in the order
``mentions.extract_mentions`` runs them:

1. The article's context, before any typing: the countries it names outright, per article and
   per sentence, and the states and regions near which its ambiguous places are looked for
   (:func:`country_counts`); the dateline's place (:func:`dateline`, "KYIV (Reuters) -",
   "PARIS, Texas —"); the country its ambiguous places agree on (:func:`consensus_country`:
   "Boston", "Cambridge" and "Worcester" together are in the US). The dateline and the
   record's ``source_country`` weigh like mentions of their country (the weights below).
2. What qualifies a place: "Paris, Texas" or "Weston, W.Va." (:func:`qualifiers`,
   :func:`qualifier_place`) picks the namesake in that country nearest to it, and its reading
   holds for the article's bare repeats; "the East End of London" (:func:`within_qualifiers`,
   :func:`place_within`) lies in London's country; a signature's "Harlow, Essex"
   (:func:`signature_places`) is a place whatever the model called it.
3. Reading one span (called by ``mentions._type_span``): :func:`resolve` tries the surface as
   written, then without a region or compass word; :func:`plausible_place` says whether a span
   the model did not call a place may still be one (the population thresholds below); a name
   followed by "region" or "oblast" is the region (:func:`region_suffix`, "Luhansk region"); a
   river, lake, bay or sea GeoNames lacks (:func:`water_body`, :func:`water_suffix`), a land
   feature named after a town (:func:`feature_place`, "the Suwalki Gap") and a place GeoNames
   lacks (:func:`unresolved_place`, its country from its list, :func:`listed_country`, or the
   context, :func:`context_country`) are places without coordinates.
4. After typing, over all mentions: a team sheet's names are no towns
   (:func:`name_list_places`); "eastern Ukraine" or "the south of France" adds a place for that
   part of the country (``region:UA:east``, :func:`directional_parts`) beside the country's
   mention; "the German Alps" is a place of Germany (:func:`demonym_features`); unresolved
   places take the article's dominant country, or are dropped when an actor has their words
   (:func:`settle_unresolved_places`).

Certainty levels (see the confidence formula in :mod:`data_prep.mentions`) and thresholds are
the constants below. Words live in :mod:`data_prep.lexicon` (``REGION_WORDS``, ``LOCATIVES``,
``SETTLEMENT_NOUNS``, ``PLACE_QUALIFIERS``, ``INLAND_WATER_NOUNS``, ``SEA_NOUNS``,
``FEATURE_HEADS``, ``DEMONYM_FEATURES``); names, aliases and states in
:mod:`data_prep.gazetteer`; compass directions in :mod:`data_prep.regions`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from . import lexicon as lex
from .gazetteer import REGION_SOURCES, Gazetteer, Place, normalize, slugify
from .name_lists import NAME_LIST_ITEMS, name_list_items
from .names import ArticleNames
from .records import Sentence
from .regions import direction_of
from .spans import OTHER_LABELS, PART, TOKEN, Mention, Span

__all__ = ["MIN_PLACE_POPULATION", "PLACE_IN_CONTEXT_POPULATION", "PLACE_IN_ARTICLE_POPULATION", "SURE",
           "MISLABELLED_PLACE", "QUALIFIED_PLACE", "UNRESOLVED_PLACE", "UNKNOWN_PLACE", "SURE_PLACE",
           "SURE_REGION", "DATELINE_WEIGHT", "SOURCE_COUNTRY_WEIGHT", "CONSENSUS_WEIGHT", "COORDINATION",
           "abbreviated_state", "acronym_town", "consensus_country", "context_country", "country_counts",
           "dateline", "demonym_features", "directional_parts", "feature_place", "listed_country",
           "name_list_places", "named_settlement", "namesake_state", "near_place_words", "place_mention",
           "place_within", "plausible_place", "qualifier_place", "qualifiers", "region_suffix", "resolve",
           "settle_unresolved_places", "signature_places", "unresolved_place", "water_body", "water_suffix",
           "within_qualifiers"]

# A country's formal name the alias table lacks ("Republic of Belarus", "Kingdom of Bahrain").
_FORMAL_STATE = re.compile(r"^(?:(?:Federal|Islamic|Democratic|Socialist|People's|Arab)\s+)*"
                           r"(?:Republic|Kingdom|Principality|Sultanate|Emirate|State|Commonwealth)\s+of\s+(?:the\s+)?(.+)$")
_COMPASS = re.compile(rf"^(?:{'|'.join(lex.PLACE_QUALIFIERS)})\s+", re.IGNORECASE)
SIGNATURE_CHARS = 60  # the longest line a signature's name or place takes
_SIGNATURE_PLACE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")  # "Exeter", "Wood Green"
_SIGNATURE_PAIR = re.compile(rf"({_SIGNATURE_PLACE.pattern}), ({_SIGNATURE_PLACE.pattern})")  # "Aberaeron, Ceredigion"
# Thresholds (people in GeoNames) for taking a place the model labelled as something else.
MIN_PLACE_POPULATION = 5_000        # tiny GPEs count only inside the article's countries
PLACE_IN_CONTEXT_POPULATION = 15_000  # "in X" / "X region" next to the span
PLACE_IN_ARTICLE_POPULATION = 50_000  # X lies in a country the article talks about
PLACE_ALONE_POPULATION = 500_000     # big enough to be a place without any context
# Certainty of a typing (see the confidence formula in data_prep.mentions); linking may change it later.
SURE = 1.0                 # aliases, demonyms, full person names, multi-word organizations
MISLABELLED_PLACE = 0.8    # factor on the gazetteer's certainty for a place labelled otherwise
ACRONYM_LETTERS = 5  # at most, in an untagged or organization's acronym read as a small town
QUALIFIED_PLACE = 0.9      # at least: "Paris, Texas" resolved within its qualifier's country
UNRESOLVED_PLACE = 0.4     # a model place GeoNames lacks, with a country from the text
UNKNOWN_PLACE = 0.2        # ... and without one
# A context country is a lone unresolved place's country from this share of the context on.
CONTEXT_COUNTRY_SHARE = 0.5
VENUE_COUNTRY_SHARE = 0.75  # ... and a venue's, when its sentence names no country
_ABBREVIATION = re.compile(r"[A-Z][A-Za-z.]{0,5}\.")  # "Pa.", "W.Va.", "B.C.": a qualifier, never a list's item
_LIST_AFTER = re.compile(r",?\s+(?:and|or|&)\s+[A-Z]|,\s*[A-Z]")
COORDINATION = re.compile(r",?\s+(?:and|or)\s+|,\s+")
# Gazetteer certainty from which a place is sure enough to vouch for its country.
SURE_PLACE = 0.9
SURE_REGION = 0.6  # a state or region is named on purpose: a clear lead is enough ("Virginia")
# Context weights, in mentions of a country: the dateline's place ("KYIV (Reuters) -") and
# the source's country (the optional ``source_country`` of an input record).
DATELINE_WEIGHT = 3.0
SOURCE_COUNTRY_WEIGHT = 1.0
# Ambiguous places that agree on a country (see consensus_country): its weight in the context,
# the least people a namesake needs to count, and the names that must agree.
CONSENSUS_WEIGHT = 1.0
CONSENSUS_POPULATION = 10_000
CONSENSUS_NAMES = 2
# Gazetteer sources of a country's subdivisions (its states, regions, counties).
_SUBDIVISIONS = REGION_SOURCES - {"alias"}
# Words after a name that make it a region's: "Luhansk region" is the oblast, not the city.
_REGION_SUFFIXES = frozenset({"region", "oblast", "province", "governorate", "prefecture", "state",
                              "krai", "county"})
# "eastern Ukraine", "north-eastern Syria" / "the south of France" before a country or region.
_DIRECTION_ADJECTIVE = re.compile(r"\b((?:north|south)(?:[- ]?(?:east|west))?ern|eastern|western|central)\s+$",
                                  re.IGNORECASE)
_DIRECTION_OF = re.compile(r"\bthe\s+((?:north|south)(?:[- ]?(?:east|west))?|east|west|centre|center)\s+of\s+$",
                           re.IGNORECASE)
# "Donetsk, Luhansk and Kherson regions": the words after the first names of such a list.
_NAME = r"[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?"
_LISTED_REGIONS = re.compile(rf"(?:,\s*{_NAME})*,?\s+(?:and|or|&)\s+{_NAME}\s+([a-z]+s)\b")
# The names a place is listed with: "Kherson and X regions", "X, Kharkiv and Sumy".
_PARTNER_BEFORE = re.compile(r"([A-Z][\w'’-]+)\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)$")
_PARTNER_AFTER = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|&)\s+)([A-Z][\w'’-]+)")
# "the village of X", "the villages of X and Y", "the town of X", "the republic of X": what
# follows is a place.
_SETTLEMENT_OF = re.compile(r"\b(?:villages?|towns?|cit(?:y|ies)|settlements?|hamlets?|republics?|regions?"
                            r"|provinces?|districts?|oblasts?)\s+of\s+"
                            r"(?:[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?,?\s+(?:and\s+|or\s+)?)*$")
_FEATURE_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(w.capitalize() for w in lex.DEMONYM_FEATURES)) + r")\b")  # "German Alps"
_WATER_NOUNS = lex.INLAND_WATER_NOUNS | lex.SEA_NOUNS
_NAME_HEADS = lex.TREATY_NOUNS | lex.NON_ACTOR_HEADS  # "the Gulf of Tonkin Resolution" is no gulf
_LEADING_WATERS = frozenset({"river", "lake"})  # before the name without "of"
_TOWN_WATERS = frozenset({"bay", "harbour", "harbor", "lagoon"})  # named after the town on them
_DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?\s*(?:\([A-Za-z ]{2,20}\)\s*)?[-–—]")


def _place_forms(surface: str) -> list[str]:
    """Forms to try for a place: as written, without "X region", without "eastern"."""
    forms = [surface]
    words = surface.split()
    if len(words) > 1 and words[-1].lower() in lex.REGION_WORDS - lex.NAMED_REGION_WORDS:
        forms.append(" ".join(words[:-1]))
    stripped = _COMPASS.sub("", surface)
    if stripped and stripped != surface:
        forms.append(stripped)
    return forms


def resolve(gazetteer: Gazetteer, surface: str, context: dict[str, float], *,
            exact: bool = False, **within) -> tuple[Place, float] | None:
    """Resolve ``surface`` as written, then (unless ``exact``) without region or compass words;
    ``within`` passes ``country``/``accept`` to :meth:`Gazetteer.resolve`."""
    for form in [surface] if exact else _place_forms(surface):
        found = gazetteer.resolve(form, context, **within)
        if found:
            return found
    formal = None if exact or "accept" in within or "country" in within else _FORMAL_STATE.match(surface)
    if formal:  # "the Republic of Belarus": the country, when the rest names one
        return gazetteer.resolve(formal.group(1), context, accept=lambda p: p.kind == "country")
    return None


def place_mention(span: Span, place: Place, certainty: float) -> Mention:
    return Mention(span, place.kind, place.entity_id, place.name, place.country_code, place.lat,
                    place.lon, certainty, source=place.source)


def near_place_words(span: Span) -> bool:
    """A preposition or verb of place or a settlement noun before, or a region word after ("in
    Kursk", "the city Kursk", "Kursk region")."""
    return (span.prev_word.lower() in lex.LOCATIVES or span.prev_word in lex.SETTLEMENT_NOUNS
            or span.next_word.lower() in lex.REGION_WORDS)


def acronym_town(surface: str, place: Place) -> bool:
    """An all-capitals name matching a small town: "NATO" is no Nato, "EU territory" no Eu; a
    dateline's "MINSK" is a big city."""
    return (surface.isupper() and place.source in ("city", "region", "county")
            and place.population < PLACE_IN_ARTICLE_POPULATION * 2)


def plausible_place(place: Place, span: Span, article: Counter) -> bool:
    """Whether a span the model did not call a place may still be this place."""
    if place.kind == "country" or place.source in ("alias", "continent"):
        return True
    if acronym_town(span.surface, place) and sum(ch.isalpha() for ch in span.surface) <= ACRONYM_LETTERS:
        return False  # "EU territory", "SET industry boards"; not a dateline's "WIMBLEDON, England"
    in_article = bool(place.country_code and article.get(place.country_code))
    if place.source in ("region", "county") and not in_article:
        return False  # "GRAD missiles", "Meta": a region abroad by a name that is also a word
    if span.next_word.lower() in lex.REGION_WORDS:
        return place.population >= MIN_PLACE_POPULATION or in_article
    if span.next_word.lower() in lex.SITE_WORDS:
        return in_article
    if near_place_words(span):
        # "toward X" names a small town of the article's country as well ("toward Manhush"),
        # not an acronym ("in EU-wide measures" is no town Eu)
        return place.population >= PLACE_IN_CONTEXT_POPULATION or (
            in_article and place.population >= MIN_PLACE_POPULATION and not span.surface.isupper())
    return (place.population >= PLACE_ALONE_POPULATION
            or (in_article and place.population >= PLACE_IN_ARTICLE_POPULATION)
            or (place.capital and span.label == "ORG"))  # "Moscow said", "Washington warned"


def qualifiers(text: str, spans: list[Span], gazetteer: Gazetteer) -> tuple[dict[int, Span], dict[int, list[Span]]]:
    """The place qualifying a span as in "Paris, Texas" or "Aberaeron, Ceredigion", keyed by
    the span's id (a comma list, "Kyiv, Lviv and Odesa", qualifies nothing, but a state or an
    abbreviation still does: "Paris, Texas, and Atlanta, Georgia"), and the places
    coordinated with a place ("Oregon or Washington")."""
    places = {s.start: s for s in spans if s.label in ("GPE", "LOC", TOKEN)}
    qualified, coordinated = {}, defaultdict(list)
    for s in spans:
        if s.label not in ("GPE", "LOC", "PERSON", "ORG", TOKEN, PART):
            continue
        if text[s.end:s.end + 1] == ",":
            q = places.get(s.end + 2 if text[s.end + 1:s.end + 2] == " " else s.end + 1)
            if s.label == "ORG" and not (q is not None and _ABBREVIATION.fullmatch(q.surface)):
                continue  # "Burlington, Vt.": a town the model took for the firm
            if q is not None and q.sentence is s.sentence and (
                    not _LIST_AFTER.match(text, q.end) or _ABBREVIATION.fullmatch(q.surface)  # "Lebanon, Pa., and"
                    or (s.label in ("GPE", "LOC") and _state_qualifies(gazetteer, s.surface, q.surface))):
                qualified[id(s)] = q
                continue
        joint = COORDINATION.match(text, s.end)
        partner = places.get(joint.end()) if joint else None
        if partner is not None and partner.sentence is s.sentence and s.label in ("GPE", "LOC"):
            coordinated[id(s)].append(partner)
            coordinated[id(partner)].append(s)
    return qualified, coordinated


_WITHIN = re.compile(r"\s+(?:of|in)\s+")


def within_qualifiers(text: str, spans: list[Span]) -> dict[int, Span]:
    """The place after "of" or "in" that holds a place span ("the East End of London",
    "Hampstead Heath in London"), keyed by the span's id; not a possessive ("in Russia's war")."""
    places = {s.start: s for s in spans if s.label in ("GPE", "LOC", TOKEN)}
    found = {}
    for s in spans:
        joint = _WITHIN.match(text, s.end) if s.label in ("GPE", "LOC") else None
        q = places.get(joint.end()) if joint else None
        if q is not None and q.sentence is s.sentence and text[q.end:q.end + 1] not in ("'", "’"):
            found[id(s)] = q
    return found


def place_within(span: Span, q: Span, gazetteer: Gazetteer, context: dict[str, float]) -> Mention | None:
    """A district of a town or country ("the East End of London") lies in its country: a small
    namesake GeoNames ranks first abroad (a town East End in the US) gives way to one there or
    to an unresolved place of that country. None leaves the span to the usual typing (a big
    town abroad stays: "Kyiv in Russia" is no Russian Kyiv)."""
    outer = gazetteer.resolve(q.surface, context)
    if not outer or not outer[0].country_code or not (
            outer[0].kind == "country" or outer[0].population >= PLACE_IN_CONTEXT_POPULATION):
        return None
    code = outer[0].country_code
    own = resolve(gazetteer, span.surface, context)
    if own is None and span.prev_word.lower() not in lex.LOCATIVES | {"the"}:
        return None  # "owner of Liffe in London", "Tirunesh Dibaba of Ethiopia": no place named
    if (own and (own[0].country_code == code or own[0].kind == "country"
                 or own[0].population >= PLACE_IN_ARTICLE_POPULATION)) or not all(
            w[:1].isupper() for w in span.surface.split()):
        return None
    inside = resolve(gazetteer, span.surface, context, country=code)
    if inside:
        return place_mention(span, inside[0], max(inside[1], QUALIFIED_PLACE))
    return Mention(span, "place", f"place:{slugify(span.surface)}", span.surface, code, certainty=UNRESOLVED_PLACE)


def signature_places(text: str, sentences: Sequence[Sentence], spans: list[Span],
                     gazetteer: Gazetteer) -> list[Span]:
    """A line that is only "Town, Region" ("Harlow, Essex", "Wood Green, London"), or only a
    capitalised name or "Town, Region" right after a line that is only a person's name (a
    letter's "Jane Doe" / "Leeds", "John Smith" / "Aberaeron, Ceredigion"), is a signature's place: its names are relabelled places, whatever the model
    called them. Returns the spans of such lone names the model did not tag."""
    short = {s.sentence_id for s in sentences if len(s.text) <= SIGNATURE_CHARS}
    if not short:
        return []
    by_line: dict[int, list[Span]] = defaultdict(list)
    for span in spans:
        if span.sentence.sentence_id in short:
            by_line[span.sentence.sentence_id].append(span)
    added = []
    previous: list[Span] | None = None
    for sentence in sentences:
        if sentence.sentence_id not in short:
            previous = None
            continue
        line = sorted(by_line.get(sentence.sentence_id, []), key=lambda s: s.start)
        words = sentence.text.strip()
        if len(line) == 2 and words == f"{line[0].surface}, {line[1].surface}":
            town, region = line
            found = gazetteer.resolve(region.surface)
            if (found and found[0].country_code and town.label in ("ORG", "NORP", TOKEN)
                    and not gazetteer.demonym_country(region.surface)):
                town.model_label, town.label = town.model_label or town.label, "GPE"
                if region.label in ("NORP", "ORG", TOKEN):  # "Essex" tagged NORP
                    region.model_label, region.label = region.model_label or region.label, "GPE"
        elif (previous and len(previous) == 1 and previous[0].label == "PERSON"
              and previous[0].sentence.text.strip() == previous[0].surface
              and (pair := _SIGNATURE_PAIR.fullmatch(words)) and gazetteer.resolve(pair.group(2))):
            # "Jane Doe" / "Aberaeron, Ceredigion": a town and its county or state, tagged or not
            at = sentence.start + sentence.text.index(words)
            for group in (1, 2):
                start, end = at + pair.start(group), at + pair.end(group)
                same = next((s for s in line if (s.start, s.end) == (start, end)), None)
                if same is not None and same.label in ("ORG", "NORP", TOKEN):
                    same.model_label, same.label = same.model_label or same.label, "GPE"
                elif same is None and not any(s.start < end and start < s.end for s in line):
                    added.append(Span(sentence, start, end, text[start:end], "GPE",
                                      "" if group == 1 else ",", "," if group == 1 else ""))
        elif (previous and len(previous) == 1 and previous[0].label == "PERSON"
              and previous[0].sentence.text.strip() == previous[0].surface and len(line) <= 1
              and _SIGNATURE_PLACE.fullmatch(words) and not gazetteer.demonym_country(words)):
            if line and line[0].surface == words and line[0].label in ("ORG", "NORP", TOKEN):
                line[0].model_label, line[0].label = line[0].model_label or line[0].label, "GPE"
            elif not line:
                start = sentence.start + sentence.text.index(words)
                added.append(Span(sentence, start, start + len(words), text[start:start + len(words)], "GPE"))
        previous = line
    return added


def qualifier_place(q: Span, gazetteer: Gazetteer, context: dict[str, float], surface: str) -> Place | None:
    """The place qualifying ``surface`` ("Paris, Texas"): a country, a US state (also abbreviated:
    "W.Va.", "TX") or a region ("Ceredigion", "Crimea") with a country. A country with no place
    called ``surface`` gives way to a same-named state that has one ("Atlanta, Georgia")."""
    found = gazetteer.resolve(q.surface, context)
    if found and found[0].country_code and (found[0].kind == "country" or found[0].source in REGION_SOURCES):
        if found[0].kind != "country" or gazetteer.resolve(surface, country=found[0].country_code):
            return found[0]
        region = gazetteer.resolve(q.surface, context, accept=lambda p: p.kind != "country"
                                   and p.source in REGION_SOURCES and p.country_code is not None)
        if region and gazetteer.resolve(surface, country=region[0].country_code):
            return region[0]
        return found[0]
    return gazetteer.us_state(q.surface)


def _state_qualifies(gazetteer: Gazetteer, surface: str, qualifier: str) -> bool:
    """Whether ``qualifier`` is a state ("Texas"), which a list's item is not ("Lviv"), after a
    name that is no country ("Italy, Georgia and ..." is a list of countries) and is a town of
    the state's country (not a band listed before "Texas", the band)."""
    found, own = gazetteer.resolve(qualifier), gazetteer.resolve(surface)
    return (found is not None and found[0].source == "state"
            and not (own is not None and own[0].kind == "country")
            and gazetteer.resolve(surface, country=found[0].country_code) is not None)


def abbreviated_state(gazetteer: Gazetteer, surface: str) -> bool:
    """Whether ``surface`` is a US state's abbreviation ("Pa.", "TX"), not its name, or another
    country's region abbreviated in the aliases ("B.C.", "Ont.")."""
    state = gazetteer.us_state(surface)
    if state is not None:
        return normalize(state.name) != normalize(surface)
    found = gazetteer.resolve(surface) if _ABBREVIATION.fullmatch(surface) else None
    return found is not None and found[0].kind == "place" and found[0].source in REGION_SOURCES


def _region_word(word: str) -> str | None:
    """"region", "oblast", "regions" -> the singular region word; None for other words."""
    word = word.lower()
    if word not in _REGION_SUFFIXES and word.endswith("s"):
        word = word[:-1]
    return word if word in _REGION_SUFFIXES else None


def region_suffix(span: Span, gazetteer: Gazetteer, context: dict[str, float]) -> tuple[Place, float] | None:
    """"Luhansk" followed by "region" or "oblast": the region (not the city), and the span is
    widened to cover the word. In "Donetsk and Luhansk regions" the first one is a region too."""
    word = _region_word(span.next_word)
    if word is None:
        listed = _LISTED_REGIONS.match(span.sentence.text, span.end - span.sentence.start)
        word = _region_word(listed.group(1)) if listed else None
        found = gazetteer.resolve(f"{span.surface} {word}", context) if word else None
        return found if found and found[0].source in _SUBDIVISIONS else None
    found = gazetteer.resolve(f"{span.surface} {word}", context)
    if not found or found[0].source not in _SUBDIVISIONS:
        return None
    sentence = span.sentence
    match = re.compile(r"\s+" + re.escape(span.next_word)).match(sentence.text, span.end - sentence.start)
    if match is None:  # "Donetsk" of "Donetsk and Luhansk regions" tagged as one entity
        return found if span.label == PART else None
    span.end = sentence.start + match.end()
    span.surface = sentence.text[span.start - sentence.start:match.end()]
    span.next_word = ""
    return found


def listed_country(span: Span, gazetteer: Gazetteer, context: dict[str, float]) -> str | None:
    """The country of the places a place GeoNames lacks is listed with ("the Kherson and
    Zaporizhia regions": a spelling of Zaporizhzhia that is no Russian town): listed places are
    of one country when those of the list that resolve surely agree."""
    sentence = span.sentence
    offset = span.start - sentence.start
    word = _region_word(span.next_word)
    codes = set()
    for found in (_PARTNER_BEFORE.search(sentence.text, 0, offset),
                  _PARTNER_AFTER.match(sentence.text, span.end - sentence.start)):
        if found is None:
            continue
        name = found.group(1)
        where = (gazetteer.resolve(f"{name} {word}", context) if word else None) or gazetteer.resolve(name, context)
        if where and where[0].country_code and where[0].kind != "country" and (
                where[0].source in _SUBDIVISIONS or where[1] >= SURE_PLACE):  # "Japan and Korea": no
            codes.add(where[0].country_code)
    return codes.pop() if len(codes) == 1 else None


def name_list_places(mentions: list[Mention]) -> list[Mention]:
    """Places that are items of a list of names, most of which are no places (a team sheet:
    "Murphy, Horgan, D'Arcy, Hayes, O'Kelly, ..."): the surnames of players, not towns."""
    listed = {id(m.span.sentence): m.span.sentence for m in mentions
              if m.kind in ("place", "country") and m.span.sentence.text.count(",") >= NAME_LIST_ITEMS - 1}
    drop = set()
    for sentence in listed.values():
        items = {(sentence.start + a, sentence.start + b) for a, b in name_list_items(sentence.text)}
        places = [m for m in mentions if m.span.sentence is sentence and m.kind in ("place", "country")]
        if items and len(places) < len(items) / 2:
            drop.update(id(m) for m in places if any(a <= m.span.start and m.span.end == b for a, b in items))
    return [m for m in mentions if id(m) not in drop] if drop else mentions


def named_settlement(span: Span) -> bool:
    """Whether a settlement noun and "of" name the span a place: "the villages of X and Y"."""
    sentence = span.sentence
    offset = span.start - sentence.start
    return _SETTLEMENT_OF.search(sentence.text, max(0, offset - 80), offset) is not None


def context_country(context: dict[str, float], source_country: str | None = None,
                    share: float = CONTEXT_COUNTRY_SHARE) -> str | None:
    """The country with at least half the context; the source's own country does not count
    (a British paper's unknown village in a story from Ukraine is Ukrainian)."""
    if source_country in context:
        context = {**context, source_country: context[source_country] - SOURCE_COUNTRY_WEIGHT}
    total = sum(context.values())
    if not total:
        return None
    code, weight = max(context.items(), key=lambda kv: kv[1])
    return code if weight >= share * total else None


def water_body(span: Span, gazetteer: Gazetteer, context: dict[str, float]) -> Mention | None:
    """A river, lake, bay or sea GeoNames lacks ("River Tyne", "the Siverskyi Donets river",
    "Sevastopol Bay", "the Gulf of Tonkin"): a place without coordinates. A river or bay named
    after a place lies in that place's country (a bay at its town's point); another river takes
    the article's country later (see :func:`settle_unresolved_places`); a sea has none."""
    words = span.surface.split()
    if len(words) < 2:
        return None
    if words[0].lower() in _LEADING_WATERS or (words[0].lower() in lex.SEA_NOUNS | {"bay"} and words[1] == "of"):
        # "River Tyne", "Lake Como", "the Gulf of Tonkin"; not "Ocean Victory", nor the
        # "Gulf of Tonkin Resolution" a law or event label gives
        head, name = words[0].lower(), words[2:] if words[1] == "of" else words[1:]
        if span.label in OTHER_LABELS and len(name) > 1:
            return None
    elif words[-1].lower() in _WATER_NOUNS:
        head, name = words[-1].lower(), words[:-1]
    else:
        return None
    if (not 1 <= len(name) <= 3 or not all(w[:1].isupper() for w in name)
            or words[-1].lower() in _NAME_HEADS):
        return None
    code, lat, lon = None, None, None
    if head in lex.INLAND_WATER_NOUNS:
        found = gazetteer.resolve(" ".join(name), context)
        if found and found[0].country_code and (found[0].kind == "country" or found[0].source in REGION_SOURCES
                                                or found[0].population >= PLACE_IN_CONTEXT_POPULATION):
            code = found[0].country_code
            if found[0].source == "city" and head in _TOWN_WATERS:
                lat, lon = found[0].lat, found[0].lon  # "Sevastopol Bay" lies at Sevastopol
    return Mention(span, "place", f"place:{slugify(span.surface)}", span.surface, code, lat, lon,
                    certainty=UNRESOLVED_PLACE if code else UNKNOWN_PLACE,
                    source="sea" if head in lex.SEA_NOUNS else "water")


def water_suffix(span: Span, gazetteer: Gazetteer, context: dict[str, float]) -> Mention | None:
    """A name followed by "river" or "lake" outside its span: the span takes the word, and is
    the river the alias table knows ("Dnieper river") or one it lacks (:func:`water_body`)."""
    sentence = span.sentence
    match = re.compile(r"\s+" + re.escape(span.next_word) + r"\b").match(sentence.text, span.end - sentence.start)
    if match is None:
        return None
    end, surface = sentence.start + match.end(), sentence.text[span.start - sentence.start:match.end()]
    known = gazetteer.alias(surface)
    if known is not None and not isinstance(known, Place):
        return None
    span.end, span.surface, span.next_word = end, surface, ""
    return place_mention(span, known, SURE) if known is not None else water_body(span, gazetteer, context)


def feature_place(span: Span, gazetteer: Gazetteer, context: dict[str, float]) -> Mention | None:
    """"the Suwalki Gap", "the Lachin Corridor" (``lexicon.FEATURE_HEADS``): a land feature named
    after a place GeoNames knows is a place of that place's country, at its point."""
    words = span.surface.split()
    if len(words) < 2 or words[-1].lower() not in lex.FEATURE_HEADS or not words[-1][:1].isupper():
        return None
    if gazetteer.resolve(span.surface):
        return None  # a feature GeoNames knows by its whole name is typed as any place
    found = gazetteer.resolve(" ".join(words[:-1]), context)
    if not found or not found[0].country_code or found[0].kind == "country":
        return None  # "the Ukraine Corridor" is no feature of a town
    place = found[0]
    return Mention(span, "place", f"place:{slugify(span.surface)}", span.surface, place.country_code,
                    place.lat, place.lon, found[1] * MISLABELLED_PLACE)


def unresolved_place(span: Span, names: ArticleNames, code: str | None, *,
                     qualified: bool = False) -> Mention | None:
    """A place the model found that GeoNames lacks ("Andhra Pradesh", "Pike County"): kept
    without coordinates, with the country the text gives, when it looks like a place name
    and the text says it is one (a qualifier, "in X", "X region")."""
    surface = span.surface
    words = surface.split()
    if (len(surface) < 3 or len(words) > 4 or surface.isupper() or any(ch.isdigit() for ch in surface)
            or not all(w[:1].isupper() or w in lex.NAME_PARTICLES or w in ("of", "and") for w in words)
            or any(w.lower() in lex.ORG_HEAD_NOUNS for w in words)
            or any(names.has_part(w) for w in words)):
        return None
    if not (qualified or span.prev_word.lower() in lex.LOCATIVES or named_settlement(span)
            or words[-1].lower() in lex.REGION_WORDS or span.next_word.lower() in lex.REGION_WORDS):
        return None
    return Mention(span, "place", f"place:{slugify(surface)}", surface, code,
                    certainty=UNRESOLVED_PLACE if code else UNKNOWN_PLACE)


def namesake_state(gazetteer: Gazetteer, surface: str, country: Place,
                   context: dict[str, float] | None = None) -> tuple[Place, float] | None:
    """A state or region of another country called like ``country`` ("Georgia")."""
    return gazetteer.resolve(surface, context, accept=lambda p: (
        p.kind == "place" and p.source in ("state", "region") and p.country_code not in (None, country.country_code)))


def country_counts(spans: list[Span], gazetteer: Gazetteer) -> tuple[
        Counter, dict[int, Counter], list[tuple[float, float]], list[tuple[str, float, float]]]:
    """Countries the article names outright (countries, demonyms, unambiguous places): in all,
    and per sentence; the points of the states and regions it names ("Virginia", "Donetsk
    region"), near which its ambiguous places are looked for ("Alexandria" is the one in
    Virginia); and the sure places it names, as (key, lat, lon). PERSON spans do not count, so
    a mislabel cannot confirm itself, nor does a country named like another's state (Georgia)."""
    article: Counter = Counter()
    by_sentence: dict[int, Counter] = defaultdict(Counter)
    anchors: dict[str, tuple[float, float]] = {}
    landmarks: list[tuple[str, float, float]] = []
    for span in spans:
        if span.label not in ("GPE", "LOC", "NORP", TOKEN, PART):
            continue
        code = gazetteer.demonym_country(span.surface)
        if code is None:
            found = gazetteer.resolve(span.surface)
            word = _region_word(span.next_word)
            if word:
                found = gazetteer.resolve(f"{span.surface} {word}") or found
            # Only places sure and big enough to vouch for a country: a hamlet would confirm itself.
            if found and found[0].country_code and (
                    found[0].kind == "country" or found[0].source == "alias"
                    or (found[1] >= SURE_PLACE and found[0].population >= PLACE_IN_ARTICLE_POPULATION
                        and found[0].source not in ("region", "county"))  # their population is a rank
                    or (found[1] >= SURE_REGION and found[0].source in REGION_SOURCES
                        and span.label in ("GPE", "LOC"))):
                code = found[0].country_code
                if found[0].kind != "country":
                    landmarks.append((normalize(span.surface), found[0].lat, found[0].lon))
                    if found[0].source in REGION_SOURCES:
                        anchors.setdefault(found[0].entity_id, (found[0].lat, found[0].lon))
                elif namesake_state(gazetteer, span.surface, found[0]):
                    code = None  # "Georgia" may be the state: its neighbours decide (see mentions._type_span)
        if code:
            article[code] += 1
            by_sentence[span.sentence.sentence_id][code] += 1
    return article, by_sentence, list(anchors.values()), landmarks


def consensus_country(spans: list[Span], gazetteer: Gazetteer
                      ) -> tuple[str, list[tuple[str, float, float]]] | None:
    """The country where the article's ambiguous places lie together, and their towns there as
    landmarks: none of "Boston", "Cambridge" and "Worcester" is sure alone, but each has a big
    town in the US. Each ambiguous name votes for the countries of its namesakes by their share
    of its people; a country needs the votes of two names and twice the next one's votes."""
    votes: Counter = Counter()
    towns: dict[str, dict[str, Place]] = {}
    for span in spans:
        key = normalize(span.surface)
        if span.label not in ("GPE", "LOC") or key in towns or gazetteer.demonym_country(span.surface):
            continue
        found = gazetteer.resolve(span.surface)
        if found is None or found[0].kind == "country" or found[1] >= SURE_PLACE:
            continue  # a sure place vouches for its country already (see country_counts)
        best: dict[str, Place] = {}
        for place, alternate in gazetteer.candidates(span.surface):
            code = place.country_code
            if (not alternate and code and place.kind == "place" and place.population >= CONSENSUS_POPULATION
                    and place.population > getattr(best.get(code), "population", 0)):
                best[code] = place
        total = sum(p.population for p in best.values())
        if len(best) < 2:
            continue
        towns[key] = best
        for code, place in best.items():
            votes[code] += place.population / total
    ranked = votes.most_common(2)
    if not ranked:
        return None
    top, score = ranked[0]
    named = sum(1 for best in towns.values() if top in best)
    if named < CONSENSUS_NAMES or (len(ranked) > 1 and score < 2 * ranked[1][1]):
        return None
    return top, [(key, best[top].lat, best[top].lon) for key, best in towns.items() if top in best]


def dateline(text: str, spans: list[Span], gazetteer: Gazetteer) -> Place | None:
    """The place of the article's dateline ("KYIV, Ukraine (Reuters) -", "PARIS, Texas —"): a
    place opening one of its first lines and followed by an agency or a dash."""
    for span in spans:
        if span.sentence.sentence_id > 3:
            break
        if (span.start != span.sentence.start or span.label not in ("GPE", "LOC", "ORG", TOKEN)
                or not _DATELINE_AFTER.match(text, span.end)):
            continue
        qualifier = re.match(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", text[span.end:span.end + 40])
        where = None
        if qualifier:
            found = gazetteer.resolve(qualifier.group(1))
            where = found[0] if found and found[0].country_code else gazetteer.us_state(qualifier.group(1))
        if where is not None:
            point = () if where.kind == "country" else ((where.lat, where.lon),)
            found = gazetteer.resolve(span.surface, country=where.country_code, near=point)
        else:
            found = gazetteer.resolve(span.surface)
        if found and found[0].country_code:
            return found[0]
    return None


def directional_parts(text: str, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"eastern Ukraine", "the south of France", "Northern England": a place for that part of
    the country or region, covering the phrase; the country's own mention stays for its name."""
    parts = []
    for m in mentions:
        if m.lat is None or not (m.kind == "country" or m.source in REGION_SOURCES) or not m.country_code:
            continue
        span = m.span
        inner = _COMPASS.match(span.surface)
        direction = None
        if inner and inner.group(0).strip().lower().endswith(("ern", "central")):
            whole_name = gazetteer.resolve(span.surface)  # "Western Australia", "South Korea": names
            if not (whole_name and whole_name[0].entity_id == m.entity_id):
                direction = direction_of(inner.group(0))
        start = span.start
        if direction is None:
            before = text[max(0, span.start - 30):span.start]
            found = _DIRECTION_ADJECTIVE.search(before) or _DIRECTION_OF.search(before)
            if not found:
                continue
            word = found.group(1).lower()
            direction = "central" if word in ("centre", "center") else direction_of(word)
            start = span.start - len(before) + found.start(1)
        elif not gazetteer.resolve(span.surface[inner.end():]):
            continue
        else:  # "Eastern Ukraine" tagged whole: the country keeps "Ukraine"
            span.start += inner.end()
            span.surface = text[span.start:span.end]
        if direction is None:
            continue
        whole = gazetteer.country(m.country_code) if m.kind == "country" else Place(
            m.entity_id, m.name, "place", m.country_code, m.lat, m.lon, 0, False, m.source)
        part = gazetteer.part(whole, direction) if whole is not None else None
        if part is None:
            continue
        piece = Span(span.sentence, start, span.end, text[start:span.end], span.label)
        parts.append(place_mention(piece, part, m.certainty))
    return mentions + parts


def demonym_features(mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """"the German Alps", "the French Riviera" (``lexicon.DEMONYM_FEATURES``): the country's part
    of a range or coast, a place of that country at its point, beside the nationality's group."""
    features = []
    for m in mentions:
        sentence = m.span.sentence
        found = _FEATURE_AFTER.match(sentence.text, m.span.end - sentence.start) if m.kind == "group" else None
        country = gazetteer.country(m.country_code) if found else None
        if country is None:
            continue
        end = sentence.start + found.end()
        surface = sentence.text[m.span.start - sentence.start:found.end()]
        piece = Span(sentence, m.span.start, end, surface, "LOC")
        features.append(Mention(piece, "place", f"place:{slugify(surface)}", surface, country.country_code,
                                 country.lat, country.lon, QUALIFIED_PLACE, source="feature"))
    return mentions + features


def settle_unresolved_places(mentions: list[Mention], source_country: str | None = None,
                             sport: bool = False) -> list[Mention]:
    """Unresolved places: dropped when the article names a person or organization with one of
    their words ("Biden" tagged GPE once), else given the article's dominant country when
    they have none. A venue takes the country of its sentence's places, else the source's (a venue named
    bare is one its readers know), else a clearly dominant one; in a sports report (``sport``)
    none of these, as its countries are often the visitors'."""
    unresolved = [m for m in mentions if m.kind == "place" and m.lat is None]
    if not unresolved:
        return mentions
    actor_words = {w.lower() for m in mentions if m.kind in ("person", "organization")
                   for w in m.span.surface.split()}
    mentions = [m for m in mentions if not (m.kind == "place" and m.lat is None and m.source != "venue" and any(
        w.lower() in actor_words for w in m.span.surface.split()))]  # "Villa Park" of a club "Villa" stays
    # A sea lies in no country (the label conventions), however dominant one is.
    unknown = [m for m in mentions if m.kind == "place" and m.country_code is None and m.lat is None
               and m.source != "sea"]
    if unknown:
        known = [m for m in mentions if m.kind in ("place", "country") and m.country_code]
        counts = Counter(m.country_code for m in known)
        code = context_country(counts)
        for m in unknown:
            where = code
            if m.source == "venue":
                # The country of the one town or region its sentence names ("Villa Park ... in
                # Birmingham"); a country named there may be the visitors' ("beat the States").
                own = {k.country_code for k in known if k.span.sentence is m.span.sentence and k.kind == "place"}
                where = None if sport else (own.pop() if len(own) == 1 else None) or (
                    source_country or context_country(counts, share=VENUE_COUNTRY_SHARE))
            if where:
                m.country_code, m.certainty = where, UNRESOLVED_PLACE
    return mentions
