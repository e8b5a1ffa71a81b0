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
from .gazetteer import Gazetteer, load_gazetteer
from .layout import Document, parse_layout
from .meetings import document_metadata, find_meetings
from .mentions import find_mentions
from .paths import DEFAULT_REPORT
from .schema import COLUMNS, REPORT_SUFFIXES, TABLES
from .sources import SourceText
from .themes import tagger_for

__all__ = ["parse_rows", "COLUMNS", "TABLES", "DEFAULT_REPORT", "REPORT_SUFFIXES", "ReportWarning"]



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




def parse_rows(source: SourceText, *, report_id: str | None = None, gazetteer: Gazetteer | None = None,
               strict: bool = False) -> tuple[dict[str, list[dict]], dict]:
    """The rows of every table (plain dicts, no pandas) and the metadata: what :func:`parse` frames."""
    g = gazetteer or load_gazetteer()
    doc: Document = parse_layout(source)
    rid = report_id or Path(source.name).stem
    problems = list(doc.problems)
    if strict and problems:
        from .errors import LayoutError
        p = problems[0]
        raise LayoutError(p["message"], source=source.name, line=p["line"], para=p["para"])

    para_rows = [(p.number, p.text, p.section, p.section_title) for p in doc.paragraphs]
    meetings = find_meetings(para_rows)
    meeting_of: dict[int, str | None] = {p.number: None for p in doc.paragraphs}
    for m in meetings:
        for p in doc.paragraphs:
            if m["first_para"] <= p.number <= m["last_para"]:
                meeting_of[p.number] = m["meeting_id"]

    texts = [(p.number, p.text) for p in doc.paragraphs]
    people = find_people([" ".join(doc.front_matter)] + [t for _, t in texts], g)
    att = attribute(texts, g, meeting_of=meeting_of, people=people)
    problems += att.problems
    meta = document_metadata(doc.front_matter, texts, doc.symbol)
    chair = next((p for p in people.values() if p.is_chair), None)
    meta.update({"report_id": rid, "source": source.name, "format": source.format, "sha256": source.sha256,
                 "chair": chair.full_name if chair else None, "n_paragraphs": len(texts)})

    # meetings: chair of the meeting = first chair statement inside it
    speakers_kind = {sid: s.kind for sid, s in att.speakers.items()}
    for m in meetings:
        chair_sid = next((s.speaker_id for s in att.statements
                          if m["first_para"] <= s.para <= m["last_para"] and speakers_kind[s.speaker_id] == "chair"),
                         None)
        m["chair"] = att.speakers[chair_sid].name if chair_sid else meta["chair"]
        m["report_id"] = rid
    paragraph_rows = [
        {"report_id": rid, "para": p.number, "section": p.section, "section_title": p.section_title,
         "subsection": p.subsection,
         "meeting_id": meeting_of[p.number], "text": p.text, "line": p.line, "pages": p.pages,
         "n_chars": len(p.text)} for p in doc.paragraphs]
    speaker_rows = [{"report_id": rid, **vars(s)} for s in att.speakers.values()]

    st_rows = []
    counter: dict[int, int] = {}
    for s in att.statements:
        counter[s.para] = counter.get(s.para, 0) + 1
        st_rows.append({"report_id": rid, "statement_id": f"{s.para}.{counter[s.para]}", "para": s.para,
                        "meeting_id": meeting_of.get(s.para), "speaker_id": s.speaker_id, "verb": s.verb,
                        "lemma": s.lemma, "text": s.text, "joint": s.joint, "start": s.start, "end": s.end,
                        "attribution": s.attribution, "group": f"{s.para}.{s.group}",
                        "speaker": att.speakers[s.speaker_id].name, "speaker_kind": speakers_kind[s.speaker_id]})

    whole, starts = _one_pass(texts)
    exclude = [(starts[i] + a, starts[i] + b) for i, (para, _) in enumerate(texts)
               for a, b in att.name_spans.get(para, [])]
    mention_rows = []
    for m in find_mentions(whole, g, exclude):
        i = bisect_right(starts, m.start) - 1
        mention_rows.append({"report_id": rid, "para": texts[i][0], "kind": m.kind, "key": m.key,
                             "surface": m.surface, "start": m.start - starts[i], "end": m.end - starts[i]})
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
    theme_rows = [{"report_id": rid, "para": para, "statement_id": owner, "theme": theme,
                   "label": tagger.labels[theme],
                   "terms": "; ".join(dict.fromkeys(h.surface.lower() for h, _ in hs)),
                   "n_hits": len(hs), "start": hs[0][1], "end": hs[0][1] + len(hs[0][0].surface)}
                  for (para, owner, theme), hs in grouped.items()]
    if problems:
        warnings.warn(f"{source.name}: " + "; ".join(p["message"] for p in problems[:5]), ReportWarning,
                      stacklevel=4)
    rows = {"meetings": meetings, "paragraphs": paragraph_rows, "speakers": speaker_rows, "statements": st_rows,
            "mentions": mention_rows, "themes": theme_rows,
            "problems": [{"report_id": rid, **p} for p in problems]}
    return rows, meta
