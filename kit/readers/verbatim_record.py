"""Verbatim records (``S/PV.9391``, ``A/78/PV.12``; « procès-verbal »): speeches under their speakers' headings.

A verbatim record prints a header ("Security Council", "Seventy-eighth year", "9391st meeting", "Tuesday, 17
October 2023, 3 p.m.", "New York"; « 9391e séance », « Mardi 17 octobre 2023, à 15 heures »), the presiding
officer ("President: Mr. Lindqvist (Sweden)"), the "Members:" list (States and their representatives, one a line
or in columns), the agenda, then the record's own lines ("The meeting was called to order at 3.05 p.m.", "The
agenda was adopted.", "A vote was taken by show of hands.", "The meeting rose at 5.40 p.m."), headings (the
agenda item, "Adoption of the agenda"), vote lists ("In favour:", "Against:") and the speeches: each opens with
its speaker's heading ("The President:", "Mr. Koonjul (Mauritius) (spoke in French):", "Mr. Lacroix:") and may go
on over more paragraphs. The reader:

* takes the header: every line before "The meeting was called to order" (« La séance est ouverte »), else
  before the first speech heading, and keeps the "Members:" list out of it (in ``header["members"]``, one
  string per line or entry);
* numbers the paragraphs itself, **1-based over the blank-line-separated blocks after the header**, leaving out
  headings (a block that ends no sentence, or a line the markup marks as a heading), the record's own
  procedural lines, vote lists (kept in ``header["votes"]``) and everything from "The meeting rose" on; each
  paragraph is ``numbered=False`` and is cited like any other ("para. 12");
* dates one meeting, from the header's date, covering every paragraph; its title is the meeting line ("9391st
  meeting"), its chair the header's "President:", its body the symbol's (``bodies.csv``) or the header's.

Who speaks is read by the attribution engine from each heading (:mod:`kit.speech_heading`). A text that looks
like a verbatim record but has no speech is refused with :class:`kit.NotAReportError`. The header words are
language data (:class:`kit.language.DocumentWords`).

Examples
--------
>>> from kit.sources import source_from_text
>>> doc = read_verbatim_record(source_from_text(
...     "S/PV.9391\\nSecurity Council\\n9391st meeting\\nTuesday, 17 October 2023, 3 p.m.\\n\\n"
...     "President: Mr. Lindqvist (Sweden)\\n\\nThe meeting was called to order at 3.05 p.m.\\n\\n"
...     "The President: I welcome the briefers.\\n\\nMr. Mensah (Ghana): Training saves lives.\\n\\n"
...     "The meeting rose at 4.50 p.m.\\n"))
>>> [(p.number, p.numbered, p.text) for p in doc.paragraphs]
[(1, False, 'The President: I welcome the briefers.'), (2, False, 'Mr. Mensah (Ghana): Training saves lives.')]
>>> {k: doc.meetings[0][k] for k in ("meeting_id", "title", "chair", "body")}
{'meeting_id': '2023-10-17', 'title': '9391st meeting', 'chair': 'Mr. Lindqvist', 'body': 'Security Council'}
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NoReturn

from ..errors import NotAReportError, Problem
from ..i18n import N_
from ..language import DocumentWords, document_words
from ..layout import Document, Paragraph, is_furniture, join_lines
from ..sources import SourceText
from .base import Reader, body_named, body_of, find_date, header_lines, matches, meeting_row, symbol_in, words_of
from .summary_record import _name_only  # the one rule: the meetings table's chair is a person

__all__ = ["READER", "read_verbatim_record", "NO_SPEECH"]

NO_SPEECH = N_(
    "this verbatim record{symbol} has no speech: no paragraph opens with a speaker's heading such as "
    "'The President:' or 'Mr. Okonjo (Nigeria):'; the kit reads {kinds}"
)
_SENTENCE_END = re.compile(r"[.!?][”\"»’)]?\s*$")
_LEADERS = re.compile(r"(?:\s*\.){3,}\s*|\s{3,}")  # dot leaders or a column gap: "Albania . . . . Mr. Hoxha"
# a page's running head: the symbol, perhaps with the item and the date in columns ("S/PV.9391   United Nations
# peacekeeping operations   17/10/2023")
_RUNNING_HEAD = re.compile(r"^[AS]/(?:[\w.]+/)*PV\.\d+(?:\s*\([\w ]+\))?(?:$|\s{3,}.*[^.:]$)")
_ONE_LEADER = re.compile(r"(?<=[a-z)])\.\s+(?=[A-Z])")  # the leaders of a PDF's text as one period


def detect(lines: list[str]) -> bool:
    """A verbatim record's symbol (``S/PV.9391``), or speeches opened by a speaker's name and a colon ("The
    President:", "Mr. Okonjo (Nigeria):") on three lines or more."""
    if symbol_in(lines, "verbatim_record"):
        return True
    return sum(bool(matches("speech_heading", line)) for line in lines) >= 3


def _language(source: SourceText) -> DocumentWords:
    for field in ("pv_title", "opened", "members", "speech_heading"):
        for _, line in header_lines(source, 120):
            w = words_of(field, line)
            if w is not None:
                return w
    return document_words("en")


def _blocks(lines: list[str]) -> list[list[int]]:
    """Runs of non-blank lines (0-based indexes), page furniture and the running head ("S/PV.9391") left out,
    except the symbol's first line (the header's)."""
    blocks: list[list[int]] = []
    current: list[int] = []
    seen_symbol = False
    for i, text in enumerate(lines):
        running_head = len(text) <= 160 and bool(_RUNNING_HEAD.match(text) or symbol_in([text], "verbatim_record"))
        if not text or text == "\f":
            if current:
                blocks.append(current)
            current = []
        elif not is_furniture(text) and not (running_head and seen_symbol):
            current.append(i)
        seen_symbol = seen_symbol or running_head
    if current:
        blocks.append(current)
    return blocks


def _header_end(blocks: list[list[int]], lines: list[str], words: DocumentWords) -> int:
    """The index of the first block after the header: the "called to order" line's, else the first speech's."""
    for key in ("opened", "speech_heading"):
        k = next((k for k, b in enumerate(blocks) if matches(key, lines[b[0]], words)), None)
        if k is not None:
            return k
    return len(blocks)


def _is_heading(block: list[int], lines: list[str], source: SourceText) -> bool:
    """A block that ends no sentence and is short ("Adoption of the agenda", an agenda item over two lines)."""
    if any(i in source.headings for i in block):
        return True
    text = " ".join(lines[i] for i in block)
    return not _SENTENCE_END.search(text) and not text.endswith(":") and len(text.split()) <= 40


def _members(header: list[str], words: DocumentWords) -> tuple[list[str], list[str]]:
    """The header without its "Members:" list, and the list's entries ("Albania: Mr. Hoxha", or "Brazil" when the
    list names States only): the lines from "Members:" up to the agenda or a blank line's next block."""
    out, members, inside = [], [], False
    for line in header:
        if matches("members", line, words):
            inside = True
            line = re.sub(words.members, "", line).strip()
        elif inside and (matches("agenda_line", line, words) or matches("pv_title", line, words)):
            inside = False
        if not inside:
            out.append(line)
            continue
        parts = [p.strip() for p in _LEADERS.split(line) if p.strip()]
        if len(parts) < 2 and "," not in line:  # leaders read as one period: "Angola. Mr. Lucas"
            parts = [p.strip() for p in _ONE_LEADER.split(line, maxsplit=1) if p.strip()]
        if len(parts) >= 2:
            members.append(f"{parts[0]}: {' '.join(parts[1:])}")
        else:
            members += [p.strip() for p in line.split(",") if p.strip()]
    return out, members


def read_verbatim_record(source: SourceText, reference_folder: Path | None = None) -> Document:
    """Read a verbatim record: header, speeches, headings and its one meeting (see the module's description).

    Raises
    ------
    kit.NotAReportError
        When no paragraph opens with a speaker's heading.
    """
    words = _language(source)
    lines = [line.strip() for line in source.lines]
    blocks = _blocks(lines)
    k = _header_end(blocks, lines, words)
    header_ix = [i for b in blocks[:k] for i in b]
    front, members = _members([lines[i] for i in header_ix], words)
    symbol = symbol_in(front, "verbatim_record")
    paragraphs: list[Paragraph] = []
    sections: list[tuple[str, str, int]] = []
    votes: list[str] = []
    back: list[str] = []
    title = None
    in_vote = False  # the blocks of a vote list: "In favour:" and the States after it
    for block in blocks[k:]:
        first = lines[block[0]]
        text = join_lines([lines[i] for i in block])
        speech = matches("speech_heading", text, words)
        if back or matches("rose", first, words):
            back += [lines[i] for i in block]
            continue
        if any(matches(key, first, words) for key in ("opened", "procedural", "pv_procedural")):
            in_vote = False
            continue  # the record's own voice
        if matches("vote_list", first, words) or (in_vote and not speech and not _SENTENCE_END.search(text)):
            in_vote = True
            votes.append(" ".join(lines[i] for i in block))
            continue
        in_vote = False
        if not speech and _is_heading(block, lines, source):
            title = join_lines([lines[i] for i in block])
            sections.append(("", title, block[0] + 1))
            continue
        paragraphs.append(Paragraph(len(paragraphs) + 1, text, block[0] + 1, None, title, numbered=False))
    if not any(matches("speech_heading", p.text, words) for p in paragraphs):
        _refuse(source, symbol, header_ix)
    doc = Document(source, front, paragraphs, sections, back, symbol=symbol, kind="verbatim_record")
    doc.header = _header_fields(front, words, symbol)
    doc.header.update(members=members, votes=votes)
    if doc.header["date"] is None:
        doc.problems.append(
            Problem(
                "meeting_date",
                N_(
                    "the header of this verbatim record gives no date (a line such as "
                    "'Tuesday, 17 October 2023, 3 p.m.'): its meeting is read without a date"
                ),
                line=(header_ix[0] + 1) if header_ix else 1,
            ).as_row()
        )
    doc.meetings = [
        meeting_row(
            doc.header["date"],
            doc.header["title"],
            _name_only(doc.header["chair"]),
            doc.header["body"],
            1,
            len(paragraphs),
        )
    ]
    return doc


def _header_fields(front: list[str], words: DocumentWords, symbol: str | None) -> dict:
    """Symbol, meeting line, date, chair and body of a verbatim record's header."""
    title = next((m.group("title") for m in (matches("pv_title", s, words) for s in front) if m), None)
    chair = next((m.group("name") for m in (matches("chair", s, words) for s in front) if m), None)
    body = body_of(symbol, words.code) or next((b for b in (body_named(s, words.code) for s in front) if b), None)
    agenda = next((i for i, s in enumerate(front) if matches("agenda_line", s, words)), None)
    return {
        "symbol": symbol,
        "agenda": front[agenda + 1 :] if agenda is not None else [],
        "date": next((d for d in (find_date(s) for s in front) if d), None),
        "title": " ".join(title.split()) if title else None,
        "meeting": title,
        # "Mr. Lindqvist . . . (Sweden)", "Mr. Lindqvist. (Sweden)": the name without its leaders
        "chair": " ".join(re.sub(r"(?<=\w)\.(?=\s*\()", "", _LEADERS.sub(" ", chair)).split()) if chair else None,
        "body": body,
    }


def _refuse(source: SourceText, symbol: str | None, header: list[int]) -> NoReturn:
    """Raise :class:`kit.NotAReportError`: a verbatim record without speeches, and the kinds the kit reads."""
    from . import KIND_NAMES  # the kinds the kit reads, said in the message

    raise NotAReportError(
        NO_SPEECH,
        source=source.name,
        line=(header[0] + 1) if header else 1,
        symbol=f" ({symbol})" if symbol else "",
        kinds=", ".join(KIND_NAMES),
    )


READER = Reader(
    "verbatim_record",
    detect,
    read_verbatim_record,
    "a verbatim record (S/PV.9391, A/78/PV.12; « procès-verbal »): speeches under their speakers' headings",
)
