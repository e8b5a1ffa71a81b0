"""Build tool (run once, never imported by the kit): the land outline of the Missions map from topojson.

The Missions map draws a coarse land outline shipped as ``kit/assets/land-110m.svg`` (read at run time by
:func:`kit.views.world.land_path`). That file was made from Natural Earth's 1:110m land (public domain), as packed
in the ``world-atlas`` 2.0.2 npm package (ISC licence, Mike Bostock), with::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m kit.views.land_outline package/land-110m.json > kit/assets/land-110m.svg

It sits beside the runtime code because the project's fixed layout has no top-level ``tools/`` folder; an
import-linter contract (``pyproject.toml``) keeps every runtime module from importing it.

In the path, x is longitude and y is minus latitude (degrees, one decimal), so a point is placed with
``(lon, -lat)`` in the same coordinates.
"""

from __future__ import annotations

import json
import sys

__all__ = ["outline_from_topojson", "svg_document"]


def _decode_arcs(topo: dict) -> list[list[tuple[float, float]]]:
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def outline_from_topojson(path: str, precision: int = 1) -> str:
    """An SVG path (x = lon, y = -lat) of every ring in a quantized topojson file."""
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    arcs = _decode_arcs(topo)

    def ring(indices: list[int]) -> list[tuple[float, float]]:
        pts: list[tuple[float, float]] = []
        for i in indices:
            arc = arcs[i] if i >= 0 else arcs[~i][::-1]
            pts.extend(arc if not pts else arc[1:])
        return pts

    def polygons(geom: dict):
        if geom["type"] == "GeometryCollection":
            for g in geom["geometries"]:
                yield from polygons(g)
        elif geom["type"] == "Polygon":
            yield geom["arcs"]
        elif geom["type"] == "MultiPolygon":
            yield from geom["arcs"]

    parts = []
    for obj in topo["objects"].values():
        for poly in polygons(obj):
            for rng in poly:
                pts, last, prev, shift = [], None, None, 0.0
                for lon, lat in ring(rng):
                    # unwrap rings that cross the antimeridian (Chukotka, Fiji): continue past ±180
                    # instead of drawing a line across the whole map
                    if prev is not None and abs(lon - prev) > 180:
                        shift += 360.0 if lon < prev else -360.0
                    prev = lon
                    p = (round(lon + shift, precision), round(-lat, precision))
                    if p != last:
                        pts.append(p)
                        last = p
                if len(pts) < 4:
                    continue
                mid = sorted(x for x, _ in pts)[len(pts) // 2]  # keep the bulk of the ring on the map
                if abs(mid) > 180:
                    off = -360.0 if mid > 0 else 360.0
                    pts = [(round(x + off, precision), y) for x, y in pts]
                parts.append("M" + "L".join(f"{x:g} {y:g}" for x, y in pts) + "Z")
    return "".join(parts)


def svg_document(path_data: str) -> str:
    """The ``kit/assets/land-110m.svg`` file around an outline."""
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="-180 -90 360 180">\n'
        "<!-- Natural Earth 1:110m land (public domain), from the world-atlas 2.0.2 npm package (ISC licence, "
        "Mike Bostock), converted by kit/views/land_outline.py: x is longitude, y is minus latitude "
        "(degrees). -->\n"
        f'<path id="land" fill="#f3efe2" stroke="#666" stroke-width="0.2" d="{path_data}"/>\n</svg>\n'
    )


if __name__ == "__main__":  # pragma: no cover - the build step above
    sys.stdout.write(svg_document(outline_from_topojson(sys.argv[1])))
