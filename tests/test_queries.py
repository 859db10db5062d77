"""The dashboard's query layer: filters, search, aggregation, co-occurrence, export (no Streamlit)."""
from __future__ import annotations

import io
import math
from dataclasses import replace
from datetime import date, datetime, timezone

import duckdb
import numpy as np
import pandas as pd
import pytest

from dashboard import queries
from dashboard.queries import Filters, Scope, parse_query
from data_prep.tables import SCHEMA_VERSION, TABLES, to_table, write_dataset
from tests.dashboard_data import XSS_SCRIPT, write_dashboard_dataset, write_search_index


class Small:
    """A cursor and the search index of a dataset, with helpers to scope filters."""

    def __init__(self, directory, **opening):
        self.con = duckdb.connect()
        queries.open_dataset(self.con, directory, **opening)
        self.cur = self.con.cursor()
        self.db = queries.open_search(directory)

    def scope(self, filters: Filters = Filters()) -> Scope:
        return queries.register_hits(self.cur, self.db, filters)

    def kept(self, filters: Filters) -> set[str]:
        """The sentences passing ``filters`` as "article:sentence" strings."""
        scope = self.scope(filters)
        sql = (f"SELECT a.article_id, s.sentence_id FROM {scope.table('sentences')} s "
               "JOIN articles a USING (aid)")
        rows = self.cur.execute(sql, {k: v for k, v in scope.params().items() if f"${k}" in sql}).fetchall()
        return {f"{a}:{s}" for a, s in rows}

    def rows(self, table: str, filters: Filters = Filters()) -> pd.DataFrame:
        scope = self.scope(filters)
        sql = f"SELECT * FROM {scope.table(table)}"
        return self.cur.execute(sql, {k: v for k, v in scope.params().items() if f"${k}" in sql}).df()


# Opening options: no value is broad (filtered views read the per-name tables), or every value
# is (a single filter value reads the summaries made at opening).
NARROW = {"broad_max": 0}
ALL_BROAD = {"broad_share": 0.0, "broad_max": 10_000}


@pytest.fixture(scope="session")
def small(dashboard_dataset) -> Small:
    """The hand-made four-article dataset, opened for querying, no value summarized."""
    return Small(dashboard_dataset, **NARROW)


@pytest.fixture(scope="session")
def small_broad(dashboard_dataset) -> Small:
    """The hand-made dataset with every single filter value summarized at opening."""
    return Small(dashboard_dataset, **ALL_BROAD)


def test_every_row_is_linked_to_its_sentence(small):
    one = small.cur.execute
    assert one("SELECT count(*) FROM mention_rows").fetchone() == one("SELECT count(*) FROM mentions").fetchone() == (20,)
    linked = one("""SELECT count(*) FROM figures f JOIN sentences s USING (sid) JOIN articles a ON a.aid = s.aid
                    WHERE a.article_id = f.article_id AND s.sentence_id = f.sentence_id""").fetchone()[0]
    assert linked == 4
    north_korean = one("SELECT * FROM mention_rows WHERE surface = 'North Korean'").df().iloc[0]
    assert north_korean["is_actor"] and north_korean["is_place"]  # a nationality counts as its country
    names = dict(small.cur.execute("SELECT entity_id, name FROM entities").fetchall())
    assert names["person:joe-biden"] == "Joe Biden"


def test_sentence_ids_are_the_search_index_rowids(small):
    pairs = small.cur.execute("SELECT sid, article_id, sentence_id FROM sentence_rows").fetchall()
    index = set(small.db.execute("SELECT rowid, article_id, sentence_id FROM sentences").fetchall())
    assert set(pairs) == index and len(pairs) == 10


def test_facet_options_are_display_names_most_frequent_first(small):
    options = queries.facet_options(small.cur)
    assert options["actor"][0] == "Joe Biden"
    assert "Kursk" in options["place"] and "Kursk" not in options["actor"]
    assert "North Korea" in options["actor"] and "North Korea" in options["place"]
    assert options["source"] == ["Daily Sample", "Example Wire"]
    assert "Military aid" in options["topic"]


@pytest.mark.parametrize("filters, expected", [
    (Filters(), {"a1:0", "a1:1", "a1:2", "a1:3", "a2:0", "a2:1", "a2:2", "a3:0", "a3:1", "a4:0"}),
    (Filters(actors=("Joe Biden",)), {"a1:0", "a1:3", "a4:0"}),
    (Filters(actors=("Joe Biden", "Vladimir Putin")), {"a1:0", "a1:2", "a1:3", "a4:0"}),
    (Filters(actors=("North Korea",)), {"a1:1"}),
    (Filters(places=("North Korea",)), {"a1:1"}),
    (Filters(places=("Kursk",)), {"a1:1", "a1:3"}),
    (Filters(actors=("Joe Biden",), places=("Kursk",)), {"a1:3"}),  # both in one sentence
    (Filters(topics=("Military aid",)), {"a1:0"}),
    (Filters(sources=("Daily Sample",)), {"a2:0", "a2:1", "a2:2"}),
    (Filters(date_from=date(2024, 1, 1)), {"a1:0", "a1:1", "a1:2", "a1:3", "a2:0", "a2:1", "a2:2"}),
    (Filters(date_to=date(2023, 12, 31)), {"a3:0", "a3:1"}),
    (Filters(q="missiles"), {"a1:3", "a2:0"}),
    (Filters(q="MISSILE kursk"), {"a1:3"}),
    (Filters(q='"air defence"'), {"a2:1"}),
    (Filters(q='"defence air"'), set()),
    (Filters(q="script"), {"a3:0"}),
    (Filters(q='"'), {"a1:0", "a1:1", "a1:2", "a1:3", "a2:0", "a2:1", "a2:2", "a3:0", "a3:1", "a4:0"}),
    (Filters(actors=("Nobody",)), set()),
    (Filters(actors=("country:KP",)), {"a1:1"}),  # an entity id works as well as a name
    (Filters(actors=("Russia",), q="missiles"), {"a2:0"}),
])
def test_filters_keep_matching_sentences(small, filters, expected):
    assert small.kept(filters) == expected


