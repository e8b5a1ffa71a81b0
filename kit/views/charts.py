"""Charts as plain SVG/HTML strings built in Python.

No plotly in the kernel and no plotly.js in the page: a chart is a few
kilobytes of SVG in an HTML widget, so an app starts as fast as a bare
widget page and a redraw is one small websocket message. Labels are escaped.
Colours are Okabe-Ito; values are also written as numbers, never colour alone.
"""

from __future__ import annotations

import datetime as dt
from typing import Sequence

from .html import OKABE_ITO, esc

__all__ = ["bar_chart", "timeline", "heatmap", "para_strip", "mission_map", "shade"]

FONT = 16


def shade(value: float, vmax: float) -> tuple[str, str]:
    """(background, text colour) on a white -> Okabe-Ito blue scale, keeping text readable."""
    if vmax <= 0 or value <= 0:
        return "#ffffff", "#555555"
    f = 0.15 + 0.85 * min(1.0, value / vmax)
    r0, g0, b0 = 255, 255, 255
    r1, g1, b1 = 0x00, 0x72, 0xB2
    r, g, b = (round(a + (c - a) * f) for a, c in ((r0, r1), (g0, g1), (b0, b1)))
    text = "#ffffff" if f > 0.55 else "#000000"
    return f"#{r:02x}{g:02x}{b:02x}", text


def bar_chart(items: Sequence[tuple[str, float, str]], *, width: int = 560, label_width: int = 250,
              title: str = "", unit: str = "") -> str:
    """Horizontal bars: ``items`` are (label, value, colour); the value is printed at the bar end."""
    if not items:
        return '<p class="muted">Nothing to chart.</p>'
    bar_h, gap = 24, 6
    vmax = max(v for _, v, _ in items) or 1
    plot_w = width - label_width - 60
    h = len(items) * (bar_h + gap) + 8
    rows = []
    for i, (label, value, colour) in enumerate(items):
        y = 4 + i * (bar_h + gap)
        w = max(2.0, plot_w * value / vmax)
        fit = max(8, int((label_width - 12) / (FONT * 0.6)))  # characters that fit left of the bar
        short = label if len(label) <= fit else label[:fit - 1].rstrip() + "…"
        rows.append(
            f'<g><title>{esc(label)}: {value:g}{esc(unit)}</title>'
            f'<text x="{label_width - 8}" y="{y + bar_h * 0.72:.0f}" text-anchor="end" font-size="{FONT}">'
            f'{esc(short)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar_h}" fill="{esc(colour)}" stroke="#000" '
            f'stroke-width="0.5"/>'
            f'<text x="{label_width + w + 6:.1f}" y="{y + bar_h * 0.72:.0f}" font-size="{FONT}" font-weight="bold">'
            f'{value:g}</text></g>')
    cap = f"<title>{esc(title)}</title>" if title else ""
    return (f'<svg role="img" aria-label="{esc(title)}" width="{width}" height="{h}" viewBox="0 0 {width} {h}" '
            f'xmlns="http://www.w3.org/2000/svg">{cap}{"".join(rows)}</svg>')


