"""Meetings and the document's own metadata (date, symbol, period, chair).

A meeting starts at a paragraph that dates it ("On 13 April 2021, the Working
Group held a meeting by videoconference ...", "On 12 October 2021, the Working
Group heard a briefing by ...") and runs to the end of its section or to the
next meeting, whichever comes first.

Examples
--------
>>> find_meetings([(5, "On 13 April 2021, the Working Group held a meeting by videoconference on X.", "III", "Safety")])[0]["format"]
'videoconference'
"""

from __future__ import annotations

import re
from datetime import date, datetime

__all__ = ["find_meetings", "document_metadata", "parse_date"]

_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = rf"\d{{1,2}}\s+(?:{_MONTHS})\s+\d{{4}}"
_MEETING_START = re.compile(
    rf"^(?:On|At\s+its\s+meeting\s+on|At\s+its\s+\w+\s+meeting,?\s+(?:held\s+)?on)\s+(?P<date>{_DATE}),?\s+"
    rf"(?:the\s+)?(?P<body>[A-Z][^,.]{{0,80}}?)\s+(?P<verb>held|heard|met|convened|considered|discussed|"
    rf"received|was\s+briefed)\b")
_FORMATS = [
    ("videoconference", re.compile(r"videoconference|video-teleconference|VTC|virtual(?:ly)?\b", re.I)),
    ("hybrid", re.compile(r"\bhybrid\b", re.I)),
    ("in person", re.compile(r"\bin person\b|\bin-person\b", re.I)),
]
_QUOTED = re.compile(r"[“\"]([^”\"]{5,200})[”\"]")


def parse_date(text: str) -> date | None:
    """``"13 April 2021"`` -> ``date(2021, 4, 13)``; ``None`` when it is not a full date."""
    try:
        return datetime.strptime(re.sub(r"\s+", " ", text.strip()), "%d %B %Y").date()
    except ValueError:
        return None


def find_meetings(paragraphs: list[tuple[int, str, str | None, str | None]]) -> list[dict]:
    """Meetings from ``(para, text, section, section_title)`` rows, in order.

    Each meeting is a dict with ``meeting_id`` (the ISO date, suffixed when two
    share a day), ``date``, ``title``, ``format``, ``first_para``, ``last_para``.
    """
    starts = []
    for para, text, section, section_title in paragraphs:
        m = _MEETING_START.match(text)
        if m and parse_date(m.group("date")):
            starts.append((para, text, section, section_title, m))
    meetings = []
    ids: dict[str, int] = {}
    paras = [p[0] for p in paragraphs]
    section_of = {p[0]: p[2] for p in paragraphs}
    for i, (para, text, section, section_title, m) in enumerate(starts):
        day = parse_date(m.group("date"))
        next_start = starts[i + 1][0] if i + 1 < len(starts) else None
        last = para
        for p in paras[paras.index(para):]:
            if next_start is not None and p >= next_start:
                break
            if section_of[p] != section:
                break
            last = p
        quoted = _QUOTED.search(text)
        title = quoted.group(1) if quoted else (section_title or text[m.end():].split(".")[0].strip())
        fmt = next((name for name, rx in _FORMATS if rx.search(text)), None)
        mid = day.isoformat()
        ids[mid] = ids.get(mid, 0) + 1
        if ids[mid] > 1:
            mid = f"{mid}-{ids[mid]}"
        meetings.append({
            "meeting_id": mid, "date": day, "title": title, "format": fmt,
            "first_para": para, "last_para": last, "section": section, "body": m.group("body"),
        })
    return meetings


def document_metadata(front_matter: list[str], paragraphs: list[tuple[int, str]], symbol: str | None) -> dict:
    """Date, title, period covered and body of the report, read from its front matter.

    >>> document_metadata(["Distr.: General", "21 December 2021"], [(1, "for the period from 1 January to 31 December 2021")], None)["period_end"]
    datetime.date(2021, 12, 31)
    """
    front = " ".join(front_matter)
    everything = front + " " + " ".join(t for _, t in paragraphs[:5])
    meta: dict = {"symbol": symbol, "date": None, "title": None, "period_start": None, "period_end": None,
                  "body": None}
    m = re.search(_DATE, front)
    if m:
        meta["date"] = parse_date(m.group())
    for line in front_matter:
        if re.match(r"(?:Report|Annual report)\b", line):
            meta["title"] = line.strip()
            break
    m = re.search(rf"period\s+from\s+(?P<a>\d{{1,2}}\s+(?:{_MONTHS})(?:\s+\d{{4}})?)\s+to\s+(?P<b>{_DATE})",
                  everything)
    if m:
        end = parse_date(m.group("b"))
        start_text = m.group("a")
        if end and not re.search(r"\d{4}$", start_text):
            start_text += f" {end.year}"
        meta["period_start"], meta["period_end"] = parse_date(start_text), end
    m = re.search(r"Security Council (?:Working Group|Committee) on [A-Z][\w-]*(?: [A-Za-z][\w-]*){0,6}",
                  everything)
    if m:
        meta["body"] = re.split(r"\s+(?:addressed|for|on the|was|held)\b", m.group())[0]
    return meta
