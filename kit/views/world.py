"""An offline world outline for the Missions map (no map tiles, no CDN).

Plotly's ``geo`` maps fetch their topojson from a CDN at view time, which a workshop without internet cannot do.
The apps draw their own equirectangular SVG map instead: a coarse land outline under dots placed by the
``lat``/``lon`` of ``data/reference/missions.csv``. The outline is package data, ``kit/assets/land-110m.svg``
(Natural Earth 1:110m land, public domain; how it was made is in :mod:`kit.views.land_outline`).

In the path, x is longitude and y is minus latitude (degrees), so a point is placed with ``(lon, -lat)``.

>>> land_path()[:1], land_path().endswith("Z")
('M', True)
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..paths import asset

__all__ = ["land_path", "LAND_ASSET"]

LAND_ASSET = "land-110m.svg"


@lru_cache(maxsize=1)
def land_path() -> str:
    """The bundled coarse land outline as SVG path data (read once from ``kit/assets``)."""
    svg = asset(LAND_ASSET).read_text(encoding="utf-8")
    found = re.search(r'<path id="land"[^>]*\sd="([^"]+)"', svg)
    if not found:  # pragma: no cover - a broken install
        raise RuntimeError(f"kit/assets/{LAND_ASSET} holds no land outline")
    return found.group(1)
