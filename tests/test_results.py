"""Result and standings rows of sports reports (issue 9: names in short lines).

Every row is invented for the test (no corpus text)."""
from __future__ import annotations

from data_prep.results import result_row_names

from .test_institutions import mentions_of

TABLE = ("Results of the northern league on Saturday:\n"
         "Brentford Athletic 2 Kettering 0\n"
         "Dunmore 1-1 Castlebridge Rovers\n"
         "Standings:\n"
         "Brentford Athletic 3 2 1 0 7 2 7\n")


def test_names_of_result_and_standings_rows():
    names = [TABLE[a:b] for a, b in result_row_names(TABLE)]
    assert names == ["Brentford Athletic", "Kettering", "Dunmore", "Castlebridge Rovers", "Brentford Athletic"]


def test_one_line_with_numbers_is_no_table():
    assert result_row_names("Apollo 11 landed in 1969.\nThe crew of 3 came home after 8 days.") == []


def test_the_names_of_a_results_table_are_clubs(parse):
    found = {m["surface"]: m["kind"] for m in mentions_of(parse, TABLE)}
    assert {found[n] for n in ("Brentford Athletic", "Kettering", "Dunmore", "Castlebridge Rovers")} == {"organization"}


def test_a_national_side_in_a_results_table_is_its_country(parse):
    text = "Qualifiers on Wednesday:\nKenya 2 Nigeria 1\nEngland 1 Wales 1\n"
    found = {m["surface"]: (m["kind"], m["country_code"]) for m in mentions_of(parse, text)}
    assert found["Kenya"] == ("country", "KE") and found["Wales"] == ("place", "GB")
