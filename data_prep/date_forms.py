"""The registry of date forms: every date expression the dates stage knows is one row.

A row (:class:`DateForm`) holds the form's ``name``, its regex ``pattern``, the words and
prefixes a match can start with (``start_words``, ``starts``), the words every match
without a digit contains (``keywords``), three flags and its resolver. The compiled grammar,
the start-word gate and the keyword prefilter of :mod:`data_prep.dates` are generated from
the rows; nothing else lists the forms.

To add a date form:

1. Write its resolver: ``resolve(match, published, tense) -> Period | None``, where a
   ``Period`` is (first day, last day, precision, relative) and ``published`` is a ``date``
   (never None when the row sets ``needs_published``).
2. Add a row to :data:`FORMS`. Rows are tried in order at each position, so put a longer
   form before any shorter form it contains. Patterns are ``re.VERBOSE``: write every space
   as ``\\s+``, name the groups the resolver reads with a prefix of the form's own.
   Set ``starts``/``start_words`` to whatever the match can begin with and ``keywords`` to
   a word every digit-free match contains (or leave it empty when a match always has a
   digit): a form that misses them is never tried.
3. Add a test row to ``tests/test_dates.py`` (``test_resolve_expression``).

Flags: ``needs_support`` (an ordinary word such as "May" or "spring" counts only after a
preposition or inside a DATE/TIME entity), ``tensed`` (the governing verb's tense picks
the occurrence: "on Friday" said in the past is last Friday) and ``direction`` (the group
holding "last"/"next", where "Putin's last winter" means final, not previous).
Word lists (months, weekdays, holidays, number words) live in :mod:`data_prep.lexicon`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.easter import easter
from dateutil.relativedelta import TH, relativedelta

from . import lexicon as lex

__all__ = ["DateForm", "FORMS", "FORMS_BY_NAME", "GRAMMAR", "KEYWORDS", "Period", "PAST",
           "FUTURE", "may_hold_date", "resolve_match", "holiday_date", "shift", "offset", "count"]

PAST = "past"
FUTURE = "future"
# An untensed weekday is the coming one only when it is this many days nearer than the last one.
UNTENSED_FUTURE_DAYS = 3
# An untensed day and month ("its Feb. 24 invasion" in September) is the coming one only when
# that is nearer than the last by this factor.
UNTENSED_FUTURE_WEIGHT = 1.5
# A day and month this many days before publication is that day even in a future or modal clause
# ("Girkin's arrest on July 21 may be a sign", published on July 22): not next year's.
RECENT_DAY_DAYS = 31
# A rolling span ("the past N days") longer than this is a duration, not an event (the labels
# skip durations; "the past four months" has no month of its own).
ROLLING_DAYS = 7

Period = tuple[date, date, str, bool]  # (first day, last day, precision, relative)
Resolver = Callable[[re.Match, "date | None", "str | None"], "Period | None"]


@dataclass(frozen=True, slots=True)
class DateForm:
    """One date form: its grammar alternative, how matches start, its flags and resolver."""

    name: str
    pattern: str
    resolve: Resolver
    starts: tuple[str, ...] = ()       # case-sensitive regex prefixes: r"\d", "Q[1-4]", "Jan"
    start_words: tuple[str, ...] = ()  # whole words, lowercase (the capitalised form also counts)
    keywords: tuple[str, ...] = ()     # lowercase substrings of every digit-free match
    needs_support: bool = False
    tensed: bool = False
    direction: str | None = None       # group holding "last"/"next"/"this"
    needs_published: bool = False      # resolvable only against the publication date


# --- pieces of patterns --------------------------------------------------------------------
def _words(words) -> str:
    """Alternation of phrases, longest first, spaces as ``\\s+``."""
    return "|".join(w.replace(" ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _title(phrase: str) -> str:
    """"new year's eve" -> "New Year's Eve" (holidays are matched capitalised, as written)."""
    return " ".join(w[:1].upper() + w[1:] for w in phrase.split())


_MONTH_FULL = "|".join(m.capitalize() for m in lex.MONTHS)
_MONTH_ABBR = rf"(?:{'|'.join(a.capitalize() for a in lex.MONTH_ABBREVIATIONS)})\.?"
_MON = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
# Not inside a number ("2,014", "$2014", "1-2014"); not before a unit or a suffix ("2014-born").
_YEAR_CORE = r"(?<![\d,.$£€/])(?<!\d-)(?:1[0-9]\d\d|20\d\d)"
_YEAR = _YEAR_CORE + r"(?![\d%]|[,.]\d|-\w)"
_WD = "|".join(w.capitalize() for w in lex.WEEKDAYS)
_SEASON = f"(?i:{'|'.join(lex.SEASON_START_MONTH)})"
_UNITS = {w: n for w, n in lex.SMALL_NUMBERS.items() if 1 <= n <= 9}
# "Twenty-five years ago": a compound read whole, not as "five years ago" (before the plain words).
_COMPOUND = rf"(?:{'|'.join(lex.TENS)})[-\s](?:{'|'.join(_UNITS)})"
_NUM = rf"(?i:\d{{1,3}}|{_COMPOUND}|{_words(lex.DATE_COUNT_WORDS)})"
_UNIT = f"(?i:{'|'.join(lex.CALENDAR_UNITS)})"
_MOD = r"(?i:early|late|mid-|mid|the\s+(?:end|start|beginning|middle)\s+of)"
_DIR = r"(?i:this\s+past|this\s+coming|this|last|next)"
_REL_YEAR = r"(?i:last|this|next)\s+year\b"  # "on 16 October last year"
_ORDINAL = f"(?i:{'|'.join(lex.QUARTER_ORDINALS)})"
_ORDINAL_WORDS = tuple(w for w in lex.QUARTER_ORDINALS if w.isalpha())  # "1st" starts with a digit
# "the final quarter" alone is as often a match's last quarter as a year's.
_ORDINAL_ALONE = f"(?i:{'|'.join(w for w in lex.QUARTER_ORDINALS if w != 'final')})"
_HOLIDAY = _words(_title(h) for h in (*lex.FIXED_HOLIDAYS, *lex.COMPUTED_HOLIDAYS))

# How matches start (the gate) and what digit-free matches contain (the prefilter).
_DIGIT = (r"\d",)
_MONTH_STARTS = tuple(dict.fromkeys(m[:3].capitalize() for m in lex.MONTH_WORDS))
_WEEKDAY_STARTS = tuple(w[:3].capitalize() for w in lex.WEEKDAYS)
_HOLIDAY_STARTS = tuple(dict.fromkeys(
    h.split()[0].split("'")[0].capitalize() for h in (*lex.FIXED_HOLIDAYS, *lex.COMPUTED_HOLIDAYS)))
_MOD_WORDS = ("early", "late", "mid", "the")
_DIR_WORDS = ("this", "last", "next")
_COUNT_WORDS = tuple(dict.fromkeys([*(w.split()[0] for w in lex.DATE_COUNT_WORDS), *lex.TENS]))
_SEASONS = tuple(lex.SEASON_START_MONTH)
_MONTH_KEYS = tuple(dict.fromkeys(m[:3] for m in lex.MONTH_WORDS))
# Per holiday, a calendar unit it contains ("boxing day", "new year's eve"), else its longest
# word ("orthodox christmas"): a new holiday in the lexicon reaches the prefilter by itself.
_HOLIDAY_KEYS = tuple(dict.fromkeys(
    next((unit for unit in lex.CALENDAR_UNITS if unit in h), max(h.split(), key=len))
    for h in (*lex.FIXED_HOLIDAYS, *lex.COMPUTED_HOLIDAYS)))


# --- calendar ------------------------------------------------------------------------------
def _month_end(year: int, month: int) -> date:
    return date(year, month, 1) + relativedelta(day=31)


def _week_of(day: date) -> tuple[date, date]:
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _quarter(year: int, q: int) -> tuple[date, date]:
    return date(year, 3 * q - 2, 1), _month_end(year, 3 * q)


def _season(year: int, name: str) -> tuple[date, date]:
    start = date(year, lex.SEASON_START_MONTH[name], 1)
    return start, start + relativedelta(months=3, days=-1)


def holiday_date(year: int, name: str) -> date:
    """The day of holiday ``name`` (a lexicon holiday, lowercase) in ``year``."""
    if name.startswith("easter"):
        return easter(year)  # western
    if name == "thanksgiving":  # US: fourth Thursday of November
        return date(year, 11, 1) + relativedelta(weekday=TH(4))
    return date(year, *lex.FIXED_HOLIDAYS[name])


def _pick(periods: list[tuple[date, date]], pub: date, mode: str | None, *,
          future_weight: float = 1.0) -> tuple[date, date] | None:
    """Choose the occurrence of a recurring period that the tense points to.

    ``past``: latest one started by ``pub``; ``future``: first one not over by ``pub``;
    ``last``/``next``: strictly before/after ``pub``; otherwise the nearest one, the distance to
    a coming one multiplied by ``future_weight``.
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
        if p[0] > pub:
            return (p[0] - pub).days * future_weight, 1
        return (pub - p[1]).days, 0  # ties go to the past
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


