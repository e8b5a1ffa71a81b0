"""The layout step: one pass over a report's lines (:func:`parse_layout`), one method per kind of line.

One job: turn a :class:`~kit.sources.SourceText` into a :class:`~kit.layout.model.Document`: front matter,
sections and numbered paragraphs, with what was odd recorded as problems. What a line looks like is
:mod:`kit.layout.lines`' job, page furniture :mod:`kit.layout.furniture`'s, hyphens :mod:`kit.layout.hyphens`' and
footnotes :mod:`kit.layout.footnotes`'.

Examples
--------
>>> from kit.sources import source_from_text
>>> doc = parse_layout(source_from_text("I. Intro\\n\\n1. One.\\n\\n2. Two."))
>>> [(p.number, p.section) for p in doc.paragraphs]
[(1, 'I'), (2, 'I')]
"""

from __future__ import annotations

import re
from pathlib import Path

from ..errors import LayoutError, Problem
from ..i18n import N_
from ..sources import SourceText
from .footnotes import next_marker, place_footnotes
from .furniture import FOOTNOTE, FOOTNOTE_RULE, SYMBOL, is_footer, running_lines
from .hyphens import LINE_END_HYPHEN, Vocabulary, append_line, reference_vocabulary, text_vocabulary
from .lines import (
    ENDED,
    HEADING,
    MIDLINE_NUMBER,
    NUMBER_ALONE,
    PARA_START,
    SUBHEADING,
    TERMINAL,
    accept_number,
    next_letter,
    next_number,
    reference_end,
    roman_value,
    split_midline,
)
from .model import Document, Paragraph

__all__ = ["parse_layout"]

_RULE = "---"


def _lines(lines: tuple[str, ...], wrapped: bool, paragraphs: list[Paragraph]):
    """(line number, line) pairs; in PDF text a line is split where a paragraph starts in its middle."""
    for lineno, raw in enumerate(lines, start=1):
        if wrapped and raw and MIDLINE_NUMBER.search(raw):
            for piece in split_midline(raw.strip(), paragraphs[-1].number + 1 if paragraphs else 1):
                yield lineno, piece
        else:
            yield lineno, raw


def parse_layout(
    source: SourceText, *, defer_truncation: bool = False, reference_folder: Path | None = None
) -> Document:
    """Split a :class:`~kit.sources.SourceText` into paragraphs and sections.

    Time grows in proportion to the length of the text (one pass over the lines, read by a
    :class:`_LayoutReader`).

    Parameters
    ----------
    defer_truncation : bool
        Keep the "truncated" error in ``Document.truncated`` instead of raising it, for a caller that first
        decides whether the text is a report at all (a list whose lines have no full stops is not a report,
        whatever its punctuation: :func:`kit.parse.parse_rows`).
    reference_folder : Path, optional
        The reference tables whose words count as known when mending words hyphenated at a line end
        (``data/reference`` by default).

    Raises
    ------
    LayoutError
        When there are no numbered paragraphs, or the text stops mid-sentence.

    Examples
    --------
    >>> from kit.sources import source_from_text
    >>> doc = parse_layout(source_from_text("S/2021/1\\n\\nI. Intro\\n\\n1. One.\\n\\n2. Two.\\n---\\nAnnex"))
    >>> doc.symbol, doc.sections, [p.number for p in doc.paragraphs], doc.back_matter
    ('S/2021/1', [('I', 'Intro', 3)], [1, 2], ['Annex'])
    """
    lines = source.lines
    wrapped = source.format != "markdown"
    # Words hyphenated at a line end are mended with the words of the report and of the reference tables;
    # both are read only when some line ends with a hyphen.
    known = (
        text_vocabulary(lines) | reference_vocabulary(reference_folder)
        if any(line.rstrip().endswith("-") and LINE_END_HYPHEN.search(line) for line in lines)
        else Vocabulary()
    )
    reader = _LayoutReader(source, known)
    for lineno, raw in _lines(lines, wrapped, reader.paragraphs):
        reader.read(lineno, raw)
    return reader.document(defer_truncation)


