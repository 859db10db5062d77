"""Figures stage: values, units, counted nouns, qualifiers and what is not a figure."""
from __future__ import annotations

import csv
import math

import pytest

from data_prep.figures import UNITS_CSV, extract_figures
from data_prep.resources import load_resources

KEYS = {"article_id", "sentence_id", "start", "end", "surface", "value", "unit", "of",
        "approximate"}
ANY = object()  # the counted noun is not asserted (the parse decides it)


@pytest.fixture(scope="session")
def figures_of(parse):
    """A function: text -> figure rows of that text."""
    def _figures(text: str) -> list[dict]:
        article, sentences = parse(text)
        return extract_figures(article, sentences, load_resources())

    return _figures


def _row(rows: list[dict], surface: str) -> dict:
    found = [r for r in rows if r["surface"] == surface]
    assert found, f"no figure {surface!r} in {[r['surface'] for r in rows]}"
    return found[0]


# (sentence, surface, value, unit, of, approximate)
CASES = [
    # money: signs, codes, words and scales
    ("The ministry will spend $4.5 billion on new schools.",
     "$4.5 billion", 4.5e9, "USD", ANY, False),
    ("Exports to the region fell to £3bn last quarter.", "£3bn", 3e9, "GBP", None, False),
    ("The bank lent the city €1.2m for a new bridge.", "€1.2m", 1.2e6, "EUR", ANY, False),
    ("A local firm was fined A$250,000 by the regulator.", "A$250,000", 250000, "AUD", ANY, False),
    ("The company raised C$40 million from investors.", "C$40 million", 4e7, "CAD", ANY, False),
    ("The council set aside 1.5 million rubles for repairs.",
     "1.5 million rubles", 1.5e6, "RUB", ANY, False),
    ("Farmers received 300 million hryvnias in compensation.",
     "300 million hryvnias", 3e8, "UAH", ANY, False),
    ("The museum sold the painting for 2 million euros.",
     "2 million euros", 2e6, "EUR", ANY, False),
    ("The studio paid 500 million yen for the rights.", "500 million yen", 5e8, "JPY", ANY, False),
    ("The startup burned through several hundred thousand dollars.",
     "several hundred thousand dollars", 1e5, "USD", ANY, True),
    ("Donors pledged billions of dollars for reconstruction.",
     "billions of dollars", 1e9, "USD", ANY, True),
    ("The charity wants to raise $10m-$15m this year.", "$10m-$15m", 1e7, "USD", ANY, True),
    ("The firm's shares closed up 12p at 340p.", "340p", 3.4, "GBP", ANY, False),
    ("Officials approved a $2bn loan for the airport.", "$2bn", 2e9, "USD", "loan", False),
    ("Lawmakers approved $300 million in housing aid for the city.", "$300 million", 3e8, "USD",
     "housing aid", False),
    ("Profits reached Â£75m last year.", "Â£75m", 7.5e7, "GBP", ANY, False),  # mis-decoded "£"
    # percent
    ("Unemployment rose to 7.5% in the spring.", "7.5%", 7.5, "percent", None, False),
    ("Turnout was 62 per cent, the electoral board said.",
     "62 per cent", 62, "percent", None, False),
    ("Support for the plan stood at 41 percent in the poll.",
     "41 percent", 41, "percent", None, False),
    ("Nearly 40% of pupils passed the exam.", "Nearly 40%", 40, "percent", "pupils", True),
    ("The lender raised rates by half a percentage point.", "half a percentage point", 0.5,
     "percentage points", None, False),
    ("The bank cut its rate by a quarter percentage point.", "a quarter percentage point", 0.25,
     "percentage points", None, False),
    ("Yields rose by three-quarters of a percentage point.", "three-quarters of a percentage point",
     0.75, "percentage points", None, False),
    ("Prices are expected to rise 2% to 3% next year.", "2% to 3%", 2, "percent", None, True),
    # shares in words, as percent
    ("Two-thirds of the members voted against the motion.", "Two-thirds", 66.666667, "percent",
     "members", False),
    ("A third of the houses had no electricity.", "A third", 33.333333, "percent", "houses", False),
    ("About one in five adults smokes every day.",
     "About one in five", 20, "percent", "adults", True),
    ("Eight in 10 drivers want cheaper fuel.", "Eight in 10", 80, "percent", "drivers", False),
    ("Half of the staff were sent home.", "Half", 50, "percent", "staff", False),
    # measures (kept in the author's unit)
    ("The convoy travelled 300km before dawn.", "300km", 300, "km", None, False),
    ("The wall stretches for 190 miles along the river.", "190 miles", 190, "mi", None, False),
    ("The new pipeline will carry 1.5 million barrels of oil a day.", "1.5 million barrels", 1.5e6,
     "barrels", "oil", False),
    ("The ship was carrying 2 tonnes of flour.", "2 tonnes", 2, "tonnes", "flour", False),
    ("Engineers built a 40-metre tower near the coast.", "40-metre", 40, "m", "tower", False),
    ("The plant produces 300MW of electricity.", "300MW", 300, "MW", "electricity", False),
    ("The road is about 12 kilometres long.", "about 12 kilometres", 12, "km", None, True),
    ("A 65m yacht was moored in the bay.", "65m", 65, "m", "yacht", False),
    ("She won the women's 1500m in record time.", "1500m", 1500, "m", ANY, False),
    # counts, in digits and in words
    ("The company hired 12,000 workers across the country.",
     "12,000", 12000, "count", "workers", False),
    ("Three people were injured when the roof collapsed.", "Three", 3, "count", "people", False),
    ("A dozen protesters gathered outside the town hall.",
     "A dozen", 12, "count", "protesters", False),
    ("Half a million visitors came to the festival.",
     "Half a million", 5e5, "count", "visitors", False),
    ("The club signed twenty-five new players.", "twenty-five", 25, "count", "players", False),
    ("A 12,000-strong force crossed the river.", "12,000", 12000, "count", "force", False),
    ("In March 12,000 workers went on strike.", "12,000", 12000, "count", "workers", False),
    ("The city is home to 1.4m cash machines.", "1.4m", 1.4e6, "count", ANY, False),
    ("Officials counted three hundred and fifty ballots.", "three hundred and fifty", 350, "count",
     "ballots", False),
    # vague amounts and ranges: the lower bound, approximate
    ("Tens of thousands of fans filled the streets.",
     "Tens of thousands", 1e4, "count", "fans", True),
    ("Thousands of people marched through the capital.",
     "Thousands", 1000, "count", "people", True),
    ("Hundreds of workers lost their jobs.", "Hundreds", 100, "count", "workers", True),
    ("Dozens of villages were flooded.", "Dozens", 12, "count", "villages", True),
    ("Between 10 and 15 boats were damaged in the storm.",
     "Between 10 and 15", 10, "count", "boats", True),
    ("Police said 10-15 cars were burned overnight.", "10-15", 10, "count", "cars", True),
    ("The agency estimated 30 to 35,000 arrivals.", "30 to 35,000", 30000, "count", ANY, True),
    ("Two or three shops were looted.", "Two or three", 2, "count", "shops", True),
    # approximating qualifiers are part of the surface
    ("Around 500 volunteers joined the clean-up.", "Around 500", 500, "count", "volunteers", True),
    ("More than 2,000 homes lost power.", "More than 2,000", 2000, "count", "homes", True),
    ("Fewer than 100 tickets remain.", "Fewer than 100", 100, "count", "tickets", True),
    ("Up to 30 flights were cancelled on Monday.", "Up to 30", 30, "count", "flights", True),
    ("At least 12 people died in the fire.", "At least 12", 12, "count", "people", True),
    ("Some 3,000 residents were evacuated.", "Some 3,000", 3000, "count", "residents", True),
    ("An estimated 50,000 spectators watched the race.", "An estimated 50,000", 50000, "count",
     "spectators", True),
    ("As many as 600 families may be affected.", "As many as 600", 600, "count", "families", True),
    ("Roughly 80 teachers went on strike.", "Roughly 80", 80, "count", "teachers", True),
    ("Almost 9,000 runners finished the marathon.", "Almost 9,000", 9000, "count", "runners", True),
    ("The fund is worth over $2 trillion.", "over $2 trillion", 2e12, "USD", None, True),
    ("Forty or more houses burned.", "Forty or more", 40, "count", "houses", True),
    ("At least one person was hurt.", "At least one", 1, "count", "person", True),
]


