"""Text to structure: front matter, sections and numbered paragraphs.

The layout step reads the *shape* of a UN report, not its content:

* a numbered paragraph starts a line with ``N.`` (any number of digits: a
  report may have thousands of paragraphs) and the numbers run in sequence;
  gaps and duplicates are recorded, never hidden;
* a section heading is a Roman numeral and a title (``III. Implementation ...``),
  recognised after a blank line, where the markup marks it, or, in PDF text
  that has no blank lines, where the previous paragraph has ended its sentence
  and the numeral is the next section's (or a later one, in an excerpt, when
  the heading's lines, wrapped or not, lead to the next paragraph's number:
  :func:`kit.layout.reader._heading_ahead`);
* anything else between paragraphs is a page-break fragment of the paragraph
  before it (the PDF conversion splits paragraphs at page ends), and is joined
  back so a sentence split by a page break is one sentence again;
* page furniture (the running head with the document symbol, the footers of
  both page sides, "21-19999   3/12" and "4/12   21-19999", page counters, job
  numbers: defined once, in :mod:`kit.layout.furniture`) is dropped,
  wherever a page ends; hard-wrapped lines are joined and words hyphenated at
  a line end are mended by the rule of :func:`mend_hyphen` (the report's own
  words and the reference tables' names and terms are known words);
* footnotes, the text after a footnote rule ("__________________") to the end
  of the page, are not paragraph text: each is kept in ``Document.footnotes``
  (``metadata["footnotes"]`` of a parsed report) with the paragraph whose text
  carried its marker, and the marker ("(MONUSCO). 1", "priority.*", a
  superscript) is removed from that paragraph. Names inside footnotes are not
  mentions of any paragraph.

One module per job: :mod:`~kit.layout.model` (the :class:`Document` and its :class:`Paragraph` s),
:mod:`~kit.layout.lines` (the shapes of lines), :mod:`~kit.layout.furniture` (page furniture),
:mod:`~kit.layout.hyphens` (wrapped lines and hyphens), :mod:`~kit.layout.footnotes` and
:mod:`~kit.layout.reader` (:func:`parse_layout`, one pass over the lines).

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

from .furniture import FOOTERS, FOOTNOTE, FOOTNOTE_RULE, is_furniture
from .hyphens import (
    HYPHEN_PREFIXES,
    SOMETIMES_HYPHENATED,
    Vocabulary,
    join_lines,
    mend_hyphen,
    reference_vocabulary,
    text_vocabulary,
)
from .lines import roman_value
from .model import Document, Paragraph
from .reader import parse_layout

__all__ = [
    "Paragraph",
    "Document",
    "parse_layout",
    "is_furniture",
    "join_lines",
    "mend_hyphen",
    "Vocabulary",
    "reference_vocabulary",
    "text_vocabulary",
    "roman_value",
    "FOOTERS",
    "FOOTNOTE",
    "FOOTNOTE_RULE",
    "HYPHEN_PREFIXES",
    "SOMETIMES_HYPHENATED",
]
