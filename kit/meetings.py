"""Meetings and the document's own metadata (date, symbol, period, chair).

A meeting starts at a paragraph that dates it ("On 13 April 2021, the Working
Group held a meeting by videoconference ...", "On 12 October 2021, the Working
Group heard a briefing by ...") and runs to the end of its section or to the
next meeting, whichever comes first. French reports are read the same way
(« Le 13 avril 2021, le Groupe de travail a tenu une réunion … »), with the
phrases, month names and formats of :mod:`kit.language`; the ``format`` of a
meeting is always the canonical English name ("videoconference"), so the
two versions of a report compare.

The date may follow a day name ("On Thursday, 30 November 2023"), follow the
verb ("The Working Group met on 12 December 2023"), or cover several days
("On 12 and 13 September 2023", "12-13 December", "30 November and
1 December 2023", « Les 12 et 13 septembre 2023 »): such a paragraph is one
meeting, dated by its first day. A date without its year ("On 5 May, ...")
takes the year from the report's period (or its date); when the report gives
neither, the paragraph is not a meeting and ``problems`` says so. The format
is read from the meeting's own sentence and wording ("by videoconference",
"in a hybrid format"), never from a name ("... Hybrid Operation in Darfur").

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

from .errors import Problem
from .i18n import N_
from .language import LANGUAGES, language

__all__ = ["find_meetings", "document_metadata", "parse_date", "date_span"]


@lru_cache(maxsize=4)
def _patterns(lang: str) -> dict:
    """The compiled meeting and front-matter patterns of one language."""
    L = language(lang)
    return {
        "start": re.compile(L.meeting_start.format(date=L.date_span)),
        "after": re.compile(L.meeting_after.format(date=L.date_span)),
        "formats": [(name, re.compile(rx)) for name, rx in L.formats],
        "quoted": re.compile(L.quoted),
        "date": re.compile(L.date),
        "period": re.compile(L.period.format(date=L.date, day_month=L.day_month)),
        "title": re.compile(L.title_line),
        "front_item": re.compile(L.front_item),
        "title_open": re.compile(L.title_open),
        "body": re.compile(L.body),
        "body_end": re.compile(L.body_end),
    }


@lru_cache(maxsize=1)
def _date_parts() -> tuple[str, str]:
    """What may follow a day's number (« 1er ») and what may stand between a date's parts ("13 de abril de 2021"),
    in any language of :mod:`kit.language`: regex sources."""
    suffixes = sorted({L.first_day.lstrip("0123456789") for L in LANGUAGES.values() if L.first_day} - {""})
    words = sorted({L.date_of for L in LANGUAGES.values() if L.date_of})
    return "|".join(suffixes) or "(?!x)x", (rf"\s+(?:(?:{'|'.join(words)})\s+)?" if words else r"\s+")


@lru_cache(maxsize=1)
def _day_month_year() -> re.Pattern:
    suffix, of = _date_parts()
    return re.compile(rf"(\d{{1,2}})(?:{suffix})?{of}([^\W\d_]+){of}(\d{{4}})")


def parse_date(text: str) -> date | None:
    """``"13 April 2021"`` or « 1er janvier 2021 » -> a date; ``None`` when it is not a full date.

    >>> parse_date("1er janvier 2021"), parse_date("31 June 2021")
    (datetime.date(2021, 1, 1), None)
    """
    m = _day_month_year().fullmatch(re.sub(r"\s+", " ", text.strip()))
    if not m:
        return None
    month = next((n for n in (L.month_number(m.group(2)) for L in LANGUAGES.values()) if n), None)
    try:
        return date(int(m.group(3)), month, int(m.group(1))) if month else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _day_token() -> re.Pattern:
    months = "|".join(m for L in LANGUAGES.values() for m in L.months)
    suffix, of = _date_parts()
    return re.compile(rf"(?<!\d)(\d{{1,2}})(?:{suffix})?(?!\d)(?:{of}({months}))?(?:{of}(\d{{4}}))?", re.I)


def _month(name: str) -> int | None:
    """1-12 for a month name of any language, ``None`` for none."""
    return next((n for n in (L.month_number(name) for L in LANGUAGES.values()) if n), None) if name else None


def date_span(text: str, metadata: dict | None = None) -> tuple[date, date] | None:
    """The first and last day of a meeting's date(s), ``None`` when they are not real dates or the year is unknown.

    Days without a month take the next one's ("12 and 13 September"), days without a year the next one's, else
    the year of the report's period (``period_start``/``period_end``) or date in ``metadata``.

    >>> date_span("12 and 13 September 2023")
    (datetime.date(2023, 9, 12), datetime.date(2023, 9, 13))
    >>> date_span("mardi 30 décembre et le 2 janvier 2024")[0], date_span("5 May"), date_span("5 May", {"date": date(2024, 1, 9)})[0]
    (datetime.date(2023, 12, 30), None, datetime.date(2023, 5, 5))
    """
    tokens = [[int(d), _month(m), int(y) if y else None] for d, m, y in _day_token().findall(text)]
    if not tokens:
        return None
    for i in range(len(tokens) - 2, -1, -1):  # from the last day back: it carries the month and year
        here, nxt = tokens[i], tokens[i + 1]
        here[1] = here[1] or nxt[1]
        if here[2] is None and nxt[2] is not None:  # "30 December and 2 January 2024": December 2023
            here[2] = nxt[2] - (1 if here[1] and nxt[1] and here[1] > nxt[1] else 0)
    days = []
    for d, month, y in tokens:
        if month is None:
            return None
        y = y if y is not None else _year_of(month, d, metadata or {})
        if y is None:
            return None
        try:
            days.append(date(y, month, d))
        except ValueError:
            return None
    return days[0], days[-1]


def _year_of(month: int, day: int, metadata: dict) -> int | None:
    """The year of a day and month the report writes without one: the year of its period that holds the day,
    else the year of the report's date (the year before, when the day would come after that date)."""
    start, end, issued = metadata.get("period_start"), metadata.get("period_end"), metadata.get("date")
    if start and end:
        for y in range(start.year, end.year + 1):
            try:
                if start <= date(y, month, day) <= end:
                    return y
            except ValueError:
                return None
        return end.year
    if issued:
        try:
            return issued.year - (1 if date(issued.year, month, day) > issued else 0)
        except ValueError:
            return None
    return None


