"""Person or organization: what the words around a name say when the model's label is wrong.

The small spaCy model tags "Olaf Scholz" ORG and "Sale Sharks" PERSON. The text around a
name often settles it:

- a person's title right before the name or as its apposition ("presenter Tess Daly", "the
  German chancellor, Olaf Scholz", "Olaf Scholz, the chancellor,") makes a person, and so does
  an organization's possessive ("Deutsche Bank's Simon Champion", whatever the model said);
- an organization's descriptor before it ("metals firm Rusal", "club side Sale Sharks"), a
  club or media role after it ("Aston Villa boss", "Guardian correspondent"), a company's
  possession ("Rusal's shares"), a descriptor as its apposition, or, for a lone word that is
  no part of a person's name in the article, a reporting verb ("Politico reports") makes an
  organization;
- a list ("Will Smith, Kevin Spacey and Keanu Reeves", "Nokia, Intel and Telefonica"): a name
  takes the kind most of the names it is listed with have (a person's name needs three
  others to outvote it; no person follows "the"); a "place" listed among three or more names
  of one kind, more than the list's places, is one of them ("Pixar, Walt Disney, Miramax,
  Columbia and Buena Vista"; a scorer's "(2)" may follow a name).

Brands and companies the model takes for people have cues of their own: an "&" in the name
("Ben & Jerry's"), a possessive that owns nothing ("Levi's, Netflix"), "which" after the name,
a product noun after it ("X products"), "spokeswoman for X", an acronym the article defines
for an organization ("Transport for London (TfL)"), a list opened by a descriptor ("brands
including X, Y and Z"), or an untagged word listed among organizations. Some names are no
actor at all (:func:`non_actor_spans`): a title after a possessive ("her X tour"), names in
cookie or newsletter boilerplate, words made from a name ("Brownite", "Russophobia"), and
products, weapons and machines (:func:`product_spans`: "Harpoon anti-ship missiles",
"products such as iPhones", "a robot called X").

A name's own words are evidence too: a name ending like a firm's or a paper's ("Eon Labs",
"Daily Telegraph") or followed by a descriptor ("X investment bank", "the X newspaper", "a
firm called X") is an organization; a full name tagged ORG that opens with a given name
(``data/given_names.csv``) is a person when the article treats it as one ("Ms X", "X, who",
"X obtained assurances, in his case") and no mention of it reads as a firm's ("the X",
"analysts at X", "investment bank X", "Audi and X"); a name of several words the model tags
ORG more often than PERSON, with no given name, is an organization ("Band Aid").

The kind a cue gives holds for the same name elsewhere in the article. Only PERSON and ORG
spans are relabelled (and names owned by an organization), and a span becomes a person only
when it is shaped like a full name. Word lists are in :mod:`data_prep.lexicon` (``TITLES``,
``TITLE_MODIFIERS``, ``MEDIA_ROLES``, ``ORG_DESCRIPTORS``, ``ORG_NAME_ENDINGS``,
``ORG_POSSESSIONS``, ``OUTLET_VERBS``, ``CLUB_ROLE_NOUNS``, ``KIN_NOUNS``, ``ROLE_LED_NAMES``,
``TRADE_DESCRIPTORS``, ``PERSON_SIDE_NOUNS``); given names in :data:`data_prep.names.GIVEN_NAMES`.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from . import lexicon as lex
from .nlp import known_word, lemma
from .names import given_name, looks_like_company, name_tokens

__all__ = ["NOT_ACTOR", "club_cue", "club_name", "competition_name", "full_name_shape", "non_actor_spans", "person_or_org_cues",
           "product_spans", "role_led_name", "sport_report", "trim_person_tokens", "work_title_spans",
           "common_word_spans"]

NOT_ACTOR = "NOT_ACTOR"  # pseudo label: a name its context makes no actor (see non_actor_spans)

# A club's people ("boss", "full-back"); not "fans" or "supporters", which follow people too
# ("Trump supporters"), nor the groups "squad" and "academy".
_CLUB_PEOPLE = lex.CLUB_ROLE_NOUNS - {"fans", "supporters", "squad", "academy"}
PERSON_ROLES = ((lex.TITLES - lex.TITLE_MODIFIERS) | lex.MEDIA_ROLES | lex.PERSON_OCCUPATIONS
                | _CLUB_PEOPLE | lex.KIN_NOUNS)  # "full-back Dusty Hare", "his nephew X Y"
# "Villa boss", "Leeds manager", "Kommersant journalists" (a person's name takes no plural staff)
_ORG_ROLES_AFTER = _CLUB_PEOPLE | lex.MEDIA_ROLES | lex.MEDIA_STAFF
_POSSESSION_AFTER = re.compile(r"['’]s?\s+([a-z]+)")
_PREPOSITIONS = {"for", "of", "at", "in", "with", "from", "to", "on", "since", "until"}
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")
# The lookbehinds change no match (a leftmost match starts where no letter precedes) but spare
# the engine a try at every letter of a lookback window: these three were a twentieth of the
# stages' time.
_WORD_BEFORE = re.compile(r"(?<![A-Za-z])([A-Za-z][\w'’-]*)\s+$")
_WORD_BEFORE_COMMA = re.compile(r"(?<![A-Za-z])([A-Za-z][\w'’-]*)\s*,\s*$")
_APPOSITION_AFTER = re.compile(r"\s*,\s+((?:[\w'’-]+\s+){0,4}?[a-z][\w-]*)\s*[,.;:]")
# "X, the director of the Y Agency for Z,": a role before "of"/"for"/"at" (too long for the above).
_APPOSITION_ROLE = re.compile(r"\s*,\s+(?:the|a|an|its|his|her|their)\s+(?:[\w-]+\s+){0,2}?([a-z][\w-]*)\s+(?:of|for|at)\s")
_APPOSITION_LEADS = {"the", "a", "an", "his", "her", "its", "their", "our"}
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)$")
_LOOKBACK = 40
_SENTENCE_ENDS = ".!?\"'”’):;"  # what ends the sentence before a sentence's head
_OPENING_QUOTES = "\"“‘'"  # what may open a sentence before its head
_MINISTER_AFTER = re.compile(r"\s+(?:[Ss]ecretary|[Mm]inister)\b")
_OWNED_GAP = re.compile(r"['’]s?\s")
_TWO_WORDS_BEFORE = re.compile(r"(?<![a-z])([a-z]+\s+)?([a-z]+)\s+$")  # lookbehind: see _WORD_BEFORE
_SCORE = re.compile(r"\b\d{1,2}\s?[-–]\s?\d{1,2}\b")
_WORDS_AFTER = 6  # how far a band noun may follow the name ("X picked up best international band")
_LIST_WORDS = {"and", "or", "&", ","}
# A list gap that may follow a scorer's goals: "Rivaldo (2), Luis Figo" (for listed places only).
_SCORER_LIST_GAP = re.compile(r"\s*\(\d{1,2}\)" + _LIST_GAP.pattern)
_LISTED_PLACE_VOTES = 3  # names of one kind it takes to make a listed "place" one of them
# Matched in lowercased text, behind a lookahead for the words' first letters: three times as
# fast as the bare alternation with IGNORECASE.
_SPORT_WORDS = re.compile(r"\b(?=[" + "".join(sorted({re.escape(w[0].lower()) for w in lex.SPORT_WORDS}))
                          + "])(?:" + "|".join(sorted({re.escape(w.lower()) for w in lex.SPORT_WORDS},
                                                     key=lambda w: (-len(w), w))) + r")\b")
SPORT_REPORT_WORDS = 3  # distinct sport words that make a text a sports report


def sport_report(text: str) -> bool:
    """Whether ``text`` reads as a sports report: three distinct words of ``lexicon.SPORT_WORDS``."""
    seen: set[str] = set()
    for match in _SPORT_WORDS.finditer(text.lower()):
        seen.add(match.group(0))
        if len(seen) >= SPORT_REPORT_WORDS:
            return True
    return False
# Lowercase roles inside a PERSON entity that end what was glued before the name ("Wales physio").
_GLUED_ROLES = lex.TITLES | lex.PERSON_SPAN_LEADS | lex.CLUB_ROLE_NOUNS | lex.MEDIA_ROLES
# Brand and company cues (see the module docstring).
_BRAND_POSSESSIVE = re.compile(r"['’]s(?=\s*(?:[,.;:)]|$))")  # "Levi's, Netflix", "Ben & Jerry's."
_WHICH_AFTER = re.compile(r"\s*,\s+which\b")  # "X, which makes"; "talks with X which" is no cue
_COMPOUND_AFTER = re.compile(r"(?:['’]s?)?\s+([a-z]+)\b")
_ROLE_FOR_BEFORE = re.compile(r"\b([a-z][\w-]*)\s+(?:for|at)\s+$")
_LIST_LEAD_BEFORE = re.compile(r"\b([a-z][\w-]*)\s+("
                               + "|".join(w.replace(" ", r"\s+") for w in lex.LIST_LEADS | lex.LIST_VERBS) + r")\s+$")
_BRAND_LIST_GAP = re.compile(r"(?:['’]s)?" + _LIST_GAP.pattern)  # "Levi's, Netflix"
_DESCRIPTOR_AFTER = re.compile(r"\s+(?:([a-z]+)\s+)?([a-z]+)\b")  # "X news agency", "X firm"
# Words between a name and a descriptor that make the descriptor another clause's ("X said firms").
_NOT_MODIFIERS = lex.FUNCTION_WORDS | lex.MODALS | lex.OUTLET_VERBS | {
    "has", "have", "had", "said", "says", "will", "would", "and", "or", "not", "also", "which", "who"}
# "a firm called X", "a start-up named X": the descriptor before says what X is.
_CALLED_BEFORE = re.compile(r"(?<![A-Za-z])([a-z][\w-]*),?\s+(?:called|named)\s+$")  # lookbehind: see _WORD_BEFORE
_CAPITALISED = re.compile(r"\b[A-Z][a-z]")
_WHO_AFTER = re.compile(r"\s*,\s+who\b")  # not "whose", which follows firms too
# The personal pronouns, and the words that refer to a thing or a group instead.
_PRONOUN_AFTER = re.compile(r"\b(" + "|".join(sorted(lex.PERSONAL_PRONOUNS | {"it", "its", "which", "they", "their"}))
                            + r")\b", re.IGNORECASE)
# Words before a name that no person's name follows ("the", "analysts at").
_NO_PERSON_BEFORE = {"the", "at"}
_NAME_WORD = re.compile(r"[^\W\d_][\w'.-]*")  # no comma inside: "Walt Disney, Touchstone" is two names
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&.]{1,9})\)")
_POSSESSOR_BEFORE = re.compile(r"(?:\b(?:his|her|their|its|our|my)|['’]s?)\s+$")
_TITLED_AFTER = re.compile(r"(?:\s+(?:[A-Z][\w'’-]*|at|of|in|on|for)){0,3}\s+(?:"
                           + "|".join(w.replace(" ", r"\s+") for w in sorted(lex.TITLED_NOUNS, key=len, reverse=True))
                           + r")\b")
_BOILERPLATE = re.compile(r"\b(?:" + "|".join(map(re.escape, lex.BOILERPLATE_CUES)) + r")\b", re.IGNORECASE)
# A work noun, then up to three capitalised words of the title before the span, maybe joined
# by a title's small words ("the hit US series Desperate Housewives", with "Housewives" the
# span; "film hits Day of the Jackal").
_WORK_NOUN_BEFORE = re.compile(r"\b(" + "|".join(sorted(lex.WORK_NOUNS))
                               + r")\s+(?:[A-Z][\w'’&:/-]*\s+(?:(?:and|&|of|of\s+the|in|in\s+the|on|with)\s+)?)"
                               + r"{0,3}$")
_WORK_PERSON_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(lex.WORK_PEOPLE_AFTER)) + r")\s+[A-Z]")
_WORK_TAGS = ("WORK_OF_ART", "PRODUCT")
_QUOTE_BEFORE = re.compile(r"[,.!?][\"”]\s+$")  # the end of a quotation right before a name
# ", from the X laboratory, said": a speaker's affiliation between commas, then a speech verb.
_AFFILIATION_SPEAKS = re.compile(r"\s*,\s+(?:from|of|at)\s+[^,.;:!?\"“”]{2,80},\s+(?:"
                                 + "|".join(sorted(lex.SPEECH_VERBS)) + r")\b")
_CONSENT = re.compile(r"\byour consent\b|\bcookies\b", re.IGNORECASE)


def club_name(surface: str) -> bool:
    """A club's name by its shape: "AC Milan", "Leeds United" (two or more words)."""
    words = surface.lower().split()
    return len(words) > 1 and (words[0] in lex.CLUB_NAME_PREFIXES or words[-1] in lex.CLUB_NAME_SUFFIXES)


