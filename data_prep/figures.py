"""Figures: numbers reported in the text, with their value in base units, unit and counted noun.

Conventions (the dashboard relies on them):

* ``value`` has the scale multiplied in but no unit conversion: "$56.2 billion" -> 56200000000.0
  USD, "£3bn" -> 3e9 GBP, "190 miles" -> 190 mi (the author's unit is kept, never converted).
  Subunits of money are the one exception: "40 pence" -> 0.4 GBP, "35 cents" -> 0.35 USD.
* ``unit`` is an ISO 4217 code for money ("$" is USD unless written "A$", "C$", ..., or owned by
  a local-dollar country, see below), "percent",
  "percentage points", a short symbol from ``data/units.csv`` ("km", "mi", "tonnes",
  "barrels", ...), or "count" for a plain number of things.
* Shares written in words are percent: "two-thirds" -> 66.666667, "half of" -> 50,
  "one in five" -> 20.
* Ranges and vague amounts report their lower bound with ``approximate`` True: "10-15" -> 10,
  "thousands" -> 1000, "tens of thousands" -> 10000, "dozens" -> 12, "several hundred" -> 100.
* ``surface`` covers qualifier, currency sign, number, scale and unit ("over $56.2 billion",
  "about 190 miles", "45 per cent"). The counted noun is not part of it: it goes to ``of``,
  lower-cased as written with its noun compounds ("troops", "security assistance"), or None.
* ``approximate`` is True after about, around, nearly, over, more than, up to, at least, some,
  an estimated, as many as, ... and for ranges and vague amounts.
* Not figures: dates, years, durations, times of day, ages, ordinals, product and model names
  ("F-16", "Boeing 737"), reference numbers ("Article 5", "No 10"), phone numbers, codes ("4G"),
  scores ("won 3-1"), multipliers ("three times"), compound adjectives ("a five-year plan"),
  a bare "one" ("one of the", "one official said") and "the two sides".
* A bare "$" is the local dollar of a country in ``data/local_dollars.csv`` (Australia: AUD)
  when that country owns the figure: it (or its institution) is the subject of the clause
  ("Australia has provided $156m", "The Australian government announced $100m"), or the clause's
  subject names no country or company and the article's only such owner is that country ("It
  will also include $50m"). It stays USD when the subject is a company (firms often report in
  US dollars), when the US owns a bare "$" anywhere in the article, when the sentence names the
  US or another dollar country, and when the sentence has money in another currency
  ("A$458m ($357m)": the bare "$" is a conversion).
"""
from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import lexicon as lex
from .nlp import lemma
from .records import Article, Sentence

if TYPE_CHECKING:
    from .resources import Resources

__all__ = ["extract_figures", "sentence_figures", "load_units", "Units", "UNITS_CSV"]

UNITS_CSV = Path(__file__).with_name("data") / "units.csv"
LOCAL_DOLLARS_CSV = Path(__file__).with_name("data") / "local_dollars.csv"

_WORD_STARTS = {*lex.SMALL_NUMBERS, *lex.TENS, *lex.VAGUE_AMOUNTS, *lex.FEW_WORDS, *lex.NUMERATORS,
                "half"}
# Words that make a sentence worth scanning when it has no digit.
_NUMBER_WORDS = {*lex.SMALL_NUMBERS, *lex.TENS, "hundred", *lex.SCALE_WORDS, "dozen",
                 *lex.VAGUE_AMOUNTS, "half", *lex.FRACTIONS}

_RANGE_WORDS = {"-", "–", "to", "or", "and"}

