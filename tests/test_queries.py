"""The dashboard's pure query layer: filters, search, aggregation, co-occurrence, export."""
from __future__ import annotations

import io
import math
from datetime import date

import pandas as pd
import pytest

from dashboard import queries
from dashboard.queries import Filters, parse_query
from data_prep.tables import read_table
from tests.dashboard_data import XSS_SCRIPT

TABLES = ("articles", "sentences", "mentions", "events", "figures")


@pytest.fixture(scope="session")
def small(dashboard_dataset) -> queries.Dataset:
    """The hand-made four-article dataset, prepared for querying."""
    tables = {name: read_table(dashboard_dataset, name) for name in TABLES}
    return queries.prepare(tables, {})


def kept(ds: queries.Dataset) -> set[str]:
    """The sentences of a dataset as "article:sentence" strings."""
    return {f"{a}:{s}" for a, s in zip(ds.sentences["article_id"], ds.sentences["sentence_id"])}


def test_prepare_links_every_row_to_its_sentence(small):
    for table in (small.mentions, small.events, small.figures):
        joined = table.merge(small.sentences[["srow", "article_id", "sentence_id"]], on="srow")
        assert (joined["article_id_x"] == joined["article_id_y"]).all()
        assert (joined["sentence_id_x"] == joined["sentence_id_y"]).all()
    north_korean = small.mentions[small.mentions["surface"] == "North Korean"].iloc[0]
    assert north_korean["is_actor"] and north_korean["is_place"]  # a nationality counts as its country
    assert small.names["person:joe-biden"] == "Joe Biden"


def test_facet_options_are_display_names_most_frequent_first(small):
    options = queries.facet_options(small)
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
])
def test_filters_keep_matching_sentences(small, filters, expected):
    assert kept(queries.apply_filters(small, filters)) == expected


def test_filtered_tables_follow_their_sentences(small):
    view = queries.apply_filters(small, Filters(places=("Kursk",)))
    assert set(view.articles["article_id"]) == {"a1"}
    assert set(view.mentions["srow"]) <= set(view.sentences["srow"])
    assert view.figures["surface"].tolist() == ["About 12,000"]
    assert set(view.sentence_topics["srow"]) <= set(view.sentences["srow"])


def test_date_range_keeps_events_by_their_own_date(small):
    # a1 was published on 2024-11-17, outside the range, but its October 2024 event overlaps it.
    view = queries.apply_filters(small, Filters(date_from=date(2024, 10, 15), date_to=date(2024, 10, 20)))
    assert view.events["surface"].tolist() == ["October 2024"]
    assert view.sentences.empty and view.articles.empty
    later = queries.apply_filters(small, Filters(date_from=date(2024, 11, 1)))
    assert later.events["surface"].tolist() == ["5 November 2024"]


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
    found = queries.search(small.sentences, parse_query(text))
    assert kept(queries.apply_filters(small, Filters(q=text))) == expected
    assert len(found) == (0 if expected == ALL_SENTENCES else len(expected))


def test_search_ranks_by_bm25_and_matches_plurals_and_whole_words():
    sentences = pd.DataFrame({"text": [
        "A missile hit the city.",
        "Missiles, missiles and more missiles.",
        "Dismissiles is not a word.",
        "Nothing here.",
    ], "published": pd.NaT})
    results = queries.search(sentences, parse_query("missile"))
    assert results["text"].tolist() == ["Missiles, missiles and more missiles.", "A missile hit the city."]
    assert results["score"].is_monotonic_decreasing
    assert queries.search(sentences, parse_query("!!!")).empty


def test_corpus_summary(small):
    summary = queries.corpus_summary(small)
    assert (summary["articles"], summary["sentences"], summary["figures"]) == (4, 10, 4)
    assert summary["first"].date() == date(2023, 3, 10) and summary["last"].date() == date(2024, 11, 17)
    assert dict(summary["sources"]) == {"Example Wire": 2, "Daily Sample": 1, "(no source)": 1}


def test_top_values_count_sentences_and_carry_a_sample(small):
    actors = queries.top_values(small, "actor")
    first = actors.iloc[0]
    assert (first["name"], first["sentences"]) == ("Joe Biden", 3)
    assert "Joe Biden" in first["sentence"]
    topics = queries.top_values(small, "topic")
    assert topics.set_index("name").loc["Weapons and strikes", "sentences"] == 4


def test_mentions_over_time_needs_two_publication_dates(small):
    assert len(queries.mentions_over_time(small)) == 3
    one_article = queries.apply_filters(small, Filters(sources=("Daily Sample",)))
    assert queries.mentions_over_time(one_article).empty


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
    figures = queries.key_figures(small)
    assert figures.iloc[0]["value"] == 56.2e9
    assert figures.iloc[0]["display"] == "$56.2 billion"
    assert figures.iloc[0]["actor_names"] == ["Joe Biden", "Ukraine"]
    assert figures["srow"].is_unique


