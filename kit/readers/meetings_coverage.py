"""Meetings coverage (press releases: ``SC/15312``, ``GA/PK/246``; « CS/15312 », « AG/PK/246 »).

A press release prints a header block, the meeting line ("9,391st Meeting (PM)", « 9391e séance – après-midi »),
the symbol, the date line ("17 October 2023"), a headline and a sub-headline, sometimes "For information media.
Not an official record.", then paragraphs that carry **no printed number**, with sub-headings ("Briefings",
"Statements") between them. The reader:

* takes the header block: the blocks (runs of lines between blank lines) from the top up to the first block
  that is prose (its text ends a sentence) and is not furniture of the release (the media notice);
* numbers the paragraphs itself, **1-based over the blank-line-separated blocks after the header block**,
  leaving out sub-headings (a block of one short line that ends no sentence, or a line the markup marks as a
  heading), the media notice, the release's own procedural line ("The meeting began at 3:05 p.m. and ended at
  4:50 p.m."), page furniture and everything after the end mark ("* *** *") or a footnote rule ("_____"); each
  paragraph is
  ``numbered=False`` and is cited like any other ("para. 12");
* dates one meeting, from the date line, covering every paragraph; its title is the meeting line.

A press release that dates no meeting (no meeting line or no date line: a statement, a note to correspondents)
or has no paragraph is refused with :class:`kit.NotAReportError`, never a layout error.

Examples
--------
>>> from kit.sources import source_from_text
>>> doc = read_meetings_coverage(source_from_text(
...     "9391e séance – après-midi\\nCS/15312\\n17 octobre 2023\\n\\nLe Conseil entend un exposé\\n\\n"
...     "Le Conseil a entendu un exposé.\\n\\nDéclarations\\n\\nLe représentant du Ghana a dit que la formation "
...     "comptait.\\n"))
>>> [(p.number, p.numbered, p.section_title) for p in doc.paragraphs]
[(1, False, None), (2, False, 'Déclarations')]
>>> doc.meetings[0]["date"], doc.meetings[0]["title"], doc.meetings[0]["body"]
(datetime.date(2023, 10, 17), '9391e séance – après-midi', 'Conseil de sécurité')
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import NoReturn

from ..errors import NotAReportError, Problem
from ..i18n import N_
from ..language import DocumentWords, detect_language, document_words, language
from ..layout import FOOTNOTE_RULE, Document, Paragraph, is_furniture, join_lines
from ..sources import SourceText
from .base import Reader, body_named, body_of, find_date, header_lines, matches, meeting_row, symbol_in, words_of

__all__ = ["READER", "read_meetings_coverage", "NO_MEETING"]

NO_MEETING = N_(
    "this press release covers no meeting (its header has no meeting line such as '9391st Meeting (PM)', "
    "nor the symbol of a meetings coverage series with a line naming the body, such as 'Fourth "
    "Committee', and its first paragraph does not say that it covers a meeting of the body, as in 'the "
    "Fourth Committee was told this morning'): the kit reads {kinds}, not other press releases"
)
_PROSE_END = re.compile(r"[.!?][”\"»’)]?\s*$")  # a sentence ends the block
_NO_HEADING_END = re.compile(r"[.!?:;,]\s*$")
# a headline asking a question ("Fifth Committee: An Annual Budget Cycle?"): one short sentence ending in "?"
_QUESTION_HEADLINE = re.compile(r"^[^.!?\n]{3,200}\?[”\"»’)]?\s*$")
_RULE = "---"  # the end mark "* *** *" once the markup step (kit.sources) has read it as a horizontal rule


def detect(lines: list[str]) -> bool:
    """A meeting line ("9,391st Meeting (PM)"), a press release's symbol (``SC/15312``) or its furniture ("Press
    Release", a partial summary's note) near the top: a release the kit then reads or refuses as a release."""
    top = lines[:15]
    return (
        any(matches("meeting_line", line) or matches("media", line) for line in top)
        or symbol_in(top, "meetings_coverage") is not None
    )


def _blocks(source: SourceText) -> list[list[int]]:
    """Runs of non-blank lines (0-based indexes), page furniture left out."""
    blocks, current = [], []
    for i, line in enumerate(source.lines):
        text = line.strip()
        if not text or text == "\f":
            if current:
                blocks.append(current)
            current = []
        elif not is_furniture(text):
            current.append(i)
    if current:
        blocks.append(current)
    return blocks


def _is_header_line(line: str, words: DocumentWords) -> bool:
    return bool(
        matches("meeting_line", line, words)
        or matches("media", line, words)
        or matches("session_line", line, words)
        or symbol_in([line], "meetings_coverage")
        or _header_date(line, words)
        or body_named(line)
    )


