"""Charts as light HTML and SVG built in Python (no plotly in the kernel or the page).

A chart is a few kilobytes in an HTML widget, so an app starts as fast as a bare
widget page and a redraw is one small websocket message. Everything is rendered
through autoescaping templates or :class:`~markupsafe.Markup` formatting, so
labels from the report are always escaped. Charts reflow: bars and tables are
HTML; SVGs have a ``viewBox`` and ``width: 100%`` and carry no text that would
shrink on a phone (where they do, a phone gets an HTML alternative by CSS).
Colours are Okabe-Ito; values are also written as numbers, never colour alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from markupsafe import Markup

from .. import i18n
from .html import OKABE_ITO, _, render

__all__ = ["bar_chart", "timeline", "heatmap", "para_strip", "mission_map", "shade"]

FONT = 16


def _luminance(rgb: tuple[int, int, int]) -> float:
    def ch(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (ch(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def shade(value: float, vmax: float) -> tuple[str, str]:
    """(background, text colour) on a white -> Okabe-Ito blue scale; the text colour with the higher contrast.

    >>> shade(0, 5), shade(5, 5)
    (('#ffffff', '#555555'), ('#0072b2', '#ffffff'))
    """
    if vmax <= 0 or value <= 0:
        return "#ffffff", "#555555"
    f = 0.15 + 0.85 * min(1.0, value / vmax)
    r, g, b = (round(a + (c - a) * f) for a, c in ((255, 0x00), (255, 0x72), (255, 0xB2)))
    lum = _luminance((r, g, b))
    text = "#ffffff" if (1.05 / (lum + 0.05)) > ((lum + 0.05) / 0.05) else "#000000"
    return f"#{r:02x}{g:02x}{b:02x}", text


def bar_chart(items: Sequence[tuple[str, float, str]], *, title: str = "", unit: str = "", **_ignored) -> Markup:
    """Horizontal bars as HTML: ``items`` are (label, value, colour); the value is printed at the bar end.

    Labels wrap rather than being cut; on a phone each label sits above its bar.

    >>> "Women &amp; peace" in bar_chart([("Women & peace", 3, "#009E73")], title="Themes")
    True
    """
    vmax = max((v for _, v, _ in items), default=0) or 1
    rows = [
        {"label": label, "value": f"{value:g}", "frac": max(0.004, value / vmax), "colour": colour}
        for label, value, colour in items
    ]
    return render("bars.html.j2", items=rows, title=title, unit=unit)


def _month(d: dt.date) -> str:
    """A month's short name in the apps' language ("Apr", "avr."): :func:`kit.i18n.format_month_abbr`."""
    return i18n.format_month_abbr(d, i18n.get_language())


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10]) if s else None
    except ValueError:
        return None


def _para_range(first, last) -> str:
    """``"para. 5"`` or ``"paras. 5–34"`` (never "paras." for one paragraph).

    >>> _para_range(5, 5), _para_range(5, 34), _para_range(None, None)
    ('para. 5', 'paras. 5–34', '')
    """
    if first is None:
        return ""
    if last in (None, first):
        return _("para. {n}").format(n=first)
    return _("paras. {first}–{last}").format(first=first, last=last)


def _day(d: dt.date) -> str:
    return i18n.format_date(d, i18n.get_language())


def timeline(meetings: Sequence[dict], start: str | None, end: str | None, *, width: int = 900) -> Markup:
    """Meetings as labelled dots on the reporting period (month ticks); a dated list on a phone."""
    dates = [d for d in (_date(m.get("date")) for m in meetings) if d]
    t0 = _date(start) or (min(dates) if dates else None)
    t1 = _date(end) or (max(dates) if dates else None)
    if not t0 or not t1:
        return Markup('<p class="muted">{}</p>').format(_("No dated meetings in this report."))
    if t1 <= t0:
        t1 = t0 + dt.timedelta(days=30)
    axis = _Axis(t0, t1, width)
    h = axis.y + 30 + 56 * max(1, len(meetings))
    parts = [
        Markup('<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="#000" stroke-width="2"/>').format(
            axis.left, axis.y, width - axis.right, axis.y
        ),
        *_month_ticks(axis),
        *(_meeting_mark(axis, i, m, md) for i, m in enumerate(meetings) if (md := _date(m.get("date")))),
    ]
    listed = [
        {
            "date": _day(md) if (md := _date(m.get("date"))) else (m.get("date") or _("undated")),
            "paras": _para_range(m.get("first_para"), m.get("last_para")),
            "title": str(m.get("title") or _("Meeting")),
        }
        for m in meetings
    ]
    svg = Markup(
        '<svg class="fluid" role="img" aria-label="{label}" viewBox="0 0 {w} {h}" '
        'style="max-width:{w}px" xmlns="http://www.w3.org/2000/svg">{body}</svg>'
    ).format(label=_("Meetings on a timeline"), w=width, h=h, body=Markup("").join(parts))
    return render("timeline.html.j2", svg=svg, meetings=listed)


class _Axis:
    """The timeline's horizontal axis: the period ``t0``..``t1`` across ``width`` pixels, its margins and height."""

    left = right = 20
    y = 40

    def __init__(self, t0: dt.date, t1: dt.date, width: int) -> None:
        self.t0, self.t1, self.width = t0, t1, width

    def x(self, d: dt.date) -> float:
        return self.left + (self.width - self.left - self.right) * (d - self.t0).days / (self.t1 - self.t0).days