def test_filtered_tables_follow_their_sentences(small):
    kursk = Filters(places=("Kursk",))
    assert set(small.rows("articles", kursk)["article_id"]) == {"a1"}
    assert set(small.rows("mentions", kursk)["sid"]) <= set(small.rows("sentences", kursk)["sid"])
    assert small.rows("figures", kursk)["surface"].tolist() == ["About 12,000"]


def test_date_range_keeps_events_by_their_own_date(small):
    # a1 was published on 2024-11-17, outside the range, but its October 2024 event overlaps it.
    october = Filters(date_from=date(2024, 10, 15), date_to=date(2024, 10, 20))
    assert small.rows("events", october)["surface"].tolist() == ["October 2024"]
    assert small.rows("sentences", october).empty and small.rows("articles", october).empty
    later = Filters(date_from=date(2024, 11, 1))
    assert small.rows("events", later)["surface"].tolist() == ["5 November 2024"]
    one_day = Filters(date_from=date(2024, 11, 5), date_to=date(2024, 11, 5))
    assert small.rows("events", one_day)["surface"].tolist() == ["5 November 2024"]


def _mention(article_id, sentence_id, start, surface, kind, entity_id, name, cc):
    return {"article_id": article_id, "sentence_id": sentence_id, "start": start,
            "end": start + len(surface), "surface": surface, "kind": kind, "entity_id": entity_id,
            "name": name, "country_code": cc, "lat": None, "lon": None, "confidence": 0.9}


@pytest.fixture(scope="module")
def institutions(tmp_path_factory) -> Small:
    """Three sentences: Russia itself, the Russian armed forces, Russia's central bank."""
    texts = ["Russia said no.", "The Russian armed forces advanced.", "The Bank of Russia raised rates."]
    text = " ".join(texts)
    starts = [0, len(texts[0]) + 1, len(texts[0]) + len(texts[1]) + 2]
    rows = {
        "articles": [{"article_id": "r1", "title": "t", "published": datetime(2024, 1, 1, tzinfo=timezone.utc),
                      "source": "s", "author": None, "url": None, "origin": "o", "text": text,
                      "topics": []}],
        "sentences": [{"article_id": "r1", "sentence_id": i, "start": st, "end": st + len(t),
                       "section": None, "text": t, "topics": [], "heading": False}
                       for i, (st, t) in enumerate(zip(starts, texts))],
        "mentions": [
            _mention("r1", 0, 0, "Russia", "country", "country:RU", "Russia", "RU"),
            _mention("r1", 1, starts[1] + 4, "Russian armed forces", "organization",
                     "inst:RU:armed-forces", "Russian armed forces", "RU"),
            _mention("r1", 2, starts[2] + 4, "Bank of Russia", "organization", "inst:RU:central-bank",
                     "Bank of Russia", "RU"),
        ],
        "events": [], "figures": [],
    }
    out = tmp_path_factory.mktemp("institutions") / "ds"
    write_dataset(out, {name: to_table(name, rows[name]) for name in TABLES},
                  {"schema_version": SCHEMA_VERSION})
    write_search_index(out, rows["sentences"])
    return Small(out)


@pytest.mark.parametrize("actors, expected", [
    (("country:RU",), {"r1:0", "r1:1", "r1:2"}),  # a country counts its institutions
    (("Russia",), {"r1:0", "r1:1", "r1:2"}),  # by its display name too
    (("inst:RU:armed-forces",), {"r1:1"}),  # one institution is specific
    (("Russian armed forces",), {"r1:1"}),
    (("inst:RU:central-bank", "inst:RU:armed-forces"), {"r1:1", "r1:2"}),
    (("country:UA",), set()),
])
def test_a_country_actor_includes_its_institutions(institutions, actors, expected):
    assert institutions.kept(Filters(actors=actors)) == expected


@pytest.mark.parametrize("text, terms, phrases, error, note", [
    ("", (), (), False, False),
    ("missiles", ("missiles",), (), False, False),
    ('Kursk "air defence" kursk', ("kursk",), (("air", "defence"),), False, False),
    ('"unbalanced quote', ("unbalanced", "quote"), (), False, True),
    ("!!! ??? ...", (), (), True, False),
    ('""', (), (), True, False),
    ("x" * 500, (), (), True, False),
    (" ".join(f"w{i}" for i in range(30)), tuple(f"w{i}" for i in range(12)), (), False, True),
    ("U.S. long-range", ("u.s", "long-range"), (), False, False),
])
def test_parse_query(text, terms, phrases, error, note):
    query = parse_query(text)
    assert query.terms == terms
    assert query.phrases == phrases
    assert bool(query.error) == error
    assert bool(query.note) == note


ALL_SENTENCES = {"a1:0", "a1:1", "a1:2", "a1:3", "a2:0", "a2:1", "a2:2", "a3:0", "a3:1", "a4:0"}


@pytest.mark.parametrize("text, expected", [
    ('a+b (c) [d] \\ .* ?', set()),  # the words a, b, c and d: no sentence has all four
    ("[Kursk]*", {"a1:1", "a1:3"}),
    ("((((", ALL_SENTENCES),  # no words: the search is dropped (the page says why)
    ("$^|{}", ALL_SENTENCES),
    ("\x00 €", ALL_SENTENCES),
    ("'", ALL_SENTENCES),
])
def test_odd_queries_search_their_words_or_are_dropped(small, text, expected):
    total, found = queries.search(small.db, small.cur, parse_query(text), small.scope())
    assert small.kept(Filters(q=text)) == expected
    assert total == len(found) == (0 if expected == ALL_SENTENCES else len(expected))


@pytest.mark.parametrize("query, expected", [
    ("missile", '"missile"'),
    ('Kursk "air defence"', '"kursk" "air defence"'),
    ("long-range NEAR AND", '"long-range" "near" "and"'),  # FTS5 operators are plain words
])
def test_fts_query_quotes_every_word_and_phrase(query, expected):
    assert queries.fts_query(parse_query(query)) == expected


