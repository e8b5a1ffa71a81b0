"""Build a briefing note on one meeting (or a report): :func:`build_note`, step by step.

One job: run the steps in order. Read the tables and resolve the selection (:class:`~.builder.Builder`), choose
the quotes section by section (:mod:`.sections`), write the heading, the title and the filters, then cut the note
to its length (:mod:`.cut`). A note whose labels are in another language than :data:`~.outline.CUT_LANG` keeps
the quotes the cut keeps in that language, so the same meeting gives the same quotes in English and in French.

Examples
--------
>>> from kit import load_report
>>> en = build_note(load_report(), meeting="2021-04-13", lang="en")
>>> fr = build_note(load_report(), meeting="2021-04-13", lang="fr")
>>> [i.key for i in en.items if i.quote] == [i.key for i in fr.items if i.quote]
True
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ...display import format_date
from ...i18n import normalize
from .builder import Builder
from .cut import briefable, say_cut, trim
from .model import Note
from .outline import CUT_LANG, MAX_WORDS, SECTION_TITLES
from .sections import purpose, quoted_sections
from .tables import as_date, note_tables

__all__ = ["build_note"]


def build_note(
    report: Any,
    meeting: str | None = None,
    themes: Iterable[str] | None = (),
    speakers: Iterable[str] | None = (),
    *,
    max_words: int | None = MAX_WORDS,
    lang: str | None = None,
) -> Note:
    """Build a briefing note from ``report``.

    Parameters
    ----------
    report : kit.Report or NoteTables
        A parsed report (pandas) or its tables as plain rows (the apps' report).
    meeting : str, optional
        A ``meeting_id`` (``"2021-04-13"``); default: every meeting of the report.
    themes : list of str, optional
        Theme ids or labels (``"covid19"``, ``"COVID-19 and health"``): keep the sentences that carry them.
    speakers : list of str, optional
        Speaker ids or names (``"MEX"``, ``"Mexico"``, ``"Menon"``, ``"UK"``): keep their statements.
    max_words : int, optional
        Words of Markdown per meeting (default :data:`MAX_WORDS`); ``None`` keeps every item.
    lang : str, optional
        The language of the note's headings, labels, dates and citations (``"fr"``; default: the process's
        language, :func:`kit.i18n.get_language`). Quotes stay verbatim in the report's language.

    Raises
    ------
    NoteError
        For a meeting, theme or speaker the report does not have.

    Examples
    --------
    >>> from kit import load_report
    >>> note = build_note(load_report(), meeting="2021-10-12", speakers=["Egypt"])
    >>> {i.kind for i in note.items} >= {"purpose", "ask"}
    True
    """
    t = note_tables(report)
    lang = normalize(lang)
    b = Builder(t, meeting, themes or (), speakers or (), lang)
    first = purpose(b)
    sections = [first, *quoted_sections(b, [first]), *b.to_fill()]
    sections = sorted(sections, key=lambda s: list(SECTION_TITLES).index(s.key))
    heading = _heading(b)
    limit = None
    if max_words:
        limit = max_words * (1 if b.meeting else max(1, len(t.meetings)))
    note = Note(_title(b, heading), heading, sections, _filters(b), t.report_id, limit, lang, b.text_lang)
    note.refresh()
    note.sections.append(b.citations(note.sections))
    if limit and lang == CUT_LANG:
        trim(note, b, limit)
    elif limit:  # the quotes the note keeps in the cut language, whatever the labels' language
        twin = build_note(report, meeting, themes, speakers, max_words=max_words, lang=CUT_LANG)
        _keep_as_in(note, twin, b)
    return note


def _heading(b: Builder) -> dict:
    """The note's heading: the body, the meeting (its id, title, date, format and chair), the document and the
    paragraphs the note covers."""
    t, m = b.t, b.meeting
    meta = t.metadata
    return {
        "body": meta.get("body") or (m or {}).get("body") or None,
        "meeting_id": m["meeting_id"] if m else None,
        "meeting_title": (m or {}).get("title") or None,
        "date": (as_date(m.get("date")).isoformat() if m and as_date(m.get("date")) else None),
        "dates": [d.isoformat() for mm in ([m] if m else t.meetings) if (d := as_date(mm.get("date")))],
        "format": (m or {}).get("format") or None,
        "chair": (m or {}).get("chair") or meta.get("chair") or None,
        "document": meta.get("symbol") or None,
        "report_id": t.report_id,
        "report_title": meta.get("title") or None,
        "report_date": as_date(meta.get("date")).isoformat() if as_date(meta.get("date")) else None,
        "paras": [b.paras[0], b.paras[-1]] if b.paras else [],
    }


def _title(b: Builder, heading: dict) -> str:
    """ "Briefing note: <the meeting's title>"; in a note of another language than its report, "meeting of <date>"
    (the report's title goes under Subject), else the report's words between quotation marks."""
    lang, report_id = b.lang, b.t.report_id
    subject = heading["meeting_title"] or heading["report_title"] or report_id
    if b.text_lang != lang and heading["date"]:
        return b.tr.gettext("Briefing note: meeting of {date}").format(date=format_date(heading["date"], lang))
    if b.text_lang != lang and subject != report_id:
        subject = b.tr.gettext("“{text}”").format(text=subject)
    return b.tr.gettext("Briefing note: {subject}").format(subject=subject)


def _filters(b: Builder) -> dict:
    """The selection the note was built for: ids, and their labels in the note's language."""
    return {
        "meeting": b.meeting["meeting_id"] if b.meeting else None,
        "themes": b.theme_ids,
        "speakers": b.speaker_ids,
        "theme_labels": [b.theme_label.get(x, x) for x in b.theme_ids],
        "speaker_labels": [b.labels.get(x, x) for x in b.speaker_ids],
    }


def _keep_as_in(note: Note, twin: Note, b: Builder) -> None:
    """Keep in ``note`` the items its ``twin`` (the same note in :data:`CUT_LANG`, cut) keeps, each ask and key
    figure cut to the same line; then refresh the Citations."""
    kept = {(s.key, i.kind, i.key): i for s in twin.sections for i in s.items}
    for s in note.sections[:-1]:
        full = s.items
        s.items = [i for i in s.items if i.kind == "to_fill" or (s.key, i.kind, i.key) in kept]
        for i in s.items:  # an ask (or its parts) cut to one line there is cut to the same line here
            same = kept.get((s.key, i.kind, i.key))
            if same is not None and briefable(i):
                i.brief = list(same.brief) if same.brief else None
                for part, twin_part in zip(i.parts, same.parts):
                    if twin_part.get("brief"):
                        part["brief"] = list(twin_part["brief"])
        say_cut(s, full, b)
    note.refresh()
    note.sections[-1] = b.citations(note.sections[:-1])
