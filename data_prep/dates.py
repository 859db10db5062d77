"""Dates stage: the timeline of events an article describes.

A grammar compiled from the registry of date forms (:mod:`data_prep.date_forms`, where a
new form is added) finds date expressions in each sentence; spaCy DATE/TIME entities only
confirm ambiguous words ("May", "spring"). Relative and partial dates resolve against the
publication date and the tense of the verb that governs them; this module reads the tense
and the context, each form's resolver computes the period.

Conventions (the contract leaves these open):
* weeks run Monday to Sunday; "the weekend" is Saturday to Sunday with precision "week";
* seasons are meteorological, northern hemisphere; "winter 2022" is Dec 2022 to Feb 2023;
* "early"/"late"/"mid-"/"the end of" keep the period they modify ("early March" is all of March);
* rolling spans of up to a week ("the past week", "the next 48 hours") are ranges that end or
  start at publication, with the unit as precision; longer ones ("the past four months", "the
  next 12 months", "the past decade") are durations and dropped, as the labels skip them;
* anaphora ("the next day", "that year", "two weeks later") step from the latest date found
  in the previous two sentences; they count as relative;
* dropped: durations ("three years", "for decades"), frequencies ("daily"), ages, vague spans
  ("recent weeks", "the coming months", "a few days ago"), centuries, and numeric dates such as
  "11/17/2024" whose day/month order is ambiguous.
dateparser is not used: at about 6-7 ms a sentence (measured) it would cost as much as the
whole stage, and it reads durations as dates ("three years" -> three years ago).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import lexicon as lex
from .date_forms import FORMS_BY_NAME, FUTURE, GRAMMAR, PAST, Period, count, may_hold_date, \
    offset, resolve_match, shift
from .nlp import lemma
from .records import Article, Sentence

if TYPE_CHECKING:
    from .resources import Resources

__all__ = ["extract_events", "resolve_expression", "PAST", "FUTURE"]

_DATE_LABELS = frozenset({"DATE", "TIME"})
# A match inside one of these entities is part of a name or a number, not a date.
_BLOCKING_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC",
                              "NORP", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "LAW"})


# --- anaphora and single expressions ---------------------------------------------------------
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4,
                   "decade": 5}


def _resolve_anaphor(m: re.Match, anchor: Period | None) -> Period | None:
    """"the next day", "that year", "two weeks later": a step from the previous date in the text."""
    if anchor is None:
        return None
    det = " ".join((m.group("an_det") or "").lower().split())
    unit = (m.group("an_u") or m.group("an_u2") or m.group("an_u3")).lower()
    if unit == "decade" or _PRECISION_RANK[anchor[2]] > _PRECISION_RANK[unit]:
        return None  # "the next day" after "in 2014" has no day to step from
    if det in ("the same", "that"):
        step = 0
    elif det in ("the next", "the following"):
        step = 1
    elif det == "the previous":
        step = -1
    elif m.group("an_rel"):  # "the day before", "the week after"
        step = 1 if m.group("an_rel").lower() == "after" else -1
    else:
        n = count(m.group("an_n"))
        if n is None:
            return None
        step = n if m.group("an_dir").lower() == "later" else -n
    if step == 0 and anchor[2] == unit:
        return anchor[0], anchor[1], unit, True
    return shift(anchor[0], step, unit)


def resolve_expression(text: str, published: date | datetime | None, *,
                       tense: str | None = None) -> Period | None:
    """Resolve one date expression ("last Friday", "Feb. 24") without a parse.

    ``tense`` is ``PAST``, ``FUTURE`` or None (nearest occurrence); returns
    (first day, last day, precision, relative) or None when it cannot be anchored.
    """
    m = GRAMMAR.search(text)
    if m is None:
        return None
    return resolve_match(m, _as_date(published), tense)


def _as_date(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


# --- tense ---------------------------------------------------------------------------------
def _verb_tense(verb: Any, depth: int = 0, via_infinitive: bool = False) -> str | None:
    """PAST, FUTURE or None for a verb token, from its auxiliaries, tag and lemma."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & lex.FUTURE_AUXILIARIES or lemma(verb).lower() in lex.FUTURE_LEMMAS:
        return FUTURE
    if via_infinitive and lemma(verb).lower() in lex.INTENT_LEMMAS:
        return FUTURE
    if "would" in auxes:
        return PAST if "have" in auxes else None
    if auxes & lex.MODALS:
        return PAST if "have" in auxes else FUTURE
    if "going" in auxes or (verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)):
        return FUTURE
    tag = verb.tag_
    if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl", "acl") and verb.head is not verb and (
            "to" in auxes or (verb.dep_ == "conj" and not auxes)):
        # "set to take office in January", "will meet and sign a deal on Friday"
        inherited = _verb_tense(verb.head, depth + 1, via_infinitive="to" in auxes)
        if inherited or "to" in auxes:
            return inherited
    if tag in ("VBD", "VBN"):
        return PAST
    if tag == "VBG" and auxes & {"was", "were"}:
        return PAST
    return None