def test_search_ranks_by_bm25_and_matches_plurals_and_whole_words(tmp_path):
    texts = ["A missile hit the city.", "Missiles, missiles and more missiles.",
             "Dismissiles is not a word.", "Nothing here."]
    rows = {name: [] for name in TABLES}
    rows["articles"] = [{"article_id": f"m{i}", "title": "t", "published": None, "source": None,
                         "author": None, "url": None, "origin": "o", "text": t, "topics": []}
                        for i, t in enumerate(texts)]
    rows["sentences"] = [{"article_id": f"m{i}", "sentence_id": 0, "start": 0, "end": len(t),
                          "section": None, "text": t, "topics": [], "heading": False} for i, t in enumerate(texts)]
    write_dataset(tmp_path / "m", {name: to_table(name, rows[name]) for name in TABLES},
                  {"schema_version": SCHEMA_VERSION})
    write_search_index(tmp_path / "m", rows["sentences"])
    data = Small(tmp_path / "m")
    total, results = queries.search(data.db, data.cur, parse_query("missile"), data.scope())
    assert total == 2
    assert results["text"].tolist() == ["Missiles, missiles and more missiles.", "A missile hit the city."]
    assert results["score"].is_monotonic_decreasing
    assert results["marked"].iloc[1] == "A \x02missile\x03 hit the city."
    assert queries.search(data.db, data.cur, parse_query("!!!"), data.scope())[1].empty


def test_ranking_some_of_the_matches_in_one_query_keeps_their_bm25_order(tmp_path):
    # Sentences with one to four hits of the word among other words, so bm25 tells them apart
    # by hits and length; ties (same text) break by rowid.
    texts = [" ".join(["missile"] * (1 + i % 4) + ["word"] * (i % 7)) + "." for i in range(40)]
    texts += ["Nothing to see here."] * 5
    rows = {name: [] for name in TABLES}
    rows["articles"] = [{"article_id": f"m{i}", "title": "t", "published": None, "source": None,
                         "author": None, "url": None, "origin": "o", "text": t, "topics": []}
                        for i, t in enumerate(texts)]
    rows["sentences"] = [{"article_id": f"m{i}", "sentence_id": 0, "start": 0, "end": len(t),
                          "section": None, "text": t, "topics": [], "heading": False} for i, t in enumerate(texts)]
    write_dataset(tmp_path / "r", {name: to_table(name, rows[name]) for name in TABLES},
                  {"schema_version": SCHEMA_VERSION})
    write_search_index(tmp_path / "r", rows["sentences"])
    db = queries.open_search(tmp_path / "r")
    match = queries.fts_query(parse_query("missiles"))
    scored = db.execute("SELECT rowid, -bm25(sentences_fts) FROM sentences_fts WHERE sentences_fts MATCH ?",
                        (match,)).fetchall()
    assert len(scored) == 40
    best_first = sorted(scored, key=lambda r: (-r[1], r[0]))
    rowids = sorted(r[0] for r in scored)
    for candidates in (rowids[1::3], rowids[5:9], rowids[-1:]):
        wanted = set(candidates)
        expected = [r for r in best_first if r[0] in wanted][:7]
        assert queries._rank(db, match, np.array(candidates), 7, every_match=False) == expected
    from_tenth = [r for r in best_first if r[0] >= rowids[9]][:7]
    assert queries._rank(db, match, np.array(rowids[9:]), 7, every_match=True) == from_tenth
    later = [r for r in best_first if r[0] in set(rowids[1::3])][5:12]  # a later page
    assert queries._rank(db, match, np.array(rowids[1::3]), 7, every_match=False, offset=5) == later


def _repeated_word_dataset(out, n: int) -> Small:
    """``n`` one-sentence articles with one to four hits of "missile" among other words (so
    bm25 tells them apart by hits and length), sources A and B in turn, then five without it."""
    texts = [" ".join(["missile"] * (1 + i % 4) + ["word"] * (i % 7)) + "." for i in range(n)]
    texts += ["Nothing to see here."] * 5
    rows = {name: [] for name in TABLES}
    rows["articles"] = [{"article_id": f"m{i:03d}", "title": "t", "published": None, "source": "AB"[i % 2],
                         "author": None, "url": None, "origin": "o", "text": t, "topics": []}
                        for i, t in enumerate(texts)]
    rows["sentences"] = [{"article_id": f"m{i:03d}", "sentence_id": 0, "start": 0, "end": len(t),
                          "section": None, "text": t, "topics": [], "heading": False} for i, t in enumerate(texts)]
    write_dataset(out, {name: to_table(name, rows[name]) for name in TABLES}, {"schema_version": SCHEMA_VERSION})
    write_search_index(out, rows["sentences"])
    return Small(out, **NARROW)


@pytest.mark.parametrize("filters", [Filters(q="missiles"), Filters(q="missiles", sources=("A",))], ids=str)
@pytest.mark.parametrize("sentence_set", [True, False], ids=["sentence set", "index only"])
def test_search_pages_are_the_straight_bm25_order_of_the_latest_matches(tmp_path, filters, sentence_set):
    data = _repeated_word_dataset(tmp_path / "r", 60)
    scored = data.db.execute("SELECT s.rowid, s.article_id, -bm25(sentences_fts) FROM sentences_fts "
                             "JOIN sentences s ON s.rowid = sentences_fts.rowid "
                             "WHERE sentences_fts MATCH 'missile'").fetchall()
    kept = sorted((rowid, score) for rowid, article, score in scored
                  if not filters.sources or int(article[1:]) % 2 == 0)  # source A: even articles
    expected = sorted(kept[-25:], key=lambda r: (-r[1], r[0]))  # the latest 25, best first
    scope = queries.register_hits(data.cur, data.db, filters, materialize=sentence_set)
    assert scope.sids == sentence_set
    pages = [queries.search(data.db, data.cur, parse_query("missiles"), scope, offset=offset, limit=10,
                            rank_limit=25) for offset in (0, 10, 20)]
    assert [total for total, _ in pages] == [len(kept)] * 3
    assert [len(rows) for _, rows in pages] == [10, 10, 5]
    assert all(rows.attrs["ranked_among"] == 25 for _, rows in pages)
    found = pd.concat([rows for _, rows in pages])
    assert list(zip(found["sid"], found["score"])) == expected
    assert found["marked"].str.contains("\x02missile\x03").all()
    assert found["text"].str.replace("\x02", "").str.replace("\x03", "").tolist() == \
        found["marked"].str.replace("\x02", "").str.replace("\x03", "").tolist()
    csv = pd.read_csv(io.BytesIO(queries.search_csv(data.db, data.cur, parse_query("missiles"), scope,
                                                    rank_limit=25)))
    assert csv.columns.tolist() == ["article_id", "sentence_id", "start", "end", "score", "title", "sentence"]
    assert csv["article_id"].tolist() == found["article_id"].tolist()


