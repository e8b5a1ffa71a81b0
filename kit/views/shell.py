"""The shell every Voilà app is built in: the page's language, the report in that language, the header and
navigation bar, the cells that cite a row, and the widget factory with its clean error path.

The app modules (:mod:`~kit.views.overview`, :mod:`~kit.views.speakers`, :mod:`~kit.views.themes`,
:mod:`~kit.views.missions`, :mod:`~kit.views.note_app`) each hold one app's HTML builder and its app function,
and build on the public functions here; the apps are listed once, in :mod:`kit.views.registry`.

- **Language**: :func:`app_language` (``lang``, ``?lang=``, ``$KIT_LANG``, the browser), :func:`localized` (the
  report as the page's language shows it), :func:`switch_links`.
- **Page parts**: :func:`open_report` (the report, or the friendly error panel as an :class:`HTMLApp`),
  :func:`header`, :func:`nav`, :func:`ref` / :func:`ref_column` (a row's paragraph or, on a corpus, its citation),
  :func:`shown` / :func:`capped_table` (a corpus's long tables, cut), :func:`number`, :func:`file_name`.
- **Widgets** (ipywidgets is imported only when an interactive app is built): :func:`control` (a widget that
  refuses a bad browser state cleanly, :func:`safe_widget`), :func:`html_widget`, :func:`make_app_class`,
  :func:`guard` (a redraw whose error is a message), :func:`quiet_tracebacks`, :func:`query_param`.

The HTML comes from autoescaping templates (:func:`~kit.views.html.render`), so report text never becomes markup.

Examples
--------
>>> from kit.views import app_report
>>> r, err = open_report(app_report(), "Example", "en")
>>> err is None and ref_column(r) == "Para." and file_name(r, "Speakers list", "csv")
'wgpko-2021-speakers-list.csv'
>>> repr(HTMLApp("<p>hi</p>", "a page"))
'a page'
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from urllib.parse import parse_qs, urlencode

from markupsafe import Markup

from .. import i18n
from ..display import speaker_names
from ..errors import ReportError
from ..i18n import language_names, ngettext
from . import corpus, shards
from .data import ViewReport, app_report
from .html import KIND_COLOUR, _, error_panel, highlight, kind_label, panel, para_ref, render, table
from .registry import APPS as REGISTRY
from .registry import app_named

__all__ = [
    "LANGUAGE_NAMES",
    "MAX_QUERY",
    "MAX_CORPUS_ROWS",
    "MAX_CORPUS_NAMES",
    "HTMLApp",
    "app_language",
    "localized",
    "switch_links",
    "nav",
    "header",
    "ref",
    "ref_column",
    "open_report",
    "kind_legend",
    "number",
    "statement_rows",
    "statement_columns",
    "file_name",
    "shown",
    "capped_table",
    "part",
    "widgets",
    "make_app_class",
    "safe_widget",
    "quiet_tracebacks",
    "control",
    "message",
    "html_widget",
    "guard",
    "query_param",
]

#: The languages a participant can switch the apps to, each named in its own language.
LANGUAGE_NAMES = language_names()
#: Longest search or "Find" query an app runs (characters); longer queries are cut, with a visible note.
MAX_QUERY = 200
#: On a corpus, most rows a table of statements or sentences shows, and most speakers a heatmap shows (the
#: downloads keep every row): a page of a hundred documents stays light enough for a phone.
MAX_CORPUS_ROWS = 150
MAX_CORPUS_NAMES = 30


def shown(r: ViewReport, rows: list) -> tuple[list, Markup]:
    """``rows`` as a table on the page shows them: on a corpus the first :data:`MAX_CORPUS_ROWS`, with a line
    saying so (the download holds them all); one report: all of them."""
    if not r.is_corpus or len(rows) <= MAX_CORPUS_ROWS:
        return rows, Markup("")
    return rows[:MAX_CORPUS_ROWS], Markup('<p class="muted" role="note">{}</p>').format(
        _("Showing the first {shown} of {total} rows; the download holds them all.").format(
            shown=number(MAX_CORPUS_ROWS), total=number(len(rows))
        )
    )


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
    asked = lang or query_param("lang")
    if not asked and not os.environ.get(i18n.LANG_ENV, "").strip():
        asked = i18n.preferred_language(os.environ.get("HTTP_ACCEPT_LANGUAGE"))
    return i18n.set_language(asked or None)


def switch_links() -> list[tuple[str, str, str]]:
    """(code, name, href) of each language: this page's address with ``lang`` changed, other parameters kept."""
    params = {k: v[-1] for k, v in parse_qs(os.environ.get("QUERY_STRING") or "").items()}
    return [(code, name, "?" + urlencode({**params, "lang": code})) for code, name in LANGUAGE_NAMES]


