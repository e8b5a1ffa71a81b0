"""Summary records (« comptes rendus analytiques »): a header that dates the meeting, numbered paragraphs.

A summary record (``A/C.4/78/SR.9``, ``A/AC.121/SR.250``) prints a header, the symbol, "Summary record of the
9th meeting", "Held at Headquarters, New York, on Tuesday, 17 October 2023, at 3 p.m.", "Chair: Mr. Lindqvist
(Sweden)", sometimes "later: ..." and the agenda, then the record's own lines ("The meeting was called to order
at 3.05 p.m.", « La séance est levée à 18 heures. ») around numbered paragraphs, with agenda-item headings
between them. The reader:

* takes the header (everything before "The meeting was called to order", or before paragraph 1, and before the
  agenda-item heading just above either) for ``front_matter`` and ``header``: symbol, date, title, chair, body;
* empties the record's own procedural lines (called to order, suspended, resumed, rose), what follows "The
  meeting rose", the symbol repeated as a running head, and every heading (an agenda item, wrapped over several
  lines or not, or a short line alone that ends no sentence), so none of them is read into a paragraph;
* reads the paragraphs with :func:`kit.layout.parse_layout` (footers, hyphens, footnotes, numbering problems),
  line numbers unchanged;
* gives each paragraph the heading above it (``section`` = the agenda item's number, ``section_title`` its
  title) and dates one meeting, from the header, covering every paragraph.

The header words are language data (:func:`kit.language.document_words`).

Examples
--------
>>> from kit.sources import source_from_text
>>> doc = read_summary_record(source_from_text(
...     "A/C.4/78/SR.9\\n\\nSummary record of the 9th meeting\\n"
...     "Held at Headquarters, New York, on Tuesday, 17 October 2023, at 3 p.m.\\n\\n"
...     "Chair: Mr. Lindqvist (Sweden)\\n\\n"
...     "The meeting was called to order at 3.05 p.m.\\n\\nGeneral debate\\n\\n"
...     "1. Mr. Okonjo (Nigeria) said that training mattered.\\n\\nThe meeting rose at 5 p.m.\\n"))
>>> [(p.number, p.section_title, p.text) for p in doc.paragraphs]
[(1, 'General debate', 'Mr. Okonjo (Nigeria) said that training mattered.')]
>>> {k: doc.meetings[0][k] for k in ("meeting_id", "title", "chair", "body")}
{'meeting_id': '2023-10-17', 'title': '9th meeting', 'chair': 'Mr. Lindqvist', 'body': 'Fourth Committee'}
"""

from __future__ import annotations

import re
from bisect import bisect_left
from pathlib import Path

from ..errors import Problem
from ..i18n import N_
from ..language import DocumentWords, document_words
from ..layout import Document, is_furniture, join_lines, parse_layout
from ..sources import SourceText
from .base import (
    Reader,
    body_named,
    body_of,
    find_date,
    header_lines,
    masked,
    matches,
    meeting_row,
    symbol_in,
    words_of,
)

__all__ = ["READER", "read_summary_record"]

# "2.Mme ROJAS (Pérou) dit": no space after the number before a capital, in some treaty bodies' records
_PARA_ONE = re.compile(r"^\s{0,8}1\.(?:\s+\S|\s*$|(?=[A-ZÀ-ÖØ-Þ][\w.]))")
_PARA_START = re.compile(r"^\s{0,8}\d+\.(?:\s+\S|\s*$|(?=[A-ZÀ-ÖØ-Þ][\w.]))")
_SENTENCE_END = re.compile(r"[.!?]\s*$")
_NO_HEADING_END = re.compile(r"[.!?:;,]\s*$")
_SUB_ITEM = re.compile(r"^\([a-z]\)\s+\S")  # an agenda item's sub-item: "(a) United Nations Interim Force ..."


def detect(lines: list[str]) -> bool:
    """A summary record's symbol (``.../SR.9``) or title line ("Summary record of the 9th meeting")."""
    return symbol_in(lines, "summary_record") is not None or any(matches("record_title", line) for line in lines)


def _language(source: SourceText) -> DocumentWords:
    for field in ("record_title", "held", "opened", "chair"):
        for _, line in header_lines(source):
            w = words_of(field, line)
            if w is not None:
                return w
    return document_words("en")