def test_search_rowids_are_every_match_ascending(tmp_path):
    data = _repeated_word_dataset(tmp_path / "r", 30)
    rowids = queries.search_rowids(data.db, parse_query("missile"))
    assert rowids.dtype == np.int64 and rowids.tolist() == list(range(1, 31))
    assert queries.search_rowids(data.db, parse_query("absent")).tolist() == []


def test_search_within_other_filters_counts_and_ranks_only_those(small):
    scope = small.scope(Filters(sources=("Example Wire",), q="missiles"))
    total, results = queries.search(small.db, small.cur, parse_query("missiles"), scope)
    assert total == 1 and results["article_id"].tolist() == ["a1"]
    assert "\x02missiles\x03" in results["marked"].iat[0]


def test_corpus_summary(small):
    summary = queries.corpus_summary(small.cur, small.scope())
    assert (summary["articles"], summary["sentences"], summary["figures"]) == (4, 10, 4)
    assert summary["first"].date() == date(2023, 3, 10) and summary["last"].date() == date(2024, 11, 17)
    assert dict(summary["sources"]) == {"Example Wire": 2, "Daily Sample": 1, "(no source)": 1}


def test_top_values_count_sentences_and_carry_a_sample(small):
    actors = queries.top_values(small.cur, small.scope(), "actor")
    first = actors.iloc[0]
    assert (first["name"], first["sentences"]) == ("Joe Biden", 3)
    assert "Joe Biden" in first["sentence"]
    topics = queries.top_values(small.cur, small.scope(), "topic")
    assert topics.set_index("name").loc["Weapons and strikes", "sentences"] == 4


def test_mentions_over_time_needs_two_publication_dates(small):
    assert len(queries.mentions_over_time(small.cur, small.scope())) == 3
    one_article = small.scope(Filters(sources=("Daily Sample",)))
    assert queries.mentions_over_time(small.cur, one_article).empty


@pytest.mark.parametrize("value, unit, of, approximate, expected", [
    (56.2e9, "USD", None, False, "$56.2 billion"),
    (12000.0, "count", "troops", True, "~12,000 troops"),
    (5.0, "percent", None, False, "5%"),
    (3.5e6, "EUR", None, False, "€3.5 million"),
    (2e9, "UAH", None, False, "2 billion UAH"),
    (150.0, "km", None, False, "150 km"),
    (float("nan"), "USD", None, False, "?"),
    (7.0, "count", float("nan"), False, "7"),
])
def test_format_value(value, unit, of, approximate, expected):
    assert queries.format_value(value, unit, of, approximate=approximate) == expected


def test_key_figures_put_money_first(small):
    figures = queries.key_figures(small.cur, small.scope())
    assert figures.iloc[0]["value"] == 56.2e9
    assert figures.iloc[0]["display"] == "$56.2 billion"
    assert figures.iloc[0]["actor_names"] == ["Joe Biden", "Ukraine"]
    assert not figures.duplicated(["article_id", "sentence_id"]).any()


def test_figures_page_and_chart(small):
    scope = small.scope()
    assert queries.figures_count(small.cur, scope) == 4
    page = queries.figures_page(small.cur, scope, offset=1, limit=2)
    assert page["value"].tolist() == [12000.0, 7.0]  # largest first, one page
    chart, cut = queries.figures_chart(small.cur, scope)
    assert len(chart) == 4 and not cut
    largest, cut = queries.figures_chart(small.cur, scope, max_points=3)
    assert cut and set(largest["kind"]) == {"money", "count", "percent"}
    assert largest.loc[largest["kind"] == "count", "value"].tolist() == [12000.0]
    assert queries.page_label(200, 200, 48312) == "201-400 of 48,312"
    assert queries.page_label(0, 0, 0) == "0 rows"


def test_timeline_rows_span_the_period_and_lane_by_actor_or_topic(small):
    rows = queries.timeline_rows(small.cur, small.scope(), lanes="actor")
    october = rows[rows["surface"] == "October 2024"].iloc[0]
    assert october["finish"] == pd.Timestamp("2024-11-01")  # a month spans its month
    assert october["lane"] == "North Korea"
    assert "Kursk" in october["sentence"]
    assert set(rows.loc[rows["surface"] == "2023", "lane"]) == {"(none)"}
    by_topic = queries.timeline_rows(small.cur, small.scope(), lanes="topic")
    assert set(by_topic.loc[by_topic["surface"] == "1 May 2024", "lane"]) == {"Weapons and strikes"}
    assert rows["event"].nunique() == 4
    assert queries.timeline_rows(small.cur, small.scope(), limit=2)["event"].nunique() == 2


def test_timeline_counts_per_period_and_lane(small):
    counts = queries.timeline_counts(small.cur, small.scope(), lanes="actor")
    assert counts["events"].sum() == 4 and counts.attrs["freq"] == "week"  # 22 months of dates
    october = counts[counts["period"] == pd.Timestamp("2024-09-30")].iloc[0]  # the week of 1 October
    assert (october["lane"], october["period_end"]) == ("North Korea", pd.Timestamp("2024-10-07"))
    summary = queries.timeline_summary(small.cur, small.scope())
    assert summary["events"] == 4 and summary["first"] == pd.Timestamp("2023-01-01")


