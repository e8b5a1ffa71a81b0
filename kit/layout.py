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
  :func:`_heading_ahead`);
* anything else between paragraphs is a page-break fragment of the paragraph
  before it (the PDF conversion splits paragraphs at page ends), and is joined
  back so a sentence split by a page break is one sentence again;
* page furniture (the running head with the document symbol, the footers of
  both page sides, "21-19999   3/12" and "4/12   21-19999", page counters, job
  numbers: defined once, in the "Document furniture" block below) is dropped,
  wherever a page ends; hard-wrapped lines are joined and words hyphenated at
  a line end are mended by the rule of :func:`mend_hyphen` (the report's own
  words and the reference tables' names and terms are known words);
* footnotes, the text after a footnote rule ("__________________") to the end
  of the page, are not paragraph text: each is kept in ``Document.footnotes``
  (``metadata["footnotes"]`` of a parsed report) with the paragraph whose text
  carried its marker, and the marker ("(MONUSCO). 1", "priority.*", a
  superscript) is removed from that paragraph. Names inside footnotes are not
  mentions of any paragraph.

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
from functools import lru_cache
from pathlib import Path

from .errors import LayoutError, Problem
from .gazetteer import read_table, reference_files
from .i18n import N_
from .language import LANGUAGES
from .sources import SourceText

__all__ = ["Paragraph", "Document", "parse_layout", "is_furniture", "join_lines"]


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


_PARA_START = re.compile(r"^\s{0,8}(\d+)\.[ \t]+(\S.*)$")
_HEADING = re.compile(
    r"^\s{0,8}([IVXLC]{1,8})\.[ \t]+([A-ZÀ-ÖØ-Þ\"“‘«].*)$"
)  # capitals with accents: « II. État de … »
_SUBHEADING = re.compile(r"^\s{0,8}([A-H])\.[ \t]+([A-ZÀ-ÖØ-Þ\"“‘«].{0,200})$")
_NUMBER_ALONE = re.compile(r"^\s{0,8}(\d+)\.\s*$")
# ------------------------------------------------------------------------------------------------------------
# Document furniture: what a UN document prints on its pages around the report text, never report text.
# This is the ONE definition (code constants: the typography of UN documents, not data about any report);
# every rule that recognises page furniture reads it.
#
# * the running head: the document symbol alone on a line ("S/2021/1093"); the first one is kept as the
#   report's symbol (``Document.symbol``);
# * page footers (``FOOTERS``): odd pages print the job number then the page counter ("21-19999   3/12"),
#   even pages the page counter then the job number ("4/12   21-19999"); a footer may also be the job number
#   alone ("23-25678", "21-19336 (E)  181223"), the counter alone ("3/12"), "Page 3 of 12", a bare page number
#   or the barcode text ("*2325678*");
# * a browser's or printer's running line carrying a page counter (``_PAGE_COUNTER``), and any short line
#   repeated on three pages or more (:func:`_running_lines`);
# * the footnote rule: a line of underscores ("__________________"); what follows it to the end of the page
#   (``FOOTNOTE`` lines and their wrapped continuations) is the page's footnotes (``Document.footnotes``).
_SYMBOL = re.compile(r"^\s*([AS]/(?:RES/|PRST/)?\d{2,4}/[\w.]+)\s*$")
_JOB = r"\d{2}-\d{5}"  # the job number of a UN document: "21-19999"
FOOTERS: tuple[tuple[str, re.Pattern], ...] = (
    ("page counter", re.compile(r"^\s*\d{1,4}\s*/\s*\d{1,4}\s*$")),  # 3/12
    ("job number first", re.compile(rf"^\s*{_JOB}(\s*\([A-Z]\))?.*$")),  # 21-19336 (E) 181223; 21-19999  3/12
    # 4/12   21-19999 (the even pages' footer); 4/8  23-25678 (E)
    ("page counter first", re.compile(rf"^\s*\d{{1,4}}\s*/\s*\d{{1,4}}\s+{_JOB}(?:\s*\([A-Z]\))?(?:\s+\d{{6}})?\s*$")),
    ("page of", re.compile(r"^\s*(Page|page)\s+\d+(\s+of\s+\d+)?\s*$")),
    ("bare page number", re.compile(r"^\s*\d{1,4}\s*$")),
    ("barcode", re.compile(r"^\s*\*\d{7,}\*\s*$")),
)
_FOOTER = [pattern for _, pattern in FOOTERS]
_ANY_FOOTER = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in _FOOTER))  # one pass per line
# A running line that carries the page number ("file:///.../report.html 3/12", "Report 2021 - Page 3 of 12").
_PAGE_COUNTER = re.compile(r"(?:\b\d{1,4}\s*/\s*\d{1,4}|\b[Pp]age\s+\d{1,4}(?:\s+of\s+\d{1,4})?)\s*$")
FOOTNOTE_RULE = re.compile(r"^\s*_{3,}\s*$")
# A footnote: its marker ("1", "*", "†") then its text; superscript digits arrive as digits (NFKC, kit.sources).
FOOTNOTE = re.compile(r"^\s*(\d{1,3}|\*{1,3}|[†‡§])\s+(\S.*)$")
# ------------------------------------------------------------------------------------------------------------
_DIGITS = re.compile(r"\d+")
# In PDF text a paragraph number can land in the middle of a line ("... (S/PRST/2001/3). 2. The Ambassador"):
# after a sentence end, the number the next paragraph must have starts it.
# The sentence end may carry a footnote marker ("... 2021.1 2. The Ambassador", "(MONUSCO). 1 4. Briefers").
_END = r"[.!?:;”\"’)\]]"
_MIDLINE_NUMBER = re.compile(
    "(?:"
    + "|".join(f"(?<={_END}{marker})" for marker in ("", r"\d", r"\d\d", r"\*", r" \d", r" \d\d", r" \*"))
    + ")"
    + r"\s+(\d+)\.(?:\s+(?=[A-Z“\"‘(])|\s*$)"
)
_SUSPENDED = re.compile(r"(?:and|or|to|and/or)\b")
_RULE = "---"
_TERMINAL = re.compile(r"[.!?:;”\"’)\]]\s*$")
# A sentence's end may carry a footnote marker in PDF text ("... 2021.1", "(MONUSCO). 1", "priority.*"), but a
# reference ("para. 12", "No. 3") is no sentence end.
_ENDED = re.compile(r"[.!?:;”\"’)\]](?:\s?(?:\d{1,3}|\*{1,3}|[†‡§]))?\s*$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@lru_cache(maxsize=1)
def _reference_end() -> re.Pattern[str]:
    """A text ending in a reference ("para. 12", "No. 3", « par. 5 »): the ``reference`` rows of
    ``abbreviations.csv``, every language's (a line ends no sentence there)."""
    words = sorted(
        {
            r["abbreviation"].removesuffix(".")
            for r in read_table("abbreviations.csv")
            if r.get("kind") == "reference" and r.get("abbreviation", "").endswith(".")
        },
        key=len,
        reverse=True,
    )
    body = "|".join(re.escape(w) for w in words) or "(?!x)x"
    return re.compile(rf"\b(?:{body})\.\s?\d{{1,3}}\s*$", re.IGNORECASE)


def _is_footer(line: str) -> bool:
    return _ANY_FOOTER.match(line) is not None


def is_furniture(line: str) -> bool:
    """Is ``line`` page furniture (a footer, a page counter, a job number, a running head with a symbol)?

    >>> is_furniture("23-19876   3/12"), is_furniture("S/2021/1093"), is_furniture("1. The Chair said so.")
    (True, True, False)
    """
    return _is_footer(line) or _SYMBOL.match(line) is not None


def join_lines(lines: list[str], known: "Vocabulary | None" = None) -> str:
    """Hard-wrapped lines joined into one text, words hyphenated at a line end mended by :func:`mend_hyphen`
    (with ``known`` words, default: the lines' own and the reference tables').

    >>> join_lines(["The peace-", "keepers were  there,", "in Mo-", "zambique."])
    'The peacekeepers were there, in Mozambique.'
    """
    if known is None:
        known = (
            text_vocabulary(lines) | reference_vocabulary()
            if any(_LINE_END_HYPHEN.search(line) for line in lines)
            else Vocabulary()
        )
    buf: list[str] = []
    for line in lines:
        if line.strip():
            _append(buf, line.strip(), known)
    return " ".join("".join(buf).split())


def roman_value(numeral: str) -> int | None:
    """The value of a Roman numeral, or ``None`` if it is not a well-formed one.

    >>> roman_value("III"), roman_value("XIV"), roman_value("IIII"), roman_value("VX")
    (3, 14, None, None)
    """
    total = 0
    for i, ch in enumerate(numeral):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if i + 1 < len(numeral) and _ROMAN.get(numeral[i + 1], 0) > v else v
    return total if total > 0 and _to_roman(total) == numeral else None


def _to_roman(n: int) -> str:
    out = ""
    for v, sym in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + sym, n - v
    return out


def _running_lines(lines: tuple[str, ...]) -> set[str]:
    """Short lines repeated on many pages (running headers and footers) in PDF-like text.

    A line repeated as is, or one that differs only by its page counter
    (``file:///.../report.html 3/12``), counts.
    """
    counts = Counter(s.strip() for s in lines if 0 < len(s.strip()) < 80)
    running = {
        s
        for s, n in counts.items()
        if n >= 3 and not _PARA_START.match(s) and not _HEADING.match(s) and not s[0].islower() and s[-1] not in ".,;:"
    }
    # A browser's footer carries the page's address, which can be long: any length up to 300 characters.
    paged = Counter(s.strip() for s in lines if 0 < len(s.strip()) < 300 and _PAGE_COUNTER.search(s))
    masked: Counter = Counter()
    for s, n in paged.items():
        if not _PARA_START.match(s):
            masked[_DIGITS.sub("#", s)] += n
    running.update(s for s in paged if masked[_DIGITS.sub("#", s)] >= 3)
    return running


# Words hyphenated at a line end (see :func:`mend_hyphen`); a line that ends so ("Mo-", not a Markdown rule "---").
_LINE_END_HYPHEN = re.compile(r"[^\W\d_]-\s*$")
_WORD = re.compile(r"[^\W\d_]+")
_COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")
#: Prefixes UN style always writes with a hyphen, in any report language (:mod:`kit.language`: "non-paper",
#: "self-defence", « sous-régionale », « vice-président »): "head-" + "tail" at a line end keeps its hyphen unless
#: the joined word is known. A line is mended before the report's language is known, so every language's count.
HYPHEN_PREFIXES = frozenset().union(*(L.hyphen_prefixes for L in LANGUAGES.values()))
#: Prefixes UN style often writes with a hyphen, but also as a syllable of a word ("ex-combatants" and
#: "ex-cellent", "co-chair" and "co-ming", "pre-deployment" and "pre-vious"): the hyphen is kept only when the
#: tail is a word the report or the reference tables use.
SOMETIMES_HYPHENATED = frozenset().union(*(L.sometimes_hyphenated for L in LANGUAGES.values()))


@dataclass(frozen=True)
class Vocabulary:
    """Words known to exist, for mending words hyphenated at a line end.

    ``words`` are lowercase words; ``compounds`` lowercase hyphenated compounds ("troop-contributing").
    """

    words: frozenset[str] = frozenset()
    compounds: frozenset[str] = frozenset()

    def __or__(self, other: "Vocabulary") -> "Vocabulary":
        return Vocabulary(self.words | other.words, self.compounds | other.compounds)


def _vocabulary_of(texts) -> tuple[set[str], set[str]]:
    """Words and hyphenated compounds of ``texts``; a compound of three words or more also gives each hyphenated
    pair ("day-to-day": "day-to", "to-day"), the pieces a line end can split it into."""
    words: set[str] = set()
    compounds: set[str] = set()
    for text in texts:
        low = text.lower()
        words.update(_WORD.findall(low))
        for compound in _COMPOUND.findall(low):
            compounds.add(compound)
            parts = compound.split("-")
            if len(parts) > 2:
                compounds.update(f"{a}-{b}" for a, b in zip(parts, parts[1:]))
    return words, compounds


@lru_cache(maxsize=8)
def reference_vocabulary(folder: Path | None = None) -> Vocabulary:
    """The words of the reference tables (names of States, missions, organizations, places, theme terms,
    verbs, in every language): known words, whatever a report's own text contains.

    >>> v = reference_vocabulary()
    >>> "mozambique" in v.words, "federation" in v.words, "troop-contributing" in v.compounds
    (True, True, True)
    """
    cells: list[str] = []
    for name in reference_files(folder):  # every table, by the one rule (a table the folder lacks is the shipped one)
        rows = read_table(name, folder)
        cells.extend(rows[0] if rows else ())  # the header's words too
        for row in rows:
            cells.extend(row.values())
    words, compounds = _vocabulary_of(cells)
    return Vocabulary(frozenset(words), frozenset(compounds))


def text_vocabulary(lines: tuple[str, ...] | list[str]) -> Vocabulary:
    """The words of a text, leaving out the two halves of each word hyphenated at a line end ("Mo-", "zambique"),
    which are not words of their own.

    >>> v = text_vocabulary(["the peacekeepers and troop-contributing", "countries of Mo-", "zambique"])
    >>> "peacekeepers" in v.words, "troop-contributing" in v.compounds, "zambique" in v.words
    (True, True, False)
    """
    kept = []
    cut_head = False
    for line in lines:
        text = line.strip()
        if cut_head:  # the first word of this line is the tail of a word hyphenated on the line before
            text = _WORD.sub("", text, count=1) if text[:1].isalpha() else text
        cut_head = text.endswith("-") and not text.endswith(" -")
        if cut_head:
            text = re.sub(r"[^\W\d_]+-$", "", text)
        kept.append(text)
    words, compounds = _vocabulary_of(kept)
    return Vocabulary(frozenset(words), frozenset(compounds))


def mend_hyphen(head: str, tail: str, known: Vocabulary) -> bool:
    """Is ``head-`` at a line end + ``tail`` on the next line one word split by the typesetter (drop the hyphen),
    rather than a hyphenated compound (keep it)?

    The rule, in order (``tail`` starts with a lowercase letter: a capital keeps the hyphen, "Guinea-Bissau",
    "Secretary-General"):

    1. the joined word is known (the report has it whole elsewhere, or a reference table has it:
       "peace-keepers" where "peacekeepers" is used, "Mo-zambique", "Russian Fed-eration") → one word;
    2. the hyphenated form is known: the report or a reference table writes it so ("troop-contributing",
       « sous-régionales »; a longer compound gives its pairs, "day-to-day": "to-day") → a compound;
    3. the head is a prefix UN style always writes with a hyphen (:data:`HYPHEN_PREFIXES`: "non-paper",
       "self-defence", « sous-régionale », « vice-président ») → a compound;
    4. the tail is a word of at least three letters the report or the reference tables use, and the head is a
       word of theirs too ("host-country", "in-person") or a prefix often written with a hyphen
       (:data:`SOMETIMES_HYPHENATED`: "ex-combatants", "co-chair") → a compound;
    5. otherwise a word split at a syllable ("train-ing", "protec-tion", "impor-tance", « main-tien ») → one word.

    On the bundled report and the audit reports, splitting every word used once at every position gives the wrong
    answer for about one split in 200 ("over-all" where "overall" is not used elsewhere).

    >>> v = Vocabulary(frozenset({"peacekeeping", "host", "country"}), frozenset())
    >>> mend_hyphen("peace", "keeping", v), mend_hyphen("train", "ing", v), mend_hyphen("host", "country", v)
    (True, True, False)
    >>> mend_hyphen("non", "paper", Vocabulary(frozenset({"paper"}), frozenset()))
    False
    """
    h, t = head.lower(), tail.lower()
    if h + t in known.words:
        return True
    if f"{h}-{t}" in known.compounds:
        return False
    if h in HYPHEN_PREFIXES:
        return False
    tail_is_word = len(t) >= 3 and t in known.words
    return not (tail_is_word and (h in SOMETIMES_HYPHENATED or (len(h) >= 2 and h in known.words)))


def _append(buf: list[str], nxt: str, known: Vocabulary) -> None:
    """Add a wrapped line to a paragraph's pieces, mending a word hyphenated at the line end (:func:`mend_hyphen`).

    The paragraph is kept as a list of pieces and joined once at the end, so a
    paragraph of many lines costs time in proportion to its length.
    """
    if not buf:
        buf.append(nxt)
        return
    prev = buf[-1]
    if prev.endswith("-") and not prev.endswith(" -") and nxt[:1].isalnum():
        if nxt[:1].islower():
            head = re.search(r"([^\W\d_]+)-$", prev)
            tail = _WORD.match(nxt)
            joined = head and tail and (head.group(1) + tail.group(0)).lower() in known.words
            if not joined and _SUSPENDED.match(nxt):
                buf.append(" " + nxt)  # "troop-" + "and police-contributing"
                return
            if head and tail and mend_hyphen(head.group(1), tail.group(0), known):
                buf[-1] = prev[:-1]  # "peace-" + "keepers", "train-" + "ing"
        buf.append(nxt)  # "Secretary-" + "General", "troop-" + "contributing": a hyphenated compound
        return
    buf.append(" " + nxt)


def _split_midline(line: str, expected: int) -> list[str]:
    """Split a line of PDF text where the next paragraph(s) start in its middle.

    >>> _split_midline("adopted (S/PRST/2001/3). 2. The Ambassador said so. 3. The end.", 2)
    ['adopted (S/PRST/2001/3).', '2. The Ambassador said so.', '3. The end.']
    >>> _split_midline("defending peace. 8.", 8)
    ['defending peace.', '8.']
    >>> _split_midline("adopted in 2001. 7. The end.", 2)
    ['adopted in 2001. 7. The end.']
    """
    m = _PARA_START.match(line)
    if m and int(m.group(1)) == expected:
        expected += 1
    pieces, pos = [], 0
    for m in _MIDLINE_NUMBER.finditer(line):
        if int(m.group(1)) == expected:
            pieces.append(line[pos : m.start()])
            pos = m.start(1)
            expected += 1
    pieces.append(line[pos:])
    return pieces


def _lines(lines: tuple[str, ...], wrapped: bool, paragraphs: list[Paragraph]):
    """(line number, line) pairs; in PDF text a line is split where a paragraph starts in its middle."""
    for lineno, raw in enumerate(lines, start=1):
        if wrapped and raw and _MIDLINE_NUMBER.search(raw):
            for piece in _split_midline(raw.strip(), paragraphs[-1].number + 1 if paragraphs else 1):
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
        if any(line.rstrip().endswith("-") and _LINE_END_HYPHEN.search(line) for line in lines)
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
        self.running = _running_lines(self.lines) if self.wrapped else set()
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
        return bool(tail) and bool(_ENDED.search(tail)) and not _reference_end().search(tail)

    def read(self, lineno: int, raw: str) -> None:
        """Read line ``lineno`` (1-based) of the source: dispatch it to the method of its kind."""
        line = raw.strip()
        if not line or line == "\f":
            self._blank(line)
            return
        m_sym = _SYMBOL.match(line)
        furniture = bool(m_sym) or _is_footer(line) or line in self.running
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
            m_para = _PARA_START.match(line)
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
        elif m_note and _next_marker(self.notes_block, m_note.group(1)):
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
            _append(self.notes_block[-1]["text"], line, self.known)  # a footnote wrapped onto the next line
            return True
        else:
            self.notes_open = False  # report text again (after a blank line, or a rule that had no footnotes)
        if self.paragraphs:
            self.pending_break = True
        return False

    def _next_paragraph_starts(self, line: str) -> bool:
        m_para = _PARA_START.match(line)
        return m_para is not None and int(m_para.group(1)) == _next_number(self.paragraphs)

    def _furniture(self, m_sym: re.Match | None) -> None:
        """Page furniture: dropped; a new page starts; the first running head gives the document's symbol."""
        self.page_from = max(len(self.paragraphs) - 1, 0)
        if m_sym:
            self.symbol = self.symbol or m_sym.group(1)

    def _number_alone(self, lineno: int, line: str) -> bool:
        """A paragraph's number alone on its line ("12."): its text follows on the next line."""
        m_alone = _NUMBER_ALONE.match(line)
        if (
            m_alone
            and (self.blank_before or not self.wrapped or _next_number(self.paragraphs) == int(m_alone.group(1)))
            and _accept_number(int(m_alone.group(1)), self.paragraphs, True, self.sentence_ended())
        ):
            self.number_alone = (int(m_alone.group(1)), lineno)
            return True
        return False

    def _heading(self, lineno: int, line: str, marked: bool) -> bool:
        """A section heading ("III. Implementation ..."), where one may stand (True: it was one)."""
        m_head = _HEADING.match(line)
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
                and _heading_ahead(self.lines, lineno, _next_number(self.paragraphs))
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
        m_sub = _SUBHEADING.match(line)
        if not (
            (marked and self.section)
            or (
                m_sub
                and not _TERMINAL.search(line)
                and (self.blank_before or (self.sentence_ended() and m_sub.group(1) == _next_letter(self.subsection)))
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
        if m_para and _accept_number(
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
        expected = _next_number(self.paragraphs)
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
        _append(self.buf, line, self.known)

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
        footnotes = _place_footnotes(self.notes, paragraphs, self.problems)
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
    if not _TERMINAL.search(last.text):
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
    if _TERMINAL.search(lines[lineno - 1]):
        return False
    for line in lines[lineno : lineno + reach]:
        text = line.strip()
        if not text or _is_footer(text) or _SYMBOL.match(text):
            continue
        m = _PARA_START.match(text) or _NUMBER_ALONE.match(text)
        if m:
            return int(m.group(1)) == expected
        if _TERMINAL.search(text):
            return False
    return False


def _next_marker(block: list[dict], marker: str) -> bool:
    """May ``marker`` start the next footnote of a page's block? Numbers run in sequence; "*", "**", "†" may follow
    anything."""
    if not marker.isdigit():
        return True
    last = next((n["marker"] for n in reversed(block) if n["marker"].isdigit()), None)
    return last is None or int(marker) == int(last) + 1


def _marker_pattern(marker: str) -> re.Pattern:
    """Where a footnote marker sits in the text: glued to a word or to punctuation ("priority.*", "Mali1"), or after
    a sentence's punctuation and a space where PDF text lowered a superscript ("(MONUSCO). 1 The ...")."""
    m = re.escape(marker)
    after = r"(?![\w*†‡§])"
    return re.compile(
        rf"(?:(?<=[^\W\d_]|[.,;:!?)\]”’\"]){m}{after}|(?<=[.;:!?)\]”’\"]) {m}{after}(?=\s+[A-Z“\"‘(«]|$))"
    )


def _place_footnotes(notes: list[dict], paragraphs: list[Paragraph], problems: list[dict]) -> list[dict]:
    """Find each footnote's marker in the paragraphs of its page, remove it from the text and record the paragraph.

    >>> ps = [Paragraph(1, "One (MONUSCO). 1", 1), Paragraph(2, "Two was key.* Then.", 2)]
    >>> _place_footnotes([{"marker": "1", "text": ["See."], "line": 9, "page": (0, 1)},
    ...                   {"marker": "*", "text": ["In French."], "line": 9, "page": (0, 1)}], ps, [])
    [{'marker': '1', 'text': 'See.', 'para': 1, 'line': 9}, {'marker': '*', 'text': 'In French.', 'para': 2, 'line': 9}]
    >>> [p.text for p in ps]
    ['One (MONUSCO).', 'Two was key. Then.']
    """
    out = []
    for note in notes:
        first, last = note["page"]
        pattern = _marker_pattern(note["marker"])
        para = None
        for p in paragraphs[first : last + 1]:
            m = pattern.search(p.text)
            if m:
                p.text = " ".join((p.text[: m.start()] + p.text[m.end() :]).split())
                para = p.number
                break
        text = " ".join("".join(note["text"]).split())
        out.append({"marker": note["marker"], "text": text, "para": para, "line": note["line"]})
        if para is None:
            problems.append(
                Problem(
                    "footnote_unplaced",
                    N_("footnote {marker} ({text!r}) was kept apart, but no paragraph of its page carries its marker"),
                    line=note["line"],
                    marker=note["marker"],
                    text=text[:40],
                ).as_row()
            )
    return out


def _next_number(paragraphs: list[Paragraph]) -> int:
    return paragraphs[-1].number + 1 if paragraphs else 1


def _next_letter(subsection: str | None) -> str:
    """The letter of the subsection that may follow ``subsection`` ("A" after a section heading)."""
    m = _SUBHEADING.match(subsection or "")
    return chr(ord(m.group(1)) + 1) if m else "A"


def _accept_number(number: int, paragraphs: list[Paragraph], at_block_start: bool, prev_ends: bool) -> bool:
    """Is a line starting with ``N.`` a new paragraph, or a wrapped line starting with a number?"""
    if not paragraphs:
        return number <= 3 or at_block_start
    expected = paragraphs[-1].number + 1
    if number == expected:
        return True
    # A gap or a duplicate is only believed where a paragraph may start:
    # after a blank line, or after a line that ends a sentence.
    return (at_block_start or prev_ends) and 0 < number <= expected + 20 and number != 0