def nav(current: str) -> Markup:
    return render("nav.html.j2", apps=REGISTRY, current=current, lang=i18n.get_language(), switch=switch_links())


def header(r: ViewReport, current: str, lead: str, several: bool = False) -> Markup:
    """The top of an app: its title, the apps' links, the report, what to do here (``lead``) and, where the app
    has a list to choose several from (``several``), how to: with the keyboard on a computer, by touch on a phone
    (the stylesheet shows the one that fits the screen)."""
    documents = (
        ngettext("{n} document", "{n} documents", len(r.labels)).format(n=number(len(r.labels))) if r.is_corpus else ""
    )
    return render(
        "header.html.j2",
        app_title=app_named(current).title,
        nav=nav(current),
        title=r.metadata.get("title") or r.report_id,
        label=r.label,
        lead=lead,
        several=several,
        documents=documents,
        span=corpus.date_range(r) if r.is_corpus else "",
    )


def ref(r: ViewReport, row: dict) -> Markup:
    """The first cell of a row of a table: its paragraph number, or in a corpus its citation (which document)."""
    return para_ref(r.cite_rows([row]) if r.is_corpus else row["para"])


def ref_column(r: ViewReport) -> str:
    return _("Cite as") if r.is_corpus else _("Para.")


_LOCALIZED: dict[tuple[int, str], tuple[ViewReport, ViewReport]] = {}


def localized(r: ViewReport, lang: str | None = None) -> ViewReport:
    """``r`` as the apps show it in ``lang``: theme labels from that language's column of ``themes.csv``
    (``label_fr``), mission names and hosts from ``missions.csv`` (``fr_name``, ``fr_host``), States by their
    names in that language (:func:`kit.display.speaker_names`: « Maroc ») and citations in that language
    ("par. 26 à 28"). The report's own text (quotes, persons' names, meeting titles) is unchanged.

    >>> r = localized(app_report(), "fr")
    >>> r.cite([27, 26, 28]).endswith("par. 26 à 28")
    True
    """
    lang = i18n.normalize(lang)
    memo = _LOCALIZED.get((id(r), lang))
    if memo is not None and memo[0] is r:
        return memo[1]
    view = _localize(r, lang)
    _LOCALIZED[(id(r), lang)] = (r, view)
    return view


def _localize(r: ViewReport, lang: str) -> ViewReport:
    """:func:`localized`, not remembered (for the short-lived parts of a corpus, :func:`part`)."""
    from ..gazetteer import load_gazetteer

    g = load_gazetteer()
    missions = {
        k: {
            **m,
            "name": g.label("mission", k, lang) or m.get("name") or k,
            "host": g.label("mission_host", k, lang) or m.get("host") or "",
        }
        for k, m in r.missions.items()
    }
    names = speaker_names(r.speakers, lang)  # a State's name in the page's language (« Maroc »)
    view = dataclasses.replace(
        r,
        themes=[{**t, "label": g.label("theme", t["theme"], lang) or t["label"]} for t in r.themes],
        speakers=[{**s, "name": names.get(s["speaker_id"], s["name"])} for s in r.speakers],
        statements=[{**s, "speaker": names.get(s["speaker_id"], s["speaker"])} for s in r.statements]
        if names
        else r.statements,
        missions=missions,
        cite_lang=lang,
    )
    view.__dict__["_memo"] = shards.carried(r)  # a corpus index's summary and shards (ids, not names)
    return view


def part(r: ViewReport, kind: str, keys) -> ViewReport:
    """The rows of ``r`` (in its language) that the page shows for a choice: on a corpus index
    (:func:`open_report` with ``index=True``) the shards of one or two speakers, a mission or a document
    (:func:`kit.views.shards.part`); else ``r`` itself, or for ``"document"`` the document's own rows.

    >>> from kit.views import app_report
    >>> r = localized(app_report(), "en")
    >>> part(r, "speaker", ["MEX", None]) is r
    True
    """
    found = shards.part(r, kind, keys)
    return found if found is r or (kind == "document" and not shards.summary(r)) else _localize(found, r.cite_lang)


def open_report(report: ViewReport | None, name: str, lang: str | None = None, index: bool = False):
    """(report in the page's language, None) or (None, error app). With ``index``, an app that shows one choice
    at a time opens, on a corpus, only the index of its shards (:func:`kit.views.shards.app_index`), and reads
    the rows of a choice with :func:`part`."""
    lang = app_language(lang)
    if report is not None:
        return localized(report, lang), None
    try:
        return localized(shards.app_index() if index else app_report(), lang), None
    except (ReportError, OSError, ValueError) as exc:
        return None, HTMLApp(error_panel(exc), f"{name}: the report could not be opened ({exc})")


def kind_legend() -> Markup:
    return render("legend.html.j2", kinds=[(c, kind_label(k)) for k, c in KIND_COLOUR.items() if k != "other"])