def test_timeline_window_leaves_out_a_few_ancient_events():
    dates = pd.to_datetime(["1054-01-01"] + [f"2023-{m:02d}-01" for m in range(1, 13)] * 3)
    rows = pd.DataFrame({"date": dates, "finish": dates + pd.Timedelta(days=31)})
    start, end = queries.timeline_window(rows)
    assert pd.Timestamp("2022-12-01") < start < pd.Timestamp("2023-01-01")
    assert end > pd.Timestamp("2024-01-01")
    assert queries.timeline_window(rows.iloc[0:0]) is None
    decades = pd.DataFrame({"date": pd.to_datetime(["2020-01-01", "2050-01-01"]), "precision": "decade"})
    with_fine = pd.concat([rows.assign(precision="month"), decades.assign(finish=decades["date"])])
    assert queries.timeline_window(with_fine)[1] < pd.Timestamp("2025-01-01")  # fine events decide


def test_place_points_count_mentions_with_a_sample_sentence(small):
    points = queries.place_points(small.cur, small.scope(), {"RU": "Russia", "UA": "Ukraine"}).set_index("name")
    kursk = points.loc["Kursk"]
    assert (kursk["mentions"], kursk["articles"], kursk["country"]) == (2, 1, "Russia")
    assert "Kursk" in kursk["sentence"]
    assert points.loc["North Korea", "kind"] == "country"  # from the "North Korean" group
    assert points.loc["Kursk", "color"] == points.loc["Moscow", "color"]  # coloured by country
    assert points["radius"].max() == 30 and points["radius"].between(4, 30).all()
    assert points.loc["Kyiv", "sentence"].count(XSS_SCRIPT) == 1  # raw: pydeck escapes tooltips
    view = queries.map_view(points.reset_index())
    assert 40 < view["latitude"] < 60 and 1 <= view["zoom"] <= 8
    assert queries.place_points(small.cur, small.scope(Filters(actors=("Nobody",)))).empty
    assert len(queries.place_points(small.cur, small.scope(), limit=2)) == 2


def test_country_color_is_stable():
    # crc32(b"UA") = 2278476520, 2278476520 % 12 = 4: the fifth of the twelve palette colours.
    assert queries.country_color("UA") == [148, 103, 189, 200]
    assert queries.country_color(None) == [120, 120, 120, 200]


def test_entity_ranking(small):
    ranking = queries.entity_ranking(small.cur, small.scope())
    assert ranking.iloc[0]["name"] == "Joe Biden"
    assert ranking.set_index("name").loc["Joe Biden", ["mentions", "articles"]].tolist() == [3, 2]
    assert "Joe Biden" in ranking.iloc[0]["sentence"]
    assert queries.entity_count(small.cur, small.scope()) == len(ranking) == 7
    assert queries.entity_ranking(small.cur, small.scope(), offset=1, limit=1)["name"].tolist() == ["Ukraine"]
    places = queries.entity_ranking(small.cur, small.scope(), actors=False)
    assert "Kursk" in set(places["name"])


def test_cooccurrence_edges_are_backed_by_sentences(small):
    nodes, edges = queries.cooccurrence(small.cur, small.scope())
    edge = edges[(edges["source"] == "Joe Biden") & (edges["target"] == "Ukraine")].iloc[0]
    assert edge["weight"] == 3
    total, shared = queries.edge_sentences(small.cur, small.scope(), "Ukraine", "Joe Biden")
    assert total == len(shared) == 3 and shared["text"].str.contains("Biden").all()
    assert queries.edge_sentences(small.cur, small.scope(), "Kursk", "Nobody")[0] == 0
    assert (edges["source"] < edges["target"]).all()
    layout = queries.network_layout(nodes, edges)
    again = queries.network_layout(nodes, edges)
    assert layout[["x", "y"]].equals(again[["x", "y"]])  # deterministic
    assert all(math.isfinite(v) for v in layout[["x", "y"]].to_numpy().ravel())
    top = queries.cooccurrence(small.cur, small.scope(), top_n=2)[0]
    assert len(top) == 2


@pytest.mark.parametrize("isolated", [1, 3])
def test_network_layout_keeps_unlinked_actors_near_the_linked_ones(isolated):
    linked = [f"a{i}" for i in range(8)]
    nodes = pd.DataFrame({"name": linked + [f"z{i}" for i in range(isolated)]})
    edges = pd.DataFrame([(a, b, 6) for i, a in enumerate(linked) for b in linked[i + 1:]],
                         columns=["source", "target", "weight"])
    xy = queries.network_layout(nodes, edges).set_index("name")[["x", "y"]].to_numpy()
    centre = xy[:8].mean(axis=0)
    radius = np.linalg.norm(xy[:8] - centre, axis=1).max()
    # Left to the repulsion the unlinked ones drift several radii away and the chart, scaled
    # to fit them, draws the linked ones squeezed into a corner.
    assert np.linalg.norm(xy[8:] - centre, axis=1).max() < 2 * radius


def test_actor_profile(small):
    profile = queries.actor_profile(small.cur, small.scope(), "Joe Biden")
    assert set(profile["places"]["place"]) == {"Ukraine", "Kursk"}
    assert "NATO" in set(profile["actors"]["actor"])
    assert profile["figures"]["value"].tolist() == [56.2e9] and profile["figure_count"] == 1
    assert len(profile["sentences"]) == 3
    assert (profile["mentions"], profile["sentence_count"], profile["articles"]) == (3, 3, 2)


def test_sentence_context(small):
    context = queries.sentence_context(small.cur, "a1", 1)
    assert context["sentence_id"].tolist() == [0, 1, 2]
    assert context["focus"].tolist() == [False, True, False]


