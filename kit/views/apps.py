"""The four Voilà apps: Overview, Speakers, Themes, Missions.

Each ``*_app()`` opens the report (:func:`~kit.views.data.app_report`) and
returns something a notebook cell displays. A report that cannot be opened
gives a friendly panel naming the file, never a traceback. ipywidgets is
imported only here, and only by the three interactive apps.
"""

from __future__ import annotations

from typing import Callable

from ..errors import ReportError
from . import charts, queries
from .data import ViewReport, app_report
from .html import (KIND_COLOUR, KIND_LABEL, OKABE_ITO, download_link, error_panel, esc, highlight, panel, table,
                   csv_text)

__all__ = ["overview_app", "speakers_app", "themes_app", "missions_app", "HTMLApp", "APPS"]

APPS = [("overview", "Overview"), ("speakers", "Speakers"), ("themes", "Themes"), ("missions", "Missions")]


class HTMLApp:
    """Static HTML for a notebook output (no widgets: the fastest thing Voilà can show)."""

    def __init__(self, html: str, summary: str) -> None:
        self.html = html
        self.summary = summary

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.summary


def _nav(current: str) -> str:
    links = " ".join(f'<a href="{name}.ipynb">{esc(label)}</a>' if name != current else f'<span aria-current="page">{esc(label)}</span>'
                     for name, label in APPS)
    return f'<nav aria-label="Apps">{links}</nav>'


def _header(r: ViewReport, current: str, lead: str) -> str:
    title = r.metadata.get("title") or r.report_id
    return (f'{_nav(current)}<p class="muted"><b>{esc(title)}</b> · cite as <b>{esc(r.label)}</b></p>'
            f"<p>{esc(lead)}</p>")


def _open(report: ViewReport | None, name: str):
    """(report, None) or (None, error app)."""
    if report is not None:
        return report, None
    try:
        return app_report(), None
    except (ReportError, OSError, ValueError) as exc:
        return None, HTMLApp(error_panel(exc), f"{name}: the report could not be opened ({exc})")


def _kind_legend() -> str:
    return '<p class="legend">' + "".join(
        f'<span><i class="sw" style="background:{c}"></i>{esc(KIND_LABEL[k])}</span>'
        for k, c in KIND_COLOUR.items() if k != "other") + "</p>"


def _statement_rows(r: ViewReport, statements: list[dict]) -> list[list[str]]:
    return [[f'<span class="para">{s["para"]}</span>', esc(s["speaker"]), esc(s.get("verb") or "(continued)"),
             f'<span class="ctx">{highlight(r.text.get(s["para"], ""), [(s["start"], s["end"])])}</span>']
            for s in statements]


# ---------------------------------------------------------------------------- Overview

def overview_html(r: ViewReport) -> str:
    md = r.metadata
    n_st = len(r.statements)
    cards = [(len(r.paragraphs), "paragraphs"), (len(r.meetings), "meetings"),
             (sum(1 for _, n in queries.speaker_counts(r) if n), "speakers"), (n_st, "statements"),
             (len({m["key"] for m in r.mentions if m["kind"] == "mission"}), "missions named"),
             (len(queries.theme_options(r)), "themes")]
    period = " to ".join(x for x in (md.get("period_start"), md.get("period_end")) if x)
    facts = [("Body", md.get("body")), ("Document date", md.get("date")), ("Period covered", period),
             ("Chair", md.get("chair")), ("Symbol", md.get("symbol") or "(none found)"),
             ("File", (md.get("source") or "").rsplit("/", 1)[-1])]
    counts = [(sp["name"], n, KIND_COLOUR.get(sp["kind"], "#666")) for sp, n in queries.speaker_counts(r) if n]
    themes = [(label, n, OKABE_ITO["green"]) for label, n in queries.theme_counts(r)]
    mt = r.meetings
    meet_rows = [[esc(m.get("date")), esc(m.get("title")), esc(m.get("format") or ""), esc(m.get("chair") or ""),
                  f'{m.get("first_para")}–{m.get("last_para")}'] for m in mt]
    csv_counts = csv_text(["speaker", "kind", "statements", "paragraphs", "citation"],
                          ([sp["name"], sp["kind"], n, len({s["para"] for s in queries.statements_of(r, sp["speaker_id"])}),
                            r.cite({s["para"] for s in queries.statements_of(r, sp["speaker_id"])})]
                           for sp, n in queries.speaker_counts(r) if n))
    csv_meet = csv_text(["meeting_id", "date", "title", "format", "chair", "first_para", "last_para", "citation"],
                        ([m["meeting_id"], m["date"], m["title"], m.get("format") or "", m.get("chair") or "",
                          m["first_para"], m["last_para"], r.cite(range(m["first_para"], m["last_para"] + 1))]
                         for m in mt))
    body = (
        _header(r, "overview", "What this report is, when the Working Group met, who spoke and about what. "
                               "Open Speakers, Themes or Missions above to dig in; every row there carries the "
                               "paragraph number to cite.")
        + '<div class="cards">' + "".join(f"<div class='card'><b>{n}</b>{esc(label)}</div>" for n, label in cards)
        + "</div>"
        + '<table class="kt facts"><tbody>' + "".join(f"<tr><th scope='row'>{esc(k)}</th><td>{esc(v)}</td></tr>"
                                                    for k, v in facts if v) + "</tbody></table>"
        + "<h3>Meetings on a timeline</h3>"
        + charts.timeline(mt, md.get("period_start"), md.get("period_end"))
        + table(["Date", "Meeting", "Format", "Chair", "Paragraphs"], meet_rows, numeric=(4,))
        + '<div class="cols"><div><h3>Who spoke how often</h3>' + _kind_legend()
        + charts.bar_chart(counts, title="Statements per speaker", width=600)
        + '</div><div><h3>Themes at a glance</h3><p class="muted">Paragraphs that name each theme</p>'
        + charts.bar_chart(themes, title="Paragraphs per theme", width=600, label_width=300)
        + "</div></div><h3>Download what is on screen</h3>"
        + download_link(f"{r.report_id}-speakers.csv", csv_counts, "Statements per speaker (CSV)")
        + download_link(f"{r.report_id}-meetings.csv", csv_meet, "Meetings (CSV)"))
    return panel(body)