def _month_ticks(axis: _Axis) -> list[Markup]:
    """A tick on the axis at the first of each month of the period, named where the name does not collide with
    the one before (with its year on the first tick and in January)."""
    ticks: list[Markup] = []
    d = dt.date(axis.t0.year, axis.t0.month, 1)
    last_right = -1e9
    while d <= axis.t1:
        if d >= axis.t0:
            xx = axis.x(d)
            label = _month(d) + (f" {d.year}" if d.month == 1 or not ticks else "")
            anchor = "start" if xx < axis.left + 30 else "end" if xx > axis.width - axis.right - 30 else "middle"
            w_label = len(label) * 15 * 0.62
            x_left = xx if anchor == "start" else xx - w_label if anchor == "end" else xx - w_label / 2
            ticks.append(
                Markup('<line x1="{0:.1f}" y1="{1}" x2="{0:.1f}" y2="{2}" stroke="#000"/>').format(
                    xx, axis.y - 6, axis.y + 6
                )
            )
            if x_left > last_right + 6:  # a month name only where it does not collide with the one before
                ticks.append(
                    Markup('<text x="{0:.1f}" y="{1}" font-size="15" text-anchor="{3}">{2}</text>').format(
                        xx, axis.y - 12, label, anchor
                    )
                )
                last_right = x_left + w_label
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    return ticks


def _meeting_mark(axis: _Axis, i: int, m: dict, md: dt.date) -> Markup:
    """The ``i``-th meeting, held on ``md``, on the axis: a dot, a dashed line down to its date, its paragraphs and its
    title (cut to what fits on its side of the dot; the whole title is the tooltip)."""
    title = str(m.get("title") or _("Meeting"))
    xx = axis.x(md)
    ty = axis.y + 36 + i * 56
    anchor = "start" if xx < axis.width / 2 else "end"
    tx = xx + 8 if anchor == "start" else xx - 8
    fit = int(((axis.width - tx) if anchor == "start" else tx) / (FONT * 0.6)) - 1  # characters that fit
    short = title if len(title) <= fit else title[: max(10, fit - 1)].rstrip() + "…"
    return Markup(
        "<g><title>{date}: {title}</title>"
        '<line x1="{x:.1f}" y1="{ay}" x2="{x:.1f}" y2="{ly}" stroke="{blue}" stroke-dasharray="4 3"/>'
        '<circle cx="{x:.1f}" cy="{ay}" r="8" fill="{red}" stroke="#000"/>'
        '<text x="{tx:.1f}" y="{ty}" font-size="{f}" font-weight="bold" text-anchor="{anchor}">{day} · {paras}</text>'
        '<text x="{tx:.1f}" y="{ly}" font-size="{f}" text-anchor="{anchor}">{short}</text></g>'
    ).format(
        date=md.isoformat(),
        title=title,
        x=xx,
        ay=axis.y,
        ly=ty + 20,
        blue=OKABE_ITO["blue"],
        red=OKABE_ITO["vermillion"],
        tx=tx,
        ty=ty,
        f=FONT,
        anchor=anchor,
        day=_day(md),
        paras=_para_range(m.get("first_para"), m.get("last_para")),
        short=short,
    )