@pytest.mark.parametrize("kind, columns", [
    ("events", ["date", "precision", "actors", "sentence"]),
    ("figures", ["value", "unit", "actor_names", "place_names", "sentence"]),
    ("actor_mentions", ["name", "kind", "entity_id", "sentence"]),
    ("place_mentions", ["name", "entity_id", "country_code", "lat", "lon", "sentence"]),
])
def test_evidence_csv_streams_the_filtered_table_with_its_evidence(small, kind, columns):
    scope = small.scope(Filters(sources=("Example Wire",)))
    data = queries.evidence_csv(small.cur, *queries.export_sql(kind, scope))
    back = pd.read_csv(io.BytesIO(data))
    assert back.columns.tolist()[:5] == ["article_id", "sentence_id", "start", "end", "surface"]
    assert set(columns) <= set(back.columns)
    assert len(back) and set(back["article_id"]) <= {"a1", "a3"}
    texts = small.cur.execute("SELECT * FROM article_texts").df().set_index("article_id")["text"]
    for row in back.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface
        assert texts[row.article_id].count(row.sentence)
    if kind == "figures":
        assert back.loc[back["value"] == 56.2e9, "actor_names"].iat[0] == "Joe Biden; Ukraine"


def test_reader_queries(small):
    choices = queries.article_choices(small.cur, small.scope())
    assert choices["article_id"].tolist() == ["a1", "a2", "a3", "a4"]  # newest first, undated last
    article = queries.article(small.cur, "a3")
    assert article["title"].startswith(XSS_SCRIPT) and article["topics"] == ["Diplomacy and negotiations"]
    assert queries.article(small.cur, "nope") is None
    assert queries.article_sentences(small.cur, "a1")["sentence_id"].tolist() == [0, 1, 2, 3]
    assert queries.article_mentions(small.cur, "a1")["start"].is_monotonic_increasing
    data = queries.evidence_csv(small.cur, *queries.export_sql("article_mentions", small.scope(),
                                                                article_id="a2"))
    assert set(pd.read_csv(io.BytesIO(data))["article_id"]) == {"a2"}


@pytest.mark.parametrize("title, filters, offset, limit, expected, count", [
    ("", Filters(), 0, 200, ["a1", "a2", "a3", "a4"], 4),
    ("", Filters(), 1, 2, ["a2", "a3"], 4),  # a page further on: every article is reachable
    ("  KHARKIV ", Filters(), 0, 200, ["a2"], 1),  # any case, spaces around ignored
    ("breaking <img", Filters(), 0, 200, ["a3"], 1),  # markup in a title is plain text here
    ("note", Filters(), 0, 200, ["a4"], 1),  # an undated article too
    ("ukraine", Filters(sources=("Daily Sample",)), 0, 200, [], 0),  # within the filters
    ("100%_", Filters(), 0, 200, [], 0),  # LIKE wildcards are plain characters
])
def test_reader_finds_any_article_by_title_page_by_page(small, title, filters, offset, limit,
                                                        expected, count):
    scope = small.scope(filters)
    got = queries.article_choices(small.cur, scope, title=title, offset=offset, limit=limit)
    assert got["article_id"].tolist() == expected
    assert queries.article_count(small.cur, scope, title=title) == count


def test_timeline_events_page_in_the_order_of_the_csv(small):
    scope = small.scope()
    csv = pd.read_csv(io.BytesIO(queries.evidence_csv(small.cur, *queries.export_sql("events", scope))))
    page = queries.timeline_events(small.cur, scope)
    assert page["surface"].tolist() == csv["surface"].tolist() and len(page) == 4
    assert page["sentence"].tolist() == csv["sentence"].tolist()
    october = page[page["surface"] == "October 2024"].iloc[0]
    assert october["actor_names"] == ["North Korea"] and october["title"]
    assert queries.timeline_events(small.cur, scope, offset=1, limit=2)["surface"].tolist() == csv["surface"][1:3].tolist()
    narrowed = queries.timeline_events(small.cur, small.scope(Filters(actors=("North Korea",))))
    assert narrowed["surface"].tolist() == ["October 2024"]


def test_places_can_be_coloured_by_their_most_named_actor(small):
    """Each place's actor is the person or organisation most often in its sentences."""
    points = queries.place_points(small.cur, small.scope()).set_index("entity_id")
    m = small.cur.execute("SELECT * FROM mention_rows").df()
    m["key"] = m["article_id"] + ":" + m["sentence_id"].astype(str)
    with_actor = points[points["actor"] != ""]
    assert len(with_actor) > 0  # the small dataset has places named with people
    for entity_id, point in points.iterrows():
        keys = m.loc[m["entity_id"] == entity_id, "key"]
        named = m[m["key"].isin(keys) & m["kind"].isin(["person", "organization"])]
        counts = named.drop_duplicates(["key", "name"])["name"].value_counts()
        if point["actor"]:
            assert counts[point["actor"]] == counts.max()
        else:
            assert counts.empty
        assert point["actor_color"] == queries.country_color(point["actor"] or None)


def test_a_search_index_out_of_step_with_the_parts_is_refused(dashboard_dataset, tmp_path):
    import shutil
    import sqlite3

    copy = tmp_path / "shuffled"
    shutil.copytree(dashboard_dataset, copy)
    db = sqlite3.connect(copy / "search.sqlite")
    db.execute("UPDATE sentences SET sentence_id = sentence_id + 100 WHERE rowid = 1")
    db.commit()
    db.close()
    with pytest.raises(ValueError, match="does not match the sentence parts"):
        queries.open_dataset(duckdb.connect(), copy)


@pytest.fixture(scope="module")
def synthetic_dataset(dashboard_dataset, tmp_path_factory):
    """40 synthetic articles made from the hand-made dataset (bench.synthetic)."""
    from bench.synthetic import make_synthetic

    out = tmp_path_factory.mktemp("synthetic") / "syn"
    make_synthetic(dashboard_dataset, out, articles=40, log=lambda _: None)
    return out


@pytest.fixture(scope="module")
def small_synthetic(synthetic_dataset) -> Small:
    """The 40 synthetic articles opened, no value summarized."""
    return Small(synthetic_dataset, **NARROW)


