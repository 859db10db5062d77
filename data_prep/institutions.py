"""Institutions: a country's body named by a country word and a role noun.

"Russian forces", "Ukraine's armed forces", "the German government", "the armed forces of
Ukraine" and seats standing for a body ("the Kremlin") are one organization each, with the
id ``inst:<CC>:<role slug>`` and the name "<Role display> of <Country>" ("Armed forces of
Russia"). The span covers the country word and the role noun, so the nationality inside it is
no separate mention. A bare role after "the" ("the defence ministry said") takes its country
from the article: the one country whose body of that role it has named before ("the Treasury"
after "the U.S. Treasury"; not for a government or armed forces, named for several countries in
turn), else the one country whose institutions are named in the sentence or the three before
it, else in the whole article, else the article's one dominant country; without one
it is no actor; a known head of state or government named nearby ("President Macron ... the
government") settles it when no body is. Role nouns, modifiers and seats are data in
:mod:`data_prep.lexicon`. Nationalities coordinated before a role share it ("British and French
troops": two bodies), and an era's adjective may stand before the country ("the forces of Nazi
Germany").

A seat's or a capital's possessive names the country's body ("the Kremlin's forces",
"Moscow's army"), as does "its" when the clause's subject is a country ("Russia withdraws its
troops"); "a court in Moscow" is the country's courts, as "the government in Kyiv" is its
government. A name with a capitalised modifier between the country word and the role ("the
Russian Federal Security Service") is a named body, no institution. When the article names
no country at all, a bare role is the home country's of the source (``home_country``).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import lexicon as lex
from .gazetteer import Gazetteer, Place, normalize
from .nlp import lemma
from .records import Sentence

__all__ = ["MISSION", "Institution", "find_institutions", "home_country", "institution_name", "seat_institution"]

MISSION = "embassy"  # the role of a country's embassy or consulate: an organization, no institution
_POSSESSIVE_TOKENS = {"'s", "’s", "'", "’"}
_MAX_COUNTRY_TOKENS = 3
_MAX_NAME_TOKENS = 3  # a leader's name before the role: "Recep Tayyip Erdogan"
_SEATED_ROLES = {"government", "parliament"}  # "the government in <country>" is that country's
_CAPITAL_SEATED_ROLES = _SEATED_ROLES | {"courts"}  # "a court in Moscow", "the government in Kyiv"
_SUBJECTS = ("nsubj", "nsubjpass")
_SENT_ROLES = {"armed-forces", "navy", "air-force"}  # "the troops that Russia sent"
_LEADERS_ROLES = {"government", "armed-forces"}  # "Putin's regime", "Putin's army"
# A leader's body by a pronoun ("his administration", "her government"): a bare role, its country
# taken from the article like that of "the government". Not "their government", which is as
# often a people's whose country the article does not settle ("Africans ... their government").
_LEADER_POSSESSIVES = {"his", "her"}
# "Its defence ministry": a country's own body by the pronoun of the country the text speaks of;
# only for the roles that name a country's body alone (``BARE_INSTITUTION_ROLES``), since "its
# police" or "its troops" are as often a city's or a company's.
_BODY_POSSESSIVES = {"its"}
# Roles a country has one of, so that their capitalised noun alone names it ("in Parliament").
_PROPER_ROLES = {"parliament"}
_MEMBER_NOUNS = {"member", "members"}
_COMMON_ROLES = {"government", "armed-forces"}  # a bare one is not the body of its role named before
_NEARBY_SENTENCES = 3  # a bare role looks this many sentences back for its country
# A bare role takes the article's country when it has at least this share of its mentions.
DOMINANT_COUNTRY_SHARE = 0.75
HOME_COUNTRY_WEIGHT = 1  # mentions the source's home country counts for in that share
DATELINE_WEIGHT = 3  # mentions the dateline's country counts for, as in ``mentions``
# The last resort of a bare role: the country the article names this many times as often as
# the next one ("the government" of a story naming Japan 24 times and the US 5 times).
LEADING_COUNTRY_RATIO = 2


def _role_table() -> dict[str, list[tuple[tuple[str, ...], str, bool]]]:
    """First word -> (role words, slug, bare allowed), longest phrase first."""
    table: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
    for slug, (_, nouns) in lex.INSTITUTION_ROLES.items():
        for noun in nouns:
            words = tuple(noun.replace("'s", " 's").split())
            table.setdefault(words[0], []).append((words, slug, noun in lex.BARE_INSTITUTION_ROLES))
    for noun in lex.MISSION_NOUNS:
        table.setdefault(noun, []).append(((noun,), MISSION, False))
    for entries in table.values():
        entries.sort(key=lambda e: -len(e[0]))
    return table


_ROLES = _role_table()
# First words a role or a seat can start with ("the": "The Kremlin" normalises to "kremlin").
_SEAT_STARTS = frozenset(key.split()[0] for key in lex.INSTITUTION_SEATS) | {"the"}
_STARTS = frozenset(_ROLES) | _SEAT_STARTS


def _may_start(word: str) -> bool:
    """Whether a role or seat can start at a token whose lowercase text is ``word``: most tokens
    are rejected by one set lookup (words with dots, apostrophes, hyphens or non-ASCII letters
    go the long way, since normalising may change them)."""
    return word in _STARTS or not (word.isascii() and word.isalpha())


@dataclass(frozen=True, slots=True)
class Institution:
    """An institution span: article offsets, its sentence, country (None while unknown) and role."""

    sentence: Sentence
    start: int
    end: int
    country_code: str | None
    role: str
    bare: bool = False

    @property
    def written(self) -> str:
        """The span as the article writes it."""
        return self.sentence.text[self.start - self.sentence.start:self.end - self.sentence.start]


def institution_name(role: str, country: Place) -> str:
    """The display name of a country's body: "Armed forces of Russia"."""
    return f"{lex.INSTITUTION_ROLES[role][0]} of {country.name}"


