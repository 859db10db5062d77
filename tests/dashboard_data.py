"""A small hand-made dataset in the contract's schema, for dashboard tests.

Four articles from two sources and three publication dates (one undated), with persons,
organizations, a nationality, countries and places, day and month events, money, count
and percent figures, and one article whose title and text carry HTML that must never run.
Every row's evidence holds: ``article.text[start:end] == surface``.
"""
from __future__ import annotations

from collections.abc import Sequence
import json
from datetime import datetime, timezone
from pathlib import Path

from data_prep import search_index
from data_prep.tables import (ACTOR_KINDS, PLACE_KINDS, SCHEMA_VERSION, SEARCH_INDEX, to_table,
                              write_dataset)

__all__ = ["XSS_SCRIPT", "XSS_IMG", "write_dashboard_dataset"]

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = "<img src=x onerror=alert(1)>"

# entity: (kind, entity_id, name, country_code, lat, lon)
_ENTITIES = {
    "Joe Biden": ("person", "person:joe-biden", "Joe Biden", None, None, None),
    "Biden": ("person", "person:joe-biden", "Joe Biden", None, None, None),
    "Vladimir Putin": ("person", "person:vladimir-putin", "Vladimir Putin", None, None, None),
    "Volodymyr Zelenskyy": ("person", "person:volodymyr-zelenskyy", "Volodymyr Zelenskyy",
                            None, None, None),
    "NATO": ("organization", "org:nato", "NATO", None, None, None),
    "Ukraine": ("country", "country:UA", "Ukraine", "UA", 49.0, 32.0),
    "Russia": ("country", "country:RU", "Russia", "RU", 60.0, 100.0),
    "Russian": ("group", "country:RU", "Russia", "RU", 60.0, 100.0),
    "North Korean": ("group", "country:KP", "North Korea", "KP", 40.0, 127.0),
    "Kursk": ("place", "geonames:538560", "Kursk", "RU", 51.73, 36.19),
    "Moscow": ("place", "geonames:524901", "Moscow", "RU", 55.75, 37.62),
    "Kharkiv": ("place", "geonames:706483", "Kharkiv", "UA", 49.98, 36.25),
    "Kyiv": ("place", "geonames:703448", "Kyiv", "UA", 50.45, 30.52),
}

# Each sentence: text, topics, mention surfaces, events (surface, date, date_end, precision),
# figures (surface, value, unit, of, approximate).
_ARTICLES = [
    {
        "article_id": "a1", "title": "Aid package approved for Ukraine", "source": "Example Wire",
        "published": "2024-11-17", "author": "Ann Example", "url": "https://example.org/a1",
        "sentences": [
            ("President Joe Biden approved $56.2 billion in security assistance to Ukraine.",
             ["Military aid"], ["Joe Biden", "Ukraine"], [],
             [("$56.2 billion", 56.2e9, "USD", None, False)]),
            ("About 12,000 North Korean troops were sent to the Kursk region in October 2024.",
             ["Troops and combat"], ["North Korean", "Kursk"],
             [("October 2024", "2024-10-01", "2024-10-31", "month")],
             [("About 12,000", 12000.0, "count", "troops", True)]),
            ("Vladimir Putin met officials in Moscow on 5 November 2024.",
             ["Diplomacy and negotiations"], ["Vladimir Putin", "Moscow"],
             [("5 November 2024", "2024-11-05", "2024-11-05", "day")], []),
            ("Biden said Ukraine could now strike targets near Kursk with missiles.",
             ["Weapons and strikes"], ["Biden", "Ukraine", "Kursk"], [], []),
        ],
    },
    {
        "article_id": "a2", "title": "Missiles strike Kharkiv", "source": "Daily Sample",
        "published": "2024-05-02", "author": None, "url": None,
        "sentences": [
            ("Russian missiles hit Kharkiv on 1 May 2024, officials said.",
             ["Weapons and strikes"], ["Russian", "Kharkiv"],
             [("1 May 2024", "2024-05-01", "2024-05-01", "day")], []),
            ("Volodymyr Zelenskyy asked NATO for more air defence.",
             ["Weapons and strikes", "Diplomacy and negotiations"],
             ["Volodymyr Zelenskyy", "NATO"], [], []),
            ("The strikes killed 7 people in Kharkiv and Russia denied it.",
             ["Weapons and strikes"], ["Kharkiv", "Russia"], [],
             [("7 people", 7.0, "count", "people", False)]),
        ],
    },
    {
        "article_id": "a3", "title": f"{XSS_SCRIPT} Breaking {XSS_IMG}", "source": "Example Wire",
        "published": "2023-03-10", "author": None, "url": None,
        "sentences": [
            (f"Officials in Kyiv said {XSS_SCRIPT} was found in a file.",
             ["Diplomacy and negotiations"], ["Kyiv"], [], []),
            (f"A second note read {XSS_IMG} near Kyiv in 2023, when prices rose by 5%.",
             [], ["Kyiv"], [("2023", "2023-01-01", "2023-12-31", "year")],
             [("5%", 5.0, "percent", None, False)]),
        ],
    },
    {
        "article_id": "a4", "title": "Undated note", "source": None, "published": None,
        "author": None, "url": None,
        "sentences": [
            ("Joe Biden spoke about Ukraine and NATO.", ["Diplomacy and negotiations"],
             ["Joe Biden", "Ukraine", "NATO"], [], []),
        ],
    },
]