def club_cue(text: str, span: Any, *, strict: bool = False) -> bool:
    """Whether the words around a name make it a sports club: a match verb after it ("X beat
    Y", "X drew"), a match phrase before it ("drew with X", "playing for X"), a side noun
    after it ("the X side"), or "against"/"for" it with a score in the sentence. ``strict``
    (for names the model took for persons: "Federer beat Nadal") keeps only the side nouns
    and the phrases ending in "for"/"from"."""
    if span.next_word in lex.CLUB_SIDE_NOUNS or (  # lowercase: "the Milan side", not "Bright Side"
            not strict and span.next_word.lower() in lex.CLUB_VERBS_AFTER):
        return True
    before = _TWO_WORDS_BEFORE.search(text[max(0, span.start - _LOOKBACK):span.start])
    if before is None:
        return False
    last = before.group(2)
    pair = f"{before.group(1).strip()} {last}" if before.group(1) else ""
    if strict:
        return pair in lex.CLUB_PHRASES_BEFORE and last in ("for", "from")
    if last in lex.CLUB_PHRASES_BEFORE or pair in lex.CLUB_PHRASES_BEFORE:
        return True
    return last in ("against", "for") and _SCORE.search(span.sentence.text) is not None


def _band_cue(text: str, span: Any) -> bool:
    """A plural verb right after a name opening the sentence ("X were the big winners"), a band
    noun in the few words after the name ("X picked up best band") or, after a name opening
    the sentence, "their" album or tour; never with "he"/"his" between."""
    if span.prev_word.lower() in _LIST_WORDS:
        return False  # "A and B were": a list of people
    if span.next_word.lower() in lex.PLURAL_VERBS:
        # Only a name opening its sentence is surely the verb's subject: in "links with X have
        # come", "her son X were detained" the subject is another noun.
        return span.start == span.sentence.start
    written = re.findall(r"[\w'’-]+", span.sentence.text[span.end - span.sentence.start:])
    words = [w.lower() for w in written]
    for k, word in enumerate(words):
        if word in lex.PERSONAL_PRONOUNS:
            return False
        if k < _WORDS_AFTER and word in lex.BAND_NOUNS:
            # "X had been in the band" is a member; "X ... at Cannes, U2 frontman" another's.
            return not (_PREPOSITIONS & set(words[max(0, k - 2):k])
                        or any(w[:1].isupper() for w in written[:k]))
        # "X will support Y on their European tour": a name opening its sentence, "their" work.
        if (word == "their" and span.start == span.sentence.start
                and any(w in lex.MUSIC_WORKS for w in words[k + 1:k + 4])):
            return True
    return False