@pytest.mark.parametrize("text, surface, value, unit, of, approximate", CASES,
                         ids=[c[1] for c in CASES])
def test_figure(figures_of, text, surface, value, unit, of, approximate):
    row = _row(figures_of(text), surface)
    assert row["value"] == pytest.approx(value, rel=1e-6)
    assert row["unit"] == unit
    assert row["approximate"] is approximate
    if of is not ANY:
        assert row["of"] == of


# (sentence, the surfaces expected, in order)
ONLY = [
    ("The treaty was signed in 1997 and renewed on 3 March 2015.", []),
    ("The meeting starts at 10:30 on Tuesday and ends at 5pm.", []),
    ("The bus leaves at 9.45 GMT every day.", []),
    ("She finished second and he came fifth in the 3rd round.", []),
    ("Pilots flew F-16 jets and Su-25 attack aircraft past S-300 batteries.", []),
    ("Covid-19 cases fell as G7 and G20 leaders met.", []),
    ("One of the ministers resigned, and one said the plan had failed.", []),
    ("The two sides agreed to meet again soon.", []),
    ("Call 020 7946 0000 for details.", []),
    ("The 70-year-old man was taken to hospital.", []),
    ("A woman, aged 45, was arrested at the scene.", []),
    ("Jane Smith, 26, thanked her fans.", []),
    ("Article 5 of the treaty covers collective defence.", []),
    ("The Boeing 737 landed safely after the scare.", []),
    ("Chelsea won 3-1 at home on Saturday.", []),
    ("He has lived there for three years and plans to stay two more weeks.", []),
    ("The 4G network covers most of the island.", []),
    ("The plan was drawn up in the 1990s by a small team.", []),
    ("Prices are three times higher than last year.", []),
    ("It was the first time in five decades.", []),
    ("It took half an hour to get there.", []),
    ("The index rose 2.5% in the 2014-15 season.", ["2.5%"]),
    ("Sales rose 5% to £3bn in 2004.", ["5%", "£3bn"]),
    ("The fee went up from 60 to 75 percent.", ["60", "75 percent"]),
    ("The price rose from $10 to $12 a share.", ["$10", "$12"]),
]


