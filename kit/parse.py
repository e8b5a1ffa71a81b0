"""The whole parse without pandas: source text -> rows of every table, plus metadata.

This is the pipeline in one place: layout (paragraphs, sections), meetings,
people and attribution (statements), mentions and themes. It returns plain row
dicts, so light callers (the apps' cache, worker processes of a corpus) never
pay for importing pandas; :mod:`kit.report` frames the rows as dataframes.

Examples
--------
>>> from kit.sources import source_from_text
>>> rows, meta = parse_rows(source_from_text("1. The representative of Chile said it."))
>>> [(r["para"], r["speaker_id"], r["verb"]) for r in rows["statements"]]
[(1, 'CHL', 'said')]
"""

from __future__ import annotations

import warnings
from bisect import bisect_right
from pathlib import Path

from .attribution import attribute, find_people
from .checks import check_rows, problems_error
from .errors import Problem
from .gazetteer import Gazetteer, load_gazetteer
from .i18n import N_
from .language import detect_language
from .layout import Document
from .meetings import document_metadata, find_meetings
from .mentions import find_mentions
from .paths import DEFAULT_REPORT
from .readers import KIND_NAMES, read
from .schema import COLUMNS, REPORT_SUFFIXES, TABLES
from .sources import SourceText
from .themes import tagger_for

__all__ = ["parse_rows", "COLUMNS", "TABLES", "DEFAULT_REPORT", "REPORT_SUFFIXES", "ReportWarning", "NOT_A_REPORT"]


# the "unattributed" problem: most paragraphs have no statement (the reference tables may lack its verbs or names)
_UNATTRIBUTED_NUMBERED = N_(
    "{n} of {total} numbered paragraphs have no attributed statement: this report may use "
    "reporting verbs or speaker names the reference tables do not know (reporting_verbs.csv, "
    "member_states.csv)"
)
_UNATTRIBUTED = N_(
    "{n} of {total} paragraphs have no attributed statement: this report may use reporting verbs or "
    "speaker names the reference tables do not know (reporting_verbs.csv, member_states.csv)"
)


class ReportWarning(UserWarning):
    """Something in the report looks wrong but the parse went on (numbering gaps, unknown speakers)."""


_SEPARATOR = "\n\x00\n"  # between paragraphs in the one-pass text: no name or whitespace run crosses it


def _one_pass(texts: list[tuple[int, str]]) -> tuple[str, list[int]]:
    """All paragraph texts joined, and where each starts: the matchers then run once, not once per paragraph."""
    starts, pos = [], 0
    for _, text in texts:
        starts.append(pos)
        pos += len(text) + len(_SEPARATOR)
    return _SEPARATOR.join(t for _, t in texts), starts


def _meeting_of(numbers: list[int], meetings: list[dict]) -> dict[int, str | None]:
    """Paragraph number -> id of the meeting it belongs to (``None`` outside meetings), in one pass.

    Meetings are in paragraph order and do not overlap (:func:`kit.meetings.find_meetings`).

    >>> _meeting_of([1, 2, 3, 4], [{"meeting_id": "m", "first_para": 2, "last_para": 3}])
    {1: None, 2: 'm', 3: 'm', 4: None}
    """
    out: dict[int, str | None] = dict.fromkeys(numbers)
    ranges = sorted((m["first_para"], m["last_para"], m["meeting_id"]) for m in meetings)
    firsts = [r[0] for r in ranges]
    for number in numbers:
        i = bisect_right(firsts, number) - 1
        if i >= 0 and ranges[i][0] <= number <= ranges[i][1]:
            out[number] = ranges[i][2]
    return out


NOT_A_REPORT = N_(
    "no paragraph dates a meeting or attributes a statement to a speaker: this does not look like a "
    "report of reported speech (expected paragraphs such as 'On 13 April 2021, the Working Group held a "
    "meeting ...' and 'The representative of Kenya said that ...'); the kit reads {kinds}"
)
#: The same, when a few paragraphs do attribute a statement (the counts say how few).
NOT_A_REPORT_SOME = N_(
    "no paragraph dates a meeting, and only {attributed} of {total} paragraphs attribute a statement "
    "to a speaker: this does not look like a report of reported speech (expected paragraphs such as "
    "'On 13 April 2021, the Working Group held a meeting ...' and 'The representative of Kenya said "
    "that ...'); the kit reads {kinds}"
)