def full_name_shape(surface: str) -> bool:
    """Two or three capitalised words, none a company suffix or an organization's head noun."""
    words = name_tokens(surface)
    return (2 <= len(words) <= 3 and all(w[:1].isupper() and not w.isupper() for w in words)
            and not any(ch.isdigit() for ch in surface) and not looks_like_company(words)
            and not any(w.lower() in lex.ORG_HEAD_NOUNS for w in words)
            and words[-1].lower() not in lex.ORG_NAME_ENDINGS)


def _org_shaped(surface: str) -> bool:
    """A name of two or more words that ends like a firm's or a paper's ("Eon Labs", "Daily
    Telegraph") or holds an organization's head noun, and opens with no known given name
    ("Doris Day" stays a person)."""
    words = name_tokens(surface)
    return len(words) > 1 and not given_name(words[0]) and (
        words[-1].lower() in lex.ORG_NAME_ENDINGS or any(w.lower() in lex.ORG_HEAD_NOUNS for w in words))


def _given_name_shape(surface: str) -> bool:
    """A full name's shape whose first word is a known given name and whose last is not
    ("Bethany Keller"; not "Morgan Stanley", two given names, nor "Eon Labs")."""
    words = name_tokens(surface)
    return (full_name_shape(surface) and all(_NAME_WORD.fullmatch(w) for w in words)
            and given_name(words[0]) and not given_name(words[-1]))


def _described(text: str, span: Any) -> bool:
    """An organization's descriptor right after the name, maybe after one modifier ("X
    investment bank", "the X newspaper"), or before it with "called" ("a firm called X"); a
    side noun after it ("the X team") may be a person's, and a capitalised word before the
    name makes it the tail of a longer one."""
    called = _CALLED_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start)
    if called and _descriptor(called.group(1)):
        return True
    after = _DESCRIPTOR_AFTER.match(text, span.end)
    if after is None or span.prev_word[:1].isupper():
        return False
    modifier, noun = after.group(1), after.group(2)
    if modifier and _descriptor(modifier):  # "the X newspaper said": no modifier before it
        modifier, noun = None, modifier
    if noun in lex.PERSON_SIDE_NOUNS or not _descriptor(noun):
        return False
    return not (modifier and (modifier in _NOT_MODIFIERS or modifier.endswith("ed")))


def _person_evidence(text: str, spans: Sequence[Any], wanted: set[str]) -> set[str]:
    """The names of ``wanted`` the article treats as a person's: after "Mr"/"Ms", before ", who",
    a lone surname before a speech verb ("X told"; a firm's full name says things too), or a
    clause's subject followed in its sentence by "he"/"his"/"her" with no "it"/"its"/"which"
    or other name before it ("X obtained assurances, in his case"; not "the offices of X lost
    her case", "X denied Ms Y's claims and said she")."""
    out = set()
    for span in spans:
        if span.surface not in wanted or span.surface in out:
            continue
        if (getattr(span, "honorific", False) or span.prev_word.lower() in lex.HONORIFICS
                or _WHO_AFTER.match(text, span.end)
                or (" " not in span.surface and span.next_word.lower() in lex.SPEECH_VERBS)):
            out.add(span.surface)  # "Ms X", "X, who", a lone surname that speaks ("X told")
            continue
        at = span.end - span.sentence.start
        after = _PRONOUN_AFTER.search(span.sentence.text, at)
        if (after is not None and after.group(1).lower() in lex.PERSONAL_PRONOUNS
                and not _CAPITALISED.search(span.sentence.text, at, after.start()) and _subject(span)):
            out.add(span.surface)  # no other name between: "X denied Ms Y's claims and said she"
    return out