_KEEP_ENTS = {"", "CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_WEEKDAYS_MONTHS = frozenset({*lex.MONTH_WORDS, *lex.WEEKDAYS})
_NOUN_DEPS = {"nummod", "quantmod", "compound", "nmod", "amod", "det", "dep", "npadvmod",
              "predet"}

_DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?([A-Za-z%²]*)$")
# A range in one token: "10–15", "10m-$15" (the sign of the upper bound is ignored).
_RANGE_TOKEN = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)([a-z]{0,2})[–—-]\D{0,3}?(\d[\d,]*(?:\.\d+)?)([A-Za-z%]*)$")
_HAS_DIGIT = re.compile(r"\d")
_LOWER_WORDS = re.compile(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Units:
    """Unit vocabulary from ``units.csv``: currency signs before numbers, unit forms after them."""

    prefixes: dict[str, str]            # "$" -> "USD", "Rs" -> "INR", "EUR" -> "EUR"
    forms: dict[str, tuple[str, float]]  # unit form -> (unit, factor); short forms as written
    after: re.Pattern[str]              # long forms after a number, any case
    after_cased: re.Pattern[str]        # short forms after a number ("m", "MW", "%"), as written
    glued_sign: re.Pattern[str]         # a sign glued inside a token: "Â£75", "US$5"
    local_dollars: dict[str, str]       # country whose own dollar a bare "$" can be -> its code


def load_units(path: Path = UNITS_CSV, local_dollars: Path = LOCAL_DOLLARS_CSV) -> Units:
    """Read and compile the unit vocabulary (``data/units.csv`` and ``data/local_dollars.csv``
    by default).

    Raises ``ValueError`` naming the file and line of a row with an unknown role or a
    factor that is not a number.
    """
    prefixes: dict[str, str] = {}
    forms: dict[str, tuple[str, float]] = {}
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            form, unit, role = row["form"], row["unit"], row["role"]
            try:
                factor = float(row["factor"])
            except (TypeError, ValueError):
                raise ValueError(f"{path}: line {reader.line_num}: factor {row['factor']!r} "
                                 "is not a number") from None
            if role not in ("prefix", "code", "word"):
                raise ValueError(f"{path}: line {reader.line_num}: unknown role {role!r} "
                                 "(expected prefix, code or word)")
            if role in ("prefix", "code"):
                prefixes[form] = unit
            if role in ("word", "code"):
                forms[form] = (unit, factor)
    # Short forms ("m", "C", "MW", "pc") are ambiguous in another case: match them as written.
    cased = {f for f in forms if len(f) <= 3}
    loose = set(forms) - cased

    def alternation(items: Iterable[str]) -> str:
        return "|".join(re.escape(f).replace(r"\ ", r"\s+")
                        for f in sorted(items, key=len, reverse=True))

    gap, tail = r"([ \u00a0]?-?[ \u00a0]?)(", r")(?![A-Za-z0-9²])"
    signs = sorted((p for p in prefixes if not p.isalpha()), key=len, reverse=True)
    return Units(
        prefixes=prefixes,
        forms={f if f in cased else f.lower(): v for f, v in forms.items()},
        after=re.compile(gap + alternation(loose) + tail, re.IGNORECASE),
        after_cased=re.compile(gap + alternation(cased) + tail),
        glued_sign=re.compile("(" + "|".join(map(re.escape, signs)) + r")(\d.*)$"),
        local_dollars=_load_local_dollars(local_dollars),
    )


def _load_local_dollars(path: Path) -> dict[str, str]:
    """Country code -> ISO code of its dollar, from ``data/local_dollars.csv``."""
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        for row in reader:
            code, unit = row["country_code"], row["unit"]
            if len(code) != 2 or not code.isupper() or len(unit) != 3 or not unit.isupper():
                raise ValueError(f"{path}: line {reader.line_num}: expected a country code and "
                                 f"a currency code, got {code!r}, {unit!r}")
            out[code] = unit
    return out


@dataclass(frozen=True, slots=True)
class _Scope:
    """One sentence being scanned: tokens ``doc[lo:stop]`` of a paragraph Doc at ``base``."""

    doc: Any
    lo: int
    stop: int
    text: str  # the article text
    base: int
    units: Units

    def lower(self, i: int) -> str:
        """Lower-case text of token ``i``, or "" outside the sentence."""
        return self.doc[i].lower_ if self.lo <= i < self.stop else ""


@dataclass(slots=True)
class _Num:
    """A parsed number: tokens ``[start, end)``, its value and how it was written."""

    start: int
    end: int
    value: float  # with the scale multiplied in
    scale: float = 1.0  # the trailing magnitude: 1e6 for "3 million" and "three million"
    vague: bool = False
    needs_unit: bool = False  # "half a" is a number only before a unit ("half a mile")
    unit: str | None = None
    fraction: bool = False
    digits: bool = False
    comma: bool = False
    integer: bool = True
    high: float | None = None  # upper bound of a range written as one token ("10–15")
    currency: str | None = None  # a sign inside the token ("Â£75" in mis-decoded text)


@dataclass(slots=True)
class _Figure:
    """A figure being assembled: token span ``[start, end)`` and what it means."""

    start: int
    end: int
    num: _Num
    value: float
    unit: str | None
    approximate: bool
    currency: bool = False
    ranged: bool = False
    bare_dollar: bool = False  # the sign is a plain "$", whose country the context may tell


# --- numbers ---------------------------------------------------------------------------------

def _digit_value(text: str) -> tuple[float, str, bool, bool] | None:
    """(value, suffix, has comma, is integer) of a token like "12,000", "56.2" or "3bn"."""
    m = _DIGITS.match(text)
    if not m:
        return None
    whole, frac, suffix = m.groups()
    return float(whole.replace(",", "") + (frac or "")), suffix, "," in whole, frac is None


def _glued_suffix(sc: _Scope, num: _Num, suffix: str, currency: bool) -> bool:
    """Apply a suffix glued to the digits; False when it makes the token a code ("4G", "7th")."""
    if not suffix:
        return True
    if suffix in lex.SCALE_SUFFIXES or (suffix == "b" and currency):
        num.scale = lex.SCALE_SUFFIXES.get(suffix, 1e9)
        return True
    found = sc.units.forms.get(suffix) or (len(suffix) > 3 and sc.units.forms.get(suffix.lower()))
    if found:
        num.unit, num.scale = found
        return True
    return False


def _is_million(sc: _Scope, num: _Num, j: int, currency: bool) -> bool:
    """Whether a lone "m" after a number means million (money, counts) rather than metres."""
    doc = sc.doc
    if currency:
        return True
    if doc[j - 1].whitespace_:
        return False  # "5 m in height"; millions are written "5m"
    if j + 1 < sc.stop:
        nxt = doc[j + 1]
        if nxt.lower_ in lex.METRE_NEXT:
            return False
        found = sc.units.forms.get(nxt.lower_)
        if found and found[0].isupper() and len(found[0]) == 3:
            return True  # "475m euros"
        # "4m trips" and "1.4m cash machines" count things; "a 65m yacht" is a length.
        for k in range(j + 1, min(sc.stop, j + 4)):
            if doc[k].tag_ in ("NNS", "NNPS"):
                return True
            if doc[k].tag_ not in ("NN", "NNP", "JJ", "HYPH"):
                break
        if nxt.tag_ == "NN":
            return False
    # Alone, race distances ("the 1500m") and jumps ("6.50m") are lengths; "11.9m" is a count.
    text = doc[num.start].text
    decimals = len(text) - text.index(".") - 1 if "." in text else 0
    return not ((decimals == 0 and num.value >= 50) or decimals == 2)


def _scale_words(sc: _Scope, num: _Num, currency: bool) -> _Num:
    """Multiply in scale words after the digits ("56.2 billion", "1.2 m", "5 hundred thousand")."""
    j, scale = num.end, num.scale
    while j < sc.stop and not num.unit:
        w = sc.doc[j].lower_
        if w == "hundred" and scale == 1.0:
            scale = 100.0
        elif w in lex.SCALE_WORDS and scale in (1.0, 100.0):  # "5 hundred thousand"
            scale *= lex.SCALE_WORDS[w]
        elif w in lex.SCALE_TOKENS and scale == 1.0:
            scale = lex.SCALE_TOKENS[w]
        elif w in ("m", "m.") and scale == 1.0 and sc.doc[j].text[0] == "m" \
                and _is_million(sc, num, j, currency):
            scale = 1e6
        elif w == "b" and scale == 1.0 and currency and sc.doc[j - 1].whitespace_ == "":
            scale = 1e9
        else:
            break
        j += 1
    num.scale, num.end = scale, j
    num.value *= scale
    if num.high is not None:
        num.high *= scale
    return num


def _parse_digits(sc: _Scope, i: int, currency: bool) -> _Num | None:
    """A number written with digits ("12,000", "3bn", "10–15", "Â£75"), with its scale words."""
    text, sign = sc.doc[i].text, None
    if not text[0].isdigit():
        m = sc.units.glued_sign.match(text)
        if not m:
            return None
        sign, text, currency = sc.units.prefixes[m.group(1)], m.group(2), True
    parsed, low_scale = _digit_value(text), None
    if parsed is not None:
        value, suffix, comma, integer = parsed
        num = _Num(i, i + 1, value, digits=True, comma=comma, integer=integer, currency=sign)
        if not suffix and sign is None and integer and value < 100:
            rate = _rate(sc, i, value)  # "8 in 10"
            if rate is not None:
                rate.digits = True
                return rate
    else:
        m = _RANGE_TOKEN.match(text)
        low, high = (_digit_value(m.group(1)), _digit_value(m.group(3))) if m else (None, None)
        if low is None or high is None or (m.group(2) and m.group(2) not in lex.SCALE_SUFFIXES):
            return None
        suffix, low_scale = m.group(4), lex.SCALE_SUFFIXES.get(m.group(2))
        num = _Num(i, i + 1, low[0], digits=True, comma=low[2], integer=low[3], high=high[0],
                   currency=sign)
    if not _glued_suffix(sc, num, suffix, currency):
        return None
    num = _scale_words(sc, num, currency)
    if low_scale:
        num.value = low[0] * low_scale  # "10m-$15m": the low bound has its own scale
    return num


def _parse_words(sc: _Scope, i: int) -> _Num | None:
    """A number written in words: "three", "twenty-five", "a dozen", "half a million"."""
    doc, stop = sc.doc, sc.stop
    low = doc[i].lower_
    j, current, total, magnitude, last = i, 0.0, 0.0, 1.0, ""
    if low in ("a", "an", "half"):
        k = i + 1 + (low == "half" and sc.lower(i + 1) in ("a", "an"))
        if low == "half" and k == i + 2 and sc.lower(k) not in ("hundred", "dozen", *lex.SCALE_WORDS):
            return _Num(i, k, 0.5, needs_unit=True)
        if (low == "half" and k == i + 1) or sc.lower(k) not in ("hundred", "dozen", *lex.SCALE_WORDS):
            return None
        current, j = (0.5 if low == "half" else 1.0), k
    while j < stop:
        w = doc[j].lower_
        if w in lex.SMALL_NUMBERS and last in ("", "hundred", "and", "big", "tens-", "tens"):
            current += lex.SMALL_NUMBERS[w]
            last = "small"
        elif w in lex.TENS and last in ("", "hundred", "and", "big"):
            current += lex.TENS[w]
            last = "tens"
        elif w == "-" and last == "tens" and sc.lower(j + 1) in lex.SMALL_NUMBERS \
                and doc[j].whitespace_ == "" and doc[j - 1].whitespace_ == "":
            last = "tens-"  # "twenty-five"
        elif w == "hundred" and last != "hundred" and (current or j == i + 1):
            current = (current or 1.0) * 100
            last, magnitude = "hundred", max(magnitude, 100.0)
        elif w in lex.SCALE_WORDS and last != "and":
            total += (current or 1.0) * lex.SCALE_WORDS[w]
            current, last, magnitude = 0.0, "big", max(magnitude, lex.SCALE_WORDS[w])
        elif w == "dozen" and last in ("", "small", "tens") and j > i:
            current = (current or 1.0) * 12
            last, magnitude = "big", max(magnitude, 12.0)
        elif w == "and" and last in ("small", "tens") and sc.lower(j + 1) in ("a", "an") \
                and sc.lower(j + 2) == "half":
            current += 0.5  # "two and a half"
            j += 2
            last = "half"
        elif w == "and" and last in ("hundred", "big") and (
                sc.lower(j + 1) in lex.SMALL_NUMBERS or sc.lower(j + 1) in lex.TENS):
            last = "and"  # "three hundred and fifty"
        else:
            break
        j += 1
    if j == i or last in ("and", ""):
        return None
    return _Num(i, j, total + current, scale=magnitude)


def _parse_vague(sc: _Scope, i: int) -> _Num | None:
    """Vague amounts: "thousands", "tens of thousands", "dozens", "several hundred"."""
    low = sc.doc[i].lower_
    if low in lex.FEW_WORDS or (low in ("a", "an") and sc.lower(i + 1) == "few"):
        k = i + (2 if low in ("a", "an") else 1)
        w = sc.lower(k)
        if w not in ("hundred", "dozen", *lex.SCALE_WORDS, *lex.VAGUE_AMOUNTS):
            return None
        value = (100.0 if w == "hundred" else 12.0 if w == "dozen"
                 else lex.SCALE_WORDS.get(w) or lex.VAGUE_AMOUNTS[w])
        num = _Num(i, k + 1, value, vague=True)
        if w == "hundred" and sc.lower(k + 1) in lex.SCALE_WORDS:
            num.value *= lex.SCALE_WORDS[sc.lower(k + 1)]  # "several hundred thousand"
            num.end += 1
    elif low in lex.VAGUE_AMOUNTS and (low not in ("tens", "scores") or sc.lower(i + 1) == "of"):
        num = _Num(i, i + 1, lex.VAGUE_AMOUNTS[low], vague=True)
    else:
        return None
    # Chain larger vague amounts: "hundreds of thousands", "tens of millions".
    while sc.lower(num.end) == "of" and lex.VAGUE_AMOUNTS.get(sc.lower(num.end + 1), 0) > 12:
        num.value *= lex.VAGUE_AMOUNTS[sc.lower(num.end + 1)]
        num.end += 2
    return num


def _parse_fraction(sc: _Scope, i: int) -> _Num | None:
    """Shares in words, as percent: "a third of", "two-thirds", "half of", "one in five"."""
    doc = sc.doc
    low = doc[i].lower_
    if low == "half":
        prev = doc[i - 1].lower_ if i > 0 else ""
        if sc.lower(i + 1) in lex.HALF_NEXT and prev not in lex.NOT_HALF_PREV:
            return _Num(i, i + 1, 50.0, unit="percent", fraction=True)
        return None
    numerator = lex.NUMERATORS.get(low)
    if numerator is None:
        return None
    k = i + 1
    hyphen = sc.lower(k) in ("-", "–") and doc[i].whitespace_ == ""
    k += hyphen
    denominator = lex.FRACTIONS.get(sc.lower(k))
    if denominator:
        plural = sc.lower(k).endswith("s")
        # "a quarter percentage point", "three-quarters of a percentage point": a number of the unit.
        unit_at = k + 1 + 2 * (sc.lower(k + 1) == "of" and sc.lower(k + 2) in ("a", "an"))
        if sc.lower(unit_at) == "percentage" and not (numerator == 1 and plural):
            return _Num(i, unit_at, round(numerator / denominator, 6), needs_unit=True)
        if (not hyphen and sc.lower(k + 1) != "of") or (numerator == 1 and plural):
            return None  # "a third country", "a quarters"
        return _Num(i, k + 1, round(100.0 * numerator / denominator, 6), unit="percent",
                    fraction=True)
    return _rate(sc, i, numerator) if low in lex.SMALL_NUMBERS else None


def _rate(sc: _Scope, i: int, numerator: float) -> _Num | None:
    """"one in five", "8 in 10": a rate after the number at token ``i``, as percent."""
    if sc.lower(i + 1) != "in":
        return None
    word = sc.lower(i + 2)
    den = lex.SMALL_NUMBERS.get(word) or lex.TENS.get(word) or (
        int(word) if word.isdigit() and len(word) <= 3 else None)
    if not den or den <= numerator or sc.doc[i + 2].ent_type_ in ("DATE", "TIME") \
            or sc.lower(i + 3) in ("%", "per", "percent"):
        return None
    return _Num(i, i + 3, round(100.0 * numerator / den, 6), unit="percent", fraction=True)


def _parse_number(sc: _Scope, i: int, currency: bool) -> _Num | None:
    """Any number that starts at token ``i``."""
    tok = sc.doc[i]
    if tok.text[0].isdigit() or sc.units.glued_sign.match(tok.text):
        return _parse_digits(sc, i, currency)
    if tok.is_alpha:
        return _parse_fraction(sc, i) or _parse_vague(sc, i) or _parse_words(sc, i)
    return None


# --- what surrounds a number: currency, unit, range, qualifier -------------------------------

def _currency_before(sc: _Scope, start: int) -> tuple[int, str | None]:
    """A currency sign or ISO code right before token ``start``: (new start, ISO code)."""
    if start > sc.lo:
        prev = sc.doc[start - 1]
        unit = sc.units.prefixes.get(prev.text)
        if unit and (prev.whitespace_ == "" or prev.text.isalpha() or prev.text.endswith(".")):
            return start - 1, unit
    return start, None


def _unit_after(sc: _Scope, end: int) -> tuple[int, str, float] | None:
    """A unit form right after token ``end - 1``: (new end, unit, factor)."""
    doc = sc.doc
    if end >= sc.stop:
        return None
    last = doc[end - 1]
    pos = sc.base + last.idx + len(last.text)
    best = None
    for pattern in (sc.units.after, sc.units.after_cased):
        m = pattern.match(sc.text, pos)
        if m and (best is None or m.end() > best.end()):
            best = m
    if best is None:
        return None
    gap, form = best.group(1), best.group(2)
    if gap and len(form) == 1 and form.isalpha():
        return None  # single letters only glued: "40C", "10p"
    end_char = best.end() - sc.base
    j = end
    while j < sc.stop and doc[j].idx + len(doc[j].text) < end_char:
        j += 1
    if j >= sc.stop:
        return None
    overhang = doc[j].idx + len(doc[j].text) - end_char
    if overhang and not (overhang == 1 and doc[j].text.endswith(".")):
        return None  # the form ends inside a token; "m." at a sentence end is fine
    key = form if form in sc.units.forms else " ".join(form.lower().split())
    if key == "won" and last.lower_ not in lex.SCALE_WORDS and last.lower_ not in lex.SCALE_TOKENS:
        return None  # "three won awards"; "12 trillion won" is money
    unit, factor = sc.units.forms[key]
    if unit == "GBP" and key.startswith("pound") and ("-" in gap or (
            sc.lower(j + 1) == "of" and last.text[0].isdigit())):
        unit = "lb"  # "a 500-pound bomb", "50 pounds of explosives"
    return j + 1, unit, factor


def _qualifier_before(sc: _Scope, start: int) -> tuple[int, tuple[str, ...] | None]:
    """The longest approximating qualifier that ends right before token ``start``."""
    words = tuple(sc.doc[k].lower_ for k in range(max(sc.lo, start - 3), start))
    for n in (3, 2, 1):
        if len(words) >= n and words[-n:] in lex.QUALIFIERS:
            if n == 1 and sc.doc[start - 1].tag_ in ("VBD", "VBZ", "VBP"):
                break  # "officials estimated 300", not "an estimated 300"
            return start - n, words[-n:]
    return start, None


def _range_kind(sc: _Scope, fig: _Figure, conn: str) -> str | None:
    """How "X <conn> Y" reads: "range" (10-15), "from" (from 10 to 15), "change" (rose 5 to 7)."""
    before = sc.doc[fig.start - 1] if fig.start > sc.lo else None
    if conn == "and":
        return "range" if before is not None and before.lower_ == "between" else None
    if conn in ("-", "–"):
        glued = sc.doc[fig.end - 1].whitespace_ == "" and sc.doc[fig.end].whitespace_ == ""
        return "range" if glued else None
    if conn == "to" and before is not None:
        if before.lower_ in ("from", "by"):
            return "from"  # "from 10 to 15", "raised by 400m to 2.5bn"
        if before.lower_ in ("up", "down") or lemma(before).lower() in lex.CHANGE_VERBS:
            return "change"
    return "range"


def _try_range(sc: _Scope, fig: _Figure) -> None:
    """Extend ``fig`` over "10-15", "10 to 15", "between 10 and 15", "$10m-$15m", "10%-15%"."""
    j = fig.end
    conn = sc.lower(j)
    kind = _range_kind(sc, fig, conn) if conn in _RANGE_WORDS and j + 1 < sc.stop else None
    if kind is None:
        return
    _, cur = _currency_before(sc, j + 2) if j + 2 < sc.stop else (0, None)
    second = _parse_number(sc, j + 1 + bool(cur), fig.currency or bool(cur)) \
        if j + 1 + bool(cur) < sc.stop else None
    if second is None or second.vague or second.fraction or second.high is not None:
        return
    cur = cur or second.currency
    end, unit, factor = second.end, cur or second.unit, 1.0
    if not second.unit:
        found = _unit_after(sc, end)
        if found:
            end, found_unit, factor = found
            unit = unit or found_unit
    if fig.unit and unit and unit != fig.unit:
        return  # "rose 5% to £3bn": two figures
    low, high = fig.value, second.value * factor
    if fig.num.scale == 1.0 and (fig.currency or not fig.unit) and not fig.num.comma \
            and fig.value * second.scale * factor <= high * 10:
        low *= second.scale * factor  # "10-15 million", "$10-15m", "10-15 km"
    if second.comma and not fig.num.comma and fig.num.integer and second.scale == 1.0 \
            and high >= 1000 > low and high / 10 <= low * 1000 <= high:
        low *= 1000  # "30 to 35,000" means 30,000 to 35,000
    # After "rose", "2% to 3%" is still a range but "12p to 340p" is a change.
    if conn == "to" and high > 5 * low:
        kind = "from"  # "400m euros to 2.5bn euros" moved from one to the other
    if kind == "from" or (kind == "change" and not (fig.unit and unit == fig.unit
                                                    and low < high <= 3 * low)):
        if not fig.unit:
            fig.unit, fig.value = unit, low  # "from 60 to 71 percent": 60 percent
        return  # a change: two figures
    if high <= low:
        if conn in ("-", "–"):
            fig.value = float("nan")  # a score ("3-1") or a ratio ("50-50"): dropped later
        return
    fig.end, fig.value, fig.ranged, fig.approximate = end, low, True, True
    fig.unit = fig.unit or unit


def _assemble(sc: _Scope, num: _Num) -> _Figure:
    """Grow a number into a figure: currency sign, unit, range, qualifiers."""
    start, cur = (num.start, num.currency) if num.currency else _currency_before(sc, num.start)
    fig = _Figure(start, num.end, num, num.value, cur or num.unit,
                  num.vague or num.high is not None, currency=bool(cur),
                  bare_dollar=bool(cur) and sc.doc[start].text.startswith("$"))
    if not fig.unit:
        found = _unit_after(sc, fig.end)
        if not found and num.vague and sc.lower(fig.end) == "of":
            found = _unit_after(sc, fig.end + 1)  # "billions of dollars", "thousands of tonnes"
            if found and found[1] in ("percent", "percentage points"):
                found = None
        if found:
            fig.end, fig.unit = found[0], found[1]
            fig.value *= found[2]
    if num.high is not None:
        fig.ranged = True
        if num.high <= num.value:
            fig.value = float("nan")  # "3–1" is a score
    elif not num.fraction and not num.vague:
        _try_range(sc, fig)
    if sc.lower(fig.end) == "or" and sc.lower(fig.end + 1) in lex.TRAILING_APPROX:
        fig.end += 2
        fig.approximate = True
    q_start, q = _qualifier_before(sc, fig.start)
    if (q == ("between",) and not fig.ranged) or (
            q in lex.PREPOSITION_QUALIFIERS and num.value == 1 and not num.digits):
        q = None  # "about one thing", "over one band": prepositions, not qualifiers
    if q:
        fig.start, fig.approximate = q_start, True
    return fig


# --- what is counted -------------------------------------------------------------------------

def _noun_phrase(tok, floor: int) -> tuple[str, str] | None:
    """(text, lemma) of a noun with the noun compounds right before it (not before ``floor``)."""
    if tok.pos_ not in ("NOUN", "PROPN") or not tok.is_alpha:
        return None
    doc = tok.doc
    while tok.dep_ in ("compound", "nmod") and tok.i < tok.head.i <= tok.i + 3 \
            and tok.head.pos_ == "NOUN":
        tok = tok.head  # "120 battalion tactical groups" counts groups
    last = tok.i
    while last + 2 < len(doc) and doc[last + 1].text == "-" and doc[last].whitespace_ == "" \
            and doc[last + 1].whitespace_ == "" and doc[last + 2].is_alpha:
        last += 2  # "e-mails"
    first = tok.i
    while first > floor:
        left = doc[first - 1]
        if left.text == "-" and left.whitespace_ == "" and first - 2 >= floor \
                and doc[first - 2].whitespace_ == "" and doc[first - 2].is_alpha:
            first -= 2  # "write-down", "working-age population", "e-mail users"
        elif left.dep_ == "compound" and left.pos_ == "NOUN" and left.is_alpha \
                and left.whitespace_ and tok.i >= left.head.i >= first:
            first -= 1  # "security assistance"
        else:
            break
    return doc[first:last + 1].text.lower(), lemma(doc[last]).lower()


def _modifier(tok) -> bool:
    """A token that can stand between a number and its noun: "12,000 North Korean troops"."""
    return tok.pos_ in ("ADJ", "NOUN", "PROPN", "NUM", "ADV") or tok.text in ("-", "'", '"') \
        or (tok.tag_ in ("VBN", "VBG") and tok.dep_ in ("amod", "compound"))


def _pobj(prep):
    """The object of a preposition token, if any."""
    return next((child for child in prep.children if child.dep_ == "pobj"), None)


def _counted(sc: _Scope, fig: _Figure) -> tuple[str, str] | None:
    """What the figure counts or measures: the noun it modifies, or the noun after "of"."""
    doc = sc.doc
    inside = range(fig.start, fig.end)
    root = next((doc[k] for k in reversed(inside) if doc[k].head.i not in inside
                 or doc[k].head.i == k), doc[fig.end - 1])
    head = root.head
    nxt = doc[fig.end] if fig.end < sc.stop else None
    if nxt is not None and nxt.lower_ == "worth" and sc.lower(fig.end + 1) == "of":
        nxt = doc[fig.end + 1]  # "$100 million worth of drones"
    elif head.i >= fig.end and head.pos_ in ("NOUN", "PROPN") and root.dep_ in _NOUN_DEPS \
            and all(_modifier(doc[k]) for k in range(fig.end, head.i)):
        return _noun_phrase(head, fig.end)  # "12,000 troops", "a $2bn loan"
    if nxt is not None and (nxt.lower_ == "of" or (
            nxt.lower_ == "in" and fig.currency and nxt.head.i in inside)):
        obj = _pobj(nxt)  # "thousands of troops", "$56.2 billion in security assistance"
        if obj is not None and (nxt.lower_ == "of" or obj.pos_ == "NOUN"):
            return _noun_phrase(obj, fig.end)
        return None
    if fig.unit and root.dep_ == "pobj" and head.lower_ == "of" and head.head.i < fig.start \
            and head.head.pos_ == "NOUN" and head.head.lower_ not in lex.GENERIC_NOUNS:
        return _noun_phrase(head.head, 0)  # "a range of 300km", "a profit of $1.2m"
    if not fig.unit and nxt is not None:
        # The parse often hangs the noun elsewhere: read "12,000 North Korean troops" as written.
        strong = nxt.text == "-" and sc.lower(fig.end + 1) == "strong"  # "a 12,000-strong force"
        k = fig.end + 2 * strong
        while k < min(sc.stop, fig.end + 4) and (
                doc[k].pos_ == "ADJ" or doc[k].ent_type_ == "NORP" or doc[k].dep_ == "compound"):
            k += 1
        if k < sc.stop and doc[k].dep_ != "compound" and (
                doc[k].tag_ in ("NNS", "NNPS") or (strong and doc[k].tag_ == "NN")):
            return _noun_phrase(doc[k], fig.end)
    return None


# --- what is not a figure --------------------------------------------------------------------

def _is_year(sc: _Scope, fig: _Figure) -> bool:
    """A bare four-digit number that reads as a year ("in 2022"), not "2000 troops"."""
    num = fig.num
    if not (num.digits and num.integer and not num.comma and 1800 <= num.value <= 2100
            and len(sc.doc[num.start].text) == 4):
        return False
    nxt = sc.doc[fig.end] if fig.end < sc.stop else None
    prev = sc.doc[fig.start - 1] if fig.start > sc.lo else None
    if prev is not None and (prev.lower_ in lex.DEFINITE_WORDS or prev.tag_ == "POS"):
        return True  # "the 2022 elections", "Russia's 2014 annexation"
    return not (nxt is not None and nxt.tag_ == "NNS" and sc.doc[num.start].head.i == nxt.i)


def _is_code(sc: _Scope, fig: _Figure) -> bool:
    """Glued to letters or other numbers: "Su-25", "3G", "24/7", "1-800-555", "mid-2022"."""
    doc = sc.doc
    prev = doc[fig.start - 1] if fig.start > sc.lo else None
    nxt = doc[fig.end] if fig.end < sc.stop else None
    if prev is not None and prev.whitespace_ == "" and not fig.currency and (
            prev.is_alpha or prev.text in ("/", ":", "#", "-", "–", ".", "@")):
        return True
    if nxt is not None and doc[fig.end - 1].whitespace_ == "":
        if nxt.is_alpha or nxt.text in ("/", ":", "'s") or nxt.like_num:
            return True
        if nxt.text in ("-", "–") and fig.end + 1 < sc.stop:
            after = doc[fig.end + 1]  # "a five-year plan" but "a 12,000-strong force"
            return after.like_num or (after.is_alpha and after.lower_ not in lex.HYPHEN_OK)
    return False


def _is_label(sc: _Scope, fig: _Figure, prev, nxt) -> bool:
    """A number that names or dates something: "Article 5", "Boeing 737", "Feb 12", "aged 70"."""
    num, doc = fig.num, sc.doc
    first = doc[num.start]
    if num.digits and num.integer and not num.comma and (
            num.value <= 31 or 1800 <= num.value <= 2100) and (
            (prev is not None and prev.lower_.rstrip(".") in _WEEKDAYS_MONTHS)
            or (nxt is not None and nxt.lower_.rstrip(".") in _WEEKDAYS_MONTHS
                and nxt.text[0].isupper())):
        return True  # a date the model missed
    if not num.digits and first.text[0].isupper() and prev is not None and (
            prev.is_alpha or prev.tag_ == "POS"
            or (nxt is not None and nxt.tag_ == "NNP" and nxt.text.istitle())):
        return True  # "the Normandy Four", "Blake's Seven", "Seven Nation Army"
    if not num.vague and prev is not None and prev.lower_ in lex.REFERENCE_WORDS:
        return True  # "Article 5", "No 10", "number two", "the top 20", "aged 70"
    if prev is not None and prev.lower_ == "of" and fig.start - 2 > sc.lo:
        owner = doc[fig.start - 2]
        if owner.tag_ == "NNP" and owner.text.istitle():
            return True  # "the Group of 20"
    if any(lemma(doc[k]).lower() in ("age", "aged") for k in range(max(sc.lo, fig.start - 3),
                                                                    fig.start)):
        return True  # "at the age of five", "the voting age to 16"
    if num.digits and num.integer and prev is not None and nxt is not None \
            and (prev.text, nxt.text) in ((",", ","), ("(", ")"), (",", ")")) \
            and fig.start - 2 >= sc.lo and doc[fig.start - 2].pos_ == "PROPN":
        return True  # an age after a name: "Jane Smith, 26, said"
    if num.digits and not num.vague:
        if prev is not None and not num.comma and prev.lower_ not in _WEEKDAYS_MONTHS and (
                prev.tag_ in ("NNP", "NNPS") or (prev.pos_ == "NOUN" and prev.text.istitle())):
            return True  # "Boeing 737", "FTSE 100", "USB 2.0", "Shrek 2"
        if fig.start == sc.lo and nxt is not None and nxt.ent_type_ == "PERSON":
            return True  # a ranking or list number before a name: "15 Mikhail Youzhny"
        if first.text.startswith("0") and len(first.text) > 1 and num.integer:
            return True  # phone numbers and codes: "020", "0800"
        if any(t is not None and t.text[0].isdigit() for t in (prev, nxt)):
            return True  # "020 7946 0000"
        if fig.start == sc.lo and nxt is not None and nxt.text in (".", ")"):
            return True  # a list number
        if prev is not None and nxt is not None and prev.text == "(" and nxt.text == ")" \
                and num.value < 100:
            return True  # "(2)": an item marker
    return False


def _rejected(sc: _Scope, fig: _Figure) -> bool:
    """Whether a candidate is not a reported figure (date, code, name, score, pronoun ...)."""
    num, doc = fig.num, sc.doc
    if fig.value != fig.value:  # NaN: a score such as "3-1" or "50-50"
        return True
    if num.needs_unit and not fig.unit:
        return True
    if _is_code(sc, fig):
        return True
    bare = not fig.unit and num.scale == 1.0
    if not (bare or num.fraction):
        return False
    labels = {doc[k].ent_type_ for k in range(num.start, num.end)}
    nxt = doc[fig.end] if fig.end < sc.stop else None
    if labels == {"DATE"} and nxt is not None and nxt.tag_ == "NNS" \
            and lemma(nxt).lower() not in lex.TIME_NOUNS and not _is_year(sc, fig):
        labels = set()  # "between 10 and 15 boats" is no date, whatever the model says
    # The model's date, time, ordinal and name labels are trusted for plain numbers only.
    if num.fraction and labels & {"DATE", "TIME"} or not num.fraction and labels - _KEEP_ENTS:
        return True
    if num.fraction:
        return False
    prev = doc[fig.start - 1] if fig.start > sc.lo else None
    if _is_year(sc, fig) or (nxt is not None and nxt.lower_ in lex.TIME_AFTER and num.digits):
        return True
    if _is_label(sc, fig, prev, nxt):
        return True
    if nxt is not None and nxt.lower_ in ("times", "fold"):
        return True  # a multiplier ("three times the size"), not a quantity
    if sum(1 for k in range(sc.lo, sc.stop) if doc[k].is_alpha) < 3:
        return True  # a caption or list marker on its own line
    if not num.digits and not num.vague and not fig.ranged and fig.start == num.start:
        if doc[num.start].lower_ == "one" and num.value == 1:
            return True  # "one of the", "one official said": a pronoun, not a count
        if num.value < 10 and prev is not None and prev.lower_ in lex.DEFINITE_WORDS:
            return True  # "the two sides": a reference to known things
    return False


# --- rows ------------------------------------------------------------------------------------

def _starts_number(sc: _Scope, tok) -> bool:
    """Cheap test for a token that may start a number."""
    text = tok.text
    if text[0].isdigit():
        return True
    if tok.is_alpha:
        return tok.lower_ in _WORD_STARTS
    return bool(sc.units.glued_sign.match(text))


def _figures_in(sentence: Sentence, text: str, units: Units,
                dollars: list[tuple[dict, Sentence, int]] | None = None) -> list[dict]:
    """Figure rows of one parsed sentence; each row of a bare "$" is also appended to
    ``dollars`` with its sentence and number token."""
    span = sentence.span
    doc = span.doc
    sc = _Scope(doc, span.start, span.end, text, sentence.base, units)
    rows: list[dict] = []
    i = sc.lo
    while i < sc.stop:
        tok = doc[i]
        if not _starts_number(sc, tok):
            i += 1
            continue
        num = _parse_number(sc, i, i > sc.lo and doc[i - 1].text in units.prefixes)
        if num is None:
            i += 1
            continue
        fig = _assemble(sc, num)
        i = max(fig.end, i + 1)
        if _rejected(sc, fig):
            continue
        counted = _counted(sc, fig)
        if not fig.unit and counted and counted[1] in lex.TIME_NOUNS:
            continue  # a duration or an age ("three days", "12 years")
        last = doc[fig.end - 1]
        # An abbreviation that swallowed a full stop ("$116m.") keeps the stop out of the figure.
        trim = len(last.text) > 1 and last.text[-1] == "."
        start = sentence.char(doc[fig.start].idx)
        end = sentence.char(last.idx + len(last.text) - trim)
        row = {
            "article_id": sentence.article_id,
            "sentence_id": sentence.sentence_id,
            "start": start,
            "end": end,
            "surface": text[start:end],
            "value": round(float(fig.value), 6),
            "unit": fig.unit or "count",
            "of": counted[0] if counted else None,
            "approximate": fig.approximate,
        }
        rows.append(row)
        if fig.bare_dollar and dollars is not None:
            dollars.append((row, sentence, num.start))
    return rows


def _may_have_numbers(text: str) -> bool:
    """Cheap pre-filter: a digit or a number word somewhere in the sentence."""
    return bool(_HAS_DIGIT.search(text)) or not _NUMBER_WORDS.isdisjoint(
        _LOWER_WORDS.findall(text.lower()))


def sentence_figures(sentence: Sentence, article_text: str, units: Units) -> list[dict]:
    """Figure rows of one sentence; offsets index ``article_text``."""
    if sentence.span is None or not _may_have_numbers(sentence.text):
        return []
    return _figures_in(sentence, article_text, units)


# --- whose dollar ----------------------------------------------------------------------------

_SUBJECTS = ("nsubj", "nsubjpass")


def _clause_subject(span, i: int):
    """The subject of the nearest clause above token ``i`` that does not hold ``i`` itself."""
    tok = span.doc[i]
    for _ in range(12):  # a parse is shallow; the bound only guards a malformed one
        for child in tok.children:
            if child.dep_ in _SUBJECTS and span.start <= child.i < span.end:
                holds = child.left_edge.i <= i <= child.right_edge.i
                return None if holds else child  # "$50m in aid was sent" has no owner
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    return None


def _subject_owner(sentence: Sentence, i: int, mentions: Sequence[dict]) -> str | None:
    """Country code of the clause subject over number token ``i`` ("Australia has provided"),
    "" for a company (its reporting currency is its own business), None when it names neither."""
    subject = _clause_subject(sentence.span, i)
    if subject is None or subject.pos_ == "PRON":
        return None
    last = subject.right_edge
    lo, hi = sentence.char(subject.left_edge.idx), sentence.char(last.idx + len(last.text))
    inside = [m for m in mentions if lo <= m["start"] and m["end"] <= hi]
    if any(m["kind"] == "organization" and not m["entity_id"].startswith("inst:") for m in inside):
        return ""
    return next((m["country_code"] for m in inside
                 if m["kind"] != "person" and m["country_code"]), None)


def _localize_dollars(dollars: list[tuple[dict, Sentence, int]], rows: list[dict],
                      mentions: Sequence[dict], units: Units) -> None:
    """Give a bare "$" the local dollar of the country that owns it (module docstring)."""
    local_dollars, currencies = units.local_dollars, set(units.prefixes.values())
    by_sentence: dict[int, list[dict]] = defaultdict(list)
    for m in mentions:
        by_sentence[m["sentence_id"]].append(m)
    # A sentence with money in another currency converts or compares: its "$" is the US dollar.
    mixed = {r["sentence_id"] for r in rows if r["unit"] in currencies and r["unit"] != "USD"}
    dollar_countries = {"US", *local_dollars}
    found = []
    for row, sentence, i in dollars:
        if row["sentence_id"] in mixed:
            continue
        near = by_sentence[row["sentence_id"]]
        cues = {m["country_code"] for m in near} & dollar_countries
        found.append((row, _subject_owner(sentence, i, near), cues))
    owners = {owner for _, owner, _ in found if owner}
    local = owners & set(local_dollars)
    home = next(iter(local)) if len(local) == 1 and "US" not in owners else None
    for row, owner, cues in found:
        # A US actor or another dollar country in the sentence leaves "$" the US dollar.
        code = owner if owner is not None else home
        if cues - {code}:
            continue
        if code in local_dollars:
            row["unit"] = local_dollars[code]


def extract_figures(article: Article, sentences: Iterable[Sentence], resources: Resources,
                    mentions: Sequence[dict] = ()) -> list[dict]:
    """Figure rows (value in base units, unit, counted noun, approximate) of one article;
    ``mentions`` (the article's mention rows) tell whose dollar a bare "$" is."""
    rows: list[dict] = []
    dollars: list[tuple[dict, Sentence, int]] = []
    for sentence in sentences:
        if sentence.span is not None and _may_have_numbers(sentence.text):
            rows.extend(_figures_in(sentence, article.text, resources.units, dollars))
    if dollars and mentions:
        _localize_dollars(dollars, rows, mentions, resources.units)
    return rows