def _check_reported_speech(source: SourceText, doc: Document, meetings: list[dict], statements: list) -> None:
    """Refuse a text that is not a report of reported speech (a note, minutes, a list, a language not read yet).

    A report of this kind dates its meetings (in its paragraphs, or in its header: a summary record, meetings
    coverage), or attributes most of its paragraphs to speakers. Without any meeting, fewer than half of the
    paragraphs with a statement ("1. Milk. 2. Eggs. 3. The representative of France said bread.") is not a
    report. The message says which of the two is missing and the kinds of document the kit reads.
    """
    if meetings:
        return
    attributed = len({s.para for s in statements})
    if attributed == 0 or attributed * 2 < len(doc.paragraphs):
        from .errors import NotAReportError

        detail = {} if attributed == 0 else {"attributed": attributed, "total": len(doc.paragraphs)}
        raise NotAReportError(
            NOT_A_REPORT_SOME if detail else NOT_A_REPORT,
            source=source.name,
            line=doc.paragraphs[0].line,
            kinds=", ".join(KIND_NAMES),
            **detail,
        )


def _source_problems(source: SourceText, doc: Document) -> list[dict]:
    """What the source step changed (invisible characters removed), located at the paragraph of the line."""
    if not source.notes:
        return []
    lines = [p.line for p in doc.paragraphs]
    out = []
    for note in source.notes:
        i = bisect_right(lines, note["line"]) - 1
        out.append({"expected": None, **note, "para": doc.paragraphs[i].number if i >= 0 else None})
    return out


def parse_rows(
    source: SourceText,
    *,
    report_id: str | None = None,
    gazetteer: Gazetteer | None = None,
    strict: bool = False,
    lang: str | None = None,
    kind: str | None = None,
) -> tuple[dict[str, list[dict]], dict]:
    """The rows of every table (plain dicts, no pandas) and the metadata: what :func:`parse` frames.

    ``lang`` ("en", "fr") is detected from the paragraphs when not given, and recorded in ``metadata["lang"]``.
    ``kind`` (``"report"``, ``"summary_record"``, ``"meetings_coverage"``, ``"verbatim_record"``: :data:`kit.readers.KINDS`) chooses the
    document's reader; it is detected from the text when not given, and recorded in ``metadata["kind"]``.

    The steps: read the document's layout (:func:`kit.readers.read`), date its meetings, find its people and
    attribute its statements, check it is a report of reported speech, then build each table's rows with its
    own builder (:func:`_table_rows`).

    ``strict``: check the rows with :func:`kit.checks.check_rows` (as :meth:`kit.Report.validate` does) and raise
    its :class:`kit.ValidationError` when a problem is found.
    """
    doc: Document = read(
        source,
        kind,  # a non-report is said so before "truncated"
        reference_folder=gazetteer.folder if gazetteer is not None else None,
    )
    lang = lang or detect_language(" ".join(p.text for p in doc.paragraphs[:30]))
    g = (
        gazetteer
        if gazetteer is not None and gazetteer.lang == lang
        else load_gazetteer(gazetteer.folder if gazetteer is not None else None, lang=lang)
    )
    rid = report_id or Path(source.name).stem
    problems = list(doc.problems)

    texts = [(p.number, p.text) for p in doc.paragraphs]
    meta = document_metadata(doc.front_matter, texts, doc.symbol, lang=lang)  # dates a meeting without a year
    meta.update({k: v for k, v in doc.header.items() if v is not None or k not in meta})  # the reader's header
    meetings = _meetings(doc, lang, meta, problems)
    meeting_of = _meeting_of([p.number for p in doc.paragraphs], meetings)

    people = find_people(["\n".join(doc.front_matter)] + [t for _, t in texts], g)  # a header line ends a name
    att = attribute(texts, g, meeting_of=meeting_of, people=people)
    problems += att.problems
    chair = next((p for p in people.values() if p.is_chair), None)
    # the chair's full name, or the header's "Mr. Okafor" rather than a bare surname
    chair_name = chair.full_name if chair and chair.full_name != chair.surname else None
    chair_name = chair_name or _header_chair(meetings) or (chair.full_name if chair else None)
    meta.update(_report_metadata(source, doc, rid, lang, chair_name))
    _chair_meetings(meetings, att, meeting_of, meta["chair"], rid)
    _check_reported_speech(source, doc, meetings, att.statements)
    if doc.truncated is not None:  # a report (it has a meeting or statements) that stops mid-sentence
        raise doc.truncated
    problems += _source_problems(source, doc)
    problems += _unattributed_problems(doc, att)
    meta["normalised_characters"] = source.normalised
    rows = _table_rows(doc, meetings, meeting_of, att, problems, g, rid)
    if strict:  # the one checker, as Report.validate() runs it
        found = check_rows({t: [{c: row.get(c) for c in COLUMNS[t]} for row in rows[t]] for t in COLUMNS})
        if found:
            raise problems_error(found, source=source.name)
    if problems:
        warnings.warn(
            f"{source.name}: " + "; ".join(str(Problem.from_row(p)) for p in problems[:5]), ReportWarning, stacklevel=4
        )
    return rows, meta