def test_timeline_rows_span_the_period_and_lane_by_actor_or_topic(small):
    rows = queries.timeline_rows(small, lanes="actor")
    october = rows[rows["surface"] == "October 2024"].iloc[0]
    assert october["finish"] == pd.Timestamp("2024-11-01")  # a month spans its month
    assert october["lane"] == "North Korea"
    assert "Kursk" in october["sentence"]
    assert set(rows.loc[rows["surface"] == "2023", "lane"]) == {"(none)"}
    by_topic = queries.timeline_rows(small, lanes="topic")
    assert set(by_topic.loc[by_topic["surface"] == "1 May 2024", "lane"]) == {"Weapons and strikes"}
    assert rows["event"].nunique() == len(small.events)


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
    points = queries.place_points(small, {"RU": "Russia", "UA": "Ukraine"}).set_index("name")
    kursk = points.loc["Kursk"]
    assert (kursk["mentions"], kursk["articles"], kursk["country"]) == (2, 1, "Russia")
    assert "Kursk" in kursk["sentence"]
    assert points.loc["North Korea", "kind"] == "country"  # from the "North Korean" group
    assert points.loc["Kursk", "color"] == points.loc["Moscow", "color"]  # coloured by country
    assert points["radius"].max() == 30 and points["radius"].between(4, 30).all()
    assert points.loc["Kyiv", "sentence"].count(XSS_SCRIPT) == 1  # raw: pydeck escapes tooltips
    view = queries.map_view(points.reset_index())
    assert 40 < view["latitude"] < 60 and 1 <= view["zoom"] <= 8
    assert queries.place_points(queries.apply_filters(small, Filters(actors=("Nobody",)))).empty


def test_country_color_is_stable():
    # crc32(b"UA") = 2278476520, 2278476520 % 12 = 4: the fifth of the twelve palette colours.
    assert queries.country_color("UA") == [148, 103, 189, 200]
    assert queries.country_color(None) == [120, 120, 120, 200]


def test_entity_ranking(small):
    ranking = queries.entity_ranking(small)
    assert ranking.iloc[0]["name"] == "Joe Biden"
    assert ranking.set_index("name").loc["Joe Biden", ["mentions", "articles"]].tolist() == [3, 2]
    places = queries.entity_ranking(small, actors=False)
    assert "Kursk" in set(places["name"])


def test_cooccurrence_edges_are_backed_by_sentences(small):
    nodes, edges = queries.cooccurrence(small)
    edge = edges[(edges["source"] == "Joe Biden") & (edges["target"] == "Ukraine")].iloc[0]
    assert edge["weight"] == 3
    shared = queries.edge_sentences(small, edges, "Ukraine", "Joe Biden")
    assert len(shared) == 3 and shared["text"].str.contains("Biden").all()
    assert queries.edge_sentences(small, edges, "Kursk", "Nobody").empty
    assert (edges["source"] < edges["target"]).all()
    layout = queries.network_layout(nodes, edges)
    again = queries.network_layout(nodes, edges)
    assert layout[["x", "y"]].equals(again[["x", "y"]])  # deterministic
    assert all(math.isfinite(v) for v in layout[["x", "y"]].to_numpy().ravel())
    top = queries.cooccurrence(small, top_n=2)[0]
    assert len(top) == 2


def test_actor_profile(small):
    profile = queries.actor_profile(small, "Joe Biden")
    assert set(profile["places"]["place"]) == {"Ukraine", "Kursk"}
    assert "NATO" in set(profile["actors"]["actor"])
    assert profile["figures"]["value"].tolist() == [56.2e9]
    assert len(profile["sentences"]) == 3


def test_sentence_context(small):
    context = queries.sentence_context(small, "a1", 1)
    assert context["sentence_id"].tolist() == [0, 1, 2]
    assert context["focus"].tolist() == [False, True, False]


def test_evidence_csv_joins_lists_and_keeps_evidence(small):
    table = queries.figures_table(small)
    data = queries.evidence_csv(table, ["article_id", "sentence_id", "start", "end", "surface",
                                       "value", "actor_names", "sentence"])
    back = pd.read_csv(io.BytesIO(data))
    assert back.columns.tolist()[:5] == ["article_id", "sentence_id", "start", "end", "surface"]
    assert back.loc[back["value"] == 56.2e9, "actor_names"].iat[0] == "Joe Biden; Ukraine"
    texts = small.articles.set_index("article_id")["text"]
    for row in back.itertuples():
        assert texts[row.article_id][row.start:row.end] == row.surface


def test_places_can_be_coloured_by_their_most_named_actor(small):
    """Each place's actor is the person or organisation most often in its sentences."""
    points = queries.place_points(small).set_index("entity_id")
    pairs = queries.top_actor_by_place(small)
    assert set(pairs.index) <= set(points.index)
    m = small.mentions
    for entity_id, actor in pairs.items():
        rows = m.loc[m["entity_id"] == entity_id, "srow"]
        named = m[m["srow"].isin(rows) & m["kind"].isin(["person", "organization"])]
        counts = named.drop_duplicates(["srow", "name"])["name"].value_counts()
        assert counts[actor] == counts.max()
        assert points.loc[entity_id, "actor"] == actor
        assert points.loc[entity_id, "actor_color"] == queries.country_color(actor)
    without = points[~points.index.isin(pairs.index)]
    assert (without["actor"] == "").all()
    assert len(pairs) > 0  # the small dataset has places named with people


@pytest.mark.parametrize("actors", [True, False])
def test_mentions_with_sentences_carry_their_sentence(small, actors):
    rows = queries.mentions_with_sentences(small, actors=actors)
    role = small.mentions["is_actor" if actors else "is_place"]
    assert len(rows) == int(role.sum()) > 0
    texts = small.sentences.set_index("srow")["text"]
    assert all(texts[r.srow] == r.sentence for r in rows.itertuples())
