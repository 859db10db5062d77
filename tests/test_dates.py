"""Dates stage: grammar, resolution against the publication date and tense, evidence offsets."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pandas as pd
import pytest

from data_prep.date_forms import may_hold_date
from data_prep.dates import FUTURE, PAST, extract_events, resolve_expression
from data_prep.resources import load_resources

EVENT_KEYS = {"article_id", "sentence_id", "start", "end", "surface", "date", "date_end",
              "precision", "relative"}
SUNDAY = "2024-11-17"  # a Sunday; most cases below are "published" then
D = date.fromisoformat


def _events(parse, text: str, published: str | None = SUNDAY) -> list[dict]:
    article, sentences = parse(text, published)
    events = extract_events(article, sentences, load_resources())
    for event in events:  # invariants every row must keep
        assert set(event) == EVENT_KEYS
        assert article.text[event["start"]:event["end"]] == event["surface"]
        assert event["date"] <= event["date_end"]
        assert isinstance(event["date"], pd.Timestamp) and event["date"].tz is None
    return events


def _summary(event: dict) -> tuple:
    return (event["surface"], event["date"].date().isoformat(), event["date_end"].date().isoformat(),
            event["precision"], event["relative"])


# --- resolution without a parse ---------------------------------------------------------------
@pytest.mark.parametrize("text, published, tense, expected", [
    # absolute forms
    ("17 November 2024", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", False)),
    ("November 17, 2024", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", False)),
    ("the 17th of November 2024", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", False)),
    ("Sunday, 17 November 2024", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", False)),
    ("2024-11-17", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", False)),
    ("February 2022", SUNDAY, None, ("2022-02-01", "2022-02-28", "month", False)),
    ("Sept. 2020", SUNDAY, None, ("2020-09-01", "2020-09-30", "month", False)),
    ("in 2014", SUNDAY, None, ("2014-01-01", "2014-12-31", "year", False)),
    ("mid-2005", SUNDAY, None, ("2005-01-01", "2005-12-31", "year", False)),
    ("2014-15", SUNDAY, None, ("2014-01-01", "2015-12-31", "year", False)),
    ("the 1990s", SUNDAY, None, ("1990-01-01", "1999-12-31", "decade", False)),
    ("the early 2000s", SUNDAY, None, ("2000-01-01", "2009-12-31", "decade", False)),
    ("the third quarter of 2023", SUNDAY, None, ("2023-07-01", "2023-09-30", "quarter", False)),
    ("Q1 2020", SUNDAY, None, ("2020-01-01", "2020-03-31", "quarter", False)),
    ("summer 2019", SUNDAY, None, ("2019-06-01", "2019-08-31", "season", False)),
    ("the winter of 2023", SUNDAY, None, ("2023-12-01", "2024-02-29", "season", False)),
    ("9-11 May 2025", SUNDAY, None, ("2025-05-09", "2025-05-11", "day", False)),
    # partial dates follow the tense
    ("Nov. 17", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", True)),
    ("Feb. 24", SUNDAY, PAST, ("2024-02-24", "2024-02-24", "day", True)),
    ("Feb. 24", SUNDAY, FUTURE, ("2025-02-24", "2025-02-24", "day", True)),
    ("January", SUNDAY, FUTURE, ("2025-01-01", "2025-01-31", "month", True)),
    ("January", SUNDAY, PAST, ("2024-01-01", "2024-01-31", "month", True)),
    ("January", SUNDAY, None, ("2025-01-01", "2025-01-31", "month", True)),
    ("November", SUNDAY, FUTURE, ("2024-11-01", "2024-11-30", "month", True)),
    ("November", SUNDAY, PAST, ("2024-11-01", "2024-11-30", "month", True)),
    ("May", SUNDAY, None, ("2025-05-01", "2025-05-31", "month", True)),  # 165 days ahead vs 170 back
    ("last November", SUNDAY, None, ("2023-11-01", "2023-11-30", "month", True)),
    ("next January", SUNDAY, None, ("2025-01-01", "2025-01-31", "month", True)),
    ("Friday", "2022-01-23", PAST, ("2022-01-21", "2022-01-21", "day", True)),
    ("Friday", "2022-01-23", FUTURE, ("2022-01-28", "2022-01-28", "day", True)),
    ("Friday", "2022-01-23", None, ("2022-01-21", "2022-01-21", "day", True)),
    ("Sunday", SUNDAY, PAST, ("2024-11-17", "2024-11-17", "day", True)),
    ("last Sunday", SUNDAY, None, ("2024-11-10", "2024-11-10", "day", True)),
    ("next Sunday", SUNDAY, None, ("2024-11-24", "2024-11-24", "day", True)),
    ("this Wednesday", SUNDAY, None, ("2024-11-13", "2024-11-13", "day", True)),
    ("the winter", SUNDAY, PAST, ("2023-12-01", "2024-02-29", "season", True)),
    ("this winter", SUNDAY, None, ("2024-12-01", "2025-02-28", "season", True)),
    ("last summer", SUNDAY, None, ("2024-06-01", "2024-08-31", "season", True)),
    ("next spring", SUNDAY, None, ("2025-03-01", "2025-05-31", "season", True)),
    ("the fourth quarter", SUNDAY, PAST, ("2023-10-01", "2023-12-31", "quarter", True)),
    ("the first quarter", SUNDAY, FUTURE, ("2025-01-01", "2025-03-31", "quarter", True)),
    ("Christmas", SUNDAY, FUTURE, ("2024-12-25", "2024-12-25", "day", True)),
    ("Easter", SUNDAY, PAST, ("2024-03-31", "2024-03-31", "day", True)),
    ("Easter Sunday", "2025-01-10", FUTURE, ("2025-04-20", "2025-04-20", "day", True)),
    ("Thanksgiving", SUNDAY, FUTURE, ("2024-11-28", "2024-11-28", "day", True)),
    ("Thanksgiving", SUNDAY, PAST, ("2023-11-23", "2023-11-23", "day", True)),
    ("Orthodox Christmas", SUNDAY, FUTURE, ("2025-01-07", "2025-01-07", "day", True)),
    ("May 9-11", SUNDAY, PAST, ("2024-05-09", "2024-05-11", "day", True)),
    ("Q3", SUNDAY, PAST, ("2024-07-01", "2024-09-30", "quarter", True)),
    # deictic and relative to publication
    ("yesterday", SUNDAY, None, ("2024-11-16", "2024-11-16", "day", True)),
    ("today", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", True)),
    ("tomorrow", SUNDAY, None, ("2024-11-18", "2024-11-18", "day", True)),
    ("the day before yesterday", SUNDAY, None, ("2024-11-15", "2024-11-15", "day", True)),
    ("last night", SUNDAY, None, ("2024-11-16", "2024-11-16", "day", True)),
    ("this morning", SUNDAY, None, ("2024-11-17", "2024-11-17", "day", True)),
    ("last week", SUNDAY, None, ("2024-11-04", "2024-11-10", "week", True)),
    ("this week", SUNDAY, None, ("2024-11-11", "2024-11-17", "week", True)),
    ("next week", SUNDAY, None, ("2024-11-18", "2024-11-24", "week", True)),
    ("earlier this week", SUNDAY, None, ("2024-11-11", "2024-11-16", "week", True)),
    ("earlier this week", "2024-11-11", None, ("2024-11-11", "2024-11-11", "week", True)),
    ("later this month", SUNDAY, None, ("2024-11-18", "2024-11-30", "month", True)),
    ("earlier this month", SUNDAY, None, ("2024-11-01", "2024-11-16", "month", True)),
    ("last month", "2024-01-10", None, ("2023-12-01", "2023-12-31", "month", True)),
    ("next month", "2024-12-10", None, ("2025-01-01", "2025-01-31", "month", True)),
    ("last year", SUNDAY, None, ("2023-01-01", "2023-12-31", "year", True)),
    ("next year", SUNDAY, None, ("2025-01-01", "2025-12-31", "year", True)),
    ("late last year", SUNDAY, None, ("2023-01-01", "2023-12-31", "year", True)),
    ("last quarter", SUNDAY, None, ("2024-07-01", "2024-09-30", "quarter", True)),
    ("this decade", SUNDAY, None, ("2020-01-01", "2029-12-31", "decade", True)),
    ("this past weekend", SUNDAY, None, ("2024-11-16", "2024-11-17", "week", True)),
    ("the weekend", "2024-11-18", PAST, ("2024-11-16", "2024-11-17", "week", True)),
    ("the end of the year", SUNDAY, None, ("2024-01-01", "2024-12-31", "year", True)),
    ("the start of next year", SUNDAY, None, ("2025-01-01", "2025-12-31", "year", True)),
    ("the end of this fiscal year", SUNDAY, None, ("2024-01-01", "2024-12-31", "year", True)),
    ("the end of the month", SUNDAY, None, ("2024-11-01", "2024-11-30", "month", True)),
    ("the year's end", SUNDAY, None, ("2024-01-01", "2024-12-31", "year", True)),
    ("next year’s start", SUNDAY, None, ("2025-01-01", "2025-12-31", "year", True)),
    ("the month's close", SUNDAY, None, ("2024-11-01", "2024-11-30", "month", True)),
    ("this fiscal year", SUNDAY, None, ("2024-01-01", "2024-12-31", "year", True)),
    ("next financial year", SUNDAY, None, ("2025-01-01", "2025-12-31", "year", True)),
    ("this past week", SUNDAY, None, ("2024-11-11", "2024-11-17", "week", True)),
    ("this past week", "2024-11-18", None, ("2024-11-11", "2024-11-17", "week", True)),
    ("two days ago", SUNDAY, None, ("2024-11-15", "2024-11-15", "day", True)),
    ("three weeks ago", SUNDAY, None, ("2024-10-21", "2024-10-27", "week", True)),
    ("five months ago", SUNDAY, None, ("2024-06-01", "2024-06-30", "month", True)),
    ("a year ago", SUNDAY, None, ("2023-01-01", "2023-12-31", "year", True)),
    ("a couple of weeks ago", SUNDAY, None, ("2024-10-28", "2024-11-03", "week", True)),
    ("the past week", SUNDAY, None, ("2024-11-10", "2024-11-17", "week", True)),
    ("the last 48 hours", SUNDAY, None, ("2024-11-15", "2024-11-17", "day", True)),
    ("the past seven days", SUNDAY, None, ("2024-11-10", "2024-11-17", "day", True)),
    # a count read whole, not its last word ("five years ago")
    ("Twenty-five years ago", SUNDAY, None, ("1999-01-01", "1999-12-31", "year", True)),
    ("thirty one days ago", SUNDAY, None, ("2024-10-17", "2024-10-17", "day", True)),
    # decades back are a year, as the same years would be
    ("a decade ago", SUNDAY, None, ("2014-01-01", "2014-12-31", "year", True)),
    ("two decades ago", SUNDAY, None, ("2004-01-01", "2004-12-31", "year", True)),
    # a day news name by its numbers
    ("post-9/11", SUNDAY, None, ("2001-09-11", "2001-09-11", "day", False)),
    ("the 7/7 bombings", SUNDAY, None, ("2005-07-07", "2005-07-07", "day", False)),
    # leap years and month lengths
    ("Feb. 29", "2023-06-01", PAST, ("2020-02-29", "2020-02-29", "day", True)),
    # untensed, a coming day and month must be much nearer than the last one
    ("Feb. 24", "2022-09-16", None, ("2022-02-24", "2022-02-24", "day", True)),
    ("Nov. 5", "2024-09-16", None, ("2024-11-05", "2024-11-05", "day", True)),
    ("last month", "2024-03-31", None, ("2024-02-01", "2024-02-29", "month", True)),
    ("a month ago", "2024-03-31", None, ("2024-02-01", "2024-02-29", "month", True)),
])
def test_resolve_expression(text, published, tense, expected):
    assert may_hold_date(text)  # the form's keywords let its sentences through the prefilter
    first, last, precision, relative = resolve_expression(text, D(published), tense=tense)
    assert (first.isoformat(), last.isoformat(), precision, relative) == expected
    assert first <= last


@pytest.mark.parametrize("text, published", [
    ("31 February 2023", SUNDAY),  # no such day
    ("30 February", SUNDAY),
    ("three years", SUNDAY),       # a duration
    ("for decades", SUNDAY),
    ("daily", SUNDAY),
    ("recent weeks", SUNDAY),
    ("the past weeks", SUNDAY),    # no extent
    # rolling spans longer than a week are durations
    ("the past two weeks", SUNDAY),
    ("the past year", SUNDAY),
    ("the next 12 months", SUNDAY),
    ("the past decade", SUNDAY),
    ("the last four months", SUNDAY),
    ("five years earlier than expected", SUNDAY),  # a comparison, no step from a date
    ("9/11/2024", SUNDAY),                         # a numeric date, ambiguous
    ("a score of 19/11", SUNDAY),
    ("the 21st century", SUNDAY),
    ("a 70-year-old man", SUNDAY),
    ("yesterday", None),           # needs a publication date
    ("in January", None),
    ("on Friday", None),
    ("last week", None),
    ("Feb. 24", None),
])
def test_resolve_expression_drops(text, published):
    assert resolve_expression(text, D(published) if published else None) is None


def test_resolve_expression_accepts_datetimes():
    when = datetime(2024, 11, 17, 22, 30, tzinfo=timezone.utc)
    assert resolve_expression("yesterday", when)[0] == date(2024, 11, 16)


# --- extraction with tense from the parse ------------------------------------------------------
@pytest.mark.parametrize("text, published, expected", [
    # full dates
    ("The treaty was signed on 17 November 2024 in Vienna.", SUNDAY,
     [("17 November 2024", "2024-11-17", "2024-11-17", "day", False)]),
    ("The ceasefire began on November 3, 2023, after weeks of talks.", SUNDAY,
     [("November 3, 2023", "2023-11-03", "2023-11-03", "day", False)]),
    ("The report is dated 2024-10-05.", SUNDAY,
     [("2024-10-05", "2024-10-05", "2024-10-05", "day", False)]),
    ("Fighting resumed on Nov. 9 near the river.", SUNDAY,
     [("Nov. 9", "2024-11-09", "2024-11-09", "day", True)]),
    ("The talks will resume on Dec. 2.", SUNDAY,
     [("Dec. 2", "2024-12-02", "2024-12-02", "day", True)]),
    ("The factory closed on 3 March.", SUNDAY,
     [("3 March", "2024-03-03", "2024-03-03", "day", True)]),
    ("The factory will reopen on 3 March.", SUNDAY,
     [("3 March", "2025-03-03", "2025-03-03", "day", True)]),
    ("The exhibition runs from 9-11 May 2025.", SUNDAY,
     [("9-11 May 2025", "2025-05-09", "2025-05-11", "day", False)]),
    ("The fair was held on May 9-11.", SUNDAY,
     [("May 9-11", "2024-05-09", "2024-05-11", "day", True)]),
    # month and year, month alone
    ("Prices peaked in February 2022 and fell afterwards.", SUNDAY,
     [("February 2022", "2022-02-01", "2022-02-28", "month", False)]),
    ("The bridge opened in May of 2019.", SUNDAY,
     [("May of 2019", "2019-05-01", "2019-05-31", "month", False)]),
    ("The new mayor will take office in January.", SUNDAY,
     [("January", "2025-01-01", "2025-01-31", "month", True)]),
    ("The mayor took office in January.", SUNDAY,
     [("January", "2024-01-01", "2024-01-31", "month", True)]),
    ("The council is set to decide in April.", SUNDAY,
     [("April", "2025-04-01", "2025-04-30", "month", True)]),
    ("Parliament is expected to vote in February.", SUNDAY,
     [("February", "2025-02-01", "2025-02-28", "month", True)]),
    ("The company plans to open a factory in June.", SUNDAY,
     [("June", "2025-06-01", "2025-06-30", "month", True)]),
    ("Elections are due in April.", SUNDAY,
     [("April", "2025-04-01", "2025-04-30", "month", True)]),
    ("Troops could arrive as early as January.", SUNDAY,
     [("January", "2025-01-01", "2025-01-31", "month", True)]),
    ("Since August, the river has flooded twice.", SUNDAY,
     [("August", "2024-08-01", "2024-08-31", "month", True)]),
    ("Exports fell sharply in October.", SUNDAY,
     [("October", "2024-10-01", "2024-10-31", "month", True)]),
    ("The festival returns in March.", SUNDAY,  # present tense: the nearest March
     [("March", "2025-03-01", "2025-03-31", "month", True)]),
    ("The fraud began on 16 October last year.", SUNDAY,
     [("16 October last year", "2023-10-16", "2023-10-16", "day", True)]),
    ("Sales fell in March this year.", SUNDAY,
     [("March this year", "2024-03-01", "2024-03-31", "month", True)]),
    ("The mine closed in early March.", SUNDAY,
     [("early March", "2024-03-01", "2024-03-31", "month", True)]),
    ("The deal was signed on Friday and will take effect in January.", SUNDAY,
     [("Friday", "2024-11-15", "2024-11-15", "day", True),
      ("January", "2025-01-01", "2025-01-31", "month", True)]),
    # years
    ("The company was founded in 2014.", SUNDAY,
     [("2014", "2014-01-01", "2014-12-31", "year", False)]),
    ("The plant will close by 2030.", SUNDAY,
     [("2030", "2030-01-01", "2030-12-31", "year", False)]),
    ("Turnout in the 2019 election was low.", SUNDAY,
     [("2019", "2019-01-01", "2019-12-31", "year", False)]),
    ("Growth was strong in 2014-15.", SUNDAY,
     [("2014-15", "2014-01-01", "2015-12-31", "year", False)]),
    # a range written with two full years names both, as "from 1995 to 2005" does
    ("The former mayor (1995-2005) spoke.", SUNDAY,
     [("1995", "1995-01-01", "1995-12-31", "year", False), ("2005", "2005-01-01", "2005-12-31", "year", False)]),
    ("The factory was built in the 1990s.", SUNDAY,
     [("the 1990s", "1990-01-01", "1999-12-31", "decade", False)]),
    # weekdays (2022-01-23 is a Sunday)
    ("The minister resigned on Friday.", "2022-01-23",
     [("Friday", "2022-01-21", "2022-01-21", "day", True)]),
    ("The minister will resign on Friday.", "2022-01-23",
     [("Friday", "2022-01-28", "2022-01-28", "day", True)]),
    ("The summit is scheduled for Friday.", "2022-01-23",
     [("Friday", "2022-01-28", "2022-01-28", "day", True)]),
    ("The committee met last Tuesday.", "2022-01-23",
     [("last Tuesday", "2022-01-18", "2022-01-18", "day", True)]),
    ("Talks continue next Monday.", "2022-01-23",
     [("next Monday", "2022-01-24", "2022-01-24", "day", True)]),
    ("Friday's storm damaged roofs across the valley.", "2022-01-23",
     [("Friday", "2022-01-21", "2022-01-21", "day", True)]),
    # deictic, relative units, ago, rolling spans
    ("The results were published yesterday.", SUNDAY,
     [("yesterday", "2024-11-16", "2024-11-16", "day", True)]),
    ("The court will rule tomorrow.", SUNDAY,
     [("tomorrow", "2024-11-18", "2024-11-18", "day", True)]),
    ("Police said the suspect was arrested last night.", SUNDAY,
     [("last night", "2024-11-16", "2024-11-16", "day", True)]),
    ("The bank raised rates last week.", SUNDAY,
     [("last week", "2024-11-04", "2024-11-10", "week", True)]),
    ("The board meets next week.", SUNDAY,
     [("next week", "2024-11-18", "2024-11-24", "week", True)]),
    ("Sales fell last month.", SUNDAY,
     [("last month", "2024-10-01", "2024-10-31", "month", True)]),
    ("Elections will be held next year.", SUNDAY,
     [("next year", "2025-01-01", "2025-12-31", "year", True)]),
    ("The firm hired new staff earlier this month.", SUNDAY,
     [("earlier this month", "2024-11-01", "2024-11-16", "month", True)]),
    ("The strike ended this past weekend.", SUNDAY,
     [("this past weekend", "2024-11-16", "2024-11-17", "week", True)]),
    ("The ship sank two days ago.", SUNDAY,
     [("two days ago", "2024-11-15", "2024-11-15", "day", True)]),
    ("He left the company three weeks ago.", SUNDAY,
     [("three weeks ago", "2024-10-21", "2024-10-27", "week", True)]),
    ("Prices have doubled over the past week.", SUNDAY,
     [("the past week", "2024-11-10", "2024-11-17", "week", True)]),
    ("Rates have stayed low since the 9/11 attacks.", SUNDAY,  # the model reads "9/11" as a number
     [("9/11", "2001-09-11", "2001-09-11", "day", False)]),
    # seasons, quarters, holidays
    ("The offensive stalled in the summer.", SUNDAY,
     [("the summer", "2024-06-01", "2024-08-31", "season", True)]),
    ("Gas demand will peak this winter.", SUNDAY,
     [("this winter", "2024-12-01", "2025-02-28", "season", True)]),
    ("The river froze last winter.", SUNDAY,
     [("last winter", "2023-12-01", "2024-02-29", "season", True)]),
    ("Construction starts in spring 2026.", SUNDAY,
     [("spring 2026", "2026-03-01", "2026-05-31", "season", False)]),
    ("Profits rose in the third quarter.", SUNDAY,
     [("the third quarter", "2024-07-01", "2024-09-30", "quarter", True)]),
    ("Output recovered in Q2 2024.", SUNDAY,
     [("Q2 2024", "2024-04-01", "2024-06-30", "quarter", False)]),
    ("The shops will close on Christmas Day.", SUNDAY,
     [("Christmas Day", "2024-12-25", "2024-12-25", "day", True)]),
    ("Workers marched at a May Day rally.", SUNDAY,
     [("May Day", "2024-05-01", "2024-05-01", "day", True)]),
    # anaphora step from the previous date in the text
    ("The storm hit on 4 March 2023. The next day, the power failed.", SUNDAY,
     [("4 March 2023", "2023-03-04", "2023-03-04", "day", False),
      ("The next day", "2023-03-05", "2023-03-05", "day", True)]),
    ("The company was founded in 2010. Two years later, it opened a second office.", SUNDAY,
     [("2010", "2010-01-01", "2010-12-31", "year", False),
      ("Two years later", "2012-01-01", "2012-12-31", "year", True)]),
    # "through"/"until" a date in a clause that is not past: the date is to come
    ("The sanctions run through June.", SUNDAY,
     [("June", "2025-06-01", "2025-06-30", "month", True)]),
    ("The shelter stayed open until March.", SUNDAY,
     [("March", "2024-03-01", "2024-03-31", "month", True)]),
    ("This fiscal year the firm cut 300 jobs, and this past week it cut more.", SUNDAY,
     [("This fiscal year", "2024-01-01", "2024-12-31", "year", True),
      ("this past week", "2024-11-11", "2024-11-17", "week", True)]),
    # a weekday in a present or untensed clause is the last one, even when the next is nearer
    ("Drones hit the depot on Friday, officials say.", "2024-11-20",
     [("Friday", "2024-11-15", "2024-11-15", "day", True)]),
    ("The talks will resume on Friday.", "2024-11-20",
     [("Friday", "2024-11-22", "2024-11-22", "day", True)]),
    ("Leaders meet ahead of a summit on Thursday.", "2024-11-20",  # much nearer: the coming one
     [("Thursday", "2024-11-21", "2024-11-21", "day", True)]),
    # "the day before" steps back from the date before it
    ("The envoys met on 12 March 2021. The day before, the border had been closed.", SUNDAY,
     [("12 March 2021", "2021-03-12", "2021-03-12", "day", False),
      ("The day before", "2021-03-11", "2021-03-11", "day", True)]),
    ("They met on 12 March 2021, the day before the vote.", SUNDAY,
     [("12 March 2021", "2021-03-12", "2021-03-12", "day", False)]),
    # a date modifying the noun after it names an event: in a clause that is not past, the
    # nearest occurrence ("to help after the 12 January raid", published in April: January)
    ("Rescuers plan to help the wounded of the army's 2 November raid.", "2024-04-10",
     [("2 November", "2023-11-02", "2023-11-02", "day", True)]),
    ("Voters will go to the polls in the 5 June referendum.", "2024-04-10",
     [("the 5 June", "2024-06-05", "2024-06-05", "day", True)]),
    # a modern year after "the" or a possessive modifies its plural noun: no count
    ("Turnout fell sharply in the 2019 elections.", SUNDAY,
     [("2019", "2019-01-01", "2019-12-31", "year", False)]),
    ("Turnout fell in the 2019 local elections.", SUNDAY,  # "local" before no "time"
     [("2019", "2019-01-01", "2019-12-31", "year", False)]),
    ("Emissions must fall below their 1990 levels.", SUNDAY,
     [("1990", "1990-01-01", "1990-12-31", "year", False)]),
    # "ahead of" a date puts it after the clause's past event: the nearest occurrence
    ("The sanctions were announced hours ahead of the 9 May parade.", "2024-05-08",
     [("the 9 May", "2024-05-09", "2024-05-09", "day", True)]),
    ("Ministers met ahead of the 30 June deadline.", "2024-05-08",
     [("the 30 June", "2024-06-30", "2024-06-30", "day", True)]),
    # a day a few days past in a modal or future clause is that day, not next year's
    ("The arrest of the mayor on March 3 may be a sign of change.", "2024-03-05",
     [("March 3", "2024-03-03", "2024-03-03", "day", True)]),
    ("The market will reopen on March 3.", "2024-01-05",
     [("March 3", "2024-03-03", "2024-03-03", "day", True)]),
])
def test_extract_events(parse, text, published, expected):
    assert [_summary(e) for e in _events(parse, text, published)] == expected


@pytest.mark.parametrize("text", [
    "The war has lasted three years.",
    "He was jailed for decades.",
    "The paper is published daily.",
    "A 70-year-old man was injured.",
    "The annual meeting drew crowds.",
    "In recent weeks the talks have stalled.",
    "The talks could take a few days.",
    "The Winter Olympics drew large crowds.",
    "Winter clothing sold well.",
    "Prime Minister Theresa May spoke.",
    "The Sunday Times reported the story.",
    "Troops march north and may stay.",
    "The town has 1950 residents.",
    "The 1500 soldiers left the fort.",  # an old year's number after "the": a count
    "About 2,014 visitors left.",
    "They were supposed to come the next day.",  # nothing earlier to step from
    "The programme is shown at 2000 GMT on the channel.",  # a clock time, no year
    "Sales are expected to grow over the next 12 months.",  # a duration
    "Aid has flowed to the region over the past four months.",
    "The film Fahrenheit 9/11 won a prize.",  # a title's number
    "The vote is scheduled for 9/11, officials said.",  # a day of this year, not the attacks
    "The contract ends two years earlier than planned.",
    "The patrol left at 1800 hours.",
    "The patrol left at 1800 local time.",
])
def test_non_dates_are_dropped(parse, text):
    assert _events(parse, text) == []


def test_without_publication_date_only_absolute_dates_remain(parse):
    text = ("The ceasefire began on 3 November 2023, and talks resumed on Friday. "
            "Sales rose last year, as in the 1990s.")
    assert [_summary(e) for e in _events(parse, text, None)] == [
        ("3 November 2023", "2023-11-03", "2023-11-03", "day", False),
        ("the 1990s", "1990-01-01", "1999-12-31", "decade", False),
    ]


def test_offsets_point_into_the_article_text(parse):
    text = ("Budget Talks\n\nThe plan was first shown in March 2021.\n"
            "Officials met on Tuesday, and again last week.\n\nA vote is due next month.")
    events = _events(parse, text)
    assert [e["surface"] for e in events] == ["March 2021", "Tuesday", "last week", "next month"]
    assert [e["sentence_id"] for e in events] == [1, 2, 2, 3]  # the heading is row 0


# --- the seed and the shared corpus -----------------------------------------------------------
def test_seed_expectations(parse, seed_text):
    rows = {e["surface"]: _summary(e) for e in _events(parse, seed_text, SUNDAY)}
    assert rows["January"] == ("January", "2025-01-01", "2025-01-31", "month", True)
    assert rows["February 2022"] == ("February 2022", "2022-02-01", "2022-02-28", "month", False)


@pytest.mark.corpus
def test_corpus_articles_do_not_crash(parsed_corpus_sample):
    # Both halves of the corpus: dated war coverage and the undated BBC archive.
    assert sum(art.published is not None for _, art, _ in parsed_corpus_sample) >= 50
    total = 0
    for _, art, sentences in parsed_corpus_sample:
        for event in extract_events(art, sentences, load_resources()):
            assert set(event) == EVENT_KEYS
            assert art.text[event["start"]:event["end"]] == event["surface"]
            assert event["date"] <= event["date_end"]
            total += 1
    assert total > 100


def test_anaphora_past_year_9999_are_dropped_not_raised(parse):
    article, sentences = parse("The treaty was signed in 1990. Some 9999 years later it lapsed.")
    rows = extract_events(article, sentences, load_resources())
    assert [r["surface"] for r in rows] == ["1990"]
