"""URL state: filters <-> query parameters, links, and chart selections -> filters."""
from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest

from dashboard import state
from dashboard.queries import Filters

FULL = Filters(actors=("Vladimir Putin", "Joe Biden"), topics=("Military aid",),
               places=("Kursk",), sources=("Example Wire",), date_from=date(2022, 1, 1),
               date_to=date(2024, 12, 31), q='missiles "air defence"')


@pytest.mark.parametrize("filters", [Filters(), FULL, Filters(places=("São Paulo", "A&B=C")),
                                     Filters(date_to=date(2024, 2, 29)), Filters(q="?&#")])
def test_url_round_trip(filters):
    query = state.query_string(filters)
    assert state.filters_from_params(parse_qs(query)) == filters


def test_only_non_default_values_are_in_the_url():
    assert state.query_string(Filters()) == ""
    assert state.query_string(Filters(places=("Kursk",))) == "place=Kursk"


def test_repeatable_parameters_and_readable_names():
    query = state.query_string(FULL)
    assert query.startswith("actor=Vladimir+Putin&actor=Joe+Biden&topic=Military+aid&place=Kursk")
    assert "from=2022-01-01&to=2024-12-31" in query
    assert "q=missiles+%22air+defence%22" in query


@pytest.mark.parametrize("params, expected", [
    ({"actor": "Vladimir Putin"}, Filters(actors=("Vladimir Putin",))),
    ({"actor": ["A", "B", "A", ""]}, Filters(actors=("A", "B"))),
    ({"from": "not-a-date", "to": "2024-13-40"}, Filters()),
    ({"from": "2024-01-01T10:00"}, Filters(date_from=date(2024, 1, 1))),
    ({"q": "  spaced  "}, Filters(q="spaced")),
    ({"unknown": "x", "article": "a1"}, Filters()),
    ({"actor": None, "from": None, "q": None}, Filters()),
])
def test_filters_from_params_tolerates_odd_input(params, expected):
    assert state.filters_from_params(params) == expected


def test_widget_values_read_back_as_the_same_filters():
    values = state.widget_values(FULL)
    assert values["from"] == date(2022, 1, 1) and values["actor"] == ["Vladimir Putin", "Joe Biden"]
    assert state.filters_from_params(values) == FULL
    assert state.filters_from_params(state.widget_values(Filters())) == Filters()


def test_text_link_points_at_the_sentence_and_keeps_the_filters():
    link = state.text_link("a 1&x", 3, Filters(places=("Kursk",)))
    path, query = link.split("?", 1)
    assert path == "text"  # relative, so it works under any base URL path
    assert parse_qs(query) == {"article": ["a 1&x"], "sentence": ["3"], "place": ["Kursk"]}
    assert state.text_link("a1") == "text?article=a1"


def test_share_url():
    url = state.share_url("http://host:8501/map", Filters(places=("Kursk",)))
    assert url == "http://host:8501/map?place=Kursk"
    assert state.share_url(None, Filters()) == "?"
    assert urlsplit(state.share_url("http://h/text?old=1", Filters(), {"article": "a1"})).query == "article=a1"
    odd = state.share_url(None, Filters(q="x"), {"filters": ["1"], "page_url": "2"})  # any URL key
    assert odd == "?filters=1&page_url=2&q=x"


@pytest.mark.parametrize("event, expected", [
    ({"selection": {"indices": {"places": [0]}, "objects": {"places": [{"name": "Kursk", "mentions": 2}]}}},
     "Kursk"),
    ({"selection": {"indices": {}, "objects": {}}}, None),
    ({"selection": {"objects": {"countries": [{"name": "Russia"}]}}}, None),
    ({"selection": {"objects": {"places": [{"name": ""}, {"name": "Kyiv"}]}}}, "Kyiv"),
    (None, None),
    ({}, None),
    ({"selection": None}, None),
])
def test_map_selection_place(event, expected):
    assert state.map_selection_place(event) == expected


@pytest.mark.parametrize("event, expected", [
    ({"selection": {"points": [{"customdata": ["Kursk", "x"]}, {"customdata": ["Kyiv"]}]}},
     ["Kursk", "Kyiv"]),
    ({"selection": {"points": [{"customdata": ["Kursk"]}, {"customdata": ["Kursk"]}]}}, ["Kursk"]),
    ({"selection": {"points": [{"point_index": 3}]}}, []),
    ({"selection": {"points": [{"customdata": "solo"}]}}, ["solo"]),
    ({"selection": {"points": []}}, []),
    (None, []),
])
def test_plotly_selection_values(event, expected):
    assert state.plotly_selection_values(event) == expected


def test_selection_to_filter():
    assert state.with_value(["Kyiv"], "Kursk") == ["Kyiv", "Kursk"]
    assert state.with_value(["Kursk"], "Kursk") == ["Kursk"]
    assert state.with_value(None, None) == []
    event = {"selection": {"objects": {"places": [{"name": "Kursk"}]}}}
    chosen = state.filters_with(Filters(places=("Kyiv",)), "place", state.map_selection_place(event))
    assert chosen.places == ("Kyiv", "Kursk")
    assert state.query_string(chosen) == "place=Kyiv&place=Kursk"