def _role_at_before(text: str, span: Any) -> bool:
    """A person's role and "for"/"at" right before the name ("spokeswoman for X", "manager at X")."""
    role = _ROLE_FOR_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start)
    return role is not None and role.group(1) in PERSON_ROLES


def _prev_word_in(text: str, span: Any, words: frozenset[str]) -> bool:
    """Whether the whole word before ``span`` ("full-back", "producer") is one of ``words``."""
    word = _WORD_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start)
    return word is not None and word.group(1).lower() in words


def _subject(span: Any) -> bool:
    """Whether the parse reads ``span`` as its clause's subject."""
    base = span.sentence.base
    tokens = [t for t in span.sentence.span if span.start <= t.idx + base < span.end]
    head = next((t for t in tokens if not (span.start <= t.head.idx + base < span.end)), None)
    return head is not None and head.dep_ in ("nsubj", "nsubjpass")


def _descriptor_or_role(preceding: str, word: re.Match) -> str:
    """The descriptor ``word`` before a name as the context reads it: a person's trade when
    written as two words ("film maker X": "film-maker"), nothing when capitalised inside a
    sentence, where it ends another name ("the Child Support Agency X"), else itself."""
    written = word.group(1)
    pair = _TWO_WORDS_BEFORE.search(preceding)
    if pair and pair.group(1):
        first = pair.group(1).strip()
        trade = next((t for t in (f"{first}-{written}", f"{first}{written}") if t in PERSON_ROLES), None)
        if trade:
            return trade
    if not written.islower() and preceding[:word.start(1)].rstrip()[-1:] not in ("", ".", "!", "?", ":", "\"", "“"):
        return ""
    return written.lower()


def _context_label(text: str, span: Any) -> str | None:
    """PERSON or ORG when a title, descriptor or apposition next to the span says so."""
    preceding = text[max(0, span.start - _LOOKBACK):span.start]
    word = _WORD_BEFORE.search(preceding)  # whole, so "full-back" is one word
    prev = word.group(1).lower() if word else span.prev_word.lower()
    if word and prev in lex.ORG_DESCRIPTORS:
        prev = _descriptor_or_role(preceding, word)
    before = _WORD_BEFORE_COMMA.search(preceding)
    after = _APPOSITION_AFTER.match(text, span.end)
    head = lead = ""
    if after:
        words = after.group(1).split()
        # The head is the last word before a preposition: "a correspondent for a newspaper".
        cut = next((k for k, w in enumerate(words) if k and w.lower() in _PREPOSITIONS), len(words))
        lead, head = words[0].lower(), words[cut - 1].lower()
        if not (lead in _APPOSITION_LEADS or lead.endswith(("'s", "’s"))):
            head = ""
    if not head:
        role = _APPOSITION_ROLE.match(text, span.end)
        head = role.group(1).lower() if role and role.group(1).lower() in PERSON_ROLES else ""
    owned = _POSSESSION_AFTER.match(text, span.end)
    if owned and owned.group(1).lower() in lex.ORG_POSSESSIONS:
        return "ORG"  # "Rusal's shares"
    if span.label == "PERSON" and _brand_cue(text, span):
        return "ORG"  # "Ben & Jerry's", "Levi's, Netflix", "X, which makes", "X products"
    if club_name(span.surface) or club_cue(text, span, strict=True):
        return "ORG"  # "Manchester United" tagged PERSON, "playing for X"
    if span.label == "PERSON" and prev not in PERSON_ROLES and _band_cue(text, span):
        return "ORG"  # "X were the big winners", "X picked up best international band"
    if (span.label == "ORG" and span.next_word.lower() in lex.SPEECH_VERBS
            and _QUOTE_BEFORE.search(preceding) and full_name_shape(span.surface)):
        return "PERSON"  # '“...,” Taras Vysotskiy said' tagged ORG: a quote's speaker
    if span.label == "ORG" and full_name_shape(span.surface) and _AFFILIATION_SPEAKS.match(text, span.end):
        return "PERSON"  # "Kenji Arata, from the firm's robotics lab, said" tagged ORG
    if prev in lex.ORG_DESCRIPTORS or span.next_word.lower() in _ORG_ROLES_AFTER or (
            head in lex.ORG_DESCRIPTORS):
        return "ORG"
    if prev in PERSON_ROLES or (before and before.group(1).lower() in PERSON_ROLES) or head in PERSON_ROLES:
        return "PERSON"
    return None


def _brand_cue(text: str, span: Any) -> bool:
    """A company's marks on a name tagged PERSON: "&" in it, a possessive owning nothing
    ("Levi's, Netflix"), "which" after it, or a product noun right after it ("X products")."""
    if "&" in span.surface or _BRAND_POSSESSIVE.match(text, span.end) or _WHICH_AFTER.match(text, span.end):
        return True
    compound = _COMPOUND_AFTER.match(text, span.end)
    return compound is not None and (compound.group(1) in lex.ORG_COMPOUND_NOUNS
                                     or compound.group(1) in lex.ORG_POSSESSIONS)


def _descriptor(word: str) -> bool:
    """An organization's descriptor or its plural ("brands", "companies")."""
    word = word.lower()
    return (word in lex.ORG_DESCRIPTORS or (word.endswith("s") and word[:-1] in lex.ORG_DESCRIPTORS)
            or (word.endswith("ies") and word[:-3] + "y" in lex.ORG_DESCRIPTORS))


def _descriptor_follows(text: str, span: Any) -> bool:
    """A one-word name followed by a descriptor, maybe after one modifier ("X news agency", "X
    firm"), and not the tail of a longer name ("Children With X charity", "21st X network")."""
    after = _DESCRIPTOR_AFTER.match(text, span.end)
    if (after is None or " " in span.surface or span.prev_word[:1].isupper()
            or any(ch.isdigit() for ch in span.prev_word) or not _descriptor(after.group(2))):
        return False
    modifier = after.group(1)
    return not (modifier and (modifier in _NOT_MODIFIERS or modifier.endswith("ed")))


