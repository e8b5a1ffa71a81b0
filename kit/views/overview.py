"""The Overview app: the report at a glance (or, on a corpus, its documents), its meetings, who spoke most and
the themes raised. Static HTML, no widgets: the fastest page Voilà can show.

Examples
--------
>>> from kit.views import app_report
>>> app = overview_app(app_report(), lang="en")
>>> repr(app).startswith("Overview of wgpko-2021:") and "Meetings (CSV)" in app.html
True
"""

from __future__ import annotations

from markupsafe import Markup

from .. import i18n
from ..display import meeting_format
from ..i18n import ngettext
from ..schema import DOCUMENT_COLUMNS
from . import charts, corpus, queries, shards
from .data import ViewReport, app_report
from .html import KIND_COLOUR, OKABE_ITO, _, csv_download, panel, render, table
from .shell import (
    LANGUAGE_NAMES,
    HTMLApp,
    file_name,
    guard,
    header,
    html_widget,
    kind_legend,
    localized,
    make_app_class,
    number,
    open_report,
    widgets,
)

__all__ = ["overview_html", "overview_app"]


def _counted(r: ViewReport) -> tuple[int, int, int]:
    """(paragraphs, statements, missions named) of ``r``; on the index of a corpus's shards, from its summary."""
    found = shards.summary(r) if shards.is_index(r) else None
    if found and "n_rows" in found:
        return found["n_rows"]["paragraphs"], found["n_rows"]["statements"], len(found["missions"])
    return len(r.paragraphs), len(r.statements), len({m["key"] for m in r.mentions if m["kind"] == "mission"})


def overview_html(r: ViewReport, downloads: bool = True) -> Markup:
    """The Overview page of ``r``. Without ``downloads``, the CSV files are left out (an app on a corpus prepares
    them when the participant asks: :func:`overview_downloads`); on the index of a corpus's shards the page is
    built from the index alone."""
    md = r.metadata
    cards = _cards(r)
    counts = [(sp["name"], n, KIND_COLOUR.get(sp["kind"], "#666")) for sp, n in queries.speaker_counts(r) if n]
    themes = [(label, n, OKABE_ITO["green"]) for label, n in queries.theme_counts(r)]
    files = overview_downloads(r) if downloads else None
    if r.is_corpus:
        return _corpus_overview(r, cards, counts, themes, files)
    lang = i18n.get_language()
    meet_rows = [
        [
            i18n.format_date(m.get("date"), lang),
            m.get("title"),
            meeting_format(m.get("format"), lang),
            m.get("chair") or "",
            f"{m.get('first_para')}–{m.get('last_para')}",
        ]
        for m in r.meetings
    ]
    lead = _(
        "What this report is, when the Working Group met, who spoke and about "
        "what. Open Speakers, Themes or Missions above to dig in; every row there "
        "carries the paragraph number to cite."
    )
    body = render(
        "overview.html.j2",
        header=header(r, "overview", lead),
        cards=cards,
        facts=[(k, v) for k, v in _facts(md) if v],
        timeline=charts.timeline(r.meetings, md.get("period_start"), md.get("period_end")),
        meetings=table(
            [_("Date"), _("Meeting"), _("Format"), _("Chair"), _("Paragraphs")], meet_rows, numeric=(4,), cls="kt stack"
        ),
        legend=kind_legend(),
        speaker_bars=charts.bar_chart(counts, title=_("Statements per speaker")),
        theme_bars=charts.bar_chart(themes, title=_("Paragraphs per theme")),
        downloads=files,
    )
    return panel(body)


def _cards(r: ViewReport) -> list[tuple[str, str]]:
    """The page's counts, each as (number as the page's language writes it, what it counts)."""
    n_paras, n_statements, n_missions = _counted(r)
    spoke = sum(1 for _sp, n in queries.speaker_counts(r) if n)
    n_themes = len(queries.theme_options(r))
    return [
        (number(n), word)
        for n, word in [
            (n_paras, ngettext("paragraph", "paragraphs", n_paras)),
            (len(r.meetings), ngettext("meeting", "meetings", len(r.meetings))),
            (spoke, ngettext("speaker", "speakers", spoke)),
            (n_statements, ngettext("statement", "statements", n_statements)),
            (n_missions, ngettext("mission named", "missions named", n_missions)),
            (n_themes, ngettext("theme raised", "themes raised", n_themes)),
        ]
    ]