def _report_metadata(source: SourceText, doc: Document, rid: str, lang: str, chair: str | None) -> dict:
    """What the parse adds to the document's metadata: where the report comes from, its chair, size, language,
    kind and footnotes."""
    return {
        "report_id": rid,
        "source": source.name,
        "format": source.format,
        "sha256": source.sha256,
        "chair": chair,
        "n_paragraphs": len(doc.paragraphs),
        "lang": lang,
        "kind": doc.kind,
        # footnotes taken out of the paragraphs (kit.layout): marker, text, para with the marker, line
        "footnotes": doc.footnotes,
    }


def _unattributed_problems(doc: Document, att) -> list[dict]:
    """The "unattributed" problem, when more than half of the paragraphs have no attributed statement."""
    total = len(doc.paragraphs)
    unattributed = total - len({s.para for s in att.statements})
    if unattributed * 2 <= total:
        return []
    template = _UNATTRIBUTED_NUMBERED if all(p.numbered for p in doc.paragraphs) else _UNATTRIBUTED
    return [Problem("unattributed", template, n=unattributed, total=total).as_row()]


def _table_rows(
    doc: Document, meetings: list[dict], meeting_of: dict, att, problems: list[dict], g: Gazetteer, rid: str
) -> dict[str, list[dict]]:
    """The rows of each table (:data:`kit.schema.TABLES`), each from its own row builder.

    The mentions and themes are found in one pass over all paragraph texts (:func:`_one_pass`); a theme hit
    belongs to the statement whose span holds it, so the themes are built from the statement rows.
    """
    texts = [(p.number, p.text) for p in doc.paragraphs]
    whole, starts = _one_pass(texts)
    statements = _statement_rows(att, meeting_of, rid)
    return {
        "meetings": meetings,
        "paragraphs": _paragraph_rows(doc, meeting_of, rid),
        "speakers": _speaker_rows(att, rid),
        "statements": statements,
        "mentions": _mention_rows(whole, starts, texts, att, g, rid),
        "themes": _theme_rows(whole, starts, texts, statements, g, rid),
        "problems": _problem_rows(problems, rid),
    }


def _meetings(doc: Document, lang: str, meta: dict, problems: list[dict]) -> list[dict]:
    """The meetings the reader dated from the header, else those the paragraphs date (:func:`find_meetings`)."""
    if doc.meetings is not None:
        return [dict(m) for m in doc.meetings]
    para_rows = [(p.number, p.text, p.section, p.section_title) for p in doc.paragraphs]
    return find_meetings(para_rows, lang=lang, metadata=meta, problems=problems)


def _header_chair(meetings: list[dict]) -> str | None:
    """The chair a header names ("Chair: Mr. Lindqvist (Sweden)"), when no paragraph names the chair in full."""
    return next((m["chair"] for m in meetings if m.get("chair")), None)


