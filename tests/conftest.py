"""Shared fixtures: the spaCy model, the seed article, and the shared corpus when present."""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from data_prep.records import Article

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ukraine-atacms-2024-11-17.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


@pytest.fixture(scope="session")
def nlp():
    """The spaCy model, loaded once for the whole run."""
    from data_prep.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def parse(nlp):
    """A function: (text, published=None) -> (Article, sentences) for small test texts."""
    from data_prep.segment import parse_article

    def _parse(text: str, published: str | None = None, article_id: str = "t1"):
        when = datetime.fromisoformat(published).replace(tzinfo=timezone.utc) if published else None
        article = Article(article_id=article_id, text=text, published=when)
        return article, parse_article(article, nlp)

    return _parse


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article's body (the text after its title, date and author lines)."""
    return SEED.read_text(encoding="utf-8").split("\n", 3)[3]


@pytest.fixture(scope="session")
def shared_corpus() -> list[dict]:
    """The shared corpus records; skips the test when ../shared is absent."""
    if not SHARED_CORPUS.exists():
        pytest.skip("shared corpus not present")
    with SHARED_CORPUS.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


@pytest.fixture(scope="session")
def seed_dataset(tmp_path_factory) -> Path:
    """The seed built by the real CLI path into a fresh directory (built once per run)."""
    from data_prep.build import build

    out = tmp_path_factory.mktemp("datasets") / "seed"
    build([ROOT / "seeds"], out)
    return out