def _find(text: str, surface: str, after: int) -> int:
    """Offset of ``surface`` in ``text`` at or after ``after``; fails loudly on a typo above."""
    at = text.find(surface, after)
    if at < 0:
        raise ValueError(f"{surface!r} not in {text!r}")
    return at


def _rows() -> dict[str, list[dict]]:
    """All table rows of the dataset, with offsets computed from the texts."""
    rows: dict[str, list[dict]] = {name: [] for name in
                                   ("articles", "sentences", "mentions", "events", "figures")}
    for art in _ARTICLES:
        aid = art["article_id"]
        text = " ".join(s[0] for s in art["sentences"])
        published = (datetime.fromisoformat(art["published"]).replace(tzinfo=timezone.utc)
                     if art["published"] else None)
        topics = sorted({t for s in art["sentences"] for t in s[1]})
        rows["articles"].append({
            "article_id": aid, "title": art["title"], "published": published,
            "source": art["source"], "author": art["author"], "url": art["url"],
            "origin": f"dashboard_data.py:{aid}", "text": text, "topics": topics})
        base = 0
        for sid, (sentence, s_topics, surfaces, events, figures) in enumerate(art["sentences"]):
            start = base
            end = start + len(sentence)
            ev = {"article_id": aid, "sentence_id": sid}
            rows["sentences"].append({**ev, "start": start, "end": end, "section": None,
                                      "text": sentence, "topics": list(s_topics), "heading": False})
            actors, places, cursor = [], [], start
            for surface in surfaces:
                at = _find(text, surface, cursor)
                cursor = at + len(surface)
                kind, eid, name, cc, lat, lon = _ENTITIES[surface]
                rows["mentions"].append({**ev, "start": at, "end": at + len(surface),
                                         "surface": surface, "kind": kind, "entity_id": eid,
                                         "name": name, "country_code": cc, "lat": lat,
                                         "lon": lon, "confidence": 0.9})
                if kind in ACTOR_KINDS and eid not in actors:
                    actors.append(eid)
                if (kind in PLACE_KINDS or eid.startswith("country:")) and eid not in places:
                    places.append(eid)
            for surface, date, date_end, precision in events:
                at = _find(text, surface, start)
                rows["events"].append({**ev, "start": at, "end": at + len(surface),
                                       "surface": surface, "date": datetime.fromisoformat(date),
                                       "date_end": datetime.fromisoformat(date_end),
                                       "precision": precision, "relative": False,
                                       "actors": actors, "places": places})
            for surface, value, unit, of, approximate in figures:
                at = _find(text, surface, start)
                rows["figures"].append({**ev, "start": at, "end": at + len(surface),
                                        "surface": surface, "value": value, "unit": unit,
                                        "of": of, "approximate": approximate,
                                        "actors": actors, "places": places})
            base = end + 1
    return rows


def write_dashboard_dataset(out: Path, extra_mentions: Sequence[dict] = ()) -> Path:
    """Write the dataset (five Parquet tables, search.sqlite and manifest.json) into ``out`` and
    return it; ``extra_mentions`` (surface, kind, entity_id, name, country_code, lat, lon, and
    article_id and sentence_id of the sentence holding the surface) are added to its mentions."""
    rows = _rows()
    sentences = {(r["article_id"], r["sentence_id"]): r for r in rows["sentences"]}
    for extra in extra_mentions:
        sentence = sentences[extra["article_id"], extra["sentence_id"]]
        start = sentence["start"] + sentence["text"].index(extra["surface"])
        rows["mentions"].append({"confidence": 0.4, **extra, "start": start,
                                 "end": start + len(extra["surface"])})
    tables = {name: to_table(name, table_rows) for name, table_rows in rows.items()}
    manifest = {
        "schema_version": SCHEMA_VERSION, "built_at": "2024-11-18T00:00:00+00:00",
        "inputs": [{"path": "tests/dashboard_data.py", "sha256": "0" * 64,
                    "articles": len(rows["articles"]), "errors": 0}],
        "counts": {name: len(table_rows) for name, table_rows in rows.items()},
        "errors": [],
    }
    write_dataset(Path(out), tables, manifest)
    write_search_index(Path(out), rows["sentences"])
    return Path(out)


def write_search_index(out: Path, sentences: list[dict]) -> None:
    """The dataset's FTS5 index, as the build writes it (all sentences in part 1)."""
    db = search_index.open_index(out / SEARCH_INDEX)
    search_index.add_sentences(db, 1, ((s["article_id"], s["sentence_id"], s["text"]) for s in sentences))
    search_index.optimize(db)
    db.close()


if __name__ == "__main__":  # python tests/dashboard_data.py DIR: a dataset to look at by hand
    import sys

    print(write_dashboard_dataset(Path(sys.argv[1])))
    print(json.dumps(_rows()["articles"][2]["title"]))