def _chair_meetings(meetings: list[dict], att, meeting_of: dict, chair: str | None, rid: str) -> None:
    """Each meeting's chair: the header's, else the speaker of the first chair statement inside it, else the
    report's chair (one pass over the statements); and its report_id."""
    first_chair: dict[str, str] = {}
    for s in att.statements:
        mid = meeting_of.get(s.para)
        if mid is not None and mid not in first_chair and att.speakers[s.speaker_id].kind == "chair":
            first_chair[mid] = s.speaker_id
    for m in meetings:
        chair_sid = first_chair.get(m["meeting_id"])
        m["chair"] = m.get("chair") or (att.speakers[chair_sid].name if chair_sid else chair)
        m["report_id"] = rid


def _paragraph_rows(doc: Document, meeting_of: dict, rid: str) -> list[dict]:
    return [
        {
            "report_id": rid,
            "para": p.number,
            "section": p.section,
            "section_title": p.section_title,
            "subsection": p.subsection,
            "meeting_id": meeting_of[p.number],
            "text": p.text,
            "line": p.line,
            "pages": p.pages,
            "n_chars": len(p.text),
            "numbered": p.numbered,
        }
        for p in doc.paragraphs
    ]


def _speaker_rows(att, rid: str) -> list[dict]:
    return [{"report_id": rid, **vars(s)} for s in att.speakers.values()]


def _problem_rows(problems: list[dict], rid: str) -> list[dict]:
    return [{**p, "report_id": rid} for p in problems]  # a Problem row carries report_id None


def _statement_rows(att, meeting_of: dict, rid: str) -> list[dict]:
    rows = []
    counter: dict[int, int] = {}
    for s in att.statements:
        counter[s.para] = counter.get(s.para, 0) + 1
        speaker = att.speakers[s.speaker_id]
        rows.append(
            {
                "report_id": rid,
                "statement_id": f"{s.para}.{counter[s.para]}",
                "para": s.para,
                "meeting_id": meeting_of.get(s.para),
                "speaker_id": s.speaker_id,
                "verb": s.verb,
                "lemma": s.lemma,
                "text": s.text,
                "joint": s.joint,
                "start": s.start,
                "end": s.end,
                "attribution": s.attribution,
                "group": f"{s.para}.{s.group}",
                "speaker": speaker.name,
                "speaker_kind": speaker.kind,
            }
        )
    return rows


def _mention_rows(
    whole: str, starts: list[int], texts: list[tuple[int, str]], att, g: Gazetteer, rid: str
) -> list[dict]:
    exclude = [
        (starts[i] + a, starts[i] + b) for i, (para, _) in enumerate(texts) for a, b in att.name_spans.get(para, [])
    ]
    rows = []
    for m in find_mentions(whole, g, exclude):
        i = bisect_right(starts, m.start) - 1
        rows.append(
            {
                "report_id": rid,
                "para": texts[i][0],
                "kind": m.kind,
                "key": m.key,
                "surface": m.surface,
                "start": m.start - starts[i],
                "end": m.end - starts[i],
            }
        )
    return rows


def _theme_rows(
    whole: str, starts: list[int], texts: list[tuple[int, str]], st_rows: list[dict], g: Gazetteer, rid: str
) -> list[dict]:
    """Theme hits grouped by paragraph, owning statement (the one whose span holds the hit) and theme."""
    by_para: dict[int, list[dict]] = {}
    for row in st_rows:
        by_para.setdefault(row["para"], []).append(row)
    grouped: dict[tuple[int, str | None, str], list] = {}
    tagger = tagger_for(g)
    for h in tagger.find(whole):
        i = bisect_right(starts, h.start) - 1
        para, offset = texts[i][0], h.start - starts[i]
        owners = [r["statement_id"] for r in by_para.get(para, []) if r["start"] <= offset < r["end"]]
        for owner in owners or [None]:
            grouped.setdefault((para, owner, h.theme), []).append((h, offset))
    return [
        {
            "report_id": rid,
            "para": para,
            "statement_id": owner,
            "theme": theme,
            "label": tagger.labels[theme],
            "terms": "; ".join(dict.fromkeys(h.surface.lower() for h, _ in hs)),
            "n_hits": len(hs),
            "start": hs[0][1],
            "end": hs[0][1] + len(hs[0][0].surface),
        }
        for (para, owner, theme), hs in grouped.items()
    ]