def seat_institution(surface: str) -> tuple[str, str] | None:
    """(country code, role slug) of a seat standing for a body ("the Kremlin"), else None."""
    return lex.INSTITUTION_SEATS.get(normalize(surface))


def _named_body(surface: str) -> str | None:
    """Country code of a role noun one country writes as its body's name ("Foreign Office",
    see ``lexicon.NAMED_BODIES``), else None."""
    return lex.NAMED_BODIES.get(normalize(surface))


def _home_body(inst: Institution) -> bool:
    """Whether a bare role is written capitalised as a source's own body ("the Treasury")."""
    written = inst.written
    return written[:1].isupper() and normalize(written) in lex.HOME_BODIES


def _home_named_body(inst: Institution, home: str | None) -> bool:
    """Whether a bare role is written capitalised as the name of the source's own country's
    body (``lexicon.HOME_NAMED_BODIES``: "the Ministry of Defence" of a British paper)."""
    written = inst.written
    return home is not None and written[:1].isupper() and lex.HOME_NAMED_BODIES.get(normalize(written)) == home


def home_country(source_country: str | None, source: str | None) -> str | None:
    """The country a source writes from: its record's ``source_country``, else the home
    country of a known outlet (``lexicon.OUTLET_COUNTRIES``)."""
    return source_country or lex.OUTLET_COUNTRIES.get((source or "").strip().lower())


def _capital(phrase: str, gazetteer: Gazetteer) -> str | None:
    """ISO code of the country whose capital ``phrase`` names surely ("Moscow", "Kyiv")."""
    found = gazetteer.resolve(phrase)
    if found and found[0].capital and found[0].kind == "place" and found[1] >= 0.9:
        return found[0].country_code
    return None


def _seat_or_capital_left(doc, stop: int, start: int, slug: str, gazetteer: Gazetteer) -> str | None:
    """Country of a seat or a capital ending just before token ``stop`` (a possessive's owner:
    "the Kremlin's forces", "Moscow's army")."""
    for n in (2, 1):
        first = stop - n
        if first < start or not all(t.text[:1].isupper() for t in doc[first:stop]):
            continue
        phrase = doc[first:stop].text
        seat = seat_institution(phrase)
        if seat:
            return seat[0]
        if slug in lex.CAPITAL_ROLES:
            code = _capital(phrase, gazetteer)
            if code:
                return code
    return None