@pytest.fixture(scope="module")
def small_synthetic_broad(synthetic_dataset) -> Small:
    """The 40 synthetic articles opened with every single filter value summarized."""
    return Small(synthetic_dataset, **ALL_BROAD)


def _summary_views(cur, scope: Scope) -> dict:
    """Every view that an unfiltered scope reads from the summaries, as frames and values."""
    actor = queries.facet_options(cur)["actor"][0]
    nodes, edges = queries.cooccurrence(cur, scope)
    small_nodes, small_edges = queries.cooccurrence(cur, scope, top_n=2)
    chart, cut = queries.figures_chart(cur, scope)
    small_chart, small_cut = queries.figures_chart(cur, scope, max_points=3)
    profile = queries.actor_profile(cur, scope, actor)
    return {
        "top actors": queries.top_values(cur, scope, "actor"),
        "top places": queries.top_values(cur, scope, "place", n=3),
        "key figures": queries.key_figures(cur, scope),
        "key figures (2)": queries.key_figures(cur, scope, n=2),
        "figures chart": chart, "cut": cut, "figures chart (3)": small_chart, "cut (3)": small_cut,
        "timeline by actor": queries.timeline_counts(cur, scope),
        "timeline by topic": queries.timeline_counts(cur, scope, lanes="topic"),
        "timeline (2 lanes)": queries.timeline_counts(cur, scope, max_lanes=2),
        "map points": queries.place_points(cur, scope, {"RU": "Russia"}),
        "map points (2)": queries.place_points(cur, scope, limit=2),
        "actor ranking": queries.entity_ranking(cur, scope),
        "place ranking (page 2)": queries.entity_ranking(cur, scope, actors=False, offset=1, limit=2),
        "nodes": nodes, "edges": edges, "nodes (2)": small_nodes, "edges (2)": small_edges,
        **{f"profile {k}": v for k, v in profile.items()},
    }


@pytest.mark.parametrize("dataset", ["small", "small_synthetic", "small_broad", "small_synthetic_broad"])
def test_summaries_give_the_same_views_as_the_general_queries(dataset, request):
    data = request.getfixturevalue(dataset)
    fast = _summary_views(data.cur, Scope(Filters(), db=data.db))
    general = _summary_views(data.cur, Scope(Filters(), db=data.db, summaries=False))
    assert fast.keys() == general.keys()
    for name, value in fast.items():
        if isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(value, general[name], obj=name)
            assert value.attrs == general[name].attrs, name
        else:
            assert value == general[name], name
    assert len(fast["top actors"]) and len(fast["edges"]) and len(fast["map points"])
    assert fast["cut (3)"] and len(fast["timeline by actor"])


def test_only_an_unfiltered_scope_reads_the_summaries():
    assert Scope(Filters()).unfiltered
    assert Scope(Filters(q="said")).unfiltered  # a query without registered hits filters nothing
    assert not Scope(Filters(q="said"), hits=True).unfiltered
    assert not Scope(Filters(), summaries=False).unfiltered
    for filters in (Filters(actors=("Russia",)), Filters(places=("Kyiv",)), Filters(topics=("war",)),
                    Filters(sources=("BBC",)), Filters(date_from=date(2024, 1, 1)),
                    Filters(date_to=date(2024, 1, 1))):
        assert not Scope(filters).unfiltered, filters


def test_a_broad_single_value_reads_its_own_summaries():
    broad = frozenset({"actors:Russia", "sources:BBC"})
    assert Scope(Filters(actors=("Russia",)), broad=broad).summary_key == "actors:Russia"
    assert Scope(Filters(sources=("BBC",)), broad=broad).summary_key == "sources:BBC"
    assert Scope(Filters(actors=("Russia",), q="said"), broad=broad).summary_key == "actors:Russia"
    assert Scope(Filters(), broad=broad).summary_key == ""
    for scope in (Scope(Filters(actors=("Russia",))),  # not summarized at opening
                  Scope(Filters(actors=("Russia",)), broad=broad, summaries=False),
                  Scope(Filters(actors=("Russia", "Ukraine")), broad=broad),
                  Scope(Filters(actors=("Russia",), sources=("BBC",)), broad=broad),
                  Scope(Filters(actors=("Russia",), date_to=date(2024, 1, 1)), broad=broad),
                  Scope(Filters(actors=("Russia",), q="said"), hits=True, broad=broad),
                  Scope(Filters(places=("Russia",)), broad=broad)):
        assert scope.summary_key is None, scope


@pytest.mark.parametrize("share, most", [(0.3, 100), (0.3, 2), (0.0, 5), (0.5, 0), (1.01, 100)])
def test_broad_values_are_the_broadest_single_values_over_the_share(dashboard_dataset, small, share, most):
    opened = Small(dashboard_dataset, broad_share=share, broad_max=most)
    keys = [k for (k,) in opened.cur.execute("SELECT skey FROM broad_scopes").fetchall()]
    assert len(keys) == len(set(keys)) <= most
    options = queries.facet_options(small.cur)
    shares = {}
    for facet in queries.BROAD_FACETS:
        for value in options[facet[:-1]]:
            shares[f"{facet}:{value}"] = len(small.kept(Filters(**{facet: (value,)}))) / 10
    assert all(shares[k] >= share for k in keys)
    if len(keys) < most:  # not cut by the cap: every value over the share is there
        assert {k for k, v in shares.items() if v >= share} == set(keys)
    elif keys:  # the broadest ones
        assert min(shares[k] for k in keys) >= max((v for k, v in shares.items() if k not in keys), default=0)
    profiled = {n for (n,) in opened.cur.execute("SELECT name FROM profile_counts").fetchall()}
    assert profiled == {k.split(":", 1)[1] for k in keys if k.startswith("actors:")}