def overview_app(report: ViewReport | None = None) -> HTMLApp:
    """The landing page: metadata, meetings on a timeline, who spoke, themes, links to the other apps."""
    r, err = _open(report, "Overview")
    if err:
        return err
    return HTMLApp(overview_html(r), f"Overview of {r.report_id}: {len(r.paragraphs)} paragraphs, "
                                     f"{len(r.meetings)} meetings, {len(r.statements)} statements")


# ---------------------------------------------------------------------------- widgets

def _widgets():
    import ipywidgets as w

    return w


def _make_app_class():
    w = _widgets()

    class KitApp(w.VBox):
        """A VBox with a short, stable text representation (for notebooks and nbval)."""

        def __init__(self, summary: str, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._summary = summary

        def __repr__(self) -> str:
            return self._summary

    return KitApp


def _html(cls: str, value: str = ""):
    h = _widgets().HTML(value=value)
    h.add_class(cls)
    return h


def _guard(out, fn: Callable[[], str]) -> None:
    """Redraw ``out`` with ``fn()``; an unexpected error shows as a message, not a traceback."""
    try:
        out.value = fn()
    except Exception as exc:  # noqa: BLE001 - shown to the user instead of a traceback
        out.value = panel(f'<div class="error" role="alert"><h2>Something went wrong here</h2>'
                          f"<p>{esc(type(exc).__name__)}: {esc(exc)}</p></div>")


# ---------------------------------------------------------------------------- Speakers

def speakers_html(r: ViewReport, sid: str | None, other: str | None = None) -> str:
    if not sid or sid not in r.speaker:
        return panel('<p class="muted">Choose a delegation or briefer above.</p>')
    sp = r.speaker[sid]
    sts = queries.statements_of(r, sid)
    paras = sorted({s["para"] for s in sts})
    themes = queries.themes_of(r, sid)
    partners = queries.joint_partners(r, sid)
    who = f"{sp['name']} ({KIND_LABEL.get(sp['kind'], sp['kind'])})"
    extra = ", ".join(x for x in (sp.get("title"), sp.get("organization")) if x and x != "representative")
    head = (f"<h3>{esc(who)}: {len(sts)} statement{'s' if len(sts) != 1 else ''}</h3>"
            + (f'<p class="muted">{esc(extra)}</p>' if extra else "")
            + (f"<p>Cite as: <b>{esc(r.cite(paras))}</b></p>" if paras else ""))
    fname = f"{r.report_id}-{sid.replace(':', '-')}"
    downloads = (download_link(f"{fname}-statements.csv", queries.statements_csv(r, sts), "Statements (CSV)")
                 + download_link(f"{fname}-statements.md",
                                 queries.statements_markdown(r, sts, f"Statements by {sp['name']}"),
                                 "Briefing note (Markdown)", mime="text/markdown"))
    theme_chart = charts.bar_chart([(label, n, OKABE_ITO["green"]) for label, n, _ in themes],
                                   title="Themes raised", width=560, label_width=290)
    if partners:
        joint = table(["Joined by", "Paragraphs"], ([esc(name), esc(", ".join(map(str, p)))]
                                                    for _, name, p in partners))
    else:
        joint = '<p class="muted">No joint statements.</p>'
    names, counts = queries.joint_matrix(r)
    matrix = ("<details><summary>Who spoke together: every delegation's joint statements (matrix)</summary>"
              "<p class='muted'>Each cell counts the joint statements two speakers made together.</p>"
              + charts.heatmap(names, names, counts, corner="spoke with →") + "</details>") if names else ""
    body = (head + downloads
            + '<div class="cols"><div><h4>Themes raised (statements)</h4>' + theme_chart
            + "</div><div><h4>Joint statements</h4>" + joint + "</div></div>" + matrix)
    if other and other in r.speaker and other != sid:
        o = r.speaker[other]
        rows = queries.compare_speakers(r, sid, other)
        body += (f"<h3>Side by side: {esc(sp['name'])} and {esc(o['name'])}</h3>"
                 + table(["Theme", sp["name"], "paras", o["name"], "paras"],
                         ([esc(t), str(na), esc(", ".join(map(str, pa))), str(nb), esc(", ".join(map(str, pb)))]
                          for t, na, nb, pa, pb in rows), numeric=(1, 3), empty="Neither raised a theme."))
    body += ("<h3>Every statement, in context</h3><p class='muted'>The attributed words are "
             "<mark>highlighted</mark> inside their paragraph.</p>"
             + table(["Para.", "Speaker", "Verb", "Paragraph text"], _statement_rows(r, sts), numeric=(0,)))
    if other and other in r.speaker and other != sid:
        body += (f"<h3>Statements by {esc(r.speaker[other]['name'])}</h3>"
                 + table(["Para.", "Speaker", "Verb", "Paragraph text"],
                         _statement_rows(r, queries.statements_of(r, other)), numeric=(0,)))
    return panel(body)


def speakers_app(report: ViewReport | None = None, speaker: str | None = None):
    """Pick a delegation or briefer: statements in context, themes, joint statements, comparison."""
    r, err = _open(report, "Speakers")
    if err:
        return err
    w = _widgets()
    options = queries.speaker_options(r)
    first = speaker or next((sid for _, sid in options if r.speaker[sid]["kind"] == "member_state"),
                            options[0][1] if options else None)
    search = w.Text(placeholder="type part of a name to filter the list", description="Find",
                    continuous_update=True, layout=w.Layout(width="520px"))
    pick = w.Dropdown(options=options, value=first, description="Speaker", layout=w.Layout(width="620px"))
    pick.add_class("kit-speaker")
    compare = w.Dropdown(options=[("— nobody —", "")] + options, value="", description="Compare",
                         layout=w.Layout(width="620px"))
    compare.add_class("kit-compare")
    out = _html("kit-out")

    def redraw(*_):
        _guard(out, lambda: speakers_html(r, pick.value, compare.value or None))

    def refilter(change):
        q = (change["new"] or "").strip().lower()
        opts = [o for o in options if q in o[0].lower()] or options
        current = pick.value
        pick.options = opts
        if current not in [v for _, v in opts]:
            pick.value = opts[0][1]

    search.observe(refilter, names="value")
    pick.observe(redraw, names="value")
    compare.observe(redraw, names="value")
    redraw()
    intro = _html("kit-head", panel(_header(r, "speakers", "Choose a delegation or briefer: every statement "
                                            "they made, with the paragraph number to cite, the themes they raised "
                                            "and who joined them. Pick a second speaker to compare.")))
    app = _make_app_class()(f"Speakers app: {r.report_id}, {len(options)} speakers",
                            [intro, w.VBox([search, pick, compare]), out])
    app.add_class("kit-app")
    return app


# ---------------------------------------------------------------------------- Themes

def themes_html(r: ViewReport, themes: list[str], query: str = "") -> str:
    themes = list(themes)
    label = ", ".join(r.theme_label.get(t, t) for t in themes) or "all themes"
    names, cols, values = queries.theme_matrix(r, themes)
    hits = queries.theme_hits(r, themes) if themes else []
    per_para: dict[int, int] = {}
    for t in r.themes:
        if not themes or t["theme"] in themes:
            per_para[t["para"]] = per_para.get(t["para"], 0) + int(t["n_hits"] or 1)
    paras = [p["para"] for p in r.paragraphs]
    firsts, seen = [], set()
    for p in r.paragraphs:
        if p.get("section") and p["section"] not in seen:
            seen.add(p["section"])
            firsts.append((p["para"], f"{p['section']}. {p.get('section_title') or ''}"))
    body = (f"<h3>Where in the report: {esc(label)}</h3>"
            + f"<p class='muted'>One cell per paragraph; coloured where the theme's terms occur "
              f"({len(per_para)} of {len(paras)} paragraphs); black lines mark the report's sections.</p>"
            + charts.para_strip(paras, per_para, sections=firsts)
            + "<h3>Who raised it</h3><p class='muted'>Statements per speaker carrying each theme.</p>"
            + charts.heatmap(names, cols, values, corner="Speaker"))
    if themes:
        csv_rows = ([h["para"], h["label"], h["speaker"], h["terms"], " ".join(h["sentence"].split()),
                     r.cite(h["para"])] for h in hits)
        body += (f"<h3>Matching sentences ({len(hits)})</h3>"
                 + download_link(f"{r.report_id}-themes.csv",
                                 csv_text(["para", "theme", "speaker", "terms", "sentence", "citation"], csv_rows),
                                 "Matching sentences (CSV)")
                 + download_link(f"{r.report_id}-themes.md", _themes_markdown(r, label, hits),
                                 "Briefing note (Markdown)", mime="text/markdown")
                 + table(["Para.", "Theme", "Speaker", "Sentence (matched terms marked)"],
                         ([f'<span class="para">{h["para"]}</span>', esc(h["label"]), esc(h["speaker"] or "—"),
                           highlight(h["sentence"], h["term_spans"], cls="term")] for h in hits), numeric=(0,)))
    else:
        body += "<p class='muted'>Choose one or more themes to list the matching sentences.</p>"
    body += search_html(r, query)
    return panel(body)


def _themes_markdown(r: ViewReport, label: str, hits: list[dict]) -> str:
    lines = [f"# {label}", "", f"Source: {r.metadata.get('title') or r.report_id} ({r.label}).", ""]
    for h in hits:
        who = f" ({h['speaker']})" if h["speaker"] else ""
        lines.append(f"- **Para. {h['para']}**{who}: {' '.join(h['sentence'].split())} ({r.cite(h['para'])})")
    if hits:
        lines += ["", f"Cite as: {r.cite([h['para'] for h in hits])}"]
    return "\n".join(lines) + "\n"


def search_html(r: ViewReport, query: str) -> str:
    query = (query or "").strip()
    if not query:
        return ""
    rows = queries.search(r, query)
    csv = csv_text(["para", "speaker", "left", "match", "right", "citation"],
                   ([x["para"], x["speaker"], x["left"], x["match"], x["right"], r.cite(x["para"])] for x in rows))
    return (f'<div class="kit-search"><h3>Search: “{esc(query)}” ({len(rows)} hit{"s" if len(rows) != 1 else ""})</h3>'
            + (download_link(f"{r.report_id}-search.csv", csv, "Search results (CSV)") if rows else "")
            + table(["Para.", "Speaker", "Keyword in context"],
                    ([f'<span class="para">{x["para"]}</span>', esc(x["speaker"] or "—"),
                      f'{esc(x["left"])}<mark>{esc(x["match"])}</mark>{esc(x["right"])}'] for x in rows),
                    numeric=(0,), empty=f"No paragraph contains “{query}”.")
            + "</div>")


def themes_app(report: ViewReport | None = None, themes: list[str] | None = None):
    """Pick themes: speaker x theme heatmap, paragraph strip, matching sentences, free-text search."""
    r, err = _open(report, "Themes")
    if err:
        return err
    w = _widgets()
    options = queries.theme_options(r)
    counts = dict(queries.theme_counts(r))
    default = themes if themes is not None else [max(options, key=lambda o: counts.get(o[0], 0))[1]] if options else []
    pick = w.SelectMultiple(options=options, value=tuple(default), rows=min(10, max(3, len(options))),
                            description="Themes", layout=w.Layout(width="620px"))
    pick.add_class("kit-themes")
    query = w.Text(placeholder="e.g. women peacekeepers — press Enter", description="Search",
                   continuous_update=False, layout=w.Layout(width="620px"))
    query.add_class("kit-query")
    out = _html("kit-out")

    def redraw(*_):
        _guard(out, lambda: themes_html(r, list(pick.value), query.value))

    pick.observe(redraw, names="value")
    query.observe(redraw, names="value")
    redraw()
    intro = _html("kit-head", panel(_header(r, "themes", "Choose one or more themes (Ctrl/Cmd-click for several): "
                                            "where they come up, who raised them, and the sentences with the "
                                            "matched terms marked. Or search for any words.")))
    app = _make_app_class()(f"Themes app: {r.report_id}, {len(options)} themes", [intro, pick, query, out])
    app.add_class("kit-app")
    return app


# ---------------------------------------------------------------------------- Missions

def missions_html(r: ViewReport, key: str | None) -> str:
    summary = queries.mission_summary(r)
    if not summary:
        return panel("<p>This report names no peacekeeping operation or political mission.</p>")
    points = [{"key": m["key"], "label": f'{m["key"]} — {m["name"]} ({m["host"]})', "lat": m["lat"], "lon": m["lon"],
               "n": m["n"]} for m in summary]
    missing = [m["key"] for m in summary if m["lat"] is None]
    body = ("<h3>Missions named in the report</h3><p class='muted'>Dot size: number of mentions; "
            "the chosen mission is orange-red. Map: Natural Earth outline, drawn offline.</p>"
            + charts.mission_map(points, selected=key)
            + (f"<p class='muted'>Not on the map (no coordinates): {esc(', '.join(missing))}</p>" if missing else "")
            + table(["Mission", "Name", "Host", "Mentions", "Paragraphs"],
                    ([f"<b>{esc(m['key'])}</b>", esc(m["name"]), esc(m["host"]), str(m["n"]),
                      esc(", ".join(map(str, m["paras"])))] for m in summary), numeric=(3,)))
    if key:
        rows = queries.mission_rows(r, key)
        info = next((m for m in summary if m["key"] == key), None)
        speakers = sorted({x["speaker"] for x in rows if x["speaker"]})
        csv = csv_text(["mission", "para", "surface", "speaker", "sentence", "citation"],
                       ([key, x["para"], x["surface"], x["speaker"], " ".join(x["sentence"].split()),
                         r.cite(x["para"])] for x in rows))
        md = "\n".join([f"# {key}" + (f" — {info['name']}" if info else ""), "",
                        f"Source: {r.metadata.get('title') or r.report_id} ({r.label}).", ""]
                       + [f"- **Para. {x['para']}**" + (f" ({x['speaker']})" if x["speaker"] else "")
                          + f": {' '.join(x['sentence'].split())} ({r.cite(x['para'])})" for x in rows]
                       + (["", f"Cite as: {r.cite([x['para'] for x in rows])}"] if rows else [])) + "\n"
        body += (f"<h3>{esc(key)}" + (f": {esc(info['name'])}" if info else "") + "</h3>"
                 + (f"<p>Cite as: <b>{esc(r.cite([x['para'] for x in rows]))}</b> · Speakers who named it: "
                    f"{esc(', '.join(speakers) or 'none (report narrative)')}</p>" if rows else "")
                 + download_link(f"{r.report_id}-{key}.csv", csv, "Mentions (CSV)")
                 + download_link(f"{r.report_id}-{key}.md", md, "Briefing note (Markdown)", mime="text/markdown")
                 + table(["Para.", "Speaker", "Named as", "Sentence"],
                         ([f'<span class="para">{x["para"]}</span>', esc(x["speaker"] or "—"), esc(x["surface"]),
                           highlight(x["sentence"], [x["mark"]])] for x in rows), numeric=(0,)))
    return panel(body)


def missions_app(report: ViewReport | None = None, mission: str | None = None):
    """A map of the missions mentioned; per mission the paragraphs, speakers and sentences."""
    r, err = _open(report, "Missions")
    if err:
        return err
    w = _widgets()
    summary = queries.mission_summary(r)
    options = [(f"{m['key']} — {m['name']} ({m['n']} mention{'s' if m['n'] != 1 else ''})", m["key"])
               for m in summary]
    pick = w.Dropdown(options=options, value=mission or (options[0][1] if options else None),
                      description="Mission", layout=w.Layout(width="820px"))
    pick.add_class("kit-mission")
    out = _html("kit-out")

    def redraw(*_):
        _guard(out, lambda: missions_html(r, pick.value))

    pick.observe(redraw, names="value")
    redraw()
    intro = _html("kit-head", panel(_header(r, "missions", "Peacekeeping operations and political missions the "
                                            "report names, by acronym or by full name. Choose one to read every "
                                            "sentence that names it, with who was speaking.")))
    app = _make_app_class()(f"Missions app: {r.report_id}, {len(options)} missions", [intro, pick, out])
    app.add_class("kit-app")
    return app
