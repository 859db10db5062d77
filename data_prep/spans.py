"""The spans of one article before typing and the mentions typing makes of them.

Shared by the modules that find and type them (:mod:`data_prep.mentions`, :mod:`data_prep.places`,
:mod:`data_prep.clubs`).
Besides the model's labels (PERSON, ORG, GPE...), a span may carry one of the pseudo labels below,
set by a rule that found or re-read it.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .records import Sentence

__all__ = ["OTHER_LABELS", "TOKEN", "PART", "INSTITUTION", "STATE_TAG", "AREA", "CLUB", "COUNTRY_CODE", "Span", "Mention"]

# Labels the small model gives to places and people it does not know ("Kursk" as PRODUCT).
OTHER_LABELS = {"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"}
TOKEN = "TOKEN"  # pseudo label: proper nouns the model left untagged
PART = "PART"  # pseudo label: one place of "X and Y" the model tagged as one entity
INSTITUTION = "INST"  # pseudo label: a country word with a role noun ("Russian forces")
STATE_TAG = "STATE_TAG"  # pseudo label: the state of a US party-state tag ("Sen. X, R-Ariz.")
AREA = "AREA"  # pseudo label: a constituency or ward its cues name ("the MP for X and Y")
CLUB = "CLUB"  # pseudo label: a club by its name's shape or a match's words ("beat X"), a company by its short form
COUNTRY_CODE = "COUNTRY_CODE"  # pseudo label: a country's ISO code in brackets after a place ("Odesa (UA)")


@dataclass(slots=True)
class Span:
    """One cleaned entity span of a sentence, before typing."""

    sentence: Sentence
    start: int  # article offsets
    end: int
    surface: str
    label: str
    prev_word: str = ""
    next_word: str = ""
    acronym: str | None = None  # "(NATO)" right after the span
    honorific: bool = False  # "Mr"/"Ms" stood before the name
    model_label: str = ""  # the model's label when the context changed it (see actor_cues)
    club: str = ""  # the full name a short form stands for ("United": "Leeds United", "Henley": "Henley & Partners")
    listed: bool = False  # an item of a list of names (a team sheet): a person, whatever else the name is
    country: str = ""  # the ISO code written beside a place ("Odesa (UA)"): its country


@dataclass(slots=True)
class Mention:
    """A typed mention; ``entity_id`` and ``name`` may still change by linking."""

    span: Span
    kind: str
    entity_id: str
    name: str
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    certainty: float = 1.0
    linked: bool = False  # a person tied to a full name of the article
    from_alias: bool = False  # typed by the hand-made alias table
    source: str = ""  # the gazetteer source of a place ("region", "state", "city"...)
