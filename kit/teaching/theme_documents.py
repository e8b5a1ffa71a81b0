"""The documents of a note on one theme: a corpus split into its documents, those that hold the theme.

One job: answer "which documents say something on this theme, and when" for :func:`kit.teaching.theme_note.theme_note`
and the apps: each document of a corpus (or the one report) as a report of its own (:class:`Document`), its
paragraphs dated by their meeting, the theme named in any language resolved to its id, and the documents kept
within the dates asked for.

Examples
--------
>>> from kit import load_report
>>> from kit.teaching.note.tables import note_tables
>>> docs = split_documents(note_tables(load_report()))
>>> [(d.label, d.kind) for d in docs]
[('wgpko-2021', 'report')]
>>> theme_id(docs[0].view, "Protection des civils", "en")
'poc'
>>> parse_date("2023-10-17", "since", None)
'2023-10-17'
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from ..i18n import format_date, normalize, translator
from ..rows import TABLE_KEYS, ViewReport
from .note.model import NoteError, NoteTables
from .note.tables import note_tables, theme_labels, theme_names

__all__ = [
    "Document",
    "documents_with_theme",
    "parse_date",
    "split_documents",
    "theme_id",
    "select_documents",
    "unit_title",
]


@dataclass
class Document:
    """One document of the selection: its rows, its label and date, and the paragraphs on the theme."""

    report_id: str
    label: str
    view: ViewReport
    date: str | None
    kind: str
    lang: str | None
    dates: dict[int, str | None] = field(default_factory=dict)  # para -> date of its meeting, else the document's
    titles: dict[int, str | None] = field(default_factory=dict)  # para -> its meeting's title
    theme_paras: list[int] = field(default_factory=list)


def parse_date(value: Any, name: str, tr) -> str | None:
    """An ISO date from ``since``/``until`` (a date or ``"2023-10-17"``); a kit error naming the value if not."""
    if value in (None, ""):
        return None
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    try:
        return _dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        raise NoteError(
            tr.gettext("{name}: {value} is not a date; write it as 2023-10-17").format(name=name, value=repr(value))
        ) from None


def split_documents(t: NoteTables) -> list[Document]:
    """The documents of ``t`` (one for a report), each as a report of its own, in date order."""
    metas = (t.metadata.get("reports") if isinstance(t.metadata.get("reports"), dict) else None) or {
        t.report_id: t.metadata
    }
    rows: dict[str, dict[str, list[dict]]] = {rid: {k: [] for k in TABLE_KEYS} for rid in metas}
    for key in TABLE_KEYS:
        for row in getattr(t, key, None) or []:
            rid = row.get("report_id") or t.report_id
            rows.setdefault(rid, {k: [] for k in TABLE_KEYS})[key].append(row)
    out = []
    for rid, tables in rows.items():
        meta = dict(metas.get(rid) or {"report_id": rid})
        keys = {m["key"] for m in tables["mentions"] if m.get("kind") == "mission"}
        view = ViewReport(
            rid,
            meta,
            *(tables[k] for k in TABLE_KEYS[:-1]),
            problems=tables["problems"],
            missions={k: v for k, v in (getattr(t, "missions", None) or {}).items() if k in keys},
        )
        doc_date = str(meta["date"])[:10] if meta.get("date") else None
        meetings = {m["meeting_id"]: m for m in tables["meetings"]}
        several = len(meetings) > 1
        doc = Document(rid, meta.get("symbol") or rid, view, doc_date, meta.get("kind") or "report", meta.get("lang"))
        for p in tables["paragraphs"]:
            m = meetings.get(p.get("meeting_id")) or {}
            doc.dates[p["para"]] = (str(m["date"])[:10] if m.get("date") else None) or doc_date
            doc.titles[p["para"]] = (m.get("title") or None) if several else None
        out.append(doc)
    return sorted(out, key=lambda d: (d.date is None, d.date or "", d.report_id))


def documents_with_theme(
    report: Any, theme: str, *, since: Any = None, until: Any = None, lang: str | None = None
) -> list[dict]:
    """The documents that hold ``theme`` (an id or a label in any language) between ``since`` and ``until``, in
    date order: report_id, label (its symbol, else its id), date, kind, lang and the paragraphs on the theme.

    Raises
    ------
    NoteError
        For a theme no document has (the message lists the themes found, in ``lang``), or a date that is not one.

    Examples
    --------
    >>> from kit import load_report
    >>> [(d["label"], len(d["paras"]) > 0) for d in documents_with_theme(load_report(), "COVID-19 and health")]
    [('wgpko-2021', True)]
    """
    t = note_tables(report)
    lang = normalize(lang)
    tr = translator(lang)
    found = theme_id(t, theme, lang)
    docs = select_documents(split_documents(t), found, parse_date(since, "since", tr), parse_date(until, "until", tr))
    return [
        {
            "report_id": d.report_id,
            "label": d.label,
            "date": d.date,
            "kind": d.kind,
            "lang": d.lang,
            "paras": list(d.theme_paras),
        }
        for d in docs
    ]


def theme_id(t: NoteTables, theme: str, lang: str) -> str:
    """The theme id ``theme`` names in ``t``; else a kit error listing the themes, labelled in the note's language."""
    found = theme_names(t.themes).get(str(theme or "").strip().casefold())
    if found:
        return found
    tr = translator(lang)
    labels = theme_labels(lang)
    own = {row["theme"]: row.get("label") or row["theme"] for row in t.themes}
    names = ", ".join(f"{labels.get(th) or own[th]} ({th})" for th in sorted(own)) or tr.gettext("none")
    raise NoteError(
        tr.gettext("unknown theme {theme}; themes found in these documents: {names}").format(
            theme=repr(theme), names=names
        )
    )


def select_documents(docs: list[Document], theme: str, since: str | None, until: str | None) -> list[Document]:
    """The documents with paragraphs on ``theme`` dated within [since, until] (an undated one only when no bound
    is given); each keeps those paragraphs in ``theme_paras``."""
    out = []
    for d in docs:
        paras = sorted({row["para"] for row in d.view.themes if row["theme"] == theme})
        if since or until:
            paras = [
                p
                for p in paras
                if d.dates.get(p) and (not since or d.dates[p] >= since) and (not until or d.dates[p] <= until)
            ]
        if paras:
            d.theme_paras = paras
            out.append(d)
    return out


def unit_title(d: Document, para: int, corpus: bool, lang: str) -> str:
    """The group a position goes under: ``"17 October 2023 – A/C.4/78/SR.9"`` (and the meeting's title when
    the document holds several meetings)."""
    date = d.dates.get(para)
    parts = [format_date(date, lang) if date else "", d.label if corpus else "", d.titles.get(para) or ""]
    title = " – ".join(x for x in parts if x)
    return title or d.label