def _facts(md: dict) -> list[tuple[str, str | None]]:
    """The report's facts (body, dates, period, chair, symbol, file), in the page's language."""
    lang = i18n.get_language()
    period = (
        _("{start} to {end}").format(
            start=i18n.format_date(md.get("period_start"), lang), end=i18n.format_date(md.get("period_end"), lang)
        )
        if md.get("period_start") and md.get("period_end")
        else i18n.format_date(md.get("period_start") or md.get("period_end"), lang)
    )
    return [
        (_("Body"), md.get("body")),
        (_("Document date"), i18n.format_date(md.get("date"), lang)),
        (_("Period covered"), period),
        (_("Chair"), md.get("chair")),
        (_("Symbol"), md.get("symbol") or _("(none found)")),
        (_("File"), (md.get("source") or "").rsplit("/", 1)[-1]),
    ]


def overview_downloads(r: ViewReport) -> Markup:
    """The Overview's CSV files of ``r`` (its rows, not an index): statements per speaker and meetings, each
    row with its citation, and on a corpus its documents.

    >>> from kit.views import app_report
    >>> "Statements per speaker (CSV)" in overview_downloads(app_report())
    True
    """
    per_speaker = (
        [sp["name"], sp["kind"], n, len({queries.para_key(r, s) for s in sts}), r.cite_rows(sts)]
        for sp, n, sts in (
            (sp, n, queries.statements_of(r, sp["speaker_id"])) for sp, n in queries.speaker_counts(r) if n
        )
    )
    per_meeting = (
        [
            m["meeting_id"],
            m["date"],
            m["title"],
            m.get("format") or "",
            m.get("chair") or "",
            m["first_para"],
            m["last_para"],
            _cite_meeting(r, m),
        ]
        for m in r.meetings
    )
    files = csv_download(
        file_name(r, _("speakers"), "csv"),
        ["speaker", "kind", "statements", "paragraphs", "citation"],
        per_speaker,
        _("Statements per speaker (CSV)"),
    ) + csv_download(
        file_name(r, _("meetings"), "csv"),
        ["meeting_id", "date", "title", "format", "chair", "first_para", "last_para", "citation"],
        per_meeting,
        _("Meetings (CSV)"),
    )
    return _documents_download(r) + files if r.is_corpus else files


def _documents_download(r: ViewReport) -> Markup:
    """A corpus's documents as a CSV file (the columns of :data:`kit.schema.DOCUMENT_COLUMNS`)."""
    rows = (
        [
            d["report_id"],
            d["kind"],
            d["body"] or "",
            d["date"] or "",
            d["symbol"] or "",
            d["language"] or "",
            d["title"] or "",
            d["n_paragraphs"],
            d["n_statements"],
        ]
        for d in r.documents
    )
    return csv_download(file_name(r, _("documents"), "csv"), list(DOCUMENT_COLUMNS), rows, _("Documents (CSV)"))


def _cite_meeting(r: ViewReport, m: dict) -> str:
    """The paragraphs of a meeting as a citation of its document ("" for a meeting without them)."""
    if m.get("first_para") is None or m.get("last_para") is None:
        return ""
    return r.cite_rows({"report_id": m["report_id"], "para": p} for p in range(m["first_para"], m["last_para"] + 1))