def _subject_country(doc, role_token, gazetteer: Gazetteer) -> str | None:
    """Country of the subject of the clause whose object is ``role_token`` ("Russia withdraws
    its troops", "Russia must pull back its forces"), or of a seat or capital standing for it
    ("the Kremlin has massed troops", "Moscow sent its troops")."""
    if role_token.dep_ not in ("dobj", "pobj", "conj"):
        return None
    verb = role_token.head
    if role_token.dep_ == "pobj":
        verb = verb.head
    for _ in range(2):  # the verb's own subject, else its governing verb's ("decided to withdraw")
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if not subject.text[:1].isupper():
                return None
            first = subject.i
            while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].text[:1].isupper():
                first -= 1
            phrase = doc[first:subject.i + 1].text
            seat = seat_institution(phrase)  # "the Kremlin has massed troops": Russia's own
            return _named_country(phrase, gazetteer) or (seat[0] if seat else _capital(phrase, gazetteer))
        if verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl") or verb.head is verb:
            return None
        verb = verb.head
    return None


def _main_subject_country(span, gazetteer: Gazetteer, before: int | None = None) -> str | None:
    """Country named as the subject of a sentence's main verb ("Russia ... calls the concern
    hysteria"), if that subject starts before token ``before``; else None."""
    root = span.root
    # A long parenthetical can leave the subject itself as the parse's root ("Russia - which ... -").
    subjects = [root] if root.pos_ == "PROPN" else [c for c in root.children if c.dep_ in _SUBJECTS]
    for subject in subjects:
        first = subject.i
        while first > span.start and subject.doc[first - 1].dep_ == "compound":
            first -= 1
        if before is not None and first >= before:
            return None
        return _named_country(subject.doc[first:subject.i + 1].text, gazetteer)
    return None


def _named_country(phrase: str, gazetteer: Gazetteer) -> str | None:
    """ISO code when a subject ``phrase`` names a country, not its people ("the Russians")."""
    code = country_word(phrase, gazetteer)
    return code if code and not gazetteer.demonym_country(phrase) else None


def country_word(phrase: str, gazetteer: Gazetteer) -> str | None:
    """ISO code when ``phrase`` is a country's name, short form or nationality word."""
    code = gazetteer.demonym_country(phrase)
    if code:
        return code
    alias = gazetteer.alias(phrase)
    if alias is not None:
        return alias.country_code if isinstance(alias, Place) and alias.kind == "country" else None
    found = gazetteer.resolve(phrase)
    if found and found[0].kind == "country" and found[1] >= 1.0:
        return found[0].country_code
    return None


def _lower(token) -> str:
    return "'s" if token.text in ("’s", "'s") else token.lower_


def _role_at(doc, i: int, end: int) -> tuple[int, str, bool] | None:
    """(token end, slug, bare allowed) of the longest role noun starting at token ``i``."""
    for words, slug, bare in _ROLES.get(_lower(doc[i]), ()):
        stop = i + len(words)
        if stop <= end and all(_lower(doc[i + k]) == w for k, w in enumerate(words)):
            return stop, slug, bare
    return None


