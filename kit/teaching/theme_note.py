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

from dataclasses import dataclass, field
from typing import Any

from ..i18n import N_, normalize, translator
from .note.builder import Builder
from .note.model import Item, Note, NoteError, Section
from .note.outline import INF, MAX_WORDS
from .note.sections import quoted_sections
from .note.tables import note_tables
from .theme_annex import AcrossCut, annex_line
from .theme_documents import (
    Document,
    documents_with_theme,
    parse_date,
    select_documents,
    split_documents,
    theme_id,
    unit_title,
)

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


#: The sections a note across documents quotes, merged from every document's own sections.
MERGED = ("key_messages", "asks", "briefers", "positions", "figures")
#: The order of the body of a note across documents (its Citations and annex follow).
BODY = ("purpose", "summary", "key_messages", "briefers", "positions", "asks", "figures", "issues", "points")


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
    found = theme_id(t, theme, lang)
    since_, until_ = parse_date(since, "since", tr), parse_date(until, "until", tr)
    docs = select_documents(split_documents(t), found, since_, until_)
    if not docs:
        raise NoteError(
            tr.gettext("no document says anything on the theme {theme} between {since} and {until}").format(
                theme=repr(theme), since=since_ or "…", until=until_ or "…"
            )
        )
    corpus = bool(getattr(t, "is_corpus", False)) or len(docs) > 1
    g = _gather(docs, found, lang, corpus, bool(since_ or until_))
    body = _arrange(g, tr)
    languages = {b.text_lang for b in g.builders.values()}
    note = Note(
        _title(g, tr),
        _heading(g, t, corpus, since_, until_),
        body,
        _filters(g, since_, until_),
        t.report_id,
        max_words,
        lang,
        languages.pop() if len(languages) == 1 else None,
    )
    cut = AcrossCut(note, docs, g.builders, tr)
    note.refresh()
    note.sections += cut.tail()
    if max_words:
        cut.fit(max_words)
    return note


@dataclass
class _Gathered:
    """The quotes of every document on the theme, before they are put together: each document's builder, the items
    of each merged section (:data:`MERGED`), and the groups of positions (document and meeting) in order."""

    docs: list[Document]
    theme: str
    builders: dict[str, Builder] = field(default_factory=dict)
    merged: dict[str, list[Item]] = field(default_factory=lambda: {k: [] for k in MERGED})
    unit_order: dict[str, tuple] = field(default_factory=dict)
    when: dict[str, Document] = field(init=False)

    def __post_init__(self) -> None:
        self.when = {d.report_id: d for d in self.docs}

    @property
    def first(self) -> Builder:
        """The first document's builder: it titles the note's sections."""
        return next(iter(self.builders.values()))

    @property
    def label(self) -> str:
        """The theme's label in the note's language."""
        return self.first.theme_label.get(self.theme, self.theme)

    def dated(self, i: Item) -> tuple:
        """Where an item comes in date order: its meeting's date, its document, its paragraph and offset."""
        d = self.when[i.report_id or ""]
        return (d.dates.get(i.paras[0]) or "~", self.docs.index(d), i.paras[0], i.start or 0)


def _gather(docs: list[Document], theme: str, lang: str, corpus: bool, dated: bool) -> _Gathered:
    """Read each document with the one-report builder on ``theme``; its quotes carry their document, and its
    positions the group of their document and meeting. With dates given (``dated``), only the paragraphs on the
    theme within them are quoted."""
    g = _Gathered(docs, theme)
    for d in docs:
        b = g.builders[d.report_id] = Builder(d.view, None, [theme], (), lang)
        inside = set(d.theme_paras) if dated else None
        for sec in quoted_sections(b):
            for item in sec.items:
                if inside is not None and item.paras[0] not in inside:
                    continue
                item.report_id, item.document = d.report_id, d.label
                item.parts = [x for x in item.parts if x["para"] in set(d.theme_paras)]
                item.paras = [item.paras[0], *(x["para"] for x in item.parts if x["para"] != item.paras[0])]
                if sec.key == "positions":
                    item.group = unit_title(d, item.paras[0], corpus, lang)
                    g.unit_order.setdefault(item.group, (d.dates.get(item.paras[0]) or "", len(g.unit_order)))
                g.merged[sec.key].append(item)
    return g


def _arrange(g: _Gathered, tr) -> list[Section]:
    """The body of the note: the merged sections in date order (key messages by reach), each document's most
    important line weighted (:data:`FIRST_LINE_BONUS`), and the officer's sections to complete."""
    first, merged, dated = g.first, g.merged, g.dated
    sections = {"purpose": first.section("purpose")}
    sections["purpose"].empty = tr.ngettext(  # what the note is: the purpose section quotes no one
        "Statements filed under the theme “{theme}” in {n} document, grouped by document and meeting in date "
        "order. Every quote is a whole sentence of the paragraph cited, word for word.",
        "Statements filed under the theme “{theme}” in {n} documents, grouped by document and meeting in date "
        "order. Every quote is a whole sentence of the paragraph cited, word for word.",
        len(g.docs),
    ).format(theme=g.label, n=len(g.docs))
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
    sections["positions"].items = sorted(merged["positions"], key=lambda i: (g.unit_order[i.group or ""], dated(i)))
    for key in ("asks", "figures"):
        sections[key] = first.section(key)
        sections[key].items = sorted(merged[key], key=dated)
    _weigh_first_lines(sections.values())
    for s in first.to_fill():
        sections[s.key] = s
    sections["summary"].items[0].text = tr.gettext(SUMMARY_PROMPT)
    body = [sections[k] for k in BODY]
    for item in (i for s in body for i in s.items):
        item.keep = False  # the cut is by priority across documents; nothing is kept whatever the length
    return body


def _weigh_first_lines(sections: Any) -> None:
    """Each document's most important line stays while any document has two (:data:`FIRST_LINE_BONUS`)."""
    best: dict[str, Item] = {}
    for s in sections:
        for i in s.items:
            if i.priority != INF and (i.report_id not in best or i.priority > best[i.report_id or ""].priority):
                best[i.report_id or ""] = i
    for i in best.values():
        i.priority += FIRST_LINE_BONUS


def _heading(g: _Gathered, t: Any, corpus: bool, since: str | None, until: str | None) -> dict:
    """The heading of a note across documents: the body when they share one, the theme, the documents and the
    period their paragraphs on the theme cover."""
    docs = g.docs
    dates = sorted(x for d in docs for p in d.theme_paras if (x := d.dates.get(p)))
    return {
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
        "theme": g.theme,
        "theme_label": g.label,
        "documents": [
            {"report_id": d.report_id, "label": d.label, "date": d.date, "kind": d.kind, "lang": d.lang} for d in docs
        ],
        "period": [dates[0], dates[-1]] if dates else [],
        "since": since,
        "until": until,
    }


def _title(g: _Gathered, tr) -> str:
    """ "Briefing note: <theme>, <n> documents"."""
    n = len(g.docs)
    return tr.ngettext("Briefing note: {theme}, {n} document", "Briefing note: {theme}, {n} documents", n).format(
        theme=g.label, n=n
    )


def _filters(g: _Gathered, since: str | None, until: str | None) -> dict:
    """The selection the note was built for: the theme, and the dates."""
    return {
        "meeting": None,
        "themes": [g.theme],
        "speakers": [],
        "theme_labels": [g.label],
        "speaker_labels": [],
        "since": since,
        "until": until,
    }
