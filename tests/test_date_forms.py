"""The date-form registry: rows are well formed and generate the grammar; holiday arithmetic."""
from __future__ import annotations

from datetime import date

import pytest

from data_prep.date_forms import FORMS, GRAMMAR, KEYWORDS, holiday_date, may_hold_date


def test_every_row_is_a_named_alternative_of_the_grammar():
    names = [form.name for form in FORMS]
    assert len(names) == len(set(names))
    assert all(name in GRAMMAR.groupindex for name in names)


def test_every_row_says_how_its_matches_start():
    assert all(form.starts or form.start_words for form in FORMS)
    assert all(w == w.lower() for form in FORMS for w in (*form.start_words, *form.keywords))


def test_prefilter_comes_from_the_rows():
    assert set(KEYWORDS) == {k for form in FORMS for k in form.keywords}
    assert may_hold_date("They met on Christmas Eve.") and may_hold_date("in 2014")
    assert not may_hold_date("Nothing here is a date.")


@pytest.mark.parametrize("year, name, expected", [
    (2024, "easter", date(2024, 3, 31)),
    (2025, "easter sunday", date(2025, 4, 20)),
    (2019, "easter", date(2019, 4, 21)),
    (2024, "thanksgiving", date(2024, 11, 28)),
    (2018, "thanksgiving", date(2018, 11, 22)),  # 1 November a Thursday
    (2024, "boxing day", date(2024, 12, 26)),
    (2025, "orthodox christmas", date(2025, 1, 7)),
])
def test_holiday_date(year, name, expected):
    assert holiday_date(year, name) == expected
