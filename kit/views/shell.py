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
- **Widgets**, defined in :mod:`kit.views.controls` and offered here with the rest of the shell (ipywidgets is
  imported only when an interactive app is built): :func:`control` (a widget that refuses a bad browser state
  cleanly, :func:`safe_widget`), :func:`html_widget`, :func:`make_app_class`, :func:`guard` (a redraw whose
  error is a message), :func:`quiet_tracebacks`; and :func:`query_param` (a parameter of the page's address).

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
from urllib.parse import parse_qs, urlencode

from markupsafe import Markup

from .. import i18n
from ..display import speaker_names
from ..errors import ReportError
from ..i18n import language_names, ngettext
from . import corpus, shards
from .controls import (
    control,
    failure,
    for_the_trainer,
    guard,
    html_widget,
    make_app_class,
    message,
    quiet_tracebacks,
    safe_widget,
    widgets,
)
from .data import ViewReport, app_report
from .html import KIND_COLOUR, _, error_panel, highlight, kind_label, para_ref, render, table
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
    "failure",
    "for_the_trainer",
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


def query_param(name: str) -> str | None:
    """A parameter of the page's address (Voilà passes it to the kernel as ``QUERY_STRING``)."""
    values = parse_qs(os.environ.get("QUERY_STRING") or "").get(name)
    return values[0] if values else None