class _LayoutReader:
    """The state of one pass over a report's lines, with one method per kind of line.

    :meth:`read` takes each line and hands it to the method of its kind: a blank line or a page break
    (:meth:`_blank`), a line of the page's footnotes (:meth:`_footnote_line`), page furniture
    (:meth:`_furniture`), the footnote rule, the closing rule and the back matter after it, a paragraph number
    alone on its line (:meth:`_number_alone`), a section heading (:meth:`_heading`), a subsection heading
    (:meth:`_subheading`), the wrapped rest of a heading (:meth:`_heading_continued`), and a line of text
    (:meth:`_text`): a numbered paragraph's start (:meth:`_paragraph_start`), a line continuing the last
    paragraph (:meth:`_continuation`) or front matter. :meth:`document` closes the pass.

    Examples
    --------
    >>> from kit.sources import source_from_text
    >>> reader = _LayoutReader(source_from_text("Title\\n\\n1. One line\\nwrapped."), Vocabulary())
    >>> for lineno, raw in enumerate(reader.lines, start=1):
    ...     reader.read(lineno, raw)
    >>> reader.front, [(p.number, p.line) for p in reader.paragraphs], reader.buf
    (['Title'], [(1, 3)], ['One line', ' wrapped.'])
    >>> reader.document(defer_truncation=False).paragraphs[0].text
    'One line wrapped.'
    """

    def __init__(self, source: SourceText, known: Vocabulary) -> None:
        self.source = source
        self.lines = source.lines
        self.wrapped = source.format != "markdown"
        self.running = running_lines(self.lines) if self.wrapped else set()
        self.known = known
        # What the document is made of
        self.front: list[str] = []
        self.back: list[str] = []
        self.paragraphs: list[Paragraph] = []
        self.numbers: set[int] = set()
        self.buf: list[str] = []  # pieces of the text of the last paragraph, joined when the next one starts
        self.sections: list[tuple[str, str, int]] = []
        self.problems: list[dict] = []
        self.symbol: str | None = None
        # Where the reading stands
        self.section: tuple[str, str] | None = None
        self.section_value = 0  # value of the current section's numeral: the next heading is section_value + 1
        self.heading_open = False  # a heading may wrap onto the next line in PDF text
        self.subsection: str | None = None
        self.number_alone: tuple[int, int] | None = None  # "12." alone on a line: (number, line); text follows
        self.blank_before = True
        self.ended = False  # a horizontal rule after the paragraphs closes the body
        self.pending_break = False
        # Footnotes
        self.notes: list[dict] = []  # as read: marker, text pieces, line, paragraphs of the page (indexes)
        self.notes_open = False  # after a footnote rule, until the page ends
        self.notes_block: list[dict] = []  # the footnotes of the open block
        self.page_from = 0  # index of the paragraph the current page starts in

    def sentence_ended(self) -> bool:
        """Does the text read so far end a sentence (a reference such as "para. 12" does not)?"""
        tail = self.buf[-1][-40:] if self.buf else ""  # the end of the text is all these patterns read
        return bool(tail) and bool(ENDED.search(tail)) and not reference_end().search(tail)

    def read(self, lineno: int, raw: str) -> None:
        """Read line ``lineno`` (1-based) of the source: dispatch it to the method of its kind."""
        line = raw.strip()
        if not line or line == "\f":
            self._blank(line)
            return
        m_sym = SYMBOL.match(line)
        furniture = bool(m_sym) or is_footer(line) or line in self.running
        if self.notes_open and self._footnote_line(lineno, line, furniture):
            return
        if furniture:
            self._furniture(m_sym)
        elif FOOTNOTE_RULE.match(line):  # the footnotes of this page follow: never report text
            self.notes_open, self.notes_block = True, []
            self.blank_before = False
        elif line == _RULE:
            if self.paragraphs:
                self.ended = True
        elif self.ended:
            self.back.append(line)
        elif not self._number_alone(lineno, line):
            if self.number_alone:
                line = f"{self.number_alone[0]}. {line}"
            m_para = PARA_START.match(line)
            marked = (lineno - 1) in self.source.headings
            if not (
                self._heading(lineno, line, marked)
                or self._subheading(line, m_para, marked)
                or self._heading_continued(line, m_para)
            ):
                self._text(lineno, line, m_para)

    def _blank(self, line: str) -> None:
        """A blank line, or a page break ("\\f"): the end of a block, and of the page's footnotes."""
        self.blank_before = True
        self.heading_open = False
        if self.paragraphs:
            self.pending_break = True
        if line == "\f":
            self.notes_open, self.page_from = False, max(len(self.paragraphs) - 1, 0)

    def _footnote_line(self, lineno: int, line: str, furniture: bool) -> bool:
        """A line after a footnote rule: a new footnote, or one wrapped onto this line (True: the line is read),
        or the end of the footnotes (False: the line is read as what it is)."""
        m_note = FOOTNOTE.match(line)
        if furniture:
            self.notes_open = False  # the page ends
        elif m_note and next_marker(self.notes_block, m_note.group(1)):
            self.notes_block.append(
                {
                    "marker": m_note.group(1),
                    "text": [m_note.group(2).strip()],
                    "line": lineno,
                    "page": (self.page_from, len(self.paragraphs) - 1),
                }
            )
            self.notes.append(self.notes_block[-1])
            self.blank_before = False
            return True
        elif self.notes_block and not self.blank_before and not self._next_paragraph_starts(line):
            append_line(self.notes_block[-1]["text"], line, self.known)  # a footnote wrapped onto the next line
            return True
        else:
            self.notes_open = False  # report text again (after a blank line, or a rule that had no footnotes)
        if self.paragraphs:
            self.pending_break = True
        return False

    def _next_paragraph_starts(self, line: str) -> bool:
        m_para = PARA_START.match(line)
        return m_para is not None and int(m_para.group(1)) == next_number(self.paragraphs)

    def _furniture(self, m_sym: re.Match | None) -> None:
        """Page furniture: dropped; a new page starts; the first running head gives the document's symbol."""
        self.page_from = max(len(self.paragraphs) - 1, 0)
        if m_sym:
            self.symbol = self.symbol or m_sym.group(1)

    def _number_alone(self, lineno: int, line: str) -> bool:
        """A paragraph's number alone on its line ("12."): its text follows on the next line."""
        m_alone = NUMBER_ALONE.match(line)
        if (
            m_alone
            and (self.blank_before or not self.wrapped or next_number(self.paragraphs) == int(m_alone.group(1)))
            and accept_number(int(m_alone.group(1)), self.paragraphs, True, self.sentence_ended())
        ):
            self.number_alone = (int(m_alone.group(1)), lineno)
            return True
        return False

    def _heading(self, lineno: int, line: str, marked: bool) -> bool:
        """A section heading ("III. Implementation ..."), where one may stand (True: it was one)."""
        m_head = HEADING.match(line)
        if not m_head or self.number_alone:
            return False
        value = roman_value(m_head.group(1))
        if not (
            self.blank_before
            or not self.paragraphs
            or marked
            # PDF text without blank lines: the next section's numeral after a finished sentence, or a later
            # numeral (an excerpt, a heading missed) when the heading's lines lead to the next paragraph
            or (self.sentence_ended() and value == self.section_value + 1)
            or (
                self.sentence_ended()
                and (value or 0) > self.section_value
                and _heading_ahead(self.lines, lineno, next_number(self.paragraphs))
            )
        ):
            return False
        self.section = (m_head.group(1), m_head.group(2).strip())
        self.section_value = value or self.section_value
        self.sections.append((self.section[0], self.section[1], lineno))
        self.subsection = None
        self.heading_open = self.wrapped
        self.blank_before = False
        return True

    def _subheading(self, line: str, m_para: re.Match | None, marked: bool) -> bool:
        """A subsection heading ("A. Meeting of 12 May 2022"), or a line the markup marks as a heading."""
        if m_para:
            return False
        m_sub = SUBHEADING.match(line)
        if not (
            (marked and self.section)
            or (
                m_sub
                and not TERMINAL.search(line)
                and (self.blank_before or (self.sentence_ended() and m_sub.group(1) == next_letter(self.subsection)))
            )
        ):
            return False
        self.subsection = line
        self.heading_open = False
        self.blank_before = False
        return True

    def _heading_continued(self, line: str, m_para: re.Match | None) -> bool:
        """The rest of a section heading wrapped onto this line (PDF text)."""
        if self.heading_open and self.section and not m_para:
            self.section = (self.section[0], self.section[1] + " " + line)
            self.sections[-1] = (self.section[0], self.section[1], self.sections[-1][2])
            return True
        self.heading_open = False
        return False

    def _text(self, lineno: int, line: str, m_para: re.Match | None) -> None:
        """A line of text: a numbered paragraph's start, a line of the paragraph before, or front matter."""
        if m_para and accept_number(
            int(m_para.group(1)), self.paragraphs, self.blank_before or not self.wrapped, self.sentence_ended()
        ):
            self._paragraph_start(lineno, m_para)
        elif self.paragraphs:
            self._continuation(lineno, line, m_para)
        else:
            self.front.append(line)
        self.blank_before = False
        self.pending_break = False
        self.number_alone = None

    def _paragraph_start(self, lineno: int, m_para: re.Match) -> None:
        """A numbered paragraph starts: a number out of sequence is recorded as a problem."""
        number = int(m_para.group(1))
        expected = next_number(self.paragraphs)
        if number != expected:
            kind = "duplicate" if number in self.numbers else ("gap" if number > expected else "out_of_order")
            self.problems.append(
                Problem(
                    kind,
                    N_("paragraph {para} where {expected} was expected"),
                    para=number,
                    line=lineno,
                    expected=expected,
                ).as_row()
            )
        if self.paragraphs:
            self.paragraphs[-1].text = "".join(self.buf)
        first_line = self.number_alone[1] if self.number_alone else lineno
        self.buf = [m_para.group(2).strip()]
        section = self.section
        self.paragraphs.append(
            Paragraph(
                number,
                "",
                first_line,
                section[0] if section else None,
                section[1] if section else None,
                subsection=self.subsection,
            )
        )
        self.numbers.add(number)

    def _continuation(self, lineno: int, line: str, m_para: re.Match | None) -> None:
        """A line of the last paragraph: a wrapped line, or a page-break fragment joined back."""
        if self.pending_break:
            self.paragraphs[-1].pages += 1
        if m_para and self.blank_before and self.sentence_ended():
            # Looks like a paragraph of its own, but its number is too far from the sequence to believe:
            # kept as text of the paragraph before it, and said so.
            last = self.paragraphs[-1].number
            self.problems.append(
                Problem(
                    "number_in_text",
                    N_(
                        "'{number}.' was read as text of paragraph {para}, "
                        "not as a new paragraph ({expected} was expected)"
                    ),
                    para=last,
                    line=lineno,
                    expected=last + 1,
                    number=m_para.group(1),
                ).as_row()
            )
        append_line(self.buf, line, self.known)

    def document(self, defer_truncation: bool) -> Document:
        """Close the pass: the last paragraph's text, the footnotes placed, the truncation checked."""
        source, paragraphs = self.source, self.paragraphs
        if not paragraphs:
            raise LayoutError(
                N_(
                    "no numbered paragraphs found (expected lines such as '1. The Working Group ...'); "
                    "is this a report of reported speech?"
                ),
                source=source.name,
                line=1,
            )
        paragraphs[-1].text = "".join(self.buf)
        for p in paragraphs:
            p.text = " ".join(p.text.split())
        footnotes = place_footnotes(self.notes, paragraphs, self.problems)
        truncated = _truncation(source, paragraphs[-1])
        if truncated is not None and not defer_truncation:
            raise truncated
        return Document(
            source, self.front, paragraphs, self.sections, self.back, self.problems, self.symbol, truncated, footnotes
        )