def _organization_cues(text: str, spans: Sequence[Any], name_words: set[str]) -> dict[int, str]:
    """ORG for the names a wider context makes organizations: an acronym the article defines
    for an organization ("Transport for London (TfL)", then "the TfL campaign"), a lone name
    after "spokeswoman for", the names of a list a descriptor opens ("brands including X, Y
    and Z", whatever their labels), and an untagged word listed among two or more
    organizations and nothing else."""
    out: dict[int, str] = {}
    defined = {m.group(1) for s in spans if s.label == "ORG" and (m := _ACRONYM_AFTER.match(text, s.end))}
    for span in spans:
        if span.label != "PERSON":
            continue
        role = _ROLE_FOR_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start)
        if span.surface in defined or (
                role and role.group(1) in PERSON_ROLES and " " not in span.surface
                and span.surface not in name_words):
            out[id(span)] = "ORG"  # "spokeswoman for Hypertag"; "for Smith" of a "John Smith" stays
    for span in spans:
        if span.label == "TOKEN" and span.surface not in name_words and _descriptor_follows(text, span):
            out[id(span)] = "ORG"  # an untagged "X news agency", "X energy giant"
    for run in _lists(text, spans, (_BRAND_LIST_GAP,), singles=True):
        lead = _LIST_LEAD_BEFORE.search(text, max(0, run[0].start - _LOOKBACK), run[0].start)
        labels = [s.label for s in run]
        if lead and _descriptor(lead.group(1)) and _leads_list(run[0], lead):
            for span in run:
                if span.label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "TOKEN", "PRODUCT"):
                    out[id(span)] = "ORG"
        elif labels.count("ORG") >= 2 and set(labels) <= {"ORG", "TOKEN"}:
            for span in run:
                if span.label == "TOKEN":
                    out[id(span)] = "ORG"  # "X, Coca-Cola and Pepsi have paused operations"
    return out


def _leads_list(first: Any, lead: re.Match) -> bool:
    """Whether a list's lead opens it: a preposition always, a verb of ``lexicon.LIST_VERBS``
    ("brands are") only with the descriptor before it as its subject."""
    if lead.group(2) not in lex.LIST_VERBS:
        return True
    base = first.sentence.base
    verb = next((t for t in first.sentence.span if t.idx + base == lead.start(2)), None)
    return verb is not None and any(c.dep_ == "nsubj" and c.idx + base == lead.start(1) for c in verb.children)


def _full_name_words(spans: Sequence[Any]) -> set[str]:
    """The words of the article's full person names ("Gordon", "Brown" of "Gordon Brown"): such a
    word alone is that person's, whatever else it could be."""
    return {w for s in spans if s.label == "PERSON" and " " in s.surface for w in s.surface.split()}


def non_actor_spans(text: str, spans: Sequence[Any]) -> set[int]:
    """Ids of the PERSON/ORG/NORP spans that name no actor: a title after a possessive ("her X
    tour", "Transport for London's X campaign": every mention of the name), names in cookie
    consent boilerplate, a newsletter's or an account's name in a promo ("the daily X email",
    "follow X on Twitter"; the platform stays), a person's name before a lowercase event's or
    award's noun ("a Shakespeare festival"), and words made from a name of the article
    ("Brownite") or ending in "-ism"/"-phobia"."""
    labels = ("PERSON", "ORG", "NORP")
    name_words = _full_name_words(spans)
    titles = set()
    out = set()
    boilerplate: dict[int, str | None] = {}
    for span in spans:
        if span.label not in labels or span.surface in name_words:
            continue
        if (_POSSESSOR_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start)
                and _TITLED_AFTER.match(text, span.end)):
            titles.add(span.surface)
        key = id(span.sentence)
        if key not in boilerplate:  # once per sentence: None, "promo" or "consent"
            text_ = span.sentence.text
            boilerplate[key] = (("consent" if _CONSENT.search(text_) else "promo")
                                if _BOILERPLATE.search(text_) else None)
        kind = boilerplate[key]
        if kind == "consent" or (kind == "promo" and (span.next_word.lower() in lex.PROMO_NAME_AFTER
                                                      or span.prev_word.lower() in lex.PROMO_NAME_BEFORE
                                                      or span.surface.lower() in lex.PROMO_NOUNS)):
            out.add(id(span))
        if span.label == "PERSON" and span.next_word in lex.EPONYM_HEADS:
            out.add(id(span))  # "an annual Shakespeare festival", "the Turner prize": the event's name
        word = span.surface.lower()
        if " " not in word and word.endswith(lex.NAME_DERIVED_ENDINGS):
            ending = next(e for e in sorted(lex.NAME_DERIVED_ENDINGS, key=len, reverse=True) if word.endswith(e))
            stem = span.surface[:-len(ending)]
            if ending.startswith(("ism", "phob", "phil", "ific", "isat", "izat")) or stem in name_words:
                out.add(id(span))  # "Russophobia", "Putinism", "Russification"; "Brownite" of a "Gordon Brown"
    out.update(id(s) for s in spans if s.label in labels and s.surface in titles)
    out.update(id(s) for s in spans if s.label in labels and _portfolio(text, s))
    return out


def _portfolio(text: str, span: Any) -> bool:
    """Whether ``span`` is a minister's portfolio before the title ("Culture Secretary X", "the
    Trade and Industry Secretary"): a role, no body (lex.PORTFOLIO_WORDS)."""
    if not _MINISTER_AFTER.match(text, span.end):
        return False
    words = [w for w in re.split(r"[\s,&]+", span.surface.lower()) if w and w != "and"]
    return bool(words) and all(w in lex.PORTFOLIO_WORDS for w in words)