@pytest.mark.parametrize("text, surfaces", ONLY, ids=[c[0][:40] for c in ONLY])
def test_only_these_figures(figures_of, text, surfaces):
    assert [r["surface"] for r in figures_of(text)] == surfaces


def test_change_shares_the_unit_of_its_end(figures_of):
    row = _row(figures_of("The fee went up from 60 to 75 percent."), "60")
    assert (row["value"], row["unit"]) == (60, "percent")


def test_rows_carry_evidence(figures_of, parse):
    text = "Intro line.\n\nOfficials said 40 people were hurt. Later, about 3,000 more fled."
    article, sentences = parse(text)
    rows = extract_figures(article, sentences, load_resources())
    assert [r["surface"] for r in rows] == ["40", "about 3,000"]
    for row in rows:
        assert set(row) == KEYS
        assert text[row["start"]:row["end"]] == row["surface"]
        sentence = sentences[row["sentence_id"]]
        assert sentence.start <= row["start"] < row["end"] <= sentence.end
    assert rows[0]["sentence_id"] != rows[1]["sentence_id"]


def test_seed_figures(parse, seed_text):
    article, sentences = parse(seed_text, published="2024-11-17")
    rows = {r["surface"]: r for r in extract_figures(article, sentences, load_resources())}
    troops = rows["approximately 12,000"]
    assert (troops["value"], troops["unit"], troops["of"], troops["approximate"]) == \
        (12000.0, "count", "troops", True)
    aid = rows["over $56.2 billion"]
    assert (aid["value"], aid["unit"], aid["approximate"]) == (56_200_000_000.0, "USD", True)
    assert aid["of"].endswith("assistance")
    vague = rows["thousands"]
    assert (vague["value"], vague["unit"], vague["of"], vague["approximate"]) == \
        (1000.0, "count", "troops", True)
    assert len(rows) == 3  # "February 2022" and the like are dates, not figures


