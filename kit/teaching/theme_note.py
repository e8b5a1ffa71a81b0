"""A briefing note on one theme across documents: what a folder of records says about, say, the protection of civilians.

:func:`theme_note` gathers the statements filed under a theme (the ``themes`` table) in every document of a corpus
(:func:`kit.load_corpus`, a folder given to the apps), or in every meeting of one report, and returns the same
:class:`~kit.teaching.note.Note` as :func:`~kit.teaching.note.build_note`: the same sections (key messages,
briefers, positions, asks, figures, the officer's summary, issues and points to make), the same renderings
(Markdown, HTML, Word, JSON of ``note.schema.json``) in either language, cut to :data:`MAX_WORDS` words (two A4
pages) with what was cut counted under Citations and listed in an annex after the two pages.

Each document is read by the one-report builder (the same pieces, the same choices, each quote a whole sentence of
its paragraph that carries the theme's terms), then the documents are put together:

- **Positions are grouped by document and meeting, in date order**, and every quote is cited with its document's
  symbol: ``(A/C.4/78/SR.9, para. 12)``. A desk officer briefing on a theme reads how the debate moved from one
  meeting to the next, checks each quote against the record it comes from, and keeps the latest meetings in view;
  a delegation that spoke several times appears under each meeting, in its own words each time. The key messages
  (positions shared by the most delegations) and the briefers come first, across all documents.
- **The two-page cut** drops the least important quotes first, but each document keeps its most important line
  for as long as any document has a second one. The Citations keep one "Cite as" line per document quoted and one
  line (:func:`annex_line`) counting what is not quoted; the **annex**, after the two pages (a page break in HTML
  and Word, a rule in Markdown, a section ``annex`` in the JSON; not counted by :meth:`Note.words`), lists it
  document by document: every paragraph on the theme not quoted and every key figure not quoted. So the note
  fits two pages whatever the number of documents, and every document that has the theme is quoted or listed.
  An annex rather than a CSV beside the note: a desk officer forwards one file, and a UN reader knows the annex.

Examples
--------
>>> from kit import load_report
>>> note = theme_note(load_report(), "covid19", lang="en")
>>> note.title, note.heading["theme"]
('Briefing note: COVID-19 and health, 1 document', 'covid19')
>>> [g for g in dict.fromkeys(i.group for i in note.section("positions").items)]  # doctest: +ELLIPSIS
['13 April 2021 – ...', '12 October 2021 – ...']
>>> note.words() <= MAX_WORDS
True
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any

from ..citation import cite
from ..i18n import N_, and_list, format_date, normalize, semicolon, translator
from ..rows import TABLE_KEYS, ViewReport
from .note.builder import Builder
from .note.cut import markdown_lines_of, say_cut
from .note.model import Item, Note, NoteError, NoteTables, Section
from .note.outline import INF, MAX_WORDS
from .note.sections import quoted_sections
from .note.tables import note_tables, theme_labels, theme_names

__all__ = ["theme_note", "documents_with_theme", "annex_line", "MAX_WORDS"]

#: How much more a document's most important line weighs in the cut: every document keeps one line while any
#: document has two.
FIRST_LINE_BONUS = 60.0
#: What the officer's summary line of a note on one theme says (instead of a meeting's).
SUMMARY_PROMPT = N_(
    "Your summary line: what the documents say on the theme, how it moved over time, and what it "
    "means for your delegation, in one or two sentences."
)
#: The title of the positions, grouped by document and meeting rather than by theme.
POSITIONS_TITLE = N_("Delegations' positions, meeting by meeting")


@dataclass
class _Document:
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


def _date(value: Any, name: str, tr) -> str | None:
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


def _split(t: NoteTables) -> list[_Document]:
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
        doc = _Document(rid, meta.get("symbol") or rid, view, doc_date, meta.get("kind") or "report", meta.get("lang"))
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
    theme_id = _theme(t, theme, lang)
    docs = _selected(_split(t), theme_id, _date(since, "since", tr), _date(until, "until", tr))
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


def _theme(t: NoteTables, theme: str, lang: str) -> str:
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


def _selected(docs: list[_Document], theme: str, since: str | None, until: str | None) -> list[_Document]:
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


def _unit_title(d: _Document, para: int, corpus: bool, lang: str) -> str:
    """The group a position goes under: ``"17 October 2023 – A/C.4/78/SR.9"`` (and the meeting's title when
    the document holds several meetings)."""
    date = d.dates.get(para)
    parts = [format_date(date, lang) if date else "", d.label if corpus else "", d.titles.get(para) or ""]
    title = " – ".join(x for x in parts if x)
    return title or d.label


def theme_note(
    report: Any,
    theme: str,
    *,
    lang: str | None = None,
    since: Any = None,
    until: Any = None,
    max_words: int | None = MAX_WORDS,
) -> Note:
    """A briefing note on ``theme`` across the documents of a corpus, or across the meetings of one report.

    Parameters
    ----------
    report : kit.Report or NoteTables
        A corpus (:func:`kit.load_corpus`), one report (:func:`kit.load_report`) or their plain rows (the apps').
    theme : str
        A theme id or label, in either language (``"poc"``, ``"Protection of civilians"``,
        ``"Protection des civils"``).
    lang : str, optional
        The language of the note's headings, labels, dates and citations (default: the process's); quotes stay
        verbatim in each document's language.
    since, until : str or datetime.date, optional
        Keep the meetings (else documents) dated within these days, both included (``"2023-10-01"``).
    max_words : int, optional
        Words of Markdown for the whole note (default :data:`MAX_WORDS`, two A4 pages); ``None`` keeps every item.

    Returns
    -------
    Note
        Positions grouped by document and meeting in date order (see the module's docstring for why); every
        quoted item carries its document (``report_id``, ``document``) and is cited with it.

    Raises
    ------
    NoteError
        For a theme no document holds (the message lists the themes found), a date that is not one, or dates
        that leave no document.

    Examples
    --------
    >>> from kit import load_report
    >>> note = theme_note(load_report(), "Protection des civils", lang="fr")
    >>> note.filters["themes"], note.section("positions").items[0].document
    (['poc'], 'wgpko-2021')
    """
    lang = normalize(lang)
    tr = translator(lang)
    t = note_tables(report)
    theme_id = _theme(t, theme, lang)
    since_, until_ = _date(since, "since", tr), _date(until, "until", tr)
    docs = _selected(_split(t), theme_id, since_, until_)
    if not docs:
        raise NoteError(
            tr.gettext("no document says anything on the theme {theme} between {since} and {until}").format(
                theme=repr(theme), since=since_ or "…", until=until_ or "…"
            )
        )
    corpus = bool(getattr(t, "is_corpus", False)) or len(docs) > 1
    builders: dict[str, Builder] = {}
    merged: dict[str, list[Item]] = {k: [] for k in ("key_messages", "asks", "briefers", "positions", "figures")}
    unit_order: dict[str, tuple] = {}
    for d in docs:
        b = builders[d.report_id] = Builder(d.view, None, [theme_id], (), lang)
        inside = set(d.theme_paras) if (since_ or until_) else None
        for sec in quoted_sections(b):
            for item in sec.items:
                if inside is not None and item.paras[0] not in inside:
                    continue
                item.report_id, item.document = d.report_id, d.label
                item.parts = [x for x in item.parts if x["para"] in set(d.theme_paras)]
                item.paras = [item.paras[0], *(x["para"] for x in item.parts if x["para"] != item.paras[0])]
                if sec.key == "positions":
                    item.group = _unit_title(d, item.paras[0], corpus, lang)
                    unit_order.setdefault(item.group, (d.dates.get(item.paras[0]) or "", len(unit_order)))
                merged[sec.key].append(item)
    when = {d.report_id: d for d in docs}

    def dated(i: Item) -> tuple:
        d = when[i.report_id or ""]
        return (d.dates.get(i.paras[0]) or "~", docs.index(d), i.paras[0], i.start or 0)

    first = next(iter(builders.values()))
    sections = {"purpose": first.section("purpose")}
    label = first.theme_label.get(theme_id, theme_id)
    sections["purpose"].empty = tr.ngettext(  # what the note is: the purpose section quotes no one
        "Statements filed under the theme “{theme}” in {n} document, grouped by document and meeting in date "
        "order. Every quote is a whole sentence of the paragraph cited, word for word.",
        "Statements filed under the theme “{theme}” in {n} documents, grouped by document and meeting in date "
        "order. Every quote is a whole sentence of the paragraph cited, word for word.",
        len(docs),
    ).format(theme=label, n=len(docs))
    keys = sorted(merged["key_messages"], key=lambda i: (-len(i.speaker_ids), dated(i)))
    sections["key_messages"] = first.section("key_messages")
    for rank, i in enumerate(keys):
        i.priority, i.keep = 130 + min(len(i.speaker_ids), 10) - 10 * rank, rank < 2
    sections["key_messages"].items = sorted(keys[:4], key=dated) + sorted(keys[4:], key=dated)
    briefer_first: dict[str | None, tuple] = {}
    for i in sorted(merged["briefers"], key=dated):
        briefer_first.setdefault(i.group, dated(i))
    sections["briefers"] = first.section("briefers")
    sections["briefers"].items = sorted(merged["briefers"], key=lambda i: (briefer_first[i.group], dated(i)))
    sections["positions"] = first.section("positions")
    sections["positions"].title = tr.gettext(POSITIONS_TITLE)
    sections["positions"].items = sorted(merged["positions"], key=lambda i: (unit_order[i.group or ""], dated(i)))
    for key in ("asks", "figures"):
        sections[key] = first.section(key)
        sections[key].items = sorted(merged[key], key=dated)
    # each document's most important line stays while any document has two
    best: dict[str, Item] = {}
    for s in sections.values():
        for i in s.items:
            if i.priority != INF and (i.report_id not in best or i.priority > best[i.report_id or ""].priority):
                best[i.report_id or ""] = i
    for i in best.values():
        i.priority += FIRST_LINE_BONUS
    for s in first.to_fill():
        sections[s.key] = s
    sections["summary"].items[0].text = tr.gettext(SUMMARY_PROMPT)
    order = ["purpose", "summary", "key_messages", "briefers", "positions", "asks", "figures", "issues", "points"]
    body = [sections[k] for k in order]
    for item in (i for s in body for i in s.items):
        item.keep = False  # the cut is by priority across documents; nothing is kept whatever the length
    dates = sorted(x for d in docs for p in d.theme_paras if (x := d.dates.get(p)))
    languages = {b.text_lang for b in builders.values()}
    heading = {
        "body": (docs[0].view.metadata.get("body") or None)
        if len({d.view.metadata.get("body") for d in docs}) == 1
        else None,
        "meeting_id": None,
        "meeting_title": None,
        "date": None,
        "dates": [],
        "format": None,
        "chair": None,
        "document": None if corpus else (t.metadata.get("symbol") or None),
        "report_id": t.report_id,
        "report_title": t.metadata.get("title") or None,
        "report_date": str(t.metadata["date"])[:10] if t.metadata.get("date") else None,
        "paras": [],
        "theme": theme_id,
        "theme_label": label,
        "documents": [
            {"report_id": d.report_id, "label": d.label, "date": d.date, "kind": d.kind, "lang": d.lang} for d in docs
        ],
        "period": [dates[0], dates[-1]] if dates else [],
        "since": since_,
        "until": until_,
    }
    title = tr.ngettext(
        "Briefing note: {theme}, {n} document", "Briefing note: {theme}, {n} documents", len(docs)
    ).format(theme=label, n=len(docs))
    filters = {
        "meeting": None,
        "themes": [theme_id],
        "speakers": [],
        "theme_labels": [label],
        "speaker_labels": [],
        "since": since_,
        "until": until_,
    }
    note = Note(
        title, heading, body, filters, t.report_id, max_words, lang, languages.pop() if len(languages) == 1 else None
    )
    cut = _Cut(note, docs, builders, tr)
    note.refresh()
    note.sections += cut.tail()
    if max_words:
        cut.fit(max_words)
    return note


class _Cut:
    """The citations of a note across documents, its annex and its two-page cut."""

    def __init__(self, note: Note, docs: list[_Document], builders: dict[str, Builder], tr) -> None:
        self.note, self.docs, self.builders, self.tr = note, docs, builders, tr
        self.n_body = len(note.sections)
        self.memo: dict[tuple, tuple[list[Item], list[Item]]] = {}
        # the key figures said on the theme in each document (found once; each cut step checks which are quoted)
        self.figures = {
            d.report_id: [f for f in builders[d.report_id].figures_not_quoted([]) if f["para"] in set(d.theme_paras)]
            for d in docs
        }

    def tail(self) -> list[Section]:
        """The Citations (one line per document quoted, and one line counting the rest) and, when anything on
        the theme is not quoted, the annex that lists it document by document (see :func:`annex_line`)."""
        lang = self.note.lang
        body = self.note.sections[: self.n_body]
        first = next(iter(self.builders.values()))
        sec, annex = first.section("citations"), first.section("annex")
        by_doc: dict[str | None, list[Item]] = {}
        for i in (i for s in body for i in s.items if i.kind != "to_fill"):
            by_doc.setdefault(i.report_id, []).append(i)
        for d in self.docs:
            mine = by_doc.get(d.report_id, [])
            cited = tuple(sorted({p for i in mine for p in i.paras}))
            quoted = tuple((i.paras[0], i.text) for i in mine if i.quote)
            key = (d.report_id, cited, quoted)
            if key not in self.memo:  # the cut rebuilds the tail at each step; most documents have not changed
                self.memo[key] = self._lines(d, list(cited), quoted)
            citation, listed = self.memo[key]
            sec.items += citation
            annex.items += listed
        if not annex.items:
            return [sec]
        sec.items.append(Item("see_annex", annex_line(annex.items, {i.report_id for i in sec.items}, lang), []))
        return [sec, annex]

    def _lines(self, d: _Document, cited: list[int], quoted: tuple) -> tuple[list[Item], list[Item]]:
        """A document's "Cite as" line (when quoted), and its annex lines: the paragraphs on the theme and the key
        figures not quoted."""
        tr, lang = self.tr, self.note.lang
        citation, listed = [], []
        if cited:
            citation.append(
                Item(
                    "citation",
                    tr.gettext("Cite as: {citation}").format(citation=cite(d.label, cited, lang)),
                    cited,
                    report_id=d.report_id,
                    document=d.label,
                )
            )
        rest = sorted(set(d.theme_paras) - set(cited))
        if rest:
            listed.append(
                Item(
                    "not_quoted",
                    tr.gettext("Paragraphs on the theme not quoted in this note: {citation}").format(
                        citation=cite(d.label, rest, lang)
                    ),
                    rest,
                    report_id=d.report_id,
                    document=d.label,
                )
            )
        figures = [
            f
            for f in self.figures[d.report_id]
            if not any(para == f["para"] and f["text"] in text for para, text in quoted)
        ]
        if figures:
            text = semicolon(lang).join(f"{f['text']} ({cite(d.label, [f['para']], lang)})" for f in figures)
            listed.append(
                Item(
                    "not_quoted",
                    tr.gettext("Figures not quoted in this note: {figures}").format(figures=text),
                    sorted({f["para"] for f in figures}),
                    report_id=d.report_id,
                    document=d.label,
                    figures=[{"text": f["text"], "kind": f["kind"]} for f in figures],
                )
            )
        return citation, listed

    def apply(self, full: dict[str, list[Item]], dropped: set[int], cache: dict) -> int:
        body = self.note.sections[: self.n_body]
        b = next(iter(self.builders.values()))
        for s in body:
            s.items = [i for i in full[s.key] if id(i) not in dropped]
            if s.key != "purpose":
                say_cut(s, full[s.key], b)
        self.note.refresh()
        self.note.sections[self.n_body :] = self.tail()
        return self.note.words(cache)

    def fit(self, limit: int) -> None:
        """Drop the least important quotes until the Markdown up to the annex fits ``limit`` words, then put back,
        most important first, any that still fits. What is dropped goes to the annex, which is not counted: the
        Citations grow by one line per document quoted, so the two pages hold whatever the number of documents."""
        body = self.note.sections[: self.n_body]
        full = {s.key: list(s.items) for s in body}
        cache: dict = {}
        dropped: set[int] = set()
        order = sorted(
            (i for s in body for i in s.items if i.priority != INF), key=lambda i: (i.priority, -len(i.text))
        )
        words = self.apply(full, dropped, cache)
        estimate = words
        for item in order:
            if estimate <= limit:
                words = self.apply(full, dropped, cache)
                if words <= limit:
                    break
                estimate = words
            dropped.add(id(item))
            estimate -= sum(len(line.split()) for line in markdown_lines_of(item, cache, self.note.lang))
        words = self.apply(full, dropped, cache)
        for item in sorted((i for i in order if id(i) in dropped), key=lambda i: -i.priority):
            if sum(len(line.split()) for line in markdown_lines_of(item, cache, self.note.lang)) > limit - words:
                continue
            dropped.discard(id(item))
            words = self.apply(full, dropped, cache)
            if words > limit:
                dropped.add(id(item))
                words = self.apply(full, dropped, cache)


def annex_line(annex: list[Item], quoted: set[str | None], lang: str) -> str:
    """The line of the Citations that counts what the annex lists: the paragraphs on the theme not quoted, in how
    many documents (how many of them not quoted at all), and the key figures not quoted.

    Why an annex and not a file beside the note: a desk officer forwards one file, and a UN reader knows the
    annex after the body; the two pages stay the note (the length limit counts up to the annex), the annex
    starts on a new page (HTML, Word; a rule in Markdown; a section of its own in the JSON), and nothing on the
    theme is out of the reader's sight.

    Examples
    --------
    >>> items = [Item("not_quoted", "…", [3, 4], report_id="a"), Item("not_quoted", "…", [7], report_id="b"),
    ...          Item("not_quoted", "…", [7], report_id="b", figures=[{"text": "12", "kind": "casualties"}])]
    >>> print(annex_line(items, {"a"}, "en"))  # doctest: +NORMALIZE_WHITESPACE
    Not quoted in this note: 3 paragraphs on the theme in 2 documents (1 of them not quoted at all)
    and 1 key figure, listed in the annex after the two pages.
    >>> print(annex_line(items[:1], {"a"}, "fr"))  # doctest: +NORMALIZE_WHITESPACE
    Non cités dans la présente note : 2 paragraphes sur le thème dans 1 document ; voir la liste en annexe,
    après les deux pages.
    """
    tr = translator(lang)
    paras = [(i.report_id, p) for i in annex if not i.figures for p in i.paras]
    docs = {i.report_id for i in annex}
    n_figures = sum(len(i.figures) for i in annex)
    unquoted = len(docs - quoted)
    documents = tr.ngettext("{n} document", "{n} documents", len(docs)).format(n=len(docs))
    figures = tr.ngettext("{n} key figure", "{n} key figures", n_figures).format(n=n_figures)
    pieces = []
    if paras:
        pieces.append(
            tr.gettext("{paragraphs} in {documents}").format(
                paragraphs=tr.ngettext("{n} paragraph on the theme", "{n} paragraphs on the theme", len(paras)).format(
                    n=len(paras)
                ),
                documents=documents,
            )
        )
        if unquoted:
            pieces[0] += " " + tr.ngettext(
                "({n} of them not quoted at all)", "({n} of them not quoted at all)", unquoted
            ).format(n=unquoted)
        if n_figures:
            pieces.append(figures)
    else:
        pieces.append(tr.gettext("{paragraphs} in {documents}").format(paragraphs=figures, documents=documents))
    return tr.gettext("Not quoted in this note: {what}, listed in the annex after the two pages.").format(
        what=and_list(pieces, lang)
    )
