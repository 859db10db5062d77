"""Regions: the subdivision names read from iso3166-2 and the direction words."""
from __future__ import annotations

import pytest

from data_prep.regions import _english_names, _official_names, direction_of, direction_point


def test_english_names_drop_codes_and_nicknames():
    other = "Луганська область (ukr), Luhansk (eng), Eastern gate of Ukraine (eng), AP (eng), Luhan (eng)"
    assert _english_names(other) == ["Luhansk", "Luhan"]
    assert _english_names(None) == []


def test_official_names_split_bracketed_forms():
    assert _official_names("Ceredigion [Sir Ceredigion]") == ["Ceredigion", "Sir Ceredigion"]
    assert _official_names("Bruxelles-Capitale, Région de") == []


@pytest.mark.parametrize("word, direction", [
    ("eastern", "east"), ("Western", "west"), ("north-eastern", "northeast"), ("southwestern", "southwest"),
    ("South-East", "southeast"), ("central", "central"), ("occupied", None), ("eastwest", None),
])
def test_direction_of(word, direction):
    assert direction_of(word) == direction


def test_direction_point_takes_the_outer_cities():
    # a 5 x 5 grid of equal towns: the "north" part lies in its top rows
    towns = [(float(lat), float(lon), 1000) for lat in range(5) for lon in range(5)]
    lat, lon = direction_point(towns, "north")
    assert lat > 3 and 1.5 < lon < 2.5
    assert direction_point([], "north") is None