def work_title_spans(text: str, spans: Sequence[Any], *, sport: bool = False) -> set[int]:
    """Ids of the PERSON/ORG spans that name a work, a show or a product: a name right after a
    work noun ("the sitcom X", "the film X Y", "his track X", "her debut hit X") or before its actor ("former X actor Y"), the
    names listed with it ("the sitcoms X and Y"), every other mention of such a title and the
    names that open one ("X" of "X 9/11").
    Words of a person's full name, and names that speak or bear a title in the article, stay
    ("Tom Hanks said", then "the film Tom Hanks made"); ``sport``: "game" is a fixture there."""
    name_words = _full_name_words(spans)
    candidates = [s for s in spans if s.label in ("PERSON", "ORG") and s.surface not in name_words]
    cued = set()
    # The model's own WORK_OF_ART and PRODUCT tags are no evidence: it gives them to quotations,
    # channels and countries ("Cyprus"). A title it tags so or as an EVENT still spreads its cue.
    for span in candidates + [s for s in spans if s.label in ("EVENT", *_WORK_TAGS)]:
        cue = _WORK_NOUN_BEFORE.search(text, max(0, span.start - _LOOKBACK), span.start)
        if cue and not (sport and cue.group(1) in lex.SPORT_WORK_NOUNS) and (
                _noun_at(span, cue.start(1)) or _record_single(text, cue)):
            cued.add(id(span))
        elif not sport and span.label in ("PERSON", "ORG") and _WORK_PERSON_AFTER.match(text, span.end):
            cued.add(id(span))  # "former X actor Y"
    for run in _lists(text, candidates):  # "the sitcoms X and Y": the cue covers the list
        if id(run[0]) in cued:
            cued.update(id(s) for s in run)
    # A name that speaks or bears a title elsewhere is a person's ("the film Tom Hanks made").
    speakers = {s.surface for s in spans if s.next_word.lower() in lex.SPEECH_VERBS
                or getattr(s, "honorific", False) or s.prev_word.lower() in PERSON_ROLES}
    titles = {s.surface for s in spans if id(s) in cued} - speakers
    # A title's first words are the title ("X" of "X 9/11"), not a name's before its possessive.
    return {id(s) for s in candidates if s.surface in titles or any(
        t.startswith(s.surface + " ") for t in titles)}


def product_spans(text: str, spans: Sequence[Any]) -> set[int]:
    """Ids of the PERSON/ORG/untagged spans that name a product, a weapon or a machine: a name the
    parse makes a compound of a product noun ("Harpoon anti-ship missiles", "Sony's Qrio robots",
    ``lexicon.PRODUCT_NOUNS``), a name listed after a kind of product ("products such as
    iPhones", ``lexicon.PRODUCT_CLASS_NOUNS``), and every other mention of such a name. A word
    of a person's full name, and a name that speaks or bears a title in the article, stay
    ("Hamas rockets" beside "Hamas said")."""
    labels = ("PERSON", "ORG", "TOKEN")
    candidates = [s for s in spans if s.label in labels]
    products = {s.surface for s in candidates if _product_compound(s) or (
        (called := _CALLED_BEFORE.search(text, max(0, s.start - _LOOKBACK), s.start))
        and called.group(1) in lex.PRODUCT_NOUNS)}
    for run in _lists(text, candidates, (_BRAND_LIST_GAP,), singles=True):
        lead = _LIST_LEAD_BEFORE.search(text, max(0, run[0].start - _LOOKBACK), run[0].start)
        if lead and lead.group(1) in lex.PRODUCT_CLASS_NOUNS:
            products.update(s.surface for s in run)
    if not products:
        return set()
    actors = _full_name_words(spans) | {
        s.surface for s in spans if s.next_word.lower() in lex.SPEECH_VERBS
        or getattr(s, "honorific", False) or s.prev_word.lower() in PERSON_ROLES}
    products = (products | {p + "s" for p in products}) - actors  # "an Emiew", then "two Emiews"
    return {id(s) for s in candidates if s.surface in products}


def _product_compound(span: Any) -> bool:
    """Whether the parse reads the span's last word as a compound of a product noun after it."""
    base = span.sentence.base
    last = next((t for t in reversed(span.sentence.span) if t.idx + base < span.end), None)
    return (last is not None and last.dep_ == "compound" and last.head.i > last.i
            and last.head.text.lower() in lex.PRODUCT_NOUNS)


def common_word_spans(text: str, spans: Sequence[Any]) -> set[int]:
    """Ids of the one-word PERSON spans that are a common word the article also writes in
    lowercase ("Riot police" at a sentence's head and "a riot"); a word of a person's full
    name in the article stays ("Brown" of a "Gordon Brown", whatever "brown" is). So are
    one-word ORG spans at a sentence's head ("House prices rose", "Viruses spread" beside
    "a house", "viruses") that the article never capitalises inside a sentence ("Time" the
    magazine, named mid-sentence too, stays). A one-word head the tagger reads as an English
    plural, adjective or participle is one too ("Photographs posted ...", "“Appropriate steps"), and
    so is one the parse makes an adjective of the lowercase noun after it wherever the article
    names it ("150,000 Allied soldiers"; not "Celtic manager X" beside "Celtic won"). A one-word
    NORP span the article also writes in lowercase is a common word too ("Protesters" beside
    "protesters"; nationalities stay, see ``mentions``)."""
    name_words = _full_name_words(spans)
    inner = {s.surface for s in spans if not _opens_sentence(text, s)}
    lowered: dict[str, bool] = {}
    out = set()
    modifiers = [s for s in spans if s.label in ("PERSON", "ORG") and " " not in s.surface and s.next_word.islower()
                 and s.next_word not in _ORG_ROLES_AFTER and _common_tag(s, modifier=True)]
    # Only a word the article never names otherwise: not "the Celtic wall" beside "Celtic won".
    taken = {id(s) for s in modifiers}
    named = {s.surface for s in spans if id(s) not in taken}
    out.update(id(s) for s in modifiers if s.surface not in named and s.surface not in name_words)
    for span in spans:
        word = span.surface
        opens = _opens_sentence(text, span)
        head_org = span.label == "ORG" and opens and word not in inner
        people = span.label == "NORP"  # "Protesters gathered" beside "protesters chanted"
        if (span.label != "PERSON" and not head_org and not people) or " " in word or word in name_words \
                or not word[1:].islower():
            continue
        if opens and word not in inner and not people and _common_tag(span):
            out.add(id(span))  # "Photographs posted ...", "Appropriate measures": the tagger's common word
            continue
        if word not in lowered:
            lowered[word] = re.search(r"(?<![\w-])" + re.escape(word.lower()) + r"(?![\w-])", text) is not None
        if lowered[word]:
            out.add(id(span))
    return out