def test_unmapped_places_lists_the_places_without_coordinates(tmp_path):
    region = {"article_id": "a1", "sentence_id": 1, "surface": "Kursk region", "kind": "place",
              "entity_id": "place:kursk-region", "name": "Kursk region", "country_code": "RU",
              "lat": None, "lon": None}
    data = Small(write_dashboard_dataset(tmp_path / "d", [region]))
    table = queries.unmapped_places(data.cur, data.scope(), {"RU": "Russia"})
    assert table[["name", "country", "mentions", "articles", "article_id", "sentence_id"]].values.tolist() == [
        ["Kursk region", "Russia", 1, 1, "a1", 1]]
    assert table["sentence"].iloc[0].startswith("About 12,000 North Korean troops")
    # Not drawn on the map, and kept by the filters like any place.
    assert "place:kursk-region" not in set(queries.place_points(data.cur, data.scope())["entity_id"])
    assert queries.unmapped_places(data.cur, data.scope(Filters(places=("Moscow",)))).empty
    assert len(queries.unmapped_places(data.cur, data.scope(Filters(places=("Kursk region",))))) == 1


def test_unmapped_places_is_empty_when_every_place_has_a_point(small):
    assert queries.unmapped_places(small.cur, small.scope()).empty


FILTERED = [Filters(actors=("Joe Biden",)), Filters(actors=("North Korea", "Vladimir Putin")),
            Filters(places=("Kursk",)), Filters(topics=("Military aid",)),
            Filters(sources=("Example Wire",)), Filters(q="missiles"),
            Filters(actors=("Ukraine",), q="aid", date_from=date(2024, 1, 1)),
            Filters(actors=("Joe Biden",), topics=("Military aid",), sources=("Example Wire",))]


def _filtered_views(cur, db, scope: Scope) -> dict:
    """Every view a page shows for a filtered scope, as frames and values."""
    actor = queries.facet_options(cur)["actor"][0]
    nodes, edges = queries.cooccurrence(cur, scope)
    chart, cut = queries.figures_chart(cur, scope, max_points=3)
    profile = queries.actor_profile(cur, scope, actor)
    return {
        "summary": queries.corpus_summary(cur, scope),
        **{f"top {facet}": queries.top_values(cur, scope, facet) for facet in ("actor", "place", "topic")},
        "over time": queries.mentions_over_time(cur, scope),
        "key figures": queries.key_figures(cur, scope), "key figures (1)": queries.key_figures(cur, scope, n=1),
        "figures page": queries.figures_page(cur, scope),
        "figures chart": chart, "cut": cut, "figures": queries.figures_count(cur, scope),
        "timeline": queries.timeline_counts(cur, scope), "events": queries.timeline_events(cur, scope),
        "timeline by topic (2 lanes)": queries.timeline_counts(cur, scope, lanes="topic", max_lanes=2),
        "publication": queries.publication_counts(cur, scope),
        "map points": queries.place_points(cur, scope),
        "actor ranking": queries.entity_ranking(cur, scope),
        "place ranking (page 2)": queries.entity_ranking(cur, scope, actors=False, offset=1, limit=2),
        "actors": queries.entity_count(cur, scope), "nodes": nodes, "edges": edges,
        "reader": queries.article_choices(cur, scope),
        **{f"profile {k}": v for k, v in profile.items()},
        # Last: search registers its own matches on the cursor.
        "search": queries.search(db, cur, parse_query(scope.filters.q or "missiles"), scope),
    }


@pytest.mark.parametrize("dataset", ["small", "small_synthetic", "small_broad", "small_synthetic_broad"])
@pytest.mark.parametrize("filters", FILTERED, ids=str)
def test_filtered_views_through_the_sentence_set_and_name_tables_equal_the_straight_queries(
        dataset, filters, request):
    data = request.getfixturevalue(dataset)
    scope = queries.register_hits(data.cur, data.db, filters)
    # Single values read the summaries exactly when every value was summarized at opening.
    single = queries.broad_key(filters) is not None
    assert (scope.summary_key is not None) == (single and dataset.endswith("broad"))
    fast = _filtered_views(data.cur, data.db, scope)
    straight_scope = queries.register_hits(data.cur, data.db, filters, materialize=False)
    straight = _filtered_views(data.cur, data.db, replace(straight_scope, summaries=False))
    _assert_same_views(fast, straight)
    assert len(fast["top actor"]) or not len(fast["actor ranking"])


def _assert_same_views(fast: dict, straight: dict) -> None:
    assert fast.keys() == straight.keys()
    for name, value in fast.items():
        if name == "search":
            assert value[0] == straight[name][0]
            pd.testing.assert_frame_equal(value[1], straight[name][1], obj=name)
        elif isinstance(value, pd.DataFrame):
            pd.testing.assert_frame_equal(value, straight[name], obj=name)
        else:
            assert value == straight[name], name


def test_broad_values_summarized_after_opening_on_another_cursor_are_used_once_listed(dashboard_dataset):
    data = Small(dashboard_dataset, **NARROW)
    filters = Filters(places=("Kursk",))
    before = queries.register_hits(data.cur, data.db, filters)
    assert before.summary_key is None
    views = _filtered_views(data.cur, data.db, before)
    keys = queries.summarize_broad(data.con.cursor(), share=0.0, most=100)
    assert "places:Kursk" in keys and "actors:Joe Biden" in keys
    assert queries.summarize_broad(data.con.cursor(), share=0.0, most=100) == []  # each value once
    after = queries.register_hits(data.cur, data.db, filters)
    assert after.summary_key == "places:Kursk"
    _assert_same_views(_filtered_views(data.cur, data.db, after), views)


def test_the_sentence_set_is_found_once_and_can_be_handed_in(small):
    filters = Filters(actors=("Joe Biden",))
    scope = queries.register_hits(small.cur, small.db, filters)
    assert scope.sids and not Scope(filters).sids
    sids = queries.scope_sids(small.cur, scope)
    assert len(sids) == 3 and list(sids) == sorted(sids)
    everything = queries.top_values(small.cur, scope, "actor")
    again = queries.register_hits(small.cur, small.db, filters, sids=sids[:1])  # taken as given
    assert len(queries.top_values(small.cur, again, "actor")) < len(everything)
    assert queries.scope_sids(small.cur, queries.register_hits(small.cur, small.db, Filters(sources=("X",)))) is None
