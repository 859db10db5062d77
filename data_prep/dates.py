"""Dates stage: the timeline of events an article describes.

A small precompiled grammar finds date expressions in each sentence; spaCy DATE/TIME
entities only confirm ambiguous words ("May", "spring"). Relative and partial dates
resolve against the publication date and the tense of the verb that governs them.

Conventions (the contract leaves these open):
* weeks run Monday to Sunday; "the weekend" is Saturday to Sunday with precision "week";
* seasons are meteorological, northern hemisphere; "winter 2022" is Dec 2022 to Feb 2023;
* "early"/"late"/"mid-"/"the end of" keep the period they modify ("early March" is all of March);
* rolling spans ("the past two weeks", "the next 12 months") are ranges that end or start
  at publication, with the unit as precision;
* anaphora ("the next day", "that year", "two weeks later") step from the latest date found
  in the previous two sentences; they count as relative;
* dropped: durations ("three years", "for decades"), frequencies ("daily"), ages, vague spans
  ("recent weeks", "the coming months", "a few days ago"), centuries, and numeric dates such as
  "11/17/2024" whose day/month order is ambiguous.
dateparser is not used: at ~60 ms a call it costs more than the parse it would repair, and it
reads durations as dates ("three years" -> three years ago).
"""
from __future__ import annotations

import re
from calendar import monthrange
from datetime import date, datetime, timedelta
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pandas as pd

from . import lexicon as lex
from .records import Article, Sentence

if TYPE_CHECKING:
    from .resources import Resources

__all__ = ["extract_events", "resolve_expression", "PAST", "FUTURE"]

PAST = "past"
FUTURE = "future"

Period = tuple[date, date, str, bool]  # (first day, last day, precision, relative)

# --- grammar -------------------------------------------------------------------------------
_MONTH_FULL = "|".join(m.capitalize() for m in lex.MONTHS)
_MONTH_ABBR = rf"(?:{'|'.join(a.capitalize() for a in lex.MONTH_ABBREVIATIONS)})\.?"
_MON = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# Not inside a number ("2,014", "$2014", "1-2014"); not before a unit or a suffix ("2014-born").
_YEAR_CORE = r"(?<![\d,.$£€/])(?<!\d-)(?:1[0-9]\d\d|20\d\d)"
_YEAR = _YEAR_CORE + r"(?![\d%]|[,.]\d|-\w)"
_WD = "|".join(w.capitalize() for w in lex.WEEKDAYS)
_SEASON = f"(?i:{'|'.join(lex.SEASON_START_MONTH)})"
_NUM = "(?i:\\d{1,3}|%s)" % "|".join(  # longest first: "a couple of" before "a"
    w.replace(" ", r"\s+") for w in sorted(lex.DATE_COUNT_WORDS, key=len, reverse=True))
_UNIT = r"(?i:day|week|month|year|decade)"
_MOD = r"(?i:early|late|mid-|mid|the\s+(?:end|start|beginning|middle)\s+of)"
_DIR = r"(?i:this\s+past|this\s+coming|this|last|next)"
_REL_YEAR = r"(?i:last|this|next)\s+year\b"  # "on 16 October last year"

# Words a date expression can start with; checked first so that the engine tries the forms
# below at few positions (this gate makes the scan several times faster).
_STARTERS = ("the this that last next early late mid earlier later a an one two three four five "
             "six seven eight nine ten eleven twelve fifteen twenty thirty yesterday today "
             "tomorrow tonight winter summer spring autumn fall first second third fourth "
             "final").split()
_START = (r"\b(?=\d|Q[1-4]|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri"
          r"|Sat|Sun|Christmas|Easter|Boxing|New|Halloween|Valentine|Thanksgiving|Orthodox|(?:"
          + "|".join(sorted({w for word in _STARTERS for w in (word, word.capitalize())},
                            reverse=True))
          + r")\b)")
