"""Meetings and the document's own metadata (date, symbol, period, chair).

A meeting starts at a paragraph that dates it ("On 13 April 2021, the Working
Group held a meeting by videoconference ...", "On 12 October 2021, the Working
Group heard a briefing by ...") and runs to the end of its section or to the
next meeting, whichever comes first. French reports are read the same way
(« Le 13 avril 2021, le Groupe de travail a tenu une réunion … »), with the
phrases, month names and formats of :mod:`kit.language`; the ``format`` of a
meeting is always the canonical English name ("videoconference"), so the
two versions of a report compare.

Examples
--------
>>> find_meetings([(5, "On 13 April 2021, the Working Group held a meeting by videoconference on X.", "III", "Safety")])[0]["format"]
'videoconference'
>>> find_meetings([(5, "Le 13 avril 2021, le Groupe de travail a tenu une réunion par visioconférence.", "III", "S")], lang="fr")[0]["date"]
datetime.date(2021, 4, 13)
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from .language import LANGUAGES, language

__all__ = ["find_meetings", "document_metadata", "parse_date"]



@lru_cache(maxsize=4)
def _patterns(lang: str) -> dict:
    """The compiled meeting and front-matter patterns of one language."""
    L = language(lang)
    return {
        "start": re.compile(L.meeting_start.format(date=L.date)),
        "formats": [(name, re.compile(rx, re.I)) for name, rx in L.formats],
        "quoted": re.compile(L.quoted),
        "date": re.compile(L.date),
        "period": re.compile(L.period.format(date=L.date, day_month=L.day_month)),
        "title": re.compile(L.title_line),
        "body": re.compile(L.body),
        "body_end": re.compile(L.body_end),
    }


_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})(?:er)?\s+([^\W\d_]+)\s+(\d{4})")


def parse_date(text: str) -> date | None:
    """``"13 April 2021"`` or « 1er janvier 2021 » -> a date; ``None`` when it is not a full date.

    >>> parse_date("1er janvier 2021"), parse_date("31 June 2021")
    (datetime.date(2021, 1, 1), None)
    """
    m = _DAY_MONTH_YEAR.fullmatch(re.sub(r"\s+", " ", text.strip()))
    if not m:
        return None
    month = next((n for n in (L.month_number(m.group(2)) for L in LANGUAGES.values()) if n), None)
    try:
        return date(int(m.group(3)), month, int(m.group(1))) if month else None
    except ValueError:
        return None


def find_meetings(paragraphs: list[tuple[int, str, str | None, str | None]], lang: str = "en") -> list[dict]:
    """Meetings from ``(para, text, section, section_title)`` rows, in order.

    Each meeting is a dict with ``meeting_id`` (the ISO date, suffixed when two
    share a day), ``date``, ``title``, ``format``, ``first_para``, ``last_para``.
    """
    rx = _patterns(lang)
    starts = []
    for para, text, section, section_title in paragraphs:
        m = rx["start"].match(text)
        if m and parse_date(m.group("date")):
            starts.append((para, text, section, section_title, m))
    meetings = []
    ids: dict[str, int] = {}
    paras = [p[0] for p in paragraphs]
    index_of = {para: i for i, para in enumerate(paras)}  # not paras.index(): that made long reports quadratic
    section_of = {p[0]: p[2] for p in paragraphs}
    for i, (para, text, section, section_title, m) in enumerate(starts):
        day = parse_date(m.group("date"))
        next_start = starts[i + 1][0] if i + 1 < len(starts) else None
        last = para
        for p in (paras[j] for j in range(index_of[para], len(paras))):
            if next_start is not None and p >= next_start:
                break
            if section_of[p] != section:
                break
            last = p
        quoted = rx["quoted"].search(text)
        title = quoted.group(1) if quoted else (section_title or text[m.end():].split(".")[0].strip())
        fmt = next((name for name, pattern in rx["formats"] if pattern.search(text)), None)
        mid = day.isoformat()
        ids[mid] = ids.get(mid, 0) + 1
        if ids[mid] > 1:
            mid = f"{mid}-{ids[mid]}"
        meetings.append({
            "meeting_id": mid, "date": day, "title": title, "format": fmt,
            "first_para": para, "last_para": last, "section": section, "body": m.group("body"),
        })
    return meetings


def document_metadata(front_matter: list[str], paragraphs: list[tuple[int, str]], symbol: str | None,
                      lang: str = "en") -> dict:
    """Date, title, period covered and body of the report, read from its front matter.

    >>> document_metadata(["Distr.: General", "21 December 2021"], [(1, "for the period from 1 January to 31 December 2021")], None)["period_end"]
    datetime.date(2021, 12, 31)
    """
    front = " ".join(front_matter)
    # A name never runs from the front matter into a paragraph, nor from one paragraph into the next ("... on
    # Peacekeeping Operations" + "On 13 April ..." is not a body called "... Operations On").
    everything = "\n".join([front, *(t for _, t in paragraphs[:5])])
    meta: dict = {"symbol": symbol, "date": None, "title": None, "period_start": None, "period_end": None,
                  "body": None}
    rx = _patterns(lang)
    m = rx["date"].search(front)
    if m:
        meta["date"] = parse_date(m.group())
    for line in front_matter:
        if rx["title"].match(line):
            meta["title"] = line.strip()
            break
    m = rx["period"].search(everything)
    if m:
        end = parse_date(m.group("b"))
        start_text = m.group("a")
        if end and not re.search(r"\d{4}$", start_text):
            start_text += f" {end.year}"
        meta["period_start"], meta["period_end"] = parse_date(start_text), end
    m = rx["body"].search(everything)
    if m:
        meta["body"] = rx["body_end"].split(m.group())[0]
    return meta