def _country_left(doc, stop: int, start: int, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """(first token, code) of a country word ending just before token ``stop``."""
    for n in range(_MAX_COUNTRY_TOKENS, 0, -1):
        first = stop - n
        if first < start:
            continue
        tokens = doc[first:stop]
        if not all(t.text[:1].isupper() for t in tokens) or tokens[0].lower_ == "the":
            continue
        if first > start and doc[first - 1].text in ("-", "–"):
            continue  # "pro-Russian forces", "Russian-backed forces" are not Russia's
        code = country_word(tokens.text, gazetteer)
        if code:
            return first, code
    return None


def _coordinated_country(doc, stop: int, start: int, gazetteer: Gazetteer) -> tuple[int, str] | None:
    """(first token, code) of the country word of "<country> and <name> <role>" ("Russian and
    Donbas forces"): the role belongs to each, and the country's is the one the contract names."""
    for n in (1, 2):
        joint = stop - n - 1
        if joint - 1 < start or doc[joint].lower_ != "and":
            continue
        if not all(t.text[:1].isupper() for t in doc[joint + 1:stop]):
            continue
        left = _country_left(doc, joint, start, gazetteer)
        if left:
            return left
    return None


def _country_right(doc, i: int, end: int, gazetteer: Gazetteer,
                   slug: str = "") -> tuple[int, str] | None:
    """(token end, code) of "of (the) <country>" starting at token ``i``, or of "in <country>"
    after a government or parliament ("a caretaker government in Israel"; "forces in
    Ukraine" are as often another country's)."""
    if i + 2 < end and doc[i].lower_ in ("that", "which") and slug in _SENT_ROLES:
        # "troops that Russia sent": the country is the subject of a verb right after it.
        for n in range(_MAX_COUNTRY_TOKENS, 0, -1):
            stop = i + 1 + n
            if stop < end and doc[stop].pos_ in ("VERB", "AUX") and all(
                    t.text[:1].isupper() for t in doc[i + 1:stop]):
                code = country_word(doc[i + 1:stop].text, gazetteer)
                if code and not gazetteer.demonym_country(doc[i + 1:stop].text):
                    return stop, code
        return None
    if i >= end or not (doc[i].lower_ == "of" or (doc[i].lower_ == "in" and slug in _CAPITAL_SEATED_ROLES)):
        return None
    seated_in = doc[i].lower_ == "in"
    i += 1
    if i < end and doc[i].lower_ == "the":
        i += 1
    found = _country_at(doc, i, end, gazetteer, seated_in)
    era = i
    while era + 1 < end and doc[era].lower_ in lex.ERA_ADJECTIVES:
        era += 1
    if found is None and era > i:
        found = _country_at(doc, era, end, gazetteer, seated_in)  # "the forces of Nazi Germany"
    return found


def _country_at(doc, i: int, end: int, gazetteer: Gazetteer, seated_in: bool) -> tuple[int, str] | None:
    """(token end, code) of a country's name (or, ``seated_in``, its capital) starting at token ``i``."""
    for n in range(_MAX_COUNTRY_TOKENS, 0, -1):
        stop = i + n
        if stop > end:
            continue
        tokens = doc[i:stop]
        if not all(t.text[:1].isupper() for t in tokens) or tokens[0].lower_ == "the":
            continue
        if stop < end and doc[stop].text in ("-", "–"):
            continue
        code = country_word(tokens.text, gazetteer)
        if code and not gazetteer.demonym_country(tokens.text):
            return stop, code
        code = _capital(tokens.text, gazetteer) if seated_in else None
        if code:
            return stop, code  # "a court in Moscow", "the government in Kyiv"
    return None


def _seat_codes(span, words: list[str]) -> list[str]:
    """Countries of the seats named in a sentence ("Downing Street said" -> GB); ``words`` are
    its tokens' :func:`_lower`."""
    codes = []
    doc = span.doc
    for i in range(span.start, span.end):
        if _may_start(words[i - span.start]) and doc[i].text[:1].isupper():
            for n in (2, 1):
                if i + n <= span.end:
                    seat = seat_institution(doc[i:i + n].text)
                    if seat:
                        codes.append(seat[0])
                        break
    return codes


def _lowercase_seat(doc, i: int, end: int) -> tuple[int, str, str] | None:
    """(token end, code, slug) of a seat of two words written in lowercase after "the" ("the
    state department"); capitalised seats are the model's entities, typed in ``mentions``. Not
    a state's own department ("the state Department of Transportation", "the state department
    of health")."""
    if i + 2 > end or i == 0 or doc[i - 1].lower_ != "the" or not (doc[i].is_lower and doc[i + 1].is_lower):
        return None
    if i + 2 < len(doc) and doc[i + 2].lower_ == "of":
        return None
    seat = seat_institution(doc[i:i + 2].text)
    return (i + 2, *seat) if seat else None


def _chars(sentence: Sentence, doc, first: int, stop: int) -> tuple[int, int]:
    """Article offsets of tokens ``first`` to ``stop`` (exclusive)."""
    last = doc[stop - 1]
    return sentence.char(doc[first].idx), sentence.char(last.idx + len(last.text))


def _named_administration(doc, i: int, start: int, person_words: frozenset[str]) -> bool:
    """Whether token ``i`` is "administration" after a leader's name ("the Biden administration",
    also before a noun: "Biden administration officials"); the model tags a lone surname there
    as a person or as an organization, which counts when the article names that person."""
    if doc[i].lower_ != "administration" or i <= start:
        return False
    name = doc[i - 1]
    return name.ent_type_ == "PERSON" or (name.ent_type_ == "ORG" and name.text in person_words)


def _leader_country(doc, i: int, start: int) -> str | None:
    """Country of the known head of state or government whose name ends at token ``i``
    (``lexicon.LEADER_COUNTRIES``): "Putin", "Recep Tayyip Erdoğan", "Saddam Hussein"."""
    j = i
    while j >= start and i - j < _MAX_NAME_TOKENS and (j == i or doc[j].ent_type_ == "PERSON"):
        code = lex.LEADER_COUNTRIES.get(normalize(doc[j].text))
        if code:
            return code
        j -= 1
    return None


def _proper_role(doc, i: int, stop: int, start: int, slug: str) -> bool:
    """A role written as a proper noun without a determiner ("outside Parliament", "Parliament
    voted", also in lowercase: "a speech to parliament"): the one body of that kind the
    article's country has. Not after a capitalised word ("European Parliament") or a number
    ("the 1949 Parliament Act")."""
    if slug not in _PROPER_ROLES or stop - i != 1 or doc[i].is_upper:
        return False
    if doc[i].is_lower and (doc[i].text != "parliament" or i == start or (
            doc[i - 1].lower_ == "of" and i - 2 >= start and doc[i - 2].lower_ in _MEMBER_NOUNS)):
        return False  # "members of parliament" are MPs; "lawmakers" are as often a state's
    if stop < len(doc) and doc[stop].text[:1].isupper():
        return False  # "Parliament Square", "Parliament Act": a name made with the role
    return i == start or (doc[i - 1].is_lower and doc[i - 1].pos_ in ("ADP", "VERB", "AUX", "CCONJ", "SCONJ"))


def _sentence_institutions(sentence: Sentence, words: list[str], gazetteer: Gazetteer,
                           person_words: frozenset[str] = frozenset()) -> list[Institution]:
    """The institutions of one sentence; ``words`` are its tokens' :func:`_lower`."""
    span = sentence.span
    doc = span.doc
    found = []
    i = span.start
    while i < span.end:
        if not _may_start(words[i - span.start]):
            i += 1
            continue
        seat = _lowercase_seat(doc, i, span.end)
        if seat is not None:
            stop, code, slug = seat
            found.append(Institution(sentence, *_chars(sentence, doc, i, stop), code, slug))
            i = stop
            continue
        role = _role_at(doc, i, span.end)
        if role is None:
            i += 1
            continue
        stop, slug, bare_ok = role
        last = doc[stop - 1]
        # "Ukraine's military claims that": a root noun before "that" is the sentence's verb
        # ("Russian military vehicles" of a caption, a root too, stays an adjective's noun).
        modifier = (stop - i == 1 and stop < span.end and doc[stop].pos_ == "NOUN" and doc[stop].is_lower
                    and last.dep_ in ("compound", "amod", "nmod")
                    and not (doc[stop].dep_ == "ROOT" and stop + 1 < span.end and doc[stop + 1].lower_ == "that"))
        # "its military and economic aid": a role word coordinated with an adjective is one too.
        modifier = modifier or (stop - i == 1 and last.dep_ == "amod" and last.head.i > last.i
                                and any(c.dep_ == "conj" and c.pos_ == "ADJ" for c in last.children))
        if modifier and (last.pos_ == "ADJ" or _role_at(doc, stop, span.end)):
            # "military operations", "US military aid": an adjective, not the body;
            # "military intelligence": the body is the role noun that follows.
            i += 1
            continue
        k = i
        while k > span.start and doc[k - 1].lower_ in lex.INSTITUTION_MODIFIERS:
            k -= 1
        possessive = k > span.start and doc[k - 1].text in _POSSESSIVE_TOKENS
        left = _country_left(doc, k - 1 if possessive else k, span.start, gazetteer)
        if left is None and not possessive:
            left = _coordinated_country(doc, k, span.start, gazetteer)  # "Russian and Donbas forces"
        if (left is None and possessive and slug in _LEADERS_ROLES and k - 2 >= span.start
                and doc[k - 2].ent_type_ == "PERSON"):
            # "<leader>'s regime", "<leader>'s army": the leader's country (a known head of
            # state's, or named after it: "Saddam Hussein's regime in Iraq"), else taken from the
            # article like a bare role's; the name stays a person mention of its own, as does
            # the country after "in".
            right = _country_right(doc, stop, span.end, gazetteer, slug)
            code = _leader_country(doc, k - 2, span.start) or (right[1] if right else None)
            found.append(Institution(sentence, *_chars(sentence, doc, i, stop), code, slug, code is None))
            i = stop
            continue
        if (left is None and not possessive and slug in _LEADERS_ROLES and k - 1 >= span.start
                and (code := _leader_country(doc, k - 1, span.start))):
            found.append(Institution(sentence, *_chars(sentence, doc, i, stop), code, slug))
            i = stop  # "the Putin regime": the name stays a person mention of its own
            continue
        owner = None
        if left is None and possessive:
            owner = _seat_or_capital_left(doc, k - 1, span.start, slug, gazetteer)  # "the Kremlin's forces"
        elif left is None and k > span.start and doc[k - 1].lower_ == "its":
            owner = _subject_country(doc, last, gazetteer)  # "Russia withdraws its troops"
        elif left is None and slug in _SENT_ROLES and last.dep_ == "dobj" and lemma(last.head) in lex.DEPLOY_VERBS:
            owner = _subject_country(doc, last, gazetteer)  # "Russia moving some troops": its own
        if owner:
            # The seat, capital or subject keeps its own mention; the body is the role's words.
            found.append(Institution(sentence, *_chars(sentence, doc, k, stop), owner, slug))
            i = stop
            continue
        if left is None and modifier and not _named_administration(doc, i, span.start, person_words):
            i += 1  # "the government officials": without a country word, a modifier is no body
            continue  # ("Biden administration officials" are the administration's, below)
        if left and k < i and doc[i].text[:1].isupper() and any(t.text[:1].isupper() for t in doc[k:i]):
            i = stop  # "the Russian Federal Security Service": a named body, not the role
            continue
        first, code, bare = (left[0], left[1], False) if left else (i, None, False)
        if code is None and _named_administration(doc, i, span.start, person_words):
            # "the Biden administration"; the name stays a person
            code = _leader_country(doc, i - 1, span.start) or lex.ADMINISTRATION_OF_PERSON
        if code is None:
            right = _country_right(doc, stop, span.end, gazetteer, slug)
            if right:
                # "of Ukraine" is part of the name; "in Israel" stays the country's own mention.
                stop, code = (right[0] if doc[stop].lower_ == "of" else stop), right[1]
            elif (doc[i].text[:1].isupper() and (i == span.start or doc[i - 1].lower_ == "the"
                                                 or not doc[i - 1].text[:1].isupper())
                  and (body := _named_body(doc[i:stop].text))):
                code = body  # "the Foreign Office": Britain's, whatever the article's countries
            elif i > span.start and ((bare_ok and doc[i - 1].lower_ in {"the", *_BODY_POSSESSIVES}) or (
                    doc[i - 1].lower_ in _LEADER_POSSESSIVES and (bare_ok or slug == "government"))):
                bare = True  # "the defence ministry", "his administration", "its defence ministry": from context
            elif _proper_role(doc, i, stop, span.start, slug):
                bare = True  # "a protest outside Parliament": the article's country's
            elif normalize(doc[i:stop].text) in lex.UNDETERMINED_BARE_ROLES:
                bare = True  # "riot police used water cannon"
            else:
                i += 1
                continue
        if left and not possessive and slug != MISSION:
            found.extend(Institution(sentence, *_chars(sentence, doc, a, b), c, slug)
                         for a, b, c in _coordinated_nationalities(doc, first, k, span.start, gazetteer))
        found.append(Institution(sentence, *_chars(sentence, doc, first, stop), code, slug, bare))
        i = stop
    return found


def _adjectival_country(doc, first: int, stop: int, gazetteer: Gazetteer) -> bool:
    """Whether tokens ``first`` to ``stop`` are a nationality ("British") or a country's
    initials ("US", "UK"), the forms that qualify a noun; not a country's name ("Israel")."""
    text = doc[first:stop].text
    return bool(gazetteer.demonym_country(text)) or (stop - first == 1 and doc[first].is_upper)


def _coordinated_nationalities(doc, first: int, end: int, start: int,
                               gazetteer: Gazetteer) -> list[tuple[int, int, str]]:
    """(first token, token end, code) of the nationalities coordinated before the one at tokens
    ``first`` to ``end`` ("British and French troops", "US, British and French forces"): the role
    is each one's. Only with "and" or "or" next to the last one, so "In the UK, US forces" stays one."""
    if not _adjectival_country(doc, first, end, gazetteer):
        return []
    out: list[tuple[int, int, str]] = []
    joint = first - 1
    while joint > start and (doc[joint].lower_ in ("and", "or") or (out and doc[joint].text == ",")):
        stop = joint - 1 if doc[joint].lower_ in ("and", "or") and doc[joint - 1].text == "," else joint
        left = _country_left(doc, stop, start, gazetteer)
        if left is None or not _adjectival_country(doc, left[0], stop, gazetteer):
            break
        out.append((left[0], stop, left[1]))
        joint = left[0] - 1
    return out[::-1]


def _skip_the(span) -> int:
    """Index of a span's first token after a leading "the"."""
    return 1 if span[0].lower_ == "the" and len(span) > 1 else 0


def _leading_country(counts: Counter) -> str | None:
    """The country named at least twice, and ``LEADING_COUNTRY_RATIO`` times as often as any other."""
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < LEADING_COUNTRY_RATIO * ranked[1][1]):
        return None
    return ranked[0][0]