def heatmap(
    row_labels: Sequence[str],
    col_labels: Sequence[str],
    values: Sequence[Sequence[float]],
    *,
    corner: str = "",
    title: str = "",
) -> Markup:
    """A table heatmap: counts printed in each cell, shaded white -> blue (template ``heatmap.html.j2``)."""
    if not row_labels or not col_labels:
        return Markup('<p class="muted">{}</p>').format(_("Nothing to show."))
    vmax = max((v for row in values for v in row), default=0)
    rows = []
    for label, row in zip(row_labels, values):
        cells = []
        for c, v in zip(col_labels, row):
            bg, fg = shade(v, vmax)
            cells.append({"col": c, "value": f"{v:g}" if v else "", "bg": bg, "fg": fg})
        rows.append({"label": label, "cells": cells})
    return render(
        "heatmap.html.j2", rows=rows, cols=list(col_labels), corner=corner, title=title or _("Table of counts")
    )


def para_strip(
    paras: Sequence[int],
    hits: dict[int, int],
    *,
    colour: str = OKABE_ITO["vermillion"],
    sections: Sequence[tuple[int, str]] = (),
    **_ignored,
) -> Markup:
    """Where in the report: one cell per paragraph, coloured where ``hits`` has a count.

    The SVG stretches to any width (no text inside); numbers and section numerals are HTML.
    """
    if not paras:
        return Markup('<p class="muted">{}</p>').format(_("No paragraphs."))
    n = len(paras)
    cells = [
        Markup('<rect x="{}" y="0" width="0.92" height="40" fill="{}" data-para="{}"><title>{}</title></rect>').format(
            i, colour if hits.get(p, 0) else "#e4e4e4", p, _("para. {n}: {k} hit(s)").format(n=p, k=hits.get(p, 0))
        )
        for i, p in enumerate(paras)
    ]
    lines, secs = _strip_sections(list(paras), sections)
    svg = Markup(
        '<svg role="img" aria-label="{}" viewBox="0 -6 {} 52" '
        'preserveAspectRatio="none" width="100%" height="52" xmlns="http://www.w3.org/2000/svg">'
        "{}{}</svg>"
    ).format(
        _("Paragraphs with hits: {hit} of {all}").format(hit=sum(1 for p in paras if hits.get(p)), all=n),
        n,
        Markup("").join(cells),
        Markup("").join(lines),
    )
    return render("strip.html.j2", svg=svg, ticks=_strip_ticks(paras), sections=secs)


def _strip_sections(paras: list[int], sections: Sequence[tuple[int, str]]) -> tuple[list[Markup], list[dict]]:
    """(a line in the strip before each section's first paragraph, the section numerals above the strip where
    they do not collide)."""
    n = len(paras)
    lines, secs = [], []
    last = -1e9
    for first, title in sections:
        if first not in paras:
            continue
        i = paras.index(first)
        lines.append(
            Markup(
                '<line x1="{0}" y1="-6" x2="{0}" y2="46" stroke="#000" stroke-width="2" '
                'vector-effect="non-scaling-stroke"><title>{1}</title></line>'
            ).format(i - 0.04, _("{title} (from para. {n})").format(title=title, n=first))
        )
        if i - last >= max(2, n / 14):  # section numerals only where they do not collide
            secs.append(
                {
                    "left": 100 * i / n,
                    "numeral": title.split(".", 1)[0].strip()[:8],
                    "title": title,
                    "end": i > 0.85 * n,
                }
            )
            last = i
    return lines, secs


