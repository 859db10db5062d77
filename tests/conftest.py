"""Shared fixtures: the spaCy model, the seed article, the hand-made dashboard dataset, and the
shared corpus when present.

Tests are marked by what they need, from the fixtures they use: anything that reaches
``shared_corpus`` is ``corpus`` and anything that drives ``browser`` is ``browser``, so
``make check`` (``-m "not browser and not corpus"``) cannot pick up a slow test by accident.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from data_prep.records import Article, Sentence

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "ukraine-atacms-2024-11-17.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus" / "articles.jsonl"


# fixture a test uses (directly or through other fixtures) -> the marker it gets
MARKERS_BY_FIXTURE = {"shared_corpus": "corpus", "browser": "browser"}


@pytest.hookimpl(tryfirst=True)  # before `-m` deselects by marker
def pytest_collection_modifyitems(items):
    for item in items:
        for fixture, marker in MARKERS_BY_FIXTURE.items():
            if fixture in getattr(item, "fixturenames", ()):
                item.add_marker(marker)


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


@pytest.fixture(scope="session")
def parsed_corpus_sample(shared_corpus, nlp) -> list[tuple[dict, Article, list[Sentence]]]:
    """A fixed sample of the shared corpus, parsed once: ``(record, article, sentences)`` triples.

    Every 14th war article (51, dated 2022-2024, first) and every 20th BBC article (100, undated,
    all five sections), so date, figure, mention and topic checks all see both kinds of news.
    """
    from data_prep.segment import parse_articles

    def article(record: dict) -> Article:
        when = None
        if record.get("published"):
            when = datetime.fromisoformat(record["published"].replace("Z", "+00:00"))
            when = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
        return Article(article_id=record["id"], text=record["text"], published=when)

    war = [r for r in shared_corpus if r.get("war_related")]
    bbc = [r for r in shared_corpus if not r.get("war_related")]
    records = war[::14] + bbc[::20][:100]
    parsed = parse_articles((article(r) for r in records), nlp)
    return [(record, art, sentences) for record, (art, sentences) in zip(records, parsed)]


@pytest.fixture(scope="session")
def dashboard_dataset(tmp_path_factory) -> Path:
    """The hand-made four-article dataset (tests/dashboard_data.py) on disk, written once per run."""
    from tests.dashboard_data import write_dashboard_dataset

    return write_dashboard_dataset(tmp_path_factory.mktemp("dashboard") / "small")
