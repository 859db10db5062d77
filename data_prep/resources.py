"""What the stages read besides the articles, loaded once per process and passed explicitly.

Each process (the build, or each worker) calls :func:`load_resources` once
(:func:`data_prep.pipeline.load_pipeline`) and hands the result to every stage:
``extract_mentions``, ``extract_events`` and ``extract_figures`` take it as their third
argument, ``link_entities`` as its second; topics take ``resources.taxonomy``. No stage
loads a file itself, so the same per-article function runs in one process or in a pool of
workers (a :class:`Resources` pickles; each worker may also call :func:`load_resources`).

The word lists (:mod:`data_prep.lexicon`) and the date grammar built from them
are code, compiled at import, so they are not carried here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .figures import Units, load_units
from .gazetteer import Gazetteer, load_gazetteer
from .topics import Taxonomy, load_taxonomy

__all__ = ["Resources", "load_resources"]


@dataclass(frozen=True, slots=True)
class Resources:
    """The loaded vocabularies: places and names, topic terms, unit forms."""

    gazetteer: Gazetteer  # GeoNames places, aliases.csv, demonyms.csv
    taxonomy: Taxonomy    # topics.csv
    units: Units          # units.csv, compiled to the patterns figures match


@lru_cache(maxsize=1)
def load_resources() -> Resources:
    """Load every resource once per process (the gazetteer from its pickle cache when warm)."""
    return Resources(gazetteer=load_gazetteer(), taxonomy=load_taxonomy(), units=load_units())