# One named group per form; its name is the match's ``lastgroup``. Alternatives are tried
# left to right at each position, so longer forms come first. VERBOSE ignores literal
# spaces: every space inside a form is written \s+.
_GRAMMAR = re.compile(_START + rf"""(?:
  (?P<iso> (?P<iso_y>\d{{4}})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b )
| (?P<dm_range>                                                   # 9-11 May 2022
    (?P<dr_d1>{_DAY})\s?[-–]\s?(?P<dr_d2>{_DAY})\s+(?P<dr_m>{_MON})
    (?:,?\s+(?P<dr_y>{_YEAR}))?\b )
| (?P<md_range>                                                   # May 9-11, 2022
    (?P<mr_m>{_MON})\s+(?P<mr_d1>{_DAY})\s?[-–]\s?(?P<mr_d2>{_DAY})\b
    (?:,?\s+(?P<mr_y>{_YEAR}))? )
| (?P<dmy>                                                        # Sunday, the 17th of November 2024
    (?:(?:{_WD}),?\s+)?(?:the\s+)?(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MON})(?!\w)
    (?:,?\s+(?P<dmy_y>{_YEAR})|\s+(?P<dmy_ry>{_REL_YEAR}))? )
| (?P<mdy>                                                        # Nov. 17, 2024
    (?:(?:{_WD}),?\s+)?(?P<mdy_m>{_MON})\s+(?:the\s+)?(?P<mdy_d>{_DAY})\b(?![:.,]?\d)
    (?:,?\s+(?P<mdy_y>{_YEAR})|\s+(?P<mdy_ry>{_REL_YEAR}))? )
| (?P<my> (?:{_MOD}\s*)?(?P<my_m>{_MON})(?:,|\s+of)?\s+(?P<my_y>{_YEAR}) )   # early May 2022
| (?P<sy>                                                         # the winter of 2022-23
    (?:{_MOD}\s+)?(?:(?i:the)\s+)?(?P<sy_s>{_SEASON})\s+(?:of\s+)?(?P<sy_y>{_YEAR})
    (?:[-/]\d\d(?:\d\d)?\b)? )
| (?P<qy>                                                         # the third quarter of 2023, Q3 2023
    (?:(?i:the)\s+)?(?P<qy_q>(?i:first|second|third|fourth|final|1st|2nd|3rd|4th))[\s-]quarter
    \s+(?:of\s+)?(?P<qy_y>{_YEAR})
  | Q(?P<qy_n>[1-4])\s+(?P<qy_y2>{_YEAR}) )
| (?P<decade> (?:(?i:the)\s+)?(?:(?i:early|mid-|mid|late)\s*)?(?P<dc_y>1[0-9]\d0|20\d0)'?s\b )
| (?P<yrange> (?P<yr_y1>{_YEAR_CORE})\s?[-–/]\s?(?P<yr_y2>(?:1[0-9]|20)?\d\d)\b )  # 2014-15
| (?P<anaphor>                                                    # the next day, two weeks later
    (?P<an_det>(?i:the\s+same|the\s+next|the\s+following|the\s+previous|that))
    \s+(?P<an_u>(?i:day|week|month|year))
  | (?P<an_n>{_NUM})\s+(?P<an_u2>{_UNIT})s?\s+(?P<an_dir>(?i:later|earlier)) )\b
| (?P<ago> (?P<ago_n>{_NUM})\s+(?P<ago_u>{_UNIT})s?\s+(?i:ago)\b )
| (?P<rolling>                                                    # the past two weeks
    (?i:(?:the|this)\s+(?P<ro_dir>past|last|next|coming))\s+(?:(?P<ro_n>{_NUM})\s+)?
    (?P<ro_u>(?i:hour|day|week|month|year|decade))(?P<ro_pl>s)?\b )
| (?P<deictic> (?P<dx>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow
    |yesterday|today|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening
    |last\s+night|earlier\s+today|later\s+today))\b )
| (?P<rel>                                                        # earlier this month
    (?:(?P<rel_mod>(?i:earlier|later)|{_MOD})\s+)?(?P<rel_dir>{_DIR})
    \s+(?P<rel_u>(?i:week|weekend|month|year|quarter|decade))\b )
| (?P<endof> (?i:the\s+(?:end|start|beginning|middle))\s+of\s+the\s+(?P<eo_u>(?i:week|month|year))\b )
| (?P<holiday> (?P<hd>Orthodox\s+Christmas|Christmas(?:\s+(?:Day|Eve))?|Boxing\s+Day|May\s+Day
    |New\s+Year's\s+(?:Day|Eve)|Easter(?:\s+Sunday)?|Halloween|Valentine's\s+Day|Thanksgiving)\b )
| (?P<weekday> (?:(?P<wd_dir>{_DIR}|(?i:early|late))\s+)?(?P<wd>{_WD})\b )
| (?P<month>                                                      # in January, last May
    (?:(?P<mo_dir>{_DIR}|{_MOD})\s*)?(?P<mo>{_MONTH_FULL})\b(?!\s*\d)
    (?:\s+(?P<mo_ry>{_REL_YEAR}))? )
| (?P<season>
    (?:(?P<se_dir>{_DIR}|(?i:the\s+coming|early|late|the\s+end\s+of|the\s+start\s+of))\s+
      |(?i:the)\s+)?(?P<se>{_SEASON})\b )
| (?P<quarter>
    (?:(?i:the)\s+)?(?P<qu>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]quarter\b
  | Q(?P<qu_n>[1-4])\b )
| (?P<weekend> (?i:the\s+weekend)\b )
| (?P<year> (?:(?P<yr_mod>{_MOD})\s*)?(?P<yr>{_YEAR})\b )
)""", re.VERBOSE)