def _header_date(line: str, words: DocumentWords) -> date | None:
    """The date of a date line: "17 October 2023", « 17 octobre 2023 », or in figures, day first ("03/03/2003")."""
    if len(line) >= 40:
        return None
    m = matches("numeric_date", line, words)
    if m:
        try:
            return date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
        except ValueError:
            return None
    return find_date(line)


def _covers_a_meeting(head: list[str], header_blocks: list[str], meeting_line: str | None, symbol: str | None) -> bool:
    """A meeting line, or the symbol of a meetings coverage series (``bodies.csv``) and a line naming the body
    ("Fourth Committee", « Quatrième Commission », perhaps over two lines): a plain press statement has neither."""
    if meeting_line is not None:
        return True
    return body_of(symbol) is not None and any(body_named(s) for s in (*head, *header_blocks))


def _says_it_covers_a_meeting(text: str, body: str | None, words: DocumentWords) -> bool:
    """An older release without a meeting line says what it covers in its own words: ``text`` (its notes and
    first paragraph) names the ``body`` (in any language of ``bodies.csv``) and the day of the meeting ("was told
    this morning", « a achevé cet après-midi »).

    >>> w = document_words("en")
    >>> _says_it_covers_a_meeting("the Fourth Committee was told this morning.", "Fourth Committee", w)
    True
    >>> _says_it_covers_a_meeting("The Fourth Committee welcomed the report.", "Fourth Committee", w)
    False
    """
    if body is None or not re.search(words.covers_meeting, text):
        return False
    names = {n.casefold() for n in (body, *(body_named(body, w.code) for w in document_words())) if n}
    return any(n in text.casefold() for n in names)


def _older_date(head: list[str], first: str, day: date | None, words: DocumentWords) -> date | None:
    """The meeting's date as an older release prints it: its dateline ("NEW YORK, 24 October (UN Headquarters)
    --", the year from the date line when the dateline has none), else a date in figures run into a header line
    or the first paragraph ("19951115 ..."), else the date line's ``day``.

    >>> w = document_words("en")
    >>> _older_date([], "NEW YORK, 24 October (UN Headquarters) -- Peace ...", date(2005, 10, 25), w)
    datetime.date(2005, 10, 24)
    >>> _older_date(["19951115 Sub-headline"], "Text.", None, w)
    datetime.date(1995, 11, 15)
    """
    m = re.match(words.dateline, first)
    if m:
        month = language(words.code).month_number(m.group("month"))
        year = int(m.group("year")) if m.group("year") else (day.year if day else None)
        if month and year:
            try:
                found = date(year, month, int(m.group("day")))
            except ValueError:
                found = None
            if found and day and not m.group("year") and found > day:  # a dateline of December, released in January
                found = found.replace(year=found.year - 1)
            if found:
                return found
    for line in (*head, first):
        m = re.match(words.run_in_date, line)
        if m:
            try:
                return date(int(m.group("year")), int(m.group("month")), int(m.group("day")))
            except ValueError:
                continue
    return day


def _is_subheading(source: SourceText, block: list[int]) -> bool:
    """A block of one short line that ends no sentence ("Briefings", "Statements"), or marked as a heading."""
    if any(i in source.headings for i in block):
        return True
    line = source.lines[block[0]].strip()
    return len(block) == 1 and len(line) <= 100 and len(line.split()) <= 12 and not _NO_HEADING_END.search(line)


def _language(source: SourceText) -> DocumentWords:
    for field in ("meeting_line", "media"):
        for _, line in header_lines(source, 20):
            w = words_of(field, line)
            if w is not None:
                return w
    # no meeting line and no furniture (an older release): the language its words are in, when the kit has its
    # header words, else English
    code = detect_language(" ".join(line for _, line in header_lines(source, 40)))
    return next((w for w in document_words() if w.code == code), document_words("en"))


def _refuse(source: SourceText, header: list[int]) -> NoReturn:
    """Raise :class:`kit.NotAReportError`: a press release that covers no meeting, and the kinds the kit reads."""
    from . import KIND_NAMES  # the kinds the kit reads, said in the message

    raise NotAReportError(
        NO_MEETING, source=source.name, line=(header[0] + 1) if header else 1, kinds=", ".join(KIND_NAMES)
    )


