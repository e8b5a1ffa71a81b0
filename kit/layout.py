"""Text to structure: front matter, sections and numbered paragraphs.

The layout step reads the *shape* of a UN report, not its content:

* a numbered paragraph starts a line with ``N.`` (1-3 digits) and the numbers
  run in sequence; gaps and duplicates are recorded, never hidden;
* a section heading is a Roman numeral and a title (``III. Implementation ...``);
* anything else between paragraphs is a page-break fragment of the paragraph
  before it (the PDF conversion splits paragraphs at page ends), and is joined
  back so a sentence split by a page break is one sentence again;
* running headers and footers of PDF text (document symbol, ``3/12`` page
  numbers, job numbers) are dropped; hard-wrapped lines are joined and words
  hyphenated at a line end are mended.

Examples
--------
>>> from kit.sources import source_from_text
>>> doc = parse_layout(source_from_text("I. Intro\\n\\n1. One sentence\\n\\nsplit here.\\n2. Two."))
>>> [(p.number, p.text) for p in doc.paragraphs]
[(1, 'One sentence split here.'), (2, 'Two.')]
>>> doc.paragraphs[0].section, doc.paragraphs[0].section_title
('I', 'Intro')
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .errors import LayoutError
from .sources import SourceText

__all__ = ["Paragraph", "Document", "parse_layout"]


@dataclass
class Paragraph:
    """One numbered paragraph, with where it came from."""

    number: int
    text: str
    line: int  # 1-based line in the source text where the paragraph starts
    section: str | None = None
    section_title: str | None = None
    pages: int = 1  # how many page-break fragments were joined
    subsection: str | None = None  # e.g. "A. Meeting of 12 May 2022", where a report has them


@dataclass
class Document:
    """The structure of a report: front matter lines, paragraphs, and what was odd."""

    source: SourceText
    front_matter: list[str]
    paragraphs: list[Paragraph]
    sections: list[tuple[str, str, int]]  # (numeral, title, line)
    back_matter: list[str] = field(default_factory=list)
    problems: list[dict] = field(default_factory=list)
    symbol: str | None = None


_PARA_START = re.compile(r"^\s{0,8}(\d{1,3})\.[ \t]+(\S.*)$")
_HEADING = re.compile(r"^\s{0,8}([IVXLC]{1,6})\.[ \t]+([A-Z\"“‘].*)$")
_SUBHEADING = re.compile(r"^\s{0,8}([A-H])\.[ \t]+([A-Z\"“‘].{0,200})$")
_NUMBER_ALONE = re.compile(r"^\s{0,8}(\d{1,3})\.\s*$")
_SYMBOL = re.compile(r"^\s*([AS]/(?:RES/|PRST/)?\d{2,4}/[\w.]+)\s*$")
_FOOTER = [
    re.compile(r"^\s*\d{1,3}\s*/\s*\d{1,3}\s*$"),  # 3/12
    re.compile(r"^\s*\d{2}-\d{5}(\s*\([A-Z]\))?.*$"),  # 21-19336 (E)
    re.compile(r"^\s*(Page|page)\s+\d+(\s+of\s+\d+)?\s*$"),
    re.compile(r"^\s*\d{1,3}\s*$"),  # bare page number
    re.compile(r"^\s*\*\d{7,}\*\s*$"),  # barcode text
]
_RULE = "---"
_TERMINAL = re.compile(r"[.!?:;”\"’)\]]\s*$")


def _is_footer(line: str) -> bool:
    return any(p.match(line) for p in _FOOTER)


def _running_lines(lines: tuple[str, ...]) -> set[str]:
    """Short lines repeated on many pages (running headers) in PDF-like text."""
    counts = Counter(s.strip() for s in lines if 0 < len(s.strip()) < 80)
    return {s for s, n in counts.items() if n >= 3 and not _PARA_START.match(s) and not _HEADING.match(s)
            and not s[0].islower() and s[-1] not in ".,;:"}


def _join(prev: str, nxt: str, known_words: set[str]) -> str:
    """Join two wrapped pieces of one paragraph, mending a hyphenated word."""
    if not prev:
        return nxt
    if prev.endswith("-") and nxt[:1].islower() and not prev.endswith(" -"):
        head = re.search(r"(\w+)-$", prev)
        tail = re.match(r"(\w+)", nxt)
        if head and tail and (head.group(1) + tail.group(1)).lower() in known_words:
            return prev[:-1] + nxt
        return prev + nxt
    return prev + " " + nxt


def parse_layout(source: SourceText) -> Document:
    """Split a :class:`~kit.sources.SourceText` into paragraphs and sections.

    Raises
    ------
    LayoutError
        When there are no numbered paragraphs, or the text stops mid-sentence.
    """
    lines = source.lines
    wrapped = source.format != "markdown"
    running = _running_lines(lines) if wrapped else set()
    known_words = {w.lower() for line in lines for w in re.findall(r"[A-Za-z]{4,}", line)} if wrapped else set()

    front: list[str] = []
    back: list[str] = []
    paragraphs: list[Paragraph] = []
    sections: list[tuple[str, str, int]] = []
    problems: list[dict] = []
    symbol: str | None = None
    section: tuple[str, str] | None = None
    heading_open = False  # a heading may wrap onto the next line in PDF text
    subsection: str | None = None
    number_alone: tuple[int, int] | None = None  # "12." alone on a line: (number, line); text follows
    blank_before = True
    ended = False  # a horizontal rule after the paragraphs closes the body
    pending_break = False

    for lineno, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line or line == "\f":
            blank_before = True
            heading_open = False
            if paragraphs:
                pending_break = True
            continue
        m_sym = _SYMBOL.match(line)
        if m_sym:
            symbol = symbol or m_sym.group(1)
            continue
        if _is_footer(line) or line in running:
            continue
        if line == _RULE:
            if paragraphs:
                ended = True
            continue
        if ended:
            back.append(line)
            continue

        m_alone = _NUMBER_ALONE.match(line)
        if m_alone and (blank_before or not wrapped) and _accept_number(int(m_alone.group(1)), paragraphs, True):
            number_alone = (int(m_alone.group(1)), lineno)
            continue
        if number_alone:
            line = f"{number_alone[0]}. {line}"
        m_head = _HEADING.match(line)
        m_para = _PARA_START.match(line)
        marked = (lineno - 1) in source.headings
        if m_head and (blank_before or not paragraphs or marked) and not number_alone:
            section = (m_head.group(1), m_head.group(2).strip())
            sections.append((section[0], section[1], lineno))
            subsection = None
            heading_open = wrapped
            blank_before = False
            continue
        m_sub = _SUBHEADING.match(line)
        if not m_para and ((marked and section) or (m_sub and blank_before and not _TERMINAL.search(line))):
            subsection = line
            heading_open = False
            blank_before = False
            continue
        if heading_open and section and not m_para:
            section = (section[0], section[1] + " " + line)
            sections[-1] = (section[0], section[1], sections[-1][2])
            continue
        heading_open = False

        if m_para and _accept_number(int(m_para.group(1)), paragraphs, blank_before or not wrapped):
            number = int(m_para.group(1))
            expected = paragraphs[-1].number + 1 if paragraphs else 1
            if number != expected:
                kind = "duplicate" if any(p.number == number for p in paragraphs) else (
                    "gap" if number > expected else "out_of_order")
                problems.append({"problem": kind, "para": number, "line": lineno, "expected": expected,
                                 "message": f"paragraph {number} where {expected} was expected"})
            first_line = number_alone[1] if number_alone else lineno
            paragraphs.append(Paragraph(number, m_para.group(2).strip(), first_line,
                                        section[0] if section else None, section[1] if section else None,
                                        subsection=subsection))
        elif paragraphs:
            last = paragraphs[-1]
            if pending_break:
                last.pages += 1
            last.text = _join(last.text, line, known_words)
        else:
            front.append(line)
        blank_before = False
        pending_break = False
        number_alone = None

    if not paragraphs:
        raise LayoutError(
            "no numbered paragraphs found (expected lines such as '1. The Working Group ...'); "
            "is this a report of reported speech?",
            source=source.name, line=1)
    for p in paragraphs:
        p.text = " ".join(p.text.split())
    last = paragraphs[-1]
    tail = next((line.strip() for line in reversed(lines) if line.strip()), "")
    if tail == str(last.number + 1):
        raise LayoutError(
            f"the report seems truncated: it ends with the number of paragraph {tail} and no text",
            source=source.name, line=len(lines), para=last.number + 1)
    if not _TERMINAL.search(last.text):
        raise LayoutError(
            f"the report seems truncated: the last paragraph ends mid-sentence (…{last.text[-40:]!r})",
            source=source.name, line=last.line, para=last.number)
    return Document(source, front, paragraphs, sections, back, problems, symbol)


def _accept_number(number: int, paragraphs: list[Paragraph], at_block_start: bool) -> bool:
    """Is a line starting with ``N.`` a new paragraph, or a wrapped line starting with a number?"""
    if not paragraphs:
        return number <= 3 or at_block_start
    expected = paragraphs[-1].number + 1
    if number == expected:
        return True
    # A gap or a duplicate is only believed where a paragraph may start:
    # after a blank line, or after a line that ends a sentence.
    prev_ends = bool(_TERMINAL.search(paragraphs[-1].text))
    return (at_block_start or prev_ends) and 0 < number <= expected + 20 and number != 0
