"""The four Voilà apps: Overview, Speakers, Themes, Missions.

Each ``*_app()`` opens the report (:func:`~kit.views.data.app_report`) and
returns something a notebook cell displays. A report that cannot be opened
gives a friendly panel naming the file, never a traceback. ipywidgets is
imported only here, and only by the three interactive apps. The HTML comes
from autoescaping templates (:func:`~kit.views.html.render`), so report text
never becomes markup.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Callable
from urllib.parse import parse_qs, urlencode

from markupsafe import Markup

from .. import i18n
from ..display import meeting_format, speaker_names
from ..errors import ReportError
from ..i18n import language_names, ngettext
from ..schema import DOCUMENT_COLUMNS
from . import charts, corpus, queries
from .data import ViewReport, app_report
from .html import (KIND_COLOUR, OKABE_ITO, _, csv_download, error_panel, highlight, kind_label,
                   markdown_download, panel, para_ref, render, table)
from .registry import APPS as REGISTRY
from .registry import app_named

__all__ = ["overview_app", "speakers_app", "themes_app", "missions_app", "HTMLApp", "APPS", "MAX_QUERY",
           "speaker_aliases", "find_speakers", "app_language", "localized", "LANGUAGE_NAMES"]

#: The languages a participant can switch the apps to, each named in its own language.
LANGUAGE_NAMES = language_names()

#: The exploration apps built in this module (the navigation bar lists every app of the registry).
APPS = [(a.name, a.title) for a in REGISTRY if a.builder.startswith(__name__ + ":")]

#: Longest search the Themes app runs (characters); longer queries are cut, with a visible note.
MAX_QUERY = 200
#: Most paragraphs a search shows in both languages (when the room has both versions of the report).
MAX_BILINGUAL = 20
#: On a corpus, most rows a table of statements or sentences shows, and most speakers a heatmap shows (the
#: downloads keep every row): a page of a hundred documents stays light enough for a phone.
MAX_CORPUS_ROWS = 150
MAX_CORPUS_NAMES = 30


def _shown(r: ViewReport, rows: list) -> tuple[list, Markup]:
    """``rows`` as a table on the page shows them: on a corpus the first :data:`MAX_CORPUS_ROWS`, with a line
    saying so (the download holds them all); one report: all of them."""
    if not r.is_corpus or len(rows) <= MAX_CORPUS_ROWS:
        return rows, Markup("")
    return rows[:MAX_CORPUS_ROWS], Markup('<p class="muted" role="note">{}</p>').format(
        _("Showing the first {shown} of {total} rows; the download holds them all.").format(
            shown=_number(MAX_CORPUS_ROWS), total=_number(len(rows))))


class HTMLApp:
    """Static HTML for a notebook output (no widgets: the fastest thing Voilà can show)."""

    def __init__(self, html: str, summary: str) -> None:
        self.html = html
        self.summary = summary

    def _repr_html_(self) -> str:
        return str(self.html)

    def __repr__(self) -> str:
        return self.summary


def app_language(lang: str | None = None) -> str:
    """The language of this app page, made the kernel's default: ``lang``, else the page's ``?lang=``, else
    the room's ``$KIT_LANG`` (``kit serve --lang``), else the browser's language (its ``Accept-Language``
    header, which the kit's ``voila.json`` has Voilà pass to the kernel as ``HTTP_ACCEPT_LANGUAGE``), else
    English. Each Voilà page is a kernel of its own, so the default is the page's language; the apps' text,
    dates and numbers follow it.

    >>> app_language("fr-FR"), app_language("en")
    ('fr', 'en')
    """
    asked = lang or _query_param("lang")
    if not asked and not os.environ.get(i18n.LANG_ENV, "").strip():
        asked = i18n.preferred_language(os.environ.get("HTTP_ACCEPT_LANGUAGE"))
    return i18n.set_language(asked or None)


def _switch_links() -> list[tuple[str, str, str]]:
    """(code, name, href) of each language: this page's address with ``lang`` changed, other parameters kept."""
    params = {k: v[-1] for k, v in parse_qs(os.environ.get("QUERY_STRING") or "").items()}
    return [(code, name, "?" + urlencode({**params, "lang": code})) for code, name in LANGUAGE_NAMES]


def _nav(current: str) -> Markup:
    return render("nav.html.j2", apps=REGISTRY, current=current, lang=i18n.get_language(), switch=_switch_links())


def _header(r: ViewReport, current: str, lead: str) -> Markup:
    documents = ngettext("{n} document", "{n} documents", len(r.labels)).format(n=_number(len(r.labels))) \
        if r.is_corpus else ""
    return render("header.html.j2", app_title=app_named(current).title, nav=_nav(current),
                  title=r.metadata.get("title") or r.report_id, label=r.label, lead=lead, documents=documents,
                  span=corpus.date_range(r) if r.is_corpus else "")


def _ref(r: ViewReport, row: dict) -> Markup:
    """The first cell of a row of a table: its paragraph number, or in a corpus its citation (which document)."""
    return para_ref(r.cite_rows([row]) if r.is_corpus else row["para"])


def _ref_column(r: ViewReport) -> str:
    return _("Cite as") if r.is_corpus else _("Para.")


_LOCALIZED: dict[tuple[int, str], tuple[ViewReport, ViewReport]] = {}


def localized(r: ViewReport, lang: str | None = None) -> ViewReport:
    """``r`` as the apps show it in ``lang``: theme labels from that language's column of ``themes.csv``
    (``label_fr``), mission names from ``missions.csv`` (``fr_name``), States by their names in that language
    (:func:`kit.display.speaker_names`: « Maroc ») and citations in that language ("par. 26 à 28"). The report's
    own text (quotes, persons' names, meeting titles) is unchanged.

    >>> r = localized(app_report(), "fr")
    >>> r.cite([27, 26, 28]).endswith("par. 26 à 28")
    True
    """
    lang = i18n.normalize(lang)
    memo = _LOCALIZED.get((id(r), lang))
    if memo is not None and memo[0] is r:
        return memo[1]
    from ..gazetteer import load_gazetteer

    g = load_gazetteer()
    missions = {k: {**m, "name": g.label("mission", k, lang) or m.get("name") or k} for k, m in r.missions.items()}
    names = speaker_names(r.speakers, lang)  # a State's name in the page's language (« Maroc »)
    view = dataclasses.replace(r, themes=[{**t, "label": g.label("theme", t["theme"], lang) or t["label"]}
                                          for t in r.themes],
                               speakers=[{**s, "name": names.get(s["speaker_id"], s["name"])} for s in r.speakers],
                               statements=[{**s, "speaker": names.get(s["speaker_id"], s["speaker"])}
                                           for s in r.statements] if names else r.statements,
                               missions=missions, cite_lang=lang)
    _LOCALIZED[(id(r), lang)] = (r, view)
    return view


def _open(report: ViewReport | None, name: str, lang: str | None = None):
    """(report in the page's language, None) or (None, error app)."""
    lang = app_language(lang)
    if report is not None:
        return localized(report, lang), None
    try:
        return localized(app_report(), lang), None
    except (ReportError, OSError, ValueError) as exc:
        return None, HTMLApp(error_panel(exc), f"{name}: the report could not be opened ({exc})")


def _kind_legend() -> Markup:
    return render("legend.html.j2", kinds=[(c, kind_label(k)) for k, c in KIND_COLOUR.items() if k != "other"])


def _number(n: int) -> str:
    """A count as the page's language writes it ("1,000", "1 000"); Babel only for a language other than English."""
    return i18n.format_number(n, i18n.get_language())


def _statement_rows(r: ViewReport, statements: list[dict]) -> list[list]:
    return [[_ref(r, s), s["speaker"], s.get("verb") or _("(continued)"),
             Markup('<span class="ctx">{}</span>').format(highlight(r.para_text(s), [(s["start"], s["end"])]))]
            for s in statements]


# ---------------------------------------------------------------------------- Overview

def overview_html(r: ViewReport) -> Markup:
    md = r.metadata
    lang = i18n.get_language()
    counted = [(len(r.paragraphs), ngettext("paragraph", "paragraphs", len(r.paragraphs))),
               (len(r.meetings), ngettext("meeting", "meetings", len(r.meetings))),
               (sum(1 for _sp, n in queries.speaker_counts(r) if n), None), (len(r.statements), None),
               (len({m["key"] for m in r.mentions if m["kind"] == "mission"}), None),
               (len(queries.theme_options(r)), None)]
    counted[2] = (counted[2][0], ngettext("speaker", "speakers", counted[2][0]))
    counted[3] = (counted[3][0], ngettext("statement", "statements", counted[3][0]))
    counted[4] = (counted[4][0], ngettext("mission named", "missions named", counted[4][0]))
    counted[5] = (counted[5][0], ngettext("theme raised", "themes raised", counted[5][0]))
    cards = [(_number(n), word) for n, word in counted]
    period = _("{start} to {end}").format(start=i18n.format_date(md.get("period_start"), lang),
                                          end=i18n.format_date(md.get("period_end"), lang)) \
        if md.get("period_start") and md.get("period_end") else \
        i18n.format_date(md.get("period_start") or md.get("period_end"), lang)
    facts = [(_("Body"), md.get("body")), (_("Document date"), i18n.format_date(md.get("date"), lang)),
             (_("Period covered"), period), (_("Chair"), md.get("chair")),
             (_("Symbol"), md.get("symbol") or _("(none found)")),
             (_("File"), (md.get("source") or "").rsplit("/", 1)[-1])]
    counts = [(sp["name"], n, KIND_COLOUR.get(sp["kind"], "#666")) for sp, n in queries.speaker_counts(r) if n]
    themes = [(label, n, OKABE_ITO["green"]) for label, n in queries.theme_counts(r)]
    mt = r.meetings
    meet_rows = [[i18n.format_date(m.get("date"), lang), m.get("title"), meeting_format(m.get("format"), lang),
                  m.get("chair") or "",
                  f'{m.get("first_para")}–{m.get("last_para")}'] for m in mt]
    per_speaker = ([sp["name"], sp["kind"], n, len({queries.para_key(r, s) for s in sts}), r.cite_rows(sts)]
                   for sp, n, sts in ((sp, n, queries.statements_of(r, sp["speaker_id"]))
                                      for sp, n in queries.speaker_counts(r) if n))
    per_meeting = ([m["meeting_id"], m["date"], m["title"], m.get("format") or "", m.get("chair") or "",
                    m["first_para"], m["last_para"], _cite_meeting(r, m)] for m in mt)
    downloads = Markup("").join([
        csv_download(_file(r, _("speakers"), "csv"), ["speaker", "kind", "statements", "paragraphs", "citation"],
                     per_speaker, _("Statements per speaker (CSV)")),
        csv_download(_file(r, _("meetings"), "csv"), ["meeting_id", "date", "title", "format", "chair",
                                                      "first_para", "last_para", "citation"], per_meeting,
                     _("Meetings (CSV)"))])
    if r.is_corpus:
        return _corpus_overview(r, cards, counts, themes, downloads)
    body = render(
        "overview.html.j2",
        header=_header(r, "overview", _("What this report is, when the Working Group met, who spoke and about "
                                        "what. Open Speakers, Themes or Missions above to dig in; every row there "
                                        "carries the paragraph number to cite.")),
        cards=cards, facts=[(k, v) for k, v in facts if v],
        timeline=charts.timeline(mt, md.get("period_start"), md.get("period_end")),
        meetings=table([_("Date"), _("Meeting"), _("Format"), _("Chair"), _("Paragraphs")], meet_rows, numeric=(4,),
                       cls="kt stack"),
        legend=_kind_legend(), speaker_bars=charts.bar_chart(counts, title=_("Statements per speaker")),
        theme_bars=charts.bar_chart(themes, title=_("Paragraphs per theme")), downloads=downloads)
    return panel(body)


def _cite_meeting(r: ViewReport, m: dict) -> str:
    """The paragraphs of a meeting as a citation of its document ("" for a meeting without them)."""
    if m.get("first_para") is None or m.get("last_para") is None:
        return ""
    return r.cite_rows({"report_id": m["report_id"], "para": p} for p in range(m["first_para"], m["last_para"] + 1))


def _corpus_overview(r: ViewReport, cards: list, counts: list, themes: list, downloads: Markup) -> Markup:
    """The Overview of a corpus: its documents (kind, body, date, symbol, language), meetings over time, who
    spoke and the themes across every document."""
    lang = i18n.get_language()
    languages = dict(LANGUAGE_NAMES)
    docs = r.documents
    doc_rows = [[i18n.format_date(d["date"], lang) if d["date"] else "—", corpus.kind_label(d["kind"]), d["body"] or "—",
                 d["symbol"] or d["report_id"], languages.get(d["language"], d["language"] or "—"),
                 _number(d["n_paragraphs"]), _number(d["n_statements"])] for d in docs]
    cards = [(_number(len(docs)), ngettext("document", "documents", len(docs))), *cards]
    by, per_period = corpus.meetings_over_time(r)
    meet_rows = [[i18n.format_date(m.get("date"), lang), corpus.document_label(r, m["report_id"]), m.get("title"),
                  meeting_format(m.get("format"), lang), _cite_meeting(r, m)]
                 for m in sorted(r.meetings, key=lambda m: (str(m.get("date") or ""), m["report_id"]))]
    per_document = ([d["report_id"], d["kind"], d["body"] or "", d["date"] or "", d["symbol"] or "",
                     d["language"] or "", d["title"] or "", d["n_paragraphs"], d["n_statements"]] for d in docs)
    downloads = csv_download(_file(r, _("documents"), "csv"), list(DOCUMENT_COLUMNS), per_document,
                             _("Documents (CSV)")) + downloads
    body = render(
        "overview_corpus.html.j2",
        header=_header(r, "overview", _("What these documents are, when they met, who spoke and about what, "
                                        "across every document. Open Speakers, Themes or Missions above to dig "
                                        "in; every row there cites its document and paragraph.")),
        cards=cards,
        documents=table([_("Date"), _("Kind"), _("Body"), _("Document"), _("Language"), _("Paragraphs"),
                         _("Statements")], doc_rows, numeric=(5, 6), cls="kt stack"),
        over_time=charts.bar_chart([(label, n, OKABE_ITO["blue"]) for label, n in per_period],
                                   title=_("Meetings per year") if by == "year" else _("Meetings per month")),
        meetings=table([_("Date"), _("Document"), _("Meeting"), _("Format"), _("Cite as")], meet_rows,
                       cls="kt stack"),
        legend=_kind_legend(), speaker_bars=charts.bar_chart(counts[:40], title=_("Statements per speaker")),
        theme_bars=charts.bar_chart(themes, title=_("Paragraphs per theme")), downloads=downloads)
    return panel(body)


def _file(r: ViewReport, what: str, suffix: str) -> str:
    """A download's file name: the report, what it holds (in the page's language), the suffix."""
    return f"{r.report_id}-{'-'.join(what.lower().split())}.{suffix}"


def overview_app(report: ViewReport | None = None, lang: str | None = None) -> HTMLApp:
    """The landing page: metadata, meetings on a timeline, who spoke, themes, links to the other apps."""
    r, err = _open(report, "Overview", lang)
    if err:
        return err
    return HTMLApp(overview_html(r), f"Overview of {r.report_id}: {len(r.paragraphs)} paragraphs, "
                                     f"{len(r.meetings)} meetings, {len(r.statements)} statements")


# ---------------------------------------------------------------------------- widgets

def _widgets():
    import ipywidgets as w

    return w


_CLASSES: dict = {}


def _make_app_class():
    if "KitApp" not in _CLASSES:
        w = _widgets()

        class KitApp(w.VBox):
            """A VBox with a short, stable text representation (for notebooks and nbval)."""

            def __init__(self, summary: str, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._summary = summary

            def __repr__(self) -> str:
                return self._summary

        _CLASSES["KitApp"] = KitApp
    return _CLASSES["KitApp"]


def _safe(kind: str):
    """The widget class ``kind`` (e.g. ``"Dropdown"``) that refuses a bad state sent from a browser cleanly.

    A comm message with an impossible value (a Dropdown index of 99999) raises inside ``set_state``;
    ipywidgets would then show the traceback, with server paths, in the browser. Instead the widget
    sends its last valid state back and calls its ``on_bad_state`` callbacks with a short message for
    the participant (the apps show it in their status line).
    """
    if kind not in _CLASSES:
        base = getattr(_widgets(), kind)

        def set_state(self, sync_data):
            try:
                base.set_state(self, sync_data)
            except Exception:  # noqa: BLE001 - a bad state from the browser is refused, not raised
                try:
                    self.send_state()
                except Exception:  # noqa: BLE001
                    pass
                for cb in getattr(self, "_bad_state_callbacks", []):
                    cb(_("That choice could not be used, so the page keeps the last valid one."))

        def on_bad_state(self, callback: Callable[[str], None]) -> None:
            self._bad_state_callbacks = [*getattr(self, "_bad_state_callbacks", []), callback]

        _CLASSES[kind] = type(f"Kit{kind}", (base,), {"set_state": set_state, "on_bad_state": on_bad_state,
                                                      "__module__": __name__})
    return _CLASSES[kind]


def _quiet_tracebacks() -> None:
    """In a Voilà kernel, an error that still reaches IPython's traceback display (a bad message to any other
    widget) goes to the browser as one plain sentence: no traceback, no server paths.

    Voilà's ``show_tracebacks: false`` covers only the notebook's own cells, not widget messages. Only app
    kernels started by Voilà (``SERVER_SOFTWARE=voila/...``) are changed; a workshop notebook keeps its
    tracebacks.
    """
    if not str(os.environ.get("SERVER_SOFTWARE", "")).startswith("voila/"):
        return
    try:
        from IPython import get_ipython
    except ImportError:
        return
    ip = get_ipython()
    if ip is None or getattr(ip, "_kit_quiet_tracebacks", False) or not hasattr(ip, "_showtraceback"):
        return
    show = ip._showtraceback
    plain = _("The app could not use that request; the page keeps working.")

    def _showtraceback(etype, evalue, stb):
        show(Exception, plain, [plain])  # the class name and message could name server details too

    ip._showtraceback = _showtraceback
    ip._kit_quiet_tracebacks = True


def _control(kind: str, cls: str, status, **kwargs):
    """A widget that fills the width up to ``max_width`` (phones), with a CSS class and a clean error path."""
    w = _widgets()
    _quiet_tracebacks()
    layout = w.Layout(width="100%", max_width=kwargs.pop("max_width", "640px"))
    widget = _safe(kind)(layout=layout, style={"description_width": "initial"}, **kwargs)
    widget.add_class(cls)
    widget.on_bad_state(lambda message: setattr(status, "value", _message(message, alert=True)))
    return widget


def _message(text: str, alert: bool = False) -> Markup:
    if not text:
        return Markup("")
    role = "alert" if alert else "status"
    return Markup('<p class="kit-note" role="{}">{}</p>').format(role, text)


def _html(cls: str, value: str = ""):
    h = _widgets().HTML(value=str(value))
    h.add_class(cls)
    return h


def _guard(out, fn: Callable[[], str]) -> None:
    """Redraw ``out`` with ``fn()``; an unexpected error shows as a message, not a traceback."""
    try:
        out.value = str(fn())
    except Exception as exc:  # noqa: BLE001 - shown to the user instead of a traceback
        out.value = str(panel(Markup('<div class="error" role="alert"><h2>{}</h2>'
                                     '<p>{}: {}</p></div>').format(_("Something went wrong here"),
                                                                   type(exc).__name__, exc)))


def _query_param(name: str) -> str | None:
    """A parameter of the page's address (Voilà passes it to the kernel as ``QUERY_STRING``)."""
    values = parse_qs(os.environ.get("QUERY_STRING") or "").get(name)
    return values[0] if values else None


# ---------------------------------------------------------------------------- Speakers

def speakers_html(r: ViewReport, sid: str | None, other: str | None = None,
                  alt: ViewReport | None = None) -> Markup:
    """The chosen speaker's panel; with ``alt``, the other language version of the report, their statements
    in both languages side by side (:mod:`kit.views.bilingual`)."""
    if not sid or sid not in r.speaker:
        return panel(Markup('<p class="muted">{}</p>').format(_("Choose a delegation or briefer above.")))
    sp = r.speaker[sid]
    sts = queries.statements_of(r, sid)
    partners = queries.joint_partners(r, sid)
    what = _("statements")
    fname = f"{sid.replace(':', '-')}-{what}"
    downloads = Markup("").join([
        csv_download(_file(r, fname, "csv"), queries.STATEMENT_COLUMNS, queries.statement_rows(r, sts),
                     _("Statements (CSV)")),
        markdown_download(_file(r, fname, "md"),
                          queries.note_markdown(r, _("Statements by {name}").format(name=sp["name"]),
                                                [(s["para"], s["speaker"], s["text"], s["report_id"]) for s in sts]))])
    names, counts = queries.joint_matrix(r)
    if r.is_corpus:  # the speakers most often summarised together (a corpus has them all)
        names, counts = names[:MAX_CORPUS_NAMES], [row[:MAX_CORPUS_NAMES] for row in counts[:MAX_CORPUS_NAMES]]
    has_other = bool(other and other in r.speaker and other != sid)
    o = r.speaker[other] if has_other else {}
    compare = compare_table(r, sid, other) if has_other else None
    from .bilingual import side_by_side_html, speaker_pairs

    across = None
    if r.is_corpus:
        n, n_docs, first, last = corpus.speaker_span(r, sid)
        years = first if first == last else f"{first}–{last}"
        across = {"line": ngettext("{name}: {n} statement in {docs}", "{name}: {n} statements in {docs}", n).format(
                      name=sp["name"], n=_number(n),
                      docs=ngettext("{n} document", "{n} documents", n_docs).format(n=_number(n_docs)))
                  + (f", {years}" if years else ""),
                  "table": table([_("Date"), _("Document"), _("Kind"), _("Statements"), _("Cite as")],
                                 ([i18n.format_date(d["date"], i18n.get_language()) if d["date"] else "—",
                                   d["label"], corpus.kind_label(d["kind"]), _number(d["statements"]), d["citation"]]
                                  for d in corpus.speaker_documents(r, sid)), numeric=(3,), cls="kt stack")}
    body = render(
        "speaker.html.j2",
        who=f"{sp['name']} ({kind_label(sp['kind'])})", n=len(sts), across=across,
        extra=", ".join(x for x in (sp.get("title"), sp.get("organization")) if x and x != "representative"),
        citation=r.cite_rows(sts) if sts else "", downloads=downloads,
        theme_chart=charts.bar_chart([(label, n, OKABE_ITO["green"]) for label, n, _p in queries.themes_of(r, sid)],
                                     title=_("Themes raised")),
        joint=table([_("Joined by"), _("Paragraphs")], ([name, queries.para_list(r, p)] for _s, name, p in partners),
                    cls="kt stack") if partners else None,
        matrix=charts.heatmap(names, names, counts, corner=_("spoke with →"),
                              title=_("Sentences summarising each pair of speakers together")) if names else None,
        compare=compare, name=sp["name"], other_name=o.get("name", ""),
        bilingual="" if r.is_corpus else side_by_side_html(r, alt, speaker_pairs(r, alt, sid),
                                                           _("{name} in both languages").format(name=sp["name"])),
        statements=_capped_table(r, _statement_columns(r), _statement_rows(r, _shown(r, sts)[0]), len(sts)),
        other_statements=table(_statement_columns(r), _statement_rows(r, queries.statements_of(r, other)),
                               numeric=(0,), cls="kt stack") if has_other else None)
    return panel(body)


def compare_table(r: ViewReport, sid: str, other: str) -> Markup:
    """The themes two speakers raised, side by side: the Speakers app's comparison (and a static site's
    comparison page, :mod:`kit.views.site`)."""
    a, b = r.speaker[sid], r.speaker[other]
    return table([_("Theme"), a["name"], _("Paragraphs"), b["name"], _("Paragraphs")],
                 ([t, str(na), queries.para_list(r, pa), str(nb), queries.para_list(r, pb)]
                  for t, na, nb, pa, pb in queries.compare_speakers(r, sid, other)),
                 numeric=(1, 3), empty=_("Neither raised a theme."), cls="kt stack")


def _capped_table(r: ViewReport, columns: list[str], rows, total: int) -> Markup:
    """A table of rows already cut by :func:`_shown`, after the line saying how many of ``total`` it shows."""
    return _shown(r, range(total))[1] + table(columns, rows, numeric=(0,), cls="kt stack")


def _statement_columns(r: ViewReport | None = None) -> list[str]:
    return [_ref_column(r) if r is not None else _("Para."), _("Speaker"), _("Verb"), _("Paragraph text")]


def speaker_aliases(r: ViewReport) -> dict[str, set[str]]:
    """Other names participants type for each Member State that speaks: lower-cased.

    The names of the kit's one resolver (:func:`kit.teaching.speakers.state_names`: the ``iso3`` code, the UN and
    running names in English and French, their initials where no other State shares them: UK, US, DRC, CAR), and
    the names of an optional ``short_names`` column of ``member_states.csv`` (``|``-separated) where a trainer can
    add more.

    >>> from kit.views import app_report
    >>> aliases = speaker_aliases(app_report())
    >>> all(a == a.lower() for names in aliases.values() for a in names) and "uk" in aliases["GBR"]
    True
    """
    from ..gazetteer import load_gazetteer
    from ..teaching.speakers import state_names

    out: dict[str, set[str]] = {}
    for row in load_gazetteer().table("member_states.csv"):
        sid = row.get("iso3", "")
        if sid not in r.speaker:
            continue
        names = [*state_names(row), *str(row.get("short_names") or "").split("|")]
        out[sid] = {n.strip().lower() for n in names if n.strip()}
    return out


def find_speakers(options: list[tuple[str, str]], aliases: dict[str, set[str]], query: str) -> list[tuple[str, str]]:
    """The dropdown options a "Find" query matches: exact short names first (UK, DRC), then names containing it.

    >>> opts = [("Ukraine — Member State", "UKR"), ("United Kingdom — Member State", "GBR")]
    >>> [sid for _, sid in find_speakers(opts, {"GBR": {"uk", "gbr"}}, "UK")]
    ['GBR', 'UKR']
    >>> find_speakers(opts, {}, "xyzq")
    []
    """
    q = " ".join((query or "").lower().split())
    if not q:
        return list(options)
    exact = [o for o in options if q in aliases.get(o[1], set())]
    partial = [o for o in options if o not in exact and (q in o[0].lower() or any(
        q in a for a in aliases.get(o[1], set()) if len(a) > 3))]
    return exact + partial


def speakers_app(report: ViewReport | None = None, speaker: str | None = None, lang: str | None = None,
                 alt: ViewReport | None = None):
    """Pick a delegation or briefer: statements in context, themes, joint statements, comparison, and (with the
    other language version of the report, ``alt`` or ``$KIT_REPORT_ALT``) their statements in both languages."""
    r, err = _open(report, "Speakers", lang)
    if err:
        return err
    from .bilingual import alt_report

    alt = alt if alt is not None else None if r.is_corpus else alt_report(r)  # a corpus: no one other version
    w = _widgets()
    options = queries.speaker_options(r)
    aliases = speaker_aliases(r)
    first = speaker or next((sid for _, sid in options if r.speaker[sid]["kind"] == "member_state"),
                            options[0][1] if options else None)
    status = _html("kit-status")
    search = _control("Text", "kit-find", status, placeholder=_("part of a name, or UK, USA, DRC …"),
                      description=_("Find a speaker"), continuous_update=True, max_width="520px")
    pick = _control("Dropdown", "kit-speaker", status, options=options, value=first, description=_("Speaker"))
    compare = _control("Dropdown", "kit-compare", status, options=[(_("— nobody —"), "")] + options, value="",
                       description=_("Compare with"))
    out = _html("kit-out")

    def redraw(*_args):
        status.value = ""
        _guard(out, lambda: speakers_html(r, pick.value, compare.value or None, alt))

    def show(opts: list[tuple[str, str]]) -> None:
        """Narrow the list to ``opts``, keeping the chosen speaker when it is still there (no jump)."""
        current = pick.value
        if [v for _, v in pick.options] != [v for _, v in opts]:
            pick.unobserve(redraw, names="value")
            try:
                pick.options = opts  # ipywidgets selects the first option here ...
                values = [v for _, v in opts]
                pick.value = current if current in values else values[0]  # ... so the choice is restored
            finally:
                pick.observe(redraw, names="value")
        if pick.value != current:
            redraw()

    def refilter(change):
        q = (change["new"] or "").strip()[:MAX_QUERY]
        found = find_speakers(options, aliases, q)
        show(found or options)
        if not found:
            status.value = str(_message(_("No speaker matches “{query}”. Try part of a name (for example "
                                          "“Kingdom”), or a short name such as UK, USA or DRC. The list "
                                          "shows every speaker, and the page still shows the speaker "
                                          "chosen before.").format(query=q), alert=True))
        else:
            status.value = str(_message(ngettext("{n} speaker found.", "{n} speakers found.",
                                                 len(found)).format(n=len(found)) if q else ""))

    search.observe(refilter, names="value")
    pick.observe(redraw, names="value")
    compare.observe(redraw, names="value")
    redraw()
    intro = _html("kit-head", panel(_header(r, "speakers", _("Choose a delegation or briefer: every statement "
                                              "they made, with the paragraph number to cite, the themes they "
                                              "raised and who joined them. Choose a second speaker to compare."))))
    app = _make_app_class()(f"Speakers app: {r.report_id}, {len(options)} speakers",
                            [intro, w.VBox([search, status, pick, compare]), out])
    app.add_class("kit-app")
    return app


# ---------------------------------------------------------------------------- Themes

def themes_html(r: ViewReport, themes: list[str], query: str = "", alt: ViewReport | None = None) -> Markup:
    """The themes panel; with ``query``, the search results first (the app shows those under its search box);
    with ``alt``, the other language version of the report, the matching paragraphs in both languages."""
    themes = list(themes)
    label = ", ".join(r.theme_label.get(t, t) for t in themes) or _("all themes")
    names, cols, values = queries.theme_matrix(r, themes)
    if r.is_corpus:  # the speakers who raised the themes most
        names, values = names[:MAX_CORPUS_NAMES], values[:MAX_CORPUS_NAMES]
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
    downloads = sentences = bilingual = None
    if themes:
        downloads = Markup("").join([
            csv_download(_file(r, _("themes"), "csv"), ["para", "theme", "speaker", "terms", "sentence", "citation"],
                         ([h["para"], h["label"], h["speaker"], h["terms"], " ".join(h["sentence"].split()),
                           r.cite_rows([h])] for h in hits), _("Matching sentences (CSV)")),
            markdown_download(_file(r, _("themes"), "md"),
                              queries.note_markdown(r, label, [(h["para"], h["speaker"], h["sentence"], h["report_id"])
                                                               for h in hits]))])
        from .bilingual import paragraph_pairs, side_by_side_html

        bilingual = "" if r.is_corpus else side_by_side_html(
            r, alt, paragraph_pairs(r, alt, sorted({h["para"] for h in hits})),
            _("{themes} in both languages").format(themes=label))
        sentences = _capped_table(r, [_ref_column(r), _("Theme"), _("Speaker"), _("Sentence (matched terms marked)")],
                                  ([_ref(r, h), h["label"], h["speaker"] or "—",
                                    highlight(h["sentence"], h["term_spans"], cls="term")] for h in _shown(r, hits)[0]),
                                  len(hits))
    over_time = None
    if r.is_corpus:  # where in the corpus: themes by year (or month), instead of one report's paragraph strip
        names_t, periods, counts_t = corpus.themes_over_time(r, themes)
        over_time = charts.heatmap(names_t, periods, counts_t, corner=_("Theme"),
                                   title=_("Paragraphs naming each theme, by period"))
    return (search_html(r, query) if query else Markup("")) + panel(render("themes.html.j2", label=label, n_hit=len(per_para), n_paras=len(paras),
                        strip=None if r.is_corpus else charts.para_strip(paras, per_para, sections=firsts),
                        over_time=over_time,
                        heatmap=charts.heatmap(names, cols, values, corner=_("Speaker"),
                                               title=_("Statements per speaker and theme")),
                        chosen=bool(themes), n_hits=len(hits), downloads=downloads, sentences=sentences,
                        bilingual=bilingual))


def search_html(r: ViewReport, query: str, alt: ViewReport | None = None) -> Markup:
    """Free-text search results (keyword in context), for the panel right under the search box; with ``alt``,
    the other language version of the report, the paragraphs found in both languages (the first
    :data:`MAX_BILINGUAL`).

    Queries longer than :data:`MAX_QUERY` characters are cut, and the panel says so.
    """
    query = (query or "").strip()
    if not query:
        return Markup("")
    cut = len(query) > MAX_QUERY
    query = query[:MAX_QUERY]
    limit = 200
    rows = queries.search(r, query, limit=limit)
    downloads = csv_download(_file(r, _("search"), "csv"), ["para", "speaker", "left", "match", "right", "citation"],
                             ([x["para"], x["speaker"], x["left"], x["match"], x["right"], r.cite_rows([x])]
                              for x in rows), _("Search results (CSV)")) if rows else ""
    table_html = table([_ref_column(r), _("Speaker"), _("Keyword in context")],
                       ([_ref(r, x), x["speaker"] or "—",
                         Markup("{}<mark>{}</mark>{}").format(x["left"], x["match"], x["right"])] for x in rows),
                       numeric=(0,), empty=_("No paragraph contains “{query}”.").format(query=query), cls="kt stack")
    bilingual = ""
    if alt is not None and rows and not r.is_corpus:
        from .bilingual import paragraph_pairs, side_by_side_html

        paras = sorted({x["para"] for x in rows})[:MAX_BILINGUAL]
        bilingual = side_by_side_html(r, alt, paragraph_pairs(r, alt, paras),
                                      _("“{query}” in both languages").format(query=query))
    return panel(render("search.html.j2", query=query, n=len(rows), limit=limit, cut=cut, cap=MAX_QUERY,
                        downloads=downloads, rows=table_html, bilingual=bilingual))


def themes_app(report: ViewReport | None = None, themes: list[str] | None = None, lang: str | None = None,
               alt: ViewReport | None = None):
    """Search the text, or pick themes: paragraph strip, speaker x theme heatmap, matching sentences (and, with
    the other language version of the report, ``alt`` or ``$KIT_REPORT_ALT``, their paragraphs in both)."""
    r, err = _open(report, "Themes", lang)
    if err:
        return err
    from .bilingual import alt_report

    alt = alt if alt is not None else None if r.is_corpus else alt_report(r)  # a corpus: no one other version
    options = queries.theme_options(r)
    counts = dict(queries.theme_counts(r))
    default = themes if themes is not None else [max(options, key=lambda o: counts.get(o[0], 0))[1]] if options else []
    status = _html("kit-status")
    query = _control("Text", "kit-query", status, placeholder=_("e.g. women peacekeepers, then press Enter"),
                     description=_("Search the report"), continuous_update=False)
    found = _html("kit-search-out")
    pick = _control("SelectMultiple", "kit-themes", status, options=options, value=tuple(default),
                    rows=min(10, max(3, len(options))), description=_("Themes"), max_width="820px")
    out = _html("kit-out")

    def redraw(*_args):
        status.value = ""
        _guard(out, lambda: themes_html(r, list(pick.value), alt=alt))

    def research(*_args):
        status.value = ""
        _guard(found, lambda: search_html(r, query.value, alt))

    pick.observe(redraw, names="value")
    query.observe(research, names="value")
    redraw()
    intro = _html("kit-head", panel(_header(r, "themes", _("Search the report for any words; the results appear "
                                              "right under the search box. Or choose one or more themes "
                                              "(Ctrl or Cmd and click for several): where they come up, who "
                                              "raised them, and the sentences with the matched terms marked."))))
    app = _make_app_class()(f"Themes app: {r.report_id}, {len(options)} themes",
                            [intro, query, status, found, pick, out])
    app.add_class("kit-app")
    return app


# ---------------------------------------------------------------------------- Missions

def missions_html(r: ViewReport, key: str | None) -> Markup:
    summary = queries.mission_summary(r)
    if not summary:
        return panel(Markup("<p>{}</p>").format(_("This report names no peacekeeping operation or political mission.")))
    points = [{"key": m["key"], "label": f'{m["key"]} — {m["name"]} ({m["host"]})', "lat": m["lat"], "lon": m["lon"],
               "n": m["n"]} for m in summary]
    missing = [m["key"] for m in summary if m["lat"] is None]
    listing = table([_("Mission"), _("Name"), _("Host"), _("Mentions"), _("Paragraphs")],
                    ([Markup("<b>{}</b>").format(m["key"]), m["name"], m["host"], str(m["n"]),
                      queries.para_list(r, m["paras"])] for m in summary), numeric=(3,), cls="kt stack")
    link = "?" + urlencode({"lang": i18n.get_language()}) + "&mission={key}"
    ctx = {"map": charts.mission_map(points, selected=key, link=link), "missing": ", ".join(missing), "table": listing,
           "key": key, "name": "", "citation": "", "speakers": "", "downloads": "", "rows": ""}
    if key:
        rows = queries.mission_rows(r, key)
        info = next((m for m in summary if m["key"] == key), None)
        ctx["name"] = info["name"] if info else ""
        if rows:
            ctx["citation"] = r.cite_rows(rows)
            ctx["speakers"] = ", ".join(sorted({x["speaker"] for x in rows if x["speaker"]})) or _("none (report narrative)")
        heading = f"{key} — {info['name']}" if info else key
        ctx["downloads"] = Markup("").join([
            csv_download(f"{r.report_id}-{key}.csv", ["mission", "para", "surface", "speaker", "sentence", "citation"],
                         ([key, x["para"], x["surface"], x["speaker"], " ".join(x["sentence"].split()),
                           r.cite_rows([x])] for x in rows), _("Mentions (CSV)")),
            markdown_download(f"{r.report_id}-{key}.md",
                              queries.note_markdown(r, heading, [(x["para"], x["speaker"], x["sentence"], x["report_id"])
                                                                 for x in rows]))])
        ctx["rows"] = table([_ref_column(r), _("Speaker"), _("Named as"), _("Sentence")],
                            ([_ref(r, x), x["speaker"] or "—", x["surface"],
                              highlight(x["sentence"], [x["mark"]])] for x in rows), numeric=(0,), cls="kt stack")
    return panel(render("missions.html.j2", **ctx))


def missions_app(report: ViewReport | None = None, mission: str | None = None, lang: str | None = None):
    """A map of the missions mentioned; per mission the paragraphs, speakers and sentences.

    Each dot on the map links to this page with ``?mission=KEY``, which opens with that mission chosen.
    """
    r, err = _open(report, "Missions", lang)
    if err:
        return err
    summary = queries.mission_summary(r)
    options = [("{} — {} ({})".format(m["key"], m["name"], ngettext("{n} mention", "{n} mentions", m["n"]).format(n=m["n"])),
                m["key"]) for m in summary]
    keys = [k for _, k in options]
    asked = mission or _query_param("mission")
    status = _html("kit-status")
    pick = _control("Dropdown", "kit-mission", status, options=options,
                    value=asked if asked in keys else (keys[0] if keys else None), description=_("Mission"),
                    max_width="820px")
    out = _html("kit-out")

    def redraw(*_args):
        status.value = ""
        _guard(out, lambda: missions_html(r, pick.value))

    pick.observe(redraw, names="value")
    redraw()
    intro = _html("kit-head", panel(_header(r, "missions", _("Peacekeeping operations and political missions the "
                                              "report names, by acronym or by full name. Choose one, in the list "
                                              "or on the map, to read every sentence that names it and who was "
                                              "speaking."))))
    app = _make_app_class()(f"Missions app: {r.report_id}, {len(options)} missions", [intro, pick, status, out])
    app.add_class("kit-app")
    return app