def _corpus_overview(r: ViewReport, cards: list, counts: list, themes: list, downloads: Markup | None) -> Markup:
    """The Overview of a corpus: its documents (kind, body, date, symbol, language), meetings over time, who
    spoke and the themes across every document."""
    lang = i18n.get_language()
    languages = dict(LANGUAGE_NAMES)
    docs = r.documents
    doc_rows = [
        [
            i18n.format_date(d["date"], lang) if d["date"] else "—",
            corpus.kind_label(d["kind"]),
            d["body"] or "—",
            d["symbol"] or d["report_id"],
            languages.get(d["language"], d["language"] or "—"),
            number(d["n_paragraphs"]),
            number(d["n_statements"]),
        ]
        for d in docs
    ]
    cards = [(number(len(docs)), ngettext("document", "documents", len(docs))), *cards]
    by, per_period = corpus.meetings_over_time(r)
    meet_rows = [
        [
            i18n.format_date(m.get("date"), lang),
            corpus.document_label(r, m["report_id"]),
            m.get("title"),
            meeting_format(m.get("format"), lang),
            _cite_meeting(r, m),
        ]
        for m in sorted(r.meetings, key=lambda m: (str(m.get("date") or ""), m["report_id"]))
    ]
    body = render(
        "overview_corpus.html.j2",
        header=header(
            r,
            "overview",
            _(
                "What these documents are, when they met, who spoke and about what, "
                "across every document. Open Speakers, Themes or Missions above to dig "
                "in; every row there cites its document and paragraph."
            ),
        ),
        cards=cards,
        documents=table(
            [_("Date"), _("Kind"), _("Body"), _("Document"), _("Language"), _("Paragraphs"), _("Statements")],
            doc_rows,
            numeric=(5, 6),
            cls="kt stack",
        ),
        over_time=charts.bar_chart(
            [(label, n, OKABE_ITO["blue"]) for label, n in per_period],
            title=_("Meetings per year") if by == "year" else _("Meetings per month"),
        ),
        meetings=table([_("Date"), _("Document"), _("Meeting"), _("Format"), _("Cite as")], meet_rows, cls="kt stack"),
        legend=kind_legend(),
        speaker_bars=charts.bar_chart(counts[:40], title=_("Statements per speaker")),
        theme_bars=charts.bar_chart(themes, title=_("Paragraphs per theme")),
        downloads=downloads,
    )
    return panel(body)


def overview_app(report: ViewReport | None = None, lang: str | None = None):
    """The landing page: metadata, meetings on a timeline, who spoke, themes, links to the other apps.

    One report: static HTML (:class:`~kit.views.shell.HTMLApp`, the fastest page). A corpus: the page built from
    the index of its shards (:func:`kit.views.shards.app_index`), and a button that prepares the CSV files from
    the whole corpus when the participant asks (citing every statement of every speaker takes seconds).
    """
    r, err = open_report(report, "Overview", lang, index=report is None)
    if err:
        return err
    if not shards.is_index(r):
        return HTMLApp(
            overview_html(r),
            f"Overview of {r.report_id}: {len(r.paragraphs)} paragraphs, "
            f"{len(r.meetings)} meetings, {len(r.statements)} statements",
        )
    return _lazy_app(r)


def _lazy_app(r: ViewReport):
    """The Overview of a corpus index: its page, then a "Prepare the CSV files" button and where they appear."""
    w = widgets()
    n_paras, n_statements, _n = _counted(r)
    page = html_widget("kit-out", overview_html(r, downloads=False))
    files = html_widget("kit-downloads")
    button = w.Button(
        description=_("Prepare the CSV files"),
        icon="file-text-o",
        tooltip=_("Make the CSV files of this page, then download them"),
        layout=w.Layout(width="auto", max_width="100%"),
    )  # the whole label, in either language
    button.add_class("kit-prepare")

    def prepare(_event=None) -> None:
        files.value = str(panel(Markup('<p role="status">{}</p>').format(_("Preparing the CSV files…"))))
        guard(
            files,
            lambda: panel(
                Markup('<div role="status">{}</div>').format(
                    overview_downloads(localized(app_report(r.metadata.get("source")), r.cite_lang))
                )
            ),
        )

    button.on_click(prepare)
    app = make_app_class()(
        f"Overview of {r.report_id}: {n_paras} paragraphs, {len(r.meetings)} meetings, {n_statements} statements",
        [page, button, files],
    )
    app.add_class("kit-app")
    return app