def _header_end(stripped: list[str], words: DocumentWords) -> int:
    """Index of the first line after the header: the "called to order" line, else paragraph 1 (an excerpt's first
    numbered paragraph) or the heading just above it; the end of the text when there is none (the layout then says
    there are no paragraphs)."""
    opened = next((i for i, s in enumerate(stripped) if matches("opened", s, words)), None)
    first = opened if opened is not None else next((i for i, s in enumerate(stripped) if _PARA_ONE.match(s)), None)
    if first is None:  # an excerpt: its first paragraph keeps the number it prints ("49."), after a blank line
        first = next(
            (i for i, s in enumerate(stripped) if _PARA_START.match(s) and (i == 0 or not stripped[i - 1])), None
        )
    if first is None:
        return len(stripped)
    # an agenda-item heading (perhaps wrapped) right above: the first heading of the body (some records print it
    # before "The meeting was called to order")
    seen = 0
    for i in range(first - 1, -1, -1):
        if not stripped[i]:
            continue
        if matches("agenda", stripped[i], words):
            return i
        seen += 1  # a wrapped title, or an item's sub-items ("(a) United Nations Interim Force in Lebanon")
        if seen >= 6 or _SENTENCE_END.search(stripped[i]):
            break
    return first


def _is_free_heading(stripped: list[str], i: int, end: int, marked: bool, symbol: str | None) -> bool:
    """A short line alone that ends no sentence, after a blank line or a sentence's end (page furniture and the
    running head skipped), before a blank line or a paragraph's number ("Election of officers", "General
    debate")."""
    line = stripped[i]
    if marked:
        return True
    if (
        not line
        or _PARA_START.match(line)
        or is_furniture(line)
        or line == symbol
        or len(line) > 100
        or len(line.split()) > 12
        or _NO_HEADING_END.search(line)
        or not line[0].isupper()
    ):
        return False
    prev = next(
        (
            stripped[k]
            for k in range(i - 1, -1, -1)  # no slice: a long record stays linear
            if stripped[k] and not is_furniture(stripped[k]) and stripped[k] != symbol
        ),
        "",
    )
    nxt = stripped[i + 1] if i + 1 < end else ""
    return (not stripped[i - 1] or bool(_SENTENCE_END.search(prev))) and (not nxt or bool(_PARA_START.match(nxt)))


def _body_headings(
    source: SourceText, stripped: list[str], start: int, end: int, words: DocumentWords, symbol: str | None
) -> tuple[list[tuple[str | None, str, int]], set[int]]:
    """The headings between ``start`` and ``end`` as ``(item, title, 1-based line)``, and the lines to empty:
    the headings' and the record's own procedural lines."""
    headings, blank = [], set()
    i = start
    after_item = False  # the last line read was an agenda item's heading (or one of its sub-items)
    while i < end:
        line = stripped[i]
        if not line:
            i += 1
            continue
        if matches("opened", line, words) or matches("procedural", line, words) or line == symbol:
            blank.add(i)
            i += 1
            continue
        if (
            _SUB_ITEM.match(line)
            and not _SENTENCE_END.search(line)
            and headings
            and headings[-1][0]
            and (after_item or (not stripped[i - 1] and (i + 1 >= end or not stripped[i + 1])))
        ):
            # "(a) United Nations Disengagement Observer Force (continued)": a sub-item of the agenda item above,
            # right under it or alone between paragraphs
            headings.append((headings[-1][0], line, i + 1))
            blank.add(i)
            i += 1
            continue
        after_item = False
        agenda = matches("agenda", line, words)
        if agenda or _is_free_heading(stripped, i, end, i in source.headings, symbol):
            j = i + 1
            while (
                j < end
                and stripped[j]
                and not _PARA_START.match(stripped[j])
                and not is_furniture(stripped[j])
                and not _SENTENCE_END.search(stripped[j - 1])
            ):
                j += 1  # the heading wraps onto the next line
            text = join_lines(list(stripped[i:j]))
            if agenda:
                item = " ".join(agenda.group("item").split())
                title = join_lines([agenda.group("title") or "", *stripped[i + 1 : j]])
            else:
                item, title = None, text
            headings.append((item, title, i + 1))
            blank.update(range(i, j))
            after_item = bool(agenda)
            i = j
            continue
        i += 1
    return headings, blank