_DATE_LABELS = frozenset({"DATE", "TIME"})
# A match inside one of these entities is part of a name or a number, not a date.
_BLOCKING_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "GPE", "LOC",
                              "NORP", "CARDINAL", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "LAW"})
# Kinds that need a DATE/TIME entity or a preposition before them to count.
_NEEDS_SUPPORT = frozenset({"month", "season", "year", "quarter", "holiday", "weekend"})



# --- calendar helpers --------------------------------------------------------------------
def _month_end(year: int, month: int) -> date:
    return date(year, month, monthrange(year, month)[1])


def _add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's length."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, monthrange(year, month + 1)[1]))


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _quarter(year: int, q: int) -> tuple[date, date]:
    return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _season(year: int, name: str) -> tuple[date, date]:
    start = date(year, lex.SEASON_START_MONTH[name], 1)
    return start, _add_months(start, 3) - timedelta(days=1)


def _easter(year: int) -> date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _holiday(year: int, name: str) -> date:
    if name.startswith("easter"):
        return _easter(year)
    if name == "thanksgiving":  # fourth Thursday of November
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    return date(year, *lex.FIXED_HOLIDAYS[name])


def _pick(periods: list[tuple[date, date]], pub: date, mode: str | None) -> tuple[date, date] | None:
    """Choose the occurrence of a recurring period that the tense points to.

    ``past``: latest one started by ``pub``; ``future``: first one not over by ``pub``;
    ``last``/``next``: strictly before/after ``pub``; otherwise the nearest one.
    """
    if mode == PAST:
        found = [p for p in periods if p[0] <= pub]
        return max(found) if found else None
    if mode == FUTURE:
        found = [p for p in periods if p[1] >= pub]
        return min(found) if found else None
    if mode == "last":
        found = [p for p in periods if p[1] < pub]
        return max(found) if found else None
    if mode == "next":
        found = [p for p in periods if p[0] > pub]
        return min(found) if found else None

    def distance(p: tuple[date, date]) -> tuple[int, int]:
        if p[0] <= pub <= p[1]:
            return 0, 0
        gap = (p[0] - pub).days if p[0] > pub else (pub - p[1]).days
        return gap, 0 if p[0] < pub else 1  # ties go to the past
    return min(periods, key=distance) if periods else None


def _yearly(pub: date, make) -> list[tuple[date, date]]:
    """Occurrences of a yearly period around ``pub`` (``make(year)`` may raise ValueError)."""
    found = []
    for year in range(pub.year - 4, pub.year + 5):  # four years either side reach a 29 February
        try:
            found.append(make(year))
        except (ValueError, KeyError):
            continue
    return found


def _number(text: str) -> int | None:
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    return lex.DATE_COUNT_WORDS.get(text)


def _year_step(text: str) -> int:
    """-1, 0 or 1 for "last year", "this year", "next year"."""
    return {"last": -1, "next": 1}.get(text.split()[0].lower(), 0)