def _date(s: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(str(s)[:10]) if s else None
    except ValueError:
        return None


def timeline(meetings: Sequence[dict], start: str | None, end: str | None, *, width: int = 1100) -> str:
    """Meetings as labelled dots on the reporting period (month ticks)."""
    dates = [d for d in (_date(m.get("date")) for m in meetings) if d]
    t0 = _date(start) or (min(dates) if dates else None)
    t1 = _date(end) or (max(dates) if dates else None)
    if not t0 or not t1:
        return '<p class="muted">No dated meetings in this report.</p>'
    if t1 <= t0:
        t1 = t0 + dt.timedelta(days=30)
    left, right = 30, 30
    span = (t1 - t0).days
    x = lambda d: left + (width - left - right) * (d - t0).days / span  # noqa: E731
    axis_y = 60
    rows_h = 70 * max(1, len(meetings))
    h = axis_y + 40 + rows_h
    parts = [f'<line x1="{left}" y1="{axis_y}" x2="{width - right}" y2="{axis_y}" stroke="#000" stroke-width="2"/>']
    d = dt.date(t0.year, t0.month, 1)
    while d <= t1:
        if d >= t0:
            xx = x(d)
            parts.append(f'<line x1="{xx:.1f}" y1="{axis_y - 6}" x2="{xx:.1f}" y2="{axis_y + 6}" stroke="#000"/>'
                         f'<text x="{xx:.1f}" y="{axis_y - 12}" font-size="14" text-anchor="middle">'
                         f'{d.strftime("%b")}{(" " + str(d.year)) if d.month == 1 else ""}</text>')
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, 1)
    for i, m in enumerate(meetings):
        md = _date(m.get("date"))
        if not md:
            continue
        xx = x(md)
        ty = axis_y + 45 + i * 70
        anchor = "start" if xx < width / 2 else "end"
        tx = xx + 8 if anchor == "start" else xx - 8
        title = str(m.get("title") or "Meeting")
        short = title if len(title) <= 80 else title[:78] + "…"
        paras = f"paras. {m.get('first_para')}–{m.get('last_para')}" if m.get("first_para") is not None else ""
        parts.append(
            f'<g><title>{esc(md.isoformat())}: {esc(title)}</title>'
            f'<line x1="{xx:.1f}" y1="{axis_y}" x2="{xx:.1f}" y2="{ty + 22}" stroke="{OKABE_ITO["blue"]}" '
            f'stroke-dasharray="4 3"/>'
            f'<circle cx="{xx:.1f}" cy="{axis_y}" r="9" fill="{OKABE_ITO["vermillion"]}" stroke="#000"/>'
            f'<text x="{tx:.1f}" y="{ty}" font-size="{FONT}" font-weight="bold" text-anchor="{anchor}">'
            f'{esc(md.strftime("%d %B %Y").lstrip("0"))} · {esc(paras)}</text>'
            f'<text x="{tx:.1f}" y="{ty + 22}" font-size="{FONT}" text-anchor="{anchor}">{esc(short)}</text></g>')
    return (f'<svg role="img" aria-label="Meetings on a timeline" width="{width}" height="{h}" '
            f'viewBox="0 0 {width} {h}" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}</svg>')


def heatmap(row_labels: Sequence[str], col_labels: Sequence[str], values: Sequence[Sequence[float]],
            *, corner: str = "") -> str:
    """A table heatmap: counts printed in each cell, shaded white -> blue."""
    if not row_labels or not col_labels:
        return '<p class="muted">Nothing to show.</p>'
    vmax = max((v for row in values for v in row), default=0)
    head = "".join(f'<th class="hm-col" title="{esc(c)}"><div>{esc(c)}</div></th>' for c in col_labels)
    body = []
    for label, row in zip(row_labels, values):
        cells = []
        for c, v in zip(col_labels, row):
            bg, fg = shade(v, vmax)
            cells.append(f'<td class="num" style="background:{bg};color:{fg};min-width:44px" '
                         f'title="{esc(label)} × {esc(c)}: {v:g}">{v:g}</td>' if v else
                         f'<td class="num" style="color:#999" title="{esc(label)} × {esc(c)}: 0">·</td>')
        body.append(f"<tr><th style='text-align:left'>{esc(label)}</th>{''.join(cells)}</tr>")
    style = ("<style>.kit table.hm th.hm-col{vertical-align:bottom;max-width:70px;font-size:14px;"
             "white-space:normal;text-align:center}.kit table.hm td{border:1px solid #ccc;text-align:center}"
             ".kit table.hm tbody th{background:#fff;color:#000;border-bottom:1px solid #bbb}</style>")
    return (f'{style}<table class="kt hm" style="width:auto"><thead><tr><th>{esc(corner)}</th>{head}</tr></thead>'
            f'<tbody>{"".join(body)}</tbody></table>')