def read_summary_record(source: SourceText, reference_folder: Path | None = None) -> Document:
    """Read a summary record: header, paragraphs, headings and its one meeting (see the module's description).

    Raises
    ------
    kit.LayoutError
        When the record has no numbered paragraph.
    """
    stripped = [line.strip() for line in source.lines]
    words = _language(source)
    start = _header_end(stripped, words)
    rose = next((i for i in range(start, len(stripped)) if matches("rose", stripped[i], words)), len(stripped))
    header = [s for s in stripped[:start] if s]
    symbol = symbol_in(header, "summary_record")
    headings, blank = _body_headings(source, stripped, start, rose, words, symbol)
    blank.update(range(0, start))
    blank.update(range(rose, len(stripped)))
    doc = parse_layout(masked(source, blank), defer_truncation=True, reference_folder=reference_folder)
    doc.source = source
    doc.front_matter = header
    doc.back_matter = [s for s in stripped[rose:] if s]
    doc.kind = "summary_record"
    doc.symbol = doc.symbol or symbol
    if headings:
        doc.sections = [(item or "", title, line) for item, title, line in headings]
        starts = [line for _, _, line in headings]
        for p in doc.paragraphs:
            k = bisect_left(starts, p.line) - 1  # the last heading above the paragraph
            if k >= 0:
                p.section, p.section_title = headings[k][0], headings[k][1]
    doc.header = _header_fields(header, stripped[:start], words, symbol or doc.symbol)
    doc.meetings = _meeting(doc)
    if doc.header["date"] is None:
        doc.problems.append(
            Problem(
                "meeting_date",
                N_(
                    "the header of this summary record gives no meeting date (a "
                    "line such as 'Held at Headquarters, New York, on Tuesday, 17 "
                    "October 2023'): its meeting is read without a date"
                ),
                line=1,
            ).as_row()
        )
    return doc


def _header_fields(header: list[str], lines: list[str], words: DocumentWords, symbol: str | None) -> dict:
    """Symbol, title, date, chair, later chair, agenda items and body of a summary record's header."""
    out: dict = {
        "symbol": symbol,
        "date": None,
        "title": None,
        "chair": None,
        "later_chair": None,
        "body": body_of(symbol, words.code),
        "agenda": [],
    }
    if out["body"] is None:  # an excerpt without its symbol: the body its header names ("(Fourth Committee)")
        out["body"] = next((b for b in (body_named(line, words.code) for line in header[:12]) if b), None)
    for i, line in enumerate(header):
        title = matches("record_title", line, words)
        if title and out["title"] is None:
            out["title"] = " ".join(title.group("title").split())
            out["record_title"] = line
        if matches("held", line, words) and out["date"] is None:
            out["date"] = find_date(" ".join(header[i : i + 2]))  # the line may wrap before the year
        chair = matches("chair", line, words)
        if chair and out["chair"] is None:
            out["chair"] = _leaders(chair.group("name"))
        later = matches("later", line, words)
        if later and out["later_chair"] is None:
            out["later_chair"] = _leaders(later.group("name"))
        agenda = matches("agenda", line, words)
        if agenda:
            out["agenda"].append(" ".join(agenda.group(0).split()))
    return out


def _leaders(name: str) -> str:
    """A name without the dot leaders a PDF prints between it and the country.

    >>> _leaders("Mr. Lindqvist . . . . . . . . . (Sweden)")
    'Mr. Lindqvist (Sweden)'
    """
    return " ".join(re.sub(r"(?:\s*\.){3,}", " ", name).split())


def _meeting(doc: Document) -> list[dict]:
    """The record's one meeting, dated from the header (undated when the header gives no date), covering every
    paragraph."""
    if not doc.paragraphs:
        return []
    return [
        meeting_row(
            doc.header.get("date"),
            doc.header.get("title"),
            _name_only(doc.header.get("chair")),
            doc.header.get("body"),
            doc.paragraphs[0].number,
            doc.paragraphs[-1].number,
        )
    ]


def _name_only(chair: str | None) -> str | None:
    """ "Mr. Lindqvist (Sweden)" -> "Mr. Lindqvist": the meetings table's chair is a person.

    >>> _name_only("Mr. Lindqvist (Sweden)"), _name_only(None)
    ('Mr. Lindqvist', None)
    """
    return re.sub(r"(?:\s*\([^)]*\))+\s*$", "", chair).strip() if chair else None


READER = Reader(
    "summary_record", detect, read_summary_record, "a summary record (A/C.4/78/SR.9; « compte rendu analytique »)"
)