def _direction(word: str | None) -> str | None:
    """Map a determiner ("last", "this coming", ...) to a ``_pick`` mode."""
    if not word:
        return None
    word = " ".join(word.lower().split())
    if word in ("last", "this past"):
        return "last"
    if word in ("next", "this coming", "the coming"):
        return "next"
    if word == "this":
        return "this"
    return None


# --- resolution ----------------------------------------------------------------------------
def _int_day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _year(text: str | None) -> int | None:
    return int(text) if text else None


def _resolve_match(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    """Period of one grammar match, or None when it cannot be anchored."""
    kind = m.lastgroup
    g = m.group
    if kind == "iso":
        day = date(int(g("iso_y")), int(g("iso_m")), int(g("iso_d")))
        return day, day, "day", False
    if kind in ("dm_range", "md_range", "dmy", "mdy"):
        p = {"dm_range": "dr", "md_range": "mr", "dmy": "dmy", "mdy": "mdy"}[kind]
        month = lex.MONTH_WORDS[g(f"{p}_m").rstrip(".").lower()]
        if kind.endswith("range"):
            d1, d2 = _int_day(g(f"{p}_d1")), _int_day(g(f"{p}_d2"))
            if d2 <= d1:
                return None
        else:
            d1 = d2 = _int_day(g(f"{p}_d"))
        year = _year(g(f"{p}_y"))
        if year is not None:
            return date(year, month, d1), date(year, month, d2), "day", False
        if pub is None:
            return None
        if not kind.endswith("range") and g(f"{p}_ry"):
            year = pub.year + _year_step(g(f"{p}_ry"))
            return date(year, month, d1), date(year, month, d2), "day", True
        found = _pick(_yearly(pub, lambda y: (date(y, month, d1), date(y, month, d2))), pub, tense)
        return (*found, "day", True) if found else None
    if kind == "my":
        month, year = lex.MONTH_WORDS[g("my_m").rstrip(".").lower()], int(g("my_y"))
        return date(year, month, 1), _month_end(year, month), "month", False
    if kind == "sy":
        name, year = g("sy_s").lower(), int(g("sy_y"))
        start, end = _season(year, name)
        return start, end, "season", False
    if kind == "qy":
        q = int(g("qy_n")) if g("qy_n") else lex.QUARTER_ORDINALS[g("qy_q").lower()]
        year = int(g("qy_y") or g("qy_y2"))
        return (*_quarter(year, q), "quarter", False)
    if kind == "decade":
        start = int(g("dc_y"))
        return date(start, 1, 1), date(start + 9, 12, 31), "decade", False
    if kind == "yrange":
        y1, raw = int(g("yr_y1")), g("yr_y2")
        y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
        if not 0 < y2 - y1 <= 50:
            return None  # a score or an id, not a span of years
        return date(y1, 1, 1), date(y2, 12, 31), "year", False
    if kind == "year":
        year = int(g("yr"))
        return date(year, 1, 1), date(year, 12, 31), "year", False
    if pub is None:
        return None
    return _resolve_relative(m, kind, pub, tense)


def _resolve_relative(m: re.Match, kind: str, pub: date, tense: str | None) -> Period | None:
    """Periods that need the publication date."""
    g = m.group
    if kind == "ago":
        n, unit = _number(g("ago_n")), g("ago_u").lower()
        if n is None:
            return None
        return _shift(pub, -n, unit)
    if kind == "rolling":
        n = _number(g("ro_n")) if g("ro_n") else (None if g("ro_pl") else 1)
        if n is None:
            return None  # "the past weeks": no extent
        unit = g("ro_u").lower()
        forward = g("ro_dir").lower() in ("next", "coming")
        if unit == "hour":
            span = timedelta(days=max(1, n // 24))
            return (pub, pub + span, "day", True) if forward else (pub - span, pub, "day", True)
        other = _offset(pub, n if forward else -n, unit)
        precision = "year" if unit == "year" else unit
        return (pub, other, precision, True) if forward else (other, pub, precision, True)
    if kind == "deictic":
        word = " ".join(g("dx").lower().split())
        delta = {"yesterday": -1, "tomorrow": 1, "last night": -1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
        day = pub + timedelta(days=delta)
        return day, day, "day", True
    if kind == "rel":
        return _resolve_rel(pub, g("rel_dir"), g("rel_u").lower(), g("rel_mod"))
    if kind == "endof":
        return _resolve_rel(pub, "this", g("eo_u").lower(), None)
    if kind == "weekday":
        wd = lex.WEEKDAYS[g("wd").lower()]
        mode = _direction(g("wd_dir"))
        if mode == "this":
            monday = pub - timedelta(days=pub.weekday())
            day = monday + timedelta(days=wd)
            return day, day, "day", True
        days = [pub + timedelta(days=i) for i in range(-14, 15)
                if (pub + timedelta(days=i)).weekday() == wd]
        found = _pick([(d, d) for d in days], pub, mode or tense)
        return (*found, "day", True) if found else None
    if kind == "month":
        month = lex.MONTH_WORDS[g("mo").lower()]
        if g("mo_ry"):
            year = pub.year + _year_step(g("mo_ry"))
            return date(year, month, 1), _month_end(year, month), "month", True
        mode = _direction(g("mo_dir"))
        if mode == "this":
            return date(pub.year, month, 1), _month_end(pub.year, month), "month", True
        found = _pick(_yearly(pub, lambda y: (date(y, month, 1), _month_end(y, month))),
                      pub, mode or tense)
        return (*found, "month", True) if found else None
    if kind == "season":
        name = g("se").lower()
        mode = _direction(g("se_dir"))
        found = _pick(_yearly(pub, lambda y: _season(y, name)),
                      pub, mode if mode in ("last", "next") else tense)
        return (*found, "season", True) if found else None
    if kind == "quarter":
        q = int(g("qu_n")) if g("qu_n") else lex.QUARTER_ORDINALS[g("qu").lower()]
        # Quarters are reported once over: "profits rose in the fourth quarter" is a finished one.
        found = _pick(_yearly(pub, lambda y: _quarter(y, q)), pub, "last" if tense == PAST else tense)
        return (*found, "quarter", True) if found else None
    if kind == "weekend":
        saturdays = [pub + timedelta(days=i) for i in range(-14, 15)
                     if (pub + timedelta(days=i)).weekday() == 5]
        found = _pick([(d, d + timedelta(days=1)) for d in saturdays], pub, tense)
        return (*found, "week", True) if found else None
    if kind == "holiday":
        name = " ".join(g("hd").lower().split()).replace(" sunday", "")
        found = _pick(_yearly(pub, lambda y: (_holiday(y, name),) * 2), pub, tense)
        return (*found, "day", True) if found else None
    return None


def _offset(day: date, n: int, unit: str) -> date:
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    months = {"month": 1, "year": 12, "decade": 120}[unit]
    return _add_months(day, n * months)


def _shift(pub: date, n: int, unit: str) -> Period:
    """The calendar period ``n`` units away from ``pub`` ("two weeks ago": that week)."""
    day = _offset(pub, n, unit)
    if unit == "day":
        return day, day, "day", True
    if unit == "week":
        return (*_week_of(day), "week", True)
    if unit == "month":
        return date(day.year, day.month, 1), _month_end(day.year, day.month), "month", True
    if unit == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31), "year", True
    start = day.year // 10 * 10
    return date(start, 1, 1), date(start + 9, 12, 31), "decade", True


def _resolve_rel(pub: date, direction: str, unit: str, modifier: str | None) -> Period | None:
    """"last week", "this year", "earlier this month", "next quarter", "this past weekend"."""
    mode = _direction(direction)
    step = {"last": -1, "next": 1}.get(mode, 0)
    if unit == "week":
        start, end = _week_of(pub + timedelta(weeks=step))
        precision = "week"
    elif unit == "weekend":
        saturday = _week_of(pub)[0] + timedelta(days=5)
        if mode == "last" and saturday >= pub:
            saturday -= timedelta(weeks=1)
        elif mode == "next":
            saturday += timedelta(weeks=1)
        start, end, precision = saturday, saturday + timedelta(days=1), "week"
    elif unit == "month":
        first = _add_months(date(pub.year, pub.month, 1), step)
        start, end, precision = first, _month_end(first.year, first.month), "month"
    elif unit == "quarter":
        index = pub.year * 4 + (pub.month - 1) // 3 + step
        start, end = _quarter(index // 4, index % 4 + 1)
        precision = "quarter"
    elif unit == "year":
        year = pub.year + step
        start, end, precision = date(year, 1, 1), date(year, 12, 31), "year"
    else:  # decade
        first = pub.year // 10 * 10 + 10 * step
        start, end, precision = date(first, 1, 1), date(first + 9, 12, 31), "decade"
    modifier = (modifier or "").lower()
    # "earlier/later this week" is the part of the period before/after publication.
    if mode == "this" and modifier == "earlier":
        end = max(start, min(end, pub - timedelta(days=1)))
    elif mode == "this" and modifier == "later":
        start = min(end, max(start, pub + timedelta(days=1)))
    return start, end, precision, True


_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "season": 3, "year": 4,
                   "decade": 5}


def _resolve_anaphor(m: re.Match, anchor: Period | None) -> Period | None:
    """"the next day", "that year", "two weeks later": a step from the previous date in the text."""
    if anchor is None:
        return None
    det = " ".join((m.group("an_det") or "").lower().split())
    unit = (m.group("an_u") or m.group("an_u2")).lower()
    if unit == "decade" or _PRECISION_RANK[anchor[2]] > _PRECISION_RANK[unit]:
        return None  # "the next day" after "in 2014" has no day to step from
    if det in ("the same", "that"):
        step = 0
    elif det in ("the next", "the following"):
        step = 1
    elif det == "the previous":
        step = -1
    else:
        n = _number(m.group("an_n"))
        if n is None:
            return None
        step = n if m.group("an_dir").lower() == "later" else -n
    if step == 0 and anchor[2] == unit:
        return anchor[0], anchor[1], unit, True
    return _shift(anchor[0], step, unit)


def resolve_expression(text: str, published: date | datetime | None, *,
                       tense: str | None = None) -> Period | None:
    """Resolve one date expression ("last Friday", "Feb. 24") without a parse.

    ``tense`` is ``PAST``, ``FUTURE`` or None (nearest occurrence); returns
    (first day, last day, precision, relative) or None when it cannot be anchored.
    """
    m = _GRAMMAR.search(text)
    if m is None:
        return None
    return _safe_resolve(m, _as_date(published), tense)


def _as_date(published: date | datetime | None) -> date | None:
    if isinstance(published, datetime):
        return published.date()
    return published


def _safe_resolve(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    try:
        return _resolve_match(m, pub, tense)
    except ValueError:  # 31 February and the like
        return None


# --- tense ---------------------------------------------------------------------------------
def _verb_tense(verb: Any, depth: int = 0, via_infinitive: bool = False) -> str | None:
    """PAST, FUTURE or None for a verb token, from its auxiliaries, tag and lemma."""
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if auxes & lex.FUTURE_AUXILIARIES or verb.lemma_.lower() in lex.FUTURE_LEMMAS:
        return FUTURE
    if via_infinitive and verb.lemma_.lower() in lex.INTENT_LEMMAS:
        return FUTURE
    if "would" in auxes:
        return PAST if "have" in auxes else None
    if auxes & lex.MODALS:
        return PAST if "have" in auxes else FUTURE
    if "going" in auxes or (verb.lower_ == "going" and any(c.dep_ == "xcomp" for c in verb.children)):
        return FUTURE
    tag = verb.tag_
    if depth < 3 and verb.dep_ in ("xcomp", "conj", "advcl", "acl") and verb.head is not verb and (
            "to" in auxes or (verb.dep_ == "conj" and not auxes)):
        # "set to take office in January", "will meet and sign a deal on Friday"
        inherited = _verb_tense(verb.head, depth + 1, via_infinitive="to" in auxes)
        if inherited or "to" in auxes:
            return inherited
    if tag in ("VBD", "VBN"):
        return PAST
    if tag == "VBG" and auxes & {"was", "were"}:
        return PAST
    return None


def _tense(span: Any) -> str | None:
    """Tense of the clause a date expression belongs to (None when unclear)."""
    sent = span.sent
    before = span.doc[span.start - 1].lower_ if span.start > sent.start else ""
    if before in lex.PAST_CUES:
        return PAST
    if before in lex.FUTURE_CUES:
        return FUTURE
    token = span.root
    for _ in range(8):
        if token.head is token:
            break
        child, token = token, token.head
        if token.lemma_.lower() in lex.FUTURE_LEMMAS or token.lower_ in lex.FUTURE_CUES:
            return FUTURE
        if token.lemma_.lower() in lex.INTENT_LEMMAS and child.lower_ == "for":
            return FUTURE  # "the vote is set for Sunday"
        if token.pos_ in ("VERB", "AUX"):
            return _verb_tense(token)
    return _verb_tense(sent.root) if sent.root.pos_ in ("VERB", "AUX") else None


# --- extraction ----------------------------------------------------------------------------
_TENSED = frozenset({"dm_range", "md_range", "dmy", "mdy", "weekday", "month", "season", "quarter",
                     "weekend", "holiday"})
_DIRECTED = {"weekday": "wd_dir", "month": "mo_dir", "season": "se_dir", "rel": "rel_dir"}
_DIGIT = re.compile(r"\d")
# Every form without a digit contains one of these (weekdays and "today" contain "day").
_KEYWORDS = ("day", "week", "month", "year", "decade", "quarter", "winter", "summer", "spring",
             "autumn", "fall", "night", "morning", "afternoon", "evening", "tomorrow", "christmas",
             "easter", "halloween", "thanksgiving", "jan", "feb", "mar", "apr", "may", "jun", "jul",
             "aug", "sep", "oct", "nov", "dec")
_ANCHOR_REACH = 2  # "the next day" looks back this many sentences for its date


def _previous_word(text: str, at: int) -> str:
    head = text[max(0, at - 16):at].split()
    return head[-1].lower().strip(",(\"'“‘") if head else ""


def _supported(kind: str, m: re.Match, text: str, in_date_ent: bool) -> bool:
    """Whether a match that may be an ordinary word counts as a date here."""
    prev = _previous_word(text, m.start())
    if kind == "rolling" and not m.group("ro_n") and not m.group("ro_pl"):
        # "the next day" is anaphoric; "over the next year" is a span from publication.
        return m.group("ro_u").lower() != "day" and (
            m.group("ro_dir").lower() in ("past", "last") or prev in lex.ROLLING_LEADS)
    if kind == "deictic" and prev == "of" and not text[:m.start()].lower().endswith("as of ") \
            and not text[m.end():m.end() + 1] in ("'", "’"):
        return False  # "the Russia of today", but not "as of today"
    if in_date_ent or kind not in _NEEDS_SUPPORT:
        return True
    if kind == "season":
        return bool(m.group("se_dir"))
    if kind in ("quarter", "holiday", "weekend"):
        return prev in lex.DATE_LEADS
    if kind == "month" and m.group("mo") in ("May", "March") and not m.group("mo_dir"):
        return prev in lex.DATE_LEADS - {"to", "and", "or", "as"}
    if kind == "year" and prev == "the":
        return True  # "the 2019 election"; counts ("the 1950 residents") are caught later
    return prev in lex.DATE_LEADS or bool(m.group("mo_dir") if kind == "month" else m.group("yr_mod"))


def _is_name_part(kind: str, m: re.Match, tokens: Any, in_date_ent: bool) -> bool:
    """Date words inside names or used as plain modifiers ("Winter Olympics", "winter wheat")."""
    doc = tokens.doc
    if kind == "season":
        word = doc[tokens.end - 1]
        if word.dep_ in ("compound", "amod") and not m.group("se_dir"):
            return True
        return word.text[0].isupper() and word.i > word.sent.start and not m.group("se_dir")
    if kind == "holiday":
        return len(tokens) == 1 and tokens.root.dep_ == "compound"
    if kind == "year" and len(tokens) == 1:
        # "1950 residents": a count of a plural noun, even when NER calls it a DATE.
        token = tokens[0]
        return token.dep_ == "nummod" and token.head.tag_ == "NNS" and not (
            token.i > 0 and doc[token.i - 1].lower_ in lex.DATE_LEADS)
    if kind == "weekday" and not in_date_ent and tokens.end < len(doc):
        after = doc[tokens.end]
        # "the Sunday Times": a capitalised word straight after a bare weekday.
        return after.text[:1].isupper() and after.text.lower() not in lex.MONTH_WORDS
    return False


def _is_final_sense(kind: str, m: re.Match, tokens: Any) -> bool:
    """"Putin's last winter": "last" after a possessive means final, not previous."""
    group = _DIRECTED.get(kind)
    if not group or (m.group(group) or "").lower() != "last" or tokens.start == 0:
        return False
    before = tokens.doc[tokens.start - 1]
    return before.tag_ in ("POS", "PRP$")


def _may_hold_date(text: str) -> bool:
    """Cheap gate: a digit or a date keyword somewhere (most sentences have neither)."""
    if _DIGIT.search(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in _KEYWORDS)


@dataclass(slots=True)
class _Anchor:
    """The latest date seen in an article, for anaphora such as "the next day"."""

    period: Period | None = None
    sentence_id: int = -_ANCHOR_REACH - 1

    def recent(self, sentence_id: int) -> Period | None:
        return self.period if sentence_id - self.sentence_id <= _ANCHOR_REACH else None


def _resolve_in_context(m: re.Match, tokens: Any, text: str, pub: date | None,
                        anchor: _Anchor, sentence_id: int) -> Period | None:
    """Period of an accepted match, using the tense, the publication date and the anchor."""
    kind = m.lastgroup
    if kind != "anaphor":
        tense = _tense(tokens) if pub is not None and kind in _TENSED else None
        return _safe_resolve(m, pub, tense)
    unit = (m.group("an_u") or "").lower()
    if (m.group("an_det") or "").lower().startswith("the next") and pub is not None \
            and _previous_word(text, m.start()) in lex.ROLLING_LEADS:
        return pub, _offset(pub, 1, unit), unit, True  # "over the next year"
    try:
        period = _resolve_anaphor(m, anchor.recent(sentence_id))
    except (ValueError, OverflowError):
        return None  # "999 years later" stepping past year 9999
    if period and pub and period[0] > pub + timedelta(days=366):
        return None  # "80 years later" in a counterfactual, not a timeline
    return period


def _sentence_events(article: Article, sentence: Sentence, pub: date | None,
                     anchor: _Anchor) -> list[dict]:
    """Event rows of one sentence; ``anchor`` carries the latest date across sentences."""
    text = sentence.text  # Doc.text is rebuilt from tokens on every access: avoid it
    if not _may_hold_date(text):
        return []
    matches = list(_GRAMMAR.finditer(text))
    if not matches:
        return []
    doc = sentence.span.doc
    offset = sentence.start - sentence.base  # of the sentence text within the paragraph Doc
    ents = [(e.start_char - offset, e.end_char - offset, e.label_) for e in sentence.span.ents]
    events = []
    for m in matches:
        kind, start, end = m.lastgroup, m.start(), m.end()
        labels = {label for s, e, label in ents if s < end and start < e}
        in_date_ent = bool(labels & _DATE_LABELS)
        if (labels & _BLOCKING_LABELS and not in_date_ent) or not _supported(kind, m, text, in_date_ent):
            continue
        tokens = doc.char_span(offset + start, offset + end, alignment_mode="expand")
        if not tokens or _is_name_part(kind, m, tokens, in_date_ent) or _is_final_sense(kind, m, tokens):
            continue
        period = _resolve_in_context(m, tokens, text, pub, anchor, sentence.sentence_id)
        if period is None:
            continue
        anchor.period, anchor.sentence_id = period, sentence.sentence_id
        first, last, precision, relative = period
        events.append({
            "article_id": article.article_id,
            "sentence_id": sentence.sentence_id,
            "start": sentence.start + start,
            "end": sentence.start + end,
            "surface": m.group(),
            "date": pd.Timestamp(first),
            "date_end": pd.Timestamp(last),
            "precision": precision,
            "relative": relative,
        })
    return events


def extract_events(article: Article, sentences: list[Sentence],
                   resources: Resources) -> list[dict]:
    """Dated events of one article: every anchored date expression with its period.

    Rows carry the contract's ``events`` keys; ``article.text[start:end] == surface``.
    ``resources`` is accepted like the other stages' but not needed: the date vocabulary
    is compiled into the grammar at import.
    """
    pub = _as_date(article.published)
    events: list[dict] = []
    anchor = _Anchor()
    for sentence in sentences:
        if sentence.span is None:
            continue
        events.extend(_sentence_events(article, sentence, pub, anchor))
    return events