def _truncation(source: SourceText, last: Paragraph) -> LayoutError | None:
    """The error to raise when the text stops mid-sentence or on the next paragraph's number alone, else None."""
    tail = next((line.strip() for line in reversed(source.lines) if line.strip()), "")
    if tail.rstrip(".") == str(last.number + 1):  # "12" or "12." with no text after it
        return LayoutError(
            N_("the report seems truncated: it ends with the number of paragraph {tail} and no text"),
            source=source.name,
            line=len(source.lines),
            para=last.number + 1,
            tail=tail,
        )
    if not TERMINAL.search(last.text):
        return LayoutError(
            N_("the report seems truncated: the last paragraph ends mid-sentence (…{tail!r})"),
            source=source.name,
            line=last.line,
            para=last.number,
            tail=last.text[-40:],
        )
    return None


def _heading_ahead(lines: tuple[str, ...], lineno: int, expected: int, reach: int = 4) -> bool:
    """Do the lines after a heading's first line (``lineno``, 1-based) lead to paragraph ``expected``?

    A heading wrapped in PDF text ("III. Implementation of ... safety and security of" / "peacekeepers") has lines
    that end no sentence, then the next paragraph's number; a page-break fragment of a paragraph ends its
    sentence first. Blank lines and page furniture are skipped.

    >>> _heading_ahead(("III. Implementation of the", "resolution", "3. The end."), 1, 3)
    True
    >>> _heading_ahead(("I. Smith said", "it was so.", "3. The end."), 1, 3)
    False
    """
    if TERMINAL.search(lines[lineno - 1]):
        return False
    for line in lines[lineno : lineno + reach]:
        text = line.strip()
        if not text or is_footer(text) or SYMBOL.match(text):
            continue
        m = PARA_START.match(text) or NUMBER_ALONE.match(text)
        if m:
            return int(m.group(1)) == expected
        if TERMINAL.search(text):
            return False
    return False