def _common_tag(span: Any, *, modifier: bool = False) -> bool:
    """Whether the tagger reads a one-word span as a common word (lex.COMMON_WORD_TAGS: a plural
    noun, an adjective, a verb form) whose lemma the lemmatizer's word list knows ("Photographs",
    not "Guterres" or a band's "Babyshambles", which it also tags as plurals); ``modifier``: an
    adjective or participle the parse attaches to the noun after it ("Allied soldiers")."""
    doc_offset = span.start - span.sentence.base
    token = next((t for t in span.sentence.span if t.idx == doc_offset), None)
    if modifier and (token is None or token.dep_ != "amod" or token.head.i != token.i + 1
                     or token.tag_ not in ("JJ", "VBN")):
        return False
    pos = lex.COMMON_WORD_TAGS.get(token.tag_) if token is not None else None
    return pos is not None and known_word(lemma(token).lower(), pos)


def _opens_sentence(text: str, span: Any) -> bool:
    """Whether ``span`` opens its sentence after a sentence's end, not after a name the parse cut
    the sentence at ("BridgeHead | Software has ..."); opening quotes may come first."""
    start = span.sentence.start
    if text[start:span.start].strip(_OPENING_QUOTES + " "):
        return False
    before = text[max(0, start - _LOOKBACK):start]
    return not before.strip() or "\n" in before[len(before.rstrip()):] or before.rstrip()[-1] in _SENTENCE_ENDS


def _record_single(text: str, cue: re.Match) -> bool:
    """Whether a "single" or "hit" cue names a record: after a possessive, "new", "debut"..."""
    noun = cue.group(1)
    if noun not in ("single", "singles", "hit", "hits"):
        return False
    before = _WORD_BEFORE.search(text, max(0, cue.start(1) - _LOOKBACK), cue.start(1))
    word = before.group(1).lower() if before else ""
    leads = lex.SINGLE_LEADS if noun.startswith("single") else lex.RECORD_LEADS
    return word in leads or word.endswith(("'s", "’s"))


def _noun_at(span: Any, offset: int) -> bool:
    """Whether the parse reads the word at article ``offset`` of ``span``'s sentence as a noun
    ("the show", not "figures show")."""
    doc_offset = offset - span.sentence.base
    token = next((t for t in span.sentence.span if t.idx == doc_offset), None)
    return token is not None and token.pos_ in ("NOUN", "PROPN")


def competition_name(surface: str, prev_word: str = "") -> bool:
    """Whether a name of several words ends in a competition's ("RBS Six Nations"), or is one
    with the capitalised word before it ("Nations" of "Five Nations", the number tagged apart)."""
    lowered = " ".join(surface.lower().split())
    joined = f"{prev_word.lower()} {lowered}" if prev_word[:1].isupper() else ""
    return any(lowered.endswith(" " + tail) or joined == tail for tail in lex.COMPETITION_TAILS)


def role_led_name(tokens: list) -> list | None:
    """The name of an ORG entity that is an occupation glued to a name at a sentence's head
    ("Rapper X Y has ..."), or None: the name is a person's, the role no part of it. The rest
    must be one to three capitalised words or numbers ("50 Cent") and no body's name."""
    if len(tokens) < 2 or tokens[0].text.lower() not in lex.ROLE_LED_NAMES or not tokens[0].is_sent_start:
        return None
    rest = tokens[1:]
    words = [t.text for t in rest]
    if (len(rest) > 3 or not all(w[:1].isupper() or w.isdigit() for w in words)
            or not any(w[:1].isupper() for w in words) or looks_like_company(words)):
        return None
    return rest


def trim_person_tokens(tokens: list) -> list:
    """A PERSON entity's tokens without what the model glued before the name: a reporting verb
    or a player's position at the head of a sentence ("Said X Y", "Centre X") and a team and
    role before the name ("Wales physio X Y": all up to the last lowercase word)."""
    while len(tokens) > 1 and tokens[0].text.lower() in lex.PERSON_SPAN_LEADS and tokens[1].text[:1].isupper():
        tokens = tokens[1:]
    cut = max((i for i, t in enumerate(tokens[:-1]) if t.is_lower and t.text in _GLUED_ROLES), default=None)
    if cut is not None and cut + 1 < len(tokens) and tokens[cut + 1].text[:1].isupper():
        tokens = tokens[cut + 1:]
    return tokens


def _lists(text: str, spans: Sequence[Any], gaps: Sequence[re.Pattern] = (_LIST_GAP,), *,
           singles: bool = False) -> list[list[Any]]:
    """Runs of spans of one sentence separated only by commas, "and" or "or" (``gaps``); runs
    of one span too when ``singles``."""
    runs: list[list[Any]] = []
    for span in sorted(spans, key=lambda s: s.start):
        last = runs[-1][-1] if runs else None
        if (last is not None and last.sentence is span.sentence and last.end <= span.start
                and any(gap.match(text[last.end:span.start]) for gap in gaps)):
            runs[-1].append(span)
        else:
            runs.append([span])
    return [run for run in runs if singles or len(run) > 1]


def _outvoted(span: Any, label: str, labels: list[str]) -> bool:
    """Whether the other labels of a list outvote ``label``, the label of ``span`` in it."""
    other = "ORG" if label == "PERSON" else "PERSON"
    n_other, n_same = labels.count(other), labels.count(label) - 1
    if other == "PERSON" and span.prev_word.lower() == "the":
        return False  # "the Daily Telegraph": no person takes an article
    if other == "ORG" and full_name_shape(span.surface) and (n_same or len(labels) - 1 < 3):
        return False  # "..., Radio Broadcasting Company, Alexander Kots": too few to outvote a name
    # A pair settles nothing but a person's name tagged ORG ("Ilan Shor and Vladimir
    # Plahotniuc"): "on Twitter, Antony Blinken" is no list of organizations.
    return n_other > 0 and n_other >= 2 * n_same and (n_other > 1 or other == "PERSON")