def _owned(inst: Institution) -> bool:
    """Whether a possessive ends right before the role ("Adolf Hitler's army"): an unknown
    person's body, not one of the leaders named nearby."""
    before = inst.sentence.text[:inst.start - inst.sentence.start].rstrip()
    return before.endswith(tuple(_POSSESSIVE_TOKENS))


def _may_lead(inst: Institution, named_heads: frozenset[str]) -> bool:
    """Whether a bare role may take the article's leading country: not a leader's body ("Mr X's
    government", "his administration" are X's country's, not the article's), nor a vague role
    ("the authorities"), nor the last word of a body the article names ("the Parliament" after
    "the European Parliament"); ``named_heads`` are those last words."""
    sentence = inst.sentence
    before = sentence.text[:inst.start - sentence.start].rstrip()
    written = inst.written.lower()
    leader = before.endswith(tuple(_POSSESSIVE_TOKENS)) or before.lower().endswith(
        tuple(f" {word}" for word in _LEADER_POSSESSIVES))
    return not leader and written not in lex.VAGUE_BARE_ROLES and written.split()[-1] not in named_heads


def find_institutions(sentences: Sequence[Sentence], gazetteer: Gazetteer,
                      article_countries: Counter, home: str | None = None,
                      dateline: str | None = None) -> list[Institution]:
    """The institutions of an article, in text order; bare roles without a clear country
    (see the module docstring) are left out. ``article_countries`` counts the countries the
    article names (ISO code -> mentions); ``home`` is the source's country, the country of
    a bare role in an article that names none; ``dateline`` the country of its dateline."""
    # Words of the persons' names the model found, for a surname it tags ORG once ("Biden").
    person_words = frozenset(word for sentence in sentences if sentence.span is not None
                             for ent in sentence.ents if ent.label_ == "PERSON" and len(ent) > 1
                             for word in ent.text.split())
    parsed = [s for s in sentences if s.span is not None]
    # One Token object per token, not one per check.
    words = [[_lower(token) for token in s.span] for s in parsed]
    found = [inst for sentence, sentence_words in zip(parsed, words)
             for inst in _sentence_institutions(sentence, sentence_words, gazetteer, person_words)]
    # Countries of the bodies named outright, with the sentence naming them (seats included).
    named_roles = [(inst.sentence.sentence_id, inst.country_code, inst.role) for inst in found
                   if not inst.bare and inst.role != MISSION]  # an embassy is abroad
    named = [(n, code) for n, code, _ in named_roles]
    named += [(sentence.sentence_id, code) for sentence, sentence_words in zip(parsed, words)
              for code in _seat_codes(sentence.span, sentence_words)]
    article_codes = {code for _, code in named}
    # Known heads of state or government named nearby ("President Macron ... the government
    # would prepare") settle a bare role's country when no body is named there; not from
    # further away, since an article may quote a foreign leader once.
    leaders = [(sentence.sentence_id, code) for sentence in parsed for ent in sentence.ents
               if ent.label_ == "PERSON" and (code := lex.LEADER_COUNTRIES.get(normalize(ent[-1].text)))]
    dominant = None
    total = sum(article_countries.values())
    # The source's home country weighs as one mention ("the government" of a British paper's
    # article that names the UK once is the UK's; one naming Russia ten times is Russia's).
    counts = article_countries + Counter({home: HOME_COUNTRY_WEIGHT}) if home else article_countries
    if counts:
        code, n = counts.most_common(1)[0]
        if n >= 2 and n >= DOMINANT_COUNTRY_SHARE * sum(counts.values()):
            dominant = code
    # Last words of the bodies the model names ("European Parliament"): their bare role is that
    # body. Not a role noun the model tags as a name ("the Prosecutor General's Office").
    named_heads = frozenset(ent[-1].lower_ for sentence in parsed for ent in sentence.ents
                            if ent.label_ == "ORG" and len(ent) > 1 and not _role_at(ent, _skip_the(ent), len(ent)))
    leading = _leading_country(counts + Counter({dateline: DATELINE_WEIGHT}) if dateline else counts)
    previous = {}  # sentence id -> the sentence before it, for the antecedent of "its"
    for before, sentence in zip(sentences, sentences[1:]):
        previous[sentence.sentence_id] = before
    out = []
    for inst in found:
        if not inst.bare:
            out.append(inst)
            continue
        sid = inst.sentence.sentence_id
        if inst.sentence.text[:inst.start - inst.sentence.start].rstrip().lower().endswith(tuple(_BODY_POSSESSIVES)):
            # "Its defence ministry": the country the sentence, else the one before, is about.
            span, prior = inst.sentence.span, previous.get(sid)
            token = next((t.i for t in span if inst.sentence.base + t.idx >= inst.start), None)
            code = _main_subject_country(span, gazetteer, token) or (
                _main_subject_country(prior.span, gazetteer) if prior is not None and prior.span is not None else None)
            if code:
                out.append(Institution(inst.sentence, inst.start, inst.end, code, inst.role, True))
                continue
        # "the Treasury said" after "the U.S. Treasury": the one country whose body of that
        # role the article has named so far, before the countries of other bodies nearby; not
        # for a government or armed forces, which articles name for several countries in turn.
        same_role = {inst_code for n, inst_code, role in named_roles
                     if n <= sid and role == inst.role and role not in _COMMON_ROLES}
        nearby = {code for n, code in named if sid - _NEARBY_SENTENCES <= n <= sid}
        leaders_near = {code for n, code in leaders if sid - _NEARBY_SENTENCES <= n <= sid}
        if len(same_role) == 1:
            code = next(iter(same_role))
        elif not same_role and _home_named_body(inst, home):
            code = home  # "the Ministry of Defence" of a British paper, whatever bodies are near
        elif len(nearby) == 1:
            code = next(iter(nearby))
        elif not nearby and len(leaders_near) == 1 and not _owned(inst):
            code = next(iter(leaders_near))
        elif not nearby and len(article_codes) == 1:
            code = next(iter(article_codes))
        elif not nearby and not article_codes:
            code = dominant or (home if not total else None)
        else:
            code = None
        if code is None and home and _home_body(inst):
            code = home  # "the Treasury" of a paper: its own country's, when the article is unclear
        if code is None and _may_lead(inst, named_heads):
            code = leading
        if code:
            out.append(Institution(inst.sentence, inst.start, inst.end, code, inst.role, True))
    return out