def _tense(span: Any) -> str | None:
    """Tense of the clause a date expression belongs to (None when unclear); a date after
    "through"/"until" in a clause that is not past is future; a date modifying the noun after
    it ("the 24 February invasion") names an event, which a clause that is not past does not
    place in the future: the nearest occurrence is meant."""
    tense = _clause_tense(span)
    root = span.root
    if (tense != PAST and root.dep_ in lex.ATTRIBUTIVE_DEPS and root.head.i >= span.end
            and root.head.pos_ == "NOUN"
            and not (span.start > span.sent.start and span.doc[span.start - 1].lower_ in lex.DATE_LEADS)):
        return None
    if tense != PAST and span.start > span.sent.start and span.doc[span.start - 1].lower_ in lex.UNTIL_CUES:
        return FUTURE
    return tense


def _clause_tense(span: Any) -> str | None:
    sent = span.sent
    before = span.doc[span.start - 1].lower_ if span.start > sent.start else ""
    if before in lex.PAST_CUES:
        return PAST
    if before in lex.FUTURE_CUES:
        return FUTURE
    token = span.root
    for _ in range(8):
        if token.head is token:
            break
        child, token = token, token.head
        if lemma(token).lower() in lex.FUTURE_LEMMAS or token.lower_ in lex.FUTURE_CUES:
            return FUTURE
        if lemma(token).lower() in lex.INTENT_LEMMAS and child.lower_ == "for":
            return FUTURE  # "the vote is set for Sunday"
        if token.lower_ in lex.AHEAD_WORDS:
            return None  # "announced ahead of the 9 May parade": after the clause's event
        if token.pos_ in ("VERB", "AUX"):
            return _verb_tense(token)
    return _verb_tense(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None


# --- extraction ----------------------------------------------------------------------------
_ANCHOR_REACH = 2  # "the next day" looks back this many sentences for its date


def _previous_word(text: str, at: int) -> str:
    head = text[max(0, at - 16):at].split()
    return head[-1].lower().strip(",(\"'“‘") if head else ""


def _supported(kind: str, m: re.Match, text: str, in_date_ent: bool) -> bool:
    """Whether a match that may be an ordinary word counts as a date here."""
    prev = _previous_word(text, m.start())
    if kind == "rolling" and not m.group("ro_n") and not m.group("ro_pl"):
        # "the next day" is anaphoric; "over the next year" is a span from publication.
        return m.group("ro_u").lower() != "day" and (
            m.group("ro_dir").lower() in ("past", "last") or prev in lex.ROLLING_LEADS)
    if kind == "deictic" and prev == "of" and not text[:m.start()].lower().endswith("as of ") \
            and not text[m.end():m.end() + 1] in ("'", "’"):
        return False  # "the Russia of today", but not "as of today"
    if kind == "named_day":
        return prev not in lex.NUMERIC_DAY_LEADS  # "voting is set for 9/11": a date of this year
    if in_date_ent or not FORMS_BY_NAME[kind].needs_support:
        return True
    if kind == "season":
        return bool(m.group("se_dir"))
    if kind in ("quarter", "holiday", "weekend"):
        return prev in lex.DATE_LEADS
    if kind == "month" and m.group("mo") in ("May", "March") and not m.group("mo_dir"):
        return prev in lex.DATE_LEADS - {"to", "and", "or", "as"}
    if kind == "year" and prev == "the":
        return True  # "the 2019 election"; counts ("the 1950 residents") are caught later
    return prev in lex.DATE_LEADS or bool(m.group("mo_dir") if kind == "month" else m.group("yr_mod"))


def _is_name_part(kind: str, m: re.Match, tokens: Any, in_date_ent: bool) -> bool:
    """Date words inside names or used as plain modifiers ("Winter Olympics", "winter wheat")."""
    doc = tokens.doc
    if kind == "season":
        word = doc[tokens.end - 1]
        if word.dep_ in ("compound", "amod") and not m.group("se_dir"):
            return True
        return word.text[0].isupper() and word.i > word.sent.start and not m.group("se_dir")
    if kind == "holiday":
        return len(tokens) == 1 and tokens.root.dep_ == "compound"
    if kind == "year" and tokens.end < len(doc) and (
            doc[tokens.end].lower_ in lex.CLOCK_WORDS or doc[tokens.end:tokens.end + 2].text.lower() in lex.CLOCK_PHRASES):
        return True  # "at 2000 GMT", "at 1800 hours", "at 2000 local time": a clock time
    if kind == "year" and len(tokens) == 1:
        # "1950 residents": a count of a plural noun, even when NER calls it a DATE.
        token = tokens[0]
        before = doc[token.i - 1].lower_ if token.i > 0 else ""
        modern = lex.MODERN_YEARS[0] <= int(m.group("yr")) <= lex.MODERN_YEARS[1]
        return token.dep_ == "nummod" and token.head.tag_ == "NNS" and not (
            before in lex.DATE_LEADS or (modern and before in lex.YEAR_DETERMINERS))
    if kind == "named_day" and tokens.start > tokens.sent.start:
        # "Fahrenheit 9/11": a capitalised word before the number makes it a title's part.
        return doc[tokens.start - 1].text[:1].isupper()
    if kind == "weekday" and not in_date_ent and tokens.end < len(doc):
        after = doc[tokens.end]
        # "the Sunday Times": a capitalised word straight after a bare weekday.
        return after.text[:1].isupper() and after.text.lower() not in lex.MONTH_WORDS
    return False


def _is_final_sense(kind: str, m: re.Match, tokens: Any) -> bool:
    """"Putin's last winter": "last" after a possessive means final, not previous."""
    group = FORMS_BY_NAME[kind].direction
    if not group or (m.group(group) or "").lower() != "last" or tokens.start == 0:
        return False
    before = tokens.doc[tokens.start - 1]
    return before.tag_ in ("POS", "PRP$")


@dataclass(slots=True)
class _Anchor:
    """The latest date seen in an article, for anaphora such as "the next day"."""

    period: Period | None = None
    sentence_id: int = -_ANCHOR_REACH - 1

    def recent(self, sentence_id: int) -> Period | None:
        return self.period if sentence_id - self.sentence_id <= _ANCHOR_REACH else None


def _resolve_in_context(m: re.Match, tokens: Any, text: str, pub: date | None,
                        anchor: _Anchor, sentence_id: int) -> Period | None:
    """Period of an accepted match, using the tense, the publication date and the anchor."""
    kind = m.lastgroup
    if kind != "anaphor":
        tense = _tense(tokens) if pub is not None and FORMS_BY_NAME[kind].tensed else None
        return resolve_match(m, pub, tense)
    unit = (m.group("an_u") or "").lower()
    if (m.group("an_det") or "").lower().startswith("the next") and pub is not None \
            and _previous_word(text, m.start()) in lex.ROLLING_LEADS:
        return pub, offset(pub, 1, unit), unit, True  # "over the next year"
    try:
        period = _resolve_anaphor(m, anchor.recent(sentence_id))
    except (ValueError, OverflowError):
        return None  # "999 years later" stepping past year 9999
    if period and pub and period[0] > pub + timedelta(days=366):
        return None  # "80 years later" in a counterfactual, not a timeline
    return period


def _sentence_events(article: Article, sentence: Sentence, pub: date | None,
                     anchor: _Anchor) -> list[dict]:
    """Event rows of one sentence; ``anchor`` carries the latest date across sentences."""
    text = sentence.text  # Doc.text is rebuilt from tokens on every access: avoid it
    if not may_hold_date(text):
        return []
    matches = list(GRAMMAR.finditer(text))
    if not matches:
        return []
    doc = sentence.span.doc
    offset = sentence.start - sentence.base  # of the sentence text within the paragraph Doc
    ents = [(e.start_char - offset, e.end_char - offset, e.label_) for e in sentence.ents]
    events = []
    for m in matches:
        kind, start, end = m.lastgroup, m.start(), m.end()
        labels = {label for s, e, label in ents if s < end and start < e}
        # The model reads "the 9/11 attacks" as a number: a named day is a date whatever its tag.
        in_date_ent = bool(labels & _DATE_LABELS) or kind == "named_day"
        if (labels & _BLOCKING_LABELS and not in_date_ent) or not _supported(kind, m, text, in_date_ent):
            continue
        tokens = doc.char_span(offset + start, offset + end, alignment_mode="expand")
        if not tokens or _is_name_part(kind, m, tokens, in_date_ent) or _is_final_sense(kind, m, tokens):
            continue
        period = _resolve_in_context(m, tokens, text, pub, anchor, sentence.sentence_id)
        if period is None:
            continue
        anchor.period, anchor.sentence_id = period, sentence.sentence_id
        if kind == "yrange" and len(m.group("yr_y2")) == 4:
            # "(1995-2005)" names two years, as "from 1995 to 2005" does; "2014-15" is one span.
            for group in ("yr_y1", "yr_y2"):
                year = int(m.group(group))
                events.append(_row(article, sentence, m.start(group), m.end(group), m.group(group),
                                   (date(year, 1, 1), date(year, 12, 31), "year", False)))
            continue
        events.append(_row(article, sentence, start, end, m.group(), period))
    return events


def _row(article: Article, sentence: Sentence, start: int, end: int, surface: str, period: Period) -> dict:
    """An event row for the sentence-relative span ``start``-``end``."""
    first, last, precision, relative = period
    return {
        "article_id": article.article_id,
        "sentence_id": sentence.sentence_id,
        "start": sentence.start + start,
        "end": sentence.start + end,
        "surface": surface,
        "date": pd.Timestamp(first),
        "date_end": pd.Timestamp(last),
        "precision": precision,
        "relative": relative,
    }


def extract_events(article: Article, sentences: list[Sentence],
                   resources: Resources) -> list[dict]:
    """Dated events of one article: every anchored date expression with its period.

    Rows carry the contract's ``events`` keys; ``article.text[start:end] == surface``.
    ``resources`` is accepted like the other stages' but not needed: the date vocabulary
    is compiled into the grammar at import.
    """
    pub = _as_date(article.published)
    events: list[dict] = []
    anchor = _Anchor()
    for sentence in sentences:
        if sentence.span is None:
            continue
        events.extend(_sentence_events(article, sentence, pub, anchor))
    return events
