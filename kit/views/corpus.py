"""What the apps show of a corpus (many documents, :func:`kit.views.data.app_report` on a folder): the documents,
meetings and themes over time, a speaker across documents. Plain functions over a
:class:`~kit.rows.ViewReport`, pandas-free like the rest of the apps.

A single report is a corpus of one document here too, but the apps show these pieces only when
``r.is_corpus``: one report looks as it always has.

Examples
--------
>>> from kit.rows import ViewReport
>>> a = ViewReport("a", {"date": "2023-01-15", "lang": "en"}, [], [{"report_id": "a", "para": 1, "text": "x"}], [],
...                [{"report_id": "a", "speaker_id": "FJI", "para": 1}], [], [])
>>> b = ViewReport("b", {"date": "2025-01-10", "lang": "fr"}, [], [], [],
...                [{"report_id": "b", "speaker_id": "FJI", "para": 4}] * 2, [], [])
>>> r = ViewReport.merge([a, b])
>>> speaker_span(r, "FJI")
(3, 2, '2023', '2025')
>>> period_of("2023-04-13", "month"), period_of("2023-04-13", "year"), period_of(None, "year")
('2023-04', '2023', '')
"""

from __future__ import annotations

from collections import Counter, defaultdict

from .. import i18n
from ..i18n import N_
from .html import _

__all__ = [
    "document_dates",
    "period_of",
    "periods",
    "speaker_span",
    "speaker_documents",
    "meetings_over_time",
    "themes_over_time",
    "document_label",
    "date_range",
    "kind_label",
    "DOCUMENT_KINDS",
    "document_view",
    "document_options",
]

#: What each kind of document is called on screen (``metadata["kind"]``, set by the document's reader); a kind
#: not listed here is shown as it is.
DOCUMENT_KINDS = {
    "report": N_("Report"),
    "summary_record": N_("Summary record"),
    "meetings_coverage": N_("Meetings coverage"),
    "verbatim_record": N_("Verbatim record"),
}


def kind_label(kind: str | None) -> str:
    """A document's kind in the page's language: ``"Summary record"`` (« Compte rendu analytique »)."""
    kind = kind or "report"
    return _(DOCUMENT_KINDS[kind]) if kind in DOCUMENT_KINDS else kind.replace("_", " ")


def document_label(r, report_id: str) -> str:
    """What names a document on screen and in citations: its symbol, else its id."""
    return r.labels.get(report_id) or report_id


def document_dates(r) -> dict[str, str]:
    """report_id -> the document's date (ISO), for the documents that have one."""
    return {d["report_id"]: d["date"] for d in r.documents if d.get("date")}


def period_of(date: str | None, by: str) -> str:
    """The period a date falls in: ``"2023"`` (``by="year"``) or ``"2023-04"`` (``by="month"``); ``""`` if none."""
    if not date:
        return ""
    return str(date)[:4] if by == "year" else str(date)[:7]


def periods(dates) -> str:
    """``"month"`` when the dates fall within two calendar years, else ``"year"`` (a chart stays readable).

    >>> periods(["2023-01-02", "2024-12-01"]), periods(["2021-01-02", "2024-12-01"]), periods([])
    ('month', 'year', 'year')
    """
    years = {str(d)[:4] for d in dates if d}
    if not years:
        return "year"
    return "month" if int(max(years)) - int(min(years)) <= 1 else "year"


def _period_label(period: str) -> str:
    """``"2023"`` as it is; ``"2023-04"`` as the month in the page's language (``"Apr 2023"``, ``"avr. 2023"``)."""
    if len(period) != 7:
        return period or _("undated")
    import datetime as dt

    from .charts import _month

    d = dt.date(int(period[:4]), int(period[5:]), 1)
    return f"{_month(d)} {d.year}"


def _row_dates(r) -> dict[tuple, str]:
    """(report_id, para) -> the date of the paragraph: its meeting's date, else its document's."""
    meeting_date = {(m["report_id"], m["meeting_id"]): m.get("date") for m in r.meetings}
    doc_date = document_dates(r)
    return {
        (p["report_id"], p["para"]): meeting_date.get((p["report_id"], p.get("meeting_id")))
        or doc_date.get(p["report_id"])
        for p in r.paragraphs
    }


