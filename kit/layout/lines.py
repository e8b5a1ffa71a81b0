"""The shapes of a report's lines: a paragraph's number, a section heading, a sentence's end, a Roman numeral.

One job: say what a line looks like and whether a number may start a paragraph there; the reader
(:mod:`kit.layout.reader`) decides what to do with it. The patterns are the typography of UN documents (code
constants, not data); the abbreviations that end no sentence ("para. 12") are data (``abbreviations.csv``).

Examples
--------
>>> bool(PARA_START.match("12. The Chair said so.")), bool(HEADING.match("III. Implementation"))
(True, True)
>>> roman_value("XIV"), split_midline("it was so. 2. The end.", 2)
(14, ['it was so.', '2. The end.'])
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..gazetteer import read_table
from .model import Paragraph

__all__ = [
    "PARA_START",
    "HEADING",
    "SUBHEADING",
    "NUMBER_ALONE",
    "MIDLINE_NUMBER",
    "TERMINAL",
    "ENDED",
    "reference_end",
    "roman_value",
    "split_midline",
    "next_number",
    "next_letter",
    "accept_number",
]

# the number, then a space; or no space before a capital ("2.Mme ROJAS (Peru) said": some treaty bodies' records)
PARA_START = re.compile(r"^\s{0,8}(\d+)\.(?:[ \t]+|(?=[A-ZÀ-ÖØ-Þ][\w.]))(\S.*)$")
HEADING = re.compile(r"^\s{0,8}([IVXLC]{1,8})\.[ \t]+([A-ZÀ-ÖØ-Þ\"“‘«].*)$")  # capitals with accents: « II. État de … »
SUBHEADING = re.compile(r"^\s{0,8}([A-H])\.[ \t]+([A-ZÀ-ÖØ-Þ\"“‘«].{0,200})$")
NUMBER_ALONE = re.compile(r"^\s{0,8}(\d+)\.\s*$")
# In PDF text a paragraph number can land in the middle of a line ("... (S/PRST/2001/3). 2. The Ambassador"):
# after a sentence end, the number the next paragraph must have starts it.
# The sentence end may carry a footnote marker ("... 2021.1 2. The Ambassador", "(MONUSCO). 1 4. Briefers").
_END = r"[.!?:;”\"’)\]]"
MIDLINE_NUMBER = re.compile(
    "(?:"
    + "|".join(f"(?<={_END}{marker})" for marker in ("", r"\d", r"\d\d", r"\*", r" \d", r" \d\d", r" \*"))
    + ")"
    + r"\s+(\d+)\.(?:\s+(?=[A-Z“\"‘(])|\s*$)"
)
TERMINAL = re.compile(r"[.!?:;”\"’)\]]\s*$")
# A sentence's end may carry a footnote marker in PDF text ("... 2021.1", "(MONUSCO). 1", "priority.*"), but a
# reference ("para. 12", "No. 3") is no sentence end.
ENDED = re.compile(r"[.!?:;”\"’)\]](?:\s?(?:\d{1,3}|\*{1,3}|[†‡§]))?\s*$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


@lru_cache(maxsize=1)
def reference_end() -> re.Pattern[str]:
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


def split_midline(line: str, expected: int) -> list[str]:
    """Split a line of PDF text where the next paragraph(s) start in its middle.

    >>> split_midline("adopted (S/PRST/2001/3). 2. The Ambassador said so. 3. The end.", 2)
    ['adopted (S/PRST/2001/3).', '2. The Ambassador said so.', '3. The end.']
    >>> split_midline("defending peace. 8.", 8)
    ['defending peace.', '8.']
    >>> split_midline("adopted in 2001. 7. The end.", 2)
    ['adopted in 2001. 7. The end.']
    """
    m = PARA_START.match(line)
    if m and int(m.group(1)) == expected:
        expected += 1
    pieces, pos = [], 0
    for m in MIDLINE_NUMBER.finditer(line):
        if int(m.group(1)) == expected:
            pieces.append(line[pos : m.start()])
            pos = m.start(1)
            expected += 1
    pieces.append(line[pos:])
    return pieces


def next_number(paragraphs: list[Paragraph]) -> int:
    return paragraphs[-1].number + 1 if paragraphs else 1


def next_letter(subsection: str | None) -> str:
    """The letter of the subsection that may follow ``subsection`` ("A" after a section heading)."""
    m = SUBHEADING.match(subsection or "")
    return chr(ord(m.group(1)) + 1) if m else "A"


def accept_number(number: int, paragraphs: list[Paragraph], at_block_start: bool, prev_ends: bool) -> bool:
    """Is a line starting with ``N.`` a new paragraph, or a wrapped line starting with a number?"""
    if not paragraphs:
        return number <= 3 or at_block_start
    expected = paragraphs[-1].number + 1
    if number == expected:
        return True
    # A gap or a duplicate is only believed where a paragraph may start:
    # after a blank line, or after a line that ends a sentence.
    return (at_block_start or prev_ends) and 0 < number <= expected + 20 and number != 0