def test_units_csv_is_well_formed():
    with UNITS_CSV.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and all(r["role"] in {"prefix", "code", "word"} for r in rows)
    assert all(r["form"] and r["unit"] and float(r["factor"]) > 0 for r in rows)
    forms = [(r["form"], r["role"]) for r in rows]
    assert len(forms) == len(set(forms))


@pytest.mark.corpus
def test_offsets_hold_on_corpus(parsed_corpus_sample):
    total = 0
    for _, article, sentences in parsed_corpus_sample:
        for row in extract_figures(article, sentences, load_resources()):
            total += 1
            assert set(row) == KEYS
            assert article.text[row["start"]:row["end"]] == row["surface"]
            assert row["surface"] == row["surface"].strip()
            assert math.isfinite(row["value"]) and row["unit"]
            assert isinstance(row["approximate"], bool)
    assert total > 0


# --- whose dollar a bare "$" is ---------------------------------------------------------------

@pytest.fixture(scope="session")
def dollars_of(parse):
    """A function: text -> {surface: unit} of its money figures, with the article's mentions."""
    from data_prep.mentions import extract_mentions

    def _dollars(text: str) -> dict[str, str]:
        article, sentences = parse(text)
        resources = load_resources()
        mentions = extract_mentions(article, sentences, resources)
        return {r["surface"]: r["unit"] for r in extract_figures(article, sentences, resources, mentions)
                if "$" in r["surface"]}

    return _dollars


@pytest.mark.parametrize("text, expected", [
    # The clause's subject is a local-dollar country or its government: its own dollar.
    ("The Canadian government announced a $40m aid package for Haiti on Monday.",
     {"$40m": "CAD"}),
    ("New Zealand has given $12m to the relief fund.", {"$12m": "NZD"}),
    # A subject that names no owner takes the article's one local-dollar owner.
    ("Australia has pledged $20m to the appeal. It will also send $4m in medical supplies.",
     {"$20m": "AUD", "$4m": "AUD"}),
    # A company reports in a currency of its choosing: "$" stays the US dollar.
    ("Australian mining company Northfield Minerals said it earned $2bn last year.", {"$2bn": "USD"}),
    # The receiver is the subject, not the lending dollar country.
    ("Kenya received a $90m loan from Canada.", {"$90m": "USD"}),
    # The US in the sentence, or owning a "$" elsewhere in the article, keeps the US dollar.
    ("Australia will match the $50m pledged by the United States.", {"$50m": "USD"}),
    ("The US Treasury sent $5bn to Kyiv. Australia has provided $20m. It will also send $4m.",
     {"$5bn": "USD", "$20m": "AUD", "$4m": "USD"}),
    # Beside another currency the bare "$" is a conversion into US dollars.
    ("Australia's export earnings rose to A$500m ($350m) last year.",
     {"A$500m": "AUD", "$350m": "USD"}),
    ("The company raised $10m from investors.", {"$10m": "USD"}),
])
def test_bare_dollar_takes_its_owners_currency(dollars_of, text, expected):
    assert dollars_of(text) == expected


def test_bare_dollar_without_mentions_is_usd(figures_of):
    assert _row(figures_of("Australia has pledged $20m to the appeal."), "$20m")["unit"] == "USD"


def test_local_dollars_csv_is_well_formed():
    units = load_resources().units
    assert units.local_dollars["AU"] == "AUD" and "US" not in units.local_dollars
    assert all(len(code) == 3 and code.isupper() for code in units.local_dollars.values())
    for sign, country in (("A$", "AU"), ("C$", "CA"), ("NZ$", "NZ"), ("HK$", "HK"), ("S$", "SG"),
                          ("NT$", "TW")):
        assert units.prefixes[sign] == units.local_dollars[country]
