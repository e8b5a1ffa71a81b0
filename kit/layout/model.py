"""What the layout step returns: a report's :class:`Document`, its :class:`Paragraph` s and what was odd.

One job: the structure every reader of a document kind returns (:mod:`kit.readers`), the parser's input.

Examples
--------
>>> p = Paragraph(1, "The Chair opened the meeting.", 3, "I", "Introduction")
>>> p.number, p.section, p.pages, p.numbered
(1, 'I', 1, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import LayoutError
from ..sources import SourceText

__all__ = ["Paragraph", "Document"]


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
    numbered: bool = True  # the number is printed in the document (False: given by the reader, kit.readers)


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
    truncated: LayoutError | None = None  # the text stops mid-sentence (raised by the caller that deferred it)
    # The footnotes, in order: {"marker", "text", "para", "line"}; "para" is the paragraph whose text carried the
    # marker (the marker is removed from it), None when no paragraph of the page has it.
    footnotes: list[dict] = field(default_factory=list)
    kind: str = "report"  # the document kind its reader read it as (kit.readers)
    # The meetings the reader dated from the document's header (a summary record, a press release), as rows of
    # the meetings table without report_id; None: the meetings are found in the paragraphs (kit.meetings).
    meetings: list[dict] | None = None
    # What the reader read in the header: symbol, date, body, title, chair ... (merged into the report's metadata).
    header: dict = field(default_factory=dict)