def para_strip(paras: Sequence[int], hits: dict[int, int], *, width: int = 1100, colour: str = OKABE_ITO["vermillion"],
               sections: Sequence[tuple[int, str]] = ()) -> str:
    """Where in the report: one cell per paragraph, coloured where ``hits`` has a count."""
    if not paras:
        return '<p class="muted">No paragraphs.</p>'
    n = len(paras)
    cw = (width - 20) / n
    parts = []
    for i, p in enumerate(paras):
        k = hits.get(p, 0)
        fill = colour if k else "#eeeeee"
        parts.append(f'<rect x="{10 + i * cw:.2f}" y="20" width="{max(cw - 1, 1):.2f}" height="44" fill="{fill}" '
                     f'stroke="#888" stroke-width="0.3" data-para="{p}"><title>para. {p}: {k} hit(s)</title></rect>')
    step = max(1, round(n / 12))
    for i, p in enumerate(paras):
        if i % step == 0 or i == n - 1:
            parts.append(f'<text x="{10 + (i + 0.5) * cw:.1f}" y="84" font-size="14" text-anchor="middle">{p}</text>')
    last_label = -1e9
    for first, title in sections:
        if first in paras:
            xx = 10 + paras.index(first) * cw
            numeral = title.split(".", 1)[0].strip()
            parts.append(f'<g><title>{esc(title)} (from para. {first})</title>'
                         f'<line x1="{xx:.1f}" y1="12" x2="{xx:.1f}" y2="70" stroke="#000" stroke-width="2"/>')
            if xx - last_label > 40:  # section numerals only where they do not collide
                parts.append(f'<text x="{xx + 3:.1f}" y="13" font-size="14" font-weight="bold">{esc(numeral[:8])}</text>')
                last_label = xx
            parts.append("</g>")
    return (f'<svg role="img" aria-label="Paragraphs with hits" width="{width}" height="92" '
            f'viewBox="0 0 {width} 92" xmlns="http://www.w3.org/2000/svg">{"".join(parts)}'
            f'<text x="10" y="84" font-size="1"> </text></svg>')


def mission_map(points: Sequence[dict], *, width: int = 1100, selected: str | None = None) -> str:
    """An offline equirectangular map: land outline plus one dot per mission.

    ``points`` have ``key``, ``label``, ``lat``, ``lon`` and ``n`` (dot size).
    The view fits the points (at least 70° wide), so nearby missions stay apart.
    """
    from .world import land_path

    pts = [p for p in points if p.get("lat") is not None and p.get("lon") is not None]
    if pts:
        lons = [p["lon"] for p in pts]
        lats = [p["lat"] for p in pts]
        cx, cy = (min(lons) + max(lons)) / 2, (min(lats) + max(lats)) / 2
        w = max(70.0, (max(lons) - min(lons)) * 1.4 + 20)
        h = max(w * 0.55, (max(lats) - min(lats)) * 1.4 + 16)
        w = max(w, h / 0.55)
    else:
        cx, cy, w, h = 0.0, 10.0, 360.0, 180.0
    x0, y0 = cx - w / 2, -cy - h / 2
    height = round(width * h / w)
    k = width / w  # pixels per degree
    vmax = max((p.get("n", 1) for p in pts), default=1) or 1
    dots, labels = [], []
    for p in sorted(pts, key=lambda p: -p.get("n", 1)):
        r = (5 + 11 * (p.get("n", 1) / vmax) ** 0.5) / k
        is_sel = selected is not None and p["key"] == selected
        fill = OKABE_ITO["vermillion"] if is_sel else OKABE_ITO["blue"]
        dots.append(f'<circle cx="{p["lon"]:.2f}" cy="{-p["lat"]:.2f}" r="{r:.2f}" fill="{fill}" '
                    f'fill-opacity="0.85" stroke="#000" stroke-width="{1.2 / k:.3f}" data-key="{esc(p["key"])}">'
                    f'<title>{esc(p.get("label", p["key"]))}: {p.get("n", 0)} mention(s)</title></circle>')
        labels.append(f'<text x="{p["lon"] + r * 1.2:.2f}" y="{-p["lat"] + 5 / k:.2f}" font-size="{(18 if is_sel else 15) / k:.2f}" '
                      f'font-weight="bold" stroke="#fff" stroke-width="{3 / k:.3f}" paint-order="stroke">'
                      f'{esc(p["key"])}</text>')
    grid = []
    for lon in range(-180, 181, 10):
        grid.append(f"M{lon} -90V90")
    for lat in range(-80, 81, 10):
        grid.append(f"M-180 {lat}H180")
    return (f'<svg role="img" aria-label="Map of missions mentioned" width="{width}" height="{height}" '
            f'viewBox="{x0:.2f} {y0:.2f} {w:.2f} {h:.2f}" xmlns="http://www.w3.org/2000/svg" '
            f'style="background:#dff1fb;border:1px solid #555">'
            f'<path d="{"".join(grid)}" stroke="#9cc" stroke-width="{0.6 / k:.3f}" fill="none"/>'
            f'<path d="{land_path()}" fill="#f3efe2" stroke="#666" stroke-width="{0.8 / k:.3f}"/>'
            f'{"".join(dots)}{"".join(labels)}</svg>')