_STOP = re.compile(r"([\w’'-]*)\.\s+(?=[A-ZÀ-ÖØ-Þ«“\"(])")


def _first_sentence(text: str) -> str:
    """The paragraph up to its first full stop before a capital; a short capitalized word before the stop is an
    abbreviation or initial ("Mr.", "Gen.", "M."), not a sentence's end.

    >>> _first_sentence("It met by videoconference (UNAMID). Mr. Lacroix spoke of a hybrid model.")
    'It met by videoconference (UNAMID)'
    """
    for m in _STOP.finditer(text):
        word = m.group(1)
        if not (word[:1].isupper() and len(word) <= 4 and not word.isupper()) and not (
            len(word) == 1 and word.isupper()
        ):
            return text[: m.start(1) + len(word)]
    return text


def _full_body(short: str, body: str | None, lang: str) -> str:
    """The report's full body name when a meeting names it by its head ("Working Group", "Committee")."""
    head = language(lang).body_head
    if body and re.search(rf"(?:^|\s){re.escape(short)}(?=$|\s(?:{head})\b)", body, re.I):
        return body
    return short


def find_meetings(
    paragraphs: list[tuple[int, str, str | None, str | None]],
    lang: str = "en",
    *,
    metadata: dict | None = None,
    problems: list[dict] | None = None,
) -> list[dict]:
    """Meetings from ``(para, text, section, section_title)`` rows, in order.

    Each meeting is a dict with ``meeting_id`` (the ISO date of its first day, suffixed when two share a day),
    ``date``, ``title``, ``format``, ``first_para``, ``last_para``, ``section``, ``body``. ``metadata`` (from
    :func:`document_metadata`) gives the year of a date written without one and the body's full name; a meeting
    date whose year cannot be known is appended to ``problems`` (when given) and is not a meeting.

    >>> [m["date"] for m in find_meetings([(1, "The Working Group met on 12 December 2023 on X.", None, None),
    ...                                    (2, "On 5 May, the Working Group held a meeting.", None, None)],
    ...                                   metadata={"period_start": date(2024, 1, 1), "period_end": date(2024, 12, 31)})]
    [datetime.date(2023, 12, 12), datetime.date(2024, 5, 5)]
    """
    rx = _patterns(lang)
    starts = _meeting_starts(paragraphs, rx, metadata, problems)
    meetings = []
    ids: dict[str, int] = {}
    paras = [p[0] for p in paragraphs]
    index_of = {para: i for i, para in enumerate(paras)}  # not paras.index(): that made long reports quadratic
    section_of = {p[0]: p[2] for p in paragraphs}
    for i, (para, text, section, section_title, m) in enumerate(starts):
        day = date_span(m.group("date"), metadata)[0]
        next_start = starts[i + 1][0] if i + 1 < len(starts) else None
        last = para
        for p in (paras[j] for j in range(index_of[para], len(paras))):
            if next_start is not None and p >= next_start:
                break
            if section_of[p] != section:
                break
            last = p
        mid = day.isoformat()
        ids[mid] = ids.get(mid, 0) + 1
        if ids[mid] > 1:
            mid = f"{mid}-{ids[mid]}"
        meetings.append(
            {
                "meeting_id": mid,
                "date": day,
                **_title_and_format(text, section_title, m, rx),
                "first_para": para,
                "last_para": last,
                "section": section,
                "body": _full_body(m.group("body"), (metadata or {}).get("body"), lang),
            }
        )
    return meetings