def number(n: int) -> str:
    """A count as the page's language writes it ("1,000", "1 000"); Babel only for a language other than English."""
    return i18n.format_number(n, i18n.get_language())


def statement_rows(r: ViewReport, statements: list[dict]) -> list[list]:
    return [
        [
            ref(r, s),
            s["speaker"],
            s.get("verb") or _("(continued)"),
            Markup('<span class="ctx">{}</span>').format(highlight(r.para_text(s), [(s["start"], s["end"])])),
        ]
        for s in statements
    ]


def file_name(r: ViewReport, what: str, suffix: str) -> str:
    """A download's file name: the report, what it holds (in the page's language), the suffix."""
    return f"{r.report_id}-{'-'.join(what.lower().split())}.{suffix}"


def capped_table(r: ViewReport, columns: list[str], rows, total: int) -> Markup:
    """A table of rows already cut by :func:`shown`, after the line saying how many of ``total`` it shows."""
    return shown(r, range(total))[1] + table(columns, rows, numeric=(0,), cls="kt stack")


def statement_columns(r: ViewReport | None = None) -> list[str]:
    return [ref_column(r) if r is not None else _("Para."), _("Speaker"), _("Verb"), _("Paragraph text")]


# ---------------------------------------------------------------------------- widgets


def widgets():
    import ipywidgets as w

    return w


_CLASSES: dict = {}


def make_app_class():
    if "KitApp" not in _CLASSES:
        w = widgets()

        class KitApp(w.VBox):
            """A VBox with a short, stable text representation (for notebooks and nbval)."""

            def __init__(self, summary: str, *args, **kwargs):
                super().__init__(*args, **kwargs)
                self._summary = summary

            def __repr__(self) -> str:
                return self._summary

        _CLASSES["KitApp"] = KitApp
    return _CLASSES["KitApp"]


def safe_widget(kind: str):
    """The widget class ``kind`` (e.g. ``"Dropdown"``) that refuses a bad state sent from a browser cleanly.

    A comm message with an impossible value (a Dropdown index of 99999) raises inside ``set_state``;
    ipywidgets would then show the traceback, with server paths, in the browser. Instead the widget
    sends its last valid state back and calls its ``on_bad_state`` callbacks with a short message for
    the participant (the apps show it in their status line).
    """
    if kind not in _CLASSES:
        base = getattr(widgets(), kind)

        def set_state(self, sync_data):
            try:
                base.set_state(self, sync_data)
            except Exception:  # noqa: BLE001 - a bad state from the browser is refused, not raised
                try:
                    self.send_state()
                except Exception:  # noqa: BLE001 - the browser is gone too: nothing left to tell it
                    pass
                for cb in getattr(self, "_bad_state_callbacks", []):
                    cb(_("That choice could not be used, so the page keeps the last valid one."))

        def on_bad_state(self, callback: Callable[[str], None]) -> None:
            self._bad_state_callbacks = [*getattr(self, "_bad_state_callbacks", []), callback]

        _CLASSES[kind] = type(
            f"Kit{kind}", (base,), {"set_state": set_state, "on_bad_state": on_bad_state, "__module__": __name__}
        )
    return _CLASSES[kind]


def quiet_tracebacks() -> None:
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


def control(kind: str, cls: str, status, **kwargs):
    """A widget that fills the width up to ``max_width`` (phones), with a CSS class and a clean error path."""
    w = widgets()
    quiet_tracebacks()
    layout = w.Layout(width="100%", max_width=kwargs.pop("max_width", "640px"))
    widget = safe_widget(kind)(layout=layout, style={"description_width": "initial"}, **kwargs)
    widget.add_class(cls)
    widget.on_bad_state(lambda text: setattr(status, "value", message(text, alert=True)))
    return widget


def message(text: str, alert: bool = False) -> Markup:
    if not text:
        return Markup("")
    role = "alert" if alert else "status"
    return Markup('<p class="kit-note" role="{}">{}</p>').format(role, text)


def html_widget(cls: str, value: str = ""):
    h = widgets().HTML(value=str(value))
    h.add_class(cls)
    return h


def guard(out, fn: Callable[[], str]) -> None:
    """Redraw ``out`` with ``fn()``; an unexpected error shows as a message, not a traceback."""
    try:
        out.value = str(fn())
    except Exception as exc:  # noqa: BLE001 - shown to the user instead of a traceback
        out.value = str(
            panel(
                Markup('<div class="error" role="alert"><h2>{}</h2><p>{}: {}</p></div>').format(
                    _("Something went wrong here"), type(exc).__name__, exc
                )
            )
        )


def query_param(name: str) -> str | None:
    """A parameter of the page's address (Voilà passes it to the kernel as ``QUERY_STRING``)."""
    values = parse_qs(os.environ.get("QUERY_STRING") or "").get(name)
    return values[0] if values else None