def count(text: str) -> int | None:
    """The number of "two weeks", "a couple of days", "12 months"; None if not a count."""
    text = " ".join(text.lower().split())
    if text.isdigit():
        return int(text)
    tens, _, unit = text.replace("-", " ").partition(" ")
    if tens in lex.TENS and unit in _UNITS:
        return lex.TENS[tens] + _UNITS[unit]  # "twenty-five"
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


def offset(day: date, n: int, unit: str) -> date:
    """``day`` moved ``n`` units (day, week, month, year, decade), clamped to month ends."""
    if unit == "day":
        return day + timedelta(days=n)
    if unit == "week":
        return day + timedelta(weeks=n)
    return day + relativedelta(months=n * {"month": 1, "year": 12, "decade": 120}[unit])


def shift(pub: date, n: int, unit: str) -> Period:
    """The calendar period ``n`` units away from ``pub`` ("two weeks ago": that week)."""
    day = offset(pub, n, unit)
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


def _int_day(text: str) -> int:
    return int(re.match(r"\d+", text).group())


# --- resolvers: one per form -----------------------------------------------------------------
def _iso(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    day = date(int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"]))
    return day, day, "day", False


def _day_month(prefix: str, ranged: bool) -> Resolver:
    """Resolver of "9-11 May 2022", "May 9-11", "17 November", "Nov. 17, 2024" (groups ``prefix_*``)."""
    def resolve(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
        g = m.group
        month = lex.MONTH_WORDS[g(f"{prefix}_m").rstrip(".").lower()]
        if ranged:
            d1, d2 = _int_day(g(f"{prefix}_d1")), _int_day(g(f"{prefix}_d2"))
            if d2 <= d1:
                return None
        else:
            d1 = d2 = _int_day(g(f"{prefix}_d"))
        if g(f"{prefix}_y"):
            year = int(g(f"{prefix}_y"))
            return date(year, month, d1), date(year, month, d2), "day", False
        if pub is None:
            return None
        if not ranged and g(f"{prefix}_ry"):
            year = pub.year + _year_step(g(f"{prefix}_ry"))
            return date(year, month, d1), date(year, month, d2), "day", True
        periods = _yearly(pub, lambda y: (date(y, month, d1), date(y, month, d2)))
        # News mostly reports what happened: untensed, the coming day must be much nearer.
        found = _pick(periods, pub, tense, future_weight=UNTENSED_FUTURE_WEIGHT)
        if tense == FUTURE:
            last = _pick(periods, pub, "last")
            if last and (pub - last[1]).days <= RECENT_DAY_DAYS:
                found = last
        return (*found, "day", True) if found else None
    return resolve


def _month_year(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    month, year = lex.MONTH_WORDS[m["my_m"].rstrip(".").lower()], int(m["my_y"])
    return date(year, month, 1), _month_end(year, month), "month", False


def _season_year(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    return (*_season(int(m["sy_y"]), m["sy_s"].lower()), "season", False)


def _quarter_year(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    q = int(m["qy_n"]) if m["qy_n"] else lex.QUARTER_ORDINALS[m["qy_q"].lower()]
    return (*_quarter(int(m["qy_y"] or m["qy_y2"]), q), "quarter", False)


def _decade(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    start = int(m["dc_y"])
    return date(start, 1, 1), date(start + 9, 12, 31), "decade", False


def _year_range(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    y1, raw = int(m["yr_y1"]), m["yr_y2"]
    y2 = int(raw) if len(raw) == 4 else y1 // 100 * 100 + int(raw)
    if not 0 < y2 - y1 <= 50:
        return None  # a score or an id, not a span of years
    return date(y1, 1, 1), date(y2, 12, 31), "year", False


def _year(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    year = int(m["yr"])
    return date(year, 1, 1), date(year, 12, 31), "year", False


def _anaphor(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    return None  # steps from the previous date of the text: resolved by ``dates`` in context


def _named_day(m: re.Match, pub: date | None, tense: str | None) -> Period | None:
    day = date(*lex.NAMED_DAYS[m["nd"]])
    return day, day, "day", False


def _ago(m: re.Match, pub: date, tense: str | None) -> Period | None:
    n = count(m["ago_n"])
    if n is None:
        return None
    unit = m["ago_u"].lower()
    # "a decade ago" is the year ten years back (as "ten years ago"), not the decade it falls in.
    return shift(pub, -10 * n, "year") if unit == "decade" else shift(pub, -n, unit)


def _rolling(m: re.Match, pub: date, tense: str | None) -> Period | None:
    g = m.group
    n = count(g("ro_n")) if g("ro_n") else (None if g("ro_pl") else 1)
    if n is None:
        return None  # "the past weeks": no extent
    unit = g("ro_u").lower()
    if unit in ("month", "year", "decade") or (unit == "week" and n > 1) or (unit == "day" and n > ROLLING_DAYS):
        return None  # "over the past four months": a duration, no date at its unit's precision
    forward = g("ro_dir").lower() in ("next", "coming")
    if g("ro_det").lower() == "this" and not g("ro_n") and not g("ro_pl") and unit == "week":
        start, end = _week_of(pub - timedelta(days=1))  # "this past week": the week now ending
        return start, end, "week", True
    if unit == "hour":
        span = timedelta(days=max(1, n // 24))
        return (pub, pub + span, "day", True) if forward else (pub - span, pub, "day", True)
    other = offset(pub, n if forward else -n, unit)
    precision = "year" if unit == "year" else unit
    return (pub, other, precision, True) if forward else (other, pub, precision, True)


def _deictic(m: re.Match, pub: date, tense: str | None) -> Period | None:
    word = " ".join(m["dx"].lower().split())
    delta = {"yesterday": -1, "tomorrow": 1, "last night": -1,
             "the day before yesterday": -2, "the day after tomorrow": 2}.get(word, 0)
    day = pub + timedelta(days=delta)
    return day, day, "day", True


def _this_unit(pub: date, direction: str, unit: str, modifier: str | None) -> Period | None:
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
        first = date(pub.year, pub.month, 1) + relativedelta(months=step)
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


def _rel(m: re.Match, pub: date, tense: str | None) -> Period | None:
    return _this_unit(pub, m["rel_dir"], m["rel_u"].lower(), m["rel_mod"])


def _end_of(m: re.Match, pub: date, tense: str | None) -> Period | None:
    """"the end of the year", "the start of next month": the period itself, at its precision
    (as "late last year" is that year)."""
    direction = m["eo_dir"].lower()
    return _this_unit(pub, "this" if direction == "the" else direction, m["eo_u"].lower(), None)


def _end_of_possessive(m: re.Match, pub: date, tense: str | None) -> Period | None:
    """"the year's end", "next month's start": as "the end of the year"."""
    direction = m["ep_dir"].lower()
    return _this_unit(pub, "this" if direction == "the" else direction, m["ep_u"].lower(), None)


def _holiday(m: re.Match, pub: date, tense: str | None) -> Period | None:
    name = " ".join(m["hd"].lower().split()).replace(" sunday", "")
    found = _pick(_yearly(pub, lambda y: (holiday_date(y, name),) * 2), pub, tense)
    return (*found, "day", True) if found else None


def _weekday(m: re.Match, pub: date, tense: str | None) -> Period | None:
    wd = lex.WEEKDAYS[m["wd"].lower()]
    mode = _direction(m["wd_dir"])
    if mode == "this":
        day = pub - timedelta(days=pub.weekday()) + timedelta(days=wd)
        return day, day, "day", True
    days = [pub + timedelta(days=i) for i in range(-14, 15)
            if (pub + timedelta(days=i)).weekday() == wd]
    periods = [(d, d) for d in days]
    if mode or tense:
        found = _pick(periods, pub, mode or tense)
    else:
        # An untensed or present clause ("missiles hit Odesa on Friday", a headline's present)
        # mostly reports what happened: the last one, unless the next is much nearer.
        last, coming = _pick(periods, pub, PAST), _pick(periods, pub, FUTURE)
        found = coming if last is None or (coming is not None and (coming[0] - pub).days
                                           + UNTENSED_FUTURE_DAYS < (pub - last[0]).days) else last
    return (*found, "day", True) if found else None


def _month(m: re.Match, pub: date, tense: str | None) -> Period | None:
    month = lex.MONTH_WORDS[m["mo"].lower()]
    if m["mo_ry"]:
        year = pub.year + _year_step(m["mo_ry"])
        return date(year, month, 1), _month_end(year, month), "month", True
    mode = _direction(m["mo_dir"])
    if mode == "this":
        return date(pub.year, month, 1), _month_end(pub.year, month), "month", True
    found = _pick(_yearly(pub, lambda y: (date(y, month, 1), _month_end(y, month))),
                  pub, mode or tense)
    return (*found, "month", True) if found else None


def _season_alone(m: re.Match, pub: date, tense: str | None) -> Period | None:
    name = m["se"].lower()
    mode = _direction(m["se_dir"])
    found = _pick(_yearly(pub, lambda y: _season(y, name)),
                  pub, mode if mode in ("last", "next") else tense)
    return (*found, "season", True) if found else None


def _quarter_alone(m: re.Match, pub: date, tense: str | None) -> Period | None:
    q = int(m["qu_n"]) if m["qu_n"] else lex.QUARTER_ORDINALS[m["qu"].lower()]
    # Quarters are reported once over: "profits rose in the fourth quarter" is a finished one.
    found = _pick(_yearly(pub, lambda y: _quarter(y, q)), pub, "last" if tense == PAST else tense)
    return (*found, "quarter", True) if found else None


def _weekend(m: re.Match, pub: date, tense: str | None) -> Period | None:
    saturdays = [pub + timedelta(days=i) for i in range(-14, 15)
                 if (pub + timedelta(days=i)).weekday() == 5]
    found = _pick([(d, d + timedelta(days=1)) for d in saturdays], pub, tense)
    return (*found, "week", True) if found else None


# --- the registry ----------------------------------------------------------------------------
# Tried left to right at each position: a longer form comes before a shorter one it contains.
FORMS: tuple[DateForm, ...] = (
    DateForm("iso", r"(?P<iso_y>\d{4})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d)\b", _iso,
             starts=_DIGIT),
    DateForm("dm_range",  # 9-11 May 2022
             rf"(?P<dr_d1>{_DAY})\s?[-–]\s?(?P<dr_d2>{_DAY})\s+(?P<dr_m>{_MON})"
             rf"(?:,?\s+(?P<dr_y>{_YEAR}))?\b",
             _day_month("dr", ranged=True), starts=_DIGIT, tensed=True),
    DateForm("md_range",  # May 9-11, 2022
             rf"(?P<mr_m>{_MON})\s+(?P<mr_d1>{_DAY})\s?[-–]\s?(?P<mr_d2>{_DAY})\b"
             rf"(?:,?\s+(?P<mr_y>{_YEAR}))?",
             _day_month("mr", ranged=True), starts=_MONTH_STARTS, tensed=True),
    DateForm("dmy",  # Sunday, the 17th of November 2024
             rf"(?:(?:{_WD}),?\s+)?(?:the\s+)?(?P<dmy_d>{_DAY})\s+(?:of\s+)?(?P<dmy_m>{_MON})(?!\w)"
             rf"(?:,?\s+(?P<dmy_y>{_YEAR})|\s+(?P<dmy_ry>{_REL_YEAR}))?",
             _day_month("dmy", ranged=False), starts=_DIGIT + _WEEKDAY_STARTS,
             start_words=("the",), tensed=True),
    DateForm("mdy",  # Nov. 17, 2024
             rf"(?:(?:{_WD}),?\s+)?(?P<mdy_m>{_MON})\s+(?:the\s+)?(?P<mdy_d>{_DAY})\b(?![:.,]?\d)"
             rf"(?:,?\s+(?P<mdy_y>{_YEAR})|\s+(?P<mdy_ry>{_REL_YEAR}))?",
             _day_month("mdy", ranged=False), starts=_WEEKDAY_STARTS + _MONTH_STARTS, tensed=True),
    DateForm("my",  # early May 2022
             rf"(?:{_MOD}\s*)?(?P<my_m>{_MON})(?:,|\s+of)?\s+(?P<my_y>{_YEAR})", _month_year,
             starts=_MONTH_STARTS, start_words=_MOD_WORDS),
    DateForm("sy",  # the winter of 2022-23
             rf"(?:{_MOD}\s+)?(?:(?i:the)\s+)?(?P<sy_s>{_SEASON})\s+(?:of\s+)?(?P<sy_y>{_YEAR})"
             r"(?:[-/]\d\d(?:\d\d)?\b)?", _season_year, start_words=_MOD_WORDS + _SEASONS),
    DateForm("qy",  # the third quarter of 2023, Q3 2023
             rf"(?:(?i:the)\s+)?(?P<qy_q>{_ORDINAL})[\s-]quarter\s+(?:of\s+)?(?P<qy_y>{_YEAR})"
             rf"|Q(?P<qy_n>[1-4])\s+(?P<qy_y2>{_YEAR})", _quarter_year,
             starts=_DIGIT + ("Q[1-4]",), start_words=("the", *_ORDINAL_WORDS)),
    DateForm("decade",  # the 1990s, the mid-2010s
             r"(?:(?i:the)\s+)?(?:(?i:early|mid-|mid|late)\s*)?(?P<dc_y>1[0-9]\d0|20\d0)'?s\b",
             _decade, starts=_DIGIT, start_words=_MOD_WORDS),
    DateForm("yrange",  # 2014-15
             rf"(?P<yr_y1>{_YEAR_CORE})\s?[-–/]\s?(?P<yr_y2>(?:1[0-9]|20)?\d\d)\b", _year_range,
             starts=_DIGIT),
    DateForm("anaphor",  # the next day, two weeks later
             r"(?:(?P<an_det>(?i:the\s+same|the\s+next|the\s+following|the\s+previous|that))"
             r"\s+(?P<an_u>(?i:day|week|month|year))"
             r"|(?i:the)\s+(?P<an_u3>(?i:day|week|month|year))\s+(?P<an_rel>(?i:before|after|earlier))"
             r"(?=\s*(?:[,.;:)]|$))"
             rf"|(?P<an_n>{_NUM})\s+(?P<an_u2>{_UNIT})s?\s+(?P<an_dir>(?i:later|earlier))(?!\s+than\b))\b",
             _anaphor, starts=_DIGIT, start_words=("the", "that", *_COUNT_WORDS),
             keywords=lex.CALENDAR_UNITS, needs_published=True),
    DateForm("named_day",  # post-9/11; not a numeric date "9/11/2024" nor a score "19/11"
             rf"(?<![\d/])(?P<nd>{'|'.join(re.escape(d) for d in lex.NAMED_DAYS)})(?![\d/])", _named_day,
             starts=_DIGIT),
    DateForm("ago",  # three weeks ago
             rf"(?P<ago_n>{_NUM})\s+(?P<ago_u>{_UNIT})s?\s+(?i:ago)\b", _ago,
             starts=_DIGIT, start_words=_COUNT_WORDS, keywords=lex.CALENDAR_UNITS,
             needs_published=True),
    DateForm("rolling",  # the past two weeks; "hour" is no keyword: "24 hours" has digits
             r"(?i:(?P<ro_det>the|this)\s+(?P<ro_dir>past|last|next|coming))\s+(?:(?P<ro_n>"
             + _NUM + r")\s+)?(?P<ro_u>(?i:hour|day|week|month|year|decade))(?P<ro_pl>s)?\b",
             _rolling, start_words=("the", "this"), keywords=lex.CALENDAR_UNITS,
             needs_published=True),
    DateForm("deictic",  # yesterday, this morning
             r"(?P<dx>(?i:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow"
             r"|yesterday|today|tomorrow|tonight|this\s+morning|this\s+afternoon|this\s+evening"
             r"|last\s+night|earlier\s+today|later\s+today))\b", _deictic,
             start_words=("the", "yesterday", "today", "tomorrow", "tonight", "this", "last",
                          "earlier", "later"),
             keywords=("day", "tomorrow", "night", "morning", "afternoon", "evening"),
             needs_published=True),
    DateForm("rel",  # earlier this month, next week
             rf"(?:(?P<rel_mod>(?i:earlier|later)|{_MOD})\s+)?(?P<rel_dir>{_DIR})"
             r"\s+(?:(?i:fiscal|financial)\s+)?(?P<rel_u>(?i:week|weekend|month|year|quarter|decade))\b", _rel,
             start_words=("earlier", "later", *_MOD_WORDS, *_DIR_WORDS),
             keywords=("week", "month", "year", "quarter", "decade"), direction="rel_dir",
             needs_published=True),
    DateForm("endof",  # the end of the month
             r"(?i:the\s+(?P<eo_part>end|start|beginning|middle))\s+of\s+(?P<eo_dir>(?i:the|this|next|last))"
             r"\s+(?:(?i:fiscal|financial)\s+)?(?P<eo_u>(?i:week|month|year))\b",
             _end_of, start_words=("the",), keywords=("week", "month", "year"),
             needs_published=True),
    DateForm("endof_possessive",  # the year's end
             r"(?P<ep_dir>(?i:the|this|next|last))\s+(?P<ep_u>(?i:week|month|year))['’]s"
             r"\s+(?i:end|start|beginning|close)\b",
             _end_of_possessive, start_words=("the", "this", "next", "last"),
             keywords=("week", "month", "year"), needs_published=True),
    DateForm("holiday",  # Christmas Eve, Easter Sunday, Thanksgiving
             rf"(?P<hd>{_HOLIDAY})\b", _holiday, starts=_HOLIDAY_STARTS,
             keywords=_HOLIDAY_KEYS,
             needs_support=True, tensed=True, needs_published=True),
    DateForm("weekday",  # last Friday, on Monday
             rf"(?:(?P<wd_dir>{_DIR}|(?i:early|late))\s+)?(?P<wd>{_WD})\b", _weekday,
             starts=_WEEKDAY_STARTS, start_words=(*_DIR_WORDS, "early", "late"),
             keywords=("day",), tensed=True, direction="wd_dir", needs_published=True),
    DateForm("month",  # in January, last May
             rf"(?:(?P<mo_dir>{_DIR}|{_MOD})\s*)?(?P<mo>{_MONTH_FULL})\b(?!\s*\d)"
             rf"(?:\s+(?P<mo_ry>{_REL_YEAR}))?", _month,
             starts=_MONTH_STARTS, start_words=_DIR_WORDS + _MOD_WORDS, keywords=_MONTH_KEYS,
             needs_support=True, tensed=True, direction="mo_dir", needs_published=True),
    DateForm("season",  # this summer, last winter
             rf"(?:(?P<se_dir>{_DIR}|(?i:the\s+coming|early|late|the\s+end\s+of|the\s+start\s+of))\s+"
             rf"|(?i:the)\s+)?(?P<se>{_SEASON})\b", _season_alone,
             start_words=(*_DIR_WORDS, *_MOD_WORDS, *_SEASONS), keywords=_SEASONS,
             needs_support=True, tensed=True, direction="se_dir", needs_published=True),
    DateForm("quarter",  # the fourth quarter, Q4
             rf"(?:(?i:the)\s+)?(?P<qu>{_ORDINAL_ALONE})[\s-]quarter\b|Q(?P<qu_n>[1-4])\b",
             _quarter_alone, starts=_DIGIT + ("Q[1-4]",),
             start_words=("the", *(w for w in _ORDINAL_WORDS if w != "final")),
             keywords=("quarter",), needs_support=True, tensed=True, needs_published=True),
    DateForm("weekend", r"(?i:the\s+weekend)\b", _weekend, start_words=("the",),
             keywords=("week",), needs_support=True, tensed=True, needs_published=True),
    DateForm("year",  # 2022, in early 2023
             rf"(?:(?P<yr_mod>{_MOD})\s*)?(?P<yr>{_YEAR})\b", _year, starts=_DIGIT,
             start_words=_MOD_WORDS, needs_support=True),
)
FORMS_BY_NAME = {form.name: form for form in FORMS}


def _gate(forms: tuple[DateForm, ...]) -> str:
    """Lookahead admitting only positions where some form can start: checked first, it makes
    the engine try the alternatives at few positions (the scan is several times faster)."""
    starts = dict.fromkeys(s for form in forms for s in form.starts)
    words = {w for form in forms for word in form.start_words for w in (word, word.capitalize())}
    return (r"\b(?=" + "|".join(starts) + "|(?:" + "|".join(sorted(words, reverse=True))
            + r")\b)")


# One named group per form; its name is the match's ``lastgroup``.
GRAMMAR = re.compile(
    _gate(FORMS) + "(?:" + "|".join(f"(?P<{f.name}>{f.pattern})" for f in FORMS) + ")",
    re.VERBOSE)
# Every digit-free match contains one of these: sentences with neither are not scanned.
KEYWORDS = tuple(dict.fromkeys(k for form in FORMS for k in form.keywords))
_ANY_DIGIT = re.compile(r"\d")


def may_hold_date(text: str) -> bool:
    """Cheap prefilter: a digit or a form's keyword somewhere (most sentences have neither)."""
    if _ANY_DIGIT.search(text):
        return True
    lowered = text.lower()
    return any(word in lowered for word in KEYWORDS)


def resolve_match(m: re.Match, pub: date | datetime | None, tense: str | None) -> Period | None:
    """Period of one grammar match, or None when it cannot be anchored (or is no real day)."""
    form = FORMS_BY_NAME[m.lastgroup]
    if pub is None and form.needs_published:
        return None
    try:
        return form.resolve(m, pub, tense)
    except ValueError:  # 31 February and the like
        return None