def _meeting_starts(
    paragraphs: list[tuple[int, str, str | None, str | None]],
    rx: dict,
    metadata: dict | None,
    problems: list[dict] | None,
) -> list[tuple[int, str, str | None, str | None, re.Match]]:
    """The paragraphs that start a meeting, each with its match of the meeting pattern; a meeting date whose year
    cannot be known is a problem (appended to ``problems`` when given), not a meeting."""
    starts = []
    for para, text, section, section_title in paragraphs:
        m = rx["start"].match(text) or rx["after"].match(text)
        if not m:
            continue
        if date_span(m.group("date"), metadata):
            starts.append((para, text, section, section_title, m))
        elif problems is not None and date_span(
            m.group("date"), {"period_start": date(2000, 1, 1), "period_end": date(2000, 12, 31)}
        ):
            problems.append(
                Problem(
                    "meeting_date",
                    N_(
                        "paragraph {para} dates a meeting ({date!r}) without its "
                        "year, and the report gives no period or date to take it "
                        "from: it is not read as a meeting"
                    ),
                    para=para,
                    date=m.group("date"),
                ).as_row()
            )
    return starts


def _title_and_format(text: str, section_title: str | None, m: re.Match, rx: dict) -> dict:
    """A meeting's title (the name it quotes, else its section's title, else the words after its date) and its
    format, read from its first sentence only (never from a name such as "... Hybrid Operation in Darfur")."""
    quoted = rx["quoted"].search(text)
    title = quoted.group(1) if quoted else (section_title or text[m.end() :].split(".")[0].strip())
    sentence = _first_sentence(text)
    fmt = next((name for name, pattern in rx["formats"] if pattern.search(sentence)), None)
    return {"title": title, "format": fmt}


def document_metadata(
    front_matter: list[str], paragraphs: list[tuple[int, str]], symbol: str | None, lang: str = "en"
) -> dict:
    """Date, title, period covered and body of the report, read from its front matter.

    >>> document_metadata(["Distr.: General", "21 December 2021"], [(1, "for the period from 1 January to 31 December 2021")], None)["period_end"]
    datetime.date(2021, 12, 31)
    """
    front = " ".join(front_matter)
    # A name never runs from the front matter into a paragraph, nor from one paragraph into the next ("... on
    # Peacekeeping Operations" + "On 13 April ..." is not a body called "... Operations On").
    everything = "\n".join([front, *(t for _, t in paragraphs[:5])])
    meta: dict = {"symbol": symbol, "date": None, "title": None, "period_start": None, "period_end": None, "body": None}
    rx = _patterns(lang)
    m = rx["date"].search(front)
    if m:
        meta["date"] = parse_date(m.group())
    for i, line in enumerate(front_matter):
        if rx["title"].match(line):
            # a title wrapped over several lines (text or PDF) runs on to the next item of the front matter
            title = [line.strip()]
            for more in front_matter[i + 1 :]:
                if not more.strip() or (
                    (rx["front_item"].match(more.strip()) or rx["title"].match(more))
                    and not rx["title_open"].search(title[-1])
                ):
                    break
                title.append(more.strip())
            meta["title"] = " ".join(title)
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
