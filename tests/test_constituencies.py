"""Electoral areas found from the offsets of a sentence's spans (no model needed)."""
from __future__ import annotations

import re

import pytest

from data_prep.constituencies import compass_seat_town, electoral_areas


def areas(text: str, names: list[str]) -> list[str]:
    """The areas among ``names`` (each found once in ``text``, one sentence)."""
    spans = sorted((m.start(), m.end(), 0) for name in names for m in [re.search(re.escape(name), text)])
    return [text[a.start:a.end] for a in electoral_areas(text, spans)]


@pytest.mark.parametrize("text, names, expected", [
    ("The MP for Hornsey and Wood Green spoke.", ["Hornsey", "Wood Green"], ["Hornsey and Wood Green"]),
    ("A seat in Fenwick's and Lower Mill ward fell.", ["Fenwick", "Lower Mill"], ["Fenwick's and Lower Mill"]),
    ("He holds the Hartlepool seat.", ["Hartlepool"], ["Hartlepool"]),
    ("In the constituency of Bolton West, turnout fell.", ["Bolton West"], ["Bolton West"]),
    ("The Edinburgh North MP spoke.", ["Edinburgh North MP"], ["Edinburgh North"]),
    ("The Leeds East MP spoke.", ["Leeds", "East MP"], ["Leeds East"]),  # split by the model
    ("A by-election in Leyton is due.", ["Leyton"], ["Leyton"]),
    ("The candidates for Hornsey and Wood Green met.", ["Hornsey", "Wood Green"], ["Hornsey and Wood Green"]),
])
def test_cues_make_an_area(text, names, expected):
    assert areas(text, names) == expected


@pytest.mark.parametrize("text, names, expected", [
    ("The MPs for Hull and Grimsby spoke.", ["Hull", "Grimsby"], ["Hull", "Grimsby"]),  # two areas
    ("The seats of Hull, Leeds and York fell.", ["Hull", "Leeds", "York"], ["Hull", "Leeds", "York"]),
    ("Voters in Hull and Grimsby spoke.", ["Hull", "Grimsby"], []),  # no cue
    ("She met Leeds and York officials.", ["Leeds", "York"], []),
    ("He sat in the seat of honour next to Mary.", ["Mary"], []),
])
def test_plurals_join_nothing_and_no_cue_finds_nothing(text, names, expected):
    assert areas(text, names) == expected


@pytest.mark.parametrize("name, town", [
    ("Bolton West", "Bolton"), ("Milton Keynes North", "Milton Keynes"), ("Hull North-East", "Hull"),
    ("Hornsey and Wood Green", None), ("West Ham", None),
])
def test_compass_seat_town(name, town):
    assert compass_seat_town(name) == town