def person_or_org_cues(text: str, spans: Sequence[Any]) -> dict[int, str]:
    """New labels ("PERSON" or "ORG") for PERSON/ORG spans whose context contradicts the model,
    keyed by ``id(span)``."""
    out: dict[int, str] = {}
    confirmed: set[int] = set()
    org_ends = {s.end for s in spans if s.label == "ORG"}
    name_words = _full_name_words(spans)
    for span in spans:
        if span.label in ("PERSON", "ORG"):
            label = _context_label(text, span)
            if (label is None and span.label == "PERSON" and " " not in span.surface
                    and span.surface not in name_words and span.next_word.lower() in lex.OUTLET_VERBS):
                label = "ORG"  # "Politico reports"; "Harding reported" of a "Luke Harding" stays
            if label is None and span.label == "PERSON" and span.surface not in name_words and (
                    _org_shaped(span.surface) or _described(text, span) or (
                        span.prev_word.lower() == "the" and span.surface.lower() in lex.ORG_NAME_ENDINGS)):
                label = "ORG"  # "Eon Labs", "the X newspaper", "a firm called X", "the Telegraph"
            if label is None and span.label == "ORG" and span.surface.lower() in lex.LEADER_COUNTRIES:
                label = "PERSON"  # "as Trump posted" tagged ORG: a head of state's surname is the person
            if (label == "ORG" and span.label == "PERSON" and _prev_word_in(text, span, lex.TRADE_DESCRIPTORS)
                    and _WHO_AFTER.match(text, span.end)):
                label = None  # "Record producer X, who": a person's trade, not a firm's
            if label and label != span.label:
                out[id(span)] = label
            elif label:
                confirmed.add(id(span))  # "investment bank X" tagged ORG: no given name undoes it
        elif (span.label in ("GPE", "LOC") and span.prev_word.lower() in lex.ORG_DESCRIPTORS
              and span.prev_word.islower()):
            out[id(span)] = "ORG"  # "public relations firm Brunswick", "chipmaker Cambridge"
        elif span.label == "NORP" and " " not in span.surface and (
                _described(text, span) or _role_at_before(text, span)):
            out[id(span)] = "ORG"  # "X subsidiary Y", "manager at X" tagged NORP: no people's name
        elif span.label in ("GPE", "LOC", "NORP", "PRODUCT", "WORK_OF_ART") and any(
                e in org_ends and _OWNED_GAP.fullmatch(text[e:span.start])
                for e in (span.start - 3, span.start - 2)):
            out[id(span)] = "PERSON"  # "Deutsche Bank's Simon Champion" tagged GPE
    for key, label in _organization_cues(text, spans, name_words).items():
        out.setdefault(key, label)
    listed_places = set()
    listed_with_orgs = set()
    for run in _lists(text, spans):
        following = _WORD_AFTER.match(text, run[-1].end)
        if following and following.group(1).lower() in PERSON_ROLES:
            continue  # "Dominic Lawson, Sunday Times and Daily Mail columnist": one person's affiliations
        labels = [out.get(id(s), s.label) for s in run]
        if labels.count("ORG") > 1:
            listed_with_orgs.update(id(s) for s in run)
        for span, label in zip(run, labels):
            if label in ("PERSON", "ORG") and id(span) not in out and _outvoted(span, label, labels):
                out[id(span)] = "ORG" if label == "PERSON" else "PERSON"
    # A full name tagged ORG that opens with a given name is a person's when the article treats
    # it or its surname as one ("Bethany Keller documents in her book", "Mr Keller", "X, who"),
    # unless the words around one of its mentions make it a firm: "the X", "analysts at X",
    # "investment bank X", a list with other organizations ("Audi and X").
    firms = {s.surface for s in spans if id(s) in listed_with_orgs or id(s) in confirmed
             or s.prev_word.lower() in _NO_PERSON_BEFORE}
    candidates = [s for s in spans if s.label == "ORG" and id(s) not in out and s.surface not in firms
                  and _given_name_shape(s.surface)]
    if candidates:
        people = _person_evidence(text, spans, {w for s in candidates for w in (s.surface, name_tokens(s.surface)[-1])})
        for span in candidates:
            if span.surface in people or name_tokens(span.surface)[-1] in people:
                out[id(span)] = "PERSON"
    # A "place" among three or more names of one kind, outnumbering the run's places, is one of
    # them: "Sony, Walt Disney, Miramax, Columbia and Buena Vista", "strikes from Rivaldo (2),
    # Luis Figo, Dani and Patrick Kluivert".
    for run in _lists(text, [s for s in spans if s.label in ("PERSON", "ORG", "GPE", "LOC")],
                      (_LIST_GAP, _SCORER_LIST_GAP)):
        labels = [out.get(id(s), s.label) for s in run]
        votes = Counter(labels)
        places = votes["GPE"] + votes["LOC"]
        n, kind = max((votes["PERSON"], "PERSON"), (votes["ORG"], "ORG"))
        if places and n >= _LISTED_PLACE_VOTES and n > places:
            for span, label in zip(run, labels):
                if label in ("GPE", "LOC"):
                    out[id(span)] = kind
                    listed_places.add(id(span))
    # A name of several words the model tags ORG more often than PERSON in the article and that
    # opens with no given name is an organization ("Band Aid" tagged ORG twice, PERSON once).
    tags = Counter((s.surface, s.label) for s in spans if s.label in ("PERSON", "ORG") and " " in s.surface)
    for span in spans:
        if (span.label == "PERSON" and id(span) not in out and tags[span.surface, "ORG"] > tags[span.surface, "PERSON"]
                and not given_name(name_tokens(span.surface)[0])):
            out[id(span)] = "ORG"
    surfaces = {id(s): s.surface for s in spans}
    # A name keeps the kind its cues agree on everywhere in the article ("Aston Villa boss X",
    # then "put Aston Villa back").
    by_name: dict[str, set[str]] = {}
    for key, label in out.items():
        by_name.setdefault(surfaces[key], set()).add(label)
    # A company's mark on a name the model tagged ORG once and PERSON elsewhere ("X products").
    person_names = {s.surface for s in spans if s.label == "PERSON"}
    for span in spans:
        if span.label == "ORG" and span.surface in person_names and _brand_cue(text, span):
            by_name.setdefault(span.surface, set()).add("ORG")
    for span in spans:
        agreed = by_name.get(span.surface, set())
        if id(span) not in out and span.label in ("PERSON", "ORG") and len(agreed) == 1:
            label = next(iter(agreed))
            if label != span.label:
                out[id(span)] = label
    # A person needs a person's name shape: "Chelsea" after "coach" stays what it was; a head of
    # state's surname is one.
    return {key: label for key, label in out.items()
            if label == "ORG" or full_name_shape(surfaces[key]) or key in listed_places
            or surfaces[key].lower() in lex.LEADER_COUNTRIES}