def _strip_ticks(paras: Sequence[int]) -> list[dict]:
    """About twelve paragraph numbers under the strip (every other one hidden on a phone), and the last."""
    n = len(paras)
    step = max(1, round(n / 12))
    return [
        {
            "left": 100 * (i + 0.5) / n,
            "para": p,
            "minor": (i // step) % 2 == 1 and i != n - 1,
            "edge": "start" if i == 0 else "end" if i == n - 1 else "",
        }
        for i, p in enumerate(paras)
        if i % step == 0 or i == n - 1
    ]


def mission_map(
    points: Sequence[dict], *, width: int = 1000, selected: str | None = None, link: str = "?mission={key}"
) -> Markup:
    """An offline equirectangular map: land outline plus one dot per mission; each dot is a link
    (``link`` formatted with the mission's ``key``) so clicking a mission selects it.

    ``points`` have ``key``, ``label``, ``lat``, ``lon`` and ``n`` (dot size).
    The view fits the points (at least 70° wide), so nearby missions stay apart. The acronyms
    beside the dots are hidden on a phone (the list under the map names every mission).
    """
    from .world import land_path

    pts = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    x0, y0, w, h = _map_view(pts)
    k = width / w  # pixels per degree at full size
    vmax = max((p.get("n", 1) for p in pts), default=1) or 1
    marks = [_map_dot(p, k, vmax, selected, link) for p in sorted(pts, key=lambda p: -p.get("n", 1))]
    grid = "".join(f"M{lon} -90V90" for lon in range(-180, 181, 10)) + "".join(
        f"M-180 {lat}H180" for lat in range(-80, 81, 10)
    )
    return Markup(
        '<svg class="fluid map" role="group" aria-label="{aria}" '
        'viewBox="{x0:.2f} {y0:.2f} {w:.2f} {h:.2f}" style="max-width:{width}px" xmlns="http://www.w3.org/2000/svg">'
        '<path d="{grid}" stroke="#9cc" stroke-width="{g:.3f}" fill="none"/>'
        '<path d="{land}" fill="#f3efe2" stroke="#666" stroke-width="{lw:.3f}"/>'
        '{dots}<g class="map-labels" aria-hidden="true">{labels}</g></svg>'
    ).format(
        aria=_("Map of missions mentioned: choose a dot to read its mentions"),
        x0=x0,
        y0=y0,
        w=w,
        h=h,
        width=width,
        grid=grid,
        g=0.6 / k,
        land=land_path(),
        lw=0.8 / k,
        dots=Markup("").join(dot for dot, _label in marks),
        labels=Markup("").join(label for _dot, label in marks),
    )


def _map_view(pts: Sequence[dict]) -> tuple[float, float, float, float]:
    """The map's viewBox (x0, y0, width, height in degrees): the points with a margin, at least 70° wide and
    0.55 as high as wide; the whole world when there are none."""
    if not pts:
        cx, cy, w, h = 0.0, 10.0, 360.0, 180.0
    else:
        lons = [p["lon"] for p in pts]
        lats = [p["lat"] for p in pts]
        cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
        w = max(70.0, (max(lons) - min(lons)) * 1.4 + 20)
        h = max(w * 0.55, (max(lats) - min(lats)) * 1.4 + 16)
        w = max(w, h / 0.55)
    return cx - w / 2, -cy - h / 2, w, h


def _map_dot(p: dict, k: float, vmax: float, selected: str | None, link: str) -> tuple[Markup, Markup]:
    """(a mission's dot, a link sized by its mentions, orange-red when chosen; its acronym beside it), at ``k``
    pixels per degree."""
    from urllib.parse import quote

    r = (6 + 11 * (p.get("n", 1) / vmax) ** 0.5) / k
    is_sel = selected is not None and p["key"] == selected
    dot = Markup(
        '<a href="{href}" target="_self" aria-label="{label}"{cur}>'
        '<circle cx="{x:.2f}" cy="{y:.2f}" r="{r:.2f}" fill="{fill}" fill-opacity="0.85" stroke="#000" '
        'stroke-width="{sw:.3f}" data-key="{key}"><title>{label}</title></circle></a>'
    ).format(
        href=link.format(key=quote(str(p["key"]))),
        label=_("{mission}: {n} mention(s)").format(mission=p.get("label", p["key"]), n=p.get("n", 0)),
        cur=Markup(' aria-current="true"') if is_sel else "",
        x=p["lon"],
        y=-p["lat"],
        r=r,
        fill=OKABE_ITO["vermillion"] if is_sel else OKABE_ITO["blue"],
        sw=1.2 / k,
        key=p["key"],
    )
    label = Markup(
        '<text x="{x:.2f}" y="{y:.2f}" font-size="{f:.2f}" font-weight="bold" stroke="#fff" '
        'stroke-width="{sw:.3f}" paint-order="stroke">{key}</text>'
    ).format(x=p["lon"] + r * 1.2, y=-p["lat"] + 5 / k, f=(18 if is_sel else 15) / k, sw=3 / k, key=p["key"])
    return dot, label