def read_meetings_coverage(source: SourceText, reference_folder: Path | None = None) -> Document:
    """Read a press release covering a meeting (see the module's description).

    Raises
    ------
    kit.NotAReportError
        When the release dates no meeting or has no paragraph.
    """
    words = _language(source)
    lines = [line.strip() for line in source.lines]
    blocks = _blocks(source)
    header, k = _header(blocks, lines, words)
    head = [lines[i] for i in header]
    meeting_line = next((m.group("title") for m in (matches("meeting_line", s, words) for s in head) if m), None)
    day = next((d for d in (_header_date(s, words) for s in head) if d), None)
    symbol = symbol_in(head, "meetings_coverage")
    paragraphs, sections, back = _body(source, blocks[k:], lines, words)
    header_blocks = [" ".join(lines[i] for i in b) for b in blocks[:k]]
    named = body_of(symbol) or next((b for b in (body_named(s) for s in (*head, *header_blocks)) if b), None)
    if not paragraphs:
        _refuse(source, header)
    if meeting_line is None:  # an older release: its dateline, or a date run into a line, dates the meeting
        notes = " ".join(s for s in head if matches("media", s, words))
        if not _says_it_covers_a_meeting(f"{notes} {paragraphs[0].text}", named, words) and not _covers_a_meeting(
            head, header_blocks, meeting_line, symbol
        ):
            _refuse(source, header)
        day = _older_date(head, paragraphs[0].text, day, words)
    headline = _headline(blocks[:k], head, lines, words)
    doc = Document(source, head, paragraphs, sections, back, symbol=symbol, kind="meetings_coverage")
    body = body_of(symbol, words.code) or next(
        (b for b in (body_named(s, words.code) for s in (*head, *header_blocks)) if b), None
    )
    doc.header = {
        "symbol": symbol,
        "date": day,
        "title": headline[0] if headline else None,
        "body": body,
        "meeting": meeting_line,
        "chair": None,
    }
    if day is None:  # no date line: the meeting is read undated, never with a guessed date
        doc.problems.append(
            Problem(
                "meeting_date",
                N_(
                    "the header of this press release gives no date (a line such "
                    "as '17 October 2023'): its meeting is read without a date"
                ),
                line=(header[0] + 1) if header else 1,
            ).as_row()
        )
    doc.meetings = [meeting_row(day, meeting_line, None, body, 1, len(paragraphs))]
    return doc


def _header(blocks: list[list[int]], lines: list[str], words: DocumentWords) -> tuple[list[int], int]:
    """The header block's lines (indexes) and how many blocks it takes: the blocks from the top up to the first
    one that is prose (its text ends a sentence) and is not furniture of the release (the media notice). A headline
    may ask a question: one block of one line, one sentence ending in "?", is still the header's."""
    header: list[int] = []
    asked = False  # one question headline at most
    for k, block in enumerate(blocks):
        text = " ".join(lines[i] for i in block)
        furniture = all(_is_header_line(lines[i], words) for i in block)
        headline = not furniture and not asked and len(block) == 1 and bool(_QUESTION_HEADLINE.match(text))
        if not furniture and not headline and _PROSE_END.search(text) and not matches("media", lines[block[0]], words):
            return header, k
        asked = asked or headline
        header += block
    return header, len(blocks)


def _body(
    source: SourceText, blocks: list[list[int]], lines: list[str], words: DocumentWords
) -> tuple[list[Paragraph], list[tuple[str, str, int]], list[str]]:
    """The paragraphs (numbered by the reader, 1-based), the sub-headings and the back matter of the blocks after
    the header: the media notice and the procedural line are left out, and everything after the end mark or a
    footnote rule is back matter."""
    paragraphs: list[Paragraph] = []
    sections: list[tuple[str, str, int]] = []
    title = None
    back: list[str] = []
    for block in blocks:
        first = lines[block[0]]
        if back or matches("end_mark", first, words) or first == _RULE or FOOTNOTE_RULE.match(first):
            back += [lines[i] for i in block]
            continue
        if matches("media", first, words) or (len(block) == 1 and matches("procedural", first, words)):
            continue  # the media notice; "The meeting began at 3:05 p.m. and ended at 4:50 p.m."
        if _is_subheading(source, block):
            title = join_lines([lines[i] for i in block])
            sections.append(("", title, block[0] + 1))
            continue
        paragraphs.append(
            Paragraph(
                len(paragraphs) + 1, join_lines([lines[i] for i in block]), block[0] + 1, None, title, numbered=False
            )
        )
    return paragraphs, sections, back


def _headline(header_blocks: list[list[int]], head: list[str], lines: list[str], words: DocumentWords) -> list[str]:
    """The headline: the first header block without a meeting, symbol, date, media or body line (a release copied
    from the web prints it above those lines, or between two copies of them), else the lines of the header none of
    them."""
    return next(
        ([lines[i] for i in b] for b in header_blocks if not any(_is_header_line(lines[i], words) for i in b)), None
    ) or [s for s in head if not _is_header_line(s, words)]


READER = Reader(
    "meetings_coverage",
    detect,
    read_meetings_coverage,
    "meetings coverage, a press release (SC/15312, GA/PK/246; « CS/15312 »)",
)
