"""Document furniture: what a UN document prints on its pages around the report text, never report text.

One job: recognise page furniture (running heads, footers, page counters, job numbers, the footnote rule), so
that every reader drops it the same way. This is the ONE definition (code constants: the typography of UN
documents, not data about any report); every rule that recognises page furniture reads it.

Examples
--------
>>> is_furniture("21-19999   3/12"), is_furniture("4/12   21-19999"), is_furniture("The Chair said so.")
(True, True, False)
>>> sorted(running_lines(("Report 2021 - Page 1 of 3", "x", "Report 2021 - Page 2 of 3", "Report 2021 - Page 3 of 3")))
['Report 2021 - Page 1 of 3', 'Report 2021 - Page 2 of 3', 'Report 2021 - Page 3 of 3']
"""

from __future__ import annotations

import re
from collections import Counter

from .lines import HEADING, PARA_START

__all__ = ["FOOTERS", "FOOTNOTE_RULE", "FOOTNOTE", "SYMBOL", "is_footer", "is_furniture", "running_lines"]

#: what a UN document prints on its pages around the report text, never report text.
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
#   repeated on three pages or more (:func:`running_lines`);
# * the footnote rule: a line of underscores ("__________________"); what follows it to the end of the page
#   (``FOOTNOTE`` lines and their wrapped continuations) is the page's footnotes (``Document.footnotes``).
SYMBOL = re.compile(r"^\s*([AS]/(?:RES/|PRST/)?\d{2,4}/[\w.]+)\s*$")
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
_DIGITS = re.compile(r"\d+")


def is_footer(line: str) -> bool:
    """Is ``line`` a page footer (:data:`FOOTERS`)?"""
    return _ANY_FOOTER.match(line) is not None


def is_furniture(line: str) -> bool:
    """Is ``line`` page furniture (a footer, a page counter, a job number, a running head with a symbol)?

    >>> is_furniture("23-19876   3/12"), is_furniture("S/2021/1093"), is_furniture("1. The Chair said so.")
    (True, True, False)
    """
    return is_footer(line) or SYMBOL.match(line) is not None


def running_lines(lines: tuple[str, ...]) -> set[str]:
    """Short lines repeated on many pages (running headers and footers) in PDF-like text.

    A line repeated as is, or one that differs only by its page counter
    (``file:///.../report.html 3/12``), counts.
    """
    counts = Counter(s.strip() for s in lines if 0 < len(s.strip()) < 80)
    running = {
        s
        for s, n in counts.items()
        if n >= 3 and not PARA_START.match(s) and not HEADING.match(s) and not s[0].islower() and s[-1] not in ".,;:"
    }
    # A browser's footer carries the page's address, which can be long: any length up to 300 characters.
    paged = Counter(s.strip() for s in lines if 0 < len(s.strip()) < 300 and _PAGE_COUNTER.search(s))
    masked: Counter = Counter()
    for s, n in paged.items():
        if not PARA_START.match(s):
            masked[_DIGITS.sub("#", s)] += n
    running.update(s for s in paged if masked[_DIGITS.sub("#", s)] >= 3)
    return running