def speaker_documents(r, speaker_id: str) -> list[dict]:
    """Per document a speaker speaks in: report_id, label, date, kind, statements, citation (by date)."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for s in r.statements:
        if s["speaker_id"] == speaker_id:
            by_doc[s["report_id"]].append(s)
    docs = {d["report_id"]: d for d in r.documents}
    order = [rid for rid in docs if rid in by_doc] + sorted(rid for rid in by_doc if rid not in docs)
    return [
        {
            "report_id": rid,
            "label": document_label(r, rid),
            "date": docs.get(rid, {}).get("date"),
            "kind": docs.get(rid, {}).get("kind") or "report",
            "statements": len(by_doc[rid]),
            "citation": r.cite_rows(by_doc[rid]),
        }
        for rid in order
    ]


def speaker_span(r, speaker_id: str) -> tuple[int, int, str, str]:
    """(statements, documents, first year, last year) of a speaker across the corpus; a statement is dated by
    its meeting, else by its document."""
    rows = speaker_documents(r, speaker_id)
    dates, doc_dates = _row_dates(r), document_dates(r)
    years = sorted(
        {
            str(d)[:4]
            for d in (
                dates.get((s["report_id"], s["para"])) or doc_dates.get(s["report_id"])
                for s in r.statements
                if s["speaker_id"] == speaker_id
            )
            if d
        }
    )
    return (sum(d["statements"] for d in rows), len(rows), years[0] if years else "", years[-1] if years else "")


def meetings_over_time(r) -> tuple[str, list[tuple[str, int]]]:
    """(``"year"`` or ``"month"``, [(period label, meetings)]) in date order; undated meetings last."""
    dates = [m.get("date") for m in r.meetings]
    by = periods(dates)
    counts = Counter(period_of(d, by) for d in dates)
    return by, [(_period_label(p), counts[p]) for p in sorted(counts, key=lambda p: (p == "", p))]


def themes_over_time(r, themes: list[str] | None = None) -> tuple[list[str], list[str], list[list[int]]]:
    """Themes x periods (years, or months over two years at most): paragraphs naming each theme in each period.

    Returns (theme labels, period labels, counts), the themes most raised first; each paragraph is dated by its
    meeting, else by its document.
    """
    from .queries import _summary, summary_themes

    found = _summary(r)
    if found and "theme_periods" in found:  # an index or a shard of a corpus: counted when it was written
        return _summary_over_time(found["theme_periods"]["counts"], summary_themes(r) or {}, themes)
    dates = _row_dates(r)
    by = periods(dates.values())
    paras: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    labels: dict[str, str] = {}
    for t in r.themes:
        if themes and t["theme"] not in themes:
            continue
        where = (t["report_id"], t["para"])
        paras[t["theme"]][period_of(dates.get(where), by)].add(where)
        labels.setdefault(t["theme"], r.theme_label.get(t["theme"], t["label"]))
    cols = sorted({p for per in paras.values() for p in per}, key=lambda p: (p == "", p))
    order = sorted(paras, key=lambda th: (-sum(len(v) for v in paras[th].values()), labels[th]))
    return (
        [labels[th] for th in order],
        [_period_label(c) for c in cols],
        [[len(paras[th].get(c, ())) for c in cols] for th in order],
    )


def date_range(r) -> str:
    """The corpus's span of document dates in the page's language: ``"15 January 2023 to 10 January 2025"``."""
    dates = sorted(document_dates(r).values())
    if not dates:
        return ""
    lang = i18n.get_language()
    if dates[0] == dates[-1]:
        return i18n.format_date(dates[0], lang)
    return _("{start} to {end}").format(start=i18n.format_date(dates[0], lang), end=i18n.format_date(dates[-1], lang))


def document_view(r, report_id: str):
    """One document of a corpus as a report of its own (its rows, its metadata, the missions it names), for what
    works on one document at a time, such as a briefing note on one of its meetings."""
    from ..rows import TABLE_KEYS, ViewReport

    def build():
        tables = {t: [row for row in getattr(r, t) if row.get("report_id") == report_id] for t in TABLE_KEYS}
        keys = {m["key"] for m in tables["mentions"] if m["kind"] == "mission"}
        meta = dict((r.metadata.get("reports") or {}).get(report_id) or {"report_id": report_id})
        return ViewReport(
            report_id,
            meta,
            *(tables[t] for t in TABLE_KEYS[:-1]),
            missions={k: v for k, v in r.missions.items() if k in keys},
            problems=tables["problems"],
            cite_lang=r.cite_lang,
        )

    return r.memo(f"document:{report_id}", build)


def document_options(r) -> list[tuple[str, str]]:
    """(label, report_id) of a corpus's documents by date: ``"15 January 2024 – S/2024/42 (Report)"``."""
    lang = i18n.get_language()
    return [
        (
            " – ".join(
                x
                for x in (
                    i18n.format_date(d["date"], lang) if d["date"] else "",
                    f"{document_label(r, d['report_id'])} ({kind_label(d['kind'])})",
                )
                if x
            ),
            d["report_id"],
        )
        for d in r.documents
    ]


def _summary_over_time(counts: dict[str, dict[str, int]], labelled: dict, themes: list[str] | None):
    """:func:`themes_over_time` from a corpus summary's paragraphs per theme and period."""
    chosen = {th: per for th, per in counts.items() if not themes or th in themes}
    labels = {th: labelled.get(th, (th, 0))[0] for th in chosen}
    cols = sorted({p for per in chosen.values() for p in per}, key=lambda p: (p == "", p))
    order = sorted(chosen, key=lambda th: (-sum(chosen[th].values()), labels[th]))
    return (
        [labels[th] for th in order],
        [_period_label(c) for c in cols],
        [[chosen[th].get(c, 0) for c in cols] for th in order],
    )
